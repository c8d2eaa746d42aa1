# Extensions of BusyBox ash and bash (issue 15, part 2). Where the two differ
# and POSIX is silent, the shell follows ash.
=== ${v/pat/rep} ${v//pat/rep} ${v/#pat/rep} ${v/%pat/rep}
v=hello.world.txt
echo ${v/o/0} ${v//o/0} ${v/#hel/HEL} ${v/%txt/TXT} ${v/#x/y}
echo ${v/o*/} ${v//[lo]/} ${v/l} "${v/%/!}" "${v/#/>}"
x='a b'; echo "${x/ /_}" ${x// /}
p='*'; echo "${v/$p/X}" "${v/"$p"/X}"
--- out
hell0.world.txt hell0.w0rld.txt HELlo.world.txt hello.world.TXT hello.world.txt
hell he.wrd.txt helo.world.txt hello.world.txt! >hello.world.txt
a_b ab
X hello.world.txt
=== ${v:off} ${v:off:len}, negative offsets and lengths
v=hello.world.txt
echo ${v:6} ${v:6:5} ${v: -3} ${v:(-3):2} ${v:2:-4} ${v:0:0}x ${v:100}x ${v: -100:2}x
n=2; echo ${v:n:n+1}
--- out
world.txt world txt tx llo.world x x x
llo
=== ${@:o:l} and ${@/p/r} keep one field per parameter
set -- a b c d
echo ${@:2} / ${@:2:2} / ${@: -1} / ${*:0:2}
for i in "${@/b/B}"; do printf '[%s]' "$i"; done; echo
for i in "${@:2:2}"; do printf '<%s>' "$i"; done; echo
--- out
b c d / b c / d / script.sh a
[a][B][c][d]
<b><c>
=== $(( )): ++ -- before and after, **, BASE#DIGITS
x=5
echo $((x++)) $x $((++x)) $((x--)) $((--x)) $((1++2))
echo $((2**10)) $((2**3**2)) $((-2**2)) $((16#ff)) $((2#101)) $((36#zz)) $((64#_))
--- out
5 6 7 7 5 3
1024 512 4 255 5 1295 63
=== bad arithmetic: a negative exponent, a bad base
echo $((2**-1))
--- status
2
--- err
exponent less than 0
=== let
let "y=3*4" z=y+1; echo $? $y $z
let 0; echo $?
let; echo $?
--- out
0 12 13
1
2
--- err
let: expression expected
=== [[ ]]: patterns, regular expressions, strings, files, && || ! ( )
x="a b"; y='a*'
[[ $x == a* ]] && echo 1
[[ $x == "a*" ]] || echo 2
[[ $x == $y ]] && echo 3
[[ $x != b* ]] && echo 4
[[ abc =~ ^a.c$ ]] && echo 5
[[ abc =~ x ]] || echo 6
[[ a < b && ! b < a ]] && echo 7
[[ ( -n $x || -z $x ) && -d / ]] && echo 8
[[ 10 -lt 9 ]] || echo 9
touch -d 2020-01-01 old; touch new
[[ new -nt old && old -ot new ]] && echo 10
[[ $undefined ]] || echo 11
[[ -f * ]] || echo 12
[[ 1 < 2 ]] && echo 13
[[ a == b || $(echo side >&2) ]]; echo "14 $?"
[[ a == a || $(echo noside >&2) ]] && echo 15
[[
  a == a &&
  b == b
]] && echo 16
--- out
1
2
3
4
5
6
7
8
9
10
11
12
13
14 1
15
16
--- err
^side
$
=== [[ ]] errors: status 2
[[ a -x ]]; echo $?
[[ a =~ "(" ]]; echo $?
[[ a b ]]; echo $?
--- out
2
2
2
--- err
unexpected word
=== $'...' quoting
printf '%s|' $'a\tb' $'it\'s' $'\x41\101\e[' $'\cA' $'a\0b' $'\\' "$'x'" | od -An -c | tr -s ' '
--- out
 a \t b | i t ' s | A A 033 [ | 001 |
 a | \ | $ ' x ' |
=== process substitution <(...) and >(...)
cat <(echo a) <(echo b)
diff <(printf '1\n2\n') <(printf '1\n2\n') && echo same
while read l; do echo "[$l]"; done < <(printf 'x\ny\n')
echo hi > >(tr a-z A-Z)
sleep 0.2
--- out
a
b
same
[x]
[y]
HI
=== source, and . file args sets the positional parameters for the file
echo 'echo "in: $# $1 $2"' > s.sh
. ./s.sh a b; echo "out: $# $1"
set -- x; source ./s.sh; echo "out: $# $1"
--- out
in: 2 a b
out: 0 
in: 1 x 
out: 1 x
=== function NAME { ... }
function f { echo "f $1"; }
f 1
function g() {
  echo g
}
g
function h
{ echo h; }
h
--- out
f 1
g
h
=== function with a bad name
function 1x { :; }
--- status
2
--- err
bad function name
=== &>file and &>>file
{ echo out; echo err >&2; } &> both; cat both
{ echo more >&2; } &>> both; cat both
echo a &>/dev/null && echo ok
--- out
out
err
out
err
more
ok
=== $RANDOM
r1=$RANDOM; r2=$RANDOM
[ "$r1" != "$r2" ] && [ $r1 -ge 0 ] && [ $r1 -le 32767 ] && echo random
--- out
random
=== export -n
export E=1; export -n E; env | grep -c '^E='; echo $E
--- out
0
1
=== type and command -V in ash's words
f() { :; }; alias ll='ls -l'
type f ll if [[ exit
--- out
f is a function
ll is an alias for ls -l
if is a shell keyword
[[ is a shell keyword
exit is a special shell builtin
=== read -t, -n, -d, -s, -p, -u are in read.t
:
