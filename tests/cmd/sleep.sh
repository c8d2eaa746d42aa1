# sleep
check "sleep 0" 'sleep 0; echo $?' $'0\n'
check "sleep sums fractions and suffixes" 's=${EPOCHREALTIME/./}; sleep 0.1 0.1s 0.001m; e=${EPOCHREALTIME/./}; t=$(( (e - s) / 1000 )); [ $t -ge 250 ] && [ $t -lt 900 ] && echo ok' $'ok\n'
check "sleep: bad interval" 'sleep 1x' '' 2 "sleep: invalid time interval '1x'"
check "sleep: no operand" 'sleep' '' 2 "sleep: missing operand"
check "sleep: a lone dot is no number" 'sleep .' '' 2 "invalid time interval"
check "sleep is ended by a signal" 'sleep 5 & sleep 0.1; kill $!; wait $!; echo $?' $'143\n'
