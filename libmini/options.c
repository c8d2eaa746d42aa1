/*
 * options.c: POSIX-style option parsing (XBD 12.2, "Utility Syntax Guidelines").
 *
 * Written instead of using getopt(3) because getopt keeps its state in globals,
 * and mini's shell runs some commands (echo, printf, test, kill...) in-process
 * many times over: a struct per call is simpler to get right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

void options_start(struct options *o, int argc, char **argv, const char *spec, const char *usage)
{
	o->argc = argc;
	o->argv = argv;
	o->spec = spec;
	o->usage = usage;
	o->index = 1;
	o->cluster = NULL;
	o->arg = NULL;
}

/* Print the first line of the usage text (the "Usage: ..." line) on stderr. */
static void print_usage_line(const char *usage)
{
	const char *end = strchr(usage, '\n');
	int len = end ? (int)(end - usage) : (int)strlen(usage);

	fprintf(stderr, "%.*s\n", len, usage);
}

void usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	if (usage)
		print_usage_line(usage);
	exit(2);
}

void show_help(const char *usage)
{
	fputs(usage, stdout);
	exit(0);
}

/* Start on the next argv element; returns 0 when the operands begin. */
static int next_cluster(struct options *o)
{
	const char *word;

	if (o->index >= o->argc)
		return 0;
	word = o->argv[o->index];
	if (word[0] != '-' || word[1] == '\0')	/* an operand, or "-" meaning stdin */
		return 0;
	if (strcmp(word, "--") == 0) {
		o->index++;
		return 0;
	}
	if (strcmp(word, "--help") == 0)
		show_help(o->usage);
	if (word[1] == '-')
		usage_error(o->usage, "unknown option '%s'", word);
	o->cluster = word + 1;
	o->index++;
	return 1;
}

int options_next(struct options *o)
{
	const char *found;
	char letter;

	o->arg = NULL;
	if ((o->cluster == NULL || *o->cluster == '\0') && !next_cluster(o))
		return -1;
	letter = *o->cluster++;
	found = strchr(o->spec, letter);
	if (letter == ':' || found == NULL)
		usage_error(o->usage, "unknown option '-%c'", letter);
	if (found[1] != ':')
		return letter;
	/* The argument is the rest of this word ("-k3") or the next word ("-k 3"). */
	if (*o->cluster != '\0') {
		o->arg = (char *)o->cluster;
	} else if (o->index < o->argc) {
		o->arg = o->argv[o->index++];
	} else {
		usage_error(o->usage, "option '-%c' needs an argument", letter);
	}
	o->cluster = NULL;
	return letter;
}
