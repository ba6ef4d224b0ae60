#!/bin/sh
# Screen tests of the list and the case view: moving, sorting, searching,
# a note, a refused step and its kept text, a step's date checked as it is
# typed, the step menu, help against the manual's KEY BINDINGS, filters,
# another user's change, resizing.  (One scenario of the screen tests; the
# helpers are in tests/tui/lib.sh.)
#
#   REDRESS=./redress sh tests/tui/screen-list.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-list
demo_book

# --- the list, moving, the case view, a note ---------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list has its header"
expect "CSC-20" "the list shows references"
expect "(admin)" "the status line shows the role"
keys a
expect "1/51 shown (51 in the book)" "a: all cases, the first selected"
keys j j
expect "3/51 shown (51" "j twice: the third case"
keys k
expect "2/51 shown (51" "k: back to the second"
keys G
expect "51/51 shown (51" "G: the last"
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
# the read of the names put on record as the case opened is this client's own
# commit: past a poll (1 s), the status line does not call it another user's
sleep 1.5
absent "changed by another user" "opening a case: no other user's change"
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
expect "Record respond on $ref?" "r: asked first"
expect "Stage 1 response sent, dated 2026-11-20" "the confirmation names the step and its date"
keys y
expect "response recorded" "r: the Stage 1 response"
keys e && text "asked by phone" && keys Enter
expect "Record escalate on $ref?" "e: asked first"
expect "Stage 2 requested, dated 2026-11-20" "the confirmation names the step and its date"
keys y
expect "escalation recorded" "e: escalated to Stage 2"
keys e && text "too soon" && keys Enter
expect "not recorded: cannot record Stage 3" "e again is refused, with the reason"
expect "Note (optional)  too soon" "the refused form stays, with its text"
keys Escape
expect "Keep what you typed? k keep as a draft" "Esc asks whether to keep the text"
keys k
expect "kept for next time" "k cancels and keeps it"
keys e
expect "Draft of this form kept at " "the kept text is offered again"
expect "Note (optional)  too soon" "showing what it holds"
keys r
expect "draft restored" "r restores it"
keys Escape d

# the date of a step, checked as it is typed
keys n
expect "> Note" "n: the note form, the note in focus"
keys BTab C-u && text "2026-13-01"
expect "bad date: month 13 does not exist" "a bad date is named as it is typed"
keys C-u && text "2026-11-3"
expect "bad date: expected YYYY-MM-DD" "half a date too"
keys C-u && text "2026-11-30"
expect "2026-11-30 is in the future (today is 2026-11-20)" "a date after today"
keys C-u && text "2026-11-19" && keys Tab && text "dated the day before" && keys Enter
expect "2026-11-19  root       note: dated the day before" "the note on the date typed"

# every step from the menu of those valid now
keys w
expect "Steps $ref may take today" "w: the step menu"
expect "refuse               the request for Stage 2 or 3 refused" "it lists refuse at Stage 2"
absent "escalate             " "but not escalate, already done"
text "ref"
expect "Type to narrow, Enter to choose: ref" "typing narrows the menu"
absent "accept               " "accept is left out"
keys Enter
expect "refuse $ref: the request for Stage 2 or 3 refused" "Enter: the refuse form"
expect "> Reason           < over-a-year >" "the reason first, a coded one"
expect "made more than a year after the matter became known" "with what it means"
text "l"
expect "< legal-proceedings >" "a letter picks the reason"
expect "would prejudice legal proceedings (reg 8)" "and says what it means"
keys Enter Enter Enter
expect "> Note (optional)" "Enter goes through the fields to the note"
text "refused by letter" && keys Enter
expect "answer yes: the complainant must be told they may go to the Ombudsman" \
	"not recorded until the Ombudsman is confirmed"
expect "> Ombudsman told   < no >" "focus goes to what is missing"
keys y
expect "< yes >" "y answers yes"
keys Enter Enter Enter
expect "Record refuse on $ref?" "the refusal: asked first"
keys y
expect "refusal recorded" "the refusal is recorded"
expect "prejudice legal proceedings (reg 8): refused by letter" "with its reason on the timeline"
keys w && text "zz"
expect "nothing starts with that" "a filter that matches nothing"
keys Escape
expect "w:step" "Esc closes the menu"
absent "Steps $ref" "and it is gone"

# help from the key table
keys '?'
expect "Keys, and the names of their actions" "?: help"
expect "case-note" "help lists the action names"
expect "add a note to the timeline" "and what they do"
# every action the help screen names is in the manual's KEY BINDINGS
if grep -q '^\.Sh KEY BINDINGS' man/redress.1 2>/dev/null; then
	# (a row with a key in its first column: the rows after it that
	# continue a wrapped description are not actions)
	{ for page in 1 2 3 4 5 6 7 8 9 10; do screen; keys Space; sleep 0.2; done; screen; } |
		sed -n 's/^  [^ ].\{17\} *\([a-z][a-z-]*\) .*/\1/p' | sort -u >"$tmp/actions"
	count=$((count + 1))
	grep -qx form-erase-word "$tmp/actions" && grep -qx redraw "$tmp/actions" ||
		failed "the help screen was not read to its end"
	for a in $(cat "$tmp/actions"); do
		count=$((count + 1))
		grep -q "^\.Cm $a :" man/redress.1 || failed "redress(1) KEY BINDINGS lacks $a"
	done
fi
keys q
expect "timeline" "q leaves help for the case"
keys q
expect "REFERENCE" "q leaves the case for the list"

# filters: stage and team, named on the title line
keys / C-u Enter
keys 2
expect "open cases, stage 2 |" "2: complaints at Stage 2"
absent "Zoë Łukasz" "the case refused at Stage 2 is back at Stage 1"
keys 1
expect "open cases, stage 1 |" "1: at Stage 1"
expect "Zoë Łukasz 王" "our case is at Stage 1"
keys t && text "north cin" && keys Enter
expect "open cases, stage 1, team \"North CIN\" | 2/2" "t: one team, picked by typing part of its name in any case"
keys 0
expect "open cases, team \"North CIN\" |" "0: any stage again"
keys t && text "any" && keys Enter
expect "open cases | " "t, any team: every team"

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
expect "DEADLINE    TEAM" "80x24 again: the full list, with the next deadline and the team"
absent "window too small" "80x24 again: nothing left over"
keys q
exited 0 "q quits with status"

# --- the sorts by owner, team and child: the rows in their order -----------------
# sorted_by LABEL [-r]: the rows on screen (the first 20 of all cases, g) are in
# the byte order of the column headed LABEL (strcmp's, as the list sorts),
# reversed with -r, and hold at least two different values, so that a sort
# by another column would not pass.  Columns are cut by character (C.UTF-8):
# a team is cut short with a multibyte "…".
sorted_by() {
	keys g
	expect " 1/51 shown" "g: the first row"
	count=$((count + 1))
	screen >"$tmp/sorted"
	from=$(sed -n '/^ REFERENCE /{p;q;}' "$tmp/sorted" | sed "s/$1.*//" | wc -m)
	to=$(sed -n '/^ REFERENCE /{p;q;}' "$tmp/sorted" | sed "s/\($1 *\)[^ ].*/\1/" | wc -m)
	sed -n '/^ REFERENCE /,/^ [^ ]* (admin)/p' "$tmp/sorted" | sed '1d;$d' |
		LC_ALL=C.UTF-8 sed "s/^.\{$((from - 1))\}//" |
		if [ "$1" = CHILD ]; then cat; else LC_ALL=C.UTF-8 sed "s/^\(.\{$((to - from))\}\).*/\1/"; fi |
		sed 's/ *$//' >"$tmp/col"
	if [ "$(sort -u "$tmp/col" | wc -l)" -lt 2 ] || ! LC_ALL=C sort -c ${2:-} "$tmp/col" 2>/dev/null; then
		failed "the list sorted by $1${2:+ reversed}: rows out of order"
		sed 's/^/  | /' "$tmp/col"
	fi
}
for c in CSC-2026-0004:zara CSC-2024-0007:bea CSC-2025-0006:mo CSC-2024-0008:bea; do
	r case assign "${c%%:*}" --owner "${c#*:}" >/dev/null || failed "assign ${c%%:*}"
done
SCREEN_COLS=160 launch "$book" "$P"
expect "REFERENCE" "160 columns: the list"
keys a
expect "| by next deadline" "all cases, by the next deadline"
keys s s
expect "| by owner" "s twice: by owner"
sorted_by OWNER
keys S
expect "| by owner, reversed" "S: by owner, reversed"
sorted_by OWNER -r
keys s
expect "| by team" "s: by team"
sorted_by TEAM
keys s
expect "| by child" "s: by child"
sorted_by CHILD
keys S
expect "| by child, reversed" "S: by child, reversed"
sorted_by CHILD -r
keys q
exited 0 "q quits"

# no client, whatever ended it, reported memory errors or undefined behaviour
screen_done
