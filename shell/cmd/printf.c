/*
 * printf: write formatted output (POSIX printf). Also the shell's builtin
 * printf: it runs inside the shell, many times over in loops, so all its state
 * lives in one struct on the stack and it returns its status instead of exiting.
 *
 * The format is C's printf format, with the conversions d i o u x X c s e E f F
 * g G a A, flags, width and precision (`*` takes them from the arguments), plus
 * %b (an argument with echo-style escapes) and the escapes \n \t \NNN \xHH ...
 * in the format itself. Numeric arguments may be written as C constants (0x1F,
 * 017) or as 'c (the character's value). The format is reused as long as
 * arguments remain.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "escape.h"
#include "hexfloat.h"

static const char usage[] =
	"Usage: printf FORMAT [ARGUMENT]...\n"
	"Write the ARGUMENTs under the control of FORMAT, as C's printf does.\n"
	"Conversions: %d %i %o %u %x %X %c %s %b %e %E %f %F %g %G %a %A %%;\n"
	"escapes: \\a \\b \\e \\f \\n \\r \\t \\v \\\\ \\NNN \\xHH \\c.\n";

struct printf_run {
	char **args;	/* the arguments not used yet */
	int status;	/* 1 once an argument was not a valid number */
	int stopped;	/* \c was seen: no further output */
};

/* The next argument, or NULL when they ran out (numbers then count as 0, strings as ""). */
static const char *next_arg(struct printf_run *run)
{
	return *run->args ? *run->args++ : NULL;
}

/* Report a numeric argument that did not convert well; parsing went from arg to end. */
static void check_number(struct printf_run *run, const char *arg, const char *end)
{
	if (errno == ERANGE)
		warn("'%s': Numerical result out of range", arg);
	else if (end == arg)
		warn("'%s': expected a numeric value", arg);
	else if (*end != '\0')
		warn("'%s': value not completely converted", arg);
	else
		return;
	run->status = 1;
}

/* A 'c or "c argument means the value of the character c. */
static int is_char_constant(const char *arg)
{
	return arg[0] == '\'' || arg[0] == '"';
}

static long long signed_arg(struct printf_run *run)
{
	const char *arg = next_arg(run);
	char *end;
	long long value;

	if (arg == NULL)
		return 0;
	if (is_char_constant(arg))
		return (unsigned char)arg[1];
	errno = 0;
	value = strtoll(arg, &end, 0);
	check_number(run, arg, end);
	return value;
}

static unsigned long long unsigned_arg(struct printf_run *run)
{
	const char *arg = next_arg(run);
	char *end;
	unsigned long long value;

	if (arg == NULL)
		return 0;
	if (is_char_constant(arg))
		return (unsigned char)arg[1];
	errno = 0;
	value = strtoull(arg, &end, 0);
	check_number(run, arg, end);
	return value;
}

static double float_arg(struct printf_run *run)
{
	const char *arg = next_arg(run);
	char *end;
	double value;

	if (arg == NULL)
		return 0;
	if (is_char_constant(arg))
		return (unsigned char)arg[1];
	errno = 0;
	value = strtod(arg, &end);
	check_number(run, arg, end);
	return value;
}

/* Expand the escapes of a %b argument into out (as long as arg at most). Returns its length. */
static size_t expand_b_argument(struct printf_run *run, const char *arg, char *out)
{
	size_t len = 0;

	while (*arg) {
		int byte;
		if (*arg != '\\') {
			out[len++] = *arg++;
			continue;
		}
		arg++;
		byte = decode_escape(&arg, 1);
		if (byte == ESCAPE_STOP) {
			run->stopped = 1;
			break;
		}
		out[len++] = byte;
	}
	return len;
}

/* Write len bytes of s (at most precision, if >= 0) padded to width; width < 0 pads on the right. */
static void print_padded(const char *s, size_t len, int width, int precision, int left)
{
	size_t pad;

	if (precision >= 0 && len > (size_t)precision)
		len = precision;
	if (width < 0) {
		left = 1;
		width = -width;
	}
	pad = (size_t)width > len ? width - len : 0;
	if (!left)
		while (pad-- > 0)
			putchar(' ');
	fwrite(s, 1, len, stdout);
	if (left)
		while (pad-- > 0)
			putchar(' ');
}

/* The %c, %s and %b conversions. */
static void print_string(struct printf_run *run, char conversion, const char *flags, int width, int precision)
{
	const char *arg = next_arg(run);
	int left = strchr(flags, '-') != NULL;

	if (arg == NULL)
		arg = "";
	if (conversion == 'c') {
		print_padded(arg, *arg ? 1 : 0, width, -1, left);
	} else if (conversion == 's') {
		print_padded(arg, strlen(arg), width, precision, left);
	} else {
		char *expanded = xmalloc(strlen(arg) + 1);
		print_padded(expanded, expand_b_argument(run, arg, expanded), width, precision, left);
		free(expanded);
	}
}

/*
 * Print one conversion whose flags (a NUL-terminated copy), width and precision
 * (-1: none) are known, by handing a rebuilt specification to C's printf.
 */
static void print_number(struct printf_run *run, char conversion, const char *flags, int width, int precision)
{
	char spec[16];

	if (strchr("di", conversion)) {
		snprintf(spec, sizeof spec, "%%%s*.*ll%c", flags, conversion);
		printf(spec, width, precision, signed_arg(run));
	} else if (strchr("ouxX", conversion)) {
		snprintf(spec, sizeof spec, "%%%s*.*ll%c", flags, conversion);
		printf(spec, width, precision, unsigned_arg(run));
	} else {
		snprintf(spec, sizeof spec, "%%%s*.*%c", flags, conversion);
		printf(spec, width, precision, float_arg(run));
	}
}

/* %a and %A: uClibc-ng's printf was built without them; libmini/hexfloat.c has them. */
static void print_hex_float(struct printf_run *run, int upper, const char *flags, int width, int precision)
{
	char *text;

	if (width < 0) {	/* a negative '*' width: left-justified, as C's printf */
		char left_flags[16];
		snprintf(left_flags, sizeof left_flags, "%s-", flags);
		text = format_hex_float(float_arg(run), left_flags, -width, precision, upper);
	} else {
		text = format_hex_float(float_arg(run), flags, width, precision, upper);
	}
	fputs(text, stdout);
	free(text);
}

/* A width or precision: digits in the format, or '*' for the next argument. */
static int read_field_size(struct printf_run *run, const char **p)
{
	int value = 0;

	if (**p == '*') {
		long long arg;
		(*p)++;
		arg = signed_arg(run);
		/* bounded as the digits below are, not cut to an int: 99999999999 is no
		 * width of 1215752191 (found by fuzzing) */
		return arg > 1000000 ? 1000000 : arg < -1000000 ? -1000000 : (int)arg;
	}
	while (**p >= '0' && **p <= '9' && value < 100000)
		value = value * 10 + (*(*p)++ - '0');
	return value;
}

/*
 * Print the conversion starting at the '%' that *p points to and move *p past it.
 * Returns -1 for an invalid specification.
 */
static int print_conversion(struct printf_run *run, const char **p)
{
	const char *start = *p, *s = *p + 1;
	char flags[8];
	size_t flag_count = strspn(s, "-+ #0");
	int width, precision = -1;

	if (*s == '%') {
		putchar('%');
		*p = s + 1;
		return 0;
	}
	if (flag_count >= sizeof flags)
		flag_count = sizeof flags - 1;
	memcpy(flags, s, flag_count);
	flags[flag_count] = '\0';
	s += strspn(s, "-+ #0");
	width = read_field_size(run, &s);
	if (*s == '.') {
		s++;
		precision = read_field_size(run, &s);
		if (precision < 0)
			precision = -1;
	}
	s += strspn(s, "hlLjqtz");	/* C's length modifiers mean nothing here */
	if (*s == '\0' || strchr("diouxXeEfFgGaAcsb", *s) == NULL) {
		int len = *s ? (int)(s - start) + 1 : (int)(s - start);
		warn("%.*s: invalid conversion specification", len, start);
		return -1;
	}
	if (strchr("csb", *s))
		print_string(run, *s, flags, width, precision);
	else if (*s == 'a' || *s == 'A')
		print_hex_float(run, *s == 'A', flags, width, precision);
	else
		print_number(run, *s, flags, width, precision);
	*p = s + 1;
	return 0;
}

/* One pass over the format. Returns -1 after an invalid conversion. */
static int print_format(struct printf_run *run, const char *format)
{
	const char *p = format;

	while (*p && !run->stopped) {
		if (*p == '%') {
			if (print_conversion(run, &p) < 0)
				return -1;
		} else if (*p == '\\') {
			int byte;
			p++;
			byte = decode_escape(&p, 0);
			if (byte == ESCAPE_STOP)
				run->stopped = 1;
			else
				putchar(byte);
		} else {
			putchar(*p++);
		}
	}
	return 0;
}

int printf_main(int argc, char **argv)
{
	struct printf_run run = { NULL, 0, 0 };
	const char *format;

	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		show_help(usage);
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		argv++;
	format = argv[1];
	if (format == NULL) {
		warn("missing operand");
		fputs(usage, stderr);
		return 2;
	}
	run.args = argv + 2;
	/* Reuse the format while it consumes arguments and some are left. */
	for (;;) {
		char **before = run.args;
		if (print_format(&run, format) < 0) {
			run.status = 1;
			break;
		}
		if (run.stopped || *run.args == NULL || run.args == before)
			break;
	}
	if (flush_stdout() < 0)
		return 1;
	return run.status;
}
