/* holiday.c - bank-holiday calendars: parsing redress-holidays(5) text,
 * looking dates up, and projecting years outside the list from rules. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"
#include "redress/holiday.h"
#include "redress/text.h"

#define HOLIDAY_LINE_MAX 1024

struct date
holiday_easter(int y)
{
	/* anonymous Gregorian algorithm (Meeus/Jones/Butcher) */
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
	struct date out = { 0 };

	date_from_ymd(y, month, day, &out, NULL);
	return out;
}

static int
holiday_cmp(const void *a, const void *b)
{
	return date_cmp(((const struct holiday *)a)->date, ((const struct holiday *)b)->date);
}

/* A year's dozen holidays, nearly in order: an insertion sort, stable as
 * glibc's qsort (a merge sort) is, and without its copying of the
 * structures through a buffer. */
static void
holiday_sort(struct holiday *h, size_t n)
{
	struct holiday x;
	size_t i, j;

	for (i = 1; i < n; i++) {
		if (h[i - 1].date.day <= h[i].date.day)
			continue;
		x = h[i];
		for (j = i; j > 0 && h[j - 1].date.day > x.date.day; j--)
			h[j] = h[j - 1];
		h[j] = x;
	}
}

/* Sorts the n holidays of tmp by date and copies as many as fit into
 * out (max); returns n, which may be more than max. */
static size_t
holiday_give(struct holiday *tmp, size_t n, struct holiday *out, size_t max)
{
	size_t k;

	if (n > 1)
		holiday_sort(tmp, n);
	for (k = 0; k < n && k < max; k++)
		out[k] = tmp[k];
	return n;
}

static bool
holiday_weekend(struct date d)
{
	return date_weekday(d) >= WEEKDAY_SATURDAY;
}

static bool
holiday_taken(const struct holiday *h, size_t n, struct date d)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].date.day == d.day)
			return true;
	return false;
}

/* snprintf's "%s%s" into HOLIDAY_NAME_MAX, by hand: every command
 * projects the holidays of decades of years at start. */
static void
holiday_copy_name(char *dst, const char *src, const char *suffix)
{
	size_t a = strlen(src), b = strlen(suffix);

	if (a > HOLIDAY_NAME_MAX - 1)
		a = HOLIDAY_NAME_MAX - 1;
	if (b > HOLIDAY_NAME_MAX - 1 - a)
		b = HOLIDAY_NAME_MAX - 1 - a;
	memcpy(dst, src, a);
	memcpy(dst + a, suffix, b);
	dst[a + b] = '\0';
}

/* The natural date of a rule in a year; false if it does not exist. */
static bool
holiday_rule_date(const struct holiday_rule *r, int year, struct date *out)
{
	struct date d;
	int dim, wd;

	switch (r->kind) {
	case HOLIDAY_FIXED:
		if (r->day > date_days_in_month(year, r->month))
			return false;
		return date_from_ymd(year, r->month, r->day, out, NULL) == 0;
	case HOLIDAY_EASTER:
		*out = date_add_days(holiday_easter(year), r->offset);
		return true;
	case HOLIDAY_NTH:
		if (r->nth > 0) {
			if (date_from_ymd(year, r->month, 1, &d, NULL) != 0)
				return false;
			wd = (int)r->weekday - (int)date_weekday(d);
			d = date_add_days(d, (wd + 7) % 7 + 7 * (r->nth - 1));
		} else {
			dim = date_days_in_month(year, r->month);
			if (date_from_ymd(year, r->month, dim, &d, NULL) != 0)
				return false;
			wd = (int)date_weekday(d) - (int)r->weekday;
			d = date_add_days(d, -((wd + 7) % 7));
		}
		*out = d;
		return true;
	}
	return false;
}

size_t
calendar_project(const struct calendar *cal, int year, struct holiday *out, size_t max)
{
	struct holiday tmp[HOLIDAY_RULES_MAX];
	bool moved[HOLIDAY_RULES_MAX];
	size_t n = 0, i;
	struct date d;

	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
		return 0;
	/* first the holidays that stay where they fall ... */
	for (i = 0; i < cal->nrules; i++) {
		const struct holiday_rule *r = &cal->rules[i];

		moved[i] = false;
		if (!holiday_rule_date(r, year, &d))
			continue;
		if (r->kind == HOLIDAY_FIXED && r->substitute && holiday_weekend(d)) {
			moved[i] = true;
			continue;
		}
		tmp[n].date = d;
		tmp[n].projected = true;
		holiday_copy_name(tmp[n].name, r->name, "");
		n++;
	}
	/* ... then substitute days, in rule order, on the next free weekday */
	for (i = 0; i < cal->nrules; i++) {
		if (!moved[i] || !holiday_rule_date(&cal->rules[i], year, &d))
			continue;
		while (holiday_weekend(d) || holiday_taken(tmp, n, d))
			d = date_add_days(d, 1);
		tmp[n].date = d;
		tmp[n].projected = true;
		holiday_copy_name(tmp[n].name, cal->rules[i].name, " (substitute day)");
		n++;
	}
	return holiday_give(tmp, n, out, max);
}

static bool
calendar_covers(const struct calendar *cal, int year)
{
	return cal->cover_from != 0 && year >= cal->cover_from && year <= cal->cover_to;
}

/* Index of the first listed holiday on or after d. */
static size_t
calendar_lower(const struct calendar *cal, struct date d)
{
	size_t lo = 0, hi = cal->ndays, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->days[mid].date.day < d.day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
calendar_year(const struct calendar *cal, int year, struct holiday *out, size_t max)
{
	struct holiday tmp[HOLIDAY_PER_YEAR_MAX * 2];
	struct date first;
	size_t n = 0, i, k;

	if (date_from_ymd(year, 1, 1, &first, NULL) != 0)
		return 0;
	if (!calendar_covers(cal, year))
		n = calendar_project(cal, year, tmp, HOLIDAY_PER_YEAR_MAX);
	if (n > HOLIDAY_PER_YEAR_MAX)
		n = HOLIDAY_PER_YEAR_MAX;
	for (i = calendar_lower(cal, first); i < cal->ndays; i++) {
		if (date_year(cal->days[i].date) != year || n == sizeof tmp / sizeof tmp[0])
			break;
		/* a listed date outside the covered years adds to the projection */
		for (k = 0; k < n && tmp[k].date.day != cal->days[i].date.day; k++)
			;
		tmp[k] = cal->days[i];
		if (k == n)
			n++;
	}
	return holiday_give(tmp, n, out, max);
}

/* Builds cal->fast; -1 when out of memory. */
static int
calendar_build_fast(struct calendar *cal)
{
	struct holiday year[HOLIDAY_PER_YEAR_MAX];
	struct date lo, hi;
	size_t cap = (size_t)(HOLIDAY_FAST_TO - HOLIDAY_FAST_FROM + 1) * HOLIDAY_PER_YEAR_MAX;
	size_t i, n;
	int y;

	cal->fast = malloc(cap * sizeof *cal->fast);
	if (cal->fast == NULL)
		return -1;
	cal->nfast = 0;
	for (y = HOLIDAY_FAST_FROM; y <= HOLIDAY_FAST_TO; y++) {
		n = calendar_year(cal, y, year, HOLIDAY_PER_YEAR_MAX);
		for (i = 0; i < n && i < HOLIDAY_PER_YEAR_MAX; i++)
			if (!holiday_weekend(year[i].date)) /* only these cost a working day */
				cal->fast[cal->nfast++] = year[i].date.day;
	}
	date_from_ymd(HOLIDAY_FAST_FROM, 1, 1, &lo, NULL);
	date_from_ymd(HOLIDAY_FAST_TO, 12, 31, &hi, NULL);
	cal->fast_lo = lo.day;
	cal->fast_hi = hi.day;
	return 0;
}

/* Index of the first entry of cal->fast on or after day. */
static size_t
calendar_fast_lower(const struct calendar *cal, int32_t day)
{
	size_t lo = 0, hi = cal->nfast, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->fast[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
calendar_fast_has(const struct calendar *cal, int32_t day)
{
	size_t i = calendar_fast_lower(cal, day);

	return i < cal->nfast && cal->fast[i] == day;
}

long
calendar_weekday_holidays(const struct calendar *cal, struct date a, struct date b)
{
	if (cal->fast == NULL || a.day < cal->fast_lo || b.day > cal->fast_hi || b.day < a.day)
		return -1;
	return (long)(calendar_fast_lower(cal, b.day + 1) - calendar_fast_lower(cal, a.day + 1));
}

bool
calendar_holiday(const struct calendar *cal, struct date d, struct holiday *h)
{
	struct holiday year[HOLIDAY_PER_YEAR_MAX];
	size_t i, n;
	int y;

	if (cal->fast != NULL && d.day >= cal->fast_lo && d.day <= cal->fast_hi &&
	    !calendar_fast_has(cal, d.day))
		return false;
	if (cal->fast != NULL && h == NULL && d.day >= cal->fast_lo && d.day <= cal->fast_hi)
		return true;

	i = calendar_lower(cal, d);
	if (i < cal->ndays && cal->days[i].date.day == d.day) {
		if (h != NULL)
			*h = cal->days[i];
		return true;
	}
	y = date_year(d);
	if (calendar_covers(cal, y))
		return false;
	n = calendar_project(cal, y, year, HOLIDAY_PER_YEAR_MAX);
	for (i = 0; i < n && i < HOLIDAY_PER_YEAR_MAX; i++) {
		if (year[i].date.day == d.day) {
			if (h != NULL)
				*h = year[i];
			return true;
		}
	}
	return false;
}

/* --- parsing --------------------------------------------------------------- */

struct holiday_parser {
	const char *file;
	int line;
	struct err *err;
};

static int
holiday_fail(struct holiday_parser *ps, const char *fmt, const char *arg)
{
	return err_set_at(ps->err, ps->file, (unsigned)ps->line, fmt, arg);
}

/* Splits off the next blank-separated word of *s. */
static int
holiday_set_name(struct holiday_parser *ps, char *dst, const char *name)
{
	if (*name == '\0')
		return holiday_fail(ps, "%sa holiday needs a name", "");
	if (strlen(name) >= HOLIDAY_NAME_MAX)
		return holiday_fail(ps, "name \"%.40s...\" is too long", name);
	strcpy(dst, name);
	return 0;
}

static int
holiday_parse_rule(struct holiday_parser *ps, struct calendar *cal, char *s)
{
	static const char *const nths[] = { "first", "second", "third", "fourth" };
	struct holiday_rule *r;
	char *kind = text_word(&s), *w, *end;
	long v;
	int i;

	if (cal->nrules == HOLIDAY_RULES_MAX)
		return holiday_fail(ps, "%stoo many rules", "");
	r = &cal->rules[cal->nrules];
	memset(r, 0, sizeof *r);
	if (kind == NULL)
		return holiday_fail(ps, "%srule: expected fixed, easter, first..fourth or last", "");
	if (strcmp(kind, "fixed") == 0) {
		w = text_word(&s);
		if (w == NULL || strlen(w) != 5 || w[2] != '-' ||
		    sscanf(w, "%2d-%2d", &r->month, &r->day) != 2 || r->month < 1 ||
		    r->month > 12 || r->day < 1 || r->day > date_days_in_month(2000, r->month))
			return holiday_fail(ps, "rule fixed: bad month-day \"%s\" (expected MM-DD)",
			                    w ? w : "");
		r->kind = HOLIDAY_FIXED;
		s = text_trim(s);
		if (strncmp(s, "substitute", 10) == 0 && (s[10] == ' ' || s[10] == '\t')) {
			r->substitute = true;
			s += 10;
		}
	} else if (strcmp(kind, "easter") == 0) {
		w = text_word(&s);
		if (w == NULL || (w[0] != '+' && w[0] != '-'))
			return holiday_fail(ps, "rule easter: bad offset \"%s\" (expected +N or -N)",
			                    w ? w : "");
		v = strtol(w, &end, 10);
		if (*end != '\0' || v < -60 || v > 60)
			return holiday_fail(ps, "rule easter: bad offset \"%s\"", w);
		r->kind = HOLIDAY_EASTER;
		r->offset = (int)v;
	} else {
		r->kind = HOLIDAY_NTH;
		r->nth = 0;
		for (i = 0; i < 4; i++)
			if (strcmp(kind, nths[i]) == 0)
				r->nth = i + 1;
		if (strcmp(kind, "last") == 0)
			r->nth = -1;
		if (r->nth == 0)
			return holiday_fail(ps, "unknown rule kind \"%s\"", kind);
		w = text_word(&s);
		for (i = 1; i <= 7 && w != NULL; i++) {
			char lower[16];
			size_t k;

			snprintf(lower, sizeof lower, "%s", date_weekday_name((enum weekday)i));
			for (k = 0; lower[k]; k++)
				lower[k] = (char)(lower[k] | 0x20);
			if (strcmp(w, lower) == 0)
				break;
		}
		if (w == NULL || i > 7)
			return holiday_fail(ps, "rule: bad weekday \"%s\"", w ? w : "");
		r->weekday = (enum weekday)i;
		w = text_word(&s);
		if (w == NULL || strlen(w) != 2 || (r->month = atoi(w)) < 1 || r->month > 12)
			return holiday_fail(ps, "rule: bad month \"%s\" (expected MM)", w ? w : "");
	}
	if (holiday_set_name(ps, r->name, text_trim(s)) != 0)
		return -1;
	cal->nrules++;
	return 0;
}

static int
holiday_parse_date(struct holiday_parser *ps, struct calendar *cal, char *s, size_t *cap)
{
	struct holiday *h;
	struct err derr;
	char *w = text_word(&s);
	size_t i;

	if (buf_grow(&cal->days, cap, cal->ndays + 1, sizeof *cal->days) != 0)
		return holiday_fail(ps, "%sout of memory", "");
	h = &cal->days[cal->ndays];
	memset(h, 0, sizeof *h);
	if (date_parse(w, &h->date, &derr) != 0)
		return holiday_fail(ps, "%s", derr.msg);
	if (holiday_set_name(ps, h->name, text_trim(s)) != 0)
		return -1;
	for (i = 0; i < cal->ndays; i++)
		if (cal->days[i].date.day == h->date.day)
			return holiday_fail(ps, "%s is listed twice", w);
	cal->ndays++;
	return 0;
}

static int
holiday_parse_line(struct holiday_parser *ps, struct calendar *cal, char *s, size_t *cap)
{
	char *w, *rest;
	int a, b;

	if (*s >= '0' && *s <= '9')
		return holiday_parse_date(ps, cal, s, cap);
	w = text_word(&s);
	rest = text_trim(s);
	if (strcmp(w, "rule") == 0)
		return holiday_parse_rule(ps, cal, s);
	if (strcmp(w, "calendar") == 0 || strcmp(w, "territory") == 0 || strcmp(w, "source") == 0) {
		char *dst = w[0] == 'c' ? cal->id : w[0] == 't' ? cal->territory : cal->source;
		size_t max = w[0] == 'c' ? sizeof cal->id : w[0] == 't' ? sizeof cal->territory
		                                                          : sizeof cal->source;
		if (*rest == '\0' || strlen(rest) >= max)
			return holiday_fail(ps, "%s: missing or too long", w);
		strcpy(dst, rest);
		return 0;
	}
	if (strcmp(w, "covers") == 0) {
		char extra;

		if (sscanf(rest, "%d %d %c", &a, &b, &extra) != 2 || a > b ||
		    a < DATE_MIN_YEAR || b > DATE_MAX_YEAR)
			return holiday_fail(ps, "covers: expected two years, FIRST LAST (got \"%s\")",
			                    rest);
		cal->cover_from = a;
		cal->cover_to = b;
		return 0;
	}
	return holiday_fail(ps, "unknown directive \"%s\"", w);
}

int
calendar_parse(struct calendar *cal, const char *text, size_t len, const char *file,
               struct err *err)
{
	struct holiday_parser ps = { file, 0, err };
	char line[HOLIDAY_LINE_MAX];
	size_t pos = 0, cap = 0, n;
	const char *nl;
	char *s;

	memset(cal, 0, sizeof *cal);
	while (pos < len) {
		ps.line++;
		nl = memchr(text + pos, '\n', len - pos);
		n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		if (n >= sizeof line) {
			holiday_fail(&ps, "%sline too long", "");
			goto fail;
		}
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos += n + 1;
		if (strlen(line) != n) {
			holiday_fail(&ps, "%sNUL byte in line", "");
			goto fail;
		}
		if (n > 0 && line[n - 1] == '\r')
			line[n - 1] = '\0';
		s = text_trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (holiday_parse_line(&ps, cal, s, &cap) != 0)
			goto fail;
	}
	if (cal->id[0] == '\0') {
		err_set(err, "%s: missing \"calendar NAME\" line", file);
		goto fail;
	}
	/* (qsort with a NULL base is undefined even for no elements) */
	if (cal->ndays > 1)
		qsort(cal->days, cal->ndays, sizeof cal->days[0], holiday_cmp);
	if (calendar_build_fast(cal) != 0) {
		err_set(err, "%s: out of memory", file);
		goto fail;
	}
	return 0;
fail:
	calendar_free(cal);
	return -1;
}

void
calendar_free(struct calendar *cal)
{
	free(cal->days);
	free(cal->fast);
	cal->days = NULL;
	cal->fast = NULL;
	cal->ndays = cal->nfast = 0;
}

/* --- changing a calendar ----------------------------------------------------- */

int
calendar_list_add(struct calendar *cal, struct date d, const char *name, struct err *err)
{
	struct holiday *nd;
	size_t i;

	if (name[0] == '\0' || strlen(name) >= HOLIDAY_NAME_MAX)
		return err_set(err, "a holiday's name is 1 to %d bytes", HOLIDAY_NAME_MAX - 1);
	for (i = 0; name[i] != '\0'; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return err_set(err, "a holiday's name is one line of text");
	for (i = 0; i < cal->ndays; i++)
		if (cal->days[i].date.day == d.day)
			return err_set(err, "already listed");
	if ((nd = realloc(cal->days, (cal->ndays + 1) * sizeof *nd)) == NULL)
		return err_set(err, "out of memory");
	cal->days = nd;
	for (i = cal->ndays; i > 0 && cal->days[i - 1].date.day > d.day; i--)
		cal->days[i] = cal->days[i - 1];
	memset(&cal->days[i], 0, sizeof cal->days[i]);
	cal->days[i].date = d;
	snprintf(cal->days[i].name, sizeof cal->days[i].name, "%s", name);
	cal->ndays++;
	return 0;
}

bool
calendar_list_remove(struct calendar *cal, struct date d)
{
	size_t i;

	for (i = 0; i < cal->ndays && cal->days[i].date.day != d.day; i++)
		;
	if (i == cal->ndays)
		return false;
	memmove(&cal->days[i], &cal->days[i + 1], (cal->ndays - i - 1) * sizeof cal->days[0]);
	cal->ndays--;
	return true;
}

/* Appends to a growing text; false when out of memory. */
static bool
holiday_put(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(*buf ? *buf + *len : NULL, *buf ? *cap - *len : 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			return false;
		if (*buf != NULL && *len + (size_t)n < *cap) {
			*len += (size_t)n;
			return true;
		}
		{
			size_t ncap = (*cap ? *cap * 2 : 4096) + (size_t)n;
			char *nb = realloc(*buf, ncap);

			if (nb == NULL)
				return false;
			*buf = nb;
			*cap = ncap;
		}
	}
}

char *
calendar_text(const struct calendar *cal, const char *comment, size_t *len)
{
	static const char *const nths[] = { "last", "first", "second", "third", "fourth" };
	char *buf = NULL, day[DATE_STRLEN], wd[16];
	size_t cap = 0, i, k;
	bool ok;

	*len = 0;
	ok = holiday_put(&buf, len, &cap, "# %s\n\ncalendar   %s\n", comment, cal->id);
	if (ok && cal->territory[0])
		ok = holiday_put(&buf, len, &cap, "territory  %s\n", cal->territory);
	if (ok && cal->source[0])
		ok = holiday_put(&buf, len, &cap, "source     %s\n", cal->source);
	if (ok && cal->cover_from != 0)
		ok = holiday_put(&buf, len, &cap, "covers     %d %d\n", cal->cover_from, cal->cover_to);
	ok = ok && holiday_put(&buf, len, &cap, "\n");
	for (i = 0; ok && i < cal->nrules; i++) {
		const struct holiday_rule *r = &cal->rules[i];

		switch (r->kind) {
		case HOLIDAY_FIXED:
			ok = holiday_put(&buf, len, &cap, "rule fixed %02d-%02d %s%s\n", r->month, r->day,
			                 r->substitute ? "substitute " : "", r->name);
			break;
		case HOLIDAY_EASTER:
			ok = holiday_put(&buf, len, &cap, "rule easter %+d %s\n", r->offset, r->name);
			break;
		case HOLIDAY_NTH:
			snprintf(wd, sizeof wd, "%s", date_weekday_name(r->weekday));
			for (k = 0; wd[k]; k++)
				wd[k] = (char)(wd[k] | 0x20);
			ok = holiday_put(&buf, len, &cap, "rule %s %s %02d %s\n",
			                 nths[r->nth < 0 ? 0 : r->nth], wd, r->month, r->name);
			break;
		}
	}
	ok = ok && holiday_put(&buf, len, &cap, "\n");
	for (i = 0; ok && i < cal->ndays; i++)
		ok = holiday_put(&buf, len, &cap, "%s  %s\n", date_format(cal->days[i].date, day),
		                 cal->days[i].name);
	if (!ok) {
		free(buf);
		*len = 0;
		return NULL;
	}
	return buf;
}

int
calendar_list_years(struct calendar *cal, int from, int to, const struct holiday *days, size_t n,
                    struct err *err)
{
	size_t i, k = 0;

	for (i = 0; i < cal->ndays; i++) {
		int y = date_year(cal->days[i].date);

		if (y < from || y > to)
			cal->days[k++] = cal->days[i];
	}
	cal->ndays = k;
	for (i = 0; i < n; i++)
		if (calendar_list_add(cal, days[i].date, days[i].name, err) != 0)
			return -1;
	/* listed years next to or within the covered ones are covered now: their
	 * dates stop being projected */
	if (cal->cover_from == 0) {
		cal->cover_from = from;
		cal->cover_to = to;
	} else if (from <= cal->cover_to + 1 && to >= cal->cover_from - 1) {
		if (from < cal->cover_from)
			cal->cover_from = from;
		if (to > cal->cover_to)
			cal->cover_to = to;
	}
	return 0;
}
