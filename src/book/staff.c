/* staff.c - the people on a case and their roles.  The owner and manager
 * are the book's users (logins: the case list is filtered by owner); the
 * investigating officer, independent person, adjudicator and panel are
 * often not, so each may be a login or a name as typed ("Dr Ann Lee").
 *
 * Those names are kept as plainly as logins are, not sealed: they are the
 * names of people acting in a professional capacity, printed on the
 * letters and the panel's notice, and never the child's or complainant's
 * identity, which is what the book seals.  Each role carries the date it
 * was appointed; a new owner is noted on the timeline. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "book-int.h"
#include "redress/date.h"
#include "redress/profile.h"

static const char *const staff_what[STAFF_ROLES] = {
	"the owner", "the manager", "the investigating officer", "the independent person",
	"the adjudicator", "panel member 1", "panel member 2", "panel member 3",
};

/* as the audit names them */
static const char *const staff_field[STAFF_ROLES] = {
	"owner", "manager", "investigator", "independent", "adjudicator", "panel1", "panel2",
	"panel3",
};

/* where each role is kept */
static const size_t staff_off[STAFF_ROLES] = {
	offsetof(struct book_staff, owner), offsetof(struct book_staff, manager),
	offsetof(struct book_staff, investigator), offsetof(struct book_staff, independent),
	offsetof(struct book_staff, adjudicator), offsetof(struct book_staff, panel[0]),
	offsetof(struct book_staff, panel[1]), offsetof(struct book_staff, panel[2]),
};

static void
staff_slots(struct book_staff *s, char *slot[STAFF_ROLES])
{
	size_t i;

	for (i = 0; i < STAFF_ROLES; i++)
		slot[i] = (char *)s + staff_off[i];
}

void
book_staff_roles(const struct book_staff *s, const char *who[STAFF_ROLES])
{
	size_t i;

	for (i = 0; i < STAFF_ROLES; i++)
		who[i] = (const char *)s + staff_off[i];
}

const char *
book_staff_label(int role)
{
	return role < 0 || role >= STAFF_ROLES ? "" : role >= STAFF_PANEL1 ? "panel"
	       : staff_field[role];
}

int
book_staff_check(const struct book_staff *set, struct err *err)
{
	char *slot[STAFF_ROLES];
	struct book_staff s = *set;
	struct date d;
	size_t i, n;
	int rc;

	staff_slots(&s, slot);
	for (i = 0; i < STAFF_ROLES; i++) {
		const char *v = slot[i];

		if (*v == '\0' || strcmp(v, "-") == 0)
			continue;
		if (i <= STAFF_MANAGER) {
			if ((rc = book_check_login(staff_what[i], v, err)) != 0)
				return rc;
			continue;
		}
		n = strlen(v);
		if (v[0] == ' ' || v[n - 1] == ' ')
			return err_set(err, "%s: a name has no space before or after it", staff_what[i]),
			       BOOK_EUSAGE;
		if ((rc = book_check_text(staff_what[i], v, 63, false, err)) != 0)
			return rc;
	}
	if (set->on[0] != '\0' && date_parse(set->on, &d, err) != 0)
		return BOOK_EUSAGE;
	return 0;
}

int
book_staff_apply(struct book *b, struct store_txn *t, struct book_case *c,
                 const struct book_staff *in, char *fields, size_t fl)
{
	struct err *err = store_txn_err(t);
	struct book_staff s = c->staff, x = *in;
	char *dst[STAFF_ROLES], *src[STAFF_ROLES], on[DATE_STRLEN], oldowner[64], note[160];
	struct date d;
	size_t i, used = 0;

	staff_slots(&s, dst);
	staff_slots(&x, src);
	if (in->on[0] != '\0') {
		if (date_parse(in->on, &d, err) != 0)
			return BOOK_EUSAGE;
		if (d.day > book_today(b).day)
			return err_set(err, "the date appointed, %s, is in the future",
			               in->on), BOOK_EUSAGE;
	} else
		d = book_today(b);
	date_format(d, on);
	snprintf(oldowner, sizeof oldowner, "%s", s.owner);
	fields[0] = '\0';
	for (i = 0; i < STAFF_ROLES; i++) {
		const char *v = strcmp(src[i], "-") == 0 ? "" : src[i];

		if (src[i][0] == '\0' || strcmp(v, dst[i]) == 0)
			continue;
		snprintf(dst[i], 64, "%s", v);
		snprintf(s.appointed[i], sizeof s.appointed[i], "%s", *v ? on : "");
		used += (size_t)snprintf(fields + used, used < fl ? fl - used : 0, "%s%s",
		                         used ? "," : "", staff_field[i]);
		if (used >= fl)
			used = fl - 1;
	}
	if (in->chair >= 0)
		s.chair = in->chair == 3 ? -1 : in->chair;
	/* the Stage 2 independent person may not sit on the Stage 3 panel */
	for (i = 0; i < 3; i++)
		if (s.independent[0] != '\0' && strcasecmp(s.panel[i], s.independent) == 0)
			return err_set(err, "%s was the Stage 2 independent person and may not sit on "
			               "the review panel", s.independent), BOOK_EUSAGE;
	if ((s.panel[0][0] && (strcasecmp(s.panel[0], s.panel[1]) == 0 ||
	                       strcasecmp(s.panel[0], s.panel[2]) == 0)) ||
	    (s.panel[1][0] && strcasecmp(s.panel[1], s.panel[2]) == 0))
		return err_set(err, "the panel needs three different people"), BOOK_EUSAGE;
	if (s.chair >= 0 && s.panel[s.chair][0] == '\0')
		return err_set(err, "the chair must be one of the panel"), BOOK_EUSAGE;
	if (used == 0)
		snprintf(fields, fl, "people on the case");
	c->staff = s;
	if (strcmp(oldowner, s.owner) != 0) {
		struct book_step e = { .type = EV_ASSIGNED, .date = on, .note = note };

		snprintf(note, sizeof note, "Owner: %s, was %s.", s.owner[0] ? s.owner : "nobody",
		         oldowner[0] ? oldowner : "nobody");
		if (case_add_event(b, t, c, &e, b->key_id) != 0)
			return -1;
	}
	return 0;
}

size_t
case_rec_appointed_put(int role, const char *date, uint8_t out[CASE_REC_APPOINTED_MAX])
{
	size_t n = strnlen(date, CASE_REC_APPOINTED_MAX - 1);

	out[0] = (uint8_t)role;
	memcpy(out + 1, date, n);
	return n + 1;
}

void
case_rec_appointed_get(const uint8_t *p, size_t n, struct book_staff *out)
{
	if (n < 2 || n > CASE_REC_APPOINTED_MAX || p[0] >= STAFF_ROLES)
		return;
	memcpy(out->appointed[p[0]], p + 1, n - 1);
	out->appointed[p[0]][n - 1] = '\0';
}
