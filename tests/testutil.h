/* testutil.h - shared helpers for the cmocka unit tests.
 *
 * Tests run from the top of the tree; REDRESS_SHARE names the share/
 * directory (the Makefile sets it), defaulting to "share". */
#ifndef REDRESS_TESTUTIL_H
#define REDRESS_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "redress/book.h"
#include "redress/date.h"
#include "redress/holiday.h"

/* Reads a whole file; fails the test if it cannot.  Caller frees. */
static inline char *
testutil_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static inline const char *
testutil_share(void)
{
	const char *s = getenv("REDRESS_SHARE");
	return s != NULL && *s != '\0' ? s : "share";
}

/* The councils' published texts: REDRESS_SEEDS, or tests/seeds. */
static inline const char *
testutil_seeds(void)
{
	const char *s = getenv("REDRESS_SEEDS");
	return s != NULL && *s != '\0' ? s : "tests/seeds";
}

/* Loads share/holidays/england-and-wales into *cal. */
static inline void
testutil_calendar(struct calendar *cal)
{
	char path[1024];
	struct err err;
	size_t len;
	char *text;

	snprintf(path, sizeof path, "%s/holidays/england-and-wales", testutil_share());
	text = testutil_read(path, &len);
	if (calendar_parse(cal, text, len, path, &err) != 0)
		fail_msg("%s", err.msg);
	free(text);
}

/* A test group's fixture in England and Wales's calendar: set-up loads it
 * into cal (testutil_calendar), which becomes the group's state; tear-down
 * frees it. */
static inline int
testutil_calendar_setup(struct calendar *cal, void **state)
{
	testutil_calendar(cal);
	*state = cal;
	return 0;
}

static inline int
testutil_calendar_teardown(void **state)
{
	calendar_free(*state);
	return 0;
}

/* A date from "YYYY-MM-DD", failing the test if it does not parse. */
static inline struct date
D(const char *s)
{
	struct date d;
	struct err err;

	if (date_parse(s, &d, &err) != 0)
		fail_msg("bad date in test: %s: %s", s, err.msg);
	return d;
}

/* --- a test's book ------------------------------------------------------- */

/* A new directory /tmp/redress-test-NAME-XXXXXX into dir (n bytes). */
static inline void
testutil_tmpdir(char *dir, size_t n, const char *name)
{
	snprintf(dir, n, "/tmp/redress-test-%s-XXXXXX", name);
	assert_non_null(mkdtemp(dir));
}

/* A new book of the authority in a directory of its own (testutil_tmpdir;
 * book_create makes it, with its own mode), its one user's passphrase pass. */
static inline void
testutil_book_create(char *dir, size_t n, const char *name, const char *authority,
                     const char *pass)
{
	struct err err;

	testutil_tmpdir(dir, n, name);
	rmdir(dir);
	if (book_create(dir, authority, pass, strlen(pass), BOOK_COST_TEST, &err) != 0)
		fail_msg("create: %s", err.msg);
}

/* The book in dir opened (flags as book_open), and unlocked with pass
 * unless pass is NULL. */
static inline struct book *
testutil_book_open(const char *dir, unsigned flags, const char *pass)
{
	struct book *b;
	struct err err;

	if (book_open(dir, flags, &b, &err) != 0)
		fail_msg("open: %s", err.msg);
	if (pass != NULL && book_unlock(b, pass, strlen(pass), &err) != 0)
		fail_msg("unlock: %s", err.msg);
	return b;
}

/* Removes a test's directory and all in it. */
static inline void
testutil_rmtree(const char *path)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	assert_int_equal(system(cmd), 0);
}

/* Asserts that date d prints as s. */
#define assert_date(d, s) do { \
	char b_[DATE_STRLEN]; \
	assert_string_equal(date_format((d), b_), (s)); \
} while (0)

#endif
