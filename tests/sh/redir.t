# Redirections and here-documents.
=== output and input
echo hi > f; cat < f
--- out
hi
=== append
echo a > f; echo b >> f; cat f
--- out
a
b
=== stderr to file
sh -c 'echo err >&2' 2> e; cat e
--- out
err
=== dup output to stderr
echo toerr >&2
--- err
toerr
=== 2>&1 order
{ echo out; echo err >&2; } 2>&1 > f | tr a-z A-Z; cat f
--- out
ERR
out
=== close a descriptor
echo x >&- 2>/dev/null; echo status $?
--- out
status 1
=== read-write open
echo hello > f; cat <> f
--- out
hello
=== n<&m duplicates input
echo data > f; exec 3< f; cat <&3
--- out
data
=== noclobber
set -C; echo a > f; echo b > f; echo $?; echo c >| f; cat f
--- out
1
c
--- err
f:
=== redirection on compound command
{ echo a; echo b; } > f; cat f
--- out
a
b
=== redirection on loop
for i in 1 2; do echo $i; done > f; cat f
--- out
1
2
=== redirection on if
if true; then echo yes; fi > f; cat f
--- out
yes
=== redirection of while input
printf '1\n2\n' > f; while read x; do echo "<$x>"; done < f
--- out
<1>
<2>
=== redirection restored after builtin
echo a > f; echo b; cat f
--- out
b
a
=== redirection on function call
f() { echo infunc; }; f > out; cat out
--- out
infunc
=== redirection in function definition
f() { echo body; } > out2; f; cat out2
--- out
body
=== exec redirection persists
exec > f; echo one; echo two; exec >&2; cat f >&2
--- err
one
=== exec n< and reading
printf 'l1\nl2\n' > f; exec 4< f; read a <&4; read b <&4; echo $a $b
--- out
l1 l2
=== redirection to missing directory fails
echo x > /nonexistent/dir/f; echo $?
--- out
1
--- err
nonexistent
=== redirection error for special builtin exits script
: > /nonexistent/f; echo not reached
--- status
1
--- err
nonexistent
=== input from missing file
cat < nosuch; echo $?
--- out
1
--- err
nosuch
=== bad fd dup
echo x >&7
--- status
1
--- err
7: bad file descriptor
=== file name from expansion
n=out; echo z > $n.txt; cat out.txt
--- out
z
=== here-document
cat <<EOF
line $HOME-x
  indented
EOF
--- out
line /HOME-x
  indented
--- cmd
cp script.sh s; HOME=/HOME $SH s
=== here-document with quoted delimiter does not expand
x=1; cat <<'EOF'
$x `echo no` \$
EOF
--- out
$x `echo no` \$
=== here-document partly quoted delimiter
x=1; cat <<E"O"F
$x
EOF
--- out
$x
=== here-document expansion and backslashes
x=val; cat <<EOF
$x \$x \\ \a "q" 'q' $(echo cmd) $((1+1))
EOF
--- out
val $x \ \a "q" 'q' cmd 2
=== here-document <<- strips tabs
cat <<-EOF
	tabbed
		more
	EOF
--- out
tabbed
more
=== two here-documents on one line
cat <<A; cat <<B
a
A
b
B
--- out
a
b
=== here-document to fd
cat 3<<EOF <&3
three
EOF
--- out
three
=== large here-document
i=0; while [ $i -lt 2000 ]; do echo "line $i"; i=$((i+1)); done > gen.txt
{ echo 'cat <<EOF'; cat gen.txt; echo EOF; } > big.sh
. ./big.sh | wc -l
--- out
2000
=== here-document in a function
f() { cat <<EOF
in $1
EOF
}; f x; f y
--- out
in x
in y
=== here-document in command substitution
x=$(cat <<EOF
sub
EOF
); echo $x
--- out
sub
=== here-document line continuation
cat <<EOF
a\
b
EOF
--- out
ab
=== an unterminated here-document is a warning, its text is kept
cat <<EOF
no end
--- out
no end
--- err
here-document delimited by end of file
=== io number must touch operator
echo a 2 > f; cat f
--- out
a 2
=== redirection before the command name
> f echo x; cat f; echo y >> f 2>/dev/null; cat f
--- out
x
x
y
