# syslogd, logger, logread: syslogd -n runs chrooted in a fake root (its /dev/log is
# root/dev/log), logger and logread too. The time and host name of each line are cut.
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - syslogd: skipped (chroot needs root)"
	return 0
fi
# Start syslogd in ./root (options in $@), run what follows, stop it.
with_syslogd() {
	"$CHROOT" root /bin/mini syslogd -n "$@" &
	local pid=$! i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ -S root/dev/log ] && break
		sleep 0.1
	done
	while read -r line; do
		eval "$line"
	done
	sleep 0.2
	kill "$pid"
	wait "$pid" 2>/dev/null
	return 0
}
export -f with_syslogd

check "logger -t -p: a message in /var/log/messages" \
	'mkroot; echo "inroot logger -t test -p local0.err hello   world" | with_syslogd; cut -c17- root/var/log/messages | cut -d" " -f2-' \
	$'local0.err test: hello world\n'
check "logger: default tag and priority, lines of stdin" \
	'mkroot; echo "printf \"one\\n\\ntwo\\n\" | inroot logger" | with_syslogd; cut -c17- root/var/log/messages | cut -d" " -f2-' \
	$'user.notice root: one\nuser.notice root: two\n'
check "logger -s: on stderr too" \
	'mkroot; echo "inroot logger -s -t me hi 2>&1" | with_syslogd' $'me: hi\n'
check "syslogd -s: past the size the file becomes messages.0; logread shows both" \
	'mkroot; echo "for i in \$(seq 30); do inroot logger -p daemon.info message number \$i; done" | with_syslogd -s 1; ls root/var/log; inroot logread | wc -l; inroot logread | tail -1 | cut -c17- | cut -d" " -f2-' \
	$'messages\nmessages.0\n30\ndaemon.info root: message number 30\n'
check "syslogd -O: another file" \
	'mkroot; echo "inroot logger x" | with_syslogd -O /tmp/log; cut -c17- root/tmp/log | cut -d" " -f2-' $'user.notice root: x\n'
check "logread: no log" 'mkroot; inroot logread' '' 1 "is syslogd running"
check "logger: an unknown priority" 'logger -p nosuch.info x' '' 2 "unknown priority 'nosuch.info'"
check "syslogd: a bad size" 'syslogd -s x' '' 2 "bad size 'x'"
check "logread: an operand" 'logread x' '' 2 "extra operand 'x'"
