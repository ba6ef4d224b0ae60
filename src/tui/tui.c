/* tui.c - the client's frame: the terminal, the windows, the status line,
 * signals, unlocking, and the loop that dispatches keys through the key
 * table to the screen in front. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "redress/text.h"
#include "tui-int.h"

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

/* --- colours and styles ---------------------------------------------------- */

enum { TUI_PAIR_RED = 1, TUI_PAIR_YELLOW, TUI_PAIR_BAR };

attr_t
tui_style(const struct tui *t, enum tui_style s)
{
	switch (s) {
	case TUI_S_HEAD:
		return A_BOLD;
	case TUI_S_OVERDUE:
	case TUI_S_ERROR:
		return t->colour ? COLOR_PAIR(TUI_PAIR_RED) | A_BOLD : A_BOLD;
	case TUI_S_SOON:
		return t->colour ? COLOR_PAIR(TUI_PAIR_YELLOW) | A_BOLD : A_NORMAL;
	case TUI_S_DIM:
		return A_DIM;
	case TUI_S_BAR:
		return t->colour ? COLOR_PAIR(TUI_PAIR_BAR) : A_REVERSE;
	default:
		return A_NORMAL;
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
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(100);
	curs_set(0);
	if (has_colors() && start_color() == OK) {
		short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;

		init_pair(TUI_PAIR_RED, COLOR_RED, bg);
		init_pair(TUI_PAIR_YELLOW, COLOR_YELLOW, bg);
		init_pair(TUI_PAIR_BAR, COLOR_BLACK, COLOR_CYAN);
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

void
tui_resize(struct tui *t)
{
	tui_windows_make(t);
	/* after a resize the terminal's contents are anyone's guess */
	clearok(curscr, TRUE);
}

int
tui_body_rows(const struct tui *t)
{
	return t->body != NULL ? getmaxy(t->body) : 1;
}

/* --- messages and the status line ------------------------------------------ */

void
tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_error = error;
}

static void
tui_draw_top(struct tui *t)
{
	char title[512], line[640];

	title[0] = '\0';
	if (t->screen->title != NULL)
		t->screen->title(t, title, sizeof title);
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

	len = snprintf(line, sizeof line, " %s (%s) | %s", t->login,
	               book_enrolled(t->b) ? role_name(r) : "not enrolled", t->dir);
	if (book_readonly(t->b))
		len += snprintf(line + len, sizeof line - (size_t)len, " | read-only");
	if (!book_has_key(t->b))
		len += snprintf(line + len, sizeof line - (size_t)len, " | names hidden");
	if (t->changed)
		snprintf(line + len, sizeof line - (size_t)len, " | changed by another user");
	werase(t->status);
	tui_put(t, t->status, 0, 0, line, t->cols, TUI_LEFT, tui_style(t, TUI_S_BAR));
}

/* The message, or the hints for the screen in front, from the key table. */
static void
tui_draw_msg(struct tui *t)
{
	char line[1024], keys[16];
	size_t i, len = 0;

	werase(t->msg);
	if (t->input != NULL) {
		tui_input_draw(t);
		return;
	}
	if (t->message[0] != '\0') {
		text_visible(t->message, line, sizeof line);
		tui_put(t, t->msg, 0, 0, line, t->cols, TUI_LEFT,
		        t->message_error ? tui_style(t, TUI_S_ERROR) : A_NORMAL);
		return;
	}
	line[0] = '\0';
	for (i = 0; i < tui_nkeys && len < sizeof line; i++) {
		const struct tui_key *k = &tui_keys[i];

		if (k->hint == NULL || (k->ctx & t->screen->ctx) == 0)
			continue;
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s:%s", len ? "  " : " ",
		                        tui_key_label(k->keys[0], keys, sizeof keys), k->hint);
	}
	tui_put(t, t->msg, 0, 0, line, t->cols, TUI_LEFT, tui_style(t, TUI_S_DIM));
}

void
tui_draw(struct tui *t)
{
	if (t->small) {
		werase(stdscr);
		mvwaddstr(stdscr, 0, 0, "window too small");
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	/* the body first: the title may report what drawing it worked out */
	werase(t->body);
	t->screen->draw(t);
	tui_draw_top(t);
	tui_draw_status(t);
	tui_draw_msg(t);
	wnoutrefresh(t->top);
	wnoutrefresh(t->body);
	wnoutrefresh(t->status);
	/* last, so that the cursor (when a form shows it) ends up there */
	wnoutrefresh(t->msg);
	doupdate();
}

/* --- input ----------------------------------------------------------------- */

int
tui_read(struct tui *t, int *key, wint_t *wc)
{
	WINDOW *w = t->msg != NULL ? t->msg : stdscr;
	int r;

	wtimeout(w, TUI_POLL_MS);
	r = wget_wch(w, wc);
	if (r == ERR)
		return ERR;
	if (r == KEY_CODE_YES)
		*key = (int)*wc;
	else
		*key = *wc < 128 ? (int)*wc : TUI_KEY_WIDE;
	return OK;
}

/* --- other users' work ---------------------------------------------------------- */

bool
tui_poll(struct tui *t)
{
	uint64_t now = book_last_commit(t->b);

	if (now == t->seen_commit)
		return false;
	t->seen_commit = now;
	t->changed = true;
	if (t->screen == &tui_list_screen)
		tui_list_load(t);
	else
		t->list.stale = true;
	if (t->view.c != NULL)
		tui_case_reload(t);
	return true;
}

/* --- unlocking --------------------------------------------------------------- */

static void
tui_unlock_draw(struct tui *t)
{
	int y = tui_body_rows(t) / 3;

	tui_put(t, t->body, y, 2, "A case book of children's social care complaints.", t->cols - 4,
	        TUI_LEFT, A_NORMAL);
	tui_put(t, t->body, y + 2, 2, "Your passphrase shows names; Esc browses without them.",
	        t->cols - 4, TUI_LEFT, A_NORMAL);
}

static void
tui_unlock_title(struct tui *t, char *buf, size_t n)
{
	snprintf(buf, n, "unlock %s", t->dir);
}

const struct tui_screen tui_unlock_screen = {
	.name = "unlock",
	.ctx = 0,
	.draw = tui_unlock_draw,
	.key = NULL,
	.title = tui_unlock_title,
};

/* Asks for the passphrase: TUI_OK when unlocked or skipped, TUI_UNLOCK
 * after three failures. */
static int
tui_unlock(struct tui *t)
{
	struct err err;
	char *pass;
	int tries = 0, r;

	if (book_unlocked(t->b))
		return TUI_OK;
	if (!book_enrolled(t->b)) {
		tui_message(t, false, "%s is not enrolled in this book: names are hidden", t->login);
		return TUI_OK;
	}
	if ((pass = book_secret_alloc(TUI_PASS_MAX)) == NULL)
		return err_set(t->o->err, "out of memory"), TUI_FAIL;
	t->screen = &tui_unlock_screen;
	while (tries < 3) {
		pass[0] = '\0';
		r = tui_prompt(t, "Passphrase: ", pass, TUI_PASS_MAX, true);
		if (r < 0)
			break;
		if (r == 0) {
			tui_message(t, false, "browsing without names");
			break;
		}
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
	if (tries == 3) {
		err_set(t->o->err, "three wrong passphrases: nothing was opened");
		return TUI_UNLOCK;
	}
	return TUI_OK;
}

/* --- the loop ----------------------------------------------------------------- */

static void
tui_dispatch(struct tui *t, int key)
{
	const struct tui_key *k;
	char label[16];

	if (key == KEY_RESIZE) {
		tui_resize(t);
		return;
	}
	if (t->small)
		return;
	if ((k = key == TUI_KEY_WIDE ? NULL : tui_key_find(t->screen->ctx, key)) == NULL) {
		tui_message(t, false, "%s does nothing here; ? lists the keys",
		            key == TUI_KEY_WIDE ? "that key" : tui_key_label(key, label, sizeof label));
		return;
	}
	switch (k->action) {
	case TUI_A_HELP:
		tui_help_open(t);
		break;
	case TUI_A_REDRAW:
		clearok(curscr, TRUE);
		break;
	case TUI_A_CALENDAR:
		tui_message(t, false, "the deadline calendar is not in this version");
		break;
	default:
		t->screen->key(t, k->action);
	}
}

static double
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
		if (t->screen == &tui_list_screen && t->list.stale)
			tui_list_load(t);
		tui_draw(t);
		since = tui_now();
		if (tui_read(t, &key, &wc) == ERR) {
			/* a terminal that has gone returns at once, for ever */
			if (tui_now() - since < TUI_POLL_MS / 4000.0) {
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
	int rc = TUI_OK;

	setlocale(LC_ALL, "");
	if ((t = calloc(1, sizeof *t)) == NULL)
		return err_set(o->err, "out of memory"), TUI_FAIL;
	t->b = b;
	t->o = o;
	t->utf8 = MB_CUR_MAX > 1;
	t->fmt = book_secret_alloc(TUI_FMT_MAX);
	t->vis = book_secret_alloc(TUI_VIS_MAX);
	t->draft = book_secret_alloc(BOOK_TEXT_MAX);
	if (t->fmt == NULL || t->vis == NULL || t->draft == NULL) {
		rc = TUI_FAIL;
		err_set(o->err, "out of memory");
		goto out;
	}
	t->draft[0] = '\0';
	text_visible(book_login(b), t->login, sizeof t->login);
	text_visible(book_dir(b), t->dir, sizeof t->dir);
	if (o->today(&t->today, &err) != 0) {
		rc = TUI_FAIL;
		err_set(o->err, "%s", err.msg);
		goto out;
	}
	tui_list_init(t);
	tui_signals(old);
	if (tui_term_open(t, o->err) != 0) {
		rc = TUI_FAIL;
		goto term;
	}
	tui_windows_make(t);
	if ((rc = tui_unlock(t)) == TUI_OK && !tui_signalled) {
		t->screen = &tui_list_screen;
		t->seen_commit = book_last_commit(b);
		tui_list_load(t);
		tui_loop(t);
	}
term:
	tui_windows_free(t);
	if (t->scr != NULL) {
		endwin();
		delscreen(t->scr);
	}
	if (t->tty != NULL)
		fclose(t->tty);
	tui_signals_restore(old);
	tui_case_free(t);
	tui_list_free(t);
out:
	book_secret_free(t->fmt, TUI_FMT_MAX);
	book_secret_free(t->vis, TUI_VIS_MAX);
	book_secret_free(t->draft, BOOK_TEXT_MAX);
	free(t);
	return rc;
}
