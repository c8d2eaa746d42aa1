# stty (on a pseudo-terminal made by script(1); the host's own terminal is never touched)
# tty_run 'stty ...': run mini's commands in a fresh pty, output with \r removed. script
# passes the end of its empty input to the pty as ^D, which a terminal in echo mode may
# print back as "^D", or not, as the scheduler has it: that is removed too.
tty_run='run() { script -qc "$1" /dev/null </dev/null | tr -d "\r" | sed "s/\^D//g"; }'
check "stty: not a terminal" 'stty' '' 1 'stty: standard input: '
check "stty: sane shows only the differences" "$tty_run"'; run "stty sane; stty"' $'speed 38400 baud; line = 0;\n'
check "stty -echo, then echo" "$tty_run"'; run "stty sane -echo; stty; stty echo; stty"' $'speed 38400 baud; line = 0;\n-echo\nspeed 38400 baud; line = 0;\n'
check "stty raw and -raw" "$tty_run"'; run "stty sane raw; stty; stty -raw; stty sane; stty"' $'speed 38400 baud; line = 0;\n-brkint -icrnl -ixon -imaxbel\n-opost\n-isig -icanon\nspeed 38400 baud; line = 0;\n'
check "stty cooked" "$tty_run"'; run "stty sane raw cooked -istrip; stty"' $'speed 38400 baud; line = 0;\n-imaxbel\n'
check "stty rows cols and size" "$tty_run"'; run "stty rows 30 cols 100; stty size"' $'30 100\n'
check "stty columns" "$tty_run"'; run "stty columns 90 rows 20; stty size"' $'20 90\n'
check "stty speeds" "$tty_run"'; run "stty 9600; stty speed; stty ispeed 19200 ospeed 19200; stty speed"' $'9600\n19200\n'
check "stty control characters" "$tty_run"'; run "stty sane intr ^X erase ^H kill undef; stty | sed -n 2p"' $'intr = ^X; erase = ^H; kill = <undef>;\n'
check "stty -a" "$tty_run"'; run "stty sane; stty -a" | sed -n "1s/rows [0-9]*; columns [0-9]*/R C/p;3p;6p"' $'speed 38400 baud; R C; line = 0;\n-parenb -parodd cs8 -hupcl -cstopb cread -clocal -crtscts\nisig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt echoctl echoke\n'
check "stty -g can be read back" "$tty_run"'; run "stty sane; s=\$(stty -g); stty raw -echo; stty \$s; stty"' $'speed 38400 baud; line = 0;\n'
check "stty -F DEVICE" "$tty_run"'; run "stty -F \$(tty) sane -echo; stty -F \$(tty)"' $'speed 38400 baud; line = 0;\n-echo\n'
check "stty: unknown setting" "$tty_run"'; run "stty bogus; echo \$?"' $'stty: invalid argument \'bogus\'\nUsage: stty [-F DEVICE] [-a | -g | SETTING...]\n2\n'
check "stty: missing argument" "$tty_run"'; run "stty rows 2>&1; echo \$?" | sed -n "1p;3p"' $'stty: missing argument to \'rows\'\n2\n'
check "stty -F: no such device" 'stty -F /no/such/tty' '' 1 'stty: /no/such/tty: No such file or directory'
