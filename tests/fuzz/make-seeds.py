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
  fstype   the start of a disk: ext2/3/4, FAT12/16/32, ISO9660 + Joliet, swap, an MBR
  fsck_ext2  small ext2 images made by the host's mke2fs (e2fsprogs), zeros at the end cut
  udhcpc   MODE, then an IP packet with a DHCP reply (tests/fuzz/udhcpc.c says the modes)
  wget     what a server sends: status line, headers, a body (plain, chunked), redirects
  httpd    what a client sends: request line and headers
  module   small ELF files with a .modinfo section, as a kernel module has
Regression inputs (a crash that was fixed) go into the corpus as files named regress-*;
they are not written by this script and it removes nothing. `make-seeds.py fstype wget`
writes the seeds of those targets only.
"""
import gzip
import io
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
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


# ---- fstype: superblocks built here, byte by byte ----

def put(buf, offset, data):
    buf[offset:offset + len(data)] = data


UUID = bytes(range(0x10, 0x20))


def ext_superblock(compat=0, incompat=0, ro_compat=0, label=b"rootfs"):
    disk = bytearray(2048)
    sb = 1024
    put(disk, sb + 0, struct.pack("<IIIII", 16, 64, 0, 40, 5))    # inodes, blocks, reserved, free...
    put(disk, sb + 20, struct.pack("<III", 1, 0, 0))              # first data block, log sizes
    put(disk, sb + 32, struct.pack("<III", 8192, 8192, 16))       # per group
    put(disk, sb + 56, struct.pack("<H", 0xEF53))
    put(disk, sb + 76, struct.pack("<I", 1))                      # dynamic revision
    put(disk, sb + 92, struct.pack("<III", compat, incompat, ro_compat))
    put(disk, sb + 104, UUID)
    put(disk, sb + 120, label.ljust(16, b"\0"))
    return bytes(disk)


def fat_boot_sector(fat32, label=b"MINI DISK  "):
    b = bytearray(512)
    put(b, 0, b"\xEB\x3C\x90mkfs.fat")
    total = 70000 if fat32 else 2880
    put(b, 11, struct.pack("<HBHBHHBH", 512, 1, 32 if fat32 else 1, 2, 0 if fat32 else 224,
                           0 if total > 65535 else total, 0xF8 if fat32 else 0xF0, 0 if fat32 else 9))
    put(b, 32, struct.pack("<I", total if total > 65535 else 0))
    ext = 38
    if fat32:
        put(b, 36, struct.pack("<IHHI", 1, 0, 0, 2))          # FAT size (too small: not looked at), root cluster
        ext = 66
    put(b, ext, b"\x29" + struct.pack("<I", 0x1234ABCD) + label + (b"FAT32   " if fat32 else b"FAT12   "))
    put(b, 510, b"\x55\xAA")
    return b


def fat_image(fat32):
    b = fat_boot_sector(fat32)
    disk = bytearray(b)
    entry = b"LABELINROOT" + b"\x08" + bytes(20)
    if fat32:
        root = (32 + 2 * 1) * 512                              # cluster 2: the data area's start
    else:
        root = (1 + 2 * 9) * 512
    disk.extend(bytes(root + 64 - len(disk)))
    put(disk, root, entry)
    return bytes(disk)


def iso_image(joliet=True):
    disk = bytearray(16 * 2048)
    pvd = bytearray(2048)
    put(pvd, 0, b"\x01CD001\x01")
    put(pvd, 40, b"MINI_LIVE_CD_WITH_A_LONG_NAME".ljust(32))
    put(pvd, 813, b"2024022913450700")
    disk += pvd
    if joliet:
        svd = bytearray(2048)
        put(svd, 0, b"\x02CD001\x01")
        put(svd, 40, "Mini live CD ¤".encode("utf-16-be").ljust(32, b"\0"))
        put(svd, 88, b"%/E")
        disk += svd
    disk += b"\xFFCD001\x01" + bytes(2041)
    return bytes(disk)


def swap_header(version2=True):
    disk = bytearray(4096)
    put(disk, 1024, struct.pack("<II", 1, 255))
    put(disk, 1036, UUID)
    put(disk, 1052, b"swappy")
    put(disk, 4086, b"SWAPSPACE2" if version2 else b"SWAP-SPACE")
    return bytes(disk)


def mbr():
    s = bytearray(512)
    put(s, 440, struct.pack("<I", 0xDEADBEEF))
    put(s, 446, bytes([0x80, 0, 2, 0, 0x83, 0, 0, 0]) + struct.pack("<II", 2048, 4096))
    put(s, 510, b"\x55\xAA")
    return bytes(s)


def fstype_seeds():
    write("fstype", "ext2", ext_superblock())
    write("fstype", "ext3", ext_superblock(compat=0x4, incompat=0x2, ro_compat=0x1))
    write("fstype", "ext4", ext_superblock(compat=0x4, incompat=0x2C2, ro_compat=0x7B))
    write("fstype", "fat12", fat_image(False))
    write("fstype", "fat32", fat_image(True))
    write("fstype", "iso9660", iso_image())
    write("fstype", "swap", swap_header())
    write("fstype", "swap-v0", swap_header(False))
    write("fstype", "mbr", mbr())


# ---- fsck_ext2: images by the host's mke2fs, the same bytes every time ----

def mke2fs_image(extra, populate):
    fixed = "01234567-89ab-cdef-0123-456789abcdef"
    with tempfile.TemporaryDirectory() as tmp:
        image, tree = os.path.join(tmp, "disk"), os.path.join(tmp, "tree")
        os.makedirs(os.path.join(tree, "dir", "sub"))
        if populate:
            with open(os.path.join(tree, "small"), "w") as f:
                f.write("hello\n")
            with open(os.path.join(tree, "dir", "big"), "wb") as f:
                f.write(bytes(range(256)) * 60)             # 15 KB: an indirect block
            os.symlink("small", os.path.join(tree, "fast-link"))
            os.symlink("x" * 80, os.path.join(tree, "dir", "slow-link"))
        with open(image, "wb") as f:
            f.truncate(64 * 1024)
        env = dict(os.environ, E2FSPROGS_FAKE_TIME="1700000000")
        subprocess.run(["mke2fs", "-q", "-F", "-t", "ext2", "-b", "1024", "-N", "32", "-m", "0",
                        "-U", fixed, "-E", "root_owner=0:0,hash_seed=" + fixed,
                        "-O", "^resize_inode,^dir_index,^ext_attr", *extra, "-d", tree, image],
                       check=True, env=env)
        with open(image, "rb") as f:
            return f.read().rstrip(b"\0")


def fsck_ext2_seeds():
    if shutil.which("mke2fs") is None:
        print("make-seeds.py: no mke2fs (e2fsprogs): fsck_ext2's seeds are left as they are")
        return
    write("fsck_ext2", "files", mke2fs_image([], True))
    write("fsck_ext2", "empty-rev0", mke2fs_image(["-r", "0"], False))
    write("fsck_ext2", "labelled", mke2fs_image(["-L", "label", "-O", "^sparse_super"], True))


# ---- udhcpc: IP packets with a DHCP reply (the harness makes the checksums right) ----

def dhcp_reply(msg_type, options, yiaddr=b"\xc0\x00\x02\x0f"):
    fixed = struct.pack("!BBBB", 2, 1, 6, 0) + bytes([0x12, 0x34, 0x56, 0x78])   # the harness's xid
    fixed += struct.pack("!HH", 0, 0x8000) + bytes(4) + yiaddr + bytes([192, 0, 2, 2]) + bytes(4)
    fixed += bytes([0x52, 0x54, 0x00, 0x12, 0x34, 0x56]).ljust(16, b"\0") + bytes(64 + 128)
    opts = bytes([53, 1, msg_type])
    for code, value in options:
        opts += bytes([code, len(value)]) + value
    return fixed + bytes([99, 130, 83, 99]) + opts + b"\xff"


def ip_udp(payload, src=b"\xc0\x00\x02\x02", dst=b"\xff\xff\xff\xff"):
    udp = struct.pack("!HHHH", 67, 68, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH", 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0) + src + dst
    return ip + udp


def udhcpc_seeds():
    server = (54, bytes([192, 0, 2, 2]))
    full = [server, (1, bytes([255, 255, 255, 0])), (3, bytes([192, 0, 2, 2, 192, 0, 2, 3])),
            (6, bytes([192, 0, 2, 2]) * 5), (12, b"guest"), (15, b"example.org"),
            (28, bytes([192, 0, 2, 255])), (51, struct.pack("!I", 86400)),
            (58, struct.pack("!I", 43200)), (59, struct.pack("!I", 75600)), (0, b"")]
    write("udhcpc", "offer", bytes([3]) + ip_udp(dhcp_reply(2, [server, (51, struct.pack("!I", 600))])))
    write("udhcpc", "ack", bytes([3]) + ip_udp(dhcp_reply(5, full)))
    write("udhcpc", "nak", bytes([3]) + ip_udp(dhcp_reply(6, [server], yiaddr=bytes(4))))
    write("udhcpc", "ack-unfinished-sum", bytes([5]) + ip_udp(dhcp_reply(5, full[:4])))
    write("udhcpc", "overload", bytes([3]) + ip_udp(dhcp_reply(5, [server, (52, b"\x03"), (60, b"x" * 255)])))


# ---- wget: what a server sends; httpd: what a client sends ----

def wget_seeds():
    head = "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: text/plain\r\n"
    write("wget", "length", head + "Content-Length: 6\r\n\r\nhello\n")
    write("wget", "close", "HTTP/1.0 200 OK\r\n\r\nup to the close\n")
    write("wget", "chunked", head + "Transfer-Encoding: chunked\r\n\r\n"
          "5\r\nhello\r\n1;ext=1\r\n\n\r\n0\r\nTrailer: x\r\n\r\n")
    write("wget", "continue", "HTTP/1.1 100 Continue\r\n\r\n" + head + "Content-Length: 2\r\n\r\nok")
    write("wget", "partial", "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 3-5/6\r\n"
          "Content-Length: 3\r\n\r\ndef")
    write("wget", "range-done", "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */3\r\n\r\n")
    write("wget", "redirect", "HTTP/1.1 301 Moved\r\nLocation: ../other?x=1\r\nContent-Length: 0\r\n\r\n")
    write("wget", "redirect-absolute", "HTTP/1.1 302 Found\r\nLocation: http://[::1]:81/a#frag\r\n\r\n")
    write("wget", "error", "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found")


def httpd_seeds():
    write("httpd", "get", "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: x\r\n\r\n")
    write("httpd", "file", "GET /dir/file.txt HTTP/1.0\r\n\r\n")
    write("httpd", "head", "HEAD /dir/ HTTP/1.1\r\n\r\n")
    write("httpd", "folder", "GET /dir HTTP/1.1\r\n\r\n")
    write("httpd", "escapes", "GET /dir/%66ile.txt?q=%41 HTTP/1.1\r\n\r\n")
    write("httpd", "range", "GET /dir/file.txt HTTP/1.1\r\nRange: bytes=2-5\r\n\r\n")
    write("httpd", "suffix-range", "GET /dir/file.txt HTTP/1.1\r\nRange: bytes=-3\r\n\r\n")
    write("httpd", "dot-dot", "GET /dir/../../etc/passwd HTTP/1.1\r\n\r\n")
    write("httpd", "symlink-out", "GET /dir/out HTTP/1.1\r\n\r\n")
    write("httpd", "post", "POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nab")
    write("httpd", "http09", "GET /dir/file.txt\r\n")


# ---- module: an ELF header, the section names, .modinfo, three section headers ----

def module_file(modinfo):
    names = b"\0.shstrtab\0.modinfo\0"
    header_size, section_size = 52, 40
    names_at = header_size
    info_at = names_at + len(names)
    sections_at = info_at + len(modinfo)
    header = b"\x7fELF" + bytes([1, 1, 1]) + bytes(9) + struct.pack(
        "<HHIIIIIHHHHHH", 1, 3, 1, 0, 0, sections_at, 0, header_size, 0, 0,
        section_size, 3, 1)
    def section(name, kind, offset, size):
        return struct.pack("<IIIIIIIIII", name, kind, 0, 0, offset, size, 0, 0, 1, 0)
    return (header + names + modinfo + bytes(section_size) +
            section(1, 3, names_at, len(names)) + section(11, 1, info_at, len(modinfo)))


def module_seeds():
    write("module", "depends", module_file(b"license=GPL\0depends=8390,mii\0vermagic=6.12\0"))
    write("module", "none", module_file(b"license=GPL\0depends=\0"))
    write("module", "no-depends", module_file(b"license=GPL\0"))


SEEDS = {
    "tar": tar_seeds, "gunzip": gunzip_seeds, "awk": awk_seeds, "sed": sed_seeds,
    "grep": grep_seeds, "expr": expr_seeds, "printf": printf_seeds, "date": date_seeds,
    "sh": sh_seeds, "fstype": fstype_seeds, "fsck_ext2": fsck_ext2_seeds,
    "udhcpc": udhcpc_seeds, "wget": wget_seeds, "httpd": httpd_seeds,
    "module": module_seeds,
}

if __name__ == "__main__":
    # make-seeds.py [TARGET...]: those targets' seeds only (sh's also writes sh_parse's)
    for name in sys.argv[1:] or SEEDS:
        SEEDS[name]()
