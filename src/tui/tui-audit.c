/* tui-audit.c - the audit trail in the client, for auditors, managers and
 * admins: who changed what and when (never the values), the book's whole
 * chain with verify's result at the top, or one case's history from the
 * case view; narrowed by user, case and date.  Read in short read
 * transactions into memory, then drawn: nothing is held while the person
 * reads. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "redress/buf.h"
#include "redress/reads.h"
#include "redress/text.h"
#include "tui-int.h"

struct tui_audit_entry {
	uint64_t seq;
	char when[20];                     /* YYYY-MM-DD HH:MM, UTC */
	char login[64], action[32], record[64], fields[160];
	bool read;                         /* a read of identity (reads.h), not a change */
};

/* Which entries: the changes (as before reads were kept), the reads, both. */
enum { AUDIT_CHANGES = 0, AUDIT_READS, AUDIT_BOTH };
static const char *const tui_audit_kinds[] = { "changes", "reads", "changes and reads" };

struct tui_audit {
	struct tui_audit_entry *e;
	size_t n, cap;
	size_t *shown, nshown;             /* indexes of the entries that pass the filters */
	size_t top;
	bool oom;
	struct book_verify v;
	int vrc;                           /* book_verify's result */
	char verr[ERR_MAX];
	char user[64], ref[BOOK_REF_MAX], date[16]; /* the filters; "" all */
	int kind;                          /* AUDIT_CHANGES, AUDIT_READS, AUDIT_BOTH */
	const struct tui_screen *back;     /* the list, or the case it was opened from */
};

static int
tui_audit_each(const struct book_audit *a, void *ctx)
{
	struct tui_audit *A = ctx;
	struct tui_audit_entry *x;
	time_t tt = (time_t)a->time;
	struct tm tm;

	if (buf_grow(&A->e, &A->cap, A->n + 1, sizeof *A->e) != 0) {
		A->oom = true;
		return 1;
	}
	x = &A->e[A->n++];
	x->seq = a->seq;
	gmtime_r(&tt, &tm);
	strftime(x->when, sizeof x->when, "%Y-%m-%d %H:%M", &tm);
	snprintf(x->login, sizeof x->login, "%s", a->login);
	snprintf(x->action, sizeof x->action, "%s", a->action);
	snprintf(x->record, sizeof x->record, "%s", a->record);
	snprintf(x->fields, sizeof x->fields, "%s", a->fields);
	x->read = book_audit_is_read(a);
	return 0;
}

static void
tui_audit_filter(struct tui_audit *A)
{
	size_t i;

	A->nshown = 0;
	for (i = 0; i < A->n; i++) {
		const struct tui_audit_entry *x = &A->e[i];

		if ((A->kind == AUDIT_CHANGES && strcmp(x->action, "read") == 0) ||
		    (A->kind == AUDIT_READS && !x->read))
			continue;
		if (A->user[0] != '\0' && strcmp(x->login, A->user) != 0)
			continue;
		if (A->ref[0] != '\0' && strcmp(x->record, A->ref) != 0)
			continue;
		if (A->date[0] != '\0' && strncmp(x->when, A->date, strlen(A->date)) != 0)
			continue;
		A->shown[A->nshown++] = i;
	}
	A->top = 0;
}

/* Verifies the book and reads its whole chain afresh. */
static int
tui_audit_load(struct tui *t)
{
	struct tui_audit *A = t->audit;
	struct err err;

	A->n = 0;
	A->oom = false;
	err.msg[0] = '\0';
	memset(&A->v, 0, sizeof A->v);
	A->vrc = book_verify(t->b, &A->v, &err);
	snprintf(A->verr, sizeof A->verr, "%s", err.msg);
	if (book_audit_list(t->b, tui_audit_each, A, &err) != 0 && !A->oom) {
		tui_message(t, true, "the audit trail: %s", err.msg);
		return -1;
	}
	free(A->shown);
	if ((A->shown = calloc(A->n ? A->n : 1, sizeof *A->shown)) == NULL) {
		tui_message(t, true, "out of memory");
		return -1;
	}
	tui_audit_filter(A);
	return 0;
}

static void
tui_audit_free(struct tui *t)
{
	if (t->audit == NULL)
		return;
	free(t->audit->e);
	free(t->audit->shown);
	free(t->audit);
	t->audit = NULL;
}

static void
tui_audit_open(struct tui *t)
{
	enum role r = book_role(t->b);
	bool from_case = t->screen == &tui_case_screen && t->view.c != NULL;

	/* what the CLI's `audit` shows anyone who can read the book; in the
	 * client, the roles whose work it is */
	if (r != ROLE_AUDITOR && r != ROLE_MANAGER && r != ROLE_ADMIN) {
		tui_message(t, true, "only auditors, managers and admins see the audit trail (%s is %s)",
		            t->login, r == ROLE_NONE ? "not granted a role" : role_name(r));
		return;
	}
	tui_audit_free(t);
	if ((t->audit = calloc(1, sizeof *t->audit)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	if (from_case)
		snprintf(t->audit->ref, sizeof t->audit->ref, "%s", t->view.c->ref);
	tui_message(t, false, "verifying the book...");
	tui_draw(t);
	t->message[0] = '\0';
	if (tui_audit_load(t) != 0) {
		tui_audit_free(t);
		return;
	}
	t->audit->back = t->screen;
	t->back = t->screen;
	t->screen = &tui_audit_screen;
}

/* Asks for one filter on the bottom row. */
static void
tui_audit_ask(struct tui *t, const char *prompt, char *buf, size_t n)
{
	char *typed = calloc(1, n);
	const char *s;

	if (typed == NULL)
		return;
	memcpy(typed, buf, n);
	if (tui_prompt(t, prompt, typed, n, false) == 1) {
		s = text_trim(typed);
		if (buf == t->audit->date && *s != '\0' &&
		    (strlen(s) < 4 || strspn(s, "0123456789-") != strlen(s)))
			tui_message(t, true, "a date is YYYY, YYYY-MM or YYYY-MM-DD, not \"%.20s\"", s);
		else {
			snprintf(buf, n, "%s", s);
			tui_audit_filter(t->audit);
		}
	}
	free(typed);
}

static void
tui_audit_line(struct tui *t, int y, enum tui_style st, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
tui_audit_line(struct tui *t, int y, enum tui_style st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->fmt, TUI_FMT_MAX, fmt, ap);
	va_end(ap);
	text_visible(t->fmt, t->vis, TUI_VIS_MAX);
	tui_put(t, t->body, y, 0, t->vis, t->cols, TUI_LEFT, tui_style(t, st));
}

static void
tui_audit_draw(struct tui *t)
{
	struct tui_audit *A = t->audit;
	int h = tui_body_rows(t) - 3, y;
	size_t i;

	if (A == NULL)
		return;
	if (A->vrc == 0)
		tui_audit_line(t, 0, TUI_S_MET, "verify: the store and all %llu entries of the audit "
		               "chain hold", (unsigned long long)A->v.entries);
	else
		tui_audit_line(t, 0, TUI_S_ERROR, "verify: FAILED: %llu of %llu entries bad: %s",
		               (unsigned long long)A->v.bad, (unsigned long long)A->v.entries,
		               A->v.first_problem[0] ? A->v.first_problem : A->verr);
	tui_audit_line(t, 1, TUI_S_DIM, "%zu of %zu entries (%s)%s%s%s%s%s%s%s%s%s", A->nshown, A->n,
	               tui_audit_kinds[A->kind],
	               A->ref[0] || A->user[0] || A->date[0] ? ":" : "", A->ref[0] ? " case " : "",
	               A->ref, A->user[0] ? " user " : "", A->user, A->date[0] ? " date " : "",
	               A->date, A->oom ? " (out of memory: the rest not read)" : "",
	               "   (times UTC; never the values)");
	tui_audit_line(t, 2, TUI_S_HEAD, "%6s %-16s %-12s %-14s %-16s %s", "SEQ", "WHEN", "USER",
	               "ACTION", "RECORD", "FIELDS");
	if (h < 1)
		return;
	if (A->nshown <= (size_t)h)
		A->top = 0;
	else if (A->top > A->nshown - (size_t)h)
		A->top = A->nshown - (size_t)h;
	if (A->nshown == 0)
		tui_audit_line(t, 3, TUI_S_DIM, "  no entry matches");
	for (y = 0, i = A->top; y < h && i < A->nshown; y++, i++) {
		const struct tui_audit_entry *x = &A->e[A->shown[i]];

		tui_audit_line(t, 3 + y, TUI_S_NORMAL, "%6llu %-16s %-12s %-14s %-16s %s",
		               (unsigned long long)x->seq, x->when, x->login, x->action, x->record,
		               x->fields);
	}
}

static void
tui_audit_key(struct tui *t, enum tui_action a)
{
	struct tui_audit *A = t->audit;
	size_t h = (size_t)(tui_body_rows(t) > 4 ? tui_body_rows(t) - 3 : 1);
	size_t max = A->nshown > h ? A->nshown - h : 0;

	switch (a) {
	case TUI_A_BACK:
		t->screen = A->back != NULL ? A->back : &tui_list_screen;
		t->back = NULL;
		tui_audit_free(t);
		break;
	case TUI_A_BY_USER:
		tui_audit_ask(t, "Only the entries of user (empty: all): ", A->user, sizeof A->user);
		break;
	case TUI_A_BY_CASE:
		tui_audit_ask(t, "Only the entries of case (empty: all): ", A->ref, sizeof A->ref);
		break;
	case TUI_A_BY_DATE:
		tui_audit_ask(t, "Only the entries of YYYY, YYYY-MM or YYYY-MM-DD (empty: all): ",
		              A->date, sizeof A->date);
		break;
	case TUI_A_READS:
		A->kind = (A->kind + 1) % 3;
		tui_audit_filter(A);
		break;
	default:
		tui_scroll(&A->top, max, h, a);
		break;
	}
}

static void
tui_audit_title(struct tui *t, char *buf, size_t n)
{
	if (t->audit != NULL && t->audit->kind == AUDIT_READS)
		snprintf(buf, n, "audit trail: who saw whose identity%s%s",
		         t->audit->ref[0] != '\0' ? " in " : "", t->audit->ref);
	else if (t->audit != NULL && t->audit->ref[0] != '\0')
		snprintf(buf, n, "audit trail: the history of %s", t->audit->ref);
	else
		snprintf(buf, n, "audit trail: who changed what, when");
}

const struct tui_screen tui_audit_screen = {
	.name = "audit",
	.ctx = TUI_CTX_AUDIT,
	.opens = TUI_A_AUDIT,
	.open = tui_audit_open,
	.draw = tui_audit_draw,
	.key = tui_audit_key,
	.title = tui_audit_title,
	.free = tui_audit_free,
};
