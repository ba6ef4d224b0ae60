#!/bin/sh
# Screen tests of the step forms: recorded only when meant (a confirmation
# that says what the step does to the clocks, and only y records it),
# type-to-narrow that never chooses among several, a panel date typed and
# never today by default, a form bound to the step it was opened for, the
# Ombudsman's decision asking whether the council had remedied it before, and
# then its recommendations (R offers the Ombudsman's only with the decision
# recorded; d says complied with).
#
#   REDRESS=./redress sh tests/tui/screen-steps.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-steps

book=$tmp/book
"$REDRESS" demo "$book" --cases 3 >/dev/null || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
rd() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
add() { rd case add --received "$1" --child-name "$2" --summary "A step test." ||
	{ echo "FAIL: case add"; exit 1; }; }
# shows REF TEXT WHAT: `case show REF` holds TEXT (or, with !, does not)
shows() {
	count=$((count + 1))
	if [ "$1" = ! ]; then
		shift
		rd case show "$1" --names | grep -qF -- "$2" && failed "$3"
	else
		rd case show "$1" --names | grep -qF -- "$2" || failed "$3"
	fi
	return 0
}

# a Stage 1 complaint, its response due 2026-11-16, now four working days late
late=$(add 2026-11-02 "Kit Late")
# one paused: both respond and resume may follow
paused=$(add 2026-11-09 "Pat Paused")
rd case pause "$paused" --date 2026-11-12 >/dev/null || failed "pause"
# one at Stage 3, accepted: a panel to arrange
panel=$(add 2026-09-01 "Ann Panel")
for s in "respond 2026-09-10" "escalate 2026-09-15" "accept 2026-09-16" "respond 2026-10-20" \
	"escalate 2026-10-25" "accept 2026-10-28"; do
	set -- $s
	rd case "$1" "$panel" --date "$2" >/dev/null || failed "case $1 $panel"
done
# one for two clients at once
both=$(add 2026-11-10 "Bo Both")
# one whose Stage 1 response is overdue and not sent: Stage 2 may be asked for
over=$(add 2026-10-01 "Ola Overran")
# one at Stage 2 whose response is overdue and not sent: no Stage 3 without it,
# the Ombudsman open to them now
s2late=$(add 2026-06-01 "Sol Stagetwo")
for s in "respond 2026-06-12" "escalate 2026-06-19" "accept 2026-06-22"; do
	set -- $s
	rd case "$1" "$s2late" --date "$2" >/dev/null || failed "case $1 $s2late"
done
# to_ombudsman REF: Stage 1 answered, Stage 2 refused, referred to the Ombudsman
to_ombudsman() {
	_r=$1
	for s in "respond 2026-06-12" "escalate 2026-07-20" \
		"refuse 2026-07-21 --reason late-request --ombudsman-told" "ombudsman 2026-08-03"; do
		set -- $s
		_s=$1 _d=$2
		shift 2
		rd case "$_s" "$_r" --date "$_d" "$@" >/dev/null || failed "case $_s $_r"
	done
}
# one with the Ombudsman: its decision to record
omb=$(add 2026-06-01 "Oz Ombudsman")
to_ombudsman "$omb"

# --- a confirmation that says what will happen; only y records --------------------
launch "$book" "$P"
open_case "$late"
keys r && text "the first letter" && keys Enter
expect "Record respond on $late?" "r, Enter: a confirmation, not a record"
expect "Stage 1 response sent, dated 2026-11-20" "it names the step and its date"
expect "closes Stage 1 response (due 2026-11-16): missed by 4 working days" \
	"it names the deadline closed, missed by how many working days"
expect "closes Stage 1 response, extended maximum (due 2026-11-30): met" "and one met"
expect "opens Stage 2 request window: due on 2026-12-18" "and the deadline opened, with its date"
keys Enter
expect "not recorded: only y records it" "Enter at the confirmation records nothing"
expect "Note (optional)  the first letter" "and goes back to the form, its text kept"
shows ! "$late" "Stage 1 response sent" "Enter: no response on the timeline"
keys Enter
expect "Record respond on $late?" "Enter again: asked again"
keys Escape
expect "Note (optional)  the first letter" "Esc goes back to the form"
keys Enter
expect "Record respond on $late?" "asked again"
keys n
expect "not recorded: only y records it" "n records nothing"
shows ! "$late" "Stage 1 response sent" "Esc, n: no response on the timeline"
keys Enter
expect "Record respond on $late?" "asked once more"
keys y
expect "response recorded" "y records it"
expect "Stage 1 response sent: the first letter" "on the timeline, with its note"
shows "$late" "Stage 1 response sent: the first letter" "y: the response in the book"
# a note asks nothing
keys n && text "no question for a note" && keys Enter
expect "note added" "a note is recorded without a confirmation"
keys q q
exited 0 "confirmation: q quits"

# --- type-to-narrow never chooses among several ------------------------------------
launch "$book" "$P"
open_case "$paused"
keys w
expect "Steps $paused may take today" "w: the step menu"
keys Enter
expect "Type a name, or choose with the arrows" "Enter with nothing typed chooses nothing"
text "res"
expect "Type to narrow, Enter to choose: res" "res narrows the menu"
expect "respond  " "to respond"
expect "resume   " "and resume"
keys Enter
expect "2 start with that: type more, or choose with the arrows" "res, Enter: not chosen"
absent "respond $paused:" "no respond form"
keys Enter
absent "respond $paused:" "Enter again: still no respond form"
text "u" && keys Enter
expect "resume $paused: resume the internal targets" "resu: the one left is chosen"
keys Enter
expect "targets resumed" "resume recorded (no council clock: no confirmation)"
shows ! "$paused" "Stage 1 response sent" "no response was recorded"
keys w && text "respond" && keys Enter
expect "respond $paused:" "a whole step name chooses it"
keys Escape
keys w Down Enter
expect "$paused:" "the arrows choose too"
keys Escape q q
exited 0 "type-to-narrow: q quits"

# --- a panel date is typed, never today by default ---------------------------------
launch "$book" "$P"
open_case "$panel"
keys w && text "arrange-panel" && keys Enter
expect "arrange-panel $panel: the review panel arranged for a date" "the arrange-panel form"
expect "> Panel sits on" "it starts on the panel's date"
absent "Panel sits on  2026-11-20" "which is empty, not today"
keys Enter Enter
expect "Panel sits on: needed" "Enter: the date is needed"
absent "Record arrange-panel" "nothing is asked, nothing recorded"
shows ! "$panel" "review panel arranged" "no panel date in the book"
# a date after the one the panel must meet by (30 working days from the
# request: Fri 4 Dec) is said before y
text "2026-12-10" && keys Enter Enter
expect "Record arrange-panel on $panel?" "a late panel date: asked"
expect "Review panel meets (due 2026-12-04): the panel sits on 2026-12-10, 4 working" \
	"the confirmation says the panel sits after the date it must meet by"
expect "    days after it" "and how long after (the line wrapped)"
keys n
expect "not recorded: only y records it" "n: not recorded"
keys Escape
expect "d discard" "Esc: keep or discard"
keys d
expect "what you typed is discarded" "d: discarded"
shows ! "$panel" "review panel arranged" "still no panel date in the book"
keys w && text "arrange-panel" && keys Enter
expect "> Panel sits on" "the form again"
text "2026-12-03" && keys Enter Enter
expect "Record arrange-panel on $panel?" "arrange-panel: asked"
expect "review panel arranged for this date, dated 2026-12-03" \
	"the confirmation names the day the panel sits"
keys y
expect "panel date recorded" "y records it"
expect "2026-12-03  root       review panel arranged for this date (arranged on" \
	"the timeline keeps the day it sits and the day it was arranged"
keys q q
exited 0 "panel: q quits"

# --- a form bound to its step: two clients, one case --------------------------------
launch "$book" "$P"
open_case "$both"
keys r && text "the Stage 1 letter"
expect "Note (optional)  the Stage 1 letter" "main: a Stage 1 response typed"
S=two
start "$book" "$P"
open_case "$both"
keys n && text "a note from the other" && keys Enter
expect "note added" "two: a note meanwhile"
S=main
keys Enter
expect "not recorded: changed by root meanwhile; shown afresh, Enter asks again" \
	"main: changed meanwhile, not recorded, and said so"
shows ! "$both" "the Stage 1 letter" "main: nothing recorded on a stale revision"
keys Enter
expect "Record respond on $both?" "main: the same step, asked again"
expect "note: a note from the other" "main: the case shown afresh"
keys Escape
expect "Note (optional)  the Stage 1 letter" "main: back to the form"
S=two
keys r && text "answered by the other" && keys Enter
expect "Record respond on $both?" "two: asked"
keys y
expect "response recorded" "two: responds"
keys e && text "asked for Stage 2" && keys Enter
expect "Record escalate on $both?" "two: asked"
keys y
expect "escalation recorded" "two: escalates"
keys q q
exited 0 "two: q quits"
S=main
keys Enter
expect "moved to Stage 2 since this form opened" "main: the Stage 1 form says the case moved"
expect "Note (optional)  the Stage 1 letter" "main: the text is kept"
keys Enter
expect "moved to Stage 2 since this form opened" "main: Enter again records nothing"
keys Enter
shows ! "$both" "the Stage 1 letter" "main: the Stage 1 note is nowhere in the book"
shows ! "$both" "Stage 2 response sent" "main: no Stage 2 response was recorded"
keys Escape
expect "Keep what you typed?" "main: Esc on the kept text asks keep or discard"
keys d q q
exited 0 "stale: q quits"

# --- a stage overran: the menu offers escalation without its response -----------------
launch "$book" "$P"
open_case "$over"
keys w
expect "Steps $over may take today" "w: the step menu"
expect "escalate " "escalation offered: the Stage 1 response is overdue"
text "escalate" && keys Enter
expect "escalate $over:" "and its form opens"
keys Enter
expect "Record escalate on $over?" "escalate: asked"
keys y
expect "escalation recorded" "Stage 2 asked for without a Stage 1 response"
keys q q
exited 0 "overran: q quits"

# --- the Stage 2 response overdue: the menu says the Ombudsman is open now -------------
launch "$book" "$P"
open_case "$s2late"
keys w
expect "Steps $s2late may take today" "w: the step menu"
expect "ombudsman            Stage 2 response overdue: the Ombudsman is open now" \
	"the Ombudsman offered, saying why"
absent "escalate " "no Stage 3 request without the Stage 2 response"
keys Escape q q
exited 0 "stage 2 overdue: q quits"

# --- the Ombudsman's decision asks whether the council had remedied it before -------
launch "$book" "$P"
open_case "$omb"
keys w && text "ombudsman-outcome" && keys Enter
expect "Remedied before" "the Ombudsman's decision form asks about the council's remedy"
expect "Had the council already remedied the complaint before the decision?" "in words"
keys Down && text "y"
expect "Remedied before  < yes >" "y answers yes"
keys Enter Enter Enter
expect "Record ombudsman-outcome on $omb?" "asked"
expect "the Ombudsman's finding: not recorded; remedied before: yes" \
	"the confirmation names the finding and the answer chosen"
keys y
expect "the Ombudsman's decision recorded" "y records it"
expect "Ombudsman's decision received, remedied by the" "on the timeline"
shows "$omb" "remedied by the council before" "remedied before: in the book"
keys q q
exited 0 "ombudsman: q quits"

# --- the Ombudsman's recommendations: R offers them once its decision is recorded --
launch "$book" "$P"
open_case "$omb"
keys R
expect "Recommendation 1 on $omb" "R: the recommendation form"
text "Apologise to the family in writing." && keys Enter Enter && text "2026-12-10" && keys Enter
expect "Made at         < the Ombudsman's decision >" \
	"the decision recorded: the Ombudsman's offered, and chosen first"
expect "on the calendar until complied with" "and said so"
keys Left
expect "Made at         < stage 1 >" "the stage reached still offered"
text "t"
expect "Made at         < the Ombudsman's decision >" "t chooses the Ombudsman's"
keys Enter
expect "the Ombudsman's recommendation 1 added" "the Ombudsman's recommendation recorded"
keys G
expect "1. (Ombudsman, root, due 2026-12-10, open) Apologise to the family" \
	"on the case view as the Ombudsman's"
shows "$omb" "(Ombudsman, root, due 2026-12-10, open) Apologise to the family in writing." \
	"the Ombudsman's, in the book"
count=$((count + 1))
rd calendar --from 2026-12-10 --days 1 | grep -q "Ombudsman's recommendation 1 due" ||
	failed "the Ombudsman's recommendation on the calendar on its due date"
# owner none: the case's owner, as `case ombudsman-rec` without --owner
keys R
expect "Recommendation 2 on $omb" "R: a second"
text "Pay the family's costs." && keys Enter Left
expect "the case's owner carries it out: root" "no owner chosen: the case's owner, said"
keys Enter && text "2027-01-15" && keys Enter Enter
expect "the Ombudsman's recommendation 2 added" "recorded, with no owner chosen"
shows "$omb" "(Ombudsman, root, due 2027-01-15, open) Pay the family's costs." \
	"carried out by the case's owner"
# d: the Ombudsman's is complied with
keys d
expect "A recommendation on $omb carried out or complied with" "d: the done form"
expect "the Ombudsman's, root, due 2026-12-10: Apologise to the" "the Ombudsman's shown"
expect "Complied with on" "the date it was complied with"
keys Enter Enter
expect "the Ombudsman's recommendation 1 complied with" "complied with, and said so"
shows "$omb" "(Ombudsman, root, due 2026-12-10, done 2026-11-20)" "complied with: in the book"
keys G
expect "1. (Ombudsman, root, due 2026-12-10, done 2026-11-20)" "and on the case view"
# the decision corrected away while the form is open: the book refuses, the form stays
keys R
expect "Recommendation 3 on $omb" "R: a third"
text "Review the policy." && keys Enter Enter && text "2027-02-01" && keys Enter
expect "Made at         < the Ombudsman's decision >" "the Ombudsman's chosen"
decision=$(rd case show "$omb" | sed -n 's/^ *#\([0-9][0-9]*\) .*Ombudsman.s decision received.*/\1/p')
rd case correct "$omb" "$decision" --void --reason "recorded on the wrong case" >/dev/null ||
	failed "case correct: the decision voided"
keys Enter
expect "changed it meanwhile; shown afresh, Enter records it now" "changed meanwhile: shown afresh"
keys Enter
expect "not recorded: $omb has no Ombudsman's decision recorded" "the book's reason, on one line"
expect "Recommendation  Review the policy." "the form kept"
shows ! "$omb" "Review the policy." "nothing recorded"
keys Escape d
# without the decision, the Ombudsman's is not offered
keys R
expect "Recommendation 3 on $omb" "R again"
text "Review the policy." && keys Enter Enter && text "2027-02-01" && keys Enter
expect "Made at         < stage 1 >" "the decision voided: the stage reached"
text "t"
absent "Ombudsman's decision" "the Ombudsman's not offered"
keys Escape d q q
exited 0 "ombudsman's recommendation: q quits"

launch "$book" "$P"
open_case "$panel"
keys R
expect "Recommendation 1 on $panel" "R on a case never referred"
text "Write again." && keys Enter Enter && text "2027-02-01" && keys Enter
expect "Made at         < stage 3 >" "its stage"
text "t"
expect "Made at         < stage 3 >" "t chooses nothing"
absent "Ombudsman's decision" "no Ombudsman's offered"
keys Escape d q q
exited 0 "no decision: q quits"

# --- a recommendation kept as a draft before the Ombudsman's decision ---------------
# is taken up after it as it was shown, the council's at its stage, never turned
# into the Ombudsman's by the form's new default (a review found it recorded so)
om2=$(add 2026-06-01 "Di Draft")
to_ombudsman "$om2"
launch "$book" "$P"
open_case "$om2"
keys R
expect "Recommendation 1 on $om2" "R: the form"
text "Apologise in writing." && keys Enter Enter && text "2026-12-10"
expect "Made at         stage 1" "made at Stage 1: no decision yet"
keys Escape
expect "k keep as a draft" "Esc: keep or discard"
keys k
expect "what you typed is kept for next time" "k: kept as a draft"
keys q
expect "REFERENCE" "q: the list"
keys q
expect "1 draft kept for next time: q quit" "quitting names the draft kept"
keys q
exited 0 "draft kept: q quits"
rd case ombudsman-outcome "$om2" --date 2026-11-10 --finding upheld >/dev/null || failed "outcome"
launch "$book" "$P"
open_case "$om2"
keys R
expect "r" "R again: the draft offered"
keys r
expect "Made at         " "the draft taken up"
expect "Made at         stage 1" "as it was shown: Stage 1"
absent "Made at         the Ombudsman" "not the Ombudsman's, the new default"
keys Escape d q q
exited 0 "draft: q quits"

# --- an extension agreed past the longest the profile allows ----------------------
# Received Mon 16 Nov: the Stage 1 response due Mon 30 Nov (10 working days),
# at most Mon 14 Dec (20).  A year typed wrong, 2062, is said before y: the
# longest stands, though the timeline keeps the date agreed.
ext=$(add 2026-11-16 "Eve Extend")
launch "$book" "$P"
open_case "$ext"
keys x
expect "Agreed until" "x: the extension's form"
text "2062-12-10" && keys Enter Enter Enter Enter
expect "Record extend on $ext?" "asked"
# (the line wraps at 80 columns, indented, rather than being cut off)
expect "moves Stage 1 response from 2026-11-30: due on 2026-12-14, the longest" \
	"the confirmation says the longest allowed stands"
expect "    allowed (the date agreed, 2062-12-10, is past it)" \
	"and that the date agreed is past it, wrapped onto the next row"
keys n
expect "not recorded: only y records it" "n: nothing recorded"
shows ! "$ext" "extended" "n: no extension on the timeline"
keys Escape
expect "d discard" "Esc: keep or discard"
keys d q q
exited 0 "extend: q quits"

screen_done
