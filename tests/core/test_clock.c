/* test_clock.c - deadlines from the shipped profiles and real calendar, dates worked by hand. */
#include <dirent.h>
#include <stdbool.h>

#include "testutil.h"

#include "redress/clock.h"
#include "redress/err.h"
#include "redress/profile.h"
#include "redress/share.h"
#include "redress/workday.h"

static struct calendar ew;
static struct profile statutory, glos, bcp, corporate, oxon, essex;

/* The last computation's deadlines. */
static struct deadline dl[PROFILE_RULES_MAX];
static size_t ndl;

#define EV(t, d) { .type = (t), .date = D(d) }
#define EXT(t, d, u) { .type = (t), .date = D(d), .has_until = true, .until = D(u) }
#define NEV(a) (sizeof (a) / sizeof *(a))

static void
load(const char *name, struct profile *p)
{
	struct err err;

	if (share_profile(name, p, &err) != 0)
		fail_msg("profile %s: %s", name, err.msg);
}

static int
setup(void **state)
{
	/* share_profile() reads REDRESS_SHARE; a bare run finds the tree's share/ */
	setenv("REDRESS_SHARE", testutil_share(), 0);
	testutil_calendar_setup(&ew, state);
	load("statutory", &statutory);
	load("gloucestershire", &glos);
	load("bournemouth", &bcp);
	load("corporate", &corporate);
	load("oxfordshire", &oxon);
	load("essex", &essex);
	return 0;
}

/* Computes the deadlines of a case into dl/ndl. */
static void
run(const struct profile *p, enum route route, const struct clock_event *ev, size_t nev,
    const char *today)
{
	struct err err;

	memset(dl, 0, sizeof dl);
	if (clock_compute(p, &ew, route, ev, nev, D(today), dl, PROFILE_RULES_MAX, &ndl,
	                  &err) != 0)
		fail_msg("clock_compute: %s", err.msg);
}

static const struct deadline *
find(const char *key)
{
	size_t i;

	for (i = 0; i < ndl; i++)
		if (strcmp(dl[i].rule->key, key) == 0)
			return &dl[i];
	return NULL;
}

static const struct deadline *
get(const char *key)
{
	const struct deadline *d = find(key);

	if (d == NULL)
		fail_msg("no deadline %s", key);
	return d;
}

/* Asserts a deadline's statutory date and internal target. */
static void
due(const char *key, const char *date, const char *target)
{
	const struct deadline *d = get(key);
	char a[DATE_STRLEN], b[DATE_STRLEN];

	date_format(d->due, a);
	date_format(d->target, b);
	if (strcmp(a, date) != 0 || strcmp(b, target) != 0)
		fail_msg("%s: due %s target %s, want due %s target %s", key, a, b, date, target);
}

/* Asserts a deadline's state, judged on its statutory date, and its count. */
static void
judged(const char *key, enum clock_state s, int32_t days)
{
	const struct deadline *d = get(key);

	if (d->state != s || d->days != days)
		fail_msg("%s: %s %d, want %s %d", key, clock_state_name(d->state), (int)d->days,
		         clock_state_name(s), (int)days);
}

static void
target_judged(const char *key, enum clock_state s)
{
	const struct deadline *d = get(key);

	if (d->target_state != s)
		fail_msg("%s: target %s, want %s", key, clock_state_name(d->target_state),
		         clock_state_name(s));
}

static void
explains(const char *key, const char *want)
{
	char buf[256];

	clock_explain(get(key), buf, sizeof buf);
	if (strstr(buf, want) == NULL)
		fail_msg("%s is explained \"%s\", want it to say \"%s\"", key, buf, want);
}

/* --- receipt and Stage 1 ------------------------------------------------ */

static void
test_weekend_receipt(void **state)
{
	static const char *const days[] = { "2026-11-20", "2026-11-21", "2026-11-22" };
	size_t i;

	(void)state;
	/* received Friday, Saturday or Sunday: day 1 is Monday 23rd */
	for (i = 0; i < 3; i++) {
		struct clock_event ev[] = { EV(EV_RECEIVED, days[i]) };

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-23");
		assert_int_equal(ndl, 2);
		due("stage1_response", "2026-12-04", "2026-12-04");
		due("stage1_response_max", "2026-12-18", "2026-12-18");
		judged("stage1_response", CLOCK_PENDING, 9);
	}
	/* a Monday receipt is a working day later */
	{
		struct clock_event ev[] = { EV(EV_RECEIVED, "2026-11-23") };

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-23");
		due("stage1_response", "2026-12-07", "2026-12-07");
		judged("stage1_response", CLOCK_PENDING, 10);
	}
}

static void
test_stage1_over_holidays(void **state)
{
	(void)state;
	/* Christmas 2026: 25th, Boxing Day moved to Monday 28th, 1 January */
	{
		struct clock_event ev[] = { EV(EV_RECEIVED, "2026-12-18") };

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-18");
		due("stage1_response", "2027-01-06", "2027-01-06");
		due("stage1_response_max", "2027-01-20", "2027-01-20");
	}
	/* Christmas 2027 on a weekend: 27th, 28th and 3 January 2028 instead */
	{
		struct clock_event ev[] = { EV(EV_RECEIVED, "2027-12-17") };

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-12-17");
		due("stage1_response", "2028-01-05", "2028-01-05");
		due("stage1_response_max", "2028-01-19", "2028-01-19");
	}
	/* Easter 2027: Good Friday 26 March, Easter Monday 29 March */
	{
		struct clock_event ev[] = { EV(EV_RECEIVED, "2027-03-19") };

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-03-19");
		due("stage1_response", "2027-04-06", "2027-04-06");
		due("stage1_response_max", "2027-04-20", "2027-04-20");
	}
}

static void
test_stage1_extension(void **state)
{
	(void)state;
	/* extended without a date: to the maximum, 20 working days */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_EXTENDED, "2026-12-01"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-15"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-16");
		due("stage1_response", "2026-12-18", "2026-12-18");
		assert_true(get("stage1_response")->extended);
		/* answered on working day 17 of an extended Stage 1: on time */
		judged("stage1_response", CLOCK_MET, -3);
		due("stage1_response_max", "2026-12-18", "2026-12-18");
		assert_false(get("stage1_response_max")->extended);
		explains("stage1_response", "20 working days after received 2026-11-20");
		explains("stage1_response", "extended");
	}
	/* extended to an agreed date within the maximum */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EXT(EV_STAGE1_EXTENDED, "2026-12-01", "2026-12-11"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-01");
		due("stage1_response", "2026-12-11", "2026-12-11");
		due("stage1_response_max", "2026-12-18", "2026-12-18");
	}
	/* an agreed date past the maximum is capped at it */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EXT(EV_STAGE1_EXTENDED, "2026-12-01", "2027-03-01"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-01");
		due("stage1_response", "2026-12-18", "2026-12-18");
	}
	/* without an extension the same response is late */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-15"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-16");
		assert_false(get("stage1_response")->extended);
		judged("stage1_response", CLOCK_MISSED, 7);
		judged("stage1_response_max", CLOCK_MET, -3);
	}
}

/* --- chaining from what actually happened ------------------------------ */

static void
test_chain_from_actual_dates(void **state)
{
	(void)state;
	/* a late Stage 1 response moves the Stage 2 request window with it */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-10"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-10");
		judged("stage1_response", CLOCK_MISSED, 4);
		/* 20 working days from 10 December, over Christmas, not from the 4th */
		due("stage2_request", "2027-01-12", "2027-01-12");
		judged("stage2_request", CLOCK_PENDING, 20);
		explains("stage2_request", "stage1_response_sent 2026-12-10");
	}
	/* the whole procedure, each step late or early as it happened */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-10"),
			EV(EV_STAGE2_REQUESTED, "2027-01-08"),
			EV(EV_STATEMENT_AGREED, "2027-01-15"),
			EV(EV_STAGE2_RESPONSE_SENT, "2027-02-19"),
			EV(EV_STAGE3_REQUESTED, "2027-03-05"),
			EV(EV_PANEL_HELD, "2027-04-30"),
			EV(EV_FINDINGS_SENT, "2027-05-06"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-05-07");
		judged("stage2_request", CLOCK_MET, -2);
		/* the Ombudsman counts Stage 2 from the request; the council's target
		 * from the agreed statement: late on one, on time on the other */
		due("stage2_response", "2027-02-12", "2027-02-19");
		judged("stage2_response", CLOCK_MISSED, 5);
		target_judged("stage2_response", CLOCK_MET);
		due("stage2_response_max", "2027-04-13", "2027-04-20");
		judged("stage2_response_max", CLOCK_MET, -35);
		due("stage3_request", "2027-03-19", "2027-03-19");
		judged("stage3_request", CLOCK_MET, -10);
		/* 30 working days over Easter 2027 */
		due("panel", "2027-04-20", "2027-04-20");
		judged("panel", CLOCK_MISSED, 8);
		/* findings run from the day the panel met (over the May bank
		 * holiday), not the day it should have */
		due("panel_findings", "2027-05-10", "2027-05-10");
		assert_false(get("panel_findings")->anchor_projected);
		explains("panel_findings", "panel_held 2027-04-30");
		judged("panel_findings", CLOCK_MET, -2);
		due("stage3_response", "2027-05-27", "2027-05-27");
		judged("stage3_response", CLOCK_PENDING, 14);
		/* no panel date was recorded: no notice clock */
		assert_null(find("panel_notice"));
	}
}

static void
test_chain_projected_until_it_happens(void **state)
{
	(void)state;
	/* before the panel meets, findings and response plan from its due date */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE3_REQUESTED, "2027-03-05"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-03-05");
		due("panel", "2027-04-20", "2027-04-20");
		due("panel_findings", "2027-04-27", "2027-04-27");
		assert_true(get("panel_findings")->anchor_projected);
		assert_date(get("panel_findings")->anchor, "2027-04-20");
		explains("panel_findings", "the due date of panel 2027-04-20");
		due("stage3_response", "2027-05-19", "2027-05-19");
		assert_true(get("stage3_response")->anchor_projected);
		explains("stage3_response", "the due date of panel_findings 2027-04-27");
	}
	/* Bournemouth: the executive director answers within 20 of the panel */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE3_REQUESTED, "2027-03-05"),
		};

		run(&bcp, ROUTE_COMPLAINT, ev, NEV(ev), "2027-03-05");
		due("stage3_response", "2027-05-19", "2027-05-19");
		assert_true(get("stage3_response")->anchor_projected);
	}
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE3_REQUESTED, "2027-03-05"),
			EV(EV_PANEL_HELD, "2027-04-30"),
		};

		run(&bcp, ROUTE_COMPLAINT, ev, NEV(ev), "2027-04-30");
		/* over the early May and spring bank holidays */
		due("stage3_response", "2027-06-01", "2027-06-01");
		assert_false(get("stage3_response")->anchor_projected);
		explains("stage3_response", "20 working days after panel_held 2027-04-30");
	}
}

static void
test_panel_notice(void **state)
{
	const struct profile *ps[] = { &statutory, &bcp };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		/* ten working days before a panel on 8 April 2027, back over Easter */
		{
			struct clock_event ev[] = {
				EV(EV_RECEIVED, "2026-11-20"),
				EV(EV_STAGE3_REQUESTED, "2027-03-05"),
				EV(EV_PANEL_DATE, "2027-04-08"),
			};

			run(ps[i], ROUTE_COMPLAINT, ev, NEV(ev), "2027-03-10");
			due("panel_notice", "2027-03-23", "2027-03-23");
			judged("panel_notice", CLOCK_PENDING, 9);
			explains("panel_notice", "10 working days before panel_date 2027-04-08");
		}
		{
			struct clock_event ev[] = {
				EV(EV_RECEIVED, "2026-11-20"),
				EV(EV_PANEL_DATE, "2027-04-08"),
				EV(EV_PANEL_NOTICE_SENT, "2027-03-24"),
			};

			run(ps[i], ROUTE_COMPLAINT, ev, NEV(ev), "2027-03-24");
			judged("panel_notice", CLOCK_MISSED, 1);
		}
		{
			struct clock_event ev[] = {
				EV(EV_RECEIVED, "2026-11-20"),
				EV(EV_PANEL_DATE, "2027-04-08"),
				EV(EV_PANEL_NOTICE_SENT, "2027-03-22"),
			};

			run(ps[i], ROUTE_COMPLAINT, ev, NEV(ev), "2027-03-24");
			judged("panel_notice", CLOCK_MET, -1);
		}
	}
}

/* --- the deadline never pauses ------------------------------------------ */

static void
test_pause_moves_target_only(void **state)
{
	(void)state;
	/* paused 25 November to 2 December: 5 working days */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_PAUSED, "2026-11-25"),
			EV(EV_RESUMED, "2026-12-02"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-10");
		due("stage1_response", "2026-12-04", "2026-12-11");
		assert_int_equal(get("stage1_response")->paused, 5);
		/* past the deadline: overdue, whatever the target says */
		judged("stage1_response", CLOCK_OVERDUE, 4);
		target_judged("stage1_response", CLOCK_PENDING);
		explains("stage1_response", "paused 5 working days");
	}
	/* two pauses add up: 2 working days and 2 more */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_PAUSED, "2026-11-24"),
			EV(EV_RESUMED, "2026-11-26"),
			EV(EV_PAUSED, "2026-11-30"),
			EV(EV_RESUMED, "2026-12-02"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-03");
		due("stage1_response", "2026-12-04", "2026-12-10");
		assert_int_equal(get("stage1_response")->paused, 4);
		due("stage1_response_max", "2026-12-18", "2026-12-24");
	}
	/* answered within the paused target but after the deadline: missed */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_PAUSED, "2026-11-25"),
			EV(EV_RESUMED, "2026-12-02"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-09"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-10");
		judged("stage1_response", CLOCK_MISSED, 3);
		target_judged("stage1_response", CLOCK_MET);
	}
}

static void
test_paused_past_maximum_is_overdue(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EV(EV_PAUSED, "2026-11-23"),
	};

	(void)state;
	/* still paused on 21 December, past the 20-working-day maximum */
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-21");
	assert_date(get("stage1_response_max")->due, "2026-12-18");
	judged("stage1_response_max", CLOCK_OVERDUE, 1);
	judged("stage1_response", CLOCK_OVERDUE, 11);
	/* the pause has held the target back 20 working days so far */
	assert_int_equal(get("stage1_response_max")->paused, 20);
	target_judged("stage1_response_max", CLOCK_PENDING);
	target_judged("stage1_response", CLOCK_PENDING);
}

static void
test_restart_on_new_information(void **state)
{
	(void)state;
	/* Gloucestershire: new concerns on 30 November restart the target */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_NEW_INFORMATION, "2026-11-30"),
		};

		run(&glos, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-08");
		due("stage1_response", "2026-12-04", "2026-12-14");
		assert_date(get("stage1_response")->target_anchor, "2026-11-30");
		due("stage1_response_max", "2026-12-18", "2026-12-30");
		judged("stage1_response", CLOCK_OVERDUE, 2);
		target_judged("stage1_response", CLOCK_PENDING);
		explains("stage1_response", "received 2026-11-20");
		explains("stage1_response", "target counted from 2026-11-30");
	}
	/* the latest new concerns count */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_NEW_INFORMATION, "2026-12-02"),
			EV(EV_NEW_INFORMATION, "2026-11-30"),
		};

		run(&glos, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-02");
		due("stage1_response", "2026-12-04", "2026-12-16");
	}
	/* so does the formal start after informal resolution */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_STARTED, "2026-11-27"),
		};

		run(&glos, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-27");
		due("stage1_response", "2026-12-04", "2026-12-11");
		/* the statutory profile has no restart */
		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-27");
		due("stage1_response", "2026-12-04", "2026-12-04");
	}
	/* concerns after the response was sent restart nothing */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-03"),
			EV(EV_NEW_INFORMATION, "2026-12-07"),
		};

		run(&glos, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-08");
		due("stage1_response", "2026-12-04", "2026-12-04");
		judged("stage1_response", CLOCK_MET, -1);
	}
}

/* Pausing a paused case does not pause it twice: 24 November to 2 December
 * is 6 working days however many times it was paused in between. */
static void
test_pause_twice_counts_once(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EV(EV_PAUSED, "2026-11-24"),
		EV(EV_PAUSED, "2026-11-30"),
		EV(EV_RESUMED, "2026-12-02"),
	};

	(void)state;
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-03");
	if (get("stage1_response")->paused != 6)
		fail_msg("paused %d working days between 2026-11-24 and 2026-12-02, want 6",
		         (int)get("stage1_response")->paused);
	due("stage1_response", "2026-12-04", "2026-12-14");
}

/* A restart before the response stands when the complainant writes again
 * after it: the target met on 10 December must stay met. */
static void
test_restart_survives_later_information(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EV(EV_NEW_INFORMATION, "2026-11-30"),
		EV(EV_STAGE1_RESPONSE_SENT, "2026-12-10"),
		EV(EV_NEW_INFORMATION, "2026-12-15"),
	};

	(void)state;
	run(&glos, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-16");
	due("stage1_response", "2026-12-04", "2026-12-14");
	judged("stage1_response", CLOCK_MISSED, 4);
	target_judged("stage1_response", CLOCK_MET);
}

/* --- states --------------------------------------------------------------- */

static void
test_states(void **state)
{
	(void)state;
	{
		struct clock_event ev[] = { EV(EV_RECEIVED, "2026-11-20") };

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-01");
		judged("stage1_response", CLOCK_PENDING, 3);
		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-04");
		judged("stage1_response", CLOCK_PENDING, 0); /* due today */
		/* the Saturday after: the date has passed, no working day lost yet */
		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-05");
		judged("stage1_response", CLOCK_OVERDUE, 0);
		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-09");
		judged("stage1_response", CLOCK_OVERDUE, 3);
	}
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-02"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-09");
		judged("stage1_response", CLOCK_MET, -2);
	}
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-04"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-01-08");
		judged("stage1_response", CLOCK_MET, 0);
		/* the complainant's window closes without a request: lapsed, not overdue */
		due("stage2_request", "2027-01-06", "2027-01-06");
		judged("stage2_request", CLOCK_LAPSED, 2);
	}
	/* withdrawn or closed before the response: stopped */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_WITHDRAWN, "2026-12-01"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-21");
		judged("stage1_response", CLOCK_STOPPED, -3);
		judged("stage1_response_max", CLOCK_STOPPED, -13);
	}
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-03"),
			EV(EV_CLOSED, "2026-12-07"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-02-01");
		judged("stage1_response", CLOCK_MET, -1); /* done before the case closed */
		due("stage2_request", "2027-01-05", "2027-01-05");
		judged("stage2_request", CLOCK_STOPPED, -18);
	}
	/* the one-year limit: a complaint thirteen months after the matter */
	{
		struct clock_event ev[] = {
			EV(EV_AWARE, "2025-11-10"),
			EV(EV_RECEIVED, "2026-11-20"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-20");
		due("complaint_time_limit", "2026-11-10", "2026-11-10");
		judged("complaint_time_limit", CLOCK_MISSED, 8);
		assert_int_equal(get("complaint_time_limit")->rule->party, PARTY_COMPLAINANT);
	}
}

static void
test_calendar_units(void **state)
{
	(void)state;
	/* a year from 29 February is 28 February */
	{
		struct clock_event ev[] = {
			EV(EV_AWARE, "2024-02-29"),
			EV(EV_RECEIVED, "2025-02-28"),
		};

		run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2025-02-28");
		due("complaint_time_limit", "2025-02-28", "2025-02-28");
		judged("complaint_time_limit", CLOCK_MET, 0);
	}
	/* Essex: 12 months; Oxfordshire: two (calendar) weeks, 10 weeks */
	{
		struct clock_event ev[] = {
			EV(EV_AWARE, "2025-11-30"),
			EV(EV_RECEIVED, "2026-11-20"),
		};

		run(&essex, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-20");
		due("complaint_time_limit", "2026-11-30", "2026-11-30");
		judged("complaint_time_limit", CLOCK_MET, -6);
	}
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE3_REQUESTED, "2027-03-05"),
		};

		run(&oxon, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-20");
		due("acknowledge", "2026-11-25", "2026-11-25");
		due("informal_resolution", "2026-12-04", "2026-12-04");
		due("stage3_overall", "2027-05-14", "2027-05-14");
	}
}

/* --- the corporate track and other routes -------------------------------- */

static void
test_corporate_from_acknowledgement(void **state)
{
	(void)state;
	/* not yet acknowledged: planned from the acknowledgement's due date */
	{
		struct clock_event ev[] = { EV(EV_RECEIVED, "2026-11-20") };

		run(&corporate, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-20");
		assert_int_equal(ndl, 3);
		due("acknowledge", "2026-11-27", "2026-11-27");
		due("stage1_response", "2026-12-11", "2026-12-11");
		assert_true(get("stage1_response")->anchor_projected);
		assert_date(get("stage1_response")->anchor, "2026-11-27");
		explains("stage1_response", "10 working days after the due date of acknowledge "
		                            "2026-11-27");
		due("stage1_response_max", "2026-12-29", "2026-12-29");
		assert_true(get("stage1_response_max")->anchor_projected);
		/* in order: stage, then date */
		assert_string_equal(dl[0].rule->key, "acknowledge");
		assert_string_equal(dl[1].rule->key, "stage1_response");
		assert_string_equal(dl[2].rule->key, "stage1_response_max");
	}
	/* acknowledged early: counted from the day it was */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_ACKNOWLEDGED, "2026-11-23"),
		};

		run(&corporate, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-23");
		judged("acknowledge", CLOCK_MET, -4);
		due("stage1_response", "2026-12-07", "2026-12-07");
		assert_false(get("stage1_response")->anchor_projected);
		assert_int_equal(get("stage1_response")->anchor_event, EV_ACKNOWLEDGED);
		explains("stage1_response", "acknowledged 2026-11-23");
		due("stage1_response_max", "2026-12-21", "2026-12-21");
	}
	/* Stage 2 under the Code: 20 working days from its acknowledgement */
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_ACKNOWLEDGED, "2026-11-23"),
			EV(EV_STAGE1_RESPONSE_SENT, "2026-12-07"),
			EV(EV_STAGE2_REQUESTED, "2027-01-04"),
		};

		run(&corporate, ROUTE_COMPLAINT, ev, NEV(ev), "2027-01-04");
		due("stage2_acknowledge", "2027-01-11", "2027-01-11");
		due("stage2_response", "2027-02-08", "2027-02-08");
		due("stage2_response_max", "2027-03-08", "2027-03-08");
		/* no Stage 2 request window, no panel on this track */
		assert_null(find("stage2_request"));
		assert_null(find("stage3_request"));
		assert_null(find("complaint_time_limit"));
	}
	{
		struct clock_event ev[] = {
			EV(EV_RECEIVED, "2026-11-20"),
			EV(EV_STAGE2_REQUESTED, "2027-01-04"),
			EV(EV_STAGE2_ACKNOWLEDGED, "2027-01-06"),
		};

		run(&corporate, ROUTE_COMPLAINT, ev, NEV(ev), "2027-01-06");
		due("stage2_response", "2027-02-03", "2027-02-03");
		due("stage2_response_max", "2027-03-03", "2027-03-03");
	}
}

static void
test_routes(void **state)
{
	struct clock_event ev[] = { EV(EV_RECEIVED, "2026-11-20") };

	(void)state;
	/* a comment to Gloucestershire: acknowledged in 2, answered in 20 */
	run(&glos, ROUTE_COMMENT, ev, NEV(ev), "2026-11-20");
	assert_int_equal(ndl, 2);
	due("concern_acknowledge", "2026-11-24", "2026-11-24");
	due("concern_response", "2026-12-18", "2026-12-18");
	assert_null(find("stage1_response"));
	assert_null(find("acknowledge"));
	run(&glos, ROUTE_CONCERN, ev, NEV(ev), "2026-11-20");
	assert_int_equal(ndl, 2);
	run(&glos, ROUTE_REQUEST, ev, NEV(ev), "2026-11-20");
	assert_int_equal(ndl, 2);

	/* redirected elsewhere within 2 */
	run(&glos, ROUTE_REDIRECTED, ev, NEV(ev), "2026-11-20");
	assert_int_equal(ndl, 1);
	due("redirect", "2026-11-24", "2026-11-24");

	/* a complaint gets the complaint's clocks and none of those */
	run(&glos, ROUTE_COMPLAINT, ev, NEV(ev), "2026-11-20");
	assert_int_equal(ndl, 3);
	assert_string_equal(dl[0].rule->key, "acknowledge");
	assert_string_equal(dl[1].rule->key, "stage1_response");
	assert_string_equal(dl[2].rule->key, "stage1_response_max");
	assert_null(find("concern_response"));
	assert_null(find("redirect"));

	/* a compliment runs no clock */
	run(&glos, ROUTE_COMPLIMENT, ev, NEV(ev), "2026-11-20");
	assert_int_equal(ndl, 0);
	run(&statutory, ROUTE_COMMENT, ev, NEV(ev), "2026-11-20");
	assert_int_equal(ndl, 0);
}

static void
test_explain(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EV(EV_STAGE2_REQUESTED, "2027-01-08"),
		EV(EV_STATEMENT_AGREED, "2027-01-15"),
	};
	char small[16];

	(void)state;
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-01-15");
	explains("stage1_response", "10 working days after received 2026-11-20");
	explains("stage2_response", "25 working days after stage2_requested 2027-01-08");
	explains("stage2_response", "target counted from 2027-01-15");
	/* a short buffer is cut, not overrun */
	clock_explain(get("stage2_response"), small, sizeof small);
	assert_int_equal(strlen(small), sizeof small - 1);
}

/* The reason shown beside an extended date must give that date: an agreed
 * date is not "20 working days after" anything. */
static void
test_explain_agreed_extension(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EXT(EV_STAGE1_EXTENDED, "2026-12-01", "2026-12-11"),
	};
	char buf[256];

	(void)state;
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-12-01");
	due("stage1_response", "2026-12-11", "2026-12-11");
	clock_explain(get("stage1_response"), buf, sizeof buf);
	if (strstr(buf, "20 working days after received") != NULL || strstr(buf, "2026-12-11") == NULL)
		fail_msg("due 2026-12-11 (the agreed date) is explained \"%s\"", buf);
}

static void
test_no_events(void **state)
{
	(void)state;
	run(&statutory, ROUTE_COMPLAINT, NULL, 0, "2026-11-20");
	assert_int_equal(ndl, 0);
}

/* An extension agreed after the deadline it extends had passed leaves it
 * missed: received 2026-11-20, due 2026-12-04; extended 2026-12-16 (8
 * working days late), answered 2026-12-16. */
static void
test_extension_after_deadline(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EXT(EV_STAGE1_EXTENDED, "2026-12-16", "2026-12-18"),
		EV(EV_STAGE1_RESPONSE_SENT, "2026-12-16"),
	};
	struct clock_event ok[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EXT(EV_STAGE1_EXTENDED, "2026-12-04", "2026-12-18"), /* on the day: in time */
		EV(EV_STAGE1_RESPONSE_SENT, "2026-12-16"),
	};

	(void)state;
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-01-15");
	due("stage1_response", "2026-12-04", "2026-12-04");
	judged("stage1_response", CLOCK_MISSED, 8);
	explains("stage1_response", "stage1_extended on 2026-12-16, after this date had passed");
	run(&statutory, ROUTE_COMPLAINT, ok, NEV(ok), "2027-01-15");
	due("stage1_response", "2026-12-18", "2026-12-18");
	judged("stage1_response", CLOCK_MET, -2);
}

/* An agreed date earlier than the deadline it extends is refused; one on a
 * day that is not a working day is said so. */
static void
test_extension_agreed_dates(void **state)
{
	struct clock_event early[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EXT(EV_STAGE1_EXTENDED, "2026-11-25", "2026-12-02"),
	};
	struct clock_event saturday[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EXT(EV_STAGE1_EXTENDED, "2026-11-25", "2026-12-12"),
	};
	struct err err = { "" };

	(void)state;
	assert_int_equal(clock_check_extensions(&statutory, &ew, ROUTE_COMPLAINT, early,
	                                        NEV(early), D("2026-11-25"), &err), -1);
	assert_string_equal(err.msg, "Stage 1 extended to 2026-12-02: that is before the deadline "
	                    "it extends (stage1_response, 2026-12-04)");
	assert_int_equal(clock_check_extensions(&statutory, &ew, ROUTE_COMPLAINT, saturday,
	                                        NEV(saturday), D("2026-11-25"), &err), 0);
	run(&statutory, ROUTE_COMPLAINT, saturday, NEV(saturday), "2026-11-25");
	due("stage1_response", "2026-12-12", "2026-12-12");
	explains("stage1_response", "agreed date 2026-12-12 (stage1_extended; not a working day)");
}

/* A stage left for the next without its response: missed on the day the
 * next was asked for, not overdue for ever, and no longer open. */
static void
test_stage_left_without_response(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-11-20"),
		EV(EV_STAGE2_REQUESTED, "2026-12-14"),
	};
	const struct deadline *d;

	(void)state;
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2027-06-30");
	judged("stage1_response", CLOCK_MISSED, 6);       /* due 2026-12-04 */
	judged("stage1_response_max", CLOCK_STOPPED, -4); /* due 2026-12-18: not yet due */
	d = get("stage1_response");
	assert_false(clock_open(d));
	assert_false(clock_open(get("stage1_response_max")));
	assert_true(clock_open(get("stage2_response")));
	explains("stage1_response", "Stage 2 asked for on 2026-12-14 without it");
	/* the request was overdue then: the complainant might ask */
	assert_true(clock_overran(&statutory, &ew, ROUTE_COMPLAINT, ev, 1, EV_STAGE1_RESPONSE_SENT,
	                          D("2026-12-14")));
	assert_false(clock_overran(&statutory, &ew, ROUTE_COMPLAINT, ev, 1, EV_STAGE1_RESPONSE_SENT,
	                           D("2026-12-04")));
}

/* --- the Regulations are a floor ------------------------------------------ */

/* Bournemouth: the executive director's response "within 20 working days of
 * the review panel meeting" cannot outrun reg 20's 15 working days from the
 * findings: panel 2026-04-20, findings 2026-04-21: due 2026-05-13 (4 May a
 * bank holiday), the council's 2026-05-19 its target.  Oxfordshire alike. */
static void
test_regulations_floor_bournemouth(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-01-05"),
		EV(EV_STAGE1_RESPONSE_SENT, "2026-01-12"),
		EV(EV_STAGE2_REQUESTED, "2026-01-13"),
		EV(EV_STAGE2_RESPONSE_SENT, "2026-02-11"),
		EV(EV_STAGE3_REQUESTED, "2026-02-12"),
		EV(EV_PANEL_HELD, "2026-04-20"),
		EV(EV_FINDINGS_SENT, "2026-04-21"),
	};

	(void)state;
	run(&bcp, ROUTE_COMPLAINT, ev, NEV(ev), "2026-04-22");
	due("stage3_response", "2026-05-13", "2026-05-19");
	explains("stage3_response", "15 working days after findings_sent 2026-04-21 (reg 20");
	explains("stage3_response", "give 2026-05-19, its target");
	run(&oxon, ROUTE_COMPLAINT, ev, NEV(ev), "2026-04-22");
	due("stage3_response", "2026-05-13", "2026-05-19");
	/* findings on the fifth day: the council's 20 from the panel is the
	 * Regulations' 15 from the findings, and nothing is floored */
	ev[6] = (struct clock_event)EV(EV_FINDINGS_SENT, "2026-04-27");
	run(&bcp, ROUTE_COMPLAINT, ev, NEV(ev), "2026-04-28");
	due("stage3_response", "2026-05-19", "2026-05-19");
	assert_false(get("stage3_response")->floored);
}

/* A panel date arranged: the findings and the response are planned from it,
 * not from the last day the panel may sit.  Stage 3 asked for 2026-02-12:
 * the panel may sit until 2026-03-26; arranged for 2026-03-02, findings are
 * due 2026-03-09 and the response 2026-03-30. */
static void
test_planned_from_panel_date(void **state)
{
	struct clock_event ev[] = {
		EV(EV_RECEIVED, "2026-01-05"),
		EV(EV_STAGE1_RESPONSE_SENT, "2026-01-12"),
		EV(EV_STAGE2_REQUESTED, "2026-01-13"),
		EV(EV_STAGE2_RESPONSE_SENT, "2026-02-11"),
		EV(EV_STAGE3_REQUESTED, "2026-02-12"),
		EV(EV_PANEL_DATE, "2026-03-02"),
	};

	(void)state;
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev), "2026-02-20");
	due("panel", "2026-03-26", "2026-03-26");
	due("panel_findings", "2026-03-09", "2026-03-09");
	due("stage3_response", "2026-03-30", "2026-03-30");
	explains("panel_findings", "5 working days after the panel date arranged 2026-03-02");
	/* without a date, from the panel's last day */
	run(&statutory, ROUTE_COMPLAINT, ev, NEV(ev) - 1, "2026-02-20");
	due("panel_findings", "2026-04-02", "2026-04-02");
}

/* Every shipped profile on the statutory track, over a grid of histories:
 * no deadline the Regulations set is later than the statutory profile's. */
static bool
floor_corporate_track(const struct profile *p)
{
	struct profile *up = malloc(sizeof *up);
	char name[PROFILE_KEY_MAX];
	bool corporate = strcmp(p->name, "corporate") == 0;
	int depth;

	assert_non_null(up);
	snprintf(name, sizeof name, "%s", p->inherits);
	for (depth = 0; name[0] != '\0' && !corporate && depth < PROFILE_DEPTH_MAX; depth++) {
		corporate = strcmp(name, "corporate") == 0;
		load(name, up);
		snprintf(name, sizeof name, "%s", up->inherits);
	}
	free(up);
	return corporate;
}

static void
test_regulations_floor_every_profile(void **state)
{
	static const char *const received[] = { "2026-03-27", "2026-12-18", "2027-05-01",
	                                        "2026-04-17" };
	static const enum event_type steps[] = {
		EV_STAGE1_EXTENDED, EV_STAGE1_RESPONSE_SENT, EV_STAGE2_REQUESTED,
		EV_STATEMENT_AGREED, EV_STAGE2_EXTENDED, EV_STAGE2_RESPONSE_SENT,
		EV_STAGE3_REQUESTED, EV_PANEL_DATE, EV_PANEL_HELD, EV_FINDINGS_SENT,
		EV_STAGE3_RESPONSE_SENT,
	};
	static const int gaps[2][11] = {
		{ 2, 3, 1, 2, 4, 8, 2, 9, 0, 1, 3 },
		{ 5, 14, 6, 10, 20, 30, 15, 25, 0, 5, 14 },
	};
	struct deadline sdl[PROFILE_RULES_MAX];
	struct profile *p = malloc(sizeof *p);
	char path[1024], a[DATE_STRLEN], b[DATE_STRLEN];
	struct dirent *de;
	size_t nsdl, i, k, r, len, nprof = 0;
	unsigned g;
	DIR *dir;

	(void)state;
	assert_non_null(p);
	snprintf(path, sizeof path, "%s/profiles", testutil_share());
	assert_non_null(dir = opendir(path));
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		load(de->d_name, p);
		if (floor_corporate_track(p))
			continue;
		nprof++;
		for (r = 0; r < sizeof received / sizeof *received; r++)
			for (g = 0; g < 1u << 11; g += 37) /* gaps: one pattern of 2^11 per step */
				for (len = 1; len <= 12; len++) {
					struct clock_event ev[12];
					struct date at = D(received[r]), today;
					struct err err;

					memset(ev, 0, sizeof ev);
					ev[0].type = EV_RECEIVED;
					ev[0].date = at;
					for (k = 1; k < len; k++) {
						int gap = gaps[(g >> (k - 1)) & 1][k - 1];

						if (workday_add(&ew, at, gap, &at, &err) != 0)
							fail_msg("%s", err.msg);
						ev[k].type = steps[k - 1];
						ev[k].date = at;
					}
					today = date_add_days(at, 3);
					if (clock_compute(&statutory, &ew, ROUTE_COMPLAINT, ev, len, today, sdl,
					                  PROFILE_RULES_MAX, &nsdl, &err) != 0)
						fail_msg("statutory: %s", err.msg);
					run(p, ROUTE_COMPLAINT, ev, len, "2026-01-01");
					for (i = 0; i < nsdl; i++) {
						const struct deadline *d;

						if (sdl[i].rule->basis != BASIS_REGULATION ||
						    (d = find(sdl[i].rule->key)) == NULL)
							continue;
						if (d->due.day > sdl[i].due.day)
							fail_msg("%s: %s due %s, later than the Regulations' %s "
							         "(received %s, %zu events, gaps %u)", p->name,
							         sdl[i].rule->key, date_format(d->due, a),
							         date_format(sdl[i].due, b), received[r], len, g);
					}
				}
	}
	closedir(dir);
	free(p);
	assert_true(nprof >= 5); /* statutory, essex, oxfordshire, gloucestershire, bournemouth */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekend_receipt),
		cmocka_unit_test(test_stage1_over_holidays),
		cmocka_unit_test(test_stage1_extension),
		cmocka_unit_test(test_chain_from_actual_dates),
		cmocka_unit_test(test_chain_projected_until_it_happens),
		cmocka_unit_test(test_panel_notice),
		cmocka_unit_test(test_pause_moves_target_only),
		cmocka_unit_test(test_paused_past_maximum_is_overdue),
		cmocka_unit_test(test_pause_twice_counts_once),
		cmocka_unit_test(test_restart_on_new_information),
		cmocka_unit_test(test_restart_survives_later_information),
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_calendar_units),
		cmocka_unit_test(test_corporate_from_acknowledgement),
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_explain_agreed_extension),
		cmocka_unit_test(test_no_events),
		cmocka_unit_test(test_extension_after_deadline),
		cmocka_unit_test(test_extension_agreed_dates),
		cmocka_unit_test(test_stage_left_without_response),
		cmocka_unit_test(test_regulations_floor_bournemouth),
		cmocka_unit_test(test_planned_from_panel_date),
		cmocka_unit_test(test_regulations_floor_every_profile),
	};

	return cmocka_run_group_tests(tests, setup, testutil_calendar_teardown);
}
