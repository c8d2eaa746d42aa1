# su: run chrooted in a fake root (tests/cmd/fakeroot.bash).
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - su: skipped (chroot needs root)"
	return 0
fi

check "su: root needs no password" 'mkroot; inroot su -c "id -u" bob' $'1000\n'
check "su -: a login shell in the home folder with a fresh environment" \
	'mkroot; FOO=1 inroot su - -c "pwd; echo \$HOME \$USER \$LOGNAME \$SHELL \${FOO:-unset}" bob' $'/home/bob\n/home/bob bob bob /bin/sh unset\n'
check "su without -: the environment and folder stay" \
	'mkroot; FOO=1 inroot su -c "echo \$USER \$FOO" bob' $'bob 1\n'
check "su: a user gives the right password" 'mkroot; printf "secret\n" | asuser 1000 su -c "id -u; id -g" bob 2>/dev/null' $'1000\n1000\n'
check "su: to root with root's password" \
	'mkroot; printf "pw\npw\n" | inroot passwd root >/dev/null 2>&1; printf "pw\n" | asuser 1000 su -c "id -u" 2>/dev/null' $'0\n'
check "su: a wrong password" 'mkroot; printf "nope\n" | asuser 1000 su -c "id -u" bob' '' 1 "su: wrong password"
check "su: an unknown user" 'mkroot; inroot su nosuch' '' 1 "unknown user 'nosuch'"
check "su: too many operands" 'su a b' '' 2 "extra operand 'b'"

# The live system's root has no password: that is no open door for other users.
check "su: a user cannot su to root while root has no password" \
	'mkroot; printf "\n" | asuser 1000 su -c "id -u"' '' 1 "root has no password: only root may su to it"
check "su: nor to another account without a password" \
	'mkroot; echo "eve:x:1001:1001::/:/bin/sh" >>root/etc/passwd; echo "eve::19000:0:99999:7:::" >>root/etc/shadow; asuser 1000 su -c "id -u" eve' \
	'' 1 "eve has no password: only root may su to it"
check "su: root may su to an account without a password" \
	'mkroot; inroot passwd -d bob >/dev/null; inroot su -c "id -u" bob' $'1000\n'
check "su without -: variables that run the caller's code are gone, harmless ones stay" \
	'mkroot; env -i ENV=/tmp/e BASH_ENV=/tmp/b CDPATH=/tmp IFS=: LD_LIBRARY_PATH=/tmp LD_BIND_NOW=1 SHELLOPTS=xtrace PS4="\$(id)" PS1=x TMPDIR=/tmp "BASH_FUNC_ls%%=() { id; }" TERM=vt100 COLORTERM=1 LANG=C.UTF-8 LC_ALL=C DISPLAY=:0 FOO=1 \
	 "$CHROOT" root /bin/mini su -c "/bin/env" bob | cut -d= -f1 | grep -v "^_$" | sort | tr "\n" " "' \
	'COLORTERM DISPLAY FOO HOME LANG LC_ALL LOGNAME PATH PWD SHELL TERM USER '

# A wrong password: the wait grows with each failure in a row, counted in /run/faillock.
check "su: failures in a row are counted for the user, a right password ends the count" \
	'mkroot; for i in 1 2 3; do printf "nope\n" | asuser 1000 su -c true bob 2>/dev/null; done; cut -d" " -f1 root/run/faillock/bob; printf "secret\n" | asuser 1000 su -c "echo in" bob 2>/dev/null; cat root/run/faillock/bob; stat -c "%a %u" root/run/faillock' \
	$'3\nin\n0 0\n700 0\n'
check "su: the wait comes before the verdict, and killing su during it skips nothing" \
	'exec 2>/dev/null; mkroot; echo "FAIL_DELAY 30" >root/etc/login.defs; (printf "nope\n" | asuser 1000 su -c true bob >out 2>err) & pid=$!
	 for i in $(seq 100); do [ -s root/run/faillock/bob ] && break; sleep 0.1; done
	 pkill -KILL -P $pid; wait; cut -d" " -f1 root/run/faillock/bob; grep -c "wrong password" err; true' $'1\n0\n'
check "su: FAIL_DELAY is taken only from a root-owned file nobody else may write" \
	'mkroot; echo "FAIL_DELAY 30" >root/etc/login.defs; chmod 666 root/etc/login.defs; printf "nope\n" | asuser 1000 su -c true bob 2>/dev/null; echo $?' $'1\n'
