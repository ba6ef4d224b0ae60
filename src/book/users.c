/* users.c - the people who use a book: enrolment with their own passphrase,
 * grants of the data key by an admin who never learns it, roles, revocation
 * by rotating the data key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"

int book_user_put_new(struct book *b, struct store_txn *t, const struct vault_identity *id,
                      enum role role, bool granted, const char *granted_by, uint32_t key_id,
                      const uint8_t *slot);

int
book_user_get(struct store_txn *t, uint32_t uid, const void **val, size_t *len)
{
	uint8_t key[4];

	codec_be32(uid, key);
	return store_get(t, STORE_USERS, key, 4, val, len);
}

int
book_user_parse(const void *v, size_t n, uint32_t uid, struct book_user *u,
                struct vault_identity *id)
{
	const uint8_t *p;
	size_t pos = 0, fn;
	uint16_t tag;

	if (rec_check(v, n, REC_USER, NULL) != 0)
		return -1;
	memset(u, 0, sizeof *u);
	u->uid = uid;
	rec_find_str(v, n, UT_LOGIN, u->login, sizeof u->login);
	u->role = (enum role)rec_find_u64(v, n, UT_ROLE, ROLE_NONE);
	u->granted = rec_find_u64(v, n, UT_GRANTED, 0) != 0;
	u->revoked = rec_find_u64(v, n, UT_REVOKED, 0) != 0;
	u->enrolled_at = rec_find_u64(v, n, UT_ENROLLED_AT, 0);
	u->granted_at = rec_find_u64(v, n, UT_GRANTED_AT, 0);
	rec_find_str(v, n, UT_GRANTED_BY, u->granted_by, sizeof u->granted_by);
	if (u->role > ROLE_ADMIN)
		u->role = ROLE_NONE;
	if (id != NULL)
		memset(id, 0, sizeof *id);
	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		if (tag == UT_SLOT && fn == 4 + VAULT_SLOT_BYTES)
			u->key_id = codec_get_be32(p);
		if (id == NULL)
			continue;
		if (tag == UT_BOX_PK && fn == VAULT_PK_BYTES)
			memcpy(id->box_pk, p, fn);
		else if (tag == UT_SIGN_PK && fn == VAULT_PK_BYTES)
			memcpy(id->sign_pk, p, fn);
		else if (tag == UT_WRAPPED && fn == VAULT_WRAPPED_BYTES)
			memcpy(id->wrapped, p, fn);
		else if (tag == UT_SALT && fn == VAULT_SALT_BYTES)
			memcpy(id->kdf.salt, p, fn);
	}
	if (id != NULL) {
		id->kdf.opslimit = rec_find_u64(v, n, UT_OPS, 0);
		id->kdf.memlimit = rec_find_u64(v, n, UT_MEM, 0);
	}
	return 0;
}

static int
book_user_record(struct book *b, const struct vault_identity *id, enum role role, bool granted,
                 const char *granted_by, uint32_t key_id, const uint8_t *slot, struct rec *r)
{
	uint8_t kslot[4 + VAULT_SLOT_BYTES];

	rec_begin(r, REC_USER, 1);
	rec_str(r, UT_LOGIN, b->login);
	rec_u64(r, UT_ROLE, (uint64_t)role);
	rec_u64(r, UT_GRANTED, granted);
	rec_bytes(r, UT_BOX_PK, id->box_pk, VAULT_PK_BYTES);
	rec_bytes(r, UT_SIGN_PK, id->sign_pk, VAULT_PK_BYTES);
	rec_bytes(r, UT_WRAPPED, id->wrapped, VAULT_WRAPPED_BYTES);
	rec_u64(r, UT_OPS, id->kdf.opslimit);
	rec_u64(r, UT_MEM, id->kdf.memlimit);
	rec_bytes(r, UT_SALT, id->kdf.salt, VAULT_SALT_BYTES);
	rec_u64(r, UT_ENROLLED_AT, book_now());
	if (granted) {
		rec_u64(r, UT_GRANTED_AT, book_now());
		rec_str(r, UT_GRANTED_BY, granted_by);
	}
	if (slot != NULL) {
		codec_be32(key_id, kslot);
		memcpy(kslot + 4, slot, VAULT_SLOT_BYTES);
		rec_bytes(r, UT_SLOT, kslot, sizeof kslot);
	}
	if (rec_done(r) != 0) {
		rec_free(r);
		return -1;
	}
	return 0;
}
/* Writes the user record of b's login (the user's uid as key); -1 with
 * the transaction's error set when it cannot. */
int
book_user_put_new(struct book *b, struct store_txn *t, const struct vault_identity *id,
                  enum role role, bool granted, const char *granted_by, uint32_t key_id,
                  const uint8_t *slot)
{
	uint8_t key[4];
	struct rec r;
	int rc;

	if (book_user_record(b, id, role, granted, granted_by, key_id, slot, &r) != 0)
		return err_set(store_txn_err(t), "out of memory");
	codec_be32(b->uid, key);
	rc = store_put(t, STORE_USERS, key, 4, r.buf, r.len, true);
	rec_free(&r);
	return rc != 0 ? -1 : 0;
}

/* Copies a user record, replacing fields: role/granted/revoked when >= 0,
 * the slots by the one given (or none when drop_slots), the identity when
 * id is not NULL. */
struct user_edit {
	int role, granted, revoked;
	const char *granted_by;
	bool drop_slots;
	const uint8_t *slot;
	uint32_t key_id;
	const struct vault_identity *id;
};

static int
book_user_rewrite(struct store_txn *t, uint32_t uid, const struct user_edit *e)
{
	const uint8_t *p;
	const void *v;
	size_t n, pos = 0, fn;
	uint16_t tag;
	struct rec r;
	uint8_t key[4], kslot[4 + VAULT_SLOT_BYTES];

	if (book_user_get(t, uid, &v, &n) != 0)
		return err_set(store_txn_err(t), "no such user");
	rec_begin(&r, REC_USER, 1);
	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		if ((tag == UT_ROLE && e->role >= 0) || (tag == UT_GRANTED && e->granted >= 0) ||
		    (tag == UT_REVOKED && e->revoked >= 0) ||
		    (tag == UT_SLOT && (e->drop_slots || e->slot != NULL)) ||
		    ((tag == UT_GRANTED_AT || tag == UT_GRANTED_BY) && e->granted_by != NULL) ||
		    (e->id != NULL && (tag == UT_BOX_PK || tag == UT_SIGN_PK || tag == UT_WRAPPED ||
		                       tag == UT_OPS || tag == UT_MEM || tag == UT_SALT)))
			continue;
		rec_bytes(&r, tag, p, fn);
	}
	if (e->role >= 0)
		rec_u64(&r, UT_ROLE, (uint64_t)e->role);
	if (e->granted >= 0)
		rec_u64(&r, UT_GRANTED, (uint64_t)e->granted);
	if (e->revoked >= 0)
		rec_u64(&r, UT_REVOKED, (uint64_t)e->revoked);
	if (e->granted_by != NULL) {
		rec_u64(&r, UT_GRANTED_AT, book_now());
		rec_str(&r, UT_GRANTED_BY, e->granted_by);
	}
	if (e->slot != NULL) {
		codec_be32(e->key_id, kslot);
		memcpy(kslot + 4, e->slot, VAULT_SLOT_BYTES);
		rec_bytes(&r, UT_SLOT, kslot, sizeof kslot);
	}
	if (e->id != NULL) {
		rec_bytes(&r, UT_BOX_PK, e->id->box_pk, VAULT_PK_BYTES);
		rec_bytes(&r, UT_SIGN_PK, e->id->sign_pk, VAULT_PK_BYTES);
		rec_bytes(&r, UT_WRAPPED, e->id->wrapped, VAULT_WRAPPED_BYTES);
		rec_u64(&r, UT_OPS, e->id->kdf.opslimit);
		rec_u64(&r, UT_MEM, e->id->kdf.memlimit);
		rec_bytes(&r, UT_SALT, e->id->kdf.salt, VAULT_SALT_BYTES);
	}
	codec_be32(uid, key);
	return book_rec_put(t, STORE_USERS, key, 4, &r, false);
}

/* --- enrol ----------------------------------------------------------------- */

struct enrol_ctx {
	struct book *b;
	struct vault_identity id;
};

static int
book_enrol_txn(struct store_txn *t, void *vctx)
{
	struct enrol_ctx *c = vctx;
	const void *v;
	size_t n;

	if (book_user_get(t, c->b->uid, &v, &n) == 0)
		return err_set(store_txn_err(t), "%s is already enrolled (to change the passphrase: "
		               "redress user passwd)", c->b->login), BOOK_EUSAGE;
	if (book_user_put_new(c->b, t, &c->id, ROLE_NONE, false, NULL, 0, NULL) != 0)
		return -1;
	return book_audit_append(c->b, t, "user.enrol", c->b->login, "login,public keys");
}

int
book_user_enrol(struct book *b, const char *pass, size_t passlen, enum book_cost cost,
                struct err *err)
{
	struct enrol_ctx c;
	int rc;

	if ((rc = book_writable(b, err)) != 0)
		return rc;
	if (b->enrolled)
		return err_set(err, "%s is already enrolled (to change the passphrase: redress user "
		               "passwd)", b->login), BOOK_EUSAGE;
	memset(&c, 0, sizeof c);
	c.b = b;
	vault_keys_free(&b->keys);
	if (vault_identity_create(pass, passlen,
	                          book_vault_cost(cost),
	                          &c.id, &b->keys, err) != 0)
		return -1;
	rc = store_write(b->st, book_enrol_txn, &c, err);
	if (rc != 0) {
		vault_keys_free(&b->keys);
		return rc;
	}
	b->enrolled = true;
	book_audit_announce(b);
	return 0;
}

/* --- grant ----------------------------------------------------------------- */

struct find_login {
	const char *login;
	uint32_t uid;
	bool found;
	struct book_user u;
	struct vault_identity id;
};

static int
book_find_login_each(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
	struct find_login *f = ctx;
	struct book_user u;

	if (kl != 4 || book_user_parse(v, vl, codec_get_be32(k), &u, NULL) != 0)
		return 0;
	if (strcmp(u.login, f->login) != 0)
		return 0;
	f->found = true;
	f->uid = u.uid;
	return book_user_parse(v, vl, u.uid, &f->u, &f->id) == 0 ? 1 : -1;
}

static int
book_find_login(struct store_txn *t, struct find_login *f)
{
	f->found = false;
	if (store_scan(t, STORE_USERS, NULL, 0, book_find_login_each, f) < 0)
		return -1;
	if (!f->found)
		return err_set(store_txn_err(t), "%s is not enrolled in this book (they run: redress "
		               "user enrol)", f->login), BOOK_EUSAGE;
	return 0;
}

struct grant_ctx {
	struct book *b;
	const char *login;
	enum role role;
};

static int
book_grant_txn(struct store_txn *t, void *vctx)
{
	struct grant_ctx *c = vctx;
	struct find_login f = { .login = c->login };
	uint8_t slot[VAULT_SLOT_BYTES];
	struct user_edit e = { -1, -1, -1, NULL, false, NULL, 0, NULL };
	char fields[64];
	int rc;

	if ((rc = book_find_login(t, &f)) != 0)
		return rc;
	if (f.uid == c->b->uid && c->role != ROLE_ADMIN)
		return err_set(store_txn_err(t), "an admin cannot lower their own role"), BOOK_EUSAGE;
	if (vault_datakey_seal(c->b->keys, c->b->key_id, f.id.box_pk, slot, store_txn_err(t)) != 0)
		return -1;
	e.role = (int)c->role;
	e.granted = 1;
	e.revoked = 0;
	e.granted_by = c->b->login;
	e.slot = slot;
	e.key_id = c->b->key_id;
	if (book_user_rewrite(t, f.uid, &e) != 0)
		return -1;
	snprintf(fields, sizeof fields, "role=%s,key slot", role_name(c->role));
	return book_audit_append(c->b, t, "user.grant", c->login, fields);
}

int
book_user_grant(struct book *b, const char *login, enum role role, struct err *err)
{
	struct grant_ctx c = { b, login, role };
	int rc;

	if ((rc = book_require(b, ROLE_ADMIN, true, err)) != 0)
		return rc;
	if (role <= ROLE_NONE || role > ROLE_ADMIN)
		return err_set(err, "no such role"), BOOK_EUSAGE;
	return book_change(b, ROLE_ADMIN, true, book_grant_txn, &c, err);
}

/* --- passwd ---------------------------------------------------------------- */

struct passwd_ctx {
	struct book *b;
	struct vault_identity id;
};

static int
book_passwd_txn(struct store_txn *t, void *vctx)
{
	struct passwd_ctx *c = vctx;
	struct user_edit e = { -1, -1, -1, NULL, false, NULL, 0, &c->id };

	if (book_user_rewrite(t, c->b->uid, &e) != 0)
		return -1;
	return book_audit_append(c->b, t, "user.passwd", c->b->login, "wrapped keys");
}

int
book_user_passwd(struct book *b, const char *newpass, size_t newlen, enum book_cost cost,
                 struct err *err)
{
	struct passwd_ctx c;
	int rc;

	if ((rc = book_writable(b, err)) != 0)
		return rc;
	if (b->keys == NULL)
		return err_set(err, "not unlocked"), BOOK_EDENIED;
	memset(&c, 0, sizeof c);
	c.b = b;
	if (vault_identity_rewrap(b->keys, newpass, newlen,
	                          book_vault_cost(cost),
	                          &c.id, err) != 0)
		return -1;
	if ((rc = store_write(b->st, book_passwd_txn, &c, err)) != 0)
		return rc;
	book_audit_announce(b);
	return 0;
}

/* --- list ------------------------------------------------------------------ */

struct list_ctx {
	int (*each)(const struct book_user *, void *);
	void *ctx;
};

static int
book_list_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct list_ctx *c = vctx;
	struct book_user u;

	if (kl != 4 || book_user_parse(v, vl, codec_get_be32(k), &u, NULL) != 0)
		return 0;
	return c->each(&u, c->ctx);
}

int
book_user_list(struct book *b, int (*each)(const struct book_user *, void *), void *ctx,
               struct err *err)
{
	struct list_ctx c = { each, ctx };

	return book_scan(b, STORE_USERS, book_list_each, &c, err);
}

/* --- rekey and revoke ------------------------------------------------------ */

struct rekey_ctx {
	struct book *b;
	uint32_t new_id;
	const char *revoke; /* login to revoke, or NULL */
	uint32_t revoke_uid;
	bool generated;     /* new_id made: dropped again unless committed */
};

struct reslot_ctx {
	struct book *b;
	struct store_txn *t;
	uint32_t new_id;
	uint32_t uids[1024];
	size_t n;
};

static int
book_reslot_collect(const void *k, size_t kl, void *vctx)
{
	struct reslot_ctx *c = vctx;

	if (kl == 4 && c->n < sizeof c->uids / sizeof c->uids[0])
		c->uids[c->n++] = codec_get_be32(k);
	return 0;
}

static int
book_rekey_txn(struct store_txn *t, void *vctx)
{
	struct rekey_ctx *c = vctx;
	struct reslot_ctx *rs;
	struct user_edit e;
	struct book_user u;
	struct vault_identity id;
	uint8_t slot[VAULT_SLOT_BYTES];
	const void *v;
	size_t n, i;
	int rc = -1;

	/* the next key after the one the book uses now (book_write has just
	 * read it): another admin may have rotated it since this book opened */
	c->new_id = c->b->key_id + 1;
	if (c->new_id >= VAULT_KEYS_MAX)
		vault_datakey_drop(c->b->keys, 0, c->new_id - VAULT_KEYS_MAX + 1);
	if (vault_datakey_generate(c->b->keys, c->new_id, store_txn_err(t)) != 0)
		return -1;
	c->generated = true;
	if (c->revoke != NULL) {
		struct find_login f = { .login = c->revoke };

		if ((rc = book_find_login(t, &f)) != 0)
			return rc;
		if (f.uid == c->b->uid)
			return err_set(store_txn_err(t), "an admin cannot revoke themselves"), BOOK_EUSAGE;
		c->revoke_uid = f.uid;
		memset(&e, 0, sizeof e);
		e.role = ROLE_NONE;
		e.granted = 0;
		e.revoked = 1;
		e.drop_slots = true;
		if (book_user_rewrite(t, f.uid, &e) != 0)
			return -1;
	}
	if (book_people_reseal(c->b, t, c->new_id) != 0 ||
	    book_cases_reseal(c->b, t, c->new_id) != 0 ||
	    book_drafts_reseal(c->b, t, c->new_id) != 0)
		return -1;
	if ((rs = calloc(1, sizeof *rs)) == NULL)
		return err_set(store_txn_err(t), "out of memory");
	if (store_scan_keys(t, STORE_USERS, NULL, 0, book_reslot_collect, rs) < 0)
		goto out;
	/* every granted user still in the book gets the new key; nobody keeps the old */
	for (i = 0; i < rs->n; i++) {
		if (book_user_get(t, rs->uids[i], &v, &n) != 0 ||
		    book_user_parse(v, n, rs->uids[i], &u, &id) != 0)
			goto out;
		memset(&e, 0, sizeof e);
		e.role = e.granted = e.revoked = -1;
		e.drop_slots = true;
		if (u.granted && !u.revoked) {
			if (vault_datakey_seal(c->b->keys, c->new_id, id.box_pk, slot,
			                       store_txn_err(t)) != 0)
				goto out;
			e.slot = slot;
			e.key_id = c->new_id;
		}
		if (book_user_rewrite(t, rs->uids[i], &e) != 0)
			goto out;
	}
	if (book_meta_put_u64(t, META_KEY_ID, c->new_id) != 0)
		goto out;
	rc = book_audit_append(c->b, t, c->revoke ? "user.revoke" : "rekey",
	                       c->revoke ? c->revoke : "book",
	                       c->revoke ? "role,key slot,data key" : "data key");
out:
	free(rs);
	return rc;
}

static int
book_rekey_run(struct book *b, const char *revoke, struct err *err)
{
	struct rekey_ctx c = { b, 0, revoke, 0, false };
	int rc;

	if ((rc = book_require(b, ROLE_ADMIN, true, err)) != 0)
		return rc;
	if ((rc = book_write(b, ROLE_ADMIN, true, book_rekey_txn, &c, err)) != 0) {
		/* a key made for a rotation that did not happen seals nothing */
		if (c.generated && c.new_id != b->key_id)
			vault_datakey_drop(b->keys, c.new_id, c.new_id);
		return rc;
	}
	b->key_id = c.new_id;
	book_audit_announce(b);
	return 0;
}

int
book_rekey(struct book *b, struct err *err)
{
	return book_rekey_run(b, NULL, err);
}

int
book_user_revoke(struct book *b, const char *login, struct err *err)
{
	return book_rekey_run(b, login, err);
}
