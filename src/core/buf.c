/* buf.c - growing memory (see buf.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"

int
buf_grow(void *listp, size_t *cap, size_t want, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *list, *p;

	if (want <= *cap)
		return 0;
	while (n < want) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (size == 0 || n > SIZE_MAX / size)
		return -1;
	memcpy(&list, listp, sizeof list);
	if ((p = realloc(list, n * size)) == NULL)
		return -1;
	memcpy(listp, &p, sizeof p);
	*cap = n;
	return 0;
}

bool
buf_reserve(struct buf *b, size_t more)
{
	if (b->oom)
		return false;
	if (more > SIZE_MAX - b->len - 1 || buf_grow(&b->p, &b->cap, b->len + more + 1, 1) != 0) {
		b->oom = true;
		return false;
	}
	return true;
}

void
buf_append(struct buf *b, const void *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	if (n > 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (!buf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}
