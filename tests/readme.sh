#!/bin/sh
# The README runs as written: every command of README.md's examples, then of
# the EXAMPLES section of redress(1), run in order in one shell against a
# scratch directory, as a newcomer pasting them would.
#
# What counts as a command:
#   README.md   an indented line starting "$ " (a line ending in "\" goes on
#               to the next); "alice$ " is the same run as another Unix user
#   redress.1   a "$ " line in a .Bd -literal block of EXAMPLES; a crontab
#               line there ("0 7 * * 1-5  COMMAND") has its COMMAND run
# The lines after a command, up to a blank line or the next command, are
# what it prints (standard output and error together), compared exactly.  A
# command must exit 0, unless its comment says "exit status N" (then N), or
# what it prints starts a line with "redress: " (the one line of a refusal):
# then it must fail.  Nothing shown: the output is not compared.
#
# The scratch directory T stands in for the machine: HOME is T/home (so "~"
# is there), /srv/ and /tmp/ in a command are T/srv/ and T/tmp/ (and back in
# what it prints), with
# /srv/redress, /srv/backup and /srv/letters made as DEPLOYMENT in redress(1)
# makes them; the passphrase typed at each prompt is "demo passphrase", from
# REDRESS_PASSPHRASE_FILE; REDRESS_KDF=test keeps new passphrases cheap.
# "alice$ " commands run as a test user made for the purpose when this runs
# as root with useradd and setpriv (the login alice in any command, and back
# in what it prints, is that user); otherwise they, and every later command
# naming alice, are listed as NOT RUN and the run says so at the end.
# redress(1)'s examples run on their own book: REDRESS_BOOK, made first with
# `redress init`, with today 2026-11-20 and T/complaints.csv to import.
#
# Last, the README's "Commands:" list must name exactly the commands that
# `redress --help` lists from the command table.
: "${REDRESS:=./redress}"
top=$(pwd)
case $REDRESS in /*) ;; *) REDRESS=$top/$REDRESS ;; esac
export REDRESS_SHARE="${REDRESS_SHARE:-$top/share}"
README=${README:-$top/README.md}
MANPAGE=${MANPAGE:-$top/man/redress.1}
for _rt_v in $(env | sed -n 's/^\(REDRESS_[A-Z_]*\)=.*/\1/p'); do
	case $_rt_v in REDRESS_SHARE) ;; *) unset "$_rt_v" ;; esac
done
_rt_T=$(mktemp -d) || exit 1
_rt_other= _rt_nouser="needs root, useradd and setpriv to make another Unix user"
cleanup() {
	if [ -n "$_rt_other" ]; then
		userdel "$_rt_other" 2>/dev/null
		groupdel "$_rt_other" 2>/dev/null
	fi
	rm -rf "$_rt_T"
}
trap cleanup EXIT
mkdir -p "$_rt_T/home" "$_rt_T/bin" "$_rt_T/tmp" "$_rt_T/srv/redress" "$_rt_T/srv/backup" \
	"$_rt_T/srv/letters" "$_rt_T/run" || exit 1
printf 'demo passphrase\n' >"$_rt_T/pass"

# Another Unix user for "alice$ ": only as root, and only a user made here.
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null && command -v setpriv >/dev/null; then
	_rt_u=rdt$(($$ % 100000))-readme # its own: two runs at once never share it
	_rt_nouser="could not make the Unix user $_rt_u (left by another run?)"
	if ! id "$_rt_u" >/dev/null 2>&1 && groupadd "$_rt_u" 2>/dev/null; then
		if useradd -M -N -g "$_rt_u" "$_rt_u" 2>/dev/null; then
			_rt_other=$_rt_u
		else
			groupdel "$_rt_u" 2>/dev/null
		fi
	fi
fi
if [ -n "$_rt_other" ]; then
	# the other user reaches the binary, the share and the book through T
	chmod 755 "$_rt_T" "$_rt_T/srv" "$_rt_T/bin"
	cp "$REDRESS" "$_rt_T/bin/redress.real" && chmod 755 "$_rt_T/bin/redress.real"
	cp -r "$REDRESS_SHARE" "$_rt_T/share" && chmod -R a+rX "$_rt_T/share"
	REDRESS=$_rt_T/bin/redress.real REDRESS_SHARE=$_rt_T/share
	chgrp "$_rt_other" "$_rt_T/srv/redress" "$_rt_T/srv/letters"
	chmod 2770 "$_rt_T/srv/redress" "$_rt_T/srv/letters"
	printf 'passphrase of alice\n' >"$_rt_T/pass-other"
	chown "$_rt_other" "$_rt_T/pass-other"
	chmod 0400 "$_rt_T/pass-other"
fi
printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${REDRESS_WRAP:-}" "$REDRESS" >"$_rt_T/bin/redress"
chmod 755 "$_rt_T/bin/redress"

# The commands of FILE in order, as records: "@ FILE:LINE", "$ COMMAND",
# "A COMMAND" (another user), "C COMMAND" (from a crontab line), "> OUTPUT",
# and "." after each command's output.
extract_readme() {
	awk -v f="$1" '
	function flush() { if (cmd != "") { print "@ " f ":" at; print kind " " cmd; for (i = 1; i <= n; i++) print "> " out[i]; print "." } cmd = ""; n = 0; cont = 0 }
	cont { l = $0; sub(/^ +/, "", l); cmd = substr(cmd, 1, length(cmd) - 1) " " l; cont = (l ~ /\\$/); next }
	/^    (alice)?\$ / { flush(); at = NR; kind = ($0 ~ /^    alice/) ? "A" : "$"; cmd = $0; sub(/^    (alice)?\$ /, "", cmd); cont = (cmd ~ /\\$/); next }
	/^    / && cmd != "" { out[++n] = substr($0, 5); next }
	{ flush() }
	END { flush() }' "$1"
}
extract_man() {
	awk -v f="$1" '
	function flush() { if (cmd != "") { print "@ " f ":" at; print kind " " cmd; for (i = 1; i <= n; i++) print "> " out[i]; print "." } cmd = ""; n = 0 }
	function unesc(s) { gsub(/\\-/, "-", s); gsub(/\\&/, "", s); gsub(/\\e/, "\\", s); return s }
	/^\.Sh / { ex = ($0 == ".Sh EXAMPLES"); flush(); next }
	!ex { next }
	/^\.Bd -literal/ { lit = 1; next }
	/^\.Ed/ { flush(); lit = 0; next }
	!lit { next }
	/^\$ / { flush(); at = NR; kind = "$"; cmd = unesc(substr($0, 3)); next }
	/^[0-9*,\/-]+ +[0-9*,\/-]+ +[0-9*,\/-]+ +[0-9*,\/-]+ +[0-9*,\/-]+ / {
		flush(); at = NR; kind = "C"; cmd = unesc($0)
		sub(/^[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +/, "", cmd); flush(); next }
	cmd != "" { out[++n] = unesc($0); next }
	{ print "@ " f ":" NR; print "? " $0 }' "$1"
}

_rt_fail=0 _rt_count=0 _rt_notrun=0 _rt_noalice=
PATH=$_rt_T/bin:$PATH
HOME=$_rt_T/home
export PATH HOME REDRESS_PASSPHRASE_FILE="$_rt_T/pass" REDRESS_KDF=test
export REDRESS_SYSLOG=off # a test host may have no syslog: not the README's business
export REDRESS_CONF="$_rt_T/redress.conf"

_rt_run() { # the command in _rt_cmd, as _rt_kind; its output in T/run/out
	_rt_count=$((_rt_count + 1))
	_rt_c=$(printf '%s\n' "$_rt_cmd" | sed "s#\(^\|[^A-Za-z0-9_.~/-]\)/\(srv\|tmp\)/#\1$_rt_T/\2/#g")
	if [ -n "$_rt_other" ]; then
		_rt_c=$(printf '%s\n' "$_rt_c" | sed "s/\\<alice\\>/$_rt_other/g")
	fi
	if ! sh -n -c "$_rt_c" 2>"$_rt_T/run/raw"; then
		# eval would end this shell: say which command, and go on
		_rt_status=2
		cp "$_rt_T/run/raw" "$_rt_T/run/out"
		return
	fi
	case $_rt_kind in
	A)
		# the book and the letters are the other user's through the group
		(cd "$_rt_T/srv" && REDRESS_PASSPHRASE_FILE="$_rt_T/pass-other" setpriv \
			--reuid="$_rt_other" --regid="$_rt_other" --init-groups \
			env HOME="$_rt_T/srv" PATH="$PATH" sh -c "$_rt_c") \
			</dev/null >"$_rt_T/run/raw" 2>&1 ;;
	*)
		eval "$_rt_c" </dev/null >"$_rt_T/run/raw" 2>&1 ;;
	esac
	_rt_status=$?
	sed "s#$_rt_T/\(srv\|tmp\)/#/\1/#g" "$_rt_T/run/raw" >"$_rt_T/run/out"
	if [ -n "$_rt_other" ]; then
		sed -i "s/\\<$_rt_other\\>/alice/g" "$_rt_T/run/out"
	fi
}

_rt_check() { # compares with what the document shows
	_rt_ok=1 _rt_why=
	if [ -s "$_rt_T/run/want" ] && ! cmp -s "$_rt_T/run/want" "$_rt_T/run/out"; then
		_rt_ok=0 _rt_why="printed otherwise"
	fi
	_rt_want=$(printf '%s\n' "$_rt_cmd" | sed -n 's/.*[[:space:]]#.*exit status \([0-9]*\).*/\1/p')
	if [ -n "$_rt_want" ]; then
		[ "$_rt_status" = "$_rt_want" ] || { _rt_ok=0 _rt_why="exit $_rt_status, not $_rt_want"; }
	elif grep -q '^redress: ' "$_rt_T/run/want"; then
		[ "$_rt_status" != 0 ] || { _rt_ok=0 _rt_why="exit 0, but the document shows a refusal"; }
	elif [ "$_rt_status" != 0 ]; then
		_rt_ok=0 _rt_why="exit $_rt_status${_rt_why:+, }$_rt_why"
	fi
	if [ $_rt_ok = 0 ]; then
		_rt_fail=1
		echo "FAIL $_rt_at: $_rt_cmd"
		echo "  $_rt_why"
		if [ -s "$_rt_T/run/want" ]; then
			diff -u "$_rt_T/run/want" "$_rt_T/run/out" | sed -n '3,$s/^/  /p'
		else
			sed 's/^/  out /' "$_rt_T/run/out" | head -n 20
		fi
	fi
}

_rt_doc() { # runs the records on standard input
	_rt_cmd=
	while IFS= read -r _rt_l; do
		case $_rt_l in
		'@ '*) _rt_at=${_rt_l#@ } ;;
		'? '*) echo "FAIL $_rt_at: a line in EXAMPLES that is no command: ${_rt_l#? }"
			_rt_fail=1 ;;
		'$ '* | 'A '* | 'C '*)
			_rt_kind=${_rt_l%% *} _rt_cmd=${_rt_l#? }
			: >"$_rt_T/run/want" ;;
		'> '*) printf '%s\n' "${_rt_l#> }" >>"$_rt_T/run/want" ;;
		'>') echo >>"$_rt_T/run/want" ;;
		.)
			_rt_skip=
			if [ -z "$_rt_other" ]; then
				[ "$_rt_kind" = A ] && _rt_skip=1
				[ -n "$_rt_noalice" ] && printf '%s\n' "$_rt_cmd" | grep -q '\<alice\>' &&
					_rt_skip=1
			fi
			if [ -n "$_rt_skip" ]; then
				[ "$_rt_kind" = A ] && _rt_p='alice$' || _rt_p='$'
				echo "NOT RUN $_rt_at: $_rt_p $_rt_cmd ($_rt_nouser)"
				_rt_notrun=$((_rt_notrun + 1)) _rt_noalice=1
			else
				_rt_run
				_rt_check
			fi
			_rt_cmd= ;;
		esac
	done
}

extract_readme "$README" >"$_rt_T/readme.cmds"
grep -q '^\$ ' "$_rt_T/readme.cmds" || { echo "FAIL readme: no commands found in $README"; exit 1; }
(cd "$_rt_T/home" && _rt_doc <"$_rt_T/readme.cmds"
 [ $_rt_fail = 0 ] && echo "readme: $_rt_count commands of $README ran as written${_rt_noalice:+ ($_rt_notrun NOT RUN)}"
 exit $_rt_fail) || _rt_fail=1

# redress(1): its own book, named by REDRESS_BOOK, today 2026-11-20
mkdir "$_rt_T/man" || exit 1
cat >"$_rt_T/man/complaints.csv" <<'EOF'
kind,received,acknowledged,stage1_response,closed,team,child_name,complainant_name,summary
complaint,14/07/2025,16/07/2025,25/07/2025,28/07/2025,North CIN,Ada Example,Ben Example,Visits missed
complaint,2025-09-01,2025-09-02,,,Fostering,Cai Example,Dee Example,Placement move
EOF
extract_man "$MANPAGE" >"$_rt_T/man.cmds"
grep -q '^\$ ' "$_rt_T/man.cmds" || { echo "FAIL readme: no EXAMPLES found in $MANPAGE"; exit 1; }
(cd "$_rt_T/man" && export REDRESS_BOOK="$_rt_T/man/book" REDRESS_TODAY=2026-11-20 &&
 redress init --authority essex >/dev/null && _rt_count=0 &&
 _rt_doc <"$_rt_T/man.cmds"
 [ $_rt_fail = 0 ] && echo "readme: $_rt_count commands of $MANPAGE EXAMPLES ran as written"
 exit $_rt_fail) || _rt_fail=1

# one list of the commands: the table behind `redress --help`
"$REDRESS" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' | sort >"$_rt_T/help.names"
awk '/^Commands[:,]/ { on = 1 } on && /^$/ { exit } on' "$README" | grep -o '`[a-z]*`' | tr -d '`' |
	sort -u >"$_rt_T/readme.names"
if [ ! -s "$_rt_T/help.names" ] || ! cmp -s "$_rt_T/help.names" "$_rt_T/readme.names"; then
	echo "FAIL $README: the \"Commands:\" list is not the commands of redress --help"
	diff -u "$_rt_T/help.names" "$_rt_T/readme.names" | sed -n '3,$s/^/  /p'
	_rt_fail=1
fi
exit $_rt_fail
