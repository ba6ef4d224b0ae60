#!/bin/sh
# Screen test of a correction through the client (the harness of
# tests/tui/lib.sh): C in the case view asks for the event, the
# correction and why, says what will change, and records only on y.
#
#   REDRESS=./redress sh tests/tui/screen-correct.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-correct
# a fixed today of its own: the clocks do not move
export REDRESS_TODAY=2027-06-30

# A book of our own: received 4 May 2027 (3 May a bank holiday), Stage 1
# due 18 May, the response typed as 20 May (missed by 2)
statutory_book
ref=$(r case add --received 2027-05-04 --child-name "Ada Correctly") &&
	r case acknowledge "$ref" --date 2027-05-05 && r case respond "$ref" --date 2027-05-20 ||
	{ echo "FAIL: the case"; exit 1; }

launch "$book" "$P"
open_case "$ref"
expect "#3  2027-05-20" "the timeline is numbered as case show numbers it"
expect "missed by 2" "the response is late"

# C: the form; a refusal keeps the form; anything but y records nothing
keys C
expect "correct $ref" "C: the correction form"
text "9" && keys Tab Tab && text "2027-05-14" && keys Tab && text "typed the 20th" && keys Enter
expect "the timeline runs #1 to #3" "an event that is not there: refused, said why"
keys C-p C-p C-p C-u && text "3" && keys Tab Tab Tab Enter
expect "Move #3, Stage 1 response sent, from 2027-05-20 to 2027-05-14" "the confirmation says what will change"
keys Enter
expect "not corrected" "Enter does not record"
keys Enter
expect "Move #3" "the form as it was: asked again"
keys n
expect "not corrected" "n does not record"
count=$((count + 1))
if r case show "$ref" | grep -qF "#4"; then failed "Enter or n recorded a correction"; fi
keys Enter
expect "Move #3" "asked again"
keys y
expect "#3 moved" "y records it"
expect "[corrected by #4]" "the old event stays, marked"
expect "#4  2027-05-14" "the correction on its date"
expect "[re-dates #3]: typed the" "pointing at the old, with why"
absent "changed by another user" "its own commit is no news"
absent "missed by 2" "the deadline is recomputed"
count=$((count + 1))
r case show "$ref" | grep -q "stage1_response .*met" || failed "case show: the deadline met"

# void: the acknowledgement never went
keys C
expect "correct $ref" "C: the form"
keys C-u && text "2" && keys Tab Space Tab Tab C-u && text "never posted" && keys Enter
expect "Void #2, acknowledgement sent on 2027-05-05" "void: the confirmation"
keys y
expect "#2 voided" "y voids it"
expect "#5  2027-06-30" "the void is an event of today"
keys q q
exited 0 "q quits"

screen_done
