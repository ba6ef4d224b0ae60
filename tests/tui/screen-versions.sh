#!/bin/sh
# Screen test of the book's calendar versions in the client (the harness of
# tests/tui/screen.sh): the admin screen lists the versions with who made
# each and when; H asks for a holiday's date and name, says what it will do
# and adds it only on y, open cases recomputed; the case view keeps the
# earlier date in view.
#
#   REDRESS=./redress sh tests/tui/screen-versions.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-versions
export REDRESS_TODAY=2026-11-25 REDRESS_SYSLOG=off

# received Fri 2026-11-20: Stage 1 due 2026-12-04 (10 working days), or
# 2026-12-07 with Tue 2026-12-01 a holiday
book=$tmp/book
printf 'pass phrase 1\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
r() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
r init --authority statutory >/dev/null || { echo "FAIL: init"; exit 1; }
ref=$(r case add --received 2026-11-20 --child-name "Ada Versions") || { echo "FAIL: the case"; exit 1; }

launch "$book" "$P"
expect "REFERENCE" "the list"
keys A
expect "users and roles" "A: the admin screen"
keys NPage NPage NPage NPage
expect "the book's versions (H adds a holiday)" "the versions, at the end"
expect "calendar 1   england-and-wales        by " "calendar 1, who made it"
expect "profile  1   statutory                by " "profile 1"
keys H
expect "Holiday's date (YYYY-MM-DD):" "H: the date asked"
text "2026-12-01" && keys Enter
expect "Its name:" "then its name"
text "Day of mourning" && keys Enter
expect "calendar 2 would add 2026-12-01 Day of mourning: 2 dates of open cases move" \
	"what it will do, shown first"
expect "$ref  stage1_response        2026-12-04 -> 2026-12-07" "each date it would move"
expect "$ref  stage1_response_max    2026-12-18 -> 2026-12-21" "both"
expect "Add 2026-12-01 as calendar 2 (the changes above)? y/n" "then asked"
keys n
expect "nothing changed" "n: nothing changed"
count=$((count + 1))
if r holidays 2026 | grep -qF "Day of mourning"; then failed "n added the holiday"; fi
absent "would add" "the preview gone"
keys H && text "2026-12-01" && keys Enter && text "Day of mourning" && keys Enter
expect "as calendar 2 (the changes above)" "asked again"
keys y
expect "calendar 2: 1 open case recomputed, 2 dates moved" "y: added, the case recomputed"
keys NPage NPage NPage NPage
expect "calendar 2   england-and-wales        by " "calendar 2 listed"
keys q
open_case "$ref"
expect "counted under profile 1, calendar 2 of the book" "the case names its versions"
expect "due 2026-12-07" "the new date"
expect "due 2026-12-07 (was 2026-12-04 before calendar 2)" "the earlier date in view"
keys q q
exited 0 "q quits"

screen_done
