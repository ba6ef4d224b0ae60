/* client-conf.c - the full-screen client's settings: the site's file
 * (/etc/redress.conf, or $REDRESS_CONF) and then the person's
 * ($XDG_CONFIG_HOME/redress/config, else ~/.config/redress/config), read
 * and parsed by core/config.c.  A bad line is told on standard error and
 * on the client's message line, and the client starts without it. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redress/cli.h"
#include "redress/config.h"
#include "redress/tui.h"

#define CLIENT_CONF_MAX (64 * 1024) /* more is not a configuration */

struct client_conf_seen {
	const char *file;
	char *first;
	size_t n;
	unsigned bad;
};

static void
client_conf_bad(void *ctx, unsigned line, const char *why)
{
	struct client_conf_seen *s = ctx;

	char where[32] = "";

	if (line > 0)
		snprintf(where, sizeof where, ":%u", line);
	cli_error(0, "%s%s: %s", s->file, where, why);
	if (s->bad++ == 0)
		snprintf(s->first, s->n, "%s%s: %s", s->file, where, why);
}

/* One file into c; a file that is not there is no error. */
static void
client_conf_file(struct config *c, const char *file, bool site, struct client_conf_seen *s)
{
	FILE *f = fopen(file, "re");
	char *text;
	size_t len;

	s->file = file;
	if (f == NULL) {
		if (errno != ENOENT && errno != ENOTDIR)
			client_conf_bad(s, 0, strerror(errno));
		return;
	}
	if ((text = malloc(CLIENT_CONF_MAX + 1)) == NULL) {
		fclose(f);
		client_conf_bad(s, 0, "out of memory");
		return;
	}
	len = fread(text, 1, CLIENT_CONF_MAX + 1, f);
	if (ferror(f))
		client_conf_bad(s, 0, "cannot be read");
	else if (len > CLIENT_CONF_MAX)
		client_conf_bad(s, 0, "longer than 64 KiB: not read");
	else
		config_parse(c, text, len, site, tui_bind_check, client_conf_bad, s);
	free(text);
	fclose(f);
}

void
cli_client_conf(const struct cli_env *env, struct config *c, char *notice, size_t n,
                char *path, size_t pathn)
{
	struct client_conf_seen s = { NULL, notice, n, 0 };
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct passwd *pw;
	size_t len;

	notice[0] = '\0';
	config_init(c);
	client_conf_file(c, env->conf, true, &s);
	/* (a relative $XDG_CONFIG_HOME is to be ignored, as the spec says) */
	if (xdg != NULL && xdg[0] == '/')
		snprintf(path, pathn, "%s/redress/config", xdg);
	else {
		if ((home == NULL || home[0] != '/') && (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
		if (home == NULL)
			return;
		snprintf(path, pathn, "%s/.config/redress/config", home);
	}
	client_conf_file(c, path, false, &s);
	if (s.bad > 1 && (len = strlen(notice)) < n)
		snprintf(notice + len, n - len, " (and %u more: see standard error)", s.bad - 1);
}
