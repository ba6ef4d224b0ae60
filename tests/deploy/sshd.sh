#!/bin/sh
# The deployment as redress(1) DEPLOYMENT documents it, on a real sshd:
# redress installed into a staging directory, share/examples/setup.sh run
# to the end without a terminal, share/examples/sshd_config included by a
# throw-away sshd on 127.0.0.1, four Unix accounts (an admin, two
# caseworkers, an auditor), and real `ssh -tt` sessions in a private tmux
# server, read back with capture-pane.  Waits poll for the text expected.
#
#   sh tests/deploy/sshd.sh        (as root, from the top of the tree)
#
# The accounts (rdd<pid><letter>) and groups are removed at the end.
set -u
skip() { echo "sshd: skipped ($1)"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to add users and run sshd"
for c in /usr/sbin/sshd ssh ssh-keygen scp sftp tmux useradd userdel groupdel setfacl runuser timeout; do
	command -v "$c" >/dev/null 2>&1 ||
		skip "no $c; make deps installs openssh-server, openssh-client, acl and tmux"
done
top=$(pwd)
[ -f "$top/share/examples/sshd_config" ] || { echo "sshd: run it from the top of the tree"; exit 1; }

# this side's terminals (tmux, ssh) in UTF-8; each session says what it sends
export LANG=C.UTF-8 LC_ALL=C.UTF-8
T=$(mktemp -d) || exit 1
chmod 755 "$T"
n=$(($$ % 100000))
ADM=rdd${n}a C1=rdd${n}c C2=rdd${n}d AUD=rdd${n}u
STAFF=rdd${n}-staff ADMINS=rdd${n}-admin AUDIT=rdd${n}-audit
L=rdd-sshd-$$
sshd_pid=
fail=0 count=0

t() { tmux -L "$L" -f /dev/null "$@"; }
cleanup() {
	trap '' PIPE
	t kill-server >/dev/null 2>&1
	[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
	for u in $ADM $C1 $C2 $AUD; do id "$u" >/dev/null 2>&1 && userdel -f "$u" 2>/dev/null; done
	for g in $STAFF $ADMINS $AUDIT; do getent group "$g" >/dev/null && groupdel "$g" 2>/dev/null; done
	rm -rf "$T" "${TMUX_TMPDIR:-/tmp}/tmux-0/$L"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# one failure drags the rest of its sequence down: stop at five
nfail=0
failed() {
	fail=1
	nfail=$((nfail + 1))
	echo "FAIL: $1"
	if [ $nfail -ge 5 ]; then
		echo "sshd: FAILED (stopped after $nfail failures)"
		tail -20 "$T/sshd.log" 2>/dev/null | sed 's/^/  sshd: /'
		exit 1
	fi
}
ok() { count=$((count + 1)); }

# --- install, set up, accounts ---------------------------------------------------
# (make's command-line variables, WERROR among them, reach this make through
# MAKEFLAGS, so nothing is rebuilt under `make check`)
${MAKE:-make} --no-print-directory install DESTDIR="$T/stage" >"$T/install.log" 2>&1 ||
	{ echo "sshd: FAIL: make install"; sed 's/^/  /' "$T/install.log"; exit 1; }
BIN=$T/stage/usr/local/bin
R=$BIN/redress
[ -x "$R" ] && [ -x "$BIN/redress-login" ] || { echo "sshd: FAIL: nothing installed in $BIN"; exit 1; }
BOOK=$T/srv/book
SNAPSHOT=$T/srv/audit/snapshot

mkdir -p "$T/home" "$T/keys" "$T/pass" "$T/etc" "$T/sshd_config.d"
useradd -m -d "$T/home/$ADM" -s /bin/sh -p '*' "$ADM" || { echo "sshd: FAIL: useradd"; exit 1; }
printf 'admin first passphrase\n' >"$T/pass/$ADM"
chmod 600 "$T/pass/$ADM"
# setup.sh as a council runs it: as root, no terminal, the passphrase in a
# file root owns (the admin cannot read it)
if ! SRV=$T/srv ETC=$T/etc REDRESS=$R STAFF=$STAFF ADMINS=$ADMINS AUDIT=$AUDIT \
	REDRESS_SHARE=$T/stage/usr/local/share/redress REDRESS_PASSPHRASE_FILE=$T/pass/$ADM \
	sh "$T/stage/usr/local/share/redress/examples/setup.sh" "$ADM" gloucestershire \
	</dev/null >"$T/setup.log" 2>&1; then
	echo "sshd: FAIL: setup.sh did not run to the end"
	sed 's/^/  /' "$T/setup.log"
	exit 1
fi
ok
# from here the admin's passphrase file is the admin's own, as it would be
chown "$ADM" "$T/pass/$ADM"
[ -f "$BOOK/data.mdb" ] || failed "setup.sh made no book"
[ -f "$SNAPSHOT/data.mdb" ] || failed "setup.sh took no first snapshot"
m=$(stat -c '%a %G' "$BOOK")
[ "$m" = "2770 $STAFF" ] || failed "the book directory is $m, wanted 2770 $STAFF"
m=$(stat -c '%a' "$T/srv")
[ "$m" = 755 ] || failed "$T/srv is $m: staff and auditors cannot pass through"
ok

useradd -m -d "$T/home/$C1" -s /bin/sh -p '*' -G "$STAFF" "$C1" &&
	useradd -m -d "$T/home/$C2" -s /bin/sh -p '*' -G "$STAFF" "$C2" &&
	useradd -m -d "$T/home/$AUD" -s /bin/sh -p '*' -G "$AUDIT" "$AUD" ||
	{ echo "sshd: FAIL: useradd"; exit 1; }
for u in $ADM $C1 $C2 $AUD; do
	ssh-keygen -q -t ed25519 -N '' -C "$u" -f "$T/keys/$u" || exit 1
done
printf 'caseworker one pass\n' >"$T/pass/$C1"
printf 'caseworker two pass\n' >"$T/pass/$C2"
printf 'the auditor passphrase\n' >"$T/pass/$AUD"
chown "$AUD" "$T/pass/$AUD"

# as the admin on the server: a login outside the staff Match has a shell
as_admin() {
	runuser -u "$ADM" -- env REDRESS_PASSPHRASE_FILE="$T/pass/$ADM" "$R" -d "$BOOK" "$@"
}

# --- sshd -------------------------------------------------------------------------
ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey" || exit 1
mkdir -p -m 0755 /run/sshd
# the shipped snippet, with this test's groups and paths
sed -e "s|redress-staff|$STAFF|g; s|redress-admin|$ADMINS|g; s|redress-audit|$AUDIT|g" \
	-e "s|/usr/local/bin/|$BIN/|g; s|/srv/redress|$T/srv|g" \
	"$top/share/examples/sshd_config" >"$T/sshd_config.d/redress.conf"
# laid out as Debian's: the snippets first, then defaults that open what
# the snippet must close again
cat >"$T/sshd_config" <<EOF
Include $T/sshd_config.d/*.conf
ListenAddress 127.0.0.1
HostKey $T/hostkey
PidFile none
AuthorizedKeysFile $T/keys/%u.pub
UsePAM no
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowUsers $ADM $C1 $C2 $AUD
AllowTcpForwarding yes
AllowAgentForwarding yes
X11Forwarding yes
PermitTunnel yes
PrintMotd no
PrintLastLog no
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
EOF
if ! /usr/sbin/sshd -t -f "$T/sshd_config" 2>"$T/sshd-t.log"; then
	echo "sshd: FAIL: sshd -t refuses the shipped snippet:"
	sed 's/^/  /' "$T/sshd-t.log"
	exit 1
fi
ok
port=$((20000 + $$ % 30000))
tries=0
while :; do
	: >"$T/sshd.log"
	/usr/sbin/sshd -D -e -f "$T/sshd_config" -p "$port" 2>"$T/sshd.log" &
	sshd_pid=$!
	i=0
	while [ $i -lt 100 ] && kill -0 "$sshd_pid" 2>/dev/null &&
		! grep -q "Server listening on 127.0.0.1 port $port" "$T/sshd.log"; do
		sleep 0.1
		i=$((i + 1))
	done
	grep -q "Server listening on 127.0.0.1 port $port" "$T/sshd.log" && break
	kill "$sshd_pid" 2>/dev/null
	sshd_pid=
	tries=$((tries + 1))
	[ $tries -lt 10 ] || { echo "sshd: FAIL: sshd will not start"; sed 's/^/  /' "$T/sshd.log"; exit 1; }
	port=$((port + 1))
done

SSHO="-F /dev/null -p $port -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=20"
# sshc USER [ssh args]: ssh to this server as USER (no terminal)
sshc() {
	u=$1
	shift
	# shellcheck disable=SC2086
	timeout 60 ssh $SSHO -i "$T/keys/$u" -l "$u" 127.0.0.1 "$@"
}

# --- sessions in tmux ----------------------------------------------------------
S=
# login S USER [ENV=VALUE ...] [-- SSH-OPTIONS]: a new 100x30 session S
# holding `ssh -tt USER@127.0.0.1 $RCMD`; its exit status lands in
# $T/status.S.
RCMD=
login() {
	S=$1 u=$2
	shift 2
	envs=
	while [ $# -gt 0 ]; do
		[ "$1" = -- ] && { shift; break; }
		envs="$envs $1"
		shift
	done
	rm -f "$T/status.$S"
	t has-session -t "$S" 2>/dev/null && t kill-session -t "$S"
	t new-session -d -s "$S" -x 100 -y 30 \
		"env$envs ssh $SSHO -i $T/keys/$u -tt $* $u@127.0.0.1 $RCMD 2>$T/err.$S; echo \$? >$T/status.new.$S; mv $T/status.new.$S $T/status.$S" ||
		{ failed "tmux will not start $S"; return 1; }
}
screen() { t capture-pane -p -t "$S" 2>/dev/null; }
keys() { t send-keys -t "$S" "$@"; }
text() { t send-keys -t "$S" -l -- "$1"; }
# expect TEXT WHAT: TEXT appears on S's screen within 40 seconds (each
# login costs an Argon2id unlock on a machine that may be busy)
expect() {
	ok
	i=0
	while [ $i -lt 400 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	failed "$2 (wanted \"$1\" on screen $S)"
	screen | sed 's/^/  | /'
	sed 's/^/  err: /' "$T/err.$S" 2>/dev/null
	return 1
}
absent() {
	ok
	if screen | grep -qF -- "$1"; then
		failed "$2 (\"$1\" on screen $S)"
		screen | sed 's/^/  | /'
	fi
}
# ended WHAT: the ssh session S ended within 40 seconds
ended() {
	ok
	i=0
	while [ $i -lt 400 ] && [ ! -f "$T/status.$S" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -f "$T/status.$S" ] && return 0
	failed "$1 (session $S still running)"
	screen | sed 's/^/  | /'
}
# unlock PASSFILE: type the passphrase at the client's prompt
unlock() {
	expect "Passphrase:" "$S: the client asks for the passphrase" || return 1
	text "$(cat "$1")" && keys Enter
	expect "REFERENCE" "$S: unlocked, the list"
}
# open REF: the case REF from the list
open() {
	expect "REFERENCE" "$S: the list, to open $1" || return 1
	keys / C-u && text "$1" && keys Enter
	expect "matching \"$1\" | 1/1" "$S: the search finds $1" || return 1
	keys Enter
	expect "timeline" "$S: $1 opens"
}
# note TEXT: a note on the open case, through the form
note() {
	keys n
	expect "> Note" "$S: the note form" || return 1
	text "$1" && keys Enter
	expect "note added" "$S: the note \"$1\" is added"
}
# pid of the direct child of S's pane (the ssh client), from /proc
client_pid() {
	pp=$(t display -p -t "$S" '#{pane_pid}')
	for st in /proc/[0-9]*/stat; do
		l=$(cat "$st" 2>/dev/null) || continue
		set -- ${l##*) }
		[ "$2" = "$pp" ] && { p=${st#/proc/}; echo "${p%/stat}"; return; }
	done
}
# gone USER: no process of USER is left on the server (within 40 seconds)
gone() {
	uid=$(id -u "$1")
	i=0
	while [ $i -lt 400 ]; do
		busy=0
		for st in /proc/[0-9]*/status; do
			u=$(sed -n 's/^Uid:[[:space:]]*\([0-9]*\).*/\1/p' "$st" 2>/dev/null)
			[ "$u" = "$uid" ] && { busy=1; break; }
		done
		[ $busy = 0 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# shows REF TEXT WHAT: the book (read by the admin) holds TEXT in case REF
shows() {
	ok
	as_admin case show "$1" --names >"$T/show" 2>&1
	grep -qF -- "$2" "$T/show" && return 0
	failed "$3 (case show $1 lacks \"$2\")"
	sed 's/^/  | /' "$T/show"
}

# --- first logins: each caseworker enrols; the admin grants them -----------------
for u in $C1 $C2; do
	login "first-$u" "$u"
	expect "choose a passphrase" "$u: the first login offers enrolment"
	expect "New passphrase:" "$u: asked for a new passphrase"
	text "$(cat "$T/pass/$u")" && keys Enter
	expect "Again:" "$u: asked again"
	text "$(cat "$T/pass/$u")" && keys Enter
	expect "enrolled $u" "$u: enrolled"
	expect "Press Enter to go on." "$u: told what comes next"
	keys Enter
	expect "redress |" "$u: then the client"
	screen | grep -qF "Passphrase:" && keys Escape
	expect "names hidden" "$u: before the grant, pseudonyms only"
	keys q
	ended "$u: q ends the first session"
done
sshc "$ADM" "$R -d $BOOK user list" </dev/null >"$T/users" 2>&1
grep -q "^$C1 .*enrolled" "$T/users" || failed "the admin's user list shows $C1 enrolled: $(cat "$T/users")"
ok
# the admin's own login is outside the staff Match: a shell, the CLI
for u in $C1 $C2; do
	sshc "$ADM" "REDRESS_PASSPHRASE_FILE=$T/pass/$ADM $R -d $BOOK user grant $u --role caseworker" \
		</dev/null >"$T/grant" 2>&1 || failed "the admin grants $u over ssh: $(cat "$T/grant")"
	ok
done

# --- a caseworker takes a complaint through Stage 1 in the client ------------------
login c1 "$C1"
unlock "$T/pass/$C1"
absent "names hidden" "$C1: granted, names shown"
keys N
expect "A new contact" "$C1: N opens the new case form"
keys Enter Enter Enter Enter Enter Enter
expect "> Child" "$C1: on to the child's name"
text "Ada Rddtest" && keys Enter Enter Enter Enter Enter Enter
expect " added" "$C1: the complaint is added"
ref=$(screen | sed -n 's/^\(CSC-[0-9]*-[0-9]*\) added.*/\1/p' | head -1)
[ -n "$ref" ] || { failed "$C1: no reference on screen"; ref=CSC-0000-0000; }
expect "Ada Rddtest" "$C1: the new case shows the child"
keys w
expect "acknowledge" "$C1: w lists the steps"
text "acknowledge" && keys Enter
expect "> Note" "$C1: the acknowledgement's form"
keys Enter
expect "y records it" "$C1: asked to confirm the step"
keys y
expect "acknowledgement recorded" "$C1: the Stage 1 acknowledgement is recorded"
shows "$ref" "Ada Rddtest" "the child's name reads back"
shows "$ref" "acknowledge" "the acknowledgement is in the book"

# --- two caseworkers on one case ---------------------------------------------------
login c2 "$C2"
unlock "$T/pass/$C2"
open "$ref"
note "from the second caseworker"
S=c1
expect "note: from the second caseworker" "$C1 sees $C2's note land"
note "from the first caseworker"
S=c2
expect "note: from the first caseworker" "$C2 sees $C1's note land"

# --- the link is cut mid-form; the draft is offered at the next login --------------
S=c1
keys n
expect "> Note" "$C1: the note form, before the cut"
text "half a note, cut off"
expect "half a note, cut off" "$C1: typed"
p=$(client_pid)
if [ -n "$p" ]; then kill -KILL "$p"; else failed "$C1: no ssh client found in /proc"; fi
ended "$C1: the killed client ends the session"
gone "$C1" || failed "$C1: the server-side client outlived its cut link"
ok
login c1b "$C1"
unlock "$T/pass/$C1"
open "$ref"
keys n
expect "Draft of this form kept at " "$C1: the draft is offered at the next login"
expect "> Note  half a note, cut off" "$C1: showing what it holds"
keys r
expect "draft restored" "$C1: r restores it"
keys Enter
expect "note added" "$C1: the resumed note is recorded"

# --- a passphrase changed over ssh ------------------------------------------------------
RCMD=passwd
login pw "$C2"
RCMD=
expect "Passphrase for $C2:" "$C2: ssh -t HOST passwd asks the old passphrase"
text "$(cat "$T/pass/$C2")" && keys Enter
printf 'caseworker two new\n' >"$T/pass/$C2"
expect "New passphrase:" "$C2: then the new"
text "$(cat "$T/pass/$C2")" && keys Enter
expect "Again:" "$C2: twice"
text "$(cat "$T/pass/$C2")" && keys Enter
ended "$C2: passwd ends the session"

# --- the locale: LANG=en_GB.UTF-8 (not generated) and no LANG at all ---------------------
login en "$C2" LANG=en_GB.UTF-8 LC_ALL=en_GB.UTF-8 -- -o SendEnv=LANG -o SetEnv=LC_ALL=en_GB.UTF-8
unlock "$T/pass/$C2"
open "$ref"
note "Met Siân and Zoë (en_GB)"
expect "note: Met Siân and Zoë (en_GB)" "$C2 (LANG=en_GB.UTF-8): the accented note on screen"
keys q q
ended "$C2 (en_GB): q q ends the session"
shows "$ref" "Met Siân and Zoë (en_GB)" "the accented note from LANG=en_GB.UTF-8 arrives whole"
login nolang "$C1" -u LANG -u LC_ALL -u LC_CTYPE -u LC_MESSAGES
unlock "$T/pass/$C1"
open "$ref"
note "Met Siân and Zoë (no LANG)"
expect "note: Met Siân and Zoë (no LANG)" "$C1 (no LANG): the accented note on screen"
keys q q
ended "$C1 (no LANG): q q ends the session"
shows "$ref" "Met Siân and Zoë (no LANG)" "the accented note with no LANG arrives whole"

# --- the admin's other tasks, from the admin's shell ---------------------------------------
sshc "$ADM" "$R -d $BOOK backup $T/home/$ADM/backup" </dev/null >"$T/backup" 2>&1 ||
	failed "the admin backs up over ssh: $(cat "$T/backup")"
ok
sshc "$ADM" "REDRESS_PASSPHRASE_FILE=$T/pass/$ADM $R -d $BOOK retention --dry-run" </dev/null \
	>"$T/retention" 2>&1 || failed "the admin's retention --dry-run: $(cat "$T/retention")"
ok

# --- an auditor: enrolled without the staff group, reads the snapshot -------------------
# enrolment needs the live book for a moment: a per-user ACL, then none
setfacl -m "u:$AUD:rwx" "$BOOK" && setfacl -m "u:$AUD:rw" "$BOOK/data.mdb" "$BOOK/lock.mdb" ||
	failed "setfacl on the book"
runuser -u "$AUD" -- env REDRESS_PASSPHRASE_FILE="$T/pass/$AUD" "$R" -d "$BOOK" user enrol \
	>"$T/enrol" 2>&1 || failed "the auditor enrols through an ACL: $(cat "$T/enrol")"
setfacl -x "u:$AUD" "$BOOK" "$BOOK/data.mdb" "$BOOK/lock.mdb" || failed "setfacl -x"
as_admin user grant "$AUD" --role auditor >"$T/grant" 2>&1 || failed "grant the auditor: $(cat "$T/grant")"
ok
# the snapshot as the cron line takes it, as the admin, with cron's PATH
path=$(sed -n 's/^PATH=//p' "$T/etc/cron.d/redress-snapshot")
job=$(sed -n "s/^15 2 \* \* \* $ADM //p" "$T/etc/cron.d/redress-snapshot")
[ -n "$job" ] || failed "the cron line runs as $ADM"
runuser -u "$ADM" -- env -i PATH="$path" HOME="$T/home/$ADM" sh -c "$job" >"$T/cron" 2>&1 ||
	failed "the snapshot's cron line: $(cat "$T/cron")"
m=$(stat -c '%G' "$SNAPSHOT/data.mdb")
[ "$m" = "$AUDIT" ] || failed "the snapshot's group is $m, wanted $AUDIT"
ok
runuser -u "$AUD" -- "$R" -d "$BOOK" user list >/dev/null 2>&1 &&
	failed "the auditor opens the live book"
ok

login aud "$AUD"
unlock "$T/pass/$AUD"
expect "read-only" "auditor: the snapshot is read-only"
expect "$ref" "auditor: the snapshot holds the case"
absent "names hidden" "auditor: granted, names shown"
keys C-z
# (a stopped client would not answer: the search must still work)
keys / C-u && text "$ref" && keys Enter
expect "matching \"$ref\" | 1/1" "auditor: Ctrl-Z does not stop the client"
keys q
ended "auditor: q ends the session"

# a command asked of ssh runs the client, not the command
RCMD="'echo pwned-\$((6*7))'"
login cmd "$AUD"
RCMD=
expect "Passphrase:" "auditor: ssh HOST COMMAND opens the client"
absent "pwned-42" "auditor: the command did not run"
keys Escape
expect "names hidden" "auditor: Esc browses"
keys q
ended "auditor: the client ends the session"
RCMD=/bin/sh
login shell "$AUD"
RCMD=
expect "Passphrase:" "auditor: ssh -tt HOST /bin/sh opens the client"
keys Escape q
ended "auditor: no shell after the client"
out=$(sshc "$AUD" 'echo pwned-$((6*7))' </dev/null 2>&1)
case $out in *pwned-42*) failed "auditor: ssh HOST COMMAND ran the command" ;; esac
ok
# shellcheck disable=SC2086
timeout 60 scp $SSHO -P "$port" -i "$T/keys/$AUD" "$AUD@127.0.0.1:/etc/passwd" "$T/scp" \
	</dev/null >/dev/null 2>&1 && failed "auditor: scp copied a file"
# shellcheck disable=SC2086
timeout 60 scp -O $SSHO -P "$port" -i "$T/keys/$AUD" "$AUD@127.0.0.1:/etc/passwd" "$T/scp-O" \
	</dev/null >/dev/null 2>&1 && failed "auditor: scp -O copied a file"
{ [ -s "$T/scp" ] || [ -s "$T/scp-O" ]; } && failed "auditor: scp left a copy"
ok
printf 'get /etc/passwd %s/sftp\n' "$T" >"$T/batch"
# shellcheck disable=SC2086
timeout 60 sftp $SSHO -P "$port" -i "$T/keys/$AUD" -b "$T/batch" "$AUD@127.0.0.1" \
	</dev/null >/dev/null 2>&1 && failed "auditor: sftp ran"
[ -s "$T/sftp" ] && failed "auditor: sftp copied a file"
ok
# -L (and -W, the same channel) refused
sshc "$AUD" -W "127.0.0.1:$port" </dev/null >"$T/fwd" 2>&1 &&
	grep -q SSH- "$T/fwd" && failed "auditor: -W reached a port through the server"
ok
sshc "$AUD" -N -o ExitOnForwardFailure=yes -L "127.0.0.1:$((port + 1000)):127.0.0.1:$port" \
	</dev/null >/dev/null 2>&1 &
lpid=$!
i=0
# (a local listener comes up; what it forwards must be refused)
reached=
while [ $i -lt 100 ] && kill -0 "$lpid" 2>/dev/null; do
	r=$(timeout 10 ssh -F /dev/null -p $((port + 1000)) -o BatchMode=yes \
		-o ConnectTimeout=5 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-v nobody@127.0.0.1 true 2>&1)
	case $r in
	*"Remote protocol version"*) reached=1; break ;;
	*"Connection refused"*) sleep 0.1 ;; # the listener is not up yet
	*) break ;;
	esac
	i=$((i + 1))
done
kill "$lpid" 2>/dev/null
[ -n "$reached" ] && failed "auditor: -L reached sshd through the server"
ok
sshc "$AUD" -N -o ExitOnForwardFailure=yes -R "127.0.0.1:$((port + 1001)):127.0.0.1:$port" \
	</dev/null >/dev/null 2>&1 && failed "auditor: -R forwarding was allowed"
ok
# agent, X11 and tunnels: as sshd resolves the Match for the real accounts
for u in $AUD $C1; do
	/usr/sbin/sshd -T -f "$T/sshd_config" -C "user=$u,host=localhost,addr=127.0.0.1" >"$T/T.$u" 2>&1
	for kv in "disableforwarding yes" "allowagentforwarding no" "x11forwarding no" \
		"allowtcpforwarding no" "permittunnel no" "permituserrc no" "permittty yes" \
		"clientaliveinterval 15" "clientalivecountmax 3" "setenv LANG=C.UTF-8" \
		"setenv LC_ALL=C.UTF-8"; do
		grep -qix "$kv" "$T/T.$u" || failed "sshd -T for $u: wanted \"$kv\""
		ok
	done
	grep -qi "^forcecommand $BIN/redress-login" "$T/T.$u" || failed "sshd -T for $u: no ForceCommand"
done
/usr/sbin/sshd -T -f "$T/sshd_config" -C "user=$ADM,host=localhost,addr=127.0.0.1" >"$T/T.adm" 2>&1
grep -qix "forcecommand none" "$T/T.adm" || failed "the admin's login is held by the staff Match"
ok
# --- the admin rekeys while both are logged in (c1b and c2, open all along) -------
S=c2
keys q
expect "REFERENCE" "$C2: back to the list"
open "$ref"
sshc "$ADM" "REDRESS_PASSPHRASE_FILE=$T/pass/$ADM $R -d $BOOK rekey" </dev/null >"$T/rekey" 2>&1 ||
	failed "the admin rekeys over ssh: $(cat "$T/rekey")"
ok
S=c1b
note "after the rekey, one"
rev=$(screen | sed -n 's/.*, revision \([0-9]*\) |.*/\1/p' | head -1)
S=c2
# (the other's change seen before writing: no stale refusal to race with)
expect "case $ref, revision $rev" "$C2: the client shows $C1's change"
note "after the rekey, two"
shows "$ref" "after the rekey, one" "$C1's note after the rekey reads back"
shows "$ref" "after the rekey, two" "$C2's note after the rekey reads back"
shows "$ref" "Ada Rddtest" "the child's name reads back after the rekey"
for S in c1b c2; do
	screen | grep -q "Enter:next/record" && keys Escape
	keys q q
	ended "$S: q q ends the session"
done

if [ $fail = 0 ]; then
	echo "sshd: $count checks passed (sshd on 127.0.0.1:$port)"
else
	echo "sshd: FAILED"
	echo "--- sshd log"
	tail -30 "$T/sshd.log" | sed 's/^/  /'
fi
exit $fail
