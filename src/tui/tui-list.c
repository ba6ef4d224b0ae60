/* tui-list.c - the case list: every case loaded once into a compact array,
 * filtered and sorted in memory, and only the rows on screen drawn, so
 * that moving about stays instant at 100,000 cases. */
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"
#include "redress/codec.h"
#include "redress/fold.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workflow.h"
#include "tui-int.h"

/* --- columns ---------------------------------------------------------------------- */

typedef int (*tui_cmp)(const void *, const void *);

#define TUI_LINE(p) (*(const struct tui_line *const *)(p))

static int
tui_by_id(const struct tui_line *a, const struct tui_line *b)
{
	return (a->id > b->id) - (a->id < b->id);
}

static int
tui_by_str(const char *x, const char *y, const struct tui_line *a, const struct tui_line *b)
{
	int c = strcmp(x, y);

	return c != 0 ? c : tui_by_id(a, b);
}

static int
tui_by_int(int32_t x, int32_t y, const struct tui_line *a, const struct tui_line *b)
{
	return x != y ? (x > y) - (x < y) : tui_by_id(a, b);
}

static int
tui_cmp_ref(const void *p, const void *q)
{
	const struct tui_line *a = TUI_LINE(p), *b = TUI_LINE(q);
	size_t la = strlen(a->ref), lb = strlen(b->ref);

	/* CSC-2026-0042 before CSC-2026-10001 */
	return la != lb ? (la > lb) - (la < lb) : tui_by_str(a->ref, b->ref, a, b);
}

static int
tui_cmp_received(const void *p, const void *q)
{
	return tui_by_int(TUI_LINE(p)->received, TUI_LINE(q)->received, TUI_LINE(p), TUI_LINE(q));
}

static int
tui_cmp_kind(const void *p, const void *q)
{
	return tui_by_str(route_name((enum route)TUI_LINE(p)->kind),
	                  route_name((enum route)TUI_LINE(q)->kind), TUI_LINE(p), TUI_LINE(q));
}

static int
tui_cmp_stage(const void *p, const void *q)
{
	const struct tui_line *a = TUI_LINE(p), *b = TUI_LINE(q);

	return tui_by_int(a->status * 8 + a->stage, b->status * 8 + b->stage, a, b);
}

/* Cases with no deadline running come after all those with one. */
static int
tui_cmp_due(const void *p, const void *q)
{
	const struct tui_line *a = TUI_LINE(p), *b = TUI_LINE(q);

	if (a->has_next != b->has_next)
		return a->has_next ? -1 : 1;
	if (a->next_due != b->next_due)
		return (a->next_due > b->next_due) - (a->next_due < b->next_due);
	return tui_by_int(a->next_days, b->next_days, a, b);
}

/* The columns sorted by their text alone: tui_cmp_rule, _owner, _team, _child. */
#define TUI_CMP_TEXT(f)                                                                        \
	static int tui_cmp_##f(const void *p, const void *q)                                   \
	{                                                                                      \
		return tui_by_str(TUI_LINE(p)->f, TUI_LINE(q)->f, TUI_LINE(p), TUI_LINE(q));   \
	}
TUI_CMP_TEXT(rule)
TUI_CMP_TEXT(owner)
TUI_CMP_TEXT(team)
TUI_CMP_TEXT(child)
#undef TUI_CMP_TEXT

enum tui_col_id {
	TUI_COL_REF, TUI_COL_RECEIVED, TUI_COL_KIND, TUI_COL_STAGE, TUI_COL_DUE, TUI_COL_LEFT,
	TUI_COL_RULE, TUI_COL_OWNER, TUI_COL_TEAM, TUI_COL_CHILD, TUI_NCOLS
};

/* The columns: header, width (0: takes what is left), which go first
 * when the window is narrow (1 first; 0 never), order and alignment. */
static const struct tui_col {
	const char *label;
	const char *sortname;
	int width;
	int drop;
	tui_cmp cmp;             /* NULL: not a sort key of its own */
	int align;
} tui_cols[TUI_NCOLS] = {
	[TUI_COL_REF] = { "REFERENCE", "reference", 14, 0, tui_cmp_ref, TUI_LEFT },
	[TUI_COL_RECEIVED] = { "RECEIVED", "received", 10, 1, tui_cmp_received, TUI_LEFT },
	[TUI_COL_KIND] = { "KIND", "kind", 10, 2, tui_cmp_kind, TUI_LEFT },
	[TUI_COL_STAGE] = { "STAGE", "stage", 9, 0, tui_cmp_stage, TUI_LEFT },
	[TUI_COL_DUE] = { "NEXT DUE", "next deadline", 10, 0, tui_cmp_due, TUI_LEFT },
	[TUI_COL_LEFT] = { "LEFT", NULL, 5, 0, NULL, TUI_RIGHT },
	/* which deadline is next and whose team: kept at 80 columns, where
	 * the date received, the kind and the owner give way first */
	[TUI_COL_RULE] = { "DEADLINE", "deadline", 11, 5, tui_cmp_rule, TUI_LEFT },
	[TUI_COL_OWNER] = { "OWNER", "owner", 8, 3, tui_cmp_owner, TUI_LEFT },
	[TUI_COL_TEAM] = { "TEAM", "team", 9, 4, tui_cmp_team, TUI_LEFT },
	[TUI_COL_CHILD] = { "CHILD", "child", 0, 0, tui_cmp_child, TUI_LEFT },
};
/* the focused row's marker, ">", in the first column: focus that does not
 * depend on colour or reverse video */
#define TUI_MARK 1
#define TUI_CHILD_MIN 12

/* Which columns fit in cols, at which x and width. */
static void
tui_list_layout(int cols, int x[TUI_NCOLS], int w[TUI_NCOLS])
{
	int i, drop, total;

	for (i = 0; i < TUI_NCOLS; i++)
		w[i] = tui_cols[i].width;
	for (drop = 1;; drop++) {
		total = TUI_MARK;
		for (i = 0; i < TUI_NCOLS; i++)
			if (w[i] > 0)
				total += w[i] + 1;
		if (total + TUI_CHILD_MIN <= cols || drop > 5)
			break;
		for (i = 0; i < TUI_NCOLS; i++)
			if (tui_cols[i].drop == drop)
				w[i] = -1;
	}
	total = TUI_MARK;
	for (i = 0; i < TUI_NCOLS; i++) {
		x[i] = total;
		if (i == TUI_COL_CHILD)
			w[i] = cols - total > 0 ? cols - total : 0;
		if (w[i] > 0)
			total += w[i] + 1;
	}
}

/* The stage column: where an open complaint stands, or how a case ended. */
static const char *
tui_stage_label(const struct tui_line *l)
{
	static const char *const stages[] = { "receipt", "stage 1", "stage 2", "stage 3", "LGSCO" };
	static const char *const ends[] = { "open", "closed", "withdrawn", "declined", "redirect",
	                                    "safeguard" };

	if (l->status == CASE_OPEN && l->kind == ROUTE_COMPLAINT && l->stage < 5)
		return stages[l->stage];
	return l->status < sizeof ends / sizeof ends[0] ? ends[l->status] : "?";
}

/* The days-left style: overdue, due within three working days, or neither. */
static enum tui_style
tui_due_style(const struct tui_line *l)
{
	if (!l->has_next)
		return TUI_S_NORMAL;
	if (l->next_days < 0)
		return TUI_S_OVERDUE;
	return l->next_days <= 3 ? TUI_S_SOON : TUI_S_NORMAL;
}

static const char *
tui_list_cell(const struct tui_line *l, int col, char *buf, size_t n)
{
	struct date d;

	switch (col) {
	case TUI_COL_REF:
		return l->ref;
	case TUI_COL_RECEIVED:
		d.day = l->received;
		return l->received == INT32_MIN ? "" : date_format(d, buf);
	case TUI_COL_KIND:
		return route_name((enum route)l->kind);
	case TUI_COL_STAGE:
		return tui_stage_label(l);
	case TUI_COL_DUE:
		d.day = l->next_due;
		return l->has_next ? date_format(d, buf) : "";
	case TUI_COL_LEFT:
		/* a marker as well as the colour: it must read without colour */
		if (!l->has_next)
			return "";
		snprintf(buf, n, "%+d%s", l->next_days,
		         tui_due_style(l) == TUI_S_OVERDUE ? "!" : tui_due_style(l) == TUI_S_SOON ? "~" : " ");
		return buf;
	case TUI_COL_RULE:
		return l->rule;
	case TUI_COL_OWNER:
		return l->owner;
	case TUI_COL_TEAM:
		return l->team;
	default:
		return l->child;
	}
}

/* --- loading, filtering, sorting ------------------------------------------------- */

/* a then b into out (n bytes), cut short if need be: snprintf's "%s%s"
 * without its cost, for a line of every case loaded */
static void
tui_join(char *out, size_t n, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (n == 0)
		return;
	la = la < n - 1 ? la : n - 1;
	memcpy(out, a, la);
	lb = lb < n - 1 - la ? lb : n - 1 - la;
	memcpy(out + la, b, lb);
	out[la + lb] = '\0';
}

/* A deadline as the list names it: its profile label, short ("S2 response,
 * extended maximum"), or the key when the profile has none. */
static void
tui_rule_short(struct tui *t, const char *key, char *out, size_t n)
{
	const struct profile *p;
	const struct calendar *cal;
	const struct rule *r;
	struct err err;

	if (key[0] == '\0' || book_profile(t->b, &p, &cal, &err) != 0 ||
	    (r = profile_rule(p, key)) == NULL || r->label[0] == '\0')
		tui_join(out, n, key, "");
	else if (strncmp(r->label, "Stage ", 6) == 0 && r->label[6] >= '1' && r->label[6] <= '3')
		tui_join(out, n, "S", r->label + 6);
	else if (strncmp(r->label, "Acknowledgement", 15) == 0)
		tui_join(out, n, "Acknowledge", r->label + 15);
	else
		tui_join(out, n, r->label, "");
}

static int
tui_list_each(const struct book_case_line *bl, void *ctx)
{
	struct tui *t = ctx;
	struct tui_list *L = &t->list;
	struct tui_line *l;
	struct date d;
	struct err err;

	if (buf_grow(&L->lines, &L->cap, L->nlines + 1, sizeof *L->lines) != 0)
		goto oom;
	l = &L->lines[L->nlines];
	memset(l, 0, sizeof *l);
	l->id = bl->id;
	l->kind = (uint8_t)bl->kind;
	l->status = (uint8_t)bl->status;
	l->stage = (uint8_t)bl->stage;
	l->overdue = bl->overdue;
	l->received = date_parse(bl->received, &d, &err) == 0 ? d.day : INT32_MIN;
	l->has_next = bl->next_key[0] != '\0' && date_parse(bl->next_due, &d, &err) == 0;
	l->next_due = l->has_next ? d.day : 0;
	l->next_days = bl->next_days;
	if ((l->ref = tui_arena_visible(&L->arena, bl->ref, t->vis)) == NULL ||
	    (l->child = tui_arena_visible(&L->arena, bl->child, t->vis)) == NULL)
		goto oom;
	/* names are decrypted as rows are shown, not all at start */
	l->child_person = bl->child_person;
	l->named = bl->erased || bl->child_person == 0 || !book_has_key(t->b);
	text_visible(bl->team, t->vis, TUI_VIS_MAX);
	if ((l->team = tui_intern(&L->intern, &L->arena, t->vis)) == NULL)
		goto oom;
	text_visible(bl->owner, t->vis, TUI_VIS_MAX);
	if ((l->owner = tui_intern(&L->intern, &L->arena, t->vis)) == NULL)
		goto oom;
	tui_rule_short(t, bl->next_key, t->fmt, TUI_FMT_MAX);
	text_visible(t->fmt, t->vis, TUI_VIS_MAX);
	if ((l->rule = tui_intern(&L->intern, &L->arena, t->vis)) == NULL)
		goto oom;
	L->nlines++;
	return 0;
oom:
	L->oom = true;
	return 1;
}

/* The child's name of a line, decrypted the first time it is needed. */
static void
tui_list_name(struct tui *t, struct tui_line *l)
{
	struct err err;
	const char *s;

	if (l->named)
		return;
	l->named = true;
	if (book_person_label_get(t->b, l->child_person, "Child C", t->fmt, TUI_FMT_MAX, &err) != 0)
		return;
	if ((s = tui_arena_visible(&t->list.arena, t->fmt, t->vis)) != NULL)
		l->child = s;
	explicit_bzero(t->fmt, strlen(t->fmt));
}

/* Whether two visible strings are the same but for case ("north cin"
 * names "North CIN"). */
static bool
tui_same(const char *a, const char *b)
{
	return strlen(a) == strlen(b) && tui_contains(a, b);
}

/* Rebuilds the rows shown from the lines, keeping the selected case. */
static void
tui_list_apply(struct tui *t)
{
	struct tui_list *L = &t->list;
	size_t i, n = 0;

	free(L->rows);
	L->rows = NULL;
	L->nrows = 0;
	if (L->nlines == 0 || (L->rows = malloc(L->nlines * sizeof *L->rows)) == NULL)
		return;
	/* an order by child needs every name; a search does not (the lines
	 * loaded for one are those it found, tui_list_load) */
	if (L->sort == TUI_COL_CHILD)
		for (i = 0; i < L->nlines; i++)
			tui_list_name(t, &L->lines[i]);
	for (i = 0; i < L->nlines; i++) {
		struct tui_line *l = &L->lines[i];

		/* a search looks in closed cases too: the title says so */
		if (!L->all && L->search[0] == '\0' && l->status != CASE_OPEN)
			continue;
		if (L->mine && strcmp(l->owner, t->login) != 0)
			continue;
		if (L->overdue && !l->overdue)
			continue;
		if (L->stage != 0 && (l->kind != ROUTE_COMPLAINT || l->stage != L->stage))
			continue;
		if (L->team[0] != '\0' && !tui_same(l->team, L->team))
			continue;
		L->rows[n++] = l;
	}
	L->nrows = n;
	qsort(L->rows, n, sizeof *L->rows, tui_cols[L->sort].cmp);
	if (L->reverse)
		for (i = 0; i < n / 2; i++) {
			struct tui_line *x = L->rows[i];

			L->rows[i] = L->rows[n - 1 - i];
			L->rows[n - 1 - i] = x;
		}
	L->sel = 0;
	for (i = 0; i < n; i++)
		if (L->rows[i]->id == L->sel_id) {
			L->sel = i;
			break;
		}
}

/* After a search: an exact reference first, else the newest case whose
 * reference matches ("0611": CSC-2026-0611 before CSC-2024-0611). */
static void
tui_list_prefer(struct tui_list *L)
{
	size_t i, best = SIZE_MAX;
	bool exact = false;

	for (i = 0; i < L->nrows; i++) {
		const struct tui_line *l = L->rows[i];
		char f[BOOK_REF_MAX * 4];

		if (!fold_contains(l->ref, L->folded))
			continue;
		fold_text(l->ref, f, sizeof f);
		if (strcmp(f, L->folded) == 0) {
			if (!exact || l->received > L->rows[best]->received)
				best = i;
			exact = true;
		} else if (!exact && (best == SIZE_MAX || tui_cmp_ref(&L->rows[best], &L->rows[i]) < 0))
			best = i;
	}
	if (best != SIZE_MAX) {
		L->sel = best;
		L->sel_id = L->rows[best]->id;
	}
}

static void
tui_list_init(struct tui *t)
{
	struct tui_list *L = &t->list;

	memset(L, 0, sizeof *L);
	L->sort = TUI_COL_DUE;
}

static void
tui_list_free(struct tui *t)
{
	struct tui_list *L = &t->list;

	free(L->rows);
	free(L->lines);
	tui_intern_free(&L->intern);
	tui_arena_free(&L->arena);
	L->rows = NULL;
	L->lines = NULL;
	L->nrows = L->nlines = L->cap = 0;
}

int
tui_list_load(struct tui *t)
{
	struct tui_list *L = &t->list;
	struct book_case_filter f;
	uint64_t *ids = NULL;
	size_t nids = 0, people = 0;
	struct book_info info;
	struct err err;
	int rc;

	if (t->o->today(&t->today, &err) != 0)
		tui_message(t, true, "%s", err.msg);
	tui_list_free(t);
	L->stale = false;
	L->oom = false;
	memset(&f, 0, sizeof f);
	f.stage = -1;
	f.kind = -1;
	f.open = !L->all && L->search[0] == '\0';
	f.no_names = true;
	/* a search loads only the cases it finds (book_search_cases): by
	 * reference, team, pseudonym, and the names of their people and the
	 * words of their notes through the book's index (no name is opened) */
	if (L->search[0] != '\0') {
		if ((rc = book_search_cases(t->b, L->search, &ids, &nids, &people, &err)) ==
		    BOOK_EDENIED)
			tui_message(t, true, "names and notes not searched: %s", err.msg);
		else if (rc != 0)
			tui_message(t, true, "%s", err.msg);
		else if (people > 0 && nids == 0)
			tui_message(t, false, "%zu %s \"%s\" by name, and none of them is party "
			            "to a case, open or closed", people,
			            people == 1 ? "person matches" : "people match", L->search);
		f.by_ids = true;
		f.ids = ids;
		f.nids = nids;
	}
	rc = book_case_list(t->b, &f, tui_list_each, t, &err);
	free(ids);
	L->looked = L->nlines;
	if (L->search[0] != '\0' && book_info(t->b, &info, &err) == 0)
		L->looked = (size_t)info.cases;
	if (L->oom)
		tui_message(t, true, "out of memory: only %zu cases loaded", L->nlines);
	else if (rc != 0)
		tui_message(t, true, "%s", err.msg);
	tui_list_apply(t);
	return rc != 0 || L->oom ? -1 : 0;
}

/* --- the screen ------------------------------------------------------------------- */

static void
tui_list_draw(struct tui *t)
{
	struct tui_list *L = &t->list;
	int x[TUI_NCOLS], w[TUI_NCOLS], h = tui_body_rows(t) - 1, i, c;
	char buf[32];

	tui_list_layout(t->cols, x, w);
	for (c = 0; c < TUI_NCOLS; c++)
		if (w[c] > 0)
			tui_put(t, t->body, 0, x[c], tui_cols[c].label, w[c], tui_cols[c].align,
			        A_BOLD | (c == L->sort ? A_UNDERLINE : 0));
	if (L->nrows == 0) {
		tui_put(t, t->body, 2, 2,
		        L->looked == 0 ? "no cases in this book: N adds one"
		                       : "no case matches (a: all, 0: any stage, t: any team, / with nothing: clear)",
		        t->cols - 2, TUI_LEFT, A_NORMAL);
		t->cy = 2;
		t->cx = 2;
		return;
	}
	if (h < 1)
		return;
	if (L->sel >= L->nrows)
		L->sel = L->nrows - 1;
	if (L->sel < L->top)
		L->top = L->sel;
	if (L->sel >= L->top + (size_t)h)
		L->top = L->sel - (size_t)h + 1;
	if (L->top + (size_t)h > L->nrows)
		L->top = L->nrows > (size_t)h ? L->nrows - (size_t)h : 0;
	L->sel_id = L->rows[L->sel]->id;
	for (i = 0; i < h && L->top + (size_t)i < L->nrows; i++) {
		size_t r = L->top + (size_t)i;
		const struct tui_line *l = L->rows[r];

		tui_list_name(t, L->rows[r]);
		if (r == L->sel) {
			tui_put(t, t->body, i + 1, 0, ">", TUI_MARK, TUI_LEFT, A_BOLD);
			t->cy = i + 1;
			t->cx = 0;
		}
		for (c = 0; c < TUI_NCOLS; c++) {
			/* the selection marks the reference only: a one-line scroll
			 * then repaints two short cells, not two whole rows, which
			 * matters over a slow link */
			attr_t a = r == L->sel && c == TUI_COL_REF ? A_REVERSE : A_NORMAL;

			if (w[c] <= 0)
				continue;
			if (c == TUI_COL_DUE || c == TUI_COL_LEFT)
				a |= tui_style(t, tui_due_style(l));
			tui_put(t, t->body, i + 1, x[c], tui_list_cell(l, c, buf, sizeof buf), w[c],
			        tui_cols[c].align, a);
			/* the gap between the date and the days left in their colour:
			 * one run of attributes, not two */
			if (c == TUI_COL_DUE && w[TUI_COL_LEFT] > 0 && x[TUI_COL_LEFT] == x[c] + w[c] + 1)
				tui_put(t, t->body, i + 1, x[c] + w[c], " ", 1, TUI_LEFT, a);
		}
	}
}

static void
tui_list_key(struct tui *t, enum tui_action a)
{
	struct tui_list *L = &t->list;
	size_t page = (size_t)(tui_body_rows(t) > 2 ? tui_body_rows(t) - 2 : 1);
	char search[TUI_SEARCH_MAX], team[TUI_TEAM_MAX];

	switch (a) {
	case TUI_A_QUIT:
		t->quit = tui_may_quit(t);
		return;
	case TUI_A_DOWN:
		if (L->sel + 1 < L->nrows)
			L->sel++;
		break;
	case TUI_A_UP:
		if (L->sel > 0)
			L->sel--;
		break;
	case TUI_A_PGDN:
		L->sel = L->sel + page < L->nrows ? L->sel + page : (L->nrows ? L->nrows - 1 : 0);
		L->top += page;
		break;
	case TUI_A_PGUP:
		L->sel = L->sel > page ? L->sel - page : 0;
		L->top = L->top > page ? L->top - page : 0;
		break;
	case TUI_A_TOP:
		L->sel = 0;
		break;
	case TUI_A_BOTTOM:
		L->sel = L->nrows ? L->nrows - 1 : 0;
		break;
	case TUI_A_OPEN:
		if (L->nrows > 0)
			tui_case_open(t, L->rows[L->sel]->ref);
		return;
	case TUI_A_SORT:
		do
			L->sort = (L->sort + 1) % TUI_NCOLS;
		while (tui_cols[L->sort].cmp == NULL);
		L->reverse = false;
		tui_list_apply(t);
		break;
	case TUI_A_REVERSE:
	case TUI_A_MINE:
	case TUI_A_OVERDUE: {
		bool *flag = a == TUI_A_MINE ? &L->mine : a == TUI_A_OVERDUE ? &L->overdue
		                                                           : &L->reverse;

		*flag = !*flag;
		tui_list_apply(t);
		break;
	}
	case TUI_A_ALL:
		/* only open cases are loaded until closed ones are asked for: at
		 * 100,000 cases that is the difference between 20 ms and 200 */
		L->all = !L->all;
		if (tui_list_load(t) != 0)
			L->all = !L->all;
		break;
	case TUI_A_STAGE:
		L->stage = t->key >= '1' && t->key <= '3' ? t->key - '0' : 0;
		tui_list_apply(t);
		break;
	case TUI_A_TEAM:
		if (tui_team_pick(t, team, sizeof team) == 1) {
			memcpy(L->team, team, sizeof team);
			tui_list_apply(t);
		}
		break;
	case TUI_A_NEW:
		tui_new_case(t);
		return;
	case TUI_A_SEARCH:
		memcpy(search, L->search, sizeof search);
		if (tui_prompt(t, "Search (reference, team, any name, notes): ", search, sizeof search,
		               false) == 1) {
			memcpy(L->search, text_trim(search), strlen(text_trim(search)) + 1);
			fold_text(L->search, L->folded, sizeof L->folded);
			/* closed cases are loaded for a search, and let go after it */
			if (tui_list_load(t) == 0 && L->search[0] != '\0')
				tui_list_prefer(L);
		}
		break;
	default:
		return;
	}
	if (L->sel < L->nrows)
		L->sel_id = L->rows[L->sel]->id;
}

static void
tui_list_title(struct tui *t, char *buf, size_t n)
{
	const struct tui_list *L = &t->list;
	char search[TUI_SEARCH_MAX * 4], team[TUI_TEAM_MAX * 4], stage[16] = "";

	text_visible(L->search, search, sizeof search);
	text_visible(L->team, team, sizeof team);
	if (L->stage != 0)
		snprintf(stage, sizeof stage, ", stage %d", L->stage);
	/* the counts say what they count: the row selected of those shown,
	 * and how many cases were looked at */
	snprintf(buf, n, "%s cases%s%s%s%s%s%s%s%s%s | %zu/%zu shown (%zu%s in the book) | by %s%s",
	         L->all ? "all" : L->search[0] ? "open and closed" : "open", L->mine ? ", mine" : "",
	         L->overdue ? ", overdue" : "", stage, L->team[0] ? ", team \"" : "", team,
	         L->team[0] ? "\"" : "", L->search[0] ? ", matching \"" : "", search,
	         L->search[0] ? "\"" : "", L->nrows ? L->sel + 1 : 0, L->nrows, L->looked,
	         L->all || L->search[0] ? "" : " open",
	         tui_cols[L->sort].sortname, L->reverse ? ", reversed" : "");
}

static void
tui_list_open(struct tui *t)
{
	tui_list_load(t);
}

static void
tui_list_reload(struct tui *t)
{
	if (t->list.stale)
		tui_list_load(t);
}

/* Another user's commit: read again now if in front and nothing is over
 * it, else before it is next shown. */
static void
tui_list_wake(struct tui *t, bool front)
{
	if (front && t->form == NULL && t->menu == NULL)
		tui_list_load(t);
	else
		t->list.stale = true;
}

const struct tui_screen tui_list_screen = {
	.name = "list",
	.ctx = TUI_CTX_LIST,
	.init = tui_list_init,
	.open = tui_list_open,
	.draw = tui_list_draw,
	.key = tui_list_key,
	.title = tui_list_title,
	.reload = tui_list_reload,
	.wake = tui_list_wake,
	.free = tui_list_free,
};
