/* reseal.c - rekeying the cases: sealed fields and notes rewritten under a
 * new data key, and what a reader without the key can still see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"

/* --- rekey ------------------------------------------------------------------------ */

/* Rewrites one event with its note sealed under new_id. */
static int
case_reseal_event(struct book *b, struct store_txn *t, uint64_t id, const struct book_event *e,
                  uint32_t new_id)
{
	const void *v;
	const uint8_t *p;
	size_t n, pos = 0, fn;
	uint16_t tag;
	uint8_t key[12];
	char ad[96];
	struct rec r;
	int rc;

	codec_be64(id, key);
	codec_be32(e->seq, key + 8);
	if (store_get(t, STORE_EVENTS, key, 12, &v, &n) != 0)
		return -1;
	if (!rec_find(v, n, ET_NOTE, &p, &fn))
		return 0;
	rec_begin(&r, REC_EVENT, 1);
	while (rec_next(v, n, &pos, &tag, &p, &fn))
		if (tag != ET_NOTE)
			rec_bytes(&r, tag, p, fn);
	case_field_ad(id, 0, e->seq, ad, sizeof ad);
	if (case_seal(b, t, &r, ET_NOTE, NULL, 0, ad, e->note, new_id) != 0 || rec_done(&r) != 0 ||
	    search_note_put(b, t, id, e->seq, e->note, new_id) != 0) {
		rec_free(&r);
		return -1;
	}
	rc = store_put(t, STORE_EVENTS, key, 12, r.buf, r.len, false);
	rec_free(&r);
	return rc;
}

/* Names what of case c no key held opens, appended to list (n bytes, "..."
 * once full); returns how many fields. */
static size_t
case_unopened_names(const struct book_case *c, char *list, size_t n)
{
	char what[48];
	size_t k = 0, i, used;

#define CASE_SHUT(tag, which)                                                        \
	do {                                                                         \
		case_field_name(tag, which, what, sizeof what);                      \
		used = strlen(list);                                                 \
		if (used + 64 < n)                                                   \
			snprintf(list + used, n - used, "%s%s %s", used ? ", " : "", \
			         c->ref, what);                                      \
		else if (used + 5 < n && strcmp(list + used - 3, "...") != 0)        \
			snprintf(list + used, n - used, ", ...");                    \
		k++;                                                                 \
	} while (0)
	if (c->erased[0] != '\0')
		return 0;
	if (c->summary_unopened)
		CASE_SHUT(CT_SUMMARY, 0);
	for (i = 0; i < c->nparties; i++)
		if (c->parties[i].unopened)
			CASE_SHUT(CT_PARTY, (unsigned)i);
	for (i = 0; i < c->npoints; i++)
		if (c->points[i].unopened)
			CASE_SHUT(CT_POINT, c->points[i].number);
	for (i = 0; i < c->nrecs; i++)
		if (c->recs[i].unopened)
			CASE_SHUT(CT_REC, c->recs[i].number);
	if (c->held && c->hold_unopened)
		CASE_SHUT(CT_HOLD_REASON, 0);
	for (i = 0; i < c->nevents; i++)
		if (c->events[i].unopened)
			CASE_SHUT(0, c->events[i].seq);
#undef CASE_SHUT
	return k;
}

size_t
book_case_unopened(const struct book_case *c, char *list, size_t n)
{
	return case_unopened_names(c, list, n);
}

/* Reseals every sealed field of every case under new_id, or, when any
 * cannot be opened with the keys held, changes nothing and names them. */
int
book_cases_reseal(struct book *b, struct store_txn *t, uint32_t new_id)
{
	struct book_ids r = { NULL, 0, 0 };
	struct book_case *c;
	const void *old;
	void *copy;
	uint8_t key[8];
	char shut[400] = "";
	size_t i, k, n, nshut = 0;
	int rc = -1;

	if (store_scan(t, STORE_CASES, NULL, 0, book_collect_ids, &r) < 0)
		return err_set(store_txn_err(t), "out of memory");
	if ((c = book_case_new()) == NULL) {
		free(r.ids);
		return err_set(store_txn_err(t), "out of memory");
	}
	for (i = 0; i < r.n; i++) {
		if (case_read(b, t, r.ids[i], c) != 0)
			goto out;
		/* a field no key opens is never resealed as something else */
		nshut += case_unopened_names(c, shut, sizeof shut);
		if (nshut > 0)
			continue;
		for (k = 0; k < c->nevents; k++)
			if (c->events[k].note[0] != '\0' &&
			    case_reseal_event(b, t, r.ids[i], &c->events[k], new_id) != 0)
				goto out;
		codec_be64(r.ids[i], key);
		if (store_get(t, STORE_CASES, key, 8, &old, &n) != 0 || (copy = malloc(n)) == NULL)
			goto out;
		memcpy(copy, old, n);
		rc = case_write_fields(b, t, c, copy, n, new_id, true);
		free(copy);
		if (rc != 0)
			goto out;
		rc = -1;
	}
	if (nshut > 0) {
		err_set(store_txn_err(t), "%zu sealed field%s cannot be opened with the keys held: %s; "
		        "the data key was not rotated and nothing was changed", nshut,
		        nshut == 1 ? "" : "s", shut);
		goto out;
	}
	rc = 0;
out:
	book_case_free(c);
	free(r.ids);
	return rc;
}
