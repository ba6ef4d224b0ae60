/* cmd-export.c - `redress export`: every case as CSV (pseudonyms unless
 * --names), or everything the book holds about one person for a subject
 * access request, with the audit entries about them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "redress/adjust.h"
#include "redress/book.h"
#include "redress/cli.h"
#include "redress/equality.h"
#include "redress/reads.h"
#include "redress/profile.h"
#include "redress/text.h"
#include "redress/workflow.h"

#define EXPORT_SUBJECTS_MAX 16

static int
export_line(const char *s, size_t n, void *ctx)
{
	return fwrite(s, 1, n, ctx) == n ? 0 : 1;
}

/* A labelled value, each line of it made safe and indented under the first. */
static void
export_put(const char *indent, const char *label, const char *value)
{
	char safe[BOOK_TEXT_MAX * 4], *copy, *line, *next;
	int first = 1;

	if (value == NULL || *value == '\0')
		return;
	if ((copy = strdup(value)) == NULL)
		return;
	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		text_visible(line, safe, sizeof safe);
		printf("%s%-12s %s\n", indent, first ? label : "", safe);
		first = 0;
	}
	explicit_bzero(copy, strlen(value));
	free(copy);
}

/* Labelled values, each as export_put prints it, in order. */
struct export_field {
	const char *label, *value;
};

static void
export_fields(const char *indent, const struct export_field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		export_put(indent, f[i].label, f[i].value);
}

static void
export_when(uint64_t t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
export_case(const struct book_case *c, uint64_t subject)
{
	const struct export_field about[] = {
		{ "team", c->team }, { "service", c->service }, { "owner", c->staff.owner },
		{ "manager", c->staff.manager }, { "investigator", c->staff.investigator },
		{ "independent", c->staff.independent }, { "adjudicator", c->staff.adjudicator },
		{ "panel", c->staff.panel[0] }, { "panel", c->staff.panel[1] },
		{ "panel", c->staff.panel[2] }, { "redirected", c->redirect_to },
		{ "thanked", c->thanked },
		{ "safeguarding", c->safeguarding ? "flagged and sent to the children's helpdesk" : "" },
		{ "summary", c->summary },
	};
	char line[BOOK_TEXT_MAX + 256], when[32];
	size_t i, k;
	int len;

	printf("\ncase %s  %s, received %s by %s; %s, stage %d\n", c->ref,
	       route_name((enum route)c->kind), c->received, channel_name(c->channel),
	       case_status_name((enum case_status)c->status), c->stage);
	export_fields("  ", about, sizeof about / sizeof about[0]);
	for (i = 0; i < c->nparties; i++) {
		const struct book_party *p = &c->parties[i];

		snprintf(line, sizeof line, "%s%s%s (%s%s%s%s)%s", p->who.name,
		         p->who.dob[0] ? ", born " : "", p->who.dob, party_role_name(p->role),
		         p->eligible ? "" : "; not eligible",
		         p->consent ? "; consents to a representative" : "",
		         p->informed ? "; representative kept informed" : "",
		         p->person == subject ? "  <- the subject" : "");
		export_put("  ", vocab_name(VOCAB_PARTY_KIND, p->kind != 0), line);
		export_put("  ", "  views", p->views);
	}
	if (c->advocacy.offered[0] != '\0') {
		snprintf(line, sizeof line, "offered %s%s%s; %s", c->advocacy.offered,
		         c->advocacy.service[0] ? ", referred to " : "", c->advocacy.service,
		         vocab_label(VOCAB_ADVOCACY, c->advocacy.response % 3));
		export_put("  ", "advocacy", line);
	}
	for (i = 0; i < c->npoints; i++) {
		len = snprintf(line, sizeof line, "%u. ", c->points[i].number);
		for (k = 0; k < c->nfindings; k++)
			if (c->findings[k].point == c->points[i].number && len < (int)sizeof line)
				len += snprintf(line + len, sizeof line - (size_t)len, "[stage %u: %s] ",
				                c->findings[k].stage, outcome_name(c->findings[k].outcome));
		if (len < (int)sizeof line)
			snprintf(line + len, sizeof line - (size_t)len, "%s", c->points[i].text);
		export_put("  ", "point", line);
	}
	for (i = 0; i < c->nrecs; i++) {
		snprintf(line, sizeof line, "%u. (stage %u, %s, due %s%s%s) %s", c->recs[i].number,
		         c->recs[i].stage, c->recs[i].owner, c->recs[i].due,
		         c->recs[i].done[0] ? ", done " : ", open", c->recs[i].done, c->recs[i].text);
		export_put("  ", "recommend", line);
	}
	printf("  timeline\n");
	for (i = 0; i < c->nevents; i++) {
		const struct book_event *e = &c->events[i];

		export_when(e->recorded_at, when, sizeof when);
		snprintf(line, sizeof line, "%s%s%s%s%s%s (recorded by %s, %s)%s%s",
		         event_describe((enum event_type)e->type), e->until[0] ? " until " : "",
		         e->until,
		         e->decision == DECISION_ACCEPTED ? ": accepted" :
		         e->decision == DECISION_REFUSED ? ": refused" : "",
		         e->reason ? ", " : "", e->reason ? refusal_describe((enum refusal)e->reason) : "",
		         e->author, when, e->note[0] ? ": " : "", e->note);
		export_put("    ", e->date, line);
	}
}

struct audit_filter {
	uint64_t person;
	char (*refs)[BOOK_REF_MAX];
	size_t nrefs;
	size_t shown;
	FILE *out;
};

static int
export_read_each(const struct book_audit *a, void *ctx)
{
	struct audit_filter *f = ctx;
	char login[256], record[256], fields[640], when[32];

	text_visible(a->login, login, sizeof login);
	text_visible(a->record, record, sizeof record);
	text_visible(a->fields, fields, sizeof fields);
	export_when(a->time, when, sizeof when);
	fprintf(f->out, "  %6llu %s %-10s %-14s %-16s %s\n", (unsigned long long)a->seq, when, login,
	        a->action, record, fields);
	f->shown++;
	return 0;
}

static int
export_audit_each(const struct book_audit *a, void *ctx)
{
	struct audit_filter *f = ctx;
	char want[32];
	unsigned long long lo, hi;
	bool about = false;
	size_t i;

	if (book_audit_is_read(a))
		return 0; /* listed with the reads */
	snprintf(want, sizeof want, "person %llu", (unsigned long long)f->person);
	if (strcmp(a->record, want) == 0 || strcmp(a->action, "export.csv") == 0)
		about = true;
	else if (sscanf(a->record, "people %llu-%llu", &lo, &hi) == 2 && f->person >= lo &&
	         f->person <= hi)
		about = true;
	for (i = 0; i < f->nrefs && !about; i++)
		if (strcmp(a->record, f->refs[i]) == 0)
			about = true;
	return about ? export_read_each(a, ctx) : 0;
}

/* Their equality monitoring answers: held about them, so theirs to see. */
static int
export_equality(struct book *b, uint64_t id)
{
	struct book_equality eq;
	struct err err;
	char line[256];
	size_t i, at;
	int rc;

	rc = book_equality_get(b, id, &eq, &err);
	if (rc == BOOK_EDENIED) /* a party to a case restricted away from this user */
		snprintf(line, sizeof line, "sealed: not opened for %s", book_login(b));
	else if (rc != 0)
		return cli_book_status(rc, &err);
	else if (eq.consent[0] == '\0')
		snprintf(line, sizeof line, "not asked");
	else if (strcmp(eq.consent, "yes") != 0)
		snprintf(line, sizeof line, "asked; consent declined, nothing recorded");
	else {
		at = (size_t)snprintf(line, sizeof line, "consent given");
		for (i = 0; i < EQUALITY_QUESTIONS && at < sizeof line; i++)
			at += (size_t)snprintf(line + at, sizeof line - at, "; %s %s", equality_label(i),
			                       eq.answer[i][0] ? eq.answer[i] : "not answered");
	}
	export_put("", "equality", line);
	explicit_bzero(&eq, sizeof eq);
	return CLI_OK;
}

static int
export_person(struct book *b, uint64_t id, struct book_case *c)
{
	struct audit_filter f;
	struct book_contact ct;
	struct book_person p;
	struct book_adjust adj;
	/* what is printed of each, by label: read into p, adj and ct below */
	const struct export_field who[] = { { "name", p.name }, { "born", p.dob } };
	const struct export_field adjusted[] = {
		{ "adjustments", adj.text }, { "agreed on", adj.agreed },
		{ "reviewed", adj.reviewed }, { "next review", adj.review },
	};
	const struct export_field reach[] = {
		{ "address", ct.address }, { "e-mail", ct.email }, { "phone", ct.phone },
		{ "prefers", ct.prefer }, { "safe to write", ct.safe },
	};
	struct err err;
	char when[32];
	size_t i;
	int rc;

	if ((rc = cli_book_status(book_person_get(b, id, &p, &err), &err)) != CLI_OK)
		return rc;
	printf("\n== person %llu\n", (unsigned long long)id);
	export_fields("", who, sizeof who / sizeof who[0]);
	/* reasonable adjustments agreed with them (adjust.h), when there are */
	if ((rc = cli_book_status(book_adjust_get(b, id, &adj, &err), &err)) != CLI_OK)
		return rc;
	export_fields("", adjusted, sizeof adjusted / sizeof adjusted[0]);
	explicit_bzero(&adj, sizeof adj);
	export_when(p.updated_at, when, sizeof when);
	printf("%-12s %llu, last changed %s by %s\n", "revision", (unsigned long long)p.rev, when,
	       p.updated_by);
	explicit_bzero(&p, sizeof p);
	/* how to reach them is held about them too: opened only here, as the
	 * name is, the read on record */
	if ((rc = cli_book_status(book_contact_get(b, id, &ct, &err), &err)) != CLI_OK)
		return rc;
	export_fields("", reach, sizeof reach / sizeof reach[0]);
	explicit_bzero(&ct, sizeof ct);
	if ((rc = export_equality(b, id)) != CLI_OK)
		return rc;
	memset(&f, 0, sizeof f);
	f.person = id;
	if ((rc = cli_book_status(book_person_cases(b, id, &f.refs, &f.nrefs, &err), &err)) != CLI_OK)
		return rc;
	printf("%-12s %zu\n", "cases", f.nrefs);
	for (i = 0; i < f.nrefs && rc == CLI_OK; i++)
		if ((rc = cli_book_status(book_case_get(b, f.refs[i], c, &err), &err)) == CLI_OK)
			export_case(c, id);
	if (rc == CLI_OK) {
		printf("\n  audit entries about person %llu and these cases (changes and imports)\n",
		       (unsigned long long)id);
		struct cli_out out;

		if ((rc = cli_out_begin(&out)) == CLI_OK) {
			f.out = out.f;
			rc = cli_out_end(&out, cli_book_status(book_audit_list(b, export_audit_each, &f,
			                                                       &err), &err));
		}
		if (rc == CLI_OK && f.shown == 0)
			printf("  none\n");
	}
	if (rc == CLI_OK) {
		struct book_reads_filter rf = { NULL, id, NULL, 0 };
		struct cli_out out;

		printf("\n  reads of person %llu's identity and of these cases (who opened them, "
		       "when,\n  through what)\n", (unsigned long long)id);
		f.shown = 0;
		if ((rc = cli_out_begin(&out)) == CLI_OK) {
			f.out = out.f;
			rc = cli_out_end(&out, cli_book_status(book_reads_list(b, &rf, export_read_each,
			                                                       &f, &err), &err));
		}
		if (rc == CLI_OK && f.shown == 0)
			printf("  none\n");
	}
	free(f.refs);
	return rc;
}

static int
export_subject(struct book *b, const char *subject, const char *dob, const char *person)
{
	uint64_t ids[EXPORT_SUBJECTS_MAX];
	struct book_case *c = NULL;
	struct book_info info;
	struct err err;
	char record[64], when[32];
	size_t n = 0, i;
	bool by_ref = false;
	int rc;

	if (person != NULL) {
		if ((rc = cli_id("export: --person", person, &ids[0])) != CLI_OK)
			return rc;
		n = 1;
		if (!book_has_key(b))
			return cli_error(CLI_USAGE, "export: a subject access export needs the data key");
	} else if ((rc = cli_book_status(book_subject_people(b, subject, dob, ids,
	                                                     EXPORT_SUBJECTS_MAX, &n, &by_ref,
	                                                     &err), &err)) != CLI_OK)
		return rc;
	if (n == 0 && by_ref)
		return cli_error(CLI_USAGE, "export: %s names no one: its people were erased under "
		                 "the retention rule", subject);
	if (n == 0)
		return cli_error(CLI_USAGE, "export: nobody in this book is named \"%s\"%s%s", subject,
		                 dob ? " and born " : "", dob ? dob : "");
	if (n > 1 && !by_ref) {
		char list[256] = "";
		size_t len = 0;

		for (i = 0; i < n && len < sizeof list; i++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%llu", i ? ", " : "",
			                        (unsigned long long)ids[i]);
		return cli_error(CLI_USAGE, "export: %zu people are named \"%s\" (persons %s): narrow "
		                 "with --dob DATE or choose one with --person ID", n, subject, list);
	}
	/* each person's disclosure is in the audit chain before anything is
	 * shown, and each person and case opened is a read on record */
	book_reads_via(b, "subject access export", false);
	for (i = 0; i < n; i++) {
		snprintf(record, sizeof record, "person %llu", (unsigned long long)ids[i]);
		if ((rc = cli_book_status(book_disclosure(b, "export.subject", record,
		                                          "subject access", &err), &err)) != CLI_OK)
			return rc;
	}
	if ((rc = cli_book_status(book_info(b, &info, &err), &err)) != CLI_OK)
		return rc;
	if ((c = book_case_new()) == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	export_when((uint64_t)time(NULL), when, sizeof when);
	printf("redress subject access export\n");
	export_put("", "book", book_dir(b));
	printf("%-12s %s by %s\n", "made", when, book_login(b));
	export_put("", "asked for", person != NULL ? "a person by id" : subject);
	printf("%-12s %zu%s\n", "people", n, by_ref ? " (every party to the case)" : "");
	printf("%-12s Every change, import and export of identity is in the audit\n"
	       "%-12s chain, this export among them (export.subject), and every read\n"
	       "%-12s of names or narrative: both are listed for each person below.\n",
	       "note", "", "");
	printf("%-12s Other people on these cases are named: redact them before\n"
	       "%-12s disclosure.\n", "note", "");
	for (i = 0; i < n && rc == CLI_OK; i++)
		rc = export_person(b, ids[i], c);
	book_case_free(c);
	return rc;
}

static int
cmd_export_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *format = NULL, *subject = NULL, *dob = NULL, *person = NULL, *pos[1];
	int names = 0;
	const struct cli_spec spec[] = {
		{ "format", &format, NULL }, { "subject", &subject, NULL }, { "dob", &dob, NULL },
		{ "person", &person, NULL }, { "names", NULL, &names }, { NULL, NULL, NULL },
	};
	struct book *b = NULL;
	struct date d;
	struct err err;
	size_t count;
	int npos, rc;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 0, 0, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if ((subject != NULL || person != NULL) == (format != NULL))
		return cli_error(CLI_USAGE, "export: --format csv, or --subject NAME-OR-REF (or "
		                 "--person ID)");
	if (format != NULL && strcmp(format, "csv") != 0)
		return cli_error(CLI_USAGE, "export: --format is csv");
	if (subject != NULL && person != NULL)
		return cli_error(CLI_USAGE, "export: --subject or --person, not both");
	if (dob != NULL && (subject == NULL || (rc = cli_date("export: --dob", dob, &d)) != CLI_OK))
		return subject == NULL ? cli_error(CLI_USAGE, "export: --dob goes with --subject") : rc;
	/* pseudonyms need no passphrase; identity does */
	if ((rc = cli_book_open_unlock(env, &b, names || format == NULL)) != CLI_OK)
		return rc;
	/* identity redirected into a file: that file is the person's alone,
	 * whatever the shell's umask made it (as letters are) */
	if (names || format == NULL) {
		struct stat sb;

		if (fstat(STDOUT_FILENO, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 0077) &&
		    fchmod(STDOUT_FILENO, sb.st_mode & 0700) != 0) {
			rc = cli_error(CLI_FAIL, "export: cannot make the output file private: %s",
			               strerror(errno));
			goto out;
		}
	}
	if (format != NULL) {
		struct cli_out out;

		if ((rc = cli_out_begin(&out)) == CLI_OK)
			rc = cli_out_end(&out, cli_book_status(book_export_csv(b, names, export_line,
			                                                       out.f, &count, &err), &err));
	} else
		rc = export_subject(b, subject, dob, person);
out:
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_export_entry = {
	.name = "export",
	.usage = "--format csv [--names] | --subject NAME-OR-REF [--dob DATE] | --person ID",
	.summary = "every case as CSV, or everything held about one person (subject access)",
	.help = "--format csv: every case, one row each (RFC 4180, CRLF), in the columns\n"
	        "  `redress import` reads.  Without --names: pseudonyms (Child C-0042), no\n"
	        "  names, dates of birth, summaries or points, and no passphrase.  With\n"
	        "  --names (the data key needed): identity too, and the export is recorded\n"
	        "  in the audit chain first.\n"
	        "--subject NAME-OR-REF: for a subject access request, the person named\n"
	        "  (exactly, through the blind index; --dob narrows) or every party to the\n"
	        "  case REF: their record, every case they are party to with its timeline,\n"
	        "  notes, points, findings and views, and the audit entries about them.  The\n"
	        "  export is recorded in the audit chain (export.subject) before anything is\n"
	        "  shown.  Reads are not audited, and the export says so.",
	.exec = cmd_export_exec,
};
