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

	pw = tui_width(in->prompt);
	tui_put(t, t->msg, 0, 0, in->prompt, pw < t->cols ? pw : t->cols, TUI_LEFT, A_BOLD);
	avail = t->cols - pw - 1;
	x = pw;
	if (!in->secret && avail > 1) {
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

int
tui_prompt(struct tui *t, const char *prompt, char *buf, size_t max, bool secret)
{
	struct tui_input in = { prompt, buf, max, secret };
	char mb[MB_LEN_MAX];
	mbstate_t st;
	wint_t wc;
	size_t n, len;
	int key, r = -1;

	t->input = &in;
	curs_set(1);
	while (!tui_stopping()) {
		tui_draw(t);
		if (tui_read(t, &key, &wc) == ERR)
			continue;
		if (key == KEY_RESIZE) {
			tui_resize(t);
		} else if (t->small) {
			continue;
		} else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			r = 1;
			break;
		} else if (key == 27) {
			r = 0;
			break;
		} else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
			tui_input_erase(buf, false);
		} else if (key == 23) { /* ^W */
			tui_input_erase(buf, true);
		} else if (key == 21) { /* ^U */
			buf[0] = '\0';
		} else if (key == TUI_KEY_WIDE || (key >= 32 && key < 127)) {
			/* typed text: no control characters get in */
			memset(&st, 0, sizeof st);
			n = wcrtomb(mb, (wchar_t)wc, &st);
			if (n != (size_t)-1 && (len = strlen(buf)) + n < max) {
				memcpy(buf + len, mb, n);
				buf[len + n] = '\0';
			}
		}
	}
	curs_set(0);
	t->input = NULL;
	return r;
}
