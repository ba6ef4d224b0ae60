/* tui-step.c - every step of the procedure from the case view: a menu of
 * those the workflow allows on the case today, and a small form for each
 * (date, note, and what the step needs), recorded on the revision shown. */
#include <stdlib.h>
#include <string.h>

#include "redress/codes.h"
#include "redress/preview.h"
#include "redress/text.h"
#include "redress/workflow.h"
#include "tui-int.h"

#define TUI_NOTE_MAX 3072 /* a note and the rest of its form fit in one draft */
#define TUI_SHEET_MAX (PROFILE_RULES_MAX + 2)

/* A step form is bound to the step it was opened for: the event, the
 * stage and the revision it saw.  A case that has moved on since makes it
 * say so and record nothing; it never becomes the next stage's step. */
struct tui_bound {
	const struct workflow_step *s;
	enum event_type ev;
	int stage;
	uint64_t rev;
};

/* Steps that start, stop or close a council's clock end on a confirmation
 * (what else changes one does too: the preview finds it). */
static const char *const tui_confirmed[] = {
	"acknowledge", "respond", "accept", "refuse", "decline", "escalate", "extend",
	"arrange-panel", "panel-held", "findings", "close", "withdraw", "ombudsman",
	"ombudsman-outcome",
};

static const char *const tui_yesno[] = { "no", "yes" };
/* whether the council had remedied it before the Ombudsman's decision: BOOK_REMEDIED_* */
static const char *const tui_remedied[] = { "not recorded", "yes", "no" };
/* refusal_name() of every coded reason, REFUSAL_NONE left out */

static bool
tui_step_is(const struct workflow_step *s, const char *name)
{
	return strcmp(s->name, name) == 0;
}

/* The event a step means for this case, as `redress case` has it. */
static int
tui_step_event(const struct workflow_step *d, const struct book_case *c, enum event_type *ev,
               struct err *err)
{
	return workflow_step_event(d, c->ref, (enum route)c->kind, c->stage, ev, err);
}

/* Whether the workflow would take the step today, as the form starts it. */
static bool
tui_step_valid(struct tui *t, const struct workflow_step *s, const struct book_case *c,
               const struct wf_event *wf, size_t n)
{
	struct wf_event next;
	enum event_type ev;

	if (tui_step_event(s, c, &ev, NULL) != 0)
		return false;
	memset(&next, 0, sizeof next);
	next.type = ev;
	next.date = t->today;
	/* Stage 2 asked for without a Stage 1 response that is overdue */
	if (ev == EV_STAGE2_REQUESTED)
		next.overran = book_case_overran(t->b, c, wf, n, t->today.day);
	if (tui_step_is(s, "accept"))
		next.decision = DECISION_ACCEPTED;
	if (tui_step_is(s, "refuse") || tui_step_is(s, "decline")) {
		next.decision = tui_step_is(s, "refuse") ? DECISION_REFUSED : DECISION_NONE;
		next.reason = REFUSAL_OUT_OF_SCOPE;
		next.ombudsman_told = true;
	}
	return workflow_check((enum route)c->kind, wf, n, &next, t->today, NULL) == 0;
}

bool
tui_cannot_change(struct tui *t, int role)
{
	enum role r = book_role(t->b);

	if (book_readonly(t->b))
		tui_message(t, true, "the book is open read-only: nothing can be changed");
	else if (!book_enrolled(t->b))
		tui_message(t, true, "%s is not enrolled in this book: nothing can be changed",
		            t->login);
	else if ((int)r < role)
		tui_message(t, true, "%s is %s%s: this needs %s", t->login,
		            r == ROLE_NONE ? "not yet granted access"
		              : r == ROLE_AUDITOR || r == ROLE_ADMIN ? "an " : "a ",
		            r == ROLE_NONE ? "" : role_name(r), role_name((enum role)role));
	else if (!book_has_key(t->b))
		tui_message(t, true, "names are hidden (no passphrase given): nothing can be changed");
	else
		return false;
	return true;
}

/* --- the menu ------------------------------------------------------------------------ */

void
tui_step_menu(struct tui *t)
{
	const struct book_case *c = t->view.c;
	const char *names[workflow_nsteps], *help[workflow_nsteps];
	struct tui_menu m;
	struct wf_event *wf;
	char title[128];
	size_t i, n, k = 0;
	int r;

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if ((wf = calloc(c->nevents + 1, sizeof *wf)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	n = book_case_workflow(c, wf, c->nevents);
	for (i = 0; i < workflow_nsteps; i++)
		if (tui_step_valid(t, &workflow_steps[i], c, wf, n)) {
			names[k] = workflow_steps[i].name;
			help[k] = workflow_steps[i].help;
			/* Stage 3 needs the Stage 2 response (reg 18); a council that
			 * is late with it leaves the complainant the Ombudsman now */
			if (tui_step_is(&workflow_steps[i], "ombudsman") && c->stage == 2 &&
			    book_case_response_overdue(t->b, c, wf, n, t->today.day,
			                               EV_STAGE2_RESPONSE_SENT))
				help[k] = "Stage 2 response overdue: the Ombudsman is open now";
			k++;
		}
	free(wf);
	snprintf(title, sizeof title, "Steps %s may take today", t->view.ref);
	memset(&m, 0, sizeof m);
	m.title = title;
	m.names = names;
	m.help = help;
	m.n = k;
	if ((r = tui_menu_run(t, &m)) >= 0)
		tui_step_form(t, names[r], 0);
}

/* --- the form ------------------------------------------------------------------------ */

static void
tui_step_check(struct tui *t, struct tui_form *f)
{
	const struct workflow_step *s = ((const struct tui_bound *)f->ctx)->s;
	struct tui_field *date = tui_form_field(f, "date"), *until = tui_form_field(f, "until");
	struct tui_field *reason = tui_form_field(f, "reason"), *told = tui_form_field(f, "told");
	struct tui_field *x;
	struct date d, u;
	char today[DATE_STRLEN];

	if (date != NULL && !date->bad && date_parse(date->buf, &d, NULL) == 0) {
		if (d.day > t->today.day && !tui_step_is(s, "arrange-panel")) {
			date->bad = true;
			snprintf(date->why, sizeof date->why, "%s is in the future (today is %s)",
			         date->buf, date_format(t->today, today));
		}
		if (until != NULL && !until->bad && until->buf[0] != '\0' &&
		    date_parse(until->buf, &u, NULL) == 0 && u.day < d.day) {
			until->bad = true;
			snprintf(until->why, sizeof until->why, "the agreed date is before the extension");
		}
	}
	if (until != NULL && until->buf[0] == '\0')
		snprintf(until->note, sizeof until->note, "empty: the most the profile allows");
	if (reason != NULL)
		snprintf(reason->note, sizeof reason->note, "%s",
		         refusal_describe((enum refusal)(reason->choice + 1)));
	/* the coded reason of an extension, the Ombudsman's finding: choice i is
	 * code i, 0 "not recorded" */
	if ((x = tui_form_field(f, "ext_reason")) != NULL)
		snprintf(x->note, sizeof x->note, "%s", x->choice == EXT_REASON_NONE
		         ? "optional: counted as not recorded in the annual report"
		         : ext_reason_describe(x->choice));
	if ((x = tui_form_field(f, "finding")) != NULL)
		snprintf(x->note, sizeof x->note, "%s", x->choice == OMB_FINDING_NONE
		         ? "optional: counted as not recorded in the annual report"
		         : omb_finding_describe(x->choice));
	if (told != NULL && told->choice == 0) {
		told->bad = true;
		snprintf(told->why, sizeof told->why,
		         "answer yes: the complainant must be told they may go to the Ombudsman");
		snprintf(told->note, sizeof told->note, "needed before it can be recorded");
		told->note_style = TUI_S_SOON;
	}
}

/* Line i of the sheet on rows from y (or only counted, draw false), wrapped
 * at spaces to the width, the rows after the first indented: how many rows. */
static int
tui_sheet_line(struct tui *t, size_t i, int y, bool draw)
{
	const char *s;
	size_t len, next;
	int rows = 0, x = 2;

	text_visible(t->sheet->lines[i], t->vis, TUI_VIS_MAX);
	s = t->vis;
	do {
		len = tui_wrap(s, t->cols - x > 8 ? t->cols - x : 8, &next);
		if (draw)
			tui_putn(t, t->body, y + rows, x, s, len, t->cols - x, TUI_LEFT, A_NORMAL);
		rows++;
		s += next;
		x = 4;
	} while (*s != '\0');
	return rows;
}

void
tui_sheet_draw(struct tui *t)
{
	const struct tui_sheet *sh = t->sheet;
	int h = tui_body_rows(t), fh = 1, y0, y;
	size_t i;

	for (i = 0; i < sh->n; i++)
		fh += tui_sheet_line(t, i, 0, false);
	fh = fh < h ? fh : h;
	y0 = h - fh;
	for (y = y0; y < h; y++) {
		wmove(t->body, y, 0);
		wclrtoeol(t->body);
	}
	text_visible(sh->title, t->vis, TUI_VIS_MAX);
	tui_put(t, t->body, y0, 0, t->vis, t->cols, TUI_LEFT, tui_style(t, TUI_S_BAR));
	/* (a line that would run past the body is left out whole) */
	for (i = 0, y = y0 + 1; i < sh->n && y < h; i++)
		if (y + tui_sheet_line(t, i, 0, false) <= h)
			y += tui_sheet_line(t, i, y, true);
		else
			break;
}

/* What the step will do, in words, over the case view: 1 when the person
 * presses y, 0 for any other key, -1 when the client must stop. */
static int
tui_step_confirm(struct tui *t, const struct tui_bound *bd, const struct wf_event *next,
                 const char *date, const char *detail)
{
	const struct book_case *c = t->view.c;
	const struct profile *prof;
	const struct calendar *cal;
	struct tui_input in = { "y records it; any other key goes back to the form", NULL, 0,
	                        false }, *outer = t->input;
	struct tui_sheet sh;
	struct preview *pv = NULL;
	struct wf_event *wf = NULL;
	struct err err;
	char title[256], lines[TUI_SHEET_MAX][256];
	const char *ptrs[TUI_SHEET_MAX];
	size_t i, n = 0, npv = 0;
	bool ask = false;
	wint_t wc;
	int key, r = -1;

	for (i = 0; i < sizeof tui_confirmed / sizeof *tui_confirmed; i++)
		ask |= tui_step_is(bd->s, tui_confirmed[i]);
	pv = calloc(PROFILE_RULES_MAX, sizeof *pv);
	wf = calloc(c->nevents + 1, sizeof *wf);
	if (pv == NULL || wf == NULL) {
		tui_message(t, true, "not recorded: out of memory");
		r = 0;
		goto out;
	}
	if (book_profile(t->b, &prof, &cal, &err) != 0 ||
	    clock_preview(prof, cal, (enum route)c->kind, wf,
	                  book_case_workflow(c, wf, c->nevents), next, t->today, pv,
	                  PROFILE_RULES_MAX, &npv, &err) != 0) {
		tui_message(t, true, "not recorded: %s", err.msg);
		r = 0;
		goto out;
	}
	if (!ask && npv == 0) {
		r = 1; /* a note, a pause: no clock of the council's changes */
		goto out;
	}
	snprintf(title, sizeof title, " Record %s on %s?", bd->s->name, t->view.ref);
	snprintf(lines[n++], sizeof lines[0], "%s, dated %s", event_describe(bd->ev), date);
	if (detail != NULL && detail[0] != '\0')
		snprintf(lines[n++], sizeof lines[0], "%s", detail);
	for (i = 0; i < npv && n + 1 < TUI_SHEET_MAX; i++)
		preview_describe(&pv[i], lines[n++], sizeof lines[0]);
	if (n == 0)
		snprintf(lines[n++], sizeof lines[0], "no deadline opens, closes or moves");
	snprintf(lines[n++], sizeof lines[0], "y records it; Esc, n or any other key goes back to "
	         "the form");
	for (i = 0; i < n; i++)
		ptrs[i] = lines[i];
	sh.title = title;
	sh.lines = ptrs;
	sh.n = n;
	t->sheet = &sh;
	t->input = &in;
	while (!tui_stopping()) {
		if (!tui_modal_read(t, &key, &wc))
			continue;
		r = key == 'y';
		if (!r)
			tui_message(t, false, "not recorded: only y records it");
		break;
	}
	t->input = outer;
	t->sheet = NULL;
out:
	free(pv);
	free(wf);
	return r;
}

/* Whether the case as now shown still means the form's step: -1, saying
 * so, when it has moved to another stage or the step means another event. */
static int
tui_step_still(struct tui *t, const struct tui_bound *bd)
{
	const struct book_case *c = t->view.c;
	enum event_type ev;
	struct err err;

	if (c->stage != bd->stage) {
		tui_message(t, true, "not recorded: %s moved to Stage %d since this form opened "
		            "(it was for Stage %d); nothing recorded", t->view.ref, c->stage, bd->stage);
		return -1;
	}
	if (tui_step_event(bd->s, c, &ev, &err) != 0 || ev != bd->ev) {
		tui_message(t, true, "not recorded: %s no longer means %s on %s; nothing recorded",
		            bd->s->name, event_describe(bd->ev), t->view.ref);
		return -1;
	}
	return 0;
}

/* Whether the workflow takes next on the case as now shown; -1 saying why. */
static int
tui_step_allowed(struct tui *t, const struct wf_event *next)
{
	const struct book_case *c = t->view.c;
	struct wf_event *wf, x;
	struct err err;
	size_t n;
	int rc;

	if ((wf = calloc(c->nevents + 1, sizeof *wf)) == NULL) {
		tui_message(t, true, "not recorded: out of memory");
		return -1;
	}
	n = book_case_workflow(c, wf, c->nevents);
	x = *next;
	if (x.type == EV_STAGE2_REQUESTED)
		x.overran = book_case_overran(t->b, c, wf, n, x.date.day);
	rc = workflow_check((enum route)c->kind, wf, n, &x, t->today, &err);
	free(wf);
	if (rc != 0)
		tui_message(t, true, "not recorded: %s", err.msg);
	return rc;
}

/* The case changed since the form opened, but the form's step still
 * applies: the form moves to the revision shown, and says so; the next
 * Enter asks again, on what the case is now. */
static void
tui_step_rebase(struct tui *t, struct tui_bound *bd)
{
	bd->rev = t->view.c->rev;
	tui_message(t, true, "not recorded: changed by %s meanwhile; shown afresh, Enter asks again",
	            t->view.c->updated_by);
}

/* Records the step; 0, or -1 with the reason on the message line (the
 * form stays as it is, its text kept), -2 when the client must stop. */
static int
tui_step_submit(struct tui *t, struct tui_bound *bd, struct tui_form *f)
{
	const struct workflow_step *s = bd->s;
	struct book_case *c = t->view.c;
	struct tui_field *until = tui_form_field(f, "until"), *reason = tui_form_field(f, "reason");
	struct tui_field *told = tui_form_field(f, "told"), *note = tui_form_field(f, "note");
	struct tui_field *ext = tui_form_field(f, "ext_reason"), *finding = tui_form_field(f, "finding");
	struct tui_field *x;
	struct book_step st;
	struct wf_event next;
	struct err err;
	enum event_type ev = bd->ev;
	char detail[256] = "";
	int rc;

	/* what others recorded since the form opened is shown first; the step
	 * the form was opened for, never the one the case means now */
	tui_poll(t);
	if ((c = t->view.c) == NULL) {
		tui_message(t, true, "not recorded: the case could not be read again");
		return -1;
	}
	if (tui_step_still(t, bd) != 0)
		return -1;
	memset(&st, 0, sizeof st);
	st.type = ev;
	st.date = tui_form_field(f, "date")->buf;
	st.until = until != NULL && until->buf[0] != '\0' ? until->buf : NULL;
	st.note = note->buf[0] != '\0' ? note->buf : NULL;
	if (tui_step_is(s, "accept"))
		st.decision = DECISION_ACCEPTED;
	if (tui_step_is(s, "refuse"))
		st.decision = DECISION_REFUSED;
	if (reason != NULL)
		st.reason = reason->choice + 1;
	st.ombudsman_told = told != NULL && told->choice == 1;
	if (ext != NULL && (ev == EV_STAGE1_EXTENDED || ev == EV_STAGE2_EXTENDED))
		st.ext_reason = ext->choice;
	if (finding != NULL && ev == EV_OMBUDSMAN_OUTCOME)
		st.finding = finding->choice;
	if ((x = tui_form_field(f, "remedied")) != NULL && ev == EV_OMBUDSMAN_OUTCOME)
		st.remedied = x->choice; /* BOOK_REMEDIED_*, in order */
	st.base_rev = bd->rev;
	st.at_stage = true;
	st.stage = bd->stage;
	memset(&next, 0, sizeof next);
	next.type = ev;
	if (date_parse(st.date, &next.date, &err) != 0) {
		tui_message(t, true, "not recorded: %s", err.msg);
		return -1;
	}
	if (st.until != NULL && date_parse(st.until, &next.until, NULL) == 0)
		next.has_until = true;
	next.decision = (enum decision)st.decision;
	next.reason = (enum refusal)st.reason;
	next.ombudsman_told = st.ombudsman_told;
	/* what the workflow refuses is said before any confirmation; a case
	 * changed since is shown afresh and asked about again */
	if (tui_step_allowed(t, &next) != 0)
		return -1;
	if (c->rev != bd->rev) {
		tui_step_rebase(t, bd);
		return -1;
	}
	/* what was chosen that the step's name does not say */
	if (finding != NULL && ev == EV_OMBUDSMAN_OUTCOME)
		snprintf(detail, sizeof detail, "the Ombudsman's finding: %s; remedied before: %s",
		         finding->choices[finding->choice],
		         (x = tui_form_field(f, "remedied")) != NULL ? x->choices[x->choice] : "-");
	if ((rc = tui_step_confirm(t, bd, &next, st.date, detail)) != 1)
		return rc < 0 ? -2 : -1;
	if ((rc = book_case_step(t->b, t->view.ref, &st, &err)) != 0) {
		if (rc == BOOK_ESTALE) {
			/* the case behind the form is shown afresh; the form keeps the
			 * revision it was opened on unless its step still applies, and
			 * then it is said so and asked again, never recorded unseen */
			tui_case_reload(t);
			t->seen_commit = book_last_commit(t->b);
			if (t->view.c == NULL)
				tui_message(t, true, "not recorded: %s", err.msg);
			else if (tui_step_still(t, bd) == 0 && tui_step_allowed(t, &next) == 0)
				tui_step_rebase(t, bd);
			/* else tui_step_still or tui_step_allowed said why */
		} else
			tui_message(t, true, "not recorded: %s", err.msg);
		return -1;
	}
	/* reload, and tell the list to */
	t->list.stale = true;
	tui_case_reload(t);
	t->view.focus = true; /* show where the timeline grew */
	tui_message(t, false, "%s", s->done);
	return 0;
}

void
tui_step_form(struct tui *t, const char *name, int reason)
{
	const struct workflow_step *s = workflow_step_find(name);
	struct book_case *c = t->view.c;
	struct tui_form *f;
	struct tui_field *x;
	struct tui_bound bd;
	struct err err;
	enum event_type ev;
	char title[256], today[DATE_STRLEN];
	const char *ext_reasons[EXT_REASON_COUNT], *findings[OMB_FINDING_COUNT];
	const char *reasons[REFUSAL_COUNT - 1];
	bool refusal;
	int r, rc;

	if (s == NULL || c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if (tui_step_event(s, c, &ev, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	vocab_names(VOCAB_REFUSAL, REFUSAL_NONE + 1, reasons, REFUSAL_COUNT - 1);
	refusal = tui_step_is(s, "refuse") || tui_step_is(s, "decline");
	snprintf(title, sizeof title, "%s %s: %s (%s)", s->name, t->view.ref, s->help,
	         event_describe(ev));
	bd.s = s;
	bd.ev = ev;
	bd.stage = c->stage;
	bd.rev = c->rev;
	if ((f = tui_case_form_new(t, title, TUI_NOTE_MAX + 64, s->name, tui_step_check, &bd)) == NULL)
		return;
	if (tui_step_is(s, "extend")) {
		tui_form_date(f, "until", "Agreed until", true, NULL);
		vocab_names(VOCAB_EXT_REASON, 0, ext_reasons, EXT_REASON_COUNT);
		ext_reasons[EXT_REASON_NONE] = vocab_label(VOCAB_EXT_REASON, EXT_REASON_NONE);
		tui_form_choice(f, "ext_reason", "Reason", ext_reasons, EXT_REASON_COUNT,
		                EXT_REASON_NONE);
	}
	if (tui_step_is(s, "ombudsman-outcome")) {
		vocab_names(VOCAB_FINDING, 0, findings, OMB_FINDING_COUNT);
		findings[OMB_FINDING_NONE] = vocab_label(VOCAB_FINDING, OMB_FINDING_NONE);
		tui_form_choice(f, "finding", "Finding", findings, OMB_FINDING_COUNT,
		                OMB_FINDING_NONE);
		x = tui_form_choice(f, "remedied", "Remedied before", tui_remedied, 3,
		                    BOOK_REMEDIED_UNKNOWN);
		if (x != NULL)
			x->question = "Had the council already remedied the complaint before the decision?";
	}
	if (refusal) {
		tui_form_choice(f, "reason", "Reason", reasons, REFUSAL_COUNT - 1,
		                reason > 0 ? reason - 1 : 0);
		x = tui_form_choice(f, "told", "Ombudsman told", tui_yesno, 2, 0);
		if (x != NULL)
			x->question = "Was the complainant told they may go to the Ombudsman?";
	}
	/* a panel's date is the day it sits: typed, never today by default */
	if (tui_step_is(s, "arrange-panel"))
		tui_form_date(f, "date", "Panel sits on", false, NULL);
	else
		tui_form_date(f, "date", "Date", false, date_format(t->today, today));
	tui_form_text(f, "note", tui_step_is(s, "note") ? "Note" : "Note (optional)", TUI_NOTE_MAX,
	              !tui_step_is(s, "note"), NULL);
	/* the field most steps are about; the rest are there to change */
	tui_form_focus(f, tui_step_is(s, "extend")              ? "until"
	                  : tui_step_is(s, "arrange-panel")     ? "date"
	                  : tui_step_is(s, "ombudsman-outcome") ? "finding"
	                  : refusal                             ? (reason > 0 ? "told" : "reason")
	                                                        : "note");
	if (tui_form_resume(t, f) == 0) {
		while ((r = tui_form_run(t, f)) == 1) {
			if ((rc = tui_step_submit(t, &bd, f)) == 0) {
				tui_form_done(t, f);
				break;
			}
			if (rc == -2) { /* the client is stopping: the text becomes a draft */
				tui_form_keep(t, f);
				break;
			}
		}
		if (r == 0 && strcmp(t->kept_key, f->key) == 0)
			tui_message(t, false, "cancelled; what you typed is kept for next time");
	}
	tui_form_free(&f);
}
