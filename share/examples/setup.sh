#!/bin/sh
# setup.sh ADMIN AUTHORITY - sets up a shared book on one server: the staff,
# admin and audit groups, the book directory, the first admin, and a nightly
# snapshot for auditors.  Run as root; read it first; see DEPLOYMENT in
# redress(1).
#
# ADMIN is an existing Unix account (useradd -m -s /bin/sh ADMIN): it becomes
# the book's first admin and keeps a shell on the server.  The admin's first
# passphrase is asked on this terminal, or read from the first line of the
# file REDRESS_PASSPHRASE_FILE names (root's own file will do: the admin is
# given a copy only while the book is made).
#
# SRV (default /srv/redress), ETC (/etc), REDRESS (the redress binary) and
# STAFF, ADMINS, AUDIT (the groups) may be set for a test or a second book.
set -eu
usage="usage: setup.sh ADMIN-LOGIN AUTHORITY"
ADMIN=${1:?$usage}
AUTHORITY=${2:?$usage}
SRV=${SRV:-/srv/redress}
ETC=${ETC:-/etc}
STAFF=${STAFF:-redress-staff}
ADMINS=${ADMINS:-redress-admin}
AUDIT=${AUDIT:-redress-audit}
REDRESS=${REDRESS:-$(command -v redress || echo /usr/local/bin/redress)}
BOOK=$SRV/book
AUDITDIR=$SRV/audit
SNAP=$AUDITDIR/snapshot

die() { echo "setup.sh: $*" >&2; exit 2; }
[ "$(id -u)" = 0 ] || die "run it as root"
id "$ADMIN" >/dev/null 2>&1 || die "no user $ADMIN: make the account first (useradd -m -s /bin/sh $ADMIN)"
[ -x "$REDRESS" ] || die "no redress at $REDRESS: make install first, or set REDRESS"

for g in "$STAFF" "$ADMINS" "$AUDIT"; do getent group "$g" >/dev/null || groupadd "$g"; done
usermod -a -G "$STAFF,$ADMINS" "$ADMIN"

# /srv/redress is root's; everyone may pass through it, and each directory
# in it is closed to all but its group
install -d -o root -g root -m 0755 "$SRV"
# the book: group-owned, setgid so new files keep the group, no others
install -d -o root -g "$STAFF" -m 2770 "$BOOK"
# the auditors' snapshot: the admin writes it, the audit group reads it
# (setgid: each copy the admin makes belongs to the audit group)
install -d -o "$ADMIN" -g "$AUDIT" -m 2750 "$AUDITDIR"
printf 'book = %s\n' "$BOOK" > "$ETC/redress.conf"
chmod 644 "$ETC/redress.conf"

# the first admin creates the book and becomes its admin
if [ -e "$BOOK/data.mdb" ]; then
	echo "setup.sh: $BOOK already holds a book; it is left as it is"
elif [ -n "${REDRESS_PASSPHRASE_FILE-}" ]; then
	[ -r "$REDRESS_PASSPHRASE_FILE" ] || die "cannot read REDRESS_PASSPHRASE_FILE $REDRESS_PASSPHRASE_FILE"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	install -o "$ADMIN" -m 0400 "$REDRESS_PASSPHRASE_FILE" "$tmp/pass"
	chown "$ADMIN" "$tmp"
	runuser -u "$ADMIN" -- env REDRESS_PASSPHRASE_FILE="$tmp/pass" \
		"$REDRESS" -d "$BOOK" init --authority "$AUTHORITY"
	rm -rf "$tmp"
else
	runuser -u "$ADMIN" -- env -u REDRESS_PASSPHRASE_FILE \
		"$REDRESS" -d "$BOOK" init --authority "$AUTHORITY"
fi

# Auditors, option 1: POSIX ACLs on the live book (readers write lock.mdb):
#   setfacl -m g:$AUDIT:x $SRV/book
#   setfacl -m g:$AUDIT:r $BOOK/data.mdb
#   setfacl -m g:$AUDIT:rw $BOOK/lock.mdb
# Auditors, option 2 (below): a snapshot each night, opened read-only
# without a lock file, made by the admin as the last one is replaced.
# Staff keep working while it is taken.  cron's PATH lacks /usr/local/bin.
path=${REDRESS%/*}:/usr/bin:/bin
snapshot="cd $AUDITDIR && rm -rf snapshot.new && redress -d $BOOK snapshot snapshot.new >/dev/null && rm -rf snapshot.old && { [ ! -e snapshot ] || mv snapshot snapshot.old; } && mv snapshot.new snapshot && rm -rf snapshot.old"
mkdir -p "$ETC/cron.d"
cat > "$ETC/cron.d/redress-snapshot" <<CRON
# redress: the auditors' snapshot of the book, each night (see setup.sh)
PATH=$path
15 2 * * * $ADMIN $snapshot
CRON
# and the first one now
runuser -u "$ADMIN" -- env PATH="$path" sh -c "$snapshot"
chmod 644 "$ETC/cron.d/redress-snapshot"
command -v cron >/dev/null || echo "setup.sh: cron is not installed (apt-get install cron): no snapshots until it is"
echo "done: $BOOK for $AUTHORITY, $ADMIN its admin."
echo "Staff: useradd -m -s /bin/sh -G $STAFF LOGIN, and an ssh key; they enrol at their"
echo "first login, and $ADMIN grants them: redress user grant LOGIN --role caseworker."
echo "Auditors: useradd -m -s /bin/sh -G $AUDIT LOGIN; they read $SNAP."
