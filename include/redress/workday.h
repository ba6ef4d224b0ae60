/* workday.h - working-day arithmetic over a holiday calendar.
 *
 * A working day is a Monday to Friday that is not a holiday.  The counting
 * convention is that of DESIGN.md: day 1 is the first working day after the
 * starting date, so a Friday and the Saturday after it give the same clock. */
#ifndef REDRESS_WORKDAY_H
#define REDRESS_WORKDAY_H

#include <stdbool.h>
#include <stdint.h>

#include "redress/date.h"
#include "redress/err.h"
#include "redress/holiday.h"

enum workday_reason {
	WORKDAY_WORKING = 0,
	WORKDAY_SATURDAY,
	WORKDAY_SUNDAY,
	WORKDAY_HOLIDAY,
};

/* Why d is or is not a working day; for a holiday, fills *h when not NULL. */
enum workday_reason workday_reason(const struct calendar *cal, struct date d,
                                   struct holiday *h);
bool workday_is(const struct calendar *cal, struct date d);

/* n > 0: the nth working day after d.  n < 0: the nth working day before d.
 * n = 0: d itself if it is a working day, else the next working day.
 * -1 if the result leaves the valid date range. */
int workday_add(const struct calendar *cal, struct date d, int32_t n,
                struct date *out, struct err *err);

/* Working days from a to b, a excluded and b included: those in (a, b]
 * when a <= b, minus those in [b, a) when b < a.  So workday_add(a, n) == b
 * gives n for a working day b in both directions (day 1 is the first
 * working day after a, day -1 the first before it).  Swapping a and b
 * changes only the sign when both are working days. */
int32_t workday_between(const struct calendar *cal, struct date a, struct date b);

#endif
