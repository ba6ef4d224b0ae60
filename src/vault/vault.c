/* vault.c - the one user of libsodium: key pairs wrapped by passphrase, data
 * keys sealed to users, sealed fields, blind indexes, hashes and signatures. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "redress/vault.h"

#define VAULT_NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define VAULT_TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define VAULT_KEY_BYTES crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define VAULT_SK_BYTES (crypto_box_SECRETKEYBYTES + crypto_sign_SECRETKEYBYTES)
/* version | key id | nonce, authenticated with the caller's ad */
#define VAULT_HEADER_BYTES (1 + 4 + VAULT_NONCE_BYTES)
/* The version byte also says whether the plaintext was padded, which
 * vault_open must know to unpad. */
#define VAULT_VERSION_PLAIN 0x01
#define VAULT_VERSION_PADDED 0x02
/* Largest plaintext whose padded, sealed size still fits a size_t. */
#define VAULT_PLAIN_MAX (SIZE_MAX - VAULT_SEAL_OVERHEAD - VAULT_PAD_BLOCK)

/* crypto_kdf: exactly crypto_kdf_CONTEXTBYTES, no terminator is used */
#define VAULT_KDF_CONTEXT "redress_"
#define VAULT_SUBKEY_SEAL 1
#define VAULT_SUBKEY_BLIND 2

/* The sizes vault.h promises are the ones libsodium uses. */
_Static_assert(VAULT_PK_BYTES == crypto_box_PUBLICKEYBYTES, "box public key");
_Static_assert(VAULT_PK_BYTES == crypto_sign_PUBLICKEYBYTES, "sign public key");
_Static_assert(VAULT_PK_BYTES == crypto_scalarmult_BYTES, "scalarmult");
_Static_assert(VAULT_SIG_BYTES == crypto_sign_BYTES, "signature");
_Static_assert(VAULT_HASH_BYTES >= crypto_generichash_BYTES_MIN &&
               VAULT_HASH_BYTES <= crypto_generichash_BYTES_MAX, "hash");
_Static_assert(VAULT_SALT_BYTES == crypto_pwhash_argon2id_SALTBYTES, "salt");
_Static_assert(VAULT_BLIND_BYTES < crypto_generichash_BYTES_MIN, "blind index truncates");
_Static_assert(VAULT_DATAKEY_BYTES == VAULT_KEY_BYTES, "data key is an AEAD key");
_Static_assert(VAULT_DATAKEY_BYTES == crypto_kdf_KEYBYTES, "data key is a kdf key");
_Static_assert(VAULT_KEY_BYTES >= crypto_kdf_BYTES_MIN &&
               VAULT_KEY_BYTES <= crypto_kdf_BYTES_MAX, "subkey size");
_Static_assert(VAULT_KEY_BYTES >= crypto_generichash_KEYBYTES_MIN &&
               VAULT_KEY_BYTES <= crypto_generichash_KEYBYTES_MAX, "blind key size");
_Static_assert(VAULT_KEY_BYTES >= crypto_pwhash_argon2id_BYTES_MIN, "wrapping key size");
_Static_assert(VAULT_WRAPPED_BYTES == VAULT_NONCE_BYTES + VAULT_SK_BYTES + VAULT_TAG_BYTES,
               "wrapped secret keys");
_Static_assert(VAULT_SLOT_BYTES == crypto_box_SEALBYTES + VAULT_DATAKEY_BYTES, "slot");
_Static_assert(VAULT_SEAL_OVERHEAD == VAULT_HEADER_BYTES + VAULT_TAG_BYTES, "seal overhead");
_Static_assert(sizeof VAULT_KDF_CONTEXT == crypto_kdf_CONTEXTBYTES + 1, "kdf context");
_Static_assert(VAULT_PAD_BLOCK > 0 && (VAULT_PAD_BLOCK & (VAULT_PAD_BLOCK - 1)) == 0,
               "pad block is a power of two");

struct vault_datakey {
	uint8_t key[VAULT_DATAKEY_BYTES];
	uint32_t id;
	bool present;
};

/* One sodium_malloc allocation: guarded, locked, wiped by sodium_free. */
struct vault_keys {
	/* box_sk || sign_sk: together because they are wrapped as one */
	uint8_t sk[VAULT_SK_BYTES];
	uint8_t box_pk[VAULT_PK_BYTES];
	uint8_t sign_pk[VAULT_PK_BYTES];
	struct vault_datakey data[VAULT_KEYS_MAX];
};

#define VAULT_BOX_SK(k) ((k)->sk)
#define VAULT_SIGN_SK(k) ((k)->sk + crypto_box_SECRETKEYBYTES)

/* libsodium reads (nothing) from empty inputs, but NULL with length 0 is
 * still not a pointer it should be handed. */
static const uint8_t vault_nothing[1];

static const unsigned char *
vault_bytes(const void *p)
{
	return p != NULL ? p : vault_nothing;
}

static void
vault_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t
vault_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int
vault_init(struct err *err)
{
	/* 1 means already initialised */
	if (sodium_init() < 0)
		return err_set(err, "libsodium cannot be initialised");
	return 0;
}

static struct vault_keys *
vault_keys_alloc(struct err *err)
{
	struct vault_keys *k;

	if (vault_init(err) != 0)
		return NULL;
	if ((k = sodium_malloc(sizeof *k)) == NULL) {
		err_set(err, "cannot allocate protected memory for keys");
		return NULL;
	}
	/* sodium_malloc fills with garbage: no data key is present yet */
	sodium_memzero(k, sizeof *k);
	return k;
}

void
vault_keys_free(struct vault_keys **keys)
{
	if (keys == NULL || *keys == NULL)
		return;
	sodium_free(*keys);
	*keys = NULL;
}

void
vault_keys_public(const struct vault_keys *keys, uint8_t box_pk[VAULT_PK_BYTES],
                  uint8_t sign_pk[VAULT_PK_BYTES])
{
	memcpy(box_pk, keys->box_pk, VAULT_PK_BYTES);
	memcpy(sign_pk, keys->sign_pk, VAULT_PK_BYTES);
}

/* --- identities -------------------------------------------------------- */

static int
vault_cost_limits(enum vault_cost cost, struct vault_kdf *kdf, struct err *err)
{
	switch (cost) {
	case VAULT_COST_INTERACTIVE:
		kdf->opslimit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
		kdf->memlimit = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
		return 0;
	case VAULT_COST_MODERATE:
		kdf->opslimit = crypto_pwhash_argon2id_OPSLIMIT_MODERATE;
		kdf->memlimit = crypto_pwhash_argon2id_MEMLIMIT_MODERATE;
		return 0;
	case VAULT_COST_TEST:
		kdf->opslimit = crypto_pwhash_argon2id_OPSLIMIT_MIN;
		kdf->memlimit = crypto_pwhash_argon2id_MEMLIMIT_MIN;
		return 0;
	}
	return err_set(err, "unknown passphrase cost %d", (int)cost);
}

/* The key that wraps a user's secret keys, derived from the passphrase with
 * the stored parameters, in guarded memory the caller frees. */
static unsigned char *
vault_pass_key(const char *pass, size_t passlen, const struct vault_kdf *kdf,
               struct err *err)
{
	unsigned char *key;

	if (pass == NULL && passlen != 0) {
		err_set(err, "no passphrase");
		return NULL;
	}
	if (passlen > crypto_pwhash_argon2id_PASSWD_MAX) {
		err_set(err, "passphrase too long");
		return NULL;
	}
	/* stored with the user: a damaged record must not reach Argon2 */
	if (kdf->opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
	    kdf->opslimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
	    kdf->memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
	    kdf->memlimit > crypto_pwhash_argon2id_MEMLIMIT_MAX || kdf->memlimit > SIZE_MAX) {
		err_set(err, "passphrase parameters out of range (ops %" PRIu64
		        ", memory %" PRIu64 ")", kdf->opslimit, kdf->memlimit);
		return NULL;
	}
	if ((key = sodium_malloc(VAULT_KEY_BYTES)) == NULL) {
		err_set(err, "cannot allocate protected memory for the passphrase key");
		return NULL;
	}
	if (crypto_pwhash(key, VAULT_KEY_BYTES, pass != NULL ? pass : "", passlen, kdf->salt,
	                  kdf->opslimit, (size_t)kdf->memlimit,
	                  crypto_pwhash_ALG_ARGON2ID13) != 0) {
		sodium_free(key);
		err_set(err, "cannot derive the passphrase key (%" PRIu64
		        " bytes of memory needed)", kdf->memlimit);
		return NULL;
	}
	return key;
}

/* The public keys are the associated data of the wrapped secret keys, so a
 * wrapped blob cannot be paired with someone else's public keys. */
static void
vault_wrap_ad(uint8_t ad[2 * VAULT_PK_BYTES], const uint8_t box_pk[VAULT_PK_BYTES],
              const uint8_t sign_pk[VAULT_PK_BYTES])
{
	memcpy(ad, box_pk, VAULT_PK_BYTES);
	memcpy(ad + VAULT_PK_BYTES, sign_pk, VAULT_PK_BYTES);
}

/* Wraps the secret keys under pass with a fresh salt and nonce; *id is only
 * written when all went well. */
static int
vault_wrap(const struct vault_keys *keys, const char *pass, size_t passlen,
           enum vault_cost cost, struct vault_identity *id, struct err *err)
{
	struct vault_identity out;
	uint8_t ad[2 * VAULT_PK_BYTES];
	unsigned long long clen;
	unsigned char *key;
	int rc;

	memset(&out, 0, sizeof out);
	if (vault_cost_limits(cost, &out.kdf, err) != 0)
		return -1;
	randombytes_buf(out.kdf.salt, sizeof out.kdf.salt);
	memcpy(out.box_pk, keys->box_pk, VAULT_PK_BYTES);
	memcpy(out.sign_pk, keys->sign_pk, VAULT_PK_BYTES);
	if ((key = vault_pass_key(pass, passlen, &out.kdf, err)) == NULL)
		return -1;
	vault_wrap_ad(ad, out.box_pk, out.sign_pk);
	randombytes_buf(out.wrapped, VAULT_NONCE_BYTES);
	rc = crypto_aead_xchacha20poly1305_ietf_encrypt(out.wrapped + VAULT_NONCE_BYTES, &clen,
	                                                keys->sk, VAULT_SK_BYTES, ad, sizeof ad,
	                                                NULL, out.wrapped, key);
	sodium_free(key);
	if (rc != 0 || clen != VAULT_SK_BYTES + VAULT_TAG_BYTES)
		return err_set(err, "cannot wrap the keys");
	*id = out;
	return 0;
}

int
vault_identity_create(const char *pass, size_t passlen, enum vault_cost cost,
                      struct vault_identity *id, struct vault_keys **keys, struct err *err)
{
	struct vault_keys *k;

	*keys = NULL;
	if ((k = vault_keys_alloc(err)) == NULL)
		return -1;
	if (crypto_box_keypair(k->box_pk, VAULT_BOX_SK(k)) != 0 ||
	    crypto_sign_keypair(k->sign_pk, VAULT_SIGN_SK(k)) != 0) {
		sodium_free(k);
		return err_set(err, "cannot make key pairs");
	}
	if (vault_wrap(k, pass, passlen, cost, id, err) != 0) {
		sodium_free(k);
		return -1;
	}
	*keys = k;
	return 0;
}

/* The unwrapped secret keys must be the halves of the stored public keys:
 * a blob that authenticates but holds other keys is damage, not a user. */
static int
vault_keys_check(const struct vault_keys *k, struct err *err)
{
	uint8_t pk[VAULT_PK_BYTES], seed[crypto_sign_SEEDBYTES], sk[crypto_sign_SECRETKEYBYTES];
	int bad = 0;

	if (crypto_scalarmult_base(pk, VAULT_BOX_SK(k)) != 0 ||
	    sodium_memcmp(pk, k->box_pk, VAULT_PK_BYTES) != 0)
		bad = 1;
	if (crypto_sign_ed25519_sk_to_pk(pk, VAULT_SIGN_SK(k)) != 0 ||
	    sodium_memcmp(pk, k->sign_pk, VAULT_PK_BYTES) != 0)
		bad = 1;
	/* the stored copy of the public key inside sign_sk could itself be the
	 * wrong one: recompute it from the seed */
	if (crypto_sign_ed25519_sk_to_seed(seed, VAULT_SIGN_SK(k)) != 0 ||
	    crypto_sign_seed_keypair(pk, sk, seed) != 0 ||
	    sodium_memcmp(pk, k->sign_pk, VAULT_PK_BYTES) != 0)
		bad = 1;
	sodium_memzero(seed, sizeof seed);
	sodium_memzero(sk, sizeof sk);
	if (bad)
		return err_set(err, "the unlocked keys do not match their public halves");
	return 0;
}

int
vault_identity_unlock(const struct vault_identity *id, const char *pass, size_t passlen,
                      struct vault_keys **keys, struct err *err)
{
	uint8_t ad[2 * VAULT_PK_BYTES];
	struct vault_keys *k;
	unsigned char *key;
	int rc;

	*keys = NULL;
	if ((k = vault_keys_alloc(err)) == NULL)
		return -1;
	if ((key = vault_pass_key(pass, passlen, &id->kdf, err)) == NULL)
		goto fail;
	vault_wrap_ad(ad, id->box_pk, id->sign_pk);
	rc = crypto_aead_xchacha20poly1305_ietf_decrypt(k->sk, NULL, NULL,
	                                                id->wrapped + VAULT_NONCE_BYTES,
	                                                VAULT_WRAPPED_BYTES - VAULT_NONCE_BYTES,
	                                                ad, sizeof ad, id->wrapped, key);
	sodium_free(key);
	/* a damaged blob and a wrong passphrase look the same, and the person
	 * can only act on the second */
	if (rc != 0) {
		err_set(err, "wrong passphrase");
		goto fail;
	}
	memcpy(k->box_pk, id->box_pk, VAULT_PK_BYTES);
	memcpy(k->sign_pk, id->sign_pk, VAULT_PK_BYTES);
	if (vault_keys_check(k, err) != 0)
		goto fail;
	*keys = k;
	return 0;
fail:
	sodium_free(k);
	return -1;
}

int
vault_identity_rewrap(const struct vault_keys *keys, const char *pass, size_t passlen,
                      enum vault_cost cost, struct vault_identity *id, struct err *err)
{
	return vault_wrap(keys, pass, passlen, cost, id, err);
}

/* --- data keys --------------------------------------------------------- */

static const struct vault_datakey *
vault_datakey_held(const struct vault_keys *keys, uint32_t key_id)
{
	size_t i;

	if (keys == NULL)
		return NULL;
	for (i = 0; i < VAULT_KEYS_MAX; i++)
		if (keys->data[i].present && keys->data[i].id == key_id)
			return &keys->data[i];
	return NULL;
}

/* Where key_id goes: the slot already holding it (replaced), else a free
 * one; NULL when all are taken by other ids. */
static struct vault_datakey *
vault_datakey_slot(struct vault_keys *keys, uint32_t key_id)
{
	struct vault_datakey *free_slot = NULL;
	size_t i;

	for (i = 0; i < VAULT_KEYS_MAX; i++) {
		if (keys->data[i].present && keys->data[i].id == key_id)
			return &keys->data[i];
		if (!keys->data[i].present && free_slot == NULL)
			free_slot = &keys->data[i];
	}
	return free_slot;
}

void
vault_datakey_drop(struct vault_keys *keys, uint32_t from, uint32_t to)
{
	size_t i;

	if (keys == NULL)
		return;
	for (i = 0; i < VAULT_KEYS_MAX; i++)
		if (keys->data[i].present && keys->data[i].id >= from && keys->data[i].id <= to) {
			sodium_memzero(&keys->data[i], sizeof keys->data[i]);
			keys->data[i].present = false;
		}
}

bool
vault_has_datakey(const struct vault_keys *keys, uint32_t key_id)
{
	return vault_datakey_held(keys, key_id) != NULL;
}

int
vault_datakey_generate(struct vault_keys *keys, uint32_t key_id, struct err *err)
{
	struct vault_datakey *dk;

	if ((dk = vault_datakey_slot(keys, key_id)) == NULL)
		return err_set(err, "cannot hold more than %d data keys", VAULT_KEYS_MAX);
	crypto_aead_xchacha20poly1305_ietf_keygen(dk->key);
	dk->id = key_id;
	dk->present = true;
	return 0;
}

int
vault_datakey_seal(const struct vault_keys *keys, uint32_t key_id,
                   const uint8_t recipient_box_pk[VAULT_PK_BYTES],
                   uint8_t slot[VAULT_SLOT_BYTES], struct err *err)
{
	const struct vault_datakey *dk;

	if ((dk = vault_datakey_held(keys, key_id)) == NULL)
		return err_set(err, "data key %" PRIu32 " is not held", key_id);
	if (crypto_box_seal(slot, dk->key, VAULT_DATAKEY_BYTES, recipient_box_pk) != 0)
		return err_set(err, "the recipient's public key cannot be sealed to");
	return 0;
}

int
vault_datakey_open(struct vault_keys *keys, uint32_t key_id,
                   const uint8_t slot[VAULT_SLOT_BYTES], struct err *err)
{
	struct vault_datakey *dk;
	uint8_t key[VAULT_DATAKEY_BYTES];

	if ((dk = vault_datakey_slot(keys, key_id)) == NULL)
		return err_set(err, "cannot hold more than %d data keys", VAULT_KEYS_MAX);
	/* through a wiped buffer, so a failed open keeps a key already held */
	if (crypto_box_seal_open(key, slot, VAULT_SLOT_BYTES, keys->box_pk,
	                         VAULT_BOX_SK(keys)) != 0) {
		sodium_memzero(key, sizeof key);
		return err_set(err, "data key %" PRIu32
		               " was not sealed to this user, or was altered", key_id);
	}
	memcpy(dk->key, key, sizeof key);
	sodium_memzero(key, sizeof key);
	dk->id = key_id;
	dk->present = true;
	return 0;
}

/* Subkeys are derived per use into the caller's buffer, which it wipes. */
static int
vault_subkey(uint8_t sub[VAULT_KEY_BYTES], const struct vault_datakey *dk, uint64_t which,
             struct err *err)
{
	if (crypto_kdf_derive_from_key(sub, VAULT_KEY_BYTES, which, VAULT_KDF_CONTEXT,
	                               dk->key) != 0)
		return err_set(err, "cannot derive a subkey");
	return 0;
}

/* --- sealed fields ----------------------------------------------------- */

/* The AEAD takes one associated-data buffer: header || ad.  ad names a
 * record and field, so it is short and not secret; long ones go to the heap. */
struct vault_ad {
	uint8_t small[256];
	uint8_t *p;
	size_t len;
};

static int
vault_ad_join(struct vault_ad *a, const uint8_t *header, const void *ad, size_t adlen,
              struct err *err)
{
	if (ad == NULL && adlen != 0)
		return err_set(err, "associated data missing");
	if (adlen > SIZE_MAX - VAULT_HEADER_BYTES)
		return err_set(err, "associated data too long");
	a->len = VAULT_HEADER_BYTES + adlen;
	if (a->len <= sizeof a->small)
		a->p = a->small;
	else if ((a->p = malloc(a->len)) == NULL)
		return err_set(err, "out of memory");
	memcpy(a->p, header, VAULT_HEADER_BYTES);
	if (adlen > 0)
		memcpy(a->p + VAULT_HEADER_BYTES, ad, adlen);
	return 0;
}

static void
vault_ad_free(struct vault_ad *a)
{
	if (a->p != a->small)
		free(a->p);
	a->p = NULL;
}

size_t
vault_sealed_size(size_t len, bool pad)
{
	if (len > VAULT_PLAIN_MAX)
		return SIZE_MAX;
	/* sodium_pad always adds at least one byte: 32 pads to 64 */
	if (pad)
		len = (len / VAULT_PAD_BLOCK + 1) * VAULT_PAD_BLOCK;
	return VAULT_SEAL_OVERHEAD + len;
}

int
vault_seal(const struct vault_keys *keys, uint32_t key_id, const void *ad, size_t adlen,
           const void *plain, size_t len, bool pad, uint8_t *out, size_t outmax,
           size_t *outlen, struct err *err)
{
	const struct vault_datakey *dk;
	uint8_t sub[VAULT_KEY_BYTES];
	uint8_t *body;
	struct vault_ad full;
	size_t need, mlen = len;
	int rc;

	if (plain == NULL && len != 0)
		return err_set(err, "nothing to seal");
	if (len > VAULT_PLAIN_MAX)
		return err_set(err, "field too long to seal (%zu bytes)", len);
	if ((dk = vault_datakey_held(keys, key_id)) == NULL)
		return err_set(err, "data key %" PRIu32 " is not held", key_id);
	need = vault_sealed_size(len, pad);
	if (out == NULL || outmax < need)
		return err_set(err, "sealed field needs %zu bytes, room for %zu", need, outmax);

	out[0] = pad ? VAULT_VERSION_PADDED : VAULT_VERSION_PLAIN;
	vault_put32(out + 1, key_id);
	randombytes_buf(out + 5, VAULT_NONCE_BYTES);
	if (vault_ad_join(&full, out, ad, adlen, err) != 0)
		return -1;
	/* encrypted in place in out (libsodium allows m == c), which also
	 * leaves room for the padding */
	body = out + VAULT_HEADER_BYTES;
	if (len > 0)
		memmove(body, plain, len);
	if (pad && sodium_pad(&mlen, body, len, VAULT_PAD_BLOCK, need - VAULT_SEAL_OVERHEAD) != 0) {
		sodium_memzero(body, len);
		vault_ad_free(&full);
		return err_set(err, "cannot pad the field");
	}
	if (vault_subkey(sub, dk, VAULT_SUBKEY_SEAL, err) != 0) {
		sodium_memzero(body, mlen);
		vault_ad_free(&full);
		return -1;
	}
	rc = crypto_aead_xchacha20poly1305_ietf_encrypt(body, NULL, body, mlen, full.p, full.len,
	                                                NULL, out + 5, sub);
	sodium_memzero(sub, sizeof sub);
	vault_ad_free(&full);
	if (rc != 0) {
		sodium_memzero(body, mlen);
		return err_set(err, "cannot seal the field");
	}
	*outlen = need;
	return 0;
}

int64_t
vault_sealed_key_id(const uint8_t *sealed, size_t len)
{
	if (sealed == NULL || len < VAULT_SEAL_OVERHEAD)
		return -1;
	if (sealed[0] != VAULT_VERSION_PLAIN && sealed[0] != VAULT_VERSION_PADDED)
		return -1;
	return (int64_t)vault_get32(sealed + 1);
}

int
vault_open(const struct vault_keys *keys, const void *ad, size_t adlen,
           const uint8_t *sealed, size_t sealedlen, void *plain, size_t max, size_t *len,
           struct err *err)
{
	const struct vault_datakey *dk;
	uint8_t sub[VAULT_KEY_BYTES];
	struct vault_ad full;
	uint8_t *buf;
	size_t mlen, n;
	int64_t key_id;
	bool padded;
	int rc;

	if ((key_id = vault_sealed_key_id(sealed, sealedlen)) < 0)
		return err_set(err, "sealed field does not open: altered, moved or cut");
	if ((dk = vault_datakey_held(keys, (uint32_t)key_id)) == NULL)
		return err_set(err, "data key %" PRId64 " is not held", key_id);
	padded = sealed[0] == VAULT_VERSION_PADDED;
	mlen = sealedlen - VAULT_SEAL_OVERHEAD;
	if (plain == NULL && max != 0)
		return err_set(err, "no room for the field");

	/* a padded plaintext may fit once unpadded: open it in guarded memory */
	if (mlen <= max)
		buf = plain;
	else if (!padded)
		return err_set(err, "field of %zu bytes does not fit in %zu", mlen, max);
	else if ((buf = sodium_malloc(mlen)) == NULL)
		return err_set(err, "cannot allocate protected memory for the field");

	if (vault_ad_join(&full, sealed, ad, adlen, err) != 0) {
		rc = -1;
		goto out;
	}
	if ((rc = vault_subkey(sub, dk, VAULT_SUBKEY_SEAL, err)) == 0) {
		rc = crypto_aead_xchacha20poly1305_ietf_decrypt(buf, NULL, NULL,
		                                                sealed + VAULT_HEADER_BYTES,
		                                                sealedlen - VAULT_HEADER_BYTES,
		                                                full.p, full.len, sealed + 5, sub);
		sodium_memzero(sub, sizeof sub);
		if (rc != 0)
			err_set(err, "sealed field does not open: altered, moved or cut");
	}
	vault_ad_free(&full);
	if (rc != 0)
		goto out;

	n = mlen;
	if (padded && sodium_unpad(&n, buf, mlen, VAULT_PAD_BLOCK) != 0) {
		rc = err_set(err, "sealed field has bad padding");
		goto out;
	}
	if (n > max) {
		rc = err_set(err, "field of %zu bytes does not fit in %zu", n, max);
		goto out;
	}
	if (buf != plain) {
		memcpy(plain, buf, n);
	} else if (mlen > n) {
		sodium_memzero(buf + n, mlen - n);
	}
	*len = n;
out:
	if (buf != plain)
		sodium_free(buf);
	else if (rc != 0 && buf != NULL)
		sodium_memzero(buf, mlen);
	return rc;
}

/* --- blind indexes ----------------------------------------------------- */

static bool
vault_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* The normalised value is hashed as it is made, through a small wiped
 * buffer, so no normalised copy of a name is left anywhere. */
struct vault_blind_in {
	crypto_generichash_state st;
	uint8_t chunk[64];
	size_t n;
};

static void
vault_blind_put(struct vault_blind_in *in, uint8_t c)
{
	if (in->n == sizeof in->chunk) {
		crypto_generichash_update(&in->st, in->chunk, in->n);
		in->n = 0;
	}
	in->chunk[in->n++] = c;
}

/* One value's index under the subkey sub. */
static void
vault_blind_one(const uint8_t sub[VAULT_KEY_BYTES], const char *field, const char *value,
                uint8_t out[VAULT_BLIND_BYTES])
{
	struct vault_blind_in in;
	uint8_t h[crypto_generichash_BYTES_MIN];
	const unsigned char *p;
	bool space = false, any = false;

	in.n = 0;
	crypto_generichash_init(&in.st, sub, VAULT_KEY_BYTES, sizeof h);
	/* the terminator separates field from value: ("ab","c") != ("a","bc") */
	crypto_generichash_update(&in.st, (const unsigned char *)field, strlen(field) + 1);
	for (p = (const unsigned char *)value; *p != '\0'; p++) {
		if (vault_is_space(*p)) {
			space = any;
			continue;
		}
		if (space)
			vault_blind_put(&in, ' ');
		space = false;
		any = true;
		/* ASCII only: locale-free, so every user computes the same index */
		vault_blind_put(&in, *p >= 'A' && *p <= 'Z' ? (uint8_t)(*p - 'A' + 'a') : *p);
	}
	if (in.n > 0)
		crypto_generichash_update(&in.st, in.chunk, in.n);
	crypto_generichash_final(&in.st, h, sizeof h);
	memcpy(out, h, VAULT_BLIND_BYTES);
	sodium_memzero(&in, sizeof in);
	sodium_memzero(h, sizeof h);
}

int
vault_blind_n(const struct vault_keys *keys, uint32_t key_id, const char *field,
              const char *values, size_t n, uint8_t (*out)[VAULT_BLIND_BYTES], struct err *err)
{
	const struct vault_datakey *dk;
	uint8_t sub[VAULT_KEY_BYTES];
	size_t i;

	if (field == NULL || (values == NULL && n > 0))
		return err_set(err, "a blind index needs a field and a value");
	if ((dk = vault_datakey_held(keys, key_id)) == NULL)
		return err_set(err, "data key %" PRIu32 " is not held", key_id);
	if (vault_subkey(sub, dk, VAULT_SUBKEY_BLIND, err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		vault_blind_one(sub, field, values, out[i]);
		values += strlen(values) + 1;
	}
	sodium_memzero(sub, sizeof sub);
	return 0;
}

int
vault_blind(const struct vault_keys *keys, uint32_t key_id, const char *field,
            const char *value, uint8_t out[VAULT_BLIND_BYTES], struct err *err)
{
	if (value == NULL)
		return err_set(err, "a blind index needs a field and a value");
	return vault_blind_n(keys, key_id, field, value, 1, (uint8_t(*)[VAULT_BLIND_BYTES])out, err);
}

/* --- signatures, hashes and memory --------------------------------------- */

int
vault_sign(const struct vault_keys *keys, const void *msg, size_t len,
           uint8_t sig[VAULT_SIG_BYTES], struct err *err)
{
	if (crypto_sign_detached(sig, NULL, vault_bytes(msg), len, VAULT_SIGN_SK(keys)) != 0)
		return err_set(err, "cannot sign");
	return 0;
}

int
vault_verify(const uint8_t pk[VAULT_PK_BYTES], const void *msg, size_t len,
             const uint8_t sig[VAULT_SIG_BYTES])
{
	return crypto_sign_verify_detached(sig, vault_bytes(msg), len, pk) == 0 ? 0 : -1;
}

void
vault_hash2(const void *a, size_t alen, const void *b, size_t blen,
            uint8_t out[VAULT_HASH_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, VAULT_HASH_BYTES);
	if (alen > 0)
		crypto_generichash_update(&st, a, alen);
	if (blen > 0)
		crypto_generichash_update(&st, b, blen);
	crypto_generichash_final(&st, out, VAULT_HASH_BYTES);
}

void
vault_random(void *buf, size_t n)
{
	if (n > 0)
		randombytes_buf(buf, n);
}

void
vault_wipe(void *buf, size_t n)
{
	if (buf != NULL && n > 0)
		sodium_memzero(buf, n);
}

void *
vault_secure_alloc(size_t n)
{
	if (sodium_init() < 0 || n > SIZE_MAX - 16)
		return NULL;
	/* sodium_malloc aligns the end to the guard page: a size that is a
	 * multiple of 16 keeps the start aligned for any struct */
	return sodium_malloc((n + 15) & ~(size_t)15);
}

void
vault_secure_free(void *p)
{
	sodium_free(p);
}

int
vault_memcmp(const void *a, const void *b, size_t n)
{
	return sodium_memcmp(vault_bytes(a), vault_bytes(b), n) == 0 ? 0 : -1;
}

void
vault_hex(const uint8_t *in, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, vault_bytes(in), n);
}
