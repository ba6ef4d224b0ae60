/* book.c - creating and opening a case book, unlocking the person's keys,
 * and the meta data every other part of the book reads. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "book-int.h"
#include "redress/buf.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/share.h"

uint64_t
book_now(void)
{
	return (uint64_t)time(NULL);
}

void *
book_secret_alloc(size_t n)
{
	return vault_secure_alloc(n);
}

void
book_secret_free(void *p, size_t n)
{
	if (p != NULL)
		vault_wipe(p, n);
	vault_secure_free(p);
}

/* --- meta ------------------------------------------------------------------ */

uint64_t
book_meta_u64(struct store_txn *t, const char *key, uint64_t def)
{
	const void *v;
	size_t n;

	if (store_get(t, STORE_META, key, strlen(key), &v, &n) != 0 || n != 8)
		return def;
	return codec_get_be64(v);
}

int
book_meta_put_u64(struct store_txn *t, const char *key, uint64_t v)
{
	uint8_t b[8];

	codec_be64(v, b);
	return store_put(t, STORE_META, key, strlen(key), b, 8, false);
}

int
book_meta_str(struct store_txn *t, const char *key, char *out, size_t n)
{
	const void *v;
	size_t len;

	out[0] = '\0';
	if (store_get(t, STORE_META, key, strlen(key), &v, &len) != 0)
		return -1;
	codec_str(out, n, v, len);
	return 0;
}

int
book_meta_put_str(struct store_txn *t, const char *key, const char *v)
{
	return store_put(t, STORE_META, key, strlen(key), v, strlen(v), false);
}

struct book_scan_ctx {
	enum store_db db;
	int (*each)(const void *k, size_t klen, const void *v, size_t vlen, void *ctx);
	void *ctx;
};

static int
book_scan_txn(struct store_txn *t, void *vctx)
{
	struct book_scan_ctx *c = vctx;

	return store_scan(t, c->db, NULL, 0, c->each, c->ctx) < 0 ? -1 : 0;
}

int
book_scan(struct book *b, enum store_db db,
          int (*each)(const void *k, size_t klen, const void *v, size_t vlen, void *ctx),
          void *ctx, struct err *err)
{
	struct book_scan_ctx c = { db, each, ctx };

	return store_read(b->st, book_scan_txn, &c, err);
}

int
book_rec_put(struct store_txn *t, enum store_db db, const void *key, size_t klen, struct rec *r,
             bool noover)
{
	int rc;

	if (rec_done(r) != 0)
		rc = err_set(store_txn_err(t), "out of memory");
	else
		rc = store_put(t, db, key, klen, r->buf, r->len, noover);
	rec_free(r);
	return rc;
}

/* --- who is using it --------------------------------------------------------- */

static void
book_whoami(struct book *b)
{
	struct passwd *pw;

	b->uid = (uint32_t)getuid();
	pw = getpwuid(b->uid);
	if (pw != NULL && strlen(pw->pw_name) < sizeof b->login)
		snprintf(b->login, sizeof b->login, "%s", pw->pw_name);
	else
		snprintf(b->login, sizeof b->login, "uid%u", (unsigned)b->uid);
}

static int
book_load_self(struct store_txn *t, void *ctx)
{
	struct book *b = ctx;
	struct book_user u;
	const void *v;
	size_t n;
	int rc;

	b->key_id = (uint32_t)book_meta_u64(t, META_KEY_ID, 0);
	if (book_meta_u64(t, META_SCHEMA, 0) > BOOK_SCHEMA)
		return err_set(store_txn_err(t), "this book was made by a newer redress (schema %u; "
		               "this build reads up to %u)",
		               (unsigned)book_meta_u64(t, META_SCHEMA, 0), BOOK_SCHEMA);
	rc = book_user_get(t, b->uid, &v, &n);
	if (rc == STORE_NOTFOUND)
		return 0;
	if (rc != 0 || book_user_parse(v, n, b->uid, &u, NULL) != 0)
		return err_set(store_txn_err(t), "your user record cannot be read");
	b->enrolled = true;
	b->granted = u.granted;
	b->revoked = u.revoked;
	b->role = u.revoked || !u.granted ? ROLE_NONE : u.role;
	return 0;
}

/* Migrations: migrations[n] turns a schema-n book into schema n+1.  They
 * run in one write transaction, so every other process waits on the write
 * lock and then sees the whole new schema or none of it. */
static int
book_migrate_summaries(struct book *b, struct store_txn *t)
{
	return book_cases_summarize(b, t);
}

static int (*const book_migrations[BOOK_SCHEMA])(struct book *b, struct store_txn *t) = {
	NULL,                   /* 0 -> 1: the first schema; nothing to convert */
	book_migrate_summaries, /* 1 -> 2: case summaries and the open set, for lists */
	book_cases_index_items, /* 2 -> 3: recommendations' due dates in the deadlines
	                         * index; the search index, kept from now on (a book's
	                         * first is built by a key holder: search.c) */
	book_due_days_build,    /* 3 -> 4: met deadlines keyed after what is still to
	                         * do; each day's counts of the deadlines index, for
	                         * the calendar's month (due.c) */
};

static int
book_migrate_txn(struct store_txn *t, void *ctx)
{
	struct book *b = ctx;
	uint64_t v = book_meta_u64(t, META_SCHEMA, 0);

	for (; v < BOOK_SCHEMA; v++)
		if (book_migrations[v] != NULL && book_migrations[v](b, t) != 0)
			return err_prefix(store_txn_err(t), "migrating schema %u to %u", (unsigned)v,
			                  (unsigned)v + 1);
	return book_meta_put_u64(t, META_SCHEMA, BOOK_SCHEMA);
}

static int
book_schema_read(struct store_txn *t, void *ctx)
{
	*(uint64_t *)ctx = book_meta_u64(t, META_SCHEMA, 0);
	return 0;
}

/* A book whose init stopped after the environment was made and before its
 * meta was written (a full disk) has neither schema nor authority. */
#define BOOK_UNFINISHED UINT64_MAX

static int
book_finished_read(struct store_txn *t, void *ctx)
{
	const void *v;
	size_t n;

	if (book_meta_u64(t, META_SCHEMA, BOOK_UNFINISHED) == BOOK_UNFINISHED &&
	    store_get(t, STORE_META, META_AUTHORITY, strlen(META_AUTHORITY), &v, &n) != 0)
		*(uint64_t *)ctx = BOOK_UNFINISHED;
	return 0;
}

/* A snapshot has no live writers and is read without a lock file.  It is
 * known by its marker's first line (as book_snapshot writes it) and by
 * having no lock file: a live book always has one, and reading a live book
 * without the lock gives corrupt reads, so an empty or stray SNAPSHOT file
 * in a live book changes nothing. */
static bool
book_is_snapshot(const char *dir)
{
	static const char magic[] = "redress snapshot of ";
	char path[4200], line[sizeof magic];
	FILE *f;
	bool yes;

	snprintf(path, sizeof path, "%s/lock.mdb", dir);
	if (access(path, F_OK) == 0)
		return false;
	snprintf(path, sizeof path, "%s/SNAPSHOT", dir);
	/* a marker this user may not read (an older snapshot's was 0640) is
	 * taken on its name and the missing lock file alone */
	if ((f = fopen(path, "r")) == NULL)
		return errno == EACCES;
	yes = fread(line, 1, sizeof magic - 1, f) == sizeof magic - 1 &&
	      memcmp(line, magic, sizeof magic - 1) == 0;
	fclose(f);
	return yes;
}

int
book_open(const char *dir, unsigned flags, struct book **out, struct err *err)
{
	struct book *b;
	unsigned sf = 0;

	*out = NULL;
	if (vault_init(err) != 0)
		return -1;
	if ((b = calloc(1, sizeof *b)) == NULL)
		return err_set(err, "out of memory");
	snprintf(b->dir, sizeof b->dir, "%s", dir);
	book_whoami(b);
	if (flags & BOOK_RDONLY)
		sf |= STORE_RDONLY;
	if (book_is_snapshot(dir))
		flags |= BOOK_SNAPSHOT;
	if (flags & BOOK_SNAPSHOT)
		sf |= STORE_NOLOCK | STORE_RDONLY;
	if (store_open(dir, sf, 0, &b->st, err) != 0) {
		free(b);
		return -1;
	}
	{
		uint64_t schema = BOOK_SCHEMA;

		/* an older book is brought up to date by the first writer to open it */
		const struct profile *prof;
		const struct calendar *cal;

		if (store_read(b->st, book_schema_read, &schema, err) != 0 ||
		    store_read(b->st, book_finished_read, &schema, err) != 0) {
			book_close(&b);
			return -1;
		}
		if (schema == BOOK_UNFINISHED) {
			err_set(err, "%s holds a book whose init did not finish (no authority or schema "
			        "recorded; a full disk?): run `redress -d %s init` again to finish it",
			        dir, dir);
			book_close(&b);
			return -1;
		}
		/* the profile is read before the write transaction: no other
		 * transaction may be open in this process during it */
		if (schema < BOOK_SCHEMA && !store_readonly(b->st) &&
		    (book_profile(b, &prof, &cal, err) != 0 ||
		     store_write(b->st, book_migrate_txn, b, err) != 0)) {
			book_close(&b);
			return -1;
		}
	}
	if (store_read(b->st, book_load_self, b, err) != 0) {
		book_close(&b);
		return -1;
	}
	*out = b;
	return 0;
}

void
book_close(struct book **b)
{
	if (*b == NULL)
		return;
	book_reads_close(*b);
	book_audit_announce_lost(*b);
	vault_keys_free(&(*b)->keys);
	store_close(&(*b)->st);
	book_versions_free(*b);
	free(*b);
	*b = NULL;
}

bool book_readonly(const struct book *b) { return store_readonly(b->st); }
const char *book_dir(const struct book *b) { return b->dir; }
const char *book_login(const struct book *b) { return b->login; }
enum role book_role(const struct book *b) { return b->role; }
bool book_enrolled(const struct book *b) { return b->enrolled; }
bool book_unlocked(const struct book *b) { return b->keys != NULL; }

bool
book_has_key(const struct book *b)
{
	return b->keys != NULL && vault_has_datakey(b->keys, b->key_id);
}

uint64_t
book_last_commit(struct book *b)
{
	return store_last_commit(b->st);
}

bool
book_others_committed(const struct book *b, uint64_t since, uint64_t now)
{
	return store_others_committed(b->st, since, now);
}

/* The refusal of a user whose role is below the one a step needs. */
static int
book_role_short(const struct book *b, enum role role, struct err *err)
{
	err_set(err, "%s is %s%s; this needs %s", b->login,
	        b->role == ROLE_NONE ? "not yet granted access"
	        : b->role == ROLE_AUDITOR || b->role == ROLE_ADMIN ? "an " : "a ",
	        b->role == ROLE_NONE ? "" : role_name(b->role), role_name(role));
	return BOOK_EDENIED;
}

int
book_writable(const struct book *b, struct err *err)
{
	if (book_readonly(b))
		return err_set(err, "the book is open read-only: nothing was changed"), BOOK_EDENIED;
	return 0;
}

enum vault_cost
book_vault_cost(enum book_cost cost)
{
	return cost == BOOK_COST_TEST ? VAULT_COST_TEST : VAULT_COST_INTERACTIVE;
}

int
book_require(struct book *b, enum role role, bool need_key, struct err *err)
{
	struct err e;
	int rc;

	/* what an admin changed since the book opened (a role, the key)
	 * counts now; the write's own transaction checks it again */
	if (b->enrolled && !book_readonly(b) && (b->role < role || (need_key && !book_has_key(b))) &&
	    book_refresh(b, &e) == BOOK_EREVOKED)
		return err_set(err, "%s", e.msg), BOOK_EREVOKED;
	if ((rc = book_writable(b, err)) != 0)
		return rc;
	if (!b->enrolled)
		return err_set(err, "%s is not a user of this book (run: redress user enrol)",
		               b->login), BOOK_EDENIED;
	if (b->role < role)
		return book_role_short(b, role, err);
	if (b->keys == NULL)
		return err_set(err, "not unlocked"), BOOK_EDENIED;
	if (need_key && !book_has_key(b))
		return err_set(err, "%s does not hold the book's data key", b->login), BOOK_EDENIED;
	return 0;
}

/* --- keeping up with admins ------------------------------------------------- */

/* The person's access is gone: the keys held are wiped, nothing more is
 * opened or written by this process. */
static void
book_lose_access(struct book *b)
{
	b->revoked = b->lost = true;
	b->granted = false;
	b->role = ROLE_NONE;
	vault_keys_free(&b->keys);
}

/* The book's current data key and the person's own record, as committed:
 * called first in every write transaction (and by book_refresh).  A key
 * rotated since this process took its own is opened from the person's new
 * slot; a revoked person, or one whose role no longer allows this, is
 * refused with nothing written.  0, BOOK_EDENIED or BOOK_EREVOKED. */
static int
book_txn_check(struct book *b, struct store_txn *t, enum role role, bool need_key)
{
	struct err *err = store_txn_err(t);
	uint32_t id = (uint32_t)book_meta_u64(t, META_KEY_ID, 0);
	struct book_user u;
	const uint8_t *p, *slot = NULL;
	const void *v;
	size_t n, pos = 0, fn;
	uint16_t tag;
	enum role now;

	if (!b->enrolled)
		return role == ROLE_NONE ? 0 : (err_set(err, "%s is not a user of this book (run: "
		                                        "redress user enrol)", b->login), BOOK_EDENIED);
	if (book_user_get(t, b->uid, &v, &n) != 0 || book_user_parse(v, n, b->uid, &u, NULL) != 0) {
		book_lose_access(b);
		return err_set(err, "%s is no longer a user of this book: nothing was changed",
		               b->login), BOOK_EREVOKED;
	}
	if (u.revoked) {
		/* revoked before this process opened the book: it never had
		 * access to lose, and browses pseudonyms as before */
		if (b->revoked && !b->lost)
			return role == ROLE_NONE ? 0 : (err_set(err, "%s's access was revoked by an admin",
			                                        b->login), BOOK_EDENIED);
		book_lose_access(b);
		return err_set(err, "%s's access was revoked by an admin: nothing was changed",
		               b->login), BOOK_EREVOKED;
	}
	now = u.granted ? u.role : ROLE_NONE;
	if (now != b->role && now < role) {
		b->role = now;
		b->granted = u.granted;
		return err_set(err, "%s's role is now %s (an admin changed it); this needs %s: "
		               "nothing was changed", b->login, role_name(now), role_name(role)),
		       BOOK_EDENIED;
	}
	b->role = now;
	b->granted = u.granted;
	if (b->role < role)
		return book_role_short(b, role, err);
	/* a key taken before a rotation is never used to seal: the one the
	 * book now uses comes from the person's own slot, which the rotation
	 * sealed to them */
	if (b->keys != NULL && (id != b->key_id || !vault_has_datakey(b->keys, id))) {
		while (rec_next(v, n, &pos, &tag, &p, &fn))
			if (tag == UT_SLOT && fn == 4 + VAULT_SLOT_BYTES && codec_get_be32(p) == id)
				slot = p + 4;
		if (slot != NULL) {
			/* room for it: keys retired long ago seal and open nothing now */
			if (id >= VAULT_KEYS_MAX)
				vault_datakey_drop(b->keys, 0, id - VAULT_KEYS_MAX + 1);
			if (vault_datakey_open(b->keys, id, slot, err) != 0)
				return -1;
		} else if (need_key) {
			b->key_id = id;
			return err_set(err, "the book's data key was rotated (now key %u) and %s holds "
			               "no slot for it: nothing was changed", (unsigned)id, b->login),
			       BOOK_EDENIED;
		}
	}
	b->key_id = id;
	if (need_key && !book_has_key(b))
		return err_set(err, "%s does not hold the book's data key", b->login), BOOK_EDENIED;
	return 0;
}

struct book_write_ctx {
	struct book *b;
	enum role role;
	bool need_key;
	int (*fn)(struct store_txn *t, void *ctx);
	void *ctx;
};

static int
book_write_txn(struct store_txn *t, void *vctx)
{
	struct book_write_ctx *w = vctx;
	int rc;

	if ((rc = book_txn_check(w->b, t, w->role, w->need_key)) != 0)
		return rc;
	if ((rc = w->fn(t, w->ctx)) != 0)
		return rc;
	/* the session's reads noted since its last write go with this one */
	return book_reads_append_txn(w->b, t);
}

int
book_write(struct book *b, enum role role, bool need_key, int (*fn)(struct store_txn *t, void *ctx),
           void *ctx, struct err *err)
{
	struct book_write_ctx w = { b, role, need_key, fn, ctx };
	int rc;

	if ((rc = store_write(b->st, book_write_txn, &w, err)) == 0)
		book_reads_written(b);
	return rc;
}

int
book_change(struct book *b, enum role role, bool need_key,
            int (*fn)(struct store_txn *t, void *ctx), void *ctx, struct err *err)
{
	int rc;

	if ((rc = book_write(b, role, need_key, fn, ctx, err)) == 0)
		book_audit_announce(b);
	return rc;
}

static int
book_refresh_txn(struct store_txn *t, void *ctx)
{
	struct book *b = ctx;
	unsigned pv, cv;

	/* a newer calendar or profile (an admin added a holiday): what is shown
	 * from now on (working days left, the calendar's holidays) uses it; the
	 * versions already read stay cached, each under its own number */
	if (b->profile != NULL && book_versions_current_txn(b, t, &pv, &cv) == 0 &&
	    (pv != b->pv || cv != b->cv))
		b->profile = NULL, b->cal = NULL;
	return book_txn_check(b, t, ROLE_NONE, false);
}

int
book_refresh(struct book *b, struct err *err)
{
	if (b->lost)
		return err_set(err, "%s's access was revoked by an admin: nothing was changed", b->login), BOOK_EREVOKED;
	return store_read(b->st, book_refresh_txn, b, err);
}

bool
book_revoked(const struct book *b)
{
	return b->lost;
}

/* --- unlock ---------------------------------------------------------------- */

struct book_unlock_ctx {
	struct book *b;
	struct vault_identity id;
	uint8_t slot[VAULT_SLOT_BYTES];
	bool has_slot;
};

static int
book_unlock_read(struct store_txn *t, void *vctx)
{
	struct book_unlock_ctx *c = vctx;
	struct book_user u;
	const uint8_t *p;
	const void *v;
	size_t n, pos = 0, fn;
	uint16_t tag;

	if (book_user_get(t, c->b->uid, &v, &n) != 0)
		return err_set(store_txn_err(t), "%s is not a user of this book (run: redress user "
		               "enrol)", c->b->login);
	if (book_user_parse(v, n, c->b->uid, &u, &c->id) != 0)
		return err_set(store_txn_err(t), "your user record cannot be read");
	/* the key and role as they are now: an admin may have rotated the key
	 * or changed the role since the book was opened */
	c->b->key_id = (uint32_t)book_meta_u64(t, META_KEY_ID, 0);
	if (u.revoked && !c->b->revoked)
		c->b->lost = true; /* revoked while open: book_revoked() */
	c->b->revoked = u.revoked;
	c->b->granted = u.granted;
	c->b->role = u.revoked || !u.granted ? ROLE_NONE : u.role;
	while (rec_next(v, n, &pos, &tag, &p, &fn))
		if (tag == UT_SLOT && fn == 4 + VAULT_SLOT_BYTES &&
		    codec_get_be32(p) == c->b->key_id) {
			memcpy(c->slot, p + 4, VAULT_SLOT_BYTES);
			c->has_slot = true;
		}
	return 0;
}

int
book_unlock(struct book *b, const char *pass, size_t passlen, struct err *err)
{
	struct book_unlock_ctx c;
	struct vault_keys *keys = NULL;
	int rc;

	memset(&c, 0, sizeof c);
	c.b = b;
	if (store_read(b->st, book_unlock_read, &c, err) != 0)
		return -1;
	if (b->lost) {
		vault_keys_free(&b->keys);
		return err_set(err, "%s's access was revoked by an admin", b->login), BOOK_EREVOKED;
	}
	/* a wrong passphrase changes nothing: the keys held stay held */
	if (vault_identity_unlock(&c.id, pass, passlen, &keys, err) != 0)
		return -1;
	if (c.has_slot && !b->revoked) {
		rc = vault_datakey_open(keys, b->key_id, c.slot, err);
		if (rc != 0) {
			vault_keys_free(&keys);
			return -1;
		}
	}
	vault_keys_free(&b->keys);
	b->keys = keys;
	return 0;
}

/* --- info ------------------------------------------------------------------ */

static int
book_info_read(struct store_txn *t, void *ctx)
{
	struct book_info *in = ctx;

	book_meta_str(t, META_AUTHORITY, in->authority, sizeof in->authority);
	book_meta_str(t, META_CALENDAR, in->calendar, sizeof in->calendar);
	in->profile_version = (unsigned)book_meta_u64(t, META_PROFILE_VERSION, 0);
	in->calendar_version = (unsigned)book_meta_u64(t, META_CALENDAR_VERSION, 0);
	in->schema = (unsigned)book_meta_u64(t, META_SCHEMA, 0);
	in->key_id = (uint32_t)book_meta_u64(t, META_KEY_ID, 0);
	in->audit_seq = book_meta_u64(t, META_AUDIT_SEQ, 0);
	in->people = store_count(t, STORE_PEOPLE);
	in->cases = store_count(t, STORE_SUMMARY);
	return 0;
}

int
book_info(struct book *b, struct book_info *out, struct err *err)
{
	memset(out, 0, sizeof *out);
	return store_read(b->st, book_info_read, out, err);
}

/* --- create ---------------------------------------------------------------- */

#define BOOK_CHAIN_MAX PROFILE_DEPTH_MAX

struct book_create_ctx {
	struct book *b;
	const char *authority, *calendar;
	char *texts[BOOK_CHAIN_MAX + 1];
	size_t lens[BOOK_CHAIN_MAX + 1];
	char names[BOOK_CHAIN_MAX + 1][PROFILE_KEY_MAX];
	size_t n;                /* profiles in the chain; the calendar is texts[n] */
	struct vault_identity id;
	uint8_t slot[VAULT_SLOT_BYTES];
};

int
book_file_put(struct store_txn *t, const char *kind, const char *name, uint32_t version,
              const char *text, size_t len, const char *what, struct book *b)
{
	char key[128];
	struct rec r;
	int rc;

	snprintf(key, sizeof key, "%s/%s/%08u", kind, name, (unsigned)version);
	rec_begin(&r, REC_FILE, 1);
	rec_bytes(&r, 1, text, len);
	rec_u64(&r, 2, book_now());
	rec_str(&r, 3, b->login);
	if (what != NULL)
		rec_str(&r, 4, what);
	rc = book_rec_put(t, STORE_FILES, key, strlen(key), &r, true);
	return rc == STORE_EXISTS ? err_set(store_txn_err(t), "%s already stored", key) : rc;
}

int book_user_put_new(struct book *b, struct store_txn *t, const struct vault_identity *id,
                      enum role role, bool granted, const char *granted_by, uint32_t key_id,
                      const uint8_t *slot);

static int
book_create_txn(struct store_txn *t, void *vctx)
{
	struct book_create_ctx *c = vctx;
	size_t i;

	if (book_meta_put_u64(t, META_SCHEMA, BOOK_SCHEMA) != 0 ||
	    book_meta_put_str(t, META_AUTHORITY, c->authority) != 0 ||
	    book_meta_put_str(t, META_CALENDAR, c->calendar) != 0 ||
	    book_meta_put_str(t, META_TERRITORY, "England and Wales") != 0 ||
	    book_meta_put_u64(t, META_PROFILE_VERSION, 1) != 0 ||
	    book_meta_put_u64(t, META_CALENDAR_VERSION, 1) != 0 ||
	    book_meta_put_u64(t, META_KEY_ID, 1) != 0 ||
	    book_meta_put_u64(t, META_NEXT_PERSON, 1) != 0 || search_index_mark_txn(t) != 0)
		return -1;
	for (i = 0; i < c->n; i++)
		if (book_file_put(t, "profile", c->names[i], 1, c->texts[i], c->lens[i],
		                  i == 0 ? "copied at init" : NULL, c->b) != 0)
			return -1;
	if (book_file_put(t, "calendar", c->calendar, 1, c->texts[c->n], c->lens[c->n],
	                  "copied at init", c->b) != 0)
		return -1;
	if (book_user_put_new(c->b, t, &c->id, ROLE_ADMIN, true, c->b->login, 1, c->slot) != 0)
		return -1;
	return book_audit_append(c->b, t, "init", c->authority, "authority,calendar,admin");
}

static int
book_mkdir(const char *dir, struct err *err)
{
	struct stat st;

	if (mkdir(dir, 02770) == 0) {
		/* the umask may have cut the group bits; setgid keeps the group */
		if (chmod(dir, 02770) != 0)
			return err_set(err, "%s: %s", dir, strerror(errno));
		return 0;
	}
	if (errno != EEXIST)
		return err_set(err, "%s: %s", dir, strerror(errno));
	/* made beforehand by the system's administrator, with the staff group:
	 * its mode is theirs to set; it only has to take our files */
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return err_set(err, "%s exists and is not a directory", dir);
	if (access(dir, W_OK | X_OK) != 0)
		return err_set(err, "%s: %s", dir, strerror(errno));
	if (st.st_mode & 0007)
		return err_set(err, "%s is open to all users (mode %o); make it 2770 for the staff "
		               "group first", dir, (unsigned)(st.st_mode & 07777));
	return 0;
}

/* Whether dir holds only what a failed init left: init may finish it. */
static bool
book_unfinished(const char *dir)
{
	struct store *st;
	struct err e;
	uint64_t state = 0;

	if (store_open(dir, STORE_RDONLY, 0, &st, &e) != 0)
		return false;
	if (store_read(st, book_finished_read, &state, &e) != 0)
		state = 0;
	store_close(&st);
	return state == BOOK_UNFINISHED;
}

int
book_create(const char *dir, const char *authority, const char *pass, size_t passlen,
            enum book_cost cost, struct err *err)
{
	struct book_create_ctx *c;
	struct profile *p = NULL;
	char path[4200], next[PROFILE_KEY_MAX];
	struct book *b = NULL;
	struct stat st;
	size_t i;
	int rc = -1;

	if (vault_init(err) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (stat(path, &st) == 0 && !book_unfinished(dir))
		return err_set(err, "%s already holds a book", dir), BOOK_EUSAGE;
	c = calloc(1, sizeof *c);
	p = malloc(sizeof *p);
	b = calloc(1, sizeof *b);
	if (c == NULL || p == NULL || b == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	/* the whole chain must resolve before anything is created */
	if ((rc = share_profile(authority, p, err)) != 0) {
		rc = rc == SHARE_ENOTFOUND ? BOOK_EUSAGE : -1;
		goto out;
	}
	rc = -1;
	c->b = b;
	c->authority = authority;
	c->calendar = p->calendar;
	snprintf(next, sizeof next, "%s", authority);
	while (next[0] != '\0' && c->n < BOOK_CHAIN_MAX) {
		struct profile one;

		if (share_read("profile", next, &c->texts[c->n], &c->lens[c->n], path, sizeof path,
		               err) != 0 ||
		    profile_parse(&one, c->texts[c->n], c->lens[c->n], path, err) != 0)
			goto out;
		snprintf(c->names[c->n++], PROFILE_KEY_MAX, "%s", next);
		snprintf(next, sizeof next, "%s", one.inherits);
	}
	if (share_read("holiday", p->calendar, &c->texts[c->n], &c->lens[c->n], path, sizeof path,
	               err) != 0)
		goto out;
	book_whoami(b);
	snprintf(b->dir, sizeof b->dir, "%s", dir);
	if (vault_identity_create(pass, passlen,
	                          book_vault_cost(cost),
	                          &c->id, &b->keys, err) != 0 ||
	    vault_datakey_generate(b->keys, 1, err) != 0 ||
	    vault_datakey_seal(b->keys, 1, c->id.box_pk, c->slot, err) != 0)
		goto out;
	b->key_id = 1;
	b->enrolled = b->granted = true;
	b->role = ROLE_ADMIN;
	if (book_mkdir(dir, err) != 0)
		goto out;
	if (store_open(dir, STORE_CREATE, 0, &b->st, err) != 0)
		goto out;
	if (store_write(b->st, book_create_txn, c, err) != 0)
		goto out;
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	chmod(path, 0660);
	snprintf(path, sizeof path, "%s/lock.mdb", dir);
	chmod(path, 0660);
	book_audit_announce(b);
	rc = 0;
out:
	if (c != NULL)
		for (i = 0; i <= BOOK_CHAIN_MAX; i++)
			free(c->texts[i]);
	free(c);
	free(p);
	if (b != NULL) {
		book_audit_announce_lost(b);
		vault_keys_free(&b->keys);
		store_close(&b->st);
		free(b);
	}
	return rc;
}

/* --- copies ---------------------------------------------------------------- */

int
book_backup(struct book *b, const char *dest, struct err *err)
{
	return store_copy(b->st, dest, true, err);
}

int
book_snapshot(struct book *b, const char *dest, struct err *err)
{
	char path[4200];
	FILE *f;

	if (store_copy(b->st, dest, true, err) != 0)
		return -1;
	/* the marker tells redress to open it read-only without a lock file */
	snprintf(path, sizeof path, "%s/SNAPSHOT", dest);
	if ((f = fopen(path, "wx")) == NULL)
		return err_set(err, "%s: %s", path, strerror(errno));
	fprintf(f, "redress snapshot of %s\n", b->dir);
	fclose(f);
	/* readable wherever the snapshot is published: it says what it is */
	chmod(path, 0644);
	return 0;
}

int
book_collect_ids(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct book_ids *r = ctx;

	(void)v;
	(void)vl;
	if (kl != 8)
		return 0;
	if (buf_grow(&r->ids, &r->cap, r->n + 1, sizeof *r->ids) != 0)
		return -1;
	r->ids[r->n++] = codec_get_be64(k);
	return 0;
}

void
book_pseudonym(const char *prefix, uint64_t person, char *out, size_t n)
{
	char digits[24];
	size_t nd = 0, len = strlen(prefix);
	uint64_t id = person;

	/* snprintf's "%s-%04llu", by hand: lists and agendas write thousands */
	do
		digits[nd++] = (char)('0' + person % 10);
	while ((person /= 10) != 0);
	while (nd < 4)
		digits[nd++] = '0';
	if (n < len + 1 + nd + 1) {
		snprintf(out, n, "%s-%04llu", prefix, (unsigned long long)id);
		return;
	}
	memcpy(out, prefix, len);
	out[len++] = '-';
	while (nd > 0)
		out[len++] = digits[--nd];
	out[len] = '\0';
}

void
book_person_label(struct book *b, struct store_txn *t, uint64_t person, const char *prefix,
                  char *out, size_t n)
{
	const uint8_t *f;
	const void *pv;
	size_t pn, fn, len;
	uint8_t key[8];
	struct err err;
	char ad[64];

	book_pseudonym(prefix, person, out, n);
	if (!book_has_key(b))
		return;
	/* a key holder kept from them is told why there is no name: the mark
	 * first, so that a narrow column cuts the pseudonym, not the mark */
	if (book_restrict_person_denied_txn(b, t, person)) {
		char pseudo[64];

		snprintf(pseudo, sizeof pseudo, "%s", out);
		snprintf(out, n, "RESTRICTED %s", pseudo);
		return;
	}
	codec_be64(person, key);
	if (store_get(t, STORE_PEOPLE, key, 8, &pv, &pn) != 0 || !rec_find(pv, pn, PT_NAME, &f, &fn))
		return;
	snprintf(ad, sizeof ad, "person:%llu:name", (unsigned long long)person);
	if (vault_open(b->keys, ad, strlen(ad), f, fn, out, n - 1, &len, &err) == 0)
		out[len] = '\0';
}

struct label_ctx {
	struct book *b;
	uint64_t person;
	const char *prefix;
	char *out;
	size_t n;
};

static int
case_label_txn(struct store_txn *t, void *vctx)
{
	struct label_ctx *c = vctx;

	book_person_label(c->b, t, c->person, c->prefix, c->out, c->n);
	return 0;
}

int
book_person_label_get(struct book *b, uint64_t person, const char *prefix, char *out, size_t n,
                      struct err *err)
{
	struct label_ctx c = { b, person, prefix, out, n };

	return store_read(b->st, case_label_txn, &c, err);
}
