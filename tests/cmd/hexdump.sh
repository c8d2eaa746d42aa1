# hexdump: the default format, -C, -n -s -v, "*" lines.
HDIN='printf "abcdefghijklmnopqrstu\n\0\377" >f;'
check "hexdump default"         "$HDIN hexdump f" \
$'0000000 6261 6463 6665 6867 6a69 6c6b 6e6d 706f\n0000010 7271 7473 0a75 ff00                    \n0000018\n'
check "hexdump -C"              "$HDIN hexdump -C f" \
$'00000000  61 62 63 64 65 66 67 68  69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|\n00000010  71 72 73 74 75 0a 00 ff                           |qrstu...|\n00000018\n'
check "hexdump -C -s -n"        "$HDIN hexdump -C -s 3 -n 20 f" \
$'00000003  64 65 66 67 68 69 6a 6b  6c 6d 6e 6f 70 71 72 73  |defghijklmnopqrs|\n00000013  74 75 0a 00                                       |tu..|\n00000017\n'
check "hexdump star"            '/usr/bin/head -c 48 /dev/zero >f; printf abc >>f; hexdump -C f' \
$'00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n00000030  61 62 63                                          |abc|\n00000033\n'
check "hexdump -v"              '/usr/bin/head -c 32 /dev/zero | hexdump -v' \
$'0000000 0000 0000 0000 0000 0000 0000 0000 0000\n0000010 0000 0000 0000 0000 0000 0000 0000 0000\n0000020\n'
check "hexdump odd length"      'printf abc | hexdump' $'0000000 6261 0063                              \n0000003\n'
check "hexdump same as host"    '/usr/bin/head -c 3000 /dev/urandom >f; [ "$(hexdump -C f)" = "$(/usr/bin/hexdump -C f)" ] && [ "$(hexdump f)" = "$(/usr/bin/hexdump f)" ] && echo same' $'same\n'
check "hexdump missing file"    'hexdump nosuch' '' 1 'hexdump: nosuch: No such file'
check "hexdump bad option"      'hexdump -t x1 </dev/null' '' 2 "unknown option '-t'"
check "hexdump -s: a count that overflows with its suffix" 'hexdump -s 9999999999999999999k /dev/null' '' 2 "hexdump: number too big"
