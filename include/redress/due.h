/* due.h - the deadlines index (due.c): range scans for the calendar and
 * the agenda, and a case's own deadlines.  Results are copied into the
 * caller's structs (book_due is the scan's, valid for the call only).
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 *
 * Callbacks (each()) run inside the book's read transaction, one call per
 * item: they must not block (no waiting for a person or a pipe) and must not
 * call back into the book; a non-zero return stops the walk and is returned. */
#ifndef REDRESS_DUE_H
#define REDRESS_DUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

#include "redress/case.h"

/* Deadlines in [from, to] from the index, by date. */
struct book_due {
	char date[16];
	int32_t day;                 /* the same as a day number */
	char ref[BOOK_REF_MAX];
	char key[40];
	bool target;                 /* the internal target rather than the deadline */
	bool done;
	bool council;                /* the council's clock, not the complainant's */
	int32_t days;                /* working days from today: negative when past */
	uint64_t case_id;
	/* with BOOK_DUE_DETAILS, from the case's summary: */
	int kind, status, stage;
	uint64_t child_person;       /* for book_person_label_get, 0 if none */
	/* a dated item that is not a statutory deadline (dated.c), or a rule's: */
	int item;                    /* BOOK_DUE_RULE, BOOK_DUE_REC, BOOK_DUE_REVIEW */
	unsigned number;             /* BOOK_DUE_REC: the recommendation's number */
	uint64_t person;             /* BOOK_DUE_REVIEW: whose adjustments */
	char owner[64], team[64];
	char child[BOOK_NAME_MAX];   /* with BOOK_DUE_NAMES a key holder's name, else pseudonym */
};
/* What an entry of the index is: a deadline or target of the case's
 * profile, one of the Ombudsman's recommendations due and not yet complied
 * with (complied with: done), or the review of a party's reasonable
 * adjustments (adjust.h).  The last two are the council's (council true),
 * never targets, and no statutory deadline: their labels say so. */
enum { BOOK_DUE_RULE = 0, BOOK_DUE_REC, BOOK_DUE_REVIEW };
/* An item's label into buf ("review of reasonable adjustments (not a
 * statutory deadline)"), or NULL for a rule's deadline (its profile
 * labels it). */
const char *book_due_item_label(const struct book_due *d, char *buf, size_t n);
enum {
	BOOK_DUE_TARGETS = 1u << 0,      /* the internal targets too */
	BOOK_DUE_NO_DEADLINES = 1u << 1, /* only them */
	BOOK_DUE_DETAILS = 1u << 2,      /* owner, team, stage, child */
	BOOK_DUE_NAMES = 1u << 3,        /* and the child's name decrypted */
	BOOK_DUE_NOT_MET = 1u << 4,      /* not those already met (passed over before
	                                  * their details are read) */
};
/* How many entries of the index fall on one day, by class (deadlines,
 * internal targets, dated items: BOOK_DUE_C_*) and state (met; not met, the
 * council's clock; not met, the complainant's: BOOK_DUE_S_*), and the
 * working days from the book's today to it.  Dated items are counted as a
 * scan would give them (a review since moved is not). */
enum { BOOK_DUE_C_DEADLINE, BOOK_DUE_C_TARGET, BOOK_DUE_C_ITEM, BOOK_DUE_NCLASS };
enum { BOOK_DUE_S_MET, BOOK_DUE_S_OPEN, BOOK_DUE_S_THEIRS, BOOK_DUE_NSTATE };
struct book_due_day {
	int32_t day;
	int32_t days;
	uint32_t n[BOOK_DUE_NCLASS][BOOK_DUE_NSTATE];
};
/* The days of [from, to] that have entries, in order, into out (at most
 * max; *n how many): read from a table of counts kept with the index in the
 * same transactions, so a month costs a few pages, not its thousands of
 * entries.  BOOK_DUE_NO_DAYS when the book keeps no counts (read-only, of a
 * schema before 4): scan instead. */
#define BOOK_DUE_NO_DAYS 1
int book_due_days(struct book *b, const char *from, const char *to, struct book_due_day *out,
                  size_t max, size_t *n, struct err *err);
/* Admin: the counts counted again from the deadlines index, in one write
 * transaction with its audit entry (book.recount), for the days `verify`
 * names as differing; *changed how many days differed (0: the counts were
 * right, and nothing is written).  BOOK_EUSAGE on a book of a schema before
 * 4 (the first writer to open it counts them). */
int book_due_days_recount(struct book *b, long *changed, struct err *err);

/* Reads the deadlines index for [from, to] only (a cursor range scan): the
 * cost follows the range, not the book. */
int book_due_scan(struct book *b, const char *from, const char *to, unsigned flags,
                  int (*each)(const struct book_due *d, void *ctx), void *ctx, struct err *err);
int book_deadlines_range(struct book *b, const char *from, const char *to, bool targets,
                         int (*each)(const struct book_due *d, void *ctx), void *ctx,
                         struct err *err);
/* The same with each case's owner, team and child (named for a key
 * holder), for an agenda. */
int book_agenda(struct book *b, const char *from, const char *to, bool targets,
                int (*each)(const struct book_due *d, void *ctx), void *ctx, struct err *err);

struct wf_event;
/* Whether the case's Stage 1 response, over the first n events of wf, was
 * overdue on day on (a struct date's day): then Stage 2 may be asked for
 * without one. */
bool book_case_overran(struct book *b, const struct book_case *c, const struct wf_event *wf,
                       size_t n, int32_t on);
/* The same for any of the council's responses (response: an enum
 * event_type, EV_STAGE2_RESPONSE_SENT ...): overdue on day on and not sent. */
bool book_case_response_overdue(struct book *b, const struct book_case *c,
                                const struct wf_event *wf, size_t n, int32_t on, int response);

struct deadline;
/* A case's deadlines on the book's today, from its own profile and
 * calendar (the deadline structs borrow rules from the book's profile). */
int book_case_deadlines(struct book *b, const struct book_case *c, struct deadline *out,
                        size_t max, size_t *n, struct err *err);

#endif
