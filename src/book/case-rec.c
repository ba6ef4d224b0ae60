/* case-rec.c - the byte layout of a case record's compound fields, in one
 * place: each party, point, finding, recommendation and the advocacy
 * offer is one field whose plain part comes first and whose sealed text,
 * if any, follows.  The decoders need no key (the sealed text is handed
 * back as bytes), so reports, retention and exports read cases with them
 * as the case itself does. */
#include <string.h>

#include "book-int.h"

/* party: kind 1 | role 1 | eligible 1 | consent 1, informed 2 | person 8 | sealed views */
bool
case_rec_party_get(const uint8_t *p, size_t n, struct case_rec_party *out)
{
	memset(out, 0, sizeof *out);
	if (n < CASE_REC_PARTY_PLAIN)
		return false;
	out->kind = p[0];
	out->role = p[1];
	out->eligible = p[2] != 0;
	out->consent = (p[3] & 1) != 0;
	out->informed = (p[3] & 2) != 0;
	out->person = codec_get_be64(p + 4);
	out->sealed = p + CASE_REC_PARTY_PLAIN;
	out->sealedlen = n - CASE_REC_PARTY_PLAIN;
	return true;
}

bool
case_rec_party_next(const void *v, size_t vl, size_t *pos, struct case_rec_party *out)
{
	const uint8_t *p;
	uint16_t tag;
	size_t n;

	while (rec_next(v, vl, pos, &tag, &p, &n))
		if (tag == CT_PARTY && case_rec_party_get(p, n, out))
			return true;
	return false;
}

void
case_rec_party_put(const struct book_party *in, uint8_t out[CASE_REC_PARTY_PLAIN])
{
	out[0] = (uint8_t)in->kind;
	out[1] = (uint8_t)in->role;
	out[2] = in->eligible;
	out[3] = (uint8_t)(in->consent | in->informed << 1);
	codec_be64(in->person, out + 4);
}

/* point: number 4 | sealed text (none once erased) */
bool
case_rec_point_get(const uint8_t *p, size_t n, struct case_rec_point *out)
{
	memset(out, 0, sizeof *out);
	if (n < CASE_REC_POINT_PLAIN)
		return false;
	out->number = codec_get_be32(p);
	out->sealed = p + CASE_REC_POINT_PLAIN;
	out->sealedlen = n - CASE_REC_POINT_PLAIN;
	return true;
}

void
case_rec_point_put(unsigned number, uint8_t out[CASE_REC_POINT_PLAIN])
{
	codec_be32(number, out);
}

/* finding: stage 1 | point 4 | outcome 1 */
bool
case_rec_finding_get(const uint8_t *p, size_t n, struct book_finding *out)
{
	memset(out, 0, sizeof *out);
	if (n != CASE_REC_FINDING_LEN)
		return false;
	out->stage = p[0];
	out->point = codec_get_be32(p + 1);
	out->outcome = p[5];
	return true;
}

void
case_rec_finding_put(const struct book_finding *in, uint8_t out[CASE_REC_FINDING_LEN])
{
	out[0] = (uint8_t)in->stage;
	codec_be32(in->point, out + 1);
	out[5] = (uint8_t)in->outcome;
}

/* recommendation: number 4 | stage 1 | due 10 | done 10 (spaces: none) |
 * owner 64 (NUL-padded) | sealed text (none once erased) */
bool
case_rec_rec_get(const uint8_t *p, size_t n, struct case_rec_rec *out)
{
	memset(out, 0, sizeof *out);
	if (n < CASE_REC_REC_PLAIN)
		return false;
	out->number = codec_get_be32(p);
	out->stage = p[4];
	if (p[5] != ' ')
		memcpy(out->due, p + 5, 10);
	if (p[15] != ' ')
		memcpy(out->done, p + 15, 10);
	memcpy(out->owner, p + 25, 63);
	out->owner[63] = '\0';
	out->sealed = p + CASE_REC_REC_PLAIN;
	out->sealedlen = n - CASE_REC_REC_PLAIN;
	return true;
}

void
case_rec_rec_put(const struct book_rec *in, uint8_t out[CASE_REC_REC_PLAIN])
{
	memset(out, ' ', 25);
	codec_be32(in->number, out);
	out[4] = (uint8_t)in->stage;
	if (in->due[0])
		memcpy(out + 5, in->due, strnlen(in->due, 10));
	if (in->done[0])
		memcpy(out + 15, in->done, strnlen(in->done, 10));
	memset(out + 25, 0, 64);
	memcpy(out + 25, in->owner, strnlen(in->owner, 63));
}

/* advocacy: offered 10 (spaces: not) | response 1 | flags 1 | service (up to 63) */
bool
case_rec_advocacy_get(const uint8_t *p, size_t n, struct book_advocacy *out)
{
	memset(out, 0, sizeof *out);
	if (n < CASE_REC_ADVOCACY_PLAIN)
		return false;
	if (p[0] != ' ')
		memcpy(out->offered, p, 10);
	out->response = p[10];
	out->flags = p[11];
	memcpy(out->service, p + 12, n - 12 < 63 ? n - 12 : 63);
	return true;
}

size_t
case_rec_advocacy_put(const struct book_advocacy *in, uint8_t out[CASE_REC_ADVOCACY_MAX])
{
	size_t sl = strnlen(in->service, 63);

	memset(out, ' ', 10);
	memcpy(out, in->offered, strnlen(in->offered, 10));
	out[10] = (uint8_t)in->response;
	out[11] = (uint8_t)in->flags;
	memcpy(out + 12, in->service, sl);
	return 12 + sl;
}

size_t
case_rec_plain_len(uint16_t tag)
{
	return tag == CT_PARTY ? CASE_REC_PARTY_PLAIN : tag == CT_POINT ? CASE_REC_POINT_PLAIN
	       : tag == CT_REC ? CASE_REC_REC_PLAIN : 0;
}
