/*
 * sysctl: read and write kernel parameters under /proc/sys (as procps sysctl).
 * A name like net.ipv4.ip_forward is the file /proc/sys/net/ipv4/ip_forward.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: sysctl [-n] [-e] NAME...\n"
	"       sysctl [-e] [-w] NAME=VALUE...\n"
	"       sysctl [-n] -a\n"
	"       sysctl -p [FILE]\n"
	"Show or set kernel parameters (the files under /proc/sys).\n"
	"  -a       show them all\n"
	"  -n       show only the values\n"
	"  -w       set NAME to VALUE (also done for any NAME=VALUE operand)\n"
	"  -e       say nothing about unknown names\n"
	"  -p FILE  set the NAME = VALUE lines of FILE (/etc/sysctl.conf)\n";

/* What the command line asked for, handed to the helpers. */
struct settings {
	int values_only, ignore_unknown;
};

/* "/proc/sys/" + name with the dots made slashes (names with slashes are taken as they are). */
static char *path_of(const char *name)
{
	char *path = path_join("/proc/sys", name);
	int has_slash = strchr(name, '/') != NULL;

	for (char *p = path + strlen("/proc/sys/"); *p && !has_slash; p++) {
		if (*p == '.')
			*p = '/';
	}
	return path;
}

/* The name shown for a path: the part after /proc/sys/, slashes made dots. */
static char *name_of(const char *path)
{
	char *name = xstrdup(path + strlen("/proc/sys/"));

	for (char *p = name; *p; p++) {
		if (*p == '/')
			*p = '.';
	}
	return name;
}

/* Print "name = value" (each line of a value of several lines), or only the value. */
static int show(const char *name, const struct settings *s, int quiet_if_unreadable)
{
	char *path = path_of(name), *value, *line, *next;
	char *shown = strchr(name, '/') ? name_of(path) : xstrdup(name);

	value = read_file(path, NULL);
	if (value == NULL) {
		int ignored = quiet_if_unreadable || (errno == ENOENT && s->ignore_unknown);
		if (!ignored)
			warn(errno == ENOENT ? "%s: unknown key" : "%s:", shown);
		free(path);
		free(shown);
		return !ignored;
	}
	for (line = value; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		if (s->values_only)
			puts(line);
		else
			printf("%s = %s\n", shown, line);
	}
	free(value);
	free(path);
	free(shown);
	return 0;
}

/* Write value into name's file; then show the setting as procps does. */
static int set(const char *name, const char *value, const struct settings *s)
{
	char *path = path_of(name);
	int fd = open(path, O_WRONLY | O_TRUNC);
	int failed = fd < 0 || write_all(fd, value, strlen(value)) < 0 || write_all(fd, "\n", 1) < 0;

	if (fd >= 0 && close(fd) < 0)
		failed = 1;
	free(path);
	if (failed) {
		if (errno == ENOENT && s->ignore_unknown)
			return 0;
		warn(errno == ENOENT ? "%s: unknown key" : "setting %s:", name);
		return 1;
	}
	if (s->values_only)
		puts(value);
	else
		printf("%s = %s\n", name, value);
	return 0;
}

/* "name=value" (or "name = value" from a file): split it and set it. */
static int set_assignment(char *text, const struct settings *s)
{
	char *equals = strchr(text, '='), *name_end, *value;

	*equals = '\0';
	value = equals + 1 + strspn(equals + 1, " \t");
	for (name_end = equals; name_end > text && (name_end[-1] == ' ' || name_end[-1] == '\t'); )
		*--name_end = '\0';
	return set(text, value, s);
}

/* sysctl -a: every readable file under dir, in name order. */
static void show_tree(const char *dir, const struct settings *s)
{
	struct dirent **entries;
	int count = scandir(dir, &entries, NULL, alphasort);

	for (int i = 0; i < count; i++) {
		const char *entry = entries[i]->d_name;
		char *path = path_join(dir, entry);
		struct stat st;
		if (entry[0] != '.' && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				show_tree(path, s);
			} else if (st.st_mode & S_IRUSR) {
				char *name = name_of(path);
				show(name, s, 1);
				free(name);
			}
		}
		free(path);
		free(entries[i]);
	}
	if (count >= 0)
		free(entries);
}

/* sysctl -p: the NAME = VALUE lines of a file; # and ; start comments. */
static int load_file(const char *path, const struct settings *s)
{
	char *text = read_file(path, NULL), *line, *next;
	int status = 0;

	if (text == NULL)
		die("%s:", path);
	for (line = text; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		line += strspn(line, " \t");
		if (*line == '#' || *line == ';' || *line == '\0')
			continue;
		if (strchr(line, '=') == NULL) {
			warn("%s: not NAME = VALUE: %s", path, line);
			status = 1;
			continue;
		}
		status |= set_assignment(line, s);
	}
	free(text);
	return status;
}

int sysctl_main(int argc, char **argv)
{
	struct options o;
	struct settings s = { 0, 0 };
	int c, all = 0, write = 0, load = 0, status = 0;

	options_start(&o, argc, argv, "anewpq", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 'n': s.values_only = 1; break;
		case 'e': s.ignore_unknown = 1; break;
		case 'w': write = 1; break;
		case 'p': load = 1; break;
		}
	}
	argv += o.index;
	if (load)
		return load_file(*argv ? *argv : "/etc/sysctl.conf", &s);
	if (all) {
		show_tree("/proc/sys", &s);
		return flush_stdout() < 0;
	}
	if (*argv == NULL)
		usage_error(usage, "no name given");
	for (; *argv; argv++) {
		if (strchr(*argv, '='))
			status |= set_assignment(*argv, &s);
		else if (write)
			usage_error(usage, "'%s' is not NAME=VALUE", *argv);
		else
			status |= show(*argv, &s, 0);
	}
	return flush_stdout() < 0 || status;
}
