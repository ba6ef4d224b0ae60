/* config.h - the client's settings, as the person and the site write them:
 * the lines of $XDG_CONFIG_HOME/redress/config (the person's) and of
 * /etc/redress.conf (the site's), parsed.  Pure: the caller reads the files
 * and says which is which; what a screen and an action are named is the
 * client's to say, through a callback.
 *
 *   bind SCREEN KEY ACTION    KEY on SCREEN does ACTION ("none": nothing)
 *   set ascii on|off          draw with ASCII only
 *   set mono on|off           no colour
 *   set colour ELEMENT FG [BG]
 *   set idle-lock MINUTES     lock after this long without a key (0: never)
 *   set idle-lock-max MINUTES the most anyone may choose (the site's only)
 *
 * Blank lines and lines starting with # are comments.  The site file also
 * holds the batch commands' "name = value" lines, which are passed over. */
#ifndef REDRESS_CONFIG_H
#define REDRESS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

/* Keys that are no character: above Unicode, so never a typed one.  A
 * character is its own code (1..126: "x", "C-x", "Enter" is '\n'). */
enum config_key {
	CONFIG_KEY_UP = 0x110000, CONFIG_KEY_DOWN, CONFIG_KEY_LEFT, CONFIG_KEY_RIGHT,
	CONFIG_KEY_PGUP, CONFIG_KEY_PGDN, CONFIG_KEY_HOME, CONFIG_KEY_END, CONFIG_KEY_BTAB,
	CONFIG_KEY_BSPACE,
};

/* What colours can be chosen for, and the colours (as ANSI numbers them;
 * CONFIG_DEFAULT: the terminal's own). */
enum config_element { CONFIG_E_OVERDUE, CONFIG_E_SOON, CONFIG_E_BAR, CONFIG_E_MET,
                      CONFIG_E_ERROR, CONFIG_NELEMENTS };
#define CONFIG_DEFAULT (-1)

#define CONFIG_BINDS 64
#define CONFIG_NAME_MAX 32

struct config_bind {
	char screen[CONFIG_NAME_MAX], action[CONFIG_NAME_MAX];
	int key;
};

struct config_colour {
	bool set;
	int fg, bg;
};

struct config {
	int ascii, mono;             /* -1 not set, 0 off, 1 on */
	long idle;                   /* seconds; -1 not set, 0 never */
	long idle_max;               /* seconds; -1 no maximum */
	struct config_colour colour[CONFIG_NELEMENTS];
	struct config_bind bind[CONFIG_BINDS];
	size_t nbind;
};

/* Says whether ACTION can be bound on SCREEN: NULL if it can, else why not
 * ("no screen \"x\""), written into why (n bytes) or a constant. */
typedef const char *(*config_bind_check)(const char *screen, const char *action, char *why,
                                         size_t n);
/* Told of each line that cannot be used: its number (from 1) and why. */
typedef void (*config_bad)(void *ctx, unsigned line, const char *why);

/* Nothing set. */
void config_init(struct config *c);

/* Reads the len bytes of text (one file) into c, over what earlier files
 * set; site says it is the site's file (idle-lock-max allowed, "name =
 * value" lines passed over); check says which bindings can be (NULL: any),
 * and bad is given ctx.  A line that cannot be used is told to bad and
 * changes nothing; the rest of the file is still read.  An idle-lock above
 * the maximum already set is told, and the maximum used.  Returns the number
 * of bad lines. */
size_t config_parse(struct config *c, const char *text, size_t len, bool site,
                     config_bind_check check, config_bad bad, void *ctx);

/* The idle lock in seconds from one asked for (0: never) and the maximum
 * (-1: none): never above the maximum, and never "never" when there is one. */
long config_idle_cap(long secs, long max);

/* A key as written in a binding: "x", "C-x" or "^X", "Enter", "Esc", "Tab",
 * "BTab", "Space", "BSpace", "Up", "Down", "Left", "Right", "PgUp",
 * "PgDn", "Home", "End" (names in any case).  -1 when it is none. */
int config_key(const char *s);

#endif
