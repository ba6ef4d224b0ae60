/* retention.c - the closing date of a case and the date its retention runs
 * out, from its timeline and the profile's `retention` line. */
#include "redress/retention.h"

static bool
retention_terminal(enum event_type t)
{
	return t == EV_CLOSED || t == EV_WITHDRAWN || t == EV_DECLINED || t == EV_REDIRECTED ||
	       t == EV_SAFEGUARDING;
}

bool
retention_closed(enum route route, const struct wf_event *ev, size_t n, struct date *closed)
{
	struct wf_state st;
	enum case_status before;
	bool found = false;
	size_t i;

	/* replay the timeline so that "closed" means what the workflow means */
	workflow_state(route, ev, 0, &st);
	before = st.status;
	for (i = 0; i < n; i++) {
		workflow_state(route, ev, i + 1, &st);
		if (st.status == CASE_OPEN)
			found = false;
		else if (before == CASE_OPEN || retention_terminal(ev[i].type)) {
			*closed = ev[i].date;
			found = true;
		}
		before = st.status;
	}
	if (st.status == CASE_OPEN)
		return false;
	if (!found) {
		if (n == 0)
			return false;
		*closed = ev[0].date;
	}
	return true;
}

int
retention_due(const struct profile *p, struct date closed, struct date *due, struct err *err)
{
	switch (p->retention_unit) {
	case UNIT_DAYS:
	case UNIT_WEEKS:
		if (p->retention_amount <= 0)
			break;
		*due = date_add_days(closed, p->retention_amount *
		                             (p->retention_unit == UNIT_WEEKS ? 7 : 1));
		if (!date_in_range(*due))
			return err_set(err, "the retention runs past the calendar");
		return 0;
	case UNIT_MONTHS:
	case UNIT_YEARS:
		if (p->retention_amount <= 0)
			break;
		return date_add_months(closed, p->retention_amount *
		                               (p->retention_unit == UNIT_YEARS ? 12 : 1), due, err);
	default:
		break;
	}
	return err_set(err, "profile %s sets no retention (a line such as \"retention 6 years "
	               "after closure\", see redress-profile(5))", p->name);
}
