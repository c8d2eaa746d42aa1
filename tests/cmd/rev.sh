# rev: reverse lines.
check "rev" 'printf "abc\nde\n" | rev' $'cba\ned\n'
check "rev: file, no final newline" 'printf "ab\ncd" > f; rev f' $'ba\ndc'
check "rev: missing file" 'rev nosuch' '' 1 'nosuch'
