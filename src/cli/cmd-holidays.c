/* cmd-holidays.c - `redress holidays [YEAR]`: a calendar's holidays. */
#include <stdio.h>
#include <string.h>

#include "redress/cli.h"
#include "redress/share.h"
#include "redress/text.h"

static int
cmd_holidays_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	(void)env;
	const char *pos[2], *calname = NULL;
	int list = 0;
	const struct cli_spec spec[] = {
		{ "calendar", &calname, NULL }, { "list", NULL, &list }, { NULL, NULL, NULL },
	};
	struct holiday days[HOLIDAY_PER_YEAR_MAX];
	char buf[DATE_STRLEN], name[HOLIDAY_NAME_MAX * 4], names[64][PROFILE_KEY_MAX];
	struct calendar cal;
	struct err err;
	long from, to, y;
	size_t i, n;
	int npos, rc;
	struct date today;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (list) {
		n = share_list("holiday", names, 64);
		for (i = 0; i < n; i++)
			printf("%s\n", names[i]);
		return CLI_OK;
	}
	if (npos == 0) {
		if (cli_today(&today, &err) != 0)
			return cli_report(CLI_FAIL, &err);
		from = to = date_year(today);
	} else {
		if (cli_integer(pos[0], DATE_MIN_YEAR, DATE_MAX_YEAR, &from, &err) != 0)
			return cli_error(CLI_USAGE, "%s: YEAR: %s", self->name, err.msg);
		to = from;
		if (npos == 2 && cli_integer(pos[1], from, DATE_MAX_YEAR, &to, &err) != 0)
			return cli_error(CLI_USAGE, "%s: LAST: %s", self->name, err.msg);
	}
	if (to - from > 200)
		return cli_error(CLI_USAGE, "%s: at most 200 years at a time", self->name);
	if ((rc = cli_calendar(calname, &cal)) != CLI_OK)
		return rc;
	for (y = from; y <= to; y++) {
		n = calendar_year(&cal, (int)y, days, HOLIDAY_PER_YEAR_MAX);
		for (i = 0; i < n && i < HOLIDAY_PER_YEAR_MAX; i++) {
			text_visible(days[i].name, name, sizeof name);
			printf("%s  %-9s  %s%s\n", date_format(days[i].date, buf),
			       date_weekday_name(date_weekday(days[i].date)), name,
			       days[i].projected ? "  [projected]" : "");
		}
	}
	calendar_free(&cal);
	return CLI_OK;
}

const struct cli_cmd cmd_holidays_entry = {
	.name = "holidays",
	.usage = "[--calendar NAME] [--list] [YEAR [LAST]]",
	.summary = "list the bank holidays of a year (default this year)",
	.help = "Lists the holidays of YEAR (or YEAR to LAST) in the calendar (default\n"
	        "england-and-wales), marking as [projected] those computed by rule for a year\n"
	        "the calendar does not list.  --list names the calendars shipped.",
	.exec = cmd_holidays_exec,
};
