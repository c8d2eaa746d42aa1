/*
 * options.c: option parsing in the style of XBD 12.2 ("Utility Syntax Guidelines"),
 * with the one GNU habit people type without thinking: options after operands.
 *
 * Written instead of using getopt(3) because getopt keeps its state in globals,
 * and mini's shell runs some commands (echo, printf, test, kill...) in-process
 * many times over: a struct per call is simpler to get right.
 *
 * "ls /tmp -l", "head f -n1", "sort in -o out" work as on GNU and BusyBox systems:
 * an operand is stepped over, the options after it are read, and argv is reordered
 * so that when options_next returns -1 every option word comes first and the
 * operands follow in their own order from o.index. "--" still ends the options
 * (what follows is all operands), and so does the first operand when the
 * environment has POSIXLY_CORRECT or the command keeps POSIX order (below).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

/*
 * The commands whose words after the first operand are not theirs to read, so
 * they stop at the first operand as POSIX says:
 * - a command and its arguments follow: chroot DIR CMD..., env [NAME=V]... CMD...,
 *   nice CMD..., nohup CMD..., time CMD..., timeout SECS CMD..., watch CMD...,
 *   xargs CMD... ("xargs echo -n x" runs "echo -n x");
 * - the first operand is a program that reads the rest: awk 'PROG' ARG... (ARGV);
 * - operands that start with '-' are settings: ifconfig eth0 -promisc,
 *   route add -net ..., stty raw -echo (stty also counts its option words itself).
 * echo, printf, test/[, expr, find, kill, seq, chmod and sh read their own words
 * without this parser, so "-x" operands are theirs already.
 */
static const char *const posix_order_commands[] = {
	"awk", "chroot", "env", "ifconfig", "nice", "nohup", "route", "stty",
	"time", "timeout", "watch", "xargs",
};

/* Should this run read options after operands? */
static int may_permute(void)
{
	size_t n = sizeof posix_order_commands / sizeof posix_order_commands[0];

	if (getenv("POSIXLY_CORRECT"))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(program_name, posix_order_commands[i]) == 0)
			return 0;
	return 1;
}

void options_start(struct options *o, int argc, char **argv, const char *spec, const char *usage)
{
	o->argc = argc;
	o->argv = argv;
	o->spec = spec;
	o->usage = usage;
	o->index = 1;
	o->cluster = NULL;
	o->arg = NULL;
	o->permute = may_permute();
	o->first_operand = 1;
	o->operand_count = 0;
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

/* An operand, or "-" (standard input); everything else that starts with '-' is an option word. */
static int is_operand(const char *word)
{
	return word[0] != '-' || word[1] == '\0';
}

/*
 * The option words read since the operands stepped over (from first_operand + operand_count
 * up to index) move in front of those operands, one at a time, keeping both orders.
 */
static void move_options_before_operands(struct options *o)
{
	char **argv = o->argv;

	while (o->first_operand + o->operand_count < o->index) {
		char *word = argv[o->first_operand + o->operand_count];
		memmove(argv + o->first_operand + 1, argv + o->first_operand,
			o->operand_count * sizeof *argv);
		argv[o->first_operand++] = word;
	}
}

/* No more options: o->index names the first operand. Returns 0. */
static int operands_begin(struct options *o)
{
	o->index = o->first_operand;
	return 0;
}

/* Start on the next option word; returns 0 when the operands begin. */
static int next_cluster(struct options *o)
{
	const char *word;

	move_options_before_operands(o);
	while (o->permute && o->index < o->argc && is_operand(o->argv[o->index])) {
		o->index++;
		o->operand_count++;
	}
	if (o->index >= o->argc || is_operand(o->argv[o->index]))
		return operands_begin(o);
	word = o->argv[o->index++];
	if (strcmp(word, "--") == 0) {	/* "--" goes before the operands; the rest are operands */
		move_options_before_operands(o);
		return operands_begin(o);
	}
	if (strcmp(word, "--help") == 0)
		show_help(o->usage);
	if (word[1] == '-')
		usage_error(o->usage, "unknown option '%s'", word);
	o->cluster = word + 1;
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
	/* "::": an optional argument, only the rest of this word ("-i.bak", as GNU sed) */
	if (found[2] == ':') {
		o->arg = *o->cluster != '\0' ? (char *)o->cluster : NULL;
		o->cluster = NULL;
		return letter;
	}
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
