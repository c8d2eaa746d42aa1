/* commands.h: how the mini binary finds a command by its name (shell/commands.c). */
#ifndef COMMANDS_H
#define COMMANDS_H

struct command {
	const char *name;
	int (*main)(int argc, char **argv);
};
/* The command called name, or NULL. */
const struct command *find_command(const char *name);
/* All commands, in name order, ended by an entry whose name is NULL. */
extern const struct command commands[];

#endif
