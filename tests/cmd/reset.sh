# reset: see also clear.sh
check "reset --help" 'reset --help | head -n 1' $'Usage: clear\n'
check "reset: extra operand" 'reset x' '' 2 "reset: extra operand 'x'"
