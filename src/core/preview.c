/* preview.c - what one more step would do to a case's clocks: clock_compute()
 * over the events without it and with it, deadline by deadline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/preview.h"
#include "redress/workday.h"

/* Deadlines of the events ev (n), plus next when not NULL. */
static int
preview_clocks(const struct profile *p, const struct calendar *cal, enum route route,
               const struct wf_event *ev, size_t n, const struct wf_event *next,
               struct date today, struct deadline *out, size_t *nout, struct err *err)
{
	struct wf_event *all;
	struct clock_event *ce;
	size_t nce, max = 2 * (n + 1);
	int rc = -1;

	all = calloc(n + 1, sizeof *all);
	ce = calloc(max, sizeof *ce);
	if (all == NULL || ce == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	if (n > 0)
		memcpy(all, ev, n * sizeof *ev);
	if (next != NULL)
		all[n++] = *next;
	nce = workflow_clock_events(all, n, ce, max);
	rc = clock_compute(p, cal, route, ce, nce, today, out, PROFILE_RULES_MAX, nout, err);
out:
	free(all);
	free(ce);
	return rc;
}

static const struct deadline *
preview_find(const struct deadline *dl, size_t n, const struct rule *r)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (dl[i].rule == r)
			return &dl[i];
	return NULL;
}

int
clock_preview(const struct profile *p, const struct calendar *cal, enum route route,
              const struct wf_event *ev, size_t n, const struct wf_event *next,
              struct date today, struct preview *out, size_t max, size_t *nout,
              struct err *err)
{
	struct deadline *before, *after;
	size_t nb = 0, na = 0, i;
	int rc = -1;

	*nout = 0;
	before = calloc(PROFILE_RULES_MAX, sizeof *before);
	after = calloc(PROFILE_RULES_MAX, sizeof *after);
	if (before == NULL || after == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	if (preview_clocks(p, cal, route, ev, n, NULL, today, before, &nb, err) != 0 ||
	    preview_clocks(p, cal, route, ev, n, next, today, after, &na, err) != 0)
		goto out;
	for (i = 0; i < na && *nout < max; i++) {
		const struct deadline *a = &after[i], *b = preview_find(before, nb, a->rule);
		struct preview e;

		memset(&e, 0, sizeof e);
		e.rule = a->rule;
		e.due = a->due;
		e.capped = a->agreed_capped;
		e.until = a->agreed_until;
		if (b != NULL && (b->done || b->state == CLOCK_STOPPED))
			continue; /* settled before the step */
		if (a->done) {
			e.kind = PREVIEW_CLOSES;
			e.state = a->state;
			e.days = a->state == CLOCK_MISSED ? a->days : 0;
		} else if (a->state == CLOCK_STOPPED) {
			if (b == NULL)
				continue;
			e.kind = PREVIEW_STOPS;
		} else if (b == NULL) {
			e.kind = PREVIEW_OPENS;
		} else if (b->due.day != a->due.day) {
			e.kind = PREVIEW_MOVES;
			e.was = b->due;
		} else if (next->type == EV_PANEL_DATE && a->rule->done == EV_PANEL_HELD &&
		           next->date.day > a->due.day) {
			/* a panel arranged to sit after the date it must meet by */
			e.kind = PREVIEW_LATE;
			e.was = next->date;
			e.days = workday_between(cal, a->due, next->date);
		} else
			continue;
		out[(*nout)++] = e;
	}
	rc = 0;
out:
	free(before);
	free(after);
	return rc;
}

char *
preview_describe(const struct preview *e, char *buf, size_t n)
{
	char due[DATE_STRLEN], was[DATE_STRLEN];

	date_format(e->due, due);
	switch (e->kind) {
	case PREVIEW_CLOSES:
		if (e->state == CLOCK_MISSED)
			snprintf(buf, n, "closes %s (due %s): missed by %d working day%s", e->rule->label,
			         due, (int)e->days, e->days == 1 ? "" : "s");
		else
			snprintf(buf, n, "closes %s (due %s): met", e->rule->label, due);
		break;
	case PREVIEW_STOPS:
		snprintf(buf, n, "stops %s (due %s): no longer counted", e->rule->label, due);
		break;
	case PREVIEW_MOVES:
		date_format(e->was, was);
		snprintf(buf, n, "moves %s from %s: due on %s", e->rule->label, was, due);
		break;
	case PREVIEW_LATE:
		snprintf(buf, n, "%s (due %s): the panel sits on %s, %d working day%s after it",
		         e->rule->label, due, date_format(e->was, was), (int)e->days,
		         e->days == 1 ? "" : "s");
		break;
	case PREVIEW_OPENS:
	default:
		snprintf(buf, n, "opens %s: due on %s", e->rule->label, due);
		break;
	}
	/* an extension agreed past the longest the profile allows: said, as
	 * the date recorded on the timeline is the one agreed */
	if (e->capped && e->kind != PREVIEW_CLOSES && e->kind != PREVIEW_STOPS) {
		size_t len = strlen(buf);

		snprintf(buf + len, n - len, ", the longest allowed (the date agreed, %s, is past it)",
		         date_format(e->until, was));
	}
	return buf;
}
