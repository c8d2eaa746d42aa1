/* sanemode.h: the "sane" terminal modes, shared by stty sane and reset. */
#ifndef SANEMODE_H
#define SANEMODE_H

#include <termios.h>

/*
 * Change t to the everyday settings of a terminal: line editing, echo, signal keys,
 * newline translation, ^C ^\ DEL ^U ^D ^Q ^S ^Z as the special keys. The speed and
 * the character size stay as they are.
 */
void tty_sane(struct termios *t);

#endif
