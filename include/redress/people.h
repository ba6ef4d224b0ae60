/* people.h - the sealed identities (people.c): children, complainants and
 * others named on cases, each sealed with the book's data key and found
 * through a blind index.  The caller owns every struct it passes; names
 * come back in the caller's struct (no allocation).
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 *
 * Callbacks (each()) run inside the book's read transaction, one call per
 * item: they must not block (no waiting for a person or a pipe) and must not
 * call back into the book; a non-zero return stops the walk and is returned. */
#ifndef REDRESS_PEOPLE_H
#define REDRESS_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

#define BOOK_NAME_MAX 256

struct book_person {
	uint64_t id, rev, updated_at;
	char updated_by[64];
	bool shown;                 /* name and dob are real (else pseudonym) */
	char name[BOOK_NAME_MAX];   /* or the pseudonym, e.g. "Person P-0042" */
	char dob[16];               /* YYYY-MM-DD, or "" */
};

int book_person_add(struct book *b, const char *name, const char *dob, uint64_t *id,
                    struct err *err);
/* Adds n people in one transaction, all or none (imports); the first id is
 * returned in *first, the rest follow it. */
int book_person_import(struct book *b, const char *const *names, const char *const *dobs,
                       size_t n, uint64_t *first, struct err *err);
int book_person_get(struct book *b, uint64_t id, struct book_person *out, struct err *err);
/* Changes name and/or dob (NULL: unchanged) if the record is still at
 * base_rev; otherwise BOOK_ESTALE, naming who changed it and when. */
int book_person_update(struct book *b, uint64_t id, uint64_t base_rev, const char *name,
                       const char *dob, struct err *err);
/* Exact search on name (and dob when not NULL) through the blind index,
 * candidates confirmed by decryption. */
int book_person_find(struct book *b, const char *name, const char *dob,
                     int (*each)(const struct book_person *p, void *ctx), void *ctx,
                     struct err *err);
int book_person_list(struct book *b, int (*each)(const struct book_person *p, void *ctx),
                     void *ctx, struct err *err);

/* Contact details of a person, every field sealed like the name ("" when
 * not recorded).  Letters take the addressee's address from them, and are
 * refused when safe is "no". */
#define BOOK_ADDRESS_MAX 512
struct book_contact {
	char address[BOOK_ADDRESS_MAX]; /* postal address, lines split by '\n' or ", " */
	char email[256];
	char phone[64];
	char prefer[16];                /* preferred channel (vocab.h), or "" */
	char safe[4];                   /* safe to write to them: "yes", "no", or "" */
};
/* A change: NULL leaves a field as it is, "" clears it. */
struct book_contact_change {
	const char *address, *email, *phone, *prefer, *safe;
};
/* Checks a change without the book: BOOK_EUSAGE and one line when a value
 * is wrong (an e-mail without '@', a channel not in the vocabulary ...). */
int book_contact_check(const struct book_contact_change *ch, struct err *err);
/* The contact details of person id: needs the data key (BOOK_EDENIED
 * otherwise; *out is then empty); the read is on record first. */
int book_contact_get(struct book *b, uint64_t id, struct book_contact *out, struct err *err);
/* Changes them if the person is still at base_rev (0: no check); one
 * revision of the person and one audit entry, "person.contact". */
int book_contact_set(struct book *b, uint64_t id, uint64_t base_rev,
                     const struct book_contact_change *ch, struct err *err);

/* A child's or complainant's name for a key holder, else the pseudonym
 * PREFIX-NNNN ("Child C"): for lists that decrypt only the rows shown. */
int book_person_label_get(struct book *b, uint64_t person, const char *prefix, char *out,
                          size_t n, struct err *err);

#endif
