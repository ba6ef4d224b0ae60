/* columns.c - the CSV columns of cases: their names and aliases, which
 * carry identity, and the steps a row can carry. */
#include <stdio.h>
#include <string.h>

#include "columns.h"

const struct import_col import_cols[C_COUNT] = {
	[C_REF] = { "reference|ref|case_reference", 0 },
	[C_KIND] = { "kind|type", 0 },
	[C_CHANNEL] = { "channel", 0 },
	[C_RECEIVED] = { "received|date_received", 0 },
	[C_AWARE] = { "aware|date_aware", 0 },
	[C_STATUS] = { "status", 0 },
	[C_STAGE] = { "stage|stage_reached", 0 },
	[C_TEAM] = { "team", 0 },
	[C_SERVICE] = { "service", 0 },
	[C_OWNER] = { "owner", 0 },
	[C_MANAGER] = { "manager", 0 },
	[C_INVESTIGATOR] = { "investigator", 0 },
	[C_INDEPENDENT] = { "independent|independent_person", 0 },
	[C_ADJUDICATOR] = { "adjudicator", 0 },
	[C_CHILD_NAME] = { "child_name", COL_IDENTITY },
	[C_CHILD_DOB] = { "child_dob", COL_IDENTITY },
	[C_COMP_NAME] = { "complainant_name", COL_IDENTITY },
	[C_COMP_DOB] = { "complainant_dob", COL_IDENTITY },
	[C_CHILD] = { "child", COL_PSEUDO },
	[C_COMPLAINANT] = { "complainant", COL_PSEUDO },
	[C_COMP_ROLE] = { "complainant_role|relationship", 0 },
	[C_SAFEGUARDING] = { "safeguarding", 0 },
	[C_REDIRECT] = { "redirect_to", 0 },
	[C_THANKED] = { "thanked", 0 },
	[C_SUMMARY] = { "summary", COL_IDENTITY | COL_MULTILINE },
	[C_ACK] = { "acknowledged", 0 },
	[C_S1_EXT] = { "stage1_extended", 0 },
	[C_S1_UNTIL] = { "stage1_extended_until", 0 },
	[C_S1_RESP] = { "stage1_response", 0 },
	[C_S2_REQ] = { "stage2_requested", 0 },
	[C_S2_ACK] = { "stage2_acknowledged", 0 },
	[C_S2_ACC] = { "stage2_accepted", 0 },
	[C_S2_REF] = { "stage2_refused", 0 },
	[C_STATEMENT] = { "statement_agreed", 0 },
	[C_S2_EXT] = { "stage2_extended", 0 },
	[C_S2_UNTIL] = { "stage2_extended_until", 0 },
	[C_S2_RESP] = { "stage2_response", 0 },
	[C_S3_REQ] = { "stage3_requested", 0 },
	[C_S3_ACC] = { "stage3_accepted", 0 },
	[C_S3_REF] = { "stage3_refused", 0 },
	[C_PANEL_DATE] = { "panel_date", 0 },
	[C_PANEL_NOTICE] = { "panel_notice", 0 },
	[C_PANEL_HELD] = { "panel_held", 0 },
	[C_FINDINGS] = { "findings_sent", 0 },
	[C_S3_RESP] = { "stage3_response", 0 },
	[C_RESPONSE] = { "response", 0 },
	[C_THANKS] = { "thanks_passed", 0 },
	[C_REDIRECTED] = { "redirected", 0 },
	[C_DECLINED] = { "declined", 0 },
	[C_WITHDRAWN] = { "withdrawn", 0 },
	[C_OMB_REF] = { "ombudsman_referred", 0 },
	[C_OMB_OUT] = { "ombudsman_outcome", 0 },
	[C_CLOSED] = { "closed", 0 },
	[C_REASON] = { "reason|refusal_reason", 0 },
	[C_TOLD] = { "ombudsman_told", 0 },
	[C_POINTS] = { "points", COL_IDENTITY | COL_MULTILINE },
	[C_S1_OUT] = { "stage1_outcome", 0 },
	[C_S2_OUT] = { "stage2_outcome", 0 },
	[C_S3_OUT] = { "stage3_outcome", 0 },
	[C_OUTCOME] = { "outcome", COL_IMPORT_ONLY },
	[C_S1_EXT_REASON] = { "stage1_extension_reason", 0 },
	[C_S2_EXT_REASON] = { "stage2_extension_reason", 0 },
	[C_OMB_FINDING] = { "ombudsman_finding", 0 },
};

/* The steps a row can carry, in the order of the procedure: the order they
 * are checked and recorded in. */
const struct import_step import_steps[IMPORT_NSTEPS] = {
	{ C_ACK, -1, EV_ACKNOWLEDGED, 0 },
	{ C_S1_EXT, C_S1_UNTIL, EV_STAGE1_EXTENDED, 0 },
	{ C_S1_RESP, -1, EV_STAGE1_RESPONSE_SENT, 0 },
	{ C_S2_REQ, -1, EV_STAGE2_REQUESTED, 0 },
	{ C_S2_ACK, -1, EV_STAGE2_ACKNOWLEDGED, 0 },
	{ C_S2_ACC, -1, EV_STAGE2_DECISION_SENT, DECISION_ACCEPTED },
	{ C_S2_REF, -1, EV_STAGE2_DECISION_SENT, DECISION_REFUSED },
	{ C_STATEMENT, -1, EV_STATEMENT_AGREED, 0 },
	{ C_S2_EXT, C_S2_UNTIL, EV_STAGE2_EXTENDED, 0 },
	{ C_S2_RESP, -1, EV_STAGE2_RESPONSE_SENT, 0 },
	{ C_S3_REQ, -1, EV_STAGE3_REQUESTED, 0 },
	{ C_S3_ACC, -1, EV_STAGE3_DECISION_SENT, DECISION_ACCEPTED },
	{ C_S3_REF, -1, EV_STAGE3_DECISION_SENT, DECISION_REFUSED },
	{ C_PANEL_DATE, -1, EV_PANEL_DATE, 0 },
	{ C_PANEL_NOTICE, -1, EV_PANEL_NOTICE_SENT, 0 },
	{ C_PANEL_HELD, -1, EV_PANEL_HELD, 0 },
	{ C_FINDINGS, -1, EV_FINDINGS_SENT, 0 },
	{ C_S3_RESP, -1, EV_STAGE3_RESPONSE_SENT, 0 },
	{ C_RESPONSE, -1, EV_RESPONSE_SENT, 0 },
	{ C_THANKS, -1, EV_THANKS_PASSED, 0 },
	{ C_REDIRECTED, -1, EV_REDIRECTED, 0 },
	{ C_DECLINED, -1, EV_DECLINED, 0 },
	{ C_WITHDRAWN, -1, EV_WITHDRAWN, 0 },
	{ C_OMB_REF, -1, EV_OMBUDSMAN_REFERRED, 0 },
	{ C_OMB_OUT, -1, EV_OMBUDSMAN_OUTCOME, 0 },
	{ C_CLOSED, -1, EV_CLOSED, 0 },
};

/* The first name of a column. */
void
import_col_name(int col, char *out, size_t n)
{
	const char *s = import_cols[col].names;
	size_t len = strcspn(s, "|");

	snprintf(out, n, "%.*s", (int)len, s);
}
