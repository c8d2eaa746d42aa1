# basename, dirname
check "basename" 'basename /usr/lib/libc.a' $'libc.a\n'
check "basename: suffix" 'basename /usr/lib/libc.a .a' $'libc\n'
check "basename: suffix is the whole name" 'basename .a .a' $'.a\n'
check "basename: trailing slashes" 'basename /usr/lib//' $'lib\n'
check "basename: /" 'basename /' $'/\n'
check "basename: missing operand" 'basename' '' 2 'missing operand'
check "basename: extra operand" 'basename a b c' '' 2 "extra operand 'c'"
check "dirname" 'dirname /usr/lib/libc.a' $'/usr/lib\n'
check "dirname: several" 'dirname a/b/ a //x /' $'a\n.\n/\n/\n'
check "dirname: slashes between" 'dirname a//b//' $'a\n'
check "dirname: missing operand" 'dirname' '' 2 'missing operand'
check "basename -a: every operand" 'basename -a /a/b /c/d/' $'b\nd\n'
check "basename -s SUF: implies -a" 'basename -s .c /x/a.c b.c .c' $'a\nb\n.c\n'
check "basename: three operands without -a" 'basename a b c' '' 2 "extra operand 'c'"
