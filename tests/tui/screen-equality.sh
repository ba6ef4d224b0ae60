#!/bin/sh
# Screen test of equality monitoring through the client (the harness of
# tests/tui/lib.sh): Q in the case view opens a complainant's equality
# monitoring; an answer without consent is refused as it is chosen; with
# consent it is recorded, audited by question only, and never shown on the
# case view; a reader without the key gets no form.
#
#   REDRESS=./redress sh tests/tui/screen-equality.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-equality
export REDRESS_TODAY=2027-06-30

statutory_book
ref=$(r case add --received 2027-06-01 --child-name "Ada Reach" --complainant-name "Bo Reach") ||
	{ echo "FAIL: the case"; exit 1; }

launch "$book" "$P"
open_case "$ref"

# Q: the form, for the complainant (never the child)
keys Q
expect "Equality monitoring of a complainant on $ref" "Q: the equality form"
expect "Bo Reach" "the complainant is asked about"
absent "Whose      Ada Reach" "the child is not"
# an answer without consent: refused as it is chosen, nothing recorded
keys Tab Tab Right Right
expect "16-17" "an age band chosen"
expect "recorded only with the person's consent" "no answer without consent, said as chosen"
keys Enter Enter Enter Enter
expect "recorded only with the person's consent" "and not recorded"
count=$((count + 1))
r person equality 2 | grep -qF "consent:       not asked" || failed "nothing recorded without consent"
# consent given: recorded
keys Up Right
expect "Consent     < yes >" "consent: yes"
keys Enter Enter Enter Enter Enter
expect "equality monitoring of Bo Reach recorded" "Enter records them"
absent "16-17" "the answers are not shown on the case view"
count=$((count + 1))
r person equality 2 | grep -qF "age band:      16-17" || failed "person equality: recorded"
count=$((count + 1))
r audit | grep -q "person.equality *person 2 *consent,age-band,sex,ethnicity,disability" ||
	failed "audited as person.equality, by question"
count=$((count + 1))
r audit | grep -q "16-17" && failed "an answer in the audit trail"
# declined: every answer goes
keys Q
expect "Equality monitoring of a complainant on $ref" "Q again"
expect "Age band    16-17" "the answers recorded, in the form"
keys Tab Right
expect "declined: every answer is cleared" "declining: the form says what follows"
keys Tab
expect "recorded only with the person's consent" "an answer left with consent declined: refused"
keys Left Left Enter Enter Enter Enter
expect "equality monitoring of Bo Reach recorded" "declined: recorded"
count=$((count + 1))
r person equality 2 | grep -qF "consent:       no (declined)" || failed "person equality: declined"
count=$((count + 1))
r person equality 2 | grep -qF "age band:      -" || failed "declined: no answers kept"
keys q q
exited 0 "q quits"

# a reader without the key (Esc at the passphrase) gets no form
launch "$book"
expect "assphrase" "asked for the passphrase"
keys Escape
open_case "$ref"
keys Q
absent "Equality monitoring of a complainant" "Q: no form without the key"
expect "sealed" "Q without the key: says why"
keys q q
exited 0 "q quits"

screen_done
