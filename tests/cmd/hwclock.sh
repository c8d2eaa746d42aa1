# hwclock (this host has no /dev/rtc: the errors; reading and writing: tests/boot/smoke_sys.txt)
check "hwclock: a missing device" 'hwclock -f /no/such/rtc' '' 1 'hwclock: /no/such/rtc: No such file or directory'
check "hwclock: not an RTC" 'hwclock -f /dev/null' '' 1 'hwclock: cannot read the hardware clock:'
check "hwclock: no clock at all" '[ -e /dev/rtc ] || [ -e /dev/rtc0 ] && { echo "hwclock: no hardware clock" >&2; exit 1; }; hwclock -r' '' 1 'hwclock: no hardware clock'
check "hwclock: extra operand" 'hwclock x' '' 2 "hwclock: extra operand 'x'"
check "hwclock: unknown option" 'hwclock -z' '' 2 "hwclock: unknown option '-z'"
check "hwclock: the long options" 'hwclock --show -f /no/such/rtc; hwclock --systohc --utc -f /no/such/rtc' '' 1 'hwclock: /no/such/rtc: No such file or directory'
