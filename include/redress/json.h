/* json.h - a small strict JSON reader (RFC 8259), for files people bring
 * in (GOV.UK's bank holidays).  Pure: the caller reads the file.
 *
 * Strict: one value, no comments, no trailing commas, no duplicate keys,
 * no control characters or invalid UTF-8 in strings, nesting at most
 * JSON_DEPTH_MAX deep.  Every value knows the line it starts on, for
 * messages that point at the place at fault. */
#ifndef REDRESS_JSON_H
#define REDRESS_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/err.h"

#define JSON_DEPTH_MAX 64

enum json_type { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY,
                 JSON_OBJECT };

struct json {
	enum json_type type;
	int line;                /* 1-based */
	char *key;               /* a member of an object: its name (decoded) */
	char *text;              /* a string, decoded UTF-8 (no NUL inside: \u0000 is
	                          * refused); a number as written */
	struct json *kids;       /* an array's elements, an object's members, in order */
	size_t n;
};

/* Parses text (len bytes).  On success *out is the root (json_free() it);
 * on failure -1 with "line N: what is wrong" in err and *out NULL. */
int json_parse(const char *text, size_t len, struct json **out, struct err *err);
void json_free(struct json *j);

/* An object's member named key, or NULL (also when j is not an object). */
const struct json *json_member(const struct json *j, const char *key);
/* The name of a type, for messages: "a string", "an object". */
const char *json_type_name(enum json_type t);

#endif
