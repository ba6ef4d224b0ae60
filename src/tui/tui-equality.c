/* tui-equality.c - equality monitoring of a complainant, from the case
 * view: consent, then age band, sex, ethnicity and disability from their
 * lists, checked as they are chosen (no answer without consent, as
 * `redress person equality` refuses), recorded on the person's revision
 * shown.  The answers are never shown on the case view itself. */
#include <stdlib.h>
#include <string.h>

#include "redress/equality.h"
#include "tui-int.h"

#define TUI_EQ_PEOPLE 8
#define TUI_EQ_CHOICES 24 /* "-" and the longest list (ethnicity: 20) */

static const char *const tui_eq_consent[] = { "not asked", "yes", "no (declined)" };
static const char *const tui_eq_fields[EQUALITY_QUESTIONS] = { "age-band", "sex", "ethnicity",
	                                                        "disability" };

struct tui_equality {
	int n, last;                       /* complainants, and whose answers are in the form */
	uint64_t person[TUI_EQ_PEOPLE], rev;
	char names[TUI_EQ_PEOPLE][BOOK_NAME_MAX];
	const char *choices[TUI_EQ_PEOPLE];
	const char *answers[EQUALITY_QUESTIONS][TUI_EQ_CHOICES]; /* "-", then the vocabulary */
	int nanswers[EQUALITY_QUESTIONS];
};

/* The form's fields from complainant i's answers as they are now. */
static void
tui_equality_load(struct tui *t, struct tui_form *f, struct tui_equality *E, int i)
{
	struct book_equality eq;
	struct tui_field *x;
	struct err err;
	size_t k;
	int a;

	E->last = i;
	E->rev = 0;
	if (book_equality_get(t->b, E->person[i], &eq, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	E->rev = tui_person_rev(t, E->person[i]);
	if ((x = tui_form_field(f, "consent")) != NULL)
		x->choice = strcmp(eq.consent, "yes") == 0 ? 1 : strcmp(eq.consent, "no") == 0 ? 2 : 0;
	for (k = 0; k < EQUALITY_QUESTIONS; k++)
		if ((x = tui_form_field(f, tui_eq_fields[k])) != NULL)
			x->choice = eq.answer[k][0] != '\0' &&
			                    (a = vocab_lookup((enum vocab_id)equality_vocab(k),
			                                      eq.answer[k])) >= 0
			                    ? a + 1
			                    : 0;
	explicit_bzero(&eq, sizeof eq);
}

static void
tui_equality_check(struct tui *t, struct tui_form *f)
{
	struct tui_equality *E = f->ctx;
	struct tui_field *who = tui_form_field(f, "whose"), *c = tui_form_field(f, "consent"), *x;
	size_t k;

	if (who != NULL && who->choice != E->last)
		tui_equality_load(t, f, E, who->choice);
	if (c == NULL)
		return;
	if (c->choice == 2) {
		snprintf(c->note, sizeof c->note, "declined: every answer is cleared");
		c->note_style = TUI_S_SOON;
	}
	for (k = 0; k < EQUALITY_QUESTIONS; k++)
		if ((x = tui_form_field(f, tui_eq_fields[k])) != NULL && x->choice > 0 &&
		    c->choice != 1) {
			x->bad = true;
			snprintf(x->why, sizeof x->why, "recorded only with the person's consent "
			         "(consent: yes)");
		}
}

static int
tui_equality_submit(struct tui *t, struct tui_form *f)
{
	struct tui_equality *E = f->ctx;
	struct book_equality_change ch;
	int consent = tui_form_field(f, "consent")->choice, a;
	struct err err;
	size_t k;

	memset(&ch, 0, sizeof ch);
	ch.consent = consent == 1 ? "yes" : consent == 2 ? "no" : "";
	for (k = 0; k < EQUALITY_QUESTIONS; k++) {
		a = tui_form_field(f, tui_eq_fields[k])->choice;
		ch.answer[k] = consent == 1 && a > 0 ? E->answers[k][a] : "";
	}
	return tui_case_wrote(t, book_equality_set(t->b, E->person[E->last], E->rev, &ch, &err),
	                      &err, "equality monitoring of %s recorded", E->names[E->last]);
}

void
tui_equality_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_equality *E;
	struct tui_form *f;
	char title[128];
	size_t i, k;

	if ((E = tui_whose_alloc(t, sizeof *E, "equality monitoring is sealed, and you do not "
	                         "hold the key")) == NULL)
		return;
	for (i = 0; i < c->nparties && E->n < TUI_EQ_PEOPLE; i++) {
		if (c->parties[i].kind != PARTY_KIND_COMPLAINANT || !c->parties[i].who.shown)
			continue;
		E->person[E->n] = c->parties[i].person;
		snprintf(E->names[E->n], sizeof E->names[0], "%s", c->parties[i].who.name);
		E->choices[E->n] = E->names[E->n];
		E->n++;
	}
	if (E->n == 0) {
		tui_message(t, true, "no complainant on %s to ask: add one first (c)", t->view.ref);
		book_secret_free(E, sizeof *E);
		return;
	}
	for (k = 0; k < EQUALITY_QUESTIONS; k++) {
		E->answers[k][0] = "-";
		E->nanswers[k] = 1 + (int)vocab_names((enum vocab_id)equality_vocab(k), 0,
		                                      &E->answers[k][1], TUI_EQ_CHOICES - 1);
	}
	snprintf(title, sizeof title, "Equality monitoring of a complainant on %s", t->view.ref);
	if ((f = tui_whose_form(t, title, 256, tui_equality_check,
	                        E, E->choices, E->n)) == NULL) {
		book_secret_free(E, sizeof *E);
		return;
	}
	tui_form_choice(f, "consent", "Consent", tui_eq_consent, 3, 0)->question =
		"Do they consent to answer the equality monitoring questions?";
	tui_form_choice(f, "age-band", "Age band", E->answers[0], E->nanswers[0], 0);
	tui_form_choice(f, "sex", "Sex", E->answers[1], E->nanswers[1], 0);
	tui_form_choice(f, "ethnicity", "Ethnicity", E->answers[2], E->nanswers[2], 0);
	tui_form_choice(f, "disability", "Disability", E->answers[3], E->nanswers[3], 0);
	tui_equality_load(t, f, E, 0);
	tui_form_focus(f, "whose");
	tui_case_form(t, f, tui_equality_submit);
	tui_form_free(&f);
	book_secret_free(E, sizeof *E);
}
