/* export.h - every case as CSV (export.c).  Each line is the book's,
 * valid only during the call to line().
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 *
 * line() runs inside the book's read transaction: it must not block (write
 * to memory or a file, never wait for a person or a pipe) and must not
 * call back into the book. */
#ifndef REDRESS_EXPORT_H
#define REDRESS_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

/* Every case as CSV in the import's columns, a line (with its CRLF) at a
 * time to line(), which returns non-zero to stop.  With names (the data
 * key needed), identity and sealed text, and the disclosure is first
 * recorded in the audit chain; without, pseudonyms and no sealed text. */
int book_export_csv(struct book *b, bool names, int (*line)(const char *s, size_t n, void *ctx),
                    void *ctx, size_t *count, struct err *err);

#endif
