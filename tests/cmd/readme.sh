# README.md's command list and count are the binary's: shell/command-list.h is the one list.
readme_names() {	# the backquoted names on the line after "N commands, all in the one binary:"
	awk '/^[0-9]+ commands, all in the one binary:$/ { getline; getline; print; exit }' "$OLDPWD_TOP/README.md" |
		grep -o '`[^`]*`' | tr -d '`'
}
OLDPWD_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export OLDPWD_TOP
check "README lists every command, in order" "$(declare -f readme_names); readme_names | diff - <(\$MINI --list)" ''
check "README's command count is the binary's" \
	'grep -c . <($MINI --list) | sed "s/\$/ commands, all in the one binary:/" | grep -qxFf - "$OLDPWD_TOP/README.md" && echo same' $'same\n'
