# Pipelines of builtins: each `|` forks the shell itself, with no exec.
i=0 n=0
while [ "$i" -lt 500 ]; do
	n=$(echo "a b c $i" | { read -r x y z w; echo "$w"; })
	i=$((i + 1))
done
echo "$n"
