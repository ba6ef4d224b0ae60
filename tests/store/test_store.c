/* test_store.c - the case book's storage as several people meet it at once:
 * real processes (fork, never threads) writing and reading together, dying
 * in the middle of a transaction, growing the map under each other, opening
 * read-only, and copying a live book.
 *
 * LMDB must never be used across fork(): every process opens the book itself
 * after the fork, and the parent opens its own handle only once all of a
 * test's children exist.  Children report failure through their exit status
 * (and a line on stderr), never through cmocka, and each carries an alarm so
 * that a stuck lock fails the test instead of hanging it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "redress/codec.h"
#include "redress/err.h"
#include "redress/store.h"

#define KIB 1024u
#define MIB (1024u * 1024u)
#define SMALL_MAP (256u * KIB)

#define CHILD_ALARM 15   /* seconds before a child is presumed stuck */
#define LOCK_ALARM 5     /* seconds a write may wait for the writer lock */
#define WAIT_MS 15000    /* how long the parent waits for a child's signal */
#define MAX_KIDS 24
#define MAX_WRITERS 16

/* --- records ------------------------------------------------------------ */

/* A test record: writer id and sequence in the key (both big-endian, so a
 * scan meets each writer's records in order), and a value that repeats
 * them with a filler derived from both, so any torn or misplaced value
 * shows. */
#define REC_TYPE 0x70
#define T_WRITER 1
#define T_SEQ 2
#define T_FILL 3
#define REC_OVERHEAD 36                 /* header + three field headers + two u64 */
#define FILL_VARIES ((size_t)-1)        /* the filler's length depends on the key */
#define FILL_MAX 4096
#define FILL_2K (2 * KIB - REC_OVERHEAD) /* makes a 2 KiB value */
#define FILL_1K (1 * KIB - REC_OVERHEAD)

static size_t
fill_for(size_t fill, uint32_t w, uint32_t s)
{
	return fill == FILL_VARIES ? 16 + (w * 7u + s) % 64 : fill;
}

static void
fill_bytes(uint8_t *out, uint32_t w, uint32_t s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = (uint8_t)(w * 131u + s * 7u + i);
}

static void
key_make(uint8_t key[8], uint32_t w, uint32_t s)
{
	codec_be32(w, key);
	codec_be32(s, key + 4);
}

static void
value_build(struct rec *r, uint32_t w, uint32_t s, size_t fill)
{
	static uint8_t buf[FILL_MAX];

	fill_bytes(buf, w, s, fill);
	rec_begin(r, REC_TYPE, 1);
	rec_u64(r, T_WRITER, w);
	rec_u64(r, T_SEQ, s);
	rec_bytes(r, T_FILL, buf, fill);
}

static bool
value_ok(const void *key, size_t klen, const void *val, size_t vlen, size_t fill)
{
	static uint8_t want[FILL_MAX];
	const uint8_t *p;
	uint32_t w, s;
	uint8_t version;
	size_t n;

	if (klen != 8)
		return false;
	w = codec_get_be32(key);
	s = codec_get_be32((const uint8_t *)key + 4);
	fill = fill_for(fill, w, s);
	if (vlen != REC_OVERHEAD + fill || rec_check(val, vlen, REC_TYPE, &version) != 0 ||
	    version != 1)
		return false;
	if (rec_find_u64(val, vlen, T_WRITER, UINT64_MAX) != w ||
	    rec_find_u64(val, vlen, T_SEQ, UINT64_MAX) != s)
		return false;
	if (!rec_find(val, vlen, T_FILL, &p, &n) || n != fill)
		return false;
	fill_bytes(want, w, s, fill);
	return memcmp(p, want, fill) == 0;
}

/* Records w/first, w/first+step, ... (n of them). */
struct range {
	uint32_t w, first, n, step;
	size_t fill;
	bool noover;    /* a second copy of a record is an error */
	bool present;   /* for range_get: must be there, or must not */
	unsigned calls; /* how often the callback ran: it lives in this process */
	int hang_fd;    /* >= 0: after the puts, say so here and never return */
};

#define RANGE(w_, first_, n_, fill_) \
	{ .w = (w_), .first = (first_), .n = (n_), .step = 1, .fill = (fill_), \
	  .noover = true, .present = true, .hang_fd = -1 }

static void
send_byte(int fd, char c)
{
	ssize_t r;

	do
		r = write(fd, &c, 1);
	while (r < 0 && errno == EINTR);
}

/* A child's blocking wait for its parent; the alarm bounds it. */
static char
child_wait_byte(int fd)
{
	char c = 0;
	ssize_t r;

	do
		r = read(fd, &c, 1);
	while (r < 0 && errno == EINTR);
	return r == 1 ? c : 0;
}

static int
range_put(struct store_txn *txn, void *ctx)
{
	struct range *r = ctx;
	struct rec rec;
	uint8_t key[8];
	uint32_t i, s;
	int rc;

	r->calls++;
	for (i = 0; i < r->n; i++) {
		s = r->first + i * r->step;
		value_build(&rec, r->w, s, fill_for(r->fill, r->w, s));
		if (rec_done(&rec) != 0) {
			rec_free(&rec);
			return err_set(store_txn_err(txn), "out of memory");
		}
		key_make(key, r->w, s);
		rc = store_put(txn, STORE_PEOPLE, key, sizeof key, rec.buf, rec.len, r->noover);
		rec_free(&rec);
		if (rc == STORE_EXISTS)
			return err_set(store_txn_err(txn), "record %u/%u is already there", r->w, s);
		if (rc != 0)
			return rc;
	}
	if (r->hang_fd >= 0) {
		send_byte(r->hang_fd, 'h');
		for (;;)
			pause();
	}
	return 0;
}

static int
range_del(struct store_txn *txn, void *ctx)
{
	struct range *r = ctx;
	uint8_t key[8];
	uint32_t i, s;

	for (i = 0; i < r->n; i++) {
		s = r->first + i * r->step;
		key_make(key, r->w, s);
		if (store_del(txn, STORE_PEOPLE, key, sizeof key) != 0)
			return err_set(store_txn_err(txn), "cannot delete record %u/%u", r->w, s);
	}
	return 0;
}

static int
range_get(struct store_txn *txn, void *ctx)
{
	struct range *r = ctx;
	const void *val;
	uint8_t key[8];
	uint32_t i, s;
	size_t vlen;
	int rc;

	for (i = 0; i < r->n; i++) {
		s = r->first + i * r->step;
		key_make(key, r->w, s);
		rc = store_get(txn, STORE_PEOPLE, key, sizeof key, &val, &vlen);
		if (rc < 0)
			return rc;
		if (!r->present && rc != STORE_NOTFOUND)
			return err_set(store_txn_err(txn), "record %u/%u should not be there", r->w, s);
		if (r->present && rc == STORE_NOTFOUND)
			return err_set(store_txn_err(txn), "record %u/%u is missing", r->w, s);
		if (r->present && !value_ok(key, sizeof key, val, vlen, r->fill))
			return err_set(store_txn_err(txn), "record %u/%u is damaged", r->w, s);
	}
	return 0;
}

/* One transaction writing n records. */
static int
put_records(struct store *st, uint32_t w, uint32_t first, uint32_t n, size_t fill,
            struct err *err)
{
	struct range r = RANGE(w, first, n, fill);

	return store_write(st, range_put, &r, err);
}

static int
check_records(struct store *st, uint32_t w, uint32_t first, uint32_t n, uint32_t step,
              size_t fill, bool present, struct err *err)
{
	struct range r = RANGE(w, first, n, fill);

	r.step = step;
	r.present = present;
	return store_read(st, range_get, &r, err);
}

static int
count_txn(struct store_txn *txn, void *ctx)
{
	*(size_t *)ctx = store_count(txn, STORE_PEOPLE);
	return 0;
}

/* The number of records, or (size_t)-1. */
static size_t
count_people(struct store *st, struct err *err)
{
	size_t n = 0;

	if (store_read(st, count_txn, &n, err) != 0)
		return (size_t)-1;
	return n;
}

/* A whole snapshot: every record well formed, and with contiguous set each
 * writer's records a gapless run from 0 (what a snapshot of one-record
 * commits must look like). */
struct walk {
	size_t fill;
	uint32_t nw;
	bool contiguous;
	uint32_t n[MAX_WRITERS];
	size_t count, walked;
	char why[200];
};

static int
walk_each(const void *k, size_t klen, const void *v, size_t vlen, void *ctx)
{
	struct walk *wk = ctx;
	uint32_t w, s;

	if (klen != 8) {
		snprintf(wk->why, sizeof wk->why, "a key of %zu bytes", klen);
		return 1;
	}
	w = codec_get_be32(k);
	s = codec_get_be32((const uint8_t *)k + 4);
	if (w >= wk->nw) {
		snprintf(wk->why, sizeof wk->why, "record %u/%u from an unknown writer", w, s);
		return 1;
	}
	if (wk->contiguous && s != wk->n[w]) {
		snprintf(wk->why, sizeof wk->why, "writer %u: record %u where %u was due", w, s,
		         wk->n[w]);
		return 1;
	}
	if (!value_ok(k, klen, v, vlen, wk->fill)) {
		snprintf(wk->why, sizeof wk->why, "record %u/%u is damaged (%zu bytes)", w, s, vlen);
		return 1;
	}
	wk->n[w]++;
	wk->walked++;
	return 0;
}

static int
walk_txn(struct store_txn *txn, void *ctx)
{
	struct walk *wk = ctx;
	int rc;

	memset(wk->n, 0, sizeof wk->n);
	wk->walked = 0;
	wk->count = store_count(txn, STORE_PEOPLE);
	rc = store_scan(txn, STORE_PEOPLE, NULL, 0, walk_each, wk);
	if (rc < 0)
		return rc;
	if (rc > 0)
		return err_set(store_txn_err(txn), "%s", wk->why);
	if (wk->walked != wk->count)
		return err_set(store_txn_err(txn), "%zu records walked but %zu counted", wk->walked,
		               wk->count);
	return 0;
}

static int
walk(struct store *st, struct walk *wk, struct err *err)
{
	return store_read(st, walk_txn, wk, err);
}

/* --- processes ---------------------------------------------------------- */

/* In a child: report and exit; cmocka belongs to the parent. */
#define CHILD_CHECK(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "child %d: %s:%d: ", (int)getpid(), __FILE__, __LINE__); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		_exit(1); \
	} \
} while (0)

#define CHILD_SKIP 77

/* One test's directory and children. */
struct fx {
	char dir[64];
	pid_t kids[MAX_KIDS];
	int nkids;
};

static void
rm_tree(const char *path)
{
	char sub[4200];
	struct dirent *de;
	struct stat sb;
	DIR *d = opendir(path);

	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
			if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
				rm_tree(sub);
			else
				unlink(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

static int
fx_setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);

	assert_non_null(fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/redress-store-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	*state = fx;
	return 0;
}

/* Kills whatever a failed test left running (only our own children, by
 * pid), then removes the directory. */
static int
fx_teardown(void **state)
{
	struct fx *fx = *state;
	int i;

	for (i = 0; i < fx->nkids; i++) {
		if (fx->kids[i] <= 0)
			continue;
		kill(fx->kids[i], SIGKILL);
		waitpid(fx->kids[i], NULL, 0);
	}
	rm_tree(fx->dir);
	free(fx);
	return 0;
}

static pid_t
spawn(struct fx *fx, int (*fn)(void *), void *arg)
{
	pid_t pid;

	assert_true(fx->nkids < MAX_KIDS);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		alarm(CHILD_ALARM);
		_exit(fn(arg));
	}
	fx->kids[fx->nkids++] = pid;
	return pid;
}

static int
reap(struct fx *fx, pid_t pid)
{
	int status, i;
	pid_t r;

	do
		r = waitpid(pid, &status, 0);
	while (r < 0 && errno == EINTR);
	assert_int_equal(r, pid);
	for (i = 0; i < fx->nkids; i++)
		if (fx->kids[i] == pid)
			fx->kids[i] = 0;
	return status;
}

static void
expect_exit_ok(struct fx *fx, pid_t pid, const char *what)
{
	int status = reap(fx, pid);

	if (WIFSIGNALED(status))
		fail_msg("%s: killed by signal %d%s", what, WTERMSIG(status),
		         WTERMSIG(status) == SIGALRM ? " (stuck: its alarm went off)" : "");
	if (WEXITSTATUS(status) != 0)
		fail_msg("%s: failed (exit status %d)", what, WEXITSTATUS(status));
}

/* The parent waits, bounded, for child pid to say it is ready; a child that
 * dies first fails the test at once. */
static char
wait_byte(struct fx *fx, int fd, pid_t pid, const char *what)
{
	struct pollfd p = { fd, POLLIN, 0 };
	int r, waited, status, i;
	char c;

	for (waited = 0; waited < WAIT_MS; waited += 50) {
		r = poll(&p, 1, 50);
		if (r > 0) {
			if (read(fd, &c, 1) != 1)
				fail_msg("%s: the child went away without a word", what);
			return c;
		}
		if (waitpid(pid, &status, WNOHANG) == pid) {
			for (i = 0; i < fx->nkids; i++)
				if (fx->kids[i] == pid)
					fx->kids[i] = 0;
			fail_msg("%s: the child ended first (status %#x)", what, status);
		}
	}
	fail_msg("%s: no word from the child in %d ms", what, WAIT_MS);
	return 0;
}

static void
make_pipe(int fds[2])
{
	assert_int_equal(pipe(fds), 0);
}

static void
create_book(const char *dir, size_t map)
{
	struct store *st;
	struct err err;

	if (store_open(dir, STORE_CREATE, map, &st, &err) != 0)
		fail_msg("create %s: %s", dir, err.msg);
	store_close(&st);
}

static struct store *
open_book(const char *dir, unsigned flags, size_t map)
{
	struct store *st;
	struct err err;

	if (store_open(dir, flags, map, &st, &err) != 0)
		fail_msg("open %s: %s", dir, err.msg);
	return st;
}

/* In a child. */
static struct store *
child_open(const char *dir, unsigned flags, size_t map)
{
	struct store *st;
	struct err err;

	CHILD_CHECK(store_open(dir, flags, map, &st, &err) == 0, "open %s: %s", dir, err.msg);
	return st;
}

/* --- 1. concurrent writers and readers ------------------------------------ */

#define CW_WRITERS 8
#define CW_RECORDS 200
#define CW_READERS 4

struct cw_arg {
	const char *dir;
	uint32_t w;
	int stop_fd, ready_fd, report_fd;
	int close_fd; /* the stop pipe's write end: closed here, or EOF never comes */
};

/* One record per transaction, as a caseworker saves. */
static int
cw_writer(void *arg)
{
	struct cw_arg *a = arg;
	struct store *st = child_open(a->dir, 0, 0);
	struct err err;
	uint32_t s;

	for (s = 0; s < CW_RECORDS; s++)
		CHILD_CHECK(put_records(st, a->w, s, 1, FILL_VARIES, &err) == 0,
		            "writer %u, record %u: %s", a->w, s, err.msg);
	store_close(&st);
	return 0;
}

/* Reads until the parent closes stop_fd: each snapshot must be consistent,
 * and the count may only grow.  (With LMDB 0.9.24 alone it sometimes went
 * back: a reader could be handed a snapshot newer than its own; see
 * store_begin.) */
static int
cw_reader(void *arg)
{
	struct cw_arg *a = arg;
	struct walk wk = { .fill = FILL_VARIES, .nw = CW_WRITERS, .contiguous = true };
	struct pollfd p = { a->stop_fd, POLLIN, 0 };
	struct store *st;
	unsigned changes = 0;
	size_t last = 0;
	struct err err;
	unsigned i;
	bool stop = false;

	close(a->close_fd);
	/* readers that lose the CPU often: LMDB's reader races open up */
	if (nice(10) == -1)
		perror("nice");
	st = child_open(a->dir, 0, 0);
	for (i = 0;; i++) {
		if (i % 64 == 0)
			stop = poll(&p, 1, 0) > 0; /* EOF: the writers are done */
		/* mostly quick looks, as a screen refreshing; now and then the lot */
		if (stop || i % 16 == 0) {
			CHILD_CHECK(walk(st, &wk, &err) == 0, "reader: %s", err.msg);
		} else {
			wk.count = count_people(st, &err);
			CHILD_CHECK(wk.count != (size_t)-1, "reader: %s", err.msg);
		}
		CHILD_CHECK(wk.count >= last, "the count went back from %zu to %zu", last, wk.count);
		if (wk.count != last)
			changes++;
		if (a->ready_fd >= 0) {
			send_byte(a->ready_fd, 'r');
			a->ready_fd = -1;
		}
		last = wk.count;
		if (stop)
			break;
	}
	CHILD_CHECK(last == CW_WRITERS * CW_RECORDS, "the last snapshot held %zu records", last);
	CHILD_CHECK(write(a->report_fd, &changes, sizeof changes) == sizeof changes, "report");
	store_close(&st);
	return 0;
}

static void
test_concurrent_writers(void **state)
{
	struct fx *fx = *state;
	struct cw_arg rd[CW_READERS], wr[CW_WRITERS];
	pid_t readers[CW_READERS], writers[CW_WRITERS];
	int stop[2], ready[2], report[2], i;
	unsigned changes, most = 0;
	struct walk wk = { .fill = FILL_VARIES, .nw = CW_WRITERS, .contiguous = true };
	struct store *st;
	struct err err;

	create_book(fx->dir, 0);
	make_pipe(stop);
	make_pipe(ready);
	make_pipe(report);
	for (i = 0; i < CW_READERS; i++) {
		rd[i] = (struct cw_arg){ fx->dir, 0, stop[0], ready[1], report[1], stop[1] };
		readers[i] = spawn(fx, cw_reader, &rd[i]);
	}
	/* the readers are reading before the first writer starts */
	for (i = 0; i < CW_READERS; i++)
		wait_byte(fx, ready[0], readers[i], "reader");
	for (i = 0; i < CW_WRITERS; i++) {
		wr[i] = (struct cw_arg){ fx->dir, (uint32_t)i, -1, -1, -1, -1 };
		writers[i] = spawn(fx, cw_writer, &wr[i]);
	}
	for (i = 0; i < CW_WRITERS; i++)
		expect_exit_ok(fx, writers[i], "writer");
	close(stop[1]);
	for (i = 0; i < CW_READERS; i++)
		expect_exit_ok(fx, readers[i], "reader");
	close(report[1]);
	for (i = 0; i < CW_READERS; i++) {
		assert_int_equal(read(report[0], &changes, sizeof changes), sizeof changes);
		if (changes > most)
			most = changes;
	}
	/* some reader saw the book between empty and full: they really overlapped */
	assert_true(most >= 2);
	close(stop[0]);
	close(ready[0]);
	close(ready[1]);
	close(report[0]);

	st = open_book(fx->dir, 0, 0);
	if (walk(st, &wk, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(wk.count, CW_WRITERS * CW_RECORDS);
	for (i = 0; i < CW_WRITERS; i++) {
		assert_int_equal(wk.n[i], CW_RECORDS);
		if (check_records(st, (uint32_t)i, 0, CW_RECORDS, 1, FILL_VARIES, true, &err) != 0)
			fail_msg("writer %d: %s", i, err.msg);
	}
	if (store_check(st, &err) != 0)
		fail_msg("check: %s", err.msg);
	store_close(&st);
}

/* --- 2. a writer and a reader killed in the middle ------------------------ */

struct kill_arg {
	const char *dir;
	int to_parent, from_parent;
};

/* Commits records 0..9, then dies (at the parent's hand) holding a write
 * transaction with 10..14 in it. */
static int
kill_writer(void *arg)
{
	struct kill_arg *a = arg;
	struct store *st = child_open(a->dir, 0, 0);
	struct range r = RANGE(0, 10, 5, FILL_VARIES);
	struct err err;

	CHILD_CHECK(put_records(st, 0, 0, 5, FILL_VARIES, &err) == 0, "%s", err.msg);
	CHILD_CHECK(put_records(st, 0, 5, 5, FILL_VARIES, &err) == 0, "%s", err.msg);
	r.hang_fd = a->to_parent;
	store_write(st, range_put, &r, &err);
	CHILD_CHECK(0, "the hanging transaction returned");
	return 1;
}

/* Has the book open while the writer dies, so the lock file lives on and the
 * dead writer's mutex must be recovered; then writes 100..104. */
static int
kill_bystander(void *arg)
{
	struct kill_arg *a = arg;
	struct store *st = child_open(a->dir, 0, 0);
	struct err err;

	send_byte(a->to_parent, 'b');
	CHILD_CHECK(child_wait_byte(a->from_parent) == 'g', "no go");
	alarm(LOCK_ALARM); /* a writer lock left stuck by the dead writer kills us */
	CHILD_CHECK(put_records(st, 0, 100, 5, FILL_VARIES, &err) == 0, "write: %s", err.msg);
	alarm(CHILD_ALARM);
	CHILD_CHECK(count_people(st, &err) == 15, "count after the crash");
	CHILD_CHECK(check_records(st, 0, 0, 10, 1, FILL_VARIES, true, &err) == 0, "%s", err.msg);
	CHILD_CHECK(check_records(st, 0, 10, 5, 1, FILL_VARIES, false, &err) == 0, "%s", err.msg);
	store_close(&st);
	return 0;
}

/* Opens afresh once everyone has gone. */
static int
kill_after(void *arg)
{
	struct kill_arg *a = arg;
	struct store *st;
	struct err err;

	alarm(LOCK_ALARM);
	st = child_open(a->dir, 0, 0);
	CHILD_CHECK(count_people(st, &err) == 15, "count");
	CHILD_CHECK(check_records(st, 0, 0, 10, 1, FILL_VARIES, true, &err) == 0, "%s", err.msg);
	CHILD_CHECK(check_records(st, 0, 10, 5, 1, FILL_VARIES, false, &err) == 0, "%s", err.msg);
	CHILD_CHECK(check_records(st, 0, 100, 5, 1, FILL_VARIES, true, &err) == 0, "%s", err.msg);
	CHILD_CHECK(put_records(st, 0, 200, 1, FILL_VARIES, &err) == 0, "write: %s", err.msg);
	store_close(&st);
	return 0;
}

static void
test_writer_killed(void **state)
{
	struct fx *fx = *state;
	int up[2], down[2], status;
	struct kill_arg a;
	pid_t bystander, writer, after;
	struct store *st;
	struct err err;

	create_book(fx->dir, 0);
	make_pipe(up);
	make_pipe(down);
	a = (struct kill_arg){ fx->dir, up[1], down[0] };
	bystander = spawn(fx, kill_bystander, &a);
	assert_int_equal(wait_byte(fx, up[0], bystander, "bystander"), 'b');
	writer = spawn(fx, kill_writer, &a);
	assert_int_equal(wait_byte(fx, up[0], writer, "writer"), 'h');
	assert_int_equal(kill(writer, SIGKILL), 0);
	status = reap(fx, writer);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

	send_byte(down[1], 'g');
	expect_exit_ok(fx, bystander, "a writer after the crash (book held open)");
	after = spawn(fx, kill_after, &a);
	expect_exit_ok(fx, after, "a writer after the crash (fresh open)");
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);

	st = open_book(fx->dir, 0, 0);
	assert_int_equal(count_people(st, &err), 16);
	if (store_check(st, &err) != 0)
		fail_msg("check: %s", err.msg);
	store_close(&st);
}

#define KR_RECORDS 20
#define KR_REWRITES 100

struct reader_arg {
	const char *dir;
	int to_parent, from_parent;
};

static int
hold_read(struct store_txn *txn, void *ctx)
{
	struct reader_arg *a = ctx;

	if (store_count(txn, STORE_PEOPLE) != KR_RECORDS)
		return err_set(store_txn_err(txn), "count in the reader");
	send_byte(a->to_parent, 'l');
	if (child_wait_byte(a->from_parent) != 'x')
		return err_set(store_txn_err(txn), "no word to leave");
	return 0;
}

/* A live reader: holds a read transaction until told, then keeps the book
 * open (not reading) until told to quit. */
static int
live_reader(void *arg)
{
	struct reader_arg *a = arg;
	struct store *st = child_open(a->dir, 0, 0);
	struct err err;

	CHILD_CHECK(store_read(st, hold_read, a, &err) == 0, "%s", err.msg);
	send_byte(a->to_parent, 'o');
	CHILD_CHECK(child_wait_byte(a->from_parent) == 'q', "no word to quit");
	store_close(&st);
	return 0;
}

static int
hang_read(struct store_txn *txn, void *ctx)
{
	struct reader_arg *a = ctx;

	if (store_count(txn, STORE_PEOPLE) != KR_RECORDS)
		return err_set(store_txn_err(txn), "count in the reader");
	send_byte(a->to_parent, 'd');
	for (;;)
		pause();
}

static int
dying_reader(void *arg)
{
	struct reader_arg *a = arg;
	struct store *st = child_open(a->dir, 0, 0);
	struct err err;

	store_read(st, hang_read, a, &err);
	CHILD_CHECK(0, "the hanging read returned: %s", err.msg);
	return 1;
}

/* Opens after the reader died: sees one reader (the live one), then, once
 * that one has left its transaction, rewrites the same records many times
 * without the file growing as it would behind a reader pinning old pages. */
static int
rewriter(void *arg)
{
	struct reader_arg *a = arg;
	struct store *st = child_open(a->dir, 0, 0);
	struct store_stat before, after;
	struct err err;
	int i;

	store_stat(st, &before);
	CHILD_CHECK(before.readers == 1, "%u readers while one is reading", before.readers);
	send_byte(a->to_parent, 'w');
	CHILD_CHECK(child_wait_byte(a->from_parent) == 'g', "no go");
	alarm(LOCK_ALARM);
	for (i = 0; i < KR_REWRITES; i++) {
		struct range r = RANGE(0, 0, KR_RECORDS, FILL_1K);

		r.noover = false;
		CHILD_CHECK(store_write(st, range_put, &r, &err) == 0, "rewrite %d: %s", i, err.msg);
	}
	alarm(CHILD_ALARM);
	store_stat(st, &after);
	CHILD_CHECK(after.readers == 0, "%u readers while none is reading", after.readers);
	/* without reuse: about KR_REWRITES * 10 pages = 4 MB */
	CHILD_CHECK(after.used_bytes < before.used_bytes + 1 * MIB,
	            "the book grew from %zu to %zu bytes: old pages are pinned", before.used_bytes,
	            after.used_bytes);
	CHILD_CHECK(check_records(st, 0, 0, KR_RECORDS, 1, FILL_1K, true, &err) == 0, "%s",
	            err.msg);
	store_close(&st);
	return 0;
}

static void
test_reader_killed(void **state)
{
	struct fx *fx = *state;
	int up[2], down_live[2], down_w[2], status;
	struct reader_arg live_a, dead_a, w_a;
	pid_t live, dead, w;
	struct store_stat ss;
	struct store *st;
	struct err err;

	create_book(fx->dir, 0);
	st = open_book(fx->dir, 0, 0);
	if (put_records(st, 0, 0, KR_RECORDS, FILL_1K, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);

	make_pipe(up);
	make_pipe(down_live);
	make_pipe(down_w);
	live_a = (struct reader_arg){ fx->dir, up[1], down_live[0] };
	dead_a = (struct reader_arg){ fx->dir, up[1], -1 };
	w_a = (struct reader_arg){ fx->dir, up[1], down_w[0] };
	live = spawn(fx, live_reader, &live_a);
	assert_int_equal(wait_byte(fx, up[0], live, "live reader"), 'l');
	dead = spawn(fx, dying_reader, &dead_a);
	assert_int_equal(wait_byte(fx, up[0], dead, "dying reader"), 'd');
	assert_int_equal(kill(dead, SIGKILL), 0);
	status = reap(fx, dead);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

	w = spawn(fx, rewriter, &w_a);
	assert_int_equal(wait_byte(fx, up[0], w, "rewriter"), 'w');
	send_byte(down_live[1], 'x');
	assert_int_equal(wait_byte(fx, up[0], live, "live reader"), 'o');
	send_byte(down_w[1], 'g');
	expect_exit_ok(fx, w, "a writer after a reader died");

	/* the live reader still has the book open, so the lock file (and any
	 * stale slot in it) is still there when we open */
	st = open_book(fx->dir, 0, 0);
	store_stat(st, &ss);
	assert_true(ss.readers <= 2); /* the live reader's handle and ours */
	assert_int_equal(ss.readers, 0); /* and neither is reading */
	assert_true(ss.max_readers >= 2);
	store_close(&st);

	send_byte(down_live[1], 'q');
	expect_exit_ok(fx, live, "the live reader");
	close(up[0]);
	close(up[1]);
	close(down_live[0]);
	close(down_live[1]);
	close(down_w[0]);
	close(down_w[1]);
}

/* --- 3. the map grows under another process ------------------------------ */

#define MG_RECORDS 4000
#define MG_PER_TXN 100
#define MG_MORE 100

struct grow_arg {
	const char *dir;
	int to_parent, from_parent;
};

/* Opens with the small map before the growth and keeps that handle. */
static int
grow_follower(void *arg)
{
	struct grow_arg *a = arg;
	struct store *st = child_open(a->dir, 0, SMALL_MAP);
	struct walk wk = { .fill = FILL_2K, .nw = 2, .contiguous = true };
	struct store_stat ss;
	struct err err;

	CHILD_CHECK(count_people(st, &err) == 0, "count before: %s", err.msg);
	store_stat(st, &ss);
	CHILD_CHECK(ss.map_size == SMALL_MAP, "map of %zu bytes at first", ss.map_size);
	send_byte(a->to_parent, 'b');
	CHILD_CHECK(child_wait_byte(a->from_parent) == 'g', "no go");

	CHILD_CHECK(walk(st, &wk, &err) == 0, "read after the growth: %s", err.msg);
	CHILD_CHECK(wk.count == MG_RECORDS && wk.n[0] == MG_RECORDS, "%zu records seen", wk.count);
	CHILD_CHECK(put_records(st, 1, 0, MG_MORE, FILL_2K, &err) == 0, "write: %s", err.msg);
	CHILD_CHECK(walk(st, &wk, &err) == 0, "read after writing: %s", err.msg);
	CHILD_CHECK(wk.n[0] == MG_RECORDS && wk.n[1] == MG_MORE, "%u + %u records", wk.n[0],
	            wk.n[1]);
	store_stat(st, &ss);
	CHILD_CHECK(ss.map_size > SMALL_MAP && ss.map_size >= ss.used_bytes,
	            "map of %zu bytes holding %zu", ss.map_size, ss.used_bytes);
	store_close(&st);
	return 0;
}

/* Several MiB into a 256 KiB map. */
static int
grow_writer(void *arg)
{
	struct grow_arg *a = arg;
	struct store *st = child_open(a->dir, 0, SMALL_MAP);
	struct store_stat ss;
	struct err err;
	uint32_t s;

	for (s = 0; s < MG_RECORDS; s += MG_PER_TXN)
		CHILD_CHECK(put_records(st, 0, s, MG_PER_TXN, FILL_2K, &err) == 0, "at %u: %s", s,
		            err.msg);
	store_stat(st, &ss);
	CHILD_CHECK(ss.map_size >= (size_t)MG_RECORDS * 2 * KIB, "map of %zu bytes", ss.map_size);
	store_close(&st);
	return 0;
}

static void
test_map_growth(void **state)
{
	struct fx *fx = *state;
	struct walk wk = { .fill = FILL_2K, .nw = 2, .contiguous = true };
	int up[2], down[2];
	struct grow_arg a;
	pid_t follower, writer;
	struct store_stat ss;
	struct store *st;
	struct err err;

	create_book(fx->dir, SMALL_MAP);
	make_pipe(up);
	make_pipe(down);
	a = (struct grow_arg){ fx->dir, up[1], down[0] };
	follower = spawn(fx, grow_follower, &a);
	assert_int_equal(wait_byte(fx, up[0], follower, "follower"), 'b');
	writer = spawn(fx, grow_writer, &a);
	expect_exit_ok(fx, writer, "the writer filling a small map");
	send_byte(down[1], 'g');
	expect_exit_ok(fx, follower, "the process that opened before the growth");
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);

	st = open_book(fx->dir, 0, SMALL_MAP);
	if (walk(st, &wk, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(wk.count, MG_RECORDS + MG_MORE);
	assert_int_equal(wk.n[0], MG_RECORDS);
	assert_int_equal(wk.n[1], MG_MORE);
	store_stat(st, &ss);
	assert_true(ss.map_size > SMALL_MAP);
	assert_true(ss.file_bytes >= (size_t)(MG_RECORDS + MG_MORE) * 2 * KIB);
	if (store_check(st, &err) != 0)
		fail_msg("check: %s", err.msg);
	store_close(&st);
}

/* --- 4. one transaction bigger than the map ------------------------------ */

#define BIG_RECORDS 3000 /* of 1 KiB: 3 MiB in one transaction */

static void
test_transaction_bigger_than_map(void **state)
{
	struct fx *fx = *state;
	struct range r = RANGE(0, 0, BIG_RECORDS, FILL_1K);
	struct walk wk = { .fill = FILL_1K, .nw = 1, .contiguous = true };
	struct store_stat ss;
	struct store *st;
	struct err err;

	create_book(fx->dir, SMALL_MAP);
	st = open_book(fx->dir, 0, SMALL_MAP);
	store_stat(st, &ss);
	assert_int_equal(ss.map_size, SMALL_MAP);
	/* noover: a record left over from an aborted run would be refused */
	if (store_write(st, range_put, &r, &err) != 0)
		fail_msg("3 MiB in one transaction: %s", err.msg);
	assert_true(r.calls >= 2); /* it ran, the map filled, it ran again */
	if (walk(st, &wk, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(wk.count, BIG_RECORDS);
	assert_int_equal(wk.n[0], BIG_RECORDS);
	store_stat(st, &ss);
	assert_true(ss.map_size >= (size_t)BIG_RECORDS * KIB);
	store_close(&st);

	/* and it is on disk, for a process that opens afresh */
	st = open_book(fx->dir, 0, SMALL_MAP);
	assert_int_equal(count_people(st, &err), BIG_RECORDS);
	if (store_check(st, &err) != 0)
		fail_msg("check: %s", err.msg);
	store_close(&st);
}

/* A callback that ignores a failed put and carries on, as code that treats
 * one record's failure as not its business might: the transaction is still
 * doomed, must not be committed half-done, and a full map is still grown and
 * the whole redone (redress demo once lost a batch this way). */
static int
careless_put(struct store_txn *txn, void *ctx)
{
	struct range *r = ctx;
	struct rec rec;
	uint8_t key[8];
	uint32_t i, s;

	r->calls++;
	for (i = 0; i < r->n; i++) {
		s = r->first + i * r->step;
		value_build(&rec, r->w, s, fill_for(r->fill, r->w, s));
		if (rec_done(&rec) != 0) {
			rec_free(&rec);
			return err_set(store_txn_err(txn), "out of memory");
		}
		key_make(key, r->w, s);
		(void)store_put(txn, STORE_PEOPLE, key, sizeof key, rec.buf, rec.len, r->noover);
		rec_free(&rec);
	}
	return 0;
}

static void
test_careless_callback(void **state)
{
	struct fx *fx = *state;
	struct range r = RANGE(0, 0, BIG_RECORDS, FILL_1K);
	struct store *st;
	struct err err;

	create_book(fx->dir, SMALL_MAP);
	st = open_book(fx->dir, 0, SMALL_MAP);
	if (store_write(st, careless_put, &r, &err) != 0)
		fail_msg("careless 3 MiB: %s", err.msg);
	assert_true(r.calls >= 2);
	assert_int_equal(count_people(st, &err), BIG_RECORDS);
	store_close(&st);
}

/* --- 5. read-only ---------------------------------------------------------- */

static void
test_readonly_flag(void **state)
{
	struct fx *fx = *state;
	struct range r = RANGE(0, 10, 1, FILL_VARIES);
	struct store *st;
	struct err err;

	create_book(fx->dir, 0);
	st = open_book(fx->dir, 0, 0);
	assert_false(store_readonly(st));
	if (put_records(st, 0, 0, 3, FILL_VARIES, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);

	st = open_book(fx->dir, STORE_RDONLY, 0);
	assert_true(store_readonly(st));
	memset(&err, 0, sizeof err);
	assert_int_equal(store_write(st, range_put, &r, &err), -1);
	assert_non_null(strstr(err.msg, "read-only"));
	assert_int_equal(r.calls, 0);
	assert_int_equal(count_people(st, &err), 3);
	if (check_records(st, 0, 0, 3, 1, FILL_VARIES, true, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);

	st = open_book(fx->dir, 0, 0);
	assert_false(store_readonly(st));
	assert_int_equal(count_people(st, &err), 3);
	store_close(&st);
}

/* Someone who may not write data.mdb: the book opens read-only by itself. */
static int
unwritable_open(void *arg)
{
	const char *dir = arg;
	struct range r = RANGE(0, 10, 1, FILL_VARIES);
	struct store *st;
	struct err err;

	if (geteuid() == 0) {
		/* root may write anything: become nobody, like an auditor */
		if (setgroups(0, NULL) != 0 && errno != EPERM)
			return CHILD_SKIP;
		if (setgid(65534) != 0 || setuid(65534) != 0)
			return CHILD_SKIP;
		CHILD_CHECK(geteuid() == 65534, "still uid %d", (int)geteuid());
	}
	st = child_open(dir, 0, 0);
	CHILD_CHECK(store_readonly(st), "opened read-write without write access");
	memset(&err, 0, sizeof err);
	CHILD_CHECK(store_write(st, range_put, &r, &err) == -1, "a write succeeded");
	CHILD_CHECK(strstr(err.msg, "read-only") != NULL, "message: %s", err.msg);
	CHILD_CHECK(r.calls == 0, "the callback ran");
	CHILD_CHECK(count_people(st, &err) == 3, "count");
	CHILD_CHECK(check_records(st, 0, 0, 3, 1, FILL_VARIES, true, &err) == 0, "%s", err.msg);
	store_close(&st);
	return 0;
}

static void
test_readonly_unwritable(void **state)
{
	struct fx *fx = *state;
	char data[128], lock[128];
	struct store *st;
	struct err err;
	int status;
	pid_t pid;

	create_book(fx->dir, 0);
	st = open_book(fx->dir, 0, 0);
	if (put_records(st, 0, 0, 3, FILL_VARIES, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);
	snprintf(data, sizeof data, "%s/data.mdb", fx->dir);
	snprintf(lock, sizeof lock, "%s/lock.mdb", fx->dir);
	if (geteuid() == 0) {
		/* access() tells root it may write even a 0440 file, so the check
		 * runs as nobody: it may read the book and write only the lock
		 * file, as an auditor under the deployment's ACLs */
		assert_int_equal(chmod(fx->dir, 0755), 0);
		assert_int_equal(chmod(data, 0644), 0);
		assert_int_equal(chmod(lock, 0666), 0);
	} else {
		assert_int_equal(chmod(data, 0440), 0);
	}
	pid = spawn(fx, unwritable_open, fx->dir);
	status = reap(fx, pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_SKIP)
		skip(); /* cannot become nobody here (a user namespace, say) */
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("the read-only opener failed (status %#x)", status);

	/* nothing changed, for someone who may write */
	assert_int_equal(chmod(data, 0660), 0);
	st = open_book(fx->dir, 0, 0);
	assert_false(store_readonly(st));
	assert_int_equal(count_people(st, &err), 3);
	store_close(&st);
}

/* --- 6. a compact copy of a live book ------------------------------------ */

#define CP_RECORDS 300
#define CP_LIVE_READY 20

struct copy_arg {
	const char *dir;
	int to_parent, stop_fd, close_fd;
};

/* Keeps committing while the copy is taken. */
static int
copy_writer(void *arg)
{
	struct copy_arg *a = arg;
	struct pollfd p = { a->stop_fd, POLLIN, 0 };
	struct store *st;
	struct err err;
	uint32_t s;

	close(a->close_fd);
	st = child_open(a->dir, 0, 0);
	for (s = 0; poll(&p, 1, 0) == 0; s++) {
		CHILD_CHECK(put_records(st, 1, s, 1, FILL_VARIES, &err) == 0, "%s", err.msg);
		if (s + 1 == CP_LIVE_READY)
			send_byte(a->to_parent, 'w');
	}
	store_close(&st);
	return 0;
}

static mode_t
mode_of(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		fail_msg("%s: %s", path, strerror(errno));
	return sb.st_mode & 0777;
}

static void
test_copy(void **state)
{
	struct fx *fx = *state;
	char book[128], dest[128], plain[128], tight[128], path[256];
	struct walk wk = { .fill = FILL_VARIES, .nw = 2, .contiguous = false };
	struct range odd = RANGE(0, 1, CP_RECORDS / 2, FILL_VARIES);
	struct range even = RANGE(0, 0, CP_RECORDS / 2, FILL_VARIES);
	struct store_stat plain_ss, tight_ss;
	int up[2], stop[2];
	struct copy_arg a;
	struct store *st, *cp;
	struct err err;
	mode_t mask;
	pid_t writer;
	size_t live;

	snprintf(book, sizeof book, "%s/book", fx->dir);
	snprintf(dest, sizeof dest, "%s/snapshot", fx->dir);
	snprintf(plain, sizeof plain, "%s/plain", fx->dir);
	snprintf(tight, sizeof tight, "%s/tight", fx->dir);
	assert_int_equal(mkdir(book, 0700), 0);
	create_book(book, 0);
	st = open_book(book, 0, 0);
	if (put_records(st, 0, 0, CP_RECORDS, FILL_VARIES, &err) != 0)
		fail_msg("%s", err.msg);
	even.step = odd.step = 2;
	if (store_write(st, range_del, &even, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);

	make_pipe(up);
	make_pipe(stop);
	a = (struct copy_arg){ book, up[1], stop[0], stop[1] };
	writer = spawn(fx, copy_writer, &a);
	assert_int_equal(wait_byte(fx, up[0], writer, "writer"), 'w');

	/* a hot copy, under the deployment's umask */
	st = open_book(book, 0, 0);
	mask = umask(007);
	if (store_copy(st, dest, true, &err) != 0) {
		umask(mask);
		fail_msg("copy: %s", err.msg);
	}
	umask(mask);
	close(stop[1]);
	expect_exit_ok(fx, writer, "the writer during the copy");
	close(stop[0]);
	close(up[0]);
	close(up[1]);

	snprintf(path, sizeof path, "%s/data.mdb", dest);
	assert_int_equal(mode_of(path), 0640);
	assert_int_equal(mode_of(dest), 0750);

	cp = open_book(dest, STORE_NOLOCK, 0);
	assert_true(store_readonly(cp));
	if (walk(cp, &wk, &err) != 0)
		fail_msg("the copy: %s", err.msg);
	assert_int_equal(wk.n[0], CP_RECORDS / 2);
	/* a snapshot: the live writer's records up to some commit, no gaps */
	assert_true(wk.n[1] >= CP_LIVE_READY);
	if (check_records(cp, 0, 1, CP_RECORDS / 2, 2, FILL_VARIES, true, &err) != 0)
		fail_msg("the copy: %s", err.msg);
	if (check_records(cp, 1, 0, wk.n[1], 1, FILL_VARIES, true, &err) != 0)
		fail_msg("the copy: %s", err.msg);
	memset(&err, 0, sizeof err);
	assert_int_equal(store_write(cp, range_put, &odd, &err), -1);
	assert_non_null(strstr(err.msg, "read-only"));
	if (store_check(cp, &err) != 0)
		fail_msg("check the copy: %s", err.msg);
	store_close(&cp);
	/* a snapshot takes no lock file */
	snprintf(path, sizeof path, "%s/lock.mdb", dest);
	assert_int_equal(access(path, F_OK), -1);

	/* never over an existing directory, and that directory is left alone */
	memset(&err, 0, sizeof err);
	assert_int_equal(store_copy(st, dest, true, &err), -1);
	assert_non_null(strstr(err.msg, "already exists"));
	cp = open_book(dest, STORE_NOLOCK, 0);
	assert_int_equal(count_people(cp, &err), CP_RECORDS / 2 + wk.n[1]);
	store_close(&cp);

	/* compacting drops the free pages: smaller than a plain copy of the same */
	live = count_people(st, &err);
	if (store_copy(st, plain, false, &err) != 0 || store_copy(st, tight, true, &err) != 0)
		fail_msg("copy: %s", err.msg);
	store_close(&st);
	cp = open_book(plain, STORE_NOLOCK, 0);
	assert_int_equal(count_people(cp, &err), live);
	store_stat(cp, &plain_ss);
	store_close(&cp);
	cp = open_book(tight, STORE_NOLOCK, 0);
	assert_int_equal(count_people(cp, &err), live);
	if (walk(cp, &wk, &err) != 0)
		fail_msg("the compact copy: %s", err.msg);
	assert_int_equal(wk.n[0], CP_RECORDS / 2);
	if (check_records(cp, 0, 1, CP_RECORDS / 2, 2, FILL_VARIES, true, &err) != 0 ||
	    check_records(cp, 1, 0, wk.n[1], 1, FILL_VARIES, true, &err) != 0)
		fail_msg("the compact copy: %s", err.msg);
	store_stat(cp, &tight_ss);
	store_close(&cp);
	assert_true(tight_ss.file_bytes < plain_ss.file_bytes);
}

/* --- 7. noticing other people's commits ---------------------------------- */

struct commit_arg {
	const char *dir;
	int from_parent;
};

static int
write_nothing(struct store_txn *t, void *ctx)
{
	(void)t;
	(void)ctx;
	return 0;
}

static int
commit_other(void *arg)
{
	struct commit_arg *a = arg;
	struct store *st;
	struct err err;

	CHILD_CHECK(child_wait_byte(a->from_parent) == 'g', "no go");
	st = child_open(a->dir, 0, 0);
	CHILD_CHECK(put_records(st, 7, 0, 1, FILL_VARIES, &err) == 0, "%s", err.msg);
	store_close(&st);
	return 0;
}

static void
test_last_commit(void **state)
{
	struct fx *fx = *state;
	struct commit_arg a;
	uint64_t before, after, mine;
	int down[2];
	struct store *st;
	struct err err;
	pid_t pid;

	create_book(fx->dir, 0);
	make_pipe(down);
	a = (struct commit_arg){ fx->dir, down[0] };
	pid = spawn(fx, commit_other, &a);

	st = open_book(fx->dir, 0, 0);
	before = store_last_commit(st);
	assert_true(before > 0); /* creating the book committed */
	/* reading commits nothing */
	assert_int_equal(count_people(st, &err), 0);
	assert_int_equal(store_last_commit(st), before);
	/* our own commits are no other's (the client's "changed by another
	 * user"), nor is a write transaction that wrote nothing */
	if (put_records(st, 7, 1, 1, FILL_VARIES, &err) != 0)
		fail_msg("%s", err.msg);
	mine = store_last_commit(st);
	assert_true(mine > before);
	assert_false(store_others_committed(st, before, mine));
	assert_int_equal(store_write(st, write_nothing, NULL, &err), 0);
	assert_int_equal(store_last_commit(st), mine);
	before = mine;

	send_byte(down[1], 'g');
	expect_exit_ok(fx, pid, "the other writer");
	close(down[0]);
	close(down[1]);
	after = store_last_commit(st);
	assert_true(after > before); /* noticed without a transaction of our own */
	assert_true(store_others_committed(st, before, after));
	assert_int_equal(count_people(st, &err), 2);

	/* ours after theirs: theirs still shows in a range that holds both */
	if (put_records(st, 7, 2, 1, FILL_VARIES, &err) != 0)
		fail_msg("%s", err.msg);
	mine = store_last_commit(st);
	assert_true(mine > after);
	assert_false(store_others_committed(st, after, mine));
	assert_true(store_others_committed(st, before, mine));
	store_close(&st);
}

/* --- a damaged book -------------------------------------------------------- */

static void
file_path(char *out, size_t n, const char *dir, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

/* A data file cut short faults (SIGBUS) where its pages are missing: it is
 * refused at open, with a message, before anything reads it. */
static void
test_truncated_refused(void **state)
{
	struct fx *fx = *state;
	char book[128], path[256];
	struct store *st;
	struct stat sb;
	struct err err;

	snprintf(book, sizeof book, "%s/book", fx->dir);
	assert_int_equal(mkdir(book, 0700), 0);
	create_book(book, 0);
	st = open_book(book, 0, 0);
	if (put_records(st, 0, 0, 200, FILL_1K, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);
	file_path(path, sizeof path, book, "data.mdb");
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(truncate(path, sb.st_size - 4096), 0);
	err.msg[0] = '\0';
	assert_int_equal(store_open(book, 0, 0, &st, &err), -1);
	assert_null(st);
	assert_non_null(strstr(err.msg, "truncated"));
	assert_non_null(strstr(err.msg, "backup"));
	assert_int_equal(store_open(book, STORE_RDONLY, 0, &st, &err), -1);
}

static int
check_child(void *arg)
{
	struct store *st;
	struct err err;

	if (store_open(arg, STORE_RDONLY, 0, &st, &err) != 0)
		return 3;
	/* 0 or 1 are both answers; only a signal is a failure */
	return store_check(st, &err) == 0 ? 0 : 1;
}

/* Random small overwrites of a book's pages: the check reports each one it
 * meets by database and key, and never dies by a signal. */
static void
test_damaged_pages_reported(void **state)
{
	struct fx *fx = *state;
	char book[128], bad[128], path[256], cmd[512];
	unsigned seed = 12345, i, j, faults = 0;
	uint8_t *image;
	struct store *st;
	struct stat sb;
	struct err err;
	int status, fd;
	pid_t pid;

	snprintf(book, sizeof book, "%s/book", fx->dir);
	snprintf(bad, sizeof bad, "%s/bad", fx->dir);
	assert_int_equal(mkdir(book, 0700), 0);
	create_book(book, 0);
	st = open_book(book, 0, 0);
	if (put_records(st, 0, 0, 3000, FILL_VARIES, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);
	file_path(path, sizeof path, book, "data.mdb");
	assert_int_equal(stat(path, &sb), 0);
	image = malloc((size_t)sb.st_size);
	assert_non_null(image);
	fd = open(path, O_RDONLY);
	assert_int_equal(read(fd, image, (size_t)sb.st_size), sb.st_size);
	close(fd);
	for (i = 0; i < 120; i++) {
		rm_tree(bad);
		assert_int_equal(mkdir(bad, 0700), 0);
		file_path(cmd, sizeof cmd, bad, "data.mdb");
		fd = open(cmd, O_WRONLY | O_CREAT | O_EXCL, 0600);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, image, (size_t)sb.st_size), sb.st_size);
		for (j = 0; j < 16; j++) {
			uint8_t byte = (uint8_t)rand_r(&seed);
			off_t at = (off_t)((unsigned long)rand_r(&seed) % (unsigned long)sb.st_size);

			/* the two meta pages are LMDB's own to validate */
			if (at < 8192)
				at += 8192;
			assert_int_equal(pwrite(fd, &byte, 1, at), 1);
		}
		close(fd);
		pid = spawn(fx, check_child, bad);
		status = reap(fx, pid);
		fx->nkids = 0; /* the only child, reaped */
		if (WIFSIGNALED(status))
			fail_msg("round %u: the check died by signal %d", i, WTERMSIG(status));
		assert_true(WIFEXITED(status));
		faults += WEXITSTATUS(status) == 1;
	}
	free(image);
	/* the damage was seen, not only survived */
	assert_true(faults > 0);
}

/* lock.mdb removed or replaced under a running process: its writes would no
 * longer exclude a new process's, so it refuses to write. */
static void
test_lock_replaced_refused(void **state)
{
	struct fx *fx = *state;
	char book[128], path[256];
	struct store *st;
	struct err err;
	int fd;

	snprintf(book, sizeof book, "%s/book", fx->dir);
	assert_int_equal(mkdir(book, 0700), 0);
	create_book(book, 0);
	st = open_book(book, 0, 0);
	if (put_records(st, 0, 0, 3, FILL_VARIES, &err) != 0)
		fail_msg("%s", err.msg);
	file_path(path, sizeof path, book, "lock.mdb");
	assert_int_equal(unlink(path), 0);
	err.msg[0] = '\0';
	assert_int_not_equal(put_records(st, 0, 3, 1, FILL_VARIES, &err), 0);
	assert_non_null(strstr(err.msg, "lock.mdb was removed or replaced"));
	/* a new file in its place is another lock */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	close(fd);
	assert_int_not_equal(put_records(st, 0, 3, 1, FILL_VARIES, &err), 0);
	store_close(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_concurrent_writers, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_writer_killed, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_reader_killed, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_map_growth, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_transaction_bigger_than_map, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_careless_callback, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_readonly_flag, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_readonly_unwritable, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_copy, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_truncated_refused, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_pages_reported, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_lock_replaced_refused, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_last_commit, fx_setup, fx_teardown),
	};

	/* a child killed while writing to a pipe must not take us with it */
	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
