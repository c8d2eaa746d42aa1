/*
 * more: page through text on the console (the traditional pager; POSIX more's
 * basic keys).
 *
 * It shows a screenful, then waits at a "--More--(NN%)" prompt for a key read
 * from /dev/tty (so `dmesg | more` works: the text comes from the pipe, the
 * keys from the terminal). When standard output is not a terminal it just
 * copies its input, like cat. Going back needs a file it can seek in: more
 * remembers where each line it showed started.
 */
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: more [FILE]...\n"
	"Show the FILEs (standard input for none) a screenful at a time.\n"
	"Keys: space next page, Enter next line, b back a page, /RE search,\n"
	"n search again, q quit.\n";

/* The terminal's settings before more changed them, restored by any way out. */
static struct termios saved_termios;
static int tty_fd = -1;

static void restore_terminal(void)
{
	if (tty_fd >= 0)
		tcsetattr(tty_fd, TCSANOW, &saved_termios);
}

static void quit_on_signal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Open /dev/tty for keys, one at a time without echo. Returns 0, or -1 if there is no terminal. */
static int start_keyboard(void)
{
	struct termios raw;

	tty_fd = open("/dev/tty", O_RDONLY);
	if (tty_fd < 0 || tcgetattr(tty_fd, &saved_termios) < 0)
		return -1;
	raw = saved_termios;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	signal(SIGINT, quit_on_signal);
	signal(SIGTERM, quit_on_signal);
	signal(SIGQUIT, quit_on_signal);
	return tcsetattr(tty_fd, TCSANOW, &raw);
}

static int read_key(void)
{
	unsigned char c;

	return read(tty_fd, &c, 1) == 1 ? c : 'q';
}

/* One file being paged. */
struct pager {
	FILE *in;
	const char *name;
	off_t size;		/* 0 when unknown (a pipe) */
	int seekable;
	off_t *starts;		/* where each line read so far starts */
	long lines_read, capacity;
	long next;		/* the line to show next */
	int rows, cols;
	regex_t pattern;
	int have_pattern;
	char *line;		/* the line buffer for getline */
	size_t line_size;
};

/* The screen rows a line of len bytes takes (tabs go to the next multiple of 8). */
static int rows_needed(const struct pager *p, const char *line, size_t len)
{
	size_t width = 0;

	for (size_t i = 0; i < len; i++)
		width = line[i] == '\t' ? (width + 8) & ~(size_t)7 : width + 1;
	return width == 0 ? 1 : (int)((width + p->cols - 1) / p->cols);
}

/* Read line number p->next (re-reading it after a seek back). Returns its length, or -1 at the end. */
static ssize_t read_line(struct pager *p)
{
	off_t here = ftello(p->in);
	ssize_t len;

	if (p->next < p->lines_read && p->seekable && here != p->starts[p->next])
		fseeko(p->in, here = p->starts[p->next], SEEK_SET);
	len = getline(&p->line, &p->line_size, p->in);
	if (len < 0)
		return -1;
	if (p->next == p->lines_read) {
		if (p->lines_read == p->capacity)
			p->starts = xrealloc(p->starts, (p->capacity = 2 * p->capacity + 64) * sizeof *p->starts);
		p->starts[p->lines_read++] = here;
	}
	p->next++;
	return len;
}

/* Show up to rows screen rows of text. Returns 0 when the file ended. */
static int show_rows(struct pager *p, int rows)
{
	while (rows > 0) {
		ssize_t len = read_line(p);
		if (len < 0)
			return 0;
		fwrite(p->line, 1, len, stdout);
		if (len == 0 || p->line[len - 1] != '\n')
			putchar('\n');
		rows -= rows_needed(p, p->line, len);
	}
	return 1;
}

static void clear_screen(void)
{
	fputs("\033[H\033[2J", stdout);
}

/* Back one page: clear the screen and show the page before the one on it. */
static void page_back(struct pager *p)
{
	long top = p->next - 2 * (p->rows - 1);

	p->next = top > 0 ? top : 0;
	clear_screen();
	show_rows(p, p->rows - 1);
}

/* Read a search pattern at the prompt (echoed, ended by Enter); empty: keep the old one. */
static void read_pattern(struct pager *p)
{
	char text[256];
	size_t len = 0;
	int c;

	fputs("/", stdout);
	fflush(stdout);
	while ((c = read_key()) != '\n' && c != '\r' && len < sizeof text - 1) {
		if ((c == 127 || c == '\b') && len > 0) {
			len--;
			fputs("\b \b", stdout);
		} else if (c >= ' ' && c != 127) {
			text[len++] = c;
			putchar(c);
		}
		fflush(stdout);
	}
	text[len] = '\0';
	if (len == 0)
		return;
	if (p->have_pattern)
		regfree(&p->pattern);
	p->have_pattern = regex_compile(&p->pattern, text, REG_NOSUB) == 0;
}

/* Search forward for the pattern and show a page starting at the matching line. */
static void search(struct pager *p)
{
	long start = p->next;
	off_t before = ftello(p->in);
	ssize_t len;

	fputs("\r\033[K", stdout);
	if (!p->have_pattern) {
		fputs("No previous pattern", stdout);
		return;
	}
	while ((len = read_line(p)) >= 0) {
		int newline = len > 0 && p->line[len - 1] == '\n';
		if (newline)
			p->line[len - 1] = '\0';
		if (regexec(&p->pattern, p->line, 0, NULL, 0) == 0) {
			printf("...skipping\n%s\n", p->line);
			show_rows(p, p->rows - 3);
			return;
		}
	}
	if (p->seekable) {	/* a pipe cannot go back: there the search used up the text */
		p->next = start;
		fseeko(p->in, before, SEEK_SET);
	}
	fputs("Pattern not found", stdout);
}

/* The prompt: reverse video "--More--(NN%)" while the size is known. */
static void prompt(const struct pager *p)
{
	off_t here = ftello(p->in);

	if (p->size > 0 && here >= 0)
		printf("\033[7m--More--(%d%%)\033[0m", (int)(here * 100 / p->size));
	else
		fputs("\033[7m--More--\033[0m", stdout);
	fflush(stdout);
}

/* Page through one open file. Returns 0, or -1 when the user quit. */
static int page_file(struct pager *p)
{
	int more = show_rows(p, p->rows - 1);

	while (more) {
		int key;
		prompt(p);
		key = read_key();
		fputs("\r\033[K", stdout);
		switch (key) {
		case 'q': case 'Q':
			return -1;
		case ' ': case 'f':
			more = show_rows(p, p->rows - 1);
			break;
		case '\n': case '\r': case 'j':
			more = show_rows(p, 1);
			break;
		case 'b':
			if (p->seekable)
				page_back(p);
			else
				putchar('\a');
			break;
		case '/':
			read_pattern(p);
			/* fall through */
		case 'n':
			search(p);
			break;
		default:
			fputs("[space: next page, Enter: next line, b: back, /RE: search, q: quit]", stdout);
			break;
		}
	}
	return 0;
}

static int page_path(const char *path, int rows, int cols)
{
	struct pager p;
	struct stat st;
	int result;

	memset(&p, 0, sizeof p);
	p.name = path;
	p.rows = rows;
	p.cols = cols;
	p.in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (p.in == NULL) {
		warn("%s:", path);
		return 1;
	}
	if (fstat(fileno(p.in), &st) == 0 && S_ISREG(st.st_mode)) {
		p.size = st.st_size;
		p.seekable = 1;
	}
	result = page_file(&p);
	if (p.in != stdin)
		fclose(p.in);
	if (p.have_pattern)
		regfree(&p.pattern);
	free(p.starts);
	free(p.line);
	return result < 0 ? -1 : 0;
}

int more_main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct options o;
	int rows, cols, status = 0;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	argv += o.index;
	if (*argv == NULL && isatty(STDIN_FILENO))
		usage_error(usage, "no file, and standard input is a terminal");
	if (*argv == NULL)
		argv = stdin_only;
	if (!isatty(STDOUT_FILENO) || start_keyboard() < 0)
		return copy_files_to_stdout(argv);	/* not a terminal: as cat */
	terminal_size(STDOUT_FILENO, &rows, &cols);
	for (int i = 0; argv[i]; i++) {
		int result;
		if (argv[1])	/* several files: a header before each */
			printf("::::::::::::::\n%s\n::::::::::::::\n", argv[i]);
		result = page_path(argv[i], rows, cols);
		if (result < 0)
			break;
		status |= result;
		if (argv[i + 1]) {
			printf("\033[7m--More--(Next file: %s)\033[0m", argv[i + 1]);
			fflush(stdout);
			if (read_key() == 'q')
				break;
			fputs("\r\033[K", stdout);
		}
	}
	fflush(stdout);
	restore_terminal();
	return status;
}
