/* tui-teams.c - the book's teams, as the case list has them, each with its
 * count of open cases: the list's and the calendar's team filter, and the
 * team of the new case and of the case edit form, where a new team may
 * also be typed. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redress/text.h"
#include "tui-int.h"

static int
tui_teams_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The teams of the cases loaded in the list, sorted, into names[first..]
 * with their counts of open cases in open[]: how many, at most max. */
static size_t
tui_teams_collect(const struct tui *t, const char **names, long *open, size_t max)
{
	const struct tui_list *L = &t->list;
	size_t i, j, k = 0;

	for (i = 0; i < L->nlines; i++) {
		const char *tm = L->lines[i].team;

		if (tm[0] == '\0')
			continue;
		for (j = 0; j < k && names[j] != tm; j++)
			; /* interned: one pointer per team */
		if (j == k && k < max)
			names[k++] = tm;
	}
	qsort(names, k, sizeof names[0], tui_teams_cmp);
	memset(open, 0, k * sizeof open[0]);
	for (i = 0; i < L->nlines; i++)
		if (L->lines[i].status == CASE_OPEN)
			for (j = 0; j < k; j++)
				if (names[j] == L->lines[i].team)
					open[j]++;
	return k;
}

static void
tui_teams_count(long n, char *buf, size_t len)
{
	snprintf(buf, len, "%ld open case%s", n, n == 1 ? "" : "s");
}

int
tui_team_pick(struct tui *t, char *team, size_t n)
{
	const char *names[TUI_TEAMS_MAX + 1], *help[TUI_TEAMS_MAX + 1];
	char counts[TUI_TEAMS_MAX + 1][40];
	long open[TUI_TEAMS_MAX + 1], all = 0;
	struct tui_menu m;
	size_t j, k;
	int r;

	names[0] = "any team";
	k = 1 + tui_teams_collect(t, names + 1, open + 1, TUI_TEAMS_MAX);
	for (j = 1; j < k; j++)
		all += open[j];
	open[0] = all;
	for (j = 0; j < k; j++) {
		tui_teams_count(open[j], counts[j], sizeof counts[j]);
		help[j] = counts[j];
	}
	memset(&m, 0, sizeof m);
	m.title = "Only the cases of one team";
	m.names = names;
	m.help = help;
	m.n = k;
	if ((r = tui_menu_run(t, &m)) < 0)
		return r == -1 ? 0 : -1;
	snprintf(team, n, "%s", r == 0 ? "" : names[r]);
	return 1;
}

/* --- the team of a form -------------------------------------------------------------- */

_Static_assert(TUI_TEAMS_MAX <= TUI_CHOOSE_MAX, "a form's teams are a tui_choose's list");

void
tui_teams_load(struct tui *t, struct tui_teams *T, const char *current)
{
	const char *names[TUI_TEAMS_MAX];
	size_t i, k;

	memset(T, 0, sizeof *T);
	/* a case just added or changed left the list to be read again */
	if (t->list.stale)
		(void)tui_list_load(t);
	k = tui_teams_collect(t, names, T->open + 1, TUI_TEAMS_MAX - 1);
	/* copied: the list may be read again while the form is open */
	for (i = 0; i < k; i++) {
		snprintf(T->names[i + 1], sizeof T->names[0], "%s", names[i]);
		T->c.values[i] = T->names[i + 1];
	}
	T->c.n = k;
	/* a case's own team stays a choice even when no open case has it */
	if (tui_choose_default(&T->c, current) == (int)T->c.n + 1) {
		snprintf(T->names[++T->c.n], sizeof T->names[0], "%s", current);
		T->c.values[T->c.n - 1] = T->names[T->c.n];
		T->open[T->c.n] = 0;
	}
	snprintf(T->names[0], sizeof T->names[0], "no team");
	snprintf(T->names[T->c.n + 1], sizeof T->names[0], "a new team (type its name)");
	for (i = 0; i < T->c.n + 2; i++)
		T->c.labels[i] = T->names[i];
}

void
tui_teams_fields(struct tui_form *f, const struct tui_teams *T, const char *team)
{
	tui_choose_fields(f, &T->c, "team", "Team", "team_new", "  New team", TUI_TEAM_MAX, true,
	                  team);
}

const char *
tui_teams_value(const struct tui_teams *T, struct tui_form *f)
{
	struct tui_field *typed = tui_form_field(f, "team_new");
	const char *v = tui_choose_value(&T->c, tui_form_field(f, "team"), typed);

	/* a new team, as typed: without the blanks around it */
	return v == typed->buf ? text_trim(typed->buf) : v;
}

void
tui_teams_check(const struct tui_teams *T, struct tui_form *f)
{
	struct tui_field *choice = tui_form_field(f, "team"), *typed = tui_form_field(f, "team_new");
	char buf[TUI_TEAM_MAX];
	const char *v;
	size_t i;
	bool shown = tui_choose_typed(&T->c, choice, typed);

	if (choice->choice > 0 && (size_t)choice->choice <= T->c.n)
		tui_teams_count(T->open[choice->choice], choice->note, sizeof choice->note);
	if (!shown)
		return;
	/* trimmed on a copy: the blank just typed may be between two words */
	snprintf(buf, sizeof buf, "%s", typed->buf);
	v = text_trim(buf);
	if (v[0] == '\0') {
		typed->bad = true;
		snprintf(typed->why, sizeof typed->why, "type the new team's name");
		snprintf(typed->note, sizeof typed->note, "or choose one of the book's teams above");
		return;
	}
	/* the same team spelt again would split its cases in the reports */
	for (i = 1; i <= T->c.n; i++)
		if (strcasecmp(T->names[i], v) == 0) {
			typed->bad = true;
			snprintf(typed->why, sizeof typed->why,
			         "\"%.60s\" is a team already: choose it above", T->names[i]);
			snprintf(typed->note, sizeof typed->note, "%.*s", (int)sizeof typed->note - 1,
			         typed->why);
			typed->note_style = TUI_S_ERROR;
			return;
		}
	snprintf(typed->note, sizeof typed->note, "a team the book has not had before");
}
