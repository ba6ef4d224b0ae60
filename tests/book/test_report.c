/* test_report.c - small-number suppression and the three formats of a
 * report, on figures set by hand (no book needed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "redress/report.h"

static void
marks(const long *v, size_t n, const char *want, int want_hide)
{
	char m[16], got[17];
	size_t i;
	int hide = report_suppress(v, n, m);

	for (i = 0; i < n; i++)
		got[i] = (char)('0' + m[i]);
	got[n] = '\0';
	assert_string_equal(got, want);
	assert_int_equal(hide, want_hide);
}

static void
test_suppress(void **state)
{
	(void)state;
	/* nothing small: nothing withheld; zeros are shown */
	marks((long[]){ 10, 0, 7 }, 3, "000", 0);
	/* one small cell next to a total: the smallest other one goes too */
	marks((long[]){ 3, 40, 12 }, 3, "102", 0);
	/* two small cells whose sum pins them (1 + 1): a third is withheld */
	marks((long[]){ 1, 1, 9, 30 }, 4, "1120", 0);
	/* 1 and 3 could be 2 and 2: safe as they are */
	marks((long[]){ 1, 3, 9 }, 3, "110", 0);
	/* 4 and 4 could only be 4 and 4 */
	marks((long[]){ 4, 4, 20 }, 3, "112", 0);
	/* a single small cell and a 5 would pin both (1 + 5 = 6): withhold more */
	marks((long[]){ 1, 5, 7 }, 3, "122", 0);
	/* nothing left to withhold: the total must go */
	marks((long[]){ 2, 0 }, 2, "10", 1);
	marks((long[]){ 4, 4 }, 2, "11", 1);
}

static void
test_count_text(void **state)
{
	char buf[8];

	(void)state;
	assert_string_equal(report_count_text(0, 0, buf, sizeof buf), "0");
	assert_string_equal(report_count_text(4, 0, buf, sizeof buf), "<5");
	assert_string_equal(report_count_text(5, 0, buf, sizeof buf), "5");
	assert_string_equal(report_count_text(9, 2, buf, sizeof buf), "*");
}

static struct report *
fixture(void)
{
	struct report *r = calloc(1, sizeof *r);

	assert_non_null(r);
	r->year = 2026;
	r->month_first = 4;
	snprintf(r->from, sizeof r->from, "2026-04-01");
	snprintf(r->to, sizeof r->to, "2027-03-31");
	snprintf(r->asof, sizeof r->asof, "2027-03-31");
	snprintf(r->authority, sizeof r->authority, "statutory");
	r->teams.n = 2;
	snprintf(r->teams.v[0].name, REPORT_NAME_LEN, "Line one\nline \"two\", é");
	r->teams.v[0].complaints = 20;
	snprintf(r->teams.v[1].name, REPORT_NAME_LEN, "A|B \xe2\x80\xae evil");
	r->teams.v[1].complaints = 7;
	return r;
}

static void
test_csv(void **state)
{
	struct report *r = fixture();
	char *t;
	size_t n;

	(void)state;
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_CSV, &t, &n), 0);
	assert_int_equal(strlen(t), n);
	assert_memory_equal(t, "table,title,row,column,value\r\n", 30);
	/* newline, quote and comma: quoted, the quote doubled, UTF-8 as it is */
	assert_non_null(strstr(t, "\r\nteams,Teams (themes),\"Line one\nline \"\"two\"\", \xc3\xa9\","
	                          "Complaints,20\r\n"));
	/* a bidi override never reaches a spreadsheet as itself */
	assert_non_null(strstr(t, "\r\nteams,Teams (themes),A|B <U+202E> evil,Complaints,7\r\n"));
	assert_null(strstr(t, "\xe2\x80\xae"));
	/* every line ends CRLF */
	for (size_t i = 0; i < n; i++)
		if (t[i] == '\n' && i > 0 && t[i - 1] != '\r')
			assert_true(strncmp(t + i - 8, "Line one\n", 9) == 0);
	free(t);
	free(r);
}

static void
test_text_markdown(void **state)
{
	struct report *r = fixture();
	char *t;
	size_t n;

	(void)state;
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_TEXT, &t, &n), 0);
	assert_non_null(strstr(t, "\n  Line one\\nline \"two\", \xc3\xa9         20 "));
	assert_null(strstr(t, "\xe2\x80\xae"));
	free(t);
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_MARKDOWN, &t, &n), 0);
	assert_non_null(strstr(t, "\n| A\\|B \\<U+202E\\> evil | 7 | 0 | 0 |\n"));
	assert_non_null(strstr(t, "\n| Total | 27 | 0 | 0 |\n"));
	free(t);
	free(r);
}

/* Extensions by coded reason and the Ombudsman's decisions by finding:
 * every code a row, "not recorded" last, each column suppressed as a
 * breakdown of a total shown elsewhere. */
static void
test_codes(void **state)
{
	struct report *r = fixture();
	char *t;
	size_t n;

	(void)state;
	/* Stage 1: one alone small (1) next to 7: the 7 is withheld too */
	r->ext_reason[EXT_REASON_COMPLEXITY][1] = 1;
	r->ext_reason[EXT_REASON_AVAILABILITY][1] = 7;
	/* Stage 2: 6 not recorded, 2 complainant: 2 alone small, 6 withheld */
	r->ext_reason[EXT_REASON_NONE][2] = 6;
	r->ext_reason[EXT_REASON_COMPLAINANT][2] = 2;
	/* the Ombudsman: 2 and 3 could be 1 and 4: both stay "<5" */
	r->omb_finding[OMB_FINDING_UPHELD] = 6;
	r->omb_finding[OMB_FINDING_NOT_UPHELD] = 2;
	r->omb_finding[OMB_FINDING_NONE] = 3;
	r->omb_decided = 11;
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_CSV, &t, &n), 0);
#define ROW(x) assert_non_null(strstr(t, "\r\n" x "\r\n"))
	ROW("extension-reasons,Extensions by coded reason,complexity: several services or points,"
	    "Stage 1,<5");
	ROW("extension-reasons,Extensions by coded reason,key people or records unavailable,"
	    "Stage 1,*");
	ROW("extension-reasons,Extensions by coded reason,Total,Stage 1,8");
	ROW("extension-reasons,Extensions by coded reason,the complainant asked for or agreed more "
	    "time,Stage 2,<5");
	ROW("extension-reasons,Extensions by coded reason,Not recorded,Stage 2,*");
	ROW("extension-reasons,Extensions by coded reason,Not recorded,Stage 1,0");
	ROW("extension-reasons,Extensions by coded reason,Total,Stage 2,8");
	ROW("ombudsman-findings,\"The Ombudsman's decisions, by finding\",upheld: fault causing "
	    "injustice,Decisions,6");
	ROW("ombudsman-findings,\"The Ombudsman's decisions, by finding\",not upheld: no fault,"
	    "Decisions,<5");
	ROW("ombudsman-findings,\"The Ombudsman's decisions, by finding\",Not recorded,"
	    "Decisions,<5");
	ROW("ombudsman-findings,\"The Ombudsman's decisions, by finding\",withdrawn,Decisions,0");
	ROW("ombudsman-findings,\"The Ombudsman's decisions, by finding\",Total,Decisions,11");
#undef ROW
	/* "not recorded" comes after every code, then the total */
	assert_true(strstr(t, ",another decision,") < strstr(t, ",Not recorded,Decisions"));
	free(t);
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_TEXT, &t, &n), 0);
	assert_non_null(strstr(t, "\nExtensions by coded reason\n"));
	assert_non_null(strstr(t, "\n  Not recorded                                                  0       *\n"));
	free(t);
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_MARKDOWN, &t, &n), 0);
	assert_non_null(strstr(t, "\n| premature: referred back for local resolution | 0 |\n"));
	assert_non_null(strstr(t, "\n| Not recorded | \\<5 |\n| Total | 11 |\n"));
	free(t);
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suppress),
		cmocka_unit_test(test_count_text),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_text_markdown),
		cmocka_unit_test(test_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
