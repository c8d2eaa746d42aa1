/*
 * awk.c: the awk command (POSIX "awk"): reads the command line, hands the
 * program text to the parser (parse.c) and runs it (run.c).
 *
 *	awk [-F sep] [-v var=value]... 'program' | -f progfile... [file | var=value]...
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "lines.h"
#include "awk.h"

static const char usage[] =
	"Usage: awk [-F SEP] [-v VAR=VALUE]... 'PROGRAM' | -f PROGFILE... [FILE | VAR=VALUE]...\n"
	"Run the awk PROGRAM on each record (line) of the FILEs or standard input.\n"
	"  -F SEP        the field separator: one character, or a regular expression\n"
	"  -v VAR=VALUE  set VAR before the program starts (BEGIN)\n"
	"  -f PROGFILE   read the program from PROGFILE (more -f: the files joined)\n";

/* Append the text of a -f file to the program. */
static void add_program_file(struct strbuf *program, const char *path)
{
	size_t len;
	char *text = read_file(path, &len);

	if (!text) {
		warn("%s:", path);
		exit(2);
	}
	sb_addn(program, text, strlen(text));
	sb_addn(program, "\n", 1);
	free(text);
}

static void set_argv(char **operands, int count)
{
	struct array *argv = var_array(v_ARGV);
	char key[16];

	for (int i = 0; i < count; i++) {
		snprintf(key, sizeof key, "%d", i);
		*array_ref(argv, key, 1) = strnum_cell(operands[i]);
	}
	set_var(v_ARGC, num_cell(count));
}

int awk_main(int argc, char **argv)
{
	extern char **environ;
	struct options o;
	struct strbuf program = { 0 };
	char *fs = NULL;
	int c, have_program = 0;

	/* uClibc's malloc grows the heap a page at a time: a split() of a million
	 * fields made 13,000 brk calls. A quarter megabyte at a time, as needed. */
	mallopt(M_TOP_PAD, 256 << 10);
	exit_status = 0;
	init_globals(environ);
	options_start(&o, argc, argv, "F:v:f:", usage);
	while ((c = options_next(&o)) != -1)
		switch (c) {
		case 'F':
			fs = o.arg;
			break;
		case 'v':
			if (!try_assignment(o.arg))
				usage_error(usage, "-v needs VAR=VALUE, not '%s'", o.arg);
			break;
		case 'f':
			add_program_file(&program, o.arg);
			have_program = 1;
			break;
		}
	argv += o.index;
	argc -= o.index;
	if (!have_program) {
		if (argc < 1)
			usage_error(usage, "no program");
		sb_adds(&program, argv[0]);
		argv++;
		argc--;
	}
	if (fs)
		set_var(v_FS, str_cell(strcmp(fs, "t") == 0 ? xstrdup("\t") : unescape_assignment(fs)));
	/* ARGV[0] is "awk", then the operands after the program */
	argv[-1] = "awk";
	set_argv(argv - 1, argc + 1);
	parse_program(sb_take(&program));
	stdout_big_buffer();
	run_program();
	if (flush_stdout() != 0 && exit_status == 0)
		exit_status = 2;
	return exit_status;
}
