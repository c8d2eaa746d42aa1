/*
 * signames.h: signal names and numbers, both ways.
 *
 * Shared by kill, killall, timeout and the shell's kill and trap builtins.
 * Names are written without the "SIG" prefix ("TERM"), as kill -l shows them.
 */
#ifndef SIGNAMES_H
#define SIGNAMES_H

/*
 * The number of a signal given as "TERM", "SIGTERM", "term" or "15".
 * Returns -1 when the name is unknown or the number is out of range.
 * "0" is accepted (kill -0 asks whether a process exists).
 */
int signal_number(const char *name);

/* The name of signal number, without "SIG" ("TERM" for 15), or NULL if it has none. */
const char *signal_name(int number);

/* The highest signal number that has a name (for listing them all with kill -l). */
int signal_last(void);

#endif
