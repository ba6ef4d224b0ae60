/* cmd-rekey.c - `redress rekey`: rotate the book's data key. */
#include <stdio.h>

#include "redress/book.h"
#include "redress/cli.h"

static int
cmd_rekey_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1];
	struct book_info info;
	struct book *b;
	struct err err;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, NULL, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_book_open_unlock(env, &b, true)) != CLI_OK)
		return rc;
	if ((rc = cli_book_status(book_rekey(b, &err), &err)) == CLI_OK &&
	    book_info(b, &info, &err) == 0)
		printf("data key %u now seals every field; take a new backup and destroy the old "
		       "ones\n", (unsigned)info.key_id);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_rekey_entry = {
	.name = "rekey",
	.usage = "",
	.summary = "(admin) rotate the data key and reseal every field",
	.help = "Makes a new data key, reseals every sealed field and rebuilds the blind\n"
	        "indexes in one transaction, and seals the new key to every granted user.\n"
	        "Old ciphertexts leave the file at the next compact backup.",
	.exec = cmd_rekey_exec,
};
