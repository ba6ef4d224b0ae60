/* test_codes.c - the vocabularies of extension reasons and Ombudsman
 * findings: every name found again, "none" and strangers not, the lists in
 * messages complete. */
#include "testutil.h"

#include "redress/codes.h"
#include "redress/vocab.h"

static void
test_ext_reasons(void **state)
{
	char list[256];
	int r;

	(void)state;
	for (r = 1; r < EXT_REASON_COUNT; r++) {
		assert_int_equal(ext_reason_lookup(ext_reason_name(r)), r);
		assert_true(strlen(ext_reason_describe(r)) > 0);
		assert_non_null(strstr(vocab_list(VOCAB_EXT_REASON, 0, list, sizeof list),
		                       ext_reason_name(r)));
	}
	assert_int_equal(ext_reason_lookup("complexity"), EXT_REASON_COMPLEXITY);
	assert_int_equal(ext_reason_lookup("none"), -1);
	assert_int_equal(ext_reason_lookup("Complexity"), -1);
	assert_int_equal(ext_reason_lookup(""), -1);
	assert_string_equal(ext_reason_name(EXT_REASON_NONE), "none");
	assert_string_equal(ext_reason_describe(EXT_REASON_NONE), "not recorded");
	assert_string_equal(ext_reason_name(EXT_REASON_COUNT), "?");
	assert_string_equal(ext_reason_name(-1), "?");
	assert_string_equal(vocab_list(VOCAB_EXT_REASON, 0, list, sizeof list),
	                    "complexity, availability, complainant, independent, advocacy, other");
	/* a short buffer is cut, never overrun */
	assert_string_equal(vocab_list(VOCAB_EXT_REASON, 0, list, 8), "complex");
}

static void
test_omb_findings(void **state)
{
	char list[256];
	int f;

	(void)state;
	for (f = 1; f < OMB_FINDING_COUNT; f++)
		assert_int_equal(omb_finding_lookup(omb_finding_name(f)), f);
	assert_int_equal(omb_finding_lookup("upheld-no-injustice"), OMB_FINDING_UPHELD_NO_INJUSTICE);
	assert_int_equal(omb_finding_lookup("premature"), OMB_FINDING_PREMATURE);
	assert_int_equal(omb_finding_lookup("none"), -1);
	assert_int_equal(omb_finding_lookup("maladministration"), -1);
	assert_string_equal(omb_finding_describe(OMB_FINDING_UPHELD), "upheld: fault causing injustice");
	assert_string_equal(omb_finding_name(OMB_FINDING_COUNT), "?");
	assert_string_equal(vocab_list(VOCAB_FINDING, 0, list, sizeof list),
	                    "upheld, upheld-no-injustice, not-upheld, closed-after-initial-enquiries, "
	                    "premature, withdrawn, other");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ext_reasons),
		cmocka_unit_test(test_omb_findings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
