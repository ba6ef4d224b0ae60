/* fuzz_template.c - libFuzzer: a letter template, parsed without a
 * profile (fixed fields and events only). */
#include <stddef.h>
#include <stdint.h>

#include "redress/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template *t = NULL;
	struct err err;

	if (template_parse((const char *)data, size, "fuzz", NULL, &t, &err) == 0) {
		(void)template_describe(t);
		template_free(&t);
	}
	return 0;
}
