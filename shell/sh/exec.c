/*
 * exec.c: running the syntax tree (POSIX XCU 2.7 "Redirection", 2.9 "Shell
 * Commands", 2.9.1.1 "Command Search and Execution").
 *
 * run_node() is one switch over the kinds of node. A simple command is looked
 * up as a special builtin, a function, a regular builtin, then along PATH.
 * Redirections of commands that run inside the shell (builtins, functions,
 * { } and the other compound commands) are undone afterwards: the old file
 * descriptors are saved above 10 and put back.
 *
 * EV_EXIT says "this is the last thing this process will do": a forked child
 * then runs an external command with a plain exec, without another fork.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "sh.h"
#include "commands.h"
#include "pattern.h"

enum jump pending_jump;
int jump_count;
int loop_depth;
int func_depth;
int builtin_failed;

/* A builtin's error (not just a false status): a special builtin's ends a script. */
int special_builtin_error(int status)
{
	builtin_failed = 1;
	return status;
}
/* The status of the last command substitution, for a command of assignments only. */
static int substitution_status;
/*
 * How many command substitutions this process is inside. Each is a process
 * waiting for the next: deeper than this (a function calling itself in
 * $(...), say) is refused before the processes fill the machine.
 */
static int substitution_depth;
#define MAX_SUBSTITUTION_DEPTH 128
/* The pipe ends of process substitutions still open (decimal strings): see process_substitution. */
static struct strlist procsub_fds;

/* ---- saving and restoring file descriptors ---- */

struct saved_fd {
	int fd;
	int copy;	/* where the old one was put; -1 if fd was closed before */
};
static struct saved_fd *saved_fds;
static int saved_count, saved_cap;

static void push_saved(int fd, int copy)
{
	if (saved_count == saved_cap) {
		saved_cap = saved_cap ? saved_cap * 2 : 16;
		saved_fds = xrealloc(saved_fds, saved_cap * sizeof *saved_fds);
	}
	saved_fds[saved_count].fd = fd;
	saved_fds[saved_count].copy = copy;
	saved_count++;
}

/* Keep a copy of fd (once per group) so restore_fds can put it back. */
static void save_fd(int fd)
{
	for (int i = saved_count - 1; i >= 0 && saved_fds[i].fd != -2; i--)
		if (saved_fds[i].fd == fd)
			return;
	push_saved(fd, fcntl(fd, F_DUPFD_CLOEXEC, 10));
}

/* Start a group of saved descriptors; returns the mark restore_fds goes back to. */
static int begin_saving(void)
{
	int mark = saved_count;

	push_saved(-2, -1);	/* a separator: a new group may save the same fd again */
	return mark;
}

void restore_fds(int mark)
{
	fflush(stdout);
	fflush(stderr);
	while (saved_count > mark) {
		struct saved_fd *s = &saved_fds[--saved_count];
		if (s->fd < 0)
			continue;
		if (s->copy >= 0) {
			dup2(s->copy, s->fd);
			close(s->copy);
		} else {
			close(s->fd);
		}
	}
}

/* ---- redirections ---- */

/* The read end of a pipe holding the here-document text. */
static int heredoc_fd(struct redir *r)
{
	if (r->ready_fd >= 0) {	/* expanded already, before a fork */
		int fd = r->ready_fd;
		r->ready_fd = -1;
		return fd;
	}
	char *text = r->heredoc_quoted ? xstrdup(r->heredoc ? r->heredoc : "") :
					 expand_heredoc(r->heredoc ? r->heredoc : "");
	size_t len = strlen(text);
	int p[2];

	if (pipe(p) < 0) {
		free(text);
		return -1;
	}
	if (len <= 4096) {	/* fits in the pipe: no writer process needed */
		write_all(p[1], text, len);
	} else {
		fflush(NULL);
		if (fork() == 0) {
			close(p[0]);
			signal(SIGPIPE, SIG_DFL);
			write_all(p[1], text, len);
			_exit(0);
		}
	}
	close(p[1]);
	free(text);
	return p[0];
}

static int open_file(struct redir *r, const char *name)
{
	struct stat st;

	switch (r->kind) {
	case R_IN:
		return open(name, O_RDONLY);
	case R_OUT:
		if (sh_opt.noclobber && stat(name, &st) == 0 && S_ISREG(st.st_mode)) {
			errno = EEXIST;
			return -1;
		}
		return open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	case R_CLOBBER:
		return open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	case R_APPEND:
		return open(name, O_WRONLY | O_CREAT | O_APPEND, 0666);
	default:
		return open(name, O_RDWR | O_CREAT, 0666);
	}
}

/* n>&m, n<&m, n>&-: returns 0, or -1 after a message. */
static int duplicate(struct redir *r, const char *target, int save)
{
	long long m;

	if (strcmp(target, "-") == 0) {
		if (save)
			save_fd(r->fd);
		close(r->fd);
		return 0;
	}
	if (parse_long(target, &m) < 0 || m < 0 || m > 65535 || fcntl(m, F_GETFD) < 0) {
		sh_warn("%s: bad file descriptor", target);
		return -1;
	}
	if (m != r->fd) {
		if (save)
			save_fd(r->fd);
		dup2(m, r->fd);
	}
	return 0;
}

/* Apply redirections; save the old descriptors if save is set. 0, or -1 after a message. */
static int apply_redirections(struct redir *r, int save)
{
	for (; r; r = r->next) {
		char *target = r->kind == R_HEREDOC ? NULL : expand_word(r->target->text);
		int fd, result = 0;
		if (r->kind == R_DUPIN || r->kind == R_DUPOUT) {
			result = duplicate(r, target, save);
			free(target);
			if (result < 0)
				return -1;
			continue;
		}
		fd = r->kind == R_HEREDOC ? heredoc_fd(r) : open_file(r, target);
		if (fd < 0) {
			sh_warn("%s:", target ? target : "here-document");
			free(target);
			return -1;
		}
		free(target);
		if (fd != r->fd) {
			if (save)
				save_fd(r->fd);
			dup2(fd, r->fd);
			close(fd);
		} else if (save) {
			push_saved(fd, -1);	/* r->fd was closed (open took its number): close it after */
		}
	}
	return 0;
}

/* ---- finding commands ---- */

char *path_search(const char *name, const char *path)
{
	return path_search_for(name, path, X_OK);
}

char *path_search_for(const char *name, const char *path, int access_mode)
{
	struct stat st;

	if (path == NULL)	/* PATH unset: the system's usual places */
		path = "/bin:/sbin:/usr/bin:/usr/sbin";
	for (;;) {
		const char *colon = strchrnul(path, ':');
		struct strbuf b = { 0 };
		char *candidate;
		if (colon == path)
			sb_addc(&b, '.');
		else
			sb_addn(&b, path, colon - path);
		sb_addc(&b, '/');
		sb_adds(&b, name);
		candidate = sb_take(&b);
		if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) && access(candidate, access_mode) == 0)
			return candidate;
		free(candidate);
		if (*colon == '\0')
			return NULL;
		path = colon + 1;
	}
}

/* The path cache of the hash builtin: name -> path, cleared when PATH changes. */
static struct strlist cache_names, cache_paths;

void path_cache_clear(void)
{
	sl_free(&cache_names);
	sl_free(&cache_paths);
}

void path_cache_print(void)
{
	for (int i = 0; i < cache_names.count; i++)
		printf("%s=%s\n", cache_names.v[i], cache_paths.v[i]);
}

/* The path of a command (cached); NULL if it is not on PATH. Not to be freed. */
static const char *find_in_path(const char *name)
{
	char *path;

	for (int i = 0; i < cache_names.count; i++)
		if (strcmp(cache_names.v[i], name) == 0)
			return cache_paths.v[i];
	path = path_search(name, var_get("PATH"));
	if (path == NULL)
		return NULL;
	sl_add(&cache_names, xstrdup(name));
	sl_add(&cache_paths, path);
	return path;
}

int path_cache_add(const char *name)
{
	return find_in_path(name) ? 0 : -1;
}

/* ---- starting programs ---- */

/* mini's own file, to see whether a command on PATH is one of its links. */
static struct stat mini_file;
static int mini_file_known = -1;

static int is_mini(const char *path)
{
	struct stat st;

	if (mini_file_known < 0)
		mini_file_known = stat("/proc/self/exe", &mini_file) == 0;
	return mini_file_known && stat(path, &st) == 0 &&
	       st.st_dev == mini_file.st_dev && st.st_ino == mini_file.st_ino;
}

static int count_args(char **argv)
{
	int n = 0;

	while (argv[n])
		n++;
	return n;
}

/* A file without #! that exec refused: run it as a shell script, by mini sh. */
static void run_as_script(const char *path, char **argv)
{
	int n = count_args(argv);
	char **args = xmalloc((n + 2) * sizeof *args);

	args[0] = "sh";
	args[1] = (char *)path;
	memcpy(args + 2, argv + 1, n * sizeof *args);
	execve("/proc/self/exe", args, var_environ());
	execve("/bin/sh", args, var_environ());
}

/*
 * Replace this process with the command name (argv[0] is usually name itself;
 * exec -a gives another). A name found on PATH that is a link to mini itself
 * runs its main right here: the exec would only start mini again.
 */
static void __attribute__((noreturn)) exec_program(const char *name, char **argv)
{
	const char *path = name;
	const struct command *cmd;

	if (strchr(path, '/') == NULL) {
		path = find_in_path(name);
		if (path == NULL) {
			sh_warn("%s: not found", name);
			exit(127);
		}
		/* (not for sh itself: a new shell must not inherit this one's variables;
		 * not for su and passwd: only a real exec gives them mini's setuid bit) */
		if ((cmd = find_command(name)) != NULL && cmd->main != sh_main && is_mini(path)
		    && strcmp(cmd->name, "su") != 0 && strcmp(cmd->name, "passwd") != 0) {
			environ = var_environ();
			signal(SIGCHLD, SIG_DFL);	/* as an exec would leave it */
			program_name = cmd->name;
			/* The name ps, top, pidof and killall see for this process. */
			prctl(PR_SET_NAME, cmd->name, 0, 0, 0);
			exit(cmd->main(count_args(argv), argv));
		}
	}
	execve(path, argv, var_environ());
	if (errno == ENOEXEC)
		run_as_script(path, argv);
	sh_warn("%s:", name);
	exit(errno == ENOENT || errno == ENOTDIR ? 127 : 126);
}

void exec_replace(const char *name, char **argv)
{
	fflush(NULL);
	child_reset_signals();
	exec_program(name, argv);
}

/* ---- forking ---- */

/* Fork a child for job j; in the child, the shell becomes a non-interactive subshell. */
static pid_t fork_child(struct job *j)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		sh_error(2, "fork:");
	if (pid == 0) {
		input_after_fork();
		if (j)
			job_child_setup(j);
		child_reset_signals();
		sh_opt.interactive = 0;
		job_control = 0;
		traps_in_child();
		return 0;
	}
	if (j)
		job_add_process(j, pid);
	return pid;
}

/* ---- simple commands ---- */

static void trace(struct strlist *assigns, struct strlist *args)
{
	const char *ps4 = var_get("PS4");

	fputs(ps4 ? ps4 : "+ ", stderr);
	for (int i = 0; i < assigns->count; i++)
		fprintf(stderr, "%s%s", i ? " " : "", assigns->v[i]);
	for (int i = 0; i < args->count; i++)
		fprintf(stderr, "%s%s", i || assigns->count ? " " : "", args->v[i]);
	fputc('\n', stderr);
}

enum assign_how { A_KEEP, A_LOCAL, A_EXPORT };

/*
 * The name=value words before a command, expanded and assigned one after the
 * other, so that x=1 y=$x sets y to 1 (left to right, as in 2.9.1). A_KEEP
 * for the shell itself, A_LOCAL for the duration of a builtin or function,
 * A_EXPORT in the child that runs a program. The assignments go to done as
 * expanded, for set -x. Returns -1 (after a message) on a read-only variable.
 */
static int assign_words(struct word *w, enum assign_how how, struct strlist *done)
{
	for (; w; w = w->next) {
		char *assignment = expand_assignment(w->text);
		int result = how == A_LOCAL ? var_make_local(assignment) :
			     var_assign(assignment, how == A_EXPORT ? V_EXPORT : 0);
		sl_add(done, assignment);
		if (result < 0)
			return -1;
	}
	return 0;
}

static int run_assignments_only(struct node *n, struct strlist *assigns)
{
	int mark = begin_saving(), status;

	/* (the redirections first: 2.9.1 orders their expansions before the assignments') */
	if (apply_redirections(n->redirs, 1) < 0) {
		restore_fds(mark);
		return 1;
	}
	substitution_status = 0;
	if (assign_words(n->u.simple.assigns, A_KEEP, assigns) < 0) {
		restore_fds(mark);
		if (!sh_opt.interactive)
			sh_exit(1);	/* assigning a read-only variable ends a script */
		return 1;
	}
	status = substitution_status;
	restore_fds(mark);
	return status;
}

static int call_function(struct node *def, int argc, char **argv, int flags)
{
	struct positional saved = positional;
	struct arena *arena = def->u.func.arena;
	int status;

	positional.v = NULL;
	positional.count = 0;
	positional_set(argv + 1, argc - 1);
	arena->refs++;		/* the function may unset itself while it runs */
	func_depth++;
	status = run_node(def->u.func.body, flags & EV_TESTED);
	func_depth--;
	if (pending_jump == J_RETURN) {
		pending_jump = J_NONE;
		status = last_status;
	}
	arena_release(arena);
	positional_free(&positional);
	positional = saved;
	return status;
}

/* Run a builtin or a function inside the shell, with its redirections and assignments. */
static int run_in_shell(const struct builtin *b, struct node *def, struct strlist *args,
			struct word *assign_list, struct redir *redirs, int flags)
{
	struct strlist assigns = { 0 };
	int mark = begin_saving(), status;
	int keep = b && b->special;	/* special builtins keep their assignments */
	/* a function call is a scope for `local`; a builtin needs one for VAR=x only */
	int scope = def || (!keep && assign_list);
	/* exec without a command: its redirections are for the shell itself */
	int permanent = b && args->count == 1 && strcmp(args->v[0], "exec") == 0;

	if (scope)
		var_push_scope();
	if (apply_redirections(redirs, !permanent) < 0 ||
	    assign_words(assign_list, keep ? A_KEEP : A_LOCAL, &assigns) < 0) {
		status = 1;
		if (b && b->special && !sh_opt.interactive && !(flags & EV_COMMAND)) {
			restore_fds(mark);
			sh_exit(status);	/* POSIX 2.8.1 */
		}
	} else {
		if (sh_opt.xtrace)
			trace(&assigns, args);
		if (b) {
			builtin_failed = 0;
			status = b->fn(args->count, args->v);
			fflush(stdout);
			/* POSIX 2.8.1: a special builtin's error ends a script (not under `command`) */
			if (builtin_failed && b->special && !sh_opt.interactive && !(flags & EV_COMMAND)) {
				restore_fds(mark);
				sh_exit(status);
			}
		} else {
			status = call_function(def, args->count, args->v, flags);
		}
	}
	restore_fds(mark);
	if (scope)
		var_pop_scope();
	sl_free(&assigns);
	return status;
}

static void close_process_substitutions(int mark);

/*
 * A here-document of a program's redirections is expanded before the fork:
 * ${a=x} in its text must set a in the shell. The child takes the pipe.
 */
static void prepare_heredocs(struct redir *r)
{
	for (; r; r = r->next)
		if (r->kind == R_HEREDOC && !r->heredoc_quoted)
			r->ready_fd = heredoc_fd(r);
}

static void forget_heredocs(struct redir *r)
{
	for (; r; r = r->next) {
		if (r->kind == R_HEREDOC && r->ready_fd >= 0) {
			close(r->ready_fd);
			r->ready_fd = -1;
		}
	}
}

static int run_program(struct node *n, struct strlist *args, int flags)
{
	struct strlist assigns = { 0 };
	struct job *j;

	if (!(flags & EV_EXIT) || any_trap_set()) {	/* the trap must run after it */
		j = job_new(n, 0);
		prepare_heredocs(n->redirs);
		if (fork_child(j) != 0) {
			forget_heredocs(n->redirs);
			return job_wait_foreground(j);
		}
	}
	if (apply_redirections(n->redirs, 0) < 0)
		exit(1);
	if (assign_words(n->u.simple.assigns, A_EXPORT, &assigns) < 0)
		exit(1);
	if (sh_opt.xtrace)
		trace(&assigns, args);
	exec_program(args->v[0], args->v);
}

static int run_simple_command(struct node *n, int flags)
{
	struct strlist args = { 0 }, assigns = { 0 };
	const struct builtin *b = NULL;
	struct node *def = NULL;
	int status;

	substitution_status = 0;
	expand_words(n->u.simple.args, &args);
	if (args.count == 0) {
		status = run_assignments_only(n, &assigns);
		if (sh_opt.xtrace && assigns.count)
			trace(&assigns, &args);
		sl_free(&assigns);
		return status;
	}
	if (strchr(args.v[0], '/') == NULL) {
		b = find_builtin(args.v[0]);
		if (b == NULL || !b->special)
			def = func_get(args.v[0]);
		if (def)
			b = NULL;
	}
	if (b || def)
		status = run_in_shell(b, def, &args, n->u.simple.assigns, n->redirs, flags);
	else
		status = run_program(n, &args, flags);
	sl_free(&args);
	return status;
}

/* A simple command; the pipes of its <(...) >(...) are closed when it is done. */
static int run_simple(struct node *n, int flags)
{
	int mark = procsub_fds.count, status = run_simple_command(n, flags);

	close_process_substitutions(mark);
	return status;
}

/* The command builtin: run argv as a builtin or program, never as a function. */
int run_argv(int argc, char **argv, int skip_functions)
{
	struct strlist args = { 0 };
	const struct builtin *b = find_builtin(argv[0]);
	struct node *def = skip_functions ? NULL : func_get(argv[0]);
	struct node fake = { .kind = N_SIMPLE };
	int status;

	for (int i = 0; i < argc; i++)
		sl_add(&args, xstrdup(argv[i]));
	if (strchr(argv[0], '/'))
		b = NULL;
	if (b || def)
		status = run_in_shell(b, def, &args, NULL, NULL, skip_functions ? EV_COMMAND : 0);
	else
		status = run_program(&fake, &args, 0);
	sl_free(&args);
	return status;
}

/* ---- pipelines, lists, background ---- */

static int run_pipeline(struct node *n, int flags)
{
	struct job *j;
	int input = -1, status;

	if (n->u.pipeline.cmds->next == NULL) {	/* ! cmd: cmd runs in the shell (! a=b assigns) */
		status = run_node(n->u.pipeline.cmds, (flags & ~EV_EXIT) | EV_TESTED);
		return !status;
	}
	j = job_new(n, 0);

	for (struct node *c = n->u.pipeline.cmds; c; c = c->next) {
		int p[2] = { -1, -1 };
		if (c->next && pipe(p) < 0)
			sh_error(2, "pipe:");
		/* the last command of a process that exits afterwards needs no fork of its own */
		int in_place = c->next == NULL && (flags & EV_EXIT) && !job_control && !sh_opt.pipefail &&
			       !n->u.pipeline.bang;
		if (in_place || fork_child(j) == 0) {
			if (n->u.pipeline.bang)
				flags |= EV_TESTED;
			if (input >= 0) {
				dup2(input, 0);
				close(input);
			}
			if (c->next) {
				dup2(p[1], 1);
				close(p[1]);
				close(p[0]);
			}
			sh_exit(run_node(c, EV_EXIT));
		}
		if (input >= 0)
			close(input);
		if (c->next)
			close(p[1]);
		input = p[0];
	}
	status = job_wait_foreground(j);
	if (n->u.pipeline.bang)
		status = !status;
	return status;
}

static int run_background(struct node *n)
{
	struct job *j = job_new(n->u.group.body, 1);
	pid_t pid = fork_child(j);

	if (pid == 0) {
		if (!sh_opt.monitor) {
			int null = open("/dev/null", O_RDONLY);
			signal(SIGINT, SIG_IGN);
			signal(SIGQUIT, SIG_IGN);
			if (null >= 0 && null != 0) {
				dup2(null, 0);
				close(null);
			}
		}
		sh_exit(run_node(n->u.group.body, EV_EXIT));
	}
	last_bg_pid = pid;
	job_background(j);
	return 0;
}

static int run_subshell(struct node *n, int flags)
{
	struct job *j;

	if (!(flags & EV_EXIT)) {
		j = job_new(n, 0);
		if (fork_child(j) != 0)
			return job_wait_foreground(j);
	}
	if (apply_redirections(n->redirs, 0) < 0)
		sh_exit(1);
	sh_exit(run_node(n->u.group.body, EV_EXIT));
}

static int run_list(struct node *n, int flags)
{
	int status = 0;

	for (struct node *item = n->u.list.items; item; item = item->next) {
		status = run_node(item, item->next ? flags & ~EV_EXIT : flags);
		if (pending_signals)
			run_pending_traps();
		if (pending_jump != J_NONE)
			break;
	}
	return status;
}

/*
 * a && b || c ...: the parser builds a tree that leans left, ((a && b) || c),
 * as deep as the list is long. It is walked here with a loop, not by
 * recursion, so that 100000 of them cannot use up the stack.
 */
static int run_and_or(struct node *n, int flags)
{
	struct node **spine, *leaf, *m;
	int count = 0, i, status;

	for (leaf = n; leaf->kind == N_AND || leaf->kind == N_OR; leaf = leaf->u.binary.left)
		count++;
	/* spine[0] is the innermost && or ||, spine[count - 1] is n itself */
	spine = xmalloc(count * sizeof *spine);
	for (m = n, i = count; m != leaf; m = m->u.binary.left)
		spine[--i] = m;
	status = run_node(leaf, (flags & ~EV_EXIT) | EV_TESTED);
	for (i = 0; i < count && pending_jump == J_NONE; i++) {
		struct node *op = spine[i];
		if ((status == 0) == (op->kind == N_AND))
			status = run_node(op->u.binary.right, op == n ? flags : (flags & ~EV_EXIT) | EV_TESTED);
	}
	free(spine);
	return status;
}

/* ---- compound commands ---- */

/* After a loop's body or condition: returns 1 when the loop must end. */
static int loop_must_end(void)
{
	if (pending_jump == J_BREAK || pending_jump == J_CONTINUE) {
		int was_break = pending_jump == J_BREAK;
		if (--jump_count <= 0) {
			pending_jump = J_NONE;
			return was_break;
		}
		return 1;
	}
	return pending_jump == J_RETURN;
}

static int run_while(struct node *n)
{
	int status = 0;

	loop_depth++;
	for (;;) {
		int cond = run_node(n->u.loop.cond, EV_TESTED);
		if (pending_jump != J_NONE) {
			if (pending_jump == J_RETURN) {	/* `while return 3` returns 3 */
				status = cond;
				break;
			}
			if (loop_must_end())
				break;
			continue;
		}
		if ((cond == 0) != (n->kind == N_WHILE))
			break;
		status = run_node(n->u.loop.body, 0);
		if (pending_jump != J_NONE && loop_must_end())
			break;
	}
	loop_depth--;
	return status;
}

static int run_for(struct node *n)
{
	struct strlist words = { 0 };
	int status = 0;

	if (n->u.for_.has_in) {
		expand_words(n->u.for_.words, &words);
	} else {
		for (int i = 0; i < positional.count; i++)
			sl_add(&words, xstrdup(positional.v[i]));
	}
	loop_depth++;
	for (int i = 0; i < words.count; i++) {
		if (var_set(n->u.for_.name, words.v[i], 0) < 0) {
			status = 1;
			break;
		}
		status = run_node(n->u.for_.body, 0);
		if (pending_jump != J_NONE && loop_must_end())
			break;
	}
	loop_depth--;
	sl_free(&words);
	return status;
}

static int case_matches(struct case_item *item, const char *subject)
{
	for (struct word *w = item->patterns; w; w = w->next) {
		char *pattern = expand_pattern(w->text);
		int match = pattern_match(pattern, subject, 0) == 0;
		free(pattern);
		if (match)
			return 1;
	}
	return 0;
}

static int run_case(struct node *n, int flags)
{
	char *subject = expand_word(n->u.case_.subject->text);
	int status = 0;

	for (struct case_item *item = n->u.case_.items; item; item = item->next) {
		if (case_matches(item, subject)) {
			status = run_node(item->body, flags);
			break;
		}
	}
	free(subject);
	return status;
}

/* An elif is an if node in the else part: followed in a loop, not by recursion. */
static int run_if(struct node *n, int flags)
{
	for (;;) {
		int cond = run_node(n->u.if_.cond, EV_TESTED);
		if (pending_jump != J_NONE)
			return cond;
		if (cond == 0)
			return run_node(n->u.if_.then_part, flags);
		n = n->u.if_.else_part;
		if (n == NULL)
			return 0;
		if (n->kind != N_IF || n->redirs)
			return run_node(n, flags);
	}
}

static int run_compound(struct node *n, int flags)
{
	switch (n->kind) {
	case N_GROUP:
		return run_node(n->u.group.body, flags);
	case N_IF:
		return run_if(n, flags);
	case N_WHILE:
	case N_UNTIL:
		return run_while(n);
	case N_FOR:
		return run_for(n);
	case N_COND:
		return run_cond(n);
	default:
		return run_case(n, flags);
	}
}

/* A compound command with redirections: apply them around it. */
static int run_redirected(struct node *n, int flags)
{
	int mark = begin_saving(), status;

	if (apply_redirections(n->redirs, 1) < 0)
		status = 1;
	else
		status = run_compound(n, flags & ~EV_EXIT);
	restore_fds(mark);
	return status;
}

/*
 * After each command: run the traps of signals that arrived, and reap children
 * that ended (a loop of builtins polling `kill -0 $pid` must see its job end).
 */
static void handle_signals(void)
{
	if (children_changed)
		jobs_reap();
	if (pending_signals)
		run_pending_traps();
}

int run_node(struct node *n, int flags)
{
	int status;

	if (n == NULL || (sh_opt.noexec && !sh_opt.interactive))
		return 0;	/* set -n: read commands, run none (an interactive shell ignores it) */
	check_stack();
	command_line = n->line;
	switch (n->kind) {
	case N_SIMPLE:
		status = run_simple(n, flags);
		break;
	case N_PIPELINE:
		status = run_pipeline(n, flags);
		break;
	case N_AND:
	case N_OR:
		status = run_and_or(n, flags);
		last_status = status;
		return status;
	case N_LIST:
		return run_list(n, flags);
	case N_BACKGROUND:
		status = run_background(n);
		break;
	case N_SUBSHELL:
		status = run_subshell(n, flags);
		break;
	case N_FUNCDEF:
		func_define(n);
		status = 0;
		break;
	default:
		status = n->redirs ? run_redirected(n, flags) : run_compound(n, flags);
		last_status = status;
		return status;
	}
	last_status = status;
	if (pending_signals | children_changed) {
		handle_signals();
		if (pending_jump == J_RETURN)	/* a trap action returned from the function */
			status = last_status;
	}
	if (sh_opt.errexit && status != 0 && !(flags & EV_TESTED) &&
	    !(n->kind == N_PIPELINE && n->u.pipeline.bang))
		sh_exit(status);
	return status;
}

/* ---- process substitution ---- */

/*
 * <(list) and >(list) run list with its output (or input) on a pipe, and
 * stand for the pipe's other end as /dev/fd/N. The shell keeps that end open
 * until the command that names it has run (run_simple closes it).
 */

char *process_substitution(const char *text, int output)
{
	int p[2], mine, fd;
	char buf[32];

	if (pipe(p) < 0)
		sh_error(2, "pipe:");
	if (fork_child(NULL) == 0) {
		dup2(output ? p[0] : p[1], output ? 0 : 1);
		close(p[0]);
		close(p[1]);
		run_string_and_exit(text);
	}
	mine = output ? p[1] : p[0];
	close(output ? p[0] : p[1]);
	fd = fcntl(mine, F_DUPFD, 10);	/* out of the way of redirections */
	close(mine);
	if (fd < 0)
		sh_error(2, "process substitution:");
	sl_add(&procsub_fds, xstrdup(format_number(buf, fd)));
	snprintf(buf, sizeof buf, "/dev/fd/%d", fd);
	return xstrdup(buf);
}

/* Close the pipes of the process substitutions made since mark. */
static void close_process_substitutions(int mark)
{
	while (procsub_fds.count > mark) {
		char *fd = procsub_fds.v[--procsub_fds.count];
		close(atoi(fd));
		free(fd);
		procsub_fds.v[procsub_fds.count] = NULL;
	}
}

/* ---- command substitution ---- */

char *command_output(const char *text)
{
	struct strbuf out = { 0 };
	char buf[4096];
	ssize_t n;
	int p[2], status;
	pid_t pid;

	if (substitution_depth >= MAX_SUBSTITUTION_DEPTH)
		sh_error(2, "command substitutions nested too deeply");
	if (pipe(p) < 0)
		sh_error(2, "pipe:");
	pid = fork_child(NULL);
	if (pid == 0) {
		substitution_depth++;
		close(p[0]);
		if (p[1] != 1) {
			dup2(p[1], 1);
			close(p[1]);
		}
		run_string_and_exit(text);
	}
	close(p[1]);
	while ((n = read(p[0], buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != '\0')	/* a C string cannot hold NUL bytes */
				sb_addc(&out, buf[i]);
	}
	close(p[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	last_status = substitution_status = exit_status_of(status);
	while (out.len > 0 && out.s[out.len - 1] == '\n')
		out.s[--out.len] = '\0';
	return sb_take(&out);
}
