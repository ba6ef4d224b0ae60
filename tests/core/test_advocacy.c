/* test_advocacy.c - who may be offered an advocate, at the edges of each age. */
#include "testutil.h"

#include "redress/advocacy.h"

static bool
eligible(const char *dob, unsigned flags, const char *on)
{
	char why[128];

	return advocacy_eligible(D(dob), flags, D(on), why, sizeof why);
}

static void
test_age(void **state)
{
	(void)state;
	assert_int_equal(advocacy_age(D("2008-11-20"), D("2026-11-19")), 17);
	assert_int_equal(advocacy_age(D("2008-11-20"), D("2026-11-20")), 18);
	assert_int_equal(advocacy_age(D("2008-02-29"), D("2026-02-28")), 17);
	assert_int_equal(advocacy_age(D("2008-02-29"), D("2026-03-01")), 18);
}

static void
test_ages(void **state)
{
	(void)state;
	/* every child and young person under 18 */
	assert_true(eligible("2008-11-21", 0, "2026-11-20"));
	assert_false(eligible("2008-11-20", 0, "2026-11-20"));
	/* in or leaving care: to 21, or 24 in education */
	assert_true(eligible("2005-11-21", ADVOCACY_IN_CARE, "2026-11-20"));
	assert_false(eligible("2005-11-20", ADVOCACY_IN_CARE, "2026-11-20"));
	assert_true(eligible("2002-11-21", ADVOCACY_IN_CARE | ADVOCACY_IN_EDUCATION, "2026-11-20"));
	assert_false(eligible("2002-11-20", ADVOCACY_IN_CARE | ADVOCACY_IN_EDUCATION, "2026-11-20"));
	assert_false(eligible("2004-01-01", ADVOCACY_IN_EDUCATION, "2026-11-20"));
	/* disabled: to 25 */
	assert_true(eligible("2001-11-21", ADVOCACY_DISABLED, "2026-11-20"));
	assert_false(eligible("2001-11-20", ADVOCACY_DISABLED, "2026-11-20"));
	/* a plan does not take anyone under 18 out */
	assert_true(eligible("2020-01-01", ADVOCACY_CP_PLAN, "2026-11-20"));
	assert_false(eligible("2027-01-01", 0, "2026-11-20"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_ages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
