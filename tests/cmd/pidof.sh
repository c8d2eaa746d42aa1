# pidof
check "pidof finds a process by name" 'cp /bin/sleep ./dozer_a; ./dozer_a 5 & p=$!; sleep 0.1; [ "$(pidof dozer_a)" = "$p" ] && echo same; kill $p' $'same\n'
check "pidof lists every one, -s only one" 'cp /bin/sleep ./dozer_b; ./dozer_b 5 & ./dozer_b 5 & sleep 0.1; pidof dozer_b | wc -w; pidof -s dozer_b | wc -w; kill %1 %2' $'2\n1\n'
check "pidof: none found is status 1" 'pidof no_such_program_xyz; echo $?' $'1\n'
check "pidof: no operand" 'pidof' '' 2 "no process name given"
check "pidof: unknown option" 'pidof -z x' '' 2 "unknown option"
