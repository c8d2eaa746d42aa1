# POSIX corners of issue 15 (part 1): each case failed before its fix.
=== $LINENO in a script, a function, eval and sh -c
echo $LINENO
f() {
  echo $LINENO
}
f
eval "echo \$LINENO
echo \$LINENO"
$MINI sh -c 'echo $LINENO'
echo $((LINENO))
--- out
1
3
6
7
1
9
=== assignments apply left to right
x=1 y=$x; echo $y
unset x y
a=1 b=$a true; echo "[$b]"
f() { echo "[$q]"; }
p=2 q=$p f
p=3 q=$p env | grep '^q='
--- out
1
[]
[2]
q=3
=== redirections are expanded before the assignments (2.9.1)
a=$(echo 1 >&2) b=$(echo 2 >&2) >$(echo f >&2; echo file) true
--- err
^f
1
2
$
=== 64-bit arithmetic
echo $((2147483647+1)) $((1<<40)) $((3000000000)) $((-9223372036854775807-1)) $((0x7fffffffffffffff))
x=4294967296; echo $((x * 2)) $((x / 3)) $((x % 7))
--- out
2147483648 1099511627776 3000000000 -9223372036854775808 9223372036854775807
8589934592 1431655765 4
=== here-document: a body line ending in a backslash goes on
cat <<EOF
a\
EOF
EOF
--- out
aEOF
=== here-document: ${a=x} in the body sets a
cat <<EOF
${zz=set}
EOF
echo $zz
--- out
set
set
=== here-document: quote removal of the delimiter word
cat <<"E\F"
q
EF
E\F
cat <<E\F
r
EF
--- out
q
EF
r
=== a backslash at the end of sh -c, eval and . text is itself
eval 'echo a\'
$MINI sh -c 'echo b\'
printf 'echo c\\' > s
. ./s
--- out
a\
b\
c\
=== aliases ending in a blank chain, never into case patterns
alias a="echo " b="hello " c=world
a b c
alias e="echo " f="g " g="h " h=H
e f
alias x=y
case x in
x) echo pattern;;
esac
case x in x) echo pattern;; esac
--- out
hello world
H
pattern
pattern
=== set -n reads but runs nothing
set -n; echo no
set +n
echo no
--- out
=== . searches relative PATH entries for a readable file
mkdir d
echo 'echo sourced' > d/s.sh
PATH=d:$PATH
. s.sh
--- out
sourced
=== command -p uses the default PATH for -v and -V too
PATH=/nonexistent
command -pv ls
command -pV ls
command -p ls -d /
--- out
/bin/ls
ls is /bin/ls
/
=== ! a=b keeps the assignment
! a=b
echo $? $a
--- out
1 b
=== a line continuation between $ and ((
echo $\
((1+2)) "$\
((3+4))"
--- out
3 7
=== after exec 1>&-, builtin >file leaves fd 1 closed
exec 1>&-
echo hi > f
echo $? >&2
cat f >&2
echo x 2>/dev/null
echo "st=$?" >&2
--- err
^0
hi
st=1
$
=== readonly and export of a read-only variable fail with status 1
readonly r=1
command readonly r=2
echo $?
command export r=3
echo $?
--- out
1
1
--- err
r: is read only
=== a special builtin's error ends the script (2.8.1)
shift 999
echo not reached
--- status
2
--- err
can't shift
=== a read-only assignment ends the script
readonly r=1
r=2 :
echo not reached
--- status
1
--- err
read only
=== a bad set option ends the script
set -Q
echo not reached
--- status
2
--- err
bad option
=== under command, a special builtin's error does not end it
command shift 999
echo reached
--- out
reached
--- err
can't shift
=== "${@%pat}" and the other ${@...} forms keep one field per parameter
set -- a.x b.x c
for i in "${@%.x}"; do echo "[$i]"; done
for i in "${@#?}"; do echo "<$i>"; done
echo "${*%.x}"
set -- "a b" c
printf '(%s)' ${@%b}; echo
--- out
[a]
[b]
[c]
<.x>
<.x>
<>
a b c
(a)(c)
