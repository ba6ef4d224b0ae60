#!/bin/sh
# Screen tests of I on the case view: a person on the case corrected (name,
# date of birth) as `redress person edit` does, on the person's revision
# read, and what the case records of them (role, consent, kept informed,
# views) as `case party-edit` does; a change meanwhile by someone else
# recorded nothing until Enter again; checked as typed; refused read-only.
#
#   REDRESS=./redress sh tests/tui/screen-person.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-person
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
book=$tmp/people
R() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
R init --authority gloucestershire >/dev/null &&
	ref=$(R case add --received 2026-11-02 --child-name "Ada Wrong" --child-dob 2012-03-04 \
		--complainant-name "Sam Example" --summary "Contact stopped.") ||
	{ echo "FAIL: person book"; exit 1; }
# has TEXT WHAT -- CMD...: CMD's output holds TEXT
has() {
	count=$((count + 1))
	_t=$1 _w=$2
	shift 3
	"$@" 2>&1 | grep -qF -- "$_t" || failed "$_w"
}

launch "$book" "$P"
open_case "$ref"
keys ?
# (below the first page of help at 80x24 since A joined the list)
keys NPage
expect "case-person" "? lists I"
keys q
keys I
expect "A person on $ref: their record, and what the case records" "I: the form"
expect "> Whose          < Ada Wrong >" "the first person on the case"
expect "Name           Ada Wrong" "their name as recorded"
expect "Born           2012-03-04" "and their date of birth"
absent "Role " "a child's role is not asked: a child is a child"
keys Tab C-u && text "Ada Right"
expect "was Ada Wrong" "the name as it was, beside the correction"
keys Tab C-u && text "2030-01-01"
expect "born 2030-01-01: after today" "a birth after today refused as typed"
keys C-u && text "2012-03-05" && keys Enter Enter Enter Enter Enter
expect "the person's record corrected" "recorded"
expect "child        Ada Right, born 2012-03-05 (child)" "the case view has the correction"
has "Ada Right" "the book has the name" -- R person show 1 --names
has "2012-03-05" "and the date of birth" -- R person show 1 --names
count=$((count + 1))
R audit 2>/dev/null | grep -q "person.update *person 1 *name,dob " ||
	failed "audited with the fields, never the values"

# someone else changes the person first: nothing recorded, who said; Enter again records
keys I Right
expect "> Whose          < Sam Example >" "Right: the complainant"
expect "Name           Sam Example" "their name"
expect "Role           parent" "and their role on the case"
R person edit 2 --rev 1 --dob 1980-05-06 >/dev/null || failed "person edit meanwhile"
keys Tab C-u && text "Sam Q Example" && keys Enter Enter Enter Enter Enter Enter Enter
expect "not recorded: person 2 was changed by root" "a change meanwhile: nothing recorded"
has "rev 2" "the book has only the other change" -- R person show 2 --names
keys Enter
expect "the person's record corrected" "Enter again records it"
has "Sam Q Example" "over the other change" -- R person show 2 --names
has "1980-05-06" "which is kept" -- R person show 2 --names

# what the case records of them: role, consent, views
keys I Right Tab Tab Tab
expect "> Role           < parent >" "the complainant's role"
keys c c
expect "> Role           < child >" "c: the child's role"
expect "a complainant is not given the child's role" "refused as typed"
keys r Tab Tab y Tab Tab && text "Wants weekly contact." && keys Enter
expect "the person on the case recorded" "recorded"
expect "complainant  Sam Q Example, born 1980-05-06 (relative; consents to a" \
	"the case view has the new role and the consent"
expect "views      Wants weekly contact." "and the views"
count=$((count + 1))
R audit 2>/dev/null | grep -q "case.change *$ref *party 2:role,consent,views " ||
	failed "audited as a change of party 2, the fields named"
keys q q
exited 0 "q quits"

# read-only: refused, no form
launch "$book" "$P" -- -R
open_case "$ref"
keys I
expect "the book is open read-only: nothing can be changed" "read-only: I refused"
absent "Correct a person" "read-only: no form"
keys q q
exited 0 "read-only: q quits"

screen_done
