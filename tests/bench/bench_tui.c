/* bench_tui.c - `make bench`: the full-screen client on a 100,000-case demo
 * book, driven through a pseudo-terminal at 80x24: time to the first screen
 * after unlock, resident memory, time and bytes per one-line scroll.
 * Prints figures; asserts nothing. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
keys_timed(int fd, const char *keys, int n, const char *what, const char *target)
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
	printf("calendar: %s %.2f ms to the first byte, %.2f ms to the last, %ld bytes each%s\n",
	       what, lat / n * 1e3, done / n * 1e3, total / n, target);
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
	printf("client: first screen (the list) after start and unlock %6.1f ms   target < 50 ms "
	       "(%ld bytes; %ld cases)\n", first > 0 ? (first - t0) * 1e3 : -1.0, bytes, cases);
	printf("client: resident memory %ld KiB, of which its own (not the book's mapped "
	       "pages) %ld KiB   target < 16 MB\n", rss_kib(pid), private_kib(pid));
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
	printf("client: one-line scroll %.3f ms to the first byte (target < 1 ms), %ld bytes "
	       "written each at 80x24 (target < 200)\n", lat / n * 1e3, total / n);
	/* the calendar: open it, scroll a month at a time, a day at a time */
	t0 = now();
	if (write(fd, "c", 1) == 1) {
		first = wait_for(fd, "deadlines due", 5000, &bytes);
		bytes += drain(fd, 100, 2000, NULL, NULL, 0);
		printf("calendar: open (the month and today's agenda) %.2f ms   target < 5 ms (%ld bytes)\n",
		       first > 0 ? (first - t0) * 1e3 : -1.0, bytes);
	}
	keys_timed(fd, "\033[6~", 12, "a month on (PgDn):", "   target < 5 ms");
	keys_timed(fd, "\033[5~", 12, "a month back (PgUp):", "");
	keys_timed(fd, "l", 20, "a day on:", "");
	keys_timed(fd, "}", 3, "a year on:", "");
	printf("calendar: client's peak resident memory %ld KiB, now %ld KiB (own %ld KiB)\n",
	       hwm_kib(pid), rss_kib(pid), private_kib(pid));
	if (write(fd, "q", 1) != 1 || write(fd, "q", 1) != 1)
		kill(pid, SIGTERM);
	drain(fd, 100, 2000, NULL, NULL, 0);
	waitpid(pid, &status, 0);
	close(fd);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0;
}
