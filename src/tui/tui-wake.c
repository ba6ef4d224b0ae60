/* tui-wake.c - an idle client sleeps until a key, another user's commit
 * or the idle lock: inotify on the book's data file (Linux), so that a
 * room of open clients costs nothing while nobody types, and a commit
 * shows on every screen at once.  Where inotify is missing, a poll once
 * a second, as before. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "tui-int.h"

/* With inotify, a look at the book now and then all the same (a change
 * it cannot see: another host on a shared disk). */
#define TUI_WAKE_SLOW_MS 15000
/* After a write, LMDB publishes the commit's number only once its pages
 * are on disk, which no event announces: looked for again after these
 * waits, then once a second for a while (a slow disk, a busy machine). */
static const int tui_wake_settle_ms[] = { 5, 20, 50, 100, 200, 400 };
#define TUI_WAKE_WARM_S 20.0
#define TUI_WAKE_NSETTLE ((int)(sizeof tui_wake_settle_ms / sizeof tui_wake_settle_ms[0]))

void
tui_wake_open(struct tui *t)
{
	struct tui_wake *w = &t->wake;
	char path[PATH_MAX];

	w->fd = -1;
	w->settle = 0;
#ifdef __linux__
	if (snprintf(path, sizeof path, "%s/data.mdb", book_dir(t->b)) >= (int)sizeof path)
		return;
	if ((w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0)
		return;
	/* IN_CLOSE_WRITE: a batch command's commit is published when it ends */
	if (inotify_add_watch(w->fd, path, IN_MODIFY | IN_CLOSE_WRITE) < 0) {
		close(w->fd);
		w->fd = -1;
	}
#else
	(void)path;
#endif
}

void
tui_wake_close(struct tui *t)
{
	if (t->wake.fd >= 0)
		close(t->wake.fd);
	t->wake.fd = -1;
}

/* Reads away the events: one wake stands for them all. */
static void
tui_wake_drain(int fd)
{
	char buf[4096];

	while (read(fd, buf, sizeof buf) > 0)
		;
}

int
tui_wake_wait(struct tui *t)
{
	struct tui_wake *w = &t->wake;
	struct pollfd p[2];
	int ms, n = 1, r;

	w->woken = false;
	p[0].fd = t->tty != NULL ? fileno(t->tty) : STDIN_FILENO;
	p[0].events = POLLIN;
	if (w->fd >= 0) {
		p[1].fd = w->fd;
		p[1].events = POLLIN;
		n = 2;
	}
	/* a commit written but not yet numbered: look again soon */
	if (w->settle > 0 && book_last_commit(t->b) != w->at) {
		w->settle = 0;
		w->woken = true;
		return 0; /* numbered now: the caller looks */
	}
	if (w->settle > 0)
		ms = tui_wake_settle_ms[TUI_WAKE_NSETTLE - w->settle--];
	else if (w->fd < 0 || tui_now() < w->warm_until)
		ms = TUI_POLL_MS;
	else
		ms = TUI_WAKE_SLOW_MS;
	/* the idle lock falls on time */
	if (t->armed && !t->locked && t->o->idle > 0) {
		double left = (double)t->o->idle - (tui_now() - t->last_key);

		if (left * 1000 < ms)
			ms = left > 0 ? (int)(left * 1000) + 1 : 0;
	}
	r = poll(p, (nfds_t)n, ms);
	if (r > 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)))
		return TUI_POLL_MS; /* a key (or a terminal gone): wgetch reads it */
	if (r > 0 && n == 2 && (p[1].revents & POLLIN)) {
		tui_wake_drain(w->fd);
		w->at = book_last_commit(t->b);
		w->settle = TUI_WAKE_NSETTLE;
		w->warm_until = tui_now() + TUI_WAKE_WARM_S;
		w->woken = true;
	} else if (r == 0 && ms < TUI_POLL_MS)
		w->woken = true; /* a settle or the lock, not a terminal gone */
	else if (r < 0 && errno == EINTR)
		w->woken = true; /* a signal: a resize, or the end */
	return 0;
}
