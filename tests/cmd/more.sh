# more: copies when the output is not a terminal; on a pseudo-terminal: pages, keys, search, percentages.
MORE_PTY="python3 $(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/more-pty.py"
check "more copies to a pipe"   'printf "a\nb\n" | more | /bin/cat'                  $'a\nb\n'
check "more copies files"       'echo 1 >x; echo 2 >y; more x y | /bin/cat'          $'1\n2\n'
check "more missing file"       'echo 1 >x; more nosuch x >out; s=$?; /bin/cat out; exit $s'                $'1\n' 1 'more: nosuch: No such file'
check "more bad option"         'more -z x'                                          '' 2 "unknown option '-z'"
check "more space, Enter, b"    "/usr/bin/seq 100 >f; $MORE_PTY ' \\nbq' more f" \
$'1\n2\n3\n4\n5\n<--More--(3%)>6\n7\n8\n9\n10\n<--More--(7%)>11\n<--More--(8%)>[CLEAR]\n2\n3\n4\n5\n6\n<--More--(4%)>'
check "more /search and n"      "/usr/bin/seq 100 >f; $MORE_PTY '/50\\nnq' more f" \
$'1\n2\n3\n4\n5\n<--More--(3%)>/50...skipping\n50\n51\n52\n53\n<--More--(51%)>Pattern not found<--More--(51%)>'
check "more ends at the end"    "/usr/bin/seq 8 >f; $MORE_PTY ' ' more f" $'1\n2\n3\n4\n5\n<--More--(62%)>6\n7\n8\n'
check "more reads keys from /dev/tty" "$MORE_PTY ' q' /bin/sh -c '/usr/bin/seq 20 | more'" \
$'1\n2\n3\n4\n5\n<--More-->6\n7\n8\n9\n10\n<--More-->'
check "more q quits at once"    "/usr/bin/seq 100 >f; $MORE_PTY 'q' more f" $'1\n2\n3\n4\n5\n<--More--(3%)>'
check "more several files"      "echo 1 >x; echo 2 >y; $MORE_PTY ' ' more x y" \
$'::::::::::::::\nx\n::::::::::::::\n1\n<--More--(Next file: y)>::::::::::::::\ny\n::::::::::::::\n2\n'
check "more: a terminal as input" "$MORE_PTY '' more" 'more: no file, and standard input is a terminal
Usage: more [FILE]...
'
check "more to a full disk: the write error is said once" 'echo 1 >x; more x x 2>err >/dev/full; echo $?; /bin/cat err' $'1\nmore: write error: No space left on device\n'
check "more: a directory is named, the next file copied" 'mkdir d; echo 1 >x; more d x | /bin/cat' $'1\n' 0 'more: d: Is a directory'
