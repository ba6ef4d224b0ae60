/* cli-book.c - what the book commands share: finding and opening the
 * book, asking for passphrases, and turning results into exit statuses. */
#define _GNU_SOURCE /* fopencookie, mremap */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

#include "redress/book.h"
#include "redress/book-versions.h"
#include "redress/cli.h"
#include "redress/holiday.h"
#include "redress/text.h"

int
cli_calendar_for(const struct cli_env *env, const char *name, struct calendar *cal, char *note,
                 size_t n)
{
	struct book *b = NULL;
	struct err err;
	unsigned version;
	int rc;

	note[0] = '\0';
	if (!env->book_given || name != NULL)
		return cli_calendar(name, cal);
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	/* a copy of its own: the book closes now */
	if (book_calendar_copy(b, cal, &version, &err) != 0)
		rc = cli_report(CLI_FAIL, &err);
	else
		snprintf(note, n, "the book's calendar, version %u", version);
	book_close(&b);
	return rc;
}

int
cli_book_versions(const struct cli_env *env, char what)
{
	struct book_version *v;
	struct book *b = NULL;
	struct err err;
	char when[64], note[640];
	size_t i, n = 0, max = 4096;
	int rc;

	if ((v = calloc(max, sizeof *v)) == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		goto out;
	if (book_versions(b, v, max, &n, &err) != 0) {
		rc = cli_report(CLI_FAIL, &err);
		goto out;
	}
	for (i = 0; i < n && i < max; i++) {
		if (v[i].what != what)
			continue;
		date_format_london_time((int64_t)v[i].at, when, sizeof when);
		text_visible(v[i].note[0] != '\0' ? v[i].note : "-", note, sizeof note);
		printf("%-8s %3u  %-20s %-12s %s  %s\n", what == 'c' ? "calendar" : "profile",
		       v[i].version, v[i].name, v[i].by, when, note);
	}
out:
	book_close(&b);
	free(v);
	return rc;
}

int
cli_book_status(int rc, const struct err *err)
{
	if (rc == 0)
		return CLI_OK;
	if (rc == BOOK_ESTALE)
		return cli_report(CLI_STALE, err);
	if (rc == BOOK_EUSAGE || rc == BOOK_EDENIED || rc == BOOK_EREVOKED)
		return cli_report(CLI_USAGE, err);
	return cli_report(CLI_FAIL, err);
}

/* The output's memory: an anonymous mapping grown in place or moved by
 * mremap, so that no part of it is copied, zero-filled or left behind
 * unwiped (open_memstream did all three: half a megabyte of agenda cost
 * twice its pages in faults, a copy and a fill at every doubling). */
#define CLI_OUT_RESERVE ((size_t)1 << 20)
#define CLI_OUT_AHEAD ((size_t)64 << 10)

static ssize_t
cli_out_write(void *cookie, const char *buf, size_t size)
{
	struct cli_out *o = cookie;
	size_t cap = o->cap;
	void *p;

	if (size > SIZE_MAX / 2 - o->n) {
		errno = ENOMEM;
		return 0;
	}
	while (cap < o->n + size)
		cap = cap < CLI_OUT_RESERVE ? CLI_OUT_RESERVE : cap * 2;
	if (cap != o->cap) {
		p = o->p == NULL ? mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		                        -1, 0)
		                 : mremap(o->p, o->cap, cap, MREMAP_MAYMOVE);
		if (p == MAP_FAILED) {
			errno = ENOMEM;
			return 0;
		}
		o->p = p;
		o->cap = cap;
	}
#ifdef MADV_POPULATE_WRITE
	/* the pages ahead made in one call, not faulted in one at a time (a
	 * fault is the dearer, the more in a virtual machine); where the kernel
	 * has no such call (before 5.14), they are faulted in as written */
	if (o->n + size > o->ready) {
		size_t at = o->ready, len = CLI_OUT_AHEAD;

		while (at + len < o->n + size)
			len += CLI_OUT_AHEAD;
		if (at + len > o->cap)
			len = o->cap - at;
		o->ready = madvise(o->p + at, len, MADV_POPULATE_WRITE) == 0 ? at + len : o->cap;
	}
#endif
	memcpy(o->p + o->n, buf, size);
	o->n += size;
	return (ssize_t)size;
}

int
cli_out_begin(struct cli_out *o)
{
	static const cookie_io_functions_t io = { NULL, cli_out_write, NULL, NULL };

	o->p = NULL;
	o->n = o->cap = o->ready = 0;
	if ((o->f = fopencookie(o, "w", io)) == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	return CLI_OK;
}

int
cli_out_end(struct cli_out *o, int rc)
{
	if (o->f == NULL)
		return rc;
	if (fclose(o->f) != 0 && rc == CLI_OK)
		rc = cli_error(CLI_FAIL, "out of memory");
	o->f = NULL;
	if (rc == CLI_OK && o->n > 0 &&
	    (fwrite(o->p, 1, o->n, stdout) != o->n || fflush(stdout) != 0))
		rc = cli_error(CLI_FAIL, "cannot write the output");
	if (o->p != NULL) {
		explicit_bzero(o->p, o->n); /* names, with --names */
		munmap(o->p, o->cap);
	}
	o->p = NULL;
	o->n = o->cap = o->ready = 0;
	return rc;
}

int
cli_kdf_cost(void)
{
	const char *k = getenv("REDRESS_KDF");

	return k != NULL && strcmp(k, "test") == 0 ? BOOK_COST_TEST : BOOK_COST_NORMAL;
}

int
cli_book_open(const struct cli_env *env, struct book **b)
{
	struct err err;

	if (env->book == NULL)
		return cli_error(CLI_USAGE, "which book? give -d DIR, set REDRESS_BOOK, or name it "
		                 "in %s", env->conf);
	if (book_open(env->book, env->readonly ? BOOK_RDONLY : 0, b, &err) != 0)
		return cli_report(CLI_FAIL, &err);
	if (getenv("REDRESS_TODAY") != NULL) {
		struct date today;

		if (cli_today(&today, &err) != 0) {
			book_close(b);
			return cli_report(CLI_USAGE, &err);
		}
		book_set_today(*b, today.day);
	}
	return CLI_OK;
}

void
cli_passphrase_free(char *pass)
{
	book_secret_free(pass, CLI_PASS_MAX);
}

/* Reads one line without echo from the terminal into buf. */
static int
cli_tty_line(int fd, const char *prompt, char *buf, size_t max, size_t *len)
{
	struct termios old, quiet;
	size_t n = 0;
	ssize_t r;
	char c;

	if (write(fd, prompt, strlen(prompt)) < 0 || tcgetattr(fd, &old) != 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	if (tcsetattr(fd, TCSAFLUSH, &quiet) != 0)
		return -1;
	while ((r = read(fd, &c, 1)) == 1 && c != '\n' && c != '\r')
		if (n + 1 < max)
			buf[n++] = c;
	c = 0;
	tcsetattr(fd, TCSAFLUSH, &old);
	if (write(fd, "\n", 1) < 0)
		(void)0;
	buf[n] = '\0';
	*len = n;
	return r < 0 ? -1 : 0;
}

static int
cli_file_line(const char *path, int line, char *buf, size_t max, size_t *len)
{
	FILE *f = fopen(path, "re");
	int at = 0, c;
	size_t n = 0;

	if (f == NULL)
		return cli_error(CLI_FAIL, "REDRESS_PASSPHRASE_FILE: %s: %s", path, strerror(errno));
	while ((c = getc(f)) != EOF) {
		if (c == '\n') {
			if (++at == line)
				break;
			n = 0;
			continue;
		}
		if (at == line - 1 && n + 1 < max)
			buf[n++] = (char)c;
	}
	if (at == line - 1 && c == EOF && n > 0)
		at = line; /* a last line without a newline */
	fclose(f);
	buf[n] = '\0';
	*len = n;
	if (at < line)
		return cli_error(CLI_USAGE, "REDRESS_PASSPHRASE_FILE has no line %d", line);
	return CLI_OK;
}

int
cli_passphrase(const char *prompt, int line, bool confirm, char **pass, size_t *len)
{
	const char *file = getenv("REDRESS_PASSPHRASE_FILE");
	char *again;
	size_t alen;
	int fd, rc = CLI_OK;

	*pass = book_secret_alloc(CLI_PASS_MAX);
	if (*pass == NULL)
		return cli_error(CLI_FAIL, "out of memory");
	if (file != NULL && *file != '\0') {
		/* named on purpose: scripts, cron, tests */
		rc = cli_file_line(file, line, *pass, CLI_PASS_MAX, len);
	} else if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)) < 0) {
		cli_passphrase_free(*pass);
		*pass = NULL;
		return cli_error(CLI_USAGE, "no terminal to ask for the passphrase; set "
		                 "REDRESS_PASSPHRASE_FILE");
	} else {
		if (cli_tty_line(fd, prompt, *pass, CLI_PASS_MAX, len) != 0)
			rc = cli_error(CLI_FAIL, "cannot read the passphrase from the terminal");
		if (rc == CLI_OK && confirm) {
			again = book_secret_alloc(CLI_PASS_MAX);
			if (again == NULL)
				rc = cli_error(CLI_FAIL, "out of memory");
			else if (cli_tty_line(fd, "Again: ", again, CLI_PASS_MAX, &alen) != 0 ||
			         alen != *len || memcmp(again, *pass, alen) != 0)
				rc = cli_error(CLI_USAGE, "the passphrases differ; nothing was changed");
			cli_passphrase_free(again);
		}
		close(fd);
	}
	if (rc == CLI_OK && confirm && *len < 8)
		rc = cli_error(CLI_USAGE, "a passphrase needs at least 8 characters");
	if (rc != CLI_OK) {
		cli_passphrase_free(*pass);
		*pass = NULL;
	}
	return rc;
}

int
cli_book_open_unlock(const struct cli_env *env, struct book **b, bool unlock)
{
	int rc;

	if ((rc = cli_book_open(env, b)) != CLI_OK || !unlock)
		return rc;
	if ((rc = cli_book_unlock(*b)) != CLI_OK)
		book_close(b);
	return rc;
}

int
cli_book_unlock(struct book *b)
{
	struct err err;
	char *pass, prompt[128];
	size_t len;
	int rc;

	snprintf(prompt, sizeof prompt, "Passphrase for %s: ", book_login(b));
	if ((rc = cli_passphrase(prompt, 1, false, &pass, &len)) != CLI_OK)
		return rc;
	rc = book_unlock(b, pass, len, &err);
	cli_passphrase_free(pass);
	if (rc != 0)
		return cli_report(CLI_USAGE, &err);
	return CLI_OK;
}
