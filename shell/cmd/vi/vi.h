/*
 * vi.h: what the parts of mini's vi share.
 *
 * The text is an array of lines (buffer.c). A line's bytes are never changed in
 * place: a change puts new lines in and hands the old ones to the undo history,
 * so undo is just putting them back. The other parts: screen.c draws, motion.c
 * finds where a motion goes, normal.c runs normal, insert and visual mode,
 * search.c finds regular expressions, ex.c runs ":" commands, map.c holds :map
 * (the keys a normal command starts with may stand for others), vi.c starts it all.
 */
#ifndef VI_H
#define VI_H

#include <stddef.h>
#include <regex.h>

struct line {
	char *text;		/* NUL-terminated (for regexec), may hold other NULs */
	int len;
};

struct pos {
	int line, col;		/* both from 0; col is a byte offset */
};

/* ---- buffer.c: the lines, undo, marks, registers ---- */
extern struct line *lines;
extern int line_count;		/* always at least 1 */
extern int buffer_empty;	/* "no lines in buffer": the one empty line is not written */

void buffer_init(void);
/* Does the text differ from the file (undo back to it counts as no)? */
int buffer_modified(void);
/* The text is what the file holds now. */
void buffer_saved(void);
/* Take ownership of text (malloc'd, a NUL at text[len]): make it the whole buffer. No undo. */
void buffer_take(char *text, size_t len);
/* How many lines from first on (at most count) follow each other unchanged in the text as loaded. */
int loaded_run(int first, int count);
/* Replace n_old lines from `at` by copies of n_new lines: the one way the text changes. */
void buffer_replace(int at, int n_old, const struct line *new_lines, int n_new);
void buffer_set_line(int i, const char *text, int len);
/* The text from a up to (not including) b, lines joined by '\n'. malloc'd. */
char *buffer_text(struct pos a, struct pos b, size_t *len);
void buffer_delete(struct pos a, struct pos b);
/* Insert text at a; returns the position just after it. */
struct pos buffer_insert(struct pos a, const char *text, size_t len);
/* Replace n_old lines from at by the lines of text ("a\nb": two lines); returns their number. */
int buffer_replace_text(int at, int n_old, const char *text, size_t len);
/* Insert whole lines ("a\nb\n") before line `at`. Returns the line they start at. */
int buffer_insert_lines(int at, const char *text, size_t len);
void buffer_delete_lines(int first, int count);
/* The whole text of lines [first, first+count) with a '\n' after each. malloc'd. */
char *buffer_lines_text(int first, int count, size_t *len);
/* The blanks at the start of line i. */
int indent_length(int i);
/* Lines [first, last] one shiftwidth right (dir 1) or left (-1): > < :> :<. */
void shift_lines(int first, int last, int dir);
/* J: count lines (at least 2) from first made one; the cursor goes to the gap. */
void join_lines(int first, int count);
/* :j, lines [first, last] */
void ex_join(int first, int last);

/* Changes made until the next undo_begin are undone together. */
void undo_begin(void);
int undo(void);
int redo(void);

/* Marks: a-z, '\'' (the last jump), '<' and '>' (the last visual area). */
int mark_slot(int name);	/* -1 if not a mark name */
extern struct pos marks[];
void mark_set(int name, struct pos p);

/* Registers: '"' (unnamed), a-z (A-Z append), 1-9 (the last deletes). */
struct reg {
	char *text;
	size_t len;
	int linewise;
};
struct reg *register_get(int name);
/* Store text (taken over, malloc'd) in register `name` and in the unnamed one. */
void register_set(int name, char *text, size_t len, int linewise);
/*
 * Store deleted text as register_set does; a delete of a line or more into no
 * named register also goes into "1, the older ones moving to "2 ... "9 (as vi).
 */
void register_delete(int name, char *text, size_t len, int linewise);

/* ---- vi.c: the editor's state, keys, files ---- */
enum mode { NORMAL, INSERT, REPLACE, VISUAL, VISUAL_LINE };

struct settings {
	int number, autoindent, ignorecase, list, expandtab;
	int tabstop, shiftwidth;
};

extern struct settings opt;
extern struct pos cur;		/* the cursor */
extern int want_col;		/* the screen column j and k aim for; a big number after $ */
extern int mode;
extern struct pos visual_start;
extern char *file_name;
extern int readonly;
extern int quitting;

/* The next key: replayed keys for ".", else the terminal (redrawing first). */
int get_key(void);
/* Make keys be read again (for "." and counts on inserts). */
void push_keys(const int *keys, int n);
/* Forget the keys pushed and not read yet. */
void drop_pushed_keys(void);
/* Keys read next as if typed (a mapping's), after the pushed ones; drop them; are there any? */
void feed_keys(const int *keys, int n);
void drop_fed_keys(void);
int keys_fed(void);
/* Remember keys as they are read from the terminal (first_key, then the rest), for "."; stop returns them. */
void record_start(int first_key);
int *record_stop(int *n);
/* How many keys are recorded so far, and a copy of those from number `from` on. */
int record_length(void);
int *record_since(int from, int *n);
/* Read a file into the buffer; returns -1 (message set) if it cannot be read. */
int file_load(const char *path);
/* Edit the next file named on the command line (:n); -1 if there is none. */
int edit_next_file(void);
/* Write lines [first, last] to fd; returns the bytes written or -1. */
long long write_lines(int fd, int first, int last);
/* Write lines [first, last] to path; returns -1 (message set) on failure. */
int file_write(const char *path, int first, int last, int force);
/* Run a shell command line with the terminal given back. */
int run_shell(const char *command);
/* :w !command: lines [first, last] to the command's standard input. */
int pipe_write(const char *command, int first, int last);

/* ---- screen.c ---- */
extern int top_line;		/* the first line shown */
void message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void screen_draw(void);
int text_rows(void);
/* The screen column of byte col in line, and back (wrapping not counted). */
int col_to_screen(int line, int col);
int screen_to_col(int line, int screen_col);
/* Screen rows that line takes. */
int line_rows(int line);
/* The last line shown whole from top_line. */
int bottom_line(void);
void scroll_to_cursor(void);
/* Put line at the top, middle or bottom ('t', 'm', 'b') of the screen. */
void place_line(int line, int where);
/* Read a line on the bottom row after a prompt char; NULL if cancelled. malloc'd. */
char *read_line(int prompt);
/* Several lines of output (ex :p, :!cmd): scroll them up, then wait for Enter. */
void output_line(const char *text, int len);
void output_wait(void);
int output_showing(void);
void clear_message(void);

/* ---- motion.c ---- */
struct motion {
	struct pos to;
	int linewise;		/* the motion takes whole lines (j, G, ') */
	int inclusive;		/* the character at `to` is part of the range (e, $, f) */
	int key;		/* the motion's key */
};
/* Where motion key (with count, and its char arg for f t F T ' `) takes the cursor; 0 if nowhere. */
int motion(int key, int count, int has_count, int op, struct motion *m);
int first_nonblank(int line);
int next_char(int line, int col);
int prev_char(int line, int col);
/* Is key the start of a motion? */
int is_motion_key(int key);

/* ---- search.c ---- */
/* Compile pattern (empty: the last one); returns 0 or -1 with a message. */
int search_compile(const char *pattern);
extern regex_t search_regex;
/* Find the next match from p (exclusive) in direction dir (1 or -1); wraps around. */
int search_next(struct pos *p, int dir);
/* Find the match of the regex in line i at or after byte col: returns 0 and sets start/end. */
int search_in_line(regex_t *re, int i, int col, int *start, int *end);
/* / ? n N * # */
int search_motion(int key, int count, struct pos *to);

/* ---- normal.c ---- */
void normal_command(void);

/* ---- map.c: :map ---- */
/* The first key of a normal command, after the maps: what a map's keys stand for is fed. */
int mapped_key(void);
/* :map LHS RHS (:map alone lists the maps), :unmap LHS */
void map_command(const char *arg);
void unmap_command(const char *arg);

/* ---- ex.c ---- */
void ex_command(const char *line);
/* Lines [first, last] through a shell command: its output replaces them. */
void ex_filter(int first, int last, const char *command);

#endif
