# readlink, realpath
check "readlink: the target" 'ln -s some/where l; readlink l' $'some/where\n'
check "readlink: not a link" ': > f; readlink f' '' 1
check "readlink -f: resolves everything" 'mkdir -p a/b; ln -s a/b l; ln -s ../l a/m; readlink -f a/m/. | sed "s|^$(pwd -P)||"' $'/a/b\n'
check "readlink -f: the last part may be missing" 'mkdir d; readlink -f d/new | sed "s|^$(pwd -P)||"' $'/d/new\n'
check "readlink -f: missing directory" 'readlink -f nosuch/x' '' 1 'readlink: nosuch/x: No such file'
check "readlink: missing operand" 'readlink' '' 2 'missing operand'
check "realpath" 'mkdir -p a/b; ln -s a l; cd a; realpath ../l/b/.. | sed "s|^$(cd ..; pwd -P)||"' $'/a\n'
check "realpath: /" 'realpath / //. /..' $'/\n/\n/\n'
check "realpath: missing" 'realpath nosuch/x' '' 1 'realpath: nosuch/x: No such file'
check "realpath: no -f option" 'realpath -f x' '' 2 'unknown option'
