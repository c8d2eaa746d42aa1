/*
 * builtin.c: awk's built-in functions: string functions (length substr index
 * split sub gsub match sprintf tolower toupper), arithmetic (int sqrt exp log
 * sin cos atan2 rand srand) and I/O (close fflush system).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include "mini.h"
#include "lines.h"
#include "awk.h"

struct regex *node_regex(struct node *n)
{
	char *s;
	struct regex *re;

	if (n->type == N_REGEX)
		return n->re;
	s = eval_str(n);
	re = dynamic_regex(s);
	free(s);
	return re;
}

/* substr(s, m, n): the characters from position m (from 1), n of them; rounded. */
static char *substr(const char *s, double m, double n, int has_n)
{
	double len = strlen(s);
	double start = awk_floor(m + 0.5), end = has_n ? start + awk_floor(n + 0.5) : len + 1;

	if (!(start >= 1))		/* also NaN */
		start = 1;
	if (!(end <= len + 1))
		end = len + 1;
	if (end <= start)
		return xstrdup("");
	return xstrndup(s + (size_t)start - 1, (size_t)(end - start));
}

/*
 * Append n bytes of s to b, for the pieces of sub's and gsub's result: a word, a
 * match, the text between two matches. sb_addn's memcpy is, with -Os, a `rep
 * movsb`, which a modern CPU takes some 30 cycles to start: more than a plain
 * loop spends on a piece of a few bytes (gsub over 200,000 lines: 79 -> 70 ms).
 */
static void add_piece(struct strbuf *b, const char *s, size_t n)
{
	char *to;

	if (b->len + n + 1 > b->cap) {
		sb_addn(b, s, n);	/* it grows the buffer */
		return;
	}
	to = b->s + b->len;
	for (size_t i = 0; i < n; i++)
		to[i] = s[i];
	to[n] = '\0';
	b->len += n;
}

/* The replacement of sub and gsub, looked at once for all its matches. */
struct replacement {
	const char *text;
	size_t len;
	int plain;		/* no & and no \: copied as it is */
};

static struct replacement replacement_of(const char *text)
{
	return (struct replacement){ text, strlen(text), strpbrk(text, "\\&") == NULL };
}

/* Append the replacement of a match: & is the match, \& a '&', \\ a '\'. */
static void add_replacement(struct strbuf *b, const struct replacement *r, const char *match, size_t len)
{
	const char *repl = r->text;

	if (r->plain) {
		add_piece(b, repl, r->len);
		return;
	}
	while (*repl) {
		size_t plain = strcspn(repl, "\\&");	/* copied as it is, in one piece */

		add_piece(b, repl, plain);
		repl += plain;
		if (*repl == '\\' && (repl[1] == '&' || repl[1] == '\\')) {
			add_piece(b, repl + 1, 1);
			repl += 2;
		} else if (*repl == '&') {
			add_piece(b, match, len);
			repl++;
		} else if (*repl) {
			add_piece(b, repl++, 1);	/* a '\' before anything else is itself */
		}
	}
}

/*
 * The result of sub and gsub is built only from the first match on: most lines
 * have none, and are then left as they are with nothing copied. Its buffer
 * starts the size of s and a few replacements, to grow rarely.
 */
static void start_result(struct strbuf *b, size_t len, const struct replacement *r)
{
	if (b->s == NULL) {
		sb_addn(b, NULL, len + 4 * r->len + 16);	/* NULL: only makes room */
		b->len = 0;
	}
}

/*
 * Replace the first (or every) match of re in s. An empty match right after
 * the previous match is not replaced: gsub(/x*\/, "-", "abc") is "-a-b-c-".
 * The result goes to *out only when something was replaced.
 */
static int substitute(struct regex *re, const char *s, const struct replacement *repl, int global, char **out)
{
	struct strbuf b = { 0 };
	size_t len = strlen(s), done = 0;	/* s[0..done) is in b already */
	size_t last_end = (size_t)-1;
	int count = 0;
	regmatch_t m;

	while (regex_search(re, s, done, len, &m)) {
		size_t start = m.rm_so, end = m.rm_eo;

		start_result(&b, len, repl);
		if (start == end && start == last_end) {
			/* the empty match just after the last one: skip a character */
			if (start == len)
				break;
			add_piece(&b, s + done, start - done + 1);
			done = start + 1;
			continue;
		}
		add_piece(&b, s + done, start - done);
		add_replacement(&b, repl, s + start, end - start);
		count++;
		last_end = end;
		if (start == end) {
			if (start == len) {
				done = start;
				break;
			}
			add_piece(&b, s + start, 1);
			end++;
		}
		done = end;
		if (!global)
			break;
	}
	if (count) {
		add_piece(&b, s + done, len - done);
		*out = sb_take(&b);
	}
	free(b.s);
	return count;
}

/* A regex that is a plain string (no character special to an ERE), not empty? */
static int is_plain_text(const char *re)
{
	return *re && strpbrk(re, "\\^$.[]|()*+?{}") == NULL;
}

/* sub and gsub of a plain string: searched for as a string, much faster than regexec. */
static int substitute_text(const char *text, const char *s, const struct replacement *repl, int global, char **out)
{
	struct strbuf b = { 0 };
	size_t len = strlen(s), tlen = strlen(text), done = 0;
	const char *hit;
	int count = 0;

	while ((hit = find_string(s + done, len - done, text, tlen)) != NULL) {
		start_result(&b, len, repl);
		add_piece(&b, s + done, hit - (s + done));
		add_replacement(&b, repl, hit, tlen);
		count++;
		done = hit - s + tlen;
		if (!global)
			break;
	}
	if (count) {
		add_piece(&b, s + done, len - done);
		*out = sb_take(&b);
	}
	return count;
}

static struct cell sub_or_gsub(struct node *args, int global)
{
	static struct node zero = { .type = N_NUM };
	static struct node dollar0 = { .type = N_FIELD, .a = &zero };
	struct node *target = args->next->next ? args->next->next : &dollar0;
	/* On $0 (the commonest), the record is read where it is, not copied first. */
	int on_record = target->type == N_FIELD && target->a->type == N_NUM && target->a->num == 0;
	/* A replacement written in the program is used where it is, not copied first. */
	char *repl_value = args->next->type == N_STR ? NULL : eval_str(args->next);
	struct replacement repl = replacement_of(repl_value ? repl_value : args->next->str);
	char *copy = on_record ? NULL : eval_str(target), *result;
	int count;

	if (args->type == N_REGEX && is_plain_text(args->str)) {
		count = substitute_text(args->str, copy ? copy : record_text(), &repl, global, &result);
	} else {
		/* the regex last: evaluating more could push it out of the regex cache */
		struct regex *re = node_regex(args);
		count = substitute(re, copy ? copy : record_text(), &repl, global, &result);
	}

	if (count && on_record)
		set_record(result);	/* what assign_to would do, without finding $0 again */
	else if (count)
		assign_to(target, str_cell(result));
	free(copy);
	free(repl_value);
	return num_cell(count);
}

static struct cell match(struct node *args)
{
	char *s = eval_str(args);
	struct regex *re = node_regex(args->next);
	regmatch_t m;
	int found = regex_search(re, s, 0, strlen(s), &m);

	free(s);
	set_var(v_RSTART, num_cell(found ? m.rm_so + 1 : 0));
	set_var(v_RLENGTH, num_cell(found ? m.rm_eo - m.rm_so : -1));
	return num_cell(found ? m.rm_so + 1 : 0);
}

static struct cell split(struct node *args)
{
	char *s = eval_str(args);
	struct array *a = var_array(node_var(args->next));
	struct node *fs_node = args->next->next;
	struct cell fs;
	int n;

	if (!fs_node) {
		n = split_into(s, a, NULL);
	} else {
		fs = fs_node->type == N_REGEX ? str_cell(xstrdup(fs_node->str)) : eval(fs_node);
		n = split_into(s, a, &fs);
		free_cell(&fs);
	}
	free(s);
	return num_cell(n);
}

/* The format and arguments of printf and sprintf, formatted (at most 64 arguments). */
char *format_args(struct node *args, size_t *len)
{
	struct cell vals[64];
	int n = 0;
	char *fmt = eval_str(args), *out;

	for (struct node *a = args->next; a; a = a->next)
		if (n < 64)
			vals[n++] = eval(a);
	out = sprintf_cells(fmt, vals, n, len);
	while (n > 0)
		free_cell(&vals[--n]);
	free(fmt);
	return out;
}

static struct cell awk_sprintf(struct node *args)
{
	return str_cell(format_args(args, NULL));
}

static struct cell change_case(struct node *args, int upper)
{
	char *s = eval_str(args);

	for (char *p = s; *p; p++)
		*p = upper ? toupper((unsigned char)*p) : tolower((unsigned char)*p);
	return str_cell(s);
}

static struct cell length(struct node *arg)
{
	if (!arg) {
		struct cell c = get_field(0);
		double n = strlen(c.str);

		free_cell(&c);
		return num_cell(n);
	}
	if ((arg->type == N_VAR || arg->type == N_LOCAL) && node_var(arg)->kind == V_ARRAY)
		return num_cell(node_var(arg)->arr->count);
	char *s = eval_str(arg);
	double n = strlen(s);

	free(s);
	return num_cell(n);
}

/*
 * The bit functions of gawk and BusyBox: on the whole numbers of 0 to 2^53 - 1
 * that a double holds exactly (gawk's range); a negative one is an error.
 */
#define BITS_MASK ((1ULL << 53) - 1)

static unsigned long long bits_of(double d)
{
	if (d < 0)
		runtime_error("negative value %g in a bit function", d);
	return d >= 9007199254740991.0 ? BITS_MASK : (unsigned long long)d;
}

static double bit_function(int op, struct node *a)
{
	unsigned long long r = bits_of(eval_num(a)), n;

	if (op == B_COMPL)
		return ~r & BITS_MASK;
	for (a = a->next; a; a = a->next) {
		n = bits_of(eval_num(a));
		switch (op) {
		case B_AND: r &= n; break;
		case B_OR: r |= n; break;
		case B_XOR: r ^= n; break;
		case B_LSHIFT: r = n >= 53 ? 0 : (r << n) & BITS_MASK; break;
		default: r = n >= 64 ? 0 : r >> n; break;
		}
	}
	return r;
}

static double seed;

static double awk_srand(struct node *arg)
{
	double previous = seed;

	seed = arg ? eval_num(arg) : (double)time(NULL);
	srandom((unsigned)(long long)seed);
	return previous;
}

static double run_system(struct node *arg)
{
	char *cmd = eval_str(arg);
	int status;

	fflush(NULL);
	status = system(cmd);
	free(cmd);
	if (status == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 256 + WTERMSIG(status);
}

static double awk_fflush(struct node *arg)
{
	if (!arg)
		return fflush(NULL);
	char *name = eval_str(arg);
	double r = flush_stream(name);

	free(name);
	return r;
}

static double awk_close(struct node *arg)
{
	char *name = eval_str(arg);
	double r = close_stream(name);

	free(name);
	return r;
}

/* The smallest and largest number of arguments of each built-in. */
static const unsigned char arg_counts[][2] = {
	[B_LENGTH] = { 0, 1 }, [B_SUBSTR] = { 2, 3 }, [B_INDEX] = { 2, 2 },
	[B_SPLIT] = { 2, 3 }, [B_SUB] = { 2, 3 }, [B_GSUB] = { 2, 3 },
	[B_MATCH] = { 2, 2 }, [B_SPRINTF] = { 1, 255 }, [B_TOLOWER] = { 1, 1 },
	[B_TOUPPER] = { 1, 1 }, [B_INT] = { 1, 1 }, [B_SQRT] = { 1, 1 },
	[B_EXP] = { 1, 1 }, [B_LOG] = { 1, 1 }, [B_SIN] = { 1, 1 },
	[B_COS] = { 1, 1 }, [B_ATAN2] = { 2, 2 }, [B_AND] = { 2, 255 },
	[B_OR] = { 2, 255 }, [B_XOR] = { 2, 255 }, [B_COMPL] = { 1, 1 },
	[B_LSHIFT] = { 2, 2 }, [B_RSHIFT] = { 2, 2 }, [B_RAND] = { 0, 0 },
	[B_SRAND] = { 0, 1 }, [B_CLOSE] = { 1, 1 }, [B_FFLUSH] = { 0, 1 },
	[B_SYSTEM] = { 1, 1 },
};

struct cell call_builtin(struct node *n)
{
	struct node *a = n->a;
	int count = 0;
	double x;

	for (struct node *p = a; p; p = p->next)
		count++;
	if (count < arg_counts[n->op][0] || count > arg_counts[n->op][1])
		runtime_error("wrong number of arguments to a built-in function");
	switch (n->op) {
	case B_LENGTH: return length(a);
	case B_SUBSTR: {
		char *s = eval_str(a), *r;
		double m = eval_num(a->next), len = a->next->next ? eval_num(a->next->next) : 0;

		r = substr(s, m, len, a->next->next != NULL);
		free(s);
		return str_cell(r);
	}
	case B_INDEX: {
		char *s = eval_str(a), *t = eval_str(a->next), *found = strstr(s, t);
		double pos = found ? found - s + 1 : 0;

		free(s);
		free(t);
		return num_cell(pos);
	}
	case B_SPLIT: return split(a);
	case B_SUB: return sub_or_gsub(a, 0);
	case B_GSUB: return sub_or_gsub(a, 1);
	case B_MATCH: return match(a);
	case B_SPRINTF: return awk_sprintf(a);
	case B_TOLOWER: return change_case(a, 0);
	case B_TOUPPER: return change_case(a, 1);
	case B_RAND: return num_cell(random() / 2147483648.0);
	case B_SRAND: return num_cell(awk_srand(a));
	case B_CLOSE: return num_cell(awk_close(a));
	case B_FFLUSH: return num_cell(awk_fflush(a));
	case B_SYSTEM: return num_cell(run_system(a));
	case B_ATAN2: x = eval_num(a); return num_cell(awk_atan2(x, eval_num(a->next)));
	case B_AND: case B_OR: case B_XOR: case B_COMPL: case B_LSHIFT: case B_RSHIFT:
		return num_cell(bit_function(n->op, a));
	}
	x = eval_num(a);
	switch (n->op) {
	case B_INT: return num_cell(awk_trunc(x));
	case B_SQRT: return num_cell(awk_sqrt(x));
	case B_EXP: return num_cell(awk_exp(x));
	case B_LOG: return num_cell(awk_log(x));
	case B_SIN: return num_cell(awk_sin(x));
	default: return num_cell(awk_cos(x));
	}
}
