/* test_holiday.c - bank-holiday calendars: the England and Wales list, the
 * rules that project other years, and the parser's messages. */
#include "testutil.h"

#include "redress/date.h"
#include "redress/err.h"
#include "redress/holiday.h"

struct listed {
	const char *date;
	const char *name;
};

/* GOV.UK's bank holidays in England and Wales, 2015-2030. */
static const struct listed listed[] = {
	{ "2015-01-01", "New Year's Day" },
	{ "2015-04-03", "Good Friday" },
	{ "2015-04-06", "Easter Monday" },
	{ "2015-05-04", "Early May bank holiday" },
	{ "2015-05-25", "Spring bank holiday" },
	{ "2015-08-31", "Summer bank holiday" },
	{ "2015-12-25", "Christmas Day" },
	{ "2015-12-28", "Boxing Day (substitute day)" },
	{ "2016-01-01", "New Year's Day" },
	{ "2016-03-25", "Good Friday" },
	{ "2016-03-28", "Easter Monday" },
	{ "2016-05-02", "Early May bank holiday" },
	{ "2016-05-30", "Spring bank holiday" },
	{ "2016-08-29", "Summer bank holiday" },
	{ "2016-12-26", "Boxing Day" },
	{ "2016-12-27", "Christmas Day (substitute day)" },
	{ "2017-01-02", "New Year's Day (substitute day)" },
	{ "2017-04-14", "Good Friday" },
	{ "2017-04-17", "Easter Monday" },
	{ "2017-05-01", "Early May bank holiday" },
	{ "2017-05-29", "Spring bank holiday" },
	{ "2017-08-28", "Summer bank holiday" },
	{ "2017-12-25", "Christmas Day" },
	{ "2017-12-26", "Boxing Day" },
	{ "2018-01-01", "New Year's Day" },
	{ "2018-03-30", "Good Friday" },
	{ "2018-04-02", "Easter Monday" },
	{ "2018-05-07", "Early May bank holiday" },
	{ "2018-05-28", "Spring bank holiday" },
	{ "2018-08-27", "Summer bank holiday" },
	{ "2018-12-25", "Christmas Day" },
	{ "2018-12-26", "Boxing Day" },
	{ "2019-01-01", "New Year's Day" },
	{ "2019-04-19", "Good Friday" },
	{ "2019-04-22", "Easter Monday" },
	{ "2019-05-06", "Early May bank holiday" },
	{ "2019-05-27", "Spring bank holiday" },
	{ "2019-08-26", "Summer bank holiday" },
	{ "2019-12-25", "Christmas Day" },
	{ "2019-12-26", "Boxing Day" },
	{ "2020-01-01", "New Year's Day" },
	{ "2020-04-10", "Good Friday" },
	{ "2020-04-13", "Easter Monday" },
	{ "2020-05-08", "Early May bank holiday (VE Day)" },
	{ "2020-05-25", "Spring bank holiday" },
	{ "2020-08-31", "Summer bank holiday" },
	{ "2020-12-25", "Christmas Day" },
	{ "2020-12-28", "Boxing Day (substitute day)" },
	{ "2021-01-01", "New Year's Day" },
	{ "2021-04-02", "Good Friday" },
	{ "2021-04-05", "Easter Monday" },
	{ "2021-05-03", "Early May bank holiday" },
	{ "2021-05-31", "Spring bank holiday" },
	{ "2021-08-30", "Summer bank holiday" },
	{ "2021-12-27", "Christmas Day (substitute day)" },
	{ "2021-12-28", "Boxing Day (substitute day)" },
	{ "2022-01-03", "New Year's Day (substitute day)" },
	{ "2022-04-15", "Good Friday" },
	{ "2022-04-18", "Easter Monday" },
	{ "2022-05-02", "Early May bank holiday" },
	{ "2022-06-02", "Spring bank holiday" },
	{ "2022-06-03", "Platinum Jubilee bank holiday" },
	{ "2022-08-29", "Summer bank holiday" },
	{ "2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II" },
	{ "2022-12-26", "Boxing Day" },
	{ "2022-12-27", "Christmas Day (substitute day)" },
	{ "2023-01-02", "New Year's Day (substitute day)" },
	{ "2023-04-07", "Good Friday" },
	{ "2023-04-10", "Easter Monday" },
	{ "2023-05-01", "Early May bank holiday" },
	{ "2023-05-08", "Bank holiday for the coronation of King Charles III" },
	{ "2023-05-29", "Spring bank holiday" },
	{ "2023-08-28", "Summer bank holiday" },
	{ "2023-12-25", "Christmas Day" },
	{ "2023-12-26", "Boxing Day" },
	{ "2024-01-01", "New Year's Day" },
	{ "2024-03-29", "Good Friday" },
	{ "2024-04-01", "Easter Monday" },
	{ "2024-05-06", "Early May bank holiday" },
	{ "2024-05-27", "Spring bank holiday" },
	{ "2024-08-26", "Summer bank holiday" },
	{ "2024-12-25", "Christmas Day" },
	{ "2024-12-26", "Boxing Day" },
	{ "2025-01-01", "New Year's Day" },
	{ "2025-04-18", "Good Friday" },
	{ "2025-04-21", "Easter Monday" },
	{ "2025-05-05", "Early May bank holiday" },
	{ "2025-05-26", "Spring bank holiday" },
	{ "2025-08-25", "Summer bank holiday" },
	{ "2025-12-25", "Christmas Day" },
	{ "2025-12-26", "Boxing Day" },
	{ "2026-01-01", "New Year's Day" },
	{ "2026-04-03", "Good Friday" },
	{ "2026-04-06", "Easter Monday" },
	{ "2026-05-04", "Early May bank holiday" },
	{ "2026-05-25", "Spring bank holiday" },
	{ "2026-08-31", "Summer bank holiday" },
	{ "2026-12-25", "Christmas Day" },
	{ "2026-12-28", "Boxing Day (substitute day)" },
	{ "2027-01-01", "New Year's Day" },
	{ "2027-03-26", "Good Friday" },
	{ "2027-03-29", "Easter Monday" },
	{ "2027-05-03", "Early May bank holiday" },
	{ "2027-05-31", "Spring bank holiday" },
	{ "2027-08-30", "Summer bank holiday" },
	{ "2027-12-27", "Christmas Day (substitute day)" },
	{ "2027-12-28", "Boxing Day (substitute day)" },
	{ "2028-01-03", "New Year's Day (substitute day)" },
	{ "2028-04-14", "Good Friday" },
	{ "2028-04-17", "Easter Monday" },
	{ "2028-05-01", "Early May bank holiday" },
	{ "2028-05-29", "Spring bank holiday" },
	{ "2028-08-28", "Summer bank holiday" },
	{ "2028-12-25", "Christmas Day" },
	{ "2028-12-26", "Boxing Day" },
	{ "2029-01-01", "New Year's Day" },
	{ "2029-03-30", "Good Friday" },
	{ "2029-04-02", "Easter Monday" },
	{ "2029-05-07", "Early May bank holiday" },
	{ "2029-05-28", "Spring bank holiday" },
	{ "2029-08-27", "Summer bank holiday" },
	{ "2029-12-25", "Christmas Day" },
	{ "2029-12-26", "Boxing Day" },
	{ "2030-01-01", "New Year's Day" },
	{ "2030-04-19", "Good Friday" },
	{ "2030-04-22", "Easter Monday" },
	{ "2030-05-06", "Early May bank holiday" },
	{ "2030-05-27", "Spring bank holiday" },
	{ "2030-08-26", "Summer bank holiday" },
	{ "2030-12-25", "Christmas Day" },
	{ "2030-12-26", "Boxing Day" },
};

#define NLISTED (sizeof listed / sizeof listed[0])

static struct calendar ew;

static int
setup(void **state)
{
	return testutil_calendar_setup(&ew, state);
}

/* Whether two names are the same holiday: equal up to any " (" remark, so
 * "Boxing Day (substitute day)" matches however a rule words its note. */
static int
same_holiday(const char *a, const char *b)
{
	const char *pa = strstr(a, " ("), *pb = strstr(b, " (");
	size_t la = pa != NULL ? (size_t)(pa - a) : strlen(a);
	size_t lb = pb != NULL ? (size_t)(pb - b) : strlen(b);

	return la == lb && memcmp(a, b, la) == 0;
}

static void
test_file_header(void **state)
{
	(void)state;
	assert_string_equal(ew.id, "england-and-wales");
	assert_string_equal(ew.territory, "England and Wales");
	assert_non_null(strstr(ew.source, "gov.uk/bank-holidays"));
	assert_int_equal(ew.cover_from, 2015);
	assert_int_equal(ew.cover_to, 2030);
	assert_int_equal(ew.nrules, 8);
	assert_int_equal(ew.ndays, NLISTED);
}

static void
test_listed_holidays(void **state)
{
	struct holiday h;
	size_t i;

	(void)state;
	for (i = 0; i < NLISTED; i++) {
		memset(&h, 0, sizeof h);
		if (!calendar_holiday(&ew, D(listed[i].date), &h))
			fail_msg("%s (%s) is not a holiday", listed[i].date, listed[i].name);
		assert_date(h.date, listed[i].date);
		assert_string_equal(h.name, listed[i].name);
		if (h.projected)
			fail_msg("%s is listed but marked projected", listed[i].date);
		assert_true(calendar_holiday(&ew, D(listed[i].date), NULL));
	}
}

/* A listed year holds exactly its listed days, in order: rules add nothing. */
static void
test_listed_years_complete(void **state)
{
	struct holiday out[HOLIDAY_PER_YEAR_MAX];
	size_t i = 0, n, k;
	int y;

	(void)state;
	for (y = 2015; y <= 2030; y++) {
		n = calendar_year(&ew, y, out, HOLIDAY_PER_YEAR_MAX);
		for (k = 0; k < n; k++, i++) {
			char got[DATE_STRLEN];

			date_format(out[k].date, got);
			if (i >= NLISTED || atoi(listed[i].date) != y)
				fail_msg("%d: unexpected holiday %s (%s)", y, got, out[k].name);
			assert_string_equal(got, listed[i].date);
			assert_string_equal(out[k].name, listed[i].name);
			assert_false(out[k].projected);
		}
		if (i < NLISTED && atoi(listed[i].date) == y)
			fail_msg("%d: %s (%s) is missing", y, listed[i].date, listed[i].name);
	}
	assert_int_equal(i, NLISTED);
	assert_int_equal(calendar_year(&ew, 2022, out, HOLIDAY_PER_YEAR_MAX), 10);
	assert_int_equal(calendar_year(&ew, 2023, out, HOLIDAY_PER_YEAR_MAX), 9);
	assert_int_equal(calendar_year(&ew, 2026, out, HOLIDAY_PER_YEAR_MAX), 8);
}

static void
test_year_truncated_to_max(void **state)
{
	struct holiday out[3];

	(void)state;
	memset(out, 0, sizeof out);
	assert_int_equal(calendar_year(&ew, 2022, out, 2), 10);
	assert_date(out[0].date, "2022-01-03");
	assert_date(out[1].date, "2022-04-15");
	assert_int_equal(out[2].date.day, 0); /* untouched */
	assert_int_equal(calendar_year(&ew, 2033, out, 2), 8);
	assert_date(out[0].date, "2033-01-03");
	assert_date(out[1].date, "2033-04-15");
	assert_int_equal(calendar_year(&ew, 2026, out, 0), 8);
}

static void
holiday_named(const char *day, const char *name)
{
	struct holiday h;

	if (!calendar_holiday(&ew, D(day), &h))
		fail_msg("%s is not a holiday", day);
	if (strstr(h.name, name) == NULL)
		fail_msg("%s is \"%s\", want \"%s\"", day, h.name, name);
	assert_false(h.projected);
}

static void
not_holiday(const char *day)
{
	struct holiday h;

	if (calendar_holiday(&ew, D(day), &h))
		fail_msg("%s is a holiday (%s)", day, h.name);
}

static void
test_moved_and_one_off(void **state)
{
	(void)state;
	holiday_named("2020-05-08", "VE Day");
	not_holiday("2020-05-04");
	holiday_named("2022-06-02", "Spring bank holiday");
	holiday_named("2022-06-03", "Platinum Jubilee");
	not_holiday("2022-05-30");
	holiday_named("2022-09-19", "State Funeral");
	holiday_named("2023-05-08", "coronation");
	holiday_named("2023-05-01", "Early May bank holiday");
	/* the day itself is no holiday when its substitute is */
	not_holiday("2026-12-26");
	not_holiday("2027-12-25");
	not_holiday("2027-12-26");
	not_holiday("2028-01-01");
	not_holiday("2022-01-01");
	not_holiday("2026-11-20");
	not_holiday("2026-04-05"); /* Easter Sunday */
}

static int
holds(const struct holiday *out, size_t n, const char *day)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (out[i].date.day == D(day).day)
			return 1;
	return 0;
}

/* The rules alone give every listed year except those with moved or one-off
 * holidays, which is how a new year's list can be checked. */
static void
test_rules_reproduce_list(void **state)
{
	struct holiday y[HOLIDAY_PER_YEAR_MAX], p[HOLIDAY_PER_YEAR_MAX];
	size_t ny, np, i;
	int year;

	(void)state;
	for (year = 2015; year <= 2030; year++) {
		if (year == 2020 || year == 2022 || year == 2023)
			continue;
		ny = calendar_year(&ew, year, y, HOLIDAY_PER_YEAR_MAX);
		np = calendar_project(&ew, year, p, HOLIDAY_PER_YEAR_MAX);
		if (ny != np)
			fail_msg("%d: %zu listed, %zu projected", year, ny, np);
		for (i = 0; i < ny; i++) {
			char a[DATE_STRLEN], b[DATE_STRLEN];

			date_format(y[i].date, a);
			date_format(p[i].date, b);
			if (strcmp(a, b) != 0)
				fail_msg("%d: listed %s (%s), projected %s (%s)", year,
				         a, y[i].name, b, p[i].name);
			if (!same_holiday(y[i].name, p[i].name))
				fail_msg("%s: listed \"%s\", projected \"%s\"", a, y[i].name, p[i].name);
			assert_true(p[i].projected);
		}
	}
}

static void
test_rules_differ_where_list_moved(void **state)
{
	struct holiday p[HOLIDAY_PER_YEAR_MAX];
	size_t n;

	(void)state;
	n = calendar_project(&ew, 2020, p, HOLIDAY_PER_YEAR_MAX);
	assert_int_equal(n, 8);
	assert_true(holds(p, n, "2020-05-04"));
	assert_false(holds(p, n, "2020-05-08"));

	n = calendar_project(&ew, 2022, p, HOLIDAY_PER_YEAR_MAX);
	assert_int_equal(n, 8);
	assert_true(holds(p, n, "2022-05-30"));
	assert_false(holds(p, n, "2022-06-02"));
	assert_false(holds(p, n, "2022-06-03"));
	assert_false(holds(p, n, "2022-09-19"));

	n = calendar_project(&ew, 2023, p, HOLIDAY_PER_YEAR_MAX);
	assert_int_equal(n, 8);
	assert_true(holds(p, n, "2023-05-01"));
	assert_false(holds(p, n, "2023-05-08"));
}

static void
test_easter(void **state)
{
	static const char *const easter[] = {
		"2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01",
		"2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17",
		"2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05",
		"2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21",
		"1900-04-15", "2100-03-28", "2200-04-06",
		/* earliest and latest possible, and the algorithm's two corrections */
		"1818-03-22", "2285-03-22", "1943-04-25", "2038-04-25",
		"1954-04-18", "1981-04-19", "2049-04-18", "2076-04-19",
		"1600-04-02", "9999-03-28",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof easter / sizeof easter[0]; i++) {
		char got[DATE_STRLEN];

		date_format(holiday_easter(atoi(easter[i])), got);
		if (strcmp(got, easter[i]) != 0)
			fail_msg("Easter %.4s: got %s, want %s", easter[i], got, easter[i]);
		assert_int_equal(date_weekday(D(easter[i])), WEEKDAY_SUNDAY);
	}
}

struct expect {
	const char *date;
	const char *name;
	int substitute;
};

/* A projected year holds exactly the expected days, each marked projected;
 * a substitute day carries its holiday's name and says it is a substitute. */
static void
projected_year(int year, const struct expect *want, size_t nwant)
{
	struct holiday out[HOLIDAY_PER_YEAR_MAX], h;
	size_t n, i;

	n = calendar_year(&ew, year, out, HOLIDAY_PER_YEAR_MAX);
	for (i = 0; i < n && i < nwant; i++) {
		char got[DATE_STRLEN];

		date_format(out[i].date, got);
		if (strcmp(got, want[i].date) != 0)
			fail_msg("%d: holiday %zu is %s (%s), want %s (%s)", year, i + 1,
			         got, out[i].name, want[i].date, want[i].name);
		if (want[i].substitute) {
			if (strncmp(out[i].name, want[i].name, strlen(want[i].name)) != 0 ||
			    strstr(out[i].name, "substitute") == NULL)
				fail_msg("%s is \"%s\", want \"%s (substitute day)\"", got,
				         out[i].name, want[i].name);
		} else if (strcmp(out[i].name, want[i].name) != 0) {
			fail_msg("%s is \"%s\", want \"%s\"", got, out[i].name, want[i].name);
		}
		if (!out[i].projected)
			fail_msg("%s is not marked projected", got);
		if (!calendar_holiday(&ew, out[i].date, &h) || !h.projected)
			fail_msg("%s: calendar_holiday disagrees with calendar_year", got);
	}
	if (n != nwant)
		fail_msg("%d: %zu holidays, want %zu", year, n, nwant);
}

#define PROJECTED(year, ...) do { \
	static const struct expect w_[] = { __VA_ARGS__ }; \
	projected_year((year), w_, sizeof w_ / sizeof w_[0]); \
} while (0)

static void
test_projected_years(void **state)
{
	(void)state;
	PROJECTED(2031,
		{ "2031-01-01", "New Year's Day", 0 },
		{ "2031-04-11", "Good Friday", 0 },
		{ "2031-04-14", "Easter Monday", 0 },
		{ "2031-05-05", "Early May bank holiday", 0 },
		{ "2031-05-26", "Spring bank holiday", 0 },
		{ "2031-08-25", "Summer bank holiday", 0 },
		{ "2031-12-25", "Christmas Day", 0 },
		{ "2031-12-26", "Boxing Day", 0 });
	PROJECTED(2014,
		{ "2014-01-01", "New Year's Day", 0 },
		{ "2014-04-18", "Good Friday", 0 },
		{ "2014-04-21", "Easter Monday", 0 },
		{ "2014-05-05", "Early May bank holiday", 0 },
		{ "2014-05-26", "Spring bank holiday", 0 },
		{ "2014-08-25", "Summer bank holiday", 0 },
		{ "2014-12-25", "Christmas Day", 0 },
		{ "2014-12-26", "Boxing Day", 0 });
	/* Christmas on a Saturday: both move, in order, to Monday and Tuesday */
	PROJECTED(1999,
		{ "1999-01-01", "New Year's Day", 0 },
		{ "1999-04-02", "Good Friday", 0 },
		{ "1999-04-05", "Easter Monday", 0 },
		{ "1999-05-03", "Early May bank holiday", 0 },
		{ "1999-05-31", "Spring bank holiday", 0 },
		{ "1999-08-30", "Summer bank holiday", 0 },
		{ "1999-12-27", "Christmas Day", 1 },
		{ "1999-12-28", "Boxing Day", 1 });
	PROJECTED(2032,
		{ "2032-01-01", "New Year's Day", 0 },
		{ "2032-03-26", "Good Friday", 0 },
		{ "2032-03-29", "Easter Monday", 0 },
		{ "2032-05-03", "Early May bank holiday", 0 },
		{ "2032-05-31", "Spring bank holiday", 0 },
		{ "2032-08-30", "Summer bank holiday", 0 },
		{ "2032-12-27", "Christmas Day", 1 },
		{ "2032-12-28", "Boxing Day", 1 });
	/* New Year on a Saturday moves to Monday 3 January; Christmas on a
	 * Sunday: Boxing Day keeps Monday 26, Christmas moves to Tuesday 27 */
	PROJECTED(2033,
		{ "2033-01-03", "New Year's Day", 1 },
		{ "2033-04-15", "Good Friday", 0 },
		{ "2033-04-18", "Easter Monday", 0 },
		{ "2033-05-02", "Early May bank holiday", 0 },
		{ "2033-05-30", "Spring bank holiday", 0 },
		{ "2033-08-29", "Summer bank holiday", 0 },
		{ "2033-12-26", "Boxing Day", 0 },
		{ "2033-12-27", "Christmas Day", 1 });
	/* New Year on a Sunday moves to Monday 2 January */
	PROJECTED(2034,
		{ "2034-01-02", "New Year's Day", 1 },
		{ "2034-04-07", "Good Friday", 0 },
		{ "2034-04-10", "Easter Monday", 0 },
		{ "2034-05-01", "Early May bank holiday", 0 },
		{ "2034-05-29", "Spring bank holiday", 0 },
		{ "2034-08-28", "Summer bank holiday", 0 },
		{ "2034-12-25", "Christmas Day", 0 },
		{ "2034-12-26", "Boxing Day", 0 });
	/* Boxing Day on a Saturday: Monday 28 */
	PROJECTED(2150,
		{ "2150-01-01", "New Year's Day", 0 },
		{ "2150-04-10", "Good Friday", 0 },
		{ "2150-04-13", "Easter Monday", 0 },
		{ "2150-05-04", "Early May bank holiday", 0 },
		{ "2150-05-25", "Spring bank holiday", 0 },
		{ "2150-08-31", "Summer bank holiday", 0 },
		{ "2150-12-25", "Christmas Day", 0 },
		{ "2150-12-28", "Boxing Day", 1 });

	/* the weekend days themselves are not holidays */
	not_holiday("2032-12-25");
	not_holiday("2032-12-26");
	not_holiday("2033-01-01");
	not_holiday("2033-12-25");
	not_holiday("2150-12-26");
}

/* The smallest useful calendar: one listed year and four rules (9 lines). */
static const char minimal[] =
	"calendar   test\n"
	"territory  Test\n"
	"source     test\n"
	"covers     2026 2026\n"
	"rule fixed 01-01 substitute   New Year's Day\n"
	"rule easter -2                Good Friday\n"
	"rule first monday 05          Early May bank holiday\n"
	"rule last monday 05           Spring bank holiday\n"
	"2026-01-01  New Year's Day\n";

/* A calendar of rules alone, no listed days (found by fuzzing: qsort was
 * called with a NULL base, undefined behaviour that UBSan reports). */
static void
test_parse_no_days(void **state)
{
	static const char rules_only[] =
		"calendar   test\n"
		"territory  Test\n"
		"source     test\n"
		"covers     2026 2026\n"
		"rule fixed 01-01 substitute   New Year's Day\n";
	struct holiday out[HOLIDAY_PER_YEAR_MAX];
	struct calendar cal;
	struct err err;

	(void)state;
	if (calendar_parse(&cal, rules_only, strlen(rules_only), "test.cal", &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(cal.ndays, 0);
	assert_int_equal(calendar_year(&cal, 2027, out, HOLIDAY_PER_YEAR_MAX), 1);
	calendar_free(&cal);
}

static void
test_parse_minimal(void **state)
{
	struct calendar cal;
	struct holiday out[HOLIDAY_PER_YEAR_MAX], h;
	struct err err;
	size_t n;

	(void)state;
	if (calendar_parse(&cal, minimal, strlen(minimal), "test.cal", &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(cal.id, "test");
	assert_string_equal(cal.territory, "Test");
	assert_string_equal(cal.source, "test");
	assert_int_equal(cal.cover_from, 2026);
	assert_int_equal(cal.cover_to, 2026);
	assert_int_equal(cal.ndays, 1);
	assert_int_equal(cal.nrules, 4);

	assert_int_equal(cal.rules[0].kind, HOLIDAY_FIXED);
	assert_int_equal(cal.rules[0].month, 1);
	assert_int_equal(cal.rules[0].day, 1);
	assert_true(cal.rules[0].substitute);
	assert_string_equal(cal.rules[0].name, "New Year's Day");
	assert_int_equal(cal.rules[1].kind, HOLIDAY_EASTER);
	assert_int_equal(cal.rules[1].offset, -2);
	assert_string_equal(cal.rules[1].name, "Good Friday");
	assert_int_equal(cal.rules[2].kind, HOLIDAY_NTH);
	assert_int_equal(cal.rules[2].nth, 1);
	assert_int_equal(cal.rules[2].weekday, WEEKDAY_MONDAY);
	assert_int_equal(cal.rules[2].month, 5);
	assert_string_equal(cal.rules[2].name, "Early May bank holiday");
	assert_int_equal(cal.rules[3].kind, HOLIDAY_NTH);
	assert_int_equal(cal.rules[3].nth, -1);
	assert_string_equal(cal.rules[3].name, "Spring bank holiday");

	/* a covered year is its list, however many rules would apply */
	assert_int_equal(calendar_year(&cal, 2026, out, HOLIDAY_PER_YEAR_MAX), 1);
	assert_true(calendar_holiday(&cal, D("2026-01-01"), &h));
	assert_string_equal(h.name, "New Year's Day");
	assert_false(h.projected);
	assert_false(calendar_holiday(&cal, D("2026-04-03"), NULL));
	assert_false(calendar_holiday(&cal, D("2026-05-04"), NULL));

	/* other years come from the rules */
	n = calendar_year(&cal, 2027, out, HOLIDAY_PER_YEAR_MAX);
	assert_int_equal(n, 4);
	assert_date(out[0].date, "2027-01-01");
	assert_date(out[1].date, "2027-03-26");
	assert_date(out[2].date, "2027-05-03");
	assert_date(out[3].date, "2027-05-31");
	assert_true(out[1].projected);
	assert_true(calendar_holiday(&cal, D("2027-03-26"), &h));
	assert_string_equal(h.name, "Good Friday");
	assert_true(h.projected);
	calendar_free(&cal);
}

/* The parser reads len bytes and no further: the caller's text need not
 * end in NUL, and what follows it is not part of the calendar. */
static void
test_parse_reads_len_bytes(void **state)
{
	struct calendar cal;
	struct err err;
	size_t len = strlen(minimal);
	char *exact = malloc(len), *more = malloc(len + 32);

	(void)state;
	assert_non_null(exact);
	assert_non_null(more);
	memcpy(exact, minimal, len);
	if (calendar_parse(&cal, exact, len, "test.cal", &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(cal.ndays, 1);
	calendar_free(&cal);

	memcpy(more, minimal, len);
	memcpy(more + len, "frobnicate now\n", 16);
	if (calendar_parse(&cal, more, len, "test.cal", &err) != 0)
		fail_msg("%s", err.msg);
	calendar_free(&cal);
	free(exact);
	free(more);
}

/* A file saved with CRLF line ends reads the same: no '\r' in any name. */
static void
test_parse_crlf(void **state)
{
	static const char text[] =
		"calendar test\r\n"
		"covers 2026 2026\r\n"
		"rule easter +1 Easter Monday\r\n"
		"\r\n"
		"2026-01-01 New Year's Day\r\n";
	struct calendar cal;
	struct holiday h;
	struct err err;

	(void)state;
	if (calendar_parse(&cal, text, strlen(text), "test.cal", &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(cal.id, "test");
	assert_int_equal(cal.cover_to, 2026);
	assert_string_equal(cal.rules[0].name, "Easter Monday");
	assert_true(calendar_holiday(&cal, D("2026-01-01"), &h));
	assert_string_equal(h.name, "New Year's Day");
	assert_true(calendar_holiday(&cal, D("2027-03-29"), &h));
	assert_string_equal(h.name, "Easter Monday");
	calendar_free(&cal);
}

static void
test_parse_sorts_listed_days(void **state)
{
	static const char text[] =
		"calendar test\n"
		"covers 2026 2026\n"
		"\n"
		"# out of order on purpose\n"
		"2026-12-25 Christmas Day\n"
		"2026-01-01 New Year's Day\n"
		"2026-05-04 Early May bank holiday\n";
	struct calendar cal;
	struct holiday out[HOLIDAY_PER_YEAR_MAX];
	struct err err;

	(void)state;
	if (calendar_parse(&cal, text, strlen(text), "test.cal", &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(cal.ndays, 3);
	assert_date(cal.days[0].date, "2026-01-01");
	assert_date(cal.days[2].date, "2026-12-25");
	assert_int_equal(calendar_year(&cal, 2026, out, HOLIDAY_PER_YEAR_MAX), 3);
	assert_date(out[0].date, "2026-01-01");
	assert_string_equal(out[0].name, "New Year's Day");
	assert_date(out[1].date, "2026-05-04");
	assert_date(out[2].date, "2026-12-25");
	calendar_free(&cal);
}

/* Asserts that text is refused with "test.cal:LINE: " followed by a message
 * that mentions needle (or alt) when given. */
static void
refused(const char *text, int line, const char *needle, const char *alt)
{
	struct calendar cal;
	struct err err;
	char prefix[32];
	int rc;

	memset(&err, 0, sizeof err);
	rc = calendar_parse(&cal, text, strlen(text), "test.cal", &err);
	if (rc == 0) {
		calendar_free(&cal);
		fail_msg("accepted a calendar that line %d should spoil", line);
	}
	assert_int_equal(rc, -1);
	snprintf(prefix, sizeof prefix, "test.cal:%d:", line);
	if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
		fail_msg("message \"%s\" does not begin \"%s\"", err.msg, prefix);
	if (strlen(err.msg) <= strlen(prefix) + 1)
		fail_msg("message \"%s\" says nothing after the place", err.msg);
	if (needle != NULL && strstr(err.msg, needle) == NULL &&
	    (alt == NULL || strstr(err.msg, alt) == NULL))
		fail_msg("message \"%s\" does not mention \"%s\"", err.msg, needle);
}

/* minimal followed by one more line, which is line 10. */
static void
refused_after_minimal(const char *line, const char *needle, const char *alt)
{
	char text[1024];

	snprintf(text, sizeof text, "%s%s\n", minimal, line);
	refused(text, 10, needle, alt);
}

static void
test_parse_errors(void **state)
{
	(void)state;
	refused("calendar test\n"
	        "# the next line is wrong\n"
	        "2026-02-30 Bogus\n", 3, "28", NULL);
	refused("calendar test\n"
	        "\n"
	        "\n"
	        "covers 2026 2026\n"
	        "2026-1-1 Bogus\n", 5, NULL, NULL);
	refused_after_minimal("frobnicate yes", "frobnicate", NULL);
	refused_after_minimal("rule first monday 13 Bad month", "13", "month");
	refused_after_minimal("rule last monday 00 Bad month", "00", "month");
	refused_after_minimal("rule fixed 13-01 Bad month", "13", "month");
	refused_after_minimal("rule fixed 02-30 Never", NULL, NULL);
	refused_after_minimal("rule first funday 05 Bad weekday", "funday", "weekday");
	refused_after_minimal("rule fifth monday 05 Bad ordinal", NULL, NULL);
	refused_after_minimal("rule solstice 06-21 Bad kind", "solstice", NULL);
	refused_after_minimal("rule easter Bad offset", NULL, NULL);
	refused_after_minimal("2026-05-04", NULL, NULL); /* a holiday needs a name */
}

/* The second listing of a date is the wrong one. */
static void
test_parse_duplicate_date(void **state)
{
	char text[1024];

	(void)state;
	snprintf(text, sizeof text, "%s\n2026-01-01  New Year's Day again\n", minimal);
	refused(text, 11, NULL, NULL);
	refused("calendar test\n"
	        "covers 2026 2026\n"
	        "2026-12-25 Christmas Day\n"
	        "# again\n"
	        "2026-12-25 Christmas Day\n", 5, NULL, NULL);
}

static void
test_parse_without_err(void **state)
{
	static const char text[] = "calendar test\nfrobnicate yes\n";
	struct calendar cal;

	(void)state;
	assert_int_equal(calendar_parse(&cal, text, strlen(text), "test.cal", NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_header),
		cmocka_unit_test(test_listed_holidays),
		cmocka_unit_test(test_listed_years_complete),
		cmocka_unit_test(test_year_truncated_to_max),
		cmocka_unit_test(test_moved_and_one_off),
		cmocka_unit_test(test_rules_reproduce_list),
		cmocka_unit_test(test_rules_differ_where_list_moved),
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_projected_years),
		cmocka_unit_test(test_parse_minimal),
		cmocka_unit_test(test_parse_no_days),
		cmocka_unit_test(test_parse_reads_len_bytes),
		cmocka_unit_test(test_parse_crlf),
		cmocka_unit_test(test_parse_sorts_listed_days),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_duplicate_date),
		cmocka_unit_test(test_parse_without_err),
	};

	return cmocka_run_group_tests_name("holiday", tests, setup, testutil_calendar_teardown);
}
