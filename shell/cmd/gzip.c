/*
 * gzip: compress files (the encoder is libmini/deflate.c).
 *
 * "gzip FILE" writes FILE.gz through a temporary file next to it, renamed into
 * place only once it is whole, with the mode and times of FILE; then FILE goes
 * away (unless -k). The header keeps FILE's name and modification time (not
 * with -n), as GNU gzip's does.
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
#include "gzip.h"

static const char usage[] =
	"Usage: gzip [-cdfklNnqrtv1-9] [-S SUF] [FILE]...\n"
	"Compress each FILE to FILE.gz and remove FILE.\n"
	"With no FILE or -, compress standard input to standard output.\n"
	"  -c      write to standard output, keep the files\n"
	"  -d      decompress, as gunzip does (so do -l and -t)\n"
	"  -f      overwrite files; write to a terminal\n"
	"  -k      keep FILE\n"
	"  -N, -n  do (default), do not store FILE's name and time\n"
	"  -q, -v  no warnings; say how much each FILE shrank\n"
	"  -r      go into directories\n"
	"  -S SUF  write FILE.SUF, not FILE.gz\n"
	"  -1-9    fastest to smallest (default 6)\n";

struct gzip_options {
	int to_stdout, force, keep, level, no_name, quiet, verbose, recursive;
	const char *suffix;	/* -S, ".gz" by default */
};

/* What gzip_fd needs, for write_new_file. */
struct compression {
	int in, level;
	const char *name;
	long mtime;
	off_t size;		/* what it wrote, for -v */
};

static int compress(int out, void *data)
{
	struct compression *c = data;

	if (gzip_fd(c->in, out, c->level, c->name, c->mtime) < 0)
		return -1;
	c->size = lseek(out, 0, SEEK_CUR);
	return 0;
}

/* -v: "FILE:	 53.0% -- replaced with FILE.gz" (header and trailer not counted). */
static void report(const char *path, off_t in_size, const struct compression *c,
		   const char *target, int keep)
{
	gzip_report(path, c->size, in_size, 18 + (c->name ? strlen(c->name) + 1 : 0), target, keep);
}

/* What the compression of FILE needs; the header gets FILE's name and time, or
 * none with -n. Standard input has no name, but a time if it is a file. */
static void describe(struct compression *c, const char *path, int in, const struct stat *st,
		     const struct gzip_options *opt)
{
	c->in = in;
	c->level = opt->level;
	c->name = opt->no_name || strcmp(path, "-") == 0 ? NULL : base_name(path);
	c->mtime = opt->no_name || !S_ISREG(st->st_mode) ? 0 : st->st_mtim.tv_sec;
}

/* gzip FILE to FILE.gz. Returns 0 or 1. */
static int gzip_file(const char *path, const struct stat *st, struct compression *c,
		     const struct gzip_options *opt)
{
	size_t len = strlen(path), suffix_len = strlen(opt->suffix);
	char *target;
	int status;

	if (!S_ISREG(st->st_mode)) {
		warn("%s: not a regular file", path);
		return 1;
	}
	if (len > suffix_len && strcmp(path + len - suffix_len, opt->suffix) == 0) {
		/* As GNU gzip: no word with -r, which meets such files all the time. */
		if (opt->recursive || opt->quiet)
			return 0;
		warn("%s: already has %s suffix -- unchanged", path, opt->suffix);
		return 1;
	}
	target = xmalloc(len + suffix_len + 1);
	sprintf(target, "%s%s", path, opt->suffix);
	status = convert_file(path, st, target, opt->force, opt->keep, compress, c);
	if (status == 0 && opt->verbose)
		report(path, st->st_size, c, target, opt->keep);
	free(target);
	return status;
}

/* gzip FILE (or standard input) to standard output. Returns 0 or 1. */
static int gzip_to_stdout(const char *path, const struct stat *st, struct compression *c,
			  const struct gzip_options *opt)
{
	off_t start = lseek(STDOUT_FILENO, 0, SEEK_CUR);

	if (S_ISDIR(st->st_mode)) {
		warn("%s: is a directory", path);
		return 1;
	}
	if (compress(STDOUT_FILENO, c) < 0)
		return 1;
	/* -v needs the size written, which a pipe does not tell. */
	if (opt->verbose && start >= 0 && strcmp(path, "-") != 0) {
		c->size -= start;
		report(path, st->st_size, c, "stdout", 0);
	}
	return 0;
}

/* One file ("-": standard input). Returns 0 or 1. */
static int gzip_operand(const char *path, void *data)
{
	const struct gzip_options *opt = data;
	int from_stdin = strcmp(path, "-") == 0;
	struct compression c;
	struct stat st;
	int in, status = 1;

	if ((opt->to_stdout || from_stdin) && isatty(STDOUT_FILENO) && !opt->force) {
		warn("compressed data not written to a terminal (use -f to force)");
		return 1;
	}
	in = open_input(path);
	if (in < 0 || fstat(in, &st) < 0) {
		warn("%s:", path);
	} else {
		describe(&c, path, in, &st, opt);
		if (opt->to_stdout || from_stdin)
			status = gzip_to_stdout(path, &st, &c, opt);
		else
			status = gzip_file(path, &st, &c, opt);
	}
	if (in >= 0 && !from_stdin)
		close(in);
	return status;
}

int gzip_main(int argc, char **argv)
{
	struct gzip_options opt = { 0, 0, 0, 6, 0, 0, 0, 0, ".gz" };
	static char *stdin_only[] = { "-", NULL };
	struct options o;
	int c, status = 0, decompressing = 0;

	/* The same letters as gunzip's, which gets the whole command line for -d. */
	options_start(&o, argc, argv, "cdfklnNqrS:tv123456789", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': opt.to_stdout = 1; break;
		case 'd': case 'l': case 't': decompressing = 1; break;
		case 'f': opt.force = 1; break;
		case 'k': opt.keep = 1; break;
		case 'n': opt.no_name = 1; break;
		case 'N': opt.no_name = 0; break;
		/* The later of -q and -v wins, as in GNU gzip. */
		case 'q': opt.quiet = 1; opt.verbose = 0; break;
		case 'v': opt.verbose = 1; opt.quiet = 0; break;
		case 'r': opt.recursive = 1; break;
		case 'S': opt.suffix = o.arg; break;
		default: opt.level = c - '0'; break;
		}
	}
	/* An empty suffix would make FILE its own output, and lose it. */
	if (*opt.suffix == '\0')
		usage_error(usage, "invalid suffix ''");
	if (decompressing)
		return gunzip_main(argc, argv);
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;
	/* Our output goes straight to file descriptor 1: nothing buffered may follow it. */
	fflush(stdout);
	for (; *argv; argv++)
		status |= gzip_each_file(*argv, opt.recursive, gzip_operand, &opt);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
