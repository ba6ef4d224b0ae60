/* cases.c - contacts and complaints: the record, its timeline, the steps of
 * the procedure checked by the workflow, and the deadlines index the
 * calendar scans, all kept in step in one transaction per change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/clock.h"
#include "redress/codes.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workday.h"
#include "redress/workflow.h"

void
book_set_today(struct book *b, int32_t day)
{
	b->today = day;
	b->today_set = true;
}

static struct date
case_today(struct book *b)
{
	struct date d;

	if (b->today_set)
		d.day = b->today;
	else
		d = date_from_unix_london((int64_t)book_now());
	return d;
}

/* --- the book's profile ------------------------------------------------------ */

struct file_ctx {
	const char *key;
	char *text;
	size_t len;
};

static int
case_file_txn(struct store_txn *t, void *vctx)
{
	struct file_ctx *c = vctx;
	const uint8_t *p;
	const void *v;
	size_t n, fn;

	if (store_get(t, STORE_FILES, c->key, strlen(c->key), &v, &n) != 0 ||
	    !rec_find(v, n, 1, &p, &fn))
		return err_set(store_txn_err(t), "the book has no %s", c->key);
	if ((c->text = malloc(fn + 1)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	memcpy(c->text, p, fn);
	c->text[fn] = '\0';
	c->len = fn;
	return 0;
}

static int
case_meta_txn(struct store_txn *t, void *vctx)
{
	char (*m)[64] = vctx;
	uint64_t pv = book_meta_u64(t, META_PROFILE_VERSION, 1);
	uint64_t cv = book_meta_u64(t, META_CALENDAR_VERSION, 1);

	book_meta_str(t, META_AUTHORITY, m[0], 64);
	book_meta_str(t, META_CALENDAR, m[1], 64);
	snprintf(m[2], 64, "%08u", (unsigned)pv);
	snprintf(m[3], 64, "%08u", (unsigned)cv);
	return 0;
}

int
book_profile(struct book *b, const struct profile **pp, const struct calendar **cp,
             struct err *err)
{
	struct profile *chain = NULL;
	struct file_ctx f;
	char meta[4][64], key[160], name[PROFILE_KEY_MAX];
	size_t depth = 0, i;
	int rc = -1;

	if (b->profile != NULL) {
		*pp = b->profile;
		*cp = b->cal;
		return 0;
	}
	if (store_read(b->st, case_meta_txn, meta, err) != 0)
		return -1;
	if ((chain = calloc(PROFILE_DEPTH_MAX, sizeof *chain)) == NULL ||
	    (b->cal = calloc(1, sizeof *b->cal)) == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	snprintf(name, sizeof name, "%.39s", meta[0]);
	/* the chain as stored in the book: every user computes the same dates */
	while (name[0] != '\0' && depth < PROFILE_DEPTH_MAX) {
		snprintf(key, sizeof key, "profile/%s/%s", name, meta[2]);
		f.key = key;
		if (store_read(b->st, case_file_txn, &f, err) != 0)
			goto out;
		rc = profile_parse(&chain[depth], f.text, f.len, key, err);
		free(f.text);
		if (rc != 0)
			goto out;
		rc = -1;
		snprintf(name, sizeof name, "%s", chain[depth].inherits);
		depth++;
	}
	if (depth == 0 || profile_check(&chain[depth - 1], err) != 0)
		goto out;
	for (i = depth - 1; i > 0; i--)
		if (profile_inherit(&chain[i - 1], &chain[i], err) != 0)
			goto out;
	snprintf(key, sizeof key, "calendar/%s/%s", meta[1], meta[3]);
	f.key = key;
	if (store_read(b->st, case_file_txn, &f, err) != 0)
		goto out;
	rc = calendar_parse(b->cal, f.text, f.len, key, err);
	free(f.text);
	if (rc != 0) {
		rc = -1;
		goto out;
	}
	if ((b->profile = malloc(sizeof *b->profile)) == NULL) {
		calendar_free(b->cal);
		rc = err_set(err, "out of memory");
		goto out;
	}
	*b->profile = chain[0];
	*pp = b->profile;
	*cp = b->cal;
	rc = 0;
out:
	if (rc != 0 && b->cal != NULL && b->profile == NULL) {
		free(b->cal);
		b->cal = NULL;
	}
	free(chain);
	return rc;
}

/* --- small helpers ------------------------------------------------------------ */

/* Text typed by people: valid UTF-8; newlines and tabs allowed in notes;
 * no other controls, no bidi or invisible characters. */
static int
case_check_text(const char *what, const char *s, size_t max, bool multiline, struct err *err)
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

static int
case_check_login(const char *what, const char *s, struct err *err)
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

static int
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
static void
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

/* Fills *out from the case's record and timeline (in one read txn). */
static int
case_read(struct book *b, struct store_txn *t, uint64_t id, struct book_case *out)
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
	/* the timeline */
	{
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
			e->corrects = (unsigned)rec_find_u64(ev, evn, ET_CORRECTS, 0);
			e->voided_by = (unsigned)rec_find_u64(ev, evn, ET_VOIDED_BY, 0);
			rec_find_str(ev, evn, ET_AUTHOR, e->author, sizeof e->author);
			e->recorded_at = rec_find_u64(ev, evn, ET_AT, 0);
			e->note = (char *)"";
			if (rec_find(ev, evn, ET_NOTE, &p, &fn)) {
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
	}
	return 0;
}

/* Names of parties: after the case is read, in the same transaction. */
static void
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
};

static int
case_get_txn(struct store_txn *t, void *vctx)
{
	struct get_ctx *c = vctx;
	uint64_t id;
	int rc;

	if ((rc = case_ref_id(t, c->ref, &id)) != 0)
		return rc;
	if (case_read(c->b, t, id, c->out) != 0)
		return -1;
	case_read_parties(c->b, t, c->out);
	return 0;
}

int
book_case_get(struct book *b, const char *ref, struct book_case *out, struct err *err)
{
	struct get_ctx c = { b, ref, out };

	return store_read(b->st, case_get_txn, &c, err);
}

/* --- writing a case ----------------------------------------------------------- */

/* The clock events of a case's timeline, and the workflow's view of it. */
static size_t
case_wf_events(const struct book_case *c, struct wf_event *wf, size_t max)
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
static void
case_due_put_details(struct rec *dv, const struct book_case *c)
{
	size_t i;

	if (c->staff.owner[0]) rec_str(dv, 5, c->staff.owner);
	if (c->team[0]) rec_str(dv, 6, c->team);
	rec_u64(dv, 7, (uint64_t)c->kind);
	rec_u64(dv, 8, (uint64_t)c->status);
	rec_u64(dv, 9, (uint64_t)c->stage);
	for (i = 0; i < c->nparties; i++)
		if (c->parties[i].kind == 0) {
			rec_u64(dv, 10, c->parties[i].person);
			break;
		}
}


static int case_summary_put(struct store_txn *t, const struct book_case *c,
                            const struct deadline *dl, size_t n);

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
static void
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

/* Rewrites the case record from *c, field by field (case_put_sealed): text
 * it changed sealed under key_id, the rest kept as it was; and re-indexes
 * its deadlines from its timeline.  With reseal, every sealed field is
 * sealed anew under key_id (a rotation). */
static int
case_write_fields(struct book *b, struct store_txn *t, struct book_case *c, const void *old,
                  size_t oldlen, uint32_t key_id, bool reseal)
{
	struct case_seal_ctx sx = { b, t, c, old, oldlen, key_id, reseal };
	const struct profile *prof;
	const struct calendar *cal;
	struct wf_event *wf = NULL;
	struct clock_event *ce = NULL;
	struct deadline dl[PROFILE_RULES_MAX];
	struct wf_state st;
	const uint8_t *p;
	size_t pos = 0, fn, i, n, nwf;
	uint16_t tag;
	uint8_t key[8], dkey[15], prefix[128];
	char ad[96];
	struct rec r;
	int rc = -1;

	if (book_profile(b, &prof, &cal, store_txn_err(t)) != 0)
		return -1;
	/* the old index entries go; the new ones are computed below */
	if (old != NULL)
		while (rec_next(old, oldlen, &pos, &tag, &p, &fn))
			if (tag == CT_DLKEY)
				store_del(t, STORE_DEADLINES, p, fn);
	wf = calloc(c->nevents + 1, sizeof *wf);
	ce = calloc(2 * (c->nevents + 1), sizeof *ce);
	if (wf == NULL || ce == NULL) {
		err_set(store_txn_err(t), "out of memory");
		goto out;
	}
	nwf = case_wf_events(c, wf, c->nevents);
	workflow_state((enum route)c->kind, wf, nwf, &st);
	c->status = (int)st.status;
	c->stage = st.stage;
	nwf = workflow_clock_events(wf, nwf, ce, 2 * (c->nevents + 1));
	if (clock_compute(prof, cal, (enum route)c->kind, ce, nwf, case_today(b), dl,
	                  PROFILE_RULES_MAX, &n, store_txn_err(t)) != 0)
		goto out;

	rec_begin(&r, REC_CASE, 1);
	rec_u64(&r, CT_REV, c->rev);
	rec_u64(&r, CT_UPDATED_AT, book_now());
	rec_str(&r, CT_UPDATED_BY, b->login);
	rec_str(&r, CT_REF, c->ref);
	rec_u64(&r, CT_KIND, (uint64_t)c->kind);
	rec_u64(&r, CT_CHANNEL, (uint64_t)c->channel);
	rec_u64(&r, CT_STATUS, (uint64_t)c->status);
	rec_u64(&r, CT_STAGE, (uint64_t)c->stage);
	rec_str(&r, CT_RECEIVED, c->received);
	if (c->team[0]) rec_str(&r, CT_TEAM, c->team);
	if (c->service[0]) rec_str(&r, CT_SERVICE, c->service);
	if (c->redirect_to[0]) rec_str(&r, CT_REDIRECT, c->redirect_to);
	if (c->thanked[0]) rec_str(&r, CT_THANKED, c->thanked);
	if (c->safeguarding) rec_u64(&r, CT_SAFEGUARDING, 1);
	if (c->staff.owner[0]) rec_str(&r, CT_OWNER, c->staff.owner);
	if (c->staff.manager[0]) rec_str(&r, CT_MANAGER, c->staff.manager);
	if (c->staff.investigator[0]) rec_str(&r, CT_INVESTIGATOR, c->staff.investigator);
	if (c->staff.independent[0]) rec_str(&r, CT_INDEPENDENT, c->staff.independent);
	if (c->staff.adjudicator[0]) rec_str(&r, CT_ADJUDICATOR, c->staff.adjudicator);
	for (i = 0; i < 3; i++)
		if (c->staff.panel[i][0]) rec_str(&r, CT_PANEL, c->staff.panel[i]);
	if (c->staff.chair >= 0) rec_u64(&r, CT_CHAIR, (uint64_t)c->staff.chair);
	if (c->advocacy.offered[0] != '\0' || c->advocacy.service[0] != '\0')
		rec_bytes(&r, CT_ADVOCACY, prefix, case_rec_advocacy_put(&c->advocacy, prefix));
	rec_u64(&r, CT_NEXT_EVENT, c->nevents + 1);
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
	/* the deadlines index: by date, for the calendar and the overdue list */
	for (i = 0; i < n; i++) {
		int kind;

		for (kind = 0; kind < 2; kind++) {
			struct date due = kind == 0 ? dl[i].due : dl[i].target;
			struct rec dv;
			size_t ri = (size_t)(dl[i].rule - prof->rules);

			if (kind == 1 && due.day == dl[i].due.day)
				continue; /* a target equal to the deadline is not indexed twice */
			codec_be32((uint32_t)((int64_t)due.day + 0x80000000LL), dkey);
			dkey[4] = (uint8_t)kind;
			codec_be64(c->id, dkey + 5);
			dkey[13] = (uint8_t)(ri >> 8);
			dkey[14] = (uint8_t)ri;
			rec_begin(&dv, REC_DUE, 1);
			rec_str(&dv, 1, dl[i].rule->key);
			rec_str(&dv, 2, c->ref);
			rec_u64(&dv, 3, !clock_open(&dl[i]));
			rec_u64(&dv, 4, (uint64_t)dl[i].rule->party);
			case_due_put_details(&dv, c);
			if (rec_done(&dv) != 0 ||
			    store_put(t, STORE_DEADLINES, dkey, sizeof dkey, dv.buf, dv.len, false) != 0) {
				rec_free(&dv);
				goto out_rec;
			}
			rec_free(&dv);
			rec_bytes(&r, CT_DLKEY, dkey, sizeof dkey);
		}
	}
	if (rec_done(&r) != 0) {
		err_set(store_txn_err(t), "out of memory");
		goto out_rec;
	}
	case_key(c->id, key);
	if (store_put(t, STORE_CASES, key, 8, r.buf, r.len, false) != 0 ||
	    case_summary_put(t, c, dl, n) != 0)
		goto out_rec;
	rc = 0;
out_rec:
	rec_free(&r);
out:
	free(wf);
	free(ce);
	return rc;
}

static int
case_write(struct book *b, struct store_txn *t, struct book_case *c, const void *old,
           size_t oldlen, uint32_t key_id)
{
	return case_write_fields(b, t, c, old, oldlen, key_id, false);
}

static int
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
	}
	if (rec_done(&r) != 0) {
		rec_free(&r);
		return err_set(store_txn_err(t), "out of memory");
	}
	case_key(c->id, key);
	codec_be32(e->seq, key + 8);
	rc = store_put(t, STORE_EVENTS, key, 12, r.buf, r.len, true);
	rec_free(&r);
	return rc == STORE_EXISTS ? err_set(store_txn_err(t), "event exists") : rc;
}

/* --- add ---------------------------------------------------------------------- */

struct add_ctx {
	struct book *b;
	const struct book_case_new *in;
	struct book_case *c;
	char ref[BOOK_REF_MAX];
};

static int
case_person_put(struct book *b, struct store_txn *t, const char *name, const char *dob,
                uint64_t *id)
{
	return book_person_put_txn(b, t, name, dob, id);
}

/* Makes the case record for a new contact in the caller's transaction:
 * reference, parties, receipt (and safeguarding) events; not yet written. */
static int
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
	if (in->child_name != NULL) {
		struct book_party *p;

		if (!BOOK_CASE_ROOM(c, parties))
			return err_set(store_txn_err(t), "out of memory");
		p = &c->parties[c->nparties++];
		p->kind = 0;
		p->role = PARTY_CHILD;
		p->eligible = true;
		if (case_person_put(b, t, in->child_name, in->child_dob, &p->person) != 0)
			return -1;
	}
	if (in->complainant_name != NULL) {
		struct book_party *p;

		if (!BOOK_CASE_ROOM(c, parties))
			return err_set(store_txn_err(t), "out of memory");
		p = &c->parties[c->nparties++];
		p->kind = 1;
		p->role = in->complainant_role;
		p->eligible = true;
		if (case_person_put(b, t, in->complainant_name, in->complainant_dob, &p->person) != 0)
			return -1;
	}
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
		s.type = EV_SAFEGUARDING;
		s.note = "Safeguarding concern: sent to the children's helpdesk at once; not handled "
		         "as a complaint.";
		if (case_add_event(b, t, c, &s, b->key_id) != 0)
			return -1;
	}
	return 0;
}

/* Writes a created case: record, deadlines, reference. */
static int
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
	if ((a.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = book_write(b, ROLE_CASEWORKER, true, case_add_txn, &a, err);
	book_case_free(a.c);
	if (rc != 0)
		return rc;
	memcpy(ref, a.ref, BOOK_REF_MAX);
	book_audit_announce(b);
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
	if (in->received == NULL || date_parse(in->received, &recv, err) != 0)
		return in->received == NULL ? err_set(err, "the date received is required") : -1,
		       BOOK_EUSAGE;
	today = case_today(b);
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
	if ((in->child_name && (rc = case_check_text("the child's name", in->child_name, 255, false, err))) ||
	    (in->complainant_name &&
	     (rc = case_check_text("the complainant's name", in->complainant_name, 255, false, err))) ||
	    (in->summary && (rc = case_check_text("the summary", in->summary, BOOK_TEXT_MAX - 1, true, err))) ||
	    (in->team && (rc = case_check_text("the team", in->team, 63, false, err))) ||
	    (in->service && (rc = case_check_text("the service", in->service, 63, false, err))) ||
	    (in->redirect_to && (rc = case_check_text("--redirect-to", in->redirect_to, 63, false, err))) ||
	    (in->thanked && (rc = case_check_text("--thanked", in->thanked, 127, false, err))) ||
	    (rc = case_check_login("--owner", in->owner, err)))
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

/* --- steps -------------------------------------------------------------------- */

/* BOOK_ESTALE when the case is no longer at revision base_rev (0: any). */
static int
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
static int
case_load_for_change(struct book *b, struct store_txn *t, const char *ref, uint64_t base_rev,
                     struct book_case *c, const void **old, size_t *oldlen)
{
	uint8_t key[8];
	uint64_t id;
	int rc;

	if ((rc = case_ref_id(t, ref, &id)) != 0)
		return rc;
	if (case_read(b, t, id, c) != 0)
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

/* An extension agreed to a date before the deadline it extends is refused:
 * wf holds the timeline with the extension last. */
static int
case_check_extension(struct book *b, const struct book_case *c, const struct wf_event *wf,
                     size_t n, struct err *err)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct clock_event *ce;
	size_t nce;
	int rc;

	if (book_profile(b, &prof, &cal, err) != 0)
		return -1;
	if ((ce = calloc(n * 2 + 1, sizeof *ce)) == NULL)
		return err_set(err, "out of memory");
	nce = workflow_clock_events(wf, n, ce, n * 2 + 1);
	rc = clock_check_extensions(prof, cal, (enum route)c->kind, ce, nce, case_today(b), err);
	free(ce);
	return rc;
}

/* Whether Stage 1's response was overdue on the day Stage 2 was asked for. */
static bool
case_overran(struct book *b, const struct book_case *c, const struct wf_event *wf, size_t n,
             const struct wf_event *next)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct clock_event *ce;
	struct err err;
	size_t nce;
	bool over;

	if (book_profile(b, &prof, &cal, &err) != 0 ||
	    (ce = calloc(n * 2 + 1, sizeof *ce)) == NULL)
		return false;
	nce = workflow_clock_events(wf, n, ce, n * 2 + 1);
	over = clock_overran(prof, cal, (enum route)c->kind, ce, nce, EV_STAGE1_RESPONSE_SENT,
	                     next->date);
	free(ce);
	return over;
}

struct step_ctx {
	struct book *b;
	const char *ref;
	const struct book_step *s;
	struct book_case *c;
};

static int
case_step_txn(struct store_txn *t, void *vctx)
{
	struct step_ctx *x = vctx;
	struct wf_event *wf, next;
	const void *old;
	size_t oldlen, n;
	struct err *err = store_txn_err(t);
	void *oldcopy;
	char fields[64];
	int rc;

	if ((rc = case_load_for_change(x->b, t, x->ref, 0, x->c, &old, &oldlen)) != 0)
		return rc;
	/* a step meant for one stage never becomes the next stage's */
	if (x->s->at_stage && x->c->stage != x->s->stage)
		return err_set(err, "%s moved to Stage %d since this form opened; nothing recorded",
		               x->ref, x->c->stage), BOOK_ESTALE;
	if ((rc = case_stale(t, x->ref, x->c, x->s->base_rev)) != 0)
		return rc;
	if ((wf = calloc(x->c->nevents + 1, sizeof *wf)) == NULL)
		return err_set(err, "out of memory");
	n = case_wf_events(x->c, wf, x->c->nevents);
	memset(&next, 0, sizeof next);
	next.type = (enum event_type)x->s->type;
	if (date_parse(x->s->date, &next.date, err) != 0) {
		free(wf);
		return BOOK_EUSAGE;
	}
	if (x->s->until != NULL && *x->s->until != '\0') {
		if (date_parse(x->s->until, &next.until, err) != 0) {
			free(wf);
			return err_prefix(err, "agreed date"), BOOK_EUSAGE;
		}
		next.has_until = true;
	}
	next.decision = (enum decision)x->s->decision;
	next.reason = (enum refusal)x->s->reason;
	next.ombudsman_told = x->s->ombudsman_told;
	if (next.type == EV_STAGE2_REQUESTED)
		next.overran = case_overran(x->b, x->c, wf, n, &next);
	rc = workflow_check((enum route)x->c->kind, wf, n, &next, case_today(x->b), err);
	/* and the timeline with it must be a possible history (one recorded
	 * before this rule was kept is corrected with `case correct`) */
	if (rc == 0 &&
	    workflow_history_check((enum route)x->c->kind, wf, n, NULL) == 0) {
		wf[n] = next;
		rc = workflow_history_check((enum route)x->c->kind, wf, n + 1, err);
	}
	if (rc == 0 && next.has_until)
		rc = case_check_extension(x->b, x->c, wf, n + 1, err);
	free(wf);
	if (rc != 0)
		return BOOK_EUSAGE;
	/* the old record is needed after the event is added: copy it */
	if ((oldcopy = malloc(oldlen)) == NULL)
		return err_set(err, "out of memory");
	memcpy(oldcopy, old, oldlen);
	x->c->rev++;
	rc = case_add_event(x->b, t, x->c, x->s, x->b->key_id);
	if (rc == 0)
		rc = case_write(x->b, t, x->c, oldcopy, oldlen, x->b->key_id);
	free(oldcopy);
	if (rc != 0)
		return rc;
	snprintf(fields, sizeof fields, "%s%s%s%s", event_name((enum event_type)x->s->type),
	         x->s->ext_reason ? ",reason" : "", x->s->finding ? ",finding" : "",
	         x->s->note && *x->s->note ? ",note" : "");
	return book_audit_append(x->b, t, "case.step", x->ref, fields);
}

int
book_step_codes_check(const struct book_step *s, struct err *err)
{
	bool ext = s->type == EV_STAGE1_EXTENDED || s->type == EV_STAGE2_EXTENDED;

	if (s->ext_reason != EXT_REASON_NONE &&
	    (!ext || s->ext_reason < 0 || s->ext_reason >= EXT_REASON_COUNT))
		return err_set(err, ext ? "not a reason for an extension"
		                        : "only an extension takes an extension's reason"),
		       BOOK_EUSAGE;
	if (s->finding != OMB_FINDING_NONE &&
	    (s->type != EV_OMBUDSMAN_OUTCOME || s->finding < 0 || s->finding >= OMB_FINDING_COUNT))
		return err_set(err, s->type == EV_OMBUDSMAN_OUTCOME ? "not a finding of the Ombudsman"
		               : "only the Ombudsman's decision takes a finding"), BOOK_EUSAGE;
	return 0;
}

int
book_case_step(struct book *b, const char *ref, const struct book_step *s, struct err *err)
{
	struct step_ctx x = { b, ref, s, NULL };
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	if (s->type <= EV_NONE || s->type >= EV_COUNT || s->type == EV_RECEIVED)
		return err_set(err, "not a step"), BOOK_EUSAGE;
	if (s->date == NULL)
		return err_set(err, "the step needs a date"), BOOK_EUSAGE;
	if ((rc = book_step_codes_check(s, err)) != 0)
		return rc;
	if (s->note && (rc = case_check_text("the note", s->note, BOOK_TEXT_MAX - 1, true, err)))
		return rc;
	if ((x.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = book_write(b, ROLE_CASEWORKER, true, case_step_txn, &x, err);
	book_case_free(x.c);
	if (rc != 0)
		return rc;
	book_audit_announce(b);
	return 0;
}

/* --- other changes: assign, points, findings, recommendations, parties ------- */

enum change_kind { CHANGE_ASSIGN, CHANGE_POINT, CHANGE_FINDING, CHANGE_REC, CHANGE_REC_DONE,
                   CHANGE_PARTY, CHANGE_ADVOCACY };

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
	struct book_case *c;
};

static int
case_change_apply(struct change_ctx *x, struct store_txn *t, char *fields, size_t fl)
{
	struct book_case *c = x->c;
	struct err *err = store_txn_err(t);
	size_t i;

	switch (x->kind) {
	case CHANGE_ASSIGN: {
		struct book_staff s = c->staff;
		const struct book_staff *in = x->staff;
		char *const dst[] = { s.owner, s.manager, s.investigator, s.independent, s.adjudicator,
		                      s.panel[0], s.panel[1], s.panel[2] };
		const char *const src[] = { in->owner, in->manager, in->investigator, in->independent,
		                            in->adjudicator, in->panel[0], in->panel[1], in->panel[2] };

		for (i = 0; i < 8; i++)
			if (src[i][0] != '\0')
				snprintf(dst[i], 64, "%s", strcmp(src[i], "-") == 0 ? "" : src[i]);
		if (in->chair >= 0)
			s.chair = in->chair == 3 ? -1 : in->chair;
		/* the Stage 2 independent person may not sit on the Stage 3 panel */
		for (i = 0; i < 3; i++)
			if (s.independent[0] != '\0' && strcmp(s.panel[i], s.independent) == 0)
				return err_set(err, "%s was the Stage 2 independent person and may not sit on "
				               "the review panel", s.independent), BOOK_EUSAGE;
		if ((s.panel[0][0] && (strcmp(s.panel[0], s.panel[1]) == 0 ||
		                       strcmp(s.panel[0], s.panel[2]) == 0)) ||
		    (s.panel[1][0] && strcmp(s.panel[1], s.panel[2]) == 0))
			return err_set(err, "the panel needs three different people"), BOOK_EUSAGE;
		if (s.chair >= 0 && s.panel[s.chair][0] == '\0')
			return err_set(err, "the chair must be one of the panel"), BOOK_EUSAGE;
		c->staff = s;
		snprintf(fields, fl, "people on the case");
		return 0;
	}
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
	case CHANGE_PARTY: {
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
	if ((x->c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = book_write(x->b, ROLE_CASEWORKER, true, case_change_txn, x, err);
	book_case_free(x->c);
	if (rc == 0)
		book_audit_announce(x->b);
	return rc;
}

int
book_case_assign(struct book *b, const char *ref, const struct book_staff *set, struct err *err)
{
	struct change_ctx x = { .b = b, .ref = ref, .kind = CHANGE_ASSIGN, .staff = set };
	const char *const logins[] = { set->owner, set->manager, set->investigator, set->independent,
	                               set->adjudicator, set->panel[0], set->panel[1], set->panel[2] };
	size_t i;
	int rc;

	for (i = 0; i < 8; i++)
		if (strcmp(logins[i], "-") != 0 && (rc = case_check_login("assign", logins[i], err)) != 0)
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
	if ((rc = case_check_text("the point", text, BOOK_TEXT_MAX - 1, true, err)) != 0)
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
	if ((rc = case_check_text("the recommendation", text, BOOK_TEXT_MAX - 1, true, err)) != 0 ||
	    (rc = case_check_login("--owner", owner, err)) != 0)
		return rc;
	if (owner == NULL || *owner == '\0')
		return err_set(err, "a recommendation needs an owner"), BOOK_EUSAGE;
	if (due == NULL || date_parse(due, &d, err) != 0)
		return due == NULL ? err_set(err, "a recommendation needs a due date") : -1,
		       BOOK_EUSAGE;
	if (stage < 1 || stage > 3)
		return err_set(err, "a recommendation belongs to Stage 1, 2 or 3"), BOOK_EUSAGE;
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
	if (d.day > case_today(b).day)
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
		if (d.day > case_today(b).day)
			return err_set(err, "--offered %s is in the future", a->offered), BOOK_EUSAGE;
	}
	if ((rc = case_check_text("--service", a->service, 63, false, err)) != 0)
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
	if ((p->name && (rc = case_check_text("the name", p->name, 255, false, err)) != 0) ||
	    (p->views && (rc = case_check_text("the views", p->views, BOOK_TEXT_MAX - 1, true, err))))
		return rc;
	if (p->role < 0 || p->role >= PARTY_ROLE_COUNT || p->kind < 0 || p->kind > 1)
		return err_set(err, "unknown role"), BOOK_EUSAGE;
	return case_change(&x, err);
}

/* --- the list ----------------------------------------------------------------- */

/* The summary of a case and whether it is open, from its deadlines: the
 * list reads these, not the case and its timeline. */
static int
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
	rec_free(&r);
	if (rc != 0)
		return -1;
	if (c->status == CASE_OPEN)
		return store_put(t, STORE_OPEN, key, 8, "", 0, false) != 0 ? -1 : 0;
	return store_del(t, STORE_OPEN, key, 8) < 0 ? -1 : 0;
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

static void case_field_str(char *out, size_t outlen, const uint8_t *p, size_t n);

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
		case ST_REF: case_field_str(l->ref, sizeof l->ref, p, n); break;
		case ST_RECEIVED: case_field_str(l->received, sizeof l->received, p, n); break;
		case ST_TEAM: case_field_str(l->team, sizeof l->team, p, n); break;
		case ST_OWNER: case_field_str(l->owner, sizeof l->owner, p, n); break;
		case ST_NEXT_KEY: case_field_str(l->next_key, sizeof l->next_key, p, n); break;
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

	(void)v;
	(void)vl;
	if (kl != 8 || store_get(x->t, STORE_SUMMARY, k, 8, &sv, &sn) != 0)
		return 0;
	return case_list_one(x, codec_get_be64(k), sv, sn);
}

static int
case_list_txn(struct store_txn *t, void *vctx)
{
	struct list_ctx *x = vctx;
	int rc;

	x->t = t;
	if (x->f->open || x->f->overdue)
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
	x.today = case_today(b);
	if (book_profile(b, &x.prof, &x.cal, err) != 0)
		return -1;
	return store_read(b->st, case_list_txn, &x, err);
}

/* Schema 2: summaries for the cases of an older book. */

int
book_cases_summarize(struct book *b, struct store_txn *t)
{
	struct book_ids r = { NULL, 0, 0 };
	struct deadline dl[PROFILE_RULES_MAX];
	struct wf_event *wf = NULL;
	struct clock_event *ce = NULL;
	struct book_case *c = NULL;
	struct wf_state st;
	size_t i, nwf, n;
	int rc = -1;

	if (b->profile == NULL)
		return err_set(store_txn_err(t), "migration needs the book's profile loaded");
	if (store_scan(t, STORE_CASES, NULL, 0, book_collect_ids, &r) < 0 ||
	    (c = book_case_new()) == NULL) {
		err_set(store_txn_err(t), "out of memory");
		goto out;
	}
	for (i = 0; i < r.n; i++) {
		if (case_read(b, t, r.ids[i], c) != 0)
			goto out;
		free(wf);
		free(ce);
		wf = calloc(c->nevents + 1, sizeof *wf);
		ce = calloc(2 * (c->nevents + 1), sizeof *ce);
		if (wf == NULL || ce == NULL) {
			err_set(store_txn_err(t), "out of memory");
			goto out;
		}
		nwf = case_wf_events(c, wf, c->nevents);
		workflow_state((enum route)c->kind, wf, nwf, &st);
		c->status = (int)st.status;
		c->stage = st.stage;
		nwf = workflow_clock_events(wf, nwf, ce, 2 * (c->nevents + 1));
		if (clock_compute(b->profile, b->cal, (enum route)c->kind, ce, nwf, case_today(b), dl,
		                  PROFILE_RULES_MAX, &n, store_txn_err(t)) != 0 ||
		    case_summary_put(t, c, dl, n) != 0)
			goto out;
	}
	rc = 0;
out:
	free(r.ids);
	book_case_free(c);
	free(wf);
	free(ce);
	return rc;
}

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

/* A string field as rec_find_str() copies it. */
static void
case_field_str(char *out, size_t outlen, const uint8_t *p, size_t n)
{
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

/* The summary's owner, team, kind, status, stage and child in one pass
 * over its fields (the first of each tag, as rec_find would): a month of
 * the calendar reads thousands. */
static void
case_summary_due(const void *sv, size_t sn, struct book_due *d)
{
	const uint8_t *p;
	size_t pos = 0, n;
	uint16_t tag;
	uint32_t seen = 0;

	d->owner[0] = d->team[0] = '\0';
	d->kind = d->status = d->stage = 0;
	d->child_person = 0;
	while (rec_next(sv, sn, &pos, &tag, &p, &n)) {
		if (tag >= 32 || (seen & (1u << tag)))
			continue;
		seen |= 1u << tag;
		switch (tag) {
		case ST_OWNER:
			case_field_str(d->owner, sizeof d->owner, p, n);
			break;
		case ST_TEAM:
			case_field_str(d->team, sizeof d->team, p, n);
			break;
		case ST_KIND:
			d->kind = n == 8 ? (int)codec_get_be64(p) : 0;
			break;
		case ST_STATUS:
			d->status = n == 8 ? (int)codec_get_be64(p) : 0;
			break;
		case ST_STAGE:
			d->stage = n == 8 ? (int)codec_get_be64(p) : 0;
			break;
		case ST_CHILD:
			d->child_person = n == 8 ? codec_get_be64(p) : 0;
			break;
		default:
			break;
		}
	}
}

/* The details kept in a deadline's index entry (case_due_put_details);
 * false for an entry written before they were. */
static bool
case_due_inline(const void *v, size_t vl, struct book_due *d)
{
	const uint8_t *p;
	size_t pos = 0, n;
	uint16_t tag;
	uint32_t seen = 0;

	while (rec_next(v, vl, &pos, &tag, &p, &n)) {
		if (tag >= 32 || (seen & (1u << tag)))
			continue;
		seen |= 1u << tag;
		switch (tag) {
		case 5: case_field_str(d->owner, sizeof d->owner, p, n); break;
		case 6: case_field_str(d->team, sizeof d->team, p, n); break;
		case 7: d->kind = n == 8 ? (int)codec_get_be64(p) : 0; break;
		case 8: d->status = n == 8 ? (int)codec_get_be64(p) : 0; break;
		case 9: d->stage = n == 8 ? (int)codec_get_be64(p) : 0; break;
		case 10: d->child_person = n == 8 ? codec_get_be64(p) : 0; break;
		default: break;
		}
	}
	return (seen & (1u << 7)) != 0;
}

/* An agenda line's case details from the case's summary (not its record
 * and timeline): owner, team, stage, the child. */
static void
case_due_details(struct range_ctx *x, struct book_due *d, const void *v, size_t vl)
{
	struct due_cached *c = NULL;
	const void *sv;
	size_t sn;
	uint8_t key[8];

	if (case_due_inline(v, vl, d))
		goto child;
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

static int
case_range_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct range_ctx *x = vctx;
	const uint8_t *key = k;
	struct book_due d;
	struct date day;
	int rc;

	if (kl != 15)
		return 0;
	day.day = (int32_t)((int64_t)codec_get_be32(key) - 0x80000000LL);
	if (day.day > x->to)
		return 1;
	if ((key[4] == 1 && !(x->flags & BOOK_DUE_TARGETS)) ||
	    (key[4] == 0 && (x->flags & BOOK_DUE_NO_DEADLINES)))
		return 0;
	memset(&d, 0, sizeof d);
	if (day.day != x->last_day) {
		x->last_day = day.day;
		x->last_days = workday_between(x->cal, x->today, day);
		date_format(day, x->last_date);
	}
	memcpy(d.date, x->last_date, sizeof x->last_date);
	d.day = day.day;
	d.target = key[4] == 1;
	d.case_id = codec_get_be64(key + 5);
	rec_find_str(v, vl, 1, d.key, sizeof d.key);
	rec_find_str(v, vl, 2, d.ref, sizeof d.ref);
	d.done = rec_find_u64(v, vl, 3, 0) != 0;
	d.council = rec_find_u64(v, vl, 4, PARTY_COUNCIL) == PARTY_COUNCIL;
	d.days = x->last_days;
	if (x->flags & BOOK_DUE_DETAILS)
		case_due_details(x, &d, v, vl);
	rc = x->each(&d, x->ctx);
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
	x.today = case_today(b);
	x.to = tt.day;
	x.last_day = INT32_MIN;
	/* plain fields only (no names): a cache is no more than a speed-up */
	x.cache = flags & BOOK_DUE_DETAILS ? calloc((size_t)1 << DUE_CACHE_BITS, sizeof *x.cache)
	                                   : NULL;
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
	snprintf(ad, sizeof ad, "event:%llu:%u:note", (unsigned long long)id, e->seq);
	if (case_seal(b, t, &r, ET_NOTE, NULL, 0, ad, e->note, new_id) != 0 || rec_done(&r) != 0) {
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

/* --- demo data ------------------------------------------------------------------- */

static const char *const demo_first[] = {
	"Amara", "Zoë", "Łukasz", "Siân", "Mei", "Oluwaseun", "Priya", "Callum", "Freya", "Yusuf",
	"Aoife", "Kacper", "Imani", "Rhys", "Hana", "Tomasz", "Leila", "Ewan", "Maja", "Kofi",
	"Isla", "Dev", "Niamh", "Arlo", "Ngozi", "Seren", "Bilal", "Ffion", "Jun", "Tobiasz",
};
static const char *const demo_last[] = {
	"Okafor", "Nowak", "Evans", "Hughes", "Patel", "Begum", "O'Neill", "Kowalski", "Ahmed",
	"Williams", "Zhang", "MacLeod", "Adeyemi", "Jones", "Khan", "Wiśniewska", "Murphy", "Singh",
	"Thomas", "Osei", "Price", "Novak", "Barker", "Mensah", "Lewandowski", "Griffiths",
};
static const char *const demo_teams[] = {
	"North CIN", "South CIN", "Looked After Children", "Leaving Care", "Disabled Children",
	"Fostering", "Child Protection", "Early Help", "MASH", "Adoption",
};
static const char *const demo_points[] = {
	"Visits were cancelled without notice.",
	"The assessment did not include the child's views.",
	"Letters were sent to the wrong address.",
	"The family was not told about the change of social worker.",
	"Contact arrangements were changed without discussion.",
	"Calls and e-mails were not returned.",
	"The child's placement plan was not shared.",
	"Financial support was delayed.",
};
static const char *const demo_redirects[] = {
	"Ofsted", "School", "Information compliance", "Child Protection Conference process",
	"Corporate complaints", "Another authority",
};

struct demo {
	struct book *b;
	struct store_txn *t;
	const struct calendar *cal;
	struct date today;
	unsigned seed;
	size_t todo, done;
	struct book_case *c;
};

static unsigned
demo_rand(struct demo *d, unsigned n)
{
	d->seed = d->seed * 1103515245u + 12345u;
	return (d->seed >> 8) % n;
}

/* Records a step dated wd working days after from, if the workflow allows
 * it and it is not in the future; *at becomes its date.  Returns whether it
 * was recorded. */
static bool
demo_step(struct demo *d, enum event_type ev, struct date *at, int wd, enum decision dec,
          enum refusal reason, const char *note)
{
	struct wf_event *wf, next;
	struct book_step s;
	int rc;
	struct date when;
	char date[DATE_STRLEN];
	struct err err;
	size_t n;

	if (workday_add(d->cal, *at, wd, &when, NULL) != 0 ||
	    (when.day > d->today.day && ev != EV_PANEL_DATE))
		return false;
	if ((wf = calloc(d->c->nevents + 1, sizeof *wf)) == NULL)
		return false;
	n = case_wf_events(d->c, wf, d->c->nevents);
	memset(&next, 0, sizeof next);
	next.type = ev;
	next.date = when;
	next.decision = dec;
	next.reason = reason;
	next.ombudsman_told = reason != REFUSAL_NONE;
	rc = workflow_check((enum route)d->c->kind, wf, n, &next, d->today, &err);
	free(wf);
	if (rc != 0)
		return false;
	memset(&s, 0, sizeof s);
	s.type = ev;
	s.date = date_format(when, date);
	s.decision = dec;
	s.reason = reason;
	s.ombudsman_told = next.ombudsman_told;
	s.note = note;
	if (case_add_event(d->b, d->t, d->c, &s, d->b->key_id) != 0)
		return false;
	*at = when;
	return true;
}

static int
demo_one(struct demo *d)
{
	struct book_case_new in;
	struct book_case *c = d->c;
	char child[96], comp[96], dob[DATE_STRLEN], recv[DATE_STRLEN];
	struct date at, r;
	unsigned roll = demo_rand(d, 100), i, np;
	int y, m, dd;

	memset(&in, 0, sizeof in);
	r = date_add_days(d->today, -(int32_t)demo_rand(d, 1095));
	in.received = date_format(r, recv);
	in.kind = roll < 62 ? ROUTE_COMPLAINT : roll < 70 ? ROUTE_COMMENT : roll < 80 ? ROUTE_COMPLIMENT
	        : roll < 86 ? ROUTE_CONCERN : roll < 90 ? ROUTE_REQUEST : roll < 93 ? ROUTE_ANONYMOUS
	        : ROUTE_REDIRECTED;
	in.channel = (int)demo_rand(d, CHANNEL_COUNT);
	in.team = demo_teams[demo_rand(d, sizeof demo_teams / sizeof *demo_teams)];
	in.service = "Children's social care";
	in.safeguarding = in.kind == ROUTE_COMPLAINT && roll == 61;
	date_to_ymd(r, &y, &m, &dd);
	snprintf(dob, sizeof dob, "%04d-%02d-%02d", y - 3 - (int)demo_rand(d, 14),
	         1 + (int)demo_rand(d, 12), 1 + (int)demo_rand(d, 28));
	if (in.kind != ROUTE_ANONYMOUS) {
		snprintf(child, sizeof child, "%s %s", demo_first[demo_rand(d, 30)],
		         demo_last[demo_rand(d, 26)]);
		in.child_name = child;
		in.child_dob = dob;
		snprintf(comp, sizeof comp, "%s %s", demo_first[demo_rand(d, 30)],
		         demo_last[demo_rand(d, 26)]);
		in.complainant_name = comp;
		in.complainant_role = demo_rand(d, 4) == 0 ? PARTY_CHILD : demo_rand(d, 3) == 0 ?
		                      PARTY_ADVOCATE : PARTY_PARENT;
	}
	if (in.kind == ROUTE_REDIRECTED)
		in.redirect_to = demo_redirects[demo_rand(d, 6)];
	if (in.kind == ROUTE_COMPLIMENT)
		in.thanked = "the allocated social worker and their team manager";
	in.summary = demo_points[demo_rand(d, 8)];
	if (case_create(d->b, d->t, &in, c) != 0)
		return -1;
	at = r;
	if (in.safeguarding)
		return case_commit_new(d->b, d->t, c);
	if (in.kind != ROUTE_COMPLAINT) {
		if (in.kind == ROUTE_REDIRECTED)
			demo_step(d, EV_REDIRECTED, &at, 1 + (int)demo_rand(d, 3), 0, 0, NULL);
		else if (in.kind != ROUTE_COMPLIMENT && in.kind != ROUTE_ANONYMOUS) {
			demo_step(d, EV_ACKNOWLEDGED, &at, 1 + (int)demo_rand(d, 3), 0, 0, NULL);
			if (!demo_step(d, EV_RESPONSE_SENT, &at, 8 + (int)demo_rand(d, 18), 0, 0, NULL))
				return case_commit_new(d->b, d->t, c);
		}
		demo_step(d, EV_CLOSED, &at, 3, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	np = 1 + demo_rand(d, 3);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, points); i++) {
		c->points[i].number = i + 1;
		snprintf(c->points[i].text, BOOK_TEXT_MAX, "%s", demo_points[demo_rand(d, 8)]);
		c->npoints++;
	}
	np = (unsigned)c->npoints;
	if (roll % 10 == 7) { /* declined at receipt */
		demo_step(d, EV_DECLINED, &at, 2, 0, (enum refusal)(1 + demo_rand(d, 4)), NULL);
		return case_commit_new(d->b, d->t, c);
	}
	demo_step(d, EV_ACKNOWLEDGED, &at, 1 + (int)demo_rand(d, 3), 0, 0, NULL);
	if (demo_rand(d, 20) == 0) {
		demo_step(d, EV_WITHDRAWN, &at, 3, 0, 0, "Resolved informally; the family withdrew.");
		return case_commit_new(d->b, d->t, c);
	}
	if (demo_rand(d, 5) == 0)
		demo_step(d, EV_STAGE1_EXTENDED, &at, 5, 0, 0, "Complex: staff on leave.");
	if (!demo_step(d, EV_STAGE1_RESPONSE_SENT, &at, 4 + (int)demo_rand(d, 20), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, findings); i++)
		c->findings[c->nfindings++] = (struct book_finding){ 1, i + 1, 1 + (int)demo_rand(d, 4) };
	if (demo_rand(d, 10) < 7) {
		demo_step(d, EV_CLOSED, &at, 25, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	if (!demo_step(d, EV_STAGE2_REQUESTED, &at, 3 + (int)demo_rand(d, 22), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	if (demo_rand(d, 10) == 0) {
		demo_step(d, EV_STAGE2_DECISION_SENT, &at, 5, DECISION_REFUSED, REFUSAL_LATE_REQUEST, NULL);
		demo_step(d, EV_CLOSED, &at, 3, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	demo_step(d, EV_STAGE2_DECISION_SENT, &at, 2 + (int)demo_rand(d, 8), DECISION_ACCEPTED, 0, NULL);
	snprintf(c->staff.investigator, 64, "io%u", demo_rand(d, 9));
	snprintf(c->staff.independent, 64, "ip%u", demo_rand(d, 9));
	snprintf(c->staff.adjudicator, 64, "director");
	demo_step(d, EV_STATEMENT_AGREED, &at, 3 + (int)demo_rand(d, 10), 0, 0, NULL);
	if (demo_rand(d, 4) == 0)
		demo_step(d, EV_STAGE2_EXTENDED, &at, 15, 0, 0, NULL);
	if (!demo_step(d, EV_STAGE2_RESPONSE_SENT, &at, 18 + (int)demo_rand(d, 50), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, findings); i++)
		c->findings[c->nfindings++] = (struct book_finding){ 2, i + 1, 1 + (int)demo_rand(d, 4) };
	if (BOOK_CASE_ROOM(c, recs)) {
		struct book_rec *rc = &c->recs[c->nrecs++];
		struct date due = date_add_days(at, 60);

		memset(rc, 0, sizeof *rc);
		rc->number = (unsigned)c->nrecs;
		rc->stage = 2;
		snprintf(rc->text, sizeof rc->text, "Review visit recording practice with the team.");
		snprintf(rc->owner, sizeof rc->owner, "manager%u", demo_rand(d, 5));
		date_format(due, rc->due);
		if (due.day < d->today.day && demo_rand(d, 3) != 0)
			date_format(date_add_days(due, -10), rc->done);
	}
	if (demo_rand(d, 10) < 6) {
		demo_step(d, EV_CLOSED, &at, 20, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	if (!demo_step(d, EV_STAGE3_REQUESTED, &at, 5 + (int)demo_rand(d, 18), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	demo_step(d, EV_STAGE3_DECISION_SENT, &at, 3 + (int)demo_rand(d, 7), DECISION_ACCEPTED, 0, NULL);
	snprintf(c->staff.panel[0], 64, "panel%u", demo_rand(d, 4));
	snprintf(c->staff.panel[1], 64, "panel%u", 4 + demo_rand(d, 4));
	snprintf(c->staff.panel[2], 64, "panel%u", 8 + demo_rand(d, 4));
	c->staff.chair = 0;
	{
		struct date panel = at;

		if (!demo_step(d, EV_PANEL_DATE, &panel, 18 + (int)demo_rand(d, 15), 0, 0, NULL))
			return case_commit_new(d->b, d->t, c);
		demo_step(d, EV_PANEL_NOTICE_SENT, &at, 5, 0, 0, NULL);
		at = panel;
		if (!demo_step(d, EV_PANEL_HELD, &at, 0, 0, 0, NULL))
			return case_commit_new(d->b, d->t, c);
	}
	if (!demo_step(d, EV_FINDINGS_SENT, &at, 2 + (int)demo_rand(d, 6), 0, 0, NULL) ||
	    !demo_step(d, EV_STAGE3_RESPONSE_SENT, &at, 8 + (int)demo_rand(d, 12), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, findings); i++)
		c->findings[c->nfindings++] = (struct book_finding){ 3, i + 1, 1 + (int)demo_rand(d, 4) };
	if (demo_rand(d, 3) == 0) {
		demo_step(d, EV_OMBUDSMAN_REFERRED, &at, 20 + (int)demo_rand(d, 40), 0, 0, NULL);
		demo_step(d, EV_OMBUDSMAN_OUTCOME, &at, 60 + (int)demo_rand(d, 60), 0, 0, NULL);
	}
	demo_step(d, EV_CLOSED, &at, 10, 0, 0, NULL);
	return case_commit_new(d->b, d->t, c);
}

static int
demo_txn(struct store_txn *t, void *vctx)
{
	struct demo *d = vctx;
	unsigned seed = d->seed;
	size_t i;
	char rec[64];

	d->t = t;
	for (i = 0; i < d->todo; i++)
		if (demo_one(d) != 0) {
			d->seed = seed; /* a redone transaction draws the same cases */
			return -1;
		}
	snprintf(rec, sizeof rec, "%zu synthetic cases", d->todo);
	return book_audit_append(d->b, t, "demo.fill", rec, "cases");
}

int
book_demo_fill(struct book *b, size_t n, unsigned seed, struct err *err)
{
	const struct profile *prof;
	struct demo d;
	int rc = 0;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	memset(&d, 0, sizeof d);
	d.b = b;
	d.seed = seed;
	d.today = case_today(b);
	if (book_profile(b, &prof, &d.cal, err) != 0)
		return -1;
	if ((d.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	while (d.done < n) {
		d.todo = n - d.done < 500 ? n - d.done : 500;
		if ((rc = book_write(b, ROLE_CASEWORKER, true, demo_txn, &d, err)) != 0)
			break;
		d.done += d.todo;
	}
	book_case_free(d.c);
	if (rc == 0)
		book_audit_announce(b);
	return rc;
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

	if (book_profile(b, &prof, &cal, err) != 0)
		return -1;
	wf = calloc(c->nevents + 1, sizeof *wf);
	ce = calloc(2 * (c->nevents + 1), sizeof *ce);
	if (wf != NULL && ce != NULL) {
		nwf = case_wf_events(c, wf, c->nevents);
		nwf = workflow_clock_events(wf, nwf, ce, 2 * (c->nevents + 1));
		rc = clock_compute(prof, cal, (enum route)c->kind, ce, nwf, case_today(b), out, max, n,
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

struct label_ctx {
	struct book *b;
	uint64_t person;
	const char *prefix;
	char *out;
	size_t n;
};

static int
case_label_txn(struct store_txn *t, void *vctx)
{
	struct label_ctx *c = vctx;

	book_person_label(c->b, t, c->person, c->prefix, c->out, c->n);
	return 0;
}

int
book_person_label_get(struct book *b, uint64_t person, const char *prefix, char *out, size_t n,
                      struct err *err)
{
	struct label_ctx c = { b, person, prefix, out, n };

	return store_read(b->st, case_label_txn, &c, err);
}

size_t
book_case_workflow(const struct book_case *c, struct wf_event *wf, size_t max)
{
	return case_wf_events(c, wf, max);
}

/* --- for retention.c ----------------------------------------------------------- */

int
book_case_read_txn(struct book *b, struct store_txn *t, uint64_t id, struct book_case *c)
{
	return case_read(b, t, id, c);
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

int
book_case_write_txn(struct book *b, struct store_txn *t, struct book_case *c, const void *old,
                    size_t oldlen)
{
	return case_write(b, t, c, old, oldlen, b->key_id);
}

/* --- hooks for import.c and export.c ------------------------------------------- */

int
book_case_create_txn(struct book *b, struct store_txn *t, const struct book_case_new *in,
                     struct book_case *c)
{
	return case_create(b, t, in, c);
}

int
book_case_event_txn(struct book *b, struct store_txn *t, struct book_case *c,
                    const struct book_step *s)
{
	return case_add_event(b, t, c, s, b->key_id);
}

int
book_case_commit_txn(struct book *b, struct store_txn *t, struct book_case *c)
{
	return case_commit_new(b, t, c);
}

int
book_case_read_parties_txn(struct book *b, struct store_txn *t, uint64_t id,
                           struct book_case *out)
{
	if (case_read(b, t, id, out) != 0)
		return -1;
	case_read_parties(b, t, out);
	return 0;
}

struct date
book_today(struct book *b)
{
	return case_today(b);
}

int
book_check_text(const char *what, const char *s, size_t max, bool multiline, struct err *err)
{
	return case_check_text(what, s, max, multiline, err);
}

int
book_check_login(const char *what, const char *s, struct err *err)
{
	return case_check_login(what, s, err);
}

/* --- letters ------------------------------------------------------------------------ */

struct letter_ctx {
	struct book *b;
	const char *ref, *template, *date, *note;
	struct book_case *c;
};

static int
case_letter_txn(struct store_txn *t, void *vctx)
{
	struct letter_ctx *x = vctx;
	struct err *err = store_txn_err(t);
	struct book_step s;
	struct date d, recv;
	const void *old;
	void *oldcopy;
	size_t oldlen;
	char d1[DATE_STRLEN];
	int rc;

	if ((rc = case_load_for_change(x->b, t, x->ref, 0, x->c, &old, &oldlen)) != 0)
		return rc;
	if (date_parse(x->date, &d, err) != 0)
		return err_prefix(err, "the letter's date"), BOOK_EUSAGE;
	if (date_parse(x->c->received, &recv, err) == 0 && d.day < recv.day)
		return err_set(err, "a letter dated %s is before %s was received (%s)", x->date,
		               x->ref, x->c->received), BOOK_EUSAGE;
	if (d.day > case_today(x->b).day)
		return err_set(err, "a letter dated %s is in the future (today is %s)", x->date,
		               date_format(case_today(x->b), d1)), BOOK_EUSAGE;
	if ((oldcopy = malloc(oldlen)) == NULL)
		return err_set(err, "out of memory");
	memcpy(oldcopy, old, oldlen);
	memset(&s, 0, sizeof s);
	s.type = EV_LETTER_SENT;
	s.date = x->date;
	s.note = x->note;
	x->c->rev++;
	/* a letter changes no state of the procedure: no workflow check, but the
	 * record is rewritten so that its revision tells others it changed */
	rc = case_add_event(x->b, t, x->c, &s, x->b->key_id);
	if (rc == 0)
		rc = case_write(x->b, t, x->c, oldcopy, oldlen, x->b->key_id);
	free(oldcopy);
	if (rc != 0)
		return rc;
	return book_audit_append(x->b, t, "case.letter", x->ref, x->template);
}

int
book_case_letter(struct book *b, const char *ref, const char *template, const char *date,
                 const char *note, struct err *err)
{
	struct letter_ctx x = { b, ref, template, date, note, NULL };
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	if (template == NULL || *template == '\0' || strlen(template) >= PROFILE_KEY_MAX ||
	    (rc = case_check_text("the template's name", template, PROFILE_KEY_MAX - 1, false,
	                          err)) != 0)
		return rc != 0 ? rc : (err_set(err, "which template?"), BOOK_EUSAGE);
	if (date == NULL)
		return err_set(err, "the letter needs a date"), BOOK_EUSAGE;
	if (note != NULL && (rc = case_check_text("the note", note, BOOK_TEXT_MAX - 1, true, err)))
		return rc;
	if ((x.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = book_write(b, ROLE_CASEWORKER, true, case_letter_txn, &x, err);
	book_case_free(x.c);
	if (rc != 0)
		return rc;
	book_audit_announce(b);
	return 0;
}

/* --- correct ------------------------------------------------------------------ */

struct correct_ctx {
	struct book *b;
	const char *ref, *date, *reason;
	unsigned seq, newseq;
	uint64_t base_rev;
	struct book_case *c;
};

/* Sets one number field of event seq, every other field as it was recorded
 * (a corrected event is marked, never rewritten). */
static int
case_event_set(struct store_txn *t, uint64_t id, unsigned seq, uint16_t field, uint64_t value)
{
	const void *v;
	const uint8_t *p;
	size_t n, pos = 0, fn;
	uint16_t tag;
	uint8_t key[12];
	struct rec r;
	int rc;

	codec_be64(id, key);
	codec_be32(seq, key + 8);
	if (store_get(t, STORE_EVENTS, key, 12, &v, &n) != 0)
		return -1;
	rec_begin(&r, REC_EVENT, 1);
	while (rec_next(v, n, &pos, &tag, &p, &fn))
		if (tag != field)
			rec_bytes(&r, tag, p, fn);
	rec_u64(&r, field, value);
	if (rec_done(&r) != 0) {
		rec_free(&r);
		return err_set(store_txn_err(t), "out of memory");
	}
	rc = store_put(t, STORE_EVENTS, key, 12, r.buf, r.len, false);
	rec_free(&r);
	return rc;
}

/* The corrected timeline, in date order, must be a possible history. */
static int
case_correct_check(struct book *b, const struct book_case *c, struct date today,
                   struct err *err)
{
	struct wf_event *wf;
	struct date received;
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	size_t i, n;
	int rc = 0;

	if ((wf = calloc(c->nevents + 1, sizeof *wf)) == NULL)
		return err_set(err, "out of memory");
	n = case_wf_events(c, wf, c->nevents);
	received.day = 0;
	for (i = 0; i < n; i++)
		if (wf[i].type == EV_RECEIVED)
			received = wf[i].date;
	for (i = 0; i < n && rc == 0; i++) {
		if (wf[i].type == EV_AWARE || wf[i].type == EV_RECEIVED)
			continue;
		if (wf[i].date.day < received.day)
			rc = err_set(err, "impossible history: %s (%s) before the complaint was received "
			             "(%s)", event_describe(wf[i].type), date_format(wf[i].date, d1),
			             date_format(received, d2));
		else if (wf[i].date.day > today.day && !event_planned(wf[i].type))
			rc = err_set(err, "impossible history: %s on %s is in the future (today is %s)",
			             event_describe(wf[i].type), date_format(wf[i].date, d1),
			             date_format(today, d2));
	}
	if (rc == 0)
		rc = workflow_history_check((enum route)c->kind, wf, n, err);
	/* each step after those before it, as when it was recorded */
	for (i = 0; i < n && rc == 0; i++) {
		if (wf[i].type == EV_RECEIVED || i == 0)
			continue;
		if (wf[i].type == EV_STAGE2_REQUESTED)
			wf[i].overran = case_overran(b, c, wf, i, &wf[i]);
		if (workflow_check((enum route)c->kind, wf, i, &wf[i], today, err) != 0)
			rc = err_prefix(err, "impossible history");
	}
	if (rc == 0) {
		/* and an extension agreed before the deadline it extends */
		struct clock_event *ce = calloc(n * 2 + 1, sizeof *ce);
		const struct profile *prof;
		const struct calendar *cal;

		if (ce == NULL)
			rc = err_set(err, "out of memory");
		else if ((rc = book_profile(b, &prof, &cal, err)) == 0)
			rc = clock_check_extensions(prof, cal, (enum route)c->kind, ce,
			                            workflow_clock_events(wf, n, ce, n * 2 + 1), today, err);
		free(ce);
	}
	free(wf);
	return rc;
}

static int
case_correct_txn(struct store_txn *t, void *vctx)
{
	struct correct_ctx *x = vctx;
	struct err *err = store_txn_err(t);
	struct book_event *old;
	struct book_step s;
	struct date d;
	const void *oldrec;
	void *oldcopy;
	size_t oldlen;
	char fields[64], today[DATE_STRLEN];
	int rc;

	if ((rc = case_load_for_change(x->b, t, x->ref, x->base_rev, x->c, &oldrec, &oldlen)) != 0)
		return rc;
	if (x->seq == 0 || x->seq > x->c->nevents)
		return err_set(err, "%s has no event #%u (its timeline runs #1 to #%zu)", x->ref,
		               x->seq, x->c->nevents), BOOK_EUSAGE;
	old = &x->c->events[x->seq - 1];
	if (old->type == EV_CORRECTION || old->corrects != 0)
		return err_set(err, "#%u is itself a correction: correct the event it corrects, #%u",
		               x->seq, old->corrects), BOOK_EUSAGE;
	if (old->voided_by != 0)
		return err_set(err, "#%u was corrected already, by #%u", x->seq, old->voided_by),
		       BOOK_EUSAGE;
	if (x->date == NULL && old->type == EV_RECEIVED)
		return err_set(err, "#%u is the case's receipt: it can be re-dated, not voided "
		               "(a contact recorded in error is closed)", x->seq), BOOK_EUSAGE;
	if (x->date != NULL) {
		if (date_parse(x->date, &d, err) != 0)
			return BOOK_EUSAGE;
		if (strcmp(x->date, old->date) == 0)
			return err_set(err, "#%u is dated %s already", x->seq, old->date), BOOK_EUSAGE;
	}
	if ((oldcopy = malloc(oldlen)) == NULL)
		return err_set(err, "out of memory");
	memcpy(oldcopy, oldrec, oldlen);
	/* the correction: the same event on its new date, or a void */
	memset(&s, 0, sizeof s);
	s.type = x->date != NULL ? old->type : EV_CORRECTION;
	s.date = x->date != NULL ? x->date : date_format(case_today(x->b), today);
	if (x->date != NULL) {
		s.until = old->until;
		s.decision = old->decision;
		s.reason = old->reason;
		s.ombudsman_told = old->ombudsman_told;
		s.ext_reason = old->ext_reason;
		s.finding = old->finding;
	}
	s.note = x->reason;
	x->c->rev++;
	rc = case_add_event(x->b, t, x->c, &s, x->b->key_id);
	if (rc == 0) {
		/* the timeline may have moved as it grew */
		old = &x->c->events[x->seq - 1];
		x->newseq = (unsigned)x->c->nevents;
		x->c->events[x->newseq - 1].corrects = x->seq;
		old->voided_by = x->newseq;
		rc = case_event_set(t, x->c->id, x->seq, ET_VOIDED_BY, x->newseq);
	}
	if (rc == 0)
		rc = case_event_set(t, x->c->id, x->newseq, ET_CORRECTS, x->seq);
	if (rc == 0 && old->type == EV_RECEIVED)
		snprintf(x->c->received, sizeof x->c->received, "%s", x->date);
	if (rc == 0 && (rc = case_correct_check(x->b, x->c, case_today(x->b), err)) != 0)
		rc = BOOK_EUSAGE;
	if (rc == 0)
		rc = case_write(x->b, t, x->c, oldcopy, oldlen, x->b->key_id);
	free(oldcopy);
	if (rc != 0)
		return rc;
	snprintf(fields, sizeof fields, "correction #%u of #%u,%s,reason", x->newseq, x->seq,
	         x->date != NULL ? "date" : "void");
	return book_audit_append(x->b, t, "case.correct", x->ref, fields);
}

int
book_case_correct(struct book *b, const char *ref, unsigned seq, const char *date,
                  const char *reason, uint64_t base_rev, unsigned *newseq, struct err *err)
{
	struct correct_ctx x = { b, ref, date, reason, seq, 0, base_rev, NULL };
	int rc;

	if ((rc = book_require(b, ROLE_MANAGER, true, err)) != 0)
		return rc;
	if (reason == NULL || *reason == '\0')
		return err_set(err, "a correction needs its reason"), BOOK_EUSAGE;
	if ((rc = case_check_text("the reason", reason, BOOK_TEXT_MAX - 1, true, err)) != 0)
		return rc;
	if ((x.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = book_write(b, ROLE_MANAGER, true, case_correct_txn, &x, err);
	book_case_free(x.c);
	if (rc != 0)
		return rc;
	if (newseq != NULL)
		*newseq = x.newseq;
	book_audit_announce(b);
	return 0;
}
