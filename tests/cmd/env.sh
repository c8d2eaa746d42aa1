# env, printenv
check "env prints the environment" 'FOO=bar env | grep "^FOO="' $'FOO=bar\n'
check "env -i NAME=VALUE" 'env -i A=1 B=2' $'A=1\nB=2\n'
check "env - is -i" 'env - A=1' $'A=1\n'
check "env -u removes" 'FOO=1 BAR=2 env -u FOO | grep -c "^FOO="; FOO=1 env -u FOO printenv FOO; echo $?' $'0\n1\n'
check "env runs a command with the change" 'env -i GREETING=hi printenv GREETING' $'hi\n'
check "env passes arguments and status" 'env /bin/sh -c "echo \$0 \$1; exit 3" a b; echo $?' $'a b\n3\n'
check "env: command not found is 127" 'env no_such_command_xyz; echo $?' $'127\n' 0 'env: no_such_command_xyz: No such file or directory'
check "env: not executable is 126" 'echo x >f; chmod 644 f; env ./f; echo $?' $'126\n' 0 'env: ./f: Permission denied'
check "env: unknown option" 'env -z' '' 2 "env: unknown option '-z'"
check "printenv NAME" 'FOO=bar printenv FOO' $'bar\n'
check "printenv prints all" 'env -i A=1 B=x=y printenv' $'A=1\nB=x=y\n'
check "printenv: several, one missing is status 1" 'env -i A=1 B=2 printenv B NOPE A; echo $?' $'2\n1\n1\n'
check "printenv: unknown option" 'printenv -x' '' 2 "printenv: unknown option"
