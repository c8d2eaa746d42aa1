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
