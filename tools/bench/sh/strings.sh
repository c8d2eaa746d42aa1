# Strings: parameter expansion (prefix/suffix removal, length) in a loop.
i=0 total=0 last=
while [ "$i" -lt 20000 ]; do
	path="/usr/share/doc/package$i/README.txt"
	base=${path##*/}
	dir=${path%/*}
	stem=${base%.txt}
	total=$((total + ${#dir} + ${#stem}))
	last="$stem:${dir#/usr/}"
	i=$((i + 1))
done
echo "$total $last"
