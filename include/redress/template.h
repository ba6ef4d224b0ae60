/* template.h - letters: plain text templates whose {{fields}} are filled
 * from one case, its deadlines and the authority's profile.
 *
 * The syntax (redress-template(5)):
 *
 *   {{field}}          the field's value; "{{ field }}" is the same
 *   {{# words}}        a comment; a line holding only comments is dropped
 *   {{if field}}       the lines up to {{else}} or {{end}} only when the
 *   {{else}}           field has a value (a date recorded, a deadline whose
 *   {{end}}            clock has started, a name); each on a line of its own
 *
 * Parsing is pure and checks every field against the vocabulary (the fixed
 * fields, the event names, and the rule keys of the profile the letter will
 * be filled from, including rules it drops): a field that does not exist is
 * an error at load time, "FILE:LINE: unknown field ...", never a blank in a
 * letter.  Filling is pure too: a field with no value for this case outside
 * an {{if}} is an error naming it.  Text from the case is made safe
 * (text_visible): a control character never reaches a letter raw. */
#ifndef REDRESS_TEMPLATE_H
#define REDRESS_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/clock.h"
#include "redress/date.h"
#include "redress/err.h"
#include "redress/profile.h"
#include "redress/workflow.h"

#define TEMPLATE_MAX (64 * 1024) /* bytes in one template file */

/* The Local Government and Social Care Ombudsman, named in every letter
 * that closes a door (refusals, the end of the procedure). */
#define OMBUDSMAN_NAME "Local Government and Social Care Ombudsman"
#define OMBUDSMAN_WEBSITE "www.lgo.org.uk"
#define OMBUDSMAN_TELEPHONE "0300 061 0614"
#define OMBUDSMAN_ADDRESS "PO Box 4771, Coventry CV4 0EH"

/* A parsed template.  Opaque; release with template_free(). */
struct template;

/* Parses a template's text (len bytes, need not be NUL-terminated) checking
 * its fields against profile p (NULL: only the fixed fields and events;
 * deadline and rule fields are then refused).  file names it in messages.
 * On success *out is the template (free with template_free); on failure -1
 * and "FILE:LINE: what is wrong". */
int template_parse(const char *text, size_t len, const char *file, const struct profile *p,
                   struct template **out, struct err *err);
void template_free(struct template **t);

/* The template's description: its first comment, "" if none.  Borrowed
 * from t. */
const char *template_describe(const struct template *t);

/* What a letter is filled from: plain data the caller owns.  Strings may be
 * NULL or "" when the case has none. */
struct template_case {
	struct date date;             /* the letter's date ({{today}}) */
	const char *authority;        /* the council's name */
	const char *ref, *team, *service, *owner, *summary, *redirect_to, *thanked;
	enum route route;
	struct date received;
	int stage;                    /* 0 receipt, 1..3 */
	const char *complainant;      /* the first complainant's name, NULL if none */
	const char *child;            /* the first child's name, NULL if none */
	const char *address;          /* the addressee's postal address, NULL if none */
	const struct wf_event *events; /* the timeline, in the order recorded */
	size_t nevents;
	const struct profile *profile; /* the same the template was parsed against */
	const struct deadline *deadlines;
	size_t ndeadlines;
};

/* Fills t from c into a NUL-terminated letter (*out, *len; the caller
 * frees *out).  -1 and "FILE:LINE: {{field}} has no value: why" when a
 * field outside an {{if}} has none for this case. */
int template_fill(const struct template *t, const struct template_case *c, char **out,
                  size_t *len, struct err *err);

/* The vocabulary, for `redress letter --fields`: calls each(name, what, ctx)
 * for every fixed field, every event.NAME, and (when p is not NULL) every
 * deadline.KEY and rule.KEY.within/extended of p; stops early and returns
 * non-zero when each does. */
int template_fields(const struct profile *p,
                    int (*each)(const char *name, const char *what, void *ctx), void *ctx);

#endif
