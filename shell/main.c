/*
 * main.c: the entry point of the one `mini` binary.
 *
 * mini is a multi-call binary: /bin/ls, /bin/cat, /sbin/init ... are all links to
 * the same file, and the name it was started under (argv[0]) picks the command.
 * Started as `mini CMD ARGS...` it runs CMD; started as `mini` alone it lists
 * every command it has (`mini --list`: one name a line, for scripts). The commands themselves are in the table in commands.c.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "commands.h"

static void list_commands(void)
{
	const struct command *c;
	int column = 0;

	printf("mini: one small binary for a whole Linux system.\n"
	       "Usage: mini COMMAND [ARGS]..., or link COMMAND to mini.\n\n"
	       "Commands:\n");
	for (c = commands; c->name; c++) {
		int len = strlen(c->name) + 1;
		if (column + len > 78) {
			putchar('\n');
			column = 0;
		}
		printf(column ? " %s" : "  %s", c->name);
		column += len + (column ? 0 : 1);
	}
	putchar('\n');
}

/*
 * /bin/mini is setuid root in the booted system, because su and passwd must read and
 * write /etc/shadow for a user. Every other command gives that privilege up before it
 * does anything: it runs as the user who started it. Returns 0 if that failed.
 */
static int keep_setuid_privilege(const char *name)
{
	if (geteuid() == getuid() || strcmp(name, "su") == 0 || strcmp(name, "passwd") == 0)
		return 1;
	if (setgid(getgid()) < 0 || setuid(getuid()) < 0) {
		fprintf(stderr, "mini: cannot drop the setuid privilege\n");
		return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	const char *name = base_name(argv[0] ? argv[0] : "mini");
	const struct command *cmd;

	/* A login shell is started as "-sh": the dash only says "login". */
	if (name[0] == '-')
		name++;
	if (strcmp(name, "mini") == 0) {
		if (argc < 2 || strcmp(argv[1], "--help") == 0) {
			list_commands();
			return 0;
		}
		if (strcmp(argv[1], "--list") == 0) {	/* for the build: one name a line */
			for (cmd = commands; cmd->name; cmd++)
				puts(cmd->name);
			return 0;
		}
		argv++;
		argc--;
		name = argv[0];
	}
	cmd = find_command(name);
	if (cmd == NULL) {
		fprintf(stderr, "mini: %s: command not found\n", name);
		return 127;
	}
	program_name = cmd->name;
	if (!keep_setuid_privilege(cmd->name))
		return 126;
	return cmd->main(argc, argv);
}
