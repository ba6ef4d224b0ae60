#!/bin/sh
# Screen tests: the real binary in a private tmux server at a fixed size,
# driven with send-keys and read back with capture-pane.  Waits poll for
# the text expected (never fixed sleeps), so a slow machine only runs slower.
#
#   REDRESS=./redress sh tests/tui/screen.sh
. "$(dirname "$0")/lib.sh"

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

# a dropped link in a form: the text becomes a draft, offered next time
launch "$book" "$P"
expect "REFERENCE" "SIGHUP: the list"
open_case "$ref"
keys n && text "half a note, Siân"
expect "> Note  half a note, Siân" "SIGHUP: in a form"
kill -HUP "$(client_pid)"
exited 0 "SIGHUP in a form ends the client with status"
launch "$book" "$P"
expect "REFERENCE" "after SIGHUP: the list again"
open_case "$ref"
keys n
expect "Draft of this form kept at " "the same form offers the draft"
expect "> Note  half a note, Siân" "showing what it holds"
keys r
expect "draft restored" "r restores it"
keys Enter
expect "note added" "the resumed note is recorded"
keys n
expect "> Note" "the note form again"
absent "Draft of this form" "no draft once recorded"
keys Escape
keys e && text "an escalation left" && keys Escape k
kill -TERM "$(client_pid)"
exited 0 "SIGTERM with a form left: status 0"
launch "$book" "$P"
open_case "$ref"
keys e
expect "Draft of this form kept at " "a cancelled form's text is a draft after SIGTERM too"
expect "an escalation left" "showing what it holds"
keys d
expect "draft discarded" "d discards it"
absent "an escalation left" "and the form is empty"
keys Escape q q
exited 0 "drafts: q quits"

# two clients on one book: one records a note, the other sees it land
launch "$book" "$P"
open_case "$ref"
S=two
start "$book" "$P"
open_case "$ref"
keys n && text "from the second terminal" && keys Enter
expect "note added" "the second client adds a note"
S=main
expect "changed by another user" "the first is told of the other's change"
expect "note: from the second terminal" "and shows the note"
keys q q
exited 0 "two clients: the first quits"
S=two
keys q q
exited 0 "two clients: the second quits"
S=main

# an auditor's session: read-only, every change refused
launch "$book" "$P" -- -R
expect "| read-only" "auditor: read-only on the status line"
keys N
expect "the book is open read-only: nothing can be changed" "auditor: N (new case) refused"
absent "A new contact" "auditor: N opens no form"
keys A
expect "users and roles" "auditor: the admin screen reads"
keys +
expect "the book is open read-only: nothing can be changed" "auditor: + (grant) refused"
keys q
open_case "$ref"
for k in w n e r x; do
	keys "$k"
	expect "the book is open read-only: nothing can be changed" "auditor: $k in a case refused"
	absent "> Note" "auditor: $k opens no form"
	keys C-l
	expect "w:step" "auditor: the message goes at the next key"
done
keys q q
exited 0 "auditor: q quits"

# the new case form: the eligibility questions in the flow
launch "$book" "$P"
expect "REFERENCE" "new case: the list"
keys N
expect "A new contact" "N: the new case form"
expect "Is this a safeguarding concern about a child's safety?" "the safeguarding question"
expect "When did the complainant become aware of the matter?" "the one-year question"
expect "Is it about a matter in legal proceedings, or outside children's social care?" \
	"the excluded matters question"
keys Enter y
expect "not a complaint: it goes to the children's helpdesk at once" "yes: told where it goes"
absent "When did the complainant" "and the complaint's questions go"
keys n
expect "When did the complainant" "no: they come back"
keys Enter Enter Enter && text "2025-10-01"
expect "over a year before receipt: it may be declined as over a year" "over a year: warned"
expect "Record anyway  no" "and asked to record it anyway"
keys Enter Enter Enter && text "Siân Test" && keys Enter Enter Enter Enter && text "South" &&
	keys Enter && text "Contact stopped in 2025." && keys Enter
expect "over a year: answer yes to record it anyway" "not added until answered"
keys y Enter Enter Enter Enter Enter Enter Enter Enter
expect "added" "yes, and Enter through: added"
expect "Siân Test" "the new case is shown"
expect "complainant became aware of the matter" "with when they became aware"
keys q
keys N Enter Enter Enter Enter Enter l
expect "added, then the decline form opens (reason legal-proceedings)" \
	"legal proceedings: what follows is said"
keys Enter && text "Excluded Child" && keys Enter Enter Enter Enter Enter Enter
expect "added; now decline it, with the reason" "added, then"
expect "> Ombudsman told   < no >" "the decline form, at the Ombudsman question"
expect "Reason           legal-proceedings" "with the reason chosen"
keys y Enter Enter Enter
expect "Record decline on" "the decline: asked first"
keys y
expect "declined" "and declined"
expect "not accepted, with a coded reason, would prejudice" "on the timeline"
keys q
keys N Enter y Enter Enter && text "25:61"
expect '"25:61" is not a time (HH:MM, 24-hour)' "safeguarding: the time passed on checked as typed"
keys C-u && text "10:40" && keys Enter && text "Sam Duty" &&
	keys Enter Enter Enter Enter Enter Enter Enter Enter Enter Enter
expect "added, flagged, and what was done recorded" "safeguarding: added as such"
expect "safeguarding concern sent to the helpdesk" "and on its timeline"
expect "01452 426565" "with what was done: the profile's helpdesk"
expect "taken by Sam Duty on" "who took it"
expect "2026-11-20 at 10:40; no referral reference recorded." "and when"
keys q
keys N && text "c" && keys Enter Enter
expect "> Channel" "a comment: on to the channel"
absent "Is it about a matter in legal proceedings" "a comment is asked no complaint's questions"
keys Escape k
expect "kept for next time" "Esc, k keeps the new case form"
keys N
expect "Draft of this form kept at " "N again offers it"
keys r
expect "Kind          < comment >" "r: as it was left"
keys Escape d q
exited 0 "new case: q quits"

# the admin screen
launch "$book" "$P"
keys A
expect "users and roles" "A: the admin screen"
expect "root             admin      granted" "its users and roles"
expect "the profile gloucestershire" "the book's profile"
expect "stage1_response          10 working days from received (20 once extended)" \
	"each rule with its clock"
keys G
expect "holidays in 2026 (england-and-wales)" "this year's holidays"
expect "Friday 25 December 2026    Christmas Day" "Christmas among them"
keys +
expect "Grant a role" "+: the grant form"
text "nobody-here" && keys Enter Enter
expect "not granted:" "a login not in the book is refused"
keys Escape q
expect "REFERENCE" "q leaves the admin screen"
keys q
exited 0 "admin: q quits"

# the idle lock
launch "$book" "$P" REDRESS_IDLE=2
expect "REFERENCE" "idle: the list"
expect "Locked after 2 seconds without a key" "idle: the screen locks"
absent "REFERENCE" "idle: the list is hidden"
absent "CSC-" "idle: no case is shown"
text "not it" && keys Enter
expect "wrong passphrase (1 of 3)" "idle: a wrong passphrase"
text "demo passphrase" && keys Enter
expect "REFERENCE" "idle: the passphrase unlocks"
open_case "$ref"
keys n && text "typed before the lock"
expect "Locked after 2 seconds" "idle: locks in a form"
absent "typed before the lock" "idle: the form is hidden"
text "demo passphrase" && keys Enter
expect "> Note  typed before the lock" "idle: the form is back after unlocking"
keys Escape
expect "Locked after 2 seconds" "idle: locks again"
for n in 1 2 3; do
	text "wrong $n" && keys Enter
	[ $n = 3 ] || expect "($n of 3)" "idle: wrong try $n"
done
exited 2 "idle: three wrong passphrases end the client"
said "three wrong passphrases at the idle lock" "idle: and say why"
launch "$book" "$P"
open_case "$ref"
keys n
expect "Draft of this form kept at " "idle: the form left at the lock is a draft"
expect "> Note  typed before the lock" "idle: showing what it holds"
keys d Escape q q
exited 0 "idle: q quits"

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

# no client, whatever ended it, reported memory errors or undefined behaviour
screen_done
