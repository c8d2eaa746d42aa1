# xxd: the dump, -p -c -g -l -s, and -r back to bytes.
XIN='printf "abcdefghijklmnopqrstu\n\0\377" >f;'
check "xxd default"             "$XIN xxd f" \
$'00000000: 6162 6364 6566 6768 696a 6b6c 6d6e 6f70  abcdefghijklmnop\n00000010: 7172 7374 750a 00ff                      qrstu...\n'
check "xxd -g 1"                "$XIN xxd -g1 f | /usr/bin/tail -n 1" $'00000010: 71 72 73 74 75 0a 00 ff                          qrstu...\n'
check "xxd -c 5 -g 3"           "$XIN xxd -c 5 -g 3 f | /usr/bin/tail -n 2" $'0000000f: 707172 7374  pqrst\n00000014: 750a00 ff    u...\n'
check "xxd -g 0"                "$XIN xxd -g 0 f | /usr/bin/head -n 1" $'00000000: 6162636465666768696a6b6c6d6e6f70  abcdefghijklmnop\n'
check "xxd -p"                  "$XIN xxd -p f" $'6162636465666768696a6b6c6d6e6f7071727374750a00ff\n'
check "xxd -p -c 7"             "$XIN xxd -p -c 7 f" $'61626364656667\n68696a6b6c6d6e\n6f707172737475\n0a00ff\n'
check "xxd -s -l"               "$XIN xxd -s 3 -l 10 f" $'00000003: 6465 6667 6869 6a6b 6c6d                 defghijklm\n'
check "xxd -s from a pipe"      'printf abcdef | xxd -s 0x4' $'00000004: 6566                                     ef\n'
check "xxd empty input"         'xxd </dev/null' ''
check "xxd same as host"        '/usr/bin/head -c 3000 /dev/urandom >f; [ "$(xxd f)" = "$(/usr/bin/xxd f)" ] && [ "$(xxd -p f)" = "$(/usr/bin/xxd -p f)" ] && echo same' $'same\n'
check "xxd -r round trip"       '/usr/bin/head -c 3001 /dev/urandom >f; for o in "" "-c 5" "-g 1" "-g 0" "-c 7 -g 3"; do xxd $o f | xxd -r | cmp - f || echo "$o"; done' ''
check "xxd -r -p round trip"    '/usr/bin/head -c 3001 /dev/urandom >f; xxd -p f | xxd -r -p | cmp - f && echo same' $'same\n'
check "xxd -r -p ignores space" 'echo "61 62
63" | xxd -r -p' 'abc'
check "xxd -r patches OUTFILE"  'printf abcdefgh >f; echo "00000002: 5858" | xxd -r - f; /bin/cat f' 'abXXefgh'
check "xxd -r fills a gap"      'echo "00000003: 41" | xxd -r | od -c' $'0000000  \\0  \\0  \\0   A\n0000004\n'
check "xxd INFILE OUTFILE"      'printf hi >f; xxd -p f out; /bin/cat out' $'6869\n'
check "xxd missing file"        'xxd nosuch' '' 2 'xxd: nosuch: No such file'
check "xxd bad number"          'xxd -c x </dev/null' '' 2 "invalid number 'x'"
check "xxd -r: an offset past any file" 'echo "7fffffffffffffff: 41" | xxd -r | wc -c' $'0\n' 0 "xxd: invalid offset '7fffffffffffffff'"
check "xxd -r: an offset past any file, to a file" 'echo "7fffffffffffffff: 41" | xxd -r > out; s=$?; wc -c < out; exit $s' $'0\n' 1 "invalid offset"
check "xxd -r: a negative offset" 'echo "-10: 41" | xxd -r | wc -c' $'0\n' 0 "xxd: invalid offset '-10'"
check "xxd -r: a gap too big to fill on a pipe" 'echo "10000000: 41" | xxd -r | wc -c' $'0\n' 0 'a gap of more than 16 MB'
check "xxd -r: a big gap in a file is a seek" 'echo "10000000: 41" | xxd -r > out; stat -c %s out; /usr/bin/tail -c 1 out' $'268435457\nA'
