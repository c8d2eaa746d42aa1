/*
 * id, groups: print user and group identities (POSIX id; groups as GNU's,
 * which is id -Gn). Names come from /etc/passwd and /etc/group.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "users.h"

static const char usage[] =
	"Usage: id [-u | -g | -G] [-nr] [USER]\n"
	"       groups [USER]...\n"
	"Print the user and group ids of USER, or of this process.\n"
	"  -u  only the user id       -g  only the group id\n"
	"  -G  all the group ids      -n  names instead of numbers (with -u -g -G)\n"
	"  -r  the real ids instead of the effective ones (with -u -g)\n";

#define MAX_GROUPS 64

/* Whose ids to print. */
struct identity {
	uid_t uid, euid;
	gid_t gid, egid;
	gid_t groups[MAX_GROUPS];
	int group_count;
};

/* The ids of the named user: from /etc/passwd and every /etc/group line naming them. */
static int identity_of_user(const char *name, struct identity *who)
{
	struct passwd *pw = getpwnam(name);

	if (pw == NULL) {
		uid_t uid;
		if (parse_user(name, &uid) < 0 || (pw = getpwuid(uid)) == NULL)
			return -1;
	}
	who->uid = who->euid = pw->pw_uid;
	who->gid = who->egid = pw->pw_gid;
	who->group_count = MAX_GROUPS;
	if (getgrouplist(pw->pw_name, pw->pw_gid, who->groups, &who->group_count) < 0)
		who->group_count = MAX_GROUPS;
	return 0;
}

/* The ids of this process; the effective group always comes first in the list. */
static void identity_of_process(struct identity *who)
{
	int n;

	who->uid = getuid();
	who->euid = geteuid();
	who->gid = getgid();
	who->egid = getegid();
	who->groups[0] = who->egid;
	n = getgroups(MAX_GROUPS - 1, who->groups + 1);
	who->group_count = 1;
	for (int i = 1; i <= n; i++) {
		if (who->groups[i] != who->egid)
			who->groups[who->group_count++] = who->groups[i];
	}
}

/* "0(root)", or just "0" when the id has no name. */
static void print_id_and_name(unsigned id, const char *name)
{
	char number[16];

	snprintf(number, sizeof number, "%u", id);
	if (strcmp(number, name) == 0)
		printf("%u", id);
	else
		printf("%u(%s)", id, name);
}

/* The default output: "uid=0(root) gid=0(root) groups=0(root),1(bin)". */
static void print_all(const struct identity *who)
{
	fputs("uid=", stdout);
	print_id_and_name(who->uid, user_name(who->uid));
	fputs(" gid=", stdout);
	print_id_and_name(who->gid, group_name(who->gid));
	if (who->euid != who->uid) {
		fputs(" euid=", stdout);
		print_id_and_name(who->euid, user_name(who->euid));
	}
	if (who->egid != who->gid) {
		fputs(" egid=", stdout);
		print_id_and_name(who->egid, group_name(who->egid));
	}
	for (int i = 0; i < who->group_count; i++) {
		fputs(i ? "," : " groups=", stdout);
		print_id_and_name(who->groups[i], group_name(who->groups[i]));
	}
	putchar('\n');
}

static void print_groups(const struct identity *who, int names)
{
	for (int i = 0; i < who->group_count; i++) {
		if (names)
			printf(i ? " %s" : "%s", group_name(who->groups[i]));
		else
			printf(i ? " %u" : "%u", (unsigned)who->groups[i]);
	}
	putchar('\n');
}

/* groups [USER]...: the group names of each USER ("USER : a b") or of this process. */
static int groups_main(char **users)
{
	struct identity who;
	int status = 0;

	if (*users == NULL) {
		identity_of_process(&who);
		print_groups(&who, 1);
	}
	for (; *users; users++) {
		if (identity_of_user(*users, &who) < 0) {
			warn("%s: no such user", *users);
			status = 1;
			continue;
		}
		printf("%s : ", *users);
		print_groups(&who, 1);
	}
	return flush_stdout() < 0 || status;
}

int id_main(int argc, char **argv)
{
	struct options o;
	struct identity who;
	int c, only = 0, names = 0, real = 0;
	unsigned id;

	options_start(&o, argc, argv, "ugGnr", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'n')
			names = 1;
		else if (c == 'r')
			real = 1;
		else if (only && only != c)
			usage_error(usage, "-u, -g and -G go alone");
		else
			only = c;
	}
	argv += o.index;
	if (strcmp(program_name, "groups") == 0)
		return groups_main(argv);
	if ((names || real) && !only)
		usage_error(usage, "-n and -r need -u, -g or -G");
	if (argv[0] && argv[1])
		usage_error(usage, "extra operand '%s'", argv[1]);
	if (argv[0] == NULL)
		identity_of_process(&who);
	else if (identity_of_user(argv[0], &who) < 0)
		die("%s: no such user", argv[0]);
	if (only == 'G') {
		print_groups(&who, names);
	} else if (only) {
		if (only == 'u')
			id = real ? who.uid : who.euid;
		else
			id = real ? who.gid : who.egid;
		if (names)
			puts(only == 'u' ? user_name(id) : group_name(id));
		else
			printf("%u\n", id);
	} else {
		print_all(&who);
	}
	return flush_stdout() < 0;
}
