# getty: on a pipe instead of a terminal (it says so), in a fake root for /etc/issue.
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - getty: skipped (chroot needs root)"
	return 0
fi

check "getty: /etc/issue, the name, then login with it" \
	'mkroot; echo bob | inroot getty -l /bin/echo 0 - 2>/dev/null | sed "s/$(uname -n)/HOST/g"' \
	$'\nmini on HOST (-)\n\nHOST login: -- bob\n'
check "getty: the issue escapes" \
	'mkroot; printf "%s\n" "\\s \\r \\m \\\\ \\x" >root/etc/issue; echo bob | inroot getty -l /bin/true - 115200 2>/dev/null | head -1' \
	"$(uname -s) $(uname -r) $(uname -m) \\ \\x"$'\n'
check "getty -i -n: no issue, no name" 'mkroot; inroot getty -in -l /bin/echo 9600 - </dev/null' $'\n' 0 "not a terminal"
check "getty: the terminal type goes to TERM" 'mkroot; inroot getty -in -l /bin/printenv 0 - vt220 2>/dev/null | grep ^TERM=' $'TERM=vt220\n'
check "getty: an unknown speed" 'getty 12345 -' '' 2 "unknown speed '12345'"
check "getty: no terminal" 'getty 0' '' 2 "a speed and a terminal are needed"
check "getty: a terminal that is not there" 'getty 0 /nonexistent/tty' '' 1 "/nonexistent/tty"
ISSUE=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../boot/rootfs/etc" && pwd)/issue
export ISSUE
check "getty: the live system's /etc/issue says root has no password and how to set one" \
	'grep -c "root has NO PASSWORD" "$ISSUE"; grep -c "run .passwd. to set one" "$ISSUE"' $'1\n1\n'
check "getty: hangs the line up first, so an earlier process's descriptor stops working" \
	'python3 -c "
import os, pty, subprocess, sys
master, slave = pty.openpty()
name = os.ttyname(slave)
subprocess.run([os.environ[\"BIN\"] + \"/getty\", \"-i\", \"-n\", \"-l\", \"/bin/true\", \"0\", name], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
try:
    os.write(slave, b\"x\")
    print(\"still open\")
except OSError as e:
    print(\"hung up\" if e.errno == 5 else e)
"' $'hung up\n'
