/*
 * run.c: awk's interpreter, a walk over the syntax tree of parse.c.
 *
 * eval() computes an expression node into a new cell (the caller frees it);
 * exec() runs a statement node and says how it ended (normally, or by break,
 * continue or return). next, nextfile and exit leave many levels at once, so
 * they jump (longjmp) back to the record loop or to the END rules.
 *
 * A function call gets a frame: one struct var per parameter. Scalars are
 * copied in; an array is passed by reference; a still-unset variable is passed
 * as a reference too, in case the function makes it an array.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "mini.h"
#include "awk.h"

int exit_status;
int current_line;

enum { S_NORMAL, S_BREAK, S_CONTINUE, S_RETURN };

static struct var *frame;	/* the parameters of the running function */
static int call_depth;
static struct cell return_value;
static jmp_buf next_record;	/* where next and nextfile go */
static jmp_buf exit_program;	/* where exit goes */
static int in_main_rules;	/* next is only allowed there */

static int exec(struct node *n);

/* ---- the C stack ----
 * A program's recursion (a function calling itself, sprintf in sprintf...) is
 * recursion of eval() and exec() here. Before it uses up the C stack, which
 * would end awk with a signal, it is stopped with a message: eval() and exec()
 * look how far below run_program() they are.
 */
static uintptr_t stack_top;
static size_t stack_budget;

static void start_stack_check(void)
{
	struct rlimit limit;
	size_t size = 8 << 20;
	char here;

	if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur < size)
		size = limit.rlim_cur;
	/* A quarter is left for what runs below the last check: printf, regexec... */
	stack_budget = size / 4 * 3;
	stack_top = (uintptr_t)&here;
}

static void check_stack(void)
{
	char here;

	if (stack_top - (uintptr_t)&here > stack_budget)
		runtime_error("recursion too deep");
}

struct var *node_var(struct node *n)
{
	return n->type == N_LOCAL ? &frame[n->index] : n->var;
}

/* The subscript of a[i] or a[i, j]: the values joined by SUBSEP. */
static char *subscript(struct node *list)
{
	struct strbuf b = { 0 };
	char *sep = NULL;

	for (; list; list = list->next) {
		char *s = eval_str(list);

		if (sep)
			sb_adds(&b, sep);
		else if (list->next)
			sep = to_str(&v_SUBSEP->val);
		sb_adds(&b, s);
		free(s);
	}
	free(sep);
	return sb_take(&b);
}

char *eval_str(struct node *n)
{
	struct cell c = eval(n);
	char *s = take_string(&c);	/* eval's cell is ours: no copy */

	free_cell(&c);
	return s;
}

double eval_num(struct node *n)
{
	struct cell c = eval(n);
	double d = to_num(&c);

	free_cell(&c);
	return d;
}

static int eval_bool(struct node *n)
{
	struct cell c = eval(n);
	int b = to_bool(&c);

	free_cell(&c);
	return b;
}

/* ---- lvalues: a variable, an array element, or a field, found once ---- */

struct lvalue {
	struct var *var;	/* a variable: set_var knows the special ones */
	struct cell *elem;	/* or an array element */
	int field;		/* or a field ($0 too) */
};

static struct lvalue resolve(struct node *n)
{
	struct lvalue lv = { NULL, NULL, -1 };

	if (n->type == N_FIELD) {
		double d = eval_num(n->a);

		lv.field = d >= 0 && d <= 100000 ? (int)d : -1;
		if (lv.field < 0)
			runtime_error("bad field index $%g", d);
	} else if (n->type == N_INDEX) {
		char *key = subscript(n->b);

		lv.elem = array_ref(var_array(node_var(n->a)), key, 1);
		free(key);
	} else {
		lv.var = node_var(n);
	}
	return lv;
}

static struct cell lvalue_get(struct lvalue *lv)
{
	if (lv->var)
		return get_var(lv->var);
	if (lv->elem)
		return copy_cell(lv->elem);
	return get_field(lv->field);
}

static void lvalue_set(struct lvalue *lv, struct cell c)
{
	if (lv->var) {
		set_var(lv->var, c);
	} else if (lv->elem) {
		free_cell(lv->elem);
		*lv->elem = c;
	} else {
		set_field(lv->field, c);
	}
}

void assign_to(struct node *target, struct cell v)
{
	struct lvalue lv = resolve(target);

	lvalue_set(&lv, v);
}

/* ---- arithmetic ---- */

static double arith(enum node_type op, double x, double y)
{
	switch (op) {
	case N_ADD: return x + y;
	case N_SUB: return x - y;
	case N_MUL: return x * y;
	case N_DIV:
		if (y == 0)
			runtime_error("division by zero");
		return x / y;
	case N_MOD:
		if (y == 0)
			runtime_error("division by zero in %%");
		return awk_fmod(x, y);
	default:
		return awk_pow(x, y);
	}
}

/* x op= y, ++x, x++ ...: the new value, or the old one for x++ and x--. */
static struct cell update(struct node *target, enum node_type op, double y, int return_old)
{
	struct var *v = target->type == N_VAR || target->type == N_LOCAL ? node_var(target) : NULL;

	/* A variable holding a plain number (a counter, a sum), changed where it is:
	 * no copy of its cell and no assignment. NF's and FS's assignments do more. */
	if (v && v->kind == V_SCALAR && v->val.flags == (C_NUM | C_NUMERIC) && !v->val.str &&
	    v != v_NF && v != v_FS) {
		double before = v->val.num;

		v->val.num = arith(op, before, y);
		return num_cell(return_old ? before : v->val.num);
	}

	struct lvalue lv = resolve(target);
	struct cell old = lvalue_get(&lv);
	double before = to_num(&old), after = arith(op, before, y);

	free_cell(&old);
	lvalue_set(&lv, num_cell(after));
	return num_cell(return_old ? before : after);
}

/* ---- function calls ---- */

static struct cell call_function(struct node *n)
{
	struct func *f = n->fn;
	struct var *locals = xzalloc((f->nparams + 1) * sizeof *locals), *saved = frame;
	struct node *arg = n->a;
	int i, status;

	if (call_depth >= MAX_CALL_DEPTH)
		runtime_error("function calls nested too deeply");
	for (i = 0; arg; arg = arg->next, i++) {
		struct var *src = arg->type == N_VAR || arg->type == N_LOCAL ? node_var(arg) : NULL;

		if (i >= f->nparams)
			runtime_error("function %s called with too many arguments", f->name);
		locals[i].val = UNSET_CELL;
		if (src && src->kind == V_ARRAY) {
			locals[i].kind = V_ARRAY;
			locals[i].arr = src->arr;
		} else if (src && src->kind == V_UNSET) {
			locals[i].ref = src;
		} else {
			locals[i].val = eval(arg);
			locals[i].kind = V_SCALAR;
		}
	}
	for (; i < f->nparams; i++)
		locals[i].val = UNSET_CELL;
	frame = locals;
	call_depth++;
	return_value = UNSET_CELL;
	status = exec(f->body);
	call_depth--;
	frame = saved;
	for (i = 0; i < f->nparams; i++) {
		free_cell(&locals[i].val);
		if (locals[i].owns_arr)
			array_free(locals[i].arr);
	}
	free(locals);
	if (status != S_RETURN)
		return UNSET_CELL;
	struct cell r = return_value;
	return_value = UNSET_CELL;
	return r;
}

/* ---- getline ---- */

static struct cell getline_expr(struct node *n)
{
	char *name = n->a ? eval_str(n->a) : NULL, *text;
	int r;

	r = getline_from(n->op, name, &text);
	free(name);
	if (r > 0) {
		if (n->b) {
			assign_to(n->b, strnum_take(text));
		} else {
			set_record(text);
		}
	}
	return num_cell(r);
}

/* ---- expressions ---- */

static struct cell concat(struct node *n)
{
	struct cell x = eval(n->a), y = eval(n->b);
	char *s = take_string(&x), *t = take_string(&y);
	size_t len = strlen(s), more = strlen(t);

	s = xrealloc(s, len + more + 1);
	memcpy(s + len, t, more + 1);
	free(t);
	free_cell(&x);
	free_cell(&y);
	return str_cell(s);
}

/* The parts X, Y... of the concatenation s X Y..., one after the other in b. */
static void add_parts(struct strbuf *b, struct node *concat)
{
	char *s;

	if (concat->a->type == N_CONCAT)
		add_parts(b, concat->a);
	s = eval_str(concat->b);
	sb_adds(b, s);
	free(s);
}

/*
 * s = s X Y... (parse.c marked it): X Y... are appended to s's own buffer,
 * which grows by doubling. Done the plain way, every append copies all of s
 * several times, and building a string of n pieces takes time n^2. Returns 0
 * when s is no string variable yet (or NF or FS, whose assignment does more).
 */
static int append_in_place(struct node *n)
{
	struct var *v = node_var(n->a);
	struct strbuf parts = { 0 };

	if (v->kind != V_SCALAR || !(v->val.flags & C_STR) || v == v_NF || v == v_FS)
		return 0;
	if (v->str_cap == 0) {		/* the first append: the buffer is the string */
		if (!v->val.str)
			v->val.str = xstrdup("");
		v->str_len = strlen(v->val.str);
		v->str_cap = v->str_len + 1;
	}
	/* All parts first: one of them may be s itself (s = s "," s). */
	add_parts(&parts, n->b);
	if (v->str_len + parts.len + 1 > v->str_cap) {
		v->str_cap = 2 * (v->str_len + parts.len + 1);
		v->val.str = xrealloc(v->val.str, v->str_cap);
	}
	memcpy(v->val.str + v->str_len, parts.s ? parts.s : "", parts.len + 1);
	v->str_len += parts.len;
	v->val.flags = C_STR;
	free(parts.s);
	return 1;
}

static int regex_matches(struct node *subject, struct node *re_node)
{
	char *s = eval_str(subject);
	int r = regex_matches_text(node_regex(re_node), s);

	free(s);
	return r;
}

static struct cell compare(struct node *n)
{
	struct cell x = eval(n->a), y = eval(n->b);
	int c = compare_cells(&x, &y), r;

	free_cell(&x);
	free_cell(&y);
	switch (n->type) {
	case N_LT: r = c < 0; break;
	case N_LE: r = c <= 0; break;
	case N_NE: r = c != 0; break;
	case N_EQ: r = c == 0; break;
	case N_GT: r = c > 0; break;
	default: r = c >= 0; break;
	}
	return num_cell(r);
}

static int in_array(struct node *n)
{
	char *key = subscript(n->a);
	int r = array_ref(var_array(node_var(n->b)), key, 0) != NULL;

	free(key);
	return r;
}

struct cell eval(struct node *n)
{
	struct cell c;

	check_stack();
	switch (n->type) {
	case N_NUM:
		return num_cell(n->num);
	case N_STR:
		return str_cell(xstrdup(n->str));
	case N_REGEX:		/* /re/ alone: $0 ~ /re/ */
		return num_cell(regex_matches_text(n->re, record_text()));
	case N_VAR:
	case N_LOCAL:
	case N_FIELD:
	case N_INDEX: {
		struct lvalue lv = resolve(n);
		return lvalue_get(&lv);
	}
	case N_GROUP:
		runtime_error("a (list) outside print or in");
	case N_ASSIGN:
		if (n->op && append_in_place(n))
			return copy_cell(&node_var(n->a)->val);
		c = eval(n->b);
		assign_to(n->a, copy_cell(&c));
		return c;
	case N_OPASSIGN:
		return update(n->a, n->op, eval_num(n->b), 0);
	case N_PREINC: return update(n->a, N_ADD, 1, 0);
	case N_PREDEC: return update(n->a, N_SUB, 1, 0);
	case N_POSTINC: return update(n->a, N_ADD, 1, 1);
	case N_POSTDEC: return update(n->a, N_SUB, 1, 1);
	case N_COND:
		return eval(eval_bool(n->a) ? n->b : n->c);
	case N_OR:
		return num_cell(eval_bool(n->a) || eval_bool(n->b));
	case N_AND:
		return num_cell(eval_bool(n->a) && eval_bool(n->b));
	case N_IN:
		return num_cell(in_array(n));
	case N_MATCH:
		return num_cell(regex_matches(n->a, n->b));
	case N_NOMATCH:
		return num_cell(!regex_matches(n->a, n->b));
	case N_LT: case N_LE: case N_NE: case N_EQ: case N_GT: case N_GE:
		return compare(n);
	case N_CONCAT:
		return concat(n);
	case N_ADD: case N_SUB: case N_MUL: case N_DIV: case N_MOD: case N_POW: {
		double x = eval_num(n->a);
		return num_cell(arith(n->type, x, eval_num(n->b)));
	}
	case N_NOT:
		return num_cell(!eval_bool(n->a));
	case N_NEG:
		return num_cell(-eval_num(n->a));
	case N_PLUS:
		return num_cell(eval_num(n->a));
	case N_CALL:
		return call_function(n);
	case N_BUILTIN:
		return call_builtin(n);
	case N_GETLINE:
		return getline_expr(n);
	default:
		runtime_error("bad expression");
	}
}

/* ---- statements ---- */

static FILE *destination(struct node *n)
{
	FILE *fp;
	char *name;

	if (n->op == IO_NONE)
		return stdout;
	name = eval_str(n->b);
	fp = output_stream(n->op, name);
	free(name);
	return fp;
}

/* Write and free text; a full disk or a closed pipe ends awk rather than loop on. */
static void write_out(FILE *fp, char *text, size_t len)
{
	fwrite(text, 1, len, fp);
	free(text);
	if (ferror(fp))
		runtime_error("write error");
}

static void print(struct node *n)
{
	struct strbuf b = { 0 };
	char *ors, *out;
	size_t len;
	FILE *fp;

	if (!n->a) {
		struct cell c = get_field(0);
		sb_adds(&b, c.str);
		free_cell(&c);
	}
	for (struct node *a = n->a; a; a = a->next) {
		struct cell c = eval(a);
		char *s = c.flags & C_STR ? take_string(&c) : to_output_str(&c);

		free_cell(&c);
		if (a != n->a) {
			char *ofs = to_str(&v_OFS->val);
			sb_adds(&b, ofs);
			free(ofs);
		}
		sb_adds(&b, s);
		free(s);
	}
	ors = to_str(&v_ORS->val);
	sb_adds(&b, ors);
	free(ors);
	len = b.len;
	out = sb_take(&b);
	fp = destination(n);
	write_out(fp, out, len);
}

static void print_formatted(struct node *n)
{
	size_t len;
	char *out = format_args(n->a, &len);

	write_out(destination(n), out, len);
}

static int exec_loop_body(struct node *body, int *stop)
{
	int s = exec(body);

	*stop = s == S_BREAK || s == S_RETURN;
	return s == S_RETURN ? S_RETURN : S_NORMAL;
}

static int for_in(struct node *n)
{
	struct array *a = var_array(node_var(n->b));
	unsigned count;
	char **keys = array_keys(a, &count);
	int status = S_NORMAL, stop = 0;

	for (unsigned i = 0; i < count; i++) {
		if (!stop) {
			assign_to(n->a, strnum_take(keys[i]));
			status = exec_loop_body(n->c, &stop);
		} else {
			free(keys[i]);
		}
	}
	free(keys);
	return status;
}

static void delete(struct node *target)
{
	if (target->type == N_INDEX) {
		char *key = subscript(target->b);

		array_delete(var_array(node_var(target->a)), key);
		free(key);
	} else {
		array_clear(var_array(node_var(target)));
	}
}

static int exec(struct node *n)
{
	int status = S_NORMAL, stop = 0;

	check_stack();
	current_line = n->line;
	switch (n->type) {
	case N_BLOCK:
		for (struct node *s = n->a; s; s = s->next)
			if ((status = exec(s)) != S_NORMAL)
				return status;
		return S_NORMAL;
	case N_EXPR: {
		struct cell c;

		/* s = s X as a statement: its value is not needed, no copy of s either. */
		if (n->a->type == N_ASSIGN && n->a->op && append_in_place(n->a))
			return S_NORMAL;
		c = eval(n->a);
		free_cell(&c);
		return S_NORMAL;
	}
	case N_PRINT:
		print(n);
		return S_NORMAL;
	case N_PRINTF:
		print_formatted(n);
		return S_NORMAL;
	case N_IF:
		if (eval_bool(n->a))
			return exec(n->b);
		return n->c ? exec(n->c) : S_NORMAL;
	case N_WHILE:
		while (!stop && eval_bool(n->a))
			status = exec_loop_body(n->b, &stop);
		return status;
	case N_DO:
		do
			status = exec_loop_body(n->b, &stop);
		while (!stop && eval_bool(n->a));
		return status;
	case N_FOR:
		if (n->a)
			eval_num(n->a);
		while (!stop && (!n->b || eval_bool(n->b))) {
			status = exec_loop_body(n->d, &stop);
			if (!stop && n->c)
				eval_num(n->c);
		}
		return status;
	case N_FORIN:
		return for_in(n);
	case N_DELETE:
		delete(n->a);
		return S_NORMAL;
	case N_BREAK:
		return S_BREAK;
	case N_CONTINUE:
		return S_CONTINUE;
	case N_RETURN:
		return_value = n->a ? eval(n->a) : UNSET_CELL;
		return S_RETURN;
	case N_NEXTFILE:
		close_main_input();
		/* fall through */
	case N_NEXT:
		if (!in_main_rules)
			runtime_error("next or nextfile outside the main rules");
		longjmp(next_record, 1);
	case N_EXIT:
		if (n->a)
			exit_status = (int)eval_num(n->a);
		longjmp(exit_program, 1);
	default:
		runtime_error("bad statement");
	}
}

/* ---- rules ---- */

static int pattern_matches(struct node *p)
{
	current_line = p->line;
	return eval_bool(p);
}

static void run_rule(struct rule *r)
{
	if (r->pattern2) {		/* a range: from a record matching p1 to one matching p2 */
		if (!r->in_range) {
			if (!pattern_matches(r->pattern))
				return;
			r->in_range = 1;
		}
		if (pattern_matches(r->pattern2))
			r->in_range = 0;
	} else if (r->pattern && !pattern_matches(r->pattern)) {
		return;
	}
	if (r->action) {
		exec(r->action);
	} else {
		struct node print_all = { .type = N_PRINT, .line = current_line };
		exec(&print_all);
	}
}

static void run_rules(struct rule *list)
{
	for (struct rule *r = list; r; r = r->next)
		run_rule(r);
}

static void forget_calls(void)
{
	frame = NULL;
	call_depth = 0;
}

void run_program(void)
{
	start_stack_check();
	if (setjmp(exit_program) == 0) {
		run_rules(begin_rules);
		if (main_rules || end_rules) {
			in_main_rules = 1;
			setjmp(next_record);
			forget_calls();
			while (read_main_record())
				run_rules(main_rules);
			in_main_rules = 0;
		}
	}
	forget_calls();
	in_main_rules = 0;
	if (setjmp(exit_program) == 0)
		run_rules(end_rules);
	close_all();
}
