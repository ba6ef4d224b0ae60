/* cases.c - the case record: names of its vocabularies, reading a case and
 * its timeline, writing it back field by field (sealed text under the key),
 * and loading a case for a change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/reads.h"
#include "redress/clock.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workflow.h"

void
book_set_today(struct book *b, int32_t day)
{
	b->today = day;
	b->today_set = true;
}

struct date
book_today(struct book *b)
{
	struct date d;

	if (b->today_set)
		d.day = b->today;
	else
		d = date_from_unix_london((int64_t)book_now());
	return d;
}

/* --- small helpers ------------------------------------------------------------ */

/* Text typed by people: valid UTF-8; newlines and tabs allowed in notes;
 * no other controls, no bidi or invisible characters. */
int
book_check_text(const char *what, const char *s, size_t max, bool multiline, struct err *err)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	uint32_t cp;
	int len;

	if (n > max)
		return err_set(err, "%s is longer than %zu bytes", what, max), BOOK_EUSAGE;
	while (i < n) {
		if ((len = text_utf8_decode(u + i, n - i, &cp)) == 0)
			return err_set(err, "%s is not valid UTF-8", what), BOOK_EUSAGE;
		if (text_unsafe_codepoint(cp) && !(multiline && (cp == '\n' || cp == '\t')))
			return err_set(err, "%s contains a control or invisible character (U+%04X)", what,
			               (unsigned)cp), BOOK_EUSAGE;
		i += (size_t)len;
	}
	return 0;
}

int
book_check_login(const char *what, const char *s, struct err *err)
{
	size_t i;

	if (s == NULL || *s == '\0')
		return 0;
	if (strlen(s) >= 64)
		return err_set(err, "%s: a login is at most 63 characters", what), BOOK_EUSAGE;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return err_set(err, "%s: \"%.40s\" is not a login", what, s), BOOK_EUSAGE;
	return 0;
}

int
case_seal(struct book *b, struct store_txn *t, struct rec *r, uint16_t tag, const uint8_t *prefix,
          size_t plen, const char *ad, const char *text, uint32_t key_id)
{
	size_t cap = plen + vault_sealed_size(strlen(text), true), slen;
	uint8_t *buf = malloc(cap);
	int rc = -1;

	if (buf == NULL)
		return err_set(store_txn_err(t), "out of memory");
	if (plen > 0)
		memcpy(buf, prefix, plen);
	if (vault_seal(b->keys, key_id, ad, strlen(ad), text, strlen(text), true, buf + plen,
	               cap - plen, &slen, store_txn_err(t)) == 0) {
		rec_bytes(r, tag, buf, plen + slen);
		rc = 0;
	}
	free(buf);
	return rc;
}

/* Opens a sealed field into out.  False, and out "", when no key held
 * opens it: a state the caller keeps (the field's "unopened"), never text
 * that could be written back in its place. */
static bool
case_open_text(struct book *b, const char *ad, const uint8_t *p, size_t n, char *out, size_t max)
{
	struct err err;
	size_t len;

	out[0] = '\0';
	if (n == 0) /* erased under the retention rule */
		return true;
	if (b->keys == NULL ||
	    vault_open(b->keys, ad, strlen(ad), p, n, out, max - 1, &len, &err) != 0) {
		out[0] = '\0';
		return false;
	}
	out[len] = '\0';
	return true;
}

static void
case_key(uint64_t id, uint8_t key[8])
{
	codec_be64(id, key);
}

/* The id behind a reference. */
static int
case_ref_id(struct store_txn *t, const char *ref, uint64_t *id)
{
	const void *v;
	size_t n;

	if (store_get(t, STORE_REFS, ref, strlen(ref), &v, &n) != 0 || n != 8)
		return err_set(store_txn_err(t), "no case %.40s in this book", ref), BOOK_EUSAGE;
	*id = codec_get_be64(v);
	return 0;
}

/* --- a case's lists ---------------------------------------------------------- */

/* list (room for *cap items of size each, n of them used) with room for one
 * more, item n zeroed: grown (doubled, in guarded memory) when full.  Out of
 * memory, list is returned as it was and *cap stays n. */
void *
book_case_grow(void *list, size_t *cap, size_t n, size_t size)
{
	size_t want = *cap ? *cap * 2 : 8;
	void *p;

	if (n >= *cap) {
		if (want > SIZE_MAX / size || (p = book_secret_alloc(want * size)) == NULL)
			return list;
		if (list != NULL)
			memcpy(p, list, n * size);
		book_secret_free(list, *cap * size);
		list = p;
		*cap = want;
	}
	memset((char *)list + n * size, 0, size);
	return list;
}

#define CASE_LIST_FREE(c, f) book_secret_free((c)->f, (c)->cap_##f * sizeof *(c)->f)

void
book_case_init(struct book_case *c)
{
	memset(c, 0, sizeof *c);
}

void
book_case_clear(struct book_case *c)
{
	if (c == NULL)
		return;
	CASE_LIST_FREE(c, parties);
	CASE_LIST_FREE(c, points);
	CASE_LIST_FREE(c, findings);
	CASE_LIST_FREE(c, recs);
	CASE_LIST_FREE(c, events);
	book_secret_free(c->texts, c->cap_texts);
	explicit_bzero(c, sizeof *c);
}

struct book_case *
book_case_new(void)
{
	struct book_case *c = book_secret_alloc(sizeof *c);

	if (c != NULL)
		book_case_init(c);
	return c;
}

void
book_case_free(struct book_case *c)
{
	if (c == NULL)
		return;
	book_case_clear(c);
	book_secret_free(c, sizeof *c);
}

int
book_write_case(struct book *b, enum role role, bool need_key,
                int (*fn)(struct store_txn *t, void *ctx), void *ctx, struct book_case **c,
                struct err *err)
{
	int rc;

	if ((*c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = book_change(b, role, need_key, fn, ctx, err);
	book_case_free(*c);
	*c = NULL;
	return rc;
}

/* Room for want events in c at once: one allocation, not a doubling for
 * each; -1 when out of memory. */
static int
case_reserve_events(struct book_case *c, size_t want)
{
	struct book_event *p;

	if (want <= c->cap_events)
		return 0;
	if (want > SIZE_MAX / sizeof *p || (p = book_secret_alloc(want * sizeof *p)) == NULL)
		return -1;
	if (c->events != NULL)
		memcpy(p, c->events, c->nevents * sizeof *p);
	book_secret_free(c->events, c->cap_events * sizeof *p);
	c->events = p;
	c->cap_events = want;
	return 0;
}

/* A note kept in c's text store: the copy (events pointing into the store
 * follow it when it grows), "" for none, NULL when out of memory. */
static char *
case_text_put(struct book_case *c, const char *text)
{
	size_t len = strlen(text), want, i;
	uintptr_t from, to;
	char *p;

	if (len == 0)
		return (char *)"";
	if (c->ntexts + len + 1 > c->cap_texts) {
		want = c->cap_texts * 2 > 4096 ? c->cap_texts * 2 : 4096;
		if (want < c->ntexts + len + 1)
			want = c->ntexts + len + 1;
		if ((p = book_secret_alloc(want)) == NULL)
			return NULL;
		from = (uintptr_t)c->texts;
		to = from + c->cap_texts;
		if (c->texts != NULL)
			memcpy(p, c->texts, c->ntexts);
		for (i = 0; i < c->nevents; i++)
			if ((uintptr_t)c->events[i].note >= from && (uintptr_t)c->events[i].note < to)
				c->events[i].note = p + ((uintptr_t)c->events[i].note - from);
		book_secret_free(c->texts, c->cap_texts);
		c->texts = p;
		c->cap_texts = want;
	}
	p = c->texts + c->ntexts;
	memcpy(p, text, len + 1);
	c->ntexts += len + 1;
	return p;
}

/* c emptied to be read or made again: its lists keep their room. */
void
case_empty(struct book_case *c)
{
	struct book_case keep = *c;

	explicit_bzero(c, sizeof *c);
	c->parties = keep.parties;
	c->cap_parties = keep.cap_parties;
	c->points = keep.points;
	c->cap_points = keep.cap_points;
	c->findings = keep.findings;
	c->cap_findings = keep.cap_findings;
	c->recs = keep.recs;
	c->cap_recs = keep.cap_recs;
	c->events = keep.events;
	c->cap_events = keep.cap_events;
	c->texts = keep.texts;
	c->cap_texts = keep.cap_texts;
	explicit_bzero(&keep, sizeof keep);
}

/* --- reading a case ---------------------------------------------------------- */

static void
case_parse_party(struct book *b, uint64_t id, unsigned index, const uint8_t *p, size_t n,
                 struct book_party *out)
{
	struct case_rec_party f;
	char ad[96];

	memset(out, 0, sizeof *out);
	if (!case_rec_party_get(p, n, &f))
		return;
	out->kind = f.kind;
	out->role = f.role;
	out->eligible = f.eligible;
	out->consent = f.consent;
	out->informed = f.informed;
	out->person = f.person;
	if (f.sealedlen > 0) {
		snprintf(ad, sizeof ad, "case:%llu:party:%u:views", (unsigned long long)id, index);
		out->unopened = !case_open_text(b, ad, f.sealed, f.sealedlen, out->views,
		                                sizeof out->views);
	}
}

static bool
case_has_event(struct store_txn *t, uint8_t key[12], uint32_t seq)
{
	const void *v;
	size_t n;

	codec_be32(seq, key + 8);
	return store_get(t, STORE_EVENTS, key, 12, &v, &n) == 0;
}

/* How many events case id has: its timeline is keyed id | 1..n, so a few
 * probes find n (a whole timeline is then read into room made once). */
static size_t
case_count_events(struct store_txn *t, uint64_t id)
{
	uint8_t key[12];
	uint32_t lo = 0, hi = 1, mid; /* lo is there (0: none), hi is not */

	case_key(id, key);
	while (case_has_event(t, key, hi)) {
		lo = hi;
		if (hi > UINT32_MAX / 2)
			return lo;
		hi *= 2;
	}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (case_has_event(t, key, mid))
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The timeline of case id into out (after its record), notes opened for a
 * key holder; with notes false they are left sealed (each reads "").  */
static int
case_read_events(struct book *b, struct store_txn *t, uint64_t id, struct book_case *out,
                 bool notes)
{
	const uint8_t *p;
	size_t fn;
	uint8_t key[12];
	char ad[96];
	const void *ev;
	size_t evn;
	unsigned seq;
	char *note = NULL;           /* a note opened, before it is kept */

	/* one more than it has: room for the step about to be added */
	if (case_reserve_events(out, case_count_events(t, id) + 1) != 0)
		return err_set(store_txn_err(t), "out of memory");
	for (seq = 1;; seq++) {
		struct book_event *e;

		case_key(id, key);
		codec_be32(seq, key + 8);
		if (store_get(t, STORE_EVENTS, key, 12, &ev, &evn) != 0)
			break;
		if (!BOOK_CASE_ROOM(out, events)) {
			book_secret_free(note, note != NULL ? BOOK_TEXT_MAX : 0);
			return err_set(store_txn_err(t), "out of memory");
		}
		e = &out->events[out->nevents++];
		memset(e, 0, sizeof *e);
		e->seq = seq;
		e->type = (int)rec_find_u64(ev, evn, ET_TYPE, EV_NONE);
		rec_find_str(ev, evn, ET_DATE, e->date, sizeof e->date);
		rec_find_str(ev, evn, ET_UNTIL, e->until, sizeof e->until);
		e->decision = (int)rec_find_u64(ev, evn, ET_DECISION, 0);
		e->reason = (int)rec_find_u64(ev, evn, ET_REASON, 0);
		e->ombudsman_told = rec_find_u64(ev, evn, ET_TOLD, 0) != 0;
		e->ext_reason = (int)rec_find_u64(ev, evn, ET_EXT_REASON, 0);
		e->finding = (int)rec_find_u64(ev, evn, ET_FINDING, 0);
		e->remedied = (int)rec_find_u64(ev, evn, ET_REMEDIED, 0);
		e->corrects = (unsigned)rec_find_u64(ev, evn, ET_CORRECTS, 0);
		e->voided_by = (unsigned)rec_find_u64(ev, evn, ET_VOIDED_BY, 0);
		rec_find_str(ev, evn, ET_AUTHOR, e->author, sizeof e->author);
		e->recorded_at = rec_find_u64(ev, evn, ET_AT, 0);
		e->note = (char *)"";
		if (notes && rec_find(ev, evn, ET_NOTE, &p, &fn)) {
			if (note == NULL && (note = book_secret_alloc(BOOK_TEXT_MAX)) == NULL)
				return err_set(store_txn_err(t), "out of memory");
			snprintf(ad, sizeof ad, "event:%llu:%u:note", (unsigned long long)id, seq);
			e->unopened = !case_open_text(b, ad, p, fn, note, BOOK_TEXT_MAX);
			if ((e->note = case_text_put(out, note)) == NULL) {
				book_secret_free(note, BOOK_TEXT_MAX);
				return err_set(store_txn_err(t), "out of memory");
			}
		}
	}
	book_secret_free(note, note != NULL ? BOOK_TEXT_MAX : 0);
	return 0;
}

/* Fills *out from the case's record and timeline (in one read txn). */
int
case_read(struct book *b, struct store_txn *t, uint64_t id, struct book_case *out)
{
	return case_read_notes(b, t, id, out, true);
}

int
case_read_notes(struct book *b, struct store_txn *t, uint64_t id, struct book_case *out,
                bool notes)
{
	const uint8_t *p;
	const void *v;
	size_t n, pos = 0, fn;
	uint16_t tag;
	uint8_t key[12];
	char ad[96];
	int panel = 0;
	struct case_rec_point pf;
	struct case_rec_rec rf;

	case_empty(out);
	case_key(id, key);
	if (store_get(t, STORE_CASES, key, 8, &v, &n) != 0 || rec_check(v, n, REC_CASE, NULL) != 0)
		return err_set(store_txn_err(t), "case %llu cannot be read", (unsigned long long)id);
	out->id = id;
	out->staff.chair = -1;
	/* written before the book kept versions: its first ones */
	out->profver = out->calver = 1;
	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		char *dst = NULL;
		size_t dmax = 0;

		switch (tag) {
		case CT_REV: out->rev = fn == 8 ? codec_get_be64(p) : 0; break;
		case CT_UPDATED_AT: out->updated_at = fn == 8 ? codec_get_be64(p) : 0; break;
		case CT_UPDATED_BY: dst = out->updated_by; dmax = sizeof out->updated_by; break;
		case CT_REF: dst = out->ref; dmax = sizeof out->ref; break;
		case CT_KIND: out->kind = fn == 8 ? (int)codec_get_be64(p) : 0; break;
		case CT_CHANNEL: out->channel = fn == 8 ? (int)codec_get_be64(p) : 0; break;
		case CT_STATUS: out->status = fn == 8 ? (int)codec_get_be64(p) : 0; break;
		case CT_STAGE: out->stage = fn == 8 ? (int)codec_get_be64(p) : 0; break;
		case CT_RECEIVED: dst = out->received; dmax = sizeof out->received; break;
		case CT_TEAM: dst = out->team; dmax = sizeof out->team; break;
		case CT_SERVICE: dst = out->service; dmax = sizeof out->service; break;
		case CT_REDIRECT: dst = out->redirect_to; dmax = sizeof out->redirect_to; break;
		case CT_THANKED: dst = out->thanked; dmax = sizeof out->thanked; break;
		case CT_OWNER: dst = out->staff.owner; dmax = 64; break;
		case CT_MANAGER: dst = out->staff.manager; dmax = 64; break;
		case CT_INVESTIGATOR: dst = out->staff.investigator; dmax = 64; break;
		case CT_INDEPENDENT: dst = out->staff.independent; dmax = 64; break;
		case CT_ADJUDICATOR: dst = out->staff.adjudicator; dmax = 64; break;
		case CT_PANEL:
			if (panel < 3) {
				dst = out->staff.panel[panel++];
				dmax = 64;
			}
			break;
		case CT_CHAIR: out->staff.chair = fn == 8 ? (int)codec_get_be64(p) : -1; break;
		case CT_APPOINTED: case_rec_appointed_get(p, fn, &out->staff); break;
		case CT_SAFEGUARDING: out->safeguarding = true; break;
		case CT_ADVOCACY: case_rec_advocacy_get(p, fn, &out->advocacy); break;
		case CT_HOLD:
			out->held = true;
			dst = out->held_on;
			dmax = sizeof out->held_on;
			break;
		case CT_HOLD_BY: dst = out->held_by; dmax = sizeof out->held_by; break;
		case CT_HOLD_REASON:
			snprintf(ad, sizeof ad, "case:%llu:hold", (unsigned long long)id);
			out->hold_unopened = !case_open_text(b, ad, p, fn, out->hold_reason,
			                                     sizeof out->hold_reason);
			break;
		case CT_ERASED: dst = out->erased; dmax = sizeof out->erased; break;
		case CT_PROFVER: out->profver = fn == 8 ? (unsigned)codec_get_be64(p) : 1; break;
		case CT_CALVER: out->calver = fn == 8 ? (unsigned)codec_get_be64(p) : 1; break;
		case CT_WAS:
			if (out->nwas < BOOK_WAS_MAX && book_was_get(p, fn, &out->was[out->nwas]))
				out->nwas++;
			break;
		case CT_SUMMARY:
			snprintf(ad, sizeof ad, "case:%llu:summary", (unsigned long long)id);
			out->summary_unopened = !case_open_text(b, ad, p, fn, out->summary,
			                                        sizeof out->summary);
			break;
		case CT_PARTY:
			if (BOOK_CASE_ROOM(out, parties)) {
				case_parse_party(b, id, (unsigned)out->nparties, p, fn,
				                 &out->parties[out->nparties]);
				out->nparties++;
			}
			break;
		case CT_POINT:
			if (case_rec_point_get(p, fn, &pf) && BOOK_CASE_ROOM(out, points)) {
				struct book_point *pt = &out->points[out->npoints++];

				pt->number = pf.number;
				snprintf(ad, sizeof ad, "case:%llu:point:%u", (unsigned long long)id, pt->number);
				pt->unopened = !case_open_text(b, ad, pf.sealed, pf.sealedlen, pt->text,
				                               sizeof pt->text);
			}
			break;
		case CT_FINDING:
			if (BOOK_CASE_ROOM(out, findings) &&
			    case_rec_finding_get(p, fn, &out->findings[out->nfindings]))
				out->nfindings++;
			break;
		case CT_REC:
			if (case_rec_rec_get(p, fn, &rf) && BOOK_CASE_ROOM(out, recs)) {
				struct book_rec *rc = &out->recs[out->nrecs++];

				rc->number = rf.number;
				rc->stage = rf.stage;
				memcpy(rc->due, rf.due, sizeof rc->due);
				memcpy(rc->done, rf.done, sizeof rc->done);
				memcpy(rc->owner, rf.owner, sizeof rc->owner);
				snprintf(ad, sizeof ad, "case:%llu:rec:%u", (unsigned long long)id, rc->number);
				rc->unopened = !case_open_text(b, ad, rf.sealed, rf.sealedlen, rc->text,
				                               sizeof rc->text);
			}
			break;
		default:
			break;
		}
		if (dst != NULL) {
			size_t c = fn < dmax ? fn : dmax - 1;

			memcpy(dst, p, c);
			dst[c] = '\0';
		}
	}
	return case_read_events(b, t, id, out, notes);
}

/* Names of parties: after the case is read, in the same transaction. */
void
case_read_parties(struct book *b, struct store_txn *t, struct book_case *c)
{
	uint8_t key[8];
	const void *v;
	size_t n, i;
	struct err err;

	for (i = 0; i < c->nparties; i++) {
		struct book_party *p = &c->parties[i];

		case_key(p->person, key);
		p->who.id = p->person;
		if (p->person == 0) { /* the case was erased: who it was is gone */
			snprintf(p->who.name, sizeof p->who.name, "(erased)");
			continue;
		}
		if (store_get(t, STORE_PEOPLE, key, 8, &v, &n) != 0)
			continue;
		if (book_has_key(b)) {
			char ad[64];
			const uint8_t *f;
			size_t fn, len;

			snprintf(ad, sizeof ad, "person:%llu:name", (unsigned long long)p->person);
			if (rec_find(v, n, PT_NAME, &f, &fn) &&
			    vault_open(b->keys, ad, strlen(ad), f, fn, p->who.name, sizeof p->who.name - 1,
			               &len, &err) == 0) {
				p->who.name[len] = '\0';
				p->who.shown = true;
			}
			snprintf(ad, sizeof ad, "person:%llu:dob", (unsigned long long)p->person);
			if (rec_find(v, n, PT_DOB, &f, &fn) &&
			    vault_open(b->keys, ad, strlen(ad), f, fn, p->who.dob, sizeof p->who.dob - 1,
			               &len, &err) == 0)
				p->who.dob[len] = '\0';
		}
		if (!p->who.shown)
			snprintf(p->who.name, sizeof p->who.name, "%s %c-%04llu",
			         p->kind == 0 ? "Child" : "Complainant", p->kind == 0 ? 'C' : 'P',
			         (unsigned long long)p->person);
	}
}

struct get_ctx {
	struct book *b;
	const char *ref;
	struct book_case *out;
	bool denied;                 /* restricted, and not to this person */
};

static int
case_get_txn(struct store_txn *t, void *vctx)
{
	struct get_ctx *c = vctx;
	struct vault_keys *keys;
	uint64_t id;
	int rc;

	if ((rc = case_ref_id(t, c->ref, &id)) != 0)
		return rc;
	/* a restricted case is read for anyone not named as if without the key */
	c->denied = book_restrict_denied_txn(c->b, t, id);
	keys = book_restrict_hide(c->b, c->denied);
	if ((rc = case_read(c->b, t, id, c->out)) == 0)
		case_read_parties(c->b, t, c->out);
	book_restrict_unhide(c->b, keys);
	return rc != 0 ? -1 : 0;
}

int
book_case_get(struct book *b, const char *ref, struct book_case *out, struct err *err)
{
	struct get_ctx c = { b, ref, out, false };
	int rc;

	if ((rc = store_read(b->st, case_get_txn, &c, err)) != 0 || c.denied)
		return rc;
	/* names and narrative opened: on record before anyone sees them */
	if ((rc = book_read_note(b, out->ref, err)) != 0)
		book_case_clear(out);
	return rc;
}

/* --- writing a case ----------------------------------------------------------- */

/* The clock events of a case's timeline, and the workflow's view of it. */
size_t
book_case_workflow(const struct book_case *c, struct wf_event *wf, size_t max)
{
	struct err err;
	size_t i, n = 0;

	for (i = 0; i < c->nevents && n < max; i++) {
		const struct book_event *e = &c->events[i];

		/* a corrected event: voided, or re-dated in its place in the
		 * timeline's order (its correction is recorded later) */
		if (e->type == EV_CORRECTION || e->corrects != 0)
			continue;
		if (e->voided_by != 0) {
			if (e->voided_by > c->nevents ||
			    c->events[e->voided_by - 1].type == EV_CORRECTION)
				continue;
			e = &c->events[e->voided_by - 1];
		}
		memset(&wf[n], 0, sizeof wf[n]);
		wf[n].type = (enum event_type)e->type;
		if (date_parse(e->date, &wf[n].date, &err) != 0)
			continue;
		wf[n].has_until = e->until[0] != '\0' && date_parse(e->until, &wf[n].until, &err) == 0;
		wf[n].decision = (enum decision)e->decision;
		wf[n].reason = (enum refusal)e->reason;
		wf[n].ombudsman_told = e->ombudsman_told;
		n++;
	}
	return n;
}
/* The case's details the calendar filters and shows (owner, team, kind,
 * status, stage, child), kept in each of its deadlines' index entries in
 * the same transaction as its summary: a month of the calendar then reads
 * the index alone.  Entries written before have none (case_due_inline). */
void
case_due_put_details(struct rec *dv, const struct book_case *c)
{
	size_t i;

	if (c->staff.owner[0]) rec_str(dv, 5, c->staff.owner);
	if (c->team[0]) rec_str(dv, 6, c->team);
	rec_uint(dv, 7, (uint64_t)c->kind);
	rec_uint(dv, 8, (uint64_t)c->status);
	rec_uint(dv, 9, (uint64_t)c->stage);
	for (i = 0; i < c->nparties; i++)
		if (c->parties[i].kind == 0) {
			rec_uint(dv, 10, c->parties[i].person);
			break;
		}
}

/* --- sealed fields, written field by field ------------------------------------- */

/* The sealed text of a field in a case record: the summary or the hold
 * reason, the which-th party's views (from 0), or the point or
 * recommendation numbered which.  False when there is none. */
static bool
case_old_sealed(const void *rec, size_t len, uint16_t tag, unsigned which, const uint8_t **sp,
                size_t *sn)
{
	const uint8_t *p;
	size_t pos = 0, fn, skip = case_rec_plain_len(tag);
	unsigned party = 0;
	uint16_t tg;

	if (rec == NULL)
		return false;
	while (rec_next(rec, len, &pos, &tg, &p, &fn)) {
		if (tg != tag || fn < skip)
			continue;
		if (tag == CT_PARTY && party++ != which)
			continue;
		if ((tag == CT_POINT || tag == CT_REC) && codec_get_be32(p) != which)
			continue;
		if (fn == skip)
			return false;
		*sp = p + skip;
		*sn = fn - skip;
		return true;
	}
	return false;
}

/* Whether a sealed text opens, with the keys held, to text. */
static bool
case_sealed_is(struct book *b, const char *ad, const uint8_t *p, size_t n, const char *text)
{
	char buf[BOOK_TEXT_MAX];
	struct err err;
	size_t len, tl = strlen(text);
	bool same;

	if (b->keys == NULL || tl >= sizeof buf ||
	    vault_open(b->keys, ad, strlen(ad), p, n, buf, sizeof buf - 1, &len, &err) != 0)
		return false;
	same = len == tl && memcmp(buf, text, tl) == 0;
	vault_wipe(buf, sizeof buf);
	return same;
}

/* What a field is called in a message. */
void
case_field_name(uint16_t tag, unsigned which, char *out, size_t n)
{
	switch (tag) {
	case CT_SUMMARY: snprintf(out, n, "summary"); break;
	case CT_HOLD_REASON: snprintf(out, n, "hold reason"); break;
	case CT_PARTY: snprintf(out, n, "views of party %u", which + 1); break;
	case CT_POINT: snprintf(out, n, "point %u", which); break;
	case CT_REC: snprintf(out, n, "recommendation %u", which); break;
	default: snprintf(out, n, "note of event %u", which); break;
	}
}

struct case_seal_ctx {
	struct book *b;
	struct store_txn *t;
	const struct book_case *c;
	const void *old;
	size_t oldlen;
	uint32_t key_id;
	bool reseal;       /* a rotation: every field sealed anew, or fail */
};

/* One sealed field written back.  A field this change left as it was
 * keeps its ciphertext; a field that could not be opened (unopened, its
 * text "") keeps it too, whatever this process holds; only text that
 * changed is sealed, under the book's current key.  Empty text that was
 * opened writes the plain prefix alone (or nothing).  A rotation reseals
 * every field and fails on one it cannot open. */
static int
case_put_sealed(struct case_seal_ctx *x, struct rec *r, uint16_t tag, unsigned which,
                const uint8_t *prefix, size_t plen, const char *ad, const char *text,
                bool unopened)
{
	const uint8_t *op = NULL;
	size_t on = 0;
	uint8_t *buf;
	bool had = x->c->erased[0] == '\0' && case_old_sealed(x->old, x->oldlen, tag, which, &op, &on);
	char what[48];

	if (had && unopened && text[0] == '\0') {
		if (x->reseal) {
			int64_t k = vault_sealed_key_id(op, on);

			case_field_name(tag, which, what, sizeof what);
			return err_set(store_txn_err(x->t), "case %s: its %s is sealed under data key "
			               "%lld, which no key held opens", x->c->ref, what, (long long)k);
		}
		goto keep;
	}
	if (had && !x->reseal && case_sealed_is(x->b, ad, op, on, text))
		goto keep;
	if (text[0] == '\0') {
		if (plen > 0)
			rec_bytes(r, tag, prefix, plen);
		return 0;
	}
	return case_seal(x->b, x->t, r, tag, prefix, plen, ad, text, x->key_id);
keep:
	if ((buf = malloc(plen + on)) == NULL)
		return err_set(store_txn_err(x->t), "out of memory");
	if (plen > 0)
		memcpy(buf, prefix, plen);
	memcpy(buf + plen, op, on);
	rec_bytes(r, tag, buf, plen + on);
	free(buf);
	return 0;
}

/* c's status and stage from its timeline, and its deadlines on the book's
 * today under prof and cal into dl (PROFILE_RULES_MAX of them), *n. */
int
case_recompute(struct book *b, struct store_txn *t, const struct profile *prof,
               const struct calendar *cal, struct book_case *c, struct deadline *dl, size_t *n)
{
	struct wf_event *wf = calloc(c->nevents + 1, sizeof *wf);
	struct clock_event *ce = calloc(2 * (c->nevents + 1), sizeof *ce);
	struct wf_state st;
	size_t nwf;
	int rc = -1;

	if (wf == NULL || ce == NULL)
		err_set(store_txn_err(t), "out of memory");
	else {
		nwf = book_case_workflow(c, wf, c->nevents);
		workflow_state((enum route)c->kind, wf, nwf, &st);
		c->status = (int)st.status;
		c->stage = st.stage;
		nwf = workflow_clock_events(wf, nwf, ce, 2 * (c->nevents + 1));
		rc = clock_compute(prof, cal, (enum route)c->kind, ce, nwf, book_today(b), dl,
		                   PROFILE_RULES_MAX, n, store_txn_err(t));
	}
	free(wf);
	free(ce);
	return rc;
}

/* The plain fields of case c, a new record begun in *r. */
static void
case_put_plain(struct rec *r, struct book *b, const struct book_case *c)
{
	uint8_t prefix[128];
	size_t i;

	rec_begin(r, REC_CASE, 1);
	rec_u64(r, CT_REV, c->rev);
	rec_u64(r, CT_UPDATED_AT, book_now());
	rec_str(r, CT_UPDATED_BY, b->login);
	rec_str(r, CT_REF, c->ref);
	rec_u64(r, CT_KIND, (uint64_t)c->kind);
	rec_u64(r, CT_CHANNEL, (uint64_t)c->channel);
	rec_u64(r, CT_STATUS, (uint64_t)c->status);
	rec_u64(r, CT_STAGE, (uint64_t)c->stage);
	rec_str(r, CT_RECEIVED, c->received);
	if (c->team[0]) rec_str(r, CT_TEAM, c->team);
	if (c->service[0]) rec_str(r, CT_SERVICE, c->service);
	if (c->redirect_to[0]) rec_str(r, CT_REDIRECT, c->redirect_to);
	if (c->thanked[0]) rec_str(r, CT_THANKED, c->thanked);
	if (c->safeguarding) rec_u64(r, CT_SAFEGUARDING, 1);
	if (c->staff.owner[0]) rec_str(r, CT_OWNER, c->staff.owner);
	if (c->staff.manager[0]) rec_str(r, CT_MANAGER, c->staff.manager);
	if (c->staff.investigator[0]) rec_str(r, CT_INVESTIGATOR, c->staff.investigator);
	if (c->staff.independent[0]) rec_str(r, CT_INDEPENDENT, c->staff.independent);
	if (c->staff.adjudicator[0]) rec_str(r, CT_ADJUDICATOR, c->staff.adjudicator);
	for (i = 0; i < 3; i++)
		if (c->staff.panel[i][0]) rec_str(r, CT_PANEL, c->staff.panel[i]);
	if (c->staff.chair >= 0) rec_u64(r, CT_CHAIR, (uint64_t)c->staff.chair);
	for (i = 0; i < STAFF_ROLES; i++)
		if (c->staff.appointed[i][0])
			rec_bytes(r, CT_APPOINTED, prefix,
			          case_rec_appointed_put((int)i, c->staff.appointed[i], prefix));
	if (c->advocacy.offered[0] != '\0' || c->advocacy.service[0] != '\0')
		rec_bytes(r, CT_ADVOCACY, prefix, case_rec_advocacy_put(&c->advocacy, prefix));
	rec_u64(r, CT_NEXT_EVENT, c->nevents + 1);
}

/* The deadlines index entries of case c (its deadlines dl[0..n)), each
 * key noted in the case record *r. */
static int
case_put_deadlines(struct store_txn *t, const struct profile *prof, const struct book_case *c,
                   const struct deadline *dl, size_t n, struct rec *r)
{
	uint8_t dkey[15];
	size_t i;

	for (i = 0; i < n; i++) {
		int kind;

		for (kind = 0; kind < 2; kind++) {
			struct date due = kind == 0 ? dl[i].due : dl[i].target;
			uint8_t dv[DUE_VALUE_MAX];
			size_t ri = (size_t)(dl[i].rule - prof->rules), dn;

			if (kind == 1 && due.day == dl[i].due.day)
				continue; /* a target equal to the deadline is not indexed twice */
			codec_be32((uint32_t)((int64_t)due.day + 0x80000000LL), dkey);
			dkey[4] = (uint8_t)(kind | (clock_open(&dl[i]) ? 0 : DUE_KEY_MET));
			codec_be64(c->id, dkey + 5);
			dkey[13] = (uint8_t)(ri >> 8);
			dkey[14] = (uint8_t)ri;
			/* the compact form: a month's entries on half the pages */
			dn = book_due_value(dv, c->profver, c->ref, !clock_open(&dl[i]),
			                    (int)dl[i].rule->party, c);
			if (dn == 0)
				return err_set(store_txn_err(t), "cannot write the calendar's index");
			if (book_due_index_put(t, dkey, dv, dn) != 0)
				return -1;
			rec_bytes(r, CT_DLKEY, dkey, sizeof dkey);
		}
	}
	return 0;
}

/* Rewrites the case record from *c, field by field (case_put_sealed): text
 * it changed sealed under key_id, the rest kept as it was; and re-indexes
 * its deadlines from its timeline.  With reseal, every sealed field is
 * sealed anew under key_id (a rotation). */
int
case_write_fields(struct book *b, struct store_txn *t, struct book_case *c, const void *old,
                  size_t oldlen, uint32_t key_id, bool reseal)
{
	struct case_seal_ctx sx = { b, t, c, old, oldlen, key_id, reseal };
	const struct profile *prof;
	const struct calendar *cal;
	struct deadline dl[PROFILE_RULES_MAX];
	const uint8_t *p;
	size_t pos = 0, fn, i, n;
	uint16_t tag;
	uint8_t key[8], prefix[128];
	char ad[96];
	struct rec r;
	int rc = -1;

	/* a new case is counted under the book's versions of now */
	if ((c->profver == 0 || c->calver == 0) &&
	    book_versions_current_txn(b, t, c->profver == 0 ? &c->profver : NULL,
	                              c->calver == 0 ? &c->calver : NULL) != 0)
		return -1;
	if (book_case_profile(b, t, c, &prof, &cal, store_txn_err(t)) != 0)
		return -1;
	/* the old index entries go; the new ones are computed below */
	if (old != NULL)
		while (rec_next(old, oldlen, &pos, &tag, &p, &fn))
			if (tag == CT_DLKEY)
				if (book_due_index_del(t, p, fn) != 0)
					return -1;
	if (case_recompute(b, t, prof, cal, c, dl, &n) != 0)
		return -1;

	case_put_plain(&r, b, c);
	snprintf(ad, sizeof ad, "case:%llu:summary", (unsigned long long)c->id);
	if (case_put_sealed(&sx, &r, CT_SUMMARY, 0, NULL, 0, ad, c->summary,
	                    c->summary_unopened) != 0)
		goto out_rec;
	for (i = 0; i < c->nparties; i++) {
		case_rec_party_put(&c->parties[i], prefix);
		snprintf(ad, sizeof ad, "case:%llu:party:%zu:views", (unsigned long long)c->id, i);
		if (case_put_sealed(&sx, &r, CT_PARTY, (unsigned)i, prefix, CASE_REC_PARTY_PLAIN, ad,
		                    c->parties[i].views, c->parties[i].unopened) != 0)
			goto out_rec;
	}
	for (i = 0; i < c->npoints; i++) {
		case_rec_point_put(c->points[i].number, prefix);
		snprintf(ad, sizeof ad, "case:%llu:point:%u", (unsigned long long)c->id,
		         c->points[i].number);
		/* empty text: erased under the retention rule */
		if (case_put_sealed(&sx, &r, CT_POINT, c->points[i].number, prefix, CASE_REC_POINT_PLAIN,
		                    ad,
		                    c->points[i].text, c->points[i].unopened) != 0)
			goto out_rec;
	}
	for (i = 0; i < c->nfindings; i++) {
		case_rec_finding_put(&c->findings[i], prefix);
		rec_bytes(&r, CT_FINDING, prefix, CASE_REC_FINDING_LEN);
	}
	for (i = 0; i < c->nrecs; i++) {
		const struct book_rec *rc2 = &c->recs[i];

		case_rec_rec_put(rc2, prefix);
		snprintf(ad, sizeof ad, "case:%llu:rec:%u", (unsigned long long)c->id, rc2->number);
		if (case_put_sealed(&sx, &r, CT_REC, rc2->number, prefix, CASE_REC_REC_PLAIN, ad, rc2->text,
		                    rc2->unopened) != 0)
			goto out_rec;
	}
	if (c->held) {
		rec_str(&r, CT_HOLD, c->held_on);
		rec_str(&r, CT_HOLD_BY, c->held_by);
		snprintf(ad, sizeof ad, "case:%llu:hold", (unsigned long long)c->id);
		if (case_put_sealed(&sx, &r, CT_HOLD_REASON, 0, NULL, 0, ad, c->hold_reason,
		                    c->hold_unopened) != 0)
			goto out_rec;
	}
	if (c->erased[0] != '\0')
		rec_str(&r, CT_ERASED, c->erased);
	rec_u64(&r, CT_PROFVER, c->profver);
	rec_u64(&r, CT_CALVER, c->calver);
	for (i = 0; i < c->nwas; i++)
		rec_bytes(&r, CT_WAS, prefix, book_was_put(&c->was[i], prefix));
	/* the deadlines index: by date, for the calendar and the overdue list */
	if (case_put_deadlines(t, prof, c, dl, n, &r) != 0 || case_put_items(b, t, c, &r) != 0)
		goto out_rec;
	if (rec_done(&r) != 0) {
		err_set(store_txn_err(t), "out of memory");
		goto out_rec;
	}
	case_key(c->id, key);
	if (store_put(t, STORE_CASES, key, 8, r.buf, r.len, false) != 0 ||
	    case_summary_put(t, c, dl, n) != 0 || search_case_put(t, c, old, oldlen) != 0)
		goto out_rec;
	rc = 0;
out_rec:
	rec_free(&r);
	return rc;
}

int
case_write(struct book *b, struct store_txn *t, struct book_case *c, const void *old,
           size_t oldlen, uint32_t key_id)
{
	return case_write_fields(b, t, c, old, oldlen, key_id, false);
}

int
case_add_event(struct book *b, struct store_txn *t, struct book_case *c,
               const struct book_step *s, uint32_t key_id)
{
	struct book_event *e;
	uint8_t key[12];
	char ad[96];
	struct rec r;
	int rc;

	if (!BOOK_CASE_ROOM(c, events))
		return err_set(store_txn_err(t), "out of memory");
	e = &c->events[c->nevents++];
	memset(e, 0, sizeof *e);
	e->note = (char *)"";
	e->seq = (unsigned)c->nevents;
	e->type = s->type;
	snprintf(e->date, sizeof e->date, "%s", s->date);
	if (s->until != NULL)
		snprintf(e->until, sizeof e->until, "%s", s->until);
	e->decision = s->decision;
	e->reason = s->reason;
	e->ombudsman_told = s->ombudsman_told;
	e->ext_reason = s->ext_reason;
	e->finding = s->finding;
	e->remedied = s->remedied;
	snprintf(e->author, sizeof e->author, "%s", b->login);
	rec_begin(&r, REC_EVENT, 1);
	rec_u64(&r, ET_TYPE, (uint64_t)s->type);
	rec_str(&r, ET_DATE, s->date);
	if (s->until != NULL && *s->until != '\0')
		rec_str(&r, ET_UNTIL, s->until);
	if (s->decision) rec_u64(&r, ET_DECISION, (uint64_t)s->decision);
	if (s->reason) rec_u64(&r, ET_REASON, (uint64_t)s->reason);
	if (s->ombudsman_told) rec_u64(&r, ET_TOLD, 1);
	if (s->ext_reason) rec_u64(&r, ET_EXT_REASON, (uint64_t)s->ext_reason);
	if (s->finding) rec_u64(&r, ET_FINDING, (uint64_t)s->finding);
	if (s->remedied) rec_u64(&r, ET_REMEDIED, (uint64_t)s->remedied);
	rec_str(&r, ET_AUTHOR, b->login);
	rec_u64(&r, ET_AT, book_now());
	if (s->note != NULL && *s->note != '\0') {
		snprintf(ad, sizeof ad, "event:%llu:%u:note", (unsigned long long)c->id, e->seq);
		if (case_seal(b, t, &r, ET_NOTE, NULL, 0, ad, s->note, key_id) != 0) {
			rec_free(&r);
			return -1;
		}
		if ((e->note = case_text_put(c, s->note)) == NULL) {
			e->note = (char *)"";
			rec_free(&r);
			return err_set(store_txn_err(t), "out of memory");
		}
		/* its words, for the client's / (search.c) */
		if (search_note_put(b, t, c->id, e->seq, s->note, key_id) != 0) {
			rec_free(&r);
			return -1;
		}
	}
	case_key(c->id, key);
	codec_be32(e->seq, key + 8);
	rc = book_rec_put(t, STORE_EVENTS, key, 12, &r, true);
	return rc == STORE_EXISTS ? err_set(store_txn_err(t), "event exists") : rc;
}

/* --- loading for a change ------------------------------------------------------ */

/* BOOK_ESTALE when the case is no longer at revision base_rev (0: any). */
int
case_stale(struct store_txn *t, const char *ref, const struct book_case *c, uint64_t base_rev)
{
	char when[32];

	if (base_rev == 0 || c->rev == base_rev)
		return 0;
	date_format_london_time((int64_t)c->updated_at, when, sizeof when);
	return err_set(store_txn_err(t), "%s was changed by %s on %s (revision %llu; yours "
	               "was based on %llu): your change was not saved", ref, c->updated_by,
	               when, (unsigned long long)c->rev, (unsigned long long)base_rev),
	       BOOK_ESTALE;
}

/* Reads the case for a change, checking the revision; c is owned by caller. */
int
case_load_for_change(struct book *b, struct store_txn *t, const char *ref, uint64_t base_rev,
                     struct book_case *c, const void **old, size_t *oldlen)
{
	return case_load_notes(b, t, ref, base_rev, c, old, oldlen, true);
}

int
case_load_notes(struct book *b, struct store_txn *t, const char *ref, uint64_t base_rev,
                struct book_case *c, const void **old, size_t *oldlen, bool notes)
{
	uint8_t key[8];
	uint64_t id;
	int rc;

	if ((rc = case_ref_id(t, ref, &id)) != 0)
		return rc;
	if (case_read_notes(b, t, id, c, notes) != 0)
		return -1;
	if (c->erased[0] != '\0')
		return err_set(store_txn_err(t), "%s was erased under the retention rule on %s: it "
		               "can no longer change", ref, c->erased), BOOK_EUSAGE;
	if ((rc = case_stale(t, ref, c, base_rev)) != 0)
		return rc;
	case_key(id, key);
	if (store_get(t, STORE_CASES, key, 8, old, oldlen) != 0)
		return -1;
	return 0;
}

int
book_case_load_txn(struct book *b, struct store_txn *t, const char *ref, struct book_case *c,
                   void **old, size_t *oldlen)
{
	const void *v;
	int rc;

	if ((rc = case_load_for_change(b, t, ref, 0, c, &v, oldlen)) != 0)
		return rc;
	if ((*old = malloc(*oldlen)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	memcpy(*old, v, *oldlen);
	return 0;
}
