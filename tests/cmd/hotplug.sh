# hotplug (it changes /dev: only its errors here; the real work: tests/boot/test_disks.py)
check "hotplug: extra operand" 'hotplug now' '' 2 "hotplug: extra operand 'now'"
check "hotplug: unknown option" 'hotplug -x' '' 2 "unknown option '-x'"
check "hotplug --help" 'hotplug --help | head -n 1' $'Usage: hotplug [-s | -f]\n'
