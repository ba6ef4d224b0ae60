/* test_letter.c - letters from a book: names only for a key holder, the
 * letter recorded on the timeline with its audit entry, nothing recorded
 * when it cannot be made. */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/letter.h"
#include "redress/template.h"

#define PASS "correct horse battery"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	setenv("REDRESS_SHARE", testutil_share(), 0);
	testutil_book_create(dir, sizeof dir, "letter", "essex", PASS);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmtree(dir);
	return 0;
}

static struct template *
parse(struct book *b, const char *s)
{
	const struct profile *p;
	const struct calendar *cal;
	struct template *t;
	struct err err;

	assert_int_equal(book_profile(b, &p, &cal, &err), 0);
	if (template_parse(s, strlen(s), "t", p, &t, &err) != 0)
		fail_msg("parse: %s", err.msg);
	return t;
}

static void
test_letter_needs_the_key(void **state)
{
	struct book_case_new in;
	struct book_case *c;
	struct template *t;
	struct book *b;
	struct err err;
	char ref[BOOK_REF_MAX], *text;
	size_t len;

	(void)state;
	b = testutil_book_open(dir, 0, PASS);
	book_set_today(b, D("2027-06-30").day);
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2027-06-01";
	in.child_name = "Ottoline Brackenbury";
	in.complainant_name = "Fenwick Quarrington";
	assert_int_equal(book_case_add(b, &in, ref, &err), 0);
	t = parse(b, "Dear {{addressee}}, by {{deadline.stage1_response}}.\n");
	/* essex: 10 working days after Tue 1 June 2027 */
	assert_int_equal(letter_make(b, ref, t, "2027-06-02", NULL, &text, &len, &err), 0);
	assert_string_equal(text, "Dear Fenwick Quarrington, by Tuesday 15 June 2027.\n");
	free(text);
	assert_int_equal(book_case_letter(b, ref, "ack", "2027-06-02", "ack, printed", &err), 0);
	/* a letter in the future or before receipt is not recorded */
	assert_int_equal(book_case_letter(b, ref, "ack", "2027-07-01", NULL, &err), BOOK_EUSAGE);
	assert_int_equal(book_case_letter(b, ref, "ack", "2027-05-31", NULL, &err), BOOK_EUSAGE);
	book_close(&b);

	/* opened without the passphrase: no names, so no letter */
	b = testutil_book_open(dir, 0, NULL);
	assert_int_equal(letter_make(b, ref, t, "2027-06-02", NULL, &text, &len, &err),
	                 BOOK_EDENIED);
	assert_null(text);
	assert_non_null(strstr(err.msg, "does not hold the book's data key"));
	assert_int_equal(book_case_letter(b, ref, "ack", "2027-06-02", NULL, &err), BOOK_EDENIED);
	/* the timeline shows the one letter, its note sealed */
	c = book_case_new();
	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(c->nevents, 2);
	assert_int_equal(c->events[1].type, EV_LETTER_SENT);
	assert_string_equal(c->events[1].date, "2027-06-02");
	assert_string_equal(c->events[1].note, "");
	assert_int_equal(c->status, CASE_OPEN);
	assert_int_equal(c->stage, 1);
	book_case_free(c);
	template_free(&t);
	book_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_letter_needs_the_key, setup, teardown),
	};

	return cmocka_run_group_tests_name("letter", tests, NULL, NULL);
}
