/* audit.h - the audit chain and the book's integrity (audit.c): listing
 * entries, verifying the chain, records and sealed fields, and the head an
 * admin keeps outside the book.  Results go into the caller's structs.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 *
 * Callbacks (each()) run inside the book's read transaction, one call per
 * item: they must not block (no waiting for a person or a pipe) and must not
 * call back into the book; a non-zero return stops the walk and is returned. (book_verify_each's each returns nothing and cannot stop it.) */
#ifndef REDRESS_AUDIT_H
#define REDRESS_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

struct book_audit {
	uint64_t seq, time;
	uint32_t uid;
	char login[64];
	char action[32];
	char record[64];
	char fields[160];
	char hash[65];              /* hex */
};

int book_audit_list(struct book *b, int (*each)(const struct book_audit *a, void *ctx),
                    void *ctx, struct err *err);

struct book_verify {
	uint64_t entries;
	uint64_t bad;               /* entries that failed */
	char first_problem[256];
	uint64_t records;           /* records that match their last audit entry */
	uint64_t uncovered;         /* records no entry covers yet (older books) */
	uint64_t keys_unanchored;   /* users whose keys no entry recorded (older books) */
};
/* Store integrity, the audit chain, every record against its last audit
 * entry and every user's public keys against those the chain recorded,
 * read-only.  0 only if all holds. */
int book_verify(struct book *b, struct book_verify *out, struct err *err);
/* With the person's keys unlocked: every sealed field of every case and
 * person opens with a key held.  each() gets one line per case or person
 * with fields that do not ("CSC-2026-0001 summary, CSC-2026-0001 point
 * 2"); *shut counts those fields, *checked the records read.  0 only if
 * every field opens. */
int book_verify_sealed(struct book *b, int (*each)(const char *line, void *ctx), void *ctx,
                       size_t *checked, size_t *shut, struct err *err);
/* The same, calling each(problem) for every problem found, in order. */
int book_verify_each(struct book *b, struct book_verify *out,
                     void (*each)(const char *problem, void *ctx), void *ctx, struct err *err);

/* The chain's head: its last entry's sequence and hash (lowercase hex), for
 * an admin to keep outside the book. */
int book_audit_head(struct book *b, uint64_t *seq, char hex[65], struct err *err);
/* 0 when the chain holds entry seq with hash hex (a head kept earlier);
 * otherwise the chain was cut back or rewritten since.  BOOK_EUSAGE for a
 * malformed hash. */
int book_verify_anchor(struct book *b, uint64_t seq, const char *hex, struct err *err);

#endif
