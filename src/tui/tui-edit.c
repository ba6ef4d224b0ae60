/* tui-edit.c - the case's own details from the case view: its kind (while
 * only its receipt is recorded), channel, team, service and summary,
 * recorded on the revision shown, as `redress case edit` does. */
#include <stdlib.h>
#include <string.h>

#include "redress/profile.h"
#include "redress/text.h"
#include "tui-int.h"

static void
tui_edit_check(struct tui *t, struct tui_form *f)
{
	(void)t;
	tui_teams_check(f->ctx, f);
}

static int
tui_edit_submit(struct tui *t, struct tui_form *f)
{
	const struct book_case *c;
	struct book_case_edit e;
	struct err err;
	int rc;

	if (tui_case_fresh(t) != 0)
		return -1;
	c = t->view.c;
	memset(&e, 0, sizeof e);
	e.kind = tui_form_field(f, "kind")->choice;
	e.channel = tui_form_field(f, "channel")->choice;
	if (e.kind == c->kind)
		e.kind = -1;
	if (e.channel == c->channel)
		e.channel = -1;
	e.team = tui_teams_value(f->ctx, f);
	e.service = text_trim(tui_form_field(f, "service")->buf);
	e.summary = tui_form_field(f, "summary")->buf;
	if (strcmp(e.team, c->team) == 0)
		e.team = NULL;
	if (strcmp(e.service, c->service) == 0)
		e.service = NULL;
	if (c->summary_unopened || strcmp(e.summary, c->summary) == 0)
		e.summary = NULL;
	if (e.kind < 0 && e.channel < 0 && !e.team && !e.service && !e.summary) {
		tui_message(t, false, "nothing changed");
		return 0;
	}
	e.base_rev = c->rev;
	rc = book_case_edit(t->b, t->view.ref, &e, &err);
	if (rc == BOOK_ESTALE) {
		tui_case_reload(t);
		tui_message(t, true, "not recorded: %s; shown afresh, Enter records it now", err.msg);
		return -1;
	}
	return tui_case_wrote(t, rc, &err, "case details recorded");
}

void
tui_edit_form(struct tui *t)
{
	const struct book_case *c = t->view.c;
	const char *kinds[ROUTE_COUNT], *channels[CHANNEL_COUNT];
	struct tui_teams *T;
	struct tui_form *f;
	char title[128];
	int i;

	if (c == NULL || tui_cannot_change(t, ROLE_CASEWORKER))
		return;
	if ((T = malloc(sizeof *T)) == NULL) {
		tui_message(t, true, "out of memory");
		return;
	}
	if (tui_teams_load(t, T, c->team) != 0) {
		tui_teams_free(T);
		return;
	}
	for (i = 0; i < ROUTE_COUNT; i++)
		kinds[i] = route_name((enum route)i);
	for (i = 0; i < CHANNEL_COUNT; i++)
		channels[i] = channel_name(i);
	snprintf(title, sizeof title, "The details of %s (revision %llu)", t->view.ref,
	         (unsigned long long)c->rev);
	if ((f = tui_case_form_new(t, title, BOOK_TEXT_MAX + 256, "edit",
	                           tui_edit_check, T)) == NULL) {
		tui_teams_free(T);
		return;
	}
	tui_form_choice(f, "kind", "Kind", kinds, ROUTE_COUNT, c->kind);
	tui_form_choice(f, "channel", "Channel", channels, CHANNEL_COUNT, c->channel);
	tui_teams_fields(f, T, c->team);
	tui_form_text(f, "service", "Service", 64, true, c->service);
	tui_form_text(f, "summary", "Summary", BOOK_TEXT_MAX, true,
	              c->summary_unopened ? NULL : c->summary);
	tui_case_form(t, f, tui_edit_submit);
	tui_form_free(&f);
	/* the team choices are the form's: freed after it */
	tui_teams_free(T);
}
