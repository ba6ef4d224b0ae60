/* restrict.h - restricted cases: a complaint about a member of staff's
 * relative, a foster carer, a sensitive adoption.  A manager or admin
 * restricts a case to named logins; everyone else, even holding the data
 * key, sees its people as pseudonyms and none of its sealed text, as a
 * user without the key does, and the case marked "restricted".  Imposing
 * and lifting are audited (case.restrict, case.unrestrict). */
#ifndef REDRESS_RESTRICT_H
#define REDRESS_RESTRICT_H

#include "redress/book.h"

/* Restricts case ref to the logins in to (comma-separated), replacing any
 * restriction before; to NULL lifts it (refused when there is none).
 * Managers and admins. */
int book_case_restrict(struct book *b, const char *ref, const char *to, struct err *err);

/* Whether case ref is restricted (*to: its logins, ", " between them, or
 * ""), and whether the person is one of them (*allowed; true when not
 * restricted). */
int book_case_restriction(struct book *b, const char *ref, char *to, size_t n, bool *allowed,
                          struct err *err);

#endif
