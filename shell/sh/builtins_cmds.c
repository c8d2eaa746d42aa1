/*
 * builtins_cmds.c: the regular builtins that are not about variables or jobs:
 * cd pwd umask command type hash alias unalias kill, and echo printf test [
 * true false, which run mini's own commands inside the shell (POSIX XCU, each
 * utility's page).
 *
 * echo, printf, test, [, true, false, pwd and kill are the very same code as
 * /bin/echo and the others: their main is called here, in the shell's process,
 * which saves a fork. Those mains may call exit() for --help or a bad option
 * (libmini's option parser does); that would end the shell. So an argument
 * starting with "--" (and any option word of kill, which exits on bad ones)
 * makes the shell run the main in a forked child instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "sh.h"
#include "commands.h"
#include "modes.h"

/* ---- mini's own commands as builtins ---- */

/* Can this command's main run in the shell's process (see the top of the file)? */
static int safe_in_process(const char *name, char **argv)
{
	/* echo, test and [ never exit: they take no options (test handles --help itself) */
	if (strcmp(name, "echo") == 0 || strcmp(name, "test") == 0 || strcmp(name, "[") == 0)
		return 1;
	for (int i = 1; argv[i]; i++)
		if (argv[i][0] == '-' && (argv[i][1] == '-' || strcmp(name, "kill") == 0))
			return 0;
	return 1;
}

/* Run a command's main in a child (it may exit); returns its status. */
static int call_in_child(const struct command *cmd, int argc, char **argv)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		child_reset_signals();
		program_name = cmd->name;
		exit(cmd->main(argc, argv));
	}
	if (pid < 0)
		return 1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return exit_status_of(status);
}

int mini_builtin(int argc, char **argv)
{
	const struct command *cmd = find_command(argv[0]);
	const char *saved = program_name;
	int status;

	if (cmd == NULL)		/* not built into this mini: look on PATH */
		return run_argv(argc, argv, 1);
	if (!safe_in_process(argv[0], argv))
		return call_in_child(cmd, argc, argv);
	program_name = cmd->name;
	status = cmd->main(argc, argv);
	fflush(stdout);
	clearerr(stdout);
	program_name = saved;
	return status;
}

/* Where kill's operands start: after -s NAME, -NAME or -l. */
static int kill_operands(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "-s") == 0)
		return 3;
	if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0)
		return 2;
	return 1;
}

/*
 * kill: job specs like %1 become process groups (-PGID), then mini's kill does
 * the rest. A "--" goes before the operands, so -PGID is not read as a signal.
 */
int kill_builtin(int argc, char **argv)
{
	char **args = xmalloc((argc + 2) * sizeof *args);
	struct strlist numbers = { 0 };
	int status, first = kill_operands(argc, argv), n = 0, specs = 0;

	for (int i = 1; i < argc; i++)
		specs |= argv[i][0] == '%';
	for (int i = 0; i < argc; i++) {
		if (specs && i == first && strcmp(argv[i], "--") != 0)
			args[n++] = "--";
		args[n++] = argv[i];
		if (argv[i][0] == '%') {
			pid_t pgid = job_pgid(argv[i]);
			char buf[24];
			if (pgid == -1) {
				sh_warn("kill: %s: no such job", argv[i]);
				free(args);
				sl_free(&numbers);
				return 1;
			}
			snprintf(buf, sizeof buf, "%d", (int)pgid);
			sl_add(&numbers, xstrdup(buf));
			args[n - 1] = numbers.v[numbers.count - 1];
		}
	}
	args[n] = NULL;
	status = mini_builtin(n, args);
	for (int i = first; i < argc; i++)
		if (argv[i][0] == '%')
			job_wake(argv[i]);
	free(args);
	sl_free(&numbers);
	return status;
}

/* ---- cd and pwd ---- */

/* Make an absolute path canonical: no "." or ".." parts, no double slashes. */
static char *canonical_path(const char *path)
{
	struct strbuf out = { 0 };
	const char *p = path;

	while (*p) {
		const char *end;
		size_t len;
		while (*p == '/')
			p++;
		end = strchrnul(p, '/');
		len = end - p;
		if (len == 0 || (len == 1 && p[0] == '.')) {
			/* nothing */
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			while (out.len > 0 && out.s[out.len - 1] != '/')
				out.len--;
			if (out.len > 0)
				out.len--;
			if (out.s)
				out.s[out.len] = '\0';
		} else {
			sb_addc(&out, '/');
			sb_addn(&out, p, len);
		}
		p = end;
	}
	if (out.len == 0)
		sb_addc(&out, '/');
	return sb_take(&out);
}

/* The directory cd goes to: the operand, through CDPATH when it is relative. */
static char *cd_target(const char *dir, int *print)
{
	const char *cdpath = var_get("CDPATH");
	struct stat st;

	if (dir[0] == '/' || starts_with(dir, "./") || starts_with(dir, "../") ||
	    strcmp(dir, ".") == 0 || strcmp(dir, "..") == 0 || cdpath == NULL)
		return xstrdup(dir);
	for (;;) {
		const char *colon = strchrnul(cdpath, ':');
		char *prefix = colon == cdpath ? xstrdup(".") : xstrndup(cdpath, colon - cdpath);
		char *candidate = path_join(prefix, dir);
		free(prefix);
		if (stat(candidate, &st) == 0 && S_ISDIR(st.st_mode)) {
			*print = colon != cdpath;
			return candidate;
		}
		free(candidate);
		if (*colon == '\0')
			return xstrdup(dir);
		cdpath = colon + 1;
	}
}

int cd_builtin(int argc, char **argv)
{
	int physical = 0, print = 0, i = 1;
	const char *dir, *pwd = var_get("PWD");
	char *target, *logical, buf[4096];

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		physical = strcmp(argv[i], "-P") == 0;
	}
	dir = argv[i];
	if (dir == NULL && (dir = var_get("HOME")) == NULL) {
		sh_warn("cd: HOME not set");
		return 1;
	}
	if (strcmp(dir, "-") == 0) {
		if ((dir = var_get("OLDPWD")) == NULL) {
			sh_warn("cd: OLDPWD not set");
			return 1;
		}
		print = 1;
	}
	target = cd_target(dir, &print);
	if (target[0] != '/' && pwd && pwd[0] == '/' && !physical) {
		char *joined = path_join(pwd, target);
		free(target);
		target = joined;
	}
	logical = physical || target[0] != '/' ? xstrdup(target) : canonical_path(target);
	if (chdir(logical) < 0) {
		sh_warn("cd: %s:", dir);
		free(target);
		free(logical);
		return 1;
	}
	if (physical || logical[0] != '/') {
		free(logical);
		logical = xstrdup(getcwd(buf, sizeof buf) ? buf : target);
	}
	if (pwd)
		var_set("OLDPWD", pwd, 0);
	var_set("PWD", logical, 0);
	if (print)
		printf("%s\n", logical);
	free(target);
	free(logical);
	return 0;
}

int pwd_builtin(int argc, char **argv)
{
	const char *pwd = var_get("PWD");
	char buf[4096];
	struct stat a, b;

	if (find_command("pwd"))
		return mini_builtin(argc, argv);
	if (argc > 1 && strcmp(argv[1], "-P") == 0)
		pwd = NULL;
	if (pwd == NULL || pwd[0] != '/' || stat(pwd, &a) < 0 || stat(".", &b) < 0 ||
	    a.st_ino != b.st_ino || a.st_dev != b.st_dev)
		pwd = getcwd(buf, sizeof buf);
	if (pwd == NULL) {
		sh_warn("pwd:");
		return 1;
	}
	puts(pwd);
	return 0;
}

/* ---- umask ---- */

static void print_symbolic_mask(mode_t mask)
{
	const char *who = "ugo";

	for (int i = 0; i < 3; i++) {
		mode_t bits = ~mask >> (6 - 3 * i) & 7;
		printf("%c=%s%s%s%s", who[i], bits & 4 ? "r" : "", bits & 2 ? "w" : "", bits & 1 ? "x" : "",
		       i < 2 ? "," : "\n");
	}
}

int umask_builtin(int argc, char **argv)
{
	mode_t mask = umask(0), allowed;
	int symbolic = argc > 1 && strcmp(argv[1], "-S") == 0;
	const char *spec = argv[1 + symbolic];

	umask(mask);
	if (spec == NULL) {
		if (symbolic)
			print_symbolic_mask(mask);
		else
			printf("%04o\n", (unsigned)mask);
		return 0;
	}
	if (parse_mode(spec, S_IFDIR | (~mask & 0777), &allowed) < 0) {
		sh_warn("umask: %s: bad mode", spec);
		return 1;
	}
	if (spec[0] >= '0' && spec[0] <= '7')
		umask(strtol(spec, NULL, 8) & 0777);
	else
		umask(~allowed & 0777);
	return 0;
}

/* ---- alias and unalias (the table is in alias.c) ---- */

int alias_builtin(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		alias_print(NULL);
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		if (eq) {
			alias_set(argv[i], eq - argv[i], eq + 1);
		} else if (alias_print(argv[i]) < 0) {
			sh_warn("alias: %s: not found", argv[i]);
			status = 1;
		}
	}
	return status;
}

int unalias_builtin(int argc, char **argv)
{
	int status = 0;

	if (argc > 1 && strcmp(argv[1], "-a") == 0)
		return alias_remove(NULL);
	for (int i = 1; i < argc; i++) {
		if (alias_remove(argv[i]) < 0) {
			sh_warn("unalias: %s: not found", argv[i]);
			status = 1;
		}
	}
	return status;
}

/* ---- command, type, hash ---- */

static int is_keyword(const char *name)
{
	static const char *const keywords[] = {
		"!", "[[", "]]", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi", "for",
		"function", "if", "in", "then", "until", "while", NULL
	};
	for (int i = 0; keywords[i]; i++)
		if (strcmp(name, keywords[i]) == 0)
			return 1;
	return 0;
}

/* The PATH of command -p: where the standard utilities are. */
#define DEFAULT_PATH "/bin:/sbin:/usr/bin:/usr/sbin"

/* Say what name is, in ash's words: verbose like type, or just the path/name like command -v. */
static int describe(const char *name, int verbose, const char *path_var)
{
	const struct builtin *b = find_builtin(name);
	char *path;

	if (alias_get(name)) {
		if (verbose)
			printf("%s is an alias for %s\n", name, alias_get(name));
		else
			printf("alias %s='%s'\n", name, alias_get(name));
	} else if (is_keyword(name)) {
		printf(verbose ? "%s is a shell keyword\n" : "%s\n", name);
	} else if (b && b->special) {
		printf(verbose ? "%s is a special shell builtin\n" : "%s\n", name);
	} else if (func_get(name)) {
		printf(verbose ? "%s is a function\n" : "%s\n", name);
	} else if (b) {
		printf(verbose ? "%s is a shell builtin\n" : "%s\n", name);
	} else if ((path = strchr(name, '/') ? (access(name, X_OK) == 0 ? xstrdup(name) : NULL)
					      : path_search(name, path_var)) != NULL) {
		if (verbose)
			printf("%s is %s\n", name, path);
		else
			puts(path);
		free(path);
	} else {
		if (verbose)
			sh_warn("%s: not found", name);
		return 1;
	}
	return 0;
}

int type_builtin(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++)
		status |= describe(argv[i], 1, var_get("PATH"));
	return status ? 1 : 0;
}

int command_builtin(int argc, char **argv)
{
	int i = 1, verbose = -1, status = 0, default_path = 0;
	char *path;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'v' || *p == 'V')
				verbose = *p == 'V';
			else if (*p == 'p')
				default_path = 1;
			else {
				sh_warn("command: -%c: bad option", *p);
				return 2;
			}
		}
	}
	if (i >= argc)
		return 0;
	if (verbose >= 0) {
		for (; i < argc; i++)
			status |= describe(argv[i], verbose, default_path ? DEFAULT_PATH : var_get("PATH"));
		return status ? 1 : 0;
	}
	if (!default_path || strchr(argv[i], '/') || find_builtin(argv[i]) ||
	    (path = path_search(argv[i], DEFAULT_PATH)) == NULL)
		return run_argv(argc - i, argv + i, 1);
	/* -p: the program found on the default PATH, by its full name */
	argv[i] = path;
	status = run_argv(argc - i, argv + i, 1);
	free(path);
	return status;
}

int hash_builtin(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		path_cache_print();
		return 0;
	}
	if (strcmp(argv[1], "-r") == 0) {
		path_cache_clear();
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		if (find_builtin(argv[i]) || func_get(argv[i]))
			continue;
		if (path_cache_add(argv[i]) < 0) {
			sh_warn("hash: %s: not found", argv[i]);
			status = 1;
		}
	}
	return status;
}
