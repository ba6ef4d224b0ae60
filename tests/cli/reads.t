# Reads on record: identity or narrative shown is an entry in the audit
# chain (action read) saying who, when, which case or person and through
# what, once per record and purpose in a command; pseudonyms record
# nothing; `audit --reads` lists them, narrowed by case, person, user and
# date; `audit` alone lists the changes as before; verify counts them.
# (Under valgrind the second case's set-up and the second of two filters
# of one kind run as redress_unwrapped: see run.sh.)
$ mkdir $RDT/reads-t && printf 'pass phrase 1\n' > $RDT/reads-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/reads-t/pass REDRESS_BOOK=$RDT/reads-t/b' 'u() { sed -E "s/$(id -un)/USER/g; s/[0-9-]{10}T[0-9:]{8}Z/TIME/; s/  [0-9a-f]{12}$//; s/ +$//"; }' > $RDT/reads-t/env && . $RDT/reads-t/env && redress init --authority essex >/dev/null && echo ok
ok
$ . $RDT/reads-t/env; redress case add --received 2026-11-02 --child-name 'Alder Quince' --summary 'Visits cut' && redress_unwrapped case add --received 2026-11-03 --child-name 'Birch Rowan'
CSC-2026-0001
CSC-2026-0002

# pseudonyms: nothing recorded
$ . $RDT/reads-t/env; redress case show CSC-2026-0001 | grep -c Quince; redress person show 1 | grep -c Quince; redress audit --reads | wc -l
0
0
0
? 0

# names shown: one entry each, through what
$ . $RDT/reads-t/env; redress case show CSC-2026-0001 --names | grep '^child'; redress person show 2 --names | awk '{ print $1, $2, $3 }'; redress person find --name 'alder quince' | awk '{ print $1, $2, $3 }'
child        Alder Quince (child)
2 Birch Rowan
1 Alder Quince
$ . $RDT/reads-t/env; redress audit --reads | awk '{ $2 = ""; $NF = ""; print }' | u | sed 's/  / /'
4 USER read CSC-2026-0001 via=case show
5 USER read person 2 via=person show
6 USER read person 1 via=person find

# the changes alone, as before; verify counts every entry
$ . $RDT/reads-t/env; redress audit | awk '{ print $4 }' | paste -sd ' '
init case.add case.add
$ . $RDT/reads-t/env; redress verify | head -1
verified: store readable, 6 audit entries chained and signed

# narrowed: by case, by person (their record and their cases), by user, by date
$ . $RDT/reads-t/env; redress audit --reads --case CSC-2026-0001 | awk '{ print $1 }'
4
$ . $RDT/reads-t/env; redress audit --reads --person 1 | awk '{ print $1 }' | paste -sd ' '
4 6
$ . $RDT/reads-t/env; redress audit --reads --user nobody | wc -l; redress_unwrapped audit --reads --user "$(id -un)" | wc -l
0
3
$ . $RDT/reads-t/env; redress audit --reads --since 2099-01-01 | wc -l; redress_unwrapped audit --reads --since 2000-01-01 | wc -l
0
3

# bad input
$ . $RDT/reads-t/env; redress audit --case CSC-2026-0001
! redress: audit: --case, --person, --user and --since go with --reads
? 2
$ . $RDT/reads-t/env; redress audit --reads --since tomorrow
! redress: audit: --since: bad date "tomorrow": expected YYYY-MM-DD
? 2
$ . $RDT/reads-t/env; redress audit --reads --person none
! redress: audit: --person: "none" is not a whole number
? 2

# read-only (-R): the book cannot take the entry; the system log does
$ . $RDT/reads-t/env; redress -R case show CSC-2026-0002 --names | grep '^child'; redress audit --reads | wc -l
child        Birch Rowan (child)
3
