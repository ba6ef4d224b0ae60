/* clock.h - the statutory clocks of one case, computed from what happened.
 *
 * clock_compute() is a pure function of a resolved profile, a holiday
 * calendar, the case's route and dated events, and today's date.  Each rule
 * whose starting event has happened yields a deadline with two dates: the
 * deadline proper, which never pauses (the Regulations have none), and the
 * internal target, which pauses and restarts as the profile says.  State is
 * judged on the deadline proper, so a paused case past its statutory maximum
 * is reported as overdue whatever its target says. */
#ifndef REDRESS_CLOCK_H
#define REDRESS_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/date.h"
#include "redress/err.h"
#include "redress/holiday.h"
#include "redress/profile.h"

struct clock_event {
	enum event_type type;
	struct date date;
	bool has_until;    /* extensions: the date agreed, capped at the maximum */
	struct date until;
};

enum clock_state {
	CLOCK_PENDING = 0, /* not done, not yet due */
	CLOCK_MET,         /* done on or before the date */
	CLOCK_MISSED,      /* done, but after the date */
	CLOCK_OVERDUE,     /* not done, council's date passed */
	CLOCK_LAPSED,      /* not done, complainant's window passed */
	CLOCK_STOPPED,     /* case withdrawn or closed before it was done */
};
const char *clock_state_name(enum clock_state s);

struct deadline {
	const struct rule *rule;    /* borrowed from the profile */
	enum event_type anchor_event;
	struct date anchor;         /* when the deadline's clock started */
	bool anchor_projected;      /* started from another rule's due date */
	struct date due;            /* statutory/published date: never pauses */
	bool extended;
	bool agreed;                /* an extension's agreed date set it */
	bool agreed_closed;         /* ... and that date is not a working day */
	bool agreed_early;          /* the date agreed is before the deadline extended */
	bool agreed_capped;         /* the date agreed is past the longest extension, */
	struct date agreed_until;   /*   this one: the longest stands */
	bool extended_late;         /* extension agreed after the deadline had passed: */
	struct date extended_on;    /*   on this date; the deadline stays */
	bool left;                  /* not done: the complainant went on to the next stage */
	struct date left_on;        /*   on this date */
	bool floored;               /* the Regulations' date, earlier than the council's */
	struct date council;        /*   the council's own date (its target) */
	struct date floor_anchor;   /*   the Regulations' clock started here */
	bool floor_projected;       /*   ... from the due date of floor.else_due */
	bool planned;               /* anchored at the date the panel was arranged for */
	struct date target;         /* internal target: pauses and restarts */
	struct date target_anchor;
	int32_t paused;             /* working days the target was paused */
	bool done;
	struct date done_date;
	enum clock_state state;     /* judged on `due` */
	enum clock_state target_state;
	/* PENDING: working days left until due (0 = due today);
	 * OVERDUE/LAPSED: working days over; MET/MISSED: working days before
	 * (negative) or after (positive) the date it was done. */
	int32_t days;
};

/* Computes the deadlines of a case.  events need not be sorted; an event
 * type may occur more than once (the first occurrence starts or meets a
 * clock, the last restarts a target).  Writes at most max deadlines into
 * out in profile order, sets *n.  -1 when a date leaves the valid range. */
int clock_compute(const struct profile *p, const struct calendar *cal,
                  enum route route, const struct clock_event *events, size_t nevents,
                  struct date today, struct deadline *out, size_t max, size_t *n,
                  struct err *err);

/* Whether a deadline still calls for action: not done, not stopped, not
 * left behind for the next stage. */
bool clock_open(const struct deadline *dl);

/* Refuses (-1, why) an extension whose agreed date is before the deadline
 * it extends; events as for clock_compute. */
int clock_check_extensions(const struct profile *p, const struct calendar *cal,
                           enum route route, const struct clock_event *events,
                           size_t nevents, struct date today, struct err *err);

/* Whether, on date on, a council deadline met by the event response had
 * passed without it (the complainant may then go on to the next stage). */
bool clock_overran(const struct profile *p, const struct calendar *cal, enum route route,
                   const struct clock_event *events, size_t nevents, enum event_type response,
                   struct date on);

/* Adds amount units to d as a rule counts them (see workday_add for
 * working days).  -1 when the result leaves the valid range. */
int clock_add(const struct calendar *cal, struct date d, int amount, enum unit unit,
              struct date *out, struct err *err);

/* One line explaining a deadline's date, e.g. "10 working days after
 * received 2026-11-20 (extended to 20)".  Returns buf. */
char *clock_explain(const struct deadline *dl, char *buf, size_t n);

#endif
