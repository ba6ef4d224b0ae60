/* book-int.h - what the files of src/book/ share: the open book and the
 * record layouts.  Not a public header. */
#ifndef REDRESS_BOOK_INT_H
#define REDRESS_BOOK_INT_H

#include "redress/book.h"
#include "redress/codec.h"
#include "redress/store.h"
#include "redress/vault.h"

struct book {
	struct store *st;
	char dir[4096];
	uint32_t uid;
	char login[64];
	enum role role;
	bool enrolled, granted, revoked;
	bool lost;               /* revoked while open: keys wiped (book_revoked) */
	struct vault_keys *keys; /* NULL until unlocked */
	uint32_t key_id;         /* the book's current data key id */
	struct profile *profile; /* the book's own profile, loaded on first use */
	struct calendar *cal;
	unsigned pv, cv;         /* ... and the versions they are (versions.c) */
	struct book_vers *vers;  /* every version loaded, current or not */
	int32_t today;           /* London's date, or what book_set_today said */
	bool today_set;
	uint64_t head_seq;       /* the audit entry this process last appended */
	uint8_t head_hash[VAULT_HASH_BYTES];
	bool syslog_lost;        /* a head announced while syslog was unreachable */
	struct book_reads *reads; /* reads noted by this handle (reads.c), or NULL */
};

/* Record types (first byte of every value). */
enum {
	REC_USER = 'U',
	REC_AUDIT = 'A',
	REC_PERSON = 'P',
	REC_FILE = 'F',
	REC_CASE = 'C',
	REC_EVENT = 'E',
	REC_DUE = 'D',
	REC_SUM = 'S',
};

/* Tags of case summaries (the list's view of a case). */
enum {
	ST_REF = 1, ST_RECEIVED, ST_KIND, ST_STATUS, ST_STAGE, ST_TEAM, ST_OWNER, ST_CHILD,
	ST_NEXT_KEY, ST_NEXT_DUE, ST_ERASED,
};

/* Tags of user records. */
enum {
	UT_LOGIN = 1, UT_ROLE, UT_GRANTED, UT_REVOKED, UT_BOX_PK, UT_SIGN_PK, UT_WRAPPED,
	UT_OPS, UT_MEM, UT_SALT, UT_SLOT /* key id (4) | sealed data key */, UT_ENROLLED_AT,
	UT_GRANTED_AT, UT_GRANTED_BY,
};

/* Tags of audit entries. */
enum {
	AT_TIME = 1, AT_UID, AT_LOGIN, AT_ACTION, AT_RECORD, AT_FIELDS, AT_PREV, AT_HASH, AT_SIG,
	/* version 2, in the body (before AT_HASH): */
	AT_COVER /* db (1) | hash of the record as the entry left it (32) | its key */,
	AT_KEY /* uid (4) | sign pk | box pk: the user's public keys as the entry saw them */,
};

/* Tags of case records. */
enum {
	CT_REV = 1, CT_UPDATED_AT, CT_UPDATED_BY, CT_REF, CT_KIND, CT_CHANNEL, CT_RECEIVED,
	CT_TEAM, CT_SERVICE, CT_OWNER, CT_MANAGER, CT_INVESTIGATOR, CT_INDEPENDENT,
	CT_ADJUDICATOR, CT_PANEL, CT_CHAIR, CT_SUMMARY, CT_SAFEGUARDING, CT_REDIRECT, CT_THANKED,
	CT_PARTY, CT_POINT, CT_FINDING, CT_REC, CT_DLKEY, CT_NEXT_EVENT, CT_STATUS, CT_STAGE,
	CT_NEXT_POINT, CT_NEXT_REC, CT_ADVOCACY, CT_HOLD /* date */, CT_HOLD_BY,
	CT_HOLD_REASON /* sealed */, CT_ERASED /* date */,
	CT_PROFVER /* the book's profile version the case is counted under */,
	CT_CALVER /* ... and calendar version */,
	CT_WAS /* a date a new version moved (book_was_put) */,
	CT_APPOINTED /* role (1) | date: staff.c */,
};

/* The compound fields of a case record (case-rec.c): one layout, read by
 * the case, reports, retention and exports.  The decoders need no key:
 * sealed text comes back as bytes (sealedlen 0: none, or erased). */
#define CASE_REC_PARTY_PLAIN 12
#define CASE_REC_POINT_PLAIN 4
#define CASE_REC_REC_PLAIN 89
#define CASE_REC_FINDING_LEN 6
#define CASE_REC_ADVOCACY_PLAIN 12
#define CASE_REC_ADVOCACY_MAX (12 + 63)

struct case_rec_party {
	int kind, role;
	bool eligible, consent, informed;
	uint64_t person;             /* 0 once the case is erased */
	const uint8_t *sealed;       /* the views */
	size_t sealedlen;
};

struct case_rec_point {
	unsigned number;
	const uint8_t *sealed;
	size_t sealedlen;
};

struct case_rec_rec {
	unsigned number, stage;
	char due[16], done[16];      /* YYYY-MM-DD or "" */
	char owner[64];
	const uint8_t *sealed;
	size_t sealedlen;
};

struct book_party;
struct book_rec;
struct book_finding;
struct book_advocacy;
bool case_rec_party_get(const uint8_t *p, size_t n, struct case_rec_party *out);
/* The next party of case record v (vl bytes) after *pos (0 at first), into
 * out; false when there is none left. */
bool case_rec_party_next(const void *v, size_t vl, size_t *pos, struct case_rec_party *out);
/* people.c: a person's record, inside the caller's transaction; "no person N"
 * (BOOK_EUSAGE) when there is none. */
int person_record_txn(struct store_txn *t, uint64_t id, const void **v, size_t *n);

void case_rec_party_put(const struct book_party *in, uint8_t out[CASE_REC_PARTY_PLAIN]);
bool case_rec_point_get(const uint8_t *p, size_t n, struct case_rec_point *out);
void case_rec_point_put(unsigned number, uint8_t out[CASE_REC_POINT_PLAIN]);
bool case_rec_finding_get(const uint8_t *p, size_t n, struct book_finding *out);
void case_rec_finding_put(const struct book_finding *in, uint8_t out[CASE_REC_FINDING_LEN]);
bool case_rec_rec_get(const uint8_t *p, size_t n, struct case_rec_rec *out);
void case_rec_rec_put(const struct book_rec *in, uint8_t out[CASE_REC_REC_PLAIN]);
bool case_rec_advocacy_get(const uint8_t *p, size_t n, struct book_advocacy *out);
/* Returns the field's length. */
size_t case_rec_advocacy_put(const struct book_advocacy *in, uint8_t out[CASE_REC_ADVOCACY_MAX]);
/* The plain bytes before a field's sealed text (0: all sealed). */
size_t case_rec_plain_len(uint16_t tag);

/* Tags of timeline events. */
enum {
	ET_TYPE = 1, ET_DATE, ET_UNTIL, ET_DECISION, ET_REASON, ET_TOLD, ET_AUTHOR, ET_AT, ET_NOTE,
	ET_EXT_REASON /* enum ext_reason */, ET_FINDING /* enum omb_finding */,
	ET_CORRECTS /* a correction: the sequence of the event it re-dates or voids */,
	ET_VOIDED_BY /* on a corrected event: the sequence of its correction */,
	ET_REMEDIED /* the Ombudsman's decision: BOOK_REMEDIED_* */,
};

/* A new person inside the caller's write transaction. */
int book_person_put_txn(struct book *b, struct store_txn *t, const char *name, const char *dob,
                        uint64_t *id);

/* Ids collected from a scan of a database keyed by big-endian u64 ids:
 * store_scan(t, db, NULL, 0, book_collect_ids, &ids); free(ids.ids). */
struct book_ids {
	uint64_t *ids;
	size_t n, cap;
};
int book_collect_ids(const void *k, size_t kl, const void *v, size_t vl, void *ctx);

/* The name of person id for a key holder into out, else the pseudonym
 * "PREFIX-0042" (e.g. "Child C"). */
/* PREFIX-NNNN ("Child C-0042"), as book_person_label() writes it without the key;
 * to a key holder kept from the person by a restricted case it writes
 * "Child C-0042 RESTRICTED". */
void book_pseudonym(const char *prefix, uint64_t person, char *out, size_t n);
void book_person_label(struct book *b, struct store_txn *t, uint64_t person, const char *prefix,
                       char *out, size_t n);

/* Writes every case's summary afresh (schema 2); needs no key. */
int book_cases_summarize(struct book *b, struct store_txn *t);
int book_cases_index_items(struct book *b, struct store_txn *t);

/* Names the sealed fields of c that no key held opens ("CSC-2026-0001
 * summary, ..."), appended to list (n bytes); returns how many. */
size_t book_case_unopened(const struct book_case *c, char *list, size_t n);

/* Reseals every sealed field of every case under key new_id, or fails,
 * naming those no key held opens. */
int book_cases_reseal(struct book *b, struct store_txn *t, uint32_t new_id);

/* The search index (search.c), kept in the write transaction of what it
 * indexes: a person's name words (search_person_put drops the old ones
 * first; _drop needs no key), a note's words, the people party to a case
 * and its team (from the record as it was, old, to c). */
int search_person_put(struct book *b, struct store_txn *t, uint64_t person, const char *name,
                      uint32_t key_id);
int search_person_drop(struct store_txn *t, uint64_t person);
int search_note_put(struct book *b, struct store_txn *t, uint64_t id, uint32_t seq,
                    const char *note, uint32_t key_id);
int search_note_drop(struct store_txn *t, uint64_t id, uint32_t seq);
int search_case_put(struct store_txn *t, const struct book_case *c, const void *old,
                    size_t oldlen);
/* Marks every name and note of the book indexed (init). */
int search_index_mark_txn(struct store_txn *t);
/* Each team the book's cases have, open or closed, in order (strcmp), to
 * fn until it returns non-zero (that, or 0), from the index (one entry
 * read per team); STORE_NOTFOUND, with nothing called, when the index is
 * not built yet (a book made before it). */
int search_teams_txn(struct store_txn *t,
                     int (*fn)(struct store_txn *t, const char *team, void *ctx), void *ctx);
/* people.c: indexes every person's name (a book made before the index). */
int book_people_index_txn(struct book *b, struct store_txn *t);

/* Tags of person records. */
enum {
	PT_REV = 1, PT_UPDATED_AT, PT_UPDATED_BY, PT_UPDATED_UID, PT_NAME, PT_DOB, PT_BLIND_NAME,
	PT_BLIND_DOB, PT_ERASED /* date: name, dob and blind entries gone */,
	/* contact details (contact.c), each sealed like the name */
	PT_ADDRESS, PT_EMAIL, PT_PHONE, PT_PREFER, PT_SAFE,
	/* equality monitoring (equality.c): every answer in one sealed field */
	PT_EQUALITY = 32,
};

/* Something sealed of person id (what: "contact details"; one: it is one
 * thing, "equality monitoring", said "is ... it"), opened by
 * open(b, id, record, len, out, err) into out (size bytes, emptied first)
 * for a key holder, nothing of a person a restricted case keeps from this
 * user; the read on record before it is returned, unless open returned 1:
 * nothing there, nothing read.  BOOK_EDENIED without the key. */
int book_person_sealed_get(struct book *b, uint64_t id, const char *what, bool one,
                           int (*open)(struct book *, uint64_t, const void *, size_t, void *,
                                       struct err *),
                           void *out, size_t size, struct err *err);
/* Contact details (people.c seals them with the rest of a person):
 * opens those of record v into out ("" where absent). */
int book_person_contact_open(struct book *b, uint64_t id, const void *v, size_t vl,
                             struct book_contact *out, struct err *err);
/* Changes a person's contact details at base_rev (0: whatever it is now),
 * audited as "person.contact" naming the fields changed. */
int book_person_contact_write(struct book *b, uint64_t id, uint64_t base_rev,
                              const struct book_contact_change *ch, const char *fields,
                              struct err *err);

/* Reasonable adjustments (adjust.c) on a person's record: numbered apart
 * from the tags above.  Text, agreed and reviewed sealed like the name; the
 * next review plain, for the calendar. */
enum { PT_ADJ_TEXT = 40, PT_ADJ_AGREED, PT_ADJ_REVIEWED, PT_ADJ_REVIEW };
struct book_adjust;
/* adjust.c: a person's adjustments sealed into r under key_id (person_write;
 * nothing when a->text is ""), opened from record v (text "" when none),
 * and the names of those no key held opens appended to line (verify
 * --sealed), returning how many. */
int book_person_adjust_put(struct book *b, uint32_t key_id, uint64_t id,
                           const struct book_adjust *a, struct rec *r, struct err *err);
int book_person_adjust_open(struct book *b, uint64_t id, const void *v, size_t vl,
                            struct book_adjust *out, struct err *err);
size_t book_person_adjust_shut(struct book *b, uint64_t id, const void *v, size_t vl,
                               char *line, size_t max);
/* people.c: person id rewritten with adjustments adj if still at base_rev
 * (0: any), audited as "person.adjust" naming fields. */
int book_person_adjust_txn(struct book *b, struct store_txn *t, uint64_t id, uint64_t base_rev,
                           const struct book_adjust *adj, const char *fields);
/* dated.c: the dated items of case c that are not statutory deadlines (its
 * Ombudsman recommendations not yet complied with, its parties' adjustment
 * reviews) put in the deadlines index, each key noted in r (CT_DLKEY); and
 * a person's review moved from old to new ("" none) on every case they are
 * party to. */
int case_put_items(struct book *b, struct store_txn *t, const struct book_case *c, struct rec *r);
int book_adjust_reindex_txn(struct book *b, struct store_txn *t, uint64_t person,
                            const char *old_review, const char *new_review);
/* due.c: an index entry of kind 2 or more (key[4]) read into d (dated.c):
 * false when it no longer holds (a review moved since, or cleared). */
struct book_due;
bool case_due_item(struct store_txn *t, uint8_t kind, const void *v, size_t vl,
                   struct book_due *d);
/* cases.c: the case's details kept in each of its index entries. */
void case_due_put_details(struct rec *dv, const struct book_case *c);
/* The deadlines index's keys: day (4 bytes), kind (DUE_KIND_*, with
 * DUE_KEY_MET when met or complied with, so that within a day what is still
 * to do sorts before what is done and a scan of it passes over the rest),
 * case id (8), which (2). */
#define DUE_KEY_MET 0x80u
enum { DUE_KIND_DEADLINE = 0, DUE_KIND_TARGET = 1 }; /* 2 and up: dated.c's items */
/* due.c: writes and removes an entry of the deadlines index (key 15 bytes)
 * and keeps the counts of its day (STORE_DAYS) with it; every change to the
 * index goes through these.  Removing an absent entry is no error. */
int book_due_index_put(struct store_txn *t, const uint8_t key[15], const void *v, size_t vl);
int book_due_index_del(struct store_txn *t, const void *key, size_t kl);
/* verify: each day whose counts differ from the index, to bad (its date;
 * NULL only counts them);
 * how many, or -1 (out of memory, in *t's error). */
long book_due_days_check(struct store_txn *t, void (*bad)(const char *date, void *ctx),
                         void *ctx);
/* Schema 3 -> 4: met entries keyed with DUE_KEY_MET, and the counts of
 * every day, from the index. */
int book_due_days_build(struct book *b, struct store_txn *t);
/* due.c: a rule's deadline or target of case c, counted under version
 * profver of the profile, as its index entry's value (the compact form
 * due.c describes) into out; its length, or 0 when it
 * does not fit in DUE_VALUE_MAX bytes (it always does: its texts are
 * bounded). */
#define DUE_VALUE_MAX 320
size_t book_due_value(uint8_t out[DUE_VALUE_MAX], unsigned profver, const char *ref, bool met,
                      int party, const struct book_case *c);
/* Equality monitoring (people.c seals it with the rest of a person): the
 * plain text of record v's answers into out (n bytes; "" when none). */
int book_person_equality_open(struct book *b, uint64_t id, const void *v, size_t vl, char *out,
                              size_t n, struct err *err);
/* Changes a person's answers at base_rev (0: whatever it is now), audited
 * as "person.equality" naming the fields changed. */
struct book_equality_change;
int book_person_equality_write(struct book *b, uint64_t id, uint64_t base_rev,
                               const struct book_equality_change *ch, const char *fields,
                               struct err *err);

/* Meta keys. */
#define META_SCHEMA "schema"
#define META_AUTHORITY "authority"
#define META_CALENDAR "calendar"
#define META_PROFILE_VERSION "profile_version"
#define META_CALENDAR_VERSION "calendar_version"
#define META_PROFILE_NAME "profile_name" /* "/0000000V": the top of version V's chain */
#define META_KEY_ID "key_id"
#define META_AUDIT_SEQ "audit_seq"
#define META_AUDIT_HEAD "audit_head"
#define META_NEXT_PERSON "next_person"
#define META_TERRITORY "territory"
#define META_NEXT_CASE "next_case"

/* --- versions of the profile and calendar (versions.c) --- */
struct profile;
struct calendar;
/* Those case c is counted under (its versions; 0: the book's current),
 * read in transaction t when given and not loaded yet. */
int book_case_profile(struct book *b, struct store_txn *t, const struct book_case *c,
                      const struct profile **pp, const struct calendar **cp, struct err *err);
/* Profile version pv with calendar version cv, read in t when not loaded
 * yet (the message in t's err). */
int book_versions_get(struct book *b, struct store_txn *t, unsigned pv, unsigned cv,
                      const struct profile **pp, const struct calendar **cp);
/* The book's current versions as committed in t (either pointer may be NULL). */
int book_versions_current_txn(struct book *b, struct store_txn *t, unsigned *pv, unsigned *cv);
/* Every version loaded: freed by book_close. */
void book_versions_free(struct book *b);
/* A struct book_was as a case record's field, and back. */
#define BOOK_WAS_REC_MAX (1 + 4 + 1 + 10 + 40)
size_t book_was_put(const struct book_was *w, uint8_t out[BOOK_WAS_REC_MAX]);
bool book_was_get(const uint8_t *p, size_t n, struct book_was *w);
/* A copy of a profile or calendar file, "KIND/NAME/0000000V", stamped with
 * the time, the login and what the version changed (what: NULL for none;
 * the versions' listing shows it). */
int book_file_put(struct store_txn *t, const char *kind, const char *name, uint32_t version,
                  const char *text, size_t len, const char *what, struct book *b);

/* Reads a u64 meta value (big-endian), def when absent. */
uint64_t book_meta_u64(struct store_txn *t, const char *key, uint64_t def);
int book_meta_put_u64(struct store_txn *t, const char *key, uint64_t v);
int book_meta_str(struct store_txn *t, const char *key, char *out, size_t n);
int book_meta_put_str(struct store_txn *t, const char *key, const char *v);
/* Every entry of db, in key order, through each (store_scan) in one read
 * transaction: 0, or -1 (each returned a negative value, or the read failed). */
int book_scan(struct book *b, enum store_db db,
              int (*each)(const void *k, size_t klen, const void *v, size_t vlen, void *ctx),
              void *ctx, struct err *err);
/* Record r, finished (rec_done), stored under key in db, and freed whatever
 * happens: 0, STORE_EXISTS (noover), or -1 with why in the transaction. */
int book_rec_put(struct store_txn *t, enum store_db db, const void *key, size_t klen, struct rec *r,
                 bool noover);

/* Appends a signed audit entry in the caller's write transaction. */
int book_audit_append(struct book *b, struct store_txn *t, const char *action,
                      const char *record, const char *fields);
/* The same with the time the entry gives (a read noted earlier, written
 * with a batch). */
int book_audit_append_at(struct book *b, struct store_txn *t, uint64_t when, const char *action,
                         const char *record, const char *fields);
/* Reads on record (reads.c): the handle's pending reads appended in the
 * caller's write transaction (book_write does, after the change); after
 * the commit, book_reads_written marks them on record.  book_reads_close
 * writes what is pending and frees the handle's reads (book_close). */
struct book_reads;
int book_reads_append_txn(struct book *b, struct store_txn *t);
void book_reads_written(struct book *b);
void book_reads_close(struct book *b);
/* Restricted cases (restrict.c): whether case id, or a person party to a
 * restricted case, is kept from this person; and the keys set aside while
 * such a case or person is read (hide(b, denied) ... unhide(b, saved)). */
bool book_restrict_denied_txn(struct book *b, struct store_txn *t, uint64_t id);
bool book_restrict_person_denied_txn(struct book *b, struct store_txn *t, uint64_t person);
struct vault_keys *book_restrict_hide(struct book *b, bool denied);
void book_restrict_unhide(struct book *b, struct vault_keys *saved);
/* Called after a commit: the chain head to syslog. */
void book_audit_announce(struct book *b);
/* Called by book_close: says on stderr, once, that syslog could not be
 * reached for a head this handle announced (unless REDRESS_SYSLOG=off). */
void book_audit_announce_lost(struct book *b);

/* A user's record by uid: 0, STORE_NOTFOUND or -1. Borrowed. */
int book_user_get(struct store_txn *t, uint32_t uid, const void **val, size_t *len);
/* Parses a user record into *u (and the identity when id is not NULL). */
int book_user_parse(const void *val, size_t len, uint32_t uid, struct book_user *u,
                    struct vault_identity *id);

/* Fails unless unlocked with the data key and at least this role. */
int book_require(struct book *b, enum role role, bool need_key, struct err *err);
/* 0, or BOOK_EDENIED when the book is open read-only (nothing changes). */
int book_writable(const struct book *b, struct err *err);
/* The passphrase's Argon2id cost for the vault. */
enum vault_cost book_vault_cost(enum book_cost cost);

/* store_write after book_txn_check(role, need_key) in the same transaction:
 * how every change is written. */
int book_write(struct book *b, enum role role, bool need_key,
               int (*fn)(struct store_txn *t, void *ctx), void *ctx, struct err *err);
/* book_write, then the new audit head announced (book_audit_announce): how
 * one change made on its own is written (a batch announces once, at its end). */
int book_change(struct book *b, enum role role, bool need_key,
                int (*fn)(struct store_txn *t, void *ctx), void *ctx, struct err *err);
/* book_change with a scratch case in *c for fn, made before and freed
 * (*c then NULL) after: how a change to one case is written. */
int book_write_case(struct book *b, enum role role, bool need_key,
                    int (*fn)(struct store_txn *t, void *ctx), void *ctx, struct book_case **c,
                    struct err *err);

uint64_t book_now(void);

/* Room at the end of list f of case c (c->f, c->nf, c->cap_f): true, or
 * false when out of memory.  The new item is c->f[c->nf], zeroed; the caller
 * counts it.  The lists grow with no fixed limit (cases.c). */
void *book_case_grow(void *list, size_t *cap, size_t n, size_t size);
#define BOOK_CASE_ROOM(c, f) \
	((c)->f = book_case_grow((c)->f, &(c)->cap_##f, (c)->n##f, sizeof *(c)->f), \
	 (c)->n##f < (c)->cap_##f)

/* --- the case record, shared by the files of the case (cases.c) -----------
 * All run in the caller's transaction; errors are in store_txn_err(t). */
struct date;
/* The book's date: London's, or what book_set_today said. */
struct date book_today(struct book *b);
/* Text typed by people: valid UTF-8; newlines and tabs allowed in notes;
 * no other controls, no bidi or invisible characters.  0 or BOOK_EUSAGE. */
int book_check_text(const char *what, const char *s, size_t max, bool multiline,
                    struct err *err);
/* A login as typed for a case's staff: 0 or BOOK_EUSAGE. */
int book_check_login(const char *what, const char *s, struct err *err);
/* Seals text for field tag (after prefix) into r under key_id. */
int case_seal(struct book *b, struct store_txn *t, struct rec *r, uint16_t tag, const uint8_t *prefix,
              size_t plen, const char *ad, const char *text, uint32_t key_id);
/* c emptied to be read or made again: its lists keep their room. */
void case_empty(struct book_case *c);
/* Fills *out from the case's record and timeline (parties' names not
 * filled in). */
int case_read(struct book *b, struct store_txn *t, uint64_t id, struct book_case *out);
/* The same; with notes false the events' notes are left sealed (each reads
 * ""), for a step, which reads the timeline's types and dates and never a
 * note: at thousands of events opening every note was most of its time. */
int case_read_notes(struct book *b, struct store_txn *t, uint64_t id, struct book_case *out,
                    bool notes);
/* Names of parties: after the case is read, in the same transaction. */
void case_read_parties(struct book *b, struct store_txn *t, struct book_case *c);
/* What a field is called in a message. */
void case_field_name(uint16_t tag, unsigned which, char *out, size_t n);
/* The associated data that field of case id is sealed under (tag 0: the
 * note of event which). */
void case_field_ad(uint64_t id, uint16_t tag, unsigned which, char *out, size_t n);
/* Rewrites the case record from *c, field by field: text it changed sealed
 * under key_id, the rest kept as it was; and re-indexes its deadlines from
 * its timeline.  With reseal, every sealed field is sealed anew under key_id
 * (a rotation). */
int case_write_fields(struct book *b, struct store_txn *t, struct book_case *c, const void *old,
                      size_t oldlen, uint32_t key_id, bool reseal);
/* Writes the case back (the caller bumps c->rev), its deadlines re-indexed;
 * old is its record as read (case_load_for_change, book_case_load_txn). */
int case_write(struct book *b, struct store_txn *t, struct book_case *c, const void *old,
               size_t oldlen, uint32_t key_id);
struct profile;
struct calendar;
struct deadline;
/* c's status and stage from its timeline, and its deadlines on the book's
 * today under prof and cal into dl (PROFILE_RULES_MAX of them), *n. */
int case_recompute(struct book *b, struct store_txn *t, const struct profile *prof,
                   const struct calendar *cal, struct book_case *c, struct deadline *dl,
                   size_t *n);
/* Adds a step (already checked by the workflow) to c's timeline, its note
 * sealed under key_id. */
int case_add_event(struct book *b, struct store_txn *t, struct book_case *c,
                   const struct book_step *s, uint32_t key_id);
/* BOOK_ESTALE when the case is no longer at revision base_rev (0: any). */
int case_stale(struct store_txn *t, const char *ref, const struct book_case *c, uint64_t base_rev);
/* Reads the case for a change, checking the revision (0: any) and refusing
 * an erased case (BOOK_EUSAGE); *old points at its record in the
 * transaction.  c is owned by the caller. */
int case_load_for_change(struct book *b, struct store_txn *t, const char *ref, uint64_t base_rev,
                         struct book_case *c, const void **old, size_t *oldlen);
/* The same, the notes left sealed unless notes (case_read_notes). */
int case_load_notes(struct book *b, struct store_txn *t, const char *ref, uint64_t base_rev,
                    struct book_case *c, const void **old, size_t *oldlen, bool notes);
/* The same, any revision, with *old a copy of its record (free it). */
int book_case_load_txn(struct book *b, struct store_txn *t, const char *ref, struct book_case *c,
                       void **old, size_t *oldlen);

/* New cases (case-add.c): the case record for a new contact made in the
 * caller's transaction (reference, parties, receipt and safeguarding
 * events; not yet written), then written (record, deadlines, reference). */
int case_create(struct book *b, struct store_txn *t, const struct book_case_new *in,
                struct book_case *c);
int case_commit_new(struct book *b, struct store_txn *t, struct book_case *c);
/* A person's record for a party: *id, new or found by name and dob. */
int case_person_put(struct book *b, struct store_txn *t, const char *name, const char *dob,
                    uint64_t *id);
int book_case_new_check(struct book *b, const struct book_case_new *in, struct err *err);

/* The list's view of a case (case-list.c): its summary and whether it is
 * open, from its deadlines. */
int case_summary_put(struct store_txn *t, const struct book_case *c, const struct deadline *dl,
                     size_t n);

/* A date of birth: a date, not in the future, not before 1900; "" or NULL
 * is none.  BOOK_EUSAGE with the reason. */
int book_check_dob(const char *dob, struct err *err);

/* Reseals every person's drafts under key new_id, or fails naming one no
 * key held opens. */
int book_drafts_reseal(struct book *b, struct store_txn *t, uint32_t new_id);

/* Reseals every person under key new_id and rebuilds the blind index. */
int book_people_reseal(struct book *b, struct store_txn *t, uint32_t new_id);

/* Erases a person's sealed name and dob and their blind index entries,
 * marking the record erased on date (a new revision).  *done is false when
 * it was erased already. */
int book_person_erase_txn(struct book *b, struct store_txn *t, uint64_t id, const char *date,
                          bool *done);

/* safeguard.c: the safeguarding record of a new contact checked (0 or
 * BOOK_EUSAGE), and its timeline note: what was done, from in and the
 * book's profile. */
int book_safeguard_check(const struct book_case_new *in, struct err *err);
void book_safeguard_note(struct book *b, const struct book_case_new *in, char *out, size_t n);

/* People on a case (staff.c).  The input to book_case_assign checked:
 * owner and manager logins, the others a login or a name; 0 or BOOK_EUSAGE. */
int book_staff_check(const struct book_staff *set, struct err *err);
/* Applies set to c (the panel's rules checked), dating what changed and
 * noting a new owner on the timeline. */
int book_staff_apply(struct book *b, struct store_txn *t, struct book_case *c,
                     const struct book_staff *set, char *fields, size_t fl);
/* CT_APPOINTED: role | date. */
#define CASE_REC_APPOINTED_MAX 17
size_t case_rec_appointed_put(int role, const char *date, uint8_t out[CASE_REC_APPOINTED_MAX]);
void case_rec_appointed_get(const uint8_t *p, size_t n, struct book_staff *out);

#endif
