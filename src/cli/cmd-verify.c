/* cmd-verify.c - `redress verify`: the store and the audit chain hold. */
#include <stdio.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/text.h"

static int
cmd_verify_shut(const char *line, void *ctx)
{
	char safe[1024];

	(void)ctx;
	text_visible(line, safe, sizeof safe);
	fprintf(stderr, "redress: verify: cannot be opened: %s\n", safe);
	return 0;
}

static int
cmd_verify_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1];
	struct book_verify v;
	struct book *b;
	struct err err;
	size_t checked, shut;
	int npos, rc, sealed = 0;
	const struct cli_spec spec[] = { { "sealed", NULL, &sealed }, { NULL, NULL, NULL } };

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK ||
	    (rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if (book_verify(b, &v, &err) != 0)
		rc = cli_error(CLI_FAIL, "verify: %s", err.msg);
	else
		printf("verified: store readable, %llu audit entries chained and signed\n",
		       (unsigned long long)v.entries);
	/* with the passphrase: every sealed field opens with a key held */
	if (sealed && (rc == CLI_OK || rc == CLI_FAIL)) {
		int r = cli_book_unlock(b);

		if (r != CLI_OK)
			rc = r;
		else if (book_verify_sealed(b, cmd_verify_shut, NULL, &checked, &shut, &err) != 0)
			rc = cli_error(CLI_FAIL, "verify: %s", err.msg);
		else
			printf("verified: every sealed field of %zu cases and people opens with the "
			       "book's keys\n", checked);
	}
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_verify_entry = {
	.name = "verify",
	.usage = "[--sealed]",
	.summary = "check the store and the audit chain; exit 0 only if all holds",
	.help = "Walks every database, then every audit entry: its place in the sequence, its\n"
	        "link to the entry before, its hash, and its author's signature.  Read-only;\n"
	        "needs no passphrase.  Exits 1 and names the first problem otherwise.\n"
	        "--sealed asks for the passphrase and also opens every sealed field of every\n"
	        "case and person, naming each one no key held opens.",
	.exec = cmd_verify_exec,
};
