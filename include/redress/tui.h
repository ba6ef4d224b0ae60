/* tui.h - the full-screen client: unlock, the case list, the case view with
 * every step of the procedure, the new case form, the admin screen and
 * help, drawn with ncurses on the controlling terminal.
 *
 * The client calls only the book layer (book.h) and pure core code.  It
 * holds no transaction while it waits for a key: every book call is short,
 * so a dropped link (SIGHUP) or SIGTERM loses nothing that was committed.
 * It spawns nothing and offers no shell escape, so it can be the whole
 * session under sshd's ForceCommand. */
#ifndef REDRESS_TUI_H
#define REDRESS_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/date.h"
#include "redress/err.h"

struct book;
struct config;
struct letter_path;

struct tui_opts {
	/* London's civil date now (or a fixed one, for tests): dates the steps
	 * and runs the clocks of the case view.  Called at start and again
	 * whenever the list is reloaded, so a session left open over midnight
	 * moves on.  Must not be NULL. */
	int (*today)(struct date *out, struct err *err);
	/* Seconds without a key before the screen locks and asks for the
	 * passphrase again (three wrong ones end the client with TUI_UNLOCK);
	 * 0 never locks.  The caller reads it from wherever it is configured:
	 * the client reads no environment of its own. */
	unsigned idle;
	/* Letters from the case view (redress-template(5)): where templates
	 * are looked for (NULL: no letters), the council's name in them (NULL:
	 * the profile's title), the directory a letter sent is saved in (NULL:
	 * none, and letters cannot be sent from the client), and the umask its
	 * file is made with (never more than 0640). */
	const struct letter_path *letters;
	const char *council, *letters_dir;
	unsigned umask;
	/* The admin screen's backups and snapshots go into new directories in
	 * backups_dir ("backups = DIR" in the configuration; NULL: none, and
	 * the admin screen cannot take one): never a path typed in the client. */
	const char *backups_dir;
	/* The Argon2id cost (enum book_cost) of a passphrase set in the client:
	 * enrolment at first login, or a change of one's own. */
	int cost;
	/* Draws with ASCII only (bars, the marker of clipped text); no colour,
	 * only bold, underline and reverse video. */
	bool ascii, mono;
	/* The person's and the site's settings (config.h), already read: key
	 * bindings and colours (NULL: the defaults); ascii, mono and idle are
	 * the caller's to take from it.  notice, if not NULL, is shown on the
	 * message line at the start (a bad line of a configuration file). */
	const struct config *config;
	const char *notice;
	/* Receives the message when tui_main() returns non-zero; may be NULL. */
	struct err *err;
};

/* Exit statuses of tui_main(), the same as the batch commands'. */
#define TUI_OK 0
#define TUI_FAIL 1   /* no usable terminal, out of memory, the book unreadable */
#define TUI_UNLOCK 2 /* three wrong passphrases, at the start or at the idle lock */

/* The idle time the front end gives when none is configured: fifteen
 * minutes, as office screens lock. */
#define TUI_IDLE_DEFAULT 900

/* Whether ACTION (a name the help screen shows, or "none") can be bound on
 * SCREEN (list, case, calendar, report, letter, admin, audit, help, form,
 * all): NULL if so, else why not, in why (n bytes).  A config_bind_check. */
const char *tui_bind_check(const char *screen, const char *action, char *why, size_t n);

/* Runs the client on an open book until the person quits or SIGHUP or
 * SIGTERM arrives (both return TUI_OK; a form left unsubmitted, or being
 * typed, is first saved as the person's draft in the book, offered when
 * the same form is next opened on the same case).  Asks for the passphrase unless
 * the book is already unlocked or the person is not enrolled (then it
 * browses with pseudonyms and says so).  The terminal is the controlling
 * one (/dev/tty), else stdin and stdout; it is restored before return.
 * The book stays open and owned by the caller. */
int tui_main(struct book *b, const struct tui_opts *o);

#endif
