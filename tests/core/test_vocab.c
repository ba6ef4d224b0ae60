/* test_vocab.c - the vocabularies as tables: every name found again and
 * "none" not, the lists in messages and help, the flags events carry, and
 * the names each part of the program has always used. */
#include "testutil.h"

#include "redress/codes.h"
#include "redress/profile.h"
#include "redress/vocab.h"
#include "redress/workflow.h"

static void
test_every_name(void **state)
{
	int v, i;

	(void)state;
	for (v = 0; v < VOCAB_COUNT; v++) {
		assert_int_equal(vocab_find(vocab_key((enum vocab_id)v)), v);
		assert_true(vocab_size((enum vocab_id)v) > 1);
		for (i = 0; i < vocab_size((enum vocab_id)v); i++) {
			const char *n = vocab_name((enum vocab_id)v, i);

			assert_non_null(vocab_label((enum vocab_id)v, i));
			if (vocab_flags((enum vocab_id)v, i) & VOCAB_UNKNOWN)
				assert_int_equal(vocab_lookup((enum vocab_id)v, n), -1);
			else
				assert_int_equal(vocab_lookup((enum vocab_id)v, n), i);
		}
		assert_string_equal(vocab_name((enum vocab_id)v, -1), "?");
		assert_string_equal(vocab_name((enum vocab_id)v, vocab_size((enum vocab_id)v)), "?");
		assert_int_equal(vocab_lookup((enum vocab_id)v, "no-such-word"), -1);
	}
	assert_int_equal(vocab_find("grumble"), -1);
	assert_int_equal(vocab_size(VOCAB_COUNT), 0);
	assert_string_equal(vocab_name(VOCAB_COUNT, 0), "?");
}

static void
test_sizes(void **state)
{
	(void)state;
	assert_int_equal(vocab_size(VOCAB_KIND), ROUTE_COUNT);
	assert_int_equal(vocab_size(VOCAB_CHANNEL), CHANNEL_COUNT);
	assert_int_equal(vocab_size(VOCAB_PARTY_ROLE), PARTY_ROLE_COUNT);
	assert_int_equal(vocab_size(VOCAB_OUTCOME), OUTCOME_COUNT);
	assert_int_equal(vocab_size(VOCAB_EXT_REASON), EXT_REASON_COUNT);
	assert_int_equal(vocab_size(VOCAB_FINDING), OMB_FINDING_COUNT);
	assert_int_equal(vocab_size(VOCAB_REFUSAL), REFUSAL_COUNT);
	assert_int_equal(vocab_size(VOCAB_EVENT), EV_COUNT);
	assert_int_equal(vocab_size(VOCAB_USER_ROLE), ROLE_ADMIN + 1);
	assert_int_equal(vocab_size(VOCAB_STATUS), CASE_SAFEGUARDING + 1);
	assert_int_equal(vocab_size(VOCAB_DECISION), DECISION_REFUSED + 1);
}

static void
test_lists(void **state)
{
	char list[512];

	(void)state;
	assert_string_equal(vocab_list(VOCAB_KIND, 0, list, sizeof list),
	                    "complaint, comment, compliment, concern, request, anonymous, redirected");
	assert_string_equal(vocab_list(VOCAB_CHANNEL, 0, list, sizeof list),
	                    "online, phone, text, email, letter, in-person, staff, advocate");
	assert_string_equal(vocab_list(VOCAB_OUTCOME, VOCAB_OR, list, sizeof list),
	                    "upheld, partly-upheld, not-upheld or unable-to-determine");
	assert_string_equal(vocab_list(VOCAB_REFUSAL, 0, list, sizeof list),
	                    "over-a-year, legal-proceedings, not-eligible, out-of-scope, late-request");
	assert_string_equal(vocab_list(VOCAB_USER_ROLE, VOCAB_DESC, list, sizeof list),
	                    "admin, manager, caseworker, auditor");
	assert_string_equal(vocab_list(VOCAB_EXT_REASON, VOCAB_PIPE, list, sizeof list),
	                    "complexity|availability|complainant|independent|advocacy|other");
	assert_string_equal(vocab_list(VOCAB_STATUS, 0, list, sizeof list),
	                    "open, closed, withdrawn, declined, redirected, safeguarding");
	assert_string_equal(vocab_list(VOCAB_PARTY_ROLE, 0, list, sizeof list),
	                    "child, parent, parental-responsibility, foster-carer, special-guardian, "
	                    "care-leaver, relative, advocate, mp, professional, other");
	/* a short buffer is cut, never overrun; an empty one left alone */
	assert_string_equal(vocab_list(VOCAB_CHANNEL, 0, list, 9), "online, ");
	list[0] = 'x';
	vocab_list(VOCAB_CHANNEL, 0, list, 0);
	assert_int_equal(list[0], 'x');
}

static void
test_names_and_labels(void **state)
{
	const char *out[16];

	(void)state;
	assert_int_equal(vocab_names(VOCAB_USER_ROLE, ROLE_AUDITOR, out, 16), 4);
	assert_string_equal(out[0], "auditor");
	assert_string_equal(out[3], "admin");
	assert_int_equal(vocab_names(VOCAB_CHANNEL, 0, out, 2), 2);
	assert_int_equal(vocab_labels(VOCAB_ADVOCACY, 0, out, 16), 3);
	assert_string_equal(out[0], "no answer yet");
	assert_string_equal(vocab_label(VOCAB_OUTCOME, OUTCOME_PARTLY_UPHELD), "Partly upheld");
	assert_string_equal(vocab_name(VOCAB_PARTY_KIND, PARTY_KIND_COMPLAINANT), "complainant");
	/* the names of before */
	assert_string_equal(channel_name(CHANNEL_IN_PERSON), "in-person");
	assert_int_equal(outcome_lookup("none"), OUTCOME_NONE);
	assert_int_equal(role_lookup("none"), -1);
	assert_int_equal(role_lookup("admin"), ROLE_ADMIN);
	assert_string_equal(route_name(ROUTE_CONCERN), "concern");
	assert_string_equal(case_status_name(CASE_SAFEGUARDING), "safeguarding");
	assert_string_equal(refusal_describe(REFUSAL_NONE), "");
	assert_string_equal(event_name(EV_NONE), "none");
	assert_string_equal(event_name(EV_COUNT), "none");
	assert_string_equal(event_describe(EV_COUNT), "");
	assert_int_equal(event_lookup("stage1-response-sent"), EV_STAGE1_RESPONSE_SENT);
	assert_int_equal(event_lookup("none"), EV_NONE);
	assert_true(event_planned(EV_PANEL_DATE));
	assert_false(event_planned(EV_STAGE2_REQUESTED));
	assert_true(event_repeats(EV_STAGE2_REQUESTED));
	assert_true(event_repeats(EV_STAGE3_REQUESTED));
	assert_true(event_repeats(EV_PANEL_DATE));
	assert_false(event_repeats(EV_RECEIVED));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_name),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_names_and_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
