/* cmd-import.c - `redress import FILE.csv`: cases from a spreadsheet, all
 * rows or none. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/text.h"

#define IMPORT_FILE_MAX (1024L * 1024 * 1024)

/* The whole file (or standard input for "-") into *buf; exit status. */
static int
import_read(const char *path, char **buf, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 1 << 16, n = 0, got;
	char *p, *np;

	*buf = NULL;
	if (f == NULL)
		return cli_error(errno == ENOENT ? CLI_USAGE : CLI_FAIL, "import: %s: %s", path,
		                 strerror(errno));
	if ((p = malloc(cap)) == NULL) {
		if (f != stdin)
			fclose(f);
		return cli_error(CLI_FAIL, "out of memory");
	}
	while ((got = fread(p + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= (size_t)IMPORT_FILE_MAX) {
				explicit_bzero(p, cap);
				free(p);
				if (f != stdin)
					fclose(f);
				return cli_error(CLI_USAGE, "import: %s is larger than 1 GiB", path);
			}
			if ((np = malloc(cap * 2)) == NULL) {
				explicit_bzero(p, cap);
				free(p);
				if (f != stdin)
					fclose(f);
				return cli_error(CLI_FAIL, "out of memory");
			}
			/* the file holds names: no copy is left behind unwiped */
			memcpy(np, p, n);
			explicit_bzero(p, cap);
			free(p);
			p = np;
			cap *= 2;
		}
	}
	if (ferror(f)) {
		explicit_bzero(p, cap);
		free(p);
		if (f != stdin)
			fclose(f);
		return cli_error(CLI_FAIL, "import: cannot read %s", path);
	}
	if (f != stdin)
		fclose(f);
	*buf = p;
	*len = n;
	return CLI_OK;
}

static int
import_bad_row(size_t line, const char *why, void *ctx)
{
	cli_error(CLI_USAGE, "import: line %zu: %s", line, why);
	++*(size_t *)ctx;
	return 0;
}

static int
cmd_import_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	int check = 0;
	const struct cli_spec spec[] = {
		{ "check", NULL, &check }, { NULL, NULL, NULL },
	};
	const char *pos[1];
	struct book *b = NULL;
	struct err err;
	size_t len = 0, n = 0, bad = 0;
	char *text = NULL;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 1, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((rc = import_read(pos[0], &text, &len)) != CLI_OK)
		return rc;
	if ((rc = cli_book_open_unlock(env, &b, true)) != CLI_OK)
		goto out;
	rc = book_case_import(b, text, len, check, import_bad_row, &bad, &n, &err);
	if (rc == 0) {
		if (check)
			printf("%zu row%s can be imported\n", n, n == 1 ? "" : "s");
		else
			printf("%zu case%s imported\n", n, n == 1 ? "" : "s");
	} else {
		err_prefix(&err, "import");
		rc = cli_book_status(rc, &err);
	}
out:
	text_free_wiped(text, len);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_import_entry = {
	.name = "import",
	.usage = "FILE.csv [--check]",
	.summary = "bring cases over from a spreadsheet (CSV), all rows or none",
	.help = "FILE (\"-\" for standard input) is CSV (RFC 4180, UTF-8) with a header row\n"
	        "naming its columns: reference, kind, channel, received (required), aware,\n"
	        "status, stage, team, service, owner, manager, investigator, independent,\n"
	        "adjudicator, child_name, child_dob, complainant_name, complainant_dob,\n"
	        "complainant_role, safeguarding, redirect_to, thanked, summary, a date for each\n"
	        "step (acknowledged, stage1_extended, stage1_response, stage2_requested, ...,\n"
	        "closed), reason, ombudsman_told, points, stage1_outcome .. stage3_outcome,\n"
	        "outcome; see redress(1).  Dates are YYYY-MM-DD or DD/MM/YYYY.  Every row is\n"
	        "checked first, steps against the procedure; if any is bad, each bad row is\n"
	        "reported by line with the reason, nothing is imported, and the exit status\n"
	        "is 2.  Otherwise every case is added in one transaction, names sealed, each\n"
	        "with an audit entry.  --check: only check.",
	.exec = cmd_import_exec,
};
