/* tui-people.c - who is on a case, from the case view: the people and
 * their roles (owner, manager, investigating officer, independent person,
 * adjudicator, the panel and its chair), chosen from the book's users or
 * typed as a login; the parties (a child, a complainant, a representative);
 * advocacy offered, with the eligibility the book works out; and the legal
 * hold.  Each form checks as it is typed, as the step forms do, and is
 * recorded only on the revision shown. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redress/advocacy.h"
#include "redress/text.h"
#include "redress/workflow.h"
#include "tui-int.h"

#define TUI_VIEWS_MAX 3072
#define TUI_REASON_MAX 512

static const char *const tui_yesno[] = { "no", "yes" };

/* --- shared by the case's own forms ------------------------------------------------ */

int
tui_case_fresh(struct tui *t)
{
	uint64_t rev = t->view.c->rev;

	if (tui_case_reload(t) != 0)
		return -1;
	if (t->view.c->rev == rev)
		return 0;
	tui_message(t, true, "not recorded: %s changed it meanwhile; shown afresh, Enter records "
	            "it now", t->view.c->updated_by);
	return -1;
}

int
tui_case_wrote(struct tui *t, int rc, const struct err *err, const char *done, ...)
{
	va_list ap;

	if (rc != 0) {
		tui_message(t, true, "not recorded: %s", err->msg);
		return -1;
	}
	/* reload, and tell the list to */
	t->list.stale = true;
	t->cal.stale = true;
	tui_case_reload(t);
	va_start(ap, done);
	tui_vmessage(t, false, done, ap);
	va_end(ap);
	return 0;
}

/* Whether s can be a login: false with why not in why (n bytes). */
static bool
tui_login_ok(const char *s, char *why, size_t n)
{
	size_t i;

	if (strlen(s) >= 64) {
		snprintf(why, n, "a login is at most 63 characters");
		return false;
	}
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_' || s[i] == '.')) {
			snprintf(why, n, "\"%.40s\" is not a login (letters, digits, - _ and . only)", s);
			return false;
		}
	return true;
}

static int
tui_pick_user(const struct book_user *u, void *ctx)
{
	struct tui_pick *p = ctx;

	if (!u->granted || u->revoked || u->role < ROLE_CASEWORKER || p->c.n == TUI_PICK_MAX)
		return 0;
	snprintf(p->logins[p->c.n], sizeof p->logins[0], "%s", u->login);
	snprintf(p->labels[p->c.n], sizeof p->labels[0], "%s (%s)", u->login, role_name(u->role));
	p->c.n++;
	return 0;
}

int
tui_pick_load(struct tui *t, struct tui_pick *p)
{
	struct err err;
	size_t i;

	memset(p, 0, sizeof *p);
	if (book_user_list(t->b, tui_pick_user, p, &err) != 0) {
		tui_message(t, true, "%s", err.msg);
		return -1;
	}
	p->c.labels[0] = "nobody";
	for (i = 0; i < p->c.n; i++) {
		p->c.labels[i + 1] = p->labels[i];
		p->c.values[i] = p->logins[i];
	}
	p->c.labels[p->c.n + 1] = "someone else (type the login)";
	return 0;
}

bool
tui_pick_check(const struct tui_pick *p, struct tui_field *choice, struct tui_field *typed)
{
	if (!tui_choose_typed(&p->c, choice, typed))
		return true;
	if (!typed->bad && typed->buf[0] != '\0' &&
	    !tui_login_ok(typed->buf, typed->why, sizeof typed->why)) {
		typed->bad = true;
		return false;
	}
	if (typed->buf[0] == '\0') {
		snprintf(typed->why, sizeof typed->why, "type their login");
		snprintf(typed->note, sizeof typed->note, "people are recorded by their login");
	}
	return !typed->bad;
}

/* The same for a role that may be a person who is not a user: a name as
 * typed, on one line, with no space before or after it. */
static bool
tui_pick_check_name(const struct tui_pick *p, struct tui_field *choice, struct tui_field *typed)
{
	size_t n = strlen(typed->buf);
	size_t i;

	if (!tui_choose_typed(&p->c, choice, typed))
		return true;
	if (n == 0) {
		snprintf(typed->why, sizeof typed->why, "type their name, or a login");
		snprintf(typed->note, sizeof typed->note, "as it goes on letters: Dr Ann Lee");
		return !typed->bad;
	}
	if (!typed->bad && (typed->buf[0] == ' ' || typed->buf[n - 1] == ' ')) {
		typed->bad = true;
		snprintf(typed->why, sizeof typed->why, "a name has no space before or after it");
	}
	for (i = 0; i < n && !typed->bad; i++)
		if ((unsigned char)typed->buf[i] < 0x20 || typed->buf[i] == 0x7f) {
			typed->bad = true;
			snprintf(typed->why, sizeof typed->why, "a name is on one line, without controls");
		}
	return !typed->bad;
}

void
tui_case_form(struct tui *t, struct tui_form *f, int (*submit)(struct tui *t, struct tui_form *f))
{
	int r;

	if (tui_form_resume(t, f) == 0) {
		while ((r = tui_form_run(t, f)) == 1)
			if (submit(t, f) == 0) {
				tui_form_done(t, f);
				break;
			}
		if (r == 0 && strcmp(t->kept_key, f->key) == 0)
			tui_message(t, false, "cancelled; what you typed is kept for next time");
	}
}

/* --- people and roles ------------------------------------------------------------------- */

enum { TUI_ROLES = 8 };

static const struct {
	const char *name, *typed, *label;
} tui_roles[TUI_ROLES] = {
	{ "owner", "owner_login", "Owner" },
	{ "manager", "manager_login", "Manager" },
	{ "investigator", "investigator_login", "Investigator" },
	{ "independent", "independent_login", "Independent person" },
	{ "adjudicator", "adjudicator_login", "Adjudicator" },
	{ "panel1", "panel1_login", "Panel member 1" },
	{ "panel2", "panel2_login", "Panel member 2" },
	{ "panel3", "panel3_login", "Panel member 3" },
};
static const char *const tui_chairs[] = { "none", "member 1", "member 2", "member 3" };

struct tui_people {
	struct tui_pick pick;
	struct tui_choose named;       /* the pick, "someone else" typed as a name */
	const char *now[TUI_ROLES];    /* the case's people as shown */
};

static void
tui_staff_now(const struct book_staff *s, const char *now[TUI_ROLES])
{
	book_staff_roles(s, now);
}

static void
tui_people_check(struct tui *t, struct tui_form *f)
{
	struct tui_people *P = f->ctx;
	struct tui_field *ch[TUI_ROLES], *ty[TUI_ROLES], *chair = tui_form_field(f, "chair");
	const char *v[TUI_ROLES];
	size_t i, j;

	/* the case behind the form may have been shown afresh */
	tui_staff_now(&t->view.c->staff, P->now);
	for (i = 0; i < TUI_ROLES; i++) {
		ch[i] = tui_form_field(f, tui_roles[i].name);
		ty[i] = tui_form_field(f, tui_roles[i].typed);
		if (i >= STAFF_INVESTIGATOR)
			tui_pick_check_name(&P->pick, ch[i], ty[i]);
		else
			tui_pick_check(&P->pick, ch[i], ty[i]);
		v[i] = tui_choose_value(&P->pick.c, ch[i], ty[i]);
		if (strcmp(v[i], P->now[i]) != 0 && P->now[i][0] != '\0')
			snprintf(ch[i]->note, sizeof ch[i]->note, "replaces %s", P->now[i]);
	}
	/* the book's rules, as it words them */
	for (i = 5; i < TUI_ROLES; i++) {
		struct tui_field *x = ty[i]->hidden ? ch[i] : ty[i];

		if (v[i][0] == '\0' || x->bad)
			continue;
		if (v[3][0] != '\0' && strcasecmp(v[i], v[3]) == 0) {
			x->bad = true;
			snprintf(x->why, sizeof x->why, "%s was the Stage 2 independent person and may "
			         "not sit on the review panel", v[3]);
		}
		for (j = 5; j < i && !x->bad; j++)
			if (strcasecmp(v[i], v[j]) == 0) {
				x->bad = true;
				snprintf(x->why, sizeof x->why, "the panel needs three different people");
			}
		if (x->bad) {
			snprintf(x->note, sizeof x->note, "%.*s", (int)sizeof x->note - 1, x->why);
			x->note_style = TUI_S_ERROR;
		}
	}
	if (chair->choice > 0 && v[4 + chair->choice][0] == '\0') {
		chair->bad = true;
		snprintf(chair->why, sizeof chair->why, "the chair must be one of the panel");
	}
}

static int
tui_people_submit(struct tui *t, struct tui_form *f)
{
	struct tui_people *P = f->ctx;
	const struct book_case *c;
	const struct tui_field *x;
	struct book_staff set;
	char *dst[TUI_ROLES];
	const char *v;
	struct err err;
	int chair, now_chair;
	size_t i;
	bool any = false;

	if (tui_case_fresh(t) != 0)
		return -1;
	c = t->view.c;
	tui_staff_now(&c->staff, P->now);
	memset(&set, 0, sizeof set);
	set.chair = -1;
	dst[0] = set.owner;
	dst[1] = set.manager;
	dst[2] = set.investigator;
	dst[3] = set.independent;
	dst[4] = set.adjudicator;
	for (i = 0; i < 3; i++)
		dst[5 + i] = set.panel[i];
	/* only what changed: "" leaves a role as it is, "-" clears it */
	for (i = 0; i < TUI_ROLES; i++) {
		v = tui_choose_value(&P->pick.c, tui_form_field(f, tui_roles[i].name),
		                     tui_form_field(f, tui_roles[i].typed));
		if (strcmp(v, P->now[i]) == 0)
			continue;
		snprintf(dst[i], 64, "%s", *v != '\0' ? v : "-");
		any = true;
	}
	chair = tui_form_field(f, "chair")->choice - 1;
	now_chair = c->staff.chair;
	if (chair != now_chair) {
		set.chair = chair < 0 ? 3 : chair;
		any = true;
	}
	if (!any) {
		tui_message(t, false, "nothing changed");
		return 0;
	}
	if ((x = tui_form_field(f, "appointed")) != NULL)
		snprintf(set.on, sizeof set.on, "%s", x->buf);
	return tui_case_wrote(t, book_case_assign(t->b, t->view.ref, &set, &err), &err,
	                      "people on the case recorded");
}

void
tui_people_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_people *P;
	struct tui_form *f;
	char title[128], today[DATE_STRLEN];
	size_t i;

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if ((P = calloc(1, sizeof *P)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	if (tui_pick_load(t, &P->pick) != 0) {
		free(P);
		return;
	}
	tui_staff_now(&c->staff, P->now);
	P->named = P->pick.c;
	P->named.labels[P->pick.c.n + 1] = "someone else (type the name)";
	snprintf(title, sizeof title, "People on %s: choose from the users, or someone else",
	         t->view.ref);
	if ((f = tui_case_form_new(t, title, TUI_ROLES * 64 + DATE_STRLEN, "people",
	                           tui_people_check, P)) == NULL) {
		free(P);
		return;
	}
	for (i = 0; i < TUI_ROLES; i++)
		tui_choose_fields(f, i >= STAFF_INVESTIGATOR ? &P->named : &P->pick.c,
		                  tui_roles[i].name, tui_roles[i].label, tui_roles[i].typed,
		                  i >= STAFF_INVESTIGATOR ? "  their name" : "  their login", 63, false,
		                  P->now[i]);
	tui_form_choice(f, "chair", "Panel chair", tui_chairs, 4, c->staff.chair + 1);
	date_format(t->today, today);
	tui_form_date(f, "appointed", "Appointed on", false, today);
	tui_case_form(t, f, tui_people_submit);
	tui_form_free(&f);
	/* memory of the pick list is the form's choices: freed after it */
	free(P);
}

/* --- parties ------------------------------------------------------------------------ */


struct tui_party {
	int last_kind;
};

static void
tui_party_check(struct tui *t, struct tui_form *f)
{
	struct tui_party *P = f->ctx;
	struct tui_field *kind = tui_form_field(f, "kind"), *role = tui_form_field(f, "role");
	struct tui_field *dob = tui_form_field(f, "dob"), *elig = tui_form_field(f, "eligible");
	struct tui_field *name = tui_form_field(f, "name");

	/* a new kind brings its usual role; the role can then be changed */
	if (kind->choice != P->last_kind) {
		role->choice = kind->choice == 0 ? PARTY_CHILD
		               : kind->choice == 1 ? PARTY_PARENT : PARTY_ADVOCATE;
		P->last_kind = kind->choice;
	}
	role->hidden = kind->choice == 0;
	if (kind->choice == 0 && role->choice != PARTY_CHILD)
		role->choice = PARTY_CHILD;
	if (kind->choice == 2)
		snprintf(kind->note, sizeof kind->note, "recorded as a complainant acting for the child");
	if (kind->choice != 0 && role->choice == PARTY_CHILD) {
		role->bad = true;
		snprintf(role->why, sizeof role->why, "a child is added as a child (the kind above)");
	}
	tui_form_not_after_today(t, dob, "born");
	if (elig->choice == 0) {
		snprintf(elig->note, sizeof elig->note, "recorded as not eligible to complain");
		elig->note_style = TUI_S_SOON;
	}
	if (name->buf[0] != '\0' && strspn(name->buf, " \t") == strlen(name->buf)) {
		name->bad = true;
		snprintf(name->why, sizeof name->why, "a person needs a name");
	}
}

static int
tui_party_submit(struct tui *t, struct tui_form *f)
{
	struct tui_field *kind = tui_form_field(f, "kind"), *dob = tui_form_field(f, "dob");
	struct tui_field *views = tui_form_field(f, "views");
	struct book_party_new np;
	struct err err;

	if (tui_case_fresh(t) != 0)
		return -1;
	memset(&np, 0, sizeof np);
	np.kind = kind->choice == 0 ? 0 : 1;
	np.role = kind->choice == 0 ? PARTY_CHILD : tui_form_field(f, "role")->choice;
	np.name = text_trim(tui_form_field(f, "name")->buf);
	np.dob = dob->buf[0] != '\0' ? dob->buf : NULL;
	np.views = views->buf[0] != '\0' ? views->buf : NULL;
	np.ineligible = tui_form_field(f, "eligible")->choice == 0;
	np.consent = tui_form_field(f, "consent")->choice == 1;
	np.informed = tui_form_field(f, "informed")->choice == 1;
	return tui_case_wrote(t, book_case_party(t->b, t->view.ref, &np, &err), &err, "%s added",
	                      vocab_name(VOCAB_PARTY_KIND, kind->choice));
}

void
tui_party_form(struct tui *t)
{
	struct tui_party P = { 0 };
	struct tui_form *f;
	struct tui_field *x;
	const char *kinds[3], *roles[PARTY_ROLE_COUNT];
	char title[128];

	if (t->view.c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	vocab_names(VOCAB_PARTY_KIND, 0, kinds, 3);
	vocab_names(VOCAB_PARTY_ROLE, 0, roles, PARTY_ROLE_COUNT);
	snprintf(title, sizeof title, "A person on %s: a child, a complainant or a representative",
	         t->view.ref);
	if ((f = tui_case_form_new(t, title, BOOK_NAME_MAX + DATE_STRLEN + 1 + TUI_VIEWS_MAX,
	                           "party", tui_party_check, &P)) == NULL)
		return;
	tui_form_choice(f, "kind", "Who", kinds, 3, 0);
	tui_form_choice(f, "role", "Role", roles, PARTY_ROLE_COUNT, PARTY_CHILD);
	tui_form_text(f, "name", "Name", BOOK_NAME_MAX, false, NULL);
	tui_form_date(f, "dob", "Born", true, NULL);
	x = tui_form_choice(f, "eligible", "Eligible", tui_yesno, 2, 1);
	if (x != NULL)
		x->question = "Do they have sufficient interest to complain?";
	tui_form_choice(f, "consent", "Consents", tui_yesno, 2, 0);
	x = tui_form_field(f, "consent");
	if (x != NULL)
		x->question = "Do they consent to a representative acting for them?";
	x = tui_form_choice(f, "informed", "Kept informed", tui_yesno, 2, 0);
	if (x != NULL)
		x->question = "Is a representative kept informed?";
	tui_form_text(f, "views", "Their views", TUI_VIEWS_MAX, true, NULL);
	tui_form_focus(f, "kind");
	tui_case_form(t, f, tui_party_submit);
	tui_form_free(&f);
}

/* --- advocacy ------------------------------------------------------------------------ */

static const struct {
	const char *name, *label;
	unsigned flag;
} tui_adv_flags[] = {
	{ "in_care", "In or leaving care", ADVOCACY_IN_CARE },
	{ "in_education", "In education", ADVOCACY_IN_EDUCATION },
	{ "cp_plan", "Child protection plan", ADVOCACY_CP_PLAN },
	{ "disabled", "Disabled", ADVOCACY_DISABLED },
};

/* The child's date of birth on the case, or false. */
static bool
tui_child_dob(const struct book_case *c, struct date *dob)
{
	size_t i;

	for (i = 0; i < c->nparties; i++)
		if (c->parties[i].kind == 0 && c->parties[i].who.dob[0] != '\0' &&
		    date_parse(c->parties[i].who.dob, dob, NULL) == 0)
			return true;
	return false;
}

void
tui_advocacy_line(const struct book_case *c, const char *offered, unsigned flags, char *buf,
                  size_t n)
{
	struct date dob, on;
	char why[96];
	bool ok;

	if (!tui_child_dob(c, &dob)) {
		snprintf(buf, n, "eligibility needs the child's date of birth");
		return;
	}
	if (date_parse(offered, &on, NULL) != 0) {
		snprintf(buf, n, "eligibility needs the date offered");
		return;
	}
	ok = advocacy_eligible(dob, flags, on, why, sizeof why);
	snprintf(buf, n, "%s: %s", ok ? "eligible" : "not eligible", why);
}

static void
tui_advocacy_check(struct tui *t, struct tui_form *f)
{
	const struct book_case *c = t->view.c;
	struct tui_field *off = tui_form_field(f, "offered"), *x;
	unsigned flags = c->advocacy.flags;
	size_t i;

	for (i = 0; i < sizeof tui_adv_flags / sizeof tui_adv_flags[0]; i++) {
		x = tui_form_field(f, tui_adv_flags[i].name);
		if (x->choice == 1)
			flags |= tui_adv_flags[i].flag;
		else if (c->advocacy.flags & tui_adv_flags[i].flag)
			snprintf(x->note, sizeof x->note, "recorded before: the book keeps it");
	}
	tui_form_not_after_today(t, off, "offered");
	if (!off->bad) {
		tui_advocacy_line(c, off->buf, flags, off->note, sizeof off->note);
		off->note_style = strncmp(off->note, "not ", 4) == 0 ? TUI_S_SOON : TUI_S_DIM;
	}
}

static int
tui_advocacy_submit(struct tui *t, struct tui_form *f)
{
	struct book_advocacy a;
	struct err err;
	size_t i;

	if (tui_case_fresh(t) != 0)
		return -1;
	memset(&a, 0, sizeof a);
	snprintf(a.offered, sizeof a.offered, "%s", tui_form_field(f, "offered")->buf);
	snprintf(a.service, sizeof a.service, "%s", text_trim(tui_form_field(f, "service")->buf));
	a.response = tui_form_field(f, "response")->choice;
	for (i = 0; i < sizeof tui_adv_flags / sizeof tui_adv_flags[0]; i++)
		if (tui_form_field(f, tui_adv_flags[i].name)->choice == 1)
			a.flags |= tui_adv_flags[i].flag;
	return tui_case_wrote(t, book_case_advocacy(t->b, t->view.ref, &a, &err), &err,
	                      "advocacy recorded");
}

void
tui_advocacy_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_form *f;
	const char *answers[3];
	char title[128], today[DATE_STRLEN];
	size_t i;

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	vocab_labels(VOCAB_ADVOCACY, 0, answers, 3);
	if (c->kind == ROUTE_ANONYMOUS) {
		tui_message(t, true, "an anonymous contact has no one to offer an advocate to");
		return;
	}
	snprintf(title, sizeof title, "Advocacy on %s: offered, referred, accepted or declined",
	         t->view.ref);
	if ((f = tui_case_form_new(t, title, DATE_STRLEN + 1 + 64, "advocacy",
	                           tui_advocacy_check, NULL)) == NULL)
		return;
	tui_form_date(f, "offered", "Offered on", false,
	              c->advocacy.offered[0] ? c->advocacy.offered : date_format(t->today, today));
	tui_form_text(f, "service", "Referred to", 64, true, c->advocacy.service);
	tui_form_choice(f, "response", "Answer", answers, 3, c->advocacy.response % 3);
	for (i = 0; i < sizeof tui_adv_flags / sizeof tui_adv_flags[0]; i++)
		tui_form_choice(f, tui_adv_flags[i].name, tui_adv_flags[i].label, tui_yesno, 2,
		                (c->advocacy.flags & tui_adv_flags[i].flag) != 0);
	tui_case_form(t, f, tui_advocacy_submit);
	tui_form_free(&f);
}

/* --- the legal hold ------------------------------------------------------------------ */

static int
tui_hold_submit(struct tui *t, struct tui_form *f)
{
	char *reason = text_trim(tui_form_field(f, "reason")->buf);
	struct err err;

	if (tui_case_fresh(t) != 0)
		return -1;
	return tui_case_wrote(t, book_case_hold(t->b, t->view.ref, true,
	                                        *reason != '\0' ? reason : NULL, &err),
	                      &err, "legal hold set: retention will not erase the case");
}

void
tui_hold_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	struct tui_form *f;
	struct err err;
	char prompt[256];
	int k;

	if (c == NULL || tui_cannot_change(t, ROLE_MANAGER))
		return;
	if (c->held) {
		snprintf(prompt, sizeof prompt, "Clear the legal hold set on %s by %s? "
		         "(y: clear it, Esc: keep it)", c->held_on, c->held_by);
		if ((k = tui_ask(t, prompt, "y")) != 'y')
			return;
		if (tui_case_fresh(t) != 0)
			return;
		tui_case_wrote(t, book_case_hold(t->b, t->view.ref, false, NULL, &err), &err,
		               "legal hold cleared");
		return;
	}
	snprintf(prompt, sizeof prompt, "A legal hold on %s: retention never erases it while set",
	         t->view.ref);
	if ((f = tui_case_form_new(t, prompt, TUI_REASON_MAX, "hold", NULL, NULL)) == NULL)
		return;
	tui_form_text(f, "reason", "Reason", TUI_REASON_MAX, true, NULL);
	tui_case_form(t, f, tui_hold_submit);
	tui_form_free(&f);
}
