/* search.c - the client's / in the notes of the timeline: each note opened,
 * folded, compared and wiped in turn, never all at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/fold.h"

struct notes_ctx {
	struct book *b;
	const char *folded;
	char *note;                        /* guarded: BOOK_TEXT_MAX + VAULT_PAD_BLOCK */
	struct book_ids found;
};

#define NOTE_ROOM (BOOK_TEXT_MAX + VAULT_PAD_BLOCK)

static int
notes_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct notes_ctx *c = vctx;
	const uint8_t *p;
	size_t fn, len;
	uint64_t id;
	char ad[64];
	struct err err;
	bool match;

	if (kl != 12 || !rec_find(v, vl, ET_NOTE, &p, &fn) || fn == 0)
		return 0;
	id = codec_get_be64(k);
	/* the events of a case come together: one of its notes is enough */
	if (c->found.n > 0 && c->found.ids[c->found.n - 1] == id)
		return 0;
	snprintf(ad, sizeof ad, "event:%llu:%u:note", (unsigned long long)id,
	         (unsigned)codec_get_be32((const uint8_t *)k + 8));
	/* a note no key held opens is not searched */
	if (vault_open(c->b->keys, ad, strlen(ad), p, fn, c->note, NOTE_ROOM - 1, &len, &err) != 0)
		return 0;
	c->note[len] = '\0';
	match = fold_contains(c->note, c->folded);
	vault_wipe(c->note, len);
	/* the key's first 8 bytes are the case's id */
	return match ? book_collect_ids(k, 8, NULL, 0, &c->found) : 0;
}

static int
notes_txn(struct store_txn *t, void *vctx)
{
	return store_scan(t, STORE_EVENTS, NULL, 0, notes_each, vctx) < 0 ?
		err_set(store_txn_err(t), "out of memory") : 0;
}

int
book_notes_find(struct book *b, const char *folded, uint64_t **ids, size_t *n, struct err *err)
{
	struct notes_ctx c = { b, folded, NULL, { NULL, 0, 0 } };
	int rc;

	*ids = NULL;
	*n = 0;
	if (!book_has_key(b) || b->keys == NULL)
		return err_set(err, "searching notes needs the data key"), BOOK_EDENIED;
	if ((c.note = book_secret_alloc(NOTE_ROOM)) == NULL)
		return err_set(err, "out of memory");
	rc = store_read(b->st, notes_txn, &c, err);
	book_secret_free(c.note, NOTE_ROOM);
	if (rc != 0) {
		free(c.found.ids);
		return rc;
	}
	*ids = c.found.ids;
	*n = c.found.n;
	return 0;
}
