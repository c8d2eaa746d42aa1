# true, false
check "true exits 0" '$MINI true; echo $?' $'0\n'
check "true ignores operands" '$MINI true -x foo; echo $?' $'0\n'
check "false exits 1" '$MINI false; echo $?' $'1\n'
check "false through its link" 'false' '' 1
check "true --help" '$MINI true --help | head -1' $'Usage: true\n'
