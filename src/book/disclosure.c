/* disclosure.c - what the book discloses: the audit entry that records an
 * export of identity, and for a subject access request, who it is about
 * and every case they are party to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/buf.h"

struct disclosure_ctx {
	struct book *b;
	const char *action, *record, *fields;
};

static int
export_disclosure_txn(struct store_txn *t, void *vctx)
{
	struct disclosure_ctx *c = vctx;

	return book_audit_append(c->b, t, c->action, c->record, c->fields);
}

int
book_disclosure(struct book *b, const char *action, const char *record, const char *fields,
                struct err *err)
{
	struct disclosure_ctx c = { b, action, record, fields };
	int rc;

	/* no record of the disclosure, no disclosure */
	if (book_readonly(b))
		return err_set(err, "an export of identity is recorded in the audit chain, and the "
		               "book is open read-only: nothing was exported"), BOOK_EDENIED;
	if ((rc = book_require(b, ROLE_AUDITOR, true, err)) != 0)
		return rc;
	return book_change(b, ROLE_AUDITOR, true, export_disclosure_txn, &c, err);
}

/* --- who the request is about ------------------------------------------------ */

struct subject_ctx {
	const char *ref;
	uint64_t *ids;
	size_t max, n;
	bool found;
};

static void
export_add_id(struct subject_ctx *c, uint64_t id)
{
	size_t i;

	if (id == 0)
		return; /* a party erased under the retention rule: no one left to find */
	for (i = 0; i < c->n; i++)
		if (c->ids[i] == id)
			return;
	if (c->n < c->max)
		c->ids[c->n++] = id;
}

static int
export_ref_txn(struct store_txn *t, void *vctx)
{
	struct subject_ctx *c = vctx;
	struct case_rec_party party;
	const void *v, *cv;
	size_t n, cn, pos = 0;

	if (store_get(t, STORE_REFS, c->ref, strlen(c->ref), &v, &n) != 0 || n != 8)
		return 0;
	c->found = true;
	if (store_get(t, STORE_CASES, v, 8, &cv, &cn) != 0)
		return err_set(store_txn_err(t), "case %.40s cannot be read", c->ref);
	while (case_rec_party_next(cv, cn, &pos, &party))
		export_add_id(c, party.person);
	return 0;
}

static int
export_found(const struct book_person *p, void *vctx)
{
	export_add_id(vctx, p->id);
	return 0;
}

int
book_subject_people(struct book *b, const char *subject, const char *dob, uint64_t *ids,
                    size_t max, size_t *n, bool *by_ref, struct err *err)
{
	struct subject_ctx c = { subject, ids, max, 0, false };
	int rc;

	*n = 0;
	*by_ref = false;
	if (!book_has_key(b))
		return err_set(err, "a subject access export needs the data key (unlock as a user "
		               "who holds it)"), BOOK_EDENIED;
	if (*subject == '\0')
		return err_set(err, "whose records? give a name or a case reference"), BOOK_EUSAGE;
	if (strlen(subject) < BOOK_REF_MAX && dob == NULL &&
	    (rc = store_read(b->st, export_ref_txn, &c, err)) != 0)
		return rc;
	if (c.found) {
		*by_ref = true;
		*n = c.n;
		return 0;
	}
	if ((rc = book_person_find(b, subject, dob, export_found, &c, err)) != 0)
		return rc;
	*n = c.n;
	return 0;
}

/* --- the cases of a person ------------------------------------------------------ */

struct cases_ctx {
	const uint64_t *people;            /* sorted */
	size_t npeople;
	char (*refs)[BOOK_REF_MAX];
	size_t n, cap;
};

/* Room for one more case found; -1 without memory. */
static int
cases_grow(struct cases_ctx *c)
{
	size_t cap = c->cap ? c->cap * 2 : 16;
	char (*nr)[BOOK_REF_MAX];

	if (c->n < c->cap)
		return 0;
	if ((nr = realloc(c->refs, cap * sizeof *nr)) == NULL)
		return -1;
	c->refs = nr;
	c->cap = cap;
	return 0;
}

static int
export_cases_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct cases_ctx *c = vctx;
	struct case_rec_party party;
	size_t pos = 0;

	(void)k;
	if (kl != 8)
		return 0;
	while (case_rec_party_next(v, vl, &pos, &party))
		if (bsearch(&party.person, c->people, c->npeople, sizeof *c->people,
		            codec_cmp_u64) != NULL) {
			if (cases_grow(c) != 0)
				return -1;
			rec_find_str(v, vl, CT_REF, c->refs[c->n], BOOK_REF_MAX);
			c->n++;
			break;
		}
	return 0;
}

static int
export_cases_txn(struct store_txn *t, void *vctx)
{
	/* no index from people to cases: a rare request reads every record */
	if (store_scan(t, STORE_CASES, NULL, 0, export_cases_each, vctx) < 0)
		return err_set(store_txn_err(t), "out of memory");
	return 0;
}

int
book_person_cases(struct book *b, uint64_t person, char (**refs)[BOOK_REF_MAX], size_t *n,
                  struct err *err)
{
	struct cases_ctx c = { &person, 1, NULL, 0, 0 };
	int rc;

	*refs = NULL;
	*n = 0;
	if ((rc = store_read(b->st, export_cases_txn, &c, err)) != 0) {
		free(c.refs);
		return rc;
	}
	*refs = c.refs;
	*n = c.n;
	return 0;
}
