/* date.c - civil dates as day numbers (proleptic Gregorian calendar). */
#include <stdio.h>
#include <string.h>

#include "redress/date.h"

static const char *const date_months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const date_weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

bool
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a valid y-m-d (era-based, exact for all years). */
static int32_t
date_days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(struct date dt, int *year, int *month, int *day)
{
	int32_t z = dt.day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp < 10 ? mp + 3 : mp - 9;

	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*day = d;
}

int
date_year(struct date d)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	return y;
}

int
date_from_ymd(int y, int m, int d, struct date *out, struct err *err)
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return err_set(err, "year %d is outside %d-%d", y, DATE_MIN_YEAR, DATE_MAX_YEAR);
	if (m < 1 || m > 12)
		return err_set(err, "month %d does not exist", m);
	if (d < 1 || d > date_days_in_month(y, m)) {
		if (d < 1)
			return err_set(err, "day %d does not exist", d);
		return err_set(err, "day %d does not exist: %s %d has %d days", d,
		               date_months[m - 1], y, date_days_in_month(y, m));
	}
	out->day = date_days_from_civil(y, m, d);
	return 0;
}

bool
date_in_range(struct date d)
{
	static const int32_t lo = -135140;  /* 1600-01-01 */
	static const int32_t hi = 2932896;  /* 9999-12-31 */

	return d.day >= lo && d.day <= hi;
}

static int
date_digits(const char *s, int n, int *val)
{
	int i;

	*val = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*val = *val * 10 + (s[i] - '0');
	}
	return 0;
}

int
date_parse(const char *s, struct date *out, struct err *err)
{
	int y, m, d;

	if (s == NULL || *s == '\0')
		return err_set(err, "empty date: expected YYYY-MM-DD");
	if (strlen(s) < 10 || date_digits(s, 4, &y) || s[4] != '-' ||
	    date_digits(s + 5, 2, &m) || s[7] != '-' || date_digits(s + 8, 2, &d))
		return err_set(err, "bad date \"%.40s\": expected YYYY-MM-DD", s);
	if (s[10] != '\0')
		return err_set(err, "bad date \"%.40s\": unexpected text after the date", s);
	if (date_from_ymd(y, m, d, out, err) != 0)
		return err_prefix(err, "bad date \"%s\"", s);
	return 0;
}

char *
date_format(struct date dt, char buf[DATE_STRLEN])
{
	int y, m, d;

	date_to_ymd(dt, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = m = d = 0; /* out of range: shown as 0000-00-00, never parsed back */
	/* by hand: the case list formats thousands of these */
	buf[0] = (char)('0' + (unsigned)y / 1000u % 10u);
	buf[1] = (char)('0' + (unsigned)y / 100u % 10u);
	buf[2] = (char)('0' + (unsigned)y / 10u % 10u);
	buf[3] = (char)('0' + (unsigned)y % 10u);
	buf[4] = '-';
	buf[5] = (char)('0' + (unsigned)m / 10u % 10u);
	buf[6] = (char)('0' + (unsigned)m % 10u);
	buf[7] = '-';
	buf[8] = (char)('0' + (unsigned)d / 10u % 10u);
	buf[9] = (char)('0' + (unsigned)d % 10u);
	buf[10] = '\0';
	return buf;
}

char *
date_format_long(struct date dt, char *buf, unsigned n)
{
	int y, m, d;

	date_to_ymd(dt, &y, &m, &d);
	snprintf(buf, n, "%s %d %s %d", date_weekdays[date_weekday(dt) - 1], d,
	         date_months[m - 1], y);
	return buf;
}

enum weekday
date_weekday(struct date d)
{
	/* 1970-01-01 was a Thursday (ISO 4) */
	int w = (int)(((int64_t)d.day % 7 + 7 + 3) % 7);

	return (enum weekday)(w + 1);
}

const char *
date_weekday_name(enum weekday w)
{
	return w >= WEEKDAY_MONDAY && w <= WEEKDAY_SUNDAY ? date_weekdays[w - 1] : "?";
}

const char *
date_month_name(int month)
{
	return month >= 1 && month <= 12 ? date_months[month - 1] : "?";
}

struct date
date_add_days(struct date d, int32_t n)
{
	struct date r = { d.day + n };

	return r;
}

int
date_add_months(struct date dt, int32_t n, struct date *out, struct err *err)
{
	int y, m, d, dim;
	int64_t months;

	date_to_ymd(dt, &y, &m, &d);
	months = (int64_t)y * 12 + (m - 1) + n;
	if (months < (int64_t)DATE_MIN_YEAR * 12 || months > (int64_t)DATE_MAX_YEAR * 12 + 11)
		return err_set(err, "date out of range (%d-%d)", DATE_MIN_YEAR, DATE_MAX_YEAR);
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d, out, err);
}

int32_t
date_diff(struct date a, struct date b)
{
	return b.day - a.day;
}

int
date_cmp(struct date a, struct date b)
{
	return (a.day > b.day) - (a.day < b.day);
}

/* The last Sunday of a month, at 01:00 UTC, as Unix seconds. */
static int64_t
date_last_sunday_0100(int y, int m)
{
	struct date d = { date_days_from_civil(y, m, date_days_in_month(y, m)) };

	d.day -= (int32_t)(date_weekday(d) % 7); /* Sunday is 7: back 0 days */
	return (int64_t)d.day * 86400 + 3600;
}

/* Seconds London is ahead of UTC at t: 3600 in summer time, else 0. */
static int64_t
date_london_offset(int64_t t)
{
	struct date utc;
	int y, m, d;

	utc.day = (int32_t)((t >= 0 ? t : t - 86399) / 86400);
	date_to_ymd(utc, &y, &m, &d);
	if (y >= 1972 && t >= date_last_sunday_0100(y, 3) && t < date_last_sunday_0100(y, 10))
		return 3600;
	return 0;
}

struct date
date_from_unix_london(int64_t t)
{
	struct date out;

	t += date_london_offset(t);
	out.day = (int32_t)((t >= 0 ? t : t - 86399) / 86400);
	return out;
}

char *
date_format_london_time(int64_t t, char *buf, unsigned n)
{
	char day[DATE_STRLEN];
	int64_t local = t + date_london_offset(t);
	int64_t secs = ((local % 86400) + 86400) % 86400;

	snprintf(buf, n, "%s %02d:%02d", date_format(date_from_unix_london(t), day),
	         (int)(secs / 3600), (int)(secs / 60 % 60));
	return buf;
}
