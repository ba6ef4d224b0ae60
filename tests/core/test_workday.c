/* test_workday.c - working days over the England and Wales calendar: the
 * counting every statutory clock uses, checked against dates worked by hand. */
#include "testutil.h"

#include "redress/date.h"
#include "redress/err.h"
#include "redress/holiday.h"
#include "redress/workday.h"

static struct calendar ew;

static int
setup(void **state)
{
	return testutil_calendar_setup(&ew, state);
}

/* Asserts that n working days from `from` is `want`. */
static void
add(const char *from, int32_t n, const char *want)
{
	struct date d;
	struct err err;
	char got[DATE_STRLEN];

	memset(&err, 0, sizeof err);
	if (workday_add(&ew, D(from), n, &d, &err) != 0)
		fail_msg("%s %+d working days: %s", from, (int)n, err.msg);
	date_format(d, got);
	if (strcmp(got, want) != 0)
		fail_msg("%s %+d working days is %s, want %s", from, (int)n, got, want);
}

static void
test_weekend_start(void **state)
{
	(void)state;
	/* received on Friday, Saturday or Sunday: the same clock */
	add("2026-11-20", 1, "2026-11-23");
	add("2026-11-21", 1, "2026-11-23");
	add("2026-11-22", 1, "2026-11-23");
	add("2026-11-20", 10, "2026-12-04");
	add("2026-11-21", 10, "2026-12-04");
	add("2026-11-22", 10, "2026-12-04");
	add("2026-11-23", 1, "2026-11-24");
	add("2026-11-23", 5, "2026-11-30");
}

static void
test_zero(void **state)
{
	(void)state;
	add("2026-11-20", 0, "2026-11-20");
	add("2026-11-23", 0, "2026-11-23");
	add("2026-11-21", 0, "2026-11-23");
	add("2026-11-22", 0, "2026-11-23");
	/* Christmas Friday, weekend, Boxing Day substitute Monday 28 */
	add("2026-12-25", 0, "2026-12-29");
	add("2026-04-03", 0, "2026-04-07");
}

static void
test_backwards(void **state)
{
	(void)state;
	add("2026-11-23", -1, "2026-11-20");
	add("2026-11-21", -1, "2026-11-20");
	add("2026-11-22", -1, "2026-11-20");
	add("2026-12-29", -1, "2026-12-24");
	/* back over 1 January 2027, 28 and 25 December 2026 */
	add("2027-01-08", -10, "2026-12-22");
	add("2027-01-05", -10, "2026-12-17");
	add("2028-01-04", -1, "2027-12-31");
	add("2026-04-07", -1, "2026-04-02");
}

static void
test_christmas_2026(void **state)
{
	(void)state;
	/* 21-24 Dec (4), 29-31 Dec (7), 4-6 Jan 2027 (10): not 25 or 28 Dec,
	 * nor 1 Jan 2027 */
	add("2026-12-18", 10, "2027-01-06");
	add("2026-12-24", 1, "2026-12-29");
	add("2026-12-31", 1, "2027-01-04");
}

static void
test_christmas_2027(void **state)
{
	(void)state;
	/* Christmas on Saturday: Monday 27 and Tuesday 28 are holidays; New Year
	 * 2028 on Saturday: Monday 3 January is.  13-17, 20-24, 29-31 Dec (13),
	 * 4-7 Jan (17), 10-12 Jan (20). */
	add("2027-12-10", 20, "2028-01-12");
	add("2027-12-17", 20, "2028-01-19");
	add("2027-12-24", 1, "2027-12-29");
	add("2027-12-24", 5, "2028-01-05");
	add("2027-12-31", 1, "2028-01-04");
	add("2027-12-24", -1, "2027-12-23");
}

static void
test_easter_and_one_offs(void **state)
{
	(void)state;
	/* Good Friday 3 and Easter Monday 6 April 2026 */
	add("2026-04-02", 1, "2026-04-07");
	add("2026-04-02", 2, "2026-04-08");
	add("2026-04-04", 0, "2026-04-07");
	add("2026-03-27", 10, "2026-04-14");
	/* moved and one-off holidays count as listed */
	add("2020-05-01", 1, "2020-05-04");
	add("2020-05-07", 1, "2020-05-11");
	add("2022-05-27", 1, "2022-05-30");
	add("2022-06-01", 1, "2022-06-06");
	add("2022-09-16", 1, "2022-09-20");
	add("2023-05-05", 1, "2023-05-09");
	/* projected years beyond the list */
	add("2032-12-24", 1, "2032-12-29");
	add("2033-12-23", 1, "2033-12-28");
	add("2033-12-30", 1, "2034-01-03");
}

static void
test_out_of_range(void **state)
{
	struct date d;
	struct err err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(workday_add(&ew, D("9999-12-30"), 5, &d, &err), -1);
	assert_true(err.msg[0] != '\0');
	memset(&err, 0, sizeof err);
	assert_int_equal(workday_add(&ew, D("1600-01-04"), -5, &d, &err), -1);
	assert_true(err.msg[0] != '\0');
}

static void
test_between(void **state)
{
	(void)state;
	assert_int_equal(workday_between(&ew, D("2026-11-20"), D("2026-11-20")), 0);
	assert_int_equal(workday_between(&ew, D("2026-11-21"), D("2026-11-21")), 0);
	assert_int_equal(workday_between(&ew, D("2026-11-20"), D("2026-11-23")), 1);
	assert_int_equal(workday_between(&ew, D("2026-11-20"), D("2026-11-22")), 0);
	assert_int_equal(workday_between(&ew, D("2026-11-21"), D("2026-11-23")), 1);
	assert_int_equal(workday_between(&ew, D("2026-11-23"), D("2026-11-20")), -1);
	assert_int_equal(workday_between(&ew, D("2026-12-18"), D("2027-01-06")), 10);
	assert_int_equal(workday_between(&ew, D("2027-01-06"), D("2026-12-18")), -10);
	assert_int_equal(workday_between(&ew, D("2027-12-10"), D("2028-01-12")), 20);
	assert_int_equal(workday_between(&ew, D("2026-12-24"), D("2026-12-28")), 0);
	assert_int_equal(workday_between(&ew, D("2026-01-01"), D("2027-01-01")), 253);
}

/* Over three years, between() undoes add() and agrees with a day-by-day
 * count of working days. */
static void
test_between_inverts_add(void **state)
{
	struct date a, b, start = D("2026-01-01"), end = D("2028-12-31");
	struct err err;
	int32_t n, count;

	(void)state;
	for (a = start; a.day <= end.day; a = date_add_days(a, 1)) {
		count = 0;
		b = a;
		for (n = 1; n <= 30; n++) {
			if (workday_add(&ew, a, n, &b, &err) != 0)
				fail_msg("%s", err.msg);
			if (!workday_is(&ew, b))
				fail_msg("day %d + %d lands on a day off", (int)a.day, (int)n);
			/* back from b to a: a counts when it is a working day, b does not */
			if (workday_between(&ew, a, b) != n ||
			    workday_between(&ew, b, a) != -(n - !workday_is(&ew, a))) {
				char sa[DATE_STRLEN], sb[DATE_STRLEN];

				fail_msg("%s + %d = %s, but between gives %d", date_format(a, sa),
				         (int)n, date_format(b, sb), (int)workday_between(&ew, a, b));
			}
		}
		/* from any day, going back n and counting back meet: workdays and
		 * workday agree in both directions (2019-04-19, Good Friday, back
		 * 12 is 2019-04-03, and from there 12 back is 2019-04-03) */
		for (n = 1; n <= 30; n++) {
			if (workday_add(&ew, a, -n, &b, &err) != 0)
				fail_msg("%s", err.msg);
			if (workday_between(&ew, a, b) != -n) {
				char sa[DATE_STRLEN], sb[DATE_STRLEN];

				fail_msg("%s - %d = %s, but between gives %d", date_format(a, sa),
				         (int)n, date_format(b, sb), (int)workday_between(&ew, a, b));
			}
		}
		/* from a working day, going back n and counting forward meet */
		if (workday_is(&ew, a)) {
			for (n = 1; n <= 30; n++) {
				if (workday_add(&ew, a, -n, &b, &err) != 0)
					fail_msg("%s", err.msg);
				assert_true(workday_is(&ew, b));
				assert_int_equal(workday_between(&ew, b, a), n);
			}
		}
		for (b = date_add_days(a, 1); b.day <= a.day + 20; b = date_add_days(b, 1)) {
			count += workday_is(&ew, b);
			assert_int_equal(workday_between(&ew, a, b), count);
		}
	}
}

/* Counting by formula inside the precomputed years, and day by day outside
 * them, must agree everywhere, across the table's edges too. */
static void
test_between_long_spans(void **state)
{
	static const char *const spans[][2] = {
		{ "1899-12-01", "1900-02-01" }, { "2200-11-20", "2201-01-31" },
		{ "1950-06-15", "2150-03-09" }, { "2014-12-24", "2031-01-02" },
		{ "1600-01-01", "1600-12-31" }, { "9998-12-01", "9999-12-31" },
	};
	struct date a, b, d;
	size_t i;
	int32_t count, back;

	(void)state;
	for (i = 0; i < sizeof spans / sizeof spans[0]; i++) {
		a = D(spans[i][0]);
		b = D(spans[i][1]);
		count = 0;
		for (d = date_add_days(a, 1); d.day <= b.day; d = date_add_days(d, 1))
			count += workday_is(&ew, d);
		/* back from b to a: [a, b) */
		back = count + workday_is(&ew, a) - workday_is(&ew, b);
		if (workday_between(&ew, a, b) != count || workday_between(&ew, b, a) != -back)
			fail_msg("(%s, %s]: between gives %d and %d, day by day %d and %d", spans[i][0],
			         spans[i][1], (int)workday_between(&ew, a, b),
			         (int)workday_between(&ew, b, a), (int)count, (int)-back);
	}
}

static void
reason(const char *day, enum workday_reason want, const char *name)
{
	struct holiday h;
	enum workday_reason got;

	memset(&h, 0, sizeof h);
	got = workday_reason(&ew, D(day), &h);
	if (got != want)
		fail_msg("%s: reason %d, want %d", day, (int)got, (int)want);
	assert_int_equal(workday_is(&ew, D(day)), want == WORKDAY_WORKING);
	assert_int_equal(workday_reason(&ew, D(day), NULL), want);
	if (name != NULL) {
		assert_string_equal(h.name, name);
		assert_date(h.date, day);
	}
}

static void
test_reason(void **state)
{
	(void)state;
	reason("2026-11-20", WORKDAY_WORKING, NULL);
	reason("2026-11-21", WORKDAY_SATURDAY, NULL);
	reason("2026-11-22", WORKDAY_SUNDAY, NULL);
	reason("2026-12-25", WORKDAY_HOLIDAY, "Christmas Day");
	reason("2026-12-26", WORKDAY_SATURDAY, NULL);
	reason("2026-12-27", WORKDAY_SUNDAY, NULL);
	reason("2026-12-28", WORKDAY_HOLIDAY, "Boxing Day (substitute day)");
	reason("2027-12-25", WORKDAY_SATURDAY, NULL);
	reason("2022-09-19", WORKDAY_HOLIDAY,
	       "Bank holiday for the State Funeral of Queen Elizabeth II");
	reason("2026-04-03", WORKDAY_HOLIDAY, "Good Friday");
	reason("2031-04-11", WORKDAY_HOLIDAY, "Good Friday");
	reason("2026-12-29", WORKDAY_WORKING, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekend_start),
		cmocka_unit_test(test_zero),
		cmocka_unit_test(test_backwards),
		cmocka_unit_test(test_christmas_2026),
		cmocka_unit_test(test_christmas_2027),
		cmocka_unit_test(test_easter_and_one_offs),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_between),
		cmocka_unit_test(test_between_long_spans),
		cmocka_unit_test(test_between_inverts_add),
		cmocka_unit_test(test_reason),
	};

	return cmocka_run_group_tests_name("workday", tests, setup, testutil_calendar_teardown);
}
