/* tui-admin.c - the admin screen: the book's users and their roles, the
 * profile's rules with the clock and source of each, and this year's
 * holidays; and an admin's work under ForceCommand: grant, change role and
 * revoke (each confirmed in words naming the user and the role), rekey,
 * a backup and a snapshot into the configured backups directory, and
 * retention (what is due shown first, then erased when confirmed).  The
 * same book calls, roles and audit entries as the CLI's. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "redress/buf.h"
#include "redress/book-versions.h"
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
		size_t lcap = A->cap, scap = A->cap;

		if (buf_grow(&A->lines, &lcap, A->n + 1, sizeof *A->lines) != 0 ||
		    buf_grow(&A->styles, &scap, A->n + 1, sizeof *A->styles) != 0)
			return;
		A->cap = lcap;
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

/* The book's calendar and profile versions, with who made each and when. */
static void
tui_admin_versions(struct tui *t)
{
	enum { MAX_VERSIONS = 4096 }; /* as `holidays versions` lists */
	struct book_version *v;
	struct err err;
	char when[64];
	size_t i, n;

	tui_admin_add(t, TUI_S_NORMAL, "%s", "");
	tui_admin_add(t, TUI_S_HEAD, "the book's versions (H adds a holiday, I imports a file, U "
	              "updates the profile)");
	if ((v = calloc(MAX_VERSIONS, sizeof *v)) == NULL) {
		tui_admin_add(t, TUI_S_ERROR, "  %s", "out of memory");
		return;
	}
	if (book_versions(t->b, v, MAX_VERSIONS, &n, &err) != 0) {
		tui_admin_add(t, TUI_S_ERROR, "  %s", err.msg);
		free(v);
		return;
	}
	for (i = 0; i < n && i < MAX_VERSIONS; i++) {
		date_format_london_time((int64_t)v[i].at, when, sizeof when);
		tui_admin_add(t, TUI_S_NORMAL, "  %-8s %-3u %-24s by %-12s %s",
		              v[i].what == 'c' ? "calendar" : "profile", v[i].version, v[i].name,
		              v[i].by, when);
		if (v[i].note[0] != '\0')
			tui_admin_add(t, TUI_S_DIM, "      %s", v[i].note);
	}
	free(v);
}

static void
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
	tui_admin_versions(t);
}

static void
tui_admin_free(struct tui *t)
{
	struct tui_admin *A = &t->admin;

	tui_arena_free(&A->arena);
	free(A->lines);
	free(A->styles);
	memset(A, 0, sizeof *A);
}

static void
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

/* --- users: grant, role, revoke ----------------------------------------------------- */

/* The book's users, read in one short transaction. */
struct tui_users {
	struct book_user u[TUI_PICK_MAX];
	size_t n;
};

static int
tui_users_each(const struct book_user *u, void *ctx)
{
	struct tui_users *U = ctx;

	if (U->n < TUI_PICK_MAX)
		U->u[U->n++] = *u;
	return 0;
}

static const struct book_user *
tui_users_find(const struct tui_users *U, const char *login)
{
	size_t i;

	for (i = 0; i < U->n; i++)
		if (strcmp(U->u[i].login, login) == 0)
			return &U->u[i];
	return NULL;
}

/* Asks y/n with the question in words; true only for y. */
static bool
tui_admin_confirm(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
tui_admin_confirm(struct tui *t, const char *fmt, ...)
{
	char q[512], vis[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	text_visible(q, vis, sizeof vis);
	return tui_ask(t, vis, "yn") == 'y';
}

/* Grants or changes role after a confirmation that names both: 0 done,
 * 1 not confirmed, -1 refused. */
static int
tui_admin_set_role(struct tui *t, const struct book_user *u, enum role role)
{
	struct err err;
	bool change = u->granted && !u->revoked;

	if (change && u->role == role) {
		tui_message(t, true, "%s is already %s: nothing changed", u->login, role_name(role));
		return -1;
	}
	if (change ? !tui_admin_confirm(t, "Change %s from %s to %s? y/n ", u->login,
	                                role_name(u->role), role_name(role))
	           : !tui_admin_confirm(t, "Grant %s the role %s? y/n ", u->login, role_name(role))) {
		tui_message(t, false, "nothing changed");
		return 1;
	}
	if (book_user_grant(t->b, u->login, role, &err) != 0) {
		tui_message(t, true, "not granted: %s", err.msg);
		return -1;
	}
	tui_admin_load(t);
	tui_message(t, false, "%s is now %s", u->login, role_name(role));
	return 0;
}

static void
tui_admin_grant(struct tui *t)
{
	struct tui_form *f;
	struct tui_field *login, *role;
	struct tui_users U;
	const struct book_user *u;
	const char *roles[ROLE_ADMIN];
	struct err err;
	int r;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	vocab_names(VOCAB_USER_ROLE, ROLE_AUDITOR, roles, ROLE_ADMIN);
	if ((f = tui_form_new("Grant a role to a user who has enrolled (at their first login)",
	                      128)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	login = tui_form_text(f, "login", "Login", 64, false, NULL);
	role = tui_form_choice(f, "role", "Role", roles, ROLE_ADMIN, 1);
	while ((r = tui_form_run(t, f)) == 1) {
		U.n = 0;
		if (book_user_list(t->b, tui_users_each, &U, &err) != 0) {
			tui_message(t, true, "not granted: %s", err.msg);
			continue;
		}
		if ((u = tui_users_find(&U, text_trim(login->buf))) == NULL) {
			tui_message(t, true, "not granted: %s is not enrolled in this book (they enrol at "
			            "their first login)", text_trim(login->buf));
			continue;
		}
		if (tui_admin_set_role(t, u, (enum role)role_lookup(role->choices[role->choice])) != 0)
			continue;
		break;
	}
	tui_form_free(&f);
}

/* Picks one of the users that pass keep: its index in U, -1 none. */
static int
tui_admin_pick(struct tui *t, const char *title, struct tui_users *U,
               bool (*keep)(const struct tui *t, const struct book_user *u))
{
	const char *names[TUI_PICK_MAX], *help[TUI_PICK_MAX];
	char labels[TUI_PICK_MAX][80], logins[TUI_PICK_MAX][256];
	size_t idx[TUI_PICK_MAX], n = 0, i;
	struct tui_menu m;
	struct err err;
	int k;

	U->n = 0;
	if (book_user_list(t->b, tui_users_each, U, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return -1;
	}
	for (i = 0; i < U->n; i++) {
		const struct book_user *u = &U->u[i];

		if (!keep(t, u))
			continue;
		snprintf(labels[n], sizeof labels[n], "%s", u->granted && !u->revoked ?
		         role_name(u->role) : u->revoked ? "revoked" : "enrolled, no role yet");
		text_visible(u->login, logins[n], sizeof logins[n]);
		names[n] = logins[n];
		help[n] = labels[n];
		idx[n++] = i;
	}
	if (n == 0) {
		tui_message(t, true, "no user to choose");
		return -1;
	}
	memset(&m, 0, sizeof m);
	m.title = title;
	m.names = names;
	m.help = help;
	m.n = n;
	k = tui_menu_run(t, &m);
	return k >= 0 ? (int)idx[k] : -1;
}

static bool
tui_admin_granted(const struct tui *t, const struct book_user *u)
{
	return u->granted && !u->revoked && strcmp(u->login, book_login(t->b)) != 0;
}

/* A role by its number: no letter to stand for two of them. */
static int
tui_admin_role_ask(struct tui *t, const char *login)
{
	char q[256], vis[512];
	size_t n;
	int k;

	n = (size_t)snprintf(q, sizeof q, "New role for %s:", login);
	for (k = ROLE_AUDITOR; k <= ROLE_ADMIN && n < sizeof q; k++)
		n += (size_t)snprintf(q + n, sizeof q - n, "%s %d %s", k > ROLE_AUDITOR ? "," : "",
		                      k, role_name((enum role)k));
	if (n < sizeof q)
		snprintf(q + n, sizeof q - n, " (Esc: none) ");
	text_visible(q, vis, sizeof vis);
	k = tui_ask(t, vis, "1234");
	return k >= '1' && k <= '4' ? ROLE_AUDITOR + (k - '1') : -1;
}

static void
tui_admin_role(struct tui *t)
{
	struct tui_users U;
	int i, role;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if ((i = tui_admin_pick(t, "Change whose role?", &U, tui_admin_granted)) < 0)
		return;
	if ((role = tui_admin_role_ask(t, U.u[i].login)) < 0) {
		tui_message(t, false, "nothing changed");
		return;
	}
	tui_admin_set_role(t, &U.u[i], (enum role)role);
}

static void
tui_admin_revoke(struct tui *t)
{
	struct tui_users U;
	struct err err;
	int i;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if ((i = tui_admin_pick(t, "Revoke whom?", &U, tui_admin_granted)) < 0)
		return;
	if (!tui_admin_confirm(t, "Revoke %s (%s)? They lose access and the data key is rotated. "
	                       "y/n ", U.u[i].login, role_name(U.u[i].role))) {
		tui_message(t, false, "nothing changed");
		return;
	}
	tui_message(t, false, "revoking and rotating the data key...");
	tui_draw(t);
	if (book_user_revoke(t->b, U.u[i].login, &err) != 0) {
		tui_message(t, true, "not revoked: %s", err.msg);
		return;
	}
	tui_admin_load(t);
	tui_message(t, false, "revoked %s and rotated the data key; their old copies of it open "
	            "nothing new", U.u[i].login);
}

/* --- the book: rekey, backup, snapshot, retention ----------------------------------- */

static void
tui_admin_rekey(struct tui *t)
{
	struct book_info info;
	struct err err;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if (!tui_admin_confirm(t, "Rotate the data key and reseal every field? y/n ")) {
		tui_message(t, false, "nothing changed");
		return;
	}
	tui_message(t, false, "resealing...");
	tui_draw(t);
	if (book_rekey(t->b, &err) != 0) {
		tui_message(t, true, "not rekeyed: %s", err.msg);
		return;
	}
	tui_admin_load(t);
	if (book_info(t->b, &info, &err) == 0)
		tui_message(t, false, "data key %u now seals every field; take a new backup (B) and "
		            "destroy the old ones", (unsigned)info.key_id);
}

/* The calendar's day counts counted again from the deadlines index, as
 * `verify --recount` does: what the audit trail's verify (T) names as a
 * day whose count differs is put right. */
static void
tui_admin_recount(struct tui *t)
{
	struct err err;
	long changed;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if (!tui_admin_confirm(t, "Count every day of the calendar again from the deadlines "
	                          "index? y/n ")) {
		tui_message(t, false, "nothing changed");
		return;
	}
	if (book_due_days_recount(t->b, &changed, &err) != 0) {
		tui_message(t, true, "not recounted: %s", err.msg);
		return;
	}
	if (changed == 0) {
		tui_message(t, false, "the calendar's counts were right; nothing was written");
		return;
	}
	tui_message(t, false, "the counts of %ld day%s counted again from the deadlines index",
	            changed, changed == 1 ? "" : "s");
}

/* A backup or snapshot into a new directory of the configured one, named
 * by the time: never a path typed in the client. */
static void
tui_admin_copy(struct tui *t, bool snapshot)
{
	const char *what = snapshot ? "snapshot" : "backup";
	char dest[4200], stamp[32];
	struct tm tm;
	struct err err;
	time_t now = time(NULL);
	int i;

	if (book_role(t->b) != ROLE_ADMIN) {
		tui_cannot_change(t, ROLE_ADMIN);
		return;
	}
	if (t->o->backups_dir == NULL || *t->o->backups_dir != '/') {
		tui_message(t, true, "no backups directory: an admin names one as \"backups = DIR\" "
		            "(an absolute path) in the configuration file");
		return;
	}
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (i = 1; i < 100; i++) {
		struct stat st;

		snprintf(dest, sizeof dest, "%s/redress-%s-%s%s%.0d", t->o->backups_dir, what, stamp,
		         i > 1 ? "-" : "", i > 1 ? i : 0);
		if (stat(dest, &st) != 0 && errno == ENOENT)
			break;
	}
	if (!tui_admin_confirm(t, "Take a %s into %s? y/n ", what, dest)) {
		tui_message(t, false, "no %s taken", what);
		return;
	}
	tui_message(t, false, "copying...");
	tui_draw(t);
	if ((snapshot ? book_snapshot(t->b, dest, &err) : book_backup(t->b, dest, &err)) != 0) {
		tui_message(t, true, "no %s taken: %s", what, err.msg);
		return;
	}
	tui_message(t, false, "%s taken: %s", what, dest);
}

struct tui_due {
	struct tui *t;
	size_t due, held;
	bool apply;
};

static int
tui_admin_due(const struct book_retention *r, void *ctx)
{
	struct tui_due *d = ctx;

	d->due++;
	d->held += r->held;
	tui_admin_add(d->t, r->held ? TUI_S_DIM : TUI_S_NORMAL, "  %-16s closed %s  due %s%s",
	              r->ref, r->closed, r->due, r->held ? "  held" : d->apply ? "  erased" : "");
	return 0;
}

/* The retention section, at the top of the screen: the dry run, or what
 * was erased. */
static int
tui_admin_retention_list(struct tui *t, struct tui_due *d, size_t *cases, size_t *people)
{
	struct tui_admin *A = &t->admin;
	struct err err;
	int rc;

	tui_admin_load(t);
	A->top = A->n;
	tui_admin_add(t, TUI_S_NORMAL, "%s", "");
	tui_admin_add(t, TUI_S_HEAD, d->apply ? "retention: erased now" :
	              "retention: the closed cases due (a dry run: nothing erased yet)");
	rc = d->apply ? book_retention_apply(t->b, tui_admin_due, d, cases, people, &err)
	              : book_retention_due(t->b, tui_admin_due, d, &err);
	if (rc != 0) {
		tui_admin_add(t, TUI_S_ERROR, "  %s", err.msg);
		tui_message(t, true, "retention: %s", err.msg);
		return -1;
	}
	if (d->due == 0)
		tui_admin_add(t, TUI_S_DIM, "  no case is due");
	return 0;
}

static void
tui_admin_retention(struct tui *t)
{
	struct tui_due d = { t, 0, 0, false };
	size_t cases = 0, people = 0;

	if (book_role(t->b) != ROLE_ADMIN) {
		tui_cannot_change(t, ROLE_ADMIN);
		return;
	}
	if (tui_admin_retention_list(t, &d, NULL, NULL) != 0)
		return;
	if (d.due == d.held) {
		tui_message(t, false, "retention: nothing to erase (%zu due, %zu held)", d.due, d.held);
		return;
	}
	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if (!tui_admin_confirm(t, "Erase the names and narrative of the %zu case%s listed (%zu "
	                       "held are kept)? y/n ", d.due - d.held, d.due - d.held == 1 ? "" : "s",
	                       d.held)) {
		tui_message(t, false, "nothing erased");
		return;
	}
	d.due = d.held = 0;
	d.apply = true;
	if (tui_admin_retention_list(t, &d, &cases, &people) != 0)
		return;
	t->list.stale = true;
	tui_message(t, false, "erased %zu case%s and %zu %s; %zu held; next: rekey (K), then a "
	            "backup (B)", cases, cases == 1 ? "" : "s", people,
	            people == 1 ? "person" : "people", d.held);
}

/* --- the screen ------------------------------------------------------------------- */

/* The dates of open cases a change would move (under a heading saying how
 * many): each case's rule, its date before and after. */
static void
tui_admin_moved(struct tui *t, const struct book_recompute *r, bool heading)
{
	size_t i;

	if (heading)
		tui_admin_add(t, TUI_S_HEAD, "%zu date%s of open cases move", r->nmoved,
		              r->nmoved == 1 ? "" : "s");
	for (i = 0; i < r->nmoved; i++)
		tui_admin_add(t, TUI_S_NORMAL, "  %-14s %-22s %s%s -> %s", r->moved[i].ref,
		              r->moved[i].rule, r->moved[i].target ? "target " : "", r->moved[i].was,
		              r->moved[i].now);
}

/* What the differences shown above ask (the screen drawn from where they
 * start): true only for y; otherwise the screen as it was, nothing changed. */
static bool
tui_admin_apply(struct tui *t, size_t from, const char *question)
{
	t->admin.top = from;
	if (tui_admin_confirm(t, "%s", question))
		return true;
	tui_admin_load(t);
	tui_message(t, false, "nothing changed");
	return false;
}

/* After a new calendar version: what it recomputed. */
static void
tui_admin_recomputed(struct tui *t, struct book_recompute *r)
{
	t->list.stale = true;
	tui_admin_load(t);
	tui_message(t, false, "calendar %u: %zu open case%s recomputed, %zu date%s moved%s",
	            r->version, r->cases, r->cases == 1 ? "" : "s", r->nmoved,
	            r->nmoved == 1 ? "" : "s", r->nmoved ? " (each case keeps the earlier date)" : "");
	free(r->moved);
}

/* A holiday added to the book's calendar: its date and name asked, then
 * the change said in words and confirmed; open cases recomputed. */
static void
tui_admin_holiday(struct tui *t)
{
	const struct calendar *cal;
	struct book_recompute r;
	struct err err;
	char date[16] = "", name[HOLIDAY_NAME_MAX] = "", q[256];
	unsigned version;
	size_t from;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if (tui_prompt(t, "Holiday's date (YYYY-MM-DD): ", date, sizeof date, false) != 1 ||
	    date[0] == '\0' ||
	    tui_prompt(t, "Its name: ", name, sizeof name, false) != 1 || name[0] == '\0') {
		tui_message(t, false, "nothing changed");
		return;
	}
	if (book_calendar(t->b, &cal, &version, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	/* the differences first, below the versions: what it would move */
	if (book_holiday_preview(t->b, date, name, &r, &err) != 0) {
		tui_message(t, true, "not added: %s", err.msg);
		return;
	}
	tui_admin_add(t, TUI_S_NORMAL, "%s", "");
	from = t->admin.n;
	tui_admin_add(t, TUI_S_HEAD, "calendar %u would add %s %s: %zu date%s of open cases move",
	              version + 1, date, name, r.nmoved, r.nmoved == 1 ? "" : "s");
	tui_admin_moved(t, &r, false);
	free(r.moved);
	snprintf(q, sizeof q, "Add %s as calendar %u (the changes above)? y/n ", date, version + 1);
	if (!tui_admin_apply(t, from, q))
		return;
	if (book_holiday_change(t->b, date, name, &r, &err) != 0) {
		tui_message(t, true, "not added: %s", err.msg);
		return;
	}
	tui_admin_recomputed(t, &r);
}

/* GOV.UK's bank-holidays.json, its path typed and its division chosen: the
 * days it changes and the dates it moves shown, then imported on y, as
 * `holidays import` does. */
static void
tui_admin_import(struct tui *t)
{
	static const char *const divisions[] = { "england-and-wales", "scotland",
	                                         "northern-ireland" };
	const struct calendar *cal;
	struct book_holidays_file hf;
	struct book_recompute r;
	struct tui_form *f;
	struct tui_field *path, *div;
	struct err err;
	char buf[DATE_STRLEN], q[512];
	unsigned version;
	size_t i, from;
	int def = 0, rc;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if (book_calendar(t->b, &cal, &version, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	for (i = 0; i < sizeof divisions / sizeof divisions[0]; i++)
		if (strcmp(cal->id, divisions[i]) == 0)
			def = (int)i;
	if ((f = tui_form_new("Import GOV.UK's bank-holidays.json into the book's calendar",
	                      4200)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	path = tui_form_text(f, "file", "File", 4096, false, NULL);
	div = tui_form_choice(f, "division", "Division", divisions, 3, def);
	memset(&hf, 0, sizeof hf);
	while ((rc = tui_form_run(t, f)) == 1) {
		/* a bad file: its one-line reason, the form again */
		if (book_holidays_file_read(t->b, text_trim(path->buf), divisions[div->choice], &hf,
		                            &err) != 0) {
			tui_message(t, true, "not imported: %s", err.msg);
			continue;
		}
		break;
	}
	tui_form_free(&f);
	if (rc != 1)
		return;
	if (hf.nchanges == 0) {
		tui_message(t, false, "no change: the book's calendar already lists these days");
		goto out;
	}
	if (book_holidays_import(t->b, &hf, true, &r, &err) != 0) {
		tui_message(t, true, "not imported: %s", err.msg);
		goto out;
	}
	tui_admin_add(t, TUI_S_NORMAL, "%s", "");
	from = t->admin.n;
	tui_admin_add(t, TUI_S_HEAD, "calendar %u would take %s, %d-%d: %zu day%s change",
	              hf.base + 1, hf.division, hf.from, hf.to, hf.nchanges,
	              hf.nchanges == 1 ? "" : "s");
	for (i = 0; i < hf.nchanges; i++) {
		const struct book_day_change *c = &hf.changes[i];

		tui_admin_add(t, TUI_S_NORMAL, "  %c %s  %-9s  %s%s", c->sign,
		              date_format(c->date, buf), date_weekday_name(date_weekday(c->date)),
		              c->name, c->sign == '-' && c->projected ? "  [projected]" : "");
	}
	tui_admin_moved(t, &r, true);
	free(r.moved);
	snprintf(q, sizeof q, "Import %s as calendar %u (the changes above)? y/n ", hf.division,
	         hf.base + 1);
	if (!tui_admin_apply(t, from, q))
		goto out;
	if (book_holidays_import(t->b, &hf, false, &r, &err) != 0) {
		tui_message(t, true, "not imported: %s", err.msg);
		goto out;
	}
	tui_admin_recomputed(t, &r);
out:
	book_holidays_file_free(&hf);
}

/* The book's next profile: a shipped one's name or a council's file typed,
 * open cases kept or moved; its differences rule by rule and the dates it
 * moves shown, then made on y, as `authority update` does. */
static void
tui_admin_profile(struct tui *t)
{
	static const char *const moves[] = { "keep theirs", "move to it" };
	const struct profile *cur;
	struct book_profile_texts c;
	struct book_recompute r;
	struct profile_diff *d = NULL;
	struct profile *next;
	struct tui_form *f;
	struct tui_field *name, *open;
	struct err err;
	char q[256];
	unsigned base;
	size_t i, nd = 0, from;
	int rc;
	bool move;

	if (tui_cannot_change(t, ROLE_ADMIN))
		return;
	if (book_profile_version(t->b, &cur, &base, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	if ((next = malloc(sizeof *next)) == NULL ||
	    (f = tui_form_new("The book's next profile: a shipped profile's name, or a council's "
	                      "file (a path with /)", 4200)) == NULL) {
		free(next);
		tui_message(t, true, "out of memory");
		return;
	}
	name = tui_form_text(f, "profile", "Profile", 4096, false, cur->name);
	open = tui_form_choice(f, "open", "Open cases", moves, 2, 0);
	memset(&c, 0, sizeof c);
	while ((rc = tui_form_run(t, f)) == 1) {
		/* a bad profile: FILE:LINE and why, the form again */
		if (book_profile_candidate(text_trim(name->buf), &c, next, &err) != 0) {
			tui_message(t, true, "not updated: %s", err.msg);
			continue;
		}
		break;
	}
	move = open->choice == 1;
	tui_form_free(&f);
	if (rc != 1)
		goto out;
	if (profile_diff(cur, next, &d, &nd) != 0) {
		tui_message(t, true, "out of memory");
		goto out;
	}
	if (book_profile_preview(t->b, &c, base, move, &r, &err) != 0) {
		tui_message(t, true, "not updated: %s", err.msg);
		goto out;
	}
	tui_admin_add(t, TUI_S_NORMAL, "%s", "");
	from = t->admin.n;
	tui_admin_add(t, TUI_S_HEAD, "profile %u would be %s (against profile %u, %s): %zu "
	              "difference%s", base + 1, c.names[0], base, cur->name, nd, nd == 1 ? "" : "s");
	for (i = 0; i < nd; i++)
		if (d[i].change == PROFILE_ADDED)
			tui_admin_add(t, TUI_S_NORMAL, "  added    %-22s within %s", d[i].rule, d[i].now);
		else if (d[i].change == PROFILE_REMOVED)
			tui_admin_add(t, TUI_S_NORMAL, "  removed  %s", d[i].rule);
		else if (strlen(d[i].rule) + strlen(d[i].field) + strlen(d[i].was) +
		         strlen(d[i].now) + 40 <= (size_t)t->cols)
			tui_admin_add(t, TUI_S_NORMAL, "  changed  %-22s %s: %s -> %s", d[i].rule,
			              d[i].field, d[i].was, d[i].now);
		else { /* too long for a line: before and after one under the other */
			tui_admin_add(t, TUI_S_NORMAL, "  changed  %-22s %s: %s", d[i].rule, d[i].field,
			              d[i].was);
			tui_admin_add(t, TUI_S_NORMAL, "  %31s -> %s", "", d[i].now);
		}
	if (nd == 0)
		tui_admin_add(t, TUI_S_DIM, "  no rule's timing or source changed");
	if (move)
		tui_admin_moved(t, &r, true);
	else
		tui_admin_add(t, TUI_S_HEAD, "new cases take it; open cases keep the version they were "
		              "received under");
	free(r.moved);
	snprintf(q, sizeof q, "Make %s the book's profile %u (the changes above)? y/n ", c.names[0],
	         base + 1);
	if (!tui_admin_apply(t, from, q))
		goto out;
	if (book_profile_change(t->b, &c, base, move, &r, &err) != 0) {
		tui_message(t, true, "not updated: %s", err.msg);
		goto out;
	}
	t->list.stale = true;
	tui_admin_load(t);
	if (move)
		tui_message(t, false, "profile %u: new cases take it; %zu open case%s moved to it, %zu "
		            "date%s moved", r.version, r.cases, r.cases == 1 ? "" : "s", r.nmoved,
		            r.nmoved == 1 ? "" : "s");
	else
		tui_message(t, false, "profile %u: new cases take it; open cases keep theirs",
		            r.version);
	free(r.moved);
out:
	free(d);
	book_profile_texts_free(&c);
	free(next);
}

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
	case TUI_A_ROLE:
		tui_admin_role(t);
		break;
	case TUI_A_REVOKE:
		tui_admin_revoke(t);
		break;
	case TUI_A_REKEY:
		tui_admin_rekey(t);
		break;
	case TUI_A_BACKUP:
	case TUI_A_SNAPSHOT:
		tui_admin_copy(t, a == TUI_A_SNAPSHOT);
		break;
	case TUI_A_RETENTION:
		tui_admin_retention(t);
		break;
	case TUI_A_HOLIDAY:
		tui_admin_holiday(t);
		break;
	case TUI_A_IMPORT:
		tui_admin_import(t);
		break;
	case TUI_A_PROFILE:
		tui_admin_profile(t);
		break;
	case TUI_A_RECOUNT:
		tui_admin_recount(t);
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
	snprintf(buf, n, "admin: users and roles, the profile, holidays, versions");
}

static void
tui_admin_wake(struct tui *t, bool front)
{
	if (front)
		tui_admin_load(t);
}

const struct tui_screen tui_admin_screen = {
	.name = "admin",
	.ctx = TUI_CTX_ADMIN,
	.opens = TUI_A_ADMIN,
	.open = tui_admin_open,
	.draw = tui_admin_draw,
	.key = tui_admin_key,
	.title = tui_admin_title,
	.wake = tui_admin_wake,
	.free = tui_admin_free,
};
