/* store.h - the case book's storage: one LMDB environment (a directory
 * holding data.mdb and lock.mdb) that many processes open at once.  Only
 * src/store/ includes <lmdb.h>.
 *
 * Transactions are callbacks: store_write() runs fn in a write transaction
 * and commits when fn returns 0.  When the map fills, the transaction is
 * aborted, the map doubled, and fn run again from the start, so fn must
 * change nothing outside the transaction.  No transaction outlives its
 * call, so none is ever held while a person types.  Values returned by
 * store_get() and store_scan() are borrowed until the transaction ends. */
#ifndef REDRESS_STORE_H
#define REDRESS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

/* The named databases.  Integer keys are big-endian so that they sort. */
enum store_db {
	STORE_META = 0, /* schema version, authority, counters, audit head */
	STORE_FILES,    /* versioned copies of the profile and holiday calendar */
	STORE_USERS,    /* by uid: role, public keys, wrapped secrets, key slots */
	STORE_AUDIT,    /* by sequence: the signed hash chain */
	STORE_PEOPLE,   /* by id: sealed identity of a child, complainant, advocate */
	STORE_BLIND,    /* field | blind index | id -> nothing: exact search */
	STORE_CASES,    /* by id: a contact and its complaint record */
	STORE_REFS,     /* reference ("CSC-2026-0042") -> case id */
	STORE_EVENTS,   /* case id | sequence: the case's timeline */
	STORE_DEADLINES, /* due day | kind | case id | rule: the calendar's index */
	STORE_DRAFTS,   /* uid | form key: a person's unsaved form, sealed */
	STORE_SUMMARY,  /* case id: the few plain fields a list shows */
	STORE_OPEN,     /* case id -> nothing: the open cases */
	STORE_SEARCH,   /* the search index: keyed hashes of name and note words, and
	                 * the people party to each case (book/search.c) */
	STORE_DAYS,     /* due day -> how many deadlines index entries fall on it,
	                 * by class and state: the calendar's month (book/due.c) */
	STORE_NDB
};

enum {
	STORE_RDONLY = 1u << 0,   /* never write (auditors, -R) */
	STORE_CREATE = 1u << 1,   /* create the environment (init) */
	STORE_NOLOCK = 1u << 2,   /* a snapshot: read-only, no lock file */
};

/* Return codes besides 0 and -1. */
#define STORE_NOTFOUND 1
#define STORE_EXISTS 2

struct store;
struct store_txn;

/* Opens (or with STORE_CREATE creates) the environment in dir.  Without
 * STORE_RDONLY, a book whose data.mdb this process cannot write is opened
 * read-only; store_readonly() says so.  Clears readers left by crashed
 * processes.  map_size 0 means the default (or the file's size). */
int store_open(const char *dir, unsigned flags, size_t map_size, struct store **st,
               struct err *err);
void store_close(struct store **st);
bool store_readonly(const struct store *st);

int store_write(struct store *st, int (*fn)(struct store_txn *txn, void *ctx), void *ctx,
                struct err *err);
int store_read(struct store *st, int (*fn)(struct store_txn *txn, void *ctx), void *ctx,
               struct err *err);
/* The error of a callback: fn fills the err given to store_write through
 * this (it is the same struct err), then returns -1 or another code, which
 * store_write returns after aborting. */
struct err *store_txn_err(struct store_txn *txn);

/* 0 and *val (borrowed), or STORE_NOTFOUND, or -1. */
int store_get(struct store_txn *txn, enum store_db db, const void *key, size_t klen,
              const void **val, size_t *vlen);
/* STORE_EXISTS when noover and the key is present. */
int store_put(struct store_txn *txn, enum store_db db, const void *key, size_t klen,
              const void *val, size_t vlen, bool noover);
/* 0, or STORE_NOTFOUND. */
int store_del(struct store_txn *txn, enum store_db db, const void *key, size_t klen);

/* Empties db (an index about to be rebuilt). */
int store_clear(struct store_txn *txn, enum store_db db);

/* Calls each() for every entry with key >= from (all when from is NULL) in
 * key order until it returns non-zero; returns that value (0 at the end).
 * A negative return is an error and is passed up. */
int store_scan(struct store_txn *txn, enum store_db db, const void *from, size_t fromlen,
               int (*each)(const void *k, size_t klen, const void *v, size_t vlen, void *ctx),
               void *ctx);
/* As store_scan, and each may move the scan on past what it does not
 * want: it returns STORE_SEEK after writing into *seek the key to go on
 * from (the first at or after it). */
#define STORE_SEEK 0x5eec
#define STORE_SEEK_MAX 32
struct store_seek {
	uint8_t key[STORE_SEEK_MAX];
	size_t len;
};
/* store_scan for a walk that looks only at the keys. */
int store_scan_keys(struct store_txn *txn, enum store_db db, const void *from, size_t fromlen,
                    int (*each)(const void *k, size_t klen, void *ctx), void *ctx);
int store_scan_seek(struct store_txn *txn, enum store_db db, const void *from, size_t fromlen,
                    int (*each)(const void *k, size_t klen, const void *v, size_t vlen,
                                void *ctx),
                    void *ctx, struct store_seek *seek);
/* The last entry of db: 0, or STORE_NOTFOUND. */
int store_last(struct store_txn *txn, enum store_db db, const void **key, size_t *klen,
               const void **val, size_t *vlen);
/* Number of entries in db. */
size_t store_count(struct store_txn *txn, enum store_db db);

/* The id of the last committed transaction that a read begun now sees: a
 * cheap "has anyone committed since I last looked". */
uint64_t store_last_commit(struct store *st);
/* Whether a commit after since, up to now (store_last_commit's ids), was
 * another handle's: not every one of them is among this handle's latest
 * commits that wrote.  (Past the 32 latest, another's is assumed.) */
bool store_others_committed(const struct store *st, uint64_t since, uint64_t now);

/* A hot copy of the environment into the new directory dest (created 0750;
 * data.mdb 0640); compact drops free pages, and with them old ciphertexts. */
int store_copy(struct store *st, const char *dest, bool compact, struct err *err);

/* Walks every database; -1 with a message when a page cannot be read. */
int store_check(struct store *st, struct err *err);

struct store_stat {
	size_t map_size, used_bytes, file_bytes;
	unsigned readers, max_readers;
};
void store_stat(struct store *st, struct store_stat *out);

#endif
