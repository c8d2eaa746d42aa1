# df (the numbers depend on the host: the tests look at the layout)
check "df: GNU header" 'df / | head -1' $'Filesystem     1K-blocks     Used Available Use% Mounted on\n'
check "df: the file system of a file" ': > f; df f | tail -1 | grep -c "%"' $'1\n'
check "df: numbers in KiB" 'df / | tail -1 | awk "{ print (\$2 >= \$3) }"' $'1\n'
check "df -k" 'df -k / | head -1 | grep -c 1K-blocks' $'1\n'
check "df -h: header and units" 'df -h / | head -1; df -h / | tail -1 | grep -c "[0-9][KMGT] "' $'Filesystem      Size  Used Avail Use% Mounted on\n1\n'
check "df -T: type column" 'df -T / | head -1 | cut -c1-20' $'Filesystem     Type \n'
check "df: / is listed" 'df | grep -c " /$"' $'1\n'
check "df: no pseudo file systems" 'df | grep -c " /proc$"' $'0\n' 1
check "df: missing file" 'df nosuch' $'Filesystem     1K-blocks  Used Available Use% Mounted on\n' 1 'df: nosuch: No such file'
check "df: bad option" 'df -q' '' 2 "unknown option"
