/* erasure.h - retention and legal holds (erasure.c): which closed cases
 * have outlived the profile's retention, and erasing their identity and
 * narrative.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 *
 * Callbacks (each()) run inside the book's read transaction, one call per
 * item: they must not block (no waiting for a person or a pipe) and must not
 * call back into the book; a non-zero return stops the walk and is returned. (Except book_retention_apply's each, called after the commit.) */
#ifndef REDRESS_ERASURE_H
#define REDRESS_ERASURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

#include "redress/case.h"

/* Sets (hold) or clears a legal hold on a case: a manager's or admin's
 * decision, audited; reason (sealed, may be NULL) says why.  Holding a case
 * already held, or clearing one not held, is refused. */
int book_case_hold(struct book *b, const char *ref, bool hold, const char *reason,
                   struct err *err);

/* A closed case whose retention has run out on the book's today. */
struct book_retention {
	char ref[BOOK_REF_MAX];
	char closed[16], due[16];    /* YYYY-MM-DD */
	bool held;                   /* kept by a legal hold */
};

/* The closed cases due for erasure under the book's profile, by reference
 * (held ones too, marked), erased ones left out.  Needs no key.  Refused
 * (BOOK_EUSAGE) when the profile sets no retention. */
int book_retention_due(struct book *b, int (*each)(const struct book_retention *r, void *ctx),
                       void *ctx, struct err *err);

/* Erases every due case that is not held, in one transaction: the summary,
 * points, recommendations, views, notes and hold reason, the case's drafts,
 * and the sealed name, date of birth and blind index of each of its people
 * who is party to no case still kept.  The plain figures (kind, channel,
 * dates, stages, outcomes, codes, team, deadlines) stay.  Each case and
 * person gets a new revision, an erased mark and an audit entry naming no
 * one.  An admin's act; the data key is not needed.  Erasing again changes
 * nothing.  After the commit, each (may be NULL) is called for every case
 * that was due, erased now or held; the counts may be NULL. */
int book_retention_apply(struct book *b, int (*each)(const struct book_retention *r, void *ctx),
                         void *ctx, size_t *cases, size_t *people, struct err *err);

#endif
