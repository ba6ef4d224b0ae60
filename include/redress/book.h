/* book.h - the application layer: one open case book, the person using it,
 * and every operation on it.  Each change is one short write transaction
 * that also appends a signed entry to the audit chain.  Both front ends
 * (cli/, tui/) call only this; neither touches LMDB or libsodium.
 *
 * The person is the Unix account running the program (getuid()).  Their
 * keys are unlocked by passphrase (book_unlock); identity fields are sealed
 * with the book's data key, which reaches each user sealed to their own key
 * pair.  Operations that need no identity (lists, audits, verify) work
 * without unlocking and show pseudonyms.  Errors: -1 and a message, or a
 * BOOK_E* code with a message. */
#ifndef REDRESS_BOOK_H
#define REDRESS_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

#define BOOK_SCHEMA 1

/* Error codes besides -1 (all come with a message). */
#define BOOK_EUSAGE -2    /* the person's mistake: bad name, not allowed, stale */
#define BOOK_ESTALE -3    /* someone else changed the record first */
#define BOOK_EDENIED -4   /* role does not allow it, or read-only */

enum role {
	ROLE_NONE = 0, /* enrolled, not yet granted */
	ROLE_AUDITOR,
	ROLE_CASEWORKER,
	ROLE_MANAGER,
	ROLE_ADMIN,
};
const char *role_name(enum role r);
int role_lookup(const char *name); /* -1 when unknown */

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

/* Meta: authority, calendar, schema, data key id. */
struct book_info {
	char authority[64];
	char calendar[64];
	unsigned profile_version, calendar_version;
	unsigned schema;
	uint32_t key_id;
	uint64_t audit_seq;
	uint64_t people;
};
int book_info(struct book *b, struct book_info *out, struct err *err);

/* --- users ---------------------------------------------------------------- */

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

/* --- people: the sealed identities -------------------------------------- */

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

/* --- audit, integrity, copies -------------------------------------------- */

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
};
/* Store integrity and the audit chain, read-only.  0 only if all holds. */
int book_verify(struct book *b, struct book_verify *out, struct err *err);

int book_backup(struct book *b, const char *dest, struct err *err);
int book_snapshot(struct book *b, const char *dest, struct err *err);

/* The last commit's id, from the lock file: compare to notice others' work. */
uint64_t book_last_commit(struct book *b);

/* Guarded memory for passphrases; free wipes. */
void *book_secret_alloc(size_t n);
void book_secret_free(void *p, size_t n);

#endif
