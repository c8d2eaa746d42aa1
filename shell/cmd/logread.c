/*
 * logread: show the system log that syslogd writes: /var/log/messages.0 (the older
 * records kept, when there are any), then /var/log/messages; with -f, keep showing
 * what comes. Control characters are shown as ^X and bytes that are no UTF-8 as \ooo
 * (log_escape): syslogd stores them so already, but a log written by anything else
 * must not reach the terminal raw either (ESC [ 2 J clears a screen, others do worse).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "logs.h"

static const char usage[] =
	"Usage: logread [-f]\n"
	"Show the system log (/var/log/messages).\n"
	"  -f  keep showing new messages as they come (Ctrl-C ends)\n";

static const char log_path[] = "/var/log/messages";
static const char old_path[] = "/var/log/messages.0";

/*
 * With -f: the last lines shown, as they are in the log, each after a newline
 * ("\nline\nline\n"), to find where to go on in messages.0 (show_missed).
 */
static struct strbuf shown;
#define SHOWN_LIMIT (128 * 1024)	/* past it, the older half is forgotten */

static void remember(const char *line, size_t len)
{
	char *cut;

	if (shown.len == 0)
		sb_addc(&shown, '\n');
	sb_addn(&shown, line, len);
	if (shown.len > SHOWN_LIMIT) {
		cut = memchr(shown.s + shown.len / 2, '\n', shown.len - shown.len / 2);
		if (cut == NULL)
			cut = shown.s + shown.len;	/* one huge line: forget it all */
		shown.len -= cut - shown.s;
		memmove(shown.s, cut, shown.len);
	}
}

/* One line of the log (len bytes, maybe with its newline), made safe for a terminal. */
static void show_line(const char *line, size_t len)
{
	static char *safe;
	static size_t safe_size;
	int newline = len > 0 && line[len - 1] == '\n';

	if (safe_size < 4 * len + 1) {	/* a byte takes at most 4: \ooo */
		safe_size = 4 * len + 1;
		safe = xrealloc(safe, safe_size);
	}
	log_escape(safe, safe_size, line, len - newline);
	fputs(safe, stdout);
	if (newline)
		putchar('\n');
}

/* Show the rest of the log open as f; with -f remember it. */
static void show_log(FILE *f, const char *path, int following)
{
	static char *line;
	static size_t line_size;
	ssize_t len;

	while ((len = getline(&line, &line_size, f)) > 0) {
		show_line(line, len);
		if (following)
			remember(line, len);
	}
	if (ferror(f))
		die("%s:", path);
	clearerr(f);	/* at the end for now: with -f, more may come */
	if (flush_stdout() < 0)
		die("write error:");
}

/* The whole of messages.0, after a newline (as in shown), malloc'd; NULL if none. */
static char *read_old_log(size_t *length)
{
	FILE *f = fopen(old_path, "r");
	struct strbuf text = { 0 };
	char buf[4096];
	size_t n;

	*length = 0;
	if (f == NULL)
		return NULL;
	sb_addc(&text, '\n');
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&text, buf, n);
	fclose(f);
	if (text.s[text.len - 1] != '\n')
		sb_addc(&text, '\n');
	*length = text.len;
	return sb_take(&text);
}

/*
 * syslogd has started a new file. When it did so more than once since we looked (a
 * flood), the files between are gone, but their records that were kept are in
 * messages.0, after the last of its lines we have shown: show them.
 */
static void show_missed(void)
{
	size_t length;
	char *text = read_old_log(&length), *start, *end;

	if (text == NULL)
		return;
	/* From the end, the first line that was shown: what follows it is new. */
	for (end = text + length - 1; end > text; end = start) {
		for (start = end - 1; *start != '\n'; start--)
			;
		if (shown.len > 0 && memmem(shown.s, shown.len, start, end + 1 - start) != NULL)
			break;
	}
	for (start = end + 1; start < text + length; start = end + 1) {
		end = memchr(start, '\n', text + length - start);
		show_line(start, end + 1 - start);
		remember(start, end + 1 - start);
	}
	free(text);
}

/* Show what is added to the log, following it into a new file when syslogd starts one. */
static void follow(FILE *f)
{
	struct stat open_file, on_disk;

	for (;;) {
		show_log(f, log_path, 1);
		if (stat(log_path, &on_disk) == 0 && fstat(fileno(f), &open_file) == 0
		    && on_disk.st_ino != open_file.st_ino) {
			/* syslogd writes no more to the old file once the new one is there:
			 * what it wrote last is read before going on. */
			show_log(f, log_path, 1);
			fclose(f);
			show_missed();
			if (flush_stdout() < 0)
				die("write error:");
			f = fopen(log_path, "r");
			if (f == NULL)
				die("%s:", log_path);
			continue;
		}
		sleep(1);
	}
}

int logread_main(int argc, char **argv)
{
	struct options o;
	int c, keep_following = 0;
	FILE *f;

	options_start(&o, argc, argv, "f", usage);
	while ((c = options_next(&o)) != -1)
		keep_following = 1;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);

	f = fopen(old_path, "r");
	if (f != NULL) {
		show_log(f, old_path, keep_following);
		fclose(f);
	}
	f = fopen(log_path, "r");
	if (f == NULL)
		die("%s (is syslogd running?):", log_path);
	show_log(f, log_path, keep_following);
	if (keep_following)
		follow(f);
	return 0;
}
