/*
 * longopts.h: the GNU long options people type from habit (du --max-depth=1,
 * realpath --relative-to=DIR, cp --parents), for commands that take a few.
 *
 * They are turned into short option words before options_start() reads argv, so
 * a command still has one switch over its letters; an option with no short form
 * gets a letter no user types ('@', '#'...) in both the table and the spec.
 */
#ifndef LONGOPTS_H
#define LONGOPTS_H

struct long_option {
	const char *name;	/* without the "--" */
	char letter;		/* the short option it becomes */
	int has_arg;		/* "--name=ARG" or "--name ARG" */
};

/*
 * Rewrite each word of argv that names an option of table (ended by a { NULL })
 * into "-L" (its argument, when given with '=', joined: "-LARG"). Words after
 * "--" are operands and stay as they are; an unknown long option stays too, for
 * the option parser to refuse.
 */
void long_options(int argc, char **argv, const struct long_option *table);

#endif
