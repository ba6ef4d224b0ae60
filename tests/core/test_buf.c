/* test_buf.c - growing memory: appends, formatted text, arrays grown by
 * doubling, and what is left when more is asked for than can be had. */
#include <stdint.h>

#include "testutil.h"

#include "redress/buf.h"

static void
test_append(void **state)
{
	struct buf b = { 0 };
	size_t i;

	(void)state;
	buf_puts(&b, "");
	assert_non_null(b.p);
	assert_string_equal(b.p, "");
	buf_puts(&b, "case ");
	buf_printf(&b, "%s-%04d", "CSC-2026", 7);
	buf_append(&b, "!?", 1);
	assert_string_equal(b.p, "case CSC-2026-0007!");
	assert_int_equal(b.len, 19);
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "%zu,", i % 10);
	assert_int_equal(b.len, 19 + 2000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.p[b.len], '\0');
	assert_false(b.oom);
	buf_free(&b);
	assert_null(b.p);
	assert_int_equal(b.len, 0);
}

static void
test_oom(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_puts(&b, "kept");
	/* more than can ever be had: the buffer as it was, oom set, and
	 * every append after it refused */
	assert_false(buf_reserve(&b, SIZE_MAX - 2));
	assert_true(b.oom);
	assert_string_equal(b.p, "kept");
	buf_puts(&b, " lost");
	buf_printf(&b, "%d", 1);
	assert_string_equal(b.p, "kept");
	assert_int_equal(b.len, 4);
	buf_free(&b);
	assert_false(b.oom);
}

static void
test_grow(void **state)
{
	long *v = NULL, *before;
	size_t cap = 0, i;

	(void)state;
	assert_int_equal(buf_grow(&v, &cap, 1, sizeof *v), 0);
	assert_int_equal(cap, 16);
	for (i = 0; i < 100; i++) {
		assert_int_equal(buf_grow(&v, &cap, i + 1, sizeof *v), 0);
		v[i] = (long)i;
	}
	assert_int_equal(cap, 128);
	assert_int_equal(v[99], 99);
	/* room already there: nothing moves */
	before = v;
	assert_int_equal(buf_grow(&v, &cap, 50, sizeof *v), 0);
	assert_ptr_equal(v, before);
	/* too many to count in bytes: refused, the array as it was */
	assert_int_equal(buf_grow(&v, &cap, SIZE_MAX / 2, sizeof *v), -1);
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 128);
	assert_int_equal(v[42], 42);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_oom),
		cmocka_unit_test(test_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
