/* tui-cal.c - the deadline calendar: a month grid with, on each day, how
 * many deadlines fall due coloured by the worst of them, and the agenda of
 * the selected day or week below.  Both read only the deadlines index for
 * the range on screen, so drawing a month costs the same in a book of a
 * hundred cases as in one of a hundred thousand. */
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workday.h"
#include "redress/workflow.h"
#include "tui-int.h"

/* Working days left at or under which a deadline is "due soon". */
#define TUI_CAL_SOON_DAYS 3

static const char *const tui_cal_which[] = { "deadlines", "targets", "deadlines and targets" };
/* the month's count of one */
static const char *const tui_cal_which1[] = { "deadline", "target", "deadline or target" };

/* --- loading ------------------------------------------------------------------------ */

static unsigned
tui_cal_flags(const struct tui_cal *C)
{
	static const unsigned which[] = { 0, BOOK_DUE_TARGETS | BOOK_DUE_NO_DEADLINES,
	                                  BOOK_DUE_TARGETS };
	bool details = C->mine || C->stage != 0 || C->team[0] != '\0';

	/* tui_cal_keep passes over what was met unless everything is asked for */
	return which[C->which] | (details ? BOOK_DUE_DETAILS : 0) |
	       (C->everything ? 0 : BOOK_DUE_NOT_MET);
}

/* The state of one deadline on the book's today, from the index. */
static enum tui_cal_state
tui_cal_state(const struct tui *t, const struct book_due *d)
{
	if (d->done)
		return TUI_CAL_MET;
	if (!d->council)
		return TUI_CAL_PENDING; /* the complainant's window: not ours to miss */
	if (d->day < t->today.day)
		return TUI_CAL_OVERDUE;
	if (d->days <= TUI_CAL_SOON_DAYS)
		return TUI_CAL_SOON;
	return TUI_CAL_PENDING;
}

/* Whether the filters keep d (the filters the case list has, where they
 * mean the same). */
static bool
tui_cal_keep(const struct tui *t, const struct book_due *d)
{
	const struct tui_cal *C = &t->cal;

	/* the council's work still to do, unless everything is asked for:
	 * not what was met, nor the complainant's windows to ask for the next
	 * stage */
	if (!C->everything && (d->done || !d->council))
		return false;
	if (C->overdue && tui_cal_state(t, d) != TUI_CAL_OVERDUE)
		return false;
	if (C->mine && strcmp(d->owner, book_login(t->b)) != 0)
		return false;
	if (C->stage != 0 && (d->kind != ROUTE_COMPLAINT || d->stage != C->stage))
		return false;
	if (C->team[0] != '\0' && strcmp(d->team, C->team) != 0)
		return false;
	return true;
}

static int
tui_cal_grid_each(const struct book_due *d, void *ctx)
{
	struct tui *t = ctx;
	struct tui_cal *C = &t->cal;
	struct tui_cal_day *cell;
	enum tui_cal_state s;

	if (d->day < C->first || d->day > C->last || !tui_cal_keep(t, d))
		return 0;
	cell = &C->days[d->day - C->first];
	s = tui_cal_state(t, d);
	if (cell->n < UINT16_MAX)
		cell->n++;
	if (s > cell->worst)
		cell->worst = (uint8_t)s;
	C->total++;
	if (s == TUI_CAL_OVERDUE)
		C->total_overdue++;
	return 0;
}

static const char *
tui_cal_label(struct tui *t, const char *key)
{
	const struct profile *p;
	const struct calendar *cal;
	const struct rule *r;
	struct err err;

	if (book_profile(t->b, &p, &cal, &err) != 0 || (r = profile_rule(p, key)) == NULL ||
	    r->label[0] == '\0')
		return key;
	return r->label;
}

static int
tui_cal_agenda_each(const struct book_due *d, void *ctx)
{
	struct tui *t = ctx;
	struct tui_cal *C = &t->cal;
	struct tui_cal_item *it;
	const char *label;
	char item[96];

	if (!tui_cal_keep(t, d))
		return 0;
	if (buf_grow(&C->items, &C->cap, C->nitems + 1, sizeof *C->items) != 0) {
		C->oom = true;
		return 1;
	}
	it = &C->items[C->nitems];
	memset(it, 0, sizeof *it);
	it->case_id = d->case_id;
	it->child_person = d->child_person;
	it->day = d->day;
	it->days = d->days;
	it->target = d->target;
	it->state = (uint8_t)tui_cal_state(t, d);
	text_visible(d->ref, t->vis, TUI_VIS_MAX);
	snprintf(it->ref, sizeof it->ref, "%s", t->vis);
	/* the deadline by its profile label ("Stage 1 response"), not its key;
	 * an item that is no statutory deadline by a label that says so */
	it->item = (uint8_t)d->item;
	label = book_due_item_label(d, item, sizeof item);
	text_visible(label != NULL ? label : tui_cal_label(t, d->key), t->vis, TUI_VIS_MAX);
	it->key = tui_intern(&C->intern, &C->arena, t->vis);
	text_visible(d->owner, t->vis, TUI_VIS_MAX);
	it->owner = tui_intern(&C->intern, &C->arena, t->vis);
	text_visible(d->team, t->vis, TUI_VIS_MAX);
	it->team = tui_intern(&C->intern, &C->arena, t->vis);
	if (it->key == NULL || it->owner == NULL || it->team == NULL) {
		C->oom = true;
		return 1;
	}
	C->nitems++;
	return 0;
}

/* The month's grid from the book's counts of each day (no entry read):
 * what tui_cal_keep and tui_cal_state give, class by class.  Filters by
 * owner, team or stage need each entry's details: BOOK_DUE_NO_DAYS, as for
 * a book that keeps no counts; the caller scans. */
static int
tui_cal_grid_days(struct tui *t, const char *from, const char *to, struct err *err)
{
	struct tui_cal *C = &t->cal;
	struct book_due_day days[31];
	unsigned flags = tui_cal_flags(C);
	/* the classes the scan would give (due.c): dated items go with deadlines */
	const bool shows[BOOK_DUE_NCLASS] = {
		!(flags & BOOK_DUE_NO_DEADLINES), (flags & BOOK_DUE_TARGETS) != 0,
		!(flags & BOOK_DUE_NO_DEADLINES),
	};
	size_t n, i, c, s;
	int rc;

	if (C->mine || C->stage != 0 || C->team[0] != '\0')
		return BOOK_DUE_NO_DAYS;
	if ((rc = book_due_days(t->b, from, to, days, 31, &n, err)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		struct tui_cal_day *cell = &C->days[days[i].day - C->first];
		struct book_due d = { .day = days[i].day, .days = days[i].days };

		for (c = 0; c < BOOK_DUE_NCLASS; c++)
			for (s = 0; s < BOOK_DUE_NSTATE && shows[c]; s++) {
				uint32_t k = days[i].n[c][s];
				enum tui_cal_state st;

				d.done = s == BOOK_DUE_S_MET;
				d.council = s != BOOK_DUE_S_THEIRS;
				if (k == 0 || !tui_cal_keep(t, &d))
					continue;
				st = tui_cal_state(t, &d);
				cell->n = (uint16_t)(cell->n + k > UINT16_MAX ? UINT16_MAX : cell->n + k);
				if (st > cell->worst)
					cell->worst = (uint8_t)st;
				C->total += k;
				if (st == TUI_CAL_OVERDUE)
					C->total_overdue += k;
			}
	}
	return 0;
}

/* The agenda's days: the selected day, or the Monday to Sunday around it. */
static void
tui_cal_agenda_range(const struct tui_cal *C, int32_t *from, int32_t *to)
{
	struct date d = { C->sel };

	if (!C->week) {
		*from = *to = C->sel;
		return;
	}
	*from = C->sel - ((int32_t)date_weekday(d) - 1);
	*to = *from + 6;
}

/* Reads the month around the selected day and the agenda, when either is
 * not what is loaded (or force: another user's commit, a filter). */
static int
tui_cal_load(struct tui *t, bool force)
{
	struct tui_cal *C = &t->cal;
	struct date sel = { C->sel }, first, last;
	char from[DATE_STRLEN], to[DATE_STRLEN];
	int32_t afrom, ato;
	int y, m, dd, rc;
	struct err err;

	date_to_ymd(sel, &y, &m, &dd);
	date_from_ymd(y, m, 1, &first, NULL);
	last.day = first.day + date_days_in_month(y, m) - 1;
	if (force || C->stale || first.day != C->first || !C->loaded) {
		C->first = first.day;
		C->last = last.day;
		memset(C->days, 0, sizeof C->days);
		C->total = C->total_overdue = 0;
		date_format(first, from);
		date_format(last, to);
		rc = tui_cal_grid_days(t, from, to, &err);
		if (rc == BOOK_DUE_NO_DAYS)
			rc = book_due_scan(t->b, from, to, tui_cal_flags(C), tui_cal_grid_each, t, &err);
		if (rc != 0) {
			tui_message(t, true, "calendar: %s", err.msg);
			return -1;
		}
	}
	tui_cal_agenda_range(C, &afrom, &ato);
	if (force || C->stale || afrom != C->afrom || ato != C->ato || !C->loaded) {
		struct date a = { afrom }, b = { ato };

		C->afrom = afrom;
		C->ato = ato;
		C->nitems = C->isel = C->itop = 0;
		C->oom = false;
		tui_intern_free(&C->intern);
		tui_arena_free(&C->arena);
		if (book_due_scan(t->b, date_format(a, from), date_format(b, to),
		                  tui_cal_flags(C) | BOOK_DUE_DETAILS, tui_cal_agenda_each, t,
		                  &err) != 0) {
			tui_message(t, true, "calendar: %s", err.msg);
			return -1;
		}
		if (C->oom)
			tui_message(t, true, "calendar: out of memory: the agenda is cut short");
	}
	C->loaded = true;
	C->stale = false;
	return 0;
}

static void
tui_cal_free(struct tui *t)
{
	struct tui_cal *C = &t->cal;

	tui_intern_free(&C->intern);
	tui_arena_free(&C->arena);
	free(C->items);
	C->items = NULL;
	C->nitems = C->cap = 0;
	C->loaded = false;
}

static void
tui_cal_open(struct tui *t)
{
	struct tui_cal *C = &t->cal;

	if (!C->opened) {
		C->sel = t->today.day;
		C->opened = true;
	}
	t->screen = &tui_cal_screen;
	tui_cal_load(t, true);
}

/* --- drawing ------------------------------------------------------------------------- */

static attr_t
tui_cal_attr(const struct tui *t, enum tui_cal_state s)
{
	switch (s) {
	case TUI_CAL_OVERDUE:
		return tui_style(t, TUI_S_OVERDUE);
	case TUI_CAL_SOON:
		return tui_style(t, TUI_S_SOON);
	case TUI_CAL_MET:
		return tui_style(t, TUI_S_MET);
	default:
		return A_NORMAL;
	}
}

/* Markers for the states, so that nothing depends on colour: ! overdue,
 * ~ due within three working days, + all met. */
static const char *
tui_cal_mark(enum tui_cal_state s)
{
	switch (s) {
	case TUI_CAL_OVERDUE:
		return "!";
	case TUI_CAL_SOON:
		return "~";
	case TUI_CAL_MET:
		return "+";
	default:
		return " ";
	}
}

struct tui_cal_layout {
	int cw;          /* cells per day */
	int tall;        /* rows per week: 2 shows the holiday's name in its day */
	int grid_rows;   /* rows the month takes, with its two header rows */
	int weeks;
	int wide;        /* the agenda has room for the team */
};

static void
tui_cal_layout(const struct tui *t, struct tui_cal_layout *L)
{
	const struct tui_cal *C = &t->cal;
	struct date first = { C->first };
	int h = tui_body_rows(t), lead = (int)date_weekday(first) - 1;

	L->weeks = (lead + (C->last - C->first + 1) + 6) / 7;
	L->cw = t->cols / 7 < 16 ? t->cols / 7 : 16;
	/* tall cells only when the agenda keeps room for ten lines */
	L->tall = h >= 2 + 2 * L->weeks + 1 + 11 ? 2 : 1;
	L->grid_rows = 2 + L->tall * L->weeks;
	L->wide = t->cols >= 100;
}

static void
tui_cal_draw_cell(struct tui *t, const struct tui_cal_layout *Lo, int y, int x, int32_t day)
{
	const struct tui_cal *C = &t->cal;
	const struct tui_cal_day *cell = &C->days[day - C->first];
	const struct profile *prof;
	const struct calendar *cal;
	struct date d = { day };
	struct holiday hol;
	struct err err;
	char num[8], count[16];
	int y0, m0, dd;
	bool sel = day == C->sel, today = day == t->today.day, holiday = false, working = true;
	attr_t base = sel ? A_REVERSE : A_NORMAL;
	int cw = Lo->cw - 1; /* a blank between days */

	if (sel) {
		/* the cursor on the day chosen, until an agenda line takes it */
		t->cy = y;
		t->cx = x;
	}
	if (book_profile(t->b, &prof, &cal, &err) == 0) {
		holiday = calendar_holiday(cal, d, &hol);
		working = workday_is(cal, d);
	}
	date_to_ymd(d, &y0, &m0, &dd);
	/* >23* : today, the day, a bank holiday */
	snprintf(num, sizeof num, "%s%2d%s", today ? ">" : " ", dd, holiday ? "*" : " ");
	tui_put(t, t->body, y, x, num, 4, TUI_LEFT,
	        base | (working ? A_BOLD : tui_style(t, TUI_S_DIM)) | (today ? A_UNDERLINE : 0));
	if (cell->n > 0)
		snprintf(count, sizeof count, "%u%s", (unsigned)cell->n,
		         tui_cal_mark((enum tui_cal_state)cell->worst));
	else
		count[0] = '\0';
	tui_put(t, t->body, y, x + 4, count, cw - 4, TUI_RIGHT,
	        base | tui_cal_attr(t, (enum tui_cal_state)cell->worst));
	if (Lo->tall == 2)
		tui_put(t, t->body, y + 1, x, holiday ? hol.name : "", cw, TUI_LEFT,
		        tui_style(t, TUI_S_DIM));
}

/* The bank holidays of the month, named under the grid (they are starred
 * in it). */
static void
tui_cal_draw_holidays(struct tui *t, int y)
{
	const struct tui_cal *C = &t->cal;
	const struct profile *prof;
	const struct calendar *cal;
	struct holiday h;
	struct err err;
	char line[512], name[HOLIDAY_NAME_MAX * 4];
	size_t len = 0;
	int32_t day;
	int yy, mm, dd;

	line[0] = '\0';
	if (book_profile(t->b, &prof, &cal, &err) != 0)
		return;
	for (day = C->first; day <= C->last && len < sizeof line; day++) {
		struct date d = { day };

		if (!calendar_holiday(cal, d, &h))
			continue;
		date_to_ymd(d, &yy, &mm, &dd);
		text_visible(h.name, name, sizeof name);
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%d %s %s%s",
		                        len ? "; " : " * ", dd, date_month_name(mm), name,
		                        h.projected ? " (projected)" : "");
	}
	if (len > 0)
		tui_put(t, t->body, y, 0, line, t->cols, TUI_LEFT, tui_style(t, TUI_S_DIM));
}

static const char *
tui_cal_child(struct tui *t, struct tui_cal_item *it)
{
	struct tui_cal *C = &t->cal;
	char *label = t->fmt; /* guarded: it may be a name */
	struct err err;

	if (it->child != NULL)
		return it->child;
	if (it->child_person == 0)
		return "";
	/* names are decrypted for the rows shown only */
	if (book_person_label_get(t->b, it->child_person, "Child C", label, BOOK_NAME_MAX,
	                          &err) != 0)
		snprintf(label, BOOK_NAME_MAX, "Child C-%04llu", (unsigned long long)it->child_person);
	it->child = tui_arena_visible(&C->arena, label, t->vis);
	return it->child != NULL ? it->child : "";
}

static void
tui_cal_draw_agenda(struct tui *t, const struct tui_cal_layout *Lo, int y0)
{
	struct tui_cal *C = &t->cal;
	int h = tui_body_rows(t) - y0 - 1, i, x;
	struct date a = { C->afrom }, sel = { C->sel };
	char head[160], when[64], left[24];
	const int wday = C->week ? 7 : 0, wref = 14, wkey = Lo->wide ? 24 : 21, wkind = 9,
	          wleft = 9, wowner = Lo->wide ? 12 : 10, wteam = Lo->wide ? 16 : 0;

	if (C->week) {
		date_format_long(a, when, sizeof when);
		snprintf(head, sizeof head, "Week of %s: %zu due", when, C->nitems);
	} else {
		date_format_long(sel, when, sizeof when);
		snprintf(head, sizeof head, "%s: %zu due", when, C->nitems);
	}
	tui_put(t, t->body, y0, 0, head, t->cols, TUI_LEFT, tui_style(t, TUI_S_HEAD));
	if (h < 1)
		return;
	if (C->nitems == 0) {
		tui_put(t, t->body, y0 + 1, 2,
		        C->overdue || C->mine || C->stage || C->team[0]
		                ? "nothing due that the filters show (m, o, 0, T: any team, e: met too)"
		                : "nothing due",
		        t->cols - 2, TUI_LEFT, tui_style(t, TUI_S_DIM));
		return;
	}
	if (C->isel >= C->nitems)
		C->isel = C->nitems - 1;
	if (C->isel < C->itop)
		C->itop = C->isel;
	if (C->isel >= C->itop + (size_t)h)
		C->itop = C->isel - (size_t)h + 1;
	for (i = 0; i < h && C->itop + (size_t)i < C->nitems; i++) {
		size_t r = C->itop + (size_t)i;
		struct tui_cal_item *it = &C->items[r];
		attr_t st = tui_cal_attr(t, (enum tui_cal_state)it->state);
		struct date d = { it->day };
		int yy, mm, dd;

		x = 0;
		if (wday) {
			date_to_ymd(d, &yy, &mm, &dd);
			snprintf(when, sizeof when, "%.3s %2d", date_weekday_name(date_weekday(d)), dd);
			tui_put(t, t->body, y0 + 1 + i, x, when, wday - 1, TUI_LEFT, A_NORMAL);
			x += wday;
		}
		tui_put(t, t->body, y0 + 1 + i, x, it->ref, wref - 1, TUI_LEFT,
		        r == C->isel ? A_REVERSE : A_NORMAL);
		if (r == C->isel) {
			/* the cursor on the agenda's line, for screen readers */
			t->cy = y0 + 1 + i;
			t->cx = x;
		}
		x += wref;
		tui_put(t, t->body, y0 + 1 + i, x, it->key, wkey - 1, TUI_LEFT, A_NORMAL);
		x += wkey;
		tui_put(t, t->body, y0 + 1 + i, x, it->item ? "item" : it->target ? "target" : "deadline",
		        wkind - 1,
		        TUI_LEFT, A_NORMAL);
		x += wkind;
		if (it->state == TUI_CAL_MET)
			snprintf(left, sizeof left, "met +");
		else if (it->days < 0)
			snprintf(left, sizeof left, "%d over%s", -it->days,
			         it->state == TUI_CAL_OVERDUE ? " !" : "");
		else if (it->days == 0 && it->day <= t->today.day)
			snprintf(left, sizeof left, "%s", it->day < t->today.day ? "over !" : "today ~");
		else
			snprintf(left, sizeof left, "%d left%s", it->days,
			         it->state == TUI_CAL_SOON ? " ~" : "");
		tui_put(t, t->body, y0 + 1 + i, x, left, wleft, TUI_RIGHT, st);
		x += wleft + 1;
		tui_put(t, t->body, y0 + 1 + i, x, it->owner, wowner - 1, TUI_LEFT, A_NORMAL);
		x += wowner;
		if (wteam) {
			tui_put(t, t->body, y0 + 1 + i, x, it->team, wteam - 1, TUI_LEFT, A_NORMAL);
			x += wteam;
		}
		if (x < t->cols)
			tui_put(t, t->body, y0 + 1 + i, x, tui_cal_child(t, it), t->cols - x, TUI_LEFT,
			        A_NORMAL);
	}
}

static void
tui_cal_draw(struct tui *t)
{
	struct tui_cal *C = &t->cal;
	struct tui_cal_layout Lo;
	struct date first = { C->first };
	char head[160];
	int y, m, d, lead, i, w;

	if (!C->loaded || C->sel < C->first || C->sel > C->last)
		tui_cal_load(t, false);
	tui_cal_layout(t, &Lo);
	date_to_ymd(first, &y, &m, &d);
	lead = (int)date_weekday(first) - 1;
	snprintf(head, sizeof head, "%s %d: %ld %s due, %ld overdue", date_month_name(m), y,
	         C->total, (C->total == 1 ? tui_cal_which1 : tui_cal_which)[C->which],
	         C->total_overdue);
	tui_put(t, t->body, 0, 0, head, t->cols, TUI_LEFT, tui_style(t, TUI_S_HEAD));
	for (w = 0; w < 7; w++)
		tui_put(t, t->body, 1, w * Lo.cw + 1,
		        date_weekday_name((enum weekday)(w + 1)), Lo.cw - 2, TUI_LEFT,
		        w >= 5 ? tui_style(t, TUI_S_DIM) : A_BOLD);
	for (i = 0; i <= C->last - C->first; i++) {
		int pos = lead + i;

		tui_cal_draw_cell(t, &Lo, 2 + (pos / 7) * Lo.tall, (pos % 7) * Lo.cw, C->first + i);
	}
	tui_cal_draw_holidays(t, Lo.grid_rows);
	tui_cal_draw_agenda(t, &Lo, Lo.grid_rows + 1);
}

/* --- keys ----------------------------------------------------------------------------- */

static void
tui_cal_move(struct tui *t, int32_t to)
{
	struct date d = { to };

	if (!date_in_range(d)) {
		tui_message(t, true, "the calendar stops there");
		return;
	}
	t->cal.sel = to;
	tui_cal_load(t, false);
}

/* The same day n months on, or the month's last day if it has fewer. */
static void
tui_cal_months(struct tui *t, int n)
{
	struct date d = { t->cal.sel }, out;
	int y, m, dd, dim;

	date_to_ymd(d, &y, &m, &dd);
	m += n;
	while (m > 12) {
		m -= 12;
		y++;
	}
	while (m < 1) {
		m += 12;
		y--;
	}
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
		tui_message(t, true, "the calendar stops there");
		return;
	}
	dim = date_days_in_month(y, m);
	date_from_ymd(y, m, dd < dim ? dd : dim, &out, NULL);
	tui_cal_move(t, out.day);
}

static void
tui_cal_goto(struct tui *t)
{
	char buf[32] = "";
	struct date d;
	struct err err;

	if (tui_prompt(t, "Go to date (YYYY-MM-DD): ", buf, sizeof buf, false) != 1)
		return;
	if (date_parse(text_trim(buf), &d, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	tui_cal_move(t, d.day);
}

/* The keys that move the cursor: by days, or by months when days is 0. */
static const struct {
	enum tui_action a;
	int days, months;
} tui_cal_moves[] = {
	{ TUI_A_DAY_NEXT, 1, 0 }, { TUI_A_DAY_PREV, -1, 0 }, { TUI_A_DOWN, 7, 0 },
	{ TUI_A_UP, -7, 0 },      { TUI_A_PGDN, 0, 1 },      { TUI_A_PGUP, 0, -1 },
	{ TUI_A_YEAR_NEXT, 0, 12 }, { TUI_A_YEAR_PREV, 0, -12 },
};

static void
tui_cal_key(struct tui *t, enum tui_action a)
{
	struct tui_cal *C = &t->cal;
	char team[TUI_TEAM_MAX];
	size_t i;

	for (i = 0; i < sizeof tui_cal_moves / sizeof tui_cal_moves[0]; i++)
		if (tui_cal_moves[i].a == a) {
			if (tui_cal_moves[i].days != 0)
				tui_cal_move(t, C->sel + tui_cal_moves[i].days);
			else
				tui_cal_months(t, tui_cal_moves[i].months);
			return;
		}
	switch (a) {
	case TUI_A_BACK:
		t->screen = &tui_list_screen;
		break;
	case TUI_A_TODAY:
		tui_cal_move(t, t->today.day);
		break;
	case TUI_A_GOTO:
		tui_cal_goto(t);
		break;
	case TUI_A_ITEM_NEXT:
		if (C->isel + 1 < C->nitems)
			C->isel++;
		break;
	case TUI_A_ITEM_PREV:
		if (C->isel > 0)
			C->isel--;
		break;
	case TUI_A_OPEN:
		if (C->nitems == 0) {
			tui_message(t, false, "nothing due here to open");
			break;
		}
		if (tui_case_open(t, C->items[C->isel].ref) == 0)
			t->view.at_deadlines = true;
		break;
	case TUI_A_WEEK:
		C->week = !C->week;
		tui_cal_load(t, false);
		break;
	case TUI_A_EVERYTHING:
	case TUI_A_MINE:
	case TUI_A_OVERDUE: {
		bool *flag = a == TUI_A_MINE ? &C->mine : a == TUI_A_OVERDUE ? &C->overdue
		                                                           : &C->everything;

		*flag = !*flag;
		tui_cal_load(t, true);
		break;
	}
	case TUI_A_WHICH:
		C->which = (C->which + 1) % 3;
		tui_cal_load(t, true);
		break;
	case TUI_A_STAGE:
		C->stage = t->key >= '1' && t->key <= '3' ? t->key - '0' : 0;
		tui_cal_load(t, true);
		break;
	case TUI_A_TEAM:
		if (tui_team_pick(t, team, sizeof team) == 1) {
			memcpy(C->team, team, sizeof team);
			tui_cal_load(t, true);
		}
		break;
	default:
		break;
	}
}

static void
tui_cal_title(struct tui *t, char *buf, size_t n)
{
	const struct tui_cal *C = &t->cal;
	char team[TUI_TEAM_MAX * 4], stage[16] = "";

	text_visible(C->team, team, sizeof team);
	if (C->stage != 0)
		snprintf(stage, sizeof stage, ", stage %d", C->stage);
	snprintf(buf, n, "calendar | %s%s%s%s%s%s%s | %s %zu/%zu | %s", tui_cal_which[C->which],
	         C->mine ? ", mine" : "", C->overdue ? ", overdue" : "", stage,
	         C->team[0] ? ", team \"" : "", team, C->team[0] ? "\"" : "",
	         C->week ? "week" : "day", C->nitems ? C->isel + 1 : 0, C->nitems,
	         C->everything ? "met and windows too (e)" : "to do only (e: all)");
}

static void
tui_cal_reload(struct tui *t)
{
	if (t->cal.stale)
		tui_cal_load(t, true);
}

/* A deadline another user moved moves on the calendar: now if in front
 * and nothing is over it, else before it is next shown. */
static void
tui_cal_wake(struct tui *t, bool front)
{
	if (front && t->form == NULL && t->menu == NULL)
		tui_cal_load(t, true);
	else
		t->cal.stale = true;
}

const struct tui_screen tui_cal_screen = {
	.name = "calendar",
	.ctx = TUI_CTX_CAL,
	.opens = TUI_A_CALENDAR,
	.open = tui_cal_open,
	.draw = tui_cal_draw,
	.key = tui_cal_key,
	.title = tui_cal_title,
	.reload = tui_cal_reload,
	.wake = tui_cal_wake,
	.free = tui_cal_free,
};
