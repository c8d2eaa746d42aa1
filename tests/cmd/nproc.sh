# nproc
check "nproc" 'nproc' "$(/usr/bin/nproc)"$'\n'
check "nproc -a" 'nproc -a' "$(/usr/bin/nproc --all)"$'\n'
check "nproc follows the CPU affinity" 'taskset -c 0 nproc' $'1\n'
check "nproc: extra operand" 'nproc 3' '' 2 "nproc: extra operand '3'"
