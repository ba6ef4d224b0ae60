/* book.h - the application layer: one open case book, the person using it,
 * its users and keys.  Each change is one short write transaction that also
 * appends a signed entry to the audit chain.  Both front ends (cli/, tui/)
 * call only the book's headers; neither touches LMDB or libsodium.  The
 * other modules have their own headers (people.h, case.h, due.h, draft.h,
 * erasure.h, import.h, export.h, disclosure.h, audit.h, demo.h, letter.h),
 * which this one includes; report.h includes this one.
 *
 * The person is the Unix account running the program (getuid()).  Their
 * keys are unlocked by passphrase (book_unlock); identity fields are sealed
 * with the book's data key, which reaches each user sealed to their own key
 * pair.  Operations that need no identity (lists, audits, verify) work
 * without unlocking and show pseudonyms.
 *
 * Ownership: book_open() gives the caller a struct book that book_close()
 * frees (and sets to NULL).  Every struct passed in or filled is the
 * caller's; strings passed in are borrowed for the call only.
 *
 * Errors, for every function of the book's headers that returns int: 0 on
 * success, or one of the codes below, always with a one-line message in
 * *err.  Which code says whose the problem is; front ends map them (the
 * CLI: BOOK_EUSAGE, BOOK_EDENIED and BOOK_EREVOKED exit 2, BOOK_ESTALE 3,
 * BOOK_EFAIL 1).  "Not found" and "none" are never codes: a function that
 * may find nothing says so through an out-parameter.
 *
 * Callbacks (each(), line()) run inside the book's read transaction unless
 * their header says otherwise: they must not block (no waiting for a person
 * or a pipe) and must not call back into the book; a non-zero return stops
 * the walk and is returned. */
#ifndef REDRESS_BOOK_H
#define REDRESS_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/vocab.h"

#define BOOK_SCHEMA 4

/* Error codes (see above). */
#define BOOK_EFAIL -1     /* the book or the system failed: I/O, memory, a damaged record */
#define BOOK_EUSAGE -2    /* the request is wrong: a bad value, an unknown name or
                           * reference, a step the case's state does not allow */
#define BOOK_ESTALE -3    /* someone else changed the record first: nothing was saved */
#define BOOK_EDENIED -4   /* the person may not: their role, a read-only book, no data key */
#define BOOK_EREVOKED -5  /* the person's access was revoked while the book was open */

/* Argon2id cost for a new or changed passphrase. */
enum book_cost {
	BOOK_COST_NORMAL = 0,
	BOOK_COST_TEST, /* minimum cost: test suites only */
};

enum {
	BOOK_RDONLY = 1u << 0,   /* -R: never write */
	BOOK_SNAPSHOT = 1u << 1, /* a snapshot copy: read-only, no lock file */
};

struct book;

/* Creates a book in dir (which must not exist or be empty): directory 2770,
 * files 0660; copies the authority's profile chain and its holiday calendar
 * in as version 1; the caller becomes its first admin with passphrase pass. */
int book_create(const char *dir, const char *authority, const char *pass, size_t passlen,
                enum book_cost cost, struct err *err);

int book_open(const char *dir, unsigned flags, struct book **b, struct err *err);
void book_close(struct book **b);

bool book_readonly(const struct book *b);
const char *book_dir(const struct book *b);
const char *book_login(const struct book *b);
/* The person's role (ROLE_NONE if not enrolled or not granted). */
enum role book_role(const struct book *b);
bool book_enrolled(const struct book *b);
bool book_unlocked(const struct book *b);
/* Whether the person holds the data key (can see names). */
bool book_has_key(const struct book *b);

/* Unlocks the person's keys; "wrong passphrase" changes nothing. */
int book_unlock(struct book *b, const char *pass, size_t passlen, struct err *err);

/* Catches up with what admins did since the book was opened: a rotated
 * data key is taken from the person's own slot (no passphrase: their keys
 * are unlocked), a changed role applies.  Every write does this inside its
 * own transaction as well.  BOOK_EREVOKED when their access was revoked:
 * the keys held are wiped, and book_revoked() says so from then on (it
 * is false for a person revoked before the book was opened). */
int book_refresh(struct book *b, struct err *err);
bool book_revoked(const struct book *b);

/* Meta: authority, calendar, schema, data key id. */
struct book_info {
	char authority[64];
	char calendar[64];
	unsigned profile_version, calendar_version;
	unsigned schema;
	uint32_t key_id;
	uint64_t audit_seq;
	uint64_t people;
	uint64_t cases;             /* open and closed */
};
int book_info(struct book *b, struct book_info *out, struct err *err);

struct book_user {
	uint32_t uid;
	char login[64];
	enum role role;
	bool granted, revoked;
	uint32_t key_id;          /* the data key their slot holds, 0 if none */
	uint64_t enrolled_at, granted_at;
	char granted_by[64];
};

int book_user_enrol(struct book *b, const char *pass, size_t passlen, enum book_cost cost,
                    struct err *err);
int book_user_grant(struct book *b, const char *login, enum role role, struct err *err);
int book_user_passwd(struct book *b, const char *newpass, size_t newlen, enum book_cost cost,
                     struct err *err);
/* Revokes and rotates the data key, so the revoked user's slot is worthless. */
int book_user_revoke(struct book *b, const char *login, struct err *err);
int book_user_list(struct book *b, int (*each)(const struct book_user *u, void *ctx), void *ctx,
                   struct err *err);
/* A new data key: every sealed field resealed, blind indexes rebuilt, the
 * key sealed to every granted user still in the book. */
int book_rekey(struct book *b, struct err *err);

/* The date the book takes as today (London's, unless set: tests, reports). */
void book_set_today(struct book *b, int32_t day);

/* The book's own profile and calendar (as stored in it), for computing. */
struct profile;
struct calendar;
int book_profile(struct book *b, const struct profile **p, const struct calendar **cal,
                 struct err *err);

int book_backup(struct book *b, const char *dest, struct err *err);
int book_snapshot(struct book *b, const char *dest, struct err *err);

/* The last commit's id, from the lock file: compare to notice others' work. */
uint64_t book_last_commit(struct book *b);
/* Whether a commit after since, up to now, was another process's: this
 * handle's own (a change, or the reads it put on record) are not. */
bool book_others_committed(const struct book *b, uint64_t since, uint64_t now);

/* Guarded memory for passphrases; free wipes. */
void *book_secret_alloc(size_t n);
void book_secret_free(void *p, size_t n);

/* The book's other modules, so that this header alone still declares the
 * whole application layer. */
#include "redress/audit.h"
#include "redress/case.h"
#include "redress/demo.h"
#include "redress/disclosure.h"
#include "redress/draft.h"
#include "redress/due.h"
#include "redress/erasure.h"
#include "redress/export.h"
#include "redress/import.h"
#include "redress/letter.h"
#include "redress/people.h"
#include "redress/search.h"

#endif
