/* share.h - the data files redress ships: authority profiles and holiday
 * calendars, found under the share directory.
 *
 * The directory is, in order: $REDRESS_SHARE; share/ beside the running
 * binary (a build tree); SHAREDIR (the installed copy).  Names are plain
 * words (a-z, 0-9, '-', '_'): a name can never reach outside the directory. */
#ifndef REDRESS_SHARE_H
#define REDRESS_SHARE_H

#include <stddef.h>

#include "redress/err.h"
#include "redress/holiday.h"
#include "redress/profile.h"

/* Error codes: a name that is not shipped is the person's mistake (usage),
 * an unreadable or malformed file is not. */
enum {
	SHARE_OK = 0,
	SHARE_ENOTFOUND = -2,
	SHARE_EBAD = -1,
};

/* Writes the share directory in use into buf (size n). */
void share_dir(char *buf, size_t n);

/* Reads share/KIND/NAME into a NUL-terminated buffer the caller frees. */
int share_read(const char *kind, const char *name, char **text, size_t *len,
               char *path, size_t pathlen, struct err *err);

/* Loads a profile and its parents, resolved.  *p is plain data (no frees). */
int share_profile(const char *name, struct profile *p, struct err *err);

/* Loads a holiday calendar; release with calendar_free(). */
int share_calendar(const char *name, struct calendar *cal, struct err *err);

/* Names of the shipped profiles, sorted; returns how many (at most max),
 * each copied into names[i] (PROFILE_KEY_MAX bytes). */
size_t share_list(const char *kind, char names[][PROFILE_KEY_MAX], size_t max);

#endif
