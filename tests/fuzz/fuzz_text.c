/* fuzz_text.c - libFuzzer: untrusted text made safe to show, dates as
 * typed, and the record decoder over arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redress/codec.h"
#include "redress/date.h"
#include "redress/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[256];
	const uint8_t *p;
	struct date d;
	struct err err;
	size_t pos = 0, n;
	uint16_t tag;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)text_visible(s, out, sizeof out);
	(void)date_parse(s, &d, &err);
	free(s);
	/* rec_check walks every field within bounds; rec_find after it */
	if (size > 0 && rec_check(data, size, data[0], NULL) == 0) {
		while (rec_next(data, size, &pos, &tag, &p, &n))
			;
		(void)rec_find(data, size, 7, &p, &n);
	}
	return 0;
}
