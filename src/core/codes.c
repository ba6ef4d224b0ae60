/* codes.c - the vocabularies of extension reasons and Ombudsman findings. */
#include <stdio.h>
#include <string.h>

#include "redress/codes.h"

struct code {
	const char *name, *describe;
};

static const struct code codes_ext[EXT_REASON_COUNT] = {
	[EXT_REASON_NONE] = { "none", "not recorded" },
	[EXT_REASON_COMPLEXITY] = { "complexity", "complexity: several services or points" },
	[EXT_REASON_AVAILABILITY] = { "availability", "key people or records unavailable" },
	[EXT_REASON_COMPLAINANT] = { "complainant", "the complainant asked for or agreed more time" },
	[EXT_REASON_INDEPENDENT] = { "independent",
	                             "the investigator's or independent person's availability" },
	[EXT_REASON_ADVOCACY] = { "advocacy", "time for an advocate to take part" },
	[EXT_REASON_OTHER] = { "other", "another reason" },
};

static const struct code codes_omb[OMB_FINDING_COUNT] = {
	[OMB_FINDING_NONE] = { "none", "not recorded" },
	[OMB_FINDING_UPHELD] = { "upheld", "upheld: fault causing injustice" },
	[OMB_FINDING_UPHELD_NO_INJUSTICE] = { "upheld-no-injustice", "upheld: fault, no injustice" },
	[OMB_FINDING_NOT_UPHELD] = { "not-upheld", "not upheld: no fault" },
	[OMB_FINDING_CLOSED] = { "closed-after-initial-enquiries", "closed after initial enquiries" },
	[OMB_FINDING_PREMATURE] = { "premature", "premature: referred back for local resolution" },
	[OMB_FINDING_WITHDRAWN] = { "withdrawn", "withdrawn" },
	[OMB_FINDING_OTHER] = { "other", "another decision" },
};

static const struct code *
codes_get(const struct code *v, int n, int c)
{
	return c >= 0 && c < n ? &v[c] : NULL;
}

static int
codes_lookup(const struct code *v, int n, const char *name)
{
	int c;

	for (c = 1; c < n; c++)
		if (strcmp(name, v[c].name) == 0)
			return c;
	return -1;
}

static const char *
codes_list(const struct code *v, int n, char *out, size_t len)
{
	size_t k = 0;
	int c, w;

	if (len == 0)
		return out;
	out[0] = '\0';
	for (c = 1; c < n && k < len; c++) {
		w = snprintf(out + k, len - k, "%s%s", c > 1 ? ", " : "", v[c].name);
		if (w < 0)
			break;
		k += (size_t)w;
	}
	return out;
}

#define CODES_N(v) ((int)(sizeof v / sizeof v[0]))

const char *
ext_reason_name(int r)
{
	const struct code *c = codes_get(codes_ext, CODES_N(codes_ext), r);

	return c != NULL ? c->name : "?";
}

const char *
ext_reason_describe(int r)
{
	const struct code *c = codes_get(codes_ext, CODES_N(codes_ext), r);

	return c != NULL ? c->describe : "?";
}

int
ext_reason_lookup(const char *name)
{
	return codes_lookup(codes_ext, CODES_N(codes_ext), name);
}

const char *
ext_reason_list(char *out, size_t n)
{
	return codes_list(codes_ext, CODES_N(codes_ext), out, n);
}

const char *
omb_finding_name(int f)
{
	const struct code *c = codes_get(codes_omb, CODES_N(codes_omb), f);

	return c != NULL ? c->name : "?";
}

const char *
omb_finding_describe(int f)
{
	const struct code *c = codes_get(codes_omb, CODES_N(codes_omb), f);

	return c != NULL ? c->describe : "?";
}

int
omb_finding_lookup(const char *name)
{
	return codes_lookup(codes_omb, CODES_N(codes_omb), name);
}

const char *
omb_finding_list(char *out, size_t n)
{
	return codes_list(codes_omb, CODES_N(codes_omb), out, n);
}
