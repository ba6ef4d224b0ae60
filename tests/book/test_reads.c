/* test_reads.c - reads on record: one entry per case per session and
 * purpose, none for pseudonyms, batched reads written with the next change
 * or at close, and verify noticing a read entry taken out of the chain. */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/codec.h"
#include "redress/profile.h"
#include "redress/reads.h"
#include "redress/store.h"

#define PASS "correct horse battery"

static char dir[64];
static char ref[BOOK_REF_MAX];

static struct book *
open_book(bool unlock)
{
	return testutil_book_open(dir, 0, unlock ? PASS : NULL);
}

static int
setup(void **state)
{
	struct book_case_new in;
	struct book *b;
	struct err err;

	(void)state;
	setenv("REDRESS_SHARE", testutil_share(), 0);
	setenv("REDRESS_SYSLOG", "off", 1);
	testutil_book_create(dir, sizeof dir, "reads", "essex", PASS);
	b = open_book(true);
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-11-02";
	in.child_name = "Ottoline Brackenbury";
	in.summary = "Visits cancelled";
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("add: %s", err.msg);
	book_close(&b);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmtree(dir);
	return 0;
}

static int
count_each(const struct book_audit *a, void *ctx)
{
	(void)a;
	(*(size_t *)ctx)++;
	return 0;
}

static size_t
reads(const char *login, const char *case_ref)
{
	struct book_reads_filter f = { case_ref, 0, login, 0 };
	struct book *b = open_book(false);
	struct err err;
	size_t n = 0;

	if (book_reads_list(b, &f, count_each, &n, &err) != 0)
		fail_msg("reads: %s", err.msg);
	book_close(&b);
	return n;
}

static void
test_once_per_session_and_purpose(void **state)
{
	struct book_case *c = book_case_new();
	struct book *b;
	struct err err;
	int i;

	(void)state;
	assert_non_null(c);
	b = open_book(true);
	book_reads_via(b, "case show", false);
	for (i = 0; i < 3; i++)
		assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_string_equal(c->summary, "Visits cancelled");
	/* written at once, before the names are used */
	assert_int_equal(book_reads_pending(b), 0);
	assert_int_equal(reads(NULL, ref), 1);
	/* another purpose in the same session: its own entry */
	book_reads_via(b, "letter", false);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(reads(NULL, ref), 2);
	book_close(&b);
	/* a new session: again */
	b = open_book(true);
	book_reads_via(b, "case show", false);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	book_close(&b);
	assert_int_equal(reads(NULL, ref), 3);
	assert_int_equal(reads("nobody-of-that-name", NULL), 0);
	book_case_free(c);
}

static void
test_pseudonyms_record_nothing(void **state)
{
	struct book_case *c = book_case_new();
	struct book *b;
	struct err err;

	(void)state;
	assert_non_null(c);
	/* not unlocked: pseudonyms and no narrative, no read */
	b = open_book(false);
	book_reads_via(b, "case show", false);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_string_equal(c->summary, "");
	book_close(&b);
	/* unlocked, but opened to work on it (a step), not to show it */
	b = open_book(true);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	book_close(&b);
	assert_int_equal(reads(NULL, NULL), 0);
	book_case_free(c);
}

static void
test_batched_with_the_next_change(void **state)
{
	struct book_case *c = book_case_new();
	struct book_case_new in;
	struct book *b;
	struct err err;
	char ref2[BOOK_REF_MAX];
	unsigned pt;

	(void)state;
	assert_non_null(c);
	b = open_book(true);
	book_reads_via(b, "client", true);
	/* the session's first read at once, so a crash cannot hide that it read */
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(book_reads_pending(b), 0);
	assert_int_equal(reads(NULL, NULL), 1);
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-11-03";
	in.child_name = "Peregrine Fothergill";
	assert_int_equal(book_case_add(b, &in, ref2, &err), 0);
	/* the next ones wait */
	assert_int_equal(book_case_get(b, ref2, c, &err), 0);
	assert_int_equal(book_case_get(b, ref2, c, &err), 0);
	assert_int_equal(book_reads_pending(b), 1);
	assert_int_equal(reads(NULL, ref2), 0);
	/* not yet due on the timer */
	assert_int_equal(book_reads_tick(b, &err), 0);
	assert_int_equal(book_reads_pending(b), 1);
	/* the session's next change takes them along, in its transaction */
	assert_int_equal(book_case_point(b, ref, "Contact was cut", &pt, &err), 0);
	assert_int_equal(book_reads_pending(b), 0);
	assert_int_equal(reads(NULL, ref2), 1);
	/* and closing writes what is left */
	book_reads_via(b, "client letter", true);
	assert_int_equal(book_case_get(b, ref2, c, &err), 0);
	assert_int_equal(book_reads_pending(b), 1);
	book_close(&b);
	assert_int_equal(reads(NULL, ref2), 2);
	book_case_free(c);
}

struct last_read {
	uint64_t seq;
};

static int
last_read_each(const struct book_audit *a, void *ctx)
{
	struct last_read *l = ctx;

	if (strcmp(a->action, "read") == 0)
		l->seq = a->seq;
	return 0;
}

static int
remove_entry(struct store_txn *t, void *ctx)
{
	uint8_t key[8];

	codec_be64(*(uint64_t *)ctx, key);
	return store_del(t, STORE_AUDIT, key, 8);
}

static void
test_verify_sees_a_read_removed(void **state)
{
	struct book_case *c = book_case_new();
	struct book_verify v;
	struct last_read l = { 0 };
	struct store *st;
	struct book *b;
	struct err err;
	unsigned pt;

	(void)state;
	assert_non_null(c);
	b = open_book(true);
	book_reads_via(b, "case show", false);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	/* a change after it, so the read is not the chain's last entry */
	assert_int_equal(book_case_point(b, ref, "Contact was cut", &pt, &err), 0);
	book_close(&b);
	b = open_book(false);
	assert_int_equal(book_verify(b, &v, &err), 0);
	assert_int_equal(book_audit_list(b, last_read_each, &l, &err), 0);
	book_close(&b);
	assert_true(l.seq > 0);
	assert_int_equal(store_open(dir, 0, 0, &st, &err), 0);
	assert_int_equal(store_write(st, remove_entry, &l.seq, &err), 0);
	store_close(&st);
	b = open_book(false);
	assert_int_not_equal(book_verify(b, &v, &err), 0);
	assert_non_null(strstr(v.first_problem, "missing"));
	book_close(&b);
	book_case_free(c);
}

static void
test_read_only_to_syslog(void **state)
{
	struct book_case *c = book_case_new();
	struct book *b;
	struct err err;

	(void)state;
	assert_non_null(c);
	/* the book cannot take the entry (the system log does): nothing in it */
	b = testutil_book_open(dir, BOOK_RDONLY, PASS);
	book_reads_via(b, "case show", false);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_string_equal(c->summary, "Visits cancelled");
	assert_int_equal(book_reads_pending(b), 0);
	book_close(&b);
	assert_int_equal(reads(NULL, NULL), 0);
	book_case_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_once_per_session_and_purpose, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pseudonyms_record_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batched_with_the_next_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verify_sees_a_read_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_to_syslog, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
