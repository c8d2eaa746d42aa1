# fakeroot.bash: a tiny root file system for the tests of the commands that change
# /etc (adduser, passwd, login, su...) or use /dev/log (syslogd, logger): they run
# chrooted in ./root, never on the host's files. chroot needs root: without it the
# tests are skipped. Sourced by tests/cmd/{adduser,passwd,login,su,getty,syslogd}.sh.
#
#	mkroot; inroot adduser -D bob; cat root/etc/passwd
#	asuser 1000 passwd          (a user's command: mini is setuid root in ./root)

# The users: root without a password (the live-CD policy), bob (1000) with "secret".
# /etc/login.defs: FAIL_DELAY 0, so that a wrong password costs no wait.
# Made once, in the run's command folder (removed at the end); each check copies it.
FAKEROOT=$BIN/fakeroot
if [ ! -d "$FAKEROOT" ] && [ "$(id -u)" = 0 ]; then
	mkdir -p "$FAKEROOT"/{bin,etc,dev,home/bob,root,run,tmp,var/log}
	cp "$MINI" "$FAKEROOT/bin/mini"
	for name in $("$MINI" --list); do
		ln -s mini "$FAKEROOT/bin/$name"
	done
	printf 'root:x:0:0:root:/root:/bin/sh\nbob:x:1000:1000:Bob:/home/bob:/bin/sh\n' >"$FAKEROOT/etc/passwd"
	printf 'root::19000:0:99999:7:::\nbob:%s:19000:0:99999:7:::\n' \
		'$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1' \
		>"$FAKEROOT/etc/shadow"
	chmod 600 "$FAKEROOT/etc/shadow"
	printf 'root:x:0:\nwheel:x:10:root\nusers:x:100:\nbob:x:1000:\n' >"$FAKEROOT/etc/group"
	printf '\nmini on \\n (\\l)\n\n' >"$FAKEROOT/etc/issue"
	# No wait after a wrong password (login, su, passwd): a root-owned file sets it.
	printf 'FAIL_DELAY 0\n' >"$FAKEROOT/etc/login.defs"
	chown 1000:1000 "$FAKEROOT/home/bob"
	mknod "$FAKEROOT/dev/urandom" c 1 9
	mknod -m 666 "$FAKEROOT/dev/null" c 1 3
fi
# The host's cp and chroot: mini's own come first in PATH inside a check.
HOST_CP=$(PATH=/usr/bin:/bin command -v cp)
CHROOT=$(PATH=/usr/sbin:/usr/bin:/sbin:/bin command -v chroot)
export FAKEROOT HOST_CP CHROOT
mkroot() { "$HOST_CP" -a "$FAKEROOT" root; }
inroot() { "$CHROOT" root /bin/mini "$@"; }
asuser() {
	local uid=$1
	shift
	chmod u+s root/bin/mini
	"$CHROOT" --userspec="$uid:$uid" root /bin/mini "$@"
}
export -f mkroot inroot asuser
