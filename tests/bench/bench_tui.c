/* bench_tui.c - `make bench`: the full-screen client on a 100,000-case demo
 * book, driven through a pseudo-terminal at 80x24: time to the first screen
 * after unlock, resident memory, time and bytes per one-line scroll; batch
 * commands as whole processes; a search of the list, by a name typed whole and
 * by part of one; and an office: N clients (BENCH_CLIENTS, 50
 * by default) idle on the one book, their CPU and memory, and how long a
 * commit takes to reach every screen.  Prints figures; asserts nothing. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

extern char **environ;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads what the client writes until it has been quiet for quiet_ms;
 * returns the bytes read, and in *first the time of the first byte. */
static long
drain(int fd, int quiet_ms, int max_ms, double *first, char *tail, size_t tailn)
{
	char buf[65536];
	struct pollfd p = { fd, POLLIN, 0 };
	double start = now();
	long total = 0;
	ssize_t n;

	if (first != NULL)
		*first = 0;
	for (;;) {
		int left = max_ms - (int)((now() - start) * 1000);

		if (left <= 0)
			break;
		if (poll(&p, 1, total == 0 ? left : quiet_ms) <= 0)
			break;
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			break;
		if (total == 0 && first != NULL)
			*first = now();
		total += n;
		if (tail != NULL && tailn > 0) {
			size_t k = (size_t)n < tailn - 1 ? (size_t)n : tailn - 1;

			memcpy(tail, buf + n - (ssize_t)k, k);
			tail[k] = '\0';
		}
	}
	return total;
}

/* Reads until marker has been seen; returns the time it arrived (0 if not). */
static double
wait_for(int fd, const char *marker, int max_ms, long *bytes)
{
	static char seen[1 << 20];
	struct pollfd p = { fd, POLLIN, 0 };
	double start = now();
	size_t len = 0;
	ssize_t n;

	*bytes = 0;
	while ((now() - start) * 1000 < max_ms) {
		if (poll(&p, 1, 100) <= 0)
			continue;
		if ((n = read(fd, seen + len, sizeof seen - 1 - len)) <= 0)
			break;
		len += (size_t)n;
		*bytes += n;
		seen[len] = '\0';
		if (strstr(seen, marker) != NULL)
			return now();
		if (len > sizeof seen / 2) {
			memmove(seen, seen + len - 1024, 1024);
			len = 1024;
		}
	}
	return 0;
}

/* The same, also giving the time of the last byte. */
static long
drain_span(int fd, int quiet_ms, int max_ms, double *first, double *last)
{
	char buf[65536];
	struct pollfd p = { fd, POLLIN, 0 };
	double start = now();
	long total = 0;
	ssize_t n;

	*first = *last = 0;
	for (;;) {
		int left = max_ms - (int)((now() - start) * 1000);

		if (left <= 0 || poll(&p, 1, total == 0 ? left : quiet_ms) <= 0)
			break;
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			break;
		if (total == 0)
			*first = now();
		*last = now();
		total += n;
	}
	return total;
}

/* n presses of keys, each drained: mean ms to the first and last byte, bytes. */
static void
keys_timed(int fd, const char *keys, int n, const char *what, double target)
{
	double t1, first, last, lat = 0, done = 0;
	long total = 0;
	int k;

	for (k = 0; k < n; k++) {
		t1 = now();
		if (write(fd, keys, strlen(keys)) != (ssize_t)strlen(keys))
			break;
		total += drain_span(fd, 60, 2000, &first, &last);
		if (first > 0) {
			lat += first - t1;
			done += last - t1;
		}
	}
	printf("calendar: %s %.2f ms to the first byte, %.2f ms to the last, %ld bytes each", what,
	       lat / n * 1e3, done / n * 1e3, total / n);
	if (target > 0)
		printf("   target < %.0f ms %s", target, bench_under(lat / n * 1e3, target));
	printf("\n");
}

/* / and what, from Enter to the list that matches; then the search cleared. */
static void
search_timed(int fd, const char *what, const char *label, long cases)
{
	double t1, at;
	long bytes;

	if (write(fd, "/\025", 2) != 2)
		return;
	drain(fd, 60, 2000, NULL, NULL, 0);
	if (write(fd, what, strlen(what)) != (ssize_t)strlen(what))
		return;
	drain(fd, 60, 2000, NULL, NULL, 0);
	t1 = now();
	if (write(fd, "\r", 1) != 1)
		return;
	at = wait_for(fd, "matching", 10000, &bytes);
	drain(fd, 100, 2000, NULL, NULL, 0);
	printf("client: search over %ld cases, %s: %.1f ms   target < 100 ms %s\n", cases, label,
	       at > 0 ? (at - t1) * 1e3 : -1.0, bench_under(at > 0 ? (at - t1) * 1e3 : -1.0, 100));
	if (write(fd, "/\025\r", 3) == 3)
		drain(fd, 200, 5000, NULL, NULL, 0);
}

/* --- batch commands, as whole processes ------------------------------------------ */

/* Runs argv with its output thrown away: wall-clock ms, and in *cpu_ms the
 * CPU it used (user and system).  Started with posix_spawn, as hyperfine
 * and a shell's exec do it: fork() would count, as the command's, the
 * copy-on-write faults the bench takes in its own pages after the fork. */
static double
run_timed(char *const argv[], double *cpu_ms)
{
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	double t0;
	int status, rc;
	pid_t pid;

	*cpu_ms = -1;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	t0 = now();
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	*cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	          (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return (now() - t0) * 1e3;
}

/* The fastest of n runs (the least disturbed by a busy machine), and the
 * mean CPU. */
static void
batch_figure(char *const argv[], int n, const char *what, double target)
{
	double best = -1, cpu = 0, c, w;
	int k;

	for (k = 0; k < n; k++) {
		if ((w = run_timed(argv, &c)) < 0) {
			printf("batch: %s failed\n", what);
			return;
		}
		best = best < 0 || w < best ? w : best;
		cpu += c;
	}
	if (target <= 0) /* a figure to read the others by, with no target */
		printf("batch: %s %.2f ms (fastest of %d; %.2f ms of CPU each)\n", what, best, n,
		       cpu / n);
	else
		printf("batch: %s %.2f ms (fastest of %d; %.2f ms of CPU each)   target < %.0f ms %s\n",
		       what, best, n, cpu / n, target, bench_under(best, target));
}

static long
hwm_kib(pid_t pid)
{
	char path[64], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

static long
rss_kib(pid_t pid)
{
	char path[64], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* The client's own memory: RSS less the book's file mapped into it. */
static long
private_kib(pid_t pid)
{
	char path[64], line[256];
	long kib = 0, v;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "Private_Dirty: %ld kB", &v) == 1 ||
		    sscanf(line, "Anonymous: %ld kB", &v) == 1)
			kib = v > kib ? v : kib;
	fclose(f);
	return kib;
}


/* --- an office: many clients on one book ------------------------------------------------ */

/* The CPU a process has used, in clock ticks (utime + stime). */
static long
cpu_ticks(pid_t pid)
{
	char path[64], line[1024], *p;
	long ut = 0, st = 0;
	FILE *f;
	int k;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	p = fgets(line, sizeof line, f);
	fclose(f);
	if (p == NULL || (p = strrchr(line, ')')) == NULL)
		return -1;
	/* fields after the name: state is the 3rd; utime the 14th, stime the 15th */
	for (k = 3; k < 14 && p != NULL; k++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p, " %ld %ld", &ut, &st) != 2)
		return -1;
	return ut + st;
}

static long
pss_kib(pid_t pid)
{
	char path[64], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "Pss: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

struct office_client {
	pid_t pid;
	int fd;
	char tail[256];  /* the end of what it wrote, for a marker split across reads */
	bool seen;
};

/* Reads what the clients write for up to ms, marking those whose output
 * has held marker (NULL: just drained); returns how many have. */
static int
office_read(struct office_client *c, int n, const char *marker, int ms)
{
	struct pollfd *p = calloc((size_t)n, sizeof *p);
	double start = now();
	int k, seen = 0;

	if (p == NULL)
		return 0;
	for (k = 0; k < n; k++) {
		p[k].fd = c[k].fd;
		p[k].events = POLLIN;
		seen += c[k].seen;
	}
	while ((marker == NULL || seen < n) && (now() - start) * 1000 < ms) {
		int left = ms - (int)((now() - start) * 1000);

		if (poll(p, (nfds_t)n, left > 0 ? left : 0) <= 0)
			break;
		for (k = 0; k < n; k++) {
			char buf[8192], joined[256 + sizeof buf + 1];
			size_t tl;
			ssize_t r;

			if (!(p[k].revents & (POLLIN | POLLHUP)))
				continue;
			if ((r = read(c[k].fd, buf, sizeof buf)) <= 0) {
				p[k].fd = -1;
				continue;
			}
			if (marker == NULL || c[k].seen)
				continue;
			tl = strlen(c[k].tail);
			memcpy(joined, c[k].tail, tl);
			memcpy(joined + tl, buf, (size_t)r);
			joined[tl + (size_t)r] = '\0';
			/* (curses output holds no NUL: strstr sees it all) */
			if (strstr(joined, marker) != NULL) {
				c[k].seen = true;
				seen++;
			}
			tl = strlen(joined);
			r = tl < 128 ? (ssize_t)tl : 128;
			memcpy(c[k].tail, joined + tl - (size_t)r, (size_t)r);
			c[k].tail[r] = '\0';
		}
	}
	free(p);
	return seen;
}

static void
office(const char *redress, const char *book, int n)
{
	struct winsize ws = { 24, 80, 0, 0 };
	struct office_client *c = calloc((size_t)n, sizeof *c);
	long ticks0 = 0, ticks1 = 0, pss = 0, t;
	double t0, idle_s = 10, hz = (double)sysconf(_SC_CLK_TCK), cpu, w, ms;
	char day[16], *argv[16];
	time_t now_t = time(NULL);
	int k, started = 0, seen;

	if (c == NULL)
		return;
	t0 = now();
	for (k = 0; k < n; k++) {
		c[k].pid = forkpty(&c[k].fd, NULL, NULL, &ws);
		if (c[k].pid < 0)
			break;
		if (c[k].pid == 0) {
			execl(redress, redress, "-d", book, "tui", (char *)NULL);
			_exit(127);
		}
		started++;
	}
	n = started;
	seen = office_read(c, n, "CSC-", 120000);
	printf("office: %d clients on one book, %d showing the list after %.1f s\n", n, seen,
	       now() - t0);
	office_read(c, n, NULL, 2000);
	for (k = 0; k < n; k++) {
		c[k].seen = false;
		c[k].tail[0] = '\0';
		if ((t = cpu_ticks(c[k].pid)) >= 0)
			ticks0 += t;
	}
	office_read(c, n, NULL, (int)(idle_s * 1000));
	for (k = 0; k < n; k++) {
		if ((t = cpu_ticks(c[k].pid)) >= 0)
			ticks1 += t;
		pss += pss_kib(c[k].pid);
	}
	cpu = (double)(ticks1 - ticks0) / hz / idle_s * 100;
	printf("office: %d idle clients use %.2f%% of a core together (%.2f%% for 200 at that rate)"
	       "   target < 2%% for 200 %s\n", n, cpu, cpu * 200 / n,
	       bench_under(cpu * 200 / n, 2));
	printf("office: mean proportional memory (PSS) %.1f MiB each\n", (double)pss / n / 1024);
	/* another user's commit: how long until every screen shows it */
	strftime(day, sizeof day, "%Y-%m-%d", localtime(&now_t));
	k = 0;
	argv[k++] = (char *)redress;
	argv[k++] = "-d";
	argv[k++] = (char *)book;
	argv[k++] = "case";
	argv[k++] = "add";
	argv[k++] = "--received";
	argv[k++] = day;
	argv[k++] = "--child-name";
	argv[k++] = "Office Bench";
	argv[k++] = "--summary";
	argv[k++] = "A commit for the office.";
	argv[k] = NULL;
	t0 = now();
	w = run_timed(argv, &cpu);
	ms = (now() - t0) * 1e3;
	seen = office_read(c, n, "changed by another", 10000);
	printf("office: a commit (%.0f ms as a process) on %d of %d screens %.0f ms after it ended"
	       "   target < 1000 ms %s\n", w, seen, n, (now() - t0) * 1e3 - ms,
	       bench_under(seen == n ? (now() - t0) * 1e3 - ms : -1, 1000));
	for (k = 0; k < n; k++) {
		if (write(c[k].fd, "q", 1) != 1)
			kill(c[k].pid, SIGTERM);
	}
	office_read(c, n, NULL, 1000);
	for (k = 0; k < n; k++) {
		kill(c[k].pid, SIGTERM);
		waitpid(c[k].pid, NULL, 0);
		close(c[k].fd);
	}
	free(c);
}

int
main(int argc, char **argv)
{
	const char *redress = argc > 1 ? argv[1] : "./redress";
	long cases = argc > 2 ? atol(argv[2]) : 100000, bytes, total = 0;
	char dir[] = "/tmp/redress-bench-tui-XXXXXX", book[96], pass[96], cmd[512], ncases[32];
	struct winsize ws = { 24, 80, 0, 0 };
	double t0, first, lat = 0;
	pid_t pid;
	int fd, k, status, n = 50;
	FILE *f;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(book, sizeof book, "%s/book", dir);
	snprintf(pass, sizeof pass, "%s/pass", dir);
	snprintf(ncases, sizeof ncases, "%ld", cases);
	if ((f = fopen(pass, "w")) == NULL)
		return 1;
	fputs("demo passphrase\n", f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "REDRESS_KDF=test '%s' demo '%s' --cases %s >/dev/null", redress,
	         book, ncases);
	if (system(cmd) != 0)
		return 1;
	setenv("REDRESS_PASSPHRASE_FILE", pass, 1);
	setenv("TERM", "xterm", 1);
	setenv("LANG", "C.UTF-8", 1);
	t0 = now();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return 1;
	if (pid == 0) {
		execl(redress, redress, "-d", book, "tui", (char *)NULL);
		_exit(127);
	}
	first = wait_for(fd, "CSC-", 20000, &bytes);
	bytes += drain(fd, 200, 2000, NULL, NULL, 0);
	printf("client: first screen (the list) after start and unlock %6.1f ms   target < 50 ms %s "
	       "(%ld bytes; %ld cases)\n", first > 0 ? (first - t0) * 1e3 : -1.0,
	       bench_under(first > 0 ? (first - t0) * 1e3 : -1.0, 50), bytes, cases);
	printf("client: resident memory %ld KiB, of which its own (not the book's mapped "
	       "pages) %ld KiB   target < 16 MB %s\n", rss_kib(pid), private_kib(pid),
	       bench_under((double)private_kib(pid), 16 * 1024));
	/* one-line scrolls at the bottom edge: move down past the first page */
	for (k = 0; k < 30; k++) {
		if (write(fd, "j", 1) != 1)
			break;
		drain(fd, 30, 1000, NULL, NULL, 0);
	}
	for (k = 0; k < n; k++) {
		double t1 = now();

		if (write(fd, "j", 1) != 1)
			break;
		total += drain(fd, 40, 1000, &first, NULL, 0);
		if (first > 0)
			lat += first - t1;
	}
	printf("client: one-line scroll %.3f ms to the first byte (target < 1 ms %s), %ld bytes "
	       "written each at 80x24 (target < 250 %s)\n", lat / n * 1e3,
	       bench_under(lat / n * 1e3, 1), total / n, bench_under((double)total / n, 250));
	search_timed(fd, "Zo\xc3\xab Adeyemi", "a name typed whole (the search index)", cases);
	search_timed(fd, "wisniewska", "part of a name (the index's starts of words; 7,000 cases found)", cases);
	/* the calendar: open it, scroll a month at a time, a day at a time */
	t0 = now();
	if (write(fd, "c", 1) == 1) {
		first = wait_for(fd, "deadlines due", 5000, &bytes);
		bytes += drain(fd, 100, 2000, NULL, NULL, 0);
		printf("calendar: open (the month and today's agenda) %.2f ms   target < 5 ms %s (%ld bytes)\n",
		       first > 0 ? (first - t0) * 1e3 : -1.0,
		       bench_under(first > 0 ? (first - t0) * 1e3 : -1.0, 5), bytes);
	}
	keys_timed(fd, "\033[6~", 12, "a month on (PgDn):", 5);
	keys_timed(fd, "\033[5~", 12, "a month back (PgUp):", 0);
	keys_timed(fd, "l", 20, "a day on:", 0);
	keys_timed(fd, "}", 3, "a year on:", 0);
	printf("calendar: client's peak resident memory %ld KiB, now %ld KiB (own %ld KiB)\n",
	       hwm_kib(pid), rss_kib(pid), private_kib(pid));
	if (write(fd, "q", 1) != 1 || write(fd, "q", 1) != 1)
		kill(pid, SIGTERM);
	drain(fd, 100, 2000, NULL, NULL, 0);
	waitpid(pid, &status, 0);
	close(fd);
	/* batch commands: one that needs no book, and the calendar of this one */
	{
		char *floor[] = { "/bin/true", NULL };
		char *wd[] = { (char *)redress, "workday", "2026-01-05", "20", NULL };
		char *cal[] = { (char *)redress, "-d", book, "calendar", "--days", "30", NULL };

		batch_figure(floor, 20, "`/bin/true` (a process that does nothing: this machine's floor)",
		             0);
		batch_figure(wd, 20, "`redress workday` (no book)", 3);
		batch_figure(cal, 10, "`calendar --days 30`", 15);
	}
	office(redress, book, getenv("BENCH_CLIENTS") ? atoi(getenv("BENCH_CLIENTS")) : 50);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0;
}
