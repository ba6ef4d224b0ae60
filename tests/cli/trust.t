# The bad-input contract where identity is typed: a bad or impossible date
# of birth is exit 2 with the reason and nothing written; a date of birth
# never dropped for want of its person; a fourth panel member refused, not
# dropped; invisible look-alike characters refused in names; identity
# exported into a file leaves it private whatever the umask.
$ mkdir $RDT/trust-t && printf 'pass phrase 1\n' > $RDT/trust-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/trust-t/pass REDRESS_BOOK=$RDT/trust-t/b' > $RDT/trust-t/env && . $RDT/trust-t/env && redress init --authority essex >/dev/null && echo ok
ok

$ . $RDT/trust-t/env; redress case add --received 2026-11-02 --child-name 'Alder Quince' --child-dob 2015-13-01
! redress: date of birth: bad date "2015-13-01": month 13 does not exist
? 2

$ . $RDT/trust-t/env; redress case add --received 2026-11-02 --child-name 'Alder Quince' --complainant-dob 2015-12-01
! redress: --complainant-dob needs --complainant-name
? 2

$ . $RDT/trust-t/env; redress case add --received 2026-11-02 --child-name 'Alder Quince' --child-dob 1800-01-01
! redress: date of birth 1800-01-01 is before 1900
? 2

$ . $RDT/trust-t/env; redress person add --name 'Birch Quince' --dob 1899-12-31
! redress: date of birth 1899-12-31 is before 1900
? 2

# nothing was written by any of them
$ . $RDT/trust-t/env; redress case list | wc -l; redress person list | wc -l
0
0

$ . $RDT/trust-t/env; redress case add --received 2026-11-02 --child-name 'Alder Quince' --child-dob 1900-01-01
CSC-2026-0001

$ . $RDT/trust-t/env; redress case assign CSC-2026-0001 --panel ann,bob,cat,dan
! redress: case assign: --panel needs three people, A,B,C
? 2

# a Hangul filler (U+3164) after a name looks like nothing and makes another name
$ . $RDT/trust-t/env; redress case add --received 2026-11-02 --child-name "$(printf 'Zo\303\253\343\205\244')"
! redress: the child's name contains a control or invisible character (U+3164)
? 2

$ . $RDT/trust-t/env; redress person add --name "$(printf 'Zo\315\217e')"
! redress: the name contains a control or invisible character (U+034F)
? 2

$ . $RDT/trust-t/env; umask 022; redress export --format csv --names > $RDT/trust-t/all.csv && stat -c %a $RDT/trust-t/all.csv
600

# identity kept off the command line (ps, shell history): "-" reads a sealed
# value from standard input, "@FILE" from a file; "@@" starts a value with @
$ . $RDT/trust-t/env; printf 'Zoë Example\n' | redress case add --received 2026-11-02 --child-name - --child-dob 2014-03-02 && printf 'Met Siân\nat home\n' > $RDT/trust-t/sum && redress case add --received 2026-11-03 --child-name=@@home --summary @$RDT/trust-t/sum
CSC-2026-0002
CSC-2026-0003

$ . $RDT/trust-t/env; redress case show CSC-2026-0002 --names | grep '^child'; redress case show CSC-2026-0003 --names | grep -E '^(child|summary)'
child        Zoë Example, born 2014-03-02 (child)
summary      Met Siân\nat home
child        @home (child)

$ . $RDT/trust-t/env; redress case add --received 2026-11-02 --child-name - --complainant-name - </dev/null
! redress: --complainant-name: only one option a call can read standard input
? 2

$ . $RDT/trust-t/env; redress case add --received 2026-11-02 --child-name @$RDT/trust-t/absent 2>&1 | sed "s#$RDT#RDT#"
redress: --child-name: RDT/trust-t/absent: No such file or directory
