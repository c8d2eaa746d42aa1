/*
 * module.c: loading kernel modules, reading a module file's dependencies, and waiting
 * for the drivers /etc/rc loads in the background. See module.h.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"
#include "module.h"

/* The file /etc/rc writes the loader's process id into, and removes when it is done. */
#define DRIVERS_PID_FILE "/run/drivers.pid"

int load_module(int fd, const char *params)
{
	/* finit_module(2): the kernel reads the file itself (uClibc has no wrapper). */
	return syscall(SYS_finit_module, fd, params, 0) < 0 ? -1 : 0;
}

char *module_parameters(char **words)
{
	struct strbuf b = { 0 };

	for (; *words; words++) {
		if (b.len > 0)
			sb_addc(&b, ' ');
		sb_adds(&b, *words);
	}
	return sb_take(&b);
}

const char *module_error(int err)
{
	switch (err) {
	case EEXIST:
		return "already loaded";
	case ENOENT:
		return "unknown symbol: a module it needs is not loaded (see dmesg)";
	case ENOEXEC:
		return "not a module for this kernel";
	case ENODEV:
		return "no such device found";
	case ENOSYS:
		return "this kernel has no module support";
	case EINVAL:
		return "invalid parameters (see dmesg)";
	default:
		return strerror(err);
	}
}

void module_name(char *name, size_t size, const char *word)
{
	const char *base = base_name(word);
	size_t len = strlen(base), i;

	if (len > 3 && strcmp(base + len - 3, ".ko") == 0)
		len -= 3;
	if (len >= size)
		len = size - 1;
	/* The kernel names modules with '_' where their files may have '-'. */
	for (i = 0; i < len; i++)
		name[i] = base[i] == '-' ? '_' : base[i];
	name[len] = '\0';
}

int module_is_loaded(const char *name)
{
	size_t len, name_len = strlen(name);
	char *text = read_file("/proc/modules", &len), *line = text;
	int found = 0;

	/* Each line begins with the name and a space: "e1000 98304 0 - Live 0xc8800000". */
	while (line != NULL && *line != '\0' && !found) {
		found = strncmp(line, name, name_len) == 0 && line[name_len] == ' ';
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	free(text);
	return found;
}

/* ---- a module file's dependencies: the "depends=" string of its .modinfo section ---- */

/* Whether [offset, offset + len) lies within a file of size bytes. */
static int within(uint64_t offset, uint64_t len, size_t size)
{
	return offset <= size && len <= size - offset;
}

/* The section header index of the section named name, or -1. Every offset read from
 * the file is checked before use: a module file is input like any other. */
static int find_section(const char *image, size_t size, const Elf32_Ehdr *h, const char *name)
{
	Elf32_Shdr names, s;
	size_t want = strlen(name) + 1;		/* with its NUL: ".mod" is not ".modinfo" */
	int i;

	if (h->e_shstrndx >= h->e_shnum)
		return -1;
	memcpy(&names, image + h->e_shoff + (uint64_t)h->e_shstrndx * sizeof s, sizeof s);
	if (!within(names.sh_offset, names.sh_size, size))
		return -1;
	for (i = 0; i < h->e_shnum; i++) {
		memcpy(&s, image + h->e_shoff + (uint64_t)i * sizeof s, sizeof s);
		if (s.sh_name < names.sh_size && names.sh_size - s.sh_name >= want &&
		    memcmp(image + names.sh_offset + s.sh_name, name, want) == 0)
			return i;
	}
	return -1;
}

char *module_depends(const char *image, size_t size)
{
	Elf32_Ehdr h;
	Elf32_Shdr info;
	const char *p, *end;
	int index;

	if (size < sizeof h)
		return NULL;
	memcpy(&h, image, sizeof h);
	if (memcmp(h.e_ident, ELFMAG, SELFMAG) != 0 || h.e_ident[EI_CLASS] != ELFCLASS32 ||
	    h.e_shentsize != sizeof info ||
	    !within(h.e_shoff, (uint64_t)h.e_shnum * sizeof info, size))
		return NULL;
	index = find_section(image, size, &h, ".modinfo");
	if (index < 0)
		return NULL;
	memcpy(&info, image + h.e_shoff + (uint64_t)index * sizeof info, sizeof info);
	if (!within(info.sh_offset, info.sh_size, size))
		return NULL;
	/* .modinfo is a row of "key=value" strings, each ending in a NUL. */
	p = image + info.sh_offset;
	end = p + info.sh_size;
	while (p < end) {
		size_t len = strnlen(p, end - p);
		if (len > 8 && memcmp(p, "depends=", 8) == 0)
			return xstrndup(p + 8, len - 8);
		p += len + 1;
	}
	return xstrdup("");
}

/* ---- the drivers /etc/rc loads in the background ---- */

/* The loader's process id from DRIVERS_PID_FILE, or 0 when there is none. */
static pid_t drivers_loader(void)
{
	size_t len;
	char *text = read_file(DRIVERS_PID_FILE, &len);
	long long pid = 0;

	if (text == NULL)
		return 0;
	text[strcspn(text, "\n")] = '\0';
	/* An empty file: rc has started the loader and not yet written its number. */
	if (*text == '\0')
		pid = -1;
	else if (parse_long(text, &pid) < 0 || pid <= 1)
		pid = 0;
	free(text);
	return pid;
}

void wait_for_drivers(void)
{
	struct timespec step = { 0, 50 * 1000 * 1000 };
	int tries;
	pid_t pid;

	/* 600 steps of 50 ms: 30 seconds, more than any driver takes to find its device. */
	for (tries = 0; tries < 600 && (pid = drivers_loader()) != 0; tries++) {
		/* EPERM: the loader lives, it is only not ours to signal. */
		if (pid > 0 && kill(pid, 0) < 0 && errno != EPERM)
			return;
		nanosleep(&step, NULL);
	}
}
