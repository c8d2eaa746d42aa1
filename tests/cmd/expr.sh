# expr: expressions.
check "expr: +" 'expr 1 + 2' $'3\n'
check "expr: precedence" 'expr 1 + 2 "*" 3' $'7\n'
check "expr: parentheses" 'expr "(" 1 + 2 ")" "*" 3' $'9\n'
check "expr: - / %" 'expr 10 - 3; expr 7 / 2; expr 7 % 3' $'7\n3\n1\n'
check "expr: negative numbers" 'expr -5 + 2' $'-3\n'
check "expr: compare numbers" 'expr 10 ">" 9; expr 2 "<=" 2; expr 1 = 2; expr 1 != 2; expr 3 ">=" 4; expr 1 "<" 2' $'1\n1\n0\n1\n0\n1\n'
check "expr: compare strings" 'expr abc "<" abd; expr 10 "<" 9x' $'1\n1\n'
check "expr: | and &" 'expr 0 "|" 5; expr "" "|" 0; expr 3 "&" 4; expr 3 "&" 0' $'5\n0\n3\n0\n' 1
check "expr: result 0 exits 1" 'expr 2 - 2' $'0\n' 1
check "expr: empty result exits 1" 'expr "" : "a"' $'0\n' 1
check "expr: match length" 'expr abcde : "ab.*"' $'5\n'
check "expr: match group" 'expr foo.txt : "\(.*\)\.txt"' $'foo\n'
check "expr: match is anchored" 'expr xab : ab' $'0\n' 1
check "expr: match keyword" 'expr match abc "a\(b\)"' $'b\n'
check "expr: substr" 'expr substr hello 2 3' $'ell\n'
check "expr: index" 'expr index hello lo' $'3\n'
check "expr: length" 'expr length hello' $'5\n'
check "expr: + TOKEN" 'expr + length' $'length\n'
check "expr: division by zero" 'expr 1 / 0' '' 2 'division by zero'
check "expr: non-integer" 'expr a + 1' '' 2 'non-integer'
check "expr: syntax error" 'expr 1 +' '' 2 'syntax error'
check "expr: unbalanced" 'expr "(" 1' '' 2 'syntax error'
check "expr: bad regex" 'expr a : "\("' '' 3 'expr:'
check "expr: missing operand" 'expr' '' 2 'missing operand'
check "expr: 50000 nested ( ) is too deep" 'expr $(yes "(" | head -n 50000) 1 $(yes ")" | head -n 50000)' '' 2 'expr: too deeply nested'
check "expr: 50000 nested length is too deep" 'expr $(yes length | head -n 50000) 1' '' 2 'expr: too deeply nested'
check "expr: 900 nested ( ) are fine" 'expr $(yes "(" | head -n 900) 1 + 1 $(yes ")" | head -n 900)' $'2\n'
check "expr: overflow is an error" 'expr 9223372036854775807 + 1; expr -9223372036854775808 / -1; expr 4611686018427387904 "*" 2' '' 2 'expr: result too large'
check "expr: the largest results are fine" 'expr 9223372036854775806 + 1; expr -9223372036854775807 - 1; expr -9223372036854775808 % -1' $'9223372036854775807\n-9223372036854775808\n0\n' 1
