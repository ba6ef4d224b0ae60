/* bankholidays.c - GOV.UK's bank-holidays.json read as the book's next
 * calendar: one division's events checked (the line or event at fault),
 * the years they list put in place of the book's, and each day that changes
 * said, for `holidays import` and the admin screen alike (book-versions.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/book-versions.h"
#include "redress/json.h"

#define BANKHOL_FILE_MAX (4L * 1024 * 1024)

/* The file whole (malloc'd, NUL-terminated). */
static int
bankhol_read(const char *path, char **buf, size_t *len, struct err *err)
{
	FILE *f = fopen(path, "rb");
	long n;

	*buf = NULL;
	if (f == NULL) {
		int e = errno;

		err_set(err, "%s: %s", path, strerror(e));
		return e == ENOENT || e == ENOTDIR ? BOOK_EUSAGE : BOOK_EFAIL;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return err_set(err, "%s: not a file", path), BOOK_EUSAGE;
	}
	if (n > BANKHOL_FILE_MAX) {
		fclose(f);
		return err_set(err, "%s is larger than 4 MiB", path), BOOK_EUSAGE;
	}
	if ((*buf = malloc((size_t)n + 1)) == NULL) {
		fclose(f);
		return err_set(err, "out of memory");
	}
	*len = fread(*buf, 1, (size_t)n, f);
	if (ferror(f) || *len != (size_t)n) {
		fclose(f);
		free(*buf);
		*buf = NULL;
		return err_set(err, "%s: cannot be read", path);
	}
	fclose(f);
	(*buf)[n] = '\0';
	return 0;
}

/* The division's events as holidays (malloc'd, with room for as many
 * again), the years they span; BOOK_EUSAGE naming the line or event at
 * fault. */
static int
bankhol_events(const char *path, const struct json *root, const char *division,
               struct holiday **out, size_t *n, int *from, int *to, struct err *err)
{
	const struct json *div, *ev, *e, *title, *date, *notes;
	struct holiday *days;
	char name[HOLIDAY_NAME_MAX * 2];
	size_t i;
	int y;

	*out = NULL;
	*n = 0;
	if (root->type != JSON_OBJECT)
		return err_set(err, "%s:%d: expected an object of divisions, found %s", path,
		               root->line, json_type_name(root->type)), BOOK_EUSAGE;
	if ((div = json_member(root, division)) == NULL)
		return err_set(err, "%s: no division \"%s\" in the file", path, division), BOOK_EUSAGE;
	if (div->type != JSON_OBJECT || (ev = json_member(div, "events")) == NULL ||
	    ev->type != JSON_ARRAY)
		return err_set(err, "%s:%d: division \"%s\": expected an object with an \"events\" "
		               "array", path, div->line, division), BOOK_EUSAGE;
	if (ev->n == 0)
		return err_set(err, "%s:%d: division \"%s\" lists no events", path, ev->line,
		               division), BOOK_EUSAGE;
	if ((days = calloc(2 * ev->n, sizeof *days)) == NULL)
		return err_set(err, "out of memory");
	for (i = 0; i < ev->n; i++) {
		e = &ev->kids[i];
		title = json_member(e, "title");
		date = json_member(e, "date");
		notes = json_member(e, "notes");
		if (e->type != JSON_OBJECT || title == NULL || title->type != JSON_STRING ||
		    date == NULL || date->type != JSON_STRING ||
		    (notes != NULL && notes->type != JSON_STRING)) {
			free(days);
			return err_set(err, "%s:%d: event %zu: expected an object with a \"title\" and a "
			               "\"date\" (strings)", path, e->line, i + 1), BOOK_EUSAGE;
		}
		if (strlen(date->text) != 10 || date_parse(date->text, &days[i].date, NULL) != 0) {
			free(days);
			return err_set(err, "%s:%d: event %zu: bad date \"%.40s\"", path, date->line,
			               i + 1, date->text), BOOK_EUSAGE;
		}
		/* "Boxing Day (substitute day)", as the shipped calendar names it */
		if (notes != NULL && notes->text[0] != '\0')
			snprintf(name, sizeof name, "%s (%c%s)", title->text,
			         notes->text[0] >= 'A' && notes->text[0] <= 'Z' ? notes->text[0] | 0x20
			                                                        : notes->text[0],
			         notes->text + 1);
		else
			snprintf(name, sizeof name, "%s", title->text);
		if (name[0] == '\0' || strlen(name) >= HOLIDAY_NAME_MAX ||
		    strcspn(name, "\n\r\t") != strlen(name)) {
			free(days);
			return err_set(err, "%s:%d: event %zu: the title must be one line of 1 to %d "
			               "bytes", path, title->line, i + 1, HOLIDAY_NAME_MAX - 1),
			       BOOK_EUSAGE;
		}
		memcpy(days[i].name, name, strlen(name) + 1); /* checked shorter above */
		y = date_year(days[i].date);
		if (i == 0 || y < *from)
			*from = y;
		if (i == 0 || y > *to)
			*to = y;
	}
	*out = days;
	*n = ev->n;
	return 0;
}

static int
bankhol_change(struct book_holidays_file *f, size_t *cap, char sign, const struct holiday *h)
{
	struct book_day_change *c;

	if (f->nchanges == *cap) {
		size_t ncap = *cap ? 2 * *cap : 16;

		if ((c = realloc(f->changes, ncap * sizeof *c)) == NULL)
			return -1;
		f->changes = c;
		*cap = ncap;
	}
	c = &f->changes[f->nchanges++];
	c->sign = sign;
	c->date = h->date;
	memcpy(c->name, h->name, sizeof c->name);
	c->projected = h->projected;
	return 0;
}

/* The days of year y that differ between old and new: "-" taken off, "+"
 * added, "=" listed now where old projected it or named it otherwise. */
static int
bankhol_diff_year(struct book_holidays_file *f, size_t *cap, const struct calendar *old,
                  const struct calendar *new, int y)
{
	struct holiday a[HOLIDAY_PER_YEAR_MAX], b[HOLIDAY_PER_YEAR_MAX];
	size_t na, nb, i, j;

	na = calendar_year(old, y, a, HOLIDAY_PER_YEAR_MAX);
	nb = calendar_year(new, y, b, HOLIDAY_PER_YEAR_MAX);
	na = na < HOLIDAY_PER_YEAR_MAX ? na : HOLIDAY_PER_YEAR_MAX;
	nb = nb < HOLIDAY_PER_YEAR_MAX ? nb : HOLIDAY_PER_YEAR_MAX;
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb && b[j].date.day != a[i].date.day; j++)
			;
		if (j == nb && bankhol_change(f, cap, '-', &a[i]) != 0)
			return -1;
	}
	for (j = 0; j < nb; j++) {
		for (i = 0; i < na && a[i].date.day != b[j].date.day; i++)
			;
		if (i < na && !a[i].projected && strcmp(a[i].name, b[j].name) == 0)
			continue;
		if (bankhol_change(f, cap, i == na ? '+' : '=', &b[j]) != 0)
			return -1;
	}
	return 0;
}

void
book_holidays_file_free(struct book_holidays_file *f)
{
	if (f->cal != NULL)
		calendar_free(f->cal);
	free(f->cal);
	free(f->changes);
	memset(f, 0, sizeof *f);
}

int
book_holidays_file_read(struct book *b, const char *path, const char *division,
                        struct book_holidays_file *f, struct err *err)
{
	struct calendar copy, *merged = NULL;
	struct holiday *days = NULL;
	struct json *root = NULL;
	char *text = NULL, *mtext = NULL;
	size_t len = 0, n = 0, mlen, cap = 0, k, m;
	int rc, y;
	bool have_copy = false;

	memset(f, 0, sizeof *f);
	if ((rc = bankhol_read(path, &text, &len, err)) != 0)
		return rc;
	if (json_parse(text, len, &root, err) != 0) {
		/* "line N: what": the file's name in front, as FILE:N: what */
		char msg[ERR_MAX];

		snprintf(msg, sizeof msg, "%s", err->msg + (strncmp(err->msg, "line ", 5) == 0 ? 5 : 0));
		rc = (err_set(err, "%s:%s", path, msg), BOOK_EUSAGE);
		goto out;
	}
	rc = -1;
	if (book_calendar_copy(b, &copy, &f->base, err) != 0)
		goto out;
	have_copy = true;
	snprintf(f->division, sizeof f->division, "%s", division != NULL ? division : copy.id);
	if ((rc = bankhol_events(path, root, f->division, &days, &n, &f->from, &f->to, err)) != 0)
		goto out;
	/* each year the file lists replaces the book's list of that year */
	for (y = f->from; y <= f->to; y++) {
		for (k = 0, m = 0; k < n; k++)
			if (date_year(days[k].date) == y)
				days[n + m++] = days[k];
		if (m > 0 && calendar_list_years(&copy, y, y, days + n, m, err) != 0) {
			char msg[ERR_MAX];

			snprintf(msg, sizeof msg, "%s", err->msg);
			rc = (err_set(err, "%s: %s", path, msg), BOOK_EUSAGE);
			goto out;
		}
	}
	/* the merged calendar read back, with its lookup table */
	rc = -1;
	if ((mtext = calendar_text(&copy, "merged", &mlen)) == NULL ||
	    (merged = calloc(1, sizeof *merged)) == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	if (calendar_parse(merged, mtext, mlen, path, err) != 0) {
		free(merged);
		merged = NULL;
		rc = BOOK_EUSAGE;
		goto out;
	}
	f->cal = merged;
	{
		struct calendar now;
		unsigned v;

		if (book_calendar_copy(b, &now, &v, err) != 0)
			goto out;
		for (y = f->from; y <= f->to; y++) {
			for (k = 0; k < n && date_year(days[k].date) != y; k++)
				;
			if (k < n && bankhol_diff_year(f, &cap, &now, f->cal, y) != 0) {
				calendar_free(&now);
				err_set(err, "out of memory");
				goto out;
			}
		}
		calendar_free(&now);
	}
	f->ndays = n;
	snprintf(f->what, sizeof f->what, "%.60s %s %d-%d: %zu days", path, f->division, f->from,
	         f->to, n);
	rc = 0;
out:
	if (rc != 0)
		book_holidays_file_free(f);
	if (have_copy)
		calendar_free(&copy);
	free(mtext);
	free(days);
	json_free(root);
	free(text);
	return rc;
}

int
book_holidays_import(struct book *b, const struct book_holidays_file *f, bool dry,
                     struct book_recompute *out, struct err *err)
{
	return (dry ? book_calendar_preview : book_calendar_change)(b, f->cal, f->base,
	                                                            "calendar.import", f->what, out,
	                                                            err);
}
