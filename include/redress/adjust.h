/* adjust.h - reasonable adjustments (adjust.c; Complaint Handling Code 5.6):
 * what was agreed with a person so that they can take part in the
 * complaint (large print, calls not letters, an advocate present ...),
 * when, and when it is next to be reviewed.  What was agreed can reveal a
 * disability, so it is sealed with the person's identity; the next review
 * date is kept plain, so that the calendar shows it without the key on
 * every case the person is party to, as a dated item that is not a
 * statutory deadline.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 * The caller owns every struct; nothing is allocated for it. */
#ifndef REDRESS_ADJUST_H
#define REDRESS_ADJUST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

#define BOOK_ADJUST_MAX 2048

struct book_adjust {
	char text[BOOK_ADJUST_MAX];  /* what was agreed; "" none recorded */
	char agreed[16];             /* the day it was agreed, YYYY-MM-DD */
	char reviewed[16];           /* the day it was last reviewed, or "" */
	char review[16];             /* the next review, or "" none set */
};

/* A change.  NULL leaves a field as it is; "" clears review.  With clear,
 * the adjustments are removed (nothing else may be given).  With reviewed
 * (a date), they were reviewed on that day: review is then the next
 * review ("" none), and text may change what was agreed. */
struct book_adjust_change {
	const char *text, *agreed, *review, *reviewed;
	bool clear;
};

/* Checks a change against what is recorded (cur; NULL: check it alone, as a
 * form does while it is typed) on day today (YYYY-MM-DD): dates real and in
 * order (agreed not in the future, review after agreed and reviewed), text
 * printable and at most BOOK_ADJUST_MAX - 1 bytes, something to change,
 * and a text for a person who has none.  0 or BOOK_EUSAGE with one line. */
int book_adjust_check(const struct book_adjust_change *ch, const struct book_adjust *cur,
                      const char *today, struct err *err);
/* ch applied to cur, into out (which may be cur).  agreed defaults to
 * today when text is first given. */
void book_adjust_apply(const struct book_adjust *cur, const struct book_adjust_change *ch,
                       const char *today, struct book_adjust *out);

/* a in one line into buf (n bytes): what was agreed, its lines joined by
 * "; ", then when agreed, last reviewed and next to be reviewed. */
const char *book_adjust_describe(const struct book_adjust *a, char *buf, size_t n);

/* Person id's adjustments: needs the data key (BOOK_EDENIED otherwise);
 * the read is on record first, when there is something to read; text ""
 * when none are recorded. */
int book_adjust_get(struct book *b, uint64_t id, struct book_adjust *out, struct err *err);
/* Changes them if the person is still at base_rev (0: no check): one new
 * revision of the person, one audit entry "person.adjust" naming the
 * fields (never their values), and the review re-dated on the calendar of
 * every case they are party to, in the same transaction. */
int book_adjust_set(struct book *b, uint64_t id, uint64_t base_rev,
                    const struct book_adjust_change *ch, struct err *err);

#endif
