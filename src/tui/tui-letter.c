/* tui-letter.c - a letter from the case view: choose a template, read the
 * letter filled from the case, and send it (saved in the letters
 * directory the configuration names, and recorded on the timeline), as
 * `redress letter` does.  A letter names people: it needs the key, and its
 * text is wiped when the screen closes. */
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"
#include "redress/letter.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "tui-int.h"

struct tui_letter_pick {
	char (*name)[PROFILE_KEY_MAX];
	char (*describe)[256];
	size_t n, cap;
};

static int
tui_letter_each(const struct letter_entry *e, void *ctx)
{
	struct tui_letter_pick *p = ctx;

	if (e->problem[0] != '\0')
		return 0; /* `redress letter --list` says why */
	if (p->n == p->cap) {
		size_t ncap = p->cap, dcap = p->cap;

		if (buf_grow(&p->name, &ncap, p->n + 1, sizeof *p->name) != 0 ||
		    buf_grow(&p->describe, &dcap, p->n + 1, sizeof *p->describe) != 0)
			return -1;
		p->cap = ncap;
	}
	snprintf(p->name[p->n], sizeof p->name[0], "%s", e->name);
	text_visible(e->describe, p->describe[p->n], sizeof p->describe[0]);
	p->n++;
	return 0;
}

static void
tui_letter_free(struct tui *t)
{
	struct tui_letter *L = &t->letter;

	text_free_wiped(L->text, L->len);
	free(L->lines);
	memset(L, 0, sizeof *L);
}

/* Where each line of the letter starts (and, after the last, its end). */
static int
tui_letter_lines(struct tui_letter *L)
{
	size_t i, n = 1;

	for (i = 0; i < L->len; i++)
		n += L->text[i] == '\n';
	if ((L->lines = calloc(n + 1, sizeof *L->lines)) == NULL)
		return -1;
	for (i = 0; i < L->len; i++)
		if (L->text[i] == '\n')
			L->lines[++L->n] = i + 1;
	if (L->len > 0 && L->text[L->len - 1] != '\n')
		L->lines[++L->n] = L->len + 1;
	return 0;
}

void
tui_letter_menu(struct tui *t)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct tui_letter_pick pick = { 0 };
	struct tui_letter *L = &t->letter;
	const char **names = NULL, **help = NULL;
	struct template *tp = NULL;
	struct tui_menu m;
	struct err err;
	char path[LETTER_PATH_MAX], today[DATE_STRLEN];
	size_t i;
	int r;

	if (t->view.c == NULL || t->o->letters == NULL)
		return;
	if (!book_has_key(t->b)) {
		tui_message(t, true, "a letter names people: it needs your passphrase");
		return;
	}
	if (book_profile(t->b, &prof, &cal, &err) != 0 ||
	    letter_list(t->o->letters, prof, tui_letter_each, &pick, &err) != 0) {
		tui_message(t, true, "letters: %s", err.msg);
		goto out;
	}
	if (pick.n == 0) {
		tui_message(t, true, "no letter templates load (redress letter --list says why)");
		goto out;
	}
	names = calloc(pick.n, sizeof *names);
	help = calloc(pick.n, sizeof *help);
	if (names == NULL || help == NULL) {
		tui_message(t, true, "out of memory");
		goto out;
	}
	for (i = 0; i < pick.n; i++) {
		names[i] = pick.name[i];
		help[i] = pick.describe[i];
	}
	memset(&m, 0, sizeof m);
	m.title = "Letter";
	m.names = names;
	m.help = help;
	m.n = pick.n;
	if ((r = tui_menu_run(t, &m)) < 0)
		goto out;
	tui_letter_free(t);
	if (letter_find(t->o->letters, names[r], path, &err) != 0 ||
	    letter_load(path, prof, &tp, &err) != 0 ||
	    letter_make(t->b, t->view.ref, tp, date_format(t->today, today), t->o->council, &L->text,
	                &L->len, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		tui_letter_free(t);
		goto out;
	}
	if (tui_letter_lines(L) != 0) {
		tui_message(t, true, "out of memory");
		tui_letter_free(t);
		goto out;
	}
	snprintf(L->name, sizeof L->name, "%s", names[r]);
	snprintf(L->ref, sizeof L->ref, "%s", t->view.ref);
	t->screen = &tui_letter_screen;
out:
	template_free(&tp);
	free(names);
	free(help);
	free(pick.name);
	free(pick.describe);
}

/* Saves the letter and records it on the case's timeline. */
static void
tui_letter_send(struct tui *t)
{
	struct tui_letter *L = &t->letter;
	char path[LETTER_PATH_MAX + 64], note[LETTER_PATH_MAX + 128], today[DATE_STRLEN];
	struct err err;
	int rc;

	if (tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if (t->o->letters_dir == NULL) {
		tui_message(t, true, "no letters directory (\"letters = DIR\" in the configuration "
		            "file): nothing sent");
		return;
	}
	date_format(t->today, today);
	/* the file first: a letter recorded as sent must exist */
	rc = letter_save(t->o->letters_dir, L->ref, L->name, today, L->text, L->len, t->o->umask,
	                 path, sizeof path, &err);
	if (rc != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	snprintf(note, sizeof note, "%.39s, written to %.3900s", L->name, path);
	if (book_case_letter(t->b, L->ref, L->name, today, note, &err) != 0) {
		tui_message(t, true, "%s (the file %s was left for you to remove)", err.msg, path);
		return;
	}
	t->list.stale = t->cal.stale = t->report.stale = true;
	tui_message(t, false, "%s sent: recorded on the timeline, written to %s", L->name, path);
	tui_letter_free(t);
	t->screen = &tui_case_screen;
	if (tui_case_reload(t) == 0)
		t->view.focus = true;
}

static void
tui_letter_draw(struct tui *t)
{
	struct tui_letter *L = &t->letter;
	int h = tui_body_rows(t), i;

	if (L->top + (size_t)h > L->n)
		L->top = L->n > (size_t)h ? L->n - (size_t)h : 0;
	for (i = 0; i < h && L->top + (size_t)i < L->n; i++) {
		size_t at = L->lines[L->top + (size_t)i];
		size_t n = L->lines[L->top + (size_t)i + 1] - at - 1;

		/* a line at a time through guarded scratch: it names people */
		if (n >= TUI_FMT_MAX)
			n = TUI_FMT_MAX - 1;
		memcpy(t->fmt, L->text + at, n);
		t->fmt[n] = '\0';
		text_visible(t->fmt, t->vis, TUI_VIS_MAX);
		tui_put(t, t->body, i, 2, t->vis, t->cols - 2, TUI_LEFT, A_NORMAL);
	}
}

static void
tui_letter_key(struct tui *t, enum tui_action a)
{
	struct tui_letter *L = &t->letter;
	size_t h = (size_t)tui_body_rows(t), max = L->n > h ? L->n - h : 0;

	switch (a) {
	case TUI_A_BACK:
		tui_letter_free(t);
		t->screen = &tui_case_screen;
		tui_message(t, false, "the letter was not sent");
		break;
	case TUI_A_OPEN:
		tui_letter_send(t);
		break;
	default:
		tui_scroll(&L->top, max, h, a);
		break;
	}
}

static void
tui_letter_title(struct tui *t, char *buf, size_t n)
{
	const struct tui_letter *L = &t->letter;

	snprintf(buf, n, "letter %s for %s, not yet sent", L->name, L->ref);
}

const struct tui_screen tui_letter_screen = {
	.name = "letter",
	.ctx = TUI_CTX_LETTER,
	.draw = tui_letter_draw,
	.key = tui_letter_key,
	.title = tui_letter_title,
	.free = tui_letter_free,
};
