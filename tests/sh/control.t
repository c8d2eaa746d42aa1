# Pipelines, lists, compound commands, functions.
=== pipeline
echo hello | tr a-z A-Z | cat
--- out
HELLO
=== pipeline status is the last command's
false | true; echo $?; true | false; echo $?
--- out
0
1
=== ! inverts
! false; echo $?; ! true; echo $?; ! false | false; echo $?
--- out
0
1
0
=== pipefail
set -o pipefail; false | true; echo $?; (exit 3) | (exit 0) | true; echo $?
--- out
1
3
=== builtins in a pipeline
echo a b | { read x y; echo "$y $x"; }
--- out
b a
=== pipeline across newline after |
echo x |
tr x y
--- out
y
=== and or lists
true && echo a; false && echo b; false || echo c; true || echo d
--- out
a
c
=== and or chains left to right
false && echo x || echo y; true || false && echo z
--- out
y
z
=== and or continue after newline
true &&
echo yes
--- out
yes
=== background and wait
echo bg > f & wait; cat f
--- out
bg
=== background status is 0
false & echo $?
--- out
0
=== wait returns job status
(exit 7) & wait $!; echo $?
--- out
7
=== subshell does not change parent
x=1; (x=2; cd /; echo $x); echo $x
--- out
2
1
=== subshell exit status
(exit 4); echo $?
--- out
4
=== group runs in current shell
x=1; { x=2; }; echo $x
--- out
2
=== if elif else
for v in 1 2 3; do if [ $v = 1 ]; then echo one; elif [ $v = 2 ]; then echo two; else echo other; fi; done
--- out
one
two
other
=== if status when nothing runs
if false; then :; fi; echo $?
--- out
0
=== while loop
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
--- out
0
1
2
=== until loop
i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done
--- out
0
1
=== for with in
for x in a b 'c d'; do echo "[$x]"; done
--- out
[a]
[b]
[c d]
=== for without in uses positional
set -- p q; for x; do echo $x; done
--- out
p
q
=== for with newline before do
for x in a b
do
  echo $x
done
--- out
a
b
=== for with empty list
for x in; do echo never; done; echo after
--- out
after
=== break and continue
for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done
--- out
1
3
=== break n
for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done
--- out
1a
=== continue n
for i in 1 2; do for j in a b; do echo $i$j; continue 2; done; echo never; done
--- out
1a
2a
=== break in while condition
while break; do echo no; done; echo out
--- out
out
=== loop status
for i in 1; do false; done; echo $?; while false; do :; done; echo $?
--- out
1
0
=== case basic
for w in apple banana cherry x; do case $w in a*) echo A;; b*|c*) echo BC;; *) echo other;; esac; done
--- out
A
BC
BC
other
=== case with parens and no final ;;
case x in (x) echo yes
esac
--- out
yes
=== case patterns with brackets and quotes
case 'a*' in 'a*') echo quoted;; esac; case ab in [a-c]b) echo range;; esac; case a in "*") echo no;; *) echo star;; esac
--- out
quoted
range
star
=== case pattern from variable
p='x*'; case xyz in $p) echo match;; esac; case xyz in "$p") echo no;; *) echo nomatch;; esac
--- out
match
nomatch
=== case empty body
case a in a) ;; esac; echo $?
--- out
0
=== case across lines
case b in
  a)
    echo a
    ;;
  b)
    echo b
    ;;
esac
--- out
b
=== case status no match is 0
false; case x in y) :;; esac; echo $?
--- out
0
=== functions
greet() { echo "hi $1 ($#)"; }; greet bob x
--- out
hi bob (2)
=== function positional restored
set -- outer; f() { set -- in1 in2; echo $#; }; f; echo $1
--- out
2
outer
=== function return status
f() { return 3; }; f; echo $?; g() { false; }; g; echo $?
--- out
3
1
=== return stops function
f() { echo a; return; echo b; }; f
--- out
a
=== recursive function
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 6
--- out
720
=== function with subshell body
f() ( x=inner; echo $x ); x=outer; f; echo $x
--- out
inner
outer
=== function with if body
f() if [ "$1" ]; then echo arg; else echo none; fi; f 1; f
--- out
arg
none
=== local variables
x=global; f() { local x=local; echo $x; g; }; g() { echo g:$x; }; f; echo $x
--- out
local
g:local
global
=== function defined later overrides
f() { echo one; }; f; f() { echo two; }; f
--- out
one
two
=== function can unset itself
f() { unset -f f; echo ran; }; f; f 2>/dev/null || echo gone
--- out
ran
gone
=== deep recursion is refused not crashing
f() { f; }; f
--- status
2
--- err
recursion too deep
=== function names vs builtins: special builtins win
set() { echo myset; }; set -- a; echo $1
--- out
a
=== regular builtins lose to functions
echo() { printf 'fn:%s\n' "$1"; }; echo x
--- out
fn:x
=== command skips functions
echo() { printf 'fn\n'; }; command echo real
--- out
real
=== set -e exits on failure
set -e; echo a; false; echo b
--- out
a
--- status
1
=== set -e ignores tested commands
set -e; if false; then :; fi; false || true; ! true; while false; do :; done; false && true; echo survived
--- out
survived
=== set -e in subshell
set -e; (false; echo no); echo not reached
--- status
1
=== set -x traces
set -x; echo traced >/dev/null; x=1
--- err
\+ echo traced\n\+ x=1
=== set -n does not run
set -n
echo no
--- out
=== set -v echoes input
--- cmd
printf 'set -v\necho hi\n' | $SH 2>err; cat err
--- out
hi
echo hi
=== eval
x='echo evaluated; y=5'; eval "$x"; echo $y
--- out
evaluated
5
=== eval builds commands
cmd=echo; eval "$cmd a | tr a b"
--- out
b
=== dot script
echo 'v=fromdot; echo in dot $#' > inc.sh; . ./inc.sh; echo $v
--- out
in dot 0
fromdot
=== dot script return
printf 'echo a\nreturn 4\necho b\n' > inc.sh; . ./inc.sh; echo $?
--- out
a
4
=== dot missing file
. ./nosuch; echo no
--- status
2
--- err
nosuch
=== exec replaces shell
exec echo replaced; echo not reached
--- out
replaced
=== exec -a gives the command another argv[0]; exec -- too
(exec -a -sh sh -c 'echo $0'); (exec -- echo dashes)
--- out
-sh
dashes
=== exec -a without a command is an error
exec -a name
echo not reached
--- status
2
--- err
exec: -a needs a command
=== exit in subshell
(exit 5); echo $?; (exit); echo $?
--- out
5
0
=== nested structures
for i in 1 2; do case $i in 1) while :; do echo one; break; done;; 2) if true; then { echo two; }; fi;; esac; done
--- out
one
two
=== deep nesting of subshells
echo $( ( ( ( ( ( ( ( echo deep ) ) ) ) ) ) ) )
--- out
deep
=== many commands in sequence
i=0; while [ $i -lt 500 ]; do i=$((i+1)); done; echo $i
--- out
500
=== the left side of && and || is never the last command
--- cmd
$SH -c 'false || echo fallback'; $SH -c 'true && echo both'; x=$(false || echo sub); echo $x
--- out
fallback
both
sub
=== last command of sh -c in various positions
--- cmd
$SH -c 'if false; then echo no; else sh -c "echo else"; fi'; $SH -c '{ echo a; sh -c "echo b"; }'; $SH -c 'case x in x) sh -c "echo case";; esac'; $SH -c 'echo a | tr a b'
--- out
else
a
b
case
b
