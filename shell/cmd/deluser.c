/*
 * deluser, delgroup: remove a user or a group (the forms of BusyBox's commands).
 *
 *   deluser USER          the user's lines in /etc/passwd and /etc/shadow, its
 *                         membership of every group, and its own group (the one of
 *                         the same name and id); the home folder stays
 *   delgroup GROUP        a group no user has as its main group
 *   deluser USER GROUP    (or delgroup USER GROUP) take USER out of GROUP
 */
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include "mini.h"
#include "accounts.h"

static const char usage[] =
	"Usage: deluser USER | delgroup GROUP | deluser USER GROUP | delgroup USER GROUP\n"
	"Remove a user (its home folder stays), a group, or a user from a group.\n";

static int delete_user(const char *name)
{
	struct passwd *pw = getpwnam(name);
	struct group *own;

	if (pw == NULL)
		die("unknown user '%s'", name);
	if (pw->pw_uid == 0)
		die("will not delete %s: the system needs a user 0", name);
	own = getgrnam(name);
	if (accounts_set_line(PASSWD_FILE, name, NULL) < 0 || accounts_set_line(SHADOW_FILE, name, NULL) < 0
	    || accounts_set_member(NULL, name, 0) < 0)
		return -1;
	if (own && own->gr_gid == pw->pw_gid)
		return accounts_set_line(GROUP_FILE, name, NULL);
	return 0;
}

static int delete_group(const char *name)
{
	struct group *gr = getgrnam(name);
	struct passwd *pw;

	if (gr == NULL)
		die("unknown group '%s'", name);
	setpwent();
	while ((pw = getpwent()) != NULL)
		if (pw->pw_gid == gr->gr_gid)
			die("'%s' is the main group of user '%s'", name, pw->pw_name);
	endpwent();
	return accounts_set_line(GROUP_FILE, name, NULL);
}

int deluser_main(int argc, char **argv)
{
	struct options o;
	int status;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		continue;
	argv += o.index;
	argc -= o.index;
	if (argc == 0)
		usage_error(usage, "a name is needed");
	if (argc > 2)
		usage_error(usage, "extra operand '%s'", argv[2]);
	if (argc == 2 && getgrnam(argv[1]) == NULL)
		die("unknown group '%s'", argv[1]);

	accounts_lock();
	if (argc == 2)
		status = accounts_set_member(argv[1], argv[0], 0);
	else if (strcmp(program_name, "delgroup") == 0)
		status = delete_group(argv[0]);
	else
		status = delete_user(argv[0]);
	accounts_unlock();
	return status < 0;
}
