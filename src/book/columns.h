/* columns.h - the CSV columns cases are imported from and exported to
 * (columns.c): one table, read by import.c and export.c.  Not a public
 * header. */
#ifndef REDRESS_BOOK_COLUMNS_H
#define REDRESS_BOOK_COLUMNS_H

#include <stddef.h>

#include "redress/workflow.h"

/* The columns, in the order the export writes them. */
enum {
	C_REF, C_KIND, C_CHANNEL, C_RECEIVED, C_AWARE, C_STATUS, C_STAGE, C_TEAM, C_SERVICE,
	C_OWNER, C_MANAGER, C_INVESTIGATOR, C_INDEPENDENT, C_ADJUDICATOR, C_CHILD_NAME,
	C_CHILD_DOB, C_COMP_NAME, C_COMP_DOB, C_CHILD, C_COMPLAINANT, C_COMP_ROLE,
	C_SAFEGUARDING, C_REDIRECT, C_THANKED, C_SUMMARY,
	C_ACK, C_S1_EXT, C_S1_UNTIL, C_S1_RESP, C_S2_REQ, C_S2_ACK, C_S2_ACC, C_S2_REF,
	C_STATEMENT, C_S2_EXT, C_S2_UNTIL, C_S2_RESP, C_S3_REQ, C_S3_ACC, C_S3_REF, C_PANEL_DATE,
	C_PANEL_NOTICE, C_PANEL_HELD, C_FINDINGS, C_S3_RESP, C_RESPONSE, C_THANKS, C_REDIRECTED,
	C_DECLINED, C_WITHDRAWN, C_OMB_REF, C_OMB_OUT, C_CLOSED,
	C_REASON, C_TOLD, C_POINTS, C_S1_OUT, C_S2_OUT, C_S3_OUT, C_OUTCOME,
	C_S1_EXT_REASON, C_S2_EXT_REASON, C_OMB_FINDING,
	C_COUNT
};

enum {
	COL_IDENTITY = 1u << 0, /* sealed in the book: exported only with names */
	COL_PSEUDO = 1u << 1,   /* exported only without names; not imported */
	COL_IMPORT_ONLY = 1u << 2,
	COL_MULTILINE = 1u << 3,
};

struct import_col {
	const char *names; /* the name, then aliases, separated by '|' */
	unsigned flags;
};
extern const struct import_col import_cols[C_COUNT];

/* The steps a row can carry, in the order of the procedure: the order they
 * are checked and recorded in. */
struct import_step {
	int col, until;          /* the date's column; the agreed date's, or -1 */
	enum event_type ev;
	int decision;
};
#define IMPORT_NSTEPS 26
extern const struct import_step import_steps[IMPORT_NSTEPS];
/* points in one imported row (a case takes more afterwards: case point) */
#define IMPORT_POINTS_MAX 32

/* The first name of a column. */
void import_col_name(int col, char *out, size_t n);

#endif
