/* advocacy.h - who may be offered an advocate (DESIGN.md, after the
 * Barnardo's service described by Gloucestershire): children and young
 * people under 18; in care or leaving care to 21, or 24 in education; on a
 * child protection plan from 11; disabled to 25.  Pure. */
#ifndef REDRESS_ADVOCACY_H
#define REDRESS_ADVOCACY_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/date.h"

enum {
	ADVOCACY_IN_CARE = 1u << 0,      /* looked after, or a care leaver */
	ADVOCACY_IN_EDUCATION = 1u << 1,
	ADVOCACY_CP_PLAN = 1u << 2,      /* subject to a child protection plan */
	ADVOCACY_DISABLED = 1u << 3,
};

/* Age in whole years on day `on` of someone born on dob. */
int advocacy_age(struct date dob, struct date on);

/* Whether a young person born on dob, with these status flags, may be
 * offered an advocate on `on`; why (or why not) goes into buf. */
bool advocacy_eligible(struct date dob, unsigned flags, struct date on, char *why, size_t n);

#endif
