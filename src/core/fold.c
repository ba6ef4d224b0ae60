/* fold.c - text folded for searching: case and marks set aside. */
#include <string.h>

#include "redress/fold.h"
#include "redress/text.h"

/* Base letters of U+00C0..U+00FF and U+0100..U+017F, one per code point;
 * '-' keeps the character (× ÷), and capitals stand for two letters:
 * A ae, T th, S ss, J ij, Q oe. */
static const char fold_latin1[] = "aaaaaaAceeeeiiiidnooooo-ouuuuyTS"
                                  "aaaaaaAceeeeiiiidnooooo-ouuuuyTy";
static const char fold_exta[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkk"
                                "llllllllllnnnnnnnnnooooooQQrrrrrrsssssssstttttt"
                                "uuuuuuuuuuuuwwyyyzzzzzzs";

/* The folded bytes of one code point into out (at most 4): their number. */
static size_t
fold_cp(unsigned cp, char out[4])
{
	char c = 0;

	if (cp < 0x80) {
		out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		return 1;
	}
	if (cp >= 0x300 && cp <= 0x36f)
		return 0; /* a combining mark: "e" + U+0308 is "e" */
	if (cp >= 0xc0 && cp <= 0xff)
		c = fold_latin1[cp - 0xc0];
	else if (cp >= 0x100 && cp <= 0x17f)
		c = fold_exta[cp - 0x100];
	else if (cp >= 0x218 && cp <= 0x21b)
		c = cp < 0x21a ? 's' : 't'; /* Romanian comma below */
	else if (cp >= 0x1ea0 && cp <= 0x1ef9)
		/* Vietnamese: ạ..ặ, ẹ..ệ, ỉ ị, ọ..ợ, ụ..ự, ỳ..ỹ */
		c = cp <= 0x1eb7 ? 'a' : cp <= 0x1ec7 ? 'e' : cp <= 0x1ecb ? 'i' : cp <= 0x1ee3 ? 'o'
		  : cp <= 0x1ef1 ? 'u' : 'y';
	else if ((cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x410 && cp <= 0x42f))
		cp += 0x20;
	else if (cp >= 0x400 && cp <= 0x40f)
		cp += 0x50;
	if (c != 0 && c != '-') {
		static const char *const two[] = { "ae", "th", "ss", "ij", "oe" };
		const char *p = strchr("ATSJQ", c);

		if (p == NULL) {
			out[0] = c;
			return 1;
		}
		memcpy(out, two[p - "ATSJQ"], 2);
		return 2;
	}
	return text_utf8_encode(cp, out);
}

/* The next character of *s folded into out; *s moves past it.  A malformed
 * byte is kept as it is. */
static size_t
fold_next(const char **s, char out[4])
{
	const unsigned char *p = (const unsigned char *)*s;
	uint32_t cp;
	int len;

	/* ASCII, most of what is searched, without decoding */
	if (p[0] < 0x80) {
		out[0] = (char)(p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32 : p[0]);
		*s += 1;
		return 1;
	}
	len = text_utf8_decode(p, strnlen(*s, 4), &cp);
	if (len <= 0) {
		out[0] = (char)p[0];
		*s += 1;
		return 1;
	}
	*s += len;
	return fold_cp(cp, out);
}

size_t
fold_text(const char *in, char *out, size_t n)
{
	size_t len = 0, k;
	char c[4];

	while (*in != '\0') {
		k = fold_next(&in, c);
		if (len + k + 1 > n)
			break;
		memcpy(out + len, c, k);
		len += k;
	}
	out[len] = '\0';
	return len;
}

bool
fold_contains(const char *hay, const char *needle)
{
	size_t nl = strlen(needle);
	char c[4];

	if (nl == 0)
		return true;
	for (; *hay != '\0';) {
		const char *h = hay;
		size_t got = 0, k;

		/* an ASCII character that is not the needle's first starts no
		 * match: passed without folding (a search of 100,000 references) */
		if ((unsigned char)*hay < 0x80 &&
		    (*hay >= 'A' && *hay <= 'Z' ? *hay + 32 : *hay) != needle[0]) {
			hay++;
			continue;
		}
		while (got < nl && *h != '\0') {
			k = fold_next(&h, c);
			if (k > nl - got)
				k = nl - got;
			if (k == 1 ? c[0] != needle[got] : memcmp(c, needle + got, k) != 0)
				break;
			got += k;
		}
		if (got == nl)
			return true;
		fold_next(&hay, c);
	}
	return false;
}

/* A byte of a word: ASCII letters and digits, and every byte of a
 * character beyond ASCII (Greek, Cyrillic, CJK ... are kept as they are). */
static bool
fold_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c >= 'A' && c <= 'Z');
}

/* Writes s (len bytes) and a NUL at out + *at when it fits. */
static bool
fold_token_put(const char *s, size_t len, char *out, size_t n, size_t *at)
{
	if (*at + len + 1 > n)
		return false;
	memcpy(out + *at, s, len);
	out[*at + len] = '\0';
	*at += len + 1;
	return true;
}

size_t
fold_tokens(const char *folded, bool prefixes, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)folded;
	size_t count = 0, at = 0, len, i, chars;

	while (*p != '\0') {
		if (!fold_word_byte(*p)) {
			p++;
			continue;
		}
		for (len = 0; p[len] != '\0' && fold_word_byte(p[len]); len++)
			;
		if (!fold_token_put((const char *)p, len, out, n, &at))
			return count;
		count++;
		/* the prefixes end where a character starts: never inside one */
		for (i = 0, chars = 0; prefixes && i < len; i++) {
			if ((p[i] & 0xc0) == 0x80)
				continue;
			if (chars >= FOLD_PREFIX_MIN && chars <= FOLD_PREFIX_MAX) {
				if (!fold_token_put((const char *)p, i, out, n, &at))
					return count;
				count++;
			}
			chars++;
		}
		p += len;
	}
	return count;
}

size_t
fold_tokens_room(size_t len, bool prefixes)
{
	/* the words and a NUL each (one word per two bytes at most); a word of
	 * w bytes has fewer than w prefixes of at most w bytes and a NUL each,
	 * and no more than FOLD_PREFIX_MAX - FOLD_PREFIX_MIN + 1 of them */
	return len + len / 2 + 2 + (prefixes ? len * 2 * (FOLD_PREFIX_MAX - FOLD_PREFIX_MIN + 1) : 0);
}
