#!/bin/sh
# Sets up a shared book on one server: a staff group, the book directory,
# and a nightly snapshot for auditors.  Run as root; read it first.
set -eu
BOOK=/srv/redress/book
SNAP=/srv/redress/snapshot
STAFF=redress-staff
AUDIT=redress-audit
ADMIN=${1:?usage: setup.sh ADMIN-LOGIN AUTHORITY}
AUTHORITY=${2:?usage: setup.sh ADMIN-LOGIN AUTHORITY}

getent group "$STAFF" >/dev/null || groupadd "$STAFF"
getent group "$AUDIT" >/dev/null || groupadd "$AUDIT"
usermod -a -G "$STAFF" "$ADMIN"

# the book: group-owned, setgid so new files keep the group, no others
install -d -o root -g "$STAFF" -m 2770 "$BOOK"
install -d -o root -g "$AUDIT" -m 0750 "$(dirname "$SNAP")"
printf 'book = %s\n' "$BOOK" > /etc/redress.conf
chmod 644 /etc/redress.conf

# the first admin creates the book and becomes its admin
su - "$ADMIN" -s /bin/sh -c "umask 007; redress -d $BOOK init --authority $AUTHORITY"

# Auditors, option 1: POSIX ACLs on the live book (readers write lock.mdb).
#   setfacl -m g:$AUDIT:rx $BOOK
#   setfacl -m g:$AUDIT:r  $BOOK/data.mdb
#   setfacl -m g:$AUDIT:rw $BOOK/lock.mdb
# Auditors, option 2: a snapshot each night, opened read-only without a lock.
cat > /etc/cron.d/redress-snapshot <<CRON
15 2 * * * $ADMIN rm -rf $SNAP.new && redress -d $BOOK snapshot $SNAP.new && chgrp -R $AUDIT $SNAP.new && rm -rf $SNAP && mv $SNAP.new $SNAP
CRON
echo "done: staff join with 'usermod -a -G $STAFF LOGIN', then 'redress user enrol';"
echo "the admin grants them with 'redress user grant LOGIN --role caseworker'."
