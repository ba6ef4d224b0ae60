/* adjust.c - reasonable adjustments (Complaint Handling Code 5.6): what
 * was agreed with a person, when, when last reviewed and when next, kept
 * on the person's record (people.c writes it) with what was agreed and
 * when sealed like the name, the next review plain for the calendar. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "book-int.h"
#include "redress/adjust.h"
#include "redress/date.h"
#include "redress/reads.h"

/* The sealed fields, as people.c's contact details are. */
static const struct {
	uint16_t tag;
	const char *field;           /* the associated data's name, and verify's */
	size_t off, size;
} adjust_sealed[] = {
#define AS(tag, name, f) { tag, name, offsetof(struct book_adjust, f), \
	                   sizeof ((struct book_adjust *)0)->f }
	AS(PT_ADJ_TEXT, "adjustments", text), AS(PT_ADJ_AGREED, "adjustments agreed", agreed),
	AS(PT_ADJ_REVIEWED, "adjustments reviewed", reviewed),
#undef AS
};
#define ADJUST_SEALED (sizeof adjust_sealed / sizeof adjust_sealed[0])

static void
adjust_ad(uint64_t id, const char *field, char *ad, size_t n)
{
	snprintf(ad, n, "person:%llu:%s", (unsigned long long)id, field);
}

int
book_person_adjust_put(struct book *b, uint32_t key_id, uint64_t id, const struct book_adjust *a,
                       struct rec *r, struct err *err)
{
	uint8_t sealed[BOOK_ADJUST_MAX + VAULT_SEAL_OVERHEAD + VAULT_PAD_BLOCK];
	char ad[64];
	size_t i, slen;
	int rc = 0;

	if (a->text[0] == '\0')
		return 0; /* none: nothing of them on the record */
	for (i = 0; i < ADJUST_SEALED && rc == 0; i++) {
		const char *f = (const char *)a + adjust_sealed[i].off;

		if (*f == '\0')
			continue;
		adjust_ad(id, adjust_sealed[i].field, ad, sizeof ad);
		if ((rc = vault_seal(b->keys, key_id, ad, strlen(ad), f, strlen(f), true, sealed,
		                     sizeof sealed, &slen, err)) == 0)
			rec_bytes(r, adjust_sealed[i].tag, sealed, slen);
	}
	if (rc == 0 && a->review[0] != '\0')
		rec_str(r, PT_ADJ_REVIEW, a->review);
	vault_wipe(sealed, sizeof sealed);
	return rc;
}

int
book_person_adjust_open(struct book *b, uint64_t id, const void *v, size_t vl,
                        struct book_adjust *out, struct err *err)
{
	char buf[BOOK_ADJUST_MAX + VAULT_PAD_BLOCK], ad[64];
	const uint8_t *p;
	size_t i, n, len;
	int rc = 0;

	memset(out, 0, sizeof *out);
	for (i = 0; i < ADJUST_SEALED && rc == 0; i++) {
		if (!rec_find(v, vl, adjust_sealed[i].tag, &p, &n))
			continue;
		adjust_ad(id, adjust_sealed[i].field, ad, sizeof ad);
		if (b->keys == NULL ||
		    vault_open(b->keys, ad, strlen(ad), p, n, buf, sizeof buf, &len, err) != 0)
			rc = b->keys == NULL ? err_set(err, "no key held") : -1;
		else if (len >= adjust_sealed[i].size)
			rc = err_set(err, "%zu bytes do not fit in %zu", len, adjust_sealed[i].size - 1);
		else {
			memcpy((char *)out + adjust_sealed[i].off, buf, len);
			((char *)out + adjust_sealed[i].off)[len] = '\0';
		}
		if (rc != 0)
			err_prefix(err, "person %llu's %s", (unsigned long long)id,
			           adjust_sealed[i].field);
	}
	vault_wipe(buf, sizeof buf);
	if (rc != 0) {
		vault_wipe(out, sizeof *out);
		return rc;
	}
	rec_find_str(v, vl, PT_ADJ_REVIEW, out->review, sizeof out->review);
	return 0;
}

size_t
book_person_adjust_shut(struct book *b, uint64_t id, const void *v, size_t vl, char *line,
                        size_t max)
{
	struct book_adjust *a = book_secret_alloc(sizeof *a);
	struct err err;
	size_t used;

	if (a != NULL && book_person_adjust_open(b, id, v, vl, a, &err) == 0) {
		book_secret_free(a, sizeof *a);
		return 0;
	}
	if (a != NULL)
		book_secret_free(a, sizeof *a);
	used = strlen(line);
	snprintf(line + used, max - used, "%sperson %llu adjustments", used ? ", " : "",
	         (unsigned long long)id);
	return 1;
}

/* --- checks -------------------------------------------------------------- */

/* A date given for what: a real date, not after today when past. */
static int
adjust_check_date(const char *what, const char *s, const char *today, bool past,
                  struct err *err)
{
	struct date d;

	if (date_parse(s, &d, err) != 0)
		return err_prefix(err, "%s", what), BOOK_EUSAGE;
	if (past && strcmp(s, today) > 0)
		return err_set(err, "%s %s is in the future (today is %s)", what, s, today),
		       BOOK_EUSAGE;
	return 0;
}

int
book_adjust_check(const struct book_adjust_change *ch, const struct book_adjust *cur,
                  const char *today, struct err *err)
{
	const char *agreed, *reviewed;
	int rc;

	if (ch->clear) {
		if (ch->text != NULL || ch->agreed != NULL || ch->review != NULL || ch->reviewed != NULL)
			return err_set(err, "clearing the adjustments takes nothing else"), BOOK_EUSAGE;
		if (cur != NULL && cur->text[0] == '\0')
			return err_set(err, "no adjustments are recorded for them: nothing to clear"),
			       BOOK_EUSAGE;
		return 0;
	}
	if (ch->text == NULL && ch->agreed == NULL && ch->review == NULL && ch->reviewed == NULL)
		return err_set(err, "nothing to change (what was agreed, when, the review date, "
		               "or a review held)"), BOOK_EUSAGE;
	if (ch->text != NULL) {
		if (*ch->text == '\0')
			return err_set(err, "what was agreed cannot be empty (clear the adjustments "
			               "instead)"), BOOK_EUSAGE;
		if ((rc = book_check_text("what was agreed", ch->text, BOOK_ADJUST_MAX - 1, true,
		                          err)) != 0)
			return rc;
	}
	if (ch->agreed != NULL &&
	    (rc = adjust_check_date("the day agreed", ch->agreed, today, true, err)) != 0)
		return rc;
	if (ch->reviewed != NULL &&
	    (rc = adjust_check_date("the day reviewed", ch->reviewed, today, true, err)) != 0)
		return rc;
	if (ch->review != NULL && *ch->review != '\0' &&
	    (rc = adjust_check_date("the review date", ch->review, today, false, err)) != 0)
		return rc;
	if (cur != NULL && cur->text[0] == '\0' && ch->text == NULL)
		return err_set(err, "no adjustments are recorded for them: say first what was "
		               "agreed"), BOOK_EUSAGE;
	/* the dates in order, as they will be once the change is made */
	agreed = ch->agreed != NULL ? ch->agreed : cur != NULL && cur->agreed[0] ? cur->agreed
	         : cur != NULL ? today : NULL;
	reviewed = ch->reviewed != NULL ? ch->reviewed : cur != NULL ? cur->reviewed : NULL;
	if (agreed != NULL && reviewed != NULL && *reviewed != '\0' && strcmp(reviewed, agreed) < 0)
		return err_set(err, "the review held on %s is before the adjustments were agreed "
		               "(%s)", reviewed, agreed), BOOK_EUSAGE;
	if (ch->review != NULL && *ch->review != '\0') {
		if (agreed != NULL && strcmp(ch->review, agreed) <= 0)
			return err_set(err, "the review date %s is not after the day agreed (%s)",
			               ch->review, agreed), BOOK_EUSAGE;
		if (reviewed != NULL && *reviewed != '\0' && strcmp(ch->review, reviewed) <= 0)
			return err_set(err, "the review date %s is not after the last review (%s)",
			               ch->review, reviewed), BOOK_EUSAGE;
	}
	return 0;
}

void
book_adjust_apply(const struct book_adjust *cur, const struct book_adjust_change *ch,
                  const char *today, struct book_adjust *out)
{
	bool first = cur->text[0] == '\0';

	if (out != cur)
		memcpy(out, cur, sizeof *out);
	if (ch->clear) {
		memset(out, 0, sizeof *out);
		return;
	}
	if (ch->text != NULL)
		snprintf(out->text, sizeof out->text, "%s", ch->text);
	if (ch->agreed != NULL)
		snprintf(out->agreed, sizeof out->agreed, "%s", ch->agreed);
	else if (first)
		snprintf(out->agreed, sizeof out->agreed, "%s", today);
	if (ch->reviewed != NULL) {
		snprintf(out->reviewed, sizeof out->reviewed, "%s", ch->reviewed);
		out->review[0] = '\0'; /* the review held: the next only as given */
	}
	if (ch->review != NULL)
		snprintf(out->review, sizeof out->review, "%s", ch->review);
}

const char *
book_adjust_describe(const struct book_adjust *a, char *buf, size_t n)
{
	size_t i, k = 0;

	for (i = 0; a->text[i] != '\0' && k + 3 < n; i++) {
		if (a->text[i] == '\n') {
			buf[k++] = ';';
			buf[k++] = ' ';
		} else
			buf[k++] = a->text[i];
	}
	buf[k] = '\0';
	snprintf(buf + k, n - k, " (agreed %s%s%s; %s%s)", a->agreed,
	         a->reviewed[0] ? ", reviewed " : "", a->reviewed,
	         a->review[0] ? "next review " : "no review set", a->review);
	return buf;
}

/* --- read and change ------------------------------------------------------ */

static int
adjust_open(struct book *b, uint64_t id, const void *v, size_t n, void *out, struct err *err)
{
	struct book_adjust *a = out;
	int rc = book_person_adjust_open(b, id, v, n, a, err);

	/* none recorded: nothing was read */
	return rc == 0 && a->text[0] == '\0' ? 1 : rc;
}

int
book_adjust_get(struct book *b, uint64_t id, struct book_adjust *out, struct err *err)
{
	return book_person_sealed_get(b, id, "reasonable adjustments", false, adjust_open, out,
	                              sizeof *out, err);
}

struct adjust_set_ctx {
	struct book *b;
	uint64_t id, base;
	const struct book_adjust_change *ch;
	char today[DATE_STRLEN];
	struct book_adjust cur, next;  /* secret memory: wiped with it */
};

static int
adjust_set_txn(struct store_txn *t, void *vctx)
{
	struct adjust_set_ctx *c = vctx;
	const struct book_adjust_change *ch = c->ch;
	char fields[64];
	const void *v;
	size_t n;
	int rc;

	if ((rc = person_record_txn(t, c->id, &v, &n)) != 0 ||
	    (rc = book_person_adjust_open(c->b, c->id, v, n, &c->cur, store_txn_err(t))) != 0 ||
	    (rc = book_adjust_check(ch, &c->cur, c->today, store_txn_err(t))) != 0)
		return rc;
	book_adjust_apply(&c->cur, ch, c->today, &c->next);
	/* the audit names the fields, never their values */
	if (ch->clear)
		snprintf(fields, sizeof fields, "cleared");
	else
		snprintf(fields, sizeof fields, "%s%s%s%s", ch->text ? "text," : "",
		         ch->agreed || c->cur.text[0] == '\0' ? "agreed," : "",
		         ch->reviewed ? "reviewed," : "", ch->review || ch->reviewed ? "review," : "");
	if (fields[strlen(fields) - 1] == ',')
		fields[strlen(fields) - 1] = '\0';
	if ((rc = book_person_adjust_txn(c->b, t, c->id, c->base, &c->next, fields)) != 0)
		return rc;
	return book_adjust_reindex_txn(c->b, t, c->id, c->cur.review, c->next.review);
}

int
book_adjust_set(struct book *b, uint64_t id, uint64_t base_rev,
                const struct book_adjust_change *ch, struct err *err)
{
	struct adjust_set_ctx *c;
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	if ((c = book_secret_alloc(sizeof *c)) == NULL)
		return err_set(err, "out of memory");
	memset(c, 0, sizeof *c);
	c->b = b;
	c->id = id;
	c->base = base_rev;
	c->ch = ch;
	date_format(book_today(b), c->today);
	/* a bad value is refused before the book is written */
	if ((rc = book_adjust_check(ch, NULL, c->today, err)) == 0)
		rc = book_write(b, ROLE_CASEWORKER, true, adjust_set_txn, c, err);
	book_secret_free(c, sizeof *c);
	if (rc == 0)
		book_audit_announce(b);
	return rc;
}
