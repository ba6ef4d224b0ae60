# redress person adjust: reasonable adjustments (Complaint Handling Code
# 5.6) per person, sealed like the name; the next review on the calendar of
# every open case the person is party to, labelled as no statutory
# deadline.  And the Ombudsman's recommendations on the calendar until
# complied with.
#
# Every command sources $RDT/adjust-t/env: today is 2027-06-30 (a
# Wednesday), the passphrase comes from a file with the test KDF, and
#   pa ARGS     redress person adjust ARGS
#
# Under valgrind (make check) each shape runs wrapped once: a second look at
# the same thing (pau, calu, a listing or the audit again) and the steps that
# set up the Ombudsman's case (wrapped in ombudsman.t) run as
# redress_unwrapped (see run.sh); plain and ASan/UBSan runs run every one.

$ rm -rf $RDT/adjust-t && mkdir $RDT/adjust-t && printf 'pass phrase 1\n' > $RDT/adjust-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/adjust-t/pass REDRESS_BOOK=$RDT/adjust-t/b REDRESS_CONF=$RDT/adjust-t/conf' 'pa() { redress person adjust "$@"; }' 'pau() { redress_unwrapped person adjust "$@"; }' 'cal() { redress calendar --from 2027-06-30 --days 60 --format tsv | grep -v -e stage1 -e acknowledge; }' 'calu() { redress_unwrapped calendar --from 2027-06-30 --days 60 --format tsv | grep -v -e stage1 -e acknowledge; }' > $RDT/adjust-t/env
$ . $RDT/adjust-t/env; redress init --authority statutory >/dev/null && redress case add --received 2027-06-21 --child-name 'Zoë Example' --complainant-name 'Sam Example' --owner alice
CSC-2027-0001

# --- nothing recorded yet --------------------------------------------------------
$ . $RDT/adjust-t/env; pa 2
no reasonable adjustments recorded

# --- wrong values: one line, exit 2, nothing changed -----------------------------
$ . $RDT/adjust-t/env; pa 0 --text 'Large print'
! redress: person adjust: ID: 0 is out of range (1 to 2147483647)
? 2
$ . $RDT/adjust-t/env; pau 2 --text 'Large print' --rev x
! redress: person adjust: --rev: "x" is not a whole number
? 2
$ . $RDT/adjust-t/env; pa 2 --review 2027-08-02
! redress: no adjustments are recorded for them: say first what was agreed
? 2
$ . $RDT/adjust-t/env; pa 2 --text 'Large print' --agreed 2027-07-01
! redress: person adjust: the day agreed 2027-07-01 is in the future (today is 2027-06-30)
? 2
$ . $RDT/adjust-t/env; pa 2 --text 'Large print' --agreed 2027-06-01 --review 2027-05-01
! redress: person adjust: the review date 2027-05-01 is not after the day agreed (2027-06-01)
? 2
$ . $RDT/adjust-t/env; pa 2 --text 'Large print' --review 2027-02-30
! redress: person adjust: the review date: bad date "2027-02-30": day 30 does not exist: February 2027 has 28 days
? 2
$ . $RDT/adjust-t/env; pa 2 --clear --text 'Large print'
! redress: person adjust: clearing the adjustments takes nothing else
? 2
$ . $RDT/adjust-t/env; pa 2 --text "$(printf 'Large print\033[2J')"
! redress: person adjust: what was agreed contains a control or invisible character (U+001B)
? 2
$ . $RDT/adjust-t/env; pa 2 --clear
! redress: no adjustments are recorded for them: nothing to clear
? 2
$ . $RDT/adjust-t/env; pau 2 && redress_unwrapped audit | grep -c person.adjust
no reasonable adjustments recorded
0
? 1

# --- recorded, then shown ----------------------------------------------------------
$ . $RDT/adjust-t/env; pa 2 --text "$(printf 'Letters in large print (16 pt)\nCalls before 11am, not letters')" --review 2027-07-14
$ . $RDT/adjust-t/env; pa 2
agreed:       Letters in large print (16 pt)
              Calls before 11am, not letters
on:           2027-06-30
reviewed:     not yet
next review:  2027-07-14
# one revision of the person, one audit entry naming the fields, not the values
$ . $RDT/adjust-t/env; redress audit | grep person.adjust | awk '{ print $4, $5, $6, $7 }'
person.adjust person 2 text,agreed,review
# sealed: nothing of what was agreed in the file
$ . $RDT/adjust-t/env; grep -c 'large print' $RDT/adjust-t/b/data.mdb
0
? 1
# on the case, under the person, for a key holder shown the names; not without
$ . $RDT/adjust-t/env; redress case show CSC-2027-0001 --names | grep adjusted
  adjusted   Letters in large print (16 pt); Calls before 11am, not letters (agreed 2027-06-30; next review 2027-07-14)
$ . $RDT/adjust-t/env; redress_unwrapped case show CSC-2027-0001 | grep -c adjusted
0
? 1

# --- the review on the calendar, no statutory deadline, without the key ------------
$ . $RDT/adjust-t/env; unset REDRESS_PASSPHRASE_FILE; redress calendar --from 2027-07-14 --days 1
Wednesday 14 July 2027
  CSC-2027-0001  review of reasonable adjustments (not a statutory deadline) item     10 left  alice                     Child C-0001
$ . $RDT/adjust-t/env; cal
2027-07-14	CSC-2027-0001	adjustment_review	review of reasonable adjustments (not a statutory deadline)	item	open	10	alice	
$ . $RDT/adjust-t/env; redress remind --days 10 --owner alice | grep adjust
  2027-07-14  CSC-2027-0001  review of reasonable adjustments (not a statutory deadline) 10 working days left                  Child C-0001
# the targets alone are no items
$ . $RDT/adjust-t/env; redress calendar --from 2027-07-14 --days 1 --format tsv --targets | grep -c adjustment
1
$ . $RDT/adjust-t/env; redress_unwrapped case add --received 2027-06-28 --child-name 'Ann Other' --owner bob >/dev/null && redress case party CSC-2027-0002 --complainant --person 2 && calu
2027-07-14	CSC-2027-0001	adjustment_review	review of reasonable adjustments (not a statutory deadline)	item	open	10	alice	
2027-07-14	CSC-2027-0002	adjustment_review	review of reasonable adjustments (not a statutory deadline)	item	open	10	bob	

# --- moved: on every case of the person at once, the old date gone ------------------
$ . $RDT/adjust-t/env; pa 2 --review 2027-08-02 && calu
2027-08-02	CSC-2027-0001	adjustment_review	review of reasonable adjustments (not a statutory deadline)	item	open	23	alice	
2027-08-02	CSC-2027-0002	adjustment_review	review of reasonable adjustments (not a statutory deadline)	item	open	23	bob	
# a step on one case writes its entries afresh: still one of each
$ . $RDT/adjust-t/env; redress case note CSC-2027-0002 --text 'spoke to Sam' --date 2027-06-30 >/dev/null; calu
2027-08-02	CSC-2027-0001	adjustment_review	review of reasonable adjustments (not a statutory deadline)	item	open	23	alice	
2027-08-02	CSC-2027-0002	adjustment_review	review of reasonable adjustments (not a statutory deadline)	item	open	23	bob	
# overdue once past, as a deadline is
$ . $RDT/adjust-t/env; REDRESS_TODAY=2027-08-04 redress calendar --overdue --format tsv | grep adjustment | cut -f1,2,6,7
2027-08-02	CSC-2027-0001	overdue	-2
2027-08-02	CSC-2027-0002	overdue	-2

# --- a review held: the next one, or none ---------------------------------------------
$ . $RDT/adjust-t/env; pa 2 --reviewed 2027-06-30 --review 2027-12-01 && pau 2 | tail -2 && calu | cut -f1,2
reviewed:     2027-06-30
next review:  2027-12-01
$ . $RDT/adjust-t/env; redress_unwrapped calendar --from 2027-12-01 --days 1 --format tsv | cut -f1,2,3
2027-12-01	CSC-2027-0001	adjustment_review
2027-12-01	CSC-2027-0002	adjustment_review
$ . $RDT/adjust-t/env; redress_unwrapped audit | grep person.adjust | tail -1 | awk '{ print $7 }'
reviewed,review

# --- kept across a rotation of the key; verify --sealed opens them -------------------
$ . $RDT/adjust-t/env; redress rekey >/dev/null && pau 2 | head -1 && redress verify --sealed | tail -1
agreed:       Letters in large print (16 pt)
verified: every sealed field of 5 cases and people opens with the book's keys
# every change of them covered by its audit entry
$ . $RDT/adjust-t/env; redress verify | tail -1
records: 8 match their last audit entry

# --- in the subject access export ------------------------------------------------------
$ . $RDT/adjust-t/env; redress export --person 2 | sed -n '/^adjustments/,/^next review/p'
adjustments  Letters in large print (16 pt)
             Calls before 11am, not letters
agreed on    2027-06-30
reviewed     2027-06-30
next review  2027-12-01

# --- a change of name keeps them ------------------------------------------------------
$ . $RDT/adjust-t/env; redress person edit 2 --rev 4 --name 'Sam Q Example' && pau 2 | tail -1
next review:  2027-12-01

# --- cleared: off every calendar ---------------------------------------------------------
$ . $RDT/adjust-t/env; pa 2 --clear && pau 2 && redress_unwrapped calendar --from 2027-12-01 --days 1 --format tsv | grep -c adjustment
no reasonable adjustments recorded
0
? 1
$ . $RDT/adjust-t/env; redress_unwrapped audit | grep person.adjust | tail -1 | awk '{ print $7 }'
cleared

# --- the Ombudsman's recommendations, until complied with -----------------------------
$ . $RDT/adjust-t/env; r=$(redress_unwrapped case add --received 2026-06-01 --child-name Kid --owner boss) && redress_unwrapped case respond $r --date 2026-06-12 && redress_unwrapped case escalate $r --date 2026-07-20 && redress_unwrapped case refuse $r --date 2026-07-21 --reason late-request --ombudsman-told && redress_unwrapped case ombudsman $r --date 2026-08-03 && redress_unwrapped case ombudsman-outcome $r --date 2027-06-01 --finding upheld && redress case ombudsman-rec $r --text 'Apologise' --due 2027-06-25 && redress case ombudsman-rec $r --text 'Pay 300 pounds' --due 2027-07-09 --owner finance && echo $r
1
2
CSC-2026-0001
# overdue shown as overdue; each under its owner (the case's when none)
$ . $RDT/adjust-t/env; redress_unwrapped calendar --overdue | grep Ombudsman
  CSC-2026-0001  Ombudsman's recommendation 1 due (not a statutory deadline) item     3 over   boss                      Child C-0004
$ . $RDT/adjust-t/env; redress_unwrapped calendar --format tsv | grep ombudsman_rec
2027-07-09	CSC-2026-0001	ombudsman_rec_2	Ombudsman's recommendation 2 due (not a statutory deadline)	item	open	7	finance	
$ . $RDT/adjust-t/env; redress_unwrapped remind --days 7 --owner finance
== finance: 0 overdue, 1 due within 7 working days
due
  2027-07-09  CSC-2026-0001  Ombudsman's recommendation 2 due (not a statutory deadline) 7 working days left                   Child C-0004
# complied with: off the calendar, and "met" with --all
$ . $RDT/adjust-t/env; redress case done CSC-2026-0001 --rec 1 --date 2027-06-30 && redress_unwrapped calendar --overdue | grep -c Ombudsman
0
? 1
$ . $RDT/adjust-t/env; redress calendar --from 2027-06-25 --days 1 --all --format tsv | grep ombudsman_rec | cut -f3,6
ombudsman_rec_1	met
