/* remedies.c - how the Ombudsman's remedies read on a case: whether the
 * council had remedied the complaint before the decision, the stage a
 * recommendation belongs to (one of the council's, or the Ombudsman's), and
 * whether the case has the decision the Ombudsman's recommendations need. */
#include <stdio.h>

#include "book-int.h"

const char *
book_remedied_describe(int remedied)
{
	return remedied == BOOK_REMEDIED_YES ? "remedied by the council before"
	       : remedied == BOOK_REMEDIED_NO ? "not remedied before" : "";
}

const char *
book_rec_stage(unsigned stage, char *buf, size_t n)
{
	if (stage == BOOK_REC_OMBUDSMAN)
		snprintf(buf, n, "Ombudsman");
	else
		snprintf(buf, n, "stage %u", stage);
	return buf;
}

bool
book_case_ombudsman_decided(const struct book_case *c)
{
	size_t i;

	for (i = 0; i < c->nevents; i++)
		if (c->events[i].type == EV_OMBUDSMAN_OUTCOME && c->events[i].voided_by == 0)
			return true;
	return false;
}
