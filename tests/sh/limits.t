# Hostile nesting and recursion: a clear error and status 2, never a signal;
# long flat lists run without recursion.
=== 100000 and-or operators in a row run
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { rep 'true && ' 100000; echo 'echo done'; } > s.sh; $SH s.sh
--- out
done
=== a long || chain stops at the first success
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { rep 'false || ' 50000; echo 'echo yes || echo no'; } > s.sh; $SH s.sh
--- out
yes
=== 100000 elif branches
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { printf 'if false; then :; '; rep 'elif false; then :; ' 100000; echo 'else echo last; fi'; } > s.sh; $SH s.sh
--- out
last
=== a function that calls itself forever
f() { f; }
f
echo not reached
--- err
recursion too deep
--- status
2
=== eval calling itself
e='eval "$e"'
eval "$e"
--- err
recursion too deep
--- status
2
=== two functions calling each other
f() { g; }; g() { f; }; f
--- err
recursion too deep
--- status
2
=== deep but finite recursion works
f() { if [ $1 -gt 0 ]; then f $(($1 - 1)); else echo bottom; fi; }
f 500
--- out
bottom
=== command substitutions nested without end
f() { echo $(f); }
f
--- out

--- err
command substitutions nested too deeply
=== 100 nested command substitutions work
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { printf 'echo '; rep '$(echo ' 100; printf x; rep ')' 100; echo; } > s.sh; $SH s.sh
--- out
x
=== and-or text of a long background job
--- cmd
rep() { awk -v s="$1" -v n="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'; }; { rep 'true && ' 19999; echo 'true & wait; echo ok'; } > s.sh; $SH s.sh
--- out
ok
