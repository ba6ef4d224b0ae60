/* text.c - rewriting untrusted text so that it is harmless on a terminal. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/text.h"

size_t
text_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int
text_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	int len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n < (size_t)len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates, and beyond Unicode are malformed */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return len;
}

/* Code points that must never reach a terminal or a name as themselves,
 * as sorted ranges: C0, DEL and C1; every format character of Unicode 15
 * (general category Cf: soft hyphen, bidi controls and isolates,
 * zero-width characters, invisible operators, BOM, interlinear
 * annotation, Egyptian and musical format controls, tags); the line and
 * paragraph separators; and the blank look-alikes that are letters or
 * marks by category but show nothing (Hangul fillers, the combining
 * grapheme joiner, Khmer inherent vowels, Mongolian vowel and variation
 * separators, the Braille blank), with which a name can imitate another. */
static const struct text_range {
	uint32_t lo, hi;
} text_unsafe[] = {
	{ 0x0000, 0x001f }, { 0x007f, 0x009f }, { 0x00ad, 0x00ad }, { 0x034f, 0x034f },
	{ 0x0600, 0x0605 }, { 0x061c, 0x061c }, { 0x06dd, 0x06dd }, { 0x070f, 0x070f },
	{ 0x0890, 0x0891 }, { 0x08e2, 0x08e2 }, { 0x115f, 0x1160 }, { 0x17b4, 0x17b5 },
	{ 0x180b, 0x180f }, { 0x200b, 0x200f }, { 0x2028, 0x202e }, { 0x2060, 0x206f },
	{ 0x2800, 0x2800 }, { 0x3164, 0x3164 }, { 0xfeff, 0xfeff }, { 0xffa0, 0xffa0 },
	{ 0xfff9, 0xfffb }, { 0x110bd, 0x110bd }, { 0x110cd, 0x110cd },
	{ 0x13430, 0x1343f }, { 0x1bca0, 0x1bca3 }, { 0x1d173, 0x1d17a },
	{ 0xe0000, 0xe007f },
};

int
text_unsafe_codepoint(uint32_t cp)
{
	size_t lo = 0, hi = sizeof text_unsafe / sizeof text_unsafe[0], mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cp < text_unsafe[mid].lo)
			hi = mid;
		else if (cp > text_unsafe[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* Appends s (length n) if it fits whole; always counts it in *total. */
static void
text_put(char *out, size_t outlen, size_t *used, int *full, size_t *total,
         const char *s, size_t n)
{
	*total += n;
	if (*full || *used + n + 1 > outlen) {
		*full = 1;
		return;
	}
	memcpy(out + *used, s, n);
	*used += n;
}

size_t
text_visible(const char *in, char *out, size_t outlen)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n = strlen(in), i = 0, used = 0, total = 0;
	char esc[16];
	uint32_t cp;
	int len, full = 0;

	while (i < n) {
		size_t run = 0;

		/* a run of printable ASCII, the common case, copied at once */
		while (i + run < n && s[i + run] >= 0x20 && s[i + run] < 0x7f && s[i + run] != '\\')
			run++;
		if (run > 0) {
			if (!full && used + run + 1 <= outlen) {
				memcpy(out + used, in + i, run);
				used += run;
				total += run;
			} else
				for (len = 0; (size_t)len < run; len++)
					text_put(out, outlen, &used, &full, &total, in + i + len, 1);
			i += run;
			continue;
		}
		len = text_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			snprintf(esc, sizeof esc, "\\x%02x", s[i]);
			text_put(out, outlen, &used, &full, &total, esc, 4);
			i++;
			continue;
		}
		if (cp == '\\')
			/* doubled, so that a typed "\n" never looks like an escaped newline */
			text_put(out, outlen, &used, &full, &total, "\\\\", 2);
		else if (!text_unsafe_codepoint(cp))
			text_put(out, outlen, &used, &full, &total, in + i, (size_t)len);
		else {
			switch (cp) {
			case '\n': strcpy(esc, "\\n"); break;
			case '\r': strcpy(esc, "\\r"); break;
			case '\t': strcpy(esc, "\\t"); break;
			case '\b': strcpy(esc, "\\b"); break;
			default:
				if (cp < 0x80)
					snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
				else
					snprintf(esc, sizeof esc, "<U+%04X>", (unsigned)cp);
			}
			text_put(out, outlen, &used, &full, &total, esc, strlen(esc));
		}
		i += (size_t)len;
	}
	if (outlen > 0)
		out[used] = '\0';
	return total;
}

char *
text_word(char **s)
{
	char *w = *s, *e;

	while (*w == ' ' || *w == '\t')
		w++;
	if (*w == '\0')
		return NULL;
	for (e = w; *e != '\0' && *e != ' ' && *e != '\t'; e++)
		;
	if (*e != '\0')
		*e++ = '\0';
	*s = e;
	return w;
}

char *
text_trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

void
text_free_wiped(char *s, size_t n)
{
	if (s != NULL)
		explicit_bzero(s, n);
	free(s);
}

static const void *
text_find_in(const char *item, size_t n, size_t size, size_t off, bool ptr, const char *name)
{
	const char *s;
	size_t i;

	for (i = 0; i < n; i++, item += size) {
		if (ptr)
			memcpy(&s, item + off, sizeof s);
		else
			s = item + off;
		if (strcmp(s, name) == 0)
			return item;
	}
	return NULL;
}

const void *
text_find(const void *items, size_t n, size_t size, size_t off, const char *name)
{
	return text_find_in(items, n, size, off, false, name);
}

const void *
text_find_ptr(const void *items, size_t n, size_t size, size_t off, const char *name)
{
	return text_find_in(items, n, size, off, true, name);
}
