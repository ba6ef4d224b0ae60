/* cmd-report.c - `redress report annual|chc`: the annual report and the
 * Complaint Handling Code figures, as text, CSV or Markdown.  Needs no
 * passphrase: a report reads only plain fields and names no one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/equality.h"
#include "redress/reads.h"
#include "redress/report.h"

static int
cmd_report_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *year = NULL, *format = "text", *pos[1];
	int calendar = 0, equality = 0;
	const struct cli_spec spec[] = {
		{ "year", &year, NULL }, { "format", &format, NULL }, { "calendar", NULL, &calendar },
		{ "equality", NULL, &equality }, { NULL, NULL, NULL },
	};
	struct report *r = NULL;
	struct book *b = NULL;
	struct date today;
	struct err err;
	enum report_format fmt;
	enum report_part part;
	char *text = NULL;
	size_t len;
	long y;
	int npos, rc, ty, tm, td;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 1, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (strcmp(pos[0], "annual") == 0)
		part = REPORT_ANNUAL;
	else if (strcmp(pos[0], "chc") == 0)
		part = REPORT_CHC;
	else
		return cli_error(CLI_USAGE, "report: no report \"%s\" (annual or chc)", pos[0]);
	if (strcmp(format, "text") == 0)
		fmt = REPORT_TEXT;
	else if (strcmp(format, "csv") == 0)
		fmt = REPORT_CSV;
	else if (strcmp(format, "markdown") == 0)
		fmt = REPORT_MARKDOWN;
	else
		return cli_error(CLI_USAGE, "report: --format is text, csv or markdown");
	if (cli_today(&today, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	if (year != NULL) {
		if (cli_integer(year, DATE_MIN_YEAR, DATE_MAX_YEAR - 1, &y, &err) != 0)
			return cli_error(CLI_USAGE, "report: --year: %s", err.msg);
	} else {
		/* the year today is in: a financial year starts in April */
		date_to_ymd(today, &ty, &tm, &td);
		y = calendar || tm >= 4 ? ty : ty - 1;
	}
	if (equality && part != REPORT_ANNUAL)
		return cli_error(CLI_USAGE, "report: --equality goes with the annual report");
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	/* the answers are sealed: counting them needs the key */
	if (equality && (rc = cli_book_unlock(b)) != CLI_OK)
		goto out;
	if ((r = malloc(sizeof *r)) == NULL) {
		rc = cli_error(CLI_FAIL, "out of memory");
		goto out;
	}
	if ((rc = cli_book_status(book_report(b, (int)y, calendar, r, &err), &err)) != CLI_OK)
		goto out;
	if (equality) {
		book_reads_via(b, "report annual", false);
		if ((rc = cli_book_status(book_equality_count(b, r, &err), &err)) != CLI_OK)
			goto out;
	}
	if (report_render(r, part, fmt, &text, &len) != 0) {
		rc = cli_error(CLI_FAIL, "out of memory");
		goto out;
	}
	if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
		rc = cli_error(CLI_FAIL, "report: cannot write the report");
out:
	free(text);
	free(r);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_report_entry = {
	.name = "report",
	.usage = "annual|chc [--year YYYY] [--calendar] [--format text|csv|markdown]\n"
	         "       [--equality]",
	.summary = "the annual report, or the Complaint Handling Code figures",
	.help = "annual: contacts by kind, channel and month; who complained; service areas\n"
	        "  and teams; complaints by stage; outcomes per stage and per point;\n"
	        "  timeliness in working days (Stage 1 within 10, 20, over 20; Stage 2 within\n"
	        "  25, 65, over 65; Stage 3 panel 30, findings 5, response 15) and against the\n"
	        "  book's deadlines and targets; extensions; refusals by coded reason;\n"
	        "  advocacy; the Ombudsman; compliments; recommendations.\n"
	        "chc: the Ombudsman's Complaint Handling Code self-assessment figures.\n"
	        "--year YYYY: the financial year from April YYYY (default: this one), or with\n"
	        "  --calendar the calendar year.  --format text (default), csv (RFC 4180: one\n"
	        "  line per figure: table,title,row,column,value) or markdown.\n"
	        "Numbers from 1 to 4 are shown as <5; a number that would let one be worked\n"
	        "out is withheld as *, wherever it appears.  Needs no passphrase; names no one.\n"
	        "--equality: the annual report also counts the equality monitoring of the\n"
	        "  complainants of the period's complaints (each person once), a table per\n"
	        "  question, under the same rule.  The answers are sealed, so this needs the\n"
	        "  data key; they are counted in memory and never shown per case or person.",
	.exec = cmd_report_exec,
};
