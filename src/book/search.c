/* search.c - the search index behind the client's /: keyed hashes of the
 * words of every name (and their prefixes) and of every note, and the
 * people party to each case, kept in the write transaction of what they
 * index, so that a search opens no sealed field at all.
 *
 * STORE_SEARCH holds, by the first byte of the key:
 *   'w' | hash | person        a word of a person's name, or a prefix of one
 *   'W' | person -> hashes     the 'w' entries of that person (to drop them
 *                              without the key: an erasure needs none)
 *   't' | hash | case | seq    a word of the note of event seq of a case
 *   'T' | case | seq -> hashes the 't' entries of that note
 *   'p' | person | case -> kind   person is party to case (0: as the child)
 *   'm' | team | 0 | case      the case's team (plain, as the summary has it)
 * The hashes are blind indexes (vault_blind: BLAKE2b keyed by a subkey of
 * the data key, cut to VAULT_BLIND_BYTES) of folded words (fold.h): no
 * plaintext, and nobody without the data key can test a guess against
 * them.  What they do show anyone who can read data.mdb: how many words a
 * name or note has, and which people and notes share a word. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/buf.h"
#include "redress/fold.h"
#include "redress/search.h"
#include "redress/text.h"

#define SEARCH_NAME_FIELD "name word"
#define SEARCH_NOTE_FIELD "note word"
#define HB VAULT_BLIND_BYTES
#define META_SEARCH "search_index" /* 1: every name and note is indexed */

/* room for a name's tokens, with their prefixes, or a note's words */
#define SEARCH_STACK 16384

typedef uint8_t search_hash[HB];

static int
search_hash_cmp(const void *a, const void *b)
{
	return memcmp(a, b, HB);
}

/* The hashes of the tokens of text, sorted, each once: a new array of *n
 * (NULL when there are none) or -1.  The folded copy and the tokens are
 * wiped before this returns. */
static int
search_hashes(struct book *b, uint32_t key_id, const char *field, const char *text,
              bool prefixes, search_hash **out, size_t *n, struct err *err)
{
	size_t len = strlen(text), room = fold_tokens_room(len, prefixes), k, i, m;
	/* the words of a name or note in the clear: on the stack and wiped,
	 * as people.c opens names (a guarded allocation each, an mmap, cost a
	 * demo book of 100,000 cases most of its time) */
	char stack[SEARCH_STACK], *folded = stack, *tok;
	search_hash *h = NULL;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (len + 1 + room > sizeof stack && (folded = book_secret_alloc(len + 1 + room)) == NULL)
		return err_set(err, "out of memory");
	tok = folded + len + 1;
	fold_text(text, folded, len + 1);
	k = fold_tokens(folded, prefixes, tok, room);
	if (k > 0 && (h = malloc(k * sizeof *h)) == NULL)
		rc = err_set(err, "out of memory");
	else if (k > 0)
		rc = vault_blind_n(b->keys, key_id, field, tok, k, h, err);
	if (folded != stack)
		book_secret_free(folded, len + 1 + room);
	else
		vault_wipe(stack, len + 1 + room);
	if (rc != 0) {
		free(h);
		return -1;
	}
	if (k > 0)
		qsort(h, k, sizeof *h, search_hash_cmp);
	for (i = m = 0; i < k; i++)
		if (m == 0 || memcmp(h[m - 1], h[i], HB) != 0)
			memcpy(h[m++], h[i], HB);
	*out = h;
	*n = m;
	return 0;
}

/* --- keeping the index -------------------------------------------------------------- */

/* Drops the entries a list ('W' or 'T' key lkey) names: each hash h is the
 * entry kind | h | tail. */
static int
search_drop(struct store_txn *t, const uint8_t *lkey, size_t lklen, char kind,
            const uint8_t *tail, size_t tlen)
{
	uint8_t key[1 + HB + 12], *copy;
	const void *v;
	size_t n, i;
	int rc;

	if ((rc = store_get(t, STORE_SEARCH, lkey, lklen, &v, &n)) == STORE_NOTFOUND)
		return 0;
	if (rc != 0)
		return -1;
	/* the list dies with the first delete: copied first */
	if ((copy = malloc(n + 1)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	memcpy(copy, v, n);
	key[0] = (uint8_t)kind;
	memcpy(key + 1 + HB, tail, tlen);
	for (i = 0; i + HB <= n; i += HB) {
		memcpy(key + 1, copy + i, HB);
		if (store_del(t, STORE_SEARCH, key, 1 + HB + tlen) < 0) {
			free(copy);
			return -1;
		}
	}
	free(copy);
	return store_del(t, STORE_SEARCH, lkey, lklen) < 0 ? -1 : 0;
}

/* Writes an entry kind | h | tail for each hash and the list under lkey. */
static int
search_put(struct store_txn *t, const uint8_t *lkey, size_t lklen, char kind,
           const uint8_t *tail, size_t tlen, search_hash *h, size_t n)
{
	uint8_t key[1 + HB + 12];
	size_t i;

	if (n == 0)
		return 0;
	key[0] = (uint8_t)kind;
	memcpy(key + 1 + HB, tail, tlen);
	for (i = 0; i < n; i++) {
		memcpy(key + 1, h[i], HB);
		if (store_put(t, STORE_SEARCH, key, 1 + HB + tlen, "", 0, false) != 0)
			return -1;
	}
	return store_put(t, STORE_SEARCH, lkey, lklen, h, n * HB, false) != 0 ? -1 : 0;
}

int
search_person_drop(struct store_txn *t, uint64_t person)
{
	uint8_t lkey[9];

	lkey[0] = 'W';
	codec_be64(person, lkey + 1);
	return search_drop(t, lkey, sizeof lkey, 'w', lkey + 1, 8);
}

int
search_person_put(struct book *b, struct store_txn *t, uint64_t person, const char *name,
                  uint32_t key_id)
{
	uint8_t lkey[9];
	search_hash *h;
	size_t n;
	int rc;

	if (search_person_drop(t, person) != 0 ||
	    search_hashes(b, key_id, SEARCH_NAME_FIELD, name, true, &h, &n, store_txn_err(t)) != 0)
		return -1;
	lkey[0] = 'W';
	codec_be64(person, lkey + 1);
	rc = search_put(t, lkey, sizeof lkey, 'w', lkey + 1, 8, h, n);
	free(h);
	return rc;
}

static void
search_note_key(uint64_t id, uint32_t seq, uint8_t lkey[13])
{
	lkey[0] = 'T';
	codec_be64(id, lkey + 1);
	codec_be32(seq, lkey + 9);
}

int
search_note_drop(struct store_txn *t, uint64_t id, uint32_t seq)
{
	uint8_t lkey[13];

	search_note_key(id, seq, lkey);
	return search_drop(t, lkey, sizeof lkey, 't', lkey + 1, 12);
}

int
search_note_put(struct book *b, struct store_txn *t, uint64_t id, uint32_t seq,
                const char *note, uint32_t key_id)
{
	uint8_t lkey[13];
	search_hash *h;
	size_t n;
	int rc;

	if (search_note_drop(t, id, seq) != 0 ||
	    search_hashes(b, key_id, SEARCH_NOTE_FIELD, note, false, &h, &n, store_txn_err(t)) != 0)
		return -1;
	search_note_key(id, seq, lkey);
	rc = search_put(t, lkey, sizeof lkey, 't', lkey + 1, 12, h, n);
	free(h);
	return rc;
}

/* The people party to a case record (at most max; 0s left out), and the
 * kind of each (0: the child). */
static size_t
search_record_parties(const void *v, size_t vl, uint64_t *out, uint8_t *kinds, size_t max)
{
	struct case_rec_party party;
	size_t pos = 0, n = 0;

	while (case_rec_party_next(v, vl, &pos, &party))
		if (party.person != 0 && n < max) {
			kinds[n] = (uint8_t)party.kind;
			out[n++] = party.person;
		}
	return n;
}

/* The team entry of case id (key: room for BOOK_TEAM_KEY). */
#define BOOK_TEAM_KEY (1 + 256 + 1 + 8)
static size_t
search_team_key(const char *team, const uint8_t id[8], uint8_t *key)
{
	size_t n = strnlen(team, 256);

	key[0] = 'm';
	memcpy(key + 1, team, n);
	key[1 + n] = '\0';
	memcpy(key + 2 + n, id, 8);
	return 2 + n + 8;
}

static bool
search_has(const uint64_t *ids, size_t n, uint64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

#define SEARCH_PARTIES_MAX 64

int
search_case_put(struct store_txn *t, const struct book_case *c, const void *old, size_t oldlen)
{
	uint64_t was[SEARCH_PARTIES_MAX], now[SEARCH_PARTIES_MAX];
	uint8_t wask[SEARCH_PARTIES_MAX], nowk[SEARCH_PARTIES_MAX];
	size_t nwas = old != NULL ? search_record_parties(old, oldlen, was, wask, SEARCH_PARTIES_MAX)
	                          : 0;
	size_t nnow = 0, i;
	uint8_t key[BOOK_TEAM_KEY], id[8];
	char team[256] = "";

	for (i = 0; i < c->nparties && nnow < SEARCH_PARTIES_MAX; i++)
		if (c->parties[i].person != 0) {
			nowk[nnow] = (uint8_t)c->parties[i].kind;
			now[nnow++] = c->parties[i].person;
		}
	key[0] = 'p';
	codec_be64(c->id, key + 9);
	for (i = 0; i < nwas; i++)
		if (!search_has(now, nnow, was[i])) {
			codec_be64(was[i], key + 1);
			if (store_del(t, STORE_SEARCH, key, 17) < 0)
				return -1;
		}
	for (i = 0; i < nnow; i++)
		if (!search_has(was, nwas, now[i])) {
			codec_be64(now[i], key + 1);
			if (store_put(t, STORE_SEARCH, key, 17, &nowk[i], 1, false) != 0)
				return -1;
		}
	/* the team, for a search by team that reads no summary */
	codec_be64(c->id, id);
	if (old != NULL && rec_find_str(old, oldlen, CT_TEAM, team, sizeof team) &&
	    strcmp(team, c->team) != 0 &&
	    store_del(t, STORE_SEARCH, key, search_team_key(team, id, key)) < 0)
		return -1;
	if (c->team[0] != '\0' &&
	    store_put(t, STORE_SEARCH, key, search_team_key(c->team, id, key), "", 0, false) != 0)
		return -1;
	return 0;
}

/* --- building it for a book made before it ----------------------------------------- */

struct build_ctx {
	struct book *b;
	struct store_txn *t;
	char *note; /* guarded: NOTE_ROOM */
};

#define NOTE_ROOM (BOOK_TEXT_MAX + VAULT_PAD_BLOCK)

static int
search_build_case(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct build_ctx *c = vctx;
	uint64_t ids[SEARCH_PARTIES_MAX];
	uint8_t kinds[SEARCH_PARTIES_MAX], key[BOOK_TEAM_KEY];
	size_t n = search_record_parties(v, vl, ids, kinds, SEARCH_PARTIES_MAX), i;
	char team[256];

	if (kl != 8)
		return 0;
	key[0] = 'p';
	memcpy(key + 9, k, 8);
	for (i = 0; i < n; i++) {
		codec_be64(ids[i], key + 1);
		if (store_put(c->t, STORE_SEARCH, key, 17, &kinds[i], 1, false) != 0)
			return -1;
	}
	if (rec_find_str(v, vl, CT_TEAM, team, sizeof team) && team[0] != '\0' &&
	    store_put(c->t, STORE_SEARCH, key, search_team_key(team, k, key), "", 0, false) != 0)
		return -1;
	return 0;
}

static int
search_build_note(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct build_ctx *c = vctx;
	const uint8_t *p;
	size_t fn, len;
	uint64_t id;
	uint32_t seq;
	char ad[64];
	int rc;

	if (kl != 12 || !rec_find(v, vl, ET_NOTE, &p, &fn) || fn == 0)
		return 0;
	id = codec_get_be64(k);
	seq = codec_get_be32((const uint8_t *)k + 8);
	case_field_ad(id, 0, seq, ad, sizeof ad);
	/* a note no key held opens cannot be indexed: it is not found */
	if (vault_open(c->b->keys, ad, strlen(ad), p, fn, c->note, NOTE_ROOM - 1, &len,
	               store_txn_err(c->t)) != 0)
		return 0;
	c->note[len] = '\0';
	rc = search_note_put(c->b, c->t, id, seq, c->note, c->b->key_id);
	vault_wipe(c->note, len);
	return rc != 0 ? -1 : 0;
}

static int
search_build_txn(struct store_txn *t, void *vctx)
{
	struct build_ctx *c = vctx;

	c->t = t;
	if (book_meta_u64(t, META_SEARCH, 0) == 1)
		return 0; /* another process built it first */
	if (store_clear(t, STORE_SEARCH) != 0 || book_people_index_txn(c->b, t) != 0 ||
	    store_scan(t, STORE_CASES, NULL, 0, search_build_case, c) < 0 ||
	    store_scan(t, STORE_EVENTS, NULL, 0, search_build_note, c) < 0 ||
	    book_meta_put_u64(t, META_SEARCH, 1) != 0)
		return -1;
	return book_audit_append(c->b, t, "index", "book", "search index");
}

/* Whether every name and note of the book is indexed. */
static int
search_index_built_txn(struct store_txn *t)
{
	return book_meta_u64(t, META_SEARCH, 0) == 1;
}

int
search_index_mark_txn(struct store_txn *t)
{
	return book_meta_put_u64(t, META_SEARCH, 1);
}

static int
search_built_read(struct store_txn *t, void *ctx)
{
	*(bool *)ctx = search_index_built_txn(t);
	return 0;
}

/* Builds the index of a book made before it, once; 0 when there is one. */
static int
search_build(struct book *b, struct err *err)
{
	struct build_ctx c = { b, NULL, NULL };
	struct err why;
	bool built = false;
	int rc;

	if (store_read(b->st, search_built_read, &built, err) != 0)
		return -1;
	if (built)
		return 0;
	if (store_readonly(b->st) || book_require(b, ROLE_CASEWORKER, true, &why) != 0)
		return err_set(err, "this book's search index is not built yet: it is built by the "
		               "first search of a user who holds the key and may change cases"),
		       BOOK_EDENIED;
	if ((c.note = book_secret_alloc(NOTE_ROOM)) == NULL)
		return err_set(err, "out of memory");
	rc = book_write(b, ROLE_CASEWORKER, true, search_build_txn, &c, err);
	book_secret_free(c.note, NOTE_ROOM);
	if (rc == 0)
		book_audit_announce(b);
	return rc;
}

/* --- searching ---------------------------------------------------------------------- */

struct find_ctx {
	struct book *b;
	struct store_txn *t;
	const char *query;
	search_hash *names, *notes;  /* a hash per word of the query */
	size_t nwords;
	const char *folded;          /* the query folded: references and teams */
	uint64_t person;             /* a pseudonym typed ("P-0042"): that person; else 0 */
	bool child;                  /* ... as a child ("C-0042") */
	struct book_ids found;       /* the cases */
	size_t people;               /* found by name */
	/* one word's matches, and those of every word so far */
	uint8_t prefix[1 + HB];
	size_t tail;                 /* 8 (a person) or 12 (a case and event) */
	uint8_t *got, *all;
	size_t ngot, nall, capgot;
};

/* Collects the tails of the entries that begin with c->prefix. */
static int
search_find_each(const void *k, size_t kl, void *vctx)
{
	struct find_ctx *c = vctx;

	if (kl != sizeof c->prefix + c->tail || memcmp(k, c->prefix, sizeof c->prefix) != 0)
		return 1;
	if (buf_grow((void **)&c->got, &c->capgot, (c->ngot + 1) * c->tail, 1) != 0)
		return -1;
	memcpy(c->got + c->ngot * c->tail, (const uint8_t *)k + sizeof c->prefix, c->tail);
	c->ngot++;
	return 0;
}

/* The tails (people, or notes) whose entries hold every hash of h: sorted,
 * as the keys are, so each word's matches meet the others' in one pass. */
static int
search_find_all(struct find_ctx *c, char kind, search_hash *h, size_t tail)
{
	size_t w, i, j, m;

	c->tail = tail;
	c->nall = 0;
	for (w = 0; w < c->nwords; w++) {
		c->ngot = 0;
		c->prefix[0] = (uint8_t)kind;
		memcpy(c->prefix + 1, h[w], HB);
		if (store_scan_keys(c->t, STORE_SEARCH, c->prefix, sizeof c->prefix, search_find_each, c) < 0)
			return err_set(store_txn_err(c->t), "out of memory");
		if (w == 0) {
			free(c->all);
			c->all = c->got;
			c->nall = c->ngot;
			c->got = NULL;
			c->capgot = 0;
			continue;
		}
		for (i = j = m = 0; i < c->nall && j < c->ngot;) {
			int d = memcmp(c->all + i * tail, c->got + j * tail, tail);

			if (d == 0)
				memmove(c->all + m++ * tail, c->all + i * tail, tail);
			i += d <= 0;
			j += d >= 0;
		}
		c->nall = m;
		if (m == 0)
			break;
	}
	return 0;
}

static int
search_add_case(struct find_ctx *c, uint64_t id)
{
	if (buf_grow(&c->found.ids, &c->found.cap, c->found.n + 1, sizeof *c->found.ids) != 0)
		return err_set(store_txn_err(c->t), "out of memory");
	c->found.ids[c->found.n++] = id;
	return 0;
}

static int
search_party_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct find_ctx *c = vctx;

	if (kl != 17 || memcmp(k, c->prefix, 9) != 0)
		return 1;
	/* the kind of party: 0, the child ("Child C-0042") */
	if (c->child && (vl != 1 || *(const uint8_t *)v != 0))
		return 0;
	return search_add_case(c, codec_get_be64((const uint8_t *)k + 9));
}

/* The cases person is party to. */
static int
search_person_cases(struct find_ctx *c, uint64_t person)
{
	c->prefix[0] = 'p';
	codec_be64(person, c->prefix + 1);
	return store_scan(c->t, STORE_SEARCH, c->prefix, 9, search_party_each, c) < 0 ? -1 : 0;
}

/* Whether any case is restricted: if none, nobody's name is kept from
 * anyone and the check per person is skipped. */
static int
search_restrict_each(const void *k, size_t kl, void *vctx)
{
	*(bool *)vctx = kl > 10 && memcmp(k, "restrictp/", 10) == 0;
	return 1;
}

/* References: a walk of the references alone, each folded and compared. */
static int
search_ref_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct find_ctx *c = vctx;
	char ref[BOOK_REF_MAX];

	if (kl >= sizeof ref || vl != 8)
		return 0;
	memcpy(ref, k, kl);
	ref[kl] = '\0';
	return fold_contains(ref, c->folded) ? search_add_case(c, codec_get_be64(v)) : 0;
}

/* Teams: the first entry from where a walk starts, the next team. */
struct team_walk {
	char team[257];
	bool found;
};

static int
search_team_first(const void *k, size_t kl, void *vctx)
{
	struct team_walk *w = vctx;
	const uint8_t *p = k;
	size_t n;

	w->found = kl > 10 && p[0] == 'm' && (n = strnlen((const char *)p + 1, kl - 10)) == kl - 10;
	if (w->found) {
		memcpy(w->team, p + 1, n);
		w->team[n] = '\0';
	}
	return 1;
}

/* Each team of the index, in order, to fn until it returns non-zero (that,
 * or 0): a book has few teams, so the walk jumps from one to the next,
 * reading one entry of each. */
static int
search_team_walk(struct store_txn *t, int (*fn)(struct store_txn *t, const char *team, void *ctx),
                 void *ctx)
{
	struct team_walk w;
	uint8_t from[1 + 256 + 1];
	size_t n;
	int rc;

	from[0] = 'm';
	n = 1;
	for (;;) {
		w.found = false; /* past the last entry, nothing is called */
		if (store_scan_keys(t, STORE_SEARCH, from, n, search_team_first, &w) < 0)
			return -1;
		if (!w.found)
			return 0;
		n = strlen(w.team);
		memcpy(from + 1, w.team, n + 1);
		if ((rc = fn(t, w.team, ctx)) != 0)
			return rc;
		from[2 + n - 1] = 1; /* past every case of this team */
		n += 2;
	}
}

int
search_teams_txn(struct store_txn *t, int (*fn)(struct store_txn *t, const char *team, void *ctx),
                 void *ctx)
{
	if (!search_index_built_txn(t))
		return STORE_NOTFOUND;
	return search_team_walk(t, fn, ctx);
}

static int
search_team_each(const void *k, size_t kl, void *vctx)
{
	struct find_ctx *c = vctx;

	if (kl != c->tail + 8 || memcmp(k, c->all, c->tail) != 0)
		return 1;
	return search_add_case(c, codec_get_be64((const uint8_t *)k + c->tail));
}

/* The cases of a team whose name holds the query. */
static int
search_team_cases(struct store_txn *t, const char *team, void *vctx)
{
	struct find_ctx *c = vctx;
	size_t n = strlen(team);

	if (!fold_contains(team, c->folded))
		return 0;
	c->tail = 2 + n; /* 'm' | team | 0 */
	free(c->all);
	if ((c->all = malloc(c->tail)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	c->all[0] = 'm';
	memcpy(c->all + 1, team, n + 1);
	c->nall = 0;
	return store_scan_keys(t, STORE_SEARCH, c->all, c->tail, search_team_each, c) < 0 ? -1 : 0;
}

/* The cases of each team whose name holds the query. */
static int
search_teams(struct find_ctx *c)
{
	return search_team_walk(c->t, search_team_cases, c);
}

static int
search_find_txn(struct store_txn *t, void *vctx)
{
	struct find_ctx *c = vctx;
	bool restricted = false;
	size_t i;

	c->t = t;
	if (c->person != 0 && search_person_cases(c, c->person) != 0)
		return -1;
	/* a reference is CSC-YYYY-NNNN (case-add.c, import.c): a search with
	 * any other character is in none, and they are not read */
	if (strspn(c->folded, "cs-0123456789") == strlen(c->folded) &&
	    store_scan(t, STORE_REFS, NULL, 0, search_ref_each, c) < 0)
		return -1;
	if (search_teams(c) != 0)
		return -1;
	if (c->nwords == 0)
		return 0;
	if (store_scan_keys(t, STORE_META, "restrictp/", 10, search_restrict_each, &restricted) < 0)
		return -1;
	/* names: the people with every word, then their cases; a person
	 * party to a case restricted away from this user is a pseudonym to
	 * them everywhere, so never found by name */
	if (search_find_all(c, 'w', c->names, 8) != 0)
		return -1;
	for (i = 0; i < c->nall; i++) {
		uint64_t person = codec_get_be64(c->all + i * 8);

		if (restricted && book_restrict_person_denied_txn(c->b, t, person))
			continue;
		c->people++;
		if (search_person_cases(c, person) != 0)
			return -1;
	}
	/* notes: those with every word, on cases not restricted away */
	if (search_find_all(c, 't', c->notes, 12) != 0)
		return -1;
	for (i = 0; i < c->nall; i++) {
		uint64_t id = codec_get_be64(c->all + i * 12);

		if (restricted && book_restrict_denied_txn(c->b, t, id))
			continue;
		if (search_add_case(c, id) != 0)
			return -1;
	}
	return 0;
}

/* "P-0042", "Person P-0042" (folded): person 42, as shown to those
 * without the key; "C-0042", "Child C-0042": person 42 as a child; else 0. */
static uint64_t
search_pseudonym(const char *folded, bool *child)
{
	unsigned long long id;
	int end = 0;

	if (strncmp(folded, "person ", 7) == 0)
		folded += 7;
	else if (strncmp(folded, "child ", 6) == 0)
		folded += 6;
	*child = folded[0] == 'c';
	if ((folded[0] != 'p' && folded[0] != 'c') || folded[1] != '-' || folded[2] < '0' ||
	    folded[2] > '9' || sscanf(folded + 2, "%llu%n", &id, &end) != 1 || folded[2 + end] != '\0')
		return 0;
	return id;
}

int
book_search_cases(struct book *b, const char *query, uint64_t **ids, size_t *n, size_t *people,
                  struct err *err)
{
	struct find_ctx c;
	char folded[BOOK_SEARCH_MAX * 2];
	size_t i, m;
	int rc, built = 0;

	*ids = NULL;
	*n = 0;
	memset(&c, 0, sizeof c);
	c.b = b;
	c.query = query;
	fold_text(query, folded, sizeof folded);
	c.folded = text_trim(folded);
	c.person = search_pseudonym(c.folded, &c.child);
	/* the index is keyed by the book's current key: take it first if an
	 * admin rotated it since the book opened */
	if (book_unlocked(b) && (rc = book_refresh(b, err)) != 0)
		return rc;
	if (book_has_key(b) && (built = search_build(b, err)) != 0 && built != BOOK_EDENIED)
		return built;
	if (book_has_key(b) && built == 0) {
		search_hash *nh = NULL, *th = NULL;
		size_t nn = 0, nt = 0;

		/* a query's words are found whole, or as the start of a name's
		 * word (the prefixes are in the index): never prefixes of it */
		if (search_hashes(b, b->key_id, SEARCH_NAME_FIELD, query, false, &nh, &nn, err) != 0 ||
		    search_hashes(b, b->key_id, SEARCH_NOTE_FIELD, query, false, &th, &nt, err) != 0) {
			free(nh);
			return -1;
		}
		c.names = nh;
		c.notes = th;
		c.nwords = nn < nt ? nn : nt;
	}
	rc = store_read(b->st, search_find_txn, &c, err);
	free(c.names);
	free(c.notes);
	free(c.got);
	free(c.all);
	if (rc != 0) {
		free(c.found.ids);
		return rc;
	}
	if (c.found.n > 0)
		qsort(c.found.ids, c.found.n, sizeof *c.found.ids, codec_cmp_u64);
	for (i = m = 0; i < c.found.n; i++)
		if (m == 0 || c.found.ids[m - 1] != c.found.ids[i])
			c.found.ids[m++] = c.found.ids[i];
	*ids = c.found.ids;
	*n = m;
	if (people != NULL)
		*people = c.people;
	return built; /* BOOK_EDENIED: names and notes not searched, *err says why */
}
