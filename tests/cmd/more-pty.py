# Run a command on a pseudo-terminal of 6 rows x 40 columns, type keys, print what it showed.
# Usage: python3 more-pty.py KEYS COMMAND [ARG]...   (KEYS with Python escapes, e.g. ' \nq')
# Escape sequences are shown readably: <...> for reverse video, [CLEAR] for a cleared screen.
import os, pty, select, signal, struct, sys, termios, fcntl, time

keys = sys.argv[1].encode().decode('unicode_escape').encode('latin1')
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 6, 40, 0, 0))
    os.execvp(sys.argv[2], sys.argv[2:])
out = b''

def drain(seconds, until=None):
    global out
    end = time.time() + seconds
    while time.time() < end and not (until and until(out)):
        if select.select([fd], [], [], 0.02)[0]:
            try:
                out += os.read(fd, 4096)
            except OSError:
                return

def exited():
    return os.waitpid(pid, os.WNOHANG)[0] != 0

drain(5, lambda text: b'More' in text)	# keys typed before the first prompt would echo
for k in keys:
    os.write(fd, bytes([k]))
    drain(0.15)
done = False
for tries in range(50):	# give it up to 5 seconds to finish
    drain(0.1)
    time.sleep(0.02)	# drain returns at once when the terminal closed, before the exit
    if exited():
        done = True
        break
drain(0.1)
if not done:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    out += b'[STILL RUNNING]'
text = out.decode('latin1').replace('\r', '')
for code, shown in (('\x1b[7m', '<'), ('\x1b[0m', '>'), ('\x1b[K', ''), ('\x1b[H\x1b[2J', '[CLEAR]\n')):
    text = text.replace(code, shown)
sys.stdout.write(text)
