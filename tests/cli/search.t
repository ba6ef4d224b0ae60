# redress case list --search: what the client's / finds, through the book's
# search index (keyed hashes of the words of names and notes, and of the
# starts of name words; no plaintext): names by words and their starts
# whatever their marks, notes by whole words, closed cases, a rekey, an
# erasure under the retention rule, and nothing readable in data.mdb.
#
# Today is 2027-06-30.  CSC-2020-0001 closed 2020-03-16 is due for erasure
# (six years after closure); the others are kept.
#
# Under valgrind (make check) a search of each kind (a name, marks, a start,
# two words, a reference, a team, a note, nothing) runs wrapped once; other
# words of the same kind (lu) and the second and third cases' set-up run as
# redress_unwrapped (see run.sh); plain and ASan/UBSan runs run every one.

$ rm -rf $RDT/srch && mkdir $RDT/srch && printf 'pass phrase 1\n' > $RDT/srch/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/srch/pass REDRESS_BOOK=$RDT/srch/b' 'l() { redress case list --search "$1" | cut -c1-13; }' 'lu() { redress_unwrapped case list --search "$1" | cut -c1-13; }' > $RDT/srch/env
$ . $RDT/srch/env; redress init --authority essex >/dev/null && echo ok
ok

# --- the fixture ------------------------------------------------------------
$ . $RDT/srch/env; redress case add --received 2020-03-02 --child-name 'Ama Mensah' --team 'North CIN' && redress case party CSC-2020-0001 --complainant --name 'Karen Ørsted' --role advocate && redress case close CSC-2020-0001 --date 2020-03-16
CSC-2020-0001
$ . $RDT/srch/env; redress_unwrapped case add --received 2027-06-11 --child-name 'Zoë Adeyemi' --complainant-name 'Nguyễn Thị Hoa' --team 'South CIN'
CSC-2027-0001
$ . $RDT/srch/env; redress_unwrapped case add --received 2027-06-14 --child-name 'Łukasz Wiśniewska' && redress case note CSC-2027-0002 --text 'Spoke to the héadteacher at Brookside.'
CSC-2027-0002

# --- names: every word, each whole or its start, whatever the marks ------------
$ . $RDT/srch/env; l hoa
CSC-2027-0001
$ . $RDT/srch/env; lu nguyen
CSC-2027-0001
$ . $RDT/srch/env; lu 'ZOE adeyemi'
CSC-2027-0001
$ . $RDT/srch/env; l 'adeyemi zoë'
CSC-2027-0001
$ . $RDT/srch/env; l 'zoe hoa'
$ . $RDT/srch/env; l wis
CSC-2027-0002
$ . $RDT/srch/env; lu wisniewsk
CSC-2027-0002
# a word of two letters is found whole only; the middle of a word is not a start
$ . $RDT/srch/env; l lu
$ . $RDT/srch/env; lu niewska
# closed cases too
$ . $RDT/srch/env; lu orsted
CSC-2020-0001
# reference and team, as before
$ . $RDT/srch/env; l 0002
CSC-2027-0002
$ . $RDT/srch/env; l 'north cin'
CSC-2020-0001
# a person's pseudonym typed whole: person 4 is Nguyễn Thị Hoa
$ . $RDT/srch/env; l p-0004
CSC-2027-0001
# a child's, as lists show it without the key: person 3, Zoë, is a child; 4 is not
$ . $RDT/srch/env; l 'Child C-0003' && lu c-0004
CSC-2027-0001

# --- notes: every word, whole -----------------------------------------------------
$ . $RDT/srch/env; l headteacher
CSC-2027-0002
$ . $RDT/srch/env; lu 'brookside headteacher'
CSC-2027-0002
$ . $RDT/srch/env; lu head
$ . $RDT/srch/env; redress case list --search '  '
! redress: case list: --search needs some text
? 2

# --- no plaintext in the file: the words are keyed hashes ------------------------
# (names and notes as typed and as folded; every word of five letters or
# more: three letters, "zoe", turned up by chance in the sealed bytes of one
# run (twice over, as LMDB keeps a page's old copy beside the new);
# Zoë is looked for through her surname, and folded "nguyen" stands for
# the folded words)
$ . $RDT/srch/env; strings -n 4 $RDT/srch/b/data.mdb | grep -ciE 'adeyemi|wisniewsk|wiśniewsk|headteacher|brookside|ukasz|nguyen|orsted'
0
? 1

# --- a name changed: its old words go ---------------------------------------------
$ . $RDT/srch/env; redress person edit 5 --rev 1 --name 'Lukas Wisniewski' >/dev/null && l wisniewska && lu 'lukas wisniewski'
CSC-2027-0002

# --- a rekey hashes every word anew: the search still finds them -----------------
$ . $RDT/srch/env; redress rekey >/dev/null && l hoa && lu headteacher && lu orsted
CSC-2027-0001
CSC-2027-0002
CSC-2020-0001
$ . $RDT/srch/env; redress verify >/dev/null && echo verified
verified

# --- erased under the retention rule: its people's and notes' words go -----------
$ . $RDT/srch/env; redress retention --apply >/dev/null && l orsted && lu mensah && lu 'north cin'
CSC-2020-0001
