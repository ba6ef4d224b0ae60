/* err.h - one message for the person, carried up from any layer.
 *
 * Functions that can fail take a `struct err *` (which may be NULL when the
 * caller does not want the message) and return -1 (or a negative module code)
 * after filling it in.  The message is one line, without a trailing newline,
 * and may hold untrusted text: print it through text_visible() (text.h). */
#ifndef REDRESS_ERR_H
#define REDRESS_ERR_H

#define ERR_MAX 512

struct err {
	char msg[ERR_MAX];
};

/* Formats the message into err (when not NULL) and returns -1. */
int err_set(struct err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* err_set for a parser: "FILE:LINE: message".  Returns -1. */
int err_set_at(struct err *err, const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Prefixes an existing message: "prefix: old message".  Returns -1. */
int err_prefix(struct err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
