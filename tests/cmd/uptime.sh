# uptime
check "uptime: the procps line" 'uptime | grep -cE "^ [0-9]{2}:[0-9]{2}:[0-9]{2} up ([0-9]+ days?, )?([0-9]+ min|[ 0-9]{2}:[0-9]{2}),  load average: [0-9]+\.[0-9]{2}, [0-9]+\.[0-9]{2}, [0-9]+\.[0-9]{2}$"' $'1\n'
check "uptime: minutes like procps" 'awk "{ exit !(\$1 < 3600) }" /proc/uptime || { echo 1; exit; }; uptime | grep -c " up [0-9]* min,  load"' $'1\n'
check "uptime -p" 'uptime -p | grep -cE "^up [0-9]+ (day|hour|minute)"' $'1\n'
check "uptime: extra operand" 'uptime x' '' 2 "uptime: extra operand 'x'"
