/* codec.c - tagged-field records and big-endian keys. */
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"
#include "redress/codec.h"

#define REC_HEADER 2
#define REC_FIELD 6

void
codec_be64(uint64_t v, uint8_t out[8])
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		out[i] = (uint8_t)v;
}

/* written out, not looped: the compiler makes one load of it (the deadline
 * index and the list read tens of thousands of these a screen) */
uint64_t
codec_get_be64(const uint8_t in[8])
{
	return (uint64_t)in[0] << 56 | (uint64_t)in[1] << 48 | (uint64_t)in[2] << 40 |
	       (uint64_t)in[3] << 32 | (uint64_t)in[4] << 24 | (uint64_t)in[5] << 16 |
	       (uint64_t)in[6] << 8 | in[7];
}

uint64_t
codec_get_uint(const uint8_t *in, size_t n)
{
	uint64_t v = 0;

	if (n == 8)
		return codec_get_be64(in);
	if (n < 1 || n > 8)
		return 0;
	while (n-- > 0)
		v = v << 8 | *in++;
	return v;
}

void
codec_be32(uint32_t v, uint8_t out[4])
{
	out[0] = (uint8_t)(v >> 24);
	out[1] = (uint8_t)(v >> 16);
	out[2] = (uint8_t)(v >> 8);
	out[3] = (uint8_t)v;
}

uint32_t
codec_get_be32(const uint8_t in[4])
{
	return (uint32_t)in[0] << 24 | (uint32_t)in[1] << 16 | (uint32_t)in[2] << 8 | in[3];
}

static void
rec_reserve(struct rec *r, size_t more)
{
	if (!r->oom && buf_grow(&r->buf, &r->cap, r->len + more, 1) != 0)
		r->oom = true;
}

void
rec_begin(struct rec *r, uint8_t type, uint8_t version)
{
	memset(r, 0, sizeof *r);
	rec_reserve(r, REC_HEADER);
	if (r->oom)
		return;
	r->buf[0] = type;
	r->buf[1] = version;
	r->len = REC_HEADER;
}

void
rec_bytes(struct rec *r, uint16_t tag, const void *p, size_t n)
{
	if (n > UINT32_MAX) {
		r->oom = true;
		return;
	}
	rec_reserve(r, REC_FIELD + n);
	if (r->oom)
		return;
	r->buf[r->len] = (uint8_t)(tag >> 8);
	r->buf[r->len + 1] = (uint8_t)tag;
	codec_be32((uint32_t)n, r->buf + r->len + 2);
	if (n > 0)
		memcpy(r->buf + r->len + REC_FIELD, p, n);
	r->len += REC_FIELD + n;
}

void
rec_str(struct rec *r, uint16_t tag, const char *s)
{
	rec_bytes(r, tag, s, strlen(s));
}

void
rec_u64(struct rec *r, uint16_t tag, uint64_t v)
{
	uint8_t b[8];

	codec_be64(v, b);
	rec_bytes(r, tag, b, 8);
}

void
rec_uint(struct rec *r, uint16_t tag, uint64_t v)
{
	uint8_t b[8];
	size_t n = 1;

	while (n < 8 && (v >> (8 * n)) != 0)
		n++;
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
	rec_bytes(r, tag, b, n);
}

int
rec_done(const struct rec *r)
{
	return r->oom ? -1 : 0;
}

void
rec_free(struct rec *r)
{
	free(r->buf);
	memset(r, 0, sizeof *r);
}

int
rec_next(const void *buf, size_t len, size_t *pos, uint16_t *tag, const uint8_t **p, size_t *n)
{
	const uint8_t *b = buf;
	size_t at = *pos < REC_HEADER ? REC_HEADER : *pos;
	uint32_t flen;

	if (at + REC_FIELD > len)
		return 0;
	flen = codec_get_be32(b + at + 2);
	if (flen > len - at - REC_FIELD)
		return 0;
	*tag = (uint16_t)(b[at] << 8 | b[at + 1]);
	*p = b + at + REC_FIELD;
	*n = flen;
	*pos = at + REC_FIELD + flen;
	return 1;
}

int
rec_check(const void *buf, size_t len, uint8_t type, uint8_t *version)
{
	const uint8_t *b = buf, *p;
	size_t pos = 0, n;
	uint16_t tag;

	if (len < REC_HEADER || b[0] != type)
		return -1;
	if (version != NULL)
		*version = b[1];
	while (rec_next(buf, len, &pos, &tag, &p, &n))
		;
	return pos == len || (pos == 0 && len == REC_HEADER) ? 0 : -1;
}

int
rec_find(const void *buf, size_t len, uint16_t tag, const uint8_t **p, size_t *n)
{
	size_t pos = 0;
	uint16_t t;

	while (rec_next(buf, len, &pos, &t, p, n))
		if (t == tag)
			return 1;
	return 0;
}

uint64_t
rec_find_u64(const void *buf, size_t len, uint16_t tag, uint64_t def)
{
	const uint8_t *p;
	size_t n;

	if (!rec_find(buf, len, tag, &p, &n) || n != 8)
		return def;
	return codec_get_be64(p);
}

int
rec_find_str(const void *buf, size_t len, uint16_t tag, char *out, size_t outlen)
{
	const uint8_t *p;
	size_t n;

	if (outlen == 0)
		return 0;
	out[0] = '\0';
	if (!rec_find(buf, len, tag, &p, &n))
		return 0;
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

int
codec_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}
