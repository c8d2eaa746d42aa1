# losetup (on the host: loop devices are global, so each check detaches what it attached)
check "losetup: bad offset" 'losetup -o x -f f' '' 2 "losetup: bad offset 'x'"
check "losetup: -d needs a device" 'losetup -d' '' 2 'losetup: -d needs a LOOPDEV'
check "losetup: too many operands" 'losetup a b c' '' 2 'losetup: wrong number of operands'
check "losetup --help" 'losetup --help | head -n 1' $'Usage: losetup [-rP] [-o OFFSET] {-f|LOOPDEV} FILE\n'
if [ "$(id -u)" = 0 ] && [ -e /dev/loop-control ]; then
check "losetup -f --show, show, -d" \
	'truncate -s 1M f && L=$(losetup -f --show f) && losetup $L | sed "s|^/dev/loop[0-9]*: 0 $PWD/|X: 0 |"; losetup -a | grep -c "$PWD/f"; losetup -d $L; losetup -a | grep -c "$PWD/f" || :' \
	$'X: 0 f\n1\n0\n'
check "losetup -o OFFSET -r" \
	'truncate -s 1M f && L=$(losetup -f --show -r -o 4096 f) && losetup $L | sed "s|^/dev/loop[0-9]*: ||; s|$PWD/||"; blockdev --getro --getsize64 $L; losetup -d $L' \
	$'4096 f\n1\n1044480\n'
check "losetup -f prints a free device" 'losetup -f | grep -c "^/dev/loop[0-9]*$"' $'1\n'
check "losetup: a free device" 'L=$(losetup -f) && losetup $L' '' 1 'losetup: /dev/loop[0-9]+: No such device or address'
check "losetup -d: a free device" 'L=$(losetup -f) && losetup -d $L' '' 1 'losetup: /dev/loop[0-9]+: No such device or address'
check "losetup: missing file" 'losetup -f --show nosuch' '' 1 'losetup: nosuch: cannot set up a loop device: No such file'
fi
