/* tui-report.c - the report screen: the year's headline figures and two bar
 * charts (contacts by month, timeliness by stage), from the same struct
 * report that `redress report` prints.  The screen is for staff of the book
 * and shows exact figures; the command suppresses small numbers for
 * publishing.  No sealed field is read: it works without the key. */
#include <stdlib.h>
#include <string.h>

#include "redress/report.h"
#include "redress/text.h"
#include "tui-int.h"

/* Rows are laid out top to bottom; only those in the window are drawn. */
struct tui_rep_pen {
	struct tui *t;
	int row;        /* the next logical row */
	size_t top;
	int h;
};

static int
tui_rep_y(struct tui_rep_pen *p)
{
	int r = p->row++;

	if (p->t->body == NULL || r < (int)p->top || r >= (int)p->top + p->h)
		return -1;
	return r - (int)p->top;
}

static void
tui_rep_line(struct tui_rep_pen *p, enum tui_style s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
tui_rep_line(struct tui_rep_pen *p, enum tui_style s, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int y = tui_rep_y(p);

	if (y < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	tui_put(p->t, p->t->body, y, 0, line, p->t->cols, TUI_LEFT, tui_style(p->t, s));
}

/* "7 of 9 (78%)" */
static const char *
tui_rep_share(long part, long whole, char *buf, size_t n)
{
	if (whole <= 0)
		snprintf(buf, n, "none");
	else
		snprintf(buf, n, "%ld of %ld (%ld%%)", part, whole, (part * 100 + whole / 2) / whole);
	return buf;
}

/* A bar of segments: each its length in cells, its character and style;
 * the characters differ, so the bar reads without colour. */
struct tui_seg {
	long v;
	const char *ch;
	enum tui_style style;
};

static void
tui_rep_bar(struct tui_rep_pen *p, const char *label, const struct tui_seg *seg, size_t nseg,
            long max, const char *tail)
{
	struct tui *t = p->t;
	int y = tui_rep_y(p), labw = 11, barw = t->cols - labw - 30, x, k, cells;
	size_t i;

	if (y < 0)
		return;
	if (barw < 10)
		barw = 10;
	tui_put(t, t->body, y, 0, label, labw - 1, TUI_LEFT, A_NORMAL);
	x = labw;
	for (i = 0; i < nseg; i++) {
		/* rounded, but a segment that is not zero shows at least one cell */
		cells = max > 0 ? (int)((seg[i].v * barw + max / 2) / max) : 0;
		if (seg[i].v > 0 && cells == 0)
			cells = 1;
		for (k = 0; k < cells && x < labw + barw + (int)nseg; k++)
			tui_put(t, t->body, y, x++, seg[i].ch, 1, TUI_LEFT, tui_style(t, seg[i].style));
	}
	if (x + 1 < t->cols)
		tui_put(t, t->body, y, x + 1, tail, t->cols - x - 1, TUI_LEFT, A_NORMAL);
}

static long
tui_rep_sum(const long *v, size_t n)
{
	long s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* Walks the screen: draws the rows in view; returns how many rows there are. */
static int
tui_rep_walk(struct tui *t, size_t top, int h)
{
	static const char *const months[] = { "January", "February", "March", "April", "May",
	                                      "June", "July", "August", "September", "October",
	                                      "November", "December" };
	const struct tui_report *R = &t->report;
	const struct report *r = R->r;
	struct tui_rep_pen p = { t, 0, top, h };
	const char *full = !t->ascii ? "\u2588" : "#", *half = !t->ascii ? "\u2592" : "+",
		   *light = !t->ascii ? "\u2591" : "-";
	char a[64], b[64], tail[96];
	long max = 0, v;
	int m, k;

	if (r == NULL)
		return 0;
	tui_rep_line(&p, TUI_S_HEAD, "%s year %s to %s%s%s", r->calendar ? "Calendar" : "Financial",
	             r->from, r->to, strcmp(r->asof, r->to) < 0 ? ", so far: as at " : "",
	             strcmp(r->asof, r->to) < 0 ? r->asof : "");
	tui_rep_line(&p, TUI_S_DIM, "Exact figures, for staff: the published report hides counts "
	                            "under %d.", REPORT_SMALL);
	p.row++;
	tui_rep_line(&p, TUI_S_NORMAL, "Contacts %ld: complaints %ld, comments %ld, compliments %ld",
	             r->contacts, r->kind[ROUTE_COMPLAINT], r->kind[ROUTE_COMMENT],
	             r->kind[ROUTE_COMPLIMENT]);
	tui_rep_line(&p, TUI_S_NORMAL, "  concerns %ld, requests %ld, anonymous %ld, redirected %ld, "
	                               "safeguarding %ld",
	             r->kind[ROUTE_CONCERN], r->kind[ROUTE_REQUEST], r->kind[ROUTE_ANONYMOUS],
	             r->kind[ROUTE_REDIRECTED], r->kind[REPORT_SAFEGUARDING]);
	tui_rep_line(&p, TUI_S_NORMAL, "Complaints by: the child or young person %ld, an advocate "
	                               "%ld, an adult %ld",
	             r->who[REPORT_WHO_CHILD], r->who[REPORT_WHO_ADVOCATE], r->who[REPORT_WHO_ADULT]);
	tui_rep_line(&p, TUI_S_NORMAL, "Stage 1: %ld responded, in 10 working days %s, average %s",
	             r->stage[1].responded, tui_rep_share(r->s1.band[0], r->s1.n, a, sizeof a),
	             r->s1.n ? (snprintf(b, sizeof b, "%.1f days", (double)r->s1.sum_days / (double)r->s1.n), b) : "-");
	tui_rep_line(&p, TUI_S_NORMAL, "Stage 2: %ld requested, %ld refused, %ld responded, in 25 "
	                               "working days %s",
	             r->stage[2].requested, r->stage[2].refused, r->stage[2].responded,
	             tui_rep_share(r->s2.band[0], r->s2.n, a, sizeof a));
	tui_rep_line(&p, TUI_S_NORMAL, "Stage 3: %ld requested, %ld panels, %ld responses; "
	                               "Ombudsman: %ld referred, %ld decided",
	             r->stage[3].requested, r->panel.n, r->s3.n, r->omb_referred, r->omb_decided);
	tui_rep_line(&p, r->rec_overdue ? TUI_S_OVERDUE : TUI_S_NORMAL,
	             "Recommendations: %ld made, %ld done (%ld late), %ld overdue", r->rec_made,
	             r->rec_done, r->rec_done_late, r->rec_overdue);
	tui_rep_line(&p, TUI_S_NORMAL, "Advocacy: %ld offered, %ld taken up; compliments passed "
	                               "on %ld of %ld",
	             r->adv_offered, r->adv_accepted, r->compliments_passed, r->compliments);
	/* contacts by month: complaints, then the other contacts */
	p.row++;
	tui_rep_line(&p, TUI_S_HEAD, "Contacts by month (%s complaints, %s other contacts)", full,
	             half);
	for (m = 0; m < 12; m++)
		if ((v = tui_rep_sum(r->month[m], REPORT_KINDS)) > max)
			max = v;
	for (m = 0; m < 12; m++) {
		struct tui_seg seg[2];
		int mon = (r->month_first - 1 + m) % 12;

		v = tui_rep_sum(r->month[m], REPORT_KINDS);
		seg[0] = (struct tui_seg){ r->month[m][ROUTE_COMPLAINT], full, TUI_S_NORMAL };
		seg[1] = (struct tui_seg){ v - r->month[m][ROUTE_COMPLAINT], half, TUI_S_DIM };
		snprintf(tail, sizeof tail, "%ld (%ld complaints)", v, r->month[m][ROUTE_COMPLAINT]);
		tui_rep_bar(&p, months[mon], seg, 2, max, tail);
	}
	/* timeliness by stage: within the first limit, the second, over */
	p.row++;
	tui_rep_line(&p, TUI_S_HEAD, "Timeliness, working days (%s within, %s later, %s over)",
	             full, half, light);
	{
		const struct {
			const char *label;
			const struct report_time *rt;
		} rows[] = {
			{ "Stage 1", &r->s1 }, { "Stage 2", &r->s2 }, { "Panel", &r->panel },
			{ "Findings", &r->findings }, { "Stage 3", &r->s3 },
		};

		max = 0;
		for (k = 0; k < 5; k++)
			if (rows[k].rt->n > max)
				max = rows[k].rt->n;
		for (k = 0; k < 5; k++) {
			const struct report_time *rt = rows[k].rt;
			struct tui_seg seg[3] = {
				{ rt->band[0], full, TUI_S_MET },
				{ rt->band[1], half, TUI_S_SOON },
				{ rt->band[2], light, TUI_S_OVERDUE },
			};

			if (rt->limit[1] > 0)
				snprintf(tail, sizeof tail, "%ld: %ld in %d, %ld in %d, %ld over", rt->n,
				         rt->band[0], rt->limit[0], rt->band[1], rt->limit[1], rt->band[2]);
			else
				snprintf(tail, sizeof tail, "%ld: %ld in %d, %ld over", rt->n, rt->band[0],
				         rt->limit[0], rt->band[1] + rt->band[2]);
			tui_rep_bar(&p, rows[k].label, seg, 3, max, tail);
		}
	}
	return p.row;
}

/* --- loading, keys ------------------------------------------------------------------- */

static int
tui_report_load(struct tui *t)
{
	struct tui_report *R = &t->report;
	struct err err;

	if (R->r == NULL && (R->r = malloc(sizeof *R->r)) == NULL) {
		tui_message(t, true, "report: out of memory");
		return -1;
	}
	R->stale = false;
	if (book_report(t->b, R->year, R->calendar, R->r, &err) != 0) {
		free(R->r);
		R->r = NULL;
		tui_message(t, true, "report: %s", err.msg);
		return -1;
	}
	return 0;
}

static void
tui_report_free(struct tui *t)
{
	free(t->report.r);
	t->report.r = NULL;
}

static void
tui_report_open(struct tui *t)
{
	struct tui_report *R = &t->report;
	int y, m, d;

	if (R->year == 0) {
		/* the financial year today is in */
		date_to_ymd(t->today, &y, &m, &d);
		R->year = m >= 4 ? y : y - 1;
	}
	t->screen = &tui_report_screen;
	R->top = 0;
	tui_message(t, false, "counting...");
	tui_draw(t);
	t->message[0] = '\0';
	tui_report_load(t);
}

static void
tui_report_draw(struct tui *t)
{
	struct tui_report *R = &t->report;
	int h = tui_body_rows(t), total;

	if (R->r == NULL || R->stale)
		tui_report_load(t);
	total = tui_rep_walk(t, 0, 0);
	if (R->top + (size_t)h > (size_t)total)
		R->top = total > h ? (size_t)(total - h) : 0;
	tui_rep_walk(t, R->top, h);
}

static void
tui_report_key(struct tui *t, enum tui_action a)
{
	struct tui_report *R = &t->report;
	size_t h = (size_t)tui_body_rows(t), total = (size_t)tui_rep_walk(t, 0, 0);
	size_t max = total > h ? total - h : 0;

	switch (a) {
	case TUI_A_BACK:
		t->screen = &tui_list_screen;
		return;
	case TUI_A_YEAR_NEXT:
		if (R->year >= DATE_MAX_YEAR - 1)
			return;
		R->year++;
		break;
	case TUI_A_YEAR_PREV:
		if (R->year <= DATE_MIN_YEAR)
			return;
		R->year--;
		break;
	case TUI_A_WHICH:
		R->calendar = !R->calendar;
		break;
	default:
		tui_scroll(&R->top, max, h, a);
		return;
	}
	tui_report_load(t);
}

static void
tui_report_title(struct tui *t, char *buf, size_t n)
{
	const struct tui_report *R = &t->report;

	if (R->calendar)
		snprintf(buf, n, "report | calendar year %d", R->year);
	else
		snprintf(buf, n, "report | financial year %d-%02d", R->year, (R->year + 1) % 100);
}

/* Counted again when next drawn. */
static void
tui_report_wake(struct tui *t, bool front)
{
	(void)front;
	t->report.stale = true;
}

const struct tui_screen tui_report_screen = {
	.name = "report",
	.ctx = TUI_CTX_REPORT,
	.opens = TUI_A_REPORT,
	.open = tui_report_open,
	.draw = tui_report_draw,
	.key = tui_report_key,
	.title = tui_report_title,
	.wake = tui_report_wake,
	.free = tui_report_free,
};
