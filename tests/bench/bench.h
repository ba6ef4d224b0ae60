/* bench.h - what the figures of `make bench` share: each figure with a
 * target says beside it whether it met it, "ok" or "MISSED", and `make
 * bench` counts the misses on its last line. */
#ifndef REDRESS_BENCH_H
#define REDRESS_BENCH_H

/* "ok" when v is under limit (a time, a size), else "MISSED". */
static inline const char *
bench_under(double v, double limit)
{
	return v >= 0 && v < limit ? "ok" : "MISSED";
}

/* "ok" when v is at least limit (a ratio, a rate), else "MISSED". */
static inline const char *
bench_over(double v, double limit)
{
	return v >= limit ? "ok" : "MISSED";
}

#endif
