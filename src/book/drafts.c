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
book_draft_load(struct book *b, const char *key, char *out, size_t n, struct err *err)
{
	struct draft_ctx c;
	int rc;

	memset(&c, 0, sizeof c);
	c.b = b;
	c.out = out;
	c.n = n;
	out[0] = '\0';
	if (n == 0 || !book_has_key(b))
		return 1;
	if ((rc = draft_key(b, key, &c, err)) != 0)
		return rc;
	if ((rc = store_read(b->st, draft_load_txn, &c, err)) != 0)
		return rc;
	return c.found ? 0 : 1;
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
