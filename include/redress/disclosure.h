/* disclosure.h - what the book discloses (disclosure.c): the audit entry
 * that records an export of identity, and for a subject access request,
 * who it is about and every case they are party to.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err). */
#ifndef REDRESS_DISCLOSURE_H
#define REDRESS_DISCLOSURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

#include "redress/case.h"

/* Records in the audit chain that identity left the book (an export):
 * needs the data key and a book open for writing. */
int book_disclosure(struct book *b, const char *action, const char *record, const char *fields,
                    struct err *err);

/* Who a subject access request is about: the people named exactly (dob
 * narrows), or, when subject is a case reference, every party to it.  At
 * most max ids; *by_ref says which it was.  Needs the data key. */
int book_subject_people(struct book *b, const char *subject, const char *dob, uint64_t *ids,
                        size_t max, size_t *n, bool *by_ref, struct err *err);

/* The references of every case person is a party to, in case order, in a
 * new array the caller frees. */
int book_person_cases(struct book *b, uint64_t person, char (**refs)[BOOK_REF_MAX], size_t *n,
                      struct err *err);

#endif
