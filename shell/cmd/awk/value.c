/*
 * value.c: awk's values (cells): making them, turning numbers into strings and
 * back, truth, comparison, and the printf/sprintf formatter.
 *
 * The rule to remember: a string constant is a string, an arithmetic result is
 * a number, and what comes from input (fields, getline, split, ARGV, ENVIRON)
 * is a "strnum": a string that also compares as a number if it looks like one.
 * Two values compare as numbers when both are numeric, else as strings.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "escape.h"
#include "awk.h"

void runtime_error(const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	fflush(stdout);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	warn("line %d: %s", current_line, msg);
	exit(2);
}

/* ---- making cells ---- */

/* The length of the decimal number at s (sign, digits, point, exponent), or 0. */
static size_t number_length(const char *s)
{
	size_t i = 0, digits = 0;

	if (s[i] == '+' || s[i] == '-')
		i++;
	for (; is_digit(s[i]); i++)
		digits++;
	if (s[i] == '.')
		for (i++; is_digit(s[i]); i++)
			digits++;
	if (!digits)
		return 0;
	if ((s[i] | 32) == 'e') {
		size_t e = i + 1;

		if (s[e] == '+' || s[e] == '-')
			e++;
		if (is_digit(s[e])) {
			while (is_digit(s[e]))
				e++;
			i = e;
		}
	}
	return i;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int all_digits(const char *s, size_t len)
{
	while (len--)
		if (!is_digit(*s++))
			return 0;
	return 1;
}

/* Up to 15 digits: exact in a double, and much faster than strtod (input is full of them). */
static double whole_number(const char *s, size_t len)
{
	long long n = 0;

	while (len--)
		n = n * 10 + (*s++ - '0');
	return n;
}

/* The number at the start of s (after blanks), or 0: how awk reads "3abc" as 3. */
static double leading_number(const char *s, size_t *len)
{
	char small[64], *copy;
	double d;

	while (is_blank(*s))
		s++;
	*len = number_length(s);
	if (!*len)
		return 0;
	if (*len <= 15 && all_digits(s, *len))
		return whole_number(s, *len);
	/* strtod would also take "0x1f" and "inf": hand it the decimal part only */
	copy = *len < sizeof small ? small : xmalloc(*len + 1);
	memcpy(copy, s, *len);
	copy[*len] = '\0';
	d = strtod(copy, NULL);
	if (copy != small)
		free(copy);
	return d;
}

static double str_to_num(const char *s)
{
	size_t len;

	return s ? leading_number(s, &len) : 0;
}

/* A whole string that is a number, with blanks around it allowed. */
static int looks_numeric(const char *s, double *d)
{
	size_t len;

	while (is_blank(*s))
		s++;
	*d = leading_number(s, &len);
	if (!len)
		return 0;
	for (s += len; is_blank(*s); s++)
		;
	return *s == '\0';
}

struct cell strnum_take(char *s)
{
	struct cell c = { C_STR, 0, s };

	if (looks_numeric(s, &c.num))
		c.flags |= C_NUM | C_NUMERIC;
	return c;
}

/*
 * xstrndup without its strnlen: uClibc's strndup measures the length and copies
 * a byte at a time, and fields and records are copied on every line.
 */
char *copy_text(const char *s, size_t len)
{
	char *copy = xmalloc(len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

struct cell strnum_cell(const char *s)
{
	return strnum_take(xstrdup(s));
}

struct cell copy_cell(const struct cell *c)
{
	struct cell copy = *c;

	if (c->str)
		copy.str = xstrdup(c->str);
	return copy;
}

void free_cell(struct cell *c)
{
	free(c->str);
	c->str = NULL;
}

/* ---- conversions ---- */

double to_num(const struct cell *c)
{
	return c->flags & C_NUM ? c->num : str_to_num(c->str);
}

/*
 * An integral number prints as an integer; any other through fmt (CONVFMT or
 * OFMT). A format with %s (CONVFMT = "%s") turns the number into a string,
 * which formats it again: that inner time, %.6g does it, or it would never end.
 */
static char *format_number(double d, const struct var *fmt_var)
{
	static int formatting;
	char buf[64], *text;
	const char *fmt = fmt_var->val.flags & C_STR && fmt_var->val.str ? fmt_var->val.str : "%.6g";

	if (d > -1e16 && d < 1e16 && d == (double)(long long)d) {
		snprintf(buf, sizeof buf, "%lld", (long long)d);
		return xstrdup(buf);
	}
	struct cell arg = num_cell(d);
	formatting++;
	text = sprintf_cells(formatting > 1 ? "%.6g" : fmt, &arg, 1, NULL);
	formatting--;
	return text;
}

char *to_str(const struct cell *c)
{
	if (c->flags & C_STR)
		return xstrdup(c->str ? c->str : "");
	return format_number(c->num, v_CONVFMT);
}

char *take_string(struct cell *c)
{
	char *s;

	if (!(c->flags & C_STR) || !c->str)
		return to_str(c);
	s = c->str;
	c->str = NULL;
	return s;
}

char *to_output_str(const struct cell *c)
{
	if (c->flags & C_STR)
		return xstrdup(c->str ? c->str : "");
	return format_number(c->num, v_OFMT);
}

int to_bool(const struct cell *c)
{
	if (c->flags & C_NUMERIC)
		return to_num(c) != 0;
	return c->str && c->str[0];
}

int compare_cells(const struct cell *a, const struct cell *b)
{
	if (a->flags & b->flags & C_NUMERIC) {
		double x = to_num(a), y = to_num(b);

		return x < y ? -1 : x > y;
	}
	char *s = to_str(a), *t = to_str(b);
	int r = strcmp(s, t);

	free(s);
	free(t);
	return r;
}

/* The value of a command-line assignment, var=value: escapes are decoded. */
char *unescape_assignment(const char *s)
{
	struct strbuf b = { 0 };

	while (*s) {
		char c = *s++;

		if (c == '\\' && *s) {
			int byte = decode_escape(&s, 0);

			if (byte == '\\' && *s && *s != '\\')
				c = *s++;	/* an unknown escape: the character itself */
			else
				c = byte == ESCAPE_STOP ? 'c' : byte;
		}
		sb_addn(&b, &c, 1);
	}
	return sb_take(&b);
}

/* ---- printf ---- */

/* A double as a long long, without the undefined behaviour of an out-of-range cast. */
static long long to_integer(double d)
{
	if (d != d)
		return 0;
	if (d >= 9.2e18)
		return 9200000000000000000LL;
	if (d <= -9.2e18)
		return -9200000000000000000LL;
	return (long long)d;
}

/* Append a number to spec (a '*' width or precision), within sane bounds. */
static void add_star(char *spec, size_t *n, double d)
{
	long long v = to_integer(d);

	if (v > 4096)
		v = 4096;
	if (v < -4096)
		v = -4096;
	*n += snprintf(spec + *n, 24, "%lld", v);
}

/* Copy a width or precision, at most 5 digits of it (no 1 GB wide fields). */
static size_t add_digits(char *spec, size_t n, const char **fmt)
{
	int count = 0;

	for (; is_digit(**fmt); (*fmt)++)
		if (count++ < 5)
			spec[n++] = **fmt;
	return n;
}

/* A width or a precision: '*' takes it from the next argument, else digits. */
static size_t add_width(char *spec, size_t n, const char **fmt, struct cell *args,
			int nargs, int *used)
{
	if (**fmt != '*')
		return add_digits(spec, n, fmt);
	add_star(spec, &n, *used < nargs ? to_num(&args[(*used)++]) : 0);
	(*fmt)++;
	return n;
}

/*
 * One conversion: spec holds "%" and the flags, width and precision; conv is the
 * letter. Appends the formatted arg to out.
 */
static void format_one(struct strbuf *out, char *spec, size_t n, char conv, struct cell *arg)
{
	char *text = NULL;
	int len;

	if (strchr("diouxX", conv)) {
		spec[n++] = 'l';
		spec[n++] = 'l';
		spec[n++] = conv == 'i' ? 'd' : conv;
		spec[n] = '\0';
		len = asprintf(&text, spec, to_integer(to_num(arg)));
	} else if (strchr("eEfFgG", conv)) {
		spec[n++] = conv == 'F' ? 'f' : conv;
		spec[n] = '\0';
		len = asprintf(&text, spec, to_num(arg));
	} else {
		char *s, one[2] = { 0, 0 };

		if (conv == 'c' && !(arg->flags & C_STR)) {
			one[0] = (char)to_integer(to_num(arg));
			s = xstrdup(one);
		} else {
			s = to_str(arg);
			if (conv == 'c')
				s[s[0] != '\0'] = '\0';
		}
		spec[n++] = 's';
		spec[n] = '\0';
		if (conv == 'c' && one[0] == '\0' && !(arg->flags & C_STR)) {
			/* %c of 0 is a NUL byte: padded as any character, then put in */
			len = asprintf(&text, spec, "x");
			if (len >= 0)
				*strchr(text, 'x') = '\0';
		} else {
			len = asprintf(&text, spec, s);
		}
		free(s);
	}
	if (len < 0)
		die("out of memory");
	sb_addn(out, text, len);
	free(text);
}

char *sprintf_cells(const char *fmt, struct cell *args, int nargs, size_t *out_len)
{
	struct strbuf out = { 0 };
	struct cell unset = UNSET_CELL;
	int used = 0;

	while (*fmt) {
		char spec[64];
		size_t n = 0;

		if (*fmt != '%') {
			size_t plain = strcspn(fmt, "%");

			sb_addn(&out, fmt, plain);
			fmt += plain;
			continue;
		}
		if (fmt[1] == '%') {
			sb_addn(&out, "%", 1);
			fmt += 2;
			continue;
		}
		spec[n++] = *fmt++;
		while (*fmt && strchr("-+ #0", *fmt) && n < 8)
			spec[n++] = *fmt++;
		n = add_width(spec, n, &fmt, args, nargs, &used);
		if (*fmt == '.') {
			spec[n++] = *fmt++;
			n = add_width(spec, n, &fmt, args, nargs, &used);
		}
		while (*fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'q')
			fmt++;
		/* (no %a: uClibc has no hexadecimal floats, and would print decimal) */
		if (!*fmt || !strchr("diouxXeEfFgGcs", *fmt)) {
			sb_addn(&out, spec, n);	/* not a conversion: print it as it is */
			continue;
		}
		format_one(&out, spec, n, *fmt++, used < nargs ? &args[used++] : &unset);
	}
	if (out_len)
		*out_len = out.len;
	return sb_take(&out);
}
