/* test_longcase.c - a case has no fixed limit on its timeline, people,
 * points, findings or recommendations: a case with 5,000 events (every note,
 * letter and assignment is one) still opens, takes its next steps, closes
 * and shows, whole. */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/clock.h"
#include "redress/codes.h"
#include "redress/profile.h"
#include "redress/workflow.h"
/* white box: 5,000 notes written in one transaction, to be quick */
#include "../../src/book/book-int.h"

#define PASS "correct horse battery"
#define NOTES 5000

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	testutil_book_create(dir, sizeof dir, "long", "statutory", PASS);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmtree(dir);
	return 0;
}

struct notes {
	struct book *b;
	const char *ref;
};

/* NOTES notes on the case, as many processes would add them one by one */
static int
notes_txn(struct store_txn *t, void *ctx)
{
	struct notes *x = ctx;
	struct book_case *c = book_case_new();
	struct book_step s;
	char note[64];
	void *old = NULL;
	size_t oldlen = 0;
	int i, rc;

	if (c == NULL)
		return -1;
	if ((rc = book_case_load_txn(x->b, t, x->ref, c, &old, &oldlen)) != 0)
		goto out;
	for (i = 1; i <= NOTES && rc == 0; i++) {
		memset(&s, 0, sizeof s);
		s.type = EV_NOTE;
		s.date = "2026-01-06";
		snprintf(note, sizeof note, "call %d from the family", i);
		s.note = note;
		rc = case_add_event(x->b, t, c, &s, x->b->key_id);
	}
	if (rc == 0) {
		c->rev++;
		rc = case_write(x->b, t, c, old, oldlen, x->b->key_id);
	}
out:
	free(old);
	book_case_free(c);
	return rc;
}

static void
step(struct book *b, const char *ref, enum event_type type, const char *date)
{
	struct book_step s;
	struct err err;

	memset(&s, 0, sizeof s);
	s.type = type;
	s.date = date;
	if (book_case_step(b, ref, &s, &err) != 0)
		fail_msg("%s on %s: %s", event_name(type), date, err.msg);
}

static void
test_five_thousand_events(void **state)
{
	struct book *b;
	struct book_case *c;
	struct book_case_new in;
	struct book_party_new np;
	struct deadline dl[PROFILE_RULES_MAX];
	struct notes x;
	struct err err;
	char ref[BOOK_REF_MAX], text[64], name[64];
	unsigned num, i;
	size_t nd;

	(void)state;
	b = testutil_book_open(dir, 0, PASS);
	book_set_today(b, D("2027-06-30").day);
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-01-05";
	in.child_name = "Ottoline Brackenbury";
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("add: %s", err.msg);
	/* more people, points and findings than the old fixed lists held (8, 32, 96) */
	for (i = 1; i <= 12; i++) {
		memset(&np, 0, sizeof np);
		np.kind = 1;
		np.role = PARTY_PARENT;
		snprintf(name, sizeof name, "Relative Number %u", i);
		np.name = name;
		if (book_case_party(b, ref, &np, &err) != 0)
			fail_msg("party %u: %s", i, err.msg);
	}
	for (i = 1; i <= 40; i++) {
		snprintf(text, sizeof text, "point %u of the complaint", i);
		if (book_case_point(b, ref, text, &num, &err) != 0)
			fail_msg("point %u: %s", i, err.msg);
		assert_int_equal(num, i);
		if (book_case_finding(b, ref, 1, i, OUTCOME_UPHELD, &err) != 0)
			fail_msg("finding %u: %s", i, err.msg);
	}
	x.b = b;
	x.ref = ref;
	if (store_write(b->st, notes_txn, &x, &err) != 0)
		fail_msg("notes: %s", err.msg);

	/* the case moves on and closes with its 5,001 events */
	step(b, ref, EV_ACKNOWLEDGED, "2026-01-07");
	step(b, ref, EV_STAGE1_RESPONSE_SENT, "2026-01-16");
	step(b, ref, EV_CLOSED, "2026-01-20");

	/* and shows whole */
	assert_non_null(c = book_case_new());
	if (book_case_get(b, ref, c, &err) != 0)
		fail_msg("get: %s", err.msg);
	assert_int_equal(c->nevents, NOTES + 4); /* received, notes, three steps */
	assert_int_equal(c->events[0].type, EV_RECEIVED);
	assert_int_equal(c->events[NOTES].type, EV_NOTE);
	assert_string_equal(c->events[NOTES].note, "call 5000 from the family");
	assert_int_equal(c->events[NOTES + 3].type, EV_CLOSED);
	assert_int_equal(c->status, CASE_CLOSED);
	assert_int_equal(c->nparties, 13);
	assert_string_equal(c->parties[12].who.name, "Relative Number 12");
	assert_int_equal(c->npoints, 40);
	assert_string_equal(c->points[39].text, "point 40 of the complaint");
	assert_int_equal(c->nfindings, 40);
	if (book_case_deadlines(b, c, dl, PROFILE_RULES_MAX, &nd, &err) != 0)
		fail_msg("deadlines: %s", err.msg);
	assert_true(nd > 0);
	for (i = 0; i < nd; i++)
		if (strcmp(dl[i].rule->key, "stage1_response") == 0)
			assert_int_equal(dl[i].state, CLOCK_MET);
	/* read again into the same case: the lists are reused, not leaked */
	if (book_case_get(b, ref, c, &err) != 0)
		fail_msg("get again: %s", err.msg);
	assert_int_equal(c->nevents, NOTES + 4);
	book_case_free(c);
	book_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_five_thousand_events, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
