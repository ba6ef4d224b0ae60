/* test_equality.c - equality monitoring without a book: the consent rule
 * (no answer without it; declining clears them), the sealed text's round
 * trip, and the annual report's tables, in aggregate, suppressed and
 * linked like the rest: every question's table adds up to those who
 * consented, and a number withheld in one is withheld in all. */
#include "testutil.h"

#include "redress/book.h"
#include "redress/equality.h"
#include "redress/report.h"
#include "redress/vocab.h"

static void
test_consent_rule(void **state)
{
	struct book_equality eq;
	struct book_equality_change ch;
	struct err err;

	(void)state;
	memset(&eq, 0, sizeof eq);
	memset(&ch, 0, sizeof ch);
	ch.answer[1] = "female";
	assert_int_equal(book_equality_apply(&eq, &ch, &err), BOOK_EUSAGE);
	assert_non_null(strstr(err.msg, "consent"));
	assert_string_equal(eq.answer[1], "");
	ch.consent = "yes";
	assert_int_equal(book_equality_apply(&eq, &ch, &err), 0);
	assert_string_equal(eq.consent, "yes");
	assert_string_equal(eq.answer[1], "female");
	/* a word not in the list, and nothing at all */
	memset(&ch, 0, sizeof ch);
	ch.answer[2] = "martian";
	assert_int_equal(book_equality_check(&ch, &err), BOOK_EUSAGE);
	assert_non_null(strstr(err.msg, "white-british"));
	ch.answer[2] = NULL;
	assert_int_equal(book_equality_check(&ch, &err), BOOK_EUSAGE);
	/* declined: every answer goes, and none is taken with it */
	ch.consent = "no";
	ch.answer[0] = "25-34";
	assert_int_equal(book_equality_apply(&eq, &ch, &err), BOOK_EUSAGE);
	assert_string_equal(eq.answer[1], "female");
	ch.answer[0] = NULL;
	assert_int_equal(book_equality_apply(&eq, &ch, &err), 0);
	assert_string_equal(eq.consent, "no");
	assert_string_equal(eq.answer[1], "");
}

static void
test_text_round_trip(void **state)
{
	struct book_equality eq, back;
	char text[EQUALITY_TEXT_MAX];
	size_t i, i2, k;

	(void)state;
	memset(&eq, 0, sizeof eq);
	equality_encode(&eq, text, sizeof text);
	assert_string_equal(text, ""); /* never asked: nothing sealed */
	/* every word of every list survives */
	snprintf(eq.consent, sizeof eq.consent, "yes");
	for (k = 0; k < EQUALITY_QUESTIONS; k++)
		for (i = 0; i < (size_t)vocab_size((enum vocab_id)equality_vocab(k)); i++) {
			snprintf(eq.answer[k], sizeof eq.answer[k], "%s",
			         vocab_name((enum vocab_id)equality_vocab(k), (int)i));
			equality_encode(&eq, text, sizeof text);
			equality_decode(text, &back);
			assert_string_equal(back.consent, "yes");
			for (i2 = 0; i2 < EQUALITY_QUESTIONS; i2++)
				assert_string_equal(back.answer[i2], eq.answer[i2]);
		}
	/* every list ends with the answer anyone may give */
	for (k = 0; k < EQUALITY_QUESTIONS; k++) {
		enum vocab_id v = (enum vocab_id)equality_vocab(k);

		assert_string_equal(vocab_name(v, vocab_size(v) - 1), "prefer-not-to-say");
		assert_true(vocab_size(v) <= REPORT_EQ_MAX);
	}
	assert_int_equal(vocab_size(VOCAB_ETHNICITY), 20); /* GOV.UK's 19, and prefer not to say */
	/* what is not ours, or has no consent behind it, is dropped */
	equality_decode("consent=no\nsex=female\n", &back);
	assert_string_equal(back.answer[1], "");
	equality_decode("consent=yes\nsex=martian\nshoe=9\n", &back);
	assert_string_equal(back.consent, "yes");
	assert_string_equal(back.answer[1], "");
}

/* --- the report ------------------------------------------------------------------- */

struct out {
	char table[48];
	struct { char table[48], row[96], value[16]; } v[256];
	size_t n;
};

static int
o_para(void *ctx, const char *text)
{
	(void)ctx;
	(void)text;
	return 0;
}

static int
o_begin(void *ctx, const char *id, const char *title, const char *const *heads, size_t ncols)
{
	struct out *o = ctx;

	(void)title, (void)heads, (void)ncols;
	snprintf(o->table, sizeof o->table, "%s", id);
	return 0;
}

static int
o_row(void *ctx, const char *const *cells, size_t ncols)
{
	struct out *o = ctx;

	if (strncmp(o->table, "equality-", 9) != 0 || ncols < 2 || o->n == 256)
		return 0;
	memcpy(o->v[o->n].table, o->table, sizeof o->table);
	snprintf(o->v[o->n].row, sizeof o->v[0].row, "%s", cells[0]);
	snprintf(o->v[o->n].value, sizeof o->v[0].value, "%s", cells[1]);
	o->n++;
	return 0;
}

static int
o_end(void *ctx)
{
	(void)ctx;
	return 0;
}

static const char *
cell(const struct out *o, const char *table, const char *row)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (strcmp(o->v[i].table, table) == 0 && strcmp(o->v[i].row, row) == 0)
			return o->v[i].value;
	fail_msg("no row \"%s\" in %s", row, table);
	return NULL;
}

static void
emit(const struct report *r, struct out *o)
{
	static const struct report_out cb = { o_para, o_begin, o_row, o_end };

	memset(o, 0, sizeof *o);
	assert_int_equal(report_emit(r, REPORT_ANNUAL, &cb, o), 0);
}

static void
test_report_tables(void **state)
{
	struct report *r = calloc(1, sizeof *r);
	struct out *o = calloc(1, sizeof *o);
	size_t k;

	(void)state;
	assert_non_null(r);
	assert_non_null(o);
	r->year = 2026;
	r->month_first = 4; /* a financial year, as report_build makes it */
	/* not counted: no table at all */
	emit(r, o);
	assert_int_equal(o->n, 0);

	/* 40 complainants: 30 consented, 6 declined, 4 not asked */
	r->equality.counted = true;
	r->equality.people = 40;
	r->equality.consented = 30, r->equality.declined = 6, r->equality.not_asked = 4;
	r->equality.answer[1][0] = 17, r->equality.answer[1][1] = 10, r->equality.answer[1][2] = 3;
	r->equality.answer[0][3] = 30;
	r->equality.answer[2][12] = 25, r->equality.answer[2][13] = 5;
	r->equality.answer[3][2] = 28, r->equality.unanswered[3] = 2;
	emit(r, o);
	assert_string_equal(cell(o, "equality-consent", "Consented"), "30");
	assert_string_equal(cell(o, "equality-consent", "Not asked"), "<5");
	/* 4 alone would be worked out from 40 - 30 - 6: another cell goes */
	assert_string_equal(cell(o, "equality-consent", "Declined"), "*");
	assert_string_equal(cell(o, "equality-consent", "Total"), "40");
	assert_string_equal(cell(o, "equality-sex", "female"), "17");
	assert_string_equal(cell(o, "equality-sex", "prefer not to say"), "<5");
	assert_string_equal(cell(o, "equality-sex", "male"), "*");
	assert_string_equal(cell(o, "equality-age-band", "25 to 34"), "30");
	assert_string_equal(cell(o, "equality-ethnicity",
	                         "White: English, Welsh, Scottish, Northern Irish or British"), "25");
	assert_string_equal(cell(o, "equality-ethnicity", "White: Irish"), "5");
	assert_string_equal(cell(o, "equality-disability", "not answered"), "<5");
	assert_string_equal(cell(o, "equality-disability", "not disabled"), "*");
	/* every question adds up to those who consented, shown as they are */
	for (k = 0; k < EQUALITY_QUESTIONS; k++) {
		char id[48];

		snprintf(id, sizeof id, "equality-%s", equality_key(k));
		assert_string_equal(cell(o, id, "Total"), cell(o, "equality-consent", "Consented"));
	}

	/* linked: 6 consented of 7 gives the one who declined away, so the 6
	 * is withheld in the consent table and as every question's total */
	memset(&r->equality, 0, sizeof r->equality);
	r->equality.counted = true;
	r->equality.people = 7, r->equality.consented = 6, r->equality.declined = 1;
	r->equality.answer[1][1] = 6;
	r->equality.answer[0][4] = 6;
	r->equality.answer[2][16] = 6;
	r->equality.answer[3][3] = 6;
	emit(r, o);
	assert_string_equal(cell(o, "equality-consent", "Consented"), "*");
	assert_string_equal(cell(o, "equality-consent", "Declined"), "<5");
	assert_string_equal(cell(o, "equality-consent", "Total"), "7");
	for (k = 0; k < EQUALITY_QUESTIONS; k++) {
		char id[48];

		snprintf(id, sizeof id, "equality-%s", equality_key(k));
		assert_string_equal(cell(o, id, "Total"), "*");
	}
	assert_string_equal(cell(o, "equality-sex", "male"), "*");
	free(o);
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consent_rule),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_report_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
