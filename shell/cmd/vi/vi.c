/*
 * vi.c: mini's vi, the screen editor of POSIX (XCU "vi"), with the parts of
 * vim people type without thinking (v, V, u and Ctrl-R for many levels, gg).
 *
 * This file holds the editor's state, where keys come from (the terminal, or
 * keys fed again for "." and counts), reading and writing files, and vi_main.
 * `view` is vi -R.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "copy.h"
#include "fullscreen.h"
#include "vi.h"

static const char usage[] =
	"Usage: vi [-R] [-c CMD | +CMD] [FILE]...\n"
	"Edit FILEs on the full screen, one after the other (:n); view = vi -R.\n"
	"  -R    read-only: :w needs a !\n"
	"  -c CMD, +CMD  run the ex command CMD first (+N: go to line N, +: to the end)\n";

struct settings opt;
struct pos cur;
int want_col;
int mode;
struct pos visual_start;
char *file_name;
int readonly;
int quitting;
static int missing_newline;	/* the file's last line had no '\n': write it back without */
static int readonly_option;	/* -R, or started as view */

/* ---- keys ---- */

struct key_queue {
	int *keys;
	int count, next;	/* keys[next..count) are still to read */
};
/* Keys to read again before the terminal's (for "." and counts): not recorded again. */
static struct key_queue pushed;
/* Keys a mapping stands for (:map): read as if typed, so "." records them. */
static struct key_queue fed;
static int *recorded;
static int recorded_count, recorded_capacity, recording;

/* Put n keys in front of what q still holds. */
static void queue_insert(struct key_queue *q, const int *keys, int n)
{
	int rest = q->count - q->next;
	int *all = xmalloc((n + rest + 1) * sizeof *all);

	memcpy(all, keys, n * sizeof *all);
	memcpy(all + n, q->keys + q->next, rest * sizeof *all);
	free(q->keys);
	q->keys = all;
	q->count = n + rest;
	q->next = 0;
}

void push_keys(const int *keys, int n)
{
	queue_insert(&pushed, keys, n);
}

void drop_pushed_keys(void)
{
	pushed.count = pushed.next = 0;
}

void feed_keys(const int *keys, int n)
{
	queue_insert(&fed, keys, n);
}

void drop_fed_keys(void)
{
	fed.count = fed.next = 0;
}

int keys_fed(void)
{
	return fed.next < fed.count;
}

static void record_key(int key)
{
	if (recorded_count == recorded_capacity) {
		recorded_capacity = recorded_capacity * 2 + 16;
		recorded = xrealloc(recorded, recorded_capacity * sizeof *recorded);
	}
	recorded[recorded_count++] = key;
}

void record_start(int first_key)
{
	recorded_count = 0;
	recording = 1;
	record_key(first_key);
}

int *record_since(int from, int *n)
{
	int count = recorded_count > from ? recorded_count - from : 0;
	int *keys = xmalloc((count + 1) * sizeof *keys);

	memcpy(keys, recorded + from, count * sizeof *keys);
	*n = count;
	return keys;
}

int record_length(void)
{
	return recorded_count;
}

int *record_stop(int *n)
{
	recording = 0;
	return record_since(0, n);
}

int get_key(void)
{
	int key;

	if (pushed.next < pushed.count)
		return pushed.keys[pushed.next++];
	if (fed.next < fed.count) {
		key = fed.keys[fed.next++];
	} else {
		do {
			if (!output_showing() && !term_key_ready())
				screen_draw();
			key = term_key();
		} while (key == KEY_RESIZE);
		clear_message();
	}
	if (key == KEY_EOF) {	/* the terminal is gone: end like :q! */
		quitting = 1;
		key = KEY_ESC;
	}
	if (recording)
		record_key(key);
	return key;
}

/* ---- files ---- */

/* The whole file, NUL-terminated, its length in *len; NULL with errno set.
 * (Not read_file: to vi, "-" is a file's name, not standard input.) */
static char *read_whole_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY), saved;
	char *buf;

	if (fd < 0)
		return NULL;
	buf = read_fd(fd, len);
	saved = errno;
	close(fd);
	errno = saved;
	return buf;
}

int file_load(const char *path)
{
	struct stat st;
	size_t len;
	char *text;

	buffer_init();
	readonly = readonly_option;
	missing_newline = 0;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		message("\"%s\" is a directory", path);
		readonly = 1;
		return -1;
	}
	text = read_whole_file(path, &len);
	if (text == NULL) {
		if (errno == ENOENT) {
			message("\"%s\" [New file]", path);
			return 0;
		}
		message("\"%s\" %s", path, strerror(errno));
		readonly = 1;	/* never write over a file that could not be read */
		return -1;
	}
	missing_newline = len > 0 && text[len - 1] != '\n';
	if (access(path, W_OK) != 0)
		readonly = 1;
	buffer_take(text, len);
	message("\"%s\"%s%s %dL, %lluC", path, readonly ? " [readonly]" : "",
		missing_newline ? " [Incomplete last line]" : "", buffer_empty ? 0 : line_count,
		(unsigned long long)len);
	return 0;
}

/*
 * Lines [first, first + n), which lie one after the other in the loaded text,
 * written from there in one piece: the NUL that ends each line in memory is
 * its '\n' again for the write, and a NUL once more after it. Saving a file as
 * it was loaded copies nothing (a per-line copy was most of a save's time).
 */
static int write_loaded_run(int fd, int first, int n, size_t *bytes)
{
	const struct line *a = &lines[first], *z = &lines[first + n - 1];
	int status;

	*bytes = z->text + z->len + 1 - a->text;
	for (int i = first; i < first + n; i++)
		lines[i].text[lines[i].len] = '\n';
	status = write_all(fd, a->text, *bytes);
	for (int i = first; i < first + n; i++)
		lines[i].text[lines[i].len] = '\0';
	return status;
}

long long write_lines(int fd, int first, int last)
{
	char *buf = xmalloc(65536);
	size_t used = 0, bytes = 0;
	long long total = 0;
	int status = 0;
	/* The lines that end with a '\n' when written: all but an incomplete last one. */
	int with_newline = last == line_count - 1 && missing_newline ? last - 1 : last;

	for (int i = first; i <= last && !buffer_empty && status == 0; i++) {
		const struct line *l = &lines[i];
		int newline = i <= with_newline;
		int run = newline ? loaded_run(i, with_newline - i + 1) : 0;
		if (run > 1) {
			status = write_all(fd, buf, used);
			used = 0;
			if (status == 0)
				status = write_loaded_run(fd, i, run, &bytes);
			total += bytes;
			i += run - 1;
			continue;
		}
		if (used + l->len + 1 > 65536) {
			status = write_all(fd, buf, used);
			used = 0;
		}
		if (l->len + 1 > 65536) {
			status = status ? status : write_all(fd, l->text, l->len);
		} else {
			memcpy(buf + used, l->text, l->len);
			used += l->len;
		}
		if (newline)
			buf[used++] = '\n';
		total += l->len + newline;
	}
	if (status == 0)
		status = write_all(fd, buf, used);
	free(buf);
	return status < 0 ? -1 : total;
}

/* Lines to write, and what came of it, for write_new_file's fill. */
struct write_job {
	int first, last;
	long long bytes;
};

/* The new file's contents, on the disk before it replaces the old one (fsync). */
static int fill_lines(int fd, void *data)
{
	struct write_job *job = data;

	job->bytes = write_lines(fd, job->first, job->last);
	if (job->bytes < 0 || fsync(fd) < 0) {
		message("write error: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Devices and /proc files cannot be replaced, only written into. */
static int write_in_place(const char *target, struct write_job *job)
{
	int fd = open(target, O_WRONLY | O_TRUNC);

	if (fd < 0)
		return -1;
	job->bytes = write_lines(fd, job->first, job->last);
	if (close(fd) < 0)
		job->bytes = -1;
	return job->bytes < 0 ? -1 : 0;
}

/*
 * A regular file is written anew by libmini's write_new_file: a temporary file
 * beside it, renamed over it once complete, with the old file's mode and owner
 * (a new file: 0666 less the umask). A symlink is written through to its file.
 */
int file_write(const char *path, int first, int last, int force)
{
	char *target = realpath(path, NULL);
	struct write_job job = { first, last, -1 };
	struct stat st, like = { 0 };
	int result;

	if (target == NULL)
		target = xstrdup(path);
	if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
		result = write_in_place(target, &job);
	} else {
		if (stat(target, &st) == 0) {
			like = st;
		} else {
			mode_t mask = umask(0);
			umask(mask);
			like.st_mode = 0666 & ~mask;
			like.st_uid = (uid_t)-1;
			like.st_gid = (gid_t)-1;
		}
		like.st_atim.tv_nsec = like.st_mtim.tv_nsec = UTIME_NOW;
		result = write_new_file(target, &like, fill_lines, &job) == 0 ? 0 : -1;
	}
	if (result < 0)
		message("\"%s\" not written: %s", path, strerror(errno));
	else
		message("\"%s\" %dL, %lldC written", path, buffer_empty ? 0 : last - first + 1, job.bytes);
	free(target);
	return result;
}

/* After a shell command wrote on the terminal: wait for a key, then take the terminal back. */
static void shell_done(void)
{
	write_all(STDOUT_FILENO, "\r\nPress ENTER to continue", 25);
	term_start(STDIN_FILENO);
	term_key();
}

int run_shell(const char *command)
{
	int status;

	term_stop();
	status = system(command);
	shell_done();
	return status;
}

int pipe_write(const char *command, int first, int last)
{
	FILE *f;
	long long bytes = -1;

	term_stop();
	f = popen(command, "w");
	if (f) {
		bytes = write_lines(fileno(f), first, last);
		pclose(f);
	}
	shell_done();
	if (bytes < 0)
		message("cannot run %s", command);
	return bytes < 0 ? -1 : 0;
}

static char **more_files;	/* the files named after the one being edited, for :n */
static int more_count;

int edit_next_file(void)
{
	if (more_count == 0)
		return -1;
	free(file_name);
	file_name = xstrdup(*more_files++);
	more_count--;
	file_load(file_name);
	cur = (struct pos){ 0, 0 };
	top_line = 0;
	return 0;
}

/* ---- main ---- */

static void reset_state(void)
{
	opt = (struct settings){ .tabstop = 8, .shiftwidth = 8 };
	cur = (struct pos){ 0, 0 };
	want_col = 0;
	mode = NORMAL;
	top_line = 0;
	quitting = 0;
	readonly_option = strcmp(program_name, "view") == 0;
}

int vi_main(int argc, char **argv)
{
	struct options o;
	const char *start_command = NULL;
	int c;

	reset_state();
	options_start(&o, argc, argv, "Rc:", usage);
	while (o.index < argc && argv[o.index][0] == '+')	/* +CMD before the options too */
		start_command = argv[o.index++] + 1;
	while ((c = options_next(&o)) != -1) {
		if (c == 'R')
			readonly_option = 1;
		if (c == 'c')
			start_command = o.arg;
	}
	argv += o.index;
	argc -= o.index;
	if (argc > 0 && argv[0][0] == '+') {
		start_command = argv[0] + 1;
		argv++;
		argc--;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		die("standard input and output must be a terminal");
	buffer_init();
	readonly = readonly_option;
	more_files = argv;
	more_count = argc;
	if (argc > 0)
		edit_next_file();
	if (term_start(STDIN_FILENO) < 0)
		die("cannot set up the terminal:");
	if (start_command)
		ex_command(start_command[0] ? start_command : "$");
	while (!quitting)
		normal_command();
	term_stop();
	return 0;
}
