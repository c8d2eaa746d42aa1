"""qemu.py: boot mini's ISO in QEMU and talk to it over the serial console.

Used by the boot tests (tests/boot/test_*.py). A test does:

    from qemu import Machine, check, finish
    with Machine(iso) as m:             # boots under TCG, -cpu 486, -m 32
        m.wait_prompt()                  # the shell's prompt on the serial line
        out = m.run("uname -a")          # what the command printed
        check("uname names the kernel", out.startswith("Linux"), out)
        m.poweroff()                     # QEMU must exit by itself
    finish()

Every check prints "ok - what" or "not ok - what" (with the serial log on failure),
which tests/run.sh counts. KVM stays off: on these hosts a 32-bit guest hangs under it.
"""
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>78cDEHM]")
PROMPT = re.compile(r"[#$] $")
failures = 0


def check(what, ok, detail=""):
    """Print one test result; detail (e.g. the output seen) is shown on failure."""
    global failures
    print(("ok - " if ok else "not ok - ") + what, flush=True)
    if not ok:
        failures += 1
        for line in str(detail).splitlines()[-40:]:
            print("#   " + line)


def finish():
    """End a test script: its exit status says whether any check failed."""
    sys.exit(1 if failures else 0)


def screen_text(raw):
    """What a terminal would show for raw output, roughly: escape sequences dropped,
    and a carriage return starting the line again (the line editor redraws that way)."""
    text = ANSI.sub("", raw)
    lines = []
    for line in text.split("\n"):
        parts = line.split("\r")
        shown = parts[0]
        for part in parts[1:]:
            shown = part + shown[len(part):] if part else shown
        lines.append(shown)
    return "\n".join(lines)


class Timeout(Exception):
    pass


class Machine:
    """One QEMU guest booted from the ISO, its serial console on a pipe."""

    def __init__(self, iso="build/mini.iso", mem=32, cpu="486", extra=(), as_disk=False):
        self.iso = iso
        self.mem = mem
        self.cpu = cpu
        self.extra = list(extra)
        self.as_disk = as_disk  # the caller's extra arguments attach the ISO as a disk
        self.raw = ""          # everything the guest printed
        self.log = ""          # the same as lines on a screen: escapes and redraws resolved
        self.seen = 0          # how much of the log expect() has consumed
        self.proc = None
        self.monitor_path = None

    # ---- starting and stopping ----
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.kill()

    def start(self):
        self.monitor_path = tempfile.mktemp(prefix="mini-qemu-mon.")
        cmd = ["qemu-system-i386", "-accel", os.environ.get("ACCEL", "tcg"),
               "-cpu", self.cpu, "-m", str(self.mem)] + \
              ([] if self.as_disk else ["-cdrom", self.iso, "-boot", "d"]) + \
              ["-display", "none", "-serial", "stdio",
               "-monitor", "unix:%s,server,nowait" % self.monitor_path] + self.extra
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.monitor_path and os.path.exists(self.monitor_path):
            os.unlink(self.monitor_path)

    def exited(self, timeout):
        """Wait up to timeout seconds for QEMU to end by itself; its status, or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._read(0.2)
            if self.proc.poll() is not None:
                return self.proc.returncode
        return None

    # ---- the serial line ----
    def _read(self, timeout):
        """Move whatever the guest printed within timeout seconds into the log."""
        fd = self.proc.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return False
        data = os.read(fd, 65536)
        if not data:
            time.sleep(timeout)
            return False
        self.raw += data.decode("latin-1")
        self.log = screen_text(self.raw)
        return True

    def send(self, text):
        """Type text on the serial console (a newline is the Enter key: CR)."""
        self.proc.stdin.write(text.replace("\n", "\r").encode("latin-1"))
        self.proc.stdin.flush()

    def expect(self, pattern, timeout=30):
        """Wait until pattern (a regex) appears in new output; returns the match."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.log, self.seen)
            if match:
                self.seen = match.end()
                return match
            left = deadline - time.monotonic()
            if left <= 0 or (self.proc.poll() is not None and not self._read(0)):
                raise Timeout("no /%s/ within %ss; the serial log ends:\n%s"
                              % (pattern, timeout, self.log[-3000:]))
            self._read(min(left, 0.5))

    def wait_prompt(self, timeout=60):
        """Wait for the shell's prompt (ending in '# ' or '$ ') with nothing after it."""
        deadline = time.monotonic() + timeout
        while True:
            self._read(0.3)
            tail = self.log[self.seen:]
            if PROMPT.search(tail) and not self._read(0.3):
                self.seen = len(self.log)
                return tail
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise Timeout("no prompt within %ss; the serial log ends:\n%s"
                              % (timeout, self.log[-3000:]))

    def run(self, command, timeout=30):
        """Type a command line, wait for the next prompt, return what it printed
        (without the echoed command line and the prompt)."""
        self.send(command + "\n")
        text = self.wait_prompt(timeout)
        lines = text.split("\n")
        return "\n".join(lines[1:-1]).rstrip("\n") if len(lines) > 1 else ""

    def monitor(self, command):
        """A command to QEMU's monitor, e.g. 'sendkey ctrl-alt-delete'."""
        s = socket.socket(socket.AF_UNIX)
        s.connect(self.monitor_path)
        s.sendall((command + "\n").encode())
        time.sleep(0.3)
        s.close()

    def poweroff(self, timeout=30):
        """Run poweroff; returns QEMU's exit status, or None if it kept running."""
        self.send("poweroff\n")
        return self.exited(timeout)


def iso_from_argv():
    return sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ISO", "build/mini.iso")
