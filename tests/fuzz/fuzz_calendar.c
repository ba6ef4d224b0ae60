/* fuzz_calendar.c - libFuzzer: a holiday calendar, parsed and asked for a
 * year's days (projected by rule where none is listed). */
#include <stddef.h>
#include <stdint.h>

#include "redress/holiday.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct holiday out[HOLIDAY_PER_YEAR_MAX];
	struct calendar cal;
	struct err err;

	if (calendar_parse(&cal, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	(void)calendar_year(&cal, 2026, out, HOLIDAY_PER_YEAR_MAX);
	(void)calendar_year(&cal, 2040, out, HOLIDAY_PER_YEAR_MAX);
	calendar_free(&cal);
	return 0;
}
