/* cmd-init.c - `redress -d DIR init --authority NAME`: a new case book. */
#include <stdio.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/text.h"

static int
cmd_init_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *authority = NULL, *pos[1];
	const struct cli_spec spec[] = { { "authority", &authority, NULL }, { NULL, NULL, NULL } };
	struct err err;
	char *pass, safe[4200];
	size_t len;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (authority == NULL)
		return cli_error(CLI_USAGE, "init: --authority NAME is required (see: redress "
		                 "authority list)");
	if (env->book == NULL)
		return cli_error(CLI_USAGE, "init: where? give -d DIR or set REDRESS_BOOK");
	if (env->readonly)
		return cli_error(CLI_USAGE, "init: cannot create a book read-only (-R)");
	if ((rc = cli_passphrase("New passphrase for the first admin: ", 1, true, &pass, &len)) != 0)
		return rc;
	rc = book_create(env->book, authority, pass, len, (enum book_cost)cli_kdf_cost(), &err);
	cli_passphrase_free(pass);
	if (rc != 0)
		return cli_book_status(rc, &err);
	text_visible(env->book, safe, sizeof safe);
	printf("created book %s for %s; you are its admin\n", safe, authority);
	return CLI_OK;
}

const struct cli_cmd cmd_init_entry = {
	.name = "init",
	.usage = "--authority NAME",
	.summary = "create a case book (with -d DIR); you become its first admin",
	.help = "Creates the book in the directory given by -d (or $REDRESS_BOOK): mode 2770,\n"
	        "files 0660, so that the staff group shares it.  The authority's profile (and\n"
	        "its parents) and holiday calendar are copied in as version 1.  Asks for a new\n"
	        "passphrase twice (or reads line 1 of $REDRESS_PASSPHRASE_FILE).",
	.exec = cmd_init_exec,
};
