/* test_damage.c - a book that is not whole says so: an init that stopped
 * before its meta was written (a full disk), and a stray SNAPSHOT marker in
 * a live book.  Damaged pages and a replaced lock file: tests/store/. */
#include "testutil.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress/book.h"
#include "redress/store.h"

#define PASS "correct horse battery"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	testutil_tmpdir(dir, sizeof dir, "damage");
	assert_int_equal(chmod(dir, 02770), 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmtree(dir);
	return 0;
}

/* What a failed init leaves: the environment and its databases, no meta. */
static void
unfinished_init(void)
{
	struct store *st;
	struct err err;

	if (store_open(dir, STORE_CREATE, 0, &st, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(&st);
}

static void
test_unfinished_init(void **state)
{
	struct book_info info;
	struct book *b;
	struct err err;

	(void)state;
	unfinished_init();
	memset(err.msg, 0x5a, sizeof err.msg);
	err.msg[sizeof err.msg - 1] = '\0';
	assert_int_not_equal(book_open(dir, 0, &b, &err), 0);
	assert_null(b);
	/* a sentence, not garbage or nothing */
	assert_non_null(strstr(err.msg, "init did not finish"));
	assert_non_null(strstr(err.msg, "init"));
	/* and init finishes it */
	if (book_create(dir, "essex", PASS, strlen(PASS), BOOK_COST_TEST, &err) != 0)
		fail_msg("init again: %s", err.msg);
	if (book_open(dir, 0, &b, &err) != 0)
		fail_msg("open: %s", err.msg);
	assert_int_equal(book_info(b, &info, &err), 0);
	assert_string_equal(info.authority, "essex");
	assert_int_equal(book_role(b), ROLE_ADMIN);
	book_close(&b);
	/* a finished book is never taken over */
	assert_int_not_equal(book_create(dir, "essex", PASS, strlen(PASS), BOOK_COST_TEST, &err),
	                     0);
	assert_non_null(strstr(err.msg, "already holds a book"));
}

/* An empty file named SNAPSHOT dropped into a live book must not make every
 * new process read it without the lock (corrupt reads) or read-only. */
static void
test_stray_snapshot_marker(void **state)
{
	char path[128];
	struct book *b;
	struct err err;
	uint64_t id;
	int fd;

	(void)state;
	rmdir(dir);
	if (book_create(dir, "essex", PASS, strlen(PASS), BOOK_COST_TEST, &err) != 0)
		fail_msg("%s", err.msg);
	snprintf(path, sizeof path, "%s/SNAPSHOT", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	close(fd);
	if (book_open(dir, 0, &b, &err) != 0)
		fail_msg("%s", err.msg);
	assert_false(book_readonly(b));
	if (book_unlock(b, PASS, strlen(PASS), &err) != 0)
		fail_msg("%s", err.msg);
	if (book_person_add(b, "Zoë Example", NULL, &id, &err) != 0)
		fail_msg("%s", err.msg);
	book_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unfinished_init, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stray_snapshot_marker, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
