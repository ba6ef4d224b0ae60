/* cmd-remind.c - `redress remind`: for cron to mail, one digest per owner
 * of the council's deadlines overdue and falling due within N working
 * days.  Nothing to say, nothing printed: cron sends no empty mail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/date.h"
#include "redress/reads.h"
#include "redress/text.h"

struct remind {
	struct book_due *v;
	size_t n, cap;
	long days;
	const char *owner;
	bool oom;
};

static int
remind_each(const struct book_due *d, void *ctx)
{
	struct remind *r = ctx;

	/* the council's own deadlines, still to meet: the complainant's time
	 * limits and internal targets are no one's to chase */
	if (d->done || d->target || !d->council || d->days > r->days)
		return 0;
	if (r->owner != NULL && strcmp(d->owner, r->owner) != 0)
		return 0;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct book_due *v = realloc(r->v, cap * sizeof *v);

		if (v == NULL) {
			r->oom = true;
			return 1;
		}
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n++] = *d;
	return 0;
}

/* By owner, then overdue before due, then by date and reference. */
static int
remind_cmp(const void *a, const void *b)
{
	const struct book_due *x = a, *y = b;
	int c;

	if ((c = strcmp(x->owner, y->owner)) != 0)
		return c;
	if ((x->days < 0) != (y->days < 0))
		return x->days < 0 ? -1 : 1;
	if ((c = strcmp(x->date, y->date)) != 0)
		return c;
	return strcmp(x->ref, y->ref);
}

static void
remind_line(FILE *f, const struct book_due *d)
{
	char child[BOOK_NAME_MAX * 4], team[256], left[32], item[96];
	/* an item that is no statutory deadline by a label that says so */
	const char *what = d->item != BOOK_DUE_RULE ? book_due_item_label(d, item, sizeof item)
	                   : d->key;

	text_visible(d->child, child, sizeof child);
	text_visible(d->team, team, sizeof team);
	if (d->days < 0)
		snprintf(left, sizeof left, "%d working day%s over", -d->days, d->days == -1 ? "" : "s");
	else if (d->days == 0)
		snprintf(left, sizeof left, "due today");
	else
		snprintf(left, sizeof left, "%d working day%s left", d->days, d->days == 1 ? "" : "s");
	fprintf(f, "  %s  %-14s %-22s %-22s %-14s %s\n", d->date, d->ref, what, left, team, child);
}

static void
remind_print(FILE *f, const struct remind *r, long days)
{
	size_t i = 0, j, k, over;
	char owner[256];

	while (i < r->n) {
		for (j = i; j < r->n && strcmp(r->v[j].owner, r->v[i].owner) == 0; j++)
			;
		for (over = 0, k = i; k < j; k++)
			over += r->v[k].days < 0;
		text_visible(r->v[i].owner, owner, sizeof owner);
		fprintf(f, "%s== %s: %zu overdue, %zu due within %ld working day%s\n", i ? "\n" : "",
		        owner[0] ? owner : "(no owner)", over, j - i - over, days, days == 1 ? "" : "s");
		for (k = i; k < j; k++) {
			if (k == i && over > 0)
				fprintf(f, "overdue\n");
			if (k == i + over)
				fprintf(f, "due\n");
			remind_line(f, &r->v[k]);
		}
		i = j;
	}
}

static int
cmd_remind_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *days = "5", *owner = NULL, *pos[1];
	int names = 0;
	const struct cli_spec spec[] = {
		{ "days", &days, NULL }, { "owner", &owner, NULL }, { "names", NULL, &names },
		{ NULL, NULL, NULL },
	};
	char fbuf[DATE_STRLEN], tbuf[DATE_STRLEN];
	struct remind r;
	struct cli_out out;
	struct date from, today;
	struct book *b;
	struct err err;
	size_t i;
	long n;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (cli_integer(days, 0, 365, &n, &err) != 0)
		return cli_error(CLI_USAGE, "remind: --days: %s", err.msg);
	if (cli_today(&today, &err) != 0)
		return cli_report(CLI_USAGE, &err);
	/* every deadline before today still open, and n working days ahead
	 * (no more than twice as many calendar days and a fortnight of
	 * holidays); the working days left decide */
	date_from_ymd(DATE_MIN_YEAR, 1, 1, &from, NULL);
	date_format(from, fbuf);
	date_format(date_add_days(today, (int32_t)(2 * n + 14)), tbuf);
	if ((rc = cli_book_open_unlock(env, &b, names)) != CLI_OK)
		return rc;
	memset(&r, 0, sizeof r);
	r.days = n;
	r.owner = owner;
	rc = cli_book_status(book_due_scan(b, fbuf, tbuf, BOOK_DUE_DETAILS |
	                                   (names ? BOOK_DUE_NAMES : 0), remind_each, &r, &err),
	                     &err);
	if (rc == CLI_OK && r.oom)
		rc = cli_error(CLI_FAIL, "remind: out of memory");
	/* names mailed are names read: each case on record first */
	book_reads_via(b, "remind", false);
	for (i = 0; i < r.n && rc == CLI_OK && names; i++)
		rc = cli_book_status(book_read_note(b, r.v[i].ref, &err), &err);
	if (rc == CLI_OK && r.n > 0) {
		qsort(r.v, r.n, sizeof *r.v, remind_cmp);
		if ((rc = cli_out_begin(&out)) == CLI_OK) {
			remind_print(out.f, &r, n);
			rc = cli_out_end(&out, CLI_OK);
		}
	}
	if (r.v != NULL)
		explicit_bzero(r.v, r.cap * sizeof *r.v);
	free(r.v);
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_remind_entry = {
	.name = "remind",
	.usage = "[--days N] [--owner LOGIN] [--names]",
	.summary = "for cron: each owner's deadlines overdue or due within N working days",
	.help = "One digest per owner (\"== alice: 1 overdue, 2 due within 5 working days\"),\n"
	        "of the council's deadlines still open on open cases: those overdue, then those\n"
	        "due within N working days (--days, default 5; 0: today), each with its date,\n"
	        "reference, deadline, working days left or over, team and child (a pseudonym;\n"
	        "the name with --names, which asks for the passphrase and records each case\n"
	        "shown as read).  --owner: one person's digest.  Nothing due, nothing printed,\n"
	        "so that cron mails only when there is something to do; see\n"
	        "share/examples/remind.crontab.",
	.exec = cmd_remind_exec,
};
