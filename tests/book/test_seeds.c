/* test_seeds.c - every timescale in the councils' seed texts is encoded and tested against it. */
#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <strings.h>

#include "testutil.h"

#include "redress/err.h"
#include "redress/profile.h"
#include "redress/share.h"

#define GLOS     "gloucestershire-complaints.txt"
#define OXON     "oxfordshire-complaints.txt"
#define TEACHERS "oxfordshire-guidance-for-teachers.txt"
#define ESSEX    "essex-complaints.txt"
#define BCP      "bournemouth-feedback.txt"

/* Gloucestershire's page describes two processes, the second starting here;
 * its general notes (comments, time limit, other authorities) follow both. */
#define GLOS_CORPORATE "they will be dealt with using the Corporate Complaints process."
#define GLOS_GENERAL   "Anonymous feedback – Anonymous feedback"

#define ROUTES_CRC ((1u << ROUTE_COMMENT) | (1u << ROUTE_REQUEST) | (1u << ROUTE_CONCERN))

/* One timescale of a council's text and the rule that encodes it. */
struct expect {
	const char *profile;
	const char *rule;
	const char *seed;      /* NULL: not a council page (the Ombudsman's Code) */
	const char *after;     /* the sentence must come after this text, if set */
	const char *before;    /* ... and before this one, if set */
	const char *sentence;  /* verbatim from the seed */
	enum event_type from;
	int amount;            /* negative: a notice before the event */
	enum unit unit;
	enum event_type extend_on;
	int extend_amount;     /* working days, from `from` */
	enum event_type target_from;
	enum event_type restart[2];
	enum event_type done;
	unsigned routes;       /* 0: complaints */
	int quoted;            /* the amount the quote states, when not |amount| */
};

static const struct expect expects[] = {
	/* --- Gloucestershire: Children's Social Care procedure ------------- */
	{ .profile = "gloucestershire", .rule = "complaint_time_limit", .seed = GLOS,
	  .sentence = "One year time limit – We will not normally consider complaints made "
	              "more than one year after the alleged injustice became known to you.",
	  .from = EV_AWARE, .amount = 1, .unit = UNIT_YEARS, .done = EV_RECEIVED },
	{ .profile = "gloucestershire", .rule = "acknowledge", .seed = GLOS,
	  .before = GLOS_CORPORATE,
	  .sentence = "If an informal local resolution is not possible, we will aim to "
	              "acknowledge your complaint within 2 working days.",
	  .from = EV_RECEIVED, .amount = 2, .unit = UNIT_WORKING_DAYS,
	  .done = EV_ACKNOWLEDGED },
	{ .profile = "gloucestershire", .rule = "stage1_response", .seed = GLOS,
	  .before = GLOS_CORPORATE,
	  .sentence = "Your issue(s) will then be looked at and we will aim to respond "
	              "directly to you within 10 working days.",
	  .from = EV_RECEIVED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE1_EXTENDED, .extend_amount = 20,
	  .restart = { EV_STAGE1_STARTED, EV_NEW_INFORMATION },
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "gloucestershire", .rule = "stage1_response_max", .seed = GLOS,
	  .before = GLOS_CORPORATE,
	  .sentence = "The response time may be extended to 20 working days if the complaint "
	              "is complex or if staff important to the investigation are absent.",
	  .from = EV_RECEIVED, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .restart = { EV_STAGE1_STARTED, EV_NEW_INFORMATION },
	  .done = EV_STAGE1_RESPONSE_SENT },
	/* the restart: new concerns move the start date (the internal target) */
	{ .profile = "gloucestershire", .rule = "stage1_response", .seed = GLOS,
	  .before = GLOS_CORPORATE,
	  .sentence = "Should you contact us while the investigation is in progress, wanting "
	              "further information or concerns to be considered as part of your "
	              "complaint, the start date for the investigation will become the date we "
	              "receive that information / those concerns.",
	  .from = EV_RECEIVED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE1_EXTENDED, .extend_amount = 20,
	  .restart = { EV_STAGE1_STARTED, EV_NEW_INFORMATION },
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "gloucestershire", .rule = "stage1_response_max", .seed = GLOS,
	  .before = GLOS_CORPORATE,
	  .sentence = "If you are not satisfied with the response you receive or we have not "
	              "sent a response within 20 working days, you can ask that your complaint "
	              "be progressed to Stage 2.",
	  .from = EV_RECEIVED, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .restart = { EV_STAGE1_STARTED, EV_NEW_INFORMATION },
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "gloucestershire", .rule = "stage2_request", .seed = GLOS,
	  .before = GLOS_CORPORATE,
	  .sentence = "We recommend, so the momentum in resolving your complaint is not lost, "
	              "that you request a Stage 2 investigation within 20 working days of "
	              "receiving the Stage 1 response.",
	  .from = EV_STAGE1_RESPONSE_SENT, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE2_REQUESTED },
	{ .profile = "gloucestershire", .rule = "stage2_decision", .seed = GLOS,
	  .before = GLOS_CORPORATE,
	  .sentence = "Once your request for a Stage 2 investigation has been received, a "
	              "Complaints Manager will consider your request and aim to send you their "
	              "decision within 10 working days.",
	  .from = EV_STAGE2_REQUESTED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE2_DECISION_SENT },
	{ .profile = "gloucestershire", .rule = "stage2_response", .seed = GLOS,
	  .sentence = "The investigation should take 25 working days from the time your "
	              "complaint is agreed with the Investigating Officer though, in some cases, "
	              "may take up to 65 working days.",
	  .from = EV_STAGE2_REQUESTED, .amount = 25, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE2_EXTENDED, .extend_amount = 65,
	  .target_from = EV_STATEMENT_AGREED, .done = EV_STAGE2_RESPONSE_SENT },
	{ .profile = "gloucestershire", .rule = "stage2_response_max", .seed = GLOS,
	  .sentence = "The investigation should take 25 working days from the time your "
	              "complaint is agreed with the Investigating Officer though, in some cases, "
	              "may take up to 65 working days.",
	  .from = EV_STAGE2_REQUESTED, .amount = 65, .unit = UNIT_WORKING_DAYS,
	  .target_from = EV_STATEMENT_AGREED, .done = EV_STAGE2_RESPONSE_SENT },
	{ .profile = "gloucestershire", .rule = "stage3_decision", .seed = GLOS,
	  .sentence = "Once your request for progression to Stage 3 has been received, a "
	              "Complaints Manager will consider your request and aim to send you their "
	              "decision within 10 working days.",
	  .from = EV_STAGE3_REQUESTED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE3_DECISION_SENT },
	{ .profile = "gloucestershire", .rule = "panel_findings", .seed = GLOS,
	  .sentence = "The Panel records its findings and will notify you and a Director "
	              "within 5 working days of the hearing.",
	  .from = EV_PANEL_HELD, .amount = 5, .unit = UNIT_WORKING_DAYS,
	  .done = EV_FINDINGS_SENT },
	{ .profile = "gloucestershire", .rule = "stage3_response", .seed = GLOS,
	  .sentence = "A Director will send a response to the Review Panel’s recommendations "
	              "to you within 15 working days of receiving the Review Panel’s report.",
	  .from = EV_FINDINGS_SENT, .amount = 15, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE3_RESPONSE_SENT },
	{ .profile = "gloucestershire", .rule = "concern_acknowledge", .seed = GLOS,
	  .after = GLOS_GENERAL,
	  .sentence = "We aim to acknowledge contacts such as these within 2 working days.",
	  .from = EV_RECEIVED, .amount = 2, .unit = UNIT_WORKING_DAYS,
	  .done = EV_ACKNOWLEDGED, .routes = ROUTES_CRC },
	{ .profile = "gloucestershire", .rule = "concern_response", .seed = GLOS,
	  .after = GLOS_GENERAL,
	  .sentence = "You should then receive a response within 20 working days (for "
	              "information, this is not a statutory timeframe and may be extended).",
	  .from = EV_RECEIVED, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_RESPONSE_SENT, .routes = ROUTES_CRC },
	{ .profile = "gloucestershire", .rule = "redirect", .seed = GLOS,
	  .after = GLOS_GENERAL,
	  .sentence = "If your feedback is not for Children’s Services, we will let you know "
	              "who you should get in touch with and provide contact details, where "
	              "possible. We will aim to do this within 2 working days.",
	  .from = EV_RECEIVED, .amount = 2, .unit = UNIT_WORKING_DAYS,
	  .done = EV_REDIRECTED, .routes = 1u << ROUTE_REDIRECTED },

	/* --- Gloucestershire: its corporate process ------------------------ */
	/* the page's general notes (one-year limit) cover both processes */
	{ .profile = "gloucestershire-corporate", .rule = "complaint_time_limit", .seed = GLOS,
	  .sentence = "One year time limit – We will not normally consider complaints made "
	              "more than one year after the alleged injustice became known to you.",
	  .from = EV_AWARE, .amount = 1, .unit = UNIT_YEARS, .done = EV_RECEIVED },
	{ .profile = "gloucestershire-corporate", .rule = "acknowledge", .seed = GLOS,
	  .after = GLOS_CORPORATE, .before = GLOS_GENERAL,
	  .sentence = "If an informal local resolution is not possible, we will aim to "
	              "acknowledge your complaint within 2 working days.",
	  .from = EV_RECEIVED, .amount = 2, .unit = UNIT_WORKING_DAYS,
	  .done = EV_ACKNOWLEDGED },
	{ .profile = "gloucestershire-corporate", .rule = "stage1_response", .seed = GLOS,
	  .after = GLOS_CORPORATE, .before = GLOS_GENERAL,
	  .sentence = "Your issue(s) will then be looked at and we will aim to respond "
	              "directly to you within 10 working days.",
	  .from = EV_RECEIVED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE1_EXTENDED, .extend_amount = 20,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "gloucestershire-corporate", .rule = "stage1_response_max", .seed = GLOS,
	  .after = GLOS_CORPORATE, .before = GLOS_GENERAL,
	  .sentence = "The response time may be extended to 20 working days if the complaint "
	              "is complex or if staff important to the investigation are absent.",
	  .from = EV_RECEIVED, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "gloucestershire-corporate", .rule = "stage1_response_max", .seed = GLOS,
	  .after = GLOS_CORPORATE, .before = GLOS_GENERAL,
	  .sentence = "If you are not satisfied with the response you receive or we have not "
	              "sent a response within 20 working days, you can ask that your complaint "
	              "be progressed to Stage 2.",
	  .from = EV_RECEIVED, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "gloucestershire-corporate", .rule = "stage2_request", .seed = GLOS,
	  .after = GLOS_CORPORATE, .before = GLOS_GENERAL,
	  .sentence = "We recommend, so the momentum in resolving your complaint is not lost, "
	              "that you request a Stage 2 investigation within 20 working days of "
	              "receiving the Stage 1 response.",
	  .from = EV_STAGE1_RESPONSE_SENT, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE2_REQUESTED },
	{ .profile = "gloucestershire-corporate", .rule = "stage2_decision", .seed = GLOS,
	  .after = GLOS_CORPORATE, .before = GLOS_GENERAL,
	  .sentence = "Once your request for a Stage 2 investigation has been received, a "
	              "Complaints Manager will consider your request and aim to send you their "
	              "decision within 10 working days.",
	  .from = EV_STAGE2_REQUESTED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE2_DECISION_SENT },
	/* no extension: the page gives none, and the Code's (corporate) counts
	 * from another day */
	{ .profile = "gloucestershire-corporate", .rule = "stage2_response", .seed = GLOS,
	  .after = GLOS_CORPORATE, .before = GLOS_GENERAL,
	  .sentence = "They will aim to respond to you within 25 working days.",
	  .from = EV_STAGE2_DECISION_SENT, .amount = 25, .unit = UNIT_WORKING_DAYS,
	  .target_from = EV_STAGE2_DECISION_SENT, .done = EV_STAGE2_RESPONSE_SENT },

	/* --- Oxfordshire ---------------------------------------------------- */
	{ .profile = "oxfordshire", .rule = "acknowledge", .seed = OXON,
	  .sentence = "Once you contact us to make your complaint, we will ensure we respond "
	              "within three days.",
	  .from = EV_RECEIVED, .amount = 3, .unit = UNIT_WORKING_DAYS,
	  .done = EV_ACKNOWLEDGED },
	{ .profile = "oxfordshire", .rule = "stage1_response", .seed = OXON,
	  .sentence = "An appropriate manager within the service you are complaining about "
	              "will investigate your concerns and provide a written response within 10 "
	              "working days.",
	  .from = EV_RECEIVED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE1_EXTENDED, .extend_amount = 20,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "oxfordshire", .rule = "stage2_request", .seed = OXON,
	  .sentence = "You should do this within 20 working days from the date you received "
	              "your Stage 1 response.",
	  .from = EV_STAGE1_RESPONSE_SENT, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE2_REQUESTED },
	{ .profile = "oxfordshire", .rule = "stage3_response", .seed = OXON,
	  .sentence = "You will receive a copy of a panel report and the Head of Children's "
	              "Social Care’s response within 20 days of the panel.",
	  .from = EV_PANEL_HELD, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE3_RESPONSE_SENT },
	{ .profile = "oxfordshire", .rule = "informal_resolution", .seed = TEACHERS,
	  .sentence = "Most complaints can be successfully resolved at this stage. We expect "
	              "this to happen within two weeks.",
	  .from = EV_RECEIVED, .amount = 2, .unit = UNIT_WEEKS,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "oxfordshire", .rule = "stage3_overall", .seed = TEACHERS,
	  .sentence = "You will receive a copy of the panel report and the Head of Children's "
	              "Social Care’s response to the panel will be sent to you within 10 weeks "
	              "of your request.",
	  .from = EV_STAGE3_REQUESTED, .amount = 10, .unit = UNIT_WEEKS,
	  .done = EV_STAGE3_RESPONSE_SENT },

	/* --- Essex ---------------------------------------------------------- */
	{ .profile = "essex", .rule = "complaint_time_limit", .seed = ESSEX,
	  .sentence = "We are only required to resolve complaints if the problem occurred "
	              "within the last 12 months.",
	  .from = EV_AWARE, .amount = 12, .unit = UNIT_MONTHS, .done = EV_RECEIVED },
	{ .profile = "essex", .rule = "stage1_response", .seed = ESSEX,
	  .sentence = "Wherever possible you will receive a response from a manager within 10 "
	              "working days.",
	  .from = EV_RECEIVED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE1_EXTENDED, .extend_amount = 20,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "essex", .rule = "stage1_response_max", .seed = ESSEX,
	  .sentence = "If necessary this may be extended to 20 working days.",
	  .from = EV_RECEIVED, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "essex", .rule = "stage2_response", .seed = ESSEX,
	  .sentence = "We will aim to let you have this reply, with the outcome of the "
	              "investigation, within 25 working days.",
	  .from = EV_STAGE2_REQUESTED, .amount = 25, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE2_EXTENDED, .extend_amount = 65,
	  .target_from = EV_STATEMENT_AGREED, .done = EV_STAGE2_RESPONSE_SENT },
	{ .profile = "essex", .rule = "stage2_response_max", .seed = ESSEX,
	  .sentence = "If your investigation takes longer than this you will be informed and "
	              "advised of the outcome within 65 working days.",
	  .from = EV_STAGE2_REQUESTED, .amount = 65, .unit = UNIT_WORKING_DAYS,
	  .target_from = EV_STATEMENT_AGREED, .done = EV_STAGE2_RESPONSE_SENT },
	{ .profile = "essex", .rule = "panel", .seed = ESSEX,
	  .sentence = "The Stage 3 review panel consists of three independent people who will "
	              "usually meet within 30 working days of the Customer Care Team receiving "
	              "your request.",
	  .from = EV_STAGE3_REQUESTED, .amount = 30, .unit = UNIT_WORKING_DAYS,
	  .done = EV_PANEL_HELD },
	{ .profile = "essex", .rule = "panel_findings", .seed = ESSEX,
	  .sentence = "Following a review, the panel members will make recommendations to the "
	              "Director for Vulnerable Children, within 5 working days, on whether or "
	              "not something else needs to be done about your complaint.",
	  .from = EV_PANEL_HELD, .amount = 5, .unit = UNIT_WORKING_DAYS,
	  .done = EV_FINDINGS_SENT },
	{ .profile = "essex", .rule = "stage3_response", .seed = ESSEX,
	  .sentence = "The Director will write to let you know the final decision within 15 "
	              "working days.",
	  .from = EV_FINDINGS_SENT, .amount = 15, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE3_RESPONSE_SENT },

	/* --- Bournemouth, Christchurch and Poole --------------------------- */
	{ .profile = "bournemouth", .rule = "complaint_time_limit", .seed = BCP,
	  .sentence = "If you’re not happy with the service you’ve had from us please let us "
	              "know within one year of the event you want to tell us about.",
	  .from = EV_AWARE, .amount = 1, .unit = UNIT_YEARS, .done = EV_RECEIVED },
	{ .profile = "bournemouth", .rule = "stage1_response", .seed = BCP,
	  .sentence = "Within ten working days the person looking in to your complaint will:",
	  .from = EV_RECEIVED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE1_EXTENDED, .extend_amount = 20,
	  .done = EV_STAGE1_RESPONSE_SENT },
	{ .profile = "bournemouth", .rule = "stage2_request", .seed = BCP,
	  .sentence = "Contact the children's complaints manager within 20 days of getting "
	              "your results from stage one.",
	  .from = EV_STAGE1_RESPONSE_SENT, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE2_REQUESTED },
	{ .profile = "bournemouth", .rule = "stage2_response", .seed = BCP,
	  .sentence = "The service director will write to you with their response to the "
	              "findings of the report within 25 days.",
	  .from = EV_STAGE2_REQUESTED, .amount = 25, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE2_EXTENDED, .extend_amount = 65,
	  .target_from = EV_STATEMENT_AGREED, .done = EV_STAGE2_RESPONSE_SENT },
	{ .profile = "bournemouth", .rule = "panel", .seed = BCP,
	  .sentence = "The children's complaints manager has 30 working days from receiving "
	              "your request to hold a panel meeting.",
	  .from = EV_STAGE3_REQUESTED, .amount = 30, .unit = UNIT_WORKING_DAYS,
	  .done = EV_PANEL_HELD },
	{ .profile = "bournemouth", .rule = "panel_notice", .seed = BCP,
	  .sentence = "We’ll give you details of the panel hearing at least ten working days "
	              "before it takes place.",
	  .from = EV_PANEL_DATE, .amount = -10, .unit = UNIT_WORKING_DAYS,
	  .done = EV_PANEL_NOTICE_SENT },
	{ .profile = "bournemouth", .rule = "stage3_response", .seed = BCP,
	  .sentence = "The executive director will write to you within 20 working days of the "
	              "review panel meeting with a final response to your complaint.",
	  .from = EV_PANEL_HELD, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE3_RESPONSE_SENT },

	/* --- the Ombudsman's Complaint Handling Code (no seed: the Code) ---- */
	{ .profile = "corporate", .rule = "acknowledge",
	  .from = EV_RECEIVED, .amount = 5, .unit = UNIT_WORKING_DAYS,
	  .done = EV_ACKNOWLEDGED },
	{ .profile = "corporate", .rule = "stage1_response",
	  .from = EV_ACKNOWLEDGED, .amount = 10, .unit = UNIT_WORKING_DAYS,
	  .extend_on = EV_STAGE1_EXTENDED, .extend_amount = 20,
	  .done = EV_STAGE1_RESPONSE_SENT },
	/* the Code states the extension (10 more), the rule the total */
	{ .profile = "corporate", .rule = "stage1_response_max",
	  .from = EV_ACKNOWLEDGED, .amount = 20, .unit = UNIT_WORKING_DAYS,
	  .done = EV_STAGE1_RESPONSE_SENT, .quoted = 10 },
};

#define NEXPECTS (sizeof expects / sizeof *expects)

/* The shipped profiles, resolved once. */
#define NPROFILES_MAX 16
static struct profile profiles[NPROFILES_MAX];
static size_t nprofiles;

/* The seed texts, read once. */
#define NSEEDS_MAX 16
static struct {
	char name[256];
	char *text;
} seeds[NSEEDS_MAX];
static size_t nseeds;

static int
setup(void **state)
{
	char names[NPROFILES_MAX][PROFILE_KEY_MAX], path[1024];
	struct dirent *de;
	struct err err;
	size_t i, len, n;
	DIR *d;

	(void)state;
	/* share_profile() reads REDRESS_SHARE; a bare run finds the tree's share/ */
	setenv("REDRESS_SHARE", testutil_share(), 0);
	n = share_list("profile", names, NPROFILES_MAX);
	if (n == 0)
		fail_msg("no profiles under %s/profiles", testutil_share());
	for (i = 0; i < n; i++)
		if (share_profile(names[i], &profiles[i], &err) != 0)
			fail_msg("profile %s: %s", names[i], err.msg);
	nprofiles = n;

	if ((d = opendir(testutil_seeds())) == NULL)
		fail_msg("cannot open %s", testutil_seeds());
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		if (nseeds == NSEEDS_MAX)
			fail_msg("more than %d seed texts", NSEEDS_MAX);
		snprintf(seeds[nseeds].name, sizeof seeds[nseeds].name, "%s", de->d_name);
		snprintf(path, sizeof path, "%s/%s", testutil_seeds(), de->d_name);
		seeds[nseeds].text = testutil_read(path, &len);
		nseeds++;
	}
	closedir(d);
	return 0;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < nseeds; i++)
		free(seeds[i].text);
	return 0;
}

static const struct profile *
profile_named(const char *name)
{
	size_t i;

	for (i = 0; i < nprofiles; i++)
		if (strcmp(profiles[i].name, name) == 0)
			return &profiles[i];
	fail_msg("profile %s is not shipped", name);
	return NULL;
}

static const char *
seed_named(const char *name)
{
	size_t i;

	for (i = 0; i < nseeds; i++)
		if (strcmp(seeds[i].name, name) == 0)
			return seeds[i].text;
	fail_msg("seed %s is missing from %s", name, testutil_seeds());
	return NULL;
}

/* Council profiles are those that are neither the Regulations nor the Code. */
static bool
is_council(const char *name)
{
	return strcmp(name, "statutory") != 0 && strcmp(name, "corporate") != 0;
}

/* --- reading numbers in English ---------------------------------------- */

static const struct {
	const char *word;
	int n;
} numbers[] = {
	{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
	{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
	{ "eleven", 11 }, { "twelve", 12 }, { "fifteen", 15 }, { "twenty", 20 },
	{ "twenty-five", 25 }, { "thirty", 30 }, { "sixty-five", 65 },
};

/* The value of a word written as digits or in English, or -1. */
static int
number_value(const char *w, size_t n)
{
	size_t i;
	int v = 0;

	if (n > 0 && n < 6 && isdigit((unsigned char)w[0])) {
		for (i = 0; i < n; i++) {
			if (!isdigit((unsigned char)w[i]))
				return -1;
			v = v * 10 + (w[i] - '0');
		}
		return v;
	}
	for (i = 0; i < sizeof numbers / sizeof *numbers; i++)
		if (strlen(numbers[i].word) == n && strncasecmp(w, numbers[i].word, n) == 0)
			return numbers[i].n;
	return -1;
}

/* Splits text into words; each word without the ASCII punctuation around it.
 * Returns how many (at most max), with their offsets and lengths. */
struct word {
	size_t off, len;
};

static size_t
words(const char *text, struct word *out, size_t max)
{
	size_t i = 0, n = 0, s, e;

	while (text[i] != '\0' && n < max) {
		while (text[i] != '\0' && isspace((unsigned char)text[i]))
			i++;
		if (text[i] == '\0')
			break;
		s = i;
		while (text[i] != '\0' && !isspace((unsigned char)text[i]))
			i++;
		e = i;
		while (s < e && strchr("(\"'", text[s]) != NULL)
			s++;
		while (e > s && strchr(").,;:!?\"'", text[e - 1]) != NULL)
			e--;
		if (e > s)
			out[n++] = (struct word){ s, e - s };
	}
	return n;
}

static bool
word_is(const char *text, const struct word *w, const char *stem)
{
	return w->len >= strlen(stem) && strncasecmp(text + w->off, stem, strlen(stem)) == 0;
}

/* The unit the words at w name ("working days", "days", "weeks", "months",
 * "year"), or -1; left is how many words there are from w on. */
static int
timescale_unit(const char *text, const struct word *w, size_t left)
{
	static const char *const stems[] = { "day", "week", "month", "year" };
	static const enum unit units[] = { UNIT_DAYS, UNIT_WEEKS, UNIT_MONTHS, UNIT_YEARS };
	size_t i;

	if (left >= 2 && word_is(text, &w[0], "working") && word_is(text, &w[1], "day"))
		return UNIT_WORKING_DAYS;
	for (i = 0; i < 4; i++)
		if (word_is(text, &w[0], stems[i]) &&
		    w[0].len <= strlen(stems[i]) + 1) /* "day" or "days", not "daytime" */
			break;
	if (i == 4)
		return -1;
	/* "18 years old" is an age, not a timescale */
	if (left >= 2 && w[1].len == 3 && strncasecmp(text + w[1].off, "old", 3) == 0)
		return -1;
	return (int)units[i];
}

/* Whether text says "AMOUNT UNIT": digits or an English number followed by
 * the unit.  A rule counting working days may be quoted saying "days" (the
 * council's own word, read as working days): *plain_days says so. */
static bool
says(const char *text, int amount, enum unit unit, bool *plain_days)
{
	struct word w[256];
	size_t n = words(text, w, 256), i;
	int u;

	*plain_days = false;
	for (i = 0; i + 1 < n; i++) {
		if (number_value(text + w[i].off, w[i].len) != amount)
			continue;
		u = timescale_unit(text, &w[i + 1], n - i - 1);
		if (u == (int)unit)
			return true;
		if (u == UNIT_DAYS && unit == UNIT_WORKING_DAYS) {
			*plain_days = true;
			return true;
		}
	}
	return false;
}

/* Bytes of white space at s: ASCII blanks and U+00A0, which the published
 * pages use between words where a profile's author types a space. */
static size_t
blank(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	return (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0 ? 2 : 0;
}

/* Offset of the first occurrence of needle in hay at or after `from`, or -1;
 * *len is how many bytes of hay it covers.  The words must be the same, byte
 * for byte; any run of white space matches any other. */
static long
find_from(const char *hay, size_t from, const char *needle, size_t *len)
{
	const char *h, *n, *start;
	size_t b;

	for (start = hay + from; *start != '\0'; start++) {
		for (h = start, n = needle; *n != '\0'; ) {
			if (blank(n) > 0 && blank(h) > 0) {
				while ((b = blank(n)) > 0)
					n += b;
				while ((b = blank(h)) > 0)
					h += b;
			} else if (*h == *n) {
				h++;
				n++;
			} else
				break;
		}
		if (*n == '\0') {
			if (len != NULL)
				*len = (size_t)(h - start);
			return (long)(start - hay);
		}
	}
	return -1;
}

/* --- the expectations -------------------------------------------------- */

static void
check_expect(const struct expect *x)
{
	const struct profile *p = profile_named(x->profile);
	const struct rule *r = profile_rule(p, x->rule);
	const struct profile_source *src;
	const char *seed = NULL;
	long at, lo = 0, hi = -1;
	size_t k, nrestart = 0;
	bool plain_days;
	int quoted = x->quoted != 0 ? x->quoted : abs(x->amount);

	if (r == NULL)
		fail_msg("%s has no rule %s", x->profile, x->rule);

	/* (a) the seed says it, where the row says */
	if (x->seed != NULL) {
		seed = seed_named(x->seed);
		if (x->after != NULL) {
			lo = find_from(seed, 0, x->after, NULL);
			if (lo < 0)
				fail_msg("%s: no \"%s\"", x->seed, x->after);
		}
		if (x->before != NULL && (hi = find_from(seed, (size_t)lo, x->before, NULL)) < 0)
			fail_msg("%s: no \"%s\"", x->seed, x->before);
		at = find_from(seed, (size_t)lo, x->sentence, NULL);
		if (at < 0 || (hi >= 0 && at > hi))
			fail_msg("%s %s: %s does not say, in that part: \"%s\"", x->profile, x->rule,
			         x->seed, x->sentence);
	}

	/* (b) the rule has exactly these parameters */
	if (r->from != x->from || r->amount != x->amount || r->unit != x->unit)
		fail_msg("%s %s: %d %s from %s, want %d %s from %s", x->profile, x->rule,
		         r->amount, unit_name(r->unit), event_name(r->from), x->amount,
		         unit_name(x->unit), event_name(x->from));
	assert_int_equal(r->extend_on, x->extend_on);
	if (x->extend_on != EV_NONE) {
		assert_int_equal(r->extend_amount, x->extend_amount);
		assert_int_equal(r->extend_unit, UNIT_WORKING_DAYS);
	}
	if (r->target_from != x->target_from)
		fail_msg("%s %s: target from %s, want %s", x->profile, x->rule,
		         event_name(r->target_from), event_name(x->target_from));
	for (k = 0; k < 2 && x->restart[k] != EV_NONE; k++)
		nrestart++;
	if (r->nrestart != nrestart)
		fail_msg("%s %s: restarts on %zu events, want %zu", x->profile, x->rule,
		         r->nrestart, nrestart);
	for (k = 0; k < nrestart; k++)
		assert_int_equal(r->restart_on[k], x->restart[k]);
	assert_int_equal(r->done, x->done);
	assert_int_equal(r->routes, x->routes != 0 ? x->routes : 1u << ROUTE_COMPLAINT);
	/* the council wrote this rule itself, not its parent */
	assert_string_equal(r->origin, x->profile);

	/* (c) the quote is the page's own words and states the amount */
	if (r->quote[0] == '\0')
		fail_msg("%s %s: no quote", x->profile, x->rule);
	if (seed != NULL && find_from(seed, 0, r->quote, NULL) < 0)
		fail_msg("%s %s: quote is not verbatim in %s: \"%s\"", x->profile, x->rule,
		         x->seed, r->quote);
	if (!says(r->quote, quoted, x->unit, &plain_days))
		fail_msg("%s %s: quote does not say %d %s: \"%s\"", x->profile, x->rule, quoted,
		         unit_name(x->unit), r->quote);
	/* a page's "days" read as working days is explained on the screen */
	if (plain_days && r->note[0] == '\0')
		fail_msg("%s %s: the page says \"days\", the rule counts working days, and no "
		         "note says why", x->profile, x->rule);

	/* (d) the source resolves */
	src = profile_source(p, r->source);
	if (src == NULL || src->text[0] == '\0')
		fail_msg("%s %s: source \"%s\" does not resolve", x->profile, x->rule, r->source);
	assert_int_equal(r->basis, seed != NULL ? BASIS_COUNCIL : BASIS_CODE);
}

static void
check_profile(const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < NEXPECTS; i++)
		if (strcmp(expects[i].profile, name) == 0) {
			check_expect(&expects[i]);
			n++;
		}
	assert_true(n > 0);
}

static void
test_gloucestershire(void **state)
{
	(void)state;
	check_profile("gloucestershire");
}

static void
test_gloucestershire_corporate(void **state)
{
	(void)state;
	check_profile("gloucestershire-corporate");
}

static void
test_oxfordshire(void **state)
{
	(void)state;
	check_profile("oxfordshire");
}

static void
test_essex(void **state)
{
	(void)state;
	check_profile("essex");
}

static void
test_bournemouth(void **state)
{
	(void)state;
	check_profile("bournemouth");
}

static void
test_corporate(void **state)
{
	(void)state;
	check_profile("corporate");
}

/* Every "N days/weeks/months/years" in every seed lies inside a sentence of
 * the table above: a timescale no profile encodes fails here. */
static void
test_every_seed_timescale_is_expected(void **state)
{
	static struct word w[8192];
	size_t s, i, n, k, len, missing = 0;
	const char *text;
	long at;
	bool covered;

	(void)state;
	assert_true(nseeds >= 5);
	for (s = 0; s < nseeds; s++) {
		text = seeds[s].text;
		n = words(text, w, sizeof w / sizeof *w);
		assert_true(n < sizeof w / sizeof *w);
		for (i = 0; i + 1 < n; i++) {
			if (number_value(text + w[i].off, w[i].len) < 0 ||
			    timescale_unit(text, &w[i + 1], n - i - 1) < 0)
				continue;
			covered = false;
			for (k = 0; k < NEXPECTS && !covered; k++) {
				if (expects[k].seed == NULL || strcmp(expects[k].seed, seeds[s].name) != 0)
					continue;
				for (at = find_from(text, 0, expects[k].sentence, &len); at >= 0 && !covered;
				     at = find_from(text, (size_t)at + 1, expects[k].sentence, &len))
					covered = (size_t)at <= w[i].off && w[i].off < (size_t)at + len;
			}
			if (!covered) {
				size_t bol = w[i].off, eol = strcspn(text + w[i].off, "\n");

				while (bol > 0 && text[bol - 1] != '\n')
					bol--;
				print_error("%s: a timescale no profile encodes: \"%.*s\" in: %.*s\n",
				            seeds[s].name, (int)(w[i + 1].off + w[i + 1].len - w[i].off),
				            text + w[i].off, (int)(w[i].off - bol + eol), text + bol);
				missing++;
			}
		}
	}
	if (missing > 0)
		fail_msg("%zu timescale(s) in the seeds are in no profile's expectations", missing);
}

/* Every rule a council profile defines itself is in the table above. */
static void
test_every_council_rule_is_expected(void **state)
{
	const struct rule *r;
	size_t i, j, k;
	bool found;

	(void)state;
	for (i = 0; i < nprofiles; i++) {
		if (!is_council(profiles[i].name))
			continue;
		for (j = 0; j < profiles[i].nrules; j++) {
			r = &profiles[i].rules[j];
			if (strcmp(r->origin, profiles[i].name) != 0)
				continue;
			for (found = false, k = 0; k < NEXPECTS && !found; k++)
				found = strcmp(expects[k].profile, profiles[i].name) == 0 &&
				        strcmp(expects[k].rule, r->key) == 0;
			if (!found)
				fail_msg("%s %s (line %d) is tested against no seed sentence",
				         profiles[i].name, r->key, r->line);
		}
	}
}

static void
test_every_rule_cites_a_source(void **state)
{
	const struct profile_source *src;
	const struct rule *r;
	size_t i, j;

	(void)state;
	/* the profiles DESIGN.md names, and the corporate tracks */
	profile_named("statutory");
	profile_named("corporate");
	profile_named("essex");
	profile_named("oxfordshire");
	profile_named("gloucestershire");
	profile_named("gloucestershire-corporate");
	profile_named("bournemouth");
	for (i = 0; i < nprofiles; i++) {
		assert_true(profiles[i].nrules > 0);
		for (j = 0; j < profiles[i].nrules; j++) {
			r = &profiles[i].rules[j];
			src = profile_source(&profiles[i], r->source);
			if (src == NULL || src->text[0] == '\0')
				fail_msg("%s %s: source \"%s\" does not resolve", profiles[i].name, r->key,
				         r->source);
			if (r->label[0] == '\0')
				fail_msg("%s %s: no label", profiles[i].name, r->key);
		}
	}
}

/* A council's rule quotes that council's own page, word for word. */
static void
test_council_quotes_are_verbatim(void **state)
{
	const struct rule *r;
	size_t i, j, s, plen;
	bool found;

	(void)state;
	for (i = 0; i < nprofiles; i++) {
		for (j = 0; j < profiles[i].nrules; j++) {
			r = &profiles[i].rules[j];
			if (!is_council(r->origin))
				continue;
			if (r->quote[0] == '\0')
				fail_msg("%s %s (line %d of %s): no quote", profiles[i].name, r->key,
				         r->line, r->origin);
			/* gloucestershire-corporate quotes gloucestershire-*.txt */
			plen = strcspn(r->origin, "-");
			for (found = false, s = 0; s < nseeds && !found; s++)
				found = strncmp(seeds[s].name, r->origin, plen) == 0 &&
				        seeds[s].name[plen] == '-' &&
				        find_from(seeds[s].text, 0, r->quote, NULL) >= 0;
			if (!found)
				fail_msg("%s %s (line %d of %s): quote not found in the council's seed "
				         "texts: \"%s\"", profiles[i].name, r->key, r->line, r->origin,
				         r->quote);
		}
	}
}

/* The checks themselves: a number in words, a unit, an age. */
static void
test_reading_timescales(void **state)
{
	bool plain;

	(void)state;
	assert_true(says("within ten working days", 10, UNIT_WORKING_DAYS, &plain));
	assert_false(plain);
	assert_true(says("within 20 days of the panel.", 20, UNIT_WORKING_DAYS, &plain));
	assert_true(plain);
	assert_true(says("within the last 12 months.", 12, UNIT_MONTHS, &plain));
	assert_true(says("within one year of the event", 1, UNIT_YEARS, &plain));
	assert_true(says("within two weeks.", 2, UNIT_WEEKS, &plain));
	assert_false(says("within 10 working days", 20, UNIT_WORKING_DAYS, &plain));
	assert_false(says("within 10 weeks", 10, UNIT_WORKING_DAYS, &plain));
	assert_false(says("within 10 days", 10, UNIT_WEEKS, &plain));
	assert_false(says("up to 25 years old", 25, UNIT_YEARS, &plain));
	assert_false(says("ten", 10, UNIT_WORKING_DAYS, &plain));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reading_timescales),
		cmocka_unit_test(test_gloucestershire),
		cmocka_unit_test(test_gloucestershire_corporate),
		cmocka_unit_test(test_oxfordshire),
		cmocka_unit_test(test_essex),
		cmocka_unit_test(test_bournemouth),
		cmocka_unit_test(test_corporate),
		cmocka_unit_test(test_every_seed_timescale_is_expected),
		cmocka_unit_test(test_every_council_rule_is_expected),
		cmocka_unit_test(test_every_rule_cites_a_source),
		cmocka_unit_test(test_council_quotes_are_verbatim),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
