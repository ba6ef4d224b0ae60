#!/bin/sh
# Screen test of contact details through the client (the harness of
# tests/tui/lib.sh): i in the case view opens a person's contact details,
# checked as they are typed; a key holder sees them under the party; a
# person marked not safe to write to gets no letter.
#
#   REDRESS=./redress sh tests/tui/screen-contact.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-contact
export REDRESS_TODAY=2027-06-30

statutory_book
ref=$(r case add --received 2027-06-01 --child-name "Ada Reach" --complainant-name "Bo Reach") ||
	{ echo "FAIL: the case"; exit 1; }

launch "$book" "$P"
open_case "$ref"
absent "Quayside" "nothing recorded yet"

# i: the form, for the first party; a bad e-mail is refused as typed
keys i
expect "Contact details of a person on $ref" "i: the contact form"
keys Tab && text "14 Quayside Walk, Northtown NT4 9QX" && keys Tab && text "bo.reach" &&
	keys Tab && text "01632 960123" && keys Tab Tab Enter
expect "is not an e-mail address" "an e-mail without @: said why, not recorded"
keys C-u && text "bo@mail.example" && keys Tab Tab Tab Enter
expect "contact details of Ada Reach recorded" "Enter records them"
expect "address    14 Quayside Walk, Northtown NT4 9QX" "the address under the party"
expect "contact    bo@mail.example; 01632 960123" "e-mail and phone under the party"
count=$((count + 1))
r person contact 1 | grep -qF "email:         bo@mail.example" || failed "person contact: recorded"
count=$((count + 1))
r audit | grep -q "person.contact *person 1" || failed "audited as person.contact"

# not safe to write: shown, and the letter is refused
keys i
expect "Contact details of a person on $ref" "i again"
keys Tab Tab Tab Tab Tab Right Right
expect "no letter will be made to them" "not safe: the form warns"
keys Enter
expect "NOT SAFE" "not safe to write: on the case view"
keys q q
exited 0 "q quits"
count=$((count + 1))
r person contact 1 | grep -qF "safe to write: no" || failed "person contact: not safe"
count=$((count + 1))
r letter "$ref" acknowledgement 2>&1 | grep -qF "not safe to write" && failed "the complainant is the addressee, still safe" || true

# a reader without the key (Esc at the passphrase: pseudonyms) sees nothing of them
launch "$book"
expect "assphrase" "asked for the passphrase"
keys Escape
open_case "$ref"
expect "Complainant P-0002" "pseudonyms"
absent "Quayside" "no address without the key"
absent "NOT SAFE" "nothing of the contact details without the key"
absent "contact    " "no contact line without the key"
keys i
absent "Contact details of a person" "i: no form without the key"
keys q q
exited 0 "q quits"

# never on disk in plain text
count=$((count + 1))
if grep -c "Quayside" "$book/data.mdb" | grep -qv '^0$'; then failed "the address on disk in plain text"; fi

screen_done
