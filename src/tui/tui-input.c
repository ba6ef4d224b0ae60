/* tui-input.c - the one-line form on the bottom row: notes, dates, search
 * text and the passphrase (never echoed). */
#include <limits.h>
#include <string.h>
#include <wchar.h>

#include "redress/text.h"
#include "tui-int.h"

void
tui_input_draw(struct tui *t)
{
	const struct tui_input *in = t->input;
	int pw, avail, x;
	const char *s;

	text_visible(in->prompt, t->vis, TUI_VIS_MAX);
	pw = tui_width(t->vis);
	tui_put(t, t->msg, 0, 0, t->vis, pw < t->cols ? pw : t->cols, TUI_LEFT, A_BOLD);
	avail = t->cols - pw - 1;
	x = pw;
	if (in->buf != NULL && !in->secret && avail > 1) {
		text_visible(in->buf, t->vis, TUI_VIS_MAX);
		s = t->vis;
		/* the end of a long line, where the typing is */
		if (tui_width(s) > avail) {
			s = tui_tail(s, avail - 1);
			tui_put(t, t->msg, 0, x++, "<", 1, TUI_LEFT, A_BOLD);
			avail--;
		}
		tui_put(t, t->msg, 0, x, s, avail, TUI_LEFT, A_NORMAL);
		x += tui_width(s);
	}
	wmove(t->msg, 0, x < t->cols ? x : t->cols - 1);
}

/* Removes the last character (or, with word, the last word) of buf. */
static void
tui_input_erase(char *buf, bool word)
{
	size_t n = strlen(buf);

	if (word)
		while (n > 0 && buf[n - 1] == ' ')
			n--;
	do {
		while (n > 0 && ((unsigned char)buf[--n] & 0xc0) == 0x80)
			;
	} while (word && n > 0 && buf[n - 1] != ' ');
	buf[n] = '\0';
}

/* The editing keys every line of text shares: erase a character or a
 * word of buf, clear it (none of these when buf is NULL), redraw the
 * screen; true when buf changed. */
bool
tui_input_edit(char *buf, enum tui_action a)
{
	switch (a) {
	case TUI_A_FORM_ERASE:
	case TUI_A_FORM_WORD:
		if (buf == NULL)
			return false;
		tui_input_erase(buf, a == TUI_A_FORM_WORD);
		return true;
	case TUI_A_FORM_CLEAR:
		if (buf == NULL)
			return false;
		buf[0] = '\0';
		return true;
	case TUI_A_REDRAW:
		clearok(curscr, TRUE);
		return false;
	default:
		return false;
	}
}

/* Appends the typed character wc to buf (max bytes): 0, or 1 when it does
 * not fit, -1 when it cannot be written (nothing is added then). */
int
tui_input_add(char *buf, size_t max, wint_t wc)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n, len;

	memset(&st, 0, sizeof st);
	n = wcrtomb(mb, (wchar_t)wc, &st);
	if (n == (size_t)-1)
		return -1;
	if ((len = strlen(buf)) + n >= max)
		return 1;
	memcpy(buf + len, mb, n);
	buf[len + n] = '\0';
	return 0;
}

/* Types wc into buf, or says why not: never a character dropped unsaid. */
bool
tui_input_type(struct tui *t, char *buf, size_t max, wint_t wc)
{
	int r;

	if (!t->utf8 && wc >= 128)
		tui_message(t, true, "not typed: this server has no UTF-8 locale (C.UTF-8), so only "
		            "ASCII can be typed");
	else if ((r = tui_input_add(buf, max, wc)) == 0)
		return true;
	else if (r > 0)
		tui_message(t, true, "full: at most %zu bytes here", max - 1);
	else
		tui_message(t, true, "not typed: that character cannot be written");
	t->refused = true;
	beep();
	return false;
}

/* The modal loop of a prompt: each key read goes to key(), which says
 * what the prompt returns (0 or more) or -1 to read on; -1 as the client
 * stops.  (The idle lock may ask for the passphrase in the middle of
 * another prompt: that one comes back afterwards.) */
static int
tui_input_run(struct tui *t, struct tui_input *in, const char *keys,
              int (*key)(struct tui *t, struct tui_input *in, const char *keys, int c, wint_t wc))
{
	struct tui_input *outer = t->input;
	wint_t wc;
	int c, r = -1;

	t->input = in;
	while (r < 0 && !tui_stopping())
		if (tui_modal_read(t, &c, &wc))
			r = key(t, in, keys, c, wc);
	t->input = outer;
	return r;
}

/* tui_prompt's keys: text typed, the editing keys, enter (1), cancel (0) */
static int
tui_prompt_key(struct tui *t, struct tui_input *in, const char *keys, int c, wint_t wc)
{
	const struct tui_key *k;

	(void)keys;
	if (c == TUI_KEY_WIDE || (c >= 32 && c < 127)) {
		/* typed text: no control characters get in */
		tui_input_type(t, in->buf, in->max, wc);
		return -1;
	}
	if ((k = tui_key_find(t, TUI_CTX_FORM, c)) == NULL)
		return -1;
	if (k->action == TUI_A_FORM_ENTER)
		return 1;
	if (k->action == TUI_A_FORM_CANCEL)
		return 0;
	(void)tui_input_edit(in->buf, k->action);
	return -1;
}

int
tui_prompt(struct tui *t, const char *prompt, char *buf, size_t max, bool secret)
{
	struct tui_input in = { prompt, buf, max, secret };

	return tui_input_run(t, &in, NULL, tui_prompt_key);
}

/* tui_ask's keys: Escape, or one of keys (Enter as '\n') */
static int
tui_ask_key(struct tui *t, struct tui_input *in, const char *keys, int c, wint_t wc)
{
	(void)t;
	(void)in;
	(void)wc;
	if (c == 27 || c == '\r' || c == KEY_ENTER)
		c = c == 27 ? 27 : '\n';
	if (c == 27 || (c > 0 && c < 127 && strchr(keys, c) != NULL))
		return c;
	return -1;
}

int
tui_ask(struct tui *t, const char *prompt, const char *keys)
{
	struct tui_input in = { prompt, NULL, 0, false };

	return tui_input_run(t, &in, keys, tui_ask_key);
}
