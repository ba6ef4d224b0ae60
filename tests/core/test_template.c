/* test_template.c - letter templates: the syntax, fields checked at load
 * against a profile, filling from a case, and hostile text made safe.
 * Dates worked by hand over the England and Wales calendar. */
#include <stdbool.h>

#include "testutil.h"

#include "redress/clock.h"
#include "redress/profile.h"
#include "redress/share.h"
#include "redress/template.h"
#include "redress/workflow.h"

static struct calendar ew;
static struct profile statutory, corporate;

static int
setup(void **state)
{
	struct err err;

	setenv("REDRESS_SHARE", testutil_share(), 0);
	testutil_calendar_setup(&ew, state);
	if (share_profile("statutory", &statutory, &err) != 0 ||
	    share_profile("corporate", &corporate, &err) != 0)
		fail_msg("profile: %s", err.msg);
	return 0;
}

/* Parses s against p; the message when it fails, NULL when it loads. */
static const char *
parse_err(const char *s, const struct profile *p)
{
	static struct err err;
	struct template *t = NULL;

	if (template_parse(s, strlen(s), "t", p, &t, &err) == 0) {
		template_free(&t);
		return NULL;
	}
	assert_null(t);
	return err.msg;
}

/* A case received Tue 1 June 2027 and acknowledged the next day, with the
 * events given, its deadlines computed on 30 June 2027. */
struct fixture {
	struct template_case c;
	struct wf_event ev[8];
	struct clock_event ce[16];
	struct deadline dl[PROFILE_RULES_MAX];
};

static void
fixture(struct fixture *f, const struct profile *p, const struct wf_event *extra, size_t n)
{
	struct err err;
	size_t i, nce, nd;

	memset(f, 0, sizeof *f);
	f->ev[0] = (struct wf_event){ .type = EV_RECEIVED, .date = D("2027-06-01") };
	f->ev[1] = (struct wf_event){ .type = EV_ACKNOWLEDGED, .date = D("2027-06-02") };
	for (i = 0; i < n; i++)
		f->ev[2 + i] = extra[i];
	nce = workflow_clock_events(f->ev, 2 + n, f->ce, 16);
	if (clock_compute(p, &ew, ROUTE_COMPLAINT, f->ce, nce, D("2027-06-30"), f->dl,
	                  PROFILE_RULES_MAX, &nd, &err) != 0)
		fail_msg("clock: %s", err.msg);
	f->c.date = D("2027-06-30");
	f->c.authority = "Borsetshire County Council";
	f->c.ref = "CSC-2027-0001";
	f->c.route = ROUTE_COMPLAINT;
	f->c.received = D("2027-06-01");
	f->c.stage = 1;
	f->c.complainant = "Sam Example";
	f->c.child = "Zoë Example";
	f->c.events = f->ev;
	f->c.nevents = 2 + n;
	f->c.profile = p;
	f->c.deadlines = f->dl;
	f->c.ndeadlines = nd;
}

/* Fills s for f; returns the letter (static) or the error with a "!" first. */
static const char *
fill(const char *s, const struct fixture *f)
{
	static char out[8192];
	struct template *t;
	struct err err;
	char *text;
	size_t len;

	if (template_parse(s, strlen(s), "t", f->c.profile, &t, &err) != 0)
		fail_msg("parse: %s", err.msg);
	if (template_fill(t, &f->c, &text, &len, &err) != 0) {
		template_free(&t);
		snprintf(out, sizeof out, "!%s", err.msg);
		return out;
	}
	assert_int_equal(strlen(text), len);
	snprintf(out, sizeof out, "%s", text);
	free(text);
	template_free(&t);
	return out;
}

static void
test_unknown_fields_at_load(void **state)
{
	(void)state;
	assert_null(parse_err("Dear {{addressee}},\n{{today}} {{ case.ref }}\n", &statutory));
	assert_string_equal(parse_err("Dear {{addressee}},\n\nto {{complainant.nmae}}\n", &statutory),
	                    "t:3: unknown field \"complainant.nmae\" (see: redress letter --fields)");
	/* a deadline must be a rule of the profile ... */
	assert_string_equal(parse_err("{{deadline.stage1_reponse}}", &statutory),
	                    "t:1: unknown field \"deadline.stage1_reponse\" (see: redress letter "
	                    "--fields)");
	assert_non_null(parse_err("{{deadline.acknowledge}}", &statutory));
	assert_null(parse_err("{{deadline.acknowledge}}", &corporate));
	/* ... or one it drops (known, never a value) */
	assert_null(parse_err("{{deadline.stage2_request}}", &corporate));
	/* without a profile, no deadline is known */
	assert_non_null(parse_err("{{deadline.stage1_response}}", NULL));
	assert_null(parse_err("{{event.panel_date}} {{event.letter_sent}}", NULL));
	assert_non_null(parse_err("{{event.panel-date}}", NULL));
	assert_null(parse_err("{{rule.stage1_response.within}} {{rule.stage1_response.extended}}",
	                      &statutory));
	assert_non_null(parse_err("{{rule.stage1_response.length}}", &statutory));
	assert_non_null(parse_err("{{rule.stage1_response}}", &statutory));
	assert_string_equal(parse_err("a\n{{}}\n", NULL), "t:2: an empty {{}}");
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	assert_string_equal(parse_err("a\nb {{today\n", NULL), "t:2: {{ without }} on the same line");
	assert_string_equal(parse_err("{{if today}}\nx\n", NULL), "t:1: {{if}} without {{end}}");
	assert_string_equal(parse_err("x\n{{end}}\n", NULL), "t:2: {{end}} without {{if}}");
	assert_string_equal(parse_err("{{else}}\n", NULL), "t:1: {{else}} without {{if}}");
	assert_string_equal(parse_err("{{if today}}\n{{else}}\n{{else}}\n{{end}}\n", NULL),
	                    "t:3: a second {{else}} for one {{if}}");
	assert_string_equal(parse_err("x {{if today}}\n{{end}}\n", NULL),
	                    "t:1: {{if}}, {{else}} and {{end}} stand on a line of their own");
	assert_string_equal(parse_err("{{if}}\n{{end}}\n", NULL), "t:1: {{if}} needs a field");
	assert_string_equal(parse_err("{{if nonsense}}\n{{end}}\n", NULL),
	                    "t:1: unknown field \"nonsense\" (see: redress letter --fields)");
	assert_string_equal(parse_err("{{if today}}\n{{end now}}\n", NULL),
	                    "t:2: {{end}} takes nothing after it");
	/* controls in the template itself: refused; CRLF is fine */
	assert_string_equal(parse_err("ok\n\033[2J\n", NULL),
	                    "t:2: a control or invisible character (U+001B)");
	assert_string_equal(parse_err("a\xe2\x80\xae", NULL),
	                    "t:1: a control or invisible character (U+202E)");
	assert_string_equal(parse_err("\xff", NULL), "t:1: not valid UTF-8");
	assert_null(parse_err("a\r\nb\tc\r\n", NULL));
}

static void
test_fill(void **state)
{
	struct fixture f;

	(void)state;
	fixture(&f, &statutory, NULL, 0);
	/* 10 working days after Tue 1 June 2027: Tue 15 June; 20: Tue 29 June */
	assert_string_equal(fill("{{# a comment line disappears}}\n"
	                         "{{authority}}, {{today}}\n"
	                         "Dear {{addressee}}, about {{child.name}} ({{case.ref}}):\n"
	                         "received {{case.received}}, {{stage}}, by "
	                         "{{deadline.stage1_response}}{{# inline}} or at most "
	                         "{{deadline.stage1_response_max}} ({{rule.stage1_response.within}}"
	                         ", {{rule.stage1_response.extended}} extended).\n", &f),
	                    "Borsetshire County Council, Wednesday 30 June 2027\n"
	                    "Dear Sam Example, about Zoë Example (CSC-2027-0001):\n"
	                    "received Tuesday 1 June 2027, Stage 1, by Tuesday 15 June 2027 or at "
	                    "most Tuesday 29 June 2027 (10 working days, 20 working days extended).\n");
	assert_string_equal(fill("{{ombudsman.name}}\n{{ombudsman.address}}\n"
	                         "{{ombudsman.telephone}} {{ombudsman.website}}", &f),
	                    "Local Government and Social Care Ombudsman\n"
	                    "PO Box 4771, Coventry CV4 0EH\n0300 061 0614 www.lgo.org.uk");
	/* the child when there is no complainant */
	f.c.complainant = NULL;
	assert_string_equal(fill("Dear {{addressee}},", &f), "Dear Zoë Example,");
	/* a field with no value is an error naming it, not a blank */
	assert_string_equal(fill("x\n{{complainant.name}}\n", &f),
	                    "!t:2: {{complainant.name}} has no value for CSC-2027-0001: the case has "
	                    "none");
	assert_string_equal(fill("{{deadline.stage2_response}}", &f),
	                    "!t:1: {{deadline.stage2_response}} has no value for CSC-2027-0001: its "
	                    "clock has not started on this case (rule stage2_response)");
	assert_string_equal(fill("{{event.panel_date}}", &f),
	                    "!t:1: {{event.panel_date}} has no value for CSC-2027-0001: no \"review "
	                    "panel arranged for this date\" on the timeline");
	assert_string_equal(fill("{{stage2.refused}}", &f),
	                    "!t:1: {{stage2.refused}} has no value for CSC-2027-0001: the Stage 2 "
	                    "request was not decided");
}

static void
test_conditions(void **state)
{
	static const char tpl[] = "a\n"
	                          "{{if complainant.name}}\n"
	                          "to {{complainant.name}}\n"
	                          "{{if deadline.stage2_request}}\n"
	                          "ask by {{deadline.stage2_request}}\n"
	                          "{{else}}\n"
	                          "ask us\n"
	                          "{{end}}\n"
	                          "{{else}}\n"
	                          "to {{child.name}}\n"
	                          "{{end}}\n"
	                          "z\n";
	const struct wf_event ev[] = {
		{ .type = EV_STAGE1_RESPONSE_SENT, .date = D("2027-06-14") },
	};
	struct fixture f;

	(void)state;
	fixture(&f, &statutory, NULL, 0);
	assert_string_equal(fill(tpl, &f), "a\nto Sam Example\nask us\nz\n");
	/* Stage 1 answered Mon 14 June 2027: 20 working days -> Mon 12 July */
	fixture(&f, &statutory, ev, 1);
	assert_string_equal(fill(tpl, &f), "a\nto Sam Example\nask by Monday 12 July 2027\nz\n");
	/* corporate drops the window: known, never a value */
	fixture(&f, &corporate, ev, 1);
	assert_string_equal(fill(tpl, &f), "a\nto Sam Example\nask us\nz\n");
	f.c.complainant = "";
	assert_string_equal(fill(tpl, &f), "a\nto Zoë Example\nz\n");
}

static void
test_decisions_and_extensions(void **state)
{
	const struct wf_event ev[] = {
		{ .type = EV_STAGE1_EXTENDED, .date = D("2027-06-10") },
		{ .type = EV_STAGE1_RESPONSE_SENT, .date = D("2027-06-14") },
		{ .type = EV_STAGE2_REQUESTED, .date = D("2027-06-16") },
		{ .type = EV_STAGE2_DECISION_SENT, .date = D("2027-06-18"),
		  .decision = DECISION_REFUSED, .reason = REFUSAL_LATE_REQUEST,
		  .ombudsman_told = true },
	};
	struct fixture f;

	(void)state;
	fixture(&f, &statutory, ev, 1);
	/* extended Stage 1: 20 working days after 1 June -> Tue 29 June */
	assert_string_equal(fill("{{stage}}: {{stage.response_due}} ({{event.stage1_extended}})", &f),
	                     "Stage 1: Tuesday 29 June 2027 (Thursday 10 June 2027)");
	fixture(&f, &statutory, ev, 4);
	f.c.stage = 1; /* a refused request leaves the complaint at Stage 1 */
	assert_string_equal(fill("{{stage2.refused}}: {{stage2.reason}}", &f),
	                    "Friday 18 June 2027: the request came after its time limit");
	assert_string_equal(fill("{{stage2.accepted}}", &f),
	                    "!t:1: {{stage2.accepted}} has no value for CSC-2027-0001: the Stage 2 "
	                    "request was refused");
	f.c.stage = 0;
	f.c.route = ROUTE_COMPLIMENT;
	assert_string_equal(fill("{{stage}}", &f),
	                    "!t:1: {{stage}} has no value for CSC-2027-0001: the case is not at a "
	                    "stage of the procedure");
}

static void
test_hostile_text(void **state)
{
	struct fixture f;

	(void)state;
	fixture(&f, &statutory, NULL, 0);
	f.c.complainant = "Eve\033[2J\033]0;owned\007 Example";
	f.c.team = "North\xe2\x80\xae CIN";
	f.c.summary = "line one\nline\ttwo";
	f.c.authority = "Evil\x9b" "Council";
	assert_string_equal(fill("Dear {{complainant.name}} / {{case.team}} / {{case.summary}}", &f),
	                    "Dear Eve\\x1b[2J\\x1b]0;owned\\x07 Example / North<U+202E> CIN / "
	                    "line one line two");
	/* malformed UTF-8 in data is shown, not passed on */
	assert_string_equal(fill("{{authority}}", &f), "Evil\\x9bCouncil");
}

static int
count_field(const char *name, const char *what, void *ctx)
{
	int *n = ctx;

	(void)what;
	if (strcmp(name, "deadline.stage2_request") == 0 || strcmp(name, "today") == 0 ||
	    strcmp(name, "event.letter_sent") == 0)
		(*n)++;
	return 0;
}

static void
test_fields(void **state)
{
	int n = 0;

	(void)state;
	assert_int_equal(template_fields(&corporate, count_field, &n), 0);
	assert_int_equal(n, 3); /* the dropped rule listed too */
	n = 0;
	assert_int_equal(template_fields(NULL, count_field, &n), 0);
	assert_int_equal(n, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_fields_at_load),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_decisions_and_extensions),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_fields),
	};

	return cmocka_run_group_tests_name("template", tests, setup, testutil_calendar_teardown);
}
