/* csv.c - RFC 4180 records, read one at a time with their line numbers,
 * and fields quoted for writing. */
#include <stdlib.h>
#include <string.h>

#include "redress/csv.h"

void
csv_begin(struct csv_reader *r, const char *text, size_t len)
{
	memset(r, 0, sizeof *r);
	r->p = text;
	r->end = text + len;
	r->line = 1;
	/* spreadsheets write a byte-order mark before UTF-8 */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
}

void
csv_end(struct csv_reader *r)
{
	if (r->buf != NULL)
		memset(r->buf, 0, r->cap); /* the fields may be names */
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}

static int
csv_put(struct csv_reader *r, size_t *o, char c)
{
	if (*o + 1 >= r->cap) {
		size_t cap = r->cap < 4096 ? 4096 : r->cap * 2;
		char *nb = malloc(cap);

		if (nb == NULL)
			return -1;
		if (r->buf != NULL) {
			memcpy(nb, r->buf, *o);
			memset(r->buf, 0, r->cap);
			free(r->buf);
		}
		r->buf = nb;
		r->cap = cap;
	}
	r->buf[(*o)++] = c;
	return 0;
}

/* After a malformed record: on to the next line. */
static int
csv_skip(struct csv_reader *r)
{
	while (r->p < r->end && *r->p != '\n')
		r->p++;
	if (r->p < r->end) {
		r->p++;
		r->line++;
	}
	return -1;
}

int
csv_read(struct csv_reader *r, struct err *err)
{
	size_t offs[CSV_FIELDS_MAX], o = 0, i;
	const char *p;

	/* blank lines are not records */
	for (;;) {
		if (r->p < r->end && *r->p == '\n') {
			r->p++;
			r->line++;
		} else if (r->end - r->p >= 2 && r->p[0] == '\r' && r->p[1] == '\n') {
			r->p += 2;
			r->line++;
		} else
			break;
	}
	if (r->p >= r->end)
		return 0;
	r->record_line = r->line;
	r->nfields = 0;
	for (;;) {
		if (r->nfields == CSV_FIELDS_MAX) {
			err_set(err, "line %zu: more than %d fields", r->record_line, CSV_FIELDS_MAX);
			return csv_skip(r);
		}
		offs[r->nfields] = o;
		p = r->p;
		if (p < r->end && *p == '"') {
			p++;
			for (;;) {
				if (p >= r->end) {
					r->p = p;
					return err_set(err, "line %zu: a quoted field is not closed (the rest "
					               "of the file is inside it)", r->record_line), -2;
				}
				if (*p == '"') {
					if (p + 1 < r->end && p[1] == '"') {
						if (csv_put(r, &o, '"') != 0)
							return err_set(err, "out of memory"), -2;
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if (*p == '\0') {
					r->p = p;
					err_set(err, "line %zu: a NUL byte in field %zu", r->line, r->nfields + 1);
					return csv_skip(r);
				}
				if (*p == '\r' && p + 1 < r->end && p[1] == '\n')
					p++; /* a line break in a cell is kept as LF alone */
				if (*p == '\n')
					r->line++;
				if (csv_put(r, &o, *p++) != 0)
					return err_set(err, "out of memory"), -2;
			}
			if (p < r->end && *p != ',' && *p != '\n' &&
			    !(*p == '\r' && p + 1 < r->end && p[1] == '\n')) {
				r->p = p;
				err_set(err, "line %zu: text after the closing quote of field %zu", r->line,
				        r->nfields + 1);
				return csv_skip(r);
			}
		} else {
			while (p < r->end && *p != ',' && *p != '\n' &&
			       !(*p == '\r' && p + 1 < r->end && p[1] == '\n')) {
				if (*p == '"' || *p == '\0') {
					r->p = p;
					err_set(err, *p == '"' ? "line %zu: a quote inside field %zu, which is "
					        "not quoted (quote the whole field and double the quote)"
					        : "line %zu: a NUL byte in field %zu", r->line, r->nfields + 1);
					return csv_skip(r);
				}
				if (csv_put(r, &o, *p++) != 0)
					return err_set(err, "out of memory"), -2;
			}
		}
		if (csv_put(r, &o, '\0') != 0)
			return err_set(err, "out of memory"), -2;
		r->nfields++;
		if (p >= r->end) {
			r->p = p;
			break;
		}
		if (*p == ',') {
			r->p = p + 1;
			continue;
		}
		r->p = p + (*p == '\r' ? 2 : 1);
		r->line++;
		break;
	}
	for (i = 0; i < r->nfields; i++) {
		r->fields[i] = r->buf + offs[i];
		/* the guard csv_quote puts before a formula comes off again */
		if (r->fields[i][0] == '\'' && csv_needs_guard(r->fields[i] + 1))
			r->fields[i]++;
	}
	return 1;
}

bool
csv_needs_guard(const char *s)
{
	/* apostrophes, then what looks like a formula: one more apostrophe
	 * keeps the text as it was through a read */
	while (*s == '\'')
		s++;
	return csv_formula_like(s);
}

bool
csv_formula_like(const char *s)
{
	switch (s[0]) {
	case '=':
	case '+':
	case '@':
	case '\t':
	case '\r':
		return true;
	case '-':
		/* -5 and a lone - are not formulas; -A1+1 and -cmd| are */
		return s[1] != '\0' && !(s[1] >= '0' && s[1] <= '9') && s[1] != '.';
	default:
		return false;
	}
}

size_t
csv_quote(const char *s, char *out, size_t n)
{
	size_t len = strlen(s), k = 0, i;
	int quote = len > 0 && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	                        s[len - 1] == '\t');
	bool guard = csv_needs_guard(s);

	if (strpbrk(s, ",\"\r\n") != NULL)
		quote = 1;
#define CSV_OUT(c) do { if (k + 1 < n) out[k] = (c); k++; } while (0)
	if (quote)
		CSV_OUT('"');
	/* a spreadsheet would run "=..." as a formula: an apostrophe before it
	 * makes it text, and csv_read takes it off again */
	if (guard)
		CSV_OUT('\'');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			CSV_OUT('"');
		CSV_OUT(s[i]);
	}
	if (quote)
		CSV_OUT('"');
#undef CSV_OUT
	if (n > 0)
		out[k < n ? k : n - 1] = '\0';
	return k;
}
