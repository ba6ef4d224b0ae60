/* letter.h - letters to complainants: templates found along a search path
 * of directories, checked against the book's profile, filled from one case
 * (template.h does the filling; this reads files and the book).
 *
 * Template names are plain words (a-z, 0-9, '-', '_'), so a name never
 * reaches outside its directory.  The first directory holding a name wins;
 * the caller decides the order (redress(1): $REDRESS_TEMPLATES, "templates"
 * in the configuration file, the book's templates/, the shipped ones). */
#ifndef REDRESS_LETTER_H
#define REDRESS_LETTER_H

#include <stdbool.h>
#include <stddef.h>

#include "redress/err.h"
#include "redress/profile.h"
#include "redress/template.h"

#define LETTER_DIRS_MAX 6
#define LETTER_PATH_MAX 4096

struct letter_path {
	const char *dirs[LETTER_DIRS_MAX];
	size_t n;
};

/* Whether name can be a template's name. */
bool letter_name_ok(const char *name);

/* Finds template name along lp into path (LETTER_PATH_MAX bytes).  -2
 * (BOOK_EUSAGE) and a message listing where it looked when there is none. */
int letter_find(const struct letter_path *lp, const char *name, char *path, struct err *err);

/* Reads and parses the template at path against profile p (see
 * template_parse): -2 and "FILE:LINE: ..." when it is wrong, -1 when it
 * cannot be read. */
int letter_load(const char *path, const struct profile *p, struct template **t,
                struct err *err);

/* Every template along lp, by name, once each (the one that wins): each gets
 * its name, path, description, and when p is not NULL the problem that
 * keeps it from loading against p ("" if none). */
struct letter_entry {
	char name[PROFILE_KEY_MAX];
	char path[LETTER_PATH_MAX];
	char describe[256];
	char problem[ERR_MAX];
};
int letter_list(const struct letter_path *lp, const struct profile *p,
                int (*each)(const struct letter_entry *e, void *ctx), void *ctx,
                struct err *err);

struct book;
/* Fills t for case ref of book b, dated date (YYYY-MM-DD), the authority
 * named authority (NULL: the profile's title).  Needs the data key: a
 * letter names people, and is never written with pseudonyms (BOOK_EDENIED
 * otherwise).  *text is the caller's to free. */
int letter_make(struct book *b, const char *ref, const struct template *t, const char *date,
                const char *authority, char **text, size_t *len, struct err *err);

/* Writes a letter into dir as REF-TEMPLATE-DATE.txt (-2, -3 ... when a
 * letter of that name exists): never over another file, never
 * world-readable (0640, less what mask, the person's own umask, takes
 * away: it names people).  path gets the name.  0; BOOK_EUSAGE when dir
 * is missing or not writable; -1. */
int letter_save(const char *dir, const char *ref, const char *tname, const char *date,
                const char *text, size_t len, unsigned mask, char *path, size_t pathlen,
                struct err *err);

struct book;
/* Records on the case's timeline that a letter from template (its name) was
 * sent on date, with an optional note (sealed; e.g. where it was written),
 * and an audit entry "case.letter" naming the template, in one
 * transaction.  Changes no state of the procedure.  Needs the data key. */
int book_case_letter(struct book *b, const char *ref, const char *template, const char *date,
                     const char *note, struct err *err);

#endif
