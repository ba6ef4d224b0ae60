/* tui-int.h - what the files of src/tui/ share: the client's state, the key
 * table, the screens and the text helpers.  Not a public header. */
#ifndef REDRESS_TUI_INT_H
#define REDRESS_TUI_INT_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1 /* the wide API (wget_wch, waddnwstr) of ncursesw */
#endif
#include <curses.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "redress/book.h"
#include "redress/date.h"
#include "redress/tui.h"

/* Below this the client shows only "window too small". */
#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 16
#define TUI_POLL_MS 1000     /* how often idle input looks for others' commits */
#define TUI_PASS_MAX 1024
#define TUI_SEARCH_MAX 128
/* text_visible() may turn each byte into four ("\xNN") */
#define TUI_VIS_MAX (4 * (BOOK_TEXT_MAX + 1024))
#define TUI_FMT_MAX (BOOK_TEXT_MAX + 1024)

struct tui;

/* --- the key table (tui-keys.c) -------------------------------------------- */

/* Where a binding applies. */
enum {
	TUI_CTX_LIST = 1u << 0,
	TUI_CTX_CASE = 1u << 1,
	TUI_CTX_HELP = 1u << 2,
	TUI_CTX_ALL = TUI_CTX_LIST | TUI_CTX_CASE | TUI_CTX_HELP,
};

enum tui_action {
	TUI_A_NONE = 0,
	TUI_A_QUIT, TUI_A_BACK, TUI_A_HELP, TUI_A_REDRAW,
	TUI_A_DOWN, TUI_A_UP, TUI_A_PGDN, TUI_A_PGUP, TUI_A_TOP, TUI_A_BOTTOM,
	TUI_A_OPEN, TUI_A_SORT, TUI_A_REVERSE, TUI_A_MINE, TUI_A_OVERDUE, TUI_A_ALL,
	TUI_A_SEARCH, TUI_A_CALENDAR,
	TUI_A_NOTE, TUI_A_ESCALATE, TUI_A_RESPOND, TUI_A_EXTEND,
};

#define TUI_KEYS_PER 4
#define TUI_KEY_WIDE (-2) /* a character that is no binding: only forms take it */

/* One action with its default keys: the dispatch table, the help screen and
 * the hints on the bottom line all read this, so they cannot disagree.  The
 * first entry whose context and key match wins, so specific entries come
 * before general ones. */
struct tui_key {
	enum tui_action action;
	unsigned ctx;
	int keys[TUI_KEYS_PER];    /* 0 ends the list early */
	const char *name;          /* action name, as in calcurse: "case-note" */
	const char *help;          /* one line for the help screen */
	const char *hint;          /* a word for the bottom line, or NULL */
};

extern const struct tui_key tui_keys[];
extern const size_t tui_nkeys;

const struct tui_key *tui_key_find(unsigned ctx, int key);
/* "Down", "PgUp", "^L", "Enter", "j": the key as the help screen names it. */
const char *tui_key_label(int key, char *buf, size_t n);
/* All keys of a binding, "j, Down, ^N". */
char *tui_key_labels(const struct tui_key *k, char *buf, size_t n);

/* --- text by display width and the arena (tui-text.c) ---------------------- */

/* Strings shown on screen: owned, in guarded memory (they may be names or
 * case text), wiped when freed. */
struct tui_chunk;
struct tui_arena {
	struct tui_chunk *head;
};
/* A copy of s made safe to show (text_visible), or NULL without memory.
 * scratch holds at least TUI_VIS_MAX bytes. */
const char *tui_arena_visible(struct tui_arena *a, const char *s, char *scratch);
const char *tui_arena_copy(struct tui_arena *a, const char *s, size_t n);
void tui_arena_free(struct tui_arena *a);

/* Interned plain strings (teams, owners, rule keys), held in an arena. */
struct tui_intern {
	const char **slot;
	size_t cap, n;
};
const char *tui_intern(struct tui_intern *in, struct tui_arena *a, const char *s);
void tui_intern_free(struct tui_intern *in);

/* Display cells of already visible UTF-8 text. */
int tui_width(const char *s);
enum { TUI_LEFT = 0, TUI_RIGHT = 1 };
/* Writes visible text s at (y, x) in exactly cells cells: clipped with a
 * marker when too long, padded with blanks. */
void tui_put(struct tui *t, WINDOW *w, int y, int x, const char *s, int cells, int align,
             attr_t attr);
/* The same for the first n bytes of s. */
void tui_putn(struct tui *t, WINDOW *w, int y, int x, const char *s, size_t n, int cells,
              int align, attr_t attr);
/* Bytes of s that fit in cells cells, broken after a blank where possible;
 * *next is where the following row starts.  Always makes progress. */
size_t tui_wrap(const char *s, int cells, size_t *next);
/* The longest end of s that fits in cells cells. */
const char *tui_tail(const char *s, int cells);
/* Case-insensitive substring test (towlower: "łukasz" finds "Łukasz"). */
bool tui_contains(const char *hay, const char *needle);

/* --- the screens ------------------------------------------------------------ */

/* Each screen is an init/draw/key trio as in ncdu; init lives with the
 * code that opens the screen, since each needs different arguments. */
struct tui_screen {
	const char *name;
	unsigned ctx;                                  /* key context */
	void (*draw)(struct tui *t);                   /* into t->body */
	void (*key)(struct tui *t, enum tui_action a); /* an action of its context */
	void (*title)(struct tui *t, char *buf, size_t n);
};
extern const struct tui_screen tui_unlock_screen, tui_list_screen, tui_case_screen,
	tui_help_screen;

/* A line of the case list, loaded once: strings already visible. */
struct tui_line {
	uint64_t id;
	const char *ref, *child;           /* arena */
	const char *team, *owner, *rule;   /* interned */
	int32_t received, next_due, next_days;
	uint8_t kind, status, stage;
	bool overdue, has_next;
};

struct tui_list {
	struct tui_line *lines;
	size_t nlines, cap;
	struct tui_line **rows;            /* the lines shown: filtered, sorted */
	size_t nrows;
	struct tui_arena arena;
	struct tui_intern intern;
	size_t sel, top;
	uint64_t sel_id;                   /* the selection survives reloads */
	int sort;                          /* a column of the list */
	bool reverse, mine, overdue, all;
	char search[TUI_SEARCH_MAX];
	bool stale;                        /* reload before showing */
	bool oom;
};

/* A logical line of the case view, and its rows once wrapped. */
enum tui_style { TUI_S_NORMAL = 0, TUI_S_HEAD, TUI_S_OVERDUE, TUI_S_SOON, TUI_S_DIM,
                 TUI_S_BAR, TUI_S_ERROR };
struct tui_vline {
	const char *s;
	int indent;                        /* where continuation rows start */
	enum tui_style style;
};
struct tui_vrow {
	size_t line;                       /* the logical line it belongs to */
	const char *s;
	size_t len;
	int indent;
	enum tui_style style;
};

struct tui_view {
	struct book_case *c;               /* guarded memory; NULL when none */
	char ref[BOOK_REF_MAX];
	struct tui_arena arena;
	struct tui_vline *lines;
	size_t nlines, lcap;
	struct tui_vrow *rows;
	size_t nrows, rcap;
	int wrapped;                       /* the width rows were made for, 0: redo */
	size_t top;
	size_t timeline_end;               /* the line of the latest event */
	bool focus;                        /* bring timeline_end into view at the next draw */
};

/* The line being typed on the bottom row. */
struct tui_input {
	const char *prompt;
	char *buf;
	size_t max;
	bool secret;
};

struct tui {
	struct book *b;
	const struct tui_opts *o;
	SCREEN *scr;
	FILE *tty;
	WINDOW *top, *body, *status, *msg; /* all NULL while the window is too small */
	int rows, cols;
	bool small, colour, utf8;
	const struct tui_screen *screen, *back;
	struct tui_list list;
	struct tui_view view;
	size_t help_top;
	struct tui_input *input;
	char message[ERR_MAX];
	bool message_error;
	bool changed;                      /* another user's commit noticed */
	uint64_t seen_commit;
	struct date today;
	bool quit;
	char login[256], dir[1024];        /* visible */
	char *fmt, *vis;                   /* guarded scratch: TUI_FMT_MAX, TUI_VIS_MAX */
	char *draft;                       /* a refused or cancelled form's text */
	enum tui_action draft_action;
	char draft_ref[BOOK_REF_MAX];
};

/* tui-term.c: whether terminfo describes the terminal type name. */
bool tui_term_known(const char *name, int fd);

/* tui.c */
bool tui_stopping(void);
void tui_draw(struct tui *t);
/* Reads one key, waiting at most TUI_POLL_MS: ERR on timeout or signal,
 * KEY_RESIZE handled by the caller; *wc gets a typed character (forms). */
int tui_read(struct tui *t, int *key, wint_t *wc);
void tui_resize(struct tui *t);
void tui_message(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
attr_t tui_style(const struct tui *t, enum tui_style s);
int tui_body_rows(const struct tui *t);
/* Reloads what others' commits changed; true if anything had. */
bool tui_poll(struct tui *t);

/* tui-input.c */
/* Reads a line on the bottom row into buf (max bytes), which holds the
 * starting text.  1 submitted, 0 cancelled (buf keeps the text), -1 the
 * client must stop (a signal). */
int tui_prompt(struct tui *t, const char *prompt, char *buf, size_t max, bool secret);
void tui_input_draw(struct tui *t);

/* tui-list.c */
void tui_list_init(struct tui *t);
int tui_list_load(struct tui *t);
void tui_list_free(struct tui *t);

/* tui-case.c */
int tui_case_open(struct tui *t, const char *ref);
int tui_case_reload(struct tui *t);
void tui_case_free(struct tui *t);

/* tui-keys.c: the help screen */
void tui_help_open(struct tui *t);

#endif
