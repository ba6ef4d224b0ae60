#!/bin/sh
# Runs CLI test scripts: each block is a command, its expected stdout, and
# optionally its expected exit status and stderr.
#
#   $ redress workday 2026-11-20 1      command (run by sh; "redress" is $REDRESS)
#   2026-11-23                          expected stdout, line by line
#   ! redress: ...                      expected stderr line (exact)
#   ? 2                                 expected exit status (default 0)
#   | text                              expected stdout line given literally
#                                       (for blank lines or ones like the above)
#
# In a command, redress is $REDRESS under $REDRESS_WRAP (valgrind, say);
# redress_unwrapped is $REDRESS alone, for what a check looks at before and
# after the command under test (the case as it was, to say "unchanged"):
# under valgrind that would only repeat what the other blocks run.
#
# Blank lines and lines starting with "#" separate blocks.
: "${REDRESS:=./redress}"
# REDRESS_WRAP runs the binary under a tool, e.g. "valgrind -q --error-exitcode=9"
: "${REDRESS_WRAP:=}"
export REDRESS_SHARE="${REDRESS_SHARE:-$(pwd)/share}"
# test hosts may have no syslog: the warning is tested where it is wanted
export REDRESS_SYSLOG="${REDRESS_SYSLOG:-off}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# RDT: a scratch directory of this run's own, for scripts' books and files,
# so that two runs (make -j, two checkouts) never share a path.
RDT=$tmp/work
mkdir "$RDT" || exit 1
export RDT
fail=0 count=0

run_block() {
	[ -n "$cmd" ] || return 0
	count=$((count + 1))
	(eval "redress() { $REDRESS_WRAP \"$REDRESS\" \"\$@\"; }
		redress_unwrapped() { \"$REDRESS\" \"\$@\"; }; $cmd") >"$tmp/out" 2>"$tmp/err"
	status=$?
	ok=1
	cmp -s "$tmp/out" "$tmp/want_out" || ok=0
	cmp -s "$tmp/err" "$tmp/want_err" || ok=0
	[ "$status" = "$want_status" ] || ok=0
	if [ $ok = 0 ]; then
		fail=1
		echo "FAIL $file:$line: \$ $cmd"
		echo "  status $status, wanted $want_status"
		diff -u "$tmp/want_out" "$tmp/out" | sed -n '3,$s/^/  out /p'
		diff -u "$tmp/want_err" "$tmp/err" | sed -n '3,$s/^/  err /p'
	fi
	cmd=
}

for file in "$@"; do
	cmd= n=0
	while IFS= read -r l || [ -n "$l" ]; do
		n=$((n + 1))
		case $l in
		'$ '*)
			run_block
			cmd=${l#'$ '} line=$n want_status=0
			: >"$tmp/want_out"; : >"$tmp/want_err" ;;
		'? '*) want_status=${l#'? '} ;;
		'! '*) printf '%s\n' "${l#'! '}" >>"$tmp/want_err" ;;
		'|') [ -n "$cmd" ] && echo >>"$tmp/want_out" ;;
		'| '*) [ -n "$cmd" ] && printf '%s\n' "${l#'| '}" >>"$tmp/want_out" ;;
		''|'#'*) run_block ;;
		*) [ -n "$cmd" ] && printf '%s\n' "$l" >>"$tmp/want_out" ;;
		esac
	done <"$file"
	run_block
done
[ $fail = 0 ] && echo "cli: $count cases passed (${REDRESS_WRAP:+$REDRESS_WRAP }$REDRESS)"
exit $fail
