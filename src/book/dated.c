/* dated.c - dated items on the calendar that are not statutory deadlines:
 * the Ombudsman's recommendations until complied with, and the review of
 * a party's reasonable adjustments on each open case they are party to.
 * They live in the deadlines index beside the profile's deadlines (kinds
 * 2 and 3 after deadline 0 and target 1), so that the calendar, the
 * agenda and remind find them by the same range scan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/date.h"
#include "redress/due.h"
#include "redress/profile.h"
#include "redress/workflow.h"

/* Index kinds, and the value tags after case_due_put_details' 5..10. */
enum { DATED_REC = 2, DATED_REVIEW = 3 };
enum { DATED_T_PERSON = 20, DATED_T_NUMBER = 21 };

#define DATED_KEY_REVIEW "adjustment_review"
#define DATED_KEY_REC "ombudsman_rec_"

static void
dated_key(int32_t day, uint8_t kind, uint64_t case_id, unsigned which, uint8_t key[15])
{
	codec_be32((uint32_t)((int64_t)day + 0x80000000LL), key);
	key[4] = kind;
	codec_be64(case_id, key + 5);
	key[13] = (uint8_t)(which >> 8);
	key[14] = (uint8_t)which;
}

/* One entry: its key noted in r when r is given (a case being written). */
static int
dated_put(struct store_txn *t, const uint8_t key[15], const char *what, const char *ref,
          bool done, uint16_t tag, uint64_t v, const struct book_case *c, const char *owner,
          struct rec *r)
{
	struct rec dv;
	uint8_t k[15];
	int rc;

	/* what is done sorts after what is still to do (book-int.h) */
	memcpy(k, key, sizeof k);
	if (done)
		k[4] |= DUE_KEY_MET;
	key = k;
	rec_begin(&dv, REC_DUE, 1);
	rec_str(&dv, 1, what);
	rec_str(&dv, 2, ref);
	rec_u64(&dv, 3, done);
	rec_u64(&dv, 4, (uint64_t)PARTY_COUNCIL);
	/* whose it is to do, when not the case's owner: the first owner field
	 * read is the one the agenda and remind go by (due.c) */
	if (owner != NULL && *owner != '\0')
		rec_str(&dv, 5, owner);
	if (c != NULL)
		case_due_put_details(&dv, c);
	rec_u64(&dv, tag, v);
	if ((rc = rec_done(&dv)) == 0)
		rc = book_due_index_put(t, key, dv.buf, dv.len);
	rec_free(&dv);
	if (rc != 0)
		return err_set(store_txn_err(t), "cannot write the calendar's index");
	if (r != NULL)
		rec_bytes(r, CT_DLKEY, key, 15);
	return 0;
}

/* The next review of person's adjustments, plain on their record ("" none,
 * or the person erased). */
static void
dated_review_of(struct store_txn *t, uint64_t person, char out[DATE_STRLEN])
{
	const void *v;
	size_t n;
	uint8_t key[8];

	out[0] = '\0';
	codec_be64(person, key);
	if (person != 0 && store_get(t, STORE_PEOPLE, key, 8, &v, &n) == 0)
		rec_find_str(v, n, PT_ADJ_REVIEW, out, DATE_STRLEN);
}

int
case_put_items(struct book *b, struct store_txn *t, const struct book_case *c, struct rec *r)
{
	char what[40], review[DATE_STRLEN];
	uint8_t key[15];
	struct date d;
	size_t i;

	(void)b;
	for (i = 0; i < c->nrecs; i++) {
		const struct book_rec *rc = &c->recs[i];

		if (rc->stage != BOOK_REC_OMBUDSMAN || date_parse(rc->due, &d, NULL) != 0)
			continue;
		snprintf(what, sizeof what, DATED_KEY_REC "%u", rc->number);
		dated_key(d.day, DATED_REC, c->id, rc->number, key);
		if (dated_put(t, key, what, c->ref, rc->done[0] != '\0', DATED_T_NUMBER, rc->number,
		              c, rc->owner, r) != 0)
			return -1;
	}
	/* a review is the council's to hold while the case is open */
	if (c->status != CASE_OPEN || c->erased[0] != '\0')
		return 0;
	for (i = 0; i < c->nparties; i++) {
		dated_review_of(t, c->parties[i].person, review);
		if (date_parse(review, &d, NULL) != 0)
			continue;
		dated_key(d.day, DATED_REVIEW, c->id, (unsigned)i, key);
		if (dated_put(t, key, DATED_KEY_REVIEW, c->ref, false, DATED_T_PERSON,
		              c->parties[i].person, c, NULL, r) != 0)
			return -1;
	}
	return 0;
}

/* --- a review moved ------------------------------------------------------ */

struct dated_case {
	uint64_t id;
	unsigned party;
	char ref[BOOK_REF_MAX];
};

struct dated_scan {
	uint64_t person;
	struct dated_case *v;
	size_t n, cap;
};

static int
dated_scan_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct dated_scan *s = vctx;
	struct case_rec_party party;
	const uint8_t *p;
	size_t pos = 0, fn;
	unsigned i = 0;
	uint16_t tag;

	if (kl != 8 || rec_find_u64(v, vl, CT_STATUS, 0) != CASE_OPEN ||
	    rec_find(v, vl, CT_ERASED, &p, &fn))
		return 0;
	while (rec_next(v, vl, &pos, &tag, &p, &fn)) {
		if (tag != CT_PARTY)
			continue;
		if (case_rec_party_get(p, fn, &party) && party.person == s->person) {
			if (s->n == s->cap) {
				size_t cap = s->cap ? 2 * s->cap : 8;
				struct dated_case *nv = realloc(s->v, cap * sizeof *nv);

				if (nv == NULL)
					return -1;
				s->v = nv;
				s->cap = cap;
			}
			s->v[s->n].id = codec_get_be64(k);
			s->v[s->n].party = i;
			rec_find_str(v, vl, CT_REF, s->v[s->n].ref, BOOK_REF_MAX);
			s->n++;
		}
		i++;
	}
	return 0;
}

int
book_adjust_reindex_txn(struct book *b, struct store_txn *t, uint64_t person,
                        const char *old_review, const char *new_review)
{
	struct dated_scan s = { person, NULL, 0, 0 };
	struct date was, now;
	bool had, has;
	uint8_t key[15];
	size_t i;
	int rc = 0;

	(void)b;
	had = date_parse(old_review, &was, NULL) == 0;
	has = date_parse(new_review, &now, NULL) == 0;
	if (had == has && (!had || was.day == now.day))
		return 0;
	/* no index from people to cases: a change of review reads every case,
	 * as a subject access request does; the cases are collected first and
	 * the index written after the scan */
	if (store_scan(t, STORE_CASES, NULL, 0, dated_scan_each, &s) < 0) {
		free(s.v);
		return err_set(store_txn_err(t), "out of memory");
	}
	for (i = 0; i < s.n && rc == 0; i++) {
		if (had) {
			dated_key(was.day, DATED_REVIEW, s.v[i].id, s.v[i].party, key);
			if ((rc = book_due_index_del(t, key, sizeof key)) != 0)
				break;
		}
		/* without the case's details: the agenda reads them from its summary,
		 * and the case's next change writes the entry afresh with them */
		if (has) {
			dated_key(now.day, DATED_REVIEW, s.v[i].id, s.v[i].party, key);
			rc = dated_put(t, key, DATED_KEY_REVIEW, s.v[i].ref, false, DATED_T_PERSON, person,
			               NULL, NULL, NULL);
		}
	}
	free(s.v);
	return rc;
}

/* --- read back ------------------------------------------------------------ */

bool
case_due_item(struct store_txn *t, uint8_t kind, const void *v, size_t vl, struct book_due *d)
{
	char review[DATE_STRLEN];

	d->council = true;
	d->target = false;
	if (kind == DATED_REC) {
		d->item = BOOK_DUE_REC;
		d->number = (unsigned)rec_find_u64(v, vl, DATED_T_NUMBER, 0);
		return true;
	}
	if (kind != DATED_REVIEW)
		return false; /* a kind of a later version */
	d->item = BOOK_DUE_REVIEW;
	d->person = rec_find_u64(v, vl, DATED_T_PERSON, 0);
	/* an entry a case's change wrote, since moved by the person's: the
	 * person's record says which holds */
	dated_review_of(t, d->person, review);
	return strcmp(review, d->date) == 0;
}

const char *
book_due_item_label(const struct book_due *d, char *buf, size_t n)
{
	switch (d->item) {
	case BOOK_DUE_REC:
		snprintf(buf, n, "Ombudsman's recommendation %u due (not a statutory deadline)",
		         d->number);
		return buf;
	case BOOK_DUE_REVIEW:
		snprintf(buf, n, "review of reasonable adjustments (not a statutory deadline)");
		return buf;
	default:
		return NULL;
	}
}
