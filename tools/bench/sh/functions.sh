# Functions: many calls with arguments, a result through a global, and recursion.
add() {
	result=$(($1 + $2))
}
fib() {
	if [ "$1" -lt 2 ]; then
		result=$1
		return
	fi
	fib $(($1 - 1))
	set -- "$1" "$result"	# the positional parameters are the only locals in POSIX sh
	fib $(($1 - 2))
	result=$(($2 + result))
}
i=0 acc=0
while [ "$i" -lt 30000 ]; do
	add "$acc" "$i"
	acc=$result
	i=$((i + 1))
done
fib 15
echo "$acc $result"
