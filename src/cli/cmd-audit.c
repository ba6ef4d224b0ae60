/* cmd-audit.c - `redress audit`: the audit chain, newest last. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/date.h"
#include "redress/reads.h"
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

/* The changes: reads are listed with --reads. */
static int
cmd_audit_change(const struct book_audit *a, void *ctx)
{
	return strcmp(a->action, "read") == 0 ? 0 : cmd_audit_each(a, ctx);
}

static int
cmd_audit_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1], *ref = NULL, *person = NULL, *user = NULL, *since = NULL;
	char hex[65];
	uint64_t seq;
	int head = 0, reads = 0;
	const struct cli_spec spec[] = {
		{ "head", NULL, &head }, { "reads", NULL, &reads }, { "case", &ref, NULL },
		{ "person", &person, NULL }, { "user", &user, NULL }, { "since", &since, NULL },
		{ NULL, NULL, NULL },
	};
	struct book_reads_filter f = { NULL, 0, NULL, 0 };
	struct book *b;
	struct cli_out out;
	struct err err;
	struct date d;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (!reads && (ref != NULL || person != NULL || user != NULL || since != NULL))
		return cli_error(CLI_USAGE, "audit: --case, --person, --user and --since go with "
		                 "--reads");
	if (head && reads)
		return cli_error(CLI_USAGE, "audit: --head or --reads, not both");
	if (person != NULL && (rc = cli_id("audit: --person", person, &f.person)) != CLI_OK)
		return rc;
	if (since != NULL) {
		if ((rc = cli_date("audit: --since", since, &d)) != CLI_OK)
			return rc;
		f.since = d.day > 0 ? (uint64_t)d.day * 86400u : 0;
	}
	f.ref = ref;
	f.login = user;
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if (head) {
		if ((rc = cli_book_status(book_audit_head(b, &seq, hex, &err), &err)) == CLI_OK)
			printf("%llu:%s\n", (unsigned long long)seq, hex);
	} else if ((rc = cli_out_begin(&out)) == CLI_OK)
		rc = cli_out_end(&out, cli_book_status(
		        reads ? book_reads_list(b, &f, cmd_audit_each, out.f, &err)
		              : book_audit_list(b, cmd_audit_change, out.f, &err), &err));
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_audit_entry = {
	.name = "audit",
	.usage = "[--head] | --reads [--case REF] [--person ID] [--user LOGIN] [--since DATE]",
	.summary = "list the audit chain: who changed what, when (never the values)",
	.help = "One line per change: sequence, time (UTC), user, action, record, the fields\n"
	        "changed (never their values) and the start of the entry's hash.  Needs no\n"
	        "passphrase.  With --head, only the chain's head as SEQ:HASH, to keep outside\n"
	        "the book (on paper, in another system) for `redress verify --head`.\n"
	        "--reads: who opened whose identity or a case's narrative, when and through\n"
	        "  what (action read; exports and letters too), instead of the changes;\n"
	        "  --case, --person (their own record and every case they are party to),\n"
	        "  --user and --since narrow it.",
	.exec = cmd_audit_exec,
};
