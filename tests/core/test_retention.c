/* test_retention.c - the profile's `retention` line (parsed strictly,
 * inherited), the closing date read from a timeline, and the due date. */
#include "testutil.h"

#include "redress/err.h"
#include "redress/profile.h"
#include "redress/retention.h"
#include "redress/share.h"
#include "redress/workflow.h"

static struct profile parent, child;

static const char root[] =
	"profile root\n"
	"calendar england-and-wales\n"
	"retention 6 years after closure\n";

static void
parse(struct profile *p, const char *text)
{
	struct err err;

	if (profile_parse(p, text, strlen(text), "t.profile", &err) != 0)
		fail_msg("did not parse: %s", err.msg);
}

/* Parses text, which must fail with exactly msg. */
static void
parse_bad(const char *text, const char *msg)
{
	struct err err;

	memset(&err, 0, sizeof err);
	assert_int_equal(profile_parse(&child, text, strlen(text), "t.profile", &err), -1);
	assert_string_equal(err.msg, msg);
}

static void
test_parse(void **state)
{
	(void)state;
	parse(&parent, root);
	assert_int_equal(parent.retention_amount, 6);
	assert_int_equal(parent.retention_unit, UNIT_YEARS);
	assert_string_equal(parent.retention_origin, "root");
	assert_int_equal(parent.retention_line, 3);
	parse(&child, "profile x\ninherits root\nretention 1 month after closure\n");
	assert_int_equal(child.retention_amount, 1);
	assert_int_equal(child.retention_unit, UNIT_MONTHS);
	parse(&child, "profile x\ninherits root\nretention  400   days after  closure\n");
	assert_int_equal(child.retention_amount, 400);
	assert_int_equal(child.retention_unit, UNIT_DAYS);
	parse(&child, "profile x\ninherits root\n");
	assert_int_equal(child.retention_amount, 0);
}

static void
test_parse_bad(void **state)
{
	(void)state;
	parse_bad("profile x\ninherits root\n\nretention 6 years\n",
	          "t.profile:4: retention: expected N UNIT after closure, e.g. \"retention 6 years "
	          "after closure\"");
	parse_bad("profile x\ninherits root\nretention 6 years after receipt\n",
	          "t.profile:3: retention: expected N UNIT after closure, e.g. \"retention 6 years "
	          "after closure\"");
	parse_bad("profile x\ninherits root\nretention 6 years after closure now\n",
	          "t.profile:3: retention: expected N UNIT after closure, e.g. \"retention 6 years "
	          "after closure\"");
	parse_bad("profile x\ninherits root\nretention six years after closure\n",
	          "t.profile:3: retention: bad number \"six\" (1 to a hundred years)");
	parse_bad("profile x\ninherits root\nretention 0 years after closure\n",
	          "t.profile:3: retention: bad number \"0\" (1 to a hundred years)");
	parse_bad("profile x\ninherits root\nretention -6 years after closure\n",
	          "t.profile:3: retention: bad number \"-6\" (1 to a hundred years)");
	parse_bad("profile x\ninherits root\nretention 101 years after closure\n",
	          "t.profile:3: retention: bad number \"101\" (1 to a hundred years)");
	parse_bad("profile x\ninherits root\nretention 1201 months after closure\n",
	          "t.profile:3: retention: bad number \"1201\" (1 to a hundred years)");
	parse_bad("profile x\ninherits root\nretention 6 working-days after closure\n",
	          "t.profile:3: retention: unknown unit \"working-days\" (days, weeks, months or "
	          "years)");
	parse_bad("profile x\ninherits root\nretention 6 fortnights after closure\n",
	          "t.profile:3: retention: unknown unit \"fortnights\" (days, weeks, months or "
	          "years)");
	parse_bad("profile x\ninherits root\nretention 6 years after closure\n"
	          "retention 7 years after closure\n",
	          "t.profile:4: retention is given twice");
	/* a retention line is not a rule field */
	parse_bad("profile x\ninherits root\nrule a\n\tretention 6 years after closure\n",
	          "t.profile:4: unknown rule field \"retention\"");
}

static void
test_inherit(void **state)
{
	struct err err;

	(void)state;
	parse(&parent, root);
	parse(&child, "profile x\ninherits root\n");
	assert_int_equal(profile_inherit(&child, &parent, &err), 0);
	assert_int_equal(child.retention_amount, 6);
	assert_int_equal(child.retention_unit, UNIT_YEARS);
	assert_string_equal(child.retention_origin, "root");
	parse(&child, "profile x\ninherits root\n# eight\nretention 8 years after closure\n");
	assert_int_equal(profile_inherit(&child, &parent, &err), 0);
	assert_int_equal(child.retention_amount, 8);
	assert_string_equal(child.retention_origin, "x");
	assert_int_equal(child.retention_line, 4);
}

/* Every shipped profile has the statutory six years, inherited. */
static void
test_shipped(void **state)
{
	char names[32][PROFILE_KEY_MAX];
	size_t n, i;
	struct err err;

	(void)state;
	n = share_list("profile", names, 32);
	assert_true(n >= 7);
	for (i = 0; i < n; i++) {
		if (share_profile(names[i], &child, &err) != 0)
			fail_msg("%s: %s", names[i], err.msg);
		assert_int_equal(child.retention_amount, 6);
		assert_int_equal(child.retention_unit, UNIT_YEARS);
		assert_string_equal(child.retention_origin, "statutory");
	}
}

/* --- the closing date ---------------------------------------------------- */

static struct wf_event ev[8];

static void
at(size_t i, enum event_type type, const char *date)
{
	memset(&ev[i], 0, sizeof ev[i]);
	ev[i].type = type;
	ev[i].date = D(date);
}

static void
test_closed(void **state)
{
	struct date d;

	(void)state;
	at(0, EV_RECEIVED, "2020-03-02");
	at(1, EV_STAGE1_RESPONSE_SENT, "2020-03-13");
	assert_false(retention_closed(ROUTE_COMPLAINT, ev, 2, &d)); /* open */
	at(2, EV_CLOSED, "2020-03-16");
	assert_true(retention_closed(ROUTE_COMPLAINT, ev, 3, &d));
	assert_date(d, "2020-03-16");
	at(3, EV_NOTE, "2020-05-01"); /* a note after closing moves nothing */
	assert_true(retention_closed(ROUTE_COMPLAINT, ev, 4, &d));
	assert_date(d, "2020-03-16");
	at(4, EV_REOPENED, "2020-06-01");
	assert_false(retention_closed(ROUTE_COMPLAINT, ev, 5, &d)); /* open again */
	at(5, EV_CLOSED, "2020-07-01");
	assert_true(retention_closed(ROUTE_COMPLAINT, ev, 6, &d));
	assert_date(d, "2020-07-01"); /* the last closing counts */
	at(1, EV_WITHDRAWN, "2020-03-05");
	assert_true(retention_closed(ROUTE_COMPLAINT, ev, 2, &d));
	assert_date(d, "2020-03-05");
	at(1, EV_DECLINED, "2020-03-04");
	assert_true(retention_closed(ROUTE_COMPLAINT, ev, 2, &d));
	assert_date(d, "2020-03-04");
	at(1, EV_SAFEGUARDING, "2020-03-02");
	assert_true(retention_closed(ROUTE_COMPLAINT, ev, 2, &d));
	assert_date(d, "2020-03-02");
	/* a redirected contact is not open from the start: closed when redirected,
	 * or at receipt when no redirect was recorded */
	at(0, EV_RECEIVED, "2021-04-01");
	assert_true(retention_closed(ROUTE_REDIRECTED, ev, 1, &d));
	assert_date(d, "2021-04-01");
	at(1, EV_REDIRECTED, "2021-04-05");
	assert_true(retention_closed(ROUTE_REDIRECTED, ev, 2, &d));
	assert_date(d, "2021-04-05");
	assert_false(retention_closed(ROUTE_COMPLAINT, ev, 0, &d));
}

static void
test_due(void **state)
{
	struct date due;
	struct err err;

	(void)state;
	parse(&parent, root);
	assert_int_equal(retention_due(&parent, D("2020-03-16"), &due, &err), 0);
	assert_date(due, "2026-03-16");
	/* 29 February + 6 years: the end of February */
	assert_int_equal(retention_due(&parent, D("2020-02-29"), &due, &err), 0);
	assert_date(due, "2026-02-28");
	parse(&child, "profile c\ncalendar e\nretention 18 months after closure\n");
	assert_int_equal(retention_due(&child, D("2020-08-31"), &due, &err), 0);
	assert_date(due, "2022-02-28");
	parse(&child, "profile c\ncalendar e\nretention 2 weeks after closure\n");
	assert_int_equal(retention_due(&child, D("2020-12-25"), &due, &err), 0);
	assert_date(due, "2021-01-08"); /* calendar days: holidays do not count */
	parse(&child, "profile c\ncalendar e\nretention 1 day after closure\n");
	assert_int_equal(retention_due(&child, D("2020-12-31"), &due, &err), 0);
	assert_date(due, "2021-01-01");
	parse(&child, "profile c\ncalendar e\n");
	assert_int_equal(retention_due(&child, D("2020-12-31"), &due, &err), -1);
	assert_string_equal(err.msg, "profile c sets no retention (a line such as \"retention 6 "
	                             "years after closure\", see redress-profile(5))");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_inherit),
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_closed),
		cmocka_unit_test(test_due),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
