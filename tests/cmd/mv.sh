# mv: renames, moves into directories, across file systems.
check "mv: rename" 'echo x > a; mv a b; cat b; [ -e a ] || echo gone' $'x\ngone\n'
check "mv: into a directory" 'echo x > a; echo y > b; mkdir d; mv a b d; cat d/a d/b' $'x\ny\n'
check "mv: a directory" 'mkdir -p d/e; mv d f; ls f' $'e\n'
check "mv: over a file" 'echo new > a; echo old > b; mv a b; cat b' $'new\n'
check "mv -n: never overwrite" 'echo new > a; echo old > b; mv -n a b; cat a b' $'new\nold\n'
check "mv -i: no keeps both" 'echo new > a; echo old > b; echo n | mv -i a b 2>/dev/null; cat a b' $'new\nold\n'
check "mv -i: yes moves" 'echo new > a; echo old > b; echo y | mv -i a b 2>/dev/null; cat b' $'new\n'
check "mv -f: no questions" 'echo new > a; echo old > b; mv -i -f a b </dev/null; cat b' $'new\n'
check "mv -v" ': > a; mv -v a b' $'renamed \x27a\x27 -> \x27b\x27\n'
check "mv: across file systems copies, then removes" \
	'src=/dev/shm/mini-mv-$$; mkdir -p $src/d; echo x > $src/d/f; ln -s f $src/d/l; mv $src/d here; cat here/f; readlink here/l; [ -e $src/d ] || echo gone; rm -rf $src' \
	$'x\nf\ngone\n'
check "mv: into itself" 'mkdir d; mv d d/e' '' 1 'subdirectory of itself'
check "mv: missing source, carries on" 'echo x > a; mkdir d; mv nosuch a d; echo $?; cat d/a' $'1\nx\n' 0 'mv: nosuch: No such file'
check "mv: missing operand" 'mv a' '' 2 'missing destination'
check "mv: a full disk across file systems keeps the source" 'mkdir m s; head -c 200000 /dev/zero | tr "\0" x > s/big; if mount -t tmpfs -o size=64k none m 2>/dev/null; then trap "umount m" EXIT; mv s m/s; echo $?; else echo 1; fi; ls s' $'1\nbig\n' 0 'not removed|^$'
check "mv: across file systems, hard links stay" 'src=/dev/shm/mini-mv-$$; mkdir -p $src; echo x > $src/a; ln $src/a $src/b; mv $src d; stat -c %h d/a d/b; rm -rf $src' $'2\n2\n'
check "mv: several sources need a directory" ': > a; : > b; mv a b c; echo $?; ls' $'1\na\nb\n' 0 "mv: target 'c' is not a directory"
check "mv -t DIR" 'echo 1 > a; echo 2 > b; mkdir d; mv -t d a b; cat d/a d/b; ls' $'1\n2\nd\n'
check "mv -T: an empty directory is replaced, not entered" 'mkdir a b; : > a/f; mv -T a b; ls b; ls' $'f\nb\n'
check "mv -T: one source only" ': > a; : > b; mv -T a b c' '' 2 "extra operand 'c'"
check "mv -t: missing directory" ': > a; mv -t nosuch a' '' 1 "target 'nosuch' is not a directory"
