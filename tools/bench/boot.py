#!/usr/bin/env python3
"""boot.py: boot an ISO in QEMU (TCG) and measure it over the serial console.

Used by tools/bench.sh; it works with any ISO whose GRUB and kernel talk on ttyS0
and whose shell prints a prompt ending in "# " or "$ ".

  boot.py time   ISO [--cpu C] [--mem M] [--runs N]   seconds from QEMU's start to the
                 first shell prompt, every run and the median; kernel_median: from
                 GRUB's "Booting" line to the prompt (kernel load, boot and init)
  boot.py works  ISO [--cpu C] [--mem M]               reach a prompt, run `ls -l /`;
                 exit 0 when the listing came back
  boot.py minram ISO [--cpu C] [--low L] [--high H]    the least RAM (whole MB) with
                 which `works` holds, by bisection (each step one boot)

Output is one line of "key=value" words, for the shell script to read.
"""
import argparse
import os
import re
import select
import statistics
import subprocess
import sys
import time

# The prompt: "# " or "$ ", maybe after a path ("~ # ", BusyBox ash), at the very end of
# what the console has printed so far.
PROMPT = re.compile(rb"[#$] $")
# GRUB prints this when it starts loading the kernel: the menu is over. (Not the
# kernel's own banner: with `quiet` there is none.)
GRUB_DONE = b"Booting `"


class Machine:
    """One QEMU run: its serial console is our pipe."""

    def __init__(self, iso, cpu, mem):
        self.output = b""
        self.start = time.monotonic()
        self.grub_done_at = None
        self.qemu = subprocess.Popen(
            ["qemu-system-i386", "-accel", "tcg", "-cpu", cpu, "-m", str(mem),
             "-cdrom", iso, "-boot", "d", "-display", "none", "-serial", "stdio",
             "-monitor", "none", "-no-reboot"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def read(self, timeout):
        """Wait up to timeout seconds for more output; False when none came."""
        ready, _, _ = select.select([self.qemu.stdout], [], [], timeout)
        if not ready:
            return False
        data = os.read(self.qemu.stdout.fileno(), 65536)
        if not data:
            return False
        self.output += data
        if self.grub_done_at is None and GRUB_DONE in self.output:
            self.grub_done_at = time.monotonic() - self.start
        return True

    def dead(self):
        """QEMU ended, or the kernel panicked (it then hangs: no need to wait)."""
        return self.qemu.poll() is not None or b"Kernel panic" in self.output

    def wait_for(self, pattern, deadline, start_at=0):
        """Read until pattern matches the output after start_at; the time, or None."""
        while time.monotonic() < deadline:
            if pattern.search(self.output, start_at):
                return time.monotonic() - self.start
            if not self.read(0.05) and self.dead():
                return None
        return None

    def wait_for_prompt(self, deadline):
        # GRUB's menu must not count as a shell: look for a prompt only after it.
        while time.monotonic() < deadline and self.grub_done_at is None:
            if not self.read(0.1) and self.dead():
                return None
        while time.monotonic() < deadline:
            if PROMPT.search(self.output):
                return time.monotonic() - self.start
            if not self.read(0.05) and self.dead():
                return None
        return None

    def type(self, text):
        self.qemu.stdin.write(text.encode())
        self.qemu.stdin.flush()

    def stop(self):
        if self.qemu.poll() is None:
            self.qemu.kill()
        self.qemu.wait()


def time_to_prompt(iso, cpu, mem, timeout):
    """Seconds to the prompt, and from GRUB's "Booting" to it; (None, None) on failure."""
    m = Machine(iso, cpu, mem)
    try:
        at = m.wait_for_prompt(time.monotonic() + timeout)
        return at, (at - m.grub_done_at) if at else None
    finally:
        m.stop()


def works(iso, cpu, mem, timeout):
    """Does the machine reach a prompt and list / with `ls -l /`?"""
    m = Machine(iso, cpu, mem)
    try:
        deadline = time.monotonic() + timeout
        if m.wait_for_prompt(deadline) is None:
            return False
        since = len(m.output)
        # The terminal echoes what we type ("ls -l /"); only a real listing of / has
        # a line ending in " proc". Then the shell must prompt again.
        m.type("ls -l /\n")
        listed = m.wait_for(re.compile(rb" proc\r?\n"), deadline, since)
        return listed is not None and m.wait_for(PROMPT, deadline) is not None
    finally:
        m.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["time", "works", "minram"])
    ap.add_argument("iso")
    ap.add_argument("--cpu", default="pentium2")
    ap.add_argument("--mem", type=int, default=32)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--low", type=int, default=2)
    ap.add_argument("--high", type=int, default=32)
    ap.add_argument("--timeout", type=float, default=30)
    a = ap.parse_args()

    if a.mode == "time":
        totals, kernels = [], []
        for _ in range(a.runs):
            total, kernel = time_to_prompt(a.iso, a.cpu, a.mem, a.timeout)
            if total is None:
                print("median=n/a runs=failed")
                return 1
            totals.append(total)
            if kernel is not None:
                kernels.append(kernel)
        print("median=%.3f kernel_median=%s runs=%s" % (
            statistics.median(totals),
            "%.3f" % statistics.median(kernels) if kernels else "n/a",
            ",".join("%.3f" % t for t in totals)))
        return 0

    if a.mode == "works":
        ok = works(a.iso, a.cpu, a.mem, a.timeout)
        print("works=%s mem=%d" % ("yes" if ok else "no", a.mem))
        return 0 if ok else 1

    # minram: the answer lies in (low, high]; high must work.
    if not works(a.iso, a.cpu, a.high, a.timeout):
        print("minram=n/a (no prompt even with %d MB)" % a.high)
        return 1
    low, high = a.low, a.high
    tried = []
    while high - low > 1:
        mid = (low + high) // 2
        ok = works(a.iso, a.cpu, mid, a.timeout)
        tried.append("%d:%s" % (mid, "ok" if ok else "no"))
        if ok:
            high = mid
        else:
            low = mid
    print("minram=%d tried=%s" % (high, ",".join(tried)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
