/* cmd-case.c - `redress case ...`: contacts and complaints, and every step
 * of the procedure, one subcommand each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/advocacy.h"
#include "redress/book.h"
#include "redress/cli.h"
#include "redress/clock.h"
#include "redress/codes.h"
#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workflow.h"

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
	char line[512], safe[BOOK_TEXT_MAX * 4], buf[DATE_STRLEN], tbuf[DATE_STRLEN];
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
	case_put("owner", c->staff.owner);
	case_put("manager", c->staff.manager);
	case_put("investigator", c->staff.investigator);
	case_put("independent", c->staff.independent);
	case_put("adjudicator", c->staff.adjudicator);
	for (i = 0; i < 3; i++)
		if (c->staff.panel[i][0]) {
			snprintf(line, sizeof line, "%s%s", c->staff.panel[i],
			         c->staff.chair == (int)i ? " (chair)" : "");
			case_put("panel", line);
		}
	case_put("redirected", c->redirect_to);
	case_put("thanked", c->thanked);
	if (c->safeguarding)
		case_put("safeguarding", "flagged and sent to the children's helpdesk");
	case_put("summary", c->summary);
	if (c->advocacy.offered[0] != '\0') {
		static const char *const resp[] = { "no answer yet", "accepted", "declined" };
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
		         resp[c->advocacy.response % 3], why);
		case_put("advocacy", line);
	}
	for (i = 0; i < c->nparties; i++) {
		const struct book_party *pp = &c->parties[i];

		snprintf(line, sizeof line, "%s%s%s (%s%s%s%s)", pp->who.name,
		         pp->who.dob[0] ? ", born " : "", pp->who.dob, party_role_name(pp->role),
		         pp->eligible ? "" : "; not eligible", pp->consent ? "; consents to a representative" : "",
		         pp->informed ? "; representative kept informed" : "");
		case_put(pp->kind == 0 ? "child" : "complainant", line);
		case_put("  views", pp->views);
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
		snprintf(line, sizeof line, "%u. (stage %u, %s, due %s%s%s) %s", c->recs[i].number,
		         c->recs[i].stage, c->recs[i].owner, c->recs[i].due,
		         c->recs[i].done[0] ? ", done " : ", open", c->recs[i].done,
		         c->erased[0] ? "(erased)" : c->recs[i].text);
		case_put("recommend", line);
	}
	printf("\ntimeline\n");
	for (i = 0; i < c->nevents; i++) {
		const struct book_event *e = &c->events[i];

		snprintf(line, sizeof line, "%s%s%s%s%s%s%s%s%s%s", event_describe((enum event_type)e->type),
		         e->until[0] ? " until " : "", e->until,
		         e->decision == DECISION_ACCEPTED ? ": accepted" :
		         e->decision == DECISION_REFUSED ? ": refused" : "",
		         e->reason ? ", " : "", e->reason ? refusal_describe((enum refusal)e->reason) : "",
		         e->ext_reason ? ", " : "", e->ext_reason ? ext_reason_describe(e->ext_reason) : "",
		         e->finding ? ", " : "", e->finding ? omb_finding_describe(e->finding) : "");
		char who[sizeof e->author * 4];

		/* a login is data too: the one escaping function, as for the note */
		text_visible(e->author, who, sizeof who);
		text_visible(e->note, safe, sizeof safe);
		printf("  %s  %-10s %s%s%s\n", e->date, who, line, e->note[0] ? ": " : "", safe);
	}
	if (book_profile(b, &prof, &cal, &err) != 0 ||
	    book_case_deadlines(b, c, dl, PROFILE_RULES_MAX, &nd, &err) != 0) {
		printf("\ndeadlines: %s\n", err.msg);
		return;
	}
	printf("\ndeadlines (%s)\n", prof->name);
	for (i = 0; i < nd; i++) {
		char state[40], why[512];

		if (dl[i].state == CLOCK_PENDING)
			snprintf(state, sizeof state, "%d left", dl[i].days);
		else if (dl[i].state == CLOCK_OVERDUE || dl[i].state == CLOCK_LAPSED ||
		         dl[i].state == CLOCK_MISSED)
			snprintf(state, sizeof state, "%s by %d", clock_state_name(dl[i].state), dl[i].days);
		else
			snprintf(state, sizeof state, "%s", clock_state_name(dl[i].state));
		clock_explain(&dl[i], why, sizeof why);
		printf("  %-22s %s  target %s  %-14s %s\n", dl[i].rule->key, date_format(dl[i].due, buf),
		       date_format(dl[i].target, tbuf), state, why);
	}
}

struct list_print {
	bool tsv;
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
		printf("%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", l->ref, l->received,
		       route_name((enum route)l->kind), case_status_name((enum case_status)l->status),
		       l->stage, l->next_key, l->next_due, left, owner, team, child);
	else
		printf("%-14s %s %-10s %-8s %d  %-20s %-10s %5s%s %-10s %-14s %s\n", l->ref,
		       l->received, route_name((enum route)l->kind),
		       case_status_name((enum case_status)l->status), l->stage, l->next_key, l->next_due,
		       left, l->overdue ? "!" : " ", owner, team, child);
	return 0;
}

/* --- the command ----------------------------------------------------------------- */

struct case_opts {
	const char *kind, *channel, *received, *aware, *team, *service, *owner, *child, *child_dob;
	const char *comp, *comp_dob, *comp_role, *summary, *redirect, *thanked, *date, *until;
	const char *reason, *text, *stage, *point, *outcome, *due, *rec, *rev, *manager, *inv;
	const char *indep, *adj, *panel, *chair, *from, *to, *format, *name, *dob, *role;
	const char *offered, *adv_service, *views, *person, *finding;
	int ineligible, consent, informed;
	int safeguarding, told, open, overdue, names, child_flag, comp_flag;
	int accepted, declined, in_care, in_education, cp_plan, disabled;
	int clear;
};

static int
case_int(const char *opt, const char *s, long lo, long hi, long *out)
{
	struct err err;

	if (cli_integer(s, lo, hi, out, &err) != 0)
		return cli_error(CLI_USAGE, "case: %s: %s", opt, err.msg);
	return CLI_OK;
}

static int
cmd_case_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	struct case_opts o;
	const struct cli_spec spec[] = {
		{ "kind", &o.kind, NULL }, { "channel", &o.channel, NULL },
		{ "received", &o.received, NULL }, { "aware", &o.aware, NULL },
		{ "team", &o.team, NULL }, { "service", &o.service, NULL },
		{ "owner", &o.owner, NULL }, { "child-name", &o.child, NULL },
		{ "child-dob", &o.child_dob, NULL }, { "complainant-name", &o.comp, NULL },
		{ "complainant-dob", &o.comp_dob, NULL }, { "complainant-role", &o.comp_role, NULL },
		{ "summary", &o.summary, NULL }, { "redirect-to", &o.redirect, NULL },
		{ "thanked", &o.thanked, NULL }, { "date", &o.date, NULL }, { "until", &o.until, NULL },
		{ "reason", &o.reason, NULL }, { "text", &o.text, NULL }, { "stage", &o.stage, NULL },
		{ "point", &o.point, NULL }, { "outcome", &o.outcome, NULL }, { "due", &o.due, NULL },
		{ "rec", &o.rec, NULL }, { "rev", &o.rev, NULL }, { "manager", &o.manager, NULL },
		{ "investigator", &o.inv, NULL }, { "independent", &o.indep, NULL },
		{ "adjudicator", &o.adj, NULL }, { "panel", &o.panel, NULL }, { "chair", &o.chair, NULL },
		{ "from", &o.from, NULL }, { "to", &o.to, NULL }, { "format", &o.format, NULL },
		{ "name", &o.name, NULL }, { "dob", &o.dob, NULL }, { "role", &o.role, NULL },
		{ "safeguarding", NULL, &o.safeguarding }, { "ombudsman-told", NULL, &o.told },
		{ "open", NULL, &o.open }, { "overdue", NULL, &o.overdue }, { "names", NULL, &o.names },
		{ "child", NULL, &o.child_flag }, { "complainant", NULL, &o.comp_flag },
		{ "offered", &o.offered, NULL }, { "advocacy-service", &o.adv_service, NULL },
		{ "accepted", NULL, &o.accepted }, { "declined", NULL, &o.declined },
		{ "in-care", NULL, &o.in_care }, { "in-education", NULL, &o.in_education },
		{ "cp-plan", NULL, &o.cp_plan }, { "disabled", NULL, &o.disabled },
		{ "views", &o.views, NULL }, { "ineligible", NULL, &o.ineligible },
		{ "consent", NULL, &o.consent }, { "informed", NULL, &o.informed },
		{ "clear", NULL, &o.clear }, { "person", &o.person, NULL },
		{ "finding", &o.finding, NULL },
		{ NULL, NULL, NULL },
	};
	const struct workflow_step *step = NULL;
	const char *pos[3], *sub;
	struct book *b = NULL;
	struct book_case *c = NULL;
	struct err err;
	char ref[BOOK_REF_MAX], todaybuf[DATE_STRLEN];
	struct date today;
	int npos, rc, writes, need_key;
	long v;

	memset(&o, 0, sizeof o);
	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	sub = pos[0];
	step = workflow_step_find(sub);
	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0 && strcmp(sub, "show") != 0 &&
	    strcmp(sub, "assign") != 0 && strcmp(sub, "point") != 0 && strcmp(sub, "finding") != 0 &&
	    strcmp(sub, "recommend") != 0 && strcmp(sub, "done") != 0 && strcmp(sub, "party") != 0 &&
	    strcmp(sub, "advocacy") != 0 && strcmp(sub, "hold") != 0 && step == NULL)
		return cli_error(CLI_USAGE, "case: no subcommand \"%s\" (see: redress help case)", sub);
	if ((strcmp(sub, "add") == 0 || strcmp(sub, "list") == 0) != (npos == 1))
		return cli_error(CLI_USAGE, "case %s: %s", sub, npos == 1 ? "which case? (REF)"
		                                                          : "takes no REF");
	if (cli_today(&today, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	date_format(today, todaybuf);
	if (o.date == NULL)
		o.date = todaybuf;
	writes = strcmp(sub, "list") != 0 && strcmp(sub, "show") != 0;
	need_key = writes || o.names;
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if (need_key && (rc = cli_book_unlock(b)) != CLI_OK)
		goto out;
	if (strcmp(sub, "add") == 0) {
		struct book_case_new in;

		memset(&in, 0, sizeof in);
		in.kind = o.kind ? route_lookup(o.kind) : ROUTE_COMPLAINT;
		in.channel = o.channel ? channel_lookup(o.channel) : CHANNEL_ONLINE;
		in.complainant_role = o.comp_role ? party_role_lookup(o.comp_role) : PARTY_PARENT;
		if (in.kind < 0 || in.channel < 0 || in.complainant_role < 0) {
			rc = cli_error(CLI_USAGE, "case add: unknown %s \"%s\"",
			               in.kind < 0 ? "--kind" : in.channel < 0 ? "--channel"
			                                                       : "--complainant-role",
			               in.kind < 0 ? o.kind : in.channel < 0 ? o.channel : o.comp_role);
			goto out;
		}
		in.received = o.received;
		in.aware = o.aware;
		in.team = o.team;
		in.service = o.service;
		in.owner = o.owner;
		in.child_name = o.child;
		in.child_dob = o.child_dob;
		in.complainant_name = o.comp;
		in.complainant_dob = o.comp_dob;
		in.summary = o.summary;
		in.safeguarding = o.safeguarding;
		in.redirect_to = o.redirect;
		in.thanked = o.thanked;
		if (in.received == NULL) {
			rc = cli_error(CLI_USAGE, "case add: --received DATE is required");
			goto out;
		}
		if ((rc = cli_book_status(book_case_add(b, &in, ref, &err), &err)) == CLI_OK)
			printf("%s\n", ref);
		goto out;
	}
	if (strcmp(sub, "list") == 0) {
		struct book_case_filter f;
		struct list_print lp = { o.format != NULL && strcmp(o.format, "tsv") == 0 };

		memset(&f, 0, sizeof f);
		f.open = o.open;
		f.overdue = o.overdue;
		f.stage = -1;
		f.kind = -1;
		f.team = o.team;
		f.owner = o.owner;
		f.from = o.from;
		f.to = o.to;
		if (o.format != NULL && !lp.tsv && strcmp(o.format, "text") != 0) {
			rc = cli_error(CLI_USAGE, "case list: --format is text or tsv");
			goto out;
		}
		if (o.stage != NULL && (rc = case_int("--stage", o.stage, 0, 4, &v)) != CLI_OK)
			goto out;
		if (o.stage != NULL)
			f.stage = (int)v;
		if (o.kind != NULL && (f.kind = route_lookup(o.kind)) < 0) {
			rc = cli_error(CLI_USAGE, "case list: unknown --kind \"%s\"", o.kind);
			goto out;
		}
		if ((o.from && (rc = cli_date("--from", o.from, &today)) != CLI_OK) ||
		    (o.to && (rc = cli_date("--to", o.to, &today)) != CLI_OK))
			goto out;
		rc = cli_book_status(book_case_list(b, &f, case_list_print, &lp, &err), &err);
		goto out;
	}
	if ((c = book_secret_alloc(sizeof *c)) == NULL) {
		rc = cli_error(CLI_FAIL, "out of memory");
		goto out;
	}
	if ((rc = cli_book_status(book_case_get(b, pos[1], c, &err), &err)) != CLI_OK)
		goto out;
	if (strcmp(sub, "show") == 0) {
		case_show(b, c);
	} else if (step != NULL) {
		struct book_step s;
		enum event_type ev;
		char codes[256];

		memset(&s, 0, sizeof s);
		if (case_step_event(step, c, o.stage, &ev, &err) != 0) {
			rc = cli_report(CLI_USAGE, &err);
			goto out;
		}
		s.type = ev;
		s.date = o.date;
		s.until = o.until;
		s.note = o.text;
		s.ombudsman_told = o.told;
		if (strcmp(sub, "accept") == 0)
			s.decision = DECISION_ACCEPTED;
		if (strcmp(sub, "refuse") == 0)
			s.decision = DECISION_REFUSED;
		if (o.finding != NULL && ev != EV_OMBUDSMAN_OUTCOME) {
			rc = cli_error(CLI_USAGE, "case %s: --finding is for ombudsman-outcome", sub);
			goto out;
		}
		if (o.finding != NULL && (s.finding = omb_finding_lookup(o.finding)) < 0) {
			rc = cli_error(CLI_USAGE, "case %s: unknown --finding \"%s\" (%s)", sub,
			               o.finding, omb_finding_list(codes, sizeof codes));
			goto out;
		}
		if (o.reason != NULL && (ev == EV_STAGE1_EXTENDED || ev == EV_STAGE2_EXTENDED)) {
			if ((s.ext_reason = ext_reason_lookup(o.reason)) < 0) {
				rc = cli_error(CLI_USAGE, "case %s: unknown --reason \"%s\" (%s)", sub,
				               o.reason, ext_reason_list(codes, sizeof codes));
				goto out;
			}
		} else if (o.reason != NULL && (s.reason = refusal_lookup(o.reason)) < 0) {
			rc = cli_error(CLI_USAGE, "case %s: unknown --reason \"%s\" (over-a-year, "
			               "legal-proceedings, not-eligible, out-of-scope, late-request)", sub,
			               o.reason);
			goto out;
		}
		if (ev == EV_NOTE && (o.text == NULL || *o.text == '\0')) {
			rc = cli_error(CLI_USAGE, "case note: --text is required");
			goto out;
		}
		if (o.rev != NULL) {
			if ((rc = case_int("--rev", o.rev, 1, 2147483647L, &v)) != CLI_OK)
				goto out;
			s.base_rev = (uint64_t)v;
		}
		rc = cli_book_status(book_case_step(b, pos[1], &s, &err), &err);
	} else if (strcmp(sub, "assign") == 0) {
		struct book_staff st;
		char *panel = NULL, *tok, *save;
		int i = 0;

		memset(&st, 0, sizeof st);
		st.chair = -1;
		snprintf(st.owner, 64, "%s", o.owner ? o.owner : "");
		snprintf(st.manager, 64, "%s", o.manager ? o.manager : "");
		snprintf(st.investigator, 64, "%s", o.inv ? o.inv : "");
		snprintf(st.independent, 64, "%s", o.indep ? o.indep : "");
		snprintf(st.adjudicator, 64, "%s", o.adj ? o.adj : "");
		if (o.panel != NULL && (panel = strdup(o.panel)) != NULL) {
			/* a fourth name is an error, never silently dropped */
			for (tok = strtok_r(panel, ",", &save); tok != NULL && i < 4;
			     tok = strtok_r(NULL, ",", &save))
				if (i++ < 3)
					snprintf(st.panel[i - 1], 64, "%s", tok);
			free(panel);
			if (i != 3) {
				rc = cli_error(CLI_USAGE, "case assign: --panel needs three logins, A,B,C");
				goto out;
			}
		}
		if (o.chair != NULL) {
			if ((rc = case_int("--chair", o.chair, 1, 3, &v)) != CLI_OK)
				goto out;
			st.chair = (int)v - 1;
		}
		rc = cli_book_status(book_case_assign(b, pos[1], &st, &err), &err);
	} else if (strcmp(sub, "point") == 0) {
		unsigned num;

		if (o.text == NULL) {
			rc = cli_error(CLI_USAGE, "case point: --text is required");
			goto out;
		}
		if ((rc = cli_book_status(book_case_point(b, pos[1], o.text, &num, &err), &err)) == CLI_OK)
			printf("%u\n", num);
	} else if (strcmp(sub, "finding") == 0) {
		long st, pt;
		int out;

		if (o.stage == NULL || o.point == NULL || o.outcome == NULL) {
			rc = cli_error(CLI_USAGE, "case finding: --stage, --point and --outcome are required");
			goto out;
		}
		if ((rc = case_int("--stage", o.stage, 1, 3, &st)) != CLI_OK ||
		    (rc = case_int("--point", o.point, 1, 1000, &pt)) != CLI_OK)
			goto out;
		if ((out = outcome_lookup(o.outcome)) <= 0) {
			rc = cli_error(CLI_USAGE, "case finding: --outcome is upheld, partly-upheld, "
			               "not-upheld or unable-to-determine");
			goto out;
		}
		rc = cli_book_status(book_case_finding(b, pos[1], (unsigned)st, (unsigned)pt, out, &err),
		                     &err);
	} else if (strcmp(sub, "recommend") == 0) {
		unsigned num;
		long st = c->stage;

		if (o.text == NULL || o.owner == NULL || o.due == NULL) {
			rc = cli_error(CLI_USAGE, "case recommend: --text, --owner and --due are required");
			goto out;
		}
		if (o.stage != NULL && (rc = case_int("--stage", o.stage, 1, 3, &st)) != CLI_OK)
			goto out;
		if ((rc = cli_book_status(book_case_recommend(b, pos[1], (unsigned)st, o.text, o.owner,
		                                              o.due, &num, &err), &err)) == CLI_OK)
			printf("%u\n", num);
	} else if (strcmp(sub, "done") == 0) {
		if (o.rec == NULL) {
			rc = cli_error(CLI_USAGE, "case done: --rec N is required");
			goto out;
		}
		if ((rc = case_int("--rec", o.rec, 1, 1000, &v)) != CLI_OK)
			goto out;
		rc = cli_book_status(book_case_rec_done(b, pos[1], (unsigned)v, o.date, &err), &err);
	} else if (strcmp(sub, "advocacy") == 0) {
		struct book_advocacy a;

		memset(&a, 0, sizeof a);
		if (o.offered != NULL)
			snprintf(a.offered, sizeof a.offered, "%.15s", o.offered);
		if (o.adv_service != NULL)
			snprintf(a.service, sizeof a.service, "%.63s", o.adv_service);
		if (o.accepted && o.declined) {
			rc = cli_error(CLI_USAGE, "case advocacy: --accepted or --declined, not both");
			goto out;
		}
		a.response = o.accepted ? 1 : o.declined ? 2 : 0;
		a.flags = (o.in_care ? ADVOCACY_IN_CARE : 0) | (o.in_education ? ADVOCACY_IN_EDUCATION : 0) |
		          (o.cp_plan ? ADVOCACY_CP_PLAN : 0) | (o.disabled ? ADVOCACY_DISABLED : 0);
		rc = cli_book_status(book_case_advocacy(b, pos[1], &a, &err), &err);
	} else if (strcmp(sub, "hold") == 0) {
		if (o.clear && o.reason != NULL) {
			rc = cli_error(CLI_USAGE, "case hold: --reason or --clear, not both");
			goto out;
		}
		rc = cli_book_status(book_case_hold(b, pos[1], !o.clear, o.reason, &err), &err);
	} else { /* party */
		struct book_party_new np;

		memset(&np, 0, sizeof np);
		np.kind = o.child_flag ? 0 : 1;
		np.role = o.role ? party_role_lookup(o.role) : (o.child_flag ? PARTY_CHILD : PARTY_PARENT);
		np.name = o.name;
		np.dob = o.dob;
		np.views = o.views;
		np.ineligible = o.ineligible;
		np.consent = o.consent;
		np.informed = o.informed;
		if (o.child_flag == o.comp_flag || (o.name == NULL) == (o.person == NULL)) {
			rc = cli_error(CLI_USAGE, "case party: --child or --complainant, and --name or "
			               "--person");
			goto out;
		}
		if (o.person != NULL) {
			if ((rc = case_int("--person", o.person, 1, 2147483647L, &v)) != CLI_OK)
				goto out;
			np.person = (uint64_t)v;
		}
		if (np.role < 0) {
			rc = cli_error(CLI_USAGE, "case party: unknown --role \"%s\"", o.role);
			goto out;
		}
		rc = cli_book_status(book_case_party(b, pos[1], &np, &err), &err);
	}
out:
	book_secret_free(c, c != NULL ? sizeof *c : 0);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_case_entry = {
	.name = "case",
	.usage = "add --received DATE [options] | list [filters] | show REF | STEP REF [--date D]\n"
	         "       | assign REF [...] | point REF --text T | finding REF --stage N --point K\n"
	         "       --outcome O | recommend REF --text T --owner L --due D | done REF --rec N\n"
	         "       | party REF --child|--complainant --name N|--person ID [--dob D] [--role R]\n"
	         "       [--views T] [--ineligible] [--consent] [--informed]\n"
	         "       | advocacy REF --offered D\n"
	         "       [--advocacy-service S] [--accepted|--declined] [--in-care] [--in-education]\n"
	         "       [--cp-plan] [--disabled] | hold REF [--reason T] | hold REF --clear",
	.summary = "contacts and complaints: add, list, show, and every step of the procedure",
	.help = "add: --kind (complaint, comment, compliment, concern, request, anonymous,\n"
	        "  redirected), --channel (online, phone, text, email, letter, in-person, staff,\n"
	        "  advocate), --received DATE, --aware DATE, --team, --service, --owner,\n"
	        "  --child-name, --child-dob, --complainant-name, --complainant-dob,\n"
	        "  --complainant-role, --summary, --safeguarding, --redirect-to, --thanked.\n"
	        "  Prints the new reference (CSC-YYYY-NNNN).\n"
	        "list: --open --overdue --stage N --team T --owner L --kind K --from D --to D\n"
	        "  --format tsv (first column the reference) --names.\n"
	        "show REF [--names]: the case, its timeline and its deadlines.\n"
	        "Steps (each --date D, default today; --text adds a note; --rev N refuses the\n"
	        "  step if the case has changed since revision N): acknowledge, extend [--until D]\n"
	        "  [--reason complexity|availability|complainant|independent|advocacy|other],\n"
	        "  respond, escalate, accept, refuse --reason R --ombudsman-told, statement,\n"
	        "  arrange-panel, panel-notice, panel-held, findings, ombudsman,\n"
	        "  ombudsman-outcome [--finding upheld|upheld-no-injustice|not-upheld|\n"
	        "  closed-after-initial-enquiries|premature|withdrawn|other],\n"
	        "  new-information, start-stage1, pause, resume,\n"
	        "  decline --reason R --ombudsman-told, redirect, withdraw, close, reopen,\n"
	        "  note --text T, pass-on (a compliment passed to the staff member and their\n"
	        "  manager).  An invalid step is refused with the reason (exit 2).\n"
	        "advocacy REF: advocacy offered (date), the service referred to, accepted or\n"
	        "  declined; eligibility is computed from the child's age and status (under\n"
	        "  18; in care to 21, or 24 in education; disabled to 25).\n"
	        "assign REF: --owner --manager --investigator --independent --adjudicator\n"
	        "  --panel A,B,C --chair 1-3 (the Stage 2 independent person may not sit).\n"
	        "party REF --person ID: a person already in the book (person add, person find)\n"
	        "  on this case too, rather than a new record.\n"
	        "hold REF [--reason T] | hold REF --clear (manager or admin): a legal hold,\n"
	        "  which keeps the case from `redress retention --apply` until cleared.",
	.exec = cmd_case_exec,
};
