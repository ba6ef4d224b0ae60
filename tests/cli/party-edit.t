# case party-edit: what the case records of a person on it (role,
# eligibility, consent, kept informed, views) changed, the rest left;
# audited with the fields, never the values; a child stays a child; bad
# input one line, exit 2, nothing written.
# (Under valgrind the case is looked at wrapped once, then by
# redress_unwrapped: see run.sh.)
$ mkdir $RDT/pe-t && printf 'pass phrase 1\n' > $RDT/pe-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/pe-t/pass REDRESS_BOOK=$RDT/pe-t/b' > $RDT/pe-t/env && . $RDT/pe-t/env && redress init --authority essex >/dev/null && redress case add --received 2026-11-18 --child-name 'Ada Party' --complainant-name 'Sam Party'
CSC-2026-0001

$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 2 --role relative --consent --informed --views 'Wants weekly contact.' && redress case show CSC-2026-0001 --names | grep -A1 '^complainant'
complainant  Sam Party (relative; consents to a representative; representative kept informed)
  views      Wants weekly contact.
$ . $RDT/pe-t/env; redress audit | grep 'party 2' | awk '{ print $4, $5, $6, $7 }'
case.change CSC-2026-0001 party 2:role,consent,informed,views
# one field changed alone leaves the others; "" clears the views
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 2 --no-informed --views '' && redress_unwrapped case show CSC-2026-0001 --names | grep -e '^complainant' -e 'views'
complainant  Sam Party (relative; consents to a representative)
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 1 --ineligible && redress_unwrapped case show CSC-2026-0001 --names | grep '^child'
child        Ada Party (child; not eligible)
# the views never reach the disk in plain text
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 1 --views 'Misses her brother.' && grep -c 'Misses her' $RDT/pe-t/b/data.mdb
0
? 1

# --- refusals: one line, exit 2, nothing written ------------------------------
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 1 --role parent
! redress: a child's role is child
? 2
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 2 --role child
! redress: a complainant is not given the child's role (add the child as a child)
? 2
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 3 --consent
! redress: CSC-2026-0001 has no person 3 (it has 2)
? 2
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 2 --consent --no-consent
! redress: case party-edit: --consent or --no-consent, not both
? 2
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 2
! redress: nothing to change (role, eligible, consent, informed, views)
? 2
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --party 2 --role grandparent
! redress: case party-edit: unknown --role "grandparent"
? 2
$ . $RDT/pe-t/env; redress case party-edit CSC-2026-0001 --consent
! redress: case party-edit: --party N is required (the Nth person case show lists)
? 2
$ . $RDT/pe-t/env; redress audit | grep -c 'party '
4
