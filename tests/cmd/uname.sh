# uname
check "uname: the kernel name" 'uname' $'Linux\n'
check "uname -s -n -r -v -m" 'uname -s -n -r -v -m' "$(/bin/uname -s -n -r -v -m)"$'\n'
check "uname -a is -snrvmo" 'uname -a' "$(/bin/uname -s -n -r -v -m) Linux"$'\n'
check "uname -o" 'uname -o' $'Linux\n'
check "uname -r" 'uname -r' "$(/bin/uname -r)"$'\n'
check "uname -m on this i386 binary" 'uname -m' "$(/bin/uname -m)"$'\n'
check "uname: extra operand" 'uname x' '' 2 "uname: extra operand 'x'"
check "uname: unknown option" 'uname -q' '' 2 "uname: unknown option '-q'"
