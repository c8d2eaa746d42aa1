# pwd (bash has a builtin pwd: call mini's through $MINI)
check "pwd: the directory" 'mkdir d; cd d; [ "$($MINI pwd)" = "$(/bin/pwd -P)" ] && echo same' $'same\n'
check "pwd -L: keeps the symlink" 'mkdir d; ln -s d l; cd l; $MINI pwd -L | sed "s|.*/||"' $'l\n'
check "pwd: -L is the default" 'mkdir d; ln -s d l; cd l; $MINI pwd | sed "s|.*/||"' $'l\n'
check "pwd -P: without symlinks" 'mkdir d; ln -s d l; cd l; $MINI pwd -P | sed "s|.*/||"' $'d\n'
check "pwd: a wrong PWD is not used" 'mkdir d; cd d; PWD=/ $MINI pwd | sed "s|.*/||"' $'d\n'
check "pwd: PWD with .. is not used" 'mkdir d; cd d; PWD=$PWD/../d $MINI pwd | grep -c "\.\."' $'0\n' 1
check "pwd: extra operand" '$MINI pwd x' '' 2 "extra operand"
