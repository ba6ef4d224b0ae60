/* export.c - every case as CSV, in the columns the import reads
 * (columns.c): pseudonyms, or names after a recorded disclosure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/codes.h"
#include "redress/csv.h"
#include "redress/text.h"
#include "redress/workflow.h"
#include "columns.h"

struct sbuf {
	char *p;
	size_t n, cap;
	bool oom;
};

static void
sbuf_add(struct sbuf *s, const char *p, size_t n)
{
	if (s->oom)
		return;
	if (s->n + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 1024;
		char *np;

		while (cap < s->n + n + 1)
			cap *= 2;
		if ((np = malloc(cap)) == NULL) {
			s->oom = true;
			return;
		}
		if (s->p != NULL) {
			memcpy(np, s->p, s->n);
			vault_wipe(s->p, s->cap);
			free(s->p);
		}
		s->p = np;
		s->cap = cap;
	}
	memcpy(s->p + s->n, p, n);
	s->n += n;
	s->p[s->n] = '\0';
}

static void
sbuf_free(struct sbuf *s)
{
	if (s->p != NULL)
		vault_wipe(s->p, s->cap);
	free(s->p);
	memset(s, 0, sizeof *s);
}

/* Text from the book made safe to open anywhere: controls and invisible
 * characters escaped as text_visible() shows them, line breaks and tabs
 * kept in multi-line fields; backslashes kept as they are, so that what
 * was typed comes back the same. */
static void
export_safe(struct sbuf *out, const char *s, bool multiline)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	char esc[32], one[8];
	uint32_t cp;
	int len;

	while (i < n) {
		if ((len = text_utf8_decode(u + i, n - i, &cp)) == 0) {
			snprintf(esc, sizeof esc, "\\x%02x", u[i]);
			sbuf_add(out, esc, strlen(esc));
			i++;
			continue;
		}
		if (text_unsafe_codepoint(cp) && !(multiline && (cp == '\n' || cp == '\t'))) {
			memcpy(one, s + i, (size_t)len);
			one[len] = '\0';
			text_visible(one, esc, sizeof esc);
			sbuf_add(out, esc, strlen(esc));
		} else
			sbuf_add(out, s + i, (size_t)len);
		i += (size_t)len;
	}
}

static bool
export_col_shown(int col, bool names)
{
	unsigned f = import_cols[col].flags;

	if (f & COL_IMPORT_ONLY)
		return false;
	if (f & COL_IDENTITY)
		return names;
	if (f & COL_PSEUDO)
		return !names;
	return true;
}

static void
export_cell(struct sbuf *line, const char *value, bool multiline, bool first)
{
	struct sbuf safe = { NULL, 0, 0, false };
	size_t need;
	char *q;

	if (!first)
		sbuf_add(line, ",", 1);
	export_safe(&safe, value, multiline);
	if (safe.oom) {
		line->oom = true;
		return;
	}
	if (safe.p == NULL)
		return;
	need = csv_quote(safe.p, NULL, 0) + 1;
	if ((q = malloc(need)) == NULL)
		line->oom = true;
	else {
		csv_quote(safe.p, q, need);
		sbuf_add(line, q, need - 1);
		vault_wipe(q, need);
		free(q);
	}
	sbuf_free(&safe);
}

/* One case as a CSV line (without its line break). */
static void
export_case_line(struct book *b, const struct book_case *c, bool names, struct sbuf *line)
{
	char dates[IMPORT_NSTEPS][DATE_STRLEN_BOOK], until[IMPORT_NSTEPS][DATE_STRLEN_BOOK];
	char aware[DATE_STRLEN_BOOK] = "", stage[8], pseudo[2][48];
	const char *val[C_COUNT];
	const struct book_party *child = NULL, *comp = NULL;
	struct sbuf pts = { NULL, 0, 0, false }, outs[3];
	int reason = 0, col, k;
	int ext_reason[2] = { 0, 0 }, finding = 0; /* of the steps whose dates are written */
	bool told = false;
	size_t i, j;

	(void)b;
	memset(dates, 0, sizeof dates);
	memset(until, 0, sizeof until);
	memset(outs, 0, sizeof outs);
	for (i = 0; i < c->nparties; i++) {
		if (c->parties[i].kind == 0 && child == NULL)
			child = &c->parties[i];
		if (c->parties[i].kind == 1 && comp == NULL)
			comp = &c->parties[i];
	}
	for (i = 0; i < c->nevents; i++) {
		const struct book_event *e = &c->events[i];

		if (e->type == EV_AWARE)
			snprintf(aware, sizeof aware, "%s", e->date);
		for (j = 0; j < IMPORT_NSTEPS; j++) {
			const struct import_step *s = &import_steps[j];

			if ((int)s->ev != e->type || (s->decision != 0 && s->decision != e->decision))
				continue;
			/* one date a step: the first, but a rearranged panel's latest */
			if (dates[j][0] == '\0' || e->type == EV_PANEL_DATE) {
				snprintf(dates[j], sizeof dates[j], "%s", e->date);
				snprintf(until[j], sizeof until[j], "%s", e->until);
				if (e->type == EV_STAGE1_EXTENDED || e->type == EV_STAGE2_EXTENDED)
					ext_reason[e->type == EV_STAGE2_EXTENDED] = e->ext_reason;
				if (e->type == EV_OMBUDSMAN_OUTCOME)
					finding = e->finding;
			}
			if (e->reason != 0) {
				reason = e->reason;
				told = e->ombudsman_told;
			}
		}
	}
	for (i = 0; i < c->npoints; i++) {
		char *flat = strdup(c->points[i].text), *p;

		if (flat == NULL) {
			line->oom = true;
			return;
		}
		for (p = flat; *p != '\0'; p++) /* a point is one line of the cell */
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		if (i > 0)
			sbuf_add(&pts, "\n", 1);
		sbuf_add(&pts, flat, strlen(flat));
		vault_wipe(flat, strlen(flat));
		free(flat);
		for (k = 0; k < 3; k++) {
			const char *o = "-";

			for (j = 0; j < c->nfindings; j++)
				if (c->findings[j].stage == (unsigned)k + 1 &&
				    c->findings[j].point == c->points[i].number)
					o = outcome_name(c->findings[j].outcome);
			if (i > 0)
				sbuf_add(&outs[k], "\n", 1);
			sbuf_add(&outs[k], o, strlen(o));
		}
	}
	for (k = 0; k < 3; k++) /* no finding at a stage: an empty cell */
		if (outs[k].p != NULL && strspn(outs[k].p, "-\n") == outs[k].n)
			sbuf_free(&outs[k]);
	snprintf(stage, sizeof stage, "%d", c->stage);
	memset(val, 0, sizeof val);
	val[C_REF] = c->ref;
	val[C_KIND] = route_name((enum route)c->kind);
	val[C_CHANNEL] = channel_name(c->channel);
	val[C_RECEIVED] = c->received;
	val[C_AWARE] = aware;
	val[C_STATUS] = case_status_name((enum case_status)c->status);
	val[C_STAGE] = stage;
	val[C_TEAM] = c->team;
	val[C_SERVICE] = c->service;
	val[C_OWNER] = c->staff.owner;
	val[C_MANAGER] = c->staff.manager;
	val[C_INVESTIGATOR] = c->staff.investigator;
	val[C_INDEPENDENT] = c->staff.independent;
	val[C_ADJUDICATOR] = c->staff.adjudicator;
	if (child != NULL) {
		val[C_CHILD_NAME] = child->who.name;
		val[C_CHILD_DOB] = child->who.dob;
		if (child->person == 0) /* erased under the retention rule */
			snprintf(pseudo[0], sizeof pseudo[0], "(erased)");
		else
			snprintf(pseudo[0], sizeof pseudo[0], "Child C-%04llu",
			         (unsigned long long)child->person);
		val[C_CHILD] = pseudo[0];
	}
	if (comp != NULL) {
		val[C_COMP_NAME] = comp->who.name;
		val[C_COMP_DOB] = comp->who.dob;
		if (comp->person == 0)
			snprintf(pseudo[1], sizeof pseudo[1], "(erased)");
		else
			snprintf(pseudo[1], sizeof pseudo[1], "Complainant P-%04llu",
			         (unsigned long long)comp->person);
		val[C_COMPLAINANT] = pseudo[1];
		val[C_COMP_ROLE] = party_role_name(comp->role);
	}
	val[C_SAFEGUARDING] = c->safeguarding ? "yes" : "";
	val[C_REDIRECT] = c->redirect_to;
	val[C_THANKED] = c->thanked;
	val[C_SUMMARY] = c->summary;
	for (j = 0; j < IMPORT_NSTEPS; j++) {
		val[import_steps[j].col] = dates[j];
		if (import_steps[j].until >= 0)
			val[import_steps[j].until] = until[j];
	}
	val[C_REASON] = reason ? (char *)refusal_name((enum refusal)reason) : "";
	val[C_TOLD] = told ? "yes" : "";
	val[C_S1_EXT_REASON] = ext_reason[0] ? ext_reason_name(ext_reason[0]) : "";
	val[C_S2_EXT_REASON] = ext_reason[1] ? ext_reason_name(ext_reason[1]) : "";
	val[C_OMB_FINDING] = finding ? omb_finding_name(finding) : "";
	val[C_POINTS] = pts.p;
	for (k = 0; k < 3; k++)
		val[C_S1_OUT + k] = outs[k].p;
	for (col = 0, k = 1; col < C_COUNT; col++) {
		if (!export_col_shown(col, names))
			continue;
		export_cell(line, val[col] != NULL ? val[col] : "",
		            (import_cols[col].flags & COL_MULTILINE) != 0 || col == C_S1_OUT ||
		            col == C_S2_OUT || col == C_S3_OUT, k);
		k = 0;
	}
	sbuf_free(&pts);
	for (k = 0; k < 3; k++)
		sbuf_free(&outs[k]);
}

struct export_ctx {
	struct book *b;
	bool names;
	int (*line)(const char *s, size_t n, void *ctx);
	void *ctx;
	size_t count;
	struct book_case *c;
};

static int
export_txn(struct store_txn *t, void *vctx)
{
	struct export_ctx *x = vctx;
	struct book_ids ids = { NULL, 0, 0 };
	struct sbuf line = { NULL, 0, 0, false };
	struct vault_keys *keys;
	char name[48];
	size_t i;
	int col, rc = 0, first = 1;

	x->count = 0;
	for (col = 0; col < C_COUNT; col++)
		if (export_col_shown(col, x->names)) {
			if (!first)
				sbuf_add(&line, ",", 1);
			import_col_name(col, name, sizeof name);
			sbuf_add(&line, name, strlen(name));
			first = 0;
		}
	sbuf_add(&line, "\r\n", 2);
	if (line.oom || store_scan(t, STORE_CASES, NULL, 0, book_collect_ids, &ids) < 0) {
		sbuf_free(&line);
		free(ids.ids);
		return err_set(store_txn_err(t), "out of memory");
	}
	if ((rc = x->line(line.p, line.n, x->ctx)) != 0)
		goto out;
	for (i = 0; i < ids.n; i++) {
		line.n = 0;
		/* a restricted case goes out as if without the key (restrict.c) */
		keys = book_restrict_hide(x->b, book_restrict_denied_txn(x->b, t, ids.ids[i]));
		if (case_read(x->b, t, ids.ids[i], x->c) != 0) {
			book_restrict_unhide(x->b, keys);
			rc = -1;
			goto out;
		}
		case_read_parties(x->b, t, x->c);
		book_restrict_unhide(x->b, keys);
		export_case_line(x->b, x->c, x->names, &line);
		sbuf_add(&line, "\r\n", 2);
		if (line.oom) {
			rc = err_set(store_txn_err(t), "out of memory");
			goto out;
		}
		if ((rc = x->line(line.p, line.n, x->ctx)) != 0)
			goto out;
		x->count++;
	}
out:
	sbuf_free(&line);
	free(ids.ids);
	if (rc > 0)
		rc = err_set(store_txn_err(t), "the export could not be written");
	return rc;
}

int
book_export_csv(struct book *b, bool names, int (*line)(const char *s, size_t n, void *ctx),
                void *ctx, size_t *count, struct err *err)
{
	struct export_ctx x = { b, names, line, ctx, 0, NULL };
	int rc;

	*count = 0;
	if (names && (rc = book_disclosure(b, "export.csv", "every case", "names,dob,summary,points",
	                                   err)) != 0)
		return rc;
	if ((x.c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	rc = store_read(b->st, export_txn, &x, err);
	book_case_free(x.c);
	*count = x.count;
	return rc;
}
