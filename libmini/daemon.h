/*
 * daemon.h: going on in the background, away from the terminal (hotplug, telnetd,
 * httpd, udhcpc).
 */
#ifndef DAEMON_H
#define DAEMON_H

/*
 * Go on in a child, in a session of its own (no controlling terminal): the parent
 * flushes its output and exits 0 at once. Standard input and output become
 * /dev/null, standard error too unless keep_stderr (messages still reach the
 * console). The working folder stays: chdir("/") is the caller's choice.
 * Returns 0 in the child, or -1 (errno set) when no child could be made.
 */
int become_daemon(int keep_stderr);

#endif
