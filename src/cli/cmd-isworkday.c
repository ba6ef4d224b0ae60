/* cmd-isworkday.c - `redress isworkday DATE`: whether, and if not why not. */
#include <stdio.h>

#include "redress/cli.h"
#include "redress/text.h"
#include "redress/workday.h"

static int
cmd_isworkday_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1], *calname = NULL;
	char note[96], said[100] = "";
	const struct cli_spec spec[] = { { "calendar", &calname, NULL }, { NULL, NULL, NULL } };
	char buf[DATE_STRLEN], name[HOLIDAY_NAME_MAX * 4];
	struct calendar cal;
	struct holiday h;
	struct date d;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 1, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_date(self->name, pos[0], &d)) != CLI_OK ||
	    (rc = cli_calendar_for(env, calname, &cal, note, sizeof note)) != CLI_OK)
		return rc;
	if (note[0] != '\0')
		snprintf(said, sizeof said, " (%s)", note);
	date_format(d, buf);
	switch (workday_reason(&cal, d, &h)) {
	case WORKDAY_WORKING:
		printf("%s %s: working day%s\n", buf, date_weekday_name(date_weekday(d)), said);
		break;
	case WORKDAY_SATURDAY:
	case WORKDAY_SUNDAY:
		printf("%s %s: not a working day: weekend%s\n", buf, date_weekday_name(date_weekday(d)),
		       said);
		rc = CLI_FAIL;
		break;
	case WORKDAY_HOLIDAY:
		text_visible(h.name, name, sizeof name);
		printf("%s %s: not a working day: %s (%s%s)%s\n", buf, date_weekday_name(date_weekday(d)),
		       name, h.projected ? "projected " : "", "bank holiday", said);
		rc = CLI_FAIL;
		break;
	}
	calendar_free(&cal);
	return rc;
}

const struct cli_cmd cmd_isworkday_entry = {
	.name = "isworkday",
	.usage = "[--calendar NAME] DATE",
	.summary = "whether DATE is a working day, and if not why not",
	.help = "Prints the date, its weekday and the verdict; a holiday is named, and marked\n"
	        "projected when it is computed by rule rather than listed.  Exits 0 for a\n"
	        "working day and 1 for any other day, so scripts can test it.  With -d BOOK,\n"
	        "judged by the book's own calendar, and says so.",
	.exec = cmd_isworkday_exec,
};
