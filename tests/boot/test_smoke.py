"""test_smoke.py: command checks inside the booted system, from tests/boot/smoke_*.txt.

A smoke file is a list of command lines, each followed by what it must print:

    $ echo hello
    hello
    $ uname -m
    ~ ^i[3-6]86$

A line "$ CMD" runs CMD at the prompt; the lines after it, up to the next "$ " line,
are the expected output, exactly; a line "~ REGEX" instead means some output line must
match REGEX. Lines starting with "#" are comments. One boot runs every file.
"""
import glob
import os
import re
from qemu import Machine, Timeout, check, finish, iso_from_argv


def read_cases(path):
    """The (command, expected lines) pairs of one smoke file."""
    cases = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#") or (not line and not cases):
            continue
        if line.startswith("$ "):
            cases.append((line[2:], []))
        elif cases:
            cases[-1][1].append(line)
    return [(cmd, strip_blank_end(want)) for cmd, want in cases]


def strip_blank_end(lines):
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def matches(out, want):
    got = out.split("\n") if out else []
    if any(w.startswith("~ ") for w in want):
        return all(any(re.search(w[2:], g) for g in got) if w.startswith("~ ") else w in got
                   for w in want)
    return got == want


here = os.path.dirname(os.path.abspath(__file__))
files = sorted(glob.glob(os.path.join(here, "smoke_*.txt")))
with Machine(iso_from_argv()) as m:
    try:
        m.wait_prompt(90)
    except Timeout as e:
        check("smoke: the system boots to a prompt", False, e)
        finish()
    for path in files:
        name = os.path.basename(path)
        for cmd, want in read_cases(path):
            try:
                out = m.run(cmd, 60)
            except Timeout as e:
                check("%s: %s" % (name, cmd), False, e)
                finish()
            check("%s: %s" % (name, cmd), matches(out, want),
                  "wanted:\n" + "\n".join(want) + "\ngot:\n" + out)
    m.poweroff()
finish()
