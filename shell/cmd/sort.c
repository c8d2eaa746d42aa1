/*
 * sort: sort, merge or check lines of text (POSIX sort, plus GNU's -h, -V, -s, -z).
 *
 * Every input is read whole into memory and cut into lines; an array of pointers
 * to the lines is merge-sorted (stable, n log n, no recursion into libc's qsort).
 * Without keys and options two lines compare by memcmp, in byte order: mini has
 * no locales. -o may name an input file: the output is opened only after all
 * input has been read.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "mini.h"
#include "lines.h"
#include "copy.h"

static const char usage[] =
	"Usage: sort [-bcCdfghMmnrsuVz] [-k POS1[,POS2]]... [-t SEP] [-o FILE] [FILE]...\n"
	"Sort the lines of all FILEs (standard input for none or -) together.\n"
	"  -b  ignore leading blanks         -d  only blanks and alphanumerics count\n"
	"  -f  fold lower case to upper      -g  general numbers (1e3, 0x10 ...)\n"
	"  -h  human sizes (2K < 1M)         -M  month names (JAN < FEB)\n"
	"  -n  numbers                       -V  version numbers (a2 < a10)\n"
	"  -r  reverse                       -s  stable: equal lines keep their order\n"
	"  -u  only the first of equal lines -z  lines end in NUL, not newline\n"
	"  -c / -C  check that input is sorted (-C: silently)\n"
	"  -m  merge sorted files            -o FILE  write to FILE (may be an input)\n"
	"  -t SEP  fields are separated by SEP (default: runs of blanks)\n"
	"  -k POS1[,POS2]  sort by a key: field F[.C][flags], e.g. -k2,2n -k3r\n";

/* Ordering flags, for the whole line or for one key. */
enum {
	BLANKS_START = 1, BLANKS_END = 2, DICTIONARY = 4, FOLD = 8, GENERAL = 16,
	HUMAN = 32, MONTH = 64, NUMERIC = 128, REVERSE = 256, VERSION = 512
};

struct key {
	int start_field, start_char;	/* 1-based */
	int end_field, end_char;	/* end_field 0: to the end of the line; end_char 0: end of field */
	int flags;
};

/* A line, and its number for -n, worked out once (see quick_number). */
struct line {
	const char *s;
	size_t len;
	double number;
};

/*
 * What the merge sort moves around: two machine words. The prefix is the
 * line's first 4 bytes as a big-endian number, so in plain byte order most
 * comparisons are decided without touching the line at all (fewer cache misses).
 */
struct item {
	unsigned long prefix;
	struct line *line;
};

static struct key *keys;
static int nkeys;
static int global_flags, stable, unique;
static int separator = -1;	/* -t: the field separator, or -1 for blank runs */
static char delimiter = '\n';

/* ---- parsing -k ---- */

static int parse_flags(const char **p, int end)
{
	int flags = 0;

	for (;; (*p)++) {
		switch (**p) {
		case 'b': flags |= end ? BLANKS_END : BLANKS_START; break;
		case 'd': flags |= DICTIONARY; break;
		case 'f': flags |= FOLD; break;
		case 'g': flags |= GENERAL; break;
		case 'h': flags |= HUMAN; break;
		case 'M': flags |= MONTH; break;
		case 'n': flags |= NUMERIC; break;
		case 'r': flags |= REVERSE; break;
		case 'V': flags |= VERSION; break;
		default: return flags;
		}
	}
}

static void add_key(const char *spec)
{
	struct key k = { 0 };
	const char *p = spec;
	char *end;

	k.start_field = strtol(p, &end, 10);
	p = end;
	if (*p == '.') {
		k.start_char = strtol(p + 1, &end, 10);
		p = end;
	}
	k.flags = parse_flags(&p, 0);
	if (*p == ',') {
		k.end_field = strtol(p + 1, &end, 10);
		p = end;
		if (*p == '.') {
			k.end_char = strtol(p + 1, &end, 10);
			p = end;
		}
		k.flags |= parse_flags(&p, 1);
	}
	if (*p != '\0' || k.start_field < 1 || k.start_char < 0 || k.end_field < 0)
		usage_error(usage, "invalid key '%s'", spec);
	if (k.start_char == 0)
		k.start_char = 1;
	keys = xrealloc(keys, (nkeys + 1) * sizeof *keys);
	keys[nkeys++] = k;
}

/* ---- finding a key in a line ---- */

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The start of field n (1-based) of [s, end), or end when there are fewer fields. */
static const char *field_start(const char *s, const char *end, int n)
{
	while (--n > 0 && s < end) {
		if (separator >= 0) {
			const char *sep = memchr(s, separator, end - s);
			s = sep ? sep + 1 : end;
		} else {
			while (s < end && is_blank(*s))
				s++;
			while (s < end && !is_blank(*s))
				s++;
		}
	}
	return s;
}

/* The end of the field starting at s. */
static const char *field_end(const char *s, const char *end)
{
	if (separator >= 0) {
		const char *sep = memchr(s, separator, end - s);
		return sep ? sep : end;
	}
	while (s < end && is_blank(*s))
		s++;
	while (s < end && !is_blank(*s))
		s++;
	return s;
}

static void find_key(const struct key *k, const struct line *l, const char **ks, const char **ke)
{
	const char *end = l->s + l->len, *s, *e;

	s = field_start(l->s, end, k->start_field);
	if (k->flags & BLANKS_START)
		while (s < end && is_blank(*s))
			s++;
	s += k->start_char - 1;
	if (s > end)
		s = end;
	if (k->end_field == 0) {
		e = end;
	} else {
		e = field_start(l->s, end, k->end_field);
		if (k->end_char == 0) {
			e = field_end(e, end);
		} else {
			if (k->flags & BLANKS_END)
				while (e < end && is_blank(*e))
					e++;
			e += k->end_char;
			if (e > end)
				e = end;
		}
	}
	*ks = s;
	*ke = e < s ? s : e;
}

/* ---- comparing ---- */

/* Numbers as sort -n reads them: [blanks][-]digits[.digits], compared exactly. */
static int compare_numeric(const char *a, const char *ae, const char *b, const char *be)
{
	int neg_a, neg_b, result = 0;
	const char *ai, *bi;
	size_t alen, blen;

	while (a < ae && is_blank(*a))
		a++;
	while (b < be && is_blank(*b))
		b++;
	neg_a = a < ae && *a == '-';
	neg_b = b < be && *b == '-';
	a += neg_a;
	b += neg_b;
	while (a < ae && *a == '0')
		a++;
	while (b < be && *b == '0')
		b++;
	for (ai = a; ai < ae && isdigit((unsigned char)*ai); ai++)
		;
	for (bi = b; bi < be && isdigit((unsigned char)*bi); bi++)
		;
	alen = ai - a;
	blen = bi - b;
	if (alen != blen) {
		result = alen < blen ? -1 : 1;
	} else {
		result = memcmp(a, b, alen);
		if (result == 0) {	/* equal integer parts: compare the fractions */
			a = ai < ae && *ai == '.' ? ai + 1 : ae;
			b = bi < be && *bi == '.' ? bi + 1 : be;
			for (;;) {
				int da = a < ae && isdigit((unsigned char)*a) ? *a++ : '0';
				int db = b < be && isdigit((unsigned char)*b) ? *b++ : '0';
				if (da != db) {
					result = da - db;
					break;
				}
				if (!(a < ae && isdigit((unsigned char)*a)) && !(b < be && isdigit((unsigned char)*b)))
					break;
			}
		}
	}
	if (neg_a != neg_b) {
		/* -0 equals 0; otherwise the negative one is smaller */
		int zero_a = alen == 0 && result <= 0, zero_b = blen == 0 && result >= 0;
		if (zero_a && zero_b && result == 0)
			return 0;
		return neg_a ? -1 : 1;
	}
	return neg_a ? -result : result;
}

static int compare_general(const char *a, const char *ae, const char *b, const char *be)
{
	char *buf_a = xstrndup(a, ae - a), *buf_b = xstrndup(b, be - b), *end_a, *end_b;
	double x = strtod(buf_a, &end_a), y = strtod(buf_b, &end_b);
	int bad_a = end_a == buf_a, bad_b = end_b == buf_b;

	free(buf_a);
	free(buf_b);
	if (bad_a || bad_b)	/* things that are not numbers sort first */
		return bad_b - bad_a;
	return x < y ? -1 : x > y;
}

/* -h's unit after a number: 1 for K (or k), 2 for M... 8 for Y; 0 for none (GNU's letters). */
static int unit_rank(const char *p, const char *end)
{
	static const char units[] = "KMGTPEZY";
	const char *found;

	if (p >= end || *p == '\0')
		return 0;
	if (*p == 'k')		/* the one lower-case letter GNU takes: SI's kilo */
		return 1;
	found = strchr(units, *p);
	return found ? found - units + 1 : 0;
}

/* -h: 2K < 1M; the unit decides first, then the number. */
static int compare_human(const char *a, const char *ae, const char *b, const char *be)
{
	const char *ua = a, *ub = b;
	int ra, rb, neg;

	while (ua < ae && (isdigit((unsigned char)*ua) || *ua == '.' || *ua == '-' || is_blank(*ua)))
		ua++;
	while (ub < be && (isdigit((unsigned char)*ub) || *ub == '.' || *ub == '-' || is_blank(*ub)))
		ub++;
	ra = unit_rank(ua, ae);
	rb = unit_rank(ub, be);
	neg = memchr(a, '-', ua - a) != NULL;
	if (ra != rb && neg == (memchr(b, '-', ub - b) != NULL))
		return neg ? rb - ra : ra - rb;
	return compare_numeric(a, ua, b, ub);
}

static int month_number(const char *s, const char *e)
{
	static const char months[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

	while (s < e && is_blank(*s))
		s++;
	if (e - s < 3)
		return 0;
	for (int m = 0; m < 12; m++)
		if (toupper((unsigned char)s[0]) == months[3 * m] && toupper((unsigned char)s[1]) == months[3 * m + 1]
		    && toupper((unsigned char)s[2]) == months[3 * m + 2])
			return m + 1;
	return 0;
}

/* -V's order of non-digits (Debian's version rules): ~ first, then letters, then the rest. */
static int version_order(const char *p, const char *end)
{
	unsigned char c = p < end ? *p : 0;

	if (p >= end || isdigit(c))
		return 0;
	if (isalpha(c))
		return c;
	if (c == '~')
		return -1;
	return c + 256;
}

/*
 * -V: alternate runs of non-digits (compared with version_order) and runs of
 * digits (compared as numbers), as dpkg compares versions: a2 < a10, 1.9 < 1.10.
 */
static int compare_version(const char *a, const char *ae, const char *b, const char *be)
{
	while (a < ae || b < be) {
		int first_diff = 0;
		while ((a < ae && !isdigit((unsigned char)*a)) || (b < be && !isdigit((unsigned char)*b))) {
			int ac = version_order(a, ae), bc = version_order(b, be);
			if (ac != bc)
				return ac - bc;
			a += a < ae;
			b += b < be;
		}
		while (a < ae && *a == '0')
			a++;
		while (b < be && *b == '0')
			b++;
		for (; a < ae && b < be && isdigit((unsigned char)*a) && isdigit((unsigned char)*b); a++, b++)
			if (!first_diff)
				first_diff = *a - *b;
		if (a < ae && isdigit((unsigned char)*a))
			return 1;
		if (b < be && isdigit((unsigned char)*b))
			return -1;
		if (first_diff)
			return first_diff;
	}
	return 0;
}

/* -d and -f: compare byte by byte, skipping or folding. */
static int compare_text(const char *a, const char *ae, const char *b, const char *be, int flags)
{
	for (;;) {
		if (flags & DICTIONARY) {
			while (a < ae && !isalnum((unsigned char)*a) && !is_blank(*a))
				a++;
			while (b < be && !isalnum((unsigned char)*b) && !is_blank(*b))
				b++;
		}
		if (a == ae || b == be)
			return (a < ae) - (b < be);
		int ca = (unsigned char)*a++, cb = (unsigned char)*b++;
		if (flags & FOLD) {
			ca = toupper(ca);
			cb = toupper(cb);
		}
		if (ca != cb)
			return ca - cb;
	}
}

static int compare_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);

	if (r)
		return r;
	return alen < blen ? -1 : alen > blen;
}

static int compare_by(const char *a, const char *ae, const char *b, const char *be, int flags)
{
	int r;

	if (flags & NUMERIC)
		r = compare_numeric(a, ae, b, be);
	else if (flags & GENERAL)
		r = compare_general(a, ae, b, be);
	else if (flags & HUMAN)
		r = compare_human(a, ae, b, be);
	else if (flags & MONTH)
		r = month_number(a, ae) - month_number(b, be);
	else if (flags & VERSION)
		r = compare_version(a, ae, b, be);
	else if (flags & (DICTIONARY | FOLD))
		r = compare_text(a, ae, b, be, flags);
	else
		r = compare_bytes(a, ae - a, b, be - b);
	return flags & REVERSE ? -r : r;
}

/* Compare by the keys only (what -u calls equal). */
static int compare_keys(const struct line *x, const struct line *y)
{
	const char *as, *ae, *bs, *be;
	int r;

	if (nkeys == 0) {	/* the whole line is the key; -b skips its leading blanks */
		const char *a = x->s, *b = y->s;
		if (global_flags & BLANKS_START) {
			while (a < x->s + x->len && is_blank(*a))
				a++;
			while (b < y->s + y->len && is_blank(*b))
				b++;
		}
		return compare_by(a, x->s + x->len, b, y->s + y->len, global_flags);
	}
	for (int i = 0; i < nkeys; i++) {
		find_key(&keys[i], x, &as, &ae);
		find_key(&keys[i], y, &bs, &be);
		if ((r = compare_by(as, ae, bs, be, keys[i].flags)) != 0)
			return r;
	}
	return 0;
}

/*
 * -n without keys: each line's number, worked out once before sorting so most
 * comparisons are one comparison of doubles. NAN marks a number too long to be
 * exact in a double; those compare the slow, exact way.
 */
static struct line *lines;
static int use_numbers;

static double quick_number(const char *s, const char *end)
{
	double value = 0, scale = 1;
	int negative, digits = 0;

	while (s < end && is_blank(*s))
		s++;
	negative = s < end && *s == '-';
	s += negative;
	for (; s < end && isdigit((unsigned char)*s); s++, digits++)
		value = value * 10 + (*s - '0');
	if (s < end && *s == '.')
		for (s++; s < end && isdigit((unsigned char)*s); s++, digits++)
			value += (*s - '0') * (scale /= 10);
	if (digits > 15)
		return NAN;
	return negative ? -value : value;
}

static void compute_numbers(size_t n)
{
	use_numbers = 1;
	for (size_t i = 0; i < n; i++)
		lines[i].number = quick_number(lines[i].s, lines[i].s + lines[i].len);
}

/* The first 4 bytes as a number; a shorter line is padded with zeros. */
static unsigned long prefix_of(const struct line *l)
{
	const unsigned char *s = (const unsigned char *)l->s;
	unsigned long prefix = 0;

	for (size_t j = 0; j < 4; j++)
		prefix = prefix << 8 | (j < l->len ? s[j] : 0);
	return prefix;
}

/* The full order: keys, then (unless -s or -u) the whole lines as a last resort. */
static int compare_lines(const struct line *x, const struct line *y)
{
	int r;

	if (use_numbers) {
		double a = x->number, b = y->number;
		if (a != b && a == a && b == b)		/* a == a: not NAN */
			return (a < b ? -1 : 1) * (global_flags & REVERSE ? -1 : 1);
	}
	r = compare_keys(x, y);

	/* Without keys and with no flag but -r, the lines were compared whole already. */
	if (r || stable || unique || (nkeys == 0 && (global_flags & ~REVERSE) == 0))
		return r;
	r = compare_bytes(x->s, x->len, y->s, y->len);
	return global_flags & REVERSE ? -r : r;
}

/* The order used without any key or flag: plain bytes, the common case kept short. */
static int compare_plain(const struct item *x, const struct item *y)
{
	const struct line *a = x->line, *b = y->line;
	size_t known;

	if (x->prefix != y->prefix)
		return x->prefix < y->prefix ? -1 : 1;
	/* Equal prefixes of two lines of 4 bytes or more: those 4 bytes are equal. */
	known = a->len >= 4 && b->len >= 4 ? 4 : 0;
	return compare_bytes(a->s + known, a->len - known, b->s + known, b->len - known);
}

static int compare_items(const struct item *x, const struct item *y)
{
	return compare_lines(x->line, y->line);
}

/* ---- sorting: a stable merge sort of pointers ---- */

static int (*compare)(const struct item *, const struct item *) = compare_items;

/* Short runs: insertion sort (stable too) beats recursing down to single items. */
static void insertion_sort(struct item *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct item x = a[i];
		size_t j = i;
		for (; j > 0 && compare(&x, &a[j - 1]) < 0; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

static void merge_sort(struct item *a, struct item *tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n <= 8) {
		insertion_sort(a, n);
		return;
	}
	merge_sort(a, tmp, half);
	merge_sort(a + half, tmp, n - half);
	if (compare(&a[half - 1], &a[half]) <= 0)
		return;		/* already in order: common for sorted input and -m */
	memcpy(tmp, a, half * sizeof *a);
	while (i < half && j < n)
		a[k++] = compare(&a[j], &tmp[i]) < 0 ? a[j++] : tmp[i++];
	while (i < half)
		a[k++] = tmp[i++];
}

/* ---- input and output ---- */

static size_t nlines, lines_cap;

static void split_lines(char *data, size_t len)
{
	char *p = data, *end = data + len;

	while (p < end) {
		char *nl = find_byte(p, delimiter, end - p);
		if (nl == NULL)
			nl = end;
		if (nlines == lines_cap) {
			lines_cap = lines_cap ? 2 * lines_cap : 4096;
			lines = xrealloc(lines, lines_cap * sizeof *lines);
		}
		lines[nlines].s = p;
		lines[nlines].len = nl - p;
		nlines++;
		p = nl + 1;
	}
}

/*
 * A whole input in one buffer. A regular file's size is known: one allocation
 * and no copying (read_file grows its buffer as it goes, for pipes).
 */
static char *read_input(const char *path, size_t *len)
{
	struct stat st;
	char *data;
	ssize_t got;
	int fd;

	if (strcmp(path, "-") == 0)
		return read_file(path, len);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return read_file(path, len);
	}
	data = xmalloc(st.st_size + 1);
	got = read_full(fd, data, st.st_size);
	close(fd);
	if (got < 0) {
		free(data);
		return NULL;
	}
	data[got] = '\0';
	*len = got;
	return data;
}

/* -c / -C: report the first line that is out of order. */
static int check_sorted(int quietly, const char *name)
{
	for (size_t i = 1; i < nlines; i++) {
		int r = compare_lines(&lines[i - 1], &lines[i]);
		if (r > 0 || (unique && r == 0)) {
			if (!quietly)
				fprintf(stderr, "sort: %s:%lu: disorder: %.*s\n", name,
					(unsigned long)i + 1, (int)lines[i].len, lines[i].s);
			return 1;
		}
	}
	return 0;
}

/* Write the sorted lines to f (skipping repeats with -u). Returns 0, or -1 on a write error. */
static int print_sorted(FILE *f, struct item *items, size_t count, int unique)
{
	for (size_t i = 0; i < count; i++) {
		if (unique && i > 0 && compare_keys(items[i - 1].line, items[i].line) == 0)
			continue;
		fwrite(items[i].line->s, 1, items[i].line->len, f);
		putc(delimiter, f);
	}
	return fflush(f) != 0 || ferror(f) ? -1 : 0;
}

/* What write_output hands to write_new_file. */
struct sorted {
	struct item *items;
	size_t count;
	int unique;
};

static int fill_output(int fd, void *data)
{
	struct sorted *sorted = data;
	FILE *f = fdopen(dup(fd), "w");
	int result;

	if (f == NULL)
		return -1;
	setvbuf(f, NULL, _IOFBF, 65536);
	result = print_sorted(f, sorted->items, sorted->count, sorted->unique);
	if (fclose(f) != 0 || result < 0) {
		warn("write error:");
		return -1;
	}
	return 0;
}

/*
 * -o FILE: the output goes to a new file renamed over FILE only when it is whole,
 * so "sort -o f f" on a full disk leaves f as it was. A new FILE gets the mode
 * 0666 less the umask, as a file sort created itself would.
 */
static int write_output(const char *path, struct item *items, size_t count, int unique)
{
	struct sorted sorted = { items, count, unique };
	struct stat like;

	if (stat(path, &like) < 0) {
		mode_t mask = umask(0);
		umask(mask);
		memset(&like, 0, sizeof like);
		like.st_mode = S_IFREG | (0666 & ~mask);
		like.st_uid = geteuid();
		like.st_gid = getegid();
	}
	like.st_atim.tv_nsec = like.st_mtim.tv_nsec = UTIME_NOW;	/* written now */
	return write_new_file(path, &like, fill_output, &sorted) ? 2 : 0;
}

int sort_main(int argc, char **argv)
{
	struct options o;
	int c, check = 0, status = 0;
	const char *output = NULL;
	struct item *items, *tmp;
	static char *stdin_only[] = { "-", NULL };
	FILE *out = stdout;
	char letter[2] = "";
	const char *flag, *check_name;

	options_start(&o, argc, argv, "bcCdfghMmnrsuVzk:o:t:T:S:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': case 'C': check = c; break;
		case 'm': break;	/* merging is sorting already-sorted input */
		case 's': stable = 1; break;
		case 'u': unique = 1; break;
		case 'z': delimiter = '\0'; break;
		case 'k': add_key(o.arg); break;
		case 'o': output = o.arg; break;
		case 'T': case 'S': break;	/* temp dir, buffer size: everything is in memory */
		case 't':
			if (strlen(o.arg) != 1 && strcmp(o.arg, "\\0") != 0)
				usage_error(usage, "the separator must be one character");
			separator = strcmp(o.arg, "\\0") == 0 ? 0 : (unsigned char)o.arg[0];
			break;
		default:
			letter[0] = c;
			flag = letter;
			global_flags |= parse_flags(&flag, 0);
		}
	}
	/* Keys without flags of their own take the global ones (as in GNU sort). */
	for (int i = 0; i < nkeys; i++)
		if (keys[i].flags == 0)
			keys[i].flags = global_flags | (global_flags & BLANKS_START ? BLANKS_END : 0);
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;
	if (check && argv[1])
		usage_error(usage, "-c takes one file");
	check_name = *argv;

	for (; *argv; argv++) {
		size_t len;
		char *data = read_input(*argv, &len);
		if (data == NULL) {
			warn("cannot read %s:", *argv);
			return 2;	/* POSIX: 1 is for -c finding disorder, more for trouble */
		}
		split_lines(data, len);
	}
	if (check)
		return check_sorted(check == 'C', check_name);

	if (nkeys == 0 && global_flags == 0)
		compare = compare_plain;
	if (nkeys == 0 && (global_flags & ~REVERSE) == NUMERIC)
		compute_numbers(nlines);
	items = xmalloc((nlines + 1) * sizeof *items);
	tmp = xmalloc((nlines / 2 + 1) * sizeof *tmp);
	for (size_t i = 0; i < nlines; i++) {
		items[i].line = &lines[i];
		items[i].prefix = prefix_of(&lines[i]);
	}
	merge_sort(items, tmp, nlines);

	if (output)
		return write_output(output, items, nlines, unique);
	setvbuf(out, NULL, _IOFBF, 65536);
	if (print_sorted(out, items, nlines, unique) < 0) {
		warn("write error:");
		status = 2;
	}
	return status;
}
