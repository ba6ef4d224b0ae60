/* bench_cases.c - `make bench`: cases at scale: generating a 100,000-case
 * demo book, listing the overdue ones, and reading a month of the deadlines
 * index.  Prints figures; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "redress/book.h"
#include "redress/reads.h"
#include "redress/date.h"
#include "redress/clock.h"
#include "redress/profile.h"
#include "redress/report.h"
#include "redress/workflow.h"
/* the 5,000 notes of a long case written in one transaction, to be quick */
#include "../../src/book/book-int.h"

#define PASS "bench passphrase"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
count_line(const struct book_case_line *l, void *ctx)
{
	(void)l;
	++*(long *)ctx;
	return 0;
}

static int
count_due(const struct book_due *d, void *ctx)
{
	(void)d;
	++*(long *)ctx;
	return 0;
}

/* --- the calendar ------------------------------------------------------------ */

struct cal_count {
	long n, days[32];
	int32_t first;
};

static int
cal_grid_each(const struct book_due *d, void *ctx)
{
	struct cal_count *c = ctx;

	if (d->day - c->first >= 0 && d->day - c->first < 32)
		c->days[d->day - c->first]++;
	c->n++;
	return 0;
}

struct cal_lines {
	long n;
	size_t bytes;
};

/* What `redress calendar` prints for each deadline, formatted not written. */
static int
cal_line_each(const struct book_due *d, void *ctx)
{
	struct cal_lines *c = ctx;
	char line[512];

	if (d->done)
		return 0;
	c->bytes += (size_t)snprintf(line, sizeof line, "  %-14s %-22s %-8s %d left %-10s %-14s %s\n",
	                             d->ref, d->key, d->target ? "target" : "deadline", d->days,
	                             d->owner, d->team, d->child);
	c->n++;
	return 0;
}

/* --- against calcurse -------------------------------------------------------- */

static double
run_quiet(const char *cmd)
{
	double t0 = now();

	if (system(cmd) != 0)
		return -1;
	return now() - t0;
}

/* The fastest of n runs of cmd, in seconds (-1 if it failed). */
static double
run_best(const char *cmd, int n)
{
	double best = -1, t;

	while (n-- > 0) {
		if ((t = run_quiet(cmd)) < 0)
			return -1;
		best = best < 0 || t < best ? t : best;
	}
	return best;
}

/* Every deadline of the book in dir, met ones too, read from `redress
 * calendar --all --format tsv`, written as calcurse appointments (day
 * events); returns how many, or -1. */
static long
calcurse_feed(const char *redress, const char *dir, const char *apts)
{
	char cmd[600], line[1024], *f[9], *p;
	struct date today = date_from_unix_london((int64_t)time(NULL));
	char from[DATE_STRLEN];
	FILE *in, *out;
	long n = 0;
	int k, y, m, d;

	date_format(date_add_days(today, -6 * 366), from);
	snprintf(cmd, sizeof cmd, "'%s' -d '%s' calendar --from %s --days 3660 --all --format tsv",
	         redress, dir, from);
	if ((out = fopen(apts, "w")) == NULL)
		return -1;
	if ((in = popen(cmd, "r")) == NULL) {
		fclose(out);
		return -1;
	}
	while (fgets(line, sizeof line, in) != NULL) {
		for (k = 0, p = line; k < 9 && p != NULL; k++) {
			f[k] = p;
			if ((p = strpbrk(p, "\t\n")) != NULL)
				*p++ = '\0';
		}
		if (k < 9 || sscanf(f[0], "%d-%d-%d", &y, &m, &d) != 3)
			continue;
		fprintf(out, "%02d/%02d/%04d [1] %s %s (%s) %s %s\n", m, d, y, f[1], f[3], f[5], f[7],
		        f[8]);
		n++;
	}
	fclose(out);
	return pclose(in) == 0 ? n : -1;
}

/* The 30-day agenda, calcurse -Q against `redress calendar --days 30`, on
 * every deadline of a book of BENCH_CALCURSE cases (20,000 by default; the
 * book of this bench when it is that size). */
static int
calcurse_compare(const char *bigdir, long total)
{
	const char *redress = getenv("REDRESS") ? getenv("REDRESS") : "./redress";
	long cases = getenv("BENCH_CALCURSE") ? atol(getenv("BENCH_CALCURSE")) : 20000, n;
	char dir[] = "/tmp/redress-bench-calcurse-XXXXXX", cdir[160], apts[200], run[700];
	struct date today = date_from_unix_london((int64_t)time(NULL));
	const char *book = bigdir;
	struct book *b;
	struct err err;
	double tc, tr, ratio;
	int y, m, d;

	if (mkdtemp(dir) == NULL)
		return 1;
	if (cases != total) {
		snprintf(cdir, sizeof cdir, "%s/book", dir);
		book = cdir;
		if (book_create(book, "gloucestershire", PASS, strlen(PASS), BOOK_COST_TEST, &err) != 0 ||
		    book_open(book, 0, &b, &err) != 0 || book_unlock(b, PASS, strlen(PASS), &err) != 0 ||
		    book_demo_fill(b, (size_t)cases, 1, &err) != 0) {
			fprintf(stderr, "bench: calcurse: %s\n", err.msg);
			return 1;
		}
		book_close(&b);
		book = strdup(cdir);
	}
	snprintf(cdir, sizeof cdir, "%s/calcurse", dir);
	snprintf(apts, sizeof apts, "%s/apts", cdir);
	if (book == NULL || mkdir(cdir, 0700) != 0 || (n = calcurse_feed(redress, book, apts)) < 0) {
		fprintf(stderr, "bench: calcurse: could not export the deadlines\n");
		return 1;
	}
	date_to_ymd(today, &y, &m, &d);
	snprintf(run, sizeof run, "calcurse -D '%s' -Q --from %02d/%02d/%04d --days 30 >/dev/null 2>&1",
	         cdir, m, d, y);
	tc = run_best(run, 3);
	snprintf(run, sizeof run, "'%s' -d '%s' calendar --days 30 >/dev/null 2>&1", redress, book);
	tr = run_best(run, 3);
	ratio = tr > 0 && tc > 0 ? tc / tr : 0;
	printf("calcurse -Q against redress calendar, 30 days, %ld cases (%ld deadlines, met ones "
	       "too): %.3f s against %.4f s, ratio %.0f:1%s%s\n", cases, n, tc, tr, ratio,
	       cases >= 100000 ? "   target >= 100:1 " : "",
	       cases >= 100000 ? bench_over(ratio, 100) : "");
	if (book != bigdir)
		free((char *)book);
	snprintf(run, sizeof run, "rm -rf '%s'", dir);
	return system(run) != 0;
}

/* --- one long case ---------------------------------------------------------- */

#define LONG_NOTES 5000

static int
long_notes_txn(struct store_txn *t, void *ctx)
{
	struct book *b = ctx;
	struct book_case *c = book_case_new();
	struct book_step s;
	char note[64];
	void *old = NULL;
	size_t oldlen = 0;
	int i, rc;

	if (c == NULL)
		return -1;
	rc = book_case_load_txn(b, t, "CSC-2026-0001", c, &old, &oldlen);
	for (i = 1; i <= LONG_NOTES && rc == 0; i++) {
		memset(&s, 0, sizeof s);
		s.type = EV_NOTE;
		s.date = "2026-01-06";
		snprintf(note, sizeof note, "call %d from the family", i);
		s.note = note;
		rc = case_add_event(b, t, c, &s, b->key_id);
	}
	if (rc == 0) {
		c->rev++;
		rc = case_write(b, t, c, old, oldlen, b->key_id);
	}
	free(old);
	book_case_free(c);
	return rc;
}

static int
long_fail(const struct err *err)
{
	fprintf(stderr, "bench: long case: %s\n", err->msg);
	return 1;
}

/* What a read on record adds to opening a case in the client (batched,
 * reads.h): 100 cases opened one after another, without and with. */
static int
reads_cost(struct book *b, struct book_case *c, struct err *err)
{
	struct book_case_new in;
	char refs[100][BOOK_REF_MAX];
	double t0, plain, noted;
	int k;

	memset(&in, 0, sizeof in);
	in.received = "2026-01-08";
	in.child_name = "Peregrine Fothergill";
	in.summary = "A summary to open";
	for (k = 0; k < 100; k++)
		if (book_case_add(b, &in, refs[k], err) != 0)
			return -1;
	t0 = now();
	for (k = 0; k < 100; k++)
		if (book_case_get(b, refs[k], c, err) != 0)
			return -1;
	plain = (now() - t0) / 100;
	/* the session's first read is written at once: not what is measured */
	book_reads_via(b, "client", true);
	if (book_case_get(b, "CSC-2026-0001", c, err) != 0)
		return -1;
	t0 = now();
	for (k = 0; k < 100; k++)
		if (book_case_get(b, refs[k], c, err) != 0)
			return -1;
	noted = (now() - t0) / 100;
	printf("opening a case, its read on record (client, batched): %+.3f ms "
	       "(%.3f ms against %.3f ms)   target < 1 ms %s\n", noted > plain ? (noted - plain) * 1e3 : 0.0,
	       noted * 1e3, plain * 1e3, noted - plain < 1e-3 ? "ok" : "SLOW");
	t0 = now();
	if (book_reads_flush(b, err) != 0)
		return -1;
	printf("  (the batch of 100 reads written afterwards in one write: %.1f ms)\n",
	       (now() - t0) * 1e3);
	return 0;
}

/* A case with 5,000 events (every note, letter and assignment is one):
 * opened, a step, closed, shown. */
static int
long_case(void)
{
	char dir[] = "/tmp/redress-bench-long-XXXXXX", cmd[128];
	struct deadline dl[PROFILE_RULES_MAX];
	struct book_case_new in;
	struct book_case *c = NULL;
	struct book_step s;
	struct book *b;
	struct err err;
	double t0, open, step, close, show, base;
	size_t nd;
	int k;

	if (mkdtemp(dir) == NULL)
		return 1;
	rmdir(dir);
	memset(&in, 0, sizeof in);
	in.received = "2026-01-05";
	in.child_name = "Ottoline Brackenbury";
	if (book_create(dir, "statutory", PASS, strlen(PASS), BOOK_COST_TEST, &err) != 0 ||
	    book_open(dir, 0, &b, &err) != 0 || book_unlock(b, PASS, strlen(PASS), &err) != 0 ||
	    book_case_add(b, &in, cmd, &err) != 0 ||
	    store_write(b->st, long_notes_txn, b, &err) != 0 || (c = book_case_new()) == NULL)
		return long_fail(&err);
	t0 = now();
	for (k = 0; k < 10; k++)
		if (book_case_get(b, "CSC-2026-0001", c, &err) != 0)
			return long_fail(&err);
	open = (now() - t0) / 10;
	memset(&s, 0, sizeof s);
	s.type = EV_NOTE;
	s.date = "2026-01-07";
	s.note = "one more call";
	t0 = now();
	for (k = 0; k < 10; k++)
		if (book_case_step(b, "CSC-2026-0001", &s, &err) != 0)
			return long_fail(&err);
	step = (now() - t0) / 10;
	/* the same step on a case of two events: what a commit costs here */
	in.received = "2026-01-07";
	if (book_case_add(b, &in, cmd, &err) != 0)
		return long_fail(&err);
	t0 = now();
	for (k = 0; k < 10; k++)
		if (book_case_step(b, cmd, &s, &err) != 0)
			return long_fail(&err);
	base = (now() - t0) / 10;
	s.type = EV_CLOSED;
	s.note = NULL;
	t0 = now();
	if (book_case_step(b, "CSC-2026-0001", &s, &err) != 0)
		return long_fail(&err);
	close = now() - t0;
	t0 = now();
	for (k = 0; k < 10; k++)
		if (book_case_get(b, "CSC-2026-0001", c, &err) != 0 ||
		    book_case_deadlines(b, c, dl, PROFILE_RULES_MAX, &nd, &err) != 0)
			return long_fail(&err);
	show = (now() - t0) / 10;
	printf("a case of %zu events (target < 50 ms each): open %.1f ms %s | step %.1f ms %s | "
	       "close %.1f ms %s | show %.1f ms %s\n", c->nevents, open * 1e3,
	       bench_under(open * 1e3, 50), step * 1e3, bench_under(step * 1e3, 50), close * 1e3,
	       bench_under(close * 1e3, 50), show * 1e3, bench_under(show * 1e3, 50));
	printf("  (the same step on a new case: %.1f ms, the commit's own cost)\n", base * 1e3);
	if (reads_cost(b, c, &err) != 0)
		return long_fail(&err);
	book_case_free(c);
	book_close(&b);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0;
}

int
main(int argc, char **argv)
{
	long total = argc > 1 ? atol(argv[1]) : 100000, n;
	char dir[] = "/tmp/redress-bench-cases-XXXXXX", from[DATE_STRLEN], to[DATE_STRLEN], cmd[128];
	struct book_case_filter f;
	struct date today = date_from_unix_london((int64_t)time(NULL)), d;
	struct book *b;
	struct err err;
	struct stat st;
	double t0, t;
	int k;

	if (long_case() != 0)
		return 1;
	if (mkdtemp(dir) == NULL)
		return 1;
	rmdir(dir);
	if (book_create(dir, "gloucestershire", PASS, strlen(PASS), BOOK_COST_TEST, &err) != 0 ||
	    book_open(dir, 0, &b, &err) != 0 || book_unlock(b, PASS, strlen(PASS), &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	t0 = now();
	if (book_demo_fill(b, (size_t)total, 1, &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	t = now() - t0;
	printf("cases: demo of %ld cases generated in %.2f s (%.0f per second)\n", total, t,
	       (double)total / t);
	book_close(&b);
	if (book_open(dir, 0, &b, &err) != 0)
		return 1;

	memset(&f, 0, sizeof f);
	f.stage = f.kind = -1;
	f.overdue = true;
	t0 = now();
	for (k = 0; k < 5; k++) {
		n = 0;
		if (book_case_list(b, &f, count_line, &n, &err) != 0)
			return 1;
	}
	printf("list overdue cases (%ld of them)      %8.2f ms\n", n, (now() - t0) / 5 * 1e3);
	f.overdue = false;
	f.open = true;
	t0 = now();
	n = 0;
	if (book_case_list(b, &f, count_line, &n, &err) != 0)
		return 1;
	printf("list open cases (%ld of them)         %8.2f ms\n", n, (now() - t0) * 1e3);
	f.open = false;
	t0 = now();
	n = 0;
	if (book_case_list(b, &f, count_line, &n, &err) != 0)
		return 1;
	printf("list every case (%ld)                 %8.2f ms\n", n, (now() - t0) * 1e3);

	/* a month of the deadlines index, some months back (dense with deadlines) */
	d = date_add_days(today, -180);
	date_format(d, from);
	date_format(date_add_days(d, 30), to);
	t0 = now();
	for (k = 0; k < 200; k++) {
		n = 0;
		if (book_deadlines_range(b, from, to, true, count_due, &n, &err) != 0)
			return 1;
	}
	t = (now() - t0) / 200 * 1e3;
	printf("a month of deadlines (%ld entries)     %8.3f ms   target < 5 ms %s\n", n, t,
	       bench_under(t, 5));
	date_format(today, from);
	date_format(date_add_days(today, 30), to);
	t0 = now();
	for (k = 0; k < 200; k++) {
		n = 0;
		if (book_deadlines_range(b, from, to, false, count_due, &n, &err) != 0)
			return 1;
	}
	printf("the next month, deadlines only (%ld)   %8.3f ms\n", n, (now() - t0) / 200 * 1e3);
	/* the calendar client's reads: the month grid from the index alone, the
	 * same with the case details the filters need, a week's agenda */
	{
		struct cal_count c;
		struct cal_lines l;
		struct date first;
		int y, m, dd;

		date_to_ymd(date_add_days(today, -180), &y, &m, &dd);
		date_from_ymd(y, m, 1, &first, NULL);
		date_format(first, from);
		date_format(date_add_days(first, date_days_in_month(y, m) - 1), to);
		t0 = now();
		for (k = 0; k < 100; k++) {
			memset(&c, 0, sizeof c);
			c.first = first.day;
			if (book_due_scan(b, from, to, 0, cal_grid_each, &c, &err) != 0)
				return 1;
		}
		t = (now() - t0) / 100 * 1e3;
		printf("calendar: a month's grid (%ld deadlines) %8.3f ms   target < 5 ms %s\n", c.n,
		       t, bench_under(t, 5));
		t0 = now();
		for (k = 0; k < 20; k++) {
			memset(&c, 0, sizeof c);
			c.first = first.day;
			if (book_due_scan(b, from, to, BOOK_DUE_DETAILS, cal_grid_each, &c, &err) != 0)
				return 1;
		}
		t = (now() - t0) / 20 * 1e3;
		printf("calendar: the same, filtered (details) %7.3f ms   target < 5 ms %s\n", t,
		       bench_under(t, 5));
		date_format(date_add_days(first, 7), from);
		date_format(date_add_days(first, 13), to);
		t0 = now();
		for (k = 0; k < 100; k++) {
			memset(&c, 0, sizeof c);
			c.first = first.day;
			if (book_due_scan(b, from, to, BOOK_DUE_DETAILS, cal_grid_each, &c, &err) != 0)
				return 1;
		}
		printf("calendar: a week's agenda (%ld lines)  %8.3f ms\n", c.n,
		       (now() - t0) / 100 * 1e3);
		date_format(today, from);
		date_format(date_add_days(today, 29), to);
		memset(&l, 0, sizeof l);
		t0 = now();
		if (book_agenda(b, from, to, false, cal_line_each, &l, &err) != 0)
			return 1;
		printf("batch agenda, 30 days, names (%ld lines, %zu bytes) %8.2f ms\n", l.n, l.bytes,
		       (now() - t0) * 1e3);
	}
	/* calcurse over the same deadlines, where it is installed */
	if (system("command -v calcurse >/dev/null 2>&1") == 0 && calcurse_compare(dir, total) != 0)
		return 1;
	/* the annual report over every case: one pass, no key */
	{
		struct report *r = malloc(sizeof *r);
		int y, m, dd;
		char *text;
		size_t len;

		date_to_ymd(today, &y, &m, &dd);
		if (r == NULL)
			return 1;
		t0 = now();
		if (book_report(b, m >= 4 ? y - 1 : y - 2, false, r, &err) != 0 ||
		    report_render(r, REPORT_ANNUAL, REPORT_TEXT, &text, &len) != 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		t = (now() - t0) * 1e3;
		printf("annual report over %ld cases (%ld in the year) %8.1f ms   target < 1000 ms %s\n",
		       r->cases_read, r->contacts, t, bench_under(t, 1000));
		free(text);
		free(r);
	}
	book_close(&b);
	snprintf(cmd, sizeof cmd, "%s/data.mdb", dir);
	if (stat(cmd, &st) == 0)
		printf("book on disk                          %8.1f MiB\n", (double)st.st_size / 1048576);
	{
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		printf("peak resident memory                  %8ld KiB\n", ru.ru_maxrss);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0;
}
