# od: every type and size, radixes, -j -N -v -w, traditional options, "*" lines.
ODIN='printf "abcdefghijklmnopqrstu\n\0\377" >f;'
check "od default (-t o2)"      "$ODIN od f" \
$'0000000 061141 062143 063145 064147 065151 066153 067155 070157\n0000020 071161 072163 005165 177400\n0000030\n'
check "od -t x1 -t c aligned"   "$ODIN od -t x1 -t c f" \
$'0000000  61  62  63  64  65  66  67  68  69  6a  6b  6c  6d  6e  6f  70\n          a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000020  71  72  73  74  75  0a  00  ff\n          q   r   s   t   u  \\n  \\0 377\n0000030\n'
check "od -A x -t d2 -t u4"     "$ODIN od -A x -t d2 -t u4 f" \
$'000000  25185  25699  26213  26727  27241  27755  28269  28783\n          1684234849    1751606885    1818978921    1886350957\n000010  29297  29811   2677   -256\n          1953722993    4278192757\n000018\n'
check "od -t a"                 "$ODIN od -A d -t a f" \
$'0000000   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000016   q   r   s   t   u  nl nul del\n0000024\n'
check "od -A n 8-byte types"    "$ODIN od -A n -t o8 -t x8 -t d8 f" \
$' 0641473146254430661141 0701573346655432665151\n       6867666564636261       706f6e6d6c6b6a69\n    7523094288207667809    8101815670912281193\n 1774000247256434671161\n       ff000a7574737271\n     -72046094456753551\n'
check "od -b -c -d -o -x"       "$ODIN od -b -c -d -o -x f | /usr/bin/head -n 5" \
$'0000000 141 142 143 144 145 146 147 150 151 152 153 154 155 156 157 160\n          a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n          25185   25699   26213   26727   27241   27755   28269   28783\n         061141  062143  063145  064147  065151  066153  067155  070157\n           6261    6463    6665    6867    6a69    6c6b    6e6d    706f\n'
check "od -s -t d1 -t u1"       'printf "\200\377ab" | od -s -t d1 -t u1' \
$'0000000      -128     25185\n        -128   -1   97   98\n         128  255   97   98\n0000004\n'
check "od -t x4 -t dC -t dS -t dI" 'printf "\1\2\3\4" | od -A n -t x4 -t dC -t dS -t dI' \
$'            04030201\n    1    2    3    4\n       513      1027\n            67305985\n'
check "od -t f4 -t f8"          'printf "\0\0\300?\0\0\0\0\0\0\370?\0\0\0\0" | od -A n -t f4 -t f8' \
$'             1.5               0          1.9375               0\n                 5.28426686e-315                 5.30239915e-315\n'
check "od -t cx1 in one string" 'printf "A\n" | od -t cx1' $'0000000   A  \\n\n         41  0a\n0000002\n'
check "od -j -N -A d"           "$ODIN od -A d -j 5 -N 6 -t x1 f" $'0000005 66 67 68 69 6a 6b\n0000011\n'
check "od -j in hex"            "$ODIN od -A x -j 0x10 -t x1 f" $'000010 71 72 73 74 75 0a 00 ff\n000018\n'
check "od -j past end"          "$ODIN od -j 100 f" '' 1 'cannot skip past end'
check "od star for repeats"     '/usr/bin/head -c 48 /dev/zero | od' $'0000000 000000 000000 000000 000000 000000 000000 000000 000000\n*\n0000060\n'
check "od -v shows repeats"     '/usr/bin/head -c 32 /dev/zero | od -v -t x4' $'0000000 00000000 00000000 00000000 00000000\n0000020 00000000 00000000 00000000 00000000\n0000040\n'
check "od -w 8"                 "$ODIN od -w8 -t x2 -N 16 f" $'0000000 6261 6463 6665 6867\n0000010 6a69 6c6b 6e6d 706f\n0000020\n'
check "od odd length o2"        'printf abc | od' $'0000000 061141 000143\n0000003\n'
check "od several files"        'printf ab >x; printf cd >y; od -c x y' $'0000000   a   b   c   d\n0000004\n'
check "od same as host"         '/usr/bin/head -c 3000 /dev/urandom >f; /usr/bin/head -c 64 /dev/zero >>f; for t in x1 o2 d4 u8 a c; do [ "$(od -t $t f)" = "$(/usr/bin/od -t $t f)" ] || echo $t; done' ''
check "od missing file"         'printf ab >x; od -c nosuch x' $'0000000   a   b\n0000002\n' 1 'od: nosuch: No such file'
check "od bad type"             'od -t q </dev/null' '' 2 "invalid type string 'q'"
check "od bad size"             'od -t x3 </dev/null' '' 2 'invalid type size 3'
check "od bad radix"            'od -A z </dev/null' '' 2 "invalid output address radix 'z'"
check "od -j: a count that overflows with its suffix" 'od -j 99999999999999999g /dev/null' '' 2 "od: number too big '99999999999999999g'"
