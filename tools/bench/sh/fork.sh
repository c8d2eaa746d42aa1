# Forking small commands: each iteration runs two external programs.
i=0
while [ "$i" -lt 300 ]; do
	cat /dev/null
	uname >/dev/null
	i=$((i + 1))
done
echo "$i"
