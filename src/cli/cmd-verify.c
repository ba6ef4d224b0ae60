/* cmd-verify.c - `redress verify`: the store, the audit chain and every
 * record hold; with --sealed, every sealed field opens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/text.h"

/* Every problem on standard output, the summary on standard error. */
static void
cmd_verify_problem(const char *problem, void *ctx)
{
	char safe[1024];

	(void)ctx;
	text_visible(problem, safe, sizeof safe);
	printf("problem: %s\n", safe);
}

static int
cmd_verify_shut(const char *line, void *ctx)
{
	char safe[1024];

	(void)ctx;
	text_visible(line, safe, sizeof safe);
	fprintf(stderr, "redress: verify: cannot be opened: %s\n", safe);
	return 0;
}

static int
cmd_verify_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1], *head = NULL, *colon = NULL;
	int npos, rc, sealed = 0, recount = 0;
	const struct cli_spec spec[] = {
		{ "head", &head, NULL }, { "sealed", NULL, &sealed }, { "recount", NULL, &recount },
		{ NULL, NULL, NULL },
	};
	struct book_verify v;
	struct book *b;
	struct err err;
	size_t checked, shut;
	uint64_t seq = 0;
	long changed;
	char *end;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (head != NULL) {
		colon = strchr(head, ':');
		if (colon == NULL || head[0] < '1' || head[0] > '9' ||
		    (seq = strtoull(head, &end, 10)) == 0 || end != colon ||
		    strlen(colon + 1) != 64 || strspn(colon + 1, "0123456789abcdef") != 64)
			return cli_error(CLI_USAGE, "verify: --head takes SEQ:HASH as `redress audit "
			                 "--head` prints it");
	}
	if ((rc = cli_book_open_unlock(env, &b, recount != 0)) != CLI_OK)
		return rc;
	/* the repair first, so that what follows verifies the book as it is left */
	if (recount) {
		if ((rc = cli_book_status(book_due_days_recount(b, &changed, &err), &err)) != CLI_OK) {
			book_close(&b);
			return rc;
		}
		if (changed > 0)
			printf("recounted: the calendar's counts of %ld day%s, counted again from the "
			       "deadlines index\n", changed, changed == 1 ? "" : "s");
		else
			printf("recounted: the calendar's counts were right; nothing was written\n");
	}
	if (book_verify_each(b, &v, cmd_verify_problem, NULL, &err) != 0)
		rc = cli_error(CLI_FAIL, "verify: %s", err.msg);
	else if (colon != NULL && (rc = book_verify_anchor(b, seq, colon + 1, &err)) != 0)
		rc = cli_error(rc == BOOK_EUSAGE ? CLI_USAGE : CLI_FAIL, "verify: %s", err.msg);
	else {
		printf("verified: store readable, %llu audit entries chained and signed\n",
		       (unsigned long long)v.entries);
		printf("records: %llu match their last audit entry", (unsigned long long)v.records);
		if (v.uncovered > 0 || v.keys_unanchored > 0)
			printf("; not yet covered (written before this version): %llu record%s, "
			       "the public keys of %llu user%s", (unsigned long long)v.uncovered,
			       v.uncovered == 1 ? "" : "s", (unsigned long long)v.keys_unanchored,
			       v.keys_unanchored == 1 ? "" : "s");
		printf("\n");
		if (head != NULL)
			printf("head: the chain holds entry %llu as kept\n", (unsigned long long)seq);
	}
	/* with the passphrase: every sealed field opens with a key held */
	if (sealed && (rc == CLI_OK || rc == CLI_FAIL)) {
		int r = book_unlocked(b) ? CLI_OK : cli_book_unlock(b);

		if (r != CLI_OK)
			rc = r;
		else if (book_verify_sealed(b, cmd_verify_shut, NULL, &checked, &shut, &err) != 0)
			rc = cli_error(CLI_FAIL, "verify: %s", err.msg);
		else
			printf("verified: every sealed field of %zu cases and people opens with the "
			       "book's keys\n", checked);
	}
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_verify_entry = {
	.name = "verify",
	.usage = "[--head SEQ:HASH] [--sealed] [--recount]",
	.summary = "check the store and the audit chain; exit 0 only if all holds",
	.help = "Walks every database, then every audit entry: its place in the sequence, its\n"
	        "link to the entry before, its hash, and its author's signature; then every\n"
	        "case, person, user and file against the hash its last audit entry recorded,\n"
	        "and every user's public keys against those the chain recorded.  With --head\n"
	        "SEQ:HASH (from `redress audit --head`, kept elsewhere), the chain must still\n"
	        "hold that entry with that hash.  Read-only; needs no passphrase.  Otherwise\n"
	        "lists every problem found and exits 1.\n"
	        "--sealed asks for the passphrase and also opens every sealed field of every\n"
	        "case and person, naming each one no key held opens.\n"
	        "--recount (admin; asks for the passphrase) first counts again, from the\n"
	        "deadlines index, the calendar's counts of the days verify would name as\n"
	        "differing, in one audited write (book.recount), then verifies.",
	.exec = cmd_verify_exec,
};
