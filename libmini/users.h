/*
 * users.h: user and group ids as names and back, from /etc/passwd and /etc/group.
 */
#ifndef USERS_H
#define USERS_H

#include <sys/types.h>

/* The name of a user or group, or its number as text when it has none. */
const char *user_name(uid_t uid);
const char *group_name(gid_t gid);

/* A user or group given by name or by number. Return 0, or -1 when unknown. */
int parse_user(const char *s, uid_t *uid);
int parse_group(const char *s, gid_t *gid);

#endif
