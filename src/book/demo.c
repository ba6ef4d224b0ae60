/* demo.c - the demo generator: plausible cases for trying the program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/workday.h"
#include "redress/workflow.h"

/* --- demo data ------------------------------------------------------------------- */

static const char *const demo_first[] = {
	"Amara", "Zoë", "Łukasz", "Siân", "Mei", "Oluwaseun", "Priya", "Callum", "Freya", "Yusuf",
	"Aoife", "Kacper", "Imani", "Rhys", "Hana", "Tomasz", "Leila", "Ewan", "Maja", "Kofi",
	"Isla", "Dev", "Niamh", "Arlo", "Ngozi", "Seren", "Bilal", "Ffion", "Jun", "Tobiasz",
};
static const char *const demo_last[] = {
	"Okafor", "Nowak", "Evans", "Hughes", "Patel", "Begum", "O'Neill", "Kowalski", "Ahmed",
	"Williams", "Zhang", "MacLeod", "Adeyemi", "Jones", "Khan", "Wiśniewska", "Murphy", "Singh",
	"Thomas", "Osei", "Price", "Novak", "Barker", "Mensah", "Lewandowski", "Griffiths",
};
static const char *const demo_teams[] = {
	"North CIN", "South CIN", "Looked After Children", "Leaving Care", "Disabled Children",
	"Fostering", "Child Protection", "Early Help", "MASH", "Adoption",
};
static const char *const demo_points[] = {
	"Visits were cancelled without notice.",
	"The assessment did not include the child's views.",
	"Letters were sent to the wrong address.",
	"The family was not told about the change of social worker.",
	"Contact arrangements were changed without discussion.",
	"Calls and e-mails were not returned.",
	"The child's placement plan was not shared.",
	"Financial support was delayed.",
};
static const char *const demo_redirects[] = {
	"Ofsted", "School", "Information compliance", "Child Protection Conference process",
	"Corporate complaints", "Another authority",
};

struct demo {
	struct book *b;
	struct store_txn *t;
	const struct calendar *cal;
	struct date today;
	unsigned seed;
	size_t todo, done;
	struct book_case *c;
};

static unsigned
demo_rand(struct demo *d, unsigned n)
{
	d->seed = d->seed * 1103515245u + 12345u;
	return (d->seed >> 8) % n;
}

/* Records a step dated wd working days after from, if the workflow allows
 * it and it is not in the future; *at becomes its date.  Returns whether it
 * was recorded. */
static bool
demo_step(struct demo *d, enum event_type ev, struct date *at, int wd, enum decision dec,
          enum refusal reason, const char *note)
{
	struct wf_event *wf, next;
	struct book_step s;
	int rc;
	struct date when;
	char date[DATE_STRLEN];
	struct err err;
	size_t n;

	if (workday_add(d->cal, *at, wd, &when, NULL) != 0 ||
	    (when.day > d->today.day && ev != EV_PANEL_DATE))
		return false;
	if ((wf = calloc(d->c->nevents + 1, sizeof *wf)) == NULL)
		return false;
	n = book_case_workflow(d->c, wf, d->c->nevents);
	memset(&next, 0, sizeof next);
	next.type = ev;
	next.date = when;
	next.decision = dec;
	next.reason = reason;
	next.ombudsman_told = reason != REFUSAL_NONE;
	rc = workflow_check((enum route)d->c->kind, wf, n, &next, d->today, &err);
	free(wf);
	if (rc != 0)
		return false;
	memset(&s, 0, sizeof s);
	s.type = ev;
	s.date = date_format(when, date);
	s.decision = dec;
	s.reason = reason;
	s.ombudsman_told = next.ombudsman_told;
	s.note = note;
	if (case_add_event(d->b, d->t, d->c, &s, d->b->key_id) != 0)
		return false;
	*at = when;
	return true;
}

static int
demo_one(struct demo *d)
{
	struct book_case_new in;
	struct book_case *c = d->c;
	char child[96], comp[96], dob[DATE_STRLEN], recv[DATE_STRLEN];
	struct date at, r;
	unsigned roll = demo_rand(d, 100), i, np;
	int y, m, dd;

	memset(&in, 0, sizeof in);
	r = date_add_days(d->today, -(int32_t)demo_rand(d, 1095));
	in.received = date_format(r, recv);
	in.kind = roll < 62 ? ROUTE_COMPLAINT : roll < 70 ? ROUTE_COMMENT : roll < 80 ? ROUTE_COMPLIMENT
	        : roll < 86 ? ROUTE_CONCERN : roll < 90 ? ROUTE_REQUEST : roll < 93 ? ROUTE_ANONYMOUS
	        : ROUTE_REDIRECTED;
	in.channel = (int)demo_rand(d, CHANNEL_COUNT);
	in.team = demo_teams[demo_rand(d, sizeof demo_teams / sizeof *demo_teams)];
	in.service = "Children's social care";
	in.safeguarding = in.kind == ROUTE_COMPLAINT && roll == 61;
	date_to_ymd(r, &y, &m, &dd);
	snprintf(dob, sizeof dob, "%04d-%02d-%02d", y - 3 - (int)demo_rand(d, 14),
	         1 + (int)demo_rand(d, 12), 1 + (int)demo_rand(d, 28));
	if (in.kind != ROUTE_ANONYMOUS) {
		snprintf(child, sizeof child, "%s %s", demo_first[demo_rand(d, 30)],
		         demo_last[demo_rand(d, 26)]);
		in.child_name = child;
		in.child_dob = dob;
		snprintf(comp, sizeof comp, "%s %s", demo_first[demo_rand(d, 30)],
		         demo_last[demo_rand(d, 26)]);
		in.complainant_name = comp;
		in.complainant_role = demo_rand(d, 4) == 0 ? PARTY_CHILD : demo_rand(d, 3) == 0 ?
		                      PARTY_ADVOCATE : PARTY_PARENT;
	}
	if (in.kind == ROUTE_REDIRECTED)
		in.redirect_to = demo_redirects[demo_rand(d, 6)];
	if (in.kind == ROUTE_COMPLIMENT)
		in.thanked = "the allocated social worker and their team manager";
	in.summary = demo_points[demo_rand(d, 8)];
	if (case_create(d->b, d->t, &in, c) != 0)
		return -1;
	at = r;
	if (in.safeguarding)
		return case_commit_new(d->b, d->t, c);
	if (in.kind != ROUTE_COMPLAINT) {
		if (in.kind == ROUTE_REDIRECTED)
			demo_step(d, EV_REDIRECTED, &at, 1 + (int)demo_rand(d, 3), 0, 0, NULL);
		else if (in.kind != ROUTE_COMPLIMENT && in.kind != ROUTE_ANONYMOUS) {
			demo_step(d, EV_ACKNOWLEDGED, &at, 1 + (int)demo_rand(d, 3), 0, 0, NULL);
			if (!demo_step(d, EV_RESPONSE_SENT, &at, 8 + (int)demo_rand(d, 18), 0, 0, NULL))
				return case_commit_new(d->b, d->t, c);
		}
		demo_step(d, EV_CLOSED, &at, 3, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	np = 1 + demo_rand(d, 3);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, points); i++) {
		c->points[i].number = i + 1;
		snprintf(c->points[i].text, BOOK_TEXT_MAX, "%s", demo_points[demo_rand(d, 8)]);
		c->npoints++;
	}
	np = (unsigned)c->npoints;
	if (roll % 10 == 7) { /* declined at receipt */
		demo_step(d, EV_DECLINED, &at, 2, 0, (enum refusal)(1 + demo_rand(d, 4)), NULL);
		return case_commit_new(d->b, d->t, c);
	}
	demo_step(d, EV_ACKNOWLEDGED, &at, 1 + (int)demo_rand(d, 3), 0, 0, NULL);
	if (demo_rand(d, 20) == 0) {
		demo_step(d, EV_WITHDRAWN, &at, 3, 0, 0, "Resolved informally; the family withdrew.");
		return case_commit_new(d->b, d->t, c);
	}
	if (demo_rand(d, 5) == 0)
		demo_step(d, EV_STAGE1_EXTENDED, &at, 5, 0, 0, "Complex: staff on leave.");
	if (!demo_step(d, EV_STAGE1_RESPONSE_SENT, &at, 4 + (int)demo_rand(d, 20), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, findings); i++)
		c->findings[c->nfindings++] = (struct book_finding){ 1, i + 1, 1 + (int)demo_rand(d, 4) };
	if (demo_rand(d, 10) < 7) {
		demo_step(d, EV_CLOSED, &at, 25, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	if (!demo_step(d, EV_STAGE2_REQUESTED, &at, 3 + (int)demo_rand(d, 22), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	if (demo_rand(d, 10) == 0) {
		demo_step(d, EV_STAGE2_DECISION_SENT, &at, 5, DECISION_REFUSED, REFUSAL_LATE_REQUEST, NULL);
		demo_step(d, EV_CLOSED, &at, 3, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	demo_step(d, EV_STAGE2_DECISION_SENT, &at, 2 + (int)demo_rand(d, 8), DECISION_ACCEPTED, 0, NULL);
	snprintf(c->staff.investigator, 64, "io%u", demo_rand(d, 9));
	snprintf(c->staff.independent, 64, "ip%u", demo_rand(d, 9));
	snprintf(c->staff.adjudicator, 64, "director");
	demo_step(d, EV_STATEMENT_AGREED, &at, 3 + (int)demo_rand(d, 10), 0, 0, NULL);
	if (demo_rand(d, 4) == 0)
		demo_step(d, EV_STAGE2_EXTENDED, &at, 15, 0, 0, NULL);
	if (!demo_step(d, EV_STAGE2_RESPONSE_SENT, &at, 18 + (int)demo_rand(d, 50), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, findings); i++)
		c->findings[c->nfindings++] = (struct book_finding){ 2, i + 1, 1 + (int)demo_rand(d, 4) };
	if (BOOK_CASE_ROOM(c, recs)) {
		struct book_rec *rc = &c->recs[c->nrecs++];
		struct date due = date_add_days(at, 60);

		memset(rc, 0, sizeof *rc);
		rc->number = (unsigned)c->nrecs;
		rc->stage = 2;
		snprintf(rc->text, sizeof rc->text, "Review visit recording practice with the team.");
		snprintf(rc->owner, sizeof rc->owner, "manager%u", demo_rand(d, 5));
		date_format(due, rc->due);
		if (due.day < d->today.day && demo_rand(d, 3) != 0)
			date_format(date_add_days(due, -10), rc->done);
	}
	if (demo_rand(d, 10) < 6) {
		demo_step(d, EV_CLOSED, &at, 20, 0, 0, NULL);
		return case_commit_new(d->b, d->t, c);
	}
	if (!demo_step(d, EV_STAGE3_REQUESTED, &at, 5 + (int)demo_rand(d, 18), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	demo_step(d, EV_STAGE3_DECISION_SENT, &at, 3 + (int)demo_rand(d, 7), DECISION_ACCEPTED, 0, NULL);
	snprintf(c->staff.panel[0], 64, "panel%u", demo_rand(d, 4));
	snprintf(c->staff.panel[1], 64, "panel%u", 4 + demo_rand(d, 4));
	snprintf(c->staff.panel[2], 64, "panel%u", 8 + demo_rand(d, 4));
	c->staff.chair = 0;
	{
		struct date panel = at;

		if (!demo_step(d, EV_PANEL_DATE, &panel, 18 + (int)demo_rand(d, 15), 0, 0, NULL))
			return case_commit_new(d->b, d->t, c);
		demo_step(d, EV_PANEL_NOTICE_SENT, &at, 5, 0, 0, NULL);
		at = panel;
		if (!demo_step(d, EV_PANEL_HELD, &at, 0, 0, 0, NULL))
			return case_commit_new(d->b, d->t, c);
	}
	if (!demo_step(d, EV_FINDINGS_SENT, &at, 2 + (int)demo_rand(d, 6), 0, 0, NULL) ||
	    !demo_step(d, EV_STAGE3_RESPONSE_SENT, &at, 8 + (int)demo_rand(d, 12), 0, 0, NULL))
		return case_commit_new(d->b, d->t, c);
	for (i = 0; i < np && BOOK_CASE_ROOM(c, findings); i++)
		c->findings[c->nfindings++] = (struct book_finding){ 3, i + 1, 1 + (int)demo_rand(d, 4) };
	if (demo_rand(d, 3) == 0) {
		demo_step(d, EV_OMBUDSMAN_REFERRED, &at, 20 + (int)demo_rand(d, 40), 0, 0, NULL);
		demo_step(d, EV_OMBUDSMAN_OUTCOME, &at, 60 + (int)demo_rand(d, 60), 0, 0, NULL);
	}
	demo_step(d, EV_CLOSED, &at, 10, 0, 0, NULL);
	return case_commit_new(d->b, d->t, c);
}

static int
demo_txn(struct store_txn *t, void *vctx)
{
	struct demo *d = vctx;
	unsigned seed = d->seed;
	size_t i;
	uint64_t first;
	char rec[64];

	d->t = t;
	first = book_meta_u64(t, META_NEXT_CASE, 1);
	for (i = 0; i < d->todo; i++)
		if (demo_one(d) != 0) {
			d->seed = seed; /* a redone transaction draws the same cases */
			return -1;
		}
	snprintf(rec, sizeof rec, "cases %llu-%llu (%zu synthetic)", (unsigned long long)first,
	         (unsigned long long)book_meta_u64(t, META_NEXT_CASE, 1) - 1, d->todo);
	return book_audit_append(d->b, t, "demo.fill", rec, "cases");
}

int
book_demo_fill(struct book *b, size_t n, unsigned seed, struct err *err)
{
	const struct profile *prof;
	struct demo d;
	int rc = 0;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	memset(&d, 0, sizeof d);
	d.b = b;
	d.seed = seed;
	d.today = book_today(b);
	if (book_profile(b, &prof, &d.cal, err) != 0)
		return -1;
	if ((d.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	while (d.done < n) {
		d.todo = n - d.done < 500 ? n - d.done : 500;
		if ((rc = book_write(b, ROLE_CASEWORKER, true, demo_txn, &d, err)) != 0)
			break;
		d.done += d.todo;
	}
	book_case_free(d.c);
	if (rc == 0)
		book_audit_announce(b);
	return rc;
}
