/* cmd-backup.c - `redress backup DEST`: a compact hot copy of the book. */
#include <stdio.h>

#include "redress/book.h"
#include "redress/cli.h"

static int
cmd_backup_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1];
	struct book *b;
	struct err err;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, NULL, pos, 1, 1, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if (self->name[0] == 'b')
		rc = book_backup(b, pos[0], &err);
	else
		rc = book_snapshot(b, pos[0], &err);
	book_close(&b);
	return rc != 0 ? cli_report(CLI_FAIL, &err) : CLI_OK;
}

const struct cli_cmd cmd_backup_entry = {
	.name = "backup",
	.usage = "DEST",
	.summary = "a compact hot copy of the book into the new directory DEST",
	.help = "Copies the book while others keep working, leaving out free pages (and with\n"
	        "them old ciphertexts).  DEST must not exist; it is made 0750 and its data.mdb\n"
	        "0640, never world-readable.",
	.exec = cmd_backup_exec,
};

const struct cli_cmd cmd_snapshot_entry = {
	.name = "snapshot",
	.usage = "DEST",
	.summary = "a read-only copy of the book for auditors",
	.help = "Like backup, and marked as a snapshot: redress opens it read-only without a\n"
	        "lock file, so auditors need only read access to it.",
	.exec = cmd_backup_exec,
};
