/* ask.h: yes/no questions on the terminal, for cp -i, mv -i, rm -i, find -ok. */
#ifndef ASK_H
#define ASK_H

/* Print "cmd: question" on stderr and read an answer line; true for y or Y. */
int ask_yes(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
