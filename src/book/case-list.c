/* case-list.c - the list of cases, read from their summaries, and the
 * summaries themselves (written with each case, rebuilt for older books). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/buf.h"
#include "redress/clock.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/workday.h"

/* --- the list ----------------------------------------------------------------- */

/* The summary of a case and whether it is open, from its deadlines: the
 * list reads these, not the case and its timeline. */
int
case_summary_put(struct store_txn *t, const struct book_case *c, const struct deadline *dl,
                 size_t n)
{
	size_t i, best = n;
	uint8_t key[8];
	struct rec r;
	int rc;

	for (i = 0; i < n; i++)
		if (clock_open(&dl[i]) && dl[i].rule->party == PARTY_COUNCIL &&
		    (best == n || dl[i].due.day < dl[best].due.day))
			best = i;
	rec_begin(&r, REC_SUM, 1);
	rec_str(&r, ST_REF, c->ref);
	rec_str(&r, ST_RECEIVED, c->received);
	rec_u64(&r, ST_KIND, (uint64_t)c->kind);
	rec_u64(&r, ST_STATUS, (uint64_t)c->status);
	rec_u64(&r, ST_STAGE, (uint64_t)c->stage);
	if (c->team[0]) rec_str(&r, ST_TEAM, c->team);
	if (c->staff.owner[0]) rec_str(&r, ST_OWNER, c->staff.owner);
	for (i = 0; i < c->nparties; i++)
		if (c->parties[i].kind == 0) {
			rec_u64(&r, ST_CHILD, c->parties[i].person);
			break;
		}
	if (c->erased[0] != '\0')
		rec_u64(&r, ST_ERASED, 1);
	if (best < n && c->status == CASE_OPEN) {
		rec_str(&r, ST_NEXT_KEY, dl[best].rule->key);
		rec_u64(&r, ST_NEXT_DUE, (uint64_t)((int64_t)dl[best].due.day + 0x80000000LL));
	}
	if (rec_done(&r) != 0) {
		rec_free(&r);
		return err_set(store_txn_err(t), "out of memory");
	}
	codec_be64(c->id, key);
	rc = store_put(t, STORE_SUMMARY, key, 8, r.buf, r.len, false);
	/* the open set holds a copy of the summary: the list of open cases
	 * reads it alone, with no lookup per case (an empty value, as books
	 * written before have, sends the list to the summary) */
	if (rc == 0)
		rc = c->status == CASE_OPEN ? store_put(t, STORE_OPEN, key, 8, r.buf, r.len, false)
		                            : store_del(t, STORE_OPEN, key, 8) < 0;
	rec_free(&r);
	return rc != 0 ? -1 : 0;
}

struct list_ctx {
	struct book *b;
	struct store_txn *t;
	const struct book_case_filter *f;
	int (*each)(const struct book_case_line *, void *);
	void *ctx;
	struct date today;
	const struct profile *prof;
	const struct calendar *cal;
};

/* The line of one case, from its summary. */
static void
case_line(struct list_ctx *x, uint64_t id, const void *v, size_t vl, struct book_case_line *l)
{
	uint64_t person = 0, due = 0, u;
	const uint8_t *p;
	size_t pos = 0, n;
	uint16_t tag;
	uint32_t seen = 0;
	struct date d;

	memset(l, 0, sizeof *l);
	l->id = id;
	/* one pass over the fields, the first of each tag as rec_find takes
	 * it: the client's list reads every open case's */
	while (rec_next(v, vl, &pos, &tag, &p, &n)) {
		if (tag >= 32 || (seen & (1u << tag)))
			continue;
		seen |= 1u << tag;
		u = n == 8 ? codec_get_be64(p) : 0;
		switch (tag) {
		case ST_REF: codec_str(l->ref, sizeof l->ref, p, n); break;
		case ST_RECEIVED: codec_str(l->received, sizeof l->received, p, n); break;
		case ST_TEAM: codec_str(l->team, sizeof l->team, p, n); break;
		case ST_OWNER: codec_str(l->owner, sizeof l->owner, p, n); break;
		case ST_NEXT_KEY: codec_str(l->next_key, sizeof l->next_key, p, n); break;
		case ST_KIND: l->kind = (int)u; break;
		case ST_STATUS: l->status = (int)u; break;
		case ST_STAGE: l->stage = (int)u; break;
		case ST_NEXT_DUE: due = u; break;
		case ST_ERASED: l->erased = u != 0; break;
		case ST_CHILD: person = u; break;
		default: break;
		}
	}
	if (due != 0) {
		d.day = (int32_t)((int64_t)due - 0x80000000LL);
		date_format(d, l->next_due);
		l->next_days = workday_between(x->cal, x->today, d);
		l->overdue = d.day < x->today.day;
	} else
		l->next_key[0] = '\0';
	if (l->erased)
		snprintf(l->child, sizeof l->child, "(erased)");
	else if (person != 0) {
		l->child_person = person;
		if (x->f->no_names)
			book_pseudonym("Child C", person, l->child, sizeof l->child);
		else
			book_person_label(x->b, x->t, person, "Child C", l->child, sizeof l->child);
	}
}

static int
case_list_one(struct list_ctx *x, uint64_t id, const void *v, size_t vl)
{
	const struct book_case_filter *f = x->f;
	struct book_case_line l;
	uint64_t due;
	char s[64];
	int rc;

	/* cheap filters first, on the plain fields */
	if (f->open && rec_find_u64(v, vl, ST_STATUS, 0) != CASE_OPEN)
		return 0;
	if (f->overdue && ((due = rec_find_u64(v, vl, ST_NEXT_DUE, 0)) == 0 ||
	                   (int64_t)due - 0x80000000LL >= x->today.day))
		return 0;
	if (f->stage >= 0 && (int)rec_find_u64(v, vl, ST_STAGE, 0) != f->stage)
		return 0;
	if (f->kind >= 0 && (int)rec_find_u64(v, vl, ST_KIND, 0) != f->kind)
		return 0;
	if (f->team != NULL && (!rec_find_str(v, vl, ST_TEAM, s, sizeof s) || strcmp(s, f->team) != 0))
		return 0;
	if (f->owner != NULL && (!rec_find_str(v, vl, ST_OWNER, s, sizeof s) || strcmp(s, f->owner) != 0))
		return 0;
	if (f->from != NULL || f->to != NULL) {
		rec_find_str(v, vl, ST_RECEIVED, s, sizeof s);
		if ((f->from != NULL && strcmp(s, f->from) < 0) || (f->to != NULL && strcmp(s, f->to) > 0))
			return 0;
	}
	case_line(x, id, v, vl, &l);
	rc = x->each(&l, x->ctx);
	vault_wipe(l.child, sizeof l.child);
	return rc;
}

static int
case_list_summary_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	if (kl != 8)
		return 0;
	return case_list_one(vctx, codec_get_be64(k), v, vl);
}

/* Open (and overdue) cases: walk the open set, not every case. */
static int
case_list_open_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct list_ctx *x = vctx;
	const void *sv;
	size_t sn;

	if (kl != 8)
		return 0;
	if (vl > 0) /* the summary's copy */
		return case_list_one(x, codec_get_be64(k), v, vl);
	if (store_get(x->t, STORE_SUMMARY, k, 8, &sv, &sn) != 0)
		return 0;
	return case_list_one(x, codec_get_be64(k), sv, sn);
}

static int
case_list_txn(struct store_txn *t, void *vctx)
{
	struct list_ctx *x = vctx;
	int rc;

	x->t = t;
	if (x->f->by_ids) {
		uint8_t key[8];
		const void *v;
		size_t i, n;

		for (i = 0, rc = 0; i < x->f->nids && rc == 0; i++) {
			codec_be64(x->f->ids[i], key);
			if (store_get(t, STORE_SUMMARY, key, 8, &v, &n) == 0)
				rc = case_list_one(x, x->f->ids[i], v, n);
		}
	} else if (x->f->open || x->f->overdue)
		rc = store_scan(t, STORE_OPEN, NULL, 0, case_list_open_each, x);
	else
		rc = store_scan(t, STORE_SUMMARY, NULL, 0, case_list_summary_each, x);
	return rc < 0 ? -1 : 0;
}

int
book_case_list(struct book *b, const struct book_case_filter *f,
               int (*each)(const struct book_case_line *, void *), void *ctx, struct err *err)
{
	struct list_ctx x;

	memset(&x, 0, sizeof x);
	x.b = b;
	x.f = f;
	x.each = each;
	x.ctx = ctx;
	x.today = book_today(b);
	if (book_profile(b, &x.prof, &x.cal, err) != 0)
		return -1;
	return store_read(b->st, case_list_txn, &x, err);
}

/* --- the teams ----------------------------------------------------------------- */

struct teams_ctx {
	struct store_txn *t;
	struct book_team *v;
	size_t n, cap;
	bool all;                    /* every summary walked: count the open ones */
};

/* The team called name, added in its place when it is not there yet; NULL
 * when out of memory. */
static struct book_team *
case_team(struct store_txn *t, struct teams_ctx *x, const char *name)
{
	size_t lo = 0, hi = x->n, mid;
	int d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((d = strcmp(x->v[mid].name, name)) == 0)
			return &x->v[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (buf_grow(&x->v, &x->cap, x->n + 1, sizeof *x->v) != 0) {
		err_set(store_txn_err(t), "out of memory");
		return NULL;
	}
	memmove(x->v + lo + 1, x->v + lo, (x->n - lo) * sizeof *x->v);
	x->n++;
	memset(&x->v[lo], 0, sizeof x->v[lo]);
	snprintf(x->v[lo].name, sizeof x->v[lo].name, "%s", name);
	return &x->v[lo];
}

static int
case_team_named(struct store_txn *t, const char *team, void *vctx)
{
	char name[sizeof ((struct book_team *)0)->name];

	/* as a case's summary has it */
	snprintf(name, sizeof name, "%s", team);
	return case_team(t, vctx, name) == NULL ? -1 : 0;
}

/* The team of a summary (v, or when empty the summary of case k) counted
 * if the case is open. */
static int
case_teams_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct teams_ctx *x = vctx;
	struct book_team *tm;
	char s[sizeof tm->name];

	if (kl != 8 || (vl == 0 && store_get(x->t, STORE_SUMMARY, k, 8, &v, &vl) != 0))
		return 0;
	if (!rec_find_str(v, vl, ST_TEAM, s, sizeof s) || s[0] == '\0')
		return 0;
	if ((tm = case_team(x->t, x, s)) == NULL)
		return -1;
	if (!x->all || rec_find_u64(v, vl, ST_STATUS, 0) == CASE_OPEN)
		tm->open++;
	return 0;
}

static int
case_teams_txn(struct store_txn *t, void *vctx)
{
	struct teams_ctx *x = vctx;
	int rc;

	x->t = t;
	x->n = 0;
	/* the teams of closed cases too, each once, from the index; then the
	 * open cases' own, as their summaries have them, counted */
	if ((rc = search_teams_txn(t, case_team_named, x)) == STORE_NOTFOUND) {
		x->all = true;
		rc = store_scan(t, STORE_SUMMARY, NULL, 0, case_teams_each, x);
	} else if (rc == 0) {
		x->all = false;
		rc = store_scan(t, STORE_OPEN, NULL, 0, case_teams_each, x);
	}
	return rc < 0 ? -1 : 0;
}

int
book_case_teams(struct book *b, struct book_team **teams, size_t *n, struct err *err)
{
	struct teams_ctx x = { NULL, NULL, 0, 0, false };

	*teams = NULL;
	*n = 0;
	if (store_read(b->st, case_teams_txn, &x, err) != 0) {
		free(x.v);
		return -1;
	}
	*teams = x.v;
	*n = x.n;
	return 0;
}

/* Each case of the book read in turn (one case's room for all) and given
 * to fn, in a migration's write transaction. */
static int
book_cases_migrate(struct book *b, struct store_txn *t,
                   int (*fn)(struct book *, struct store_txn *, struct book_case *))
{
	struct book_ids r = { NULL, 0, 0 };
	struct book_case *c = NULL;
	size_t i;
	int rc = -1;

	if (store_scan(t, STORE_CASES, NULL, 0, book_collect_ids, &r) < 0 ||
	    (c = book_case_new()) == NULL) {
		err_set(store_txn_err(t), "out of memory");
		goto out;
	}
	for (i = 0; i < r.n; i++)
		if (case_read(b, t, r.ids[i], c) != 0 || fn(b, t, c) != 0)
			goto out;
	rc = 0;
out:
	free(r.ids);
	book_case_free(c);
	return rc;
}

static int
case_summarize(struct book *b, struct store_txn *t, struct book_case *c)
{
	struct deadline dl[PROFILE_RULES_MAX];
	size_t n;

	return case_recompute(b, t, b->profile, b->cal, c, dl, &n) != 0 ||
	       case_summary_put(t, c, dl, n) != 0 ? -1 : 0;
}

/* Schema 2: summaries for the cases of an older book. */
int
book_cases_summarize(struct book *b, struct store_txn *t)
{
	if (b->profile == NULL)
		return err_set(store_txn_err(t), "migration needs the book's profile loaded");
	return book_cases_migrate(b, t, case_summarize);
}

static int
case_index_items(struct book *b, struct store_txn *t, struct book_case *c)
{
	return c->nrecs > 0 ? case_put_items(b, t, c, NULL) : 0;
}

/* Schema 3: the dated items (an Ombudsman recommendation's due date) of
 * cases written before the index carried them; the case's next change
 * writes them afresh with the rest. */
int
book_cases_index_items(struct book *b, struct store_txn *t)
{
	return book_cases_migrate(b, t, case_index_items);
}
