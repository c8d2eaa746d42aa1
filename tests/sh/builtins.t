# Builtin commands.
=== colon and true false
:; echo $?; true; echo $?; false; echo $?
--- out
0
0
1
=== echo options
echo -n a; echo b; echo -e 'x\ty'
--- out
ab
x	y
=== printf builtin
printf '%s=%d\n' a 1 b 2; printf '%5s|%-3s|\n' r l
--- out
a=1
b=2
    r|l  |
=== test and [
[ 1 -lt 2 ] && echo lt; test -z "" && echo empty; [ a = b ] || echo ne; [ -d / ] && echo dir
--- out
lt
empty
ne
dir
=== test with bad syntax
[ 1 -lt ]; echo $?
--- out
2
--- err
.
=== printf --help does not end the shell
printf --help > /dev/null; echo still here
--- out
still here
=== builtin output order with redirection
echo one; printf 'two\n' > f; echo three; cat f
--- out
one
three
two
=== cd and pwd
mkdir -p a/b; cd a/b; pwd | sed 's|.*/a/b|X/a/b|'; cd ..; basename "$PWD"
--- out
X/a/b
a
=== cd - prints directory
cd /tmp; cd /; cd - >/dev/null; pwd; echo $OLDPWD
--- out
/tmp
/
=== cd to missing dir
cd /nonexistent; echo $?
--- out
1
--- err
cd: /nonexistent
=== cd logical with symlink and ..
mkdir -p real/sub; ln -s real/sub link; cd link; cd ..; ls; cd -P link; cd ..; ls
--- out
link
real
script.sh
sub
=== cd HOME
HOME=/tmp; cd; pwd
--- out
/tmp
=== CDPATH
mkdir -p base/target; CDPATH=$PWD/base; cd target | sed 's|.*/base|B|'
--- out
B/target
=== read splits fields
echo 'a b c d' | { read x y z; echo "$x|$y|$z"; }
--- out
a|b|c d
=== read with IFS
echo 'a:b:c' | { IFS=: read x y; echo "$x|$y"; }
--- out
a|b:c
=== read backslash and -r
printf 'a\\ b c\\\\d\n' | { read x y; echo "$x|$y"; }; printf 'a\\b\n' | { read -r x; echo "$x"; }
--- out
a b|c\d
a\b
=== read continuation line
printf 'a\\\nb\n' | { read x; echo $x; }
--- out
ab
=== read at EOF returns 1
printf 'partial' | { read x; echo "$? $x"; }; read y < /dev/null; echo $?
--- out
1 partial
1
=== read REPLY
echo r | { read; echo $REPLY; }
--- out
r
=== read strips leading and trailing blanks
echo '   a b   ' | { read x; echo "[$x]"; }
--- out
[a b]
=== umask
umask 022; umask; umask 077; umask; umask -S
--- out
0022
0077
u=rwx,g=,o=
=== umask symbolic
umask 077; umask g+rx; umask
--- out
0027
=== umask applies to files
umask 077; touch f; ls -l f | cut -c1-10
--- out
-rw-------
=== type
f() { :; }; type cd f if echo export | sed 's/ is.*builtin/ builtin/'
--- out
cd builtin
f is a function
if is a shell keyword
echo builtin
export builtin
=== type of external and missing
type sed | grep -c /; type nosuch_cmd; echo $?
--- out
1
1
--- err
nosuch_cmd: not found
=== command -v
command -v cd; command -v nosuch || echo none; f() { :; }; command -v f
--- out
cd
none
f
=== command -v path
command -v sed | grep -c sed
--- out
1
=== command runs builtin
command echo hi
--- out
hi
=== getopts
set -- -a -b arg -c rest; while getopts ab:c o; do echo "$o ${OPTARG-}"; done; shift $((OPTIND-1)); echo "$@"
--- out
a 
b arg
c 
rest
=== getopts grouped and attached
set -- -ab -cval x; while getopts abc: o; do echo "$o ${OPTARG-}"; done; echo $OPTIND
--- out
a 
b 
c val
3
=== getopts unknown option
set -- -z; getopts a o; echo "$o"
--- out
?
--- err
illegal option -- z
=== getopts silent mode
set -- -z -a; getopts :ab: o; echo "$o $OPTARG"; getopts :ab: o; echo "$o"; set -- -b; OPTIND=1; getopts :b: o; echo "$o $OPTARG"
--- out
? z
a
: b
=== getopts with explicit args
while getopts x: o -x 1 -x 2; do echo $OPTARG; done
--- out
1
2
=== alias
alias ll='echo long'
ll x
--- out
long x
=== alias listing and unalias
alias a1='echo 1'; alias a1; unalias a1; alias a1; echo $?
--- out
a1='echo 1'
1
--- err
a1: not found
=== alias ending in blank expands next word
alias run='echo ' word=expanded
run word
--- out
expanded
=== recursive alias stops
alias echo='echo x'
echo y
--- out
x y
=== hash
hash sed; hash | grep -c sed; hash -r; hash | grep -c sed; true
--- out
1
0
=== times prints two lines
times | wc -l
--- out
2
=== trap EXIT
trap 'echo bye' EXIT; echo main
--- out
main
bye
=== trap on signal
trap 'echo got USR1' USR1; kill -USR1 $$; echo after
--- out
got USR1
after
=== trap listing
trap 'echo x' INT; trap
--- out
trap -- 'echo x' INT
=== trap reset
trap 'echo x' INT; trap - INT; trap
--- out
=== trap ignore
trap '' TERM; kill -TERM $$; echo alive
--- out
alive
=== trap keeps $?
trap 'false' USR1; true; kill -USR1 $$; echo $?
--- out
0
=== EXIT trap sees exit status
trap 'echo status $?' EXIT; exit 3
--- out
status 3
--- status
3
=== bad trap signal
trap 'x' NOSUCH; echo $?
--- out
1
--- err
bad signal
=== kill by job spec
sleep 10 & kill %1; wait; echo done
--- out
done
=== kill -l
kill -l 9
--- out
KILL
=== jobs lists background job
sleep 1 & jobs | sed 's/ *sleep.*//'; kill $!
--- out
[1]+  Running
=== wait for all
(sleep 0.2; echo a) & (echo b) & wait; echo done
--- out
b
a
done
=== export makes variable visible to children
x=1; export x; sh -c 'echo $x'
--- out
1
=== set with no args lists variables
myvar=hello; set | grep '^myvar='
--- out
myvar='hello'
=== set -o lists options
set -o | grep errexit
--- out
errexit         off
=== set +o gives reusable form
set -e; set +o | grep errexit
--- out
set -o errexit
=== bad set option
set -Z; echo after
--- status
2
--- err
set
=== local outside function
local x=1
--- status
2
--- err
local
=== exit with bad number
exit abc
--- status
2
--- err
exit
=== history without terminal is empty
history; echo $?
--- out
0
=== return outside function
return 1; echo $?
--- out
1
--- err
return
=== break outside loop is harmless
break; echo ok
--- out
ok
=== EXIT trap set on the same line as the last command
--- cmd
$SH -c 'trap "echo trapped" EXIT; sh -c "echo last"'
--- out
last
trapped
