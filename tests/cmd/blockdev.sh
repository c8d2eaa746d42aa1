# blockdev
check "blockdev: no device" 'blockdev --getsz' '' 2 'blockdev: no device given'
check "blockdev: unknown option" 'blockdev --getcolour /dev/null' '' 2 "blockdev: unknown option '--getcolour'"
check "blockdev: --setbsz needs a size" 'blockdev --setbsz /dev/null' '' 2 'blockdev: --setbsz needs a block size'
check "blockdev: not a block device" ': > f; blockdev --getsize64 f' '' 1 'blockdev: f: getsize64: Inappropriate ioctl'
check "blockdev: missing device" 'blockdev --getsz nosuch' '' 1 'blockdev: nosuch: No such file'
check "blockdev --help" 'blockdev --help | head -n 1' $'Usage: blockdev OPTION... DEVICE\n'
if [ "$(id -u)" = 0 ] && [ -e /dev/loop-control ]; then
check "blockdev: sizes of a loop device" \
	'truncate -s 3M f && L=$(losetup -f --show f) && blockdev --getsize64 --getsz --getsize --getss $L; losetup -d $L' \
	$'3145728\n6144\n6144\n512\n'
check "blockdev --setro, --getro, --setrw, --flushbufs" \
	'truncate -s 1M f && L=$(losetup -f --show f) && blockdev --setro --getro $L && blockdev --setrw --getro --flushbufs $L; losetup -d $L' \
	$'1\n0\n'
fi
