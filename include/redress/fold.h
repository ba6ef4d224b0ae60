/* fold.h - text folded for searching: case and marks set aside, so that
 * "nguyen" finds "Nguyễn", "zoe" finds "Zoë" and "orsted" finds "Ørsted".
 * Pure: a small table, no locale. */
#ifndef REDRESS_FOLD_H
#define REDRESS_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Writes into out (size n >= 1, always NUL-terminated) the folded form of
 * in: ASCII, Latin-1, Latin Extended-A, Romanian and Vietnamese letters
 * lower-cased and stripped of their marks (ø o, æ ae, œ oe, ß ss, ł l,
 * đ d, þ th), combining marks dropped, Greek and Cyrillic capitals
 * lower-cased, anything else (and malformed bytes) kept as it is.  Cut on
 * a character boundary.  Returns the length written. */
size_t fold_text(const char *in, char *out, size_t n);

/* Whether the folded form of hay contains needle, which is already folded
 * (an empty needle is in everything).  Needs no buffer. */
bool fold_contains(const char *hay, const char *folded_needle);

#endif
