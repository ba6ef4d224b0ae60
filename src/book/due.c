/* due.c - the deadlines index: range scans for the calendar and agenda,
 * and a case's own deadlines. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/buf.h"
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
	struct store_seek seek;      /* where to go on from, past what is not wanted */
	const struct profile *prof;  /* the profile version last read (due_rule_key) */
	unsigned profver, calver;
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
		case DUE_OWNER: codec_str(d->owner, sizeof d->owner, p, n); break;
		case DUE_TEAM: codec_str(d->team, sizeof d->team, p, n); break;
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

static void case_due_child(struct range_ctx *x, struct book_due *d);

/* An agenda line's case details from the case's summary (not its record
 * and timeline): owner, team, stage, the child. */
static void
case_due_details(struct range_ctx *x, struct book_due *d, const void *v, size_t vl, size_t pos)
{
	struct due_cached *c = NULL;
	const void *sv;
	size_t sn;
	uint8_t key[8];

	if (case_due_inline(v, vl, pos, d)) {
		case_due_child(x, d);
		return;
	}
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
	case_due_child(x, d);
}

/* The child of an agenda line: a key holder's name with BOOK_DUE_NAMES,
 * else the pseudonym. */
static void
case_due_child(struct range_ctx *x, struct book_due *d)
{
	if (d->child_person == 0)
		return;
	if (x->flags & BOOK_DUE_NAMES)
		book_person_label(x->b, x->t, d->child_person, "Child C", d->child, sizeof d->child);
	else
		book_pseudonym("Child C", d->child_person, d->child, sizeof d->child);
}

/* --- an entry's compact form ---------------------------------------------------------
 * A rule's deadline or target as case_write_fields indexes it: the byte
 * DUE_COMPACT, a byte of flags (DUE_MET), the party whose clock it is, the
 * case's kind, status and stage, then the version of the profile the case
 * is counted under and the child's person number (each 7 bits a byte, the
 * last byte's top bit clear), then the reference, the owner and the team,
 * each after a byte of its length.  The rule is the one the key's last two
 * bytes number in that version of the profile, so its key (and label) is
 * read there, not stored.  Under half the bytes of the tagged record (which
 * the entries written before it still are until their case is next written,
 * and dated.c's items), so a month of the calendar is read from little more
 * than half the pages: in a process that has just started each page read is
 * a page fault. */
#define DUE_COMPACT 'd'
#define DUE_MET 1u

static size_t
due_put_text(uint8_t *out, size_t pos, const char *s, size_t max)
{
	size_t n = strnlen(s, max);

	if (n > 255)
		n = 255;
	out[pos++] = (uint8_t)n;
	memcpy(out + pos, s, n);
	return pos + n;
}

static size_t
due_put_varint(uint8_t *out, size_t pos, uint64_t v)
{
	do {
		out[pos++] = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v != 0);
	return pos;
}

static bool
due_get_varint(const uint8_t *v, size_t vl, size_t *pos, uint64_t *out)
{
	unsigned shift = 0;

	*out = 0;
	for (;;) {
		if (*pos >= vl || shift > 63)
			return false;
		*out |= (uint64_t)(v[*pos] & 0x7f) << shift;
		shift += 7;
		if (!(v[(*pos)++] & 0x80))
			return true;
	}
}

size_t
book_due_value(uint8_t out[DUE_VALUE_MAX], unsigned profver, const char *ref, bool met,
               int party, const struct book_case *c)
{
	uint64_t child = 0;
	size_t pos = 0, i;

	for (i = 0; i < c->nparties; i++)
		if (c->parties[i].kind == 0) {
			child = c->parties[i].person;
			break;
		}
	if (party < 0 || party > 255 || c->kind < 0 || c->kind > 255 || c->status < 0 ||
	    c->status > 255 || c->stage < 0 || c->stage > 255)
		return 0;
	out[pos++] = DUE_COMPACT;
	out[pos++] = met ? DUE_MET : 0;
	out[pos++] = (uint8_t)party;
	out[pos++] = (uint8_t)c->kind;
	out[pos++] = (uint8_t)c->status;
	out[pos++] = (uint8_t)c->stage;
	pos = due_put_varint(out, pos, profver);
	pos = due_put_varint(out, pos, child);
	/* each text bounded by its field in struct book_due: 6 + 5 + 10 + 24 +
	 * 64 + 64 bytes at the most */
	pos = due_put_text(out, pos, ref, sizeof ((struct book_due *)0)->ref - 1);
	pos = due_put_text(out, pos, c->staff.owner, sizeof ((struct book_due *)0)->owner - 1);
	pos = due_put_text(out, pos, c->team, sizeof ((struct book_due *)0)->team - 1);
	return pos;
}

_Static_assert(6 + 5 + 10 + BOOK_REF_MAX + 64 + 64 <= DUE_VALUE_MAX,
               "DUE_VALUE_MAX holds the longest compact entry");

static bool
due_get_text(const uint8_t *v, size_t vl, size_t *pos, char *out, size_t outlen)
{
	size_t n;

	if (*pos >= vl || (n = v[*pos]) > vl - *pos - 1)
		return false;
	if (out != NULL)
		codec_str(out, outlen, v + *pos + 1, n);
	*pos += 1 + n;
	return true;
}

/* A compact entry into d: the reference, whether met and whose clock, the
 * profile version it was counted under (*profver), and with details the
 * case's owner, team, kind, status, stage and child.  False when it does
 * not read whole. */
static bool
due_compact_read(const uint8_t *v, size_t vl, struct book_due *d, unsigned *profver,
                 bool details)
{
	size_t pos = 6;
	uint64_t pv, child;

	if (vl < 8)
		return false;
	d->done = (v[1] & DUE_MET) != 0;
	d->council = v[2] == PARTY_COUNCIL;
	if (!due_get_varint(v, vl, &pos, &pv) || pv == 0 || pv > UINT32_MAX ||
	    !due_get_varint(v, vl, &pos, &child) || !due_get_text(v, vl, &pos, d->ref, sizeof d->ref))
		return false;
	*profver = (unsigned)pv;
	if (!details)
		return true;
	d->kind = v[3];
	d->status = v[4];
	d->stage = v[5];
	d->child_person = child;
	return due_get_text(v, vl, &pos, d->owner, sizeof d->owner) &&
	       due_get_text(v, vl, &pos, d->team, sizeof d->team);
}

/* The key of rule which (the index key's last two bytes) in version pv of
 * the book's profile into d->key; the version last asked is kept in x. */
static bool
due_rule_key(struct range_ctx *x, unsigned pv, const uint8_t *key, struct book_due *d)
{
	const struct calendar *cal;
	size_t which = (size_t)key[13] << 8 | key[14];

	if (x->prof == NULL || x->profver != pv) {
		if (book_versions_get(x->b, x->t, pv, x->calver, &x->prof, &cal) != 0) {
			x->prof = NULL;
			return false;
		}
		x->profver = pv;
	}
	if (which >= x->prof->nrules)
		return err_set(store_txn_err(x->t), "the deadlines index names rule %zu of profile "
		               "version %u, which has %zu", which, pv, x->prof->nrules), false;
	memcpy(d->key, x->prof->rules[which].key, sizeof d->key);
	return true;
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
		case 1: codec_str(d->key, sizeof d->key, p, n); break;
		case 2: codec_str(d->ref, sizeof d->ref, p, n); break;
		case 3: d->done = codec_get_uint(p, n) != 0; break;
		default: d->council = (n >= 1 && n <= 8 ? codec_get_uint(p, n) : PARTY_COUNCIL) == PARTY_COUNCIL;
		}
	}
	return seen == 0x1e ? pos : 0;
}

_Static_assert(offsetof(struct book_due, owner) > offsetof(struct book_due, child_person),
               "book_due: the texts after the numbers (case_range_each zeroes these alone)");

/* Gives d to the scan's caller, then wipes the child's name from it. */
static int
case_due_emit(struct range_ctx *x, struct book_due *d)
{
	int rc = x->each(d, x->ctx);

	if (d->child[0] != '\0') /* a name, or a pseudonym: nothing else is written there */
		vault_wipe(d->child, sizeof d->child);
	return rc;
}

/* Goes on from day (4 bytes), or from kind on day (5 bytes): always a key
 * after the one read, so a scan ends. */
static int
due_seek(struct range_ctx *x, int32_t day, unsigned kind, size_t len)
{
	codec_be32((uint32_t)((int64_t)day + 0x80000000LL), x->seek.key);
	x->seek.key[4] = (uint8_t)kind;
	x->seek.len = len;
	return STORE_SEEK;
}

static int
case_range_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct range_ctx *x = vctx;
	const uint8_t *key = k;
	unsigned kind;
	struct book_due d;
	struct date day;
	size_t pos;

	if (kl != 15)
		return 0;
	day.day = (int32_t)((int64_t)codec_get_be32(key) - 0x80000000LL);
	if (day.day > x->to)
		return 1;
	kind = key[4] & ~DUE_KEY_MET;
	/* what is not wanted is passed over, not read: a day's entries sort by
	 * kind, all that is still to do before all that is done */
	if ((key[4] & DUE_KEY_MET) && (x->flags & BOOK_DUE_NOT_MET))
		return due_seek(x, day.day + 1, 0, 4);
	if (kind == DUE_KIND_DEADLINE && (x->flags & BOOK_DUE_NO_DEADLINES))
		return due_seek(x, day.day, key[4] | DUE_KIND_TARGET, 5);
	if (kind == DUE_KIND_TARGET && !(x->flags & BOOK_DUE_TARGETS))
		return due_seek(x, day.day, (key[4] & DUE_KEY_MET) | 2, 5);
	if (kind > DUE_KIND_TARGET && (x->flags & BOOK_DUE_NO_DEADLINES))
		return (key[4] & DUE_KEY_MET) ? due_seek(x, day.day + 1, 0, 4) :
		       due_seek(x, day.day, DUE_KEY_MET, 5);
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
	d.target = kind == DUE_KIND_TARGET;
	d.case_id = codec_get_be64(key + 5);
	if (vl > 0 && *(const uint8_t *)v == DUE_COMPACT) {
		unsigned pv;

		if (kind > DUE_KIND_TARGET ||
		    !due_compact_read(v, vl, &d, &pv, (x->flags & BOOK_DUE_DETAILS) != 0))
			return 0;
		if (d.done && (x->flags & BOOK_DUE_NOT_MET))
			return 0;
		if (!due_rule_key(x, pv, key, &d))
			return -1;
		d.days = x->last_days;
		if (x->flags & BOOK_DUE_DETAILS)
			case_due_child(x, &d);
		return case_due_emit(x, &d);
	}
	pos = case_due_fields(v, vl, &d);
	if (d.done && (x->flags & BOOK_DUE_NOT_MET))
		return 0;
	if (kind > DUE_KIND_TARGET && !case_due_item(x->t, (uint8_t)kind, v, vl, &d))
		return 0; /* a review since moved or cleared */
	d.days = x->last_days;
	if (x->flags & BOOK_DUE_DETAILS)
		case_due_details(x, &d, v, vl, pos);
	return case_due_emit(x, &d);
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
	r->x->prof = NULL;
	/* a read that is run again runs on another snapshot: forget the last */
	if (r->x->cache != NULL)
		memset(r->x->cache, 0, sizeof *r->x->cache << DUE_CACHE_BITS);

	return store_scan_seek(t, STORE_DEADLINES, r->from, 4, case_range_each, r->x,
	                       &r->x->seek) < 0 ? -1 : 0;
}

/* What a read of [from, to] starts from: the two days, the book's calendar
 * and today.  BOOK_EUSAGE for a date that does not parse. */
static int
due_range(struct book *b, const char *from, const char *to, struct date *f, struct date *tt,
          const struct calendar **cal, struct date *today, struct err *err)
{
	const struct profile *prof;

	if (date_parse(from, f, err) != 0 || date_parse(to, tt, err) != 0)
		return BOOK_EUSAGE;
	if (book_profile(b, &prof, cal, err) != 0)
		return -1;
	*today = book_today(b);
	return 0;
}

int
book_due_scan(struct book *b, const char *from, const char *to, unsigned flags,
              int (*each)(const struct book_due *, void *), void *ctx, struct err *err)
{
	/* no profile read yet, no entry before; the cache of plain fields (no
	 * names) is no more than a speed-up, made when first wanted */
	struct range_ctx x = { .flags = flags, .each = each, .ctx = ctx, .b = b,
	                       .last_day = INT32_MIN };
	struct range_txn r;
	struct date f, tt;
	int rc;

	if ((rc = due_range(b, from, to, &f, &tt, &x.cal, &x.today, err)) != 0)
		return rc;
	x.to = tt.day;
	x.calver = b->cv; /* the calendar due_range read */
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

/* --- the days: how many entries fall on each day ------------------------------------ */

/* STORE_DAYS: a day (4 bytes, as the index's keys begin) -> a big-endian
 * count per class and state (struct book_due_day's n), absent when all are
 * nought. */
#define DUE_DAY_VALUE (BOOK_DUE_NCLASS * BOOK_DUE_NSTATE * 4)

/* An entry's state from its value (either form): BOOK_DUE_S_*. */
static int
due_entry_state(const void *v, size_t vl)
{
	const uint8_t *p = v;
	struct book_due d;

	if (vl > 2 && p[0] == DUE_COMPACT) {
		d.done = (p[1] & DUE_MET) != 0;
		d.council = p[2] == PARTY_COUNCIL;
	} else {
		memset(&d, 0, offsetof(struct book_due, owner));
		(void)case_due_fields(v, vl, &d);
	}
	return d.done ? BOOK_DUE_S_MET : d.council ? BOOK_DUE_S_OPEN : BOOK_DUE_S_THEIRS;
}

/* The class and state of the entry key -> v. */
static size_t
due_count_slot(const uint8_t *key, const void *v, size_t vl)
{
	unsigned kind = key[4] & ~DUE_KEY_MET;
	int cls = kind == DUE_KIND_DEADLINE ? BOOK_DUE_C_DEADLINE :
	          kind == DUE_KIND_TARGET ? BOOK_DUE_C_TARGET : BOOK_DUE_C_ITEM;

	return (size_t)(cls * BOOK_DUE_NSTATE + due_entry_state(v, vl)) * 4;
}

/* Adds delta (+1 or -1) to the count at slot of day (the key's first 4 bytes). */
static int
due_count_add(struct store_txn *t, const uint8_t *day, size_t slot, int delta)
{
	uint8_t val[DUE_DAY_VALUE] = { 0 };
	const void *ov;
	size_t on, i;
	uint32_t c;
	int rc;

	if (store_get(t, STORE_DAYS, day, 4, &ov, &on) == 0 && on == sizeof val)
		memcpy(val, ov, sizeof val);
	c = codec_get_be32(val + slot);
	c = delta > 0 ? c + 1 : c > 0 ? c - 1 : 0;
	codec_be32(c, val + slot);
	for (i = 0; i < sizeof val && val[i] == 0; i++)
		;
	if (i < sizeof val)
		return store_put(t, STORE_DAYS, day, 4, val, sizeof val, false);
	rc = store_del(t, STORE_DAYS, day, 4);
	return rc == STORE_NOTFOUND ? 0 : rc;
}

int
book_due_index_put(struct store_txn *t, const uint8_t key[15], const void *v, size_t vl)
{
	const void *ov;
	size_t on;

	/* an entry written again (a retried write) is counted once */
	if (store_get(t, STORE_DEADLINES, key, 15, &ov, &on) == 0 &&
	    due_count_add(t, key, due_count_slot(key, ov, on), -1) != 0)
		return -1;
	if (store_put(t, STORE_DEADLINES, key, 15, v, vl, false) != 0)
		return -1;
	return due_count_add(t, key, due_count_slot(key, v, vl), 1);
}

static int
due_index_del_one(struct store_txn *t, const void *key, size_t kl)
{
	const void *ov;
	size_t on, slot;
	int rc;

	if (kl != 15 || store_get(t, STORE_DEADLINES, key, kl, &ov, &on) != 0) {
		rc = store_del(t, STORE_DEADLINES, key, kl);
		return rc == STORE_NOTFOUND ? 0 : rc;
	}
	/* the slot read before the entry goes (its bytes are the map's) */
	slot = due_count_slot(key, ov, on);
	if ((rc = store_del(t, STORE_DEADLINES, key, kl)) != 0)
		return rc == STORE_NOTFOUND ? 0 : rc;
	return due_count_add(t, key, slot, -1);
}

/* The entry of a day, kind, case and rule, met or not: a case record names
 * the keys of its entries as they were written, and a book of schema 3
 * wrote met ones without DUE_KEY_MET (its migration moved them). */
int
book_due_index_del(struct store_txn *t, const void *key, size_t kl)
{
	uint8_t other[15];
	int rc = due_index_del_one(t, key, kl);

	if (rc != 0 || kl != 15)
		return rc;
	memcpy(other, key, sizeof other);
	other[4] ^= DUE_KEY_MET;
	return due_index_del_one(t, other, sizeof other);
}

struct due_build {
	struct due_build_day {
		uint8_t day[4];
		uint32_t n[BOOK_DUE_NCLASS * BOOK_DUE_NSTATE];
	} *v;
	size_t n, cap;
};

static int
due_build_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct due_build *x = ctx;

	if (kl != 15)
		return 0;
	if (x->n == 0 || memcmp(x->v[x->n - 1].day, k, 4) != 0) {
		if (buf_grow(&x->v, &x->cap, x->n + 1, sizeof *x->v) != 0)
			return -1;
		memset(&x->v[x->n], 0, sizeof x->v[x->n]);
		memcpy(x->v[x->n++].day, k, 4);
	}
	x->v[x->n - 1].n[due_count_slot(k, v, vl) / 4]++;
	return 0;
}

/* Entries met but keyed as not (written before DUE_KEY_MET), copied. */
struct due_moves {
	struct due_move {
		uint8_t key[15];
		size_t vl;
		void *v;
	} *v;
	size_t n, cap;
};

static int
due_moves_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct due_moves *x = ctx;
	struct due_move *m;

	if (kl != 15 || (((const uint8_t *)k)[4] & DUE_KEY_MET) ||
	    due_entry_state(v, vl) != BOOK_DUE_S_MET)
		return 0;
	if (buf_grow(&x->v, &x->cap, x->n + 1, sizeof *x->v) != 0)
		return -1;
	m = &x->v[x->n];
	if ((m->v = malloc(vl > 0 ? vl : 1)) == NULL)
		return -1;
	memcpy(m->key, k, 15);
	memcpy(m->v, v, vl);
	m->vl = vl;
	x->n++;
	return 0;
}

/* Each met entry moved under its key with DUE_KEY_MET (collected first,
 * then written). */
static int
due_rekey_met(struct store_txn *t)
{
	struct due_moves x = { NULL, 0, 0 };
	size_t i;
	int rc = 0;

	if (store_scan(t, STORE_DEADLINES, NULL, 0, due_moves_each, &x) < 0)
		rc = err_set(store_txn_err(t), "out of memory");
	for (i = 0; i < x.n; i++) {
		if (rc == 0 && (rc = store_del(t, STORE_DEADLINES, x.v[i].key, 15)) == 0) {
			x.v[i].key[4] |= DUE_KEY_MET;
			rc = store_put(t, STORE_DEADLINES, x.v[i].key, 15, x.v[i].v, x.v[i].vl, false);
		}
		free(x.v[i].v);
	}
	free(x.v);
	return rc;
}

int
book_due_days_build(struct book *b, struct store_txn *t)
{
	struct due_build x = { NULL, 0, 0 };
	uint8_t val[DUE_DAY_VALUE];
	size_t i, k;
	int rc = 0;

	(void)b;
	if (due_rekey_met(t) != 0)
		return -1;
	/* the counts gathered first and written after the scan */
	if (store_clear(t, STORE_DAYS) != 0)
		return -1;
	if (store_scan(t, STORE_DEADLINES, NULL, 0, due_build_each, &x) < 0) {
		free(x.v);
		return err_set(store_txn_err(t), "out of memory");
	}
	for (i = 0; i < x.n && rc == 0; i++) {
		for (k = 0; k < BOOK_DUE_NCLASS * BOOK_DUE_NSTATE; k++)
			codec_be32(x.v[i].n[k], val + 4 * k);
		rc = store_put(t, STORE_DAYS, x.v[i].day, 4, val, sizeof val, false);
	}
	free(x.v);
	return rc;
}

static int
due_build_cmp(const void *a, const void *b)
{
	return memcmp(((const struct due_build_day *)a)->day, ((const struct due_build_day *)b)->day, 4);
}

struct due_check {
	struct due_build *x;
	unsigned char *seen;
	void (*bad)(const char *date, void *ctx);
	void *ctx;
	long n;
};

static void
due_check_bad(struct due_check *c, const uint8_t *day)
{
	struct date d = { (int32_t)((int64_t)codec_get_be32(day) - 0x80000000LL) };
	char date[DATE_STRLEN];

	c->n++;
	if (c->bad != NULL)
		c->bad(date_format(d, date), c->ctx);
}

static int
due_check_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct due_check *c = ctx;
	struct due_build_day key, *hit;
	size_t i;

	if (kl != 4)
		return 0;
	memcpy(key.day, k, 4);
	hit = bsearch(&key, c->x->v, c->x->n, sizeof *c->x->v, due_build_cmp);
	if (hit != NULL)
		c->seen[hit - c->x->v] = 1;
	for (i = 0; i < BOOK_DUE_NCLASS * BOOK_DUE_NSTATE; i++)
		if (vl != DUE_DAY_VALUE ||
		    codec_get_be32((const uint8_t *)v + 4 * i) != (hit != NULL ? hit->n[i] : 0)) {
			due_check_bad(c, k);
			break;
		}
	return 0;
}

long
book_due_days_check(struct store_txn *t, void (*bad)(const char *date, void *ctx), void *ctx)
{
	struct due_build x = { NULL, 0, 0 };
	struct due_check c = { &x, NULL, bad, ctx, 0 };
	size_t i;

	if (book_meta_u64(t, META_SCHEMA, 0) < 4)
		return 0; /* no counts kept yet */
	if (store_scan(t, STORE_DEADLINES, NULL, 0, due_build_each, &x) < 0 ||
	    (c.seen = calloc(x.n + 1, 1)) == NULL) {
		free(x.v);
		return err_set(store_txn_err(t), "out of memory");
	}
	if (store_scan(t, STORE_DAYS, NULL, 0, due_check_each, &c) < 0)
		c.n = -1;
	for (i = 0; i < x.n && c.n >= 0; i++)
		if (!c.seen[i])
			due_check_bad(&c, x.v[i].day);
	free(c.seen);
	free(x.v);
	return c.n;
}

struct due_recount {
	struct book *b;
	long changed;
};

static int
due_recount_txn(struct store_txn *t, void *vctx)
{
	struct due_recount *x = vctx;
	char fields[48];

	if (book_meta_u64(t, META_SCHEMA, 0) < 4)
		return err_set(store_txn_err(t), "this book keeps no day counts yet (the first "
		               "writer to open it counts them)"), BOOK_EUSAGE;
	if ((x->changed = book_due_days_check(t, NULL, NULL)) <= 0)
		return x->changed < 0 ? -1 : 0;
	if (book_due_days_build(x->b, t) != 0)
		return -1;
	snprintf(fields, sizeof fields, "days (%ld differed)", x->changed);
	return book_audit_append(x->b, t, "book.recount", "deadlines index", fields);
}

int
book_due_days_recount(struct book *b, long *changed, struct err *err)
{
	struct due_recount x = { b, 0 };
	int rc;

	*changed = 0;
	if ((rc = book_require(b, ROLE_ADMIN, false, err)) != 0)
		return rc;
	rc = book_change(b, ROLE_ADMIN, false, due_recount_txn, &x, err);
	*changed = x.changed;
	return rc;
}

/* A day's dated items as a scan gives them (a review since moved is passed
 * over): their counts replace the table's, which counts every entry. */
struct due_items {
	struct store_txn *t;
	struct book_due_day *day;
};

static int
due_items_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct due_items *x = ctx;
	const uint8_t *key = k;
	struct book_due d;

	if (kl != 15 || (int32_t)((int64_t)codec_get_be32(key) - 0x80000000LL) != x->day->day)
		return 1;
	if ((key[4] & ~DUE_KEY_MET) <= DUE_KIND_TARGET)
		return 0;
	memset(&d, 0, offsetof(struct book_due, owner));
	date_format((struct date){ x->day->day }, d.date);
	(void)case_due_fields(v, vl, &d);
	if (case_due_item(x->t, (uint8_t)(key[4] & ~DUE_KEY_MET), v, vl, &d))
		x->day->n[BOOK_DUE_C_ITEM][d.done ? BOOK_DUE_S_MET : BOOK_DUE_S_OPEN]++;
	return 0;
}

struct due_days {
	struct book *b;
	const struct calendar *cal;
	struct date today;
	int32_t from, to;
	struct book_due_day *out;
	size_t max, n;
};

static int
due_days_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct due_days *x = ctx;
	struct book_due_day *d;
	struct date day;
	size_t c, s;

	if (kl != 4 || vl != DUE_DAY_VALUE)
		return 0;
	day.day = (int32_t)((int64_t)codec_get_be32(k) - 0x80000000LL);
	if (day.day > x->to || x->n == x->max)
		return 1;
	d = &x->out[x->n++];
	d->day = day.day;
	d->days = workday_between(x->cal, x->today, day);
	for (c = 0; c < BOOK_DUE_NCLASS; c++)
		for (s = 0; s < BOOK_DUE_NSTATE; s++)
			d->n[c][s] = codec_get_be32((const uint8_t *)v + 4 * (c * BOOK_DUE_NSTATE + s));
	return 0;
}

static int
due_days_txn(struct store_txn *t, void *ctx)
{
	struct due_days *x = ctx;
	uint8_t from[5];
	size_t i, s;

	x->n = 0;
	if (book_meta_u64(t, META_SCHEMA, 0) < 4)
		return BOOK_DUE_NO_DAYS;
	codec_be32((uint32_t)((int64_t)x->from + 0x80000000LL), from);
	if (store_scan(t, STORE_DAYS, from, 4, due_days_each, x) < 0)
		return -1;
	for (i = 0; i < x->n; i++) {
		struct book_due_day *d = &x->out[i];
		struct due_items it = { t, d };
		uint32_t items = 0;

		for (s = 0; s < BOOK_DUE_NSTATE; s++) {
			items += d->n[BOOK_DUE_C_ITEM][s];
			d->n[BOOK_DUE_C_ITEM][s] = 0;
		}
		if (items == 0)
			continue;
		/* from the day's first item: its deadlines and targets sort before */
		codec_be32((uint32_t)((int64_t)d->day + 0x80000000LL), from);
		from[4] = 2;
		if (store_scan(t, STORE_DEADLINES, from, 5, due_items_each, &it) < 0)
			return -1;
	}
	return 0;
}

int
book_due_days(struct book *b, const char *from, const char *to, struct book_due_day *out,
              size_t max, size_t *n, struct err *err)
{
	struct due_days x = { .b = b, .out = out, .max = max };
	struct date f, tt;
	int rc;

	*n = 0;
	if ((rc = due_range(b, from, to, &f, &tt, &x.cal, &x.today, err)) != 0)
		return rc;
	x.from = f.day;
	x.to = tt.day;
	rc = store_read(b->st, due_days_txn, &x, err);
	*n = x.n;
	return rc;
}
