# truncate
check "truncate -s: makes a file of that size" 'truncate -s 100 f; stat -c %s f' $'100\n'
check "truncate -s: shrinks" 'printf 123456 > f; truncate -s 3 f; cat f' '123'
check "truncate -s: suffixes" 'truncate -s 2k a; truncate -s 1M b; truncate -s 1G c; stat -c %s a b c' $'2048\n1048576\n1073741824\n'
check "truncate -s: a hole takes no space" 'truncate -s 10M f; stat -c %b f' $'0\n'
check "truncate -s +: grows" 'printf 12345 > f; truncate -s +5 f; stat -c %s f' $'10\n'
check "truncate -s -: shrinks by" 'printf 12345 > f; truncate -s -2 f; cat f' '123'
check "truncate: beyond 2 GiB" 'truncate -s 5G f; stat -c %s f' $'5368709120\n'
check "truncate -c: no new files" 'truncate -c -s 10 f; ls' ''
check "truncate: bad size" 'truncate -s 1x f' '' 2 "invalid size '1x'"
check "truncate: missing -s" 'truncate f' '' 2 'missing -s'
check "truncate: cannot open" 'truncate -s 1 nosuch/f' '' 1 'truncate: nosuch/f: No such file'
