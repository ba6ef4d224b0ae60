/* main.c - redress: start safely, then hand over to the commands. */
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "redress/cli.h"

int
main(int argc, char **argv)
{
	struct rlimit nocore = { 0, 0 };
	int status;

	/* secrets will live in this process: no core dumps, no ptrace by peers */
	setrlimit(RLIMIT_CORE, &nocore);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	/* the umask (007: the book's files stay group-writable for the staff,
	 * never others') is set by cli_main, which keeps the person's own */

	status = cli_main(argc, argv);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("redress: standard output");
		return 1;
	}
	return status;
}
