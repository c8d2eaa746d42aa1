# hdparm (no IDE disk on the host: the errors; a real one: tests/boot/test_disks.py)
check "hdparm: no device" 'hdparm -i' '' 2 'hdparm: no device given'
check "hdparm: missing device" 'hdparm -i /no/such/dev' '' 1 'hdparm: /no/such/dev: No such file'
check "hdparm: not a disk" 'hdparm -I /dev/null' $'\n/dev/null:\n\n' 1 'hdparm: /dev/null: the driver gives no drive identity'
check "hdparm --help" 'hdparm --help | head -n 1' $'Usage: hdparm [-i|-I] DEVICE...\n'
