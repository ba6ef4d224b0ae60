/* tui-step.c - every step of the procedure from the case view: a menu of
 * those the workflow allows on the case today, and a small form for each
 * (date, note, and what the step needs), recorded on the revision shown. */
#include <stdlib.h>
#include <string.h>

#include "redress/codes.h"
#include "redress/text.h"
#include "redress/workflow.h"
#include "tui-int.h"

#define TUI_NOTE_MAX 3072 /* a note and the rest of its form fit in one draft */

static const char *const tui_yesno[] = { "no", "yes" };
/* refusal_name() of every coded reason, REFUSAL_NONE left out */
static const char *tui_reasons[REFUSAL_COUNT - 1];

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
		            r == ROLE_NONE ? "not yet granted access" : "a ",
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
			help[k++] = workflow_steps[i].help;
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
	const struct workflow_step *s = f->ctx;
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

/* Records the step; 0, or -1 with the reason on the message line (the
 * form stays as it is). */
static int
tui_step_submit(struct tui *t, const struct workflow_step *s, struct tui_form *f)
{
	struct book_case *c = t->view.c;
	struct tui_field *until = tui_form_field(f, "until"), *reason = tui_form_field(f, "reason");
	struct tui_field *told = tui_form_field(f, "told"), *note = tui_form_field(f, "note");
	struct tui_field *ext = tui_form_field(f, "ext_reason"), *finding = tui_form_field(f, "finding");
	struct book_step st;
	struct err err;
	enum event_type ev;
	int rc;

	/* the stage may have moved since the form opened: ask again */
	if (tui_step_event(s, c, &ev, &err) != 0) {
		tui_message(t, true, "not recorded: %s", err.msg);
		return -1;
	}
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
	/* the form asked before the stage may have moved: a reason only on an
	 * extension, a finding only on the Ombudsman's decision */
	if (ext != NULL && (ev == EV_STAGE1_EXTENDED || ev == EV_STAGE2_EXTENDED))
		st.ext_reason = ext->choice;
	if (finding != NULL && ev == EV_OMBUDSMAN_OUTCOME)
		st.finding = finding->choice;
	st.base_rev = c->rev;
	if ((rc = book_case_step(t->b, t->view.ref, &st, &err)) != 0) {
		if (rc == BOOK_ESTALE) {
			/* the case behind the form is shown afresh; Enter again records
			 * the step on the new revision */
			tui_case_reload(t);
			t->seen_commit = book_last_commit(t->b);
			tui_message(t, true, "not recorded: %s; shown afresh, Enter records it now",
			            err.msg);
		} else
			tui_message(t, true, "not recorded: %s", err.msg);
		return -1;
	}
	/* our own commit is no news: reload, and tell the list to */
	t->seen_commit = book_last_commit(t->b);
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
	struct err err;
	enum event_type ev;
	char title[256], today[DATE_STRLEN];
	const char *ext_reasons[EXT_REASON_COUNT], *findings[OMB_FINDING_COUNT];
	bool refusal;
	size_t i;
	int r;

	if (s == NULL || c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if (tui_step_event(s, c, &ev, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	for (i = 0; i + 1 < REFUSAL_COUNT; i++)
		tui_reasons[i] = refusal_name((enum refusal)(i + 1));
	refusal = tui_step_is(s, "refuse") || tui_step_is(s, "decline");
	snprintf(title, sizeof title, "%s %s: %s (%s)", s->name, t->view.ref, s->help,
	         event_describe(ev));
	if ((f = tui_form_new(title, TUI_NOTE_MAX + 64)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	f->check = tui_step_check;
	f->ctx = (void *)s;
	snprintf(f->key, sizeof f->key, "%s/%s", t->view.ref, s->name);
	if (tui_step_is(s, "extend")) {
		tui_form_date(f, "until", "Agreed until", true, NULL);
		for (i = 0; i < EXT_REASON_COUNT; i++)
			ext_reasons[i] = i == EXT_REASON_NONE ? "not recorded" : ext_reason_name((int)i);
		tui_form_choice(f, "ext_reason", "Reason", ext_reasons, EXT_REASON_COUNT,
		                EXT_REASON_NONE);
	}
	if (tui_step_is(s, "ombudsman-outcome")) {
		for (i = 0; i < OMB_FINDING_COUNT; i++)
			findings[i] = i == OMB_FINDING_NONE ? "not recorded" : omb_finding_name((int)i);
		tui_form_choice(f, "finding", "Finding", findings, OMB_FINDING_COUNT,
		                OMB_FINDING_NONE);
	}
	if (refusal) {
		tui_form_choice(f, "reason", "Reason", tui_reasons, REFUSAL_COUNT - 1,
		                reason > 0 ? reason - 1 : 0);
		x = tui_form_choice(f, "told", "Ombudsman told", tui_yesno, 2, 0);
		if (x != NULL)
			x->question = "Was the complainant told they may go to the Ombudsman?";
	}
	tui_form_date(f, "date", tui_step_is(s, "arrange-panel") ? "Panel sits on" : "Date", false,
	              date_format(t->today, today));
	tui_form_text(f, "note", tui_step_is(s, "note") ? "Note" : "Note (optional)", TUI_NOTE_MAX,
	              !tui_step_is(s, "note"), NULL);
	/* the field most steps are about; the rest are there to change */
	tui_form_focus(f, tui_step_is(s, "extend")              ? "until"
	                  : tui_step_is(s, "ombudsman-outcome") ? "finding"
	                  : refusal                             ? (reason > 0 ? "told" : "reason")
	                                                        : "note");
	if (tui_form_resume(t, f) == 0) {
		while ((r = tui_form_run(t, f)) == 1)
			if (tui_step_submit(t, s, f) == 0) {
				tui_form_done(t, f);
				break;
			}
		if (r == 0 && strcmp(t->kept_key, f->key) == 0)
			tui_message(t, false, "cancelled; what you typed is kept for next time");
	}
	tui_form_free(&f);
}
