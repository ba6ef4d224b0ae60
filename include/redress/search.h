/* search.h - the client's / (search.c): the cases a search finds by the
 * names of their parties and the words of their notes, through the book's
 * search index, which holds keyed hashes of words and no plaintext.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err). */
#ifndef REDRESS_SEARCH_H
#define REDRESS_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

#define BOOK_SEARCH_MAX 256 /* bytes of a search */

/* The ids of the cases that query finds, sorted, in a new array the caller
 * frees: for anyone, those whose reference or team contains query
 * (folded, fold.h; the team through the index); for a user who holds the
 * data key, those to which a person is party whose name has every word of
 * query, each the whole of a word of the name or, from 3 to 24
 * characters, its start ("wis", "hoa", "zoe adeyemi"), and those with a
 * note holding every word of query, whole; names and notes of cases
 * restricted away from this user are not searched.  For anyone, "P-0042"
 * (a person's pseudonym) finds that person's cases, and "C-0042" those
 * where they are the child.  Opens no sealed field, and so records no
 * read.  The index of a book made before it is built here, once, by the
 * first user who holds the key and may change cases; until then, with the
 * key, BOOK_EDENIED saying so, with the cases found by reference in *ids
 * all the same.  *people (NULL: not wanted) is how many people the names
 * found, party to a case or not. */
int book_search_cases(struct book *b, const char *query, uint64_t **ids, size_t *n,
                      size_t *people, struct err *err);

#endif
