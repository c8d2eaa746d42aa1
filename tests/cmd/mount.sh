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
check "mount --make-private needs one directory" 'mount --make-private' '' 2 'mount: --make-\* takes one DIRECTORY'
check "mount: unknown --make option" 'mount --make-purple /' '' 2 "unknown option '--make-purple'"
check "mount: bad offset" 'mount -o loop,offset=x f d' '' 1 "mount: bad number in 'offset=x'"
check "mount: no device with that label" 'mount LABEL=no-such-label-anywhere-42 /mnt' '' 1 'mount: no device with LABEL=no-such-label-anywhere-42'

# Real mounts of image files, each inside its own private mount namespace (unshare -m):
# the host's mounts are never touched, and loop devices go with their mounts (autoclear).
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null && grep -qw ext2 /proc/filesystems &&
   [ -e /dev/loop-control ] && command -v mkfs.ext2 >/dev/null && command -v debugfs >/dev/null; then
MOUNT_IMG=$(mktemp -d "${TMPDIR:-/tmp}/mini-mount.XXXXXX")
(
	cd "$MOUNT_IMG" || exit 1
	truncate -s 4M e2.img && mkfs.ext2 -q -F -L MINI$$ e2.img
	debugfs -w -R "write /etc/hostname known.txt" e2.img
	truncate -s 1M offset.img && cat e2.img >> offset.img
	head -c 2000000 /dev/urandom > garbage.img
	head -c 1048576 e2.img > cut.img
	truncate -s 1M sw.img && mkswap -q sw.img
) >/dev/null 2>&1
I=$MOUNT_IMG
# In a namespace: the script, then the loop devices its images are on (none expected).
ns() { printf 'unshare -m --propagation private bash -c %q; s=$?; losetup -a | grep -c "%s" | grep -v "^0$" | sed "s/^/attached loops left: /"; exit $s\n' "$1" "$I"; }

check "mount: an ext2 image without -t, write, umount; loop freed" \
	"$(ns "cp $I/e2.img . && mkdir d && mount e2.img d && cat d/known.txt && echo new > d/new.txt && umount d && debugfs -R 'cat /new.txt' e2.img 2>/dev/null")" \
	"$(cat /etc/hostname)"$'\nnew\n'
check "mount: listed as ext2 on a loop device" \
	"$(ns "mkdir d && mount -r $I/e2.img d && mount | grep \" \$PWD/d \" | sed \"s|[0-9]* on \$PWD|N on .|\"; umount d")" \
	"/dev/loopN on ./d type ext2 (ro,relatime)"$'\n'
check "mount -o loop,offset=N" \
	"$(ns "mkdir d && mount -o loop,offset=1048576,ro $I/offset.img d && cat d/known.txt && umount d")" "$(cat /etc/hostname)"$'\n'
check "mount LABEL=x and UUID=x (losetup'd device)" \
	"$(ns "mkdir d && L=\$(losetup -f -r --show $I/e2.img) && mount LABEL=MINI$$ d && umount d && mount UUID=\$(blkid -o value -s UUID \$L) d && ls d && umount d; losetup -d \$L")" \
	$'known.txt\nlost+found\n' 0 'write-protected, mounted read-only'
check "mount: a read-only device is mounted read-only, with a note" \
	"$(ns "mkdir d && L=\$(losetup -f -r --show $I/e2.img) && mount \$L d && grep -c \" \$PWD/d ext2 ro\" /proc/mounts; umount -d d")" \
	$'1\n' 0 'mount: /dev/loop[0-9]+: WARNING: source write-protected, mounted read-only'
check "mount -a from /etc/fstab (bound over in the namespace)" \
	"$(ns "mkdir d && cp $I/e2.img . && echo \"\$PWD/e2.img \$PWD/d auto ro,loop 0 0\" > fstab && echo \"/nowhere /no swap sw 0 0\" >> fstab && mount --bind fstab /etc/fstab && mount -a && mount -a && grep -c \" \$PWD/d \" /proc/mounts && umount d")" $'1\n'
check "mount DIR alone, from /etc/fstab" \
	"$(ns "mkdir d && echo \"$I/e2.img \$PWD/d ext2 ro 0 0\" > fstab && mount --bind fstab /etc/fstab && mount d && ls d && umount d")" $'known.txt\nlost+found\n'
check "mount -o remount,ro, then rw" \
	"$(ns "cp $I/e2.img . && mkdir d && mount e2.img d && mount -o remount,ro d && { touch d/x 2>/dev/null || echo refused; } && mount -o remount,rw d && touch d/x && echo written; umount d")" $'refused\nwritten\n'
check "mount --rbind and --make-rprivate" \
	"$(ns "mkdir a b && mount -t tmpfs t a && mkdir a/in && mount -t tmpfs t2 a/in && mount --rbind a b && mount --make-rprivate b && grep -c \" \$PWD/b\" /proc/mounts")" $'2\n'
check "mount: garbage" "$(ns "mkdir d && mount $I/garbage.img d")" '' 1 'mount: .*garbage.img: unknown file system type'
check "mount: a truncated ext2 image" "$(ns "mkdir d && mount $I/cut.img d")" '' 1 'mount: .*cut.img: cannot mount this ext2 file system: damaged, truncated'
check "mount: a swap area" "$(ns "mkdir d && mount $I/sw.img d")" '' 1 'mount: .*sw.img: is a swap area \(use swapon\)'
check "mount: an unknown type" "$(ns "mkdir d && mount -t nosuchfs $I/e2.img d")" '' 1 'mount: mounting .*e2.img \(/dev/loop[0-9]+\) on d: No such device'
check "umount -r: busy, remounted read-only" \
	"$(ns "cp $I/e2.img . && mkdir d && mount e2.img d && exec 3<d/known.txt && umount -r d; grep -c \" \$PWD/d ext2 ro\" /proc/mounts; exec 3<&-; umount d")" $'1\n' 0 'umount: .*d: busy, remounted read-only'
check "umount -d frees a losetup'd device" \
	"$(ns "mkdir d && L=\$(losetup -f -r --show $I/e2.img) && mount -r \$L d && umount -d \$L && losetup \$L")" '' 1 'losetup: /dev/loop[0-9]+: No such device or address'
check "umount -a -t ext2: innermost first" \
	"$(ns "cp $I/e2.img a.img && cp $I/e2.img b.img && mkdir d && mount a.img d && mount b.img d/lost+found && umount -a -t ext2 && grep -c \" \$PWD/d\" /proc/mounts")" $'0\n' 1
check "umount -l" "$(ns "mkdir d && mount -r $I/e2.img d && exec 3<d/known.txt && umount -l d && grep -c \" \$PWD/d \" /proc/mounts")" $'0\n' 1
rm -rf "$MOUNT_IMG"
fi
