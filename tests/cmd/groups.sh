# groups: see also id.sh
check "groups of this process" 'groups' "$(/usr/bin/id -Gn)"$'\n'
check "groups of two users" 'groups root nobody' "root : $(/usr/bin/id -Gn root)"$'\n'"nobody : $(/usr/bin/id -Gn nobody)"$'\n'
