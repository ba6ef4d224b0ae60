/* tui-new.c - the new case form: the kind of contact and how it came, then
 * the eligibility questions in the order an officer meets them (a child's
 * safety first, the one-year limit, matters the procedure excludes), then
 * the people and the summary. */
#include <stdlib.h>
#include <string.h>

#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workflow.h"
#include "tui-int.h"

#define TUI_SUMMARY_MAX 3072

static const char *const tui_yesno[] = { "no", "yes" };
/* the answers to the question of excluded matters, and the reasons for
 * declining that they lead to */
static const char *const tui_excluded[] = {
	"no", "legal proceedings", "outside children's social care",
	/* not declined: the person is told where to take it (redirected) */
	"a school", "Ofsted", "another authority", "information compliance",
	"a Child Protection Conference",
};
#define TUI_EXCLUDED_N (sizeof tui_excluded / sizeof tui_excluded[0])
#define TUI_REDIRECT_FIRST 3
static const int tui_excluded_reason[] = { 0, REFUSAL_LEGAL_PROCEEDINGS, REFUSAL_OUT_OF_SCOPE };
/* where each of the redirected ones goes, as the case records it */
static const char *const tui_redirect_to[] = {
	"the school", "Ofsted", "another local authority",
	"information compliance (FOI, data protection)", "the Child Protection Conference chair",
};
/* over a year: record it anyway, or record it and decline it at once */
static const char *const tui_anyway[] = { "no", "yes", "yes, and decline (over a year)" };

/* Where the excluded question sends the contact, or NULL. */
static const char *
tui_new_redirect(struct tui_form *f)
{
	struct tui_field *x = tui_form_field(f, "excluded");

	return x != NULL && !x->hidden && x->choice >= TUI_REDIRECT_FIRST
	               ? tui_redirect_to[x->choice - TUI_REDIRECT_FIRST] : NULL;
}

/* The reason it is declined at once, or 0. */
static int
tui_new_reason(struct tui_form *f)
{
	struct tui_field *x = tui_form_field(f, "excluded"), *a = tui_form_field(f, "anyway");

	if (x != NULL && !x->hidden && x->choice > 0 && x->choice < TUI_REDIRECT_FIRST)
		return tui_excluded_reason[x->choice];
	if (a != NULL && !a->hidden && a->choice == 2)
		return REFUSAL_OVER_A_YEAR;
	return 0;
}

static bool
tui_new_yes(struct tui_form *f, const char *name)
{
	struct tui_field *x = tui_form_field(f, name);

	return x != NULL && x->choice != 0;
}

/* What was done with a safeguarding concern: asked only for one, the time
 * it was passed on and who took it needed. */
static void
tui_new_safeguard_check(struct tui_form *f, bool safeguarding)
{
	static const char *const names[] = { "sg_helpdesk", "sg_time", "sg_spoken_to",
	                                     "sg_reference" };
	struct tui_field *at = tui_form_field(f, "sg_time"), *who = tui_form_field(f, "sg_spoken_to");
	const char *v;
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		tui_form_field(f, names[i])->hidden = !safeguarding;
	if (!safeguarding)
		return;
	v = at->buf;
	if (v[0] == '\0') {
		at->bad = true;
		snprintf(at->why, sizeof at->why, "when was it passed on? (HH:MM)");
	} else if (!book_hhmm_ok(v)) {
		at->bad = true;
		snprintf(at->why, sizeof at->why, "\"%.20s\" is not a time (HH:MM, 24-hour)", v);
	}
	if (who->buf[0] == '\0') {
		who->bad = true;
		snprintf(who->why, sizeof who->why, "who at the helpdesk took it?");
	}
}

static void
tui_new_check(struct tui *t, struct tui_form *f)
{
	struct tui_field *kind = tui_form_field(f, "kind"), *safe = tui_form_field(f, "safeguarding");
	struct tui_field *recv = tui_form_field(f, "received"), *aware = tui_form_field(f, "aware");
	struct tui_field *anyway = tui_form_field(f, "anyway"), *excl = tui_form_field(f, "excluded");
	struct tui_field *child = tui_form_field(f, "child"), *redir = tui_form_field(f, "redirect");
	struct tui_field *thanked = tui_form_field(f, "thanked"), *told = tui_form_field(f, "told");
	const char *elsewhere;
	bool complaint = kind->choice == ROUTE_COMPLAINT, safeguarding = safe->choice == 1;
	struct date r, a, year;
	char today[DATE_STRLEN];
	bool have_r;

	if (safeguarding) {
		snprintf(safe->note, sizeof safe->note, "not a complaint: it goes to the children's "
		         "helpdesk at once; record what was done below");
		safe->note_style = TUI_S_SOON;
	}
	tui_new_safeguard_check(f, safeguarding);
	tui_teams_check(f->ctx, f);
	/* the year limit and the excluded matters are a complaint's questions */
	aware->hidden = excl->hidden = !complaint || safeguarding;
	anyway->hidden = true;
	redir->hidden = kind->choice != ROUTE_REDIRECTED;
	thanked->hidden = kind->choice != ROUTE_COMPLIMENT;
	have_r = !recv->bad && date_parse(recv->buf, &r, NULL) == 0;
	if (have_r && r.day > t->today.day) {
		recv->bad = true;
		snprintf(recv->why, sizeof recv->why, "received %s is in the future (today is %s)",
		         recv->buf, date_format(t->today, today));
	}
	if (!aware->hidden && have_r && aware->buf[0] != '\0' && !aware->bad &&
	    date_parse(aware->buf, &a, NULL) == 0) {
		if (a.day > r.day) {
			aware->bad = true;
			snprintf(aware->why, sizeof aware->why,
			         "the matter cannot become known after it was complained of");
		} else if (date_add_months(r, -12, &year, NULL) == 0 && a.day < year.day) {
			snprintf(aware->note, sizeof aware->note,
			         "over a year before receipt: it may be declined as over a year");
			aware->note_style = TUI_S_SOON;
			anyway->hidden = false;
			if (anyway->choice == 0) {
				anyway->bad = true;
				snprintf(anyway->why, sizeof anyway->why,
				         "over a year: answer yes to record it anyway, or change the date");
			} else if (anyway->choice == 2) {
				snprintf(anyway->note, sizeof anyway->note, "added, then the decline form "
				         "opens (reason %s)", refusal_name(REFUSAL_OVER_A_YEAR));
				anyway->note_style = TUI_S_SOON;
			}
		}
	}
	if ((elsewhere = tui_new_redirect(f)) != NULL) {
		snprintf(excl->note, sizeof excl->note, "not for this procedure: recorded as redirected "
		         "to %s, never declined", elsewhere);
		excl->note_style = TUI_S_SOON;
	} else if (!excl->hidden && excl->choice != 0) {
		snprintf(excl->note, sizeof excl->note, "added, then the decline form opens "
		         "(reason %s)", refusal_name((enum refusal)tui_excluded_reason[excl->choice]));
		excl->note_style = TUI_S_SOON;
	}
	if (complaint && !safeguarding && tui_new_redirect(f) == NULL && child->buf[0] == '\0') {
		child->bad = true;
		snprintf(child->why, sizeof child->why, "a complaint needs the child it is about");
	}
	/* when the person was told where to take it */
	told->hidden = redir->hidden && elsewhere == NULL;
	if (!told->hidden && !told->bad && told->buf[0] != '\0') {
		struct date d;

		if (date_parse(told->buf, &d, NULL) == 0 && d.day > t->today.day) {
			told->bad = true;
			snprintf(told->why, sizeof told->why, "told %s is in the future", told->buf);
		} else if (have_r && date_parse(told->buf, &d, NULL) == 0 && d.day < r.day) {
			told->bad = true;
			snprintf(told->why, sizeof told->why, "told before it was received (%s)",
			         recv->buf);
		}
	} else if (!told->hidden && told->buf[0] == '\0') {
		told->bad = true;
		snprintf(told->why, sizeof told->why, "when was the person told where to take it?");
	}
	if (!redir->hidden && redir->buf[0] == '\0') {
		redir->bad = true;
		snprintf(redir->why, sizeof redir->why, "where was the person sent? (Ofsted, a school...)");
	}
}

static const char *
tui_new_value(struct tui_form *f, const char *name)
{
	struct tui_field *x = tui_form_field(f, name);

	return x != NULL && !x->hidden && x->buf[0] != '\0' ? x->buf : NULL;
}

/* Adds the case; its reference in ref, or -1 with the reason shown. */
static int
tui_new_submit(struct tui *t, struct tui_form *f, char ref[BOOK_REF_MAX])
{
	struct book_case_new in;
	struct err err;
	const char *team;
	const char *elsewhere = tui_new_redirect(f);

	memset(&in, 0, sizeof in);
	in.kind = elsewhere != NULL ? ROUTE_REDIRECTED : tui_form_field(f, "kind")->choice;
	in.channel = tui_form_field(f, "channel")->choice;
	in.received = tui_form_field(f, "received")->buf;
	in.aware = elsewhere != NULL ? NULL : tui_new_value(f, "aware");
	in.safeguarding = tui_new_yes(f, "safeguarding");
	in.sg_helpdesk = tui_new_value(f, "sg_helpdesk");
	in.sg_time = tui_new_value(f, "sg_time");
	in.sg_spoken_to = tui_new_value(f, "sg_spoken_to");
	in.sg_reference = tui_new_value(f, "sg_reference");
	in.child_name = tui_new_value(f, "child");
	in.child_dob = tui_new_value(f, "child_dob");
	in.complainant_name = tui_new_value(f, "complainant");
	in.complainant_role = tui_form_field(f, "role")->choice;
	team = tui_teams_value(f->ctx, f);
	in.team = *team != '\0' ? team : NULL;
	in.summary = tui_new_value(f, "summary");
	in.redirect_to = elsewhere != NULL ? elsewhere : tui_new_value(f, "redirect");
	in.thanked = tui_new_value(f, "thanked");
	if (book_case_add(t->b, &in, ref, &err) != 0) {
		tui_message(t, true, "not added: %s", err.msg);
		return -1;
	}
	/* a redirection is whole at once: where to, and when the person was told */
	if (in.kind == ROUTE_REDIRECTED) {
		struct book_step st;

		memset(&st, 0, sizeof st);
		st.type = EV_REDIRECTED;
		st.date = tui_form_field(f, "told")->buf;
		if (book_case_step(t->b, ref, &st, &err) != 0) {
			tui_message(t, true, "%s added, but the redirection not recorded: %s", ref,
			            err.msg);
			return 1;
		}
	}
	return 0;
}

void
tui_new_case(struct tui *t)
{
	struct tui_form *f;
	struct tui_field *x;
	const char *kinds[ROUTE_COUNT], *channels[CHANNEL_COUNT], *roles[PARTY_ROLE_COUNT];
	char today[DATE_STRLEN], ref[BOOK_REF_MAX];
	int r = -1, reason = 0;
	bool safeguarding = false;
	const char *redirected = NULL;
	struct tui_teams *T;

	if (tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if ((T = malloc(sizeof *T)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	if (tui_teams_load(t, T, NULL) != 0) {
		tui_teams_free(T);
		return;
	}
	vocab_names(VOCAB_KIND, 0, kinds, ROUTE_COUNT);
	vocab_names(VOCAB_CHANNEL, 0, channels, CHANNEL_COUNT);
	vocab_names(VOCAB_PARTY_ROLE, 0, roles, PARTY_ROLE_COUNT);
	if ((f = tui_form_new("A new contact: Enter goes through the questions, and on the last "
	                      "adds it", TUI_SUMMARY_MAX + 3072)) == NULL) {
		tui_teams_free(T);
		tui_message(t, true, "out of memory");
		return;
	}
	snprintf(f->key, sizeof f->key, "new-case");
	f->check = tui_new_check;
	f->ctx = T;
	tui_form_choice(f, "kind", "Kind", kinds, ROUTE_COUNT, ROUTE_COMPLAINT);
	if ((x = tui_form_choice(f, "safeguarding", "Safeguarding", tui_yesno, 2, 0)) != NULL)
		x->question = "Is this a safeguarding concern about a child's safety?";
	{
		const struct profile *prof;
		const struct calendar *cal;
		struct err err;

		tui_form_text(f, "sg_helpdesk", "  Passed to", 127, true,
		              book_profile(t->b, &prof, &cal, &err) == 0 && prof->helpdesk[0]
		              ? prof->helpdesk : NULL);
	}
	tui_form_text(f, "sg_time", "  At (HH:MM)", 6, true, NULL);
	tui_form_text(f, "sg_spoken_to", "  Taken by", 127, true, NULL);
	tui_form_text(f, "sg_reference", "  Referral ref", 127, true, NULL);
	tui_form_choice(f, "channel", "Channel", channels, CHANNEL_COUNT, CHANNEL_ONLINE);
	tui_form_date(f, "received", "Received", false, date_format(t->today, today));
	if ((x = tui_form_date(f, "aware", "Aware since", true, NULL)) != NULL)
		x->question = "When did the complainant become aware of the matter?";
	tui_form_choice(f, "anyway", "Record anyway", tui_anyway, 3, 0);
	if ((x = tui_form_choice(f, "excluded", "Excluded", tui_excluded, (int)TUI_EXCLUDED_N, 0)) !=
	    NULL)
		x->question = "Is it about a matter in legal proceedings, or outside children's "
		              "social care?";
	tui_form_text(f, "child", "Child", BOOK_NAME_MAX, true, NULL);
	tui_form_date(f, "child_dob", "Child born", true, NULL);
	tui_form_text(f, "complainant", "Complainant", BOOK_NAME_MAX, true, NULL);
	tui_form_choice(f, "role", "Their role", roles, PARTY_ROLE_COUNT, PARTY_PARENT);
	tui_teams_fields(f, T, NULL);
	tui_form_text(f, "redirect", "Sent to", 64, true, NULL);
	tui_form_date(f, "told", "Told on", true, date_format(t->today, today));
	tui_form_text(f, "thanked", "Thanked", 128, true, NULL);
	if (tui_form_text(f, "summary", "Summary", TUI_SUMMARY_MAX, true, NULL) == NULL) {
		tui_message(t, true, "out of memory");
		tui_form_free(&f);
		tui_teams_free(T);
		return;
	}
	if (tui_form_resume(t, f) == 0) {
		while ((r = tui_form_run(t, f)) == 1)
			if (tui_new_submit(t, f, ref) >= 0) {
				reason = tui_new_reason(f);
				redirected = tui_new_redirect(f);
				safeguarding = tui_new_yes(f, "safeguarding");
				tui_form_done(t, f);
				break;
			}
		if (r == 0 && strcmp(t->kept_key, f->key) == 0)
			tui_message(t, false, "cancelled; what you typed is kept for next time");
	}
	tui_form_free(&f);
	tui_teams_free(T);
	if (r != 1)
		return;
	t->list.stale = true;
	if (tui_case_open(t, ref) != 0)
		return;
	if (safeguarding)
		tui_message(t, false, "%s added, flagged, and what was done recorded", ref);
	else if (redirected != NULL)
		tui_message(t, false, "%s recorded as redirected to %s", ref, redirected);
	else if (reason != 0)
		tui_message(t, false, "%s added; now decline it, with the reason", ref);
	else
		tui_message(t, false, "%s added", ref);
	/* Esc never leaves a half-made complaint open at Stage 1 by mistake:
	 * the decline form comes back until it is declined or kept on purpose */
	while (reason != 0 && !tui_stopping()) {
		int k;

		tui_step_form(t, "decline", reason);
		if (t->view.c == NULL || t->view.c->status != CASE_OPEN)
			break;
		k = tui_ask(t, "Not declined: d declines it now, k keeps it open at Stage 1 ", "dk");
		if (k == 'k') {
			tui_message(t, false, "%s kept open at Stage 1", ref);
			break;
		}
		if (k < 0)
			break;
	}
}
