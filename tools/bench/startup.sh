# Shell startup: the shell started 1000 times to run nothing (sh -c :).
i=0
while [ "$i" -lt 1000 ]; do
	sh -c :
	i=$((i + 1))
done
echo "$i"
