# tee: copy stdin to files.
check "tee: to stdout and files" 'echo hi | tee a b; cat a b' $'hi\nhi\nhi\n'
check "tee -a appends" 'echo one > a; echo two | tee -a a > /dev/null; cat a' $'one\ntwo\n'
check "tee: overwrite" 'echo one > a; echo two | tee a > /dev/null; cat a' $'two\n'
check "tee -i" 'echo x | tee -i a; cat a' $'x\nx\n'
check "tee: unwritable file, others still written" 'echo x | tee nodir/f a; echo "status $?"; cat a' $'x\nstatus 1\nx\n' 0 'nodir/f'
check "tee: bad option" 'tee -z' '' 2 'unknown option'
