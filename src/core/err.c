/* err.c - filling in the one-line message of a struct err. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "redress/err.h"

int
err_set(struct err *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_set_at(struct err *err, const char *file, unsigned line, const char *fmt, ...)
{
	char msg[ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(err, "%s:%u: %s", file, line, msg);
}

int
err_prefix(struct err *err, const char *fmt, ...)
{
	char prefix[ERR_MAX], old[ERR_MAX];
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	/* truncation is acceptable: the start of a message says the most */
	if (snprintf(err->msg, sizeof err->msg, "%s: %s", prefix, old) >= (int)sizeof err->msg)
		err->msg[sizeof err->msg - 1] = '\0';
	return -1;
}
