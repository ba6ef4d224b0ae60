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

/* Search tokens: the words of folded text (fold_text's output) are its runs
 * of ASCII letters and digits and of characters beyond ASCII; anything else
 * separates them ("O'Neill-Ng" is "o", "neill", "ng").  A word's prefixes
 * of FOLD_PREFIX_MIN to FOLD_PREFIX_MAX characters are tokens too when
 * prefixes is set (names: "wis" finds "Wiśniewska"). */
#define FOLD_PREFIX_MIN 3
#define FOLD_PREFIX_MAX 24

/* Writes the tokens of folded into out (n bytes), each NUL-terminated, one
 * after another: each word, then (with prefixes) its shorter prefixes.
 * Repeats are written as often as they occur.  Returns how many; a token
 * that does not fit is left out, and with it all that follow. */
size_t fold_tokens(const char *folded, bool prefixes, char *out, size_t n);

/* The room fold_tokens needs for folded text of len bytes. */
size_t fold_tokens_room(size_t len, bool prefixes);

#endif
