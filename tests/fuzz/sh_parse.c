/*
 * sh_parse.c: a libFuzzer target for the shell's lexer, parser and word
 * expansion (`make fuzz`). It is built for the host, with AddressSanitizer and
 * UndefinedBehaviorSanitizer, from the shell's own source files.
 *
 * Each input is read as a script: every complete command is parsed, and every
 * word of the tree is expanded as a string (so parameter expansion, quoting
 * and arithmetic run too). Commands are never run: command substitution is a
 * stub, and nothing here forks or touches files. Syntax and expansion errors
 * jump back here, as they jump back to the prompt in an interactive shell.
 * (sh.c is the target that runs scripts.) fuzz_run (fuzz.c) gives each input a
 * fresh start: the variables of the shell's files, their memory.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"
#include "fuzz.h"

/* ---- what the parser and expansion need from the rest of the shell ---- */

struct shell_options sh_opt;
int last_status;
pid_t last_bg_pid;
pid_t shell_pid = 1;
char *arg0 = "sh";
const char *script_name = "fuzz";
jmp_buf *error_jump;
volatile sig_atomic_t pending_signals;
static jmp_buf fuzz_jump;

void sh_warn(const char *fmt, ...) { (void)fmt; }
void sh_error(int status, const char *fmt, ...) { (void)status; (void)fmt; longjmp(fuzz_jump, 1); }
void syntax_error(const char *fmt, ...) { (void)fmt; longjmp(fuzz_jump, 1); }
void sh_exit(int status) { (void)status; longjmp(fuzz_jump, 1); }
char *option_letters(void) { return xstrdup("f"); }
char *command_output(const char *text) { (void)text; return xstrdup("output of command"); }
char *process_substitution(const char *text, int output) { (void)text; (void)output; return xstrdup("/dev/fd/63"); }
void path_cache_clear(void) {}
void run_pending_traps(void) {}
const char *alias_get(const char *name) { return strcmp(name, "ll") == 0 ? "ls -l " : NULL; }
char *read_interactive_line(const char *prompt) { (void)prompt; return NULL; }

/* ---- walking the tree ---- */

static void expand_all(struct word *w, char *(*expand)(const char *))
{
	for (; w; w = w->next)
		fuzz_free(expand(w->text));
}

static void walk(struct node *n);

static void walk_list(struct node *n)
{
	for (; n; n = n->next)
		walk(n);
}

static void walk(struct node *n)
{
	struct strbuf text = { 0 };

	if (n == NULL)
		return;
	node_text(n, &text);
	fuzz_free(text.s);
	for (struct redir *r = n->redirs; r; r = r->next) {
		expand_all(r->target, remove_quotes);
		if (r->heredoc && !r->heredoc_quoted)
			fuzz_free(expand_heredoc(r->heredoc));
	}
	switch (n->kind) {
	case N_SIMPLE:
		expand_all(n->u.simple.assigns, expand_assignment);
		expand_all(n->u.simple.args, expand_word);
		break;
	case N_PIPELINE:
		walk_list(n->u.pipeline.cmds);
		break;
	case N_AND:
	case N_OR:
		walk(n->u.binary.left);
		walk(n->u.binary.right);
		break;
	case N_LIST:
		walk_list(n->u.list.items);
		break;
	case N_BACKGROUND:
	case N_SUBSHELL:
	case N_GROUP:
		walk(n->u.group.body);
		break;
	case N_IF:
		walk(n->u.if_.cond);
		walk(n->u.if_.then_part);
		walk(n->u.if_.else_part);
		break;
	case N_WHILE:
	case N_UNTIL:
		walk(n->u.loop.cond);
		walk(n->u.loop.body);
		break;
	case N_FOR:
		expand_all(n->u.for_.words, expand_word);
		walk(n->u.for_.body);
		break;
	case N_CASE:
		expand_all(n->u.case_.subject, expand_word);
		for (struct case_item *i = n->u.case_.items; i; i = i->next) {
			expand_all(i->patterns, expand_pattern);
			walk(i->body);
		}
		break;
	case N_FUNCDEF:
		walk(n->u.func.body);
		break;
	case N_COND:
		expand_all(n->u.cond.words, expand_word);
		break;
	}
}

static int parse_and_expand(void *text)
{
	struct arena *volatile arena = NULL;
	int depth = input_depth();

	if (setjmp(fuzz_jump) == 0) {
		input_push_string(text, NULL);
		for (;;) {
			int at_eof;
			struct node *n;
			arena = arena_new();
			n = parse_command(arena, &at_eof);
			if (at_eof)
				break;
			walk(n);
			arena_release(arena);
			arena = NULL;
		}
	}
	if (arena)
		arena_release(arena);
	input_pop_to(depth);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	fuzz_run(parse_and_expand, text);
	free(text);
	return 0;
}
