/* cmd-letter.c - `redress letter`: a letter to the complainant from a
 * template, filled from the case, written to standard output or a
 * directory, and recorded on the case's timeline. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/reads.h"
#include "redress/letter.h"
#include "redress/share.h"
#include "redress/template.h"
#include "redress/text.h"

void
cli_letter_dirs(const struct cli_env *env, struct letter_dirs *d)
{
	const char *e = getenv("REDRESS_TEMPLATES");
	char dir[LETTER_PATH_MAX - 16];

	memset(d, 0, sizeof *d);
	if (e != NULL && *e != '\0')
		d->lp.dirs[d->lp.n++] = e;
	if (cli_conf_get(env->conf, "templates", d->conf, sizeof d->conf) != NULL)
		d->lp.dirs[d->lp.n++] = d->conf;
	if (env->book != NULL) {
		snprintf(d->book, sizeof d->book, "%.4000s/templates", env->book);
		d->lp.dirs[d->lp.n++] = d->book;
	}
	share_dir(dir, sizeof dir);
	snprintf(d->share, sizeof d->share, "%s/templates", dir);
	d->lp.dirs[d->lp.n++] = d->share;
}

static int
letter_field_print(const char *name, const char *what, void *ctx)
{
	char safe[1024];

	(void)ctx;
	text_visible(what, safe, sizeof safe);
	printf("%-32s %s\n", name, safe);
	return 0;
}

static int
letter_list_print(const struct letter_entry *e, void *ctx)
{
	char d[1024], p[LETTER_PATH_MAX * 4], pr[ERR_MAX * 4];

	(void)ctx;
	text_visible(e->describe, d, sizeof d);
	text_visible(e->path, p, sizeof p);
	printf("%-18s %s (%s)\n", e->name, d, p);
	if (e->problem[0] != '\0') {
		text_visible(e->problem, pr, sizeof pr);
		printf("%-18s does not load: %s\n", "", pr);
	}
	return 0;
}

static int
cmd_letter_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *date = NULL, *out = NULL, *authority = NULL, *check = NULL, *pos[2];
	int list = 0, fields = 0, preview = 0, npos, rc;
	const struct cli_spec spec[] = {
		{ "date", &date, NULL }, { "out", &out, NULL }, { "authority", &authority, NULL },
		{ "check", &check, NULL }, { "list", NULL, &list }, { "fields", NULL, &fields },
		{ "preview", NULL, &preview }, { NULL, NULL, NULL },
	};
	struct letter_dirs dirs;
	struct profile *shared = NULL;
	const struct profile *prof = NULL;
	const struct calendar *cal;
	struct template *t = NULL;
	struct book *b = NULL;
	struct err err;
	struct date today;
	char todaybuf[DATE_STRLEN], path[LETTER_PATH_MAX], outdir[LETTER_PATH_MAX];
	char written[LETTER_PATH_MAX + 64], council[256], note[BOOK_TEXT_MAX];
	char *text = NULL;
	size_t len = 0;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (list + fields + (check != NULL) > 1 || ((list || fields || check) && npos > 0))
		return cli_error(CLI_USAGE, "letter: --list, --fields, --check TEMPLATE or REF "
		                 "TEMPLATE, one at a time");
	if (!list && !fields && check == NULL && npos != 2)
		return cli_error(CLI_USAGE, "letter: which case and which template? (see: redress "
		                 "help %s)", self->name);
	if (authority != NULL && npos > 0)
		return cli_error(CLI_USAGE, "letter: --authority is for --list, --fields and --check; "
		                 "a letter uses its book's profile");
	cli_letter_dirs(env, &dirs);
	/* the profile fields are checked against: a shipped one, or the book's */
	if (authority != NULL) {
		if ((shared = malloc(sizeof *shared)) == NULL)
			return cli_error(CLI_FAIL, "out of memory");
		if ((rc = share_profile(authority, shared, &err)) != 0) {
			free(shared);
			return cli_report(rc == SHARE_ENOTFOUND ? CLI_USAGE : CLI_FAIL, &err);
		}
		prof = shared;
	} else if (npos > 0 || env->book != NULL || check != NULL) {
		if ((rc = cli_book_open(env, &b)) != CLI_OK)
			goto out;
		if (book_profile(b, &prof, &cal, &err) != 0) {
			rc = cli_report(CLI_FAIL, &err);
			goto out;
		}
	}
	if (fields) {
		if (prof == NULL) {
			template_fields(NULL, letter_field_print, NULL);
			letter_field_print("deadline.KEY", "a rule's deadline, in words (KEY: a rule of "
			                   "the book's profile)", NULL);
			letter_field_print("rule.KEY.within", "a rule's time, e.g. \"10 working days\"",
			                   NULL);
			letter_field_print("rule.KEY.extended", "a rule's time once extended", NULL);
		} else
			template_fields(prof, letter_field_print, NULL);
		rc = CLI_OK;
		goto out;
	}
	if (list) {
		rc = cli_book_status(letter_list(&dirs.lp, prof, letter_list_print, NULL, &err), &err);
		goto out;
	}
	if ((rc = cli_book_status(letter_find(&dirs.lp, check != NULL ? check : pos[1], path, &err),
	                          &err)) != CLI_OK ||
	    (rc = cli_book_status(letter_load(path, prof, &t, &err), &err)) != CLI_OK)
		goto out;
	if (check != NULL) {
		char safe[LETTER_PATH_MAX * 4];

		text_visible(path, safe, sizeof safe);
		printf("%s: loads against profile %s\n", safe, prof->name);
		goto out;
	}
	/* a letter */
	if (cli_today(&today, &err) != 0) {
		rc = cli_report(CLI_USAGE, &err);
		goto out;
	}
	date_format(today, todaybuf);
	if (date == NULL)
		date = todaybuf;
	else if ((rc = cli_date("--date", date, &today)) != CLI_OK)
		goto out;
	if (out == NULL && cli_conf_get(env->conf, "letters", outdir, sizeof outdir) != NULL)
		out = outdir;
	if (out != NULL && strcmp(out, "-") == 0)
		out = NULL;
	if (!preview && (book_readonly(b) || book_role(b) < ROLE_CASEWORKER)) {
		rc = cli_error(CLI_USAGE, "letter: recording a letter needs a caseworker on a "
		               "writable book (--preview shows it without recording)");
		goto out;
	}
	/* the case opened to fill it in is a read on record */
	book_reads_via(b, preview ? "letter preview" : "letter", false);
	if ((rc = cli_book_unlock(b)) != CLI_OK)
		goto out;
	if ((rc = cli_book_status(letter_make(b, pos[0], t, date,
	                                      cli_conf_get(env->conf, "council", council,
	                                                  sizeof council),
	                                      &text, &len, &err), &err)) != CLI_OK)
		goto out;
	if (preview) {
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
			rc = cli_error(CLI_FAIL, "letter: standard output: %s", strerror(errno));
		goto out;
	}
	if (out != NULL) {
		if ((rc = letter_save(out, pos[0], pos[1], date, text, len, env->umask, written,
		                      sizeof written, &err)) != 0) {
			rc = cli_report(rc == BOOK_EUSAGE ? CLI_USAGE : CLI_FAIL, &err);
			goto out;
		}
		snprintf(note, sizeof note, "%.39s, written to %.3900s", pos[1], written);
	} else
		snprintf(note, sizeof note, "%.39s, printed", pos[1]);
	if ((rc = cli_book_status(book_case_letter(b, pos[0], pos[1], date, note, &err), &err)) !=
	    CLI_OK) {
		if (out != NULL)
			unlink(written);
		goto out;
	}
	if (out != NULL) {
		char safe[sizeof written * 4];

		text_visible(written, safe, sizeof safe);
		printf("%s\n", safe);
	} else if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
		rc = cli_error(CLI_FAIL, "letter: standard output: %s (the letter is recorded on "
		               "%s)", strerror(errno), pos[0]);
out:
	text_free_wiped(text, len);
	template_free(&t);
	free(shared);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_letter_entry = {
	.name = "letter",
	.usage = "REF TEMPLATE [--date D] [--out DIR] [--preview]\n"
	         "       | --list | --fields | --check TEMPLATE  [--authority NAME]",
	.summary = "a letter to the complainant from a template, recorded on the case",
	.help = "REF TEMPLATE: fills the template from the case (names, dates in words,\n"
	        "  deadlines from the book's profile and calendar) and prints it, or writes\n"
	        "  it to DIR/REF-TEMPLATE-DATE.txt (mode 0640, never over another file) with\n"
	        "  --out DIR or \"letters = DIR\" in the configuration file (--out - prints);\n"
	        "  the letter is recorded on the case's timeline.  Needs the passphrase and\n"
	        "  the book's data key: a letter names people.  --date D dates it (today).\n"
	        "  --preview prints it without recording it.\n"
	        "--list: the templates, the first found winning: $REDRESS_TEMPLATES,\n"
	        "  \"templates = DIR\" in the configuration file, the book's templates/,\n"
	        "  the shipped ones.  With a book (or --authority NAME) each is checked.\n"
	        "--fields: the fields a template may name, with the book's (or NAME's) rules.\n"
	        "--check TEMPLATE: loads it against the book's (or NAME's) profile.\n"
	        "A template naming a field that does not exist is refused (exit 2).\n"
	        "Syntax: redress-template(5).",
	.exec = cmd_letter_exec,
};
