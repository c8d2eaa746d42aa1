# adduser, deluser, addgroup, delgroup: run chrooted in a fake root (tests/cmd/fakeroot.bash).
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - adduser: skipped (chroot needs root)"
	return 0
fi

check "adduser -D: passwd, group, locked shadow line, home" \
	'mkroot; inroot adduser -D carl && grep carl root/etc/passwd root/etc/group && grep -c "^carl:!:" root/etc/shadow && stat -c "%u %g %a" root/home/carl' \
	$'root/etc/passwd:carl:x:1001:1001::/home/carl:/bin/sh\nroot/etc/group:carl:x:1001:\n1\n1001 1001 755\n'
check "adduser asks the password twice and stores SHA-512" \
	'mkroot; printf "pw\npw\n" | inroot adduser carl 2>/dev/null && grep -c "^carl:[$]6[$][./0-9A-Za-z]\{16\}[$]" root/etc/shadow' $'1\n'
check "adduser -h -s -g -G -u" \
	'mkroot; inroot adduser -D -h /tmp/c -s /bin/false -g "Carl C" -G wheel -u 2000 carl && grep -h carl root/etc/passwd root/etc/group' \
	$'carl:x:2000:2000:Carl C:/tmp/c:/bin/false\nwheel:x:10:root,carl\ncarl:x:2000:\n'
check "adduser keeps /etc/shadow 0600 and leaves no temporary file" \
	'mkroot; inroot adduser -D carl && stat -c %a root/etc/shadow && ls root/etc' $'600\ngroup\nissue\npasswd\nshadow\n'
check "adduser: the group id differs when the user id's group is taken" \
	'mkroot; inroot adduser -D -u 100 carl && grep carl root/etc/passwd' $'carl:x:100:1001::/home/carl:/bin/sh\n'
check "adduser USER GROUP" 'mkroot; inroot adduser bob wheel && grep wheel root/etc/group' $'wheel:x:10:root,bob\n'
check "adduser: an existing user" 'mkroot; inroot adduser -D bob' '' 1 "adduser: user 'bob' exists"
check "adduser: a bad name" 'mkroot; inroot adduser -D Carl' '' 1 "not a valid user name"
check "adduser: a taken user id" 'mkroot; inroot adduser -D -u 1000 carl' '' 1 "user id 1000 is taken"
check "adduser: an unknown -G group" 'mkroot; inroot adduser -D -G nosuch carl' '' 1 "unknown group 'nosuch'"
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
