/*
 * grep, egrep, fgrep: print lines that match patterns (POSIX grep, plus GNU's
 * -o -w -r -R -A -B -C -H -h -L -a -I and --color).
 *
 * Basic and extended regular expressions go to the C library's regcomp/regexec.
 * A pattern without special characters (and every -F pattern) is searched for
 * as a plain string with memchr+memcmp, which is much faster than a regex
 * engine. Exit status: 0 a line was selected, 1 none was, 2 trouble (but -q
 * with a selected line is 0 even after trouble, as POSIX says).
 *
 * Binary files, as in GNU grep and BusyBox: a file is binary from the moment a
 * NUL byte is seen in it (grep_fd says when grep looks). Its selected lines are
 * then not printed: one "Binary file NAME matches" line is, and the file is
 * left there. -c, -l, -L
 * and -q work as for text; -a treats every file as text, -I treats a binary
 * file as one that does not match.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "lines.h"
#include "pattern.h"

static const char usage[] =
	"Usage: grep [-EFGHILRZachilnoqrsvwxz] [-A N] [-B N] [-C N] [-m N] [--color[=WHEN]]\n"
	"            {PATTERN | -e PATTERN... | -f FILE...} [FILE]...\n"
	"Print the lines of each FILE (standard input for none or -) that match.\n"
	"  -E  extended regular expressions (egrep)   -F  fixed strings (fgrep)\n"
	"  -G  basic regular expressions (default)    -e P  a pattern; -f F  patterns in F\n"
	"  -i  ignore case      -v  select lines that do not match\n"
	"  -w  match whole words only                 -x  match whole lines only\n"
	"  -c  print a count of selected lines        -l / -L  print names of files with / without\n"
	"  -n  number lines     -o  print only the matched parts\n"
	"  -H / -h  print / hide file names           -q  quiet: exit status only\n"
	"  -s  no messages about unreadable files     -r / -R  search directories (-R follows links)\n"
	"  -A N / -B N / -C N  print N lines of context after / before / around matches\n"
	"  -m N  stop after N selected lines\n"
	"  -a  binary files are text                 -I  binary files never match\n"
	"      (binary: holds a NUL byte; a match prints \"Binary file NAME matches\")\n"
	"  -z  lines end with a NUL byte, not a newline (input and output)\n"
	"  -Z  a NUL byte after each file name, not ':' or a newline\n"
	"  --include=GLOB  search only files whose name matches GLOB\n"
	"  --exclude=GLOB  skip files whose name matches; --exclude-dir=GLOB  directories\n"
	"  --color=auto|always|never  highlight matches (auto: on a terminal)\n";

/* One pattern: a plain string, or a compiled regular expression. */
struct pattern {
	char *text;
	size_t len;
	int literal;
	regex_t re;
};

static struct pattern *patterns;
static int npatterns, patterns_room;
static char mode = 'G';			/* G basic, E extended, F fixed */
static int ignore_case, invert, word, whole_line, count_only, list_files, quiet;
static int no_messages, only_matching, line_numbers, recursive, color;
static int with_filename = -1;		/* -1: decide from the number of operands */
static long before = -1, after = -1;	/* -B, -A; -1 until given */
static long max_count = -1;		/* -m: stop after this many selected lines */
static char binary_files = 'b';		/* 'b' say "Binary file ... matches", -a 'a', -I 'I' */
static int selected_any, trouble;
static char eol = '\n';		/* the end of a line: -z makes it a NUL */
static int null_after_name;		/* -Z */
/* --include, --exclude, --exclude-dir: shell patterns on base names */
static char **includes, **excludes, **exclude_dirs;
static int include_count, exclude_count, exclude_dir_count;
static int printed_anything;		/* for the "--" between context groups */
static long last_printed;		/* number of the line printed last in this file */
static int fold_lines;			/* -i with a fixed string: search a lower-case copy */
static unsigned char lower[256];	/* case folding table for -i fixed strings */
static char *folded;			/* the line folded to lower case (-i, fixed strings) */
static size_t folded_size;

/* ---- compiling patterns ---- */

static void add_pattern(const char *text, size_t len)
{
	if (npatterns == patterns_room) {	/* doubling: -f may give 100000 */
		patterns_room = 2 * patterns_room + 16;
		patterns = xrealloc(patterns, patterns_room * sizeof *patterns);
	}
	patterns[npatterns].text = xstrndup(text, len);
	patterns[npatterns].len = len;
	npatterns++;
}

/* A -e argument or a line of -f: each line of it is a pattern of its own. */
static void add_patterns(const char *text)
{
	const char *nl;

	while ((nl = strchr(text, '\n')) != NULL) {
		add_pattern(text, nl - text);
		text = nl + 1;
	}
	add_pattern(text, strlen(text));
}

static void add_pattern_file(const char *path)
{
	size_t len;
	char *text = read_file(path, &len);

	if (text == NULL) {
		warn("%s:", path);
		exit(2);
	}
	if (len > 0 && text[len - 1] == '\n')
		text[len - 1] = '\0';
	if (len > 0)
		add_patterns(text);
	free(text);
}

/* True when text means itself in the current syntax: no regex character. */
static int is_literal(const char *text)
{
	const char *special = mode == 'E' ? "\\.[]*^$+?(){}|" : "\\.[]*^$";

	return mode == 'F' || strpbrk(text, special) == NULL;
}

static void compile_patterns(void)
{
	for (int i = 0; i < 256; i++)
		lower[i] = tolower(i);
	for (int i = 0; i < npatterns; i++) {
		struct pattern *p = &patterns[i];
		int flags = (mode == 'E' ? REG_EXTENDED : 0) | (ignore_case ? REG_ICASE : 0);
		int err;
		p->literal = is_literal(p->text);
		if (p->literal) {
			fold_lines |= ignore_case;
			if (ignore_case)
				for (size_t j = 0; j < p->len; j++)
					p->text[j] = lower[(unsigned char)p->text[j]];
			continue;
		}
		err = regex_compile(&p->re, p->text, flags);
		if (err != 0) {
			char msg[128];
			regerror(err, &p->re, msg, sizeof msg);
			warn("%s: %s", p->text, msg);
			exit(2);
		}
	}
}

static int is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Is line[start..end) a match -w and -x accept? */
static int accepted(const char *line, size_t len, size_t start, size_t end)
{
	if (whole_line)
		return start == 0 && end == len;
	if (!word)
		return 1;
	return (start == 0 || !is_word_char(line[start - 1]))
		&& (end == len || !is_word_char(line[end])) && end > start;
}

/*
 * Many plain strings (grep -F -f WORDS): searching the line once for each would
 * take time lines x patterns. Instead they go into a hash table by their first
 * KEY_MAX bytes (all of a shorter one), and at each position of the line the
 * prefixes of each length some pattern has are looked up: the time is that of
 * the line, whatever the count of patterns.
 */
#define MANY_LITERALS 8
#define KEY_MAX 8
static struct literal_set {
	unsigned key_lengths;	/* bit k set: some pattern has a key of k bytes */
	unsigned mask;		/* the number of buckets, a power of two, less one */
	int *first;		/* the first pattern of each bucket, or -1 */
	int *next;		/* the next pattern in the same bucket, or -1 */
} literals;
static int use_literal_set;
static int searched_singly;	/* patterns[0..this) are searched one by one */

/* The hash of a key: FNV-1a over its bytes, one at a time, with its length mixed in. */
static unsigned hash_step(unsigned h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}

static unsigned key_bucket(unsigned h, size_t key_length)
{
	return (h ^ (key_length * 0x9e3779b9u)) & literals.mask;
}

/* Put the literal patterns into the set, when there are enough of them. */
static void make_literal_set(void)
{
	int count = 0;
	unsigned buckets = 16;

	for (int i = 0; i < npatterns; i++) {
		if (!patterns[i].literal)
			continue;
		if (patterns[i].len == 0)
			return;		/* matches everywhere: nothing to hash it by */
		count++;
	}
	if (count < MANY_LITERALS)
		return;
	/* The others first, searched one by one; the literals after them, in the set. */
	searched_singly = 0;
	for (int i = 0; i < npatterns; i++)
		if (!patterns[i].literal) {
			struct pattern other = patterns[i];

			memmove(&patterns[searched_singly + 1], &patterns[searched_singly],
				(i - searched_singly) * sizeof *patterns);
			patterns[searched_singly++] = other;
		}
	while (buckets < 2u * count)
		buckets *= 2;
	literals.mask = buckets - 1;
	literals.first = xmalloc(buckets * sizeof *literals.first);
	literals.next = xmalloc(npatterns * sizeof *literals.next);
	memset(literals.first, -1, buckets * sizeof *literals.first);
	for (int i = npatterns - 1; i >= 0; i--) {
		const struct pattern *p = &patterns[i];
		size_t key = p->len < KEY_MAX ? p->len : KEY_MAX;
		unsigned h = 2166136261u, b;

		if (!p->literal)
			continue;
		for (size_t j = 0; j < key; j++)
			h = hash_step(h, p->text[j]);
		b = key_bucket(h, key);
		literals.next[i] = literals.first[b];
		literals.first[b] = i;
		literals.key_lengths |= 1u << key;
	}
	use_literal_set = 1;
}

/* The longest accepted pattern of bucket b at line[at..), if longer than *end - at. */
static int try_bucket(unsigned b, const char *where, const char *line, size_t len, size_t at,
		      size_t *start, size_t *end, int found)
{
	for (int i = literals.first[b]; i >= 0; i = literals.next[i]) {
		const struct pattern *p = &patterns[i];

		if (p->len > len - at || memcmp(where + at, p->text, p->len) != 0 ||
		    !accepted(line, len, at, at + p->len))
			continue;
		if (!found || at + p->len > *end) {
			*start = at;
			*end = at + p->len;
			found = 1;
		}
	}
	return found;
}

/* The earliest (then longest) accepted match of the literal set in line[from..len). */
static int search_literal_set(const char *line, size_t len, size_t from, size_t *start, size_t *end)
{
	const char *where = ignore_case ? folded : line;
	int found = 0;

	for (size_t at = from; at < len && !found; at++) {
		unsigned h = 2166136261u;

		for (size_t k = 1; k <= KEY_MAX && at + k <= len; k++) {
			h = hash_step(h, where[at + k - 1]);
			if (literals.key_lengths & (1u << k))
				found = try_bucket(key_bucket(h, k), where, line, len, at, start, end, found);
		}
	}
	return found;
}

/* ---- matching ---- */

/* Find pattern p in line[from..len); the match is [*start, *end). */
static int find_one(struct pattern *p, const char *line, size_t len, size_t from,
		    size_t *start, size_t *end)
{
	regmatch_t m;
	const char *hit;

	if (p->literal) {
		hit = find_string(line + from, len - from, p->text, p->len);
		if (hit == NULL)
			return 0;
		*start = hit - line;
		*end = *start + p->len;
		return 1;
	}
	m.rm_so = from;
	m.rm_eo = len;
	if (regexec(&p->re, line, 1, &m, REG_STARTEND | (from > 0 ? REG_NOTBOL : 0)) != 0)
		return 0;
	*start = m.rm_so;
	*end = m.rm_eo;
	return 1;
}


/* Like find_one, but only matches that -w and -x accept. */
static int find_accepted(struct pattern *p, const char *line, size_t len, size_t from,
			 size_t *start, size_t *end)
{
	while (from <= len && find_one(p, line, len, from, start, end)) {
		if (accepted(line, len, *start, *end))
			return 1;
		if (whole_line)
			return 0;	/* the leftmost longest match is not the line: none is */
		from = *start + 1;	/* not a whole word here: look further on */
	}
	return 0;
}

/* The earliest (then longest) match of any pattern in line[from..len). */
static int search(const char *line, size_t len, size_t from, size_t *start, size_t *end)
{
	size_t s, e;
	int found = 0;

	if (use_literal_set)
		found = search_literal_set(line, len, from, start, end);
	for (int i = 0; i < searched_singly; i++) {
		const char *where = patterns[i].literal && ignore_case ? folded : line;
		if (!find_accepted(&patterns[i], where, len, from, &s, &e))
			continue;
		if (!found || s < *start || (s == *start && e > *end)) {
			*start = s;
			*end = e;
			found = 1;
		}
	}
	return found;
}

/* -i with fixed strings: keep a lower-case copy of the line to search in. */
static void fold_line(const char *line, size_t len)
{
	if (len + 1 > folded_size) {
		folded_size = len + 1;
		folded = xrealloc(folded, folded_size);
	}
	for (size_t i = 0; i < len; i++)
		folded[i] = lower[(unsigned char)line[i]];
	folded[len] = '\0';
}

/* ---- output ---- */

/* GNU grep's default colors: file names magenta, numbers green, separators cyan, matches red. */
static void colored(const char *sgr, const char *text, size_t len)
{
	if (color)
		printf("\33[%sm\33[K", sgr);
	fwrite(text, 1, len, stdout);
	if (color)
		fputs("\33[m\33[K", stdout);
}

static void print_prefix(const char *name, long lineno, char sep)
{
	if (with_filename) {
		colored("35", name, strlen(name));
		if (null_after_name)
			putchar('\0');
		else
			colored("36", &sep, 1);
	}
	if (line_numbers) {
		char num[24];
		colored("32", num, sprintf(num, "%ld", lineno));
		colored("36", &sep, 1);
	}
}

/* Print a selected line (sep ':') or a context line (sep '-'). */
static void print_line(const char *name, long lineno, char sep, char *line, size_t len)
{
	size_t s, e, from = 0;

	if (only_matching) {
		while (from < len && search(line, len, from, &s, &e)) {
			if (e > s) {
				print_prefix(name, lineno, sep);
				colored("01;31", line + s, e - s);
				putchar(eol);
			}
			from = e > s ? e : s + 1;
		}
		return;
	}
	print_prefix(name, lineno, sep);
	if (color && sep == ':' && !invert) {
		while (from < len && search(line, len, from, &s, &e) && e > s) {
			fwrite(line + from, 1, s - from, stdout);
			colored("01;31", line + s, e - s);
			from = e;
		}
	}
	/*
	 * The byte after every line (its '\n', replaced by a NUL) is ours to use:
	 * put the newline back for a moment so the line goes out in one fwrite.
	 */
	line[len] = eol;
	fwrite(line + from, 1, len + 1 - from, stdout);
	line[len] = '\0';
}

/* ---- context lines (-B): the last few lines kept as copies ---- */

struct kept { char *text; size_t len; long lineno; };
static struct kept *ring;
static long ring_count, ring_next;

static void keep_line(const char *line, size_t len, long lineno)
{
	struct kept *k = &ring[ring_next];

	free(k->text);
	k->text = xstrndup(line, len);
	k->len = len;
	k->lineno = lineno;
	ring_next = (ring_next + 1) % before;
	if (ring_count < before)
		ring_count++;
}

/* Print a line, after a "--" when context is on and it does not follow the last one. */
static void emit(const char *name, long lineno, char sep, char *line, size_t len)
{
	if ((before > 0 || after > 0) && printed_anything && lineno != last_printed + 1)
		puts("--");
	/* -o prints no context lines, but like GNU grep counts them for the "--" */
	if (!(only_matching && sep == '-'))
		print_line(name, lineno, sep, line, len);
	printed_anything = 1;
	last_printed = lineno;
}

/* Print the lines kept before a match. */
static void flush_before(const char *name)
{
	long first = (ring_next - ring_count + before) % before;

	for (long i = 0; i < ring_count; i++) {
		struct kept *k = &ring[(first + i) % before];
		emit(name, k->lineno, '-', k->text, k->len);
	}
	ring_count = 0;
}

/* ---- reading files ---- */

/* How many newlines s[0..n) holds. */
static long count_newlines(const char *s, size_t n)
{
	const char *end = s + n;
	long count = 0;

	while ((s = find_byte(s, eol, end - s)) != NULL) {
		count++;
		s++;
	}
	return count;
}

/*
 * The fast path for one plain string: pass over the lines of the block already
 * read that do not hold it, with one find_string over the whole block instead
 * of a search per line. The line that runs past the end of the block is left
 * to lines_next, which reads the next block: so grep_fd sees every block come
 * in (for read_a_nul).
 * *lineno counts the lines passed over.
 */
static void skip_lines_without(struct lines *in, const struct pattern *p, long *lineno)
{
	char *block = in->buf + in->start;
	size_t size = in->end - in->start;
	const char *hit, *last;

	if (!in->eof) {		/* whole lines only: up to the last newline */
		last = memrchr(block, eol, size);
		size = last ? (size_t)(last + 1 - block) : 0;
	}
	hit = find_string(block, size, p->text, p->len);
	if (hit) {		/* stop at the start of the line holding it */
		last = memrchr(block, eol, hit - block);
		size = last ? (size_t)(last + 1 - block) : 0;
	}
	if (line_numbers)
		*lineno += count_newlines(block, size);
	in->start += size;
}

/*
 * Binary files: whether a NUL byte was read. When look is set, the bytes of the
 * line reader's buffer from *looked on are looked at. Those before *looked were
 * looked at already, or belong to lines handed out without a look (lines_next
 * puts a NUL in place of each one's newline, so they cannot be looked at any
 * more); line is the one just handed out, which began at old_start before the
 * call. To read more, lines_next drops the lines handed out from the front of
 * its buffer: *looked moves with the rest.
 */
static int read_a_nul(struct lines *in, size_t old_start, char *line, size_t len,
		      size_t *looked, int look)
{
	size_t dropped = old_start - (line - in->buf);
	size_t line_end = line + len + 1 - in->buf;
	int found = 0;

	*looked = *looked > dropped ? *looked - dropped : 0;
	if (look && *looked < in->end) {
		line[len] = '\n';	/* its newline back for the look */
		found = find_byte(in->buf + *looked, '\0', in->end - *looked) != NULL;
		line[len] = '\0';
		*looked = in->end;
	}
	if (*looked < line_end)
		*looked = line_end;
	return found;
}

/* Search one open file; returns the number of selected lines. */
static long grep_fd(int fd, const char *name)
{
	struct lines in;
	char *line;
	size_t len, s, e, old_start, looked = 0;
	long lineno = 0, selected = 0, after_left = 0;
	int printing = !count_only && !list_files && !quiet;
	/* One plain string, and no line but those holding it matters: search whole blocks. */
	int skip_fast = npatterns == 1 && patterns[0].literal && !ignore_case && !invert
			&& before == 0 && after == 0;
	/* Whether the file is binary matters to -I and to printing (not to -c, -l, -q, -a);
	 * with -z, NUL bytes end lines and say nothing. */
	int watch_nul = eol == '\n' && (binary_files == 'I' || (binary_files == 'b' && printing));
	/*
	 * Every block is looked at for NUL bytes as it is read, as GNU grep does,
	 * but the fast path looks only at the first and at those it selects a line
	 * from: looking at all would make it a third slower.
	 */
	int look_at_all = !skip_fast;
	int binary = 0, chosen;

	ring_count = ring_next = 0;
	last_printed = -1;
	lines_start(&in, fd, eol);
	for (;;) {
		if (selected == max_count && after_left == 0)
			break;		/* -m: enough, and no trailing context left to print */
		if (skip_fast)
			skip_lines_without(&in, &patterns[0], &lineno);
		old_start = in.start;
		if ((line = lines_next(&in, &len)) == NULL)
			break;
		lineno++;
		if (fold_lines)
			fold_line(line, len);
		chosen = search(line, len, 0, &s, &e) != invert;
		if (watch_nul && !binary)
			binary = read_a_nul(&in, old_start, line, len, &looked,
					    look_at_all || lineno == 1 || chosen);
		if (binary && binary_files == 'I') {
			selected = 0;	/* as if it did not match at all */
			break;
		}
		if (!chosen) {
			if (after_left > 0 && !binary) {
				emit(name, lineno, '-', line, len);
				after_left--;
			} else if (before > 0 && printing && !binary) {
				keep_line(line, len, lineno);
			}
			continue;
		}
		if (selected == max_count)
			break;		/* -m: enough (the trailing context of the last one is printed) */
		selected++;
		if (quiet)
			exit(0);
		if (list_files)
			break;
		if (binary) {		/* its lines are not printed: this says it matches */
			printf("Binary file %s matches\n", name);
			break;
		}
		if (!printing)
			continue;
		if (before > 0)
			flush_before(name);
		emit(name, lineno, ':', line, len);
		after_left = after;
	}
	if (in.error) {
		if (!no_messages)
			warn("%s: read error", name);
		trouble = 1;
	}
	lines_end(&in);
	return selected;
}

static void grep_path(const char *path, int top);
static char implicit_dot[] = ".";

/*
 * The directories being searched, from the operand down to the current one: with
 * -R, a symlink to one of them (d/up -> ..) would be a loop, searched again and
 * again (2^depth times with two such links).
 */
static struct dir_id { dev_t dev; ino_t ino; } *open_dirs;
static size_t open_dir_count, open_dir_room;

static int in_a_loop(const struct stat *st)
{
	for (size_t i = 0; i < open_dir_count; i++)
		if (open_dirs[i].dev == st->st_dev && open_dirs[i].ino == st->st_ino)
			return 1;
	return 0;
}

static void enter_dir(const struct stat *st)
{
	if (open_dir_count == open_dir_room) {
		open_dir_room = 2 * open_dir_room + 16;
		open_dirs = xrealloc(open_dirs, open_dir_room * sizeof *open_dirs);
	}
	open_dirs[open_dir_count].dev = st->st_dev;
	open_dirs[open_dir_count++].ino = st->st_ino;
}

/* -r: every entry of a directory (whose status is st), in name order. */
static void grep_directory(const char *path, const struct stat *st)
{
	struct dirent **entries;
	int n;

	if (in_a_loop(st)) {
		if (!no_messages)
			warn("%s: warning: recursive directory loop", path);
		return;
	}
	n = scandir(path, &entries, NULL, alphasort);

	if (n < 0) {
		if (!no_messages)
			warn("%s:", path);
		trouble = 1;
		return;
	}
	enter_dir(st);
	for (int i = 0; i < n; i++) {
		const char *e = entries[i]->d_name;
		if (strcmp(e, ".") != 0 && strcmp(e, "..") != 0) {
			/* "grep -r x" with no operand names files "d/a", not "./d/a", like GNU */
			char *child = path == implicit_dot ? xstrdup(e) : path_join(path, e);
			grep_path(child, 0);
			free(child);
		}
		free(entries[i]);
	}
	free(entries);
	open_dir_count--;
}

/* A file name of -l or -L, ended by a newline or (-Z) a NUL. */
static void print_name(const char *name)
{
	fputs(name, stdout);
	putchar(null_after_name ? '\0' : '\n');
}

/* What -l, -L (which win) or -c print for a file once it has been read. */
static void report_file(const char *name, long selected)
{
	if (list_files == 'l') {
		if (selected > 0)
			print_name(name);
	} else if (list_files == 'L') {
		if (selected == 0)
			print_name(name);
	} else if (count_only) {
		if (with_filename) {
			colored("35", name, strlen(name));
			if (null_after_name)
				putchar('\0');
			else
				colored("36", ":", 1);
		}
		printf("%ld\n", selected);
	}
}

/* Does the base name of path match one of the count patterns? */
static int name_matches(const char *path, char **globs, int count)
{
	const char *base = base_name(path);

	for (int i = 0; i < count; i++)
		if (pattern_match(globs[i], base, 0) == 0)
			return 1;
	return 0;
}

/* Is a file (not a directory) left out by --include and --exclude? */
static int file_left_out(const char *path)
{
	if (exclude_count && name_matches(path, excludes, exclude_count))
		return 1;
	return include_count && !name_matches(path, includes, include_count);
}

static void grep_path(const char *path, int top)
{
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	struct stat st;
	long selected;
	int fd;

	if (recursive && strcmp(path, "-") != 0) {
		int r = (recursive == 'R' || top) ? stat(path, &st) : lstat(path, &st);
		if (r == 0 && S_ISDIR(st.st_mode)) {
			if (!top && name_matches(path, exclude_dirs, exclude_dir_count))
				return;
			grep_directory(path, &st);
			return;
		}
		if (r == 0 && !S_ISREG(st.st_mode) && !top)
			return;		/* links, devices and fifos met while recursing */
	}
	if (strcmp(path, "-") != 0 && file_left_out(path))
		return;
	fd = open_input(path);
	if (fd < 0) {
		if (!no_messages)
			warn("%s:", path);
		trouble = 1;
		return;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!no_messages)
			warn("%s: Is a directory", path);
		trouble = 1;
		close(fd);
		return;
	}
	selected = grep_fd(fd, name);
	if (selected > 0)
		selected_any = 1;
	if (!quiet)		/* -q: no output at all, not even -c, -l or -L */
		report_file(name, selected);
	if (fd != STDIN_FILENO)
		close(fd);
}

/* Add the GLOB of --include=GLOB (or the like) to a list. */
static void add_glob(char ***list, int *count, const char *glob)
{
	*list = xrealloc(*list, (*count + 1) * sizeof **list);
	(*list)[(*count)++] = (char *)glob;
}

/* --include=, --exclude=, --exclude-dir=, --null, --null-data: 1 if a was one. */
static int take_file_option(const char *a)
{
	if (starts_with(a, "--include="))
		add_glob(&includes, &include_count, a + 10);
	else if (starts_with(a, "--exclude="))
		add_glob(&excludes, &exclude_count, a + 10);
	else if (starts_with(a, "--exclude-dir="))
		add_glob(&exclude_dirs, &exclude_dir_count, a + 14);
	else if (strcmp(a, "--null") == 0)
		null_after_name = 1;
	else if (strcmp(a, "--null-data") == 0)
		eol = '\0';
	else
		return 0;
	return 1;
}

/* The long options (--color[=WHEN] and the file ones): taken out of argv before the rest. */
static int take_color_option(int argc, char **argv)
{
	int kept = 1;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			while (i < argc)
				argv[kept++] = argv[i++];
			break;
		}
		if (take_file_option(a))
			continue;
		if (starts_with(a, "--color") || starts_with(a, "--colour")) {
			const char *when = strchr(a, '=');
			when = when ? when + 1 : "auto";
			if (strcmp(when, "always") == 0)
				color = 1;
			else if (strcmp(when, "never") == 0)
				color = 0;
			else if (strcmp(when, "auto") == 0)
				color = isatty(STDOUT_FILENO) && getenv("TERM") && strcmp(getenv("TERM"), "dumb");
			else
				usage_error(usage, "invalid color mode '%s'", when);
			continue;
		}
		argv[kept++] = argv[i];
	}
	argv[kept] = NULL;
	return kept;
}

static long context_number(const char *arg)
{
	long long n;

	if (parse_long(arg, &n) < 0 || n < 0)
		usage_error(usage, "invalid context length '%s'", arg);
	return n;
}

int grep_main(int argc, char **argv)
{
	struct options o;
	int c, got_pattern = 0;
	long context = 0;
	static char *stdin_only[] = { "-", NULL };
	static char *dot_only[] = { implicit_dot, NULL };

	if (strcmp(program_name, "egrep") == 0)
		mode = 'E';
	else if (strcmp(program_name, "fgrep") == 0)
		mode = 'F';
	argc = take_color_option(argc, argv);
	options_start(&o, argc, argv, "EFGHILRZachilnoqrsvwxze:f:A:B:C:m:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'E': case 'F': case 'G': mode = c; break;
		case 'a': case 'I': binary_files = c; break;
		case 'H': with_filename = 1; break;
		case 'h': with_filename = 0; break;
		case 'L': case 'l': list_files = c; break;
		case 'R': case 'r': recursive = c; break;
		case 'c': count_only = 1; break;
		case 'i': ignore_case = 1; break;
		case 'n': line_numbers = 1; break;
		case 'o': only_matching = 1; break;
		case 'q': quiet = 1; break;
		case 's': no_messages = 1; break;
		case 'v': invert = 1; break;
		case 'w': word = 1; break;
		case 'x': whole_line = 1; break;
		case 'z': eol = '\0'; break;
		case 'Z': null_after_name = 1; break;
		case 'e': add_patterns(o.arg); got_pattern = 1; break;
		case 'f': add_pattern_file(o.arg); got_pattern = 1; break;
		case 'A': after = context_number(o.arg); break;
		case 'B': before = context_number(o.arg); break;
		case 'C': context = context_number(o.arg); break;
		case 'm': max_count = context_number(o.arg); break;
		}
	}
	argv += o.index;
	/* -C N is only a default: an -A or -B given anywhere wins, as in GNU grep. */
	if (after < 0)
		after = context;
	if (before < 0)
		before = context;
	if (!got_pattern) {
		if (*argv == NULL)
			usage_error(usage, "no pattern given");
		add_patterns(*argv++);
	}
	if (only_matching && invert)
		only_matching = 0;	/* GNU prints nothing for -ov; plain lines are more useful */
	compile_patterns();
	searched_singly = npatterns;
	make_literal_set();
	if (before > 0)
		ring = xzalloc(before * sizeof *ring);
	if (*argv == NULL)
		argv = recursive ? dot_only : stdin_only;
	if (with_filename < 0)
		with_filename = argv[1] != NULL || recursive;
	stdout_big_buffer();
	for (; *argv; argv++)
		grep_path(*argv, 1);
	if (flush_stdout() < 0)
		trouble = 1;
	if (trouble && !(quiet && selected_any))
		return 2;
	return selected_any ? 0 : 1;
}
