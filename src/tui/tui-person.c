/* tui-person.c - a person on the case corrected from the case view: their
 * name or date of birth, as `redress person edit` changes them, on the
 * person's revision read when they were chosen (someone else's change
 * first: nothing recorded, and who it was said).  A correction of the
 * person's record, never of the case's history: the audit keeps both. */
#include <stdlib.h>
#include <string.h>

#include "redress/text.h"
#include "tui-int.h"

struct tui_person {
	struct tui_whose w;                /* the parties */
	int last;                          /* whose record is in the form */
	uint64_t rev;
	char name[BOOK_NAME_MAX], dob[16]; /* as read: what a change is measured from */
};

/* Party i's record as it is now: its revision; and when fill, what a
 * change is measured from and the form's fields. */
static void
tui_person_load(struct tui *t, struct tui_form *f, struct tui_person *P, int i, bool fill)
{
	struct book_person p;
	struct err err;
	struct tui_field *x;

	P->last = i;
	P->rev = 0; /* unread: the book refuses a change on no revision */
	if (book_person_get(t->b, P->w.person[i], &p, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	P->rev = p.rev;
	/* only the revision when not fill: a change is still measured from what
	 * the person saw, so what someone else changed meanwhile stays */
	if (fill) {
		snprintf(P->name, sizeof P->name, "%s", p.name);
		snprintf(P->dob, sizeof P->dob, "%s", p.dob);
	}
	explicit_bzero(&p, sizeof p);
	if (!fill)
		return;
	if ((x = tui_form_field(f, "name")) != NULL)
		snprintf(x->buf, x->max, "%s", P->name);
	if ((x = tui_form_field(f, "dob")) != NULL)
		snprintf(x->buf, x->max, "%s", P->dob);
}

static void
tui_person_check(struct tui *t, struct tui_form *f)
{
	struct tui_person *P = f->ctx;
	struct tui_field *who = tui_form_field(f, "whose"), *name = tui_form_field(f, "name");
	struct tui_field *dob = tui_form_field(f, "dob");
	char today[DATE_STRLEN];
	struct date d;
	size_t n;

	if (who->choice != P->last) {
		tui_person_load(t, f, P, who->choice, true);
		name->bad = dob->bad = false;
	}
	n = strlen(name->buf);
	if (!name->bad && n > 0 && (name->buf[0] == ' ' || name->buf[n - 1] == ' ')) {
		name->bad = true;
		snprintf(name->why, sizeof name->why, "a name has no space before or after it");
	}
	if (!dob->bad && dob->buf[0] != '\0' && date_parse(dob->buf, &d, NULL) == 0 &&
	    d.day > t->today.day) {
		dob->bad = true;
		snprintf(dob->why, sizeof dob->why, "born %s: after today (%s)", dob->buf,
		         date_format(t->today, today));
	}
	if (!name->bad && strcmp(name->buf, P->name) != 0)
		snprintf(name->note, sizeof name->note, "was %.*s", (int)sizeof name->note - 5,
		         P->name);
	if (!dob->bad && strcmp(dob->buf, P->dob) != 0)
		snprintf(dob->note, sizeof dob->note, "was %s", P->dob[0] ? P->dob : "not recorded");
}

static int
tui_person_submit(struct tui *t, struct tui_form *f)
{
	struct tui_person *P = f->ctx;
	const char *name = tui_form_field(f, "name")->buf, *dob = tui_form_field(f, "dob")->buf;
	struct err err;
	int rc;

	if (strcmp(name, P->name) == 0)
		name = NULL;
	if (strcmp(dob, P->dob) == 0)
		dob = NULL;
	if (name == NULL && dob == NULL) {
		tui_message(t, false, "nothing changed");
		return 0;
	}
	rc = book_person_update(t->b, P->w.person[P->last], P->rev, name, dob, &err);
	if (rc == BOOK_ESTALE) {
		/* read again, what was typed kept: Enter records it over their change */
		tui_person_load(t, f, P, P->last, false);
		tui_message(t, true, "not recorded: %s", err.msg);
		return -1;
	}
	return tui_case_wrote(t, rc, &err, "the person's record corrected");
}

void
tui_person_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_person *P;
	struct tui_form *f;
	char title[128];

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if ((P = book_secret_alloc(sizeof *P)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	memset(P, 0, sizeof *P);
	if (tui_whose_load(t, &P->w, "to correct") == 0) {
		book_secret_free(P, sizeof *P);
		return;
	}
	snprintf(title, sizeof title, "Correct a person on %s: their name or date of birth",
	         t->view.ref);
	if ((f = tui_form_new(title, BOOK_NAME_MAX + DATE_STRLEN + 16)) == NULL) {
		tui_message(t, true, "out of memory");
		book_secret_free(P, sizeof *P);
		return;
	}
	f->check = tui_person_check;
	f->ctx = P;
	tui_form_choice(f, "whose", "Whose", P->w.choices, P->w.n, 0);
	tui_form_text(f, "name", "Name", BOOK_NAME_MAX, false, NULL);
	tui_form_date(f, "dob", "Born", true, NULL);
	tui_person_load(t, f, P, 0, true);
	tui_form_focus(f, "whose");
	tui_case_form(t, f, tui_person_submit);
	tui_form_free(&f);
	book_secret_free(P, sizeof *P);
}
