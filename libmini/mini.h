/*
 * libmini: the small library every mini command shares.
 *
 * One way to report an error (warn, die), one way to parse options (struct options),
 * a few checked allocation and I/O helpers. Each part lives in its own file here;
 * this header is the whole interface.
 */
#ifndef MINI_H
#define MINI_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- errors.c: messages on stderr, always prefixed "cmd: " ---- */

/* The name of the running command, used as the prefix of every message. */
extern const char *program_name;

/*
 * Print "cmd: message" on stderr. A format that ends in ':' gets the text of
 * errno appended, so warn("%s:", path) prints "cat: path: No such file or directory".
 */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Like warn, then exit with status 1. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* warn() with an explicit argument list, for wrappers. */
void vwarn(const char *fmt, va_list ap);

/* ---- options.c: single-letter options in POSIX style ---- */

/*
 * Usage:
 *	struct options o;
 *	int c;
 *	options_start(&o, argc, argv, "nk:", usage);
 *	while ((c = options_next(&o)) != -1)
 *		switch (c) { case 'n': ...; case 'k': use(o.arg); }
 *	argv += o.index; argc -= o.index;	// the operands
 *
 * In the spec, a letter followed by ':' takes an argument ("-k 3" or "-k3"); by "::",
 * an optional one, only in the same word ("-i.bak"; o.arg is NULL without it).
 * Options may be grouped ("-nk3") and may follow operands ("head f -n1", as GNU):
 * argv is reordered so that the operands start at o.index. "--" ends the options;
 * so does the first operand under POSIXLY_CORRECT or for the commands that run a
 * command or read '-' operands (env, xargs, awk...: the list is in options.c).
 * "--help" prints the usage text on stdout and exits 0. An unknown option or a
 * missing argument prints "cmd: ..." and the usage's first line on stderr and exits 2.
 */
struct options {
	int argc;
	char **argv;
	const char *spec;
	const char *usage;
	int index;		/* next element of argv to look at; the first operand when done */
	const char *cluster;	/* the rest of a group like "-abc" still to hand out */
	char *arg;		/* the argument of the option just returned */
	int permute;		/* read options after operands too */
	int first_operand;	/* where the operands stepped over so far begin... */
	int operand_count;	/* ...and how many there are */
};
void options_start(struct options *o, int argc, char **argv, const char *spec, const char *usage);
int options_next(struct options *o);
/* Print "cmd: message" and the usage's first line on stderr, exit 2. */
void usage_error(const char *usage, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/* The whole usage text on stdout, exit 0 (for commands parsing their own options). */
void show_help(const char *usage) __attribute__((noreturn));

/* ---- memory.c: allocation that never returns NULL (dies instead) ---- */
void *xmalloc(size_t size);
void *xzalloc(size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Concatenate a/b with a '/' between them unless a ends in one; the result is malloc'd. */
char *path_join(const char *dir, const char *name);

/* ---- io.c: file descriptors ---- */

/* Write all of buf; retries after short writes and EINTR. Returns 0 or -1 (errno set). */
int write_all(int fd, const void *buf, size_t len);
/* Read up to len bytes, retrying after EINTR and short reads. Returns bytes read or -1. */
ssize_t read_full(int fd, void *buf, size_t len);
/* Copy everything from in to out. Returns 0, or with errno set COPY_READ_ERROR or
 * COPY_WRITE_ERROR (both negative): the caller names the input or says "write error". */
enum { COPY_READ_ERROR = -1, COPY_WRITE_ERROR = -2 };
int copy_fd(int in, int out);
/* Copy each of the NULL-terminated paths ("-" or none: standard input) to standard
 * output, as cat does: each_file with copy_fd. Returns 0, or 1 after naming each file it
 * could not read; a write error is said once and ends the copy. (less and more do this
 * when stdout is no terminal.) */
int copy_files_to_stdout(char **paths);
/*
 * each_file.c: the loop over file operands. Calls each(fd, name, data) for every
 * name (a NULL or empty list: "-" alone; "-" is standard input), then closes the fd.
 * each returns 0, COPY_READ_ERROR (errno set: "cmd: name: error" is said) or
 * COPY_WRITE_ERROR (the loop ends; "cmd: write error" is said here, or, when stdout's
 * stream has the error, by the caller's flush_stdout, so only once). A file that cannot
 * be opened is named and skipped. Returns 0, or 1 when anything failed.
 */
int each_file(char **names, int (*each)(int fd, const char *name, void *data), void *data);
/* Open a file for reading; "-" means standard input. Returns -1 with errno set. */
int open_input(const char *path);
/* Read a whole file into a malloc'd NUL-terminated buffer; *len gets its length. NULL on error. */
char *read_file(const char *path, size_t *len);
/* The same for an open fd, read to its end (the fd stays open). NULL with errno set on error. */
char *read_fd(int fd, size_t *len);
/*
 * Flush standard output at a command's end. Returns 0, or -1 after saying
 * "cmd: write error: ..." (a full disk, a closed pipe): a command whose output was
 * lost must not exit 0. The error is then cleared, because the shell runs some
 * commands in its own process and goes on writing to the same stdout.
 */
int flush_stdout(void);

/* ---- strings.c: parsing and formatting ---- */

/* The part of path after the last '/' (without trailing slashes); does not modify path. */
const char *base_name(const char *path);
/* Parse a whole decimal number (optional sign). Returns 0 on success, -1 if not a number. */
int parse_long(const char *s, long long *out);
/* Parse a size like 10, 10k, 4M, 1G (powers of 1024); b = 512. Returns 0 or -1. */
int parse_size(const char *s, long long *out);
/* Format bytes as 1.5K, 23M ... into buf (at least 16 bytes); returns buf. */
char *human_size(char *buf, unsigned long long bytes);
/* True when s starts with prefix. */
int starts_with(const char *s, const char *prefix);

/* ---- strbuf.c: growing strings ---- */

/* Start as { 0 }: the empty string. */
struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_addc(struct strbuf *b, int c);
/* Append n bytes of s (s NULL: only make room for them, the caller fills them). */
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_adds(struct strbuf *b, const char *s);
/* The string built so far, malloc'd (never NULL); the buffer starts empty again. */
char *sb_take(struct strbuf *b);

/* ---- regex.c ---- */
/* regcomp(3), refusing with REG_BADRPT the stacked repetitions (a+++++…) that make the C
 * library's compiler take memory doubling at each one. Every command compiles through it. */
struct re_pattern_buffer;
int regex_compile(struct re_pattern_buffer *re, const char *pattern, int flags);

/* ---- termsize.c (more in termsize.h) ---- */

/* The terminal size of fd (TIOCGWINSZ), or 24 rows x 80 columns when unknown. */
void terminal_size(int fd, int *rows, int *cols);

#endif
