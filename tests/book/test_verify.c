/* test_verify.c - verify covers the records and the keys, and the chain has
 * an anchor: each test changes data.mdb through the store behind the book's
 * back, as an insider with write access to the file and no passphrase can,
 * and verify must notice and name what changed. */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/codec.h"
#include "redress/store.h"
#include "redress/vault.h"
#include "redress/workflow.h"
/* white box: the record tags, to change a record's bytes as an outsider would */
#include "../../src/book/book-int.h"

#define PASS "correct horse battery"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	testutil_book_create(dir, sizeof dir, "verify", "gloucestershire", PASS);
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
	struct book *b;

	b = testutil_book_open(dir, 0, PASS);
	book_set_today(b, D("2026-11-20").day);
	return b;
}

static void
add_case(struct book *b, const char *child, char ref[BOOK_REF_MAX])
{
	struct book_case_new in;
	struct err err;

	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-11-02";
	in.child_name = child;
	in.summary = "Missed visits";
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("add: %s", err.msg);
}

static void
step(struct book *b, const char *ref, enum event_type ev, const char *date)
{
	struct book_step s;
	struct err err;

	memset(&s, 0, sizeof s);
	s.type = ev;
	s.date = date;
	if (book_case_step(b, ref, &s, &err) != 0)
		fail_msg("%s %s: %s", ref, event_name(ev), err.msg);
}

static uint64_t
add_person(struct book *b, const char *name)
{
	struct err err;
	uint64_t id;

	if (book_person_add(b, name, NULL, &id, &err) != 0)
		fail_msg("add %s: %s", name, err.msg);
	return id;
}

/* Runs fn in a write transaction on the bare store: no book, no keys. */
static void
behind_the_back(int (*fn)(struct store_txn *, void *), void *ctx)
{
	struct store *st;
	struct err err;

	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	if (store_write(st, fn, ctx, &err) != 0)
		fail_msg("tamper: %s", err.msg);
	store_close(&st);
}

/* verify fails, and its message holds want. */
static void
verify_fails(const char *want)
{
	struct book_verify v;
	struct book *b;
	struct err err;

	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	if (book_verify(b, &v, &err) == 0)
		fail_msg("verify passed a book changed behind its back");
	if (strstr(err.msg, want) == NULL)
		fail_msg("verify said \"%s\", wanted \"%s\"", err.msg, want);
	book_close(&b);
}

static void
verify_passes(struct book_verify *v)
{
	struct book *b;
	struct err err;

	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	if (book_verify(b, v, &err) != 0)
		fail_msg("verify: %s", err.msg);
	book_close(&b);
}

/* A record with the one field tag set to val (n bytes), every other kept. */
static void
rewrite_field(struct store_txn *t, enum store_db db, const void *key, size_t kl, uint16_t want,
              const void *val, size_t vn)
{
	const void *v;
	const uint8_t *p;
	size_t n, pos = 0, fn;
	uint16_t tag;
	struct rec r;
	bool hit = false;

	assert_int_equal(store_get(t, db, key, kl, &v, &n), 0);
	rec_begin(&r, ((const uint8_t *)v)[0], ((const uint8_t *)v)[1]);
	while (rec_next(v, n, &pos, &tag, &p, &fn))
		if (tag == want) {
			rec_bytes(&r, tag, val, vn);
			hit = true;
		} else
			rec_bytes(&r, tag, p, fn);
	assert_true(hit);
	assert_int_equal(rec_done(&r), 0);
	assert_int_equal(store_put(t, db, key, kl, r.buf, r.len, false), 0);
	rec_free(&r);
}

/* --- a case's stage or kind changed in data.mdb ---------------------------- */

struct case_tamper {
	const char *ref;
	uint16_t tag;
	uint64_t value;
};

static int
case_tamper_txn(struct store_txn *t, void *ctx)
{
	struct case_tamper *x = ctx;
	const void *v;
	size_t n;
	uint8_t id[8], val[8];

	assert_int_equal(store_get(t, STORE_REFS, x->ref, strlen(x->ref), &v, &n), 0);
	assert_int_equal(n, 8);
	memcpy(id, v, 8);
	codec_be64(x->value, val);
	rewrite_field(t, STORE_CASES, id, 8, x->tag, val, 8);
	return 0;
}

struct listed {
	size_t n, hits;
	const char *want;
};

static void
listed_each(const char *problem, void *ctx)
{
	struct listed *l = ctx;

	l->n++;
	l->hits += strstr(problem, l->want) != NULL;
}

static void
case_tampered(uint16_t tag, uint64_t value)
{
	struct book_verify v;
	char ref1[BOOK_REF_MAX], ref2[BOOK_REF_MAX], want[64];
	struct case_tamper x;
	struct book *b;

	b = open_unlocked();
	add_case(b, "Alder Quince", ref1);
	add_case(b, "Birch Quince", ref2);
	step(b, ref2, EV_ACKNOWLEDGED, "2026-11-03");
	add_person(b, "Cedar Quince"); /* the second case's entry is not the last */
	book_close(&b);
	verify_passes(&v);
	assert_true(v.records > 0);
	assert_int_equal(v.uncovered, 0);
	x.ref = ref2;
	x.tag = tag;
	x.value = value;
	behind_the_back(case_tamper_txn, &x);
	snprintf(want, sizeof want, "case %s does not match audit entry", ref2);
	verify_fails(want);
	/* every problem is listed, and only that case is */
	{
		struct listed l = { 0, 0, want };
		struct err err;

		assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
		assert_int_not_equal(book_verify_each(b, &v, listed_each, &l, &err), 0);
		book_close(&b);
		assert_int_equal(l.n, v.bad);
		assert_int_equal(l.hits, 1);
		assert_int_equal(v.bad, 1);
	}
}

static void
test_stage_changed(void **s)
{
	(void)s;
	case_tampered(CT_STAGE, 3);
}

static void
test_kind_changed(void **s)
{
	(void)s;
	case_tampered(CT_KIND, ROUTE_COMPLIMENT);
}

/* A record no entry wrote: a person copied under a new id. */
static int
person_copy_txn(struct store_txn *t, void *ctx)
{
	const void *v;
	size_t n;
	uint8_t k1[8], k9[8];
	void *copy;

	(void)ctx;
	codec_be64(1, k1);
	codec_be64(99, k9);
	assert_int_equal(store_get(t, STORE_PEOPLE, k1, 8, &v, &n), 0);
	copy = malloc(n);
	assert_non_null(copy);
	memcpy(copy, v, n);
	assert_int_equal(store_put(t, STORE_PEOPLE, k9, 8, copy, n, true), 0);
	free(copy);
	return 0;
}

static void
test_record_added(void **s)
{
	struct book *b;

	(void)s;
	b = open_unlocked();
	add_person(b, "Alder Quince");
	book_close(&b);
	behind_the_back(person_copy_txn, NULL);
	verify_fails("person 99 is in no audit entry");
}

/* The stored holiday calendar (which moves every deadline) changed. */
static int
file_flip_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	char *key = ctx;

	(void)v;
	(void)vl;
	if (kl < 9 || memcmp(k, "calendar/", 9) != 0 || kl >= 64)
		return 0;
	memcpy(key, k, kl);
	key[kl] = '\0';
	return 1;
}

static int
file_flip_txn(struct store_txn *t, void *ctx)
{
	char key[64];
	const void *v;
	size_t n;
	uint8_t *copy;

	(void)ctx;
	assert_int_equal(store_scan(t, STORE_FILES, NULL, 0, file_flip_each, key), 1);
	assert_int_equal(store_get(t, STORE_FILES, key, strlen(key), &v, &n), 0);
	copy = malloc(n);
	assert_non_null(copy);
	memcpy(copy, v, n);
	copy[n - 2] ^= 0x01; /* a day of the calendar's text */
	assert_int_equal(store_put(t, STORE_FILES, key, strlen(key), copy, n, false), 0);
	free(copy);
	return 0;
}

static void
test_file_changed(void **s)
{
	(void)s;
	behind_the_back(file_flip_txn, NULL);
	verify_fails("file calendar/");
}

/* --- the last entries cut off, the head in meta fixed ----------------------- */

struct cut {
	uint64_t to; /* the entry that becomes the last */
};

static int
cut_txn(struct store_txn *t, void *ctx)
{
	struct cut *c = ctx;
	const void *k, *v;
	const uint8_t *p;
	size_t kl, vl, n;
	uint8_t key[8], hash[VAULT_HASH_BYTES], seq[8];

	while (store_last(t, STORE_AUDIT, &k, &kl, &v, &vl) == 0 && codec_get_be64(k) > c->to) {
		memcpy(key, k, 8);
		assert_int_equal(store_del(t, STORE_AUDIT, key, 8), 0);
	}
	codec_be64(c->to, key);
	assert_int_equal(store_get(t, STORE_AUDIT, key, 8, &v, &vl), 0);
	assert_true(rec_find(v, vl, AT_HASH, &p, &n) && n == VAULT_HASH_BYTES);
	memcpy(hash, p, n);
	codec_be64(c->to, seq);
	assert_int_equal(store_put(t, STORE_META, META_AUDIT_SEQ, strlen(META_AUDIT_SEQ), seq, 8,
	                           false), 0);
	assert_int_equal(store_put(t, STORE_META, META_AUDIT_HEAD, strlen(META_AUDIT_HEAD), hash,
	                           sizeof hash, false), 0);
	return 0;
}

static void
test_truncated_against_head(void **s)
{
	char early[65], head[65], ref[BOOK_REF_MAX];
	uint64_t early_seq, head_seq;
	struct cut c;
	struct book *b;
	struct err err;

	(void)s;
	b = open_unlocked();
	add_case(b, "Alder Quince", ref);
	assert_int_equal(book_audit_head(b, &early_seq, early, &err), 0);
	step(b, ref, EV_ACKNOWLEDGED, "2026-11-03");
	step(b, ref, EV_STAGE1_RESPONSE_SENT, "2026-11-10");
	step(b, ref, EV_CLOSED, "2026-11-12");
	assert_int_equal(book_audit_head(b, &head_seq, head, &err), 0);
	assert_int_equal(head_seq, early_seq + 3);
	assert_int_equal(strlen(head), 64);
	/* the head kept and an earlier one both hold */
	assert_int_equal(book_verify_anchor(b, head_seq, head, &err), 0);
	assert_int_equal(book_verify_anchor(b, early_seq, early, &err), 0);
	/* a made-up hash for a real entry is a rewrite */
	assert_int_not_equal(book_verify_anchor(b, early_seq, head, &err), 0);
	assert_non_null(strstr(err.msg, "rewritten"));
	book_close(&b);

	c.to = early_seq; /* the last 3 entries cut off, the head in meta fixed */
	behind_the_back(cut_txn, &c);
	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	if (book_verify_anchor(b, head_seq, head, &err) == 0)
		fail_msg("a chain cut back by 3 entries still holds the head kept before");
	assert_non_null(strstr(err.msg, "cut off"));
	/* the cut is also in the records: the case is not as its last entry left it */
	assert_int_not_equal(book_verify(b, &(struct book_verify){ 0 }, &err), 0);
	assert_non_null(strstr(err.msg, ref));
	book_close(&b);
}

/* --- a user's public key swapped, and the chain signed again with it ------- */

struct swap {
	struct vault_keys *keys;
	uint8_t sign_pk[VAULT_PK_BYTES];
	uint32_t uid;
};

static int
swap_user_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct swap *x = ctx;

	(void)v;
	(void)vl;
	assert_int_equal(kl, 4);
	x->uid = codec_get_be32(k);
	return 1;
}

static int
swap_txn(struct store_txn *t, void *ctx)
{
	struct swap *x = ctx;
	uint8_t key[4], sig[VAULT_SIG_BYTES];
	const uint8_t *p;
	const void *k, *v;
	size_t kl, vl, n;
	uint64_t seq, last;
	struct err err;

	assert_int_equal(store_scan(t, STORE_USERS, NULL, 0, swap_user_each, x), 1);
	codec_be32(x->uid, key);
	rewrite_field(t, STORE_USERS, key, 4, UT_SIGN_PK, x->sign_pk, VAULT_PK_BYTES);
	/* every entry the user signed, signed again with the new key */
	assert_int_equal(store_last(t, STORE_AUDIT, &k, &kl, &v, &vl), 0);
	last = codec_get_be64(k);
	for (seq = 1; seq <= last; seq++) {
		uint8_t sk[8];

		codec_be64(seq, sk);
		assert_int_equal(store_get(t, STORE_AUDIT, sk, 8, &v, &vl), 0);
		if (rec_find_u64(v, vl, AT_UID, 0) != x->uid)
			continue;
		assert_true(rec_find(v, vl, AT_HASH, &p, &n) && n == VAULT_HASH_BYTES);
		assert_int_equal(vault_sign(x->keys, p, n, sig, &err), 0);
		rewrite_field(t, STORE_AUDIT, sk, 8, AT_SIG, sig, sizeof sig);
	}
	return 0;
}

static void
test_key_swapped(void **s)
{
	struct vault_identity id;
	uint8_t box[VAULT_PK_BYTES];
	char ref[BOOK_REF_MAX];
	struct swap x;
	struct book *b;
	struct err err;

	(void)s;
	b = open_unlocked();
	add_case(b, "Alder Quince", ref);
	book_close(&b);
	memset(&x, 0, sizeof x);
	assert_int_equal(vault_identity_create("another", 7, VAULT_COST_TEST, &id, &x.keys, &err), 0);
	vault_keys_public(x.keys, box, x.sign_pk);
	behind_the_back(swap_txn, &x);
	vault_keys_free(&x.keys);
	verify_fails("signature does not verify");
	/* and the user's record is named too */
	{
		struct book_verify v;

		assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
		assert_int_not_equal(book_verify(b, &v, &err), 0);
		assert_true(v.bad >= 2);
		book_close(&b);
	}
}

/* An untouched book verifies, with every record covered and nothing else. */
static void
test_clean(void **s)
{
	struct book_verify v;
	char ref[BOOK_REF_MAX];
	struct book *b;

	(void)s;
	b = open_unlocked();
	add_case(b, "Alder Quince", ref);
	step(b, ref, EV_ACKNOWLEDGED, "2026-11-03");
	add_person(b, "Birch Quince");
	book_close(&b);
	verify_passes(&v);
	assert_int_equal(v.uncovered, 0);
	assert_int_equal(v.keys_unanchored, 0);
	assert_true(v.records >= 4); /* files, the admin, the case, two people */
	b = open_unlocked();
	{
		struct err err;

		assert_int_equal(book_rekey(b, &err), 0);
	}
	book_close(&b);
	verify_passes(&v);
	assert_int_equal(v.uncovered, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_clean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stage_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kind_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_added, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_against_head, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_swapped, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
