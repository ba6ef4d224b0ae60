#!/bin/sh
# Screen tests of finding and seeing: / searches every name on a case
# (children, complainants, representatives) whatever its case and marks,
# closed cases too; t picks a team from the book's; the terminal cursor sits
# on the focused row of every screen, which is also marked ">", for screen
# readers and braille displays; ? works on every screen.
#
#   REDRESS=./redress sh tests/tui/screen-ergo.sh
. "$(dirname "$0")/lib.sh"
SCREEN_NAME=screen-ergo

book=$tmp/book
"$REDRESS" demo "$book" --cases 0 >/dev/null || { echo "FAIL: demo"; exit 1; }
printf 'demo passphrase\n' >"$tmp/pass"
P="REDRESS_PASSPHRASE_FILE=$tmp/pass"
rd() { REDRESS_PASSPHRASE_FILE=$tmp/pass "$REDRESS" -d "$book" "$@"; }

# an empty book says how to add a case
launch "$book" "$P"
expect "no cases in this book: N adds one" "an empty book: N adds a case"
# too small a window says how big it must be
t resize-window -t "$S" -x 50 -y 20 2>/dev/null
expect "window too small: at least 60x16" "too small: the minimum size"
t resize-window -t "$S" -x 80 -y 24 2>/dev/null
expect "REFERENCE" "back to 80x24"
keys q

# CSC-2024-0001, closed: a representative with a letter of no decomposition
a=$(rd case add --received 2024-03-04 --child-name "Ama Mensah" --team "North CIN" \
	--summary "Old.") && rd case party "$a" --complainant --name "Karen Ørsted" \
	--role advocate >/dev/null && rd case close "$a" --date 2024-04-01 >/dev/null ||
	{ echo "FAIL: case $a"; exit 1; }
# CSC-2026-0001, open: a complainant with marks on her names
b=$(rd case add --received 2026-11-02 --child-name "Zoë Adeyemi" --team "South CIN" \
	--complainant-name "Nguyễn Thị Hoa" --summary "New.") || { echo "FAIL: case add"; exit 1; }
# CSC-2024-0002 and CSC-2026-0002, both closed, the older sorted first
c=$(rd case add --received 2024-05-01 --child-name "Tom Price" --team "North CIN" --summary x) &&
	rd case close "$c" --date 2024-05-02 >/dev/null || { echo "FAIL: case $c"; exit 1; }
d=$(rd case add --received 2026-11-10 --child-name "Una Price" --team "North CIN" --summary x) &&
	rd case close "$d" --date 2026-11-12 >/dev/null || { echo "FAIL: case $d"; exit 1; }
[ "$a $b $c $d" = "CSC-2024-0001 CSC-2026-0001 CSC-2024-0002 CSC-2026-0002" ] ||
	{ echo "FAIL: references $a $b $c $d"; exit 1; }

# cursor Y: the terminal cursor is at column 0 of row Y
cursor() {
	count=$((count + 1))
	i=0
	while [ $i -lt 30 ]; do
		got=$(t display -p -t "$S" '#{cursor_x},#{cursor_y}')
		[ "$got" = "0,$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	failed "$2: the cursor at $got, wanted 0,$1"
}
# marked WHAT: the row the cursor is on starts with the marker ">"
marked() {
	count=$((count + 1))
	y=$(t display -p -t "$S" '#{cursor_y}')
	screen | sed -n "$((y + 1))p" | grep -q '^>' || { failed "$1: no > on row $y"; screen | sed 's/^/  | /'; }
}
search() {
	keys / C-u && text "$1" && keys Enter
}

# --- finding ------------------------------------------------------------------------
launch "$book" "$P"
expect "REFERENCE" "the list"
expect "1/1 shown (1 open in the book)" "the title says what it counts"
cursor 2 "list: the selected row"
marked "list: the selected row"
search hoa
expect "matching \"hoa\" | 1/1 shown" "hoa finds the complainant Nguyễn Thị Hoa"
expect "Zoë Adeyemi" "her case, by its child"
search nguyen
expect "matching \"nguyen\" | 1/1 shown" "nguyen finds Nguyễn"
search zoe
expect "matching \"zoe\" | 1/1 shown" "zoe finds Zoë"
search orsted
expect "matching \"orsted\" | 1/1 shown" "orsted finds the representative Karen Ørsted"
expect "open and closed cases, matching" "closed cases searched, and said so"
expect "Ama Mensah" "her closed case"
search 0002
expect "matching \"0002\" | 2/2 shown" "0002: the newest of two references selected"
keys Enter
expect "CSC-2026-0002  complaint" "Enter opens CSC-2026-0002, not CSC-2024-0002"
keys q
search csc-2024-0002
expect "matching \"csc-2024-0002\" | 1/1 shown" "an exact reference, in any case"
search "north"
expect "/3 shown (4 in the book" "a team's name: its three cases"
search ""
expect "open cases | 1/1 shown" "/ with nothing: open cases again"

# --- the team picked from the book's teams ------------------------------------------
keys a t
expect "South CIN            1 open case" "t: the teams with their open cases"
expect "North CIN            0 open cases" "t: a team with only closed cases"
text "nor" && keys Enter
expect "all cases, team \"North CIN\" | 1/3 shown" "t: North CIN picked by part of its name"
keys t && text "any" && keys Enter
expect "all cases | 2/4 shown (4 in the book)" "t: any team"
keys a

# --- the cursor and ? on every screen -----------------------------------------------
keys Enter
expect "timeline" "the case view"
cursor 1 "case view: its first row"
keys '?'
expect "Keys, and the names of their actions" "?: help from the case view"
expect "Case view" "the case view's keys"
cursor 1 "help: its first row"
keys q
expect "timeline" "back to the case"
keys w
expect "Steps CSC-2026-0001 may take today" "w: the steps menu"
keys Down
cursor_menu=1
marked "menu: the item chosen"
keys Escape
keys q
expect "REFERENCE" "the list again"
keys c
expect "calendar" "c: the calendar"
count=$((count + 1))
sleep 0.3
got=$(t display -p -t "$S" '#{cursor_x},#{cursor_y}')
case $got in 0,0 | *,22 | *,23) failed "calendar: the cursor parked at $got, not on a day" ;; esac
expect "to do only (e: all)" "calendar: the council's work to do, said on the title line"
keys e
expect "met and windows too (e)" "e: met deadlines and the complainant's windows too"
keys e
expect "to do only (e: all)" "e again: the work to do"
keys '?'
expect "Keys, and the names of their actions" "?: help from the calendar"
expect "calendar-everything" "the calendar's keys in help"
absent "does nothing here" "? is a key of the calendar"
keys q q
expect "REFERENCE" "back to the list"
keys R
expect "Complaints" "R: the report"
cursor 1 "report: its first row"
keys '?'
expect "Keys, and the names of their actions" "?: help from the report"
absent "does nothing here" "? is a key of the report"
keys q q q

# --- a message longer than its row is shown whole -----------------------------------
n=0
while [ $n -lt 33 ]; do
	rd person add --name "Ann Leigh $n" >/dev/null || { echo "FAIL: person add"; exit 1; }
	n=$((n + 1))
done
launch "$book" "$P"
expect "REFERENCE" "the list"
search "ann leigh"
expect "33 people match" "people found by name but party to no case: said so"
count=$((count + 1))
screen | grep -qx "or closed" || failed "the message whole, its end on the bottom row"

# --- the notes of the timeline, for those who hold the key ---------------------------
rd case note "$c" --text "$(printf 'Spoke to the h\303\251adteacher at Brookside.')" >/dev/null ||
	{ echo "FAIL: case note"; exit 1; }
keys q
launch "$book" "$P"
expect "REFERENCE" "the list"
search "headteacher"
expect "matching \"headteacher\" | 1/1" "/ finds a word of a note, whatever its marks"
expect "$c" "the case with the note"
keys q
# without the key, notes are not searched (nor shown)
launch "$book"
expect "Passphrase" "the unlock screen"
keys Escape
expect "REFERENCE" "browsing without names"
search "headteacher"
expect "matching \"headteacher\" | 0/" "without the key a note is not searched"
keys q

# --- --mono and --ascii, here from the configuration ----------------------------------
# colour: an SGR foreground code in the capture with its escapes
coloured() { t capture-pane -e -p -t "$S" | grep -q "$(printf '\033')\[\(.*;\)\?3[1-7]"; }
# drawn: a character outside ASCII in the capture
unicode() { screen | LC_ALL=C grep -q '[^ -~]'; }
launch "$book" "$P"
expect "Acknowledge" "the list, with an overdue deadline"
count=$((count + 1))
coloured || failed "by default the overdue deadline is in colour"
keys R
expect "Complaints" "R: the report"
count=$((count + 1))
unicode || failed "by default the report's bars are drawn with blocks"
keys q q
printf 'ascii = yes\ncolour = no\n' >"$tmp/conf"
launch "$book" "$P" "REDRESS_CONF=$tmp/conf"
expect "Acknowledge" "the list, with an overdue deadline"
count=$((count + 1))
coloured && failed "colour = no (--mono): no colour"
keys R
expect "Complaints" "R: the report"
count=$((count + 1))
unicode && { failed "ascii = yes (--ascii): ASCII only"; screen | sed 's/^/  | /'; }
keys q q

screen_done
