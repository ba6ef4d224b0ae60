/* reads.c - reads on record (reads.h): a handle's reads of identity and
 * narrative as signed entries of the audit chain, one per record and
 * "through what", written at once or batched; and the list of them.
 *
 * A batched read is kept in memory until it is written.  What a crash
 * loses: a client killed outright (SIGKILL, the machine's power) loses the
 * reads it noted after its last batch, at most BOOK_READS_WAIT_S seconds
 * of them and never its first, which is written at once; a hang-up or
 * SIGTERM ends the client through book_close, which writes them.  A
 * handle that cannot write the book (-R, a snapshot) sends each read to
 * the system log (authpriv) instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "book-int.h"
#include "redress/reads.h"

#define READS_VIA_MAX 48

struct read_seen {
	char record[64];
	char via[READS_VIA_MAX];
	uint64_t at;                 /* when it was noted */
	bool written;
};

struct book_reads {
	char via[READS_VIA_MAX];
	bool batched;
	bool any_written;            /* the handle's first read is on record */
	struct read_seen *seen;
	size_t n, cap;
	size_t pending;              /* of seen, not yet written */
	size_t appending;            /* appended in the write being committed */
};

static struct book_reads *
reads_of(struct book *b)
{
	if (b->reads == NULL)
		b->reads = calloc(1, sizeof *b->reads);
	return b->reads;
}

void
book_reads_via(struct book *b, const char *via, bool batched)
{
	struct book_reads *r = reads_of(b);

	if (r == NULL)
		return;
	snprintf(r->via, sizeof r->via, "%s", via != NULL ? via : "");
	r->batched = batched;
}

size_t
book_reads_pending(const struct book *b)
{
	return b->reads != NULL ? b->reads->pending : 0;
}

static void
reads_fields(const struct read_seen *s, char *out, size_t n)
{
	snprintf(out, n, "via=%s", s->via);
}

int
book_reads_append_txn(struct book *b, struct store_txn *t)
{
	struct book_reads *r = b->reads;
	char fields[96];
	size_t i;

	if (r == NULL)
		return 0;
	r->appending = 0;
	if (r->pending == 0 || b->keys == NULL)
		return 0;
	for (i = 0; i < r->n; i++) {
		if (r->seen[i].written)
			continue;
		reads_fields(&r->seen[i], fields, sizeof fields);
		if (book_audit_append_at(b, t, r->seen[i].at, "read", r->seen[i].record, fields) != 0)
			return -1;
		r->appending++;
	}
	return 0;
}

void
book_reads_written(struct book *b)
{
	struct book_reads *r = b->reads;
	size_t i;

	if (r == NULL || r->appending == 0)
		return;
	for (i = 0; i < r->n; i++)
		r->seen[i].written = true;
	r->pending = 0;
	r->appending = 0;
	r->any_written = true;
}

static int
reads_flush_txn(struct store_txn *t, void *ctx)
{
	(void)t;
	(void)ctx;
	return 0; /* book_change appends the pending reads after this */
}

int
book_reads_flush(struct book *b, struct err *err)
{
	if (book_reads_pending(b) == 0)
		return 0;
	if (book_readonly(b))
		return err_set(err, "the book is open read-only: a read of names cannot be recorded, "
		               "so none is shown"), BOOK_EDENIED;
	return book_change(b, ROLE_NONE, false, reads_flush_txn, NULL, err);
}

int
book_reads_tick(struct book *b, struct err *err)
{
	struct book_reads *r = b->reads;
	size_t i;

	if (r == NULL || r->pending == 0)
		return 0;
	for (i = 0; i < r->n; i++)
		if (!r->seen[i].written && book_now() >= r->seen[i].at + BOOK_READS_WAIT_S)
			return book_reads_flush(b, err);
	return 0;
}

int
book_read_note(struct book *b, const char *record, struct err *err)
{
	struct book_reads *r;
	struct read_seen *s;
	size_t i;
	int rc;

	if (!book_has_key(b) || (r = b->reads) == NULL || r->via[0] == '\0')
		return 0; /* pseudonyms only, or not opened to be shown */
	for (i = 0; i < r->n; i++)
		if (strcmp(r->seen[i].record, record) == 0 && strcmp(r->seen[i].via, r->via) == 0)
			return 0; /* once per record and purpose in a session */
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;

		if ((s = realloc(r->seen, cap * sizeof *s)) == NULL)
			return err_set(err, "out of memory");
		r->seen = s;
		r->cap = cap;
	}
	s = &r->seen[r->n++];
	memset(s, 0, sizeof *s);
	snprintf(s->record, sizeof s->record, "%s", record);
	snprintf(s->via, sizeof s->via, "%s", r->via);
	s->at = book_now();
	if (book_readonly(b)) {
		/* an auditor's -R, a snapshot: the book cannot take the entry,
		 * so the system log does, as it takes the chain's head */
		openlog("redress", LOG_PID, LOG_AUTHPRIV);
		syslog(LOG_NOTICE, "book %s: %s read %s via %s (read-only: not in the audit chain)",
		       b->dir, b->login, s->record, s->via);
		closelog();
		s->written = true;
		return 0;
	}
	r->pending++;
	if (r->batched && r->any_written)
		return 0;
	if ((rc = book_reads_flush(b, err)) != 0 && b->reads != NULL && b->reads->n > 0) {
		/* not on record: forgotten, so that a later try records it */
		r->n--;
		r->pending--;
	}
	return rc;
}

void
book_reads_close(struct book *b)
{
	struct err err;

	if (b->reads == NULL)
		return;
	if (b->reads->pending > 0 && book_reads_flush(b, &err) != 0)
		fprintf(stderr, "redress: %zu read%s of names could not be recorded: %s\n",
		        b->reads->pending, b->reads->pending == 1 ? "" : "s", err.msg);
	free(b->reads->seen);
	free(b->reads);
	b->reads = NULL;
}

/* --- the list ------------------------------------------------------------------ */

bool
book_audit_is_read(const struct book_audit *a)
{
	return strcmp(a->action, "read") == 0 || strncmp(a->action, "export.", 7) == 0 ||
	       strcmp(a->action, "case.letter") == 0;
}

struct reads_list_ctx {
	const struct book_reads_filter *f;
	char (*refs)[BOOK_REF_MAX];
	size_t nrefs;
	char person[32];
	int (*each)(const struct book_audit *, void *);
	void *ctx;
};

static bool
reads_about_person(const struct reads_list_ctx *c, const struct book_audit *a)
{
	unsigned long long lo, hi;
	size_t i;

	if (strcmp(a->record, c->person) == 0 || strcmp(a->record, "every case") == 0 ||
	    strcmp(a->record, "every person") == 0)
		return true;
	if (sscanf(a->record, "people %llu-%llu", &lo, &hi) == 2 && c->f->person >= lo &&
	    c->f->person <= hi)
		return true;
	for (i = 0; i < c->nrefs; i++)
		if (strcmp(a->record, c->refs[i]) == 0)
			return true;
	return false;
}

static int
reads_list_each(const struct book_audit *a, void *vctx)
{
	struct reads_list_ctx *c = vctx;
	const struct book_reads_filter *f = c->f;

	if (!book_audit_is_read(a))
		return 0;
	if (f->since != 0 && a->time < f->since)
		return 0;
	if (f->login != NULL && strcmp(a->login, f->login) != 0)
		return 0;
	if (f->ref != NULL && strcmp(a->record, f->ref) != 0 && strcmp(a->record, "every case") != 0)
		return 0;
	if (f->person != 0 && !reads_about_person(c, a))
		return 0;
	return c->each(a, c->ctx);
}

int
book_reads_list(struct book *b, const struct book_reads_filter *f,
                int (*each)(const struct book_audit *a, void *ctx), void *ctx, struct err *err)
{
	struct reads_list_ctx c = { .f = f, .each = each, .ctx = ctx };
	int rc;

	if (f->person != 0) {
		snprintf(c.person, sizeof c.person, "person %llu", (unsigned long long)f->person);
		if ((rc = book_person_cases(b, f->person, &c.refs, &c.nrefs, err)) != 0)
			return rc;
	}
	rc = book_audit_list(b, reads_list_each, &c, err);
	free(c.refs);
	return rc;
}
