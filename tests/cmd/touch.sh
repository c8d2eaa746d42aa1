# touch
check "touch: makes a file" 'touch a; stat -c %s a' $'0\n'
check "touch: sets times to now" ': > a; touch -d 2000-01-01 a; touch a; [ $(stat -c %Y a) -gt 1000000000 ] && echo new' $'new\n'
check "touch -d: date and time" 'TZ=UTC0 touch -d "2020-01-02 03:04:05" a; stat -c %Y a' $'1577934245\n'
check "touch -d: ISO with T" 'TZ=UTC0 touch -d "2020-01-02T03:04" a; stat -c %Y a' $'1577934240\n'
check "touch -d: @seconds" 'touch -d @1234567890 a; stat -c "%X %Y" a' $'1234567890 1234567890\n'
check "touch -t: [[CC]YY]MMDDhhmm[.ss]" 'TZ=UTC0 touch -t 202001020304.05 a; stat -c %Y a' $'1577934245\n'
check "touch -t: YYMMDDhhmm" 'TZ=UTC0 touch -t 7001010000 a; stat -c %Y a' $'0\n'
check "touch -a: only the access time" 'touch -d @1000 a; touch -a -d @2000 a; stat -c "%X %Y" a' $'2000 1000\n'
check "touch -m: only the modification time" 'touch -d @1000 a; touch -m -d @2000 a; stat -c "%X %Y" a' $'1000 2000\n'
check "touch -r: times of another file" 'touch -d @5000 ref; touch -r ref a; stat -c %Y a' $'5000\n'
check "touch -c: does not make files" 'touch -c a; ls' ''
check "touch: bad date" 'touch -d tomorrowish a' '' 2 "invalid date"
check "touch -t: bad stamp" 'touch -t 12 a' '' 2 "invalid date"
check "touch: cannot make it" 'touch nosuch/a' '' 1 'touch: nosuch/a: No such file'
check "touch -r: missing reference" 'touch -r nosuch a' '' 1 'nosuch'
check "touch -d: a date after 2038 is out of range, the file untouched" 'touch -d 2040-01-01 a; echo $?; ls' $'1\n' 0 "touch: '2040-01-01': date out of range"
check "touch -t: after 2038" 'touch -t 204001010000 a' '' 1 "date out of range"
check "touch -d @: past 32 bits" 'touch -d @4294967296 a' '' 1 "date out of range"
check "touch -d: the last second of 32-bit time" 'TZ=UTC0 touch -d "2038-01-19 03:14:07" a; stat -c %Y a' $'2147483647\n'
check "touch -d: ISO 8601 with a fraction and a zone" 'export TZ=UTC0; touch -d 2024-01-02T03:04:05.25+01:00 f; stat -c %y f' $'2024-01-02 02:04:05.250000000 +0000\n'
check "touch -d @SECONDS.FRACTION, relative forms" 'export TZ=UTC0; touch -d @1.5 f; stat -c %y f; touch -d "2024-01-02 1 day ago" g; stat -c %y g' $'1970-01-01 00:00:01.500000000 +0000\n2024-01-01 00:00:00.000000000 +0000\n'
check "touch -t with a fraction after the seconds" 'export TZ=UTC0; touch -t 202401020304.05.5 f; stat -c %y f' $'2024-01-02 03:04:05.500000000 +0000\n'
check "touch -t: a fraction without seconds" 'export TZ=UTC0; touch -t 2024010203.5 f' '' 2 "invalid date"
check "touch -d: ISO 8601 after 2038 is out of range" 'export TZ=UTC0; touch -d 2040-01-01T00:00Z f' '' 1 "date out of range"
