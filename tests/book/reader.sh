#!/bin/sh
# A listing whose reader stops reading (`redress case list | less` left
# open, an audit piped to a stuck script) must hold no read transaction
# while it waits: a held reader pins the pages of its snapshot, and every
# write by others then grows the file.  120 notes by another process are
# added while `case list` (then `audit`) is stalled on a full pipe; the
# book may grow no more than the same notes grow it with no reader.
: "${REDRESS:=./redress}"
: "${REDRESS_WRAP:=}"
export REDRESS_SHARE="${REDRESS_SHARE:-$(pwd)/share}" REDRESS_KDF=test
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
printf 'demo passphrase\n' >"$T/pass"
export REDRESS_PASSPHRASE_FILE="$T/pass"
fail=0
R() { $REDRESS_WRAP "$REDRESS" "$@"; }
size() { wc -c <"$1/data.mdb" | tr -d ' '; }

R demo "$T/base" --cases 1000 >/dev/null || { echo "FAIL reader: demo book"; exit 1; }
# three open cases to write on, one for each run
set -- $(R -d "$T/base" case list --open --format tsv | cut -f1 | head -3)
[ $# = 3 ] || { echo "FAIL reader: no open cases"; exit 1; }
refs="$*"

# 120 notes on case $2 of book $1
notes() {
	i=0
	while [ $i -lt 120 ]; do
		i=$((i + 1))
		R -d "$1" case note "$2" --text "note $i from another process" >/dev/null ||
			{ echo "FAIL reader: note $i"; return 1; }
	done
}

# waits (up to 5 s) until process $1 is stuck writing to a pipe
stuck() {
	n=0
	while [ $n -lt 50 ] && ! grep -q pipe_w "/proc/$1/wchan" 2>/dev/null; do
		sleep 0.1
		n=$((n + 1))
	done
}

# run NAME REF [LISTING...]: copies the book, starts the listing (if any)
# writing into a fifo nobody reads, adds the notes; prints the growth
run() {
	name=$1 ref=$2
	shift 2
	cp -r "$T/base" "$T/$name"
	was=$(size "$T/$name")
	pid=
	if [ $# -gt 0 ]; then
		mkfifo "$T/$name.fifo"
		exec 3<>"$T/$name.fifo" # a reader that never reads
		# fill the pipe first, so the listing's first write waits
		head -c 1048576 /dev/zero >&3 &
		fill=$!
		stuck $fill
		# without the fifo's other end (fd 3): once the test closes it the
		# listing's write fails and it ends, not left blocked for ever
		R -d "$T/$name" "$@" >"$T/$name.fifo" 3<&- &
		pid=$!
		stuck $pid
	fi
	notes "$T/$name" "$ref" || fail=1
	if [ -n "$pid" ]; then
		kill "$pid" "$fill" 2>/dev/null
		wait "$pid" "$fill" 2>/dev/null
		exec 3<&-
	fi
	echo $(($(size "$T/$name") - was))
}

# the audit needs more than a stdio buffer's worth of entries to write
# before it ends
notes "$T/base" $1 || exit 1
plain=$(run plain $1)
list=$(run list $2 case list)
audit=$(run audit $3 audit)
# the same writes, allowing 32 pages either way for the records' own sizes
margin=$((32 * 4096))
for x in list audit; do
	eval got=\$$x
	if [ "$got" -gt $((plain + margin)) ]; then
		echo "FAIL reader: 120 notes under a stalled \`$x\` grew the book by $got bytes; with no reader, $plain ($list, $audit)"
		fail=1
	fi
done
[ $fail = 0 ] && echo "reader: a stalled listing holds no reader ($plain, $list, $audit bytes of growth)"
exit $fail
