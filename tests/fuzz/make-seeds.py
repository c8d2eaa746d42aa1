#!/usr/bin/env python3
"""make-seeds.py: write the seed corpora tests/fuzz/corpus/TARGET/ (committed; run this
again only to change them). Each seed is a small valid input of the target's format, so
the fuzzer starts inside the code that matters instead of at the first check:

  tar      archives: ustar, GNU long names, pax headers, links, a directory
  gunzip   gzip files: stored, fixed and dynamic Huffman blocks, header fields, two members
  awk      PROGRAM NUL DATA           sed   OPTIONS NUL SCRIPT NUL TEXT
  grep     OPTIONS NUL PATTERNS NUL TEXT
  expr     ARG NUL ARG NUL ...        printf  FORMAT NUL ARG NUL ...
  date     STRING NUL FORMAT          sh, sh_parse  a script (cases of tests/sh/*.t)
Regression inputs (a crash that was fixed) go into the corpus as files named regress-*;
they are not written by this script and it removes nothing.
"""
import gzip
import io
import os
import struct
import tarfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def pieces(*parts):
    return b"\0".join(p.encode() if isinstance(p, str) else p for p in parts)


# ---- tar ----

def tar_of(fmt, members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for info, data in members:
            info.mtime = 1700000000
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    raw = buf.getvalue().rstrip(b"\0")
    size = (len(raw) + 511) // 512 * 512
    return raw.ljust(size + 1024, b"\0")	# the two zero blocks of the end, no record padding


def member(name, kind=tarfile.REGTYPE, data=b"", link="", mode=0o644):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mode = mode
    info.linkname = link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    info.uname = info.gname = "root"
    return info, data if kind == tarfile.REGTYPE else None


def tar_seeds():
    write("tar", "ustar.tar", tar_of(tarfile.USTAR_FORMAT, [
        member("dir/", tarfile.DIRTYPE, mode=0o755),
        member("dir/file", data=b"hello\n"),
        member("dir/link", tarfile.SYMTYPE, link="file"),
        member("dir/hard", tarfile.LNKTYPE, link="dir/file"),
        member("fifo", tarfile.FIFOTYPE)]))
    write("tar", "gnu-longname.tar", tar_of(tarfile.GNU_FORMAT, [
        member("d/" + "n" * 120, data=b"long name\n"),
        member("l", tarfile.SYMTYPE, link="t" * 120)]))
    write("tar", "pax.tar", tar_of(tarfile.PAX_FORMAT, [
        member("p/" + "x" * 110 + "\u00e9", data=b"pax\n")]))
    write("tar", "prefix.tar", tar_of(tarfile.USTAR_FORMAT, [
        member("a" * 60 + "/" + "b" * 60 + "/file", data=b"x" * 600)]))


# ---- gunzip ----

def gzip_member(data, level=6, name=None, comment=None, extra=None, header_crc=False, strategy=None):
    flags = (0x08 if name else 0) | (0x10 if comment else 0) | (0x04 if extra else 0) | (0x02 if header_crc else 0)
    head = struct.pack("<BBBBIBB", 0x1f, 0x8b, 8, flags, 1700000000, 0, 3)
    if extra:
        head += struct.pack("<H", len(extra)) + extra
    if name:
        head += name + b"\0"
    if comment:
        head += comment + b"\0"
    if header_crc:
        head += struct.pack("<H", zlib.crc32(head) & 0xffff)
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 8, strategy if strategy is not None else zlib.Z_DEFAULT_STRATEGY)
    body = c.compress(data) + c.flush()
    return head + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xffffffff)


def gunzip_seeds():
    text = b"".join(b"line %d of some text, some text\n" % i for i in range(40))
    write("gunzip", "empty.gz", gzip.compress(b"", mtime=0))
    write("gunzip", "stored.gz", gzip_member(b"stored bytes\n", level=0, name=b"stored.txt"))
    write("gunzip", "fixed.gz", gzip_member(b"abcabcabcabc\n", strategy=zlib.Z_FIXED))
    write("gunzip", "dynamic.gz", gzip_member(text, level=9, name=b"text", comment=b"a comment"))
    write("gunzip", "fields.gz", gzip_member(b"x\n", extra=b"AB\x02\x00hi", header_crc=True, name=b"../up"))
    write("gunzip", "two-members.gz", gzip_member(b"one\n") + gzip_member(b"two\n"))


# ---- the languages ----

def awk_seeds():
    data = "alice 10 x\nbob 20 y\ncarol 30 x\n"
    programs = {
        "sum": "{ s += $2 } END { print s, NR, s / NR }",
        "fields": 'BEGIN { FS = " "; OFS = "-" } { $1 = toupper($1); print; print NF, $NF }',
        "arrays": '{ n[$3]++ } END { for (k in n) printf "%s=%d\\n", k, n[k]; delete n; print length(n) }',
        "regex": '/^b/ { print "b:", $0 } $2 ~ /[23]0/ { sub(/0/, "o"); gsub(/[aeiou]/, "<&>"); print }',
        "functions": 'function f(a, b) { return a * b + length(a) } { print f($2, 3), substr($1, 2, 2), index($0, "o") }',
        "strings": 'BEGIN { s = sprintf("%5.2f|%-4s|%c|%x|%e", 3.14159, "ab", 65, 255, 1e10); print s; n = split("a:b:c", parts, ":"); print n, parts[3], match("foobar", /o+/), RSTART, RLENGTH }',
        "control": 'BEGIN { i = 0; while (i < 3) { i++; if (i == 2) continue; print i }; do i--; while (i > 0); for (;;) break }',
        "getline": 'NR == 1 { while ((getline line) > 0) print "got", line; close("data") }',
        "range": '/alice/,/bob/ { print NR ": " $0; next } END { exit 3 }',
        "math": 'BEGIN { print 2^10, 7 % 3, -7 % 3, int(-3.5), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, -1), srand(1); x = "3x" + 0; print x, 1e300 * 1e300, -"inf" }',
        "output": 'BEGIN { printf "%s\\n", "to a file" > "out"; print "more" >> "out"; close("out"); while ((getline l < "out") > 0) print l; print "err" > "/dev/stderr" }',
        "uninit": '{ $5 = "new"; print; $0 = "a b"; print NF; NF = 1; print; print $(1+1) "" }',
    }
    for name, program in programs.items():
        write("awk", name, pieces(program, data))


def sed_seeds():
    text = "one\ntwo\nthree\nfour\nfive\n"
    scripts = {
        "subst": ("", "s/o/0/g;s/\\(t\\)\\(w\\)/\\2\\1/;2s/e/E/2"),
        "ranges": ("n", "2,4p;/thr/,$!d;$="),
        "ere": ("E", "s/(o+)|(e+)/[\\1\\2]/g;y/abc/xyz/"),
        "hold": ("", "1h;1!H;${x;s/\\n/,/g;p};d"),
        "branch": ("", ":a;N;$!ba;s/\\n/+/g"),
        "text": ("", "2i\\\ninserted\n3a\\\nappended\n4c\\\nchanged\n$r text\n1w out"),
        "step": ("n", "0~2p;1~3l;/f/{=;P;D}"),
        "quit": ("s", "3q5;s/./X/3;T;s/$/!/;t"),
    }
    for name, (options, script) in scripts.items():
        write("sed", name, pieces(options, script, text))


def grep_seeds():
    text = "alpha\nBeta\ngamma delta\n\nalphabet soup\nx.y\n"
    cases = {
        "bre": ("n", "al\\(p\\)h\\1*a\\|^$"),
        "ere": ("Eo", "(al|de)[a-z]{2,}|x\\.y"),
        "fixed": ("Fic", "BETA\nx.y"),
        "word": ("wvx", "alpha"),
        "context": ("Hl", "^g.*a$"),
        "classes": ("Ei", "[[:upper:]][[:alpha:]]+|[^[:space:]]+t$"),
    }
    for name, (options, pattern) in cases.items():
        write("grep", name, pieces(options, pattern, text))


def expr_seeds():
    cases = {
        "arith": ["(", "1", "+", "2", ")", "*", "3", "-", "10", "/", "4", "%", "3"],
        "compare": ["abc", "<", "abd", "|", "0", "&", "1", "=", "1"],
        "match": ["hello123", ":", "\\([a-z]*\\)[0-9]*"],
        "strings": ["length", "abcdef", "+", "index", "abc", "c"],
        "substr": ["substr", "abcdef", "2", "3"],
        "big": ["9223372036854775807", "+", "1"],
    }
    for name, args in cases.items():
        write("expr", name, pieces(*args))


def printf_seeds():
    cases = {
        "numbers": ["%d %i %5.3d %-+5d %x %X %o %u|\\n", "42", "-7", "0x1f", "'A", "077", "3"],
        "floats": ["%f %.2e %G %10.4g %F\\n", "3.14159", "1e100", "-0.0001", "inf", "nan"],
        "strings": ["%s|%10s|%-5.2s|%c|%b\\n", "abc", "right", "cut", "xyz", "a\\tb\\0101\\c ignored"],
        "escapes": ["\\a\\b\\e\\f\\n\\r\\t\\v\\\\\\101\\x41\\u00e9 %% %5%\\n"],
        "reuse": ["%s=%d\\n", "a", "1", "b", "2", "c"],
        "star": ["[%*d] [%.*s] [%*.*f]\\n", "6", "42", "2", "abcdef", "8", "3", "2.5"],
    }
    for name, args in cases.items():
        write("printf", name, pieces(*args))


def date_seeds():
    cases = {
        "iso": ("2024-02-29 13:45:07", "%Y-%m-%d %H:%M:%S %j %U %W %u %w"),
        "epoch": ("@1700000000", "%s %a %A %b %B %c %D %e %F %T %Z %z"),
        "relative": ("3 days ago", "%G-W%V %I %p %y %C %n%t%%"),
        "words": ("tomorrow", "%-d %_m %02H %^a %#b"),
        "hours": ("+2 hours", "%x %X %r %R %h %k %l"),
        "posix": ("022912302024.59", "%+"),
    }
    for name, (string, fmt) in cases.items():
        write("date", name, pieces(string, fmt))


def sh_seeds():
    cases = []
    for test_file in sorted(os.listdir(os.path.join(HERE, "..", "sh"))):
        if not test_file.endswith(".t"):
            continue
        script = None
        with open(os.path.join(HERE, "..", "sh", test_file)) as f:
            for line in f:
                if line.startswith("=== "):
                    script = []
                elif line.startswith("--- ") and script is not None:
                    cases.append((test_file[:-2], "".join(script)))
                    script = None
                elif script is not None:
                    script.append(line)
    chosen = cases[::max(1, len(cases) // 24)]
    for i, (name, script) in enumerate(chosen):
        for target in ("sh", "sh_parse"):
            write(target, "%s-%02d" % (name, i), script)


if __name__ == "__main__":
    tar_seeds()
    gunzip_seeds()
    awk_seeds()
    sed_seeds()
    grep_seeds()
    expr_seeds()
    printf_seeds()
    date_seeds()
    sh_seeds()
