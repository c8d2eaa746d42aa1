# sync
check "sync: everything" 'sync; echo $?' $'0\n'
check "sync: files" ': > f; sync f; echo $?' $'0\n'
check "sync: missing file" 'sync nosuch' '' 1 'sync: nosuch: No such file'
check "sync: bad option" 'sync -q' '' 2 'unknown option'
check "sync -d FILE" 'echo x > f; sync -d f; echo $?' $'0\n'
check "sync -f FILE" 'echo x > f; sync -f f; echo $?' $'0\n'
check "sync: -d without a file" 'sync -d' '' 2 'sync: -d needs a FILE'
check "sync: -d and -f" 'sync -d -f f' '' 2 'exclude each other'
