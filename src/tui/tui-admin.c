/* tui-admin.c - the admin screen: the book's users and their roles (and a
 * form to grant one), the profile's rules with the clock and source of
 * each, and this year's holidays.  Read-only but for the grant. */
#include <stdlib.h>
#include <string.h>

#include "redress/holiday.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "tui-int.h"

static void tui_admin_add(struct tui *t, enum tui_style s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends a line, made safe to show. */
static void
tui_admin_add(struct tui *t, enum tui_style s, const char *fmt, ...)
{
	struct tui_admin *A = &t->admin;
	const char *line;
	va_list ap;

	if (A->n == A->cap) {
		size_t cap = A->cap ? A->cap * 2 : 128;
		const char **l = realloc(A->lines, cap * sizeof *l);
		unsigned char *st;

		if (l == NULL)
			return;
		A->lines = l;
		if ((st = realloc(A->styles, cap)) == NULL)
			return;
		A->styles = st;
		A->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->fmt, TUI_FMT_MAX, fmt, ap);
	va_end(ap);
	if ((line = tui_arena_visible(&A->arena, t->fmt, t->vis)) == NULL)
		return;
	A->lines[A->n] = line;
	A->styles[A->n++] = (unsigned char)s;
}

static int
tui_admin_user(const struct book_user *u, void *ctx)
{
	struct tui *t = ctx;
	char when[DATE_STRLEN] = "-", since[DATE_STRLEN] = "-";

	if (u->granted_at != 0)
		date_format(date_from_unix_london((int64_t)u->granted_at), when);
	if (u->enrolled_at != 0)
		date_format(date_from_unix_london((int64_t)u->enrolled_at), since);
	/* a user waiting for a role says since when; the others, who granted it */
	tui_admin_add(t, u->revoked ? TUI_S_DIM : TUI_S_NORMAL, "  %-16s %-10s %-8s %-6u %s%s%s",
	              u->login, u->granted ? role_name(u->role) : "-",
	              u->revoked ? "revoked" : u->granted ? "granted" : "waiting",
	              (unsigned)u->key_id, u->granted ? when : "enrolled ",
	              u->granted ? " by " : since, u->granted ? u->granted_by : "");
	return 0;
}

/* "20 working days from stage1_requested", and the extension if any. */
static void
tui_admin_clock(const struct rule *r, char *buf, size_t n)
{
	int len, a = r->amount < 0 ? -r->amount : r->amount;

	len = snprintf(buf, n, "%d %s %s %s", a, unit_words(a, r->unit),
	               r->amount < 0 ? "before" : "from", event_name(r->from));
	if (r->extend_on != EV_NONE && len > 0 && (size_t)len < n)
		snprintf(buf + len, n - (size_t)len, " (%d once extended)", r->extend_amount);
}

void
tui_admin_load(struct tui *t)
{
	struct tui_admin *A = &t->admin;
	const struct profile *p;
	const struct calendar *cal;
	struct holiday *days = NULL;
	struct err err;
	char clock[160], when[64];
	size_t i, nd;
	int year = date_year(t->today);

	tui_arena_free(&A->arena);
	A->n = 0;
	tui_admin_add(t, TUI_S_HEAD, "users and roles");
	tui_admin_add(t, TUI_S_DIM, "  %-16s %-10s %-8s %-6s %s", "LOGIN", "ROLE", "STATE", "KEY",
	              "GRANTED");
	if (book_user_list(t->b, tui_admin_user, t, &err) != 0)
		tui_admin_add(t, TUI_S_ERROR, "  %s", err.msg);
	if (book_profile(t->b, &p, &cal, &err) != 0) {
		tui_admin_add(t, TUI_S_ERROR, "the profile: %s", err.msg);
		return;
	}
	tui_admin_add(t, TUI_S_NORMAL, "%s", "");
	tui_admin_add(t, TUI_S_HEAD, "the profile %s: %s (%zu rules)", p->name, p->title, p->nrules);
	tui_admin_add(t, TUI_S_DIM, "  %-24s %s", "RULE", "CLOCK, and below it the source");
	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];
		const struct profile_source *src = profile_source(p, r->source);

		tui_admin_clock(r, clock, sizeof clock);
		tui_admin_add(t, TUI_S_NORMAL, "  %-24s %s", r->key, clock);
		tui_admin_add(t, TUI_S_DIM, "      %s%s%s: %s", r->pinpoint, r->pinpoint[0] ? ", " : "",
		              basis_name(r->basis), src != NULL ? src->text : r->source);
	}
	tui_admin_add(t, TUI_S_NORMAL, "%s", "");
	tui_admin_add(t, TUI_S_HEAD, "holidays in %d (%s)", year, cal->id);
	if ((days = calloc(HOLIDAY_PER_YEAR_MAX, sizeof *days)) == NULL) {
		tui_admin_add(t, TUI_S_ERROR, "  out of memory");
		return;
	}
	nd = calendar_year(cal, year, days, HOLIDAY_PER_YEAR_MAX);
	for (i = 0; i < nd && i < HOLIDAY_PER_YEAR_MAX; i++)
		tui_admin_add(t, TUI_S_NORMAL, "  %-26s %s%s",
		              date_format_long(days[i].date, when, sizeof when), days[i].name,
		              days[i].projected ? " (projected by rule)" : "");
	if (nd == 0)
		tui_admin_add(t, TUI_S_DIM, "  none");
	free(days);
}

void
tui_admin_free(struct tui *t)
{
	struct tui_admin *A = &t->admin;

	tui_arena_free(&A->arena);
	free(A->lines);
	free(A->styles);
	memset(A, 0, sizeof *A);
}

void
tui_admin_open(struct tui *t)
{
	enum role r = book_role(t->b);

	if (r != ROLE_ADMIN) {
		tui_message(t, true, "only an admin can open the admin screen (%s is %s)", t->login,
		            r == ROLE_NONE ? "not granted a role" : role_name(r));
		return;
	}
	tui_admin_load(t);
	t->admin.top = 0;
	t->back = t->screen;
	t->screen = &tui_admin_screen;
}

/* --- granting --------------------------------------------------------------------- */

static const char *const tui_grant_roles[] = { "auditor", "caseworker", "manager", "admin" };

static void
tui_admin_grant(struct tui *t)
{
	struct tui_form *f;
	struct tui_field *login, *role;
	struct err err;
	int r;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if ((f = tui_form_new("Grant a role: the user enrols first (redress user enrol)", 128)) ==
	    NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	login = tui_form_text(f, "login", "Login", 64, false, NULL);
	role = tui_form_choice(f, "role", "Role", tui_grant_roles, 4, 1);
	while ((r = tui_form_run(t, f)) == 1) {
		if (book_user_grant(t->b, text_trim(login->buf), role_lookup(role->choices[role->choice]),
		                    &err) != 0) {
			tui_message(t, true, "not granted: %s", err.msg);
			continue;
		}
		t->seen_commit = book_last_commit(t->b);
		tui_admin_load(t);
		tui_message(t, false, "%s is now %s", login->buf, role->choices[role->choice]);
		break;
	}
	tui_form_free(&f);
}

/* --- the screen ------------------------------------------------------------------- */

static void
tui_admin_draw(struct tui *t)
{
	struct tui_admin *A = &t->admin;
	int h = tui_body_rows(t), i;

	if (A->n <= (size_t)h)
		A->top = 0;
	else if (A->top > A->n - (size_t)h)
		A->top = A->n - (size_t)h;
	for (i = 0; i < h && A->top + (size_t)i < A->n; i++)
		tui_put(t, t->body, i, 0, A->lines[A->top + (size_t)i], t->cols, TUI_LEFT,
		        tui_style(t, (enum tui_style)A->styles[A->top + (size_t)i]));
}

static void
tui_admin_key(struct tui *t, enum tui_action a)
{
	struct tui_admin *A = &t->admin;
	size_t h = (size_t)tui_body_rows(t), max = A->n > h ? A->n - h : 0;

	switch (a) {
	case TUI_A_BACK:
		tui_admin_free(t);
		t->screen = &tui_list_screen;
		break;
	case TUI_A_GRANT:
		tui_admin_grant(t);
		break;
	default:
		tui_scroll(&A->top, max, h, a);
		break;
	}
}

static void
tui_admin_title(struct tui *t, char *buf, size_t n)
{
	(void)t;
	snprintf(buf, n, "admin: users and roles, the profile, holidays");
}

const struct tui_screen tui_admin_screen = {
	.name = "admin",
	.ctx = TUI_CTX_ADMIN,
	.draw = tui_admin_draw,
	.key = tui_admin_key,
	.title = tui_admin_title,
};
