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

/* A report's CSV, for looking up cells: "table,title,row,column,value". */
static char *
csv_of(const struct report *r, enum report_part part)
{
	char *t;
	size_t n;

	assert_int_equal(report_render(r, part, REPORT_CSV, &t, &n), 0);
	return t;
}

#define CELL(t, x) assert_non_null(strstr((t), "\r\n" x "\r\n"))

/* The reviewer's year: 12 complaints (October) and 3 comments (November),
 * nothing else.  Alone, the kinds table withholds the 12 beside the <5;
 * the headline showed 12 and 15 and so gave the 3 back.  Now the 12 is
 * withheld wherever it is shown, and every table that adds up to it keeps
 * a cell back so that it cannot be added up either. */
static void
test_linked_complaints(void **state)
{
	struct report *r = fixture();
	char *t;

	(void)state;
	r->teams.n = 1;
	snprintf(r->teams.v[0].name, REPORT_NAME_LEN, "Team A");
	r->teams.v[0].complaints = 12;
	r->services.n = 1;
	r->services.v[0].complaints = 12;
	r->contacts = 15;
	r->kind[ROUTE_COMPLAINT] = 12;
	r->kind[ROUTE_COMMENT] = 3;
	r->channel[CHANNEL_EMAIL] = 15;
	r->month[6][ROUTE_COMPLAINT] = 12; /* October */
	r->month[7][ROUTE_COMMENT] = 3;    /* November */
	r->who[REPORT_WHO_CHILD] = 12;
	r->stage[1].requested = 12;
	r->chc.s1_received = 12;
	r->chc.s1_ack_5 = 12;
	t = csv_of(r, REPORT_ANNUAL);
	CELL(t, "headline,Headline figures,Contacts received,Number,15");
	CELL(t, "headline,Headline figures,Complaints received (Stage 1),Number,*");
	CELL(t, "contacts-by-kind,Contacts by kind,complaint,Number,*");
	CELL(t, "contacts-by-kind,Contacts by kind,comment,Number,<5");
	CELL(t, "contacts-by-kind,Contacts by kind,Total,Number,15");
	CELL(t, "contacts-by-channel,Contacts by channel,email,Number,15");
	/* October's contacts are its complaints (it had nothing else): both go;
	 * November's <5 beside the total 15 would give October's away anyway */
	CELL(t, "contacts-by-month,Contacts by month received,October 2026,Contacts,*");
	CELL(t, "contacts-by-month,Contacts by month received,October 2026,Complaints,*");
	CELL(t, "contacts-by-month,Contacts by month received,November 2026,Contacts,<5");
	CELL(t, "contacts-by-month,Contacts by month received,Total,Contacts,15");
	CELL(t, "contacts-by-month,Contacts by month received,Total,Complaints,*");
	CELL(t, "who-complained,Who complained,child or young person,Complaints,*");
	CELL(t, "who-complained,Who complained,Total,Complaints,*");
	CELL(t, "teams,Teams (themes),Team A,Complaints,*");
	CELL(t, "teams,Teams (themes),Total,Complaints,*");
	CELL(t, "service-areas,Service areas (themes),Not recorded,Complaints,*");
	CELL(t, "service-areas,Service areas (themes),Total,Complaints,*");
	CELL(t, "stages,Complaints by stage,Stage 1,Received or requested,*");
	/* no figure anywhere is the 12, nor the 3 */
	assert_null(strstr(t, ",12\r\n"));
	assert_null(strstr(t, ",3\r\n"));
	free(t);
	/* the Code's figures are the same number: withheld there too, and one
	 * of the pair beside it */
	t = csv_of(r, REPORT_CHC);
	CELL(t, "chc,Complaint Handling Code self-assessment,Stage 1 complaints acknowledged "
	        "within 5 working days,Number,*");
	CELL(t, "chc,Complaint Handling Code self-assessment,Stage 1 complaints acknowledged "
	        "within 5 working days,Within the Code's timescale,*");
	CELL(t, "chc,Complaint Handling Code self-assessment,Stage 1 complaints acknowledged "
	        "within 5 working days,Per cent within,-");
	assert_null(strstr(t, ",12\r\n"));
	free(t);
	free(r);
}

/* Stage 1: 13 responses, 2 with no finding, 6 upheld, 5 not upheld (one
 * point each).  The outcomes withhold the 5 beside the <5; the findings on
 * the points showed 6 and 5 of 11, so 13 - 6 - 5 gave the 2 back.  The 5 is
 * the same number in both, so withheld in both; alone beside the points'
 * total 11 it takes the 6 with it, in both. */
static void
test_linked_outcomes(void **state)
{
	struct report *r = fixture();
	char *t;

	(void)state;
	r->stage[1].responded = 13;
	r->stage[1].outcome[OUTCOME_NONE] = 2;
	r->stage[1].outcome[OUTCOME_UPHELD] = 6;
	r->stage[1].outcome[OUTCOME_NOT_UPHELD] = 5;
	r->stage[1].point_outcome[OUTCOME_UPHELD] = 6;
	r->stage[1].point_outcome[OUTCOME_NOT_UPHELD] = 5;
	t = csv_of(r, REPORT_ANNUAL);
	CELL(t, "outcomes,Outcomes of the complaints responded to,No finding recorded,Stage 1,<5");
	CELL(t, "outcomes,Outcomes of the complaints responded to,Upheld,Stage 1,*");
	CELL(t, "outcomes,Outcomes of the complaints responded to,Not upheld,Stage 1,*");
	CELL(t, "outcomes,Outcomes of the complaints responded to,Total,Stage 1,13");
	CELL(t, "point-outcomes,Findings on the points of those complaints,Upheld,Stage 1,*");
	CELL(t, "point-outcomes,Findings on the points of those complaints,Not upheld,Stage 1,*");
	CELL(t, "point-outcomes,Findings on the points of those complaints,Total,Stage 1,11");
	CELL(t, "stages,Complaints by stage,Stage 1,Responded,13");
	assert_null(strstr(t, ",6\r\n"));
	assert_null(strstr(t, ",5\r\n"));
	free(t);
	free(r);
}

/* Stage 1 timeliness: 8 responses, 4 within 10 days and 4 within 20: both
 * <5 and both pinned at 4 by the total, so the total 8 is withheld.  It is
 * the number of responses, so it goes from the clocks' "Measured", the
 * stages' "Responded", the outcomes' total and the Code's figures; and each
 * table adding up to it keeps a cell back. */
static void
test_linked_timeliness(void **state)
{
	struct report *r = fixture();
	char *t;

	(void)state;
	r->stage[1].responded = 8;
	r->stage[1].outcome[OUTCOME_UPHELD] = 8;
	r->s1.limit[0] = 10;
	r->s1.limit[1] = 20;
	r->s1.n = 8;
	r->s1.band[0] = 4;
	r->s1.band[1] = 4;
	r->s1.sum_days = 80;
	r->s1.clocked = 8;
	r->s1.deadline_met = 8;
	r->s1.target_met = 8;
	r->chc.s1_responded = 8;
	r->chc.s1_resp_10 = 8;
	t = csv_of(r, REPORT_ANNUAL);
#define ROW1(table, title, col, x)                                                     \
	CELL(t, table "," title ",Stage 1 response (from receipt)," col "," x)
	ROW1("timeliness", "Timeliness in working days", "Within the limit", "<5");
	ROW1("timeliness", "Timeliness in working days", "Within the extended limit", "<5");
	ROW1("timeliness", "Timeliness in working days", "Total", "*");
	ROW1("timeliness", "Timeliness in working days", "Average working days", "10.0");
	ROW1("clocks", "Against the book's statutory deadlines and internal targets", "Measured",
	     "*");
	ROW1("clocks", "Against the book's statutory deadlines and internal targets",
	     "Deadline met", "*");
	ROW1("clocks", "Against the book's statutory deadlines and internal targets",
	     "Deadline missed", "0");
	ROW1("clocks", "Against the book's statutory deadlines and internal targets", "Target met",
	     "*");
#undef ROW1
	CELL(t, "stages,Complaints by stage,Stage 1,Responded,*");
	CELL(t, "outcomes,Outcomes of the complaints responded to,Upheld,Stage 1,*");
	CELL(t, "outcomes,Outcomes of the complaints responded to,Total,Stage 1,*");
	assert_null(strstr(t, ",8\r\n"));
	free(t);
	t = csv_of(r, REPORT_CHC);
	CELL(t, "chc,Complaint Handling Code self-assessment,Stage 1 responses within 10 working "
	        "days of acknowledgement,Number,*");
	CELL(t, "chc,Complaint Handling Code self-assessment,Stage 1 responses within 10 working "
	        "days of acknowledgement,Within the Code's timescale,*");
	assert_null(strstr(t, ",8\r\n"));
	free(t);
	/* the text says so, and shows the same cells */
	{
		size_t n;

		assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_TEXT, &t, &n), 0);
		assert_non_null(strstr(t, "a number that would let one be worked out is withheld as "
		                          "*, wherever it appears."));
		assert_non_null(strstr(t, "\n  Stage 1 response (from receipt)                *       "
		                          "     *               0          *             0\n"));
		free(t);
	}
	free(r);
}
#undef CELL

/* The Ombudsman's remedies: remedied by the council before its decision,
 * its recommendations complied with on time, late and outstanding, each a
 * row of its own table, small numbers suppressed. */
static void
test_omb_remedies(void **state)
{
	struct report *r = fixture();
	char *t;
	size_t n;

	(void)state;
	r->omb_remedied = 7;
	r->omb_rec_ontime = 9;
	r->omb_rec_late = 3;
	r->omb_rec_outstanding = 0;
	assert_int_equal(report_render(r, REPORT_ANNUAL, REPORT_CSV, &t, &n), 0);
	assert_non_null(strstr(t, "\r\nombudsman-remedies,The Ombudsman's decisions: remedies,"
	                          "Decisions finding it remedied by the council before,Number,7\r\n"));
	assert_non_null(strstr(t, ",Recommendations complied with on time,Number,9\r\n"));
	assert_non_null(strstr(t, ",Recommendations complied with late,Number,<5\r\n"));
	assert_non_null(strstr(t, ",Recommendations outstanding on 2027-03-31,Number,0\r\n"));
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
		cmocka_unit_test(test_linked_complaints),
		cmocka_unit_test(test_linked_outcomes),
		cmocka_unit_test(test_linked_timeliness),
		cmocka_unit_test(test_omb_remedies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
