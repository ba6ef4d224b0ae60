#!/bin/sh
# Screen tests of the team in the new case form (N) and the case's details
# (E): chosen from the book's teams, each with its count of open cases, or
# a new one typed; the same team typed again under another spelling refused.
#
#   REDRESS=./redress sh tests/tui/screen-teams.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-teams
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
book=$tmp/teams
R() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
R init --authority gloucestershire >/dev/null &&
	R case add --received 2026-11-02 --child-name "Ada One" --team "North CIN" >/dev/null &&
	R case add --received 2026-11-09 --child-name "Ben Two" --team "North CIN" >/dev/null &&
	R case add --received 2026-11-18 --child-name "Cy Three" --team "Fostering" >/dev/null ||
	{ echo "FAIL: teams book"; exit 1; }
# team TEXT [WHAT]: the case view's team line says TEXT
team() {
	expect "team         $1" "${2:-the case's team is $1}"
}

# --- a new case: the team chosen from the book's ----------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list"
keys N
expect "A new contact" "N: the new case form"
# kind, safeguarding, channel, received, aware, excluded, child, born,
# complainant, role, team
keys Enter Enter Enter Enter Enter Enter && text "Di Four" && keys Enter Enter Enter Enter
expect "> Team          < no team >" "the team: none at first"
keys Right
expect "> Team          < Fostering >" "Right: the first of the book's teams"
expect "1 open case" "with its count of open cases"
keys Right
expect "> Team          < North CIN >" "Right: the next team"
expect "2 open cases" "with its count"
keys Right
expect "a new team (type its name)" "then a new team"
keys Enter && text "north cin"
expect "\"North CIN\" is a team already: choose it above" "the same team in other letters refused"
keys Up Left Enter
expect "> Summary" "the team chosen again; on to the summary"
text "Contact stopped." && keys Enter
expect " added" "the case is added"
team "North CIN" "the new case is North CIN's"
count=$((count + 1))
R case list --team "North CIN" 2>/dev/null | grep -q "Di Four" ||
	R case show CSC-2026-0004 2>/dev/null | grep -q "North CIN" || failed "the book has it in North CIN"

# --- its details: a new team typed ----------------------------------------------------
keys E
expect "The details of CSC-2026-0004" "E: the details form"
keys Tab Tab
expect "> Team     < North CIN >" "the case's own team chosen"
expect "3 open cases" "with its count, the new case counted"
keys Left
expect "> Team     < Fostering >" "Left: another of the book's teams"
keys Right Right Tab
expect "or choose one of the book's teams above" "a new team: its name asked"
text "Adoption South"
expect "a team the book has not had before" "a new team: said so"
keys Enter Enter Enter
expect "case details recorded" "the new team recorded"
team "Adoption South" "the case view has the new team"
count=$((count + 1))
R audit | grep -q "case.edit .*team" || failed "the edit audited with the team"

# --- and the next new case offers it --------------------------------------------------
keys q N
expect "A new contact" "N again"
keys Enter Enter Enter Enter Enter Enter && text "Eve Five" && keys Enter Enter Enter Enter
keys Right
expect "> Team          < Adoption South >" "the new team is now one of the book's"
expect "1 open case" "with its one case"
keys Escape d q
exited 0 "q quits"

# --- the book's teams, whatever the list shows or searches ------------------------------
# South CIN: a team whose only case is closed
sref=$(R case add --received 2026-11-03 --child-name "Fay Six" --team "South CIN") &&
	R case close "$sref" --date 2026-11-10 >/dev/null || failed "a closed South CIN case"
launch "$book" "$P"
expect "REFERENCE" "the list again"
keys / C-u && text "Ada" && keys Enter
expect "matching \"Ada\" | 1/1" "a search that shows North CIN's Ada alone"
absent "Fostering" "no Fostering case in the list"
keys t
expect "Only the cases of one team" "t: the team filter"
expect "South CIN" "the team of a closed case is offered"
expect "Fostering" "so is a team the search does not show"
expect "4 open cases" "any team: the book's open cases"
keys Escape
keys N
expect "A new contact" "N with the list searched"
keys Enter Enter Enter Enter Enter Enter && text "Gus Seven" && keys Enter Enter Enter Enter
expect "> Team          < no team >" "the team: none at first"
keys Right
expect "> Team          < Adoption South >" "Right: the book's first team"
keys Right
expect "> Team          < Fostering >" "a team whose cases the list does not show"
expect "1 open case" "with the book's count of its open cases"
keys Right
expect "> Team          < North CIN >" "North CIN"
expect "2 open cases" "the book's count, not the list's one"
keys Right
expect "> Team          < South CIN >" "a team whose cases are all closed"
expect "0 open cases" "with none open"
keys Right Enter && text "fostering"
expect "\"Fostering\" is a team already: choose it above" \
	"a team the search does not show, typed in other letters, refused"
keys C-u && text "south cin"
expect "\"South CIN\" is a team already: choose it above" \
	"a team of closed cases only, typed in other letters, refused"
keys Escape d q
exited 0 "q quits"

# --- more teams than the choice holds (63) --------------------------------------------
# 70 teams more, one case each, by one import: "Zeta Team 70" sorts past the
# last the choice shows, and is still refused when typed again in other letters
{
	echo "received,team,child_name"
	i=1
	while [ $i -le 70 ]; do
		printf '2026-11-02,Zeta Team %02d,Child %02d\n' $i $i
		i=$((i + 1))
	done
} >"$tmp/teams.csv"
R import "$tmp/teams.csv" >/dev/null || failed "import of 70 teams"
launch "$book" "$P"
expect "REFERENCE" "74 teams: the list"
keys N
expect "A new contact" "N"
keys Enter Enter Enter Enter Enter Enter && text "Hal Eight" && keys Enter Enter Enter Enter
expect "> Team          < no team >" "the team: none at first"
keys Left Enter && text "zeta team 70"
expect "\"Zeta Team 70\" is a team already: choose it above" \
	"a team past the last the choice holds, typed in other letters, refused"
keys Escape d q
exited 0 "q quits"

screen_done
