/* cmd-audit.c - `redress audit`: the audit chain, newest last. */
#include <stdio.h>
#include <time.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/text.h"

static int
cmd_audit_each(const struct book_audit *a, void *ctx)
{
	char login[256], record[256], fields[640], when[32];
	time_t t = (time_t)a->time;
	struct tm tm;

	text_visible(a->login, login, sizeof login);
	text_visible(a->record, record, sizeof record);
	text_visible(a->fields, fields, sizeof fields);
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(ctx, "%6llu %s %-10s %-14s %-16s %s  %.12s\n", (unsigned long long)a->seq, when, login,
	       a->action, record, fields, a->hash);
	return 0;
}

static int
cmd_audit_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1];
	char hex[65];
	uint64_t seq;
	int head = 0;
	const struct cli_spec spec[] = { { "head", NULL, &head }, { NULL, NULL, NULL } };
	struct book *b;
	struct cli_out out;
	struct err err;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if (head) {
		if ((rc = cli_book_status(book_audit_head(b, &seq, hex, &err), &err)) == CLI_OK)
			printf("%llu:%s\n", (unsigned long long)seq, hex);
	} else if ((rc = cli_out_begin(&out)) == CLI_OK)
		rc = cli_out_end(&out, cli_book_status(book_audit_list(b, cmd_audit_each, out.f, &err),
		                                       &err));
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_audit_entry = {
	.name = "audit",
	.usage = "[--head]",
	.summary = "list the audit chain: who changed what, when (never the values)",
	.help = "One line per change: sequence, time (UTC), user, action, record, the fields\n"
	        "changed (never their values) and the start of the entry's hash.  Needs no\n"
	        "passphrase.  With --head, only the chain's head as SEQ:HASH, to keep outside\n"
	        "the book (on paper, in another system) for `redress verify --head`.",
	.exec = cmd_audit_exec,
};
