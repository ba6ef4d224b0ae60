/* profile.h - authority profiles: a council's timescales as data.
 *
 * A profile (redress-profile(5)) is a list of rules, each a clock: it starts
 * at a dated event of the case, runs for an amount of working days (or
 * calendar days, weeks, months, years), is met by another event, and cites
 * the regulation or council page it comes from.  Profiles inherit from a
 * parent (ultimately `statutory`), overriding rules by key.
 * Parsing is pure: the caller reads files and resolves inheritance by
 * handing the parsed parent to profile_inherit(). */
#ifndef REDRESS_PROFILE_H
#define REDRESS_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/err.h"

/* The dated events of a case that clocks start from, stop at, or react to.
 * Their names (event_name) are the words used in profiles and commands. */
enum event_type {
	EV_NONE = 0,
	EV_AWARE,                 /* complainant became aware of the matter */
	EV_RECEIVED,
	EV_ACKNOWLEDGED,
	EV_STAGE1_STARTED,        /* formal Stage 1 after informal resolution */
	EV_STAGE1_EXTENDED,
	EV_NEW_INFORMATION,       /* complainant added concerns during a stage */
	EV_STAGE1_RESPONSE_SENT,
	EV_STAGE2_REQUESTED,
	EV_STAGE2_ACKNOWLEDGED,
	EV_STAGE2_DECISION_SENT,  /* accepted or refused, with reasons */
	EV_STATEMENT_AGREED,      /* statement of complaint agreed with the IO */
	EV_STAGE2_EXTENDED,
	EV_STAGE2_RESPONSE_SENT,  /* adjudication response with the report */
	EV_STAGE3_REQUESTED,
	EV_STAGE3_DECISION_SENT,
	EV_PANEL_DATE,            /* the date the panel is arranged to sit */
	EV_PANEL_NOTICE_SENT,
	EV_PANEL_HELD,
	EV_FINDINGS_SENT,         /* panel's findings and recommendations */
	EV_STAGE3_RESPONSE_SENT,  /* the director's response */
	EV_RESPONSE_SENT,         /* reply to a comment, request or concern */
	EV_REDIRECTED,            /* person told where to take the matter */
	EV_PAUSED,
	EV_RESUMED,
	EV_WITHDRAWN,
	EV_CLOSED,
	EV_OMBUDSMAN_REFERRED,
	EV_OMBUDSMAN_OUTCOME,     /* the Ombudsman's decision received */
	EV_DECLINED,              /* not accepted at receipt, with a coded reason */
	EV_SAFEGUARDING,          /* flagged and sent to the children's helpdesk */
	EV_REOPENED,
	EV_NOTE,                  /* a note on the timeline; starts no clock */
	EV_ASSIGNED,              /* people on the case changed */
	EV_THANKS_PASSED,         /* a compliment passed to the staff and their manager */
	EV_STAGE2_REFUSED,        /* derived from a refused decision: stops Stage 2's clocks */
	EV_STAGE3_REFUSED,        /* the same for Stage 3 */
	EV_LETTER_SENT,           /* a letter written from a template; starts no clock */
	EV_CORRECTION,            /* voids an earlier event (`case correct`); starts no clock */
	EV_COUNT
};

const char *event_name(enum event_type ev);
/* Looks a name up; EV_NONE when it is not one.  Accepts '-' for '_'. */
enum event_type event_lookup(const char *name);
const char *event_describe(enum event_type ev);
/* A planned event (the panel's date) may be rearranged: its latest
 * occurrence counts, where for others the first does. */
bool event_planned(enum event_type ev);
/* An event that may happen again and restart its stage's clocks (a new
 * Stage 2 or 3 request after a refusal): its latest occurrence counts. */
bool event_repeats(enum event_type ev);

/* Routes a contact can take; a rule applies to a set of them. */
enum route {
	ROUTE_COMPLAINT = 0,
	ROUTE_COMMENT,
	ROUTE_COMPLIMENT,
	ROUTE_CONCERN,     /* professional's concern */
	ROUTE_REQUEST,
	ROUTE_ANONYMOUS,
	ROUTE_REDIRECTED,
	ROUTE_COUNT
};
const char *route_name(enum route r);
int route_lookup(const char *name); /* -1 when unknown */

enum unit {
	UNIT_WORKING_DAYS = 0,
	UNIT_DAYS,
	UNIT_WEEKS,
	UNIT_MONTHS,
	UNIT_YEARS,
};
const char *unit_name(enum unit u);
/* "working day" or "working days" as amount needs. */
const char *unit_words(int amount, enum unit u);

enum party {
	PARTY_COUNCIL = 0, /* the council must act: late is a failure */
	PARTY_COMPLAINANT, /* the complainant may act: late is a lapse */
};

enum basis {
	BASIS_REGULATION = 0, /* the Representations Procedure Regulations */
	BASIS_GUIDANCE,       /* statutory guidance */
	BASIS_CODE,           /* the Ombudsman's Complaint Handling Code */
	BASIS_COUNCIL,        /* the council's own published procedure */
};
const char *basis_name(enum basis b);

#define PROFILE_KEY_MAX 40
#define PROFILE_RULES_MAX 64
#define PROFILE_SOURCES_MAX 24
#define PROFILE_RESTART_MAX 4
#define PROFILE_DEPTH_MAX 8

/* The Regulations' timing of a rule a council profile restated: the
 * statutory deadline stays this, whatever the council's own says (its
 * longer period becomes the internal target). */
struct rule_floor {
	bool set;
	enum event_type from;
	char else_due[PROFILE_KEY_MAX];
	int amount;
	enum unit unit;
	enum event_type extend_on;
	int extend_amount;
	enum unit extend_unit;
	char source[PROFILE_KEY_MAX];
	char pinpoint[64];
};

struct rule {
	char key[PROFILE_KEY_MAX];
	char label[96];
	int stage;                 /* 0 receipt, 1..3, 4 Ombudsman */
	unsigned routes;           /* bit per enum route */
	enum event_type from;      /* the clock starts at this event */
	char else_due[PROFILE_KEY_MAX]; /* before `from` happens, start at this rule's due date */
	int amount;                /* negative: before the event (notice) */
	enum unit unit;
	enum event_type extend_on; /* EV_NONE: no extension */
	int extend_amount;         /* total from `from` once extended */
	enum unit extend_unit;
	enum event_type target_from; /* internal target starts here instead, once it happens */
	enum event_type restart_on[PROFILE_RESTART_MAX]; /* target restarts at the latest */
	size_t nrestart;
	enum event_type done;      /* the event that meets the clock */
	enum party party;
	enum basis basis;
	char source[PROFILE_KEY_MAX]; /* id of a profile source */
	char pinpoint[64];         /* where in it: "reg 19(4)", "para 6.3" */
	char quote[512];           /* the sentence of the source, verbatim */
	char note[256];
	char origin[PROFILE_KEY_MAX]; /* profile that defined the rule */
	int line;                  /* line of that profile */
	unsigned set;              /* RULE_SET_* bits: fields the file gave */
	struct rule_floor floor;   /* set by profile_inherit over a regulation's rule */
};

/* Which fields of a rule its file set; an overriding rule changes only these. */
enum {
	RULE_SET_LABEL = 1u << 0, RULE_SET_STAGE = 1u << 1, RULE_SET_FOR = 1u << 2,
	RULE_SET_FROM = 1u << 3, RULE_SET_ELSE = 1u << 4, RULE_SET_WITHIN = 1u << 5,
	RULE_SET_EXTEND = 1u << 6, RULE_SET_TARGET = 1u << 7, RULE_SET_RESTART = 1u << 8,
	RULE_SET_DONE = 1u << 9, RULE_SET_PARTY = 1u << 10, RULE_SET_BASIS = 1u << 11,
	RULE_SET_SOURCE = 1u << 12, RULE_SET_QUOTE = 1u << 13, RULE_SET_NOTE = 1u << 14,
};

struct profile_source {
	char id[PROFILE_KEY_MAX];
	char text[384];
};

struct profile {
	char name[PROFILE_KEY_MAX];
	char title[128];
	char inherits[PROFILE_KEY_MAX]; /* empty for a root profile */
	char calendar[64];              /* holiday calendar id */
	char helpdesk[128];             /* where a safeguarding concern goes: the
	                                 * children's helpdesk's number, as written;
	                                 * inherited unless restated, "" not known */
	struct profile_source sources[PROFILE_SOURCES_MAX];
	size_t nsources;
	struct rule rules[PROFILE_RULES_MAX];
	size_t nrules;
	char drops[PROFILE_RULES_MAX][PROFILE_KEY_MAX]; /* parent rules removed (resolved: along the chain) */
	size_t ndrops;
	/* How long a closed case's identity and narrative are kept: `retention
	 * N UNIT after closure` (calendar days, weeks, months or years); amount
	 * 0 when no profile in the chain says.  Inherited unless restated. */
	int retention_amount;
	enum unit retention_unit;
	char retention_origin[PROFILE_KEY_MAX]; /* profile that set it */
	int retention_line;
};

/* Parses one profile file's text (len bytes).  file names it in messages
 * ("FILE:LINE: what is wrong").  The result is unresolved: rules may name
 * sources and rules of its parent.  No allocation: *p is plain data. */
int profile_parse(struct profile *p, const char *text, size_t len,
                  const char *file, struct err *err);

/* Copies src into dst (a profile parsed, or resolved): its fields and the
 * rules, sources and drops it has, not the room after them. */
void profile_assign(struct profile *dst, const struct profile *src);

/* Merges parent into child in place: the parent's rules and sources come
 * first, the child's rules replace those with the same key, `drop` removes.
 * A rule that replaces one based on the Regulations keeps the Regulations'
 * timing as its floor (unless it moves to the Complaint Handling Code, a
 * procedure of its own): a council's period never lowers the law's.
 * Then checks that every reference resolves. */
int profile_inherit(struct profile *child, const struct profile *parent, struct err *err);

/* Checks a resolved profile: sources and else_due references exist. */
int profile_check(const struct profile *p, struct err *err);

const struct rule *profile_rule(const struct profile *p, const char *key);
const struct profile_source *profile_source(const struct profile *p, const char *id);
/* Where rule r comes from, named for a reader rather than by the profile's
 * ids: its pinpoint with the usual abbreviations written out ("reg 14(2)":
 * "Regulation 14(2)", "s 26": "section 26", "para 3": "paragraph 3"), or
 * without one the source's text up to its subtitle or address ("DfES,
 * Getting the Best from Complaints"), or the source's id when the profile has no such
 * source.  Into buf (n >= 1, always terminated). */
void profile_cite(const struct profile *p, const struct rule *r, char *buf, size_t n);

/* One difference between two resolved profiles, rule by rule, as an admin
 * reads it before a profile replaces another: a rule added (now: its
 * clock), removed, or changed in its timing ("within", "extend"), basis
 * or source (was and now in words, as the profile has them: the caller
 * makes them safe to show). */
enum profile_change { PROFILE_ADDED, PROFILE_REMOVED, PROFILE_CHANGED };
#define PROFILE_DIFF_TEXT 512
struct profile_diff {
	enum profile_change change;
	char rule[PROFILE_KEY_MAX];
	const char *field;           /* changed: "within", "extend", "basis", "source"; else "" */
	char was[PROFILE_DIFF_TEXT], now[PROFILE_DIFF_TEXT];
};
/* The differences from old to new, new's rules in order then those removed:
 * *out malloc'd (free() it; NULL when none), *n of them.  -1 out of
 * memory. */
int profile_diff(const struct profile *old, const struct profile *new, struct profile_diff **out,
                 size_t *n);

#endif
