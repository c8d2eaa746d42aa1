#!/usr/bin/env python3
"""guest.py: the host's half of the in-guest benchmark (tools/bench/guest.sh runs it).

  guest.py ISO DISK RUNS OUT       (GUEST_ONLY="NAME...": only these workloads)

Boots ISO under QEMU (TCG, -cpu pentium2 so that BusyBox's i686 code runs too) with
DISK, the bench disk guest.sh made, as a second drive; mounts it on /mnt and has
/mnt/guest-run.sh time every workload RUNS times with mini's commands and with
BusyBox's, taking turns (mini first in one run, BusyBox first in the next: neither
always meets the other's leftovers). Each run is timed twice: by the guest's own
clock (the runner's date +%s%N before and after) and by the CPU time the QEMU
process used meanwhile (utime + stime in /proc/PID/stat, read as the command is sent
and as its time line arrives), which a busy host disturbs far less than the guest's
clock. Prints the table of medians and writes it to OUT (text) and OUT's .md twin.
"""
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "boot"))
from qemu import Machine, Timeout  # noqa: E402

MEMORY_MB = 256         # the data (≈70 MB on the disk) is read into the page cache
RUN_TIMEOUT = 600       # a guard against a hang only: no figure depends on it
TICKS = os.sysconf("SC_CLK_TCK")
RUNNER = "sh /mnt/guest-run.sh"


def qemu_cpu_seconds(pid):
    """User + system CPU time the QEMU process has used so far (all its threads)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS   # fields 14 and 15 of stat


def say(text):
    print("guest-bench: " + text, file=sys.stderr, flush=True)


def boot(iso, disk):
    m = Machine(iso, mem=MEMORY_MB, cpu="pentium2",
                extra=["-drive", "file=%s,format=raw,if=ide,index=1" % disk])
    m.start()
    m.wait_prompt(timeout=300)
    # The size of the console set by hand: vi would otherwise ask the terminal and
    # wait for an answer that never comes over this pipe.
    m.run("stty rows 24 cols 80")
    out = m.run("mount -o ro /dev/sda /mnt && echo mounted", timeout=60)
    if "mounted" not in out:
        raise Timeout("the bench disk did not mount: " + out)
    out = m.run(RUNNER + " setup", timeout=RUN_TIMEOUT)
    match = re.search(r"@@ setup done (.*)", out)
    if not match:
        raise Timeout("setup failed: " + out)
    return m, re.sub(r" multi-call binary\.?", "", match.group(1)).strip()


def workloads(m):
    """(name, label) of each workload, in the runner's order."""
    found = []
    for line in m.run(RUNNER + " list").splitlines():
        parts = line.strip().split(None, 1)
        if len(parts) == 2:
            found.append((parts[0], parts[1]))
    return found


def time_once(m, name, impl):
    """One run: (guest seconds, QEMU CPU seconds, exit status, output digest)."""
    before = qemu_cpu_seconds(m.proc.pid)
    m.send("%s run %s %s\n" % (RUNNER, name, impl))
    times = m.expect(r"@@ %s %s (\d+) (\d+) (\d+)\n" % (re.escape(name), impl), RUN_TIMEOUT)
    after = qemu_cpu_seconds(m.proc.pid)
    digest = m.expect(r"@@sum %s %s (\S+)\n" % (re.escape(name), impl), RUN_TIMEOUT).group(1)
    errors = re.search(r"@@err %s %s (.*)" % (re.escape(name), impl), m.log[times.end():])
    if errors:
        say("%s with %s said on stderr: %s" % (name, impl, errors.group(1)))
    m.wait_prompt(timeout=RUN_TIMEOUT)
    start, end, status = int(times.group(1)), int(times.group(2)), int(times.group(3))
    return (end - start) / 1e9, after - before, status, digest


def measure(m, names, runs):
    """{(name, impl): [(seconds, cpu, status, digest)...]} over runs rounds."""
    results = {}
    for run in range(runs):
        order = ("mini", "bb") if run % 2 == 0 else ("bb", "mini")
        for name, label in names:
            for impl in order:
                results.setdefault((name, impl), []).append(time_once(m, name, impl))
            mini, bb = results[(name, "mini")][-1], results[(name, "bb")][-1]
            say("run %d/%d  %-26s mini %7.3f s  BusyBox %7.3f s" % (run + 1, runs, label, mini[0], bb[0]))
    return results


def summary(samples):
    """Median guest seconds and median QEMU CPU seconds (a failed run is timed too:
    the table says it failed)."""
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def failures(samples):
    """The exit statuses other than 0 that the runs gave, as a note, or ''."""
    bad = sorted({s[2] for s in samples if s[2] != 0})
    return "exit status %s" % "/".join(str(b) for b in bad) if bad else ""


def rows(names, results):
    """One row per workload: label, mini s, BB s, ratio, QEMU CPU mini, BB, ratio, note."""
    table = []
    for name, label in names:
        mini, bb = summary(results[(name, "mini")]), summary(results[(name, "bb")])
        digests = {s[3] for s in results[(name, "mini")] + results[(name, "bb")]}
        notes = []
        for impl, who in (("mini", "mini"), ("bb", "BusyBox")):
            failed = failures(results[(name, impl)])
            if failed:
                notes.append("%s: %s" % (who, failed))
        if len(digests) > 1:
            notes.append("outputs differ")
        note = "; ".join(notes)
        def cell(pair, i):
            return "%.3f" % pair[i]

        def ratio(i):
            return "%.2f" % (mini[i] / bb[i]) if bb[i] > 0 else "-"
        table.append((label, cell(mini, 0), cell(bb, 0), ratio(0),
                      cell(mini, 1), cell(bb, 1), ratio(1), note))
    return table


HEAD = ("workload", "mini s", "BusyBox s", "mini/BB", "QEMU CPU mini", "QEMU CPU BB", "mini/BB", "")


def text_table(table):
    lines = ["  %-26s %9s %9s %7s %13s %11s %7s  %s" % HEAD]
    for row in table:
        lines.append("  %-26s %9s %9s %7s %13s %11s %7s  %s" % row)
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(table):
    lines = ["| workload | mini s | BusyBox s | mini/BB | QEMU CPU s, mini | BusyBox | mini/BB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in table:
        label = row[0] + (" (%s)" % row[7] if row[7] else "")
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % ((label,) + row[1:7]))
    return "\n".join(lines)


def main():
    iso, disk, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    began = time.monotonic()
    m, busybox = boot(iso, disk)
    try:
        names = workloads(m)
        only = os.environ.get("GUEST_ONLY", "").split()
        if only:
            names = [(name, label) for name, label in names if name in only]
        if not names:
            raise Timeout("the runner listed no workloads")
        say("%d workloads, %d runs each, mini and %s" % (len(names), runs, busybox))
        results = measure(m, names, runs)
    finally:
        m.kill()
    table = rows(names, results)
    heading = ("mini against %s, inside QEMU (TCG, -cpu pentium2, -m %d, the ISO's kernel);\n"
               "medians of %d runs: seconds by the guest's clock, and the CPU time QEMU used\n"
               "(host load average at the end: %s; the whole bench took %d s)"
               % (busybox, MEMORY_MB, runs, open("/proc/loadavg").read().split()[0],
                  time.monotonic() - began))
    report = heading + "\n\n" + text_table(table) + "\n"
    with open(out, "w") as f:
        f.write(report)
    with open(os.path.splitext(out)[0] + ".md", "w") as f:
        f.write(markdown_table(table) + "\n")
    print(report, end="")


if __name__ == "__main__":
    main()
