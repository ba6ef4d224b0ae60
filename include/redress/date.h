/* date.h - civil dates (proleptic Gregorian), as used by every clock.
 *
 * A date is a day number: days since 1970-01-01.  Valid dates run from
 * DATE_MIN_YEAR-01-01 to DATE_MAX_YEAR-12-31; functions that can leave that
 * range say so.  Dates carry no time zone: "today" is London's civil date,
 * computed from a Unix time by date_from_unix_london(). */
#ifndef REDRESS_DATE_H
#define REDRESS_DATE_H

#include <stdint.h>
#include <stdbool.h>

#include "redress/err.h"

#define DATE_MIN_YEAR 1600
#define DATE_MAX_YEAR 9999
#define DATE_STRLEN 11 /* "YYYY-MM-DD" and NUL */

struct date {
	int32_t day; /* days since 1970-01-01 */
};

/* ISO weekdays. */
enum weekday {
	WEEKDAY_MONDAY = 1,
	WEEKDAY_TUESDAY,
	WEEKDAY_WEDNESDAY,
	WEEKDAY_THURSDAY,
	WEEKDAY_FRIDAY,
	WEEKDAY_SATURDAY,
	WEEKDAY_SUNDAY,
};

bool date_is_leap(int year);
int date_days_in_month(int year, int month);

/* Builds a date; -1 (with a message saying which part is wrong) if the
 * year, month or day does not exist or is out of range. */
int date_from_ymd(int year, int month, int day, struct date *out, struct err *err);
void date_to_ymd(struct date d, int *year, int *month, int *day);
int date_year(struct date d);

/* Whether d lies within DATE_MIN_YEAR..DATE_MAX_YEAR. */
bool date_in_range(struct date d);

/* Strict ISO 8601 calendar date, extended format only: exactly YYYY-MM-DD,
 * nothing before or after.  On failure returns -1 and says what is wrong. */
int date_parse(const char *s, struct date *out, struct err *err);

/* Writes "YYYY-MM-DD" into buf (DATE_STRLEN bytes). Returns buf. */
char *date_format(struct date d, char buf[DATE_STRLEN]);

/* "Friday 25 December 2026" into buf (size n). Returns buf. */
char *date_format_long(struct date d, char *buf, unsigned n);

enum weekday date_weekday(struct date d);
const char *date_weekday_name(enum weekday w);
const char *date_month_name(int month);

/* d plus n days.  The result may leave the valid range: check with
 * date_in_range() where that matters. */
struct date date_add_days(struct date d, int32_t n);

/* d plus n calendar months (n may be negative); a day past the end of the
 * target month becomes its last day (31 January + 1 month = 28/29 February).
 * -1 if the result leaves the valid range. */
int date_add_months(struct date d, int32_t n, struct date *out, struct err *err);

/* b - a, in days. */
int32_t date_diff(struct date a, struct date b);
int date_cmp(struct date a, struct date b);

/* London's civil date at Unix time t (GMT, or BST from 01:00 UTC on the last
 * Sunday in March to 01:00 UTC on the last Sunday in October). */
struct date date_from_unix_london(int64_t t);

/* London's civil time at Unix time t as "YYYY-MM-DD HH:MM" into buf
 * (at least 17 bytes). Returns buf. */
char *date_format_london_time(int64_t t, char *buf, unsigned n);

#endif
