/* workday.c - counting working days: weekdays that are not holidays. */
#include "redress/workday.h"

enum workday_reason
workday_reason(const struct calendar *cal, struct date d, struct holiday *h)
{
	enum weekday w = date_weekday(d);

	if (w == WEEKDAY_SATURDAY)
		return WORKDAY_SATURDAY;
	if (w == WEEKDAY_SUNDAY)
		return WORKDAY_SUNDAY;
	if (cal != NULL && calendar_holiday(cal, d, h))
		return WORKDAY_HOLIDAY;
	return WORKDAY_WORKING;
}

bool
workday_is(const struct calendar *cal, struct date d)
{
	return workday_reason(cal, d, NULL) == WORKDAY_WORKING;
}

int
workday_add(const struct calendar *cal, struct date d, int32_t n, struct date *out,
            struct err *err)
{
	int32_t step = n < 0 ? -1 : 1, left = n < 0 ? -n : n;

	if (!date_in_range(d))
		return err_set(err, "date out of range (%d-%d)", DATE_MIN_YEAR, DATE_MAX_YEAR);
	if (n == 0) {
		while (!workday_is(cal, d)) {
			d = date_add_days(d, 1);
			if (!date_in_range(d))
				return err_set(err, "no working day before %d-12-31", DATE_MAX_YEAR);
		}
		*out = d;
		return 0;
	}
	while (left > 0) {
		d = date_add_days(d, step);
		if (!date_in_range(d))
			return err_set(err, "%d working days %s leaves the years %d-%d",
			               n < 0 ? -n : n, n < 0 ? "before" : "after",
			               DATE_MIN_YEAR, DATE_MAX_YEAR);
		if (workday_is(cal, d))
			left--;
	}
	*out = d;
	return 0;
}

/* Mondays to Fridays from a fixed Monday up to and including d (may be
 * negative before it); differences give weekdays in a span in O(1). */
static int64_t
workday_weekdays_upto(struct date d)
{
	int64_t k = (int64_t)d.day - 4; /* 1970-01-05 was a Monday */
	int64_t weeks = k >= 0 ? k / 7 : -((-k + 6) / 7);
	int64_t rest = k - weeks * 7;    /* 0 (Monday) .. 6 (Sunday) */

	return weeks * 5 + (rest < 5 ? rest + 1 : 5);
}

int32_t
workday_between(const struct calendar *cal, struct date a, struct date b)
{
	int32_t n = 0;
	int sign = 1;
	struct date t;

	long hol;

	if (b.day < a.day) {
		/* back from a to b: the working days in [b, a), which are those in
		 * (b - 1, a - 1] */
		t = date_add_days(a, -1);
		a = date_add_days(b, -1);
		b = t;
		sign = -1;
	}
	if (cal != NULL && (hol = calendar_weekday_holidays(cal, a, b)) >= 0)
		return sign * (int32_t)(workday_weekdays_upto(b) - workday_weekdays_upto(a) - hol);
	while (a.day < b.day) {
		a = date_add_days(a, 1);
		if (workday_is(cal, a))
			n++;
	}
	return sign * n;
}
