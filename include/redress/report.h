/* report.h - the annual report and the Ombudsman's Complaint Handling Code
 * figures: counts only, computed in one read transaction from the plain
 * fields of every case (kind, channel, dates, stages, teams, outcomes, coded
 * reasons).  No sealed field is opened, so a report needs no key and cannot
 * contain a name, a date of birth, a note or a case reference.
 *
 * book_report() fills a struct report; report_emit() walks it as a list of
 * tables with small numbers suppressed, through callbacks (struct
 * report_out), and report_render() turns that into text, CSV (RFC 4180) or
 * Markdown.  A screen can draw from the struct (headline figures, monthly
 * bars) or from report_emit with its own callbacks: either way the figures,
 * and the cells suppressed, are the same as the command prints.
 *
 * What is counted when (each figure in the period it happened):
 * - contacts, who complained, teams and services, compliments, safeguarding:
 *   by the date received;
 * - a stage's requests, decisions, extensions (and their coded reasons),
 *   refusals, responses and the outcomes of those responses: by the date of
 *   that step;
 * - the Ombudsman: referrals and decisions (by finding), by their dates;
 * - timeliness: by the date the measured step was done (a response sent in
 *   the period), in working days over the book's own holiday calendar;
 * - recommendations: made (by the date of their stage's response), completed
 *   (by the date done), overdue (as at the end of the period, or today if
 *   that is earlier). */
#ifndef REDRESS_REPORT_H
#define REDRESS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/book.h"
#include "redress/codes.h"
#include "redress/equality.h"
#include "redress/err.h"
#include "redress/profile.h"
#include "redress/workflow.h"

/* Who made a complaint (the first complainant on it). */
enum report_who {
	REPORT_WHO_CHILD = 0, /* the child or young person (or a care leaver) */
	REPORT_WHO_ADVOCATE,  /* through an advocate (role, or the channel) */
	REPORT_WHO_ADULT,     /* a parent, carer, relative, MP, professional, ... */
	REPORT_WHO_UNKNOWN,   /* no complainant recorded */
	REPORT_WHO_COUNT
};
const char *report_who_name(int w);

/* Kinds of contact: the routes, and safeguarding concerns. */
#define REPORT_SAFEGUARDING ROUTE_COUNT
#define REPORT_KINDS (ROUTE_COUNT + 1)
const char *report_kind_name(int k);

/* Timeliness of one measured step: disjoint bands by working days. */
struct report_time {
	long n;                  /* steps done in the period and measured */
	long band[3];            /* <= limit[0], <= limit[1] (beyond limit[0]), over */
	long sum_days;           /* working days, summed: the average is sum_days / n */
	long clocked;            /* of those, measured against one of the book's clocks */
	long deadline_met;       /* on or before the book's deadline (with any extension) */
	long target_met;         /* on or before the internal target */
	int limit[2];            /* limit[1] 0: one band and "over" */
};

struct report_stage {
	long requested;          /* 1: complaints received; 2, 3: requests */
	long accepted, refused;  /* 2, 3: decisions; 1: refused = declined at receipt */
	long extended;           /* extensions recorded */
	long extended_noted;     /* ...of which with a coded reason (not "not recorded") */
	long responded;          /* responses sent */
	long outcome[OUTCOME_COUNT];       /* responses by the complaint's outcome
	                                    * (OUTCOME_NONE: no finding recorded) */
	long point_outcome[OUTCOME_COUNT]; /* findings on those complaints' points */
	long withdrawn;          /* withdrawn while at this stage */
};

#define REPORT_NAMES_MAX 40
#define REPORT_NAME_LEN 64

/* A team or service area: counts of contacts received. */
struct report_name {
	char name[REPORT_NAME_LEN]; /* "" means not recorded; untrusted text */
	bool other;                 /* the row that gathers names past the maximum */
	long complaints, compliments, upheld; /* upheld: upheld or partly, any stage */
};

struct report_names {
	struct report_name v[REPORT_NAMES_MAX];
	size_t n;                   /* sorted: most complaints first, then by name */
};

/* The Ombudsman's Complaint Handling Code self-assessment figures. */
struct report_chc {
	long s1_received;           /* complaints received in the period */
	long s1_ack_5;              /* ...acknowledged within 5 working days */
	long s1_responded;          /* Stage 1 responses sent in the period */
	long s1_resp_10;            /* ...within 10 working days of the acknowledgement
	                             * (of receipt when none was recorded) */
	long s1_extended;
	long s2_escalated;          /* Stage 2 requests (escalations) */
	long s2_ack_5;              /* ...acknowledged within 5 working days (the
	                             * decision on the request counts as the
	                             * acknowledgement when none was recorded) */
	long s2_responded;
	long s2_resp_20;            /* ...within 20 working days of the Stage 2
	                             * acknowledgement (of the request when none) */
	long s2_extended;
	long ombudsman;             /* referrals to the Ombudsman */
};

/* Equality monitoring: the complainants of the complaints received in the
 * period, each person once, counted by book_equality_count (equality.h)
 * with the data key; without it, counted is false and the report says so. */
#define REPORT_EQ_MAX 24            /* entries of the longest vocabulary, and more */
struct report_equality {
	bool counted;
	long people;                /* consented + declined + not_asked */
	long consented, declined, not_asked;
	long answer[EQUALITY_QUESTIONS][REPORT_EQ_MAX]; /* of the consented, by entry */
	long unanswered[EQUALITY_QUESTIONS]; /* consented, this question not answered */
};

struct report {
	/* the period, inclusive, and how it was chosen */
	char from[DATE_STRLEN], to[DATE_STRLEN], asof[DATE_STRLEN];
	int year;                   /* --year: 2026 is April 2026 to March 2027 */
	bool calendar;              /* January to December instead */
	int month_first;            /* calendar month (1-12) of month[0] */
	char authority[64];         /* the book's profile */
	bool corporate;             /* its rules cite the Complaint Handling Code */
	long cases_read;            /* every case in the book */

	/* contacts received; a safeguarding concern is never a complaint, so it
	 * has its own kind (REPORT_SAFEGUARDING) whatever the contact's route */
	long contacts;
	long kind[REPORT_KINDS];
	long channel[CHANNEL_COUNT];
	long month[12][REPORT_KINDS]; /* by month of the period, for bars */
	long who[REPORT_WHO_COUNT]; /* complaints */
	struct report_names teams, services;

	/* the stages: index 1..3 (0 unused) */
	struct report_stage stage[4];
	long refusal[REFUSAL_COUNT][4]; /* by reason: [r][0] declined at receipt,
	                                 * [r][2], [r][3] Stage 2, 3 request refused */
	long refusal_told;          /* refusals that named the Ombudsman */

	/* timeliness */
	struct report_time s1;      /* received -> Stage 1 response: 10, 20 */
	struct report_time s2;      /* Stage 2 request -> response: 25, 65 */
	struct report_time panel;   /* Stage 3 request -> panel held: 30 */
	struct report_time findings; /* panel held -> findings: 5 */
	struct report_time s3;      /* findings -> the authority's response: 15 */

	long adv_offered, adv_accepted, adv_declined, adv_pending; /* offered in the period */
	long omb_referred, omb_decided;   /* referrals, decisions received */
	long compliments, compliments_passed;
	long rec_made, rec_done, rec_done_late, rec_overdue; /* the council's own */
	/* the Ombudsman's decisions received that found the council had remedied
	 * the complaint before them; its recommendations complied with in the
	 * period by their due date or after it, and those not complied with by
	 * the report's date */
	long omb_remedied, omb_rec_ontime, omb_rec_late, omb_rec_outstanding;

	struct report_chc chc;
	struct report_equality equality;

	/* coded reasons (codes.h), counted as the figures above they break down */
	long ext_reason[EXT_REASON_COUNT][3]; /* extensions by reason: [r][1] Stage 1,
	                                       * [r][2] Stage 2 ([r][0] unused);
	                                       * EXT_REASON_NONE: not recorded */
	long omb_finding[OMB_FINDING_COUNT];  /* the Ombudsman's decisions received,
	                                       * by finding (OMB_FINDING_NONE: not
	                                       * recorded): they add up to omb_decided */
};

/* Computes the report for a period in one read transaction, without the
 * data key (and without opening any sealed field even when the person holds
 * it).  year: the financial year starting April YEAR, or with calendar the
 * calendar year.  Any role may run it, as may a book opened read-only or a
 * snapshot.  0, or -1 with a message. */
int book_report(struct book *b, int year, bool calendar, struct report *out, struct err *err);

/* --- suppression and output (pure) ---------------------------------------- */

/* Small numbers: a count from 1 to 4 is shown as "<5" (0 is shown); a
 * figure that would let one be worked out is withheld as "*" wherever it
 * appears.  report_emit applies the rule below to every sum in the report
 * at once: a number shown in several tables (the complaints received, a
 * stage's responses, ...) is one number, withheld everywhere once any
 * table withholds it, and a table whose total is withheld keeps a cell
 * back (see report-fmt.c).
 *
 * One table alone: in a table whose cells add up to a total that is shown,
 * suppressed cells could be found by subtraction: while the suppressed
 * cells of v[0..n-1] could only take one set of values (one cell alone;
 * all 1; all 4; or secondary cells at their least, 5), the smallest other
 * cell that is not zero is suppressed too, shown as "*".  mark[i] becomes
 * 0 shown, 1 small ("<5"), 2 secondary ("*").  Returns 1 when no cell was
 * left to add and the total must be withheld as well ("*"), else 0. */
#define REPORT_SMALL 5
int report_suppress(const long *v, size_t n, char *mark);
/* The text of one count under mark into buf: "12", "<5", "*". */
const char *report_count_text(long v, char mark, char *buf, size_t n);

enum report_part { REPORT_ANNUAL = 0, REPORT_CHC };
enum report_format { REPORT_TEXT = 0, REPORT_CSV, REPORT_MARKDOWN };

/* The callbacks report_emit drives: a table is begin, rows, end; a
 * paragraph is a line of prose (the title, the period, the rules).  cells
 * are the suppressed texts, cells[0] the row's label (untrusted: a team's
 * name); each returns 0 or stops the walk with its non-zero value. */
struct report_out {
	int (*para)(void *ctx, const char *text);
	int (*table_begin)(void *ctx, const char *id, const char *title, const char *const *heads,
	                   size_t ncols);
	int (*row)(void *ctx, const char *const *cells, size_t ncols);
	int (*table_end)(void *ctx);
};
int report_emit(const struct report *r, enum report_part part, const struct report_out *out,
                void *ctx);

/* The whole report in a format, in a malloc'd NUL-terminated string (*len
 * bytes) the caller frees.  Text is made safe to show (text_visible);
 * CSV is RFC 4180 (CRLF, quoted fields, UTF-8 passed through), each table
 * introduced by a row naming it; Markdown escapes '|' and markup.  -1 when
 * memory runs out. */
int report_render(const struct report *r, enum report_part part, enum report_format fmt,
                  char **text, size_t *len);

#endif
