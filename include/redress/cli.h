/* cli.h - batch commands: one file per command (src/cli/cmd-*.c), each a
 * const entry in the command table, whose usage and help text also make
 * `redress --help` and `redress help COMMAND`.
 *
 * A command returns its exit status: 0 success, 1 failure of the system
 * (unreadable file, full disk), 2 bad usage or input (CLI_USAGE).  On any
 * failure it prints one line to stderr and nothing to stdout. */
#ifndef REDRESS_CLI_H
#define REDRESS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "redress/date.h"
#include "redress/err.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

/* What the global options say: which book, and whether only to read it. */
struct cli_env {
	const char *book;    /* -d, $REDRESS_BOOK, or /etc/redress.conf; may be NULL */
	bool readonly;       /* -R */
	const char *conf;    /* the configuration file read, for messages */
	unsigned umask;      /* the person's umask before redress set 007 */
	bool book_given;     /* the book was named by -d (not the environment) */
};

struct cli_cmd {
	const char *name;
	const char *usage;   /* arguments, after "redress NAME " */
	const char *summary; /* one line for --help */
	const char *help;    /* paragraph(s) for `redress help NAME` */
	int (*exec)(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv);
	/* optional: `redress NAME ... --help` for one of its actions (argv[0] is
	 * NAME); CLI_OK when it printed one, -1 for the command's own help */
	int (*subhelp)(const struct cli_cmd *self, int argc, char **argv);
};

extern const struct cli_cmd cmd_workday_entry, cmd_workdays_entry, cmd_isworkday_entry,
	cmd_holidays_entry, cmd_deadlines_entry, cmd_authority_entry, cmd_today_entry,
	cmd_init_entry, cmd_user_entry, cmd_person_entry, cmd_case_entry, cmd_demo_entry, cmd_calendar_entry, cmd_remind_entry, cmd_audit_entry, cmd_verify_entry,
	cmd_backup_entry, cmd_snapshot_entry, cmd_rekey_entry, cmd_tui_entry, cmd_help_entry,
	cmd_letter_entry;
extern const struct cli_cmd cmd_report_entry;
/* `person equality ID ...` (cmd-equality.c), which `person` hands on. */
int cmd_person_equality(const struct cli_cmd *self, const struct cli_env *env, int argc,
                        char **argv);
extern const struct cli_cmd cmd_retention_entry;
extern const struct cli_cmd cmd_import_entry, cmd_export_entry;
/* `redress person adjust ...` (cmd-person-adjust.c), as cmd-person.c runs it. */
int cmd_person_adjust(const struct cli_cmd *self, const struct cli_env *env, int argc,
                      char **argv);

/* A setting of the configuration file conf, a line "key = value": the
 * value in buf, or NULL when the file or the key is not there. */
const char *cli_conf_get(const char *conf, const char *key, char *buf, size_t n);

/* The directories letter templates are looked for in, in order:
 * $REDRESS_TEMPLATES, "templates = DIR" in the configuration file, the
 * book's templates/, the shipped ones (cmd-letter.c). */
#include "redress/letter.h"
struct letter_dirs {
	char conf[LETTER_PATH_MAX], book[LETTER_PATH_MAX], share[LETTER_PATH_MAX];
	struct letter_path lp;
};
void cli_letter_dirs(const struct cli_env *env, struct letter_dirs *d);

/* The full-screen client's settings (config.h): the site's file env->conf,
 * then the person's, $XDG_CONFIG_HOME/redress/config (else
 * ~/.config/redress/config, its name into path).  Each bad line is told
 * on standard error as FILE:LINE: why; the first (and how many more) into
 * notice, "" when none. */
struct config;
void cli_client_conf(const struct cli_env *env, struct config *c, char *notice, size_t n,
                     char *path, size_t pathn);

/* Runs redress with its arguments (argv[0] is the program). */
int cli_main(int argc, char **argv);

/* Prints "redress: MESSAGE" (made safe to show) on stderr; returns status. */
int cli_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Same, for a message already in an err; status is that given. */
int cli_report(int status, const struct err *err);

/* The options a command accepts: a value option sets *value, a flag *flag. */
struct cli_spec {
	const char *name;
	const char **value; /* NULL for a flag */
	int *flag;
};

/* Parses argv[1..] against spec: options anywhere, "--" ends them, numbers
 * like -3 are positional.  Positionals go to pos (between minpos and maxpos
 * of them).  An option not in spec goes to other(ctx, name, value) when
 * other is not NULL (it takes a value).  Prints the problem and returns
 * CLI_USAGE, or CLI_OK. */
int cli_parse(const struct cli_cmd *self, int argc, char **argv, const struct cli_spec *spec,
              const char **pos, int minpos, int maxpos, int *npos,
              int (*other)(void *ctx, const char *name, const char *value), void *ctx);

/* Parses a whole decimal integer in [lo, hi]; -1 and a message otherwise. */
int cli_integer(const char *s, long lo, long hi, long *out, struct err *err);

/* Loads a shipped holiday calendar (NULL: england-and-wales), printing the
 * message itself; returns an exit status (CLI_OK on success). */
struct calendar;
int cli_calendar(const char *name, struct calendar *cal);

/* The calendar a working-day command counts with: with -d BOOK (and no
 * --calendar NAME) the book's own, noting "the book's calendar, version 2"
 * in note (n bytes); otherwise cli_calendar(name) and note "".  Exit
 * status, the message printed. */
int cli_calendar_for(const struct cli_env *env, const char *name, struct calendar *cal,
                     char *note, size_t n);

/* Parses a date argument, printing "WHAT: message" on failure; exit status. */
int cli_date(const char *what, const char *arg, struct date *out);
/* The same for an ID or a revision, a whole number from 1 to 2147483647. */
int cli_id(const char *what, const char *arg, uint64_t *out);

/* --- the case book ------------------------------------------------------ */

#define CLI_STALE 3 /* someone else changed the record first */
#define CLI_PASS_MAX 1024

struct book;

/* Opens the book the global options name; prints why not.  Exit status. */
int cli_book_open(const struct cli_env *env, struct book **b);
/* Asks for the person's passphrase (or reads it) and unlocks.  Status. */
int cli_book_unlock(struct book *b);
/* cli_book_open, then cli_book_unlock when unlock is true (the book closed
 * again, *b NULL, when that fails).  Status. */
int cli_book_open_unlock(const struct cli_env *env, struct book **b, bool unlock);
/* Reads a passphrase: from the terminal without echo (twice when confirm),
 * or, with no terminal, line `line` (1-based) of $REDRESS_PASSPHRASE_FILE.
 * *pass is guarded memory of CLI_PASS_MAX bytes: release with
 * cli_passphrase_free().  Exit status. */
int cli_passphrase(const char *prompt, int line, bool confirm, char **pass, size_t *len);
void cli_passphrase_free(char *pass);
/* `holidays versions`, `authority versions`: the book's calendar (what
 * 'c') or profile ('p') versions, oldest first, each with who made it, when
 * and what it changed.  Exit status. */
int cli_book_versions(const struct cli_env *env, char what);
/* Prints the message of a book operation and maps its code to a status. */
int cli_book_status(int rc, const struct err *err);
/* The cost of new passphrases: $REDRESS_KDF=test lowers it for test suites. */
int cli_kdf_cost(void);

/* Output written while a transaction of the book is open goes to memory
 * (f, a stream into an anonymous mapping), and reaches stdout only once that transaction has
 * ended: a listing whose reader stops reading (a pager left open, a stuck
 * pipe) never holds the book's pages.  cli_out_end() prints it when rc is
 * CLI_OK (otherwise drops it: a failure prints nothing on stdout), wipes
 * and frees it, and returns rc, or CLI_FAIL when stdout cannot be written. */
struct cli_out {
	FILE *f;
	char *p;
	size_t n, cap, ready;          /* written, mapped, made ready */
};
int cli_out_begin(struct cli_out *o);
int cli_out_end(struct cli_out *o, int rc);

/* Text of several lines (an address, what was agreed) on f, each line made
 * safe to show after a column of width bytes, label in it on the first. */
void cli_print_lines(FILE *f, int width, const char *label, const char *text);

/* Today's civil date in London ($REDRESS_TODAY overrides, for tests). */
int cli_today(struct date *out, struct err *err);

#endif
