/* resolve.c: paths without symlinks, . or .., and relative paths (resolve.h). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "resolve.h"

#define MAX_LINKS 40	/* as Linux: more symlinks on one path is a loop (ELOOP) */

/* Add "/name" to the resolved path (which is "" for the root). */
static void add_part(struct strbuf *done, const char *name, size_t len)
{
	sb_addc(done, '/');
	sb_addn(done, name, len);
}

/* "..": back to the parent (the root's parent is the root). */
static void drop_part(struct strbuf *done)
{
	char *slash = done->len ? strrchr(done->s, '/') : NULL;

	if (slash) {
		done->len = slash - done->s;
		*slash = '\0';
	}
}

/* Only slashes left: the part just read was the last one. */
static int only_slashes(const char *s)
{
	return s[strspn(s, "/")] == '\0';
}

/*
 * The path where the symlink done (whose name starts at byte `start`) points,
 * followed by what was still to do; done goes back to where the link target
 * starts (the root for an absolute one). Returns the new malloc'd rest, or NULL.
 */
static char *follow_link(struct strbuf *done, size_t start, const char *rest)
{
	char target[PATH_MAX];
	ssize_t len = readlink(done->s, target, sizeof target - 1);
	struct strbuf todo = { 0 };

	if (len < 0)
		return NULL;
	done->len = target[0] == '/' ? 0 : start;
	done->s[done->len] = '\0';
	sb_addn(&todo, target, len);
	sb_adds(&todo, rest);		/* "" or "/more" */
	return sb_take(&todo);
}

/* The current directory into done, or -1. */
static int start_at_cwd(struct strbuf *done)
{
	char *cwd = getcwd(NULL, 0);

	if (cwd == NULL)
		return -1;
	if (strcmp(cwd, "/") != 0)
		sb_adds(done, cwd);
	free(cwd);
	return 0;
}

char *resolve_path(const char *path, enum must_exist need, int follow)
{
	struct strbuf done = { 0 };
	char *todo = xstrdup(path), *p = todo;
	int links = 0, error = 0;

	sb_addn(&done, "", 0);
	if (*path == '\0')
		error = ENOENT;
	else if (*path != '/' && start_at_cwd(&done) < 0)
		error = errno;
	while (!error && *(p += strspn(p, "/")) != '\0') {
		const char *name = p;
		size_t len = strcspn(p, "/"), start = done.len;
		struct stat st;
		int last;

		p += len;
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			drop_part(&done);
			continue;
		}
		add_part(&done, name, len);
		last = only_slashes(p);
		if (lstat(done.s, &st) < 0) {
			/* A missing part: fine where allowed; then nothing below it exists either. */
			if (need == NOTHING || (need == ALL_BUT_LAST && last && errno == ENOENT))
				continue;
			error = errno;
		} else if (follow && S_ISLNK(st.st_mode)) {
			char *rest = NULL;
			if (++links > MAX_LINKS)
				errno = ELOOP;
			else
				rest = follow_link(&done, start, p);
			if (rest == NULL) {
				error = errno;
				break;
			}
			free(todo);
			p = todo = rest;
		} else if (*p == '/' && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode) && need != NOTHING) {
			/* "file/x", "file/": more follows a file. (-s: a link may be a directory.) */
			error = ENOTDIR;
		}
	}
	free(todo);
	if (error) {
		free(sb_take(&done));
		errno = error;
		return NULL;
	}
	if (done.len == 0)
		sb_addc(&done, '/');
	return sb_take(&done);
}

int path_is_under(const char *path, const char *base)
{
	size_t len = strlen(base);

	if (strcmp(base, "/") == 0)
		return 1;
	return strncmp(path, base, len) == 0 && (path[len] == '/' || path[len] == '\0');
}

char *relative_path(const char *path, const char *base)
{
	struct strbuf out = { 0 };
	size_t common = 0, i;

	/* The longest common run of whole parts: up to a '/' (or the end) in both. */
	for (i = 0; path[i] && path[i] == base[i]; i++)
		if (path[i] == '/')
			common = i;
	if ((path[i] == '\0' || path[i] == '/') && (base[i] == '\0' || base[i] == '/'))
		common = i;
	/* One ".." for each part of base after the common ones. */
	for (i = common; base[i]; i++)
		if (base[i] == '/' && base[i + 1] != '\0')
			sb_adds(&out, out.len ? "/.." : "..");
	if (path[common] == '/' && path[common + 1] != '\0') {
		if (out.len)
			sb_addc(&out, '/');
		sb_adds(&out, path + common + 1);
	}
	if (out.len == 0)
		sb_addc(&out, '.');
	return sb_take(&out);
}
