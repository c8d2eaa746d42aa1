/*
 * targets.c: the "SOURCE DEST" or "SOURCE... DIRECTORY" operands of cp, mv, ln and
 * install, decided in one place so that all four read their operands alike; also
 * GNU's -t DIRECTORY (for_each_source_in), the form of xargs and find -exec ... +.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "mini.h"
#include "targets.h"

int for_each_target(int count, char **operands, int last_is_dir, target_action act, void *data)
{
	const char *target = operands[count - 1];

	if (!last_is_dir) {
		if (count > 2)
			die("target '%s' is not a directory", target);
		return act(operands[0], target, data);
	}
	return for_each_source_in(target, count - 1, operands, act, data);
}

int for_each_source_in(const char *directory, int count, char **sources, target_action act, void *data)
{
	int status = 0;

	if (!is_directory(directory))
		die("target '%s' is not a directory", directory);
	for (int i = 0; i < count; i++) {
		char *dest = path_join(directory, base_name(sources[i]));
		status |= act(sources[i], dest, data);
		free(dest);
	}
	return status;
}

int is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
