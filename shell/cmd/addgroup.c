/*
 * addgroup: add a group to /etc/group, or a user to a group (BusyBox's forms).
 */
#include <grp.h>
#include <stdio.h>
#include "mini.h"
#include "accounts.h"

static const char usage[] =
	"Usage: addgroup [-g GID] GROUP\n"
	"   or: addgroup USER GROUP\n"
	"Add GROUP, or make the existing USER a member of the existing GROUP.\n"
	"  -g GID  group id (default the first free one from 1000)\n";

static int add_group(const char *name, long long gid)
{
	char line[128];

	if (!account_name_ok(name))
		die("'%s' is not a valid group name (a-z, 0-9, _ . -)", name);
	if (getgrnam(name))
		die("group '%s' exists", name);
	if (gid < 0)
		gid = account_free_id(1);
	else if (getgrgid(gid))
		die("group id %lld is taken", gid);
	snprintf(line, sizeof line, "%s:x:%lld:", name, gid);
	return accounts_set_line(GROUP_FILE, name, line);
}

int addgroup_main(int argc, char **argv)
{
	struct options o;
	long long gid = -1;
	int c, status;

	options_start(&o, argc, argv, "g:", usage);
	while ((c = options_next(&o)) != -1) {
		if (parse_long(o.arg, &gid) < 0 || gid < 0 || gid > 65535)
			usage_error(usage, "bad group id '%s'", o.arg);
	}
	argv += o.index;
	argc -= o.index;
	if (argc == 0)
		usage_error(usage, "a group name is needed");
	if (argc > 2)
		usage_error(usage, "extra operand '%s'", argv[2]);
	if (argc == 2 && getpwnam(argv[0]) == NULL)
		die("unknown user '%s'", argv[0]);
	if (argc == 2 && getgrnam(argv[1]) == NULL)
		die("unknown group '%s'", argv[1]);

	accounts_lock();
	status = argc == 2 ? accounts_set_member(argv[1], argv[0], 1) : add_group(argv[0], gid);
	accounts_unlock();
	return status < 0;
}
