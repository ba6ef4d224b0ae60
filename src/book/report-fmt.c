/* report-fmt.c - a computed report as tables with small numbers suppressed,
 * and those tables as text, CSV (RFC 4180) or Markdown.  Pure: no I/O, so
 * both front ends (and tests) get the same cells. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"
#include "redress/csv.h"
#include "redress/report.h"
#include "redress/text.h"
#include "redress/vocab.h"

/* --- suppression ---------------------------------------------------------------- */

/* Marks: 0 shown, 1 small ("<5": 1 to 4), 2 withheld ("*": 5 or more, or a
 * pair's cell), 3 hidden (a number no table shows, but that the shown ones
 * add up with: at least 1 and unbounded; protected like a small one and
 * never chosen to withhold). */
enum { SUP_SHOWN = 0, SUP_SMALL, SUP_WITHHELD, SUP_HIDDEN };

/* One sum: cells v[0..n-1] (marks prefilled) adding up to a total marked
 * total.  While the suppressed cells could be worked out - with the total
 * shown: one alone, all at their least (1 small, 5 withheld, 1 hidden), or
 * all small and all 4; with the total withheld: none withheld (the shown
 * cells and the small ones would bound it) or all at their least (its
 * least would be it) - the smallest other cell not zero is withheld.
 * Returns 1 when none was left and a shown total must be withheld. */
static int
sup_core(const long *v, size_t n, char *mark, char total)
{
	size_t i, best, kp = 0, ks = 0;
	long sum = 0, least = 0;
	bool total_known = total == SUP_SHOWN || total == SUP_SMALL;

	for (i = 0; i < n; i++) {
		if (mark[i] == SUP_SHOWN)
			continue;
		sum += v[i];
		if (mark[i] == SUP_SMALL)
			kp++, least += 1;
		else
			ks++, least += mark[i] == SUP_HIDDEN ? 1 : REPORT_SMALL;
	}
	for (;;) {
		bool pinned;

		if (total_known)
			pinned = kp + ks > 0 &&
			         (sum == least || kp + ks == 1 || (ks == 0 && sum == 4 * (long)kp));
		else
			pinned = ks == 0 || sum == least;
		if (!pinned)
			return 0;
		best = n;
		for (i = 0; i < n; i++)
			if (mark[i] == SUP_SHOWN && v[i] > 0 && (best == n || v[i] < v[best]))
				best = i;
		if (best == n)
			return total == SUP_SHOWN;
		mark[best] = SUP_WITHHELD;
		ks++;
		sum += v[best];
		least += REPORT_SMALL;
	}
}

int
report_suppress(const long *v, size_t n, char *mark)
{
	size_t i;

	for (i = 0; i < n; i++)
		mark[i] = v[i] > 0 && v[i] < REPORT_SMALL ? SUP_SMALL : SUP_SHOWN;
	return sup_core(v, n, mark, SUP_SHOWN);
}

const char *
report_count_text(long v, char mark, char *buf, size_t n)
{
	if (mark == 1 || (mark == 0 && v > 0 && v < REPORT_SMALL))
		snprintf(buf, n, "<%d", REPORT_SMALL);
	else if (mark == 2)
		snprintf(buf, n, "*");
	else
		snprintf(buf, n, "%ld", v);
	return buf;
}

/* --- linked suppression ------------------------------------------------------------
 *
 * The same number is often published in several tables (the complaints
 * received: the headline, a kind, the total of the months, of who
 * complained, of the teams, the Stage 1 row, the Code's figures), so
 * suppressing each table alone can be undone by reading another.  Every
 * number shown is a node; a number shown in several places is one node (a
 * named quantity below, or a cell of one table that is the same count as a
 * cell of another); every table that adds up is a sum of nodes.  The sums
 * are suppressed in turn with sup_core until none changes, a node withheld
 * by one sum being withheld in all the others (so a withheld total needs
 * its cells protected, a withheld cell its total's other cells); then the
 * tables are written from the nodes' marks, so a number withheld anywhere
 * is "*" everywhere, in every format and in both parts of the report. */

enum {
	Q_CONTACTS,   /* headline; totals of kinds, channels, months */
	Q_COMPLAINTS, /* headline; kind; Stage 1 received; totals of months, who,
	               * teams, services; the Code's Stage 1 received */
	Q_KCOMPL,     /* compliments as a kind: the kind cell, the months' total */
	Q_COMPLIMENTS, /* headline and other; totals of teams, services */
	Q_UPHELD,     /* upheld or partly: totals of teams and services */
	Q_S2REQ,      /* headline; stages; the Code's escalations */
	Q_S3REQ,      /* headline; stages */
	Q_REF1, Q_REF2, Q_REF3, /* stages; totals of the refusal columns */
	Q_EXT1, Q_EXT2, /* stages; extensions; totals of reasons; the Code's */
	Q_RESP1, Q_RESP2, Q_RESP3, /* stages; totals of outcomes; the Code's */
	Q_TIME,       /* 5: each step's measured total in timeliness */
	Q_CLOCKED = Q_TIME + 5, /* 5: each step's measured against the clocks */
	Q_OMB_REF = Q_CLOCKED + 5, /* headline; other; the Code's */
	Q_OMB_DEC,    /* other; total of the findings */
	Q_COUNT
};

#define SUP_NODES 1024
#define SUP_SUMS 160
#define SUP_CELLS 1536
#define SUP_WIDTH 64

struct sup_sum {
	size_t total, first, n;
	bool pair;                 /* withhold both cells rather than the total */
};

struct sup {
	long val[SUP_NODES];
	char mark[SUP_NODES];
	size_t alias[Q_COUNT];     /* a quantity that is the same number as another */
	size_t n, next;
	struct sup_sum sum[SUP_SUMS];
	size_t nsum;
	size_t cell[SUP_CELLS];
	size_t ncell;
	bool full;
};

static void
sup_named(struct sup *s, size_t q, long v)
{
	s->val[q] = v;
	s->mark[q] = v > 0 && v < REPORT_SMALL ? SUP_SMALL : SUP_SHOWN;
	s->alias[q] = q;
}

/* q is the same number as to when they are equal (a reader would take them
 * for one, and they are one but for a case the report counts oddly). */
static void
sup_same(struct sup *s, size_t q, size_t to)
{
	while (s->alias[to] != to)
		to = s->alias[to];
	if (s->val[q] == s->val[to])
		s->alias[q] = to;
}

static void
sup_setup(struct sup *s, const struct report *r)
{
	long up = 0;
	size_t i;
	const struct report_time *t[5] = { &r->s1, &r->s2, &r->panel, &r->findings, &r->s3 };

	memset(s, 0, sizeof *s);
	for (i = 0; i < r->teams.n; i++)
		up += r->teams.v[i].upheld;
	sup_named(s, Q_CONTACTS, r->contacts);
	sup_named(s, Q_COMPLAINTS, r->stage[1].requested);
	sup_named(s, Q_KCOMPL, r->kind[ROUTE_COMPLIMENT]);
	sup_named(s, Q_COMPLIMENTS, r->compliments);
	sup_named(s, Q_UPHELD, up);
	sup_named(s, Q_S2REQ, r->stage[2].requested);
	sup_named(s, Q_S3REQ, r->stage[3].requested);
	sup_named(s, Q_REF1, r->stage[1].refused);
	sup_named(s, Q_REF2, r->stage[2].refused);
	sup_named(s, Q_REF3, r->stage[3].refused);
	sup_named(s, Q_EXT1, r->stage[1].extended);
	sup_named(s, Q_EXT2, r->stage[2].extended);
	sup_named(s, Q_RESP1, r->stage[1].responded);
	sup_named(s, Q_RESP2, r->stage[2].responded);
	sup_named(s, Q_RESP3, r->stage[3].responded);
	for (i = 0; i < 5; i++) {
		sup_named(s, Q_TIME + i, t[i]->n);
		sup_named(s, Q_CLOCKED + i, t[i]->clocked);
	}
	sup_named(s, Q_OMB_REF, r->omb_referred);
	sup_named(s, Q_OMB_DEC, r->omb_decided);
	sup_same(s, Q_KCOMPL, Q_COMPLIMENTS);
	sup_same(s, Q_TIME + 0, Q_RESP1);
	sup_same(s, Q_TIME + 1, Q_RESP2);
	sup_same(s, Q_TIME + 4, Q_RESP3);
	for (i = 0; i < 5; i++)
		sup_same(s, Q_CLOCKED + i, Q_TIME + i);
	s->n = Q_COUNT;
}

/* Suppresses every sum until none changes: marks only ever grow, so it ends. */
static void
sup_solve(struct sup *s)
{
	long v[SUP_WIDTH];
	char m[SUP_WIDTH];
	bool changed;
	size_t k, i;

	do {
		changed = false;
		for (k = 0; k < s->nsum; k++) {
			const struct sup_sum *u = &s->sum[k];
			char *tm = &s->mark[u->total];

			for (i = 0; i < u->n; i++) {
				v[i] = s->val[s->cell[u->first + i]];
				m[i] = s->mark[s->cell[u->first + i]];
			}
			if (sup_core(v, u->n, m, *tm) != 0) {
				if (!u->pair)
					*tm = SUP_WITHHELD, changed = true;
				else
					for (i = 0; i < u->n; i++)
						if (m[i] == SUP_SHOWN)
							m[i] = SUP_WITHHELD;
			}
			for (i = 0; i < u->n; i++)
				if (s->mark[s->cell[u->first + i]] != m[i]) {
					s->mark[s->cell[u->first + i]] = m[i];
					changed = true;
				}
		}
	} while (changed);
}

/* --- the tables ------------------------------------------------------------------- */

#define EM_COLS 8
#define EM_CELL 96

/* The tables are walked twice, in the same order: first to collect the
 * numbers and their sums (nothing written), then to write them. */
struct em {
	const struct report_out *out;
	void *ctx;
	int rc;
	struct sup *s;
	bool collect;              /* the first walk */
	bool quiet;                /* the part not asked for: walked, not written */
	char cell[EM_COLS][EM_CELL];
	const char *ptr[EM_COLS];
	size_t ncols;
};

static bool
em_writing(const struct em *e)
{
	return e->rc == 0 && !e->collect && !e->quiet;
}

/* A number shown once (or first shown here): its node.  The second walk
 * meets the nodes in the order the first made them. */
static size_t
em_node(struct em *e, long v)
{
	struct sup *s = e->s;

	if (!e->collect)
		return s->next < s->n ? s->next++ : 0;
	if (s->n == SUP_NODES) {
		s->full = true;
		return 0;
	}
	s->val[s->n] = v;
	s->mark[s->n] = v > 0 && v < REPORT_SMALL ? SUP_SMALL : SUP_SHOWN;
	return s->n++;
}

/* A number never shown (a month's contacts that are neither complaints nor
 * compliments): 0 is taken as known, anything else hidden. */
static size_t
em_hidden(struct em *e, long v)
{
	size_t id = em_node(e, v);

	if (e->collect && v > 0 && id != 0)
		e->s->mark[id] = SUP_HIDDEN;
	return id;
}

/* A named quantity. */
static size_t
em_q(struct em *e, size_t q)
{
	while (e->s->alias[q] != q)
		q = e->s->alias[q];
	return q;
}

/* A total that is the named quantity q when it adds up to it. */
static size_t
em_qsum(struct em *e, size_t q, long v)
{
	q = em_q(e, q);
	return e->s->val[q] == v ? q : em_node(e, v);
}

/* cells[0..n-1] add up to total. */
static void
em_sum(struct em *e, size_t total, const size_t *cells, size_t n, bool pair)
{
	struct sup *s = e->s;
	struct sup_sum *u;

	if (!e->collect)
		return;
	if (s->nsum == SUP_SUMS || s->ncell + n > SUP_CELLS || n > SUP_WIDTH) {
		s->full = true;
		return;
	}
	u = &s->sum[s->nsum++];
	u->total = total;
	u->first = s->ncell;
	u->n = n;
	u->pair = pair;
	memcpy(&s->cell[s->ncell], cells, n * sizeof *cells);
	s->ncell += n;
}

static void
em_para(struct em *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
em_para(struct em *e, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (!em_writing(e))
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	e->rc = e->out->para(e->ctx, buf);
}

static void
em_begin(struct em *e, const char *id, const char *title, size_t ncols, ...)
{
	const char *heads[EM_COLS];
	va_list ap;
	size_t i;

	e->ncols = ncols;
	va_start(ap, ncols);
	for (i = 0; i < ncols && i < EM_COLS; i++)
		heads[i] = va_arg(ap, const char *);
	va_end(ap);
	if (em_writing(e))
		e->rc = e->out->table_begin(e->ctx, id, title, heads, ncols);
}

static void
em_end(struct em *e)
{
	if (em_writing(e))
		e->rc = e->out->table_end(e->ctx);
}

/* A row: the label, then the cells already written into e->cell[1..]. */
static void
em_row(struct em *e, const char *label)
{
	size_t i;

	if (!em_writing(e))
		return;
	snprintf(e->cell[0], EM_CELL, "%s", label);
	for (i = 0; i < e->ncols; i++)
		e->ptr[i] = e->cell[i];
	e->rc = e->out->row(e->ctx, e->ptr, e->ncols);
}

/* The text of node id in column col: "12", "<5" or "*". */
static void
em_show(struct em *e, size_t col, size_t id)
{
	report_count_text(e->s->val[id], e->s->mark[id], e->cell[col], EM_CELL);
}

/* The Total row of a table of n columns (their totals' nodes in tid), and
 * its end. */
static void
em_total_end(struct em *e, const size_t *tid, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		em_show(e, k + 1, tid[k]);
	em_row(e, "Total");
	em_end(e);
}

static void
em_text(struct em *e, size_t col, const char *s)
{
	snprintf(e->cell[col], EM_CELL, "%s", s);
}

/* Nodes for n numbers shown once. */
static void
em_nodes(struct em *e, const long *v, size_t n, size_t *ids)
{
	size_t i;

	for (i = 0; i < n; i++)
		ids[i] = em_node(e, v[i]);
}

/* A one-column breakdown: the cells ids (values v) and their total. */
static void
em_breakdown(struct em *e, const char *const *labels, const size_t *ids, size_t n, size_t total)
{
	size_t i;

	em_sum(e, total, ids, n, false);
	for (i = 0; i < n; i++) {
		em_show(e, 1, ids[i]);
		em_row(e, labels[i]);
	}
	em_show(e, 1, total);
	em_row(e, "Total");
}

static const char *const em_months[12] = {
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December",
};

static void
em_average(struct em *e, size_t col, const struct report_time *t)
{
	if (t->n < REPORT_SMALL)
		em_text(e, col, "-");
	else
		snprintf(e->cell[col], EM_CELL, "%.1f", (double)t->sum_days / (double)t->n);
}

static void
em_names(struct em *e, const char *id, const char *title, const char *what,
         const struct report_names *ns)
{
	static const size_t qs[3] = { Q_COMPLAINTS, Q_UPHELD, Q_COMPLIMENTS };
	long v[3][REPORT_NAMES_MAX], tot[3] = { 0, 0, 0 };
	size_t ids[3][REPORT_NAMES_MAX], tid[3];
	size_t i, k;

	for (i = 0; i < ns->n; i++) {
		v[0][i] = ns->v[i].complaints;
		v[1][i] = ns->v[i].upheld;
		v[2][i] = ns->v[i].compliments;
	}
	for (k = 0; k < 3; k++) {
		for (i = 0; i < ns->n; i++)
			tot[k] += v[k][i];
		em_nodes(e, v[k], ns->n, ids[k]);
		tid[k] = em_qsum(e, qs[k], tot[k]);
		em_sum(e, tid[k], ids[k], ns->n, false);
	}
	em_begin(e, id, title, 4, what, "Complaints", "Upheld or partly upheld", "Compliments");
	for (i = 0; i < ns->n; i++) {
		for (k = 0; k < 3; k++)
			em_show(e, k + 1, ids[k][i]);
		em_row(e, ns->v[i].other ? "Others" : ns->v[i].name[0] ? ns->v[i].name
		                                                         : "Not recorded");
	}
	em_total_end(e, tid, 3);
}

/* A pair that adds up to a shown number (node of): met and not met.  When
 * they would give each other away, both are withheld. */
static void
em_pair(struct em *e, size_t col, long yes, size_t of)
{
	long v[2] = { yes, e->s->val[of] - yes };
	size_t ids[2];

	em_nodes(e, v, 2, ids);
	em_sum(e, of, ids, 2, true);
	em_show(e, col, ids[0]);
	em_show(e, col + 1, ids[1]);
}

/* months: contacts, complaints, compliments, each column a breakdown of
 * its total; and each month's contacts the sum of its complaints, its
 * compliments and its other contacts (not shown, so protected as a
 * small number would be, unless there are none) */
static void
em_annual_months(struct em *e, const struct report *r)
{
	size_t i, k;
	static const size_t qs[3] = { Q_CONTACTS, Q_COMPLAINTS, Q_KCOMPL };
	long mv[4][12], mt[3] = { 0, 0, 0 };
	size_t mid[4][12], tid[3], row[3];
	char lab[32];
	int y;

	for (i = 0; i < 12; i++) {
		mv[0][i] = 0;
		for (k = 0; k < REPORT_KINDS; k++)
			mv[0][i] += r->month[i][k];
		mv[1][i] = r->month[i][ROUTE_COMPLAINT];
		mv[2][i] = r->month[i][ROUTE_COMPLIMENT];
		mv[3][i] = mv[0][i] - mv[1][i] - mv[2][i];
	}
	for (k = 0; k < 3; k++) {
		for (i = 0; i < 12; i++)
			mt[k] += mv[k][i];
		em_nodes(e, mv[k], 12, mid[k]);
		tid[k] = em_qsum(e, qs[k], mt[k]);
		em_sum(e, tid[k], mid[k], 12, false);
	}
	for (i = 0; i < 12; i++) {
		mid[3][i] = em_hidden(e, mv[3][i]);
		row[0] = mid[1][i], row[1] = mid[2][i], row[2] = mid[3][i];
		em_sum(e, mid[0][i], row, 3, false);
	}
	em_begin(e, "contacts-by-month", "Contacts by month received", 4, "Month", "Contacts",
	         "Complaints", "Compliments");
	for (i = 0; i < 12; i++) {
		int m = (int)((r->month_first - 1 + (int)i) % 12);

		y = r->year + (r->month_first - 1 + (int)i >= 12);
		snprintf(lab, sizeof lab, "%s %d", em_months[m], y);
		for (k = 0; k < 3; k++)
			em_show(e, k + 1, mid[k][i]);
		em_row(e, lab);
	}
	em_total_end(e, tid, 3);
}

/* outcomes: each stage's column is a breakdown of its responses; a
 * finding on the points that is the same number as the outcome beside it
 * is taken for it (each complaint with one point: the same count) */
static void
em_annual_outcomes(struct em *e, const struct report *r)
{
	static const size_t q_resp[4] = { 0, Q_RESP1, Q_RESP2, Q_RESP3 };
	size_t i, k;
	long tot;
	int s;
	size_t oid[2][3][OUTCOME_COUNT], tid[2][3];

	for (k = 0; k < 2; k++)
		for (s = 1; s <= 3; s++) {
			tot = 0;
			for (i = 0; i < OUTCOME_COUNT; i++) {
				long x = k == 0 ? r->stage[s].outcome[i] : r->stage[s].point_outcome[i];

				tot += x;
				if (k == 1 && i > 0 && x > 0 && x == r->stage[s].outcome[i])
					oid[1][s - 1][i] = oid[0][s - 1][i];
				else
					oid[k][s - 1][i] = em_node(e, x);
			}
			tid[k][s - 1] = k == 0 ? em_qsum(e, q_resp[s], tot) : em_node(e, tot);
			/* the points' table has no row for "no finding" (always 0) */
			em_sum(e, tid[k][s - 1], &oid[k][s - 1][k], OUTCOME_COUNT - k, false);
		}
	for (k = 0; k < 2; k++) {
		if (k == 0)
			em_begin(e, "outcomes", "Outcomes of the complaints responded to", 4,
			         "Outcome", "Stage 1", "Stage 2", "Stage 3");
		else
			em_begin(e, "point-outcomes", "Findings on the points of those complaints",
			         4, "Finding", "Stage 1", "Stage 2", "Stage 3");
		for (i = k; i < OUTCOME_COUNT; i++) {
			for (s = 1; s <= 3; s++)
				em_show(e, (size_t)s, oid[k][s - 1][i]);
			em_row(e, vocab_label(VOCAB_OUTCOME, (int)i));
		}
		em_total_end(e, tid[k], 3);
	}
}

/* timeliness: each row's bands add up to its total */
static void
em_annual_timeliness(struct em *e, const struct report *r)
{
	size_t i;
	static const char *const names[5] = {
		"Stage 1 response (from receipt)", "Stage 2 response (from the request)",
		"Stage 3 panel (from the request)", "Stage 3 panel findings (from the panel)",
		"Stage 3 response (from the findings)",
	};
	const struct report_time *t[5] = { &r->s1, &r->s2, &r->panel, &r->findings, &r->s3 };
	char lim[32];

	em_begin(e, "timeliness", "Timeliness in working days", 7, "Step", "Limits",
	         "Within the limit", "Within the extended limit", "Over", "Total",
	         "Average working days");
	for (i = 0; i < 5; i++) {
		long bv[3] = { t[i]->band[0], t[i]->band[1], t[i]->band[2] };
		size_t bid[3], nid = em_qsum(e, Q_TIME + i, t[i]->n);

		em_nodes(e, bv, 3, bid);
		em_sum(e, nid, bid, 3, false);
		if (t[i]->limit[1] > 0)
			snprintf(lim, sizeof lim, "%d / %d", t[i]->limit[0], t[i]->limit[1]);
		else
			snprintf(lim, sizeof lim, "%d", t[i]->limit[0]);
		em_text(e, 1, lim);
		em_show(e, 2, bid[0]);
		if (t[i]->limit[1] > 0)
			em_show(e, 3, bid[1]);
		else
			em_text(e, 3, "-");
		em_show(e, 4, bid[2]);
		em_show(e, 5, nid);
		em_average(e, 6, t[i]);
		em_row(e, names[i]);
	}
	em_end(e);

	em_begin(e, "clocks", "Against the book's statutory deadlines and internal targets", 6,
	         "Step", "Measured", "Deadline met", "Deadline missed", "Target met",
	         "Target missed");
	for (i = 0; i < 5; i++) {
		size_t cid = em_q(e, Q_CLOCKED + i);

		em_show(e, 1, cid);
		em_pair(e, 2, t[i]->deadline_met, cid);
		em_pair(e, 4, t[i]->target_met, cid);
		em_row(e, names[i]);
	}
	em_end(e);
}

/* extensions by coded reason: each stage's column a breakdown of its
 * extensions, whose totals the stages table shows */
static void
em_annual_ext_reasons(struct em *e, const struct report *r)
{
	long v[EXT_REASON_COUNT], tot;
	size_t i, k;
	size_t xid[2][EXT_REASON_COUNT], tid[2];

	for (k = 0; k < 2; k++) {
		for (i = 0, tot = 0; i < EXT_REASON_COUNT; i++)
			tot += v[i] = r->ext_reason[i][k + 1];
		em_nodes(e, v, EXT_REASON_COUNT, xid[k]);
		tid[k] = em_qsum(e, k == 0 ? Q_EXT1 : Q_EXT2, tot);
		em_sum(e, tid[k], xid[k], EXT_REASON_COUNT, false);
	}
	em_begin(e, "extension-reasons", "Extensions by coded reason", 3, "Reason", "Stage 1",
	         "Stage 2");
	for (i = 1; i <= EXT_REASON_COUNT; i++) {
		size_t rr = i % EXT_REASON_COUNT; /* "not recorded" last */

		for (k = 0; k < 2; k++)
			em_show(e, k + 1, xid[k][rr]);
		em_row(e, rr == EXT_REASON_NONE ? "Not recorded" : ext_reason_describe((int)rr));
	}
	em_total_end(e, tid, 2);
}

/* refusals: reason by stage, each column a breakdown of the stage's
 * refusals in the stages table */
static void
em_annual_refusals(struct em *e, const struct report *r)
{
	long v[REFUSAL_COUNT], tot;
	size_t i, k;
	static const size_t cols[3] = { 0, 2, 3 };
	static const size_t qs[3] = { Q_REF1, Q_REF2, Q_REF3 };
	size_t fid[3][REFUSAL_COUNT], tid[3];

	for (k = 0; k < 3; k++) {
		for (i = 0, tot = 0; i < REFUSAL_COUNT; i++)
			tot += v[i] = r->refusal[i][cols[k]];
		em_nodes(e, v, REFUSAL_COUNT, fid[k]);
		tid[k] = em_qsum(e, qs[k], tot);
		em_sum(e, tid[k], fid[k], REFUSAL_COUNT, false);
	}
	em_begin(e, "refusals", "Declined or refused, by coded reason", 4, "Reason",
	         "At receipt", "Stage 2 request", "Stage 3 request");
	for (i = 0; i < REFUSAL_COUNT; i++) {
		for (k = 0; k < 3; k++)
			em_show(e, k + 1, fid[k][i]);
		em_row(e, i == REFUSAL_NONE ? "No reason coded" : refusal_describe((enum refusal)i));
	}
	em_total_end(e, tid, 3);
}

/* A row of a figure as at the report's date: "WHAT on 2027-03-31". */
static void
em_asof(struct em *e, const struct report *r, long v, const char *what)
{
	char lab[64];

	em_show(e, 1, em_node(e, v));
	snprintf(lab, sizeof lab, "%s on %s", what, r->asof);
	em_row(e, lab);
}

/* the Ombudsman's decisions by finding: they add up to the decisions
 * received, shown below */
static void
em_annual_omb(struct em *e, const struct report *r)
{
	long v[OMB_FINDING_COUNT], tot;
	size_t ids[OMB_FINDING_COUNT], i;
	const char *fl[OMB_FINDING_COUNT];

	for (i = 0, tot = 0; i < OMB_FINDING_COUNT; i++) {
		size_t f = (i + 1) % OMB_FINDING_COUNT; /* "not recorded" last */

		fl[i] = f == OMB_FINDING_NONE ? "Not recorded" : omb_finding_describe((int)f);
		tot += v[i] = r->omb_finding[f];
	}
	em_nodes(e, v, OMB_FINDING_COUNT, ids);
	em_begin(e, "ombudsman-findings", "The Ombudsman's decisions, by finding", 2,
	         "Finding", "Decisions");
	em_breakdown(e, fl, ids, OMB_FINDING_COUNT, em_qsum(e, Q_OMB_DEC, tot));
	em_end(e);

	em_begin(e, "ombudsman-remedies", "The Ombudsman's decisions: remedies", 2, "Figure",
	         "Number");
	em_show(e, 1, em_node(e, r->omb_remedied)),
		em_row(e, "Decisions finding it remedied by the council before");
	em_show(e, 1, em_node(e, r->omb_rec_ontime)),
		em_row(e, "Recommendations complied with on time");
	em_show(e, 1, em_node(e, r->omb_rec_late)), em_row(e, "Recommendations complied with late");
	em_asof(e, r, r->omb_rec_outstanding, "Recommendations outstanding");
	em_end(e);
}

/* Equality monitoring, in aggregate only: who was asked, then a table per
 * question over those who consented, each adding up to them. */
static void
em_annual_equality(struct em *e, const struct report *r)
{
	static const char *const cl[3] = { "Consented", "Declined", "Not asked" };
	const struct report_equality *q = &r->equality;
	const char *labels[REPORT_EQ_MAX + 1];
	long v[REPORT_EQ_MAX + 1];
	size_t ids[REPORT_EQ_MAX + 1], cid[3], k, i, n;
	char id[48], title[96];

	if (!q->counted)
		return; /* sealed: counted only when asked for, with the key */
	em_begin(e, "equality-consent", "Equality monitoring: complainants asked", 2,
	         "Consent", "Complainants");
	v[0] = q->consented, v[1] = q->declined, v[2] = q->not_asked;
	em_nodes(e, v, 3, cid);
	em_breakdown(e, cl, cid, 3, em_node(e, q->people));
	em_end(e);
	for (k = 0; k < EQUALITY_QUESTIONS; k++) {
		enum vocab_id voc = (enum vocab_id)equality_vocab(k);

		n = (size_t)vocab_size(voc);
		if (n > REPORT_EQ_MAX)
			n = REPORT_EQ_MAX;
		for (i = 0; i < n; i++) {
			labels[i] = vocab_label(voc, (int)i);
			v[i] = q->answer[k][i];
		}
		labels[n] = "not answered";
		v[n] = q->unanswered[k];
		snprintf(id, sizeof id, "equality-%s", equality_key(k));
		snprintf(title, sizeof title, "Equality monitoring: %s (those who consented)",
		         equality_label(k));
		em_begin(e, id, title, 2, "Answer", "Complainants");
		em_nodes(e, v, n + 1, ids);
		em_breakdown(e, labels, ids, n + 1, cid[0]);
		em_end(e);
	}
}

static void
em_annual(struct em *e, const struct report *r)
{
	static const size_t q_req[4] = { 0, Q_COMPLAINTS, Q_S2REQ, Q_S3REQ };
	static const size_t q_ref[4] = { 0, Q_REF1, Q_REF2, Q_REF3 };
	static const size_t q_resp[4] = { 0, Q_RESP1, Q_RESP2, Q_RESP3 };
	const char *labels[16];
	long v[16], tot;
	size_t ids[16];
	size_t i;
	int s;

	/* headline figures */
	em_begin(e, "headline", "Headline figures", 2, "Figure", "Number");
	em_show(e, 1, em_q(e, Q_CONTACTS)), em_row(e, "Contacts received");
	em_show(e, 1, em_q(e, Q_COMPLAINTS)), em_row(e, "Complaints received (Stage 1)");
	em_show(e, 1, em_q(e, Q_S2REQ)), em_row(e, "Stage 2 requests");
	em_show(e, 1, em_q(e, Q_S3REQ)), em_row(e, "Stage 3 requests");
	em_show(e, 1, em_q(e, Q_COMPLIMENTS)), em_row(e, "Compliments received");
	em_show(e, 1, em_q(e, Q_OMB_REF)), em_row(e, "Referred to the Ombudsman");
	em_end(e);

	em_begin(e, "contacts-by-kind", "Contacts by kind", 2, "Kind", "Number");
	for (i = 0, tot = 0; i < REPORT_KINDS; i++) {
		labels[i] = report_kind_name((int)i);
		tot += v[i] = r->kind[i];
		ids[i] = i == ROUTE_COMPLAINT    ? em_qsum(e, Q_COMPLAINTS, v[i])
		         : i == ROUTE_COMPLIMENT ? em_q(e, Q_KCOMPL)
		                                 : em_node(e, v[i]);
	}
	em_breakdown(e, labels, ids, REPORT_KINDS, em_qsum(e, Q_CONTACTS, tot));
	em_end(e);

	em_begin(e, "contacts-by-channel", "Contacts by channel", 2, "Channel", "Number");
	for (i = 0, tot = 0; i < CHANNEL_COUNT; i++) {
		labels[i] = channel_name((int)i);
		tot += v[i] = r->channel[i];
	}
	em_nodes(e, v, CHANNEL_COUNT, ids);
	em_breakdown(e, labels, ids, CHANNEL_COUNT, em_qsum(e, Q_CONTACTS, tot));
	em_end(e);

	em_annual_months(e, r);

	em_begin(e, "who-complained", "Who complained", 2, "Complainant", "Complaints");
	for (i = 0, tot = 0; i < REPORT_WHO_COUNT; i++) {
		labels[i] = report_who_name((int)i);
		tot += v[i] = r->who[i];
	}
	em_nodes(e, v, REPORT_WHO_COUNT, ids);
	em_breakdown(e, labels, ids, REPORT_WHO_COUNT, em_qsum(e, Q_COMPLAINTS, tot));
	em_end(e);

	em_names(e, "service-areas", "Service areas (themes)", "Service area", &r->services);
	em_names(e, "teams", "Teams (themes)", "Team", &r->teams);

	em_begin(e, "stages", "Complaints by stage", 7, "Stage", "Received or requested",
	         "Accepted", "Declined or refused", "Extended", "Responded", "Withdrawn");
	for (s = 1; s <= 3; s++) {
		const struct report_stage *st = &r->stage[s];
		char lab[32];

		em_show(e, 1, em_q(e, q_req[s]));
		if (s == 1)
			em_text(e, 2, "-");
		else
			em_show(e, 2, em_node(e, st->accepted));
		em_show(e, 3, em_q(e, q_ref[s]));
		if (s == 3)
			em_text(e, 4, "-");
		else
			em_show(e, 4, em_q(e, s == 1 ? Q_EXT1 : Q_EXT2));
		em_show(e, 5, em_q(e, q_resp[s]));
		em_show(e, 6, em_node(e, st->withdrawn));
		snprintf(lab, sizeof lab, "Stage %d", s);
		em_row(e, lab);
	}
	em_end(e);

	em_annual_outcomes(e, r);

	em_annual_timeliness(e, r);

	em_begin(e, "extensions", "Extensions", 4, "Stage", "Extensions", "With a reason recorded",
	         "Without");
	for (s = 1; s <= 2; s++) {
		char lab[32];
		size_t xid = em_q(e, s == 1 ? Q_EXT1 : Q_EXT2);

		em_show(e, 1, xid);
		em_pair(e, 2, r->stage[s].extended_noted, xid);
		snprintf(lab, sizeof lab, "Stage %d", s);
		em_row(e, lab);
	}
	em_end(e);

	em_annual_ext_reasons(e, r);

	em_annual_refusals(e, r);

	em_begin(e, "advocacy", "Advocacy offered", 2, "Response", "Number");
	{
		static const char *const al[3] = { "Accepted", "Declined", "No answer yet" };

		v[0] = r->adv_accepted;
		v[1] = r->adv_declined;
		v[2] = r->adv_pending;
		em_nodes(e, v, 3, ids);
		em_breakdown(e, al, ids, 3, em_node(e, v[0] + v[1] + v[2]));
	}
	em_end(e);

	em_annual_omb(e, r);

	em_begin(e, "other", "The Ombudsman, compliments and recommendations", 2, "Figure",
	         "Number");
	em_show(e, 1, em_q(e, Q_OMB_REF)), em_row(e, "Referred to the Ombudsman");
	em_show(e, 1, em_q(e, Q_OMB_DEC)), em_row(e, "The Ombudsman's decisions received");
	em_show(e, 1, em_node(e, r->refusal_told)), em_row(e, "Refusals that named the Ombudsman");
	em_show(e, 1, em_q(e, Q_COMPLIMENTS)), em_row(e, "Compliments received");
	em_show(e, 1, em_node(e, r->compliments_passed)),
		em_row(e, "Compliments passed on to staff");
	em_show(e, 1, em_node(e, r->rec_made)), em_row(e, "Recommendations made");
	em_show(e, 1, em_node(e, r->rec_done)), em_row(e, "Recommendations completed");
	em_show(e, 1, em_node(e, r->rec_done_late)), em_row(e, "...of which after their due date");
	em_asof(e, r, r->rec_overdue, "Recommendations overdue");
	em_end(e);

	em_annual_equality(e, r);
}

static void
em_chc(struct em *e, const struct report *r)
{
	const struct report_chc *c = &r->chc;
	char pct[16];

	em_begin(e, "chc", "Complaint Handling Code self-assessment", 5, "Measure", "Number",
	         "Within the Code's timescale", "Outside it", "Per cent within");
	/* each count is the named quantity it equals, when it does */
#define CHC_ROW(label, q, n, yes)                                                       \
	do {                                                                            \
		size_t nid_ = em_qsum(e, (q), (n));                                     \
		em_show(e, 1, nid_);                                                    \
		em_pair(e, 2, (yes), nid_);                                             \
		if ((n) >= REPORT_SMALL && strpbrk(e->cell[1], "*<") == NULL &&         \
		    strpbrk(e->cell[2], "*<") == NULL && strpbrk(e->cell[3], "*<") == NULL) \
			snprintf(pct, sizeof pct, "%.0f%%", 100.0 * (double)(yes) / (double)(n)); \
		else                                                                    \
			snprintf(pct, sizeof pct, "-");                                 \
		em_text(e, 4, pct);                                                     \
		em_row(e, (label));                                                     \
	} while (0)
#define CHC_COUNT(label, q, n)                                                          \
	do {                                                                            \
		em_show(e, 1, em_qsum(e, (q), (n)));                                    \
		em_text(e, 2, "-"), em_text(e, 3, "-"), em_text(e, 4, "-");             \
		em_row(e, (label));                                                     \
	} while (0)
	CHC_ROW("Stage 1 complaints acknowledged within 5 working days", Q_COMPLAINTS,
	        c->s1_received, c->s1_ack_5);
	CHC_ROW("Stage 1 responses within 10 working days of acknowledgement", Q_RESP1,
	        c->s1_responded, c->s1_resp_10);
	CHC_COUNT("Stage 1 extensions", Q_EXT1, c->s1_extended);
	CHC_ROW("Escalations to Stage 2 acknowledged within 5 working days", Q_S2REQ,
	        c->s2_escalated, c->s2_ack_5);
	CHC_ROW("Stage 2 responses within 20 working days of acknowledgement", Q_RESP2,
	        c->s2_responded, c->s2_resp_20);
	CHC_COUNT("Stage 2 extensions", Q_EXT2, c->s2_extended);
	CHC_COUNT("Referred to the Ombudsman", Q_OMB_REF, c->ombudsman);
#undef CHC_ROW
#undef CHC_COUNT
	em_end(e);
}

int
report_emit(const struct report *r, enum report_part part, const struct report_out *out,
            void *ctx)
{
	struct em e;
	char period[64];

	memset(&e, 0, sizeof e);
	e.out = out;
	e.ctx = ctx;
	if ((e.s = malloc(sizeof *e.s)) == NULL)
		return -1;
	/* the first walk: both parts, so that a number is withheld in both */
	sup_setup(e.s, r);
	e.collect = true;
	em_annual(&e, r);
	em_chc(&e, r);
	if (e.s->full) {
		free(e.s);
		return -1;
	}
	sup_solve(e.s);
	e.collect = false;
	e.s->next = Q_COUNT;

	if (r->calendar)
		snprintf(period, sizeof period, "%d", r->year);
	else
		snprintf(period, sizeof period, "%d/%02d", r->year, (r->year + 1) % 100);
	if (part == REPORT_CHC) {
		em_para(&e, "Complaint Handling Code self-assessment %s", period);
		/* said first, plainly: no reader takes these for compliance figures */
		if (!r->corporate)
			em_para(&e, "The Complaint Handling Code does not apply to the complaints in this "
			        "book: they follow the statutory children's social care procedure (the "
			        "Children Act 1989 and its 2006 Representations Procedure regulations), "
			        "which sets its own stages and timescales, and the Code leaves such "
			        "statutory procedures out.  The Code's figures are shown for comparison "
			        "only, so that these complaints can be set beside the council's others, "
			        "which the Code does cover; they measure nothing this procedure "
			        "requires.");
		em_para(&e, "Period %s to %s; profile %s. %s", r->from, r->to, r->authority,
		        r->corporate ? "The book follows the Code's corporate track."
		                     : "The book follows the statutory children's procedure: the "
		                       "Code's timescales are applied for comparison.");
	} else {
		em_para(&e, "Children's social care complaints, comments and compliments: annual "
		        "report %s", period);
		em_para(&e, "Period %s to %s (%s year); profile %s; recommendations as at %s.",
		        r->from, r->to, r->calendar ? "calendar" : "financial", r->authority, r->asof);
	}
	em_para(&e, "Numbers from 1 to 4 are shown as <5; a number that would let one be worked "
	        "out is withheld as *, wherever it appears.  No person or case is named.");
	e.quiet = part == REPORT_CHC;
	em_annual(&e, r);
	e.quiet = part != REPORT_CHC;
	em_chc(&e, r);
	free(e.s);
	return e.rc;
}

/* --- rendering ------------------------------------------------------------------- */

/* Characters in a UTF-8 string: its width on a terminal, near enough. */
static size_t
rb_width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

struct rd {
	struct buf b;
	enum report_format fmt;
	int paras;
	/* the table being rendered (text needs every row to align it) */
	const char *id;
	char title[128];
	char **cells;              /* nrows * ncols, each malloc'd */
	char heads[EM_COLS][EM_CELL * 4];
	size_t ncols, nrows, cap;
};

static char *
rd_safe(const char *s)
{
	size_t n = text_visible(s, NULL, 0) + 1;
	char *out = malloc(n);

	if (out != NULL)
		text_visible(s, out, n);
	return out;
}

/* RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled;
 * UTF-8 passed through, but controls and invisible characters other than
 * CR, LF and tab are escaped as on a screen (a spreadsheet is a screen). */
static void
rd_csv_field(struct buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	char one[8], esc[32];
	uint32_t cp;
	int len;

	if (quote)
		buf_append(b, "\"", 1);
	/* a team named "=HYPERLINK(...)" is text, not a formula, in a spreadsheet */
	if (csv_needs_guard(s))
		buf_append(b, "'", 1);
	while (i < n) {
		/* malformed UTF-8 and CR are escaped like every other unsafe
		 * character (a CR rewrites the line on a terminal); line breaks
		 * and tabs stay, quoted, as RFC 4180 allows */
		len = text_utf8_decode(u + i, n - i, &cp);
		if (len == 0)
			len = 1, cp = 0x80;
		if (cp == '"')
			buf_append(b, "\"\"", 2);
		else if (cp == '\n' || cp == '\t' || !text_unsafe_codepoint(cp))
			buf_append(b, s + i, (size_t)len);
		else {
			memcpy(one, s + i, (size_t)len);
			one[len] = '\0';
			text_visible(one, esc, sizeof esc);
			buf_puts(b, esc);
		}
		i += (size_t)len;
	}
	if (quote)
		buf_append(b, "\"", 1);
}

static void
rd_md_text(struct buf *b, const char *s)
{
	char *safe = rd_safe(s), *p;

	if (safe == NULL) {
		b->oom = true;
		return;
	}
	for (p = safe; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>|#", *p) != NULL)
			buf_append(b, "\\", 1);
		buf_append(b, p, 1);
	}
	free(safe);
}

static int
rd_para(void *ctx, const char *text)
{
	struct rd *d = ctx;
	char *safe;
	char num[16];

	switch (d->fmt) {
	case REPORT_TEXT:
		if ((safe = rd_safe(text)) == NULL)
			return -1;
		buf_puts(&d->b, safe);
		buf_puts(&d->b, "\n");
		free(safe);
		break;
	case REPORT_CSV:
		snprintf(num, sizeof num, "%d", d->paras + 1);
		buf_puts(&d->b, "about,About this report,");
		buf_puts(&d->b, num);
		buf_puts(&d->b, ",text,");
		rd_csv_field(&d->b, text);
		buf_puts(&d->b, "\r\n");
		break;
	case REPORT_MARKDOWN:
		buf_puts(&d->b, d->paras == 0 ? "# " : "");
		rd_md_text(&d->b, text);
		buf_puts(&d->b, "\n\n");
		break;
	}
	d->paras++;
	return d->b.oom ? -1 : 0;
}

static int
rd_begin(void *ctx, const char *id, const char *title, const char *const *heads, size_t ncols)
{
	struct rd *d = ctx;
	size_t i;

	d->id = id;
	snprintf(d->title, sizeof d->title, "%s", title);
	d->ncols = ncols < EM_COLS ? ncols : EM_COLS;
	d->nrows = 0;
	for (i = 0; i < d->ncols; i++)
		snprintf(d->heads[i], sizeof d->heads[i], "%s", heads[i]);
	return 0;
}

static int
rd_row(void *ctx, const char *const *cells, size_t ncols)
{
	struct rd *d = ctx;
	size_t i;

	(void)ncols;
	if (buf_grow(&d->cells, &d->cap, (d->nrows + 1) * d->ncols, sizeof *d->cells) != 0)
		return -1;
	for (i = 0; i < d->ncols; i++)
		if ((d->cells[d->nrows * d->ncols + i] = strdup(cells[i])) == NULL) {
			while (i-- > 0)
				free(d->cells[d->nrows * d->ncols + i]);
			return -1;
		}
	d->nrows++;
	return 0;
}

static void
rd_text_table(struct rd *d)
{
	size_t w[EM_COLS], i, k, pad;
	char *safe;

	for (k = 0; k < d->ncols; k++)
		w[k] = rb_width(d->heads[k]);
	for (i = 0; i < d->nrows; i++)
		for (k = 0; k < d->ncols; k++) {
			if ((safe = rd_safe(d->cells[i * d->ncols + k])) == NULL)
				return;
			free(d->cells[i * d->ncols + k]);
			d->cells[i * d->ncols + k] = safe;
			if (rb_width(safe) > w[k])
				w[k] = rb_width(safe);
		}
	buf_puts(&d->b, "\n");
	buf_puts(&d->b, d->title);
	buf_puts(&d->b, "\n");
	for (i = 0; i <= d->nrows; i++) {
		buf_puts(&d->b, " ");
		for (k = 0; k < d->ncols; k++) {
			const char *s = i == 0 ? d->heads[k] : d->cells[(i - 1) * d->ncols + k];

			buf_puts(&d->b, " ");
			pad = w[k] - rb_width(s);
			if (k == 0) {
				buf_puts(&d->b, s);
				if (d->ncols > 1)
					while (pad-- > 0)
						buf_append(&d->b, " ", 1);
			} else {
				while (pad-- > 0)
					buf_append(&d->b, " ", 1);
				buf_puts(&d->b, s);
			}
		}
		buf_puts(&d->b, "\n");
	}
}

static int
rd_end(void *ctx)
{
	struct rd *d = ctx;
	size_t i, k;

	switch (d->fmt) {
	case REPORT_TEXT:
		rd_text_table(d);
		break;
	case REPORT_CSV:
		for (i = 0; i < d->nrows; i++)
			for (k = 1; k < d->ncols; k++) {
				rd_csv_field(&d->b, d->id);
				buf_puts(&d->b, ",");
				rd_csv_field(&d->b, d->title);
				buf_puts(&d->b, ",");
				rd_csv_field(&d->b, d->cells[i * d->ncols]);
				buf_puts(&d->b, ",");
				rd_csv_field(&d->b, d->heads[k]);
				buf_puts(&d->b, ",");
				rd_csv_field(&d->b, d->cells[i * d->ncols + k]);
				buf_puts(&d->b, "\r\n");
			}
		break;
	case REPORT_MARKDOWN:
		buf_puts(&d->b, "### ");
		rd_md_text(&d->b, d->title);
		buf_puts(&d->b, "\n\n|");
		for (k = 0; k < d->ncols; k++) {
			buf_puts(&d->b, " ");
			rd_md_text(&d->b, d->heads[k]);
			buf_puts(&d->b, " |");
		}
		buf_puts(&d->b, "\n|");
		for (k = 0; k < d->ncols; k++)
			buf_puts(&d->b, k == 0 ? " --- |" : " ---: |");
		buf_puts(&d->b, "\n");
		for (i = 0; i < d->nrows; i++) {
			buf_puts(&d->b, "|");
			for (k = 0; k < d->ncols; k++) {
				buf_puts(&d->b, " ");
				rd_md_text(&d->b, d->cells[i * d->ncols + k]);
				buf_puts(&d->b, " |");
			}
			buf_puts(&d->b, "\n");
		}
		buf_puts(&d->b, "\n");
		break;
	}
	for (i = 0; i < d->nrows * d->ncols; i++)
		free(d->cells[i]);
	d->nrows = 0;
	return d->b.oom ? -1 : 0;
}

int
report_render(const struct report *r, enum report_part part, enum report_format fmt,
              char **text, size_t *len)
{
	static const struct report_out out = { rd_para, rd_begin, rd_row, rd_end };
	struct rd d;
	int rc;

	memset(&d, 0, sizeof d);
	d.fmt = fmt;
	if (fmt == REPORT_CSV)
		buf_puts(&d.b, "table,title,row,column,value\r\n");
	rc = report_emit(r, part, &out, &d);
	free(d.cells);
	if (rc != 0 || d.b.oom) {
		free(d.b.p);
		return -1;
	}
	*text = d.b.p;
	*len = d.b.len;
	return 0;
}
