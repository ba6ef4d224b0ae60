/* cmd-case.c - `redress case ...`: contacts and complaints, and every step
 * of the procedure, one subcommand each. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/adjust.h"
#include "redress/advocacy.h"
#include "redress/book.h"
#include "redress/book-versions.h"
#include "redress/cli.h"
#include "redress/reads.h"
#include "redress/restrict.h"
#include "redress/search.h"
#include "redress/clock.h"
#include "redress/codes.h"
#include "redress/fold.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workflow.h"

static void case_show_event(const struct book_case *c, const struct book_event *e,
                            const char *what, const char *note);
static int case_int(const char *opt, const char *s, long lo, long hi, long *out);
static int case_rev(const char *s, uint64_t *rev);

/* The event a stage-relative step means for this case; --stage overrides. */
static int
case_step_event(const struct workflow_step *d, const struct book_case *c, const char *stage,
                enum event_type *ev, struct err *err)
{
	int s = c->stage;

	if (stage != NULL) {
		s = atoi(stage);
		if (s < 1 || s > 3 || stage[1] != '\0')
			return err_set(err, "--stage: 1, 2 or 3");
	}
	return workflow_step_event(d, c->ref, (enum route)c->kind, s, ev, err);
}

/* --- printing ------------------------------------------------------------------ */

static void
case_put(const char *label, const char *value)
{
	char safe[BOOK_TEXT_MAX * 4];

	if (value == NULL || *value == '\0')
		return;
	text_visible(value, safe, sizeof safe);
	printf("%-12s %s\n", label, safe);
}

static void
case_show(struct book *b, const struct book_case *c)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct deadline dl[PROFILE_RULES_MAX];
	struct err err;
	char line[BOOK_TEXT_MAX + 512], safe[BOOK_TEXT_MAX * 4], buf[DATE_STRLEN], tbuf[DATE_STRLEN], was[96];
	struct book_adjust adj[1];
	size_t i, nd;

	printf("%s  %s, received %s by %s; %s, stage %d\n", c->ref, route_name((enum route)c->kind),
	       c->received, channel_name(c->channel), case_status_name((enum case_status)c->status),
	       c->stage);
	if (c->erased[0] != '\0') {
		snprintf(line, sizeof line, "%s: names and narrative removed under the retention rule",
		         c->erased);
		case_put("erased", line);
	}
	if (c->held) {
		char hold[sizeof c->held_on + sizeof c->held_by + sizeof c->hold_reason + 16];

		snprintf(hold, sizeof hold, "since %s by %s%s%s", c->held_on, c->held_by,
		         c->hold_reason[0] ? ": " : "", c->hold_reason);
		case_put("legal hold", hold);
	}
	case_put("team", c->team);
	case_put("service", c->service);
	{
		const char *who[STAFF_ROLES];

		book_staff_roles(&c->staff, who);

		for (i = 0; i < STAFF_ROLES; i++) {
			if (who[i][0] == '\0')
				continue;
			snprintf(line, sizeof line, "%s%s%s%s", who[i],
			         i >= STAFF_PANEL1 && c->staff.chair == (int)i - STAFF_PANEL1
			         ? " (chair)" : "", c->staff.appointed[i][0] ? ", appointed " : "",
			         c->staff.appointed[i]);
			case_put(book_staff_label((int)i), line);
		}
	}
	case_put("redirected", c->redirect_to);
	case_put("thanked", c->thanked);
	if (c->safeguarding)
		case_put("safeguarding", "flagged and sent to the children's helpdesk");
	case_put("summary", c->summary);
	if (c->advocacy.offered[0] != '\0') {
		char why[128] = "eligibility needs the child's date of birth (--names)";
		struct date dob, on;
		struct err e2;

		for (i = 0; i < c->nparties; i++)
			if (c->parties[i].kind == 0 && c->parties[i].who.dob[0] != '\0' &&
			    date_parse(c->parties[i].who.dob, &dob, &e2) == 0 &&
			    date_parse(c->advocacy.offered, &on, &e2) == 0) {
				char reason[96];
				bool ok = advocacy_eligible(dob, c->advocacy.flags, on, reason, sizeof reason);

				snprintf(why, sizeof why, "%s: %s", ok ? "eligible" : "not eligible", reason);
				break;
			}
		snprintf(line, sizeof line, "offered %s%s%s; %s; %s", c->advocacy.offered,
		         c->advocacy.service[0] ? ", referred to " : "", c->advocacy.service,
		         vocab_label(VOCAB_ADVOCACY, c->advocacy.response % 3), why);
		case_put("advocacy", line);
	}
	for (i = 0; i < c->nparties; i++) {
		const struct book_party *pp = &c->parties[i];

		snprintf(line, sizeof line, "%s%s%s (%s%s%s%s)", pp->who.name,
		         pp->who.dob[0] ? ", born " : "", pp->who.dob, party_role_name(pp->role),
		         pp->eligible ? "" : "; not eligible", pp->consent ? "; consents to a representative" : "",
		         pp->informed ? "; representative kept informed" : "");
		case_put(vocab_name(VOCAB_PARTY_KIND, pp->kind != 0), line);
		case_put("  views", pp->views);
		/* reasonable adjustments, to a key holder shown the name */
		if (pp->who.shown && book_adjust_get(b, pp->person, adj, &err) == 0 &&
		    adj->text[0] != '\0')
			case_put("  adjusted", book_adjust_describe(adj, line, sizeof line));
		explicit_bzero(adj, sizeof *adj);
	}
	for (i = 0; i < c->npoints; i++) {
		size_t k;
		int len = snprintf(line, sizeof line, "%u. ", c->points[i].number);

		for (k = 0; k < c->nfindings; k++)
			if (c->findings[k].point == c->points[i].number)
				len += snprintf(line + len, sizeof line - (size_t)len, "[stage %u: %s] ",
				                c->findings[k].stage, outcome_name(c->findings[k].outcome));
		snprintf(line + len, sizeof line - (size_t)len, "%s",
		         c->erased[0] ? "(erased)" : c->points[i].text);
		case_put("point", line);
	}
	for (i = 0; i < c->nrecs; i++) {
		char stage[16];

		snprintf(line, sizeof line, "%u. (%s, %s, due %s%s%s) %s", c->recs[i].number,
		         book_rec_stage(c->recs[i].stage, stage, sizeof stage), c->recs[i].owner, c->recs[i].due,
		         c->recs[i].done[0] ? ", done " : ", open", c->recs[i].done,
		         c->erased[0] ? "(erased)" : c->recs[i].text);
		case_put("recommend", line);
	}
	printf("\ntimeline\n");
	for (i = 0; i < c->nevents; i++) {
		const struct book_event *e = &c->events[i];

		snprintf(line, sizeof line, "%s%s%s%s%s%s%s%s%s%s%s%s", event_describe((enum event_type)e->type),
		         e->until[0] ? " until " : "", e->until,
		         e->decision == DECISION_ACCEPTED ? ": accepted" :
		         e->decision == DECISION_REFUSED ? ": refused" : "",
		         e->reason ? ", " : "", e->reason ? refusal_describe((enum refusal)e->reason) : "",
		         e->ext_reason ? ", " : "", e->ext_reason ? ext_reason_describe(e->ext_reason) : "",
		         e->finding ? ", " : "", e->finding ? omb_finding_describe(e->finding) : "",
		         e->remedied ? ", " : "", book_remedied_describe(e->remedied));
		text_visible(e->note, safe, sizeof safe);
		case_show_event(c, e, line, safe);
	}
	if (book_case_rules(b, c, &prof, &cal, &err) != 0 ||
	    book_case_deadlines(b, c, dl, PROFILE_RULES_MAX, &nd, &err) != 0) {
		printf("\ndeadlines: %s\n", err.msg);
		return;
	}
	/* the book's first versions go unsaid, as before it kept others */
	if (c->profver > 1 || c->calver > 1)
		printf("\ncounted under %s of the book\n", book_case_versions(c, was, sizeof was));
	printf("\ndeadlines (%s)\n", prof->name);
	for (i = 0; i < nd; i++) {
		char state[40], why[512], twas[96];

		if (dl[i].state == CLOCK_PENDING)
			snprintf(state, sizeof state, "%d left", dl[i].days);
		else if (dl[i].state == CLOCK_OVERDUE || dl[i].state == CLOCK_LAPSED ||
		         dl[i].state == CLOCK_MISSED)
			snprintf(state, sizeof state, "%s by %d", clock_state_name(dl[i].state), dl[i].days);
		else
			snprintf(state, sizeof state, "%s", clock_state_name(dl[i].state));
		clock_explain(&dl[i], why, sizeof why);
		printf("  %-22s %s%s  target %s%s  %-14s %s\n", dl[i].rule->key,
		       date_format(dl[i].due, buf), book_was_note(c, dl[i].rule->key, false, was,
		                                                  sizeof was),
		       date_format(dl[i].target, tbuf), book_was_note(c, dl[i].rule->key, true, twas,
		                                                      sizeof twas), state, why);
	}
}

struct list_print {
	bool tsv;
	FILE *out;
};

static int
case_list_print(const struct book_case_line *l, void *ctx)
{
	const struct list_print *lp = ctx;
	char child[BOOK_NAME_MAX * 4], team[256], owner[256], left[32] = "";

	text_visible(l->child, child, sizeof child);
	text_visible(l->team, team, sizeof team);
	text_visible(l->owner, owner, sizeof owner);
	if (l->next_key[0])
		snprintf(left, sizeof left, "%+d", l->next_days);
	if (lp->tsv)
		fprintf(lp->out, "%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", l->ref, l->received,
		       route_name((enum route)l->kind), case_status_name((enum case_status)l->status),
		       l->stage, l->next_key, l->next_due, left, owner, team, child);
	else
		fprintf(lp->out, "%-14s %s %-10s %-8s %d  %-20s %-10s %5s%s %-10s %-14s %s\n", l->ref,
		       l->received, route_name((enum route)l->kind),
		       case_status_name((enum case_status)l->status), l->stage, l->next_key, l->next_due,
		       left, l->overdue ? "!" : " ", owner, team, child);
	return 0;
}

/* One timeline line: its number, and what a correction did to it or says. */
static void
case_show_event(const struct book_case *c, const struct book_event *e, const char *what,
                const char *note)
{
	char num[16], mark[BOOK_TEXT_MAX + 512], when[32], why[BOOK_TEXT_MAX];
	char who[sizeof e->author * 4], bywho[sizeof e->author * 4];
	const struct book_event *by;

	/* a login is data too: the one escaping function, as for the note */
	text_visible(e->author, who, sizeof who);

	snprintf(num, sizeof num, "#%u", e->seq);
	mark[0] = '\0';
	if (e->voided_by != 0 && e->voided_by <= c->nevents) {
		by = &c->events[e->voided_by - 1];
		date_format_london_time((int64_t)by->recorded_at, when, sizeof when);
		text_visible(by->note, why, sizeof why);
		text_visible(by->author, bywho, sizeof bywho);
		if (by->type == EV_CORRECTION)
			snprintf(mark, sizeof mark, " [voided by %s on %s, #%u%s%s]", bywho, when,
			         by->seq, why[0] ? ": " : "", why);
		else
			snprintf(mark, sizeof mark, " [moved to %s by %s on %s, #%u%s%s]", by->date,
			         bywho, when, by->seq, why[0] ? ": " : "", why);
	}
	if (e->corrects != 0) {
		if (e->type == EV_CORRECTION)
			printf("  %-4s %s  %-10s correction: #%u voided%s%s\n", num, e->date, who,
			       e->corrects, note[0] ? ": " : "", note);
		else
			printf("  %-4s %s  %-10s %s (re-dated, correcting #%u)%s%s\n", num, e->date,
			       who, what, e->corrects, note[0] ? ": " : "", note);
		return;
	}
	printf("  %-4s %s  %-10s %s%s%s%s\n", num, e->date, who, what, note[0] ? ": " : "",
	       note, mark);
}

/* `case correct REF N --date DATE|--void --reason TEXT`: its own options. */
static int
case_correct_cmd(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *date = NULL, *reason = NULL, *rev = NULL, *pos[3];
	int voids = 0, npos, rc;
	const struct cli_spec spec[] = {
		{ "date", &date, NULL }, { "void", NULL, &voids }, { "reason", &reason, NULL },
		{ "rev", &rev, NULL }, { NULL, NULL, NULL },
	};
	struct book *b = NULL;
	struct date d;
	struct err err;
	unsigned newseq = 0;
	uint64_t base = 0;
	long n;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 3, 3, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = case_int("correct: event", pos[2][0] == '#' ? pos[2] + 1 : pos[2], 1,
	                   100000000L, &n)) != CLI_OK)
		return rc;
	if ((date != NULL) == (voids != 0))
		return cli_error(CLI_USAGE, "case correct: give --date DATE (move the event) or "
		                 "--void (void it)");
	if (reason == NULL || *reason == '\0')
		return cli_error(CLI_USAGE, "case correct: --reason TEXT is required");
	if (date != NULL && (rc = cli_date("--date", date, &d)) != CLI_OK)
		return rc;
	if ((rc = case_rev(rev, &base)) != CLI_OK)
		return rc;
	if ((rc = cli_book_open_unlock(env, &b, true)) != CLI_OK)
		return rc;
	if ((rc = cli_book_status(book_case_correct(b, pos[1], (unsigned)n, date, reason,
	                                            base, &newseq, &err), &err)) == CLI_OK)
		printf("%s #%u: %s, correction #%u\n", pos[1], (unsigned)n,
		       date != NULL ? "moved" : "voided", newseq);
	book_close(&b);
	return rc;
}

/* --- the options ------------------------------------------------------------------ */

/* Every option any case action takes; each action names those it takes. */
struct case_opts {
	const char *kind, *channel, *received, *aware, *team, *service, *owner, *child, *child_dob;
	const char *comp, *comp_dob, *comp_role, *summary, *redirect, *thanked, *date, *until;
	const char *reason, *text, *stage, *point, *outcome, *due, *rec, *rev, *manager, *inv;
	const char *indep, *adj, *panel, *chair, *from, *to, *format, *name, *dob, *role;
	const char *offered, *adv_service, *views, *person, *finding, *appointed;
	const char *helpdesk, *passed_at, *spoken_to, *referral, *remedied, *search;
	const char *party;
	int ineligible, consent, informed, eligible, no_consent, no_informed;
	int safeguarding, told, open, overdue, names, child_flag, comp_flag;
	int accepted, declined, in_care, in_education, cp_plan, disabled;
	int clear;
};

struct case_optdef {
	const char *name;
	const char *meta; /* the value's name in usage; NULL for a flag */
	size_t off;       /* of its const char * (or int, for a flag) in struct case_opts */
};

#define CASE_V(n, m, f) { n, m, offsetof(struct case_opts, f) }
#define CASE_F(n, f) { n, NULL, offsetof(struct case_opts, f) }
static const struct case_optdef case_optdefs[] = {
	CASE_V("kind", "K", kind), CASE_V("channel", "C", channel), CASE_V("received", "D", received),
	CASE_V("aware", "D", aware), CASE_V("team", "T", team), CASE_V("service", "S", service),
	CASE_V("owner", "L", owner), CASE_V("child-name", "N", child),
	CASE_V("child-dob", "D", child_dob), CASE_V("complainant-name", "N", comp),
	CASE_V("complainant-dob", "D", comp_dob), CASE_V("complainant-role", "R", comp_role),
	CASE_V("summary", "T", summary), CASE_V("redirect-to", "W", redirect),
	CASE_V("thanked", "W", thanked), CASE_V("date", "D", date), CASE_V("until", "D", until),
	CASE_V("reason", "R", reason), CASE_V("text", "T", text), CASE_V("stage", "N", stage),
	CASE_V("point", "K", point), CASE_V("outcome", "O", outcome), CASE_V("due", "D", due),
	CASE_V("rec", "N", rec), CASE_V("rev", "N", rev), CASE_V("manager", "L", manager),
	CASE_V("investigator", "L", inv), CASE_V("independent", "L", indep),
	CASE_V("adjudicator", "L", adj), CASE_V("panel", "A,B,C", panel),
	CASE_V("chair", "N", chair), CASE_V("from", "D", from), CASE_V("to", "D", to),
	CASE_V("format", "F", format), CASE_V("name", "N", name), CASE_V("dob", "D", dob),
	CASE_V("role", "R", role), CASE_F("safeguarding", safeguarding),
	CASE_F("ombudsman-told", told), CASE_F("open", open), CASE_F("overdue", overdue),
	CASE_F("names", names), CASE_F("child", child_flag), CASE_F("complainant", comp_flag),
	CASE_V("appointed", "D", appointed), CASE_V("offered", "D", offered),
	CASE_V("helpdesk", "H", helpdesk), CASE_V("passed-at", "HH:MM", passed_at),
	CASE_V("spoken-to", "N", spoken_to), CASE_V("referral", "R", referral), CASE_V("advocacy-service", "S", adv_service),
	CASE_F("accepted", accepted), CASE_F("declined", declined), CASE_F("in-care", in_care),
	CASE_F("in-education", in_education), CASE_F("cp-plan", cp_plan),
	CASE_F("disabled", disabled), CASE_V("views", "T", views),
	CASE_F("ineligible", ineligible), CASE_F("consent", consent), CASE_F("informed", informed),
	CASE_F("clear", clear), CASE_V("person", "ID", person), CASE_V("finding", "F", finding),
	CASE_V("remedied-before", "yes|no", remedied), CASE_V("party", "N", party),
	CASE_F("eligible", eligible), CASE_F("no-consent", no_consent),
	CASE_F("no-informed", no_informed), CASE_V("search", "TEXT", search),
};
#define CASE_NOPTS (sizeof case_optdefs / sizeof case_optdefs[0])

static bool
case_opt_given(const struct case_opts *o, const struct case_optdef *d)
{
	const char *p = (const char *)o + d->off;

	if (d->meta == NULL)
		return *(const int *)(const void *)p != 0;
	return *(const char *const *)(const void *)p != NULL;
}

/* --- the actions ------------------------------------------------------------------ */

struct case_action;

/* What an action runs with: the book is open (and unlocked when the action
 * says so), and the case REF loaded into c unless the action takes no REF. */
struct case_run {
	const struct case_action *act;
	struct case_opts *o;
	struct book *b;
	struct book_case *c; /* NULL with CASE_NOREF */
	const char *ref;
	struct date today;
};

#define CASE_NOREF 0x1  /* add, list: no REF, no case loaded */
#define CASE_UNLOCK 0x2 /* changes the book: always unlocks it (reads unlock for --names) */

/* One `redress case` action.  options: the options it takes, separated by
 * spaces; a trailing "!" marks one that is required (shown so in usage).
 * To add an action, write its exec and add a line to case_actions. */
struct case_action {
	const char *name;
	const char *options;
	const char *summary; /* NULL for a step: the step's own description */
	unsigned flags;
	int (*exec)(struct case_run *r);
};

static int
case_int(const char *opt, const char *s, long lo, long hi, long *out)
{
	struct err err;

	if (cli_integer(s, lo, hi, out, &err) != 0)
		return cli_error(CLI_USAGE, "case: %s: %s", opt, err.msg);
	return CLI_OK;
}

/* --rev N into *rev when given (the revision the change was made against) */
static int
case_rev(const char *s, uint64_t *rev)
{
	return s != NULL ? cli_id("case: --rev", s, rev) : CLI_OK;
}

static int
case_do_add(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct book_case_new in;
	struct err err;
	char ref[BOOK_REF_MAX];
	int rc;

	memset(&in, 0, sizeof in);
	in.kind = o->kind ? route_lookup(o->kind) : ROUTE_COMPLAINT;
	in.channel = o->channel ? channel_lookup(o->channel) : CHANNEL_ONLINE;
	in.complainant_role = o->comp_role ? party_role_lookup(o->comp_role) : PARTY_PARENT;
	if (in.kind < 0 || in.channel < 0 || in.complainant_role < 0)
		return cli_error(CLI_USAGE, "case add: unknown %s \"%s\"",
		                 in.kind < 0 ? "--kind" : in.channel < 0 ? "--channel"
		                                                         : "--complainant-role",
		                 in.kind < 0 ? o->kind : in.channel < 0 ? o->channel : o->comp_role);
	in.received = o->received;
	in.aware = o->aware;
	in.team = o->team;
	in.service = o->service;
	in.owner = o->owner;
	in.child_name = o->child;
	in.child_dob = o->child_dob;
	in.complainant_name = o->comp;
	in.complainant_dob = o->comp_dob;
	in.summary = o->summary;
	in.safeguarding = o->safeguarding;
	in.sg_helpdesk = o->helpdesk;
	in.sg_time = o->passed_at;
	in.sg_spoken_to = o->spoken_to;
	in.sg_reference = o->referral;
	in.redirect_to = o->redirect;
	in.thanked = o->thanked;
	if (in.received == NULL)
		return cli_error(CLI_USAGE, "case add: --received DATE is required");
	if ((rc = cli_book_status(book_case_add(r->b, &in, ref, &err), &err)) == CLI_OK)
		printf("%s\n", ref);
	return rc;
}

/* --search: what the client's / finds, as a filter of the list (f->ids
 * is a new array then).  Names and notes not searched are said, and the
 * rest is listed. */
static int
case_list_search(struct book *b, const char *search, struct book_case_filter *f, char *folded,
                 size_t n)
{
	uint64_t *ids;
	size_t nids;
	struct err err;
	int rc;

	if (strlen(search) >= BOOK_SEARCH_MAX)
		return cli_error(CLI_USAGE, "case list: --search is at most %d bytes",
		                 BOOK_SEARCH_MAX - 1);
	fold_text(search, folded, n);
	if (*text_trim(folded) == '\0')
		return cli_error(CLI_USAGE, "case list: --search needs some text");
	if ((rc = book_search_cases(b, search, &ids, &nids, NULL, &err)) == BOOK_EDENIED)
		cli_error(CLI_OK, "names and notes not searched: %s", err.msg);
	else if (rc != 0)
		return cli_book_status(rc, &err);
	f->by_ids = true;
	f->ids = ids;
	f->nids = nids;
	return CLI_OK;
}

static int
case_do_list(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct book_case_filter f;
	struct list_print lp = { o->format != NULL && strcmp(o->format, "tsv") == 0, NULL };
	struct cli_out out;
	struct err err;
	struct date d;
	char folded[BOOK_SEARCH_MAX];
	long v;
	int rc;

	memset(&f, 0, sizeof f);
	f.open = o->open;
	f.overdue = o->overdue;
	f.stage = -1;
	f.kind = -1;
	f.team = o->team;
	f.owner = o->owner;
	f.from = o->from;
	f.to = o->to;
	if (o->format != NULL && !lp.tsv && strcmp(o->format, "text") != 0)
		return cli_error(CLI_USAGE, "case list: --format is text or tsv");
	if (o->stage != NULL && (rc = case_int("--stage", o->stage, 0, 4, &v)) != CLI_OK)
		return rc;
	if (o->stage != NULL)
		f.stage = (int)v;
	if (o->kind != NULL && (f.kind = route_lookup(o->kind)) < 0)
		return cli_error(CLI_USAGE, "case list: unknown --kind \"%s\"", o->kind);
	if ((o->from && (rc = cli_date("--from", o->from, &d)) != CLI_OK) ||
	    (o->to && (rc = cli_date("--to", o->to, &d)) != CLI_OK))
		return rc;
	if (o->search != NULL && (rc = case_list_search(r->b, o->search, &f, folded,
	                                                sizeof folded)) != CLI_OK)
		return rc;
	if ((rc = cli_out_begin(&out)) != CLI_OK) {
		free((void *)f.ids);
		return rc;
	}
	lp.out = out.f;
	rc = cli_book_status(book_case_list(r->b, &f, case_list_print, &lp, &err), &err);
	free((void *)f.ids);
	return cli_out_end(&out, rc);
}

static int
case_do_show(struct case_run *r)
{
	char to[512];
	struct err err;
	bool allowed;
	int rc;

	if ((rc = cli_book_status(book_case_restriction(r->b, r->ref, to, sizeof to, &allowed, &err),
	                          &err)) != CLI_OK)
		return rc;
	if (to[0] != '\0')
		printf("%-12s restricted to %s%s\n", "RESTRICTED", to,
		       allowed ? "" : ": names and narrative withheld from you");
	case_show(r->b, r->c);
	return CLI_OK;
}

static int
case_do_restrict(struct case_run *r)
{
	struct err err;

	if (r->o->clear == (r->o->to != NULL))
		return cli_error(CLI_USAGE, "case restrict: --to LOGIN,... or --clear to lift it");
	return cli_book_status(book_case_restrict(r->b, r->ref, r->o->clear ? NULL : r->o->to, &err),
	                       &err);
}

static int
case_do_step(struct case_run *r)
{
	const struct case_opts *o = r->o;
	const char *sub = r->act->name;
	const struct workflow_step *step = workflow_step_find(sub);
	struct book_step s;
	enum event_type ev;
	struct err err;
	char codes[256];
	int rc;

	memset(&s, 0, sizeof s);
	if (step == NULL)
		return cli_error(CLI_FAIL, "case %s: not a step", sub);
	if (case_step_event(step, r->c, o->stage, &ev, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	s.type = ev;
	s.date = o->date;
	s.until = o->until;
	s.note = o->text;
	s.ombudsman_told = o->told;
	if (strcmp(sub, "accept") == 0)
		s.decision = DECISION_ACCEPTED;
	if (strcmp(sub, "refuse") == 0)
		s.decision = DECISION_REFUSED;
	if (o->remedied != NULL) {
		if (strcmp(o->remedied, "yes") == 0)
			s.remedied = BOOK_REMEDIED_YES;
		else if (strcmp(o->remedied, "no") == 0)
			s.remedied = BOOK_REMEDIED_NO;
		else
			return cli_error(CLI_USAGE, "case %s: --remedied-before is yes or no", sub);
	}
	if (o->finding != NULL && (s.finding = omb_finding_lookup(o->finding)) < 0)
		return cli_error(CLI_USAGE, "case %s: unknown --finding \"%s\" (%s)", sub, o->finding,
		                 vocab_list(VOCAB_FINDING, 0, codes, sizeof codes));
	if (o->reason != NULL && (ev == EV_STAGE1_EXTENDED || ev == EV_STAGE2_EXTENDED)) {
		if ((s.ext_reason = ext_reason_lookup(o->reason)) < 0)
			return cli_error(CLI_USAGE, "case %s: unknown --reason \"%s\" (%s)", sub,
			                 o->reason, vocab_list(VOCAB_EXT_REASON, 0, codes, sizeof codes));
	} else if (o->reason != NULL && (s.reason = refusal_lookup(o->reason)) < 0) {
		return cli_error(CLI_USAGE, "case %s: unknown --reason \"%s\" (%s)", sub, o->reason,
		                 vocab_list(VOCAB_REFUSAL, 0, codes, sizeof codes));
	}
	if (ev == EV_NOTE && (o->text == NULL || *o->text == '\0'))
		return cli_error(CLI_USAGE, "case note: --text is required");
	if ((rc = case_rev(o->rev, &s.base_rev)) != CLI_OK)
		return rc;
	return cli_book_status(book_case_step(r->b, r->ref, &s, &err), &err);
}

static int
case_do_assign(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct book_staff st;
	struct err err;
	char *panel = NULL, *tok, *save;
	long v;
	int i = 0, rc;

	const char *const in[5] = { o->owner, o->manager, o->inv, o->indep, o->adj };
	char *const out[5] = { st.owner, st.manager, st.investigator, st.independent,
	                       st.adjudicator };

	memset(&st, 0, sizeof st);
	st.chair = -1;
	for (i = 0; i < 5; i++)
		if (in[i] != NULL && strlen(in[i]) >= 64)
			return cli_error(CLI_USAGE, "case assign: \"%.20s...\" is longer than 63 bytes",
			                 in[i]);
		else
			snprintf(out[i], 64, "%s", in[i] ? in[i] : "");
	i = 0;
	if (o->appointed != NULL && strlen(o->appointed) < sizeof st.on)
		snprintf(st.on, sizeof st.on, "%s", o->appointed);
	else if (o->appointed != NULL)
		return cli_error(CLI_USAGE, "case assign: --appointed: not a date: %.20s",
		                 o->appointed);
	if (o->panel != NULL && (panel = strdup(o->panel)) != NULL) {
		/* a fourth name is an error, never silently dropped; "A, B, C" as
		 * well as "A,B,C" */
		for (tok = strtok_r(panel, ",", &save); tok != NULL && i < 4;
		     tok = strtok_r(NULL, ",", &save)) {
			size_t n;

			while (*tok == ' ')
				tok++;
			for (n = strlen(tok); n > 0 && tok[n - 1] == ' '; n--)
				tok[n - 1] = '\0';
			if (n >= 64) {
				free(panel);
				return cli_error(CLI_USAGE, "case assign: --panel: a name is at most 63 "
				                 "bytes");
			}
			if (i++ < 3)
				snprintf(st.panel[i - 1], 64, "%s", tok);
		}
		free(panel);
		if (i != 3)
			return cli_error(CLI_USAGE, "case assign: --panel needs three people, A,B,C");
	}
	if (o->chair != NULL) {
		if ((rc = case_int("--chair", o->chair, 1, 3, &v)) != CLI_OK)
			return rc;
		st.chair = (int)v - 1;
	}
	return cli_book_status(book_case_assign(r->b, r->ref, &st, &err), &err);
}

static int
case_do_point(struct case_run *r)
{
	struct err err;
	unsigned num;
	int rc;

	if (r->o->text == NULL)
		return cli_error(CLI_USAGE, "case point: --text is required");
	if ((rc = cli_book_status(book_case_point(r->b, r->ref, r->o->text, &num, &err), &err)) ==
	    CLI_OK)
		printf("%u\n", num);
	return rc;
}

static int
case_do_finding(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct err err;
	char outs[128];
	long st, pt;
	int out, rc;

	if (o->stage == NULL || o->point == NULL || o->outcome == NULL)
		return cli_error(CLI_USAGE, "case finding: --stage, --point and --outcome are required");
	if ((rc = case_int("--stage", o->stage, 1, 3, &st)) != CLI_OK ||
	    (rc = case_int("--point", o->point, 1, 1000, &pt)) != CLI_OK)
		return rc;
	if ((out = outcome_lookup(o->outcome)) <= 0)
		return cli_error(CLI_USAGE, "case finding: --outcome is %s",
		                 vocab_list(VOCAB_OUTCOME, VOCAB_OR, outs, sizeof outs));
	return cli_book_status(book_case_finding(r->b, r->ref, (unsigned)st, (unsigned)pt, out, &err),
	                       &err);
}

static int
case_do_recommend(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct err err;
	unsigned num;
	long st = r->c->stage;
	int rc;

	const char *owner = o->owner;

	/* the Ombudsman's: carried out by the case's owner unless said */
	if (strcmp(r->act->name, "ombudsman-rec") == 0) {
		st = BOOK_REC_OMBUDSMAN;
		if (owner == NULL)
			owner = r->c->staff.owner;
	}
	if (o->text == NULL || owner == NULL || o->due == NULL)
		return cli_error(CLI_USAGE, "case %s: --text%s and --due are required", r->act->name,
		                 st == BOOK_REC_OMBUDSMAN ? "" : ", --owner");
	if (o->stage != NULL && (rc = case_int("--stage", o->stage, 1, 3, &st)) != CLI_OK)
		return rc;
	if ((rc = cli_book_status(book_case_recommend(r->b, r->ref, (unsigned)st, o->text, owner,
	                                              o->due, &num, &err), &err)) == CLI_OK)
		printf("%u\n", num);
	return rc;
}

static int
case_do_done(struct case_run *r)
{
	struct err err;
	long v;
	int rc;

	if (r->o->rec == NULL)
		return cli_error(CLI_USAGE, "case done: --rec N is required");
	if ((rc = case_int("--rec", r->o->rec, 1, 1000, &v)) != CLI_OK)
		return rc;
	return cli_book_status(book_case_rec_done(r->b, r->ref, (unsigned)v, r->o->date, &err), &err);
}

static int
case_do_advocacy(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct book_advocacy a;
	struct err err;

	memset(&a, 0, sizeof a);
	if (o->offered != NULL)
		snprintf(a.offered, sizeof a.offered, "%.15s", o->offered);
	if (o->adv_service != NULL)
		snprintf(a.service, sizeof a.service, "%.63s", o->adv_service);
	if (o->accepted && o->declined)
		return cli_error(CLI_USAGE, "case advocacy: --accepted or --declined, not both");
	a.response = o->accepted ? 1 : o->declined ? 2 : 0;
	a.flags = (o->in_care ? ADVOCACY_IN_CARE : 0) | (o->in_education ? ADVOCACY_IN_EDUCATION : 0) |
	          (o->cp_plan ? ADVOCACY_CP_PLAN : 0) | (o->disabled ? ADVOCACY_DISABLED : 0);
	return cli_book_status(book_case_advocacy(r->b, r->ref, &a, &err), &err);
}

static int
case_do_hold(struct case_run *r)
{
	struct err err;

	if (r->o->clear && r->o->reason != NULL)
		return cli_error(CLI_USAGE, "case hold: --reason or --clear, not both");
	return cli_book_status(book_case_hold(r->b, r->ref, !r->o->clear, r->o->reason, &err), &err);
}

static int
case_do_edit(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct book_case_edit e;
	struct err err;
	int rc;

	memset(&e, 0, sizeof e);
	e.kind = o->kind ? route_lookup(o->kind) : -1;
	e.channel = o->channel ? channel_lookup(o->channel) : -1;
	if ((o->kind && e.kind < 0) || (o->channel && e.channel < 0))
		return cli_error(CLI_USAGE, "case edit: unknown %s \"%s\"",
		                 o->kind && e.kind < 0 ? "--kind" : "--channel",
		                 o->kind && e.kind < 0 ? o->kind : o->channel);
	e.team = o->team;
	e.service = o->service;
	e.summary = o->summary;
	if ((rc = case_rev(o->rev, &e.base_rev)) != CLI_OK)
		return rc;
	return cli_book_status(book_case_edit(r->b, r->ref, &e, &err), &err);
}

static int
case_do_party(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct book_party_new np;
	struct err err;
	int rc;

	memset(&np, 0, sizeof np);
	np.kind = o->child_flag ? 0 : 1;
	np.role = o->role ? party_role_lookup(o->role) : (o->child_flag ? PARTY_CHILD : PARTY_PARENT);
	np.name = o->name;
	np.dob = o->dob;
	np.views = o->views;
	np.ineligible = o->ineligible;
	np.consent = o->consent;
	np.informed = o->informed;
	if (o->child_flag == o->comp_flag || (o->name == NULL) == (o->person == NULL))
		return cli_error(CLI_USAGE, "case party: --child or --complainant, and --name or "
		                 "--person");
	if (o->person != NULL && (rc = cli_id("case: --person", o->person, &np.person)) != CLI_OK)
		return rc;
	if (np.role < 0)
		return cli_error(CLI_USAGE, "case party: unknown --role \"%s\"", o->role);
	return cli_book_status(book_case_party(r->b, r->ref, &np, &err), &err);
}

/* One of a yes flag and its no flag: 1, 0, or -1 when neither; -2 both. */
static int
case_yes_no(int yes, int no)
{
	return yes && no ? -2 : yes ? 1 : no ? 0 : -1;
}

static int
case_do_party_edit(struct case_run *r)
{
	const struct case_opts *o = r->o;
	struct book_party_edit e;
	struct err err;
	long v;
	int rc;

	memset(&e, 0, sizeof e);
	if (o->party == NULL)
		return cli_error(CLI_USAGE, "case party-edit: --party N is required (the Nth person "
		                 "case show lists)");
	if ((rc = case_int("--party", o->party, 1, 1000, &v)) != CLI_OK)
		return rc;
	e.party = (unsigned)v;
	e.role = o->role ? party_role_lookup(o->role) : -1;
	if (o->role && e.role < 0)
		return cli_error(CLI_USAGE, "case party-edit: unknown --role \"%s\"", o->role);
	e.eligible = case_yes_no(o->eligible, o->ineligible);
	e.consent = case_yes_no(o->consent, o->no_consent);
	e.informed = case_yes_no(o->informed, o->no_informed);
	if (e.eligible == -2 || e.consent == -2 || e.informed == -2)
		return cli_error(CLI_USAGE, "case party-edit: --%s or --%s, not both",
		                 e.eligible == -2 ? "eligible" : e.consent == -2 ? "consent" : "informed",
		                 e.eligible == -2 ? "ineligible" : e.consent == -2 ? "no-consent"
		                                                                    : "no-informed");
	e.views = o->views;
	return cli_book_status(book_case_party_edit(r->b, r->ref, &e, &err), &err);
}

/* Every step takes a date, a note and the revision it was based on. */
#define STEP_OPTS "date text rev"
#define CASE_STEP(n, opts) { n, STEP_OPTS opts, NULL, CASE_UNLOCK, case_do_step }

static const struct case_action case_actions[] = {
	{ "add", "received! kind channel aware team service owner child-name child-dob "
	  "complainant-name complainant-dob complainant-role summary safeguarding redirect-to "
	  "thanked helpdesk passed-at spoken-to referral", "record a new contact or complaint; prints its reference",
	  CASE_NOREF | CASE_UNLOCK, case_do_add },
	{ "list", "open overdue stage team owner kind from to format names search",
	  "the cases, one a line (--format tsv: tab-separated)", CASE_NOREF, case_do_list },
	{ "show", "names", "the case, its timeline and its deadlines", 0, case_do_show },
	CASE_STEP("acknowledge", " stage"),
	CASE_STEP("extend", " stage until reason"),
	CASE_STEP("respond", " stage"),
	CASE_STEP("escalate", " stage"),
	CASE_STEP("accept", " stage"),
	CASE_STEP("refuse", " stage reason ombudsman-told"),
	CASE_STEP("statement", ""),
	CASE_STEP("arrange-panel", ""),
	CASE_STEP("panel-notice", ""),
	CASE_STEP("panel-held", ""),
	CASE_STEP("findings", ""),
	CASE_STEP("ombudsman", ""),
	CASE_STEP("ombudsman-outcome", " finding remedied-before"),
	CASE_STEP("new-information", ""),
	CASE_STEP("start-stage1", ""),
	CASE_STEP("pause", ""),
	CASE_STEP("resume", ""),
	CASE_STEP("decline", " reason ombudsman-told"),
	CASE_STEP("redirect", ""),
	CASE_STEP("withdraw", ""),
	CASE_STEP("close", ""),
	CASE_STEP("reopen", ""),
	{ "note", "text! date rev", NULL, CASE_UNLOCK, case_do_step },
	CASE_STEP("pass-on", ""),
	{ "assign", "owner manager investigator independent adjudicator panel chair appointed",
	  "the people on the case (the Stage 2 independent person may not sit on the panel)",
	  CASE_UNLOCK, case_do_assign },
	{ "point", "text!", "a point of complaint; prints its number", CASE_UNLOCK, case_do_point },
	{ "finding", "stage! point! outcome!", "the finding on a point at a stage", CASE_UNLOCK,
	  case_do_finding },
	{ "recommend", "text! owner! due! stage", "a recommendation; prints its number",
	  CASE_UNLOCK, case_do_recommend },
	{ "ombudsman-rec", "text! due! owner",
	  "a recommendation of the Ombudsman's decision; prints its number", CASE_UNLOCK,
	  case_do_recommend },
	{ "done", "rec! date", "a recommendation carried out", CASE_UNLOCK, case_do_done },
	{ "party", "child complainant name person dob role views ineligible consent informed",
	  "a child or complainant on the case (--child or --complainant, --name or --person)",
	  CASE_UNLOCK, case_do_party },
	{ "party-edit", "party! role views eligible ineligible consent no-consent informed "
	  "no-informed", "what the case records of a person on it (--party N: the Nth listed)",
	  CASE_UNLOCK, case_do_party_edit },
	{ "advocacy", "offered advocacy-service accepted declined in-care in-education cp-plan "
	  "disabled", "advocacy offered, where referred, accepted or declined", CASE_UNLOCK,
	  case_do_advocacy },
	{ "edit", "kind channel team service summary rev",
	  "the case's kind, channel, team, service or summary, on the revision seen",
	  CASE_UNLOCK, case_do_edit },
	{ "hold", "reason clear", "a legal hold (manager or admin), or --clear to lift it",
	  CASE_UNLOCK, case_do_hold },
	{ "restrict", "to clear", "only these logins see its names and narrative (manager or "
	  "admin), or --clear to lift it", CASE_UNLOCK, case_do_restrict },
};
#define CASE_NACTIONS (sizeof case_actions / sizeof case_actions[0])

static const struct case_action *
case_action_find(const char *name)
{
	return text_find_ptr(case_actions, CASE_NACTIONS, sizeof case_actions[0],
	                     offsetof(struct case_action, name), name);
}

/* Whether act takes the option name; *required when marked so. */
static bool
case_takes(const struct case_action *act, const char *name, bool *required)
{
	const char *s = act->options;
	size_t n = strlen(name), w;

	while (*s != '\0') {
		s += strspn(s, " ");
		w = strcspn(s, " ");
		if (w > 0 && s[w - 1] == '!' && w - 1 == n && strncmp(s, name, n) == 0) {
			if (required != NULL)
				*required = true;
			return true;
		}
		if (w == n && strncmp(s, name, n) == 0) {
			if (required != NULL)
				*required = false;
			return true;
		}
		s += w;
	}
	return false;
}

/* Refuses an option the action does not take: one line, exit 2.  Names the
 * actions it is for when they are few. */
static int
case_refuse_option(const struct case_action *act, const char *name)
{
	const char *users[3];
	size_t i, n = 0;

	for (i = 0; i < CASE_NACTIONS; i++)
		if (case_takes(&case_actions[i], name, NULL) && n++ < 3)
			users[n - 1] = case_actions[i].name;
	if (n == 1)
		return cli_error(CLI_USAGE, "case %s: --%s is for %s", act->name, name, users[0]);
	if (n == 2)
		return cli_error(CLI_USAGE, "case %s: --%s is for %s and %s", act->name, name, users[0],
		                 users[1]);
	return cli_error(CLI_USAGE, "case %s: --%s does not apply here", act->name, name);
}

/* "redress case NAME [REF] --req V [--opt V] [--flag]", from the table. */
static void
case_action_usage(FILE *f, const struct case_action *act)
{
	const struct workflow_step *step = workflow_step_find(act->name);
	const char *s = act->options;
	char name[64];
	size_t w, i;
	bool req;

	fprintf(f, "usage: redress case %s%s", act->name, act->flags & CASE_NOREF ? "" : " REF");
	while (*s != '\0') {
		s += strspn(s, " ");
		w = strcspn(s, " ");
		if (w == 0)
			break;
		snprintf(name, sizeof name, "%.*s", (int)w, s);
		req = name[strlen(name) - 1] == '!';
		if (req)
			name[strlen(name) - 1] = '\0';
		for (i = 0; i < CASE_NOPTS; i++)
			if (strcmp(case_optdefs[i].name, name) == 0)
				break;
		if (i < CASE_NOPTS)
			fprintf(f, " %s--%s%s%s%s", req ? "" : "[", name, case_optdefs[i].meta ? " " : "",
			        case_optdefs[i].meta ? case_optdefs[i].meta : "", req ? "" : "]");
		s += w;
	}
	fprintf(f, "\n\n%s.\n", act->summary != NULL ? act->summary
	                        : step != NULL ? step->help : "");
	if (act->exec == case_do_step)
		fputs("A step: --date D (default today), --text T adds a note, --rev N refuses it if\n"
		      "the case has changed since revision N.  An invalid step is refused with the\n"
		      "reason (exit 2).\n", f);
	fputs("Any other option is refused (exit 2); see `redress help case`.\n", f);
}

/* `redress case ACTION --help`: the action's usage; -1 for the general help. */
static int
cmd_case_help(const struct cli_cmd *self, int argc, char **argv)
{
	const struct case_action *act;
	int i;

	(void)self;
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if ((act = case_action_find(argv[i])) != NULL) {
			case_action_usage(stdout, act);
			return CLI_OK;
		}
	return -1;
}

static int
cmd_case_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	struct case_opts o;
	struct cli_spec spec[CASE_NOPTS + 1];
	struct case_run r;
	struct cli_cmd me;
	const struct case_action *act;
	const char *pos[3];
	struct err err;
	char todaybuf[DATE_STRLEN];
	size_t i;
	int npos, rc;

	memset(&o, 0, sizeof o);
	/* (three positionals, REF N: an action of its own kind) */
	if (argc > 1 && strcmp(argv[1], "correct") == 0)
		return case_correct_cmd(self, env, argc, argv);
	memset(&r, 0, sizeof r);
	for (i = 0; i < CASE_NOPTS; i++) {
		char *p = (char *)&o + case_optdefs[i].off;

		spec[i].name = case_optdefs[i].name;
		spec[i].value = case_optdefs[i].meta ? (const char **)(void *)p : NULL;
		spec[i].flag = case_optdefs[i].meta ? NULL : (int *)(void *)p;
	}
	spec[CASE_NOPTS] = (struct cli_spec){ NULL, NULL, NULL };
	/* problems before the action is known: a one-line usage */
	me = *self;
	me.usage = "ACTION [REF] [OPTIONS] (see: redress case ACTION --help)";
	if ((rc = cli_parse(&me, argc, argv, spec, pos, 1, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((act = case_action_find(pos[0])) == NULL)
		return cli_error(CLI_USAGE, "case: no subcommand \"%s\" (see: redress help case)",
		                 pos[0]);
	if (((act->flags & CASE_NOREF) != 0) != (npos == 1))
		return cli_error(CLI_USAGE, "case %s: %s", act->name, npos == 1 ? "which case? (REF)"
		                                                               : "takes no REF");
	for (i = 0; i < CASE_NOPTS; i++)
		if (case_opt_given(&o, &case_optdefs[i]) && !case_takes(act, case_optdefs[i].name, NULL))
			return case_refuse_option(act, case_optdefs[i].name);
	if (cli_today(&r.today, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	date_format(r.today, todaybuf);
	if (o.date == NULL)
		o.date = todaybuf;
	r.act = act;
	r.o = &o;
	r.ref = npos == 2 ? pos[1] : NULL;
	if ((rc = cli_book_open_unlock(env, &r.b, (act->flags & CASE_UNLOCK) != 0 || o.names ||
	                                              o.search != NULL)) != CLI_OK)
		return rc;
	/* shown with names: the read goes on record first (reads.h) */
	if (act->exec == case_do_show && o.names)
		book_reads_via(r.b, "case show", false);
	if ((act->flags & CASE_NOREF) == 0) {
		if ((r.c = book_case_new()) == NULL) {
			rc = cli_error(CLI_FAIL, "out of memory");
			goto out;
		}
		if ((rc = cli_book_status(book_case_get(r.b, r.ref, r.c, &err), &err)) != CLI_OK)
			goto out;
	}
	rc = act->exec(&r);
out:
	book_case_free(r.c);
	book_close(&r.b);
	return rc;
}

const struct cli_cmd cmd_case_entry = {
	.name = "case",
	.usage = "add --received DATE [options] | list [filters] | show REF | STEP REF [--date D]\n"
	         "       | assign REF [...] | point REF --text T | finding REF --stage N --point K\n"
	         "       --outcome O | recommend REF --text T --owner L --due D | done REF --rec N\n"
	         "       | ombudsman-rec REF --text T --due D [--owner L]\n"
	         "       | party REF --child|--complainant --name N|--person ID [--dob D] [--role R]\n"
	         "       [--views T] [--ineligible] [--consent] [--informed]\n"
	         "       | party-edit REF --party N [--role R] [--views T] [--eligible|--ineligible]\n"
	         "       [--consent|--no-consent] [--informed|--no-informed]\n"
	         "       | advocacy REF --offered D\n"
	         "       [--advocacy-service S] [--accepted|--declined] [--in-care] [--in-education]\n"
	         "       [--cp-plan] [--disabled] | hold REF [--reason T] | hold REF --clear\n"
	         "       | restrict REF --to LOGIN,... | restrict REF --clear\n"
	         "       | correct REF N --date D|--void --reason T\n"
	         "       | edit REF [--kind K] [--channel C] [--team T] [--service S] [--summary T]\n"
	         "       [--rev N]",
	.summary = "contacts and complaints: add, list, show, and every step of the procedure",
	.help = "add: --kind ({kind}),\n"
	        "  --channel ({channel}),\n"
	        "  --received DATE, --aware DATE, --team, --service, --owner,\n"
	        "  --child-name, --child-dob, --complainant-name, --complainant-dob,\n"
	        "  --complainant-role ({party-role}),\n"
	        "  --summary, --safeguarding, --redirect-to, --thanked;\n"
	        "  with --safeguarding what was done: --helpdesk H (default the profile's),\n"
	        "  --passed-at HH:MM, --spoken-to N, --referral R.\n"
	        "  Prints the new reference (CSC-YYYY-NNNN).\n"
	        "list: --open --overdue --stage N --team T --owner L --kind K --from D --to D\n"
	        "  --format tsv (first column the reference) --names;\n"
	        "  --search TEXT: the cases the client's / finds (reference, team, the names\n"
	        "  of their people, the words of their notes).\n"
	        "show REF [--names]: the case, its timeline (numbered #1, #2, ...) and its\n"
	        "  deadlines.\n"
	        "Steps (each --date D, default today; --text adds a note; --rev N refuses the\n"
	        "  step if the case has changed since revision N): acknowledge, extend [--until D]\n"
	        "  [--reason {extension-reason|}],\n"
	        "  respond, escalate, accept, refuse --reason R --ombudsman-told, statement,\n"
	        "  arrange-panel, panel-notice, panel-held, findings, ombudsman,\n"
	        "  ombudsman-outcome [--remedied-before yes|no (the council had remedied it)]\n"
	        "  [--finding {ombudsman-finding|}],\n"
	        "  new-information, start-stage1, pause, resume,\n"
	        "  decline --reason R --ombudsman-told, redirect, withdraw, close, reopen,\n"
	        "  note --text T, pass-on (a compliment passed to the staff member and their\n"
	        "  manager).  An invalid step is refused with the reason (exit 2).\n"
	        "advocacy REF: advocacy offered (date), the service referred to, accepted or\n"
	        "  declined; eligibility is computed from the child's age and status (under\n"
	        "  18; in care to 21, or 24 in education; disabled to 25).\n"
	        "assign REF: --owner --manager --investigator --independent --adjudicator\n"
	        "  --panel A,B,C --chair 1-3 --appointed D (default today; the Stage 2 independent\n"
	        "  person may not sit); all but the owner and manager may be names.\n"
	        "party REF --person ID: a person already in the book (person add, person find)\n"
	        "  on this case too, rather than a new record.\n"
	        "party-edit REF --party N: what the case records of its Nth person (as case show\n"
	        "  lists them): role, eligibility, consent, kept informed, views (\"\" clears\n"
	        "  them); their name and date of birth are corrected with person edit.\n"
	        "ombudsman-rec REF --text T --due D [--owner L]: a recommendation of the\n"
	        "  Ombudsman's decision (recorded first), carried out by the case's owner unless\n"
	        "  --owner; `done REF --rec N --date D` records when it was complied with.\n"
	        "edit REF: changes the case's own details (the kind only while its receipt is\n"
	        "  all that is recorded); --rev N refuses it if the case changed since N.\n"
	        "hold REF [--reason T] | hold REF --clear (manager or admin): a legal hold,\n"
	        "  which keeps the case from `redress retention --apply` until cleared.\n"
	        "restrict REF --to LOGIN,... | restrict REF --clear (manager or admin): only\n"
	        "  these logins see the case's names and narrative; everyone else, even with\n"
	        "  the key, sees pseudonyms, and `case show` says RESTRICTED.  Audited.\n"
	        "correct REF N --date D|--void --reason T [--rev N] (manager or admin): moves\n"
	        "  timeline event #N (numbered in `case show`) to another date, or voids it.\n"
	        "  The correction is a new event pointing at the old, which stays, marked;\n"
	        "  one that would make the history impossible is refused (exit 2).\n"
	        "Each action takes only its own options: any other is refused (exit 2, the case\n"
	        "  unchanged).  `redress case ACTION --help` shows an action's options.",
	.exec = cmd_case_exec,
	.subhelp = cmd_case_help,
};
