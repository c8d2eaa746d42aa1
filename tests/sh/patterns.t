# Pattern matching: case, pathname expansion and ${x#...} use libmini's
# linear-time matcher; quoted characters inside [...] are plain characters.
=== quoted or escaped ! ^ - inside brackets are literal
case b in [\!a]) echo 1y;; *) echo 1n;; esac
case '!' in ["!"a]) echo 2y;; *) echo 2n;; esac
case m in [a"-"z]) echo 3y;; *) echo 3n;; esac
case - in [a"-"z]) echo 4y;; *) echo 4n;; esac
case b in ['^'a]) echo 5y;; *) echo 5n;; esac
case b in [!a]) echo 6y;; *) echo 6n;; esac
x=-b; echo ${x#[a"-"]}
--- out
1n
2y
3n
4y
5n
6y
b
=== many stars do not take exponential time
x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
case $x in *a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b) echo match;; *) echo no;; esac
touch $x
echo *a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b
echo ${x%%*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b}
--- out
no
*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
=== pathname expansion: directories, hidden files, sorting
mkdir -p d1/x d2 .h
touch a b.c d1/x/f d2/f 's p' .hid
echo *
echo .*
echo */
echo */f d*/x/*
echo "d"*/f \* *z
echo d1/../*.c ./*
for f in *; do echo "[$f]"; done | grep ' '
--- out
a b.c d1 d2 s p script.sh
. .. .h .hid
d1/ d2/
d2/f d1/x/f
d2/f * *z
d1/../b.c ./a ./b.c ./d1 ./d2 ./s p ./script.sh
[s p]
