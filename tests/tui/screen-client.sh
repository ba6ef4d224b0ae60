#!/bin/sh
# Screen tests of the whole procedure in the client: one complaint taken
# from receipt through advocacy, the people on it (the Stage 2 independent
# person refused for the panel), its parties, two points with their findings
# at Stage 1, a recommendation made and carried out, and a legal hold, every
# one from the case view; then `redress report annual` counts them.  As
# tests/tui/lib.sh: the real binary in a private tmux server, waits that
# poll for the text expected.
#
#   REDRESS=./redress sh tests/tui/screen-client.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-client

# report FIGURE...: `redress report annual --format csv` has each line.
report_has() {
	"$REDRESS" -d "$book" report annual --format csv 2>&1 | tr -d '\r' >"$tmp/report.csv"
	for line in "$@"; do
		count=$((count + 1))
		grep -qxF -- "$line" "$tmp/report.csv" || {
			failed "the annual report has: $line"
			grep -F -- "$(echo "$line" | cut -d, -f1-3)" "$tmp/report.csv" | sed 's/^/  | /'
		}
	done
}

# An empty book: everything below is done in the client.
book=$tmp/book
printf 'client passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" init --authority gloucestershire \
	>/dev/null || { echo "FAIL: init"; exit 1; }
# before: nothing offered, nothing found
report_has "advocacy,Advocacy offered,Total,Number,0" \
	"point-outcomes,Findings on the points of those complaints,Total,Stage 1,0" \
	'other,"The Ombudsman, compliments and recommendations",Recommendations completed,Number,0'

# --- a complaint, received ------------------------------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list of an empty book"
keys N
expect "A new contact" "N: the new case form"
# kind, safeguarding, channel, received, aware, excluded, child, born,
# complainant, role, team (Left: a new one, typed), summary
keys Enter Enter Enter C-u && text "2026-11-16" && keys Enter Enter Enter &&
	text "Ada Client" && keys Enter && text "2012-03-04" && keys Enter &&
	text "Cara Client" && keys Enter Enter Left Enter && text "North CIN" && keys Enter &&
	text "Contact with her father was stopped." && keys Enter
expect "CSC-2026-0001 added" "the complaint is added"
expect "timeline" "and its case view opens"

# --- the people on it -----------------------------------------------------------------
keys a
expect "People on CSC-2026-0001" "a: the people form"
expect "> Owner               < root (admin) >" "the owner chosen from the users"
# the manager from the users; the officer, the independent person and the
# panel typed as logins
keys Tab Right
expect "> Manager             < root (admin) >" "Right: the next user"
keys Tab Left Tab && text "ivy"
keys Tab Left Tab && text "ian"
keys Tab Tab Left Tab && text "ian"
expect "ian was the Stage 2 independent person and may not sit on the review panel" \
	"the independent person refused for the panel, as typed"
keys Tab Left Tab && text "pam"
keys Tab Left Tab && text "paz"
keys Tab Right Enter Enter
expect "ian was the Stage 2 independent person and may not sit on the review panel" \
	"Enter does not record it: the reason stays"
absent "people on the case recorded" "nothing recorded with the independent person on the panel"
# (Enter goes on through the fields below it, the chair and the date
# appointed, and on the last records)
keys C-u && text "pat" && keys Enter Enter Enter Enter Enter Enter Enter
expect "people on the case recorded" "with another member: recorded"
expect "investigator ivy" "the investigating officer on the case view"
expect "independent  ian" "the independent person"
expect "panel        pat (chair)" "the panel and its chair"
expect "manager      root" "the investigating manager"

# --- a second child ------------------------------------------------------------------
keys c
expect "A person on CSC-2026-0001" "c: the party form"
keys Enter && text "Bea Client" && keys Enter && text "2015-05-06" &&
	keys Enter Enter y Enter Enter && text "She wants to see her dad." && keys Enter
expect "child added" "a second child added"
expect "Bea Client, born 2015-05-06 (child; consents to a representative)" \
	"the child on the case view"
expect "views      She wants to see her dad." "with her views"

# --- advocacy ------------------------------------------------------------------------
keys v
expect "Advocacy on CSC-2026-0001" "v: the advocacy form"
keys C-u && text "2026-11-30"
expect "offered 2026-11-30: after today (2026-11-20)" "a date after today refused as typed"
keys C-u && text "2026-11-17"
expect "eligible: aged 14: under 18" "the eligibility the book works out"
keys Enter && text "VIVA" && keys Enter a Enter Enter Enter Enter Enter
expect "advocacy recorded" "advocacy recorded"
expect "offered 2026-11-17, referred to VIVA; accepted; eligible: aged" \
	"advocacy on the case view, with the eligibility"

# --- points and findings --------------------------------------------------------------
keys f
expect "CSC-2026-0001 has no points yet: p adds one" "f before any point says why"
keys p && text "Contact was stopped without notice." && keys Enter
expect "point 1 added" "p: the first point"
keys p && text "Calls to the social worker were not returned." && keys Enter
expect "point 2 added" "p: the second point"
keys f
expect "A finding on a point of CSC-2026-0001" "f: the finding form"
expect "Contact was stopped without notice." "the point is shown"
keys Enter
expect "point 1 at stage 1: upheld" "point 1 upheld at Stage 1"
keys f
expect "Calls to the social worker were not returned." "the next point without a finding"
keys n Enter
expect "point 2 at stage 1: not-upheld" "point 2 not upheld at Stage 1"
keys G
expect "1. [stage 1: upheld] Contact was stopped" "findings on the case view"
expect "2. [stage 1: not-upheld] Calls to the social worker" "both"

# --- a recommendation, made and done --------------------------------------------------
keys d
expect "CSC-2026-0001 has no open recommendation: R adds one" "d before any says why"
keys R
expect "Recommendation 1 on CSC-2026-0001" "R: the recommendation form"
text "Agree a contact plan with the family." && keys Enter Enter && text "2026-12-18" &&
	keys Enter Enter
expect "recommendation 1 added" "recommendation added"
keys G
expect "1. (stage 1, root, due 2026-12-18, open) Agree a contact plan" "on the case view"
keys d
expect "root, due 2026-12-18: Agree a contact plan" "d: the open recommendation shown"
keys Enter Enter
expect "recommendation 1 done" "marked done"
keys G
expect "(stage 1, root, due 2026-12-18, done 2026-11-20)" "done on the case view"

# --- a legal hold, on the revision shown ----------------------------------------------
keys H
expect "A legal hold on CSC-2026-0001" "H: the hold form"
text "Claim issued"
# someone else changes the case while the form is open
REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" case note CSC-2026-0001 \
	--text "from another terminal" >/dev/null
keys Enter
expect "not recorded: root changed it meanwhile; shown afresh, Enter records it now" \
	"a change meanwhile: not recorded, the case shown afresh"
keys Enter
expect "legal hold set" "Enter again records it on the new revision"
keys g
expect "legal hold   since 2026-11-20 by root: Claim issued" "the hold on the case view"
keys H
expect "Clear the legal hold set on 2026-11-20 by root?" "H again offers to clear it"
keys y
expect "legal hold cleared" "cleared"

# --- the response, then out -----------------------------------------------------------
keys r && text "Sent by post." && keys Enter
expect "Record respond on" "the Stage 1 response: its confirmation"
keys y
expect "response recorded" "the Stage 1 response"
keys '?'
expect "case-assign" "help lists the new actions"
keys Space
expect "case-hold" "help lists the hold (on its second page: descriptions wrap)"
keys q q q
exited 0 "q quits"

# --- an auditor reads, and is told why each change is refused -----------------------
launch "$book" "$P" -- -R
expect "REFERENCE" "read-only: the list"
keys a Enter
expect "CSC-2026-0001  complaint" "read-only: the case"
for k in a c v p f R d H; do
	keys "$k"
	expect "the book is open read-only: nothing can be changed" "read-only: $k refused"
	absent "on CSC-2026-0001" "read-only: $k opens no form"
	keys C-l
done
keys q q
exited 0 "read-only: q quits"

# --- the report counts what the client recorded ---------------------------------------
report_has "advocacy,Advocacy offered,Accepted,Number,<5" \
	"advocacy,Advocacy offered,Total,Number,<5" \
	"point-outcomes,Findings on the points of those complaints,Upheld,Stage 1,<5" \
	"point-outcomes,Findings on the points of those complaints,Not upheld,Stage 1,<5" \
	"point-outcomes,Findings on the points of those complaints,Total,Stage 1,<5" \
	"outcomes,Outcomes of the complaints responded to,No finding recorded,Stage 1,0" \
	"outcomes,Outcomes of the complaints responded to,Partly upheld,Stage 1,<5"
report_has 'other,"The Ombudsman, compliments and recommendations",Recommendations made,Number,<5' \
	'other,"The Ombudsman, compliments and recommendations",Recommendations completed,Number,<5'

screen_done
