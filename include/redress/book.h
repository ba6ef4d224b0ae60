/* book.h - the application layer: one open case book, the person using it,
 * and every operation on it.  Each change is one short write transaction
 * that also appends a signed entry to the audit chain.  Both front ends
 * (cli/, tui/) call only this; neither touches LMDB or libsodium.
 *
 * The person is the Unix account running the program (getuid()).  Their
 * keys are unlocked by passphrase (book_unlock); identity fields are sealed
 * with the book's data key, which reaches each user sealed to their own key
 * pair.  Operations that need no identity (lists, audits, verify) work
 * without unlocking and show pseudonyms.  Errors: -1 and a message, or a
 * BOOK_E* code with a message. */
#ifndef REDRESS_BOOK_H
#define REDRESS_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/vocab.h"

#define BOOK_SCHEMA 2
#define DATE_STRLEN_BOOK 16

/* Error codes besides -1 (all come with a message). */
#define BOOK_EUSAGE -2    /* the person's mistake: bad name, not allowed, stale */
#define BOOK_ESTALE -3    /* someone else changed the record first */
#define BOOK_EDENIED -4   /* role does not allow it, or read-only */
#define BOOK_EREVOKED -5  /* the person's access was revoked while the book was open */

/* Argon2id cost for a new or changed passphrase. */
enum book_cost {
	BOOK_COST_NORMAL = 0,
	BOOK_COST_TEST, /* minimum cost: test suites only */
};

enum {
	BOOK_RDONLY = 1u << 0,   /* -R: never write */
	BOOK_SNAPSHOT = 1u << 1, /* a snapshot copy: read-only, no lock file */
};

struct book;

/* Creates a book in dir (which must not exist or be empty): directory 2770,
 * files 0660; copies the authority's profile chain and its holiday calendar
 * in as version 1; the caller becomes its first admin with passphrase pass. */
int book_create(const char *dir, const char *authority, const char *pass, size_t passlen,
                enum book_cost cost, struct err *err);

int book_open(const char *dir, unsigned flags, struct book **b, struct err *err);
void book_close(struct book **b);

bool book_readonly(const struct book *b);
const char *book_dir(const struct book *b);
const char *book_login(const struct book *b);
/* The person's role (ROLE_NONE if not enrolled or not granted). */
enum role book_role(const struct book *b);
bool book_enrolled(const struct book *b);
bool book_unlocked(const struct book *b);
/* Whether the person holds the data key (can see names). */
bool book_has_key(const struct book *b);

/* Unlocks the person's keys; "wrong passphrase" changes nothing. */
int book_unlock(struct book *b, const char *pass, size_t passlen, struct err *err);

/* Catches up with what admins did since the book was opened: a rotated
 * data key is taken from the person's own slot (no passphrase: their keys
 * are unlocked), a changed role applies.  Every write does this inside its
 * own transaction as well.  BOOK_EREVOKED when their access was revoked:
 * the keys held are wiped, and book_revoked() says so from then on (it
 * is false for a person revoked before the book was opened). */
int book_refresh(struct book *b, struct err *err);
bool book_revoked(const struct book *b);

/* Meta: authority, calendar, schema, data key id. */
struct book_info {
	char authority[64];
	char calendar[64];
	unsigned profile_version, calendar_version;
	unsigned schema;
	uint32_t key_id;
	uint64_t audit_seq;
	uint64_t people;
};
int book_info(struct book *b, struct book_info *out, struct err *err);

/* --- users ---------------------------------------------------------------- */

struct book_user {
	uint32_t uid;
	char login[64];
	enum role role;
	bool granted, revoked;
	uint32_t key_id;          /* the data key their slot holds, 0 if none */
	uint64_t enrolled_at, granted_at;
	char granted_by[64];
};

int book_user_enrol(struct book *b, const char *pass, size_t passlen, enum book_cost cost,
                    struct err *err);
int book_user_grant(struct book *b, const char *login, enum role role, struct err *err);
int book_user_passwd(struct book *b, const char *newpass, size_t newlen, enum book_cost cost,
                     struct err *err);
/* Revokes and rotates the data key, so the revoked user's slot is worthless. */
int book_user_revoke(struct book *b, const char *login, struct err *err);
int book_user_list(struct book *b, int (*each)(const struct book_user *u, void *ctx), void *ctx,
                   struct err *err);
/* A new data key: every sealed field resealed, blind indexes rebuilt, the
 * key sealed to every granted user still in the book. */
int book_rekey(struct book *b, struct err *err);

/* --- people: the sealed identities -------------------------------------- */

#define BOOK_NAME_MAX 256

struct book_person {
	uint64_t id, rev, updated_at;
	char updated_by[64];
	bool shown;                 /* name and dob are real (else pseudonym) */
	char name[BOOK_NAME_MAX];   /* or the pseudonym, e.g. "Person P-0042" */
	char dob[16];               /* YYYY-MM-DD, or "" */
};

int book_person_add(struct book *b, const char *name, const char *dob, uint64_t *id,
                    struct err *err);
/* Adds n people in one transaction, all or none (imports); the first id is
 * returned in *first, the rest follow it. */
int book_person_import(struct book *b, const char *const *names, const char *const *dobs,
                       size_t n, uint64_t *first, struct err *err);
int book_person_get(struct book *b, uint64_t id, struct book_person *out, struct err *err);
/* Changes name and/or dob (NULL: unchanged) if the record is still at
 * base_rev; otherwise BOOK_ESTALE, naming who changed it and when. */
int book_person_update(struct book *b, uint64_t id, uint64_t base_rev, const char *name,
                       const char *dob, struct err *err);
/* Exact search on name (and dob when not NULL) through the blind index,
 * candidates confirmed by decryption. */
int book_person_find(struct book *b, const char *name, const char *dob,
                     int (*each)(const struct book_person *p, void *ctx), void *ctx,
                     struct err *err);
int book_person_list(struct book *b, int (*each)(const struct book_person *p, void *ctx),
                     void *ctx, struct err *err);

/* --- cases ------------------------------------------------------------------ */

#define BOOK_REF_MAX 24
#define BOOK_TEXT_MAX 4096      /* summaries, notes, points */

/* A new contact.  Strings may be NULL when not given. */
struct book_case_new {
	int kind;                    /* enum route */
	int channel;                 /* enum channel */
	const char *received;        /* YYYY-MM-DD */
	const char *aware;           /* when the matter became known, for the year limit */
	const char *team, *service, *owner;
	const char *child_name, *child_dob;
	const char *complainant_name, *complainant_dob;
	int complainant_role;        /* enum party_role */
	const char *summary;         /* sealed */
	bool safeguarding;           /* never a complaint: flagged and routed at once */
	const char *redirect_to;     /* ROUTE_REDIRECTED: where */
	const char *thanked;         /* ROUTE_COMPLIMENT: who is thanked */
	const char *ref;             /* import only: a reference brought over (NULL: next) */
};

struct book_party {
	int kind;                    /* 0 child, 1 complainant */
	int role;                    /* enum party_role */
	uint64_t person;
	bool eligible;               /* "sufficient interest" decided */
	bool consent;                /* consents to a representative acting */
	bool informed;               /* a representative kept informed */
	char views[BOOK_TEXT_MAX];   /* their own views, sealed; "" without the key */
	bool unopened;               /* views sealed, and no key held opens them */
	struct book_person who;      /* name or pseudonym */
};

struct book_point {
	unsigned number;
	char text[BOOK_TEXT_MAX];    /* sealed; "" without the key */
	bool unopened;               /* sealed, and no key held opens it: text is "" */
};

struct book_finding {
	unsigned stage, point;
	int outcome;
};

struct book_rec {
	unsigned number, stage;
	char text[BOOK_TEXT_MAX];
	bool unopened;               /* sealed, and no key held opens it: text is "" */
	char owner[64];
	char due[DATE_STRLEN_BOOK];
	char done[DATE_STRLEN_BOOK];
};

struct book_event {
	unsigned seq;
	int type;                    /* enum event_type */
	char date[16], until[16];
	int decision, reason;        /* enum decision, enum refusal */
	bool ombudsman_told;
	char author[64];
	uint64_t recorded_at;
	char *note;                  /* sealed; "" without the key; kept in the case's
	                              * text store (texts), so an event is small */
	bool unopened;               /* the note is sealed and no key held opens it */
	int ext_reason;              /* extensions: enum ext_reason (0 not recorded) */
	int finding;                 /* the Ombudsman's decision: enum omb_finding */
	unsigned corrects;           /* a correction: the event (seq) it re-dates or voids */
	unsigned voided_by;          /* corrected: the correction (seq) that replaced it */
};

/* People on a case (logins). */
struct book_staff {
	char owner[64], manager[64], investigator[64], independent[64], adjudicator[64];
	char panel[3][64];
	int chair;                   /* index into panel, -1 if none */
};
/* The login in a role, STAFF_OWNER to STAFF_ADJUDICATOR ("" if none); NULL
 * for another (the panel has three). */
const char *book_staff_login(const struct book_staff *s, int role);

/* Advocacy offered to the child or young person. */
struct book_advocacy {
	char offered[16];            /* date offered, "" if not */
	char service[64];            /* referred to: Barnardo's, VIVA, ... */
	int response;                /* 0 none yet, 1 accepted, 2 declined */
	unsigned flags;              /* ADVOCACY_* status, for eligibility */
};

struct book_case {
	uint64_t id, rev, updated_at;
	char updated_by[64];
	char ref[BOOK_REF_MAX];
	int kind, channel, status, stage; /* enum route, channel, case_status */
	char received[16];
	char team[64], service[64], redirect_to[64], thanked[128];
	bool safeguarding;
	struct book_staff staff;
	struct book_advocacy advocacy;
	char summary[BOOK_TEXT_MAX];
	/* a sealed field no key held opens is "" and marked so; a change
	 * writes such a field back as it was, never text in its place */
	bool summary_unopened, hold_unopened;
	/* lists with no fixed limit: n of each, room for cap (guarded memory,
	 * grown as a case is read or changed; see book_case_free) */
	struct book_party *parties;
	size_t nparties, cap_parties;
	struct book_point *points;
	size_t npoints, cap_points;
	struct book_finding *findings;
	size_t nfindings, cap_findings;
	struct book_rec *recs;
	size_t nrecs, cap_recs;
	struct book_event *events;
	size_t nevents, cap_events;
	char *texts;                 /* the events' notes, one after another */
	size_t ntexts, cap_texts;
	/* a legal hold: the retention rule never erases the case while set */
	bool held;
	char held_on[16], held_by[64];
	char hold_reason[512];       /* sealed; "" without the key */
	char erased[16];             /* date its identity and narrative were erased, or "" */
};

/* A case to read into, empty, in guarded memory (NULL: out of memory);
 * book_case_free() wipes and frees it and its lists. */
struct book_case *book_case_new(void);
void book_case_free(struct book_case *c);
/* For a struct book_case of the caller's own: init makes it empty; clear
 * wipes and frees its lists, leaving it empty (and reusable).  A case read
 * into again keeps its lists' room. */
void book_case_init(struct book_case *c);
void book_case_clear(struct book_case *c);

/* Adds a contact; writes its reference ("CSC-2026-0042") into ref. */
int book_case_add(struct book *b, const struct book_case_new *c, char ref[BOOK_REF_MAX],
                  struct err *err);
/* Reads a case whole (sealed text and names only for a key holder).  The
 * struct is large: allocate it. */
int book_case_get(struct book *b, const char *ref, struct book_case *out, struct err *err);

/* One step of the procedure: validated by the workflow, dated, recorded on
 * the timeline with an optional note, deadlines recomputed and indexed, in
 * one transaction.  base_rev 0 skips the revision check. */
struct book_step {
	int type;                    /* enum event_type */
	const char *date, *until;    /* YYYY-MM-DD */
	int decision, reason;        /* enum decision, enum refusal */
	bool ombudsman_told;
	const char *note;
	uint64_t base_rev;
	int ext_reason;              /* an extension's coded reason (codes.h), 0 none */
	int finding;                 /* the Ombudsman's decision (codes.h), 0 none;
	                              * either on any other step is refused */
	bool at_stage;               /* meant for the case at stage (0..3): when it */
	int stage;                   /* has moved on, BOOK_ESTALE and nothing recorded */
};
int book_case_step(struct book *b, const char *ref, const struct book_step *s, struct err *err);

/* Corrects event seq (its number on the timeline, #1 the receipt) of case
 * ref: moved to date, or voided when date is NULL, for reason.  Managers and
 * admins only.  The correction is a new event that points at the old one;
 * the old one stays, marked.  The workflow is re-checked over the corrected
 * history (an impossible one is refused, BOOK_EUSAGE), the deadlines and
 * their index recomputed and the audit entry written, in one transaction.
 * *newseq, when not NULL, is the correction's number. */
int book_case_correct(struct book *b, const char *ref, unsigned seq, const char *date,
                      const char *reason, uint64_t base_rev, unsigned *newseq,
                      struct err *err);

/* People on the case; NULL leaves a role as it is, "" clears it.  The
 * Stage 2 independent person may not sit on the panel. */
int book_case_assign(struct book *b, const char *ref, const struct book_staff *set,
                     struct err *err);
int book_case_point(struct book *b, const char *ref, const char *text, unsigned *number,
                    struct err *err);
int book_case_finding(struct book *b, const char *ref, unsigned stage, unsigned point,
                      int outcome, struct err *err);
int book_case_recommend(struct book *b, const char *ref, unsigned stage, const char *text,
                        const char *owner, const char *due, unsigned *number, struct err *err);
int book_case_rec_done(struct book *b, const char *ref, unsigned number, const char *date,
                       struct err *err);
int book_case_advocacy(struct book *b, const char *ref, const struct book_advocacy *a,
                       struct err *err);
/* Adds a child (kind 0) or complainant (1) with their own identity,
 * eligibility, consent and views (NULL: none). */
struct book_party_new {
	int kind, role;
	const char *name, *dob, *views;
	bool ineligible, consent, informed;
	uint64_t person;             /* an existing person (name, dob unused), 0: a new one */
};
int book_case_party(struct book *b, const char *ref, const struct book_party_new *p,
                    struct err *err);

/* A line of the case list. */
struct book_case_line {
	uint64_t id;
	char ref[BOOK_REF_MAX];
	int kind, status, stage;
	char received[16], team[64], owner[64];
	char child[BOOK_NAME_MAX];   /* name or pseudonym (pseudonym with no_names) */
	uint64_t child_person;       /* for book_person_label_get, 0 if none */
	char next_key[40];           /* the next open deadline, "" if none */
	char next_due[16];
	int32_t next_days;           /* working days left (negative: over) */
	bool overdue;
	bool erased;                 /* under the retention rule: child is a pseudonym */
};

struct book_case_filter {
	bool open, overdue;
	int stage;                   /* -1 any */
	int kind;                    /* -1 any */
	const char *team, *owner;
	const char *from, *to;       /* received between, inclusive */
	bool no_names;               /* pseudonyms only: names decrypted later, as shown */
};

/* A child's or complainant's name for a key holder, else the pseudonym
 * PREFIX-NNNN ("Child C"): for lists that decrypt only the rows shown. */
int book_person_label_get(struct book *b, uint64_t person, const char *prefix, char *out,
                          size_t n, struct err *err);

int book_case_list(struct book *b, const struct book_case_filter *f,
                   int (*each)(const struct book_case_line *l, void *ctx), void *ctx,
                   struct err *err);

/* Deadlines in [from, to] from the index, by date. */
struct book_due {
	char date[16];
	int32_t day;                 /* the same as a day number */
	char ref[BOOK_REF_MAX];
	char key[40];
	bool target;                 /* the internal target rather than the deadline */
	bool done;
	bool council;                /* the council's clock, not the complainant's */
	int32_t days;                /* working days from today: negative when past */
	uint64_t case_id;
	/* with BOOK_DUE_DETAILS, from the case's summary: */
	int kind, status, stage;
	uint64_t child_person;       /* for book_person_label_get, 0 if none */
	char owner[64], team[64];
	char child[BOOK_NAME_MAX];   /* with BOOK_DUE_NAMES a key holder's name, else pseudonym */
};
enum {
	BOOK_DUE_TARGETS = 1u << 0,      /* the internal targets too */
	BOOK_DUE_NO_DEADLINES = 1u << 1, /* only them */
	BOOK_DUE_DETAILS = 1u << 2,      /* owner, team, stage, child */
	BOOK_DUE_NAMES = 1u << 3,        /* and the child's name decrypted */
};
/* Reads the deadlines index for [from, to] only (a cursor range scan): the
 * cost follows the range, not the book. */
int book_due_scan(struct book *b, const char *from, const char *to, unsigned flags,
                  int (*each)(const struct book_due *d, void *ctx), void *ctx, struct err *err);
int book_deadlines_range(struct book *b, const char *from, const char *to, bool targets,
                         int (*each)(const struct book_due *d, void *ctx), void *ctx,
                         struct err *err);
/* The same with each case's owner, team and child (named for a key
 * holder), for an agenda. */
int book_agenda(struct book *b, const char *from, const char *to, bool targets,
                int (*each)(const struct book_due *d, void *ctx), void *ctx, struct err *err);

/* Fills the book with n synthetic cases (made-up people) received over the
 * three years before today, every route, stage, path and outcome among
 * them; many per transaction.  For newcomers and benchmarks. */
int book_demo_fill(struct book *b, size_t n, unsigned seed, struct err *err);

struct wf_event;
/* A case's timeline as the workflow reads it (see workflow.h); at most max
 * events, returns how many. */
size_t book_case_workflow(const struct book_case *c, struct wf_event *wf, size_t max);

struct deadline;
/* A case's deadlines on the book's today, from its own profile and
 * calendar (the deadline structs borrow rules from the book's profile). */
int book_case_deadlines(struct book *b, const struct book_case *c, struct deadline *out,
                        size_t max, size_t *n, struct err *err);

/* The date the book takes as today (London's, unless set: tests, reports). */
void book_set_today(struct book *b, int32_t day);

/* The book's own profile and calendar (as stored in it), for computing. */
struct profile;
struct calendar;
int book_profile(struct book *b, const struct profile **p, const struct calendar **cal,
                 struct err *err);

/* --- retention and legal hold (retention.c) ----------------------------------- */

/* Sets (hold) or clears a legal hold on a case: a manager's or admin's
 * decision, audited; reason (sealed, may be NULL) says why.  Holding a case
 * already held, or clearing one not held, is refused. */
int book_case_hold(struct book *b, const char *ref, bool hold, const char *reason,
                   struct err *err);

/* A closed case whose retention has run out on the book's today. */
struct book_retention {
	char ref[BOOK_REF_MAX];
	char closed[16], due[16];    /* YYYY-MM-DD */
	bool held;                   /* kept by a legal hold */
};

/* The closed cases due for erasure under the book's profile, by reference
 * (held ones too, marked), erased ones left out.  Needs no key.  Refused
 * (BOOK_EUSAGE) when the profile sets no retention. */
int book_retention_due(struct book *b, int (*each)(const struct book_retention *r, void *ctx),
                       void *ctx, struct err *err);

/* Erases every due case that is not held, in one transaction: the summary,
 * points, recommendations, views, notes and hold reason, the case's drafts,
 * and the sealed name, date of birth and blind index of each of its people
 * who is party to no case still kept.  The plain figures (kind, channel,
 * dates, stages, outcomes, codes, team, deadlines) stay.  Each case and
 * person gets a new revision, an erased mark and an audit entry naming no
 * one.  An admin's act; the data key is not needed.  Erasing again changes
 * nothing.  After the commit, each (may be NULL) is called for every case
 * that was due, erased now or held; the counts may be NULL. */
int book_retention_apply(struct book *b, int (*each)(const struct book_retention *r, void *ctx),
                         void *ctx, size_t *cases, size_t *people, struct err *err);

/* --- drafts ------------------------------------------------------------------ */

/* A person's unsaved form (a dropped SSH link, an idle lock), sealed and kept
 * in the book under their uid and a key such as "CSC-2026-0042/note" until
 * they resume or discard it: one per person, case and form, saved over.  Needs the data key.  Drafts are not changes to a record:
 * they make no audit entry.  load returns 1 when there is no draft. */
int book_draft_save(struct book *b, const char *key, const char *text, struct err *err);
int book_draft_load(struct book *b, const char *key, char *out, size_t n, struct err *err);
int book_draft_drop(struct book *b, const char *key, struct err *err);
/* The keys of the person's drafts, ", " between them, as many as fit in out
 * (n bytes), and in *count how many there are.  No key needed. */
int book_draft_list(struct book *b, char *out, size_t n, size_t *count, struct err *err);

/* --- import and export (import.c, export.c) --------------------------------- */

/* Cases from a spreadsheet's CSV export (the columns are in redress(1)).
 * Every row is checked first: the columns, dates, vocabularies, names, and
 * each step against the workflow; references once in the file and not in
 * the book.  If any row is bad, bad() is called for each (by line) and
 * BOOK_EUSAGE returned with the book unchanged.  Otherwise, unless
 * check_only, every case is written in one transaction, each with an
 * audit entry, and *imported says how many. */
int book_case_import(struct book *b, const char *csv, size_t len, bool check_only,
                     int (*bad)(size_t line, const char *why, void *ctx), void *ctx,
                     size_t *imported, struct err *err);

/* Every case as CSV in the import's columns, a line (with its CRLF) at a
 * time to line(), which returns non-zero to stop.  With names (the data
 * key needed), identity and sealed text, and the disclosure is first
 * recorded in the audit chain; without, pseudonyms and no sealed text. */
int book_export_csv(struct book *b, bool names, int (*line)(const char *s, size_t n, void *ctx),
                    void *ctx, size_t *count, struct err *err);

/* Records in the audit chain that identity left the book (an export):
 * needs the data key and a book open for writing. */
int book_disclosure(struct book *b, const char *action, const char *record, const char *fields,
                    struct err *err);

/* Who a subject access request is about: the people named exactly (dob
 * narrows), or, when subject is a case reference, every party to it.  At
 * most max ids; *by_ref says which it was.  Needs the data key. */
int book_subject_people(struct book *b, const char *subject, const char *dob, uint64_t *ids,
                        size_t max, size_t *n, bool *by_ref, struct err *err);

/* The references of every case person is a party to, in case order, in a
 * new array the caller frees. */
int book_person_cases(struct book *b, uint64_t person, char (**refs)[BOOK_REF_MAX], size_t *n,
                      struct err *err);

/* --- letters ----------------------------------------------------------------- */

/* Records on the case's timeline that a letter from template (its name) was
 * sent on date, with an optional note (sealed; e.g. where it was written),
 * and an audit entry "case.letter" naming the template, in one
 * transaction.  Changes no state of the procedure.  Needs the data key. */
int book_case_letter(struct book *b, const char *ref, const char *template, const char *date,
                     const char *note, struct err *err);

/* --- audit, integrity, copies -------------------------------------------- */

struct book_audit {
	uint64_t seq, time;
	uint32_t uid;
	char login[64];
	char action[32];
	char record[64];
	char fields[160];
	char hash[65];              /* hex */
};

int book_audit_list(struct book *b, int (*each)(const struct book_audit *a, void *ctx),
                    void *ctx, struct err *err);

struct book_verify {
	uint64_t entries;
	uint64_t bad;               /* entries that failed */
	char first_problem[256];
	uint64_t records;           /* records that match their last audit entry */
	uint64_t uncovered;         /* records no entry covers yet (older books) */
	uint64_t keys_unanchored;   /* users whose keys no entry recorded (older books) */
};
/* Store integrity, the audit chain, every record against its last audit
 * entry and every user's public keys against those the chain recorded,
 * read-only.  0 only if all holds. */
int book_verify(struct book *b, struct book_verify *out, struct err *err);
/* With the person's keys unlocked: every sealed field of every case and
 * person opens with a key held.  each() gets one line per case or person
 * with fields that do not ("CSC-2026-0001 summary, CSC-2026-0001 point
 * 2"); *shut counts those fields, *checked the records read.  0 only if
 * every field opens. */
int book_verify_sealed(struct book *b, int (*each)(const char *line, void *ctx), void *ctx,
                       size_t *checked, size_t *shut, struct err *err);
/* The same, calling each(problem) for every problem found, in order. */
int book_verify_each(struct book *b, struct book_verify *out,
                     void (*each)(const char *problem, void *ctx), void *ctx, struct err *err);

/* The chain's head: its last entry's sequence and hash (lowercase hex), for
 * an admin to keep outside the book. */
int book_audit_head(struct book *b, uint64_t *seq, char hex[65], struct err *err);
/* 0 when the chain holds entry seq with hash hex (a head kept earlier);
 * otherwise the chain was cut back or rewritten since.  BOOK_EUSAGE for a
 * malformed hash. */
int book_verify_anchor(struct book *b, uint64_t seq, const char *hex, struct err *err);

int book_backup(struct book *b, const char *dest, struct err *err);
int book_snapshot(struct book *b, const char *dest, struct err *err);

/* The last commit's id, from the lock file: compare to notice others' work. */
uint64_t book_last_commit(struct book *b);

/* Guarded memory for passphrases; free wipes. */
void *book_secret_alloc(size_t n);
void book_secret_free(void *p, size_t n);

#endif
