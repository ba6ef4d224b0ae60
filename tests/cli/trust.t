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
! redress: case assign: --panel needs three logins, A,B,C
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
