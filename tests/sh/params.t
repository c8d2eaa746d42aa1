# Parameters: positional, special, ${...} forms.
=== positional parameters
set -- a b c d e f g h i j k; echo $1 $3 ${10} ${11} $#
--- out
a c j k 11
=== $10 is $1 followed by 0
set -- a b c d e f g h i j; echo $10
--- out
a0
=== "$@" keeps words
set -- 'a b' c; for w in "$@"; do echo "[$w]"; done
--- out
[a b]
[c]
=== "$*" joins with first IFS char
set -- a b c; IFS=:; echo "$*"
--- out
a:b:c
=== "$*" with empty IFS joins without separator
set -- a b c; IFS=; echo "$*"
--- out
abc
=== $@ unquoted splits
set -- 'a b' c; for w in $@; do echo "[$w]"; done
--- out
[a]
[b]
[c]
=== "$@" with no parameters gives no word
set --; for w in "$@"; do echo x; done; echo done
--- out
done
=== "$@" with prefix and suffix
set -- a b; for w in "x$@y"; do echo "[$w]"; done
--- out
[xa]
[by]
=== empty "$@" inside a word keeps the word
set --; for w in "x$@"; do echo "[$w]"; done
--- out
[x]
=== $# $? $$ $!
echo $#; false; echo $?; sleep 0 & [ "$!" -gt 0 ] && echo bg; [ "$$" -gt 0 ] && echo pid
--- out
0
1
bg
pid
=== $- shows options
set -e -u; case $- in *e*u*|*u*e*) echo yes;; esac
--- out
yes
=== $0 in a script
echo $0
--- out
script.sh
=== ${x:-w} and ${x-w}
unset u; e=; s=set
echo ${u:-a} ${u-b} ${e:-c} "${e-d}" ${s:-e}
--- out
a b c  set
=== ${x:=w} assigns
unset u; echo ${u:=new}; echo $u; e=; echo ${e=x}"|"; echo ${e:=y}
--- out
new
new
|
y
=== ${x:+w} and ${x+w}
unset u; e=; s=1; echo "[${u:+a}][${u+b}][${e:+c}][${e+d}][${s:+e}]"
--- out
[][][][d][e]
=== ${x:?w} error in script exits
unset u; echo ${u:?is missing}; echo not reached
--- status
2
--- err
u: is missing
=== ${x?} default message
unset u; : ${u?}
--- status
2
--- err
u: parameter not set
=== ${x:?} on set variable
v=1; echo ${v:?bad}
--- out
1
=== ${#x}
x=hello; echo ${#x}; unset y; echo ${#y}; set -- a b c; echo ${#}
--- out
5
0
3
=== prefix removal
x=a/b/c.tar.gz; echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*}
--- out
b/c.tar.gz c.tar.gz a/b/c.tar a/b/c
=== pattern removal with no match
x=abc; echo ${x#z} ${x%z}
--- out
abc abc
=== quoted pattern is literal
x='a*b*c'; echo ${x#'a*'} ${x%"*c"}
--- out
b*c a*b
=== pattern with variable
x=foobar; p=foo; echo ${x#$p}
--- out
bar
=== ${x:-word} word is expanded and split
unset u; for w in ${u:-a b}; do echo "[$w]"; done
--- out
[a]
[b]
=== "${x:-word}" not split
unset u; for w in "${u:-a b}"; do echo "[$w]"; done
--- out
[a b]
=== nested expansion in default
unset u; v=inner; echo ${u:-${v}x}
--- out
innerx
=== braces for names
x=1; xy=2; echo ${x}y $xy
--- out
1y 2
=== unset variable is empty
echo "[$nosuch]"
--- out
[]
=== set -u errors on unset
set -u; echo $nosuch; echo after
--- status
2
--- err
nosuch: parameter not set
=== set -u allows $@ and $*
set -u; set --; echo "[$@][$*]"
--- out
[][]
=== special parameter in braces
set -- a b; echo ${#} ${@} ${1}
--- out
2 a b a
=== bad substitution
echo ${x;}
--- status
2
--- err
bad substitution
=== shift
set -- a b c; shift; echo $@; shift 2; echo $#
--- out
b c
0
=== shift too many
set -- a; shift 3
--- status
2
--- err
shift
=== set resets positional
set -- x y; set -- z; echo $# $1
--- out
1 z
=== readonly
readonly r=1; r=2; echo not reached
--- status
1
--- err
r: is read only
=== readonly listing
readonly ro=val; readonly -p | grep ro=
--- out
readonly ro='val'
=== export -p
export ex='a b'; export -p | grep 'ex='
--- out
export ex='a b'
=== unset variable and function
v=1; f() { echo f; }; unset v; unset -f f; echo "[$v]"; f 2>/dev/null || echo gone
--- out
[]
gone
=== unset readonly fails
readonly q=1; unset q; echo $?
--- out
1
--- err
q: is read only
=== IFS splitting with whitespace
x='  a   b  '; set -- $x; echo $#:$1:$2
--- out
2:a:b
=== IFS non-whitespace makes empty fields
IFS=:; x='a::b:'; set -- $x; echo $#; for w in "$@"; do echo "[$w]"; done
--- out
3
[a]
[]
[b]
=== IFS mixed whitespace and delimiter
IFS=' :'; x='a : b'; set -- $x; echo $#:$1:$2
--- out
2:a:b
=== empty IFS means no splitting
IFS=; x='a b'; set -- $x; echo $#
--- out
1
=== unset IFS is default
unset IFS; x='a	b
c'; set -- $x; echo $#
--- out
3
=== empty unquoted expansion disappears
e=; set -- $e; echo $#; set -- "$e"; echo $#
--- out
0
1
=== literal text is not split
x=1; set -- "a b"$x; echo $#
--- out
1
=== pattern operators inside double quotes keep the pattern live
v=a/b/c.tar.gz; p='*/'; echo "${v#$p}" "${v##$p}" "${v%/*}" "${v%%.*}" "${v#"*/"}"
--- out
b/c.tar.gz c.tar.gz a/b a/b/c a/b/c.tar.gz
=== prefix and suffix patterns, all forms
for v in a/b/c.tar.gz abc '' /x/ aXbXc; do
for p in '*/' '/*' '.*' '*.' 'b' '' '*' 'X' '*X' 'X*' 'a' 'c' '?' '*[bX]' '[ab]*'; do
printf '%s|' "${v#$p}" "${v##$p}" "${v%$p}" "${v%%$p}"
done; echo; done
--- out
b/c.tar.gz|c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b|a|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar|a/b/c|tar.gz|gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz||a/b/c.tar.gz||a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|/b/c.tar.gz|/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|/b/c.tar.gz|/b/c.tar.gz|a/b/c.tar.g|a/b/c.tar.g|/c.tar.gz|/c.tar.gz|a/b/c.tar.gz|a/b/c.tar.gz|/b/c.tar.gz||a/b/c.t||
abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc||abc||abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|abc|bc|bc|abc|abc|abc|abc|ab|ab|bc|bc|ab|ab|c|c|abc|abc|bc||a||
||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||
x/||/x||x/||/x||/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/||/x/||/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|x/|x/|/x|/x|/x/|/x/|/x/|/x/|/x/|/x/|/x/|/x/|
aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbXc||aXbXc||aXbXc|aXbXc|aXbXc|aXbXc|bXc|c|aXbXc|aXbXc|aXbXc|aXbXc|aXb|a|XbXc|XbXc|aXbXc|aXbXc|aXbXc|aXbXc|aXbX|aXbX|XbXc|XbXc|aXbX|aXbX|bXc|c|aXbXc|aXbXc|XbXc||aX||
=== quotes inside ${x-word} inside double quotes
unset x; echo "${x-"a  b"}" "${x-'q'}" ${x-"c  d"}; echo "${x="e  f"}"; echo "$x"
--- out
a  b 'q' c  d
e  f
e  f
