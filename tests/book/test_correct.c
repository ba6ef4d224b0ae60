/* test_correct.c - `case correct`: a correction is a new event pointing at
 * the old one, which stays, marked; the workflow is re-checked over the
 * corrected history; deadlines, their index, the audit and reports follow. */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/clock.h"
#include "redress/profile.h"
#include "redress/report.h"

#define PASS "correct horse battery"

static char dir[64];
static struct book *b;

static int
setup(void **state)
{
	struct date today;

	(void)state;
	setenv("REDRESS_SHARE", testutil_share(), 0);
	testutil_book_create(dir, sizeof dir, "correct", "statutory", PASS);
	b = testutil_book_open(dir, 0, PASS);
	today = D("2027-06-30");
	book_set_today(b, today.day);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	book_close(&b);
	testutil_rmtree(dir);
	return 0;
}

static void
step(const char *ref, enum event_type type, const char *date)
{
	struct book_step s;
	struct err err;

	memset(&s, 0, sizeof s);
	s.type = type;
	s.date = date;
	if (book_case_step(b, ref, &s, &err) != 0)
		fail_msg("%s %s: %s", event_name(type), date, err.msg);
}

static void
add(const char *received, char ref[BOOK_REF_MAX])
{
	struct book_case_new in;
	struct err err;

	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = received;
	in.child_name = "Ada Correctly";
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("add: %s", err.msg);
}

static struct book_case *
get(const char *ref)
{
	static struct book_case c;
	struct err err;

	if (book_case_get(b, ref, &c, &err) != 0)
		fail_msg("get %s: %s", ref, err.msg);
	return &c;
}

static const struct deadline *
deadline(const char *ref, const char *key)
{
	static struct deadline dl[PROFILE_RULES_MAX];
	struct err err;
	size_t i, n;

	if (book_case_deadlines(b, get(ref), dl, PROFILE_RULES_MAX, &n, &err) != 0)
		fail_msg("deadlines: %s", err.msg);
	for (i = 0; i < n; i++)
		if (strcmp(dl[i].rule->key, key) == 0)
			return &dl[i];
	fail_msg("%s has no deadline %s", ref, key);
	return NULL;
}

static int
audit_last(const struct book_audit *a, void *ctx)
{
	*(struct book_audit *)ctx = *a;
	return 0;
}

/* Received 4 May 2027 (3 May a bank holiday): Stage 1 due 18 May.  The
 * response typed as 20 May (missed by 2) was sent on 14 May: moved, it is
 * met; the old event stays, marked; the audit names the correction. */
static void
test_move(void **state)
{
	char ref[BOOK_REF_MAX];
	struct book_case *c;
	struct book_audit a;
	struct err err;
	unsigned seq = 0;

	(void)state;
	add("2027-05-04", ref);
	step(ref, EV_ACKNOWLEDGED, "2027-05-05");
	step(ref, EV_STAGE1_RESPONSE_SENT, "2027-05-20");
	assert_int_equal(deadline(ref, "stage1_response")->state, CLOCK_MISSED);
	assert_int_equal(book_case_correct(b, ref, 3, "2027-05-14", "typed the wrong day", 0, &seq,
	                                   &err), 0);
	assert_int_equal(seq, 4);
	c = get(ref);
	assert_int_equal(c->nevents, 4);
	assert_string_equal(c->events[2].date, "2027-05-20"); /* the old one stays */
	assert_int_equal(c->events[2].voided_by, 4);
	assert_int_equal(c->events[3].type, EV_STAGE1_RESPONSE_SENT);
	assert_string_equal(c->events[3].date, "2027-05-14");
	assert_int_equal(c->events[3].corrects, 3);
	assert_string_equal(c->events[3].note, "typed the wrong day");
	assert_int_equal(deadline(ref, "stage1_response")->state, CLOCK_MET);
	assert_int_equal(book_audit_list(b, audit_last, &a, &err), 0);
	assert_string_equal(a.action, "case.correct");
	assert_string_equal(a.fields, "correction #4 of #3,date,reason");
	/* a correction is not corrected again, nor the event it replaced */
	assert_int_equal(book_case_correct(b, ref, 4, "2027-05-13", "again", 0, NULL, &err),
	                 BOOK_EUSAGE);
	assert_int_equal(book_case_correct(b, ref, 3, "2027-05-13", "again", 0, NULL, &err),
	                 BOOK_EUSAGE);
	assert_string_equal(err.msg, "#3 was corrected already, by #4");
}

/* Voiding the acknowledgement: it no longer counts; voiding the Stage 2
 * request's Stage 1 response would leave an impossible history: refused,
 * the case unchanged. */
static void
test_void_and_refusals(void **state)
{
	char ref[BOOK_REF_MAX];
	struct book_case *c;
	struct err err;
	uint64_t rev;

	(void)state;
	add("2027-05-04", ref);
	step(ref, EV_STAGE1_RESPONSE_SENT, "2027-05-10");
	step(ref, EV_STAGE2_REQUESTED, "2027-05-12");
	rev = get(ref)->rev;
	/* the response moved after the request it allowed */
	assert_int_equal(book_case_correct(b, ref, 2, "2027-05-13", "x", 0, NULL, &err),
	                 BOOK_EUSAGE);
	assert_string_equal(err.msg, "impossible history: cannot record Stage 2 requested on "
	                    "2027-05-12: before the step it follows (2027-05-13)");
	/* voided, with the request still there (Stage 1 had not overrun) */
	assert_int_equal(book_case_correct(b, ref, 2, NULL, "x", 0, NULL, &err), BOOK_EUSAGE);
	assert_non_null(strstr(err.msg, "there is no Stage 1 response yet"));
	/* before receipt, in the future, no such event, no reason, the receipt voided */
	assert_int_equal(book_case_correct(b, ref, 2, "2027-05-03", "x", 0, NULL, &err),
	                 BOOK_EUSAGE);
	assert_int_equal(book_case_correct(b, ref, 2, "2027-07-01", "x", 0, NULL, &err),
	                 BOOK_EUSAGE);
	assert_int_equal(book_case_correct(b, ref, 9, "2027-05-11", "x", 0, NULL, &err),
	                 BOOK_EUSAGE);
	assert_int_equal(book_case_correct(b, ref, 2, "2027-05-11", "", 0, NULL, &err),
	                 BOOK_EUSAGE);
	assert_int_equal(book_case_correct(b, ref, 1, NULL, "x", 0, NULL, &err), BOOK_EUSAGE);
	/* a stale revision */
	assert_int_equal(book_case_correct(b, ref, 2, "2027-05-11", "x", rev + 5, NULL, &err),
	                 BOOK_ESTALE);
	c = get(ref);
	assert_int_equal(c->rev, rev);
	assert_int_equal(c->nevents, 3);
	/* the request voided, then the response: allowed */
	assert_int_equal(book_case_correct(b, ref, 3, NULL, "asked by mistake", rev, NULL, &err),
	                 0);
	c = get(ref);
	assert_int_equal(c->stage, 1);
	assert_int_equal(c->events[3].type, EV_CORRECTION);
	assert_int_equal(c->events[3].corrects, 3);
	assert_int_equal(c->events[2].voided_by, 4);
	assert_int_equal(book_case_correct(b, ref, 2, NULL, "not sent", 0, NULL, &err), 0);
	assert_int_equal(deadline(ref, "stage1_response")->state, CLOCK_OVERDUE);
	/* the receipt moved: the case's date received follows */
	assert_int_equal(book_case_correct(b, ref, 1, "2027-05-05", "post", 0, NULL, &err), 0);
	assert_string_equal(get(ref)->received, "2027-05-05");
	assert_string_equal(date_format(deadline(ref, "stage1_response")->due,
	                                (char[DATE_STRLEN]){ 0 }), "2027-05-19");
}

/* Reports count the corrected history: five responses recorded late, each
 * moved back into time. */
static void
test_report_counts_corrected(void **state)
{
	struct report *r = calloc(1, sizeof *r);
	char ref[BOOK_REF_MAX];
	struct err err;
	int i;

	(void)state;
	assert_non_null(r);
	assert_int_equal(book_report(b, 2027, false, r, &err), 0);
	{
		long met = r->s1.deadline_met, clocked = r->s1.clocked;

		for (i = 0; i < 5; i++) {
			add("2027-06-01", ref);
			step(ref, EV_STAGE1_RESPONSE_SENT, "2027-06-25"); /* due 2027-06-15 */
			assert_int_equal(book_case_correct(b, ref, 2, "2027-06-10", "sent on time", 0,
			                                   NULL, &err), 0);
		}
		assert_int_equal(book_report(b, 2027, false, r, &err), 0);
		assert_int_equal(r->s1.clocked, clocked + 5);
		assert_int_equal(r->s1.deadline_met, met + 5);
	}
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_void_and_refusals),
		cmocka_unit_test(test_report_counts_corrected),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
