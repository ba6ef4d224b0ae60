#!/bin/sh
# The whole job in the client, as a complaints officer does it under
# ForceCommand: one complaint from receipt to the Ombudsman with advocacy,
# every person on it (the investigating officer, the independent person,
# the adjudicator and the panel typed as names, none of them users; the
# Stage 2 independent person refused for the panel), points, findings at
# each stage and recommendations, all from the case view; then
# `redress report annual` counts them.  Last, an auditor's status line says
# what they are and that they only read.
#
#   REDRESS=./redress sh tests/tui/screen-journey.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-journey

# a book whose directory others may enter (for the auditor, below)
chmod 755 "$tmp"
book=$tmp/book
printf 'journey passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
rd() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
rd init --authority gloucestershire >/dev/null || { echo "FAIL: init"; exit 1; }
ref=CSC-2026-0001

# report FIGURE...: `redress report annual --format csv` has each line.
report_has() {
	rd report annual --format csv 2>&1 | tr -d '\r' >"$tmp/report.csv"
	for line in "$@"; do
		count=$((count + 1))
		grep -qxF -- "$line" "$tmp/report.csv" || {
			failed "the annual report has: $line"
			grep -F -- "$(echo "$line" | cut -d, -f1-3)" "$tmp/report.csv" | sed 's/^/  | /'
		}
	done
}
# shows TEXT WHAT: `case show --names` holds TEXT
shows() {
	count=$((count + 1))
	rd case show "$ref" --names | grep -qF -- "$1" || failed "$2"
}
# step NAME: the step chosen by name from the menu, recorded on its
# confirmation (today's date, no note)
step() {
	keys w && text "$1" && keys Enter
	expect "$1 $ref:" "w $1: its form"
	keys Enter
	expect "Record $1 on $ref?" "$1: asked"
	keys y
}

# --- a complaint, received ------------------------------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list of an empty book"
keys N
expect "A new contact" "N: the new case form"
# kind, safeguarding, channel, received, aware, excluded, child, born,
# complainant, role, team (Left: a new one, typed), summary
keys Enter Enter Enter C-u && text "2026-11-02" && keys Enter Enter Enter &&
	text "Ada Journey" && keys Enter && text "2012-03-04" && keys Enter &&
	text "Cara Journey" && keys Enter Enter Left Enter && text "North CIN" && keys Enter &&
	text "Contact with her father was stopped." && keys Enter
expect "$ref added" "the complaint is added"
expect "timeline" "and its case view opens"

# --- its details corrected, on the revision shown -------------------------------------
keys E
expect "The details of $ref (revision 1)" "E: the details form"
keys Tab Tab Right Tab && text "South CIN" && keys Tab && text "Contact"
# someone else changes the case while the form is open
rd case note "$ref" --text "from another terminal" >/dev/null
keys Enter Enter
expect "not recorded: root changed it meanwhile; shown afresh, Enter records it now" \
	"a change meanwhile: the edit not recorded"
absent "team         South CIN" "the team as it was"
keys Enter
expect "case details recorded" "Enter again records it on the new revision"
expect "team         South CIN" "the new team on the case view"
expect "service      Contact" "and the service"
count=$((count + 1))
rd audit | grep -q "case.edit .*team,service" || failed "the edit audited with its fields"

# --- advocacy ------------------------------------------------------------------------
keys v
expect "Advocacy on $ref" "v: the advocacy form"
keys C-u && text "2026-11-03"
expect "eligible: aged 14: under 18" "the eligibility the book works out"
keys Enter && text "VIVA" && keys Enter a Enter Enter Enter Enter Enter
expect "advocacy recorded" "advocacy recorded"

# --- points, and their Stage 1 findings ------------------------------------------------
keys p && text "Contact was stopped without notice." && keys Enter
expect "point 1 added" "p: the first point"
keys p && text "Calls were not returned." && keys Enter
expect "point 2 added" "p: the second point"
keys f Enter
expect "point 1 at stage 1: upheld" "point 1 upheld at Stage 1"
keys f n Enter
expect "point 2 at stage 1: not-upheld" "point 2 not upheld at Stage 1"

# --- the people: the officer, the independent person and the adjudicator typed as
# names; the panel, with the independent person refused -------------------------------
keys a
expect "People on $ref" "a: the people form"
keys Tab Right
expect "> Manager             < root (admin) >" "the manager chosen from the users"
keys Tab Left
expect "someone else (type the name)" "the officer may be someone who is not a user"
keys Tab && text "Dr Ivy Lee"
keys Tab Left Tab && text "Mr Ian O'Neill"
keys Tab Left Tab && text "Ms Di Rector"
keys Tab Left Tab && text "mr ian o'neill"
expect "Mr Ian O'Neill was the Stage 2 independent person and may not sit" \
	"the independent person refused for the panel, however typed"
keys Tab Left Tab && text "Pam Panel"
keys Tab Left Tab && text "Paz Panel"
keys Tab Right Enter Enter
expect "may not sit on the review" "Enter does not record it: the reason stays"
absent "people on the case recorded" "nothing recorded with the independent person on the panel"
keys C-u && text "Pat Panel" && keys Enter Enter Enter Enter Enter Enter Enter
expect "people on the case recorded" "with another member: recorded"
expect "investigator Dr Ivy Lee, appointed 2026-11-20" "the officer, dated, on the case view"
expect "independent  Mr Ian O'Neill, appointed 2026-11-20" "the independent person"
expect "adjudicator  Ms Di Rector, appointed 2026-11-20" "the adjudicator"
expect "panel        Pat Panel (chair), appointed 2026-11-20" "the panel and its chair"
shows "manager      root" "the investigating manager in the book"

# --- a recommendation, made and done --------------------------------------------------
keys R
expect "Recommendation 1 on $ref" "R: the recommendation form"
text "Agree a contact plan with the family." && keys Enter Enter && text "2026-12-18" &&
	keys Enter Enter
expect "recommendation 1 added" "recommendation added"
keys d Enter Enter
expect "recommendation 1 done" "marked done"

# --- Stage 1 answered; Stage 2 ----------------------------------------------------------
keys r Enter
expect "Record respond on $ref?" "r: the Stage 1 response asked"
keys y
expect "response recorded" "the Stage 1 response"
keys e Enter
expect "Record escalate on $ref?" "e: Stage 2 asked"
keys y
expect "escalation recorded" "Stage 2 requested"
step accept
expect "recorded" "Stage 2 accepted"
keys f Enter
expect "point 1 at stage 2: upheld" "point 1 upheld at Stage 2"
keys f Right Enter
expect "point 2 at stage 2" "point 2 found at Stage 2"
keys r Enter
expect "Record respond on $ref?" "the Stage 2 response asked"
keys y
expect "response recorded" "the Stage 2 response"

# --- Stage 3: the panel, its findings, the director's response --------------------------
keys e Enter
expect "Record escalate on $ref?" "e: Stage 3 asked"
keys y
expect "escalation recorded" "Stage 3 requested"
step accept
expect "recorded" "Stage 3 accepted"
keys w && text "arrange-panel" && keys Enter
expect "arrange-panel $ref:" "the arrange-panel form"
text "2026-11-20" && keys Enter Enter
expect "Record arrange-panel on $ref?" "arrange-panel: asked"
keys y
expect "panel date recorded" "the panel's date"
step panel-held
expect "recorded" "the panel met"
keys f Right Right Enter
expect "point 1 at stage 3" "point 1 found by the panel"
keys f Right Right Right Enter
expect "point 2 at stage 3" "point 2 found by the panel"
keys R
expect "Recommendation 2 on $ref" "R: the panel's recommendation"
text "Review how contact is stopped." && keys Enter Enter && text "2027-01-29" && keys Enter Enter
expect "recommendation 2 added" "the panel's recommendation added"
step findings
expect "recorded" "the panel's findings sent"
keys r Enter
expect "Record respond on $ref?" "the director's response asked"
keys y
expect "response recorded" "the director's response"

# --- the Ombudsman ---------------------------------------------------------------------
step ombudsman
expect "recorded" "referred to the Ombudsman"
keys q

# --- a complaint made over a year late, recorded anyway: the complainant's lateness is
# never shown as a deadline the council missed -----------------------------------------
keys N
expect "A new contact" "N: another contact"
keys Enter Enter Enter C-u && text "2026-11-18" && keys Enter && text "2025-06-01"
expect "over a year before receipt" "over a year: warned"
keys Enter Right Enter Enter && text "Lee Late" && keys Enter Enter Enter Enter Enter &&
	text "Late, and recorded anyway." && keys Enter
expect "CSC-2026-0002 added" "recorded anyway"
keys G
expect "Complaint made within a year" "the year limit among the deadlines"
expect "made late by" "said as made late"
expect "the complainant's time, not the council's" "and whose time it was"
absent "missed by 1" "never as a deadline missed"
keys q q
exited 0 "the journey: q quits"

# --- the report counts what the client recorded (the published report shows 1 to 4
# as <5; before any of it, each was 0) ------------------------------------------------
report_has "advocacy,Advocacy offered,Accepted,Number,<5" \
	"advocacy,Advocacy offered,Total,Number,<5" \
	"headline,Headline figures,Stage 3 requests,Number,<5" \
	"headline,Headline figures,Referred to the Ombudsman,Number,<5" \
	"point-outcomes,Findings on the points of those complaints,Total,Stage 1,<5" \
	"point-outcomes,Findings on the points of those complaints,Total,Stage 2,<5" \
	"point-outcomes,Findings on the points of those complaints,Unable to determine,Stage 3,<5" \
	"outcomes,Outcomes of the complaints responded to,No finding recorded,Stage 1,0" \
	"outcomes,Outcomes of the complaints responded to,No finding recorded,Stage 2,0" \
	"outcomes,Outcomes of the complaints responded to,No finding recorded,Stage 3,0" \
	'other,"The Ombudsman, compliments and recommendations",Recommendations made,Number,<5' \
	'other,"The Ombudsman, compliments and recommendations",Recommendations completed,Number,<5'
shows "point        2. [stage 1: not-upheld] [stage 2: partly-upheld] [stage 3: unable-to-determine]" \
	"each point's finding at each stage, in the book"
shows "recommend    2. (stage 3, root, due 2027-01-29, open) Review how contact is stopped." \
	"the panel's recommendation, in the book"

# --- the status line says the role truly, and read-only for an auditor ----------------
launch "$book" "$P"
expect " root (admin) | $book" "an admin's status line: the role, not read-only"
keys q
exited 0 "admin: q quits"
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
	echo "screen-journey: the auditor's part skipped (needs root, useradd and setpriv)"
else
	U=rdt-jny-$$
	useradd -M -N "$U" || { echo "FAIL: useradd"; exit 1; }
	grp=$(id -gn "$U")
	cp "$REDRESS" "$tmp/redress" && chmod 755 "$tmp/redress"
	cp -r "$REDRESS_SHARE" "$tmp/share" && chmod -R a+rX "$tmp/share"
	chgrp -R "$grp" "$book" && chmod -R g+rwX "$book" && chmod g+s "$book"
	printf 'auditor passphrase\n' >"$tmp/upass" && chmod 644 "$tmp/upass"
	AS="setpriv --reuid=$U --regid=$grp --clear-groups"
	$AS env REDRESS_KDF=test REDRESS_SHARE="$tmp/share" REDRESS_SYSLOG=off \
		REDRESS_PASSPHRASE_FILE="$tmp/upass" "$tmp/redress" -d "$book" user enrol \
		>/dev/null 2>&1 || failed "the auditor enrols"
	rd user grant "$U" --role auditor >/dev/null 2>&1 || failed "granted auditor"
	REDRESS=$tmp/redress REDRESS_SHARE=$tmp/share
	launch "$book" "REDRESS_PASSPHRASE_FILE=$tmp/upass"
	expect " $U (auditor) | read-only | $book" "an auditor's status line: auditor, read-only"
	absent "(admin)" "never an admin's"
	keys a Enter
	expect "$ref  complaint" "the auditor reads the case"
	expect "investigator Dr Ivy Lee" "with the people on it"
	keys a
	expect "$U is an auditor: this needs caseworker" "and changes nothing, told why"
	keys q q
	exited 0 "auditor: q quits"
	AS=
fi

screen_done
