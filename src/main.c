/* main.c - redress: start safely, then hand over to the commands. */
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "redress/cli.h"

int
main(int argc, char **argv)
{
	struct rlimit nocore = { 0, 0 };
	int status;

	/* secrets will live in this process: no core dumps, no ptrace by peers */
	setrlimit(RLIMIT_CORE, &nocore);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	/* files the book gains stay group-writable for the staff, never others' */
	umask(007);

	status = cli_main(argc, argv);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("redress: standard output");
		return 1;
	}
	return status;
}
