# fakeroot.bash: a tiny root file system for the tests of the commands that change
# /etc (adduser, passwd, login, su...) or use /dev/log (syslogd, logger): they run
# chrooted in ./root, never on the host's files. chroot needs root: without it the
# tests are skipped. Sourced by tests/cmd/{adduser,passwd,login,su,getty,syslogd}.sh.
#
#	mkroot; inroot adduser -D bob; cat root/etc/passwd
#	asuser 1000 passwd          (a user's command: mini is setuid root in ./root)

# The users: root without a password (the live-CD policy), bob (1000) with "secret".
mkroot() {
	mkdir -p root/bin root/etc root/dev root/home/bob root/root root/tmp root/var/log
	cp "$MINI" root/bin/mini
	for name in $(root/bin/mini --list); do
		ln -s mini "root/bin/$name"
	done
	printf 'root:x:0:0:root:/root:/bin/sh\nbob:x:1000:1000:Bob:/home/bob:/bin/sh\n' >root/etc/passwd
	printf 'root::19000:0:99999:7:::\nbob:%s:19000:0:99999:7:::\n' \
		'$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1' >root/etc/shadow
	chmod 600 root/etc/shadow
	printf 'root:x:0:\nwheel:x:10:root\nusers:x:100:\nbob:x:1000:\n' >root/etc/group
	printf '\nmini on \\n (\\l)\n\n' >root/etc/issue
	chown 1000:1000 root/home/bob
	mknod root/dev/urandom c 1 9
	mknod root/dev/null c 1 3
	chmod 666 root/dev/null
}
# The host's chroot (mini's own comes first in PATH and has no --userspec).
CHROOT=$(PATH=/usr/sbin:/usr/bin:/sbin:/bin command -v chroot)
export CHROOT
inroot() { "$CHROOT" root /bin/mini "$@"; }
asuser() {
	local uid=$1
	shift
	chmod u+s root/bin/mini
	"$CHROOT" --userspec="$uid:$uid" root /bin/mini "$@"
}
export -f mkroot inroot asuser
