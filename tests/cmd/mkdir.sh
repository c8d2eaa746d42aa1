# mkdir
check "mkdir: directories" 'mkdir a b; ls' $'a\nb\n'
check "mkdir: exists already" 'mkdir a; mkdir a' '' 1 'mkdir: a: File exists'
check "mkdir: missing parent" 'mkdir a/b' '' 1 'mkdir: a/b: No such file or directory'
check "mkdir -p: parents, and no error if there" 'mkdir -p a/b/c; mkdir -p a/b/c; ls -R a | tr "\n" " "' 'a: b  a/b: c  a/b/c: '
check "mkdir -p: a file in the way" ': > f; mkdir -p f/g' '' 1 'mkdir: f/g: Not a directory'
check "mkdir -m: octal, not filtered by the umask" 'umask 077; mkdir -m 755 a; stat -c %a a' $'755\n'
check "mkdir -m: symbolic, from a=rwx" 'umask 022; mkdir -m u=rwx,g=rx a; mkdir -m o-w b; stat -c %a a b' $'757\n775\n'
check "mkdir -m: bad mode" 'mkdir -m 99 a' '' 2 "invalid mode '99'"
check "mkdir -v" 'mkdir -v a' $'mkdir: created directory \x27a\x27\n'
check "mkdir -pv: each one made" 'mkdir -pv a/b' $'mkdir: created directory \x27a\x27\nmkdir: created directory \x27a/b\x27\n'
check "mkdir: carries on" 'mkdir a/b c; echo $?; ls' $'1\nc\n' 0 'a/b'
check "mkdir: missing operand" 'mkdir' '' 2 'missing operand'
check "mkdir -p -m: an existing directory keeps its mode" 'mkdir a; chmod 751 a; mkdir -p -m 700 a; stat -c %a a' $'751\n'
