# chown, chgrp (the tests run as root; only uid and gid 0 are assumed to have names)
check "chown: numeric user" ': > f; chown 12 f; stat -c "%u %g" f' $'12 0\n'
check "chown: user:group" ': > f; chown 12:34 f; stat -c "%u %g" f' $'12 34\n'
check "chown: :group" ': > f; chown :34 f; stat -c "%u %g" f' $'0 34\n'
check "chown: names" ': > f; chown 5:6 f; chown root:root f; stat -c "%U %G" f' $'root root\n'
check "chown: user: takes the login group" ': > f; chown 5:6 f; chown root: f; stat -c "%u %g" f' $'0 0\n'
check "chown -R" 'mkdir -p d/e; : > d/e/f; chown -R 7:8 d; stat -c "%u:%g" d d/e d/e/f' $'7:8\n7:8\n7:8\n'
check "chown: follows a symlink operand" ': > f; ln -s f l; chown 9 l; stat -c %u f' $'9\n'
check "chown -h: the link itself" ': > f; ln -s f l; chown -h 9 l; stat -c %u f l' $'0\n9\n'
check "chown -R: links inside are not followed" 'mkdir d; : > f; ln -s ../f d/l; chown -R 9 d; stat -c %u f d/l' $'0\n9\n'
check "chown: unknown user" ': > f; chown no-such-user-here f' '' 2 "invalid user"
check "chown: missing file" 'chown 0 nosuch' '' 1 'chown: nosuch: No such file'
check "chgrp" ': > f; chgrp 34 f; stat -c "%u %g" f' $'0 34\n'
check "chgrp: by name" ': > f; chgrp 5 f; chgrp root f; stat -c %g f' $'0\n'
check "chgrp -R" 'mkdir d; : > d/f; chgrp -R 3 d; stat -c %g d d/f' $'3\n3\n'
check "chgrp: unknown group" ': > f; chgrp no-such-group-here f' '' 2 "invalid group"
check "chgrp: missing operand" 'chgrp 0' '' 2 'missing operand'
