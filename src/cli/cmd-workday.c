/* cmd-workday.c - `redress workday DATE N`: the Nth working day from DATE. */
#include <stdio.h>

#include "redress/cli.h"
#include "redress/workday.h"

static int
cmd_workday_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[2], *calname = NULL;
	char note[96], said[100] = "";
	const struct cli_spec spec[] = { { "calendar", &calname, NULL }, { NULL, NULL, NULL } };
	char buf[DATE_STRLEN];
	struct calendar cal;
	struct date d, out;
	struct err err;
	int npos, rc;
	long n;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 2, 2, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_date(self->name, pos[0], &d)) != CLI_OK)
		return rc;
	if (cli_integer(pos[1], -100000, 100000, &n, &err) != 0)
		return cli_error(CLI_USAGE, "%s: N: %s", self->name, err.msg);
	if ((rc = cli_calendar_for(env, calname, &cal, note, sizeof note)) != CLI_OK)
		return rc;
	if (note[0] != '\0')
		snprintf(said, sizeof said, " (%s)", note);
	rc = workday_add(&cal, d, (int32_t)n, &out, &err);
	calendar_free(&cal);
	if (rc != 0)
		return cli_error(CLI_USAGE, "%s: %s", self->name, err.msg);
	printf("%s%s\n", date_format(out, buf), said);
	return CLI_OK;
}

const struct cli_cmd cmd_workday_entry = {
	.name = "workday",
	.usage = "[--calendar NAME] DATE N",
	.summary = "the Nth working day after (N < 0: before) DATE",
	.help = "Prints YYYY-MM-DD and nothing else.  Day 1 is the first working day after\n"
	        "DATE, so a Friday and the Saturday after it give the same answer.  N < 0 counts\n"
	        "back; N = 0 gives DATE itself if it is a working day, else the next one.\n"
	        "Working days exclude weekends and the calendar's bank holidays\n"
	        "(default england-and-wales).",
	.exec = cmd_workday_exec,
};
