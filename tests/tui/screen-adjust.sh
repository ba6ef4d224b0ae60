#!/bin/sh
# Screen test of reasonable adjustments through the client (the harness of
# tests/tui/lib.sh): A in the case view opens a person's adjustments,
# checked as they are typed; a key holder sees them under the party; the
# review is on the calendar as an item, no statutory deadline; a review
# held moves it; a reader without the key sees nothing of them.
#
#   REDRESS=./redress sh tests/tui/screen-adjust.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-adjust
export REDRESS_TODAY=2027-06-30

statutory_book
ref=$(r case add --received 2027-06-21 --child-name "Ada Reach" --complainant-name "Bo Reach") ||
	{ echo "FAIL: the case"; exit 1; }

launch "$book" "$P"
open_case "$ref"
absent "adjusted" "nothing recorded yet"

# A: the form, for the first party; a review before the day agreed is
# refused as typed, with the book's reason
keys A
expect "Reasonable adjustments of a person on $ref" "A: the adjustments form"
keys Tab Tab && text "Large print; calls before 11am" && keys Tab Tab && text "2027-06-01"
expect "is not after the day agreed (2027-06-30)" "a review before the day agreed: said why"
keys Enter
expect "is not after the day agreed" "Enter records nothing while it is wrong"
keys C-u && text "2027-07-14" && keys Enter
expect "adjustments of Ada Reach recorded" "Enter records them"
expect "adjusted   Large print; calls before 11am (agreed 2027-06-30; next review" \
	"under the party"
count=$((count + 1))
r person adjust 1 | grep -qF "next review:  2027-07-14" || failed "person adjust: recorded"
count=$((count + 1))
r audit | grep -q "person.adjust *person 1 *text,agreed,review" || failed "audited as person.adjust"

# the calendar: on 14 July, an item labelled as no statutory deadline
keys q
keys c
expect "June 2027" "c: the calendar"
keys j j
# (its label, "review of reasonable adjustments (not a statutory deadline)",
# cut to the column at 80 columns; "item" says it is no deadline)
expect "review of reasonabl… item" "the review in the agenda, an item, not a deadline"
keys q

# a review held: the next review, off the old day
open_case "$ref"
keys A
expect "Reasonable adjustments of a person on $ref" "A again"
keys Tab Right
expect "Reviewed on" "a review held asks when"
keys Tab Tab Tab C-u && text "2027-12-01" && keys Enter
expect "adjustments of Ada Reach reviewed" "the review recorded"
expect "2027-06-30; next review 2027-12-01)" "the next review under the party"
keys q q
exited 0 "q quits"
count=$((count + 1))
r calendar --from 2027-07-14 --days 1 --format tsv | grep -q adjustment && failed "the old review still on the calendar"
count=$((count + 1))
r calendar --from 2027-12-01 --days 1 --format tsv | grep -q "adjustment_review" || failed "the next review not on the calendar"

# a reader without the key (Esc at the passphrase: pseudonyms) sees nothing of them
launch "$book"
expect "assphrase" "asked for the passphrase"
keys Escape
open_case "$ref"
expect "Child C-0001" "pseudonyms"
absent "adjusted" "no adjustments without the key"
absent "Large print" "nothing of what was agreed without the key"
keys A
absent "Reasonable adjustments of a person" "A: no form without the key"
keys q q
exited 0 "q quits"

# an Ombudsman's recommendation past its due date and not done: overdue on
# the case view, as on the calendar
omb=$(r case add --received 2026-06-01 --child-name Kid) && r case respond "$omb" --date 2026-06-12 &&
	r case escalate "$omb" --date 2026-07-20 &&
	r case refuse "$omb" --date 2026-07-21 --reason late-request --ombudsman-told &&
	r case ombudsman "$omb" --date 2026-08-03 &&
	r case ombudsman-outcome "$omb" --date 2027-06-01 --finding upheld &&
	r case ombudsman-rec "$omb" --text Apologise --due 2027-06-25 >/dev/null ||
	failed "an Ombudsman's recommendation"
launch "$book" "$P"
open_case "$omb"
keys G
expect "(Ombudsman, root, due 2027-06-25, overdue) Apologise" "an open recommendation past due: overdue"
keys q q
exited 0 "q quits"
count=$((count + 1))
r calendar --overdue --format tsv | grep -q "ombudsman_rec_1.*overdue" || failed "the recommendation overdue on the calendar"

# never on disk in plain text
count=$((count + 1))
if grep -c "Large print" "$book/data.mdb" | grep -qv '^0$'; then failed "on disk in plain text"; fi

screen_done
