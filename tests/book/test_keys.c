/* test_keys.c - keys rotated under open sessions, in real processes: one
 * process holds the book open and unlocked (as the client does all day)
 * while an admin's process rotates the data key, revokes its user or
 * changes its role; then it writes.  What it writes must read back for
 * everyone, under the new key, with nothing else on the case lost; a
 * revoked or demoted session is refused with the book unchanged.
 *
 * LMDB is never used across fork(): the parent closes the book before
 * each fork, each child opens its own.  Children report through their
 * exit status and a line on stderr, never through cmocka.  Revoking and
 * demoting need a second Unix user: as root a child takes uid 4242 (with
 * the book's group); otherwise those tests say so and pass. */
#define _GNU_SOURCE /* setresuid, setresgid */
#include "testutil.h"

#include <grp.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "redress/book.h"
#include "redress/codec.h"
#include "redress/codes.h"
#include "redress/store.h"
#include "redress/workflow.h"
#include "../../src/book/book-int.h"

#define PASS "admin passphrase"
#define PASS2 "caseworker passphrase"
#define OTHER_UID 4242
#define OTHER_LOGIN "uid4242"
#define SUMMARY "Contact with Siân was stopped without notice."
#define POINT1 "Visits were cancelled without notice."
#define VIEWS "Zoë wants to see her brother."
#define RECTEXT "Review how visits are cancelled."
#define NOTE1 "Phoned the mother before the rotation."
#define NOTE2 "Phoned again after the rotation."
#define POINT2 "Letters went to the wrong address."
#define CHILD_ALARM 30

static char dir[64];
static char ref[BOOK_REF_MAX];

static struct book *
open_as(const char *pass)
{
	return testutil_book_open(dir, 0, pass);
}

/* A book whose one case has every kind of sealed field. */
static int
setup(void **state)
{
	struct book_case_new in;
	struct book_party_new pn;
	struct book_step st;
	struct book *b;
	struct err err;
	unsigned num;

	(void)state;
	testutil_book_create(dir, sizeof dir, "keys", "gloucestershire", PASS);
	b = open_as(PASS);
	book_set_today(b, 20600); /* 2026-05-27 */
	memset(&in, 0, sizeof in);
	in.kind = ROUTE_COMPLAINT;
	in.received = "2026-05-01";
	in.child_name = "Zoë Wąsowska";
	in.summary = SUMMARY;
	if (book_case_add(b, &in, ref, &err) != 0)
		fail_msg("case add: %s", err.msg);
	if (book_case_point(b, ref, POINT1, &num, &err) != 0)
		fail_msg("point: %s", err.msg);
	memset(&pn, 0, sizeof pn);
	pn.kind = 1;
	pn.role = PARTY_PARENT;
	pn.name = "Siân Hughes";
	pn.views = VIEWS;
	if (book_case_party(b, ref, &pn, &err) != 0)
		fail_msg("party: %s", err.msg);
	if (book_case_recommend(b, ref, 1, RECTEXT, "manager1", "2026-07-01", &num, &err) != 0)
		fail_msg("recommend: %s", err.msg);
	memset(&st, 0, sizeof st);
	st.type = EV_NOTE;
	st.date = "2026-05-04";
	st.note = NOTE1;
	if (book_case_step(b, ref, &st, &err) != 0)
		fail_msg("note: %s", err.msg);
	book_close(&b);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmtree(dir);
	return 0;
}

/* --- the child: a long-lived session ------------------------------------------- */

enum child_expect { CHILD_WRITES, CHILD_REVOKED, CHILD_DEMOTED };

#define CHILD_FAIL(...)                                        \
	do {                                                   \
		fprintf(stderr, "child: " __VA_ARGS__);        \
		fputc('\n', stderr);                           \
		_exit(1);                                      \
	} while (0)

static void
child_as_other(void)
{
	gid_t g = getgid();

	if (setgroups(0, NULL) != 0 || setresgid(g, g, g) != 0 ||
	    setresuid(OTHER_UID, OTHER_UID, OTHER_UID) != 0)
		CHILD_FAIL("cannot become uid %d", OTHER_UID);
}

/* Opens and unlocks, reads the case (says 'r'), waits for 'g', then
 * writes a note and a point: they must be saved, or refused as expected
 * with the keys wiped. */
static void
child_session(int rd, int wr, bool other, enum child_expect expect)
{
	const char *pass = other ? PASS2 : PASS;
	struct book_case *c;
	struct book_step st;
	struct book *b;
	struct err err;
	unsigned num;
	char go;
	int rc;

	alarm(CHILD_ALARM);
	if (other)
		child_as_other();
	if (book_open(dir, 0, &b, &err) != 0)
		CHILD_FAIL("open: %s", err.msg);
	if (book_unlock(b, pass, strlen(pass), &err) != 0)
		CHILD_FAIL("unlock: %s", err.msg);
	book_set_today(b, 20600);
	if ((c = book_case_new()) == NULL || book_case_get(b, ref, c, &err) != 0)
		CHILD_FAIL("get: %s", c == NULL ? "out of memory" : err.msg);
	if (strcmp(c->summary, SUMMARY) != 0)
		CHILD_FAIL("summary before: %s", c->summary);
	if (write(wr, "r", 1) != 1 || read(rd, &go, 1) != 1 || go != 'g')
		CHILD_FAIL("no go");
	memset(&st, 0, sizeof st);
	st.type = EV_NOTE;
	st.date = "2026-05-20";
	st.note = NOTE2;
	st.base_rev = c->rev;
	rc = book_case_step(b, ref, &st, &err);
	switch (expect) {
	case CHILD_WRITES:
		if (rc != 0)
			CHILD_FAIL("note after the rotation: %d %s", rc, err.msg);
		if (book_case_point(b, ref, POINT2, &num, &err) != 0)
			CHILD_FAIL("point after the rotation: %s", err.msg);
		if (!book_has_key(b))
			CHILD_FAIL("the session does not hold the new key");
		break;
	case CHILD_REVOKED:
		if (rc != BOOK_EREVOKED || strstr(err.msg, "revoked") == NULL ||
		    strchr(err.msg, '\n') != NULL)
			CHILD_FAIL("a revoked session's note: %d %s", rc, err.msg);
		if (book_unlocked(b) || book_has_key(b) || !book_revoked(b))
			CHILD_FAIL("a revoked session keeps its keys");
		rc = book_case_point(b, ref, POINT2, &num, &err);
		if (rc == 0)
			CHILD_FAIL("a revoked session added a point");
		if (book_refresh(b, &err) != BOOK_EREVOKED ||
		    book_unlock(b, pass, strlen(pass), &err) != BOOK_EREVOKED || book_unlocked(b))
			CHILD_FAIL("a revoked session unlocks again");
		break;
	case CHILD_DEMOTED:
		if (rc != BOOK_EDENIED || strstr(err.msg, "role is now auditor") == NULL)
			CHILD_FAIL("a demoted session's note: %d %s", rc, err.msg);
		if (book_role(b) != ROLE_AUDITOR)
			CHILD_FAIL("the session's role is %s", role_name(book_role(b)));
		break;
	}
	book_case_free(c);
	book_close(&b);
	_exit(0);
}

struct kid {
	pid_t pid;
	int rd, wr; /* the parent's ends */
};

static void
kid_start(struct kid *k, bool other, enum child_expect expect)
{
	int down[2], up[2];
	char r;

	assert_int_equal(pipe(down), 0);
	assert_int_equal(pipe(up), 0);
	fflush(NULL);
	k->pid = fork();
	assert_true(k->pid >= 0);
	if (k->pid == 0) {
		close(down[1]);
		close(up[0]);
		child_session(down[0], up[1], other, expect);
	}
	close(down[0]);
	close(up[1]);
	k->rd = up[0];
	k->wr = down[1];
	if (read(k->rd, &r, 1) != 1 || r != 'r') {
		kill(k->pid, SIGKILL);
		waitpid(k->pid, NULL, 0);
		fail_msg("the session did not open the book");
	}
}

static int
kid_finish(struct kid *k)
{
	int status;

	assert_int_equal(write(k->wr, "g", 1), 1);
	assert_int_equal(waitpid(k->pid, &status, 0), k->pid);
	close(k->rd);
	close(k->wr);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* --- the checks ------------------------------------------------------------------- */

static void
assert_no_placeholder(const char *what, const char *s)
{
	if (strstr(s, "cannot open") != NULL || strchr(s, '[') != NULL)
		fail_msg("%s reads \"%s\"", what, s);
}

/* Every sealed field of the case reads back, for a third reader holding
 * only the book's current key; nothing is a placeholder or unopened. */
static void
assert_case_whole(const struct book_case *c, bool note2, bool point2)
{
	size_t i;
	bool saw1 = false, saw2 = false;

	assert_false(c->summary_unopened);
	assert_string_equal(c->summary, SUMMARY);
	assert_int_equal(c->npoints, point2 ? 2 : 1);
	assert_string_equal(c->points[0].text, POINT1);
	if (point2)
		assert_string_equal(c->points[1].text, POINT2);
	assert_int_equal(c->nparties, 2);
	assert_string_equal(c->parties[1].views, VIEWS);
	assert_false(c->parties[1].unopened);
	assert_string_equal(c->parties[1].who.name, "Siân Hughes");
	assert_string_equal(c->parties[0].who.name, "Zoë Wąsowska");
	assert_int_equal(c->nrecs, 1);
	assert_string_equal(c->recs[0].text, RECTEXT);
	assert_no_placeholder("the summary", c->summary);
	for (i = 0; i < c->npoints; i++) {
		assert_false(c->points[i].unopened);
		assert_no_placeholder("a point", c->points[i].text);
	}
	assert_false(c->recs[0].unopened);
	for (i = 0; i < c->nevents; i++) {
		assert_false(c->events[i].unopened);
		assert_no_placeholder("a note", c->events[i].note);
		saw1 |= strcmp(c->events[i].note, NOTE1) == 0;
		saw2 |= strcmp(c->events[i].note, NOTE2) == 0;
	}
	assert_true(saw1);
	assert_true(saw2 == note2);
}

static int
collect_line(const char *line, void *ctx)
{
	char *out = ctx;

	snprintf(out + strlen(out), 1024 - strlen(out), "%s;", line);
	return 0;
}

/* The audit chain holds; with the keys, every sealed field opens. */
static void
assert_verifies(struct book *b)
{
	struct book_verify v;
	struct err err;
	char lines[1024] = "";
	size_t checked, shut;

	if (book_verify(b, &v, &err) != 0)
		fail_msg("verify: %s", err.msg);
	if (book_unlocked(b) &&
	    book_verify_sealed(b, collect_line, lines, &checked, &shut, &err) != 0)
		fail_msg("verify sealed: %s: %s", err.msg, lines);
}

/* A session open across `rekey` picks up the new key from its own slot
 * and writes under it: the note and point it adds, and everything already
 * on the case, read back for a fresh reader; a second rotation then
 * reseals every field. */
static void
test_rekey_under_open_session(void **state)
{
	struct book_info info;
	struct book_case *c;
	struct book *b;
	struct err err;
	struct kid k;

	(void)state;
	kid_start(&k, false, CHILD_WRITES);
	b = open_as(PASS);
	if (book_rekey(b, &err) != 0)
		fail_msg("rekey: %s", err.msg);
	book_close(&b);
	assert_int_equal(kid_finish(&k), 0);

	b = open_as(PASS);
	assert_int_equal(book_info(b, &info, &err), 0);
	assert_int_equal(info.key_id, 2);
	c = book_case_new();
	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_case_whole(c, true, true);
	assert_verifies(b);
	/* everything is under key 2: another rotation opens and reseals all */
	if (book_rekey(b, &err) != 0)
		fail_msg("second rekey: %s", err.msg);
	book_close(&b);
	b = open_as(PASS);
	book_case_clear(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_case_whole(c, true, true);
	assert_verifies(b);
	book_case_free(c);
	book_close(&b);
}

/* Contact details are sealed with the person: a rotation reseals them with
 * the name (none is lost), and a change of name keeps them. */
static void
test_contact_across_rekey(void **state)
{
	struct book_contact_change ch = { "14 Quayside Walk\nNorthtown", "bo@mail.example",
	                                  "01632 960123", "letter", "no" };
	struct book_contact ct;
	struct book_person p;
	struct book *b;
	struct err err;
	uint64_t id;

	(void)state;
	b = open_as(PASS);
	assert_int_equal(book_person_add(b, "Bo Reach", NULL, &id, &err), 0);
	if (book_contact_set(b, id, 1, &ch, &err) != 0)
		fail_msg("contact: %s", err.msg);
	/* on the revision it was based on only */
	assert_int_equal(book_contact_set(b, id, 1, &ch, &err), BOOK_ESTALE);
	assert_int_equal(book_person_update(b, id, 2, "Bo Q Reach", NULL, &err), 0);
	assert_int_equal(book_rekey(b, &err), 0);
	book_close(&b);
	b = open_as(PASS);
	assert_int_equal(book_person_get(b, id, &p, &err), 0);
	assert_string_equal(p.name, "Bo Q Reach");
	assert_int_equal(p.rev, 3);
	if (book_contact_get(b, id, &ct, &err) != 0)
		fail_msg("contact after rekey: %s", err.msg);
	assert_string_equal(ct.address, "14 Quayside Walk\nNorthtown");
	assert_string_equal(ct.email, "bo@mail.example");
	assert_string_equal(ct.phone, "01632 960123");
	assert_string_equal(ct.prefer, "letter");
	assert_string_equal(ct.safe, "no");
	assert_verifies(b);
	book_close(&b);
}

/* Two rotations while one session stays open: it still writes under the
 * book's current key. */
static void
test_two_rotations(void **state)
{
	struct book_case *c;
	struct book *b;
	struct err err;
	struct kid k;

	(void)state;
	kid_start(&k, false, CHILD_WRITES);
	b = open_as(PASS);
	assert_int_equal(book_rekey(b, &err), 0);
	book_close(&b);
	b = open_as(PASS);
	assert_int_equal(book_rekey(b, &err), 0);
	book_close(&b);
	assert_int_equal(kid_finish(&k), 0);
	b = open_as(PASS);
	c = book_case_new();
	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_case_whole(c, true, true);
	assert_verifies(b);
	book_case_free(c);
	book_close(&b);
}

/* A second user: enrolled in a child of their own uid, granted here. */
static bool
other_user(enum role role)
{
	struct book *b;
	struct err err;
	pid_t pid;
	int status;

	if (getuid() != 0)
		return false;
	fflush(NULL);
	if ((pid = fork()) == 0) {
		alarm(CHILD_ALARM);
		child_as_other();
		if (book_open(dir, 0, &b, &err) != 0 ||
		    book_user_enrol(b, PASS2, strlen(PASS2), BOOK_COST_TEST, &err) != 0)
			CHILD_FAIL("enrol: %s", err.msg);
		book_close(&b);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	b = open_as(PASS);
	if (book_user_grant(b, OTHER_LOGIN, role, &err) != 0)
		fail_msg("grant: %s", err.msg);
	book_close(&b);
	return true;
}

struct before {
	uint64_t rev, audit;
	size_t nevents, npoints;
};

static void
book_state(struct before *s)
{
	struct book_info info;
	struct book_case *c = book_case_new();
	struct book *b = open_as(PASS);
	struct err err;

	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_int_equal(book_info(b, &info, &err), 0);
	s->rev = c->rev;
	s->nevents = c->nevents;
	s->npoints = c->npoints;
	s->audit = info.audit_seq;
	assert_case_whole(c, false, false);
	assert_verifies(b);
	book_case_free(c);
	book_close(&b);
}

/* A revoked user's open session is refused at its next write, with one
 * line saying why; its keys are wiped; the book is unchanged. */
static void
test_revoked_session_refused(void **state)
{
	struct before before, after;
	struct book *b;
	struct err err;
	struct kid k;

	(void)state;
	if (!other_user(ROLE_CASEWORKER)) {
		print_message("revoke under an open session: skipped (needs root for a second uid)\n");
		return;
	}
	kid_start(&k, true, CHILD_REVOKED);
	b = open_as(PASS);
	if (book_user_revoke(b, OTHER_LOGIN, &err) != 0)
		fail_msg("revoke: %s", err.msg);
	book_close(&b);
	book_state(&before);
	assert_int_equal(kid_finish(&k), 0);
	book_state(&after);
	assert_int_equal(after.rev, before.rev);
	assert_int_equal(after.audit, before.audit);
	assert_int_equal(after.nevents, before.nevents);
	assert_int_equal(after.npoints, before.npoints);
	/* opened after the revocation: nothing to lose, pseudonyms as before */
	fflush(NULL);
	if ((k.pid = fork()) == 0) {
		struct book_case *c = book_case_new();

		alarm(CHILD_ALARM);
		child_as_other();
		if (c == NULL || book_open(dir, 0, &b, &err) != 0)
			CHILD_FAIL("open after the revocation");
		if (book_refresh(b, &err) != 0 || book_revoked(b) || book_role(b) != ROLE_NONE)
			CHILD_FAIL("a session opened after the revocation: %s", err.msg);
		if (book_case_get(b, ref, c, &err) != 0 || c->summary[0] != '\0' ||
		    strstr(c->parties[0].who.name, "Child C-") == NULL)
			CHILD_FAIL("pseudonyms after the revocation");
		book_case_free(c);
		book_close(&b);
		_exit(0);
	}
	{
		int status;

		assert_int_equal(waitpid(k.pid, &status, 0), k.pid);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}

/* A role lowered under an open session takes effect at its next write. */
static void
test_demoted_session_refused(void **state)
{
	struct before before, after;
	struct book *b;
	struct err err;
	struct kid k;

	(void)state;
	if (!other_user(ROLE_CASEWORKER)) {
		print_message("role change under an open session: skipped (needs root)\n");
		return;
	}
	kid_start(&k, true, CHILD_DEMOTED);
	b = open_as(PASS);
	if (book_user_grant(b, OTHER_LOGIN, ROLE_AUDITOR, &err) != 0)
		fail_msg("grant auditor: %s", err.msg);
	book_close(&b);
	book_state(&before);
	assert_int_equal(kid_finish(&k), 0);
	book_state(&after);
	assert_int_equal(after.rev, before.rev);
	assert_int_equal(after.audit, before.audit);
}

/* The other user, granted and open across a rotation, writes under the
 * new key from their own slot. */
static void
test_other_user_across_rekey(void **state)
{
	struct book_case *c;
	struct book *b;
	struct err err;
	struct kid k;

	(void)state;
	if (!other_user(ROLE_CASEWORKER)) {
		print_message("another user across a rotation: skipped (needs root)\n");
		return;
	}
	kid_start(&k, true, CHILD_WRITES);
	b = open_as(PASS);
	assert_int_equal(book_rekey(b, &err), 0);
	book_close(&b);
	assert_int_equal(kid_finish(&k), 0);
	b = open_as(PASS);
	c = book_case_new();
	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_case_whole(c, true, true);
	assert_verifies(b);
	book_case_free(c);
	book_close(&b);
}

/* --- a field no key opens ------------------------------------------------------------ */

static uint8_t shut_summary[1024];
static size_t shut_len;

/* Marks case 1's sealed summary as sealed under data key 99, which nobody
 * holds: the state a field is left in when its key is lost. */
static int
shut_txn(struct store_txn *t, void *ctx)
{
	const uint8_t *p;
	const void *v;
	size_t n, pos = 0, fn;
	uint16_t tag;
	uint8_t key[8];
	struct rec r;
	int rc;

	(void)ctx;
	codec_be64(1, key);
	if (store_get(t, STORE_CASES, key, 8, &v, &n) != 0)
		return -1;
	rec_begin(&r, REC_CASE, 1);
	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		if (tag == CT_SUMMARY && fn < sizeof shut_summary) {
			memcpy(shut_summary, p, fn);
			codec_be32(99, shut_summary + 1); /* the header's key id */
			shut_len = fn;
			rec_bytes(&r, tag, shut_summary, fn);
		} else
			rec_bytes(&r, tag, p, fn);
	}
	rc = rec_done(&r) != 0 ? -1 : store_put(t, STORE_CASES, key, 8, r.buf, r.len, false);
	rec_free(&r);
	return rc;
}

static bool summary_same;

static int
summary_txn(struct store_txn *t, void *ctx)
{
	const uint8_t *p;
	const void *v;
	size_t n, fn;
	uint8_t key[8];

	(void)ctx;
	codec_be64(1, key);
	summary_same = store_get(t, STORE_CASES, key, 8, &v, &n) == 0 &&
	               rec_find(v, n, CT_SUMMARY, &p, &fn) && fn == shut_len &&
	               memcmp(p, shut_summary, fn) == 0;
	return 0;
}

/* A field that cannot be opened is a state, never text: a change to the
 * case writes it back byte for byte; rekey refuses, naming it, and changes
 * nothing. */
static void
test_unopened_field_kept(void **state)
{
	struct book_info info, info2;
	struct book_case *c;
	struct book_step st;
	struct store *sto;
	struct book *b;
	struct err err;
	unsigned num;

	(void)state;
	assert_int_equal(store_open(dir, 0, 0, &sto, &err), 0);
	assert_int_equal(store_write(sto, shut_txn, NULL, &err), 0);
	store_close(&sto);
	assert_true(shut_len > 0);
	b = open_as(PASS);
	book_set_today(b, 20600);
	c = book_case_new();
	assert_non_null(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_true(c->summary_unopened);
	assert_string_equal(c->summary, "");
	memset(&st, 0, sizeof st);
	st.type = EV_NOTE;
	st.date = "2026-05-20";
	st.note = NOTE2;
	if (book_case_step(b, ref, &st, &err) != 0)
		fail_msg("note: %s", err.msg);
	if (book_case_point(b, ref, POINT2, &num, &err) != 0)
		fail_msg("point: %s", err.msg);
	book_close(&b);
	assert_int_equal(store_open(dir, 0, 0, &sto, &err), 0);
	assert_int_equal(store_read(sto, summary_txn, NULL, &err), 0);
	store_close(&sto);
	assert_true(summary_same);

	b = open_as(PASS);
	book_case_clear(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_true(c->summary_unopened);
	assert_string_equal(c->summary, "");
	assert_string_equal(c->points[0].text, POINT1);
	assert_string_equal(c->points[1].text, POINT2);
	assert_string_equal(c->events[c->nevents - 1].note, NOTE2);
	assert_string_equal(c->parties[1].views, VIEWS);
	/* rekey: all or nothing, and it says what it could not open */
	assert_int_equal(book_info(b, &info, &err), 0);
	assert_int_not_equal(book_rekey(b, &err), 0);
	if (strstr(err.msg, ref) == NULL || strstr(err.msg, "summary") == NULL ||
	    strstr(err.msg, "nothing was changed") == NULL)
		fail_msg("rekey said: %s", err.msg);
	assert_int_equal(book_info(b, &info2, &err), 0);
	assert_int_equal(info2.key_id, info.key_id);
	assert_int_equal(info2.audit_seq, info.audit_seq);
	/* verify, given the passphrase, names it */
	{
		char lines[1024] = "";
		size_t checked, shut;

		assert_int_not_equal(book_verify_sealed(b, collect_line, lines, &checked, &shut,
		                                        &err), 0);
		assert_int_equal(shut, 1);
		assert_true(checked >= 3); /* the case and its two people */
		if (strstr(lines, ref) == NULL || strstr(lines, "summary") == NULL)
			fail_msg("verify named: %s", lines);
	}
	/* and the key that was not made seals nothing: a later write works */
	if (book_case_point(b, ref, "A third point.", &num, &err) != 0)
		fail_msg("point after a refused rekey: %s", err.msg);
	book_close(&b);
	b = open_as(PASS);
	book_case_clear(c);
	assert_int_equal(book_case_get(b, ref, c, &err), 0);
	assert_string_equal(c->points[2].text, "A third point.");
	assert_false(c->points[2].unopened);
	{
		struct book_verify v;

		assert_int_equal(book_verify(b, &v, &err), 0); /* the chain still holds */
	}
	book_case_free(c);
	book_close(&b);
}

/* A kept draft is sealed too: a rotation reseals it, so a new session,
 * which holds only the new key, still offers it. */
static void
test_draft_across_rekey(void **state)
{
	struct book *b;
	struct err err;
	char out[256];
	bool found;

	(void)state;
	b = open_as(PASS);
	if (book_draft_save(b, "CSC-2026-0001/note", "half a note, Siân", &err) != 0)
		fail_msg("draft: %s", err.msg);
	if (book_rekey(b, &err) != 0)
		fail_msg("rekey: %s", err.msg);
	book_close(&b);
	b = open_as(PASS);
	if (book_draft_load(b, "CSC-2026-0001/note", out, sizeof out, &found, &err) != 0 || !found)
		fail_msg("draft after the rotation: %s", err.msg);
	assert_string_equal(out, "half a note, Siân");
	book_close(&b);
}

/* Person 1's sealed name under data key 99, which nobody holds. */
static int
person_shut_txn(struct store_txn *t, void *ctx)
{
	const uint8_t *p;
	const void *v;
	size_t n, pos = 0, fn;
	uint16_t tag;
	uint8_t key[8], buf[1024];
	struct rec r;
	int rc;

	(void)ctx;
	codec_be64(1, key);
	if (store_get(t, STORE_PEOPLE, key, 8, &v, &n) != 0)
		return -1;
	rec_begin(&r, REC_PERSON, 1);
	while (rec_next(v, n, &pos, &tag, &p, &fn)) {
		if (tag == PT_NAME && fn < sizeof buf) {
			memcpy(buf, p, fn);
			codec_be32(99, buf + 1);
			rec_bytes(&r, tag, buf, fn);
		} else
			rec_bytes(&r, tag, p, fn);
	}
	rc = rec_done(&r) != 0 ? -1 : store_put(t, STORE_PEOPLE, key, 8, r.buf, r.len, false);
	rec_free(&r);
	return rc;
}

/* A name no key opens: rekey names the person and changes nothing; verify
 * with the passphrase names it too. */
static void
test_unopened_person(void **state)
{
	struct book_info info, info2;
	struct store *sto;
	struct book *b;
	struct err err;
	char lines[1024] = "";
	size_t checked, shut;

	(void)state;
	assert_int_equal(store_open(dir, 0, 0, &sto, &err), 0);
	assert_int_equal(store_write(sto, person_shut_txn, NULL, &err), 0);
	store_close(&sto);
	b = open_as(PASS);
	assert_int_equal(book_info(b, &info, &err), 0);
	assert_int_not_equal(book_rekey(b, &err), 0);
	if (strstr(err.msg, "person 1") == NULL || strstr(err.msg, "nothing was changed") == NULL)
		fail_msg("rekey said: %s", err.msg);
	assert_int_equal(book_info(b, &info2, &err), 0);
	assert_int_equal(info2.key_id, info.key_id);
	assert_int_equal(info2.audit_seq, info.audit_seq);
	assert_int_not_equal(book_verify_sealed(b, collect_line, lines, &checked, &shut, &err), 0);
	assert_int_equal(shut, 1);
	if (strstr(lines, "person 1 name") == NULL)
		fail_msg("verify named: %s", lines);
	book_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rekey_under_open_session, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_rotations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revoked_session_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_demoted_session_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_user_across_rekey, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unopened_field_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_draft_across_rekey, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unopened_person, setup, teardown),
		cmocka_unit_test_setup_teardown(test_contact_across_rekey, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
