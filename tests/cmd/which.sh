# which
check "which: found in PATH" 'mkdir b; : > b/prog; chmod +x b/prog; PATH=$PWD/b $MINI which prog | sed "s|^$PWD/||"' $'b/prog\n'
check "which: the first match" 'mkdir a b; : > a/p; : > b/p; chmod +x a/p b/p; PATH=$PWD/a:$PWD/b $MINI which p | sed "s|^$PWD/||"' $'a/p\n'
check "which -a: every match" 'mkdir a b; : > a/p; : > b/p; chmod +x a/p b/p; PATH=$PWD/a:$PWD/b $MINI which -a p | sed "s|^$PWD/||"' $'a/p\nb/p\n'
check "which: not executable is not found" 'mkdir b; : > b/p; PATH=$PWD/b $MINI which p' '' 1
check "which: a directory is not found" 'mkdir -p b/p; PATH=$PWD/b $MINI which p' '' 1
check "which: a path with /" ': > p; chmod +x p; which ./p' $'./p\n'
check "which: carries on after a missing one" 'mkdir b; : > b/p; chmod +x b/p; PATH=$PWD/b $MINI which nosuch p | sed "s|^$PWD/||"' $'b/p\n'
check "which: missing one fails" 'PATH=/nonexistent $MINI which nosuch' '' 1
check "which: missing operand" 'which' '' 2 'missing operand'
