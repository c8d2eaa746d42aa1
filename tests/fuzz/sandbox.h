/*
 * sandbox.h: put before every source file of mini that a fuzzer runs (the Makefile
 * compiles them with `-include tests/fuzz/sandbox.h`); never included by mini itself.
 *
 * A fuzzer calls a command's NAME_main a million times in one process, so whatever
 * a command expects the end of its process to clean up, the harness (fuzz.c) must:
 *
 * - exit() does not end the process: it jumps back to the harness (fuzz_exit).
 * - Every global and static variable of these files lives in two sections of its
 *   own, fuzz_data and fuzz_bss; the harness copies their first contents back after
 *   each run, so the next run starts as a fresh process would.
 * - Memory is counted: after a run, the harness frees what the command left (the
 *   C library's blocks of a compiled regex too), and a run that holds more than the
 *   harness's budget gets NULL from malloc (the command then says "out of memory",
 *   as it would on a small machine).
 * - Streams and directories the command left open are closed after the run; what
 *   the command writes through fwrite, fputs, puts, putc, fputc and putchar is counted.
 * - Nothing outside the process is touched: fork, exec, system and popen fail;
 *   kill, signal handlers, signal masks and resource limits are left alone (they
 *   would hit the fuzzer itself), with success said to the caller.
 *
 * The defines rename each call to a fuzz_ function of fuzz.c; the system headers,
 * included after this file, then declare the fuzz_ names, with the same types.
 */
#ifndef FUZZ_SANDBOX_H
#define FUZZ_SANDBOX_H

#pragma clang section bss = "fuzz_bss" data = "fuzz_data"

/*
 * off_t is 64 bits on x86_64 without it. With it, glibc's stdio.h gives fopen the
 * assembler name fopen64, which no macro renames: the commands' fopen went straight
 * to the C library, past fuzz_fopen, and their streams were never closed (a FILE and
 * its buffer lost each run, 4.5 KB for each w file of sed; 1 GB in a million runs).
 */
#undef _FILE_OFFSET_BITS

#define exit fuzz_exit

#define malloc fuzz_malloc
#define calloc fuzz_calloc
#define realloc fuzz_realloc
#define free fuzz_free
#define strdup fuzz_strdup
#define strndup fuzz_strndup
#define asprintf fuzz_asprintf
#define vasprintf fuzz_vasprintf

/* output through stdio is counted (fuzz_set_output_budget); printf and fprintf are not
 * renamed, or `format(printf, ...)` attributes would name an unknown format */
#define fwrite fuzz_fwrite
#define fputs fuzz_fputs
#define puts fuzz_puts
#define putc fuzz_putc
#define fputc fuzz_fputc
#define putchar fuzz_putchar

#define fopen fuzz_fopen
#define fdopen fuzz_fdopen
#define fclose fuzz_fclose
#define regcomp fuzz_regcomp
#define regexec fuzz_regexec
#define regfree fuzz_regfree

#define opendir fuzz_opendir
#define fdopendir fuzz_fdopendir
#define closedir fuzz_closedir

#define fork fuzz_fork
#define vfork fuzz_fork
#define execve fuzz_execve
#define execv fuzz_execv
#define execvp fuzz_execvp
#define execl fuzz_execl
#define system fuzz_system
#define popen fuzz_popen
#define pclose fuzz_pclose

#define kill fuzz_kill
#define killpg fuzz_killpg
#define signal fuzz_signal
#define sigaction fuzz_sigaction
#define sigprocmask fuzz_sigprocmask
#define alarm fuzz_alarm
#define setrlimit fuzz_setrlimit
#define setpgid fuzz_setpgid
#define tcsetpgrp fuzz_tcsetpgrp
#define clock_settime fuzz_clock_settime
#define prctl fuzz_prctl

#endif
