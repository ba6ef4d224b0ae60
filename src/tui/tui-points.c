/* tui-points.c - what a complaint is about and what came of it, from the
 * case view: its points, a finding on each point at each stage (upheld,
 * partly upheld, not upheld, unable to determine), recommendations with
 * their owner and due date (made at a stage, or the Ombudsman's once its
 * decision is recorded), and marking one done (the Ombudsman's: complied
 * with).  The report counts them all; each form checks as it is typed and is
 * recorded on the revision shown. */
#include <stdlib.h>
#include <string.h>

#include "redress/text.h"
#include "tui-int.h"

#define TUI_POINT_MAX 3072

static const char *const tui_stages[] = { "stage 1", "stage 2", "stage 3" };

/* The stages a finding or recommendation may belong to: 1 to the case's
 * stage, at most 3; 0 when it has reached none. */
static int
tui_stages_reached(const struct book_case *c)
{
	return c->stage < 1 ? 0 : c->stage > 3 ? 3 : c->stage;
}

/* --- points --------------------------------------------------------------------- */

static int
tui_point_submit(struct tui *t, struct tui_form *f)
{
	char *text = text_trim(tui_form_field(f, "text")->buf);
	unsigned num = 0;
	struct err err;
	int rc;

	if (tui_case_fresh(t) != 0)
		return -1;
	rc = book_case_point(t->b, t->view.ref, text, &num, &err);
	return tui_case_wrote(t, rc, &err, "point %u added", num);
}

void
tui_point_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_form *f;
	char title[128];

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	snprintf(title, sizeof title, "Point %zu on %s, in the complainant's terms",
	         c->npoints + 1, t->view.ref);
	if ((f = tui_case_form_new(t, title, TUI_POINT_MAX, "point", NULL, NULL)) == NULL)
		return;
	tui_form_text(f, "text", "Point", TUI_POINT_MAX, false, NULL);
	tui_case_form(t, f, tui_point_submit);
	tui_form_free(&f);
}

/* --- findings ------------------------------------------------------------------- */

struct tui_numbers {
	const char **names;           /* "1", "2"...: a choice per point or recommendation */
	char (*labels)[16];
	unsigned *number;
	size_t n;
};

static int
tui_numbers_new(struct tui_numbers *N, size_t n)
{
	memset(N, 0, sizeof *N);
	N->names = calloc(n ? n : 1, sizeof *N->names);
	N->labels = calloc(n ? n : 1, sizeof *N->labels);
	N->number = calloc(n ? n : 1, sizeof *N->number);
	return N->names != NULL && N->labels != NULL && N->number != NULL ? 0 : -1;
}

static void
tui_numbers_add(struct tui_numbers *N, unsigned number)
{
	snprintf(N->labels[N->n], sizeof N->labels[0], "%u", number);
	N->names[N->n] = N->labels[N->n];
	N->number[N->n++] = number;
}

static void
tui_numbers_free(struct tui_numbers *N)
{
	free(N->names);
	free(N->labels);
	free(N->number);
	memset(N, 0, sizeof *N);
}

/* The finding already recorded on point at stage, or OUTCOME_NONE. */
static int
tui_finding_now(const struct book_case *c, unsigned stage, unsigned point)
{
	size_t i;

	for (i = 0; i < c->nfindings; i++)
		if (c->findings[i].stage == stage && c->findings[i].point == point)
			return c->findings[i].outcome;
	return OUTCOME_NONE;
}

static const char *
tui_point_text(const struct book_case *c, unsigned number)
{
	size_t i;

	for (i = 0; i < c->npoints; i++)
		if (c->points[i].number == number)
			return c->points[i].text;
	return "";
}

static void
tui_finding_check(struct tui *t, struct tui_form *f)
{
	const struct book_case *c = t->view.c;
	struct tui_numbers *N = f->ctx;
	struct tui_field *pt = tui_form_field(f, "point"), *st = tui_form_field(f, "stage");
	struct tui_field *out = tui_form_field(f, "outcome");
	unsigned point = N->number[pt->choice], stage = (unsigned)st->choice + 1;
	int now = tui_finding_now(c, stage, point);

	snprintf(pt->note, sizeof pt->note, "%.200s", tui_point_text(c, point));
	if (now != OUTCOME_NONE && now != out->choice + 1) {
		snprintf(out->note, sizeof out->note, "replaces %s, recorded before at stage %u",
		         outcome_name(now), stage);
		out->note_style = TUI_S_SOON;
	}
}

static int
tui_finding_submit(struct tui *t, struct tui_form *f)
{
	struct tui_numbers *N = f->ctx;
	unsigned point = N->number[tui_form_field(f, "point")->choice];
	unsigned stage = (unsigned)tui_form_field(f, "stage")->choice + 1;
	int outcome = tui_form_field(f, "outcome")->choice + 1;
	struct err err;

	if (tui_case_fresh(t) != 0)
		return -1;
	return tui_case_wrote(t, book_case_finding(t->b, t->view.ref, stage, point, outcome, &err),
	                      &err, "point %u at stage %u: %s", point, stage,
	                      outcome_name(outcome));
}

void
tui_finding_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_numbers N;
	struct tui_form *f;
	const char *outcomes[OUTCOME_COUNT - 1];
	char title[128];
	size_t i, first = 0;
	int stages;

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if (c->npoints == 0) {
		tui_message(t, true, "%s has no points yet: p adds one", t->view.ref);
		return;
	}
	if ((stages = tui_stages_reached(c)) == 0) {
		tui_message(t, true, "%s has not reached Stage 1", t->view.ref);
		return;
	}
	vocab_names(VOCAB_OUTCOME, OUTCOME_UPHELD, outcomes, OUTCOME_COUNT - 1);
	if (tui_numbers_new(&N, c->npoints) != 0) {
		tui_numbers_free(&N);
		tui_message(t, true, "out of memory");
		return;
	}
	/* the first point with no finding at this stage comes first */
	for (i = c->npoints; i-- > 0;) {
		if (tui_finding_now(c, (unsigned)stages, c->points[i].number) == OUTCOME_NONE)
			first = i;
	}
	for (i = 0; i < c->npoints; i++)
		tui_numbers_add(&N, c->points[i].number);
	snprintf(title, sizeof title, "A finding on a point of %s", t->view.ref);
	if ((f = tui_case_form_new(t, title, 16, "finding", tui_finding_check, &N)) == NULL) {
		tui_numbers_free(&N);
		return;
	}
	tui_form_choice(f, "point", "Point", N.names, (int)N.n, (int)first);
	tui_form_choice(f, "stage", "At", tui_stages, stages, stages - 1);
	tui_form_choice(f, "outcome", "Finding", outcomes, OUTCOME_COUNT - 1, 0);
	tui_form_focus(f, "outcome");
	tui_case_form(t, f, tui_finding_submit);
	tui_form_free(&f);
	tui_numbers_free(&N);
}

/* --- recommendations ------------------------------------------------------------------ */

/* The recommendation form's own: the users to choose the owner from, and
 * whose recommendation it is: the stages reached, then the Ombudsman's
 * once the case has its decision (what the book asks of one). */
struct tui_rec {
	struct tui_pick pick;
	const char *made[4];
	int stages;                   /* made[0..stages-1] are stages */
	int nmade;
};

/* The stage the form's "Made at" chooses: 1..3, or BOOK_REC_OMBUDSMAN. */
static unsigned
tui_rec_stage(const struct tui_rec *R, struct tui_form *f)
{
	int k = tui_form_field(f, "stage")->choice;

	return k < R->stages ? (unsigned)k + 1 : BOOK_REC_OMBUDSMAN;
}

static void
tui_rec_check(struct tui *t, struct tui_form *f)
{
	const struct book_case *c = t->view.c;
	struct tui_rec *R = f->ctx;
	struct tui_field *who = tui_form_field(f, "owner"), *typed = tui_form_field(f, "owner_login");
	struct tui_field *due = tui_form_field(f, "due"), *made = tui_form_field(f, "stage");
	bool omb = tui_rec_stage(R, f) == BOOK_REC_OMBUDSMAN;
	struct date d;

	tui_pick_check(&R->pick, who, typed);
	/* the Ombudsman's is carried out by the case's owner unless said, as
	 * `case ombudsman-rec` without --owner */
	if (who->choice == 0 && omb && c->staff.owner[0] != '\0') {
		snprintf(who->note, sizeof who->note, "the case's owner carries it out: %.63s",
		         c->staff.owner);
	} else if (who->choice == 0) {
		who->bad = true;
		snprintf(who->why, sizeof who->why, "a recommendation needs an owner");
	}
	if (omb)
		snprintf(made->note, sizeof made->note, "on the calendar until complied with");
	if (!due->bad && date_parse(due->buf, &d, NULL) == 0 && d.day < t->today.day) {
		snprintf(due->note, sizeof due->note, "already past: it will count as overdue");
		due->note_style = TUI_S_SOON;
	}
}

static int
tui_rec_submit(struct tui *t, struct tui_form *f)
{
	struct tui_rec *R = f->ctx;
	char *text = text_trim(tui_form_field(f, "text")->buf), owner[64];
	unsigned num = 0, stage = tui_rec_stage(R, f);
	struct err err;
	int rc;

	snprintf(owner, sizeof owner, "%s",
	         tui_choose_value(&R->pick.c, tui_form_field(f, "owner"),
	                          tui_form_field(f, "owner_login")));
	if (tui_case_fresh(t) != 0)
		return -1;
	if (stage == BOOK_REC_OMBUDSMAN && owner[0] == '\0')
		snprintf(owner, sizeof owner, "%s", t->view.c->staff.owner);
	rc = book_case_recommend(t->b, t->view.ref, stage, text, text_trim(owner),
	                         tui_form_field(f, "due")->buf, &num, &err);
	return tui_case_wrote(t, rc, &err, "%srecommendation %u added",
	                      stage == BOOK_REC_OMBUDSMAN ? "the Ombudsman's " : "", num);
}

void
tui_rec_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_rec *R;
	struct tui_form *f;
	char title[128];
	int stages, k;

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	stages = tui_stages_reached(c);
	if (stages == 0 && !book_case_ombudsman_decided(c)) {
		tui_message(t, true, "a recommendation belongs to Stage 1, 2 or 3: %s has reached none",
		            t->view.ref);
		return;
	}
	if ((R = calloc(1, sizeof *R)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	if (tui_pick_load(t, &R->pick) != 0) {
		free(R);
		return;
	}
	for (k = 0; k < stages; k++)
		R->made[R->nmade++] = tui_stages[k];
	R->stages = stages;
	if (book_case_ombudsman_decided(c))
		R->made[R->nmade++] = "the Ombudsman's decision";
	snprintf(title, sizeof title, "Recommendation %zu on %s: what, who, by when",
	         c->nrecs + 1, t->view.ref);
	if ((f = tui_case_form_new(t, title, TUI_POINT_MAX + 64 + DATE_STRLEN + 1, "recommend",
	                           tui_rec_check, R)) == NULL) {
		free(R);
		return;
	}
	tui_form_text(f, "text", "Recommendation", TUI_POINT_MAX, false, NULL);
	/* the case's owner, unless someone else is chosen */
	tui_choose_fields(f, &R->pick.c, "owner", "Owner", "owner_login", "  their login", 64, false,
	                  c->staff.owner);
	tui_form_date(f, "due", "Due", false, NULL);
	/* the latest there is: once the Ombudsman has decided, its own */
	tui_form_choice(f, "stage", "Made at", R->made, R->nmade, R->nmade - 1);
	tui_form_focus(f, "text");
	tui_case_form(t, f, tui_rec_submit);
	tui_form_free(&f);
	free(R);
}

static void
tui_done_check(struct tui *t, struct tui_form *f)
{
	const struct book_case *c = t->view.c;
	struct tui_numbers *N = f->ctx;
	struct tui_field *rec = tui_form_field(f, "rec"), *date = tui_form_field(f, "date");
	char today[DATE_STRLEN];
	struct date d;
	size_t i;

	/* the Ombudsman's is complied with, as the CLI says */
	date->label = "Done on";
	for (i = 0; i < c->nrecs; i++)
		if (c->recs[i].number == N->number[rec->choice]) {
			bool omb = c->recs[i].stage == BOOK_REC_OMBUDSMAN;

			snprintf(rec->note, sizeof rec->note, "%s%s, due %s: %.120s",
			         omb ? "the Ombudsman's, " : "", c->recs[i].owner, c->recs[i].due,
			         c->recs[i].text);
			if (omb)
				date->label = "Complied with on";
		}
	if (!date->bad && date_parse(date->buf, &d, NULL) == 0 && d.day > t->today.day) {
		date->bad = true;
		snprintf(date->why, sizeof date->why, "%s is in the future (today is %s)", date->buf,
		         date_format(t->today, today));
	}
}

static int
tui_done_submit(struct tui *t, struct tui_form *f)
{
	struct tui_numbers *N = f->ctx;
	unsigned num = N->number[tui_form_field(f, "rec")->choice];
	bool omb = num >= 1 && num <= t->view.c->nrecs &&
	           t->view.c->recs[num - 1].stage == BOOK_REC_OMBUDSMAN;
	struct err err;

	if (tui_case_fresh(t) != 0)
		return -1;
	return tui_case_wrote(t, book_case_rec_done(t->b, t->view.ref, num,
	                                            tui_form_field(f, "date")->buf, &err),
	                      &err, omb ? "the Ombudsman's recommendation %u complied with"
	                                : "recommendation %u done", num);
}

void
tui_rec_done_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_numbers N;
	struct tui_form *f;
	char title[128], today[DATE_STRLEN];
	bool omb = false;             /* an open one is the Ombudsman's */
	size_t i;

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if (tui_numbers_new(&N, c->nrecs) != 0) {
		tui_numbers_free(&N);
		tui_message(t, true, "out of memory");
		return;
	}
	for (i = 0; i < c->nrecs; i++)
		if (c->recs[i].done[0] == '\0') {
			tui_numbers_add(&N, c->recs[i].number);
			omb |= c->recs[i].stage == BOOK_REC_OMBUDSMAN;
		}
	if (N.n == 0) {
		tui_numbers_free(&N);
		tui_message(t, true, "%s has no open recommendation: R adds one", t->view.ref);
		return;
	}
	snprintf(title, sizeof title, "A recommendation on %s carried out%s", t->view.ref,
	         omb ? " or complied with" : "");
	if ((f = tui_case_form_new(t, title, DATE_STRLEN + 1, "done", tui_done_check, &N)) == NULL) {
		tui_numbers_free(&N);
		return;
	}
	tui_form_choice(f, "rec", "Recommendation", N.names, (int)N.n, 0);
	tui_form_date(f, "date", "Done on", false, date_format(t->today, today));
	tui_case_form(t, f, tui_done_submit);
	tui_form_free(&f);
	tui_numbers_free(&N);
}
