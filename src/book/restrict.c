/* restrict.c - restricted cases (restrict.h).  A restriction is kept in
 * the meta database: "restrict/" | case id -> the logins, and for each
 * person party to the case when it was restricted "restrictp/" | person |
 * case id, so that a list showing a person's name (which knows only the
 * person) hides it too.  Reading a restricted case for someone not named
 * is reading it without the keys: every sealed field stays shut and every
 * person a pseudonym, whatever the key they hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/restrict.h"

#define RESTRICT_PREFIX "restrict/"
#define RESTRICTP_PREFIX "restrictp/"
#define RESTRICT_TO_MAX 512

static size_t
restrict_key(uint64_t id, uint8_t key[sizeof RESTRICT_PREFIX - 1 + 8])
{
	memcpy(key, RESTRICT_PREFIX, sizeof RESTRICT_PREFIX - 1);
	codec_be64(id, key + sizeof RESTRICT_PREFIX - 1);
	return sizeof RESTRICT_PREFIX - 1 + 8;
}

static size_t
restrictp_key(uint64_t person, uint64_t id, uint8_t key[sizeof RESTRICTP_PREFIX - 1 + 16])
{
	memcpy(key, RESTRICTP_PREFIX, sizeof RESTRICTP_PREFIX - 1);
	codec_be64(person, key + sizeof RESTRICTP_PREFIX - 1);
	codec_be64(id, key + sizeof RESTRICTP_PREFIX - 1 + 8);
	return sizeof RESTRICTP_PREFIX - 1 + 16;
}

/* Whether login is one of the comma-separated logins in list (n bytes). */
static bool
restrict_names(const char *list, size_t n, const char *login)
{
	size_t i = 0, len = strlen(login), j;

	while (i < n) {
		for (j = i; j < n && list[j] != ','; j++)
			;
		if (j - i == len && memcmp(list + i, login, len) == 0)
			return true;
		i = j + 1;
	}
	return false;
}

bool
book_restrict_denied_txn(struct book *b, struct store_txn *t, uint64_t id)
{
	uint8_t key[sizeof RESTRICT_PREFIX - 1 + 8];
	const void *v;
	size_t n;

	if (store_get(t, STORE_META, key, restrict_key(id, key), &v, &n) != 0)
		return false;
	return !restrict_names(v, n, b->login);
}

struct person_scan {
	struct book *b;
	struct store_txn *t;
	uint8_t prefix[sizeof RESTRICTP_PREFIX - 1 + 8];
	bool denied;
};

static int
restrict_person_each(const void *k, size_t kl, void *vctx)
{
	struct person_scan *s = vctx;

	if (kl != sizeof s->prefix + 8 || memcmp(k, s->prefix, sizeof s->prefix) != 0)
		return 1;
	if (book_restrict_denied_txn(s->b, s->t, codec_get_be64((const uint8_t *)k + sizeof s->prefix))) {
		s->denied = true;
		return 1;
	}
	return 0;
}

bool
book_restrict_person_denied_txn(struct book *b, struct store_txn *t, uint64_t person)
{
	struct person_scan s;

	memset(&s, 0, sizeof s);
	s.b = b;
	s.t = t;
	memcpy(s.prefix, RESTRICTP_PREFIX, sizeof RESTRICTP_PREFIX - 1);
	codec_be64(person, s.prefix + sizeof RESTRICTP_PREFIX - 1);
	if (store_scan_keys(t, STORE_META, s.prefix, sizeof s.prefix, restrict_person_each, &s) < 0)
		return true; /* cannot tell: shut */
	return s.denied;
}

struct vault_keys *
book_restrict_hide(struct book *b, bool denied)
{
	struct vault_keys *k = b->keys;

	if (denied)
		b->keys = NULL;
	return k;
}

void
book_restrict_unhide(struct book *b, struct vault_keys *k)
{
	b->keys = k;
}

/* --- imposing and lifting ---------------------------------------------------------- */

struct restrict_ctx {
	struct book *b;
	const char *ref;
	char to[RESTRICT_TO_MAX];    /* logins, comma-separated; "" lifts */
};

static int
restrict_people(struct store_txn *t, uint64_t id, bool put)
{
	struct case_rec_party party;
	uint8_t key[8], pk[sizeof RESTRICTP_PREFIX - 1 + 16];
	const void *v;
	size_t n, pos = 0;

	codec_be64(id, key);
	if (store_get(t, STORE_CASES, key, 8, &v, &n) != 0)
		return err_set(store_txn_err(t), "the case cannot be read");
	while (case_rec_party_next(v, n, &pos, &party)) {
		if (party.person == 0)
			continue;
		restrictp_key(party.person, id, pk);
		if (put ? store_put(t, STORE_META, pk, sizeof pk, "", 0, false) != 0
		        : store_del(t, STORE_META, pk, sizeof pk) < 0)
			return -1;
	}
	return 0;
}

static int
restrict_txn(struct store_txn *t, void *vctx)
{
	struct restrict_ctx *c = vctx;
	struct err *err = store_txn_err(t);
	uint8_t key[sizeof RESTRICT_PREFIX - 1 + 8];
	const void *v;
	size_t n, kl;
	uint64_t id;
	bool was;

	if (store_get(t, STORE_REFS, c->ref, strlen(c->ref), &v, &n) != 0 || n != 8)
		return err_set(err, "no case %.40s in this book", c->ref), BOOK_EUSAGE;
	id = codec_get_be64(v);
	kl = restrict_key(id, key);
	was = store_get(t, STORE_META, key, kl, &v, &n) == 0;
	if (c->to[0] == '\0') {
		if (!was)
			return err_set(err, "%s is not restricted: nothing to lift", c->ref), BOOK_EUSAGE;
		if (store_del(t, STORE_META, key, kl) < 0 || restrict_people(t, id, false) != 0)
			return -1;
		return book_audit_append(c->b, t, "case.unrestrict", c->ref, "restriction lifted");
	}
	if (store_put(t, STORE_META, key, kl, c->to, strlen(c->to), false) != 0 ||
	    restrict_people(t, id, true) != 0)
		return -1;
	{
		char fields[160];

		/* (the audit entry keeps 159 bytes of fields: a long list is cut) */
		snprintf(fields, sizeof fields, "to=%.155s", c->to);
		return book_audit_append(c->b, t, "case.restrict", c->ref, fields);
	}
}

int
book_case_restrict(struct book *b, const char *ref, const char *to, struct err *err)
{
	struct restrict_ctx c;
	const char *s = to;
	char login[64];
	size_t len = 0, k;
	int rc;

	memset(&c, 0, sizeof c);
	c.b = b;
	c.ref = ref;
	if (to != NULL) {
		/* each login checked as a login; spaces after commas dropped */
		while (*s != '\0') {
			while (*s == ' ')
				s++;
			for (k = 0; s[k] != '\0' && s[k] != ',' && k + 1 < sizeof login; k++)
				login[k] = s[k];
			login[k] = '\0';
			while (k > 0 && login[k - 1] == ' ')
				login[--k] = '\0';
			if ((rc = book_check_login("--to", login, err)) != 0)
				return rc;
			if (k == 0 || len + k + 2 > sizeof c.to)
				return err_set(err, "--to: %s", k == 0 ? "an empty login in the list"
				                                       : "too many logins"), BOOK_EUSAGE;
			len += (size_t)snprintf(c.to + len, sizeof c.to - len, "%s%s", len ? "," : "",
			                        login);
			s += strcspn(s, ",");
			if (*s == ',')
				s++;
		}
		if (len == 0)
			return err_set(err, "--to: name at least one login"), BOOK_EUSAGE;
	}
	if ((rc = book_require(b, ROLE_MANAGER, false, err)) != 0)
		return rc;
	return book_change(b, ROLE_MANAGER, false, restrict_txn, &c, err);
}

struct restriction_ctx {
	struct book *b;
	const char *ref;
	char *to;
	size_t n;
	bool *allowed;
};

static int
restriction_txn(struct store_txn *t, void *vctx)
{
	struct restriction_ctx *c = vctx;
	uint8_t key[sizeof RESTRICT_PREFIX - 1 + 8];
	const void *v;
	size_t n, i, at = 0;

	c->to[0] = '\0';
	*c->allowed = true;
	if (store_get(t, STORE_REFS, c->ref, strlen(c->ref), &v, &n) != 0 || n != 8)
		return err_set(store_txn_err(t), "no case %.40s in this book", c->ref), BOOK_EUSAGE;
	if (store_get(t, STORE_META, key, restrict_key(codec_get_be64(v), key), &v, &n) != 0)
		return 0;
	*c->allowed = restrict_names(v, n, c->b->login);
	for (i = 0; i < n && at + 3 < c->n; i++) {
		if (((const char *)v)[i] == ',') {
			c->to[at++] = ',';
			c->to[at++] = ' ';
		} else
			c->to[at++] = ((const char *)v)[i];
	}
	c->to[at] = '\0';
	return 0;
}

int
book_case_restriction(struct book *b, const char *ref, char *to, size_t n, bool *allowed,
                      struct err *err)
{
	struct restriction_ctx c = { b, ref, to, n, allowed };

	return store_read(b->st, restriction_txn, &c, err);
}
