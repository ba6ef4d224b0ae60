/* vault.h - every use of libsodium: users' key pairs wrapped by passphrase,
 * the book's data key sealed to each user, field sealing, blind indexes,
 * hashing and signatures for the audit chain.  Only src/vault/ includes
 * <sodium.h>.
 *
 * Secrets (secret keys, data keys) live only inside a struct vault_keys,
 * which is allocated with sodium_malloc (guarded, locked, wiped on free).
 * Nothing secret is ever returned in ordinary memory except a field's
 * plaintext, which goes to a buffer the caller provides and must wipe with
 * vault_wipe() when done (or allocate with vault_secure_alloc()).
 * All functions return 0 or -1 with a message in err. */
#ifndef REDRESS_VAULT_H
#define REDRESS_VAULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

#define VAULT_PK_BYTES 32       /* X25519 or Ed25519 public key */
#define VAULT_SIG_BYTES 64      /* Ed25519 signature */
#define VAULT_HASH_BYTES 32     /* BLAKE2b-256 */
#define VAULT_SALT_BYTES 16     /* Argon2id salt */
#define VAULT_BLIND_BYTES 12    /* truncated keyed BLAKE2b: false positives are confirmed */
#define VAULT_DATAKEY_BYTES 32
/* The wrapped secret halves of a user's two key pairs:
 * XChaCha20-Poly1305(nonce 24 | box_sk 32 | sign_sk 64 | tag 16). */
#define VAULT_WRAPPED_BYTES (24 + 32 + 64 + 16)
/* A data key sealed to a user's box public key (crypto_box_seal). */
#define VAULT_SLOT_BYTES (32 + VAULT_DATAKEY_BYTES + 16)
/* A sealed field: version 1 (0x01 unpadded, 0x02 padded) | key id 4 (big-endian) |
 * nonce 24 | ciphertext | tag 16 */
#define VAULT_SEAL_OVERHEAD (1 + 4 + 24 + 16)
#define VAULT_PAD_BLOCK 32      /* names and short fields are padded to this */
#define VAULT_KEYS_MAX 8        /* data keys one vault_keys can hold (rotation) */

/* Argon2id cost, stored per user with their wrapped keys. */
enum vault_cost {
	VAULT_COST_INTERACTIVE = 0, /* the default: libsodium's interactive limits */
	VAULT_COST_MODERATE,
	VAULT_COST_TEST,            /* the minimum: for test suites only */
};

struct vault_kdf {
	uint64_t opslimit;
	uint64_t memlimit;
	uint8_t salt[VAULT_SALT_BYTES];
};

/* A user's keys as the book stores them: public halves in clear, secret
 * halves wrapped by a key derived from the passphrase. */
struct vault_identity {
	uint8_t box_pk[VAULT_PK_BYTES];
	uint8_t sign_pk[VAULT_PK_BYTES];
	uint8_t wrapped[VAULT_WRAPPED_BYTES];
	struct vault_kdf kdf;
};

struct vault_keys; /* opaque; sodium_malloc memory */

/* Initialises libsodium; safe to call more than once. */
int vault_init(struct err *err);

/* Creates a user's two key pairs (X25519 for receiving data keys, Ed25519
 * for signing audit entries), wraps the secret halves with the passphrase,
 * fills *id and returns the unlocked keys in *keys (free: vault_keys_free). */
int vault_identity_create(const char *pass, size_t passlen, enum vault_cost cost,
                          struct vault_identity *id, struct vault_keys **keys,
                          struct err *err);

/* Unlocks a stored identity.  A wrong passphrase fails with the message
 * "wrong passphrase" and leaves *keys NULL. */
int vault_identity_unlock(const struct vault_identity *id, const char *pass, size_t passlen,
                          struct vault_keys **keys, struct err *err);

/* Wraps the unlocked keys under a new passphrase into *id (same public keys). */
int vault_identity_rewrap(const struct vault_keys *keys, const char *pass, size_t passlen,
                          enum vault_cost cost, struct vault_identity *id, struct err *err);

/* Wipes and frees, and sets *keys to NULL.  NULL is fine. */
void vault_keys_free(struct vault_keys **keys);

/* The public halves of unlocked keys. */
void vault_keys_public(const struct vault_keys *keys, uint8_t box_pk[VAULT_PK_BYTES],
                       uint8_t sign_pk[VAULT_PK_BYTES]);

/* Makes a new random data key with this id and holds it in keys. */
int vault_datakey_generate(struct vault_keys *keys, uint32_t key_id, struct err *err);
/* Seals the held data key key_id to a recipient's box public key. */
int vault_datakey_seal(const struct vault_keys *keys, uint32_t key_id,
                       const uint8_t recipient_box_pk[VAULT_PK_BYTES],
                       uint8_t slot[VAULT_SLOT_BYTES], struct err *err);
/* Opens a slot sealed to these keys and holds the data key as key_id. */
int vault_datakey_open(struct vault_keys *keys, uint32_t key_id,
                       const uint8_t slot[VAULT_SLOT_BYTES], struct err *err);
bool vault_has_datakey(const struct vault_keys *keys, uint32_t key_id);
/* Wipes the data keys held whose ids are in [from, to]: a key made for a
 * rotation that was not committed, or keys retired long ago (a process
 * open across many rotations). */
void vault_datakey_drop(struct vault_keys *keys, uint32_t from, uint32_t to);

/* Size of a sealed field for a plaintext of len bytes (padded if asked). */
size_t vault_sealed_size(size_t len, bool pad);

/* Seals plaintext with data key key_id: a random nonce, the header, and ad
 * (the record and field it belongs to) bound in, so a ciphertext cannot be
 * moved to another record or field.  out must hold vault_sealed_size(). */
int vault_seal(const struct vault_keys *keys, uint32_t key_id, const void *ad, size_t adlen,
               const void *plain, size_t len, bool pad, uint8_t *out, size_t outmax,
               size_t *outlen, struct err *err);

/* Opens a sealed field (the key id comes from its header) into plain
 * (capacity max); *len is the plaintext length without padding.  Fails if
 * the key is not held, or the field was altered, moved, or cut. */
int vault_open(const struct vault_keys *keys, const void *ad, size_t adlen,
               const uint8_t *sealed, size_t sealedlen, void *plain, size_t max, size_t *len,
               struct err *err);

/* The data key id in a sealed field's header; -1 if it is not one. */
int64_t vault_sealed_key_id(const uint8_t *sealed, size_t len);

/* Blind index of value for an exact search on field (e.g. "name", "dob"):
 * keyed by a subkey of data key key_id, computed on the value with case
 * folded (ASCII only: "ZOË" and "Zoë" differ) and runs of white space made
 * one space, trimmed. */
int vault_blind(const struct vault_keys *keys, uint32_t key_id, const char *field,
                const char *value, uint8_t out[VAULT_BLIND_BYTES], struct err *err);

/* The same for n values at once (the subkey derived once): values holds
 * them one after another, each NUL-terminated (fold_tokens' output), and
 * out[i] gets the index of the i-th. */
int vault_blind_n(const struct vault_keys *keys, uint32_t key_id, const char *field,
                  const char *values, size_t n, uint8_t (*out)[VAULT_BLIND_BYTES],
                  struct err *err);

/* Signs msg with the user's Ed25519 key. */
int vault_sign(const struct vault_keys *keys, const void *msg, size_t len,
               uint8_t sig[VAULT_SIG_BYTES], struct err *err);
/* 0 if sig is pk's signature of msg, else -1. */
int vault_verify(const uint8_t pk[VAULT_PK_BYTES], const void *msg, size_t len,
                 const uint8_t sig[VAULT_SIG_BYTES]);

/* BLAKE2b-256 of the concatenation of a and b (either may be empty). */
void vault_hash2(const void *a, size_t alen, const void *b, size_t blen,
                 uint8_t out[VAULT_HASH_BYTES]);
void vault_random(void *buf, size_t n);
void vault_wipe(void *buf, size_t n);
/* Guarded memory for passphrases, plaintexts and structs holding them
 * (aligned for any type); free wipes. */
void *vault_secure_alloc(size_t n);
void vault_secure_free(void *p);
/* Constant-time comparison: 0 when equal. */
int vault_memcmp(const void *a, const void *b, size_t n);
/* Lowercase hex of n bytes into out (2n+1). */
void vault_hex(const uint8_t *in, size_t n, char *out);

#endif
