#!/bin/sh
# Screen tests of self-service and administration in the client, as under
# ForceCommand where it is the whole interface: the status line's role and
# read-only, one's own passphrase, the audit trail (the book's and a
# case's, with verify's result, narrowed by user, case and date), and the
# admin screen's rekey, backup and snapshot into the configured directory,
# and retention (dry run, then confirmed).  As root also a second Unix user:
# enrolled at their first login in the client, granted, their role
# changed and revoked from the admin screen, each confirmed in words.
#
#   REDRESS=./redress sh tests/tui/screen-admin.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-admin
export REDRESS_TODAY=2027-07-01
# the screens here are 100 columns wide
SCREEN_COLS=100
# the second user made below is removed at the end
U=
trap 'screen_cleanup; [ -n "$U" ] && userdel "$U" 2>/dev/null' EXIT

# has TEXT DESCRIPTION -- COMMAND...: the command's output has TEXT.
has() {
	want=$1 what=$2
	shift 3
	count=$((count + 1))
	out=$("$@" 2>&1)
	case $out in *"$want"*) ;; *) failed "$what: no \"$want\" in:"; echo "$out" | sed 's/^/  | /' ;; esac
}
status_is() { # status_is N DESCRIPTION -- COMMAND...
	want=$1 what=$2
	shift 3
	count=$((count + 1))
	"$@" >"$tmp/out" 2>&1
	got=$?
	[ "$got" = "$want" ] || { failed "$what: exit $got, wanted $want"; sed 's/^/  | /' "$tmp/out"; }
}

# a book whose directory others may enter (for the second user, below)
chmod 755 "$tmp"
book=$tmp/book
printf 'admin passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
mkdir "$tmp/backups"
printf 'backups = %s\n' "$tmp/backups" >"$tmp/conf"
: >"$tmp/noconf"
C="REDRESS_CONF=$tmp/conf"
rd() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
rd init --authority gloucestershire >/dev/null || { echo "FAIL: init"; exit 1; }
# a case closed in 2020, past its six years' retention on 2027-07-01; one open
rd case add --received 2020-05-04 --child-name 'Cedar Rowan' >/dev/null &&
	rd case close CSC-2020-0001 --date 2020-06-01 >/dev/null &&
	rd case add --received 2027-06-21 --child-name 'Hazel Birch' >/dev/null ||
	{ echo "FAIL: the cases"; exit 1; }
me=$(id -un)

# --- the status line: the role, and read-only where it cannot be missed ---------------
launch "$book" "$P" -- -R
expect "REFERENCE" "-R: the list"
expect " $me (admin) | read-only | $book" "-R: read-only beside the role, before the path"
keys q
exited 0 "-R: q quits"

# --- one's own passphrase ---------------------------------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list"
keys P
expect "Your passphrase now:" "P: the passphrase now asked first"
text "not it" && keys Enter
expect "passphrase not changed:" "a wrong passphrase changes nothing"
keys P
text "admin passphrase" && keys Enter
expect "New passphrase (8 characters or more):" "then the new one"
text "short" && keys Enter
expect "Too short. New passphrase" "fewer than 8 characters: asked again"
text "the new passphrase" && keys Enter
expect "The same again:" "then again"
text "another passphrase" && keys Enter
expect "They differ. New passphrase" "two that differ: asked again"
text "the new passphrase" && keys Enter
text "the new passphrase" && keys Enter
expect "passphrase changed for $me" "the passphrase changed"
keys q
exited 0 "P: q quits"
printf 'the new passphrase\n' >"$tmp/pass2"
status_is 2 "the old passphrase no longer opens the keys" -- rd rekey
status_is 0 "the new one does" -- env REDRESS_PASSPHRASE_FILE="$tmp/pass2" "$REDRESS" -d "$book" rekey
has "user.passwd" "the audit trail records the change" -- rd audit
cp "$tmp/pass2" "$tmp/pass"

# --- the audit trail ----------------------------------------------------------------------
launch "$book" "$P"
expect "REFERENCE" "audit: the list"
keys ?
expect "change your passphrase, or enrol" "? lists P"
expect "the audit trail and verify's result" "? lists T"
keys q
keys T
expect "verify: the store and all" "T: verify's result at the top"
expect "audit trail: who changed what, when" "T: the book's audit trail"
expect "user.passwd" "the passphrase change in it"
expect "case.add" "the cases' entries in it"
keys c
text "CSC-2020-0001" && keys Enter
expect "case CSC-2020-0001" "c: narrowed to one case"
absent "user.passwd" "c: other records gone"
expect "case.step" "c: the case's steps"
keys c C-u Enter d
text "1999" && keys Enter
expect "no entry matches" "d: a year with no entries"
keys d C-u
text "not a date" && keys Enter
expect "a date is YYYY, YYYY-MM or YYYY-MM-DD" "d: a date refused"
keys d C-u Enter u
text "nobody" && keys Enter
expect "no entry matches" "u: a user with no entries"
keys u C-u
text "$me" && keys Enter
expect "user.passwd" "u: the user's entries"
keys q
expect "REFERENCE" "q: back to the list"
keys Enter
expect "timeline" "a case"
keys T
expect "the history of CSC-" "T in a case: its history"
absent "user.passwd" "only the case's entries"
expect "case.add" "its entries"
keys q
expect "timeline" "q: back to the case"
keys q q
exited 0 "audit: q quits"

# --- rekey, backup, snapshot, retention ---------------------------------------------------
launch "$book" "$P" REDRESS_CONF=$tmp/noconf
keys A
expect "users and roles" "A: the admin screen"
keys B
expect "no backups directory" "B without \"backups = DIR\": refused, nothing asked"
keys q q
exited 0 "no conf: q quits"
launch "$book" "$P" "$C"
keys A
expect "users and roles" "A: the admin screen"
keys B
expect "Take a backup into $tmp/backups/redress-backup-" "B: the configured directory, asked"
keys n
expect "no backup taken" "n: nothing taken"
keys B
expect "Take a backup into" "B again"
keys y
expect "backup taken: $tmp/backups/redress-backup-" "y: the backup taken"
keys S y
expect "snapshot taken: $tmp/backups/redress-snapshot-" "S y: the snapshot taken"
keys ?
expect "admin-revoke" "? lists the admin screen's actions"
expect "admin-retention" "retention among them"
keys q
keys K
expect "Rotate the data key and reseal every field? y/n" "K: asked"
keys y
expect "now seals every field" "K y: rekeyed"
keys E
expect "retention: the closed cases due (a dry run: nothing erased yet)" "E: the dry run"
expect "CSC-2020-0001    closed 2020-06-01  due 2026-06-01" "the case due"
expect "Erase the names and narrative of the 1 case listed (0 held are kept)? y/n" \
	"then asked"
keys n
expect "nothing erased" "n: nothing erased"
keys E y
expect "erased 1 case and 1 person; 0 held" "E y: erased"
expect "retention: erased now" "what was erased"
# the calendar's counts counted again (verify --recount): asked; right here,
# so nothing is written (a book whose counts differ: tests/book/test_book.c)
keys C
expect "Count every day of the calendar again from the deadlines index? y/n" "C: asked"
keys n
expect "nothing changed" "C n: nothing"
keys C y
expect "the calendar's counts were right; nothing was written" "C y: counted, none differed"
keys q q
exited 0 "admin: q quits"
count=$((count + 1))
if "$REDRESS" -d "$book" audit | grep -q book.recount; then
	failed "recount: an audit entry though no day differed"
fi
n=$(ls "$tmp/backups" | grep -c redress-backup-)
count=$((count + 1))
[ "$n" = 1 ] || failed "one backup in the backups directory, not $n"
snap=$(ls -d "$tmp/backups"/redress-snapshot-* 2>/dev/null | head -1)
status_is 0 "the backup verifies" -- "$REDRESS" -d "$(ls -d "$tmp/backups"/redress-backup-*)" verify
has "rekey" "the audit trail has the rekey" -- rd audit
has "case.erase" "and the erasure" -- rd audit
erased() { rd case list --format tsv | cut -f1,4,11; }
has "CSC-2020-0001	closed	(erased)" "the case erased" -- erased
launch "$snap" "$P"
expect "| read-only |" "a snapshot: read-only on the status line"
keys q
exited 0 "snapshot: q quits"

# --- new cases: redirected, never declined; over a year: record and decline ---------------
launch "$book" "$P"
expect "REFERENCE" "new case: the list"
keys N Enter Enter Enter Enter Enter o o
expect "recorded as redirected to Ofsted, never declined" "Ofsted: redirected, said at once"
keys Enter && text "Ofsted Child" && keys Enter Enter Enter Enter Enter
expect "Told on" "asked when the person was told"
keys Enter Enter
expect "recorded as redirected to Ofsted" "added as redirected"
expect "person told where to take the matter" "the redirection on its timeline"
absent "Ombudsman" "no Ombudsman for a redirection"
keys q
has "redirected" "the case list: redirected" -- rd case list --format tsv
keys N Enter Enter Enter Enter && text "2025-10-01"
expect "Record anyway  no" "over a year: asked"
keys Enter y y
expect "yes, and decline (over a year)" "record and decline (over a year) offered"
expect "added, then the decline form opens (reason over-a-year)" "what follows said"
keys Enter Enter && text "Late Child" && keys Enter Enter Enter Enter Enter Enter
expect "Reason           over-a-year" "the decline form, with the reason"
keys Escape
expect "Not declined: d declines it now, k keeps it open at Stage 1" \
	"Esc does not leave a half-made complaint"
keys Escape
expect "Reason           over-a-year" "Esc again: the decline form again"
keys Escape k
expect "kept open at Stage 1" "k: kept open on purpose"
keys q q
exited 0 "new case: q quits"

# --- a second Unix user: enrolled at the first login, granted, changed, revoked -----------
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
	echo "screen-admin: the second user's part skipped (needs root, useradd and setpriv)"
else
	U=rdt-adm-$$
	useradd -M -N "$U" || { echo "FAIL: useradd"; exit 1; }
	grp=$(id -gn "$U")
	cp "$REDRESS" "$tmp/redress" && chmod 755 "$tmp/redress"
	cp -r "$REDRESS_SHARE" "$tmp/share" && chmod -R a+rX "$tmp/share"
	chgrp -R "$grp" "$book" && chmod -R g+rwX "$book" && chmod g+s "$book"
	AS="setpriv --reuid=$U --regid=$grp --clear-groups"
	R=$REDRESS RS=$REDRESS_SHARE
	REDRESS=$tmp/redress REDRESS_SHARE=$tmp/share
	launch "$book"
	expect "You ($U) are not yet a user of this book." "first login: told"
	expect "Enrol in this book now? y/n" "first login: offered to enrol"
	expect "$U (not enrolled)" "the status line: not enrolled"
	keys y
	text "short" && keys Enter
	expect "Too short. New passphrase" "a short passphrase asked again"
	text "user passphrase" && keys Enter
	text "user passphrase" && keys Enter
	expect "enrolled $U: ask an admin to grant you access" "enrolled, and told to ask for access"
	expect "$U (no role yet)" "the status line: no role yet"
	keys T
	expect "only auditors, managers and admins see the audit trail" "no role: no audit trail"
	keys q
	exited 0 "first login: q quits"
	AS=
	has "$U" "user list: the new user" -- rd user list
	has "enrolled" "user list: enrolled, not granted" -- rd user list
	has "user.enrol" "audit: the enrolment" -- rd audit
	launch "$book" "$P"
	keys A
	expect "$U" "the admin screen lists the new user"
	keys +
	expect "Grant a role" "+: the grant form"
	text "$U" && keys Enter a Enter
	expect "Grant $U the role admin? y/n" "a picked admin: the confirmation says so in words"
	keys n
	expect "nothing changed" "n: not granted"
	keys Escape +
	text "$U" && keys Enter Left Enter
	expect "Grant $U the role auditor? y/n" "the role named again"
	keys y
	expect "$U is now auditor" "granted"
	keys r
	expect "Change whose role?" "r: whose role"
	keys Enter
	expect "New role for $U: 1 auditor, 2 caseworker, 3 manager, 4 admin" "r: the roles by number"
	keys 3
	expect "Change $U from auditor to manager? y/n" "r: confirmed in words"
	keys y
	expect "$U is now manager" "role changed"
	keys r Enter 1 y
	expect "$U is now auditor" "and back to auditor"
	keys q q
	exited 0 "admin: q quits"
	has "role=auditor" "audit: the grants" -- rd audit
	AS="setpriv --reuid=$U --regid=$grp --clear-groups"
	launch "$book"
	expect "Passphrase:" "the auditor: asked for the passphrase"
	text "user passphrase" && keys Enter
	expect "$U (auditor) |" "the status line: auditor"
	keys T
	expect "verify: the store and all" "the auditor: the audit trail"
	keys q A
	expect "only an admin can open the admin screen" "the auditor: no admin screen"
	keys q
	exited 0 "auditor: q quits"
	AS=
	launch "$book" "$P"
	keys A -
	expect "Revoke whom?" "-: whom"
	keys Enter
	expect "Revoke $U (auditor)? They lose access and the data key is rotated. y/n" \
		"-: confirmed in words"
	keys y
	expect "revoked $U" "revoked"
	keys q q
	exited 0 "revoke: q quits"
	has "revoked" "user list: revoked" -- rd user list
	has "user.revoke" "audit: the revocation" -- rd audit
	REDRESS=$R REDRESS_SHARE=$RS
fi

# no client reported memory errors or undefined behaviour
screen_done
