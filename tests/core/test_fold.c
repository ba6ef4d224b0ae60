/* test_fold.c - searching sets case and marks aside: "nguyen" finds
 * "Nguyễn", "zoe" finds "Zoë", "orsted" finds "Ørsted". */
#include "testutil.h"

#include "redress/fold.h"

static void
folds(const char *in, const char *want)
{
	char out[256];
	size_t n = fold_text(in, out, sizeof out);

	if (strcmp(out, want) != 0)
		fail_msg("\"%s\" folded as \"%s\", want \"%s\"", in, out, want);
	assert_int_equal(n, strlen(want));
}

static void
test_marks_and_case(void **state)
{
	(void)state;
	folds("", "");
	folds("CSC-2026-0611", "csc-2026-0611");
	folds("Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Hoa", "nguyen thi hoa");  /* Nguyễn Thị Hoa */
	folds("Zo\xc3\xab", "zoe");                                   /* Zoë */
	folds("Zoe\xcc\x88", "zoe");                                  /* e + combining diaeresis */
	folds("Si\xc3\xa2n \xc3\x81ngel", "sian angel");              /* Siân Ángel */
	folds("\xc3\x87\xc3\xa9line Fran\xc3\xa7ois", "celine francois");
	folds("\xc5\x9e\xc8\x99tefan \xc8\x9a\xc4\x83ran", "sstefan taran"); /* Şștefan Țăran */
	folds("\xc5\xb9\xc3\xb3\xc5\x82\xc4\x87", "zolc");             /* Źółć */
}

static void
test_no_decomposition(void **state)
{
	(void)state;
	folds("\xc3\x98rsted", "orsted");                      /* Ørsted */
	folds("\xc3\x86sa \xc3\xa6", "aesa ae");               /* Æsa æ */
	folds("\xc5\x92uvre \xc5\x93", "oeuvre oe");           /* Œuvre œ */
	folds("Stra\xc3\x9f" "e", "strasse");                  /* Straße */
	folds("\xc5\x81ukasz \xc5\x82", "lukasz l");           /* Łukasz ł */
	folds("\xc4\x90\xe1\xbb\xa9" "c \xc4\x91", "duc d");      /* Đức đ */
	folds("\xc3\x9e\xc3\xb3r \xc3\xbe", "thor th");         /* Þór þ */
	folds("\xc3\x90\xc3\xb3ra \xc3\xb0", "dora d");         /* Ðóra ð */
	folds("\xc4\xb0stanbul \xc4\xb1", "istanbul i");        /* İstanbul ı */
	folds("\xc3\x97\xc3\xb7", "\xc3\x97\xc3\xb7");          /* × ÷ stay */
}

static void
test_other_scripts(void **state)
{
	(void)state;
	folds("\xce\x91\xce\xbb\xce\xad\xce\xbe", "\xce\xb1\xce\xbb\xce\xad\xce\xbe"); /* Αλέξ */
	folds("\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd", "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd"); /* Иван */
	folds("\xe7\x8e\x8b", "\xe7\x8e\x8b");                                         /* 王 */
	folds("a\xff" "b", "a\xff" "b");                       /* malformed: kept */
}

static void
test_contains(void **state)
{
	(void)state;
	assert_true(fold_contains("Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Hoa", "hoa"));
	assert_true(fold_contains("Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Hoa", "nguyen"));
	assert_true(fold_contains("Zo\xc3\xab Adeyemi", "zoe"));
	assert_true(fold_contains("Karen \xc3\x98rsted", "orsted"));
	assert_true(fold_contains("Stra\xc3\x9f" "e", "strasse"));
	assert_true(fold_contains("anything", ""));
	assert_true(fold_contains("CSC-2026-0611", "0611"));
	assert_false(fold_contains("Zoe", "zoey"));
	assert_false(fold_contains("", "a"));
	assert_false(fold_contains("Nguy\xe1\xbb\x85n", "nguyen thi"));
}

static void
test_truncation(void **state)
{
	char out[4];

	(void)state;
	/* "æ" is two letters: cut whole, never half a character */
	assert_int_equal(fold_text("ab\xc3\xa6", out, sizeof out), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(fold_text("\xe7\x8e\x8b\xe7\x8e\x8b", out, sizeof out), 3);
}

/* The tokens of text folded, joined by '|'. */
static void
tokens(const char *in, bool prefixes, const char *want)
{
	char f[256], out[4096], got[4096] = "";
	size_t n, i, at = 0;

	fold_text(in, f, sizeof f);
	assert_true(fold_tokens_room(strlen(f), prefixes) <= sizeof out);
	n = fold_tokens(f, prefixes, out, sizeof out);
	for (i = 0; i < n; i++) {
		strcat(got, i ? "|" : "");
		strcat(got, out + at);
		at += strlen(out + at) + 1;
	}
	if (strcmp(got, want) != 0)
		fail_msg("tokens of \"%s\": \"%s\", want \"%s\"", in, got, want);
}

static void
test_tokens(void **state)
{
	char out[8];

	(void)state;
	tokens("", true, "");
	tokens("Zo\xc3\xab Adeyemi", false, "zoe|adeyemi");
	/* a word, then its prefixes of 3 characters or more */
	tokens("Zo\xc3\xab Adeyemi", true, "zoe|adeyemi|ade|adey|adeye|adeyem");
	tokens("O'Neill-Ng, Li", true, "o|neill|nei|neil|ng|li");
	tokens("Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Hoa", true, "nguyen|ngu|nguy|nguye|thi|hoa");
	/* prefixes end between characters, never inside one */
	tokens("\xce\x91\xce\xbb\xce\xad\xce\xbe", true,
	       "\xce\xb1\xce\xbb\xce\xad\xce\xbe|\xce\xb1\xce\xbb\xce\xad");
	tokens("CSC-2026-0611: wrong address.", false, "csc|2026|0611|wrong|address");
	/* at most FOLD_PREFIX_MAX characters */
	tokens("abcdefghijklmnopqrstuvwxyz", true,
	       "abcdefghijklmnopqrstuvwxyz|abc|abcd|abcde|abcdef|abcdefg|abcdefgh|abcdefghi|"
	       "abcdefghij|abcdefghijk|abcdefghijkl|abcdefghijklm|abcdefghijklmn|abcdefghijklmno|"
	       "abcdefghijklmnop|abcdefghijklmnopq|abcdefghijklmnopqr|abcdefghijklmnopqrs|"
	       "abcdefghijklmnopqrst|abcdefghijklmnopqrstu|abcdefghijklmnopqrstuv|"
	       "abcdefghijklmnopqrstuvw|abcdefghijklmnopqrstuvwx");
	/* what does not fit is left out, whole */
	assert_int_equal(fold_tokens("abc defgh", false, out, sizeof out), 1);
	assert_string_equal(out, "abc");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_and_case),
		cmocka_unit_test(test_no_decomposition),
		cmocka_unit_test(test_other_scripts),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_tokens),
	};

	return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
