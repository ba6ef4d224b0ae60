/* report-fmt.c - a computed report as tables with small numbers suppressed,
 * and those tables as text, CSV (RFC 4180) or Markdown.  Pure: no I/O, so
 * both front ends (and tests) get the same cells. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/csv.h"
#include "redress/report.h"
#include "redress/text.h"

/* --- suppression ---------------------------------------------------------------- */

int
report_suppress(const long *v, size_t n, char *mark)
{
	size_t i, best, kp = 0, ks = 0;
	long sum = 0;

	for (i = 0; i < n; i++) {
		mark[i] = v[i] > 0 && v[i] < REPORT_SMALL;
		if (mark[i]) {
			kp++;
			sum += v[i];
		}
	}
	if (kp == 0)
		return 0;
	for (;;) {
		long least = (long)kp + REPORT_SMALL * (long)ks;
		bool pinned = sum == least || kp + ks == 1 || (ks == 0 && sum == 4 * (long)kp);

		if (!pinned)
			return 0;
		best = n;
		for (i = 0; i < n; i++)
			if (!mark[i] && v[i] > 0 && (best == n || v[i] < v[best]))
				best = i;
		if (best == n)
			return 1;
		mark[best] = 2;
		ks++;
		sum += v[best];
	}
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

/* --- the tables ------------------------------------------------------------------- */

#define EM_COLS 8
#define EM_CELL 96

struct em {
	const struct report_out *out;
	void *ctx;
	int rc;
	char cell[EM_COLS][EM_CELL];
	const char *ptr[EM_COLS];
	size_t ncols;
};

static void
em_para(struct em *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
em_para(struct em *e, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (e->rc != 0)
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
	if (e->rc == 0)
		e->rc = e->out->table_begin(e->ctx, id, title, heads, ncols);
}

static void
em_end(struct em *e)
{
	if (e->rc == 0)
		e->rc = e->out->table_end(e->ctx);
}

/* A row: the label, then the cells already written into e->cell[1..]. */
static void
em_row(struct em *e, const char *label)
{
	size_t i;

	snprintf(e->cell[0], EM_CELL, "%s", label);
	for (i = 0; i < e->ncols; i++)
		e->ptr[i] = e->cell[i];
	if (e->rc == 0)
		e->rc = e->out->row(e->ctx, e->ptr, e->ncols);
}

static void
em_count(struct em *e, size_t col, long v, char mark)
{
	report_count_text(v, mark, e->cell[col], EM_CELL);
}

/* A total: withheld when its cells could be found from it, unless it is
 * small and so shown as "<5" anyway. */
static void
em_total(struct em *e, size_t col, long total, int hide)
{
	em_count(e, col, total, hide && total >= REPORT_SMALL ? 2 : 0);
}

static void
em_text(struct em *e, size_t col, const char *s)
{
	snprintf(e->cell[col], EM_CELL, "%s", s);
}

/* A one-column breakdown of a total: rows, suppressed, and the total. */
static void
em_breakdown(struct em *e, const char *const *labels, const long *v, size_t n, bool zeros)
{
	char mark[64];
	long total = 0;
	size_t i;
	int hide;

	hide = report_suppress(v, n, mark);
	for (i = 0; i < n; i++) {
		total += v[i];
		if (v[i] == 0 && !zeros)
			continue;
		em_count(e, 1, v[i], mark[i]);
		em_row(e, labels[i]);
	}
	em_total(e, 1, total, hide);
	em_row(e, "Total");
}

/* Column col of rows: the values of each row at that column. */
static void
em_column(const long *v, size_t n, char *mark, int *hide)
{
	*hide = report_suppress(v, n, mark);
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
	long v[3][REPORT_NAMES_MAX], tot[3] = { 0, 0, 0 };
	char mark[3][REPORT_NAMES_MAX];
	int hide[3];
	size_t i, k;

	em_begin(e, id, title, 4, what, "Complaints", "Upheld or partly upheld", "Compliments");
	for (i = 0; i < ns->n; i++) {
		v[0][i] = ns->v[i].complaints;
		v[1][i] = ns->v[i].upheld;
		v[2][i] = ns->v[i].compliments;
	}
	for (k = 0; k < 3; k++)
		em_column(v[k], ns->n, mark[k], &hide[k]);
	for (i = 0; i < ns->n; i++) {
		for (k = 0; k < 3; k++) {
			em_count(e, k + 1, v[k][i], mark[k][i]);
			tot[k] += v[k][i];
		}
		em_row(e, ns->v[i].other ? "Others" : ns->v[i].name[0] ? ns->v[i].name
		                                                         : "Not recorded");
	}
	for (k = 0; k < 3; k++)
		em_total(e, k + 1, tot[k], hide[k]);
	em_row(e, "Total");
	em_end(e);
}

/* A pair that adds up to a shown number: met and not met. */
static void
em_pair(struct em *e, size_t col, long yes, long of)
{
	long v[2] = { yes, of - yes };
	char mark[2];

	if (report_suppress(v, 2, mark) != 0)
		mark[0] = mark[1] = 2;
	em_count(e, col, v[0], mark[0]);
	em_count(e, col + 1, v[1], mark[1]);
}

static void
em_annual(struct em *e, const struct report *r)
{
	static const char *const outcome_rows[OUTCOME_COUNT] = {
		"No finding recorded", "Upheld", "Partly upheld", "Not upheld", "Unable to determine",
	};
	const char *labels[16];
	long v[16];
	char mark[4][16];
	int hide[4];
	size_t i, k;
	int s;

	/* headline figures */
	em_begin(e, "headline", "Headline figures", 2, "Figure", "Number");
	em_count(e, 1, r->contacts, 0), em_row(e, "Contacts received");
	em_count(e, 1, r->stage[1].requested, 0), em_row(e, "Complaints received (Stage 1)");
	em_count(e, 1, r->stage[2].requested, 0), em_row(e, "Stage 2 requests");
	em_count(e, 1, r->stage[3].requested, 0), em_row(e, "Stage 3 requests");
	em_count(e, 1, r->compliments, 0), em_row(e, "Compliments received");
	em_count(e, 1, r->omb_referred, 0), em_row(e, "Referred to the Ombudsman");
	em_end(e);

	em_begin(e, "contacts-by-kind", "Contacts by kind", 2, "Kind", "Number");
	for (i = 0; i < REPORT_KINDS; i++) {
		labels[i] = report_kind_name((int)i);
		v[i] = r->kind[i];
	}
	em_breakdown(e, labels, v, REPORT_KINDS, true);
	em_end(e);

	em_begin(e, "contacts-by-channel", "Contacts by channel", 2, "Channel", "Number");
	for (i = 0; i < CHANNEL_COUNT; i++) {
		labels[i] = channel_name((int)i);
		v[i] = r->channel[i];
	}
	em_breakdown(e, labels, v, CHANNEL_COUNT, true);
	em_end(e);

	/* months: contacts, complaints, compliments, each column a breakdown */
	{
		long mv[3][12], tot[3] = { 0, 0, 0 };
		char mm[3][12];
		char lab[32];
		int y;

		for (i = 0; i < 12; i++) {
			mv[0][i] = 0;
			for (k = 0; k < REPORT_KINDS; k++)
				mv[0][i] += r->month[i][k];
			mv[1][i] = r->month[i][ROUTE_COMPLAINT];
			mv[2][i] = r->month[i][ROUTE_COMPLIMENT];
		}
		for (k = 0; k < 3; k++)
			em_column(mv[k], 12, mm[k], &hide[k]);
		em_begin(e, "contacts-by-month", "Contacts by month received", 4, "Month", "Contacts",
		         "Complaints", "Compliments");
		for (i = 0; i < 12; i++) {
			int m = (int)((r->month_first - 1 + (int)i) % 12);

			y = r->year + (r->month_first - 1 + (int)i >= 12);
			snprintf(lab, sizeof lab, "%s %d", em_months[m], y);
			for (k = 0; k < 3; k++) {
				em_count(e, k + 1, mv[k][i], mm[k][i]);
				tot[k] += mv[k][i];
			}
			em_row(e, lab);
		}
		for (k = 0; k < 3; k++)
			em_total(e, k + 1, tot[k], hide[k]);
		em_row(e, "Total");
		em_end(e);
	}

	em_begin(e, "who-complained", "Who complained", 2, "Complainant", "Complaints");
	for (i = 0; i < REPORT_WHO_COUNT; i++) {
		labels[i] = report_who_name((int)i);
		v[i] = r->who[i];
	}
	em_breakdown(e, labels, v, REPORT_WHO_COUNT, true);
	em_end(e);

	em_names(e, "service-areas", "Service areas (themes)", "Service area", &r->services);
	em_names(e, "teams", "Teams (themes)", "Team", &r->teams);

	em_begin(e, "stages", "Complaints by stage", 7, "Stage", "Received or requested",
	         "Accepted", "Declined or refused", "Extended", "Responded", "Withdrawn");
	for (s = 1; s <= 3; s++) {
		const struct report_stage *st = &r->stage[s];
		char lab[32];

		em_count(e, 1, st->requested, 0);
		if (s == 1)
			em_text(e, 2, "-");
		else
			em_count(e, 2, st->accepted, 0);
		em_count(e, 3, st->refused, 0);
		if (s == 3)
			em_text(e, 4, "-");
		else
			em_count(e, 4, st->extended, 0);
		em_count(e, 5, st->responded, 0);
		em_count(e, 6, st->withdrawn, 0);
		snprintf(lab, sizeof lab, "Stage %d", s);
		em_row(e, lab);
	}
	em_end(e);

	/* outcomes: each stage's column is a breakdown of its responses */
	for (k = 0; k < 2; k++) {
		long ov[3][OUTCOME_COUNT], tot[3] = { 0, 0, 0 };
		char om[3][OUTCOME_COUNT];

		for (s = 1; s <= 3; s++) {
			for (i = 0; i < OUTCOME_COUNT; i++)
				ov[s - 1][i] = k == 0 ? r->stage[s].outcome[i] : r->stage[s].point_outcome[i];
			em_column(ov[s - 1], OUTCOME_COUNT, om[s - 1], &hide[s - 1]);
		}
		if (k == 0)
			em_begin(e, "outcomes", "Outcomes of the complaints responded to", 4, "Outcome",
			         "Stage 1", "Stage 2", "Stage 3");
		else
			em_begin(e, "point-outcomes", "Findings on the points of those complaints", 4,
			         "Finding", "Stage 1", "Stage 2", "Stage 3");
		for (i = k; i < OUTCOME_COUNT; i++) {
			for (s = 1; s <= 3; s++) {
				em_count(e, (size_t)s, ov[s - 1][i], om[s - 1][i]);
				tot[s - 1] += ov[s - 1][i];
			}
			em_row(e, outcome_rows[i]);
		}
		for (s = 1; s <= 3; s++)
			em_total(e, (size_t)s, tot[s - 1], hide[s - 1]);
		em_row(e, "Total");
		em_end(e);
	}

	/* timeliness: each row's bands add up to its total */
	{
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
			char bm[3];
			long bv[3] = { t[i]->band[0], t[i]->band[1], t[i]->band[2] };
			int h = report_suppress(bv, 3, bm);

			if (t[i]->limit[1] > 0)
				snprintf(lim, sizeof lim, "%d / %d", t[i]->limit[0], t[i]->limit[1]);
			else
				snprintf(lim, sizeof lim, "%d", t[i]->limit[0]);
			em_text(e, 1, lim);
			em_count(e, 2, bv[0], bm[0]);
			if (t[i]->limit[1] > 0)
				em_count(e, 3, bv[1], bm[1]);
			else
				em_text(e, 3, "-");
			em_count(e, 4, bv[2], bm[2]);
			em_total(e, 5, t[i]->n, h);
			em_average(e, 6, t[i]);
			em_row(e, names[i]);
		}
		em_end(e);

		em_begin(e, "clocks", "Against the book's statutory deadlines and internal targets", 6,
		         "Step", "Measured", "Deadline met", "Deadline missed", "Target met",
		         "Target missed");
		for (i = 0; i < 5; i++) {
			em_count(e, 1, t[i]->clocked, 0);
			em_pair(e, 2, t[i]->deadline_met, t[i]->clocked);
			em_pair(e, 4, t[i]->target_met, t[i]->clocked);
			em_row(e, names[i]);
		}
		em_end(e);
	}

	em_begin(e, "extensions", "Extensions", 4, "Stage", "Extensions", "With a reason recorded",
	         "Without");
	for (s = 1; s <= 2; s++) {
		char lab[32];

		em_count(e, 1, r->stage[s].extended, 0);
		em_pair(e, 2, r->stage[s].extended_noted, r->stage[s].extended);
		snprintf(lab, sizeof lab, "Stage %d", s);
		em_row(e, lab);
	}
	em_end(e);

	/* extensions by coded reason: each stage's column a breakdown of its
	 * extensions, whose totals the stages table shows */
	{
		long tot[2] = { 0, 0 };

		for (k = 0; k < 2; k++) {
			for (i = 0; i < EXT_REASON_COUNT; i++)
				v[i] = r->ext_reason[i][k + 1];
			em_column(v, EXT_REASON_COUNT, mark[k], &hide[k]);
		}
		em_begin(e, "extension-reasons", "Extensions by coded reason", 3, "Reason", "Stage 1",
		         "Stage 2");
		for (i = 1; i <= EXT_REASON_COUNT; i++) {
			size_t rr = i % EXT_REASON_COUNT; /* "not recorded" last */

			for (k = 0; k < 2; k++) {
				em_count(e, k + 1, r->ext_reason[rr][k + 1], mark[k][rr]);
				tot[k] += r->ext_reason[rr][k + 1];
			}
			em_row(e, rr == EXT_REASON_NONE ? "Not recorded" : ext_reason_describe((int)rr));
		}
		for (k = 0; k < 2; k++)
			em_total(e, k + 1, tot[k], hide[k]);
		em_row(e, "Total");
		em_end(e);
	}

	/* refusals: reason by stage, each column a breakdown */
	{
		static const size_t cols[3] = { 0, 2, 3 };
		long tot[3] = { 0, 0, 0 };

		for (k = 0; k < 3; k++) {
			for (i = 0; i < REFUSAL_COUNT; i++)
				v[i] = r->refusal[i][cols[k]];
			em_column(v, REFUSAL_COUNT, mark[k], &hide[k]);
		}
		em_begin(e, "refusals", "Declined or refused, by coded reason", 4, "Reason",
		         "At receipt", "Stage 2 request", "Stage 3 request");
		for (i = 0; i < REFUSAL_COUNT; i++) {
			for (k = 0; k < 3; k++) {
				em_count(e, k + 1, r->refusal[i][cols[k]], mark[k][i]);
				tot[k] += r->refusal[i][cols[k]];
			}
			em_row(e, i == REFUSAL_NONE ? "No reason coded" : refusal_describe((enum refusal)i));
		}
		for (k = 0; k < 3; k++)
			em_total(e, k + 1, tot[k], hide[k]);
		em_row(e, "Total");
		em_end(e);
	}

	em_begin(e, "advocacy", "Advocacy offered", 2, "Response", "Number");
	{
		static const char *const al[3] = { "Accepted", "Declined", "No answer yet" };

		v[0] = r->adv_accepted;
		v[1] = r->adv_declined;
		v[2] = r->adv_pending;
		em_breakdown(e, al, v, 3, true);
	}
	em_end(e);

	/* the Ombudsman's decisions by finding: they add up to the decisions
	 * received, shown below */
	{
		const char *fl[OMB_FINDING_COUNT];

		for (i = 0; i < OMB_FINDING_COUNT; i++) {
			size_t f = (i + 1) % OMB_FINDING_COUNT; /* "not recorded" last */

			fl[i] = f == OMB_FINDING_NONE ? "Not recorded" : omb_finding_describe((int)f);
			v[i] = r->omb_finding[f];
		}
		em_begin(e, "ombudsman-findings", "The Ombudsman's decisions, by finding", 2,
		         "Finding", "Decisions");
		em_breakdown(e, fl, v, OMB_FINDING_COUNT, true);
		em_end(e);
	}

	em_begin(e, "other", "The Ombudsman, compliments and recommendations", 2, "Figure",
	         "Number");
	em_count(e, 1, r->omb_referred, 0), em_row(e, "Referred to the Ombudsman");
	em_count(e, 1, r->omb_decided, 0), em_row(e, "The Ombudsman's decisions received");
	em_count(e, 1, r->refusal_told, 0), em_row(e, "Refusals that named the Ombudsman");
	em_count(e, 1, r->compliments, 0), em_row(e, "Compliments received");
	em_count(e, 1, r->compliments_passed, 0), em_row(e, "Compliments passed on to staff");
	em_count(e, 1, r->rec_made, 0), em_row(e, "Recommendations made");
	em_count(e, 1, r->rec_done, 0), em_row(e, "Recommendations completed");
	em_count(e, 1, r->rec_done_late, 0), em_row(e, "...of which after their due date");
	em_count(e, 1, r->rec_overdue, 0);
	{
		char lab[64];

		snprintf(lab, sizeof lab, "Recommendations overdue on %s", r->asof);
		em_row(e, lab);
	}
	em_end(e);
}

static void
em_chc(struct em *e, const struct report *r)
{
	const struct report_chc *c = &r->chc;
	char pct[16];

	em_begin(e, "chc", "Complaint Handling Code self-assessment", 5, "Measure", "Number",
	         "Within the Code's timescale", "Outside it", "Per cent within");
#define CHC_ROW(label, n, yes)                                                          \
	do {                                                                            \
		em_count(e, 1, (n), 0);                                                 \
		em_pair(e, 2, (yes), (n));                                              \
		if ((n) >= REPORT_SMALL && strchr(e->cell[2], '*') == NULL &&           \
		    strchr(e->cell[2], '<') == NULL && strchr(e->cell[3], '<') == NULL && \
		    strchr(e->cell[3], '*') == NULL)                                    \
			snprintf(pct, sizeof pct, "%.0f%%", 100.0 * (double)(yes) / (double)(n)); \
		else                                                                    \
			snprintf(pct, sizeof pct, "-");                                 \
		em_text(e, 4, pct);                                                     \
		em_row(e, (label));                                                     \
	} while (0)
#define CHC_COUNT(label, n)                                                             \
	do {                                                                            \
		em_count(e, 1, (n), 0);                                                 \
		em_text(e, 2, "-"), em_text(e, 3, "-"), em_text(e, 4, "-");             \
		em_row(e, (label));                                                     \
	} while (0)
	CHC_ROW("Stage 1 complaints acknowledged within 5 working days", c->s1_received, c->s1_ack_5);
	CHC_ROW("Stage 1 responses within 10 working days of acknowledgement", c->s1_responded,
	        c->s1_resp_10);
	CHC_COUNT("Stage 1 extensions", c->s1_extended);
	CHC_ROW("Escalations to Stage 2 acknowledged within 5 working days", c->s2_escalated,
	        c->s2_ack_5);
	CHC_ROW("Stage 2 responses within 20 working days of acknowledgement", c->s2_responded,
	        c->s2_resp_20);
	CHC_COUNT("Stage 2 extensions", c->s2_extended);
	CHC_COUNT("Referred to the Ombudsman", c->ombudsman);
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
	if (r->calendar)
		snprintf(period, sizeof period, "%d", r->year);
	else
		snprintf(period, sizeof period, "%d/%02d", r->year, (r->year + 1) % 100);
	if (part == REPORT_CHC) {
		em_para(&e, "Complaint Handling Code self-assessment %s", period);
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
	em_para(&e, "Numbers from 1 to 4 are shown as <5; where one could be worked out from a "
	        "total, another number is withheld as *.  No person or case is named.");
	if (part == REPORT_CHC)
		em_chc(&e, r);
	else
		em_annual(&e, r);
	return e.rc;
}

/* --- rendering ------------------------------------------------------------------- */

struct rbuf {
	char *p;
	size_t n, cap;
	bool oom;
};

static void
rb_add(struct rbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (cap < b->n + n + 1)
			cap *= 2;
		if ((p = realloc(b->p, cap)) == NULL) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
rb_puts(struct rbuf *b, const char *s)
{
	rb_add(b, s, strlen(s));
}

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
	struct rbuf b;
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
rd_csv_field(struct rbuf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	char one[8], esc[32];
	uint32_t cp;
	int len;

	if (quote)
		rb_add(b, "\"", 1);
	/* a team named "=HYPERLINK(...)" is text, not a formula, in a spreadsheet */
	if (csv_needs_guard(s))
		rb_add(b, "'", 1);
	while (i < n) {
		len = text_utf8_decode(u + i, n - i, &cp);
		if (len == 0)
			len = 1, cp = 0xfffd;
		if (cp == '"')
			rb_add(b, "\"\"", 2);
		else if (cp == '\r' || cp == '\n' || cp == '\t' || !text_unsafe_codepoint(cp))
			rb_add(b, s + i, (size_t)len);
		else {
			memcpy(one, s + i, (size_t)len);
			one[len] = '\0';
			text_visible(one, esc, sizeof esc);
			rb_puts(b, esc);
		}
		i += (size_t)len;
	}
	if (quote)
		rb_add(b, "\"", 1);
}

static void
rd_md_text(struct rbuf *b, const char *s)
{
	char *safe = rd_safe(s), *p;

	if (safe == NULL) {
		b->oom = true;
		return;
	}
	for (p = safe; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>|#", *p) != NULL)
			rb_add(b, "\\", 1);
		rb_add(b, p, 1);
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
		rb_puts(&d->b, safe);
		rb_puts(&d->b, "\n");
		free(safe);
		break;
	case REPORT_CSV:
		snprintf(num, sizeof num, "%d", d->paras + 1);
		rb_puts(&d->b, "about,About this report,");
		rb_puts(&d->b, num);
		rb_puts(&d->b, ",text,");
		rd_csv_field(&d->b, text);
		rb_puts(&d->b, "\r\n");
		break;
	case REPORT_MARKDOWN:
		rb_puts(&d->b, d->paras == 0 ? "# " : "");
		rd_md_text(&d->b, text);
		rb_puts(&d->b, "\n\n");
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
	if ((d->nrows + 1) * d->ncols > d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		char **c;

		while (cap < (d->nrows + 1) * d->ncols)
			cap *= 2;
		if ((c = realloc(d->cells, cap * sizeof *c)) == NULL)
			return -1;
		d->cells = c;
		d->cap = cap;
	}
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
	rb_puts(&d->b, "\n");
	rb_puts(&d->b, d->title);
	rb_puts(&d->b, "\n");
	for (i = 0; i <= d->nrows; i++) {
		rb_puts(&d->b, " ");
		for (k = 0; k < d->ncols; k++) {
			const char *s = i == 0 ? d->heads[k] : d->cells[(i - 1) * d->ncols + k];

			rb_puts(&d->b, " ");
			pad = w[k] - rb_width(s);
			if (k == 0) {
				rb_puts(&d->b, s);
				if (d->ncols > 1)
					while (pad-- > 0)
						rb_add(&d->b, " ", 1);
			} else {
				while (pad-- > 0)
					rb_add(&d->b, " ", 1);
				rb_puts(&d->b, s);
			}
		}
		rb_puts(&d->b, "\n");
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
				rb_puts(&d->b, ",");
				rd_csv_field(&d->b, d->title);
				rb_puts(&d->b, ",");
				rd_csv_field(&d->b, d->cells[i * d->ncols]);
				rb_puts(&d->b, ",");
				rd_csv_field(&d->b, d->heads[k]);
				rb_puts(&d->b, ",");
				rd_csv_field(&d->b, d->cells[i * d->ncols + k]);
				rb_puts(&d->b, "\r\n");
			}
		break;
	case REPORT_MARKDOWN:
		rb_puts(&d->b, "### ");
		rd_md_text(&d->b, d->title);
		rb_puts(&d->b, "\n\n|");
		for (k = 0; k < d->ncols; k++) {
			rb_puts(&d->b, " ");
			rd_md_text(&d->b, d->heads[k]);
			rb_puts(&d->b, " |");
		}
		rb_puts(&d->b, "\n|");
		for (k = 0; k < d->ncols; k++)
			rb_puts(&d->b, k == 0 ? " --- |" : " ---: |");
		rb_puts(&d->b, "\n");
		for (i = 0; i < d->nrows; i++) {
			rb_puts(&d->b, "|");
			for (k = 0; k < d->ncols; k++) {
				rb_puts(&d->b, " ");
				rd_md_text(&d->b, d->cells[i * d->ncols + k]);
				rb_puts(&d->b, " |");
			}
			rb_puts(&d->b, "\n");
		}
		rb_puts(&d->b, "\n");
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
		rb_puts(&d.b, "table,title,row,column,value\r\n");
	rc = report_emit(r, part, &out, &d);
	free(d.cells);
	if (rc != 0 || d.b.oom) {
		free(d.b.p);
		return -1;
	}
	*text = d.b.p;
	*len = d.b.n;
	return 0;
}
