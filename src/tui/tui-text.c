/* tui-text.c - text laid out by display width, and the guarded arena that
 * holds everything the screens show (names and case text included). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "redress/text.h"
#include "tui-int.h"

/* --- the arena ---------------------------------------------------------------- */

struct tui_chunk {
	struct tui_chunk *next;
	size_t size, used;
	char data[];
};

/* Chunks grow from 16 KiB to 256 KiB: guarded memory is filled when it is
 * made and wiped when freed, every page of it, so a day's agenda of a few
 * dozen strings must not take a 256 KiB chunk (64 page faults at each load). */
#define TUI_CHUNK_FIRST (16 * 1024)
#define TUI_CHUNK (256 * 1024)

const char *
tui_arena_copy(struct tui_arena *a, const char *s, size_t n)
{
	struct tui_chunk *c = a->head;
	char *p;

	if (c == NULL || c->size - c->used < n + 1) {
		size_t grow = a->grow != 0 ? a->grow : TUI_CHUNK_FIRST;
		size_t size = n + 1 > grow - sizeof *c ? n + 1 + sizeof *c : grow;

		/* guarded memory is not aligned unless its size is */
		size = (size + 15) & ~(size_t)15;
		if ((c = book_secret_alloc(size)) == NULL)
			return NULL;
		c->next = a->head;
		c->size = size - sizeof *c;
		c->used = 0;
		a->head = c;
		a->grow = grow < TUI_CHUNK ? grow * 2 : TUI_CHUNK;
	}
	p = c->data + c->used;
	memcpy(p, s, n);
	p[n] = '\0';
	c->used += n + 1;
	return p;
}

const char *
tui_arena_visible(struct tui_arena *a, const char *s, char *scratch)
{
	text_visible(s != NULL ? s : "", scratch, TUI_VIS_MAX);
	return tui_arena_copy(a, scratch, strlen(scratch));
}

void
tui_arena_free(struct tui_arena *a)
{
	struct tui_chunk *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		book_secret_free(c, c->size + sizeof *c);
	}
	a->head = NULL;
	a->grow = 0;
}

/* --- interned strings ----------------------------------------------------------- */

static size_t
tui_hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

const char *
tui_intern(struct tui_intern *in, struct tui_arena *a, const char *s)
{
	size_t i, mask;
	const char *p;

	if (in->n * 2 >= in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 64, j;
		const char **slot = calloc(cap, sizeof *slot);

		if (slot == NULL)
			return NULL;
		for (j = 0; j < in->cap; j++)
			if (in->slot[j] != NULL) {
				for (i = tui_hash(in->slot[j]) & (cap - 1); slot[i] != NULL; i = (i + 1) & (cap - 1))
					;
				slot[i] = in->slot[j];
			}
		free(in->slot);
		in->slot = slot;
		in->cap = cap;
	}
	mask = in->cap - 1;
	for (i = tui_hash(s) & mask; in->slot[i] != NULL; i = (i + 1) & mask)
		if (strcmp(in->slot[i], s) == 0)
			return in->slot[i];
	if ((p = tui_arena_copy(a, s, strlen(s))) == NULL)
		return NULL;
	in->slot[i] = p;
	in->n++;
	return p;
}

void
tui_intern_free(struct tui_intern *in)
{
	free(in->slot);
	memset(in, 0, sizeof *in);
}

/* --- display width --------------------------------------------------------------- */

/* Decodes the character at s (n bytes left): its length, wide character
 * and cells.  What the locale cannot show becomes '?', one cell wide. */
static size_t
tui_char(const char *s, size_t n, wchar_t *wc, int *cells)
{
	mbstate_t st;
	size_t r;
	int w;

	memset(&st, 0, sizeof st);
	r = mbrtowc(wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*wc = L'?';
		*cells = 1;
		return 1;
	}
	w = wcwidth(*wc);
	if (w < 0) {
		*wc = L'?';
		w = 1;
	}
	*cells = w;
	return r;
}

int
tui_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	wchar_t wc;
	int w, total = 0;

	while (i < n) {
		i += tui_char(s + i, n - i, &wc, &w);
		total += w;
	}
	return total;
}

const char *
tui_tail(const char *s, int cells)
{
	size_t n = strlen(s), i = 0;
	wchar_t wc;
	int w, total = tui_width(s);

	while (i < n && total > cells) {
		i += tui_char(s + i, n - i, &wc, &w);
		total -= w;
	}
	return s + i;
}

#define TUI_LINE_MAX 512

void
tui_putn(struct tui *t, WINDOW *w, int y, int x, const char *s, size_t n, int cells, int align,
         attr_t attr)
{
	wchar_t buf[TUI_LINE_MAX + 16], wc;
	size_t i = 0, k = 0, pad;
	int used = 0, cw, total = 0;

	if (w != NULL && cells > getmaxx(w) - x)
		cells = getmaxx(w) - x; /* never past the edge: ncurses would wrap */
	if (w == NULL || cells <= 0)
		return;
	if (cells > TUI_LINE_MAX)
		cells = TUI_LINE_MAX;
	while (i < n) {
		i += tui_char(s + i, n - i, &wc, &cw);
		total += cw;
	}
	i = 0;
	while (i < n) {
		size_t len = tui_char(s + i, n - i, &wc, &cw);

		/* leave a cell for the marker when the text does not fit */
		if (used + cw > (total > cells ? cells - 1 : cells) ||
		    k + 2 >= (size_t)cells + 8) /* a few combining marks at most */
			break;
		buf[k++] = wc;
		used += cw;
		i += len;
	}
	if (i < n) {
		buf[k++] = !t->ascii ? L'\x2026' : L'>';
		used++;
	}
	pad = (size_t)(cells - used);
	if (align == TUI_RIGHT && pad > 0) {
		memmove(buf + pad, buf, k * sizeof *buf);
		wmemset(buf, L' ', pad);
	} else
		wmemset(buf + k, L' ', pad);
	k += pad;
	buf[k] = L'\0';
	wattron(w, attr);
	mvwaddnwstr(w, y, x, buf, (int)k);
	wattroff(w, attr);
}

void
tui_put(struct tui *t, WINDOW *w, int y, int x, const char *s, int cells, int align,
        attr_t attr)
{
	tui_putn(t, w, y, x, s, strlen(s), cells, align, attr);
}

size_t
tui_wrap(const char *s, int cells, size_t *next)
{
	size_t n = strlen(s), i = 0, brk = 0, len = 0;
	wchar_t wc;
	int used = 0, cw;

	while (i < n) {
		len = tui_char(s + i, n - i, &wc, &cw);
		if (used + cw > cells)
			break;
		used += cw;
		i += len;
		if (wc == L' ')
			brk = i;
	}
	if (i >= n) {
		*next = n;
		return n;
	}
	if (brk > 0) {
		*next = brk;
		return brk - 1;
	}
	if (i == 0)
		i = len; /* one character wider than the row */
	*next = i;
	return i;
}

/* s as lower-case wide characters in out (n of them at most). */
static void
tui_lower(const char *s, wchar_t *out, size_t n)
{
	size_t len = strlen(s), i = 0, k = 0;
	int cw;

	while (i < len && k + 1 < n) {
		i += tui_char(s + i, len - i, &out[k], &cw);
		out[k] = (wchar_t)towlower((wint_t)out[k]);
		k++;
	}
	out[k] = L'\0';
}

bool
tui_contains(const char *hay, const char *needle)
{
	wchar_t h[512], n[TUI_SEARCH_MAX];

	if (*needle == '\0')
		return true;
	tui_lower(hay, h, sizeof h / sizeof h[0]);
	tui_lower(needle, n, sizeof n / sizeof n[0]);
	return wcsstr(h, n) != NULL;
}
