# who: utmp files made here, one record per utrec call (python3 packs <utmp.h>'s 384 bytes)
# utrec TYPE PID LINE USER HOST SECONDS   (types: 2 boot, 6 login, 7 user, 8 dead)
utrec() {
	python3 -c 'import struct, sys
t, pid, line, user, host, sec = sys.argv[1:]
sys.stdout.buffer.write(struct.pack("<hxxi32s4s32s256shhiii16s20s", int(t), int(pid), line.encode(),
    line[-4:].encode(), user.encode(), host.encode(), 0, 0, 0, int(sec), 0, b"", b""))' "$@"
}
export -f utrec
export TZ=UTC0
# 1700000000 is 2023-11-14 22:13:20 UTC
UT='{ utrec 2 0 "~" reboot 6.12 1700000000; utrec 7 4242 pts/98 root "" 1700000060; utrec 6 77 pts/97 LOGIN "" 1700000070; utrec 7 4343 pts/99 alice 10.0.0.1 1700000120; utrec 8 55 pts/96 "" "" 1700000130; } >ut'

check "who: users of a utmp file" "$UT; who ut" \
	$'root     pts/98       2023-11-14 22:14\nalice    pts/99       2023-11-14 22:15 (10.0.0.1)\n'
check "who -H: headings" "$UT; who -H ut | head -n 1" $'NAME     LINE         TIME             COMMENT\n'
check "who -b: the boot" "$UT; who -b ut" $'         system boot  2023-11-14 22:13\n'
check "who -q: names and count" "$UT; who -q ut" $'root alice\n# users=2\n'
check "who -u: idle (? for no such terminal) and pid" "$UT; who -u ut" \
	$'root     pts/98       2023-11-14 22:14 ?            4242\nalice    pts/99       2023-11-14 22:15 ?            4343 (10.0.0.1)\n'
check "who -a: boot, login, users, dead" "$UT; who -a ut" \
	$'         system boot  2023-11-14 22:13                  \nroot     pts/98       2023-11-14 22:14 ?            4242\nLOGIN    pts/97       2023-11-14 22:14                77 id=s/97\nalice    pts/99       2023-11-14 22:15 ?            4343 (10.0.0.1)\n         pts/96       2023-11-14 22:15                55 id=s/96\n'
check "who am i: stdin is no terminal, nothing" "$UT; who am i" ''
check "who: a torn last record is left out" "$UT; head -c 1000 ut >torn; who torn" \
	$'root     pts/98       2023-11-14 22:14\n'
check "who: random bytes are no crash" 'head -c 5000 /dev/urandom >junk; who -a junk >/dev/null; who -q junk >/dev/null' ''
check "who: an empty file" ': >empty; who empty; who -q empty' $'\n# users=0\n'
check "who: missing file" 'who nosuch' '' 1 'who: nosuch: No such file'
check "who: three operands" 'who a b c' '' 2 "who: extra operand 'c'"
check "who: bad option" 'who -Z' '' 2 'who: '
