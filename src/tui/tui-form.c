/* tui-form.c - forms drawn over the lower part of the body: fields of text,
 * dates checked as they are typed, and choices; what a form was left
 * holding, kept for next time and saved as a draft when the link drops;
 * and the menu narrowed by typing that the step menu uses. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wctype.h>

#include "redress/text.h"
#include "tui-int.h"

/* --- making a form ------------------------------------------------------------ */

struct tui_form *
tui_form_new(const char *title, size_t bytes)
{
	struct tui_form *f = calloc(1, sizeof *f);

	if (f == NULL)
		return NULL;
	/* every text field has its default beside it */
	f->memlen = (2 * bytes + 15) & ~(size_t)15;
	if ((f->mem = book_secret_alloc(f->memlen)) == NULL) {
		free(f);
		return NULL;
	}
	snprintf(f->title, sizeof f->title, "%s", title);
	f->cy = -1;
	return f;
}

struct tui_form *
tui_case_form_new(struct tui *t, const char *title, size_t bytes, const char *key,
                  void (*check)(struct tui *, struct tui_form *), void *ctx)
{
	struct tui_form *f;

	if ((f = tui_form_new(title, bytes)) == NULL) {
		tui_message(t, true, "out of memory");
		return NULL;
	}
	f->check = check;
	f->ctx = ctx;
	if (key != NULL)
		snprintf(f->key, sizeof f->key, "%s/%s", t->view.ref, key);
	return f;
}

void
tui_form_free(struct tui_form **f)
{
	if (*f == NULL)
		return;
	book_secret_free((*f)->mem, (*f)->memlen);
	free(*f);
	*f = NULL;
}

static struct tui_field *
tui_form_add(struct tui_form *f, const char *name, const char *label, enum tui_ftype type)
{
	struct tui_field *x;

	if (f->n == TUI_FORM_FIELDS)
		return NULL;
	x = &f->f[f->n++];
	memset(x, 0, sizeof *x);
	x->name = name;
	x->label = label;
	x->type = type;
	return x;
}

struct tui_field *
tui_form_text(struct tui_form *f, const char *name, const char *label, size_t max, bool optional,
              const char *def)
{
	struct tui_field *x;

	if (f->used + 2 * max > f->memlen || (x = tui_form_add(f, name, label, TUI_F_TEXT)) == NULL)
		return NULL;
	x->buf = f->mem + f->used;
	x->def = x->buf + max;
	f->used += 2 * max;
	x->max = max;
	x->optional = optional;
	snprintf(x->def, max, "%s", def != NULL ? def : "");
	memcpy(x->buf, x->def, max);
	return x;
}

struct tui_field *
tui_form_date(struct tui_form *f, const char *name, const char *label, bool optional,
              const char *def)
{
	struct tui_field *x = tui_form_text(f, name, label, DATE_STRLEN + 1, optional, def);

	if (x != NULL)
		x->type = TUI_F_DATE;
	return x;
}

struct tui_field *
tui_form_choice(struct tui_form *f, const char *name, const char *label,
                const char *const *choices, int n, int def)
{
	struct tui_field *x = tui_form_add(f, name, label, TUI_F_CHOICE);

	if (x == NULL)
		return NULL;
	x->choices = choices;
	x->nchoices = n;
	x->choice = x->def_choice = def >= 0 && def < n ? def : 0;
	return x;
}

struct tui_field *
tui_form_field(struct tui_form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->f[i].name, name) == 0)
			return &f->f[i];
	return NULL;
}

/* --- none, one of a list, or another typed ------------------------------------------ */

int
tui_choose_default(const struct tui_choose *c, const char *value)
{
	size_t i;

	if (value == NULL || *value == '\0')
		return 0;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->values[i], value) == 0)
			return (int)i + 1;
	return (int)c->n + 1;
}

void
tui_choose_fields(struct tui_form *f, const struct tui_choose *c, const char *name,
                  const char *label, const char *typed, const char *typed_label, size_t max,
                  bool optional, const char *value)
{
	int def = tui_choose_default(c, value);
	struct tui_field *x;

	tui_form_choice(f, name, label, c->labels, (int)c->n + 2, def);
	x = tui_form_text(f, typed, typed_label, max, optional,
	                  (size_t)def == c->n + 1 ? value : NULL);
	if (x != NULL)
		x->hidden = true;
}

bool
tui_choose_typed(const struct tui_choose *c, const struct tui_field *choice,
                 struct tui_field *typed)
{
	typed->hidden = (size_t)choice->choice != c->n + 1;
	return !typed->hidden;
}

const char *
tui_choose_value(const struct tui_choose *c, const struct tui_field *choice,
                 const struct tui_field *typed)
{
	if (choice->choice <= 0)
		return "";
	if ((size_t)choice->choice <= c->n)
		return c->values[choice->choice - 1];
	return typed->buf;
}

void
tui_form_focus(struct tui_form *f, const char *name)
{
	struct tui_field *x = tui_form_field(f, name);

	if (x != NULL)
		f->cur = (size_t)(x - f->f);
}

void
tui_form_not_after_today(struct tui *t, struct tui_field *x, const char *what)
{
	char today[DATE_STRLEN];
	struct date d;

	if (!x->bad && date_parse(x->buf, &d, NULL) == 0 && d.day > t->today.day) {
		x->bad = true;
		snprintf(x->why, sizeof x->why, "%s %s: after today (%s)", what, x->buf,
		         date_format(t->today, today));
	}
}

/* --- checking ---------------------------------------------------------------- */

/* Runs the checks (dates, required fields, the form's own): the index of
 * the first field that stops it being recorded, or -1. */
static int
tui_form_check(struct tui *t, struct tui_form *f)
{
	struct date d;
	struct err err;
	size_t i;

	for (i = 0; i < f->n; i++) {
		struct tui_field *x = &f->f[i];

		x->bad = false;
		x->why[0] = '\0';
		x->note[0] = '\0';
		x->note_style = TUI_S_DIM;
		if (x->type == TUI_F_CHOICE)
			continue;
		if (x->buf[0] == '\0') {
			if (!x->optional) {
				x->bad = true;
				snprintf(x->why, sizeof x->why, "%s: needed", x->label);
			}
		} else if (x->type == TUI_F_DATE && date_parse(x->buf, &d, &err) != 0) {
			const char *why = err.msg, *q;

			x->bad = true;
			/* date_parse names the text ("bad date \"2026-13\": ..."), which
			 * is in the field already: only what is wrong with it */
			if (strncmp(why, "bad date \"", 10) == 0 && (q = strstr(why + 10, "\": ")) != NULL)
				why = q + 3;
			snprintf(x->why, sizeof x->why, "bad date: %s", why);
		}
	}
	if (f->check != NULL)
		f->check(t, f);
	for (i = 0; i < f->n; i++)
		if (!f->f[i].hidden && f->f[i].bad)
			return (int)i;
	return -1;
}

const char *
tui_form_problem(struct tui *t, struct tui_form *f)
{
	struct tui_field *x;

	tui_form_check(t, f);
	x = &f->f[f->cur];
	/* an empty field not yet reached is no news; a bad date as typed is */
	if (!x->bad || x->why[0] == '\0' || (x->type != TUI_F_CHOICE && x->buf[0] == '\0'))
		return NULL;
	return x->why;
}

/* --- drawing ----------------------------------------------------------------- */

enum { TUI_ROW_QUESTION, TUI_ROW_FIELD, TUI_ROW_NOTE };

struct tui_frow {
	size_t field;
	int kind;
};

static size_t
tui_form_rows(const struct tui_form *f, struct tui_frow *rows)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++) {
		const struct tui_field *x = &f->f[i];

		if (x->hidden)
			continue;
		if (x->question != NULL)
			rows[n++] = (struct tui_frow){ i, TUI_ROW_QUESTION };
		rows[n++] = (struct tui_frow){ i, TUI_ROW_FIELD };
		if (x->note[0] != '\0')
			rows[n++] = (struct tui_frow){ i, TUI_ROW_NOTE };
	}
	return n;
}

/* Clears rows y0.. of the body: the form covers what the screen drew. */
static void
tui_overlay_clear(struct tui *t, int y0, int h)
{
	int y;

	for (y = y0; y < h; y++) {
		wmove(t->body, y, 0);
		wclrtoeol(t->body);
	}
}

void
tui_form_draw(struct tui *t)
{
	struct tui_form *f = t->form;
	struct tui_frow rows[TUI_FORM_FIELDS * 3];
	size_t n, i, first = 0, last = 0;
	int h = tui_body_rows(t), fh, y0, avail, lw = 0, vx, y;
	char title[512];

	f->cy = -1;
	n = tui_form_rows(f, rows);
	for (i = 0; i < n; i++) {
		const struct tui_field *x = &f->f[rows[i].field];

		if (rows[i].kind == TUI_ROW_FIELD && tui_width(x->label) > lw)
			lw = tui_width(x->label);
		if (rows[i].field == f->cur) {
			if (first == 0 && (i == 0 || rows[i - 1].field != f->cur))
				first = i;
			last = i;
		}
	}
	if (lw > t->cols / 3)
		lw = t->cols / 3;
	vx = 2 + lw + 2;
	fh = (int)n + 1 < h ? (int)n + 1 : h;
	y0 = h - fh;
	avail = fh - 1;
	/* the field in focus in view, with its question and its note */
	if (first < f->top)
		f->top = first;
	if (last >= f->top + (size_t)avail)
		f->top = last - (size_t)avail + 1;
	if (f->top + (size_t)avail > n)
		f->top = n > (size_t)avail ? n - (size_t)avail : 0;
	tui_overlay_clear(t, y0, h);
	snprintf(title, sizeof title, " %s%s", f->title,
	         f->top + (size_t)avail < n ? "  (more below)" : f->top > 0 ? "  (more above)" : "");
	text_visible(title, t->vis, TUI_VIS_MAX);
	tui_put(t, t->body, y0, 0, t->vis, t->cols, TUI_LEFT, tui_style(t, TUI_S_BAR));
	for (i = f->top, y = y0 + 1; i < n && y < h; i++, y++) {
		const struct tui_field *x = &f->f[rows[i].field];
		bool focus = rows[i].field == f->cur;
		const char *s;

		switch (rows[i].kind) {
		case TUI_ROW_QUESTION:
			tui_put(t, t->body, y, 2, x->question, t->cols - 2, TUI_LEFT,
			        focus ? A_BOLD : A_NORMAL);
			break;
		case TUI_ROW_NOTE:
			text_visible(x->note, t->vis, TUI_VIS_MAX);
			tui_put(t, t->body, y, vx, t->vis, t->cols - vx, TUI_LEFT,
			        tui_style(t, x->note_style));
			break;
		default:
			if (focus)
				tui_put(t, t->body, y, 0, ">", 1, TUI_LEFT, A_BOLD);
			tui_put(t, t->body, y, 2, x->label, lw, TUI_LEFT, focus ? A_BOLD : A_NORMAL);
			if (vx >= t->cols - 2)
				break;
			if (x->type == TUI_F_CHOICE) {
				snprintf(title, sizeof title, focus ? "< %s >" : "%s", x->choices[x->choice]);
				tui_put(t, t->body, y, vx, title, t->cols - vx, TUI_LEFT,
				        focus ? A_BOLD : A_NORMAL);
				break;
			}
			text_visible(x->buf, t->vis, TUI_VIS_MAX);
			s = t->vis;
			if (focus) {
				int room = t->cols - vx - 1;

				/* the end of a long text, where the typing is */
				if (tui_width(s) > room)
					s = tui_tail(s, room);
				tui_put(t, t->body, y, vx, s, room, TUI_LEFT, A_NORMAL);
				f->cy = y;
				f->cx = vx + tui_width(s);
			} else if (*s == '\0') {
				tui_put(t, t->body, y, vx, x->optional && !x->bad ? "(optional)" : "(needed)",
				        t->cols - vx, TUI_LEFT, tui_style(t, TUI_S_DIM));
			} else
				tui_put(t, t->body, y, vx, s, t->cols - vx, TUI_LEFT, A_NORMAL);
		}
	}
}

/* --- running ------------------------------------------------------------------- */

static void
tui_form_move(struct tui_form *f, int dir)
{
	size_t i = f->cur;

	for (;;) {
		if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= f->n))
			return;
		i = dir < 0 ? i - 1 : i + 1;
		if (!f->f[i].hidden) {
			f->cur = i;
			return;
		}
	}
}

/* The visible field after the one in focus, or -1. */
static int
tui_form_next(const struct tui_form *f)
{
	size_t i;

	for (i = f->cur + 1; i < f->n; i++)
		if (!f->f[i].hidden)
			return (int)i;
	return -1;
}

/* A typed letter picks the next answer that starts with it. */
static void
tui_form_pick(struct tui_field *x, wint_t wc)
{
	int i, k;

	for (i = 1; i <= x->nchoices; i++) {
		k = (x->choice + i) % x->nchoices;
		if ((wint_t)towlower((wint_t)(unsigned char)x->choices[k][0]) == towlower(wc)) {
			x->choice = k;
			return;
		}
	}
}

/* Esc on a form: with text, asks keep or discard.  0 left (kept or
 * discarded), 1 back to the form, -1 the client must stop. */
static int tui_form_leave(struct tui *t, struct tui_form *f);

int
tui_form_run(struct tui *t, struct tui_form *f)
{
	struct tui_form *outer = t->form;
	const struct tui_key *k;
	struct tui_field *x;
	wint_t wc;
	int key, r = -1, bad;

	t->form = f;
	tui_form_check(t, f);
	if (f->f[f->cur].hidden)
		tui_form_move(f, 1);
	while (!tui_stopping()) {
		if (!tui_modal_read(t, &key, &wc))
			continue;
		x = &f->f[f->cur];
		/* a key refused stays said while the typing goes on */
		if (!t->refused || (key != TUI_KEY_WIDE && (key < 32 || key >= 127)))
			t->message[0] = '\0', t->refused = false;
		if (key == TUI_KEY_WIDE || (key > 32 && key < 127) ||
		    (key == ' ' && x->type != TUI_F_CHOICE)) {
			if (x->type == TUI_F_CHOICE)
				tui_form_pick(x, wc);
			else
				tui_input_type(t, x->buf, x->max, wc);
			tui_form_check(t, f);
			continue;
		}
		if ((k = tui_key_find(t, TUI_CTX_FORM, key)) == NULL)
			continue;
		switch (k->action) {
		case TUI_A_FORM_ENTER:
			if (tui_form_next(f) >= 0) {
				tui_form_move(f, 1);
				break;
			}
			if ((bad = tui_form_check(t, f)) >= 0) {
				f->cur = (size_t)bad;
				tui_message(t, true, "%s", f->f[bad].why[0] ? f->f[bad].why : "not complete");
				break;
			}
			r = 1;
			goto out;
		case TUI_A_FORM_NEXT:
			tui_form_move(f, 1);
			break;
		case TUI_A_FORM_PREV:
			tui_form_move(f, -1);
			break;
		case TUI_A_FORM_CHANGE:
			if (x->type == TUI_F_CHOICE)
				x->choice = (x->choice + (key == KEY_LEFT ? x->nchoices - 1 : 1)) % x->nchoices;
			break;
		case TUI_A_FORM_CANCEL:
			/* with text: keep it as a draft, or discard it */
			if ((r = tui_form_leave(t, f)) == 0)
				goto out;
			r = -1;
			break;
		default:
			(void)tui_input_edit(x->type != TUI_F_CHOICE ? x->buf : NULL, k->action);
			break;
		}
		tui_form_check(t, f);
	}
	/* the client is stopping: what was typed becomes a draft */
	(void)tui_form_keep(t, f);
out:
	t->form = outer;
	return r;
}

/* --- kept text and drafts ------------------------------------------------------- */

/* The fields changed from their defaults, every date and every choice, one
 * "name=value" line each (typed text holds no line breaks); those that do
 * not fit in n are left out.  A choice is kept even at its default, since a
 * default can follow the case (a recommendation's "Made at" becomes the
 * Ombudsman's once its decision is recorded): the draft holds what was
 * shown, not what the form would choose when taken up. */
static void
tui_form_serialize(const struct tui_form *f, char *out, size_t n)
{
	size_t i, len = 0, add;
	const char *v;

	out[0] = '\0';
	for (i = 0; i < f->n; i++) {
		const struct tui_field *x = &f->f[i];

		if (x->type == TUI_F_DATE ? x->buf[0] == '\0'
		    : x->type != TUI_F_CHOICE && strcmp(x->buf, x->def) == 0)
			continue;
		v = x->type == TUI_F_CHOICE ? x->choices[x->choice] : x->buf;
		add = strlen(x->name) + strlen(v) + 2;
		if (len + add >= n)
			continue;
		len += (size_t)snprintf(out + len, n - len, "%s=%s\n", x->name, v);
	}
}

/* The opposite, over the defaults; unknown names and answers are skipped. */
static void
tui_form_deserialize(struct tui_form *f, const char *in)
{
	const char *line, *eq, *end;
	size_t nlen, vlen, i;
	int c;

	for (line = in; *line != '\0'; line = *end ? end + 1 : end) {
		if ((end = strchr(line, '\n')) == NULL)
			end = line + strlen(line);
		if ((eq = memchr(line, '=', (size_t)(end - line))) == NULL)
			continue;
		nlen = (size_t)(eq - line);
		vlen = (size_t)(end - eq - 1);
		for (i = 0; i < f->n; i++) {
			struct tui_field *x = &f->f[i];

			if (strlen(x->name) != nlen || strncmp(x->name, line, nlen) != 0)
				continue;
			if (x->type == TUI_F_CHOICE) {
				for (c = 0; c < x->nchoices; c++)
					if (strlen(x->choices[c]) == vlen &&
					    strncmp(x->choices[c], eq + 1, vlen) == 0)
						x->choice = c;
			} else {
				if (vlen >= x->max)
					vlen = x->max - 1;
				/* never half a character */
				while (vlen > 0 && ((unsigned char)eq[1 + vlen] & 0xc0) == 0x80 &&
				       eq + 1 + vlen < end)
					vlen--;
				memcpy(x->buf, eq + 1, vlen);
				x->buf[vlen] = '\0';
			}
		}
	}
}

/* Whether any field differs from its default: text worth a draft. */
static bool
tui_form_changed(const struct tui_form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct tui_field *x = &f->f[i];

		if (x->type == TUI_F_CHOICE ? x->choice != x->def_choice : strcmp(x->buf, x->def) != 0)
			return true;
	}
	return false;
}

/* Every field back to its default. */
static void
tui_form_reset(struct tui_form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		struct tui_field *x = &f->f[i];

		if (x->type == TUI_F_CHOICE)
			x->choice = x->def_choice;
		else
			memcpy(x->buf, x->def, x->max);
	}
}

/* "14:02" for a draft kept today, else "2026-11-19 14:02", from the draft's
 * first line; "" when it has none. */
static void
tui_draft_when(struct tui *t, const char *in, char *out, size_t n)
{
	char today[DATE_STRLEN];
	size_t len;
	const char *end;

	out[0] = '\0';
	if (strncmp(in, TUI_DRAFT_WHEN "=", sizeof TUI_DRAFT_WHEN) != 0)
		return;
	in += sizeof TUI_DRAFT_WHEN;
	end = strchr(in, '\n');
	len = end != NULL ? (size_t)(end - in) : strlen(in);
	date_format(t->today, today);
	if (len > DATE_STRLEN && strncmp(in, today, DATE_STRLEN - 1) == 0) {
		in += DATE_STRLEN;
		len -= DATE_STRLEN;
	}
	snprintf(out, n, "%.*s", (int)len, in);
}

/* The draft of the form as it stands: when it was kept, then the fields
 * changed from their defaults and every date typed (a received date stays
 * the day typed, not the day the draft is taken up). */
static void
tui_draft_text(struct tui *t, const struct tui_form *f, char *out, size_t n)
{
	char today[DATE_STRLEN];
	struct tm tm;
	time_t now = time(NULL);
	size_t len;

	localtime_r(&now, &tm);
	len = (size_t)snprintf(out, n, "%s=%s %02d:%02d\n", TUI_DRAFT_WHEN,
	                       date_format(t->today, today), tm.tm_hour, tm.tm_min);
	if (len < n)
		tui_form_serialize(f, out + len, n - len);
}

/* Saves the form as the person's draft: 0, or -1 with the reason shown. */
static int
tui_draft_save(struct tui *t, struct tui_form *f)
{
	struct err err;
	char *buf;
	int rc;

	if (book_readonly(t->b) || !book_has_key(t->b)) {
		tui_message(t, true, "not kept: drafts are sealed, and this session cannot seal");
		return -1;
	}
	if ((buf = book_secret_alloc(BOOK_TEXT_MAX)) == NULL) {
		tui_message(t, true, "not kept: out of memory");
		return -1;
	}
	tui_draft_text(t, f, buf, BOOK_TEXT_MAX);
	rc = book_draft_save(t->b, f->key, buf, &err);
	book_secret_free(buf, BOOK_TEXT_MAX);
	if (rc != 0) {
		tui_message(t, true, "not kept: %s", err.msg);
		return -1;
	}
	f->drafted = true;
	f->other[0] = '\0';
	snprintf(t->kept_key, sizeof t->kept_key, "%s", f->key);
	return 0;
}

/* Drops the form's draft, if it has one in the book. */
static void
tui_draft_drop(struct tui *t, struct tui_form *f)
{
	struct err err;

	if (strcmp(t->kept_key, f->key) == 0)
		t->kept_key[0] = '\0';
	if (f->drafted)
		(void)book_draft_drop(t->b, f->key, &err);
	f->drafted = false;
}

int
tui_form_keep(struct tui *t, struct tui_form *f)
{
	if (f->key[0] == '\0')
		return 0;
	if (!tui_form_changed(f)) {
		/* emptied: nothing to keep, and no draft to offer either */
		tui_draft_drop(t, f);
		return 0;
	}
	return tui_draft_save(t, f);
}

static int
tui_form_leave(struct tui *t, struct tui_form *f)
{
	char prompt[256];
	int k;

	if (f->key[0] == '\0' || !tui_form_changed(f))
		return tui_form_keep(t, f) == 0 ? 0 : 1;
	if (f->other[0] != '\0')
		snprintf(prompt, sizeof prompt, "Keep it, over the draft from %s? k keep, d discard, "
		         "Esc back to the form", f->other);
	else
		snprintf(prompt, sizeof prompt, "Keep what you typed? k keep as a draft, d discard, "
		         "Esc back to the form");
	k = tui_ask(t, prompt, "kd");
	if (k < 0)
		return -1;
	if (k == 'd') {
		if (f->drafted)
			tui_draft_drop(t, f);
		tui_message(t, false, "cancelled; what you typed is discarded");
		return 0;
	}
	if (k == 'k' && tui_draft_save(t, f) == 0)
		return 0;
	return 1;
}

int
tui_form_resume(struct tui *t, struct tui_form *f)
{
	struct tui_form *outer = t->form;
	struct err err;
	char *buf, prompt[256], when[32];
	bool found;
	int rc, k;

	f->drafted = false;
	f->other[0] = '\0';
	if (f->key[0] == '\0' || !book_has_key(t->b) ||
	    (buf = book_secret_alloc(BOOK_TEXT_MAX)) == NULL)
		return 0;
	rc = book_draft_load(t->b, f->key, buf, BOOK_TEXT_MAX, &found, &err);
	if (rc != 0)
		tui_message(t, true, "your draft cannot be read: %s", err.msg);
	if (rc != 0 || !found || buf[0] == '\0') {
		book_secret_free(buf, BOOK_TEXT_MAX);
		return 0;
	}
	tui_draft_when(t, buf, when, sizeof when);
	/* the draft shown in the form, taken up only when chosen: never
	 * mixed with what is typed next */
	tui_form_deserialize(f, buf);
	book_secret_free(buf, BOOK_TEXT_MAX);
	tui_form_check(t, f);
	snprintf(prompt, sizeof prompt, "Draft of this form kept%s%s: r restore, d discard, "
	         "Enter start afresh", when[0] ? " at " : "", when);
	t->form = f;
	k = tui_ask(t, prompt, "rd\n");
	t->form = outer;
	if (k == 'r') {
		f->drafted = true;
		tui_message(t, false, "draft restored");
		return 0;
	}
	tui_form_reset(f);
	if (k == 'd') {
		f->drafted = true;
		tui_draft_drop(t, f);
		tui_message(t, false, "draft discarded");
	} else if (k >= 0) {
		snprintf(f->other, sizeof f->other, "%s", when[0] ? when : "before");
		tui_message(t, false, k == 27 ? "the draft stays for later"
		                              : "started afresh; the draft stays for later");
	}
	return k < 0 ? -1 : k == 27 ? 1 : 0;
}

void
tui_form_done(struct tui *t, struct tui_form *f)
{
	if (f->key[0] == '\0')
		return;
	tui_draft_drop(t, f);
}

void
tui_drafts_save(struct tui *t)
{
	if (t->form != NULL && t->form->key[0] != '\0' && tui_form_changed(t->form))
		(void)tui_draft_save(t, t->form);
}

bool
tui_may_quit(struct tui *t)
{
	struct err err;
	char names[256], prompt[400];
	size_t n;

	if (!book_enrolled(t->b) || book_draft_list(t->b, names, sizeof names, &n, &err) != 0 ||
	    n == 0)
		return true;
	snprintf(prompt, sizeof prompt, "%zu draft%s kept for next time: q quit, Esc stay; %s", n,
	         n == 1 ? "" : "s", names);
	return tui_ask(t, prompt, "qy") != 27;
}

/* --- the menu -------------------------------------------------------------------- */

static bool
tui_menu_match(const struct tui_menu *m, size_t i)
{
	/* "north" narrows to "North CIN" */
	return strncasecmp(m->names[i], m->filter, strlen(m->filter)) == 0;
}

/* The index of the sel-th item that matches, or -1. */
static int
tui_menu_item(const struct tui_menu *m, size_t sel)
{
	size_t i, k = 0;

	for (i = 0; i < m->n; i++)
		if (tui_menu_match(m, i) && k++ == sel)
			return (int)i;
	return -1;
}

static size_t
tui_menu_count(const struct tui_menu *m)
{
	size_t i, k = 0;

	for (i = 0; i < m->n; i++)
		k += tui_menu_match(m, i);
	return k;
}

/* After the filter changed: the selection on the item named whole by the
 * filter, if any, else the first match; not yet chosen. */
static void
tui_menu_filtered(struct tui_menu *m)
{
	size_t i, k = 0;

	m->sel = 0;
	m->moved = false;
	for (i = 0; i < m->n; i++)
		if (tui_menu_match(m, i)) {
			if (strcasecmp(m->names[i], m->filter) == 0)
				m->sel = k;
			k++;
		}
}

/* Whether the selection is a choice the person made: the only item left,
 * the one whose whole name was typed, or one moved to with the arrows.
 * Type-to-narrow never chooses among several. */
static bool
tui_menu_chosen(const struct tui_menu *m)
{
	int k = tui_menu_item(m, m->sel);

	return k >= 0 && (m->moved || tui_menu_count(m) == 1 ||
	                  (m->filter[0] != '\0' && strcasecmp(m->names[k], m->filter) == 0));
}

void
tui_menu_draw(struct tui *t)
{
	const struct tui_menu *m = t->menu;
	size_t n = tui_menu_count(m), i, top = 0, shown;
	/* a row for the title, and at least one for the items or their absence */
	int want = (n > 0 ? (int)n : 1) + 1, h = tui_body_rows(t), fh = want < h ? want : h;
	int y0 = h - fh, y, nw = 20;
	char title[256];

	tui_overlay_clear(t, y0, h);
	shown = (size_t)(fh - 1);
	if (m->sel >= top + shown && shown > 0)
		top = m->sel - shown + 1;
	snprintf(title, sizeof title, " %s", m->title);
	tui_put(t, t->body, y0, 0, title, t->cols, TUI_LEFT, tui_style(t, TUI_S_BAR));
	if (n == 0 && y0 + 1 < h)
		tui_put(t, t->body, y0 + 1, 2, m->n == 0 ? "none" : "nothing starts with that",
		        t->cols - 2, TUI_LEFT, tui_style(t, TUI_S_DIM));
	for (i = top, y = y0 + 1; i < n && y < h; i++, y++) {
		int k = tui_menu_item(m, i);
		bool on = i == m->sel && tui_menu_chosen(m);
		attr_t a = on ? A_REVERSE : A_NORMAL;

		if (on) {
			mvwchgat(t->body, y, 0, -1, A_REVERSE, 0, NULL);
			/* a marker as well as reverse video, and the cursor on it */
			tui_put(t, t->body, y, 0, ">", 1, TUI_LEFT, a);
			t->cy = y;
			t->cx = 0;
			t->focus_menu = true;
		}
		tui_put(t, t->body, y, 2, m->names[k], nw, TUI_LEFT, a | A_BOLD);
		if (m->help != NULL && t->cols > nw + 4)
			tui_put(t, t->body, y, 3 + nw, m->help[k], t->cols - 3 - nw, TUI_LEFT, a);
	}
}

int
tui_menu_run(struct tui *t, struct tui_menu *m)
{
	static const char dflt[] = "Type to narrow, Enter to choose: ";
	struct tui_input in = { dflt, m->filter, sizeof m->filter, false };
	char why[128];
	struct tui_input *outer = t->input;
	const struct tui_key *k;
	wint_t wc;
	int key, r = -2, item;

	t->menu = m;
	t->input = &in;
	while (!tui_stopping()) {
		if (!tui_modal_read(t, &key, &wc))
			continue;
		t->message[0] = '\0';
		in.prompt = dflt;
		/* a blank is text once a name is begun: "north cin" */
		if ((key > 32 && key < 127) || (key == ' ' && m->filter[0] != '\0')) {
			(void)tui_input_add(m->filter, sizeof m->filter, wc);
			tui_menu_filtered(m);
			continue;
		}
		if ((k = tui_key_find(t, TUI_CTX_FORM, key)) == NULL)
			continue;
		switch (k->action) {
		case TUI_A_FORM_ENTER:
			if ((item = tui_menu_item(m, m->sel)) >= 0 && tui_menu_chosen(m)) {
				r = item;
				goto out;
			}
			/* the prompt says why nothing was chosen, until the next key */
			if (item >= 0 && m->filter[0] != '\0')
				snprintf(why, sizeof why, "%zu start with that: type more, or choose with "
				         "the arrows: ", tui_menu_count(m));
			else
				snprintf(why, sizeof why, "Type a name, or choose with the arrows: ");
			in.prompt = why;
			break;
		case TUI_A_FORM_CANCEL:
			r = -1;
			goto out;
		case TUI_A_FORM_NEXT:
			if (tui_menu_chosen(m) && m->sel + 1 < tui_menu_count(m))
				m->sel++;
			m->moved = true;
			break;
		case TUI_A_FORM_PREV:
			if (tui_menu_chosen(m) && m->sel > 0)
				m->sel--;
			m->moved = true;
			break;
		default:
			if (tui_input_edit(m->filter, k->action))
				tui_menu_filtered(m);
			break;
		}
	}
out:
	t->input = outer;
	t->menu = NULL;
	return r;
}
