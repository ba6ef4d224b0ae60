#!/bin/sh
# Screen test: a client that crashes (a fatal signal) clears the screen on
# its way out, so that names are not left on a shared office terminal.  The
# plain build only: a sanitizer build reports the signal, as it should.
#
#   REDRESS=./redress sh tests/tui/screen-crash.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-crash

book=$tmp/book
"$REDRESS" demo "$book" --cases 3 >/dev/null || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
ref=$(REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" case add --received 2026-11-02 \
	--child-name "Quillon Farthingdale" --summary "A crash test.") || { echo "FAIL: case add"; exit 1; }

for sig in SEGV BUS ABRT; do
	launch "$book" "$P"
	# the pane stays, with what was last on it, after the client is gone
	t set-option -w -t "$S" remain-on-exit on
	open_case "$ref"
	expect "Quillon Farthingdale" "$sig: the child's name on the screen"
	kill -$sig "$(client_pid)"
	i=0
	while [ $i -lt 50 ] && [ ! -f "$tmp/status.$S" ]; do sleep 0.1; i=$((i + 1)); done
	absent "Quillon" "$sig: after the crash the name is gone from the screen"
	absent "timeline" "$sig: and the case with it"
	count=$((count + 1))
	got=$(cat "$tmp/status.$S" 2>/dev/null)
	[ -n "$got" ] && [ "$got" -gt 128 ] || failed "$sig: the client died by the signal (status ${got:-none})"
done
screen_done
