/* case-change.c - changes that are not steps: assignment, points, findings,
 * recommendations, advocacy and parties. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/date.h"

/* --- other changes: assign, points, findings, recommendations, parties ------- */

enum change_kind { CHANGE_ASSIGN, CHANGE_POINT, CHANGE_FINDING, CHANGE_REC, CHANGE_REC_DONE,
                   CHANGE_PARTY, CHANGE_PARTY_EDIT, CHANGE_ADVOCACY };

struct change_ctx {
	struct book *b;
	const char *ref;
	enum change_kind kind;
	const struct book_staff *staff;
	const char *text, *owner, *due;
	unsigned stage, point, number;
	int outcome;
	const struct book_advocacy *advocacy;
	const struct book_party_new *party;
	const struct book_party_edit *party_edit;
	struct book_case *c;
};

/* CHANGE_PARTY: a child or complainant added to the case, a new person or
 * one already in the book. */
static int
case_change_party(struct change_ctx *x, struct store_txn *t, char *fields, size_t fl)
{
	struct book_case *c = x->c;
	struct err *err = store_txn_err(t);
	struct book_party *p;

	if (!BOOK_CASE_ROOM(c, parties))
		return err_set(err, "out of memory");
	p = &c->parties[c->nparties];
	memset(p, 0, sizeof *p);
	p->kind = x->party->kind;
	p->role = x->party->role;
	p->eligible = !x->party->ineligible;
	p->consent = x->party->consent;
	p->informed = x->party->informed;
	if (x->party->views != NULL)
		snprintf(p->views, sizeof p->views, "%s", x->party->views);
	if (x->party->person != 0) { /* the same person in another case */
		uint8_t key[8];
		const void *pv;
		size_t pn;
		const uint8_t *f;
		size_t fl2;

		codec_be64(x->party->person, key);
		if (store_get(t, STORE_PEOPLE, key, 8, &pv, &pn) != 0)
			return err_set(err, "no person %llu in this book",
			               (unsigned long long)x->party->person), BOOK_EUSAGE;
		if (rec_find(pv, pn, PT_ERASED, &f, &fl2))
			return err_set(err, "person %llu was erased under the retention rule",
			               (unsigned long long)x->party->person), BOOK_EUSAGE;
		p->person = x->party->person;
	} else if (case_person_put(x->b, t, x->party->name, x->party->dob, &p->person) != 0)
		return -1;
	c->nparties++;
	snprintf(fields, fl, "%s%s", x->party->kind == 0 ? "child" : "complainant",
	         x->party->views ? ",views" : "");
	return 0;
}

/* CHANGE_PARTY_EDIT: what the case records of one of its parties. */
static int
case_change_party_edit(struct change_ctx *x, struct store_txn *t, char *fields, size_t fl)
{
	struct book_case *c = x->c;
	struct err *err = store_txn_err(t);
	const struct book_party_edit *e = x->party_edit;
	struct book_party *p;

	if (e->party == 0 || e->party > c->nparties)
		return err_set(err, "%s has no person %u (it has %zu)", c->ref, e->party,
		               c->nparties), BOOK_EUSAGE;
	p = &c->parties[e->party - 1];
	if (e->role >= 0 && (p->kind == 0) != (e->role == PARTY_CHILD))
		return err_set(err, p->kind == 0 ? "a child's role is child"
		               : "a complainant is not given the child's role (add the child "
		                 "as a child)"), BOOK_EUSAGE;
	/* views sealed with a key not held would be written over unread */
	if (e->views != NULL && p->unopened)
		return err_set(err, "their views are sealed, and no key held opens them"),
		       BOOK_EDENIED;
	snprintf(fields, fl, "party %u:%s%s%s%s%s", e->party, e->role >= 0 ? "role," : "",
	         e->eligible >= 0 ? "eligible," : "", e->consent >= 0 ? "consent," : "",
	         e->informed >= 0 ? "informed," : "", e->views != NULL ? "views," : "");
	fields[strlen(fields) - 1] = '\0';
	if (e->role >= 0)
		p->role = e->role;
	if (e->eligible >= 0)
		p->eligible = e->eligible != 0;
	if (e->consent >= 0)
		p->consent = e->consent != 0;
	if (e->informed >= 0)
		p->informed = e->informed != 0;
	if (e->views != NULL)
		snprintf(p->views, sizeof p->views, "%s", e->views);
	return 0;
}

static int
case_change_apply(struct change_ctx *x, struct store_txn *t, char *fields, size_t fl)
{
	struct book_case *c = x->c;
	struct err *err = store_txn_err(t);
	size_t i;

	switch (x->kind) {
	case CHANGE_ASSIGN:
		return book_staff_apply(x->b, t, c, x->staff, fields, fl);
	case CHANGE_POINT:
		if (!BOOK_CASE_ROOM(c, points))
			return err_set(err, "out of memory");
		c->points[c->npoints].number = (unsigned)c->npoints + 1;
		snprintf(c->points[c->npoints].text, BOOK_TEXT_MAX, "%s", x->text);
		x->number = c->points[c->npoints++].number;
		snprintf(fields, fl, "point %u", x->number);
		return 0;
	case CHANGE_FINDING:
		if (x->point < 1 || x->point > c->npoints)
			return err_set(err, "%s has no point %u", c->ref, x->point), BOOK_EUSAGE;
		if ((int)x->stage > c->stage || x->stage < 1 || x->stage > 3)
			return err_set(err, "%s has not reached Stage %u", c->ref, x->stage), BOOK_EUSAGE;
		for (i = 0; i < c->nfindings; i++)
			if (c->findings[i].stage == x->stage && c->findings[i].point == x->point)
				break;
		if (i == c->nfindings && !BOOK_CASE_ROOM(c, findings))
			return err_set(err, "out of memory");
		c->findings[i].stage = x->stage;
		c->findings[i].point = x->point;
		c->findings[i].outcome = x->outcome;
		if (i == c->nfindings)
			c->nfindings++;
		snprintf(fields, fl, "finding stage %u point %u", x->stage, x->point);
		return 0;
	case CHANGE_REC: {
		struct book_rec *r;

		if (x->stage == BOOK_REC_OMBUDSMAN && !book_case_ombudsman_decided(c))
			return err_set(err, "%s has no Ombudsman's decision recorded", c->ref),
			       BOOK_EUSAGE;
		if (!BOOK_CASE_ROOM(c, recs))
			return err_set(err, "out of memory");
		r = &c->recs[c->nrecs];
		memset(r, 0, sizeof *r);
		r->number = (unsigned)c->nrecs + 1;
		r->stage = x->stage;
		snprintf(r->text, sizeof r->text, "%s", x->text);
		snprintf(r->owner, sizeof r->owner, "%s", x->owner);
		snprintf(r->due, sizeof r->due, "%s", x->due);
		x->number = r->number;
		c->nrecs++;
		snprintf(fields, fl, "recommendation %u", x->number);
		return 0;
	}
	case CHANGE_REC_DONE:
		if (x->number < 1 || x->number > c->nrecs)
			return err_set(err, "%s has no recommendation %u", c->ref, x->number), BOOK_EUSAGE;
		if (c->recs[x->number - 1].done[0])
			return err_set(err, "recommendation %u was completed already", x->number),
			       BOOK_EUSAGE;
		snprintf(c->recs[x->number - 1].done, DATE_STRLEN_BOOK, "%s", x->due);
		snprintf(fields, fl, "recommendation %u done", x->number);
		return 0;
	case CHANGE_ADVOCACY: {
		const struct book_advocacy *in = x->advocacy;

		if (c->kind == ROUTE_ANONYMOUS)
			return err_set(err, "an anonymous contact has no one to offer an advocate to"),
			       BOOK_EUSAGE;
		if (in->offered[0] != '\0')
			memcpy(c->advocacy.offered, in->offered, sizeof c->advocacy.offered);
		if (in->service[0] != '\0')
			memcpy(c->advocacy.service, in->service, sizeof c->advocacy.service);
		if (in->response != 0)
			c->advocacy.response = in->response;
		c->advocacy.flags |= in->flags;
		if (c->advocacy.offered[0] == '\0')
			return err_set(err, "record when advocacy was offered (--offered DATE) first"),
			       BOOK_EUSAGE;
		snprintf(fields, fl, "advocacy");
		return 0;
	}
	case CHANGE_PARTY:
		return case_change_party(x, t, fields, fl);
	case CHANGE_PARTY_EDIT:
		return case_change_party_edit(x, t, fields, fl);
	}
	return -1;
}

static int
case_change_txn(struct store_txn *t, void *vctx)
{
	struct change_ctx *x = vctx;
	const void *old;
	size_t oldlen;
	void *oldcopy;
	char fields[64];
	int rc;

	if ((rc = case_load_for_change(x->b, t, x->ref, 0, x->c, &old, &oldlen)) != 0)
		return rc;
	if ((rc = case_change_apply(x, t, fields, sizeof fields)) != 0)
		return rc;
	if ((oldcopy = malloc(oldlen)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	memcpy(oldcopy, old, oldlen);
	x->c->rev++;
	rc = case_write(x->b, t, x->c, oldcopy, oldlen, x->b->key_id);
	free(oldcopy);
	if (rc != 0)
		return rc;
	return book_audit_append(x->b, t, "case.change", x->ref, fields);
}

static int
case_change(struct change_ctx *x, struct err *err)
{
	int rc;

	if ((rc = book_require(x->b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	return book_write_case(x->b, ROLE_CASEWORKER, true, case_change_txn, x, &x->c, err);
}

int
book_case_assign(struct book *b, const char *ref, const struct book_staff *set, struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_ASSIGN, .staff = set };
	int rc;

	if ((rc = book_staff_check(set, err)) != 0)
		return rc;
	return case_change(&x, err);
}

int
book_case_point(struct book *b, const char *ref, const char *text, unsigned *number,
                struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_POINT, .text = text };
	int rc;

	if (*text == '\0')
		return err_set(err, "a point needs its text"), BOOK_EUSAGE;
	if ((rc = book_check_text("the point", text, BOOK_TEXT_MAX - 1, true, err)) != 0)
		return rc;
	rc = case_change(&x, err);
	*number = x.number;
	return rc;
}

int
book_case_finding(struct book *b, const char *ref, unsigned stage, unsigned point, int outcome,
                  struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_FINDING, .stage = stage,
	                        .point = point, .outcome = outcome };

	if (outcome <= OUTCOME_NONE || outcome >= OUTCOME_COUNT)
		return err_set(err, "unknown outcome"), BOOK_EUSAGE;
	return case_change(&x, err);
}

int
book_case_recommend(struct book *b, const char *ref, unsigned stage, const char *text,
                    const char *owner, const char *due, unsigned *number, struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_REC, .stage = stage,
	                        .text = text, .owner = owner, .due = due };
	struct date d;
	int rc;

	if (*text == '\0')
		return err_set(err, "a recommendation needs its text"), BOOK_EUSAGE;
	if ((rc = book_check_text("the recommendation", text, BOOK_TEXT_MAX - 1, true, err)) != 0 ||
	    (rc = book_check_login("--owner", owner, err)) != 0)
		return rc;
	if (owner == NULL || *owner == '\0')
		return err_set(err, "a recommendation needs an owner"), BOOK_EUSAGE;
	if (due == NULL || date_parse(due, &d, err) != 0)
		return due == NULL ? err_set(err, "a recommendation needs a due date") : -1,
		       BOOK_EUSAGE;
	if (stage < 1 || stage > BOOK_REC_OMBUDSMAN)
		return err_set(err, "a recommendation belongs to Stage 1, 2 or 3, or the Ombudsman"),
		       BOOK_EUSAGE;
	rc = case_change(&x, err);
	*number = x.number;
	return rc;
}

int
book_case_rec_done(struct book *b, const char *ref, unsigned number, const char *date,
                   struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_REC_DONE, .number = number,
	                        .due = date };
	struct date d;

	if (date_parse(date, &d, err) != 0)
		return BOOK_EUSAGE;
	if (d.day > book_today(b).day)
		return err_set(err, "%s is in the future", date), BOOK_EUSAGE;
	return case_change(&x, err);
}

int
book_case_advocacy(struct book *b, const char *ref, const struct book_advocacy *a, struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_ADVOCACY, .advocacy = a };
	struct date d;
	int rc;

	if (a->offered[0] != '\0') {
		if (date_parse(a->offered, &d, err) != 0)
			return err_prefix(err, "--offered"), BOOK_EUSAGE;
		if (d.day > book_today(b).day)
			return err_set(err, "--offered %s is in the future", a->offered), BOOK_EUSAGE;
	}
	if ((rc = book_check_text("--service", a->service, 63, false, err)) != 0)
		return rc;
	return case_change(&x, err);
}

int
book_case_party(struct book *b, const char *ref, const struct book_party_new *p, struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_PARTY, .party = p };
	int rc;

	if (p->person != 0 && (p->name != NULL || p->dob != NULL))
		return err_set(err, "an existing person (--person) comes with their own name"),
		       BOOK_EUSAGE;
	if (p->person == 0 && (p->name == NULL || *p->name == '\0'))
		return err_set(err, "a person needs a name"), BOOK_EUSAGE;
	if ((p->name && (rc = book_check_text("the name", p->name, 255, false, err)) != 0) ||
	    (p->views && (rc = book_check_text("the views", p->views, BOOK_TEXT_MAX - 1, true, err))))
		return rc;
	if (p->role < 0 || p->role >= PARTY_ROLE_COUNT || p->kind < 0 || p->kind > 1)
		return err_set(err, "unknown role"), BOOK_EUSAGE;
	return case_change(&x, err);
}

int
book_case_party_edit(struct book *b, const char *ref, const struct book_party_edit *e,
                     struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_PARTY_EDIT, .party_edit = e };
	int rc;

	if (e->role < 0 && e->eligible < 0 && e->consent < 0 && e->informed < 0 && e->views == NULL)
		return err_set(err, "nothing to change (role, eligible, consent, informed, views)"),
		       BOOK_EUSAGE;
	if (e->role >= PARTY_ROLE_COUNT)
		return err_set(err, "unknown role"), BOOK_EUSAGE;
	if (e->views && (rc = book_check_text("the views", e->views, BOOK_TEXT_MAX - 1, true, err)))
		return rc;
	return case_change(&x, err);
}
