/* test_book.c - the case book in one process: creating, unlocking, sealed
 * people, stale edits, rekey, read-only and snapshot opens, backups, and an
 * audit chain that notices tampering.  Other processes: tests/store/. */
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress/book.h"
#include "redress/codec.h"
#include "redress/codes.h"
#include "redress/date.h"
#include "redress/demo.h"
#include "redress/profile.h"
#include "redress/search.h"
#include "redress/store.h"
/* the deadlines index's keys as the store holds them */
#include "../../src/book/book-int.h"

#define PASS "correct horse battery"
#define NAME1 "Quillon Farthingdale-Oyelaran"
#define NAME2 "Zoë Wąsowska-Ptarmigan"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	testutil_book_create(dir, sizeof dir, "book", "gloucestershire", PASS);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmtree(dir);
	return 0;
}

static struct book *
open_unlocked(void)
{
	return testutil_book_open(dir, 0, PASS);
}

static uint64_t
add(struct book *b, const char *name, const char *dob)
{
	struct err err;
	uint64_t id;

	if (book_person_add(b, name, dob, &id, &err) != 0)
		fail_msg("add %s: %s", name, err.msg);
	return id;
}

static void
test_create(void **state)
{
	struct book_info info;
	struct stat st;
	struct book *b;
	struct err err;
	char path[128];

	(void)state;
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 07777, 02770);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0660);
	b = open_unlocked();
	assert_int_equal(book_role(b), ROLE_ADMIN);
	assert_true(book_has_key(b));
	assert_int_equal(book_info(b, &info, &err), 0);
	assert_string_equal(info.authority, "gloucestershire");
	assert_string_equal(info.calendar, "england-and-wales");
	assert_int_equal(info.profile_version, 1);
	assert_int_equal(info.key_id, 1);
	book_close(&b);
	/* a second init over it is refused */
	assert_int_not_equal(book_create(dir, "essex", PASS, strlen(PASS), BOOK_COST_TEST, &err), 0);
	assert_non_null(strstr(err.msg, "already holds a book"));
}

static char *
slurp(const char *path, size_t *len)
{
	return testutil_read(path, len);
}

static void
test_wrong_passphrase_changes_nothing(void **state)
{
	struct book *b;
	struct err err;
	char path[128], *before, *after;
	size_t lb, la;

	(void)state;
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	before = slurp(path, &lb);
	assert_int_equal(book_open(dir, 0, &b, &err), 0);
	assert_int_not_equal(book_unlock(b, "wrong horse", 11, &err), 0);
	assert_string_equal(err.msg, "wrong passphrase");
	assert_false(book_unlocked(b));
	/* nor does a wrong one take away keys already held (a locked screen) */
	assert_int_equal(book_unlock(b, PASS, strlen(PASS), &err), 0);
	assert_int_not_equal(book_unlock(b, "wrong horse", 11, &err), 0);
	assert_true(book_unlocked(b));
	assert_true(book_has_key(b));
	book_close(&b);
	assert_int_equal(book_open(dir, 0, &b, &err), 0);
	assert_int_not_equal(book_person_add(b, NAME1, NULL, &(uint64_t){ 0 }, &err), 0);
	book_close(&b);
	after = slurp(path, &la);
	assert_int_equal(la, lb);
	assert_memory_equal(before, after, lb);
	free(before);
	free(after);
}

static int
collect(const struct book_person *p, void *ctx)
{
	struct book_person *out = ctx;

	if (out->id == 0)
		*out = *p;
	else
		out->rev = 999; /* more than one match */
	return 0;
}

static void
test_people(void **state)
{
	struct book_person p, found;
	struct book *b;
	struct err err;
	uint64_t id1, id2;

	(void)state;
	b = open_unlocked();
	id1 = add(b, NAME1, "2013-05-06");
	id2 = add(b, NAME2, NULL);
	assert_int_equal(id2, id1 + 1);
	assert_int_equal(book_person_get(b, id2, &p, &err), 0);
	assert_true(p.shown);
	assert_string_equal(p.name, NAME2);
	assert_int_equal(p.rev, 1);
	/* exact search: case and spacing aside, confirmed on the plaintext */
	memset(&found, 0, sizeof found);
	assert_int_equal(book_person_find(b, "  quillon   FARTHINGDALE-oyelaran ", NULL, collect,
	                                  &found, &err), 0);
	assert_int_equal(found.id, id1);
	assert_string_equal(found.dob, "2013-05-06");
	memset(&found, 0, sizeof found);
	assert_int_equal(book_person_find(b, NAME1, "2013-05-07", collect, &found, &err), 0);
	assert_int_equal(found.id, 0);
	memset(&found, 0, sizeof found);
	assert_int_equal(book_person_find(b, "Quillon", NULL, collect, &found, &err), 0);
	assert_int_equal(found.id, 0);
	/* bad input is refused with a reason */
	assert_int_equal(book_person_add(b, "", NULL, &id1, &err), BOOK_EUSAGE);
	assert_int_equal(book_person_add(b, "Eve\x1b[2J", NULL, &id1, &err), BOOK_EUSAGE);
	assert_non_null(strstr(err.msg, "control"));
	assert_int_equal(book_person_add(b, "Bob", "2999-01-01", &id1, &err), BOOK_EUSAGE);
	assert_non_null(strstr(err.msg, "future"));
	assert_int_equal(book_person_add(b, "Bob", "2020-02-30", &id1, &err), BOOK_EUSAGE);
	book_close(&b);

	/* without unlocking: a pseudonym, never the name */
	assert_int_equal(book_open(dir, 0, &b, &err), 0);
	assert_int_equal(book_person_get(b, id2, &p, &err), 0);
	assert_false(p.shown);
	assert_string_equal(p.name, "Person P-0002");
	assert_string_equal(p.dob, "");
	assert_int_not_equal(book_person_find(b, NAME2, NULL, collect, &found, &err), 0);
	book_close(&b);
}

static void
test_stale_edit(void **state)
{
	struct book_person p;
	struct book *b;
	struct err err;
	uint64_t id;

	(void)state;
	b = open_unlocked();
	id = add(b, NAME1, NULL);
	assert_int_equal(book_person_update(b, id, 1, "Quillon F-O", NULL, &err), 0);
	/* a second edit based on revision 1 is refused, naming who and when */
	assert_int_equal(book_person_update(b, id, 1, "Someone Else", NULL, &err), BOOK_ESTALE);
	assert_non_null(strstr(err.msg, "was changed by "));
	assert_non_null(strstr(err.msg, book_login(b)));
	assert_non_null(strstr(err.msg, "revision 2"));
	assert_non_null(strstr(err.msg, "not saved"));
	assert_int_equal(book_person_get(b, id, &p, &err), 0);
	assert_string_equal(p.name, "Quillon F-O");
	assert_int_equal(p.rev, 2);
	book_close(&b);
}

static void
test_rekey(void **state)
{
	struct book_person p, found;
	struct book_info info;
	struct book_verify v;
	struct book *b;
	struct err err;
	uint64_t id;

	(void)state;
	b = open_unlocked();
	id = add(b, NAME2, "2015-01-02");
	assert_int_equal(book_rekey(b, &err), 0);
	assert_int_equal(book_info(b, &info, &err), 0);
	assert_int_equal(info.key_id, 2);
	book_close(&b);
	/* the admin's slot now holds key 2 only, and every field opens with it */
	b = open_unlocked();
	assert_int_equal(book_person_get(b, id, &p, &err), 0);
	assert_string_equal(p.name, NAME2);
	assert_string_equal(p.dob, "2015-01-02");
	assert_int_equal(p.rev, 1);
	memset(&found, 0, sizeof found);
	assert_int_equal(book_person_find(b, NAME2, NULL, collect, &found, &err), 0);
	assert_int_equal(found.id, id);
	if (book_verify(b, &v, &err) != 0)
		fail_msg("verify: %s", err.msg);
	book_close(&b);
}

static void
test_readonly_and_snapshot(void **state)
{
	struct book_person p;
	struct book *b;
	struct err err;
	struct stat st;
	char snap[128], path[160];
	uint64_t id, n;

	(void)state;
	b = open_unlocked();
	id = add(b, NAME1, NULL);
	book_close(&b);
	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	assert_true(book_readonly(b));
	assert_int_equal(book_unlock(b, PASS, strlen(PASS), &err), 0);
	assert_int_not_equal(book_person_add(b, NAME2, NULL, &n, &err), 0);
	assert_non_null(strstr(err.msg, "read-only"));
	assert_int_not_equal(book_person_update(b, id, 1, NAME2, NULL, &err), 0);
	assert_int_equal(book_person_get(b, id, &p, &err), 0);
	assert_string_equal(p.name, NAME1);
	snprintf(snap, sizeof snap, "%s-snap", dir);
	assert_int_equal(book_snapshot(b, snap, &err), 0);
	book_close(&b);
	snprintf(path, sizeof path, "%s/data.mdb", snap);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	/* a snapshot opens read-only, with no lock file, by itself */
	assert_int_equal(book_open(snap, 0, &b, &err), 0);
	assert_true(book_readonly(b));
	assert_int_equal(book_person_get(b, id, &p, &err), 0);
	assert_string_equal(p.name, "Person P-0001");
	book_close(&b);
	snprintf(path, sizeof path, "%s/lock.mdb", snap);
	assert_int_not_equal(access(path, F_OK), 0);
	testutil_rmtree(snap);
}

/* Searches every file under path for needle; fails the test on a hit. */
static void
assert_nowhere(const char *path, const char *needle)
{
	struct dirent *de;
	char file[512];
	size_t len, n = strlen(needle), i;
	DIR *d = opendir(path);
	char *buf;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(file, sizeof file, "%s/%s", path, de->d_name);
		buf = testutil_read(file, &len);
		for (i = 0; i + n <= len; i++)
			if (memcmp(buf + i, needle, n) == 0)
				fail_msg("\"%s\" found in plain text in %s at %zu", needle, file, i);
		free(buf);
	}
	closedir(d);
}

static void
test_no_plaintext_on_disk(void **state)
{
	static const char *const names[] = { NAME1, NAME2, "Farthingdale", "Ptarmigan",
	                                     "2013-05-06", "Wąsowska", "Brackenbury", "Quarrington",
	                                     "2015-02-03", "Marmalade", "Periwinkle", "Aldebaran",
	                                     "Vantongeren", "Zephyrine" };
	struct book *b;
	struct err err;
	char bak[128], snap[128], ref[BOOK_REF_MAX];
	struct book_case *c;
	uint64_t id;
	size_t i;

	(void)state;
	b = open_unlocked();
	add(b, NAME1, "2013-05-06");
	id = add(b, NAME2, NULL);
	assert_int_equal(book_person_update(b, id, 1, NAME2 " Jr", NULL, &err), 0);
	{
		/* a case's text is sealed too: summary, points, notes, views */
		struct book_case_new in;
		struct book_step st;
		struct book_party_new pn;
		unsigned num;

		memset(&in, 0, sizeof in);
		in.kind = ROUTE_COMPLAINT;
		in.received = "2026-01-05";
		in.child_name = "Ottoline Brackenbury-Nakamura";
		in.child_dob = "2015-02-03";
		in.complainant_name = "Fenwick Quarrington";
		in.summary = "Marmalade incident at Thistlewood";
		if (book_case_add(b, &in, ref, &err) != 0)
			fail_msg("case add: %s", err.msg);
		assert_int_equal(book_case_point(b, ref, "Periwinkle visits missed", &num, &err), 0);
		memset(&st, 0, sizeof st);
		st.type = EV_ACKNOWLEDGED;
		st.date = "2026-01-06";
		st.note = "Spoke to Grandmother Aldebaran";
		if (book_case_step(b, ref, &st, &err) != 0)
			fail_msg("step: %s", err.msg);
		memset(&pn, 0, sizeof pn);
		pn.kind = 1;
		pn.role = PARTY_ADVOCATE;
		pn.name = "Hollis Vantongeren";
		pn.views = "Wants Zephyrine informed";
		if (book_case_party(b, ref, &pn, &err) != 0)
			fail_msg("party: %s", err.msg);
	}
	assert_int_equal(book_rekey(b, &err), 0);
	/* everything sealed opens under the new key */
	c = book_case_new();
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_string_equal(c->summary, "Marmalade incident at Thistlewood");
	assert_string_equal(c->points[0].text, "Periwinkle visits missed");
	assert_string_equal(c->events[1].note, "Spoke to Grandmother Aldebaran");
	assert_string_equal(c->parties[2].views, "Wants Zephyrine informed");
	assert_string_equal(c->parties[0].who.name, "Ottoline Brackenbury-Nakamura");
	book_case_free(c);
	snprintf(bak, sizeof bak, "%s-bak", dir);
	snprintf(snap, sizeof snap, "%s-snap", dir);
	assert_int_equal(book_backup(b, bak, &err), 0);
	assert_int_equal(book_snapshot(b, snap, &err), 0);
	book_close(&b);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		assert_nowhere(dir, names[i]);
		assert_nowhere(bak, names[i]);
		assert_nowhere(snap, names[i]);
	}
	testutil_rmtree(bak);
	testutil_rmtree(snap);
}

/* An extension's coded reason and the Ombudsman's finding: stored with the
 * step, kept through a rekey; on the wrong step, or unknown, refused with
 * the case unchanged; a step without one reads as not recorded. */
static void
test_step_codes(void **state)
{
	struct book_case_new in;
	struct book_step st;
	struct book_case *c;
	struct book *b;
	struct err err;
	char ref[BOOK_REF_MAX];

	(void)state;
	b = open_unlocked();
	book_set_today(b, 20600); /* 2026-05-27 */
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-05-01";
	in.child_name = "Kit";
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("case add: %s", err.msg);
	memset(&st, 0, sizeof st);
	st.date = "2026-05-05";
	/* a reason on an acknowledgement, a finding on an extension, codes
	 * out of range: each refused, nothing recorded */
	st.type = EV_ACKNOWLEDGED;
	st.ext_reason = EXT_REASON_COMPLEXITY;
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_EUSAGE);
	st.type = EV_STAGE1_EXTENDED;
	st.ext_reason = 0;
	st.finding = OMB_FINDING_UPHELD;
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_EUSAGE);
	st.finding = 0;
	st.ext_reason = EXT_REASON_COUNT;
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_EUSAGE);
	st.ext_reason = -1;
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_EUSAGE);
	c = book_case_new();
	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(c->nevents, 1);
	assert_int_equal(c->rev, 1);
	/* recorded with their steps */
	st.ext_reason = EXT_REASON_AVAILABILITY;
	if (book_case_step(b, ref, &st, &err) != 0)
		fail_msg("extend: %s", err.msg);
	memset(&st, 0, sizeof st);
	st.type = EV_STAGE1_RESPONSE_SENT;
	st.date = "2026-05-20";
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	st.type = EV_OMBUDSMAN_REFERRED;
	st.date = "2026-05-21";
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	st.type = EV_OMBUDSMAN_OUTCOME;
	st.date = "2026-05-22";
	st.finding = OMB_FINDING_OTHER + 1;
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_EUSAGE);
	st.finding = OMB_FINDING_PREMATURE;
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	st.finding = 0; /* a second decision, with none */
	st.date = "2026-05-26";
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	assert_int_equal(book_rekey(b, &err), 0);
	book_case_clear(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(c->nevents, 6);
	assert_int_equal(c->events[1].type, EV_STAGE1_EXTENDED);
	assert_int_equal(c->events[1].ext_reason, EXT_REASON_AVAILABILITY);
	assert_int_equal(c->events[1].finding, 0);
	assert_int_equal(c->events[2].ext_reason, 0);
	assert_int_equal(c->events[4].finding, OMB_FINDING_PREMATURE);
	assert_int_equal(c->events[5].finding, OMB_FINDING_NONE);
	book_case_free(c);
	book_close(&b);
}

static void
test_audit_chain(void **state)
{
	struct book_verify v;
	struct book *b;
	struct err err;

	(void)state;
	b = open_unlocked();
	add(b, NAME1, NULL);
	add(b, NAME2, NULL);
	if (book_verify(b, &v, &err) != 0)
		fail_msg("verify: %s", err.msg);
	assert_int_equal(v.entries, 3); /* init and two adds */
	book_close(&b);
}

/* --- tampering, through the store beneath the book ---------------------- */

struct tamper {
	int how;
};
enum { TAMPER_CHANGE, TAMPER_REMOVE, TAMPER_SWAP, TAMPER_SIGN, TAMPER_TRUNCATE };

static int
tamper_txn(struct store_txn *t, void *ctx)
{
	struct tamper *tp = ctx;
	uint8_t k2[8], k3[8], *a, *c;
	const void *v2, *v3;
	size_t n2, n3;

	codec_be64(2, k2);
	codec_be64(3, k3);
	assert_int_equal(store_get(t, STORE_AUDIT, k2, 8, &v2, &n2), 0);
	assert_int_equal(store_get(t, STORE_AUDIT, k3, 8, &v3, &n3), 0);
	a = malloc(n2);
	c = malloc(n3);
	memcpy(a, v2, n2);
	memcpy(c, v3, n3);
	switch (tp->how) {
	case TAMPER_CHANGE: {
		/* "person.add" -> "person.adc": a changed action */
		uint8_t *hit = NULL;
		size_t i;

		for (i = 0; i + 10 <= n2; i++)
			if (memcmp(a + i, "person.add", 10) == 0)
				hit = a + i;
		assert_non_null(hit);
		hit[9] = 'c';
		store_put(t, STORE_AUDIT, k2, 8, a, n2, false);
		break;
	}
	case TAMPER_REMOVE:
		store_del(t, STORE_AUDIT, k2, 8);
		break;
	case TAMPER_SWAP:
		store_put(t, STORE_AUDIT, k2, 8, c, n3, false);
		store_put(t, STORE_AUDIT, k3, 8, a, n2, false);
		break;
	case TAMPER_SIGN:
		a[n2 - 1] ^= 0x01; /* the signature is the last field */
		store_put(t, STORE_AUDIT, k2, 8, a, n2, false);
		break;
	case TAMPER_TRUNCATE:
		store_del(t, STORE_AUDIT, k3, 8);
		break;
	}
	free(a);
	free(c);
	return 0;
}

static void
tampered(int how, const char *expect)
{
	struct tamper tp = { how };
	struct book_verify v;
	struct store *st;
	struct book *b;
	struct err err;

	b = open_unlocked();
	add(b, NAME1, NULL);
	add(b, NAME2, NULL);
	book_close(&b);
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_write(st, tamper_txn, &tp, &err), 0);
	store_close(&st);
	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	if (book_verify(b, &v, &err) == 0)
		fail_msg("verify passed a tampered chain (%d)", how);
	if (strstr(err.msg, expect) == NULL)
		fail_msg("verify said \"%s\", wanted \"%s\"", err.msg, expect);
	book_close(&b);
}

static void test_tamper_change(void **s) { (void)s; tampered(TAMPER_CHANGE, "changed since"); }
static void test_tamper_remove(void **s) { (void)s; tampered(TAMPER_REMOVE, "missing"); }
static void test_tamper_swap(void **s) { (void)s; tampered(TAMPER_SWAP, "audit entry 2"); }
static void test_tamper_sign(void **s) { (void)s; tampered(TAMPER_SIGN, "signature"); }
static void test_tamper_truncate(void **s) { (void)s; tampered(TAMPER_TRUNCATE, "head"); }

/* --- schema versions -------------------------------------------------------- */

static int
set_schema_txn(struct store_txn *t, void *ctx)
{
	uint8_t v[8];

	codec_be64(*(uint64_t *)ctx, v);
	return store_put(t, STORE_META, "schema", 6, v, 8, false);
}

static uint64_t schema_seen;

static int
get_schema_txn(struct store_txn *t, void *ctx)
{
	const void *v;
	size_t n;

	(void)ctx;
	schema_seen = store_get(t, STORE_META, "schema", 6, &v, &n) == 0 && n == 8 ?
	              codec_get_be64(v) : 12345;
	return 0;
}

static void
set_schema(uint64_t v)
{
	struct store *st;
	struct err err;

	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_write(st, set_schema_txn, &v, &err), 0);
	store_close(&st);
}

static int
drop_summaries_txn(struct store_txn *t, void *ctx)
{
	uint8_t key[8];

	(void)ctx;
	codec_be64(1, key);
	assert_int_equal(store_del(t, STORE_SUMMARY, key, 8), 0);
	assert_int_equal(store_del(t, STORE_OPEN, key, 8), 0);
	return 0;
}

static int
count_lines(const struct book_case_line *l, void *ctx)
{
	(void)l;
	++*(int *)ctx;
	return 0;
}

/* A book as it was before the search index: none, and not marked built. */
static int
drop_index_txn(struct store_txn *t, void *ctx)
{
	(void)ctx;
	assert_int_equal(store_clear(t, STORE_SEARCH), 0);
	store_del(t, STORE_META, "search_index", 12);
	return 0;
}

static int
count_index_txn(struct store_txn *t, void *ctx)
{
	*(size_t *)ctx = store_count(t, STORE_SEARCH);
	return 0;
}

static size_t
found(struct book *b, const char *query)
{
	uint64_t *ids;
	size_t n;
	struct err err;

	if (book_search_cases(b, query, &ids, &n, NULL, &err) != 0)
		fail_msg("search %s: %s", query, err.msg);
	free(ids);
	return n;
}

static void
test_search_index(void **state)
{
	struct book_case_new in;
	char ref[BOOK_REF_MAX];
	struct store *st;
	struct book *b;
	struct err err;
	size_t entries, again;
	uint64_t *ids;
	size_t n;

	(void)state;
	b = open_unlocked();
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-01-05";
	in.child_name = "Ida Wi\xc5\x9bniewska";
	in.team = "North CIN";
	assert_int_equal(book_case_add(b, &in, ref, &err), 0);
	assert_int_equal(found(b, "wis"), 1);
	assert_int_equal(found(b, "IDA"), 1);
	assert_int_equal(found(b, "niewska"), 0);
	book_close(&b);

	/* a book made before the index: a reader cannot build it, and says so */
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_read(st, count_index_txn, &entries, &err), 0);
	assert_true(entries > 0);
	assert_int_equal(store_write(st, drop_index_txn, NULL, &err), 0);
	store_close(&st);
	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	assert_int_equal(book_unlock(b, PASS, strlen(PASS), &err), 0);
	assert_int_equal(book_search_cases(b, "wis", &ids, &n, NULL, &err), BOOK_EDENIED);
	assert_int_equal(n, 0);
	free(ids);
	/* ... but finds by reference all the same */
	assert_int_equal(book_search_cases(b, ref + 4, &ids, &n, NULL, &err), BOOK_EDENIED);
	assert_int_equal(n, 1);
	free(ids);
	book_close(&b);
	/* the first search of a key holder who may write builds it, whole */
	b = open_unlocked();
	assert_int_equal(found(b, "wis"), 1);
	assert_int_equal(found(b, "north"), 1);
	book_close(&b);
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_read(st, count_index_txn, &again, &err), 0);
	store_close(&st);
	assert_int_equal(again, entries);
}

/* A case of team (NULL: none) received on day; its reference into ref. */
static void
team_case(struct book *b, const char *team, const char *received, char ref[BOOK_REF_MAX])
{
	struct book_case_new in;
	struct err err;

	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = received;
	in.child_name = "Ida Team";
	in.team = team;
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("case add: %s", err.msg);
}

/* The book's teams, as "name open, ...". */
static void
teams_are(struct book *b, const char *want)
{
	struct book_team *v;
	struct err err;
	char got[256] = "";
	size_t n, i, len = 0;

	if (book_case_teams(b, &v, &n, &err) != 0)
		fail_msg("teams: %s", err.msg);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(got + len, sizeof got - len, "%s%s %ld", i ? ", " : "",
		                        v[i].name, v[i].open);
	free(v);
	assert_string_equal(got, want);
}

static void
test_case_teams(void **state)
{
	char ref[BOOK_REF_MAX], moved[BOOK_REF_MAX];
	struct book_case_edit e;
	struct book_step step;
	struct store *st;
	struct book *b;
	struct err err;

	(void)state;
	b = open_unlocked();
	teams_are(b, "");
	team_case(b, "North CIN", "2026-01-05", ref);
	team_case(b, "North CIN", "2026-01-06", ref);
	team_case(b, NULL, "2026-01-07", ref);
	team_case(b, "Fostering", "2026-01-08", moved);
	/* a team whose only case is closed is one of the book's, none open */
	team_case(b, "South CIN", "2026-01-09", ref);
	memset(&step, 0, sizeof step);
	step.type = EV_CLOSED;
	step.date = "2026-01-20";
	if (book_case_step(b, ref, &step, &err) != 0)
		fail_msg("close: %s", err.msg);
	teams_are(b, "Fostering 1, North CIN 2, South CIN 0");
	/* a case moved to another team leaves its old one when it was the last */
	memset(&e, 0, sizeof e);
	e.kind = -1;
	e.channel = -1;
	e.team = "Adoption";
	if (book_case_edit(b, moved, &e, &err) != 0)
		fail_msg("edit: %s", err.msg);
	teams_are(b, "Adoption 1, North CIN 2, South CIN 0");
	book_close(&b);

	/* a book made before the search index: the same, from the summaries */
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_write(st, drop_index_txn, NULL, &err), 0);
	store_close(&st);
	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	teams_are(b, "Adoption 1, North CIN 2, South CIN 0");
	book_close(&b);
}

static void
test_schema(void **state)
{
	struct book_case_filter f = { false, false, -1, -1, NULL, NULL, NULL, NULL, false, false, NULL, 0 };
	struct book_case_new in;
	char ref[BOOK_REF_MAX];
	struct store *st;
	struct book *b;
	struct err err;
	int lines;

	(void)state;
	/* a schema-1 book's cases have no summaries: migrating makes them */
	b = open_unlocked();
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-01-05";
	in.child_name = "Ida Summary";
	assert_int_equal(book_case_add(b, &in, ref, &err), 0);
	book_close(&b);
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_write(st, drop_summaries_txn, NULL, &err), 0);
	store_close(&st);
	set_schema(1);
	b = open_unlocked();
	lines = 0;
	assert_int_equal(book_case_list(b, &f, count_lines, &lines, &err), 0);
	assert_int_equal(lines, 1);
	book_close(&b);

	/* an older book is migrated by the first writer that opens it */
	set_schema(0);
	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0); /* a reader leaves it */
	book_close(&b);
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_read(st, get_schema_txn, NULL, &err), 0);
	store_close(&st);
	assert_int_equal(schema_seen, 0);
	b = open_unlocked();
	book_close(&b);
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_read(st, get_schema_txn, NULL, &err), 0);
	store_close(&st);
	assert_int_equal(schema_seen, BOOK_SCHEMA);
	/* a newer book is refused, not misread */
	set_schema(BOOK_SCHEMA + 1);
	assert_int_not_equal(book_open(dir, 0, &b, &err), 0);
	assert_non_null(strstr(err.msg, "newer redress"));
}

/* Schema 3 put the Ombudsman's recommendations' due dates in the deadlines
 * index; a case written before (with none there) gets them when the first
 * writer opens its book, not only at its next change. */
static int
drop_items_txn(struct store_txn *t, void *ctx)
{
	uint8_t *keys = ctx;
	size_t i;

	for (i = 0; keys[i * 16] != 0; i++)
		assert_int_equal(store_del(t, STORE_DEADLINES, keys + i * 16 + 1, 15), 0);
	return 0;
}

static int
find_items(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	uint8_t *keys = ctx;
	size_t i;

	(void)v;
	(void)vl;
	if (kl != 15 || ((const uint8_t *)k)[4] != 2) /* DATED_REC */
		return 0;
	for (i = 0; keys[i * 16] != 0 && i < 7; i++)
		;
	keys[i * 16] = 1;
	memcpy(keys + i * 16 + 1, k, 15);
	return 0;
}

static int
find_items_txn(struct store_txn *t, void *ctx)
{
	return store_scan(t, STORE_DEADLINES, NULL, 0, find_items, ctx) < 0 ? -1 : 0;
}

static int
count_recs(const struct book_due *d, void *ctx)
{
	if (d->item == BOOK_DUE_REC)
		++*(int *)ctx;
	return 0;
}

/* A complaint received 2026-06-01 taken through Stage 1 and 2 to the
 * Ombudsman's finding (upheld, 2027-06-01), checking after each step when
 * check is given; its reference into ref. */
static void
ombudsman_case(struct book *b, char ref[BOOK_REF_MAX], void (*check)(struct book *))
{
	static const int steps[] = { EV_STAGE1_RESPONSE_SENT, EV_STAGE2_REQUESTED,
	                             EV_STAGE2_DECISION_SENT, EV_OMBUDSMAN_REFERRED,
	                             EV_OMBUDSMAN_OUTCOME };
	static const char *const dates[] = { "2026-06-12", "2026-07-20", "2026-07-21", "2026-08-03",
	                                     "2027-06-01" };
	struct book_case_new in;
	struct book_step st;
	struct err err;
	unsigned i;

	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-06-01";
	in.child_name = "Rue Remedy";
	assert_int_equal(book_case_add(b, &in, ref, &err), 0);
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		memset(&st, 0, sizeof st);
		st.type = steps[i];
		st.date = dates[i];
		if (steps[i] == EV_STAGE2_DECISION_SENT) {
			st.decision = DECISION_REFUSED;
			st.reason = REFUSAL_LATE_REQUEST;
			st.ombudsman_told = true;
		}
		if (steps[i] == EV_OMBUDSMAN_OUTCOME)
			st.finding = OMB_FINDING_UPHELD;
		if (book_case_step(b, ref, &st, &err) != 0)
			fail_msg("step %u: %s", i, err.msg);
		if (check != NULL)
			check(b);
	}
}

static void
test_schema_items(void **state)
{
	uint8_t keys[8 * 16];
	char ref[BOOK_REF_MAX];
	struct store *st_;
	struct book *b;
	struct err err;
	unsigned number;
	int n;

	(void)state;
	b = open_unlocked();
	book_set_today(b, 20979); /* 2027-06-10 */
	ombudsman_case(b, ref, NULL);
	if (book_case_recommend(b, ref, BOOK_REC_OMBUDSMAN, "Apologise", "finance", "2027-06-25",
	                        &number, &err) != 0)
		fail_msg("recommend: %s", err.msg);
	n = 0;
	assert_int_equal(book_due_scan(b, "2027-06-01", "2027-06-30", 0, count_recs, &n, &err), 0);
	assert_int_equal(n, 1);
	book_close(&b);

	/* as a schema-2 book left it: no entry for the recommendation */
	memset(keys, 0, sizeof keys);
	assert_int_equal(store_open(dir, 0, 0, &st_, &err), 0);
	assert_int_equal(store_read(st_, find_items_txn, keys, &err), 0);
	assert_int_equal(keys[0], 1);
	assert_int_equal(store_write(st_, drop_items_txn, keys, &err), 0);
	store_close(&st_);
	b = open_unlocked();
	n = 0;
	assert_int_equal(book_due_scan(b, "2027-06-01", "2027-06-30", 0, count_recs, &n, &err), 0);
	assert_int_equal(n, 0);
	book_close(&b);

	/* the first writer to open it migrates: the due date is on the calendar */
	set_schema(2);
	b = open_unlocked();
	n = 0;
	assert_int_equal(book_due_scan(b, "2027-06-01", "2027-06-30", 0, count_recs, &n, &err), 0);
	assert_int_equal(n, 1);
	book_close(&b);
}

/* --- the calendar's day counts ---------------------------------------------- */

#define DAYS_SPAN 400
struct tally {
	int32_t first;
	uint32_t n[DAYS_SPAN][BOOK_DUE_NCLASS][BOOK_DUE_NSTATE];
	int32_t left[DAYS_SPAN];
};

static int
each_tally(const struct book_due *d, void *ctx)
{
	struct tally *x = ctx;
	size_t i = (size_t)(d->day - x->first);

	assert_true(i < DAYS_SPAN);
	x->n[i][d->item != BOOK_DUE_RULE ? BOOK_DUE_C_ITEM : d->target ? BOOK_DUE_C_TARGET :
	        BOOK_DUE_C_DEADLINE][d->done ? BOOK_DUE_S_MET : d->council ? BOOK_DUE_S_OPEN :
	        BOOK_DUE_S_THEIRS]++;
	x->left[i] = d->days;
	return 0;
}

/* The counts book_due_days gives for [from, to] are what a scan of every
 * entry counts, day by day, class by class; returns how many entries. */
static unsigned long
days_match(struct book *b, const char *from, const char *to)
{
	struct tally *x = calloc(1, sizeof *x);
	struct book_due_day *days = calloc(DAYS_SPAN, sizeof *days);
	bool *had = calloc(DAYS_SPAN, sizeof *had);
	unsigned long total = 0;
	struct date f;
	struct err err;
	size_t n, i, c, s;

	assert_true(x != NULL && days != NULL && had != NULL);
	assert_int_equal(date_parse(from, &f, &err), 0);
	x->first = f.day;
	assert_int_equal(book_due_scan(b, from, to, BOOK_DUE_TARGETS, each_tally, x, &err), 0);
	assert_int_equal(book_due_days(b, from, to, days, DAYS_SPAN, &n, &err), 0);
	for (i = 0; i < n; i++) {
		size_t k = (size_t)(days[i].day - f.day);
		uint32_t all = 0;

		assert_true(k < DAYS_SPAN);
		had[k] = true;
		for (c = 0; c < BOOK_DUE_NCLASS; c++)
			for (s = 0; s < BOOK_DUE_NSTATE; s++) {
				if (days[i].n[c][s] != x->n[k][c][s])
					fail_msg("%s + %zu days, class %zu, state %zu: %u counted, %u in the index",
					         from, k, c, s, days[i].n[c][s], x->n[k][c][s]);
				all += x->n[k][c][s];
			}
		if (all > 0)
			assert_int_equal(days[i].days, x->left[k]);
		total += all;
	}
	for (i = 0; i < DAYS_SPAN; i++)
		for (c = 0; c < BOOK_DUE_NCLASS && !had[i]; c++)
			for (s = 0; s < BOOK_DUE_NSTATE; s++)
				if (x->n[i][c][s] != 0)
					fail_msg("%s + %zu days: %u entries, no counts", from, i, x->n[i][c][s]);
	free(x);
	free(days);
	free(had);
	return total;
}

static void
days_match_year(struct book *b)
{
	days_match(b, "2026-06-01", "2027-06-30");
}

static int
drop_days_txn(struct store_txn *t, void *ctx)
{
	(void)ctx;
	return store_clear(t, STORE_DAYS);
}

/* The index as a book of schema 3 wrote it: met entries keyed as if not
 * (book-int.h: DUE_KEY_MET), moved after the scan. */
struct unkeyed {
	uint8_t (*key)[15];
	void **v;
	size_t *vl, n;
};

static int
unkey_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct unkeyed *u = ctx;

	if (kl != 15 || !(((const uint8_t *)k)[4] & DUE_KEY_MET))
		return 0;
	u->key = realloc(u->key, (u->n + 1) * sizeof *u->key);
	u->v = realloc(u->v, (u->n + 1) * sizeof *u->v);
	u->vl = realloc(u->vl, (u->n + 1) * sizeof *u->vl);
	assert_true(u->key != NULL && u->v != NULL && u->vl != NULL);
	memcpy(u->key[u->n], k, 15);
	u->v[u->n] = malloc(vl);
	assert_non_null(u->v[u->n]);
	memcpy(u->v[u->n], v, vl);
	u->vl[u->n++] = vl;
	return 0;
}

static int
unkey_txn(struct store_txn *t, void *ctx)
{
	struct unkeyed u = { NULL, NULL, NULL, 0 };
	size_t i;

	assert_true(store_scan(t, STORE_DEADLINES, NULL, 0, unkey_each, &u) >= 0);
	for (i = 0; i < u.n; i++) {
		assert_int_equal(store_del(t, STORE_DEADLINES, u.key[i], 15), 0);
		u.key[i][4] &= (uint8_t)~DUE_KEY_MET;
		assert_int_equal(store_put(t, STORE_DEADLINES, u.key[i], 15, u.v[i], u.vl[i], false), 0);
		free(u.v[i]);
	}
	*(size_t *)ctx = u.n;
	free(u.key);
	free(u.v);
	free(u.vl);
	return 0;
}

static size_t
unkey(void)
{
	struct store *st;
	struct err err;
	size_t n = 0;

	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_write(st, unkey_txn, &n, &err), 0);
	store_close(&st);
	return n;
}

/* A scan of 2026 to 2028 (targets too): how many entries, and an
 * order-free sum over their lines; and how many of case id's, and met. */
struct of_case {
	uint64_t id;
	unsigned n, met, all;
	uint64_t sum;
};

static int
each_of_case(const struct book_due *d, void *ctx)
{
	struct of_case *x = ctx;
	char line[160];
	uint64_t h = 1469598103934665603ULL;
	const char *p;

	snprintf(line, sizeof line, "%s %s %s %d %d %d", d->date, d->ref, d->key, d->target,
	         d->done, d->item);
	for (p = line; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	x->sum += h;
	x->all++;
	if (d->case_id == x->id) {
		x->n++;
		x->met += d->done;
	}
	return 0;
}

static void
of_case(struct book *b, const char *ref, struct of_case *x)
{
	struct book_case *c = book_case_new();
	struct err err;

	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	memset(x, 0, sizeof *x);
	x->id = c->id;
	book_case_free(c);
	assert_int_equal(book_due_scan(b, "2026-01-01", "2028-12-31", BOOK_DUE_TARGETS,
	                               each_of_case, x, &err), 0);
}

/* How many audit entries have action ctx->action (book_audit_list). */
struct count_action {
	const char *action;
	int n;
};

static int
count_action_each(const struct book_audit *a, void *ctx)
{
	struct count_action *x = ctx;

	x->n += strcmp(a->action, x->action) == 0;
	return 0;
}

static int
count_action(struct book *b, const char *action)
{
	struct count_action x = { action, 0 };
	struct err err;

	assert_int_equal(book_audit_list(b, count_action_each, &x, &err), 0);
	return x.n;
}

/* The calendar's month is drawn from counts of each day kept with the
 * deadlines index: after cases are made, stepped (met clocks), given an
 * Ombudsman recommendation (a dated item) and erased, the counts are what
 * the index holds; a schema-3 book gets them built by its first writer. */
static void
test_days_counts(void **state)
{
	struct of_case before, after;
	struct book_verify v;
	char ref[BOOK_REF_MAX];
	struct store *st_;
	struct book *b;
	struct err err;
	unsigned number;
	size_t moved;

	(void)state;
	b = open_unlocked();
	book_set_today(b, 20979); /* 2027-06-10 */
	if (book_demo_fill(b, 300, 7, &err) != 0)
		fail_msg("demo: %s", err.msg);
	assert_true(days_match(b, "2026-06-01", "2027-06-30") > 300);
	ombudsman_case(b, ref, days_match_year);
	if (book_case_recommend(b, ref, BOOK_REC_OMBUDSMAN, "Apologise", "finance", "2027-06-25",
	                        &number, &err) != 0)
		fail_msg("recommend: %s", err.msg);
	days_match(b, "2026-06-01", "2027-06-30");
	days_match(b, "2027-06-01", "2028-06-30");
	book_close(&b);

	/* a schema-3 book: no counts until its first writer builds them */
	assert_int_equal(store_open(dir, 0, 0, &st_, &err), 0);
	assert_int_equal(store_write(st_, drop_days_txn, NULL, &err), 0);
	store_close(&st_);
	set_schema(3);
	b = open_unlocked();
	book_set_today(b, 20979);
	assert_true(days_match(b, "2026-06-01", "2027-06-30") > 300);
	days_match(b, "2027-06-01", "2028-06-30");
	of_case(b, ref, &before);
	assert_true(before.met > 0);
	book_close(&b);

	/* a schema-3 book's met entries, keyed as if not met: the migration
	 * moves them after what is still to do, and the calendar reads the same */
	moved = unkey();
	assert_true(moved > 300);
	set_schema(3);
	b = open_unlocked();
	book_set_today(b, 20979);
	of_case(b, ref, &after);
	assert_int_equal(after.all, before.all);
	assert_true(after.sum == before.sum);
	days_match(b, "2026-06-01", "2027-06-30");
	book_close(&b);
	assert_int_equal(unkey(), moved); /* every one had been moved */

	/* a case record naming its entries as written, the entries keyed the
	 * other way (as just left): the case's next change removes them */
	b = open_unlocked();
	book_set_today(b, 20979);
	if (book_case_recommend(b, ref, BOOK_REC_OMBUDSMAN, "Pay", "finance", "2027-06-28",
	                        &number, &err) != 0)
		fail_msg("recommend: %s", err.msg);
	of_case(b, ref, &after);
	assert_int_equal(after.n, before.n + 1);
	assert_int_equal(after.all, before.all + 1);
	days_match(b, "2026-06-01", "2027-06-30");
	/* verify agrees the counts are the index's; then finds the days whose
	 * counts were lost */
	assert_int_equal(book_verify(b, &v, &err), 0);
	book_close(&b);
	assert_int_equal(store_open(dir, 0, 0, &st_, &err), 0);
	assert_int_equal(store_write(st_, drop_days_txn, NULL, &err), 0);
	store_close(&st_);
	b = open_unlocked();
	assert_int_equal(book_verify(b, &v, &err), -1);
	assert_true(v.bad > 300);
	assert_non_null(strstr(v.first_problem, "calendar's count of deadlines on 20"));
	/* an admin counts them again: each day verify named, in one audited
	 * write; the month reads as the index again and verify passes; a
	 * second recount finds nothing to do */
	{
		long changed = 0;

		assert_int_equal(book_due_days_recount(b, &changed, &err), 0);
		assert_int_equal((uint64_t)changed, v.bad);
		days_match(b, "2026-06-01", "2027-06-30");
		days_match(b, "2027-06-01", "2028-06-30");
		assert_int_equal(book_verify(b, &v, &err), 0);
		assert_int_equal(count_action(b, "book.recount"), 1);
		assert_int_equal(book_due_days_recount(b, &changed, &err), 0);
		assert_int_equal(changed, 0);
		assert_int_equal(count_action(b, "book.recount"), 1);
	}
	book_close(&b);
}

/* A change made on an old revision is refused and records nothing; a step
 * meant for one stage is refused once the case has moved to the next, even
 * on the case's latest revision, and never becomes the next stage's step. */
static void
test_step_stale(void **state)
{
	struct book_case_new in;
	struct book_step st;
	struct book_case *c;
	struct book *b;
	struct err err;
	char ref[BOOK_REF_MAX];
	uint64_t rev;

	(void)state;
	b = open_unlocked();
	book_set_today(b, 20600); /* 2026-05-27 */
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-05-01";
	in.child_name = "Kit";
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("case add: %s", err.msg);
	c = book_case_new();
	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	rev = c->rev;
	assert_int_equal(c->stage, 1);
	/* a form opened on rev: someone else records a note first */
	memset(&st, 0, sizeof st);
	st.type = EV_NOTE;
	st.date = "2026-05-05";
	st.note = "called the school";
	st.base_rev = rev;
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	/* the form's acknowledgement, on the revision it saw: refused */
	st.type = EV_ACKNOWLEDGED;
	st.note = "acknowledged by letter";
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_ESTALE);
	assert_non_null(strstr(err.msg, "your change was not saved"));
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(c->nevents, 2);
	assert_int_equal(c->rev, rev + 1);
	/* Stage 1 answered and Stage 2 asked for meanwhile */
	memset(&st, 0, sizeof st);
	st.date = "2026-05-20";
	st.type = EV_STAGE1_RESPONSE_SENT;
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	st.type = EV_STAGE2_REQUESTED;
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(c->stage, 2);
	/* a response meant for Stage 1, retried on the latest revision: refused,
	 * whether it asks for Stage 1's response or Stage 2's */
	st.at_stage = true;
	st.stage = 1;
	st.base_rev = c->rev;
	st.note = "the Stage 1 letter";
	st.type = EV_STAGE2_RESPONSE_SENT;
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_ESTALE);
	assert_non_null(strstr(err.msg, "moved to Stage 2 since this form opened; nothing recorded"));
	st.type = EV_STAGE2_ACKNOWLEDGED;
	assert_int_equal(book_case_step(b, ref, &st, &err), BOOK_ESTALE);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(c->nevents, 4);
	/* meant for Stage 2, it is recorded */
	st.stage = 2;
	assert_int_equal(book_case_step(b, ref, &st, &err), 0);
	book_case_free(c);
	book_close(&b);
}

/* One draft per person, case and form: saved over, listed, dropped. */
static void
test_drafts(void **state)
{
	struct book *b = open_unlocked();
	struct err err;
	char buf[256], names[64];
	bool found;
	size_t n;

	(void)state;
	assert_int_equal(book_draft_list(b, names, sizeof names, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_string_equal(names, "");
	assert_int_equal(book_draft_save(b, "new-case", "child=Jayden Morris\n", &err), 0);
	assert_int_equal(book_draft_save(b, "CSC-2026-0001/note", "note=Siân\n", &err), 0);
	/* saved over, never appended to */
	assert_int_equal(book_draft_save(b, "new-case", "child=Ella Stone\n", &err), 0);
	assert_int_equal(book_draft_load(b, "new-case", buf, sizeof buf, &found, &err), 0);
	assert_true(found);
	assert_string_equal(buf, "child=Ella Stone\n");
	assert_int_equal(book_draft_list(b, names, sizeof names, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(names, "CSC-2026-0001/note, new-case");
	/* what does not fit is counted, not cut */
	assert_int_equal(book_draft_list(b, names, 20, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(names, "CSC-2026-0001/note");
	assert_int_equal(book_draft_drop(b, "new-case", &err), 0);
	assert_int_equal(book_draft_load(b, "new-case", buf, sizeof buf, &found, &err), 0);
	assert_false(found);
	assert_int_equal(book_draft_list(b, names, sizeof names, &n, &err), 0);
	assert_int_equal(n, 1);
	book_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_passphrase_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_edit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rekey, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_and_snapshot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_plaintext_on_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_codes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tamper_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tamper_remove, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tamper_swap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tamper_sign, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tamper_truncate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_items, setup, teardown),
		cmocka_unit_test_setup_teardown(test_days_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_index, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_teams, setup, teardown),
		cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
