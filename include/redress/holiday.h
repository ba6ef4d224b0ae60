/* holiday.h - bank-holiday calendars, kept as data (redress-holidays(5)).
 *
 * A calendar lists every holiday explicitly for the years it covers, moved
 * and one-off holidays included, and carries the rules (fixed dates with
 * substitute days, Easter offsets, nth weekday of a month) that project the
 * holidays of any other year; projected holidays are marked as such.
 * Parsing is pure: the caller reads the file and passes its text. */
#ifndef REDRESS_HOLIDAY_H
#define REDRESS_HOLIDAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/date.h"
#include "redress/err.h"

#define HOLIDAY_NAME_MAX 64
#define HOLIDAY_RULES_MAX 32
#define HOLIDAY_PER_YEAR_MAX 40

struct holiday {
	struct date date;
	char name[HOLIDAY_NAME_MAX];
	bool projected; /* computed by a rule, not listed in the file */
};

enum holiday_rule_kind {
	HOLIDAY_FIXED,   /* month-day, optionally moved to a substitute weekday */
	HOLIDAY_EASTER,  /* Easter Sunday plus an offset in days */
	HOLIDAY_NTH,     /* nth (1-4) or last (-1) weekday of a month */
};

struct holiday_rule {
	enum holiday_rule_kind kind;
	int month, day;       /* FIXED */
	bool substitute;      /* FIXED: a weekend date moves to the next free weekday */
	int offset;           /* EASTER */
	int nth;              /* NTH: 1..4, or -1 for last */
	enum weekday weekday; /* NTH */
	char name[HOLIDAY_NAME_MAX];
};

struct calendar {
	char id[64];
	char territory[96];
	char source[256];
	int cover_from, cover_to;    /* years listed in full; 0 when none */
	struct holiday *days;        /* listed holidays, sorted by date; owned */
	size_t ndays;
	struct holiday_rule rules[HOLIDAY_RULES_MAX];
	size_t nrules;
	/* every holiday of HOLIDAY_FAST_FROM..HOLIDAY_FAST_TO, listed or
	 * projected, as sorted day numbers: "is this a holiday" without
	 * projecting a year on every call (years outside are projected as
	 * asked: the table is built at every start, so it spans the years a
	 * complaint's dates fall in, not every year a date may name); owned */
	int32_t *fast;
	size_t nfast;
	int32_t fast_lo, fast_hi; /* day numbers the table spans */
};

#define HOLIDAY_FAST_FROM 1970
#define HOLIDAY_FAST_TO 2100

/* Parses a calendar from text (len bytes, need not be NUL-terminated).
 * file names the source in messages: "FILE:LINE: what is wrong".
 * On success fills *cal, which the caller releases with calendar_free();
 * on failure returns -1 and *cal holds nothing to free. */
int calendar_parse(struct calendar *cal, const char *text, size_t len,
                   const char *file, struct err *err);
void calendar_free(struct calendar *cal);

/* Whether d is a holiday; if so and h is not NULL, fills *h. */
bool calendar_holiday(const struct calendar *cal, struct date d, struct holiday *h);

/* The holidays of one year in date order, listed or projected.  Writes at
 * most max into out and returns how many there are. */
size_t calendar_year(const struct calendar *cal, int year, struct holiday *out, size_t max);

/* The rules alone applied to a year (what the year would be with no list),
 * for checking a listed year against the rules. */
size_t calendar_project(const struct calendar *cal, int year, struct holiday *out, size_t max);

/* How many holidays falling Monday to Friday lie in (a, b], or -1 when the
 * span is not within HOLIDAY_FAST_FROM..HOLIDAY_FAST_TO (count by hand). */
long calendar_weekday_holidays(const struct calendar *cal, struct date a, struct date b);

/* How many holidays falling Monday to Friday lie in (a, b], or -1 when the
 * span is not within HOLIDAY_FAST_FROM..HOLIDAY_FAST_TO (count by hand). */
long calendar_weekday_holidays(const struct calendar *cal, struct date a, struct date b);

/* Lists holiday d named name (one line, under HOLIDAY_NAME_MAX bytes);
 * -1 with the reason when it is listed already or the name will not do.
 * The fast table is left as it was: write the text and parse it again. */
int calendar_list_add(struct calendar *cal, struct date d, const char *name, struct err *err);
/* Takes d off the list; false when it was not listed. */
bool calendar_list_remove(struct calendar *cal, struct date d);
/* The years from..to listed as days (n of them) instead of what cal
 * listed for them; covered years extended over them when they touch.  -1
 * with the reason for a day listed twice or a name that will not do. */
int calendar_list_years(struct calendar *cal, int from, int to, const struct holiday *days,
                        size_t n, struct err *err);
/* The calendar as redress-holidays(5) text, led by "# comment": its
 * directives, rules and listed days (malloc'd, *len bytes), or NULL when out
 * of memory.  calendar_parse() reads it back to the same calendar. */
char *calendar_text(const struct calendar *cal, const char *comment, size_t *len);

/* Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
struct date holiday_easter(int year);

#endif
