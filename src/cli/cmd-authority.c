/* cmd-authority.c - `redress authority list|show NAME`: the profiles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book-versions.h"
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

/* --- authority update: the book's next profile version ---------------------------- */

/* Prints the differences rule by rule; returns how many (-1 out of
 * memory). */
static long
authority_diff(const struct profile *old, const struct profile *new)
{
	struct profile_diff *d;
	char was[PROFILE_DIFF_TEXT * 2], now[PROFILE_DIFF_TEXT * 2];
	size_t i, n;

	if (profile_diff(old, new, &d, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		text_visible(d[i].was, was, sizeof was);
		text_visible(d[i].now, now, sizeof now);
		if (d[i].change == PROFILE_ADDED)
			printf("added    %-22s within %s\n", d[i].rule, now);
		else if (d[i].change == PROFILE_REMOVED)
			printf("removed  %s\n", d[i].rule);
		else
			printf("changed  %-22s %s: %s -> %s\n", d[i].rule, d[i].field, was, now);
	}
	free(d);
	return (long)n;
}

static int
cmd_authority_update(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1];
	int dry = 0, open_cases = 0, npos, rc;
	const struct cli_spec spec[] = {
		{ "dry-run", NULL, &dry }, { "open-cases", NULL, &open_cases }, { NULL, NULL, NULL },
	};
	struct book_profile_texts c;
	struct book_recompute r;
	const struct profile *cur;
	struct profile *next;
	struct book *b = NULL;
	struct err err;
	unsigned base;
	size_t i;
	long nd;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 1, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((next = malloc(sizeof *next)) == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	if ((rc = cli_book_open(env, &b)) != CLI_OK) {
		free(next);
		return rc;
	}
	if (book_profile_version(b, &cur, &base, &err) != 0) {
		rc = cli_report(CLI_FAIL, &err);
		goto out;
	}
	/* no NAME: the book's own authority as this redress ships it */
	if ((rc = book_profile_candidate(npos == 1 ? pos[0] : cur->name, &c, next, &err)) != 0) {
		rc = cli_book_status(rc, &err);
		goto out;
	}
	printf("profile %s against the book's profile %u (%s):\n", c.names[0], base, cur->name);
	if ((nd = authority_diff(cur, next)) < 0) {
		rc = cli_error(CLI_FAIL, "out of memory");
		goto texts;
	}
	if (nd == 0)
		printf("no rule's timing or source changed\n");
	if ((rc = cli_book_unlock(b)) != CLI_OK)
		goto texts;
	rc = cli_book_status((dry ? book_profile_preview : book_profile_change)(
	                         b, &c, base, open_cases != 0, &r, &err), &err);
	if (rc == CLI_OK) {
		printf("profile %u of the book: new cases take it; ", r.version);
		if (open_cases)
			printf("%zu open case%s moved to it, %zu date%s moved\n", r.cases,
			       r.cases == 1 ? "" : "s", r.nmoved, r.nmoved == 1 ? "" : "s");
		else
			printf("open cases keep the version they were received under\n");
		for (i = 0; i < r.nmoved; i++)
			printf("  %-14s %-22s %s%s -> %s\n", r.moved[i].ref, r.moved[i].rule,
			       r.moved[i].target ? "target " : "", r.moved[i].was, r.moved[i].now);
		if (dry)
			printf("dry run: nothing changed\n");
		free(r.moved);
	}
texts:
	book_profile_texts_free(&c);
out:
	free(next);
	book_close(&b);
	return rc;
}

static int
cmd_authority_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[2];
	char names[64][PROFILE_KEY_MAX], title[512];
	struct profile *p;
	struct err err;
	size_t i, n;
	int npos, rc;

	if (argc > 1 && strcmp(argv[1], "update") == 0)
		return cmd_authority_update(self, env, argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "versions") == 0)
		return argc > 2 ? cli_error(CLI_USAGE, "%s versions: takes no argument", self->name)
		                : cli_book_versions(env, 'p');
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
	.usage = "list | show NAME | update [NAME|FILE] [--dry-run] [--open-cases] | versions",
	.summary = "list the authority profiles, or show one's rules and sources",
	.help = "list: every shipped profile with its title and parent.\n"
	        "show NAME: the profile's rules after inheritance, each with its clock, the\n"
	        "event that meets it, the source it comes from (and the sentence quoted from\n"
	        "it), and the profile and line that defined it.\n"
	        "update [NAME|FILE] (admins, with -d BOOK): the shipped profile NAME (default\n"
	        "the book's own, as this redress ships it) or a council's own FILE becomes the\n"
	        "book's next profile version, after its differences are printed rule by rule\n"
	        "(added, removed, changed: within, extend, basis, source).  New cases take it;\n"
	        "open ones keep the version they were received under unless --open-cases\n"
	        "moves them (recomputed, earlier dates kept in view, audited).  --dry-run only\n"
	        "prints.\n"
	        "versions (with -d BOOK): the book's profile versions, who made each, when and\n"
	        "what.",
	.exec = cmd_authority_exec,
};
