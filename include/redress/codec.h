/* codec.h - records as tagged fields, and big-endian integers for keys.
 *
 * A record is: type (1 byte), version (1 byte), then fields, each a tag
 * (2 bytes), a length (4 bytes, big-endian) and that many bytes.  Readers
 * skip tags they do not know, so a newer build reads an older book and an
 * older build an unknown field's record; a field may repeat.  Pure code. */
#ifndef REDRESS_CODEC_H
#define REDRESS_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void codec_be64(uint64_t v, uint8_t out[8]);
uint64_t codec_get_be64(const uint8_t in[8]);
/* A big-endian number of n bytes (1 to 8; 0 for any other n): a rec_uint
 * field, or a rec_u64 one. */
uint64_t codec_get_uint(const uint8_t *in, size_t n);
/* Orders two uint64_t, for qsort() and bsearch(). */
int codec_cmp_u64(const void *a, const void *b);
void codec_be32(uint32_t v, uint8_t out[4]);
uint32_t codec_get_be32(const uint8_t in[4]);

/* A record being written; grows as needed.  Any failure to grow is kept
 * in oom and reported by rec_done(). */
struct rec {
	uint8_t *buf;
	size_t len, cap;
	bool oom;
};

void rec_begin(struct rec *r, uint8_t type, uint8_t version);
void rec_bytes(struct rec *r, uint16_t tag, const void *p, size_t n);
void rec_str(struct rec *r, uint16_t tag, const char *s);
void rec_u64(struct rec *r, uint16_t tag, uint64_t v);
/* An unsigned number in as few big-endian bytes as hold it (one at least):
 * for an index entry read thousands at a time, where 8-byte fields were
 * half its size.  Read with codec_get_uint. */
void rec_uint(struct rec *r, uint16_t tag, uint64_t v);
/* 0 when the record is complete, -1 when memory ran out. */
int rec_done(const struct rec *r);
void rec_free(struct rec *r);

/* Reading: checks the header and every field's bounds. */
int rec_check(const void *buf, size_t len, uint8_t type, uint8_t *version);

/* Iterates fields: *pos starts at 0; returns 1 with the field, 0 at the end. */
int rec_next(const void *buf, size_t len, size_t *pos, uint16_t *tag, const uint8_t **p,
             size_t *n);
/* The first field with this tag: 1 found, 0 not. */
int rec_find(const void *buf, size_t len, uint16_t tag, const uint8_t **p, size_t *n);
/* A u64 field, or def. */
uint64_t rec_find_u64(const void *buf, size_t len, uint16_t tag, uint64_t def);
/* A string field copied into out (size outlen, NUL-terminated, truncated);
 * returns 1 if found. */
int rec_find_str(const void *buf, size_t len, uint16_t tag, char *out, size_t outlen);

#endif
