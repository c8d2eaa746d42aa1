# Arithmetic: a counting loop with $(( )) and test.
i=0 sum=0
while [ "$i" -lt 50000 ]; do
	sum=$((sum + i % 7 * 3))
	i=$((i + 1))
done
echo "$sum"
