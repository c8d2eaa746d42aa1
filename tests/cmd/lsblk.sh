# lsblk (the host's own disks vary: only a loop device this check attaches is looked at)
check "lsblk: not a disk" 'lsblk nosuch' '' 1 'lsblk: nosuch: not a disk'
check "lsblk: unknown option" 'lsblk -q' '' 2 "unknown option '-q'"
check "lsblk: heading" 'lsblk | head -n 1' $'NAME MAJ:MIN SIZE TYPE FSTYPE LABEL MOUNTPOINT\n'
check "lsblk --help" 'lsblk --help | head -n 1' $'Usage: lsblk [-bfn] [DEVICE]...\n'
if [ "$(id -u)" = 0 ] && [ -e /dev/loop-control ] && command -v mkfs.ext2 >/dev/null; then
check "lsblk: a loop device with ext2" \
	'truncate -s 8M f && mkfs.ext2 -q -L LSBLKT f && L=$(losetup -f --show f) && lsblk $L | sed "s/loop[0-9]*  *7:[0-9]* /loopN 7:N /; s/  */ /g"; lsblk -f -n -b $L | awk "{ print \$2, \$3 }"; losetup -d $L' \
	$'NAME MAJ:MIN SIZE TYPE FSTYPE LABEL MOUNTPOINT\nloopN 7:N 8.0M loop ext2 LSBLKT\next2 LSBLKT\n'
fi
