/*
 * gzip: compress files (the encoder is libmini/deflate.c).
 *
 * "gzip FILE" writes FILE.gz through a temporary file next to it, renamed into
 * place only once it is whole, with the mode and times of FILE; then FILE goes
 * away (unless -k). The header keeps FILE's name and modification time.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mini.h"
#include "copy.h"
#include "deflate.h"

static const char usage[] =
	"Usage: gzip [-cdfk1-9] [FILE]...\n"
	"Compress each FILE to FILE.gz and remove FILE.\n"
	"With no FILE or -, compress standard input to standard output.\n"
	"  -c     write to standard output, keep the files\n"
	"  -d     decompress, as gunzip does\n"
	"  -f     overwrite existing files; write compressed data to a terminal\n"
	"  -k     keep FILE\n"
	"  -1-9   fastest to smallest (default 6)\n";

/* gzip -d is gunzip (shell/cmd/gunzip.c). */
int gunzip_main(int argc, char **argv);

struct gzip_options {
	int to_stdout, force, keep, level;
};

/* What gzip_fd needs, for write_new_file. */
struct compression {
	int in, level;
	const char *name;
	long mtime;
};

static int compress(int out, void *data)
{
	struct compression *c = data;

	return gzip_fd(c->in, out, c->level, c->name, c->mtime);
}

/* gzip FILE to FILE.gz. Returns 0 or 1. */
static int gzip_file(const char *path, int in, const struct gzip_options *opt)
{
	struct stat st;
	struct compression c;
	size_t len = strlen(path);
	char *target;
	int status;

	if (fstat(in, &st) < 0) {
		warn("%s:", path);
		return 1;
	}
	if (!S_ISREG(st.st_mode)) {
		warn("%s: not a regular file", path);
		return 1;
	}
	if (len > 3 && strcmp(path + len - 3, ".gz") == 0) {
		warn("%s: already has .gz suffix -- unchanged", path);
		return 1;
	}
	target = xmalloc(len + 4);
	sprintf(target, "%s.gz", path);
	c = (struct compression){ in, opt->level, base_name(path), st.st_mtim.tv_sec };
	status = convert_file(path, &st, target, opt->force, opt->keep, compress, &c);
	free(target);
	return status;
}

/* gzip FILE (or standard input) to standard output. Returns 0 or 1. */
static int gzip_to_stdout(const char *path, int in, int from_stdin, int level)
{
	struct stat st;
	long mtime = 0;

	if (!from_stdin && fstat(in, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			warn("%s: is a directory", path);
			return 1;
		}
		mtime = st.st_mtim.tv_sec;
	}
	return gzip_fd(in, STDOUT_FILENO, level, from_stdin ? NULL : base_name(path), mtime) < 0;
}

/* One operand ("-": standard input). Returns 0 or 1. */
static int gzip_operand(const char *path, const struct gzip_options *opt)
{
	int from_stdin = strcmp(path, "-") == 0;
	int to_stdout = opt->to_stdout || from_stdin;
	int in, status;

	if (to_stdout && isatty(STDOUT_FILENO) && !opt->force) {
		warn("compressed data not written to a terminal (use -f to force)");
		return 1;
	}
	in = open_input(path);
	if (in < 0) {
		warn("%s:", path);
		return 1;
	}
	if (to_stdout)
		status = gzip_to_stdout(path, in, from_stdin, opt->level);
	else
		status = gzip_file(path, in, opt);
	if (!from_stdin)
		close(in);
	return status;
}

/* gzip -d: hand the other options and the operands to gunzip. */
static int decompress(const struct gzip_options *opt, char **operands)
{
	int count = 0, argc;
	char **args;

	while (operands[count])
		count++;
	args = xmalloc((count + 6) * sizeof *args);
	argc = 0;
	args[argc++] = "gunzip";
	if (opt->to_stdout)
		args[argc++] = "-c";
	if (opt->force)
		args[argc++] = "-f";
	if (opt->keep)
		args[argc++] = "-k";
	args[argc++] = "--";
	memcpy(args + argc, operands, (count + 1) * sizeof *args);
	return gunzip_main(argc + count, args);
}

int gzip_main(int argc, char **argv)
{
	struct gzip_options opt = { 0, 0, 0, 6 };
	static char *stdin_only[] = { "-", NULL };
	struct options o;
	int c, status = 0, decompressing = 0;

	options_start(&o, argc, argv, "cdfk123456789", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': opt.to_stdout = 1; break;
		case 'd': decompressing = 1; break;
		case 'f': opt.force = 1; break;
		case 'k': opt.keep = 1; break;
		default: opt.level = c - '0'; break;
		}
	}
	argv += o.index;
	if (decompressing)
		return decompress(&opt, argv);
	if (*argv == NULL)
		argv = stdin_only;
	/* Our output goes straight to file descriptor 1: nothing buffered may follow it. */
	fflush(stdout);
	for (; *argv; argv++)
		status |= gzip_operand(*argv, &opt);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
