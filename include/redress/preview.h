/* preview.h - what one more step would do to a case's clocks, said before
 * it is recorded: the deadlines it closes (met or missed), stops, moves or
 * opens.  Pure: the clock engine run over the events with and without the
 * step, compared rule by rule. */
#ifndef REDRESS_PREVIEW_H
#define REDRESS_PREVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "redress/clock.h"
#include "redress/workflow.h"

enum preview_kind {
	PREVIEW_CLOSES = 0, /* done by the step: state MET or MISSED */
	PREVIEW_STOPS,      /* not done, and no longer counts (withdrawn, closed) */
	PREVIEW_MOVES,      /* still open, due on another date (an extension) */
	PREVIEW_OPENS,      /* a clock the step starts */
	PREVIEW_LATE,       /* still open, and the date the step sets (a panel's)
	                     * is after it: days working days */
};

struct preview {
	enum preview_kind kind;
	const struct rule *rule;    /* borrowed from the profile */
	struct date due;            /* the date after the step */
	struct date was;            /* MOVES: the date before it */
	enum clock_state state;     /* CLOSES: MET or MISSED */
	int32_t days;               /* CLOSES, MISSED; LATE: working days late */
	bool capped;                /* MOVES, OPENS: an extension agreed past the */
	struct date until;          /*   longest allowed, to this date */
};

/* The effects of recording next after events ev (n of them) of a case on
 * route, with the book's profile and calendar and today's date; at most
 * max into out, *nout set.  -1 and why when the clock cannot be computed. */
int clock_preview(const struct profile *p, const struct calendar *cal, enum route route,
                  const struct wf_event *ev, size_t n, const struct wf_event *next,
                  struct date today, struct preview *out, size_t max, size_t *nout,
                  struct err *err);

/* One line in words: "closes Stage 1 response (due 2026-11-20): missed by
 * 3 working days", "opens Stage 2 request window: due on 2027-01-05".
 * Returns buf. */
char *preview_describe(const struct preview *e, char *buf, size_t n);

#endif
