# date (fixed TZ=UTC; -s would set the host clock: see tests/boot/smoke_sys.txt)
export TZ=UTC
# The tests that try to set the clock run as nobody: CLOCK_REALTIME has no namespace, and
# a date that failed to refuse as root would set the host's clock (it once did: 2040).
AS_NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
export AS_NOBODY
check "date: the GNU default format" 'date -d @1795634619' $'Wed Nov 25 19:23:39 UTC 2026\n'
check "date +FORMAT" 'date -d @0 "+%Y-%m-%d %H:%M:%S %s"' $'1970-01-01 00:00:00 0\n'
check "date -u" 'TZ=CET-1 date -u -d @0 +%H:%Z' $'00:UTC\n'
check "date in another zone" 'TZ=CET-1 date -d @0 +%H' $'01\n'
check "date -d YYYY-MM-DD" 'date -d 2024-03-01 "+%F %T"' $'2024-03-01 00:00:00\n'
check "date -d YYYY-MM-DD HH:MM" 'date -d "2024-03-01 12:30" "+%F %T"' $'2024-03-01 12:30:00\n'
check "date -d YYYY-MM-DD HH:MM:SS" 'date -d "2024-03-01 12:30:45" "+%F %T"' $'2024-03-01 12:30:45\n'
check "date -d ISO with T" 'date -d 2024-03-01T08:09:10 "+%F %T"' $'2024-03-01 08:09:10\n'
check "date -d HH:MM is today" 'date -d 07:45 +%H:%M:%S; [ "$(date -d 07:45 +%F)" = "$(date +%F)" ] && echo today' $'07:45:00\ntoday\n'
check "date -d now" 'a=$(date +%s); b=$(date -d now +%s); echo $(( b - a < 2 ))' $'1\n'
check "date -d yesterday and tomorrow" 'n=$(date +%s); y=$(date -d yesterday +%s); t=$(date -d tomorrow +%s); echo $(( (n - y + 1) / 3600 )) $(( (t - n + 1) / 3600 ))' $'24 24\n'
check "date -d N days ago" 'date -d "2024-03-01 10 days ago" +%F' $'2024-02-20\n'
check "date -d +N hours" 'date -d "2024-03-01 23:00 +2 hours" "+%F %H"' $'2024-03-02 01\n'
check "date -d next week, last month, 1 year" 'date -d "2024-01-31 next week" +%F; date -d "2024-03-15 last month" +%F; date -d "2024-03-15 1 year" +%F' $'2024-02-07\n2024-02-15\n2025-03-15\n'
check "date -d minutes and seconds" 'date -d "2024-03-01 -90 minutes 30 seconds" "+%F %T"' $'2024-02-29 22:30:30\n'
check "date -R" 'date -R -d @1795634619' $'Wed, 25 Nov 2026 19:23:39 +0000\n'
check "date -I" 'date -I -d @1795634619; date -Idate -d @1795634619' $'2026-11-25\n2026-11-25\n'
check "date -Iseconds, -Iminutes, -Ihours" 'date -Iseconds -d @1795634619; date -Iminutes -d @1795634619; date -Ihours -d @1795634619' $'2026-11-25T19:23:39+00:00\n2026-11-25T19:23+00:00\n2026-11-25T19+00:00\n'
check "date -Iseconds with an offset" 'TZ=CET-1 date -Iseconds -d @0' $'1970-01-01T01:00:00+01:00\n'
check "date -r FILE" 'touch -d "2021-05-06 07:08:09" f; date -r f "+%F %T"' $'2021-05-06 07:08:09\n'
check "date: an invalid -d string" 'date -d "someday soon"' '' 1 "date: invalid date 'someday soon'"
check "date: an invalid month" 'date -d 2024-13-01' '' 1 "date: invalid date"
check "date: an operand that is no MMDDhhmm" 'date tomorrow' '' 1 "date: invalid date 'tomorrow'"
check "date: MMDDhhmm with a bad month sets nothing" 'date 13011200' '' 1 "date: invalid date '13011200'"
check "date: two operands" 'date 01011200 +%Y' '' 2 "date: extra operand"
check "date: a format after an option format" 'date -R +%Y' '' 2 "date: extra operand '\+%Y'"
check "date: bad -I argument" 'date -Iweeks' '' 2 "invalid argument 'weeks' for -I"
check "date -s: a bad date sets nothing" '$AS_NOBODY date -s "not a date"' '' 1 "date: invalid date"
# mini's time_t is 32-bit: past 2038-01-19 03:14:07 UTC a date is refused, never wrong.
check "date -d: the last second of 32-bit time" 'date -d "2038-01-19 03:14:07" +%s' $'2147483647\n'
check "date -d: a date after 2038 is out of range" 'date -d 2040-01-01' '' 1 "date: '2040-01-01': date out of range"
check "date -d: past the end by a relative part" 'date -d "2038-01-19 03:14:07 +1 second"' '' 1 "date out of range"
check "date -d @: seconds past 32 bits" 'date -d @2147483648' '' 1 "date out of range"
check "date -d @: a negative time that fits" 'date -d @-86400 +%F' $'1969-12-31\n'
check "date -d: before 1901 is out of range too" 'date -d 1900-01-01' '' 1 "date out of range"
check "date MMDDhhmmCCYY after 2038 sets nothing" '$AS_NOBODY date 010100002040' '' 1 "date out of range"
check "date -s: after 2038 sets nothing" '$AS_NOBODY date -s 2040-01-01' '' 1 "date out of range"
check "date -r: a file dated after 2038" '/usr/bin/touch -d 2040-01-01 f 2>/dev/null || exit 0; date -r f' '' 1 "f: date out of range"
# ISO 8601 input, nanoseconds
check "date -d ISO 8601 with a fraction and an offset" 'date -d 2024-01-02T03:04:05.5+01:00 "+%F %T %N %3N"' $'2024-01-02 02:04:05 500000000 500\n'
check "date -d ISO 8601 with Z, +0530, -05" 'date -d 2024-01-02T03:04:05Z +%T; date -d 2024-01-02T03:04:05+0530 +%T; date -d 2024-01-02T03:04:05-05 +%T' $'03:04:05\n21:34:05\n08:04:05\n'
check "date -d: a zone in another TZ" 'TZ=CET-1 date -d 2024-06-01T12:00Z +%H:%M' $'13:00\n'
check "date -d: a bad zone" 'date -d 2024-01-02T03:04:05+1' '' 1 "invalid date"
check "date -d: an offset brings it back in range" 'date -d 2038-01-19T04:14:07+01:00 +%s' $'2147483647\n'
check "date -d: an offset takes it out of range" 'date -d 2038-01-19T03:14:07-00:01' '' 1 "date out of range"
check "date -d @EPOCH.FRACTION, %N and %%N" 'date -d @1.25 "+%s.%N %%N"' $'1.250000000 %N\n'
check "date +%N changes, 9 digits" 'date +%N | tr -d "\n" | wc -c' $'9\n'
check "date -Ins" 'date -Ins -d 2024-01-02T03:04:05.5Z' $'2024-01-02T03:04:05,500000000+00:00\n'
check "date -I after the operand format is refused" 'date -d @0 +%Y -Idate' '' 2 "extra operand"
check "date -d: a relative amount past any date is invalid, not an overflow" 'date -u -d "20202025202020252 hours"' '' 1 "date: invalid date '20202025202020252 hours'"
check "date -d: relative amounts that add up past any date are invalid" 'date -u -d "2000-01-01 99999999 years 99999999 years"' '' 1 "invalid date"
