/*
 * gunzip: decompress gzip files (the decoder is libmini/inflate.c).
 *
 * "gunzip FILE.gz" writes FILE through a temporary file next to it, renamed into
 * place only once the data proved whole (CRC and length checked), with the mode
 * and times of FILE.gz; then FILE.gz goes away (unless -k). With -N, FILE is the
 * name stored in the header and gets the stored time. gzip -d, -t and -l come
 * here too (shell/cmd/gzip.c).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mini.h"
#include "copy.h"
#include "inflate.h"
#include "gzip.h"
#include "tree.h"

static const char usage[] =
	"Usage: gunzip [-cfklNnqrtv] [-S SUF] [FILE]...\n"
	"Decompress each FILE.gz (.tgz, .z) to FILE and remove FILE.gz.\n"
	"With no FILE or -, decompress standard input to standard output.\n"
	"  -c      write to standard output, keep the files\n"
	"  -f      overwrite files; read a terminal; -c: pass other data on as is\n"
	"  -k      keep FILE.gz\n"
	"  -l      list sizes, ratio and name\n"
	"  -N, -n  do, do not (default) restore the stored name and time\n"
	"  -q, -v  no warnings; say what became of each FILE\n"
	"  -r      go into directories\n"
	"  -S SUF  decompress FILE.SUF too\n"
	"  -t      test that each FILE decompresses correctly\n";

/* The same letters as gzip's: gzip -d hands us its whole command line. */
static const char option_letters[] = "cdfklnNqrS:tv123456789";

struct gunzip_options {
	int to_stdout, force, keep, test, list, restore_name, quiet, verbose, recursive;
	const char *suffix;	/* -S, or NULL */
	int flags;		/* for gunzip_with(): GUNZIP_QUIET with -q */
	/* -l: the files listed, the sums for the "(totals)" line, and what the last
	 * file's header took. */
	int listed;
	long long total_compressed, total_uncompressed;
	unsigned last_header_bytes;
};

/* ---- what the header and the trailer say (-l, -N, -v) ---- */

#define HEAD_SIZE 1024	/* enough for any header with a sane name */

struct gz_info {
	unsigned char head[HEAD_SIZE + 1];	/* the start of the file, NUL-terminated */
	const char *name;	/* the original name stored in head, or NULL */
	uint32_t mtime;		/* the original time, 0 if not stored */
	unsigned header_bytes;	/* header and trailer: the bytes that are not data */
	uint32_t size;		/* from the last member's trailer: the length mod 2^32 */
	off_t compressed;	/* the file's size */
};

static uint32_t le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Parse the header in i->head (len bytes) (RFC 1952 2.3). Returns 0, or -1 if
 * it is no gzip header or does not fit. */
static int parse_header(struct gz_info *i, size_t len)
{
	unsigned char *h = i->head, flags = h[3];
	size_t pos = 10;

	if (len < 10 || h[0] != 0x1f || h[1] != 0x8b || h[2] != 8)
		return -1;
	i->mtime = le32(h + 4);
	i->name = NULL;
	if (flags & 4) {	/* FEXTRA: a length, then as many bytes */
		if (len < 12)
			return -1;
		pos += 2 + (h[10] | h[11] << 8);
	}
	/* FNAME, FCOMMENT: zero-terminated (head is, so strlen stays inside) */
	if ((flags & 8) && pos < len) {
		i->name = (char *)h + pos;
		pos += strlen(i->name) + 1;
	}
	if ((flags & 16) && pos < len)
		pos += strlen((char *)h + pos) + 1;
	if (flags & 2)	/* FHCRC */
		pos += 2;
	i->header_bytes = pos + 8;
	return pos <= len ? 0 : -1;
}

/* Read the header and the trailer of the file open as in (its size is size),
 * without moving its offset (it needs pread: a pipe fails). Returns 0, or -1
 * after saying why. */
static int read_info(int in, off_t size, const char *name, struct gz_info *i)
{
	unsigned char trailer[4];
	ssize_t len = pread(in, i->head, HEAD_SIZE, 0);

	if (len < 0) {
		warn("%s:", name);
		return -1;
	}
	i->head[len] = '\0';
	i->compressed = size;
	if (parse_header(i, len) < 0) {
		warn("%s: not in gzip format", name);
		return -1;
	}
	if (pread(in, trailer, 4, size - 4) != 4) {
		warn("%s:", name);
		return -1;
	}
	i->size = le32(trailer);
	return 0;
}

/* The saving in percent, as GNU gzip counts it: header and trailer aside. */
static double ratio(double compressed, double uncompressed, double header_bytes)
{
	if (uncompressed == 0)
		return 0;
	return 100.0 * (uncompressed - compressed + header_bytes) / uncompressed;
}

/* -v, for gzip too: "FILE.gz:	 53.0% -- replaced with FILE" on stderr. */
void gzip_report(const char *path, long long compressed, long long uncompressed,
		 unsigned header_bytes, const char *target, int keep)
{
	fprintf(stderr, "%s:\t%5.1f%% -- %s %s\n", path,
		ratio(compressed, uncompressed, header_bytes),
		keep ? "created" : "replaced with", target);
}

static void report(const char *path, const struct gz_info *i, const char *target, int keep)
{
	gzip_report(path, i->compressed, i->size, i->header_bytes, target, keep);
}

/* ---- -l ---- */

static void list_line(long long compressed, long long uncompressed,
		      unsigned header_bytes, const char *name)
{
	printf("%19lld %19lld %5.1f%% %s\n", compressed, uncompressed,
	       ratio(compressed, uncompressed, header_bytes), name);
}

/* One file's line: "1850  3893  53.0% f". */
static int list_file(const char *path, int in, off_t size, const char *name,
		     struct gunzip_options *opt)
{
	struct gz_info i;

	if (read_info(in, size, path, &i) < 0)
		return 1;
	if (opt->restore_name && i.name)
		name = i.name;
	if (opt->listed++ == 0 && !opt->quiet)
		puts("         compressed        uncompressed  ratio uncompressed_name");
	list_line(i.compressed, i.size, i.header_bytes, name);
	opt->total_compressed += i.compressed;
	opt->total_uncompressed += i.size;
	opt->last_header_bytes = i.header_bytes;
	return 0;
}

/* The "(totals)" line; GNU gzip puts only the last file's header aside. */
static void list_totals(const struct gunzip_options *opt)
{
	list_line(opt->total_compressed, opt->total_uncompressed, opt->last_header_bytes,
		  "(totals)");
}

/* ---- decompressing ---- */

/* The name FILE.gz decompresses to (malloc'd), or NULL for an unknown suffix.
 * suffix (-S) is tried first. */
static char *output_name(const char *path, const char *suffix)
{
	static const char *const suffixes[][2] = {
		{ NULL, "" }, { ".gz", "" }, { ".tgz", ".tar" }, { ".z", "" },
	};
	size_t len = strlen(path), base_len = strlen(base_name(path));

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		const char *from = i == 0 ? suffix : suffixes[i][0];
		size_t suffix_len = from ? strlen(from) : 0;
		/* ".gz" alone is no FILE.gz. */
		if (from && base_len > suffix_len && strcmp(path + len - suffix_len, from) == 0) {
			char *name = xmalloc(len + 2);
			memcpy(name, path, len - suffix_len);
			strcpy(name + len - suffix_len, suffixes[i][1]);
			return name;
		}
	}
	return NULL;
}

/* -N: the name stored in the header, put in path's directory (malloc'd), or NULL
 * when there is none to use. Only its last component counts: a header must not
 * send the output elsewhere. */
static char *stored_name(const char *path, const struct gz_info *i)
{
	const char *name;
	size_t dir_len = strlen(path) - strlen(base_name(path));
	char *target;

	if (i->name == NULL)
		return NULL;
	name = base_name(i->name);
	if (name[strspn(name, "./")] == '\0')	/* "", ".", "..", "/" */
		return NULL;
	target = xmalloc(dir_len + strlen(name) + 1);
	memcpy(target, path, dir_len);
	strcpy(target + dir_len, name);
	if (strcmp(target, path) == 0) {	/* writing over FILE.gz would lose it */
		free(target);
		return NULL;
	}
	return target;
}

/* What gunzip_with needs, for write_new_file. */
struct decompression {
	int in, flags;
	const char *path;
};

static int decompress(int out, void *data)
{
	struct decompression *d = data;

	return gunzip_with(d->in, out, d->path, d->flags);
}

/* gunzip FILE.gz (whose status is st) to FILE. Returns 0 or 1. */
static int gunzip_file(const char *path, int in, struct stat *st, const struct gunzip_options *opt)
{
	struct gz_info info;
	struct decompression d = { in, opt->flags, path };
	char *target, *stored;
	int status;

	if (!S_ISREG(st->st_mode)) {
		warn("%s: not a regular file", path);
		return 1;
	}
	/* Even with -N, as in GNU gzip, the suffix must say the file is compressed.
	 * No word with -r, which meets all kinds of files. */
	target = output_name(path, opt->suffix);
	if (target == NULL) {
		if (opt->recursive || opt->quiet)
			return 0;
		warn("%s: unknown suffix -- ignored", path);
		return 1;
	}
	if ((opt->restore_name || opt->verbose) && read_info(in, st->st_size, path, &info) < 0) {
		free(target);
		return 1;
	}
	if (opt->restore_name && (stored = stored_name(path, &info)) != NULL) {
		free(target);
		target = stored;
	}
	if (opt->restore_name && info.mtime) {
		st->st_mtim.tv_sec = info.mtime;
		st->st_mtim.tv_nsec = 0;
	}
	status = convert_file(path, st, target, opt->force, opt->keep, decompress, &d);
	if (status == 0 && opt->verbose)
		report(path, &info, target, opt->keep);
	free(target);
	return status;
}

/* gunzip -t (out is -1), -c or standard input (out is 1); name is "stdin" for
 * standard input, else path. Returns 0 or 1. */
static int gunzip_stream(const char *path, const char *name, int in, off_t size, int out,
			 const struct gunzip_options *opt)
{
	struct gz_info info;
	int flags = opt->flags;
	int report_ratio = opt->verbose && !opt->test && name == path;

	/* gzip -cdf: data that is not gzip goes through as it is, as cat would. */
	if (opt->force && out >= 0)
		flags |= GUNZIP_COPY_OTHER;
	if (report_ratio && read_info(in, size, name, &info) < 0)
		return 1;
	if (gunzip_with(in, out, name, flags) < 0)
		return 1;
	if (report_ratio)
		report(name, &info, "stdout", 0);
	else if (opt->verbose && opt->test)
		fprintf(stderr, "%s:\t OK\n", name);
	return 0;
}

/* One file ("-": standard input). Returns 0 or 1. */
static int gunzip_operand(const char *path, void *data)
{
	struct gunzip_options *opt = data;
	int from_stdin = strcmp(path, "-") == 0;
	int in = open_input(path), status = 1;
	const char *name = from_stdin ? "stdin" : path;
	struct stat st;
	char *shown;

	if (in < 0 || fstat(in, &st) < 0) {
		warn("%s:", path);
	} else if (from_stdin && isatty(in) && !opt->force) {
		warn("compressed data not read from a terminal (use -f to force)");
	} else if (opt->list) {
		/* GNU gzip calls standard input's data "stdout" here. */
		shown = from_stdin ? xstrdup("stdout") : output_name(path, opt->suffix);
		status = list_file(name, in, st.st_size, shown ? shown : path, opt);
		free(shown);
	} else if (opt->test || opt->to_stdout || from_stdin) {
		status = gunzip_stream(path, name, in, st.st_size, opt->test ? -1 : STDOUT_FILENO, opt);
	} else {
		status = gunzip_file(path, in, &st, opt);
	}
	if (in >= 0 && !from_stdin)
		close(in);
	return status;
}

/* ---- -r, shared with gzip ---- */

struct file_walk {
	struct walk w;
	int (*one)(const char *path, void *data);
	void *data;
};

static int visit_file(struct walk *w, const char *path, const struct stat *st,
		      enum walk_phase phase)
{
	struct file_walk *f = (struct file_walk *)w;

	/* Only regular files: a symlink or a device is no file to replace. */
	if (phase == WALK_FILE && S_ISREG(st->st_mode) && f->one(path, f->data))
		w->status = 1;
	return 0;
}

/* gzip and gunzip: call one(path, data) for path, or with -r (recursive) for
 * each regular file under it when it is a directory ("-" stays standard input).
 * Returns 0 or 1. */
int gzip_each_file(const char *path, int recursive, int (*one)(const char *path, void *data),
		   void *data)
{
	struct stat st;
	struct file_walk f = { { .visit = visit_file, .follow = WALK_OPERANDS }, one, data };

	if (!recursive || strcmp(path, "-") == 0 || stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return one(path, data);
	return walk_tree(&f.w, path);
}

/* Read the options (also gzip's, for gzip -d). */
static char **parse_options(int argc, char **argv, struct gunzip_options *opt)
{
	struct options o;
	int c;

	options_start(&o, argc, argv, option_letters, usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': opt->to_stdout = 1; break;
		case 'f': opt->force = 1; break;
		case 'k': opt->keep = 1; break;
		case 'l': opt->list = 1; break;
		case 'N': opt->restore_name = 1; break;
		case 'n': opt->restore_name = 0; break;
		/* The later of -q and -v wins, as in GNU gzip. */
		case 'q': opt->quiet = 1; opt->verbose = 0; break;
		case 'v': opt->verbose = 1; opt->quiet = 0; break;
		case 'r': opt->recursive = 1; break;
		case 'S': opt->suffix = o.arg; break;
		case 't': opt->test = 1; break;
		default: break;	/* -d and -1 to -9 mean nothing here */
		}
	}
	/* An empty suffix would make FILE its own output, and lose it. */
	if (opt->suffix && *opt->suffix == '\0')
		usage_error(usage, "invalid suffix ''");
	opt->flags = opt->quiet ? GUNZIP_QUIET : 0;
	return argv + o.index;
}

int gunzip_main(int argc, char **argv)
{
	struct gunzip_options opt = { 0 };
	static char *stdin_only[] = { "-", NULL };
	int status = 0, operands;

	argv = parse_options(argc, argv, &opt);
	if (*argv == NULL)
		argv = stdin_only;
	/* Our output goes straight to file descriptor 1: nothing buffered may follow it. */
	fflush(stdout);
	for (operands = 0; argv[operands]; operands++)
		status |= gzip_each_file(argv[operands], opt.recursive, gunzip_operand, &opt);
	if (opt.listed && !opt.quiet && operands > 1)
		list_totals(&opt);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
