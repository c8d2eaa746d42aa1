#!/usr/bin/env python3
"""boot.py: boot an ISO in QEMU (TCG) and measure it over the serial console.

Used by tools/bench.sh; it works with any ISO whose GRUB and kernel talk on ttyS0
and whose shell prints a prompt ending in "# " or "$ ". An image whose name ends in
".img" is a boot floppy (build/mini-floppy.img): it boots from drive A: (-fda, -boot a),
and as its GRUB says nothing on the serial line, kernel_median starts at the kernel's
first line ("Linux version") instead of GRUB's "Booting".

  boot.py time   ISO [--cpu C] [--mem M] [--runs N]   seconds from QEMU's start to the
                 first shell prompt, every run and the median; kernel_median: from
                 GRUB's "Booting" line to the prompt (kernel load, boot and init);
                 cpu_median: CPU seconds QEMU used until the prompt
  boot.py compare ISO... [--cpu C] [--runs N]           like time for several ISOs, their
                 boots interleaved (a change in the host's load hits them all alike)
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

# The prompt: "# " or "$ ", maybe after a path ("/ # ", BusyBox ash), at the very end of
# what the console has printed so far, but for terminal queries a line editor may send
# after it (ash asks for the cursor position: ESC [ 6 n).
PROMPT = re.compile(rb"[#$] (\x1b\[[0-9;?]*[A-Za-z])*$")
# GRUB prints this when it starts loading the kernel: the menu is over. (Not the
# kernel's own banner: with `quiet` there is none.)
GRUB_DONE = b"Booting `"
# The boot floppy's GRUB runs its two-line config silently: the kernel speaks first.
KERNEL_FIRST = b"Linux version"
QUERY = b"\033[6n"


class Machine:
    """One QEMU run: its serial console is our pipe."""

    def __init__(self, iso, cpu, mem):
        self.output = b""
        self.start = time.monotonic()
        self.grub_done_at = None
        if iso.endswith(".img"):
            drive = ["-fda", iso, "-boot", "a"]
            self.marker = KERNEL_FIRST
        else:
            drive = ["-cdrom", iso, "-boot", "d"]
            self.marker = GRUB_DONE
        self.qemu = subprocess.Popen(
            ["qemu-system-i386", "-accel", "tcg", "-cpu", cpu, "-m", str(mem)] + drive +
            ["-display", "none", "-serial", "stdio",
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
        # mini's shell asks the terminal its size (ESC [6n) when nothing says it, and
        # waits 0.3 s for the answer: answer at once, as any terminal does, so that
        # the time is the boot's and not a wait for a terminal that is not there.
        if QUERY in data:
            self.type("\033[24;80R")
        if self.grub_done_at is None and self.marker in self.output:
            self.grub_done_at = time.monotonic() - self.start
        return True

    def cpu_seconds(self):
        """CPU time QEMU has used so far (all its threads): unlike the wall clock,
        it hardly changes when other programs load the host."""
        with open("/proc/%d/stat" % self.qemu.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

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
    """Seconds to the prompt, from GRUB's "Booting" to it, and QEMU's CPU seconds
    until then; (None, None, None) on failure."""
    m = Machine(iso, cpu, mem)
    try:
        at = m.wait_for_prompt(time.monotonic() + timeout)
        if at is None:
            return None, None, None
        return at, at - m.grub_done_at, m.cpu_seconds()
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
    ap.add_argument("mode", choices=["time", "compare", "works", "minram"])
    ap.add_argument("iso", nargs="+")
    ap.add_argument("--cpu", default="pentium2")
    ap.add_argument("--mem", type=int, default=32)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--low", type=int, default=2)
    ap.add_argument("--high", type=int, default=32)
    ap.add_argument("--timeout", type=float, default=90)
    a = ap.parse_args()

    if a.mode in ("time", "compare"):
        results = {iso: ([], [], []) for iso in a.iso}
        for _ in range(a.runs):
            for iso in a.iso:
                measured = time_to_prompt(iso, a.cpu, a.mem, a.timeout)
                for values, value in zip(results[iso], measured):
                    if value is not None:
                        values.append(value)
        for iso in a.iso:
            totals, kernels, cpus = results[iso]
            if not totals:
                print("median=n/a runs=failed" + (" iso=" + iso if a.mode == "compare" else ""))
                continue
            print("median=%.3f kernel_median=%.3f cpu_median=%.2f runs=%s%s" % (
                statistics.median(totals), statistics.median(kernels), statistics.median(cpus),
                ",".join("%.3f" % t for t in totals), " iso=" + iso if a.mode == "compare" else ""))
        return 0 if all(results[iso][0] for iso in a.iso) else 1

    if a.mode == "works":
        ok = works(a.iso[0], a.cpu, a.mem, a.timeout)
        print("works=%s mem=%d" % ("yes" if ok else "no", a.mem))
        return 0 if ok else 1

    # minram: the answer lies in (low, high]; high must work.
    iso = a.iso[0]
    if not works(iso, a.cpu, a.high, a.timeout):
        print("minram=n/a (no prompt even with %d MB)" % a.high)
        return 1
    low, high = a.low, a.high
    tried = []
    while high - low > 1:
        mid = (low + high) // 2
        ok = works(iso, a.cpu, mid, a.timeout)
        tried.append("%d:%s" % (mid, "ok" if ok else "no"))
        if ok:
            high = mid
        else:
            low = mid
    print("minram=%d tried=%s" % (high, ",".join(tried)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
