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
check "hexdump: empty input prints nothing" 'hexdump < /dev/null; hexdump -C < /dev/null; hexdump -x < /dev/null; : > e; hexdump e' ''
check "hexdump -b -c -d -o -x" "$HDIN hexdump -b f; hexdump -c -n 8 f; hexdump -d -n 4 f; hexdump -o -n 3 f; hexdump -x -s 20 f" \
$'0000000 141 142 143 144 145 146 147 150 151 152 153 154 155 156 157 160\n0000010 161 162 163 164 165 012 000 377                                \n0000018\n0000000   a   b   c   d   e   f   g   h                                \n0000008\n0000000   25185   25699                                                \n0000004\n0000000  061141  000143                                                \n0000003\n0000014    0a75    ff00                                                \n0000018\n'
check "hexdump -e: iterations, byte counts, offsets, characters" \
	"$HDIN hexdump -e '\"%_ad: \" 4/1 \"%_p\" \"\\n\"' -n 9 f; hexdump -e '2/4 \"%08x \" \"\\n\"' -n 8 f; hexdump -e '\"%_u \"' -s 21 f; echo; hexdump -e '1/2 \"%d \"' -e '\"%_Ax\\n\"' -n 4 f" \
	$'0: abcd\n4: efgh\n8: i\n64636261 68676665\nlf nul ff \n25185 25699 4\n'
check "hexdump -e and -b -c -d -o -x as util-linux prints them" \
	'/usr/bin/head -c 3000 /dev/urandom > f; /usr/bin/head -c 100 /dev/zero >> f; printf abc >> f
for o in -b -c -d -o -x "-b -c" "-n 21 -s 3 -x"; do hexdump $o f > mine; /usr/bin/hexdump $o f | cmp -s - mine || echo "$o differs"; done
cat > formats <<"END"
"%07.7_ax " 8/2 "%04x " "\n"
"%_ad: " 4/1 "%_c" "\n"
"%_ax: " 8/2 "%6d" "\n"
4/4 "%08x " "\n"
"%_ao " 2/4 "%x " 1/8 "%g" "\n"
"%_ax " 3/1 "%_p" "\n"
END
while IFS= read -r e; do hexdump -e "$e" f > mine; /usr/bin/hexdump -e "$e" f | cmp -s - mine || echo "$e differs"; done < formats
hexdump -C -e "\"%_ax\\n\"" f > mine; /usr/bin/hexdump -C -e "\"%_ax\\n\"" f | cmp -s - mine || echo "-C -e differs"' ''
check "hexdump -e: a bad format" 'hexdump -e "4/1 %x" < /dev/null; hexdump -e "\"%s\"" < /dev/null' '' 2 "hexdump: bad format '4/1 %x'"
