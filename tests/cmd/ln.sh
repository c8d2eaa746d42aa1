# ln
check "ln: hard link" 'echo x > a; ln a b; stat -c %h b; cat b' $'2\nx\n'
check "ln -s: symbolic link" 'ln -s target l; readlink l' $'target\n'
check "ln: into a directory" ': > a; : > b; mkdir d; ln -s ../a ../b d; readlink d/a d/b' $'../a\n../b\n'
check "ln: one operand links into ." 'mkdir d; : > d/f; ln -s d/f; readlink f' $'d/f\n'
check "ln: existing link name" ': > a; : > b; ln a b' '' 1 'ln: b: File exists'
check "ln -f: replaces" ': > a; : > b; ln -sf a b; readlink b' $'a\n'
check "ln -sfn: replaces a link to a directory" 'mkdir d e; ln -s d l; ln -sfn e l; readlink l; ls d' $'e\n'
check "ln -sf without -n: goes into the directory" 'mkdir d e; ln -s d l; ln -sf e l; readlink l d/e' $'d\ne\n'
check "ln -v" 'ln -sv t l' $'\x27l\x27 -> \x27t\x27\n'
check "ln: hard link to a missing file" 'ln nosuch l' '' 1 'ln: nosuch: No such file'
check "ln: several sources need a directory" ': > a; : > b; ln a b c' '' 1 "target 'c' is not a directory"
check "ln: missing operand" 'ln' '' 2 'missing file operand'
