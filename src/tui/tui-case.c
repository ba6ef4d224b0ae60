/* tui-case.c - the case view: the case laid out as lines (summary, people,
 * timeline, deadlines with the rule behind each, points and findings,
 * recommendations), wrapped to the window, and the steps taken from it. */
#include <stdlib.h>
#include <string.h>

#include "redress/adjust.h"
#include "redress/buf.h"
#include "redress/book-versions.h"
#include "redress/clock.h"
#include "redress/profile.h"
#include "redress/codes.h"
#include "redress/text.h"
#include "redress/workflow.h"
#include "redress/restrict.h"
#include "tui-int.h"

#define TUI_LABEL 13 /* "  investigator " */

static void tui_case_free(struct tui *t);

/* --- building the lines -------------------------------------------------------- */

/* Appends one line (already safe to show) to the view. */
static void
tui_view_push(struct tui *t, const char *text, int indent, enum tui_style s)
{
	struct tui_view *V = &t->view;

	if (buf_grow(&V->lines, &V->lcap, V->nlines + 1, sizeof *V->lines) != 0)
		return;
	if ((text = tui_arena_copy(&V->arena, text, strlen(text))) == NULL)
		return;
	V->lines[V->nlines].s = text;
	V->lines[V->nlines].indent = indent;
	V->lines[V->nlines].style = s;
	V->nlines++;
}

/* Adds a line made safe to show, with the style and indent of its
 * continuation rows.  Text with line breaks (notes, summaries) becomes
 * several lines, each after the first indented; a tab shows as a blank. */
static void tui_view_add(struct tui *t, enum tui_style s, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
tui_view_add(struct tui *t, enum tui_style s, int indent, const char *fmt, ...)
{
	char *p, *nl, *q;
	int pad = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->fmt, TUI_FMT_MAX, fmt, ap);
	va_end(ap);
	for (p = t->fmt;; p = nl + 1) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		for (q = p; *q != '\0'; q++)
			if (*q == '\t')
				*q = ' ';
		memset(t->vis, ' ', (size_t)pad);
		text_visible(p, t->vis + pad, TUI_VIS_MAX - (size_t)pad);
		tui_view_push(t, t->vis, indent, s);
		if (nl == NULL)
			break;
		pad = indent;
	}
}

/* A section of the view: a blank line, then its heading. */
static void
tui_view_head(struct tui *t, const char *head)
{
	tui_view_add(t, TUI_S_NORMAL, 0, "%s", "");
	tui_view_add(t, TUI_S_HEAD, 0, "%s", head);
}

static void
tui_view_field(struct tui *t, const char *label, const char *value)
{
	if (value != NULL && *value != '\0')
		tui_view_add(t, TUI_S_NORMAL, TUI_LABEL + 2, "  %-*s %s", TUI_LABEL - 1, label, value);
}

/* Under a party on the case view: their contact details, for a key holder
 * only (a reader without the key sees nothing of them). */
static void
tui_view_contact(struct tui *t, uint64_t person, int indent)
{
	struct book_contact ct;
	struct err err;
	char addr[BOOK_ADDRESS_MAX], *nl;

	if (!book_has_key(t->b) || book_contact_get(t->b, person, &ct, &err) != 0)
		return;
	snprintf(addr, sizeof addr, "%s", ct.address);
	while ((nl = strchr(addr, '\n')) != NULL)
		*nl = ',';
	if (addr[0] != '\0')
		tui_view_add(t, TUI_S_NORMAL, indent, "    %-*s %s", indent - 5, "address", addr);
	if (ct.email[0] != '\0' || ct.phone[0] != '\0' || ct.prefer[0] != '\0')
		tui_view_add(t, TUI_S_NORMAL, indent, "    %-*s %s%s%s%s%s", indent - 5, "contact",
		             ct.email, ct.email[0] && ct.phone[0] ? "; " : "", ct.phone,
		             ct.prefer[0] && (ct.email[0] || ct.phone[0]) ? "; prefers " :
		             ct.prefer[0] ? "prefers " : "", ct.prefer);
	if (strcmp(ct.safe, "no") == 0)
		tui_view_add(t, TUI_S_OVERDUE, indent, "    %-*s %s", indent - 5, "NOT SAFE",
		             "not safe to write to them: no letter is made");
	else if (strcmp(ct.safe, "yes") == 0)
		tui_view_add(t, TUI_S_DIM, indent, "    %-*s %s", indent - 5, "safe", "safe to write");
	explicit_bzero(&ct, sizeof ct);
	explicit_bzero(addr, sizeof addr);
}

/* Under a party on the case view: their reasonable adjustments. */
static void
tui_view_adjust(struct tui *t, uint64_t person, int indent)
{
	char line[BOOK_ADJUST_MAX + 128];
	enum tui_style style;

	if (tui_adjust_line(t, person, line, sizeof line, &style))
		tui_view_add(t, style, indent, "    %-*s %s", indent - 5, "adjusted", line);
	explicit_bzero(line, sizeof line);
}

static void
tui_view_people(struct tui *t, const struct book_case *c)
{
	size_t i;

	tui_view_head(t, "people");
	for (i = 0; i < c->nparties; i++) {
		const struct book_party *p = &c->parties[i];

		tui_view_add(t, TUI_S_NORMAL, TUI_LABEL + 2, "  %-*s %s%s%s (%s%s%s%s)", TUI_LABEL - 1,
		             vocab_name(VOCAB_PARTY_KIND, p->kind != 0), p->who.name,
		             p->who.dob[0] ? ", born " : "", p->who.dob, party_role_name(p->role),
		             p->eligible ? "" : "; not eligible",
		             p->consent ? "; consents to a representative" : "",
		             p->informed ? "; representative kept informed" : "");
		if (p->views[0] != '\0' || (p->unopened && book_has_key(t->b)))
			tui_view_add(t, TUI_S_NORMAL, TUI_LABEL + 2, "    %-*s %s", TUI_LABEL - 3, "views",
			             p->unopened ? TUI_UNOPENED : p->views);
		if (p->who.shown) {
			tui_view_contact(t, p->person, TUI_LABEL + 2);
			tui_view_adjust(t, p->person, TUI_LABEL + 2);
		}
	}
	{
		const char *who[STAFF_ROLES];

		book_staff_roles(&c->staff, who);

		for (i = 0; i < STAFF_ROLES; i++)
			if (who[i][0] != '\0')
				tui_view_add(t, TUI_S_NORMAL, TUI_LABEL + 2, "  %-*s %s%s%s%s", TUI_LABEL - 1,
				             book_staff_label((int)i), who[i],
				             i >= STAFF_PANEL1 && c->staff.chair == (int)i - STAFF_PANEL1
				             ? " (chair)" : "",
				             c->staff.appointed[i][0] ? ", appointed " : "",
				             c->staff.appointed[i]);
	}
	if (c->advocacy.offered[0] != '\0') {
		char why[160];

		tui_advocacy_line(c, c->advocacy.offered, c->advocacy.flags, why, sizeof why);
		tui_view_add(t, TUI_S_NORMAL, TUI_LABEL + 2, "  %-*s offered %s%s%s; %s; %s",
		             TUI_LABEL - 1, "advocacy", c->advocacy.offered,
		             c->advocacy.service[0] ? ", referred to " : "", c->advocacy.service,
		             vocab_label(VOCAB_ADVOCACY, c->advocacy.response % 3), why);
	}
}

static void
tui_view_timeline(struct tui *t, const struct book_case *c)
{
	size_t i;

	tui_view_head(t, "timeline");
	for (i = 0; i < c->nevents; i++) {
		const struct book_event *e = &c->events[i];
		char made[40] = "", day[DATE_STRLEN], num[16], mark[64] = "";

		/* a panel's date is the day it sits: say too the day it was arranged */
		if (e->type == EV_PANEL_DATE && e->recorded_at != 0)
			snprintf(made, sizeof made, " (arranged on %s)",
			         date_format(date_from_unix_london((int64_t)e->recorded_at), day));
		snprintf(num, sizeof num, "#%u", e->seq);
		if (e->voided_by != 0)
			snprintf(mark, sizeof mark, " [corrected by #%u]", e->voided_by);
		else if (e->corrects != 0)
			snprintf(mark, sizeof mark, " [%s #%u]", e->type == EV_CORRECTION ? "voids"
			                                                                   : "re-dates",
			         e->corrects);
		tui_view_add(t, TUI_S_NORMAL, 25, "%-3s %s  %-10s %s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s", num,
		             e->date, e->author, event_describe((enum event_type)e->type), made,
		             e->until[0] ? " until " : "", e->until,
		             e->decision == DECISION_ACCEPTED ? ": accepted" :
		             e->decision == DECISION_REFUSED ? ": refused" : "",
		             e->reason ? ", " : "",
		             e->reason ? refusal_describe((enum refusal)e->reason) : "",
		             e->ext_reason ? ", " : "",
		             e->ext_reason ? ext_reason_describe(e->ext_reason) : "",
		             e->finding ? ", " : "", e->finding ? omb_finding_describe(e->finding) : "",
		             e->remedied ? ", " : "", book_remedied_describe(e->remedied), mark, e->note[0] || e->unopened ? ": " : "",
		             e->unopened && book_has_key(t->b) ? TUI_UNOPENED : e->note);
	}
	t->view.timeline_end = t->view.nlines - 1;
}

static void
tui_view_deadlines(struct tui *t, const struct book_case *c)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct deadline *dl = NULL;
	struct clock_event *ce = NULL;
	struct err err;
	char due[DATE_STRLEN], target[DATE_STRLEN], state[48], why[512], was[96];
	size_t i, n = 0, nd;

	tui_view_add(t, TUI_S_NORMAL, 0, "%s", "");
	dl = calloc(PROFILE_RULES_MAX, sizeof *dl);
	ce = calloc(c->nevents + 1, sizeof *ce);
	if (dl == NULL || ce == NULL) {
		tui_view_add(t, TUI_S_ERROR, 0, "deadlines: out of memory");
		goto out;
	}
	for (i = 0; i < c->nevents; i++) {
		if (c->events[i].voided_by != 0)
			continue; /* corrected: its correction stands for it */
		ce[n].type = (enum event_type)c->events[i].type;
		if (date_parse(c->events[i].date, &ce[n].date, &err) != 0)
			continue;
		ce[n].has_until = c->events[i].until[0] != '\0' &&
		                  date_parse(c->events[i].until, &ce[n].until, &err) == 0;
		n++;
	}
	if (book_case_rules(t->b, c, &prof, &cal, &err) != 0 ||
	    clock_compute(prof, cal, (enum route)c->kind, ce, n, t->today, dl, PROFILE_RULES_MAX,
	                  &nd, &err) != 0) {
		tui_view_add(t, TUI_S_ERROR, 0, "deadlines: %s", err.msg);
		goto out;
	}
	t->view.deadlines_line = t->view.nlines;
	tui_view_add(t, TUI_S_HEAD, 0, "deadlines (%s)", prof->name);
	/* the book's first versions go unsaid, as before it kept others */
	if (c->profver > 1 || c->calver > 1)
		tui_view_add(t, TUI_S_DIM, 2, "  counted under %s of the book",
		             book_case_versions(c, was, sizeof was));
	if (nd == 0)
		tui_view_add(t, TUI_S_DIM, 2, "  none running");
	for (i = 0; i < nd; i++) {
		const struct deadline *d = &dl[i];
		const struct profile_source *src;
		enum tui_style s = TUI_S_NORMAL;
		const char *mark = "";
		bool mine = false;           /* the complainant's clock, run out */

		if (d->rule->party == PARTY_COMPLAINANT &&
		    (d->state == CLOCK_MISSED || d->state == CLOCK_LAPSED)) {
			/* the complainant's time, not the council's: a complaint made
			 * late is never the council's missed deadline */
			snprintf(state, sizeof state, "%s by %d", d->state == CLOCK_MISSED ? "made late"
			                                                                 : "lapsed", d->days);
			s = TUI_S_DIM;
			mine = true;
		} else if (d->state == CLOCK_PENDING) {
			snprintf(state, sizeof state, "%d left", d->days);
			if (d->days <= 3) {
				s = TUI_S_SOON;
				mark = " ~";
			}
		} else if (d->state == CLOCK_OVERDUE || d->state == CLOCK_LAPSED ||
		           d->state == CLOCK_MISSED) {
			snprintf(state, sizeof state, "%s by %d", clock_state_name(d->state), d->days);
			if (d->state == CLOCK_OVERDUE) {
				s = TUI_S_OVERDUE;
				mark = " !";
			}
		} else
			snprintf(state, sizeof state, "%s", clock_state_name(d->state));
		/* the profile's label, as people call it, not the rule's key */
		tui_view_add(t, s, 4, "  %-22s due %s  target %s  %s%s",
		             d->rule->label[0] ? d->rule->label : d->rule->key,
		             date_format(d->due, due), date_format(d->target, target), state, mark);
		/* a date a new calendar or profile moved stays in view */
		if (book_was_note(c, d->rule->key, false, was, sizeof was)[0] != '\0')
			tui_view_add(t, TUI_S_DIM, 6, "    due %s%s", due, was);
		if (book_was_note(c, d->rule->key, true, was, sizeof was)[0] != '\0')
			tui_view_add(t, TUI_S_DIM, 6, "    target %s%s", target, was);
		clock_explain(d, why, sizeof why);
		tui_view_add(t, TUI_S_DIM, 6, "    %s", why);
		if (mine)
			tui_view_add(t, TUI_S_DIM, 6, "    the complainant's time, not the council's: "
			             "no deadline of the council's missed");
		src = profile_source(prof, d->rule->source);
		tui_view_add(t, TUI_S_DIM, 6, "    %s%s%s: %s", d->rule->pinpoint,
		             d->rule->pinpoint[0] ? ", " : "", basis_name(d->rule->basis),
		             src != NULL ? src->text : d->rule->source);
	}
out:
	free(dl);
	free(ce);
}

static void
tui_view_points(struct tui *t, const struct book_case *c)
{
	char today[DATE_STRLEN];
	size_t i, k;
	int len;

	if (c->npoints > 0)
		tui_view_head(t, "points and findings");
	for (i = 0; i < c->npoints; i++) {
		char findings[1024] = "";

		len = 0;
		for (k = 0; k < c->nfindings && len < (int)sizeof findings; k++)
			if (c->findings[k].point == c->points[i].number)
				len += snprintf(findings + len, sizeof findings - (size_t)len, "[stage %u: %s] ",
				                c->findings[k].stage, outcome_name(c->findings[k].outcome));
		tui_view_add(t, TUI_S_NORMAL, 6, "  %u. %s%s", c->points[i].number, findings,
		             c->points[i].unopened && book_has_key(t->b) ? TUI_UNOPENED
		                                                        : c->points[i].text);
	}
	if (c->nrecs > 0)
		tui_view_head(t, "recommendations");
	date_format(t->today, today);
	for (i = 0; i < c->nrecs; i++) {
		const struct book_rec *r = &c->recs[i];
		/* past its due date and not done: overdue, as on the calendar */
		bool late = r->done[0] == '\0' && r->due[0] != '\0' && strcmp(r->due, today) < 0;
		char stage[16];

		tui_view_add(t, late ? TUI_S_OVERDUE : TUI_S_NORMAL, 6, "  %u. (%s, %s, due %s%s%s) %s",
		             r->number, book_rec_stage(r->stage, stage, sizeof stage), r->owner, r->due,
		             r->done[0] ? ", done " : late ? ", overdue" : ", open", r->done,
		             r->unopened && book_has_key(t->b) ? TUI_UNOPENED : r->text);
	}
}

static const char *
tui_case_stage(const struct book_case *c)
{
	static const char *const stages[] = { ", at receipt", ", stage 1", ", stage 2", ", stage 3",
	                                      ", with the Ombudsman" };

	if (c->kind != ROUTE_COMPLAINT || c->stage < 0 || c->stage > 4)
		return "";
	return stages[c->stage];
}

static void
tui_case_build(struct tui *t)
{
	struct tui_view *V = &t->view;
	const struct book_case *c = V->c;
	char when[32];

	tui_arena_free(&V->arena);
	V->nlines = 0;
	V->wrapped = 0;
	tui_view_add(t, TUI_S_HEAD, 2, "%s  %s, received %s (%s); %s%s", c->ref,
	             route_name((enum route)c->kind), c->received, channel_name(c->channel),
	             case_status_name((enum case_status)c->status), tui_case_stage(c));
	date_format_london_time((int64_t)c->updated_at, when, sizeof when);
	tui_view_add(t, TUI_S_DIM, 2, "revision %llu, changed by %s on %s",
	             (unsigned long long)c->rev, c->updated_by, when);
	tui_view_add(t, TUI_S_NORMAL, 0, "%s", "");
	if (c->erased[0] != '\0')
		tui_view_add(t, TUI_S_SOON, TUI_LABEL + 2, "  %-*s %s: names and narrative removed "
		             "under the retention rule", TUI_LABEL - 1, "erased", c->erased);
	if (c->held)
		tui_view_add(t, TUI_S_SOON, TUI_LABEL + 2, "  %-*s since %s by %s%s%s", TUI_LABEL - 1,
		             "legal hold", c->held_on, c->held_by, c->hold_reason[0] ? ": " : "",
		             c->hold_reason);
	tui_view_field(t, "team", c->team);
	tui_view_field(t, "service", c->service);
	tui_view_field(t, "redirected", c->redirect_to);
	tui_view_field(t, "thanked", c->thanked);
	if (c->safeguarding)
		tui_view_field(t, "safeguarding", "flagged and sent to the children's helpdesk");
	tui_view_head(t, "summary");
	tui_view_add(t, c->summary[0] ? TUI_S_NORMAL : TUI_S_DIM, 2, "  %s",
	             c->summary[0] ? c->summary : c->erased[0] ? "(erased)" :
	             !book_has_key(t->b) ? "(sealed: needs the key)" :
	             c->summary_unopened ? TUI_UNOPENED : "(none)");
	tui_view_people(t, c);
	tui_view_timeline(t, c);
	tui_view_deadlines(t, c);
	tui_view_points(t, c);
}

/* --- wrapping ----------------------------------------------------------------------- */

static void
tui_view_row(struct tui_view *V, size_t line, const char *s, size_t len, int indent,
             enum tui_style style)
{
	if (buf_grow(&V->rows, &V->rcap, V->nrows + 1, sizeof *V->rows) != 0)
		return;
	V->rows[V->nrows].line = line;
	V->rows[V->nrows].s = s;
	V->rows[V->nrows].len = len;
	V->rows[V->nrows].indent = indent;
	V->rows[V->nrows].style = style;
	V->nrows++;
}

static void
tui_case_wrap(struct tui *t)
{
	struct tui_view *V = &t->view;
	size_t i, len, next;
	int width = t->cols;

	V->nrows = 0;
	for (i = 0; i < V->nlines; i++) {
		const struct tui_vline *l = &V->lines[i];
		const char *s = l->s;
		int indent = l->indent < width / 2 ? l->indent : 0;

		len = tui_wrap(s, width, &next);
		tui_view_row(V, i, s, len, 0, l->style);
		for (s += next; *s != '\0'; s += next) {
			len = tui_wrap(s, width - indent, &next);
			tui_view_row(V, i, s, len, indent, l->style);
		}
	}
	V->wrapped = width;
}

/* --- opening, reloading ------------------------------------------------------------- */

static int
tui_case_load(struct tui *t, const char *ref)
{
	struct tui_view *V = &t->view;
	struct err err;

	if (V->c == NULL && (V->c = book_case_new()) == NULL) {
		tui_message(t, true, "out of memory");
		return -1;
	}
	if (book_case_get(t->b, ref, V->c, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return -1;
	}
	snprintf(V->ref, sizeof V->ref, "%s", ref);
	{
		bool allowed = true;

		if (book_case_restriction(t->b, ref, V->restricted, sizeof V->restricted, &allowed,
		                          &err) != 0)
			V->restricted[0] = '\0';
		V->withheld = !allowed;
	}
	tui_case_build(t);
	return 0;
}

int
tui_case_open(struct tui *t, const char *ref)
{
	if (tui_case_load(t, ref) != 0) {
		tui_case_free(t);
		return -1;
	}
	t->view.top = 0;
	if (t->screen != &tui_case_screen)
		t->case_back = t->screen;
	t->screen = &tui_case_screen;
	return 0;
}

int
tui_case_reload(struct tui *t)
{
	struct tui_view *V = &t->view;
	uint64_t rev = V->c != NULL ? V->c->rev : 0;
	char ref[BOOK_REF_MAX];

	if (V->c == NULL)
		return 0;
	snprintf(ref, sizeof ref, "%s", V->ref);
	if (tui_case_load(t, ref) != 0)
		return -1;
	if (V->c->rev != rev && strcmp(V->c->updated_by, book_login(t->b)) != 0)
		tui_message(t, false, "%s was changed by %s", ref, V->c->updated_by);
	return 0;
}

static void
tui_case_free(struct tui *t)
{
	struct tui_view *V = &t->view;

	book_case_free(V->c);
	V->c = NULL;
	tui_arena_free(&V->arena);
	free(V->lines);
	free(V->rows);
	memset(V, 0, sizeof *V);
}

/* --- the screen -------------------------------------------------------------------- */

static void
tui_case_draw(struct tui *t)
{
	struct tui_view *V = &t->view;
	int h = tui_body_rows(t), i;

	if (V->c == NULL)
		return;
	if (V->wrapped != t->cols)
		tui_case_wrap(t);
	if (V->focus) {
		size_t r;

		for (r = 0; r < V->nrows && V->rows[r].line <= V->timeline_end; r++)
			;
		/* the latest event just above the middle of the window */
		if (r < V->top + 1 || r > V->top + (size_t)h)
			V->top = r > (size_t)h / 2 ? r - (size_t)h / 2 : 0;
		V->focus = false;
	}
	if (V->at_deadlines) {
		size_t r;

		/* opened from the calendar: its deadlines at the top */
		for (r = 0; r < V->nrows && V->rows[r].line < V->deadlines_line; r++)
			;
		V->top = r;
		V->at_deadlines = false;
	}
	if (V->top + (size_t)h > V->nrows)
		V->top = V->nrows > (size_t)h ? V->nrows - (size_t)h : 0;
	for (i = 0; i < h && V->top + (size_t)i < V->nrows; i++) {
		const struct tui_vrow *r = &V->rows[V->top + (size_t)i];

		tui_putn(t, t->body, i, r->indent, r->s, r->len, t->cols - r->indent, TUI_LEFT,
		         tui_style(t, r->style));
	}
}

/* --- correcting a timeline event ---------------------------------------------- */

#define TUI_CORRECT_REASON_MAX 1024

static const char *const tui_correct_actions[] = { "move it to another date", "void it" };

/* Asks for the event, what to do and why; says what will change and
 * records it only on y.  0 done or cancelled, -1 refused (the form stays). */
static int
tui_case_correct_submit(struct tui *t, struct tui_form *f)
{
	static char anykey[100];
	struct book_case *c = t->view.c;
	const struct book_event *e;
	struct tui_field *ev = tui_form_field(f, "event"), *act = tui_form_field(f, "action");
	struct tui_field *date = tui_form_field(f, "date"), *why = tui_form_field(f, "reason");
	char prompt[512];
	struct err err;
	unsigned long n;
	char *end;
	bool voids = act->choice == 1;
	int i, key, rc;

	n = strtoul(ev->buf[0] == '#' ? ev->buf + 1 : ev->buf, &end, 10);
	if (*end != '\0' || n == 0 || n > c->nevents) {
		tui_message(t, true, "not corrected: the timeline runs #1 to #%zu", c->nevents);
		return -1;
	}
	if (!voids && date->buf[0] == '\0') {
		tui_message(t, true, "not corrected: give the date it moves to");
		return -1;
	}
	e = &c->events[n - 1];
	if (voids)
		snprintf(prompt, sizeof prompt, "Void #%lu, %s on %s (its deadlines are recomputed)? "
		         "y records, anything else does not", n,
		         event_describe((enum event_type)e->type), e->date);
	else
		snprintf(prompt, sizeof prompt, "Move #%lu, %s, from %s to %s (its deadlines are "
		         "recomputed)? y records, anything else does not", n,
		         event_describe((enum event_type)e->type), e->date, date->buf);
	if (anykey[0] == '\0')
		for (i = 32; i < 127; i++)
			anykey[i - 32] = (char)i;
	anykey[95] = '\n';
	if ((key = tui_ask(t, prompt, anykey)) != 'y') {
		/* back to the form as it was: Esc leaves it */
		tui_message(t, false, "not corrected");
		return key < 0 ? 0 : -1;
	}
	rc = book_case_correct(t->b, t->view.ref, (unsigned)n, voids ? NULL : date->buf, why->buf,
	                       c->rev, NULL, &err);
	if (rc != 0) {
		tui_message(t, true, "not corrected: %s", err.msg);
		if (rc == BOOK_ESTALE) {
			tui_case_reload(t);
			t->seen_commit = book_last_commit(t->b);
		}
		return -1;
	}
	/* reload, and tell the list and calendar */
	t->list.stale = true;
	t->cal.stale = true;
	tui_case_reload(t);
	tui_message(t, false, "#%lu %s", n, voids ? "voided" : "moved");
	return 0;
}

static void
tui_case_correct(struct tui *t)
{
	struct tui_form *f;
	char title[128];
	int r;

	if (t->view.c == NULL || tui_cannot_change(t, ROLE_MANAGER))
		return;
	snprintf(title, sizeof title, "correct %s: a timeline event moved or voided, with why",
	         t->view.ref);
	if ((f = tui_form_new(title, TUI_CORRECT_REASON_MAX + 64)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	tui_form_text(f, "event", "Event (#)", 8, false, NULL);
	tui_form_choice(f, "action", "Correction", tui_correct_actions, 2, 0);
	tui_form_date(f, "date", "Moved to", true, NULL);
	tui_form_text(f, "reason", "Reason", TUI_CORRECT_REASON_MAX, false, NULL);
	tui_form_focus(f, "event");
	while ((r = tui_form_run(t, f)) == 1)
		if (tui_case_correct_submit(t, f) == 0)
			break;
	tui_form_free(&f);
}

static void
tui_case_key(struct tui *t, enum tui_action a)
{
	struct tui_view *V = &t->view;
	size_t h = (size_t)tui_body_rows(t), max = V->nrows > h ? V->nrows - h : 0;

	switch (a) {
	case TUI_A_BACK:
		tui_case_free(t);
		t->screen = t->case_back == &tui_cal_screen ? &tui_cal_screen : &tui_list_screen;
		/* the step recorded there may have moved a deadline */
		t->cal.stale = true;
		break;
	case TUI_A_STEP:
		tui_step_menu(t);
		break;
	case TUI_A_NOTE:
		tui_step_form(t, "note", 0);
		break;
	case TUI_A_ESCALATE:
		tui_step_form(t, "escalate", 0);
		break;
	case TUI_A_RESPOND:
		tui_step_form(t, "respond", 0);
		break;
	case TUI_A_EXTEND:
		tui_step_form(t, "extend", 0);
		break;
	case TUI_A_LETTER:
		tui_letter_menu(t);
		break;
	case TUI_A_PEOPLE:
		tui_people_form(t);
		break;
	case TUI_A_PARTY:
		tui_party_form(t);
		break;
	case TUI_A_ADVOCACY:
		tui_advocacy_form(t);
		break;
	case TUI_A_CONTACT:
		tui_contact_form(t);
		break;
	case TUI_A_ADJUST:
		tui_adjust_form(t);
		break;
	case TUI_A_PERSON:
		tui_person_form(t);
		break;
	case TUI_A_EQUALITY:
		tui_equality_form(t);
		break;
	case TUI_A_POINT:
		tui_point_form(t);
		break;
	case TUI_A_FINDING:
		tui_finding_form(t);
		break;
	case TUI_A_RECOMMEND:
		tui_rec_form(t);
		break;
	case TUI_A_REC_DONE:
		tui_rec_done_form(t);
		break;
	case TUI_A_HOLD:
		tui_hold_form(t);
		break;
	case TUI_A_EDIT:
		tui_edit_form(t);
		break;
	case TUI_A_CORRECT:
		tui_case_correct(t);
		break;
	default:
		tui_scroll(&V->top, max, h, a);
		break;
	}
}

static void
tui_case_title(struct tui *t, char *buf, size_t n)
{
	const struct tui_view *V = &t->view;
	size_t h = (size_t)tui_body_rows(t);

	snprintf(buf, n, "case %s%s%s%s, revision %llu | %zu%%", V->ref,
	         V->restricted[0] != '\0' ? " RESTRICTED to " : "", V->restricted,
	         V->withheld ? " (names withheld)" : "",
	         V->c != NULL ? (unsigned long long)V->c->rev : 0ULL,
	         V->nrows <= h ? (size_t)100 : (V->top + h) * 100 / V->nrows);
}

/* What another user added to the case open (in front or behind) comes
 * into view. */
static void
tui_case_wake(struct tui *t, bool front)
{
	uint64_t rev;

	(void)front;
	if (t->view.c == NULL)
		return;
	rev = t->view.c->rev;
	if (tui_case_reload(t) == 0 && t->view.c != NULL && t->view.c->rev != rev)
		t->view.focus = true;
}

const struct tui_screen tui_case_screen = {
	.name = "case",
	.ctx = TUI_CTX_CASE,
	.draw = tui_case_draw,
	.key = tui_case_key,
	.title = tui_case_title,
	.wake = tui_case_wake,
	.free = tui_case_free,
};
