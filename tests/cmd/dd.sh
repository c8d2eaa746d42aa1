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
check "dd: bad conv" 'dd conv=foo' '' 2 "dd: invalid conversion: 'foo'"
check "dd: GNU's transfer line" 'dd if=/dev/zero bs=1M count=3 2>&1 >/dev/null | sed -n 3p | sed "s/, [0-9.]* s, .*//"' $'3145728 bytes (3.1 MB, 3.0 MiB) copied\n'
check "dd: 1000 bytes in SI only" 'dd if=/dev/zero bs=1000 count=1 2>&1 >/dev/null | sed -n 3p | sed -E "s/, [0-9.e+-]+ s, .*//"' $'1000 bytes (1.0 kB) copied\n'
# iflag= and oflag=
check "dd: a short read is a partial block" '(printf ab; sleep 0.6; printf cd) | dd bs=4 count=1 2>err; echo; head -1 err' $'ab\n0+1 records in\n'
check "dd: iflag=fullblock fills the block" '(printf ab; sleep 0.3; printf cd) | dd bs=4 count=1 iflag=fullblock 2>err; echo; head -1 err' $'abcd\n1+0 records in\n'
check "dd: iflag=count_bytes" 'dd if=/dev/zero bs=10 count=25 iflag=count_bytes 2>err | wc -c; head -2 err' $'25\n2+1 records in\n2+1 records out\n'
check "dd: count=NB counts bytes" 'dd if=/dev/zero bs=10 count=25B status=none | wc -c' $'25\n'
check "dd: iflag=skip_bytes" 'printf 0123456789 > in; dd if=in bs=4 skip=3 iflag=skip_bytes status=none' '3456789'
check "dd: skip_bytes on a pipe" 'printf 0123456789 | dd bs=4 skip=3 iflag=skip_bytes status=none' '3456789'
check "dd: skip=NB count=NB" 'printf 0123456789 | dd skip=3B count=4B status=none' '3456'
check "dd: iseek= oseek=" 'printf 0123456789 > in; printf abcdef > out; dd if=in of=out bs=2 iseek=1 oseek=1 count=1 conv=notrunc status=none; cat out' 'ab23ef'
check "dd: oflag=seek_bytes" 'printf abcdef > out; printf XY | dd of=out seek=3 oflag=seek_bytes conv=notrunc status=none; cat out' 'abcXYf'
check "dd: oflag=append keeps the data" 'printf abc > out; printf XY | dd of=out oflag=append status=none; cat out' 'abcXY'
check "dd: oflag=append on standard output" 'printf abc > out; printf XY | dd oflag=append status=none 1<>out; cat out' 'abcXY'
check "dd: iflag=direct oflag=direct,sync,dsync" 'head -c 5000 /dev/urandom > in; dd if=in of=out iflag=direct oflag=direct,sync,dsync bs=4096 2>err; cmp in out && head -2 err' $'1+1 records in\n1+1 records out\n'
check "dd: iflag=nonblock,noatime on standard input" 'printf abc > in; dd iflag=nonblock,noatime,noctty status=none < in' 'abc'
check "dd: iflag=nofollow" 'printf abc > in; ln -s in link; dd if=link iflag=nofollow status=none' '' 1 'dd: link: '
check "dd: iflag=directory on a file" 'printf abc > in; dd if=in iflag=directory status=none' '' 1 'dd: in: Not a directory'
check "dd: bad input flag" 'dd iflag=fullblock,foo' '' 2 "dd: invalid input flag: 'foo'"
check "dd: fullblock is no output flag" 'dd oflag=fullblock' '' 2 "dd: invalid output flag: 'fullblock'"
check "dd: bad status level" 'dd status=all' '' 2 "dd: invalid status level: 'all'"
# conv=
check "dd: conv=swab" 'printf abcde | dd conv=swab status=none' 'badce'
check "dd: conv=swab in each block" 'printf abcde | dd bs=3 conv=swab status=none' 'baced'
check "dd: conv=sync,swab pads first" 'printf abc | dd bs=4 conv=sync,swab status=none | od -An -c | tr -s " "' $' b a \\0 c\n'
check "dd: conv=ucase" 'printf "Hello, World 1" | dd conv=ucase status=none' 'HELLO, WORLD 1'
check "dd: conv=lcase" 'printf "Hello, World 1" | dd conv=lcase status=none' 'hello, world 1'
check "dd: lcase and ucase" 'dd conv=lcase,ucase' '' 2 'dd: cannot combine lcase and ucase'
check "dd: conv=excl makes a new file" 'printf abc | dd of=out conv=excl status=none; cat out' 'abc'
check "dd: conv=excl refuses an existing one" 'printf old > out; printf abc | dd of=out conv=excl status=none; cat out' 'old' 0 'dd: out: File exists'
check "dd: conv=nocreat writes an existing file" 'printf old > out; printf abc | dd of=out conv=nocreat status=none; cat out' 'abc'
check "dd: conv=nocreat creates nothing" 'printf abc | dd of=out conv=nocreat status=none; echo $?; ls' $'1\n' 0 'dd: out: No such file'
check "dd: excl and nocreat" 'dd conv=excl,nocreat' '' 2 'dd: cannot combine excl and nocreat'
check "dd: conv=fsync,fdatasync" 'printf abc | dd of=out conv=fsync,fdatasync status=none; cat out' 'abc'
# numbers
check "dd: kB and KiB" 'dd if=/dev/zero bs=1kB count=1 status=none | wc -c; dd if=/dev/zero bs=1KiB count=1 status=none | wc -c' $'1000\n1024\n'
check "dd: K, MB, M, w, c" 'for n in 1K 1MB 1M 3w 5c 1B; do dd if=/dev/zero ibs=$n count=1 status=none | wc -c; done' $'1024\n1000000\n1048576\n6\n5\n1\n'
check "dd: NxM" 'dd if=/dev/zero bs=2x3 count=1x2 status=none | wc -c' $'12\n'
check "dd: no m suffix" 'dd bs=3m' '' 2 "dd: invalid number: '3m'"
check "dd: x without a factor" 'dd bs=1x' '' 2 "dd: invalid number: '1x'"
check "dd: a number too big" 'dd count=99999999999E' '' 2 "dd: invalid number: '99999999999E'"
check "dd: bs=0" 'dd bs=0' '' 2 "invalid block size"
# statistics
check "dd: 1 byte copied" 'printf x | dd 2>&1 >/dev/null | sed -n 3p | cut -d, -f1' $'1 byte copied\n'
check "dd: seconds as %g" 'printf x | dd 2>&1 >/dev/null | sed -n "3s/.*copied, \(.*\) s, .*/\1/p" | grep -cE "^(0\.0{0,3}[1-9][0-9]{0,5}|[1-9][0-9.]{0,6}|[1-9](\.[0-9]{1,5})?e-0[5-9])$"' $'1\n'
check "dd: a slow rate is in kB/s" '(sleep 1.1; printf x) | dd 2>&1 >/dev/null | sed -n "3s/.* s, //p"' $'0.0 kB/s\n'
check "dd: status=progress" '(printf a; sleep 2.2; printf b) | dd bs=1 status=progress 2>&1 >/dev/null | tr "\r" "\n" | grep -cE "^2 bytes copied, [0-9]+ s, 0.0 kB/s"' $'1\n'
check "dd: status=progress then the statistics" 'printf ab | dd bs=1 status=progress 2>&1 >/dev/null | head -2' $'2+0 records in\n2+0 records out\n'
check "dd --help" 'dd --help | grep -c "iflag="' $'2\n'
