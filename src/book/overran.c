/* overran.c - whether a stage's response was overdue on a day: a Stage 2
 * request may then come without the Stage 1 response (the complainant
 * need not wait on a council that is late), and a late Stage 2 response
 * leaves the Ombudsman open to them.  For the book's own checks and for
 * the client's step menu, which offers escalation, or says so, then. */
#include <stdlib.h>

#include "book-int.h"
#include "redress/clock.h"
#include "redress/workflow.h"

bool
book_case_overran(struct book *b, const struct book_case *c, const struct wf_event *wf, size_t n,
                  int32_t on)
{
	return book_case_response_overdue(b, c, wf, n, on, EV_STAGE1_RESPONSE_SENT);
}

bool
book_case_response_overdue(struct book *b, const struct book_case *c, const struct wf_event *wf,
                           size_t n, int32_t on, int response)
{
	struct date d = { .day = on };
	const struct profile *prof;
	const struct calendar *cal;
	struct clock_event *ce;
	struct err err;
	size_t nce;
	bool over;

	if (book_case_profile(b, NULL, c, &prof, &cal, &err) != 0 ||
	    (ce = calloc(n * 2 + 1, sizeof *ce)) == NULL)
		return false;
	nce = workflow_clock_events(wf, n, ce, n * 2 + 1);
	over = clock_overran(prof, cal, (enum route)c->kind, ce, nce, (enum event_type)response, d);
	free(ce);
	return over;
}
