/*
 * ls: list directory contents (POSIX ls).
 * This first version lists names, one per line, with -a and -l.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: ls [-al1] [FILE]...\n"
	"List directory contents.\n"
	"  -a  show names starting with '.'\n"
	"  -l  long format: mode, links, owner, group, size, time, name\n"
	"  -1  one name per line\n";

static int show_all, long_format;

static void mode_string(mode_t mode, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";

	s[0] = types[(mode >> 12) & 15];
	for (int i = 0; i < 9; i++)
		s[i + 1] = (mode & (0400 >> i)) ? "rwx"[i % 3] : '-';
	s[10] = '\0';
}

static void print_entry(const char *path, const char *name)
{
	struct stat st;
	char mode[11], when[32];

	if (!long_format) {
		puts(name);
		return;
	}
	if (lstat(path, &st) < 0) {
		warn("%s:", path);
		return;
	}
	mode_string(st.st_mode, mode);
	strftime(when, sizeof when, "%b %e %H:%M", localtime(&st.st_mtime));
	printf("%s %2lu %-8u %-8u %8lld %s %s\n", mode, (unsigned long)st.st_nlink,
	       (unsigned)st.st_uid, (unsigned)st.st_gid, (long long)st.st_size, when, name);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_directory(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t count = 0;

	if (d == NULL) {
		warn("%s:", dir);
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && !show_all)
			continue;
		names = xrealloc(names, (count + 1) * sizeof *names);
		names[count++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, count, sizeof *names, compare_names);
	for (size_t i = 0; i < count; i++) {
		char *path = path_join(dir, names[i]);
		print_entry(path, names[i]);
		free(path);
		free(names[i]);
	}
	free(names);
	return 0;
}

int ls_main(int argc, char **argv)
{
	struct options o;
	int c, status = 0;
	struct stat st;

	options_start(&o, argc, argv, "al1", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'a')
			show_all = 1;
		else if (c == 'l')
			long_format = 1;
	}
	argv += o.index;
	argc -= o.index;
	if (argc == 0)
		return list_directory(".");
	for (int i = 0; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			warn("%s:", argv[i]);
			status = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (argc > 1)
				printf("%s%s:\n", i ? "\n" : "", argv[i]);
			status |= list_directory(argv[i]);
		} else {
			print_entry(argv[i], argv[i]);
		}
	}
	return status;
}
