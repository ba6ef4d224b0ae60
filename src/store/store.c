/* store.c - the LMDB environment under a case book: opening it safely for
 * many processes, transactions that survive a full or resized map, and a
 * thin typed layer over named databases. */
#include <errno.h>
#include <fcntl.h>
#include <lmdb.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress/store.h"

#define STORE_DEFAULT_MAP (64u * 1024 * 1024)
#define STORE_MAX_READERS 126
#define STORE_RETRIES 16

static const char *const store_db_names[STORE_NDB] = {
	"meta", "files", "users", "audit", "people", "blind", "cases", "refs", "events", "deadlines",
	"drafts", "summary", "open", "search", "days",
};

#define STORE_OWN_KEPT 32

struct store {
	MDB_env *env;
	MDB_dbi dbi[STORE_NDB];
	bool absent[STORE_NDB]; /* an older book, opened read-only, lacks it */
	unsigned flags;
	bool readonly;
	dev_t lock_dev; /* the lock file this process uses: a writer refuses */
	ino_t lock_ino; /* when the one on disk is another */
	char dir[4096];
	/* the ids of this handle's latest commits that wrote (a ring): whose
	 * commit a later id is, for store_others_committed */
	uint64_t own[STORE_OWN_KEPT];
	unsigned nown;
};

struct store_txn {
	struct store *st;
	MDB_txn *txn;
	struct err *err;
	int mdb_rc; /* the LMDB failure inside a callback, for the retry logic */
	bool wrote; /* a put, delete or clear took effect */
};

static int
store_fail(struct err *err, int rc, const char *what)
{
	return err_set(err, "%s: %s", what, mdb_strerror(rc));
}

bool
store_readonly(const struct store *st)
{
	return st->readonly;
}

struct err *
store_txn_err(struct store_txn *txn)
{
	return txn->err;
}

/* Begins a transaction, adopting a map another process has grown. */
static int
store_begin(struct store *st, unsigned flags, MDB_txn **txn, struct err *err)
{
	MDB_envinfo info;
	int rc, tries;

	for (tries = 0; tries < STORE_RETRIES * 8; tries++) {
		rc = mdb_txn_begin(st->env, NULL, flags, txn);
		if (rc == MDB_MAP_RESIZED) {
			/* another process grew the map: take the new size, no txn open here */
			if ((rc = mdb_env_set_mapsize(st->env, 0)) != 0)
				break;
			continue;
		}
		if (rc != 0 || !(flags & MDB_RDONLY))
			break;
		/* LMDB 0.9.24 takes a reader's snapshot id T from the lock file,
		 * then copies meta page T&1 without checking that a writer has not
		 * meanwhile committed T+1 and rewritten that page for T+2: the
		 * reader sees a newer (or torn) snapshot than T, and its next
		 * read an older one.  While the newest meta is at most T+1, the
		 * page still held T when it was copied. */
		if (mdb_env_info(st->env, &info) == 0 && info.me_last_txnid <= mdb_txn_id(*txn) + 1)
			return 0;
		mdb_txn_abort(*txn);
		rc = MDB_BAD_TXN;
	}
	if (rc == MDB_BAD_TXN)
		return err_set(err, "cannot begin a transaction: the book kept changing");
	if (rc != 0)
		return store_fail(err, rc, "cannot begin a transaction");
	return 0;
}

static int
store_open_dbs(struct store *st, bool create, struct err *err)
{
	MDB_txn *txn;
	int rc, i;

	if (store_begin(st, create || !st->readonly ? 0 : MDB_RDONLY, &txn, err) != 0)
		return -1;
	for (i = 0; i < STORE_NDB; i++) {
		/* a writer adds the databases a newer build brought (a book's
		 * first database says it is one); a reader of an older book
		 * sees them empty */
		rc = mdb_dbi_open(txn, store_db_names[i], create || (i > 0 && !st->readonly) ?
		                  MDB_CREATE : 0, &st->dbi[i]);
		if (rc == MDB_NOTFOUND && i > 0) {
			st->absent[i] = true;
			continue;
		}
		if (rc != 0) {
			mdb_txn_abort(txn);
			if (rc == MDB_NOTFOUND)
				return err_set(err, "%s is not a case book (no \"%s\" database)", st->dir,
				               store_db_names[i]);
			return store_fail(err, rc, "cannot open the book's databases");
		}
	}
	rc = mdb_txn_commit(txn);
	if (rc != 0)
		return store_fail(err, rc, "cannot open the book's databases");
	return 0;
}

static int
store_check_size(struct store *st, mdb_filehandle_t fd, struct err *err)
{
	MDB_envinfo info;
	MDB_stat ms;
	struct stat fs;
	long long need;

	/* the meta first, then the size: a writer committing meanwhile only
	 * grows the file, never a last page past the size read after it */
	if (mdb_env_info(st->env, &info) != 0 || mdb_env_stat(st->env, &ms) != 0 ||
	    fstat(fd, &fs) != 0)
		return 0;
	need = ((long long)info.me_last_pgno + 1) * ms.ms_psize;
	if ((long long)fs.st_size < need)
		return err_set(err, "%s/data.mdb is damaged: it is %lld bytes but its last page ends "
		               "at %lld (truncated); nothing was read. Restore the book from a "
		               "backup (see redress(1), BACKUP)", st->dir, (long long)fs.st_size,
		               need);
	return 0;
}

/* The lock file coordinates writers; one removed or replaced under running
 * processes lets two of them write at once.  Called inside a write txn. */
static int
store_check_lock(struct store *st, struct err *err)
{
	char path[4200];
	struct stat ls;

	if (st->flags & STORE_NOLOCK)
		return 0;
	snprintf(path, sizeof path, "%s/lock.mdb", st->dir);
	if (stat(path, &ls) != 0 || ls.st_dev != st->lock_dev || ls.st_ino != st->lock_ino)
		return err_set(err, "%s/lock.mdb was removed or replaced while this program ran: "
		               "nothing was written. Leave redress and start it again (never remove "
		               "lock.mdb)", st->dir);
	return 0;
}

int
store_open(const char *dir, unsigned flags, size_t map_size, struct store **out,
           struct err *err)
{
	struct store *st;
	char path[4200];
	unsigned envflags = 0;
	mdb_filehandle_t fd;
	int rc, dead;

	*out = NULL;
	if (strlen(dir) >= sizeof st->dir)
		return err_set(err, "book path too long");
	st = calloc(1, sizeof *st);
	if (st == NULL)
		return err_set(err, "out of memory");
	snprintf(st->dir, sizeof st->dir, "%s", dir);
	st->flags = flags;
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (!(flags & STORE_CREATE)) {
		if (access(path, F_OK) != 0) {
			if (errno == EACCES)
				err_set(err, "%s: permission denied (is this user in the book's staff "
				        "group?)", dir);
			else
				err_set(err, "no case book at %s (create one with: redress -d %s init)",
				        dir, dir);
			goto fail_free;
		}
		/* an auditor, or anyone, who cannot write the data file reads only */
		if ((flags & (STORE_RDONLY | STORE_NOLOCK)) || access(path, W_OK) != 0)
			st->readonly = true;
	}
	if (st->readonly)
		envflags |= MDB_RDONLY;
	if (flags & STORE_NOLOCK)
		envflags |= MDB_NOLOCK | MDB_RDONLY;
	if ((rc = mdb_env_create(&st->env)) != 0) {
		store_fail(err, rc, "cannot create the environment");
		goto fail_free;
	}
	mdb_env_set_maxdbs(st->env, STORE_NDB + 2);
	mdb_env_set_maxreaders(st->env, STORE_MAX_READERS);
	if (map_size == 0)
		map_size = STORE_DEFAULT_MAP;
	/* LMDB uses this size, but never less than the data already in the file */
	if ((rc = mdb_env_set_mapsize(st->env, map_size)) != 0) {
		store_fail(err, rc, "cannot set the map size");
		goto fail_env;
	}
	/* MDB_NOTLS: one transaction at a time per process, never across threads */
	rc = mdb_env_open(st->env, dir, envflags | MDB_NOTLS, 0660);
	if (rc != 0) {
		if (rc == EACCES)
			err_set(err, "%s: permission denied (readers need write access to lock.mdb)",
			        dir);
		else
			store_fail(err, rc, dir);
		goto fail_env;
	}
	/* the environment's descriptors must not leak into anything spawned */
	if (mdb_env_get_fd(st->env, &fd) == 0)
		fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
	/* a data file shorter than its last page faults (SIGBUS) on the first
	 * read there: refuse it before any work maps it */
	if (store_check_size(st, fd, err) != 0)
		goto fail_env;
	if (!(envflags & MDB_NOLOCK)) {
		struct stat ls;

		snprintf(path, sizeof path, "%s/lock.mdb", dir);
		if (stat(path, &ls) == 0) {
			st->lock_dev = ls.st_dev;
			st->lock_ino = ls.st_ino;
		}
	}
	if (!(envflags & MDB_NOLOCK))
		mdb_reader_check(st->env, &dead);
	if (store_open_dbs(st, (flags & STORE_CREATE) != 0, err) != 0)
		goto fail_env;
	*out = st;
	return 0;
fail_env:
	mdb_env_close(st->env);
fail_free:
	free(st);
	return -1;
}

void
store_close(struct store **st)
{
	if (*st == NULL)
		return;
	mdb_env_close((*st)->env);
	free(*st);
	*st = NULL;
}

/* Doubles the map; only ever called with no transaction open here. */
static int
store_grow(struct store *st, struct err *err)
{
	MDB_envinfo info;
	int rc;

	mdb_env_info(st->env, &info);
	rc = mdb_env_set_mapsize(st->env, info.me_mapsize * 2);
	if (rc != 0)
		return store_fail(err, rc, "cannot grow the book");
	return 0;
}

int
store_write(struct store *st, int (*fn)(struct store_txn *, void *), void *ctx, struct err *err)
{
	struct store_txn t = { st, NULL, err, 0, false };
	MDB_envinfo info;
	uint64_t id;
	int rc, tries, dead;

	if (st->readonly)
		return err_set(err, "the book is open read-only: nothing was changed");
	for (tries = 0; tries < STORE_RETRIES; tries++) {
		mdb_reader_check(st->env, &dead);
		if (store_begin(st, 0, &t.txn, err) != 0)
			return -1;
		if (store_check_lock(st, err) != 0) {
			mdb_txn_abort(t.txn);
			return -1;
		}
		t.mdb_rc = 0;
		t.wrote = false;
		rc = fn(&t, ctx);
		/* a failure inside the transaction dooms it, even if fn went on */
		if (rc == 0 && t.mdb_rc != 0)
			rc = store_fail(err, t.mdb_rc, "cannot write");
		if (rc != 0) {
			mdb_txn_abort(t.txn);
			if (t.mdb_rc == MDB_MAP_FULL) {
				if (store_grow(st, err) != 0)
					return -1;
				continue;
			}
			return rc;
		}
		id = (uint64_t)mdb_txn_id(t.txn);
		rc = mdb_txn_commit(t.txn);
		if (rc == MDB_MAP_FULL) {
			if (store_grow(st, err) != 0)
				return -1;
			continue;
		}
		if (rc != 0)
			return store_fail(err, rc, "cannot commit");
		/* a commit that wrote takes the next id (one that wrote nothing
		 * takes none, and the next writer's is that id) */
		if (t.wrote && mdb_env_info(st->env, &info) == 0 && info.me_last_txnid >= id)
			st->own[st->nown++ % STORE_OWN_KEPT] = id;
		return 0;
	}
	return err_set(err, "cannot commit: the book kept filling up");
}

int
store_read(struct store *st, int (*fn)(struct store_txn *, void *), void *ctx, struct err *err)
{
	struct store_txn t = { st, NULL, err, 0, false };
	int rc;

	if (store_begin(st, MDB_RDONLY, &t.txn, err) != 0)
		return -1;
	rc = fn(&t, ctx);
	mdb_txn_abort(t.txn);
	return rc;
}

/* Records an LMDB failure in the txn, so store_write can retry a full map. */
static int
store_txn_fail(struct store_txn *t, int rc, const char *what)
{
	/* the first failure is the cause: after it LMDB answers MDB_BAD_TXN */
	if (t->mdb_rc == 0)
		t->mdb_rc = rc;
	return store_fail(t->err, t->mdb_rc, what);
}

/* An LMDB result as the store answers it: 0; the expected miss (NOTFOUND,
 * KEYEXIST) as the store's own code; any other failure said in the
 * transaction's error. */
static int
store_txn_result(struct store_txn *t, int rc, int miss, int as, const char *what)
{
	if (rc == miss)
		return as;
	return rc != 0 ? store_txn_fail(t, rc, what) : 0;
}

int
store_get(struct store_txn *t, enum store_db db, const void *key, size_t klen,
          const void **val, size_t *vlen)
{
	MDB_val k = { klen, (void *)key }, v;
	int rc;

	if (t->st->absent[db])
		return STORE_NOTFOUND;
	rc = store_txn_result(t, mdb_get(t->txn, t->st->dbi[db], &k, &v), MDB_NOTFOUND,
	                      STORE_NOTFOUND, "cannot read");
	if (rc != 0)
		return rc;
	*val = v.mv_data;
	*vlen = v.mv_size;
	return 0;
}

int
store_put(struct store_txn *t, enum store_db db, const void *key, size_t klen, const void *val,
          size_t vlen, bool noover)
{
	MDB_val k = { klen, (void *)key }, v = { vlen, (void *)val };

	int rc = store_txn_result(t, mdb_put(t->txn, t->st->dbi[db], &k, &v,
	                                     noover ? MDB_NOOVERWRITE : 0),
	                          MDB_KEYEXIST, STORE_EXISTS, "cannot write");

	t->wrote |= rc == 0;
	return rc;
}

int
store_clear(struct store_txn *t, enum store_db db)
{
	int rc;

	if (t->st->absent[db])
		return 0;
	if ((rc = mdb_drop(t->txn, t->st->dbi[db], 0)) != 0)
		return store_txn_fail(t, rc, "cannot clear");
	t->wrote = true;
	return 0;
}

int
store_del(struct store_txn *t, enum store_db db, const void *key, size_t klen)
{
	MDB_val k = { klen, (void *)key };

	int rc = store_txn_result(t, mdb_del(t->txn, t->st->dbi[db], &k, NULL), MDB_NOTFOUND,
	                          STORE_NOTFOUND, "cannot delete");

	t->wrote |= rc == 0;
	return rc;
}

int
store_scan(struct store_txn *t, enum store_db db, const void *from, size_t fromlen,
           int (*each)(const void *, size_t, const void *, size_t, void *), void *ctx)
{
	return store_scan_seek(t, db, from, fromlen, each, ctx, NULL);
}

struct scan_keys {
	int (*each)(const void *k, size_t klen, void *ctx);
	void *ctx;
};

static int
store_keys_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	const struct scan_keys *x = ctx;

	(void)v;
	(void)vl;
	return x->each(k, kl, x->ctx);
}

int
store_scan_keys(struct store_txn *t, enum store_db db, const void *from, size_t fromlen,
                int (*each)(const void *k, size_t klen, void *ctx), void *ctx)
{
	struct scan_keys x = { each, ctx };

	return store_scan(t, db, from, fromlen, store_keys_each, &x);
}

int
store_scan_seek(struct store_txn *t, enum store_db db, const void *from, size_t fromlen,
                int (*each)(const void *, size_t, const void *, size_t, void *), void *ctx,
                struct store_seek *seek)
{
	MDB_cursor *cur;
	MDB_val k = { fromlen, (void *)from }, v;
	int rc, out = 0;

	if (t->st->absent[db])
		return 0;
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[db], &cur)) != 0)
		return store_txn_fail(t, rc, "cannot scan");
	rc = mdb_cursor_get(cur, &k, &v, from != NULL ? MDB_SET_RANGE : MDB_FIRST);
	while (rc == 0) {
		out = each(k.mv_data, k.mv_size, v.mv_data, v.mv_size, ctx);
		if (out == STORE_SEEK && seek != NULL && seek->len > 0 &&
		    seek->len <= sizeof seek->key) {
			/* a descent from the root: the pages passed over are never read */
			k.mv_size = seek->len;
			k.mv_data = seek->key;
			out = 0;
			rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
			continue;
		}
		if (out != 0)
			break;
		rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT);
	}
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return store_txn_fail(t, rc, "cannot scan");
	return out;
}

int
store_last(struct store_txn *t, enum store_db db, const void **key, size_t *klen,
           const void **val, size_t *vlen)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc;

	if (t->st->absent[db])
		return STORE_NOTFOUND;
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[db], &cur)) != 0)
		return store_txn_fail(t, rc, "cannot read");
	rc = mdb_cursor_get(cur, &k, &v, MDB_LAST);
	mdb_cursor_close(cur);
	if ((rc = store_txn_result(t, rc, MDB_NOTFOUND, STORE_NOTFOUND, "cannot read")) != 0)
		return rc;
	*key = k.mv_data;
	*klen = k.mv_size;
	*val = v.mv_data;
	*vlen = v.mv_size;
	return 0;
}

size_t
store_count(struct store_txn *t, enum store_db db)
{
	MDB_stat ms;

	if (t->st->absent[db] || mdb_stat(t->txn, t->st->dbi[db], &ms) != 0)
		return 0;
	return ms.ms_entries;
}

uint64_t
store_last_commit(struct store *st)
{
	MDB_envinfo info;
	MDB_txn *txn;
	struct err err;
	uint64_t id;

	/* the snapshot a read begun now sees, not the newest meta page: a
	 * writer writes that page first and hands it to readers a moment
	 * later, so a client woken by the write (inotify) and reading at
	 * once would take the new number with the old contents */
	if (store_begin(st, MDB_RDONLY, &txn, &err) == 0) {
		id = (uint64_t)mdb_txn_id(txn);
		mdb_txn_abort(txn);
		return id;
	}
	if (mdb_env_info(st->env, &info) != 0)
		return 0;
	return (uint64_t)info.me_last_txnid;
}

bool
store_others_committed(const struct store *st, uint64_t since, uint64_t now)
{
	uint64_t mine = 0;
	unsigned i, n = st->nown < STORE_OWN_KEPT ? st->nown : STORE_OWN_KEPT;

	for (i = 0; i < n; i++)
		mine += st->own[i] > since && st->own[i] <= now;
	return now > since + mine;
}

int
store_copy(struct store *st, const char *dest, bool compact, struct err *err)
{
	char path[4200];
	int fd, rc;

	if (mkdir(dest, 0750) != 0)
		return err_set(err, "%s: %s", dest, errno == EEXIST ? "already exists" : strerror(errno));
	snprintf(path, sizeof path, "%s/data.mdb", dest);
	/* never world-readable, whatever the umask */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (fd < 0) {
		err_set(err, "%s: %s", path, strerror(errno));
		rmdir(dest);
		return -1;
	}
	fchmod(fd, 0640);
	rc = mdb_env_copyfd2(st->env, fd, compact ? MDB_CP_COMPACT : 0);
	if (rc == 0 && fsync(fd) != 0)
		rc = errno;
	if (close(fd) != 0 && rc == 0)
		rc = errno;
	if (rc != 0) {
		unlink(path);
		rmdir(dest);
		return store_fail(err, rc, "cannot copy the book");
	}
	return 0;
}

/* store_check walks every database under a guard: a damaged page makes
 * LMDB fault (SIGSEGV, SIGBUS) rather than fail, and a check must report
 * it by database and key instead of dying.  The jump buffer is the one
 * piece of state a signal handler can reach. */
static _Thread_local sigjmp_buf *store_guard;

static void
store_guard_fault(int sig)
{
	if (store_guard != NULL)
		siglongjmp(*store_guard, sig);
	signal(sig, SIG_DFL);
	raise(sig);
}

struct store_check_ctx {
	size_t n;
	uint8_t last[24]; /* the last key read whole, for the report */
	size_t lastlen;
};

static int
store_check_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct store_check_ctx *c = ctx;
	const volatile uint8_t *p = v;
	uint8_t sum = 0;
	size_t i;

	if (kl == 0 && vl == 0)
		return -1;
	/* touch every byte, so a value on a lost page faults here */
	for (i = 0; i < vl; i += 512)
		sum ^= p[i];
	if (vl > 0)
		sum ^= p[vl - 1];
	(void)sum;
	c->lastlen = kl < sizeof c->last ? kl : sizeof c->last;
	memcpy(c->last, k, c->lastlen);
	c->n++;
	return 0;
}

static void
store_key_text(const uint8_t *k, size_t n, char *out, size_t max)
{
	size_t i, o = 0;
	bool text = n > 0;

	for (i = 0; i < n; i++)
		if (k[i] < 0x20 || k[i] > 0x7e)
			text = false;
	for (i = 0; i < n && o + 3 < max; i++)
		o += (size_t)snprintf(out + o, max - o, text ? "%c" : "%02x", k[i]);
	if (n == 0)
		snprintf(out, max, "(the first)");
}

int
store_check(struct store *st, struct err *err)
{
	struct sigaction sa, old_segv, old_bus;
	struct store_check_ctx c;
	struct store_txn t = { st, NULL, err, 0, false };
	sigjmp_buf jb;
	volatile int db = 0;
	volatile int rc = 0;
	int sig;
	char key[64];

	if (store_begin(st, MDB_RDONLY, &t.txn, err) != 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = store_guard_fault;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	memset(&c, 0, sizeof c);
	if ((sig = sigsetjmp(jb, 1)) != 0) {
		store_guard = NULL;
		store_key_text(c.last, c.lastlen, key, sizeof key);
		rc = err_set(err, "database %s is damaged: reading past key %s faulted (%s); restore "
		             "the book from a backup", store_db_names[db], key,
		             sig == SIGBUS ? "SIGBUS" : "SIGSEGV");
		goto out;
	}
	store_guard = &jb;
	for (db = 0; db < STORE_NDB; db++) {
		memset(&c, 0, sizeof c);
		rc = store_scan(&t, (enum store_db)db, NULL, 0, store_check_each, &c);
		if (rc != 0) {
			store_key_text(c.last, c.lastlen, key, sizeof key);
			rc = rc < 0 && t.mdb_rc != 0 ?
			     err_prefix(err, "database %s, after key %s", store_db_names[db], key) :
			     err_set(err, "database %s: an empty entry", store_db_names[db]);
			break;
		}
		if (c.n != store_count(&t, (enum store_db)db)) {
			rc = err_set(err, "database %s: %zu entries walked, %zu recorded",
			             store_db_names[db], c.n, store_count(&t, (enum store_db)db));
			break;
		}
	}
	store_guard = NULL;
out:
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	mdb_txn_abort(t.txn);
	return rc;
}

/* mdb_reader_list() prints a header, then one line per live reader slot,
 * each starting with the reader's pid. */
static int
store_reader_line(const char *msg, void *ctx)
{
	unsigned *n = ctx;

	msg += strspn(msg, " ");
	if (*msg >= '0' && *msg <= '9')
		(*n)++;
	return 0;
}

void
store_stat(struct store *st, struct store_stat *out)
{
	MDB_envinfo info;
	MDB_stat ms;
	struct stat sb;
	char path[4200];

	memset(out, 0, sizeof *out);
	if (mdb_env_info(st->env, &info) == 0) {
		out->map_size = info.me_mapsize;
		/* not me_numreaders: that is the high-water mark of slots ever
		 * used, and counts readers that have gone (or died) for good */
		mdb_reader_list(st->env, store_reader_line, &out->readers);
		out->max_readers = info.me_maxreaders;
		if (mdb_env_stat(st->env, &ms) == 0)
			out->used_bytes = (info.me_last_pgno + 1) * (size_t)ms.ms_psize;
	}
	snprintf(path, sizeof path, "%s/data.mdb", st->dir);
	if (stat(path, &sb) == 0)
		out->file_bytes = (size_t)sb.st_size;
}
