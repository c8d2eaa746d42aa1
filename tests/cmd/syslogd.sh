# syslogd, logger: syslogd -n runs chrooted in a fake root (its /dev/log is
# root/dev/log), logger too, as root (inroot) or as a user (asuser 1000: bob).
# The time and host name of each line are cut.
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - syslogd: skipped (chroot needs root)"
	return 0
fi
# Stop every process left in ./root (a safety net: a test must not leave a daemon).
stop_in_root() {
	local p
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root")" = "$PWD/root" ] && kill "${p#/proc/}" 2>/dev/null
	done
	return 0
}
# Start syslogd in ./root (options in $@), run the lines of stdin, and stop it once it
# has logged them all: a last message of root's marks the end (and is taken out).
# The waits are bounded guards, never what a result depends on.
with_syslogd() {
	"$CHROOT" root /bin/mini syslogd -n "$@" &
	local pid=$! i line
	for i in $(/usr/bin/seq 100); do
		{ [ -S root/dev/log ] || [ -p root/dev/log ]; } && break
		/bin/sleep 0.1
	done
	while read -r line; do
		eval "$line" </dev/null
	done
	"$CHROOT" root /bin/mini logger -t with_syslogd all-sent
	for i in $(/usr/bin/seq 200); do
		/bin/grep -rqs "with_syslogd: all-sent" root/var/log root/tmp && break
		/bin/sleep 0.1
	done
	kill "$pid"
	wait "$pid" 2>/dev/null
	stop_in_root
	/bin/sed -i "/ with_syslogd: all-sent\$/d" $(/bin/grep -rls "with_syslogd: all-sent" root/var/log root/tmp)
	return 0
}
# The lines of the log without their time and host: "user.notice root: x".
log_lines() {
	/bin/cat root/var/log/messages.0 root/var/log/messages 2>/dev/null | /usr/bin/cut -c17- | /usr/bin/cut -d" " -f2-
}
# Run a command with socket() failing (EAFNOSUPPORT) for i386 programs, as on the
# boot floppy's kernel, which has no networking: a seccomp filter (we are root).
NO_SOCKETS_PY='
import ctypes, os, struct, sys
def op(code, jt, jf, k): return struct.pack("HBBI", code, jt, jf, k)
prog = b"".join([
    op(0x20, 0, 0, 4),                   # A = the architecture
    op(0x15, 0, 4, 0x40000003),          # not i386: allowed
    op(0x20, 0, 0, 0),                   # A = the system call
    op(0x15, 1, 0, 102),                 # socketcall: refused
    op(0x15, 0, 1, 359),                 # socket: refused
    op(0x06, 0, 0, 0x00050000 | 97),     # SECCOMP_RET_ERRNO | EAFNOSUPPORT
    op(0x06, 0, 0, 0x7fff0000),          # SECCOMP_RET_ALLOW
])
code = ctypes.create_string_buffer(prog)
fprog = struct.pack("HxxxxxxP", len(prog) // 8, ctypes.addressof(code))
if ctypes.CDLL(None, use_errno=True).prctl(22, 2, ctypes.c_char_p(fprog), 0, 0) != 0:
    sys.exit("seccomp: " + os.strerror(ctypes.get_errno()))
os.execvp(sys.argv[1], sys.argv[1:])
'
without_sockets() { python3 -c "$NO_SOCKETS_PY" "$@"; }
export NO_SOCKETS_PY
export -f stop_in_root with_syslogd log_lines without_sockets

check "logger -t -p: a message in /var/log/messages" \
	'mkroot; echo "inroot logger -t test -p local0.err hello   world" | with_syslogd; log_lines' \
	$'local0.err test: hello world\n'
check "logger: default tag and priority, lines of stdin" \
	'mkroot; echo "printf \"one\\n\\ntwo\\n\" | inroot logger" | with_syslogd; log_lines' \
	$'user.notice root: one\nuser.notice root: two\n'
check "logger -s: on stderr too" \
	'mkroot; echo "inroot logger -s -t me hi 2>&1" | with_syslogd' $'me: hi\n'
check "syslogd -s: past the size the records move to messages.0, which keeps SIZE; logread shows both" \
	'mkroot; echo "for i in \$(seq 30); do inroot logger -p daemon.info message number \$i; done" | with_syslogd -s 1
	 ls root/var/log; [ $(stat -c %s root/var/log/messages.0) -le 1024 ] && echo at most 1 KB
	 inroot logread | grep -c "number 1\$"; inroot logread | tail -1 | cut -c17- | cut -d" " -f2-' \
	$'messages\nmessages.0\nat most 1 KB\n0\ndaemon.info root: message number 30\n'
check "syslogd -O: another file" \
	'mkroot; echo "inroot logger x" | with_syslogd -O /tmp/log; cut -c17- root/tmp/log | cut -d" " -f2-' $'user.notice root: x\n'
check "syslogd: /dev/log is a datagram socket every user may write to" \
	'mkroot; echo "stat -c \"%F %a\" root/dev/log" | with_syslogd' $'socket 666\n'

# Who sent it: the kernel says (SCM_CREDENTIALS). A user's record shows uid and pid.
check "logger as a user: the record says uid=1000 and its pid: a forged 'su:' is told apart" \
	'mkroot; with_syslogd <<"EOF"
asuser 1000 sh -c "echo \$\$ >&2; exec logger -t su root logged in" 2>pid
EOF
	log_lines | sed "s/ pid=$(cat pid) / pid=PID /"' \
	$'user.notice uid=1000 pid=PID su: root logged in\n'
check "su run by a user logs as root (its effective uid), not as the user" \
	'mkroot; echo "echo secret | asuser 1000 su -c true bob 2>/dev/null" | with_syslogd; log_lines' \
	$'auth.info su: su to bob by uid 1000\n'
check "logger: a newline cannot start a second, forged record" \
	'mkroot; with_syslogd <<"EOF"
asuser 1000 logger -t x "$(printf "hi\nNov 25 19:40:02 mini auth.info su: root")"
EOF
	log_lines | sed "s/ pid=[0-9]* / /"' \
	$'user.notice uid=1000 x: hi^JNov 25 19:40:02 mini auth.info su: root\n'
check "syslogd: escape sequences stored as ^X, bytes that are no UTF-8 (and C1) as \\ooo, UTF-8 kept" \
	'mkroot; with_syslogd <<"EOF"
inroot logger -t t "$(printf "a\033[2Jb\tc\177d\001 \303\251 \302\233 \377 \300\257 end")"
EOF
	log_lines' \
	$'user.notice t: a^[[2Jb^Ic^?d^A \303\251 \\302\\233 \\377 \\300\\257 end\n'
check "syslogd: a bad priority is text, user.notice" \
	'mkroot; with_syslogd <<"EOF"
inroot logger -p local7.debug "<999>x"
python3 -c "import socket; s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); [s.sendto(m, \"root/dev/log\") for m in (b\"<191>ok\", b\"<1x>no\", b\"<13>\")]"
EOF
	log_lines' \
	$'local7.debug root: <999>x\nlocal7.debug ok\nuser.notice <1x>no\nuser.notice \n'

# The flood: one user's 1000 messages (about 120 KB: the log keeps 32 KB) push out only
# his own oldest. Root's records (login's, su's) and another user's stay.
check "syslogd: a user's flood of 1000 logger calls leaves root's, su's and other users' records" \
	'mkroot; cat >root/flood <<"EOF"
i=0
while [ $i -lt 1000 ]; do
	logger -t su root logged in, number $i of a long flood of forged records from bob
	i=$((i + 1))
done
EOF
	with_syslogd <<"EOF"
inroot logger -p auth.info -t login root logged in on /dev/tty1
echo secret | asuser 1000 su -c true bob 2>/dev/null
asuser 1001 logger -t carol a quiet user
asuser 1000 sh /flood
EOF
	log_lines | grep -v "number [0-9]* of a long flood" | sed "s/ pid=[0-9]* / /"
	[ $(cat root/var/log/messages.0 | wc -c) -le 32768 ] && echo messages.0 at most 32 KB
	log_lines | grep -c "^user.notice uid=1000 pid=[0-9]* su: root logged in, number 999 of"
	n=$(log_lines | grep -c "number [0-9]* of a long flood"); [ $n -gt 100 ] && [ $n -lt 1000 ] && echo some of the flood kept
	log_lines | grep "su: root logged in, number" | grep -v "uid=1000 pid=" | wc -l' \
	$'auth.info login: root logged in on /dev/tty1\nauth.info su: su to bob by uid 1000\nuser.notice uid=1001 carol: a quiet user\nmessages.0 at most 32 KB\n1\nsome of the flood kept\n0\n'

# Without sockets (the boot floppy's kernel): /dev/log is a FIFO only root may write to,
# as nobody can tell who wrote into it; logger and su fall back to it.
check "syslogd without sockets: /dev/log a FIFO of root's; root's and su's records come, a user's cannot" \
	'mkroot; without_sockets bash -c "with_syslogd" <<"EOF"
stat -c "%F %a" root/dev/log
inroot logger -t test "$(printf "hello\nworld")"
echo secret | asuser 1000 su -c true bob 2>/dev/null
asuser 1000 logger -t bob not root
EOF
	log_lines' \
	$'fifo 600\nuser.notice test: hello^Jworld\nauth.info su: su to bob by uid 1000\n'
check "logger with sockets, syslogd without: logger finds the FIFO" \
	'mkroot; python3 -c "$NO_SOCKETS_PY" "$CHROOT" root /bin/mini syslogd -n & pid=$!
	 for i in $(/usr/bin/seq 100); do [ -p root/dev/log ] && break; /bin/sleep 0.1; done
	 inroot logger -t x over the fifo
	 for i in $(/usr/bin/seq 100); do /bin/grep -q "x: over" root/var/log/messages && break; /bin/sleep 0.1; done
	 kill $pid; stop_in_root; log_lines' \
	$'user.notice x: over the fifo\n'

check "logger: an unknown priority" 'logger -p nosuch.info x' '' 2 "unknown priority 'nosuch.info'"
check "syslogd: a bad size" 'syslogd -s x' '' 2 "bad size 'x'"
check "syslogd: a size too big for RAM" 'syslogd -s 100000' '' 2 "bad size '100000'"
check "syslogd: an operand" 'syslogd x' '' 2 "extra operand 'x'"
