# case edit: the case's own details changed on the revision seen (another
# is refused, exit 3, nothing written), audited with the fields; the kind
# only while the receipt is all that is recorded.
$ mkdir $RDT/edit-t && printf 'pass phrase 1\n' > $RDT/edit-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/edit-t/pass REDRESS_BOOK=$RDT/edit-t/b' > $RDT/edit-t/env && . $RDT/edit-t/env && redress init --authority essex >/dev/null && redress case add --received 2026-11-18 --child-name 'Ed It' --team North
CSC-2026-0001

$ . $RDT/edit-t/env; redress case edit CSC-2026-0001 --team South --service Fostering --summary 'Contact stopped.' --channel phone --rev 1 && redress case show CSC-2026-0001 --names | grep -E '^(CSC|team|service|summary)'
CSC-2026-0001  complaint, received 2026-11-18 by phone; open, stage 1
team         South
service      Fostering
summary      Contact stopped.

$ . $RDT/edit-t/env; redress case edit CSC-2026-0001 --team West --rev 1
! redress: CSC-2026-0001 changed meanwhile (by root; now revision 2, not 1): nothing changed
? 3

$ . $RDT/edit-t/env; redress case edit CSC-2026-0001 --team South
! redress: nothing to change: CSC-2026-0001 is as given
? 2

$ . $RDT/edit-t/env; redress case edit CSC-2026-0001 --kind concern --rev 2 && redress case respond CSC-2026-0001 >/dev/null && redress case edit CSC-2026-0001 --kind complaint
! redress: CSC-2026-0001 has steps recorded as a concern: its kind can no longer change
? 2

$ . $RDT/edit-t/env; redress case edit CSC-2026-0001 --channel pigeon
! redress: case edit: unknown --channel "pigeon"
? 2

$ . $RDT/edit-t/env; redress audit | grep case.edit | sed 's/.*CSC-2026-0001 *//; s/  .*//'
channel,team,service,summary,rev 2
kind,rev 3
