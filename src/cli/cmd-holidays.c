/* cmd-holidays.c - `redress holidays [YEAR]`: a calendar's holidays; and
 * `holidays add|remove|import`: the book's own calendar changed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book-versions.h"

#include "redress/cli.h"
#include "redress/json.h"
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
	if ((rc = cli_book_open_unlock(env, true, &b)) != CLI_OK)
		return rc;
	rc = cli_book_status((dry ? book_holiday_preview : book_holiday_change)(
	                         b, pos[0], add ? pos[1] : NULL, &r, &err), &err);
	if (rc == CLI_OK) {
		cmd_holidays_done(&r);
		if (dry)
			printf("dry run: nothing changed\n");
		free(r.moved);
	}
	book_close(&b);
	return rc;
}

/* --- holidays import: GOV.UK's bank-holidays.json ------------------------------ */

#define IMPORT_JSON_MAX (4L * 1024 * 1024)

/* The file whole; exit status. */
static int
import_json_read(const char *path, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long n;

	*buf = NULL;
	if (f == NULL)
		return cli_error(errno == ENOENT ? CLI_USAGE : CLI_FAIL, "holidays import: %s: %s",
		                 path, strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return cli_error(CLI_USAGE, "holidays import: %s: not a file", path);
	}
	if (n > IMPORT_JSON_MAX) {
		fclose(f);
		return cli_error(CLI_USAGE, "holidays import: %s is larger than 4 MiB", path);
	}
	if ((*buf = malloc((size_t)n + 1)) == NULL) {
		fclose(f);
		return cli_error(CLI_FAIL, "out of memory");
	}
	*len = fread(*buf, 1, (size_t)n, f);
	if (ferror(f) || *len != (size_t)n) {
		fclose(f);
		free(*buf);
		*buf = NULL;
		return cli_error(CLI_FAIL, "holidays import: cannot read %s", path);
	}
	fclose(f);
	return CLI_OK;
}

/* The division's events as holidays (malloc'd, with room for as many
 * again), the years they span; exit
 * status, the line or event at fault printed. */
static int
import_json_events(const char *path, const struct json *root, const char *division,
                   struct holiday **out, size_t *n, int *from, int *to)
{
	const struct json *div, *ev, *e, *title, *date, *notes;
	struct holiday *days;
	struct err err;
	size_t i;
	char name[HOLIDAY_NAME_MAX * 2];
	int y;

	*out = NULL;
	*n = 0;
	if (root->type != JSON_OBJECT)
		return cli_error(CLI_USAGE, "%s:%d: expected an object of divisions, found %s", path,
		                 root->line, json_type_name(root->type));
	if ((div = json_member(root, division)) == NULL)
		return cli_error(CLI_USAGE, "%s: no division \"%s\" in the file", path, division);
	if (div->type != JSON_OBJECT || (ev = json_member(div, "events")) == NULL ||
	    ev->type != JSON_ARRAY)
		return cli_error(CLI_USAGE, "%s:%d: division \"%s\": expected an object with an "
		                 "\"events\" array", path, div->line, division);
	if (ev->n == 0)
		return cli_error(CLI_USAGE, "%s:%d: division \"%s\" lists no events", path, ev->line,
		                 division);
	if ((days = calloc(2 * ev->n, sizeof *days)) == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	for (i = 0; i < ev->n; i++) {
		e = &ev->kids[i];
		title = json_member(e, "title");
		date = json_member(e, "date");
		notes = json_member(e, "notes");
		if (e->type != JSON_OBJECT || title == NULL || title->type != JSON_STRING ||
		    date == NULL || date->type != JSON_STRING ||
		    (notes != NULL && notes->type != JSON_STRING)) {
			free(days);
			return cli_error(CLI_USAGE, "%s:%d: event %zu: expected an object with a "
			                 "\"title\" and a \"date\" (strings)", path, e->line, i + 1);
		}
		if (strlen(date->text) != 10 || date_parse(date->text, &days[i].date, &err) != 0) {
			free(days);
			return cli_error(CLI_USAGE, "%s:%d: event %zu: bad date \"%.40s\"", path,
			                 date->line, i + 1, date->text);
		}
		/* "Boxing Day (substitute day)", as the shipped calendar names it */
		if (notes != NULL && notes->text[0] != '\0')
			snprintf(name, sizeof name, "%s (%c%s)", title->text,
			         notes->text[0] >= 'A' && notes->text[0] <= 'Z' ? notes->text[0] | 0x20
			                                                        : notes->text[0],
			         notes->text + 1);
		else
			snprintf(name, sizeof name, "%s", title->text);
		if (name[0] == '\0' || strlen(name) >= HOLIDAY_NAME_MAX ||
		    strcspn(name, "\n\r\t") != strlen(name)) {
			free(days);
			return cli_error(CLI_USAGE, "%s:%d: event %zu: the title must be one line of 1 "
			                 "to %d bytes", path, title->line, i + 1, HOLIDAY_NAME_MAX - 1);
		}
		memcpy(days[i].name, name, strlen(name) + 1); /* checked shorter above */
		y = date_year(days[i].date);
		if (i == 0 || y < *from)
			*from = y;
		if (i == 0 || y > *to)
			*to = y;
	}
	*out = days;
	*n = ev->n;
	return CLI_OK;
}

/* Prints the days of years from..to that differ between old and new:
 * "+ added", "- removed", "= listed now" for one that was projected;
 * returns how many lines. */
static size_t
import_json_diff(const struct calendar *old, const struct calendar *new, int from, int to)
{
	struct holiday a[HOLIDAY_PER_YEAR_MAX], b[HOLIDAY_PER_YEAR_MAX];
	char buf[DATE_STRLEN], safe[HOLIDAY_NAME_MAX * 4];
	size_t na, nb, i, j, lines = 0;
	int y;

	for (y = from; y <= to; y++) {
		na = calendar_year(old, y, a, HOLIDAY_PER_YEAR_MAX);
		nb = calendar_year(new, y, b, HOLIDAY_PER_YEAR_MAX);
		na = na < HOLIDAY_PER_YEAR_MAX ? na : HOLIDAY_PER_YEAR_MAX;
		nb = nb < HOLIDAY_PER_YEAR_MAX ? nb : HOLIDAY_PER_YEAR_MAX;
		for (i = 0; i < na; i++) {
			for (j = 0; j < nb && b[j].date.day != a[i].date.day; j++)
				;
			if (j == nb) {
				text_visible(a[i].name, safe, sizeof safe);
				printf("- %s  %-9s  %s%s\n", date_format(a[i].date, buf),
				       date_weekday_name(date_weekday(a[i].date)), safe,
				       a[i].projected ? "  [projected]" : "");
				lines++;
			}
		}
		for (j = 0; j < nb; j++) {
			for (i = 0; i < na && a[i].date.day != b[j].date.day; i++)
				;
			if (i < na && !a[i].projected && strcmp(a[i].name, b[j].name) == 0)
				continue;
			text_visible(b[j].name, safe, sizeof safe);
			printf("%s %s  %-9s  %s\n", i == na ? "+" : "=", date_format(b[j].date, buf),
			       date_weekday_name(date_weekday(b[j].date)), safe);
			lines++;
		}
	}
	return lines;
}

static int
cmd_holidays_import(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1], *division = NULL;
	int dry = 0, npos, rc, from = 0, to = 0, y;
	const struct cli_spec spec[] = {
		{ "division", &division, NULL }, { "dry-run", NULL, &dry }, { NULL, NULL, NULL },
	};
	struct calendar copy, merged;
	struct book_recompute r;
	struct holiday *days = NULL;
	struct json *root = NULL;
	struct book *b = NULL;
	struct err err;
	char *text = NULL, *mtext = NULL, what[160];
	size_t len = 0, n, mlen;
	unsigned base;
	bool have_copy = false, have_merged = false;

	if ((rc = cli_parse(self, argc - 1, argv + 1, spec, pos, 1, 1, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = import_json_read(pos[0], &text, &len)) != CLI_OK)
		return rc;
	if (json_parse(text, len, &root, &err) != 0) {
		rc = cli_error(CLI_USAGE, "%s:%s", pos[0], err.msg + 5);
		goto out;
	}
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		goto out;
	rc = CLI_FAIL;
	if (book_calendar_copy(b, &copy, &base, &err) != 0) {
		rc = cli_report(CLI_FAIL, &err);
		goto out;
	}
	have_copy = true;
	if (division == NULL)
		division = copy.id; /* the book's own division */
	if ((rc = import_json_events(pos[0], root, division, &days, &n, &from, &to)) != CLI_OK)
		goto out;
	/* each year the file lists replaces the book's list of that year; the
	 * merged calendar, with its lookup table, to compare */
	for (y = from; y <= to; y++) {
		size_t k, m = 0;

		for (k = 0; k < n; k++)
			if (date_year(days[k].date) == y)
				days[n + m++] = days[k];
		if (m > 0 && calendar_list_years(&copy, y, y, days + n, m, &err) != 0) {
			rc = cli_error(CLI_USAGE, "%s: %s", pos[0], err.msg);
			goto out;
		}
	}
	if ((mtext = calendar_text(&copy, "merged", &mlen)) == NULL) {
		rc = cli_error(CLI_FAIL, "out of memory");
		goto out;
	}
	if (calendar_parse(&merged, mtext, mlen, pos[0], &err) != 0) {
		rc = cli_report(CLI_USAGE, &err);
		goto out;
	}
	have_merged = true;
	{
		struct calendar now;
		unsigned v;
		size_t i, k;

		if (book_calendar_copy(b, &now, &v, &err) != 0) {
			rc = cli_report(CLI_FAIL, &err);
			goto out;
		}
		printf("%s, %d-%d, against the book's calendar %u:\n", division, from, to, base);
		for (y = from, k = 0; y <= to; y++)
			for (i = 0; i < n; i++)
				if (date_year(days[i].date) == y) {
					k += import_json_diff(&now, &merged, y, y);
					break;
				}
		calendar_free(&now);
		rc = CLI_OK;
		if (k == 0) {
			printf("no change: the book's calendar already lists these days\n");
			goto out;
		}
	}
	if (dry) {
		printf("dry run: nothing changed\n");
		goto out;
	}
	if ((rc = cli_book_unlock(b)) != CLI_OK)
		goto out;
	snprintf(what, sizeof what, "%.60s %s %d-%d: %zu days", pos[0], division, from, to, n);
	rc = cli_book_status(book_calendar_change(b, &copy, base, "calendar.import", what, &r, &err),
	                     &err);
	if (rc == CLI_OK) {
		cmd_holidays_done(&r);
		free(r.moved);
	}
out:
	if (have_copy)
		calendar_free(&copy);
	if (have_merged)
		calendar_free(&merged);
	free(mtext);
	free(days);
	json_free(root);
	free(text);
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
	         "import FILE [--division D] (each change [--dry-run])",
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
	        "england-and-wales, scotland or northern-ireland; --dry-run only prints).",
	.exec = cmd_holidays_exec,
};
