# watch (into a pipe: no escape codes; the header unless -t)
check "watch -n runs the command again and again" 'timeout 0.35 watch -n 0.1 echo hi | grep -c "^hi$" | awk "{ print (\$1 >= 2 && \$1 <= 4) }"' $'1\n'
check "watch: header line then a blank line" 'timeout 0.15 watch -n 1 echo hi | head -n 3 | sed "s/  .*//"' $'Every 1s: echo hi\n\nhi\n'
check "watch -t: no header" 'timeout 0.15 watch -t -n 1 echo a b; echo $?' $'a b\n124\n'
check "watch: no escape codes into a pipe" 'timeout 0.15 watch -n 1 echo x | grep -c $'"'"'\033'"'"'' $'0\n' 1
check "watch: the command goes through sh -c" 'timeout 0.15 watch -t -n 1 "echo one; echo two"; echo $?' $'one\ntwo\n124\n'
check "watch: bad interval" 'watch -n abc true' '' 2 "watch: invalid interval 'abc'"
check "watch: no command" 'watch' '' 2 "watch: missing command"
