/* fuzz_csv.c - libFuzzer: the CSV reader that import trusts with a
 * council's spreadsheet, every record read to the end. */
#include <stddef.h>
#include <stdint.h>

#include "redress/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	struct err err;
	size_t i;
	int rc, n = 0;

	csv_begin(&r, (const char *)data, size);
	while ((rc = csv_read(&r, &err)) != 0 && rc != -2 && n++ < 100000)
		if (rc == 1)
			for (i = 0; i < r.nfields; i++)
				(void)csv_needs_guard(r.fields[i]);
	csv_end(&r);
	return 0;
}
