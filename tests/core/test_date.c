/* test_date.c - civil dates: strict ISO parsing, calendar arithmetic and
 * London's "today", the ground every statutory clock stands on. */
#include "testutil.h"

#include "redress/date.h"
#include "redress/err.h"

/* Asserts that s is refused with a message that mentions each needle given. */
static void
refuse(const char *s, const char *needle, const char *needle2)
{
	struct date d = { 0 };
	struct err err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = date_parse(s, &d, &err);
	if (rc != -1)
		fail_msg("\"%s\" was accepted (rc %d)", s, rc);
	if (err.msg[0] == '\0')
		fail_msg("\"%s\" was refused without a message", s);
	if (needle != NULL && strstr(err.msg, needle) == NULL)
		fail_msg("refusing \"%s\": \"%s\" does not mention \"%s\"", s, err.msg, needle);
	if (needle2 != NULL && strstr(err.msg, needle2) == NULL)
		fail_msg("refusing \"%s\": \"%s\" does not mention \"%s\"", s, err.msg, needle2);
}

static void
accept(const char *s, int year, int month, int day)
{
	struct date d;
	struct err err;
	char buf[DATE_STRLEN];
	int y, m, dd;

	if (date_parse(s, &d, &err) != 0)
		fail_msg("\"%s\" was refused: %s", s, err.msg);
	date_to_ymd(d, &y, &m, &dd);
	assert_int_equal(y, year);
	assert_int_equal(m, month);
	assert_int_equal(dd, day);
	assert_string_equal(date_format(d, buf), s);
}

static void
test_parse_refuses_malformed(void **state)
{
	(void)state;
	refuse("2026-2-3", "YYYY-MM-DD", NULL);
	refuse("26-02-03", "YYYY-MM-DD", NULL);
	refuse("", "YYYY-MM-DD", NULL);
	refuse("2026/02/03", "YYYY-MM-DD", NULL);
	refuse("20260203", "YYYY-MM-DD", NULL);
	refuse(" 2026-02-03", "YYYY-MM-DD", NULL);
	refuse("+2026-01-01", "YYYY-MM-DD", NULL);
	refuse("-2026-01-01", "YYYY-MM-DD", NULL);
	refuse("2026-02-0", "YYYY-MM-DD", NULL);
	refuse("2026-0a-01", "YYYY-MM-DD", NULL);
	refuse("2026- 2-03", "YYYY-MM-DD", NULL);
}

static void
test_parse_refuses_trailing_text(void **state)
{
	(void)state;
	refuse("2026-02-03x", "after", NULL);
	refuse("2026-02-03 ", "after", NULL);
	refuse("2026-02-03\n", "after", NULL);
	refuse("2026-02-03T10:00", "after", NULL);
	refuse("2026-02-031", "after", NULL);
}

static void
test_parse_refuses_impossible_dates(void **state)
{
	(void)state;
	refuse("2026-02-30", "28", "February");
	refuse("2025-02-29", "28", NULL);
	refuse("1900-02-29", "28", NULL);
	refuse("2100-02-29", "28", NULL);
	refuse("2026-04-31", "30", NULL);
	refuse("2026-13-01", "month", "13");
	refuse("2026-00-10", "month", NULL);
	refuse("2026-01-00", "day", NULL);
	refuse("2026-01-32", "day", NULL);
	/* outside the range every other function relies on */
	refuse("1599-12-31", NULL, NULL);
	refuse("0000-01-01", NULL, NULL);
}

static void
test_parse_accepts_real_dates(void **state)
{
	(void)state;
	accept("2024-02-29", 2024, 2, 29);
	accept("2000-02-29", 2000, 2, 29);
	accept("2026-11-20", 2026, 11, 20);
	accept("2026-12-31", 2026, 12, 31);
	accept("1600-01-01", 1600, 1, 1);
	accept("9999-12-31", 9999, 12, 31);
	assert_int_equal(D("1970-01-01").day, 0);
	assert_int_equal(D("2000-01-01").day, 10957);
	assert_int_equal(D("2026-11-20").day, 20777);
	assert_int_equal(D("1900-01-01").day, -25567);
}

static void
test_parse_without_err(void **state)
{
	struct date d;

	(void)state;
	/* a caller that does not want the message passes NULL */
	assert_int_equal(date_parse("2026-02-30", &d, NULL), -1);
	assert_int_equal(date_parse("2026-02-28", &d, NULL), 0);
	assert_date(d, "2026-02-28");
}

static int
days_in(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* Every day of three centuries formats, parses back and splits into the same
 * year, month and day as an independent count, one weekday after the last. */
static void
test_round_trip_1900_2200(void **state)
{
	struct date d = D("1900-01-01"), end = D("2200-12-31"), back;
	int y = 1900, m = 1, dd = 1, yy, mm, ddd;
	enum weekday w = WEEKDAY_MONDAY;
	char want[48], got[DATE_STRLEN];
	struct err err;
	long count = 0;

	(void)state;
	assert_int_equal(date_weekday(d), WEEKDAY_MONDAY);
	for (;;) {
		snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, dd);
		date_format(d, got);
		if (strcmp(want, got) != 0)
			fail_msg("day %d formats as %s, want %s", (int)d.day, got, want);
		if (date_parse(got, &back, &err) != 0)
			fail_msg("%s does not parse: %s", got, err.msg);
		if (back.day != d.day)
			fail_msg("%s parses to day %d, want %d", got, (int)back.day, (int)d.day);
		date_to_ymd(d, &yy, &mm, &ddd);
		if (yy != y || mm != m || ddd != dd)
			fail_msg("%s splits as %d-%d-%d", want, yy, mm, ddd);
		if (date_year(d) != y)
			fail_msg("%s: date_year %d", want, date_year(d));
		if (date_weekday(d) != w)
			fail_msg("%s: weekday %d, want %d", want, (int)date_weekday(d), (int)w);
		if (!date_in_range(d))
			fail_msg("%s is said to be out of range", want);
		count++;
		if (d.day == end.day)
			break;
		d = date_add_days(d, 1);
		w = w == WEEKDAY_SUNDAY ? WEEKDAY_MONDAY : w + 1;
		if (++dd > days_in(y, m)) {
			dd = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	assert_int_equal(y, 2200);
	assert_int_equal(count, 109938);
}

static void
test_weekdays_of_known_dates(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D("1900-01-01")), WEEKDAY_MONDAY);
	assert_int_equal(date_weekday(D("2000-01-01")), WEEKDAY_SATURDAY);
	assert_int_equal(date_weekday(D("2026-11-22")), WEEKDAY_SUNDAY);
	assert_int_equal(date_weekday(D("2200-12-31")), WEEKDAY_WEDNESDAY);
	assert_int_equal(date_weekday(D("1970-01-01")), WEEKDAY_THURSDAY);
	assert_int_equal(date_weekday(D("1600-01-01")), WEEKDAY_SATURDAY);
	assert_int_equal(date_weekday(D("1969-12-31")), WEEKDAY_WEDNESDAY);
	assert_string_equal(date_weekday_name(WEEKDAY_MONDAY), "Monday");
	assert_string_equal(date_weekday_name(WEEKDAY_SUNDAY), "Sunday");
	assert_string_equal(date_month_name(1), "January");
	assert_string_equal(date_month_name(12), "December");
}

static void
test_leap_years_and_month_lengths(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_true(date_is_leap(1600));
	assert_false(date_is_leap(2026));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2100));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
}

static void
test_from_ymd(void **state)
{
	struct date d;
	struct err err;

	(void)state;
	assert_int_equal(date_from_ymd(2026, 11, 20, &d, &err), 0);
	assert_date(d, "2026-11-20");
	memset(&err, 0, sizeof err);
	assert_int_equal(date_from_ymd(2026, 2, 30, &d, &err), -1);
	assert_non_null(strstr(err.msg, "28"));
	memset(&err, 0, sizeof err);
	assert_int_equal(date_from_ymd(2026, 13, 1, &d, &err), -1);
	assert_non_null(strstr(err.msg, "13"));
	memset(&err, 0, sizeof err);
	assert_int_equal(date_from_ymd(10000, 1, 1, &d, &err), -1);
	assert_true(err.msg[0] != '\0');
	memset(&err, 0, sizeof err);
	assert_int_equal(date_from_ymd(1599, 12, 31, &d, &err), -1);
	assert_true(err.msg[0] != '\0');
}

static void
test_add_days_and_diff(void **state)
{
	(void)state;
	assert_date(date_add_days(D("2024-02-28"), 1), "2024-02-29");
	assert_date(date_add_days(D("2024-02-29"), 1), "2024-03-01");
	assert_date(date_add_days(D("2026-02-28"), 1), "2026-03-01");
	assert_date(date_add_days(D("2000-02-28"), 1), "2000-02-29");
	assert_date(date_add_days(D("1900-02-28"), 1), "1900-03-01");
	assert_date(date_add_days(D("2100-02-28"), 1), "2100-03-01");
	assert_date(date_add_days(D("2026-12-31"), 1), "2027-01-01");
	assert_date(date_add_days(D("2027-01-01"), -1), "2026-12-31");
	assert_date(date_add_days(D("2000-01-01"), 366), "2001-01-01");
	assert_date(date_add_days(D("2026-11-20"), 0), "2026-11-20");
	assert_date(date_add_days(D("2026-03-01"), -1), "2026-02-28");
	assert_date(date_add_days(D("2024-03-01"), -1), "2024-02-29");
	assert_date(date_add_days(D("1969-12-31"), 1), "1970-01-01");

	assert_int_equal(date_diff(D("1900-01-01"), D("2000-01-01")), 36524);
	assert_int_equal(date_diff(D("2000-01-01"), D("2100-01-01")), 36525);
	assert_int_equal(date_diff(D("2100-01-01"), D("2000-01-01")), -36525);
	assert_int_equal(date_diff(D("2024-01-01"), D("2025-01-01")), 366);
	assert_int_equal(date_diff(D("2026-01-01"), D("2027-01-01")), 365);
	assert_int_equal(date_diff(D("2026-11-20"), D("2026-11-20")), 0);
	assert_int_equal(date_diff(D("2026-11-20"), D("2026-12-25")), 35);

	assert_true(date_cmp(D("2026-11-20"), D("2026-11-21")) < 0);
	assert_true(date_cmp(D("2026-11-21"), D("2026-11-20")) > 0);
	assert_int_equal(date_cmp(D("2026-11-20"), D("2026-11-20")), 0);
	assert_true(date_cmp(D("1969-12-31"), D("1970-01-01")) < 0);
}

static void
test_range(void **state)
{
	(void)state;
	assert_true(date_in_range(D("1600-01-01")));
	assert_true(date_in_range(D("9999-12-31")));
	assert_false(date_in_range(date_add_days(D("1600-01-01"), -1)));
	assert_false(date_in_range(date_add_days(D("9999-12-31"), 1)));
}

static void
months(const char *from, int32_t n, const char *want)
{
	struct date d;
	struct err err;

	if (date_add_months(D(from), n, &d, &err) != 0)
		fail_msg("%s %+d months: %s", from, (int)n, err.msg);
	assert_date(d, want);
}

static void
test_add_months(void **state)
{
	struct date d;
	struct err err;

	(void)state;
	months("2026-01-31", 1, "2026-02-28");
	months("2024-01-31", 1, "2024-02-29");
	months("2025-03-31", -1, "2025-02-28");
	months("2026-03-31", 1, "2026-04-30");
	months("2026-11-20", 12, "2027-11-20");
	months("2024-02-29", 12, "2025-02-28");
	months("2024-02-29", 48, "2028-02-29");
	months("2026-12-15", 1, "2027-01-15");
	months("2026-01-15", -1, "2025-12-15");
	months("2026-05-31", -24, "2024-05-31");
	months("2026-11-20", 0, "2026-11-20");
	months("2026-08-31", 6, "2027-02-28");
	months("2026-11-30", -13, "2025-10-30");

	memset(&err, 0, sizeof err);
	assert_int_equal(date_add_months(D("9999-12-01"), 1, &d, &err), -1);
	assert_true(err.msg[0] != '\0');
	memset(&err, 0, sizeof err);
	assert_int_equal(date_add_months(D("1600-01-15"), -1, &d, &err), -1);
	assert_true(err.msg[0] != '\0');
}

/* Unix time of a UTC civil time, built from the date code under test only
 * through D(), whose day numbers test_parse_accepts_real_dates pins. */
static int64_t
utc(const char *day, int h, int m, int s)
{
	return (int64_t)D(day).day * 86400 + h * 3600 + m * 60 + s;
}

static void
london(int64_t t, const char *want)
{
	char got[DATE_STRLEN];

	date_format(date_from_unix_london(t), got);
	if (strcmp(got, want) != 0)
		fail_msg("unix %lld is %s in London, want %s", (long long)t, got, want);
}

static void
test_london_today(void **state)
{
	(void)state;
	assert_true(utc("2026-03-29", 1, 0, 0) == 1774746000);
	assert_true(utc("2026-06-30", 23, 30, 0) == 1782862200);

	london(0, "1970-01-01");
	/* BST starts at 01:00 UTC on Sunday 29 March 2026 */
	london(utc("2026-03-28", 23, 30, 0), "2026-03-28");
	london(utc("2026-03-29", 0, 59, 59), "2026-03-29");
	london(utc("2026-03-29", 1, 0, 0), "2026-03-29");
	london(utc("2026-03-29", 22, 59, 59), "2026-03-29");
	london(utc("2026-03-29", 23, 0, 0), "2026-03-30");
	/* summer: London is an hour ahead */
	london(utc("2026-06-30", 22, 59, 59), "2026-06-30");
	london(utc("2026-06-30", 23, 30, 0), "2026-07-01");
	london(utc("2100-07-01", 23, 30, 0), "2100-07-02");
	/* BST ends at 01:00 UTC on Sunday 25 October 2026 */
	london(utc("2026-10-24", 22, 59, 59), "2026-10-24");
	london(utc("2026-10-24", 23, 0, 0), "2026-10-25");
	london(utc("2026-10-25", 0, 30, 0), "2026-10-25");
	london(utc("2026-10-25", 23, 30, 0), "2026-10-25");
	/* winter: London is UTC */
	london(utc("2026-12-31", 23, 30, 0), "2026-12-31");
	london(utc("2026-12-31", 23, 59, 59), "2026-12-31");
	london(utc("2027-01-01", 0, 0, 0), "2027-01-01");
	london(utc("2026-11-22", 12, 0, 0), "2026-11-22");
}

static void
test_format_long(void **state)
{
	char buf[64], small[10];

	(void)state;
	assert_string_equal(date_format_long(D("2026-12-25"), buf, sizeof buf),
	                    "Friday 25 December 2026");
	assert_string_equal(date_format_long(D("2000-01-01"), buf, sizeof buf),
	                    "Saturday 1 January 2000");
	assert_string_equal(date_format_long(D("2200-12-31"), buf, sizeof buf),
	                    "Wednesday 31 December 2200");
	assert_string_equal(date_format_long(D("2026-11-23"), buf, sizeof buf),
	                    "Monday 23 November 2026");
	/* a short buffer gets a terminated beginning, never an overrun */
	memset(small, 'Z', sizeof small);
	date_format_long(D("2026-12-25"), small, sizeof small);
	assert_true(memchr(small, '\0', sizeof small) != NULL);
	assert_true(strncmp("Friday 25 December 2026", small, strlen(small)) == 0);
}

/* "who changed it and when" is told in London's time, summer or winter */
static void
test_london_time(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(date_format_london_time(1782909240, buf, sizeof buf), "2026-07-01 13:34");
	assert_string_equal(date_format_london_time(1796128440, buf, sizeof buf), "2026-12-01 12:34");
	assert_string_equal(date_format_london_time(1774745940, buf, sizeof buf), "2026-03-29 00:59");
	assert_string_equal(date_format_london_time(1774746000, buf, sizeof buf), "2026-03-29 02:00");
	assert_string_equal(date_format_london_time(1792889940, buf, sizeof buf), "2026-10-25 01:59");
	assert_string_equal(date_format_london_time(1792890000, buf, sizeof buf), "2026-10-25 01:00");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_refuses_malformed),
		cmocka_unit_test(test_parse_refuses_trailing_text),
		cmocka_unit_test(test_parse_refuses_impossible_dates),
		cmocka_unit_test(test_parse_accepts_real_dates),
		cmocka_unit_test(test_parse_without_err),
		cmocka_unit_test(test_round_trip_1900_2200),
		cmocka_unit_test(test_weekdays_of_known_dates),
		cmocka_unit_test(test_leap_years_and_month_lengths),
		cmocka_unit_test(test_from_ymd),
		cmocka_unit_test(test_add_days_and_diff),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_london_today),
		cmocka_unit_test(test_format_long),
		cmocka_unit_test(test_london_time),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
