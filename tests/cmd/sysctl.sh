# sysctl (-w and -p would change the host: only their errors here; see tests/boot/smoke_sys.txt)
check "sysctl NAME" 'sysctl kernel.ostype' $'kernel.ostype = Linux\n'
check "sysctl with slashes" 'sysctl kernel/ostype' $'kernel.ostype = Linux\n'
check "sysctl -n" 'sysctl -n kernel.ostype kernel.osrelease' $'Linux\n'"$(uname -r)"$'\n'
check "sysctl: a value with tabs" 'sysctl kernel.printk | tr "\t" " "' "kernel.printk = $(tr '\t' ' ' </proc/sys/kernel/printk)"$'\n'
check "sysctl -a lists many, sorted" 'sysctl -a 2>/dev/null | grep -c "^kernel.ostype = Linux$"; [ $(sysctl -a 2>/dev/null | wc -l) -gt 100 ] && echo many' $'1\nmany\n'
check "sysctl -a -n: values only" 'sysctl -a -n 2>/dev/null | grep -c " = "' $'0\n' 1
check "sysctl: unknown key" 'sysctl no.such.key' '' 1 'sysctl: no.such.key: unknown key'
check "sysctl -e: quiet about unknown keys" 'sysctl -e no.such.key kernel.ostype' $'kernel.ostype = Linux\n'
check "sysctl -w: unknown key" 'sysctl -w no.such.key=1' '' 1 'sysctl: no.such.key: unknown key'
check "sysctl -w needs =" 'sysctl -w kernel.ostype' '' 2 "'kernel.ostype' is not NAME=VALUE"
check "sysctl -p: a file of unknown keys" 'printf "# comment\n; another\n\nno.such.a = 1\nbad line\n" >f; sysctl -p f' '' 1 'sysctl: f: not NAME = VALUE: bad line'
check "sysctl -p: missing file" 'sysctl -p nosuch' '' 1 'sysctl: nosuch: No such file'
check "sysctl: no name" 'sysctl' '' 2 'sysctl: no name given'
