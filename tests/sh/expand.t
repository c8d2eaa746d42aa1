# Tilde, command substitution, arithmetic, globbing, order of expansions.
=== tilde is HOME
HOME=/home/x; echo ~ ~/a "~" '~' a~
--- out
/home/x /home/x/a ~ ~ a~
=== tilde user
echo ~root
--- out
/root
=== tilde in assignment after colon
HOME=/h; p=~/a:~/b; echo $p
--- out
/h/a:/h/b
=== unknown user tilde stays
echo ~nosuchuser_zz
--- out
~nosuchuser_zz
=== command substitution
echo "[$(echo a; echo b)]"
--- out
[a
b]
=== trailing newlines removed
x=$(printf 'a\n\n\n'); echo "[$x]"
--- out
[a]
=== backquotes
echo `echo hi` "`echo  two  spaces`"
--- out
hi two spaces
=== nested command substitution
echo $(echo $(echo $(echo deep)))
--- out
deep
=== nested backquotes
echo `echo \`echo inner\``
--- out
inner
=== backslash in backquotes
echo `echo '\$x'`
--- out
$x
=== command substitution with parens and quotes inside
echo $(echo ')' "(" ; echo 'x)')
--- out
) ( x)
=== case inside command substitution (POSIX form)
x=$(case a in (a) echo yes;; esac); echo $x
--- out
yes
=== command substitution output is split
set -- $(echo 'a b  c'); echo $#
--- out
3
=== quoted command substitution is not split
set -- "$(echo 'a b  c')"; echo $#
--- out
1
=== substitution status used by assignment
x=$(false); echo $?; x=$(exit 3); echo $?
--- out
1
3
=== arithmetic basics
echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((7%3)) $((-7/2)) $((2-3-4))
--- out
7 9 3 1 -3 -5
=== arithmetic comparison and logic
echo $((1<2)) $((2<=1)) $((3>2)) $((3>=4)) $((1==1)) $((1!=1)) $((1&&0)) $((0||2)) $((!5))
--- out
1 0 1 0 1 0 0 1 0
=== arithmetic bit operators
echo $((5&3)) $((5|3)) $((5^3)) $((~0)) $((1<<4)) $((256>>2))
--- out
1 7 6 -1 16 64
=== arithmetic ternary
echo $((1?10:20)) $((0?10:20)) $((0?1:0?2:3))
--- out
10 20 3
=== arithmetic variables
x=5; y=x; echo $((x*2)) $(($x+1)) $((nosuch+1))
--- out
10 6 1
=== arithmetic assignment operators
x=1; echo $((x+=4)) $((x*=2)) $((x-=1)) $((x/=3)) $((x%=2)) $((x<<=3)) $((x>>=1)) $((x|=1)) $((x&=6)) $((x^=7)) $((y=9)); echo $x $y
--- out
5 10 9 3 1 8 4 5 4 3 9
3 9
=== arithmetic hex and octal
echo $((0x1f)) $((010)) $((0X10))
--- out
31 8 16
=== short circuit does not assign
x=0; echo $((0 && (x=1))) $((1 || (x=2))) $x
--- out
0 1 0
=== division by zero
echo $((1/0))
--- status
2
--- err
division by zero
=== arithmetic syntax error
echo $((1+))
--- status
2
--- err
arithmetic
=== arithmetic with spaces and newlines
echo $((  1 +
 2 ))
--- out
3
=== nested arithmetic and command substitution
echo $(( $(echo 3) * $((1+1)) ))
--- out
6
=== arithmetic unary minus and precedence
echo $((-2*-3)) $((- 5 + 2)) $((2+3<<1))
--- out
6 -3 10
=== glob star
touch b a c .hidden; echo *
--- out
a b c script.sh
=== glob question and bracket
touch a1 a2 b1 ab; echo a? [ab]1 a[!0-9]
--- out
a1 a2 ab a1 b1 ab
=== glob no match keeps word
echo x*y [z]
--- out
x*y [z]
=== quoted glob does not expand
touch a; echo "*" '*' \*
--- out
* * *
=== glob from variable expands
touch a b; p='*'; echo $p; echo "$p"
--- out
a b script.sh
*
=== glob in directory
mkdir d; touch d/x d/y; echo d/*
--- out
d/x d/y
=== dot files need a dot
touch .a b; echo .* | tr ' ' '\n' | grep -v '^\.\.\?$'
--- out
.a
=== set -f disables globbing
touch a; set -f; echo *
--- out
*
=== partially quoted glob
touch 'a*b' axb; echo "a*"b a"*"*
--- out
a*b a*b
=== expansion order: no re-evaluation of results
x='$y'; y=bad; echo $x "$x"
--- out
$y $y
=== tilde not expanded from a variable
x='~'; echo $x
--- out
~
=== field splitting of command substitution and glob result
touch 'a b'; for f in *; do echo "[$f]"; done
--- out
[a b]
[script.sh]
=== quote removal in case subject
x='a b'; case "$x" in 'a b') echo match;; esac
--- out
match
=== case with bare patterns inside command substitution
x=$(case a in a) echo yes;; b|c) echo no;; esac); echo $x; y=$(case b in (a) echo 1;; b) (echo 2);; esac); echo $y
--- out
yes
2
=== arithmetic overflow wraps instead of failing
x=$(( 2147483647 + 1 )); y=$(( (-2147483647 - 1) * -1 )); echo ok
--- out
ok
