#!/bin/sh
# Screen tests of a session's life: read-only, SIGTERM, a dropped link
# (SIGHUP) in a form and its draft, two clients on one book, an auditor's
# read-only session, the new case form with its eligibility questions, the
# admin screen, the idle lock.
#
#   REDRESS=./redress sh tests/tui/screen-session.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-session
demo_book

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

# no client, whatever ended it, reported memory errors or undefined behaviour
screen_done
