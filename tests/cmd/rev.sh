# rev: reverse lines.
check "rev" 'printf "abc\nde\n" | rev' $'cba\ned\n'
check "rev: file, no final newline" 'printf "ab\ncd" > f; rev f' $'ba\ndc'
check "rev: missing file" 'rev nosuch' '' 1 'nosuch'
check "rev: files and - among them, in order" 'echo ab > f; echo cd | rev f - f' $'ba\ndc\nba\n'
check "rev: a write error is said once" 'echo ab > f; rev f f 2>err >/dev/full; echo $?; cat err' $'1\nrev: write error: No space left on device\n'
