/*
 * adduser: add a user account (the options of BusyBox's adduser).
 *
 * The user gets a line in /etc/passwd, a password in /etc/shadow, a group of the
 * same name in /etc/group (its id the user's id when that is free), and a home
 * folder it owns. "adduser USER GROUP" makes an existing user a member of a group.
 */
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "accounts.h"
#include "password.h"

static const char usage[] =
	"Usage: adduser [-D] [-h HOME] [-s SHELL] [-g GECOS] [-G GROUP] [-u UID] USER\n"
	"   or: adduser USER GROUP\n"
	"Add user USER with a group of the same name and a home folder, asking its password;\n"
	"or make an existing USER a member of GROUP.\n"
	"  -D        no password yet: the account is locked until passwd sets one\n"
	"  -h HOME   home folder (default /home/USER)\n"
	"  -s SHELL  login shell (default /bin/sh)\n"
	"  -g GECOS  the user's full name\n"
	"  -G GROUP  also a member of GROUP\n"
	"  -u UID    user id (default the first free one from 1000)\n";

struct new_user {
	const char *name, *home, *shell, *gecos, *group;
	unsigned uid, gid;
	int uid_given;		/* -u; else choose_ids picks the first free id */
};

/* Refuse what would make a broken account. Run again under the lock, where it counts. */
static void check_new_user(const struct new_user *u)
{
	if (!account_name_ok(u->name))
		die("'%s' is not a valid user name (a-z, 0-9, _ . -)", u->name);
	if (!account_text_ok(u->home) || !account_text_ok(u->shell) || !account_text_ok(u->gecos))
		die("':' and newlines cannot go in /etc/passwd");
	if (getpwnam(u->name))
		die("user '%s' exists", u->name);
	if (getgrnam(u->name))
		die("group '%s' exists", u->name);
	if (u->uid_given && getpwuid(u->uid))
		die("user id %u is taken", u->uid);
	if (u->group && getgrnam(u->group) == NULL)
		die("unknown group '%s'", u->group);
}

/*
 * The user's id (the first free one, unless -u gave it) and its group's (the same when
 * free). Only under the lock: an id found free before it may be another adduser's by now.
 */
static void choose_ids(struct new_user *u)
{
	if (!u->uid_given)
		u->uid = account_free_id(0);
	u->gid = getgrgid(u->uid) ? account_free_id(1) : u->uid;
}

/* The three lines, then the membership; a failure leaves what was written before it. */
static int write_accounts(const struct new_user *u, const char *hash)
{
	long day = (long)(time(NULL) / 86400);

	if (accounts_set_line(PASSWD_FILE, u->name, account_format("%s:x:%u:%u:%s:%s:%s", u->name,
			      u->uid, u->gid, u->gecos, u->home, u->shell)) < 0)
		return -1;
	if (accounts_set_line(SHADOW_FILE, u->name, account_format("%s:%s:%ld:0:99999:7:::", u->name, hash, day)) < 0)
		return -1;
	if (accounts_set_line(GROUP_FILE, u->name, account_format("%s:x:%u:", u->name, u->gid)) < 0)
		return -1;
	return u->group ? accounts_set_member(u->group, u->name, 1) : 0;
}

/* The live system's root has no password: whoever makes accounts should know it. */
static void warn_if_root_open(void)
{
	struct passwd *root = getpwuid(0);

	if (root && password_of(root)[0] == '\0')
		fprintf(stderr, "adduser: note: root has no password: anyone at the console can log in as root.\n"
			"adduser: set one with: passwd root\n");
}

static void make_home(const struct new_user *u)
{
	mkdir("/home", 0755);
	if (mkdir(u->home, 0755) < 0)
		warn("%s:", u->home);
	else if (chown(u->home, u->uid, u->gid) < 0)
		warn("%s:", u->home);
}

/* "adduser USER GROUP" */
static int add_to_group(const char *user, const char *group)
{
	int status;

	if (getpwnam(user) == NULL)
		die("unknown user '%s'", user);
	if (getgrnam(group) == NULL)
		die("unknown group '%s'", group);
	accounts_lock();
	status = accounts_set_member(group, user, 1);
	accounts_unlock();
	return status < 0;
}

int adduser_main(int argc, char **argv)
{
	struct options o;
	struct new_user u = { NULL, NULL, "/bin/sh", "", NULL, 0, 0, 0 };
	const char *hash = "!";
	long long uid = -1;
	int c, ask_password = 1, status;

	options_start(&o, argc, argv, "Dh:s:g:G:u:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'D': ask_password = 0; break;
		case 'h': u.home = o.arg; break;
		case 's': u.shell = o.arg; break;
		case 'g': u.gecos = o.arg; break;
		case 'G': u.group = o.arg; break;
		case 'u':
			if (parse_long(o.arg, &uid) < 0 || uid < 0 || uid > 65535)
				usage_error(usage, "bad user id '%s'", o.arg);
			break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (argc == 2)
		return add_to_group(argv[0], argv[1]);
	if (argc == 0)
		usage_error(usage, "a user name is needed");
	if (argc > 2)
		usage_error(usage, "extra operand '%s'", argv[2]);
	u.name = argv[0];
	u.uid_given = uid >= 0;
	u.uid = u.uid_given ? (unsigned)uid : 0;
	if (u.home == NULL)
		u.home = account_format("/home/%s", u.name);
	check_new_user(&u);	/* before asking the password: say what is wrong at once */
	if (ask_password && (hash = password_ask_new()) == NULL)
		return 1;
	/* Another adduser may have taken the name or the id meanwhile: look again, locked. */
	accounts_lock();
	check_new_user(&u);
	choose_ids(&u);
	status = write_accounts(&u, hash);
	accounts_unlock();
	if (status < 0)
		return 1;
	make_home(&u);
	warn_if_root_open();
	return 0;
}
