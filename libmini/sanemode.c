/* sanemode.c: the "sane" terminal modes (see sanemode.h and termios(3)). */
#include "sanemode.h"

/* The control key that types letter: ^C is 3. */
#define CONTROL(letter) ((letter) & 0x1f)

void tty_sane(struct termios *t)
{
	t->c_iflag |= BRKINT | ICRNL | IMAXBEL | IXON;
	t->c_iflag &= ~(INLCR | IGNCR | IUCLC | IXOFF | IGNBRK | ISTRIP | PARMRK | INPCK);
	t->c_oflag |= OPOST | ONLCR;
	t->c_oflag &= ~(OLCUC | OCRNL | ONOCR | ONLRET | OFILL);
	t->c_lflag |= ISIG | ICANON | IEXTEN | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE;
	t->c_lflag &= ~(ECHONL | NOFLSH | TOSTOP | XCASE | ECHOPRT);
	t->c_cflag |= CREAD;
	t->c_cc[VINTR] = CONTROL('C');
	t->c_cc[VQUIT] = CONTROL('\\');
	t->c_cc[VERASE] = 127;		/* the Backspace key of PC keyboards sends DEL */
	t->c_cc[VKILL] = CONTROL('U');
	t->c_cc[VEOF] = CONTROL('D');
	t->c_cc[VEOL] = 0;
	t->c_cc[VSTART] = CONTROL('Q');
	t->c_cc[VSTOP] = CONTROL('S');
	t->c_cc[VSUSP] = CONTROL('Z');
	t->c_cc[VREPRINT] = CONTROL('R');
	t->c_cc[VWERASE] = CONTROL('W');
	t->c_cc[VLNEXT] = CONTROL('V');
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
