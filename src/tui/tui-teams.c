/* tui-teams.c - the book's teams, open cases and closed, each with its
 * count of the book's open cases, whatever the list shows: the list's and
 * the calendar's team filter, and the team of the new case and of the case
 * edit form, where a new team may also be typed. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redress/text.h"
#include "tui-int.h"

/* The book's teams, sorted (book_case_teams: *v freed by the caller), or
 * -1 with a message. */
static int
tui_teams_read(struct tui *t, struct book_team **v, size_t *n)
{
	struct err err;

	if (book_case_teams(t->b, v, n, &err) == 0)
		return 0;
	tui_message(t, true, "%s", err.msg);
	return -1;
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
	struct book_team *v;
	size_t j, k, nv;
	int r;

	if (tui_teams_read(t, &v, &nv) != 0)
		return 0;
	names[0] = "any team";
	for (j = 0; j < nv; j++)
		all += v[j].open;
	open[0] = all;
	for (k = 1; k <= nv && k <= TUI_TEAMS_MAX; k++) {
		names[k] = v[k - 1].name;
		open[k] = v[k - 1].open;
	}
	for (j = 0; j < k; j++) {
		tui_teams_count(open[j], counts[j], sizeof counts[j]);
		help[j] = counts[j];
	}
	memset(&m, 0, sizeof m);
	m.title = "Only the cases of one team";
	m.names = names;
	m.help = help;
	m.n = k;
	if ((r = tui_menu_run(t, &m)) >= 0)
		snprintf(team, n, "%s", r == 0 ? "" : names[r]);
	free(v);
	if (r < 0)
		return r == -1 ? 0 : -1;
	return 1;
}

/* --- the team of a form -------------------------------------------------------------- */

_Static_assert(TUI_TEAMS_MAX <= TUI_CHOOSE_MAX, "a form's teams are a tui_choose's list");

int
tui_teams_load(struct tui *t, struct tui_teams *T, const char *current)
{
	struct book_team *v;
	size_t i, k;

	memset(T, 0, sizeof *T);
	if (tui_teams_read(t, &v, &k) != 0)
		return -1;
	T->every = v;
	T->nevery = k;
	if (k > TUI_TEAMS_MAX - 1)
		k = TUI_TEAMS_MAX - 1;
	/* copied: the form outlives the book's array */
	for (i = 0; i < k; i++) {
		snprintf(T->names[i + 1], sizeof T->names[0], "%s", v[i].name);
		T->open[i + 1] = v[i].open;
		T->c.values[i] = T->names[i + 1];
	}
	T->c.n = k;
	/* a case's own team stays a choice even past the last that fit */
	if (tui_choose_default(&T->c, current) == (int)T->c.n + 1) {
		snprintf(T->names[++T->c.n], sizeof T->names[0], "%s", current);
		T->c.values[T->c.n - 1] = T->names[T->c.n];
		T->open[T->c.n] = 0;
	}
	snprintf(T->names[0], sizeof T->names[0], "no team");
	snprintf(T->names[T->c.n + 1], sizeof T->names[0], "a new team (type its name)");
	for (i = 0; i < T->c.n + 2; i++)
		T->c.labels[i] = T->names[i];
	return 0;
}

void
tui_teams_free(struct tui_teams *T)
{
	if (T == NULL)
		return;
	free(T->every);
	free(T);
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
	/* the same team spelt again would split its cases in the reports: any
	 * of the book's, also past the last the choice holds */
	for (i = 0; i < T->nevery; i++)
		if (strcasecmp(T->every[i].name, v) == 0) {
			typed->bad = true;
			snprintf(typed->why, sizeof typed->why,
			         "\"%.60s\" is a team already: choose it above", T->every[i].name);
			snprintf(typed->note, sizeof typed->note, "%.*s", (int)sizeof typed->note - 1,
			         typed->why);
			typed->note_style = TUI_S_ERROR;
			return;
		}
	snprintf(typed->note, sizeof typed->note, "a team the book has not had before");
}
