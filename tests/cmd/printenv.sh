# printenv: see env.sh for more
check "printenv HOME-like variable" 'X_TEST=value printenv X_TEST; echo $?' $'value\n0\n'
check "printenv: missing variable" 'printenv NO_SUCH_VARIABLE_XYZ; echo $?' $'1\n'
