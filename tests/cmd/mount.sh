# mount (only the paths that change nothing on the host; real mounts: tests/boot/smoke_sys.txt)
check "mount lists /proc/mounts" 'mount | grep " on /proc type proc "' "$(grep -m1 " /proc proc " /proc/mounts | awk '{ printf "%s on %s type %s (%s)", $1, $2, $3, $4 }')"$'\n'
check "mount -t TYPE lists only that type" 'mount -t proc | awk "{ print \$5 }" | sort -u' $'proc\n'
check "mount: a directory not in /etc/fstab" 'mount /no/such/dir' '' 1 'mount: /no/such/dir: not found in /etc/fstab'
check "mount: no such mount point" 'mount -t tmpfs none /no/such/dir' '' 1 'mount: mounting none on /no/such/dir: No such file or directory'
check "mount: types tried in turn, error kept" 'mount /no/such/dev /no/such/dir' '' 1 'mount: mounting /no/such/dev on /no/such/dir:'
check "mount: too many operands" 'mount a b c' '' 2 'mount: too many operands'
check "mount: unknown option" 'mount -q' '' 2 "mount: unknown option '-q'"
check "mount --bind is understood" 'mount --bind /no/such/a /no/such/b' '' 1 'mount: mounting /no/such/a on /no/such/b: No such file or directory'
check "mount --help" 'mount --help | head -n 1' $'Usage: mount [-rw] [-t TYPE] [-o OPTIONS] DEVICE DIRECTORY\n'
