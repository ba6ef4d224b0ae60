#!/bin/sh
# Screen tests of the terminal and what reaches it: TERM=vt100 and an
# unknown TERM, a profile holding control characters, an escape sequence
# that would retitle the window and a bidi override (shown escaped), and
# unlocking: the passphrase, Esc for pseudonyms, three wrong tries.
#
#   REDRESS=./redress sh tests/tui/screen-term.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-term
demo_book

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
said "three wrong passphrases" "three wrong passphrases: the message"

# no client, whatever ended it, reported memory errors or undefined behaviour
screen_done
