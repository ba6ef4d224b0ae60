/* draft.h - a person's unsaved forms (drafts.c).  Text is copied into the
 * caller's buffer.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err). */
#ifndef REDRESS_DRAFT_H
#define REDRESS_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;

/* A person's unsaved form (a dropped SSH link, an idle lock), sealed and kept
 * in the book under their uid and a key such as "CSC-2026-0042/note" until
 * they resume or discard it: one per person, case and form, saved over.
 * Needs the data key.  Drafts are not changes to a record: they make no
 * audit entry.  A bad key is BOOK_EUSAGE.  load copies the draft into out
 * (n bytes) and sets *found; with no draft (or no data key held), *found is
 * false, out is "" and it returns 0. */
int book_draft_save(struct book *b, const char *key, const char *text, struct err *err);
int book_draft_load(struct book *b, const char *key, char *out, size_t n, bool *found,
                    struct err *err);
int book_draft_drop(struct book *b, const char *key, struct err *err);
/* The keys of the person's drafts, ", " between them, as many as fit in out
 * (n bytes), and in *count how many there are.  No key needed. */
int book_draft_list(struct book *b, char *out, size_t n, size_t *count, struct err *err);

#endif
