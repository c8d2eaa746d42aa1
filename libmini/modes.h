/*
 * modes.h: file mode bits as text, for ls, stat, chmod, mkdir, install, find ...
 *
 * "drwxr-xr-x" is the ls -l form; "755" and "u+x,go-w" are the two forms POSIX
 * chmod accepts (XCU chmod, "Extended Description").
 */
#ifndef MODES_H
#define MODES_H

#include <sys/types.h>

/* The 10-letter ls -l form of mode, type letter first, into buf (11 bytes). */
void mode_string(mode_t mode, char *buf);

/*
 * Apply a chmod mode, octal ("644") or symbolic ("u+x,go-w,a=rX"), to the mode old
 * (whose file-type bits decide what X means). Returns 0 and the new permission
 * bits in *result, or -1 when spec is not a valid mode.
 */
int parse_mode(const char *spec, mode_t old, mode_t *result);

#endif
