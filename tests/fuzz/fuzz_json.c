/* fuzz_json.c - libFuzzer: the strict JSON reader that `holidays import`
 * trusts with a downloaded file, every value walked. */
#include <stddef.h>
#include <stdint.h>

#include "redress/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
walk(const struct json *j)
{
	size_t i, n = 1;

	for (i = 0; i < j->n; i++)
		n += walk(&j->kids[i]) + (j->kids[i].key != NULL);
	return n + (json_member(j, "events") != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json *j;
	struct err err;

	if (json_parse((const char *)data, size, &j, &err) == 0) {
		(void)walk(j);
		json_free(j);
	}
	return 0;
}
