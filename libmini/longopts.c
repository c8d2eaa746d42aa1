/* longopts.c: GNU long options turned into short ones (longopts.h says why). */
#include <string.h>
#include "mini.h"
#include "longopts.h"

/* The entry named by word ("--name" or "--name=arg"), or NULL. */
static const struct long_option *find_long(const char *word, const struct long_option *table)
{
	size_t len = strcspn(word + 2, "=");

	for (; table->name; table++)
		if (strlen(table->name) == len && strncmp(word + 2, table->name, len) == 0)
			return table;
	return NULL;
}

void long_options(int argc, char **argv, const struct long_option *table)
{
	for (int i = 1; i < argc; i++) {
		const struct long_option *opt;
		const char *equals;
		char *word;

		if (strcmp(argv[i], "--") == 0)
			return;
		if (!starts_with(argv[i], "--") || (opt = find_long(argv[i], table)) == NULL)
			continue;
		equals = strchr(argv[i], '=');
		/* "--verbose=x" and "--relative-to=" are left for the parser to refuse */
		if (equals && (!opt->has_arg || equals[1] == '\0'))
			continue;
		word = xmalloc(3 + (equals ? strlen(equals) : 0));
		word[0] = '-';
		word[1] = opt->letter;
		strcpy(word + 2, equals ? equals + 1 : "");
		argv[i] = word;	/* kept until the command ends: argv must stay valid */
		if (opt->has_arg && !equals)
			i++;	/* the argument is the next word, whatever it looks like */
	}
}
