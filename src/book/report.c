/* report.c - the annual report's figures: one read transaction over the
 * timeline index and the case records, reading only plain fields (sealed
 * ones are skipped, never opened), so a report needs no key. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/buf.h"
#include "redress/clock.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/report.h"
#include "redress/workday.h"
#include "redress/workflow.h"

/* The plain fields of one case that a report reads. */
struct rp_event {
	enum event_type type;
	struct date date;
	bool has_until;
	struct date until;
	int decision, reason;
	bool told, noted;
	int ext_reason, finding;     /* codes.h; 0 not recorded */
	int remedied;                /* BOOK_REMEDIED_* */
};

struct rp_rec {
	unsigned stage;
	bool has_due, has_done;
	struct date due, done;
};

struct rp_case {
	uint64_t id;
	int kind, channel;
	bool has_received, safeguarding;
	struct date received;
	char team[REPORT_NAME_LEN], service[REPORT_NAME_LEN];
	int comp_role;               /* first complainant's role, -1 none */
	unsigned profver, calver;    /* the book's versions it is counted under */
	bool adv_offered;
	struct date adv_on;
	int adv_response;
	/* lists with no fixed limit: kept (and grown) from case to case */
	struct book_finding *findings;
	size_t nfindings, cap_findings;
	struct rp_rec *recs;
	size_t nrecs, cap_recs;
	struct rp_event *ev;
	size_t nev, cap_ev;
};

/* Room for one more in list f of c (nf in it, capf of room); false when
 * out of memory. */
#define REPORT_ROOM(c, f, nf, capf) \
	(buf_grow(&(c)->f, &(c)->capf, (c)->nf + 1, sizeof *(c)->f) == 0)

/* Names met while counting, before the most frequent are kept. */
struct rp_names {
	struct report_name *v;
	size_t n, cap;
};

struct rp_ctx {
	struct book *b;
	struct store_txn *t;
	struct report *r;
	const struct profile *prof;
	const struct calendar *cal;
	struct date from, to, asof, today;
	struct rp_case *c;
	bool have;                   /* c holds a case being collected */
	struct rp_names teams, services;
	struct wf_event *wf;         /* cap_wf of them, and twice as many ce */
	struct clock_event *ce;
	size_t cap_wf;
	struct deadline dl[PROFILE_RULES_MAX];
	int rc;
};

static const char *const report_whos[REPORT_WHO_COUNT] = {
	"child or young person", "through an advocate", "adult", "not recorded",
};

const char *
report_who_name(int w)
{
	return w >= 0 && w < REPORT_WHO_COUNT ? report_whos[w] : "?";
}

const char *
report_kind_name(int k)
{
	return k == REPORT_SAFEGUARDING ? "safeguarding" : route_name((enum route)k);
}

static bool
report_in(const struct rp_ctx *x, struct date d)
{
	return d.day >= x->from.day && d.day <= x->to.day;
}

static bool
report_date(const uint8_t *p, size_t n, struct date *d)
{
	char s[DATE_STRLEN];
	struct err err;

	if (n != 10)
		return false;
	memcpy(s, p, 10);
	s[10] = '\0';
	return date_parse(s, d, &err) == 0;
}

/* --- reading ---------------------------------------------------------------- */

static void
report_parse_case(const void *v, size_t n, struct rp_case *c)
{
	struct case_rec_party party;
	struct case_rec_rec rec;
	struct book_advocacy adv;
	const uint8_t *p;
	size_t pos = 0, fn, len;
	uint16_t tag;

	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		switch (tag) {
		case CT_KIND: c->kind = fn == 8 ? (int)codec_get_be64(p) : 0; break;
		case CT_CHANNEL: c->channel = fn == 8 ? (int)codec_get_be64(p) : 0; break;
		case CT_RECEIVED: c->has_received = report_date(p, fn, &c->received); break;
		case CT_TEAM:
		case CT_SERVICE:
			len = fn < REPORT_NAME_LEN - 1 ? fn : REPORT_NAME_LEN - 1;
			memcpy(tag == CT_TEAM ? c->team : c->service, p, len);
			(tag == CT_TEAM ? c->team : c->service)[len] = '\0';
			break;
		case CT_SAFEGUARDING: c->safeguarding = true; break;
		case CT_PROFVER: c->profver = fn == 8 ? (unsigned)codec_get_be64(p) : 1; break;
		case CT_CALVER: c->calver = fn == 8 ? (unsigned)codec_get_be64(p) : 1; break;
		case CT_PARTY:
			/* kind and role only: the party's views are sealed */
			if (case_rec_party_get(p, fn, &party) && party.kind == 1 && c->comp_role < 0)
				c->comp_role = party.role;
			break;
		case CT_ADVOCACY:
			if (case_rec_advocacy_get(p, fn, &adv)) {
				c->adv_offered = report_date((const uint8_t *)adv.offered,
				                             strlen(adv.offered), &c->adv_on);
				c->adv_response = adv.response;
			}
			break;
		case CT_FINDING:
			if (REPORT_ROOM(c, findings, nfindings, cap_findings) &&
			    case_rec_finding_get(p, fn, &c->findings[c->nfindings]))
				c->nfindings++;
			break;
		case CT_REC:
			/* number, stage, due, done: the text is sealed */
			if (case_rec_rec_get(p, fn, &rec) && REPORT_ROOM(c, recs, nrecs, cap_recs)) {
				struct rp_rec *r = &c->recs[c->nrecs++];

				r->stage = rec.stage;
				r->has_due = report_date((const uint8_t *)rec.due, strlen(rec.due), &r->due);
				r->has_done = report_date((const uint8_t *)rec.done, strlen(rec.done),
				                          &r->done);
			}
			break;
		default:
			break;
		}
	}
}

static void
report_parse_event(const void *v, size_t n, struct rp_event *e)
{
	const uint8_t *p;
	size_t fn;
	char s[16];
	struct err err;

	memset(e, 0, sizeof *e);
	e->type = (enum event_type)rec_find_u64(v, n, ET_TYPE, EV_NONE);
	if (!rec_find_str(v, n, ET_DATE, s, sizeof s) || date_parse(s, &e->date, &err) != 0)
		e->type = EV_NONE;
	e->has_until = rec_find_str(v, n, ET_UNTIL, s, sizeof s) && date_parse(s, &e->until, &err) == 0;
	e->decision = (int)rec_find_u64(v, n, ET_DECISION, 0);
	e->reason = (int)rec_find_u64(v, n, ET_REASON, 0);
	e->told = rec_find_u64(v, n, ET_TOLD, 0) != 0;
	e->noted = rec_find(v, n, ET_NOTE, &p, &fn) != 0; /* whether, never what */
	e->ext_reason = (int)rec_find_u64(v, n, ET_EXT_REASON, EXT_REASON_NONE);
	if (e->ext_reason < 0 || e->ext_reason >= EXT_REASON_COUNT)
		e->ext_reason = EXT_REASON_NONE;
	e->finding = (int)rec_find_u64(v, n, ET_FINDING, OMB_FINDING_NONE);
	e->remedied = (int)rec_find_u64(v, n, ET_REMEDIED, BOOK_REMEDIED_UNKNOWN);
	if (e->finding < 0 || e->finding >= OMB_FINDING_COUNT)
		e->finding = OMB_FINDING_NONE;
	/* a corrected event counts no more: its correction stands for it */
	if (rec_find_u64(v, n, ET_VOIDED_BY, 0) != 0)
		e->type = EV_NONE;
}

/* --- names -------------------------------------------------------------------- */

static struct report_name *
report_name_get(struct rp_names *ns, const char *name)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i].name, name) == 0)
			return &ns->v[i];
	if (buf_grow(&ns->v, &ns->cap, ns->n + 1, sizeof *ns->v) != 0)
		return NULL;
	memset(&ns->v[ns->n], 0, sizeof ns->v[ns->n]);
	snprintf(ns->v[ns->n].name, sizeof ns->v[ns->n].name, "%s", name);
	return &ns->v[ns->n++];
}

static int
report_name_cmp(const void *a, const void *b)
{
	const struct report_name *x = a, *y = b;

	if (x->complaints != y->complaints)
		return x->complaints > y->complaints ? -1 : 1;
	if (x->compliments != y->compliments)
		return x->compliments > y->compliments ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The most frequent names, the rest gathered in one "other" row. */
static void
report_names_keep(struct rp_names *ns, struct report_names *out)
{
	size_t i;

	if (ns->n > 0)
		qsort(ns->v, ns->n, sizeof *ns->v, report_name_cmp);
	out->n = 0;
	for (i = 0; i < ns->n; i++) {
		if (i < REPORT_NAMES_MAX - 1 || ns->n <= REPORT_NAMES_MAX) {
			out->v[out->n++] = ns->v[i];
			continue;
		}
		if (out->n == REPORT_NAMES_MAX - 1) {
			memset(&out->v[out->n], 0, sizeof out->v[0]);
			out->v[out->n].other = true;
			out->n++;
		}
		out->v[REPORT_NAMES_MAX - 1].complaints += ns->v[i].complaints;
		out->v[REPORT_NAMES_MAX - 1].compliments += ns->v[i].compliments;
		out->v[REPORT_NAMES_MAX - 1].upheld += ns->v[i].upheld;
	}
	free(ns->v);
	ns->v = NULL;
	ns->n = ns->cap = 0;
}

/* --- counting one case ---------------------------------------------------------- */

static int
report_outcome(const struct rp_case *c, unsigned stage, long *points)
{
	size_t i, n = 0, up = 0, partly = 0, nu = 0;

	for (i = 0; i < c->nfindings; i++) {
		const struct book_finding *f = &c->findings[i];

		if (f->stage != stage || f->outcome <= OUTCOME_NONE || f->outcome >= OUTCOME_COUNT)
			continue;
		n++;
		if (points != NULL)
			points[f->outcome]++;
		up += f->outcome == OUTCOME_UPHELD;
		partly += f->outcome == OUTCOME_PARTLY_UPHELD;
		nu += f->outcome == OUTCOME_NOT_UPHELD;
	}
	if (n == 0)
		return OUTCOME_NONE;
	if (up == n)
		return OUTCOME_UPHELD;
	if (up + partly > 0)
		return OUTCOME_PARTLY_UPHELD;
	return nu > 0 ? OUTCOME_NOT_UPHELD : OUTCOME_UNABLE;
}

static void
report_time_add(struct report_time *t, int32_t days, const struct deadline *dl)
{
	t->n++;
	t->sum_days += days;
	if (days <= t->limit[0])
		t->band[0]++;
	else if (t->limit[1] > 0 && days <= t->limit[1])
		t->band[1]++;
	else
		t->band[2]++;
	if (dl != NULL) {
		t->clocked++;
		t->deadline_met += dl->state == CLOCK_MET;
		t->target_met += dl->target_state == CLOCK_MET;
	}
}

/* The book's deadline for rule key, once the case's clocks are computed. */
static const struct deadline *
report_deadline(const struct rp_ctx *x, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(x->dl[i].rule->key, key) == 0)
			return &x->dl[i];
	return NULL;
}

static int
report_clocks(struct rp_ctx *x, size_t *ndl)
{
	const struct rp_case *c = x->c;
	struct err err;
	size_t i, n;

	if (c->nev > x->cap_wf) {
		free(x->wf);
		free(x->ce);
		x->wf = calloc(c->nev, sizeof *x->wf);
		x->ce = calloc(2 * c->nev, sizeof *x->ce);
		x->cap_wf = x->wf != NULL && x->ce != NULL ? c->nev : 0;
		if (x->cap_wf == 0) {
			*ndl = 0; /* out of memory: measured, but not against the clocks */
			return 0;
		}
	}
	for (i = 0; i < c->nev; i++) {
		memset(&x->wf[i], 0, sizeof x->wf[i]);
		x->wf[i].type = c->ev[i].type;
		x->wf[i].date = c->ev[i].date;
		x->wf[i].has_until = c->ev[i].has_until;
		x->wf[i].until = c->ev[i].until;
		x->wf[i].decision = (enum decision)c->ev[i].decision;
		x->wf[i].reason = (enum refusal)c->ev[i].reason;
		x->wf[i].ombudsman_told = c->ev[i].told;
	}
	n = workflow_clock_events(x->wf, c->nev, x->ce, 2 * x->cap_wf);
	if (clock_compute(x->prof, x->cal, (enum route)c->kind, x->ce, n, x->today, x->dl,
	                  PROFILE_RULES_MAX, ndl, &err) != 0)
		*ndl = 0; /* a date out of range: measured, but not against the clocks */
	return 0;
}

/* The working days from from to on into t, against the deadline key (the
 * case's clocks worked out when first wanted). */
static void
report_measure(struct rp_ctx *x, bool *clocks, size_t *ndl, struct report_time *t,
               struct date from, struct date on, const char *key)
{
	if (!*clocks) {
		*clocks = true;
		report_clocks(x, ndl);
	}
	report_time_add(t, workday_between(x->cal, from, on), report_deadline(x, *ndl, key));
}

/* The first of a step the timeline may repeat: its date kept (true); a
 * repeat counts for nothing (false). */
static bool
report_first(bool *have, struct date *at, struct date on)
{
	if (*have)
		return false;
	*have = true;
	*at = on;
	return true;
}

/* What report_case has seen of a case's timeline so far. */
struct rp_walk {
	struct date resp[4], ack, s2_req, s2_ack, s3_req, held, findings;
	bool have_ack, have_s2_req, have_s2_ack, have_s3_req, have_held, have_findings;
	bool have_resp[4];
	bool clocks;
	size_t ndl;
	int stage;
};

/* A stage's response met in the timeline: the stage's first, when dated in
 * the period of a complaint (in), is counted with its outcome and, when
 * measure, the time since from (true); any other counts for nothing. */
static bool
report_response(struct rp_ctx *x, struct rp_walk *w, int s, struct date from, bool measure,
                struct date on, bool in)
{
	static const char *const keys[4] = { NULL, "stage1_response", "stage2_response",
	                                     "stage3_response" };
	struct report *r = x->r;
	struct report_time *t = s == 1 ? &r->s1 : s == 2 ? &r->s2 : &r->s3;

	if (!report_first(&w->have_resp[s], &w->resp[s], on) || !in)
		return false;
	r->stage[s].responded++;
	r->stage[s].outcome[report_outcome(x->c, (unsigned)s, r->stage[s].point_outcome)]++;
	if (measure)
		report_measure(x, &w->clocks, &w->ndl, t, from, on, keys[s]);
	return true;
}

/* The Code's acknowledgement at Stage 2, the first on or after the request:
 * within 5 working days of a request dated in the period, counted. */
static void
report_s2_ack(struct rp_ctx *x, struct rp_walk *w, struct date on, bool complaint)
{
	if (report_first(&w->have_s2_ack, &w->s2_ack, on) && w->have_s2_req && complaint &&
	    report_in(x, w->s2_req) && workday_between(x->cal, w->s2_req, w->s2_ack) <= 5)
		x->r->chc.s2_ack_5++;
}

/* A step of Stages 1 and 2 (in: dated in the period); false when e is not one. */
static bool
report_event_early(struct rp_ctx *x, struct rp_walk *w, const struct rp_event *e, bool in,
                   bool complaint, bool recv_in)
{
	struct rp_case *c = x->c;
	struct report *r = x->r;
	int s;

	switch (e->type) {
	case EV_ACKNOWLEDGED:
		if (report_first(&w->have_ack, &w->ack, e->date) && complaint && recv_in &&
		    workday_between(x->cal, c->received, w->ack) <= 5)
			r->chc.s1_ack_5++;
		break;
	case EV_STAGE1_EXTENDED:
	case EV_STAGE2_EXTENDED:
		s = e->type == EV_STAGE1_EXTENDED ? 1 : 2;
		if (!in || !complaint)
			break;
		r->stage[s].extended++;
		/* a reason recorded is a coded one, as "Extensions by coded reason"
		 * counts it: one report, one answer (a note alone is not a reason
		 * the report can show) */
		r->stage[s].extended_noted += e->ext_reason != EXT_REASON_NONE;
		r->ext_reason[e->ext_reason][s]++;
		if (s == 1)
			r->chc.s1_extended++;
		else
			r->chc.s2_extended++;
		break;
	case EV_STAGE1_RESPONSE_SENT:
		if (!report_response(x, w, 1, c->received, c->has_received, e->date,
		                     in && complaint))
			break;
		r->chc.s1_responded++;
		if (workday_between(x->cal, w->have_ack ? w->ack : c->received, e->date) <= 10)
			r->chc.s1_resp_10++;
		break;
	case EV_STAGE2_REQUESTED:
		w->stage = 2;
		w->s2_req = e->date;
		w->have_s2_req = true;
		w->have_s2_ack = false;
		if (in && complaint) {
			r->stage[2].requested++;
			r->chc.s2_escalated++;
		}
		break;
	case EV_STAGE2_ACKNOWLEDGED:
		report_s2_ack(x, w, e->date, complaint);
		break;
	case EV_STAGE2_DECISION_SENT:
	case EV_STAGE3_DECISION_SENT:
		s = e->type == EV_STAGE2_DECISION_SENT ? 2 : 3;
		/* the decision is the Code's acknowledgement when none was recorded */
		if (s == 2)
			report_s2_ack(x, w, e->date, complaint);
		if (!in || !complaint)
			break;
		if (e->decision == DECISION_ACCEPTED)
			r->stage[s].accepted++;
		else if (e->decision == DECISION_REFUSED) {
			r->stage[s].refused++;
			r->refusal[e->reason > REFUSAL_NONE && e->reason < REFUSAL_COUNT ? e->reason
			                                                                : REFUSAL_NONE][s]++;
			r->refusal_told += e->told;
		}
		break;
	case EV_STAGE2_RESPONSE_SENT:
		if (!report_response(x, w, 2, w->s2_req, w->have_s2_req, e->date, in && complaint))
			break;
		r->chc.s2_responded++;
		if (w->have_s2_req &&
		    workday_between(x->cal, w->have_s2_ack ? w->s2_ack : w->s2_req, e->date) <= 20)
			r->chc.s2_resp_20++;
		break;
	default:
		return false;
	}
	return true;
}

/* A later step of the timeline (in: dated in the period). */
static void
report_event_late(struct rp_ctx *x, struct rp_walk *w, const struct rp_event *e, bool in,
                  bool complaint)
{
	struct rp_case *c = x->c;
	struct report *r = x->r;

	switch (e->type) {
	case EV_STAGE3_REQUESTED:
		w->stage = 3;
		w->s3_req = e->date;
		w->have_s3_req = true;
		if (in && complaint)
			r->stage[3].requested++;
		break;
	case EV_PANEL_HELD:
		if (report_first(&w->have_held, &w->held, e->date) && in && complaint &&
		    w->have_s3_req)
			report_measure(x, &w->clocks, &w->ndl, &r->panel, w->s3_req, w->held, "panel");
		break;
	case EV_FINDINGS_SENT:
		if (report_first(&w->have_findings, &w->findings, e->date) && in && complaint &&
		    w->have_held)
			report_measure(x, &w->clocks, &w->ndl, &r->findings, w->held, w->findings,
			               "panel_findings");
		break;
	case EV_STAGE3_RESPONSE_SENT:
		(void)report_response(x, w, 3, w->findings, w->have_findings, e->date,
		                      in && complaint);
		break;
	case EV_DECLINED:
		if (!in || !complaint)
			break;
		r->stage[1].refused++;
		r->refusal[e->reason > REFUSAL_NONE && e->reason < REFUSAL_COUNT ? e->reason
		                                                                : REFUSAL_NONE][0]++;
		r->refusal_told += e->told;
		break;
	case EV_WITHDRAWN:
		if (in && complaint)
			r->stage[w->stage].withdrawn++;
		break;
	case EV_OMBUDSMAN_REFERRED:
		if (in) {
			r->omb_referred++;
			r->chc.ombudsman++;
		}
		break;
	case EV_OMBUDSMAN_OUTCOME:
		if (in) {
			r->omb_decided++;
			r->omb_finding[e->finding]++;
			r->omb_remedied += e->remedied == BOOK_REMEDIED_YES;
		}
		break;
	case EV_THANKS_PASSED:
		r->compliments_passed += in && c->kind == ROUTE_COMPLIMENT && !c->safeguarding;
		break;
	default:
		break;
	}
}

/* A case received in the period: the contact counted by kind, channel,
 * month, team and service, and who complained. */
static int
report_case_received(struct rp_ctx *x, int k, bool complaint)
{
	struct rp_case *c = x->c;
	struct report *r = x->r;
	int s;

	int y, m, d;

	r->contacts++;
	r->kind[k]++;
	if (c->channel >= 0 && c->channel < CHANNEL_COUNT)
		r->channel[c->channel]++;
	date_to_ymd(c->received, &y, &m, &d);
	r->month[(m - r->month_first + 12) % 12][k]++;
	if (complaint || c->kind == ROUTE_COMPLIMENT) {
		struct report_name *tn = report_name_get(&x->teams, c->team);
		struct report_name *sn = report_name_get(&x->services, c->service);
		bool upheld = false;

		if (tn == NULL || sn == NULL)
			return err_set(store_txn_err(x->t), "out of memory");
		for (s = 1; s <= 3; s++) {
			int o = report_outcome(c, (unsigned)s, NULL);

			upheld |= o == OUTCOME_UPHELD || o == OUTCOME_PARTLY_UPHELD;
		}
		if (complaint) {
			tn->complaints++;
			sn->complaints++;
			tn->upheld += upheld;
			sn->upheld += upheld;
		} else {
			tn->compliments++;
			sn->compliments++;
			r->compliments++;
		}
	}
	if (complaint) {
		r->stage[1].requested++;
		r->chc.s1_received++;
		if (c->comp_role < 0)
			r->who[REPORT_WHO_UNKNOWN]++;
		else if (c->comp_role == PARTY_ADVOCATE || c->channel == CHANNEL_ADVOCATE)
			r->who[REPORT_WHO_ADVOCATE]++;
		else if (c->comp_role == PARTY_CHILD || c->comp_role == PARTY_CARE_LEAVER)
			r->who[REPORT_WHO_CHILD]++;
		else
			r->who[REPORT_WHO_ADULT]++;
	}
	return 0;
}

/* Recommendations: made with their stage's response; the Ombudsman's
 * counted apart. */
static void
report_case_recs(struct rp_ctx *x, const struct rp_walk *w)
{
	struct rp_case *c = x->c;
	struct report *r = x->r;
	size_t i;

	for (i = 0; i < c->nrecs; i++) {
		const struct rp_rec *rc = &c->recs[i];

		if (rc->stage == BOOK_REC_OMBUDSMAN) {
			if (rc->has_done && report_in(x, rc->done)) {
				bool late = rc->has_due && rc->done.day > rc->due.day;

				r->omb_rec_late += late;
				r->omb_rec_ontime += !late;
			}
			r->omb_rec_outstanding += !rc->has_done || rc->done.day > x->asof.day;
			continue;
		}
		if (rc->stage >= 1 && rc->stage <= 3 && w->have_resp[rc->stage] &&
		    report_in(x, w->resp[rc->stage]))
			r->rec_made++;
		if (rc->has_done && report_in(x, rc->done)) {
			r->rec_done++;
			r->rec_done_late += rc->has_due && rc->done.day > rc->due.day;
		}
		if (rc->has_due && rc->due.day < x->asof.day &&
		    (!rc->has_done || rc->done.day > x->asof.day))
			r->rec_overdue++;
	}
}

static int
report_case(struct rp_ctx *x)
{
	struct rp_case *c = x->c;
	struct report *r = x->r;
	bool complaint = c->kind == ROUTE_COMPLAINT && !c->safeguarding;
	bool recv_in = c->has_received && report_in(x, c->received);
	struct rp_walk w;
	size_t i;
	int k;

	memset(&w, 0, sizeof w);
	w.stage = 1;
	r->cases_read++;
	/* counted against the calendar and profile it was decided under: a past
	 * year's figures stay as they were after a later change */
	if (book_versions_get(x->b, x->t, c->profver, c->calver, &x->prof, &x->cal) != 0)
		return -1;
	if (c->kind < 0 || c->kind >= ROUTE_COUNT)
		return 0;
	k = c->safeguarding ? REPORT_SAFEGUARDING : c->kind;
	if (recv_in && report_case_received(x, k, complaint) != 0)
		return -1;
	if (c->adv_offered && report_in(x, c->adv_on)) {
		r->adv_offered++;
		if (c->adv_response == 1)
			r->adv_accepted++;
		else if (c->adv_response == 2)
			r->adv_declined++;
		else
			r->adv_pending++;
	}

	/* the timeline, in the order recorded: each step sees what came before */
	for (i = 0; i < c->nev; i++) {
		const struct rp_event *e = &c->ev[i];
		bool in = e->type != EV_NONE && report_in(x, e->date);

		if (!report_event_early(x, &w, e, in, complaint, recv_in))
			report_event_late(x, &w, e, in, complaint);
	}
	report_case_recs(x, &w);
	return 0;
}

/* --- the walk --------------------------------------------------------------------- */

static int
report_flush(struct rp_ctx *x)
{
	const void *v;
	size_t n;
	uint8_t key[8];
	int rc;

	if (!x->have)
		return 0;
	x->have = false;
	codec_be64(x->c->id, key);
	if (store_get(x->t, STORE_CASES, key, 8, &v, &n) != 0 || rec_check(v, n, REC_CASE, NULL) != 0)
		return 0; /* events of a case no longer there: nothing to count */
	report_parse_case(v, n, x->c);
	rc = report_case(x);
	return rc;
}

static int
report_event_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct rp_ctx *x = vctx;
	uint64_t id;
	int rc;

	if (kl != 12 || rec_check(v, vl, REC_EVENT, NULL) != 0)
		return 0;
	id = codec_get_be64(k);
	if (!x->have || x->c->id != id) {
		struct rp_case keep;

		if ((rc = report_flush(x)) != 0)
			return rc;
		keep = *x->c;
		memset(x->c, 0, sizeof *x->c);
		x->c->findings = keep.findings;
		x->c->cap_findings = keep.cap_findings;
		x->c->recs = keep.recs;
		x->c->cap_recs = keep.cap_recs;
		x->c->ev = keep.ev;
		x->c->cap_ev = keep.cap_ev;
		x->c->id = id;
		x->c->comp_role = -1;
		x->c->profver = x->c->calver = 1;
		x->have = true;
	}
	if (REPORT_ROOM(x->c, ev, nev, cap_ev))
		report_parse_event(v, vl, &x->c->ev[x->c->nev++]);
	return 0;
}

static int
report_txn(struct store_txn *t, void *vctx)
{
	struct rp_ctx *x = vctx;
	int rc;

	x->t = t;
	x->have = false;
	/* the timeline index is keyed case id | sequence: one pass gives every
	 * case's events together, in the order they were recorded */
	if ((rc = store_scan(t, STORE_EVENTS, NULL, 0, report_event_each, x)) != 0)
		return rc < 0 ? -1 : rc;
	return report_flush(x);
}

int
book_report(struct book *b, int year, bool calendar, struct report *out, struct err *err)
{
	struct rp_ctx x;
	size_t i;
	int rc = -1;

	memset(out, 0, sizeof *out);
	memset(&x, 0, sizeof x);
	if (year < DATE_MIN_YEAR || year >= DATE_MAX_YEAR)
		return err_set(err, "--year: %d is not a year this book can hold", year), BOOK_EUSAGE;
	if (book_profile(b, &x.prof, &x.cal, err) != 0)
		return -1;
	x.b = b;
	x.r = out;
	out->year = year;
	out->calendar = calendar;
	out->month_first = calendar ? 1 : 4;
	if (date_from_ymd(year, out->month_first, 1, &x.from, err) != 0 ||
	    date_from_ymd(calendar ? year : year + 1, calendar ? 12 : 3, 31, &x.to, err) != 0)
		return BOOK_EUSAGE;
	x.today = b->today_set ? (struct date){ b->today } : date_from_unix_london((int64_t)book_now());
	x.asof = x.today.day < x.to.day ? x.today : x.to;
	date_format(x.from, out->from);
	date_format(x.to, out->to);
	date_format(x.asof, out->asof);
	snprintf(out->authority, sizeof out->authority, "%s", x.prof->name);
	for (i = 0; i < x.prof->nrules; i++)
		if (x.prof->rules[i].basis == BASIS_CODE)
			out->corporate = true;
	out->s1.limit[0] = 10, out->s1.limit[1] = 20;
	out->s2.limit[0] = 25, out->s2.limit[1] = 65;
	out->panel.limit[0] = 30;
	out->findings.limit[0] = 5;
	out->s3.limit[0] = 15;
	x.c = calloc(1, sizeof *x.c);
	if (x.c == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	if ((rc = store_read(b->st, report_txn, &x, err)) != 0)
		goto out;
	report_names_keep(&x.teams, &out->teams);
	report_names_keep(&x.services, &out->services);
out:
	free(x.teams.v);
	free(x.services.v);
	if (x.c != NULL) {
		free(x.c->findings);
		free(x.c->recs);
		free(x.c->ev);
	}
	free(x.c);
	free(x.wf);
	free(x.ce);
	return rc;
}
