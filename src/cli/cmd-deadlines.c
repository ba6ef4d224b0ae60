/* cmd-deadlines.c - `redress deadlines`: a case's clocks from its events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/cli.h"
#include "redress/clock.h"
#include "redress/share.h"
#include "redress/text.h"
#include "redress/vocab.h"
#include "redress/workflow.h"

#define DEADLINES_EVENTS_MAX 64

struct deadlines_ctx {
	const struct cli_cmd *self;
	struct clock_event ev[DEADLINES_EVENTS_MAX];
	char arg[DEADLINES_EVENTS_MAX][64]; /* the option as given, for messages */
	size_t nev;
};

/* --EVENT DATE or --EVENT DATE/UNTIL (an extension agreed to a date). */
static int
deadlines_event(void *vctx, const char *name, const char *value)
{
	struct deadlines_ctx *ctx = vctx;
	struct clock_event *e;
	char date[64];
	const char *slash;
	enum event_type type = event_lookup(name);
	int rc;

	if (type == EV_NONE || type == EV_CORRECTION)
		return cli_error(CLI_USAGE, "%s: unknown option or event --%s (see: redress help %s)",
		                 ctx->self->name, name, ctx->self->name);
	if (ctx->nev == DEADLINES_EVENTS_MAX)
		return cli_error(CLI_USAGE, "%s: too many events", ctx->self->name);
	e = &ctx->ev[ctx->nev];
	memset(e, 0, sizeof *e);
	e->type = type;
	slash = strchr(value, '/');
	snprintf(date, sizeof date, "%.*s", slash ? (int)(slash - value) : 63, value);
	if ((rc = cli_date(type == EV_RECEIVED ? "--received" : name, date, &e->date)) != CLI_OK)
		return rc;
	if (slash != NULL) {
		if (type != EV_STAGE1_EXTENDED && type != EV_STAGE2_EXTENDED)
			return cli_error(CLI_USAGE, "%s: only an extension takes DATE/UNTIL", name);
		if ((rc = cli_date(name, slash + 1, &e->until)) != CLI_OK)
			return rc;
		if (e->until.day < e->date.day)
			return cli_error(CLI_USAGE, "%s: the agreed date is before the extension", name);
		e->has_until = true;
	}
	snprintf(ctx->arg[ctx->nev++], sizeof ctx->arg[0], "%s", name);
	return CLI_OK;
}

static void
deadlines_print_long(const struct deadline *dl, size_t n, const struct profile *p)
{
	char due[DATE_STRLEN], target[DATE_STRLEN], why[512], state[48], src[256], safe[700];
	size_t i;

	printf("%-22s %-10s  %-10s  %-17s %s\n", "KEY", "DEADLINE", "TARGET", "STATE", "WHY");
	for (i = 0; i < n; i++) {
		const struct deadline *d = &dl[i];

		switch (d->state) {
		case CLOCK_PENDING:
			snprintf(state, sizeof state, "pending, %d left", d->days);
			break;
		case CLOCK_OVERDUE:
		case CLOCK_LAPSED:
			snprintf(state, sizeof state, "%s by %d", clock_state_name(d->state), d->days);
			break;
		case CLOCK_MISSED:
			snprintf(state, sizeof state, "missed by %d", d->days);
			break;
		default:
			snprintf(state, sizeof state, "%s", clock_state_name(d->state));
		}
		/* "Regulation 14", or the guidance by its title: never the ids */
		profile_cite(p, d->rule, src, sizeof src);
		clock_explain(d, why, sizeof why);
		snprintf(safe, sizeof safe, "%.500s [%.180s]", why, src);
		text_visible(safe, why, sizeof why);
		printf("%-22s %-10s  %-10s  %-17s %s\n", d->rule->key, date_format(d->due, due),
		       date_format(d->target, target), state, why);
	}
}

static int
cmd_deadlines_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	(void)env;
	const char *authority = "statutory", *kind = "complaint";
	const char *todayarg = NULL, *pos[1];
	int longfmt = 0;
	const struct cli_spec spec[] = {
		{ "authority", &authority, NULL }, { "kind", &kind, NULL }, { "today", &todayarg, NULL }, { "long", NULL, &longfmt },
		{ NULL, NULL, NULL },
	};
	struct deadlines_ctx *ctx;
	struct deadline dl[PROFILE_RULES_MAX];
	struct profile *p = NULL;
	struct calendar cal;
	struct date today;
	struct err err;
	struct wf_event wf[DEADLINES_EVENTS_MAX];
	const struct clock_event *r;
	char buf[DATE_STRLEN], rb[DATE_STRLEN];
	size_t i, n;
	int npos, rc, route;

	ctx = calloc(1, sizeof *ctx);
	if (ctx == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	ctx->self = self;
	rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, deadlines_event, ctx);
	if (rc != CLI_OK)
		goto out;
	/* --received is an event like the others, given once */
	for (i = 0, r = NULL; i < ctx->nev; i++)
		if (ctx->ev[i].type == EV_RECEIVED && r == NULL)
			r = &ctx->ev[i];
	if (r == NULL) {
		rc = cli_error(CLI_USAGE, "%s: --received DATE is required", self->name);
		goto out;
	}
	if ((route = route_lookup(kind)) < 0) {
		char kinds[128];

		rc = cli_error(CLI_USAGE, "%s: unknown kind \"%s\" (%s)", self->name, kind,
		               vocab_list(VOCAB_KIND, 0, kinds, sizeof kinds));
		goto out;
	}
	for (i = 0; i < ctx->nev; i++) {
		const struct clock_event *e = &ctx->ev[i];

		if (e->type == EV_RECEIVED)
			continue;
		if (e->type == EV_AWARE ? e->date.day > r->date.day : e->date.day < r->date.day) {
			rc = cli_error(CLI_USAGE, "%s: --%s %s is %s the complaint was received (%s)",
			               self->name, ctx->arg[i], date_format(e->date, buf),
			               e->type == EV_AWARE ? "after" : "before", date_format(r->date, rb));
			goto out;
		}
	}
	/* the events together must make a possible history */
	for (i = 0; i < ctx->nev; i++) {
		memset(&wf[i], 0, sizeof wf[i]);
		wf[i].type = ctx->ev[i].type;
		wf[i].date = ctx->ev[i].date;
		wf[i].has_until = ctx->ev[i].has_until;
		wf[i].until = ctx->ev[i].until;
	}
	if (workflow_history_check((enum route)route, wf, ctx->nev, &err) != 0) {
		rc = cli_report(CLI_USAGE, &err);
		goto out;
	}
	if (todayarg != NULL) {
		if ((rc = cli_date("--today", todayarg, &today)) != CLI_OK)
			goto out;
	} else if (cli_today(&today, &err) != 0) {
		rc = cli_report(CLI_USAGE, &err);
		goto out;
	}
	if ((p = malloc(sizeof *p)) == NULL) {
		rc = cli_error(CLI_FAIL, "out of memory");
		goto out;
	}
	if ((rc = share_profile(authority, p, &err)) != 0) {
		rc = cli_report(rc == SHARE_ENOTFOUND ? CLI_USAGE : CLI_FAIL, &err);
		goto out;
	}
	if ((rc = cli_calendar(p->calendar, &cal)) != CLI_OK)
		goto out;
	rc = clock_check_extensions(p, &cal, (enum route)route, ctx->ev, ctx->nev, today, &err);
	if (rc == 0)
		rc = clock_compute(p, &cal, (enum route)route, ctx->ev, ctx->nev, today, dl,
		                   PROFILE_RULES_MAX, &n, &err);
	if (rc != 0)
		rc = cli_report(CLI_USAGE, &err);
	else if (longfmt)
		deadlines_print_long(dl, n, p);
	else
		for (i = 0; i < n; i++)
			printf("%s %s\n", dl[i].rule->key, date_format(dl[i].due, buf));
	calendar_free(&cal);
out:
	free(p);
	free(ctx);
	return rc;
}

const struct cli_cmd cmd_deadlines_entry = {
	.name = "deadlines",
	.usage = "[--authority NAME] --received DATE [--kind KIND] [--today DATE] [--long]\n"
	         "       [--EVENT DATE[/UNTIL]]...",
	.summary = "a complaint's deadlines under an authority's profile",
	.help = "Prints one deadline per line, KEY YYYY-MM-DD, for every clock of the profile\n"
	        "(default statutory) that the given events have started: acknowledge (where\n"
	        "the profile sets one), stage1_response, stage1_response_max, and, as later\n"
	        "events are given, the clocks of Stages 2 and 3.  Events are given as options\n"
	        "named after them, e.g. --stage1-response-sent 2026-12-03 --stage2-requested\n"
	        "2026-12-10; an extension may carry the date agreed: --stage2-extended\n"
	        "2027-01-10/2027-03-01.  Events: aware, acknowledged, stage1-started,\n"
	        "stage1-extended, new-information, stage1-response-sent, stage2-requested,\n"
	        "stage2-acknowledged, stage2-decision-sent, statement-agreed, stage2-extended,\n"
	        "stage2-response-sent, stage3-requested, stage3-decision-sent, panel-date,\n"
	        "panel-notice-sent, panel-held, findings-sent, stage3-response-sent,\n"
	        "response-sent, redirected, paused, resumed, withdrawn, closed,\n"
	        "ombudsman-referred.  --kind chooses the route:\n"
	        "{kind}.\n"
	        "--long adds the internal target, the state on --today (default: today in\n"
	        "London), and the rule and source behind each date (\"Regulation 14\", not\n"
	        "\"reg 14\").",
	.exec = cmd_deadlines_exec,
};
