/* audit.c - the audit chain: one entry per change, in the change's own
 * transaction, each hashing the one before it and signed by its author;
 * and verification of the whole book, read-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "book-int.h"

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

int
book_audit_append(struct book *b, struct store_txn *t, const char *action, const char *record,
                  const char *fields)
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
	rec_begin(&r, REC_AUDIT, 1);
	rec_u64(&r, AT_TIME, book_now());
	rec_u64(&r, AT_UID, b->uid);
	rec_str(&r, AT_LOGIN, b->login);
	rec_str(&r, AT_ACTION, action);
	rec_str(&r, AT_RECORD, record);
	rec_str(&r, AT_FIELDS, fields);
	rec_bytes(&r, AT_PREV, prev, sizeof prev);
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
	rc = rec_done(&r) != 0 ? err_set(store_txn_err(t), "out of memory")
	                       : store_put(t, STORE_AUDIT, key, 8, r.buf, r.len, true);
	rec_free(&r);
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

void
book_audit_announce(struct book *b)
{
	char hex[VAULT_HASH_BYTES * 2 + 1];

	if (b->head_seq == 0)
		return;
	vault_hex(b->head_hash, sizeof b->head_hash, hex);
	/* outside the book, so a rewrite of the whole chain can be noticed */
	openlog("redress", LOG_PID, LOG_AUTHPRIV);
	syslog(LOG_INFO, "book %s audit head %llu %s", b->dir, (unsigned long long)b->head_seq, hex);
	closelog();
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

static int
book_audit_list_txn(struct store_txn *t, void *ctx)
{
	return store_scan(t, STORE_AUDIT, NULL, 0, book_audit_list_each, ctx) < 0 ? -1 : 0;
}

int
book_audit_list(struct book *b, int (*each)(const struct book_audit *, void *), void *ctx,
                struct err *err)
{
	struct audit_list_ctx c = { each, ctx };

	return store_read(b->st, book_audit_list_txn, &c, err);
}

/* --- verify ---------------------------------------------------------------- */

struct verify_ctx {
	struct store_txn *t;
	struct book_verify *out;
	uint64_t expect;
	uint8_t prev[VAULT_HASH_BYTES];
};

static void
book_verify_problem(struct verify_ctx *c, uint64_t seq, const char *what)
{
	c->out->bad++;
	if (c->out->first_problem[0] == '\0')
		snprintf(c->out->first_problem, sizeof c->out->first_problem, "audit entry %llu: %s",
		         (unsigned long long)seq, what);
}

static int
book_verify_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct verify_ctx *c = vctx;
	uint8_t hash[VAULT_HASH_BYTES];
	const uint8_t *stored, *sig, *prev;
	struct vault_identity id;
	struct book_user u;
	const void *uv;
	size_t fn, sn, pn, un, body;
	uint64_t seq;
	uint32_t uid;

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
	if (rec_check(v, vl, REC_AUDIT, NULL) != 0 || body == 0 ||
	    !rec_find(v, vl, AT_HASH, &stored, &fn) || fn != VAULT_HASH_BYTES ||
	    !rec_find(v, vl, AT_SIG, &sig, &sn) || sn != VAULT_SIG_BYTES ||
	    !rec_find(v, vl, AT_PREV, &prev, &pn) || pn != VAULT_HASH_BYTES) {
		book_verify_problem(c, seq, "malformed entry");
		return 0;
	}
	if (vault_memcmp(prev, c->prev, VAULT_HASH_BYTES) != 0)
		book_verify_problem(c, seq, "does not follow the entry before it (removed, "
		                            "reordered or rewritten)");
	book_audit_hash(seq, v, body, hash);
	if (vault_memcmp(hash, stored, VAULT_HASH_BYTES) != 0)
		book_verify_problem(c, seq, "changed since it was written");
	uid = (uint32_t)rec_find_u64(v, vl, AT_UID, UINT32_MAX);
	if (book_user_get(c->t, uid, &uv, &un) != 0 || book_user_parse(uv, un, uid, &u, &id) != 0)
		book_verify_problem(c, seq, "signed by a user the book does not know");
	else if (vault_verify(id.sign_pk, stored, VAULT_HASH_BYTES, sig) != 0)
		book_verify_problem(c, seq, "signature does not verify (forged or altered)");
	memcpy(c->prev, stored, VAULT_HASH_BYTES);
	return 0;
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
	if (store_scan(t, STORE_AUDIT, NULL, 0, book_verify_each, c) < 0)
		return -1;
	seq = book_meta_u64(t, META_AUDIT_SEQ, 0);
	if (seq != c->expect - 1)
		book_verify_problem(c, seq, "the chain's recorded head is not its last entry");
	else if (store_get(t, STORE_META, META_AUDIT_HEAD, strlen(META_AUDIT_HEAD), &v, &n) != 0 ||
	         n != VAULT_HASH_BYTES || vault_memcmp(v, c->prev, n) != 0)
		book_verify_problem(c, seq, "the chain's recorded head hash does not match");
	if (c->out->entries == 0)
		book_verify_problem(c, 0, "the chain is empty");
	return 0;
}

int
book_verify(struct book *b, struct book_verify *out, struct err *err)
{
	struct verify_ctx c;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.out = out;
	if (store_check(b->st, err) != 0)
		return -1;
	if (store_read(b->st, book_verify_txn, &c, err) != 0)
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

/* A person's name and date of birth open with a key held. */
static size_t
book_person_shut(struct book *b, uint64_t id, const void *v, size_t n, char *line, size_t max)
{
	static const struct { uint16_t tag; const char *field; } f[] = {
		{ PT_NAME, "name" }, { PT_DOB, "dob" },
	};
	char ad[64], plain[512];
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
	return k;
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
		if (book_case_read_txn(x->b, t, r.ids[i], x->c) != 0)
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
	if ((x.c = book_secret_alloc(sizeof *x.c)) == NULL)
		return err_set(err, "out of memory");
	rc = store_read(b->st, book_verify_sealed_txn, &x, err);
	book_secret_free(x.c, sizeof *x.c);
	if (rc != 0)
		return rc;
	*checked = x.checked;
	*shut = x.shut;
	if (x.shut > 0)
		return err_set(err, "%zu sealed field%s cannot be opened with the keys held", x.shut,
		               x.shut == 1 ? "" : "s");
	return 0;
}
