/* text.h - untrusted text made safe to show.
 *
 * Data typed by the public (names, notes, anything from a file) never reaches
 * a terminal or a log raw: C0 and C1 controls, DEL, bidi overrides, zero-width
 * characters and malformed UTF-8 are rewritten as visible escapes. */
#ifndef REDRESS_TEXT_H
#define REDRESS_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Writes into out (size outlen >= 1, always NUL-terminated) a copy of in in
 * which every unsafe character is shown as an escape: "\n", "\t", "\x1b",
 * "<U+202E>", and each byte of malformed UTF-8 as "\xNN"; a backslash is
 * doubled so that no text can imitate an escape.  Truncates on a
 * character boundary.  Returns the length the full result would have had. */
size_t text_visible(const char *in, char *out, size_t outlen);

/* Whether the code point must never reach a terminal as itself. */
int text_unsafe_codepoint(uint32_t cp);

/* Decodes one UTF-8 character at s (n bytes available).  Returns its length
 * (1-4) and sets *cp, or returns 0 for a malformed or truncated sequence. */
int text_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encodes code point cp (below 0x110000) as UTF-8 into out; its length. */
size_t text_utf8_encode(uint32_t cp, char out[4]);

/* Splits the next word (separated by blanks) off *s, NUL-terminating it in
 * place and advancing *s past it; NULL when only blanks remain. */
char *text_word(char **s);
/* Trims blanks from both ends of s, in place; returns the new start. */
char *text_trim(char *s);
/* A table looked up by name: the first of n items (size bytes each, from
 * items) whose name is name, or NULL.  The name is a string at offset off
 * of the item: a char array (text_find) or a const char * (text_find_ptr). */
const void *text_find(const void *items, size_t n, size_t size, size_t off, const char *name);
const void *text_find_ptr(const void *items, size_t n, size_t size, size_t off,
                          const char *name);
/* Wipes the n bytes of s (names, a case's text, a letter), then frees it;
 * nothing for NULL. */
void text_free_wiped(char *s, size_t n);

#endif
