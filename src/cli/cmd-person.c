/* cmd-person.c - `redress person add|show|find|edit|list`: the sealed
 * identities of the people on cases. */
#include <stdio.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/reads.h"
#include "redress/text.h"

static int
cmd_person_print(const struct book_person *p, void *ctx)
{
	char name[BOOK_NAME_MAX * 4], by[256], when[DATE_STRLEN];

	text_visible(p->name, name, sizeof name);
	text_visible(p->updated_by, by, sizeof by);
	date_format(date_from_unix_london((int64_t)p->updated_at), when);
	fprintf(ctx != NULL ? ctx : stdout, "%-6llu %-32s %-10s rev %llu, %s by %s\n", (unsigned long long)p->id, name,
	       p->dob[0] ? p->dob : "-", (unsigned long long)p->rev, when, by);
	return 0;
}

static int
cmd_person_id(const char *s, uint64_t *id)
{
	struct err err;
	long v;

	if (cli_integer(s, 1, 2147483647L, &v, &err) != 0)
		return cli_error(CLI_USAGE, "person: ID: %s", err.msg);
	*id = (uint64_t)v;
	return CLI_OK;
}

static int
cmd_person_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *name = NULL, *dob = NULL, *revs = NULL, *pos[2];
	int names = 0;
	const struct cli_spec spec[] = {
		{ "name", &name, NULL }, { "dob", &dob, NULL }, { "rev", &revs, NULL },
		{ "names", NULL, &names }, { NULL, NULL, NULL },
	};
	struct book_person p;
	struct cli_out out;
	struct book *b;
	struct err err;
	uint64_t id = 0;
	long rev = 0;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (strcmp(pos[0], "add") == 0) {
		if (npos != 1 || name == NULL)
			return cli_error(CLI_USAGE, "person add: --name NAME is required");
	} else if (strcmp(pos[0], "show") == 0 || strcmp(pos[0], "edit") == 0) {
		if (npos != 2)
			return cli_error(CLI_USAGE, "person %s: which ID?", pos[0]);
		if ((rc = cmd_person_id(pos[1], &id)) != CLI_OK)
			return rc;
		if (strcmp(pos[0], "edit") == 0) {
			if (revs == NULL)
				return cli_error(CLI_USAGE, "person edit: --rev N (the revision you saw) is "
				                 "required");
			if (cli_integer(revs, 1, 2147483647L, &rev, &err) != 0)
				return cli_error(CLI_USAGE, "person edit: --rev: %s", err.msg);
			if (name == NULL && dob == NULL)
				return cli_error(CLI_USAGE, "person edit: nothing to change (--name, --dob)");
		}
	} else if (strcmp(pos[0], "find") == 0) {
		if (npos != 1 || name == NULL)
			return cli_error(CLI_USAGE, "person find: --name NAME is required");
	} else if (strcmp(pos[0], "list") != 0)
		return cli_error(CLI_USAGE, "person: expected add, show, find, edit or list, not "
		                 "\"%s\"", pos[0]);
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	/* identity needs the key: add, edit, find always; show and list on request */
	if (strcmp(pos[0], "add") == 0 || strcmp(pos[0], "edit") == 0 ||
	    strcmp(pos[0], "find") == 0 || names)
		rc = cli_book_unlock(b);
	if (rc != CLI_OK) {
		book_close(&b);
		return rc;
	}
	if (strcmp(pos[0], "show") == 0 || strcmp(pos[0], "find") == 0 ||
	    strcmp(pos[0], "list") == 0) {
		char via[32];

		snprintf(via, sizeof via, "person %s", pos[0]);
		book_reads_via(b, via, false); /* each identity shown is on record first */
	}
	if (strcmp(pos[0], "add") == 0) {
		if ((rc = cli_book_status(book_person_add(b, name, dob, &id, &err), &err)) == CLI_OK)
			printf("%llu\n", (unsigned long long)id);
	} else if (strcmp(pos[0], "show") == 0) {
		if ((rc = cli_book_status(book_person_get(b, id, &p, &err), &err)) == CLI_OK)
			cmd_person_print(&p, NULL);
	} else if (strcmp(pos[0], "edit") == 0) {
		rc = cli_book_status(book_person_update(b, id, (uint64_t)rev, name, dob, &err), &err);
	} else if ((rc = cli_out_begin(&out)) == CLI_OK) { /* find, list */
		if (strcmp(pos[0], "find") == 0)
			rc = book_person_find(b, name, dob, cmd_person_print, out.f, &err);
		else
			rc = book_person_list(b, cmd_person_print, out.f, &err);
		rc = cli_out_end(&out, cli_book_status(rc, &err));
	}
	memset(&p, 0, sizeof p);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_person_entry = {
	.name = "person",
	.usage = "add --name NAME [--dob DATE] | show ID [--names] | find --name NAME [--dob DATE]\n"
	         "       | edit ID --rev N [--name NAME] [--dob DATE] | list [--names]",
	.summary = "the people on cases, their identity sealed",
	.help = "add: record a person; prints their id.  Name and date of birth are sealed with\n"
	        "  the book's data key before they reach the disk.\n"
	        "show ID, list: without --names, a pseudonym (\"Person P-0042\") and no\n"
	        "  passphrase; with --names, the identity, for a user who holds the key.\n"
	        "find --name NAME: exact search (case and spacing aside) through the blind\n"
	        "  index.\n"
	        "edit ID --rev N: change name or date of birth if the person is still at\n"
	        "  revision N; if someone changed them first, nothing is saved and the message\n"
	        "  says who and when (exit 3).",
	.exec = cmd_person_exec,
};
