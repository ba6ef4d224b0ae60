/* cmd-verify.c - `redress verify`: the store and the audit chain hold. */
#include <stdio.h>

#include "redress/book.h"
#include "redress/cli.h"

static int
cmd_verify_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1];
	struct book_verify v;
	struct book *b;
	struct err err;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, NULL, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if (book_verify(b, &v, &err) != 0)
		rc = cli_error(CLI_FAIL, "verify: %s", err.msg);
	else
		printf("verified: store readable, %llu audit entries chained and signed\n",
		       (unsigned long long)v.entries);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_verify_entry = {
	.name = "verify",
	.usage = "",
	.summary = "check the store and the audit chain; exit 0 only if all holds",
	.help = "Walks every database, then every audit entry: its place in the sequence, its\n"
	        "link to the entry before, its hash, and its author's signature.  Read-only;\n"
	        "needs no passphrase.  Exits 1 and names the first problem otherwise.",
	.exec = cmd_verify_exec,
};
