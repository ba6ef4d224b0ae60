/* book-versions.h - the book's holiday calendar and profile over the years
 * (src/book/versions.c).
 *
 * A book copies its profile and calendar at init as version 1.  A change
 * makes the next version, in one write transaction with its audit entry;
 * the deadlines of every open case (and their index) are recomputed in the
 * same transaction, each date a change moved kept on the case ("was
 * 2026-12-04 before calendar 2").  Closed cases keep the versions they were
 * decided under. */
#ifndef REDRESS_BOOK_VERSIONS_H
#define REDRESS_BOOK_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/book.h"
#include "redress/err.h"

struct calendar;

/* One version of the book's calendar or profile: who made it and when. */
struct book_version {
	char what;                   /* 'c' calendar, 'p' profile */
	char name[64];               /* the calendar's or authority's name */
	unsigned version;
	uint64_t at;                 /* unix time */
	char by[64];                 /* login */
	char note[160];              /* what it changed ("2026-12-01 added: Day of
	                              * mourning"; "copied at init"); "" when the
	                              * book did not record it */
};
/* Every version, calendars first, oldest first: *n of them (at most max
 * written). */
int book_versions(struct book *b, struct book_version *out, size_t max, size_t *n,
                  struct err *err);

/* The book's current calendar (borrowed until book_close) and its version. */
int book_calendar(struct book *b, const struct calendar **cal, unsigned *version,
                  struct err *err);

/* The profile and calendar case c is counted under (borrowed until
 * book_close). */
struct profile;
int book_case_rules(struct book *b, const struct book_case *c, const struct profile **pp,
                    const struct calendar **cp, struct err *err);
/* " (was 2026-12-04 before calendar 2)" when a version moved c's deadline
 * (or its target) of rule, else ""; into out (n bytes), returned. */
const char *book_was_note(const struct book_case *c, const char *rule, bool target, char *out,
                          size_t n);
/* "profile 1, calendar 2": the versions c is counted under. */
const char *book_case_versions(const struct book_case *c, char *out, size_t n);

/* A copy of the book's current calendar, for changing: *copy is the
 * caller's (calendar_free()). */
int book_calendar_copy(struct book *b, struct calendar *copy, unsigned *version,
                       struct err *err);

/* A deadline a change moved. */
struct book_moved {
	char ref[BOOK_REF_MAX];
	char rule[40];
	bool target;
	char was[16], now[16];
};
/* What a change did: the version made, the open cases recomputed, the dates
 * moved (malloc'd: free(out->moved)). */
struct book_recompute {
	unsigned version;
	size_t cases;
	struct book_moved *moved;
	size_t nmoved;
};

/* Holiday DATE named name added to the book's calendar (name NULL: taken
 * off its list) as its next version; admins.  BOOK_EUSAGE when it is a
 * weekend or listed already (adding) or not listed (removing). */
int book_holiday_change(struct book *b, const char *date, const char *name,
                        struct book_recompute *out, struct err *err);
/* The same, undone: *out says what it would do (the version it would
 * make, the dates it would move); nothing changes. */
int book_holiday_preview(struct book *b, const char *date, const char *name,
                         struct book_recompute *out, struct err *err);

/* The book's calendar made from cal (its listed days and covered years
 * replacing the book's) as its next version; action and what name it in
 * the audit.  base is the version cal was made from: BOOK_ESTALE when the
 * book's has moved on since. */
int book_calendar_change(struct book *b, const struct calendar *cal, unsigned base,
                         const char *action, const char *what, struct book_recompute *out,
                         struct err *err);

/* The same, undone: *out says what it would do; nothing changes. */
int book_calendar_preview(struct book *b, const struct calendar *cal, unsigned base,
                          const char *action, const char *what, struct book_recompute *out,
                          struct err *err);

/* A day a new calendar adds ('+'), takes off ('-'), or lists by name where
 * the book's only projected it or named it otherwise ('='). */
#include "redress/holiday.h"
struct book_day_change {
	char sign;
	struct date date;
	char name[HOLIDAY_NAME_MAX];
	bool projected;              /* the book's day was projected by rule */
};
/* GOV.UK's bank-holidays.json, one division of it, read against the book's
 * calendar: the years the division lists replace the book's. */
struct book_holidays_file {
	char division[64];
	int from, to;                /* the years the division lists */
	size_t ndays;                /* its events */
	unsigned base;               /* the book's calendar version read against */
	struct calendar *cal;        /* the book's calendar, those years replaced */
	struct book_day_change *changes; /* the days that differ, year by year */
	size_t nchanges;
	char what[160];              /* the audit's words: "FILE DIVISION FROM-TO: N days" */
};
/* Reads path, taking division (NULL: the book's own).  BOOK_EUSAGE with
 * the line or event at fault ("FILE:3: event 2: bad date ...") for a bad
 * file or no such division; nothing is changed.  *f is the caller's
 * (book_holidays_file_free(), also after a failure). */
int book_holidays_file_read(struct book *b, const char *path, const char *division,
                            struct book_holidays_file *f, struct err *err);
void book_holidays_file_free(struct book_holidays_file *f);
/* f as the book's next calendar ("calendar.import"), as
 * book_calendar_change; dry: only what it would do, as
 * book_calendar_preview. */
int book_holidays_import(struct book *b, const struct book_holidays_file *f, bool dry,
                         struct book_recompute *out, struct err *err);

/* A profile offered as the book's next version: the shipped one of that
 * name, or a council's own file (a path with "/"), with the texts of its
 * chain of parents (shipped).  BOOK_EUSAGE naming FILE:LINE for a bad one. */
#include "redress/profile.h"
struct book_profile_texts {
	size_t n;
	char names[PROFILE_DEPTH_MAX][PROFILE_KEY_MAX];
	char *texts[PROFILE_DEPTH_MAX];
	size_t lens[PROFILE_DEPTH_MAX];
};
int book_profile_candidate(const char *what, struct book_profile_texts *c,
                           struct profile *resolved, struct err *err);
void book_profile_texts_free(struct book_profile_texts *c);
/* The book's current profile and its version. */
int book_profile_version(struct book *b, const struct profile **p, unsigned *version,
                         struct err *err);
/* c as the book's next profile version (admins; base as in
 * book_calendar_change).  New cases take it; with open_cases the open ones
 * move to it too, recomputed, their moved dates kept; the others keep the
 * version they were received under. */
int book_profile_change(struct book *b, const struct book_profile_texts *c, unsigned base,
                        bool open_cases, struct book_recompute *out, struct err *err);
/* The same, undone: *out says what it would do (with open_cases, the
 * dates it would move); nothing changes. */
int book_profile_preview(struct book *b, const struct book_profile_texts *c, unsigned base,
                         bool open_cases, struct book_recompute *out, struct err *err);

#endif
