/*
 * users.c: user and group ids as names and back (getpwuid, getgrgid, POSIX).
 *
 * ls -l asks for the same owner again and again, and getpwuid reads /etc/passwd
 * anew on every call; remembering the last answer saves nearly all of that work.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "users.h"

/* The last id looked up and its name; one per kind (users, groups). */
struct name_cache {
	int valid;
	unsigned id;
	char name[33];
};

static const char *remember(struct name_cache *c, unsigned id, const char *name)
{
	c->valid = 1;
	c->id = id;
	if (name)
		snprintf(c->name, sizeof c->name, "%s", name);
	else
		snprintf(c->name, sizeof c->name, "%u", id);
	return c->name;
}

const char *user_name(uid_t uid)
{
	static struct name_cache cache;
	struct passwd *pw;

	if (cache.valid && cache.id == uid)
		return cache.name;
	pw = getpwuid(uid);
	return remember(&cache, uid, pw ? pw->pw_name : NULL);
}

const char *group_name(gid_t gid)
{
	static struct name_cache cache;
	struct group *gr;

	if (cache.valid && cache.id == gid)
		return cache.name;
	gr = getgrgid(gid);
	return remember(&cache, gid, gr ? gr->gr_name : NULL);
}

/* A whole decimal number that fits an id; -1 when s is not one. */
static int parse_id(const char *s, unsigned *id)
{
	char *end;
	unsigned long n;

	if (*s < '0' || *s > '9')
		return -1;
	n = strtoul(s, &end, 10);
	if (*end != '\0' || n > 0xffffffffUL)
		return -1;
	*id = n;
	return 0;
}

/* A name wins over a number, as POSIX chown says: a user may be called "123". */
int parse_user(const char *s, uid_t *uid)
{
	struct passwd *pw = getpwnam(s);
	unsigned id;

	if (pw) {
		*uid = pw->pw_uid;
		return 0;
	}
	if (parse_id(s, &id) < 0)
		return -1;
	*uid = id;
	return 0;
}

int parse_group(const char *s, gid_t *gid)
{
	struct group *gr = getgrnam(s);
	unsigned id;

	if (gr) {
		*gid = gr->gr_gid;
		return 0;
	}
	if (parse_id(s, &id) < 0)
		return -1;
	*gid = id;
	return 0;
}
