# passwd and chpasswd: run chrooted in a fake root (tests/cmd/fakeroot.bash).
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - passwd: skipped (chroot needs root)"
	return 0
fi

check "passwd: root sets bob's password, bob's su then takes it" \
	'mkroot; printf "new\nnew\n" | inroot passwd bob 2>/dev/null && grep -c "^bob:[$]6[$]" root/etc/shadow && printf "new\n" | asuser 1000 su -c "echo in" bob 2>/dev/null' \
	$'passwd: password for bob changed\n1\nin\n'
check "passwd: a user changes their own after the current one" \
	'mkroot; printf "secret\nnew\nnew\n" | asuser 1000 passwd 2>/dev/null && printf "new\n" | asuser 1000 su -c "echo in" bob 2>/dev/null' \
	$'passwd: password for bob changed\nin\n'
check "passwd: shadow stays 0600 root, no temporary file" \
	'mkroot; printf "new\nnew\n" | inroot passwd bob >/dev/null 2>&1; stat -c "%a %u" root/etc/shadow; ls root/etc' \
	$'600 0\ngroup\nissue\nlogin.defs\npasswd\nshadow\n'
check "passwd -d, -l, -u" \
	'mkroot; inroot passwd -l bob >/dev/null && grep -c "^bob:![$]6[$]" root/etc/shadow; inroot passwd -u bob >/dev/null && grep -c "^bob:[$]6[$]" root/etc/shadow; inroot passwd -d bob && grep "^bob" root/etc/shadow | cut -d: -f1-2' \
	$'1\n1\npasswd: password for bob changed\nbob:\n'
check "passwd: passwords that differ" 'mkroot; printf "a\nb\n" | inroot passwd bob' '' 1 "do not match"
check "passwd: an unknown user" 'mkroot; inroot passwd nosuch' '' 1 "unknown user 'nosuch'"
check "passwd: a user may not change root's" 'mkroot; asuser 1000 passwd root' '' 1 "only root may"
check "passwd: a wrong current password" 'mkroot; printf "wrong\n" | asuser 1000 passwd' '' 1 "wrong password"
check "passwd: two users" 'passwd a b' '' 2 "extra operand 'b'"

check "chpasswd: name:password lines" \
	'mkroot; printf "bob:pw1\nroot:pw2\n" | inroot chpasswd && grep -c ":[$]6[$]" root/etc/shadow && printf "pw1\n" | asuser 1000 su -c "echo in" bob 2>/dev/null' $'2\nin\n'
check "chpasswd -e: hashes as they are" \
	'mkroot; echo "bob:\$1\$saltsalt\$9xy1btjgzLYfb7hivXtC//" | inroot chpasswd -e && grep bob root/etc/shadow | cut -d: -f2' $'$1$saltsalt$9xy1btjgzLYfb7hivXtC//\n'
check "chpasswd: a bad line and an unknown user" \
	'mkroot; printf "nocolon\nnosuch:x\nbob:pw\n" | inroot chpasswd; echo $?; grep -c "^bob:[$]6[$]" root/etc/shadow' $'1\n1\n' 0 "line 1: not USER:PASSWORD"
check "chpasswd: an operand" 'chpasswd x' '' 2 "extra operand"
check "passwd: a wrong current password is counted in /run/faillock" \
	'mkroot; printf "wrong\n" | asuser 1000 passwd 2>/dev/null; printf "wrong\n" | asuser 1000 passwd 2>/dev/null; cut -d" " -f1 root/run/faillock/bob' $'2\n'
check "passwd: no temporary file is left by an interrupted change" \
	'mkroot; : >root/etc/.shadow.mini-Xy12ab; inroot passwd -l bob >/dev/null; ls -A root/etc | grep -c mini-; true' $'0\n'
