/* text.c - rewriting untrusted text so that it is harmless on a terminal. */
#include <stdio.h>
#include <string.h>

#include "redress/text.h"

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

int
text_unsafe_codepoint(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return 1;                       /* C0, DEL, C1 */
	if (cp == 0x00ad || cp == 0x061c || cp == 0x180e)
		return 1;                       /* soft hyphen, Arabic letter mark, Mongolian vs */
	if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x206f))
		return 1;                       /* zero-width, separators, bidi, invisibles */
	if (cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb))
		return 1;                       /* BOM/ZWNBSP, interlinear annotation */
	if (cp >= 0xe0000 && cp <= 0xe007f)
		return 1;                       /* tag characters */
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
