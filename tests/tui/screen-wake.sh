#!/bin/sh
# Screen tests of an office of open clients: an idle client sleeps (no
# wake-ups while nobody types and nothing changes), yet another user's
# commit is on its screen within about a second; the list decrypts the
# names of the rows it shows, whichever rows those are.
#
#   REDRESS=./redress sh tests/tui/screen-wake.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-wake

book=$tmp/book
"$REDRESS" demo "$book" --cases 60 >/dev/null || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
rd() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }

# soon TEXT WHAT: TEXT on the screen within about a second (2 s, for a
# loaded machine; a client that looked only every few seconds misses it)
soon() {
	count=$((count + 1))
	i=0
	while [ $i -lt 20 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	failed "$2"
	screen | sed 's/^/  | /'
}

# wakeups PID: how often the process has gone to sleep and been woken
wakeups() { sed -n 's/^voluntary_ctxt_switches:[[:space:]]*//p' "/proc/$1/status"; }

# --- the names of the rows shown, wherever the list is ---------------------------
launch "$book" "$P"
expect "REFERENCE" "the list"
absent "Child C-" "the first rows show names, not pseudonyms"
keys a
expect "(60 in the book)" "a: every case"
keys G
expect "60/60" "G: the last row"
absent "Child C-" "rows scrolled into view show names too"
keys g
expect "1/60" "g: the first again"
absent "Child C-" "and the first rows still their names"

# --- asleep while idle, awake for a commit --------------------------------------
pid=$(client_pid)
count=$((count + 1))
if [ -z "$pid" ] || [ ! -r "/proc/$pid/status" ]; then
	failed "the client's process"
else
	sleep 0.5
	w0=$(wakeups "$pid")
	sleep 3
	w1=$(wakeups "$pid")
	# a client polling once a second wakes three times or more here
	[ $((w1 - w0)) -le 1 ] || failed "an idle client sleeps: woken $((w1 - w0)) times in 3 s"
fi
ref=$(rd case add --received 2026-11-19 --child-name "Wren Wake" --summary "A wake test.") ||
	failed "case add"
soon "(61 in the book)" "another user's new case is counted within a second"
soon "changed by another user" "and the change is told"
keys g
expect "Wren Wake" "the new case's child, by name, among the first due"
# a second commit, to an open screen that has been woken once already
rd case note "$ref" --text "A second change." >/dev/null || failed "case note"
open_case "$ref"
rd case note "$ref" --text "Seen from afar." >/dev/null || failed "case note 2"
soon "Seen from afar." "a note another user adds shows on the open case within a second"
keys q q
exited 0 "q q: the client ends"

screen_done
