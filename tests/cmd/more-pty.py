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

def drain(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.02)[0]:
            try:
                out += os.read(fd, 4096)
            except OSError:
                return

drain(0.3)
for k in keys:
    os.write(fd, bytes([k]))
    drain(0.15)
drain(0.3)
done, status = os.waitpid(pid, os.WNOHANG)
if done == 0:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    out += b'[STILL RUNNING]'
text = out.decode('latin1').replace('\r', '')
for code, shown in (('\x1b[7m', '<'), ('\x1b[0m', '>'), ('\x1b[K', ''), ('\x1b[H\x1b[2J', '[CLEAR]\n')):
    text = text.replace(code, shown)
sys.stdout.write(text)
