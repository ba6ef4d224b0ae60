/* test_json.c - the strict JSON reader: GOV.UK's bank-holidays shape read
 * whole, escapes and surrogate pairs decoded, and every malformed input
 * refused with the line at fault; the calendar text written back reads the
 * same (calendar_text). */
#include "testutil.h"

#include "redress/json.h"

static struct json *
ok(const char *text)
{
	struct json *j;
	struct err err;

	if (json_parse(text, strlen(text), &j, &err) != 0)
		fail_msg("%s: %s", text, err.msg);
	return j;
}

static void
bad(const char *text, const char *msg)
{
	struct json *j = (struct json *)1;
	struct err err;

	assert_int_equal(json_parse(text, strlen(text), &j, &err), -1);
	assert_null(j);
	assert_string_equal(err.msg, msg);
}

static void
test_govuk(void **state)
{
	static const char text[] =
		"{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[\n"
		"  {\"title\":\"New Year\\u2019s Day\",\"date\":\"2026-01-01\",\"notes\":\"\","
		"\"bunting\":true},\n"
		"  {\"title\":\"Boxing Day\",\"date\":\"2026-12-28\",\"notes\":\"Substitute day\","
		"\"bunting\":false}\n"
		"]},\n\"scotland\":{\"division\":\"scotland\",\"events\":[]}}\n";
	const struct json *ew, *ev;
	struct json *j = ok(text);

	(void)state;
	assert_int_equal(j->type, JSON_OBJECT);
	assert_int_equal(j->n, 2);
	ew = json_member(j, "england-and-wales");
	assert_non_null(ew);
	ev = json_member(ew, "events");
	assert_int_equal(ev->type, JSON_ARRAY);
	assert_int_equal(ev->n, 2);
	assert_int_equal(ev->kids[0].line, 2);
	assert_int_equal(ev->kids[1].line, 3);
	assert_string_equal(json_member(&ev->kids[0], "title")->text, "New Year\xe2\x80\x99s Day");
	assert_int_equal(json_member(&ev->kids[0], "bunting")->type, JSON_TRUE);
	assert_int_equal(json_member(&ev->kids[1], "bunting")->type, JSON_FALSE);
	assert_string_equal(json_member(&ev->kids[1], "notes")->text, "Substitute day");
	assert_null(json_member(j, "northern-ireland"));
	assert_int_equal(json_member(j, "scotland")->line, 5);
	json_free(j);
}

static void
test_values(void **state)
{
	struct json *j = ok(" [null, -0.5e+3, 12, \"a\\\"\\\\\\/\\n\\t\", \"\\ud83d\\ude00\", {}] ");

	(void)state;
	assert_int_equal(j->n, 6);
	assert_int_equal(j->kids[0].type, JSON_NULL);
	assert_string_equal(j->kids[1].text, "-0.5e+3");
	assert_string_equal(j->kids[2].text, "12");
	assert_string_equal(j->kids[3].text, "a\"\\/\n\t");
	assert_string_equal(j->kids[4].text, "\xf0\x9f\x98\x80");
	assert_int_equal(j->kids[5].type, JSON_OBJECT);
	json_free(j);
	json_free(ok("\xef\xbb\xbf\"bom\""));
}

static void
test_malformed(void **state)
{
	(void)state;
	bad("", "line 1: expected a value, found the end");
	bad("{\"a\":1,}", "line 1: a comma before the closing bracket");
	bad("[1,\n2,]", "line 2: a comma before the closing bracket");
	bad("{\"a\":1,\"a\":2}", "line 1: a member's name given twice");
	bad("{a:1}", "line 1: expected a member's name in quotes");
	bad("{\"a\" 1}", "line 1: expected \":\" after a member's name");
	bad("[1 2]", "line 1: expected \",\" or \"]\"");
	bad("{} x", "line 1: more after the value");
	bad("\"open", "line 1: a string is not closed");
	bad("\"a\tb\"", "line 1: a control character inside a string (escape it)");
	bad("\"\\x\"", "line 1: a bad escape in a string");
	bad("\"\\u12\"", "line 1: truncated \\u escape");
	bad("\"\\u12G4\"", "line 1: bad \\u escape (expected four hex digits)");
	bad("\"\\ud800\"", "line 1: a high surrogate without its low one");
	bad("\"\\udc00\"", "line 1: a lone low surrogate in a \\u escape");
	bad("\"\\u0000\"", "line 1: \\u0000 inside a string");
	bad("\"\xc3\x28\"", "line 1: a string is not valid UTF-8");
	bad("01", "line 1: more after the value");
	bad("1.", "line 1: a bad number (digits must follow \".\")");
	bad("1e", "line 1: a bad number (digits must follow the exponent)");
	bad("-", "line 1: a bad number");
	bad("tru", "line 1: expected a value");
	bad("// c\n1", "line 1: expected a value");
	bad("\n\n  nul", "line 3: expected a value");
}

static void
test_deep(void **state)
{
	char text[2 * (JSON_DEPTH_MAX + 2) + 1];
	size_t i, n = JSON_DEPTH_MAX + 2;

	(void)state;
	for (i = 0; i < n; i++) {
		text[i] = '[';
		text[n + i] = ']';
	}
	text[2 * n] = '\0';
	bad(text, "line 1: nested too deep");
	text[n - 2] = ' ';
	text[n - 1] = ' ';
	text[n] = ' ';
	text[n + 1] = ' ';
	json_free(ok(text));
}

/* The calendar written as text reads back the same: listed days, rules,
 * covered years. */
static void
test_calendar_text(void **state)
{
	struct calendar cal, back;
	struct holiday a[HOLIDAY_PER_YEAR_MAX], b[HOLIDAY_PER_YEAR_MAX];
	struct date d;
	struct err err;
	char *text, *again;
	size_t len, len2, na, nb, i;
	int y;

	(void)state;
	testutil_calendar(&cal);
	assert_int_equal(date_parse("2026-12-01", &d, &err), 0);
	assert_int_equal(calendar_list_add(&cal, d, "Day of mourning", &err), 0);
	assert_int_equal(calendar_list_add(&cal, d, "Again", &err), -1);
	text = calendar_text(&cal, "test", &len);
	assert_non_null(text);
	assert_int_equal(calendar_parse(&back, text, len, "back", &err), 0);
	for (y = 2010; y <= 2040; y++) {
		na = calendar_year(&cal, y, a, HOLIDAY_PER_YEAR_MAX);
		nb = calendar_year(&back, y, b, HOLIDAY_PER_YEAR_MAX);
		assert_int_equal(na, nb);
		for (i = 0; i < na; i++) {
			assert_int_equal(a[i].date.day, b[i].date.day);
			assert_string_equal(a[i].name, b[i].name);
			assert_int_equal(a[i].projected, b[i].projected);
		}
	}
	again = calendar_text(&back, "test", &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(text, again, len);
	assert_true(calendar_list_remove(&back, d));
	assert_false(calendar_list_remove(&back, d));
	free(text);
	free(again);
	calendar_free(&cal);
	calendar_free(&back);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_govuk),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_calendar_text),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
