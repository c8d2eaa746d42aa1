# The read builtin: field splitting with IFS (POSIX 2.6.5), reading no further
# than the line, and ash's options -t -n -d -s -p -u.
=== IFS with a non-blank delimiter: empty fields and a trailing delimiter
printf 'a,b,,c,\n' | { IFS=, read a b c d; echo "[$a][$b][$c][$d]"; }
--- out
[a][b][][c]
=== the last variable keeps the rest with its delimiters
printf 'a,b,c,d,\n' | { IFS=, read x y; echo "[$x][$y]"; }
printf 'a,b,,\n' | { IFS=, read x y; echo "[$x][$y]"; }
printf 'a,b,c,\n' | { IFS=, read x; echo "[$x]"; }
--- out
[a][b,c,d,]
[a][b,,]
[a,b,c,]
=== blanks around a non-blank delimiter
printf 'a , b , c ,\n' | { IFS=' ,' read x y; echo "[$x][$y]"; }
printf 'a:b: \n' | { IFS=': ' read x y; echo "[$x][$y]"; }
printf ',a\n' | { IFS=', ' read x y; echo "[$x][$y]"; }
printf 'a , b\n' | { IFS=' ,' read x y z; echo "[$x][$y][$z]"; }
--- out
[a][b , c ,]
[a][b]
[][a]
[a][b][]
=== read leaves the rest of a pipe to the next command
printf 'l1\nl2\nl3\n' | { read a; read b; cat; echo "$a $b"; }
--- out
l3
l1 l2
=== read leaves the rest of a file to the next command
printf 'l1\nl2\nl3\n' > f
{ read a; head -n 1; read b; echo "$a $b"; } < f
--- out
l2
l1 l3
=== a script on standard input is not read ahead
--- cmd
printf 'read x\nhello there\necho got $x\necho end\n' | $SH
--- out
got hello there
end
=== a long line from a pipe
printf '%0300d%0300d\n' 1 2 | { read -r x; echo ${#x}; }
--- out
600
=== -n reads at most N characters
printf 'hello world\n' | { read -n 3 a; read b; echo "[$a][$b]"; }
--- out
[hel][lo world]
=== -d reads up to another delimiter, -d '' up to NUL
printf 'a:b\n' | { read -d : a; echo "$? [$a]"; read -d '' b; echo "$? [$b]"; }
--- out
0 [a]
1 [b]
=== -u reads from another descriptor
read -u 3 a 3<<EOF
xyz
EOF
echo "[$a]"
--- out
[xyz]
=== -t gives up after the time, status 1
(sleep 3; echo late) | { read -t 0.2 x; echo "st=$? x=[$x]"; }
--- out
st=1 x=[]
=== -t with input waiting
printf 'abc\n' | { read -t 5 x; echo "st=$? x=[$x]"; }
--- out
st=0 x=[abc]
=== -p prints a prompt on stderr, -s reads without echo
echo answer | { read -s -p 'say: ' x; echo "[$x]"; }
--- out
[answer]
--- err
say: 
=== backslashes escape and continue lines without -r
printf 'a\\ b c\\\nd\n' | { read x y; echo "[$x][$y]"; }
--- out
[a b][cd]
=== bad options and operands
read -t abc x
echo $?
read -u 99 x
echo $?
read -q x
echo $?
--- out
2
2
2
--- err
bad number
