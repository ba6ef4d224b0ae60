#!/bin/sh
# Several Unix users on one book, each in their own processes: enrolment,
# grants by an admin who never learns the passphrase, roles, group-shared
# files, revocation by rotating the key, an auditor on a snapshot, and many
# writers at once.  Needs root to make the users; otherwise it says so and
# passes without running.
: "${REDRESS:=./redress}"
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
	echo "multiuser: skipped (needs root, useradd and setpriv to make test users)"
	exit 0
fi
set -u
export REDRESS_SHARE="${REDRESS_SHARE:-$(pwd)/share}" REDRESS_KDF=test
# the checks read stderr whole: no note that syslog is missing on this host
export REDRESS_SYSLOG=off
# (in /tmp, not $TMPDIR: the test users must reach it)
T=$(mktemp -d /tmp/redress-mu.XXXXXX) || exit 1
chmod 755 "$T"
cp "$REDRESS" "$T/redress"
chmod 755 "$T/redress"
cp -r "$REDRESS_SHARE" "$T/share"
chmod -R a+rX "$T/share"
export REDRESS_SHARE="$T/share"
# names of this run's own, so that two runs at once (make -j, two checkouts)
# never add, use or remove each other's users
p=rdt$(($$ % 100000))
STAFF=$p-staff
USERS="$p-admin $p-case $p-other $p-audit"
cleanup() {
	for u in $USERS; do userdel "$u" 2>/dev/null; done
	groupdel "$STAFF" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
groupadd "$STAFF" 2>/dev/null
for u in $USERS; do
	userdel "$u" 2>/dev/null
	if [ "$u" = $p-audit ]; then useradd -M -N "$u"; else useradd -M -N -G "$STAFF" "$u"; fi
	printf 'passphrase of %s\n' "$u" > "$T/pass-$u"
	chown "$u" "$T/pass-$u"
	chmod 0400 "$T/pass-$u"
done
fail=0
n=0
# as USER: run redress with their passphrase file
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
		echo "FAIL multiuser: $what: exit $got, wanted $want: $out"
		fail=1
	fi
	LAST=$out
}
contains() { # contains TEXT DESCRIPTION
	n=$((n + 1))
	case $LAST in *"$1"*) ;; *) echo "FAIL multiuser: $2: no \"$1\" in: $LAST"; fail=1 ;; esac
}
lacks() {
	n=$((n + 1))
	case $LAST in *"$1"*) echo "FAIL multiuser: $2: \"$1\" in: $LAST"; fail=1 ;; esac
}

# the admin's group owns the directory: setgid keeps it on every new file
install -d -g "$STAFF" -m 2770 "$T/book"
expect 0 "admin creates the book in the directory root made" -- as $p-admin init --authority essex
if [ $fail != 0 ]; then exit 1; fi
expect 0 "caseworker enrols" -- as $p-case user enrol
expect 2 "an enrolled user without a grant cannot add" -- as $p-case person add --name "Amara Okonkwo-Blyth"
contains "not yet granted" "refusal says why"
expect 2 "a caseworker cannot grant" -- as $p-case user grant $p-case --role admin
expect 0 "admin grants caseworker" -- as $p-admin user grant $p-case --role caseworker
expect 0 "caseworker adds a person" -- as $p-case person add --name "Amara Okonkwo-Blyth" --dob 2012-08-30
expect 0 "admin reads the caseworker's person" -- as $p-admin person show 1 --names
contains "Amara Okonkwo-Blyth" "admin sees the name"
# corrections are for managers and admins
expect 0 "caseworker adds a case" -- as $p-case case add --kind compliment --thanked "Foster team" --received 2026-11-02
expect 2 "a caseworker cannot correct" -- as $p-case case correct CSC-2026-0001 1 --date 2026-11-03 --reason "misread"
contains "this needs manager" "refusal says who may"
expect 0 "the admin corrects" -- as $p-admin case correct CSC-2026-0001 1 --date 2026-11-03 --reason "misread"
expect 0 "the other user enrols" -- as $p-other user enrol
expect 0 "an ungranted user lists pseudonyms without a passphrase" -- \
	env REDRESS_PASSPHRASE_FILE=/nonexistent setpriv --reuid=$p-other --regid="$STAFF" --init-groups \
	"$T/redress" -d "$T/book" person list
contains "Person P-0001" "pseudonym shown"
lacks "Amara" "no name for the ungranted user"
expect 2 "an ungranted user cannot search names" -- as $p-other person find --name "Amara Okonkwo-Blyth"
expect 0 "user list needs no passphrase" -- as $p-other user list
contains "$p-case" "list names the caseworker"
contains "caseworker" "list gives the role"
# every file the book holds stays group-shared, never other-readable
for f in "$T/book/data.mdb" "$T/book/lock.mdb"; do
	n=$((n + 1))
	m=$(stat -c '%a %G' "$f")
	[ "$m" = "660 $STAFF" ] || { echo "FAIL multiuser: $f is $m, wanted 660 $STAFF"; fail=1; }
done

# eight writers at once, as two users, while others read
i=0
while [ $i -lt 8 ]; do
	u=$p-case
	[ $((i % 2)) = 0 ] && u=$p-admin
	( k=0; while [ $k -lt 5 ]; do as $u person add --name "Writer $i Person $k" >/dev/null || echo "add failed $i $k"; k=$((k + 1)); done ) > "$T/w$i" 2>&1 &
	i=$((i + 1))
done
( k=0; while [ $k -lt 10 ]; do as $p-other person list >/dev/null || echo "list failed"; k=$((k + 1)); done ) > "$T/r" 2>&1 &
wait
n=$((n + 1))
if [ -n "$(cat "$T"/w* "$T/r")" ]; then echo "FAIL multiuser: concurrent: $(cat "$T"/w* "$T/r")"; fail=1; fi
expect 0 "count after concurrent writers" -- as $p-admin person list
n=$((n + 1))
[ "$(printf '%s\n' "$LAST" | wc -l)" = 41 ] || { echo "FAIL multiuser: $(printf '%s\n' "$LAST" | wc -l) people, wanted 41"; fail=1; }
i=0
while [ $i -lt 8 ]; do
	k=0
	while [ $k -lt 5 ]; do
		expect 0 "find writer $i person $k" -- as $p-admin person find --name "Writer $i Person $k"
		n=$((n + 1))
		[ "$(printf '%s\n' "$LAST" | wc -l)" = 1 ] || { echo "FAIL multiuser: Writer $i Person $k found $(printf '%s\n' "$LAST" | wc -l) times"; fail=1; }
		k=$((k + 1))
	done
	i=$((i + 1))
done
expect 0 "verify after concurrent writers" -- as $p-other verify

# revocation rotates the key: the caseworker's old slot opens nothing
expect 0 "admin revokes the caseworker" -- as $p-admin user revoke $p-case
expect 2 "a revoked user cannot search" -- as $p-case person find --name "Amara Okonkwo-Blyth"
expect 2 "a revoked user cannot add" -- as $p-case person add --name "Nobody"
expect 0 "admin still reads after rekey" -- as $p-admin person find --name "amara okonkwo-blyth"
contains "Amara Okonkwo-Blyth" "admin finds the name with the new key"
expect 0 "list shows the revocation" -- as $p-admin user list
contains "revoked" "revoked state listed"

# an auditor outside the staff group: no access to the live book, but a snapshot
expect 1 "an outsider cannot open the live book" -- \
	setpriv --reuid=$p-audit --regid=nogroup --clear-groups "$T/redress" -d "$T/book" user list
contains "ermission denied" "the refusal says why"
install -d -o $p-admin -m 755 "$T/out"
expect 0 "admin takes a snapshot" -- as $p-admin snapshot "$T/out/snap"
n=$((n + 1))
m=$(stat -c '%a' "$T/out/snap/data.mdb")
[ "$m" = 640 ] || { echo "FAIL multiuser: snapshot data.mdb is $m, wanted 640"; fail=1; }
# publishing it to auditors is the admin's deliberate act
chmod 755 "$T/out/snap"
chmod 644 "$T/out/snap/data.mdb"
expect 0 "the auditor reads the snapshot" -- \
	setpriv --reuid=$p-audit --regid=nogroup --clear-groups "$T/redress" -d "$T/out/snap" person list
contains "Person P-0001" "pseudonyms in the snapshot"
expect 0 "the auditor verifies the snapshot" -- \
	setpriv --reuid=$p-audit --regid=nogroup --clear-groups "$T/redress" -d "$T/out/snap" verify
expect 2 "a snapshot refuses writes" -- as $p-admin -d "$T/out/snap" person add --name "X Y"
contains "read-only" "the refusal says read-only"
expect 0 "-R reads" -- as $p-admin -R person list
expect 2 "-R refuses writes" -- as $p-admin -R person add --name "X Y"
contains "read-only" "the -R refusal says read-only"
expect 0 "audit lists every change" -- as $p-other audit
contains "user.revoke" "the revocation is audited"
contains "user.grant" "the grant is audited"
lacks "Amara" "the audit never holds values"

[ $fail = 0 ] && echo "multiuser: $n checks passed"
exit $fail
