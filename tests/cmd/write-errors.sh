# Write errors: output that could not be written (here to /dev/full, a disk that is
# always full) is reported as "cmd: write error" and the command exits non-zero.
for cmd in "cat a" "head a" "tail a" "wc a" "cut -c1 a" "grep x a" "sed p a" "tac a" \
	"paste a" "od a" "xxd a" "base64 a" "md5sum a" "strings a" "ls" "seq 3" "comm a a" \
	"join a a" "uname" "env" "cmp a b" "diff a b" "more a" "less a"; do
	name=${cmd%% *}
	status=1
	case $name in cmp | diff | grep) status=2 ;; sed) status=4 ;; esac
	check "$name: write error" "echo xyzzy > a; echo plugh > b; \$MINI $cmd > /dev/full" '' $status "$name: write error"
done
check "printf: write error" '$MINI printf "%s\n" x > /dev/full' '' 1 'printf: write error'
check "pwd: write error" '$MINI pwd > /dev/full' '' 1 'pwd: write error'
check "cat: a write error is said once, for all the files" 'echo x > a; $MINI cat a a a 2>err > /dev/full; echo $?; cat err' $'1\ncat: write error: No space left on device\n'
