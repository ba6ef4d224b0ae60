/* workflow.h - the statutory procedure as a state machine over a case's
 * dated events: which step may follow which, on what dates, with what
 * reasons.  Pure: the book layer asks before it writes, and writes only
 * what this allows.  Every refusal comes with a message saying why. */
#ifndef REDRESS_WORKFLOW_H
#define REDRESS_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/date.h"
#include "redress/err.h"
#include "redress/profile.h"

enum case_status {
	CASE_OPEN = 0,
	CASE_CLOSED,
	CASE_WITHDRAWN,
	CASE_DECLINED,      /* not accepted at receipt */
	CASE_REDIRECTED,    /* sent elsewhere (Ofsted, a school, ...) */
	CASE_SAFEGUARDING,  /* never a complaint: sent to the helpdesk */
};
const char *case_status_name(enum case_status s);

/* Coded reasons for declining a complaint or a Stage 2 or 3 request. */
enum refusal {
	REFUSAL_NONE = 0,
	REFUSAL_OVER_A_YEAR,
	REFUSAL_LEGAL_PROCEEDINGS, /* reg 8 */
	REFUSAL_NOT_ELIGIBLE,      /* no sufficient interest */
	REFUSAL_OUT_OF_SCOPE,
	REFUSAL_LATE_REQUEST,
	REFUSAL_COUNT
};
const char *refusal_name(enum refusal r);
const char *refusal_describe(enum refusal r);
int refusal_lookup(const char *name); /* -1 when unknown */

enum decision { DECISION_NONE = 0, DECISION_ACCEPTED, DECISION_REFUSED };

struct wf_event {
	enum event_type type;
	struct date date;
	bool has_until;         /* extensions: the date agreed */
	struct date until;
	enum decision decision; /* stage 2/3 decisions */
	enum refusal reason;    /* declines and refusals */
	bool ombudsman_told;    /* a refusal told the complainant of the Ombudsman */
	bool overran;           /* a Stage 2 request: Stage 1's response was overdue then
	                         * (clock_overran), so it may come without one */
};

/* Where a case stands, derived from its events in the order they were
 * recorded. */
struct wf_state {
	enum route route;
	enum case_status status;
	int stage;              /* 0 receipt, 1..3: the procedure's stage */
	struct date received;
	bool acknowledged, s1_extended, s1_responded;
	bool s2_requested, s2_acknowledged, s2_decided, s2_refused, s2_statement, s2_extended;
	bool s2_responded;
	bool s3_requested, s3_decided, s3_refused, panel_arranged, panel_notified;
	bool panel_held, findings_sent, s3_responded, ombudsman, ombudsman_outcome;
	bool responded; /* comment, request, concern */
	struct date last;       /* date of the latest stage event */
};

void workflow_state(enum route route, const struct wf_event *ev, size_t n, struct wf_state *st);

/* Whether next may be recorded after events ev (0), or why not (-1).
 * today is London's date: no date may be later except a planned one (the
 * panel's); none may be before receipt or before the step it follows. */
int workflow_check(enum route route, const struct wf_event *ev, size_t n,
                   const struct wf_event *next, struct date today, struct err *err);

/* Whether a whole history is possible, whatever order its events are given
 * in (the `deadlines` command's options, an import's columns, a timeline
 * after a correction): 0, or -1 with one line naming the events that
 * conflict.  Impossible: a step dated before the step it answers or follows
 * (a Stage 2 response before the Stage 2 request, findings before the panel
 * met, a Stage 3 request before the Stage 2 response, a panel before the
 * Stage 3 request, an agreed statement or a Stage 2 extension before the
 * Stage 2 request, a panel date with no Stage 3 request), an extension after
 * the response it extends, a resume with no pause before it, and the same
 * event twice where it happens once. */
int workflow_history_check(enum route route, const struct wf_event *ev, size_t n,
                           struct err *err);

/* The steps of the procedure by the names people use (`redress case STEP`,
 * the client's step menu): the event each records (EV_NONE: it depends on
 * the case's stage), what it is, and what to say once it is recorded. */
struct workflow_step {
	const char *name;
	enum event_type ev;
	const char *help;
	const char *done;
};
extern const struct workflow_step workflow_steps[];
extern const size_t workflow_nsteps;
const struct workflow_step *workflow_step_find(const char *name);
/* The event step s means for case ref (route, stage 1..3); -1 and why when
 * it means nothing there (a stage step on a contact with no stages). */
int workflow_step_event(const struct workflow_step *s, const char *ref, enum route route,
                        int stage, enum event_type *ev, struct err *err);

struct clock_event;
/* The events the clock engine reads: the timeline's, plus a derived
 * stage2_refused or stage3_refused for each refused request.  Returns how
 * many were written (at most max). */
size_t workflow_clock_events(const struct wf_event *ev, size_t n, struct clock_event *out,
                             size_t max);

#endif
