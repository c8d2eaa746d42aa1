# readlink, realpath
check "readlink: the target" 'ln -s some/where l; readlink l' $'some/where\n'
check "readlink: not a link" ': > f; readlink f' '' 1
check "readlink -f: resolves everything" 'mkdir -p a/b; ln -s a/b l; ln -s ../l a/m; readlink -f a/m/. | sed "s|^$(pwd -P)||"' $'/a/b\n'
check "readlink -f: the last part may be missing" 'mkdir d; readlink -f d/new | sed "s|^$(pwd -P)||"' $'/d/new\n'
check "readlink -f: missing directory, quiet as GNU's" 'readlink -f nosuch/x' '' 1
check "readlink -f -v: missing directory" 'readlink -fv nosuch/x' '' 1 'readlink: nosuch/x: No such file'
check "readlink: missing operand" 'readlink' '' 2 'missing operand'
check "realpath" 'mkdir -p a/b; ln -s a l; cd a; realpath ../l/b/.. | sed "s|^$(cd ..; pwd -P)||"' $'/a\n'
check "realpath: /" 'realpath / //. /..' $'/\n/\n/\n'
check "realpath: missing" 'realpath nosuch/x' '' 1 'realpath: nosuch/x: No such file'
check "realpath: no -f option" 'realpath -f x' '' 2 'unknown option'
check "realpath: a dangling symlink resolves to where it points" 'ln -s nowhere d; realpath d | sed "s|^$PWD/||"' $'nowhere\n'
check "readlink -f: a dangling symlink, a missing last part" 'ln -s nowhere d; readlink -f d new | sed "s|^$PWD/||"' $'nowhere\nnew\n'
check "readlink -f: a dangling symlink into a missing directory fails" 'ln -s nodir/x d; readlink -f d; echo "status $?"' $'status 1\n'
check "realpath: a symlink loop" 'ln -s l l; realpath l' '' 1 'realpath: l: Too many levels of symbolic links'
check "realpath: a file with a slash after it" ': > f; realpath f/ f/x' '' 1 'realpath: f/: Not a directory'
check "realpath: relative links in a chain, .. after a link" 'mkdir -p a/b; ln -s a/b l1; ln -s l1 l2; ln -s ../.. a/b/up; realpath l2 l2/.. a/b/up | sed "s|^$PWD|P|"' $'P/a/b\nP/a\nP\n'
