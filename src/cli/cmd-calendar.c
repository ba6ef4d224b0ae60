/* cmd-calendar.c - `redress calendar`: the agenda of deadlines, in batch,
 * for scripts and cron e-mails. */
#include <stdio.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/text.h"

struct agenda {
	const char *owner, *team;
	bool overdue, all, tsv;
	bool left_set, left_done;    /* the "N left" of the last line, kept */
	int32_t left_days;
	char left[24];
	char last[16];
	struct book *b;
	long shown;
	FILE *out;
};

/* Appends s to line, padded with spaces to width, and one space (the
 * separator, or the newline's place after the last column). */
static void
cal_col(char *line, size_t size, size_t *len, const char *s, size_t width)
{
	size_t n = strlen(s);

	if (n > size - *len - 1)
		n = size - *len - 1;
	memcpy(line + *len, s, n);
	*len += n;
	if (n < width && width - n < size - *len - 1) {
		memset(line + *len, ' ', width - n);
		*len += width - n;
	}
	line[(*len)++] = ' ';
}

/* One line of --format tsv: date, reference, key, label, deadline or
 * target, state, working days left (negative: over), owner, team.  Fields
 * are made visible (no tab, no control character), so a line is one record. */
static int
cmd_calendar_tsv(struct agenda *a, const struct book_due *d)
{
	const struct profile *prof;
	const struct calendar *cal;
	const struct rule *r;
	const char *label = d->key;
	char vis[3][256], item[96];
	struct err err;

	if (d->item != BOOK_DUE_RULE)
		label = book_due_item_label(d, item, sizeof item);
	else if (book_profile(a->b, &prof, &cal, &err) == 0 &&
	         (r = profile_rule(prof, d->key)) != NULL && r->label[0] != '\0')
		label = r->label;
	text_visible(label, vis[0], sizeof vis[0]);
	text_visible(d->owner, vis[1], sizeof vis[1]);
	text_visible(d->team, vis[2], sizeof vis[2]);
	fprintf(a->out, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", d->date, d->ref, d->key, vis[0],
	        d->item != BOOK_DUE_RULE ? "item" : d->target ? "target" : "deadline",
	        d->done ? "met" : d->days < 0 ? "overdue" : "open", d->days, vis[1], vis[2]);
	a->shown++;
	return 0;
}

static int
cmd_calendar_each(const struct book_due *d, void *ctx)
{
	struct agenda *a = ctx;
	const struct profile *prof;
	const struct calendar *cal;
	char child[BOOK_NAME_MAX * 4], owner[256], team[256], head[96];
	char item[96];
	char line[sizeof child + sizeof owner + sizeof team + 160];
	size_t len;
	struct holiday h;
	struct date day;
	struct err err;

	if ((d->done && !a->all) ||
	    (a->overdue && (d->done || d->target || !d->council || d->days >= 0)))
		return 0;
	if ((a->owner != NULL && strcmp(d->owner, a->owner) != 0) ||
	    (a->team != NULL && strcmp(d->team, a->team) != 0))
		return 0;
	if (a->tsv)
		return cmd_calendar_tsv(a, d);
	if (strcmp(d->date, a->last) != 0) {
		date_parse(d->date, &day, &err);
		date_format_long(day, head, sizeof head);
		fprintf(a->out, "%s%s", a->shown ? "\n" : "", head);
		if (book_profile(a->b, &prof, &cal, &err) == 0 && calendar_holiday(cal, day, &h)) {
			text_visible(h.name, child, sizeof child);
			fprintf(a->out, " (%s)", child);
		}
		fputc('\n', a->out);
		snprintf(a->last, sizeof a->last, "%s", d->date);
	}
	text_visible(d->child, child, sizeof child);
	text_visible(d->owner, owner, sizeof owner);
	text_visible(d->team, team, sizeof team);
	/* the same for every line of a day: formatted once a day */
	if (!a->left_set || a->left_days != d->days || a->left_done != d->done) {
		if (d->done)
			snprintf(a->left, sizeof a->left, "met");
		else if (d->days < 0)
			snprintf(a->left, sizeof a->left, "%d over", -d->days);
		else if (d->days == 0)
			snprintf(a->left, sizeof a->left, "today");
		else
			snprintf(a->left, sizeof a->left, "%d left", d->days);
		a->left_set = true;
		a->left_days = d->days;
		a->left_done = d->done;
	}
	/* "  %-14s %-22s %-8s %-8s %-10s %-14s %s\n", put together by hand: at
	 * a few thousand lines printf's padding was most of the command's time */
	len = 0;
	cal_col(line, sizeof line, &len, "", 1);
	cal_col(line, sizeof line, &len, d->ref, 14);
	/* an item that is no statutory deadline by a label that says so */
	cal_col(line, sizeof line, &len, d->item != BOOK_DUE_RULE ?
	        book_due_item_label(d, item, sizeof item) : d->key, 22);
	cal_col(line, sizeof line, &len, d->item != BOOK_DUE_RULE ? "item" : d->target ? "target"
	        : "deadline", 8);
	cal_col(line, sizeof line, &len, a->left, 8);
	cal_col(line, sizeof line, &len, owner, 10);
	cal_col(line, sizeof line, &len, team, 14);
	cal_col(line, sizeof line, &len, child, 0);
	line[len - 1] = '\n';
	fwrite(line, 1, len, a->out);
	a->shown++;
	return 0;
}

static int
cmd_calendar_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *from = NULL, *days = "14", *owner = NULL, *team = NULL, *format = "text";
	const char *pos[1];
	int overdue = 0, targets = 0, names = 0, all = 0;
	const struct cli_spec spec[] = {
		{ "from", &from, NULL }, { "days", &days, NULL }, { "owner", &owner, NULL },
		{ "team", &team, NULL }, { "overdue", NULL, &overdue }, { "targets", NULL, &targets },
		{ "names", NULL, &names }, { "all", NULL, &all }, { "format", &format, NULL },
		{ NULL, NULL, NULL },
	};
	char fbuf[DATE_STRLEN], tbuf[DATE_STRLEN];
	struct agenda a;
	struct cli_out out;
	struct date f, today;
	struct book *b;
	struct err err;
	long n;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (cli_integer(days, 1, 3660, &n, &err) != 0)
		return cli_error(CLI_USAGE, "calendar: --days: %s", err.msg);
	if (strcmp(format, "text") != 0 && strcmp(format, "tsv") != 0)
		return cli_error(CLI_USAGE, "calendar: --format is text or tsv");
	if (all && overdue)
		return cli_error(CLI_USAGE, "calendar: --all and --overdue do not go together");
	if (names && strcmp(format, "tsv") == 0)
		return cli_error(CLI_USAGE, "calendar: --format tsv has no child column: no --names");
	if (cli_today(&today, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	if (from != NULL && (rc = cli_date("--from", from, &f)) != CLI_OK)
		return rc;
	if (from == NULL)
		f = today;
	if (overdue) {
		/* everything before today that is still open */
		date_from_ymd(DATE_MIN_YEAR, 1, 1, &f, NULL);
		date_format(f, fbuf);
		date_format(date_add_days(today, -1), tbuf);
	} else {
		date_format(f, fbuf);
		date_format(date_add_days(f, (int32_t)n - 1), tbuf);
	}
	if ((rc = cli_book_open_unlock(env, &b, names)) != CLI_OK)
		return rc;
	memset(&a, 0, sizeof a);
	a.owner = owner;
	a.team = team;
	a.overdue = overdue;
	a.all = all;
	a.tsv = strcmp(format, "tsv") == 0;
	a.b = b;
	if ((rc = cli_out_begin(&out)) != CLI_OK) {
		book_close(&b);
		return rc;
	}
	a.out = out.f;
	/* what was met is passed over in the index unless --all asks for it */
	rc = cli_book_status(book_due_scan(b, fbuf, tbuf,
	                                   BOOK_DUE_DETAILS | BOOK_DUE_NAMES |
	                                   (targets && !overdue ? BOOK_DUE_TARGETS : 0) |
	                                   (all ? 0 : BOOK_DUE_NOT_MET),
	                                   cmd_calendar_each, &a, &err), &err);
	rc = cli_out_end(&out, rc);
	if (rc == CLI_OK && a.shown == 0 && !a.tsv)
		printf("nothing %s %s to %s\n", overdue ? "overdue before" : "due from",
		       overdue ? tbuf : fbuf, overdue ? "today" : tbuf);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_calendar_entry = {
	.name = "calendar",
	.usage = "[--from DATE] [--days N] [--owner LOGIN] [--team TEAM] [--overdue] [--targets]\n"
	         "       [--names] [--all] [--format text|tsv]",
	.summary = "the agenda of deadlines due (or overdue), for scripts and cron",
	.help = "Prints, day by day from --from (default today) for --days days (default 14),\n"
	        "every deadline not yet met: reference, which deadline, deadline or internal\n"
	        "target (--targets adds these), working days left or over, owner, team, and\n"
	        "the child (a pseudonym unless --names).  --overdue lists instead every\n"
	        "council deadline already past and not met.  --owner and --team filter.\n"
	        "--all includes deadlines already met (after those still to do that day).\n"
	        "--format tsv prints one line per\n"
	        "deadline, tab-separated: date, reference, key, label, deadline or target,\n"
	        "state (open, overdue, met), working days from today (negative: past),\n"
	        "owner, team.\n"
	        "Reads only the deadlines index for the range asked.",
	.exec = cmd_calendar_exec,
};
