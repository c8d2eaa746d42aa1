# Syntax errors and bad input: messages "NAME: LINE: message", status 2.
=== unexpected token
echo ok
fi
--- out
ok
--- status
2
--- err
^script.sh: 2: .*fi
=== unterminated single quote
echo 'abc
--- status
2
--- err
script.sh: .*unterminated
=== unterminated double quote
echo "abc
--- status
2
--- err
unterminated
=== unterminated command substitution
echo $(echo
--- status
2
--- err
unterminated
=== unterminated backquote
echo `echo
--- status
2
--- err
unterminated
=== unterminated parameter expansion
echo ${x
--- status
2
--- err
unterminated
=== missing fi
if true; then echo x
--- status
2
--- err
script.sh: 2:
=== missing done
while true; do echo x
--- status
2
--- err
done
=== missing esac
case x in x) echo
--- status
2
--- err
script.sh: [0-9]+: 

=== empty pipeline side
echo a | | cat
--- status
2
--- err
\|
=== lone semicolon
;
--- status
2
--- err
;
=== && without left side
&& echo x
--- status
2
--- err
script.sh: [0-9]+: 

=== redirection without file
echo >
--- status
2
--- err
file name
=== empty group
{ }
--- status
2
--- err
script.sh: [0-9]+: 

=== empty subshell
( )
--- status
2
--- err
script.sh: [0-9]+: 

=== bad function name
1f() { :; }
--- status
2
--- err
script.sh: [0-9]+: 

=== for with bad name
for 1 in a; do :; done
--- status
2
--- err
script.sh: [0-9]+: 

=== syntax error with -c uses sh as name
--- cmd
$SH -c 'echo (' 
--- status
2
--- err
^sh: 1: .*
=== command after syntax error is not run
echo before
if then
echo after
--- out
before
--- status
2
--- err
script.sh: [0-9]+: 

=== eval syntax error
eval 'if'; echo after
--- status
2
--- err
.
=== syntax error in command substitution
x=$(if); echo "after $?"
--- out
after 2
--- err
.
=== deep nesting is refused without crashing
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { rep '(' 5000; printf 'echo x'; rep ')' 5000; echo; } > deep.sh; $SH deep.sh
--- status
2
--- err
nested too deeply
=== deep arithmetic nesting refused
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { printf 'echo $(('; rep '(' 3000; printf 1; rep ')' 3000; echo '))'; } > deep.sh; $SH deep.sh
--- status
2
--- err
nested too deeply
=== binary garbage does not crash
--- cmd
head -c 3000 /dev/urandom > g; $SH g >/dev/null 2>&1; test $? -lt 128 && echo ok
--- out
ok
=== null bytes in script
--- cmd
printf 'echo a\0b\necho c\n' > n.sh; $SH n.sh 2>/dev/null | tail -1
--- out
c
=== very long word
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { printf 'echo '; rep x 200000; echo; } > long.sh; $SH long.sh | wc -c
--- out
200001
=== many here-documents
--- cmd
awk 'BEGIN { for (i = 0; i < 300; i++) printf "cat <<E%d\nbody %d\nE%d\n", i, i, i }' > h.sh; $SH h.sh | tail -1
--- out
body 299
=== interactive shell survives syntax error
--- cmd
printf 'echo (\necho still\n' | $SH -i 2>/dev/null
--- out
still
=== interactive shell prompt on stderr, no escapes when not a tty
--- cmd
printf 'echo hi\n' | $SH -i 2>err; cat err | od -c | grep -c 033; true
--- out
hi
0
=== deeply nested parameter expansions are refused quickly
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { printf 'echo '; rep '${x:-' 100000; printf a; rep '}' 100000; echo; } > deep.sh; $SH deep.sh
--- status
2
--- err
nested too deeply
=== deeply nested quotes in expansions are refused quickly
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { printf 'echo "'; rep '${x:-"' 50000; printf a; rep '"}' 50000; echo '"'; } > deep.sh; $SH deep.sh
--- status
2
--- err
nested too deeply
=== nesting below the limit works
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { printf 'echo '; rep '${x:-' 900; printf ok; rep '}' 900; echo; } > deep.sh; $SH deep.sh
--- out
ok
