/* cmd-workdays.c - `redress workdays FROM TO`: working days between dates. */
#include <stdio.h>

#include "redress/cli.h"
#include "redress/workday.h"

static int
cmd_workdays_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[2], *calname = NULL;
	char note[96], said[100] = "";
	const struct cli_spec spec[] = { { "calendar", &calname, NULL }, { NULL, NULL, NULL } };
	struct calendar cal;
	struct date a, b;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 2, 2, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_date(self->name, pos[0], &a)) != CLI_OK ||
	    (rc = cli_date(self->name, pos[1], &b)) != CLI_OK ||
	    (rc = cli_calendar_for(env, calname, &cal, note, sizeof note)) != CLI_OK)
		return rc;
	if (note[0] != '\0')
		snprintf(said, sizeof said, " (%s)", note);
	printf("%d%s\n", (int)workday_between(&cal, a, b), said);
	calendar_free(&cal);
	return CLI_OK;
}

const struct cli_cmd cmd_workdays_entry = {
	.name = "workdays",
	.usage = "[--calendar NAME] FROM TO",
	.summary = "how many working days from FROM to TO",
	.help = "Prints the number of working days between FROM, not counted, and TO,\n"
	        "counted, so that `redress workday FROM N` is TO when TO is a working day, in\n"
	        "both directions.  Negative when TO is before FROM.  With -d BOOK, counted with\n"
	        "the book's own calendar, and says so after the number.",
	.exec = cmd_workdays_exec,
};
