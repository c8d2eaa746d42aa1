/*
 * lineedit.h: an Emacs-style line editor with history and Tab completion,
 * for terminals that speak VT100 (xterm, the Linux console, a serial terminal).
 *
 *	char *line = lineedit_read("$ ");	// malloc'd, without the newline
 *	if (line == NULL) ...			// end of input (Ctrl-D on an empty line)
 *	if (lineedit_interrupted) ...		// Ctrl-C: line is ""
 *	lineedit_history_add(line);
 *
 * Keys: Ctrl-A/E/B/F, Home/End, arrows, Backspace, Delete, Ctrl-D, Ctrl-K/U/W/Y,
 * Ctrl-L, Ctrl-C, Up/Down and Ctrl-P/N (history), Ctrl-R (reverse search), Tab.
 * Reads standard input, draws on standard error. When standard input is not a
 * terminal it just prints the prompt and reads a line: no escape codes at all.
 */
#ifndef LINEEDIT_H
#define LINEEDIT_H

char *lineedit_read(const char *prompt);
/* Set by lineedit_read when the line was abandoned with Ctrl-C. */
extern int lineedit_interrupted;

/*
 * Tab completion, set by the program: the candidates (malloc'd strings in a
 * malloc'd NULL-terminated array, freed by the editor) for the word that
 * starts at *word_start and ends at the cursor. NULL: no completion.
 */
extern char **(*lineedit_complete)(const char *line, int cursor, int *word_start);

/* History: kept in memory, and in a file when lineedit_history_load named one. */
void lineedit_history_add(const char *line);
/* Read the history file (at most max lines are kept); later lines are appended to it. */
void lineedit_history_load(const char *path, int max);
/* Rewrite the history file with the lines in memory. */
void lineedit_history_save(void);
int lineedit_history_count(void);
const char *lineedit_history_get(int index);
void lineedit_history_clear(void);

#endif
