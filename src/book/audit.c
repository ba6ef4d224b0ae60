/* audit.c - the audit chain: one entry per change, in the change's own
 * transaction, each hashing the one before it and signed by its author;
 * and verification of the whole book, read-only.
 *
 * Format 2 entries also carry, in their signed body, a hash of each record
 * the change left (AT_COVER) and the public keys of the user an entry is
 * about (AT_KEY), so that verify can tell a record or a key changed behind
 * the book's back.  Format 1 entries (books made before) have neither: their
 * records count as "not yet covered" until a change covers them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

#include "book-int.h"
#include "redress/buf.h"

static int
book_audit_key(uint64_t seq, uint8_t key[8])
{
	codec_be64(seq, key);
	return 0;
}

/* hash = BLAKE2b(seq || body): renumbering or moving an entry breaks it */
static void
book_audit_hash(uint64_t seq, const void *body, size_t len, uint8_t out[VAULT_HASH_BYTES])
{
	uint8_t key[8];

	book_audit_key(seq, key);
	vault_hash2(key, 8, body, len, out);
}


/* --- what an entry covers ---------------------------------------------------- */

#define AUDIT_VERSION 2
#define COVER_KEY_MAX 64

struct hashes {
	uint8_t *p;
	size_t n, cap;
	bool oom;
};

static void
hashes_add(struct hashes *h, const void *a, size_t an, const void *b, size_t bn)
{
	if (buf_grow(&h->p, &h->cap, h->n + VAULT_HASH_BYTES, 1) != 0) {
		h->oom = true;
		return;
	}
	vault_hash2(a, an, b, bn, h->p + h->n);
	h->n += VAULT_HASH_BYTES;
}

struct event_hash_ctx {
	const uint8_t *id;
	struct hashes *h;
};

static int
book_audit_event_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct event_hash_ctx *e = vctx;

	if (kl < 8 || memcmp(k, e->id, 8) != 0)
		return 1;
	hashes_add(e->h, k, kl, v, vl);
	return 0;
}

/* The hash of a record as it is now: its own value, and for a case also its
 * summary (what lists show) and its timeline.  0, STORE_NOTFOUND or -1. */
static int
book_record_hash(struct store_txn *t, uint8_t db, const uint8_t *key, size_t kl,
                 uint8_t out[VAULT_HASH_BYTES])
{
	struct hashes h = { NULL, 0, 0, false };
	uint8_t head[1 + COVER_KEY_MAX];
	const void *v;
	size_t n;
	int rc;

	if (kl > COVER_KEY_MAX)
		return -1;
	if ((rc = store_get(t, (enum store_db)db, key, kl, &v, &n)) != 0)
		return rc;
	head[0] = db;
	memcpy(head + 1, key, kl);
	hashes_add(&h, head, 1 + kl, v, n);
	if (db == STORE_CASES && kl == 8) {
		struct event_hash_ctx e = { key, &h };

		if (store_get(t, STORE_SUMMARY, key, 8, &v, &n) == 0)
			hashes_add(&h, "S", 1, v, n);
		else
			hashes_add(&h, "-", 1, NULL, 0);
		if (store_scan(t, STORE_EVENTS, key, 8, book_audit_event_each, &e) < 0) {
			free(h.p);
			return -1;
		}
	}
	if (h.oom) {
		free(h.p);
		return -1;
	}
	vault_hash2(h.p, h.n, NULL, 0, out);
	free(h.p);
	return 0;
}

/* Adds the record's hash to the entry; a record not there is skipped. */
static int
book_audit_cover(struct store_txn *t, struct rec *r, uint8_t db, const uint8_t *key, size_t kl)
{
	uint8_t buf[1 + VAULT_HASH_BYTES + COVER_KEY_MAX];
	int rc;

	if (kl > COVER_KEY_MAX)
		return 0;
	if ((rc = book_record_hash(t, db, key, kl, buf + 1)) == STORE_NOTFOUND)
		return 0;
	if (rc != 0)
		return -1;
	buf[0] = db;
	memcpy(buf + 1 + VAULT_HASH_BYTES, key, kl);
	rec_bytes(r, AT_COVER, buf, 1 + VAULT_HASH_BYTES + kl);
	return 0;
}

struct cover_all_ctx {
	struct store_txn *t;
	struct rec *r;
	uint8_t db;
};

static int
book_audit_cover_each(const void *k, size_t kl, void *vctx)
{
	struct cover_all_ctx *c = vctx;

	return book_audit_cover(c->t, c->r, c->db, k, kl) != 0 ? -1 : 0;
}

/* Every record: for the changes that rewrite many (a new data key, a
 * revoke, demo cases, the book's making). */
static int
book_audit_cover_all(struct store_txn *t, struct rec *r)
{
	static const uint8_t dbs[] = { STORE_FILES, STORE_USERS, STORE_PEOPLE, STORE_CASES };
	struct cover_all_ctx c = { t, r, 0 };
	size_t i;

	for (i = 0; i < sizeof dbs; i++) {
		c.db = dbs[i];
		if (store_scan_keys(t, (enum store_db)dbs[i], NULL, 0, book_audit_cover_each, &c) < 0)
			return -1;
	}
	return 0;
}

/* A case by its key, and the people who are party to it. */
static int
book_audit_cover_case_id(struct store_txn *t, struct rec *r, const uint8_t id[8])
{
	const void *v;
	const uint8_t *p;
	size_t n, pos = 0, fn;
	uint8_t pk[8];
	uint16_t tag;

	if (book_audit_cover(t, r, STORE_CASES, id, 8) != 0)
		return -1;
	if (store_get(t, STORE_CASES, id, 8, &v, &n) != 0)
		return 0;
	while (rec_next(v, n, &pos, &tag, &p, &fn))
		if (tag == CT_PARTY && fn >= 12 && codec_get_be64(p + 4) != 0) {
			memcpy(pk, p + 4, 8);
			if (book_audit_cover(t, r, STORE_PEOPLE, pk, 8) != 0)
				return -1;
		}
	return 0;
}

/* A case by reference. */
static int
book_audit_cover_case(struct store_txn *t, struct rec *r, const char *ref)
{
	const void *v;
	size_t n;
	uint8_t id[8];

	if (store_get(t, STORE_REFS, ref, strlen(ref), &v, &n) != 0 || n != 8)
		return book_audit_cover_all(t, r); /* a change not about one case */
	memcpy(id, v, 8);
	return book_audit_cover_case_id(t, r, id);
}

/* Cases lo..hi by key ("cases LO-HI ..."), as a batch of new ones made:
 * the entry covers what the batch wrote, not the whole book, so filling a
 * book costs in proportion to what is added. */
static int
book_audit_cover_cases(struct store_txn *t, struct rec *r, const char *record)
{
	unsigned long long lo, hi, i;
	uint8_t id[8];

	if (sscanf(record, "cases %llu-%llu", &lo, &hi) != 2 || hi < lo)
		return book_audit_cover_all(t, r);
	for (i = lo; i <= hi; i++) {
		codec_be64(i, id);
		if (book_audit_cover_case_id(t, r, id) != 0)
			return -1;
	}
	return 0;
}

struct login_ctx {
	const char *login;
	uint32_t uid;
	bool found;
};

static int
book_audit_login_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct login_ctx *c = vctx;
	struct book_user u;

	if (kl != 4 || book_user_parse(v, vl, codec_get_be32(k), &u, NULL) != 0 ||
	    strcmp(u.login, c->login) != 0)
		return 0;
	c->uid = u.uid;
	c->found = true;
	return 1;
}

/* A user by login: their record and their public keys. */
static int
book_audit_cover_user(struct store_txn *t, struct rec *r, const char *login, bool record)
{
	struct login_ctx c = { login, 0, false };
	struct vault_identity id;
	struct book_user u;
	uint8_t key[4], buf[4 + 2 * VAULT_PK_BYTES];
	const void *v;
	size_t n;

	if (store_scan(t, STORE_USERS, NULL, 0, book_audit_login_each, &c) < 0)
		return -1;
	if (!c.found)
		return 0;
	codec_be32(c.uid, key);
	if (record && book_audit_cover(t, r, STORE_USERS, key, 4) != 0)
		return -1;
	if (book_user_get(t, c.uid, &v, &n) != 0 || book_user_parse(v, n, c.uid, &u, &id) != 0)
		return 0;
	memcpy(buf, key, 4);
	memcpy(buf + 4, id.sign_pk, VAULT_PK_BYTES);
	memcpy(buf + 4 + VAULT_PK_BYTES, id.box_pk, VAULT_PK_BYTES);
	rec_bytes(r, AT_KEY, buf, sizeof buf);
	return 0;
}

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* What the entry for action on record covers, read in the change's own
 * transaction after its last write.  An action this code does not know
 * covers every record, so that a new kind of change is never a false alarm. */
static int
book_audit_covers(struct book *b, struct store_txn *t, struct rec *r, const char *action,
                  const char *record)
{
	unsigned long long lo, hi, i;
	uint8_t key[8];
	char end;

	if (starts(action, "export") || strcmp(action, "import") == 0 || strcmp(action, "read") == 0 ||
	    strcmp(action, "index") == 0)
		return 0; /* nothing in the book changed (or each case was covered) */
	if (starts(action, "case."))
		return book_audit_cover_case(t, r, record);
	if (strcmp(action, "demo.fill") == 0)
		return book_audit_cover_cases(t, r, record);
	if (starts(action, "person.")) {
		if (sscanf(record, "person %llu%c", &lo, &end) == 1)
			hi = lo;
		else if (sscanf(record, "people %llu-%llu%c", &lo, &hi, &end) != 2 || hi < lo)
			return book_audit_cover_all(t, r);
		for (i = lo; i <= hi; i++) {
			codec_be64(i, key);
			if (book_audit_cover(t, r, STORE_PEOPLE, key, 8) != 0)
				return -1;
		}
		return 0;
	}
	if (strcmp(action, "user.enrol") == 0 || strcmp(action, "user.grant") == 0 ||
	    strcmp(action, "user.passwd") == 0)
		return book_audit_cover_user(t, r, record, true);
	if (starts(action, "user.") && book_audit_cover_user(t, r, record, false) != 0)
		return -1;
	if (strcmp(action, "init") == 0 && book_audit_cover_user(t, r, b->login, false) != 0)
		return -1;
	return book_audit_cover_all(t, r);
}

int
book_audit_append(struct book *b, struct store_txn *t, const char *action, const char *record,
                  const char *fields)
{
	return book_audit_append_at(b, t, book_now(), action, record, fields);
}

int
book_audit_append_at(struct book *b, struct store_txn *t, uint64_t when, const char *action,
                     const char *record, const char *fields)
{
	uint8_t prev[VAULT_HASH_BYTES] = { 0 }, hash[VAULT_HASH_BYTES], sig[VAULT_SIG_BYTES], key[8];
	const void *v;
	size_t n;
	uint64_t seq;
	struct rec r;
	int rc;

	if (b->keys == NULL)
		return err_set(store_txn_err(t), "not unlocked: cannot sign the audit entry");
	seq = book_meta_u64(t, META_AUDIT_SEQ, 0) + 1;
	if (store_get(t, STORE_META, META_AUDIT_HEAD, strlen(META_AUDIT_HEAD), &v, &n) == 0 &&
	    n == VAULT_HASH_BYTES)
		memcpy(prev, v, n);
	rec_begin(&r, REC_AUDIT, AUDIT_VERSION);
	rec_u64(&r, AT_TIME, when);
	rec_u64(&r, AT_UID, b->uid);
	rec_str(&r, AT_LOGIN, b->login);
	rec_str(&r, AT_ACTION, action);
	rec_str(&r, AT_RECORD, record);
	rec_str(&r, AT_FIELDS, fields);
	rec_bytes(&r, AT_PREV, prev, sizeof prev);
	if (book_audit_covers(b, t, &r, action, record) != 0) {
		rec_free(&r);
		return err_set(store_txn_err(t), "cannot hash the records the audit entry covers");
	}
	if (rec_done(&r) != 0) {
		rec_free(&r);
		return err_set(store_txn_err(t), "out of memory");
	}
	book_audit_hash(seq, r.buf, r.len, hash);
	if (vault_sign(b->keys, hash, sizeof hash, sig, store_txn_err(t)) != 0) {
		rec_free(&r);
		return -1;
	}
	rec_bytes(&r, AT_HASH, hash, sizeof hash);
	rec_bytes(&r, AT_SIG, sig, sizeof sig);
	book_audit_key(seq, key);
	rc = book_rec_put(t, STORE_AUDIT, key, 8, &r, true);
	if (rc != 0)
		return rc == STORE_EXISTS ? err_set(store_txn_err(t), "audit entry %llu exists",
		                                    (unsigned long long)seq) : -1;
	if (book_meta_put_u64(t, META_AUDIT_SEQ, seq) != 0 ||
	    store_put(t, STORE_META, META_AUDIT_HEAD, strlen(META_AUDIT_HEAD), hash, sizeof hash,
	              false) != 0)
		return -1;
	b->head_seq = seq;
	memcpy(b->head_hash, hash, sizeof hash);
	return 0;
}

/* Whether a syslog daemon listens on /dev/log (syslog(3) itself never says). */
static bool
book_syslog_reachable(void)
{
	static const int types[] = { SOCK_DGRAM, SOCK_STREAM };
	struct sockaddr_un a;
	bool ok = false;
	size_t i;
	int fd;

	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	snprintf(a.sun_path, sizeof a.sun_path, "%s", "/dev/log");
	for (i = 0; i < sizeof types / sizeof types[0] && !ok; i++) {
		if ((fd = socket(AF_UNIX, types[i], 0)) < 0)
			continue;
		ok = connect(fd, (const struct sockaddr *)&a, sizeof a) == 0;
		close(fd);
	}
	return ok;
}

void
book_audit_announce(struct book *b)
{
	char hex[VAULT_HASH_BYTES * 2 + 1];

	if (b->head_seq == 0)
		return;
	vault_hex(b->head_hash, sizeof b->head_hash, hex);
	/* outside the book, so a rewrite of the whole chain can be noticed */
	if (!book_syslog_reachable())
		b->syslog_lost = true;
	openlog("redress", LOG_PID, LOG_AUTHPRIV);
	syslog(LOG_INFO, "book %s audit head %llu %s", b->dir, (unsigned long long)b->head_seq, hex);
	closelog();
}

void
book_audit_announce_lost(struct book *b)
{
	const char *e = getenv("REDRESS_SYSLOG");
	char hex[VAULT_HASH_BYTES * 2 + 1];

	if (!b->syslog_lost || (e != NULL && strcmp(e, "off") == 0))
		return;
	b->syslog_lost = false;
	vault_hex(b->head_hash, sizeof b->head_hash, hex);
	fprintf(stderr, "redress: syslog cannot be reached (no /dev/log): the audit head %llu:%s "
	        "is recorded only in the book; keep it elsewhere (redress audit --head)\n",
	        (unsigned long long)b->head_seq, hex);
}

/* The body of an entry is everything before its hash field. */
static size_t
book_audit_body_len(const void *v, size_t n)
{
	const uint8_t *p;
	size_t pos = 0, before = 0, fn;
	uint16_t tag;

	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		if (tag == AT_HASH)
			return before;
		before = pos;
	}
	return 0;
}

static void
book_audit_parse(uint64_t seq, const void *v, size_t n, struct book_audit *a)
{
	const uint8_t *p;
	size_t fn;

	memset(a, 0, sizeof *a);
	a->seq = seq;
	a->time = rec_find_u64(v, n, AT_TIME, 0);
	a->uid = (uint32_t)rec_find_u64(v, n, AT_UID, 0);
	rec_find_str(v, n, AT_LOGIN, a->login, sizeof a->login);
	rec_find_str(v, n, AT_ACTION, a->action, sizeof a->action);
	rec_find_str(v, n, AT_RECORD, a->record, sizeof a->record);
	rec_find_str(v, n, AT_FIELDS, a->fields, sizeof a->fields);
	if (rec_find(v, n, AT_HASH, &p, &fn) && fn == VAULT_HASH_BYTES)
		vault_hex(p, fn, a->hash);
}

struct audit_list_ctx {
	int (*each)(const struct book_audit *, void *);
	void *ctx;
};

static int
book_audit_list_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct audit_list_ctx *c = vctx;
	struct book_audit a;

	if (kl != 8)
		return 0;
	book_audit_parse(codec_get_be64(k), v, vl, &a);
	return c->each(&a, c->ctx);
}

int
book_audit_list(struct book *b, int (*each)(const struct book_audit *, void *), void *ctx,
                struct err *err)
{
	struct audit_list_ctx c = { each, ctx };

	return book_scan(b, STORE_AUDIT, book_audit_list_each, &c, err);
}

/* --- verify ---------------------------------------------------------------- */

struct cover {
	uint64_t seq;
	uint8_t db, kl;
	uint8_t key[COVER_KEY_MAX];
	uint8_t hash[VAULT_HASH_BYTES];
};

struct ukey {
	uint32_t uid;
	uint8_t sign[VAULT_PK_BYTES], box[VAULT_PK_BYTES];
	bool certified, admin;
};

struct verify_ctx {
	struct store_txn *t;
	struct book_verify *out;
	uint64_t expect;
	uint8_t prev[VAULT_HASH_BYTES];
	void (*each)(const char *problem, void *ctx);
	void *each_ctx;
	bool strict; /* the chain is format 2 from its first entry */
	bool oom;
	struct cover *covers;
	size_t ncovers, capcovers;
	struct ukey *keys;
	size_t nkeys, capkeys;
};

static void
book_verify_note(struct verify_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
book_verify_note(struct verify_ctx *c, const char *fmt, ...)
{
	char msg[sizeof c->out->first_problem];
	va_list ap;

	c->out->bad++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->out->first_problem[0] == '\0')
		memcpy(c->out->first_problem, msg, sizeof msg);
	if (c->each != NULL)
		c->each(msg, c->each_ctx);
}

static void
book_verify_problem(struct verify_ctx *c, uint64_t seq, const char *what)
{
	book_verify_note(c, "audit entry %llu: %s", (unsigned long long)seq, what);
}

/* What a problem calls a record: "case CSC-2026-0042", "person 7", "user alice". */
static void
book_record_name(struct store_txn *t, uint8_t db, const uint8_t *key, size_t kl, char *out,
                 size_t n)
{
	char ref[BOOK_REF_MAX];
	struct book_user u;
	const void *v;
	size_t vn, i;

	if (db == STORE_CASES && kl == 8) {
		if (store_get(t, STORE_CASES, key, 8, &v, &vn) == 0 &&
		    rec_find_str(v, vn, CT_REF, ref, sizeof ref) && ref[0] != '\0') {
			for (i = 0; ref[i] != '\0'; i++)
				if ((unsigned char)ref[i] < 0x21 || (unsigned char)ref[i] > 0x7e)
					ref[i] = '?';
			snprintf(out, n, "case %s", ref);
		} else
			snprintf(out, n, "case id %llu", (unsigned long long)codec_get_be64(key));
	} else if (db == STORE_PEOPLE && kl == 8)
		snprintf(out, n, "person %llu", (unsigned long long)codec_get_be64(key));
	else if (db == STORE_USERS && kl == 4) {
		if (book_user_get(t, codec_get_be32(key), &v, &vn) == 0 &&
		    book_user_parse(v, vn, codec_get_be32(key), &u, NULL) == 0)
			snprintf(out, n, "user %s", u.login);
		else
			snprintf(out, n, "user id %u", codec_get_be32(key));
	} else {
		size_t at = (size_t)snprintf(out, n, "file ");

		for (i = 0; i < kl && at + 1 < n; i++)
			out[at++] = key[i] >= 0x21 && key[i] <= 0x7e ? (char)key[i] : '?';
		out[at < n ? at : n - 1] = '\0';
	}
}

static struct ukey *
book_verify_key(struct verify_ctx *c, uint32_t uid)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++)
		if (c->keys[i].uid == uid)
			return &c->keys[i];
	return NULL;
}

static struct ukey *
book_verify_key_add(struct verify_ctx *c, uint32_t uid)
{
	struct ukey *nk;

	if (buf_grow(&c->keys, &c->capkeys, c->nkeys + 1, sizeof *c->keys) != 0) {
		c->oom = true;
		return NULL;
	}
	nk = &c->keys[c->nkeys++];
	memset(nk, 0, sizeof *nk);
	nk->uid = uid;
	return nk;
}

static void
book_verify_cover_add(struct verify_ctx *c, uint64_t seq, const uint8_t *p, size_t n)
{
	struct cover *nc;

	if (n <= 1 + VAULT_HASH_BYTES || n > 1 + VAULT_HASH_BYTES + COVER_KEY_MAX) {
		book_verify_problem(c, seq, "malformed record hash");
		return;
	}
	if (buf_grow(&c->covers, &c->capcovers, c->ncovers + 1, sizeof *c->covers) != 0) {
		c->oom = true;
		return;
	}
	nc = &c->covers[c->ncovers++];
	nc->seq = seq;
	nc->db = p[0];
	memcpy(nc->hash, p + 1, VAULT_HASH_BYTES);
	nc->kl = (uint8_t)(n - 1 - VAULT_HASH_BYTES);
	memcpy(nc->key, p + 1 + VAULT_HASH_BYTES, nc->kl);
}

/* The public keys an entry records: a user's own at enrolment (or the first
 * admin's at init), vouched for by an admin at a grant. */
static void
book_verify_keys(struct verify_ctx *c, uint64_t seq, uint32_t signer, const char *action,
                 const char *fields, const uint8_t *p, size_t n)
{
	struct ukey *by = book_verify_key(c, signer), *k;
	bool vouch, first = c->out->entries == 1 && strcmp(action, "init") == 0;
	uint32_t uid;

	if (n != 4 + 2 * VAULT_PK_BYTES) {
		book_verify_problem(c, seq, "malformed public keys");
		return;
	}
	uid = codec_get_be32(p);
	vouch = by != NULL && by->certified && by->admin && uid != signer;
	if ((k = book_verify_key(c, uid)) == NULL) {
		/* (in a book begun before format 2 an admin's own keys may be unrecorded) */
		if (uid != signer && !vouch && c->strict) {
			book_verify_problem(c, seq, "records a user's keys without an admin's signature");
			return;
		}
		if ((k = book_verify_key_add(c, uid)) == NULL)
			return;
		memcpy(k->sign, p + 4, VAULT_PK_BYTES);
		memcpy(k->box, p + 4 + VAULT_PK_BYTES, VAULT_PK_BYTES);
	} else if (vault_memcmp(k->sign, p + 4, VAULT_PK_BYTES) != 0 ||
	           vault_memcmp(k->box, p + 4 + VAULT_PK_BYTES, VAULT_PK_BYTES) != 0) {
		if (!vouch) {
			book_verify_problem(c, seq, "changes a user's public keys without an admin's "
			                            "signature");
			return;
		}
		memcpy(k->sign, p + 4, VAULT_PK_BYTES);
		memcpy(k->box, p + 4 + VAULT_PK_BYTES, VAULT_PK_BYTES);
	}
	if (first && uid == signer)
		k->certified = k->admin = true; /* the root: anchored by the head */
	if (vouch && strcmp(action, "user.grant") == 0) {
		k->certified = true;
		k->admin = strncmp(fields, "role=admin", 10) == 0;
	}
	if (vouch && strcmp(action, "user.revoke") == 0)
		k->certified = k->admin = false;
}

static int
book_verify_entry(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct verify_ctx *c = vctx;
	uint8_t hash[VAULT_HASH_BYTES], version = 0;
	const uint8_t *stored, *sig, *prev, *p;
	struct vault_identity id;
	struct book_user u;
	struct ukey *key;
	const void *uv;
	char action[32], fields[160];
	size_t fn, sn, pn, un, body, pos = 0;
	uint64_t seq;
	uint32_t uid;
	uint16_t tag;

	c->out->entries++;
	if (kl != 8) {
		book_verify_problem(c, 0, "malformed key");
		return 0;
	}
	seq = codec_get_be64(k);
	if (seq != c->expect) {
		book_verify_problem(c, seq, seq > c->expect ? "entries before it are missing"
		                                            : "out of order");
		c->expect = seq;
	}
	c->expect++;
	body = book_audit_body_len(v, vl);
	if (rec_check(v, vl, REC_AUDIT, &version) != 0 || body == 0 ||
	    !rec_find(v, vl, AT_HASH, &stored, &fn) || fn != VAULT_HASH_BYTES ||
	    !rec_find(v, vl, AT_SIG, &sig, &sn) || sn != VAULT_SIG_BYTES ||
	    !rec_find(v, vl, AT_PREV, &prev, &pn) || pn != VAULT_HASH_BYTES) {
		book_verify_problem(c, seq, "malformed entry");
		return 0;
	}
	if (c->out->entries == 1)
		c->strict = version >= AUDIT_VERSION;
	if (vault_memcmp(prev, c->prev, VAULT_HASH_BYTES) != 0)
		book_verify_problem(c, seq, "does not follow the entry before it (removed, "
		                            "reordered or rewritten)");
	book_audit_hash(seq, v, body, hash);
	if (vault_memcmp(hash, stored, VAULT_HASH_BYTES) != 0)
		book_verify_problem(c, seq, "changed since it was written");
	uid = (uint32_t)rec_find_u64(v, vl, AT_UID, UINT32_MAX);
	rec_find_str(v, vl, AT_ACTION, action, sizeof action);
	rec_find_str(v, vl, AT_FIELDS, fields, sizeof fields);
	/* only what the signature covers counts: the body */
	while (pos < body && rec_next(v, body, &pos, &tag, &p, &fn)) {
		if (tag == AT_COVER)
			book_verify_cover_add(c, seq, p, fn);
		else if (tag == AT_KEY)
			book_verify_keys(c, seq, uid, action, fields, p, fn);
	}
	if ((key = book_verify_key(c, uid)) != NULL) {
		if (vault_verify(key->sign, stored, VAULT_HASH_BYTES, sig) != 0)
			book_verify_problem(c, seq, "signature does not verify with the keys the chain "
			                            "recorded for its author (forged, altered or a "
			                            "swapped key)");
		else if (c->strict && !key->certified && strncmp(action, "user.", 5) != 0)
			book_verify_problem(c, seq, "signed by a user no admin granted");
	} else if (c->strict)
		book_verify_problem(c, seq, "signed by a user whose keys the chain never recorded");
	else if (book_user_get(c->t, uid, &uv, &un) != 0 ||
	         book_user_parse(uv, un, uid, &u, &id) != 0)
		book_verify_problem(c, seq, "signed by a user the book does not know");
	else if (vault_verify(id.sign_pk, stored, VAULT_HASH_BYTES, sig) != 0)
		book_verify_problem(c, seq, "signature does not verify (forged or altered)");
	memcpy(c->prev, stored, VAULT_HASH_BYTES);
	return 0;
}

static int
cover_cmp(const void *a, const void *b)
{
	const struct cover *x = a, *y = b;
	int d;

	if (x->db != y->db)
		return x->db < y->db ? -1 : 1;
	if (x->kl != y->kl)
		return x->kl < y->kl ? -1 : 1;
	if ((d = memcmp(x->key, y->key, x->kl)) != 0)
		return d;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Every covered record against its last entry. */
static int
book_verify_records(struct verify_ctx *c)
{
	uint8_t hash[VAULT_HASH_BYTES];
	char name[96];
	size_t i;
	int rc;

	qsort(c->covers, c->ncovers, sizeof *c->covers, cover_cmp);
	for (i = 0; i < c->ncovers; i++) {
		const struct cover *x = &c->covers[i];

		if (i + 1 < c->ncovers && x->db == x[1].db && x->kl == x[1].kl &&
		    memcmp(x->key, x[1].key, x->kl) == 0)
			continue; /* not its last entry */
		rc = book_record_hash(c->t, x->db, x->key, x->kl, hash);
		if (rc < 0)
			return -1;
		book_record_name(c->t, x->db, x->key, x->kl, name, sizeof name);
		if (rc == STORE_NOTFOUND)
			book_verify_note(c, "%s is gone from the book (audit entry %llu covers it)", name,
			                 (unsigned long long)x->seq);
		else if (vault_memcmp(hash, x->hash, VAULT_HASH_BYTES) != 0)
			book_verify_note(c, "%s does not match audit entry %llu, its last change (changed "
			                 "behind the book's back)", name, (unsigned long long)x->seq);
		else
			c->out->records++;
	}
	return 0;
}

struct uncovered_ctx {
	struct verify_ctx *c;
	uint8_t db;
};

static int
book_verify_uncovered_each(const void *k, size_t kl, void *vctx)
{
	struct uncovered_ctx *u = vctx;
	struct verify_ctx *c = u->c;
	struct cover key;
	char name[96];

	if (kl > COVER_KEY_MAX)
		return 0;
	memset(&key, 0, sizeof key);
	key.db = u->db;
	key.kl = (uint8_t)kl;
	memcpy(key.key, k, kl);
	/* any entry of this record (seq ignored: the search lands on one of them) */
	{
		size_t lo = 0, hi = c->ncovers;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			struct cover *m = &c->covers[mid];
			int d = m->db != key.db ? (m->db < key.db ? -1 : 1)
			      : m->kl != key.kl ? (m->kl < key.kl ? -1 : 1)
			                        : memcmp(m->key, key.key, key.kl);

			if (d == 0)
				return 0;
			if (d < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	c->out->uncovered++;
	if (c->strict) {
		book_record_name(c->t, u->db, k, kl, name, sizeof name);
		book_verify_note(c, "%s is in no audit entry (added behind the book's back)", name);
	}
	return 0;
}

/* Records no entry covers, and users whose keys no entry recorded. */
static int
book_verify_uncovered(struct verify_ctx *c)
{
	static const uint8_t dbs[] = { STORE_FILES, STORE_USERS, STORE_PEOPLE, STORE_CASES };
	struct uncovered_ctx u = { c, 0 };
	size_t i;

	for (i = 0; i < sizeof dbs; i++) {
		u.db = dbs[i];
		if (store_scan_keys(c->t, (enum store_db)dbs[i], NULL, 0, book_verify_uncovered_each, &u) <
		    0)
			return -1;
	}
	return 0;
}

static int
book_verify_user_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct verify_ctx *c = vctx;
	struct vault_identity id;
	struct book_user u;
	struct ukey *key;
	uint32_t uid;

	if (kl != 4)
		return 0;
	uid = codec_get_be32(k);
	if (book_user_parse(v, vl, uid, &u, &id) != 0) {
		book_verify_note(c, "user id %u: malformed record", uid);
		return 0;
	}
	if ((key = book_verify_key(c, uid)) == NULL) {
		c->out->keys_unanchored++;
		if (c->strict)
			book_verify_note(c, "user %s: the audit chain never recorded their public keys",
			                 u.login);
	} else if (vault_memcmp(key->sign, id.sign_pk, VAULT_PK_BYTES) != 0 ||
	           vault_memcmp(key->box, id.box_pk, VAULT_PK_BYTES) != 0)
		book_verify_note(c, "user %s: public keys are not those the audit chain recorded "
		                 "(swapped behind the book's back)", u.login);
	return 0;
}

/* A day the calendar's month would draw other than its deadlines index says. */
static void
book_verify_day(const char *date, void *vctx)
{
	book_verify_note(vctx, "the calendar's count of deadlines on %s differs from its "
	                 "deadlines index", date);
}

static int
book_verify_txn(struct store_txn *t, void *vctx)
{
	struct verify_ctx *c = vctx;
	const void *v;
	size_t n;
	uint64_t seq;

	c->t = t;
	c->expect = 1;
	if (store_scan(t, STORE_AUDIT, NULL, 0, book_verify_entry, c) < 0)
		return -1;
	seq = book_meta_u64(t, META_AUDIT_SEQ, 0);
	if (seq != c->expect - 1)
		book_verify_problem(c, seq, "the chain's recorded head is not its last entry");
	else if (store_get(t, STORE_META, META_AUDIT_HEAD, strlen(META_AUDIT_HEAD), &v, &n) != 0 ||
	         n != VAULT_HASH_BYTES || vault_memcmp(v, c->prev, n) != 0)
		book_verify_problem(c, seq, "the chain's recorded head hash does not match");
	if (c->out->entries == 0)
		book_verify_problem(c, 0, "the chain is empty");
	if (c->oom)
		return err_set(store_txn_err(t), "out of memory");
	if (store_scan(t, STORE_USERS, NULL, 0, book_verify_user_each, c) < 0 ||
	    book_verify_records(c) != 0 || book_verify_uncovered(c) != 0 ||
	    book_due_days_check(t, book_verify_day, c) < 0)
		return -1;
	return 0;
}

int
book_verify(struct book *b, struct book_verify *out, struct err *err)
{
	return book_verify_each(b, out, NULL, NULL, err);
}

int
book_verify_each(struct book *b, struct book_verify *out,
                 void (*each)(const char *problem, void *ctx), void *ctx, struct err *err)
{
	struct verify_ctx c;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.out = out;
	c.each = each;
	c.each_ctx = ctx;
	if (store_check(b->st, err) != 0)
		return -1;
	rc = store_read(b->st, book_verify_txn, &c, err);
	free(c.covers);
	free(c.keys);
	if (rc != 0)
		return -1;
	if (out->bad > 0)
		return err_set(err, "%llu problem%s; first: %s", (unsigned long long)out->bad,
		               out->bad == 1 ? "" : "s", out->first_problem);
	return 0;
}

/* --- sealed fields ----------------------------------------------------------- */

struct sealed_ctx {
	struct book *b;
	struct book_case *c;
	int (*each)(const char *line, void *ctx);
	void *ctx;
	size_t checked, shut;
	char line[512];
};

/* A person's name, date of birth, contact details, equality monitoring and
 * adjustments open with a key held. */
static size_t
book_person_shut(struct book *b, uint64_t id, const void *v, size_t n, char *line, size_t max)
{
	static const struct { uint16_t tag; const char *field; } f[] = {
		{ PT_NAME, "name" }, { PT_DOB, "dob" }, { PT_ADDRESS, "address" },
		{ PT_EMAIL, "email" }, { PT_PHONE, "phone" }, { PT_PREFER, "prefer" },
		{ PT_SAFE, "safe" }, { PT_EQUALITY, "equality" },
	};
	char ad[64], plain[BOOK_ADDRESS_MAX + VAULT_PAD_BLOCK];
	const uint8_t *p;
	size_t i, fn, len, k = 0, used;
	struct err err;

	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (!rec_find(v, n, f[i].tag, &p, &fn))
			continue;
		snprintf(ad, sizeof ad, "person:%llu:%s", (unsigned long long)id, f[i].field);
		if (b->keys != NULL &&
		    vault_open(b->keys, ad, strlen(ad), p, fn, plain, sizeof plain, &len, &err) == 0)
			continue;
		used = strlen(line);
		snprintf(line + used, max - used, "%sperson %llu %s", used ? ", " : "",
		         (unsigned long long)id, f[i].field);
		k++;
	}
	vault_wipe(plain, sizeof plain);
	return k + book_person_adjust_shut(b, id, v, n, line, max);
}

static int
book_verify_sealed_txn(struct store_txn *t, void *vctx)
{
	struct sealed_ctx *x = vctx;
	struct book_ids r = { NULL, 0, 0 };
	const uint8_t *p;
	const void *v;
	uint8_t key[8];
	size_t i, n, fn, k;
	int rc = -1;

	x->checked = x->shut = 0;
	if (store_scan(t, STORE_CASES, NULL, 0, book_collect_ids, &r) < 0)
		return err_set(store_txn_err(t), "out of memory");
	for (i = 0; i < r.n; i++) {
		if (case_read(x->b, t, r.ids[i], x->c) != 0)
			goto out;
		x->checked++;
		x->line[0] = '\0';
		if ((k = book_case_unopened(x->c, x->line, sizeof x->line)) == 0)
			continue;
		x->shut += k;
		if (x->each != NULL && x->each(x->line, x->ctx) != 0)
			goto out;
	}
	free(r.ids);
	memset(&r, 0, sizeof r);
	if (store_scan(t, STORE_PEOPLE, NULL, 0, book_collect_ids, &r) < 0) {
		err_set(store_txn_err(t), "out of memory");
		goto out;
	}
	for (i = 0; i < r.n; i++) {
		codec_be64(r.ids[i], key);
		if (store_get(t, STORE_PEOPLE, key, 8, &v, &n) != 0)
			continue;
		x->checked++;
		if (rec_find(v, n, PT_ERASED, &p, &fn))
			continue;
		x->line[0] = '\0';
		if ((k = book_person_shut(x->b, r.ids[i], v, n, x->line, sizeof x->line)) == 0)
			continue;
		x->shut += k;
		if (x->each != NULL && x->each(x->line, x->ctx) != 0)
			goto out;
	}
	rc = 0;
out:
	free(r.ids);
	return rc;
}

int
book_verify_sealed(struct book *b, int (*each)(const char *line, void *ctx), void *ctx,
                   size_t *checked, size_t *shut, struct err *err)
{
	struct sealed_ctx x;
	int rc;

	*checked = *shut = 0;
	if (b->keys == NULL)
		return err_set(err, "not unlocked"), BOOK_EDENIED;
	/* the key as it is now: it may have been rotated since the book opened */
	if ((rc = book_refresh(b, err)) != 0)
		return rc;
	memset(&x, 0, sizeof x);
	x.b = b;
	x.each = each;
	x.ctx = ctx;
	if ((x.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = store_read(b->st, book_verify_sealed_txn, &x, err);
	book_case_free(x.c);
	if (rc != 0)
		return rc;
	*checked = x.checked;
	*shut = x.shut;
	if (x.shut > 0)
		return err_set(err, "%zu sealed field%s cannot be opened with the keys held", x.shut,
		               x.shut == 1 ? "" : "s");
	return 0;
}

/* --- the head, kept elsewhere ----------------------------------------------- */

struct head_ctx {
	uint64_t seq;
	char *hex;
	const char *want; /* book_verify_anchor: the hash kept */
};

static int
book_audit_head_txn(struct store_txn *t, void *vctx)
{
	struct head_ctx *h = vctx;
	const void *k, *v;
	const uint8_t *p;
	size_t kl, vl, n;

	if (store_last(t, STORE_AUDIT, &k, &kl, &v, &vl) != 0 || kl != 8)
		return err_set(store_txn_err(t), "the audit chain is empty");
	if (!rec_find(v, vl, AT_HASH, &p, &n) || n != VAULT_HASH_BYTES)
		return err_set(store_txn_err(t), "the chain's last entry is malformed");
	h->seq = codec_get_be64(k);
	vault_hex(p, n, h->hex);
	return 0;
}

int
book_audit_head(struct book *b, uint64_t *seq, char hex[VAULT_HASH_BYTES * 2 + 1],
                struct err *err)
{
	struct head_ctx h = { 0, hex, NULL };

	if (store_read(b->st, book_audit_head_txn, &h, err) != 0)
		return -1;
	*seq = h.seq;
	return 0;
}

static int
book_verify_anchor_txn(struct store_txn *t, void *vctx)
{
	struct head_ctx *h = vctx;
	uint8_t key[8];
	const void *v;
	const uint8_t *p;
	size_t vl, n;
	uint64_t last;

	book_audit_key(h->seq, key);
	if (store_get(t, STORE_AUDIT, key, 8, &v, &vl) != 0) {
		last = book_meta_u64(t, META_AUDIT_SEQ, 0);
		return err_set(store_txn_err(t), "the chain has no entry %llu (it ends at %llu): "
		               "entries were cut off or the chain rewritten",
		               (unsigned long long)h->seq, (unsigned long long)last);
	}
	if (!rec_find(v, vl, AT_HASH, &p, &n) || n != VAULT_HASH_BYTES)
		return err_set(store_txn_err(t), "audit entry %llu is malformed",
		               (unsigned long long)h->seq);
	vault_hex(p, n, h->hex);
	if (strcmp(h->hex, h->want) != 0)
		return err_set(store_txn_err(t), "audit entry %llu is not the one kept (its hash is "
		               "%.12s..., the head kept says %.12s...): the chain was rewritten",
		               (unsigned long long)h->seq, h->hex, h->want);
	return 0;
}

int
book_verify_anchor(struct book *b, uint64_t seq, const char *hex, struct err *err)
{
	char have[VAULT_HASH_BYTES * 2 + 1];
	struct head_ctx h = { seq, have, hex };
	size_t i;

	if (seq == 0 || strlen(hex) != VAULT_HASH_BYTES * 2)
		return err_set(err, "the head kept is SEQ:HASH, as `redress audit --head` prints "
		               "it"), BOOK_EUSAGE;
	for (i = 0; hex[i] != '\0'; i++)
		if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f')))
			return err_set(err, "the head kept is SEQ:HASH with the hash in lowercase hex, "
			               "as `redress audit --head` prints it"), BOOK_EUSAGE;
	return store_read(b->st, book_verify_anchor_txn, &h, err);
}
