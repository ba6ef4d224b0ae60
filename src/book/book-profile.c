/* book-profile.c - the book's own profile and calendar, loaded on first use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/profile.h"

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
