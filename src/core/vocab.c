/* vocab.c - the book's vocabularies, one table each (see vocab.h). */
#include <stdio.h>
#include <string.h>

#include "redress/codes.h"
#include "redress/profile.h"
#include "redress/vocab.h"
#include "redress/workflow.h"

struct vocab_word {
	const char *name, *label;
	unsigned flags;
};

static const struct vocab_word vocab_kinds[ROUTE_COUNT] = {
	[ROUTE_COMPLAINT] = { "complaint", "complaint", 0 },
	[ROUTE_COMMENT] = { "comment", "comment", 0 },
	[ROUTE_COMPLIMENT] = { "compliment", "compliment", 0 },
	[ROUTE_CONCERN] = { "concern", "a professional's concern", 0 },
	[ROUTE_REQUEST] = { "request", "request", 0 },
	[ROUTE_ANONYMOUS] = { "anonymous", "anonymous", 0 },
	[ROUTE_REDIRECTED] = { "redirected", "redirected", 0 },
};

static const struct vocab_word vocab_channels[CHANNEL_COUNT] = {
	[CHANNEL_ONLINE] = { "online", "online", 0 },
	[CHANNEL_PHONE] = { "phone", "phone", 0 },
	[CHANNEL_TEXT] = { "text", "text", 0 },
	[CHANNEL_EMAIL] = { "email", "email", 0 },
	[CHANNEL_LETTER] = { "letter", "letter", 0 },
	[CHANNEL_IN_PERSON] = { "in-person", "in person", 0 },
	[CHANNEL_STAFF] = { "staff", "through staff", 0 },
	[CHANNEL_ADVOCATE] = { "advocate", "through an advocate", 0 },
};

static const struct vocab_word vocab_party_roles[PARTY_ROLE_COUNT] = {
	[PARTY_CHILD] = { "child", "the child", 0 },
	[PARTY_PARENT] = { "parent", "a parent", 0 },
	[PARTY_PARENTAL_RESPONSIBILITY] = { "parental-responsibility",
	                                    "someone with parental responsibility", 0 },
	[PARTY_FOSTER_CARER] = { "foster-carer", "a foster carer", 0 },
	[PARTY_SPECIAL_GUARDIAN] = { "special-guardian", "a special guardian", 0 },
	[PARTY_CARE_LEAVER] = { "care-leaver", "a care leaver", 0 },
	[PARTY_RELATIVE] = { "relative", "a relative", 0 },
	[PARTY_ADVOCATE] = { "advocate", "an advocate", 0 },
	[PARTY_MP] = { "mp", "a Member of Parliament", 0 },
	[PARTY_PROFESSIONAL] = { "professional", "a professional", 0 },
	[PARTY_OTHER] = { "other", "someone else", 0 },
};

static const struct vocab_word vocab_party_kinds[] = {
	[PARTY_KIND_CHILD] = { "child", "child", 0 },
	[PARTY_KIND_COMPLAINANT] = { "complainant", "complainant", 0 },
	[PARTY_KIND_REPRESENTATIVE] = { "representative", "representative", 0 },
};

static const struct vocab_word vocab_outcomes[OUTCOME_COUNT] = {
	[OUTCOME_NONE] = { "none", "No finding recorded", VOCAB_UNLISTED },
	[OUTCOME_UPHELD] = { "upheld", "Upheld", 0 },
	[OUTCOME_PARTLY_UPHELD] = { "partly-upheld", "Partly upheld", 0 },
	[OUTCOME_NOT_UPHELD] = { "not-upheld", "Not upheld", 0 },
	[OUTCOME_UNABLE] = { "unable-to-determine", "Unable to determine", 0 },
};

static const struct vocab_word vocab_ext_reasons[EXT_REASON_COUNT] = {
	[EXT_REASON_NONE] = { "none", "not recorded", VOCAB_NONE },
	[EXT_REASON_COMPLEXITY] = { "complexity", "complexity: several services or points", 0 },
	[EXT_REASON_AVAILABILITY] = { "availability", "key people or records unavailable", 0 },
	[EXT_REASON_COMPLAINANT] = { "complainant", "the complainant asked for or agreed more time",
	                             0 },
	[EXT_REASON_INDEPENDENT] = { "independent",
	                             "the investigator's or independent person's availability", 0 },
	[EXT_REASON_ADVOCACY] = { "advocacy", "time for an advocate to take part", 0 },
	[EXT_REASON_OTHER] = { "other", "another reason", 0 },
};

static const struct vocab_word vocab_findings[OMB_FINDING_COUNT] = {
	[OMB_FINDING_NONE] = { "none", "not recorded", VOCAB_NONE },
	[OMB_FINDING_UPHELD] = { "upheld", "upheld: fault causing injustice", 0 },
	[OMB_FINDING_UPHELD_NO_INJUSTICE] = { "upheld-no-injustice", "upheld: fault, no injustice",
	                                      0 },
	[OMB_FINDING_NOT_UPHELD] = { "not-upheld", "not upheld: no fault", 0 },
	[OMB_FINDING_CLOSED] = { "closed-after-initial-enquiries", "closed after initial enquiries",
	                         0 },
	[OMB_FINDING_PREMATURE] = { "premature", "premature: referred back for local resolution",
	                            0 },
	[OMB_FINDING_WITHDRAWN] = { "withdrawn", "withdrawn", 0 },
	[OMB_FINDING_OTHER] = { "other", "another decision", 0 },
};

static const struct vocab_word vocab_refusals[REFUSAL_COUNT] = {
	[REFUSAL_NONE] = { "none", "", VOCAB_NONE },
	[REFUSAL_OVER_A_YEAR] = { "over-a-year",
	                          "made more than a year after the matter became known", 0 },
	[REFUSAL_LEGAL_PROCEEDINGS] = { "legal-proceedings",
	                                "would prejudice legal proceedings (reg 8)", 0 },
	[REFUSAL_NOT_ELIGIBLE] = { "not-eligible", "the person is not eligible to complain", 0 },
	[REFUSAL_OUT_OF_SCOPE] = { "out-of-scope", "outside the children's social care procedure",
	                           0 },
	[REFUSAL_LATE_REQUEST] = { "late-request", "the request came after its time limit", 0 },
};

static const struct vocab_word vocab_decisions[] = {
	[DECISION_NONE] = { "none", "not decided", VOCAB_NONE },
	[DECISION_ACCEPTED] = { "accepted", "accepted", 0 },
	[DECISION_REFUSED] = { "refused", "refused", 0 },
};

static const struct vocab_word vocab_statuses[] = {
	[CASE_OPEN] = { "open", "open", 0 },
	[CASE_CLOSED] = { "closed", "closed", 0 },
	[CASE_WITHDRAWN] = { "withdrawn", "withdrawn", 0 },
	[CASE_DECLINED] = { "declined", "not accepted at receipt", 0 },
	[CASE_REDIRECTED] = { "redirected", "sent elsewhere", 0 },
	[CASE_SAFEGUARDING] = { "safeguarding", "sent to the helpdesk", 0 },
};

static const struct vocab_word vocab_user_roles[] = {
	[ROLE_NONE] = { "none", "enrolled, not yet granted", VOCAB_NONE },
	[ROLE_AUDITOR] = { "auditor", "auditor", 0 },
	[ROLE_CASEWORKER] = { "caseworker", "caseworker", 0 },
	[ROLE_MANAGER] = { "manager", "manager", 0 },
	[ROLE_ADMIN] = { "admin", "admin", 0 },
};

static const struct vocab_word vocab_advocacy[] = {
	{ "none", "no answer yet", VOCAB_NONE },
	{ "accepted", "accepted", 0 },
	{ "declined", "declined", 0 },
};

/* those unlisted are never named by a profile's rules (redress-profile(5)) */
static const struct vocab_word vocab_events[EV_COUNT] = {
	[EV_NONE] = { "none", "", VOCAB_NONE },
	[EV_AWARE] = { "aware", "complainant became aware of the matter", 0 },
	[EV_RECEIVED] = { "received", "complaint received", 0 },
	[EV_ACKNOWLEDGED] = { "acknowledged", "acknowledgement sent", 0 },
	[EV_STAGE1_STARTED] = { "stage1_started", "Stage 1 started after informal resolution", 0 },
	[EV_STAGE1_EXTENDED] = { "stage1_extended", "Stage 1 extended", 0 },
	[EV_NEW_INFORMATION] = { "new_information", "new concerns or information received", 0 },
	[EV_STAGE1_RESPONSE_SENT] = { "stage1_response_sent", "Stage 1 response sent", 0 },
	[EV_STAGE2_REQUESTED] = { "stage2_requested", "Stage 2 requested", VOCAB_REPEATS },
	[EV_STAGE2_ACKNOWLEDGED] = { "stage2_acknowledged", "Stage 2 request acknowledged", 0 },
	[EV_STAGE2_DECISION_SENT] = { "stage2_decision_sent", "Stage 2 acceptance decision sent",
	                              0 },
	[EV_STATEMENT_AGREED] = { "statement_agreed", "statement of complaint agreed", 0 },
	[EV_STAGE2_EXTENDED] = { "stage2_extended", "Stage 2 extended", 0 },
	[EV_STAGE2_RESPONSE_SENT] = { "stage2_response_sent", "Stage 2 response sent", 0 },
	[EV_STAGE3_REQUESTED] = { "stage3_requested", "Stage 3 requested", VOCAB_REPEATS },
	[EV_STAGE3_DECISION_SENT] = { "stage3_decision_sent", "Stage 3 acceptance decision sent",
	                              0 },
	[EV_PANEL_DATE] = { "panel_date", "review panel arranged for this date",
	                    VOCAB_PLANNED | VOCAB_REPEATS },
	[EV_PANEL_NOTICE_SENT] = { "panel_notice_sent", "panel details sent to complainant", 0 },
	[EV_PANEL_HELD] = { "panel_held", "review panel met", 0 },
	[EV_FINDINGS_SENT] = { "findings_sent", "panel findings sent", 0 },
	[EV_STAGE3_RESPONSE_SENT] = { "stage3_response_sent", "director's response sent", 0 },
	[EV_RESPONSE_SENT] = { "response_sent", "response sent", 0 },
	[EV_REDIRECTED] = { "redirected", "person told where to take the matter", 0 },
	[EV_PAUSED] = { "paused", "internal target paused", 0 },
	[EV_RESUMED] = { "resumed", "internal target resumed", 0 },
	[EV_WITHDRAWN] = { "withdrawn", "complaint withdrawn", 0 },
	[EV_CLOSED] = { "closed", "case closed", 0 },
	[EV_OMBUDSMAN_REFERRED] = { "ombudsman_referred", "referred to the Ombudsman", 0 },
	[EV_OMBUDSMAN_OUTCOME] = { "ombudsman_outcome", "Ombudsman's decision received",
	                           VOCAB_UNLISTED },
	[EV_DECLINED] = { "declined", "not accepted, with a coded reason", VOCAB_UNLISTED },
	[EV_SAFEGUARDING] = { "safeguarding", "safeguarding concern sent to the helpdesk",
	                      VOCAB_UNLISTED },
	[EV_REOPENED] = { "reopened", "case reopened", VOCAB_UNLISTED },
	[EV_NOTE] = { "note", "note", VOCAB_UNLISTED },
	[EV_ASSIGNED] = { "assigned", "people on the case changed", VOCAB_UNLISTED },
	[EV_THANKS_PASSED] = { "thanks_passed",
	                       "compliment passed to the staff member and their manager",
	                       VOCAB_UNLISTED },
	[EV_STAGE2_REFUSED] = { "stage2_refused", "Stage 2 request refused", VOCAB_UNLISTED },
	[EV_STAGE3_REFUSED] = { "stage3_refused", "Stage 3 request refused", VOCAB_UNLISTED },
	[EV_LETTER_SENT] = { "letter_sent", "letter sent", VOCAB_UNLISTED },
	[EV_CORRECTION] = { "correction", "correction", VOCAB_UNLISTED },
};

/* Equality monitoring: the ONS's and GOV.UK's standard categories, in their
 * order, each list ending with the answer everyone may give. */
#define VOCAB_PNTS { "prefer-not-to-say", "prefer not to say", 0 }

static const struct vocab_word vocab_age_bands[] = {
	{ "under-16", "under 16", 0 }, { "16-17", "16 to 17", 0 },
	{ "18-24", "18 to 24", 0 },    { "25-34", "25 to 34", 0 },
	{ "35-44", "35 to 44", 0 },    { "45-54", "45 to 54", 0 },
	{ "55-64", "55 to 64", 0 },    { "65-74", "65 to 74", 0 },
	{ "75-plus", "75 and over", 0 }, VOCAB_PNTS,
};

/* the 2021 Census question "What is your sex?" */
static const struct vocab_word vocab_sexes[] = {
	{ "female", "female", 0 }, { "male", "male", 0 }, VOCAB_PNTS,
};

/* GOV.UK's list of ethnic groups: the 19 of the 2021 Census in England,
 * in their five broad groups */
static const struct vocab_word vocab_ethnicities[] = {
	{ "asian-indian", "Asian or Asian British: Indian", 0 },
	{ "asian-pakistani", "Asian or Asian British: Pakistani", 0 },
	{ "asian-bangladeshi", "Asian or Asian British: Bangladeshi", 0 },
	{ "asian-chinese", "Asian or Asian British: Chinese", 0 },
	{ "asian-other", "Asian or Asian British: any other Asian background", 0 },
	{ "black-african", "Black, Black British, Caribbean or African: African", 0 },
	{ "black-caribbean", "Black, Black British, Caribbean or African: Caribbean", 0 },
	{ "black-other", "Black, Black British, Caribbean or African: any other Black background",
	  0 },
	{ "mixed-white-asian", "Mixed or multiple: White and Asian", 0 },
	{ "mixed-white-black-african", "Mixed or multiple: White and Black African", 0 },
	{ "mixed-white-black-caribbean", "Mixed or multiple: White and Black Caribbean", 0 },
	{ "mixed-other", "Mixed or multiple: any other Mixed or multiple background", 0 },
	{ "white-british", "White: English, Welsh, Scottish, Northern Irish or British", 0 },
	{ "white-irish", "White: Irish", 0 },
	{ "white-gypsy-traveller", "White: Gypsy or Irish Traveller", 0 },
	{ "white-roma", "White: Roma", 0 },
	{ "white-other", "White: any other White background", 0 },
	{ "arab", "Other ethnic group: Arab", 0 },
	{ "other", "Other ethnic group: any other ethnic group", 0 },
	VOCAB_PNTS,
};

/* the GSS harmonised standard: a condition of 12 months or more that
 * limits day-to-day activities is a disability under the Equality Act */
static const struct vocab_word vocab_disabilities[] = {
	{ "limited-a-lot", "disabled: day-to-day activities limited a lot", 0 },
	{ "limited-a-little", "disabled: day-to-day activities limited a little", 0 },
	{ "not-disabled", "not disabled", 0 },
	VOCAB_PNTS,
};
#undef VOCAB_PNTS

#define VOCAB_N(t) ((int)(sizeof t / sizeof t[0]))
#define VOCAB(k, t) { k, t, VOCAB_N(t) }

static const struct {
	const char *key;
	const struct vocab_word *w;
	int n;
} vocab_all[VOCAB_COUNT] = {
	[VOCAB_KIND] = VOCAB("kind", vocab_kinds),
	[VOCAB_CHANNEL] = VOCAB("channel", vocab_channels),
	[VOCAB_PARTY_ROLE] = VOCAB("party-role", vocab_party_roles),
	[VOCAB_PARTY_KIND] = VOCAB("party-kind", vocab_party_kinds),
	[VOCAB_OUTCOME] = VOCAB("outcome", vocab_outcomes),
	[VOCAB_EXT_REASON] = VOCAB("extension-reason", vocab_ext_reasons),
	[VOCAB_FINDING] = VOCAB("ombudsman-finding", vocab_findings),
	[VOCAB_REFUSAL] = VOCAB("refusal", vocab_refusals),
	[VOCAB_DECISION] = VOCAB("decision", vocab_decisions),
	[VOCAB_STATUS] = VOCAB("status", vocab_statuses),
	[VOCAB_USER_ROLE] = VOCAB("user-role", vocab_user_roles),
	[VOCAB_ADVOCACY] = VOCAB("advocacy-response", vocab_advocacy),
	[VOCAB_EVENT] = VOCAB("event", vocab_events),
	[VOCAB_AGE_BAND] = VOCAB("age-band", vocab_age_bands),
	[VOCAB_SEX] = VOCAB("sex", vocab_sexes),
	[VOCAB_ETHNICITY] = VOCAB("ethnicity", vocab_ethnicities),
	[VOCAB_DISABILITY] = VOCAB("disability", vocab_disabilities),
};

static const struct vocab_word *
vocab_word(enum vocab_id v, int i)
{
	if ((unsigned)v >= VOCAB_COUNT || i < 0 || i >= vocab_all[v].n)
		return NULL;
	return &vocab_all[v].w[i];
}

const char *
vocab_key(enum vocab_id v)
{
	return (unsigned)v < VOCAB_COUNT ? vocab_all[v].key : "?";
}

int
vocab_find(const char *key)
{
	int v;

	for (v = 0; v < VOCAB_COUNT; v++)
		if (strcmp(key, vocab_all[v].key) == 0)
			return v;
	return -1;
}

int
vocab_size(enum vocab_id v)
{
	return (unsigned)v < VOCAB_COUNT ? vocab_all[v].n : 0;
}

const char *
vocab_name(enum vocab_id v, int i)
{
	const struct vocab_word *w = vocab_word(v, i);

	return w != NULL ? w->name : "?";
}

const char *
vocab_label(enum vocab_id v, int i)
{
	const struct vocab_word *w = vocab_word(v, i);

	return w != NULL ? w->label : "?";
}

unsigned
vocab_flags(enum vocab_id v, int i)
{
	const struct vocab_word *w = vocab_word(v, i);

	return w != NULL ? w->flags : 0;
}

int
vocab_lookup(enum vocab_id v, const char *name)
{
	int i;

	for (i = 0; i < vocab_size(v); i++)
		if ((vocab_all[v].w[i].flags & VOCAB_UNKNOWN) == 0 &&
		    strcmp(name, vocab_all[v].w[i].name) == 0)
			return i;
	return -1;
}

const char *
vocab_list(enum vocab_id v, int how, char *out, size_t len)
{
	int n = vocab_size(v), i, k, listed = 0, left = 0, w;
	size_t at = 0;

	if (len == 0)
		return out;
	out[0] = '\0';
	for (i = 0; i < n; i++)
		left += (vocab_all[v].w[i].flags & VOCAB_UNLISTED) == 0;
	for (k = 0; k < n && at < len; k++) {
		i = how & VOCAB_DESC ? n - 1 - k : k;
		if (vocab_all[v].w[i].flags & VOCAB_UNLISTED)
			continue;
		w = snprintf(out + at, len - at, "%s%s",
		             listed == 0                           ? ""
		             : how & VOCAB_PIPE                    ? "|"
		             : how & VOCAB_OR && listed == left - 1 ? " or "
		                                                   : ", ",
		             vocab_all[v].w[i].name);
		if (w < 0)
			break;
		at += (size_t)w;
		listed++;
	}
	return out;
}

static size_t
vocab_strings(enum vocab_id v, int from, bool label, const char **out, size_t max)
{
	size_t k = 0;
	int i;

	for (i = from < 0 ? 0 : from; i < vocab_size(v) && k < max; i++)
		out[k++] = label ? vocab_all[v].w[i].label : vocab_all[v].w[i].name;
	return k;
}

size_t
vocab_names(enum vocab_id v, int from, const char **out, size_t max)
{
	return vocab_strings(v, from, false, out, max);
}

size_t
vocab_labels(enum vocab_id v, int from, const char **out, size_t max)
{
	return vocab_strings(v, from, true, out, max);
}

/* The accessors each vocabulary has had by name. */

const char *channel_name(int c) { return vocab_name(VOCAB_CHANNEL, c); }
int channel_lookup(const char *n) { return vocab_lookup(VOCAB_CHANNEL, n); }
const char *party_role_name(int r) { return vocab_name(VOCAB_PARTY_ROLE, r); }
int party_role_lookup(const char *n) { return vocab_lookup(VOCAB_PARTY_ROLE, n); }
const char *outcome_name(int o) { return vocab_name(VOCAB_OUTCOME, o); }
int outcome_lookup(const char *n) { return vocab_lookup(VOCAB_OUTCOME, n); }
const char *role_name(enum role r) { return vocab_name(VOCAB_USER_ROLE, (int)r); }
int role_lookup(const char *n) { return vocab_lookup(VOCAB_USER_ROLE, n); }
const char *route_name(enum route r) { return vocab_name(VOCAB_KIND, (int)r); }
int route_lookup(const char *n) { return vocab_lookup(VOCAB_KIND, n); }
const char *case_status_name(enum case_status s) { return vocab_name(VOCAB_STATUS, (int)s); }
const char *refusal_name(enum refusal r) { return vocab_name(VOCAB_REFUSAL, (int)r); }
const char *refusal_describe(enum refusal r) { return vocab_label(VOCAB_REFUSAL, (int)r); }
int refusal_lookup(const char *n) { return vocab_lookup(VOCAB_REFUSAL, n); }
const char *ext_reason_name(int r) { return vocab_name(VOCAB_EXT_REASON, r); }
const char *ext_reason_describe(int r) { return vocab_label(VOCAB_EXT_REASON, r); }
int ext_reason_lookup(const char *n) { return vocab_lookup(VOCAB_EXT_REASON, n); }
const char *omb_finding_name(int f) { return vocab_name(VOCAB_FINDING, f); }
const char *omb_finding_describe(int f) { return vocab_label(VOCAB_FINDING, f); }
int omb_finding_lookup(const char *n) { return vocab_lookup(VOCAB_FINDING, n); }

const char *
event_name(enum event_type ev)
{
	return ev > EV_NONE && ev < EV_COUNT ? vocab_name(VOCAB_EVENT, (int)ev) : "none";
}

const char *
event_describe(enum event_type ev)
{
	return ev > EV_NONE && ev < EV_COUNT ? vocab_label(VOCAB_EVENT, (int)ev) : "";
}

bool
event_planned(enum event_type ev)
{
	return (vocab_flags(VOCAB_EVENT, (int)ev) & VOCAB_PLANNED) != 0;
}

bool
event_repeats(enum event_type ev)
{
	return (vocab_flags(VOCAB_EVENT, (int)ev) & VOCAB_REPEATS) != 0;
}

/* Accepts '-' for '_'; EV_NONE when it is not a name. */
enum event_type
event_lookup(const char *name)
{
	char buf[64];
	size_t i;
	int ev;

	if (strlen(name) >= sizeof buf)
		return EV_NONE;
	for (i = 0; name[i] != '\0'; i++)
		buf[i] = name[i] == '-' ? '_' : name[i];
	buf[i] = '\0';
	ev = vocab_lookup(VOCAB_EVENT, buf);
	return ev > 0 ? (enum event_type)ev : EV_NONE;
}
