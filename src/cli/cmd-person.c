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

/* A contact's field on its own line; an address line by line. */
static void
cmd_person_contact_line(FILE *f, const char *label, const char *value)
{
	if (*value == '\0')
		fprintf(f, "%-14s -\n", label);
	else
		cli_print_lines(f, 14, label, value);
}

static void
cmd_person_contact_print(const struct book_contact *c)
{
	cmd_person_contact_line(stdout, "address:", c->address);
	cmd_person_contact_line(stdout, "email:", c->email);
	cmd_person_contact_line(stdout, "phone:", c->phone);
	cmd_person_contact_line(stdout, "prefer:", c->prefer);
	cmd_person_contact_line(stdout, "safe to write:", c->safe[0] ? c->safe : "not said");
}

static int
cmd_person_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *name = NULL, *dob = NULL, *revs = NULL, *pos[2];
	struct book_contact_change ch = { NULL, NULL, NULL, NULL, NULL };
	int names = 0;
	bool setting;
	const struct cli_spec spec[] = {
		{ "name", &name, NULL }, { "dob", &dob, NULL }, { "rev", &revs, NULL },
		{ "names", NULL, &names }, { "address", &ch.address, NULL },
		{ "email", &ch.email, NULL }, { "phone", &ch.phone, NULL },
		{ "prefer", &ch.prefer, NULL }, { "safe", &ch.safe, NULL }, { NULL, NULL, NULL },
	};
	struct book_contact ct;
	struct book_person p;
	struct cli_out out;
	struct book *b;
	struct err err;
	uint64_t id = 0, rev = 0;
	int npos, rc;

	if (argc > 1 && strcmp(argv[1], "adjust") == 0) /* cmd-person-adjust.c */
		return cmd_person_adjust(self, env, argc, argv);
	if (argc > 1 && strcmp(argv[1], "equality") == 0)
		return cmd_person_equality(self, env, argc, argv);
	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	setting = ch.address != NULL || ch.email != NULL || ch.phone != NULL || ch.prefer != NULL ||
	          ch.safe != NULL;
	if (setting && strcmp(pos[0], "contact") != 0)
		return cli_error(CLI_USAGE, "person %s: --address, --email, --phone, --prefer and "
		                 "--safe belong to person contact", pos[0]);
	if (strcmp(pos[0], "contact") == 0) {
		if (npos != 2)
			return cli_error(CLI_USAGE, "person contact: which ID?");
		if ((rc = cli_id("person: ID", pos[1], &id)) != CLI_OK)
			return rc;
		if (name != NULL || dob != NULL || names)
			return cli_error(CLI_USAGE, "person contact: --name and --dob belong to person "
			                 "edit");
		if (revs != NULL && (rc = cli_id("person contact: --rev", revs, &rev)) != CLI_OK)
			return rc;
		/* a bad value is refused before the book is opened */
		if (setting && book_contact_check(&ch, &err) != 0)
			return cli_error(CLI_USAGE, "person contact: %s", err.msg);
	} else if (strcmp(pos[0], "add") == 0) {
		if (npos != 1 || name == NULL)
			return cli_error(CLI_USAGE, "person add: --name NAME is required");
	} else if (strcmp(pos[0], "show") == 0 || strcmp(pos[0], "edit") == 0) {
		if (npos != 2)
			return cli_error(CLI_USAGE, "person %s: which ID?", pos[0]);
		if ((rc = cli_id("person: ID", pos[1], &id)) != CLI_OK)
			return rc;
		if (strcmp(pos[0], "edit") == 0) {
			if (revs == NULL)
				return cli_error(CLI_USAGE, "person edit: --rev N (the revision you saw) is "
				                 "required");
			if ((rc = cli_id("person edit: --rev", revs, &rev)) != CLI_OK)
				return rc;
			if (name == NULL && dob == NULL)
				return cli_error(CLI_USAGE, "person edit: nothing to change (--name, --dob)");
		}
	} else if (strcmp(pos[0], "find") == 0) {
		if (npos != 1 || name == NULL)
			return cli_error(CLI_USAGE, "person find: --name NAME is required");
	} else if (strcmp(pos[0], "list") != 0)
		return cli_error(CLI_USAGE, "person: expected add, show, find, edit, contact, equality, "
		                 "adjust or list, not \"%s\"", pos[0]);
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	/* identity needs the key: add, edit, find always; show and list on request */
	if (strcmp(pos[0], "add") == 0 || strcmp(pos[0], "edit") == 0 ||
	    strcmp(pos[0], "find") == 0 || strcmp(pos[0], "contact") == 0 || names)
		rc = cli_book_unlock(b);
	if (rc != CLI_OK) {
		book_close(&b);
		return rc;
	}
	if (strcmp(pos[0], "show") == 0 || strcmp(pos[0], "find") == 0 ||
	    strcmp(pos[0], "list") == 0 || (strcmp(pos[0], "contact") == 0 && !setting)) {
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
		rc = cli_book_status(book_person_update(b, id, rev, name, dob, &err), &err);
	} else if (strcmp(pos[0], "contact") == 0 && setting) {
		rc = cli_book_status(book_contact_set(b, id, rev, &ch, &err), &err);
	} else if (strcmp(pos[0], "contact") == 0) {
		if ((rc = cli_book_status(book_contact_get(b, id, &ct, &err), &err)) == CLI_OK)
			cmd_person_contact_print(&ct);
		memset(&ct, 0, sizeof ct);
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
	         "       | edit ID --rev N [--name NAME] [--dob DATE] | list [--names]\n"
	         "       | contact ID [--address TEXT] [--email ADDR] [--phone NUMBER]\n"
	         "         [--prefer CHANNEL] [--safe yes|no] [--rev N]\n"
	         "       | equality ID [--consent yes|no] [--age-band BAND] [--sex SEX]\n"
	         "         [--ethnicity GROUP] [--disability ANSWER] [--rev N]\n"
	         "       | adjust ID [--text TEXT] [--agreed DATE] [--review DATE]\n"
	         "         [--reviewed DATE] [--clear] [--rev N]",
	.summary = "the people on cases, their identity sealed",
	.help = "add: record a person; prints their id.  Name and date of birth are sealed with\n"
	        "  the book's data key before they reach the disk.\n"
	        "show ID, list: without --names, a pseudonym (\"Person P-0042\") and no\n"
	        "  passphrase; with --names, the identity, for a user who holds the key.\n"
	        "find --name NAME: exact search (case and spacing aside) through the blind\n"
	        "  index.\n"
	        "edit ID --rev N: change name or date of birth if the person is still at\n"
	        "  revision N; if someone changed them first, nothing is saved and the message\n"
	        "  says who and when (exit 3).\n"
	        "contact ID: show the person's contact details (the key is needed); with any of\n"
	        "  --address, --email, --phone, --prefer (a channel: online, phone, text,\n"
	        "  email, letter, in-person, staff, advocate) or --safe (whether it is safe to\n"
	        "  write to them), change them, sealed like the name; \"\" clears a field.\n"
	        "  With --rev N, only if the person is still at revision N.\n"
	        "equality ID: a complainant's equality monitoring, asked only with their\n"
	        "  consent (the key is needed); --consent no clears every answer.  Answers:\n"
	        "  --age-band {age-band|}\n"
	        "  --sex {sex|}\n"
	        "  --ethnicity {ethnicity|}\n"
	        "  --disability {disability|}\n"
	        "  Sealed like the name; \"\" clears one; the audit names the questions, never\n"
	        "  the answers.  The annual report counts them in aggregate only.\n"
	        "adjust ID: show the reasonable adjustments agreed with the person (the key is\n"
	        "  needed); --text says what was agreed (--agreed: on which day, default today),\n"
	        "  --review DATE when it is next to be reviewed (\"\" none): the date is on the\n"
	        "  calendar of every open case they are party to, not as a statutory deadline.\n"
	        "  --reviewed DATE records a review held (with --review the next one, else\n"
	        "  none); --clear removes them.  Sealed like the name; audited.",
	.exec = cmd_person_exec,
};
