/* tui-keys.c - the key table, from which dispatch, the help screen and the
 * bottom-line hints are all made, and the help screen itself. */
#include <string.h>

#include "tui-int.h"

#define CTRL(c) ((c) & 0x1f)
#define ENTER '\n', '\r', KEY_ENTER
#define ESC 27

const struct tui_key tui_keys[] = {
	/* the case list */
	{ TUI_A_QUIT, TUI_CTX_LIST, { 'q' }, "quit", "leave redress", "quit" },
	{ TUI_A_OPEN, TUI_CTX_LIST, { ENTER }, "case-open", "open the selected case", "open" },
	{ TUI_A_NEW, TUI_CTX_LIST, { 'N' }, "case-new",
	  "a new contact (complaint, comment...)", "new" },
	{ TUI_A_SEARCH, TUI_CTX_LIST, { '/' }, "list-search",
	  "cases whose reference, team, any name on them or (with the key) any note match, "
	  "closed cases too",
	  "search" },
	{ TUI_A_SORT, TUI_CTX_LIST, { 's' }, "list-sort", "sort by the next column", "sort" },
	{ TUI_A_REVERSE, TUI_CTX_LIST, { 'S' }, "list-reverse", "reverse the order", NULL },
	{ TUI_A_MINE, TUI_CTX_LIST, { 'm' }, "list-mine", "only the cases you own (toggle)", "mine" },
	{ TUI_A_OVERDUE, TUI_CTX_LIST, { 'o' }, "list-overdue", "only overdue cases (toggle)",
	  "overdue" },
	{ TUI_A_ALL, TUI_CTX_LIST, { 'a' }, "list-all", "closed cases too, or open ones only",
	  "all" },
	{ TUI_A_STAGE, TUI_CTX_LIST, { '1', '2', '3', '0' }, "list-stage",
	  "complaints at stage 1, 2, 3 only; 0: any", NULL },
	{ TUI_A_TEAM, TUI_CTX_LIST, { 't' }, "list-team",
	  "only one team's cases, picked from the book's teams",
	  "team" },
	{ TUI_A_REPORT, TUI_CTX_LIST, { 'R' }, "report",
	  "the year's figures, with bar charts", "report" },
	{ TUI_A_ADMIN, TUI_CTX_LIST, { 'A' }, "admin",
	  "users, roles, profile, holidays (admins)", NULL },
	{ TUI_A_ME, TUI_CTX_LIST, { 'P' }, "passphrase",
	  "change your passphrase, or enrol", NULL },
	{ TUI_A_AUDIT, TUI_CTX_LIST, { 'T' }, "audit",
	  "the audit trail and verify's result", NULL },
	{ TUI_A_CALENDAR, TUI_CTX_LIST, { 'c' }, "calendar",
	  "the deadline calendar: what is due, what was missed", "calendar" },
	/* the calendar: these come before the keys that work everywhere */
	{ TUI_A_BACK, TUI_CTX_CAL, { 'q', ESC }, "back", "back to the case list", "back" },
	{ TUI_A_OPEN, TUI_CTX_CAL, { ENTER }, "calendar-open",
	  "open the selected deadline's case at its deadlines", "open" },
	{ TUI_A_DAY_NEXT, TUI_CTX_CAL, { 'l', KEY_RIGHT }, "calendar-day-next", "the next day",
	  NULL },
	{ TUI_A_DAY_PREV, TUI_CTX_CAL, { 'h', KEY_LEFT }, "calendar-day-previous",
	  "the day before", NULL },
	{ TUI_A_DOWN, TUI_CTX_CAL, { 'j', KEY_DOWN }, "calendar-week-next", "a week on", NULL },
	{ TUI_A_UP, TUI_CTX_CAL, { 'k', KEY_UP }, "calendar-week-previous", "a week back", NULL },
	{ TUI_A_PGDN, TUI_CTX_CAL, { KEY_NPAGE, ' ', CTRL('f') }, "calendar-month-next",
	  "a month on", NULL },
	{ TUI_A_PGUP, TUI_CTX_CAL, { KEY_PPAGE, 'b', CTRL('b') }, "calendar-month-previous",
	  "a month back", NULL },
	{ TUI_A_YEAR_NEXT, TUI_CTX_CAL, { '}', ']' }, "calendar-year-next", "a year on", NULL },
	{ TUI_A_YEAR_PREV, TUI_CTX_CAL, { '{', '[' }, "calendar-year-previous", "a year back",
	  NULL },
	{ TUI_A_TODAY, TUI_CTX_CAL, { 't', KEY_HOME }, "calendar-today", "back to today",
	  "today" },
	{ TUI_A_GOTO, TUI_CTX_CAL, { 'g' }, "calendar-goto", "go to a date typed as YYYY-MM-DD",
	  "go to" },
	{ TUI_A_ITEM_NEXT, TUI_CTX_CAL, { '\t', 'n' }, "agenda-next",
	  "the next deadline in the agenda", "next" },
	{ TUI_A_ITEM_PREV, TUI_CTX_CAL, { KEY_BTAB, 'p' }, "agenda-previous",
	  "the deadline before in the agenda", NULL },
	{ TUI_A_WEEK, TUI_CTX_CAL, { 'v' }, "agenda-week",
	  "the agenda of the whole week, or of the day (toggle)", "week" },
	{ TUI_A_EVERYTHING, TUI_CTX_CAL, { 'e' }, "calendar-everything",
	  "deadlines met and the complainant's windows too, or only the council's work to do "
	  "(toggle)", NULL },
	{ TUI_A_WHICH, TUI_CTX_CAL, { 'd' }, "calendar-which",
	  "statutory deadlines, internal targets, or both (in turn)", "targets" },
	{ TUI_A_MINE, TUI_CTX_CAL, { 'm' }, "calendar-mine",
	  "only the deadlines of cases you own (toggle)", "mine" },
	{ TUI_A_OVERDUE, TUI_CTX_CAL, { 'o' }, "calendar-overdue",
	  "only deadlines missed and not yet met (toggle)", "overdue" },
	{ TUI_A_STAGE, TUI_CTX_CAL, { '1', '2', '3', '0' }, "calendar-stage",
	  "complaints at stage 1, 2, 3 only; 0: any", NULL },
	{ TUI_A_TEAM, TUI_CTX_CAL, { 'T' }, "calendar-team",
	  "only one team's deadlines, picked from the book's teams", "team" },
	/* the case view */
	{ TUI_A_STEP, TUI_CTX_CASE, { 'w' }, "case-step",
	  "the steps of the procedure valid now", "step" },
	{ TUI_A_NOTE, TUI_CTX_CASE, { 'n' }, "case-note", "add a note to the timeline", "note" },
	{ TUI_A_ESCALATE, TUI_CTX_CASE, { 'e' }, "case-escalate",
	  "the complainant asks for the next stage", "escalate" },
	{ TUI_A_RESPOND, TUI_CTX_CASE, { 'r' }, "case-respond",
	  "record the current stage's response", "respond" },
	{ TUI_A_EXTEND, TUI_CTX_CASE, { 'x' }, "case-extend", "extend the current stage",
	  "extend" },
	{ TUI_A_PEOPLE, TUI_CTX_CASE, { 'a' }, "case-assign",
	  "people and roles: owner, manager, officer, independent person, panel", NULL },
	{ TUI_A_PARTY, TUI_CTX_CASE, { 'c' }, "case-party",
	  "add a child, complainant or representative", NULL },
	{ TUI_A_ADVOCACY, TUI_CTX_CASE, { 'v' }, "case-advocacy",
	  "advocacy offered, referred, accepted or declined", NULL },
	{ TUI_A_CONTACT, TUI_CTX_CASE, { 'i' }, "case-contact",
	  "a person's contact details: address, e-mail, phone, safe to write", NULL },
	{ TUI_A_ADJUST, TUI_CTX_CASE, { 'A' }, "case-adjust",
	  "a person's reasonable adjustments: agreed, reviewed, cleared", NULL },
	{ TUI_A_PERSON, TUI_CTX_CASE, { 'I' }, "case-person",
	  "change a person on the case: name, date of birth, role, consent, views", NULL },
	{ TUI_A_EQUALITY, TUI_CTX_CASE, { 'Q' }, "case-equality",
	  "a complainant's equality monitoring, with their consent", NULL },
	{ TUI_A_POINT, TUI_CTX_CASE, { 'p' }, "case-point", "add a point of the complaint", NULL },
	{ TUI_A_FINDING, TUI_CTX_CASE, { 'f' }, "case-finding",
	  "a finding on a point at a stage", NULL },
	{ TUI_A_RECOMMEND, TUI_CTX_CASE, { 'R' }, "case-recommend",
	  "add a recommendation: text, owner, due date", NULL },
	{ TUI_A_REC_DONE, TUI_CTX_CASE, { 'd' }, "case-done", "mark a recommendation done", NULL },
	{ TUI_A_HOLD, TUI_CTX_CASE, { 'H' }, "case-hold",
	  "set or clear a legal hold (managers, admins)", NULL },
	{ TUI_A_EDIT, TUI_CTX_CASE, { 'E' }, "case-edit",
	  "the case's kind, channel, team, service and summary", NULL },
	{ TUI_A_AUDIT, TUI_CTX_CASE, { 'T' }, "case-audit",
	  "the case's history: who did what", NULL },
	/* the audit trail */
	{ TUI_A_BY_USER, TUI_CTX_AUDIT, { 'u' }, "audit-user", "one user's entries (empty: all)",
	  "user" },
	{ TUI_A_BY_CASE, TUI_CTX_AUDIT, { 'c' }, "audit-case",
	  "one case's entries (empty: all)", "case" },
	{ TUI_A_BY_DATE, TUI_CTX_AUDIT, { 'd' }, "audit-date",
	  "one year, month or day (YYYY-MM-DD)", "date" },
	{ TUI_A_READS, TUI_CTX_AUDIT, { 'r' }, "audit-reads",
	  "the changes, the reads of names (who saw whose identity), or both", "reads" },
	/* the report screen */
	{ TUI_A_BACK, TUI_CTX_REPORT, { 'q', ESC }, "back", "back to the case list", "back" },
	{ TUI_A_YEAR_NEXT, TUI_CTX_REPORT, { 'l', KEY_RIGHT, '}', ']' }, "report-year-next",
	  "the year after", "next year" },
	{ TUI_A_YEAR_PREV, TUI_CTX_REPORT, { 'h', KEY_LEFT, '{', '[' }, "report-year-previous",
	  "the year before", "year before" },
	{ TUI_A_WHICH, TUI_CTX_REPORT, { 'y' }, "report-year-kind",
	  "a calendar year, or April to March (toggle)", "calendar/financial" },
	{ TUI_A_LETTER, TUI_CTX_CASE, { 'L' }, "case-letter",
	  "a letter to the complainant from a template", "letter" },
	{ TUI_A_CORRECT, TUI_CTX_CASE, { 'C' }, "case-correct",
	  "correct a timeline event: move it to another date, or void it (managers, admins)",
	  "correct" },
	/* a letter before it is sent */
	{ TUI_A_OPEN, TUI_CTX_LETTER, { ENTER }, "letter-send",
	  "send it: save it in the letters directory, record it on the timeline", "send" },
	{ TUI_A_BACK, TUI_CTX_LETTER, { 'q', ESC }, "back", "back to the case, not sent", "back" },
	/* the admin screen */
	{ TUI_A_GRANT, TUI_CTX_ADMIN, { '+' }, "admin-grant", "give an enrolled user a role",
	  "grant" },
	{ TUI_A_ROLE, TUI_CTX_ADMIN, { 'r' }, "admin-role", "change a user's role", "role" },
	{ TUI_A_REVOKE, TUI_CTX_ADMIN, { '-' }, "admin-revoke",
	  "revoke a user; rotates the data key", "revoke" },
	{ TUI_A_REKEY, TUI_CTX_ADMIN, { 'K' }, "admin-rekey",
	  "rotate the data key, reseal all", NULL },
	{ TUI_A_BACKUP, TUI_CTX_ADMIN, { 'B' }, "admin-backup",
	  "a copy into the backups directory", NULL },
	{ TUI_A_SNAPSHOT, TUI_CTX_ADMIN, { 'S' }, "admin-snapshot",
	  "a read-only copy, the same place", NULL },
	{ TUI_A_RETENTION, TUI_CTX_ADMIN, { 'E' }, "admin-retention",
	  "cases due to erase; asked first", NULL },
	{ TUI_A_HOLIDAY, TUI_CTX_ADMIN, { 'H' }, "admin-holiday",
	  "add a holiday to the book's calendar; asked first", NULL },
	{ TUI_A_IMPORT, TUI_CTX_ADMIN, { 'I' }, "admin-import",
	  "import GOV.UK's bank-holidays.json as the book's calendar; asked first", NULL },
	{ TUI_A_PROFILE, TUI_CTX_ADMIN, { 'U' }, "admin-profile",
	  "update the book's profile (shipped or a council's file); asked first", NULL },
	{ TUI_A_RECOUNT, TUI_CTX_ADMIN, { 'C' }, "admin-recount",
	  "count the calendar's days again from the deadlines index (verify --recount); asked first",
	  NULL },
	{ TUI_A_BACK, TUI_CTX_CASE | TUI_CTX_HELP | TUI_CTX_ADMIN | TUI_CTX_AUDIT,
	  { 'q', ESC, KEY_LEFT, 'h' },
	  "back", "back to the screen before", "back" },
	/* forms, menus and prompts */
	{ TUI_A_FORM_ENTER, TUI_CTX_FORM, { ENTER }, "form-enter",
	  "next field; on the last, record it", "next/record" },
	{ TUI_A_FORM_NEXT, TUI_CTX_FORM, { '\t', KEY_DOWN, CTRL('n') }, "form-next",
	  "the next field, or the next item of a menu", NULL },
	{ TUI_A_FORM_PREV, TUI_CTX_FORM, { KEY_BTAB, KEY_UP, CTRL('p') }, "form-previous",
	  "the field or item before", NULL },
	{ TUI_A_FORM_CHANGE, TUI_CTX_FORM, { KEY_RIGHT, KEY_LEFT, ' ' }, "form-change",
	  "change a choice (or type its first letter)", NULL },
	{ TUI_A_FORM_ERASE, TUI_CTX_FORM, { KEY_BACKSPACE, 127, CTRL('h') }, "form-erase",
	  "delete the character before", NULL },
	{ TUI_A_FORM_WORD, TUI_CTX_FORM, { CTRL('w') }, "form-erase-word", "delete the word before",
	  NULL },
	{ TUI_A_FORM_CLEAR, TUI_CTX_FORM, { CTRL('u') }, "form-clear", "empty the field", NULL },
	{ TUI_A_FORM_CANCEL, TUI_CTX_FORM, { ESC }, "form-cancel",
	  "close; what was typed is kept as a draft (k) or discarded (d), asked", "cancel" },
	/* everywhere */
	{ TUI_A_DOWN, TUI_CTX_ALL, { 'j', KEY_DOWN, CTRL('n') }, "down", "down one line", NULL },
	{ TUI_A_UP, TUI_CTX_ALL, { 'k', KEY_UP, CTRL('p') }, "up", "up one line", NULL },
	{ TUI_A_PGDN, TUI_CTX_ALL, { KEY_NPAGE, ' ', CTRL('f') }, "page-down", "down one page",
	  NULL },
	{ TUI_A_PGUP, TUI_CTX_ALL, { KEY_PPAGE, 'b', CTRL('b') }, "page-up", "up one page", NULL },
	{ TUI_A_TOP, TUI_CTX_ALL, { 'g', KEY_HOME }, "top", "to the first line", NULL },
	{ TUI_A_BOTTOM, TUI_CTX_ALL, { 'G', KEY_END }, "bottom", "to the last line", NULL },
	{ TUI_A_HELP, TUI_CTX_ALL & ~TUI_CTX_HELP, { '?' }, "help",
	  "this list of keys", "help" },
	{ TUI_A_BACK, TUI_CTX_HELP, { '?' }, "back", "back to the screen before", NULL },
	{ TUI_A_REDRAW, TUI_CTX_ALL | TUI_CTX_FORM, { CTRL('l') }, "redraw",
	  "redraw the whole screen", NULL },
};
const size_t tui_nkeys = sizeof tui_keys / sizeof tui_keys[0];

/* One key however the terminal sends it: Enter, Backspace. */
static int
tui_key_norm(int key)
{
	if (key == '\r' || key == KEY_ENTER)
		return '\n';
	if (key == 127 || key == CTRL('h'))
		return KEY_BACKSPACE;
	return key;
}

/* The entry named action on the screens of ctx; *ok false when there is none. */
static const struct tui_key *
tui_key_named(unsigned ctx, const char *action, bool *ok)
{
	size_t i;

	*ok = true;
	if (strcmp(action, "none") == 0)
		return NULL;
	for (i = 0; i < tui_nkeys; i++)
		if ((tui_keys[i].ctx & ctx) != 0 && strcmp(tui_keys[i].name, action) == 0)
			return &tui_keys[i];
	*ok = false;
	return NULL;
}

/* The keys' context of a screen as a binding names it: a screen's own
 * name, or "form" or "all"; 0 none. */
static unsigned
tui_key_screen(const char *screen)
{
	size_t i;

	for (i = 0; i < tui_nscreens; i++)
		if (strcmp(tui_screens[i]->name, screen) == 0)
			return tui_screens[i]->ctx;
	if (strcmp(screen, "form") == 0)
		return TUI_CTX_FORM;
	return strcmp(screen, "all") == 0 ? TUI_CTX_ALL : 0;
}

const char *
tui_bind_check(const char *screen, const char *action, char *why, size_t n)
{
	unsigned ctx = tui_key_screen(screen);
	bool ok;

	if (ctx == 0)
		snprintf(why, n, "no screen \"%s\" (list, case, calendar, report, letter, admin, "
		         "audit, help, form, all)", screen);
	else if (tui_key_named(ctx, action, &ok), !ok)
		snprintf(why, n, "no action \"%s\" on the %s screen (? shows their names; none: "
		         "the key does nothing)", action, screen);
	else
		return NULL;
	return why;
}

void
tui_keys_bind(struct tui *t, const struct config *c)
{
	static const struct { int from, to; } special[] = {
		{ CONFIG_KEY_UP, KEY_UP }, { CONFIG_KEY_DOWN, KEY_DOWN }, { CONFIG_KEY_LEFT, KEY_LEFT },
		{ CONFIG_KEY_RIGHT, KEY_RIGHT }, { CONFIG_KEY_PGUP, KEY_PPAGE },
		{ CONFIG_KEY_PGDN, KEY_NPAGE }, { CONFIG_KEY_HOME, KEY_HOME }, { CONFIG_KEY_END, KEY_END },
		{ CONFIG_KEY_BTAB, KEY_BTAB }, { CONFIG_KEY_BSPACE, KEY_BACKSPACE },
	};
	size_t i, j;
	bool ok;

	t->nbound = 0;
	for (i = 0; c != NULL && i < c->nbind && t->nbound < CONFIG_BINDS; i++) {
		struct tui_keybind *b = &t->bound[t->nbound];

		b->ctx = tui_key_screen(c->bind[i].screen);
		b->k = tui_key_named(b->ctx, c->bind[i].action, &ok);
		b->key = c->bind[i].key;
		for (j = 0; j < sizeof special / sizeof special[0]; j++)
			if (special[j].from == b->key)
				b->key = special[j].to;
		b->key = tui_key_norm(b->key);
		if (b->ctx != 0 && ok)
			t->nbound++;
	}
}

const struct tui_key *
tui_key_find(const struct tui *t, unsigned ctx, int key)
{
	size_t i, j;
	int norm = tui_key_norm(key);

	for (i = t->nbound; i-- > 0;)
		if ((t->bound[i].ctx & ctx) != 0 && t->bound[i].key == norm)
			return t->bound[i].k;
	for (i = 0; i < tui_nkeys; i++) {
		if ((tui_keys[i].ctx & ctx) == 0)
			continue;
		for (j = 0; j < TUI_KEYS_PER && tui_keys[i].keys[j] != 0; j++)
			if (tui_keys[i].keys[j] == key)
				return &tui_keys[i];
	}
	return NULL;
}

/* Whether a binding of the configuration takes key away from k on all
 * the screens of ctx (another action, or none). */
static bool
tui_key_taken(const struct tui *t, const struct tui_key *k, unsigned ctx, int key)
{
	size_t i;

	for (i = t->nbound; i-- > 0;)
		if ((t->bound[i].ctx & ctx) == ctx && t->bound[i].key == tui_key_norm(key))
			return t->bound[i].k == NULL || t->bound[i].k->action != k->action;
	return false;
}

size_t
tui_key_codes(const struct tui *t, const struct tui_key *k, unsigned ctx, bool bound_only,
              int *out, size_t max)
{
	size_t i, j, n = 0;

	for (j = 0; !bound_only && j < TUI_KEYS_PER && k->keys[j] != 0 && n < max; j++)
		if (!tui_key_taken(t, k, ctx, k->keys[j]))
			out[n++] = k->keys[j];
	/* (bound_only: bound for these screens alone) */
	for (i = 0; i < t->nbound && n < max; i++)
		if ((t->bound[i].ctx & ctx) == ctx && t->bound[i].k != NULL &&
		    (!bound_only || (t->bound[i].ctx & ~ctx) == 0) &&
		    t->bound[i].k->action == k->action && strcmp(t->bound[i].k->name, k->name) == 0 &&
		    !tui_key_taken(t, k, ctx, t->bound[i].key))
			out[n++] = t->bound[i].key;
	return n;
}

const char *
tui_key_label(int key, char *buf, size_t n)
{
	static const struct { int key; const char *label; } names[] = {
		{ KEY_UP, "Up" }, { KEY_DOWN, "Down" }, { KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" },
		{ KEY_NPAGE, "PgDn" }, { KEY_PPAGE, "PgUp" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
		{ KEY_ENTER, "Enter" }, { '\n', "Enter" }, { '\r', "Enter" }, { ESC, "Esc" },
		{ ' ', "Space" }, { KEY_BACKSPACE, "Backspace" }, { 127, "Backspace" },
		{ '\t', "Tab" }, { KEY_BTAB, "S-Tab" }, { KEY_RESIZE, "resize" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key)
			return names[i].label;
	if (key > 0 && key < 32)
		snprintf(buf, n, "^%c", key + '@');
	else if (key >= 32 && key < 127)
		snprintf(buf, n, "%c", key);
	else
		snprintf(buf, n, "key %d", key);
	return buf;
}

/* All keys of a binding in force on the screens of ctx, "j, Down, ^N". */
static char *
tui_key_labels(const struct tui *t, const struct tui_key *k, unsigned ctx, bool bound_only,
               char *buf, size_t n)
{
	char one[16], seen[TUI_KEYS_PER + CONFIG_BINDS][16];
	int codes[TUI_KEYS_PER + CONFIG_BINDS];
	size_t j, len = 0, nseen = 0, s, ncodes;

	ncodes = tui_key_codes(t, k, ctx, bound_only, codes, sizeof codes / sizeof codes[0]);
	buf[0] = '\0';
	for (j = 0; j < ncodes; j++) {
		const char *l = tui_key_label(codes[j], one, sizeof one);

		/* Enter is three codes but one key */
		for (s = 0; s < nseen && strcmp(seen[s], l) != 0; s++)
			;
		if (s < nseen)
			continue;
		snprintf(seen[nseen++], sizeof seen[0], "%s", l);
		len += (size_t)snprintf(buf + len, len < n ? n - len : 0, "%s%s", len ? ", " : "", l);
		if (len >= n)
			break;
	}
	return buf;
}

/* --- the help screen ----------------------------------------------------------- */

static const struct {
	unsigned ctx;
	const char *title;
} tui_help_sections[] = {
	{ TUI_CTX_LIST, "Case list" },
	{ TUI_CTX_CASE, "Case view" },
	{ TUI_CTX_CAL, "Calendar" },
	{ TUI_CTX_REPORT, "Report" },
	{ TUI_CTX_LETTER, "Letter" },
	{ TUI_CTX_ADMIN, "Admin" },
	{ TUI_CTX_AUDIT, "Audit trail" },
	{ TUI_CTX_FORM, "Forms, menus and prompts" },
	{ TUI_CTX_HELP, "This help" },
	{ TUI_CTX_ALL, "Everywhere" },
};

/* The row on screen of help line r, or -1 when it is not shown. */
static int
tui_help_y(WINDOW *w, size_t r, size_t top, int h)
{
	return w != NULL && r >= top && r < top + (size_t)h ? (int)(r - top) : -1;
}

/* Walks the help text: draws the lines from top that fit when w is not
 * NULL; returns how many lines there are. */
static size_t
tui_help_walk(struct tui *t, WINDOW *w, size_t top, int h)
{
	size_t i, j, k, r = 0, here = 0;
	int y, keyw = 19, namew = 0;
	char keys[64];

	for (i = 0; t->back != NULL && i < sizeof tui_help_sections / sizeof tui_help_sections[0]; i++)
		if (tui_help_sections[i].ctx == t->back->ctx)
			here = i;
	/* the names' column as wide as the longest name, on a wide enough window */
	for (k = 0; k < tui_nkeys && t->cols >= 80; k++)
		if ((int)strlen(tui_keys[k].name) + 1 > namew)
			namew = (int)strlen(tui_keys[k].name) + 1;

	if ((y = tui_help_y(w, r++, top, h)) >= 0)
		tui_put(t, w, y, 0, namew ? "Keys, and the names of their actions in redress(1)" : "Keys",
		        t->cols, TUI_LEFT, tui_style(t, TUI_S_HEAD));
	for (j = 0; j < sizeof tui_help_sections / sizeof tui_help_sections[0]; j++) {
		unsigned ctx;

		/* the keys of the screen help was asked from come first */
		i = j == 0 ? here : j <= here ? j - 1 : j;
		ctx = tui_help_sections[i].ctx;

		r++;
		if ((y = tui_help_y(w, r++, top, h)) >= 0)
			tui_put(t, w, y, 0, tui_help_sections[i].title, t->cols, TUI_LEFT,
			        tui_style(t, TUI_S_HEAD));
		for (k = 0; k < tui_nkeys; k++) {
			const struct tui_key *e = &tui_keys[k];

			bool everywhere = (e->ctx & TUI_CTX_ALL) == TUI_CTX_ALL;
			int code;

			/* a key that works everywhere bound to one screen shows there */
			bool bound_here = ctx != TUI_CTX_ALL && everywhere &&
			                  tui_key_codes(t, e, ctx, true, &code, 1) > 0;

			if (!bound_here &&
			    (ctx == TUI_CTX_ALL ? !everywhere : (e->ctx & ctx) == 0 || everywhere))
				continue;
			int x = 2 + keyw + namew, cells = t->cols - x;
			const char *d = e->help;
			size_t len, next;
			bool first = true;

			/* the description wrapped, never cut at the edge */
			do {
				len = tui_wrap(d, cells > 8 ? cells : 8, &next);
				if ((y = tui_help_y(w, r++, top, h)) >= 0) {
					if (first) {
						tui_key_labels(t, e, ctx, bound_here, keys,
						               sizeof keys);
						if (keys[0] == '\0')
							snprintf(keys, sizeof keys, "-");
						/* a blank between the keys and the name */
						tui_put(t, w, y, 2, keys, keyw - 1, TUI_LEFT, A_BOLD);
						if (namew > 0)
							tui_put(t, w, y, 2 + keyw, e->name, namew, TUI_LEFT,
							        A_NORMAL);
					}
					tui_putn(t, w, y, x, d, len, cells, TUI_LEFT, A_NORMAL);
				}
				first = false;
				d += next;
			} while (*d != '\0');
		}
	}
	return r;
}

static void
tui_help_open(struct tui *t)
{
	if (t->screen != &tui_help_screen) {
		t->back = t->screen;
		t->screen = &tui_help_screen;
	}
	t->help_top = 0;
}

static void
tui_help_draw(struct tui *t)
{
	size_t total = tui_help_walk(t, NULL, 0, 0);
	int h = tui_body_rows(t);

	if (total <= (size_t)h)
		t->help_top = 0;
	else if (t->help_top > total - (size_t)h)
		t->help_top = total - (size_t)h;
	tui_help_walk(t, t->body, t->help_top, h);
}

static void
tui_help_key(struct tui *t, enum tui_action a)
{
	size_t total = tui_help_walk(t, NULL, 0, 0), h = (size_t)tui_body_rows(t);
	size_t max = total > h ? total - h : 0;

	switch (a) {
	case TUI_A_BACK:
		t->screen = t->back != NULL ? t->back : &tui_list_screen;
		break;
	default:
		tui_scroll(&t->help_top, max, h, a);
		break;
	}
}

static void
tui_help_title(struct tui *t, char *buf, size_t n)
{
	(void)t;
	snprintf(buf, n, "help");
}

const struct tui_screen tui_help_screen = {
	.name = "help",
	.ctx = TUI_CTX_HELP,
	.opens = TUI_A_HELP,
	.open = tui_help_open,
	.draw = tui_help_draw,
	.key = tui_help_key,
	.title = tui_help_title,
};
