/* demo.h - the demo generator (demo.c).
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err). */
#ifndef REDRESS_DEMO_H
#define REDRESS_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

/* Fills the book with n synthetic cases (made-up people) received over the
 * three years before today, every route, stage, path and outcome among
 * them; many per transaction.  For newcomers and benchmarks. */
int book_demo_fill(struct book *b, size_t n, unsigned seed, struct err *err);

#endif
