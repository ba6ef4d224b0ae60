#!/bin/sh
# Screen tests of the client under whatever locale a session brings (LANG=C,
# no LANG, a locale the server has not generated: what PuTTY and Windows
# OpenSSH send), and of drafts: one per person, case and form, offered and
# restored only when chosen, kept on Esc, q and a dropped link.  The
# terminal (tmux) sends UTF-8 whatever the client's locale.
#
#   REDRESS=./redress sh tests/tui/screen-locale.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-locale

# (lib.sh's launch, but with no locale variable inherited)
# launch BOOK [VAR=VALUE ...]: the client alone in an 80x24 session, with no
# locale variable but those given.
launch() {
	t kill-server 2>/dev/null
	bk=$1
	shift
	envs="REDRESS_SHARE=$REDRESS_SHARE REDRESS_TODAY=$REDRESS_TODAY $*"
	cat "$tmp/err.$S" >>"$tmp/err.all" 2>/dev/null
	rm -f "$tmp/status.$S" "$tmp/err.$S"
	n=0
	until t new-session -d -s "$S" -x 80 -y 24 \
		"env -u LANG -u LC_ALL -u LC_CTYPE -u LANGUAGE $envs $REDRESS -d $bk tui 2>$tmp/err.$S; echo \$? >$tmp/status.new.$S; mv $tmp/status.new.$S $tmp/status.$S" \
		2>/dev/null; do
		n=$((n + 1))
		[ $n -lt 20 ] || { echo "screen-locale: tmux will not start"; exit 1; }
		sleep 0.1
	done
}

# shows REF PATTERN [WHAT]: `case show REF --names` holds the line PATTERN
# (a fixed string, matched whole at the end of a line).
shows() {
	count=$((count + 1))
	REDRESS_PASSPHRASE_FILE=$tmp/pass LC_ALL=C.UTF-8 "$REDRESS" -d "$book" case show "$1" \
		--names >"$tmp/show" 2>&1
	grep -qxF -- "$2" "$tmp/show" && return 0
	grep -qE -- "$(printf '%s' "$2" | sed 's/[][\.*^$/]/\\&/g')\$" "$tmp/show" && return 0
	failed "${3:-case show $1 has \"$2\"}"
	sed 's/^/  | /' "$tmp/show"
}

book=$tmp/book
"$REDRESS" demo "$book" --cases 2 >/dev/null || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
add() {
	REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" case add --received 2026-11-16 \
		--child-name "$1" --team "North CIN" --summary "Contact was stopped." ||
		{ echo "FAIL: case add"; exit 1; }
}
refa=$(add "Ada Case")
refb=$(add "Ben Case")

# --- no text lost to a locale ---------------------------------------------------------
# LANG=C; no LANG at all; and a locale this machine has not generated
# (en_GB.UTF-8 on a default Debian)
for loc in LANG=C "" LANG=en_GB.UTF-8; do
	what=${loc:-"no LANG"}
	launch "$book" "$P" $loc
	expect "REFERENCE" "$what: the list"
	absent "no UTF-8" "$what: the client found a UTF-8 locale"
	open_case "$refa"
	keys n && text "Met Siân and Zoë today"
	expect "> Note  Met Siân and Zoë today" "$what: the note shows whole as it is typed"
	keys Enter
	expect "note added" "$what: the note is added"
	expect "note: Met Siân and Zoë today" "$what: the timeline shows it whole"
	shows "$refa" "note: Met Siân and Zoë today" "$what: the book holds the note whole"
	keys q N
	expect "A new contact" "$what: the new case form"
	keys Enter Enter Enter Enter Enter Enter && text "Seán Ó Briain"
	expect "> Child         Seán Ó Briain" "$what: the child's name shows as typed"
	keys Enter Enter Enter Enter Enter Enter
	expect " added" "$what: the new case is added"
	expect "child        Seán Ó Briain (child)" "$what: the case view shows the name whole"
	new=$(screen | sed -n 's/^\(CSC-[0-9]*-[0-9]*\) added$/\1/p' | head -1)
	shows "${new:-none}" "child        Seán Ó Briain (child)" "$what: the book holds the name whole"
	keys q / C-u && text "seán ó" && keys Enter
	expect "matching \"seán ó\"" "$what: a search typed with accents"
	expect "Seán Ó Briain" "$what: the list finds and shows the name whole"
	absent "Se?" "$what: no question marks for letters"
	keys q
	exited 0 "$what: q quits"
done

# --- drafts: one per person, case and form, never merged ---------------------------------
launch "$book" "$P" LANG=C.UTF-8
open_case "$refa"
keys n && text "Jayden Morris"
expect "> Note  Jayden Morris" "drafts: a note typed on case A"
keys Escape
expect "Keep what you typed? k keep as a draft, d discard, Esc back to the form" \
	"Esc on a form with text asks keep or discard"
keys k
expect "kept for next time" "k keeps it as a draft"
absent "> Note" "and the form closes"
keys q
open_case "$refb"
keys n
expect "> Note" "case B: the note form"
absent "Draft of this form" "case B: case A's draft is not offered"
absent "Jayden Morris" "case B: the form is empty"
text "Ella Stone"
expect "> Note  Ella Stone" "case B: only what is typed"
keys Escape
expect "Keep what you typed?" "case B: Esc asks"
keys d
expect "what you typed is discarded" "d discards it"
keys q
open_case "$refa"
keys n
expect "Draft of this form kept at " "back on case A: the draft is offered"
expect "Note  Jayden Morris" "showing what it holds"
keys Enter
expect "started afresh; the draft stays for later" "Enter starts afresh"
absent "Jayden Morris" "the form is empty: nothing restored unasked"
text "Ella Stone"
expect "> Note  Ella Stone" "what is typed is not added to the draft"
absent "MorrisElla" "never appended"
keys Escape
expect "Keep it, over the draft from " "keeping again says it replaces the draft"
keys Escape
expect "> Note  Ella Stone" "Esc at the question: back to the form as it was"
keys C-u Escape
expect "w:step" "an empty form closes without a question"
keys n
expect "Draft of this form kept at " "the draft is still offered"
keys r
expect "draft restored" "r restores it"
expect "> Note  Jayden Morris" "as it was kept"
keys Enter
expect "note: Jayden Morris" "the restored note is recorded"
shows "$refa" "note: Jayden Morris" "drafts: the book holds the restored note"
keys n
expect "> Note" "the note form again"
absent "Draft of this form" "no draft once recorded"
keys Escape

# q with drafts kept says so, and asks
keys e && text "an escalation half typed"
keys Escape k
expect "kept for next time" "a second form kept"
keys q q
expect "1 draft kept for next time: q quit, Esc stay; $refa/escalate" "q names the drafts kept"
keys Escape
expect "REFERENCE" "Esc: the client stays"
count=$((count + 1))
[ -f "$tmp/status.$S" ] && failed "the client stayed after Esc at the quit question"
keys q q
exited 0 "q q: quits"

# a dropped link with drafts on two forms saves both
launch "$book" "$P" LANG=C.UTF-8
open_case "$refb"
keys n && text "left on B" && keys Escape k
expect "kept for next time" "SIGHUP: a draft kept on case B"
keys q
open_case "$refa"
keys r && text "typed on A when the link dropped"
expect "typed on A when the link dropped" "SIGHUP: in a form on case A"
kill -HUP "$(client_pid)"
exited 0 "SIGHUP ends the client"
launch "$book" "$P" LANG=C.UTF-8
open_case "$refb"
keys n
expect "Draft of this form kept at " "after SIGHUP: case B's draft is offered"
expect "Note  left on B" "case B's draft as kept"
keys d
expect "draft discarded" "d discards it"
absent "left on B" "and the form is empty"
keys Escape q
open_case "$refa"
keys r
expect "Draft of this form kept at " "after SIGHUP: case A's open form is a draft too"
expect "typed on A when the link dropped" "the form open at SIGHUP as typed"
keys d Escape
keys e
expect "Draft of this form kept at " "the escalation draft kept before is still there"
keys d Escape q q
exited 0 "drafts left: q quits"

# a new case's draft keeps the received date it had, not the day it is resumed
launch "$book" "$P" LANG=C.UTF-8
expect "REFERENCE" "new case draft: the list"
keys N Enter Enter Enter
expect "> Received      2026-11-20" "the received date, today"
keys Enter Enter Enter && text "Jayden Morris"
expect "> Child         Jayden Morris" "the child typed"
keys Escape k
expect "kept for next time" "the new case form kept"
keys q q
exited 0 "new case draft: q quits"
launch "$book" "$P" LANG=C.UTF-8 REDRESS_TODAY=2026-11-23
expect "REFERENCE" "three days later: the list"
keys N
expect "Draft of this form kept at 2026-11-20 " "the draft offered, with its day"
keys Enter
expect "Received      2026-11-23" "started afresh: today's date"
absent "Jayden Morris" "and no child"
keys Enter Enter Enter Enter Enter Enter && text "Ella Stone"
expect "> Child         Ella Stone" "the next caller's child, alone"
absent "MorrisElla" "never appended to the draft"
keys Escape d Escape
keys N
expect "Draft of this form kept at 2026-11-20 " "the first caller's draft is still offered"
keys r
expect "Received      2026-11-20" "restored: received on the day typed"
expect "Child         Jayden Morris" "with the child"
keys Escape d q
exited 0 "new case draft: discarded, no drafts left, q quits at once"

# no client, whatever ended it, reported memory errors or undefined behaviour
screen_done
