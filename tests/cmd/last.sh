# last: wtmp files made here (records packed by python3 as <utmp.h> lays them out)
# utrec TYPE PID LINE USER HOST SECONDS   (types: 1 run level/shutdown, 2 boot, 7 user, 8 dead)
utrec() {
	python3 -c 'import struct, sys
t, pid, line, user, host, sec = sys.argv[1:]
sys.stdout.buffer.write(struct.pack("<hxxi32s4s32s256shhiii16s20s", int(t), int(pid), line.encode(),
    line[-4:].encode(), user.encode(), host.encode(), 0, 0, 0, int(sec), 0, b"", b""))' "$@"
}
export -f utrec
export TZ=UTC0
# 1700000000 is Tue Nov 14 22:13:20 2023 UTC
ONE='{ utrec 2 0 "~" reboot 6.12.1 1700000000; utrec 7 10 ttyS0 root "" 1700000060; utrec 8 10 ttyS0 "" "" 1700000660; utrec 7 11 pts/0 alice 10.0.0.1 1700000700; } >wtmp'
TWO='{ utrec 1 0 "~" shutdown 6.12.1 1700003600; utrec 2 0 "~" reboot 6.12.1 1700007200; utrec 7 12 tty1 bob "" 1700007300; utrec 2 0 "~" reboot 6.12.1 1700097200; } >>wtmp'

check "last: logins, logouts and the boot, newest first" "$ONE; last -f wtmp" \
	$'alice    pts/0        10.0.0.1         Tue Nov 14 22:25   still logged in\nroot     ttyS0                         Tue Nov 14 22:14 - 22:24  (00:10)\nreboot   system boot  6.12.1           Tue Nov 14 22:13   still running\n\nwtmp begins Tue Nov 14 22:13:20 2023\n'
check "last: shutdown (down), a boot without one (crash), days" "$ONE; $TWO; last -f wtmp" \
	$'reboot   system boot  6.12.1           Thu Nov 16 01:13   still running\nbob      tty1                          Wed Nov 15 00:15 - crash\nreboot   system boot  6.12.1           Wed Nov 15 00:13 - 01:13  (1+01:00)\nalice    pts/0        10.0.0.1         Tue Nov 14 22:25 - down \nroot     ttyS0                         Tue Nov 14 22:14 - 22:24  (00:10)\nreboot   system boot  6.12.1           Tue Nov 14 22:13 - 23:13  (01:00)\n\nwtmp begins Tue Nov 14 22:13:20 2023\n'
check "last -n 2" "$ONE; last -n 2 -f wtmp | cut -c1-8" $'alice   \nroot    \n\nwtmp beg\n'
check "last -1" "$ONE; last -1 -f wtmp | cut -c1-8" $'alice   \n\nwtmp beg\n'
check "last USER" "$ONE; last -f wtmp root | cut -c1-8" $'root    \n\nwtmp beg\n'
check "last: a torn last record is left out" "$ONE; head -c 1000 wtmp >torn; last -f torn | cut -c1-30" \
	$'root     ttyS0                \nreboot   system boot  6.12.1  \n\ntorn begins Tue Nov 14 22:13:2\n'
check "last: random bytes are no crash" 'head -c 20000 /dev/urandom >junk; last -f junk >/dev/null; echo $?' $'0\n'
check "last: an empty file" ': >empty; last -f empty | grep -c "^empty begins"' $'1\n'
check "last: missing file" 'last -f nosuch' '' 1 'last: nosuch: No such file'
check "last: bad -n" 'last -n x' '' 2 "last: -n: not a count: 'x'"
