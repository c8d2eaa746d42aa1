/*
 * cut: print selected parts of lines (POSIX cut, plus GNU's --complement and
 * --output-delimiter). No locale: -c counts bytes, like -b.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: cut -b LIST | -c LIST | -f LIST [-d DELIM] [-sn] [--complement]\n"
	"           [--output-delimiter=STRING] [FILE]...\n"
	"Print the selected bytes, characters or fields of each line.\n"
	"  -b LIST  bytes            -c LIST  characters (bytes: no locales here)\n"
	"  -f LIST  fields           -d DELIM the field delimiter (default tab)\n"
	"  -s       with -f, skip lines without a delimiter\n"
	"  --complement  select everything except LIST\n"
	"LIST is numbers and ranges separated by commas: 1,3-5,7-,-2\n";

/*
 * The list as a table: selected[i] says whether position i+1 is picked, for
 * i < table_size; every position from open_from on is picked too (a "N-" range).
 */
static char *selected;
static size_t table_size;
static size_t open_from = (size_t)-1;
static int complement;

static int is_selected(size_t pos)	/* 1-based */
{
	int in = pos >= open_from || (pos <= table_size && selected[pos - 1]);

	return in != complement;
}

static void parse_list(const char *list)
{
	const char *p = list;

	while (*p) {
		char *end;
		size_t from = 1, to;
		if (*p != '-') {
			from = strtoul(p, &end, 10);
			if (end == p || from == 0)
				usage_error(usage, "invalid list '%s'", list);
			p = end;
		}
		to = from;
		if (*p == '-') {
			p++;
			if (*p == ',' || *p == '\0') {
				to = (size_t)-1;
			} else {
				to = strtoul(p, &end, 10);
				if (end == p || to < from)
					usage_error(usage, "invalid range in '%s'", list);
				p = end;
			}
		}
		if (to == (size_t)-1) {
			if (from < open_from)
				open_from = from;
		} else {
			if (to > table_size) {
				selected = xrealloc(selected, to);
				memset(selected + table_size, 0, to - table_size);
				table_size = to;
			}
			memset(selected + from - 1, 1, to - from + 1);
		}
		if (*p == ',')
			p++;
		else if (*p != '\0')
			usage_error(usage, "invalid list '%s'", list);
	}
}

static void cut_bytes(const char *line, size_t len, const char *out_delim)
{
	int printed = 0;
	size_t last = 0;

	for (size_t i = 0; i < len; i++) {
		if (!is_selected(i + 1))
			continue;
		/* Between separate ranges comes the output delimiter, if one was given. */
		if (out_delim && printed && last != i)
			fputs(out_delim, stdout);
		putchar(line[i]);
		printed = 1;
		last = i + 1;
	}
	putchar('\n');
}

static void cut_fields(const char *line, size_t len, char delim, const char *out_delim,
		       int only_delimited)
{
	const char *p = line, *end = line + len;
	size_t field = 1;
	int printed = 0;

	if (memchr(line, delim, len) == NULL) {
		if (!only_delimited) {
			fwrite(line, 1, len, stdout);
			putchar('\n');
		}
		return;
	}
	for (;; field++) {
		const char *stop = memchr(p, delim, end - p);
		if (stop == NULL)
			stop = end;
		if (is_selected(field)) {
			if (printed) {
				if (out_delim)
					fputs(out_delim, stdout);
				else
					putchar(delim);
			}
			fwrite(p, 1, stop - p, stdout);
			printed = 1;
		}
		if (stop == end)
			break;
		p = stop + 1;
	}
	putchar('\n');
}

/* Take GNU's two long options out of argv. */
static int take_long_options(int argc, char **argv, const char **out_delim)
{
	int kept = 1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--complement") == 0)
			complement = 1;
		else if (starts_with(argv[i], "--output-delimiter="))
			*out_delim = argv[i] + strlen("--output-delimiter=");
		else
			argv[kept++] = argv[i];
	}
	argv[kept] = NULL;
	return kept;
}

/* What to cut, as the options said. */
struct cut {
	int mode;		/* 'b', 'c' or 'f' */
	int only_delimited;	/* -s */
	char delim;
	const char *out_delim;	/* --output-delimiter, or NULL */
};

/* each_line's work: one line, cut, with its '\n' (even the last line's: GNU's and BusyBox's way). */
static int cut_line(const char *line, size_t len, void *data)
{
	const struct cut *cut = data;

	if (cut->mode == 'f')
		cut_fields(line, len, cut->delim, cut->out_delim, cut->only_delimited);
	else
		cut_bytes(line, len, cut->out_delim);
	return 0;
}

int cut_main(int argc, char **argv)
{
	struct options o;
	struct cut cut = { .delim = '\t' };
	int c;

	argc = take_long_options(argc, argv, &cut.out_delim);
	options_start(&o, argc, argv, "b:c:f:d:sn", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'b': case 'c': case 'f':
			if (cut.mode)
				usage_error(usage, "only one of -b, -c or -f");
			cut.mode = c;
			parse_list(o.arg);
			break;
		case 'd':
			if (strlen(o.arg) > 1)
				usage_error(usage, "the delimiter must be one character");
			cut.delim = o.arg[0];
			break;
		case 's':
			cut.only_delimited = 1;
			break;
		}
	}
	if (!cut.mode)
		usage_error(usage, "one of -b, -c or -f is needed");
	return each_line(argv + o.index, cut_line, &cut);
}
