# lib.sh - the helpers of the screen tests, sourced: the real binary in a
# private tmux server at a fixed size, driven with send-keys and read back
# with capture-pane.  Waits poll for the text expected (never fixed
# sleeps), so a slow machine only runs slower.  A file that sources it
# ends with screen_done.
if ! command -v tmux >/dev/null 2>&1; then
	echo "screen: tmux not installed, skipped"
	exit 0
fi
: "${REDRESS:=./redress}"
case $REDRESS in /*) ;; *) REDRESS=$(pwd)/$REDRESS ;; esac
: "${REDRESS_SHARE:=$(pwd)/share}"
case $REDRESS_SHARE in /*) ;; *) REDRESS_SHARE=$(pwd)/$REDRESS_SHARE ;; esac
# a fixed today: the demo's cases, their references and clocks do not move
export REDRESS_SHARE REDRESS_KDF=test LANG=C.UTF-8 LC_ALL=C.UTF-8 REDRESS_TODAY=2026-11-20
# (a test host may have no syslog: its warning is no screen's business)
export REDRESS_SYSLOG=off
unset REDRESS_BOOK
tmp=$(mktemp -d) || exit 1
# the person's configuration file is the test's own, never the runner's
export XDG_CONFIG_HOME="$tmp/xdg"
sock=redress-test-$$
fail=0 count=0

t() { tmux -L "$sock" -f /dev/null "$@"; }

# One failure tends to drag the rest of its sequence down: stop at three.
nfail=0
failed() {
	fail=1
	nfail=$((nfail + 1))
	echo "FAIL: $1"
	if [ $nfail -ge "${SCREEN_MAXFAIL:-3}" ]; then
		echo "screen: FAILED (stopped after $nfail failures)"
		exit 1
	fi
}
# (a server that ends on its own leaves its socket behind; a file with more
# to undo sets its own trap, which calls screen_cleanup)
# ($U: a Unix user a test made for itself, removed with it)
screen_cleanup() { t kill-server 2>/dev/null; [ -n "${U:-}" ] && userdel "$U" 2>/dev/null; rm -rf "$tmp" "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; }
trap screen_cleanup EXIT
trap 'exit 1' INT TERM

# The session that screen, keys, text, exited and client_pid talk to: each
# client runs in a session of its own ("main", or another for a second
# client on the same book), its exit status in $tmp/status.SESSION and its
# stderr in $tmp/err.SESSION.
S=main

# start BOOK [VAR=VALUE ...] [-- ARGS]: the client in a new session $S,
# 80x24 (SCREEN_COLS columns when set); $AS, when set, runs it as another
# user (e.g. "setpriv --reuid=...").
AS=
start() {
	bk=$1
	shift
	envs="REDRESS_SHARE=$REDRESS_SHARE REDRESS_TODAY=$REDRESS_TODAY REDRESS_KDF=test LANG=C.UTF-8 LC_ALL=C.UTF-8"
	args=
	while [ $# -gt 0 ]; do
		if [ "$1" = -- ]; then shift; args="$*"; break; fi
		envs="$envs $1"
		shift
	done
	# every client's stderr is read at the end for sanitizer reports
	cat "$tmp/err.$S" >>"$tmp/err.all" 2>/dev/null
	rm -f "$tmp/status.$S" "$tmp/err.$S"
	# (a server just killed may still hold the socket: try again)
	n=0
	until t new-session -d -s "$S" -x "${SCREEN_COLS:-80}" -y 24 \
		"$AS env $envs $REDRESS -d $bk $args tui 2>$tmp/err.$S; echo \$? >$tmp/status.new.$S; mv $tmp/status.new.$S $tmp/status.$S" \
		2>/dev/null; do
		n=$((n + 1))
		[ $n -lt 20 ] || { echo "screen: tmux will not start"; exit 1; }
		sleep 0.1
	done
}

# launch BOOK ...: the same, alone: every other client is ended first.
launch() {
	t kill-server 2>/dev/null
	S=main
	start "$@"
}

screen() { t capture-pane -p -t "$S" 2>/dev/null; }

# expect TEXT [WHAT]: TEXT appears on the screen within about 5 seconds.
expect() {
	count=$((count + 1))
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	failed "${2:-screen shows \"$1\"}"
	screen | sed 's/^/  | /'
	return 1
}

# absent TEXT [WHAT]: TEXT is not on the screen now.
absent() {
	count=$((count + 1))
	if screen | grep -qF -- "$1"; then
		failed "${2:-screen does not show \"$1\"}"
		screen | sed 's/^/  | /'
	fi
}

# exited STATUS [WHAT]: the client ended with STATUS within about 5 seconds.
exited() {
	count=$((count + 1))
	i=0
	while [ $i -lt 50 ] && [ ! -f "$tmp/status.$S" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	got=$(cat "$tmp/status.$S" 2>/dev/null)
	[ "$got" = "$1" ] && return 0
	failed "${2:-exit status} ${got:-(still running)}, wanted $1"
	sed 's/^/  err: /' "$tmp/err.$S" 2>/dev/null
}

# said TEXT [WHAT]: the client's stderr holds TEXT.
said() {
	count=$((count + 1))
	grep -qF -- "$1" "$tmp/err.$S" 2>/dev/null || failed "${2:-stderr says \"$1\"}"
}

keys() { t send-keys -t "$S" "$@"; }
text() { t send-keys -t "$S" -l -- "$1"; }
# (from /proc, not pgrep: a minimal Debian has no procps)
client_pid() {
	pp=$(t display -p -t "$S" '#{pane_pid}')
	for st in /proc/[0-9]*/stat; do
		l=$(cat "$st" 2>/dev/null) || continue
		# fields after the command name, which may hold spaces: state ppid ...
		set -- ${l##*) }
		[ "$2" = "$pp" ] && { p=${st#/proc/}; echo "${p%/stat}"; return; }
	done
}

# open_case REF: from the list, the case whose reference (or child) is REF.
open_case() {
	# (keys typed before the client has the terminal go to the line
	# discipline, where ^U erases them)
	expect "REFERENCE" "the list, to open $1"
	keys / C-u && text "$1" && keys Enter
	expect "matching \"$1\" | 1/1" "search finds $1"
	keys Enter
	expect "timeline" "$1 opens"
}

# demo_book: a demo book of 50 cases, $book; its passphrase in $tmp/pass,
# handed to launch as $P; and a complaint of our own for the steps, $ref,
# its child named in three scripts.
demo_book() {
	book=$tmp/book
	"$REDRESS" demo "$book" --cases 50 >/dev/null || { echo "FAIL: demo"; exit 1; }
	printf 'demo passphrase\n' >"$tmp/pass"
	printf 'not the passphrase\n' >"$tmp/wrong"
	P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
	ref=$(REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" case add --received 2026-11-16 \
		--child-name "Zoë Łukasz 王" --team "North CIN" --summary "Contact was stopped.") ||
		{ echo "FAIL: case add"; exit 1; }
}

# screen_done: no client reported memory errors or undefined behaviour;
# the tally, and the exit status.
screen_done() {
	t kill-server 2>/dev/null
	sleep 0.3
	count=$((count + 1))
	if cat "$tmp"/err.* 2>/dev/null | grep -E "Sanitizer|runtime error" >"$tmp/san"; then
		failed "a sanitizer reported:"
		sed 's/^/  | /' "$tmp/san" | head -20
	fi
	if [ $fail = 0 ]; then
		echo "${SCREEN_NAME:-screen}: $count checks passed"
	else
		echo "${SCREEN_NAME:-screen}: FAILED"
	fi
	exit $fail
}

# statutory_book: a book of the test's own in $book under the statutory
# profile, its passphrase in $tmp/pass ($P for launch); r runs redress on it.
r() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
statutory_book() {
	book=$tmp/book
	printf 'pass phrase 1\n' >"$tmp/pass"
	P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
	r init --authority statutory >/dev/null || { echo "FAIL: init"; exit 1; }
}
