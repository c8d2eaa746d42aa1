# w: the utmp file named by $UTMP (records packed by python3 as <utmp.h> lays them out)
utrec() {
	python3 -c 'import struct, sys
t, pid, line, user, host, sec = sys.argv[1:]
sys.stdout.buffer.write(struct.pack("<hxxi32s4s32s256shhiii16s20s", int(t), int(pid), line.encode(),
    line[-4:].encode(), user.encode(), host.encode(), 0, 0, 0, int(sec), 0, b"", b""))' "$@"
}
export -f utrec
export TZ=UTC0
UT='{ utrec 2 0 "~" reboot 6.12 1700000000; utrec 7 999999 pts/98 root "" 1700000060; utrec 6 77 pts/97 LOGIN "" 1700000070; utrec 7 999998 pts/99 alice 10.0.0.1 1700000120; } >ut'

check "w: header like uptime, with the users" "$UT; UTMP=ut w | head -n 1 | grep -cE '^ [0-9]{2}:[0-9]{2}:[0-9]{2} up .*,  2 users,  load average: [0-9.]+, [0-9.]+, [0-9.]+$'" $'1\n'
check "w: column headings" "$UT; UTMP=ut w | sed -n 2p" $'USER     TTY      FROM             LOGIN@    IDLE  WHAT\n'
check "w -h: one line per user (old login, unknown terminal, gone process)" "$UT; UTMP=ut w -h" \
	$'root     pts/98   -                14Nov23      ?  -\nalice    pts/99   10.0.0.1         14Nov23      ?  -\n'
check "w USER: only that user" "$UT; UTMP=ut w -h alice | cut -c1-8" $'alice   \n'
check "w: idle time from the terminal's access time" \
	'utrec 7 1 null nobody "" 1700000000 >ut; UTMP=ut w -h | grep -cE "^nobody +null +- +14Nov23 +[0-9.:]+(s|m|days)?  -$"' $'1\n'
check "w: random bytes are no crash" 'head -c 5000 /dev/urandom >junk; UTMP=junk w >/dev/null; echo $?' $'0\n'
check "w: missing file" 'UTMP=nosuch w' '' 1 'w: nosuch: No such file'
check "w: extra operand" 'w a b' '' 2 "w: extra operand 'b'"
