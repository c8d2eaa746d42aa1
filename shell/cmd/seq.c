/*
 * seq: print a sequence of numbers (GNU seq: -f, -s, -w).
 * Plain decimal numbers like 0.1 are counted exactly as scaled integers
 * (0.1 is 1 tenth), so "seq 0 0.1 1" really ends at 1.0; numbers with
 * exponents, and -f formats, use doubles.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: seq [-w] [-s SEP] [-f FORMAT] [FIRST [STEP]] LAST\n"
	"Print the numbers from FIRST (default 1) to LAST, STEP (default 1) apart.\n"
	"  -w         pad with zeros to equal width\n"
	"  -s SEP     put SEP between numbers (default a newline)\n"
	"  -f FORMAT  printf format for each number, e.g. %.2f\n";

/* A number as digits and a count of decimals: "-1.25" is -125 with 2 decimals. */
struct decimal {
	long long scaled;
	int decimals;
};

/* Parse [-+]digits[.digits]; returns 0, or -1 for anything else (exponents...). */
static int parse_decimal(const char *s, struct decimal *d)
{
	int negative = *s == '-', digits = 0;

	if (*s == '-' || *s == '+')
		s++;
	d->scaled = 0;
	d->decimals = -1;
	for (; *s; s++) {
		if (*s == '.' && d->decimals < 0) {
			d->decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || ++digits > 17)
			return -1;
		d->scaled = d->scaled * 10 + (*s - '0');
		if (d->decimals >= 0)
			d->decimals++;
	}
	if (digits == 0)
		return -1;
	if (d->decimals < 0)
		d->decimals = 0;
	if (negative)
		d->scaled = -d->scaled;
	return 0;
}

static long long rescale(struct decimal d, int decimals)
{
	while (d.decimals++ < decimals)
		d.scaled *= 10;
	return d.scaled;
}

/* Format scaled/10^decimals, zero-padded to width (after any minus sign). */
static void format_decimal(char *buf, long long scaled, int decimals, int width)
{
	char digits[40];
	unsigned long long u = scaled < 0 ? -(unsigned long long)scaled : (unsigned long long)scaled;
	int len = snprintf(digits, sizeof digits, "%0*llu", decimals + 1, u);
	char *p = buf;

	if (scaled < 0)
		*p++ = '-';
	len = len + (decimals > 0);		/* the decimal point */
	for (int pad = width - len - (scaled < 0); pad > 0; pad--)
		*p++ = '0';
	memcpy(p, digits, strlen(digits) - decimals);
	p += strlen(digits) - decimals;
	if (decimals > 0) {
		*p++ = '.';
		memcpy(p, digits + strlen(digits) - decimals, decimals);
		p += decimals;
	}
	*p = '\0';
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/*
 * The numbers from first to last; equal_width (-w) pads them with zeros to the widest
 * of first, last and typed_width (the operands as typed: "seq -w 003" counts 3 digits).
 */
static void seq_exact(struct decimal first, struct decimal step, struct decimal last,
		      const char *sep, int equal_width, int typed_width)
{
	/* Output as many decimals as FIRST and STEP have; compare at LAST's scale if finer. */
	int decimals = first.decimals > step.decimals ? first.decimals : step.decimals;
	int scale = last.decimals > decimals ? last.decimals : decimals;
	long long a = rescale(first, scale), s = rescale(step, scale), z = rescale(last, scale);
	long long unit = 1;	/* 10^(scale - decimals): from the compared scale to the shown one */
	int width = 0;
	char buf[64];

	for (int i = decimals; i < scale; i++)
		unit *= 10;
	if (equal_width) {
		format_decimal(buf, a / unit, decimals, 0);
		width = strlen(buf);
		format_decimal(buf, z / unit, decimals, 0);
		/* A LAST like -0.05 shown with fewer decimals is "-0": its sign still counts. */
		if ((int)strlen(buf) + (z < 0 && z / unit == 0) > width)
			width = strlen(buf) + (z < 0 && z / unit == 0);
		if (typed_width > width)
			width = typed_width;
	}
	for (int n = 0; s > 0 ? a <= z : a >= z; a += s, n++) {
		format_decimal(buf, a / unit, decimals, width);
		fputs(n ? sep : "", stdout);
		fputs(buf, stdout);
	}
}

static void seq_double(double first, double step, double last, const char *sep, const char *format)
{
	int n = 0;

	for (double x = first; step > 0 ? x <= last : x >= last; x = first + ++n * step) {
		fputs(n ? sep : "", stdout);
		printf(format, x);
	}
}

/* A -f format must hold exactly one floating conversion. */
static void check_format(const char *format)
{
	int conversions = 0;

	for (const char *p = format; *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '%') {
			p++;
			continue;
		}
		p += strspn(p + 1, "-+ #0123456789.") + 1;
		if (!strchr("eEfgGaA", *p))
			usage_error(usage, "invalid format '%s'", format);
		conversions++;
	}
	if (conversions != 1)
		usage_error(usage, "format '%s' needs one %% directive", format);
}

/* The value of -s or -f: the rest of the word ("-s,") or the next word ("-s ,"). */
static const char *option_value(int argc, char **argv, int *i)
{
	if (argv[*i][2] != '\0')
		return argv[*i] + 2;
	if (*i + 1 >= argc)
		usage_error(usage, "option '%s' needs an argument", argv[*i]);
	return argv[++*i];
}

int seq_main(int argc, char **argv)
{
	const char *sep = "\n", *format = NULL, *operands[3];
	int equal_width = 0, n = 0;
	struct decimal d[3] = { { 1, 0 }, { 1, 0 }, { 0, 0 } };
	double v[3] = { 1, 1, 0 };
	int exact = 1, typed_width = 0, i;

	/* Options by hand: "-1" is a negative number, not an option. */
	for (i = 1; i < argc && argv[i][0] == '-' && !isdigit((unsigned char)argv[i][1])
		    && argv[i][1] != '.'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--help") == 0)
			show_help(usage);
		if (strcmp(argv[i], "-w") == 0)
			equal_width = 1;
		else if (starts_with(argv[i], "-s"))
			sep = option_value(argc, argv, &i);
		else if (starts_with(argv[i], "-f"))
			format = option_value(argc, argv, &i);
		else
			usage_error(usage, "unknown option '%s'", argv[i]);
	}
	for (; i < argc; i++) {
		if (n == 3)
			usage_error(usage, "extra operand '%s'", argv[i]);
		operands[n++] = argv[i];
	}
	if (n == 0)
		usage_error(usage, "missing operand");
	/* One operand is LAST; two are FIRST LAST; three FIRST STEP LAST. */
	for (int k = 0; k < n; k++) {
		int slot = n == 1 ? 2 : n == 2 ? (k == 0 ? 0 : 2) : k;
		char *end;
		v[slot] = strtod(operands[k], &end);
		if (end == operands[k] || *end)
			usage_error(usage, "invalid floating point argument: '%s'", operands[k]);
		if (parse_decimal(operands[k], &d[slot]) < 0)
			exact = 0;
		if (slot != 1 && d[slot].decimals == 0)	/* an integer FIRST or LAST, zeros and all */
			typed_width = max_int(typed_width, strlen(operands[k]) - (operands[k][0] == '+'));
	}
	if (v[1] == 0)
		usage_error(usage, "invalid Zero increment value: '%s'", operands[1]);
	if (format) {
		check_format(format);
		seq_double(v[0], v[1], v[2], sep, format);
	} else if (exact) {
		seq_exact(d[0], d[1], d[2], sep, equal_width, typed_width);
	} else {
		seq_double(v[0], v[1], v[2], sep, "%g");
	}
	/* The newline at the end comes only after at least one number. */
	if (v[1] > 0 ? v[0] <= v[2] : v[0] >= v[2])
		putchar('\n');
	return flush_stdout() < 0;
}
