/*
 * sh.h: the parts of mini's POSIX shell and how they talk to each other.
 *
 * The shell follows POSIX XCU chapter 2, "Shell Command Language". A command
 * travels through the files in this order:
 *
 *	input.c   characters from a script, a string or the terminal (line editor)
 *	lexer.c   characters -> tokens (words keep their quotes, as typed);
 *	          alias.c holds the aliases it substitutes
 *	parse.c   tokens -> a syntax tree, one struct per kind of command
 *	expand.c  words -> fields (tilde, parameters, $(...), $((...)) in arith.c,
 *	          field splitting, pathname expansion, quote removal)
 *	exec.c    runs the tree: redirections, pipelines, lists, compound commands
 *	builtins*.c, jobs.c, vars.c   what the commands act on
 *	sh.c      options, startup files, the read-run loop, errors
 *
 * The loop in sh.c (run_input) calls parse_command; the parser asks lex_next
 * for tokens, and the lexer pulls characters one by one with input_getc. The
 * tree of one complete command comes back to the loop, which hands it to
 * run_node; only then are its words expanded (expand_words), one simple
 * command at a time, just before that command runs. eval, `.`, traps and
 * $(...) start the same loop again on a string or a file (run_string, run_fd).
 */
#ifndef SH_H
#define SH_H

#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "mini.h"
#include "signames.h"
#include "runcmd.h"

/* ---- util.c: numbers, string lists, the arena parse trees live in, the stack check ---- */

/* n in decimal, into buf (24 bytes at least); returns buf. Faster than snprintf. */
char *format_number(char *buf, intmax_t n);

/*
 * A parse tree is allocated in one arena and freed all at once. A function
 * definition keeps its arena alive (refs) after the command that defined it.
 */
struct arena {
	struct arena_block *blocks;
	int refs;
};
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s, size_t len);
void arena_release(struct arena *a);

/* A NULL-terminated, growing array of malloc'd strings (argument lists). */
struct strlist {
	char **v;
	int count, cap;
};
void sl_add(struct strlist *l, char *s);
void sl_free(struct strlist *l);

/* Called where the shell recurses: "recursion too deep" (status 2) before the
 * C stack runs out. stack_check_start marks the top (sh_main calls it). */
void check_stack(void);
void stack_check_start(void);

/* ---- the syntax tree (parse.c builds it) ---- */

/* A word as typed: quotes, $ and ` are still in text; expand.c interprets them. */
struct word {
	struct word *next;
	char *text;
};

enum redir_kind { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT, R_HEREDOC };

struct redir {
	struct redir *next;
	enum redir_kind kind;
	int fd;			/* the file descriptor it changes */
	struct word *target;	/* file name, fd number or here-document delimiter */
	char *heredoc;		/* here-document text, read after the line */
	int heredoc_quoted;	/* quoted delimiter: the text is not expanded */
	int strip_tabs;		/* <<- */
	int ready_fd;		/* a here-document expanded before a fork (exec.c), or -1 */
};

enum node_kind {
	N_SIMPLE, N_PIPELINE, N_AND, N_OR, N_LIST, N_BACKGROUND, N_SUBSHELL, N_GROUP,
	N_IF, N_WHILE, N_UNTIL, N_FOR, N_CASE, N_FUNCDEF, N_COND
};

struct case_item {
	struct case_item *next;
	struct word *patterns;
	struct node *body;
};

struct node {
	enum node_kind kind;
	int line;
	struct node *next;	/* the next command of a pipeline or list */
	struct redir *redirs;	/* of a simple command or a compound command */
	union {
		struct { struct word *assigns, *args; } simple;
		struct { struct node *cmds; int bang; } pipeline;
		struct { struct node *left, *right; } binary;	/* && and || */
		struct { struct node *items; } list;	/* ; and newline */
		struct { struct node *body; } group;	/* ( ), { }, & */
		struct { struct node *cond, *then_part, *else_part; } if_;
		struct { struct node *cond, *body; } loop;	/* while, until */
		struct { char *name; struct word *words; int has_in; struct node *body; } for_;
		struct { struct word *subject; struct case_item *items; } case_;
		struct { char *name; struct node *body; struct arena *arena; } func;
		/* [[ ... ]]: its words as typed; && || ( ) ! < > stand for themselves */
		struct { struct word *words; } cond;
	} u;
};

/* ---- input.c: where the characters come from ---- */

/* Read commands from a file descriptor (a script, or stdin). */
void input_push_fd(int fd, int interactive);
/* Read commands from a string (eval, sh -c, command substitution, aliases). */
void input_push_string(const char *s, const char *alias);
void input_pop(void);
/* How many sources are stacked; input_pop_to returns to such a level. */
int input_depth(void);
void input_pop_to(int level);
int input_getc(void);
/* read() that never consumes past the first delim byte (see input.c). */
ssize_t read_until(int fd, char *buf, size_t size, int delim);
/* In a new child: forget what belongs to the parent's reading. */
void input_after_fork(void);
void input_ungetc(int c);
/* Throw away the rest of the current line (after a syntax error). */
void input_skip_line(void);
/* True if the alias name is being read right now (stops endless recursion). */
int input_alias_active(const char *name);
/* True (once) if an alias ending in a blank was just used up (XCU 2.3.1). */
int input_alias_blank_ended(void);
/* True when a string being read has nothing but blanks left (the last command was read). */
int input_at_end(void);
/* The next line read gets the PS1 prompt (a new command starts). */
void input_want_ps1(void);
extern int input_lineno;

/* ---- lexer.c ---- */

enum token {
	T_EOF, T_NEWLINE, T_WORD, T_SEMI, T_DSEMI, T_AMP, T_AND, T_PIPE, T_OR,
	T_LPAREN, T_RPAREN, T_LESS, T_GREAT, T_DGREAT, T_CLOBBER, T_LESSGREAT,
	T_LESSAND, T_GREATAND, T_DLESS, T_DLESSDASH,
	T_ANDGREAT, T_ANDDGREAT		/* &> and &>>: ash's and bash's >file 2>&1 */
};
struct token_value {
	enum token type;
	char *text;		/* of a word (malloc'd) */
	int io_number;		/* the n of "n>file", or -1 */
	int quoted;		/* the word has quotes or backslashes in it */
};
/* Read the next token; alias expansion happens when check_alias is set. */
void lex_next(struct token_value *t, int check_alias);
/* Read a here-document's lines up to delimiter (expand: its text is not quoted). */
char *lex_heredoc(const char *delimiter, int strip_tabs, int expand);

/* ---- alias.c: the aliases the lexer substitutes ---- */

const char *alias_get(const char *name);
void alias_set(const char *name, size_t len, const char *value);
/* Remove one alias, or all (name NULL); -1 if there was none of that name. */
int alias_remove(const char *name);
/* Print name='value' lines (all when name is NULL); -1 if there was none of that name. */
int alias_print(const char *name);

/* ---- parse.c ---- */

/*
 * Parse one complete command (up to a newline) into a tree in arena a.
 * Returns NULL for a blank line, and at end of input, which sets *at_eof.
 */
struct node *parse_command(struct arena *a, int *at_eof);
/* Text of a command for `jobs` (simple commands and pipelines in full). */
void node_text(struct node *n, struct strbuf *out);

/* ---- expand.c ---- */

/* Expand words into fields (all expansions, splitting, globbing). */
void expand_words(struct word *w, struct strlist *fields);
/* Expand one word with no field splitting or globbing (assignments, redirections). */
char *expand_word(const char *text);
/* A here-document body: $, ` and \ are special, quotes are not. */
char *expand_heredoc(const char *text);
/* A case pattern, with quoted characters escaped for fnmatch. */
char *expand_pattern(const char *text);
/* Expand an assignment word name=value (tilde after ':' too); malloc'd. */
char *expand_assignment(const char *text);
/* Remove quotes only (here-doc delimiters). */
char *remove_quotes(const char *text);
/* Expand PS1/PS2: parameters and the backslash escapes \u \h \w \W \$. */
char *expand_prompt(const char *ps);

/* ---- arith.c ---- */
/* Evaluate an arithmetic expression (already expanded); errors go through sh_error. */
intmax_t arith_eval(const char *expr);
int let_builtin(int argc, char **argv);

/* ---- vars.c ---- */

enum { V_EXPORT = 1, V_READONLY = 2 };
const char *var_get(const char *name);
const char *var_get_n(const char *name, size_t len);
/* Set a variable; returns -1 (with a message) when it is read-only. */
int var_set(const char *name, const char *value, int flags);
int var_unset(const char *name);
int var_flags(const char *name);
void var_mark(const char *name, int flags);
void var_unexport(const char *name);
/* Set name=value from a "name=value" string. */
int var_assign(const char *assignment, int flags);
int is_name(const char *s, size_t len);
/* Length of the name at the start of s (0 if it doesn't start with one). */
size_t name_length(const char *s);
/* The environment for execve (exported variables). */
char **var_environ(void);
/* Write s in single quotes on stdout, so the shell can read it back. */
void put_quoted(const char *s);
/* The line of the command running now: for messages ("script: LINE: ...") and
 * $LINENO (lines of the script; eval and $(...) text count on from the command's). */
extern int command_line;
/* Print variables as "prefix name='value'" lines, only those with all of flags. */
void var_print(const char *prefix, int flags);
/* Function-local variables: a scope per function call. */
void var_push_scope(void);
void var_pop_scope(void);
/* Make a variable local to the innermost scope (name or name=value); also
 * how the temporary assignments of `VAR=x builtin` are kept. */
int var_make_local(const char *assignment);

/* Positional parameters $1... */
struct positional {
	char **v;		/* malloc'd copies, NULL-terminated */
	int count;
};
extern struct positional positional;
void positional_set(char **argv, int count);
void positional_free(struct positional *p);

/* Functions */
void func_define(struct node *def);
struct node *func_get(const char *name);
int func_unset(const char *name);

/* ---- the shell's state (sh.c) ---- */

struct shell_options {
	int errexit, nounset, xtrace, noglob, noexec, verbose, noclobber, pipefail;
	int allexport, notify, monitor, interactive, ignoreeof;
};
extern struct shell_options sh_opt;
extern int last_status;		/* $? */
extern pid_t last_bg_pid;	/* $! */
extern pid_t shell_pid;		/* $$ */
extern char *arg0;		/* $0 */
extern const char *script_name;	/* for error messages: "sh" or the script */

/* Jumps for errors: a non-interactive shell exits, an interactive one starts over. */
extern jmp_buf *error_jump;
void sh_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/* Print "sh: fmt" (with the line number when reading a script). */
void sh_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sh_exit(int status) __attribute__((noreturn));
/* The lexer and the parser: the input ended inside a quote, or the syntax is wrong. */
void syntax_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Run a string as commands (eval, traps, -c); returns the last status. */
int run_string(const char *s);
/* Run a string as this process's last work (sh -c, command substitution). */
void run_string_and_exit(const char *s) __attribute__((noreturn));
/* Run commands from fd until EOF (., scripts). */
int run_fd(int fd);
/* The string for $- */
char *option_letters(void);
/* Set or clear an option by letter or by -o name; -1 if unknown. */
int set_option(const char *name, int letter, int on);
void print_options(int reusable);

/* ---- exec.c ---- */

/* EV_COMMAND: run by the command builtin (a special builtin's error does not end the shell). */
enum { EV_EXIT = 1, EV_TESTED = 2, EV_COMMAND = 4 };
int run_node(struct node *n, int flags);
/* Pending break/continue/return. */
enum jump { J_NONE, J_BREAK, J_CONTINUE, J_RETURN };
extern enum jump pending_jump;
extern int jump_count;
extern int loop_depth;
extern int func_depth;
/* Search PATH for a command; malloc'd path or NULL. */
char *path_search(const char *name, const char *path);
/* The same for a file with another access (R_OK for `.`). */
char *path_search_for(const char *name, const char *path, int access_mode);
/* The remembered PATH lookups (the hash builtin). */
void path_cache_clear(void);
void path_cache_print(void);
int path_cache_add(const char *name);
/* A builtin returns special_builtin_error(status) for an error: after a special
 * builtin, that ends a non-interactive shell (POSIX 2.8.1). */
int special_builtin_error(int status);
/* Run a command by name, skipping functions if asked (the command builtin). */
int run_argv(int argc, char **argv, int skip_functions);
/* Run "cmd args" with redirections kept (the exec builtin). */
void exec_replace(const char *name, char **argv) __attribute__((noreturn));
/* Command substitution: the output of running text. */
char *command_output(const char *text);
/* <(text) or >(text) (output set): the /dev/fd/N name of a pipe from or to it. */
char *process_substitution(const char *text, int output);
/* Undo the redirections saved since mark (0: all of them, after an error). */
void restore_fds(int mark);

/* ---- builtins.c ---- */

typedef int (*builtin_fn)(int argc, char **argv);
struct builtin {
	const char *name;
	builtin_fn fn;
	int special;
};
const struct builtin *find_builtin(const char *name);
extern const struct builtin builtins[];
/* Install the shell's own signal handling (once, at startup). */
void signals_init(void);
/* True when a trap is set (then the shell may not exec its last command). */
int any_trap_set(void);
/* True inside a trap action; *status_before is $? as it was when the action started. */
int in_trap(int *status_before);
/* How many `.` files are being read (return is allowed in them). */
extern int dot_depth;
/* Run the traps of signals that arrived. */
void run_pending_traps(void);
/* The signal that arrived (for a status 128+n) before run_pending_traps. */
int pending_signal_number(void);
void run_exit_trap(void);
void traps_in_child(void);
/* Reset signals to their defaults in a new child. */
void child_reset_signals(void);
extern volatile sig_atomic_t pending_signals;
/* Set by SIGCHLD: a child ended or stopped (jobs_reap collects it). */
extern volatile sig_atomic_t children_changed;

/* ---- builtins_cmds.c and builtins_vars.c: the other builtins ---- */

/* echo printf test [ true false: mini's own commands, run in the shell's process. */
int mini_builtin(int argc, char **argv);
int alias_builtin(int argc, char **argv);
int unalias_builtin(int argc, char **argv);
int cd_builtin(int argc, char **argv);
int pwd_builtin(int argc, char **argv);
int umask_builtin(int argc, char **argv);
int command_builtin(int argc, char **argv);
int type_builtin(int argc, char **argv);
int hash_builtin(int argc, char **argv);
int kill_builtin(int argc, char **argv);
int export_builtin(int argc, char **argv);
int readonly_builtin(int argc, char **argv);
int unset_builtin(int argc, char **argv);
int local_builtin(int argc, char **argv);
int set_builtin(int argc, char **argv);
int shift_builtin(int argc, char **argv);
int read_builtin(int argc, char **argv);
int getopts_builtin(int argc, char **argv);

/* ---- cond.c ---- */

/* Run [[ ... ]] (ash's and bash's conditional command): 0 true, 1 false, 2 error. */
int run_cond(struct node *n);

/* ---- jobs.c ---- */

struct job;
/* A job for processes about to be started; a pipeline adds each process. */
struct job *job_new(struct node *cmd, int background);
void job_add_process(struct job *j, pid_t pid);
/* Wait for a foreground job; returns its status. */
int job_wait_foreground(struct job *j);
/* Start tracking a background job (prints [n] pid when interactive). */
void job_background(struct job *j);
/* Reap finished children and print Done notices (before a prompt). */
void jobs_notify(void);
/* Reap finished children, recording their status for wait and jobs. */
void jobs_reap(void);
int jobs_builtin(int argc, char **argv);
int fg_builtin(int argc, char **argv);
int bg_builtin(int argc, char **argv);
int wait_builtin(int argc, char **argv);
/* The process group of a job spec like %1, %%, %-, %name; -1 if none. */
pid_t job_pgid(const char *spec);
/* Continue a stopped job so that a signal just sent can reach it. */
void job_wake(const char *spec);
/* Before an interactive shell exits: 1 (after a warning) if stopped jobs hold it once. */
int jobs_hold_exit(void);
/* Set up job control for an interactive shell on a terminal. */
void jobs_init(void);
/* In a new child: join the job's process group, take the terminal if foreground. */
void job_child_setup(struct job *j);
extern int job_control;		/* -m is active: a terminal and an interactive shell */

/* ---- sh.c: the interactive part ---- */
int sh_main(int argc, char **argv);
char *read_interactive_line(const char *prompt);
int history_builtin(int argc, char **argv);

#endif
