/*
 * expand.c: word expansion, POSIX XCU 2.6.
 *
 * A word arrives as typed ("$x"'*'~/b). It is walked once from left to right;
 * every character that comes out is stored with a flag byte saying how it came:
 *
 *	F_QUOTED  quoted: never split, never a pattern character
 *	F_SPLIT   produced by an unquoted expansion: IFS characters split here
 *	F_MARK    an invisible mark that quotes were here ("" must give an empty field)
 *
 * With the flags, the later steps need no re-scanning: field splitting (2.6.5)
 * cuts at F_SPLIT IFS characters, pathname expansion (2.6.6) sees which * ? [
 * are live, and quote removal (2.6.7) already happened while walking.
 * "$@" ends a field in the middle of a word (a "hard break").
 */
#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"
#include "pattern.h"

enum { F_QUOTED = 1, F_SPLIT = 2, F_MARK = 4 };

enum mode {
	M_FIELDS,	/* command arguments: split and glob */
	M_STRING,	/* assignments, redirections: one string */
	M_PATTERN,	/* case patterns, ${x#pat}: quoted characters escaped */
	M_HEREDOC	/* here-document bodies: only $ ` \ are special */
};

struct expansion {
	struct strbuf text, flags;
	enum mode mode;
	struct strlist *fields;	/* where finished fields go (M_FIELDS) */
	int literal_flag;	/* flag of unquoted literal text: F_SPLIT inside ${x-word} */
	int in_word;		/* inside the word of ${x-word}: "..." quotes even within "..." */
	int saw_at;		/* "$@" was expanded (an empty one leaves no field) */
	int assignment;		/* tilde expansion after ':' too */
	const char *word_start;
};

static const char *expand_text(struct expansion *e, const char *s, const char *end, int dquote);

/* ---- collecting characters ---- */

static void add_char(struct expansion *e, char c, int flag)
{
	sb_addc(&e->text, c);
	sb_addc(&e->flags, flag);
}

static void add_chars(struct expansion *e, const char *s, size_t len, int flag)
{
	sb_addn(&e->text, s, len);
	sb_addn(&e->flags, NULL, len);
	memset(e->flags.s + e->flags.len - len, flag, len);
}

static void add_string(struct expansion *e, const char *s, int flag)
{
	add_chars(e, s, strlen(s), flag);
}

/* The result of an expansion: quoted inside "...", else subject to splitting. */
static void add_expanded(struct expansion *e, const char *s, int dquote)
{
	add_string(e, s, dquote ? F_QUOTED : F_SPLIT);
}

/* ---- finding the end of a quoted part or nested expansion in the raw text ---- */

/* s points at ' " ` $( ${ or $((: return the pointer just after its end. */
/* Is the word case or esac at s (a whole word)? Returns +1, -1 or 0. */
static int case_word(const char *start, const char *s)
{
	int kind = strncmp(s, "case", 4) == 0 ? 1 : strncmp(s, "esac", 4) == 0 ? -1 : 0;

	if (kind == 0)
		return 0;	/* (so s[4] below is inside the string) */
	if ((s != start && !strchr(" \t\n;&|(", s[-1])) || (s[4] != '\0' && !strchr(" \t\n;&|)", s[4])))
		return 0;
	return kind;
}

static const char *skip_construct(const char *s)
{
	const char *start = s + 2;
	char open = *s++;
	int depth = 1, cases = 0;

	check_stack();

	if (open == '\'') {
		while (*s && *s != '\'')
			s++;
		return *s ? s + 1 : s;
	}
	if (open == '$' || open == '<' || open == '>')
		open = *s++;	/* ( or {; <( and >( are process substitutions */
	while (*s) {
		char c = *s;
		if (c == '\\' && s[1]) {
			s += 2;
			continue;
		}
		if (open == '`') {
			if (c == '`')
				return s + 1;
		} else if (open == '"' && c == '"') {
			return s + 1;
		} else if (c == '\'' && open != '"') {
			s = skip_construct(s);
			continue;
		} else if (c == '"' || c == '`' || (c == '$' && (s[1] == '(' || s[1] == '{'))) {
			s = skip_construct(s);
			continue;
		} else if (open == '(' && (c == 'c' || c == 'e')) {
			cases += case_word(start, s);	/* as in scan_parens of lexer.c */
			if (cases < 0)
				cases = 0;
		} else if (open == '(' && (c == '(' || c == ')')) {
			if (c == ')' && depth == 1 && cases > 0) {
				s++;	/* the end of a case pattern */
				continue;
			}
			depth += c == '(' ? 1 : -1;
			if (depth == 0)
				return s + 1;
		} else if (open == '{' && c == '}') {
			return s + 1;
		}
		s++;
	}
	return s;
}

/* ---- the parts of a word ---- */

static char *pattern_of(struct expansion *e);
static char *expand_part(const char *s, const char *end, enum mode mode, int dquote);

static char *number_string(intmax_t n)
{
	char buf[24];

	return xstrdup(format_number(buf, n));
}

/* The value of a parameter (name has length len), malloc'd; NULL when unset. */
static char *param_value(const char *name, size_t len)
{
	const char *v;

	if (len == 1 && !is_name(name, 1)) {
		switch (*name) {
		case '#': return number_string(positional.count);
		case '?': return number_string(last_status);
		case '$': return number_string(shell_pid);
		case '!': return last_bg_pid ? number_string(last_bg_pid) : NULL;
		case '-': return option_letters();
		case '0': return xstrdup(arg0);
		}
	}
	if (name[0] >= '0' && name[0] <= '9') {
		long n = 0;
		for (size_t i = 0; i < len && n <= positional.count; i++)
			n = n * 10 + name[i] - '0';
		return n >= 1 && n <= positional.count ? xstrdup(positional.v[n - 1]) : NULL;
	}
	v = var_get_n(name, len);
	return v ? xstrdup(v) : NULL;
}

static int is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/*
 * The value of a parameter without copying a variable's: for a use that ends
 * before anything can change the variable. Other parameters are made into
 * *copy, which the caller frees (NULL when nothing was made).
 */
static const char *param_peek(const char *name, size_t len, char **copy)
{
	*copy = NULL;
	if (is_name_start(*name))
		return var_get_n(name, len);
	return *copy = param_value(name, len);
}

/* Length of the parameter name at s: a name, digits (inside braces), or one special. */
static size_t param_name_length(const char *s, int braces)
{
	size_t n = name_length(s);

	if (n)
		return n;
	if (s[0] >= '0' && s[0] <= '9') {
		if (!braces)
			return 1;
		while (s[n] >= '0' && s[n] <= '9')
			n++;
		return n;
	}
	return s[0] && strchr("@*#?-$!", s[0]) ? 1 : 0;
}

/* The joined positional parameters, as "$*" gives them. */
static char *all_params_joined(void)
{
	const char *ifs = var_get("IFS");
	struct strbuf b = { 0 };

	for (int i = 0; i < positional.count; i++) {
		if (i > 0 && (ifs == NULL || *ifs))
			sb_addc(&b, ifs ? *ifs : ' ');
		sb_adds(&b, positional.v[i]);
	}
	return sb_take(&b);
}

static void finish_field(struct expansion *e);

/* $@ and $*: one field per parameter, except "$*" which joins them. */
static void expand_all_params(struct expansion *e, char which, int dquote)
{
	if (which == '*' && (dquote || e->mode != M_FIELDS)) {
		char *joined = all_params_joined();
		add_expanded(e, joined, dquote);
		free(joined);
		return;
	}
	if (dquote)
		e->saw_at = 1;
	for (int i = 0; i < positional.count; i++) {
		if (i > 0) {
			if (e->mode == M_FIELDS)
				finish_field(e);
			else
				add_char(e, ' ', dquote ? F_QUOTED : F_SPLIT);
		}
		add_expanded(e, positional.v[i], dquote);
		if (dquote && positional.v[i][0] == '\0')
			add_char(e, '\0', F_MARK);
	}
}

/* The first and the last place of the llen characters of s in the len of value, or NULL. */
static const char *find_first(const char *value, size_t len, const char *s, size_t llen)
{
	for (size_t i = 0; i + llen <= len; i++)
		if (value[i] == *s && memcmp(value + i, s, llen) == 0)
			return value + i;
	return NULL;
}

static const char *find_last(const char *value, size_t len, const char *s, size_t llen)
{
	for (size_t i = len - llen + 1; i-- > 0;)	/* (llen <= len) */
		if (value[i] == *s && memcmp(value + i, s, llen) == 0)
			return value + i;
	return NULL;
}

static void unset_error(const char *name, size_t len)
{
	sh_error(2, "%.*s: parameter not set", (int)len, name);
}

/*
 * The common patterns need no fnmatch: a plain string, "*STRING" for a prefix
 * and "STRING*" for a suffix. Returns 0 if the pattern is not one of them;
 * else 1, with *cut the length of the prefix (or suffix) to remove, -1 for none.
 * (No copies and no allocation: scripts run ${path##...} in loops.)
 */
static int match_simple(const char *value, size_t len, const char *pattern, int suffix, int longest,
			long *cut)
{
	size_t plen = strlen(pattern);
	int star = plen > 0 && pattern[suffix ? plen - 1 : 0] == '*';
	const char *literal = pattern + (star && !suffix);	/* STRING, llen characters */
	size_t llen = plen - star;
	const char *found = NULL;

	for (size_t i = 0; i < llen; i++)
		if (strchr("*?[\\", literal[i]))
			return 0;
	if (llen > len) {
		*cut = -1;
	} else if (!star) {	/* a plain string: the prefix or suffix must be it */
		*cut = memcmp(suffix ? value + len - llen : value, literal, llen) == 0 ? (long)llen : -1;
	} else if (llen == 0) {	/* "*" alone: nothing, or everything */
		*cut = longest ? (long)len : 0;
	} else {
		/* "*STRING" prefix: up to the first (shortest) or last (longest) STRING;
		   "STRING*" suffix: from the last (shortest) or first (longest) STRING */
		found = suffix == longest ? find_first(value, len, literal, llen)
					  : find_last(value, len, literal, llen);
		if (found == NULL)
			*cut = -1;
		else
			*cut = suffix ? (long)(value + len - found) : (long)(found - value + llen);
	}
	return 1;
}

/* ${x#p} ${x##p} ${x%p} ${x%%p}: remove the shortest/longest matching prefix/suffix. */
static char *remove_match(const char *value, const char *pattern, int suffix, int longest)
{
	size_t len = strlen(value);
	char *work;
	long cut;

	if (match_simple(value, len, pattern, suffix, longest, &cut)) {
		if (cut < 0)
			return xstrdup(value);
		return suffix ? xstrndup(value, len - cut) : xstrdup(value + cut);
	}

	work = xstrdup(value);
	for (size_t k = 0; k <= len; k++) {
		size_t i = longest ? len - k : k;	/* the length of the part tried */
		if (suffix && pattern_match(pattern, value + len - i, 0) == 0) {
			work[len - i] = '\0';
			return work;
		}
		if (!suffix) {
			char saved = work[i];
			int match;
			work[i] = '\0';
			match = pattern_match(pattern, work, 0) == 0;
			work[i] = saved;
			if (match) {
				memmove(work, work + i, len - i + 1);
				return work;
			}
		}
	}
	return work;
}

/* The word of ${x-word} or ${x+word}: expanded in place, split if unquoted. */
static void word_operand(struct expansion *e, const char *word, const char *end, int dquote)
{
	int saved_flag = e->literal_flag, saved_in_word = e->in_word;

	e->literal_flag = dquote ? 0 : F_SPLIT;
	e->in_word = 1;
	expand_text(e, word, end, dquote);
	e->literal_flag = saved_flag;
	e->in_word = saved_in_word;
}

/* ${x=word} assigns word to an unset (or empty) x; ${x?word} is an error there. */
static void assign_or_fail(struct expansion *e, const char *name, size_t len, char kind,
			   const char *word, const char *end, int dquote)
{
	char *w = expand_part(word, end, M_STRING, 0);
	char *var = xstrndup(name, len);

	if (kind == '?')
		sh_error(2, "%s: %s", var, *w ? w : "parameter not set");
	if (!is_name(var, len))
		sh_error(2, "%s: cannot assign in this way", var);
	if (var_set(var, w, 0) < 0)
		sh_error(1, "%s: is read only", var);
	add_expanded(e, w, dquote);
	free(var);
	free(w);
}

/* ---- ash's and bash's string operators: ${x/p/r} and ${x:offset:length} ---- */

static int has_magic(const char *p, size_t len);

/* The first c in s..end outside quotes and nested expansions, or end. */
static const char *find_unquoted(const char *s, const char *end, char c)
{
	while (s < end && *s != c) {
		if (*s == '\\' && s + 1 < end)
			s += 2;
		else if (*s == '\'' || *s == '"' || *s == '`' || (*s == '$' && (s[1] == '(' || s[1] == '{')))
			s = skip_construct(s);
		else
			s++;
	}
	return s < end ? s : end;
}

/* The value of the arithmetic expression written between s and end. */
static intmax_t arithmetic_of(const char *s, const char *end)
{
	char *text = expand_part(s, end, M_HEREDOC, 1);
	intmax_t value = arith_eval(text);

	free(text);
	return value;
}

/* The end of the longest match of pattern starting at work + i, or -1 (work is changed and put back). */
static long longest_match_at(char *work, size_t len, size_t i, const char *pattern)
{
	for (size_t j = len + 1; j-- > i;) {
		char saved = work[j];
		int match;
		work[j] = '\0';
		match = pattern_match(pattern, work + i, 0) == 0;
		work[j] = saved;
		if (match)
			return j;
	}
	return -1;
}

/* A pattern without * ? [ is a plain string: found by strstr instead (backslashes removed). */
static char *plain_pattern(const char *pattern)
{
	struct strbuf b = { 0 };

	if (has_magic(pattern, strlen(pattern)))
		return NULL;
	for (; *pattern; pattern++)
		sb_addc(&b, *pattern == '\\' && pattern[1] ? *++pattern : *pattern);
	return sb_take(&b);
}

/*
 * Where the pattern matches value for ${x/p/r} (mode 0: the first match,
 * '/': each match, '#': at the start, '%': at the end), each match is
 * replaced by rep; the longest match wins at each place.
 */
static char *replace_matches(const char *value, const char *pattern, const char *rep, char mode)
{
	size_t len = strlen(value), i = 0;
	char *work = xstrdup(value), *plain = plain_pattern(pattern);
	struct strbuf out = { 0 };

	while (i <= len) {
		long j = -1;
		if (mode == '%') {
			for (; i <= len && pattern_match(pattern, work + i, 0) != 0; i++)
				;
			j = i <= len ? (long)len : -1;
		} else if (plain && mode != '#') {
			char *found = strstr(work + i, plain);
			if (found && (*plain || mode == 0)) {
				sb_addn(&out, work + i, found - work - i);
				i = found - work;
				j = i + strlen(plain);
			}
		} else {
			j = longest_match_at(work, len, i, pattern);
		}
		if (j < 0) {
			if (mode == 0 || mode == '/') {
				if (plain == NULL && i < len) {
					sb_addc(&out, work[i++]);	/* no match here: try one further */
					continue;
				}
			}
			break;
		}
		if (mode == '%')
			sb_addn(&out, work, i);
		sb_adds(&out, rep);
		if ((size_t)j == i && i < len)
			sb_addc(&out, work[j++]);	/* an empty match: go on after one character */
		i = j;
		if (mode != '/' || i >= len)
			break;
	}
	if (i < len)
		sb_adds(&out, work + i);
	free(work);
	free(plain);
	return sb_take(&out);
}

/* ${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r}; op points after the first '/'. */
static char *replace_operator(const char *value, const char *op, const char *end)
{
	char mode = (*op == '/' || *op == '#' || *op == '%') ? *op++ : 0;
	const char *slash = find_unquoted(op, end, '/');
	char *pattern = expand_part(op, slash, M_PATTERN, 0);
	char *rep = slash < end ? expand_part(slash + 1, end, M_STRING, 0) : xstrdup("");
	char *result;

	if (*pattern == '\0') {		/* nothing to match: ${x/#/r} and ${x/%/r} still add r */
		struct strbuf b = { 0 };
		sb_adds(&b, mode == '#' ? rep : "");
		sb_adds(&b, value);
		sb_adds(&b, mode == '%' ? rep : "");
		result = sb_take(&b);
	} else {
		result = replace_matches(value, pattern, rep, mode);
	}
	free(pattern);
	free(rep);
	return result;
}

/*
 * ${x:offset} ${x:offset:length}: arithmetic operands; a negative offset counts
 * from the end, a negative length leaves that many characters off the end.
 * *first and *count are set to the part of a sequence of n things.
 */
static void offset_and_length(const char *op, const char *end, intmax_t n, intmax_t *first, intmax_t *count)
{
	const char *colon = find_unquoted(op, end, ':');
	intmax_t off = arithmetic_of(op, colon), length;

	if (off < 0)
		off += n;
	if (off < 0 || off > n) {	/* before the start or past the end: nothing */
		*first = *count = 0;
		return;
	}
	length = colon < end ? arithmetic_of(colon + 1, end) : n - off;
	if (length < 0)
		length = n + length - off;
	if (length < 0)
		length = 0;
	if (length > n - off)
		length = n - off;
	*first = off;
	*count = length;
}

static char *substring_operator(const char *value, const char *op, const char *end)
{
	intmax_t first, count;

	offset_and_length(op, end, strlen(value), &first, &count);
	return xstrndup(value + first, count);
}

/* Does c start a quote or an expansion (the characters expand_text stops at)? */
static int is_special_in_word(char c)
{
	return c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`' || c == '~';
}

/* Is the text between s and end free of quotes, expansions and tildes? */
static int is_literal(const char *s, const char *end)
{
	for (; s < end; s++)
		if (is_special_in_word(*s))
			return 0;
	return 1;
}

/* The operators that make a new string of the value: # ## % %% / and :offset. */
static int is_string_operator(const char *op)
{
	return op[0] == '#' || op[0] == '%' || op[0] == '/' ||
	       (op[0] == ':' && op[1] != '\0' && !strchr("-=?+", op[1]));
}

/* Apply such an operator (op points at it) to value; malloc'd. */
static char *string_operator(const char *value, const char *op, const char *end)
{
	if (op[0] == '#' || op[0] == '%') {
		int longest = op[1] == op[0];
		const char *text = op + 1 + longest;
		/* a pattern with nothing to expand (the usual kind) is taken as it is */
		char *pattern = is_literal(text, end) ? xstrndup(text, end - text) :
			        expand_part(text, end, M_PATTERN, 0);
		char *result = remove_match(value, pattern, op[0] == '%', longest);
		free(pattern);
		return result;
	}
	if (op[0] == '/')
		return replace_operator(value, op + 1, end);
	return substring_operator(value, op + 1, end);
}

/*
 * Can nothing in the operator part (op to end) change a variable? Then its
 * value is used without a copy. It has no expansion in it, and no arithmetic
 * (${x:x=1} assigns).
 */
static int operator_is_inert(const char *op, const char *end)
{
	return is_literal(op, end) && !(op[0] == ':' && is_string_operator(op));
}

/* The operator part of ${name OP word} (2.6.2): apply it. */
static void apply_operator(struct expansion *e, const char *name, size_t len, const char *value,
			   const char *op, const char *end, int dquote)
{
	int colon = *op == ':';
	char kind = op[colon];
	const char *word = op + colon + 1;
	int empty = value == NULL || (colon && *value == '\0');

	if (is_string_operator(op)) {
		char *result;
		if (value == NULL && sh_opt.nounset)
			unset_error(name, len);
		result = string_operator(value ? value : "", op, end);
		add_expanded(e, result, dquote);
		free(result);
	} else if (kind != '-' && kind != '+' && kind != '=' && kind != '?') {
		sh_error(2, "${%.*s...}: bad substitution", (int)len, name);
	} else if (kind == '+' ? !empty : empty) {	/* the word is used */
		if (kind == '-' || kind == '+')
			word_operand(e, word, end, dquote);
		else
			assign_or_fail(e, name, len, kind, word, end, dquote);
	} else if (value && kind != '+') {
		add_expanded(e, value, dquote);
	}
}

/* Expand "$@" or "$*" as if the positional parameters were params[0..count). */
static void expand_params_as(struct expansion *e, char which, char **params, int count, int dquote)
{
	struct positional saved = positional;

	positional.v = params;
	positional.count = count;
	expand_all_params(e, which, dquote);
	positional = saved;
}

/*
 * ${@#p} ${@/p/r}...: the operator applies to each positional parameter, and
 * "${@%p}" keeps one field per parameter, as "$@" does. ${@:offset:length}
 * picks parameters instead ($0 is number 0).
 */
static void each_param_operator(struct expansion *e, char which, const char *op, const char *end,
				int dquote)
{
	struct positional changed = { 0 };

	changed.v = xmalloc((positional.count + 2) * sizeof *changed.v);
	if (op[0] == ':') {
		intmax_t first, count;
		offset_and_length(op + 1, end, positional.count + 1, &first, &count);
		for (intmax_t i = first; i < first + count; i++)
			changed.v[changed.count++] = xstrdup(i == 0 ? arg0 : positional.v[i - 1]);
	} else {
		for (int i = 0; i < positional.count; i++)
			changed.v[changed.count++] = string_operator(positional.v[i], op, end);
	}
	changed.v[changed.count] = NULL;
	expand_params_as(e, which, changed.v, changed.count, dquote);
	positional_free(&changed);
}

/* ${...}: s points at the '$', end just after the closing brace. */
static void expand_braces(struct expansion *e, const char *s, const char *end, int dquote)
{
	const char *inner = s + 2, *close = end - 1;
	const char *name = inner, *value;
	size_t len;
	char *copy;

	if (*inner == '#' && inner + 1 < close && param_name_length(inner + 1, 1) == (size_t)(close - inner - 1)) {
		char buf[24];
		len = close - inner - 1;	/* ${#name}: the length */
		if (inner[1] == '@' || inner[1] == '*') {
			add_expanded(e, format_number(buf, positional.count), dquote);
			return;
		}
		value = param_peek(inner + 1, len, &copy);
		if (value == NULL && sh_opt.nounset)
			unset_error(inner + 1, len);
		add_expanded(e, format_number(buf, value ? (long)strlen(value) : 0), dquote);
		free(copy);
		return;
	}
	len = param_name_length(name, 1);
	if (len == 0)
		sh_error(2, "%.*s: bad substitution", (int)(end - s), s);
	if ((*name == '@' || *name == '*') && name + 1 == close) {
		expand_all_params(e, *name, dquote);
		return;
	}
	if ((*name == '@' || *name == '*') && is_string_operator(name + 1)) {
		each_param_operator(e, *name, name + 1, close, dquote);
		return;
	}
	if (*name == '@' || *name == '*')
		value = copy = positional.count ? all_params_joined() : NULL;
	else if (operator_is_inert(name + len, close))
		value = param_peek(name, len, &copy);
	else
		value = copy = param_value(name, len);
	if (name + len == close) {
		if (value == NULL && sh_opt.nounset)
			unset_error(name, len);
		if (value)
			add_expanded(e, value, dquote);
	} else {
		apply_operator(e, name, len, value, name + len, close, dquote);
	}
	free(copy);
}

/* $(...) or `...`: the command's output without its trailing newlines. */
static void expand_command(struct expansion *e, const char *text, int dquote)
{
	char *out = command_output(text);

	add_expanded(e, out, dquote);
	free(out);
}

/* The text between backquotes: \$ \` \\ (and \" in double quotes) lose the backslash. */
static char *backquote_text(const char *s, const char *end, int dquote)
{
	struct strbuf b = { 0 };

	for (; s < end; s++) {
		if (*s == '\\' && s + 1 < end && (strchr("$`\\", s[1]) || (dquote && s[1] == '"')))
			s++;
		sb_addc(&b, *s);
	}
	return sb_take(&b);
}

static void expand_arithmetic(struct expansion *e, const char *s, const char *end, int dquote)
{
	/* $((i + 1)) names its variables without $: usually there is nothing to expand */
	int plain = memchr(s, '$', end - s) == NULL && memchr(s, '`', end - s) == NULL &&
		    memchr(s, '\\', end - s) == NULL && memchr(s, '"', end - s) == NULL;
	char *expr = plain ? xstrndup(s, end - s) : expand_part(s, end, M_HEREDOC, 1);
	char *result = number_string(arith_eval(expr));

	add_expanded(e, result, dquote);
	free(expr);
	free(result);
}

/* After a '$' at s: returns where the expansion ends. */
static const char *expand_dollar(struct expansion *e, const char *s, const char *end, int dquote)
{
	const char *after;
	size_t len;

	if (s[1] == '{' || s[1] == '(') {
		after = skip_construct(s);
		if (after > end)
			after = end;
		if (s[1] == '{') {
			expand_braces(e, s, after, dquote);
		} else if (s[2] == '(' && after - s >= 5 && after[-2] == ')') {
			expand_arithmetic(e, s + 3, after - 2, dquote);
		} else {
			char *text = xstrndup(s + 2, after - s - 3);
			expand_command(e, text, dquote);
			free(text);
		}
		return after;
	}
	len = s + 1 < end ? param_name_length(s + 1, 0) : 0;
	if (len == 0) {
		add_char(e, '$', dquote ? F_QUOTED : e->literal_flag);
		return s + 1;
	}
	if (s[1] == '@' || s[1] == '*') {
		expand_all_params(e, s[1], dquote);
	} else {
		char *copy;
		const char *value = param_peek(s + 1, len, &copy);
		if (value == NULL && sh_opt.nounset)
			unset_error(s + 1, len);
		if (value)
			add_expanded(e, value, dquote);
		free(copy);
	}
	return s + 1 + len;
}

/* ~ or ~user at the start of a word (or after ':' in an assignment). */
static const char *expand_tilde(struct expansion *e, const char *s, const char *end)
{
	const char *p = s + 1;
	char *user, *home = NULL;
	struct passwd *pw;

	while (p < end && *p != '/' && !(e->assignment && *p == ':')) {
		if (strchr("'\"\\$`", *p))
			return NULL;	/* a quoted tilde prefix is not expanded */
		p++;
	}
	user = xstrndup(s + 1, p - s - 1);
	if (*user == '\0')
		home = xstrdup(var_get("HOME") ? var_get("HOME") : "");
	else if ((pw = getpwnam(user)) != NULL)
		home = xstrdup(pw->pw_dir);
	free(user);
	if (home == NULL)
		return NULL;
	add_string(e, home, F_QUOTED);
	free(home);
	return p;
}

static int tilde_here(struct expansion *e, const char *s)
{
	if (s == e->word_start)
		return 1;
	return e->assignment && s > e->word_start && s[-1] == ':';
}

/* Inside "...": expand, and leave a mark if nothing came out (so "" is a field). */
static void expand_double_quoted(struct expansion *e, const char *s, const char *end)
{
	size_t before = e->text.len;
	int saw_at = e->saw_at;

	e->saw_at = 0;
	expand_text(e, s, end, 1);
	if (e->text.len == before && !e->saw_at)
		add_char(e, '\0', F_MARK);
	e->saw_at |= saw_at;
}

/* A backslash at s: what it quotes depends on the context. */
static const char *expand_backslash(struct expansion *e, const char *s, const char *end, int dquote)
{
	if (s + 1 >= end) {
		add_char(e, '\\', dquote ? F_QUOTED : 0);
		return s + 1;
	}
	if (dquote && !strchr(e->mode == M_HEREDOC ? "$`\\\n" : "$`\\\"\n", s[1])) {
		add_char(e, '\\', F_QUOTED);
		return s + 1;
	}
	if (s[1] != '\n')
		add_char(e, s[1], F_QUOTED);
	return s + 2;
}

/* Walk the raw text from s to end, adding what it expands to. */
static const char *expand_text(struct expansion *e, const char *s, const char *end, int dquote)
{
	check_stack();
	while (s < end) {
		const char *next;
		switch (*s) {
		case '\'':
			if (dquote)
				break;
			next = skip_construct(s);
			for (s++; s < next - 1; s++)
				add_char(e, *s, F_QUOTED);
			add_char(e, '\0', F_MARK);	/* '' is an empty field, not none */
			s = next;
			continue;
		case '"':
			if (e->mode == M_HEREDOC || (dquote && !e->in_word))
				break;
			next = skip_construct(s);
			expand_double_quoted(e, s + 1, next - 1);
			s = next;
			continue;
		case '\\':
			s = expand_backslash(e, s, end, dquote || e->mode == M_HEREDOC);
			continue;
		case '$':
			s = expand_dollar(e, s, end, dquote);
			continue;
		case '`':
			next = skip_construct(s);
			{
				char *text = backquote_text(s + 1, next - 1, dquote);
				expand_command(e, text, dquote);
				free(text);
			}
			s = next;
			continue;
		case '<':
		case '>':
			/* <(list) >(list): only at a word's start, where the lexer made them */
			if (s == e->word_start && s[1] == '(' && !dquote && e->mode != M_HEREDOC) {
				next = skip_construct(s);
				char *text = xstrndup(s + 2, next - s - 3);
				char *path = process_substitution(text, *s == '>');
				add_string(e, path, F_QUOTED);
				free(path);
				free(text);
				s = next;
				continue;
			}
			break;
		case '~':
			if (!dquote && e->mode != M_HEREDOC && tilde_here(e, s) &&
			    (next = expand_tilde(e, s, end)) != NULL) {
				s = next;
				continue;
			}
			break;
		}
		/* ordinary characters: add the whole run at once */
		next = s + 1;
		while (next < end && !is_special_in_word(*next))
			next++;
		add_chars(e, s, next - s, dquote ? F_QUOTED : e->literal_flag);
		s = next;
	}
	return s;
}

/* ---- field splitting, pathname expansion ---- */

/* Does the field have an unquoted * or ?, or an unquoted [ with a ] after it? */
static int has_live_pattern(const char *text, const char *flags, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (flags[i] & F_QUOTED)
			continue;
		if (text[i] == '*' || text[i] == '?')
			return 1;
		if (text[i] == '[' && memchr(text + i + 1, ']', len - i - 1))
			return 1;
	}
	return 0;
}

/* Characters without marks; in a pattern, quoted special characters get a backslash. */
static char *plain_text(const char *text, const char *flags, size_t len, int pattern)
{
	/* (written straight into a buffer of the largest size: this runs for every word) */
	char *out = xmalloc(pattern ? 2 * len + 1 : len + 1), *o = out;

	if (!pattern && memchr(text, '\0', len) == NULL) {	/* no mark (marks are '\0'): as it is */
		memcpy(out, text, len);
		out[len] = '\0';
		return out;
	}

	for (size_t i = 0; i < len; i++) {
		if (flags[i] & F_MARK)
			continue;
		/* (! ^ - too: quoted inside [...] they are plain characters) */
		if (pattern && (flags[i] & F_QUOTED) && strchr("*?[]\\!^-", text[i]))
			*o++ = '\\';
		*o++ = text[i];
	}
	*o = '\0';
	return out;
}

/* ---- pathname expansion (2.13.3) ----
 * Done here rather than by glob(3): uClibc's glob matches with its fnmatch,
 * which takes time exponential in the number of '*'; pattern_match is linear.
 */

/* Has this part of a pattern a * ? or [ that is not escaped? */
static int has_magic(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\\')
			i++;
		else if (p[i] == '*' || p[i] == '?' || p[i] == '[')
			return 1;
	}
	return 0;
}

/* The names matching pattern (relative to path, which is built up as the parts match) go to out. */
static void glob_in(struct strbuf *path, const char *pattern, struct strlist *out)
{
	const char *slash = strchr(pattern, '/');
	size_t part_len = slash ? (size_t)(slash - pattern) : strlen(pattern), base = path->len;
	struct stat st;

	check_stack();
	if (!has_magic(pattern, part_len)) {
		for (size_t i = 0; i < part_len; i++)	/* a plain part: no directory to read */
			sb_addc(path, pattern[i] == '\\' && i + 1 < part_len ? pattern[++i] : pattern[i]);
		if (slash) {
			sb_addc(path, '/');
			glob_in(path, slash + 1, out);
		} else if (lstat(path->s ? path->s : "", &st) == 0) {
			sl_add(out, xstrdup(path->s));
		}
	} else {
		char *part = xstrndup(pattern, part_len);
		DIR *d = opendir(base ? path->s : ".");
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (pattern_match(part, e->d_name, FNM_PERIOD) != 0)
				continue;
			path->len = base;
			sb_adds(path, e->d_name);
			if (slash) {
				sb_addc(path, '/');
				glob_in(path, slash + 1, out);
			} else {
				sl_add(out, xstrdup(path->s));
			}
		}
		if (d)
			closedir(d);
		free(part);
	}
	path->len = base;
	if (path->s)
		path->s[base] = '\0';
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the sorted names that match pattern to fields; 0 if none did. */
static int expand_pathname(const char *pattern, struct strlist *fields)
{
	struct strbuf path = { 0 };
	int first = fields->count;

	glob_in(&path, pattern, fields);
	free(path.s);
	if (fields->count > first)	/* none: fields->v may still be NULL (found by fuzzing) */
		qsort(fields->v + first, fields->count - first, sizeof *fields->v, compare_names);
	return fields->count > first;
}

/* One field is ready: glob it if it has live pattern characters, then keep it. */
static void emit_field(struct expansion *e, size_t from, size_t to, int force)
{
	const char *text = e->text.s + from, *flags = e->flags.s + from;
	size_t len = to - from;

	if (len == 0 && !force)
		return;
	if (!sh_opt.noglob && has_live_pattern(text, flags, len)) {
		char *pattern = plain_text(text, flags, len, 1);
		int found = expand_pathname(pattern, e->fields);
		free(pattern);
		if (found)
			return;
	}
	sl_add(e->fields, plain_text(text, flags, len, 0));
}

static int is_ifs_char(struct expansion *e, size_t i, const char *ifs)
{
	char c = e->text.s[i];

	return (e->flags.s[i] & F_SPLIT) && c != '\0' && strchr(ifs, c) != NULL;
}

static int is_ifs_space(struct expansion *e, size_t i, const char *ifs)
{
	char c = e->text.s[i];

	return is_ifs_char(e, i, ifs) && (c == ' ' || c == '\t' || c == '\n');
}

/* Split what was collected at IFS characters (2.6.5), emit the fields, start afresh. */
static void finish_field(struct expansion *e)
{
	const char *ifs = var_get("IFS");
	size_t len = e->text.len, pos = 0, start;

	if (ifs == NULL)
		ifs = " \t\n";
	while (pos < len && is_ifs_space(e, pos, ifs))
		pos++;
	start = pos;
	while (pos < len) {
		if (!is_ifs_char(e, pos, ifs)) {
			pos++;
			continue;
		}
		emit_field(e, start, pos, 1);
		while (pos < len && is_ifs_space(e, pos, ifs))
			pos++;
		if (pos < len && is_ifs_char(e, pos, ifs)) {
			pos++;
			while (pos < len && is_ifs_space(e, pos, ifs))
				pos++;
		}
		start = pos;
	}
	if (start < len)
		emit_field(e, start, len, 0);
	e->text.len = e->flags.len = 0;
}

/* ---- the entry points ---- */

static char *take_string(struct expansion *e)
{
	char *s = plain_text(e->text.s ? e->text.s : "", e->flags.s ? e->flags.s : "", e->text.len, 0);

	free(e->text.s);
	free(e->flags.s);
	return s;
}

static char *pattern_of(struct expansion *e)
{
	char *s = plain_text(e->text.s ? e->text.s : "", e->flags.s ? e->flags.s : "", e->text.len, 1);

	free(e->text.s);
	free(e->flags.s);
	return s;
}

/* Expand the raw text s..end into one string (M_STRING, M_PATTERN or M_HEREDOC). */
static char *expand_part(const char *s, const char *end, enum mode mode, int dquote)
{
	struct expansion e = { .mode = mode, .word_start = s };

	expand_text(&e, s, end, dquote);
	return mode == M_PATTERN ? pattern_of(&e) : take_string(&e);
}

/* Words with none of these characters expand to themselves ("[" alone is no pattern). */
static int is_plain(const char *s)
{
	const char *special = strpbrk(s, "$`'\"\\*?[~");

	if ((s[0] == '<' || s[0] == '>') && s[1] == '(')
		return 0;	/* a process substitution */

	return special == NULL || (*special == '[' && strpbrk(special, "$`'\"\\*?]~") == NULL);
}

/*
 * The value of a word that is one parameter and nothing else: $name, ${name},
 * "$name" or "${name}" (*quoted says which). The common case, taken without
 * the general machinery. Returns 0 when the word is something else, or when
 * the parameter is unset and set -u must complain.
 */
static int lone_parameter(const char *text, int *quoted, char **value)
{
	size_t len = strlen(text), name_len;
	int braces;

	*quoted = text[0] == '"';
	if (*quoted && (len < 3 || text[len - 1] != '"'))
		return 0;
	text += *quoted;
	len -= 2 * *quoted;
	if (text[0] != '$')
		return 0;
	braces = text[1] == '{';
	name_len = param_name_length(text + 1 + braces, braces);
	if (name_len == 0 || text[1 + braces] == '@' || text[1 + braces] == '*' ||
	    len != 1 + name_len + 2 * braces || (braces && text[len - 1] != '}'))
		return 0;
	*value = param_value(text + 1 + braces, name_len);
	if (*value == NULL && sh_opt.nounset)
		return 0;
	return 1;
}

void expand_words(struct word *w, struct strlist *fields)
{
	for (; w; w = w->next) {
		struct expansion e = { .mode = M_FIELDS, .fields = fields, .word_start = w->text };
		int quoted;
		char *value;
		if (is_plain(w->text) && *w->text) {
			sl_add(fields, xstrdup(w->text));
			continue;
		}
		if (w->text[0] == '"' && lone_parameter(w->text, &quoted, &value)) {
			sl_add(fields, value ? value : xstrdup(""));	/* "$x": one field, as it is */
			continue;
		}
		expand_text(&e, w->text, w->text + strlen(w->text), 0);
		finish_field(&e);
		free(e.text.s);
		free(e.flags.s);
	}
}

char *expand_word(const char *text)
{
	if (is_plain(text))
		return xstrdup(text);
	return expand_part(text, text + strlen(text), M_STRING, 0);
}

char *expand_assignment(const char *text)
{
	const char *eq = strchr(text, '=');
	struct expansion e = { .mode = M_STRING, .assignment = 1, .word_start = eq + 1 };
	struct strbuf b = { 0 };
	char *value;
	int quoted;

	if (is_plain(eq + 1))
		return xstrdup(text);
	if (lone_parameter(eq + 1, &quoted, &value)) {	/* x=$y: no splitting in an assignment */
		sb_addn(&b, text, eq + 1 - text);
		sb_adds(&b, value ? value : "");
		free(value);
		return sb_take(&b);
	}
	/* "name=" first, as quoted text: the string taken at the end is the whole assignment */
	add_chars(&e, text, eq + 1 - text, F_QUOTED);
	expand_text(&e, eq + 1, eq + 1 + strlen(eq + 1), 0);
	return take_string(&e);
}

char *expand_pattern(const char *text)
{
	return expand_part(text, text + strlen(text), M_PATTERN, 0);
}

char *expand_heredoc(const char *text)
{
	return expand_part(text, text + strlen(text), M_HEREDOC, 1);
}

char *remove_quotes(const char *text)
{
	struct strbuf b = { 0 };
	int dquote = 0;

	for (const char *s = text; *s; s++) {
		if (*s == '\'' && !dquote) {
			const char *close = strchr(s + 1, '\'');
			if (close == NULL)
				close = s + strlen(s);
			sb_addn(&b, s + 1, close - s - 1);
			s = *close ? close : close - 1;
		} else if (*s == '"') {
			dquote = !dquote;
		} else if (*s == '\\' && s[1] && (!dquote || strchr("$`\"\\", s[1]))) {
			sb_addc(&b, *++s);	/* (in "...", only before $ ` " \ is it a quote) */
		} else {
			sb_addc(&b, *s);
		}
	}
	return sb_take(&b);
}

/* ---- prompts ---- */

static void add_escaped(struct strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '$' || *s == '`' || *s == '\\')
			sb_addc(b, '\\');
		sb_addc(b, *s);
	}
}

/* The current directory for \w, with $HOME shown as ~. */
static void add_cwd(struct strbuf *b, int last_part_only)
{
	const char *pwd = var_get("PWD"), *home = var_get("HOME");
	char buf[4096];

	if (pwd == NULL || *pwd != '/')
		pwd = getcwd(buf, sizeof buf) ? buf : "?";
	if (last_part_only && strcmp(pwd, "/") != 0) {
		const char *slash = strrchr(pwd, '/');
		add_escaped(b, slash ? slash + 1 : pwd);
		return;
	}
	if (home && *home && strcmp(home, "/") != 0 && starts_with(pwd, home) &&
	    (pwd[strlen(home)] == '/' || pwd[strlen(home)] == '\0')) {
		sb_addc(b, '~');
		pwd += strlen(home);
	}
	add_escaped(b, pwd);
}

static void add_prompt_escape(struct strbuf *b, char c)
{
	char buf[256];
	struct passwd *pw;

	switch (c) {
	case 'u':
		pw = getpwuid(geteuid());
		add_escaped(b, pw ? pw->pw_name : "?");
		break;
	case 'h':
		if (gethostname(buf, sizeof buf) != 0)
			strcpy(buf, "?");
		buf[sizeof buf - 1] = '\0';
		*strchrnul(buf, '.') = '\0';
		add_escaped(b, buf);
		break;
	case 'w':
	case 'W':
		add_cwd(b, c == 'W');
		break;
	case '$':
		sb_addc(b, geteuid() == 0 ? '#' : '$');
		break;
	case 'n':
		sb_addc(b, '\n');
		break;
	case 'e':
		sb_addc(b, '\033');
		break;
	case '[':	/* bash's markers around escape codes: the editor skips those anyway */
	case ']':
		break;
	case '\\':
		sb_adds(b, "\\\\");
		break;
	default:
		sb_addc(b, '\\');
		sb_addc(b, c);
	}
}

char *expand_prompt(const char *ps)
{
	struct strbuf b = { 0 };
	char *result;

	for (; *ps; ps++) {
		if (*ps == '\\' && ps[1])
			add_prompt_escape(&b, *++ps);
		else
			sb_addc(&b, *ps);
	}
	result = expand_heredoc(b.s ? b.s : "");
	free(b.s);
	return result;
}
