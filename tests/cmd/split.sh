# split: cut files into pieces.
check "split -l" 'printf "1\n2\n3\n4\n5\n" | split -l 2; cat xaa; echo -; cat xab; echo -; cat xac; ls' $'1\n2\n-\n3\n4\n-\n5\nxaa\nxab\nxac\n'
check "split: default 1000 lines" 'seq 2500 > f; split f; wc -l xaa xab xac | tail -n 1; ls' $' 2500 total\nf\nxaa\nxab\nxac\n'
check "split -b" 'printf "abcdefg" > f; split -b 3 f p; cat pab; echo; ls' $'def\nf\npaa\npab\npac\n'
check "split -b 1k" 'head -c 2048 /dev/zero > f; split -b 1k f; ls' $'f\nxaa\nxab\n'
check "split -d -a 3" 'printf "1\n2\n" | split -d -a 3 -l 1; ls' $'x000\nx001\n'
check "split: suffixes exhausted" 'seq 30 | split -a 1 -l 1 -d' '' 1 'exhausted'
check "split: missing file" 'split nosuch' '' 1 'nosuch'
check "split: bad count" 'split -l 0' '' 2 'invalid'
