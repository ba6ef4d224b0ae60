/* json.c - a small strict JSON reader (json.h): recursive descent over the
 * text, each value a node with its line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/json.h"
#include "redress/text.h"

struct json_in {
	const char *s;
	size_t len, pos;
	int line;
	struct err *err;
};

static int
json_fail(struct json_in *in, const char *what)
{
	return err_set(in->err, "line %d: %s", in->line, what);
}

static void
json_space(struct json_in *in)
{
	while (in->pos < in->len) {
		char c = in->s[in->pos];

		if (c == '\n')
			in->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			return;
		in->pos++;
	}
}

static void
json_node_free(struct json *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		json_node_free(&j->kids[i]);
	free(j->kids);
	free(j->key);
	free(j->text);
}

void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	json_node_free(j);
	free(j);
}

static int
json_hex4(struct json_in *in, uint32_t *v)
{
	size_t i;

	*v = 0;
	if (in->len - in->pos < 4)
		return json_fail(in, "truncated \\u escape");
	for (i = 0; i < 4; i++) {
		char c = in->s[in->pos + i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			return json_fail(in, "bad \\u escape (expected four hex digits)");
		*v = *v * 16 + (uint32_t)d;
	}
	in->pos += 4;
	return 0;
}

/* A string at in->pos (the opening quote), decoded into a new buffer. */
static int
json_string(struct json_in *in, char **out)
{
	/* the decoded text is never longer than the source */
	size_t start = ++in->pos, n = 0, end;
	char *buf;
	uint32_t cp, lo;
	int l;

	for (end = start; end < in->len && in->s[end] != '"'; end++)
		if (in->s[end] == '\\')
			end++;
	if (end >= in->len)
		return json_fail(in, "a string is not closed");
	if ((buf = malloc(end - start + 1)) == NULL)
		return json_fail(in, "out of memory");
	while (in->pos < end) {
		unsigned char c = (unsigned char)in->s[in->pos];

		if (c < 0x20) {
			free(buf);
			return json_fail(in, "a control character inside a string (escape it)");
		}
		if (c != '\\') {
			if ((l = text_utf8_decode((const unsigned char *)in->s + in->pos, end - in->pos,
			                          &cp)) == 0) {
				free(buf);
				return json_fail(in, "a string is not valid UTF-8");
			}
			memcpy(buf + n, in->s + in->pos, (size_t)l);
			n += (size_t)l;
			in->pos += (size_t)l;
			continue;
		}
		in->pos++;
		c = (unsigned char)in->s[in->pos++];
		switch (c) {
		case '"': buf[n++] = '"'; break;
		case '\\': buf[n++] = '\\'; break;
		case '/': buf[n++] = '/'; break;
		case 'b': buf[n++] = '\b'; break;
		case 'f': buf[n++] = '\f'; break;
		case 'n': buf[n++] = '\n'; break;
		case 'r': buf[n++] = '\r'; break;
		case 't': buf[n++] = '\t'; break;
		case 'u':
			if (json_hex4(in, &cp) != 0)
				goto fail;
			if (cp >= 0xdc00 && cp <= 0xdfff) {
				json_fail(in, "a lone low surrogate in a \\u escape");
				goto fail;
			}
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (end - in->pos < 6 || in->s[in->pos] != '\\' || in->s[in->pos + 1] != 'u') {
					json_fail(in, "a high surrogate without its low one");
					goto fail;
				}
				in->pos += 2;
				if (json_hex4(in, &lo) != 0)
					goto fail;
				if (lo < 0xdc00 || lo > 0xdfff) {
					json_fail(in, "a high surrogate without its low one");
					goto fail;
				}
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			if (cp == 0) {
				json_fail(in, "\\u0000 inside a string");
				goto fail;
			}
			n += text_utf8_encode(cp, buf + n);
			break;
		default:
			json_fail(in, "a bad escape in a string");
			goto fail;
		}
	}
	in->pos = end + 1;
	buf[n] = '\0';
	*out = buf;
	return 0;
fail:
	free(buf);
	return -1;
}

static int
json_number(struct json_in *in, struct json *j)
{
	size_t start = in->pos, p = in->pos;
	const char *s = in->s;

#define DIGIT(i) ((i) < in->len && s[i] >= '0' && s[i] <= '9')
	if (p < in->len && s[p] == '-')
		p++;
	if (p < in->len && s[p] == '0')
		p++;
	else if (DIGIT(p))
		while (DIGIT(p))
			p++;
	else
		return json_fail(in, "a bad number");
	if (p < in->len && s[p] == '.') {
		p++;
		if (!DIGIT(p))
			return json_fail(in, "a bad number (digits must follow \".\")");
		while (DIGIT(p))
			p++;
	}
	if (p < in->len && (s[p] == 'e' || s[p] == 'E')) {
		p++;
		if (p < in->len && (s[p] == '+' || s[p] == '-'))
			p++;
		if (!DIGIT(p))
			return json_fail(in, "a bad number (digits must follow the exponent)");
		while (DIGIT(p))
			p++;
	}
#undef DIGIT
	if ((j->text = malloc(p - start + 1)) == NULL)
		return json_fail(in, "out of memory");
	memcpy(j->text, s + start, p - start);
	j->text[p - start] = '\0';
	j->type = JSON_NUMBER;
	in->pos = p;
	return 0;
}

static int json_value(struct json_in *in, struct json *j, int depth);

/* Room for one more kid of j; NULL when out of memory. */
static struct json *
json_kid(struct json_in *in, struct json *j, size_t *cap)
{
	struct json *k;

	if (j->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;

		if ((k = realloc(j->kids, ncap * sizeof *k)) == NULL) {
			json_fail(in, "out of memory");
			return NULL;
		}
		j->kids = k;
		*cap = ncap;
	}
	k = &j->kids[j->n];
	memset(k, 0, sizeof *k);
	return k;
}

static int
json_container(struct json_in *in, struct json *j, int depth)
{
	bool object = in->s[in->pos] == '{';
	char close = object ? '}' : ']';
	struct json *k;
	size_t cap = 0, i;
	char *key = NULL;

	j->type = object ? JSON_OBJECT : JSON_ARRAY;
	in->pos++;
	json_space(in);
	if (in->pos < in->len && in->s[in->pos] == close) {
		in->pos++;
		return 0;
	}
	for (;;) {
		json_space(in);
		if (object) {
			if (in->pos >= in->len || in->s[in->pos] != '"')
				return json_fail(in, "expected a member's name in quotes");
			if (json_string(in, &key) != 0)
				return -1;
			for (i = 0; i < j->n; i++)
				if (strcmp(j->kids[i].key, key) == 0) {
					free(key);
					return json_fail(in, "a member's name given twice");
				}
			json_space(in);
			if (in->pos >= in->len || in->s[in->pos] != ':') {
				free(key);
				return json_fail(in, "expected \":\" after a member's name");
			}
			in->pos++;
			json_space(in);
		}
		if ((k = json_kid(in, j, &cap)) == NULL) {
			free(key);
			return -1;
		}
		j->n++;
		k->key = key;
		key = NULL;
		if (json_value(in, k, depth + 1) != 0)
			return -1;
		json_space(in);
		if (in->pos < in->len && in->s[in->pos] == ',') {
			in->pos++;
			json_space(in);
			if (in->pos < in->len && in->s[in->pos] == close)
				return json_fail(in, "a comma before the closing bracket");
			continue;
		}
		if (in->pos < in->len && in->s[in->pos] == close) {
			in->pos++;
			return 0;
		}
		return json_fail(in, object ? "expected \",\" or \"}\"" : "expected \",\" or \"]\"");
	}
}

static int
json_word(struct json_in *in, const char *w, enum json_type t, struct json *j)
{
	size_t n = strlen(w);

	if (in->len - in->pos < n || memcmp(in->s + in->pos, w, n) != 0)
		return json_fail(in, "expected a value");
	in->pos += n;
	j->type = t;
	return 0;
}

static int
json_value(struct json_in *in, struct json *j, int depth)
{
	char c;

	if (depth > JSON_DEPTH_MAX)
		return json_fail(in, "nested too deep");
	json_space(in);
	j->line = in->line;
	if (in->pos >= in->len)
		return json_fail(in, "expected a value, found the end");
	c = in->s[in->pos];
	switch (c) {
	case '{':
	case '[':
		return json_container(in, j, depth);
	case '"':
		j->type = JSON_STRING;
		return json_string(in, &j->text);
	case 't': return json_word(in, "true", JSON_TRUE, j);
	case 'f': return json_word(in, "false", JSON_FALSE, j);
	case 'n': return json_word(in, "null", JSON_NULL, j);
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return json_number(in, j);
		return json_fail(in, "expected a value");
	}
}

int
json_parse(const char *text, size_t len, struct json **out, struct err *err)
{
	struct json_in in = { text, len, 0, 1, err };
	struct json *j;

	*out = NULL;
	/* a byte-order mark is tolerated, as editors write one */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		in.pos = 3;
	if ((j = calloc(1, sizeof *j)) == NULL)
		return err_set(err, "out of memory");
	if (json_value(&in, j, 0) != 0) {
		json_free(j);
		return -1;
	}
	json_space(&in);
	if (in.pos != len) {
		json_free(j);
		return json_fail(&in, "more after the value");
	}
	*out = j;
	return 0;
}

const struct json *
json_member(const struct json *j, const char *key)
{
	size_t i;

	if (j == NULL || j->type != JSON_OBJECT)
		return NULL;
	for (i = 0; i < j->n; i++)
		if (strcmp(j->kids[i].key, key) == 0)
			return &j->kids[i];
	return NULL;
}

const char *
json_type_name(enum json_type t)
{
	static const char *const names[] = { "null", "false", "true", "a number", "a string",
	                                     "an array", "an object" };

	return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}
