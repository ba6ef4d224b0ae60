/* test_report_check.c - one report, one answer: over a book made by hand,
 * every pair of figures of `report annual` that count the same thing are
 * cross-checked in its CSV (where both are shown).  The reviewer's case:
 * 11 Stage 1 extensions, 6 with a coded reason, and the "Extensions" table
 * said 0 of 11 had a reason (it counted notes) while "Extensions by coded
 * reason" listed 6. */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/codes.h"
#include "redress/profile.h"
#include "redress/report.h"

#define PASS "correct horse battery"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	setenv("REDRESS_SHARE", testutil_share(), 0);
	setenv("REDRESS_SYSLOG", "off", 1);
	testutil_book_create(dir, sizeof dir, "rcheck", "essex", PASS);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmtree(dir);
	return 0;
}

/* --- the CSV's cells ---------------------------------------------------------- */

struct cell {
	char table[48], row[128], col[64], value[16];
};

struct cells {
	struct cell *v;
	size_t n;
};

/* One field of a CSV line at *p (quotes undone) into out. */
static void
csv_field(const char **p, char *out, size_t n)
{
	const char *s = *p;
	size_t k = 0;
	bool q = *s == '"';

	if (q)
		s++;
	while (*s != '\0') {
		if (q && s[0] == '"' && s[1] == '"')
			s++;
		else if (q && *s == '"') {
			s++;
			q = false;
			continue;
		} else if (!q && (*s == ',' || *s == '\r'))
			break;
		if (k + 1 < n)
			out[k++] = *s;
		s++;
	}
	out[k] = '\0';
	if (*s == ',')
		s++;
	*p = s;
}

static struct cells
cells_of(const char *csv)
{
	struct cells c = { NULL, 0 };
	const char *p = strstr(csv, "\r\n");
	char title[160];

	while (p != NULL && p[2] != '\0') {
		struct cell *x;

		p += 2;
		c.v = realloc(c.v, (c.n + 1) * sizeof *c.v);
		assert_non_null(c.v);
		x = &c.v[c.n++];
		csv_field(&p, x->table, sizeof x->table);
		csv_field(&p, title, sizeof title);
		csv_field(&p, x->row, sizeof x->row);
		csv_field(&p, x->col, sizeof x->col);
		csv_field(&p, x->value, sizeof x->value);
		p = strstr(p, "\r\n");
	}
	return c;
}

/* The figure in table, row, column: -1 when withheld ("*", "<5"), -2 when
 * the cell is not there. */
static long
fig(const struct cells *c, const char *table, const char *row, const char *col)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].table, table) == 0 && strcmp(c->v[i].row, row) == 0 &&
		    strcmp(c->v[i].col, col) == 0) {
			char *end;
			long v = strtol(c->v[i].value, &end, 10);

			return end != c->v[i].value && *end == '\0' ? v : -1;
		}
	return -2;
}

/* a and b agree where both are shown; a cell missing is a failure. */
#define AGREE(a, b, what) do { \
	long a_ = (a), b_ = (b); \
	if (a_ == -2 || b_ == -2) \
		fail_msg("%s: a cell is missing (%ld, %ld)", what, a_, b_); \
	if (a_ >= 0 && b_ >= 0 && a_ != b_) \
		fail_msg("%s: %ld against %ld", what, a_, b_); \
	} while (0)

static void
cross_check(const struct cells *c)
{
	static const char *const stages[] = { "Stage 1", "Stage 2" };
	long total, none;
	size_t s;

	/* the contacts: the headline, by kind, by channel, by month */
	AGREE(fig(c, "headline", "Contacts received", "Number"),
	      fig(c, "contacts-by-kind", "Total", "Number"), "contacts: headline and by kind");
	AGREE(fig(c, "contacts-by-kind", "Total", "Number"),
	      fig(c, "contacts-by-channel", "Total", "Number"), "contacts: by kind and by channel");
	AGREE(fig(c, "contacts-by-kind", "Total", "Number"),
	      fig(c, "contacts-by-month", "Total", "Contacts"), "contacts: by kind and by month");
	AGREE(fig(c, "headline", "Complaints received (Stage 1)", "Number"),
	      fig(c, "contacts-by-kind", "complaint", "Number"), "complaints: headline and kind");
	AGREE(fig(c, "stages", "Stage 1", "Received or requested"),
	      fig(c, "contacts-by-kind", "complaint", "Number"), "complaints: stages and kind");
	/* the extensions: the stages' table and the coded reasons */
	for (s = 0; s < 2; s++) {
		char what[96];

		total = fig(c, "extensions", stages[s], "Extensions");
		snprintf(what, sizeof what, "%s extensions: both tables' totals", stages[s]);
		AGREE(total, fig(c, "extension-reasons", "Total", stages[s]), what);
		none = fig(c, "extension-reasons", "Not recorded", stages[s]);
		snprintf(what, sizeof what, "%s extensions: with a reason", stages[s]);
		AGREE(fig(c, "extensions", stages[s], "With a reason recorded"),
		      total >= 0 && none >= 0 ? total - none : -1, what);
		snprintf(what, sizeof what, "%s extensions: without one", stages[s]);
		AGREE(fig(c, "extensions", stages[s], "Without"), none, what);
	}
	/* the responses: the stages' table and the outcomes */
	for (s = 0; s < 2; s++)
		AGREE(fig(c, "stages", stages[s], "Responded"),
		      fig(c, "outcomes", "Total", stages[s]), "responses: stages and outcomes");
}

/* --- the book ------------------------------------------------------------------ */

static void
add_extended(struct book *b, const char *received, int reason, bool note)
{
	struct book_case_new in;
	struct book_step s;
	struct err err;
	char ref[BOOK_REF_MAX];

	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = received;
	in.child_name = "Ottoline Brackenbury";
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("add: %s", err.msg);
	memset(&s, 0, sizeof s);
	s.type = EV_ACKNOWLEDGED;
	s.date = received;
	if (book_case_step(b, ref, &s, &err) != 0)
		fail_msg("acknowledge: %s", err.msg);
	memset(&s, 0, sizeof s);
	s.type = EV_STAGE1_EXTENDED;
	s.date = "2026-06-05";
	s.until = "2026-07-03";
	s.ext_reason = reason;
	s.note = note ? "the manager is away" : NULL;
	if (book_case_step(b, ref, &s, &err) != 0)
		fail_msg("extend: %s", err.msg);
}

static void
test_annual_cross_check(void **state)
{
	struct report *r = calloc(1, sizeof *r);
	struct book *b;
	struct cells c;
	struct err err;
	char *t;
	size_t n;
	int i;

	(void)state;
	assert_non_null(r);
	b = testutil_book_open(dir, 0, PASS);
	/* 11 Stage 1 extensions: 6 with a coded reason (no note), 5 without
	 * one, one of those with a note all the same */
	for (i = 0; i < 6; i++)
		add_extended(b, "2026-06-01", EXT_REASON_COMPLEXITY, false);
	for (i = 0; i < 5; i++)
		add_extended(b, "2026-06-01", EXT_REASON_NONE, i == 0);
	if (book_report(b, 2026, false, r, &err) != 0)
		fail_msg("report: %s", err.msg);
	book_close(&b);
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_CSV, &t, &n), 0);
	c = cells_of(t);
	assert_int_equal(fig(&c, "extensions", "Stage 1", "Extensions"), 11);
	assert_int_equal(fig(&c, "extension-reasons", "Not recorded", "Stage 1"), 5);
	assert_int_equal(fig(&c, "extensions", "Stage 1", "With a reason recorded"), 6);
	cross_check(&c);
	free(c.v);
	free(t);
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_annual_cross_check, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
