# Hostile nesting and recursion: a clear error and status 2, never a signal;
# long flat lists run without recursion.
=== 100000 and-or operators in a row run
--- cmd
python3 -c "print(' && '.join(['true']*100000) + ' && echo done')" > s.sh; $SH s.sh
--- out
done
=== a long || chain stops at the first success
--- cmd
python3 -c "print('false || ' * 50000 + 'echo yes || echo no')" > s.sh; $SH s.sh
--- out
yes
=== 100000 elif branches
--- cmd
python3 -c "print('if false; then :; ' + 'elif false; then :; '*100000 + 'else echo last; fi')" > s.sh; $SH s.sh
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
python3 -c "print('echo ' + '\$(echo '*100 + 'x' + ')'*100)" > s.sh; $SH s.sh
--- out
x
=== and-or text of a long background job
--- cmd
python3 -c "print(' && '.join(['true']*20000) + ' & wait; echo ok')" > s.sh; $SH s.sh
--- out
ok
