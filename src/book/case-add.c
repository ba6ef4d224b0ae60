/* case-add.c - new cases: checking what is asked for, creating the record and
 * its first events, and adding it in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/date.h"

/* --- add ---------------------------------------------------------------------- */

struct add_ctx {
	struct book *b;
	const struct book_case_new *in;
	struct book_case *c;
	char ref[BOOK_REF_MAX];
};

int
case_person_put(struct book *b, struct store_txn *t, const char *name, const char *dob,
                uint64_t *id)
{
	return book_person_put_txn(b, t, name, dob, id);
}

/* The child (kind 0) or the complainant (kind 1) of a new case: a person
 * record made and named on the case as a party. */
static int
case_add_party(struct book *b, struct store_txn *t, struct book_case *c, int kind, int role,
               const char *name, const char *dob)
{
	struct book_party *p;

	if (!BOOK_CASE_ROOM(c, parties))
		return err_set(store_txn_err(t), "out of memory");
	p = &c->parties[c->nparties++];
	p->kind = kind;
	p->role = role;
	p->eligible = true;
	return case_person_put(b, t, name, dob, &p->person);
}

/* Makes the case record for a new contact in the caller's transaction:
 * reference, parties, receipt (and safeguarding) events; not yet written. */
int
case_create(struct book *b, struct store_txn *t, const struct book_case_new *in,
            struct book_case *c)
{
	struct book_step s;
	char seqkey[32];
	uint64_t seq;
	int year = atoi(in->received);

	case_empty(c);
	c->id = book_meta_u64(t, META_NEXT_CASE, 1);
	if (book_meta_put_u64(t, META_NEXT_CASE, c->id + 1) != 0)
		return -1;
	if (in->ref != NULL && *in->ref != '\0') {
		/* a reference brought over (import): checked unique by the caller */
		snprintf(c->ref, sizeof c->ref, "%s", in->ref);
	} else {
		snprintf(seqkey, sizeof seqkey, "ref_seq_%04d", year);
		seq = book_meta_u64(t, seqkey, 0) + 1;
		if (book_meta_put_u64(t, seqkey, seq) != 0)
			return -1;
		snprintf(c->ref, sizeof c->ref, "CSC-%04d-%04llu", year, (unsigned long long)seq);
	}
	c->rev = 1;
	c->kind = in->kind;
	c->channel = in->channel;
	c->staff.chair = -1;
	snprintf(c->received, sizeof c->received, "%s", in->received);
	snprintf(c->team, sizeof c->team, "%s", in->team ? in->team : "");
	snprintf(c->service, sizeof c->service, "%s", in->service ? in->service : "");
	snprintf(c->staff.owner, 64, "%s", in->owner ? in->owner : b->login);
	snprintf(c->redirect_to, sizeof c->redirect_to, "%s", in->redirect_to ? in->redirect_to : "");
	snprintf(c->thanked, sizeof c->thanked, "%s", in->thanked ? in->thanked : "");
	snprintf(c->summary, sizeof c->summary, "%s", in->summary ? in->summary : "");
	c->safeguarding = in->safeguarding;
	if ((in->child_name != NULL &&
	     case_add_party(b, t, c, 0, PARTY_CHILD, in->child_name, in->child_dob) != 0) ||
	    (in->complainant_name != NULL &&
	     case_add_party(b, t, c, 1, in->complainant_role, in->complainant_name,
	                    in->complainant_dob) != 0))
		return -1;
	memset(&s, 0, sizeof s);
	if (in->aware != NULL) {
		s.type = EV_AWARE;
		s.date = in->aware;
		if (case_add_event(b, t, c, &s, b->key_id) != 0)
			return -1;
	}
	s.type = EV_RECEIVED;
	s.date = in->received;
	if (case_add_event(b, t, c, &s, b->key_id) != 0)
		return -1;
	if (in->safeguarding) {
		char note[1024];

		book_safeguard_note(b, in, note, sizeof note);
		s.type = EV_SAFEGUARDING;
		s.note = note;
		if (case_add_event(b, t, c, &s, b->key_id) != 0)
			return -1;
	}
	return 0;
}

/* Writes a created case: record, deadlines, reference. */
int
case_commit_new(struct book *b, struct store_txn *t, struct book_case *c)
{
	uint8_t idb[8];

	if (case_write(b, t, c, NULL, 0, b->key_id) != 0)
		return -1;
	codec_be64(c->id, idb);
	if (store_put(t, STORE_REFS, c->ref, strlen(c->ref), idb, 8, true) != 0)
		return err_set(store_txn_err(t), "reference %s exists", c->ref);
	return 0;
}

static int
case_add_txn(struct store_txn *t, void *vctx)
{
	struct add_ctx *a = vctx;

	if (case_create(a->b, t, a->in, a->c) != 0 || case_commit_new(a->b, t, a->c) != 0)
		return -1;
	memcpy(a->ref, a->c->ref, sizeof a->ref);
	return book_audit_append(a->b, t, "case.add", a->c->ref,
	                         a->in->safeguarding ? "kind,received,safeguarding"
	                                             : "kind,received,people");
}

int
book_case_add(struct book *b, const struct book_case_new *in, char ref[BOOK_REF_MAX],
              struct err *err)
{
	struct add_ctx a;
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0 ||
	    (rc = book_case_new_check(b, in, err)) != 0)
		return rc;
	memset(&a, 0, sizeof a);
	a.b = b;
	a.in = in;
	if ((rc = book_write_case(b, ROLE_CASEWORKER, true, case_add_txn, &a, &a.c, err)) != 0)
		return rc;
	memcpy(ref, a.ref, BOOK_REF_MAX);
	return 0;
}

/* What a new contact must satisfy before anything is written. */
int
book_case_new_check(struct book *b, const struct book_case_new *in, struct err *err)
{
	struct date recv, aware, today;
	int rc;

	if (in->kind < 0 || in->kind >= ROUTE_COUNT)
		return err_set(err, "unknown kind of contact"), BOOK_EUSAGE;
	if (in->channel < 0 || in->channel >= CHANNEL_COUNT)
		return err_set(err, "unknown channel"), BOOK_EUSAGE;
	if ((rc = book_safeguard_check(in, err)) != 0)
		return rc;
	if (in->received == NULL || date_parse(in->received, &recv, err) != 0)
		return in->received == NULL ? err_set(err, "the date received is required") : -1,
		       BOOK_EUSAGE;
	today = book_today(b);
	if (recv.day > today.day)
		return err_set(err, "received %s is in the future", in->received), BOOK_EUSAGE;
	if (in->aware != NULL) {
		if (date_parse(in->aware, &aware, err) != 0)
			return err_prefix(err, "--aware"), BOOK_EUSAGE;
		if (aware.day > recv.day)
			return err_set(err, "the matter cannot become known after it was complained of"),
			       BOOK_EUSAGE;
	}
	if (in->kind == ROUTE_REDIRECTED && (in->redirect_to == NULL || *in->redirect_to == '\0'))
		return err_set(err, "a redirected contact needs --redirect-to (where the person was "
		               "sent)"), BOOK_EUSAGE;
	if (in->kind == ROUTE_COMPLAINT && in->child_name == NULL && !in->safeguarding)
		return err_set(err, "a complaint needs the child it is about (--child-name)"),
		       BOOK_EUSAGE;
	if ((in->child_name && (rc = book_check_text("the child's name", in->child_name, 255, false, err))) ||
	    (in->complainant_name &&
	     (rc = book_check_text("the complainant's name", in->complainant_name, 255, false, err))) ||
	    (in->summary && (rc = book_check_text("the summary", in->summary, BOOK_TEXT_MAX - 1, true, err))) ||
	    (in->team && (rc = book_check_text("the team", in->team, 63, false, err))) ||
	    (in->service && (rc = book_check_text("the service", in->service, 63, false, err))) ||
	    (in->redirect_to && (rc = book_check_text("--redirect-to", in->redirect_to, 63, false, err))) ||
	    (in->thanked && (rc = book_check_text("--thanked", in->thanked, 127, false, err))) ||
	    (rc = book_check_login("--owner", in->owner, err)))
		return rc;
	if ((in->child_name && *in->child_name == '\0') ||
	    (in->complainant_name && *in->complainant_name == '\0'))
		return err_set(err, "a name cannot be empty"), BOOK_EUSAGE;
	/* a date of birth belongs to a person: never dropped for want of one */
	if (in->child_dob && *in->child_dob && in->child_name == NULL)
		return err_set(err, "--child-dob needs --child-name"), BOOK_EUSAGE;
	if (in->complainant_dob && *in->complainant_dob && in->complainant_name == NULL)
		return err_set(err, "--complainant-dob needs --complainant-name"), BOOK_EUSAGE;
	if ((rc = book_check_dob(in->child_dob, err)) != 0 ||
	    (rc = book_check_dob(in->complainant_dob, err)) != 0)
		return rc;
	return 0;
}
