/* edit.c - a case's own details changed after it was taken: its kind
 * (only while nothing but its receipt is recorded, since the steps after it
 * belong to the kind), channel, team, service and summary.  On the revision
 * the person saw; audited with the fields that changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/profile.h"

struct edit_ctx {
	struct book *b;
	const char *ref;
	const struct book_case_edit *e;
	struct book_case *c;
};

/* s into dst (n bytes) when given and different; the field's name added */
static bool
edit_field(char *dst, size_t n, const char *s, const char *name, char *fields, size_t fl)
{
	size_t used = strlen(fields);

	if (s == NULL || strcmp(dst, s) == 0)
		return false;
	snprintf(dst, n, "%s", s);
	snprintf(fields + used, fl - used, "%s%s", used ? "," : "", name);
	return true;
}

static int
edit_txn(struct store_txn *t, void *vctx)
{
	struct edit_ctx *x = vctx;
	const struct book_case_edit *e = x->e;
	struct book_case *c = x->c;
	struct err *err = store_txn_err(t);
	char fields[96] = "", rev[24];
	void *old;
	size_t oldlen, i, later = 0;
	int rc;

	if ((rc = book_case_load_txn(x->b, t, x->ref, c, &old, &oldlen)) != 0)
		return rc;
	rc = BOOK_ESTALE;
	if (e->base_rev != 0 && c->rev != e->base_rev) {
		err_set(err, "%s changed meanwhile (by %s; now revision %llu, not %llu): nothing "
		        "changed", x->ref, c->updated_by, (unsigned long long)c->rev,
		        (unsigned long long)e->base_rev);
		goto out;
	}
	rc = BOOK_EUSAGE;
	if (e->kind >= 0 && e->kind != c->kind) {
		for (i = 0; i < c->nevents; i++)
			if (c->events[i].type != EV_RECEIVED && c->events[i].type != EV_AWARE &&
			    c->events[i].type != EV_NOTE && c->events[i].type != EV_ASSIGNED)
				later++;
		if (later > 0) {
			err_set(err, "%s has steps recorded as a %s: its kind can no longer change",
			        x->ref, route_name((enum route)c->kind));
			goto out;
		}
		c->kind = e->kind;
		snprintf(fields, sizeof fields, "kind");
	}
	if (e->channel >= 0 && e->channel != c->channel) {
		c->channel = e->channel;
		snprintf(fields + strlen(fields), sizeof fields - strlen(fields), "%schannel",
		         fields[0] ? "," : "");
	}
	edit_field(c->team, sizeof c->team, e->team, "team", fields, sizeof fields);
	edit_field(c->service, sizeof c->service, e->service, "service", fields, sizeof fields);
	if (e->summary != NULL && c->summary_unopened) {
		err_set(err, "the summary of %s is sealed under a key you do not hold", x->ref);
		goto out;
	}
	if (edit_field(c->summary, sizeof c->summary, e->summary, "summary", fields, sizeof fields))
		c->summary_unopened = false;
	if (fields[0] == '\0') {
		err_set(err, "nothing to change: %s is as given", x->ref);
		goto out;
	}
	c->rev++;
	if ((rc = case_write(x->b, t, c, old, oldlen, x->b->key_id)) == 0) {
		snprintf(rev, sizeof rev, ",rev %llu", (unsigned long long)c->rev);
		snprintf(fields + strlen(fields), sizeof fields - strlen(fields), "%s", rev);
		rc = book_audit_append(x->b, t, "case.edit", x->ref, fields);
	}
out:
	free(old);
	return rc;
}

int
book_case_edit(struct book *b, const char *ref, const struct book_case_edit *e, struct err *err)
{
	struct edit_ctx x = { b, ref, e, NULL };
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	if (e->kind >= ROUTE_COUNT || e->channel >= CHANNEL_COUNT)
		return err_set(err, "unknown kind or channel"), BOOK_EUSAGE;
	if ((e->team && (rc = book_check_text("the team", e->team, 63, false, err)) != 0) ||
	    (e->service && (rc = book_check_text("the service", e->service, 63, false, err)) != 0) ||
	    (e->summary &&
	     (rc = book_check_text("the summary", e->summary, BOOK_TEXT_MAX - 1, true, err)) != 0))
		return rc;
	return book_write_case(b, ROLE_CASEWORKER, true, edit_txn, &x, &x.c, err);
}
