#!/bin/sh
# Screen test of the book's calendar versions in the client (the harness of
# tests/tui/screen.sh): the admin screen lists the versions with who made
# each and when; H asks for a holiday's date and name, says what it will do
# and adds it only on y, open cases recomputed; the case view keeps the
# earlier date in view.  I imports GOV.UK's bank-holidays.json and U updates
# the profile, each showing the days or rules that differ and the deadlines
# that move before y; Esc changes nothing, a bad file is refused with its
# one-line reason.
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
expect "the book's versions (H adds a holiday, I imports a file, U updates the profile)" "the versions, at the end"
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

# --- I: GOV.UK's bank-holidays.json (tests/cli/data: a one-off on Tue
# 2026-12-01, "State occasion"), on a book of its own
book=$tmp/book2
r init --authority statutory >/dev/null || { echo "FAIL: init 2"; exit 1; }
ref=$(r case add --received 2026-11-20 --child-name "Ada Imports") || { echo "FAIL: case 2"; exit 1; }
data=$(pwd)/tests/cli/data/bank-holidays.json
printf '{"england-and-wales": {"division": "england-and-wales", "events": [\n{"title": "A", "date": "2026-12-02"},\n{"title": "B", "date": "2026-02-30"}]}}\n' >"$tmp/bad.json"
printf 'profile   ourcouncil\ntitle     Our Council\ninherits  statutory\nsource ours  Our Council, "Complaints policy" (2026)\nrule stage1_response\n\twithin  5 working-days\n\tbasis   council\n\tsource  ours\n' >"$tmp/our.profile"
printf 'profile   bad\nrule x\n\twithin  5 lightyears\n' >"$tmp/bad.profile"
launch "$book" "$P"
expect "REFERENCE" "the second book's list"
keys A
expect "users and roles" "A again"
keys I
expect "Import GOV.UK's bank-holidays.json into the book's calendar" "I: the import's form"
expect "england-and-wales" "the book's division offered first"
text "$tmp/bad.json" && keys Enter Enter
expect "not imported: $tmp/bad.json:3: event 2: bad date \"2026-02-30\"" "a bad file: its reason"
count=$((count + 1))
r holidays versions | grep -q "calendar   2" && failed "a bad file made a version"
keys Up C-u
text "$data" && keys Enter Enter
expect "calendar 2 would take england-and-wales, 2026-2031: 11 days change" \
	"the days that change, shown first"
expect "+ 2026-12-01  Tuesday    State occasion" "the one-off added"
expect "- 2031-05-05  Monday     Early May bank holiday  [projected]" "a projected day taken off"
expect "2 dates of open cases move" "the deadlines that move"
expect "$ref  stage1_response        2026-12-04 -> 2026-12-07" "each of them"
expect "Import england-and-wales as calendar 2 (the changes above)? y/n" "then asked"
keys Escape
expect "nothing changed" "Esc: nothing changed"
count=$((count + 1))
r holidays versions | grep -q "calendar   2" && failed "Esc made calendar 2"
count=$((count + 1))
r case show "$ref" | grep -q "stage1_response        2026-12-04" || failed "Esc moved the case's date"
keys I
expect "Import GOV.UK's bank-holidays.json" "I again"
text "$data" && keys Enter Enter
expect "as calendar 2 (the changes above)? y/n" "asked again"
keys y
expect "calendar 2: 1 open case recomputed, 2 dates moved" "y: imported, the case recomputed"
count=$((count + 1))
r audit | tr -s ' ' | grep -qF "calendar.import calendar 2 $data england-and-wales 2026-2031: 17 days" ||
	failed "the audit names the import"
keys G
expect "bank-holidays.json england-and-wales 2" "the version listed with what it did"

# --- U: the profile, a council's own file, open cases moved
keys U
expect "The book's next profile" "U: the profile's form"
keys C-u
text "$tmp/bad.profile" && keys Enter Enter
expect "not updated: $tmp/bad.profile:3: within: unknown unit" "a bad profile: FILE:LINE"
keys Up C-u
text "$tmp/our.profile" && keys Enter Right Enter
expect "profile 2 would be ourcouncil (against profile 1, statutory): 3 differences" \
	"the rules that differ, shown first"
expect "changed  stage1_response        within: 10 working days after received" "within"
expect "-> 5 working days after received" "and what it becomes"
expect "changed  stage1_response        basis: regulation -> council" "basis"
expect "1 date of open cases move" "the deadline that moves"
expect "$ref  stage1_response        2026-12-07 -> 2026-11-27" "from the new calendar's date"
expect "Make ourcouncil the book's profile 2 (the changes above)? y/n" "then asked"
keys n
expect "nothing changed" "n: nothing changed"
count=$((count + 1))
r authority versions | grep -q "profile    2" && failed "n made profile 2"
keys U
expect "The book's next profile" "U again"
keys C-u
text "$tmp/our.profile" && keys Enter Right Enter
expect "Make ourcouncil the book's profile 2" "asked again"
keys y
expect "profile 2: new cases take it; 1 open case moved to it, 1 date moved" "y: the profile made"
count=$((count + 1))
r audit | tr -s ' ' | grep -qF "profile.update profile 2 ourcouncil, open cases moved" ||
	failed "the audit names the profile update"
count=$((count + 1))
r case show "$ref" | grep -q "counted under profile 2, calendar 2 of the book" ||
	failed "the case counted under both new versions"
keys q q
exited 0 "q quits"

# --- a client left open while another admin adds a holiday -----------------------
# the holiday is marked on its calendar within seconds, without a restart
# (the client used to keep the calendar it loaded at start until it quit)
launch "$book" "$P"
expect "REFERENCE" "the list, a second session"
keys c
expect "November 2026" "c: the calendar of this month"
keys NPage
expect "December 2026" "PgDn: December"
expect " 11 " "11 December, a working day"
absent " 11*" "11 December not yet a holiday"
r holidays add 2026-12-11 "Another day of mourning" >/dev/null || failed "the holiday added by the CLI"
expect " 11*" "another admin's holiday marked on the open calendar"
keys q q
exited 0 "q quits"

screen_done
