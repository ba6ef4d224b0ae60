/* versions.c - the book's profile and holiday calendar over the years: the
 * versions stored in the book, loaded as cases need them, and a new
 * calendar version made with every open case recomputed in the same
 * transaction (book-versions.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/book-versions.h"
#include "redress/clock.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/share.h"
#include "redress/workflow.h"

/* What a transaction that only shows what it would do returns. */
#define VERS_DRY 1

struct book_vers {
	unsigned pv, cv;
	struct profile *prof;
	struct calendar *cal;
	struct book_vers *next;
};

/* --- loading ------------------------------------------------------------------ */

/* The text of file key ("calendar/NAME/0000000V") in t. */
static int
vers_file(struct store_txn *t, const char *key, char **text, size_t *len)
{
	const uint8_t *p;
	const void *v;
	size_t n, fn;

	if (store_get(t, STORE_FILES, key, strlen(key), &v, &n) != 0 || !rec_find(v, n, 1, &p, &fn))
		return err_set(store_txn_err(t), "the book has no %s", key);
	if ((*text = malloc(fn + 1)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	memcpy(*text, p, fn);
	(*text)[fn] = '\0';
	*len = fn;
	return 0;
}

static struct book_vers *
vers_find(struct book *b, unsigned pv, unsigned cv)
{
	struct book_vers *e;

	for (e = b->vers; e != NULL; e = e->next)
		if (e->pv == pv && e->cv == cv)
			return e;
	return NULL;
}

static void
vers_entry_free(struct book_vers *e)
{
	if (e->cal != NULL)
		calendar_free(e->cal);
	free(e->cal);
	free(e->prof);
	free(e);
}

/* Drops every loaded entry with profile version pv or calendar version
 * cv (0: none): a version made in a transaction that did not commit, or
 * was only a preview (never the one the handle counts under now). */
static void
vers_forget(struct book *b, unsigned pv, unsigned cv)
{
	struct book_vers **pp = &b->vers, *e;

	while ((e = *pp) != NULL)
		if (((pv != 0 && e->pv == pv) || (cv != 0 && e->cv == cv)) && e->cal != b->cal) {
			*pp = e->next;
			vers_entry_free(e);
		} else {
			pp = &e->next;
		}
}

/* Profile version pv (the whole chain of inherited profiles, as stored) of
 * the book, read in t. */
/* The chain's top is read into out itself, the profiles it inherits into
 * chain[1...]: the result is merged into out with no copy of it. */
#define VERS_LEVEL(i) ((i) == 0 ? out : &chain[i])

static int
vers_profile_txn(struct store_txn *t, unsigned pv, struct profile *out)
{
	struct err *err = store_txn_err(t);
	struct profile *chain;
	char name[PROFILE_KEY_MAX], key[160], *text;
	size_t depth = 0, i, len;
	int rc = -1;

	if ((chain = calloc(PROFILE_DEPTH_MAX, sizeof *chain)) == NULL)
		return err_set(err, "out of memory");
	/* the top of version pv's chain: recorded when a version changed it */
	snprintf(key, sizeof key, "%s/%08u", META_PROFILE_NAME, pv);
	if (book_meta_str(t, key, name, sizeof name) != 0 || name[0] == '\0')
		book_meta_str(t, META_AUTHORITY, name, sizeof name);
	while (name[0] != '\0' && depth < PROFILE_DEPTH_MAX) {
		snprintf(key, sizeof key, "profile/%s/%08u", name, pv);
		if (vers_file(t, key, &text, &len) != 0)
			goto out;
		rc = profile_parse(VERS_LEVEL(depth), text, len, key, err);
		free(text);
		if (rc != 0)
			goto out;
		rc = -1;
		snprintf(name, sizeof name, "%s", VERS_LEVEL(depth)->inherits);
		depth++;
	}
	if (depth == 0 || profile_check(VERS_LEVEL(depth - 1), err) != 0)
		goto out;
	for (i = depth - 1; i > 0; i--)
		if (profile_inherit(VERS_LEVEL(i - 1), VERS_LEVEL(i), err) != 0)
			goto out;
	rc = 0;
out:
	free(chain);
	return rc;
}

#undef VERS_LEVEL

/* Calendar version cv of the book, read in t. */
static int
vers_calendar_txn(struct store_txn *t, unsigned cv, struct calendar *out)
{
	char name[64], key[160], *text;
	size_t len;
	int rc;

	book_meta_str(t, META_CALENDAR, name, sizeof name);
	snprintf(key, sizeof key, "calendar/%s/%08u", name, cv);
	if (vers_file(t, key, &text, &len) != 0)
		return -1;
	rc = calendar_parse(out, text, len, key, store_txn_err(t));
	free(text);
	return rc;
}

/* Profile pv with calendar cv, loaded once per book handle. */
static int
vers_get_txn(struct book *b, struct store_txn *t, unsigned pv, unsigned cv,
             struct book_vers **out)
{
	struct book_vers *e, *same;

	if ((*out = vers_find(b, pv, cv)) != NULL)
		return 0;
	/* the profile is not zeroed: what is loaded into it is whole (profile_assign) */
	if ((e = calloc(1, sizeof *e)) == NULL || (e->prof = malloc(sizeof *e->prof)) == NULL ||
	    (e->cal = calloc(1, sizeof *e->cal)) == NULL) {
		if (e != NULL)
			free(e->prof);
		free(e);
		return err_set(store_txn_err(t), "out of memory");
	}
	e->pv = pv;
	e->cv = cv;
	/* a profile already loaded with another calendar is the same profile */
	for (same = b->vers; same != NULL && same->pv != pv; same = same->next)
		;
	if (same != NULL)
		profile_assign(e->prof, same->prof);
	else if (vers_profile_txn(t, pv, e->prof) != 0)
		goto fail;
	if (vers_calendar_txn(t, cv, e->cal) != 0)
		goto fail;
	e->next = b->vers;
	b->vers = e;
	*out = e;
	return 0;
fail:
	free(e->cal);
	e->cal = NULL;
	vers_entry_free(e);
	return -1;
}

int
book_versions_get(struct book *b, struct store_txn *t, unsigned pv, unsigned cv,
                  const struct profile **pp, const struct calendar **cp)
{
	struct book_vers *e;

	if (vers_get_txn(b, t, pv, cv, &e) != 0)
		return -1;
	*pp = e->prof;
	*cp = e->cal;
	return 0;
}

int
book_versions_current_txn(struct book *b, struct store_txn *t, unsigned *pv, unsigned *cv)
{
	(void)b;
	if (pv != NULL)
		*pv = (unsigned)book_meta_u64(t, META_PROFILE_VERSION, 1);
	if (cv != NULL)
		*cv = (unsigned)book_meta_u64(t, META_CALENDAR_VERSION, 1);
	return 0;
}

static int
vers_current_txn(struct store_txn *t, void *vb)
{
	struct book *b = vb;
	struct book_vers *e;
	unsigned pv, cv;

	book_versions_current_txn(b, t, &pv, &cv);
	if (vers_get_txn(b, t, pv, cv, &e) != 0)
		return -1;
	b->profile = e->prof;
	b->cal = e->cal;
	b->pv = pv;
	b->cv = cv;
	return 0;
}

int
book_profile(struct book *b, const struct profile **pp, const struct calendar **cp,
             struct err *err)
{
	if (b->profile == NULL && store_read(b->st, vers_current_txn, b, err) != 0)
		return -1;
	*pp = b->profile;
	*cp = b->cal;
	return 0;
}

struct vers_pick {
	struct book *b;
	unsigned pv, cv;
	struct book_vers *e;
};

static int
vers_pick_txn(struct store_txn *t, void *vx)
{
	struct vers_pick *x = vx;

	return vers_get_txn(x->b, t, x->pv, x->cv, &x->e);
}

int
book_case_profile(struct book *b, struct store_txn *t, const struct book_case *c,
                  const struct profile **pp, const struct calendar **cp, struct err *err)
{
	struct vers_pick x = { b, 0, 0, NULL };

	if (b->profile == NULL &&
	    (t != NULL ? vers_current_txn(t, b) : store_read(b->st, vers_current_txn, b, err)) != 0)
		return -1;
	x.pv = c->profver != 0 ? c->profver : b->pv;
	x.cv = c->calver != 0 ? c->calver : b->cv;
	if ((x.e = vers_find(b, x.pv, x.cv)) == NULL &&
	    (t != NULL ? vers_pick_txn(t, &x) : store_read(b->st, vers_pick_txn, &x, err)) != 0)
		return -1;
	*pp = x.e->prof;
	*cp = x.e->cal;
	return 0;
}

void
book_versions_free(struct book *b)
{
	struct book_vers *e;

	while ((e = b->vers) != NULL) {
		b->vers = e->next;
		vers_entry_free(e);
	}
	b->profile = NULL;
	b->cal = NULL;
}

int
book_calendar(struct book *b, const struct calendar **cal, unsigned *version, struct err *err)
{
	const struct profile *prof;

	if (book_profile(b, &prof, cal, err) != 0)
		return -1;
	*version = b->cv;
	return 0;
}

int
book_case_rules(struct book *b, const struct book_case *c, const struct profile **pp,
                const struct calendar **cp, struct err *err)
{
	return book_case_profile(b, NULL, c, pp, cp, err);
}

const char *
book_was_note(const struct book_case *c, const char *rule, bool target, char *out, size_t n)
{
	size_t i = c->nwas;

	out[0] = '\0';
	while (i-- > 0)
		if (c->was[i].target == target && strcmp(c->was[i].rule, rule) == 0) {
			snprintf(out, n, " (was %s before %s %u)", c->was[i].date,
			         c->was[i].what == 'p' ? "profile" : "calendar", c->was[i].version);
			break;
		}
	return out;
}

const char *
book_case_versions(const struct book_case *c, char *out, size_t n)
{
	snprintf(out, n, "profile %u, calendar %u", c->profver ? c->profver : 1,
	         c->calver ? c->calver : 1);
	return out;
}

/* --- the dates a version moved -------------------------------------------------- */

size_t
book_was_put(const struct book_was *w, uint8_t out[BOOK_WAS_REC_MAX])
{
	size_t n = strnlen(w->rule, sizeof w->rule - 1);

	out[0] = (uint8_t)w->what;
	codec_be32(w->version, out + 1);
	out[5] = w->target ? 1 : 0;
	memcpy(out + 6, w->date, 10);
	memcpy(out + 16, w->rule, n);
	return 16 + n;
}

bool
book_was_get(const uint8_t *p, size_t n, struct book_was *w)
{
	if (n < 16 || n > BOOK_WAS_REC_MAX)
		return false;
	memset(w, 0, sizeof *w);
	w->what = (char)p[0];
	w->version = codec_get_be32(p + 1);
	w->target = p[5] != 0;
	memcpy(w->date, p + 6, 10);
	memcpy(w->rule, p + 16, n - 16);
	return true;
}

/* --- listing --------------------------------------------------------------------- */

struct list_ctx {
	struct book_version *out;
	size_t max, n;
	char prefix[96];
	char what;
	const char *name;
};

static int
vers_list_each(const void *k, size_t kl, const void *v, size_t vl, void *vx)
{
	struct list_ctx *x = vx;
	size_t pl = strlen(x->prefix);
	struct book_version *o;
	const uint8_t *p;
	size_t fn;
	char num[16];

	if (kl < pl || memcmp(k, x->prefix, pl) != 0)
		return 1;
	if (x->n < x->max) {
		o = &x->out[x->n];
		memset(o, 0, sizeof *o);
		o->what = x->what;
		snprintf(o->name, sizeof o->name, "%s", x->name);
		snprintf(num, sizeof num, "%.*s", (int)(kl - pl < 15 ? kl - pl : 15),
		         (const char *)k + pl);
		o->version = (unsigned)strtoul(num, NULL, 10);
		if (rec_find(v, vl, 2, &p, &fn) && fn == 8)
			o->at = codec_get_be64(p);
		if (rec_find(v, vl, 3, &p, &fn))
			snprintf(o->by, sizeof o->by, "%.*s", (int)(fn < 63 ? fn : 63), (const char *)p);
		if (rec_find(v, vl, 4, &p, &fn))
			snprintf(o->note, sizeof o->note, "%.*s", (int)(fn < 159 ? fn : 159),
			         (const char *)p);
	}
	x->n++;
	return 0;
}

struct versions_ctx {
	struct book_version *out;
	size_t max, n;
};

static int
vers_list_txn(struct store_txn *t, void *vx)
{
	struct versions_ctx *vc = vx;
	char cal[64], auth[64], name[64];
	struct list_ctx x;
	unsigned pv, v;
	int i;

	book_meta_str(t, META_CALENDAR, cal, sizeof cal);
	book_meta_str(t, META_AUTHORITY, auth, sizeof auth);
	for (i = 0; i < 1; i++) {
		memset(&x, 0, sizeof x);
		x.out = vc->out + (vc->n < vc->max ? vc->n : vc->max);
		x.max = vc->n < vc->max ? vc->max - vc->n : 0;
		x.what = 'c';
		x.name = cal;
		snprintf(x.prefix, sizeof x.prefix, "calendar/%s/", x.name);
		if (store_scan(t, STORE_FILES, x.prefix, strlen(x.prefix), vers_list_each, &x) < 0)
			return -1;
		vc->n += x.n;
	}
	/* profiles: each version's top of the chain, whatever its name */
	pv = (unsigned)book_meta_u64(t, META_PROFILE_VERSION, 1);
	for (v = 1; v <= pv; v++) {
		const void *val;
		size_t vl;
		char key[160];

		snprintf(key, sizeof key, "%s/%08u", META_PROFILE_NAME, v);
		if (book_meta_str(t, key, name, sizeof name) != 0 || name[0] == '\0')
			snprintf(name, sizeof name, "%s", auth);
		snprintf(key, sizeof key, "profile/%s/%08u", name, v);
		memset(&x, 0, sizeof x);
		x.out = vc->out + (vc->n < vc->max ? vc->n : vc->max);
		x.max = vc->n < vc->max ? vc->max - vc->n : 0;
		x.what = 'p';
		x.name = name;
		snprintf(x.prefix, sizeof x.prefix, "profile/%s/", name);
		if (store_get(t, STORE_FILES, key, strlen(key), &val, &vl) == 0)
			vers_list_each(key, strlen(key), val, vl, &x);
		vc->n += x.n;
	}
	return 0;
}

int
book_versions(struct book *b, struct book_version *out, size_t max, size_t *n, struct err *err)
{
	struct versions_ctx x = { out, max, 0 };

	if (store_read(b->st, vers_list_txn, &x, err) != 0)
		return -1;
	*n = x.n;
	return 0;
}

/* --- recomputing open cases ------------------------------------------------------ */

struct change_ctx {
	struct book *b;
	const struct calendar *cal;
	unsigned base;
	const char *action, *what;
	struct book_recompute *out;
	struct book_vers *made;      /* the new version, loaded; dropped on failure */
	bool dry;                    /* what it would do, then undone */
	char *text;
	size_t len;
};

static int
vers_moved_add(struct book_recompute *out, const char *ref, const char *rule, bool target,
               struct date was, struct date now)
{
	struct book_moved *m = realloc(out->moved, (out->nmoved + 1) * sizeof *m);

	if (m == NULL)
		return -1;
	out->moved = m;
	m = &m[out->nmoved++];
	memset(m, 0, sizeof *m);
	snprintf(m->ref, sizeof m->ref, "%s", ref);
	snprintf(m->rule, sizeof m->rule, "%s", rule);
	m->target = target;
	date_format(was, m->was);
	date_format(now, m->now);
	return 0;
}

/* Keeps on c the date a version moved (the oldest going when full). */
static void
vers_was_keep(struct book_case *c, const char *rule, bool target, struct date was, char what,
              unsigned version)
{
	struct book_was *w;

	if (c->nwas == BOOK_WAS_MAX) {
		memmove(&c->was[0], &c->was[1], (BOOK_WAS_MAX - 1) * sizeof c->was[0]);
		c->nwas--;
	}
	w = &c->was[c->nwas++];
	memset(w, 0, sizeof *w);
	snprintf(w->rule, sizeof w->rule, "%s", rule);
	w->target = target;
	date_format(was, w->date);
	w->what = what;
	w->version = version;
}

/* Open case id moved to profile pv and calendar cv (0: the case's own);
 * its moved dates kept and audited.  c and before (2 * PROFILE_RULES_MAX
 * deadlines) are the caller's room, used again for every case: a case's
 * guarded memory made and unmade each time was most of a recompute's time. */
static int
vers_recompute_case(struct book *b, struct store_txn *t, uint64_t id, unsigned pv, unsigned cv,
                    char what, unsigned version, bool dry, struct book_case *c,
                    struct deadline *before, struct book_recompute *out)
{
	struct err *err = store_txn_err(t);
	struct deadline *after = before + PROFILE_RULES_MAX;
	const struct profile *prof;
	const struct calendar *cal;
	const void *stored;
	void *old = NULL;
	size_t oldlen, nb = 0, na = 0, i, j, moved = 0;
	char ref[BOOK_REF_MAX], fields[160];
	int rc = -1;

	/* types and dates only: the notes left sealed (case_read_notes), as a
	 * step does; opening each note was most of a recompute's time */
	if (case_read_notes(b, t, id, c, false) != 0)
		goto out;
	if (pv == 0)
		pv = c->profver;
	if (cv == 0)
		cv = c->calver;
	if (c->status != CASE_OPEN || c->erased[0] != '\0' || (c->profver == pv && c->calver == cv)) {
		rc = 0;
		goto out;
	}
	snprintf(ref, sizeof ref, "%s", c->ref);
	if (case_load_notes(b, t, ref, 0, c, &stored, &oldlen, false) != 0)
		goto out;
	if ((old = malloc(oldlen)) == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	memcpy(old, stored, oldlen);
	if (book_case_profile(b, t, c, &prof, &cal, err) != 0 ||
	    book_case_deadlines(b, c, before, PROFILE_RULES_MAX, &nb, err) != 0)
		goto out;
	c->profver = pv;
	c->calver = cv;
	if (book_case_profile(b, t, c, &prof, &cal, err) != 0 ||
	    book_case_deadlines(b, c, after, PROFILE_RULES_MAX, &na, err) != 0)
		goto out;
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++) {
			if (strcmp(after[i].rule->key, before[j].rule->key) != 0)
				continue;
			if (after[i].due.day != before[j].due.day) {
				vers_was_keep(c, after[i].rule->key, false, before[j].due, what, version);
				if (vers_moved_add(out, ref, after[i].rule->key, false, before[j].due,
				                   after[i].due) != 0)
					goto oom;
				moved++;
			}
			if (after[i].target.day != before[j].target.day &&
			    after[i].target.day != after[i].due.day) {
				vers_was_keep(c, after[i].rule->key, true, before[j].target, what, version);
				if (vers_moved_add(out, ref, after[i].rule->key, true, before[j].target,
				                   after[i].target) != 0)
					goto oom;
				moved++;
			}
		}
	c->rev++;
	if (case_write(b, t, c, old, oldlen, b->key_id) != 0)
		goto out;
	out->cases++;
	if (moved > 0 && !dry) {
		struct book_moved *m = &out->moved[out->nmoved - moved];

		snprintf(fields, sizeof fields, "%s %u: %s%s %s -> %s%s", what == 'c' ? "calendar"
		         : "profile", version, m->rule, m->target ? " target" : "", m->was, m->now,
		         moved > 1 ? " and more" : "");
		if (book_audit_append(b, t, "case.recompute", ref, fields) != 0)
			goto out;
	}
	rc = 0;
	goto out;
oom:
	err_set(err, "out of memory");
out:
	free(old);
	return rc;
}

static int
vers_recompute_all(struct book *b, struct store_txn *t, unsigned pv, unsigned cv, char what,
                   unsigned version, bool dry, struct book_recompute *out)
{
	struct book_ids ids = { NULL, 0, 0 };
	struct deadline *before = calloc(2 * PROFILE_RULES_MAX, sizeof *before);
	struct book_case *c = book_case_new();
	size_t i;
	int rc = 0;

	if (before == NULL || c == NULL || store_scan(t, STORE_OPEN, NULL, 0, book_collect_ids,
	                                              &ids) < 0)
		rc = err_set(store_txn_err(t), "out of memory");
	for (i = 0; rc == 0 && i < ids.n; i++)
		rc = vers_recompute_case(b, t, ids.ids[i], pv, cv, what, version, dry, c, before, out);
	free(ids.ids);
	free(before);
	book_case_free(c);
	return rc;
}

/* After the write of a new version (rc): the book's current one now; or,
 * when it failed or was a preview (dry: VERS_DRY), the versions loaded in it
 * forgotten (never committed), and with a preview what it would do kept. */
static int
vers_made(struct book *b, int rc, bool dry, struct book_vers *made, unsigned pv, unsigned cv,
          struct book_recompute *out)
{
	if (rc != 0) {
		vers_forget(b, pv, cv);
		if (dry && rc == VERS_DRY)
			return 0;
		free(out->moved);
		memset(out, 0, sizeof *out);
		return rc == VERS_DRY ? -1 : rc;
	}
	b->profile = made->prof;
	b->cal = made->cal;
	b->pv = made->pv;
	b->cv = made->cv;
	book_audit_announce(b);
	return 0;
}

static int
vers_calendar_change_txn(struct store_txn *t, void *vx)
{
	struct change_ctx *x = vx;
	struct book *b = x->b;
	char name[64], record[96];
	unsigned pv, cv;

	book_versions_current_txn(b, t, &pv, &cv);
	if (cv != x->base)
		return err_set(store_txn_err(t), "the book's calendar changed meanwhile (now version %u): "
		               "nothing was changed; try again", cv), BOOK_ESTALE;
	/* (a retried transaction made the version before) */
	vers_forget(b, 0, cv + 1);
	book_meta_str(t, META_CALENDAR, name, sizeof name);
	if (book_file_put(t, "calendar", name, cv + 1, x->text, x->len, x->what, b) != 0 ||
	    book_meta_put_u64(t, META_CALENDAR_VERSION, cv + 1) != 0 ||
	    vers_get_txn(b, t, pv, cv + 1, &x->made) != 0)
		return -1;
	x->out->version = cv + 1;
	/* each open case keeps the profile it is counted under */
	if (vers_recompute_all(b, t, 0, cv + 1, 'c', cv + 1, x->dry, x->out) != 0)
		return -1;
	if (x->dry)
		return VERS_DRY; /* all undone: only what it would do is kept */
	snprintf(record, sizeof record, "calendar %u", cv + 1);
	return book_audit_append(b, t, x->action, record, x->what);
}

static int
vers_calendar_change(struct book *b, const struct calendar *cal, unsigned base,
                     const char *action, const char *what, bool dry,
                     struct book_recompute *out, struct err *err)
{
	struct change_ctx x;
	struct calendar check;
	char comment[256];
	int rc;

	memset(out, 0, sizeof *out);
	memset(&x, 0, sizeof x);
	if ((rc = book_require(b, ROLE_ADMIN, true, err)) != 0)
		return rc;
	x.b = b;
	x.cal = cal;
	x.base = base;
	x.action = action;
	x.what = what;
	x.out = out;
	x.dry = dry;
	snprintf(comment, sizeof comment, "The book's calendar after version %u: %s.", base, what);
	if ((x.text = calendar_text(cal, comment, &x.len)) == NULL)
		return err_set(err, "out of memory");
	/* what is stored must read back */
	if (calendar_parse(&check, x.text, x.len, "the new calendar", err) != 0) {
		free(x.text);
		return -1;
	}
	calendar_free(&check);
	rc = book_write(b, ROLE_ADMIN, true, vers_calendar_change_txn, &x, err);
	free(x.text);
	return vers_made(b, rc, dry, x.made, 0, base + 1, out);
}

int
book_calendar_change(struct book *b, const struct calendar *cal, unsigned base,
                     const char *action, const char *what, struct book_recompute *out,
                     struct err *err)
{
	return vers_calendar_change(b, cal, base, action, what, false, out, err);
}

int
book_calendar_preview(struct book *b, const struct calendar *cal, unsigned base,
                      const char *action, const char *what, struct book_recompute *out,
                      struct err *err)
{
	return vers_calendar_change(b, cal, base, action, what, true, out, err);
}

int
book_calendar_copy(struct book *b, struct calendar *copy, unsigned *version, struct err *err)
{
	const struct calendar *cal;
	char *text;
	size_t len;
	int rc;

	if (book_calendar(b, &cal, version, err) != 0)
		return -1;
	if ((text = calendar_text(cal, "copy", &len)) == NULL)
		return err_set(err, "out of memory");
	rc = calendar_parse(copy, text, len, "the book's calendar", err);
	free(text);
	return rc;
}

static int
vers_holiday(struct book *b, const char *date, const char *name, bool dry,
             struct book_recompute *out, struct err *err)
{
	struct calendar copy;
	struct holiday h;
	struct date d;
	char what[160], buf[DATE_STRLEN];
	unsigned base;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = book_require(b, ROLE_ADMIN, true, err)) != 0)
		return rc;
	if (date_parse(date, &d, err) != 0)
		return BOOK_EUSAGE;
	date_format(d, buf);
	if (book_calendar_copy(b, &copy, &base, err) != 0)
		return -1;
	if (name != NULL) {
		if (date_weekday(d) == WEEKDAY_SATURDAY || date_weekday(d) == WEEKDAY_SUNDAY)
			rc = (err_set(err, "%s is a %s: a holiday at the weekend changes no working day "
			              "(list its substitute day instead)", buf,
			              date_weekday_name(date_weekday(d))), BOOK_EUSAGE);
		else if (calendar_holiday(&copy, d, &h))
			rc = (err_set(err, "%s is already a holiday in the book's calendar (%s)", buf,
			              h.name), BOOK_EUSAGE);
		else if (book_check_text("the holiday's name", name, HOLIDAY_NAME_MAX - 1, false,
		                         err) != 0)
			rc = BOOK_EUSAGE;
		else if (calendar_list_add(&copy, d, name, err) != 0)
			rc = BOOK_EUSAGE;
		snprintf(what, sizeof what, "%s added: %s", buf, name);
	} else {
		if (!calendar_list_remove(&copy, d))
			rc = (err_set(err, calendar_holiday(&copy, d, &h)
			              ? "%s is not listed in the book's calendar: it is projected by rule "
			                "and cannot be taken off alone"
			              : "%s is not a holiday in the book's calendar", buf), BOOK_EUSAGE);
		snprintf(what, sizeof what, "%s removed", buf);
	}
	if (rc == 0)
		rc = vers_calendar_change(b, &copy, base, name != NULL ? "calendar.add" :
		                          "calendar.remove", what, dry, out, err);
	calendar_free(&copy);
	return rc;
}

int
book_holiday_change(struct book *b, const char *date, const char *name,
                    struct book_recompute *out, struct err *err)
{
	return vers_holiday(b, date, name, false, out, err);
}

int
book_holiday_preview(struct book *b, const char *date, const char *name,
                     struct book_recompute *out, struct err *err)
{
	return vers_holiday(b, date, name, true, out, err);
}

/* --- a new profile version --------------------------------------------------------- */

void
book_profile_texts_free(struct book_profile_texts *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->texts[i]);
	memset(c, 0, sizeof *c);
}

int
book_profile_candidate(const char *what, struct book_profile_texts *c, struct profile *resolved,
                       struct err *err)
{
	struct profile *chain;
	char path[4200], name[PROFILE_KEY_MAX];
	size_t i, k;
	int rc = -1;
	bool file = strchr(what, '/') != NULL;

	memset(c, 0, sizeof *c);
	if ((chain = calloc(PROFILE_DEPTH_MAX, sizeof *chain)) == NULL)
		return err_set(err, "out of memory");
	snprintf(name, sizeof name, "%s", what);
	while (c->n < PROFILE_DEPTH_MAX) {
		if (c->n == 0 && file) {
			FILE *f = fopen(what, "rb");
			long n;

			snprintf(path, sizeof path, "%s", what);
			if (f == NULL) {
				rc = (err_set(err, "%s: cannot be read", what), BOOK_EUSAGE);
				goto out;
			}
			if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > 1024 * 1024 ||
			    fseek(f, 0, SEEK_SET) != 0 || (c->texts[0] = malloc((size_t)n + 1)) == NULL ||
			    fread(c->texts[0], 1, (size_t)n, f) != (size_t)n) {
				fclose(f);
				rc = (err_set(err, "%s: cannot be read (or larger than 1 MiB)", what), BOOK_EUSAGE);
				goto out;
			}
			fclose(f);
			c->texts[0][n] = '\0';
			c->lens[0] = (size_t)n;
		} else if ((rc = share_read("profile", name, &c->texts[c->n], &c->lens[c->n], path,
		                            sizeof path, err)) != 0) {
			rc = rc == SHARE_ENOTFOUND ? BOOK_EUSAGE : -1;
			goto out;
		}
		c->n++;
		if (profile_parse(&chain[c->n - 1], c->texts[c->n - 1], c->lens[c->n - 1], path,
		                  err) != 0) {
			rc = BOOK_EUSAGE;
			goto out;
		}
		snprintf(c->names[c->n - 1], sizeof c->names[0], "%s", chain[c->n - 1].name);
		snprintf(name, sizeof name, "%s", chain[c->n - 1].inherits);
		if (name[0] == '\0')
			break;
		for (k = 0; k < c->n; k++)
			if (strcmp(c->names[k], name) == 0) {
				rc = (err_set(err, "profile %s: inheritance goes round in a circle", name), BOOK_EUSAGE);
				goto out;
			}
	}
	if (name[0] != '\0') {
		rc = (err_set(err, "profile %s: inherits too deep", c->names[0]), BOOK_EUSAGE);
		goto out;
	}
	if (profile_check(&chain[c->n - 1], err) != 0) {
		rc = BOOK_EUSAGE;
		goto out;
	}
	for (i = c->n - 1; i > 0; i--)
		if (profile_inherit(&chain[i - 1], &chain[i], err) != 0) {
			rc = BOOK_EUSAGE;
			goto out;
		}
	profile_assign(resolved, &chain[0]);
	rc = 0;
out:
	free(chain);
	if (rc != 0)
		book_profile_texts_free(c);
	return rc;
}

struct pchange_ctx {
	struct book *b;
	const struct book_profile_texts *c;
	unsigned base;
	bool open_cases, dry;
	struct book_recompute *out;
	struct book_vers *made;
};

static int
vers_profile_change_txn(struct store_txn *t, void *vx)
{
	struct pchange_ctx *x = vx;
	struct book *b = x->b;
	char key[96], record[96], what[160];
	unsigned pv, cv;
	size_t i;

	book_versions_current_txn(b, t, &pv, &cv);
	if (pv != x->base)
		return err_set(store_txn_err(t), "the book's profile changed meanwhile (now version %u): "
		               "nothing was changed; try again", pv), BOOK_ESTALE;
	vers_forget(b, pv + 1, 0);
	snprintf(what, sizeof what, "%s, open cases %s", x->c->names[0],
	         x->open_cases ? "moved" : "kept theirs");
	for (i = 0; i < x->c->n; i++)
		if (book_file_put(t, "profile", x->c->names[i], pv + 1, x->c->texts[i], x->c->lens[i],
		                  i == 0 ? what : NULL, b) != 0)
			return -1;
	/* the top of the version before, named for good before it changes */
	snprintf(key, sizeof key, "%s/%08u", META_PROFILE_NAME, pv);
	if (book_meta_str(t, key, record, sizeof record) != 0 || record[0] == '\0') {
		book_meta_str(t, META_AUTHORITY, record, sizeof record);
		if (book_meta_put_str(t, key, record) != 0)
			return -1;
	}
	snprintf(key, sizeof key, "%s/%08u", META_PROFILE_NAME, pv + 1);
	if (book_meta_put_str(t, key, x->c->names[0]) != 0 ||
	    book_meta_put_str(t, META_AUTHORITY, x->c->names[0]) != 0 ||
	    book_meta_put_u64(t, META_PROFILE_VERSION, pv + 1) != 0 ||
	    vers_get_txn(b, t, pv + 1, cv, &x->made) != 0)
		return -1;
	x->out->version = pv + 1;
	if (x->open_cases &&
	    vers_recompute_all(b, t, pv + 1, 0, 'p', pv + 1, x->dry, x->out) != 0)
		return -1;
	if (x->dry)
		return VERS_DRY; /* all undone: only what it would do is kept */
	snprintf(record, sizeof record, "profile %u", pv + 1);
	return book_audit_append(b, t, "profile.update", record, what);
}

static int
vers_profile_change(struct book *b, const struct book_profile_texts *c, unsigned base,
                    bool open_cases, bool dry, struct book_recompute *out, struct err *err)
{
	struct pchange_ctx x = { b, c, base, open_cases, dry, out, NULL };
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = book_require(b, ROLE_ADMIN, true, err)) != 0)
		return rc;
	rc = book_write(b, ROLE_ADMIN, true, vers_profile_change_txn, &x, err);
	return vers_made(b, rc, dry, x.made, base + 1, 0, out);
}

int
book_profile_change(struct book *b, const struct book_profile_texts *c, unsigned base,
                    bool open_cases, struct book_recompute *out, struct err *err)
{
	return vers_profile_change(b, c, base, open_cases, false, out, err);
}

int
book_profile_preview(struct book *b, const struct book_profile_texts *c, unsigned base,
                     bool open_cases, struct book_recompute *out, struct err *err)
{
	return vers_profile_change(b, c, base, open_cases, true, out, err);
}

int
book_profile_version(struct book *b, const struct profile **p, unsigned *version,
                     struct err *err)
{
	const struct calendar *cal;

	if (book_profile(b, p, &cal, err) != 0)
		return -1;
	*version = b->pv;
	return 0;
}
