/* tui.c - the client's frame: the terminal, the windows, the status line,
 * signals, unlocking, and the loop that dispatches keys through the key
 * table to the screen in front. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "redress/text.h"
#include "redress/reads.h"
#include "tui-int.h"

/* Typed text is UTF-8 whatever the session's locale says: LANG unset,
 * LANG=C, or a locale the server never generated (what PuTTY and Windows
 * OpenSSH send, en_GB.UTF-8 on a default Debian) would otherwise leave the
 * client in ASCII, where a typed "â" cannot be converted and the rest of a
 * line was lost.  The terminal sends UTF-8 anyway.  So the person's locale
 * when it is UTF-8, else the character handling of the first UTF-8 locale
 * the C library has (Debian's always has C.UTF-8).  False when none. */
static bool
tui_locale(void)
{
	static const char *const utf8[] = { "C.UTF-8", "C.utf8", "en_GB.UTF-8", "en_US.UTF-8",
	                                    "en_GB.utf8", "en_US.utf8" };
	size_t i;

	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	for (i = 0; i < sizeof utf8 / sizeof utf8[0]; i++)
		if (setlocale(LC_CTYPE, utf8[i]) != NULL && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
			return true;
	setlocale(LC_CTYPE, "");
	return false;
}

/* The only mutable global: set by SIGHUP, SIGTERM, SIGINT and SIGQUIT. */
static volatile sig_atomic_t tui_signalled;

static void
tui_on_signal(int sig)
{
	(void)sig;
	tui_signalled = 1;
}

bool
tui_stopping(void)
{
	return tui_signalled != 0;
}

/* A crash must not leave names on a shared office screen: on a fatal
 * signal the terminal is cleared (what a signal handler may do: write(2)),
 * then the signal goes on to what was there before (the default, or a
 * sanitizer's report).  The previous actions are the handler's only way to
 * reach them. */
static const int tui_fatal_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct sigaction tui_fatal_old[sizeof tui_fatal_sigs / sizeof tui_fatal_sigs[0]];
static volatile sig_atomic_t tui_fatal_fd = STDOUT_FILENO; /* the terminal drawn on */

static void
tui_on_fatal(int sig)
{
	/* colours off, leave the alternate screen, clear it and the scrollback */
	static const char wipe[] = "\033[0m\033[?1049l\033[H\033[2J\033[3J\r\n";
	size_t i;
	ssize_t w;

	w = write(tui_fatal_fd, wipe, sizeof wipe - 1);
	(void)w;
	for (i = 0; i < sizeof tui_fatal_sigs / sizeof tui_fatal_sigs[0]; i++)
		if (tui_fatal_sigs[i] == sig)
			sigaction(sig, &tui_fatal_old[i], NULL);
	raise(sig);
}

static void
tui_fatal_catch(bool on)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = tui_on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof tui_fatal_sigs / sizeof tui_fatal_sigs[0]; i++)
		sigaction(tui_fatal_sigs[i], on ? &sa : &tui_fatal_old[i], on ? &tui_fatal_old[i] : NULL);
}

/* --- colours and styles ---------------------------------------------------- */

/* A colour pair for each element a configuration may colour (config.h),
 * numbered from 1 in its order. */
#define TUI_PAIR(e) COLOR_PAIR((e) + 1)

attr_t
tui_style(const struct tui *t, enum tui_style s)
{
	switch (s) {
	case TUI_S_HEAD:
		return A_BOLD;
	case TUI_S_OVERDUE:
		return t->colour ? TUI_PAIR(CONFIG_E_OVERDUE) | A_BOLD : A_BOLD;
	case TUI_S_ERROR:
		return t->colour ? TUI_PAIR(CONFIG_E_ERROR) | A_BOLD : A_BOLD;
	case TUI_S_SOON:
		return t->colour ? TUI_PAIR(CONFIG_E_SOON) : A_NORMAL;
	case TUI_S_DIM:
		return A_DIM;
	case TUI_S_BAR:
		return t->colour ? TUI_PAIR(CONFIG_E_BAR) : A_REVERSE;
	case TUI_S_MET:
		return t->colour ? TUI_PAIR(CONFIG_E_MET) : A_NORMAL;
	default:
		return A_NORMAL;
	}
}

/* The colours: the defaults, or the configuration's (set colour). */
static void
tui_colours(const struct tui *t)
{
	static const short colours[8] = { COLOR_BLACK, COLOR_RED, COLOR_GREEN, COLOR_YELLOW,
	                                   COLOR_BLUE, COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE };
	static const short defaults[CONFIG_NELEMENTS][2] = {
		[CONFIG_E_OVERDUE] = { COLOR_RED, -1 }, [CONFIG_E_SOON] = { COLOR_YELLOW, -1 },
		[CONFIG_E_BAR] = { COLOR_BLACK, COLOR_CYAN }, [CONFIG_E_MET] = { COLOR_GREEN, -1 },
		[CONFIG_E_ERROR] = { COLOR_RED, -1 },
	};
	bool own = use_default_colors() == OK;
	short fg, bg;
	int e;

	for (e = 0; e < CONFIG_NELEMENTS; e++) {
		const struct config_colour *c = t->o->config != NULL ? &t->o->config->colour[e] : NULL;

		fg = defaults[e][0];
		bg = defaults[e][1];
		if (c != NULL && c->set) {
			fg = c->fg == CONFIG_DEFAULT ? -1 : colours[c->fg & 7];
			bg = c->bg == CONFIG_DEFAULT ? -1 : colours[c->bg & 7];
		}
		/* a terminal without its own colours: white on black */
		init_pair((short)(e + 1), fg < 0 && !own ? COLOR_WHITE : fg,
		          bg < 0 && !own ? COLOR_BLACK : bg);
	}
}

/* --- the terminal ------------------------------------------------------------ */

/* newterm() on the controlling terminal; an unknown TERM falls back to
 * vt100 and then dumb rather than exiting as initscr() would. */
static int
tui_term_open(struct tui *t, struct err *err)
{
	const char *names[] = { getenv("TERM"), "vt100", "dumb" };
	FILE *in = stdin, *out = stdout;
	size_t i;
	int fd;

	if ((fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) >= 0) {
		if ((t->tty = fdopen(fd, "r+")) == NULL)
			close(fd);
		else
			in = out = t->tty;
	}
	if (!isatty(fileno(in)) || !isatty(fileno(out)))
		return err_set(err, "the client needs a terminal (for batch work give a command: "
		               "redress --help)");
	for (i = 0; i < sizeof names / sizeof names[0] && t->scr == NULL; i++)
		if (names[i] != NULL && *names[i] != '\0' && tui_term_known(names[i], fileno(out)))
			t->scr = newterm(names[i], out, in);
	if (t->scr == NULL)
		return err_set(err, "cannot drive this terminal (TERM=%s)",
		               names[0] != NULL ? names[0] : "");
	set_term(t->scr);
	tui_fatal_fd = fileno(out);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(100);
	curs_set(0);
	if (!t->o->mono && has_colors() && start_color() == OK) {
		tui_colours(t);
		t->colour = true;
	}
	return 0;
}

static void
tui_windows_free(struct tui *t)
{
	WINDOW **w[] = { &t->top, &t->body, &t->status, &t->msg };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (*w[i] != NULL) {
			delwin(*w[i]);
			*w[i] = NULL;
		}
}

/* (Re)makes the windows for the terminal's size: a title bar, the body,
 * the status line and the message line. */
static void
tui_windows_make(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	tui_windows_free(t);
	t->view.wrapped = 0;
	t->small = t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS;
	if (t->small)
		return;
	t->top = newwin(1, t->cols, 0, 0);
	t->body = newwin(t->rows - 3, t->cols, 1, 0);
	t->status = newwin(1, t->cols, t->rows - 2, 0);
	t->msg = newwin(1, t->cols, t->rows - 1, 0);
	if (t->top == NULL || t->body == NULL || t->status == NULL || t->msg == NULL) {
		tui_windows_free(t);
		t->small = true;
		return;
	}
	keypad(t->msg, TRUE);
	/* lists scroll: let ncurses use the terminal's scrolling for them */
	idlok(t->body, TRUE);
}

static void
tui_resize(struct tui *t)
{
	tui_windows_make(t);
	/* after a resize the terminal's contents are anyone's guess */
	clearok(curscr, TRUE);
}

void
tui_scroll(size_t *top, size_t max, size_t h, enum tui_action a)
{
	size_t page = h > 1 ? h - 1 : 1;

	switch (a) {
	case TUI_A_DOWN:
		*top += *top < max;
		break;
	case TUI_A_UP:
		*top -= *top > 0;
		break;
	case TUI_A_PGDN:
		*top = *top + page < max ? *top + page : max;
		break;
	case TUI_A_PGUP:
		*top = *top > page ? *top - page : 0;
		break;
	case TUI_A_TOP:
		*top = 0;
		break;
	case TUI_A_BOTTOM:
		*top = max;
		break;
	default:
		break;
	}
}

int
tui_body_rows(const struct tui *t)
{
	return t->body != NULL ? getmaxy(t->body) : 1;
}

/* --- messages and the status line ------------------------------------------ */

void
tui_vmessage(struct tui *t, bool error, const char *fmt, va_list ap)
{
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	t->message_error = error;
}

void
tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tui_vmessage(t, error, fmt, ap);
	va_end(ap);
}

/* The screen in front: while locked, the lock, whatever was open. */
static const struct tui_screen *
tui_front(const struct tui *t)
{
	return t->locked ? &tui_unlock_screen : t->screen;
}

static void
tui_draw_top(struct tui *t)
{
	const struct tui_screen *s = tui_front(t);
	char title[512], line[640];

	title[0] = '\0';
	if (s->title != NULL)
		s->title(t, title, sizeof title);
	snprintf(line, sizeof line, " redress | %s", title);
	werase(t->top);
	tui_put(t, t->top, 0, 0, line, t->cols, TUI_LEFT, tui_style(t, TUI_S_BAR));
}

static void
tui_draw_status(struct tui *t)
{
	char line[1600];
	int len;
	enum role r = book_role(t->b);

	/* the role as the book has it now, and read-only before the directory,
	 * so that a long path cannot push it off a narrow window: an auditor
	 * reads only, whatever the book is opened for */
	len = snprintf(line, sizeof line, " %s (%s)%s | %s", t->login,
	               !book_enrolled(t->b) ? "not enrolled" : r != ROLE_NONE ? role_name(r) :
	               "no role yet",
	               book_readonly(t->b) || (book_enrolled(t->b) && r == ROLE_AUDITOR)
	               ? " | read-only" : "", t->dir);
	if (!book_has_key(t->b))
		len += snprintf(line + len, sizeof line - (size_t)len, " | names hidden");
	if (!t->utf8)
		len += snprintf(line + len, sizeof line - (size_t)len, " | no UTF-8 locale: ASCII only");
	if (t->changed)
		snprintf(line + len, sizeof line - (size_t)len, " | changed by another user");
	werase(t->status);
	tui_put(t, t->status, 0, 0, line, t->cols, TUI_LEFT, tui_style(t, TUI_S_BAR));
}

/* The message, what stops a form being recorded, or the hints for the
 * screen in front, from the key table. */
static void
tui_draw_msg(struct tui *t)
{
	char line[1024], keys[16];
	size_t i, len = 0;
	unsigned ctx = t->form != NULL && !t->locked ? TUI_CTX_FORM : tui_front(t)->ctx;
	const char *why;

	werase(t->msg);
	if (t->input != NULL) {
		tui_input_draw(t);
		return;
	}
	if (t->message[0] != '\0') {
		attr_t a = t->message_error ? tui_style(t, TUI_S_ERROR) : A_NORMAL;
		size_t len, next;

		text_visible(t->message, line, sizeof line);
		/* a message too long for its row (who changed a case, and when)
		 * takes the status row above as well: shown whole */
		if (tui_width(line) > t->cols) {
			len = tui_wrap(line, t->cols, &next);
			werase(t->status);
			tui_putn(t, t->status, 0, 0, line, len, t->cols, TUI_LEFT, a);
			tui_put(t, t->msg, 0, 0, line + next, t->cols, TUI_LEFT, a);
			return;
		}
		tui_put(t, t->msg, 0, 0, line, t->cols, TUI_LEFT, a);
		return;
	}
	if (ctx == TUI_CTX_FORM && (why = tui_form_problem(t, t->form)) != NULL) {
		text_visible(why, line, sizeof line);
		tui_put(t, t->msg, 0, 0, line, t->cols, TUI_LEFT, tui_style(t, TUI_S_ERROR));
		return;
	}
	line[0] = '\0';
	for (i = 0; i < tui_nkeys && len < sizeof line; i++) {
		const struct tui_key *k = &tui_keys[i];
		int code;

		/* the first key in force for it: a binding may have moved it */
		if (k->hint == NULL || (k->ctx & ctx) == 0 || tui_key_codes(t, k, ctx, false, &code, 1) == 0)
			continue;
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s:%s", len ? "  " : " ",
		                        tui_key_label(code, keys, sizeof keys), k->hint);
	}
	tui_put(t, t->msg, 0, 0, line, t->cols, TUI_LEFT, tui_style(t, TUI_S_DIM));
}

void
tui_draw(struct tui *t)
{
	if (t->small) {
		werase(stdscr);
		mvwprintw(stdscr, 0, 0, "window too small: at least %dx%d", TUI_MIN_COLS, TUI_MIN_ROWS);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	/* the body first: the title may report what drawing it worked out */
	werase(t->body);
	t->cy = t->cx = -1;
	t->focus_menu = false;
	tui_front(t)->draw(t);
	/* a screen of text without rows to choose (a case, help, the report):
	 * its first row shown is where reading starts */
	if (t->cy < 0)
		t->cy = t->cx = 0;
	if (!t->locked && t->form != NULL)
		tui_form_draw(t);
	else if (!t->locked && t->menu != NULL)
		tui_menu_draw(t);
	else if (!t->locked && t->sheet != NULL)
		tui_sheet_draw(t);
	tui_draw_top(t);
	tui_draw_status(t);
	tui_draw_msg(t);
	wnoutrefresh(t->top);
	wnoutrefresh(t->status);
	/* last, the window with the cursor: a form's field, or the bottom row */
	if (t->input == NULL && !t->locked && t->form != NULL && t->form->cy >= 0) {
		leaveok(t->body, FALSE);
		wnoutrefresh(t->msg);
		wmove(t->body, t->form->cy, t->form->cx);
		wnoutrefresh(t->body);
		curs_set(1);
	} else if (!t->locked && t->cy >= 0 && t->cy < getmaxy(t->body) &&
	           (t->input == NULL || t->focus_menu)) {
		/* the focused row: a screen reader follows the cursor */
		leaveok(t->body, FALSE);
		leaveok(t->msg, TRUE);
		wnoutrefresh(t->msg);
		wmove(t->body, t->cy, t->cx > 0 ? t->cx : 0);
		wnoutrefresh(t->body);
		curs_set(1);
	} else {
		bool typing = t->input != NULL && t->input->buf != NULL;

		/* with the cursor hidden, leave it where the last write put it:
		 * no cursor move per keystroke over a slow link */
		leaveok(t->body, TRUE);
		leaveok(t->msg, !typing);
		wnoutrefresh(t->body);
		wnoutrefresh(t->msg);
		curs_set(typing ? 1 : 0);
	}
	doupdate();
}

/* --- input ----------------------------------------------------------------- */

static void tui_lock(struct tui *t);
static void tui_revoked(struct tui *t);

/* Reads one key, waiting at most TUI_POLL_MS: ERR on timeout or signal,
 * KEY_RESIZE handled by the caller; *wc gets a typed character (forms). */
static int
tui_read(struct tui *t, int *key, wint_t *wc)
{
	WINDOW *w = t->msg != NULL ? t->msg : stdscr;
	int r, ms = 0; /* first what ncurses holds already, then sleep (tui-wake.c) */

	/* a write refused because an admin revoked this person, or a refresh
	 * that found it out: nothing more is shown or saved */
	if (book_revoked(t->b) && !t->revoked) {
		tui_revoked(t);
		return ERR;
	}
again:
	wtimeout(w, ms);
	if (t->utf8)
		r = wget_wch(w, wc);
	else {
		/* without a UTF-8 locale, wget_wch() takes a byte it cannot
		 * convert as the start of a character and swallows the keys
		 * after it: bytes, then, each refused where text is typed */
		r = wgetch(w);
		if (r != ERR) {
			*wc = r >= KEY_MIN ? (wint_t)r : (wint_t)(unsigned char)r;
			r = r >= KEY_MIN ? KEY_CODE_YES : OK;
		}
	}
	if (r == ERR && ms == 0 && (ms = tui_wake_wait(t)) > 0)
		goto again;
	if (r == ERR) {
		if (t->armed && !t->locked && t->o->idle > 0 && !tui_signalled &&
		    tui_now() - t->last_key >= (double)t->o->idle)
			tui_lock(t);
		return ERR;
	}
	t->last_key = tui_now();
	if (r == KEY_CODE_YES)
		*key = (int)*wc;
	else
		*key = *wc < 128 ? (int)*wc : TUI_KEY_WIDE;
	return OK;
}

bool
tui_modal_read(struct tui *t, int *key, wint_t *wc)
{
	tui_draw(t);
	if (tui_read(t, key, wc) == ERR)
		return false;
	if (*key == KEY_RESIZE) {
		tui_resize(t);
		return false;
	}
	return !t->small;
}

/* --- other users' work ---------------------------------------------------------- */

bool
tui_poll(struct tui *t)
{
	uint64_t now;
	struct err err;
	size_t i;

	/* the reads waiting longest go on record (their own short write) */
	if (book_reads_tick(t->b, &err) != 0)
		tui_message(t, true, "%s", err.msg);
	now = book_last_commit(t->b);
	if (now == t->seen_commit)
		return false;
	/* this client's own commits since (the reads it put on record as a
	 * case was opened or here) are no other user's change */
	if (!book_others_committed(t->b, t->seen_commit, now)) {
		t->seen_commit = now;
		return false;
	}
	t->seen_commit = now;
	t->changed = true;
	/* an admin may have rotated the key (taken from the person's own slot
	 * now, so names stay shown) or revoked them (the client locks) */
	if (book_refresh(t->b, &err) == BOOK_EREVOKED) {
		tui_message(t, true, "%s", err.msg);
		return true;
	}
	/* each screen reads again what it shows, or marks it stale */
	for (i = 0; i < tui_nscreens; i++)
		if (tui_screens[i]->wake != NULL)
			tui_screens[i]->wake(t, t->screen == tui_screens[i]);
	return true;
}

/* --- unlocking, at the start and at the idle lock ----------------------------- */

/* The message where the passphrase is asked: the bottom row is the prompt,
 * so the last try's outcome goes in the body at row y. */
void
tui_said(struct tui *t, int y)
{
	char line[ERR_MAX * 4];

	if (t->message[0] == '\0' || y >= tui_body_rows(t))
		return;
	text_visible(t->message, line, sizeof line);
	tui_put(t, t->body, y, 2, line, t->cols - 4, TUI_LEFT,
	        t->message_error ? tui_style(t, TUI_S_ERROR) : A_NORMAL);
}

/* What the passphrase opens: the book at the start; while locked, after
 * the idle time, what was open (or nothing more, once revoked). */
static void
tui_unlock_draw(struct tui *t)
{
	int y = tui_body_rows(t) / 3;
	unsigned idle = t->o->idle;
	char line[128];

	if (!t->locked) {
		tui_put(t, t->body, y, 2, "A case book of children's social care complaints.",
		        t->cols - 4, TUI_LEFT, A_NORMAL);
		tui_put(t, t->body, y + 2, 2, "Your passphrase shows names; Esc browses without them.",
		        t->cols - 4, TUI_LEFT, A_NORMAL);
	} else if (t->revoked) {
		tui_put(t, t->body, y, 2, "Your access to this book was revoked by an admin.",
		        t->cols - 4, TUI_LEFT, A_BOLD);
		tui_put(t, t->body, y + 2, 2, "Nothing more is shown or saved. Press a key to leave.",
		        t->cols - 4, TUI_LEFT, A_NORMAL);
	} else {
		if (idle % 60 == 0)
			snprintf(line, sizeof line, "Locked after %u minute%s without a key.", idle / 60,
			         idle == 60 ? "" : "s");
		else
			snprintf(line, sizeof line, "Locked after %u seconds without a key.", idle);
		tui_put(t, t->body, y, 2, line, t->cols - 4, TUI_LEFT, A_BOLD);
		tui_put(t, t->body, y + 2, 2,
		        book_enrolled(t->b) ? "Type your passphrase to go on; three wrong ones end "
		                              "redress."
		                            : "Press Enter to go on.",
		        t->cols - 4, TUI_LEFT, A_NORMAL);
	}
	tui_said(t, y + 4);
}

static void
tui_unlock_title(struct tui *t, char *buf, size_t n)
{
	snprintf(buf, n, t->locked ? "locked: %s" : "unlock %s", t->dir);
}

const struct tui_screen tui_unlock_screen = {
	.name = "unlock",
	.ctx = 0,
	.draw = tui_unlock_draw,
	.title = tui_unlock_title,
};

/* Asks for the passphrase, three tries at most, on the unlock screen (in
 * front while t->locked, or as t->screen at the start): 1 unlocked, 0 left
 * with Esc (only when esc_leaves; else Esc asks again), 3 after three wrong
 * ones, -1 the client must stop, -2 without memory. */
static int
tui_passphrase(struct tui *t, bool esc_leaves)
{
	struct err err;
	char *pass;
	int tries = 0, r = 0;

	if ((pass = book_secret_alloc(TUI_PASS_MAX)) == NULL)
		return -2;
	while (tries < 3) {
		pass[0] = '\0';
		r = tui_prompt(t, "Passphrase: ", pass, TUI_PASS_MAX, true);
		if (r < 0)
			break;
		if (r == 0 && esc_leaves)
			break;
		if (r == 0)
			continue;
		tui_message(t, false, "unlocking...");
		tui_draw(t);
		if (book_unlock(t->b, pass, strlen(pass), &err) == 0) {
			t->message[0] = '\0';
			break;
		}
		tries++;
		tui_message(t, true, "%s (%d of 3)", err.msg, tries);
	}
	book_secret_free(pass, TUI_PASS_MAX);
	return tries == 3 ? 3 : r;
}

/* Asks for the passphrase at the start: TUI_OK when unlocked or skipped,
 * TUI_UNLOCK after three failures. */
static int
tui_unlock(struct tui *t)
{
	int r;

	if (book_unlocked(t->b))
		return TUI_OK;
	if (!book_enrolled(t->b)) {
		/* a new member of staff enrols here, at their first login */
		if (!book_readonly(t->b)) {
			tui_me_enrol(t);
			return TUI_OK;
		}
		tui_message(t, false, "%s is not enrolled in this book: names are hidden", t->login);
		return TUI_OK;
	}
	t->screen = &tui_unlock_screen;
	if ((r = tui_passphrase(t, true)) == -2)
		return err_set(t->o->err, "out of memory"), TUI_FAIL;
	if (r == 0)
		tui_message(t, false, "browsing without names");
	if (r == 3) {
		err_set(t->o->err, "three wrong passphrases: nothing was opened");
		return TUI_UNLOCK;
	}
	return TUI_OK;
}

/* Blanks the screen until the passphrase is typed again.  Whatever form
 * is open is saved as a draft first, since three wrong passphrases end the
 * client. */
static void
tui_lock(struct tui *t)
{
	char enter[2] = "";
	int r;

	t->locked = true;
	t->message[0] = '\0';
	tui_drafts_save(t);
	clearok(curscr, TRUE);
	if (!book_enrolled(t->b)) {
		/* nothing sealed is on screen without a key: any Enter will do */
		while (tui_prompt(t, "Locked: ", enter, sizeof enter, true) == 0)
			;
	} else if ((r = tui_passphrase(t, false)) == 3 || r == -2) {
		/* Esc does not get past the lock */
		t->lock_failed = true;
		tui_signalled = 1;
		return;
	}
	t->locked = false;
	t->last_key = tui_now();
	clearok(curscr, TRUE);
}

/* Access revoked while the client was open: the screen is blanked but for
 * why, the keys are already wiped (book_revoked), and the next key ends
 * redress.  Nothing typed can be kept: a draft needs the key. */
static void
tui_revoked(struct tui *t)
{
	wint_t wc;
	int r;

	t->revoked = true;
	t->locked = true;
	clearok(curscr, TRUE);
	do {
		tui_draw(t);
		wtimeout(t->msg != NULL ? t->msg : stdscr, TUI_POLL_MS);
		r = wget_wch(t->msg != NULL ? t->msg : stdscr, &wc);
	} while (r == ERR && !tui_signalled);
	tui_signalled = 1;
}

/* --- the loop ----------------------------------------------------------------- */

static void
tui_dispatch(struct tui *t, int key)
{
	const struct tui_key *k;
	char label[16];
	size_t i;

	if (key == KEY_RESIZE) {
		tui_resize(t);
		return;
	}
	if (t->small)
		return;
	t->key = key;
	if ((k = key == TUI_KEY_WIDE ? NULL : tui_key_find(t, t->screen->ctx, key)) == NULL) {
		tui_message(t, false, "%s does nothing here; ? lists the keys",
		            key == TUI_KEY_WIDE ? "that key" : tui_key_label(key, label, sizeof label));
		return;
	}
	if (k->action == TUI_A_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	/* a key that opens a screen from anywhere, or the screen's own */
	for (i = 0; i < tui_nscreens; i++)
		if (tui_screens[i]->opens != TUI_A_NONE && tui_screens[i]->opens == k->action) {
			tui_screens[i]->open(t);
			return;
		}
	if (t->screen->key != NULL)
		t->screen->key(t, k->action);
}

double
tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
tui_loop(struct tui *t)
{
	wint_t wc;
	int key, fast = 0;
	double since;

	while (!t->quit && !tui_signalled) {
		if (t->screen->reload != NULL)
			t->screen->reload(t);
		tui_draw(t);
		since = tui_now();
		if (tui_read(t, &key, &wc) == ERR) {
			/* a terminal that has gone returns at once, for ever */
			if (!t->wake.woken && tui_now() - since < TUI_POLL_MS / 4000.0) {
				if (++fast > 100)
					break;
			} else
				fast = 0;
			if (!tui_signalled)
				tui_poll(t);
			continue;
		}
		fast = 0;
		t->message[0] = '\0';
		if (key != KEY_RESIZE)
			t->changed = false;
		tui_dispatch(t, key);
	}
}

static void
tui_signals(struct sigaction *old)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a signal must wake the wait for a key */
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		/* no suspending: under ForceCommand nothing would resume us */
		sa.sa_handler = sigs[i] == SIGTSTP ? SIG_IGN : tui_on_signal;
		sigaction(sigs[i], &sa, &old[i]);
	}
}

static void
tui_signals_restore(const struct sigaction *old)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP };
	size_t i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &old[i], NULL);
}

int
tui_main(struct book *b, const struct tui_opts *o)
{
	struct tui *t;
	struct sigaction old[5];
	struct err err;
	size_t i;
	int rc = TUI_OK;

	bool utf8 = tui_locale();

	if ((t = calloc(1, sizeof *t)) == NULL)
		return err_set(o->err, "out of memory"), TUI_FAIL;
	t->b = b;
	t->o = o;
	/* names shown in the client are reads on record, batched (reads.h) */
	book_reads_via(b, "client", true);
	tui_wake_open(t);
	t->utf8 = utf8 && MB_CUR_MAX > 1;
	t->ascii = !t->utf8 || o->ascii;
	t->fmt = book_secret_alloc(TUI_FMT_MAX);
	t->vis = book_secret_alloc(TUI_VIS_MAX);
	if (t->fmt == NULL || t->vis == NULL) {
		rc = TUI_FAIL;
		err_set(o->err, "out of memory");
		goto out;
	}
	text_visible(book_login(b), t->login, sizeof t->login);
	text_visible(book_dir(b), t->dir, sizeof t->dir);
	if (o->today(&t->today, &err) != 0) {
		rc = TUI_FAIL;
		err_set(o->err, "%s", err.msg);
		goto out;
	}
	for (i = 0; i < tui_nscreens; i++)
		if (tui_screens[i]->init != NULL)
			tui_screens[i]->init(t);
	tui_keys_bind(t, o->config);
	tui_signals(old);
	tui_fatal_catch(true);
	if (tui_term_open(t, o->err) != 0) {
		rc = TUI_FAIL;
		goto term;
	}
	tui_windows_make(t);
	if (o->notice != NULL)
		tui_message(t, true, "%s", o->notice);
	if ((rc = tui_unlock(t)) == TUI_OK && !tui_signalled) {
		if (o->notice != NULL && t->message[0] == '\0')
			tui_message(t, true, "%s", o->notice);
		if (!t->utf8 && t->message[0] == '\0')
			tui_message(t, true, "no UTF-8 locale on this server (C.UTF-8): only ASCII can "
			            "be typed");
		/* the first screen, where the client starts */
		t->screen = tui_screens[0];
		t->seen_commit = book_last_commit(b);
		if (t->screen->open != NULL)
			t->screen->open(t);
		t->armed = true;
		t->last_key = tui_now();
		tui_loop(t);
		/* a dropped link or a kill: what was being typed becomes a draft,
		 * before the terminal is let go */
		if (tui_signalled && !t->revoked)
			tui_drafts_save(t);
		if (t->revoked) {
			rc = TUI_FAIL;
			err_set(o->err, "%s's access to this book was revoked: redress ended", t->login);
		}
		if (t->lock_failed) {
			rc = TUI_UNLOCK;
			err_set(o->err, "three wrong passphrases at the idle lock: redress ended");
		}
	}
term:
	tui_windows_free(t);
	if (t->scr != NULL) {
		endwin();
		delscreen(t->scr);
	}
	if (t->tty != NULL)
		fclose(t->tty);
	tui_fatal_catch(false);
	tui_signals_restore(old);
	for (i = 0; i < tui_nscreens; i++)
		if (tui_screens[i]->free != NULL)
			tui_screens[i]->free(t);
out:
	tui_wake_close(t);
	book_secret_free(t->fmt, TUI_FMT_MAX);
	book_secret_free(t->vis, TUI_VIS_MAX);
	free(t);
	return rc;
}
