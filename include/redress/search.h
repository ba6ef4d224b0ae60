/* search.h - the client's / in the notes of the timeline (search.c).
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err). */
#ifndef REDRESS_SEARCH_H
#define REDRESS_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

/* The ids of the cases with a note on their timeline whose text, folded
 * (fold.h), contains folded: each note opened, compared and wiped in turn,
 * inside one read transaction that waits for nothing; notes no key held
 * opens are passed over.  In case order, in a new array the caller frees.
 * Needs the data key (BOOK_EDENIED without). */
int book_notes_find(struct book *b, const char *folded, uint64_t **ids, size_t *n,
                    struct err *err);

#endif
