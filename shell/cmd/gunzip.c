/*
 * gunzip: decompress gzip files (the decoder is libmini/inflate.c).
 *
 * "gunzip FILE.gz" writes FILE through a temporary file next to it, renamed into
 * place only once the data proved whole (CRC and length checked), with the mode
 * and times of FILE.gz; then FILE.gz goes away (unless -k).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mini.h"
#include "copy.h"
#include "inflate.h"

static const char usage[] =
	"Usage: gunzip [-cfkt] [FILE]...\n"
	"Decompress each FILE.gz (.tgz, .z) to FILE and remove FILE.gz.\n"
	"With no FILE or -, decompress standard input to standard output.\n"
	"  -c  write to standard output, keep the files\n"
	"  -f  overwrite existing files; read compressed data from a terminal\n"
	"  -k  keep FILE.gz\n"
	"  -t  only test that each FILE decompresses correctly\n";

struct gunzip_options {
	int to_stdout, force, keep, test;
};

/* The name FILE.gz decompresses to (malloc'd), or NULL for an unknown suffix. */
static char *output_name(const char *path)
{
	static const char *const suffixes[][2] = {
		{ ".gz", "" }, { ".tgz", ".tar" }, { ".z", "" },
	};
	size_t len = strlen(path), base_len = strlen(base_name(path));

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t suffix_len = strlen(suffixes[i][0]);
		/* ".gz" alone is no FILE.gz. */
		if (base_len > suffix_len && strcmp(path + len - suffix_len, suffixes[i][0]) == 0) {
			char *name = xmalloc(len + 2);
			memcpy(name, path, len - suffix_len);
			strcpy(name + len - suffix_len, suffixes[i][1]);
			return name;
		}
	}
	return NULL;
}

/* What gunzip_named needs, for write_new_file. */
struct decompression {
	int in;
	const char *path;
};

static int decompress(int out, void *data)
{
	struct decompression *d = data;

	return gunzip_named(d->in, out, d->path);
}

/* gunzip FILE.gz to FILE. Returns 0 or 1. */
static int gunzip_file(const char *path, int in, const struct gunzip_options *opt)
{
	struct stat st;
	struct decompression d = { in, path };
	char *target = output_name(path);
	int status;

	if (target == NULL) {
		warn("%s: unknown suffix -- ignored", path);
		return 1;
	}
	if (fstat(in, &st) < 0) {
		warn("%s:", path);
		free(target);
		return 1;
	}
	if (!S_ISREG(st.st_mode)) {
		warn("%s: not a regular file", path);
		free(target);
		return 1;
	}
	status = convert_file(path, &st, target, opt->force, opt->keep, decompress, &d);
	free(target);
	return status;
}

/* One operand ("-": standard input). Returns 0 or 1. */
static int gunzip_operand(const char *path, const struct gunzip_options *opt)
{
	int from_stdin = strcmp(path, "-") == 0;
	int in = open_input(path), status;
	const char *name = from_stdin ? "stdin" : path;

	if (in < 0) {
		warn("%s:", path);
		return 1;
	}
	if (from_stdin && isatty(in) && !opt->force) {
		warn("compressed data not read from a terminal (use -f to force)");
		return 1;
	}
	if (opt->test)
		status = gunzip_named(in, -1, name) < 0;
	else if (opt->to_stdout || from_stdin)
		status = gunzip_named(in, STDOUT_FILENO, name) < 0;
	else
		status = gunzip_file(path, in, opt);
	if (!from_stdin)
		close(in);
	return status;
}

int gunzip_main(int argc, char **argv)
{
	struct gunzip_options opt = { 0, 0, 0, 0 };
	static char *stdin_only[] = { "-", NULL };
	struct options o;
	int c, status = 0;

	options_start(&o, argc, argv, "cfkt", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': opt.to_stdout = 1; break;
		case 'f': opt.force = 1; break;
		case 'k': opt.keep = 1; break;
		case 't': opt.test = 1; break;
		}
	}
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;
	/* Our output goes straight to file descriptor 1: nothing buffered may follow it. */
	fflush(stdout);
	for (; *argv; argv++)
		status |= gunzip_operand(*argv, &opt);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
