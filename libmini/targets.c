/*
 * targets.c: the "SOURCE DEST" or "SOURCE... DIRECTORY" operands of cp, mv, ln and
 * install, decided in one place so that all four read their operands alike.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "mini.h"
#include "targets.h"

int for_each_target(int count, char **operands, int last_is_dir, target_action act, void *data)
{
	const char *target = operands[count - 1];
	int status = 0;

	if (!last_is_dir) {
		if (count > 2)
			die("target '%s' is not a directory", target);
		return act(operands[0], target, data);
	}
	for (int i = 0; i < count - 1; i++) {
		char *dest = path_join(target, base_name(operands[i]));
		status |= act(operands[i], dest, data);
		free(dest);
	}
	return status;
}

int is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
