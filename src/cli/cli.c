/* cli.c - the command table, dispatch, help, and the helpers commands share. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "redress/adjust.h"
#include "redress/cli.h"
#include "redress/people.h"
#include "redress/share.h"
#include "redress/text.h"
#include "redress/vocab.h"

static const struct cli_cmd *const cli_table[] = {
	&cmd_workday_entry,
	&cmd_workdays_entry,
	&cmd_isworkday_entry,
	&cmd_holidays_entry,
	&cmd_deadlines_entry,
	&cmd_authority_entry,
	&cmd_today_entry,
	&cmd_init_entry,
	&cmd_user_entry,
	&cmd_person_entry,
	&cmd_case_entry,
	&cmd_demo_entry,
	&cmd_calendar_entry,
	&cmd_remind_entry,
	&cmd_audit_entry,
	&cmd_verify_entry,
	&cmd_backup_entry,
	&cmd_snapshot_entry,
	&cmd_rekey_entry,
	&cmd_report_entry,
	&cmd_retention_entry,
	&cmd_letter_entry,
	&cmd_tui_entry,
	&cmd_import_entry,
	&cmd_export_entry,
	&cmd_help_entry,
};
#define CLI_NCMDS (sizeof cli_table / sizeof cli_table[0])

/* The command of that name, or NULL. */
static const struct cli_cmd *
cli_find(const char *name)
{
	size_t i;

	for (i = 0; i < CLI_NCMDS; i++)
		if (strcmp(cli_table[i]->name, name) == 0)
			return cli_table[i];
	return NULL;
}

static void
cli_puts_safe(FILE *f, const char *s)
{
	char out[ERR_MAX * 4];

	text_visible(s, out, sizeof out);
	fputs(out, f);
}

/* the longest line is the longest text of lines there is */
#define CLI_LINE_MAX (BOOK_ADJUST_MAX > BOOK_ADDRESS_MAX ? BOOK_ADJUST_MAX : BOOK_ADDRESS_MAX)

void
cli_print_lines(FILE *f, int width, const char *label, const char *text)
{
	char line[CLI_LINE_MAX], vis[CLI_LINE_MAX * 4];
	const char *s = text, *e;

	do {
		e = strchr(s, '\n');
		snprintf(line, sizeof line, "%.*s", e != NULL ? (int)(e - s) : (int)strlen(s), s);
		text_visible(line, vis, sizeof vis);
		fprintf(f, "%-*s %s\n", width, s == text ? label : "", vis);
		s = e + 1;
	} while (e != NULL);
	explicit_bzero(line, sizeof line);
	explicit_bzero(vis, sizeof vis);
}

int
cli_error(int status, const char *fmt, ...)
{
	char msg[ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fputs("redress: ", stderr);
	cli_puts_safe(stderr, msg);
	fputc('\n', stderr);
	return status;
}

int
cli_report(int status, const struct err *err)
{
	return cli_error(status, "%s", err->msg);
}

/* Long options: "--name", "--name=value" or "--name value". */
struct cli_opt {
	char name[64];
	const char *inline_value; /* after '=', or NULL */
};

/* Whether arg is a long option; fills *opt.  "--" itself is not one. */
static int
cli_is_option(const char *arg, struct cli_opt *opt)
{
	const char *eq;
	size_t n;

	if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0')
		return 0;
	arg += 2;
	eq = strchr(arg, '=');
	n = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
	if (n >= sizeof opt->name)
		n = sizeof opt->name - 1;
	memcpy(opt->name, arg, n);
	opt->name[n] = '\0';
	opt->inline_value = eq != NULL ? eq + 1 : NULL;
	return 1;
}

/* The option's value: inline, or the next argument (advancing *i).
 * Returns NULL, having printed nothing, when there is none. */
static const char *
cli_value(int argc, char **argv, int *i, const struct cli_opt *opt)
{
	if (opt->inline_value != NULL)
		return opt->inline_value;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

int
cli_parse(const struct cli_cmd *self, int argc, char **argv, const struct cli_spec *spec,
          const char **pos, int minpos, int maxpos, int *npos,
          int (*other)(void *ctx, const char *name, const char *value), void *ctx)
{
	const struct cli_spec *sp;
	struct cli_opt opt;
	const char *v;
	int i, options = 1, rc;

	*npos = 0;
	for (i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0) {
			options = 0;
			continue;
		}
		if (options && cli_is_option(argv[i], &opt)) {
			for (sp = spec; sp != NULL && sp->name != NULL; sp++)
				if (strcmp(sp->name, opt.name) == 0)
					break;
			if (sp != NULL && sp->name != NULL && sp->value == NULL) {
				if (opt.inline_value != NULL)
					return cli_error(CLI_USAGE, "%s: --%s takes no value", self->name,
					                 opt.name);
				*sp->flag = 1;
				continue;
			}
			if ((sp == NULL || sp->name == NULL) && other == NULL)
				return cli_error(CLI_USAGE, "%s: unknown option --%s (usage: redress %s %s)",
				                 self->name, opt.name, self->name, self->usage);
			if ((v = cli_value(argc, argv, &i, &opt)) == NULL)
				return cli_error(CLI_USAGE, "%s: --%s needs a value", self->name, opt.name);
			if (sp != NULL && sp->name != NULL)
				*sp->value = v;
			else if ((rc = other(ctx, opt.name, v)) != CLI_OK)
				return rc;
			continue;
		}
		if (options && argv[i][0] == '-' && argv[i][1] != '\0' &&
		    (argv[i][1] < '0' || argv[i][1] > '9'))
			return cli_error(CLI_USAGE, "%s: unknown option %s (usage: redress %s %s)",
			                 self->name, argv[i], self->name, self->usage);
		if (*npos == maxpos)
			return cli_error(CLI_USAGE, "%s: too many arguments (usage: redress %s %s)",
			                 self->name, self->name, self->usage);
		pos[(*npos)++] = argv[i];
	}
	if (*npos < minpos)
		return cli_error(CLI_USAGE, "%s: missing arguments (usage: redress %s %s)",
		                 self->name, self->name, self->usage);
	return CLI_OK;
}

int
cli_integer(const char *s, long lo, long hi, long *out, struct err *err)
{
	char *end;
	long v;

	if (*s == '\0' || (*s != '-' && *s != '+' && (*s < '0' || *s > '9')))
		return err_set(err, "\"%.40s\" is not a whole number", s);
	v = strtol(s, &end, 10);
	if (*end != '\0')
		return err_set(err, "\"%.40s\" is not a whole number", s);
	if (v < lo || v > hi)
		return err_set(err, "%.40s is out of range (%ld to %ld)", s, lo, hi);
	*out = v;
	return 0;
}

int
cli_today(struct date *out, struct err *err)
{
	const char *env = getenv("REDRESS_TODAY");
	struct timespec ts;

	if (env != NULL && *env != '\0') {
		if (date_parse(env, out, err) != 0)
			return err_prefix(err, "REDRESS_TODAY");
		return 0;
	}
	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return err_set(err, "cannot read the clock");
	*out = date_from_unix_london((int64_t)ts.tv_sec);
	return 0;
}

int
cli_calendar(const char *name, struct calendar *cal)
{
	struct err err;
	int rc = share_calendar(name != NULL ? name : "england-and-wales", cal, &err);

	if (rc == SHARE_ENOTFOUND)
		return cli_report(CLI_USAGE, &err);
	return rc != 0 ? cli_report(CLI_FAIL, &err) : CLI_OK;
}

int
cli_date(const char *what, const char *arg, struct date *out)
{
	struct err err;

	if (date_parse(arg, out, &err) != 0)
		return cli_error(CLI_USAGE, "%s: %s", what, err.msg);
	return CLI_OK;
}

int
cli_id(const char *what, const char *arg, uint64_t *out)
{
	struct err err;
	long v;

	if (cli_integer(arg, 1, 2147483647L, &v, &err) != 0)
		return cli_error(CLI_USAGE, "%s: %s", what, err.msg);
	*out = (uint64_t)v;
	return CLI_OK;
}

static void
cli_usage_all(FILE *f)
{
	size_t i;

	fputs("usage: redress [-d BOOK] [-R] [--help] [--version] [COMMAND [ARGS]]\n\n"
	      "With no command, redress opens the full-screen client on the book when there\n"
	      "is one and standard input is a terminal; otherwise it shows the clock engine\n"
	      "at work on today's date.\n\n"
	      "Commands:\n", f);
	for (i = 0; i < CLI_NCMDS; i++)
		fprintf(f, "  %-10s %s\n", cli_table[i]->name, cli_table[i]->summary);
	fputs("\nSee `redress help COMMAND` and redress(1).\n", f);
}

/* A vocabulary's names at column *col of a line indented by `indent`, as
 * "a, b, c" (pipe: "a|b|c"), going on to the next line before column 80. */
static void
cli_help_list(FILE *f, enum vocab_id v, bool pipe, size_t indent, size_t *col)
{
	const char *sep = "";
	int i;

	for (i = 0; i < vocab_size(v); i++) {
		const char *name = vocab_name(v, i);

		if (vocab_flags(v, i) & VOCAB_UNLISTED)
			continue;
		if (*col + strlen(sep) + strlen(name) + 2 > 80) {
			fprintf(f, "%.1s\n%*s", sep, (int)indent, "");
			*col = indent;
		} else {
			fputs(sep, f);
			*col += strlen(sep);
		}
		fputs(name, f);
		*col += strlen(name);
		sep = pipe ? "|" : ", ";
	}
}

/* A command's usage and help, each {vocabulary} in the help (vocab.h)
 * given as the names it holds ({key|}: "a|b|c"). */
static void
cli_help(FILE *f, const struct cli_cmd *cmd)
{
	const char *s = cmd->help, *end, *nl;
	char key[32];
	size_t col = 0, indent;
	int v;

	fprintf(f, "usage: redress %s%s%s\n\n", cmd->name, *cmd->usage ? " " : "", cmd->usage);
	while ((end = strchr(s, '{')) != NULL) {
		size_t n = strcspn(end + 1, "|}");
		bool pipe = end[1 + n] == '|';

		fwrite(s, 1, (size_t)(end - s), f);
		for (nl = end; nl > s && nl[-1] != '\n'; nl--)
			;
		col = nl > s ? (size_t)(end - nl) : col + (size_t)(end - s);
		while (nl > cmd->help && nl[-1] != '\n')
			nl--;
		/* a line's own indent, or that of the lines after it */
		if ((indent = strspn(nl, " ")) == 0 && (nl = strchr(end, '\n')) != NULL)
			indent = strspn(nl + 1, " ");
		snprintf(key, sizeof key, "%.*s", (int)n, end + 1);
		if ((v = vocab_find(key)) < 0 || end[1 + n + pipe] != '}') {
			fputc('{', f); /* a brace of its own */
			col++;
			s = end + 1;
			continue;
		}
		cli_help_list(f, (enum vocab_id)v, pipe, indent, &col);
		s = end + 1 + n + pipe + 1;
	}
	fprintf(f, "%s\n", s);
}

static int
cmd_help_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	(void)env;
	const struct cli_cmd *cmd;

	(void)self;
	if (argc < 2) {
		cli_usage_all(stdout);
		return CLI_OK;
	}
	if (argc > 2)
		return cli_error(CLI_USAGE, "help: one command at a time");
	if ((cmd = cli_find(argv[1])) == NULL)
		return cli_error(CLI_USAGE, "help: no command \"%s\" (see: redress --help)", argv[1]);
	cli_help(stdout, cmd);
	return CLI_OK;
}

const struct cli_cmd cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = "show the commands, or one command's usage",
	.help = "Without COMMAND, lists the commands; with one, shows its usage and what it does.",
	.exec = cmd_help_exec,
};

const char *
cli_conf_get(const char *conf, const char *key, char *buf, size_t n)
{
	FILE *f = fopen(conf, "re");
	char line[4200], *s, *e;
	size_t kl = strlen(key);

	if (f == NULL)
		return NULL;
	while (fgets(line, sizeof line, f) != NULL) {
		s = line + strspn(line, " \t");
		if (strncmp(s, key, kl) != 0)
			continue;
		s += kl;
		s += strspn(s, " \t");
		if (*s != '=')
			continue;
		s++;
		s += strspn(s, " \t");
		for (e = s + strlen(s); e > s && (e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		*e = '\0';
		snprintf(buf, n, "%s", s);
		fclose(f);
		return *buf != '\0' ? buf : NULL;
	}
	fclose(f);
	return NULL;
}

/* Options whose values are sealed in the book (names, dates of birth,
 * narrative): typed on a command line they show in `ps` and in shell
 * history, so each also takes "-" (the value is standard input, for one
 * option a call) or "@FILE" (the value is the file); "@@..." is a value
 * starting with "@". */
static const char *const cli_sealed_opts[] = {
	"child-name", "child-dob", "complainant-name", "complainant-dob", "summary", "text",
	"name", "dob", "views", "subject", "reason", NULL,
};

#define CLI_SEALED_MAX (64 * 1024)

static bool
cli_sealed_opt(const char *name, size_t n)
{
	size_t i;

	for (i = 0; cli_sealed_opts[i] != NULL; i++)
		if (strlen(cli_sealed_opts[i]) == n && strncmp(cli_sealed_opts[i], name, n) == 0)
			return true;
	return false;
}

/* Reads a value whole from fd (one trailing line end dropped) into a new
 * string; NULL and a message when it cannot. */
static char *
cli_sealed_read(int fd, const char *opt, int optlen, const char *from)
{
	size_t len = 0;
	ssize_t r;
	char *buf = malloc(CLI_SEALED_MAX + 1);

	if (buf == NULL) {
		cli_error(CLI_FAIL, "out of memory");
		return NULL;
	}
	while ((r = read(fd, buf + len, CLI_SEALED_MAX + 1 - len)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || len + (size_t)r > CLI_SEALED_MAX) {
			if (r < 0)
				cli_error(CLI_USAGE, "--%.*s: cannot read %s: %s", optlen, opt, from,
				          strerror(errno));
			else
				cli_error(CLI_USAGE, "--%.*s: %s is longer than 64 KiB", optlen, opt, from);
			explicit_bzero(buf, len);
			free(buf);
			return NULL;
		}
		len += (size_t)r;
	}
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return buf;
}

/* Replaces each "-" or "@FILE" value of a sealed option in argv with what
 * it names; the strings made are listed in made (freed by the caller). */
static int
cli_sealed_args(int argc, char **argv, char **made, int *nmade)
{
	bool stdin_taken = false;
	const char *name, *eq, *v;
	char *val, *arg;
	size_t nl;
	int i, fd, slot;

	*nmade = 0;
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--", 2) != 0)
			continue;
		name = argv[i] + 2;
		eq = strchr(name, '=');
		nl = eq != NULL ? (size_t)(eq - name) : strlen(name);
		if (!cli_sealed_opt(name, nl))
			continue;
		if (eq != NULL)
			v = eq + 1, slot = i;
		else if (i + 1 < argc)
			v = argv[i + 1], slot = i + 1;
		else
			continue;
		if (v[0] == '@' && v[1] == '@') {
			/* a value that starts with "@", said twice */
			if (slot == i + 1)
				argv[slot] = argv[slot] + 1;
			else
				memmove((char *)v, v + 1, strlen(v));
		} else if (strcmp(v, "-") == 0 || v[0] == '@') {
			if (v[0] == '-') {
				if (stdin_taken)
					return cli_error(CLI_USAGE, "--%.*s: only one option a call can read "
					                 "standard input", (int)nl, name);
				stdin_taken = true;
				val = cli_sealed_read(STDIN_FILENO, name, (int)nl, "standard input");
			} else if ((fd = open(v + 1, O_RDONLY | O_CLOEXEC)) < 0) {
				return cli_error(CLI_USAGE, "--%.*s: %s: %s", (int)nl, name, v + 1,
				                 strerror(errno));
			} else {
				val = cli_sealed_read(fd, name, (int)nl, v + 1);
				close(fd);
			}
			if (val == NULL)
				return CLI_USAGE;
			if (slot == i) {
				if ((arg = malloc(nl + 3 + strlen(val) + 1)) == NULL) {
					explicit_bzero(val, strlen(val));
					free(val);
					return cli_error(CLI_FAIL, "out of memory");
				}
				sprintf(arg, "--%.*s=%s", (int)nl, name, val);
				explicit_bzero(val, strlen(val));
				free(val);
				val = arg;
			}
			argv[slot] = val;
			made[(*nmade)++] = val;
		}
		if (slot == i + 1)
			i++;
	}
	return CLI_OK;
}

int
cli_main(int argc, char **argv)
{
	static const char usage_d[] = "-d needs the book's directory";
	const struct cli_cmd *cmd;
	struct cli_env env = { NULL, false, "/etc/redress.conf", 0, false };
	const char *book = NULL, *e;
	char confbook[4096];
	int i = 1;

	/* files the book gains stay group-writable for the staff, never others';
	 * the person's own umask is kept for the files they ask for (letters) */
	env.umask = (unsigned)umask(007);
	if ((e = getenv("REDRESS_CONF")) != NULL && *e != '\0')
		env.conf = e;
	/* global options come before the command */
	while (i < argc && argv[i][0] == '-' && argv[i][1] != '-' && argv[i][1] != '\0') {
		if (strcmp(argv[i], "-d") == 0) {
			if (i + 1 >= argc)
				return cli_error(CLI_USAGE, "%s", usage_d);
			book = argv[i + 1];
			env.book_given = true;
			i += 2;
		} else if (strncmp(argv[i], "-d", 2) == 0) {
			book = argv[i] + 2;
			env.book_given = true;
			i++;
		} else if (strcmp(argv[i], "-R") == 0) {
			env.readonly = true;
			i++;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "-V") == 0) {
			break;
		} else
			return cli_error(CLI_USAGE, "unknown option \"%s\" (see: redress --help)", argv[i]);
	}
	if (book == NULL && (e = getenv("REDRESS_BOOK")) != NULL && *e != '\0')
		book = e;
	if (book == NULL)
		book = cli_conf_get(env.conf, "book", confbook, sizeof confbook);
	env.book = book;
	argc -= i - 1;
	argv += i - 1;
	if (argc < 2) {
		if (env.book != NULL && isatty(STDIN_FILENO))
			return cmd_tui_entry.exec(&cmd_tui_entry, &env, 1, argv);
		return cmd_today_entry.exec(&cmd_today_entry, &env, 1, argv);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_usage_all(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("redress %s\n", VERSION);
		return CLI_OK;
	}
	if (argv[1][0] == '-')
		return cli_error(CLI_USAGE, "unknown option \"%s\" (see: redress --help)", argv[1]);
	if ((cmd = cli_find(argv[1])) == NULL)
		return cli_error(CLI_USAGE, "no command \"%s\" (see: redress --help)", argv[1]);
	/* a command's own --help, wherever it is */
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0) {
			if (cmd->subhelp != NULL && cmd->subhelp(cmd, argc - 1, argv + 1) == CLI_OK)
				return CLI_OK;
			cli_help(stdout, cmd);
			return CLI_OK;
		}
	{
		char **made = calloc((size_t)argc, sizeof *made);
		int nmade = 0, rc;

		if (made == NULL)
			return cli_error(CLI_FAIL, "out of memory");
		if ((rc = cli_sealed_args(argc, argv, made, &nmade)) == CLI_OK)
			rc = cmd->exec(cmd, &env, argc - 1, argv + 1);
		while (nmade > 0) {
			explicit_bzero(made[nmade - 1], strlen(made[nmade - 1]));
			free(made[--nmade]);
		}
		free(made);
		return rc;
	}
}
