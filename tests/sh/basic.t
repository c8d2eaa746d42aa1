# Simple commands, quoting, comments, line continuation.
=== echo words
echo hello world
--- out
hello world
=== several commands on a line
echo a; echo b;echo c
--- out
a
b
c
=== comments
echo a # a comment
# a whole line
echo b#not a comment
--- out
a
b#not a comment
=== single quotes keep everything
echo 'a  $x `b` \n "c"'
--- out
a  $x `b` \n "c"
=== double quotes expand $ only
x=1; echo "a  $x \$x \"q\" \\ 'b'"
--- out
a  1 $x "q" \ 'b'
=== backslash outside quotes
echo \a\ b \$x \\
--- out
a b $x \
=== line continuation
echo a\
b \
c
--- out
ab c
=== continuation inside double quotes
echo "a\
b"
--- out
ab
=== no continuation inside single quotes
echo 'a\
b'
--- out
a\
b
=== backslash before ordinary char in double quotes stays
echo "\a\b"
--- out
\a\b
=== empty quotes make an empty argument
set -- '' "" x; echo $#
--- out
3
=== adjacent quoting joins
echo 'a'"b"c\d
--- out
abcd
=== exit status of last command
false; echo $?; true; echo $?
--- out
1
0
=== exit builtin sets status
exit 3
--- status
3
=== exit without argument keeps last status
false
exit
--- status
1
=== script's status is the last command's
false
--- status
1
=== not found is 127
nosuchcommand_xyz
--- status
127
--- err
nosuchcommand_xyz: not found
=== not executable is 126
echo 'echo hi' > f; chmod -x f; ./f
--- status
126
--- err
f: Permission denied
=== a file without #! runs as a script
printf 'echo from script $1\n' > s; chmod +x s; ./s arg
--- out
from script arg
=== #! scripts run
printf '#!/bin/sh\necho bang\n' > s; chmod +x s; PATH=$PATH ./s
--- out
bang
=== a directory is not executable
mkdir d; ./d
--- status
126
--- err
d:
=== assignment before a command goes to its environment
x=5 sh -c 'echo $x'; echo "[$x]"
--- out
5
[]
=== assignments alone persist
a=1 b=2; echo $a$b
--- out
12
=== export
export E=exported; sh -c 'echo $E'
--- out
exported
=== unexported variable is not in environment
N=local; sh -c 'echo "[$N]"'
--- out
[]
=== reserved words only at command start
echo if then fi
--- out
if then fi
=== quoted reserved word is a command
'if' 2>/dev/null; echo $?
--- out
127
=== long line
x=$(printf '%05000d' 0); echo ${#x}
--- out
5000
=== many words
set -- $(seq 1 3000); echo $#
--- out
3000
=== sh -c with arguments
--- cmd
$SH -c 'echo $0 $1 $2 $#' name a b
--- out
name a b 2
=== sh -s with arguments reads stdin
--- cmd
echo 'echo $1 $#' | $SH -s x y
--- out
x 2
=== sh reads script from stdin
--- cmd
printf 'echo one\necho two\n' | $SH
--- out
one
two
=== stdin is not read ahead by the shell
--- cmd
printf 'read x\nhello\necho got $x\n' | $SH
--- out
got hello
=== sh script args
--- cmd
echo 'echo $0 $1' > t.sh; $SH t.sh arg
--- out
t.sh arg
=== missing script file
--- cmd
$SH /nonexistent/x
--- status
127
--- err
/nonexistent/x
=== bad option
--- cmd
$SH -Q -c true
--- status
2
--- err
Q
=== login shell reads /etc/profile then ~/.profile
--- cmd
echo 'echo home profile' > .profile; echo 'echo run' | $SH -l
--- out
home profile
run
=== a login shell started as -sh
--- cmd
echo 'echo dash-profile' > .profile; (exec -a -sh $SH -c 'echo cmd') 2>/dev/null || bash -c 'exec -a -sh "$SH" -c "echo cmd"'
--- out
dash-profile
cmd
=== ENV is read by interactive shells only
--- cmd
echo 'echo from env' > envfile; echo 'echo main' | ENV=$PWD/envfile $SH -i 2>/dev/null; echo 'echo plain' | ENV=$PWD/envfile $SH
--- out
from env
main
plain
=== killed by a signal is 128+n
sh -c 'kill -9 $$'; echo $?; sh -c 'kill -TERM $$'; echo $?
--- out
137
143
--- err
^Killed
Terminated
$
=== exit status 2 for misused builtin
shift x
--- status
2
--- err
shift
=== sh -c exec saves a fork but keeps the status
--- cmd
$SH -c 'sh -c "exit 7"'; echo $?
--- out
7
=== sh -n checks syntax only
--- cmd
printf 'echo no\nif\n' > bad.sh; $SH -n bad.sh; echo $?; printf 'echo no\n' > good.sh; $SH -n good.sh; echo $?
--- out
2
0
--- err
bad.sh: 3:
=== PATH has a default when the environment has none
--- cmd
env -i $SH -c 'echo $PATH'
--- out
/bin:/sbin:/usr/bin:/usr/sbin
=== unset PATH still finds commands in the usual places
unset PATH; echo x | tr x y
--- out
y
