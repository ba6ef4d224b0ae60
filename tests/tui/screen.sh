#!/bin/sh
# Screen tests: the real binary in a private tmux server at a fixed size,
# driven with send-keys and read back with capture-pane.  Waits poll for
# the text expected (never fixed sleeps), so a slow machine only runs slower.
#
#   REDRESS=./redress sh tests/tui/screen.sh
if ! command -v tmux >/dev/null 2>&1; then
	echo "screen: tmux not installed, skipped"
	exit 0
fi
: "${REDRESS:=./redress}"
case $REDRESS in /*) ;; *) REDRESS=$(pwd)/$REDRESS ;; esac
: "${REDRESS_SHARE:=$(pwd)/share}"
# a fixed today: the demo's cases, their references and clocks do not move
export REDRESS_SHARE REDRESS_KDF=test LANG=C.UTF-8 LC_ALL=C.UTF-8 REDRESS_TODAY=2026-11-20
unset REDRESS_BOOK
tmp=$(mktemp -d) || exit 1
sock=redress-test-$$
fail=0 count=0

t() { tmux -L "$sock" -f /dev/null "$@"; }

# One failure tends to drag the rest of its sequence down: stop at three.
nfail=0
failed() {
	fail=1
	nfail=$((nfail + 1))
	echo "FAIL: $1"
	if [ $nfail -ge 3 ]; then
		echo "screen: FAILED (stopped after $nfail failures)"
		exit 1
	fi
}
# (a server that ends on its own leaves its socket behind)
trap 't kill-server 2>/dev/null; rm -rf "$tmp" "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"' EXIT
trap 'exit 1' INT TERM

# launch BOOK [VAR=VALUE ...] [-- ARGS]: the client in a new 80x24 session;
# its exit status goes to $tmp/status, its stderr to $tmp/err.
launch() {
	book=$1
	shift
	envs="REDRESS_SHARE=$REDRESS_SHARE REDRESS_TODAY=$REDRESS_TODAY LANG=C.UTF-8 LC_ALL=C.UTF-8"
	args=
	while [ $# -gt 0 ]; do
		if [ "$1" = -- ]; then shift; args="$*"; break; fi
		envs="$envs $1"
		shift
	done
	rm -f "$tmp/status" "$tmp/err"
	t kill-server 2>/dev/null
	t new-session -d -x 80 -y 24 \
		"env $envs $REDRESS -d $book $args tui 2>$tmp/err; echo \$? >$tmp/status.new; mv $tmp/status.new $tmp/status"
}

screen() { t capture-pane -p 2>/dev/null; }

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
	while [ $i -lt 50 ] && [ ! -f "$tmp/status" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	got=$(cat "$tmp/status" 2>/dev/null)
	[ "$got" = "$1" ] && return 0
	failed "${2:-exit status} ${got:-(still running)}, wanted $1"
	sed 's/^/  err: /' "$tmp/err" 2>/dev/null
}

keys() { t send-keys "$@"; }
text() { t send-keys -l -- "$1"; }
client_pid() { pgrep -P "$(t display -p '#{pane_pid}')" | head -1; }

# A demo book; and one made from a profile holding control characters, an
# escape sequence that would retitle the window, and a bidi override.
book=$tmp/book
"$REDRESS" demo "$book" --cases 50 >/dev/null || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
printf 'not the passphrase\n' >"$tmp/wrong"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
# a complaint of our own for the steps, its child named in three scripts
ref=$(REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" case add --received 2026-11-16 \
	--child-name "Zoë Łukasz 王" --team "North CIN" --summary "Contact was stopped.") ||
	{ echo "FAIL: case add"; exit 1; }

# --- the list, moving, the case view, a note ---------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list has its header"
expect "CSC-20" "the list shows references"
expect "(admin)" "the status line shows the role"
keys a
expect "1/51 (51 in the book)" "a: all cases, the first selected"
keys j j
expect "3/51 (51" "j twice: the third case"
keys k
expect "2/51 (51" "k: back to the second"
keys G
expect "51/51 (51" "G: the last"
keys g s
expect "(51 in the book) | by deadline" "s: sorted by the next column"
keys S
expect "by deadline, reversed" "S: reversed"
keys a
expect "open cases" "a again: open cases only"
keys o
expect "open cases, overdue" "o: overdue only"
keys o m
expect "open cases, mine" "m: mine only"
keys m / && text "łukasz 王" && keys Enter
expect "matching \"łukasz 王\" | 1/1" "/: search by the child's name"
expect "Zoë Łukasz 王" "the name laid out by its width"
keys Enter
expect "$ref  complaint" "Enter opens the case"
expect "timeline" "the case view: its timeline"
expect "deadlines (gloucestershire)" "and its deadlines"
keys n && text "Phoned Zoë's mother, 王 family" && keys Enter
expect "note added" "n: the note is added"
expect "note: Phoned Zoë's mother, 王 family" "the note is on the timeline"
count=$((count + 1))
if ! REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" case show "$ref" --names |
	grep -qF "Phoned Zoë's mother"; then
	failed "case show has the note added on screen"
fi

# a refused step says why and keeps what was typed
keys r && text "sent by post" && keys Enter
expect "response recorded" "r: the Stage 1 response"
keys e && text "asked by phone" && keys Enter
expect "escalation recorded" "e: escalated to Stage 2"
keys e && text "too soon" && keys Enter
expect "not recorded, your text is kept: cannot record Stage 3" "e again is refused, with the reason"
keys e
expect "note (optional): too soon" "the refused text is offered again"
keys Escape
expect "kept for next time" "Esc cancels and keeps it"

# help from the key table
keys '?'
expect "Keys, and the names of their actions" "?: help"
expect "case-note" "help lists the action names"
expect "add a note to the timeline" "and what they do"
# every action the help screen names is in the manual's KEY BINDINGS
if grep -q '^\.Sh KEY BINDINGS' man/redress.1 2>/dev/null; then
	{ screen; keys G; sleep 0.3; screen; } | sed -n 's/^  .\{17\} *\([a-z][a-z-]*\) .*/\1/p' |
		sort -u >"$tmp/actions"
	for a in $(cat "$tmp/actions"); do
		count=$((count + 1))
		grep -q "^\.Cm $a :" man/redress.1 || failed "redress(1) KEY BINDINGS lacks $a"
	done
fi
keys q
expect "timeline" "q leaves help for the case"
keys q
expect "REFERENCE" "q leaves the case for the list"

# another user's change is noticed and the list reloaded
REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" case note "$ref" \
	--text "from another terminal" >/dev/null
expect "changed by another user" "another process's commit is noticed"

# resizing
t resize-window -x 60 -y 20
expect "CHILD" "60x20: the list, narrower"
absent "OWNER" "60x20: the owner column makes way"
t resize-window -x 50 -y 12
expect "window too small" "50x12: too small"
t resize-window -x 80 -y 24
expect "OWNER" "80x24 again: the full list"
absent "window too small" "80x24 again: nothing left over"
keys q
exited 0 "q quits with status"

# --- terminals ---------------------------------------------------------------------
launch "$book" "$P" TERM=vt100
expect "REFERENCE" "TERM=vt100: the list"
keys Enter
expect "timeline" "TERM=vt100: a case"
keys q q
exited 0 "TERM=vt100: q quits"

launch "$book" "$P" TERM=no-such-terminal
expect "REFERENCE" "an unknown TERM falls back"
keys q
exited 0 "unknown TERM: q quits"

# --- hostile text -------------------------------------------------------------------
mkdir -p "$tmp/evil"
cp -R "$REDRESS_SHARE" "$tmp/evil/share"
esc=$(printf '\033')
cr=$(printf '\r')
bel=$(printf '\007')
rlo=$(printf '\342\200\256')
sed "s/^source glos  Gloucestershire/source glos  Glouc${cr}${esc}[31mRED${esc}]0;pwned${bel} ${rlo}shire/" \
	"$REDRESS_SHARE/profiles/gloucestershire" >"$tmp/evil/share/profiles/gloucestershire"
REDRESS_SHARE=$tmp/evil/share "$REDRESS" demo "$tmp/evil/book" --cases 3 >/dev/null ||
	{ echo "FAIL: demo with the hostile profile"; exit 1; }
evil=$(REDRESS_SHARE=$tmp/evil/share "$REDRESS" -d "$tmp/evil/book" case list --open --format tsv |
	head -1 | cut -f1)
launch "$tmp/evil/book" "$P" REDRESS_SHARE=$tmp/evil/share
expect "CSC-" "hostile: the list"
keys / && text "$evil" && keys Enter Enter G
expect '\r\x1b[31mRED\x1b]0;pwned\x07 <U+202E>shire' "control characters, ESC and U+202E shown escaped"
count=$((count + 1))
# (with -e, tmux writes the attributes it shows: a red RED would be one)
if t capture-pane -p -e | grep -q "${esc}\[31mRED"; then
	failed "the escape sequence reached the terminal"
fi
count=$((count + 1))
if [ "$(t display -p '#{pane_title}')" = pwned ]; then
	failed "the record retitled the window"
fi
keys q q
exited 0 "hostile: q quits"

# --- unlocking -----------------------------------------------------------------------
launch "$book"
expect "Passphrase:" "without a passphrase file the client asks"
text "demo passphrase" && keys Enter
expect "(admin) | $book" "the right passphrase unlocks"
absent "names hidden" "unlocked: names shown"
keys q
exited 0 "unlocked: q quits"

launch "$book"
expect "Passphrase:" "asks again"
keys Escape
expect "names hidden" "Esc browses with pseudonyms"
expect "Child C-" "pseudonyms in the list"
keys q
exited 0 "pseudonyms: q quits"

launch "$book"
for n in 1 2 3; do
	expect "Passphrase:" "asks for try $n"
	text "wrong $n" && keys Enter
done
exited 2 "three wrong passphrases"
count=$((count + 1))
grep -q "three wrong passphrases" "$tmp/err" ||
	failed "three wrong passphrases: no message"

# --- read-only, signals ---------------------------------------------------------------
launch "$book" "$P" -- -R
expect "read-only" "-R: the status line says read-only"
keys Enter
expect "timeline" "read-only: a case"
keys n
expect "nothing can be changed" "read-only: n refused"
keys q q
exited 0 "read-only: q quits"

launch "$book" "$P"
expect "REFERENCE" "SIGTERM: the list"
kill -TERM "$(client_pid)"
exited 0 "SIGTERM ends the client with status"

launch "$book" "$P"
expect "REFERENCE" "SIGHUP: the list"
keys Enter n && text "half a note"
expect "Note: half a note" "SIGHUP: in a form"
kill -HUP "$(client_pid)"
exited 0 "SIGHUP in a form ends the client with status"

if [ $fail = 0 ]; then
	echo "screen: $count checks passed"
else
	echo "screen: FAILED"
fi
exit $fail
