#!/bin/sh
# Screen tests of reads on record and restricted cases in the client (the
# harness of tests/tui/lib.sh).  A case restricted to someone else: the list
# and the case view mark it RESTRICTED and show pseudonyms, never the name
# or the summary, although this user holds the key, and the look is no read
# on record.  Restricted to this user: names shown, still marked.  The audit
# view's r turns from the changes to the reads (who saw whose identity,
# through what) and to both, and back.
#
#   REDRESS=./redress sh tests/tui/screen-restrict.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-restrict
export REDRESS_TODAY=2027-06-30

book=$tmp/book
printf 'pass phrase 1\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
me=$(id -un)
r() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
r init --authority statutory >/dev/null || { echo "FAIL: init"; exit 1; }
ref=$(r case add --received 2027-06-01 --child-name "Juniper Hawthorne" \
	--summary "A sensitive adoption") || { echo "FAIL: the case"; exit 1; }
other=$(r case add --received 2027-06-02 --child-name "Rowan Open") || { echo "FAIL: case 2"; exit 1; }
r case restrict "$ref" --to someone-else >/dev/null || { echo "FAIL: restrict"; exit 1; }

# --- restricted to someone else: marked, pseudonyms, with the key held ----------------
# (at 80 columns the list's child column is narrow: the mark comes first)
launch "$book" "$P"
expect "REFERENCE" "the list"
expect "Rowan Open" "an unrestricted case shows its child's name"
expect "RESTRICTED Chi" "the restricted case: a pseudonym on the list, marked"
absent "Juniper" "no name of the restricted case on the list"
keys / C-u && text "$ref" && keys Enter
expect "matching \"$ref\" | 1/1" "search finds $ref"
keys Enter
expect "timeline" "$ref opens"
expect "RESTRICTED to someone-else" "the case view marks it, with whom"
expect "Child C-0001" "the case view: the pseudonym"
absent "Juniper" "the case view: no name"
absent "sensitive adoption" "the case view: no summary"
keys q q
exited 0 "q quits"
count=$((count + 1))
r audit --reads --case "$ref" | grep -q "via=client" && failed "the restricted look was a read on record"

# --- restricted to this user: names, still marked -----------------------------------------
r case restrict "$ref" --to "$me" >/dev/null || failed "restricted to $me"
launch "$book" "$P"
open_case "$ref"
expect "RESTRICTED to $me" "named: still marked"
expect "Juniper Hawthorne" "named: the name"
expect "A sensitive adoption" "named: the summary"
absent "Child C-0001" "named: no pseudonym"
keys q q
exited 0 "q quits (its reads written)"

# --- the audit view: r for the reads ------------------------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list"
expect "Juniper Hawtho" "named: the name on the list"
absent "RESTRICTED" "named: no mark on the list"
keys T
expect "audit trail: who changed what, when" "T: the audit trail, changes"
expect "case.restrict" "the restriction is a change on record"
absent "via=client" "no reads among the changes"
keys r
expect "audit trail: who saw whose identity" "r: the reads"
expect "via=client" "the client's read of $ref is there"
expect "$ref" "naming the case read"
absent "case.restrict" "no changes among the reads"
keys r
expect "case.restrict" "r again: changes and reads"
expect "via=client" "and the reads"
keys r
expect "audit trail: who changed what, when" "r a third time: the changes again"
absent "via=client" "without the reads"
keys q q
exited 0 "q quits"

screen_done
