# cal: fixed months and years, the 1752 switch, bad operands.
check "cal 9 1752: the Gregorian switch" 'cal 9 1752' \
	$'   September 1752\nSu Mo Tu We Th Fr Sa\n       1  2 14 15 16\n17 18 19 20 21 22 23\n24 25 26 27 28 29 30\n\n\n\n'
check "cal 2 2024: a leap February" 'cal 2 2024' \
	$'   February 2024\nSu Mo Tu We Th Fr Sa\n             1  2  3\n 4  5  6  7  8  9 10\n11 12 13 14 15 16 17\n18 19 20 21 22 23 24\n25 26 27 28 29\n\n'
check "cal 1 2026" 'cal 1 2026' \
	$'    January 2026\nSu Mo Tu We Th Fr Sa\n             1  2  3\n 4  5  6  7  8  9 10\n11 12 13 14 15 16 17\n18 19 20 21 22 23 24\n25 26 27 28 29 30 31\n\n'
check "cal: 1900 is no leap year (Gregorian), 1700 is one (Julian)" 'cal 2 1900 | grep -c 29; cal 2 1700 | grep -c 29' \
	$'0\n1\n'
check "cal 1 1: Saturday, as the Julian calendar counts" 'cal 1 1 | head -n 3' \
	$'     January 1\nSu Mo Tu We Th Fr Sa\n                   1\n'
check "cal 12 9999" 'cal 12 9999 | head -n 3' $'   December 9999\nSu Mo Tu We Th Fr Sa\n          1  2  3  4\n'
check "cal 2026: the first lines" 'cal 2026 | head -n 5' \
	$'                              2026\n\n      January               February               March\nSu Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n             1  2  3   1  2  3  4  5  6  7   1  2  3  4  5  6  7\n'
check "cal 2026: 37 lines, December last" 'cal 2026 | wc -l; cal 2026 | tail -n 8 | head -n 3' \
	$'37\n      October               November              December\nSu Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n             1  2  3   1  2  3  4  5  6  7         1  2  3  4  5\n'
check "cal 1752: September in the year view" 'cal 1752 | sed -n 24p' \
	$' 5  6  7  8  9 10 11   2  3  4  5  6  7  8  17 18 19 20 21 22 23\n'
check "cal: weekdays agree with the host's date" \
	'for y in 1753 1900 2000 2038 2100 4000 9999; do for m in 1 6 12; do w=$(/usr/bin/date -d "$y-$m-1" +%w 2>/dev/null) || continue; line=$(cal $m $y | sed -n 3p); lead=${line%%1*}; [ ${#lead} = $((w * 3 + 1)) ] || echo "$m $y: $line"; done; done' ''
check "cal: this month" 'cal | sed -n 2p; cal | head -n 1 | grep -c "$(LC_ALL=C /usr/bin/date "+%B %Y")"' $'Su Mo Tu We Th Fr Sa\n1\n'
check "cal: month 13" 'cal 13 2026' '' 1 "cal: month '13' is not in 1..12"
check "cal: year 0" 'cal 0' '' 1 "cal: year '0' is not in 1..9999"
check "cal: year 10000" 'cal 1 10000' '' 1 "year '10000'"
check "cal: month not a number" 'cal x 2026' '' 1 "month 'x'"
check "cal: extra operand" 'cal 1 2 3' '' 2 "extra operand '3'"
check "cal --help" 'cal --help | head -n 1' $'Usage: cal [-h] [[MONTH] YEAR]\n'
# Today in reverse video: only on a terminal (util-linux script(1) gives cal one).
check "cal: no reverse video in a pipe or file" 'cal > out; cal "$(/usr/bin/date +%Y)" >> out; tr -d "\033" < out | cmp - out && echo plain' $'plain\n'
check "cal: today in reverse video on a terminal" \
	'/usr/bin/script -qec cal /dev/null | grep -cF "$(printf "\033[7m%2d\033[0m" "$(/usr/bin/date +%-d)")"' $'1\n'
check "cal: today in the year view on a terminal" \
	'/usr/bin/script -qec "cal $(/usr/bin/date +%Y)" /dev/null | tr -cd "\033" | wc -c' $'2\n'
check "cal -h: no reverse video on a terminal" '/usr/bin/script -qec "cal -h" /dev/null | tr -cd "\033" | wc -c' $'0\n'
check "cal: no highlight in another month" '/usr/bin/script -qec "cal 1 2000" /dev/null | tr -cd "\033" | wc -c' $'0\n'
check "cal -h with operands" 'cal -h 2 2024 | head -n 3' $'   February 2024\nSu Mo Tu We Th Fr Sa\n             1  2  3\n'
check "cal: bad option" 'cal -x' '' 2 "cal: unknown option '-x'"
