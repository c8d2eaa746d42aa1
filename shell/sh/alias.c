/*
 * alias.c: the alias table (POSIX XCU 2.3.1, "Alias Substitution"), next to
 * the lexer that reads it: lexer.c looks a command word up with alias_get and
 * reads the value instead. The alias and unalias builtins (builtins_cmds.c)
 * change the table through alias_set and alias_remove.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct alias {
	struct alias *next;
	char *name, *value;
};
static struct alias *aliases;	/* sorted by name, for `alias` without operands */

const char *alias_get(const char *name)
{
	for (struct alias *a = aliases; a; a = a->next)
		if (strcmp(a->name, name) == 0)
			return a->value;
	return NULL;
}

/* Define the alias whose name is the len bytes at name. */
void alias_set(const char *name, size_t len, const char *value)
{
	struct alias **p = &aliases, *a;

	while (*p && strncmp((*p)->name, name, len) < 0)
		p = &(*p)->next;
	if (*p && strlen((*p)->name) == len && strncmp((*p)->name, name, len) == 0) {
		free((*p)->value);
		(*p)->value = xstrdup(value);
		return;
	}
	a = xzalloc(sizeof *a);
	a->name = xstrndup(name, len);
	a->value = xstrdup(value);
	a->next = *p;
	*p = a;
}

static void alias_free(struct alias *a)
{
	free(a->name);
	free(a->value);
	free(a);
}

/* Remove one alias (-1 if there is none of that name), or all of them when name is NULL. */
int alias_remove(const char *name)
{
	struct alias **p = &aliases, *a;

	if (name == NULL) {
		while (aliases) {
			a = aliases;
			aliases = a->next;
			alias_free(a);
		}
		return 0;
	}
	while (*p && strcmp((*p)->name, name) != 0)
		p = &(*p)->next;
	if ((a = *p) == NULL)
		return -1;
	*p = a->next;
	alias_free(a);
	return 0;
}

/* Print name='value' as the alias builtin does (all aliases when name is NULL); -1 if none. */
int alias_print(const char *name)
{
	int found = 0;

	for (struct alias *a = aliases; a; a = a->next) {
		if (name && strcmp(a->name, name) != 0)
			continue;
		printf("%s=", a->name);
		put_quoted(a->value);
		putchar('\n');
		found = 1;
	}
	return found || name == NULL ? 0 : -1;
}
