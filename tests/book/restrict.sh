#!/bin/sh
# Restricted cases between real Unix users, each in their own processes: a
# manager restricts a case to named logins; another caseworker holding the
# data key then sees pseudonyms, no narrative and "restricted", and her
# look is no read on record; one named sees it all; lifting it restores
# it; both are audited and the book verifies.  Needs root to make the
# users; otherwise it says so and passes without running.
: "${REDRESS:=./redress}"
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
	echo "restrict: skipped (needs root, useradd and setpriv to make test users)"
	exit 0
fi
set -u
export REDRESS_SHARE="${REDRESS_SHARE:-$(pwd)/share}" REDRESS_KDF=test REDRESS_SYSLOG=off
T=$(mktemp -d /tmp/redress-rs.XXXXXX)
chmod 755 "$T"
cp "$REDRESS" "$T/redress" && chmod 755 "$T/redress"
cp -r "$REDRESS_SHARE" "$T/share" && chmod -R a+rX "$T/share"
export REDRESS_SHARE="$T/share"
STAFF=rdr-staff
USERS="rdr-mgr rdr-cw rdr-other"
cleanup() {
	for u in $USERS; do userdel "$u" 2>/dev/null; done
	groupdel "$STAFF" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
groupadd "$STAFF" 2>/dev/null
for u in $USERS; do
	userdel "$u" 2>/dev/null
	useradd -M -N -G "$STAFF" "$u"
	printf 'passphrase of %s\n' "$u" > "$T/pass-$u"
	chown "$u" "$T/pass-$u" && chmod 0400 "$T/pass-$u"
done
fail=0 n=0
as() {
	u=$1
	shift
	REDRESS_PASSPHRASE_FILE="$T/pass-$u" setpriv --reuid="$u" --regid="$STAFF" --init-groups \
		"$T/redress" -d "$T/book" "$@"
}
expect() { # expect STATUS DESCRIPTION -- command...
	want=$1 what=$2
	shift 3
	n=$((n + 1))
	out=$("$@" 2>&1)
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL restrict: $what: exit $got, wanted $want: $out"
		fail=1
	fi
	LAST=$out
}
contains() {
	n=$((n + 1))
	case $LAST in *"$1"*) ;; *) echo "FAIL restrict: $2: no \"$1\" in: $LAST"; fail=1 ;; esac
}
lacks() {
	n=$((n + 1))
	case $LAST in *"$1"*) echo "FAIL restrict: $2: \"$1\" in: $LAST"; fail=1 ;; esac
}

install -d -g "$STAFF" -m 2770 "$T/book"
expect 0 "the manager makes the book" -- as rdr-mgr init --authority essex
[ $fail = 0 ] || exit 1
for u in rdr-cw rdr-other; do
	expect 0 "$u enrols" -- as "$u" user enrol
	expect 0 "$u granted" -- as rdr-mgr user grant "$u" --role caseworker
done
expect 0 "a case" -- as rdr-mgr case add --received 2026-11-02 --child-name "Juniper Hawthorne" \
	--summary "A sensitive adoption"
ref=$LAST
expect 0 "before: the other caseworker sees the name" -- as rdr-other case show "$ref" --names
contains "Juniper Hawthorne" "before: the name"

expect 2 "a caseworker cannot restrict" -- as rdr-other case restrict "$ref" --to rdr-other
contains "manager" "the refusal says who may"
expect 2 "--to or --clear" -- as rdr-mgr case restrict "$ref"
expect 2 "nothing to lift" -- as rdr-mgr case restrict "$ref" --clear
contains "not restricted" "lifting nothing says so"
expect 0 "the manager restricts it" -- as rdr-mgr case restrict "$ref" --to "rdr-mgr, rdr-cw"

expect 0 "after: the other caseworker reads" -- as rdr-other case show "$ref" --names
contains "RESTRICTED" "after: marked"
contains "restricted to rdr-mgr, rdr-cw: names and narrative withheld" "after: to whom"
lacks "Juniper" "after: no name in case show"
lacks "sensitive adoption" "after: no narrative"
contains "Child C-0001" "after: the pseudonym"
expect 0 "after: person show" -- as rdr-other person show 1 --names
lacks "Juniper" "after: no name in person show"
expect 0 "after: case list" -- as rdr-other case list --names
lacks "Juniper" "after: no name in the list"
contains "RESTRICTED Child C-0001" "after: the list marks it"
expect 0 "after: export" -- as rdr-other export --format csv --names
lacks "Juniper" "after: no name in the export"
lacks "sensitive adoption" "after: no narrative in the export"
expect 0 "her looks are no reads" -- as rdr-mgr audit --reads --user rdr-other
contains "via=case show" "her read before the restriction"
lacks "person 1" "no read of the person after it"

expect 0 "one named sees it" -- as rdr-cw case show "$ref" --names
contains "Juniper Hawthorne" "named: the name"
contains "A sensitive adoption" "named: the narrative"
contains "restricted to rdr-mgr, rdr-cw" "named: marked too"
lacks "withheld" "named: nothing withheld"

expect 0 "the manager lifts it" -- as rdr-mgr case restrict "$ref" --clear
expect 0 "lifted: she sees it again" -- as rdr-other case show "$ref" --names
contains "Juniper Hawthorne" "lifted: the name"
lacks "RESTRICTED" "lifted: no mark"
expect 0 "audited" -- as rdr-other audit
contains "case.restrict" "imposing audited"
contains "to=rdr-mgr,rdr-cw" "with whom"
contains "case.unrestrict" "lifting audited"
expect 0 "the book verifies" -- as rdr-other verify

if [ $fail != 0 ]; then
	echo "restrict: FAILED"
	exit 1
fi
echo "restrict: $n checks passed"
