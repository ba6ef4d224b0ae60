/* equality.h - equality monitoring of complainants (equality.c): age band,
 * sex, ethnicity and disability, asked only with the person's consent and
 * recorded only with it, each answer from its vocabulary (vocab.h:
 * age-band, sex, ethnicity, disability; "prefer-not-to-say" in every one).
 * Sealed per person like the name (one field, never plain on disk), kept
 * across a rekey, erased with the identity, and counted in the annual
 * report only in aggregate (report.h), never per case.
 * Errors: as book.h says (0, -1 or a BOOK_E* code, with a message in *err). */
#ifndef REDRESS_EQUALITY_H
#define REDRESS_EQUALITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

struct book;
struct report;

/* One person's answers: the names of vocabulary entries, "" when not given. */
#define EQUALITY_QUESTIONS 4
struct book_equality {
	char consent[4];            /* "yes", "no" (asked, declined), "" (not asked) */
	char answer[EQUALITY_QUESTIONS][32]; /* age band, sex, ethnicity, disability */
};
/* The question i's vocabulary (vocab.h), its option on the command line
 * ("age-band") and its label ("age band"); i < EQUALITY_QUESTIONS. */
int equality_vocab(size_t i);
const char *equality_key(size_t i);
const char *equality_label(size_t i);

/* A change: NULL leaves a field as it is, "" clears it.  consent "no"
 * clears every answer (withdrawn consent takes the answers with it); an
 * answer is accepted only when consent, given now or before, is "yes". */
struct book_equality_change {
	const char *consent;
	const char *answer[EQUALITY_QUESTIONS];
};
/* Checks a change without the book: BOOK_EUSAGE and one line naming the
 * question and its words when a value is not in its vocabulary. */
int book_equality_check(const struct book_equality_change *ch, struct err *err);
/* Applies ch to eq, refusing (BOOK_EUSAGE) answers without consent. */
int book_equality_apply(struct book_equality *eq, const struct book_equality_change *ch,
                        struct err *err);

/* The sealed field's plain text ("consent=yes\nage-band=25-34\n..."; ""
 * when nothing was ever recorded) and back; decode ignores what it does
 * not know and keeps only words of the vocabularies. */
void equality_encode(const struct book_equality *eq, char *out, size_t n);
void equality_decode(const char *in, struct book_equality *eq);
#define EQUALITY_TEXT_MAX 256

/* The answers of person id: needs the data key (BOOK_EDENIED otherwise);
 * the read is on record first. */
int book_equality_get(struct book *b, uint64_t id, struct book_equality *out, struct err *err);
/* Changes them if the person is still at base_rev (0: no check); one
 * revision of the person and one audit entry, "person.equality", naming
 * the fields changed (never the answers). */
int book_equality_set(struct book *b, uint64_t id, uint64_t base_rev,
                      const struct book_equality_change *ch, struct err *err);

/* Counts, into r->equality, the complainants of the complaints received in
 * r's period (r->from .. r->to; each person once however many complaints),
 * by consent and by each answer: needs the data key, opens the answers in
 * memory only and records one read ("equality monitoring", every
 * complainant counted) before it does. */
int book_equality_count(struct book *b, struct report *r, struct err *err);

#endif
