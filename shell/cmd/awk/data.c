/*
 * data.c: where awk keeps its data: variables (with the special ones like NF
 * and FS), associative arrays (hash tables of string keys), the current record
 * and its fields, field splitting, and compiled regular expressions.
 *
 * The record is split into fields only when a field or NF is asked for, and $0
 * is rebuilt from the fields (joined by OFS) only when asked for after a field
 * or NF was changed.
 */
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "awk.h"

struct var *globals;
struct var *v_NF, *v_NR, *v_FNR, *v_FS, *v_OFS, *v_ORS, *v_RS, *v_FILENAME,
	*v_SUBSEP, *v_RSTART, *v_RLENGTH, *v_CONVFMT, *v_OFMT, *v_ENVIRON, *v_ARGC, *v_ARGV;

/* ---- variables ---- */

struct var *new_global(const char *name)
{
	struct var *v = xzalloc(sizeof *v);

	v->name = xstrdup(name);
	v->val = UNSET_CELL;
	v->next = globals;
	globals = v;
	return v;
}

static struct var *special(const char *name, const char *value)
{
	struct var *v = new_global(name);

	if (value) {
		v->kind = V_SCALAR;
		v->val = strnum_cell(value);
	}
	return v;
}

void init_globals(char **envp)
{
	v_NF = special("NF", "0");
	v_NR = special("NR", "0");
	v_FNR = special("FNR", "0");
	v_FS = special("FS", " ");
	v_OFS = special("OFS", " ");
	v_ORS = special("ORS", "\n");
	v_RS = special("RS", "\n");
	v_FILENAME = special("FILENAME", "");
	v_SUBSEP = special("SUBSEP", "\034");
	v_RSTART = special("RSTART", "0");
	v_RLENGTH = special("RLENGTH", "-1");
	v_CONVFMT = special("CONVFMT", "%.6g");
	v_OFMT = special("OFMT", "%.6g");
	v_ARGC = special("ARGC", "0");
	v_ARGV = special("ARGV", NULL);
	v_ENVIRON = special("ENVIRON", NULL);
	for (; *envp; envp++) {
		char *eq = strchr(*envp, '='), *name;

		if (!eq)
			continue;
		name = xstrndup(*envp, eq - *envp);
		struct cell *c = array_ref(var_array(v_ENVIRON), name, 1);
		*c = strnum_cell(eq + 1);
		free(name);
	}
}

/*
 * The array of v, which becomes an array if it was unset. A function's local
 * bound to a caller's unset variable makes the caller's variable the array.
 */
struct array *var_array(struct var *v)
{
	if (v->kind == V_ARRAY)
		return v->arr;
	if (v->kind == V_SCALAR)
		runtime_error("can't use scalar %s as an array", v->name ? v->name : "(parameter)");
	if (v->ref) {
		v->arr = var_array(v->ref);
	} else {
		v->arr = xzalloc(sizeof *v->arr);
		v->owns_arr = 1;
	}
	v->kind = V_ARRAY;
	return v->arr;
}

static void split_record(void);
static void set_nf(double want);

void set_var(struct var *v, struct cell c)
{
	if (v->kind == V_ARRAY)
		runtime_error("can't assign to array %s", v->name ? v->name : "(parameter)");
	if (v == v_FS)
		split_record();	/* the new FS is for the next record */
	v->kind = V_SCALAR;
	free_cell(&v->val);
	v->val = c;
	v->str_len = v->str_cap = 0;
	if (v == v_NF)
		set_nf(to_num(&c));
}

struct cell get_var(struct var *v)
{
	if (v->kind == V_ARRAY)
		runtime_error("can't use array %s as a value", v->name ? v->name : "(parameter)");
	if (v == v_NF)
		split_record();
	return copy_cell(&v->val);
}

/* ---- arrays: hash tables with chains; each element (key and all) one allocation ---- */

/*
 * A key that is a number as awk writes it ("1", "42", not "007") hashes to that
 * number: the keys 1..n of split() and of a[NR] = $0 then fill the slots one
 * after the other, where a scattering hash has each new element miss the cache
 * (a split() of a million fields spent half its time there). Other keys: FNV-1a.
 */
static unsigned hash(const char *s)
{
	unsigned h = 0;
	const char *p = s;

	if (*p >= '1' && *p <= '9') {
		while (*p >= '0' && *p <= '9' && p - s < 9)
			h = h * 10 + (*p++ - '0');
		if (*p == '\0')
			return h;
	}
	h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void grow(struct array *a)
{
	unsigned n = a->nslots ? a->nslots * 4 : 16;
	struct elem **slot = xzalloc(n * sizeof *slot);

	for (unsigned i = 0; i < a->nslots; i++)
		while (a->slot[i]) {
			struct elem *e = a->slot[i];
			struct elem **to = &slot[e->hash & (n - 1)];

			a->slot[i] = e->next;
			e->next = *to;
			*to = e;
		}
	free(a->slot);
	a->slot = slot;
	a->nslots = n;
}

struct cell *array_ref(struct array *a, const char *key, int create)
{
	unsigned h = hash(key);
	struct elem *e, **chain;

	if (a->nslots)
		for (e = a->slot[h & (a->nslots - 1)]; e; e = e->next)
			if (e->hash == h && strcmp(e->key, key) == 0)
				return &e->val;
	if (!create)
		return NULL;
	if (a->count >= 2 * a->nslots)
		grow(a);
	chain = &a->slot[h & (a->nslots - 1)];
	e = xmalloc(sizeof *e + strlen(key) + 1);
	strcpy(e->key, key);
	e->hash = h;
	e->val = UNSET_CELL;
	e->next = *chain;
	*chain = e;
	a->count++;
	return &e->val;
}

void array_delete(struct array *a, const char *key)
{
	if (!a->nslots)
		return;
	for (struct elem **p = &a->slot[hash(key) & (a->nslots - 1)]; *p; p = &(*p)->next)
		if (strcmp((*p)->key, key) == 0) {
			struct elem *e = *p;

			*p = e->next;
			free_cell(&e->val);
			free(e);
			a->count--;
			return;
		}
}

void array_clear(struct array *a)
{
	for (unsigned i = 0; i < a->nslots; i++)
		while (a->slot[i]) {
			struct elem *e = a->slot[i];

			a->slot[i] = e->next;
			free_cell(&e->val);
			free(e);
		}
	a->count = 0;
}

void array_free(struct array *a)
{
	array_clear(a);
	free(a->slot);
	free(a);
}

/* A copy of all keys, so that the loop body of `for (k in a)` may change a. */
char **array_keys(struct array *a, unsigned *n)
{
	char **keys = xmalloc((a->count + 1) * sizeof *keys);

	*n = 0;
	for (unsigned i = 0; i < a->nslots; i++)
		for (struct elem *e = a->slot[i]; e; e = e->next)
			keys[(*n)++] = xstrdup(e->key);
	return keys;
}

/* ---- regular expressions ---- */

struct regex *compile_regex(const char *s)
{
	struct regex *re = xmalloc(sizeof *re);

	if (regex_compile(&re->re, s, REG_EXTENDED) != 0) {
		free(re);
		return NULL;
	}
	re->simple = simple_re_compile(s);
	return re;
}

static void free_regex(struct regex *re)
{
	regfree(&re->re);
	free(re->simple);
	free(re);
}

/*
 * The first match of re in s[from..len), at offsets of s. REG_STARTEND searches
 * from there without a strlen of the rest (quadratic over a long line), and
 * sees the character before from: ^ and \< do not match in mid-line.
 */
int regex_search(struct regex *re, const char *s, size_t from, size_t len, regmatch_t *m)
{
	if (re->simple)
		return simple_re_search(re->simple, s, from, len, m);
	m->rm_so = from;
	m->rm_eo = len;
	return regexec(&re->re, s, 1, m, REG_STARTEND) == 0;
}

int regex_matches_text(struct regex *re, const char *s)
{
	regmatch_t m;

	if (re->simple)
		return simple_re_search(re->simple, s, 0, strlen(s), &m);
	return regexec(&re->re, s, 0, NULL, 0) == 0;
}

/* A regex from a string at run time; the last few are kept, compiling is slow. */
struct regex *dynamic_regex(const char *s)
{
	enum { CACHED = 8 };
	static struct { char *text; struct regex *re; } cache[CACHED];
	static int next;
	struct regex *re;

	for (int i = 0; i < CACHED; i++)
		if (cache[i].text && strcmp(cache[i].text, s) == 0)
			return cache[i].re;
	re = compile_regex(s);
	if (!re)
		runtime_error("bad regex: %s", s);
	if (cache[next].text) {
		free(cache[next].text);
		free_regex(cache[next].re);
	}
	cache[next].text = xstrdup(s);
	cache[next].re = re;
	next = (next + 1) % CACHED;
	return re;
}

/* ---- field splitting ---- */

static int paragraph_mode(void)
{
	return v_RS->val.flags & C_STR && v_RS->val.str && !v_RS->val.str[0];
}

/*
 * The commonest regex separators, "[ \t]+", ",+", "[;:]", are one set of
 * characters, once or repeated: is fs one? Then set[c] marks the characters, and
 * the split needs no regexec, whose setting up costs more than a short field.
 * Returns 0 (not such a regex), 1 (one character of the set) or 2 (a run of them).
 */
static int char_set_regex(const char *fs, unsigned char set[256])
{
	const unsigned char *p = (const unsigned char *)fs;

	memset(set, 0, 256);
	if (*p == '[' && p[1] != '^' && p[1] != ']') {
		for (p++; *p != ']'; p++) {
			if (*p == '\0' || *p == '\\' || *p == '[')
				return 0;
			if (p[1] == '-' && p[2] && p[2] != ']') {
				for (int c = p[0]; c <= p[2]; c++)
					set[c] = 1;
				p += 2;
			} else {
				set[*p] = 1;
			}
		}
		p++;
	} else if (*p == '\\' && p[1] && strchr(".[]()*+?{}|^$\\/", p[1])) {
		set[p[1]] = 1;
		p += 2;
	} else if (*p && !strchr(".[]()*+?{}|^$\\", *p)) {
		set[*p++] = 1;
	} else {
		return 0;
	}
	if (*p == '+' && p[1] == '\0')
		return 2;
	return *p == '\0' ? 1 : 0;
}

/*
 * Split s by the field separator fs, calling add(piece) for each field:
 * " " splits at runs of blanks (ignoring them at both ends), one other
 * character splits at that character, anything longer is a regex. In
 * paragraph mode (RS = "") a newline always separates fields as well.
 */
static void split_text(const char *s, const char *fs, int newline_too,
		       void (*add)(void *ctx, const char *p, size_t n), void *ctx)
{
	if (!*s)
		return;
	if (strcmp(fs, " ") == 0) {
		for (;;) {
			while (*s == ' ' || *s == '\t' || *s == '\n')
				s++;
			if (!*s)
				return;
			const char *end = s;

			while (*end && *end != ' ' && *end != '\t' && *end != '\n')
				end++;
			add(ctx, s, end - s);
			s = end;
		}
	}
	if (!fs[0]) {			/* FS = "": every character a field */
		for (; *s; s++)
			add(ctx, s, 1);
		return;
	}
	if (!fs[1]) {
		for (;;) {
			const char *end = s;

			while (*end && *end != fs[0] && !(newline_too && *end == '\n'))
				end++;
			add(ctx, s, end - s);
			if (!*end)
				return;
			s = end + 1;
		}
	}
	char *pattern = NULL;
	struct regex *re;
	unsigned char set[256];
	int kind = newline_too ? 0 : char_set_regex(fs, set);

	if (kind) {		/* one character of a set, or runs of them (kind 2) */
		for (;;) {
			const char *end = s;

			while (*end && !set[(unsigned char)*end])
				end++;
			add(ctx, s, end - s);
			if (!*end)
				return;
			s = end + 1;
			while (kind == 2 && *s && set[(unsigned char)*s])
				s++;
		}
	}
	if (newline_too && asprintf(&pattern, "(%s)|\n", fs) < 0)
		die("out of memory");
	re = dynamic_regex(pattern ? pattern : fs);
	free(pattern);
	size_t len = strlen(s), field = 0, search = 0;	/* the field starts at s[field] */
	regmatch_t m;

	while (search < len && regex_search(re, s, search, len, &m)) {
		if (m.rm_eo == m.rm_so) {	/* an empty match separates nothing */
			if ((size_t)m.rm_so == len)
				break;
			search = m.rm_so + 1;
			continue;
		}
		add(ctx, s + field, m.rm_so - field);
		field = search = m.rm_eo;
	}
	add(ctx, s + field, len - field);
}

/* ---- the record and its fields ---- */

static char *record;		/* $0, when record_valid */
static int record_valid = 1;
/*
 * A record read from the input is copied into input_copy, one buffer kept from
 * record to record: a malloc, a free and uClibc's strndup (which measures and
 * copies a byte at a time) for every line were a third of the time of a short
 * program. A record the program makes ($0 = ..., sub, gsub, a changed field) is
 * a malloc'd string of its own; record_is_input says which of the two it is.
 */
static char *input_copy;
static size_t input_copy_size;
static int record_is_input;
static struct cell *fields;	/* $1 is fields[1] */
static int nf, fields_size;
/*
 * Splitting a record only notes where each field lies in it (field_at); the
 * field's own cell is made when it is first used. Most programs read a few
 * fields or only NF, and a cell per field of every record was awk's main cost.
 * A field not made yet has flags 0; its text lies in record, which stays
 * until the fields are made or thrown away.
 */
static struct span {
	const char *text;
	size_t len;
} *field_at;
static int fields_valid = 1;

static void ensure_fields(int n)
{
	if (n >= fields_size) {
		/* doubling: a line of a million fields must not be a million copies */
		fields_size = 2 * n + 16;
		fields = xrealloc(fields, fields_size * sizeof *fields);
		field_at = xrealloc(field_at, fields_size * sizeof *field_at);
	}
}

static void add_field(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	ensure_fields(nf + 1);
	nf++;
	fields[nf] = (struct cell){ 0, 0, NULL };
	field_at[nf] = (struct span){ p, n };
}

/* Field i's cell, made from its place in the record the first time. */
static struct cell *field(int i)
{
	if (!fields[i].flags)
		fields[i] = strnum_take(copy_text(field_at[i].text, field_at[i].len));
	return &fields[i];
}

static void split_record(void)
{
	char *fs;

	if (fields_valid)
		return;
	fs = to_str(&v_FS->val);
	nf = 0;
	split_text(record ? record : "", fs, paragraph_mode(), add_field, NULL);
	free(fs);
	fields_valid = 1;
	free_cell(&v_NF->val);
	v_NF->val = num_cell(nf);
}

static void free_fields(void)
{
	for (int i = 1; i <= nf; i++)
		free_cell(&fields[i]);
	nf = 0;
}

/* The record before it is replaced: freed if it is a string of its own. */
static void drop_record(void)
{
	if (!record_is_input)
		free(record);
	record = NULL;
	record_is_input = 0;
}

void set_record(char *text)
{
	free_fields();
	drop_record();
	record = text;
	record_valid = 1;
	fields_valid = 0;
}

void set_input_record(const char *text, size_t len)
{
	free_fields();
	drop_record();
	if (len + 1 > input_copy_size) {
		input_copy_size = 2 * (len + 1);
		free(input_copy);	/* not realloc: the old text need not move along */
		input_copy = xmalloc(input_copy_size);
	}
	memcpy(input_copy, text, len);
	input_copy[len] = '\0';
	record = input_copy;
	record_is_input = 1;
	record_valid = 1;
	fields_valid = 0;
}

/* $0 again from the fields, after one of them or NF changed. */
static void rebuild_record(void)
{
	struct strbuf b = { 0 };
	char *ofs = to_str(&v_OFS->val);

	for (int i = 1; i <= nf; i++) {
		char *s = to_str(field(i));

		if (i > 1)
			sb_adds(&b, ofs);
		sb_adds(&b, s);
		free(s);
	}
	free(ofs);
	drop_record();
	record = sb_take(&b);
	record_valid = 1;
}

/* NF's new value is checked as the number it is: converting 1e41 or NaN to an
 * int first would be undefined (and showed a value the user never wrote). */
static void set_nf(double want)
{
	int n;

	split_record();
	if (!(want >= 0 && want <= 100000))
		runtime_error("NF set to %g", want);
	n = (int)want;
	ensure_fields(n);
	while (nf < n)
		fields[++nf] = UNSET_CELL;
	while (nf > n)
		free_cell(&fields[nf--]);
	free_cell(&v_NF->val);
	v_NF->val = num_cell(nf);
	record_valid = 0;
}

static void check_field_index(int i)
{
	if (i < 0 || i > 100000)
		runtime_error("bad field $%d", i);
}

const char *record_text(void)
{
	if (!record_valid)
		rebuild_record();
	return record ? record : "";
}

struct cell get_field(int i)
{
	check_field_index(i);
	if (i == 0) {
		if (!record_valid)
			rebuild_record();
		return strnum_cell(record ? record : "");
	}
	split_record();
	if (i > nf)
		return UNSET_CELL;
	return copy_cell(field(i));
}

void set_field(int i, struct cell c)
{
	check_field_index(i);
	if (i == 0) {
		set_record(take_string(&c));
		free_cell(&c);
		return;
	}
	split_record();
	if (i > nf)
		set_nf(i);
	free_cell(&fields[i]);
	fields[i] = c;
	record_valid = 0;
}

/* ---- split(s, a, fs) ---- */

/* n in decimal, written backwards from the end of buf (16 bytes); snprintf's
 * set-up costs more than a split() of short fields itself. */
static const char *decimal(char *buf, unsigned n)
{
	char *p = buf + 15;

	*p = '\0';
	do
		*--p = '0' + n % 10;
	while ((n /= 10) != 0);
	return p;
}

static void add_element(void *ctx, const char *p, size_t n)
{
	struct array *a = ctx;
	char buf[16];
	const char *key = decimal(buf, a->count + 1);

	*array_ref(a, key, 1) = strnum_take(copy_text(p, n));
}

/* Split s into a[1]... by fs (a regex node's text, a string, or FS if NULL). */
int split_into(const char *s, struct array *a, const struct cell *fs)
{
	char *sep = to_str(fs ? fs : &v_FS->val);

	array_clear(a);
	split_text(s, sep, 0, add_element, a);
	free(sep);
	return a->count;
}
