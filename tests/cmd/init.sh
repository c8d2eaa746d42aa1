# init: run as PID 1 of its own PID, user and mount namespaces (unshare), chrooted in
# ./root, with an /etc/inittab of the test's. Its /proc is a plain file there, so that
# init cannot mount one: it would otherwise set the host's fs.protected_* sysctls
# (tests/boot/test_init.py checks those in a real boot). reboot(2) in a PID namespace
# ends its init with SIGHUP (reboot) or SIGINT (halt, poweroff): status 129 or 130.
if [ "$(id -u)" != 0 ] || ! unshare -U -r -p -f -m true 2>/dev/null; then
	echo "ok - init: skipped (needs root and unshare)"
	return 0
fi
# Start init with the inittab on stdin; its console (a plain file) is root/dev/console.
start_init() {
	mkdir -p root/{bin,etc,dev,var/log,sys,tmp,run,root}
	: >root/proc
	: >root/dev/console
	cp "$MINI" root/bin/mini
	for name in sh sleep echo true; do ln -s mini root/bin/$name; done
	cat >root/etc/inittab
	(unshare -U -r -p -f -m chroot root /bin/mini init 2>root/var/log/init; echo $? >root/var/log/status) 2>/dev/null &
}
# Wait (at most 10 s) for file root/$1 to appear.
wait_file() {
	local i
	for i in $(seq 100); do
		[ -e "root/$1" ] && return 0
		sleep 0.1
	done
	return 1
}
# The host's PID of the namespace's init.
init_pid() {
	local parent
	parent=$(pgrep -n -f "^unshare -U -r -p -f -m chroot root") && pgrep -P "$parent" -f "^/bin/mini init$"
}
# A broken init would outlive the check: end it (SIGKILL reaches a namespace's init from outside).
stop_init() { local pid; pid=$(init_pid) && kill -KILL $pid 2>/dev/null; true; }
export -f start_init wait_file init_pid stop_init

check "init: reboot works while a sysinit line hangs" \
	'printf "%s\n" "::sysinit:/bin/sh -c \"echo >/var/log/started; exec sleep 1000\"" "::respawn:/bin/sleep 1000" | start_init
	 wait_file var/log/started && kill -TERM $(init_pid); wait_file var/log/status; cat root/var/log/status; grep -o "going down to reboot" root/var/log/init; stop_init' \
	$'129\ngoing down to reboot\n'
check "init: poweroff works while a wait line hangs, and a hanging shutdown line is given up" \
	'printf "%s\n" "::wait:/bin/sh -c \"echo >/var/log/started; exec sleep 1000\"" "::shutdown:/bin/sleep 1000" | start_init
	 wait_file var/log/started && kill -USR2 $(init_pid); sleep 1; kill -USR2 $(init_pid); wait_file var/log/status; cat root/var/log/status; grep -o "going down to power off" root/var/log/init | wc -l; grep -c "going on without it" root/var/log/init; stop_init' \
	$'130\n1\n1\n'
long=$(printf "x%.0s" $(seq 300))
export long
check "init: an inittab line over 255 characters is refused whole, with its number; the rest runs" \
	'printf "%s\n" "# a comment" "::sysinit:/bin/echo $long ::sysinit:/bin/sh -c \"echo tail ran >/var/log/tail\"" "::sysinit:/bin/sh -c \"echo >/var/log/started\"" "::respawn:/bin/sleep 1000" | start_init
	 wait_file var/log/started && kill -USR1 $(init_pid); wait_file var/log/status; cat root/var/log/status; ls root/var/log/tail 2>&1 | grep -c "No such"; grep -o "inittab:2: longer than 255 characters; left out" root/var/log/init; stop_init' \
	$'130\n1\ninittab:2: longer than 255 characters; left out\n'
check "init: a command over 127 characters is refused, not cut" \
	'printf "%s\n" "::sysinit:/bin/sh -c \"echo ${long:0:130} >/var/log/cut\"" "::sysinit:/bin/sh -c \"echo >/var/log/started\"" | start_init
	 wait_file var/log/started && kill -USR1 $(init_pid); wait_file var/log/status; ls root/var/log/cut 2>&1 | grep -c "No such"; grep -o "inittab:1: a command may have at most 127 characters" root/var/log/init; stop_init' \
	$'1\ninittab:1: a command may have at most 127 characters\n'
check "init: a plain command of more than 15 words is run whole" \
	'printf "%s\n" "::sysinit:/bin/echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18" "::sysinit:/bin/sh -c \"echo >/var/log/started\"" | start_init
	 wait_file var/log/started && kill -USR1 $(init_pid); wait_file var/log/status; head -1 root/dev/console; stop_init' \
	$'1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18\n'
