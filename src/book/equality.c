/* equality.c - equality monitoring of complainants: the answers checked
 * against their vocabularies, recorded only with consent, sealed as one
 * field of the person (people.c), and counted for the annual report in
 * aggregate only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/equality.h"
#include "redress/reads.h"
#include "redress/report.h"
#include "redress/vocab.h"

static const struct {
	int vocab;
	const char *key, *label;
} equality_q[EQUALITY_QUESTIONS] = {
	{ VOCAB_AGE_BAND, "age-band", "age band" },
	{ VOCAB_SEX, "sex", "sex" },
	{ VOCAB_ETHNICITY, "ethnicity", "ethnicity" },
	{ VOCAB_DISABILITY, "disability", "disability" },
};

int
equality_vocab(size_t i)
{
	return i < EQUALITY_QUESTIONS ? equality_q[i].vocab : -1;
}

const char *
equality_key(size_t i)
{
	return i < EQUALITY_QUESTIONS ? equality_q[i].key : "?";
}

const char *
equality_label(size_t i)
{
	return i < EQUALITY_QUESTIONS ? equality_q[i].label : "?";
}

int
book_equality_check(const struct book_equality_change *ch, struct err *err)
{
	char list[1024];
	size_t i;
	bool any = ch->consent != NULL;

	if (ch->consent != NULL && *ch->consent != '\0' && strcmp(ch->consent, "yes") != 0 &&
	    strcmp(ch->consent, "no") != 0)
		return err_set(err, "consent: yes or no, not \"%.20s\"", ch->consent), BOOK_EUSAGE;
	for (i = 0; i < EQUALITY_QUESTIONS; i++) {
		const char *a = ch->answer[i];

		if (a == NULL)
			continue;
		any = true;
		if (*a != '\0' && vocab_lookup((enum vocab_id)equality_q[i].vocab, a) < 0)
			return err_set(err, "\"%.40s\" is not an answer to %s (%s)", a,
			               equality_q[i].label,
			               vocab_list((enum vocab_id)equality_q[i].vocab, VOCAB_OR, list,
			                          sizeof list)), BOOK_EUSAGE;
	}
	if (!any)
		return err_set(err, "nothing to change (consent, age band, sex, ethnicity, "
		               "disability)"), BOOK_EUSAGE;
	return 0;
}

int
book_equality_apply(struct book_equality *eq, const struct book_equality_change *ch,
                    struct err *err)
{
	struct book_equality next = *eq;
	size_t i;
	int rc;

	if ((rc = book_equality_check(ch, err)) != 0)
		return rc;
	if (ch->consent != NULL)
		snprintf(next.consent, sizeof next.consent, "%s", ch->consent);
	for (i = 0; i < EQUALITY_QUESTIONS; i++)
		if (ch->answer[i] != NULL)
			snprintf(next.answer[i], sizeof next.answer[i], "%s", ch->answer[i]);
	if (strcmp(next.consent, "yes") != 0) {
		/* consent refused or withdrawn: no answer is kept, and none taken */
		for (i = 0; i < EQUALITY_QUESTIONS; i++)
			if (ch->answer[i] != NULL && *ch->answer[i] != '\0')
				return err_set(err, "the answers are recorded only with the person's consent "
				               "(consent yes)"), BOOK_EUSAGE;
		memset(next.answer, 0, sizeof next.answer);
	}
	*eq = next;
	return 0;
}

void
equality_encode(const struct book_equality *eq, char *out, size_t n)
{
	size_t i, at = 0;
	int w;

	out[0] = '\0';
	if (eq->consent[0] == '\0')
		return;
	w = snprintf(out, n, "consent=%s\n", eq->consent);
	at = w > 0 ? (size_t)w : 0;
	for (i = 0; i < EQUALITY_QUESTIONS && at < n; i++) {
		if (eq->answer[i][0] == '\0')
			continue;
		w = snprintf(out + at, n - at, "%s=%s\n", equality_q[i].key, eq->answer[i]);
		if (w < 0)
			break;
		at += (size_t)w;
	}
}

void
equality_decode(const char *in, struct book_equality *eq)
{
	const char *s = in, *nl, *eqs;
	char key[32], val[32];
	size_t i;

	memset(eq, 0, sizeof *eq);
	for (; *s != '\0'; s = *nl ? nl + 1 : nl) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		if ((eqs = memchr(s, '=', (size_t)(nl - s))) == NULL || eqs - s >= (long)sizeof key ||
		    nl - eqs - 1 >= (long)sizeof val)
			continue;
		snprintf(key, sizeof key, "%.*s", (int)(eqs - s), s);
		snprintf(val, sizeof val, "%.*s", (int)(nl - eqs - 1), eqs + 1);
		if (strcmp(key, "consent") == 0 && (strcmp(val, "yes") == 0 || strcmp(val, "no") == 0))
			memcpy(eq->consent, val, strlen(val) + 1);
		for (i = 0; i < EQUALITY_QUESTIONS; i++)
			if (strcmp(key, equality_q[i].key) == 0 &&
			    vocab_lookup((enum vocab_id)equality_q[i].vocab, val) >= 0)
				snprintf(eq->answer[i], sizeof eq->answer[i], "%s", val);
	}
	if (strcmp(eq->consent, "yes") != 0)
		memset(eq->answer, 0, sizeof eq->answer);
}

/* --- one person ------------------------------------------------------------------ */

static int
equality_open(struct book *b, uint64_t id, const void *v, size_t n, void *out, struct err *err)
{
	char text[EQUALITY_TEXT_MAX];
	int rc;

	if ((rc = book_person_equality_open(b, id, v, n, text, sizeof text, err)) == 0)
		equality_decode(text, out);
	vault_wipe(text, sizeof text);
	return rc;
}

int
book_equality_get(struct book *b, uint64_t id, struct book_equality *out, struct err *err)
{
	return book_person_sealed_get(b, id, "equality monitoring", true, equality_open, out,
	                              sizeof *out, err);
}

int
book_equality_set(struct book *b, uint64_t id, uint64_t base_rev,
                  const struct book_equality_change *ch, struct err *err)
{
	char fields[96] = "";
	size_t i, at;
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0 ||
	    (rc = book_equality_check(ch, err)) != 0)
		return rc;
	/* the audit names the questions, never the answers */
	if (ch->consent != NULL)
		snprintf(fields, sizeof fields, "consent,");
	for (i = 0; i < EQUALITY_QUESTIONS; i++)
		if (ch->answer[i] != NULL) {
			at = strlen(fields);
			snprintf(fields + at, sizeof fields - at, "%s,", equality_q[i].key);
		}
	fields[strlen(fields) - 1] = '\0';
	return book_person_equality_write(b, id, base_rev, ch, fields, err);
}

/* --- the report's count ------------------------------------------------------------ */

struct equality_count_ctx {
	struct book *b;
	struct report *r;
	struct book_ids people;     /* complainants in the period, with repeats */
};

static int
equality_case_each(const void *k, size_t kl, const void *v, size_t vl, void *vctx)
{
	struct equality_count_ctx *x = vctx;
	struct case_rec_party party;
	const uint8_t *p;
	size_t pos = 0, fn;
	char recv[DATE_STRLEN] = "";

	(void)k;
	if (kl != 8 || rec_check(v, vl, REC_CASE, NULL) != 0)
		return 0;
	/* a complaint (never a safeguarding concern) received in the period,
	 * as the report's "who complained" counts it */
	if (rec_find_u64(v, vl, CT_KIND, ROUTE_COUNT) != ROUTE_COMPLAINT ||
	    rec_find(v, vl, CT_SAFEGUARDING, &p, &fn))
		return 0;
	if (!rec_find(v, vl, CT_RECEIVED, &p, &fn) || fn != 10)
		return 0;
	memcpy(recv, p, 10);
	recv[10] = '\0';
	if (strcmp(recv, x->r->from) < 0 || strcmp(recv, x->r->to) > 0)
		return 0;
	while (case_rec_party_next(v, vl, &pos, &party)) {
		uint64_t *ids;

		if (party.kind != PARTY_KIND_COMPLAINANT || party.person == 0)
			continue;
		if (x->people.n == x->people.cap) {
			x->people.cap = x->people.cap ? x->people.cap * 2 : 64;
			if ((ids = realloc(x->people.ids, x->people.cap * sizeof *ids)) == NULL)
				return -1;
			x->people.ids = ids;
		}
		x->people.ids[x->people.n++] = party.person;
	}
	return 0;
}

static int
equality_count_txn(struct store_txn *t, void *vctx)
{
	struct equality_count_ctx *x = vctx;
	struct report_equality *q = &x->r->equality;
	struct book_equality eq;
	char text[EQUALITY_TEXT_MAX];
	const uint8_t *ep;
	const void *v;
	size_t i, k, n, en;
	int a, rc = 0;

	free(x->people.ids);
	memset(&x->people, 0, sizeof x->people);
	memset(q, 0, sizeof *q);
	if (store_scan(t, STORE_CASES, NULL, 0, equality_case_each, x) < 0)
		return err_set(store_txn_err(t), "out of memory");
	qsort(x->people.ids, x->people.n, sizeof *x->people.ids, codec_cmp_u64);
	for (i = 0; i < x->people.n && rc == 0; i++) {
		if (i > 0 && x->people.ids[i] == x->people.ids[i - 1])
			continue; /* one person, however many complaints */
		q->people++;
		if (person_record_txn(t, x->people.ids[i], &v, &n) != 0 ||
		    rec_find(v, n, PT_ERASED, &ep, &en)) {
			q->not_asked++; /* erased: nothing of them is left to count */
			continue;
		}
		if ((rc = book_person_equality_open(x->b, x->people.ids[i], v, n, text, sizeof text,
		                                    store_txn_err(t))) != 0)
			break;
		equality_decode(text, &eq);
		if (strcmp(eq.consent, "yes") == 0) {
			q->consented++;
			for (k = 0; k < EQUALITY_QUESTIONS; k++) {
				a = eq.answer[k][0] != '\0'
				            ? vocab_lookup((enum vocab_id)equality_q[k].vocab, eq.answer[k])
				            : -1;
				if (a >= 0 && a < REPORT_EQ_MAX)
					q->answer[k][a]++;
				else
					q->unanswered[k]++;
			}
		} else if (strcmp(eq.consent, "no") == 0)
			q->declined++;
		else
			q->not_asked++;
	}
	vault_wipe(&eq, sizeof eq);
	vault_wipe(text, sizeof text);
	q->counted = rc == 0;
	return rc;
}

int
book_equality_count(struct book *b, struct report *r, struct err *err)
{
	struct equality_count_ctx x;
	int rc;

	if (!book_has_key(b))
		return err_set(err, "the equality monitoring answers are sealed: counting them needs "
		               "the data key (run as a user who holds it)"), BOOK_EDENIED;
	/* every complainant's answers are opened, if only to be counted */
	if ((rc = book_read_note(b, "equality monitoring", err)) != 0)
		return rc;
	memset(&x, 0, sizeof x);
	x.b = b;
	x.r = r;
	rc = store_read(b->st, equality_count_txn, &x, err);
	free(x.people.ids);
	return rc;
}
