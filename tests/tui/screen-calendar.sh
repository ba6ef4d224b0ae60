#!/bin/sh
# Screen tests of the deadline calendar, letters and the report screen
# on a book of four cases whose deadlines were worked out by hand; and
# the same without colour.
#
#   REDRESS=./redress sh tests/tui/screen-calendar.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-calendar
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"

# --- the deadline calendar --------------------------------------------------------
# A book of four cases whose deadlines were worked out by hand from the
# Gloucestershire profile (acknowledge in 2 working days, respond in 10,
# at most 20) and the holiday file; today is Friday 20 November 2026.
#   CSC-2026-0001 received Mon 2 Nov, North CIN, ours: acknowledge Wed 4 Nov
#     (12 over), respond Mon 16 Nov (4 over), at most Mon 30 Nov
#   CSC-2026-0002 received Wed 18 Nov, South CIN, bob's: acknowledge Fri 20
#     Nov (today), respond Wed 2 Dec
#   CSC-2026-0003 received Mon 9 Nov, acknowledged 10 Nov: that deadline
#     (Wed 11 Nov) met; respond Mon 23 Nov (1 left)
cal=$tmp/calbook
R() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$cal" "$@" >/dev/null; }
R init --authority gloucestershire &&
	R case add --received 2026-11-02 --child-name "Ada Overdue" --team "North CIN" &&
	R case add --received 2026-11-18 --child-name "Ben Soon" --team "South CIN" --owner bob &&
	R case add --received 2026-11-09 --child-name "Cy Met" --team "North CIN" &&
	R case acknowledge CSC-2026-0003 --date 2026-11-10 || { echo "FAIL: calendar book"; exit 1; }
# a case closed in 2019 and erased under the retention rule, and one held
R case add --received 2019-01-07 --child-name "Old Name" --summary "Long ago" &&
	R case extend CSC-2019-0001 --date 2019-01-10 --reason complexity &&
	R case respond CSC-2019-0001 --date 2019-01-18 &&
	R case close CSC-2019-0001 --date 2019-01-21 && R retention --apply &&
	R case hold CSC-2026-0003 --reason "Claim issued" || { echo "FAIL: erase, hold"; exit 1; }
# a timeline long enough that the case's deadlines start below the first screen
for n in 1 2 3 4 5 6 7 8; do R case note CSC-2026-0001 --text "call $n" --date 2026-11-1$n; done
# screen_e: the screen with its colours, as SGR sequences
screen_e() { t capture-pane -p -e -t "$S" 2>/dev/null; }
esc=$(printf '\033')
# coloured DAY MARK SGR [WHAT]: the grid cell of DAY shows MARK in colour SGR
coloured() {
	count=$((count + 1))
	sgr="$esc\\[[0-9;]*m"
	screen_e | grep -qE "(^|[ >])$1 ($sgr)*$esc\\[([0-9]+;)*${3}m($sgr)* +$2" && return 0
	failed "${4:-day $1 shows $2 in colour $3}"
	screen_e | cat -v | sed 's/^/  | /' | head -12
}

launch "$cal" "$P"
expect "REFERENCE" "calendar: the list first"
keys c
expect "to do only (e: all)" "c: the council's work to do, and the title says so"
# everything below counts what was met and the complainant's windows too
keys e
expect "met and windows too (e)" "e: met deadlines and windows too"
expect "November 2026: 6 deadlines due, 2 overdue" "c: the calendar opens on this month"
expect ">20 " "today is marked"
expect "Friday 20 November 2026: 1 due" "the agenda of today"
expect "CSC-2026-0002 Acknowledgement" "today's deadline, by reference and its label"
expect "today ~" "due today: the due-soon marker"
expect "Ben Soon" "the child by name for a key holder"
expect " 16     1!" "16 November: one deadline, missed"
expect " 4     1!" "4 November: one deadline, missed"
expect " 11     1+" "11 November: one deadline, met"
expect " 23     1~" "23 November: one deadline, due within 3 working days"
coloured 16 '1!' 31 "a missed deadline is red"
coloured 11 '1\+' 32 "a met deadline is green"
coloured 23 '1~' 33 "a deadline due soon is yellow"
# a day, a week, a month, a year, forward and back
keys l
expect "Saturday 21 November 2026: 0 due" "l: the next day"
keys h
expect "Friday 20 November 2026: 1 due" "h: the day before"
keys Right Right Right
expect "Monday 23 November 2026: 1 due" "Right three times: Monday"
expect "Stage 1 response     deadline  1 left ~" "Monday's deadline: 1 working day left"
keys Left
expect "Sunday 22 November 2026" "Left: the day before"
keys j
expect "Sunday 29 November 2026" "j: a week on"
keys k k
expect "Sunday 15 November 2026" "k twice: a week back, twice"
keys NPage
expect "December 2026: " "PgDn: a month on"
expect "Tuesday 15 December 2026" "PgDn: the same day of the month"
expect " * 25 December Christmas Day; 28 December Boxing Day (substitute day)" \
	"bank holidays are named under the grid"
expect "25* " "a bank holiday is starred on the grid"
keys PPage PPage
expect "October 2026: " "PgUp twice: two months back"
keys '}'
expect "October 2027: " "}: a year on"
keys '{'
expect "October 2026: " "{: a year back"
keys t
expect "Friday 20 November 2026: 1 due" "t: back to today"
keys g && text "2026-02-30" && keys Enter
expect "February 2026 has 28 days" "g: an impossible date is refused"
keys g && text "2026-11-16" && keys Enter
expect "Monday 16 November 2026: 1 due" "g: a typed date"
expect "Stage 1 response     deadline  4 over !" "the missed deadline: 4 working days over"
# Enter opens the case at its deadlines; back returns to the same day
keys Enter
expect "case CSC-2026-0001" "Enter: the deadline's case"
expect "deadlines (gloucestershire)" "the case opens at its deadlines"
expect "Stage 1 response, extended maximum due 2026-11-30" "all its deadlines in view"
absent "complaint received" "the timeline's start scrolled away for them"
keys q
expect "Monday 16 November 2026: 1 due" "back: the same day of the calendar"
# filters
keys t v
expect "Week of Monday 16 November 2026: 2 due" "v: the week's agenda"
expect "Fri 20 CSC-2026-0002" "the week's agenda shows each deadline's day"
keys m
expect "deadlines, mine |" "m: only mine"
expect "Week of Monday 16 November 2026: 1 due" "m: bob's deadline goes"
keys m o
expect "deadlines, overdue |" "o: overdue only"
expect "November 2026: 2 deadlines due, 2 overdue" "o: the month counts only missed ones"
keys o T && text "South CIN" && keys Enter
expect "team \"South CIN\"" "T: one team"
expect "Week of Monday 16 November 2026: 1 due" "T: only that team's deadline"
keys T && text "any" && keys Enter 2
expect "stage 2 |" "2: complaints at Stage 2"
expect "November 2026: 0 deadlines due" "2: none at Stage 2"
keys 0 d
expect "calendar | targets |" "d: the internal targets"
keys d d v
expect "calendar | deadlines | day" "d twice more: deadlines again"
# another user's change moves the calendar
REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$cal" case acknowledge CSC-2026-0002 \
	--date 2026-11-20 >/dev/null
expect "met +" "another user's change: today's deadline now met"
expect ">20     1+" "and the grid recoloured"
# resize: a tall, wide window names holidays in the grid
t resize-window -x 120 -y 40
expect "South CIN" "120x40: the agenda has the team"
keys NPage
expect "Boxing Day (su…" "120x40: the holiday named in its day, as it fits"
keys PPage
t resize-window -x 80 -y 24
expect " 16     1!" "80x24 again: the compact grid"
absent "South CIN" "80x24: the team makes way"
absent "Boxing Day (su…" "80x24: holidays named under the grid only"
keys q
expect "REFERENCE" "q: back to the list"
keys q
exited 0 "calendar: q quits"
# an erased case, and a held one, say so
launch "$cal" "$P"
keys a
open_case CSC-2019-0001
expect "erased       2026-11-20: names and narrative removed under the retention rule" \
	"an erased case says when and why"
absent "Old Name" "and its child's name is gone"
expect "Stage 1 extended, complexity: several services or" \
	"the extension's coded reason, kept"
expect "(erased)" "and its summary"
keys q
open_case CSC-2026-0003
expect "legal hold   since 2026-11-20 by" "a held case says so"
expect ": Claim issued" "with the reason, for a key holder"
keys q q
exited 0 "erased, held: q quits"

# a letter from the case view: chosen, read, sent (saved and recorded)
mkdir -p "$tmp/letters" && printf 'letters = %s\ncouncil = Testshire County Council\n' \
	"$tmp/letters" >"$tmp/redress.conf"
launch "$cal" "$P" "REDRESS_CONF=$tmp/redress.conf"
open_case CSC-2026-0002
keys L
expect "Letter" "L: the letters menu"
text "acknowledgement" && keys Enter
expect "letter acknowledgement for CSC-2026-0002, not yet sent" "the letter, before it is sent"
expect "Testshire County Council" "filled: the council"
keys Escape
expect "the letter was not sent" "Esc: not sent"
absent "letter sent" "nothing on the timeline"
keys L && text "acknowledgement" && keys Enter
expect "not yet sent" "the letter again"
keys Enter
expect "acknowledgement sent: recorded on the timeline, written to" "Enter: sent"
absent "changed by another user" "our own letter is no other user's change"
expect "letter sent" "the timeline records it"
count=$((count + 1))
[ -f "$tmp/letters/CSC-2026-0002-acknowledgement-2026-11-20.txt" ] &&
	grep -q "Testshire County Council" "$tmp/letters/CSC-2026-0002-acknowledgement-2026-11-20.txt" &&
	[ -z "$(find "$tmp/letters" -type f -perm /o=rwx)" ] ||
	failed "the letter is saved, and not world-readable"
keys q q
exited 0 "letter: q quits"
# without a letters directory a letter can be read but not sent
launch "$cal" "$P"
open_case CSC-2026-0002
keys L && text "acknowledgement" && keys Enter
expect "not yet sent" "no letters directory: the letter is shown"
keys Enter
expect "no letters directory" "but not sent"
keys Escape q q
exited 0 "no letters directory: q quits"

# the report screen: the same book's year in figures and bars
launch "$cal" "$P"
expect "REFERENCE" "report: the list first"
keys R
expect "report | financial year 2026-27" "R: the report of this financial year"
expect "Financial year 2026-04-01 to 2027-03-31, so far: as at 2026-11-20" "R: the period"
expect "Contacts 3: complaints 3, comments 0, compliments 0" "R: the contacts counted"
expect "Stage 1: 0 responded" "R: no Stage 1 response yet"
keys G
expect "November   ████████" "R: November's bar"
expect "3 (3 complaints)" "R: November's figure"
expect "Stage 1     0: 0 in 10, 0 in 20, 0 over" "R: timeliness by stage"
keys h
expect "report | financial year 2025-26" "h: the year before"
keys g
expect "Contacts 0: complaints 0" "the year before: nothing"
keys y
expect "report | calendar year 2025" "y: the calendar year"
keys l
expect "Contacts 3: complaints 3" "l: calendar 2026"
keys q
expect "REFERENCE" "q: back to the list"
keys q
exited 0 "report: q quits"
# without colour: the markers carry the meaning
launch "$cal" "$P" TERM=vt100
expect "REFERENCE" "vt100: the list"
keys c
expect " 16     1!" "vt100: the missed deadline marked"
keys e
expect " 11     1+" "vt100: the met one marked (e: met ones shown)"
keys q q
exited 0 "vt100: q quits"

# --- a month of targets: the internal target counted in the month's grid ------
# A Stage 2 investigation under Gloucestershire: received Mon 7 Sep, Stage 1
# response 18 Sep, Stage 2 requested 21 Sep, accepted 22, complaint agreed
# (statement) Mon 26 Oct; the internal target, 25 working days from the
# agreement (no holiday between), is Mon 30 Nov; its deadline, 25 from the
# request, Mon 26 Oct (the month before), and the longest, 65, in the new year.
# So November holds one target and no deadline.
tcal=$tmp/targets
TR() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$tcal" "$@" >/dev/null; }
TR init --authority gloucestershire &&
	TR case add --received 2026-09-07 --child-name "Di Target" --team "North CIN" &&
	TR case respond CSC-2026-0001 --date 2026-09-18 && TR case escalate CSC-2026-0001 --date 2026-09-21 &&
	TR case accept CSC-2026-0001 --date 2026-09-22 &&
	TR case statement CSC-2026-0001 --date 2026-10-26 || { echo "FAIL: targets book"; exit 1; }
launch "$tcal" "$P"
expect "REFERENCE" "targets: the list"
keys c
expect "November 2026: 0 deadlines due, 0 overdue" "no deadline in November"
absent " 30     1" "30 November: nothing counted"
keys d
expect "November 2026: 1 target due, 0 overdue" "d: the month counts its one target"
expect " 30     1" "d: the target counted on Monday 30 November"
keys d
expect "November 2026: 1 deadline or target due, 0 overdue" "d: deadlines and targets, one in all"
expect " 30     1" "and counted on its day"
keys g && text "2026-11-30" && keys Enter
expect "Monday 30 November 2026: 1 due" "g: the target's day"
expect "CSC-2026-0001 Stage 2 response" "the day's agenda names the target"
keys q q
exited 0 "targets: q quits"

# no client, whatever ended it, reported memory errors or undefined behaviour
screen_done
