/* workflow.c - which step of the procedure may follow which. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "redress/clock.h"
#include "redress/text.h"
#include "redress/workflow.h"

void
workflow_state(enum route route, const struct wf_event *ev, size_t n, struct wf_state *st)
{
	size_t i;

	memset(st, 0, sizeof *st);
	st->route = route;
	st->status = route == ROUTE_REDIRECTED ? CASE_REDIRECTED : CASE_OPEN;
	for (i = 0; i < n; i++) {
		const struct wf_event *e = &ev[i];

		switch (e->type) {
		case EV_RECEIVED:
			st->received = e->date;
			st->last = e->date;
			if (route == ROUTE_COMPLAINT)
				st->stage = 1;
			break;
		case EV_ACKNOWLEDGED: st->acknowledged = true; break;
		case EV_STAGE1_EXTENDED: st->s1_extended = true; break;
		case EV_STAGE1_RESPONSE_SENT: st->s1_responded = true; st->last = e->date; break;
		case EV_STAGE2_REQUESTED:
			/* a new request after a refusal starts the stage afresh */
			st->s2_requested = true;
			st->s2_acknowledged = st->s2_decided = st->s2_refused = false;
			st->s2_statement = st->s2_extended = st->s2_responded = false;
			st->stage = 2;
			st->last = e->date;
			break;
		case EV_STAGE2_ACKNOWLEDGED: st->s2_acknowledged = true; break;
		case EV_STAGE2_DECISION_SENT:
			st->s2_decided = true;
			st->s2_refused = e->decision == DECISION_REFUSED;
			st->last = e->date;
			if (st->s2_refused)
				st->stage = 1;
			break;
		case EV_STATEMENT_AGREED: st->s2_statement = true; break;
		case EV_STAGE2_EXTENDED: st->s2_extended = true; break;
		case EV_STAGE2_RESPONSE_SENT: st->s2_responded = true; st->last = e->date; break;
		case EV_STAGE3_REQUESTED:
			st->s3_requested = true;
			st->s3_decided = st->s3_refused = st->panel_arranged = st->panel_notified = false;
			st->panel_held = st->findings_sent = st->s3_responded = false;
			st->stage = 3;
			st->last = e->date;
			break;
		case EV_STAGE3_DECISION_SENT:
			st->s3_decided = true;
			st->s3_refused = e->decision == DECISION_REFUSED;
			st->last = e->date;
			if (st->s3_refused)
				st->stage = 2;
			break;
		case EV_PANEL_DATE: st->panel_arranged = true; break;
		case EV_PANEL_NOTICE_SENT: st->panel_notified = true; break;
		case EV_PANEL_HELD: st->panel_held = true; st->last = e->date; break;
		case EV_FINDINGS_SENT: st->findings_sent = true; st->last = e->date; break;
		case EV_STAGE3_RESPONSE_SENT: st->s3_responded = true; st->last = e->date; break;
		case EV_RESPONSE_SENT: st->responded = true; break;
		case EV_OMBUDSMAN_REFERRED: st->ombudsman = true; break;
		case EV_OMBUDSMAN_OUTCOME: st->ombudsman_outcome = true; break;
		case EV_WITHDRAWN: st->status = CASE_WITHDRAWN; break;
		case EV_CLOSED: st->status = CASE_CLOSED; break;
		case EV_DECLINED: st->status = CASE_DECLINED; break;
		case EV_SAFEGUARDING: st->status = CASE_SAFEGUARDING; break;
		case EV_REDIRECTED: st->status = CASE_REDIRECTED; break;
		case EV_REOPENED: st->status = CASE_OPEN; break;
		default: break;
		}
	}
}

static int
workflow_refuse(struct err *err, const char *why, const struct wf_event *next)
{
	return err_set(err, "cannot record %s: %s", event_describe(next->type), why);
}

/* What a contact that is not a complaint allows (workflow_check). */
static int
workflow_check_contact(enum route route, const struct wf_state *st, const struct wf_event *next,
                       struct err *err)
{
	switch (next->type) {
	case EV_ACKNOWLEDGED:
		if (st->acknowledged)
			return workflow_refuse(err, "it was acknowledged already", next);
		return 0;
	case EV_RESPONSE_SENT:
		if (route == ROUTE_COMPLIMENT || route == ROUTE_ANONYMOUS || route == ROUTE_REDIRECTED)
			break;
		if (st->responded)
			return workflow_refuse(err, "the response was sent already", next);
		return 0;
	case EV_REDIRECTED:
		if (route != ROUTE_REDIRECTED)
			return workflow_refuse(err, "only a redirected contact is redirected", next);
		return 0;
	case EV_THANKS_PASSED:
		if (route != ROUTE_COMPLIMENT)
			return workflow_refuse(err, "only a compliment is passed on", next);
		return 0;
	case EV_NOTE: case EV_ASSIGNED: case EV_CLOSED: case EV_REOPENED: case EV_WITHDRAWN:
	case EV_SAFEGUARDING:
		return 0;
	default:
		break;
	}
	return err_set(err, "cannot record %s: this contact is a %s, not a complaint",
	               event_describe(next->type), route_name(route));
}

/* What a complaint allows at the state it has reached (workflow_check). */
static int
workflow_check_complaint(const struct wf_state *st, const struct wf_event *next, struct err *err)
{
	switch (next->type) {
	case EV_ACKNOWLEDGED:
		if (st->acknowledged)
			return workflow_refuse(err, "it was acknowledged already", next);
		return 0;
	case EV_STAGE1_STARTED:
	case EV_NEW_INFORMATION:
		if (st->s1_responded && next->type == EV_STAGE1_STARTED)
			return workflow_refuse(err, "Stage 1 has been answered", next);
		return 0;
	case EV_STAGE1_EXTENDED:
		if (st->stage != 1 || st->s1_responded)
			return workflow_refuse(err, "Stage 1 is not in progress", next);
		if (st->s1_extended)
			return workflow_refuse(err, "Stage 1 was extended already (once, to the maximum)",
			                        next);
		return 0;
	case EV_STAGE1_RESPONSE_SENT:
		if (st->s1_responded)
			return workflow_refuse(err, "the Stage 1 response was sent already", next);
		return 0;
	case EV_STAGE2_REQUESTED:
		if (st->s2_requested && !st->s2_refused)
			return workflow_refuse(err, "Stage 2 was requested already", next);
		if (!st->s1_responded && !next->overran)
			return workflow_refuse(err, "there is no Stage 1 response yet (record it, or a "
			                       "late one, first)", next);
		return 0;
	case EV_STAGE2_ACKNOWLEDGED:
	case EV_STAGE2_DECISION_SENT:
		if (!st->s2_requested)
			return workflow_refuse(err, "Stage 2 has not been requested", next);
		if (next->type == EV_STAGE2_ACKNOWLEDGED && st->s2_acknowledged)
			return workflow_refuse(err, "the Stage 2 request was acknowledged already", next);
		if (next->type == EV_STAGE2_DECISION_SENT && st->s2_decided)
			return workflow_refuse(err, "the Stage 2 request was decided already", next);
		if (next->type == EV_STAGE2_DECISION_SENT && next->decision == DECISION_REFUSED &&
		    (next->reason == REFUSAL_NONE || !next->ombudsman_told))
			return workflow_refuse(err, "refusing needs a coded reason and the complainant "
			                       "told of the Ombudsman", next);
		return 0;
	case EV_STATEMENT_AGREED:
	case EV_STAGE2_EXTENDED:
	case EV_STAGE2_RESPONSE_SENT:
		if (st->stage != 2 || !st->s2_requested || st->s2_refused)
			return workflow_refuse(err, "the complaint is not at Stage 2", next);
		if (next->type == EV_STATEMENT_AGREED && st->s2_statement)
			return workflow_refuse(err, "the statement was agreed already", next);
		if (next->type == EV_STAGE2_EXTENDED && (st->s2_extended || st->s2_responded))
			return workflow_refuse(err, st->s2_responded ? "Stage 2 has been answered"
			                       : "Stage 2 was extended already (to the maximum)", next);
		if (next->type == EV_STAGE2_RESPONSE_SENT && st->s2_responded)
			return workflow_refuse(err, "the Stage 2 response was sent already", next);
		return 0;
	case EV_STAGE3_REQUESTED:
		if (!st->s2_responded)
			return workflow_refuse(err, "there is no Stage 2 response", next);
		if (st->s3_requested && !st->s3_refused)
			return workflow_refuse(err, "Stage 3 was requested already", next);
		return 0;
	case EV_STAGE3_DECISION_SENT:
		if (!st->s3_requested)
			return workflow_refuse(err, "Stage 3 has not been requested", next);
		if (st->s3_decided)
			return workflow_refuse(err, "the Stage 3 request was decided already", next);
		if (next->decision == DECISION_REFUSED &&
		    (next->reason == REFUSAL_NONE || !next->ombudsman_told))
			return workflow_refuse(err, "refusing needs a coded reason and the complainant "
			                       "told of the Ombudsman", next);
		return 0;
	case EV_PANEL_DATE:
	case EV_PANEL_HELD:
		if (st->stage != 3 || st->s3_refused)
			return workflow_refuse(err, "the complaint is not at Stage 3", next);
		if (next->type == EV_PANEL_HELD && st->panel_held)
			return workflow_refuse(err, "the panel has met already", next);
		if (next->type == EV_PANEL_HELD && next->date.day < st->last.day)
			return workflow_refuse(err, "the panel cannot meet before Stage 3 was requested",
			                       next);
		return 0;
	case EV_PANEL_NOTICE_SENT:
		if (!st->panel_arranged)
			return workflow_refuse(err, "no panel date has been arranged", next);
		return 0;
	case EV_FINDINGS_SENT:
		if (!st->panel_held)
			return workflow_refuse(err, "the panel has not met", next);
		if (st->findings_sent)
			return workflow_refuse(err, "the findings were sent already", next);
		return 0;
	case EV_STAGE3_RESPONSE_SENT:
		if (!st->findings_sent)
			return workflow_refuse(err, "the panel's findings have not been sent", next);
		if (st->s3_responded)
			return workflow_refuse(err, "the response was sent already", next);
		return 0;
	case EV_OMBUDSMAN_REFERRED:
		if (st->ombudsman)
			return workflow_refuse(err, "it is with the Ombudsman already", next);
		return 0;
	case EV_OMBUDSMAN_OUTCOME:
		if (!st->ombudsman)
			return workflow_refuse(err, "it was not referred to the Ombudsman", next);
		return 0;
	case EV_DECLINED:
		if (st->s1_responded || st->s2_requested)
			return workflow_refuse(err, "the complaint was accepted and answered; close it "
			                       "instead", next);
		if (next->reason == REFUSAL_NONE || !next->ombudsman_told)
			return workflow_refuse(err, "declining needs a coded reason and the complainant "
			                       "told of the Ombudsman", next);
		return 0;
	case EV_PAUSED:
	case EV_RESUMED:
	case EV_NOTE:
	case EV_ASSIGNED:
	case EV_WITHDRAWN:
	case EV_CLOSED:
	case EV_REOPENED:
	case EV_SAFEGUARDING:
		return 0;
	default:
		return err_set(err, "cannot record %s on a complaint", event_describe(next->type));
	}
}

int
workflow_check(enum route route, const struct wf_event *ev, size_t n,
               const struct wf_event *next, struct date today, struct err *err)
{
	struct wf_state st;
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	bool complaint = route == ROUTE_COMPLAINT;

	workflow_state(route, ev, n, &st);
	if (next->type == EV_RECEIVED)
		return workflow_refuse(err, "a case is received once, when it is added", next);
	if (n == 0)
		return workflow_refuse(err, "the case has no date of receipt", next);
	if (next->type == EV_AWARE) {
		if (next->date.day > st.received.day)
			return workflow_refuse(err, "the matter became known after the complaint was "
			                       "received?", next);
		return 0;
	}
	/* dates: never before receipt, never in the future unless planned */
	if (next->date.day < st.received.day)
		return err_set(err, "cannot record %s on %s: before the complaint was received (%s)",
		               event_describe(next->type), date_format(next->date, d1),
		               date_format(st.received, d2));
	if (next->date.day > today.day && !event_planned(next->type))
		return err_set(err, "cannot record %s on %s: that is in the future (today is %s)",
		               event_describe(next->type), date_format(next->date, d1),
		               date_format(today, d2));
	if (next->has_until && next->until.day < next->date.day)
		return workflow_refuse(err, "the agreed date is before the extension", next);
	/* a step of the procedure cannot come before the step it follows */
	switch (next->type) {
	case EV_STAGE1_RESPONSE_SENT: case EV_STAGE2_REQUESTED: case EV_STAGE2_DECISION_SENT:
	case EV_STATEMENT_AGREED: case EV_STAGE2_EXTENDED: case EV_STAGE2_RESPONSE_SENT:
	case EV_STAGE3_REQUESTED: case EV_STAGE3_DECISION_SENT: case EV_PANEL_HELD:
	case EV_FINDINGS_SENT: case EV_STAGE3_RESPONSE_SENT: case EV_STAGE2_ACKNOWLEDGED:
		if (next->date.day < st.last.day)
			return err_set(err, "cannot record %s on %s: before the step it follows (%s)",
			               event_describe(next->type), date_format(next->date, d1),
			               date_format(st.last, d2));
		break;
	default:
		break;
	}
	/* what an ended case still allows */
	if (st.status != CASE_OPEN && st.status != CASE_REDIRECTED) {
		switch (next->type) {
		case EV_REOPENED:
		case EV_NOTE:
		case EV_ASSIGNED:
		case EV_OMBUDSMAN_REFERRED:
		case EV_OMBUDSMAN_OUTCOME:
			break;
		default:
			return err_set(err, "cannot record %s: the case is %s (reopen it first)",
			               event_describe(next->type), case_status_name(st.status));
		}
	} else if (next->type == EV_REOPENED)
		return workflow_refuse(err, "the case is open", next);
	if (!complaint)
		return workflow_check_contact(route, &st, next, err);
	return workflow_check_complaint(&st, next, err);
}

/* Events that happen at most once in a case's history. */
static bool
workflow_once(enum event_type t)
{
	switch (t) {
	case EV_AWARE: case EV_RECEIVED: case EV_ACKNOWLEDGED: case EV_STAGE1_STARTED:
	case EV_STAGE1_EXTENDED: case EV_STAGE1_RESPONSE_SENT: case EV_STAGE2_EXTENDED:
	case EV_STAGE2_RESPONSE_SENT: case EV_PANEL_HELD: case EV_FINDINGS_SENT:
	case EV_STAGE3_RESPONSE_SENT: case EV_RESPONSE_SENT:
		return true;
	default:
		return false;
	}
}

/* The earliest event of a type (or the latest when last), or NULL. */
static const struct wf_event *
workflow_find(const struct wf_event *ev, size_t n, enum event_type t, bool last)
{
	const struct wf_event *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (ev[i].type == t && (best == NULL || (last ? ev[i].date.day > best->date.day
		                                              : ev[i].date.day < best->date.day)))
			best = &ev[i];
	return best;
}

/* Pauses and resumes in order: by date, a pause before a resume on the same
 * day, then as given. */
static int
workflow_pause_cmp(const struct wf_event *x, const struct wf_event *y)
{
	if (x->date.day != y->date.day)
		return x->date.day < y->date.day ? -1 : 1;
	if (x->type != y->type)
		return x->type == EV_PAUSED ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int
workflow_conflict(struct err *err, const struct wf_event *a, const char *how,
                  const struct wf_event *b, enum event_type bt)
{
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	if (b == NULL)
		return err_set(err, "impossible history: %s (%s) with no %s", event_describe(a->type),
		               date_format(a->date, d1), event_describe(bt));
	return err_set(err, "impossible history: %s (%s) %s %s (%s)", event_describe(a->type),
	               date_format(a->date, d1), how, event_describe(b->type),
	               date_format(b->date, d2));
}

int
workflow_history_check(enum route route, const struct wf_event *ev, size_t n, struct err *err)
{
	/* a step, and the step that must have happened on or before it */
	static const struct {
		enum event_type later, earlier;
	} follows[] = {
		{ EV_STAGE2_RESPONSE_SENT, EV_STAGE2_REQUESTED },
		{ EV_STATEMENT_AGREED, EV_STAGE2_REQUESTED },
		{ EV_STAGE2_EXTENDED, EV_STAGE2_REQUESTED },
		{ EV_STAGE3_REQUESTED, EV_STAGE2_RESPONSE_SENT },
		{ EV_PANEL_DATE, EV_STAGE3_REQUESTED },
		{ EV_PANEL_HELD, EV_STAGE3_REQUESTED },
		{ EV_FINDINGS_SENT, EV_PANEL_HELD },
		{ EV_STAGE3_RESPONSE_SENT, EV_FINDINGS_SENT },
	};
	/* an extension, and the response it can no longer extend */
	static const struct {
		enum event_type ext, resp;
	} extends[] = {
		{ EV_STAGE1_EXTENDED, EV_STAGE1_RESPONSE_SENT },
		{ EV_STAGE2_EXTENDED, EV_STAGE2_RESPONSE_SENT },
	};
	const struct wf_event *a, *b, *open;
	size_t i, k;

	for (i = 0; i < n; i++)
		if (workflow_once(ev[i].type))
			for (k = i + 1; k < n; k++)
				if (ev[k].type == ev[i].type) {
					char d1[DATE_STRLEN], d2[DATE_STRLEN];

					a = ev[i].date.day <= ev[k].date.day ? &ev[i] : &ev[k];
					b = a == &ev[i] ? &ev[k] : &ev[i];
					return err_set(err, "impossible history: %s twice (%s and %s); it "
					               "happens once", event_describe(a->type),
					               date_format(a->date, d1), date_format(b->date, d2));
				}
	if (route == ROUTE_COMPLAINT)
		for (i = 0; i < sizeof follows / sizeof *follows; i++) {
			/* each occurrence needs one on or before it; the earliest is enough */
			if ((a = workflow_find(ev, n, follows[i].later, false)) == NULL)
				continue;
			b = workflow_find(ev, n, follows[i].earlier, false);
			if (b == NULL && follows[i].later == EV_STAGE3_RESPONSE_SENT)
				continue; /* a response with the panel's report: no findings apart */
			if (b == NULL || a->date.day < b->date.day)
				return workflow_conflict(err, a, "is before", b, follows[i].earlier);
		}
	for (i = 0; i < sizeof extends / sizeof *extends; i++) {
		a = workflow_find(ev, n, extends[i].ext, true);
		b = workflow_find(ev, n, extends[i].resp, false);
		if (a != NULL && b != NULL && a->date.day > b->date.day)
			return workflow_conflict(err, a, "is after", b, b->type);
	}
	/* pauses and resumes alternate, each resume after a pause; taken in
	 * order of date, a pause before a resume on the same day */
	b = NULL;   /* the latest resume taken */
	open = NULL; /* the pause in force */
	for (a = NULL;;) {
		const struct wf_event *next = NULL;

		for (i = 0; i < n; i++) {
			if (ev[i].type != EV_PAUSED && ev[i].type != EV_RESUMED)
				continue;
			if (a != NULL && workflow_pause_cmp(&ev[i], a) <= 0)
				continue;
			if (next == NULL || workflow_pause_cmp(&ev[i], next) < 0)
				next = &ev[i];
		}
		if ((a = next) == NULL)
			break;
		if (a->type == EV_PAUSED) {
			if (open == NULL)
				open = a;
			continue;
		}
		if (open == NULL) {
			if (b != NULL)
				return workflow_conflict(err, a, "with no pause since", b, b->type);
			return workflow_conflict(err, a, "is before",
			                         workflow_find(ev, n, EV_PAUSED, false), EV_PAUSED);
		}
		open = NULL;
		b = a;
	}
	return 0;
}

size_t
workflow_clock_events(const struct wf_event *ev, size_t n, struct clock_event *out, size_t max)
{
	size_t i, k = 0;

	for (i = 0; i < n && k < max; i++) {
		memset(&out[k], 0, sizeof out[k]);
		out[k].type = ev[i].type;
		out[k].date = ev[i].date;
		out[k].has_until = ev[i].has_until;
		out[k].until = ev[i].until;
		k++;
		if (ev[i].decision == DECISION_REFUSED && k < max &&
		    (ev[i].type == EV_STAGE2_DECISION_SENT || ev[i].type == EV_STAGE3_DECISION_SENT)) {
			memset(&out[k], 0, sizeof out[k]);
			out[k].type = ev[i].type == EV_STAGE2_DECISION_SENT ? EV_STAGE2_REFUSED
			                                                     : EV_STAGE3_REFUSED;
			out[k].date = ev[i].date;
			k++;
		}
	}
	return k;
}

const struct workflow_step workflow_steps[] = {
	{ "acknowledge", EV_ACKNOWLEDGED, "acknowledgement sent", "acknowledgement recorded" },
	{ "extend", EV_NONE, "extend the current stage", "extension recorded" },
	{ "respond", EV_NONE, "the response of the current stage", "response recorded" },
	{ "escalate", EV_NONE, "the complainant asks for the next stage", "escalation recorded" },
	{ "accept", EV_NONE, "the request for Stage 2 or 3 accepted", "acceptance recorded" },
	{ "refuse", EV_NONE, "the request for Stage 2 or 3 refused", "refusal recorded" },
	{ "statement", EV_STATEMENT_AGREED, "statement of complaint agreed", "statement recorded" },
	{ "arrange-panel", EV_PANEL_DATE, "the review panel arranged for a date",
	  "panel date recorded" },
	{ "panel-notice", EV_PANEL_NOTICE_SENT, "details of the panel sent",
	  "panel notice recorded" },
	{ "panel-held", EV_PANEL_HELD, "the review panel met", "panel recorded as held" },
	{ "findings", EV_FINDINGS_SENT, "the panel's findings sent", "findings recorded" },
	{ "ombudsman", EV_OMBUDSMAN_REFERRED, "referred to the Ombudsman", "referral recorded" },
	{ "ombudsman-outcome", EV_OMBUDSMAN_OUTCOME, "the Ombudsman's decision received",
	  "the Ombudsman's decision recorded" },
	{ "new-information", EV_NEW_INFORMATION, "new concerns or information",
	  "new information recorded" },
	{ "start-stage1", EV_STAGE1_STARTED, "formal Stage 1 after informal resolution",
	  "Stage 1 started" },
	{ "pause", EV_PAUSED, "pause the internal targets", "targets paused" },
	{ "resume", EV_RESUMED, "resume the internal targets", "targets resumed" },
	{ "decline", EV_DECLINED, "not accepted at receipt", "declined" },
	{ "redirect", EV_REDIRECTED, "the person told where to take the matter",
	  "redirection recorded" },
	{ "withdraw", EV_WITHDRAWN, "withdrawn by the complainant", "withdrawal recorded" },
	{ "close", EV_CLOSED, "close the case", "case closed" },
	{ "reopen", EV_REOPENED, "reopen a closed case", "case reopened" },
	{ "note", EV_NOTE, "a note on the timeline", "note added" },
	{ "pass-on", EV_THANKS_PASSED, "a compliment passed to the staff and their manager",
	  "compliment passed on" },
};
const size_t workflow_nsteps = sizeof workflow_steps / sizeof workflow_steps[0];

const struct workflow_step *
workflow_step_find(const char *name)
{
	return text_find_ptr(workflow_steps, workflow_nsteps, sizeof workflow_steps[0],
	                     offsetof(struct workflow_step, name), name);
}

int
workflow_step_event(const struct workflow_step *d, const char *ref, enum route route, int s,
                    enum event_type *ev, struct err *err)
{
	*ev = d->ev;
	if (d->ev == EV_ACKNOWLEDGED && route == ROUTE_COMPLAINT && s >= 2)
		*ev = EV_STAGE2_ACKNOWLEDGED; /* the Code acknowledges Stage 2 requests too */
	if (d->ev != EV_NONE)
		return 0;
	if (route != ROUTE_COMPLAINT) {
		if (strcmp(d->name, "respond") == 0) {
			*ev = EV_RESPONSE_SENT;
			return 0;
		}
		return err_set(err, "%s is a %s, not a complaint: it has no stages", ref,
		               route_name(route));
	}
	if (strcmp(d->name, "extend") == 0)
		*ev = s == 2 ? EV_STAGE2_EXTENDED : EV_STAGE1_EXTENDED;
	else if (strcmp(d->name, "respond") == 0)
		*ev = s == 3 ? EV_STAGE3_RESPONSE_SENT : s == 2 ? EV_STAGE2_RESPONSE_SENT
		                                                : EV_STAGE1_RESPONSE_SENT;
	else if (strcmp(d->name, "escalate") == 0)
		*ev = s >= 2 ? EV_STAGE3_REQUESTED : EV_STAGE2_REQUESTED;
	else /* accept, refuse: the pending request */
		*ev = s == 3 ? EV_STAGE3_DECISION_SENT : EV_STAGE2_DECISION_SENT;
	return 0;
}
