#!/bin/sh
# Screen tests of the configuration files: a key bound in the person's file
# works, and ? and the hints on the bottom line say so; a bad line is told
# as FILE:LINE with the reason and the client starts without it; the idle
# lock is never longer than the site's maximum.
#
#   REDRESS=./redress sh tests/tui/screen-config.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-config

book=$tmp/book
"$REDRESS" demo "$book" --cases 3 >/dev/null 2>"$tmp/demo.err" || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
mine=$XDG_CONFIG_HOME/redress/config
mkdir -p "$XDG_CONFIG_HOME/redress"
site=$tmp/site.conf
: >"$site"
C="REDRESS_CONF=$site"

# quit moved from q to Q and the calendar from c to x on the list; q and c
# do nothing there now
cat >"$mine" <<'CONF'
# mine
bind list Q quit
bind list q none
bind list x calendar
bind list c none
CONF
launch "$book" "$P" "$C"
expect "REFERENCE" "the list, with a configuration"
expect " Q:quit " "the hints name the key bound"
absent " q:quit " "the hints no longer name the key unbound"
keys c
expect "c does nothing here" "an unbound key does nothing"
keys q
expect "q does nothing here" "q does nothing either"
# (tall enough for the whole of the list's keys)
t resize-window -t "$S" -x 80 -y 50 2>/dev/null
keys '?'
expect "Keys, and the names" "help"
count=$((count + 1))
screen | grep -Eq '^  x +calendar +the deadline calendar' ||
	{ failed "? says x opens the calendar"; screen | sed 's/^/  | /'; }
count=$((count + 1))
screen | grep -Eq '^  Q +quit +leave redress' ||
	{ failed "? says Q quits"; screen | sed 's/^/  | /'; }
count=$((count + 1))
screen | grep -Eq '^  (c +calendar|q +quit) ' && failed "? no longer says c or q"
keys q
t resize-window -t "$S" -x 80 -y 24 2>/dev/null
expect "REFERENCE" "back from help: q there is still back"
keys x
expect "calendar |" "x opens the calendar"
keys q
expect "REFERENCE" "back to the list"
keys Q
exited 0

# a bad line: FILE:LINE and why, on the message line and standard error;
# the good lines still count, the bad one is as if not there
cat >"$mine" <<'CONF'
bind list x calendar

bind list xx quit
set colour overdue purple
CONF
launch "$book" "$P" "$C"
expect "$mine:3: no key \"xx\"" "the bad line by file and number, on the message line"
expect "(and 1 more" "how many more bad lines"
keys x
expect "calendar |" "the good line still binds x"
keys q
expect "REFERENCE" "back to the list"
keys q
exited 0
said "$mine:3: no key \"xx\"" "the bad line on standard error"
said "$mine:4: no colour \"purple\"" "every bad line on standard error"

# a binding the site's file makes, and one of the person's own: both count
printf 'book = %s\nbind list Q quit\n' "$book" >"$site"
printf 'bind list S list-sort\n' >"$mine"
launch "$book" "$P" "$C"
expect "REFERENCE" "the list, with the site's binding"
expect " q:quit " "q still quits: the site's binding adds Q"
keys Q
exited 0 "Q, bound in the site's file, quits"

# colours: the status bar black on cyan by default, white on blue when set;
# set mono on: no colour at all; set ascii on: the report's bars in ASCII
sgr() { t capture-pane -e -p -t "$S" | grep -q "$(printf '\033')\[\([0-9;]*;\)\?$1[m;]"; }
: >"$mine"
launch "$book" "$P" "$C"
expect "REFERENCE" "the list, default colours"
count=$((count + 1))
sgr 46 && ! sgr 44 || failed "by default the status bar is on cyan"
keys Q
printf 'set colour bar white blue\n' >"$mine"
launch "$book" "$P" "$C"
expect "REFERENCE" "the list, the bar's colours set"
count=$((count + 1))
sgr 44 && ! sgr 46 || failed "set colour bar white blue: the status bar on blue"
keys Q
printf 'set colour bar white blue\nset mono on\nset ascii on\n' >"$mine"
launch "$book" "$P" "$C"
expect "REFERENCE" "the list, mono"
count=$((count + 1))
sgr '3[0-7]' || sgr '4[0-7]' && failed "set mono on: no colour"
keys R
expect "Complaints" "R: the report"
count=$((count + 1))
screen | LC_ALL=C grep -q '[^ -~]' && { failed "set ascii on: ASCII only"; screen | sed 's/^/  | /'; }
keys q Q

# the idle lock: the person asks for 30 minutes, the site allows 2 seconds
printf 'set idle-lock-max 2s\n' >"$site"
printf 'set idle-lock 30\n' >"$mine"
launch "$book" "$P" "$C"
expect "Locked after 2 seconds without a key." "the site's maximum is the idle lock"
said "$mine:1: idle-lock 30 minutes is above the site's maximum of 2 seconds, which" \
	"the idle lock asked for above the site's maximum is told"
keys C-c
# the person cannot turn it off either, nor set the maximum
printf 'set idle-lock 0\nset idle-lock-max 60\n' >"$mine"
launch "$book" "$P" "$C"
expect "Locked after 2 seconds without a key." "still the site's maximum"
said "$mine:1: idle-lock 0 (never) is not allowed here" "never is refused under a maximum"
said "$mine:2: idle-lock-max is the site's to set" "the maximum is the site's alone"
keys C-c

screen_done
