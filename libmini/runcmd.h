/*
 * runcmd.h: run another program in place of this one, the way POSIX asks
 * commands that start commands (env, nice, nohup, time, timeout, chroot ...) to.
 */
#ifndef RUNCMD_H
#define RUNCMD_H

/*
 * execvp(argv[0], argv). When that fails, print "cmd: NAME: reason" and end
 * with POSIX's statuses: 127 when the program was not found, 126 when it was
 * found but could not be run. Never returns. Safe to call in a forked child.
 */
void exec_command(char **argv) __attribute__((noreturn));

/* The exit status a shell would report for a wait(2) status: the code, or 128 + signal. */
int exit_status_of(int wait_status);

#endif
