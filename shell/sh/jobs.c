/*
 * jobs.c: jobs and job control (POSIX XCU 2.11 "Job Control", and the jobs,
 * fg, bg and wait utilities).
 *
 * Every pipeline the shell starts is a job: a list of processes. On a terminal
 * (set -m, on by default when interactive) each job gets its own process group,
 * and the foreground job owns the terminal, so Ctrl-C, Ctrl-\ and Ctrl-Z reach
 * only it. When it stops or ends, the shell takes the terminal back and restores
 * its own terminal modes. Children are reaped with waitpid(-1): whichever job a
 * finished process belongs to gets its status recorded.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

enum job_state { RUNNING, STOPPED, DONE };

struct process {
	pid_t pid;
	int status;		/* wait status, when done or stopped */
	enum job_state state;
};

struct job {
	struct job *next;
	int id;			/* the n of %n; 0 while in the foreground */
	pid_t pgid;
	struct process *procs;
	int count;
	char *text;
	int background;
	int notified;		/* its state change was reported */
};

int job_control;
static struct job *jobs;	/* background and stopped jobs, newest first */
static struct job *current_fg;
static int tty_fd = -1;
static pid_t shell_pgid;
static struct termios shell_modes;

/* ---- keeping the records ---- */

struct job *job_new(struct node *cmd, int background)
{
	struct job *j = xzalloc(sizeof *j);
	struct strbuf text = { 0 };

	if (cmd)
		node_text(cmd, &text);
	j->text = sb_take(&text);
	j->background = background;
	return j;
}

static void job_free(struct job *j)
{
	free(j->procs);
	free(j->text);
	free(j);
}

void job_add_process(struct job *j, pid_t pid)
{
	j->procs = xrealloc(j->procs, (j->count + 1) * sizeof *j->procs);
	j->procs[j->count].pid = pid;
	j->procs[j->count].state = RUNNING;
	j->procs[j->count].status = 0;
	j->count++;
	if (j->pgid == 0)
		j->pgid = pid;
	if (job_control)
		setpgid(pid, j->pgid);	/* in the parent too: no race with the child's own call */
}

void job_child_setup(struct job *j)
{
	if (!job_control)
		return;
	setpgid(0, j->pgid ? j->pgid : getpid());
	if (!j->background)
		tcsetpgrp(tty_fd, getpgrp());
}

static enum job_state job_state(struct job *j)
{
	int stopped = 0;

	for (int i = 0; i < j->count; i++) {
		if (j->procs[i].state == RUNNING)
			return RUNNING;
		stopped |= j->procs[i].state == STOPPED;
	}
	return stopped ? STOPPED : DONE;
}

/* The exit status of a job: its last process, or with pipefail the last failing one. */
static int job_status(struct job *j)
{
	int status = exit_status_of(j->procs[j->count - 1].status);

	if (job_state(j) == STOPPED)
		return 128 + WSTOPSIG(j->procs[j->count - 1].status);
	if (sh_opt.pipefail)
		for (int i = j->count - 1; i >= 0; i--)
			if (exit_status_of(j->procs[i].status) != 0)
				return exit_status_of(j->procs[i].status);
	return status;
}

/* Record what waitpid said about pid, in whichever job has it. */
static void record_status(pid_t pid, int status)
{
	struct job *lists[2] = { current_fg, jobs };

	for (int l = 0; l < 2; l++) {
		for (struct job *j = lists[l]; j; j = l ? j->next : NULL) {
			for (int i = 0; i < j->count; i++) {
				if (j->procs[i].pid != pid)
					continue;
				j->procs[i].status = status;
				j->procs[i].state = WIFSTOPPED(status) ? STOPPED :
						    WIFCONTINUED(status) ? RUNNING : DONE;
				j->notified = 0;
				return;
			}
		}
	}
}

/* Reap one child (block if asked); returns 0 when there was none to reap. */
static int reap(int block)
{
	int status;
	pid_t pid = waitpid(-1, &status, WUNTRACED | WCONTINUED | (block ? 0 : WNOHANG));

	if (pid <= 0)
		return pid < 0 && errno == EINTR && block ? 1 : 0;
	record_status(pid, status);
	return 1;
}

/* ---- the foreground ---- */

static void give_terminal_to(pid_t pgid)
{
	if (job_control)
		tcsetpgrp(tty_fd, pgid);
}

static int next_job_id(void)
{
	int id = 1;

	for (struct job *j = jobs; j; j = j->next)
		if (j->id >= id)
			id = j->id + 1;
	return id;
}

static void print_job(struct job *j, const char *state)
{
	fprintf(stderr, "[%d]%c  %-24s%s\n", j->id, j == jobs ? '+' : (jobs && j == jobs->next) ? '-' : ' ',
		state, j->text);
}

static void add_to_table(struct job *j)
{
	if (j->id == 0)
		j->id = next_job_id();
	j->next = jobs;
	jobs = j;
}

static void remove_from_table(struct job *j)
{
	for (struct job **p = &jobs; *p; p = &(*p)->next) {
		if (*p == j) {
			*p = j->next;
			return;
		}
	}
}

/* A job killed by a signal is reported as dash, ash and bash do: "Terminated", "Hangup"... */
static void report_signal(struct job *j)
{
	int status = j->procs[j->count - 1].status, sig;

	if (!WIFSIGNALED(status))
		return;
	sig = WTERMSIG(status);
	if (sig == SIGINT && sh_opt.interactive)
		fputc('\n', stderr);
	else if (sig != SIGINT && sig != SIGPIPE)
		fprintf(stderr, "%s\n", strsignal(sig));
}

int job_wait_foreground(struct job *j)
{
	int status;

	current_fg = j;
	give_terminal_to(j->pgid);
	while (job_state(j) == RUNNING) {
		if (!reap(1))
			break;
		if (pending_signals && !job_control)
			run_pending_traps();
	}
	current_fg = NULL;
	if (job_control) {
		give_terminal_to(shell_pgid);
		tcsetattr(tty_fd, TCSADRAIN, &shell_modes);
	}
	status = job_status(j);
	if (job_state(j) == STOPPED) {
		j->background = 1;
		add_to_table(j);
		fputc('\n', stderr);
		print_job(j, "Stopped");
		j->notified = 1;
		return status;
	}
	report_signal(j);
	job_free(j);
	return status;
}

void job_background(struct job *j)
{
	add_to_table(j);
	if (sh_opt.interactive)
		fprintf(stderr, "[%d] %d\n", j->id, (int)j->procs[j->count - 1].pid);
}

/* "Done", "Done(2)" for a failure, or the signal that ended it ("Terminated"). */
static const char *done_text(struct job *j)
{
	static char text[32];
	int status = j->procs[j->count - 1].status;

	if (WIFSIGNALED(status))
		return strsignal(WTERMSIG(status));
	if (WEXITSTATUS(status) == 0)
		return "Done";
	snprintf(text, sizeof text, "Done(%d)", WEXITSTATUS(status));
	return text;
}

void jobs_reap(void)
{
	children_changed = 0;
	while (reap(0))
		;
}

/* Reap what finished and (interactive) print Done/Stopped notices; forget done jobs. */
void jobs_notify(void)
{
	struct job *j, *next;

	while (reap(0))
		;
	for (j = jobs; j; j = next) {
		enum job_state state = job_state(j);
		next = j->next;
		if (state == DONE) {
			if (sh_opt.interactive)
				print_job(j, done_text(j));
			remove_from_table(j);
			job_free(j);
		} else if (state == STOPPED && !j->notified && sh_opt.interactive) {
			print_job(j, "Stopped");
			j->notified = 1;
		}
	}
}

/*
 * Leaving an interactive shell with stopped jobs: the first try only warns
 * (the jobs would never be continued). Returns 1 if the shell may not exit yet.
 */
int jobs_hold_exit(void)
{
	static int warned;

	if (!job_control || warned)
		return 0;
	for (struct job *j = jobs; j; j = j->next) {
		if (job_state(j) == STOPPED) {
			warned = 1;
			fputs("There are stopped jobs.\n", stderr);
			return 1;
		}
	}
	return 0;
}

/* ---- job specs: %n %% %+ %- %name %?text, or a process id ---- */

static struct job *find_job(const char *spec)
{
	struct job *j;

	if (spec == NULL || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0)
		return jobs;
	if (strcmp(spec, "%-") == 0)
		return jobs ? jobs->next : NULL;
	if (spec[0] != '%') {
		long long pid;
		if (parse_long(spec, &pid) < 0)
			return NULL;
		for (j = jobs; j; j = j->next)
			for (int i = 0; i < j->count; i++)
				if (j->procs[i].pid == pid)
					return j;
		return NULL;
	}
	spec++;
	for (j = jobs; j; j = j->next) {
		char number[16];
		snprintf(number, sizeof number, "%d", j->id);
		if (strcmp(spec, number) == 0 ||
		    (spec[0] == '?' && strstr(j->text, spec + 1)) ||
		    (spec[0] != '?' && !(spec[0] >= '0' && spec[0] <= '9') && starts_with(j->text, spec)))
			return j;
	}
	return NULL;
}

static void continue_job(struct job *j)
{
	for (int i = 0; i < j->count; i++)
		if (j->procs[i].state == STOPPED)
			j->procs[i].state = RUNNING;
	kill(-j->pgid, SIGCONT);
}

/* A stopped job that was sent a signal must run to see it (kill %1 of a stopped job). */
void job_wake(const char *spec)
{
	struct job *j = find_job(spec);

	if (j && job_control && job_state(j) == STOPPED)
		continue_job(j);
}

/* What kill needs for a job: -pgid (its process group) with job control, else its pid. */
pid_t job_pgid(const char *spec)
{
	struct job *j = find_job(spec);

	if (j == NULL)
		return -1;
	return job_control ? -j->pgid : j->procs[0].pid;
}

/* ---- builtins ---- */

static const char *state_name(struct job *j)
{
	switch (job_state(j)) {
	case RUNNING:
		return "Running";
	case STOPPED:
		return "Stopped";
	default:
		return done_text(j);
	}
}

int jobs_builtin(int argc, char **argv)
{
	int pids_only = argc > 1 && strcmp(argv[1], "-p") == 0;
	int long_form = argc > 1 && strcmp(argv[1], "-l") == 0;

	while (reap(0))
		;
	for (struct job *j = jobs; j; j = j->next) {
		if (pids_only) {
			printf("%d\n", (int)j->pgid);
			continue;
		}
		if (long_form)
			printf("[%d]%c %d %-24s%s\n", j->id, j == jobs ? '+' : ' ', (int)j->pgid, state_name(j), j->text);
		else
			printf("[%d]%c  %-24s%s\n", j->id, j == jobs ? '+' : (jobs->next == j ? '-' : ' '),
			       state_name(j), j->text);
		j->notified = 1;
	}
	fflush(stdout);
	jobs_notify();
	return 0;
}

static struct job *job_argument(int argc, char **argv, const char *who)
{
	struct job *j = find_job(argc > 1 ? argv[1] : NULL);

	if (j == NULL)
		sh_warn("%s: %s: no such job", who, argc > 1 ? argv[1] : "current");
	return j;
}


int fg_builtin(int argc, char **argv)
{
	struct job *j;

	if (!job_control) {
		sh_warn("fg: no job control");
		return 1;
	}
	if ((j = job_argument(argc, argv, "fg")) == NULL)
		return 1;
	remove_from_table(j);
	j->background = 0;
	fprintf(stderr, "%s\n", j->text);
	give_terminal_to(j->pgid);
	continue_job(j);
	return job_wait_foreground(j);
}

int bg_builtin(int argc, char **argv)
{
	struct job *j;

	if (!job_control) {
		sh_warn("bg: no job control");
		return 1;
	}
	if ((j = job_argument(argc, argv, "bg")) == NULL)
		return 1;
	continue_job(j);
	fprintf(stderr, "[%d] %s &\n", j->id, j->text);
	return 0;
}

/* wait [pid|%job]...: wait for them (all background jobs when none is named). */
int wait_builtin(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		while (jobs) {
			if (pending_signals)
				return 128 + pending_signal_number();
			while (jobs && job_state(jobs) == DONE) {
				struct job *j = jobs;
				jobs = j->next;
				job_free(j);
			}
			if (jobs && !reap(1))
				break;
		}
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct job *j = find_job(argv[i]);
		if (j == NULL) {
			status = 127;
			continue;
		}
		while (job_state(j) == RUNNING && reap(1))
			if (pending_signals)	/* a trapped signal ends the wait at once */
				return 128 + pending_signal_number();
		status = job_status(j);
		if (job_state(j) == DONE) {
			if (!sh_opt.interactive)
				report_signal(j);
			remove_from_table(j);
			job_free(j);
		}
	}
	return status;
}

/* ---- starting job control ---- */

void jobs_init(void)
{
	pid_t pgid;

	tty_fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 10);
	if (tty_fd < 0)
		return;
	/* Wait until we are in the foreground (a shell started in the background stops here). */
	while ((pgid = tcgetpgrp(tty_fd)) >= 0 && pgid != getpgrp())
		kill(0, SIGTTIN);
	if (pgid < 0) {
		close(tty_fd);
		tty_fd = -1;
		return;
	}
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	shell_pgid = getpid();
	if (getpgrp() != shell_pgid)
		setpgid(0, shell_pgid);
	tcsetpgrp(tty_fd, shell_pgid);
	tcgetattr(tty_fd, &shell_modes);
	job_control = 1;
	sh_opt.monitor = 1;
}
