/* case.h - contacts and complaints: the case record (cases.c; its
 * vocabularies are vocab.h's), new cases (case-add.c), the steps of the procedure and their
 * corrections (steps.c), other changes (case-change.c) and the list
 * (case-list.c).
 *
 * Ownership: a struct book_case is the caller's; book_case_new() makes one
 * in guarded memory and book_case_free() wipes and frees it with its lists
 * (book_case_init/book_case_clear for one of the caller's own).  Strings
 * passed in are borrowed for the call.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err).
 * A change refused because the case moved on is BOOK_ESTALE; a bad
 * request BOOK_EUSAGE; a role or key the person lacks BOOK_EDENIED.
 *
 * Callbacks (each()) run inside the book's read transaction, one call per
 * item: they must not block (no waiting for a person or a pipe) and must not
 * call back into the book; a non-zero return stops the walk and is returned. */
#ifndef REDRESS_CASE_H
#define REDRESS_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/vocab.h"

struct book;

#include "redress/people.h"

#define DATE_STRLEN_BOOK 16

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
	/* what was done with it (each optional; NULL not given): the helpdesk
	 * (NULL: the profile's), the time passed on (HH:MM), who took it, and
	 * the helpdesk's referral reference */
	const char *sg_helpdesk, *sg_time, *sg_spoken_to, *sg_reference;
	const char *redirect_to;     /* ROUTE_REDIRECTED: where */
	const char *thanked;         /* ROUTE_COMPLIMENT: who is thanked */
	const char *ref;             /* import only: a reference brought over (NULL: next) */
};

/* A time of day as HH:MM, 24-hour ("10:40"). */
bool book_hhmm_ok(const char *s);

/* The case's own details changed (edit.c): kind (-1 leave; only while the
 * receipt is all that is recorded), channel (-1 leave), team, service and
 * summary (NULL leave, "" clear; the summary sealed), on revision base_rev
 * (0: whatever is current; another is BOOK_ESTALE, nothing written).
 * Audited as case.edit with the fields changed. */
struct book_case_edit {
	int kind, channel;
	const char *team, *service, *summary;
	uint64_t base_rev;
};
int book_case_edit(struct book *b, const char *ref, const struct book_case_edit *e,
                   struct err *err);

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

/* Whether the council had remedied the complaint before the Ombudsman's
 * decision. */
enum { BOOK_REMEDIED_UNKNOWN = 0, BOOK_REMEDIED_YES, BOOK_REMEDIED_NO };

/* A recommendation's stage: 1..3 the council's own stages, and the
 * Ombudsman's recommendations after its decision. */
#define BOOK_REC_OMBUDSMAN 4u

/* "remedied by the council before", "not remedied before", or "" not
 * recorded; a recommendation's stage as said ("stage 2", "Ombudsman"), in buf. */
const char *book_remedied_describe(int remedied);
const char *book_rec_stage(unsigned stage, char *buf, size_t n);

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
	int remedied;                /* the Ombudsman's decision: BOOK_REMEDIED_* */
	unsigned corrects;           /* a correction: the event (seq) it re-dates or voids */
	unsigned voided_by;          /* corrected: the correction (seq) that replaced it */
};

/* People on a case: the owner and manager are logins; the investigating
 * officer, independent person, adjudicator and panel may be logins or
 * names typed as said (they are often not users of the book). */
enum { STAFF_OWNER = 0, STAFF_MANAGER, STAFF_INVESTIGATOR, STAFF_INDEPENDENT, STAFF_ADJUDICATOR,
       STAFF_PANEL1, STAFF_PANEL2, STAFF_PANEL3, STAFF_ROLES };
struct book_staff {
	char owner[64], manager[64], investigator[64], independent[64], adjudicator[64];
	char panel[3][64];
	int chair;                   /* index into panel, -1 if none */
	char appointed[STAFF_ROLES][16]; /* the date each was appointed, "" not known */
	char on[16];                 /* book_case_assign: the date those set now were
	                              * appointed, "" the book's today */
};

/* Advocacy offered to the child or young person. */
struct book_advocacy {
	char offered[16];            /* date offered, "" if not */
	char service[64];            /* referred to: Barnardo's, VIVA, ... */
	int response;                /* 0 none yet, 1 accepted, 2 declined */
	unsigned flags;              /* ADVOCACY_* status, for eligibility */
};

/* A deadline's date before a new calendar or profile version moved it:
 * "2026-12-07 (was 2026-12-04 before calendar 2)".  A case keeps the last
 * BOOK_WAS_MAX of them. */
#define BOOK_WAS_MAX 16
struct book_was {
	char rule[40];               /* the rule's key */
	bool target;                 /* the internal target rather than the deadline */
	char date[16];               /* YYYY-MM-DD as it was */
	char what;                   /* 'c' a calendar version, 'p' a profile version */
	unsigned version;            /* the version that moved it */
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
	/* the book's profile and calendar versions the case is counted under
	 * (1 for a case written before the book kept versions), and the dates a
	 * change of version moved (book-versions.h) */
	unsigned profver, calver;
	struct book_was was[BOOK_WAS_MAX];
	size_t nwas;
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
/* Whether c has the Ombudsman's decision on its timeline, not corrected
 * away: what a recommendation of the Ombudsman's needs recorded first. */
bool book_case_ombudsman_decided(const struct book_case *c);

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
	int remedied;                /* the Ombudsman's decision: whether the council
	                              * had remedied it before (BOOK_REMEDIED_*) */
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

/* The people of s by role (STAFF_*), and each role's short label
 * ("owner", ..., "panel"). */
void book_staff_roles(const struct book_staff *s, const char *who[STAFF_ROLES]);
const char *book_staff_label(int role);

/* People on the case; "" leaves a role as it is, "-" clears it.  The
 * Stage 2 independent person may not sit on the panel (names compared
 * ignoring case).  Each role set is dated set->on (or today); a new owner
 * is noted on the timeline. */
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
/* Changes what the case records of party number `party` (1: the first
 * listed, as `case show` lists them): a field -1 (views NULL) is left as it
 * is; views "" clears them.  A child stays a child; a complainant is never
 * given the child's role.  The person's name and date of birth are their
 * own (book_person_update).  One revision, one audit entry (case.change,
 * "party N:" and the fields, never the values). */
struct book_party_edit {
	unsigned party;
	int role;                    /* enum party_role, or -1 */
	int eligible, consent, informed; /* 1 yes, 0 no, -1 leave */
	const char *views;
};
int book_case_party_edit(struct book *b, const char *ref, const struct book_party_edit *e,
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
	/* only the cases of ids (nids of them, sorted: book_search_cases),
	 * each read by its key, not a walk of every case */
	bool by_ids;
	const uint64_t *ids;
	size_t nids;
};

int book_case_list(struct book *b, const struct book_case_filter *f,
                   int (*each)(const struct book_case_line *l, void *ctx), void *ctx,
                   struct err *err);

/* A team of the book's cases, and how many of its cases are open. */
struct book_team {
	char name[64];
	long open;
};
/* Every team the book's cases have, open or closed (a case with no team
 * has none), sorted (strcmp), each with its count of open cases: a new
 * array of *n the caller frees (NULL when there are none).  One short read
 * that opens nothing sealed: the teams from the search index, one entry a
 * team, and the counts from the open cases' summaries; in a book whose
 * index is not built yet, from every case's summary. */
int book_case_teams(struct book *b, struct book_team **teams, size_t *n, struct err *err);

struct wf_event;
/* A case's timeline as the workflow reads it (see workflow.h); at most max
 * events, returns how many. */
size_t book_case_workflow(const struct book_case *c, struct wf_event *wf, size_t max);

#endif
