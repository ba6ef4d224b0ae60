/* bench_import.c - `make bench`: importing a spreadsheet of 100,000 cases
 * (generated here: names, quoted summaries, steps to Stage 2) in one
 * all-or-nothing transaction.  Prints figures; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "redress/book.h"
#include "redress/date.h"

#define PASS "bench passphrase"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
bad_row(size_t line, const char *why, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "bench: line %zu: %s\n", line, why);
	return 0;
}

int
main(int argc, char **argv)
{
	static const char *const first[] = { "Amara", "Zoë", "Łukasz", "Siân", "Mei", "Priya" };
	static const char *const last[] = { "Okafor", "Nowak", "O'Neill", "Wiśniewska", "Khan" };
	long total = argc > 1 ? atol(argv[1]) : 100000, i;
	char dir[] = "/tmp/redress-bench-import-XXXXXX", cmd[128], r[DATE_STRLEN], a[DATE_STRLEN];
	char s1[DATE_STRLEN], s2[DATE_STRLEN];
	struct date today = date_from_unix_london((int64_t)time(NULL)), d;
	size_t len = 0, cap = (size_t)total * 256 + 4096, n;
	struct book *b;
	struct err err;
	struct stat st;
	char *csv;
	double t0, t;

	if (mkdtemp(dir) == NULL || (csv = malloc(cap)) == NULL)
		return 1;
	rmdir(dir);
	if (book_create(dir, "essex", PASS, strlen(PASS), BOOK_COST_TEST, &err) != 0 ||
	    book_open(dir, 0, &b, &err) != 0 || book_unlock(b, PASS, strlen(PASS), &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	len = (size_t)snprintf(csv, cap, "Kind,Received,Acknowledged,Stage 1 response,"
	                       "Stage 2 requested,Team,Child name,Child DOB,Complainant name,"
	                       "Relationship,Summary\r\n");
	for (i = 0; i < total; i++) {
		d = date_add_days(today, -(int32_t)(60 + i % 900));
		date_format(d, r);
		date_format(date_add_days(d, 2), a);
		date_format(date_add_days(d, 14), s1);
		date_format(date_add_days(d, 30), s2);
		len += (size_t)snprintf(csv + len, cap - len,
		                        "complaint,%s,%s,%s,%s,\"Team %ld, North\",%s %s,%02ld/%02ld/%ld,"
		                        "%s %s,parent,\"Visits cancelled, \"\"again\"\"\nand calls unanswered\"\r\n",
		                        r, i % 3 ? a : "", i % 2 ? s1 : "", i % 4 == 1 ? s2 : "", i % 10,
		                        first[i % 6], last[i % 5], 1 + i % 28, 1 + i % 12,
		                        (long)date_year(today) - 2 - i % 15, first[(i + 3) % 6],
		                        last[(i + 1) % 5]);
	}
	printf("import: a CSV of %ld rows, %.1f MiB\n", total, (double)len / 1048576);
	t0 = now();
	if (book_case_import(b, csv, len, false, bad_row, NULL, &n, &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	t = now() - t0;
	printf("import of %zu cases (one transaction)  %8.2f s   %8.0f rows/s\n", n, t,
	       (double)n / t);
	t0 = now();
	if (book_case_import(b, csv, len, true, bad_row, NULL, &n, &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	t = now() - t0;
	printf("the check alone (--check), %zu rows    %8.2f s   %8.0f rows/s\n", n, t,
	       (double)n / t);
	book_close(&b);
	snprintf(cmd, sizeof cmd, "%s/data.mdb", dir);
	if (stat(cmd, &st) == 0)
		printf("book on disk                          %8.1f MiB\n", (double)st.st_size / 1048576);
	{
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		printf("peak resident memory                  %8ld KiB\n", ru.ru_maxrss);
	}
	free(csv);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0;
}
