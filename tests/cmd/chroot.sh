# chroot (a tiny root with mini in it)
mkchroot='mkdir -p r/bin && cp "$MINI" r/bin/mini && for c in sh echo true ls; do ln -s mini r/bin/$c; done'
check "chroot runs a command inside" "$mkchroot"'; chroot r /bin/mini ls /' $'bin\n'
check "chroot: the command sees / as the new root" "$mkchroot"'; chroot r /bin/mini ls /bin | head -n 2' $'echo\nls\n'
check "chroot: the status of the command" "$mkchroot"'; chroot r /bin/mini false; echo $?' $'1\n'
check "chroot: the default is \$SHELL -i" "$mkchroot"'; SHELL=/bin/echo chroot r' $'-i\n'
check "chroot: a command not in the new root is 127" "$mkchroot"'; chroot r /bin/nosuch; echo $?' $'127\n' 0 'chroot: /bin/nosuch: No such file'
check "chroot: no such directory" 'chroot /no/such/dir true' '' 1 'chroot: cannot change root directory to /no/such/dir: No such file'
check "chroot: no operand" 'chroot' '' 2 'chroot: missing new root directory'
