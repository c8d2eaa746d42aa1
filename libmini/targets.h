/*
 * targets.h: the two operand forms of cp, mv, ln and install:
 *     cmd SOURCE DEST            one source, and DEST is the name it gets
 *     cmd SOURCE... DIRECTORY    each source goes into DIRECTORY under its own name
 *     cmd -t DIRECTORY SOURCE... the same, the directory first (xargs, find -exec +)
 *     cmd -T SOURCE DEST         DEST is the name even if it is a directory
 */
#ifndef TARGETS_H
#define TARGETS_H

/* What a command does with one source and the name it gets; 0, or 1 after an error. */
typedef int (*target_action)(const char *source, const char *dest, void *data);

/*
 * Call act for each source among the count operands (count >= 2; the last is the
 * target). last_is_dir says whether the target is a directory, as the command sees
 * it (ln -n does not follow a symlink to one): if so, each source goes into it as
 * DIRECTORY/its-base-name; if not, there must be one source only, and DEST is its
 * name (else the command dies with "target 'X' is not a directory").
 * Returns the results of act ORed together.
 */
int for_each_target(int count, char **operands, int last_is_dir, target_action act, void *data);

/*
 * -t DIRECTORY: each of the count sources goes into directory under its own name
 * (else the command dies with "target 'X' is not a directory"). Returns the
 * results of act ORed together.
 */
int for_each_source_in(const char *directory, int count, char **sources, target_action act, void *data);

/* Does path name a directory (following symlinks)? */
int is_directory(const char *path);

#endif
