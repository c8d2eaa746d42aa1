#!/usr/bin/env python3
"""make-data.py: the inputs of the host benchmarks, the same bytes on every machine.

  make-data.py text FILE MB   lines of "NUMBER word word ..." (a fixed seed), about MB
                              megabytes: a leading number for sort -n, words from a
                              small vocabulary so that grep, sed and uniq find matches
  make-data.py tree DIR N     N small files, 100 to a directory, for ls -lR, find, cp, du
"""
import os
import random
import sys

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
         "mike november oscar papa quebec romeo sierra tango uniform victor whiskey "
         "xray yankee zulu mini busybox kernel initramfs floppy").split()


def make_text(path, megabytes):
    rng = random.Random(486)
    target = megabytes * 1000 * 1000
    written = 0
    with open(path, "w") as f:
        while written < target:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
            line = "%d %s %03d-%s\n" % (rng.randint(0, 999999), words,
                                        rng.randint(0, 999), rng.choice(WORDS))
            f.write(line)
            written += len(line)


def make_tree(top, count):
    os.makedirs(top, exist_ok=True)
    for i in range(count):
        folder = os.path.join(top, "d%03d" % (i // 100))
        if i % 100 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "f%05d.txt" % i), "w") as f:
            f.write("file %d\n" % i * (1 + i % 7))


def main():
    kind, path, amount = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if kind == "text":
        make_text(path, amount)
    else:
        make_tree(path, amount)


if __name__ == "__main__":
    main()
