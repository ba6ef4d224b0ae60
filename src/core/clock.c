/* clock.c - a case's deadlines from its profile and what actually happened:
 * every clock chains from actual dates, the deadline proper never pauses,
 * and the internal target pauses and restarts as the profile says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/clock.h"
#include "redress/workday.h"

static const char *const clock_states[] = {
	"pending", "met", "missed", "overdue", "lapsed", "stopped",
};

const char *
clock_state_name(enum clock_state s)
{
	return (size_t)s < sizeof clock_states / sizeof *clock_states ? clock_states[s] : "?";
}

int
clock_add(const struct calendar *cal, struct date d, int amount, enum unit unit,
          struct date *out, struct err *err)
{
	int rc;

	switch (unit) {
	case UNIT_WORKING_DAYS:
		return workday_add(cal, d, amount, out, err);
	case UNIT_DAYS:
	case UNIT_WEEKS:
		*out = date_add_days(d, unit == UNIT_WEEKS ? amount * 7 : amount);
		rc = date_in_range(*out) ? 0 : err_set(err, "date out of range (%d-%d)",
		                                       DATE_MIN_YEAR, DATE_MAX_YEAR);
		break;
	case UNIT_MONTHS:
		rc = date_add_months(d, amount, out, err);
		break;
	case UNIT_YEARS:
		rc = date_add_months(d, amount * 12, out, err);
		break;
	default:
		return err_set(err, "unknown unit");
	}
	if (rc != 0)
		return rc;
	/* a date counted in calendar time that lands on a weekend or holiday
	 * moves to the next working day (back, for a notice): nobody can be
	 * expected to act on Christmas Day */
	while (!workday_is(cal, *out)) {
		*out = date_add_days(*out, amount < 0 ? -1 : 1);
		if (!date_in_range(*out))
			return err_set(err, "date out of range (%d-%d)", DATE_MIN_YEAR, DATE_MAX_YEAR);
	}
	return 0;
}

/* The earliest event of a type, or NULL. */
static const struct clock_event *
clock_first(const struct clock_event *ev, size_t n, enum event_type type)
{
	const struct clock_event *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (ev[i].type == type && (best == NULL || ev[i].date.day < best->date.day))
			best = &ev[i];
	return best;
}

/* The latest event of a type, or NULL. */
static const struct clock_event *
clock_last(const struct clock_event *ev, size_t n, enum event_type type)
{
	const struct clock_event *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (ev[i].type == type && (best == NULL || ev[i].date.day >= best->date.day))
			best = &ev[i];
	return best;
}

/* A clock's end date: amount after anchor, or the extension's when given. */
static int
clock_end(const struct calendar *cal, const struct rule *r, struct date anchor,
          const struct clock_event *ext, struct date *out, bool *agreed, struct err *err)
{
	struct date base, max;

	*agreed = false;
	if (clock_add(cal, anchor, r->amount, r->unit, &base, err) != 0)
		return -1;
	if (ext == NULL) {
		*out = base;
		return 0;
	}
	if (clock_add(cal, anchor, r->extend_amount, r->extend_unit, &max, err) != 0)
		return -1;
	*out = max;
	/* an agreed date counts, but never beyond the maximum nor before the base */
	if (ext->has_until && ext->until.day < max.day) {
		*out = ext->until.day > base.day ? ext->until : base;
		*agreed = true;
	}
	return 0;
}

static int
clock_event_cmp(const void *a, const void *b)
{
	const struct clock_event *x = a, *y = b;

	if (x->date.day != y->date.day)
		return x->date.day < y->date.day ? -1 : 1;
	return (int)x->type - (int)y->type; /* EV_PAUSED sorts before EV_RESUMED */
}

/* Working days the target was paused between its start and its end.  A
 * second pause before a resume changes nothing: pauses never overlap. */
static int32_t
clock_paused(const struct calendar *cal, const struct clock_event *ev, size_t n,
             struct date from, struct date until)
{
	struct clock_event few[64], *pr = few;
	struct date start = from;
	bool paused = false;
	int32_t total = 0;
	size_t i, k = 0, room = 0;

	/* any number of pauses: on the stack when few, else on the heap (out of
	 * memory, the first 64 count) */
	for (i = 0; i < n; i++)
		room += ev[i].type == EV_PAUSED || ev[i].type == EV_RESUMED;
	if (room > sizeof few / sizeof few[0] && (pr = malloc(room * sizeof *pr)) == NULL) {
		pr = few;
		room = sizeof few / sizeof few[0];
	}
	for (i = 0; i < n && k < room; i++)
		if (ev[i].type == EV_PAUSED || ev[i].type == EV_RESUMED)
			pr[k++] = ev[i];
	qsort(pr, k, sizeof pr[0], clock_event_cmp);
	for (i = 0; i < k && pr[i].date.day < until.day; i++) {
		if (pr[i].type == EV_PAUSED && !paused) {
			paused = true;
			start = pr[i].date.day < from.day ? from : pr[i].date;
		} else if (pr[i].type == EV_RESUMED && paused) {
			paused = false;
			if (pr[i].date.day > start.day)
				total += workday_between(cal, start, pr[i].date);
		}
	}
	if (paused && until.day > start.day)
		total += workday_between(cal, start, until);
	if (pr != few)
		free(pr);
	return total;
}

static void
clock_judge(const struct calendar *cal, const struct rule *r, struct date date, bool done,
            struct date done_date, const struct clock_event *stop, struct date today,
            enum clock_state *state, int32_t *days)
{
	if (done) {
		*days = workday_between(cal, date, done_date);
		*state = done_date.day <= date.day ? CLOCK_MET : CLOCK_MISSED;
	} else if (stop != NULL) {
		*days = workday_between(cal, date, stop->date);
		*state = CLOCK_STOPPED;
	} else if (today.day > date.day) {
		*days = workday_between(cal, date, today);
		*state = r->party == PARTY_COMPLAINANT ? CLOCK_LAPSED : CLOCK_OVERDUE;
	} else {
		*days = workday_between(cal, today, date);
		*state = CLOCK_PENDING;
	}
}

/* A deadline whose stage was left on date on: missed if that was after it,
 * stopped if before. */
static void
clock_left(const struct calendar *cal, struct date date, struct date on, enum clock_state *state,
           int32_t *days)
{
	*days = workday_between(cal, date, on);
	*state = on.day > date.day ? CLOCK_MISSED : CLOCK_STOPPED;
}

/* Computes one rule's deadline from its anchor.  dl->anchor is set. */
/* The Regulations' date for a rule a council restated, from anchor. */
static int
clock_floor(const struct calendar *cal, const struct rule *r, const struct clock_event *ev,
            size_t nev, struct date anchor, struct date *out, struct err *err)
{
	const struct clock_event *ext = NULL;
	struct rule fr = *r;
	struct date base;
	bool agreed;

	fr.from = r->floor.from;
	fr.amount = r->floor.amount;
	fr.unit = r->floor.unit;
	fr.extend_on = r->floor.extend_on;
	fr.extend_amount = r->floor.extend_amount;
	fr.extend_unit = r->floor.extend_unit;
	if (fr.extend_on != EV_NONE && (ext = clock_last(ev, nev, fr.extend_on)) != NULL) {
		if (clock_add(cal, anchor, fr.amount, fr.unit, &base, err) != 0)
			return -1;
		if (ext->date.day > base.day)
			ext = NULL;
	}
	return clock_end(cal, &fr, anchor, ext, out, &agreed, err);
}

static int
clock_rule(const struct calendar *cal, const struct rule *r, const struct clock_event *ev,
           size_t nev, const struct clock_event *stop, struct date today, struct deadline *dl,
           const struct date *floor_anchor, struct err *err)
{
	const struct clock_event *done, *ext = NULL, *tfrom;
	struct date target_end, end;
	int32_t ignored;
	bool agreed;
	size_t i, k;

	if (r->extend_on != EV_NONE)
		ext = clock_last(ev, nev, r->extend_on);
	if (ext != NULL) {
		struct date base;

		if (clock_add(cal, dl->anchor, r->amount, r->unit, &base, err) != 0)
			return err_prefix(err, "%s", r->key);
		if (ext->date.day > base.day) {
			/* agreed once the deadline had passed: it stays missed */
			dl->extended_late = true;
			dl->extended_on = ext->date;
			ext = NULL;
		} else if (ext->has_until && ext->until.day < base.day)
			dl->agreed_early = true;
	}
	dl->extended = ext != NULL;
	if (clock_end(cal, r, dl->anchor, ext, &dl->due, &dl->agreed, err) != 0)
		return err_prefix(err, "%s", r->key);
	dl->agreed_closed = dl->agreed && !workday_is(cal, ext->until);
	if (ext != NULL && ext->has_until && !dl->agreed && ext->until.day > dl->due.day) {
		dl->agreed_capped = true;
		dl->agreed_until = ext->until;
	}
	/* the Regulations are a floor: a council's longer period is its target */
	if (floor_anchor != NULL) {
		struct date fdue;

		if (clock_floor(cal, r, ev, nev, *floor_anchor, &fdue, err) != 0)
			return err_prefix(err, "%s", r->key);
		dl->floor_anchor = *floor_anchor;
		if (fdue.day < dl->due.day) {
			dl->floored = true;
			dl->council = dl->due;
			dl->due = fdue;
		}
	}

	/* met by the first completion since the clock started: an earlier one
	 * belongs to an earlier round (a request made again after a refusal);
	 * a notice and a planned start are met whenever it happened */
	done = NULL;
	for (i = 0; i < nev; i++)
		if (ev[i].type == r->done &&
		    (r->amount < 0 || dl->anchor_projected || ev[i].date.day >= dl->anchor.day) &&
		    (done == NULL || ev[i].date.day < done->date.day))
			done = &ev[i];
	dl->done = done != NULL;
	/* a refused request ends its stage's clocks */
	if (done == NULL && (r->stage == 2 || r->stage == 3)) {
		enum event_type refused = r->stage == 2 ? EV_STAGE2_REFUSED : EV_STAGE3_REFUSED;

		for (i = 0; i < nev; i++)
			if (ev[i].type == refused && ev[i].date.day >= dl->anchor.day &&
			    (stop == NULL || ev[i].date.day < stop->date.day))
				stop = &ev[i];
	}
	if (done != NULL)
		dl->done_date = done->date;
	/* a stage the complainant left for the next without its response: the
	 * response is missed there, not overdue for ever (unless the request
	 * was refused and the stage goes on) */
	if (done == NULL && r->party == PARTY_COUNCIL && r->amount >= 0 &&
	    (r->done == EV_STAGE1_RESPONSE_SENT || r->done == EV_STAGE2_RESPONSE_SENT)) {
		bool one = r->done == EV_STAGE1_RESPONSE_SENT;
		enum event_type next = one ? EV_STAGE2_REQUESTED : EV_STAGE3_REQUESTED;
		enum event_type refused = one ? EV_STAGE2_REFUSED : EV_STAGE3_REFUSED;
		const struct clock_event *left = NULL;

		for (i = 0; i < nev; i++)
			if (ev[i].type == next && ev[i].date.day >= dl->anchor.day &&
			    (left == NULL || ev[i].date.day < left->date.day))
				left = &ev[i];
		for (i = 0; left != NULL && i < nev; i++)
			if (ev[i].type == refused && ev[i].date.day >= left->date.day)
				left = NULL;
		if (left != NULL && (stop == NULL || left->date.day <= stop->date.day)) {
			dl->left = true;
			dl->left_on = left->date;
		}
	}

	/* the internal target: its own start, restarts, pauses */
	dl->target_anchor = dl->anchor;
	if (r->target_from != EV_NONE && (tfrom = clock_first(ev, nev, r->target_from)) != NULL)
		dl->target_anchor = tfrom->date;
	/* the latest restart before the clock was met; later news cannot undo it */
	for (i = 0; i < nev; i++) {
		for (k = 0; k < r->nrestart && ev[i].type != r->restart_on[k]; k++)
			;
		if (k < r->nrestart && ev[i].date.day > dl->target_anchor.day &&
		    (done == NULL || ev[i].date.day <= done->date.day))
			dl->target_anchor = ev[i].date;
	}
	if (clock_end(cal, r, dl->target_anchor, ext, &target_end, &agreed, err) != 0)
		return err_prefix(err, "%s", r->key);
	if (r->amount >= 0) {
		end = done != NULL ? done->date : today;
		if (stop != NULL && stop->date.day < end.day)
			end = stop->date;
		dl->paused = clock_paused(cal, ev, nev, dl->target_anchor, end);
	}
	dl->target = target_end;
	if (dl->paused > 0 && workday_add(cal, target_end, dl->paused, &dl->target, err) != 0)
		return err_prefix(err, "%s", r->key);

	if (dl->done)
		stop = NULL;
	clock_judge(cal, r, dl->due, dl->done, dl->done_date, stop, today, &dl->state, &dl->days);
	clock_judge(cal, r, dl->target, dl->done, dl->done_date, stop, today, &dl->target_state,
	            &ignored);
	if (dl->left) {
		clock_left(cal, dl->due, dl->left_on, &dl->state, &dl->days);
		clock_left(cal, dl->target, dl->left_on, &dl->target_state, &ignored);
	}
	return 0;
}

bool
clock_open(const struct deadline *dl)
{
	return !dl->done && !dl->left && dl->state != CLOCK_STOPPED;
}

bool
clock_overran(const struct profile *p, const struct calendar *cal, enum route route,
              const struct clock_event *ev, size_t nev, enum event_type response, struct date on)
{
	struct deadline dl[PROFILE_RULES_MAX];
	size_t i, n;

	if (clock_compute(p, cal, route, ev, nev, on, dl, PROFILE_RULES_MAX, &n, NULL) != 0)
		return false;
	for (i = 0; i < n; i++)
		if (dl[i].rule->done == response && dl[i].rule->party == PARTY_COUNCIL &&
		    !dl[i].done && dl[i].state == CLOCK_OVERDUE)
			return true;
	return false;
}

int
clock_check_extensions(const struct profile *p, const struct calendar *cal, enum route route,
                       const struct clock_event *ev, size_t nev, struct date today,
                       struct err *err)
{
	struct deadline dl[PROFILE_RULES_MAX];
	char a[DATE_STRLEN], d[DATE_STRLEN];
	size_t i, k, n;

	if (clock_compute(p, cal, route, ev, nev, today, dl, PROFILE_RULES_MAX, &n, err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct date base;

		if (!dl[i].agreed_early)
			continue;
		for (k = 0; k < nev && ev[k].type != dl[i].rule->extend_on; k++)
			;
		if (clock_add(cal, dl[i].anchor, dl[i].rule->amount, dl[i].rule->unit, &base,
		              err) != 0)
			return -1;
		return err_set(err, "%s to %s: that is before the deadline it extends (%s, %s)",
		               event_describe(dl[i].rule->extend_on),
		               k < nev ? date_format(ev[k].until, a) : "?", dl[i].rule->key,
		               date_format(base, d));
	}
	return 0;
}

enum { CLOCK_UNKNOWN, CLOCK_COMPUTED, CLOCK_ABSENT };

/* Where a clock starts: event from, or before it happens the due date of
 * rule else_due (the day the panel was arranged for, when that rule waits
 * for the panel to sit).  1 found, 0 not known yet, -1 never. */
static int
clock_anchor(const struct profile *p, const struct deadline *dl, const int *status,
             size_t nrules, enum event_type from, const char *else_due,
             const struct clock_event *ev, size_t nev, struct date *anchor, bool *projected,
             bool *planned)
{
	/* a planned date (the panel's) may be moved: the latest counts */
	const struct clock_event *a = event_repeats(from) ? clock_last(ev, nev, from)
	                                                  : clock_first(ev, nev, from);
	size_t k;

	*projected = *planned = false;
	if (a != NULL) {
		*anchor = a->date;
		return 1;
	}
	if (else_due[0] == '\0')
		return -1;
	for (k = 0; k < nrules && strcmp(p->rules[k].key, else_due) != 0; k++)
		;
	if (k == nrules || status[k] == CLOCK_ABSENT)
		return -1;
	if (status[k] != CLOCK_COMPUTED)
		return 0;
	*projected = true;
	*anchor = dl[k].due;
	if (p->rules[k].done == EV_PANEL_HELD && !dl[k].done &&
	    (a = clock_last(ev, nev, EV_PANEL_DATE)) != NULL) {
		*anchor = a->date;
		*planned = true;
	}
	return 1;
}

int
clock_compute(const struct profile *p, const struct calendar *cal, enum route route,
              const struct clock_event *ev, size_t nev, struct date today,
              struct deadline *out, size_t max, size_t *n, struct err *err)
{
	const struct clock_event *stop = NULL, *reopened = clock_last(ev, nev, EV_REOPENED);
	struct deadline dl[PROFILE_RULES_MAX];
	int status[PROFILE_RULES_MAX];
	size_t i, k, pass, nrules = p->nrules < PROFILE_RULES_MAX ? p->nrules : PROFILE_RULES_MAX;
	bool progress = true;

	/* the clocks stop at the first ending since the case was last reopened */
	for (i = 0; i < nev; i++)
		if ((ev[i].type == EV_WITHDRAWN || ev[i].type == EV_CLOSED ||
		     ev[i].type == EV_DECLINED || ev[i].type == EV_SAFEGUARDING) &&
		    (reopened == NULL || ev[i].date.day >= reopened->date.day) &&
		    (stop == NULL || ev[i].date.day < stop->date.day))
			stop = &ev[i];
	*n = 0;
	for (i = 0; i < nrules; i++)
		status[i] = p->rules[i].routes & (1u << route) ? CLOCK_UNKNOWN : CLOCK_ABSENT;
	/* a rule that plans from another's due date waits for that one */
	for (pass = 0; pass <= nrules && progress; pass++) {
		progress = false;
		for (i = 0; i < nrules; i++) {
			const struct rule *r = &p->rules[i];
			struct date anchor, fanchor;
			bool projected, planned, fprojected = false, fplanned;
			int found, ffound = -1;

			if (status[i] != CLOCK_UNKNOWN)
				continue;
			memset(&dl[i], 0, sizeof dl[i]);
			dl[i].rule = r;
			found = clock_anchor(p, dl, status, nrules, r->from, r->else_due, ev, nev,
			                     &anchor, &projected, &planned);
			if (found < 0) {
				status[i] = CLOCK_ABSENT;
				progress = true;
				continue;
			}
			if (r->floor.set)
				ffound = clock_anchor(p, dl, status, nrules, r->floor.from,
				                      r->floor.else_due, ev, nev, &fanchor, &fprojected,
				                      &fplanned);
			if (found == 0 || ffound == 0)
				continue; /* awaited; until then: */
			dl[i].anchor_event = r->from;
			dl[i].anchor = anchor;
			dl[i].anchor_projected = projected;
			dl[i].planned = planned;
			dl[i].floor_projected = fprojected;
			if (clock_rule(cal, r, ev, nev, stop, today, &dl[i], ffound > 0 ? &fanchor : NULL,
			               err) != 0)
				return -1;
			status[i] = CLOCK_COMPUTED;
			progress = true;
		}
	}
	/* by stage, then by date, then in profile order */
	for (i = 0; i < nrules; i++) {
		if (status[i] != CLOCK_COMPUTED)
			continue;
		if (*n == max)
			break;
		for (k = *n; k > 0; k--) {
			const struct deadline *a = &out[k - 1];

			if (a->rule->stage < dl[i].rule->stage ||
			    (a->rule->stage == dl[i].rule->stage && a->due.day <= dl[i].due.day))
				break;
			out[k] = out[k - 1];
		}
		out[k] = dl[i];
		(*n)++;
	}
	return 0;
}

char *
clock_explain(const struct deadline *dl, char *buf, size_t n)
{
	const struct rule *r = dl->rule;
	char a[DATE_STRLEN], t[DATE_STRLEN], d[DATE_STRLEN], from[PROFILE_KEY_MAX + 20];
	int amount = dl->extended ? r->extend_amount : r->amount;
	enum unit unit = dl->extended ? r->extend_unit : r->unit;
	size_t len = 0;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (dl->floored) {
		/* the Regulations' date first, then the council's that it overrides */
		int fa = r->floor.amount;

		if (dl->floor_projected)
			snprintf(from, sizeof from, "the due date of %s", r->floor.else_due);
		else
			snprintf(from, sizeof from, "%s", event_name(r->floor.from));
		len = (size_t)snprintf(buf, n, "%d %s %s %s %s (%s, which no council lowers); the "
		                       "council's ", fa < 0 ? -fa : fa, unit_words(fa, r->floor.unit),
		                       fa < 0 ? "before" : "after", from,
		                       date_format(dl->floor_anchor, a),
		                       r->floor.pinpoint[0] ? r->floor.pinpoint : r->floor.source);
		if (len >= n)
			return buf;
	}
	if (dl->planned)
		snprintf(from, sizeof from, "the panel date arranged");
	else if (dl->anchor_projected)
		snprintf(from, sizeof from, "the due date of %s", r->else_due);
	else
		snprintf(from, sizeof from, "%s", event_name(dl->anchor_event));
	if (dl->agreed)
		len += (size_t)snprintf(buf + len, n - len, "agreed date %s (%s%s), within the "
		                        "maximum of %d %s from %s %s",
		                        date_format(dl->floored ? dl->council : dl->due, d),
		                        event_name(r->extend_on),
		                        dl->agreed_closed ? "; not a working day" : "", amount,
		                        unit_words(amount, unit), from, date_format(dl->anchor, a));
	else
		len += (size_t)snprintf(buf + len, n - len, "%d %s %s %s %s",
		                        amount < 0 ? -amount : amount, unit_words(amount, unit),
		                        amount < 0 ? "before" : "after", from,
		                        date_format(dl->anchor, a));
	if (dl->extended && !dl->agreed && len < n)
		len += (size_t)snprintf(buf + len, n - len, " (extended by %s, from %d)",
		                        event_name(r->extend_on), r->amount);
	if (dl->floored && len < n)
		len += (size_t)snprintf(buf + len, n - len, " give %s, its target",
		                        date_format(dl->council, t));
	/* (after the floor's clause, which finishes the sentence before it) */
	if (dl->agreed_capped && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; the date agreed, %s, is past that "
		                        "maximum", date_format(dl->agreed_until, t));
	if (dl->extended_late && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; %s on %s, after this date had passed: "
		                        "it stays", event_name(r->extend_on),
		                        date_format(dl->extended_on, t));
	if (dl->left && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; Stage %d asked for on %s without it",
		                        r->done == EV_STAGE1_RESPONSE_SENT ? 2 : 3,
		                        date_format(dl->left_on, t));
	if (dl->target_anchor.day != dl->anchor.day && len < n)
		len += (size_t)snprintf(buf + len, n - len, "; target counted from %s",
		                        date_format(dl->target_anchor, t));
	if (dl->paused > 0 && len < n)
		snprintf(buf + len, n - len, "; target paused %d working day%s", dl->paused,
		         dl->paused == 1 ? "" : "s");
	return buf;
}
