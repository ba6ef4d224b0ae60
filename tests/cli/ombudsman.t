# redress case ombudsman-outcome --remedied-before, case ombudsman-rec and
# case done: what the Ombudsman decided about the council's own remedy and
# its recommendations, with their due dates and when each was complied with;
# and the annual report's figures for them.  Today is 2027-06-30; the
# financial year 2026/27 runs 2026-04-01 to 2027-03-31.
#
# Five cases go to the Ombudsman (decision 2026-10-01, remedied before), each
# with three recommendations: #1 due 2026-11-01 complied with 2026-10-20 (on
# time), #2 due 2026-11-01 complied with 2026-11-15 (late), #3 due 2026-12-01
# never complied with (outstanding on 2027-03-31).  A sixth decision says
# "not remedied"; a seventh says nothing.
# (Under valgrind the decision is looked at wrapped once, then by
# redress_unwrapped: see run.sh.)

$ rm -rf $RDT/omb-t && mkdir $RDT/omb-t && printf 'pass phrase 1\n' > $RDT/omb-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/omb-t/pass REDRESS_BOOK=$RDT/omb-t/book' 'rc() { redress_unwrapped case "$@"; }' 'omb() { r=$(rc add --received 2026-06-01 --child-name Kid --owner boss) && rc respond $r --date 2026-06-12 && rc escalate $r --date 2026-07-20 && rc refuse $r --date 2026-07-21 --reason late-request --ombudsman-told && rc ombudsman $r --date 2026-08-03 && echo $r; }' > $RDT/omb-t/env && . $RDT/omb-t/env && redress init --authority statutory >/dev/null && echo ok
ok

# --- the decision, remedied before or not
$ . $RDT/omb-t/env; r=$(omb) && redress case ombudsman-outcome $r --date 2026-10-01 --finding upheld --remedied-before yes && redress case show $r | grep -o "Ombudsman's decision.*"
Ombudsman's decision received, upheld: fault causing injustice, remedied by the council before
$ . $RDT/omb-t/env; r=$(omb) && redress case ombudsman-outcome $r --date 2026-10-01 --remedied-before no && redress_unwrapped case show $r | grep -o "Ombudsman's decision.*"
Ombudsman's decision received, not remedied before
$ . $RDT/omb-t/env; r=$(omb) && redress case ombudsman-outcome $r --date 2026-10-01 && redress_unwrapped case show $r | grep -o "Ombudsman's decision.*"
Ombudsman's decision received

# refused, the case unchanged: a word other than yes or no; the question on
# any other step
$ . $RDT/omb-t/env; r=$(omb) && was=$(rc show $r) && redress case ombudsman-outcome $r --date 2026-10-01 --remedied-before maybe; echo "exit $?"; [ "$was" = "$(rc show $r)" ] && echo unchanged
exit 2
unchanged
! redress: case ombudsman-outcome: --remedied-before is yes or no
$ . $RDT/omb-t/env; r=$(rc add --received 2026-06-01 --child-name Kid) && was=$(rc show $r) && redress case respond $r --date 2026-06-12 --remedied-before yes; echo "exit $?"; [ "$was" = "$(rc show $r)" ] && echo unchanged
exit 2
unchanged
! redress: case respond: --remedied-before is for ombudsman-outcome

# --- the Ombudsman's recommendations: only after its decision; the case's
# owner carries them out unless --owner says; `done` records compliance
$ . $RDT/omb-t/env; r=$(omb) && redress case ombudsman-rec $r --text 'Apologise' --due 2026-11-01; echo "exit $?"
exit 2
! redress: CSC-2026-0006 has no Ombudsman's decision recorded
$ . $RDT/omb-t/env; r=CSC-2026-0001; redress case ombudsman-rec $r --text 'Apologise' --due 2026-11-01 && redress case ombudsman-rec $r --text 'Pay 300 pounds' --due 2026-11-01 --owner finance && redress case done $r --rec 1 --date 2026-10-20 && redress case show $r --names | grep "^recommend"
1
2
recommend    1. (Ombudsman, boss, due 2026-11-01, done 2026-10-20) Apologise
recommend    2. (Ombudsman, finance, due 2026-11-01, open) Pay 300 pounds
$ . $RDT/omb-t/env; redress case ombudsman-rec CSC-2026-0001 --due 2026-11-01; echo "exit $?"
exit 2
! redress: case ombudsman-rec: --text and --due are required

# --- the annual report: five more decisions remedied before, each with one
# recommendation complied with on time, one late and one outstanding; with
# CSC-2026-0001 (remedied, one on time, one open): 6 remedied, 6 on time,
# 5 late, 6 outstanding.  The council's own recommendations count none of them.
$ . $RDT/omb-t/env; for i in 1 2 3 4 5; do r=$(omb) && rc ombudsman-outcome $r --date 2026-10-01 --finding upheld --remedied-before yes && rc ombudsman-rec $r --text 'Apologise' --due 2026-11-01 >/dev/null && rc ombudsman-rec $r --text 'Review the plan' --due 2026-11-01 >/dev/null && rc ombudsman-rec $r --text 'Train staff' --due 2026-12-01 >/dev/null && rc done $r --rec 1 --date 2026-10-20 && rc done $r --rec 2 --date 2026-11-15 || echo FAIL; done
$ . $RDT/omb-t/env; redress report annual --year 2026 --format csv | grep -e "^ombudsman-remedies," -e "Recommendations completed" | tr -d "\r"
ombudsman-remedies,The Ombudsman's decisions: remedies,Decisions finding it remedied by the council before,Number,6
ombudsman-remedies,The Ombudsman's decisions: remedies,Recommendations complied with on time,Number,6
ombudsman-remedies,The Ombudsman's decisions: remedies,Recommendations complied with late,Number,5
ombudsman-remedies,The Ombudsman's decisions: remedies,Recommendations outstanding on 2027-03-31,Number,6
other,"The Ombudsman, compliments and recommendations",Recommendations completed,Number,0
