/* test_retention.c - legal holds and the retention rule on a real book:
 * what is erased and what stays, shared people, idempotence, rekey after
 * erasure, and a compact backup that no longer holds the old ciphertext
 * (found by reading the sealed bytes straight from the store before). */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/codec.h"
#include "redress/store.h"
#include "redress/workflow.h"
/* white box: the record tags, to take the sealed bytes from the store */
#include "../../src/book/book-int.h"

#define PASS "correct horse battery"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	testutil_book_create(dir, sizeof dir, "ret", "statutory", PASS);
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
	book_set_today(b, D("2027-06-30").day);
	return b;
}

static void
add(struct book *b, const char *received, const char *child, const char *comp,
    const char *summary, const char *want)
{
	struct book_case_new in;
	char ref[BOOK_REF_MAX];
	struct err err;

	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = received;
	in.child_name = child;
	in.complainant_name = comp;
	in.complainant_role = PARTY_PARENT;
	in.summary = summary;
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("add: %s", err.msg);
	assert_string_equal(ref, want);
}

static void
step(struct book *b, const char *ref, enum event_type ev, const char *date, const char *note)
{
	struct book_step s;
	struct err err;

	memset(&s, 0, sizeof s);
	s.type = ev;
	s.date = date;
	s.note = note;
	if (book_case_step(b, ref, &s, &err) != 0)
		fail_msg("%s %s: %s", ref, event_name(ev), err.msg);
}

/* The fixture, on today 2027-06-30 and six years after closure:
 *   CSC-2020-0001 closed 2020-03-16, due 2026-03-16: erased
 *   CSC-2020-0002 closed 2020-06-01, due 2026-06-01: held
 *   CSC-2021-0001 closed 2021-07-01, due 2027-07-01: kept (tomorrow)
 *   CSC-2019-0001 received 2019-01-07, never closed: kept
 * Person 2 (Birch, complainant of the first) is also on the third. */
static void
fixture(struct book *b)
{
	struct book_party_new pn;
	struct err err;
	unsigned num;

	add(b, "2020-03-02", "Alder Quince", "Birch Quince", "Missed visits at Larchfield",
	    "CSC-2020-0001");
	assert_int_equal(book_case_point(b, "CSC-2020-0001", "Visits cancelled at Larchfield",
	                                 &num, &err), 0);
	step(b, "CSC-2020-0001", EV_STAGE1_RESPONSE_SENT, "2020-03-13", "Spoke to Birch at home");
	assert_int_equal(book_case_finding(b, "CSC-2020-0001", 1, 1, OUTCOME_UPHELD, &err), 0);
	assert_int_equal(book_case_recommend(b, "CSC-2020-0001", 1, "Apologise to Alder", "bob",
	                                     "2020-04-01", &num, &err), 0);
	memset(&pn, 0, sizeof pn);
	pn.kind = 1;
	pn.role = PARTY_ADVOCATE;
	pn.name = "Hollis Vantongeren";
	pn.views = "Wants Alder heard";
	assert_int_equal(book_case_party(b, "CSC-2020-0001", &pn, &err), 0);
	step(b, "CSC-2020-0001", EV_CLOSED, "2020-03-16", NULL);
	add(b, "2020-05-04", "Cedar Rowan", NULL, NULL, "CSC-2020-0002");
	step(b, "CSC-2020-0002", EV_CLOSED, "2020-06-01", NULL);
	if (book_case_hold(b, "CSC-2020-0002", true, "Claim issued in the county court", &err) != 0)
		fail_msg("hold: %s", err.msg);
	add(b, "2021-06-01", "Dahlia Sorrel", NULL, NULL, "CSC-2021-0001");
	memset(&pn, 0, sizeof pn);
	pn.kind = 1;
	pn.role = PARTY_PARENT;
	pn.person = 2;
	assert_int_equal(book_case_party(b, "CSC-2021-0001", &pn, &err), 0);
	step(b, "CSC-2021-0001", EV_CLOSED, "2021-07-01", NULL);
	add(b, "2019-01-07", "Elm Ashdown", NULL, NULL, "CSC-2019-0001");
	assert_int_equal(book_draft_save(b, "CSC-2020-0001/note", "Draft about Alder", &err), 0);
	assert_int_equal(book_draft_save(b, "CSC-2020-00011/note", "Not this case", &err), 0);
}

/* --- the sealed bytes, straight from the store --------------------------- */

struct blobs {
	uint8_t v[8][1024];
	size_t n[8], count;
};

static void
blob(struct blobs *bl, const uint8_t *p, size_t n)
{
	assert_true(bl->count < 8 && n <= sizeof bl->v[0] && n > 40);
	memcpy(bl->v[bl->count], p, n);
	bl->n[bl->count++] = n;
}

static int
blobs_txn(struct store_txn *t, void *ctx)
{
	struct blobs *bl = ctx;
	const uint8_t *p;
	const void *v;
	size_t n, fn, pos = 0;
	uint16_t tag;
	uint8_t key[12];

	codec_be64(1, key); /* case 1: CSC-2020-0001 */
	assert_int_equal(store_get(t, STORE_CASES, key, 8, &v, &n), 0);
	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		if (tag == CT_SUMMARY)
			blob(bl, p, fn);
		if (tag == CT_POINT)
			blob(bl, p + 4, fn - 4);
		if (tag == CT_REC)
			blob(bl, p + 89, fn - 89);
		if (tag == CT_PARTY && fn > 12)
			blob(bl, p + 12, fn - 12);
	}
	codec_be32(2, key + 8); /* its second event: the response, with a note */
	assert_int_equal(store_get(t, STORE_EVENTS, key, 12, &v, &n), 0);
	assert_true(rec_find(v, n, ET_NOTE, &p, &fn));
	blob(bl, p, fn);
	codec_be64(1, key); /* person 1: Alder */
	assert_int_equal(store_get(t, STORE_PEOPLE, key, 8, &v, &n), 0);
	assert_true(rec_find(v, n, PT_NAME, &p, &fn));
	blob(bl, p, fn);
	return 0;
}

/* How many of the blobs' nonces and tags are in the file. */
static size_t
blobs_in(const struct blobs *bl, const char *file)
{
	size_t len, i, k, found = 0;
	char *buf = testutil_read(file, &len);

	for (k = 0; k < bl->count; k++) {
		/* the header and nonce at the front, the MAC at the end: either
		 * would be enough to recognise the field */
		for (i = 0; i + 32 <= len; i++)
			if (memcmp(buf + i, bl->v[k], 32) == 0 ||
			    memcmp(buf + i, bl->v[k] + bl->n[k] - 32, 32) == 0) {
				found++;
				break;
			}
	}
	free(buf);
	return found;
}

/* --- the tests ------------------------------------------------------------- */

struct seen {
	char lines[16][128];
	size_t n;
};

static int
seen_each(const struct book_retention *r, void *ctx)
{
	struct seen *s = ctx;

	assert_true(s->n < 16);
	snprintf(s->lines[s->n++], sizeof s->lines[0], "%s %s %s%s", r->ref, r->closed, r->due,
	         r->held ? " held" : "");
	return 0;
}

static uint64_t
audit_seq(struct book *b)
{
	struct book_info info;
	struct err err;

	assert_int_equal(book_info(b, &info, &err), 0);
	return info.audit_seq;
}

static void
test_apply(void **state)
{
	struct blobs bl;
	struct seen s;
	struct store *st;
	struct book *b;
	struct book_case *c = book_case_new();
	struct book_person p;
	struct book_verify v;
	struct err err;
	char bak[128], file[160], buf[256];
	bool found;
	size_t cases, people;
	uint64_t seq;

	(void)state;
	b = open_unlocked();
	fixture(b);
	memset(&s, 0, sizeof s);
	assert_int_equal(book_retention_due(b, seen_each, &s, &err), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.lines[0], "CSC-2020-0001 2020-03-16 2026-03-16");
	assert_string_equal(s.lines[1], "CSC-2020-0002 2020-06-01 2026-06-01 held");
	/* a backup before: the sealed fields are there (so the check below can fail) */
	snprintf(bak, sizeof bak, "%s-before", dir);
	assert_int_equal(book_backup(b, bak, &err), 0);
	book_close(&b);
	memset(&bl, 0, sizeof bl);
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_read(st, blobs_txn, &bl, &err), 0);
	store_close(&st);
	assert_int_equal(bl.count, 6); /* summary, point, rec, views, note, name */
	snprintf(file, sizeof file, "%s/data.mdb", bak);
	assert_int_equal(blobs_in(&bl, file), 6);
	testutil_rmtree(bak);

	b = open_unlocked();
	seq = audit_seq(b);
	assert_int_equal(book_retention_apply(b, NULL, NULL, &cases, &people, &err), 0);
	assert_int_equal(cases, 1);
	assert_int_equal(people, 2); /* Alder and Hollis; Birch is on a kept case */
	/* one entry for the case, one for each person */
	assert_int_equal(audit_seq(b), seq + 3);
	assert_int_equal(book_case_get(b, "CSC-2020-0001", c, &err), 0);
	assert_string_equal(c->erased, "2027-06-30");
	assert_int_equal(c->rev, 8); /* add, point, respond, finding, rec, party, close; erase */
	assert_string_equal(c->summary, "");
	assert_int_equal(c->npoints, 1);
	assert_string_equal(c->points[0].text, "");
	assert_int_equal(c->nfindings, 1);
	assert_int_equal(c->findings[0].outcome, OUTCOME_UPHELD);
	assert_int_equal(c->nrecs, 1);
	assert_string_equal(c->recs[0].text, "");
	assert_string_equal(c->recs[0].owner, "bob");
	assert_int_equal(c->nparties, 3);
	assert_string_equal(c->parties[0].who.name, "(erased)");
	assert_string_equal(c->parties[1].who.name, "(erased)");
	assert_string_equal(c->parties[2].views, "");
	assert_int_equal(c->parties[2].role, PARTY_ADVOCATE);
	assert_int_equal(c->nevents, 3);
	assert_string_equal(c->events[1].note, "");
	assert_int_equal(c->events[1].type, EV_STAGE1_RESPONSE_SENT);
	assert_int_equal(c->status, CASE_CLOSED);
	assert_string_equal(c->received, "2020-03-02");
	/* its drafts went; another case's stayed */
	assert_int_equal(book_draft_load(b, "CSC-2020-0001/note", buf, sizeof buf, &found, &err), 0);
	assert_false(found);
	assert_int_equal(book_draft_load(b, "CSC-2020-00011/note", buf, sizeof buf, &found, &err), 0);
	assert_true(found);
	/* the people */
	assert_int_equal(book_person_get(b, 1, &p, &err), 0);
	assert_string_equal(p.name, "Person P-0001 (erased)");
	assert_false(p.shown);
	assert_int_equal(p.rev, 2);
	assert_int_equal(book_person_get(b, 2, &p, &err), 0);
	assert_string_equal(p.name, "Birch Quince");
	assert_int_equal(book_person_update(b, 1, 2, "Someone", NULL, &err), BOOK_EUSAGE);
	/* nothing changes on an erased case */
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", true, NULL, &err), BOOK_EUSAGE);
	/* the held, the young and the open are whole */
	assert_int_equal(book_case_get(b, "CSC-2020-0002", c, &err), 0);
	assert_true(c->held);
	assert_string_equal(c->erased, "");
	assert_string_equal(c->hold_reason, "Claim issued in the county court");
	assert_string_equal(c->parties[0].who.name, "Cedar Rowan");
	assert_int_equal(book_case_get(b, "CSC-2021-0001", c, &err), 0);
	assert_string_equal(c->parties[1].who.name, "Birch Quince");
	assert_int_equal(book_case_get(b, "CSC-2019-0001", c, &err), 0);
	assert_string_equal(c->erased, "");
	assert_string_equal(c->parties[0].who.name, "Elm Ashdown");

	/* again: nothing to do, no audit entry, no commit */
	seq = audit_seq(b);
	{
		uint64_t commit = book_last_commit(b);

		memset(&s, 0, sizeof s);
		assert_int_equal(book_retention_apply(b, seen_each, &s, &cases, &people, &err), 0);
		assert_int_equal(cases, 0);
		assert_int_equal(people, 0);
		assert_int_equal(s.n, 1);
		assert_string_equal(s.lines[0], "CSC-2020-0002 2020-06-01 2026-06-01 held");
		assert_int_equal(audit_seq(b), seq);
		assert_int_equal(book_last_commit(b), commit);
	}
	assert_int_equal(book_verify(b, &v, &err), 0);

	/* the compact backup holds none of the old ciphertext */
	snprintf(bak, sizeof bak, "%s-after", dir);
	assert_int_equal(book_backup(b, bak, &err), 0);
	snprintf(file, sizeof file, "%s/data.mdb", bak);
	assert_int_equal(blobs_in(&bl, file), 0);
	testutil_rmtree(bak);

	/* a new key reseals what is left and leaves the erased erased */
	assert_int_equal(book_rekey(b, &err), 0);
	assert_int_equal(book_case_get(b, "CSC-2020-0001", c, &err), 0);
	assert_string_equal(c->points[0].text, "");
	assert_string_equal(c->summary, "");
	assert_int_equal(book_person_get(b, 1, &p, &err), 0);
	assert_string_equal(p.name, "Person P-0001 (erased)");
	assert_int_equal(book_case_get(b, "CSC-2020-0002", c, &err), 0);
	assert_string_equal(c->hold_reason, "Claim issued in the county court");

	/* the hold lifted, the next run erases it, and Cedar with it */
	assert_int_equal(book_case_hold(b, "CSC-2020-0002", false, NULL, &err), 0);
	assert_int_equal(book_case_hold(b, "CSC-2020-0002", false, NULL, &err), BOOK_EUSAGE);
	assert_int_equal(book_retention_apply(b, NULL, NULL, &cases, &people, &err), 0);
	assert_int_equal(cases, 1);
	assert_int_equal(people, 1);
	assert_int_equal(book_verify(b, &v, &err), 0);
	book_close(&b);
	book_case_free(c);
}

static void
test_hold(void **state)
{
	struct book_case *c = book_case_new();
	struct book *b;
	struct err err;
	char bad[600];

	(void)state;
	b = open_unlocked();
	add(b, "2020-05-04", "Cedar Rowan", NULL, NULL, "CSC-2020-0001");
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", true, NULL, &err), 0);
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", true, NULL, &err), BOOK_EUSAGE);
	snprintf(bad, sizeof bad, "CSC-2020-0001 is held already (since 2027-06-30, by %s)",
	         book_login(b));
	assert_string_equal(err.msg, bad);
	assert_int_equal(book_case_get(b, "CSC-2020-0001", c, &err), 0);
	assert_true(c->held);
	assert_int_equal(c->rev, 2);
	assert_string_equal(c->held_on, "2027-06-30");
	assert_string_equal(c->held_by, book_login(b));
	/* a step keeps the hold */
	step(b, "CSC-2020-0001", EV_ACKNOWLEDGED, "2020-05-05", NULL);
	assert_int_equal(book_case_get(b, "CSC-2020-0001", c, &err), 0);
	assert_true(c->held);
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", false, NULL, &err), 0);
	assert_int_equal(book_case_get(b, "CSC-2020-0001", c, &err), 0);
	assert_false(c->held);
	assert_int_equal(c->rev, 4);
	/* bad reasons change nothing */
	memset(bad, 'x', sizeof bad - 1);
	bad[sizeof bad - 1] = '\0';
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", true, bad, &err), BOOK_EUSAGE);
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", true, "a\x1b[2Jb", &err), BOOK_EUSAGE);
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", false, "why", &err), BOOK_EUSAGE);
	assert_int_equal(book_case_hold(b, "CSC-2099-0001", true, NULL, &err), BOOK_EUSAGE);
	assert_int_equal(book_case_get(b, "CSC-2020-0001", c, &err), 0);
	assert_int_equal(c->rev, 4);
	book_close(&b);
	/* read-only: refused */
	assert_int_equal(book_open(dir, BOOK_RDONLY, &b, &err), 0);
	assert_int_equal(book_case_hold(b, "CSC-2020-0001", true, NULL, &err), BOOK_EDENIED);
	assert_int_equal(book_retention_apply(b, NULL, NULL, NULL, NULL, &err), BOOK_EDENIED);
	book_close(&b);
	book_case_free(c);
}

/* Erasure takes a person's contact details with their name: none is left
 * to open, and nothing can be set on them after. */
static void
test_contact_erased(void **state)
{
	struct book_contact_change ch = { "14 Quayside Walk", "alder@mail.example", NULL, "letter",
	                                  "no" };
	struct book_contact ct;
	struct book *b;
	struct err err;
	size_t cases, people;

	(void)state;
	b = open_unlocked();
	fixture(b);
	assert_int_equal(book_contact_set(b, 1, 0, &ch, &err), 0);
	assert_int_equal(book_contact_get(b, 1, &ct, &err), 0);
	assert_string_equal(ct.address, "14 Quayside Walk");
	assert_int_equal(book_retention_apply(b, NULL, NULL, &cases, &people, &err), 0);
	assert_int_equal(people, 2);
	assert_int_equal(book_contact_get(b, 1, &ct, &err), 0);
	assert_string_equal(ct.address, "");
	assert_string_equal(ct.email, "");
	assert_string_equal(ct.prefer, "");
	assert_string_equal(ct.safe, "");
	assert_int_equal(book_contact_set(b, 1, 0, &ch, &err), BOOK_EUSAGE);
	book_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_apply, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hold, setup, teardown),
		cmocka_unit_test_setup_teardown(test_contact_erased, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
