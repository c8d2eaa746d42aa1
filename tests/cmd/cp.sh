# cp: files, trees, links, sparse files, safety.
check "cp: a file" 'echo hi > a; cp a b; cat b' $'hi\n'
check "cp: into a directory" 'echo hi > a; echo ho > b; mkdir d; cp a b d; cat d/a d/b' $'hi\nho\n'
check "cp: over an existing file" 'echo new > a; echo old > b; cp a b; cat b' $'new\n'
check "cp: keeps the target's hard links apart (replaced by rename)" 'echo new > a; echo old > b; ln b c; cp a b; cat b c' $'new\nold\n'
check "cp: a directory needs -r" 'mkdir d; cp d e' '' 1 "omitting directory 'd'"
check "cp -r: a tree" 'mkdir -p d/e; echo x > d/e/f; cp -r d g; cat g/e/f' $'x\n'
check "cp -R: a tree" 'mkdir -p d/e; echo x > d/e/f; cp -R d g; cat g/e/f' $'x\n'
check "cp -r: into an existing directory" 'mkdir d g; echo x > d/f; cp -r d g; cat g/d/f' $'x\n'
check "cp -r: refuses to copy a directory into itself" 'mkdir d; cp -r d d/sub' '' 1 'into itself'
check "cp -p: keeps mode and times" 'echo x > a; chmod 640 a; touch -d 2020-01-01 a; cp -p a b; stat -c "%a %Y" b' $'640 1577836800\n'
check "cp: without -p the umask applies" 'umask 022; echo x > a; chmod 777 a; cp a b; stat -c %a b' $'755\n'
check "cp -a: symlinks stay links" 'mkdir d; ln -s nowhere d/l; cp -a d e; readlink e/l' $'nowhere\n'
check "cp -P: copies the link" 'echo x > f; ln -s f l; cp -P l m; readlink m' $'f\n'
check "cp: follows a symlink by default" 'echo x > f; ln -s f l; cp l m; [ -L m ] || cat m' $'x\n'
check "cp -L: follows links inside a tree" 'mkdir d; echo x > f; ln -s ../f d/l; cp -rL d e; [ -L e/l ] || cat e/l' $'x\n'
check "cp -r: copies links as links" 'mkdir d; ln -s ../f d/l; cp -r d e; readlink e/l' $'../f\n'
check "cp: sparse file keeps its hole" 'truncate -s 8M s; echo end >> s; cp s t; [ $(stat -c %b t) -lt 100 ] && cmp s t && stat -c %s t' $'8388612\n'
check "cp -n: never overwrite" 'echo new > a; echo old > b; cp -n a b; cat b' $'old\n'
check "cp -i: no keeps the file" 'echo new > a; echo old > b; echo n | cp -i a b; cat b' $'old\n' 0 'overwrite'
check "cp -i: yes overwrites" 'echo new > a; echo old > b; echo y | cp -i a b 2>/dev/null; cat b' $'new\n'
check "cp -f after -i" 'echo new > a; echo old > b; cp -i -f a b </dev/null; cat b' $'new\n'
check "cp -v" 'echo x > a; cp -v a b' $'\x27a\x27 -> \x27b\x27\n'
check "cp: same file" 'echo x > a; cp a a' '' 1 "'a' and 'a' are the same file"
check "cp: missing source, carries on" 'echo x > a; mkdir d; cp nosuch a d; echo $?; cat d/a' $'1\nx\n' 0 'cp: nosuch: No such file or directory'
check "cp: failure leaves the target whole" 'echo old > b; mkdir d; cp d/nosuch b; echo $?; cat b' $'1\nold\n' 0 'No such file'
check "cp: to a device" 'echo x > a; cp a /dev/null && echo ok' $'ok\n'
check "cp: several sources need a directory" ': > a; : > b; cp a b c' '' 1 "target 'c' is not a directory"
check "cp: missing operand" 'cp a' '' 2 'missing destination'
check "cp: writes through a symlink target" 'echo new > a; echo old > f; ln -s f l; cp a l; readlink l; cat f' $'f\nnew\n'
check "cp: a sparse file over 4 GiB" 'truncate -s 5G big; printf x >> big; cp big copy; stat -c %s copy; [ $(stat -c %b copy) -lt 100 ] && tail -c 1 copy' $'5368709121\nx'
check "cp -r: an error inside, carries on" 'mkdir -p d/sub e/d; : > d/z; : > e/d/sub; cp -r d e; echo $?; ls e/d' $'1\nsub\nz\n' 0 'cp: e/d/sub: File exists'
check "cp --help" 'cp --help | head -1' $'Usage: cp [-adfHiLnPprRuv] [-T] SOURCE DEST\n'
# A full disk (a 64 KiB tmpfs, when this host lets root mount one): the old target stays whole.
full_disk='mkdir m; head -c 200000 /dev/zero | tr "\0" x > big; if mount -t tmpfs -o size=64k none m 2>/dev/null; then trap "umount m" EXIT;'
check "cp: a full disk leaves the old file whole" "$full_disk"' echo old > m/t; cp big m/t; echo $?; cat m/t; ls m; else printf "1\nold\nt\n"; fi' $'1\nold\nt\n' 0 'No space left|^$'
check "cp: a full disk leaves no partial new file" "$full_disk"' cp big m/new; echo $?; ls m; else echo 1; fi' $'1\n' 0 'No space left|^$'
check "cp -a: hard links stay hard links" 'mkdir d; echo x > d/a; ln d/a d/b; : > d/c; cp -a d e; stat -c %h e/a e/b e/c; [ $(stat -c %i e/a) = $(stat -c %i e/b) ] && echo same' $'2\n2\n1\nsame\n'
check "cp -r: a read-only directory is copied, and stays read-only" 'mkdir -p d/e; : > d/e/f; chmod 555 d/e; cp -r d g; stat -c %a g/e; ls g/e' $'555\nf\n'
check "cp -r: into an existing directory keeps its mode" 'mkdir d g; chmod 700 g; mkdir g/d; chmod 711 g/d; : > d/f; cp -r d g; stat -c %a g/d' $'711\n'
check "cp: a directory target named with a trailing slash" 'echo x > a; mkdir d; cp a d/; cat d/a' $'x\n'
# Without -f, a file the user may not write is not replaced (POSIX); -f removes it and copies.
AS_NOBODY='as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }; chmod 777 .'
check "cp: an existing file we may not write is refused" "$AS_NOBODY"'; echo new > s; echo old > d; chmod 000 d; chown 65534 s d 2>/dev/null; as_user "$MINI" cp s d; echo "status $?"; chmod 600 d; cat d' $'status 1\nold\n' 0 'cp: d: Permission denied'
check "cp -f: replaces a file we may not write" "$AS_NOBODY"'; echo new > s; echo old > d; chmod 000 d; chown 65534 s d 2>/dev/null; as_user "$MINI" cp -f s d; echo "status $?"; cat d' $'status 0\nnew\n'
check "cp -r: a file we may not write inside a tree is refused, the rest copied" "$AS_NOBODY"'; mkdir -p a b/a; echo 1 > a/x; echo 2 > a/y; echo old > b/a/x; chmod 444 b/a/x; chown -R 65534 a b 2>/dev/null; as_user "$MINI" cp -r a b; echo "status $?"; cat b/a/x b/a/y' $'status 1\nold\n2\n' 0 'Permission denied'
check "cp -u: only over an older file" 'echo new > s; echo old > d; echo older > e; touch -d "2000-01-01" e; touch -d "2030-01-01" d; cp -u s d; cp -u s e; cp -u s f; cat d e f' $'old\nnew\nnew\n'
check "cp --parents: the whole path under DIR" 'mkdir -p a/b t; echo x > a/b/f; cp --parents a/b/f t; cat t/a/b/f' $'x\n'
check "cp --parents: the target must be a directory" 'echo x > f; cp --parents f g' '' 1 "target 'g' is not a directory"
check "cp --parents -T: refused" 'echo x > f; mkdir g; cp --parents -T f g' '' 2 '--parents needs a directory'
check "cp -t DIR: sources after it" 'echo 1 > a; echo 2 > b; mkdir d; cp -t d a b; cat d/a d/b' $'1\n2\n'
check "cp -t: not a directory" 'echo 1 > a; cp -t a a' '' 1 "target 'a' is not a directory"
check "cp --target-directory=DIR" 'echo 1 > a; mkdir d; cp --target-directory=d a; cat d/a' $'1\n'
check "cp -T: a directory named as DEST is not entered" 'mkdir -p s d; echo x > s/f; cp -rT s d; cat d/f' $'x\n'
check "cp -T: one source only" ': > a; : > b; mkdir d; cp -T a b d' '' 2 "extra operand 'd'"
check "cp -H: a symlink operand is followed, those inside are not" 'mkdir -p s/d; echo x > f; ln -s ../f s/d/l; ln -s s sl; cp -rH sl t; [ -L t/d/l ] && [ ! -L t ] && echo ok' $'ok\n'
check "cp -d: a symlink copied as a link" 'echo x > f; ln -s f l; cp -d l m; readlink m' $'f\n'
# The copy goes through libmini/newfile.c: written beside the target, renamed over it whole.
check "cp: a read error midway names the source, leaves the old file whole and no temporary file" \
	'echo old > t; cp /proc/self/mem t; echo $?; cat t; ls -A' $'1\nold\nt\n' 0 'cp: /proc/self/mem: Input/output error'
check "cp: a read-only target is replaced whole (root), no temporary file left" \
	'echo new > a; echo old > b; chmod 444 b; ln b c; cp a b; echo $?; cat b c; ls -A' $'0\nnew\nold\na\nb\nc\n'
check "cp -p: over an existing file, mode and times kept" \
	'echo x > a; chmod 604 a; touch -d 2020-01-01 a; echo old > b; cp -p a b; stat -c "%a %Y" b' $'604 1577836800\n'
check "cp -p: the mode even where the umask would take bits away" \
	'umask 077; echo x > a; chmod 644 a; cp -p a b; stat -c %a b' $'644\n'
check "cp: without -p a new file's mode is the umask's" \
	'umask 077; echo x > a; chmod 644 a; cp a b; stat -c %a b' $'600\n'
check "cp -a: a set-user-id file stays set-user-id" 'echo x > a; chmod 4755 a; cp -a a b; stat -c %a b' $'4755\n'
check "cp: into a FIFO, which stays a FIFO" \
	'echo x > a; mkfifo f; cat f > out & cp a f; wait; cat out; [ -p f ] && echo fifo' $'x\nfifo\n'
check "cp: through a symlink to a device" 'echo x > a; ln -s /dev/null l; cp a l; readlink l' $'/dev/null\n'
check "cp: a dangling symlink is neither followed nor replaced" \
	'echo x > a; ln -s nowhere l; cp a l; echo $?; readlink l; ls -A' $'1\nnowhere\na\nl\n' 0 'cp: l: No such file'
check "cp -T: onto a directory fails, nothing left behind" \
	'echo x > a; mkdir d; cp -T a d; echo $?; ls -A . d' $'1\n.:\na\nd\n\nd:\n' 0 'cp: d: Is a directory'
