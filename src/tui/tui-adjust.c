/* tui-adjust.c - reasonable adjustments (Complaint Handling Code 5.6) from
 * the case view: shown to a key holder under each party who has them, and
 * recorded, reviewed or cleared in a form that checks as it is typed (the
 * checks of `redress person adjust`), on the person's revision shown. */
#include <stdlib.h>
#include <string.h>

#include "redress/adjust.h"
#include "redress/text.h"
#include "tui-int.h"

static const char *const tui_adjust_do[] = { "record or change them", "a review held",
	                                      "clear them" };
enum { TUI_ADJUST_SET, TUI_ADJUST_REVIEWED, TUI_ADJUST_CLEAR };

struct tui_adjust {
	struct tui_whose w;                /* the parties */
	int last;                          /* whose are in the form */
	uint64_t rev;
	char today[DATE_STRLEN];
	struct book_adjust cur;            /* as recorded when loaded */
	struct book_adjust typed;          /* the fields trimmed, not in place */
};

bool
tui_adjust_line(struct tui *t, uint64_t person, char *line, size_t n, enum tui_style *style)
{
	struct book_adjust *a;
	struct err err;
	char today[DATE_STRLEN];
	bool shown = false;

	if (!book_has_key(t->b) || (a = book_secret_alloc(sizeof *a)) == NULL)
		return false;
	if (book_adjust_get(t->b, person, a, &err) == 0 && a->text[0] != '\0') {
		date_format(t->today, today);
		/* a review that is due marks itself, as a deadline does */
		*style = a->review[0] && strcmp(a->review, today) <= 0 ? TUI_S_OVERDUE : TUI_S_NORMAL;
		book_adjust_describe(a, line, n);
		shown = true;
	}
	book_secret_free(a, sizeof *a);
	return shown;
}

/* The form's fields from party i's adjustments as they are now. */
static void
tui_adjust_load(struct tui *t, struct tui_form *f, struct tui_adjust *A, int i)
{
	struct tui_field *x;
	struct err err;

	A->last = i;
	A->rev = 0;
	if (book_adjust_get(t->b, A->w.person[i], &A->cur, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	A->rev = tui_person_rev(t, A->w.person[i]);
	if ((x = tui_form_field(f, "text")) != NULL)
		snprintf(x->buf, x->max, "%s", A->cur.text);
	if ((x = tui_form_field(f, "agreed")) != NULL)
		snprintf(x->buf, x->max, "%s", A->cur.agreed[0] ? A->cur.agreed : A->today);
	if ((x = tui_form_field(f, "review")) != NULL)
		snprintf(x->buf, x->max, "%s", A->cur.review);
}

/* The change the form says, each field only when it differs from what is
 * recorded; upto: the fields taken, in the order of the form. */
static void
tui_adjust_change(struct tui_form *f, struct tui_adjust *A, int upto,
                  struct book_adjust_change *ch)
{
	struct book_adjust *v = &A->typed;
	int what = tui_form_field(f, "do")->choice;
	const char *text, *agreed, *review;

	/* copies, trimmed: the fields are still being typed in */
	snprintf(v->text, sizeof v->text, "%s", tui_form_field(f, "text")->buf);
	snprintf(v->agreed, sizeof v->agreed, "%.15s", tui_form_field(f, "agreed")->buf);
	snprintf(v->review, sizeof v->review, "%.15s", tui_form_field(f, "review")->buf);
	snprintf(v->reviewed, sizeof v->reviewed, "%.15s", tui_form_field(f, "reviewed")->buf);
	text = text_trim(v->text);
	agreed = text_trim(v->agreed);
	review = text_trim(v->review);

	memset(ch, 0, sizeof *ch);
	if (what == TUI_ADJUST_CLEAR) {
		ch->clear = true;
		return;
	}
	if (upto >= 1 && (strcmp(text, A->cur.text) != 0 || A->cur.text[0] == '\0'))
		ch->text = text;
	if (upto >= 2 && what == TUI_ADJUST_SET && *agreed != '\0' &&
	    strcmp(agreed, A->cur.agreed) != 0)
		ch->agreed = agreed;
	if (upto >= 3 && what == TUI_ADJUST_REVIEWED)
		ch->reviewed = text_trim(v->reviewed);
	if (upto >= 4 && (what == TUI_ADJUST_REVIEWED || strcmp(review, A->cur.review) != 0))
		ch->review = review;
}

static void
tui_adjust_check(struct tui *t, struct tui_form *f)
{
	static const char *const order[] = { "do", "text", "agreed", "reviewed", "review" };
	struct tui_adjust *A = f->ctx;
	struct tui_field *who = tui_form_field(f, "whose"), *x;
	struct book_adjust_change ch;
	int what = tui_form_field(f, "do")->choice, i;
	struct err err;

	if (who != NULL && who->choice != A->last)
		tui_adjust_load(t, f, A, who->choice);
	tui_form_field(f, "text")->hidden = what == TUI_ADJUST_CLEAR;
	tui_form_field(f, "agreed")->hidden = what != TUI_ADJUST_SET;
	tui_form_field(f, "reviewed")->hidden = what != TUI_ADJUST_REVIEWED;
	tui_form_field(f, "review")->hidden = what == TUI_ADJUST_CLEAR;
	/* each field checked with those before it, so that the first one
	 * wrong carries the reason, as the book will give it */
	for (i = what == TUI_ADJUST_CLEAR ? 0 : 1; i < 5; i++) {
		x = tui_form_field(f, order[i]);
		if (x->hidden)
			continue;
		tui_adjust_change(f, A, what == TUI_ADJUST_CLEAR ? 4 : i, &ch);
		if (i < 4 && !ch.clear && ch.text == NULL && ch.agreed == NULL && ch.reviewed == NULL)
			continue; /* nothing yet to say of it */
		if (book_adjust_check(&ch, &A->cur, A->today, &err) != 0) {
			x->bad = true;
			snprintf(x->why, sizeof x->why, "%s", err.msg);
			return;
		}
	}
	if (what != TUI_ADJUST_CLEAR && (x = tui_form_field(f, "review")) != NULL) {
		snprintf(x->note, sizeof x->note, "on the calendar of their open cases; no statutory "
		         "deadline");
		x->note_style = TUI_S_DIM;
	}
}

static int
tui_adjust_submit(struct tui *t, struct tui_form *f)
{
	struct tui_adjust *A = f->ctx;
	struct book_adjust_change ch;
	struct err err;

	tui_adjust_change(f, A, 4, &ch);
	return tui_case_wrote(t, book_adjust_set(t->b, A->w.person[A->last], A->rev, &ch, &err),
	                      &err, "adjustments of %s %s", A->w.names[A->last],
	                      ch.clear ? "cleared" : ch.reviewed ? "reviewed" : "recorded");
}

void
tui_adjust_form(struct tui *t)
{
	struct tui_adjust *A;
	struct tui_form *f;
	char title[128];

	if ((A = tui_whose_alloc(t, sizeof *A, "reasonable adjustments are sealed, and you do "
	                         "not hold the key")) == NULL)
		return;
	date_format(t->today, A->today);
	if (tui_whose_load(t, &A->w, "to agree adjustments with") == 0) {
		book_secret_free(A, sizeof *A);
		return;
	}
	snprintf(title, sizeof title, "Reasonable adjustments of a person on %s", t->view.ref);
	if ((f = tui_whose_form(t, title, BOOK_ADJUST_MAX + 4 * DATE_STRLEN + 64, tui_adjust_check,
	                        A, A->w.choices, A->w.n)) == NULL) {
		book_secret_free(A, sizeof *A);
		return;
	}
	tui_form_choice(f, "do", "What", tui_adjust_do, 3, 0);
	tui_form_text(f, "text", "Agreed", BOOK_ADJUST_MAX, false, NULL);
	tui_form_date(f, "agreed", "On", true, NULL);
	tui_form_date(f, "reviewed", "Reviewed on", false, A->today);
	tui_form_date(f, "review", "Next review", true, NULL);
	tui_adjust_load(t, f, A, 0);
	tui_form_focus(f, "whose");
	tui_case_form(t, f, tui_adjust_submit);
	tui_form_free(&f);
	book_secret_free(A, sizeof *A);
}
