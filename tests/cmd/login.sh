# login: run chrooted in a fake root (tests/cmd/fakeroot.bash). The users' "shells"
# are commands that show what login set up: env, pwd, id.
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - login: skipped (chroot needs root)"
	return 0
fi

check "login: the right password starts the shell as the user, with its environment" \
	'mkroot; sed -i "s|/home/bob:/bin/sh|/home/bob:/bin/env|" root/etc/passwd; printf "secret\n" | TERM=vt100 FOO=1 inroot login bob 2>/dev/null | sort' \
	$'HOME=/home/bob\nLOGNAME=bob\nPATH=/bin:/sbin:/usr/bin:/usr/sbin\nSHELL=/bin/env\nTERM=vt100\nUSER=bob\n'
check "login: in the home folder, with uid, gid and groups" \
	'mkroot; echo "users:x:100:bob" >>root/etc/group; sed -i "s|/home/bob:/bin/sh|/home/bob:/bin/id|" root/etc/passwd; printf "secret\n" | inroot login bob 2>/dev/null' \
	$'uid=1000(bob) gid=1000(bob) groups=1000(bob),100(users)\n'
check "login: asks the name, and the password on stderr" \
	'mkroot; sed -i "s|/home/bob:/bin/sh|/home/bob:/bin/pwd|" root/etc/passwd; printf "bob\nsecret\n" | inroot login 2>&1 | sed "s/^.* login: /login: /"' \
	$'login: Password: /home/bob\n'
check "login: root without a password is told to set one" \
	'mkroot; sed -i "s|/root:/bin/sh|/root:/bin/pwd|" root/etc/passwd; inroot login root </dev/null' \
	$'root has no password: anyone can log in as root. Set one with passwd.\n/root\n'
check "login -f: no password" 'mkroot; sed -i "s|/home/bob:/bin/sh|/home/bob:/bin/pwd|" root/etc/passwd; inroot login -f bob' $'/home/bob\n'
check "login: a wrong password is refused" 'mkroot; printf "nope\n" | inroot login bob | head -1; echo "${PIPESTATUS[1]}"' $'Login incorrect\n1\n' 0 "Password:"
check "login -f: only root" 'mkroot; asuser 1000 login -f root' '' 1 "only root may"
