/* reads.h - reads on record: every time a person's identity or a case's
 * sealed narrative is opened, an entry in the audit chain says who opened
 * it, when, which case or person, and through what (action "read").  A
 * view of pseudonyms records nothing.
 *
 * One entry per record, per handle (a command, a client session) and per
 * "through what".  A command writes its entry at once, in its own short
 * write transaction, before anything is shown; the client batches its own
 * (opening a case must stay fast): the first read of the session at once,
 * the rest with the session's next change, when the oldest has waited
 * BOOK_READS_WAIT_S seconds (book_reads_tick), and at book_close.  A read
 * that cannot be written is refused: nothing shown.  A read-only handle
 * (-R, a snapshot) sends its reads to the system log (authpriv) instead. */
#ifndef REDRESS_READS_H
#define REDRESS_READS_H

#include "redress/book.h"

#define BOOK_READS_WAIT_S 20

/* What this handle's reads go through ("case show", "client"), and whether
 * they are batched (the client) or written at once (a command).  Until a
 * front end says, a handle opens cases and people to work on them, not to
 * show them, and records no read (a step, a rekey). */
void book_reads_via(struct book *b, const char *via, bool batched);

/* Records that the identity or narrative of record (a case reference, or
 * "person 42", "every person", "every case") is being opened.  Nothing
 * for a handle without the data key.  0, or an error and the identity must
 * not be shown. */
int book_read_note(struct book *b, const char *record, struct err *err);

/* Writes the reads noted and not yet on record, in one transaction. */
int book_reads_flush(struct book *b, struct err *err);
/* book_reads_flush when the oldest pending read has waited long enough. */
int book_reads_tick(struct book *b, struct err *err);
size_t book_reads_pending(const struct book *b);

/* The reads on record (entries "read", and the exports and letters that
 * disclosed identity), oldest first, filtered: the case's reference; the
 * person (their own record and the cases they are party to); who read;
 * since (a time, 0: all). */
struct book_reads_filter {
	const char *ref;
	uint64_t person;
	const char *login;
	uint64_t since;
};
int book_reads_list(struct book *b, const struct book_reads_filter *f,
                    int (*each)(const struct book_audit *a, void *ctx), void *ctx,
                    struct err *err);
/* Whether an audit entry is a read (for listings of changes to leave out). */
bool book_audit_is_read(const struct book_audit *a);

#endif
