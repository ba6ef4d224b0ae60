/* config.c - the lines of the person's and the site's configuration files,
 * parsed (config.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "redress/config.h"

#define CONFIG_LINE_MAX 512
#define CONFIG_WORDS 6
#define CONFIG_IDLE_MAX (7L * 24 * 60) /* a week, in minutes: beyond it a typing mistake */

void
config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->ascii = c->mono = -1;
	c->idle = c->idle_max = -1;
}

long
config_idle_cap(long secs, long max)
{
	if (max < 0)
		return secs;
	return secs == 0 || secs > max ? max : secs;
}

int
config_key(const char *s)
{
	static const struct { const char *name; int key; } names[] = {
		{ "Enter", '\n' }, { "Esc", 27 }, { "Escape", 27 }, { "Tab", '\t' },
		{ "Space", ' ' }, { "BTab", CONFIG_KEY_BTAB }, { "BSpace", CONFIG_KEY_BSPACE },
		{ "Backspace", CONFIG_KEY_BSPACE }, { "Up", CONFIG_KEY_UP },
		{ "Down", CONFIG_KEY_DOWN }, { "Left", CONFIG_KEY_LEFT }, { "Right", CONFIG_KEY_RIGHT },
		{ "PgUp", CONFIG_KEY_PGUP }, { "PPage", CONFIG_KEY_PGUP }, { "PgDn", CONFIG_KEY_PGDN },
		{ "NPage", CONFIG_KEY_PGDN }, { "Home", CONFIG_KEY_HOME }, { "End", CONFIG_KEY_END },
	};
	size_t i;

	if (s[0] > ' ' && s[0] < 127 && s[1] == '\0')
		return s[0];
	/* C-x and ^X: a control character, from a letter or one of @[\]^_ */
	if ((strncasecmp(s, "C-", 2) == 0 && s[2] != '\0' && s[3] == '\0') ||
	    (s[0] == '^' && s[1] != '\0' && s[2] == '\0')) {
		int c = s[0] == '^' ? s[1] : s[2];

		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		return c >= '@' && c <= '_' && c != 'I' && c != 'J' && c != 'M' && c != '[' ?
			c & 0x1f : -1;
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].name) == 0)
			return names[i].key;
	return -1;
}

/* Splits s into at most max words at blanks; the number found, or max + 1
 * when there are more. */
static size_t
config_words(char *s, char **w, size_t max)
{
	size_t n = 0;

	for (;;) {
		s += strspn(s, " \t\r");
		if (*s == '\0')
			return n;
		if (n == max)
			return max + 1;
		w[n++] = s;
		s += strcspn(s, " \t\r");
		if (*s != '\0')
			*s++ = '\0';
	}
}

static const char *
config_onoff(const char *name, const char *v, int *out, char *why, size_t whyn)
{
	if (strcmp(v, "on") == 0 || strcmp(v, "yes") == 0)
		*out = 1;
	else if (strcmp(v, "off") == 0 || strcmp(v, "no") == 0)
		*out = 0;
	else {
		snprintf(why, whyn, "%s is on or off, not \"%.32s\"", name, v);
		return why;
	}
	return NULL;
}

/* Minutes (or seconds, with a trailing "s") into seconds; -1 if it is not. */
static long
config_minutes(const char *v)
{
	long n = 0;
	const char *p = v;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((n = n * 10 + (*p - '0')) > CONFIG_IDLE_MAX * 60)
			return -1;
	if (strcmp(p, "s") == 0)
		return n;
	if (*p != '\0' || n > CONFIG_IDLE_MAX)
		return -1;
	return n * 60;
}

static void
config_span(long secs, char *buf, size_t n)
{
	if (secs % 60 == 0)
		snprintf(buf, n, "%ld minute%s", secs / 60, secs == 60 ? "" : "s");
	else
		snprintf(buf, n, "%ld second%s", secs, secs == 1 ? "" : "s");
}

static const char *
config_colour(struct config *c, char **w, size_t n, char *why, size_t whyn)
{
	static const char *const elements[CONFIG_NELEMENTS] = {
		"overdue", "soon", "bar", "met", "error",
	};
	static const char *const colours[] = {
		"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	};
	int e, k, col[2] = { CONFIG_DEFAULT, CONFIG_DEFAULT };

	if (n != 4 && n != 5)
		return "the form is: set colour ELEMENT FOREGROUND [BACKGROUND]";
	for (e = 0; e < CONFIG_NELEMENTS && strcmp(elements[e], w[2]) != 0; e++)
		;
	if (e == CONFIG_NELEMENTS) {
		snprintf(why, whyn, "no element \"%.32s\" to colour (overdue, soon, bar, met, error)",
		         w[2]);
		return why;
	}
	for (k = 0; k < (int)n - 3; k++) {
		if (strcmp(w[3 + k], "default") == 0)
			continue;
		for (col[k] = 0; col[k] < 8 && strcmp(colours[col[k]], w[3 + k]) != 0; col[k]++)
			;
		if (col[k] == 8) {
			snprintf(why, whyn, "no colour \"%.32s\" (default, black, red, green, yellow, "
			         "blue, magenta, cyan, white)", w[3 + k]);
			return why;
		}
	}
	c->colour[e].set = true;
	c->colour[e].fg = col[0];
	c->colour[e].bg = col[1];
	return NULL;
}

static const char *
config_set(struct config *c, char **w, size_t n, bool site, char *why, size_t whyn)
{
	char max[32], want[32];
	long secs;

	if (n < 3)
		return "the form is: set SETTING VALUE";
	if (strcmp(w[1], "colour") == 0 || strcmp(w[1], "color") == 0)
		return config_colour(c, w, n, why, whyn);
	if (n != 3) {
		snprintf(why, whyn, "set %.32s takes one value", w[1]);
		return why;
	}
	if (strcmp(w[1], "ascii") == 0)
		return config_onoff(w[1], w[2], &c->ascii, why, whyn);
	if (strcmp(w[1], "mono") == 0)
		return config_onoff(w[1], w[2], &c->mono, why, whyn);
	if (strcmp(w[1], "idle-lock") != 0 && strcmp(w[1], "idle-lock-max") != 0) {
		snprintf(why, whyn, "no setting \"%.32s\" (ascii, mono, colour, idle-lock%s)", w[1],
		         site ? ", idle-lock-max" : "");
		return why;
	}
	if ((secs = config_minutes(w[2])) < 0) {
		snprintf(why, whyn, "%s is minutes from 0 (never) to %ld, not \"%.32s\"", w[1],
		         CONFIG_IDLE_MAX, w[2]);
		return why;
	}
	if (strcmp(w[1], "idle-lock-max") == 0) {
		if (!site)
			return "idle-lock-max is the site's to set, in /etc/redress.conf";
		if (secs == 0)
			return "idle-lock-max is at least one minute (without it, no maximum)";
		c->idle_max = secs;
		if (c->idle >= 0)
			c->idle = config_idle_cap(c->idle, secs);
		return NULL;
	}
	c->idle = config_idle_cap(secs, c->idle_max);
	if (c->idle != secs) {
		config_span(c->idle_max, max, sizeof max);
		if (secs == 0)
			snprintf(why, whyn, "idle-lock 0 (never) is not allowed here: the site's "
			         "maximum is %s, which is used", max);
		else {
			config_span(secs, want, sizeof want);
			snprintf(why, whyn, "idle-lock %s is above the site's maximum of %s, which is "
			         "used", want, max);
		}
		return why;
	}
	return NULL;
}

static const char *
config_bind(struct config *c, char **w, size_t n, config_bind_check check, char *why, size_t whyn)
{
	struct config_bind *b;
	const char *no;
	int key;

	if (n != 4)
		return "the form is: bind SCREEN KEY ACTION";
	if ((key = config_key(w[2])) < 0) {
		snprintf(why, whyn, "no key \"%.32s\" (a character, C-x, Enter, Esc, Tab, Space, "
		         "Up, Down, Left, Right, PgUp, PgDn, Home, End...)", w[2]);
		return why;
	}
	if (strlen(w[1]) >= CONFIG_NAME_MAX || strlen(w[3]) >= CONFIG_NAME_MAX) {
		snprintf(why, whyn, "no screen \"%.32s\" with an action \"%.32s\"", w[1], w[3]);
		return why;
	}
	if (check != NULL && (no = check(w[1], w[3], why, whyn)) != NULL)
		return no;
	if (c->nbind == CONFIG_BINDS) {
		snprintf(why, whyn, "more than %d bindings", CONFIG_BINDS);
		return why;
	}
	b = &c->bind[c->nbind++];
	snprintf(b->screen, sizeof b->screen, "%s", w[1]);
	snprintf(b->action, sizeof b->action, "%s", w[3]);
	b->key = key;
	return NULL;
}

/* One line (NUL-terminated, a copy the caller gives): NULL or why not. */
static const char *
config_line(struct config *c, char *s, bool site, config_bind_check check, char *why, size_t whyn)
{
	char *w[CONFIG_WORDS];
	size_t n, k;

	s += strspn(s, " \t\r");
	if (*s == '\0' || *s == '#')
		return NULL;
	/* the batch commands' "book = /srv/book" */
	k = strcspn(s, " \t=");
	if (k > 0 && s[k + strspn(s + k, " \t")] == '=')
		return site ? NULL : "\"NAME = VALUE\" settings are the site's, in /etc/redress.conf";
	if ((n = config_words(s, w, CONFIG_WORDS)) > CONFIG_WORDS)
		return "too many words";
	if (strcmp(w[0], "bind") == 0)
		return config_bind(c, w, n, check, why, whyn);
	if (strcmp(w[0], "set") == 0)
		return config_set(c, w, n, site, why, whyn);
	snprintf(why, whyn, "no command \"%.32s\" (bind, set)", w[0]);
	return why;
}

size_t
config_parse(struct config *c, const char *text, size_t len, bool site, config_bind_check check,
             config_bad bad, void *ctx)
{
	char line[CONFIG_LINE_MAX], why[256];
	size_t at = 0, nbad = 0, l;
	unsigned no = 0;
	const char *nl, *no_use;

	while (at < len) {
		nl = memchr(text + at, '\n', len - at);
		l = (nl != NULL ? (size_t)(nl - text) : len) - at;
		no++;
		if (l >= sizeof line || memchr(text + at, '\0', l) != NULL)
			no_use = l >= sizeof line ? "too long" : "has a NUL byte";
		else {
			memcpy(line, text + at, l);
			line[l] = '\0';
			no_use = config_line(c, line, site, check, why, sizeof why);
		}
		if (no_use != NULL) {
			nbad++;
			if (bad != NULL)
				bad(ctx, no, no_use);
		}
		at += l + 1;
	}
	return nbad;
}
