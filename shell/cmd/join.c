/*
 * join: join the lines of two files sorted on a common field (POSIX join).
 * Both files are read into memory; for each run of equal keys every line of
 * FILE1 is paired with every line of FILE2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: join [-a 1|2] [-v 1|2] [-e STRING] [-o LIST] [-t CHAR] [-1 FIELD] [-2 FIELD]\n"
	"            [-j FIELD] FILE1 FILE2\n"
	"Print a line for each pair of lines of FILE1 and FILE2 with equal join fields.\n"
	"  -1 F, -2 F  join on field F of FILE1, FILE2 (default 1); -j F both\n"
	"  -a N        also print the unpairable lines of file N\n"
	"  -v N        print only the unpairable lines of file N\n"
	"  -e STRING   put STRING in place of missing fields (with -o)\n"
	"  -o LIST     print these fields: N.F items and 0 (the join field)\n"
	"  -t CHAR     fields are separated by CHAR (default: runs of blanks)\n";

struct field { const char *s; size_t len; };

/* The fields of one line; the array is reused from line to line. */
struct fields { struct field *at; size_t cap; };

struct file {
	char **lines;
	size_t nlines, next;
	int join_field;		/* 1-based */
};

static int separator = -1;
static int print_unpaired[3], print_paired = 1;
static const char *empty_filler;
static struct { int file, field; } *outlist;	/* file 0 = the join field */
static int noutlist;

/* Cut a line into fields; returns how many. */
static int split(const char *line, struct fields *fields)
{
	const char *p = line;
	int n = 0;

	for (;;) {
		const char *start;
		if (separator < 0)
			while (*p == ' ' || *p == '\t')
				p++;
		if (*p == '\0' && (separator < 0 || n == 0 || p[-1] != separator))
			break;
		start = p;
		if (separator >= 0)
			p = strchrnul(p, separator);
		else
			while (*p && *p != ' ' && *p != '\t')
				p++;
		if ((size_t)n == fields->cap) {
			fields->cap = fields->cap ? 2 * fields->cap : 16;
			fields->at = xrealloc(fields->at, fields->cap * sizeof *fields->at);
		}
		fields->at[n].s = start;
		fields->at[n].len = p - start;
		n++;
		if (*p == '\0')
			break;
		p++;
	}
	return n;
}

/* The join field of a line (empty when missing). */
static struct field key_of(const char *line, int join_field)
{
	static struct fields fields;
	struct field none = { "", 0 };
	int n = split(line, &fields);

	return join_field <= n ? fields.at[join_field - 1] : none;
}

static int compare_keys(struct field a, struct field b)
{
	int r = memcmp(a.s, b.s, a.len < b.len ? a.len : b.len);

	return r ? r : (a.len > b.len) - (a.len < b.len);
}

static void put_sep(void)
{
	putchar(separator >= 0 ? separator : ' ');
}

static void put_field(struct field *fields, int n, int index)
{
	if (index < n)
		fwrite(fields[index].s, 1, fields[index].len, stdout);
	else if (empty_filler)
		fputs(empty_filler, stdout);
}

/* Print one output line; line1 or line2 may be NULL for an unpaired line. */
static void print_joined(const char *line1, int f1, const char *line2, int f2)
{
	static struct fields list1, list2;
	int n1 = line1 ? split(line1, &list1) : 0;
	int n2 = line2 ? split(line2, &list2) : 0;
	struct field *fields1 = list1.at, *fields2 = list2.at, *k;

	if (noutlist > 0) {
		for (int i = 0; i < noutlist; i++) {
			if (i > 0)
				put_sep();
			if (outlist[i].file == 0) {
				if (line1)
					put_field(fields1, n1, f1 - 1);
				else
					put_field(fields2, n2, f2 - 1);
			} else if (outlist[i].file == 1) {
				put_field(fields1, line1 ? n1 : 0, outlist[i].field - 1);
			} else {
				put_field(fields2, line2 ? n2 : 0, outlist[i].field - 1);
			}
		}
		putchar('\n');
		return;
	}
	k = line1 ? (f1 <= n1 ? &fields1[f1 - 1] : NULL) : (f2 <= n2 ? &fields2[f2 - 1] : NULL);
	if (k)
		fwrite(k->s, 1, k->len, stdout);
	for (int i = 0; i < n1; i++)
		if (i != f1 - 1) {
			put_sep();
			fwrite(fields1[i].s, 1, fields1[i].len, stdout);
		}
	for (int i = 0; i < n2; i++)
		if (i != f2 - 1) {
			put_sep();
			fwrite(fields2[i].s, 1, fields2[i].len, stdout);
		}
	putchar('\n');
}

static void load(struct file *f, const char *path)
{
	size_t len;
	char *data = read_file(path, &len), *p;

	if (data == NULL)
		die("%s:", path);
	for (p = data; p < data + len;) {
		char *nl = memchr(p, '\n', data + len - p);
		if (nl)
			*nl = '\0';
		f->lines = xrealloc(f->lines, (f->nlines + 1) * sizeof *f->lines);
		f->lines[f->nlines++] = p;
		p = nl ? nl + 1 : data + len;
	}
}

static int field_number(const char *arg)
{
	long long n;

	if (parse_long(arg, &n) < 0 || n < 1)
		usage_error(usage, "invalid field number '%s'", arg);
	return n;
}

static void parse_outlist(const char *list)
{
	char *copy = xstrdup(list), *item, *save;

	for (item = strtok_r(copy, ", ", &save); item; item = strtok_r(NULL, ", ", &save)) {
		outlist = xrealloc(outlist, (noutlist + 1) * sizeof *outlist);
		if (strcmp(item, "0") == 0) {
			outlist[noutlist].file = 0;
		} else if ((item[0] == '1' || item[0] == '2') && item[1] == '.') {
			outlist[noutlist].file = item[0] - '0';
			outlist[noutlist].field = field_number(item + 2);
		} else {
			usage_error(usage, "invalid field specifier '%s'", item);
		}
		noutlist++;
	}
	free(copy);
}

static int file_number(const char *arg)
{
	if (strcmp(arg, "1") != 0 && strcmp(arg, "2") != 0)
		usage_error(usage, "invalid file number '%s'", arg);
	return arg[0] - '0';
}

int join_main(int argc, char **argv)
{
	struct options o;
	struct file f1 = { 0 }, f2 = { 0 };
	int c;

	f1.join_field = f2.join_field = 1;
	options_start(&o, argc, argv, "1:2:j:a:v:e:o:t:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case '1': f1.join_field = field_number(o.arg); break;
		case '2': f2.join_field = field_number(o.arg); break;
		case 'j': f1.join_field = f2.join_field = field_number(o.arg); break;
		case 'a': print_unpaired[file_number(o.arg)] = 1; break;
		case 'v': print_unpaired[file_number(o.arg)] = 1; print_paired = 0; break;
		case 'e': empty_filler = o.arg; break;
		case 'o': parse_outlist(o.arg); break;
		case 't':
			if (strlen(o.arg) != 1)
				usage_error(usage, "the separator must be one character");
			separator = (unsigned char)o.arg[0];
			break;
		}
	}
	argv += o.index;
	if (argv[0] == NULL || argv[1] == NULL)
		usage_error(usage, "two files are needed");
	load(&f1, argv[0]);
	load(&f2, argv[1]);
	stdout_big_buffer();

	while (f1.next < f1.nlines || f2.next < f2.nlines) {
		struct field k1, k2;
		size_t end1, end2;
		int order;
		if (f1.next == f1.nlines) {
			order = 1;
		} else if (f2.next == f2.nlines) {
			order = -1;
		} else {
			k1 = key_of(f1.lines[f1.next], f1.join_field);
			k2 = key_of(f2.lines[f2.next], f2.join_field);
			order = compare_keys(k1, k2);
		}
		if (order < 0) {
			if (print_unpaired[1])
				print_joined(f1.lines[f1.next], f1.join_field, NULL, f2.join_field);
			f1.next++;
			continue;
		}
		if (order > 0) {
			if (print_unpaired[2])
				print_joined(NULL, f1.join_field, f2.lines[f2.next], f2.join_field);
			f2.next++;
			continue;
		}
		/* The runs of lines with this key in both files. */
		for (end1 = f1.next + 1; end1 < f1.nlines
		     && compare_keys(key_of(f1.lines[end1], f1.join_field), k1) == 0; end1++)
			;
		for (end2 = f2.next + 1; end2 < f2.nlines
		     && compare_keys(key_of(f2.lines[end2], f2.join_field), k2) == 0; end2++)
			;
		if (print_paired)
			for (size_t i = f1.next; i < end1; i++)
				for (size_t j = f2.next; j < end2; j++)
					print_joined(f1.lines[i], f1.join_field, f2.lines[j], f2.join_field);
		f1.next = end1;
		f2.next = end2;
	}
	return flush_stdout() < 0;
}
