#!/bin/sh
# Screen tests: keys rotated under an open client.  A client stays open
# while `redress rekey` runs in another process; the note it then adds
# reads back for everyone, and nothing on the case turns into text it
# cannot open.  A client whose user is revoked while a form is open is
# refused when it saves, says why, and locks for good.  (The revoked user
# is a second Unix uid: as root only; otherwise that part says so.)
#
#   REDRESS=./redress sh tests/tui/screen-rekey.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-rekey
# (every check runs, whatever fails before it)
SCREEN_MAXFAIL=${SCREEN_MAXFAIL:-1000}
# the second user (a uid of its own) reaches the book through $tmp
chmod 755 "$tmp"

# check WHAT COMMAND...: the command succeeds.
check() {
	what=$1
	shift
	count=$((count + 1))
	out=$("$@" 2>&1) || { failed "$what: $out"; return 1; }
	LAST=$out
}
has() {
	count=$((count + 1))
	case $LAST in *"$1"*) ;; *) failed "$2: no \"$1\" in: $LAST" ;; esac
}
lacks() {
	count=$((count + 1))
	case $LAST in *"$1"*) failed "$2: \"$1\" in: $LAST" ;; esac
}

book=$tmp/book
"$REDRESS" demo "$book" --cases 3 >/dev/null || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
chmod 644 "$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
R() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }
ref=$(R case add --received 2026-11-16 --child-name "Zoë Łukasz" --team "North CIN" \
	--summary "Contact with Siân was stopped.") || { echo "FAIL: case add"; exit 1; }
R case point "$ref" --text "Visits were cancelled without notice." >/dev/null ||
	{ echo "FAIL: case point"; exit 1; }
R case note "$ref" --text "Phoned the mother first." --date 2026-11-17 >/dev/null ||
	{ echo "FAIL: case note"; exit 1; }

# --- a client open across a rekey --------------------------------------------------
start "$book" "$P"
open_case "$ref"
expect "Contact with Siân was stopped." "the summary, before the rotation"
check "rekey in another process" R rekey
has "now seals every field" "rekey says it resealed"
keys n && text "Phoned again, after the rotation" && keys Enter
expect "note added" "the client adds a note after the rekey"
expect "note: Phoned again, after the rotation" "the note reads back on screen"
expect "Contact with Siân was stopped." "the summary still reads"
absent "cannot open" "no field became placeholder text"
absent "(sealed" "no field is left unopened"
keys q q
exited 0 "the client quits"
check "a third reader sees the case" R case show "$ref" --names
has "Contact with Siân was stopped." "the summary, for a fresh reader"
has "Visits were cancelled without notice." "the point, for a fresh reader"
has "Phoned the mother first." "the note from before"
has "Phoned again, after the rotation" "the note added after the rekey"
has "Zoë Łukasz" "the child's name"
lacks "cannot open" "no placeholder text anywhere"
check "verify passes" R verify
check "verify, given the passphrase, opens every sealed field" R verify --sealed
has "every sealed field of" "verify --sealed says so"
check "a second rekey opens and reseals every field" R rekey

# --- a client whose user is revoked ---------------------------------------------------
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "screen-rekey: the revoked client skipped (needs root and setpriv for a second uid)"
else
	AS="setpriv --reuid=4242 --regid=$(id -g) --clear-groups"
	# (its own copy of the binary and share: the checkout may be where uid
	# 4242 cannot reach, such as /root)
	cp "$REDRESS" "$tmp/redress" && chmod 755 "$tmp/redress"
	cp -r "$REDRESS_SHARE" "$tmp/share" && chmod -R a+rX "$tmp/share"
	REDRESS=$tmp/redress REDRESS_SHARE=$tmp/share
	printf 'the other passphrase\n' >"$tmp/pass2"
	chmod 644 "$tmp/pass2"
	check "a second user enrols" env REDRESS_PASSPHRASE_FILE="$tmp/pass2" $AS "$REDRESS" \
		-d "$book" user enrol
	check "and is granted" R user grant uid4242 --role caseworker
	S=other
	start "$book" "REDRESS_PASSPHRASE_FILE=$tmp/pass2"
	open_case "$ref"
	expect "(caseworker)" "the other user's client, as a caseworker"
	expect "Contact with Siân was stopped." "shows the summary"
	check "the case as it was" R case show "$ref" --names
	before=$LAST
	keys n && text "written after the revocation"
	expect "> Note  written after the revocation" "a note typed"
	check "the user is revoked in another process" R user revoke uid4242
	keys Enter
	expect "Your access to this book was revoked by an admin." "the client locks"
	expect "revoked by an admin: nothing was changed" "and says why, in one line"
	absent "Contact with Siân" "nothing of the case stays on screen"
	absent "note added" "the note was not recorded"
	keys Enter
	exited 1 "a key leaves the locked client"
	said "access to this book was revoked" "and it says why it ended"
	check "the case after" R case show "$ref" --names
	[ "$LAST" = "$before" ] || failed "the case changed: $LAST"
	lacks "written after the revocation" "the refused note is nowhere"
	check "verify passes after the revocation" R verify

	# revoked while the client only shows a case: it notices by itself
	check "granted again" R user grant uid4242 --role caseworker
	start "$book" "REDRESS_PASSPHRASE_FILE=$tmp/pass2"
	open_case "$ref"
	expect "Contact with Siân was stopped." "the client shows the case again"
	check "revoked again" R user revoke uid4242
	expect "Your access to this book was revoked by an admin." "an idle client locks by itself"
	absent "Contact with Siân" "and shows nothing of the case"
	keys q
	exited 1 "a key leaves it"
fi

# no client reported memory errors or undefined behaviour
screen_done
