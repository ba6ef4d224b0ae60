/* codes.h - coded reasons that reports count: why a stage was extended, and
 * what the Local Government and Social Care Ombudsman decided.  Both are
 * optional on their step; 0 means "not recorded" (and is what events
 * recorded before the codes existed read as).  Pure. */
#ifndef REDRESS_CODES_H
#define REDRESS_CODES_H

#include <stddef.h>

/* Why Stage 1 or Stage 2 was extended. */
enum ext_reason {
	EXT_REASON_NONE = 0,      /* not recorded */
	EXT_REASON_COMPLEXITY,    /* several services, or many points */
	EXT_REASON_AVAILABILITY,  /* key people or records unavailable */
	EXT_REASON_COMPLAINANT,   /* the complainant asked for, or agreed, more time */
	EXT_REASON_INDEPENDENT,   /* the investigating officer's or independent person's availability */
	EXT_REASON_ADVOCACY,      /* time for an advocate to take part */
	EXT_REASON_OTHER,
	EXT_REASON_COUNT
};

/* The Ombudsman's decision, in the categories it publishes. */
enum omb_finding {
	OMB_FINDING_NONE = 0,     /* not recorded */
	OMB_FINDING_UPHELD,       /* fault causing injustice */
	OMB_FINDING_UPHELD_NO_INJUSTICE, /* fault, but no injustice */
	OMB_FINDING_NOT_UPHELD,   /* no fault */
	OMB_FINDING_CLOSED,       /* closed after initial enquiries */
	OMB_FINDING_PREMATURE,    /* referred back for local resolution */
	OMB_FINDING_WITHDRAWN,
	OMB_FINDING_OTHER,
	OMB_FINDING_COUNT
};

/* The code's name ("complexity"; "none" for 0; "?" out of range), what it
 * means in words, and the code of a name (-1 when unknown; "none" is not
 * a name one can give). */
const char *ext_reason_name(int r);
const char *ext_reason_describe(int r);
int ext_reason_lookup(const char *name);
const char *omb_finding_name(int f);
const char *omb_finding_describe(int f);
int omb_finding_lookup(const char *name);

#endif
