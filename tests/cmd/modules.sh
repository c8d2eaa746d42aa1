# insmod, rmmod, lsmod, modprobe: what can be tried without touching the host's kernel
# (no module is loaded or removed here; tests/boot/test_modules.py does that in QEMU).
check "insmod --help" 'insmod --help | head -1' $'Usage: insmod FILE [NAME=VALUE]...\n'
check "insmod: no file" 'insmod' '' 2 'insmod: no module FILE given'
check "insmod: missing file" 'insmod nosuch.ko' '' 1 'insmod: nosuch.ko: No such file'
check "insmod: bad option" 'insmod -z x' '' 2 'unknown option'
check "rmmod --help" 'rmmod --help | head -1' $'Usage: rmmod [-f] NAME...\n'
check "rmmod: no name" 'rmmod' '' 2 'rmmod: no module NAME given'
check "rmmod: bad option" 'rmmod -z x' '' 2 'unknown option'
check "lsmod --help" 'lsmod --help | head -1' $'Usage: lsmod\n'
check "lsmod: an operand" 'lsmod x' '' 2 'lsmod: no operands expected'
check "modprobe --help" 'modprobe --help | head -1' $'Usage: modprobe [-q] NAME [NAME=VALUE]...\n'
check "modprobe: no name" 'modprobe' '' 2 'modprobe: no module NAME given'
check "modprobe: bad option" 'modprobe -z x' '' 2 'unknown option'
check "modprobe: unknown module" 'modprobe mini_no_such_module' '' 1 \
	'modprobe: mini_no_such_module: no such module in /lib/modules'
check "modprobe -q: unknown module, quietly" 'modprobe -q mini_no_such_module; echo $?' $'1\n'
