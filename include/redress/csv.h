/* csv.h - comma-separated values as RFC 4180 has them: fields separated by
 * commas, records by CRLF (or a bare LF), a field in double quotes may hold
 * commas, line breaks and doubled quotes.  A UTF-8 byte-order mark at the
 * start is skipped; a CRLF inside a quoted field is read as LF.  Pure: the caller reads the file and writes the output.
 *
 * Reading is record by record from a buffer the caller keeps; each
 * record's fields are decoded into the reader's own buffer and stay valid
 * until the next csv_read() or csv_end(). */
#ifndef REDRESS_CSV_H
#define REDRESS_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/err.h"

#define CSV_FIELDS_MAX 128

struct csv_reader {
	const char *p, *end;
	size_t line;           /* the line the next record starts on (1-based) */
	char *buf;             /* decoded fields, NUL-terminated, owned */
	size_t cap;
	char *fields[CSV_FIELDS_MAX];  /* into buf: the caller may change them */
	size_t nfields;
	size_t record_line;    /* the line the record just read started on */
};

void csv_begin(struct csv_reader *r, const char *text, size_t len);
void csv_end(struct csv_reader *r);

/* Reads the next record into r->fields / r->nfields (r->record_line is where
 * it began).  Returns 1 with a record, 0 at the end, -1 when the record is
 * malformed (the message names its line; the reader has skipped to the next
 * line, so the caller may go on to find every bad record), -2 when memory
 * runs out or the rest of the text cannot be read (an unclosed quote).
 * A wholly empty line is skipped, not returned as a record. */
int csv_read(struct csv_reader *r, struct err *err);

/* Whether a spreadsheet would take field s for a formula: it starts with
 * = + @ tab or CR, or with - and then not a number.  csv_read takes the
 * apostrophe off a field that starts with one and then looks like this. */
bool csv_formula_like(const char *s);
/* Whether csv_quote puts an apostrophe before s: it looks like a formula
 * after any apostrophes it starts with. */
bool csv_needs_guard(const char *s);

/* Writes field s as a CSV field into out (size n, NUL-terminated): quoted
 * when it holds a comma, a quote, a line break, or leading or trailing
 * blanks; with an apostrophe before a field a spreadsheet would take for a
 * formula (csv_needs_guard), which csv_read takes off, so that it gives
 * back what was written.
 * Returns the length the whole would need (as snprintf). */
size_t csv_quote(const char *s, char *out, size_t n);

#endif
