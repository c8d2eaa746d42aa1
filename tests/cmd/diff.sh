# diff: normal, context and unified output, -C, -U, -q, -r, -N, exit statuses, and the host's diff -u as a reference.
DSETUP='/usr/bin/seq 1 20 >a; /usr/bin/sed -e "s/^3\$/three/" -e "/^10\$/d" -e "s/^18\$/18\nx/" a >b; /usr/bin/touch -d "2020-01-02 03:04:05.123456789" a b; export TZ=UTC;'
check "diff same files"         '/usr/bin/seq 5 >a; /usr/bin/seq 5 >b; diff a b'                  ''
check "diff normal format"      "$DSETUP diff a b" \
$'3c3\n< 3\n---\n> three\n10d9\n< 10\n18a18\n> x\n' 1
check "diff -u"                 "$DSETUP diff -u a b" \
$'--- a\t2020-01-02 03:04:05.123456789 +0000\n+++ b\t2020-01-02 03:04:05.123456789 +0000\n@@ -1,13 +1,12 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n 11\n 12\n 13\n@@ -16,5 +15,6 @@\n 16\n 17\n 18\n+x\n 19\n 20\n' 1
check "diff -U 1"               "$DSETUP diff -U 1 a b | /usr/bin/tail -n +3" \
$'@@ -2,3 +2,3 @@\n 2\n-3\n+three\n 4\n@@ -9,3 +9,2 @@\n 9\n-10\n 11\n@@ -18,2 +17,3 @@\n 18\n+x\n 19\n' 0
check "diff -U0 ranges"         'printf "a\nb\nc\n" >x; printf "b\nc\nd\n" >y; diff -U0 x y | /usr/bin/tail -n +3' \
$'@@ -1 +0,0 @@\n-a\n@@ -3,0 +3 @@\n+d\n'
check "diff -c"                 "$DSETUP diff -c a b" \
$'*** a\tThu Jan  2 03:04:05 2020\n--- b\tThu Jan  2 03:04:05 2020\n***************\n*** 1,13 ****\n  1\n  2\n! 3\n  4\n  5\n  6\n  7\n  8\n  9\n- 10\n  11\n  12\n  13\n--- 1,12 ----\n  1\n  2\n! three\n  4\n  5\n  6\n  7\n  8\n  9\n  11\n  12\n  13\n***************\n*** 16,20 ****\n--- 15,20 ----\n  16\n  17\n  18\n+ x\n  19\n  20\n' 1
check "diff -C 1"               "$DSETUP diff -C 1 a b | /usr/bin/sed 1,2d" \
$'***************\n*** 2,4 ****\n  2\n! 3\n  4\n--- 2,4 ----\n  2\n! three\n  4\n***************\n*** 9,11 ****\n  9\n- 10\n  11\n--- 9,10 ----\n***************\n*** 18,19 ****\n--- 17,19 ----\n  18\n+ x\n  19\n'
check "diff -C0 ranges"         'printf "a\nb\nc\n" >x; printf "b\nc\nd\n" >y; diff -C0 x y | /usr/bin/sed 1,2d' \
$'***************\n*** 1 ****\n- a\n--- 0 ----\n***************\n*** 3 ****\n--- 3 ----\n+ d\n'
check "diff -c empty vs lines"  'printf "" >x; printf "a\nb\n" >y; diff -c x y | /usr/bin/sed 1,2d; diff -c y x | /usr/bin/sed 1,2d' \
$'***************\n*** 0 ****\n--- 1,2 ----\n+ a\n+ b\n***************\n*** 1,2 ****\n- a\n- b\n--- 0 ----\n'
check "diff -c no newline at end" 'printf "x\ny" >a; printf "x\nz" >b; diff -c a b | /usr/bin/sed 1,2d' \
$'***************\n*** 1,2 ****\n  x\n! y\n\\ No newline at end of file\n--- 1,2 ----\n  x\n! z\n\\ No newline at end of file\n'
check "diff -N -c missing file" 'echo a >x; /usr/bin/touch -d "2021-05-06 07:08:09" x; TZ=UTC diff -N -c nosuch x' \
$'*** nosuch\tThu Jan  1 00:00:00 1970\n--- x\tThu May  6 07:08:09 2021\n***************\n*** 0 ****\n--- 1 ----\n+ a\n' 1
check "diff empty vs lines"     'printf "" >x; printf "a\nb\n" >y; diff x y; diff y x' $'0a1,2\n> a\n> b\n1,2d0\n< a\n< b\n' 1
check "diff no newline at end"  'printf "x\ny" >a; printf "x\nz" >b; diff a b' \
$'2c2\n< y\n\\ No newline at end of file\n---\n> z\n\\ No newline at end of file\n' 1
check "diff newline only differs" 'printf "x" >a; printf "x\n" >b; diff a b' $'1c1\n< x\n\\ No newline at end of file\n---\n> x\n' 1
check "diff -b"                 'printf "a b\nX\n  c  d  \n" >x; printf "a   b\nx\n c d\n" >y; diff -b x y' $'2c2\n< X\n---\n> x\n' 1
check "diff -w"                 'printf "a b\n c\n" >x; printf "ab\nc  \n" >y; diff -w x y' ''
check "diff -i"                 'printf "Hello\nX\n" >x; printf "hello\nY\n" >y; diff -i x y' $'2c2\n< X\n---\n> Y\n' 1
check "diff -wi like host"      'printf "a b\nX\n  c  d  \nend\n" >x; printf "a   b\nx\n c d\nend\n" >y; for o in -b -w -i -bi -wi -qw -ub; do [ "$(diff $o x y; echo $?)" = "$(/usr/bin/diff $o x y; echo $?)" ] || echo $o; done' ''
check "diff -q -w same"         'printf "a b\n" >x; printf "ab\n" >y; diff -q -w x y' ''
check "diff -q"                 'echo a >x; echo b >y; diff -q x y'             $'Files x and y differ\n' 1
check "diff -q same"            'echo a >x; echo a >y; diff -q x y'             ''
check "diff binary files"       'printf "a\0b" >x; printf "a\0c" >y; diff x y'  $'Binary files x and y differ\n' 1
check "diff -a binary as text"  'printf "a\0b\n" >x; printf "a\0c\n" >y; diff -a x y | /usr/bin/head -n1' $'1c1\n'
check "diff stdin"              'echo a >x; echo b | diff x -'                  $'1c1\n< a\n---\n> b\n' 1
check "diff file and directory" '/bin/mkdir d; echo a >x; echo b >d/x; diff x d'     $'1c1\n< a\n---\n> b\n' 1
check "diff -N missing file"    'echo a >x; /usr/bin/touch -d "2021-05-06 07:08:09" x; TZ=UTC diff -N -u nosuch x' \
$'--- nosuch\t1970-01-01 00:00:00.000000000 +0000\n+++ x\t2021-05-06 07:08:09.000000000 +0000\n@@ -0,0 +1 @@\n+a\n' 1
check "diff -N both forms"      'echo a >x; diff -N x nosuch'                   $'1d0\n< a\n' 1
check "diff directories"        '/bin/mkdir -p a/s b/s a/only; echo 1 >a/f; echo 2 >b/f; echo x >a/g; echo y >b/h; echo 1 >a/same; echo 1 >b/same; diff a b' \
$'diff a/f b/f\n1c1\n< 1\n---\n> 2\nOnly in a: g\nOnly in b: h\nOnly in a: only\nCommon subdirectories: a/s and b/s\n' 1
check "diff -r"                 '/bin/mkdir -p a/s b/s; echo 1 >a/s/f; echo 2 >b/s/f; echo z >b/s/new; diff -r a b' \
$'diff -r a/s/f b/s/f\n1c1\n< 1\n---\n> 2\nOnly in b/s: new\n' 1
check "diff -rq"                '/bin/mkdir -p a/s b/s; echo 1 >a/s/f; echo 2 >b/s/f; diff -rq a b' $'Files a/s/f and b/s/f differ\n' 1
check "diff -rN"                '/bin/mkdir -p a b; echo 1 >a/f; echo 2 >b/g; diff -rN a b' \
$'diff -rN a/f b/f\n1d0\n< 1\ndiff -rN a/g b/g\n0a1\n> 2\n' 1
check "diff -r file vs dir"     '/bin/mkdir -p a/x b; echo 1 >b/x; diff -r a b'       $'File a/x is a directory while file b/x is a regular file\n' 1
check "diff -r same trees"      '/bin/mkdir -p a/s b/s; echo 1 >a/s/f; echo 1 >b/s/f; diff -r a b' ''
check "diff -rc"                '/bin/mkdir -p a/s b/s; echo 1 >a/s/f; echo 2 >b/s/f; echo z >b/s/new; /usr/bin/touch -d "2020-01-02 03:04:05" a/s/f b/s/f; TZ=UTC diff -rc a b' \
$'diff -rc a/s/f b/s/f\n*** a/s/f\tThu Jan  2 03:04:05 2020\n--- b/s/f\tThu Jan  2 03:04:05 2020\n***************\n*** 1 ****\n! 1\n--- 1 ----\n! 2\nOnly in b/s: new\n' 1
check "diff -r -C 1 like host"  '/bin/mkdir -p a/s b/s; /usr/bin/seq 10 >a/s/f; /usr/bin/seq 0 11 >b/s/f; echo z >b/s/new; /usr/bin/seq 5 >a/g; /usr/bin/seq 4 >b/g; /usr/bin/touch -d "2020-01-02" a/s/f b/s/f a/g b/g
	for o in "-r -C 1" -rc -rNc; do [ "$(diff $o a b; echo $?)" = "$(LC_ALL=C /usr/bin/diff $o a b; echo $?)" ] || echo "$o"; done' ''
check "diff -u like host diff -u" 'for seed in 1 2 3 4 5 6; do
	/usr/bin/awk -v s=$seed "BEGIN { srand(s); for (i = 0; i < 300; i++) print \"line \" int(rand() * 1000000) }" >a
	/usr/bin/awk -v s=$seed "BEGIN { srand(s * 7) } { r = rand(); if (r < 0.03) next; if (r < 0.06) print \"new \" NR; if (r < 0.08) print \"changed \" NR; else print }" a >b
	for u in -u -U0 -U5 ""; do
		[ "$(diff $u a b | /usr/bin/tail -n +3)" = "$(/usr/bin/diff $u a b | /usr/bin/tail -n +3)" ] || echo "seed $seed $u differs"
	done
done' ''
check "diff -c like host diff -c" 'for seed in 1 2 3 4 5 6; do
	/usr/bin/awk -v s=$seed "BEGIN { srand(s); for (i = 0; i < 300; i++) print \"line \" int(rand() * 1000000) }" >a
	/usr/bin/awk -v s=$seed "BEGIN { srand(s * 7) } { r = rand(); if (r < 0.03) next; if (r < 0.06) print \"new \" NR; if (r < 0.08) print \"changed \" NR; else print }" a >b
	for c in -c -C0 -C1 -C5; do
		[ "$(diff $c a b | /usr/bin/tail -n +3)" = "$(/usr/bin/diff $c a b | /usr/bin/tail -n +3)" ] || echo "seed $seed $c differs"
	done
done' ''
check "diff repeated lines like host" 'for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
	/usr/bin/awk -v s=$seed "BEGIN { srand(s); for (i = 0; i < 300; i++) print \"line \" int(rand() * 20) }" >a
	/usr/bin/awk -v s=$seed "BEGIN { srand(s * 7) } { r = rand(); if (r < 0.05) next; if (r < 0.1) print \"new \" NR; if (r < 0.13) print \"changed \" NR; else print }" a >b
	for o in -c -C1 -u -U2 -U0 ""; do
		[ "$(diff $o a b | /usr/bin/tail -n +3)" = "$(/usr/bin/diff $o a b | /usr/bin/tail -n +3)" ] || echo "seed $seed $o differs"
	done
done' ''
check "diff 100k lines fast"    '/usr/bin/seq 100000 | /usr/bin/sed "s/\$/ text/" >a; /usr/bin/sed -e "500s/.*/x/" -e "50000d" -e "99999a\\
y" a >b; start=$(/usr/bin/date +%s%N); diff a b >out; s=$?; end=$(/usr/bin/date +%s%N); /bin/cat out; [ $(( (end - start) / 1000000 )) -lt 1000 ] && echo fast; exit $s' \
$'500c500\n< 500 text\n---\n> x\n50000d49999\n< 50000 text\n99999a99999\n> y\nfast\n' 1
check "diff many differences"   '/usr/bin/seq 1 20000 >a; /usr/bin/seq 1 2 40000 >b; diff a b | /usr/bin/wc -l' $'30001\n'
check "diff missing file"       'echo a >x; diff x nosuch'                      '' 2 'diff: nosuch: No such file'
check "diff missing operand"    'diff x'                                        '' 2 'diff: missing operand'
check "diff bad -U"             'diff -U x a b'                                 '' 2 "invalid context length 'x'"
check "diff bad -C"             'diff -C -1 a b'                                '' 2 "invalid context length '-1'"
check "diff -r: FIFOs and devices inside a tree are reported, not read" 'mkdir a b; mkfifo a/p b/p; echo 1 > a/f; echo 1 > b/f; touch b/n; mknod a/n c 1 3 2>/dev/null || mkfifo a/n; diff -r a b > out; echo "status $?"; sed "s/character special file/fifo/" out' $'status 1\nFile a/n is a fifo while file b/n is a regular empty file\nFile a/p is a fifo while file b/p is a fifo\n'
check "diff -L and --label replace the names and times" 'echo 1 > f; echo 2 > g; diff -u -L A --label B f g; diff -c --label=X --label=Y f g | head -n2' $'--- A\n+++ B\n@@ -1 +1 @@\n-1\n+2\n*** X\n--- Y\n'
check "diff: a third label is refused" 'touch f g; diff -L a -L b -L c f g' '' 2 'too many file label options'
