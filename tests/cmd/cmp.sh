# cmp: first difference, -l, -s, EOF, skips, exit statuses 0/1/2.
check "cmp same files"          'printf "ab\ncd\n" >a; /bin/cp a b; cmp a b'         ''
check "cmp first difference"    'printf "ab\ncd\nef\n" >a; printf "ab\ncX\nef\n" >b; cmp a b' $'a b differ: byte 5, line 2\n' 1
check "cmp -l lists all"        'printf "abcd" >a; printf "aXcY" >b; cmp -l a b' $'2 142 130\n4 144 131\n' 1
check "cmp -l column widths"    '/usr/bin/head -c 2000 /dev/zero >a; { /usr/bin/head -c 5 /dev/zero; printf a; /usr/bin/head -c 1500 /dev/zero; printf "\n"; } >b; cmp -l a b' \
$'   6   0 141\n1507   0  12\n' 1 'cmp: EOF on b after byte 1507'
check "cmp -s is silent"        'printf "abc" >a; printf "abd" >b; cmp -s a b'  '' 1
check "cmp -s same"             'printf "abc" >a; cmp -s a a'                   ''
check "cmp EOF on shorter"      'printf "abcd" >a; printf "ab" >b; cmp a b'     '' 1 '^cmp: EOF on b after byte 2$'
check "cmp -s EOF quiet"        'printf "abcd" >a; printf "ab" >b; cmp -s a b 2>&1' '' 1
check "cmp stdin"               'printf "abc" >a; printf "abc" | cmp a -'       ''
check "cmp stdin by default"    'printf "abc" >a; printf "abX" | cmp a'         $'a - differ: byte 3, line 1\n' 1
check "cmp skips"               'printf "xxabc" >a; printf "yabc" >b; cmp a b 2 1' ''
check "cmp skip with suffix"    '/usr/bin/head -c 2048 /dev/zero >a; printf "Q" >>a; printf "Q" >b; cmp a b 2k' ''
check "cmp missing file"        'printf a >a; cmp a nosuch'                     '' 2 'cmp: nosuch: No such file'
check "cmp no operand"          'cmp'                                           '' 2 'cmp: missing operand'
check "cmp bad skip"            'printf a >a; cmp a a x'                        '' 2 "invalid skip 'x'"
