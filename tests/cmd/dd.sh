# dd (its statistics go to stderr)
check "dd: stdin to stdout" 'printf hello | dd 2>/dev/null' 'hello'
check "dd: records in and out" 'printf hello | dd 2>&1 >/dev/null | head -2' $'0+1 records in\n0+1 records out\n'
check "dd: bytes copied line" 'printf hello | dd 2>&1 >/dev/null | sed -n 3p | cut -d" " -f1-3' $'5 bytes copied,\n'
check "dd: if= of= bs= count=" 'head -c 10000 /dev/zero > in; dd if=in of=out bs=1k count=3 2>err; stat -c %s out; head -2 err' $'3072\n3+0 records in\n3+0 records out\n'
check "dd: ibs= obs= reblock" 'head -c 3072 /dev/zero > in; dd if=in of=out ibs=100 obs=1000 2>err; stat -c %s out; head -2 err' $'3072\n30+1 records in\n3+1 records out\n'
check "dd: skip=" 'printf 0123456789 > in; dd if=in bs=2 skip=3 status=none' '6789'
check "dd: skip= on a pipe" 'printf 0123456789 | dd bs=2 skip=3 status=none' '6789'
check "dd: seek= keeps what is before" 'printf abcdef > out; printf XY | dd of=out bs=2 seek=1 status=none; cat out' 'abXY'
check "dd: conv=notrunc keeps what is after" 'printf abcdef > out; printf XY | dd of=out bs=2 seek=1 conv=notrunc status=none; cat out' 'abXYef'
check "dd: conv=sync pads blocks" 'printf abc | dd bs=8 conv=sync status=none | od -An -c | tr -s " "' $' a b c \\0 \\0 \\0 \\0 \\0\n'
check "dd: conv=noerror goes on" 'mkdir d; dd if=d of=out conv=noerror,sync count=1 status=none; echo $?; wc -c < out' $'1\n512\n' 0 'dd: d: Is a directory'
check "dd: count=0" 'printf abc | dd count=0 status=none' ''
check "dd: suffixes" 'dd if=/dev/zero bs=1k count=2b status=none | wc -c' $'1048576\n'
check "dd: status=noxfer" 'printf x | dd status=noxfer 2>&1 >/dev/null' $'0+1 records in\n0+1 records out\n'
check "dd: status=none" 'printf x | dd status=none 2>&1 >/dev/null' ''
check "dd: seek past 2 GiB" 'printf x | dd of=big bs=1M seek=3000 status=none; stat -c %s big' $'3145728001\n'
check "dd: missing input" 'dd if=nosuch' '' 1 'dd: nosuch: No such file'
check "dd: bad operand" 'dd foo=bar' '' 2 "unknown operand 'foo=bar'"
check "dd: bad number" 'dd bs=x' '' 2 "invalid number"
check "dd: bad conv" 'dd conv=swab' '' 2 "invalid conversion 'swab'"
check "dd: GNU's transfer line" 'dd if=/dev/zero bs=1M count=3 2>&1 >/dev/null | sed -n 3p | sed "s/, [0-9.]* s, .*//"' $'3145728 bytes (3.1 MB, 3.0 MiB) copied\n'
check "dd: 1000 bytes in SI only" 'dd if=/dev/zero bs=1000 count=1 2>&1 >/dev/null | sed -n 3p | sed "s/, [0-9.]* s, .*//"' $'1000 bytes (1.0 kB) copied\n'
