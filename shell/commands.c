/*
 * commands.c: the table of every command mini has, made from shell/command-list.h.
 */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* Every command's entry point, declared from the list. */
#define COMMAND(name, function) int function(int argc, char **argv);
#include "command-list.h"
#undef COMMAND

/* The table, in the list's (strcmp) order, ended by an entry whose name is NULL. */
const struct command commands[] = {
#define COMMAND(name, function) { name, function },
#include "command-list.h"
#undef COMMAND
	{ NULL, NULL }
};

static int compare_name(const void *name, const void *entry)
{
	return strcmp(name, ((const struct command *)entry)->name);
}

const struct command *find_command(const char *name)
{
	size_t count = sizeof commands / sizeof commands[0] - 1;	/* not the end mark */

	return bsearch(name, commands, count, sizeof commands[0], compare_name);
}
