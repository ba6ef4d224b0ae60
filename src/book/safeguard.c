/* safeguard.c - a safeguarding concern is never a complaint: it goes to the
 * children's helpdesk at once.  What the book keeps is what was done: the
 * helpdesk (its number from the profile unless another was used), the time
 * the concern was passed on, who took it, and the helpdesk's referral
 * reference, as the timeline's note (sealed, as notes are). */
#include <stdio.h>
#include <string.h>

#include "book-int.h"
#include "redress/profile.h"

bool
book_hhmm_ok(const char *t)
{
	return strlen(t) == 5 && t[0] >= '0' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' &&
	       (t[0] != '2' || t[1] <= '3') && t[2] == ':' && t[3] >= '0' && t[3] <= '5' &&
	       t[4] >= '0' && t[4] <= '9';
}

int
book_safeguard_check(const struct book_case_new *in, struct err *err)
{
	const char *const what[] = { "the helpdesk", "who took the concern",
	                             "the referral reference" };
	const char *const v[] = { in->sg_helpdesk, in->sg_spoken_to, in->sg_reference };
	const char *t = in->sg_time;
	size_t i;
	int rc;

	if (!in->safeguarding) {
		if (in->sg_helpdesk || in->sg_time || in->sg_spoken_to || in->sg_reference)
			return err_set(err, "what was done with a safeguarding concern is for one "
			               "flagged as safeguarding"), BOOK_EUSAGE;
		return 0;
	}
	for (i = 0; i < 3; i++)
		if (v[i] != NULL && (rc = book_check_text(what[i], v[i], 127, false, err)) != 0)
			return rc;
	if (t != NULL && !book_hhmm_ok(t))
		return err_set(err, "the time passed on: \"%.20s\" is not a time (HH:MM, 24-hour)", t),
		       BOOK_EUSAGE;
	return 0;
}

void
book_safeguard_note(struct book *b, const struct book_case_new *in, char *out, size_t n)
{
	const struct profile *prof = NULL;
	const struct calendar *cal;
	const char *desk = in->sg_helpdesk;
	struct err err;
	int len;

	if (desk == NULL && book_profile(b, &prof, &cal, &err) == 0 && prof->helpdesk[0] != '\0')
		desk = prof->helpdesk;
	len = snprintf(out, n, "Safeguarding concern, not handled as a complaint: passed to %s%s%s "
	               "on %s%s%s", desk ? desk : "the children's helpdesk",
	               in->sg_spoken_to ? ", taken by " : "", in->sg_spoken_to ? in->sg_spoken_to : "",
	               in->received, in->sg_time ? " at " : "", in->sg_time ? in->sg_time : "");
	if (len < 0 || (size_t)len >= n)
		return;
	if (in->sg_reference != NULL)
		len += snprintf(out + len, n - (size_t)len, "; referral reference %s", in->sg_reference);
	else if ((size_t)len < n)
		len += snprintf(out + len, n - (size_t)len, "; no referral reference recorded");
	if (len > 0 && (size_t)len < n - 1)
		snprintf(out + len, n - (size_t)len, ".");
}
