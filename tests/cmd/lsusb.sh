# lsusb (this host may have no USB at all: then the list is empty)
check "lsusb: one line per USB device" 'lsusb | wc -l' "$(ls /sys/bus/usb/devices 2>/dev/null | grep -vc :)"$'\n'
check "lsusb: the layout" 'lsusb | grep -cvE "^Bus [0-9]{3} Device [0-9]{3}: ID [0-9a-f]{4}:[0-9a-f]{4}$"' $'0\n' 1
check "lsusb: extra operand" 'lsusb x' '' 2 "lsusb: extra operand 'x'"
