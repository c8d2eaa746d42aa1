# awk's regular expressions through simplere.c (characters, brackets, groups, |, * + ?,
# ^ $) and through regexec (the rest): the same leftmost-longest matches either way.
# tests/unit/simplere_test.c compares the two on thousands of random patterns.
check 'awk regex: gsub of a bracket run' 'echo a1b22c333 | awk '\''{ n = gsub(/[0-9]+/, "<&>"); print n, $0 }'\''' $'3 a<1>b<22>c<333>\n'
check 'awk regex: alternatives, the longest of the leftmost' 'echo xabcx | awk '\''{ gsub(/(a|ab)(c|bcd)?/, "[&]"); print }'\''' $'x[abc]x\n'
check 'awk regex: $ anchors the end only' 'echo aaa | awk '\''{ n = gsub(/a$/, "b"); print n, $0 }'\''' $'1 aab\n'
check 'awk regex: ^ anchors the start only' 'echo aaa | awk '\''{ n = gsub(/^a*/, "-"); print n, $0 }'\''' $'1 -\n'
check 'awk regex: classes with ~' 'awk '\''BEGIN { print ("x9" ~ /^[[:alpha:]][[:digit:]]$/), ("9x" ~ /^[[:alpha:]][[:digit:]]$/) }'\''' $'1 0\n'
check 'awk regex: match sets RSTART and RLENGTH' 'awk '\''BEGIN { print match("foo  bar", / +/), RSTART, RLENGTH; print match("abc", /x|y/), RSTART, RLENGTH }'\''' $'4 4 2\n0 0 -1\n'
check 'awk regex: a regex FS' 'echo axxbxyc | awk -F '\''x+y?'\'' '\''{ print NF, $1 $2 $3 }'\''' $'3 abc\n'
check 'awk regex: /re/ alone tests $0' 'printf "one\ntwo\nthree\n" | awk '\''/^t(wo|hree)$/'\''' $'two\nthree\n'
check 'awk regex: empty matches between characters' 'awk '\''BEGIN { s = "abc"; print gsub(/(x|y)*/, "-", s), s }'\''' $'4 -a-b-c-\n'
check 'awk regex: nested deeper than the matcher goes, regexec does it' 'awk '\''BEGIN { r = "((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))"; s = "a"; print gsub(r, "b", s), s }'\''' $'1 b\n'
check 'awk regex: more characters than the matcher takes' 'awk '\''BEGIN { r = "abcdefghijklmnopqrstuvwxyzabcdefghij"; s = "-" r "-"; print gsub(r, "X", s), s }'\''' $'1 -X-\n'
check 'awk regex: backslash classes are regexec'\''s' 'awk '\''BEGIN { s = "ab cd"; print gsub(/\<c/, "C", s), s }'\''' $'1 ab Cd\n'
check 'awk regex: numeric and other keys' 'awk '\''BEGIN { a["1234567890"] = 1; a["123456789"] = 2; a["0"] = 3; a["007"] = 4; a[7] = 5; print a["1234567890"], a["123456789"], a["0"], a["007"], a["7"], length(a) }'\''' $'1 2 3 4 5 5\n'
check 'awk regex: split keeps every field' 'awk '\''BEGIN { n = split("a b c d e f g h i j k l", p); s = ""; for (i = 1; i <= n; i++) s = s p[i]; print n, s }'\''' $'12 abcdefghijkl\n'
check 'awk regex: a bad regex in the program' 'awk '\''{ gsub(/a(/, "x") }'\''' '' 2 'awk: .*bad regex'
check 'awk regex: a bad regex at run time' 'awk '\''BEGIN { r = "[a"; gsub(r, "x") }'\''' '' 2 'awk: .*bad regex: \[a'
