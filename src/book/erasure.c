/* erasure.c - the retention rule and legal holds: which closed cases
 * have outlived the profile's retention, and erasing their identity and
 * narrative while the plain figures that reports count stay. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/buf.h"
#include "redress/date.h"
#include "redress/profile.h"
#include "redress/retention.h"
#include "redress/text.h"
#include "redress/workflow.h"

#define RETENTION_NOTHING 1 /* the write found nothing to erase: abort it */

/* --- legal hold ------------------------------------------------------------- */

struct hold_ctx {
	struct book *b;
	const char *ref, *reason;
	bool hold;
	struct book_case *c;
};

static int
retention_hold_txn(struct store_txn *t, void *vctx)
{
	struct hold_ctx *x = vctx;
	struct book_case *c = x->c;
	char today[DATE_STRLEN];
	void *old = NULL;
	size_t oldlen;
	int rc;

	if ((rc = book_case_load_txn(x->b, t, x->ref, c, &old, &oldlen)) != 0)
		return rc;
	if (x->hold && c->held) {
		free(old);
		return err_set(store_txn_err(t), "%s is held already (since %s, by %s)", x->ref,
		               c->held_on, c->held_by), BOOK_EUSAGE;
	}
	if (!x->hold && !c->held) {
		free(old);
		return err_set(store_txn_err(t), "%s is not held", x->ref), BOOK_EUSAGE;
	}
	c->held = x->hold;
	if (x->hold) {
		snprintf(c->held_on, sizeof c->held_on, "%s", date_format(book_today(x->b), today));
		snprintf(c->held_by, sizeof c->held_by, "%s", x->b->login);
		snprintf(c->hold_reason, sizeof c->hold_reason, "%s", x->reason ? x->reason : "");
	} else {
		c->held_on[0] = c->held_by[0] = '\0';
		vault_wipe(c->hold_reason, sizeof c->hold_reason);
	}
	c->rev++;
	rc = case_write(x->b, t, c, old, oldlen, x->b->key_id);
	free(old);
	if (rc != 0)
		return rc;
	return book_audit_append(x->b, t, x->hold ? "case.hold" : "case.unhold", x->ref,
	                         x->hold && x->reason && *x->reason ? "hold,reason" : "hold");
}

/* A reason is one line of text: valid UTF-8, nothing invisible. */
static int
retention_check_reason(const char *s, struct err *err)
{
	return book_check_text("--reason", s, sizeof ((struct book_case *)0)->hold_reason - 1, false,
	                       err);
}

int
book_case_hold(struct book *b, const char *ref, bool hold, const char *reason, struct err *err)
{
	struct hold_ctx x = { b, ref, reason, hold, NULL };
	int rc;

	/* the key too: the case is resealed when written back */
	if ((rc = book_require(b, ROLE_MANAGER, true, err)) != 0)
		return rc;
	if (!hold && reason != NULL)
		return err_set(err, "a hold is cleared without a reason"), BOOK_EUSAGE;
	if (reason != NULL && (rc = retention_check_reason(reason, err)) != 0)
		return rc;
	return book_write_case(b, ROLE_MANAGER, true, retention_hold_txn, &x, &x.c, err);
}

/* --- which cases are due ------------------------------------------------------ */

/* One case as the retention rule sees it, from its plain fields only. */
struct ret_case {
	uint64_t id;
	char ref[BOOK_REF_MAX];
	bool closed, due, held, erased;
	struct date closed_on, due_on;
	const uint64_t *people;      /* the scan's, until the next case */
	size_t npeople;
};

struct scan_ctx {
	struct book *b;
	struct store_txn *t;
	const struct profile *prof;
	struct date today;
	struct wf_event *wf;         /* room for cap_wf */
	size_t cap_wf;
	uint64_t *people;            /* room for cap_people */
	size_t cap_people;
	int (*each)(const struct ret_case *rc, void *ctx);
	void *ctx;
};

/* The case's timeline, the events' types and dates: enough for its status;
 * -1 when out of memory. */
static ptrdiff_t
retention_events(struct scan_ctx *x, struct store_txn *t, uint64_t id)
{
	uint8_t key[12];
	const void *v;
	size_t n, k = 0;
	unsigned seq;
	char date[16];
	struct err err;
	struct wf_event *wf;

	codec_be64(id, key);
	for (seq = 1;; seq++) {
		codec_be32(seq, key + 8);
		if (store_get(t, STORE_EVENTS, key, 12, &v, &n) != 0)
			break;
		if (buf_grow(&x->wf, &x->cap_wf, k + 1, sizeof *x->wf) != 0)
			return -1;
		wf = x->wf;
		memset(&wf[k], 0, sizeof wf[k]);
		wf[k].type = (enum event_type)rec_find_u64(v, n, ET_TYPE, EV_NONE);
		if (rec_find_u64(v, n, ET_VOIDED_BY, 0) != 0)
			continue; /* corrected: its correction stands for it */
		wf[k].decision = (enum decision)rec_find_u64(v, n, ET_DECISION, 0);
		if (rec_find_str(v, n, ET_DATE, date, sizeof date) &&
		    date_parse(date, &wf[k].date, &err) == 0)
			k++;
	}
	return (ptrdiff_t)k;
}

static int
retention_scan_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct scan_ctx *x = vctx;
	struct ret_case rc;
	struct case_rec_party party;
	const uint8_t *p;
	size_t pos = 0, fn, n;
	uint16_t tag;
	struct err err;
	ptrdiff_t nev;

	if (kl != 8 || rec_check(v, vl, REC_CASE, NULL) != 0)
		return 0;
	memset(&rc, 0, sizeof rc);
	rc.id = codec_get_be64(k);
	rec_find_str(v, vl, CT_REF, rc.ref, sizeof rc.ref);
	while (rec_next(v, vl, &pos, &tag, &p, &fn)) {
		if (tag == CT_HOLD)
			rc.held = true;
		else if (tag == CT_ERASED)
			rc.erased = true;
		else if (tag == CT_PARTY && case_rec_party_get(p, fn, &party) && party.person != 0) {
			if (buf_grow(&x->people, &x->cap_people, rc.npeople + 1, sizeof *x->people) != 0)
				return err_set(store_txn_err(x->t), "out of memory");
			x->people[rc.npeople++] = party.person;
		}
	}
	rc.people = x->people;
	/* an open case never expires; the stored status says so cheaply */
	if (rec_find_u64(v, vl, CT_STATUS, CASE_OPEN) != CASE_OPEN) {
		if ((nev = retention_events(x, x->t, rc.id)) < 0)
			return err_set(store_txn_err(x->t), "out of memory");
		n = (size_t)nev;
		rc.closed = retention_closed((enum route)rec_find_u64(v, vl, CT_KIND, 0), x->wf, n,
		                             &rc.closed_on);
	}
	if (rc.closed) {
		if (retention_due(x->prof, rc.closed_on, &rc.due_on, &err) != 0)
			return err_set(store_txn_err(x->t), "%s: %s", rc.ref, err.msg), -1;
		rc.due = rc.due_on.day <= x->today.day;
	}
	return x->each(&rc, x->ctx);
}

static int
retention_scan(struct scan_ctx *x, struct store_txn *t)
{
	int rc;

	x->t = t;
	rc = store_scan(t, STORE_CASES, NULL, 0, retention_scan_each, x);
	free(x->wf);
	free(x->people);
	x->wf = NULL;
	x->people = NULL;
	x->cap_wf = x->cap_people = 0;
	return rc;
}

/* The book's profile, with a retention rule. */
static int
retention_profile(struct book *b, const struct profile **prof, struct err *err)
{
	const struct calendar *cal;
	struct date d = { 0 }, due;

	if (book_profile(b, prof, &cal, err) != 0)
		return -1;
	if (retention_due(*prof, d, &due, err) != 0)
		return BOOK_EUSAGE;
	return 0;
}

struct due_ctx {
	int (*each)(const struct book_retention *r, void *ctx);
	void *ctx;
};

static int
retention_due_each(const struct ret_case *rc, void *vctx)
{
	struct due_ctx *d = vctx;
	struct book_retention r;

	if (!rc->due || rc->erased)
		return 0;
	memset(&r, 0, sizeof r);
	memcpy(r.ref, rc->ref, sizeof r.ref);
	date_format(rc->closed_on, r.closed);
	date_format(rc->due_on, r.due);
	r.held = rc->held;
	return d->each(&r, d->ctx);
}

static int
retention_due_txn(struct store_txn *t, void *vctx)
{
	return retention_scan(vctx, t) < 0 ? -1 : 0;
}

int
book_retention_due(struct book *b, int (*each)(const struct book_retention *r, void *ctx),
                   void *ctx, struct err *err)
{
	struct due_ctx d = { each, ctx };
	struct scan_ctx x;
	int rc;

	memset(&x, 0, sizeof x);
	x.b = b;
	x.today = book_today(b);
	x.each = retention_due_each;
	x.ctx = &d;
	if ((rc = retention_profile(b, &x.prof, err)) != 0)
		return rc;
	return store_read(b->st, retention_due_txn, &x, err);
}

/* --- erasing ------------------------------------------------------------------ */

struct ids {
	uint64_t *v;
	size_t n, cap;
};

static int
ids_add(struct ids *s, uint64_t id)
{
	if (buf_grow(&s->v, &s->cap, s->n + 1, sizeof *s->v) != 0)
		return -1;
	s->v[s->n++] = id;
	return 0;
}

static int
ids_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool
ids_has(const struct ids *s, uint64_t id)
{
	return s->n > 0 && bsearch(&id, s->v, s->n, sizeof *s->v, ids_cmp) != NULL;
}

struct apply_ctx {
	struct book *b;
	struct scan_ctx scan;
	struct ids erase;        /* cases to erase now */
	struct ids kept;         /* people on a case that is kept (open, young, held) */
	struct ids gone;         /* people on a case erased now or before */
	struct book_retention *due; /* erased now or held, to report after the commit */
	size_t ndue, capdue;
	struct book_case *c;
	char today[DATE_STRLEN];
	size_t cases, people;
	bool oom;
};

static int
retention_apply_each(const struct ret_case *rc, void *vctx)
{
	struct apply_ctx *a = vctx;
	bool expired = rc->erased || (rc->due && !rc->held);
	size_t i;

	if (rc->due && !rc->held && !rc->erased && ids_add(&a->erase, rc->id) != 0)
		a->oom = true;
	if (rc->due && !rc->erased) {
		struct book_retention *r;

		if (buf_grow(&a->due, &a->capdue, a->ndue + 1, sizeof *a->due) != 0) {
			a->oom = true;
			return 0;
		}
		r = &a->due[a->ndue++];
		memset(r, 0, sizeof *r);
		memcpy(r->ref, rc->ref, sizeof r->ref);
		date_format(rc->closed_on, r->closed);
		date_format(rc->due_on, r->due);
		r->held = rc->held;
	}
	for (i = 0; i < rc->npeople; i++)
		if (ids_add(expired ? &a->gone : &a->kept, rc->people[i]) != 0)
			a->oom = true;
	return 0;
}

/* Drops the notes from a case's timeline. */
static int
retention_erase_notes(struct store_txn *t, uint64_t id, size_t *notes)
{
	uint8_t key[12];
	const uint8_t *p;
	const void *v;
	size_t n, pos, fn;
	uint16_t tag;
	unsigned seq;
	struct rec r;

	codec_be64(id, key);
	for (seq = 1;; seq++) {
		codec_be32(seq, key + 8);
		if (store_get(t, STORE_EVENTS, key, 12, &v, &n) != 0)
			return 0;
		if (!rec_find(v, n, ET_NOTE, &p, &fn))
			continue;
		rec_begin(&r, REC_EVENT, 1);
		for (pos = 0; rec_next(v, n, &pos, &tag, &p, &fn);)
			if (tag != ET_NOTE)
				rec_bytes(&r, tag, p, fn);
		if (book_rec_put(t, STORE_EVENTS, key, 12, &r, false) != 0 ||
		    search_note_drop(t, id, seq) != 0)
			return -1;
		(*notes)++;
	}
}

struct draft_scan {
	const char *ref;
	struct rec keys;         /* the drafts' keys, one field each */
};

static int
retention_draft_each(const void *k, size_t kl, void *vctx)
{
	struct draft_scan *d = vctx;
	size_t rl = strlen(d->ref);

	/* uid (4) | "REF/form" */
	if (kl >= 4 + rl && memcmp((const uint8_t *)k + 4, d->ref, rl) == 0 &&
	    (kl == 4 + rl || ((const uint8_t *)k)[4 + rl] == '/'))
		rec_bytes(&d->keys, 1, k, kl);
	return 0;
}

/* Drops every person's drafts of the case: they hold its narrative too. */
static int
retention_erase_drafts(struct store_txn *t, const char *ref)
{
	struct draft_scan d = { ref, { 0 } };
	const uint8_t *p;
	size_t pos = 0, fn;
	uint16_t tag;
	int rc = 0;

	rec_begin(&d.keys, 'K', 1);
	if (store_scan_keys(t, STORE_DRAFTS, NULL, 0, retention_draft_each, &d) < 0 ||
	    rec_done(&d.keys) != 0) {
		rec_free(&d.keys);
		return err_set(store_txn_err(t), "cannot read the drafts");
	}
	while (rec_next(d.keys.buf, d.keys.len, &pos, &tag, &p, &fn))
		if (store_del(t, STORE_DRAFTS, p, fn) < 0)
			rc = -1;
	rec_free(&d.keys);
	return rc;
}

/* Erases one case: its sealed text, its notes and drafts.  The record is
 * rewritten from its plain fields, so the key is not needed. */
static int
retention_erase_case(struct apply_ctx *a, struct store_txn *t, uint64_t id)
{
	struct book_case *c = a->c;
	const void *v;
	void *old;
	size_t n, i, views = 0, points = 0, recs = 0, notes = 0;
	bool summary;
	uint8_t key[8];
	const uint8_t *p;
	size_t pos = 0, fn;
	uint16_t tag;
	char fields[160];
	int rc;

	codec_be64(id, key);
	if (store_get(t, STORE_CASES, key, 8, &v, &n) != 0)
		return err_set(store_txn_err(t), "case %llu cannot be read", (unsigned long long)id);
	/* what there was, from the record itself: the audit names the fields */
	summary = rec_find(v, n, CT_SUMMARY, &p, &fn) != 0;
	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		views += tag == CT_PARTY && fn > case_rec_plain_len(tag);
		points += tag == CT_POINT && fn > case_rec_plain_len(tag);
		recs += tag == CT_REC && fn > case_rec_plain_len(tag);
	}
	if ((old = malloc(n)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	memcpy(old, v, n);
	if (case_read(a->b, t, id, c) != 0) {
		free(old);
		return -1;
	}
	vault_wipe(c->summary, sizeof c->summary);
	vault_wipe(c->hold_reason, sizeof c->hold_reason);
	for (i = 0; i < c->npoints; i++)
		vault_wipe(c->points[i].text, sizeof c->points[i].text);
	for (i = 0; i < c->nrecs; i++)
		vault_wipe(c->recs[i].text, sizeof c->recs[i].text);
	/* the parties stay, counted, but not who they were: a person kept for
	 * another case is no longer linked to this one */
	for (i = 0; i < c->nparties; i++) {
		vault_wipe(c->parties[i].views, sizeof c->parties[i].views);
		c->parties[i].person = 0;
	}
	c->held = false;
	snprintf(c->erased, sizeof c->erased, "%s", a->today);
	c->rev++;
	rc = case_write(a->b, t, c, old, n, a->b->key_id);
	free(old);
	if (rc != 0 || retention_erase_notes(t, id, &notes) != 0 ||
	    retention_erase_drafts(t, c->ref) != 0)
		return -1;
	snprintf(fields, sizeof fields, "erased:%s %zu points, %zu recommendations, %zu views, "
	         "%zu notes", summary ? " summary," : "", points, recs, views, notes);
	return book_audit_append(a->b, t, "case.erase", c->ref, fields);
}

static int
retention_apply_txn(struct store_txn *t, void *vctx)
{
	struct apply_ctx *a = vctx;
	char rec[32];
	size_t i;
	bool done;

	/* a full map runs this again from the start */
	a->erase.n = a->kept.n = a->gone.n = a->ndue = 0;
	a->cases = a->people = 0;
	a->oom = false;
	if (retention_scan(&a->scan, t) < 0)
		return -1;
	if (a->oom)
		return err_set(store_txn_err(t), "out of memory");
	if (a->erase.n == 0)
		return RETENTION_NOTHING;
	qsort(a->kept.v, a->kept.n, sizeof *a->kept.v, ids_cmp);
	qsort(a->gone.v, a->gone.n, sizeof *a->gone.v, ids_cmp);
	for (i = 0; i < a->erase.n; i++) {
		if (retention_erase_case(a, t, a->erase.v[i]) != 0)
			return -1;
		a->cases++;
	}
	/* the people of erased cases who are party to no case still kept */
	for (i = 0; i < a->gone.n; i++) {
		if ((i > 0 && a->gone.v[i] == a->gone.v[i - 1]) || ids_has(&a->kept, a->gone.v[i]))
			continue;
		if (book_person_erase_txn(a->b, t, a->gone.v[i], a->today, &done) != 0)
			return -1;
		if (!done)
			continue;
		snprintf(rec, sizeof rec, "person %llu", (unsigned long long)a->gone.v[i]);
		if (book_audit_append(a->b, t, "person.erase", rec, "name,dob") != 0)
			return -1;
		a->people++;
	}
	return 0;
}

int
book_retention_apply(struct book *b, int (*each)(const struct book_retention *r, void *ctx),
                     void *ctx, size_t *cases, size_t *people, struct err *err)
{
	struct apply_ctx a;
	size_t i;
	int rc;

	if (cases != NULL)
		*cases = 0;
	if (people != NULL)
		*people = 0;
	if ((rc = book_require(b, ROLE_ADMIN, false, err)) != 0)
		return rc;
	memset(&a, 0, sizeof a);
	a.b = b;
	a.scan.b = b;
	a.scan.today = book_today(b);
	a.scan.each = retention_apply_each;
	a.scan.ctx = &a;
	date_format(a.scan.today, a.today);
	if ((rc = retention_profile(b, &a.scan.prof, err)) != 0)
		return rc;
	rc = book_write_case(b, ROLE_ADMIN, false, retention_apply_txn, &a, &a.c, err);
	free(a.erase.v);
	free(a.kept.v);
	free(a.gone.v);
	if (rc != 0 && rc != RETENTION_NOTHING) {
		free(a.due);
		return rc;
	}
	if (cases != NULL)
		*cases = a.cases;
	if (people != NULL)
		*people = a.people;
	for (i = 0, rc = 0; each != NULL && i < a.ndue && rc == 0; i++)
		rc = each(&a.due[i], ctx);
	free(a.due);
	return rc < 0 ? -1 : 0;
}
