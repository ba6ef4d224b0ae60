/* test_vault.c - identity protection as a user meets it: passphrases, access
 * granted by an admin, sealed fields that cannot be read, moved or altered,
 * blind indexes for search, and signatures for the audit chain. */
#include "testutil.h"

#include "redress/err.h"
#include "redress/vault.h"

#define PASS(s) (s), strlen(s)

/* An admin who made the book's data key 1, a caseworker granted it, and a
 * third user who was never granted anything. */
static struct vault_identity admin_id, worker_id, other_id;
static struct vault_keys *admin, *worker, *other;

static const char RECORD_AD[] = "case 17/child/name";

static void
create(const char *pass, struct vault_identity *id, struct vault_keys **keys)
{
	struct err err;

	memset(&err, 0, sizeof err);
	if (vault_identity_create(PASS(pass), VAULT_COST_TEST, id, keys, &err) != 0)
		fail_msg("create: %s", err.msg);
	assert_non_null(*keys);
}

/* Grants data key key_id from `from` to `to`, as an admin does. */
static void
grant(struct vault_keys *from, uint32_t key_id, struct vault_keys *to)
{
	uint8_t box_pk[VAULT_PK_BYTES], sign_pk[VAULT_PK_BYTES], slot[VAULT_SLOT_BYTES];
	struct err err;

	vault_keys_public(to, box_pk, sign_pk);
	if (vault_datakey_seal(from, key_id, box_pk, slot, &err) != 0)
		fail_msg("seal data key: %s", err.msg);
	if (vault_datakey_open(to, key_id, slot, &err) != 0)
		fail_msg("open data key: %s", err.msg);
}

static int
setup(void **state)
{
	struct err err;

	(void)state;
	if (vault_init(&err) != 0 || vault_init(&err) != 0)
		fail_msg("init: %s", err.msg);
	create("correct horse battery staple", &admin_id, &admin);
	create("caseworker's own phrase", &worker_id, &worker);
	create("third user", &other_id, &other);
	if (vault_datakey_generate(admin, 1, &err) != 0)
		fail_msg("generate: %s", err.msg);
	grant(admin, 1, worker);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	vault_keys_free(&admin);
	vault_keys_free(&worker);
	vault_keys_free(&other);
	return 0;
}

/* Seals, failing the test on error; checks the promised size. */
static size_t
seal(const struct vault_keys *k, uint32_t key_id, const char *ad, const void *plain,
     size_t len, bool pad, uint8_t *out, size_t max)
{
	struct err err;
	size_t n = 0;

	memset(&err, 0, sizeof err);
	if (vault_seal(k, key_id, ad, strlen(ad), plain, len, pad, out, max, &n, &err) != 0)
		fail_msg("seal of %zu bytes: %s", len, err.msg);
	assert_int_equal(n, vault_sealed_size(len, pad));
	return n;
}

/* Asserts that opening fails with message want. */
static void
open_fails(const struct vault_keys *k, const char *ad, const uint8_t *sealed, size_t n,
           const char *want)
{
	uint8_t plain[128];
	struct err err;
	size_t len = 12345;

	memset(&err, 0, sizeof err);
	assert_int_equal(vault_open(k, ad, strlen(ad), sealed, n, plain, sizeof plain, &len, &err),
	                 -1);
	assert_string_equal(err.msg, want);
	assert_int_equal(len, 12345);
}

static const char NOT_OPEN[] = "sealed field does not open: altered, moved or cut";

/* --- identities -------------------------------------------------------- */

static void
test_create_unlock(void **state)
{
	uint8_t box_pk[VAULT_PK_BYTES], sign_pk[VAULT_PK_BYTES], sig[VAULT_SIG_BYTES];
	uint8_t sealed[128], plain[64];
	struct vault_keys *k = NULL;
	struct err err;
	size_t n, len;

	(void)state;
	if (vault_identity_unlock(&worker_id, PASS("caseworker's own phrase"), &k, &err) != 0)
		fail_msg("unlock: %s", err.msg);
	vault_keys_public(k, box_pk, sign_pk);
	assert_memory_equal(box_pk, worker_id.box_pk, VAULT_PK_BYTES);
	assert_memory_equal(sign_pk, worker_id.sign_pk, VAULT_PK_BYTES);
	/* the unlocked signing key is the stored one */
	assert_int_equal(vault_sign(k, "entry", 5, sig, &err), 0);
	assert_int_equal(vault_verify(worker_id.sign_pk, "entry", 5, sig), 0);
	/* and so is the box key: a data key sealed to the caseworker opens */
	assert_false(vault_has_datakey(k, 1));
	grant(admin, 1, k);
	assert_true(vault_has_datakey(k, 1));
	n = seal(admin, 1, RECORD_AD, "Ada", 3, true, sealed, sizeof sealed);
	assert_int_equal(vault_open(k, RECORD_AD, strlen(RECORD_AD), sealed, n, plain,
	                            sizeof plain, &len, &err), 0);
	assert_int_equal(len, 3);
	assert_memory_equal(plain, "Ada", 3);
	vault_keys_free(&k);
	assert_null(k);
	vault_keys_free(&k);
	vault_keys_free(NULL);
}

static void
test_identities_differ(void **state)
{
	struct vault_identity a, b;
	struct vault_keys *ka, *kb;

	(void)state;
	/* the same passphrase twice: different salts, keys and blobs */
	create("same phrase", &a, &ka);
	create("same phrase", &b, &kb);
	assert_memory_not_equal(a.kdf.salt, b.kdf.salt, VAULT_SALT_BYTES);
	assert_memory_not_equal(a.box_pk, b.box_pk, VAULT_PK_BYTES);
	assert_memory_not_equal(a.sign_pk, b.sign_pk, VAULT_PK_BYTES);
	assert_memory_not_equal(a.wrapped, b.wrapped, VAULT_WRAPPED_BYTES);
	assert_memory_not_equal(a.box_pk, a.sign_pk, VAULT_PK_BYTES);
	vault_keys_free(&ka);
	vault_keys_free(&kb);
}

static void
test_wrong_passphrase(void **state)
{
	static const char *wrong[] = {
		"", "correct horse battery stapl", "correct horse battery staple ",
		"Correct horse battery staple", "caseworker's own phrase",
	};
	struct vault_keys *k;
	struct err err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
		k = (struct vault_keys *)&err; /* must come back NULL */
		memset(&err, 0, sizeof err);
		assert_int_equal(vault_identity_unlock(&admin_id, PASS(wrong[i]), &k, &err), -1);
		assert_null(k);
		assert_string_equal(err.msg, "wrong passphrase");
	}
	/* a passphrase with a NUL in it is its bytes, not a C string */
	assert_int_equal(vault_identity_unlock(&admin_id, "correct horse battery staple\0x",
	                                       strlen("correct horse battery staple") + 2,
	                                       &k, &err), -1);
	assert_string_equal(err.msg, "wrong passphrase");
	assert_int_equal(vault_identity_unlock(&admin_id, PASS("correct horse battery staple"),
	                                       &k, &err), 0);
	vault_keys_free(&k);
}

static void
test_rewrap(void **state)
{
	struct vault_identity id = admin_id, before;
	struct vault_keys *k;
	struct err err;

	(void)state;
	before = id;
	memset(&err, 0, sizeof err);
	if (vault_identity_rewrap(admin, PASS("a new phrase for 2027"), VAULT_COST_TEST, &id,
	                          &err) != 0)
		fail_msg("rewrap: %s", err.msg);
	assert_memory_equal(id.box_pk, before.box_pk, VAULT_PK_BYTES);
	assert_memory_equal(id.sign_pk, before.sign_pk, VAULT_PK_BYTES);
	assert_memory_not_equal(id.kdf.salt, before.kdf.salt, VAULT_SALT_BYTES);
	assert_memory_not_equal(id.wrapped, before.wrapped, VAULT_WRAPPED_BYTES);

	assert_int_equal(vault_identity_unlock(&id, PASS("correct horse battery staple"), &k,
	                                       &err), -1);
	assert_string_equal(err.msg, "wrong passphrase");
	assert_null(k);
	if (vault_identity_unlock(&id, PASS("a new phrase for 2027"), &k, &err) != 0)
		fail_msg("unlock after rewrap: %s", err.msg);
	/* same keys: what was granted before still opens */
	grant(admin, 1, k);
	vault_keys_free(&k);

	/* an unknown cost is refused and leaves the identity as it was */
	before = id;
	assert_int_equal(vault_identity_rewrap(admin, PASS("x"), (enum vault_cost)42, &id, &err),
	                 -1);
	assert_memory_equal(&id, &before, sizeof id);
}

/* Asserts that id does not unlock with pass. */
static void
unlock_fails(const struct vault_identity *id, const char *pass, const char *want)
{
	struct vault_keys *k;
	struct err err;

	memset(&err, 0, sizeof err);
	assert_int_equal(vault_identity_unlock(id, PASS(pass), &k, &err), -1);
	assert_null(k);
	if (want != NULL)
		assert_string_equal(err.msg, want);
}

static void
test_tampered_identity(void **state)
{
	const char *pass = "caseworker's own phrase";
	struct vault_identity id;
	size_t i;

	(void)state;
	for (i = 0; i < VAULT_WRAPPED_BYTES; i++) {
		id = worker_id;
		id.wrapped[i] ^= 0x01;
		unlock_fails(&id, pass, "wrong passphrase");
	}
	for (i = 0; i < VAULT_SALT_BYTES; i++) {
		id = worker_id;
		id.kdf.salt[i] ^= 0x80;
		unlock_fails(&id, pass, "wrong passphrase");
	}
	/* the wrapped secret keys paired with someone else's public keys */
	id = worker_id;
	memcpy(id.box_pk, admin_id.box_pk, VAULT_PK_BYTES);
	unlock_fails(&id, pass, "wrong passphrase");
	id = worker_id;
	memcpy(id.sign_pk, admin_id.sign_pk, VAULT_PK_BYTES);
	unlock_fails(&id, pass, "wrong passphrase");
	id = worker_id;
	memcpy(id.wrapped, admin_id.wrapped, VAULT_WRAPPED_BYTES);
	unlock_fails(&id, pass, "wrong passphrase");
	unlock_fails(&id, "correct horse battery staple", "wrong passphrase");
	/* the cost changed: another key, so no */
	id = worker_id;
	id.kdf.opslimit++;
	unlock_fails(&id, pass, "wrong passphrase");
	/* damaged costs are refused before Argon2 runs */
	id = worker_id;
	id.kdf.opslimit = 0;
	unlock_fails(&id, pass, NULL);
	id = worker_id;
	id.kdf.memlimit = UINT64_MAX;
	unlock_fails(&id, pass, NULL);
	id = worker_id;
	id.kdf.memlimit = 1024;
	unlock_fails(&id, pass, NULL);
}

static void
test_interactive_cost(void **state)
{
	struct vault_identity id;
	struct vault_keys *k, *k2;
	struct err err;

	(void)state;
	if (vault_identity_create(PASS("interactive"), VAULT_COST_INTERACTIVE, &id, &k, &err) != 0)
		fail_msg("create: %s", err.msg);
	/* libsodium's interactive Argon2id limits: 2 passes over 64 MiB */
	assert_int_equal(id.kdf.opslimit, 2);
	assert_int_equal(id.kdf.memlimit, 64u * 1024 * 1024);
	if (vault_identity_unlock(&id, PASS("interactive"), &k2, &err) != 0)
		fail_msg("unlock: %s", err.msg);
	vault_keys_free(&k2);
	/* the test cost is libsodium's minimum, and different */
	if (vault_identity_rewrap(k, PASS("interactive"), VAULT_COST_TEST, &id, &err) != 0)
		fail_msg("rewrap: %s", err.msg);
	assert_int_equal(id.kdf.opslimit, 1);
	assert_int_equal(id.kdf.memlimit, 8192);
	vault_keys_free(&k);
}

/* --- data keys --------------------------------------------------------- */

static void
test_grant(void **state)
{
	uint8_t box_pk[VAULT_PK_BYTES], sign_pk[VAULT_PK_BYTES], slot[VAULT_SLOT_BYTES];
	uint8_t sealed[128], plain[64];
	struct err err;
	size_t n, len, i;

	(void)state;
	vault_keys_public(worker, box_pk, sign_pk);
	assert_int_equal(vault_datakey_seal(admin, 1, box_pk, slot, &err), 0);
	/* the caseworker was granted key 1 in setup: reads what the admin sealed */
	n = seal(admin, 1, RECORD_AD, "Jordan Ellis", 12, true, sealed, sizeof sealed);
	assert_int_equal(vault_open(worker, RECORD_AD, strlen(RECORD_AD), sealed, n, plain,
	                            sizeof plain, &len, &err), 0);
	assert_int_equal(len, 12);
	assert_memory_equal(plain, "Jordan Ellis", 12);
	/* and the other way round */
	n = seal(worker, 1, RECORD_AD, "Sam", 3, true, sealed, sizeof sealed);
	assert_int_equal(vault_open(admin, RECORD_AD, strlen(RECORD_AD), sealed, n, plain,
	                            sizeof plain, &len, &err), 0);

	/* the third user cannot open the caseworker's slot, nor read fields */
	memset(&err, 0, sizeof err);
	assert_int_equal(vault_datakey_open(other, 1, slot, &err), -1);
	assert_string_equal(err.msg, "data key 1 was not sealed to this user, or was altered");
	assert_false(vault_has_datakey(other, 1));
	open_fails(other, RECORD_AD, sealed, n, "data key 1 is not held");
	/* nor can anyone use a damaged slot */
	for (i = 0; i < VAULT_SLOT_BYTES; i++) {
		uint8_t bad[VAULT_SLOT_BYTES];

		memcpy(bad, slot, sizeof bad);
		bad[i] ^= 0x40;
		assert_int_equal(vault_datakey_open(worker, 7, bad, &err), -1);
	}
	assert_false(vault_has_datakey(worker, 7));
	/* a key not held cannot be granted */
	assert_int_equal(vault_datakey_seal(other, 1, box_pk, slot, &err), -1);
	assert_string_equal(err.msg, "data key 1 is not held");
	/* a public key that is a low-order point is not a user */
	memset(box_pk, 0, sizeof box_pk);
	assert_int_equal(vault_datakey_seal(admin, 1, box_pk, slot, &err), -1);
}

static void
test_keys_max(void **state)
{
	struct vault_identity id;
	struct vault_keys *k;
	uint8_t sealed[128], plain[32];
	struct err err;
	size_t n, len;
	uint32_t i;

	(void)state;
	create("rotating", &id, &k);
	for (i = 0; i < VAULT_KEYS_MAX; i++)
		assert_int_equal(vault_datakey_generate(k, 100 + i, &err), 0);
	assert_int_equal(vault_datakey_generate(k, 999, &err), -1);
	assert_false(vault_has_datakey(k, 999));
	/* nor can a ninth be granted; replacing a held id needs no new room */
	{
		uint8_t box_pk[VAULT_PK_BYTES], sign_pk[VAULT_PK_BYTES], slot[VAULT_SLOT_BYTES];

		vault_keys_public(k, box_pk, sign_pk);
		assert_int_equal(vault_datakey_seal(admin, 1, box_pk, slot, &err), 0);
		assert_int_equal(vault_datakey_open(k, 1, slot, &err), -1);
		assert_false(vault_has_datakey(k, 1));
		assert_int_equal(vault_datakey_open(k, 103, slot, &err), 0);
		assert_true(vault_has_datakey(k, 103));
	}
	/* admin's key 1 held as 103 does not open admin's key-1 fields: the id
	 * in the header is what is looked up */
	n = seal(admin, 1, RECORD_AD, "x", 1, false, sealed, sizeof sealed);
	open_fails(k, RECORD_AD, sealed, n, "data key 1 is not held");
	/* and relabelling the header to 103 does not help: the id is bound in */
	sealed[4] = 103;
	open_fails(k, RECORD_AD, sealed, n, NOT_OPEN);
	n = seal(k, 103, RECORD_AD, "x", 1, false, sealed, sizeof sealed);
	assert_int_equal(vault_open(k, RECORD_AD, strlen(RECORD_AD), sealed, n, plain,
	                            sizeof plain, &len, &err), 0);
	/* generating an id again replaces it: the old fields no longer open */
	assert_int_equal(vault_datakey_generate(k, 103, &err), 0);
	open_fails(k, RECORD_AD, sealed, n, NOT_OPEN);
	vault_keys_free(&k);
}

/* --- sealed fields ----------------------------------------------------- */

static void
roundtrip(const void *text, size_t len, bool pad)
{
	uint8_t *sealed, *plain;
	size_t max = vault_sealed_size(len, pad), n, got = 0;
	struct err err;

	sealed = malloc(max);
	plain = malloc(len + 1);
	assert_non_null(sealed);
	assert_non_null(plain);
	n = seal(admin, 1, RECORD_AD, text, len, pad, sealed, max);
	assert_int_equal(vault_sealed_key_id(sealed, n), 1);
	memset(&err, 0, sizeof err);
	/* exactly the plaintext's room is enough, padded or not */
	if (vault_open(worker, RECORD_AD, strlen(RECORD_AD), sealed, n, plain, len, &got,
	               &err) != 0)
		fail_msg("open of %zu bytes (pad %d): %s", len, pad, err.msg);
	assert_int_equal(got, len);
	if (len > 0)
		assert_memory_equal(plain, text, len);
	free(sealed);
	free(plain);
}

static void
test_seal_roundtrip(void **state)
{
	static const size_t lens[] = { 0, 1, 31, 32, 33, 63, 64, 65, 5000 };
	char big[5000];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i % 26);
	for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		roundtrip(big, lens[i], false);
		roundtrip(big, lens[i], true);
	}
	/* bytes that are not text at all */
	roundtrip("\0\x80\xff\n\0", 5, true);
	roundtrip("\0\x80\xff\n\0", 5, false);
	roundtrip(NULL, 0, true);
}

static void
test_sealed_sizes(void **state)
{
	(void)state;
	assert_int_equal(vault_sealed_size(0, false), VAULT_SEAL_OVERHEAD);
	assert_int_equal(vault_sealed_size(5000, false), VAULT_SEAL_OVERHEAD + 5000);
	/* padding always adds at least a byte, to a block boundary */
	assert_int_equal(vault_sealed_size(0, true), VAULT_SEAL_OVERHEAD + 32);
	assert_int_equal(vault_sealed_size(31, true), VAULT_SEAL_OVERHEAD + 32);
	assert_int_equal(vault_sealed_size(32, true), VAULT_SEAL_OVERHEAD + 64);
	assert_int_equal(vault_sealed_size(33, true), VAULT_SEAL_OVERHEAD + 64);
	assert_int_equal(vault_sealed_size(5000, true), VAULT_SEAL_OVERHEAD + 5024);
}

static void
test_utf8_names(void **state)
{
	static const char *names[] = {
		"Zoë Smith", "Siobhán Ní Bhriain", "Łukasz Wójcik", "محمد علي", "李小龍",
		"Anaïs-Æsa O'Brien 🙂",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		roundtrip(names[i], strlen(names[i]), true);
		roundtrip(names[i], strlen(names[i]), false);
	}
}

static void
test_fresh_nonce(void **state)
{
	uint8_t a[128], b[128];
	size_t na, nb;

	(void)state;
	na = seal(admin, 1, RECORD_AD, "Jordan Ellis", 12, true, a, sizeof a);
	nb = seal(admin, 1, RECORD_AD, "Jordan Ellis", 12, true, b, sizeof b);
	assert_int_equal(na, nb);
	/* version and key id alike; nonce and everything after differ */
	assert_memory_equal(a, b, 5);
	assert_memory_not_equal(a + 5, b + 5, 24);
	assert_memory_not_equal(a + 29, b + 29, na - 29);
}

/* memmem, which _DEFAULT_SOURCE does not declare. */
static bool
contains(const uint8_t *hay, size_t haylen, const void *needle, size_t n)
{
	size_t i;

	for (i = 0; i + n <= haylen; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return true;
	return false;
}

/* True if any n-byte run of needle appears in hay. */
static bool
leaks(const uint8_t *hay, size_t haylen, const char *needle, size_t len, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (contains(hay, haylen, needle + i, n))
			return true;
	return false;
}

static void
test_plaintext_hidden(void **state)
{
	const char *name = "Bartholomew Fitzgerald-Okonkwo";
	uint8_t sealed[6000];
	char text[5000];
	size_t n, i;

	(void)state;
	n = seal(admin, 1, RECORD_AD, name, strlen(name), true, sealed, sizeof sealed);
	assert_false(leaks(sealed, n, name, strlen(name), 6));
	n = seal(admin, 1, RECORD_AD, name, strlen(name), false, sealed, sizeof sealed);
	assert_false(leaks(sealed, n, name, strlen(name), 6));
	for (i = 0; i < sizeof text; i++)
		text[i] = "The child said that the placement "[i % 34];
	n = seal(admin, 1, RECORD_AD, text, sizeof text, false, sealed, sizeof sealed);
	assert_false(leaks(sealed, n, text, 34 + 8, 8));
	/* the associated data is bound in, not stored */
	assert_false(contains(sealed, n, "case 17", 7));
}

static void
test_every_byte_matters(void **state)
{
	static const uint8_t flips[] = { 0x01, 0x80, 0xff };
	uint8_t sealed[128], bad[129];
	size_t n, i, j;
	bool pad;

	(void)state;
	for (pad = false; ; pad = true) {
		n = seal(admin, 1, RECORD_AD, "Jordan Ellis", 12, pad, sealed, sizeof sealed);
		for (i = 0; i < n; i++)
			for (j = 0; j < sizeof flips; j++) {
				struct err err;
				uint8_t plain[64];
				size_t len;

				memcpy(bad, sealed, n);
				bad[i] ^= flips[j];
				if (vault_open(worker, RECORD_AD, strlen(RECORD_AD), bad, n, plain,
				               sizeof plain, &len, &err) == 0)
					fail_msg("byte %zu ^ %#x opened (pad %d)", i, flips[j],
					         pad);
			}
		/* cut anywhere, or lengthened */
		for (i = 0; i < n; i++)
			open_fails(worker, RECORD_AD, sealed, i, NOT_OPEN);
		memcpy(bad, sealed, n);
		bad[n] = 0;
		open_fails(worker, RECORD_AD, bad, n + 1, NOT_OPEN);
		if (pad)
			break;
	}
	/* the version byte says padded: an unpadded field relabelled fails */
	n = seal(admin, 1, RECORD_AD, "Jordan Ellis", 12, false, sealed, sizeof sealed);
	sealed[0] = 2;
	open_fails(worker, RECORD_AD, sealed, n, NOT_OPEN);
	sealed[0] = 3;
	assert_int_equal(vault_sealed_key_id(sealed, n), -1);
	open_fails(worker, RECORD_AD, sealed, n, NOT_OPEN);
}

static void
test_moved(void **state)
{
	uint8_t sealed[128], plain[64];
	struct err err;
	size_t n, len;

	(void)state;
	n = seal(admin, 1, "case 17/child/name", "Jordan Ellis", 12, true, sealed, sizeof sealed);
	/* another record, another field, or none */
	open_fails(worker, "case 18/child/name", sealed, n, NOT_OPEN);
	open_fails(worker, "case 17/complainant/name", sealed, n, NOT_OPEN);
	open_fails(worker, "case 17/child/nam", sealed, n, NOT_OPEN);
	open_fails(worker, "", sealed, n, NOT_OPEN);
	assert_int_equal(vault_open(worker, "case 17/child/name", 18, sealed, n, plain,
	                            sizeof plain, &len, &err), 0);
	/* long associated data works the same */
	{
		char ad[1000];

		memset(ad, 'r', sizeof ad - 1);
		ad[sizeof ad - 1] = '\0';
		n = seal(admin, 1, ad, "x", 1, false, sealed, sizeof sealed);
		assert_int_equal(vault_open(worker, ad, strlen(ad), sealed, n, plain,
		                            sizeof plain, &len, &err), 0);
		ad[500] = 's';
		open_fails(worker, ad, sealed, n, NOT_OPEN);
	}
}

static void
test_padding_hides_length(void **state)
{
	uint8_t a[128], b[128];
	size_t na, nb;

	(void)state;
	na = seal(admin, 1, RECORD_AD, "Amy", 3, true, a, sizeof a);
	nb = seal(admin, 1, RECORD_AD, "Bartholomew Fitzgera", 20, true, b, sizeof b);
	assert_int_equal(na, nb);
	na = seal(admin, 1, RECORD_AD, "Amy", 3, false, a, sizeof a);
	nb = seal(admin, 1, RECORD_AD, "Bartholomew Fitzgera", 20, false, b, sizeof b);
	assert_int_not_equal(na, nb);
}

static void
test_buffers(void **state)
{
	const char *name = "Forty bytes of a name, padded to 64 bytes";
	uint8_t sealed[128], plain[64];
	struct err err;
	size_t n, len = 999, need = vault_sealed_size(strlen(name), true);

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(vault_seal(admin, 1, "", 0, name, strlen(name), true, sealed, need - 1,
	                            &n, &err), -1);
	assert_true(strstr(err.msg, "bytes") != NULL);
	n = seal(admin, 1, "", name, strlen(name), true, sealed, need);
	/* unpadded it needs strlen(name) bytes; one fewer is refused, and the
	 * buffer holds nothing of the name afterwards */
	memset(plain, 'Z', sizeof plain);
	assert_int_equal(vault_open(worker, "", 0, sealed, n, plain, strlen(name) - 1, &len,
	                            &err), -1);
	assert_int_equal(len, 999);
	assert_false(leaks(plain, sizeof plain, name, strlen(name), 4));
	assert_int_equal(vault_open(worker, "", 0, sealed, n, plain, strlen(name), &len, &err),
	                 0);
	assert_int_equal(len, strlen(name));
	assert_memory_equal(plain, name, len);
	/* an unpadded field needs its own room too */
	n = seal(admin, 1, "", name, strlen(name), false, sealed, sizeof sealed);
	assert_int_equal(vault_open(worker, "", 0, sealed, n, plain, strlen(name) - 1, &len,
	                            &err), -1);
	/* a failed open leaves nothing readable where it tried */
	memset(plain, 0, sizeof plain);
	sealed[n - 1] ^= 1;
	assert_int_equal(vault_open(worker, "", 0, sealed, n, plain, sizeof plain, &len, &err),
	                 -1);
	assert_false(leaks(plain, sizeof plain, name, strlen(name), 4));
	/* an empty field opens into no buffer at all */
	n = seal(admin, 1, "", "", 0, false, sealed, sizeof sealed);
	assert_int_equal(vault_open(worker, "", 0, sealed, n, NULL, 0, &len, &err), 0);
	assert_int_equal(len, 0);
}

static void
test_rotation(void **state)
{
	uint8_t old[128], new[128], plain[64];
	struct vault_identity id;
	struct vault_keys *late;
	struct err err;
	size_t nold, nnew, len;

	(void)state;
	nold = seal(admin, 1, RECORD_AD, "Old Name", 8, true, old, sizeof old);
	/* the admin rotates: key 2, granted to the caseworker */
	assert_int_equal(vault_datakey_generate(admin, 2, &err), 0);
	grant(admin, 2, worker);
	nnew = seal(admin, 2, RECORD_AD, "New Name", 8, true, new, sizeof new);
	assert_int_equal(vault_sealed_key_id(old, nold), 1);
	assert_int_equal(vault_sealed_key_id(new, nnew), 2);
	/* while key 1 is held, old fields still open */
	assert_int_equal(vault_open(worker, RECORD_AD, strlen(RECORD_AD), old, nold, plain,
	                            sizeof plain, &len, &err), 0);
	assert_memory_equal(plain, "Old Name", 8);
	assert_int_equal(vault_open(worker, RECORD_AD, strlen(RECORD_AD), new, nnew, plain,
	                            sizeof plain, &len, &err), 0);
	assert_memory_equal(plain, "New Name", 8);
	/* someone granted only key 2 reads new fields, not old ones */
	create("joined after rotation", &id, &late);
	grant(admin, 2, late);
	assert_int_equal(vault_open(late, RECORD_AD, strlen(RECORD_AD), new, nnew, plain,
	                            sizeof plain, &len, &err), 0);
	open_fails(late, RECORD_AD, old, nold, "data key 1 is not held");
	/* nor can they seal under a key they do not hold */
	assert_int_equal(vault_seal(late, 1, "", 0, "x", 1, false, old, sizeof old, &len, &err),
	                 -1);
	assert_string_equal(err.msg, "data key 1 is not held");
	/* a header claiming key 2 over a key-1 body fails to open, not lies */
	old[4] = 2;
	open_fails(worker, RECORD_AD, old, nold, NOT_OPEN);
	/* a key id that is large prints as it is */
	old[1] = 0xff;
	open_fails(worker, RECORD_AD, old, nold, "data key 4278190082 is not held");
	assert_int_equal(vault_sealed_key_id(old, nold), 4278190082);
	vault_keys_free(&late);
}

/* --- blind indexes ----------------------------------------------------- */

static void
blind(const struct vault_keys *k, uint32_t key_id, const char *field, const char *value,
      uint8_t out[VAULT_BLIND_BYTES])
{
	struct err err;

	if (vault_blind(k, key_id, field, value, out, &err) != 0)
		fail_msg("blind %s: %s", value, err.msg);
}

static void
test_blind(void **state)
{
	static const char *same[] = {
		"zoë smith", "Zoë  Smith", " zoë smith ", "ZOë SMITH", "\tZoë\n\r Smith\v\f",
	};
	uint8_t want[VAULT_BLIND_BYTES], got[VAULT_BLIND_BYTES];
	struct err err;
	size_t i;

	(void)state;
	blind(admin, 1, "name", same[0], want);
	for (i = 1; i < sizeof same / sizeof same[0]; i++) {
		blind(admin, 1, "name", same[i], got);
		if (memcmp(got, want, sizeof got) != 0)
			fail_msg("\"%s\" and \"%s\" differ", same[0], same[i]);
	}
	/* another user holding the same data key finds the same records */
	blind(worker, 1, "name", "Zoë Smith", got);
	assert_memory_equal(got, want, sizeof got);
	/* other names, other fields, other data keys */
	blind(admin, 1, "name", "zoë smyth", got);
	assert_memory_not_equal(got, want, sizeof got);
	blind(admin, 1, "name", "zoësmith", got);
	assert_memory_not_equal(got, want, sizeof got);
	blind(admin, 1, "name", "zoe smith", got);
	assert_memory_not_equal(got, want, sizeof got);
	/* case folding is ASCII only: Ë is not ë */
	blind(admin, 1, "name", "ZOË SMITH", got);
	assert_memory_not_equal(got, want, sizeof got);
	blind(admin, 1, "complainant", "zoë smith", got);
	assert_memory_not_equal(got, want, sizeof got);
	assert_int_equal(vault_datakey_generate(admin, 3, &err), 0);
	blind(admin, 3, "name", "zoë smith", got);
	assert_memory_not_equal(got, want, sizeof got);
	/* the field and value cannot run into each other */
	blind(admin, 1, "ab", "c", want);
	blind(admin, 1, "a", "bc", got);
	assert_memory_not_equal(got, want, sizeof got);
	/* empty and all-space values are the same empty value */
	blind(admin, 1, "name", "", want);
	blind(admin, 1, "name", "  \t ", got);
	assert_memory_equal(got, want, sizeof got);
	/* the index of a value is not the value */
	blind(admin, 1, "dob", "2014-03-09", got);
	assert_memory_not_equal(got, "2014-03-09", 10);
	/* long values, past any internal buffer */
	{
		char a[300], b[600];

		for (i = 0; i < 299; i++)
			a[i] = (char)('a' + i % 7);
		a[299] = '\0';
		for (i = 0; i < 299; i++) {
			b[2 * i] = (char)('A' + i % 7);
			b[2 * i + 1] = ' ';
		}
		b[598] = '\0';
		blind(admin, 1, "notes", a, want);
		blind(admin, 1, "notes", b, got); /* spaced out: differs */
		assert_memory_not_equal(got, want, sizeof got);
		for (i = 0; i < 299; i++)
			b[i] = (char)('A' + i % 7);
		b[299] = '\0';
		blind(admin, 1, "notes", b, got);
		assert_memory_equal(got, want, sizeof got);
	}
	memset(&err, 0, sizeof err);
	assert_int_equal(vault_blind(other, 1, "name", "zoë smith", got, &err), -1);
	assert_string_equal(err.msg, "data key 1 is not held");
	/* many at once, as the search index hashes a name's words: each the
	 * same as alone */
	{
		static const char words[] = "zoe\0adeyemi\0ade";
		uint8_t many[3][VAULT_BLIND_BYTES];

		assert_int_equal(vault_blind_n(admin, 1, "word", words, 3, many, &err), 0);
		blind(admin, 1, "word", "adeyemi", got);
		assert_memory_equal(many[1], got, sizeof got);
		blind(admin, 1, "word", "ade", got);
		assert_memory_equal(many[2], got, sizeof got);
		assert_memory_not_equal(many[0], many[2], sizeof got);
		assert_int_equal(vault_blind_n(other, 1, "word", words, 3, many, &err), -1);
	}
}

/* --- signatures and hashes ---------------------------------------------- */

static void
test_sign_verify(void **state)
{
	const char *entry = "2026-11-23 caseworker changed case 17: stage, summary";
	uint8_t sig[VAULT_SIG_BYTES], bad[VAULT_SIG_BYTES];
	struct err err;
	char changed[128];

	(void)state;
	assert_int_equal(vault_sign(admin, entry, strlen(entry), sig, &err), 0);
	assert_int_equal(vault_verify(admin_id.sign_pk, entry, strlen(entry), sig), 0);
	/* a changed entry, a different signer, a changed signature */
	strcpy(changed, entry);
	changed[20] ^= 1;
	assert_int_equal(vault_verify(admin_id.sign_pk, changed, strlen(changed), sig), -1);
	assert_int_equal(vault_verify(admin_id.sign_pk, entry, strlen(entry) - 1, sig), -1);
	assert_int_equal(vault_verify(worker_id.sign_pk, entry, strlen(entry), sig), -1);
	/* the box key is not a signing key */
	assert_int_equal(vault_verify(admin_id.box_pk, entry, strlen(entry), sig), -1);
	memcpy(bad, sig, sizeof bad);
	bad[63] ^= 0x10;
	assert_int_equal(vault_verify(admin_id.sign_pk, entry, strlen(entry), bad), -1);
	/* the empty message is a message */
	assert_int_equal(vault_sign(worker, NULL, 0, sig, &err), 0);
	assert_int_equal(vault_verify(worker_id.sign_pk, NULL, 0, sig), 0);
	assert_int_equal(vault_verify(worker_id.sign_pk, "", 0, sig), 0);
	assert_int_equal(vault_verify(worker_id.sign_pk, "x", 1, sig), -1);
}

static void
test_hash2(void **state)
{
	uint8_t h[VAULT_HASH_BYTES], g[VAULT_HASH_BYTES];
	char hex[2 * VAULT_HASH_BYTES + 1];

	(void)state;
	/* BLAKE2b-256 test vectors */
	vault_hash2("abc", 3, NULL, 0, h);
	vault_hex(h, sizeof h, hex);
	assert_string_equal(hex, "bddd813c634239723171ef3fee98579b"
	                         "94964e3bb1cb3e427262c8c068d52319");
	vault_hash2(NULL, 0, NULL, 0, h);
	vault_hex(h, sizeof h, hex);
	assert_string_equal(hex, "0e5751c026e543b2e8ab2eb06099daa1"
	                         "d1e5df47778f7787faab45cdf12fe3a8");
	/* the concatenation, wherever it is split */
	vault_hash2("abc", 3, NULL, 0, g);
	vault_hash2("ab", 2, "c", 1, h);
	assert_memory_equal(h, g, sizeof h);
	vault_hash2("a", 1, "bc", 2, h);
	assert_memory_equal(h, g, sizeof h);
	vault_hash2("", 0, "abc", 3, h);
	assert_memory_equal(h, g, sizeof h);
	vault_hash2("abd", 3, NULL, 0, h);
	assert_memory_not_equal(h, g, sizeof h);
}

static void
test_helpers(void **state)
{
	static const uint8_t bytes[] = { 0x00, 0x0f, 0xab, 0xff };
	uint8_t r1[32], r2[32], junk[VAULT_SEAL_OVERHEAD];
	char hex[9], *p;

	(void)state;
	vault_hex(bytes, sizeof bytes, hex);
	assert_string_equal(hex, "000fabff");
	vault_hex(bytes, 0, hex);
	assert_string_equal(hex, "");
	assert_int_equal(vault_memcmp("abc", "abc", 3), 0);
	assert_int_not_equal(vault_memcmp("abc", "abd", 3), 0);
	assert_int_equal(vault_memcmp("abc", "abd", 2), 0);
	vault_random(r1, sizeof r1);
	vault_random(r2, sizeof r2);
	assert_memory_not_equal(r1, r2, sizeof r1);
	vault_wipe(r1, sizeof r1);
	memset(r2, 0, sizeof r2);
	assert_memory_equal(r1, r2, sizeof r1);
	p = vault_secure_alloc(64);
	assert_non_null(p);
	strcpy(p, "a passphrase");
	vault_secure_free(p);
	vault_secure_free(NULL);
	/* not sealed fields */
	memset(junk, 0, sizeof junk);
	assert_int_equal(vault_sealed_key_id(junk, sizeof junk), -1);
	junk[0] = 1;
	junk[4] = 9;
	assert_int_equal(vault_sealed_key_id(junk, sizeof junk), 9);
	assert_int_equal(vault_sealed_key_id(junk, sizeof junk - 1), -1);
	assert_int_equal(vault_sealed_key_id(NULL, 0), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_unlock),
		cmocka_unit_test(test_identities_differ),
		cmocka_unit_test(test_wrong_passphrase),
		cmocka_unit_test(test_rewrap),
		cmocka_unit_test(test_tampered_identity),
		cmocka_unit_test(test_interactive_cost),
		cmocka_unit_test(test_grant),
		cmocka_unit_test(test_keys_max),
		cmocka_unit_test(test_seal_roundtrip),
		cmocka_unit_test(test_sealed_sizes),
		cmocka_unit_test(test_utf8_names),
		cmocka_unit_test(test_fresh_nonce),
		cmocka_unit_test(test_plaintext_hidden),
		cmocka_unit_test(test_every_byte_matters),
		cmocka_unit_test(test_moved),
		cmocka_unit_test(test_padding_hides_length),
		cmocka_unit_test(test_buffers),
		cmocka_unit_test(test_rotation),
		cmocka_unit_test(test_blind),
		cmocka_unit_test(test_sign_verify),
		cmocka_unit_test(test_hash2),
		cmocka_unit_test(test_helpers),
	};

	return cmocka_run_group_tests_name("vault", tests, setup, teardown);
}
