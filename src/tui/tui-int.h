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
#include "redress/config.h"
#include "redress/date.h"
#include "redress/tui.h"

/* Below this the client shows only "window too small". */
#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 16
#define TUI_POLL_MS 1000     /* how often idle input looks for others' commits */
/* A sealed field that no key held opens (never text of its own). */
#define TUI_UNOPENED "(sealed: no key held opens it)"
#define TUI_PASS_MAX 1024
#define TUI_SEARCH_MAX 128
/* text_visible() may turn each byte into four ("\xNN") */
#define TUI_VIS_MAX (4 * (BOOK_TEXT_MAX + 1024))
#define TUI_FMT_MAX (BOOK_TEXT_MAX + 1024)
#define TUI_DRAFT_KEY 96     /* "CSC-2026-0042/ombudsman-outcome", "new-case" */
#define TUI_TEAM_MAX 64

struct tui;

/* --- the key table (tui-keys.c) -------------------------------------------- */

/* Where a binding applies. */
enum {
	TUI_CTX_LIST = 1u << 0,
	TUI_CTX_CASE = 1u << 1,
	TUI_CTX_HELP = 1u << 2,
	TUI_CTX_ADMIN = 1u << 3,
	TUI_CTX_CAL = 1u << 5,
	TUI_CTX_REPORT = 1u << 6,
	TUI_CTX_LETTER = 1u << 7,
	TUI_CTX_AUDIT = 1u << 8,
	TUI_CTX_ALL = TUI_CTX_LIST | TUI_CTX_CASE | TUI_CTX_HELP | TUI_CTX_ADMIN | TUI_CTX_CAL |
	              TUI_CTX_REPORT | TUI_CTX_LETTER | TUI_CTX_AUDIT,
	/* forms, menus and one-line prompts: apart from ALL, since there
	 * printable keys are text rather than commands */
	TUI_CTX_FORM = 1u << 4,
};

enum tui_action {
	TUI_A_NONE = 0,
	TUI_A_QUIT, TUI_A_BACK, TUI_A_HELP, TUI_A_REDRAW,
	TUI_A_DOWN, TUI_A_UP, TUI_A_PGDN, TUI_A_PGUP, TUI_A_TOP, TUI_A_BOTTOM,
	TUI_A_OPEN, TUI_A_SORT, TUI_A_REVERSE, TUI_A_MINE, TUI_A_OVERDUE, TUI_A_ALL,
	TUI_A_SEARCH, TUI_A_CALENDAR, TUI_A_STAGE, TUI_A_TEAM, TUI_A_NEW, TUI_A_ADMIN,
	TUI_A_NOTE, TUI_A_ESCALATE, TUI_A_RESPOND, TUI_A_EXTEND, TUI_A_STEP,
	TUI_A_GRANT,
	TUI_A_DAY_NEXT, TUI_A_DAY_PREV, TUI_A_YEAR_NEXT, TUI_A_YEAR_PREV, TUI_A_TODAY, TUI_A_GOTO,
	TUI_A_ITEM_NEXT, TUI_A_ITEM_PREV, TUI_A_WEEK, TUI_A_WHICH, TUI_A_REPORT, TUI_A_LETTER,
	TUI_A_CORRECT,
	TUI_A_FORM_ENTER, TUI_A_FORM_NEXT, TUI_A_FORM_PREV, TUI_A_FORM_CHANGE,
	TUI_A_FORM_CANCEL, TUI_A_FORM_ERASE, TUI_A_FORM_WORD, TUI_A_FORM_CLEAR,
	TUI_A_PEOPLE, TUI_A_PARTY, TUI_A_ADVOCACY, TUI_A_POINT, TUI_A_FINDING, TUI_A_RECOMMEND,
	TUI_A_REC_DONE, TUI_A_HOLD, TUI_A_EVERYTHING, TUI_A_EDIT,
	/* self-service, administration, the audit trail */
	TUI_A_ME, TUI_A_AUDIT, TUI_A_ROLE, TUI_A_REVOKE, TUI_A_REKEY, TUI_A_BACKUP,
	TUI_A_SNAPSHOT, TUI_A_RETENTION, TUI_A_BY_USER, TUI_A_BY_CASE, TUI_A_BY_DATE,
	TUI_A_HOLIDAY, TUI_A_IMPORT, TUI_A_PROFILE, TUI_A_READS, TUI_A_CONTACT,
	TUI_A_PERSON, TUI_A_EQUALITY,
	TUI_A_ADJUST, TUI_A_RECOUNT,
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

/* A key bound in the configuration (bind SCREEN KEY ACTION): on the
 * screens of ctx, key does k's action (k NULL: nothing).  These come before
 * the table, the last bound first. */
struct tui_keybind {
	unsigned ctx;
	int key;
	const struct tui_key *k;
};

/* The entry that key does on the screens of ctx, the bindings of the
 * configuration first; NULL when it does nothing. */
const struct tui_key *tui_key_find(const struct tui *t, unsigned ctx, int key);
/* "Down", "PgUp", "^L", "Enter", "j": the key as the help screen names it. */
const char *tui_key_label(int key, char *buf, size_t n);
/* The keys that do k's action on the screens of ctx, with the bindings in
 * force: its own keys not bound to something else (unless bound_only),
 * then the keys bound to it.  At most max; how many. */
size_t tui_key_codes(const struct tui *t, const struct tui_key *k, unsigned ctx, bool bound_only,
                     int *out, size_t max);
/* The bindings of the configuration into t->bound. */
void tui_keys_bind(struct tui *t, const struct config *c);

/* --- text by display width and the arena (tui-text.c) ---------------------- */

/* Strings shown on screen: owned, in guarded memory (they may be names or
 * case text), wiped when freed. */
struct tui_chunk;
struct tui_arena {
	struct tui_chunk *head;
	size_t grow;                 /* the next chunk's size (0: the first's) */
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

/* Each screen is a set of hooks, as tmux's window modes: the frame (tui.c)
 * calls through them and names no screen.  Any hook but draw may be NULL. */
struct tui_screen {
	const char *name;
	unsigned ctx;                                  /* key context */
	enum tui_action opens;                         /* the key that opens it anywhere */
	void (*init)(struct tui *t);                   /* once, as the client starts */
	void (*open)(struct tui *t);                   /* brings it in front */
	void (*draw)(struct tui *t);                   /* into t->body */
	void (*key)(struct tui *t, enum tui_action a); /* an action of its context */
	void (*title)(struct tui *t, char *buf, size_t n);
	/* in front, before each draw: what went stale is read again */
	void (*reload)(struct tui *t);
	/* another user's commit: front when it is t->screen */
	void (*wake)(struct tui *t, bool front);
	void (*free)(struct tui *t);                   /* as the client ends */
};
extern const struct tui_screen tui_unlock_screen, tui_list_screen, tui_case_screen,
	tui_help_screen, tui_admin_screen, tui_cal_screen, tui_report_screen,
	tui_letter_screen, tui_audit_screen, tui_enrol_screen;
/* tui-screens.c: every screen, the first where the client starts. */
extern const struct tui_screen *const tui_screens[];
extern const size_t tui_nscreens;

/* A line of the case list, loaded once: strings already visible. */
struct tui_line {
	uint64_t id;
	const char *ref, *child;           /* arena */
	const char *team, *owner, *rule;   /* interned */
	int32_t received, next_due, next_days;
	uint8_t kind, status, stage;
	bool overdue, has_next;
	bool named;                        /* child is final: decrypted as shown */
	uint64_t child_person;             /* whose name child is to become */
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
	char folded[TUI_SEARCH_MAX];       /* the search folded (fold.h) */
	size_t looked;                     /* the cases the lines were chosen from */
	int stage;                         /* only complaints at stage 1..3; 0 any */
	char team[TUI_TEAM_MAX];           /* only this team (any case); "" any */
	bool stale;                        /* reload before showing */
	bool oom;
};

/* A logical line of the case view, and its rows once wrapped. */
enum tui_style { TUI_S_NORMAL = 0, TUI_S_HEAD, TUI_S_OVERDUE, TUI_S_SOON, TUI_S_DIM,
                 TUI_S_BAR, TUI_S_ERROR, TUI_S_MET };
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
	char restricted[160];              /* "to LOGIN, ..." on a restricted case, else "" */
	bool withheld;                     /* restricted, and not to this person */
	struct tui_arena arena;
	struct tui_vline *lines;
	size_t nlines, lcap;
	struct tui_vrow *rows;
	size_t nrows, rcap;
	int wrapped;                       /* the width rows were made for, 0: redo */
	size_t top;
	size_t timeline_end;               /* the line of the latest event */
	bool focus;                        /* bring timeline_end into view at the next draw */
	size_t deadlines_line;             /* the line that heads the deadlines */
	bool at_deadlines;                 /* bring it to the top at the next draw */
};

/* The deadline calendar (tui-cal.c).  States in order of worse. */
enum tui_cal_state { TUI_CAL_NONE = 0, TUI_CAL_MET, TUI_CAL_PENDING, TUI_CAL_SOON,
                     TUI_CAL_OVERDUE };
struct tui_cal_day {
	uint16_t n;                        /* deadlines due that the filters keep */
	uint8_t worst;                     /* enum tui_cal_state */
};
struct tui_cal_item {                  /* a line of the agenda: strings visible */
	uint64_t case_id, child_person;
	int32_t day, days;
	char ref[BOOK_REF_MAX];
	const char *key, *owner, *team;    /* interned */
	const char *child;                 /* arena, once shown; NULL before */
	bool target;
	uint8_t state;
	uint8_t item;                      /* BOOK_DUE_RULE, or a dated item (due.h) */
};
struct tui_cal {
	int32_t sel;                       /* the selected day */
	int32_t first, last;               /* the month in the grid */
	struct tui_cal_day days[31];
	long total, total_overdue;
	int32_t afrom, ato;                /* the agenda's days */
	struct tui_cal_item *items;
	size_t nitems, cap, isel, itop;
	struct tui_arena arena;
	struct tui_intern intern;
	bool week, mine, overdue;          /* filters as the case list's */
	bool everything;                   /* met deadlines and the complainant's windows too */
	int stage;                         /* 0 any */
	int which;                         /* deadlines, targets, both */
	char team[TUI_TEAM_MAX];
	bool opened, loaded, stale, oom;
};

/* The line being typed on the bottom row (buf NULL: a question answered
 * by one key). */
struct tui_input {
	const char *prompt;
	char *buf;
	size_t max;
	bool secret;
};

/* --- forms (tui-form.c) ---------------------------------------------------------- */

#define TUI_FORM_FIELDS 24

enum tui_ftype {
	TUI_F_TEXT,
	TUI_F_DATE,   /* YYYY-MM-DD, checked as typed */
	TUI_F_CHOICE, /* one of choices; yes/no questions are {"no", "yes"} */
};

struct tui_field {
	const char *name;             /* its name in a draft: "note", "date" */
	const char *label;            /* short, in the column of labels */
	const char *question;         /* asked on a row of its own above, or NULL */
	enum tui_ftype type;
	char *buf, *def;              /* TEXT, DATE: text and default, in guarded memory */
	size_t max;                   /* bytes of buf, with the NUL */
	const char *const *choices;   /* CHOICE */
	int nchoices, choice, def_choice;
	bool optional;                /* may stay empty */
	bool hidden;                  /* not asked now (the form's check decides) */
	char note[256];               /* a row under the field: a warning, or what follows */
	enum tui_style note_style;
	bool bad;                     /* cannot be recorded yet, because of why */
	char why[ERR_MAX + 16];
};

struct tui_form {
	char title[256];
	struct tui_field f[TUI_FORM_FIELDS];
	size_t n, cur, top;
	char *mem;                    /* the guarded block behind buf and def */
	size_t memlen, used;
	char key[TUI_DRAFT_KEY];      /* its draft's key, "" when it keeps none */
	bool drafted;                 /* its draft in the book is this form's own */
	char other[32];               /* when a draft not taken up was kept, or "" */
	/* run after every change: checks what the fields cannot check alone,
	 * shows and hides fields, sets notes */
	void (*check)(struct tui *t, struct tui_form *f);
	void *ctx;
	int cy, cx;                   /* where the cursor goes in the body, -1: hidden */
};

/* A new form with room for bytes of text in all; NULL without memory. */
struct tui_form *tui_form_new(const char *title, size_t bytes);
/* A form on the case shown: its draft kept under REF/key (key NULL: no
 * draft), checked by check (may be NULL) with ctx as it is typed; NULL, the
 * message line saying so, without memory. */
struct tui_form *tui_case_form_new(struct tui *t, const char *title, size_t bytes,
                                   const char *key, void (*check)(struct tui *, struct tui_form *),
                                   void *ctx);
void tui_form_free(struct tui_form **f);
struct tui_field *tui_form_text(struct tui_form *f, const char *name, const char *label,
                                size_t max, bool optional, const char *def);
struct tui_field *tui_form_date(struct tui_form *f, const char *name, const char *label,
                                bool optional, const char *def);
struct tui_field *tui_form_choice(struct tui_form *f, const char *name, const char *label,
                                  const char *const *choices, int n, int def);
struct tui_field *tui_form_field(struct tui_form *f, const char *name);
/* A choice of none, one of a list, or another typed in a text field under
 * it, hidden until the other is chosen (a user, or someone else's login; a
 * team, or a new one).  labels[0] is none, labels[1..n] the list's, whose
 * values are values[0..n-1], and labels[n + 1] the other. */
#define TUI_CHOOSE_MAX 64
struct tui_choose {
	const char *labels[TUI_CHOOSE_MAX + 2];
	const char *values[TUI_CHOOSE_MAX];
	size_t n;
};
/* The choice for value: 0 none (NULL or ""), the list's, or n + 1 the other. */
int tui_choose_default(const struct tui_choose *c, const char *value);
/* Adds to f the choice name (label; c's labels, value chosen) and under it
 * the text field typed (typed_label; max bytes, optional or not), hidden,
 * holding value when that is none of the list's. */
void tui_choose_fields(struct tui_form *f, const struct tui_choose *c, const char *name,
                       const char *label, const char *typed, const char *typed_label, size_t max,
                       bool optional, const char *value);
/* Shows the typed field only while the other is chosen: true when it is. */
bool tui_choose_typed(const struct tui_choose *c, const struct tui_field *choice,
                      struct tui_field *typed);
/* The value chosen: "" for none, the list's, or the text typed as it is. */
const char *tui_choose_value(const struct tui_choose *c, const struct tui_field *choice,
                             const struct tui_field *typed);
/* Focus on the named field. */
void tui_form_focus(struct tui_form *f, const char *name);
/* A date field that may not be after today: marked bad when it is, the
 * why saying so after what ("born": "born D: after today (T)"). */
void tui_form_not_after_today(struct tui *t, struct tui_field *x, const char *what);
/* What is wrong with the field in focus, or NULL. */
const char *tui_form_problem(struct tui *t, struct tui_form *f);
/* Before the form is first shown: the person's draft of this form (same
 * key), if any, shown and offered; restored only when chosen, never mixed
 * with what is typed next.  0 to run the form (restored, or empty), 1 when
 * the person would rather not now, -1 when the client must stop. */
#define TUI_DRAFT_WHEN ":kept"  /* a draft's first line: when it was kept */
int tui_form_resume(struct tui *t, struct tui_form *f);
/* Shows and edits the form until it is submitted valid (1), cancelled (0:
 * Esc, its text kept as a draft or discarded, as the person chose) or the
 * client must stop (-1; its text saved as a draft).  May be run again after a
 * refused submission: the form stays as it was. */
int tui_form_run(struct tui *t, struct tui_form *f);
/* After a successful submission: the form's draft is gone. */
void tui_form_done(struct tui *t, struct tui_form *f);
/* Saves the form's text as the person's draft in the book (an emptied
 * form drops its draft): 0, or -1 with the reason shown. */
int tui_form_keep(struct tui *t, struct tui_form *f);
/* Saves the open form, if it has text, as a draft (the link is going, or the
 * screen is locking). */
void tui_drafts_save(struct tui *t);
/* q: says which drafts the person keeps, and asks.  True to quit. */
bool tui_may_quit(struct tui *t);
void tui_form_draw(struct tui *t);

/* A modal menu of n items, narrowed as the person types: the index
 * chosen, -1 cancelled, -2 the client must stop. */
struct tui_menu {
	const char *title;
	const char *const *names, *const *help;
	size_t n;
	char filter[32];
	size_t sel;
	bool moved;                   /* the selection was moved with the arrows */
};
int tui_menu_run(struct tui *t, struct tui_menu *m);
void tui_menu_draw(struct tui *t);
/* Asks a question on the bottom row: the key pressed among keys (a
 * string of ASCII keys; Esc is always one, as 27), -1 to stop. */
int tui_ask(struct tui *t, const char *prompt, const char *keys);

/* Lines drawn over the foot of the body while a question is asked
 * (tui-step.c: what a step will do, before it is recorded). */
struct tui_sheet {
	const char *title;
	const char *const *lines;
	size_t n;
};
void tui_sheet_draw(struct tui *t);

/* --- the admin screen (tui-admin.c) ------------------------------------------ */

/* The report screen (tui-report.c). */
struct report;
struct tui_report {
	struct report *r;                  /* NULL until counted */
	int year;                          /* 0: not yet opened */
	bool calendar;                     /* a calendar year, not April to March */
	size_t top;
	bool stale;
};

/* A letter being read before it is sent (tui-letter.c). */
struct tui_letter {
	char *text;                        /* filled from the case: names people */
	size_t len;
	size_t *lines, n, top;             /* where each line starts; n lines */
	char name[64], ref[BOOK_REF_MAX];
};

struct tui_admin {
	struct tui_arena arena;
	const char **lines;
	unsigned char *styles;             /* enum tui_style per line */
	size_t n, cap, top;
};

struct tui_wake {
	int fd;                            /* inotify on data.mdb; -1 none */
	int settle;                        /* looks left after a write */
	uint64_t at;                       /* the last commit when written */
	double warm_until;                 /* looks once a second until then */
	bool woken;                        /* the last wait ended by a change */
};

struct tui {
	struct book *b;
	const struct tui_opts *o;
	SCREEN *scr;
	FILE *tty;
	WINDOW *top, *body, *status, *msg; /* all NULL while the window is too small */
	int rows, cols;
	/* where the focused row or item starts in the body, set by each draw
	 * (-1: none): the terminal cursor is left there, for screen readers
	 * and braille displays, which follow it */
	int cy, cx;
	bool focus_menu;                   /* cy is a menu's item: before typing */
	bool small, colour, utf8;
	bool ascii;                        /* draws with ASCII only */
	struct tui_keybind bound[CONFIG_BINDS]; /* the configuration's bindings */
	size_t nbound;
	const struct tui_screen *screen, *back;
	struct tui_list list;
	struct tui_view view;
	size_t help_top;
	struct tui_admin admin;
	struct tui_cal cal;
	struct tui_report report;
	struct tui_letter letter;
	struct tui_audit *audit;           /* the audit trail, while it is open */
	const struct tui_screen *case_back; /* where back goes from a case */
	struct tui_input *input;
	struct tui_form *form;             /* the form being filled, drawn over the body */
	struct tui_menu *menu;             /* the same for a menu */
	struct tui_sheet *sheet;           /* the same for a confirmation */
	int key;                           /* the key being dispatched */
	char message[ERR_MAX];
	bool message_error;
	bool refused;                      /* the message is of a key not typed */
	bool changed;                      /* another user's commit noticed */
	uint64_t seen_commit;
	struct date today;
	bool quit;
	char login[256], dir[1024];        /* visible */
	char *fmt, *vis;                   /* guarded scratch: TUI_FMT_MAX, TUI_VIS_MAX */
	char kept_key[TUI_DRAFT_KEY];      /* the form last kept as a draft; "" none */
	bool armed;                        /* the idle lock may fall */
	bool locked;
	bool lock_failed;                  /* three wrong passphrases at the lock */
	bool revoked;                      /* access revoked while open: locked for good */
	double last_key;                   /* when the person last pressed a key */
	struct tui_wake wake;
};

/* tui-wake.c: sleeping until a key or another user's commit. */
void tui_wake_open(struct tui *t);
void tui_wake_close(struct tui *t);
/* Waits for a key, a commit, a signal or the idle lock's time; the wgetch
 * timeout to read with then: TUI_POLL_MS when the terminal has input, 0
 * when there is none (wake.woken: a change, not a terminal gone). */
int tui_wake_wait(struct tui *t);

/* tui-term.c: whether terminfo describes the terminal type name. */
bool tui_term_known(const char *name, int fd);

/* tui.c */
bool tui_stopping(void);
double tui_now(void);
void tui_draw(struct tui *t);
/* Where a passphrase is asked, the message goes in the body at row y
 * (the bottom row is the prompt). */
void tui_said(struct tui *t, int y);
/* For the loops of forms, menus and prompts: draws, waits for a key, and
 * true when there is one to act on (not a timeout, a resize, or a key while
 * the window is too small). */
bool tui_modal_read(struct tui *t, int *key, wint_t *wc);
void tui_message(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_vmessage(struct tui *t, bool error, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
attr_t tui_style(const struct tui *t, enum tui_style s);
int tui_body_rows(const struct tui *t);
/* Moves *top, the first row shown of a text h rows high in the window,
 * by a scrolling action (line, page, ends), within 0..max. */
void tui_scroll(size_t *top, size_t max, size_t h, enum tui_action a);
/* Reloads what others' commits changed; true if anything had. */
bool tui_poll(struct tui *t);

/* tui-input.c */
/* Reads a line on the bottom row into buf (max bytes), which holds the
 * starting text.  1 submitted, 0 cancelled (buf keeps the text), -1 the
 * client must stop (a signal). */
int tui_prompt(struct tui *t, const char *prompt, char *buf, size_t max, bool secret);
void tui_input_draw(struct tui *t);
/* Editing a line of text: an editing key's action on it, a typed character on. */
bool tui_input_edit(char *buf, enum tui_action a);
int tui_input_add(char *buf, size_t max, wint_t wc);
bool tui_input_type(struct tui *t, char *buf, size_t max, wint_t wc);

/* tui-list.c */
int tui_list_load(struct tui *t);

/* tui-case.c */
int tui_case_open(struct tui *t, const char *ref);
int tui_case_reload(struct tui *t);

/* tui-step.c: the steps of the procedure from the case view */
void tui_step_menu(struct tui *t);
/* The form of one step by its name ("note", "refuse"); reason preselects
 * a coded reason for refuse and decline (0: none). */
void tui_step_form(struct tui *t, const char *name, int reason);
/* Whether the person cannot make changes that need role (enum role): then
 * the message line says why. */
bool tui_cannot_change(struct tui *t, int role);

/* tui-people.c: the people on a case, its parties, advocacy, legal hold */
void tui_people_form(struct tui *t);
void tui_party_form(struct tui *t);
void tui_advocacy_form(struct tui *t);
void tui_contact_form(struct tui *t);   /* tui-contact.c */
/* The people on the case shown whose names the key opened, for a form's
 * "whose" choice (kept in guarded memory by the form's owner: names are
 * identity).  How many; 0 with the message line saying nobody is there
 * (what: "to reach", "to correct"). */
#define TUI_WHOSE_MAX 8
struct tui_whose {
	int n;
	uint64_t person[TUI_WHOSE_MAX];
	size_t index[TUI_WHOSE_MAX];  /* in the case's parties */
	char names[TUI_WHOSE_MAX][BOOK_NAME_MAX];
	const char *choices[TUI_WHOSE_MAX];
};
int tui_whose_load(struct tui *t, struct tui_whose *W, const char *what);
/* The guarded, zeroed state (size bytes) of a form on the people of the
 * case shown, for a caseworker and, unless sealed is NULL, a key holder
 * (sealed: the message line for one who is not).  NULL, the message line
 * saying why, when there is no case, no right, no key or no memory; else
 * freed with book_secret_free. */
void *tui_whose_alloc(struct tui *t, size_t size, const char *sealed);
/* The revision of person as it is now, the one a change to them is made
 * on: 0 when it cannot be read (the book refuses a change on it). */
uint64_t tui_person_rev(struct tui *t, uint64_t person);
/* The form of such a state (ctx), checked by check as it is typed, whose
 * first field is the choice of the n people in choices; NULL, the message
 * line saying so, without memory. */
struct tui_form *tui_whose_form(struct tui *t, const char *title, size_t bytes,
                                void (*check)(struct tui *, struct tui_form *), void *ctx,
                                const char *const *choices, int n);
void tui_person_form(struct tui *t);    /* tui-person.c: a person on the case */
void tui_equality_form(struct tui *t);  /* tui-equality.c */
/* tui-adjust.c: a person's reasonable adjustments: the form, and for the
 * case view a key holder's line of them into line (n bytes; wipe it), in
 * red when their review is due (false: none to show) */
void tui_adjust_form(struct tui *t);
bool tui_adjust_line(struct tui *t, uint64_t person, char *line, size_t n,
                     enum tui_style *style);
void tui_hold_form(struct tui *t);
/* tui-edit.c: the case's kind, channel, team, service and summary */
void tui_edit_form(struct tui *t);
/* "eligible: aged 14: under 18", from the child's date of birth. */
void tui_advocacy_line(const struct book_case *c, const char *offered, unsigned flags, char *buf,
                       size_t n);
/* Before a change to the case shown: 0 when it is still the revision shown;
 * else -1, the case shown afresh and the message line saying who changed it. */
int tui_case_fresh(struct tui *t);
/* After a change to the case: rc and err from the book; 0 with the case
 * reloaded and what was done (printf's done, ...) on the message line, or
 * -1 with the reason. */
int tui_case_wrote(struct tui *t, int rc, const struct err *err, const char *done, ...)
	__attribute__((format(printf, 4, 5)));
/* Runs a form of the case view until submit (0: recorded) or it is left. */
void tui_case_form(struct tui *t, struct tui_form *f,
                   int (*submit)(struct tui *t, struct tui_form *f));
/* The book's users to choose from (a tui_choose): "nobody", each granted
 * user with their role, then "someone else" (a login typed in a text field
 * below). */
#define TUI_PICK_MAX TUI_CHOOSE_MAX
struct tui_pick {
	struct tui_choose c;          /* its values are logins[] */
	char logins[TUI_PICK_MAX][64];
	char labels[TUI_PICK_MAX][80];
};
int tui_pick_load(struct tui *t, struct tui_pick *p);
/* Shows the login typed when someone else is chosen, checked as typed. */
bool tui_pick_check(const struct tui_pick *p, struct tui_field *choice, struct tui_field *typed);

/* tui-teams.c: the book's teams, open cases and closed (book_case_teams),
 * whatever the list shows or searches, each with its count of the book's
 * open cases.
 * The team filter, picked from the book's teams with the count of each:
 * 1 with team set ("" any team), 0 cancelled, -1 the client must stop. */
#define TUI_TEAMS_MAX 64
int tui_team_pick(struct tui *t, char *team, size_t n);
/* A form's team (a tui_choose): "no team", each of the book's teams (its
 * count of open cases shown under it), then "a new team", typed in a field
 * below. */
struct tui_teams {
	char names[TUI_TEAMS_MAX + 2][TUI_TEAM_MAX];
	long open[TUI_TEAMS_MAX + 2];
	struct tui_choose c;          /* the teams are names[1..n] */
	struct book_team *every;      /* all the book's, past the last that fit: */
	size_t nevery;                /*   a new team is checked against them all */
};
/* Fills T (current, a case's own team, is one of them even past the last
 * that fit); -1, with a message, when the book's teams cannot be read. */
int tui_teams_load(struct tui *t, struct tui_teams *T, const char *current);
/* Frees T (from malloc) and what tui_teams_load read into it. */
void tui_teams_free(struct tui_teams *T);
/* Adds to f the choice of T's (team chosen: NULL for none) and under it the
 * field a new team is typed in, hidden until that is chosen. */
void tui_teams_fields(struct tui_form *f, const struct tui_teams *T, const char *team);
/* The team f has chosen or typed ("" for none). */
const char *tui_teams_value(const struct tui_teams *T, struct tui_form *f);
/* Shows f's field for a new team, checked as typed; the chosen team's
 * count in its note. */
void tui_teams_check(const struct tui_teams *T, struct tui_form *f);

/* tui-points.c: complaint points, findings, recommendations */
void tui_point_form(struct tui *t);
void tui_finding_form(struct tui *t);
void tui_rec_form(struct tui *t);
void tui_rec_done_form(struct tui *t);

/* tui-new.c: the new case form */
void tui_new_case(struct tui *t);

/* tui-letter.c */
void tui_letter_menu(struct tui *t);

/* tui-me.c: enrolment at the first login, one's own passphrase */
/* Offers to enrol a person who is not a user of the book; -1 to stop. */
int tui_me_enrol(struct tui *t);

/* tui-audit.c: the audit trail, the book's or one case's */
struct tui_audit;

#endif
