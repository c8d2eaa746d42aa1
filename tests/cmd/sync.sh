# sync
check "sync: everything" 'sync; echo $?' $'0\n'
check "sync: files" ': > f; sync f; echo $?' $'0\n'
check "sync: missing file" 'sync nosuch' '' 1 'sync: nosuch: No such file'
check "sync: bad option" 'sync -q' '' 2 'unknown option'
