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

#include "redress/book.h"
#include "redress/date.h"
#include "redress/report.h"

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
	printf("a month of deadlines (%ld entries)     %8.3f ms   target < 5 ms\n", n,
	       (now() - t0) / 200 * 1e3);
	date_format(today, from);
	date_format(date_add_days(today, 30), to);
	t0 = now();
	for (k = 0; k < 200; k++) {
		n = 0;
		if (book_deadlines_range(b, from, to, false, count_due, &n, &err) != 0)
			return 1;
	}
	printf("the next month, deadlines only (%ld)   %8.3f ms\n", n, (now() - t0) / 200 * 1e3);
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
		printf("annual report over %ld cases (%ld in the year) %8.1f ms   target < 1000 ms\n",
		       r->cases_read, r->contacts, (now() - t0) * 1e3);
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
