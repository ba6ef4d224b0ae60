/* drafts.c - a person's unsaved forms, sealed, kept until resumed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"

#define DRAFT_KEY_MAX 96

struct draft_ctx {
	struct book *b;
	uint8_t key[4 + DRAFT_KEY_MAX];
	size_t klen;
	const char *text;
	char *out;
	size_t n;
	bool found;
};

static int
draft_key(struct book *b, const char *key, struct draft_ctx *c, struct err *err)
{
	size_t n = strlen(key);

	if (n == 0 || n > DRAFT_KEY_MAX)
		return err_set(err, "bad draft key"), BOOK_EUSAGE;
	codec_be32(b->uid, c->key);
	memcpy(c->key + 4, key, n);
	c->klen = 4 + n;
	return 0;
}

static void
draft_ad(struct book *b, const char *key, char *ad, size_t n)
{
	snprintf(ad, n, "draft:%u:%s", (unsigned)b->uid, key);
}

static int
draft_save_txn(struct store_txn *t, void *vctx)
{
	struct draft_ctx *c = vctx;
	size_t cap = vault_sealed_size(strlen(c->text), true), len;
	uint8_t *buf = malloc(cap);
	char ad[160], key[DRAFT_KEY_MAX + 1];
	int rc;

	if (buf == NULL)
		return err_set(store_txn_err(t), "out of memory");
	memcpy(key, c->key + 4, c->klen - 4);
	key[c->klen - 4] = '\0';
	draft_ad(c->b, key, ad, sizeof ad);
	rc = vault_seal(c->b->keys, c->b->key_id, ad, strlen(ad), c->text, strlen(c->text), true,
	                buf, cap, &len, store_txn_err(t));
	if (rc == 0)
		rc = store_put(t, STORE_DRAFTS, c->key, c->klen, buf, len, false);
	free(buf);
	return rc;
}

int
book_draft_save(struct book *b, const char *key, const char *text, struct err *err)
{
	struct draft_ctx c;
	int rc;

	memset(&c, 0, sizeof c);
	c.b = b;
	c.text = text;
	if ((rc = book_require(b, ROLE_AUDITOR, true, err)) != 0 ||
	    (rc = draft_key(b, key, &c, err)) != 0)
		return rc;
	if (strlen(text) >= BOOK_TEXT_MAX)
		return err_set(err, "a draft holds at most %d bytes", BOOK_TEXT_MAX - 1), BOOK_EUSAGE;
	return book_write(b, ROLE_AUDITOR, true, draft_save_txn, &c, err);
}

static int
draft_load_txn(struct store_txn *t, void *vctx)
{
	struct draft_ctx *c = vctx;
	char ad[160], key[DRAFT_KEY_MAX + 1];
	const void *v;
	size_t vl, len;
	int rc;

	rc = store_get(t, STORE_DRAFTS, c->key, c->klen, &v, &vl);
	if (rc == STORE_NOTFOUND)
		return 0;
	if (rc != 0)
		return -1;
	memcpy(key, c->key + 4, c->klen - 4);
	key[c->klen - 4] = '\0';
	draft_ad(c->b, key, ad, sizeof ad);
	if (vault_open(c->b->keys, ad, strlen(ad), v, vl, c->out, c->n - 1, &len,
	               store_txn_err(t)) != 0)
		return -1;
	c->out[len] = '\0';
	c->found = true;
	return 0;
}

int
book_draft_load(struct book *b, const char *key, char *out, size_t n, bool *found,
                struct err *err)
{
	struct draft_ctx c;
	int rc;

	memset(&c, 0, sizeof c);
	c.b = b;
	c.out = out;
	c.n = n;
	*found = false;
	if (n == 0)
		return 0;
	out[0] = '\0';
	if (!book_has_key(b))
		return 0;
	if ((rc = draft_key(b, key, &c, err)) != 0)
		return rc;
	if ((rc = store_read(b->st, draft_load_txn, &c, err)) != 0)
		return rc;
	*found = c.found;
	return 0;
}

static int
draft_drop_txn(struct store_txn *t, void *vctx)
{
	struct draft_ctx *c = vctx;

	return store_del(t, STORE_DRAFTS, c->key, c->klen) < 0 ? -1 : 0;
}

int
book_draft_drop(struct book *b, const char *key, struct err *err)
{
	struct draft_ctx c;
	int rc;

	memset(&c, 0, sizeof c);
	c.b = b;
	if (book_readonly(b))
		return 0;
	if ((rc = draft_key(b, key, &c, err)) != 0)
		return rc;
	return store_write(b->st, draft_drop_txn, &c, err);
}

struct draft_list {
	uint8_t uid[4];
	char *out;
	size_t n, len, count;
	bool full;
};

static int
draft_list_each(const void *k, size_t klen, const void *v, size_t vlen, void *vctx)
{
	struct draft_list *l = vctx;
	size_t kl, sep;

	(void)v;
	(void)vlen;
	if (klen < 4 || memcmp(k, l->uid, 4) != 0)
		return 1;
	kl = klen - 4;
	sep = l->len > 0 ? 2 : 0;
	/* names that do not fit are still counted; none after them is named */
	if (l->full || l->len + sep + kl + 1 > l->n)
		l->full = true;
	else {
		if (l->len > 0) {
			memcpy(l->out + l->len, ", ", 2);
			l->len += 2;
		}
		memcpy(l->out + l->len, (const char *)k + 4, kl);
		l->len += kl;
		l->out[l->len] = '\0';
	}
	l->count++;
	return 0;
}

static int
draft_list_txn(struct store_txn *t, void *vctx)
{
	struct draft_list *l = vctx;

	return store_scan(t, STORE_DRAFTS, l->uid, 4, draft_list_each, l) < 0 ? -1 : 0;
}

int
book_draft_list(struct book *b, char *out, size_t n, size_t *count, struct err *err)
{
	struct draft_list l;
	int rc;

	memset(&l, 0, sizeof l);
	codec_be32(b->uid, l.uid);
	l.out = out;
	l.n = n;
	if (n > 0)
		out[0] = '\0';
	*count = 0;
	if ((rc = store_read(b->st, draft_list_txn, &l, err)) != 0)
		return rc;
	*count = l.count;
	return 0;
}

/* --- rekey ----------------------------------------------------------------- */

struct draft_reseal {
	struct book *b;
	struct store_txn *t;
	uint32_t new_id;
	struct rec keys;         /* uid | form key, one field each */
};

static int
draft_reseal_collect(const void *k, size_t kl, void *vctx)
{
	struct draft_reseal *d = vctx;

	if (kl > 4 && kl <= 4 + DRAFT_KEY_MAX)
		rec_bytes(&d->keys, 1, k, kl);
	return 0;
}

/* Reseals every person's drafts under new_id, or fails naming one that no
 * key held opens. */
int
book_drafts_reseal(struct book *b, struct store_txn *t, uint32_t new_id)
{
	struct draft_reseal d = { b, t, new_id, { 0 } };
	char ad[160], key[DRAFT_KEY_MAX + 1], *plain = NULL;
	const uint8_t *p;
	const void *v;
	uint8_t *buf = NULL;
	size_t pos = 0, fn, vl, len, cap, slen;
	uint16_t tag;
	int rc = -1;

	rec_begin(&d.keys, 'K', 1);
	if (store_scan_keys(t, STORE_DRAFTS, NULL, 0, draft_reseal_collect, &d) < 0 ||
	    rec_done(&d.keys) != 0 || (plain = book_secret_alloc(BOOK_TEXT_MAX)) == NULL) {
		err_set(store_txn_err(t), "cannot read the drafts");
		goto out;
	}
	while (rec_next(d.keys.buf, d.keys.len, &pos, &tag, &p, &fn)) {
		memcpy(key, p + 4, fn - 4);
		key[fn - 4] = '\0';
		snprintf(ad, sizeof ad, "draft:%u:%s", (unsigned)codec_get_be32(p), key);
		if (store_get(t, STORE_DRAFTS, p, fn, &v, &vl) != 0)
			continue;
		if (b->keys == NULL || vault_open(b->keys, ad, strlen(ad), v, vl, plain,
		                                  BOOK_TEXT_MAX - 1, &len, store_txn_err(t)) != 0) {
			err_set(store_txn_err(t), "the draft %s of uid %u cannot be opened with the keys "
			        "held: the data key was not rotated and nothing was changed", key,
			        (unsigned)codec_get_be32(p));
			goto out;
		}
		cap = vault_sealed_size(len, true);
		free(buf);
		if ((buf = malloc(cap)) == NULL) {
			err_set(store_txn_err(t), "out of memory");
			goto out;
		}
		if (vault_seal(b->keys, new_id, ad, strlen(ad), plain, len, true, buf, cap, &slen,
		               store_txn_err(t)) != 0 ||
		    store_put(t, STORE_DRAFTS, p, fn, buf, slen, false) != 0)
			goto out;
	}
	rc = 0;
out:
	free(buf);
	book_secret_free(plain, BOOK_TEXT_MAX);
	rec_free(&d.keys);
	return rc;
}
