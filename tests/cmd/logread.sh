# logread: run chrooted in a fake root (it reads /var/log/messages), on logs written
# by hand: whatever a log holds, control characters never reach the terminal raw.
. "$(dirname "${BASH_SOURCE[0]}")/fakeroot.bash"
if [ "$(id -u)" != 0 ]; then
	echo "ok - logread: skipped (chroot needs root)"
	return 0
fi

check "logread: escape sequences in the log shown as ^X, not sent to the terminal" \
	'mkroot; printf "Jan  1 00:00:00 mini user.notice evil: \033]0;title\007 \033[2J\r\177 end\n" >root/var/log/messages
	 inroot logread' \
	$'Jan  1 00:00:00 mini user.notice evil: ^[]0;title^G ^[[2J^M^? end\n'
check "logread: UTF-8 kept; a byte that is no UTF-8, and a C1 control, as \\ooo" \
	'mkroot; printf "caf\303\251 \342\202\254 \360\237\230\200 | \377 \200 \300\257 \355\240\200 \302\233 \342\202\n" >root/var/log/messages
	 inroot logread' \
	$'caf\303\251 \342\202\254 \360\237\230\200 | \\377 \\200 \\300\\257 \\355\\240\\200 \\302\\233 \\342\\202\n'
check "logread: messages.0 first, then messages; a last line without its newline" \
	'mkroot; echo old >root/var/log/messages.0; printf "new\nlast" >root/var/log/messages; inroot logread' \
	$'old\nnew\nlast'
check "logread: a NUL in the log is ^@" \
	'mkroot; printf "a\000b\n" >root/var/log/messages; inroot logread' $'a^@b\n'

# -f follows the log when syslogd moves its records to messages.0 and starts anew,
# more than once between two looks, too: the records in between are found in
# messages.0. Each record at most once, in order, the last one, and every record the
# log still has. (With -s 1 the oldest go; the waits are bounded guards, not results.)
check "logread -f: follows syslogd through its compactions, each record once, in order" \
	'mkroot; "$CHROOT" root /bin/mini syslogd -n -s 1 & syslogd=$!
	 for i in $(/usr/bin/seq 100); do [ -S root/dev/log ] && break; /bin/sleep 0.1; done
	 "$CHROOT" root /bin/mini logread -f >out & logread=$!
	 for i in $(/usr/bin/seq 60); do "$CHROOT" root /bin/mini logger -t t number $i; done
	 for i in $(/usr/bin/seq 200); do /bin/grep -q "t: number 60$" out && break; /bin/sleep 0.1; done
	 kill $syslogd $logread; wait
	 /bin/sed -n "s/.* t: number //p" out >shown
	 /usr/bin/awk "\$1 <= last { bad = 1 } { last = \$1 } END { if (!bad) print \"in order, each once\"; print last }" shown
	 inroot logread | /bin/sed -n "s/.* t: number //p" | /bin/grep -vxFf shown | /usr/bin/wc -l' \
	$'in order, each once\n60\n0\n' 0

check "logread: no log" 'mkroot; inroot logread' '' 1 "is syslogd running"
check "logread: an operand" 'logread x' '' 2 "extra operand 'x'"
check "logread: an unknown option" 'logread -x' '' 2 "logread: "
