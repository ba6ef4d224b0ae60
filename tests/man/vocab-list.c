/* vocab-list.c - prints each vocabulary's names one can give, a line each
 * ("channel online phone ..."), for tests/man/vocab.sh to hold the manual's
 * lists against. */
#include <stdio.h>

#include "redress/vocab.h"

int
main(void)
{
	int v, i;

	for (v = 0; v < VOCAB_COUNT; v++) {
		fputs(vocab_key((enum vocab_id)v), stdout);
		for (i = 0; i < vocab_size((enum vocab_id)v); i++)
			if ((vocab_flags((enum vocab_id)v, i) & VOCAB_UNLISTED) == 0)
				printf(" %s", vocab_name((enum vocab_id)v, i));
		putchar('\n');
	}
	return 0;
}
