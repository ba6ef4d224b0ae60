/* fuzz_profile.c - libFuzzer: a council's own authority profile, parsed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "redress/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct profile *p = malloc(sizeof *p);
	struct err err;

	if (p == NULL)
		return 0;
	(void)profile_parse(p, (const char *)data, size, "fuzz", &err);
	free(p);
	return 0;
}
