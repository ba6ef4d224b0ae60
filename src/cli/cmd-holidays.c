/* cmd-holidays.c - `redress holidays [YEAR]`: a calendar's holidays; and
 * `holidays add|remove|import`: the book's own calendar changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book-versions.h"

#include "redress/cli.h"
#include "redress/share.h"
#include "redress/text.h"

/* What a change of the book's calendar did: the version, the open cases
 * recomputed, each deadline moved. */
static void
cmd_holidays_done(const struct book_recompute *r)
{
	size_t i;

	printf("calendar %u of the book: %zu open case%s recomputed, %zu date%s moved\n", r->version,
	       r->cases, r->cases == 1 ? "" : "s", r->nmoved, r->nmoved == 1 ? "" : "s");
	for (i = 0; i < r->nmoved; i++)
		printf("  %-14s %-22s %s%s -> %s\n", r->moved[i].ref, r->moved[i].rule,
		       r->moved[i].target ? "target " : "", r->moved[i].was, r->moved[i].now);
}

/* `holidays add DATE NAME`, `holidays remove DATE`: the book's next calendar. */
static int
cmd_holidays_change(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	bool add = strcmp(argv[1], "add") == 0;
	const char *pos[2];
	int dry = 0;
	const struct cli_spec spec[] = { { "dry-run", NULL, &dry }, { NULL, NULL, NULL } };
	struct book_recompute r;
	struct book *b;
	struct err err;
	int npos, rc;

	if ((rc = cli_parse(self, argc - 1, argv + 1, spec, pos, add ? 2 : 1, add ? 2 : 1, &npos,
	                    NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if ((rc = cli_book_unlock(b)) == CLI_OK) {
		rc = cli_book_status((dry ? book_holiday_preview : book_holiday_change)(
		                         b, pos[0], add ? pos[1] : NULL, &r, &err), &err);
		if (rc == CLI_OK) {
			cmd_holidays_done(&r);
			if (dry)
				printf("dry run: nothing changed\n");
			free(r.moved);
		}
	}
	book_close(&b);
	return rc;
}

/* --- holidays import: GOV.UK's bank-holidays.json ------------------------------ */

/* The days the file changes, year by year: "+ added", "- removed" (marked
 * when the book's was projected), "= listed now" where it was projected. */
static void
cmd_holidays_days(const struct book_holidays_file *f)
{
	char buf[DATE_STRLEN], safe[HOLIDAY_NAME_MAX * 4];
	size_t i;

	for (i = 0; i < f->nchanges; i++) {
		const struct book_day_change *c = &f->changes[i];

		text_visible(c->name, safe, sizeof safe);
		printf("%c %s  %-9s  %s%s\n", c->sign, date_format(c->date, buf),
		       date_weekday_name(date_weekday(c->date)), safe,
		       c->sign == '-' && c->projected ? "  [projected]" : "");
	}
}

static int
cmd_holidays_import(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1], *division = NULL;
	int dry = 0, npos, rc;
	const struct cli_spec spec[] = {
		{ "division", &division, NULL }, { "dry-run", NULL, &dry }, { NULL, NULL, NULL },
	};
	struct book_holidays_file f;
	struct book_recompute r;
	struct book *b = NULL;
	struct err err;

	if ((rc = cli_parse(self, argc - 1, argv + 1, spec, pos, 1, 1, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if ((rc = cli_book_status(book_holidays_file_read(b, pos[0], division, &f, &err), &err)) !=
	    CLI_OK)
		goto out;
	printf("%s, %d-%d, against the book's calendar %u:\n", f.division, f.from, f.to, f.base);
	cmd_holidays_days(&f);
	if (f.nchanges == 0)
		printf("no change: the book's calendar already lists these days\n");
	else if ((rc = cli_book_unlock(b)) == CLI_OK &&
	         (rc = cli_book_status(book_holidays_import(b, &f, dry, &r, &err), &err)) == CLI_OK) {
		cmd_holidays_done(&r);
		if (dry)
			printf("dry run: nothing changed\n");
		free(r.moved);
	}
	book_holidays_file_free(&f);
out:
	book_close(&b);
	return rc;
}

static int
cmd_holidays_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[2], *calname = NULL;
	char note[96];
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

	if (argc > 1 && (strcmp(argv[1], "add") == 0 || strcmp(argv[1], "remove") == 0))
		return cmd_holidays_change(self, env, argc, argv);
	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return cmd_holidays_import(self, env, argc, argv);
	if (argc > 1 && strcmp(argv[1], "versions") == 0)
		return argc > 2 ? cli_error(CLI_USAGE, "%s versions: takes no argument", self->name)
		                : cli_book_versions(env, 'c');
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
	if ((rc = cli_calendar_for(env, calname, &cal, note, sizeof note)) != CLI_OK)
		return rc;
	if (note[0] != '\0')
		printf("# %s\n", note);
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
	.usage = "[--calendar NAME] [--list] [YEAR [LAST]] | add DATE NAME | remove DATE | "
	         "import FILE [--division D] (each change [--dry-run]) | versions",
	.summary = "list the bank holidays of a year (default this year)",
	.help = "Lists the holidays of YEAR (or YEAR to LAST) in the calendar (default\n"
	        "england-and-wales), marking as [projected] those computed by rule for a year\n"
	        "the calendar does not list.  --list names the calendars shipped.  With -d BOOK,\n"
	        "the book's own calendar, said on a first line starting \"#\".\n"
	        "\n"
	        "add DATE NAME and remove DATE (admins) make the book's next calendar version,\n"
	        "with every open case's deadlines recomputed in the same transaction; each\n"
	        "deadline moved keeps its earlier date in view (`case show`).  Closed cases keep\n"
	        "the calendar they were decided under (--dry-run: what would move, nothing\n"
	        "changed).  import FILE reads GOV.UK's\n"
	        "bank-holidays.json: the years it lists replace the book's (--division\n"
	        "england-and-wales, scotland or northern-ireland; --dry-run only prints).\n"
	        "versions: the book's calendar versions, who made each, when and what.",
	.exec = cmd_holidays_exec,
};
