/* due.c - the deadlines index: range scans for the calendar and agenda,
 * and a case's own deadlines. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/clock.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/workday.h"
#include "redress/workflow.h"

/* --- the deadlines index --------------------------------------------------------- */

/* A case's details as a range scan last read them: a case has several
 * deadlines in a month, and its summary need be read once. */
#define DUE_CACHE_BITS 11
struct due_cached {
	uint64_t id;                 /* 0: empty */
	int kind, status, stage;
	uint64_t child;
	char owner[64], team[64];
};

struct range_ctx {
	int32_t to;
	unsigned flags;              /* BOOK_DUE_* */
	int (*each)(const struct book_due *, void *);
	void *ctx;
	struct book *b;
	struct store_txn *t;
	const struct calendar *cal;
	struct date today;
	struct due_cached *cache;    /* with BOOK_DUE_DETAILS; NULL without memory */
	int32_t last_day;            /* the day of the entry before (INT32_MIN none), */
	int last_days;               /* its working days from today, */
	char last_date[DATE_STRLEN]; /* and its date: entries come a day at a time */
};

/* The agenda's details of a case, in the order of the tags that carry
 * them in a summary and in a deadline's index entry. */
enum { DUE_OWNER, DUE_TEAM, DUE_KIND, DUE_STATUS, DUE_STAGE, DUE_CHILD, DUE_NFIELDS };
static const uint16_t due_summary_tags[DUE_NFIELDS] = {
	ST_OWNER, ST_TEAM, ST_KIND, ST_STATUS, ST_STAGE, ST_CHILD,
};
/* as case_due_put_details writes them */
static const uint16_t due_inline_tags[DUE_NFIELDS] = { 5, 6, 7, 8, 9, 10 };

/* Reads the details from a record's fields in one pass (the first of each
 * tag, as rec_find would); returns the set of tags seen (below 32). */
static uint32_t
case_due_details_read(const void *v, size_t vl, size_t pos, const uint16_t tags[DUE_NFIELDS],
                      struct book_due *d)
{
	const uint8_t *p;
	size_t n;
	uint16_t tag;
	uint32_t seen = 0;
	int f;

	while (rec_next(v, vl, &pos, &tag, &p, &n)) {
		if (tag >= 32 || (seen & (1u << tag)))
			continue;
		seen |= 1u << tag;
		if (tags == due_inline_tags) /* 5 to 10, in order */
			f = tag >= 5 && tag < 5 + DUE_NFIELDS ? tag - 5 : DUE_NFIELDS;
		else
			for (f = 0; f < DUE_NFIELDS && tags[f] != tag; f++)
				;
		switch (f) {
		case DUE_OWNER: case_field_str(d->owner, sizeof d->owner, p, n); break;
		case DUE_TEAM: case_field_str(d->team, sizeof d->team, p, n); break;
		case DUE_KIND: d->kind = (int)codec_get_uint(p, n); break;
		case DUE_STATUS: d->status = (int)codec_get_uint(p, n); break;
		case DUE_STAGE: d->stage = (int)codec_get_uint(p, n); break;
		case DUE_CHILD: d->child_person = codec_get_uint(p, n); break;
		default: break;
		}
	}
	return seen;
}

/* The summary's owner, team, kind, status, stage and child: a month of
 * the calendar reads thousands. */
static void
case_summary_due(const void *sv, size_t sn, struct book_due *d)
{
	d->owner[0] = d->team[0] = '\0';
	d->kind = d->status = d->stage = 0;
	d->child_person = 0;
	(void)case_due_details_read(sv, sn, 0, due_summary_tags, d);
}

/* The details kept in a deadline's index entry (case_due_put_details),
 * read from pos (where case_due_fields stopped: they come after its
 * fields); false for an entry written before they were. */
static bool
case_due_inline(const void *v, size_t vl, size_t pos, struct book_due *d)
{
	uint32_t seen = case_due_details_read(v, vl, pos, due_inline_tags, d);

	return (seen & (1u << due_inline_tags[DUE_KIND])) != 0;
}

/* An agenda line's case details from the case's summary (not its record
 * and timeline): owner, team, stage, the child. */
static void
case_due_details(struct range_ctx *x, struct book_due *d, const void *v, size_t vl, size_t pos)
{
	struct due_cached *c = NULL;
	const void *sv;
	size_t sn;
	uint8_t key[8];

	if (case_due_inline(v, vl, pos, d))
		goto child;
	/* made at the first entry without its details (a book written before
	 * the index carried them), not at every scan: zeroing it was a twelfth
	 * of the pages a month's agenda touched */
	if (x->cache == NULL)
		x->cache = calloc((size_t)1 << DUE_CACHE_BITS, sizeof *x->cache);
	if (x->cache != NULL) {
		c = &x->cache[(d->case_id * 0x9E3779B97F4A7C15ULL) >> (64 - DUE_CACHE_BITS)];
		if (c->id != d->case_id)
			c->id = 0;
	}
	if (c == NULL || c->id == 0) {
		codec_be64(d->case_id, key);
		if (store_get(x->t, STORE_SUMMARY, key, 8, &sv, &sn) != 0)
			return;
		case_summary_due(sv, sn, d);
		if (c != NULL) {
			c->id = d->case_id;
			c->kind = d->kind;
			c->status = d->status;
			c->stage = d->stage;
			c->child = d->child_person;
			memcpy(c->owner, d->owner, sizeof c->owner);
			memcpy(c->team, d->team, sizeof c->team);
		}
	} else {
		memcpy(d->owner, c->owner, sizeof d->owner);
		memcpy(d->team, c->team, sizeof d->team);
		d->kind = c->kind;
		d->status = c->status;
		d->stage = c->stage;
		d->child_person = c->child;
	}
child:
	if (d->child_person == 0)
		return;
	if (x->flags & BOOK_DUE_NAMES)
		book_person_label(x->b, x->t, d->child_person, "Child C", d->child, sizeof d->child);
	else
		book_pseudonym("Child C", d->child_person, d->child, sizeof d->child);
}

/* An index entry's key, reference, whether met and whose clock, in one
 * pass over its fields (the first of each tag, as rec_find would): a
 * month of the calendar reads thousands. */
static size_t
case_due_fields(const void *v, size_t vl, struct book_due *d)
{
	const uint8_t *p;
	size_t pos = 0, n;
	uint16_t tag;
	unsigned seen = 0;

	d->council = true;
	while (seen != 0x1e && rec_next(v, vl, &pos, &tag, &p, &n)) {
		if (tag < 1 || tag > 4 || (seen & (1u << tag)))
			continue;
		seen |= 1u << tag;
		switch (tag) {
		case 1: case_field_str(d->key, sizeof d->key, p, n); break;
		case 2: case_field_str(d->ref, sizeof d->ref, p, n); break;
		case 3: d->done = codec_get_uint(p, n) != 0; break;
		default: d->council = (n >= 1 && n <= 8 ? codec_get_uint(p, n) : PARTY_COUNCIL) == PARTY_COUNCIL;
		}
	}
	return seen == 0x1e ? pos : 0;
}

_Static_assert(offsetof(struct book_due, owner) > offsetof(struct book_due, child_person),
               "book_due: the texts after the numbers (case_range_each zeroes these alone)");

static int
case_range_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct range_ctx *x = vctx;
	const uint8_t *key = k;
	struct book_due d;
	struct date day;
	size_t pos;
	int rc;

	if (kl != 15)
		return 0;
	day.day = (int32_t)((int64_t)codec_get_be32(key) - 0x80000000LL);
	if (day.day > x->to)
		return 1;
	if ((key[4] == 1 && !(x->flags & BOOK_DUE_TARGETS)) ||
	    (key[4] == 0 && (x->flags & BOOK_DUE_NO_DEADLINES)))
		return 0;
	/* the numbers zeroed and the texts emptied, not the whole struct (its
	 * name buffer most of it): a month's scan zeroed megabytes */
	memset(&d, 0, offsetof(struct book_due, owner));
	d.owner[0] = d.team[0] = d.child[0] = '\0';
	if (day.day != x->last_day) {
		x->last_day = day.day;
		x->last_days = workday_between(x->cal, x->today, day);
		date_format(day, x->last_date);
	}
	memcpy(d.date, x->last_date, sizeof x->last_date);
	d.day = day.day;
	d.target = key[4] == 1;
	d.case_id = codec_get_be64(key + 5);
	pos = case_due_fields(v, vl, &d);
	if (d.done && (x->flags & BOOK_DUE_NOT_MET))
		return 0;
	if (key[4] > 1 && (x->flags & BOOK_DUE_NO_DEADLINES))
		return 0;
	if (key[4] > 1 && !case_due_item(x->t, key[4], v, vl, &d))
		return 0; /* a review since moved or cleared */
	d.days = x->last_days;
	if (x->flags & BOOK_DUE_DETAILS)
		case_due_details(x, &d, v, vl, pos);
	rc = x->each(&d, x->ctx);
	if (d.child[0] != '\0') /* a name, or a pseudonym: nothing else is written there */
		vault_wipe(d.child, sizeof d.child);
	return rc;
}

struct range_txn {
	struct range_ctx *x;
	uint8_t from[4];
};

static int
case_range_txn(struct store_txn *t, void *vctx)
{
	struct range_txn *r = vctx;

	r->x->t = t;
	/* a read that is run again runs on another snapshot: forget the last */
	if (r->x->cache != NULL)
		memset(r->x->cache, 0, sizeof *r->x->cache << DUE_CACHE_BITS);

	return store_scan(t, STORE_DEADLINES, r->from, 4, case_range_each, r->x) < 0 ? -1 : 0;
}

int
book_due_scan(struct book *b, const char *from, const char *to, unsigned flags,
              int (*each)(const struct book_due *, void *), void *ctx, struct err *err)
{
	const struct profile *prof;
	struct range_ctx x;
	struct range_txn r;
	struct date f, tt;
	int rc;

	if (date_parse(from, &f, err) != 0 || date_parse(to, &tt, err) != 0)
		return BOOK_EUSAGE;
	if (book_profile(b, &prof, &x.cal, err) != 0)
		return -1;
	x.flags = flags;
	x.each = each;
	x.ctx = ctx;
	x.b = b;
	x.t = NULL;
	x.today = book_today(b);
	x.to = tt.day;
	x.last_day = INT32_MIN;
	/* plain fields only (no names): a cache is no more than a speed-up,
	 * made when first wanted */
	x.cache = NULL;
	r.x = &x;
	codec_be32((uint32_t)((int64_t)f.day + 0x80000000LL), r.from);
	/* a cursor range scan from the first day: the cost follows the range */
	rc = store_read(b->st, case_range_txn, &r, err);
	free(x.cache);
	return rc;
}

int
book_deadlines_range(struct book *b, const char *from, const char *to, bool targets,
                     int (*each)(const struct book_due *, void *), void *ctx, struct err *err)
{
	return book_due_scan(b, from, to, targets ? BOOK_DUE_TARGETS : 0, each, ctx, err);
}

int
book_case_deadlines(struct book *b, const struct book_case *c, struct deadline *out, size_t max,
                    size_t *n, struct err *err)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct wf_event *wf;
	struct clock_event *ce;
	size_t nwf;
	int rc = -1;

	if (book_case_profile(b, NULL, c, &prof, &cal, err) != 0)
		return -1;
	wf = calloc(c->nevents + 1, sizeof *wf);
	ce = calloc(2 * (c->nevents + 1), sizeof *ce);
	if (wf != NULL && ce != NULL) {
		nwf = book_case_workflow(c, wf, c->nevents);
		nwf = workflow_clock_events(wf, nwf, ce, 2 * (c->nevents + 1));
		rc = clock_compute(prof, cal, (enum route)c->kind, ce, nwf, book_today(b), out, max, n,
		                   err);
	} else
		err_set(err, "out of memory");
	free(wf);
	free(ce);
	return rc;
}

int
book_agenda(struct book *b, const char *from, const char *to, bool targets,
            int (*each)(const struct book_due *, void *), void *ctx, struct err *err)
{
	return book_due_scan(b, from, to,
	                     BOOK_DUE_DETAILS | BOOK_DUE_NAMES | (targets ? BOOK_DUE_TARGETS : 0),
	                     each, ctx, err);
}
