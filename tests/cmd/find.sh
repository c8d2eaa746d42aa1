# find (output is sorted where the order of a directory's entries would show)
tree='mkdir -p t/a/b t/c; : > t/a/x.c; : > t/a/b/Y.C; printf 1234 > t/c/z; ln -s z t/c/l;'
check "find: everything, . by default" "$tree"' cd t; find | sort' $'.\n./a\n./a/b\n./a/b/Y.C\n./a/x.c\n./c\n./c/l\n./c/z\n'
check "find: a path, parents first" "$tree"' find t/a/b' $'t/a/b\nt/a/b/Y.C\n'
check "find -name" "$tree"' find t -name "*.c"' $'t/a/x.c\n'
check "find -iname" "$tree"' find t -iname "*.c" | sort' $'t/a/b/Y.C\nt/a/x.c\n'
check "find -path" "$tree"' find t -path "t/a/*" | sort' $'t/a/b\nt/a/b/Y.C\nt/a/x.c\n'
check "find -type d" "$tree"' find t -type d | sort' $'t\nt/a\nt/a/b\nt/c\n'
check "find -type f, l" "$tree"' find t -type f | sort; find t -type l' $'t/a/b/Y.C\nt/a/x.c\nt/c/z\nt/c/l\n'
check "find -size: c, blocks, +/-" "$tree"' find t -size 4c; find t -type f -size -1 | sort; find t -size +1000k' $'t/c/z\nt/a/b/Y.C\nt/a/x.c\n'
check "find -size k" 'head -c 3000 /dev/zero > f; find f -size 3k' $'f\n'
check "find -mtime" 'touch -d "2000-01-01" old; : > new; find . -type f -mtime +30; find . -type f -mtime -1; find . -type f -mtime 0' $'./old\n./new\n./new\n'
check "find -mmin" 'touch -d "2000-01-01" old; : > new; find . -type f -mmin -5; find . -type f -mmin +5' $'./new\n./old\n'
check "find -newer" 'touch -d "2000-01-01" old; touch -d "2010-01-01" mid; : > new; find . -type f -newer mid' $'./new\n'
check "find -perm: exact, -all, /any" ': > a; : > b; chmod 644 a; chmod 755 b; find . -type f -perm 644; find . -type f -perm -111; find . -type f -perm /111; find . -type f -perm -u+x' $'./a\n./b\n./b\n./b\n'
check "find -user, -group" ': > a; : > b; chown 5:6 b; find . -type f -user root; find . -type f -group 6; find . -user 5' $'./a\n./b\n./b\n'
check "find -links" ': > a; ln a b; : > c; find . -type f -links +1 | sort' $'./a\n./b\n'
check "find -empty" 'mkdir e f; : > f/g; printf x > h; find . -empty | sort' $'./e\n./f/g\n'
check "find -maxdepth" "$tree"' find t -maxdepth 1 | sort' $'t\nt/a\nt/c\n'
check "find -mindepth" "$tree"' find t -mindepth 2 -type d' $'t/a/b\n'
check "find -prune" "$tree"' find t -name a -prune -o -type f -print' $'t/c/z\n'
check "find -xdev" 'mkdir d; : > d/f; find d -xdev | sort' $'d\nd/f\n'
check "find -print0" ': > a; : > b; find . -type f -print0 | sort -z | tr "\0" "\n"' $'./a\n./b\n'
check "find -exec {} ;" ': > a; : > b; find . -type f -exec echo "<{}>" \; | sort' $'<./a>\n<./b>\n'
check "find -exec is a test" ': > a; : > b; find . -type f -exec test {} = ./a \; -print' $'./a\n'
check "find -exec {} +: all in one" ': > a; : > b; find . -type f -exec echo files: {} + | wc -l' $'1\n'
check "find -exec + runs once with every path" ': > a; : > b; find . -type f -exec /bin/sh -c "echo \$#" x {} +' $'2\n'
check "find -ok: yes and no" ': > a; printf "y\n" | find . -type f -ok echo run {} \;' $'run ./a\n' 0 '\?'
check "find -ok: no" ': > a; printf "n\n" | find . -type f -ok echo run {} \;' '' 0 '\?'
check "find -delete" "$tree"' find t -name "*.c" -delete; find t -iname "*.c"; find t -type d -name c -delete; echo $?' $'t/a/b/Y.C\n1\n' 0 'Directory not empty'
check "find -delete: the whole tree" "$tree"' find t -delete; ls' ''
check "find: ! and -a" "$tree"' find t ! -type d -a ! -name "*.c" | sort' $'t/a/b/Y.C\nt/c/l\nt/c/z\n'
check "find: -o binds looser than -a" "$tree"' find t -type f -name z -o -name x.c | sort' $'t/a/x.c\nt/c/z\n'
check "find: ( ) group" "$tree"' find t -type f \( -name z -o -name x.c \) -print | sort' $'t/a/x.c\nt/c/z\n'
check "find: -print only where it stands" "$tree"' find t -name z -print -o -name x.c' $'t/c/z\n'
check "find: several paths" "$tree"' find t/a/b t/c/z' $'t/a/b\nt/a/b/Y.C\nt/c/z\n'
check "find: missing path, carries on" 'mkdir d; find nosuch d' $'d\n' 1 'find: nosuch: No such file'
check "find: unknown primary" 'find . -bogus' '' 2 "unknown primary '-bogus'"
check "find: missing argument" 'find . -name' '' 2 "missing argument to '-name'"
check "find: missing )" 'find . \( -name x' '' 2 "missing '\)'"
check "find: bad -type" 'find . -type q' '' 2 "unknown type"
check "find -exec: {} inside a word" ': > a; find . -type f -exec echo "x{}y" \;' $'x./ay\n'
check "find: -print before the default" ': > a; find . -type f -print -print | wc -l' $'2\n'
check "find --help" 'find --help | head -1' $'Usage: find [-H|-L|-P] [PATH]... [EXPRESSION]\n'
check "find -L: follows symlinks" 'mkdir -p d/e; : > d/e/f; ln -s d l; find -L l -type f; find l -type f; find -P l -type l' $'l/e/f\nl\n'
check "find -H: follows the paths only" 'mkdir -p d/e; ln -s e d/le; ln -s d l; find -H l -type l' $'l/le\n'
check "find -L: a loop is reported" 'mkdir d; ln -s .. d/up; find -L d >/dev/null' '' 1 'loop'
check "find: -not -and -or" "$tree"' find t -type f -not -name z -and -name "*.c" -or -name z | sort' $'t/a/x.c\nt/c/z\n'
check "find: -true -false -wholename" "$tree"' find t -false -o -wholename "t/c/*" -true | sort' $'t/c/l\nt/c/z\n'
check "find -atime -amin -ctime -cmin" 'touch -a -d "2000-01-01" old; : > new; find . -type f -atime +30; find . -type f -amin -5; find . -type f -ctime -1 | sort; find . -type f -cmin +5' $'./old\n./new\n./new\n./old\n'
check "find -regex: the whole path must match" "$tree"' find t -regex "t/a"; find t -regex "a"; find t -regex ".*\.c"' $'t/a\nt/a/x.c\n'
check "find -iregex" "$tree"' find t -iregex ".*/[xy]\.c" | sort' $'t/a/b/Y.C\nt/a/x.c\n'
check "find -regex: basic, not extended" "$tree"' : > "t/c/z+"; find t -regex "t/c/z+"; find t -regex "t/\(.\)/\1" | sort; find t -regex "t/c/.\{1\}" | sort' $'t/c/z+\nt/c/l\nt/c/z\n'
check "find -regex: seen after ./" 'mkdir d; find -regex "\./d"' $'./d\n'
check "find -regex: an invalid one" 'find . -regex "a\("' '' 2 'invalid regular expression'
check "find -printf: %p %f %h %P %d" "$tree"' find t/a -printf "%p|%f|%h|%P|%d\n" | sort' $'t/a/b/Y.C|Y.C|t/a/b|b/Y.C|2\nt/a/b|b|t/a|b|1\nt/a/x.c|x.c|t/a|x.c|1\nt/a|a|t||0\n'
check "find -printf: %P %h %f under ." 'mkdir a; find -printf "[%P][%h][%f]\n" | sort' $'[][.][.]\n[a][.][a]\n'
check "find -printf: replaces -print" ': > a; find . -type f -printf "%f\n"' $'a\n'
check "find -printf: %s %m %M %n %U %G %u %g" 'printf 1234 > f; chmod 640 f; ln f g; find f -printf "%s %m %M %n %U:%G %u:%g\n"' $'4 640 -rw-r----- 2 0:0 root:root\n'
check "find -printf: %k %b %i" ': > f; find f -printf "%k %b %i\n" | sed "s/ [0-9][0-9]*\$/ inode/"' $'0 0 inode\n'
check "find -printf: %y %Y %l" ': > f; mkdir d; ln -s f l; ln -s nowhere n; find . -printf "%y%Y %l|" | tr "|" "\n" | sort' $'dd \ndd \nff \nlN nowhere\nlf f\n'
check "find -printf: times" 'export TZ=UTC0; touch -d "2000-01-02 03:04:05" f; find f -printf "%t|%T@|%T+|%TY-%Tm-%Td %TH:%TM|%Ac\n"' $'Sun Jan  2 03:04:05 2000|946782245.0000000000|2000-01-02+03:04:05.0000000000|2000-01-02 03:04|Sun Jan  2 03:04:05 2000\n'
check "find -printf: width and precision" ': > f; find f -printf "[%-3f][%3f][%.1p][%5s]\n"' $'[f  ][  f][f][    0]\n'
check "find -printf: escapes and %%" ': > f; find f -printf "%f\t%%\\\\\101\0\n" | tr "\0" Z' $'f\t%\\AZ\n'
check "find -printf: \c stops" ': > f; find f -printf "a\cb" -printf "c\n"' $'ac\n'
check "find -printf: unknown directive" 'find . -printf "%z"' '' 2 "unknown -printf directive '%z'"
check "find -printf: a lone % at the end" 'find . -printf "x%"' '' 2 "unknown -printf directive '%'"
check "find -printf: %T needs its letter" 'find . -printf "%T"' '' 2 "unknown -printf directive '%T'"
# Past 2038 (the host's touch has a 64-bit time): stat() would give 1903; never shown.
check "find -printf: a date of 2040 is ?, said on stderr, status 1; %T@ is right" \
	'export TZ=UTC0; /usr/bin/touch -d 2040-01-01 future; /usr/bin/touch -d 2020-05-05 old; find future old -printf "%p %t|%TY|%A+|%T@\n"' \
	$'future ?|?|?|2208988800.0000000000\nold Tue May  5 00:00:00 2020|2020|2020-05-05+00:00:00.0000000000|1588636800.0000000000\n' 1 '^find: future: date out of range$'
check "find -mtime -mmin -newer: a file of 2040 is new, not 136 years old" \
	'/usr/bin/touch -d 2040-01-01 future; /usr/bin/touch -d 2039-06-01 ref; : > now; find . -mtime +1; find . -mmin +1; find . -newer ref; find . -type f -mtime -1 | sort' \
	$'./future\n./future\n./now\n./ref\n'
check "find -name: 25 stars against a long name end at once (uClibc's fnmatch took minutes)" \
	'touch $(printf "%0200d" 0 | tr 0 a); find . -name "$(printf "%025d" 0 | sed "s/0/*a/g")*b"; find . -name "$(printf "%025d" 0 | sed "s/0/*a/g")" | wc -l' $'1\n'
check "find -name -iname -path: brackets, classes, escapes" \
	'mkdir d; touch "d/a!b" d/A1 d/.h "d/x*y"; find d -name "a[\\!]b"; find d -iname "a[[:digit:]]"; find d -path "d/*" -name "*[!a-z0-9]*" | sort; find d -name "x\\*y"' \
	$'d/a!b\nd/A1\nd/.h\nd/A1\nd/a!b\nd/x*y\nd/x*y\n'
check "find -L: a directory loop is reported, status 1" 'mkdir -p d/e; ln -s .. d/e/up; find -L d > out; echo "status $?"; sort out' $'status 1\nd\nd/e\nd/e/up\n' 0 "File system loop detected; 'd/e/up' is part of the same file system loop as 'd'"
check "find -L: a symlink loop is ELOOP, status 1" 'mkdir d; ln -s l d/l; : > d/f; find -L d > out; echo "status $?"; sort out' $'status 1\nd\nd/f\n' 0 'find: d/l: Too many levels of symbolic links'
check "find -P: a symlink loop is just a link" 'mkdir d; ln -s l d/l; find d -type l' $'d/l\n'
check "find -quit: stops at the first match" 'mkdir -p d/a d/b; : > d/a/x; : > d/b/x; find d -name x -print -quit | wc -l' $'1\n'
check "find -quit: no implied -print after it" ': > x; find . -name x -quit' ''
check "find -quit: the other paths are not walked" 'mkdir a b; find a b -print -quit' $'a\n'
check "find -quit: -exec + still runs" 'mkdir d; : > d/x; find d -type f -exec echo {} + -quit' $'d/x\n'
# With only name and type tests, find takes the type from the directory (d_type) and does
# not lstat every file: the answers must be those of lstat (-links +0 forces it).
types='mkdir -p t/d; : > t/f; ln -s f t/lf; ln -s d t/ld; ln -s nowhere t/ln; mkfifo t/p;'
check "find -type from the directory = from lstat" "$types"' for y in f d l p; do [ "$(find t -type $y | sort)" = "$(find t -type $y -links +0 | sort)" ] || echo "differs: $y"; done; find t -type l | sort' \
	$'t/ld\nt/lf\nt/ln\n'
check "find -L -type: symlinks followed, not taken from the directory" "$types"' find -L t -type d | sort; find -L t -type f | sort; find -L t -type l' \
	$'t\nt/d\nt/ld\nt/f\nt/lf\nt/ln\n'
check "find -printf %y %p: the type from the directory" "$types"' find t -printf "%y %p\n" | sort' \
	$'d t\nd t/d\nf t/f\nl t/ld\nl t/lf\nl t/ln\np t/p\n'
# A file gone between the reading of its directory and the look at it is passed over in
# silence (GNU find and du, toybox): find's own directory descriptor in /proc/self/fd is one.
check "find: a file that vanished while walking is no error" 'find /proc/self/fd -size -1000 > /dev/null; echo $?; find /proc/self/task > /dev/null; echo $?' $'0\n0\n'
