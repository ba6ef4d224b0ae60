/* cmd-authority.c - `redress authority list|show NAME`: the profiles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/cli.h"
#include "redress/clock.h"
#include "redress/share.h"
#include "redress/text.h"

/* Prints a labelled value from a file, made safe. */
static void
cmd_authority_line(const char *label, const char *value)
{
	char out[2048];

	if (value == NULL || *value == '\0')
		return;
	text_visible(value, out, sizeof out);
	printf("    %-9s %s\n", label, out);
}

static void
cmd_authority_rule(const struct profile *p, const struct rule *r)
{
	const struct profile_source *src = profile_source(p, r->source);
	char line[1024], routes[128] = "";
	int amount = r->amount < 0 ? -r->amount : r->amount;
	size_t i, len = 0;

	printf("%s\n", r->key);
	cmd_authority_line("label", r->label[0] ? r->label : r->key);
	len = (size_t)snprintf(line, sizeof line, "%d %s %s %s", amount,
	                       unit_words(r->amount, r->unit),
	                       r->amount < 0 ? "before" : "after", event_name(r->from));
	if (r->else_due[0] != '\0')
		len += (size_t)snprintf(line + len, sizeof line - len, " (until then, %s's due date)",
		                        r->else_due);
	if (r->extend_on != EV_NONE)
		snprintf(line + len, sizeof line - len, "; %d %s once %s", r->extend_amount,
		         unit_words(r->extend_amount, r->extend_unit), event_name(r->extend_on));
	cmd_authority_line("clock", line);
	snprintf(line, sizeof line, "%s", event_name(r->done));
	cmd_authority_line("met by", line);
	if (r->target_from != EV_NONE || r->nrestart > 0) {
		len = 0;
		line[0] = '\0';
		if (r->target_from != EV_NONE)
			len = (size_t)snprintf(line, sizeof line, "counted from %s",
			                       event_name(r->target_from));
		if (r->nrestart > 0)
			len += (size_t)snprintf(line + len, sizeof line - len, "%srestarts at",
			                        len ? "; " : "");
		for (i = 0; i < r->nrestart; i++)
			len += (size_t)snprintf(line + len, sizeof line - len, " %s",
			                        event_name(r->restart_on[i]));
		cmd_authority_line("target", line);
	}
	len = 0;
	for (i = 0; i < ROUTE_COUNT; i++)
		if (r->routes & (1u << i))
			len += (size_t)snprintf(routes + len, sizeof routes - len, "%s%s",
			                        len ? " " : "", route_name((enum route)i));
	snprintf(line, sizeof line, "stage %d; %s; %s's clock; basis: %s", r->stage, routes,
	         r->party == PARTY_COUNCIL ? "council" : "complainant", basis_name(r->basis));
	cmd_authority_line("applies", line);
	snprintf(line, sizeof line, "%s%s%s", src != NULL ? src->text : r->source,
	         r->pinpoint[0] ? ", " : "", r->pinpoint);
	cmd_authority_line("source", line);
	if (r->quote[0] != '\0') {
		snprintf(line, sizeof line, "\"%s\"", r->quote);
		cmd_authority_line("quote", line);
	}
	cmd_authority_line("note", r->note);
	snprintf(line, sizeof line, "profile %s, line %d", r->origin, r->line);
	cmd_authority_line("defined", line);
}

static int
cmd_authority_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	(void)env;
	const char *pos[2];
	char names[64][PROFILE_KEY_MAX], title[512];
	struct profile *p;
	struct err err;
	size_t i, n;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, NULL, pos, 1, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (strcmp(pos[0], "list") == 0) {
		if (npos != 1)
			return cli_error(CLI_USAGE, "%s list: takes no argument", self->name);
		p = malloc(sizeof *p);
		if (p == NULL)
			return cli_error(CLI_FAIL, "out of memory");
		n = share_list("profile", names, 64);
		for (i = 0; i < n; i++) {
			if (share_profile(names[i], p, &err) != 0) {
				free(p);
				return cli_report(CLI_FAIL, &err);
			}
			text_visible(p->title, title, sizeof title);
			printf("%-26s %s%s%s\n", names[i], title, p->inherits[0] ? "; inherits " : "",
			       p->inherits);
		}
		free(p);
		return CLI_OK;
	}
	if (strcmp(pos[0], "show") != 0)
		return cli_error(CLI_USAGE, "%s: expected list or show NAME, not \"%s\"", self->name,
		                 pos[0]);
	if (npos != 2)
		return cli_error(CLI_USAGE, "%s show: which authority? (see: redress authority list)",
		                 self->name);
	p = malloc(sizeof *p);
	if (p == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	rc = share_profile(pos[1], p, &err);
	if (rc != 0) {
		free(p);
		return cli_report(rc == SHARE_ENOTFOUND ? CLI_USAGE : CLI_FAIL, &err);
	}
	text_visible(p->title, title, sizeof title);
	printf("%s: %s\n", p->name, title);
	if (p->inherits[0] != '\0')
		printf("inherits: %s\n", p->inherits);
	printf("calendar: %s\n\n", p->calendar);
	for (i = 0; i < p->nrules; i++) {
		if (i > 0)
			putchar('\n');
		cmd_authority_rule(p, &p->rules[i]);
	}
	free(p);
	return CLI_OK;
}

const struct cli_cmd cmd_authority_entry = {
	.name = "authority",
	.usage = "list | show NAME",
	.summary = "list the authority profiles, or show one's rules and sources",
	.help = "list: every shipped profile with its title and parent.\n"
	        "show NAME: the profile's rules after inheritance, each with its clock, the\n"
	        "event that meets it, the source it comes from (and the sentence quoted from\n"
	        "it), and the profile and line that defined it.",
	.exec = cmd_authority_exec,
};
