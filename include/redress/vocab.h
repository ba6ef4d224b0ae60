/* vocab.h - the book's vocabularies, one table each: the words a person
 * types (kinds, channels, roles, outcomes, coded reasons, event names) with
 * their labels and flags.  Parsing, messages, help, the client's pickers,
 * the report's rows and the manual's check (tests/man-vocab.sh) all come
 * from these tables.  Pure: no I/O, nothing to free. */
#ifndef REDRESS_VOCAB_H
#define REDRESS_VOCAB_H

#include <stddef.h>

enum vocab_id {
	VOCAB_KIND = 0,    /* the route a contact takes (enum route) */
	VOCAB_CHANNEL,     /* how it arrived (enum channel) */
	VOCAB_PARTY_ROLE,  /* who a party is to the complaint (enum party_role) */
	VOCAB_PARTY_KIND,  /* child or complainant, and the client's "representative" */
	VOCAB_OUTCOME,     /* a stage's finding on a point (enum outcome) */
	VOCAB_EXT_REASON,  /* why a stage was extended (enum ext_reason) */
	VOCAB_FINDING,     /* the Ombudsman's decision (enum omb_finding) */
	VOCAB_REFUSAL,     /* why a complaint or request was declined (enum refusal) */
	VOCAB_DECISION,    /* a Stage 2 or 3 request's decision (enum decision) */
	VOCAB_STATUS,      /* where a case stands (enum case_status) */
	VOCAB_USER_ROLE,   /* a user's role in the book (enum role) */
	VOCAB_ADVOCACY,    /* the answer to an offer of advocacy */
	VOCAB_EVENT,       /* the dated events of a case (enum event_type) */
	/* equality monitoring of complainants (equality.h), the categories of
	 * the ONS 2021 Census questions and the GSS harmonised standards, each
	 * ending with "prefer-not-to-say" */
	VOCAB_AGE_BAND,
	VOCAB_SEX,
	VOCAB_ETHNICITY,   /* GOV.UK's list of ethnic groups (England) */
	VOCAB_DISABILITY,  /* the Equality Act's definition, as the Census asks it */
	VOCAB_COUNT
};

/* An entry's flags. */
#define VOCAB_UNLISTED 1u  /* left out of lists of the words one can give */
#define VOCAB_UNKNOWN 2u   /* never found by name ("none": not recorded) */
#define VOCAB_NONE (VOCAB_UNLISTED | VOCAB_UNKNOWN)
#define VOCAB_PLANNED 4u   /* an event that may be rearranged: its latest counts */
#define VOCAB_REPEATS 8u   /* an event that may happen again and restart its clocks */

/* Who a party is to a case (VOCAB_PARTY_KIND). */
enum party_kind { PARTY_KIND_CHILD = 0, PARTY_KIND_COMPLAINANT, PARTY_KIND_REPRESENTATIVE };

/* How a contact arrived. */
enum channel {
	CHANNEL_ONLINE = 0, CHANNEL_PHONE, CHANNEL_TEXT, CHANNEL_EMAIL, CHANNEL_LETTER,
	CHANNEL_IN_PERSON, CHANNEL_STAFF, CHANNEL_ADVOCATE, CHANNEL_COUNT
};
const char *channel_name(int c);
int channel_lookup(const char *name);

/* Who a party is to the complaint. */
enum party_role {
	PARTY_CHILD = 0, PARTY_PARENT, PARTY_PARENTAL_RESPONSIBILITY, PARTY_FOSTER_CARER,
	PARTY_SPECIAL_GUARDIAN, PARTY_CARE_LEAVER, PARTY_RELATIVE, PARTY_ADVOCATE, PARTY_MP,
	PARTY_PROFESSIONAL, PARTY_OTHER, PARTY_ROLE_COUNT
};
const char *party_role_name(int r);
int party_role_lookup(const char *name);

enum outcome {
	OUTCOME_NONE = 0, OUTCOME_UPHELD, OUTCOME_PARTLY_UPHELD, OUTCOME_NOT_UPHELD,
	OUTCOME_UNABLE, OUTCOME_COUNT
};
const char *outcome_name(int o);
int outcome_lookup(const char *name); /* "none" is OUTCOME_NONE */

enum role {
	ROLE_NONE = 0, /* enrolled, not yet granted */
	ROLE_AUDITOR,
	ROLE_CASEWORKER,
	ROLE_MANAGER,
	ROLE_ADMIN,
};
const char *role_name(enum role r);
int role_lookup(const char *name); /* -1 when unknown */

/* The vocabulary's own name ("channel"), and the vocabulary of a name (-1
 * when there is none). */
const char *vocab_key(enum vocab_id v);
int vocab_find(const char *key);
/* How many entries it has (the enum's COUNT). */
int vocab_size(enum vocab_id v);
/* An entry's name ("?" out of range), its label in words ("?" out of
 * range), and its flags (0 out of range). */
const char *vocab_name(enum vocab_id v, int i);
const char *vocab_label(enum vocab_id v, int i);
unsigned vocab_flags(enum vocab_id v, int i);
/* The entry of a name, -1 when unknown (an entry marked VOCAB_UNKNOWN is). */
int vocab_lookup(enum vocab_id v, const char *name);

/* How vocab_list joins the names. */
#define VOCAB_PIPE 1 /* "a|b|c" rather than "a, b, c" */
#define VOCAB_OR 2   /* "a, b or c" */
#define VOCAB_DESC 4 /* last entry first */
/* The names one can give (not VOCAB_UNLISTED), joined as `how` says, into
 * out (n bytes, cut short if too small); returns out. */
const char *vocab_list(enum vocab_id v, int how, char *out, size_t n);
/* Entries from `from` on, their names (or labels), into out[max]; how many. */
size_t vocab_names(enum vocab_id v, int from, const char **out, size_t max);
size_t vocab_labels(enum vocab_id v, int from, const char **out, size_t max);

#endif
