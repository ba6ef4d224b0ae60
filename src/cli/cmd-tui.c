/* cmd-tui.c - `redress tui`: the full-screen client on the book (also what
 * `redress` with no command opens on a terminal). */
#include <stdlib.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/tui.h"

static int
cmd_tui_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1], *file = getenv("REDRESS_PASSPHRASE_FILE");
	struct tui_opts o;
	struct book *b = NULL;
	struct err err;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, NULL, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	/* a passphrase named on purpose (scripts, tests) is used as the CLI
	 * uses it; otherwise the client asks on its own screen */
	if (file != NULL && *file != '\0' && book_enrolled(b) && (rc = cli_book_unlock(b)) != CLI_OK)
		goto out;
	err.msg[0] = '\0';
	o.today = cli_today;
	o.err = &err;
	if ((rc = tui_main(b, &o)) != CLI_OK)
		cli_report(rc, &err);
out:
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_tui_entry = {
	.name = "tui",
	.usage = "",
	.summary = "open the full-screen client",
	.help = "Opens the full-screen client on the book: the case list (sort, filter,\n"
	        "search), each case with its timeline and deadlines, notes and steps of the\n"
	        "procedure.  Asks for the passphrase on its own screen (Esc browses with\n"
	        "pseudonyms), or reads it from $REDRESS_PASSPHRASE_FILE when that is set.\n"
	        "? shows the keys.  `redress` with no command opens it when a book is\n"
	        "configured and standard input is a terminal.",
	.exec = cmd_tui_exec,
};
