# install
check "install: copy with mode 755" 'echo x > a; install a b; stat -c %a b; cat b' $'755\nx\n'
check "install -m" 'echo x > a; install -m 644 a b; stat -c %a b' $'644\n'
check "install -m: symbolic" 'echo x > a; install -m u=rw,go=r a b; stat -c %a b' $'644\n'
check "install: into a directory" ': > a; : > b; mkdir d; install a b d; ls d' $'a\nb\n'
check "install: replaces a file" 'echo new > a; echo old > b; chmod 444 b; install a b; cat b' $'new\n'
check "install -D: makes the parents" 'echo x > a; install -D a x/y/z; cat x/y/z' $'x\n'
check "install -d: directories" 'install -d a/b c; ls -d a/b c; stat -c %a a/b' $'a/b\nc\n755\n'
check "install -d -m" 'install -d -m 700 a; stat -c %a a' $'700\n'
check "install -o -g" ': > a; install -o 5 -g 6 a b; stat -c "%u %g %a" b' $'5 6 755\n'
check "install -d -o -g" 'install -d -o 5 -g 6 d; stat -c "%u %g" d' $'5 6\n'
check "install: missing source" 'install nosuch b' '' 1 'install: nosuch: No such file'
check "install: bad user" ': > a; install -o no-such-user-here a b' '' 2 'invalid user'
check "install: missing operand" 'install a' '' 2 'missing file operand'
check "install: several sources need a directory" ': > a; : > b; install a b c; echo $?; ls' $'1\na\nb\n' 0 "install: target 'c' is not a directory"
check "install -D: into an existing directory" 'echo x > a; mkdir d; install -D a d; cat d/a' $'x\n'
check "install: a symbolic link at DEST is replaced, the file it points to untouched" \
	'echo new > a; echo old > t; ln -s t l; install -m 600 a l; stat -c "%F %a" l; cat l t' $'regular file 600\nnew\nold\n'
check "install -m 4755: the set-id bit set on the copy survives" ': > a; install -m 4755 a b; stat -c %a b' $'4755\n'
check "install: a file onto itself" 'echo x > a; install a a; echo $?; cat a' $'1\nx\n' 0 "are the same file"
check "install -t DIR" 'echo 1 > a; echo 2 > b; mkdir d; install -m 644 -t d a b; cat d/a d/b; stat -c %a d/a' $'1\n2\n644\n'
check "install -D -t DIR: the directory is made" 'echo 1 > a; install -D -t x/y a; cat x/y/a' $'1\n'
check "install -T: onto a directory fails" 'echo 1 > a; mkdir d; install -T a d' '' 1 'install: d'
check "install -t: missing directory" 'echo 1 > a; install -t nosuch a' '' 1 "target 'nosuch' is not a directory"
check "install over a FIFO (or a device) is refused, the FIFO kept" \
	'echo x > a; mkfifo f; install a f; s=$?; test -p f && echo fifo; exit $s' $'fifo\n' 1 "install: cannot install over 'f': not a regular file"
