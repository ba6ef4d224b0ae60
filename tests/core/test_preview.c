/* test_preview.c - what a step would do to a case's clocks, said before it
 * is recorded: closed (met, missed by N), stopped, moved, opened. */
#include <stdbool.h>

#include "testutil.h"

#include "redress/err.h"
#include "redress/preview.h"
#include "redress/profile.h"
#include "redress/share.h"

static struct calendar ew;
static struct profile statutory;
static struct preview pv[PROFILE_RULES_MAX];
static size_t npv;

#define EV(t, d) { .type = (t), .date = D(d) }
#define NEV(a) (sizeof (a) / sizeof *(a))

static int
setup(void **state)
{
	struct err err;

	setenv("REDRESS_SHARE", testutil_share(), 0);
	testutil_calendar_setup(&ew, state);
	if (share_profile("statutory", &statutory, &err) != 0)
		fail_msg("profile: %s", err.msg);
	return 0;
}

static void
run(const struct wf_event *ev, size_t n, struct wf_event next, const char *today)
{
	struct err err;

	if (clock_preview(&statutory, &ew, ROUTE_COMPLAINT, ev, n, &next, D(today), pv,
	                  PROFILE_RULES_MAX, &npv, &err) != 0)
		fail_msg("clock_preview: %s", err.msg);
}

/* Asserts that one effect, in words, is among those of the last run. */
static void
says(const char *want)
{
	char buf[256], all[2048] = "";
	size_t i;

	for (i = 0; i < npv; i++) {
		preview_describe(&pv[i], buf, sizeof buf);
		if (strcmp(buf, want) == 0)
			return;
		strncat(all, buf, sizeof all - strlen(all) - 3);
		strcat(all, "; ");
	}
	fail_msg("no \"%s\" among: %s", want, all);
}

/* A late Stage 1 response: the 10-day clock missed by 2, the 20-day
 * maximum met, the complainant's 20 days to ask for Stage 2 opened. */
static void
test_response_late(void **state)
{
	struct wf_event ev[] = { EV(EV_RECEIVED, "2026-11-20") };
	struct wf_event next = EV(EV_STAGE1_RESPONSE_SENT, "2026-12-08");

	(void)state;
	run(ev, NEV(ev), next, "2026-12-08");
	assert_int_equal(npv, 3);
	says("closes Stage 1 response (due 2026-12-04): missed by 2 working days");
	says("closes Stage 1 response, extended maximum (due 2026-12-18): met");
	says("opens Stage 2 request window: due on 2027-01-08");
}

/* An extension moves the date it extends; a withdrawal stops what is open;
 * a note does nothing to any clock. */
static void
test_extend_withdraw_note(void **state)
{
	struct wf_event ev[] = { EV(EV_RECEIVED, "2026-11-20") };
	struct wf_event next = EV(EV_STAGE1_EXTENDED, "2026-12-01");

	(void)state;
	run(ev, NEV(ev), next, "2026-12-01");
	says("moves Stage 1 response from 2026-12-04: due on 2026-12-18");
	next = (struct wf_event)EV(EV_WITHDRAWN, "2026-12-01");
	run(ev, NEV(ev), next, "2026-12-01");
	says("stops Stage 1 response (due 2026-12-04): no longer counted");
	next = (struct wf_event)EV(EV_NOTE, "2026-12-01");
	run(ev, NEV(ev), next, "2026-12-01");
	assert_int_equal(npv, 0);
}

/* An extension agreed to a date: the date moves to it within the longest
 * the profile allows (20 working days at Stage 1); a date past that (a
 * typo of a year, or more than the Regulations allow) is said, as the
 * longest stands while the timeline keeps the date agreed. */
static void
test_extend_agreed_past_longest(void **state)
{
	struct wf_event ev[] = { EV(EV_RECEIVED, "2026-11-20") };
	struct wf_event next = EV(EV_STAGE1_EXTENDED, "2026-12-01");
	struct deadline dl[PROFILE_RULES_MAX];
	struct clock_event ce[2];
	struct err err;
	char why[512];
	size_t n, i;

	(void)state;
	next.has_until = true;
	next.until = D("2026-12-10");
	run(ev, NEV(ev), next, "2026-12-01");
	says("moves Stage 1 response from 2026-12-04: due on 2026-12-10");
	next.until = D("2062-12-10");
	run(ev, NEV(ev), next, "2026-12-01");
	says("moves Stage 1 response from 2026-12-04: due on 2026-12-18, the longest allowed (the "
	     "date agreed, 2062-12-10, is past it)");
	/* and the deadline's explanation says so too */
	memset(ce, 0, sizeof ce);
	ce[0].type = EV_RECEIVED;
	ce[0].date = D("2026-11-20");
	ce[1].type = EV_STAGE1_EXTENDED;
	ce[1].date = D("2026-12-01");
	ce[1].has_until = true;
	ce[1].until = D("2062-12-10");
	if (clock_compute(&statutory, &ew, ROUTE_COMPLAINT, ce, 2, D("2026-12-01"), dl,
	                  PROFILE_RULES_MAX, &n, &err) != 0)
		fail_msg("clock_compute: %s", err.msg);
	for (i = 0; i < n && strcmp(dl[i].rule->key, "stage1_response") != 0; i++)
		;
	assert_true(i < n);
	assert_true(dl[i].agreed_capped);
	clock_explain(&dl[i], why, sizeof why);
	assert_non_null(strstr(why, "the date agreed, 2062-12-10, is past that maximum"));
}

/* A panel arranged to sit after the date it must meet by (30 working days
 * from the Stage 3 request of Mon 2 Nov, day 1 the 3rd: Mon 14 Dec) is said, with how many
 * working days after; one arranged in time says nothing of it. */
static void
test_panel_arranged_late(void **state)
{
	struct wf_event ev[] = { EV(EV_RECEIVED, "2026-06-01"), EV(EV_STAGE3_REQUESTED, "2026-11-02") };
	struct wf_event next = EV(EV_PANEL_DATE, "2026-12-18");
	char buf[256];
	size_t i;

	(void)state;
	run(ev, NEV(ev), next, "2026-11-20");
	says("Review panel meets (due 2026-12-14): the panel sits on 2026-12-18, 4 working days "
	     "after it");
	next = (struct wf_event)EV(EV_PANEL_DATE, "2026-12-14");
	run(ev, NEV(ev), next, "2026-11-20");
	for (i = 0; i < npv; i++)
		assert_null(strstr(preview_describe(&pv[i], buf, sizeof buf), "the panel sits"));
}

/* A deadline settled before the step is not closed again. */
static void
test_settled_stays(void **state)
{
	struct wf_event ev[] = { EV(EV_RECEIVED, "2026-11-20"),
		                 EV(EV_STAGE1_RESPONSE_SENT, "2026-12-01") };
	struct wf_event next = EV(EV_STAGE2_REQUESTED, "2026-12-03");

	(void)state;
	run(ev, NEV(ev), next, "2026-12-03");
	says("closes Stage 2 request window (due 2026-12-31): met");
	assert_int_equal(npv, 3); /* and Stage 2's two response clocks open */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_response_late),
		cmocka_unit_test(test_extend_withdraw_note),
		cmocka_unit_test(test_settled_stays),
		cmocka_unit_test(test_extend_agreed_past_longest),
		cmocka_unit_test(test_panel_arranged_late),
	};

	return cmocka_run_group_tests(tests, setup, testutil_calendar_teardown);
}
