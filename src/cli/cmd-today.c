/* cmd-today.c - `redress today` (and redress with no command, until the
 * full-screen client exists): the clock engine at work on today's date. */
#include <stdio.h>
#include <stdlib.h>

#include "redress/cli.h"
#include "redress/clock.h"
#include "redress/share.h"
#include "redress/text.h"
#include "redress/workday.h"

static int
cmd_today_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	(void)env;
	const char *authority = "statutory", *pos[1];
	const struct cli_spec spec[] = { { "authority", &authority, NULL }, { NULL, NULL, NULL } };
	char buf[DATE_STRLEN], longd[64], name[HOLIDAY_NAME_MAX * 4], why[64], title[512];
	struct holiday days[HOLIDAY_PER_YEAR_MAX], h;
	struct deadline dl[PROFILE_RULES_MAX];
	struct clock_event ev;
	struct calendar cal;
	struct profile *p;
	struct date today;
	struct err err;
	size_t i, n, k;
	int npos, rc, y;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (cli_today(&today, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	if ((p = malloc(sizeof *p)) == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	if ((rc = share_profile(authority, p, &err)) != 0) {
		free(p);
		return cli_report(rc == SHARE_ENOTFOUND ? CLI_USAGE : CLI_FAIL, &err);
	}
	if ((rc = cli_calendar(p->calendar, &cal)) != CLI_OK) {
		free(p);
		return rc;
	}
	printf("redress %s: the clock engine on today's date (Europe/London)\n\n", VERSION);
	date_format_long(today, longd, sizeof longd);
	switch (workday_reason(&cal, today, &h)) {
	case WORKDAY_WORKING:
		printf("Today is %s, a working day.\n", longd);
		break;
	case WORKDAY_HOLIDAY:
		text_visible(h.name, name, sizeof name);
		printf("Today is %s: not a working day (%s).\n", longd, name);
		break;
	default:
		printf("Today is %s: not a working day (weekend).\n", longd);
	}
	/* the next bank holiday, this year or next */
	for (y = date_year(today); y <= date_year(today) + 1; y++) {
		n = calendar_year(&cal, y, days, HOLIDAY_PER_YEAR_MAX);
		for (k = 0; k < n && k < HOLIDAY_PER_YEAR_MAX && days[k].date.day <= today.day; k++)
			;
		if (k < n && k < HOLIDAY_PER_YEAR_MAX) {
			text_visible(days[k].name, name, sizeof name);
			printf("Next bank holiday: %s, %s%s.\n",
			       date_format_long(days[k].date, longd, sizeof longd), name,
			       days[k].projected ? " (projected)" : "");
			break;
		}
	}
	text_visible(p->title, title, sizeof title);
	printf("\nA complaint received today, under %s (%s):\n\n", p->name, title);
	ev.type = EV_RECEIVED;
	ev.date = today;
	ev.has_until = false;
	if (clock_compute(p, &cal, ROUTE_COMPLAINT, &ev, 1, today, dl, PROFILE_RULES_MAX, &n,
	                  &err) != 0) {
		rc = cli_report(CLI_FAIL, &err);
	} else {
		for (i = 0; i < n; i++) {
			const struct rule *r = dl[i].rule;

			snprintf(why, sizeof why, "%d %s", r->amount, unit_words(r->amount, r->unit));
			printf("  %-20s %-27s %s\n", r->key,
			       date_format_long(dl[i].due, longd, sizeof longd), why);
		}
		printf("\nTry: redress deadlines --authority essex --received %s --long\n"
		     "     redress authority show gloucestershire\n", date_format(today, buf));
	}
	calendar_free(&cal);
	free(p);
	return rc;
}

const struct cli_cmd cmd_today_entry = {
	.name = "today",
	.usage = "[--authority NAME]",
	.summary = "today's date in London and the clocks of a complaint received today",
	.help = "Shows whether today (in Europe/London, whatever the server's zone) is a\n"
	        "working day, the next bank holiday, and the deadlines of a complaint received\n"
	        "today under the profile (default statutory).  This is what redress shows when\n"
	        "run with no command and no book named, or not on a terminal.",
	.exec = cmd_today_exec,
};
