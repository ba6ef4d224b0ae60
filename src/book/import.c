/* import.c - cases from a spreadsheet: an import that checks every row
 * before it writes any (then all in one transaction), in the columns of
 * columns.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/buf.h"
#include "columns.h"
#include "redress/clock.h"
#include "redress/codes.h"
#include "redress/csv.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/text.h"
#include "redress/workflow.h"

/* "Date received" -> "date_received"; "In person" -> "in-person" (sep). */
static void
import_normalise(const char *in, char sep, char *out, size_t n)
{
	size_t k = 0;

	for (; *in != '\0' && k + 1 < n; in++) {
		char c = *in;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c == ' ' || c == '-' || c == '_')
			c = sep;
		out[k++] = c;
	}
	out[k] = '\0';
}

/* Headers compare without case or separators: "Stage 1 response" is
 * stage1_response, "Child DOB" child_dob. */
static void
import_squeeze(const char *in, char *out, size_t n)
{
	size_t k = 0;

	for (; *in != '\0' && k + 1 < n; in++)
		if (*in != ' ' && *in != '-' && *in != '_')
			out[k++] = (*in >= 'A' && *in <= 'Z') ? (char)(*in + 32) : *in;
	out[k] = '\0';
}

static int
import_col_lookup(const char *header)
{
	char want[64], name[64];
	const char *s, *e;
	int c;

	import_squeeze(header, want, sizeof want);
	for (c = 0; c < C_COUNT; c++) {
		if (import_cols[c].flags & COL_PSEUDO)
			continue;
		for (s = import_cols[c].names; *s != '\0'; s = *e ? e + 1 : e) {
			e = s + strcspn(s, "|");
			snprintf(name, sizeof name, "%.*s", (int)(e - s), s);
			import_squeeze(name, name, sizeof name);
			if (strcmp(name, want) == 0)
				return c;
		}
	}
	return -1;
}

/* --- one row ----------------------------------------------------------------- */

struct import_row {
	struct book_case_new in;
	const char *ref;
	const char *staff[4];       /* manager, investigator, independent, adjudicator */
	char recv[DATE_STRLEN], aware[DATE_STRLEN], child_dob[DATE_STRLEN], comp_dob[DATE_STRLEN];
	char dates[IMPORT_NSTEPS][DATE_STRLEN];
	char until[IMPORT_NSTEPS][DATE_STRLEN];
	int reason;
	bool told;
	int ext_reason[2], finding; /* codes.h: Stage 1 and 2 extensions, the Ombudsman */
	const char *points[IMPORT_POINTS_MAX];
	size_t npoints;
	int outcomes[3][IMPORT_POINTS_MAX];
	int stage, status;          /* given to check against the steps, -1 if not */
};

struct import {
	struct book *b;
	const char *text;
	size_t len;
	int map[CSV_FIELDS_MAX];    /* column of each field of the file, -1 unused */
	size_t nfields;
	int where[C_COUNT];         /* field of each column, -1 absent */
	struct date today, real_today;
	struct book_case *c;        /* the write pass's case */
	uint32_t seq_max[200];      /* highest CSC-YYYY-NNNN brought over, by year - 1900 */
	size_t rows, cases;
};

static const char *
import_get(const struct import *im, struct csv_reader *r, int col)
{
	int f = im->where[col];
	char *v;

	if (f < 0)
		return NULL;
	v = text_trim(r->fields[f]);
	return *v != '\0' ? v : NULL;
}

/* YYYY-MM-DD, or DD/MM/YYYY as spreadsheets in England write it. */
static int
import_date(const char *what, const char *s, char out[DATE_STRLEN], struct err *err)
{
	struct date d;
	int day, month, year, n = 0;

	if (strchr(s, '/') != NULL) {
		if (sscanf(s, "%2d/%2d/%4d%n", &day, &month, &year, &n) != 3 || s[n] != '\0' ||
		    strlen(s) < 8 || s[strlen(s) - 5] != '/')
			return err_set(err, "%s: \"%.40s\" is not a date (YYYY-MM-DD or DD/MM/YYYY)",
			               what, s);
		if (date_from_ymd(year, month, day, &d, err) != 0)
			return err_prefix(err, "%s", what);
	} else if (date_parse(s, &d, err) != 0)
		return err_set(err, "%s: \"%.40s\" is not a date (YYYY-MM-DD or DD/MM/YYYY)", what, s);
	date_format(d, out);
	return 0;
}

static int
import_word(const char *what, const char *s, enum vocab_id vocab, int *out, struct err *err)
{
	char w[64], choices[512];

	import_normalise(s, '-', w, sizeof w);
	if ((*out = vocab_lookup(vocab, w)) < 0)
		return err_set(err, "%s: \"%.40s\" is not one of %s", what, s,
		               vocab_list(vocab, 0, choices, sizeof choices));
	return 0;
}

static int
import_bool(const char *what, const char *s, bool *out, struct err *err)
{
	char w[16];

	import_normalise(s, '-', w, sizeof w);
	if (strcmp(w, "yes") == 0 || strcmp(w, "y") == 0 || strcmp(w, "true") == 0 ||
	    strcmp(w, "1") == 0)
		*out = true;
	else if (strcmp(w, "no") == 0 || strcmp(w, "n") == 0 || strcmp(w, "false") == 0 ||
	         strcmp(w, "0") == 0)
		*out = false;
	else
		return err_set(err, "%s: \"%.20s\" is not yes or no", what, s);
	return 0;
}

/* A reference brought over: what staff can read out and type. */
static int
import_check_ref(const char *s, struct err *err)
{
	size_t i, n = strlen(s);

	if (n >= BOOK_REF_MAX)
		return err_set(err, "reference: \"%.40s\" is longer than %d characters", s,
		               BOOK_REF_MAX - 1);
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_' || s[i] == '/' ||
		      s[i] == '.'))
			return err_set(err, "reference: \"%.40s\" may hold only letters, digits and "
			               "- _ / .", s);
	/* not an option to a command, not a hidden file's name */
	if (n > 0 && !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
	               (s[0] >= '0' && s[0] <= '9')))
		return err_set(err, "reference: \"%.40s\" must start with a letter or a digit", s);
	return 0;
}

/* A cell of lines: its lines (in place), at most max; blank lines dropped. */
static size_t
import_lines(char *s, const char **out, size_t max, bool *over)
{
	size_t n = 0;
	char *line, *next;

	*over = false;
	for (line = s; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		line = text_trim(line);
		if (*line == '\0')
			continue;
		if (n == max) {
			*over = true;
			break;
		}
		out[n++] = line;
	}
	return n;
}

static int
import_outcomes(struct import_row *row, unsigned stage, char *cell, struct err *err)
{
	const char *v[IMPORT_POINTS_MAX];
	char what[32];
	bool over;
	size_t n = import_lines(cell, v, IMPORT_POINTS_MAX, &over), i;
	int o;

	snprintf(what, sizeof what, "stage%u_outcome", stage);
	if (n != 1 && n != row->npoints)
		return err_set(err, "%s: %zu outcomes for %zu points (give one for all, or one a "
		               "line for each)", what, n, row->npoints);
	for (i = 0; i < row->npoints; i++) {
		const char *s = v[n == 1 ? 0 : i];

		if (strcmp(s, "-") == 0)
			continue;
		if (import_word(what, s, VOCAB_OUTCOME, &o, err) != 0)
			return -1;
		if (o == OUTCOME_NONE)
			continue;
		row->outcomes[stage - 1][i] = o;
	}
	return 0;
}

/* The case's own cells of one record (import_row_parse): 0, or
 * BOOK_EUSAGE and why. */
static int
import_row_fields(struct import *im, struct csv_reader *r, struct import_row *row,
                  struct err *err)
{
	const char *v;
	char name[48];
	size_t i;

	/* every cell is text a person typed: UTF-8, no controls unless multiline */
	for (i = 0; i < r->nfields; i++)
		if (im->map[i] >= 0) {
			int c = im->map[i];

			import_col_name(c, name, sizeof name);
			if (book_check_text(name, r->fields[i], c == C_POINTS ? IMPORT_POINTS_MAX *
			                    BOOK_TEXT_MAX : BOOK_TEXT_MAX - 1,
			                    (import_cols[c].flags & COL_MULTILINE) != 0 || c == C_S1_OUT ||
			                    c == C_S2_OUT || c == C_S3_OUT || c == C_OUTCOME, err) != 0)
				return BOOK_EUSAGE;
		}
	row->ref = import_get(im, r, C_REF);
	if (row->ref != NULL && import_check_ref(row->ref, err) != 0)
		return BOOK_EUSAGE;
	row->in.ref = row->ref;
	row->in.kind = ROUTE_COMPLAINT;
	if ((v = import_get(im, r, C_KIND)) != NULL &&
	    import_word("kind", v, VOCAB_KIND, &row->in.kind, err) != 0)
		return BOOK_EUSAGE;
	row->in.channel = CHANNEL_ONLINE;
	if ((v = import_get(im, r, C_CHANNEL)) != NULL &&
	    import_word("channel", v, VOCAB_CHANNEL, &row->in.channel, err) != 0)
		return BOOK_EUSAGE;
	if ((v = import_get(im, r, C_RECEIVED)) == NULL)
		return err_set(err, "received: the date received is required"), BOOK_EUSAGE;
	if (import_date("received", v, row->recv, err) != 0)
		return BOOK_EUSAGE;
	row->in.received = row->recv;
	if ((v = import_get(im, r, C_AWARE)) != NULL) {
		if (import_date("aware", v, row->aware, err) != 0)
			return BOOK_EUSAGE;
		row->in.aware = row->aware;
	}
	row->in.team = import_get(im, r, C_TEAM);
	row->in.service = import_get(im, r, C_SERVICE);
	row->in.owner = import_get(im, r, C_OWNER);
	row->in.child_name = import_get(im, r, C_CHILD_NAME);
	row->in.complainant_name = import_get(im, r, C_COMP_NAME);
	row->in.summary = import_get(im, r, C_SUMMARY);
	row->in.redirect_to = import_get(im, r, C_REDIRECT);
	row->in.thanked = import_get(im, r, C_THANKED);
	row->in.complainant_role = PARTY_PARENT;
	if ((v = import_get(im, r, C_COMP_ROLE)) != NULL &&
	    import_word("complainant_role", v, VOCAB_PARTY_ROLE, &row->in.complainant_role,
	                err) != 0)
		return BOOK_EUSAGE;
	if ((v = import_get(im, r, C_SAFEGUARDING)) != NULL &&
	    import_bool("safeguarding", v, &row->in.safeguarding, err) != 0)
		return BOOK_EUSAGE;
	{
		static const int dobcols[2] = { C_CHILD_DOB, C_COMP_DOB };
		char *const out[2] = { row->child_dob, row->comp_dob };
		const char **dst[2] = { &row->in.child_dob, &row->in.complainant_dob };
		int k;

		for (k = 0; k < 2; k++) {
			struct date d;

			if ((v = import_get(im, r, dobcols[k])) == NULL)
				continue;
			import_col_name(dobcols[k], name, sizeof name);
			/* a date of birth is identity: what is wrong with it is said,
			 * the value never (stderr may go to a cron mail or a log) */
			if (import_date(name, v, out[k], err) != 0)
				return err_set(err, "%s: not a date that exists (YYYY-MM-DD or "
				               "DD/MM/YYYY)", name), BOOK_EUSAGE;
			if (date_parse(out[k], &d, err) != 0 || d.day > im->today.day ||
			    d.day > im->real_today.day)
				return err_set(err, "%s: a date in the future", name), BOOK_EUSAGE;
			if ((k == 0 ? row->in.child_name : row->in.complainant_name) == NULL)
				return err_set(err, "%s without a name", name), BOOK_EUSAGE;
			*dst[k] = out[k];
		}
	}
	for (i = 0; i < 4; i++) {
		static const char *const what[4] = { "manager", "investigator", "independent",
		                                      "adjudicator" };

		row->staff[i] = import_get(im, r, C_MANAGER + (int)i);
		if (book_check_login(what[i], row->staff[i], err) != 0)
			return BOOK_EUSAGE;
	}
	/* in the column's words before the checks `case add` shares */
	if (row->in.kind == ROUTE_COMPLAINT && row->in.child_name == NULL && !row->in.safeguarding)
		return err_set(err, "child_name: a complaint needs the child it is about"), BOOK_EUSAGE;
	if (row->in.kind == ROUTE_REDIRECTED && row->in.redirect_to == NULL)
		return err_set(err, "redirect_to: a redirected contact needs where the person was "
		               "sent"), BOOK_EUSAGE;
	if (book_check_login("owner", row->in.owner, err) != 0)
		return BOOK_EUSAGE;
	if (book_case_new_check(im->b, &row->in, err) != 0)
		return BOOK_EUSAGE;
	return 0;
}

/* A refusal's reason and whether the Ombudsman was mentioned, and the
 * codes of extensions and of the Ombudsman's decision (import_row_parse). */
static int
import_row_codes(struct import *im, struct csv_reader *r, struct import_row *row,
                 struct err *err)
{
	const char *v;
	char name[48];
	size_t i;

	/* the steps, each checked by the workflow after those before it */
	if ((v = import_get(im, r, C_REASON)) != NULL &&
	    import_word("reason", v, VOCAB_REFUSAL, &row->reason, err) != 0)
		return BOOK_EUSAGE;
	if ((v = import_get(im, r, C_TOLD)) != NULL &&
	    import_bool("ombudsman_told", v, &row->told, err) != 0)
		return BOOK_EUSAGE;
	/* the codes of an extension and of the Ombudsman's decision, each with
	 * the step it belongs to */
	{
		static const int col[3] = { C_S1_EXT_REASON, C_S2_EXT_REASON, C_OMB_FINDING };
		static const int step[3] = { C_S1_EXT, C_S2_EXT, C_OMB_OUT };
		char sname[48];
		int *out[3] = { &row->ext_reason[0], &row->ext_reason[1], &row->finding };

		for (i = 0; i < 3; i++) {
			if ((v = import_get(im, r, col[i])) == NULL)
				continue;
			import_col_name(col[i], name, sizeof name);
			import_col_name(step[i], sname, sizeof sname);
			if (import_word(name, v, i < 2 ? VOCAB_EXT_REASON : VOCAB_FINDING, out[i],
			                err) != 0)
				return BOOK_EUSAGE;
			if (import_get(im, r, step[i]) == NULL)
				return err_set(err, "%s without %s", name, sname), BOOK_EUSAGE;
		}
	}
	return 0;
}

/* The record's steps into wf (*n of them), each checked by the workflow
 * after those before it, then the history and its extensions
 * (import_row_parse). */
static int
import_row_steps(struct import *im, struct csv_reader *r, struct import_row *row,
                 struct wf_event wf[IMPORT_NSTEPS + 4], size_t *np, struct err *err)
{
	struct wf_event next;
	const char *v;
	char name[48];
	size_t i, n = 0;

	memset(wf, 0, sizeof *wf * (IMPORT_NSTEPS + 4));
	if (row->in.aware != NULL) {
		wf[n].type = EV_AWARE;
		date_parse(row->aware, &wf[n++].date, err);
	}
	wf[n].type = EV_RECEIVED;
	date_parse(row->recv, &wf[n++].date, err);
	if (row->in.safeguarding) {
		wf[n] = wf[n - 1];
		wf[n++].type = EV_SAFEGUARDING;
	}
	for (i = 0; i < IMPORT_NSTEPS; i++) {
		const struct import_step *s = &import_steps[i];
		bool refusal;

		import_col_name(s->col, name, sizeof name);
		if ((v = import_get(im, r, s->col)) == NULL) {
			if (s->until >= 0 && import_get(im, r, s->until) != NULL)
				return err_set(err, "%s_until without %s", name, name), BOOK_EUSAGE;
			continue;
		}
		if (import_date(name, v, row->dates[i], err) != 0)
			return BOOK_EUSAGE;
		memset(&next, 0, sizeof next);
		next.type = s->ev;
		date_parse(row->dates[i], &next.date, err);
		if (s->until >= 0 && (v = import_get(im, r, s->until)) != NULL) {
			import_col_name(s->until, name, sizeof name);
			if (import_date(name, v, row->until[i], err) != 0)
				return BOOK_EUSAGE;
			date_parse(row->until[i], &next.until, err);
			next.has_until = true;
			import_col_name(s->col, name, sizeof name);
		}
		next.decision = (enum decision)s->decision;
		refusal = s->ev == EV_DECLINED || s->decision == DECISION_REFUSED;
		if (refusal) {
			next.reason = (enum refusal)row->reason;
			next.ombudsman_told = row->told;
		}
		if (workflow_check((enum route)row->in.kind, wf, n, &next, im->today, err) != 0)
			return err_prefix(err, "%s", name), BOOK_EUSAGE;
		wf[n++] = next;
	}
	if (workflow_history_check((enum route)row->in.kind, wf, n, err) != 0)
		return BOOK_EUSAGE;
	{
		/* an extension agreed to a date before the deadline it extends */
		const struct profile *prof;
		const struct calendar *cal;
		struct clock_event ce[IMPORT_NSTEPS * 2 + 4];
		size_t nce = workflow_clock_events(wf, n, ce, sizeof ce / sizeof *ce);

		if (book_profile(im->b, &prof, &cal, err) != 0)
			return -1;
		if (clock_check_extensions(prof, cal, (enum route)row->in.kind, ce, nce, im->today,
		                           err) != 0)
			return BOOK_EUSAGE;
	}
	*np = n;
	return 0;
}

/* The stage and status given against those the steps reach, the points
 * and the outcomes of each stage (import_row_parse). */
static int
import_row_state(struct import *im, struct csv_reader *r, struct import_row *row,
                 const struct wf_event *wf, size_t n, struct err *err)
{
	struct wf_state st;
	const char *v, *outcome[4];
	char *cells[4];
	size_t i;
	int stage;

	workflow_state((enum route)row->in.kind, wf, n, &st);
	if ((v = import_get(im, r, C_STAGE)) != NULL) {
		if (strlen(v) != 1 || v[0] < '0' || v[0] > '3')
			return err_set(err, "stage: \"%.20s\" is not 0, 1, 2 or 3", v), BOOK_EUSAGE;
		if (v[0] - '0' != st.stage)
			return err_set(err, "stage: %s given, but the dates given reach stage %d", v,
			               st.stage), BOOK_EUSAGE;
	}
	if ((v = import_get(im, r, C_STATUS)) != NULL) {
		int s;

		if (import_word("status", v, VOCAB_STATUS, &s, err) != 0)
			return BOOK_EUSAGE;
		if (s != (int)st.status)
			return err_set(err, "status: %s given, but the dates given make it %s", v,
			               case_status_name(st.status)), BOOK_EUSAGE;
	}
	/* points, and the findings of each stage on them */
	if (im->where[C_POINTS] >= 0) {
		bool over;

		row->npoints = import_lines(r->fields[im->where[C_POINTS]], row->points,
		                            IMPORT_POINTS_MAX, &over);
		if (over)
			return err_set(err, "points: a case holds at most %d points", IMPORT_POINTS_MAX),
			       BOOK_EUSAGE;
		for (i = 0; i < row->npoints; i++)
			if (strlen(row->points[i]) >= BOOK_TEXT_MAX)
				return err_set(err, "points: point %zu is longer than %d bytes", i + 1,
				               BOOK_TEXT_MAX - 1), BOOK_EUSAGE;
	}
	for (i = 0; i < 4; i++) {
		outcome[i] = import_get(im, r, i < 3 ? C_S1_OUT + (int)i : C_OUTCOME);
		cells[i] = (char *)outcome[i];
	}
	if (outcome[3] != NULL) {
		if (st.stage < 1)
			return err_set(err, "outcome: a %s has no stages", route_name(st.route)),
			       BOOK_EUSAGE;
		if (outcome[st.stage - 1] != NULL)
			return err_set(err, "outcome and stage%d_outcome both given", st.stage),
			       BOOK_EUSAGE;
		cells[st.stage - 1] = cells[3];
	}
	for (stage = 1; stage <= 3; stage++) {
		if (cells[stage - 1] == NULL)
			continue;
		if (row->in.kind != ROUTE_COMPLAINT)
			return err_set(err, "stage%d_outcome: a %s has no findings", stage,
			               route_name(st.route)), BOOK_EUSAGE;
		if (stage > st.stage)
			return err_set(err, "stage%d_outcome: the complaint has not reached Stage %d",
			               stage, stage), BOOK_EUSAGE;
		if (row->npoints == 0) {
			/* findings belong to points: the complaint as a whole is point 1 */
			row->points[0] = row->in.summary != NULL ? row->in.summary : "The complaint";
			row->npoints = 1;
		}
		if (import_outcomes(row, (unsigned)stage, cells[stage - 1], err) != 0)
			return BOOK_EUSAGE;
	}
	return 0;
}

/* Reads and checks one record as a case: everything but whether its
 * reference is free.  0, or BOOK_EUSAGE and why. */
static int
import_row_parse(struct import *im, struct csv_reader *r, struct import_row *row,
                 struct err *err)
{
	struct wf_event wf[IMPORT_NSTEPS + 4];
	size_t n = 0;
	int rc;

	memset(row, 0, sizeof *row);
	row->stage = row->status = -1;
	if (r->nfields != im->nfields)
		return err_set(err, "%zu fields where the header has %zu", r->nfields, im->nfields),
		       BOOK_EUSAGE;
	if ((rc = import_row_fields(im, r, row, err)) != 0 ||
	    (rc = import_row_codes(im, r, row, err)) != 0 ||
	    (rc = import_row_steps(im, r, row, wf, &n, err)) != 0)
		return rc;
	return import_row_state(im, r, row, wf, n, err);
}

/* --- the header ----------------------------------------------------------- */

static int
import_header(struct import *im, struct csv_reader *r, struct err *err)
{
	size_t i;
	int c;

	for (c = 0; c < C_COUNT; c++)
		im->where[c] = -1;
	im->nfields = r->nfields;
	for (i = 0; i < r->nfields; i++) {
		char *h = text_trim(r->fields[i]);

		if (*h == '\0') {
			im->map[i] = -1;
			continue;
		}
		if ((c = import_col_lookup(h)) < 0)
			return err_set(err, "line %zu: unknown column \"%.40s\" (see redress(1), "
			               "IMPORT AND EXPORT)", r->record_line, h);
		if (im->where[c] >= 0)
			return err_set(err, "line %zu: column \"%.40s\" is given twice", r->record_line, h);
		im->where[c] = (int)i;
		im->map[i] = c;
	}
	if (im->where[C_RECEIVED] < 0)
		return err_set(err, "line %zu: the header has no \"received\" column", r->record_line);
	return 0;
}

/* --- the check pass -------------------------------------------------------------- */

struct import_bad {
	size_t line;
	char *msg;
};

struct import_refs {
	char ref[BOOK_REF_MAX];
	size_t line;
};

struct import_check {
	struct import *im;
	struct import_bad *bad;
	size_t nbad, capbad;
	struct import_refs *refs;
	size_t nrefs, caprefs;
	bool oom;
};

static void
import_bad(struct import_check *k, size_t line, const char *msg)
{
	if (buf_grow(&k->bad, &k->capbad, k->nbad + 1, sizeof *k->bad) != 0) {
		k->oom = true;
		return;
	}
	if ((k->bad[k->nbad].msg = strdup(msg)) == NULL) {
		k->oom = true;
		return;
	}
	k->bad[k->nbad++].line = line;
}

static int
import_cmp_refs(const void *a, const void *b)
{
	const struct import_refs *x = a, *y = b;
	int c = strcmp(x->ref, y->ref);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

static int
import_cmp_bad(const void *a, const void *b)
{
	const struct import_bad *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

static int
import_refs_txn(struct store_txn *t, void *vctx)
{
	struct import_check *k = vctx;
	const void *v;
	size_t i, n;
	char msg[128];

	for (i = 0; i < k->nrefs; i++)
		if (store_get(t, STORE_REFS, k->refs[i].ref, strlen(k->refs[i].ref), &v, &n) == 0) {
			snprintf(msg, sizeof msg, "reference: %s is in the book already", k->refs[i].ref);
			import_bad(k, k->refs[i].line, msg);
		}
	return 0;
}

/* A CSC-YYYY-NNNN reference brought over: later ones must not take it. */
static void
import_note_seq(struct import *im, const char *ref)
{
	int year, n = 0;
	unsigned seq;

	if (sscanf(ref, "CSC-%4d-%u%n", &year, &seq, &n) == 2 && ref[n] == '\0' && year >= 1900 &&
	    year < 2100 && seq > im->seq_max[year - 1900])
		im->seq_max[year - 1900] = seq;
}

/* The reader's messages begin "line N: ": the report gives the line itself. */
static const char *
import_strip_line(const char *msg)
{
	const char *p;

	if (strncmp(msg, "line ", 5) == 0 && (p = strstr(msg, ": ")) != NULL)
		return p + 2;
	return msg;
}

static int
import_check_all(struct import *im, struct import_row *row, struct import_check *k,
                 struct err *err)
{
	struct csv_reader r;
	struct err e;
	size_t i;
	int rc;

	csv_begin(&r, im->text, im->len);
	if ((rc = csv_read(&r, err)) <= 0) {
		csv_end(&r);
		return rc == 0 ? (err_set(err, "the file is empty: it needs a header row"), BOOK_EUSAGE)
		               : BOOK_EUSAGE;
	}
	if (import_header(im, &r, err) != 0) {
		csv_end(&r);
		return BOOK_EUSAGE;
	}
	for (;;) {
		rc = csv_read(&r, &e);
		if (rc == 0)
			break;
		if (rc < 0) {
			im->rows++;
			import_bad(k, r.record_line, import_strip_line(e.msg));
			if (rc == -2)
				break;
			continue;
		}
		im->rows++;
		if (import_row_parse(im, &r, row, &e) != 0) {
			import_bad(k, r.record_line, e.msg);
			continue;
		}
		if (row->ref == NULL)
			continue;
		if (buf_grow(&k->refs, &k->caprefs, k->nrefs + 1, sizeof *k->refs) != 0) {
			k->oom = true;
			break;
		}
		snprintf(k->refs[k->nrefs].ref, BOOK_REF_MAX, "%s", row->ref);
		k->refs[k->nrefs++].line = r.record_line;
		import_note_seq(im, row->ref);
	}
	csv_end(&r);
	if (k->oom)
		return err_set(err, "out of memory");
	/* references: once in the file, and not in the book */
	if (k->nrefs > 1)
		qsort(k->refs, k->nrefs, sizeof *k->refs, import_cmp_refs);
	for (i = 1; i < k->nrefs; i++)
		if (strcmp(k->refs[i].ref, k->refs[i - 1].ref) == 0) {
			char msg[128];

			snprintf(msg, sizeof msg, "reference: %s is also on line %zu", k->refs[i].ref,
			         k->refs[i - 1].line);
			import_bad(k, k->refs[i].line, msg);
		}
	if (store_read(im->b->st, import_refs_txn, k, err) != 0)
		return -1;
	return k->oom ? err_set(err, "out of memory") : 0;
}

/* --- the write pass -------------------------------------------------------------- */

static int
import_one(struct import *im, struct store_txn *t, struct import_row *row)
{
	struct book_case *c = im->c;
	struct book_step s;
	size_t i;
	unsigned stage;

	if (case_create(im->b, t, &row->in, c) != 0)
		return -1;
	snprintf(c->staff.manager, 64, "%s", row->staff[0] ? row->staff[0] : "");
	snprintf(c->staff.investigator, 64, "%s", row->staff[1] ? row->staff[1] : "");
	snprintf(c->staff.independent, 64, "%s", row->staff[2] ? row->staff[2] : "");
	snprintf(c->staff.adjudicator, 64, "%s", row->staff[3] ? row->staff[3] : "");
	for (i = 0; i < row->npoints; i++) {
		if (!BOOK_CASE_ROOM(c, points))
			return err_set(store_txn_err(t), "out of memory");
		c->points[i].number = (unsigned)i + 1;
		snprintf(c->points[i].text, BOOK_TEXT_MAX, "%s", row->points[i]);
		c->npoints++;
		for (stage = 1; stage <= 3; stage++)
			if (row->outcomes[stage - 1][i] != OUTCOME_NONE) {
				if (!BOOK_CASE_ROOM(c, findings))
					return err_set(store_txn_err(t), "out of memory");
				c->findings[c->nfindings++] = (struct book_finding){ stage, (unsigned)i + 1,
				                                                     row->outcomes[stage - 1][i] };
			}
	}
	for (i = 0; i < IMPORT_NSTEPS; i++) {
		const struct import_step *st = &import_steps[i];

		if (row->dates[i][0] == '\0')
			continue;
		memset(&s, 0, sizeof s);
		s.type = st->ev;
		s.date = row->dates[i];
		s.until = row->until[i][0] != '\0' ? row->until[i] : NULL;
		s.decision = st->decision;
		if (st->ev == EV_DECLINED || st->decision == DECISION_REFUSED) {
			s.reason = row->reason;
			s.ombudsman_told = row->told;
		}
		if (st->ev == EV_STAGE1_EXTENDED || st->ev == EV_STAGE2_EXTENDED)
			s.ext_reason = row->ext_reason[st->ev == EV_STAGE2_EXTENDED];
		if (st->ev == EV_OMBUDSMAN_OUTCOME)
			s.finding = row->finding;
		if (case_add_event(im->b, t, c, &s, im->b->key_id) != 0)
			return -1;
	}
	if (case_commit_new(im->b, t, c) != 0)
		return -1;
	return book_audit_append(im->b, t, "case.import", c->ref, "kind,received,people,steps");
}

struct import_txn {
	struct import *im;
	struct import_row *row;
};

static int
import_txn(struct store_txn *t, void *vctx)
{
	struct import_txn *x = vctx;
	struct import *im = x->im;
	struct csv_reader r;
	struct err *err = store_txn_err(t);
	char key[32];
	size_t y;
	int rc;

	im->cases = 0;
	for (y = 0; y < sizeof im->seq_max / sizeof im->seq_max[0]; y++) {
		if (im->seq_max[y] == 0)
			continue;
		snprintf(key, sizeof key, "ref_seq_%04zu", y + 1900);
		if (book_meta_u64(t, key, 0) < im->seq_max[y] &&
		    book_meta_put_u64(t, key, im->seq_max[y]) != 0)
			return -1;
	}
	csv_begin(&r, im->text, im->len);
	rc = csv_read(&r, err); /* the header, read before */
	while (rc > 0 && (rc = csv_read(&r, err)) > 0) {
		if (import_row_parse(im, &r, x->row, err) != 0 || import_one(im, t, x->row) != 0) {
			err_prefix(err, "line %zu", r.record_line);
			csv_end(&r);
			return -1;
		}
		im->cases++;
	}
	csv_end(&r);
	if (rc < 0)
		return -1;
	snprintf(key, sizeof key, "%zu cases", im->cases);
	return book_audit_append(im->b, t, "import", key, "csv");
}

int
book_case_import(struct book *b, const char *csv, size_t len, bool check_only,
                 int (*bad)(size_t line, const char *why, void *ctx), void *ctx,
                 size_t *imported, struct err *err)
{
	struct import *im;
	struct import_row *row;
	struct import_check k;
	struct import_txn x;
	size_t i;
	int rc;

	*imported = 0;
	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	im = calloc(1, sizeof *im);
	row = calloc(1, sizeof *row);
	memset(&k, 0, sizeof k);
	if (im == NULL || row == NULL) {
		free(im);
		free(row);
		return err_set(err, "out of memory");
	}
	im->b = b;
	im->text = csv;
	im->len = len;
	im->today = book_today(b);
	im->real_today = date_from_unix_london((int64_t)book_now());
	k.im = im;
	/* every row is checked before anything is written */
	rc = import_check_all(im, row, &k, err);
	if (rc == 0 && k.nbad > 0) {
		qsort(k.bad, k.nbad, sizeof *k.bad, import_cmp_bad);
		for (i = 0; i < k.nbad; i++)
			if (bad != NULL && bad(k.bad[i].line, k.bad[i].msg, ctx) != 0)
				break;
		err_set(err, "%zu of %zu row%s cannot be imported: nothing was imported", k.nbad,
		        im->rows, im->rows == 1 ? "" : "s");
		rc = BOOK_EUSAGE;
	} else if (rc == 0 && im->rows == 0)
		rc = (err_set(err, "no rows to import (only a header)"), BOOK_EUSAGE);
	if (rc == 0 && check_only)
		*imported = im->rows;
	else if (rc == 0) {
		if ((im->c = book_case_new()) == NULL)
			rc = err_set(err, "out of memory");
		else {
			x.im = im;
			x.row = row;
			rc = book_write(b, ROLE_CASEWORKER, true, import_txn, &x, err);
			book_case_free(im->c);
		}
		if (rc == 0) {
			*imported = im->cases;
			book_audit_announce(b);
		}
	}
	for (i = 0; i < k.nbad; i++)
		free(k.bad[i].msg);
	free(k.bad);
	free(k.refs);
	vault_wipe(row, sizeof *row);
	free(row);
	free(im);
	return rc;
}
