# whoami: see also id.sh
check "whoami is id -un" 'whoami' "$(/usr/bin/id -un)"$'\n'
check "whoami --help" 'whoami --help | head -n 1' $'Usage: whoami\n'
