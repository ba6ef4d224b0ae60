/* cmd-equality.c - `redress person equality ID`: a complainant's equality
 * monitoring answers, shown or changed (with their consent only). */
#include <stdio.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/equality.h"
#include "redress/reads.h"

static void
cmd_equality_print(const struct book_equality *eq)
{
	char label[32];
	size_t i;

	printf("%-14s %s\n", "consent:",
	       eq->consent[0] == '\0'              ? "not asked"
	       : strcmp(eq->consent, "yes") == 0 ? "yes"
	                                         : "no (declined)");
	for (i = 0; i < EQUALITY_QUESTIONS; i++) {
		snprintf(label, sizeof label, "%s:", equality_label(i));
		printf("%-14s %s\n", label, eq->answer[i][0] ? eq->answer[i] : "-");
	}
}

int
cmd_person_equality(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	struct book_equality_change ch;
	const char *revs = NULL, *pos[2];
	const struct cli_spec spec[] = {
		{ "consent", &ch.consent, NULL }, { "age-band", &ch.answer[0], NULL },
		{ "sex", &ch.answer[1], NULL },   { "ethnicity", &ch.answer[2], NULL },
		{ "disability", &ch.answer[3], NULL }, { "rev", &revs, NULL },
		{ NULL, NULL, NULL },
	};
	struct book_equality eq;
	struct book *b;
	struct err err;
	bool setting;
	uint64_t id, rev = 0;
	int npos, rc;
	size_t i;

	memset(&ch, 0, sizeof ch);
	if ((rc = cli_parse(self, argc, argv, spec, pos, 2, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = cli_id("person equality: ID", pos[1], &id)) != CLI_OK ||
	    (revs != NULL && (rc = cli_id("person equality: --rev", revs, &rev)) != CLI_OK))
		return rc;
	setting = ch.consent != NULL;
	for (i = 0; i < EQUALITY_QUESTIONS; i++)
		setting |= ch.answer[i] != NULL;
	/* a bad value is refused before the book is opened */
	if (setting && book_equality_check(&ch, &err) != 0)
		return cli_error(CLI_USAGE, "person equality: %s", err.msg);
	if ((rc = cli_book_open_unlock(env, &b, true)) != CLI_OK)
		return rc;
	if (setting)
		rc = cli_book_status(book_equality_set(b, id, rev, &ch, &err), &err);
	else {
		book_reads_via(b, "person equality", false); /* on record before it is shown */
		if ((rc = cli_book_status(book_equality_get(b, id, &eq, &err), &err)) ==
		    CLI_OK)
			cmd_equality_print(&eq);
		memset(&eq, 0, sizeof eq);
	}
	book_close(&b);
	return rc;
}
