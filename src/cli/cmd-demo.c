/* cmd-demo.c - `redress demo DIR [--cases N]`: a book of made-up cases. */
#include <stdio.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/text.h"

#define DEMO_PASSPHRASE "demo passphrase"

static int
cmd_demo_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *cases = "200", *authority = "gloucestershire", *seed = "1", *pos[1];
	const struct cli_spec spec[] = {
		{ "cases", &cases, NULL }, { "authority", &authority, NULL }, { "seed", &seed, NULL },
		{ NULL, NULL, NULL },
	};
	struct book *b;
	struct err err;
	struct date today;
	char safe[4200];
	long n, s;
	int npos, rc;

	(void)env;
	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 1, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (cli_integer(cases, 0, 10000000, &n, &err) != 0)
		return cli_error(CLI_USAGE, "demo: --cases: %s", err.msg);
	if (cli_integer(seed, 0, 2147483647L, &s, &err) != 0)
		return cli_error(CLI_USAGE, "demo: --seed: %s", err.msg);
	if ((rc = book_create(pos[0], authority, DEMO_PASSPHRASE, strlen(DEMO_PASSPHRASE),
	                      (enum book_cost)cli_kdf_cost(), &err)) != 0)
		return cli_book_status(rc, &err);
	if (book_open(pos[0], 0, &b, &err) != 0 ||
	    book_unlock(b, DEMO_PASSPHRASE, strlen(DEMO_PASSPHRASE), &err) != 0)
		return cli_report(CLI_FAIL, &err);
	if (cli_today(&today, &err) == 0)
		book_set_today(b, today.day);
	rc = cli_book_status(book_demo_fill(b, (size_t)n, (unsigned)s, &err), &err);
	book_close(&b);
	if (rc == CLI_OK) {
		text_visible(pos[0], safe, sizeof safe);
		printf("demo book %s: %ld made-up cases under %s; passphrase \"%s\"\n", safe, n,
		       authority, DEMO_PASSPHRASE);
	}
	return rc;
}

const struct cli_cmd cmd_demo_entry = {
	.name = "demo",
	.usage = "DIR [--cases N] [--authority NAME] [--seed N]",
	.summary = "create a book of made-up cases to learn on (and to measure)",
	.help = "Creates a book in the new directory DIR, you its admin with the passphrase\n"
	        "\"demo passphrase\", filled with N (default 200) synthetic cases with made-up\n"
	        "names, received over the last three years: every kind of contact, every stage,\n"
	        "refusals, withdrawals, redirections, compliments and Ombudsman referrals.",
	.exec = cmd_demo_exec,
};
