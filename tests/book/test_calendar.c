/* test_calendar.c - the calendar's agenda, read from the deadlines index,
 * against the deadlines worked out afresh from each case's own events by
 * the clock engine, for a book with cases in every stage and outcome; the
 * range scan's filters; and the open set's copies of the summaries. */
#include "testutil.h"

#include <unistd.h>

#include "redress/book.h"
#include "redress/clock.h"
#include "redress/profile.h"
#include "redress/workday.h"
#include "redress/workflow.h"
/* the open set read and written as the store holds it */
#include "../../src/book/book-int.h"

#define PASS "correct horse battery"
#define NCASES 600

static char dir[64];

struct lines {
	char **v;
	size_t n, cap;
};

static void
lines_add(struct lines *l, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		assert_non_null(l->v);
	}
	l->v[l->n] = strdup(buf);
	assert_non_null(l->v[l->n]);
	l->n++;
}

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

struct refs {
	char (*ref)[BOOK_REF_MAX];
	int *stage, *status, *kind;
	size_t n, cap;
};

static int
each_case(const struct book_case_line *c, void *ctx)
{
	struct refs *r = ctx;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->ref = realloc(r->ref, r->cap * sizeof *r->ref);
		r->stage = realloc(r->stage, r->cap * sizeof *r->stage);
		r->status = realloc(r->status, r->cap * sizeof *r->status);
		r->kind = realloc(r->kind, r->cap * sizeof *r->kind);
		assert_true(r->ref && r->stage && r->status && r->kind);
	}
	snprintf(r->ref[r->n], BOOK_REF_MAX, "%s", c->ref);
	r->stage[r->n] = c->stage;
	r->status[r->n] = c->status;
	r->kind[r->n] = c->kind;
	r->n++;
	return 0;
}

struct agenda {
	struct lines l;
	struct refs *cases;
	long details_wrong;
};

static int
each_due(const struct book_due *d, void *ctx)
{
	struct agenda *a = ctx;

	lines_add(&a->l, "%s %s %s %s done=%d council=%d days=%d", d->date, d->ref, d->key,
	          d->target ? "target" : "deadline", d->done, d->council, d->days);
	/* the details come from the case's summary */
	if (d->owner[0] == '\0' || d->team[0] == '\0' || strncmp(d->child, "Child C-", 8) == 0)
		a->details_wrong++;
	return 0;
}

static int
setup(void **state)
{
	struct book *b;
	struct err err;
	struct date today;

	(void)state;
	testutil_book_create(dir, sizeof dir, "cal", "gloucestershire", PASS);
	b = testutil_book_open(dir, 0, PASS);
	assert_int_equal(date_parse("2026-11-20", &today, &err), 0);
	book_set_today(b, today.day);
	if (book_demo_fill(b, NCASES, 7, &err) != 0)
		fail_msg("demo: %s", err.msg);
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

static struct book *
open_book(void)
{
	struct book *b;
	struct err err;
	struct date today;

	b = testutil_book_open(dir, 0, PASS);
	date_parse("2026-11-20", &today, &err);
	book_set_today(b, today.day);
	return b;
}

/* Every deadline and target of every case, due in [from, to], worked out
 * from its events now, as the agenda should list them. */
static void
expected(struct book *b, struct refs *cases, struct date from, struct date to, struct lines *out)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct book_case *c = book_case_new();
	struct deadline *dl = calloc(PROFILE_RULES_MAX, sizeof *dl);
	struct date today;
	struct err err;
	size_t i, j, n;
	int kind;

	assert_true(c != NULL && dl != NULL);
	assert_int_equal(book_profile(b, &prof, &cal, &err), 0);
	date_parse("2026-11-20", &today, &err);
	for (i = 0; i < cases->n; i++) {
		if (book_case_get(b, cases->ref[i], c, &err) != 0)
			fail_msg("%s: %s", cases->ref[i], err.msg);
		if (book_case_deadlines(b, c, dl, PROFILE_RULES_MAX, &n, &err) != 0)
			fail_msg("%s: %s", cases->ref[i], err.msg);
		for (j = 0; j < n; j++)
			for (kind = 0; kind < 2; kind++) {
				struct date due = kind == 0 ? dl[j].due : dl[j].target;
				char ds[DATE_STRLEN];

				if (kind == 1 && due.day == dl[j].due.day)
					continue;
				if (due.day < from.day || due.day > to.day)
					continue;
				/* days left counted here by walking the calendar a day at a time */
				{
					int32_t days = 0, d;

					for (d = today.day + 1; d <= due.day; d++)
						days += workday_is(cal, (struct date){ d });
					for (d = due.day + 1; d <= today.day; d++)
						days -= workday_is(cal, (struct date){ d });
					lines_add(out, "%s %s %s %s done=%d council=%d days=%d",
					          date_format(due, ds), c->ref, dl[j].rule->key,
					          kind ? "target" : "deadline",
					          dl[j].done || dl[j].state == CLOCK_STOPPED,
					          dl[j].rule->party == PARTY_COUNCIL, days);
				}
			}
	}
	book_case_free(c);
	free(dl);
}

static void
test_agenda_matches_events(void **state)
{
	struct book *b = open_book();
	struct book_case_filter f;
	struct refs cases = { 0 };
	struct agenda a = { 0 };
	struct lines want = { 0 };
	struct date from, to;
	struct err err;
	size_t i, stages[4] = { 0 };

	(void)state;
	memset(&f, 0, sizeof f);
	f.stage = f.kind = -1;
	assert_int_equal(book_case_list(b, &f, each_case, &cases, &err), 0);
	assert_int_equal(cases.n, NCASES);
	/* the book has open complaints at every stage, and closed cases */
	for (i = 0; i < cases.n; i++)
		if (cases.status[i] == CASE_OPEN && cases.kind[i] == ROUTE_COMPLAINT &&
		    cases.stage[i] >= 1 && cases.stage[i] <= 3)
			stages[cases.stage[i]]++;
	assert_true(stages[1] > 0 && stages[2] > 0 && stages[3] > 0);
	/* a year and a half around today: past (met and missed) and to come */
	date_parse("2026-01-01", &from, &err);
	date_parse("2027-06-30", &to, &err);
	a.cases = &cases;
	assert_int_equal(book_agenda(b, "2026-01-01", "2027-06-30", true, each_due, &a, &err), 0);
	expected(b, &cases, from, to, &want);
	assert_true(want.n > 500);
	qsort(a.l.v, a.l.n, sizeof *a.l.v, by_str);
	qsort(want.v, want.n, sizeof *want.v, by_str);
	for (i = 0; i < a.l.n && i < want.n; i++)
		if (strcmp(a.l.v[i], want.v[i]) != 0)
			fail_msg("agenda line %zu:\n  index:  %s\n  events: %s", i, a.l.v[i], want.v[i]);
	assert_int_equal(a.l.n, want.n);
	assert_int_equal(a.details_wrong, 0);
	lines_free(&a.l);
	lines_free(&want);
	free(cases.ref);
	free(cases.stage);
	free(cases.status);
	free(cases.kind);
	book_close(&b);
}

struct filt {
	long n, targets, deadlines, outside, detailed;
	const char *from, *to;
};

static int
each_filt(const struct book_due *d, void *ctx)
{
	struct filt *f = ctx;

	f->n++;
	if (d->target)
		f->targets++;
	else
		f->deadlines++;
	if (strcmp(d->date, f->from) < 0 || strcmp(d->date, f->to) > 0)
		f->outside++;
	if (d->owner[0] != '\0')
		f->detailed++;
	return 0;
}

static void
test_scan_flags(void **state)
{
	struct book *b = open_book();
	struct filt all = { 0 }, dl = { 0 }, tg = { 0 }, det = { 0 };
	struct err err;

	(void)state;
	all.from = dl.from = tg.from = det.from = "2026-03-01";
	all.to = dl.to = tg.to = det.to = "2026-03-31";
	assert_int_equal(book_due_scan(b, "2026-03-01", "2026-03-31", BOOK_DUE_TARGETS, each_filt,
	                               &all, &err), 0);
	assert_int_equal(book_due_scan(b, "2026-03-01", "2026-03-31", 0, each_filt, &dl, &err), 0);
	assert_int_equal(book_due_scan(b, "2026-03-01", "2026-03-31",
	                               BOOK_DUE_TARGETS | BOOK_DUE_NO_DEADLINES, each_filt, &tg,
	                               &err), 0);
	assert_int_equal(book_due_scan(b, "2026-03-01", "2026-03-31", BOOK_DUE_DETAILS, each_filt,
	                               &det, &err), 0);
	assert_true(all.n > 0);
	assert_int_equal(all.outside + dl.outside + tg.outside, 0);
	assert_int_equal(dl.targets, 0);
	assert_int_equal(tg.deadlines, 0);
	assert_int_equal(all.n, dl.n + tg.n);
	/* without details no case is read; with them every line has its owner */
	assert_int_equal(dl.detailed, 0);
	assert_int_equal(det.detailed, det.n);
	assert_int_equal(book_due_scan(b, "2026-13-01", "2026-03-31", 0, each_filt, &dl, &err),
	                 BOOK_EUSAGE);
	book_close(&b);
}

/* --- the open set: a copy of each open case's summary -------------------------- */

struct open_txn {
	struct store_txn *t;
	uint8_t (*key)[8];
	size_t n, copies, same;
};

static int
open_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct open_txn *o = ctx;
	const void *sv;
	size_t sn;

	assert_int_equal(kl, 8);
	o->key = realloc(o->key, (o->n + 1) * sizeof *o->key);
	assert_non_null(o->key);
	memcpy(o->key[o->n++], k, 8);
	if (vl > 0)
		o->copies++;
	if (store_get(o->t, STORE_SUMMARY, k, 8, &sv, &sn) == 0 && sn == vl &&
	    memcmp(sv, v, vl) == 0)
		o->same++;
	return 0;
}

static int
open_read(struct store_txn *t, void *ctx)
{
	struct open_txn *x = ctx;

	x->t = t;
	return store_scan(t, STORE_OPEN, NULL, 0, open_each, x) < 0 ? -1 : 0;
}

/* Empties the open set's values, as a book written before they were kept has. */
static int
open_blank(struct store_txn *t, void *ctx)
{
	struct open_txn *x = ctx;
	size_t i;

	for (i = 0; i < x->n; i++)
		if (store_put(t, STORE_OPEN, x->key[i], 8, "", 0, false) != 0)
			return -1;
	return 0;
}

static int
each_open_line(const struct book_case_line *c, void *ctx)
{
	lines_add(ctx, "%s %s %s %s %s %d", c->ref, c->owner, c->team, c->next_key, c->next_due,
	          c->stage);
	return 0;
}

static void
test_open_set_copies_summary(void **state)
{
	struct book *b = open_book();
	struct book_case_filter f;
	struct open_txn x;
	struct lines before = { 0 }, after = { 0 };
	struct book_step s;
	struct err err;
	size_t i;

	(void)state;
	/* a step on an open case rewrites its copy with the summary */
	memset(&s, 0, sizeof s);
	s.type = EV_NOTE;
	s.date = "2026-11-20";
	s.note = "a call";
	memset(&f, 0, sizeof f);
	f.stage = f.kind = -1;
	f.open = true;
	assert_int_equal(book_case_list(b, &f, each_open_line, &before, &err), 0);
	assert_true(before.n > 10);
	memset(&x, 0, sizeof x);
	assert_int_equal(store_read(b->st, open_read, &x, &err), 0);
	/* every open case in the set, each with its summary whole */
	assert_int_equal(x.n, before.n);
	assert_int_equal(x.copies, x.n);
	assert_int_equal(x.same, x.n);
	/* a book whose open set holds no copies lists the same, from the summaries */
	assert_int_equal(store_write(b->st, open_blank, &x, &err), 0);
	assert_int_equal(book_case_list(b, &f, each_open_line, &after, &err), 0);
	assert_int_equal(after.n, before.n);
	for (i = 0; i < after.n; i++)
		assert_string_equal(after.v[i], before.v[i]);
	/* and a step on a case puts its copy back */
	{
		char ref[BOOK_REF_MAX];

		sscanf(before.v[0], "%23s", ref);
		assert_int_equal(book_case_step(b, ref, &s, &err), 0);
	}
	free(x.key);
	memset(&x, 0, sizeof x);
	assert_int_equal(store_read(b->st, open_read, &x, &err), 0);
	assert_int_equal(x.copies, 1);
	assert_int_equal(x.same, 1);
	free(x.key);
	lines_free(&before);
	lines_free(&after);
	book_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agenda_matches_events),
		cmocka_unit_test(test_scan_flags),
		cmocka_unit_test(test_open_set_copies_summary),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
