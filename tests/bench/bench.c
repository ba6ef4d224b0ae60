/* bench.c - `make bench`: figures for the clock engine (speed, memory).
 * Prints measurements; asserts nothing (tests do that). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "redress/clock.h"
#include "redress/share.h"
#include "redress/workday.h"

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(void)
{
	struct deadline dl[PROFILE_RULES_MAX];
	struct clock_event ev[12];
	struct calendar cal;
	struct profile *p = malloc(sizeof *p);
	struct date d, out, start;
	struct rusage ru;
	struct err err;
	double t0, t;
	long i, iters;
	size_t n;
	int32_t sink = 0;
	unsigned seed = 42;

	if (p == NULL)
		return 1;
	t0 = bench_now();
	for (i = 0; i < 100; i++) {
		if (share_calendar("england-and-wales", &cal, &err) != 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		calendar_free(&cal);
	}
	t = bench_now() - t0;
	printf("calendar load (england-and-wales)     %8.1f us\n", t / 100 * 1e6);

	t0 = bench_now();
	for (i = 0; i < 100; i++)
		if (share_profile("gloucestershire", p, &err) != 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
	t = bench_now() - t0;
	printf("profile load (gloucestershire+parent) %8.1f us\n", t / 100 * 1e6);

	share_calendar("england-and-wales", &cal, &err);
	date_parse("2015-01-01", &start, &err);
	iters = 1000000;
	t0 = bench_now();
	for (i = 0; i < iters; i++) {
		seed = seed * 1103515245u + 12345u;
		d = date_add_days(start, (int32_t)(seed % 5800));
		workday_add(&cal, d, 20, &out, &err);
		sink += out.day;
	}
	t = bench_now() - t0;
	printf("workday_add N=20 (2015-2030)          %8.1f ns\n", t / (double)iters * 1e9);

	t0 = bench_now();
	for (i = 0; i < iters / 10; i++) {
		seed = seed * 1103515245u + 12345u;
		d = date_add_days(start, (int32_t)(seed % 5800));
		workday_add(&cal, d, 65, &out, &err);
		sink += out.day;
	}
	t = bench_now() - t0;
	printf("workday_add N=65                      %8.1f ns\n", t / (double)(iters / 10) * 1e9);

	date_parse("2040-01-01", &start, &err);
	t0 = bench_now();
	for (i = 0; i < iters / 10; i++) {
		seed = seed * 1103515245u + 12345u;
		d = date_add_days(start, (int32_t)(seed % 3650));
		workday_add(&cal, d, 20, &out, &err);
		sink += out.day;
	}
	t = bench_now() - t0;
	printf("workday_add N=20 (projected years)    %8.1f ns\n", t / (double)(iters / 10) * 1e9);

	share_profile("statutory", p, &err);
	{
		static const char *const chain[][2] = {
			{ "received", "2026-11-20" }, { "stage1_response_sent", "2026-12-03" },
			{ "stage2_requested", "2026-12-17" }, { "statement_agreed", "2027-01-08" },
			{ "stage2_response_sent", "2027-02-10" }, { "stage3_requested", "2027-02-24" },
			{ "panel_date", "2027-03-25" }, { "panel_notice_sent", "2027-03-10" },
			{ "panel_held", "2027-03-25" }, { "findings_sent", "2027-03-31" },
			{ "paused", "2026-11-25" }, { "resumed", "2026-11-30" },
		};
		for (i = 0; i < 12; i++) {
			memset(&ev[i], 0, sizeof ev[i]);
			ev[i].type = event_lookup(chain[i][0]);
			date_parse(chain[i][1], &ev[i].date, &err);
		}
	}
	date_parse("2027-05-01", &d, &err);
	iters = 100000;
	t0 = bench_now();
	for (i = 0; i < iters; i++) {
		clock_compute(p, &cal, ROUTE_COMPLAINT, ev, 12, d, dl, PROFILE_RULES_MAX, &n, &err);
		sink += (int32_t)n;
	}
	t = bench_now() - t0;
	printf("clock_compute, whole procedure (%zu)  %8.1f us per case\n", n,
	       t / (double)iters * 1e6);
	printf("  -> 100,000 cases recomputed in      %8.2f s\n", t / (double)iters * 100000);

	getrusage(RUSAGE_SELF, &ru);
	printf("peak resident memory                  %8ld KiB\n", ru.ru_maxrss);
	calendar_free(&cal);
	free(p);
	return sink == 42; /* keeps the work from being optimised away */
}
