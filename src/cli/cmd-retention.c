/* cmd-retention.c - `redress retention`: the closed cases whose retention
 * has run out, and erasing their identity and narrative. */
#include <stdio.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"

struct retention_print {
	bool apply;
	size_t due, held;
	FILE *out;
};

static int
retention_print(const struct book_retention *r, void *ctx)
{
	struct retention_print *p = ctx;

	p->due++;
	p->held += r->held;
	fprintf(p->out, "%s  closed %s  due %s%s\n", r->ref, r->closed, r->due,
	       r->held ? "  held" : p->apply ? "  erased" : "");
	return 0;
}

static int
cmd_retention_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	int dry = 0, apply = 0, npos, rc;
	const struct cli_spec spec[] = {
		{ "dry-run", NULL, &dry }, { "apply", NULL, &apply }, { NULL, NULL, NULL },
	};
	struct retention_print p = { false, 0, 0, NULL };
	struct cli_out out;
	const char *pos[1];
	size_t cases = 0, people = 0;
	struct book *b = NULL;
	struct err err;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (dry == apply)
		return cli_error(CLI_USAGE, "retention: --dry-run or --apply");
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if ((rc = cli_out_begin(&out)) != CLI_OK) {
		book_close(&b);
		return rc;
	}
	p.out = out.f;
	if (dry) {
		rc = cli_out_end(&out, cli_book_status(book_retention_due(b, retention_print, &p, &err),
		                                       &err));
		if (rc == CLI_OK && p.due == 0)
			printf("no case is due\n");
		else if (rc == CLI_OK)
			printf("%zu due: %zu to erase, %zu held\n", p.due, p.due - p.held, p.held);
	} else if ((rc = cli_book_unlock(b)) == CLI_OK) {
		p.apply = true;
		rc = cli_out_end(&out, cli_book_status(book_retention_apply(b, retention_print, &p,
		                                                            &cases, &people, &err),
		                                       &err));
		if (rc == CLI_OK && cases == 0)
			printf("nothing to erase; %zu held\n", p.held);
		else if (rc == CLI_OK) {
			printf("erased %zu case%s and %zu %s; %zu held\n", cases, cases == 1 ? "" : "s",
			       people, people == 1 ? "person" : "people", p.held);
			/* LMDB reuses freed pages, it does not scrub them */
			printf("next: `redress rekey`, so that the old ciphertext left in free pages "
			       "cannot be read, and a new `redress backup`; letters saved outside the "
			       "book are not erased\n");
		}
	}
	rc = cli_out_end(&out, rc); /* not unlocked: nothing was written to it */
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_retention_entry = {
	.name = "retention",
	.usage = "--dry-run | --apply",
	.summary = "closed cases past the profile's retention: list them, or erase their identity",
	.help = "A closed case's names and narrative are kept for the profile's retention\n"
	        "(redress-profile(5): \"retention 6 years after closure\" in statutory),\n"
	        "counted from the day it closed; open cases never expire, and a case under a\n"
	        "legal hold (redress case hold) is kept.\n"
	        "--dry-run: each case due (reference, closed, due, \"held\"); no passphrase.\n"
	        "--apply (admin): erases the summary, points, recommendations, views, notes\n"
	        "  and drafts of each due case that is not held, and the sealed name and date of\n"
	        "  birth of its people unless they are party to a case still kept; the plain\n"
	        "  figures reports count stay.  Each erasure is audited, naming no one.  The\n"
	        "  old ciphertext stays in the book's free pages until they are reused: run\n"
	        "  `redress rekey` after, so that it cannot be read (the data key goes), and\n"
	        "  take a new `redress backup` (a compact copy, without it).  Letters saved to\n"
	        "  a directory are outside the book.  Running it again changes nothing.",
	.exec = cmd_retention_exec,
};
