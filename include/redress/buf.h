/* buf.h - growing memory: a byte buffer that text and records are appended
 * to, and arrays that grow by doubling.  Out of memory, an append leaves
 * the buffer as it was and sets oom, so a run of appends is checked once,
 * at its end.  Pure: no I/O. */
#ifndef REDRESS_BUF_H
#define REDRESS_BUF_H

#include <stdbool.h>
#include <stddef.h>

/* Zeroed, it is empty.  p is NUL-terminated once anything is appended. */
struct buf {
	char *p;
	size_t len, cap;
	bool oom;
};

/* Room for `more` bytes after len, and a NUL; false (oom set) when out of
 * memory, or when an earlier append was. */
bool buf_reserve(struct buf *b, size_t more);
void buf_append(struct buf *b, const void *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The memory freed, and the buffer empty again. */
void buf_free(struct buf *b);

/* The array at *listp (of items `size` bytes each, room for *cap) with
 * room for at least `want`: grown by doubling, from 16, when it has less.
 * 0, or -1 when out of memory (the array and *cap as they were).  listp is
 * the address of the array's pointer (any T **). */
int buf_grow(void *listp, size_t *cap, size_t want, size_t size);

#endif
