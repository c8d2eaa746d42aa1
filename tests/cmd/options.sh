# libmini's option parser across commands: options after operands (as GNU and BusyBox),
# "--" and POSIXLY_CORRECT stop that, and the commands that keep POSIX order.
check "options: ls DIR -l"  'mkdir d; touch d/f; ls d -l | sed -n "2s/^\(-\).* f$/\1 f/p"'  $'- f\n'
check "options: grep word file -i"  'printf "Word\nx\n" > f; grep word f -i'  $'Word\n'
check "options: head f -n1"  'printf "1\n2\n" > f; head f -n1'  $'1\n'
check "options: sort in -o out"  'printf "b\na\n" > in; sort in -o out; cat out'  $'a\nb\n'
check "options: an option between operands"  'printf "1\n2\n" > f; cp f g; head f -qn1 g'  $'1\n1\n'
check "options: -- makes the rest operands"  'printf "x\n" > f; cat f -- -n' $'x\n'  1  'cat: -n: No such file'
check "options: POSIXLY_CORRECT stops at the first operand"  'printf "x\n" > f; POSIXLY_CORRECT=1 cat f -n'  $'x\n'  1  'cat: -n: No such file'
check "options: a bad option after an operand"  'touch f; head f -y'  ''  2  "head: unknown option '-y'"
check "options: a missing argument after an operand"  'touch f; head f -n'  ''  2  "head: option '-n' needs an argument"
check "options: --help after an operand"  'head f --help | head -n1 | cut -c1-11'  $'Usage: head\n'
check "options: - after an option is stdin"  'echo in | head -n1 - -q'  $'in\n'
# The commands that run a command, or read '-' operands, keep POSIX order.
check "options: xargs echo -n x"  'echo a | xargs echo -n x'  'x a'
check "options: env ls -l"  'touch f; env ls -l | sed -n "s/^-.* //p"'  $'f\n'
check "options: nice ls -l"  'touch f; nice ls -l | sed -n "s/^-.* //p"'  $'f\n'
check "options: timeout 5 ls -l"  'touch f; timeout 5 ls -l | sed -n "s/^-.* //p"'  $'f\n'
check "options: printf -- %s -x"  '$MINI printf -- "%s" -x'  '-x'
check "options: find . -name x"  'touch x y; find . -name x'  $'./x\n'
check "options: awk program -v is an argument"  'awk "BEGIN { print ARGV[1] }" -v'  $'-v\n'
check "options: seq with a negative step"  'seq 3 -1 1'  $'3\n2\n1\n'
check "options: expr with a negative operand"  'expr 1 - -1'  $'2\n'
