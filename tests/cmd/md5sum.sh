# md5sum, sha1sum, sha256sum: RFC 1321 / FIPS 180 test vectors, files, -c.
check "md5sum abc"              'printf abc | md5sum'                           $'900150983cd24fb0d6963f7d28e17f72  -\n'
check "md5sum empty"            'md5sum </dev/null'                             $'d41d8cd98f00b204e9800998ecf8427e  -\n'
check "md5sum RFC 1321 vector"  'printf 12345678901234567890123456789012345678901234567890123456789012345678901234567890 | md5sum' \
	$'57edf4a22be3c955ac49da2e2107b67a  -\n'
check "sha1sum abc"             'printf abc | sha1sum'                          $'a9993e364706816aba3e25717850c26c9cd0d89d  -\n'
check "sha1sum two blocks"      'printf abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq | sha1sum' \
	$'84983e441c3bd26ebaae4aa1f95129e5e54670f1  -\n'
check "sha256sum empty"         'sha256sum </dev/null'                          $'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  -\n'
check "sha256sum abc"           'printf abc | sha256sum -'                      $'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n'
check "sha256sum 55/56/64 bytes" 'for n in 55 56 63 64 65; do /usr/bin/head -c $n /dev/zero | sha256sum; /usr/bin/head -c $n /dev/zero | /usr/bin/sha256sum; done | /usr/bin/uniq | /usr/bin/wc -l' $'5\n'
check "sha256sum 1 MB file"     '/usr/bin/head -c 1000000 /dev/urandom >f; [ "$(sha256sum f)" = "$(/usr/bin/sha256sum f)" ] && echo same' $'same\n'
check "md5sum and sha1sum 1 MB" '/usr/bin/head -c 1000001 /dev/urandom >f; [ "$(md5sum f; sha1sum f)" = "$(/usr/bin/md5sum f; /usr/bin/sha1sum f)" ] && echo same' $'same\n'
check "md5sum several files"    'printf a >x; printf b >y; md5sum x y'          $'0cc175b9c0f1b6a831c399e269772661  x\n92eb5ffee6ae2fec3ad71c777531578f  y\n'
check "md5sum -c OK"            'printf a >x; md5sum x >sums; md5sum -c sums'   $'x: OK\n'
check "sha1sum -c FAILED"       'printf a >x; printf b >y; sha1sum x y >sums; printf c >y; sha1sum -c sums' \
	$'x: OK\ny: FAILED\n' 1 'WARNING: 1 computed checksum did NOT match'
check "sha256sum -c binary mark" 'printf a >x; sha256sum x | /usr/bin/sed "s/  / */" | sha256sum -c' $'x: OK\n'
check "md5sum -c missing file"  'printf a >x; md5sum x >sums; /bin/rm x; md5sum -c sums' $'x: FAILED open or read\n' 1 'could not be read'
check "md5sum -c -q"            'printf a >x; printf b >y; md5sum x y >sums; printf c >y; md5sum -c -q sums' $'y: FAILED\n' 1
check "md5sum -c -s"            'printf a >x; md5sum x >sums; printf c >x; md5sum -c -s sums' '' 1
check "md5sum -c bad list"      'echo hello >sums; md5sum -c sums'              '' 1 'no properly formatted checksum lines'
check "md5sum missing file"     'md5sum nosuch'                                 '' 1 'md5sum: nosuch: No such file'
check "sha1sum bad option"      'sha1sum -z'                                    '' 2 "unknown option '-z'"
check "md5sum -c: one space, a name with spaces" 'echo hi > "a b"; md5sum "a b" | sed "s/  / /" > l; md5sum -c l' $'a b: OK\n'
check "md5sum -c: - is standard input" 'echo hi | md5sum > l; echo hi | md5sum -c l' $'-: OK\n'
check "sha256sum -c: one space and a star" 'echo hi > f; sha256sum f | sed "s/  / */" > l; sha1sum f | sed "s/  / /" > l1; sha256sum -c l; sha1sum -c l1' $'f: OK\nf: OK\n'
check "md5sum -c: a digest with no name is malformed" 'echo "764efa883dda1e11db47671c4a3bbd9e " > l; md5sum -c l' '' 1 'no properly formatted'
check "md5sum, sha1sum, sha256sum: lengths around blocks and 64 KB reads, as the host's" \
	'for n in 0 1 55 56 63 64 65 119 120 128 65535 65536 65537 200000; do /usr/bin/head -c $n /dev/urandom > f; for h in md5 sha1 sha256; do [ "$(${h}sum f)" = "$(/usr/bin/${h}sum f)" ] || echo "differs: $h $n"; done; done; echo done' $'done\n'
check "md5sum: from a pipe in small pieces" 'for i in $(seq 300); do printf 0123456789abcdefghi; done > f; for i in $(seq 300); do printf 0123456789abcdefghi; done | md5sum | cut -c1-32 > a; /usr/bin/md5sum < f | cut -c1-32 > b; cmp a b && echo same' $'same\n'
