# rmdir
check "rmdir: empty directories" 'mkdir a b; rmdir a b; ls' ''
check "rmdir: not empty" 'mkdir a; : > a/f; rmdir a' '' 1 'rmdir: a: Directory not empty'
check "rmdir: missing" 'rmdir nosuch' '' 1 'No such file'
check "rmdir -p: the parents too" 'mkdir -p a/b/c; rmdir -p a/b/c; ls' ''
check "rmdir -p: stops at a non-empty parent" 'mkdir -p a/b/c; : > a/f; rmdir -p a/b/c; echo $?; ls a' $'1\nf\n' 0 'rmdir: a: Directory not empty'
check "rmdir: trailing slash" 'mkdir a; rmdir a/; ls' ''
check "rmdir: carries on" 'mkdir b; rmdir nosuch b; echo $?; ls' $'1\n' 0 'nosuch'
check "rmdir: missing operand" 'rmdir' '' 2 'missing operand'
