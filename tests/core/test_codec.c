/* test_codec.c - numbers in as few bytes as hold them (rec_uint), read
 * back by codec_get_uint alongside the 8-byte fields of rec_u64. */
#include <stdint.h>

#include "testutil.h"

#include "redress/codec.h"

static void
test_uint_sizes(void **state)
{
	static const struct { uint64_t v; size_t n; } cases[] = {
		{ 0, 1 }, { 1, 1 }, { 255, 1 }, { 256, 2 }, { 65535, 2 }, { 65536, 3 },
		{ 100000, 3 }, { UINT64_C(1) << 32, 5 }, { UINT64_MAX, 8 },
	};
	const uint8_t *p;
	struct rec r;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rec_begin(&r, 9, 1);
		rec_uint(&r, 3, cases[i].v);
		assert_int_equal(rec_done(&r), 0);
		assert_true(rec_find(r.buf, r.len, 3, &p, &n));
		assert_int_equal(n, cases[i].n);
		assert_true(codec_get_uint(p, n) == cases[i].v);
		rec_free(&r);
	}
}

static void
test_uint_reads_u64(void **state)
{
	const uint8_t *p;
	struct rec r;
	size_t n;

	(void)state;
	rec_begin(&r, 9, 1);
	rec_u64(&r, 7, 2);
	rec_u64(&r, 8, UINT64_C(0x0102030405060708));
	assert_int_equal(rec_done(&r), 0);
	assert_true(rec_find(r.buf, r.len, 7, &p, &n));
	assert_true(n == 8 && codec_get_uint(p, n) == 2);
	assert_true(rec_find(r.buf, r.len, 8, &p, &n));
	assert_true(codec_get_uint(p, n) == UINT64_C(0x0102030405060708));
	/* no bytes, or more than 8: no number */
	assert_true(codec_get_uint(p, 0) == 0);
	assert_true(codec_get_uint(p, 9) == 0);
	rec_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uint_sizes),
		cmocka_unit_test(test_uint_reads_u64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
