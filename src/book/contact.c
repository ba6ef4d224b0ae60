/* contact.c - how to reach the people on cases: postal address, e-mail,
 * phone, the channel they prefer, and whether it is safe to write to them.
 * Checked here; sealed field by field with the rest of the person
 * (people.c), so nothing of them reaches the disk in plain text. */
#include <stdio.h>
#include <string.h>

#include "book-int.h"
#include "redress/reads.h"
#include "redress/vocab.h"

static int
contact_check_email(const char *s, struct err *err)
{
	const char *at = strchr(s, '@');
	size_t i;

	if (*s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == ';')
			return err_set(err, "the e-mail address \"%.80s\" has a space or separator in it "
			               "(one address only)", s), BOOK_EUSAGE;
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL || strchr(at + 1, '.') == NULL ||
	    at[strlen(at) - 1] == '.')
		return err_set(err, "\"%.80s\" is not an e-mail address (name@example.org)", s),
		       BOOK_EUSAGE;
	return 0;
}

static int
contact_check_phone(const char *s, struct err *err)
{
	size_t i, digits = 0;

	if (*s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (strchr(" +-()", s[i]) == NULL)
			return err_set(err, "the phone number \"%.40s\" may hold only digits, spaces and "
			               "+ - ( )", s), BOOK_EUSAGE;
	}
	if (digits < 3 || digits > 20)
		return err_set(err, "the phone number \"%.40s\" has %zu digits (3 to 20)", s, digits),
		       BOOK_EUSAGE;
	return 0;
}

int
book_contact_check(const struct book_contact_change *ch, struct err *err)
{
	struct book_contact ct;
	int rc;

	if (ch->address == NULL && ch->email == NULL && ch->phone == NULL && ch->prefer == NULL &&
	    ch->safe == NULL)
		return err_set(err, "nothing to change (address, e-mail, phone, preferred channel, "
		               "safe to write)"), BOOK_EUSAGE;
	if (ch->address != NULL &&
	    (rc = book_check_text("the address", ch->address, sizeof ct.address - 1, true, err)) != 0)
		return rc;
	if (ch->email != NULL &&
	    ((rc = book_check_text("the e-mail address", ch->email, sizeof ct.email - 1, false,
	                           err)) != 0 || (rc = contact_check_email(ch->email, err)) != 0))
		return rc;
	if (ch->phone != NULL &&
	    ((rc = book_check_text("the phone number", ch->phone, sizeof ct.phone - 1, false,
	                           err)) != 0 || (rc = contact_check_phone(ch->phone, err)) != 0))
		return rc;
	if (ch->prefer != NULL && *ch->prefer != '\0' && channel_lookup(ch->prefer) < 0) {
		char list[256];

		return err_set(err, "\"%.40s\" is not a channel (%s)", ch->prefer,
		               vocab_list(VOCAB_CHANNEL, VOCAB_OR, list, sizeof list)), BOOK_EUSAGE;
	}
	if (ch->safe != NULL && *ch->safe != '\0' && strcmp(ch->safe, "yes") != 0 &&
	    strcmp(ch->safe, "no") != 0)
		return err_set(err, "safe to write: yes or no, not \"%.20s\"", ch->safe), BOOK_EUSAGE;
	return 0;
}

static int
contact_open(struct book *b, uint64_t id, const void *v, size_t n, void *out, struct err *err)
{
	return book_person_contact_open(b, id, v, n, out, err);
}

int
book_contact_get(struct book *b, uint64_t id, struct book_contact *out, struct err *err)
{
	return book_person_sealed_get(b, id, "contact details", false, contact_open, out,
	                              sizeof *out, err);
}

int
book_contact_set(struct book *b, uint64_t id, uint64_t base_rev,
                 const struct book_contact_change *ch, struct err *err)
{
	char fields[64];
	int rc;

	if ((rc = book_require(b, ROLE_CASEWORKER, true, err)) != 0 ||
	    (rc = book_contact_check(ch, err)) != 0)
		return rc;
	/* the audit names the fields, never their values */
	snprintf(fields, sizeof fields, "%s%s%s%s%s", ch->address ? "address," : "",
	         ch->email ? "email," : "", ch->phone ? "phone," : "", ch->prefer ? "prefer," : "",
	         ch->safe ? "safe," : "");
	fields[strlen(fields) - 1] = '\0';
	return book_person_contact_write(b, id, base_rev, ch, fields, err);
}
