/* cmd-person-adjust.c - `redress person adjust ID`: a person's reasonable
 * adjustments (Complaint Handling Code 5.6), shown, recorded, reviewed or
 * cleared; sealed like the name (adjust.h). */
#include <stdio.h>
#include <string.h>

#include "redress/adjust.h"
#include "redress/book.h"
#include "redress/cli.h"
#include "redress/reads.h"

static void
cmd_adjust_print(const struct book_adjust *a)
{
	if (a->text[0] == '\0') {
		printf("no reasonable adjustments recorded\n");
		return;
	}
	cli_print_lines(stdout, 13, "agreed:", a->text);
	printf("%-13s %s\n", "on:", a->agreed);
	printf("%-13s %s\n", "reviewed:", a->reviewed[0] ? a->reviewed : "not yet");
	printf("%-13s %s\n", "next review:", a->review[0] ? a->review : "none set");
}

int
cmd_person_adjust(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *revs = NULL, *pos[2];
	struct book_adjust_change ch = { NULL, NULL, NULL, NULL, false };
	int clear = 0;
	const struct cli_spec spec[] = {
		{ "text", &ch.text, NULL }, { "agreed", &ch.agreed, NULL },
		{ "review", &ch.review, NULL }, { "reviewed", &ch.reviewed, NULL },
		{ "clear", NULL, &clear }, { "rev", &revs, NULL }, { NULL, NULL, NULL },
	};
	struct book_adjust a;
	struct date today;
	struct book *b;
	struct err err;
	char day[DATE_STRLEN];
	uint64_t id, rev = 0;
	bool setting;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 2, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = cli_id("person adjust: ID", pos[1], &id)) != CLI_OK ||
	    (revs != NULL && (rc = cli_id("person adjust: --rev", revs, &rev)) != CLI_OK))
		return rc;
	ch.clear = clear != 0;
	setting = ch.clear || ch.text != NULL || ch.agreed != NULL || ch.review != NULL ||
	          ch.reviewed != NULL;
	/* a bad value is refused before the book is opened */
	if (cli_today(&today, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	if (setting && book_adjust_check(&ch, NULL, date_format(today, day), &err) != 0)
		return cli_error(CLI_USAGE, "person adjust: %s", err.msg);
	if ((rc = cli_book_open_unlock(env, &b, true)) != CLI_OK)
		return rc;
	if (setting)
		rc = cli_book_status(book_adjust_set(b, id, rev, &ch, &err), &err);
	else {
		book_reads_via(b, "person adjust", false); /* on record before it is shown */
		if ((rc = cli_book_status(book_adjust_get(b, id, &a, &err), &err)) == CLI_OK)
			cmd_adjust_print(&a);
		explicit_bzero(&a, sizeof a);
	}
	book_close(&b);
	return rc;
}
