/* letter.c - letters: finding and reading templates along a search path,
 * and gathering one case (names, timeline, deadlines, profile) to fill one. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book-int.h"
#include "redress/clock.h"
#include "redress/letter.h"
#include "redress/template.h"
#include "redress/workflow.h"

#define LETTER_LIST_MAX 256

bool
letter_name_ok(const char *name)
{
	size_t i;

	if (name == NULL || *name == '\0' || *name == '-' || strlen(name) >= PROFILE_KEY_MAX)
		return false;
	for (i = 0; name[i] != '\0'; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
		      name[i] == '-' || name[i] == '_'))
			return false;
	return true;
}

static bool
letter_isfile(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
letter_find(const struct letter_path *lp, const char *name, char *path, struct err *err)
{
	char where[ERR_MAX] = "";
	size_t i, used = 0;

	if (!letter_name_ok(name))
		return err_set(err, "\"%.40s\" is not a template's name (a-z, 0-9, - and _)", name),
		       BOOK_EUSAGE;
	for (i = 0; i < lp->n; i++) {
		snprintf(path, LETTER_PATH_MAX, "%s/%s", lp->dirs[i], name);
		if (letter_isfile(path))
			return 0;
		if (used < sizeof where)
			used += (size_t)snprintf(where + used, sizeof where - used, "%s%s",
			                         i ? ", " : "", lp->dirs[i]);
	}
	path[0] = '\0';
	return err_set(err, "no template named \"%s\" in %s (see: redress letter --list)", name,
	               lp->n ? where : "no directory"), BOOK_EUSAGE;
}

/* Reads a whole template file (at most TEMPLATE_MAX bytes). */
static int
letter_read(const char *path, char **text, size_t *len, struct err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL)
		return err_set(err, "%s: %s", path, strerror(errno));
	if ((buf = malloc(TEMPLATE_MAX + 2)) == NULL) {
		fclose(f);
		return err_set(err, "out of memory");
	}
	n = fread(buf, 1, TEMPLATE_MAX + 1, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return err_set(err, "%s: read error", path);
	}
	fclose(f);
	if (n > TEMPLATE_MAX) {
		free(buf);
		return err_set(err, "%s: larger than %d bytes", path, TEMPLATE_MAX), BOOK_EUSAGE;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

int
letter_load(const char *path, const struct profile *p, struct template **t, struct err *err)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = letter_read(path, &text, &len, err)) != 0)
		return rc;
	rc = template_parse(text, len, path, p, t, err) == 0 ? 0 : BOOK_EUSAGE;
	free(text);
	return rc;
}

/* The first comment of a template, without parsing it (no profile). */
static void
letter_describe_raw(const char *text, char *out, size_t n)
{
	const char *s = strstr(text, "{{#"), *e;

	out[0] = '\0';
	if (s == NULL || (e = strstr(s, "}}")) == NULL || memchr(s, '\n', (size_t)(e - s)) != NULL)
		return;
	s += 3;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	snprintf(out, n, "%.*s", (int)(e - s), s);
}

static int
letter_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
letter_list(const struct letter_path *lp, const struct profile *p,
            int (*each)(const struct letter_entry *, void *), void *ctx, struct err *err)
{
	char (*names)[PROFILE_KEY_MAX];
	struct letter_entry *e;
	size_t n = 0, i, k;
	int rc = 0;

	names = calloc(LETTER_LIST_MAX, sizeof *names);
	e = malloc(sizeof *e);
	if (names == NULL || e == NULL) {
		free(names);
		free(e);
		return err_set(err, "out of memory");
	}
	for (i = 0; i < lp->n; i++) {
		DIR *d = opendir(lp->dirs[i]);
		struct dirent *de;

		if (d == NULL)
			continue;
		while ((de = readdir(d)) != NULL && n < LETTER_LIST_MAX) {
			if (!letter_name_ok(de->d_name))
				continue;
			for (k = 0; k < n; k++)
				if (strcmp(names[k], de->d_name) == 0)
					break;
			if (k == n)
				snprintf(names[n++], PROFILE_KEY_MAX, "%.39s", de->d_name);
		}
		closedir(d);
	}
	qsort(names, n, sizeof *names, letter_cmp);
	for (i = 0; i < n && rc == 0; i++) {
		struct template *t = NULL;
		struct err e2;
		char *text;
		size_t len;

		memset(e, 0, sizeof *e);
		snprintf(e->name, sizeof e->name, "%s", names[i]);
		if (letter_find(lp, names[i], e->path, &e2) != 0)
			continue; /* not a regular file */
		if (letter_read(e->path, &text, &len, &e2) != 0) {
			snprintf(e->problem, sizeof e->problem, "%s", e2.msg);
		} else {
			letter_describe_raw(text, e->describe, sizeof e->describe);
			if (p != NULL && template_parse(text, len, e->path, p, &t, &e2) != 0)
				snprintf(e->problem, sizeof e->problem, "%s", e2.msg);
			template_free(&t);
			free(text);
		}
		rc = each(e, ctx);
	}
	free(names);
	free(e);
	return rc;
}

int
letter_make(struct book *b, const char *ref, const struct template *t, const char *date,
            const char *authority, char **text, size_t *len, struct err *err)
{
	const struct profile *prof;
	const struct calendar *cal;
	struct book_case *c;
	struct template_case tc;
	struct book_contact *ct = NULL;
	const struct book_party *to = NULL;
	struct wf_event *wf = NULL;
	struct deadline *dl = NULL;
	size_t i, nd;
	int rc;

	*text = NULL;
	*len = 0;
	if (!book_has_key(b))
		return err_set(err, "letters name people, and %s does not hold the book's data key "
		               "(an admin grants it: redress user grant)", book_login(b)),
		       BOOK_EDENIED;
	if (book_profile(b, &prof, &cal, err) != 0)
		return -1;
	if ((c = book_case_new()) == NULL)
		return err_set(err, "out of memory");
	if ((rc = book_case_get(b, ref, c, err)) != 0)
		goto out;
	rc = -1;
	wf = calloc(c->nevents + 1, sizeof *wf);
	dl = calloc(PROFILE_RULES_MAX, sizeof *dl);
	if (wf == NULL || dl == NULL) {
		err_set(err, "out of memory");
		goto out;
	}
	if (book_case_deadlines(b, c, dl, PROFILE_RULES_MAX, &nd, err) != 0)
		goto out;
	memset(&tc, 0, sizeof tc);
	if (date_parse(date, &tc.date, err) != 0) {
		rc = BOOK_EUSAGE;
		goto out;
	}
	if (date_parse(c->received, &tc.received, err) != 0)
		goto out;
	tc.authority = authority != NULL && *authority != '\0' ? authority : prof->title;
	tc.ref = c->ref;
	tc.team = c->team;
	tc.service = c->service;
	tc.owner = c->staff.owner;
	tc.summary = c->summary;
	tc.redirect_to = c->redirect_to;
	tc.thanked = c->thanked;
	tc.route = (enum route)c->kind;
	tc.stage = c->stage;
	for (i = c->nparties; i > 0; i--) {
		const struct book_party *p = &c->parties[i - 1];

		if (!p->who.shown)
			continue;
		if (p->kind == 1)
			tc.complainant = p->who.name;
		else
			tc.child = p->who.name;
		/* the addressee: the first complainant, else the first child */
		if (p->kind == 1 || to == NULL || to->kind != 1)
			to = p;
	}
	if (to != NULL) {
		if ((ct = book_secret_alloc(sizeof *ct)) == NULL) {
			err_set(err, "out of memory");
			goto out;
		}
		if ((rc = book_contact_get(b, to->person, ct, err)) != 0)
			goto out;
		rc = -1;
		if (strcmp(ct->safe, "no") == 0) {
			err_set(err, "%s is recorded as not safe to write to: no letter is made (redress "
			        "person contact %llu --safe yes, once it is)", to->who.name,
			        (unsigned long long)to->person);
			rc = BOOK_EUSAGE;
			goto out;
		}
		tc.address = ct->address;
	}
	tc.events = wf;
	tc.nevents = book_case_workflow(c, wf, c->nevents);
	tc.profile = prof;
	tc.deadlines = dl;
	tc.ndeadlines = nd;
	rc = template_fill(t, &tc, text, len, err) == 0 ? 0 : BOOK_EUSAGE;
out:
	if (ct != NULL)
		book_secret_free(ct, sizeof *ct);
	free(wf);
	free(dl);
	book_case_free(c);
	return rc;
}

int
letter_save(const char *dir, const char *ref, const char *tname, const char *date,
            const char *text, size_t len, unsigned mask, char *path, size_t pathlen,
            struct err *err)
{
	mode_t mode = 0640 & ~(mode_t)mask;
	char safe[BOOK_REF_MAX];
	int fd = -1, i;
	size_t off = 0, k;

	/* a reference brought over from another system may hold '/' or '.':
	 * the file's name stays inside dir whatever it holds */
	for (k = 0; ref[k] != '\0' && k + 1 < sizeof safe; k++)
		safe[k] = (ref[k] >= 'a' && ref[k] <= 'z') || (ref[k] >= 'A' && ref[k] <= 'Z') ||
		          (ref[k] >= '0' && ref[k] <= '9') || (k > 0 && (ref[k] == '-' || ref[k] == '_'))
		                  ? ref[k] : '_';
	safe[k] = '\0';
	if (!letter_name_ok(tname))
		return err_set(err, "letter: \"%.40s\" is not a template's name", tname), BOOK_EUSAGE;
	for (i = 1; i < 100 && fd < 0; i++) {
		if (i == 1)
			snprintf(path, pathlen, "%s/%s-%s-%s.txt", dir, safe, tname, date);
		else
			snprintf(path, pathlen, "%s/%s-%s-%s-%d.txt", dir, safe, tname, date, i);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
		if (fd < 0 && errno != EEXIST) {
			int e = errno;

			err_set(err, "letter: %s: %s", path, strerror(e));
			return e == ENOENT || e == ENOTDIR || e == EACCES ? BOOK_EUSAGE : -1;
		}
	}
	if (fd < 0)
		return err_set(err, "letter: %s: too many letters of that name", path);
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;

			close(fd);
			unlink(path);
			return err_set(err, "letter: %s: %s", path, strerror(e));
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		int e = errno;

		unlink(path);
		return err_set(err, "letter: %s: %s", path, strerror(e));
	}
	return 0;
}

/* --- letters ------------------------------------------------------------------------ */

struct letter_ctx {
	struct book *b;
	const char *ref, *template, *date, *note;
	struct book_case *c;
};

static int
case_letter_txn(struct store_txn *t, void *vctx)
{
	struct letter_ctx *x = vctx;
	struct err *err = store_txn_err(t);
	struct book_step s;
	struct date d, recv;
	const void *old;
	void *oldcopy;
	size_t oldlen;
	char d1[DATE_STRLEN];
	int rc;

	if ((rc = case_load_for_change(x->b, t, x->ref, 0, x->c, &old, &oldlen)) != 0)
		return rc;
	if (date_parse(x->date, &d, err) != 0)
		return err_prefix(err, "the letter's date"), BOOK_EUSAGE;
	if (date_parse(x->c->received, &recv, err) == 0 && d.day < recv.day)
		return err_set(err, "a letter dated %s is before %s was received (%s)", x->date,
		               x->ref, x->c->received), BOOK_EUSAGE;
	if (d.day > book_today(x->b).day)
		return err_set(err, "a letter dated %s is in the future (today is %s)", x->date,
		               date_format(book_today(x->b), d1)), BOOK_EUSAGE;
	if ((oldcopy = malloc(oldlen)) == NULL)
		return err_set(err, "out of memory");
	memcpy(oldcopy, old, oldlen);
	memset(&s, 0, sizeof s);
	s.type = EV_LETTER_SENT;
	s.date = x->date;
	s.note = x->note;
	x->c->rev++;
	/* a letter changes no state of the procedure: no workflow check, but the
	 * record is rewritten so that its revision tells others it changed */
	rc = case_add_event(x->b, t, x->c, &s, x->b->key_id);
	if (rc == 0)
		rc = case_write(x->b, t, x->c, oldcopy, oldlen, x->b->key_id);
	free(oldcopy);
	if (rc != 0)
		return rc;
	return book_audit_append(x->b, t, "case.letter", x->ref, x->template);
}

int
book_case_letter(struct book *b, const char *ref, const char *template, const char *date,
                 const char *note, struct err *err)
{
	struct letter_ctx x = { b, ref, template, date, note, NULL };
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0)
		return rc;
	if (template == NULL || *template == '\0' || strlen(template) >= PROFILE_KEY_MAX ||
	    (rc = book_check_text("the template's name", template, PROFILE_KEY_MAX - 1, false,
	                          err)) != 0)
		return rc != 0 ? rc : (err_set(err, "which template?"), BOOK_EUSAGE);
	if (date == NULL)
		return err_set(err, "the letter needs a date"), BOOK_EUSAGE;
	if (note != NULL && (rc = book_check_text("the note", note, BOOK_TEXT_MAX - 1, true, err)))
		return rc;
	return book_write_case(b, ROLE_CASEWORKER, true, case_letter_txn, &x, &x.c, err);
}
