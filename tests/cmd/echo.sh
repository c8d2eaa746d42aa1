# echo: operands, -n -e -E, escapes, \c.
check "echo words"              '$MINI echo a  b c'                             $'a b c\n'
check "echo nothing"            '$MINI echo'                                    $'\n'
check "echo -n"                 '$MINI echo -n hi'                              'hi'
check "echo without -e"         "\$MINI echo 'a\tb'"                            $'a\\tb\n'
check "echo -e escapes"         "\$MINI echo -e 'a\tb\101\0102\x43\\\\\e' | od -An -c" \
	$'   a  \\t   b   A   B   C   \\ 033  \\n\n'
check "echo -e \\c stops"       "\$MINI echo -e 'ab\cd' more"                   'ab'
check "echo -E undoes -e"       "\$MINI echo -e -E 'a\nb'"                      $'a\\nb\n'
check "echo grouped options"    "\$MINI echo -ne 'x\n'"                         $'x\n'
check "echo non-option word"    '$MINI echo -nx -- --help'                      $'-nx -- --help\n'
check "echo unknown escape"     "\$MINI echo -e '\q'"                           $'\\q\n'
check "echo write error"        '$MINI echo hi >/dev/full'                      '' 1 'echo: write error'
