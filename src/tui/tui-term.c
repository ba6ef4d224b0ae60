/* tui-term.c - asking terminfo about a terminal type before newterm(),
 * kept apart because <term.h> defines macros named like ordinary words
 * (lines, columns). */
#include "tui-int.h" /* first: its struct members include a "lines" */
#include <term.h>

bool
tui_term_known(const char *name, int fd)
{
	int err;

	/* a newterm() that fails leaks its half-made screen; this does not */
	if (setupterm(name, fd, &err) != OK)
		return false;
	del_curterm(cur_term);
	return true;
}
