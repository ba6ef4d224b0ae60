/* people.c - the sealed identities of children, complainants and advocates:
 * names and dates of birth sealed field by field, exact search through
 * blind indexes, optimistic revisions, pseudonyms for those without keys. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/adjust.h"
#include "redress/reads.h"
#include "redress/date.h"
#include "redress/equality.h"
#include "redress/text.h"

#define PERSON_FIELD_MAX 512

static void
person_key(uint64_t id, uint8_t key[8])
{
	codec_be64(id, key);
}

static void
person_ad(uint64_t id, const char *field, char *ad, size_t n)
{
	snprintf(ad, n, "person:%llu:%s", (unsigned long long)id, field);
}

/* Names: valid UTF-8, no control characters, 1..255 bytes. */
static int
person_check_name(const char *name, struct err *err)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = strlen(name), i = 0;
	uint32_t cp;
	int len;

	if (n == 0)
		return err_set(err, "a name cannot be empty"), BOOK_EUSAGE;
	if (n >= BOOK_NAME_MAX)
		return err_set(err, "a name is at most %d bytes", BOOK_NAME_MAX - 1), BOOK_EUSAGE;
	while (i < n) {
		if ((len = text_utf8_decode(s + i, n - i, &cp)) == 0)
			return err_set(err, "the name is not valid UTF-8"), BOOK_EUSAGE;
		if (text_unsafe_codepoint(cp))
			return err_set(err, "the name contains a control or invisible character "
			               "(U+%04X)", (unsigned)cp), BOOK_EUSAGE;
		i += (size_t)len;
	}
	return 0;
}

int
book_check_dob(const char *dob, struct err *err)
{
	struct date d, today = date_from_unix_london((int64_t)book_now());

	if (dob == NULL || *dob == '\0')
		return 0;
	if (date_parse(dob, &d, err) != 0)
		return err_prefix(err, "date of birth"), BOOK_EUSAGE;
	if (d.day > today.day)
		return err_set(err, "date of birth %s is in the future", dob), BOOK_EUSAGE;
	/* nobody a complaint is about or from was born before 1900: a typing
	 * slip (1800 for 2008) is caught here, not in an eligibility check */
	if (date_year(d) < 1900)
		return err_set(err, "date of birth %s is before 1900", dob), BOOK_EUSAGE;
	return 0;
}

static void
blind_key(char field, const uint8_t blind[VAULT_BLIND_BYTES], uint64_t id, uint8_t *key)
{
	key[0] = (uint8_t)field;
	memcpy(key + 1, blind, VAULT_BLIND_BYTES);
	codec_be64(id, key + 1 + VAULT_BLIND_BYTES);
}
#define BLIND_KEY_LEN (1 + VAULT_BLIND_BYTES + 8)

/* Whether a person record was erased under the retention rule. */
static bool
person_erased(const void *v, size_t n)
{
	const uint8_t *p;
	size_t fn;

	return rec_find(v, n, PT_ERASED, &p, &fn) != 0;
}

/* The sealed contact fields of a person record (contact.c checks them). */
static const struct {
	uint16_t tag;
	const char *field;
	size_t off, size;
} person_contact[] = {
#define PC(tag, f) { tag, #f, offsetof(struct book_contact, f), sizeof ((struct book_contact *)0)->f }
	PC(PT_ADDRESS, address), PC(PT_EMAIL, email), PC(PT_PHONE, phone), PC(PT_PREFER, prefer),
	PC(PT_SAFE, safe),
#undef PC
};
#define PERSON_CONTACTS (sizeof person_contact / sizeof person_contact[0])

/* The values one person record is written from. */
struct person_new {
	uint64_t id, rev;
	const char *name, *dob;
	const struct book_contact *contact; /* NULL: none */
	const struct book_adjust *adjust;   /* NULL: none (adjust.c) */
	const char *equality;               /* its sealed text; NULL or "": none */
	uint32_t key_id;
};

/* text sealed under the person's key as their field, into r under tag
 * (sealed: room for the sealed bytes, cap of them); -1 on error. */
static int
person_seal_put(struct book *b, struct store_txn *t, const struct person_new *pn,
                const char *field, const char *text, struct rec *r, uint16_t tag,
                uint8_t *sealed, size_t cap)
{
	char ad[64];
	size_t slen;

	person_ad(pn->id, field, ad, sizeof ad);
	if (vault_seal(b->keys, pn->key_id, ad, strlen(ad), text, strlen(text), true, sealed, cap,
	               &slen, store_txn_err(t)) != 0)
		return -1;
	rec_bytes(r, tag, sealed, slen);
	return 0;
}

/* Seals, indexes and writes a person; drops the blind entries of old. */
static int
person_write(struct book *b, struct store_txn *t, const struct person_new *pn,
             const void *old, size_t oldlen)
{
	uint8_t sealed[PERSON_FIELD_MAX + VAULT_SEAL_OVERHEAD + VAULT_PAD_BLOCK];
	uint8_t bn[VAULT_BLIND_BYTES], bd[VAULT_BLIND_BYTES], key[8], bkey[BLIND_KEY_LEN];
	const uint8_t *p;
	size_t n;
	struct rec r;
	int rc;

	if (old != NULL) {
		if (rec_find(old, oldlen, PT_BLIND_NAME, &p, &n) && n == VAULT_BLIND_BYTES) {
			blind_key('n', p, pn->id, bkey);
			store_del(t, STORE_BLIND, bkey, sizeof bkey);
		}
		if (rec_find(old, oldlen, PT_BLIND_DOB, &p, &n) && n == VAULT_BLIND_BYTES) {
			blind_key('d', p, pn->id, bkey);
			store_del(t, STORE_BLIND, bkey, sizeof bkey);
		}
	}
	rec_begin(&r, REC_PERSON, 1);
	rec_u64(&r, PT_REV, pn->rev);
	rec_u64(&r, PT_UPDATED_AT, book_now());
	rec_str(&r, PT_UPDATED_BY, b->login);
	rec_u64(&r, PT_UPDATED_UID, b->uid);
	if (person_seal_put(b, t, pn, "name", pn->name, &r, PT_NAME, sealed, sizeof sealed) != 0 ||
	    vault_blind(b->keys, pn->key_id, "name", pn->name, bn, store_txn_err(t)) != 0)
		goto fail;
	rec_bytes(&r, PT_BLIND_NAME, bn, sizeof bn);
	if (pn->dob != NULL && *pn->dob != '\0') {
		if (person_seal_put(b, t, pn, "dob", pn->dob, &r, PT_DOB, sealed, sizeof sealed) != 0 ||
		    vault_blind(b->keys, pn->key_id, "dob", pn->dob, bd, store_txn_err(t)) != 0)
			goto fail;
		rec_bytes(&r, PT_BLIND_DOB, bd, sizeof bd);
	}
	for (n = 0; pn->contact != NULL && n < PERSON_CONTACTS; n++) {
		const char *f = (const char *)pn->contact + person_contact[n].off;

		if (*f != '\0' && person_seal_put(b, t, pn, person_contact[n].field, f, &r,
		                                   person_contact[n].tag, sealed, sizeof sealed) != 0)
			goto fail;
	}
	if (pn->adjust != NULL &&
	    book_person_adjust_put(b, pn->key_id, pn->id, pn->adjust, &r, store_txn_err(t)) != 0)
		goto fail;
	if (pn->equality != NULL && *pn->equality != '\0' &&
	    person_seal_put(b, t, pn, "equality", pn->equality, &r, PT_EQUALITY, sealed,
	                    sizeof sealed) != 0)
		goto fail;
	if (rec_done(&r) != 0) {
		err_set(store_txn_err(t), "out of memory");
		goto fail;
	}
	person_key(pn->id, key);
	if ((rc = store_put(t, STORE_PEOPLE, key, 8, r.buf, r.len, false)) != 0)
		goto fail;
	blind_key('n', bn, pn->id, bkey);
	if (store_put(t, STORE_BLIND, bkey, sizeof bkey, "", 0, false) != 0)
		goto fail;
	if (pn->dob != NULL && *pn->dob != '\0') {
		blind_key('d', bd, pn->id, bkey);
		if (store_put(t, STORE_BLIND, bkey, sizeof bkey, "", 0, false) != 0)
			goto fail;
	}
	/* the words of the name, for the client's / (search.c) */
	if (search_person_put(b, t, pn->id, pn->name, pn->key_id) != 0)
		goto fail;
	rec_free(&r);
	vault_wipe(sealed, sizeof sealed);
	return 0;
fail:
	rec_free(&r);
	return -1;
}

/* Revision 1 of a new person: a name and perhaps a date of birth, no more. */
static int
person_write_first(struct book *b, struct store_txn *t, uint64_t id, const char *name,
                   const char *dob)
{
	const struct person_new pn = { .id = id, .rev = 1, .name = name, .dob = dob,
	                               .key_id = b->key_id };

	return person_write(b, t, &pn, NULL, 0);
}

/* Opens one sealed field of a person into out (n bytes), "" when absent. */
static int
person_open_field(struct book *b, uint64_t id, const void *v, size_t vl, uint16_t tag,
                  const char *field, char *out, size_t n, struct err *err)
{
	const uint8_t *p;
	size_t len, plen;
	char ad[64];
	/* room for the padding too, so that it opens here rather than in a
	 * guarded allocation of its own (an mmap each: a search of every name
	 * spent most of its time there); wiped like the caller's copy */
	char buf[PERSON_FIELD_MAX + VAULT_PAD_BLOCK];
	int rc = 0;

	out[0] = '\0';
	if (!rec_find(v, vl, tag, &p, &len))
		return 0;
	person_ad(id, field, ad, sizeof ad);
	if (vault_open(b->keys, ad, strlen(ad), p, len, buf, sizeof buf, &plen, err) != 0)
		rc = -1;
	else if (plen > n - 1)
		rc = err_set(err, "field of %zu bytes does not fit in %zu", plen, n - 1);
	else {
		memcpy(out, buf, plen);
		out[plen] = '\0';
	}
	vault_wipe(buf, sizeof buf);
	return rc;
}

int
book_person_contact_open(struct book *b, uint64_t id, const void *v, size_t vl,
                         struct book_contact *out, struct err *err)
{
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < PERSON_CONTACTS; i++)
		if (person_open_field(b, id, v, vl, person_contact[i].tag, person_contact[i].field,
		                      (char *)out + person_contact[i].off, person_contact[i].size,
		                      err) != 0) {
			vault_wipe(out, sizeof *out);
			return err_prefix(err, "person %llu's %s", (unsigned long long)id,
			                  person_contact[i].field);
		}
	return 0;
}

int
book_person_equality_open(struct book *b, uint64_t id, const void *v, size_t vl, char *out,
                          size_t n, struct err *err)
{
	if (person_open_field(b, id, v, vl, PT_EQUALITY, "equality", out, n, err) != 0)
		return err_prefix(err, "person %llu's equality monitoring", (unsigned long long)id);
	return 0;
}

/* Fills a book_person from a record: real identity for a key holder,
 * a pseudonym otherwise. */
static int
person_parse(struct book *b, uint64_t id, const void *v, size_t vl, struct book_person *out,
             struct err *err)
{
	memset(out, 0, sizeof *out);
	out->id = id;
	out->rev = rec_find_u64(v, vl, PT_REV, 0);
	out->updated_at = rec_find_u64(v, vl, PT_UPDATED_AT, 0);
	rec_find_str(v, vl, PT_UPDATED_BY, out->updated_by, sizeof out->updated_by);
	if (person_erased(v, vl))
		snprintf(out->name, sizeof out->name, "Person P-%04llu (erased)",
		         (unsigned long long)id);
	else if (book_has_key(b)) {
		if (person_open_field(b, id, v, vl, PT_NAME, "name", out->name, sizeof out->name,
		                      err) != 0 ||
		    person_open_field(b, id, v, vl, PT_DOB, "dob", out->dob, sizeof out->dob, err) != 0)
			return err_prefix(err, "person %llu", (unsigned long long)id);
		out->shown = true;
	} else
		snprintf(out->name, sizeof out->name, "Person P-%04llu", (unsigned long long)id);
	return 0;
}

/* --- add ------------------------------------------------------------------- */

/* n people (one: an "add", else an "import"), numbered from first on. */
struct import_ctx {
	struct book *b;
	const char *const *names, *const *dobs;
	size_t n;
	bool add;
	uint64_t first;
};

static int
person_import_txn(struct store_txn *t, void *vctx)
{
	struct import_ctx *c = vctx;
	const char *dob = c->dobs != NULL ? c->dobs[0] : NULL;
	char rec[64];
	size_t i;

	c->first = book_meta_u64(t, META_NEXT_PERSON, 1);
	for (i = 0; i < c->n; i++)
		if (person_write_first(c->b, t, c->first + i, c->names[i],
		                       c->dobs != NULL ? c->dobs[i] : NULL) != 0)
			return -1;
	if (book_meta_put_u64(t, META_NEXT_PERSON, c->first + c->n) != 0)
		return -1;
	if (c->add) {
		snprintf(rec, sizeof rec, "person %llu", (unsigned long long)c->first);
		return book_audit_append(c->b, t, "person.add", rec,
		                         dob && *dob ? "name,dob" : "name");
	}
	snprintf(rec, sizeof rec, "people %llu-%llu", (unsigned long long)c->first,
	         (unsigned long long)(c->first + c->n - 1));
	return book_audit_append(c->b, t, "person.import", rec, "name,dob");
}

int
book_person_add(struct book *b, const char *name, const char *dob, uint64_t *id,
                struct err *err)
{
	struct import_ctx c = { b, &name, &dob, 1, true, 0 };
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0 ||
	    (rc = person_check_name(name, err)) != 0 || (rc = book_check_dob(dob, err)) != 0)
		return rc;
	if ((rc = book_write(b, ROLE_CASEWORKER, true, person_import_txn, &c, err)) != 0)
		return rc;
	*id = c.first;
	book_audit_announce(b);
	return 0;
}

int
book_person_import(struct book *b, const char *const *names, const char *const *dobs, size_t n,
                   uint64_t *first, struct err *err)
{
	struct import_ctx c = { b, names, dobs, n, false, 0 };
	size_t i;
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	if (n == 0)
		return err_set(err, "nothing to import"), BOOK_EUSAGE;
	/* every row is checked before anything is written */
	for (i = 0; i < n; i++)
		if ((rc = person_check_name(names[i], err)) != 0 ||
		    (dobs != NULL && (rc = book_check_dob(dobs[i], err)) != 0))
			return err_prefix(err, "row %zu", i + 1), rc;
	if ((rc = book_write(b, ROLE_CASEWORKER, true, person_import_txn, &c, err)) != 0)
		return rc;
	*first = c.first;
	book_audit_announce(b);
	return 0;
}

/* --- get ------------------------------------------------------------------- */

int
person_record_txn(struct store_txn *t, uint64_t id, const void **v, size_t *n)
{
	uint8_t key[8];
	int rc;

	person_key(id, key);
	rc = store_get(t, STORE_PEOPLE, key, 8, v, n);
	if (rc == STORE_NOTFOUND)
		return err_set(store_txn_err(t), "no person %llu in this book",
		               (unsigned long long)id), BOOK_EUSAGE;
	return rc != 0 ? -1 : 0;
}

/* What was opened of person id (out, size bytes) on record before anyone
 * sees it; wiped when it cannot be. */
static int
person_read_noted(struct book *b, uint64_t id, void *out, size_t size, struct err *err)
{
	char record[48];
	int rc;

	snprintf(record, sizeof record, "person %llu", (unsigned long long)id);
	if ((rc = book_read_note(b, record, err)) != 0)
		vault_wipe(out, size);
	return rc;
}

struct sealed_get_ctx {
	struct book *b;
	uint64_t id;
	const char *what;              /* NULL: identity, a pseudonym without the key */
	bool one;                      /* what is one thing: "is ... it" */
	int (*open)(struct book *, uint64_t, const void *, size_t, void *, struct err *);
	void *out;
	bool empty;                    /* open() found nothing of them: no read */
};

static int
person_sealed_get_txn(struct store_txn *t, void *vctx)
{
	struct sealed_get_ctx *c = vctx;
	struct vault_keys *keys;
	const void *v;
	size_t n;
	int rc;

	if ((rc = person_record_txn(t, c->id, &v, &n)) != 0)
		return rc;
	/* party to a case restricted away from this user: nothing of them, or
	 * for identity (what NULL) a pseudonym */
	keys = book_restrict_hide(c->b, book_restrict_person_denied_txn(c->b, t, c->id));
	if (c->what != NULL && !book_has_key(c->b)) {
		err_set(store_txn_err(t), "%s %s sealed, and %s does not hold the key that opens "
		        "%s", c->what, c->one ? "is" : "are", book_login(c->b), c->one ? "it" : "them");
		rc = BOOK_EDENIED;
	} else if ((rc = c->open(c->b, c->id, v, n, c->out, store_txn_err(t))) == 1) {
		c->empty = true;
		rc = 0;
	}
	book_restrict_unhide(c->b, keys);
	return rc;
}

int
book_person_sealed_get(struct book *b, uint64_t id, const char *what, bool one,
                       int (*open)(struct book *, uint64_t, const void *, size_t, void *,
                                   struct err *),
                       void *out, size_t size, struct err *err)
{
	struct sealed_get_ctx c = { b, id, what, one, open, out, false };
	int rc;

	memset(out, 0, size);
	if (!book_has_key(b))
		return err_set(err, "%s %s sealed, and %s does not hold the book's data key", what,
		               one ? "is" : "are", book_login(b)), BOOK_EDENIED;
	if ((rc = store_read(b->st, person_sealed_get_txn, &c, err)) != 0 || c.empty)
		return rc;
	return person_read_noted(b, id, out, size, err);
}

/* A person's identity for a key holder, a pseudonym otherwise. */
static int
person_parse_any(struct book *b, uint64_t id, const void *v, size_t n, void *out,
                 struct err *err)
{
	return person_parse(b, id, v, n, out, err);
}

int
book_person_get(struct book *b, uint64_t id, struct book_person *out, struct err *err)
{
	struct sealed_get_ctx c = { b, id, NULL, false, person_parse_any, out, false };
	int rc;

	if ((rc = store_read(b->st, person_sealed_get_txn, &c, err)) != 0 || !out->shown)
		return rc;
	return person_read_noted(b, id, out, sizeof *out, err);
}

/* --- update ---------------------------------------------------------------- */

struct update_ctx {
	struct book *b;
	uint64_t id, base;             /* base 0: no revision check */
	const char *name, *dob;
	const struct book_contact_change *contact; /* NULL: unchanged */
	const struct book_equality_change *equality; /* NULL: unchanged */
	const char *action, *fields;   /* the audit's; NULL: person.update, name,dob */
	struct book_contact ct;        /* the details written: wiped after */
	const struct book_adjust *adjust; /* the adjustments to write; NULL: as they are */
	struct book_adjust *adj;       /* room to keep them as they are, or NULL */
	char eq[EQUALITY_TEXT_MAX];    /* the answers written, as sealed: wiped after */
};

/* The answers of record v with ch applied, as they are sealed, into eq. */
static int
person_equality_apply(struct book *b, uint64_t id, const void *v, size_t n,
                      const struct book_equality_change *ch, char *eq, struct err *err)
{
	struct book_equality cur;
	int rc;

	if ((rc = book_person_equality_open(b, id, v, n, eq, EQUALITY_TEXT_MAX, err)) != 0 ||
	    ch == NULL)
		return rc;
	equality_decode(eq, &cur);
	if ((rc = book_equality_apply(&cur, ch, err)) == 0)
		equality_encode(&cur, eq, EQUALITY_TEXT_MAX);
	vault_wipe(&cur, sizeof cur);
	return rc;
}

/* ch applied to ct: NULL leaves a field, "" clears it. */
static void
person_contact_apply(struct book_contact *ct, const struct book_contact_change *ch)
{
	const char *v[PERSON_CONTACTS];
	size_t i;

	v[0] = ch->address;
	v[1] = ch->email;
	v[2] = ch->phone;
	v[3] = ch->prefer;
	v[4] = ch->safe;
	for (i = 0; i < PERSON_CONTACTS; i++)
		if (v[i] != NULL)
			snprintf((char *)ct + person_contact[i].off, person_contact[i].size, "%s", v[i]);
}

static int
person_update_txn(struct store_txn *t, void *vctx)
{
	struct update_ctx *c = vctx;
	struct book_person cur;
	struct person_new pn;
	const void *v;
	size_t n;
	uint8_t key[8];
	char rec[32], fields[16] = "";
	int rc;

	person_key(c->id, key);
	rc = store_get(t, STORE_PEOPLE, key, 8, &v, &n);
	if (rc == STORE_NOTFOUND)
		return err_set(store_txn_err(t), "no person %llu in this book",
		               (unsigned long long)c->id), BOOK_EUSAGE;
	if (rc != 0 || person_parse(c->b, c->id, v, n, &cur, store_txn_err(t)) != 0)
		return -1;
	if (person_erased(v, n))
		return err_set(store_txn_err(t), "person %llu was erased under the retention rule",
		               (unsigned long long)c->id), BOOK_EUSAGE;
	if (c->base != 0 && cur.rev != c->base) {
		char when[32];

		date_format_london_time((int64_t)cur.updated_at, when, sizeof when);
		return err_set(store_txn_err(t), "person %llu was changed by %s on %s (revision %llu; "
		               "yours was based on %llu): your change was not saved",
		               (unsigned long long)c->id, cur.updated_by, when,
		               (unsigned long long)cur.rev, (unsigned long long)c->base), BOOK_ESTALE;
	}
	pn.id = c->id;
	pn.rev = cur.rev + 1;
	pn.name = c->name != NULL ? c->name : cur.name;
	pn.dob = c->dob != NULL ? c->dob : cur.dob;
	pn.contact = &c->ct;
	pn.adjust = c->adjust != NULL ? c->adjust : c->adj;
	pn.equality = c->eq;
	pn.key_id = c->b->key_id;
	rc = book_person_contact_open(c->b, c->id, v, n, &c->ct, store_txn_err(t));
	if (rc == 0 && c->adjust == NULL)
		rc = c->adj != NULL ? book_person_adjust_open(c->b, c->id, v, n, c->adj,
		                                              store_txn_err(t)) : -1;
	if (rc == 0 && c->contact != NULL)
		person_contact_apply(&c->ct, c->contact);
	if (rc == 0)
		rc = person_equality_apply(c->b, c->id, v, n, c->equality, c->eq, store_txn_err(t));
	if (rc == 0)
		rc = person_write(c->b, t, &pn, v, n);
	vault_wipe(&cur, sizeof cur);
	vault_wipe(&c->ct, sizeof c->ct);
	if (c->adj != NULL)
		vault_wipe(c->adj, sizeof *c->adj);
	vault_wipe(c->eq, sizeof c->eq);
	if (rc != 0)
		return rc == BOOK_EUSAGE ? rc : -1;
	snprintf(rec, sizeof rec, "person %llu", (unsigned long long)c->id);
	if (c->action != NULL)
		return book_audit_append(c->b, t, c->action, rec, c->fields);
	snprintf(fields, sizeof fields, "%s%s%s", c->name ? "name" : "",
	         c->name && c->dob ? "," : "", c->dob ? "dob" : "");
	return book_audit_append(c->b, t, "person.update", rec, fields);
}

int
book_person_update(struct book *b, uint64_t id, uint64_t base_rev, const char *name,
                   const char *dob, struct err *err)
{
	struct update_ctx c;
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0 ||
	    (name != NULL && (rc = person_check_name(name, err)) != 0) ||
	    (rc = book_check_dob(dob, err)) != 0)
		return rc;
	if (name == NULL && dob == NULL)
		return err_set(err, "nothing to change"), BOOK_EUSAGE;
	if (base_rev == 0)
		return err_set(err, "which revision was the change based on?"), BOOK_EUSAGE;
	memset(&c, 0, sizeof c);
	c.b = b;
	c.id = id;
	c.base = base_rev;
	c.name = name;
	c.dob = dob;
	if ((c.adj = book_secret_alloc(sizeof *c.adj)) == NULL)
		return err_set(err, "out of memory");
	rc = book_write(b, ROLE_CASEWORKER, true, person_update_txn, &c, err);
	book_secret_free(c.adj, sizeof *c.adj);
	if (rc != 0)
		return rc;
	book_audit_announce(b);
	return 0;
}

/* A change of person id at base_rev audited as action naming fields, in
 * secret memory (book_secret_free), or NULL without memory. */
static struct update_ctx *
person_update_new(struct book *b, uint64_t id, uint64_t base_rev, const char *action,
                  const char *fields)
{
	struct update_ctx *c;

	if ((c = book_secret_alloc(sizeof *c)) == NULL)
		return NULL;
	memset(c, 0, sizeof *c);
	c->b = b;
	c->id = id;
	c->base = base_rev;
	c->action = action;
	c->fields = fields;
	return c;
}

/* One change to a person's sealed details (contact or equality), audited
 * as action naming fields. */
static int
person_change_write(struct book *b, uint64_t id, uint64_t base_rev,
                    const struct book_contact_change *contact,
                    const struct book_equality_change *equality, const char *action,
                    const char *fields, struct err *err)
{
	struct update_ctx *c;
	int rc;

	if ((c = person_update_new(b, id, base_rev, action, fields)) == NULL)
		return err_set(err, "out of memory");
	c->contact = contact;
	c->equality = equality;
	if ((c->adj = book_secret_alloc(sizeof *c->adj)) == NULL)
		rc = err_set(err, "out of memory");
	else
		rc = book_write(b, ROLE_CASEWORKER, true, person_update_txn, c, err);
	if (c->adj != NULL)
		book_secret_free(c->adj, sizeof *c->adj);
	book_secret_free(c, sizeof *c);
	if (rc == 0)
		book_audit_announce(b);
	return rc;
}

int
book_person_contact_write(struct book *b, uint64_t id, uint64_t base_rev,
                          const struct book_contact_change *ch, const char *fields,
                          struct err *err)
{
	return person_change_write(b, id, base_rev, ch, NULL, "person.contact", fields, err);
}

int
book_person_equality_write(struct book *b, uint64_t id, uint64_t base_rev,
                           const struct book_equality_change *ch, const char *fields,
                           struct err *err)
{
	return person_change_write(b, id, base_rev, NULL, ch, "person.equality", fields, err);
}

int
book_person_adjust_txn(struct book *b, struct store_txn *t, uint64_t id, uint64_t base_rev,
                       const struct book_adjust *adj, const char *fields)
{
	struct update_ctx *c;
	int rc;

	if ((c = person_update_new(b, id, base_rev, "person.adjust", fields)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	c->adjust = adj;
	rc = person_update_txn(t, c);
	book_secret_free(c, sizeof *c);
	return rc;
}

/* --- find and list --------------------------------------------------------- */

/* The comparison the blind index makes: ASCII case and runs of space. */
static void
person_normalise(const char *in, char *out, size_t n)
{
	size_t k = 0;
	bool space = false;

	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in != '\0' && k + 1 < n; in++) {
		if (*in == ' ' || *in == '\t' || *in == '\n' || *in == '\r') {
			space = true;
			continue;
		}
		if (space && k > 0)
			out[k++] = ' ';
		space = false;
		if (k + 1 < n)
			out[k++] = (*in >= 'A' && *in <= 'Z') ? (char)(*in + 32) : *in;
	}
	out[k] = '\0';
}

struct find_ctx {
	struct book *b;
	struct store_txn *t;
	uint8_t prefix[1 + VAULT_BLIND_BYTES];
	char want[BOOK_NAME_MAX], want_dob[16];
	struct book_ids found;
};

static int
person_find_each(const void *k, size_t kl, void *vctx)
{
	struct find_ctx *c = vctx;
	struct book_person p;
	const void *pv;
	size_t pn;
	char got[BOOK_NAME_MAX];
	int rc;

	if (kl != BLIND_KEY_LEN || memcmp(k, c->prefix, sizeof c->prefix) != 0)
		return 1; /* past the prefix: done */
	if (store_get(c->t, STORE_PEOPLE, (const uint8_t *)k + 1 + VAULT_BLIND_BYTES, 8, &pv, &pn) != 0)
		return 0;
	if (person_parse(c->b, codec_get_be64((const uint8_t *)k + 1 + VAULT_BLIND_BYTES), pv, pn,
	                 &p, store_txn_err(c->t)) != 0)
		return -1;
	/* a truncated index may collide: confirm on the plaintext */
	person_normalise(p.name, got, sizeof got);
	rc = 0;
	if (strcmp(got, c->want) == 0 && (c->want_dob[0] == '\0' || strcmp(p.dob, c->want_dob) == 0)) {
		uint64_t *ids = c->found.ids;

		/* shown once the reads are on record, after this transaction */
		if (c->found.n == c->found.cap) {
			c->found.cap = c->found.cap ? c->found.cap * 2 : 8;
			if ((ids = realloc(c->found.ids, c->found.cap * sizeof *ids)) == NULL)
				rc = err_set(store_txn_err(c->t), "out of memory");
			else
				c->found.ids = ids;
		}
		if (rc == 0)
			c->found.ids[c->found.n++] = p.id;
	}
	vault_wipe(&p, sizeof p);
	vault_wipe(got, sizeof got);
	return rc;
}

static int
person_find_txn(struct store_txn *t, void *vctx)
{
	struct find_ctx *c = vctx;
	int rc;

	c->t = t;
	rc = store_scan_keys(t, STORE_BLIND, c->prefix, sizeof c->prefix, person_find_each, c);
	return rc < 0 ? -1 : 0;
}

int
book_person_find(struct book *b, const char *name, const char *dob,
                 int (*each)(const struct book_person *, void *), void *ctx, struct err *err)
{
	struct find_ctx local, *c;
	struct book_ids found;
	struct book_person p;
	size_t i;
	int rc;

	/* the blind index is keyed by the book's current key: take it first
	 * if an admin rotated it since the book opened */
	if (book_unlocked(b) && (rc = book_refresh(b, err)) != 0)
		return rc;
	if (!book_has_key(b))
		return err_set(err, "searching by name needs the data key (unlock as a user who "
		               "holds it)"), BOOK_EDENIED;
	if ((rc = book_check_dob(dob, err)) != 0)
		return rc;
	/* on the stack and wiped: a guarded allocation per search costs more
	 * than the search itself */
	c = &local;
	memset(c, 0, sizeof *c);
	c->b = b;
	c->prefix[0] = 'n';
	person_normalise(name, c->want, sizeof c->want);
	if (dob != NULL)
		snprintf(c->want_dob, sizeof c->want_dob, "%s", dob);
	rc = vault_blind(b->keys, b->key_id, "name", name, c->prefix + 1, err);
	if (rc == 0)
		rc = store_read(b->st, person_find_txn, c, err);
	found = c->found;
	vault_wipe(c, sizeof *c);
	for (i = 0; i < found.n && rc == 0; i++) {
		if ((rc = book_person_get(b, found.ids[i], &p, err)) == 0)
			rc = each(&p, ctx);
		vault_wipe(&p, sizeof p);
	}
	free(found.ids);
	return rc;
}

struct list_ctx {
	struct book *b;
	struct err *err;
	int (*each)(const struct book_person *, void *);
	void *ctx;
};

static int
person_list_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct list_ctx *c = vctx;
	struct book_person p;
	int rc;

	if (kl != 8)
		return 0;
	if (person_parse(c->b, codec_get_be64(k), v, vl, &p, c->err) != 0)
		return -1;
	rc = c->each(&p, c->ctx);
	vault_wipe(&p, sizeof p);
	return rc;
}

static int
person_list_txn(struct store_txn *t, void *vctx)
{
	struct list_ctx *c = vctx;

	c->err = store_txn_err(t);
	return store_scan(t, STORE_PEOPLE, NULL, 0, person_list_each, c) < 0 ? -1 : 0;
}

int
book_person_list(struct book *b, int (*each)(const struct book_person *, void *), void *ctx,
                 struct err *err)
{
	struct list_ctx c = { b, NULL, each, ctx };
	int rc;

	if ((rc = book_read_note(b, "every person", err)) != 0)
		return rc;
	return store_read(b->st, person_list_txn, &c, err);
}

/* --- the search index of a book made before it ------------------------------ */

struct index_ctx {
	struct book *b;
	struct store_txn *t;
	char *name; /* guarded */
};

static int
person_index_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct index_ctx *c = vctx;
	uint64_t id;
	int rc;

	if (kl != 8 || person_erased(v, vl))
		return 0;
	id = codec_get_be64(k);
	/* a name no key held opens cannot be indexed: it is not found */
	if (person_open_field(c->b, id, v, vl, PT_NAME, "name", c->name, BOOK_NAME_MAX,
	                      store_txn_err(c->t)) != 0)
		return 0;
	rc = search_person_put(c->b, c->t, id, c->name, c->b->key_id);
	vault_wipe(c->name, BOOK_NAME_MAX);
	return rc != 0 ? -1 : 0;
}

int
book_people_index_txn(struct book *b, struct store_txn *t)
{
	struct index_ctx c = { b, t, NULL };
	int rc;

	if ((c.name = book_secret_alloc(BOOK_NAME_MAX)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	rc = store_scan(t, STORE_PEOPLE, NULL, 0, person_index_each, &c) < 0 ? -1 : 0;
	book_secret_free(c.name, BOOK_NAME_MAX);
	return rc;
}

/* --- rekey ----------------------------------------------------------------- */

int
book_people_reseal(struct book *b, struct store_txn *t, uint32_t new_id)
{
	struct book_ids r = { NULL, 0, 0 };
	struct book_person *p;
	struct book_contact *ct;
	struct book_adjust *adj;
	struct person_new pn;
	const void *v;
	size_t n, i;
	uint8_t key[8];
	char eq[EQUALITY_TEXT_MAX];
	int rc = -1;

	if (store_scan(t, STORE_PEOPLE, NULL, 0, book_collect_ids, &r) < 0)
		return err_set(store_txn_err(t), "out of memory");
	p = book_secret_alloc(sizeof *p);
	ct = book_secret_alloc(sizeof *ct);
	adj = book_secret_alloc(sizeof *adj);
	if (p == NULL || ct == NULL || adj == NULL) {
		if (p != NULL)
			book_secret_free(p, sizeof *p);
		if (ct != NULL)
			book_secret_free(ct, sizeof *ct);
		if (adj != NULL)
			book_secret_free(adj, sizeof *adj);
		free(r.ids);
		return err_set(store_txn_err(t), "out of memory");
	}
	for (i = 0; i < r.n; i++) {
		person_key(r.ids[i], key);
		if (store_get(t, STORE_PEOPLE, key, 8, &v, &n) != 0)
			goto out;
		if (person_erased(v, n))
			continue; /* nothing sealed left to reseal */
		if (person_parse(b, r.ids[i], v, n, p, store_txn_err(t)) != 0 ||
		    book_person_contact_open(b, r.ids[i], v, n, ct, store_txn_err(t)) != 0 ||
		    book_person_adjust_open(b, r.ids[i], v, n, adj, store_txn_err(t)) != 0 ||
		    book_person_equality_open(b, r.ids[i], v, n, eq, sizeof eq, store_txn_err(t)) != 0) {
			struct err *e = store_txn_err(t);
			char why[ERR_MAX];

			snprintf(why, sizeof why, "%s", e->msg);
			err_set(e, "%s: cannot be opened with the keys held, so the data key was not "
			        "rotated and nothing was changed", why);
			goto out;
		}
		pn.id = r.ids[i];
		pn.rev = p->rev; /* a new key is not a new revision of the person */
		pn.name = p->name;
		pn.dob = p->dob;
		pn.contact = ct;
		pn.adjust = adj;
		pn.equality = eq;
		pn.key_id = new_id;
		if (person_write(b, t, &pn, v, n) != 0)
			goto out;
	}
	rc = 0;
out:
	vault_wipe(eq, sizeof eq);
	book_secret_free(p, sizeof *p);
	book_secret_free(ct, sizeof *ct);
	book_secret_free(adj, sizeof *adj);
	free(r.ids);
	return rc;
}

/* A new person inside the caller's transaction (a case being added). */
int
book_person_put_txn(struct book *b, struct store_txn *t, const char *name, const char *dob,
                    uint64_t *id)
{
	int rc;

	if ((rc = person_check_name(name, store_txn_err(t))) != 0 ||
	    (rc = book_check_dob(dob, store_txn_err(t))) != 0)
		return rc;
	*id = book_meta_u64(t, META_NEXT_PERSON, 1);
	if (book_meta_put_u64(t, META_NEXT_PERSON, *id + 1) != 0)
		return -1;
	return person_write_first(b, t, *id, name, dob);
}

/* --- retention ------------------------------------------------------------- */

int
book_person_erase_txn(struct book *b, struct store_txn *t, uint64_t id, const char *date,
                      bool *done)
{
	uint8_t key[8], bkey[BLIND_KEY_LEN];
	const uint8_t *p;
	const void *v;
	size_t n, pos = 0, fn;
	uint16_t tag;
	struct rec r;
	int rc;

	*done = false;
	person_key(id, key);
	if ((rc = store_get(t, STORE_PEOPLE, key, 8, &v, &n)) != 0)
		return rc == STORE_NOTFOUND ? 0 : -1;
	if (person_erased(v, n))
		return 0;
	if (rec_find(v, n, PT_BLIND_NAME, &p, &fn) && fn == VAULT_BLIND_BYTES) {
		blind_key('n', p, id, bkey);
		store_del(t, STORE_BLIND, bkey, sizeof bkey);
	}
	if (rec_find(v, n, PT_BLIND_DOB, &p, &fn) && fn == VAULT_BLIND_BYTES) {
		blind_key('d', p, id, bkey);
		store_del(t, STORE_BLIND, bkey, sizeof bkey);
	}
	if (search_person_drop(t, id) != 0)
		return -1;
	rec_begin(&r, REC_PERSON, 1);
	rec_u64(&r, PT_REV, rec_find_u64(v, n, PT_REV, 0) + 1);
	rec_u64(&r, PT_UPDATED_AT, book_now());
	rec_str(&r, PT_UPDATED_BY, b->login);
	rec_u64(&r, PT_UPDATED_UID, b->uid);
	/* whatever else a later version keeps, but nothing sealed or blind */
	while (rec_next(v, n, &pos, &tag, &p, &fn))
		if (tag != PT_REV && tag != PT_UPDATED_AT && tag != PT_UPDATED_BY &&
		    tag != PT_UPDATED_UID && tag != PT_NAME && tag != PT_DOB && tag != PT_BLIND_NAME &&
		    tag != PT_BLIND_DOB && tag != PT_ADDRESS && tag != PT_EMAIL && tag != PT_PHONE &&
		    tag != PT_PREFER && tag != PT_SAFE && tag != PT_EQUALITY &&
		    (tag < PT_ADJ_TEXT || tag > PT_ADJ_REVIEW))
			rec_bytes(&r, tag, p, fn);
	rec_str(&r, PT_ERASED, date);
	if (rec_done(&r) != 0) {
		rec_free(&r);
		return err_set(store_txn_err(t), "out of memory");
	}
	rc = store_put(t, STORE_PEOPLE, key, 8, r.buf, r.len, false);
	rec_free(&r);
	if (rc != 0)
		return -1;
	*done = true;
	return 0;
}
