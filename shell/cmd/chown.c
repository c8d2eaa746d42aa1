/*
 * chown, chgrp: change the owner and group of files (POSIX chown and chgrp).
 *
 * chown OWNER[:GROUP] and chgrp GROUP share this file: chgrp is chown with only
 * a group. Owners and groups are names or numbers.
 */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "tree.h"
#include "users.h"

static const char chown_usage[] =
	"Usage: chown [-fhR] OWNER[:GROUP] FILE...\n"
	"Change the owner (and group) of each FILE. OWNER: is OWNER with their login group.\n"
	"  -f  no messages about files that could not be changed (the status still says)\n"
	"  -h  change symlinks themselves, not what they point to\n"
	"  -R  change directories and everything in them\n";
static const char chgrp_usage[] =
	"Usage: chgrp [-fhR] GROUP FILE...\n"
	"Change the group of each FILE.\n"
	"  -f  no messages about files that could not be changed (the status still says)\n"
	"  -h  change symlinks themselves, not what they point to\n"
	"  -R  change directories and everything in them\n";

/* The walk of chown -R, with the new ids; (uid_t)-1 leaves one as it is. */
struct chown_walk {
	struct walk walk;
	uid_t uid;
	gid_t gid;
	int recursive, no_dereference;
};

static int chown_visit(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	struct chown_walk *c = (struct chown_walk *)w;
	/* Inside a tree (-R) symlinks are never followed; on the command line unless -h. */
	int on_link_itself = c->no_dereference || w->depth > 0;

	if (phase == WALK_DIR_DONE)
		return 0;
	if ((on_link_itself ? lchown(path, c->uid, c->gid) : chown(path, c->uid, c->gid)) < 0) {
		if (!w->quiet)
			warn("%s:", path);
		w->status = 1;
	}
	return c->recursive ? 0 : WALK_SKIP;
}

/* "user", "user:group", "user:" (the user's login group) or ":group". */
static void parse_owner(char *spec, struct chown_walk *c, const char *usage)
{
	char *group = strchr(spec, ':');
	struct passwd *pw;

	if (group)
		*group++ = '\0';
	if (*spec && parse_user(spec, &c->uid) < 0)
		usage_error(usage, "invalid user '%s'", spec);
	if (group && *group && parse_group(group, &c->gid) < 0)
		usage_error(usage, "invalid group '%s'", group);
	if (group && *group == '\0' && *spec) {
		pw = getpwuid(c->uid);
		if (pw == NULL)
			usage_error(usage, "user '%s' has no login group", spec);
		c->gid = pw->pw_gid;
	}
}

int chown_main(int argc, char **argv)
{
	struct chown_walk c = { .walk.visit = chown_visit, .uid = (uid_t)-1, .gid = (gid_t)-1 };
	int is_chgrp = strcmp(program_name, "chgrp") == 0;
	const char *usage = is_chgrp ? chgrp_usage : chown_usage;
	struct options o;
	int ch, status = 0;

	options_start(&o, argc, argv, "fhR", usage);
	while ((ch = options_next(&o)) != -1) {
		if (ch == 'f')
			c.walk.quiet = 1;
		else if (ch == 'h')
			c.no_dereference = 1;
		else
			c.recursive = 1;
	}
	argv += o.index;
	argc -= o.index;
	if (argc < 2)
		usage_error(usage, "missing operand");
	if (is_chgrp) {
		if (parse_group(argv[0], &c.gid) < 0)
			usage_error(usage, "invalid group '%s'", argv[0]);
	} else {
		parse_owner(argv[0], &c, usage);
	}
	for (int i = 1; i < argc; i++) {
		c.walk.status = 0;
		status |= walk_tree(&c.walk, argv[i]);
	}
	return status;
}
