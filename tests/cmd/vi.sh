# vi: what can be checked without a terminal (the editing itself: tests/vi/run.sh)
check "vi --help" 'vi --help | head -n 1' $'Usage: vi [-R] [-c CMD | +CMD] [FILE]...\n'
check "view --help" 'view --help | head -n 1' $'Usage: vi [-R] [-c CMD | +CMD] [FILE]...\n'
check "vi: bad option" 'vi -Z' '' 2 "unknown option '-Z'"
check "vi: -c needs a command" 'vi -c' '' 2 "vi: "
check "vi: not a terminal" 'echo a > f; vi f </dev/null; cat f' $'a\n' 0 'vi: standard input and output must be a terminal'
