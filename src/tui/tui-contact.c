/* tui-contact.c - how to reach the people on a case, from the case view:
 * each party's postal address, e-mail, phone, preferred channel and
 * whether it is safe to write to them, shown to a key holder under the
 * party and changed in a form that checks as it is typed (the same checks
 * as `redress person contact`), recorded on the person's revision shown.
 * The case view shows them under each party (tui-case.c). */
#include <stdlib.h>
#include <string.h>

#include "redress/text.h"
#include "tui-int.h"

static const char *const tui_safe[] = { "not said", "yes", "no" };

struct tui_contact {
	struct tui_whose w;                /* the parties */
	int last;                          /* whose details are in the form */
	uint64_t rev;
	const char *channels[CHANNEL_COUNT + 1];
};

int
tui_whose_load(struct tui *t, struct tui_whose *W, const char *what)
{
	const struct book_case *c = t->view.c;
	size_t i;

	W->n = 0;
	for (i = 0; i < c->nparties && W->n < TUI_WHOSE_MAX; i++) {
		if (!c->parties[i].who.shown)
			continue;
		W->person[W->n] = c->parties[i].person;
		W->index[W->n] = i;
		snprintf(W->names[W->n], sizeof W->names[0], "%s", c->parties[i].who.name);
		W->choices[W->n] = W->names[W->n];
		W->n++;
	}
	if (W->n == 0)
		tui_message(t, true, "nobody on %s %s: add a person first (c)", t->view.ref, what);
	return W->n;
}

void *
tui_whose_alloc(struct tui *t, size_t size, const char *sealed)
{
	void *p;

	if (t->view.c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return NULL;
	if (sealed != NULL && !book_has_key(t->b)) {
		tui_message(t, true, "%s", sealed);
		return NULL;
	}
	if ((p = book_secret_alloc(size)) == NULL) {
		tui_message(t, true, "out of memory");
		return NULL;
	}
	memset(p, 0, size);
	return p;
}

uint64_t
tui_person_rev(struct tui *t, uint64_t person)
{
	struct book_person p;
	struct err err;
	uint64_t rev = 0;

	if (book_person_get(t->b, person, &p, &err) == 0)
		rev = p.rev;
	explicit_bzero(&p, sizeof p);
	return rev;
}

struct tui_form *
tui_whose_form(struct tui *t, const char *title, size_t bytes,
               void (*check)(struct tui *, struct tui_form *), void *ctx,
               const char *const *choices, int n)
{
	struct tui_form *f;

	/* these forms keep no draft */
	if ((f = tui_case_form_new(t, title, bytes, NULL, check, ctx)) != NULL)
		tui_form_choice(f, "whose", "Whose", choices, n, 0);
	return f;
}

/* The form's fields from the details of party i as they are now. */
static void
tui_contact_load(struct tui *t, struct tui_form *f, struct tui_contact *C, int i)
{
	struct book_contact ct;
	struct err err;
	struct tui_field *x;
	int k;

	C->last = i;
	C->rev = 0;
	if (book_contact_get(t->b, C->w.person[i], &ct, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	C->rev = tui_person_rev(t, C->w.person[i]);
	if ((x = tui_form_field(f, "address")) != NULL)
		snprintf(x->buf, x->max, "%s", ct.address);
	if ((x = tui_form_field(f, "email")) != NULL)
		snprintf(x->buf, x->max, "%s", ct.email);
	if ((x = tui_form_field(f, "phone")) != NULL)
		snprintf(x->buf, x->max, "%s", ct.phone);
	if ((x = tui_form_field(f, "prefer")) != NULL)
		x->choice = (k = channel_lookup(ct.prefer)) >= 0 ? k + 1 : 0;
	if ((x = tui_form_field(f, "safe")) != NULL)
		x->choice = strcmp(ct.safe, "yes") == 0 ? 1 : strcmp(ct.safe, "no") == 0 ? 2 : 0;
	explicit_bzero(&ct, sizeof ct);
}

/* One field checked alone, as the book will check it. */
static void
tui_contact_check_one(struct tui_field *x, struct book_contact_change *ch)
{
	struct err err;

	if (x != NULL && book_contact_check(ch, &err) != 0) {
		x->bad = true;
		snprintf(x->why, sizeof x->why, "%s", err.msg);
	}
}

static void
tui_contact_check(struct tui *t, struct tui_form *f)
{
	struct tui_contact *C = f->ctx;
	struct tui_field *who = tui_form_field(f, "whose"), *x;
	struct book_contact_change ch;

	if (who != NULL && who->choice != C->last)
		tui_contact_load(t, f, C, who->choice);
	memset(&ch, 0, sizeof ch);
	if ((x = tui_form_field(f, "address")) != NULL) {
		ch.address = x->buf;
		tui_contact_check_one(x, &ch);
		ch.address = NULL;
	}
	if ((x = tui_form_field(f, "email")) != NULL) {
		ch.email = x->buf;
		tui_contact_check_one(x, &ch);
		ch.email = NULL;
	}
	if ((x = tui_form_field(f, "phone")) != NULL) {
		ch.phone = x->buf;
		tui_contact_check_one(x, &ch);
	}
	if ((x = tui_form_field(f, "safe")) != NULL && x->choice == 2) {
		snprintf(x->note, sizeof x->note, "no letter will be made to them");
		x->note_style = TUI_S_SOON;
	}
}

static int
tui_contact_submit(struct tui *t, struct tui_form *f)
{
	struct tui_contact *C = f->ctx;
	struct book_contact_change ch;
	int prefer = tui_form_field(f, "prefer")->choice, safe = tui_form_field(f, "safe")->choice;
	struct err err;

	ch.address = text_trim(tui_form_field(f, "address")->buf);
	ch.email = text_trim(tui_form_field(f, "email")->buf);
	ch.phone = text_trim(tui_form_field(f, "phone")->buf);
	ch.prefer = prefer > 0 ? channel_name(prefer - 1) : "";
	ch.safe = safe == 1 ? "yes" : safe == 2 ? "no" : "";
	return tui_case_wrote(t, book_contact_set(t->b, C->w.person[C->last], C->rev, &ch, &err), &err,
	                      "contact details of %s recorded", C->w.names[C->last]);
}

void
tui_contact_form(struct tui *t)
{
	struct tui_contact *C;
	struct tui_form *f;
	char title[128];
	int k;

	if ((C = tui_whose_alloc(t, sizeof *C, "contact details are sealed, and you do not hold "
	                         "the key")) == NULL)
		return;
	if (tui_whose_load(t, &C->w, "to reach") == 0) {
		book_secret_free(C, sizeof *C);
		return;
	}
	C->channels[0] = "not said";
	for (k = 0; k < CHANNEL_COUNT; k++)
		C->channels[k + 1] = channel_name(k);
	snprintf(title, sizeof title, "Contact details of a person on %s", t->view.ref);
	if ((f = tui_whose_form(t, title, BOOK_ADDRESS_MAX + 256 + 64, tui_contact_check,
	                        C, C->w.choices, C->w.n)) == NULL) {
		book_secret_free(C, sizeof *C);
		return;
	}
	tui_form_text(f, "address", "Address", BOOK_ADDRESS_MAX, true, NULL);
	tui_form_text(f, "email", "E-mail", 256, true, NULL);
	tui_form_text(f, "phone", "Phone", 64, true, NULL);
	tui_form_choice(f, "prefer", "Prefers", C->channels, CHANNEL_COUNT + 1, 0);
	tui_form_choice(f, "safe", "Safe to write", tui_safe, 3, 0);
	tui_contact_load(t, f, C, 0);
	tui_form_focus(f, "whose");
	tui_case_form(t, f, tui_contact_submit);
	tui_form_free(&f);
	book_secret_free(C, sizeof *C);
}
