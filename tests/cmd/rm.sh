# rm: files, trees, the refusals.
check "rm: a file" ': > a; rm a; ls' ''
check "rm: a directory needs -r" 'mkdir d; rm d; echo $?; ls' $'1\nd\n' 0 'rm: d: Is a directory'
check "rm -r: a tree" 'mkdir -p d/e/f; : > d/e/g; ln -s /etc d/l; rm -r d; ls' ''
check "rm -R: a tree" 'mkdir -p d/e; rm -R d; ls' ''
check "rm -r: read-only files inside" 'mkdir -p d/e; : > d/e/f; chmod 444 d/e/f; rm -r d </dev/null; ls' ''
check "rm: missing file" 'rm nosuch' '' 1 'rm: nosuch: No such file or directory'
check "rm -f: missing file is fine" 'rm -f nosuch' ''
check "rm -f: no operands is fine" 'rm -f' ''
check "rm: carries on after an error" ': > a; rm nosuch a; echo $?; ls' $'1\n' 0 'nosuch'
check "rm: refuses ." 'rm -rf .; echo $?' $'1\n' 0 "refusing to remove '.'"
check "rm: refuses .." 'mkdir d; rm -rf d/..; echo $?; ls' $'1\nd\n' 0 "refusing"
check "rm: refuses /" 'rm -rf /' '' 1 "dangerous to operate recursively on '/'"
check "rm -i: no keeps it" ': > a; echo n | rm -i a; ls' $'a\n' 0 "remove 'a'\?"
check "rm -i: yes removes" ': > a; echo y | rm -i a 2>/dev/null; ls' ''
check "rm -v" 'mkdir d; : > d/f; rm -rv d' $'removed \x27d/f\x27\nremoved directory \x27d\x27\n'
check "rm: a symlink, not its target" ': > f; ln -s f l; rm l; ls' $'f\n'
check "rm: missing operand" 'rm' '' 2 'missing operand'
