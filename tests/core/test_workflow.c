/* test_workflow.c - the statutory procedure as a state machine: which step
 * may follow which, on what dates, with what reasons, and where a case stands
 * after each.  Timelines are built by hand, one checked step at a time. */
#include <stdbool.h>

#include "testutil.h"

#include "redress/err.h"
#include "redress/profile.h"
#include "redress/workflow.h"

/* The timeline under test: steps are appended only once workflow_check
 * allows them, as the book does. */
static struct wf_event tl[64];
static size_t ntl;
static enum route route;
static struct date today;

static void
begin(enum route r, const char *received, const char *now)
{
	memset(tl, 0, sizeof tl);
	route = r;
	today = D(now);
	tl[0].type = EV_RECEIVED;
	tl[0].date = D(received);
	ntl = 1;
}

static struct wf_event
E(enum event_type t, const char *date)
{
	struct wf_event e;

	memset(&e, 0, sizeof e);
	e.type = t;
	e.date = D(date);
	return e;
}

static struct wf_event
EXT(enum event_type t, const char *date, const char *until)
{
	struct wf_event e = E(t, date);

	e.has_until = true;
	e.until = D(until);
	return e;
}

static struct wf_event
DEC(enum event_type t, const char *date, enum decision d, enum refusal r, bool told)
{
	struct wf_event e = E(t, date);

	e.decision = d;
	e.reason = r;
	e.ombudsman_told = told;
	return e;
}

/* Records e, which the workflow must allow. */
static void
ok_ev(struct wf_event e)
{
	struct err err = { "" };

	if (workflow_check(route, tl, ntl, &e, today, &err) != 0)
		fail_msg("%s refused: %s", event_name(e.type), err.msg);
	assert_true(ntl < sizeof tl / sizeof *tl);
	tl[ntl++] = e;
}

static void
ok(enum event_type t, const char *date)
{
	ok_ev(E(t, date));
}

/* e must be refused with exactly msg; the timeline is left as it was. */
static void
refused_ev(struct wf_event e, const char *msg)
{
	struct err err = { "" };

	if (workflow_check(route, tl, ntl, &e, today, &err) == 0)
		fail_msg("%s on the timeline's %zu events was allowed; want \"%s\"",
		         event_name(e.type), ntl, msg);
	if (strcmp(err.msg, msg) != 0)
		fail_msg("%s refused with \"%s\", want \"%s\"", event_name(e.type), err.msg, msg);
}

/* e must be refused with a message saying msg somewhere. */
static void
refused_like(struct wf_event e, const char *msg)
{
	struct err err = { "" };

	if (workflow_check(route, tl, ntl, &e, today, &err) == 0)
		fail_msg("%s on the timeline's %zu events was allowed; want it refused (\"%s\")",
		         event_name(e.type), ntl, msg);
	if (strstr(err.msg, msg) == NULL)
		fail_msg("%s refused with \"%s\", want it to say \"%s\"", event_name(e.type), err.msg,
		         msg);
}

static void
refused(enum event_type t, const char *date, const char *msg)
{
	refused_ev(E(t, date), msg);
}

static struct wf_state
state(void)
{
	struct wf_state st;

	workflow_state(route, tl, ntl, &st);
	return st;
}

static void
status_is(enum case_status s, int stage)
{
	struct wf_state st = state();

	if (st.status != s || st.stage != stage)
		fail_msg("status %s stage %d, want %s stage %d", case_status_name(st.status),
		         st.stage, case_status_name(s), stage);
}

/* --- names ---------------------------------------------------------------- */

static void
test_names(void **unused)
{
	(void)unused;
	assert_string_equal(case_status_name(CASE_OPEN), "open");
	assert_string_equal(case_status_name(CASE_SAFEGUARDING), "safeguarding");
	assert_string_equal(case_status_name((enum case_status)99), "?");
	assert_string_equal(refusal_name(REFUSAL_LEGAL_PROCEEDINGS), "legal-proceedings");
	assert_string_equal(refusal_name(REFUSAL_COUNT), "?");
	assert_int_equal(refusal_lookup("late-request"), REFUSAL_LATE_REQUEST);
	assert_int_equal(refusal_lookup("over-a-year"), REFUSAL_OVER_A_YEAR);
	assert_int_equal(refusal_lookup("none"), -1); /* not a reason */
	assert_int_equal(refusal_lookup("Late-Request"), -1);
	assert_int_equal(refusal_lookup(""), -1);
	assert_non_null(strstr(refusal_describe(REFUSAL_LEGAL_PROCEEDINGS), "reg 8"));
}

/* --- the whole procedure --------------------------------------------------- */

static void
test_every_stage(void **unused)
{
	struct wf_state st;

	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-06-30");
	status_is(CASE_OPEN, 1);
	st = state();
	assert_date(st.received, "2026-11-20");
	assert_false(st.acknowledged);
	ok(EV_ACKNOWLEDGED, "2026-11-23");
	ok_ev(EXT(EV_STAGE1_EXTENDED, "2026-11-30", "2026-12-11"));
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-10");
	st = state();
	assert_true(st.acknowledged && st.s1_extended && st.s1_responded);
	assert_date(st.last, "2026-12-10");
	status_is(CASE_OPEN, 1);

	ok(EV_STAGE2_REQUESTED, "2026-12-21");
	status_is(CASE_OPEN, 2);
	ok(EV_STAGE2_ACKNOWLEDGED, "2026-12-22");
	ok_ev(DEC(EV_STAGE2_DECISION_SENT, "2026-12-23", DECISION_ACCEPTED, REFUSAL_NONE, false));
	ok(EV_STATEMENT_AGREED, "2027-01-08");
	ok_ev(EXT(EV_STAGE2_EXTENDED, "2027-01-20", "2027-03-01"));
	ok(EV_STAGE2_RESPONSE_SENT, "2027-02-26");
	st = state();
	assert_true(st.s2_requested && st.s2_decided && !st.s2_refused && st.s2_statement &&
	            st.s2_extended && st.s2_responded);
	status_is(CASE_OPEN, 2);

	ok(EV_STAGE3_REQUESTED, "2027-03-05");
	status_is(CASE_OPEN, 3);
	ok_ev(DEC(EV_STAGE3_DECISION_SENT, "2027-03-08", DECISION_ACCEPTED, REFUSAL_NONE, false));
	/* the panel's date is planned: it may lie after today, and be rearranged */
	ok(EV_PANEL_DATE, "2027-09-01");
	ok(EV_PANEL_DATE, "2027-04-14");
	ok(EV_PANEL_NOTICE_SENT, "2027-03-25");
	ok(EV_PANEL_HELD, "2027-04-14");
	ok(EV_FINDINGS_SENT, "2027-04-20");
	ok(EV_STAGE3_RESPONSE_SENT, "2027-05-07");
	st = state();
	assert_true(st.s3_requested && st.s3_decided && st.panel_arranged && st.panel_notified &&
	            st.panel_held && st.findings_sent && st.s3_responded);
	assert_date(st.last, "2027-05-07");
	status_is(CASE_OPEN, 3);

	ok(EV_OMBUDSMAN_REFERRED, "2027-05-20");
	/* with the Ombudsman, the case keeps its procedure stage (and st.ombudsman) */
	status_is(CASE_OPEN, 3);
	ok(EV_OMBUDSMAN_OUTCOME, "2027-06-25");
	ok(EV_CLOSED, "2027-06-30");
	st = state();
	assert_true(st.ombudsman && st.ombudsman_outcome);
	status_is(CASE_CLOSED, 3);
}

/* Notes, pauses, new information and informal resolution anywhere along. */
static void
test_side_steps(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-31");
	ok(EV_NOTE, "2026-11-20");
	ok(EV_STAGE1_STARTED, "2026-11-24");
	ok(EV_NEW_INFORMATION, "2026-11-26");
	ok(EV_PAUSED, "2026-11-27");
	ok(EV_RESUMED, "2026-12-01");
	ok(EV_ASSIGNED, "2026-12-01");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-04");
	refused(EV_STAGE1_STARTED, "2026-12-07",
	        "cannot record Stage 1 started after informal resolution: Stage 1 has been answered");
	ok(EV_NEW_INFORMATION, "2026-12-07"); /* still welcome */
	status_is(CASE_OPEN, 1);
}

/* --- order of the stages ------------------------------------------------- */

static void
test_stage_order(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	refused(EV_STAGE2_REQUESTED, "2026-12-01",
	        "cannot record Stage 2 requested: there is no Stage 1 response yet (record it, or a "
	        "late one, first)");
	refused(EV_STAGE3_REQUESTED, "2026-12-01",
	        "cannot record Stage 3 requested: there is no Stage 2 response");
	refused(EV_STAGE2_ACKNOWLEDGED, "2026-12-01",
	        "cannot record Stage 2 request acknowledged: Stage 2 has not been requested");
	refused_ev(DEC(EV_STAGE2_DECISION_SENT, "2026-12-01", DECISION_ACCEPTED, REFUSAL_NONE, false),
	           "cannot record Stage 2 acceptance decision sent: Stage 2 has not been requested");
	refused(EV_STATEMENT_AGREED, "2026-12-01",
	        "cannot record statement of complaint agreed: the complaint is not at Stage 2");
	refused(EV_STAGE2_EXTENDED, "2026-12-01",
	        "cannot record Stage 2 extended: the complaint is not at Stage 2");
	refused(EV_STAGE2_RESPONSE_SENT, "2026-12-01",
	        "cannot record Stage 2 response sent: the complaint is not at Stage 2");
	refused(EV_PANEL_DATE, "2026-12-01",
	        "cannot record review panel arranged for this date: the complaint is not at Stage 3");
	refused(EV_PANEL_HELD, "2026-12-01",
	        "cannot record review panel met: the complaint is not at Stage 3");
	refused(EV_PANEL_NOTICE_SENT, "2026-12-01",
	        "cannot record panel details sent to complainant: no panel date has been arranged");
	refused(EV_FINDINGS_SENT, "2026-12-01",
	        "cannot record panel findings sent: the panel has not met");
	refused(EV_STAGE3_RESPONSE_SENT, "2026-12-01",
	        "cannot record director's response sent: the panel's findings have not been sent");
	refused_ev(DEC(EV_STAGE3_DECISION_SENT, "2026-12-01", DECISION_ACCEPTED, REFUSAL_NONE, false),
	           "cannot record Stage 3 acceptance decision sent: Stage 3 has not been requested");
	refused(EV_OMBUDSMAN_OUTCOME, "2026-12-01",
	        "cannot record Ombudsman's decision received: it was not referred to the Ombudsman");
	refused(EV_RESPONSE_SENT, "2026-12-01", "cannot record response sent on a complaint");
	refused(EV_REDIRECTED, "2026-12-01",
	        "cannot record person told where to take the matter on a complaint");
	refused(EV_THANKS_PASSED, "2026-12-01",
	        "cannot record compliment passed to the staff member and their manager on a complaint");
	refused(EV_RECEIVED, "2026-12-01",
	        "cannot record complaint received: a case is received once, when it is added");
	status_is(CASE_OPEN, 1);

	/* Stage 2 under way: Stage 3 still needs its response */
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	ok(EV_STAGE2_REQUESTED, "2026-12-10");
	refused(EV_STAGE3_REQUESTED, "2027-01-04",
	        "cannot record Stage 3 requested: there is no Stage 2 response");
	refused(EV_STAGE1_EXTENDED, "2027-01-04",
	        "cannot record Stage 1 extended: Stage 1 is not in progress");
	refused(EV_STAGE1_RESPONSE_SENT, "2027-01-04",
	        "cannot record Stage 1 response sent: the Stage 1 response was sent already");
}

/* Nothing twice that happens once. */
static void
test_once_only(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-06-30");
	ok(EV_ACKNOWLEDGED, "2026-11-23");
	refused(EV_ACKNOWLEDGED, "2026-11-24",
	        "cannot record acknowledgement sent: it was acknowledged already");
	ok(EV_STAGE1_EXTENDED, "2026-11-30");
	refused(EV_STAGE1_EXTENDED, "2026-12-01",
	        "cannot record Stage 1 extended: Stage 1 was extended already (once, to the maximum)");
	refused_ev(EXT(EV_STAGE1_EXTENDED, "2026-12-01", "2026-12-18"),
	           "cannot record Stage 1 extended: Stage 1 was extended already (once, to the "
	           "maximum)");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-15");
	ok(EV_STAGE2_REQUESTED, "2026-12-21");
	refused(EV_STAGE2_REQUESTED, "2026-12-22",
	        "cannot record Stage 2 requested: Stage 2 was requested already");
	ok_ev(DEC(EV_STAGE2_DECISION_SENT, "2026-12-23", DECISION_ACCEPTED, REFUSAL_NONE, false));
	refused_ev(DEC(EV_STAGE2_DECISION_SENT, "2026-12-24", DECISION_ACCEPTED, REFUSAL_NONE, false),
	           "cannot record Stage 2 acceptance decision sent: the Stage 2 request was decided "
	           "already");
	ok(EV_STATEMENT_AGREED, "2027-01-05");
	refused(EV_STATEMENT_AGREED, "2027-01-06",
	        "cannot record statement of complaint agreed: the statement was agreed already");
	ok(EV_STAGE2_EXTENDED, "2027-01-20");
	refused(EV_STAGE2_EXTENDED, "2027-01-21",
	        "cannot record Stage 2 extended: Stage 2 was extended already (to the maximum)");
	ok(EV_STAGE2_RESPONSE_SENT, "2027-02-26");
	refused(EV_STAGE2_RESPONSE_SENT, "2027-03-01",
	        "cannot record Stage 2 response sent: the Stage 2 response was sent already");
	ok(EV_STAGE3_REQUESTED, "2027-03-05");
	refused(EV_STAGE3_REQUESTED, "2027-03-08",
	        "cannot record Stage 3 requested: Stage 3 was requested already");
	ok_ev(DEC(EV_STAGE3_DECISION_SENT, "2027-03-08", DECISION_ACCEPTED, REFUSAL_NONE, false));
	refused_ev(DEC(EV_STAGE3_DECISION_SENT, "2027-03-09", DECISION_ACCEPTED, REFUSAL_NONE, false),
	           "cannot record Stage 3 acceptance decision sent: the Stage 3 request was decided "
	           "already");
	ok(EV_PANEL_DATE, "2027-04-14");
	ok(EV_PANEL_HELD, "2027-04-14");
	refused(EV_PANEL_HELD, "2027-04-15", "cannot record review panel met: the panel has met already");
	ok(EV_FINDINGS_SENT, "2027-04-20");
	refused(EV_FINDINGS_SENT, "2027-04-21",
	        "cannot record panel findings sent: the findings were sent already");
	ok(EV_STAGE3_RESPONSE_SENT, "2027-05-07");
	refused(EV_STAGE3_RESPONSE_SENT, "2027-05-10",
	        "cannot record director's response sent: the response was sent already");
	ok(EV_OMBUDSMAN_REFERRED, "2027-05-20");
	refused(EV_OMBUDSMAN_REFERRED, "2027-05-21",
	        "cannot record referred to the Ombudsman: it is with the Ombudsman already");
}

/* A Stage 2 extension after the response is refused for that reason. */
static void
test_extension_after_response(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	ok(EV_STAGE2_REQUESTED, "2026-12-10");
	ok(EV_STAGE2_RESPONSE_SENT, "2027-01-15");
	refused(EV_STAGE2_EXTENDED, "2027-01-18", "cannot record Stage 2 extended: Stage 2 has been answered");
	refused(EV_STAGE1_EXTENDED, "2027-01-18", "cannot record Stage 1 extended: Stage 1 is not in progress");
	/* the agreed date of an extension cannot come before the extension */
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	refused_ev(EXT(EV_STAGE1_EXTENDED, "2026-12-01", "2026-11-30"),
	           "cannot record Stage 1 extended: the agreed date is before the extension");
	ok_ev(EXT(EV_STAGE1_EXTENDED, "2026-12-01", "2026-12-01"));
}

/* --- dates ---------------------------------------------------------------- */

static void
test_dates(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-02");
	refused(EV_ACKNOWLEDGED, "2026-11-19",
	        "cannot record acknowledgement sent on 2026-11-19: before the complaint was received "
	        "(2026-11-20)");
	refused(EV_NOTE, "2025-11-20",
	        "cannot record note on 2025-11-20: before the complaint was received (2026-11-20)");
	refused(EV_ACKNOWLEDGED, "2026-12-03",
	        "cannot record acknowledgement sent on 2026-12-03: that is in the future (today is "
	        "2026-12-02)");
	refused(EV_STAGE1_RESPONSE_SENT, "2027-01-04",
	        "cannot record Stage 1 response sent on 2027-01-04: that is in the future (today is "
	        "2026-12-02)");
	refused(EV_CLOSED, "2026-12-03",
	        "cannot record case closed on 2026-12-03: that is in the future (today is 2026-12-02)");
	ok(EV_ACKNOWLEDGED, "2026-11-20"); /* the day of receipt itself */
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-02"); /* and today */
	/* when the matter became known: not after the complaint */
	refused(EV_AWARE, "2026-11-21",
	        "cannot record complainant became aware of the matter: the matter became known after "
	        "the complaint was received?");
	ok(EV_AWARE, "2025-06-01");
	/* a case without its receipt has nothing to follow */
	ntl = 0;
	refused(EV_ACKNOWLEDGED, "2026-11-20",
	        "cannot record acknowledgement sent: the case has no date of receipt");
}

/* The panel's date is the one planned step: only it may be in the future. */
static void
test_panel_date_planned(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-10");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	ok(EV_STAGE2_REQUESTED, "2026-12-10");
	ok(EV_STAGE2_RESPONSE_SENT, "2027-02-26");
	ok(EV_STAGE3_REQUESTED, "2027-03-05");
	ok(EV_PANEL_DATE, "2027-04-14");
	refused(EV_PANEL_HELD, "2027-04-14",
	        "cannot record review panel met on 2027-04-14: that is in the future (today is "
	        "2027-03-10)");
	refused(EV_PANEL_NOTICE_SENT, "2027-03-11",
	        "cannot record panel details sent to complainant on 2027-03-11: that is in the future "
	        "(today is 2027-03-10)");
	refused(EV_PANEL_DATE, "2026-11-19",
	        "cannot record review panel arranged for this date on 2026-11-19: before the complaint "
	        "was received (2026-11-20)");
	/* the panel cannot meet before Stage 3 was asked for */
	refused(EV_PANEL_HELD, "2027-03-04",
	        "cannot record review panel met on 2027-03-04: before the step it follows (2027-03-05)");
	ok(EV_PANEL_HELD, "2027-03-05");
}

/* PRODUCT BUG (fails): workflow.h promises that no step is dated "before
 * the step it follows", but only the panel's meeting is checked so: a
 * Stage 2 request dated before the Stage 1 response it escalates is
 * accepted (and so are a Stage 2 response before the request, findings
 * before the panel met, ...). */
static void
test_date_before_the_step_it_follows(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-10");
	refused_like(E(EV_STAGE2_REQUESTED, "2026-12-01"), "before");
	refused_like(E(EV_STAGE2_REQUESTED, "2026-12-09"), "before");
	ok(EV_STAGE2_REQUESTED, "2026-12-10");
}

/* --- refusals and declines need a coded reason and the Ombudsman named ---- */

static void
test_refuse_stage2(void **unused)
{
	const char *msg = "cannot record Stage 2 acceptance decision sent: refusing needs a coded "
	                  "reason and the complainant told of the Ombudsman";
	struct wf_state st;

	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	ok(EV_STAGE2_REQUESTED, "2027-01-29");
	refused_ev(DEC(EV_STAGE2_DECISION_SENT, "2027-02-01", DECISION_REFUSED, REFUSAL_NONE, true),
	           msg);
	refused_ev(DEC(EV_STAGE2_DECISION_SENT, "2027-02-01", DECISION_REFUSED,
	               REFUSAL_LATE_REQUEST, false), msg);
	refused_ev(DEC(EV_STAGE2_DECISION_SENT, "2027-02-01", DECISION_REFUSED, REFUSAL_NONE, false),
	           msg);
	status_is(CASE_OPEN, 2);
	ok_ev(DEC(EV_STAGE2_DECISION_SENT, "2027-02-01", DECISION_REFUSED, REFUSAL_LATE_REQUEST,
	          true));
	/* refused: back to Stage 1, still open, and Stage 2 work is refused */
	st = state();
	assert_true(st.s2_requested && st.s2_decided && st.s2_refused);
	status_is(CASE_OPEN, 1);
	refused(EV_STATEMENT_AGREED, "2027-02-02",
	        "cannot record statement of complaint agreed: the complaint is not at Stage 2");
	refused(EV_STAGE2_RESPONSE_SENT, "2027-02-02",
	        "cannot record Stage 2 response sent: the complaint is not at Stage 2");
	refused(EV_STAGE3_REQUESTED, "2027-02-02",
	        "cannot record Stage 3 requested: there is no Stage 2 response");
	ok(EV_OMBUDSMAN_REFERRED, "2027-02-10");
	status_is(CASE_OPEN, 1);
}

static void
test_refuse_stage3(void **unused)
{
	const char *msg = "cannot record Stage 3 acceptance decision sent: refusing needs a coded "
	                  "reason and the complainant told of the Ombudsman";

	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	ok(EV_STAGE2_REQUESTED, "2026-12-10");
	ok(EV_STAGE2_RESPONSE_SENT, "2027-01-15");
	ok(EV_STAGE3_REQUESTED, "2027-03-01");
	refused_ev(DEC(EV_STAGE3_DECISION_SENT, "2027-03-02", DECISION_REFUSED, REFUSAL_NONE, true),
	           msg);
	refused_ev(DEC(EV_STAGE3_DECISION_SENT, "2027-03-02", DECISION_REFUSED,
	               REFUSAL_LATE_REQUEST, false), msg);
	ok_ev(DEC(EV_STAGE3_DECISION_SENT, "2027-03-02", DECISION_REFUSED, REFUSAL_LATE_REQUEST,
	          true));
	assert_true(state().s3_refused);
	status_is(CASE_OPEN, 2);
	refused(EV_PANEL_DATE, "2027-03-03",
	        "cannot record review panel arranged for this date: the complaint is not at Stage 3");
	refused(EV_PANEL_HELD, "2027-03-03",
	        "cannot record review panel met: the complaint is not at Stage 3");
}

/* PRODUCT BUG (fails): a refused request may be made again (the workflow
 * allows it, and the case returns to Stage 2), but the first decision is
 * never forgotten: the new request can be neither accepted nor refused
 * ("decided already") and no Stage 2 step is allowed ("not at Stage 2"),
 * so the case is stuck.  The same holds for Stage 3. */
static void
test_request_again_after_refusal(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	ok(EV_STAGE2_REQUESTED, "2027-01-29");
	ok_ev(DEC(EV_STAGE2_DECISION_SENT, "2027-02-01", DECISION_REFUSED, REFUSAL_LATE_REQUEST,
	          true));
	ok(EV_STAGE2_REQUESTED, "2027-02-08");
	status_is(CASE_OPEN, 2);
	ok_ev(DEC(EV_STAGE2_DECISION_SENT, "2027-02-09", DECISION_ACCEPTED, REFUSAL_NONE, false));
	ok(EV_STATEMENT_AGREED, "2027-02-15");
}

static void
test_decline(void **unused)
{
	const char *msg = "cannot record not accepted, with a coded reason: declining needs a coded "
	                  "reason and the complainant told of the Ombudsman";

	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-31");
	refused_ev(DEC(EV_DECLINED, "2026-11-24", DECISION_NONE, REFUSAL_NONE, false), msg);
	refused_ev(DEC(EV_DECLINED, "2026-11-24", DECISION_NONE, REFUSAL_NONE, true), msg);
	refused_ev(DEC(EV_DECLINED, "2026-11-24", DECISION_NONE, REFUSAL_OVER_A_YEAR, false), msg);
	ok(EV_ACKNOWLEDGED, "2026-11-23");
	ok_ev(DEC(EV_DECLINED, "2026-11-24", DECISION_NONE, REFUSAL_OVER_A_YEAR, true));
	status_is(CASE_DECLINED, 1);
	refused(EV_STAGE1_RESPONSE_SENT, "2026-11-25",
	        "cannot record Stage 1 response sent: the case is declined (reopen it first)");

	/* once answered, a complaint is closed, not declined */
	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-31");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	refused_ev(DEC(EV_DECLINED, "2026-12-04", DECISION_NONE, REFUSAL_OUT_OF_SCOPE, true),
	           "cannot record not accepted, with a coded reason: the complaint was accepted and "
	           "answered; close it instead");
}

/* --- ended cases ------------------------------------------------------------ */

static void
test_closed_until_reopened(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-03-31");
	refused(EV_REOPENED, "2026-11-23", "cannot record case reopened: the case is open");
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-03");
	ok(EV_CLOSED, "2026-12-04");
	status_is(CASE_CLOSED, 1);
	refused(EV_STAGE2_REQUESTED, "2026-12-10",
	        "cannot record Stage 2 requested: the case is closed (reopen it first)");
	refused(EV_ACKNOWLEDGED, "2026-12-10",
	        "cannot record acknowledgement sent: the case is closed (reopen it first)");
	refused(EV_CLOSED, "2026-12-10", "cannot record case closed: the case is closed (reopen it first)");
	refused(EV_WITHDRAWN, "2026-12-10",
	        "cannot record complaint withdrawn: the case is closed (reopen it first)");
	/* a closed case still takes notes, people and the Ombudsman */
	ok(EV_NOTE, "2026-12-10");
	ok(EV_ASSIGNED, "2026-12-10");
	ok(EV_REOPENED, "2026-12-11");
	status_is(CASE_OPEN, 1);
	ok(EV_STAGE2_REQUESTED, "2026-12-14");
	status_is(CASE_OPEN, 2);
	ok(EV_CLOSED, "2027-01-04");
	ok(EV_OMBUDSMAN_REFERRED, "2027-01-20");
	ok(EV_OMBUDSMAN_OUTCOME, "2027-03-01");
	status_is(CASE_CLOSED, 2);
}

static void
test_statuses(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-31");
	ok(EV_WITHDRAWN, "2026-11-25");
	status_is(CASE_WITHDRAWN, 1);
	refused(EV_STAGE1_EXTENDED, "2026-11-26",
	        "cannot record Stage 1 extended: the case is withdrawn (reopen it first)");
	ok(EV_REOPENED, "2026-11-26");
	status_is(CASE_OPEN, 1);
	ok(EV_STAGE1_EXTENDED, "2026-11-27");

	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-31");
	ok(EV_SAFEGUARDING, "2026-11-20");
	status_is(CASE_SAFEGUARDING, 1);
	refused(EV_ACKNOWLEDGED, "2026-11-23",
	        "cannot record acknowledgement sent: the case is safeguarding (reopen it first)");
	ok(EV_NOTE, "2026-11-23");
	ok(EV_REOPENED, "2026-11-24");
	status_is(CASE_OPEN, 1);

	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-31");
	ok_ev(DEC(EV_DECLINED, "2026-11-24", DECISION_NONE, REFUSAL_LEGAL_PROCEEDINGS, true));
	status_is(CASE_DECLINED, 1);
	ok(EV_REOPENED, "2026-12-01");
	status_is(CASE_OPEN, 1);
	ok(EV_STAGE1_RESPONSE_SENT, "2026-12-02");

	/* the last word counts */
	begin(ROUTE_COMPLAINT, "2026-11-20", "2026-12-31");
	ok(EV_CLOSED, "2026-11-24");
	ok(EV_REOPENED, "2026-11-25");
	ok(EV_WITHDRAWN, "2026-11-26");
	status_is(CASE_WITHDRAWN, 1);
}

/* --- routes other than a complaint --------------------------------------- */

static void
test_other_routes(void **unused)
{
	static const enum route answered[] = { ROUTE_COMMENT, ROUTE_CONCERN, ROUTE_REQUEST };
	static const enum route unanswered[] = { ROUTE_COMPLIMENT, ROUTE_ANONYMOUS };
	char want[256];
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof answered / sizeof *answered; i++) {
		begin(answered[i], "2026-11-20", "2026-12-31");
		status_is(CASE_OPEN, 0);
		snprintf(want, sizeof want, "cannot record Stage 1 extended: this contact is a %s, not "
		         "a complaint", route_name(answered[i]));
		refused(EV_STAGE1_EXTENDED, "2026-11-23", want);
		snprintf(want, sizeof want, "cannot record Stage 2 requested: this contact is a %s, not "
		         "a complaint", route_name(answered[i]));
		refused(EV_STAGE2_REQUESTED, "2026-11-23", want);
		snprintf(want, sizeof want, "cannot record referred to the Ombudsman: this contact is "
		         "a %s, not a complaint", route_name(answered[i]));
		refused(EV_OMBUDSMAN_REFERRED, "2026-11-23", want);
		snprintf(want, sizeof want, "cannot record not accepted, with a coded reason: this "
		         "contact is a %s, not a complaint", route_name(answered[i]));
		refused_ev(DEC(EV_DECLINED, "2026-11-23", DECISION_NONE, REFUSAL_OUT_OF_SCOPE, true),
		           want);
		refused(EV_REDIRECTED, "2026-11-23",
		        "cannot record person told where to take the matter: only a redirected contact "
		        "is redirected");
		refused(EV_THANKS_PASSED, "2026-11-23", "cannot record compliment passed to the staff "
		        "member and their manager: only a compliment is passed on");
		ok(EV_ACKNOWLEDGED, "2026-11-23");
		refused(EV_ACKNOWLEDGED, "2026-11-24",
		        "cannot record acknowledgement sent: it was acknowledged already");
		ok(EV_RESPONSE_SENT, "2026-12-01");
		assert_true(state().responded);
		refused(EV_RESPONSE_SENT, "2026-12-02",
		        "cannot record response sent: the response was sent already");
		ok(EV_NOTE, "2026-12-02");
		ok(EV_CLOSED, "2026-12-02");
		status_is(CASE_CLOSED, 0);
		ok(EV_REOPENED, "2026-12-03");
		ok(EV_WITHDRAWN, "2026-12-04");
		status_is(CASE_WITHDRAWN, 0);
	}
	for (i = 0; i < sizeof unanswered / sizeof *unanswered; i++) {
		begin(unanswered[i], "2026-11-20", "2026-12-31");
		ok(EV_ACKNOWLEDGED, "2026-11-23");
		snprintf(want, sizeof want, "cannot record response sent: this contact is a %s, not a "
		         "complaint", route_name(unanswered[i]));
		refused(EV_RESPONSE_SENT, "2026-11-24", want);
		/* thanks are passed on for a compliment only */
		if (unanswered[i] == ROUTE_COMPLIMENT)
			ok(EV_THANKS_PASSED, "2026-11-24");
		else
			refused(EV_THANKS_PASSED, "2026-11-24", "cannot record compliment passed to the "
			        "staff member and their manager: only a compliment is passed on");
		ok(EV_CLOSED, "2026-11-24");
		status_is(CASE_CLOSED, 0);
	}
}

static void
test_redirected(void **unused)
{
	(void)unused;
	begin(ROUTE_REDIRECTED, "2026-11-20", "2026-12-31");
	status_is(CASE_REDIRECTED, 0);
	/* still live: it is acknowledged and redirected, not reopened */
	refused(EV_REOPENED, "2026-11-23", "cannot record case reopened: the case is open");
	refused(EV_STAGE1_RESPONSE_SENT, "2026-11-23",
	        "cannot record Stage 1 response sent: this contact is a redirected, not a complaint");
	refused(EV_RESPONSE_SENT, "2026-11-23",
	        "cannot record response sent: this contact is a redirected, not a complaint");
	ok(EV_ACKNOWLEDGED, "2026-11-23");
	ok(EV_REDIRECTED, "2026-11-24");
	status_is(CASE_REDIRECTED, 0);
	ok(EV_CLOSED, "2026-11-25");
	status_is(CASE_CLOSED, 0);
	refused(EV_REDIRECTED, "2026-11-26",
	        "cannot record person told where to take the matter: the case is closed (reopen it "
	        "first)");
}

/* The stage a case is at, through every turn. */
static void
test_stage_numbers(void **unused)
{
	(void)unused;
	begin(ROUTE_COMPLAINT, "2026-11-20", "2027-06-30");
	status_is(CASE_OPEN, 1);
	ok(EV_OMBUDSMAN_REFERRED, "2026-12-21"); /* early: the council delays */
	status_is(CASE_OPEN, 1);
	/* and the council can still answer late */
	ok(EV_STAGE1_RESPONSE_SENT, "2027-01-08");
	begin(ROUTE_COMMENT, "2026-11-20", "2027-06-30");
	status_is(CASE_OPEN, 0);
	/* no events: nothing known, nothing open */
	ntl = 0;
	status_is(CASE_OPEN, 0);
	route = ROUTE_REDIRECTED;
	status_is(CASE_REDIRECTED, 0);
}

/* A whole history, given at once in any order: possible, or refused with
 * a message naming the events that conflict. */
static struct wf_event hist[24];
static size_t nhist;

static void
h_begin(const char *received)
{
	memset(hist, 0, sizeof hist);
	hist[0] = E(EV_RECEIVED, received);
	nhist = 1;
}

static void
h_add(enum event_type t, const char *date)
{
	assert_true(nhist < sizeof hist / sizeof *hist);
	hist[nhist++] = E(t, date);
}

static void
h_ok(void)
{
	struct err err = { "" };

	if (workflow_history_check(ROUTE_COMPLAINT, hist, nhist, &err) != 0)
		fail_msg("history refused: %s", err.msg);
}

static void
h_refused(const char *msg)
{
	struct err err = { "" };

	if (workflow_history_check(ROUTE_COMPLAINT, hist, nhist, &err) == 0)
		fail_msg("history of %zu events allowed; want \"%s\"", nhist, msg);
	if (strcmp(err.msg, msg) != 0)
		fail_msg("history refused with \"%s\", want \"%s\"", err.msg, msg);
}

static void
test_history_possible(void **state)
{
	(void)state;
	h_begin("2026-01-05");
	h_add(EV_STAGE3_RESPONSE_SENT, "2026-06-01"); /* in any order */
	h_add(EV_STAGE1_EXTENDED, "2026-01-10");
	h_add(EV_STAGE1_RESPONSE_SENT, "2026-01-20");
	h_add(EV_STAGE2_REQUESTED, "2026-01-25");
	h_add(EV_STATEMENT_AGREED, "2026-02-01");
	h_add(EV_STAGE2_EXTENDED, "2026-02-02");
	h_add(EV_STAGE2_RESPONSE_SENT, "2026-03-01");
	h_add(EV_STAGE3_REQUESTED, "2026-03-05");
	h_add(EV_PANEL_DATE, "2026-04-01");
	h_add(EV_PANEL_DATE, "2026-04-08"); /* rearranged */
	h_add(EV_PANEL_HELD, "2026-04-08");
	h_add(EV_FINDINGS_SENT, "2026-04-08");
	h_add(EV_PAUSED, "2026-02-10");
	h_add(EV_RESUMED, "2026-02-10"); /* the same day */
	h_add(EV_PAUSED, "2026-02-20");
	h_add(EV_RESUMED, "2026-02-25");
	h_ok();
}

static void
test_history_impossible(void **state)
{
	(void)state;
	h_begin("2026-01-05");
	h_add(EV_STAGE1_RESPONSE_SENT, "2026-01-20");
	h_add(EV_STAGE2_REQUESTED, "2026-02-10");
	h_add(EV_STAGE2_RESPONSE_SENT, "2026-02-01");
	h_refused("impossible history: Stage 2 response sent (2026-02-01) is before Stage 2 "
	          "requested (2026-02-10)");
	h_begin("2026-01-05");
	h_add(EV_STAGE2_RESPONSE_SENT, "2026-02-01");
	h_refused("impossible history: Stage 2 response sent (2026-02-01) with no Stage 2 "
	          "requested");
	h_begin("2026-01-05");
	h_add(EV_STAGE1_RESPONSE_SENT, "2026-01-20");
	h_add(EV_STAGE2_REQUESTED, "2026-01-25");
	h_add(EV_STAGE2_RESPONSE_SENT, "2026-03-01");
	h_add(EV_STAGE3_REQUESTED, "2026-02-20");
	h_refused("impossible history: Stage 3 requested (2026-02-20) is before Stage 2 "
	          "response sent (2026-03-01)");
	hist[nhist - 1] = E(EV_STAGE3_REQUESTED, "2026-03-05");
	h_add(EV_PANEL_HELD, "2026-03-04");
	h_refused("impossible history: review panel met (2026-03-04) is before Stage 3 requested "
	          "(2026-03-05)");
	hist[nhist - 1] = E(EV_PANEL_HELD, "2026-03-20");
	h_add(EV_FINDINGS_SENT, "2026-03-19");
	h_refused("impossible history: panel findings sent (2026-03-19) is before review panel met "
	          "(2026-03-20)");
	h_begin("2026-01-05");
	h_add(EV_FINDINGS_SENT, "2026-03-19");
	h_refused("impossible history: panel findings sent (2026-03-19) with no review panel met");
	h_begin("2026-01-05");
	h_add(EV_STAGE1_RESPONSE_SENT, "2026-01-20");
	h_add(EV_STAGE2_REQUESTED, "2026-01-25");
	h_add(EV_STATEMENT_AGREED, "2026-01-22");
	h_refused("impossible history: statement of complaint agreed (2026-01-22) is before Stage 2 "
	          "requested (2026-01-25)");
	h_begin("2026-01-05");
	h_add(EV_STAGE2_EXTENDED, "2026-01-22");
	h_refused("impossible history: Stage 2 extended (2026-01-22) with no Stage 2 requested");
	h_begin("2026-01-05");
	h_add(EV_PANEL_DATE, "2026-03-22");
	h_refused("impossible history: review panel arranged for this date (2026-03-22) with no Stage 3 "
	          "requested");
	h_begin("2026-01-05");
	h_add(EV_STAGE1_RESPONSE_SENT, "2026-01-20");
	h_add(EV_STAGE1_EXTENDED, "2026-01-21");
	h_refused("impossible history: Stage 1 extended (2026-01-21) is after Stage 1 response "
	          "sent (2026-01-20)");
	h_begin("2026-01-05");
	h_add(EV_RESUMED, "2026-01-21");
	h_refused("impossible history: internal target resumed (2026-01-21) with no internal target paused");
	h_add(EV_PAUSED, "2026-01-22");
	h_refused("impossible history: internal target resumed (2026-01-21) is before internal target paused "
	          "(2026-01-22)");
	h_begin("2026-01-05");
	h_add(EV_PAUSED, "2026-01-12");
	h_add(EV_RESUMED, "2026-01-14");
	h_add(EV_RESUMED, "2026-01-21");
	h_refused("impossible history: internal target resumed (2026-01-21) with no pause since internal target "
	          "resumed (2026-01-14)");
	h_begin("2026-01-05");
	h_add(EV_RECEIVED, "2026-01-07");
	h_refused("impossible history: complaint received twice (2026-01-05 and 2026-01-07); it "
	          "happens once");
	h_begin("2026-01-05");
	h_add(EV_STAGE1_RESPONSE_SENT, "2026-01-20");
	h_add(EV_STAGE1_RESPONSE_SENT, "2026-01-12");
	h_refused("impossible history: Stage 1 response sent twice (2026-01-12 and 2026-01-20); "
	          "it happens once");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_every_stage),
		cmocka_unit_test(test_side_steps),
		cmocka_unit_test(test_stage_order),
		cmocka_unit_test(test_once_only),
		cmocka_unit_test(test_extension_after_response),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_panel_date_planned),
		cmocka_unit_test(test_date_before_the_step_it_follows),
		cmocka_unit_test(test_refuse_stage2),
		cmocka_unit_test(test_refuse_stage3),
		cmocka_unit_test(test_request_again_after_refusal),
		cmocka_unit_test(test_decline),
		cmocka_unit_test(test_closed_until_reopened),
		cmocka_unit_test(test_statuses),
		cmocka_unit_test(test_other_routes),
		cmocka_unit_test(test_redirected),
		cmocka_unit_test(test_stage_numbers),
		cmocka_unit_test(test_history_possible),
		cmocka_unit_test(test_history_impossible),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
