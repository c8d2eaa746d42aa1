/*
 * modprobe: load a kernel module by name from /lib/modules, and first the modules it
 * needs, which the build wrote into the module file itself (the "depends=" line of its
 * .modinfo section: no modules.dep to keep up to date). -r takes it out again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "mini.h"
#include "module.h"

static const char usage[] =
	"Usage: modprobe [-q] NAME [NAME=VALUE]...\n"
	"       modprobe -a [-q] NAME...\n"
	"       modprobe -r [-q] NAME...\n"
	"Load the kernel module NAME from " MODULE_DIR ", after the modules it needs.\n"
	"  -a  load every NAME given (then no parameters)\n"
	"  -q  say nothing of a module that is not there or finds no device\n"
	"  -r  remove the modules NAME, then those they needed if nothing else uses them\n";

/* Modules needing each other deeper than this are a loop, not a real chain. */
#define MAX_DEPTH 8

static int quiet;

/* MODULE_DIR/NAME.ko, or the same with '-' for each '_' (files say ne2k-pci.ko where
 * the kernel says ne2k_pci). A malloc'd path, or NULL when neither exists. */
static char *module_file(const char *name)
{
	char file[80], *path, *p;

	snprintf(file, sizeof file, "%s.ko", name);
	path = path_join(MODULE_DIR, file);
	if (access(path, F_OK) == 0)
		return path;
	for (p = path + strlen(MODULE_DIR); *p; p++)
		if (*p == '_')
			*p = '-';
	if (access(path, F_OK) == 0)
		return path;
	free(path);
	return NULL;
}

static int load(const char *word, const char *params, int depth);

/* Load each module of a "depends=" list ("8390,mii"). */
static int load_each(char *list, int depth)
{
	char *name;

	for (name = strtok(list, ","); name != NULL; name = strtok(NULL, ","))
		if (load(name, "", depth) < 0)
			return -1;
	return 0;
}

/* Load the module file at path (whose name is name) after what it needs. */
static int load_file(const char *name, const char *path, const char *params, int depth)
{
	size_t size;
	char *image, *needs;
	int fd = open(path, O_RDONLY | O_CLOEXEC), result = -1;

	if (fd < 0) {
		warn("%s:", path);
		return -1;
	}
	image = read_fd(fd, &size);
	needs = image ? module_depends(image, size) : NULL;
	free(image);
	if (needs == NULL)
		warn("%s: not a kernel module", path);
	else if (load_each(needs, depth + 1) == 0) {
		if (load_module(fd, params) == 0 || errno == EEXIST)
			result = 0;
		else if (!(quiet && errno == ENODEV))
			warn("%s: %s", name, module_error(errno));
	}
	free(needs);
	close(fd);
	return result;
}

static int load(const char *word, const char *params, int depth)
{
	char name[64], *path;
	int result;

	module_name(name, sizeof name, word);
	if (module_is_loaded(name))
		return 0;
	if (depth > MAX_DEPTH) {
		warn("%s: modules that need each other in a loop", name);
		return -1;
	}
	path = module_file(name);
	if (path == NULL) {
		if (!quiet)
			warn("%s: no such module in %s", name, MODULE_DIR);
		return -1;
	}
	result = load_file(name, path, params, depth);
	free(path);
	return result;
}

/* Remove a module, then (silently: another module may still use them) what it needed. */
static int remove_with_needs(const char *word)
{
	char name[64], *path, *image = NULL, *needs = NULL;
	size_t size;

	module_name(name, sizeof name, word);
	path = module_file(name);
	if (path != NULL && (image = read_file(path, &size)) != NULL)
		needs = module_depends(image, size);
	free(image);
	free(path);
	if (syscall(SYS_delete_module, name, O_NONBLOCK) < 0) {
		if (!(quiet && errno == ENOENT))
			warn("%s: %s", name, errno == ENOENT ? "not loaded" :
			     errno == EWOULDBLOCK ? "in use" : strerror(errno));
		free(needs);
		return -1;
	}
	if (needs != NULL) {
		char *need;
		for (need = strtok(needs, ","); need != NULL; need = strtok(NULL, ",")) {
			module_name(name, sizeof name, need);
			syscall(SYS_delete_module, name, O_NONBLOCK);
		}
	}
	free(needs);
	return 0;
}

int modprobe_main(int argc, char **argv)
{
	struct options o;
	int c, all = 0, remove = 0, status = 0;

	options_start(&o, argc, argv, "aqr", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'a')
			all = 1;
		else if (c == 'q')
			quiet = 1;
		else
			remove = 1;
	}
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "no module NAME given");
	if (!all && !remove)
		return load(argv[0], module_parameters(argv + 1), 0) < 0;
	for (; *argv; argv++)
		if ((remove ? remove_with_needs(*argv) : load(*argv, "", 0)) < 0)
			status = 1;
	return status;
}
