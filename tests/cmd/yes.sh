# yes
check "yes says y" 'yes | head -n 3' $'y\ny\ny\n'
check "yes repeats its operands joined" 'yes a b | head -n 2' $'a b\na b\n'
check "yes: a line longer than its buffer" 'yes $(head -c 9000 /dev/zero | tr "\0" x) | head -n 2 | wc -c' $'18002\n'
check "yes writes fast (10 MB)" 'yes | head -c 10000000 | wc -c' $'10000000\n'
check "yes: lines stay whole across writes" 'yes abc | head -n 100000 | uniq -c | sed "s/^ *//"' $'100000 abc\n'
check "yes: unknown option" 'yes -x' '' 2 "yes: unknown option '-x'"
