# adduser, deluser, addgroup, delgroup: run chrooted in a fake root (tests/cmd/fakeroot.bash).
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - adduser: skipped (chroot needs root)"
	return 0
fi
# adduser notes that root has no password (the fake root's policy): lockroot silences it.
lockroot() { sed -i "s/^root::/root:*:/" root/etc/shadow; }
export -f lockroot

check "adduser -D: passwd, group, locked shadow line, home" \
	'mkroot; lockroot; inroot adduser -D carl && grep carl root/etc/passwd root/etc/group && grep -c "^carl:!:" root/etc/shadow && stat -c "%u %g %a" root/home/carl' \
	$'root/etc/passwd:carl:x:1001:1001::/home/carl:/bin/sh\nroot/etc/group:carl:x:1001:\n1\n1001 1001 755\n'
check "adduser asks the password twice and stores SHA-512" \
	'mkroot; lockroot; printf "pw\npw\n" | inroot adduser carl 2>/dev/null && grep -c "^carl:[$]6[$][./0-9A-Za-z]\{16\}[$]" root/etc/shadow' $'1\n'
check "adduser -h -s -g -G -u" \
	'mkroot; lockroot; inroot adduser -D -h /tmp/c -s /bin/false -g "Carl C" -G wheel -u 2000 carl && grep -h carl root/etc/passwd root/etc/group' \
	$'carl:x:2000:2000:Carl C:/tmp/c:/bin/false\nwheel:x:10:root,carl\ncarl:x:2000:\n'
check "adduser keeps /etc/shadow 0600 and leaves no temporary file" \
	'mkroot; lockroot; inroot adduser -D carl && stat -c %a root/etc/shadow && ls root/etc' $'600\ngroup\nissue\nlogin.defs\npasswd\nshadow\n'
check "adduser: the group id differs when the user id's group is taken" \
	'mkroot; lockroot; inroot adduser -D -u 100 carl && grep carl root/etc/passwd' $'carl:x:100:1001::/home/carl:/bin/sh\n'
check "adduser: says that root has no password, and how to set one" \
	'mkroot; inroot adduser -D carl' '' 0 "set one with: passwd root"
check "adduser: two at a time, again and again, lose no account and share no id" \
	'mkroot; lockroot; for i in 1 2 3 4 5 6 7 8 9 10; do inroot adduser -D u$i & inroot adduser -D v$i & printf "bob:pw$i\n" | inroot chpasswd & inroot addgroup g$i & wait; done
	 grep -c "^[uv]" root/etc/passwd root/etc/shadow; grep -c "^[uvg][0-9]" root/etc/group; cut -d: -f3 root/etc/passwd | sort | uniq -d; grep -c "^bob:[$]6[$]" root/etc/shadow' \
	$'root/etc/passwd:20\nroot/etc/shadow:20\n30\n1\n'
# The user id is chosen under the lock: an id taken while adduser waits for it is not
# used, nor refused ("user id N is taken"). (The outcome is the same whenever adduser
# reaches the lock: the test does not rest on timing.)
check "adduser: an id taken while it waits for the lock is passed over" \
	'mkroot; lockroot; python3 -c "
import fcntl, os, subprocess
fd = os.open(\"root/etc/.pwd.lock\", os.O_WRONLY | os.O_CREAT, 0o600)
fcntl.lockf(fd, fcntl.LOCK_EX)
adduser = subprocess.Popen([\"bash\", \"-c\", \"inroot adduser -D carl\"])
with open(\"root/etc/passwd\", \"a\") as passwd:
    passwd.write(\"dave:x:1001:1001::/:/bin/sh\\n\")
os.close(fd)
exit(adduser.wait())
" && grep carl root/etc/passwd' $'carl:x:1002:1002::/home/carl:/bin/sh\n'
check "adduser: a long /etc/group line stays whole" \
	'mkroot; lockroot; echo "big:x:500:$(seq -f m%03g 1 300 | paste -sd,)" >>root/etc/group; cp root/etc/group before; inroot adduser -D carl && grep -v "^carl:" root/etc/group | cmp - before && echo same' \
	$'same\n'
check "adduser USER GROUP: a group line libc could not read back is refused, nothing changed" \
	'mkroot; echo "big:x:500:$(seq -f m%03g 1 111 | paste -sd,)" >>root/etc/group; inroot adduser bob big && cp root/etc/group after; inroot groups bob; inroot adduser root big; echo $?; cmp root/etc/group after && echo unchanged; ls -a root/etc | grep -c mini-; true' \
	$'bob : bob big\n1\nunchanged\n0\n' 0 "group: a line of 573 characters is too long"
check "adduser: a temporary file a killed tool left is removed" \
	'mkroot; lockroot; : >root/etc/.shadow.mini-Ab3dEf; : >root/etc/.group.mini-x1y2z3; : >root/etc/.shadow.keep; inroot adduser -D carl; ls -A root/etc | grep "^[.]"' \
	$'.pwd.lock\n.shadow.keep\n'
check "adduser USER GROUP" 'mkroot; inroot adduser bob wheel && grep wheel root/etc/group' $'wheel:x:10:root,bob\n'
check "adduser: an existing user" 'mkroot; lockroot; inroot adduser -D bob' '' 1 "adduser: user 'bob' exists"
check "adduser: a bad name" 'mkroot; lockroot; inroot adduser -D Carl' '' 1 "not a valid user name"
check "adduser: a taken user id" 'mkroot; lockroot; inroot adduser -D -u 1000 carl' '' 1 "user id 1000 is taken"
check "adduser: an unknown -G group" 'mkroot; lockroot; inroot adduser -D -G nosuch carl' '' 1 "unknown group 'nosuch'"
check "adduser: passwords that differ change nothing" \
	'mkroot; printf "a\nb\n" | inroot adduser carl; echo $?; grep -c carl root/etc/passwd' $'1\n0\n' 1 "do not match"
check "adduser: no operand" 'adduser' '' 2 "a user name is needed"
check "adduser --help" 'adduser --help | head -1' $'Usage: adduser [-D] [-h HOME] [-s SHELL] [-g GECOS] [-G GROUP] [-u UID] USER\n'

check "deluser: passwd, shadow, own group and memberships" \
	'mkroot; inroot adduser bob wheel && inroot deluser bob && grep -c bob root/etc/passwd root/etc/shadow root/etc/group; cat root/etc/group' \
	$'root/etc/passwd:0\nroot/etc/shadow:0\nroot/etc/group:0\nroot:x:0:\nwheel:x:10:root\nusers:x:100:\n'
check "deluser USER GROUP" 'mkroot; inroot deluser root wheel && grep wheel root/etc/group' $'wheel:x:10:\n'
check "deluser: not root" 'mkroot; inroot deluser root' '' 1 "will not delete root"
check "deluser: an unknown user" 'mkroot; inroot deluser nosuch' '' 1 "unknown user 'nosuch'"
check "deluser: too many operands" 'deluser a b c' '' 2 "extra operand 'c'"

check "addgroup, addgroup -g" 'mkroot; inroot addgroup staff && inroot addgroup -g 500 ops && tail -2 root/etc/group' \
	$'staff:x:1001:\nops:x:500:\n'
check "addgroup USER GROUP" 'mkroot; inroot addgroup bob users && grep users root/etc/group' $'users:x:100:bob\n'
check "addgroup: an existing group" 'mkroot; inroot addgroup wheel' '' 1 "group 'wheel' exists"
check "addgroup: a taken id" 'mkroot; inroot addgroup -g 10 x' '' 1 "group id 10 is taken"
check "addgroup: a bad id" 'addgroup -g x y' '' 2 "bad group id"
check "delgroup" 'mkroot; inroot delgroup users && cat root/etc/group' $'root:x:0:\nwheel:x:10:root\nbob:x:1000:\n'
check "delgroup: a user's main group" 'mkroot; inroot delgroup bob' '' 1 "main group of user 'bob'"
check "delgroup USER GROUP" 'mkroot; inroot delgroup root wheel && grep wheel root/etc/group' $'wheel:x:10:\n'
