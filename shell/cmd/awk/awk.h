/*
 * awk.h: what the parts of mini's awk share.
 *
 * awk runs in three steps. lex.c cuts the program text into tokens; parse.c
 * builds a tree of nodes from them (one node per expression or statement);
 * run.c walks that tree. What the tree-walker calls: value.c (values and
 * their conversions, printf), data.c (variables, arrays, records, fields),
 * io.c (files and pipes), builtin.c (the built-in functions). awk.c reads
 * the command line.
 */
#ifndef AWK_H
#define AWK_H

#include <regex.h>
#include <stdio.h>

/* ---- values ---- */

/*
 * A cell is one awk value. A number and a string may both be valid at once:
 * input fields are strings that, when they look like numbers ("strnum"),
 * also carry their number and compare as numbers.
 */
enum {
	C_NUM = 1,		/* num is valid */
	C_STR = 2,		/* str is valid (malloc'd, owned by the cell; NULL is "") */
	C_NUMERIC = 4,		/* compares as a number: a number, a strnum, or unset */
};
struct cell {
	int flags;
	double num;
	char *str;
};

/* The value of a variable never set: "" and 0 at once. */
#define UNSET_CELL ((struct cell){ C_NUM | C_STR | C_NUMERIC, 0, NULL })

/* ---- variables and arrays ---- */

struct elem {			/* one element of an associative array */
	struct elem *next;	/* the next one in the same hash chain */
	unsigned hash;		/* of key: growing the table needs no rehashing */
	struct cell val;
	char key[];		/* in the same allocation: one malloc an element */
};
struct array {
	struct elem **slot;
	unsigned nslots, count;
};

enum { V_UNSET, V_SCALAR, V_ARRAY };
struct var {
	char *name;
	int kind;
	struct cell val;
	struct array *arr;
	int owns_arr;		/* free arr with the var (not when it is a caller's) */
	struct var *ref;	/* a local bound to a caller's still-unset variable */
	/* While s = s X grows val.str in place (run.c): its length and buffer
	 * size. 0 after any other assignment (set_var). */
	size_t str_len, str_cap;
	struct var *next;	/* the list of all globals */
};

/* ---- regular expressions ---- */

/* A compiled regex: regcomp's, and simplere.c's faster matcher when the regex is simple. */
struct regex {
	regex_t re;
	struct simple_re *simple;	/* NULL: regexec does it all */
};

/* ---- the syntax tree ---- */

enum node_type {
	/* expressions */
	N_NUM, N_STR, N_REGEX, N_VAR, N_LOCAL, N_FIELD, N_INDEX, N_GROUP,
	N_ASSIGN, N_OPASSIGN, N_COND, N_OR, N_AND, N_IN, N_MATCH, N_NOMATCH,
	N_LT, N_LE, N_NE, N_EQ, N_GT, N_GE, N_CONCAT, N_ADD, N_SUB, N_MUL,
	N_DIV, N_MOD, N_POW, N_NOT, N_NEG, N_PLUS, N_PREINC, N_PREDEC,
	N_POSTINC, N_POSTDEC, N_CALL, N_BUILTIN, N_GETLINE,
	/* statements */
	N_PRINT, N_PRINTF, N_IF, N_WHILE, N_DO, N_FOR, N_FORIN, N_BLOCK,
	N_NEXT, N_NEXTFILE, N_EXIT, N_RETURN, N_BREAK, N_CONTINUE, N_DELETE,
	N_EXPR
};

/* Where getline reads and print writes (node->op of N_GETLINE, N_PRINT). */
enum { IO_NONE, IO_FILE, IO_APPEND, IO_PIPE };

struct node {
	enum node_type type;
	int op;			/* N_OPASSIGN: the arithmetic node type; N_BUILTIN: which; IO_*;
				 * N_ASSIGN: 1 for s = s X..., which may append in place */
	int line;		/* in the program, for runtime errors */
	struct node *a, *b, *c, *d;	/* operands, by type */
	struct node *next;	/* the next statement or list item */
	double num;
	char *str;
	struct regex *re;
	struct var *var;	/* N_VAR */
	struct func *fn;	/* N_CALL */
	int index;		/* N_LOCAL: the parameter's number */
	int height;		/* of the tree below, limited (parse.c) */
};

struct func {
	char *name;
	int nparams;
	char **params;
	struct node *body;
	int defined;
	struct func *next;
};

/* The whole program. */
struct rule {
	struct node *pattern, *pattern2;	/* none, one, or a range */
	struct node *action;	/* NULL: print $0 */
	int in_range;
	struct rule *next;
};
extern struct rule *begin_rules, *main_rules, *end_rules;

/* The built-in functions (node->op of N_BUILTIN). */
enum {
	B_LENGTH, B_SUBSTR, B_INDEX, B_SPLIT, B_SUB, B_GSUB, B_MATCH, B_SPRINTF,
	B_TOLOWER, B_TOUPPER, B_INT, B_SQRT, B_EXP, B_LOG, B_SIN, B_COS,
	B_ATAN2, B_AND, B_OR, B_XOR, B_COMPL, B_LSHIFT, B_RSHIFT,
	B_RAND, B_SRAND, B_CLOSE, B_FFLUSH, B_SYSTEM	/* I/O last (parse.c) */
};

/* ---- lex.c ---- */
enum token {
	T_EOF, T_NEWLINE, T_NUMBER, T_STRING, T_ERE, T_NAME, T_FUNC_NAME, T_BUILTIN,
	/* keywords */
	T_BEGIN, T_END, T_FUNCTION, T_IF, T_ELSE, T_WHILE, T_FOR, T_DO, T_BREAK,
	T_CONTINUE, T_NEXT, T_NEXTFILE, T_EXIT, T_RETURN, T_DELETE, T_GETLINE,
	T_PRINT, T_PRINTF, T_IN,
	/* operators: those of one character are the character itself */
	T_ADD_ASSIGN = 256, T_SUB_ASSIGN, T_MUL_ASSIGN, T_DIV_ASSIGN, T_MOD_ASSIGN,
	T_POW_ASSIGN, T_OR, T_AND, T_NOMATCH, T_EQ, T_LE, T_GE, T_NE, T_INCR,
	T_DECR, T_APPEND
};
struct lexer {
	const char *src, *p;	/* the whole text, the next character */
	int line;
	int prev;		/* the token before: decides whether '/' starts a regex */
};
extern struct lexer lex;
extern int tok;			/* the current token */
extern char *tok_text;		/* its text (a name, or a decoded string or regex) */
extern double tok_num;
extern int tok_builtin;		/* B_* of a T_BUILTIN */
void lex_start(const char *text);
void next_token(void);
void awk_syntax_error(const char *what) __attribute__((noreturn));

/* ---- parse.c ---- */
void parse_program(const char *text);
struct var *lookup_var(const char *name);

/* ---- run.c ---- */
struct cell eval(struct node *n);
/* eval() to a number, or to a malloc'd string; the cell freed. */
double eval_num(struct node *n);
char *eval_str(struct node *n);
void run_program(void);
void assign_to(struct node *target, struct cell v);
extern int exit_status;
extern int current_line;		/* of the statement running, for messages */

/* ---- value.c: values ---- */
void runtime_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* inline: made for every number and string an expression computes */
static inline struct cell num_cell(double d)
{
	return (struct cell){ C_NUM | C_NUMERIC, d, NULL };
}
static inline struct cell str_cell(char *s)	/* takes s */
{
	return (struct cell){ C_STR, 0, s };
}
struct cell strnum_cell(const char *s);	/* copies s; a number too if it looks like one */
struct cell strnum_take(char *s);		/* the same, taking s */
char *copy_text(const char *s, size_t len);	/* s[0..len) as a new string */
struct cell copy_cell(const struct cell *c);
void free_cell(struct cell *c);
double to_num(const struct cell *c);
char *to_str(const struct cell *c);	/* malloc'd, with CONVFMT */
/* The string of c, malloc'd: c's own when it has one (taken from it, no copy), else made. */
char *take_string(struct cell *c);
char *to_output_str(const struct cell *c);	/* malloc'd, with OFMT */
int to_bool(const struct cell *c);
int compare_cells(const struct cell *a, const struct cell *b);
char *sprintf_cells(const char *fmt, struct cell *args, int nargs, size_t *len);
char *unescape_assignment(const char *s);

/* ---- data.c: variables, arrays, fields, records ---- */
extern struct var *globals;
extern struct var *v_NF, *v_NR, *v_FNR, *v_FS, *v_OFS, *v_ORS, *v_RS, *v_FILENAME,
	*v_SUBSEP, *v_RSTART, *v_RLENGTH, *v_CONVFMT, *v_OFMT, *v_ENVIRON, *v_ARGC, *v_ARGV;
struct var *new_global(const char *name);
void init_globals(char **envp);
struct array *var_array(struct var *v);
void set_var(struct var *v, struct cell c);	/* takes c */
struct cell get_var(struct var *v);
struct cell *array_ref(struct array *a, const char *key, int create);
void array_delete(struct array *a, const char *key);
void array_clear(struct array *a);
void array_free(struct array *a);
char **array_keys(struct array *a, unsigned *n);
struct cell get_field(int i);
/* $0 itself, no copy (get_field(0) makes one): valid until the record changes. */
const char *record_text(void);
void set_field(int i, struct cell c);	/* takes c */
void set_record(char *text);		/* takes text */
void set_input_record(const char *text, size_t len);	/* a copy of text */
int split_into(const char *s, struct array *a, const struct cell *fs);
struct regex *dynamic_regex(const char *s);
struct regex *compile_regex(const char *s);	/* NULL if it is not a valid ERE */
/* The first match of re in s[from..len) into *m (offsets in s); 0 if none. */
int regex_search(struct regex *re, const char *s, size_t from, size_t len, regmatch_t *m);
/* Does re match anywhere in s? */
int regex_matches_text(struct regex *re, const char *s);

/* ---- simplere.c: a row of atoms like [0-9]+, matched without regexec ---- */
struct simple_re;
struct simple_re *simple_re_compile(const char *pattern);	/* NULL: not simple */
/* As regex_search, for a pattern simple_re_compile took */
int simple_re_search(const struct simple_re *r, const char *s, size_t from, size_t len, regmatch_t *m);

/* ---- io.c: input and output ---- */
int read_main_record(void);		/* into $0; 0 at the end of the input */
void close_main_input(void);		/* nextfile */
int try_assignment(const char *arg);	/* var=value operands and -v */
int getline_from(int kind, const char *name, char **out);
FILE *output_stream(int kind, const char *name);
int close_stream(const char *name);
int flush_stream(const char *name);
void close_all(void);

/* ---- math.c: on the x87 FPU ---- */
double awk_sqrt(double x);
double awk_sin(double x);
double awk_cos(double x);
double awk_atan2(double y, double x);
double awk_log(double x);
double awk_exp(double x);
double awk_fmod(double x, double y);
double awk_floor(double x);
double awk_trunc(double x);
double awk_pow(double x, double y);

/* ---- builtin.c ---- */
struct cell call_builtin(struct node *n);
struct regex *node_regex(struct node *n);	/* a /regex/ node's, or its value's as a regex */
/* printf's and sprintf's format and arguments formatted, malloc'd; its length in *len if len */
char *format_args(struct node *args, size_t *len);
struct var *node_var(struct node *n);	/* the variable of an N_VAR or N_LOCAL node */

#define MAX_CALL_DEPTH 1000

static inline int is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int is_name_start(int c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int is_name_char(int c) { return is_name_start(c) || is_digit(c); }

#endif
