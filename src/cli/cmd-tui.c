/* cmd-tui.c - `redress tui`: the full-screen client on the book (also what
 * `redress` with no command opens on a terminal). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/config.h"
#include "redress/tui.h"

static int
cmd_tui_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *pos[1], *file = getenv("REDRESS_PASSPHRASE_FILE"), *idle = getenv("REDRESS_IDLE");
	unsigned long secs = TUI_IDLE_DEFAULT;
	char *end;
	struct tui_opts o;
	struct letter_dirs dirs;
	char council[256], letters[LETTER_PATH_MAX], backups[LETTER_PATH_MAX];
	struct book *b = NULL;
	struct err err;
	struct config *conf_set;
	char notice[ERR_MAX], conf_path[LETTER_PATH_MAX];
	int npos, rc;

	int ascii = 0, mono = 0;
	const struct cli_spec spec[] = { { "ascii", NULL, &ascii }, { "mono", NULL, &mono },
	                                 { NULL, NULL, NULL } };
	char conf[16];
	const char *v;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((conf_set = malloc(sizeof *conf_set)) == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	cli_client_conf(env, conf_set, notice, sizeof notice, conf_path, sizeof conf_path);
	/* the idle lock: $REDRESS_IDLE (seconds), else the configuration's,
	 * else fifteen minutes; never above the site's maximum */
	if (conf_set->idle >= 0)
		secs = (unsigned long)conf_set->idle;
	if (idle != NULL && *idle != '\0') {
		errno = 0;
		secs = strtoul(idle, &end, 10);
		/* a week at most: beyond that it is a typing mistake */
		if (*end != '\0' || errno != 0 || *idle < '0' || *idle > '9' || secs > 7 * 86400UL) {
			free(conf_set);
			return cli_error(CLI_USAGE, "tui: REDRESS_IDLE \"%.40s\" is not a number of "
			                 "seconds from 0 (never lock) to 604800", idle);
		}
	}
	secs = (unsigned long)config_idle_cap((long)secs, conf_set->idle_max);
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		goto out;
	/* a passphrase named on purpose (scripts, tests) is used as the CLI
	 * uses it; otherwise the client asks on its own screen */
	if (file != NULL && *file != '\0' && book_enrolled(b) && (rc = cli_book_unlock(b)) != CLI_OK)
		goto out;
	err.msg[0] = '\0';
	o.today = cli_today;
	o.idle = (unsigned)secs;
	cli_letter_dirs(env, &dirs);
	o.letters = &dirs.lp;
	o.council = cli_conf_get(env->conf, "council", council, sizeof council);
	o.letters_dir = cli_conf_get(env->conf, "letters", letters, sizeof letters);
	o.umask = env->umask;
	o.backups_dir = cli_conf_get(env->conf, "backups", backups, sizeof backups);
	o.cost = cli_kdf_cost();
	/* "set ascii on" and "set mono on" in either file; the site file's
	 * older "ascii = yes" and "colour = no" when neither says */
	v = cli_conf_get(env->conf, "ascii", conf, sizeof conf);
	o.ascii = ascii || conf_set->ascii == 1 ||
	          (conf_set->ascii < 0 && v != NULL && strcmp(v, "yes") == 0);
	v = cli_conf_get(env->conf, "colour", conf, sizeof conf);
	o.mono = mono || conf_set->mono == 1 ||
	         (conf_set->mono < 0 && v != NULL && strcmp(v, "no") == 0);
	o.config = conf_set;
	o.notice = notice[0] != '\0' ? notice : NULL;
	o.err = &err;
	if ((rc = tui_main(b, &o)) != CLI_OK)
		cli_report(rc, &err);
out:
	book_close(&b);
	free(conf_set);
	return rc;
}

const struct cli_cmd cmd_tui_entry = {
	.name = "tui",
	.usage = "[--ascii] [--mono]",
	.summary = "open the full-screen client",
	.help = "Opens the full-screen client on the book: the case list (sort, filter,\n"
	        "search), each case with its timeline and deadlines, notes and steps of the\n"
	        "procedure.  Asks for the passphrase on its own screen (Esc browses with\n"
	        "pseudonyms), or reads it from $REDRESS_PASSPHRASE_FILE when that is set.\n"
	        "After fifteen minutes without a key (\"set idle-lock MINUTES\", or\n"
	        "$REDRESS_IDLE seconds; never above the site's idle-lock-max) it locks and\n"
	        "asks for the passphrase again.  --ascii draws with ASCII only, --mono with\n"
	        "no colour (also \"set ascii on\", \"set mono on\").  Keys and colours are\n"
	        "set in ~/.config/redress/config and /etc/redress.conf (redress(1),\n"
	        "CONFIGURATION).\n"
	        "? shows the keys.  `redress` with no command opens it when a book is\n"
	        "configured and standard input is a terminal.",
	.exec = cmd_tui_exec,
};
