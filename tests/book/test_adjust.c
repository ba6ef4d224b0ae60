/* test_adjust.c - the rules of reasonable adjustments (adjust.h), with no
 * book: a change checked against what is recorded (dates real and in
 * order, something to say, a text before anything else), applied (the day
 * agreed defaults to today; a review held clears the next review unless
 * one is given), and described in one line. */
#include "testutil.h"

#include "redress/adjust.h"
#include "redress/book.h"

#define TODAY "2027-06-30"

static struct book_adjust none, some = {
	"Large print\nCalls before 11am", "2027-06-01", "", "2027-07-14",
};

static int
check(const struct book_adjust_change *ch, const struct book_adjust *cur, const char *want)
{
	struct err err = { "" };
	int rc = book_adjust_check(ch, cur, TODAY, &err);

	if (want == NULL)
		assert_int_equal(rc, 0);
	else {
		assert_int_equal(rc, BOOK_EUSAGE);
		if (strstr(err.msg, want) == NULL)
			fail_msg("\"%s\" does not say \"%s\"", err.msg, want);
	}
	return rc;
}

static void
test_check(void **state)
{
	struct book_adjust_change ch;

	(void)state;
	memset(&ch, 0, sizeof ch);
	check(&ch, NULL, "nothing to change");
	ch.review = "2027-08-01";
	check(&ch, NULL, NULL);                       /* alone: a form's field */
	check(&ch, &none, "say first what was agreed"); /* nobody's text yet */
	check(&ch, &some, NULL);
	ch.review = "2027-06-01";
	check(&ch, &some, "is not after the day agreed (2027-06-01)");
	/* a first text is agreed today unless said: the review after today */
	ch.text = "Large print";
	check(&ch, &none, "is not after the day agreed (2027-06-30)");
	ch.review = "2027-02-29";
	check(&ch, &none, "the review date");
	ch.review = "";                               /* none: allowed */
	check(&ch, &none, NULL);
	ch.agreed = "2027-07-01";
	check(&ch, &none, "in the future");
	ch.agreed = NULL;
	ch.text = "";
	check(&ch, &some, "cannot be empty");
	ch.text = "bell\a";
	check(&ch, &some, "control");
	memset(&ch, 0, sizeof ch);
	ch.reviewed = "2027-05-01";
	check(&ch, &some, "before the adjustments were agreed");
	ch.reviewed = "2027-06-30";
	ch.review = "2027-06-30";
	check(&ch, &some, "not after the last review (2027-06-30)");
	ch.review = "2027-12-01";
	check(&ch, &some, NULL);
	memset(&ch, 0, sizeof ch);
	ch.clear = true;
	check(&ch, &some, NULL);
	check(&ch, &none, "nothing to clear");
	ch.text = "x";
	check(&ch, &some, "takes nothing else");
}

static void
test_apply(void **state)
{
	struct book_adjust_change ch;
	struct book_adjust out;

	(void)state;
	memset(&ch, 0, sizeof ch);
	ch.text = "Large print";
	book_adjust_apply(&none, &ch, TODAY, &out);
	assert_string_equal(out.text, "Large print");
	assert_string_equal(out.agreed, TODAY);
	assert_string_equal(out.review, "");
	/* a later change of text keeps the day agreed */
	book_adjust_apply(&some, &ch, TODAY, &out);
	assert_string_equal(out.agreed, "2027-06-01");
	assert_string_equal(out.review, "2027-07-14");
	/* a review held: the next only as given */
	memset(&ch, 0, sizeof ch);
	ch.reviewed = TODAY;
	book_adjust_apply(&some, &ch, TODAY, &out);
	assert_string_equal(out.reviewed, TODAY);
	assert_string_equal(out.review, "");
	assert_string_equal(out.text, some.text);
	ch.review = "2027-12-01";
	book_adjust_apply(&some, &ch, TODAY, &out);
	assert_string_equal(out.review, "2027-12-01");
	/* cleared: nothing left; in place too */
	memset(&ch, 0, sizeof ch);
	ch.clear = true;
	out = some;
	book_adjust_apply(&out, &ch, TODAY, &out);
	assert_string_equal(out.text, "");
	assert_string_equal(out.review, "");
}

static void
test_describe(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(book_adjust_describe(&some, buf, sizeof buf),
	                    "Large print; Calls before 11am (agreed 2027-06-01; next review "
	                    "2027-07-14)");
	/* never past its buffer */
	assert_int_equal(strlen(book_adjust_describe(&some, buf, 12)), 11);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_apply),
		cmocka_unit_test(test_describe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
