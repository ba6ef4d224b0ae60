/* share.c - finding and loading the shipped profiles and holiday calendars. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress/share.h"

#ifndef SHAREDIR
#define SHAREDIR "/usr/local/share/redress"
#endif

#define SHARE_FILE_MAX (1024 * 1024)
#define SHARE_PATH_MAX 4200 /* the share directory (4096) and kind/name */

static int
share_isdir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void
share_dir(char *buf, size_t n)
{
	const char *env = getenv("REDRESS_SHARE");
	char exe[4096], *slash;
	ssize_t len;

	if (env != NULL && *env != '\0') {
		snprintf(buf, n, "%s", env);
		return;
	}
	/* a binary run from its build tree finds the tree's share/ */
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		exe[len] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(buf, n, "%s/share/profiles", exe);
			if (share_isdir(buf)) {
				snprintf(buf, n, "%s/share", exe);
				return;
			}
		}
	}
	snprintf(buf, n, "%s", SHAREDIR);
}

static int
share_name_ok(const char *name)
{
	size_t i;

	if (name == NULL || *name == '\0' || strlen(name) >= PROFILE_KEY_MAX)
		return 0;
	for (i = 0; name[i] != '\0'; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
		      name[i] == '-' || name[i] == '_'))
			return 0;
	return name[0] != '-';
}

int
share_read(const char *kind, const char *name, char **text, size_t *len, char *path,
           size_t pathlen, struct err *err)
{
	char dir[4096];
	size_t cap = SHARE_FILE_MAX + 1, n;
	struct stat st;
	FILE *f;
	char *buf;

	if (!share_name_ok(name))
		return err_set(err, "no %s named \"%.40s\"", kind, name), SHARE_ENOTFOUND;
	share_dir(dir, sizeof dir);
	snprintf(path, pathlen, "%s/%ss/%s", dir, kind, name);
	f = fopen(path, "rb");
	if (f == NULL) {
		char kinddir[4200];

		snprintf(kinddir, sizeof kinddir, "%s/%ss", dir, kind);
		if (errno == ENOENT && !share_isdir(kinddir))
			return err_set(err, "no %ss directory at %s (is redress installed? "
			               "REDRESS_SHARE names another place)", kind, kinddir);
		if (errno == ENOENT)
			return err_set(err, "no %s named \"%s\" (see: redress %s)", kind, name,
			               strcmp(kind, "profile") == 0 ? "authority list" : "holidays --list"),
			       SHARE_ENOTFOUND;
		return err_set(err, "%s: %s", path, strerror(errno));
	}
	/* room for the file as it stands, and a byte more to see it grow: not
	 * for the largest allowed (a 1 MiB buffer for a 5 KiB calendar was a
	 * mapping made and unmade by every command) */
	setvbuf(f, NULL, _IONBF, 0); /* read straight into buf */
	if (fstat(fileno(f), &st) == 0 && st.st_size >= 0 && st.st_size < SHARE_FILE_MAX)
		cap = (size_t)st.st_size + 1;
	if ((buf = malloc(cap + 1)) == NULL) {
		fclose(f);
		return err_set(err, "out of memory");
	}
	n = fread(buf, 1, cap, f);
	if (n == cap && cap <= SHARE_FILE_MAX && !ferror(f)) {
		/* it grew while being read: room for the largest allowed */
		char *more = realloc(buf, SHARE_FILE_MAX + 2);

		if (more == NULL) {
			fclose(f);
			free(buf);
			return err_set(err, "out of memory");
		}
		buf = more;
		n += fread(buf + n, 1, SHARE_FILE_MAX + 1 - n, f);
	}
	if (ferror(f) || n > SHARE_FILE_MAX) {
		fclose(f);
		free(buf);
		return err_set(err, "%s: %s", path, n > SHARE_FILE_MAX ? "file too large" : "read error");
	}
	fclose(f);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

/* The file of that kind and name read (share_read) and parsed into obj;
 * the path read in path (SHARE_PATH_MAX bytes). */
static int
share_load(const char *kind, const char *name,
           int (*parse)(void *obj, const char *text, size_t len, const char *path, struct err *err),
           void *obj, char *path, struct err *err)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = share_read(kind, name, &text, &len, path, SHARE_PATH_MAX, err)) != 0)
		return rc;
	rc = parse(obj, text, len, path, err);
	free(text);
	return rc;
}

static int
share_parse_profile(void *p, const char *text, size_t len, const char *path, struct err *err)
{
	return profile_parse(p, text, len, path, err);
}

static int
share_parse_calendar(void *cal, const char *text, size_t len, const char *path, struct err *err)
{
	return calendar_parse(cal, text, len, path, err);
}

static int
share_profile_one(const char *name, struct profile *p, struct err *err)
{
	char path[SHARE_PATH_MAX];
	int rc;

	rc = share_load("profile", name, share_parse_profile, p, path, err);
	if (rc == 0 && strcmp(p->name, name) != 0)
		rc = err_set(err, "%s: says \"profile %s\"; the file and the name must agree", path,
		             p->name);
	return rc;
}

int
share_profile(const char *name, struct profile *p, struct err *err)
{
	struct profile *chain;
	size_t depth = 0, i, k;
	int rc;

	chain = calloc(PROFILE_DEPTH_MAX, sizeof *chain);
	if (chain == NULL)
		return err_set(err, "out of memory");
	/* read child, parent, grandparent ... up to a root */
	for (;;) {
		if ((rc = share_profile_one(name, &chain[depth], err)) != 0)
			goto out;
		name = chain[depth].inherits;
		depth++;
		if (*name == '\0')
			break;
		for (k = 0; k < depth; k++)
			if (strcmp(chain[k].name, name) == 0) {
				rc = err_set(err, "profile %s: inheritance goes round in a circle", name);
				goto out;
			}
		if (depth == PROFILE_DEPTH_MAX) {
			rc = err_set(err, "profile %s: inherits more than %d deep", chain[0].name,
			             PROFILE_DEPTH_MAX);
			goto out;
		}
	}
	if ((rc = profile_check(&chain[depth - 1], err)) != 0)
		goto out;
	for (i = depth - 1; i > 0; i--)
		if ((rc = profile_inherit(&chain[i - 1], &chain[i], err)) != 0)
			goto out;
	profile_assign(p, &chain[0]);
out:
	free(chain);
	return rc;
}

int
share_calendar(const char *name, struct calendar *cal, struct err *err)
{
	char path[SHARE_PATH_MAX];

	return share_load("holiday", name, share_parse_calendar, cal, path, err);
}

static int
share_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

size_t
share_list(const char *kind, char names[][PROFILE_KEY_MAX], size_t max)
{
	char dir[4096], path[4200];
	struct dirent *de;
	size_t n = 0;
	DIR *d;

	share_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/%ss", dir, kind);
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL && n < max) {
		if (!share_name_ok(de->d_name))
			continue;
		strcpy(names[n++], de->d_name); /* share_name_ok: it fits */
	}
	closedir(d);
	qsort(names, n, PROFILE_KEY_MAX, share_cmp);
	return n;
}
