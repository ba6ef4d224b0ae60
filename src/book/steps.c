/* steps.c - the steps of the procedure checked by the workflow (with the
 * extension and overrun checks), and corrections of recorded steps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-int.h"
#include "redress/clock.h"
#include "redress/codes.h"
#include "redress/date.h"
#include "redress/holiday.h"
#include "redress/workflow.h"

/* --- steps -------------------------------------------------------------------- */

/* An extension agreed to a date before the deadline it extends is refused:
 * wf holds the timeline with the extension last. */
static int
case_check_extension(struct book *b, const struct book_case *c, const struct wf_event *wf,
                     size_t n, struct err *err)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct clock_event *ce;
	size_t nce;
	int rc;

	if (book_case_profile(b, NULL, c, &prof, &cal, err) != 0)
		return -1;
	if ((ce = calloc(n * 2 + 1, sizeof *ce)) == NULL)
		return err_set(err, "out of memory");
	nce = workflow_clock_events(wf, n, ce, n * 2 + 1);
	rc = clock_check_extensions(prof, cal, (enum route)c->kind, ce, nce, book_today(b), err);
	free(ce);
	return rc;
}

/* Whether Stage 1's response was overdue on the day Stage 2 was asked for. */
static bool
case_overran(struct book *b, const struct book_case *c, const struct wf_event *wf, size_t n,
             const struct wf_event *next)
{
	return book_case_overran(b, c, wf, n, next->date.day);
}

struct step_ctx {
	struct book *b;
	const char *ref;
	const struct book_step *s;
	struct book_case *c;
};

static int
case_step_txn(struct store_txn *t, void *vctx)
{
	struct step_ctx *x = vctx;
	struct wf_event *wf, next;
	const void *old;
	size_t oldlen, n;
	struct err *err = store_txn_err(t);
	void *oldcopy;
	char fields[64];
	int rc;

	/* types and dates: the notes left sealed (case_read_notes) */
	if ((rc = case_load_notes(x->b, t, x->ref, 0, x->c, &old, &oldlen, false)) != 0)
		return rc;
	/* a step meant for one stage never becomes the next stage's */
	if (x->s->at_stage && x->c->stage != x->s->stage)
		return err_set(err, "%s moved to Stage %d since this form opened; nothing recorded",
		               x->ref, x->c->stage), BOOK_ESTALE;
	if ((rc = case_stale(t, x->ref, x->c, x->s->base_rev)) != 0)
		return rc;
	if ((wf = calloc(x->c->nevents + 1, sizeof *wf)) == NULL)
		return err_set(err, "out of memory");
	n = book_case_workflow(x->c, wf, x->c->nevents);
	memset(&next, 0, sizeof next);
	next.type = (enum event_type)x->s->type;
	if (date_parse(x->s->date, &next.date, err) != 0) {
		free(wf);
		return BOOK_EUSAGE;
	}
	if (x->s->until != NULL && *x->s->until != '\0') {
		if (date_parse(x->s->until, &next.until, err) != 0) {
			free(wf);
			return err_prefix(err, "agreed date"), BOOK_EUSAGE;
		}
		next.has_until = true;
	}
	next.decision = (enum decision)x->s->decision;
	next.reason = (enum refusal)x->s->reason;
	next.ombudsman_told = x->s->ombudsman_told;
	if (next.type == EV_STAGE2_REQUESTED)
		next.overran = case_overran(x->b, x->c, wf, n, &next);
	rc = workflow_check((enum route)x->c->kind, wf, n, &next, book_today(x->b), err);
	/* and the timeline with it must be a possible history (one recorded
	 * before this rule was kept is corrected with `case correct`) */
	if (rc == 0 &&
	    workflow_history_check((enum route)x->c->kind, wf, n, NULL) == 0) {
		wf[n] = next;
		rc = workflow_history_check((enum route)x->c->kind, wf, n + 1, err);
	}
	if (rc == 0 && next.has_until)
		rc = case_check_extension(x->b, x->c, wf, n + 1, err);
	free(wf);
	if (rc != 0)
		return BOOK_EUSAGE;
	/* the old record is needed after the event is added: copy it */
	if ((oldcopy = malloc(oldlen)) == NULL)
		return err_set(err, "out of memory");
	memcpy(oldcopy, old, oldlen);
	x->c->rev++;
	rc = case_add_event(x->b, t, x->c, x->s, x->b->key_id);
	if (rc == 0)
		rc = case_write(x->b, t, x->c, oldcopy, oldlen, x->b->key_id);
	free(oldcopy);
	if (rc != 0)
		return rc;
	snprintf(fields, sizeof fields, "%s%s%s%s%s", event_name((enum event_type)x->s->type),
	         x->s->ext_reason ? ",reason" : "", x->s->finding ? ",finding" : "",
	         x->s->remedied ? ",remedied" : "",
	         x->s->note && *x->s->note ? ",note" : "");
	return book_audit_append(x->b, t, "case.step", x->ref, fields);
}

/* A step's codes (an extension's reason, the Ombudsman's finding): each
 * known, and only on its own step; 0 or BOOK_EUSAGE. */
static int
book_step_codes_check(const struct book_step *s, struct err *err)
{
	bool ext = s->type == EV_STAGE1_EXTENDED || s->type == EV_STAGE2_EXTENDED;

	if (s->ext_reason != EXT_REASON_NONE &&
	    (!ext || s->ext_reason < 0 || s->ext_reason >= EXT_REASON_COUNT))
		return err_set(err, ext ? "not a reason for an extension"
		                        : "only an extension takes an extension's reason"),
		       BOOK_EUSAGE;
	if (s->finding != OMB_FINDING_NONE &&
	    (s->type != EV_OMBUDSMAN_OUTCOME || s->finding < 0 || s->finding >= OMB_FINDING_COUNT))
		return err_set(err, s->type == EV_OMBUDSMAN_OUTCOME ? "not a finding of the Ombudsman"
		               : "only the Ombudsman's decision takes a finding"), BOOK_EUSAGE;
	if (s->remedied != BOOK_REMEDIED_UNKNOWN &&
	    (s->type != EV_OMBUDSMAN_OUTCOME ||
	     (s->remedied != BOOK_REMEDIED_YES && s->remedied != BOOK_REMEDIED_NO)))
		return err_set(err, s->type == EV_OMBUDSMAN_OUTCOME ? "remedied before is yes or no"
		               : "only the Ombudsman's decision says whether it was remedied before"),
		       BOOK_EUSAGE;
	return 0;
}

int
book_case_step(struct book *b, const char *ref, const struct book_step *s, struct err *err)
{
	struct step_ctx x = { b, ref, s, NULL };
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	if (s->type <= EV_NONE || s->type >= EV_COUNT || s->type == EV_RECEIVED)
		return err_set(err, "not a step"), BOOK_EUSAGE;
	if (s->date == NULL)
		return err_set(err, "the step needs a date"), BOOK_EUSAGE;
	if ((rc = book_step_codes_check(s, err)) != 0)
		return rc;
	if (s->note && (rc = book_check_text("the note", s->note, BOOK_TEXT_MAX - 1, true, err)))
		return rc;
	return book_write_case(b, ROLE_CASEWORKER, true, case_step_txn, &x, &x.c, err);
}

/* --- correct ------------------------------------------------------------------ */

struct correct_ctx {
	struct book *b;
	const char *ref, *date, *reason;
	unsigned seq, newseq;
	uint64_t base_rev;
	struct book_case *c;
};

/* Sets one number field of event seq, every other field as it was recorded
 * (a corrected event is marked, never rewritten). */
static int
case_event_set(struct store_txn *t, uint64_t id, unsigned seq, uint16_t field, uint64_t value)
{
	const void *v;
	const uint8_t *p;
	size_t n, pos = 0, fn;
	uint16_t tag;
	uint8_t key[12];
	struct rec r;

	codec_be64(id, key);
	codec_be32(seq, key + 8);
	if (store_get(t, STORE_EVENTS, key, 12, &v, &n) != 0)
		return -1;
	rec_begin(&r, REC_EVENT, 1);
	while (rec_next(v, n, &pos, &tag, &p, &fn))
		if (tag != field)
			rec_bytes(&r, tag, p, fn);
	rec_u64(&r, field, value);
	return book_rec_put(t, STORE_EVENTS, key, 12, &r, false);
}

/* The corrected timeline, in date order, must be a possible history. */
static int
case_correct_check(struct book *b, const struct book_case *c, struct date today,
                   struct err *err)
{
	struct wf_event *wf;
	struct date received;
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	size_t i, n;
	int rc = 0;

	if ((wf = calloc(c->nevents + 1, sizeof *wf)) == NULL)
		return err_set(err, "out of memory");
	n = book_case_workflow(c, wf, c->nevents);
	received.day = 0;
	for (i = 0; i < n; i++)
		if (wf[i].type == EV_RECEIVED)
			received = wf[i].date;
	for (i = 0; i < n && rc == 0; i++) {
		if (wf[i].type == EV_AWARE || wf[i].type == EV_RECEIVED)
			continue;
		if (wf[i].date.day < received.day)
			rc = err_set(err, "impossible history: %s (%s) before the complaint was received "
			             "(%s)", event_describe(wf[i].type), date_format(wf[i].date, d1),
			             date_format(received, d2));
		else if (wf[i].date.day > today.day && !event_planned(wf[i].type))
			rc = err_set(err, "impossible history: %s on %s is in the future (today is %s)",
			             event_describe(wf[i].type), date_format(wf[i].date, d1),
			             date_format(today, d2));
	}
	if (rc == 0)
		rc = workflow_history_check((enum route)c->kind, wf, n, err);
	/* each step after those before it, as when it was recorded */
	for (i = 0; i < n && rc == 0; i++) {
		if (wf[i].type == EV_RECEIVED || i == 0)
			continue;
		if (wf[i].type == EV_STAGE2_REQUESTED)
			wf[i].overran = case_overran(b, c, wf, i, &wf[i]);
		if (workflow_check((enum route)c->kind, wf, i, &wf[i], today, err) != 0)
			rc = err_prefix(err, "impossible history");
	}
	if (rc == 0) {
		/* and an extension agreed before the deadline it extends */
		struct clock_event *ce = calloc(n * 2 + 1, sizeof *ce);
		const struct profile *prof;
		const struct calendar *cal;

		if (ce == NULL)
			rc = err_set(err, "out of memory");
		else if ((rc = book_case_profile(b, NULL, c, &prof, &cal, err)) == 0)
			rc = clock_check_extensions(prof, cal, (enum route)c->kind, ce,
			                            workflow_clock_events(wf, n, ce, n * 2 + 1), today, err);
		free(ce);
	}
	free(wf);
	return rc;
}

static int
case_correct_txn(struct store_txn *t, void *vctx)
{
	struct correct_ctx *x = vctx;
	struct err *err = store_txn_err(t);
	struct book_event *old;
	struct book_step s;
	struct date d;
	const void *oldrec;
	void *oldcopy;
	size_t oldlen;
	char fields[64], today[DATE_STRLEN];
	int rc;

	if ((rc = case_load_for_change(x->b, t, x->ref, x->base_rev, x->c, &oldrec, &oldlen)) != 0)
		return rc;
	if (x->seq == 0 || x->seq > x->c->nevents)
		return err_set(err, "%s has no event #%u (its timeline runs #1 to #%zu)", x->ref,
		               x->seq, x->c->nevents), BOOK_EUSAGE;
	old = &x->c->events[x->seq - 1];
	if (old->type == EV_CORRECTION || old->corrects != 0)
		return err_set(err, "#%u is itself a correction: correct the event it corrects, #%u",
		               x->seq, old->corrects), BOOK_EUSAGE;
	if (old->voided_by != 0)
		return err_set(err, "#%u was corrected already, by #%u", x->seq, old->voided_by),
		       BOOK_EUSAGE;
	if (x->date == NULL && old->type == EV_RECEIVED)
		return err_set(err, "#%u is the case's receipt: it can be re-dated, not voided "
		               "(a contact recorded in error is closed)", x->seq), BOOK_EUSAGE;
	if (x->date != NULL) {
		if (date_parse(x->date, &d, err) != 0)
			return BOOK_EUSAGE;
		if (strcmp(x->date, old->date) == 0)
			return err_set(err, "#%u is dated %s already", x->seq, old->date), BOOK_EUSAGE;
	}
	if ((oldcopy = malloc(oldlen)) == NULL)
		return err_set(err, "out of memory");
	memcpy(oldcopy, oldrec, oldlen);
	/* the correction: the same event on its new date, or a void */
	memset(&s, 0, sizeof s);
	s.type = x->date != NULL ? old->type : EV_CORRECTION;
	s.date = x->date != NULL ? x->date : date_format(book_today(x->b), today);
	if (x->date != NULL) {
		s.until = old->until;
		s.decision = old->decision;
		s.reason = old->reason;
		s.ombudsman_told = old->ombudsman_told;
		s.ext_reason = old->ext_reason;
		s.finding = old->finding;
		s.remedied = old->remedied;
	}
	s.note = x->reason;
	x->c->rev++;
	rc = case_add_event(x->b, t, x->c, &s, x->b->key_id);
	if (rc == 0) {
		/* the timeline may have moved as it grew */
		old = &x->c->events[x->seq - 1];
		x->newseq = (unsigned)x->c->nevents;
		x->c->events[x->newseq - 1].corrects = x->seq;
		old->voided_by = x->newseq;
		rc = case_event_set(t, x->c->id, x->seq, ET_VOIDED_BY, x->newseq);
	}
	if (rc == 0)
		rc = case_event_set(t, x->c->id, x->newseq, ET_CORRECTS, x->seq);
	if (rc == 0 && old->type == EV_RECEIVED)
		snprintf(x->c->received, sizeof x->c->received, "%s", x->date);
	if (rc == 0 && (rc = case_correct_check(x->b, x->c, book_today(x->b), err)) != 0)
		rc = BOOK_EUSAGE;
	if (rc == 0)
		rc = case_write(x->b, t, x->c, oldcopy, oldlen, x->b->key_id);
	free(oldcopy);
	if (rc != 0)
		return rc;
	snprintf(fields, sizeof fields, "correction #%u of #%u,%s,reason", x->newseq, x->seq,
	         x->date != NULL ? "date" : "void");
	return book_audit_append(x->b, t, "case.correct", x->ref, fields);
}

int
book_case_correct(struct book *b, const char *ref, unsigned seq, const char *date,
                  const char *reason, uint64_t base_rev, unsigned *newseq, struct err *err)
{
	struct correct_ctx x = { b, ref, date, reason, seq, 0, base_rev, NULL };
	int rc;

	if ((rc = book_require(b, ROLE_MANAGER, true, err)) != 0)
		return rc;
	if (reason == NULL || *reason == '\0')
		return err_set(err, "a correction needs its reason"), BOOK_EUSAGE;
	if ((rc = book_check_text("the reason", reason, BOOK_TEXT_MAX - 1, true, err)) != 0)
		return rc;
	if ((rc = book_write_case(b, ROLE_MANAGER, true, case_correct_txn, &x, &x.c, err)) != 0)
		return rc;
	if (newseq != NULL)
		*newseq = x.newseq;
	return 0;
}
