/* advocacy.c - eligibility for an advocate, from age and status. */
#include <stdio.h>

#include "redress/advocacy.h"

int
advocacy_age(struct date dob, struct date on)
{
	int y1, m1, d1, y2, m2, d2, age;

	date_to_ymd(dob, &y1, &m1, &d1);
	date_to_ymd(on, &y2, &m2, &d2);
	age = y2 - y1;
	if (m2 < m1 || (m2 == m1 && d2 < d1))
		age--;
	return age;
}

bool
advocacy_eligible(struct date dob, unsigned flags, struct date on, char *why, size_t n)
{
	int age = advocacy_age(dob, on);

	if (age < 0) {
		snprintf(why, n, "born after the date asked about");
		return false;
	}
	if (age < 18) {
		snprintf(why, n, "aged %d: under 18", age);
		if ((flags & ADVOCACY_CP_PLAN) && age < 11)
			snprintf(why, n, "aged %d: under 18 (a child protection plan counts from 11)", age);
		return true;
	}
	if ((flags & ADVOCACY_IN_CARE) && age < 21) {
		snprintf(why, n, "aged %d: in or leaving care, to 21", age);
		return true;
	}
	if ((flags & ADVOCACY_IN_CARE) && (flags & ADVOCACY_IN_EDUCATION) && age < 24) {
		snprintf(why, n, "aged %d: leaving care and in education, to 24", age);
		return true;
	}
	if ((flags & ADVOCACY_DISABLED) && age < 25) {
		snprintf(why, n, "aged %d: disabled, to 25", age);
		return true;
	}
	snprintf(why, n, "aged %d: over the ages the service covers", age);
	return false;
}
