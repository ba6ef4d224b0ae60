/* tui-person.c - a person on the case, from the case view: their name and
 * date of birth corrected as `redress person edit` does (on the person's
 * revision read when they were chosen: someone else's change first records
 * nothing, and who it was is said), and what the case records of them
 * (role, eligibility, consent, kept informed, views) as `case party-edit`
 * does.  Corrections of the records, never of the case's history: the
 * audit keeps both. */
#include <stdlib.h>
#include <string.h>

#include "redress/text.h"
#include "tui-int.h"

static const char *const tui_yesno[] = { "no", "yes" };

struct tui_person {
	struct tui_whose w;                /* the parties */
	int last;                          /* whose record is in the form */
	uint64_t rev;
	/* as read: what a change is measured from */
	char name[BOOK_NAME_MAX], dob[16];
	struct book_party was;
	const char *roles[PARTY_ROLE_COUNT];
};

/* Party i's record as it is now: its revision; and when fill, what a
 * change is measured from and the form's fields. */
static void
tui_person_load(struct tui *t, struct tui_form *f, struct tui_person *P, int i, bool fill)
{
	const struct book_party *party = &t->view.c->parties[P->w.index[i]];
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
		P->was = *party;
	}
	explicit_bzero(&p, sizeof p);
	if (!fill)
		return;
	if ((x = tui_form_field(f, "name")) != NULL)
		snprintf(x->buf, x->max, "%s", P->name);
	if ((x = tui_form_field(f, "dob")) != NULL)
		snprintf(x->buf, x->max, "%s", P->dob);
	if ((x = tui_form_field(f, "role")) != NULL) {
		x->choice = P->was.role;
		x->hidden = P->was.kind == 0; /* a child is a child */
	}
	tui_form_field(f, "eligible")->choice = P->was.eligible;
	tui_form_field(f, "consent")->choice = P->was.consent;
	tui_form_field(f, "informed")->choice = P->was.informed;
	if ((x = tui_form_field(f, "views")) != NULL)
		snprintf(x->buf, x->max, "%s", P->was.views);
}

static void
tui_person_check(struct tui *t, struct tui_form *f)
{
	struct tui_person *P = f->ctx;
	struct tui_field *who = tui_form_field(f, "whose"), *name = tui_form_field(f, "name");
	struct tui_field *dob = tui_form_field(f, "dob"), *role = tui_form_field(f, "role");
	size_t n;

	if (who->choice != P->last) {
		tui_person_load(t, f, P, who->choice, true);
		name->bad = dob->bad = false;
	}
	role->hidden = P->was.kind == 0;
	if (!role->hidden && role->choice == PARTY_CHILD) {
		role->bad = true;
		snprintf(role->why, sizeof role->why, "a complainant is not given the child's role");
	}
	n = strlen(name->buf);
	if (!name->bad && n > 0 && (name->buf[0] == ' ' || name->buf[n - 1] == ' ')) {
		name->bad = true;
		snprintf(name->why, sizeof name->why, "a name has no space before or after it");
	}
	tui_form_not_after_today(t, dob, "born");
	if (!name->bad && strcmp(name->buf, P->name) != 0)
		snprintf(name->note, sizeof name->note, "was %.*s", (int)sizeof name->note - 5,
		         P->name);
	if (!dob->bad && strcmp(dob->buf, P->dob) != 0)
		snprintf(dob->note, sizeof dob->note, "was %s", P->dob[0] ? P->dob : "not recorded");
}

/* A choice changed from what was read: its new value, else -1. */
static int
tui_person_changed(struct tui_form *f, const char *name, int was)
{
	struct tui_field *x = tui_form_field(f, name);

	return x->hidden || x->choice == was ? -1 : x->choice;
}

static int
tui_person_submit(struct tui *t, struct tui_form *f)
{
	struct tui_person *P = f->ctx;
	const char *name = tui_form_field(f, "name")->buf, *dob = tui_form_field(f, "dob")->buf;
	const char *views = tui_form_field(f, "views")->buf;
	struct book_party_edit e;
	struct err err;
	int rc;

	if (tui_case_fresh(t) != 0)
		return -1;
	if (strcmp(name, P->name) == 0)
		name = NULL;
	if (strcmp(dob, P->dob) == 0)
		dob = NULL;
	memset(&e, 0, sizeof e);
	e.party = (unsigned)P->w.index[P->last] + 1;
	e.role = tui_person_changed(f, "role", P->was.role);
	e.eligible = tui_person_changed(f, "eligible", P->was.eligible);
	e.consent = tui_person_changed(f, "consent", P->was.consent);
	e.informed = tui_person_changed(f, "informed", P->was.informed);
	e.views = strcmp(views, P->was.views) != 0 ? views : NULL;
	if (name == NULL && dob == NULL && e.role < 0 && e.eligible < 0 && e.consent < 0 &&
	    e.informed < 0 && e.views == NULL) {
		tui_message(t, false, "nothing changed");
		return 0;
	}
	if (name != NULL || dob != NULL) {
		rc = book_person_update(t->b, P->w.person[P->last], P->rev, name, dob, &err);
		if (rc == BOOK_ESTALE) {
			/* read again, what was typed kept: Enter records it over their change */
			tui_person_load(t, f, P, P->last, false);
			tui_message(t, true, "not recorded: %s", err.msg);
			return -1;
		}
		if (rc != 0 || (e.role < 0 && e.eligible < 0 && e.consent < 0 && e.informed < 0 &&
		                e.views == NULL))
			return tui_case_wrote(t, rc, &err, "the person's record corrected");
		/* recorded: a refusal below must not send it twice */
		if (name != NULL)
			snprintf(P->name, sizeof P->name, "%s", name);
		if (dob != NULL)
			snprintf(P->dob, sizeof P->dob, "%s", dob);
	}
	return tui_case_wrote(t, book_case_party_edit(t->b, t->view.ref, &e, &err), &err,
	                      "the person on the case recorded");
}

void
tui_person_form(struct tui *t)
{
	struct tui_person *P;
	struct tui_form *f;
	struct tui_field *x;
	char title[128];

	if ((P = tui_whose_alloc(t, sizeof *P, NULL)) == NULL)
		return;
	if (tui_whose_load(t, &P->w, "to change") == 0) {
		book_secret_free(P, sizeof *P);
		return;
	}
	vocab_names(VOCAB_PARTY_ROLE, 0, P->roles, PARTY_ROLE_COUNT);
	snprintf(title, sizeof title, "A person on %s: their record, and what the case records",
	         t->view.ref);
	if ((f = tui_whose_form(t, title, BOOK_NAME_MAX + DATE_STRLEN + BOOK_TEXT_MAX + 16,
	                        tui_person_check, P, P->w.choices, P->w.n)) == NULL) {
		book_secret_free(P, sizeof *P);
		return;
	}
	tui_form_text(f, "name", "Name", BOOK_NAME_MAX, false, NULL);
	tui_form_date(f, "dob", "Born", true, NULL);
	tui_form_choice(f, "role", "Role", P->roles, PARTY_ROLE_COUNT, 0);
	tui_form_choice(f, "eligible", "Eligible", tui_yesno, 2, 0);
	if ((x = tui_form_choice(f, "consent", "Consents", tui_yesno, 2, 0)) != NULL)
		x->question = "Do they consent to a representative acting for them?";
	if ((x = tui_form_choice(f, "informed", "Kept informed", tui_yesno, 2, 0)) != NULL)
		x->question = "Is a representative kept informed?";
	tui_form_text(f, "views", "Their views", BOOK_TEXT_MAX, true, NULL);
	tui_person_load(t, f, P, 0, true);
	tui_form_focus(f, "whose");
	tui_case_form(t, f, tui_person_submit);
	tui_form_free(&f);
	book_secret_free(P, sizeof *P);
}
