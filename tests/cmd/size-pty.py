# Run a command on a new pseudo-terminal whose size is unknown (0 x 0, as a serial
# console's), playing the terminal that answers the size question ESC [ 6 n.
# Usage: python3 size-pty.py STEP... -- COMMAND [ARG]...
# Steps, in order:
#   wait:TEXT    wait (5 s at most) until the output holds TEXT (Python escapes)
#   answer:R;C   answer the question (once it was asked) with ESC [ R ; C R
#   type:TEXT    type TEXT (Python escapes)
#   pause:S      let S seconds go by (a terminal that answers late)
# Then waits for the command's end and prints what it wrote, the question shown as
# <ASK> and every other escape sequence taken out, \r removed.
import os, pty, re, select, signal, sys, time

split = sys.argv.index('--')
steps, command = sys.argv[1:split], sys.argv[split + 1:]
for name in ('COLUMNS', 'LINES'):
    os.environ.pop(name, None)
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
out = b''

def unescape(text):
    return text.encode().decode('unicode_escape').encode('latin1')

def drain(seconds, until=None):
    global out
    end = time.time() + seconds
    while time.time() < end and not (until and until(out)):
        if select.select([fd], [], [], 0.02)[0]:
            try:
                out += os.read(fd, 4096)
            except OSError:
                return

for step in steps:
    kind, _, arg = step.partition(':')
    if kind == 'wait':
        drain(5, lambda text: unescape(arg) in text)
    elif kind == 'answer':
        drain(5, lambda text: b'\x1b[6n' in text)
        os.write(fd, b'\x1b[' + arg.encode() + b'R')
    elif kind == 'type':
        os.write(fd, unescape(arg))
    elif kind == 'pause':
        drain(float(arg))
for tries in range(100):	# up to 10 seconds to finish
    drain(0.1)
    time.sleep(0.02)	# drain returns at once when the terminal closed, before the exit
    if os.waitpid(pid, os.WNOHANG)[0] != 0:
        break
else:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    out += b'[STILL RUNNING]'
drain(0.1)
text = out.decode('latin1').replace('\r', '').replace('\x1b[6n', '<ASK>')
text = re.sub('\x1b(\\[[0-9;?]*[@-~]|[78])', '', text)
sys.stdout.write(text)
