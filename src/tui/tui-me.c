/* tui-me.c - the person's own place in the book from the client: enrolment
 * at their first login (under ForceCommand there is no shell to run `redress
 * user enrol` from) and a change of their own passphrase.  The same book
 * calls, rules and audit entries as `redress user enrol` and `user passwd`. */
#include <string.h>

#include "tui-int.h"

/* P on the list: enrol, or change one's own passphrase. */
static void tui_me(struct tui *t);

#define TUI_PASS_MIN 8 /* as `redress user enrol`: at least 8 characters */

static void
tui_enrol_draw(struct tui *t)
{
	int y = tui_body_rows(t) / 4, w = t->cols - 4;
	char line[512];

	snprintf(line, sizeof line, "You (%s) are not yet a user of this book.", t->login);
	tui_put(t, t->body, y, 2, line, w, TUI_LEFT, A_BOLD);
	tui_put(t, t->body, y + 2, 2,
	        "To enrol, choose a passphrase of at least 8 characters and type it twice.", w,
	        TUI_LEFT, A_NORMAL);
	tui_put(t, t->body, y + 3, 2,
	        "Then ask an admin to grant you access: until then you see no names.", w, TUI_LEFT,
	        A_NORMAL);
	if (t->input != NULL)
		tui_said(t, y + 5);
}

static void
tui_enrol_title(struct tui *t, char *buf, size_t n)
{
	snprintf(buf, n, "enrol in %s", t->dir);
}

const struct tui_screen tui_enrol_screen = {
	.name = "enrol",
	.ctx = 0,
	.opens = TUI_A_ME,
	.open = tui_me,
	.draw = tui_enrol_draw,
	.title = tui_enrol_title,
};

/* Asks for a new passphrase twice into pass (TUI_PASS_MAX bytes): 1 when
 * typed alike and long enough, 0 when left with Esc, -1 to stop.  What
 * was wrong stays on the message line and it asks again. */
static int
tui_me_new(struct tui *t, char *pass)
{
	const char *why = "";
	char *again, prompt[160];
	int r;

	if ((again = book_secret_alloc(TUI_PASS_MAX)) == NULL)
		return tui_message(t, true, "out of memory"), 0;
	for (;;) {
		/* the bottom row is the prompt: what was wrong goes in it */
		pass[0] = again[0] = '\0';
		snprintf(prompt, sizeof prompt, "%sNew passphrase (8 characters or more): ", why);
		if ((r = tui_prompt(t, prompt, pass, TUI_PASS_MAX, true)) != 1)
			break;
		if (strlen(pass) < TUI_PASS_MIN) {
			why = "Too short. ";
			tui_message(t, true, "a passphrase needs at least 8 characters");
			continue;
		}
		if ((r = tui_prompt(t, "The same again: ", again, TUI_PASS_MAX, true)) != 1)
			break;
		if (strcmp(pass, again) != 0) {
			why = "They differ. ";
			tui_message(t, true, "the passphrases differ; nothing was changed");
			continue;
		}
		t->message[0] = '\0';
		break;
	}
	book_secret_free(again, TUI_PASS_MAX);
	return r;
}

int
tui_me_enrol(struct tui *t)
{
	const struct tui_screen *was = t->screen;
	struct err err;
	char *pass;
	int r, k;

	if (book_readonly(t->b)) {
		tui_message(t, true, "the book is open read-only: nobody can enrol in it");
		return 0;
	}
	if ((pass = book_secret_alloc(TUI_PASS_MAX)) == NULL)
		return tui_message(t, true, "out of memory"), 0;
	t->screen = &tui_enrol_screen;
	t->message[0] = '\0';
	if ((k = tui_ask(t, "Enrol in this book now? y/n ", "yn")) != 'y') {
		r = k < 0 ? -1 : 0;
		tui_message(t, false, "not enrolled: names are hidden; P enrols you later");
		goto out;
	}
	for (;;) {
		if ((r = tui_me_new(t, pass)) != 1) {
			if (r == 0)
				tui_message(t, false, "not enrolled: names are hidden; P enrols you later");
			break;
		}
		tui_message(t, false, "enrolling...");
		tui_draw(t);
		if (book_user_enrol(t->b, pass, strlen(pass), (enum book_cost)t->o->cost, &err) != 0) {
			tui_message(t, true, "not enrolled: %s", err.msg);
			continue;
		}
		tui_message(t, false, "enrolled %s: ask an admin to grant you access; until then "
		            "you see no names", t->login);
		break;
	}
out:
	book_secret_free(pass, TUI_PASS_MAX);
	t->screen = was != NULL && was != &tui_enrol_screen ? was : &tui_list_screen;
	return r < 0 ? -1 : 0;
}

static void
tui_me(struct tui *t)
{
	struct err err;
	char *old, *pass;
	int r;

	if (!book_enrolled(t->b)) {
		tui_me_enrol(t);
		t->list.stale = true;
		return;
	}
	if (book_readonly(t->b)) {
		tui_message(t, true, "the book is open read-only: nothing can be changed");
		return;
	}
	old = book_secret_alloc(TUI_PASS_MAX);
	pass = book_secret_alloc(TUI_PASS_MAX);
	if (old == NULL || pass == NULL) {
		tui_message(t, true, "out of memory");
		goto out;
	}
	old[0] = '\0';
	/* the passphrase now first, as at the lock: a screen left open changes
	 * nobody's passphrase */
	if ((r = tui_prompt(t, "Your passphrase now: ", old, TUI_PASS_MAX, true)) != 1) {
		if (r == 0)
			tui_message(t, false, "passphrase not changed");
		goto out;
	}
	tui_message(t, false, "checking...");
	tui_draw(t);
	if (book_unlock(t->b, old, strlen(old), &err) != 0) {
		tui_message(t, true, "passphrase not changed: %s", err.msg);
		goto out;
	}
	t->message[0] = '\0';
	if ((r = tui_me_new(t, pass)) != 1) {
		if (r == 0)
			tui_message(t, false, "passphrase not changed");
		goto out;
	}
	tui_message(t, false, "changing...");
	tui_draw(t);
	if (book_user_passwd(t->b, pass, strlen(pass), (enum book_cost)t->o->cost, &err) != 0)
		tui_message(t, true, "passphrase not changed: %s", err.msg);
	else {
		tui_message(t, false, "passphrase changed for %s: use the new one from now on",
		            t->login);
	}
out:
	book_secret_free(old, TUI_PASS_MAX);
	book_secret_free(pass, TUI_PASS_MAX);
}
