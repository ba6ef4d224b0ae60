/* test_csv.c - RFC 4180 records: quoted commas, doubled quotes, line breaks
 * inside quotes, CRLF, a BOM; the line each record starts on; malformed
 * records reported and skipped so every bad row can be found; quoting. */
#include "testutil.h"

#include "redress/csv.h"

/* Reads the next record and asserts its fields (a NULL-ended list). */
static void
record(struct csv_reader *r, size_t line, const char *const *want)
{
	struct err err;
	size_t i;

	assert_int_equal(csv_read(r, &err), 1);
	assert_int_equal(r->record_line, line);
	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < r->nfields);
		assert_string_equal(r->fields[i], want[i]);
	}
	assert_int_equal(r->nfields, i);
}

static void
test_quoting(void **state)
{
	static const char text[] =
		"\xef\xbb\xbfref,team,summary\r\n"
		"A1,\"North, East\",\"She said \"\"no\"\"\"\r\n"
		"A2,,\"two\r\nlines, and \"\"more\"\"\"\r\n"
		"\r\n"
		"A3,Zo\xc3\xab,last\n"
		"A4,\"\",";
	struct csv_reader r;
	struct err err;

	(void)state;
	csv_begin(&r, text, sizeof text - 1);
	record(&r, 1, (const char *[]){ "ref", "team", "summary", NULL });
	record(&r, 2, (const char *[]){ "A1", "North, East", "She said \"no\"", NULL });
	/* a CRLF inside quotes is a line break, kept as LF */
	record(&r, 3, (const char *[]){ "A2", "", "two\nlines, and \"more\"", NULL });
	/* the blank line is skipped; the line count is not */
	record(&r, 6, (const char *[]){ "A3", "Zo\xc3\xab", "last", NULL });
	record(&r, 7, (const char *[]){ "A4", "", "", NULL });
	assert_int_equal(csv_read(&r, &err), 0);
	csv_end(&r);
}

static void
test_malformed(void **state)
{
	static const char text[] =
		"a,b\n"
		"x\"y,1\n"          /* a quote in an unquoted field */
		"\"x\"y,2\n"        /* text after a closing quote */
		"ok,3\n"
		"\"open,4\n"        /* never closed: the rest of the file is inside */
		"more,5\n";
	struct csv_reader r;
	struct err err;

	(void)state;
	csv_begin(&r, text, sizeof text - 1);
	record(&r, 1, (const char *[]){ "a", "b", NULL });
	assert_int_equal(csv_read(&r, &err), -1);
	assert_string_equal(err.msg, "line 2: a quote inside field 1, which is not quoted (quote "
	                    "the whole field and double the quote)");
	assert_int_equal(csv_read(&r, &err), -1);
	assert_string_equal(err.msg, "line 3: text after the closing quote of field 1");
	/* the reader went on to the next line */
	record(&r, 4, (const char *[]){ "ok", "3", NULL });
	assert_int_equal(csv_read(&r, &err), -2);
	assert_string_equal(err.msg, "line 5: a quoted field is not closed (the rest of the file "
	                    "is inside it)");
	csv_end(&r);
}

static void
test_quote(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(csv_quote("plain", out, sizeof out), 5);
	assert_string_equal(out, "plain");
	csv_quote("a,b", out, sizeof out);
	assert_string_equal(out, "\"a,b\"");
	csv_quote("say \"hi\"", out, sizeof out);
	assert_string_equal(out, "\"say \"\"hi\"\"\"");
	csv_quote("two\nlines", out, sizeof out);
	assert_string_equal(out, "\"two\nlines\"");
	csv_quote(" padded", out, sizeof out);
	assert_string_equal(out, "\" padded\"");
	/* the length needed, as snprintf, when it does not fit */
	assert_int_equal(csv_quote("a,b", out, 3), 5);
	assert_string_equal(out, "\"a");
	assert_int_equal(csv_quote("", out, sizeof out), 0);
	assert_string_equal(out, "");
	/* what a spreadsheet would run as a formula goes out as text */
	csv_quote("=HYPERLINK(\"http://x/\")", out, sizeof out);
	assert_string_equal(out, "\"'=HYPERLINK(\"\"http://x/\"\")\"");
	csv_quote("+1", out, sizeof out);
	assert_string_equal(out, "'+1");
	csv_quote("@cmd", out, sizeof out);
	assert_string_equal(out, "'@cmd");
	csv_quote("-cmd|' /C calc'!A0", out, sizeof out);
	assert_string_equal(out, "'-cmd|' /C calc'!A0");
	csv_quote("-12", out, sizeof out);
	assert_string_equal(out, "-12");
	csv_quote("-", out, sizeof out);
	assert_string_equal(out, "-");
}

/* What csv_quote writes, csv_read reads back the same. */
static void
test_round_trip(void **state)
{
	static const char *const cells[] = { "", "a,b", "\"", "x\ny", " lead", "Zo\xc3\xab,\"Z\"",
		                             "=1+1", "'=1+1", "-5", "-A1", "@SUM(A1)", "'quoted" };
	char line[512] = "", q[64];
	struct csv_reader r;
	struct err err;
	size_t i;

	(void)state;
	for (i = 0; i < 12; i++) {
		csv_quote(cells[i], q, sizeof q);
		if (i > 0)
			strcat(line, ",");
		strcat(line, q);
	}
	strcat(line, "\r\n");
	csv_begin(&r, line, strlen(line));
	assert_int_equal(csv_read(&r, &err), 1);
	assert_int_equal(r.nfields, 12);
	for (i = 0; i < 12; i++)
		assert_string_equal(r.fields[i], cells[i]);
	assert_int_equal(csv_read(&r, &err), 0);
	csv_end(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
