/*
 * mount: attach a file system, or list the mounted ones.
 * Options follow util-linux mount for the everyday cases.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include "mini.h"

static const char usage[] =
	"Usage: mount [-t TYPE] [-o OPTIONS] DEVICE DIRECTORY\n"
	"       mount                (list mounted file systems)\n"
	"Attach the file system on DEVICE (a name like 'proc' for virtual ones) at DIRECTORY.\n"
	"  -t TYPE     file system type: ext2, vfat, iso9660, proc, sysfs, tmpfs, ...\n"
	"  -o OPTIONS  comma-separated: ro, rw, remount, bind, nosuid, nodev, noexec,\n"
	"              sync, noatime; others are passed to the file system\n";

/* The mount(2) flag for each option word; "rw" is the absence of MS_RDONLY. */
static const struct {
	const char *name;
	unsigned long flag;
} flag_words[] = {
	{ "ro", MS_RDONLY }, { "rw", 0 }, { "remount", MS_REMOUNT }, { "bind", MS_BIND },
	{ "nosuid", MS_NOSUID }, { "nodev", MS_NODEV }, { "noexec", MS_NOEXEC },
	{ "sync", MS_SYNCHRONOUS }, { "noatime", MS_NOATIME }, { "defaults", 0 },
};

/* Split "ro,size=1m" into flags (ro) and the data string passed on (size=1m). */
static unsigned long parse_options(char *list, char *data)
{
	unsigned long flags = 0;
	char *word;

	*data = '\0';
	for (word = strtok(list, ","); word; word = strtok(NULL, ",")) {
		size_t i, n = sizeof flag_words / sizeof flag_words[0];
		for (i = 0; i < n && strcmp(word, flag_words[i].name) != 0; i++)
			;
		if (i < n) {
			flags |= flag_words[i].flag;
		} else {
			if (*data)
				strcat(data, ",");
			strcat(data, word);
		}
	}
	return flags;
}

static int list_mounts(void)
{
	FILE *f = fopen("/proc/mounts", "r");
	char dev[256], dir[256], type[64], opts[512];

	if (f == NULL)
		die("/proc/mounts:");
	while (fscanf(f, "%255s %255s %63s %511s %*d %*d", dev, dir, type, opts) == 4)
		printf("%s on %s type %s (%s)\n", dev, dir, type, opts);
	fclose(f);
	return 0;
}

int mount_main(int argc, char **argv)
{
	struct options o;
	int c;
	const char *type = NULL;
	char *option_list = NULL, *data;
	unsigned long flags = 0;

	options_start(&o, argc, argv, "t:o:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 't')
			type = o.arg;
		else
			option_list = o.arg;
	}
	argv += o.index;
	argc -= o.index;
	if (argc == 0)
		return list_mounts();
	if (argc != 2)
		usage_error(usage, argc == 1 ? "which directory?" : "too many operands");
	data = xzalloc(option_list ? strlen(option_list) + 1 : 1);
	if (option_list)
		flags = parse_options(option_list, data);
	if (mount(argv[0], argv[1], type, flags, *data ? data : NULL) < 0)
		die("mounting %s on %s:", argv[0], argv[1]);
	return 0;
}
