/* test_profile.c - redress-profile(5) parsing, its FILE:LINE: errors, checks and inheritance. */
#include "testutil.h"

#include "redress/err.h"
#include "redress/profile.h"

/* Profiles are large plain structs: keep them off the (sanitised) stack. */
static struct profile parent, child;

static const char root_text[] =
	"# a root profile, as small as it can be\n"
	"profile   root\n"
	"title     Root for tests\n"
	"calendar  england-and-wales\n"
	"\n"
	"source reg  The Regulations\n"
	"source gbfc The guidance\n"
	"\n"
	"rule stage1_response\n"
	"\tlabel   Stage 1 response\n"
	"\tstage   1\n"
	"\tfrom    received\n"
	"\twithin  10 working-days\n"
	"\textend  stage1_extended 20 working-days\n"
	"\tdone    stage1_response_sent\n"
	"\tparty   council\n"
	"\tbasis   regulation\n"
	"\tsource  reg reg 14\n"
	"\tquote   The response shall be given\n"
	"\tquote   within 10 working days.\n"
	"\tnote    The parent's note.\n"
	"\n"
	"rule stage2_request\n"
	"\tlabel   Stage 2 request window\n"
	"\tstage   2\n"
	"\tfrom    stage1_response_sent\n"
	"\twithin  20 working-days\n"
	"\tdone    stage2_requested\n"
	"\tparty   complainant\n"
	"\tbasis   guidance\n"
	"\tsource  gbfc\n"
	"\n"
	"rule panel_notice\n"
	"\tstage   3\n"
	"\tfrom    panel_date\n"
	"\tbefore  10 working-days\n"
	"\tdone    panel_notice_sent\n"
	"\tsource  gbfc\n";

/* Parses text as FILE "t.profile"; fails the test with the message if it
 * does not parse. */
static void
parse_ok(struct profile *p, const char *text)
{
	struct err err;

	memset(&err, 0, sizeof err);
	if (profile_parse(p, text, strlen(text), "t.profile", &err) != 0)
		fail_msg("profile did not parse: %s", err.msg);
}

/* Asserts that text fails to parse with a message that begins "t.profile:LINE: "
 * and contains what. */
static void
parse_fails(const char *text, int line, const char *what)
{
	struct profile *p = &child;
	struct err err;
	char prefix[64];

	memset(&err, 0, sizeof err);
	if (profile_parse(p, text, strlen(text), "t.profile", &err) == 0)
		fail_msg("profile parsed, but should fail at line %d with \"%s\"", line, what);
	snprintf(prefix, sizeof prefix, "t.profile:%d: ", line);
	if (strncmp(err.msg, prefix, strlen(prefix)) != 0 || strstr(err.msg, what) == NULL)
		fail_msg("error is \"%s\", want \"%s...%s...\"", err.msg, prefix, what);
}

/* Asserts that a parsed text fails profile_check with a message containing
 * both a and b. */
static void
check_fails(const char *text, const char *a, const char *b)
{
	struct err err;

	parse_ok(&child, text);
	memset(&err, 0, sizeof err);
	if (profile_check(&child, &err) == 0)
		fail_msg("profile_check accepted a profile that should fail with \"%s\"", a);
	if (strstr(err.msg, a) == NULL || strstr(err.msg, b) == NULL)
		fail_msg("error is \"%s\", want it to mention \"%s\" and \"%s\"", err.msg, a, b);
}

/* Parses the root as `parent` and text as `child`, then merges. */
static int
inherit(const char *text, struct err *err)
{
	parse_ok(&parent, root_text);
	parse_ok(&child, text);
	memset(err, 0, sizeof *err);
	return profile_inherit(&child, &parent, err);
}

static void
test_root_parses(void **state)
{
	const struct rule *r;
	struct err err;

	(void)state;
	parse_ok(&parent, root_text);
	assert_int_equal(profile_check(&parent, &err), 0);
	assert_string_equal(parent.name, "root");
	assert_string_equal(parent.title, "Root for tests");
	assert_string_equal(parent.calendar, "england-and-wales");
	assert_string_equal(parent.inherits, "");
	assert_int_equal(parent.nsources, 2);
	assert_string_equal(profile_source(&parent, "gbfc")->text, "The guidance");
	assert_null(profile_source(&parent, "nope"));
	assert_int_equal(parent.nrules, 3);

	r = profile_rule(&parent, "stage1_response");
	assert_non_null(r);
	assert_string_equal(r->label, "Stage 1 response");
	assert_int_equal(r->stage, 1);
	assert_int_equal(r->routes, 1u << ROUTE_COMPLAINT); /* the default route */
	assert_int_equal(r->from, EV_RECEIVED);
	assert_int_equal(r->amount, 10);
	assert_int_equal(r->unit, UNIT_WORKING_DAYS);
	assert_int_equal(r->extend_on, EV_STAGE1_EXTENDED);
	assert_int_equal(r->extend_amount, 20);
	assert_int_equal(r->extend_unit, UNIT_WORKING_DAYS);
	assert_int_equal(r->done, EV_STAGE1_RESPONSE_SENT);
	assert_int_equal(r->party, PARTY_COUNCIL);
	assert_int_equal(r->basis, BASIS_REGULATION);
	assert_string_equal(r->source, "reg");
	assert_string_equal(r->pinpoint, "reg 14");
	/* a quote over several lines reads as one sentence */
	assert_string_equal(r->quote, "The response shall be given within 10 working days.");
	assert_string_equal(r->origin, "root");
	assert_int_equal(r->line, 9);

	r = profile_rule(&parent, "stage2_request");
	assert_int_equal(r->party, PARTY_COMPLAINANT);
	assert_int_equal(r->basis, BASIS_GUIDANCE);
	assert_string_equal(r->pinpoint, "");
	assert_int_equal(r->extend_on, EV_NONE);

	/* `before` is a notice: a negative amount */
	r = profile_rule(&parent, "panel_notice");
	assert_int_equal(r->amount, -10);
	assert_int_equal(r->basis, BASIS_COUNCIL); /* the default basis */
	assert_null(profile_rule(&parent, "stage3_response"));
}

static void
test_units_and_routes(void **state)
{
	const struct rule *r;

	(void)state;
	parse_ok(&child,
	         "profile u\ncalendar c\nsource s S\n"
	         "rule a\n\tfrom aware\n\twithin 1 year\n\tdone received\n\tsource s\n"
	         "rule b\n\tfrom received\n\twithin 12 months\n\tdone received\n\tsource s\n"
	         "rule c\n\tfrom received\n\twithin 2 weeks\n\tdone received\n\tsource s\n"
	         "rule d\n\tfrom received\n\twithin 1 day\n\tdone received\n\tsource s\n"
	         "rule e\n\tfor comment request concern\n\tfrom received\n"
	         "\twithin 1 working-day\n\tdone response_sent\n\tsource s\n");
	assert_int_equal(profile_rule(&child, "a")->unit, UNIT_YEARS);
	assert_int_equal(profile_rule(&child, "b")->unit, UNIT_MONTHS);
	assert_int_equal(profile_rule(&child, "b")->amount, 12);
	assert_int_equal(profile_rule(&child, "c")->unit, UNIT_WEEKS);
	assert_int_equal(profile_rule(&child, "d")->unit, UNIT_DAYS);
	r = profile_rule(&child, "e");
	assert_int_equal(r->unit, UNIT_WORKING_DAYS);
	assert_int_equal(r->routes, (1u << ROUTE_COMMENT) | (1u << ROUTE_REQUEST) |
	                            (1u << ROUTE_CONCERN));
	assert_string_equal(unit_words(1, UNIT_WORKING_DAYS), "working day");
	assert_string_equal(unit_words(-10, UNIT_WORKING_DAYS), "working days");
}

static void
test_crlf_and_comments(void **state)
{
	(void)state;
	parse_ok(&child, "# comment\r\nprofile w\r\ncalendar c\r\nsource s S\r\n"
	                 "rule a\r\n\t# a comment inside a rule\r\n\tfrom received\r\n"
	                 "\twithin 3 days\r\n\tdone acknowledged\r\n\tsource s\r\n");
	assert_string_equal(child.name, "w");
	assert_string_equal(profile_rule(&child, "a")->source, "s");
	assert_int_equal(profile_rule(&child, "a")->amount, 3);
}

static void
test_parse_errors(void **state)
{
	(void)state;
	parse_fails("profile x\ncalendar c\nfrobnicate yes\n", 3, "unknown directive \"frobnicate\"");
	parse_fails("profile x\ncalendar c\nsource s S\nrule a\n\tfrom received\n\tcolour red\n",
	            6, "unknown rule field \"colour\"");
	parse_fails("profile x\ncalendar c\nrule a\n\tfrom recieved\n", 4,
	            "unknown event \"recieved\"");
	parse_fails("profile x\ncalendar c\nrule a\n\tdone stage4_response_sent\n", 4,
	            "unknown event \"stage4_response_sent\"");
	parse_fails("profile x\ncalendar c\nrule a\n\ttarget-from nothing\n", 4,
	            "unknown event \"nothing\"");
	parse_fails("profile x\ncalendar c\nrule a\n\twithin 10 fortnights\n", 4,
	            "unknown unit \"fortnights\"");
	parse_fails("profile x\ncalendar c\nrule a\n\textend stage1_extended 20 workdays\n", 4,
	            "unknown unit \"workdays\"");
	parse_fails("profile x\ncalendar c\nrule a\n\twithin -10 working-days\n", 4,
	            "bad number \"-10\"");
	parse_fails("profile x\ncalendar c\nrule a\n\tbefore -10 working-days\n", 4,
	            "bad number \"-10\"");
	parse_fails("profile x\ncalendar c\nrule a\n\twithin ten working-days\n", 4,
	            "bad number \"ten\"");
	parse_fails("profile x\ncalendar c\nrule a\n\twithin 10 working-days or so\n", 4,
	            "unexpected text after the unit");
	parse_fails("profile x\ncalendar c\nrule a\n\tfrom received acknowledged\n", 4,
	            "one event only");
	parse_fails("\tfrom received\nprofile x\n", 1, "indented line outside a rule");
	/* a top-level line ends the rule block */
	parse_fails("profile x\ncalendar c\nrule a\n\tfrom received\nsource s S\n\twithin 1 day\n",
	            6, "indented line outside a rule");
	parse_fails("profile x\ncalendar c\nsource s S\nrule a\n\tfrom received\n\n"
	            "rule a\n\tfrom received\n", 7, "rule \"a\" is defined twice");
	parse_fails("profile x\ncalendar c\nsource s S\nsource s T\n", 4,
	            "source \"s\" is defined twice");
	parse_fails("profile x\ncalendar c\nrule Stage1\n", 3, "bad key \"Stage1\"");
	parse_fails("profile x\ncalendar c\nrule a\n\tparty anyone\n", 4, "party");
	parse_fails("profile x\ncalendar c\nrule a\n\tfor everyone\n", 4,
	            "unknown route \"everyone\"");
	parse_fails("profile x\ncalendar c\nrule a\n\tstage 5\n", 4, "stage");
}

static void
test_parse_needs_name_and_calendar(void **state)
{
	struct err err;
	const char *t;

	(void)state;
	t = "calendar c\n";
	assert_int_not_equal(profile_parse(&child, t, strlen(t), "t.profile", &err), 0);
	assert_non_null(strstr(err.msg, "t.profile"));
	assert_non_null(strstr(err.msg, "profile NAME"));
	t = "profile x\n";
	assert_int_not_equal(profile_parse(&child, t, strlen(t), "t.profile", &err), 0);
	assert_non_null(strstr(err.msg, "calendar"));
	/* a child takes its parent's calendar */
	parse_ok(&child, "profile x\ninherits root\n");
}

static void
test_check_refuses(void **state)
{
	(void)state;
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule nosource\n\tfrom received\n\twithin 1 day\n\tdone acknowledged\n",
	            "nosource", "no source");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule nofrom\n\twithin 1 day\n\tdone acknowledged\n\tsource s\n",
	            "nofrom", "no \"from\" event");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule nodone\n\tfrom received\n\twithin 1 day\n\tsource s\n",
	            "nodone", "no \"done\" event");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule notime\n\tfrom received\n\tdone acknowledged\n\tsource s\n",
	            "notime", "\"within\"");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule badsource\n\tfrom received\n\twithin 1 day\n\tdone acknowledged\n"
	            "\tsource t\n",
	            "badsource", "unknown source \"t\"");
	/* the message says where the rule is */
	check_fails("profile x\ncalendar c\nsource s S\n\n"
	            "rule badsource\n\tfrom received\n\twithin 1 day\n\tdone acknowledged\n"
	            "\tsource t\n",
	            "badsource (line 5 of x)", "unknown source");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule a\n\tfrom panel_held\n\telse-due b\n\twithin 5 working-days\n"
	            "\tdone findings_sent\n\tsource s\n"
	            "rule b\n\tfrom findings_sent\n\telse-due a\n\twithin 15 working-days\n"
	            "\tdone stage3_response_sent\n\tsource s\n",
	            "else-due", "circle");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule a\n\tfrom panel_held\n\telse-due a\n\twithin 5 working-days\n"
	            "\tdone findings_sent\n\tsource s\n",
	            "else-due", "circle");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule a\n\tfrom panel_held\n\telse-due panel\n\twithin 5 working-days\n"
	            "\tdone findings_sent\n\tsource s\n",
	            "\"panel\"", "not a rule");
	check_fails("profile x\ncalendar c\nsource s S\n"
	            "rule a\n\tfrom panel_date\n\tbefore 10 working-days\n"
	            "\textend stage1_extended 20 working-days\n\tdone panel_notice_sent\n"
	            "\tsource s\n",
	            "rule a", "cannot be extended");
}

static void
test_child_overrides_only_what_it_sets(void **state)
{
	const struct rule *r;
	struct err err;

	(void)state;
	assert_int_equal(inherit("profile council\ninherits root\n"
	                         "source page  The council's page\n\n\n"
	                         "rule stage1_response\n"
	                         "\twithin  15 working-days\n"
	                         "\tsource  page\n", &err), 0);
	assert_string_equal(child.name, "council");
	assert_string_equal(child.calendar, "england-and-wales"); /* inherited */
	assert_string_equal(child.title, "Root for tests");
	assert_int_equal(child.nsources, 3);
	assert_non_null(profile_source(&child, "reg"));
	assert_non_null(profile_source(&child, "page"));
	assert_int_equal(child.nrules, 3);

	r = profile_rule(&child, "stage1_response");
	/* changed */
	assert_int_equal(r->amount, 15);
	assert_int_equal(r->unit, UNIT_WORKING_DAYS);
	assert_string_equal(r->source, "page");
	assert_string_equal(r->pinpoint, "");
	/* the parent's quote and note were not the council's words */
	assert_string_equal(r->quote, "");
	assert_string_equal(r->note, "");
	assert_string_equal(r->origin, "council");
	assert_int_equal(r->line, 6);
	/* kept */
	assert_string_equal(r->label, "Stage 1 response");
	assert_int_equal(r->stage, 1);
	assert_int_equal(r->from, EV_RECEIVED);
	assert_int_equal(r->done, EV_STAGE1_RESPONSE_SENT);
	assert_int_equal(r->party, PARTY_COUNCIL);
	assert_int_equal(r->basis, BASIS_REGULATION);
	assert_int_equal(r->extend_on, EV_STAGE1_EXTENDED);
	assert_int_equal(r->extend_amount, 20);
	assert_int_equal(r->routes, 1u << ROUTE_COMPLAINT);

	/* untouched rules come through as they were, in the parent's order */
	assert_string_equal(child.rules[0].key, "stage1_response");
	assert_string_equal(child.rules[1].key, "stage2_request");
	assert_string_equal(child.rules[2].key, "panel_notice");
	assert_string_equal(child.rules[1].origin, "root");
	assert_int_equal(child.rules[1].party, PARTY_COMPLAINANT);
}

static void
test_child_quote_and_note(void **state)
{
	const struct rule *r;
	struct err err;

	(void)state;
	/* a new source with its own quote keeps that quote */
	assert_int_equal(inherit("profile council\ninherits root\nsource page P\n"
	                         "rule stage1_response\n\tsource page s.1\n"
	                         "\tquote We reply within ten working days.\n", &err), 0);
	r = profile_rule(&child, "stage1_response");
	assert_string_equal(r->quote, "We reply within ten working days.");
	assert_string_equal(r->pinpoint, "s.1");
	assert_int_equal(r->amount, 10);

	/* no new source: the parent's source, quote and note stand */
	assert_int_equal(inherit("profile council\ninherits root\n"
	                         "rule stage1_response\n\tparty complainant\n", &err), 0);
	r = profile_rule(&child, "stage1_response");
	assert_int_equal(r->party, PARTY_COMPLAINANT);
	assert_string_equal(r->source, "reg");
	assert_string_equal(r->pinpoint, "reg 14");
	assert_string_equal(r->quote, "The response shall be given within 10 working days.");
	assert_string_equal(r->note, "The parent's note.");
	assert_int_equal(r->amount, 10);

	/* a new quote alone replaces the parent's */
	assert_int_equal(inherit("profile council\ninherits root\n"
	                         "rule stage1_response\n\tquote Other words.\n", &err), 0);
	assert_string_equal(profile_rule(&child, "stage1_response")->quote, "Other words.");
}

static void
test_child_adds_and_drops(void **state)
{
	const struct rule *r;
	struct err err;

	(void)state;
	assert_int_equal(inherit("profile council\ninherits root\nsource page P\n"
	                         "drop panel_notice\n"
	                         "rule acknowledge\n\tstage 1\n\tfrom received\n"
	                         "\twithin 2 working-days\n\tdone acknowledged\n\tsource page\n",
	                         &err), 0);
	assert_int_equal(child.nrules, 3);
	assert_null(profile_rule(&child, "panel_notice"));
	r = profile_rule(&child, "acknowledge");
	assert_non_null(r);
	assert_int_equal(r->amount, 2);
	assert_string_equal(r->origin, "council");
	/* new rules follow the parent's */
	assert_string_equal(child.rules[2].key, "acknowledge");

	/* a child rule may cite the parent's sources */
	assert_int_equal(inherit("profile council\ninherits root\n"
	                         "rule ack\n\tfrom received\n\twithin 2 working-days\n"
	                         "\tdone acknowledged\n\tsource gbfc\n", &err), 0);

	/* a child's source of the same id replaces the parent's */
	assert_int_equal(inherit("profile council\ninherits root\n"
	                         "source reg  The Regulations as amended\n", &err), 0);
	assert_int_equal(child.nsources, 2);
	assert_string_equal(profile_source(&child, "reg")->text, "The Regulations as amended");

	/* and the merged profile is checked */
	assert_int_not_equal(inherit("profile council\ninherits root\n"
	                             "rule ack\n\tfrom received\n\twithin 2 working-days\n"
	                             "\tdone acknowledged\n", &err), 0);
	assert_non_null(strstr(err.msg, "ack"));
	assert_non_null(strstr(err.msg, "no source"));
}

static void
test_drop_unknown_rule(void **state)
{
	struct err err;

	(void)state;
	assert_int_not_equal(inherit("profile council\ninherits root\ndrop stage9_response\n",
	                             &err), 0);
	assert_non_null(strstr(err.msg, "council"));
	assert_non_null(strstr(err.msg, "stage9_response"));
	/* the failed merge leaves the child as it was parsed */
	assert_int_equal(child.nrules, 0);
	assert_string_equal(child.inherits, "root");
}

static void
test_inherit_wrong_parent(void **state)
{
	struct err err;

	(void)state;
	assert_int_not_equal(inherit("profile council\ninherits statutory\n", &err), 0);
	assert_non_null(strstr(err.msg, "statutory"));
	assert_non_null(strstr(err.msg, "root"));
}

static void
test_event_lookup(void **state)
{
	int ev;

	(void)state;
	assert_int_equal(event_lookup("stage1_response_sent"), EV_STAGE1_RESPONSE_SENT);
	assert_int_equal(event_lookup("stage1-response-sent"), EV_STAGE1_RESPONSE_SENT);
	assert_int_equal(event_lookup("panel-held"), EV_PANEL_HELD);
	assert_int_equal(event_lookup("new-information"), EV_NEW_INFORMATION);
	assert_int_equal(event_lookup("none"), EV_NONE);
	assert_int_equal(event_lookup(""), EV_NONE);
	assert_int_equal(event_lookup("Received"), EV_NONE);
	assert_int_equal(event_lookup("received "), EV_NONE);
	/* every event's name finds it again */
	for (ev = EV_NONE + 1; ev < EV_COUNT; ev++) {
		assert_int_equal(event_lookup(event_name((enum event_type)ev)), ev);
		assert_string_not_equal(event_describe((enum event_type)ev), "");
	}
	/* and profiles may spell events with hyphens */
	parse_ok(&child, "profile x\ncalendar c\nsource s S\n"
	                 "rule a\n\tfrom stage1-response-sent\n\twithin 20 working-days\n"
	                 "\tdone stage2-requested\n\ttarget-from statement-agreed\n"
	                 "\trestart-on new-information stage1-started\n\tsource s\n");
	assert_int_equal(child.rules[0].from, EV_STAGE1_RESPONSE_SENT);
	assert_int_equal(child.rules[0].done, EV_STAGE2_REQUESTED);
	assert_int_equal(child.rules[0].target_from, EV_STATEMENT_AGREED);
	assert_int_equal(child.rules[0].nrestart, 2);
	assert_int_equal(child.rules[0].restart_on[0], EV_NEW_INFORMATION);
	assert_int_equal(child.rules[0].restart_on[1], EV_STAGE1_STARTED);
}

/* A council restating a rule of the Regulations keeps the Regulations'
 * timing as a floor; a rule moved to the Complaint Handling Code (another
 * procedure) does not; `extend none` removes the parent's extension. */
static void
test_regulations_floor(void **state)
{
	const struct rule *r;
	struct err err;

	(void)state;
	assert_int_equal(inherit("profile child\ninherits root\n"
	                         "source c  The council\n"
	                         "rule stage1_response\n\tfrom acknowledged\n"
	                         "\twithin 15 working-days\n\textend none\n"
	                         "\tbasis council\n\tsource c\n"
	                         "rule stage2_request\n\twithin 30 working-days\n"
	                         "\tbasis council\n\tsource c\n", &err), 0);
	r = profile_rule(&child, "stage1_response");
	assert_non_null(r);
	assert_int_equal(r->amount, 15);
	assert_int_equal(r->extend_on, EV_NONE);
	assert_true(r->floor.set);
	assert_int_equal(r->floor.from, EV_RECEIVED);
	assert_int_equal(r->floor.amount, 10);
	assert_int_equal(r->floor.extend_on, EV_STAGE1_EXTENDED);
	assert_int_equal(r->floor.extend_amount, 20);
	assert_string_equal(r->floor.pinpoint, "reg 14");
	/* the guidance is no floor */
	assert_false(profile_rule(&child, "stage2_request")->floor.set);
	assert_int_equal(inherit("profile child\ninherits root\nsource chc  The Code\n"
	                         "rule stage1_response\n\tfrom acknowledged\n"
	                         "\tbasis code\n\tsource chc\n", &err), 0);
	assert_false(profile_rule(&child, "stage1_response")->floor.set);
	parse_fails("profile x\ncalendar c\nrule a\n\textend none 20 working-days\n", 4,
	            "extend");
}

/* deadlines --long names where a rule comes from, not the profile's ids */
static void
test_cite(void **state)
{
	struct rule r;
	char buf[128];

	(void)state;
	parse_ok(&parent, root_text);
	memset(&r, 0, sizeof r);
	snprintf(r.source, sizeof r.source, "reg");
	snprintf(r.pinpoint, sizeof r.pinpoint, "reg 14(2)");
	profile_cite(&parent, &r, buf, sizeof buf);
	assert_string_equal(buf, "Regulation 14(2)");
	snprintf(r.pinpoint, sizeof r.pinpoint, "para 3.1");
	profile_cite(&parent, &r, buf, sizeof buf);
	assert_string_equal(buf, "paragraph 3.1");
	snprintf(r.pinpoint, sizeof r.pinpoint, "regime 2");
	profile_cite(&parent, &r, buf, sizeof buf);
	assert_string_equal(buf, "regime 2");
	/* no pinpoint: the source's text, without its address */
	r.pinpoint[0] = '\0';
	snprintf(r.source, sizeof r.source, "gbfc");
	profile_cite(&parent, &r, buf, sizeof buf);
	assert_string_equal(buf, "The guidance");
	snprintf(parent.sources[0].text, sizeof parent.sources[0].text,
	         "The Regulations 2006, https://example.org/2006");
	snprintf(r.source, sizeof r.source, "reg");
	profile_cite(&parent, &r, buf, sizeof buf);
	assert_string_equal(buf, "The Regulations 2006");
	snprintf(parent.sources[0].text, sizeof parent.sources[0].text,
	         "DfES, Getting the Best: Social Care (2006)");
	profile_cite(&parent, &r, buf, sizeof buf);
	assert_string_equal(buf, "DfES, Getting the Best");
	snprintf(r.source, sizeof r.source, "nowhere");
	profile_cite(&parent, &r, buf, sizeof buf);
	assert_string_equal(buf, "nowhere");
}

/* The differences an admin reads before a profile replaces the book's:
 * rule by rule, each field of a changed rule on its own, new rules in
 * order, then those removed. */
static void
test_diff(void **state)
{
	static const char next_text[] =
		"profile   next\n"
		"title     The next one\n"
		"calendar  england-and-wales\n"
		"source reg  The Regulations\n"
		"source ours Our policy\n"
		"rule stage1_response\n"
		"\tstage   1\n"
		"\tfrom    received\n"
		"\twithin  5 working-days\n"
		"\tdone    stage1_response_sent\n"
		"\tbasis   council\n"
		"\tsource  ours\n"
		"rule panel_notice\n"
		"\tstage   3\n"
		"\tfrom    panel_date\n"
		"\tbefore  10 working-days\n"
		"\tdone    panel_notice_sent\n"
		"\tsource  reg\n"
		"rule stage9\n"
		"\tstage   3\n"
		"\tfrom    received\n"
		"\twithin  1 days\n"
		"\tdone    stage1_response_sent\n"
		"\tsource  ours\n";
	struct profile_diff *d;
	size_t n;

	(void)state;
	parse_ok(&parent, root_text);
	parse_ok(&child, next_text);
	assert_int_equal(profile_diff(&parent, &child, &d, &n), 0);
	assert_int_equal(n, 7);
	assert_int_equal(d[0].change, PROFILE_CHANGED);
	assert_string_equal(d[0].rule, "stage1_response");
	assert_string_equal(d[0].field, "within");
	assert_string_equal(d[0].was, "10 working days after received");
	assert_string_equal(d[0].now, "5 working days after received");
	assert_string_equal(d[1].field, "extend");
	assert_string_equal(d[1].was, "20 working days once stage1_extended");
	assert_string_equal(d[1].now, "none");
	assert_string_equal(d[2].field, "basis");
	assert_string_equal(d[2].was, "regulation");
	assert_string_equal(d[2].now, "council");
	assert_string_equal(d[3].field, "source");
	assert_string_equal(d[3].was, "The Regulations, reg 14");
	assert_string_equal(d[3].now, "Our policy");
	/* panel_notice: its source's id differs, its text too */
	assert_string_equal(d[4].rule, "panel_notice");
	assert_string_equal(d[4].field, "source");
	assert_string_equal(d[4].was, "The guidance");
	assert_string_equal(d[4].now, "The Regulations");
	assert_int_equal(d[5].change, PROFILE_ADDED);
	assert_string_equal(d[5].rule, "stage9");
	assert_string_equal(d[5].now, "1 day after received");
	assert_int_equal(d[6].change, PROFILE_REMOVED);
	assert_string_equal(d[6].rule, "stage2_request");
	free(d);
	/* the same profile: none */
	assert_int_equal(profile_diff(&parent, &parent, &d, &n), 0);
	assert_int_equal(n, 0);
	assert_null(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_parses),
		cmocka_unit_test(test_cite),
		cmocka_unit_test(test_units_and_routes),
		cmocka_unit_test(test_crlf_and_comments),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_needs_name_and_calendar),
		cmocka_unit_test(test_check_refuses),
		cmocka_unit_test(test_child_overrides_only_what_it_sets),
		cmocka_unit_test(test_child_quote_and_note),
		cmocka_unit_test(test_child_adds_and_drops),
		cmocka_unit_test(test_drop_unknown_rule),
		cmocka_unit_test(test_inherit_wrong_parent),
		cmocka_unit_test(test_event_lookup),
		cmocka_unit_test(test_regulations_floor),
		cmocka_unit_test(test_diff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
