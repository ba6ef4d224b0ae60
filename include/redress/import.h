/* import.h - cases from a spreadsheet (import.c, in the columns of
 * columns.c).  csv is borrowed for the call.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 * bad() is called after the check pass, outside any transaction; it
 * must not call back into the book. */
#ifndef REDRESS_IMPORT_H
#define REDRESS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

/* Cases from a spreadsheet's CSV export (the columns are in redress(1)).
 * Every row is checked first: the columns, dates, vocabularies, names, and
 * each step against the workflow; references once in the file and not in
 * the book.  If any row is bad, bad() is called for each (by line) and
 * BOOK_EUSAGE returned with the book unchanged.  Otherwise, unless
 * check_only, every case is written in one transaction, each with an
 * audit entry, and *imported says how many. */
int book_case_import(struct book *b, const char *csv, size_t len, bool check_only,
                     int (*bad)(size_t line, const char *why, void *ctx), void *ctx,
                     size_t *imported, struct err *err);

#endif
