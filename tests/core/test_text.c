/* test_text.c - untrusted text made safe to show: names stay as written,
 * controls, bidi tricks and broken UTF-8 become visible escapes. */
#include "testutil.h"

#include "redress/text.h"

/* Asserts that in is shown as want, and that the return value is its length. */
static void
shows(const char *in, const char *want)
{
	char out[256];
	size_t n;

	n = text_visible(in, out, sizeof out);
	if (strcmp(out, want) != 0)
		fail_msg("shown as \"%s\", want \"%s\"", out, want);
	assert_int_equal(n, strlen(want));
}

static void
test_names_intact(void **state)
{
	(void)state;
	shows("", "");
	shows("Jo Bloggs", "Jo Bloggs");
	shows("Zo\xc3\xab", "Zo\xc3\xab");                          /* Zoë */
	shows("\xc5\x81ukasz", "\xc5\x81ukasz");                    /* Łukasz */
	shows("Si\xc3\xa2n", "Si\xc3\xa2n");                        /* Siân */
	shows("\xe7\x8e\x8b", "\xe7\x8e\x8b");                      /* 王 */
	shows("Zoe\xcc\x88", "Zoe\xcc\x88");                        /* e + combining diaeresis */
	shows("\xf0\x9f\x98\x80 thanks", "\xf0\x9f\x98\x80 thanks"); /* U+1F600 */
	shows("O'Brien-Smith, \"Jo\" (12) & co; 100% <ok>",
	      "O'Brien-Smith, \"Jo\" (12) & co; 100% <ok>");
}

static void
test_c0_controls(void **state)
{
	(void)state;
	shows("line one\nline two", "line one\\nline two");
	shows("a\rb", "a\\rb");
	shows("a\tb", "a\\tb");
	shows("a\bb", "a\\bb");
	shows("\x1b[2J\x1b]0;pwned\x07", "\\x1b[2J\\x1b]0;pwned\\x07");
	shows("a\x01z", "a\\x01z");
	shows("a\x7f" "b", "a\\x7fb");
}

static void
test_c1_controls(void **state)
{
	(void)state;
	shows("a\xc2\x85z", "a<U+0085>z");
	shows("\xc2\x9b" "31m", "<U+009B>31m");
}

static void
test_invisible_and_bidi(void **state)
{
	(void)state;
	/* "Siân" followed by a right-to-left override */
	shows("Si\xc3\xa2n\xe2\x80\xae" "fdp.exe", "Si\xc3\xa2n<U+202E>fdp.exe");
	shows("\xe2\x81\xa6" "x", "<U+2066>x");
	shows("\xe2\x81\xa7" "x", "<U+2067>x");
	shows("\xe2\x81\xa8" "x", "<U+2068>x");
	shows("\xe2\x81\xa9" "x", "<U+2069>x");
	shows("a\xe2\x80\x8b" "b", "a<U+200B>b");
	shows("a\xe2\x80\x8c" "b", "a<U+200C>b");
	shows("a\xe2\x80\x8d" "b", "a<U+200D>b");
	shows("a\xe2\x80\x8e" "b", "a<U+200E>b");
	shows("a\xe2\x80\x8f" "b", "a<U+200F>b");
	shows("\xef\xbb\xbf" "Name", "<U+FEFF>Name");
}

static void
test_malformed_utf8(void **state)
{
	(void)state;
	shows("a\xff" "b", "a\\xffb");
	shows("\xe2\x82", "\\xe2\\x82");                    /* truncated at the end */
	shows("\xe2\x82" "A", "\\xe2\\x82A");                /* truncated mid-text */
	shows("\xe2\x82\xc3\xa9", "\\xe2\\x82\xc3\xa9");     /* then a good é */
	shows("\xc0\xaf", "\\xc0\\xaf");                    /* overlong '/' */
	shows("\xe0\x80\xaf", "\\xe0\\x80\\xaf");            /* overlong '/' again */
	shows("\xed\xa0\x80", "\\xed\\xa0\\x80");            /* surrogate U+D800 */
	shows("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80");    /* past U+10FFFF */
	shows("\x80" "x", "\\x80x");                        /* lone continuation */
}

/* Writes into a buffer of outlen with guard bytes after it; asserts the
 * result, the full length returned, and that nothing past outlen changed. */
static void
truncates(const char *in, size_t outlen, const char *want, size_t full)
{
	char buf[64];
	size_t n, i;

	assert_true(outlen < sizeof buf);
	memset(buf, '#', sizeof buf);
	n = text_visible(in, buf, outlen);
	if (memchr(buf, '\0', outlen) == NULL)
		fail_msg("no NUL within %zu bytes", outlen);
	if (strcmp(buf, want) != 0)
		fail_msg("in %zu bytes: \"%s\", want \"%s\"", outlen, buf, want);
	assert_int_equal(n, full);
	for (i = outlen; i < sizeof buf; i++)
		if (buf[i] != '#')
			fail_msg("byte %zu written with outlen %zu", i, outlen);
}

static void
test_truncation(void **state)
{
	(void)state;
	truncates("Jo Bloggs", 1, "", 9);
	truncates("Jo Bloggs", 3, "Jo", 9);
	truncates("Jo Bloggs", 10, "Jo Bloggs", 9);
	/* never half a character */
	truncates("Zo\xc3\xab", 3, "Zo", 4);
	truncates("Zo\xc3\xab", 4, "Zo", 4);
	truncates("Zo\xc3\xab", 5, "Zo\xc3\xab", 4);
	truncates("\xe7\x8e\x8b", 3, "", 3);
	truncates("\xe7\x8e\x8b", 4, "\xe7\x8e\x8b", 3);
	/* never half an escape, which would read as something else */
	truncates("a\nb", 3, "a", 4);
	truncates("a\nb", 4, "a\\n", 4);
	truncates("a\x1b", 5, "a", 5);
	truncates("a\x1b", 6, "a\\x1b", 5);
	truncates("x\xe2\x80\xae", 5, "x", 9);
	truncates("x\xe2\x80\xae", 10, "x<U+202E>", 9);
	/* runs of plain ASCII (copied at once) around an escape: whole
	 * characters to the last that fits, and the full length counted */
	truncates("ab\ncd ef", 5, "ab\\n", 9);
	truncates("ab\ncd ef", 8, "ab\\ncd ", 9);
	truncates("x\\y", 4, "x\\\\", 4);
	truncates("x\\y", 5, "x\\\\y", 4);
	truncates("\xff\xff", 5, "\\xff", 8);
}

static void
test_decode(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(text_utf8_decode((const unsigned char *)"A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xc3\xab", 2, &cp), 2);
	assert_int_equal(cp, 0xeb);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xe7\x8e\x8b", 3, &cp), 3);
	assert_int_equal(cp, 0x738b);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	/* n bounds the read even when more bytes follow */
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xe7\x8e\x8b", 2, &cp), 0);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp), 0);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\x80", 1, &cp), 0);
	assert_int_equal(text_utf8_decode((const unsigned char *)"\xff", 1, &cp), 0);
}

static void
test_unsafe_codepoints(void **state)
{
	static const uint32_t unsafe[] = {
		0x00, 0x07, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b,
		0x9f, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202e, 0x2066, 0x2067,
		0x2068, 0x2069, 0xfeff,
	};
	static const uint32_t safe[] = {
		0x20, 0x41, 0x7e, 0xe2, 0xeb, 0x141, 0x738b, 0x1f600,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++)
		if (!text_unsafe_codepoint(unsafe[i]))
			fail_msg("U+%04X is said to be safe", (unsigned)unsafe[i]);
	for (i = 0; i < sizeof safe / sizeof safe[0]; i++)
		if (text_unsafe_codepoint(safe[i]))
			fail_msg("U+%04X is said to be unsafe", (unsigned)safe[i]);
}

/* Every format character (category Cf) and the blank look-alikes with which
 * a name can pass for another ("Zoë" + U+3164 is not "Zoë"). */
static void
test_format_and_fillers(void **state)
{
	static const uint32_t unsafe[] = {
		0x00ad, 0x034f, 0x0600, 0x0605, 0x061c, 0x06dd, 0x070f, 0x0890, 0x08e2,
		0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x2028, 0x2029, 0x2060, 0x2064,
		0x206f, 0x2800, 0x3164, 0xffa0, 0xfff9, 0xfffb, 0x110bd, 0x110cd, 0x13430,
		0x1343f, 0x1bca0, 0x1bca3, 0x1d173, 0x1d17a, 0xe0001, 0xe0020, 0xe007f,
	};
	static const uint32_t safe[] = {
		0xa0, 0xe9, 0xf8, 0x1ec5, 0x1100, 0x1161, 0x3042, 0xac00, 0x2801, 0xffa1,
		0x1d17b, 0x13440, 0x0606,
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++)
		if (!text_unsafe_codepoint(unsafe[i]))
			fail_msg("U+%04X is said to be safe", (unsigned)unsafe[i]);
	for (i = 0; i < sizeof safe / sizeof safe[0]; i++)
		if (text_unsafe_codepoint(safe[i]))
			fail_msg("U+%04X is said to be unsafe", (unsigned)safe[i]);
	text_visible("Zo\xc3\xab\xe3\x85\xa4", out, sizeof out);
	assert_string_equal(out, "Zo\xc3\xab<U+3164>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_intact),
		cmocka_unit_test(test_c0_controls),
		cmocka_unit_test(test_c1_controls),
		cmocka_unit_test(test_invisible_and_bidi),
		cmocka_unit_test(test_malformed_utf8),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_unsafe_codepoints),
		cmocka_unit_test(test_format_and_fillers),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
