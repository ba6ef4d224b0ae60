/* retention.h - when a closed case's identity and narrative may go: the
 * date it closed, read from its timeline, plus the profile's retention.
 * Pure: the book layer decides what to erase and writes it. */
#ifndef REDRESS_RETENTION_H
#define REDRESS_RETENTION_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/date.h"
#include "redress/err.h"
#include "redress/profile.h"
#include "redress/workflow.h"

/* The date the case closed (closed, withdrawn, declined, redirected, sent
 * to the helpdesk), the latest such date after any reopening; false when
 * the case is open, which never expires.  A redirected contact with no
 * redirect recorded closed on its first event (receipt). */
bool retention_closed(enum route route, const struct wf_event *ev, size_t n,
                      struct date *closed);

/* closed plus amount units (calendar days, weeks, months or years; a month
 * end is kept, 29 February + 1 year = 28 February).  -1 when the profile
 * sets no retention or the date leaves the calendar. */
int retention_due(const struct profile *p, struct date closed, struct date *due,
                  struct err *err);

#endif
