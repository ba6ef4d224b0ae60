# redress case correct: a timeline event moved to another date or voided,
# with a reason, by a manager or admin.  The correction is a new event that
# points at the old one; the old one stays, marked with who, when and why;
# the workflow is re-checked over the corrected history, the deadlines and
# the calendar follow, the audit names the correction.
#
# Every command sources $RDT/corr-t/env: today is 2027-06-30, the passphrase
# comes from a file with the test KDF, and
#   r ARGS        redress -d $RDT/corr-t/b ARGS
#   ru ARGS       the same by redress_unwrapped (see run.sh): the second
#                 fixture, and the case or calendar looked at after a change
#                 (valgrind sees those shapes wrapped in r above)
#   u             the login as USER, the time a correction was made as TIME
#   try ARGS      a correction to be refused: exit status, and "unchanged"
#                 when `case show` is the same after
# Received 4 May 2027 (3 May a bank holiday): Stage 1 due 18 May.

$ rm -rf $RDT/corr-t && mkdir $RDT/corr-t && printf 'pass phrase 1\n' > $RDT/corr-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/corr-t/pass' 'r() { redress -d $RDT/corr-t/b "$@"; }' 'ru() { redress_unwrapped -d $RDT/corr-t/b "$@"; }' 'u() { sed -E "s/$(id -un)/USER/g; s/on [0-9-]+ [0-9:]+/on TIME/; s/ +$//"; }' 'try() { _was=$(redress_unwrapped -d $RDT/corr-t/b case show "$2" --names 2>&1); r case "$@"; echo "exit $?, $([ "$_was" = "$(redress_unwrapped -d $RDT/corr-t/b case show "$2" --names 2>&1)" ] && echo unchanged || echo CHANGED)"; }' > $RDT/corr-t/env
$ . $RDT/corr-t/env; r init --authority statutory >/dev/null && r case add --received 2027-05-04 --child-name Ann && r case acknowledge CSC-2027-0001 --date 2027-05-05 && r case respond CSC-2027-0001 --date 2027-05-20 && r case escalate CSC-2027-0001 --date 2027-05-24
CSC-2027-0001

# case show numbers the timeline
$ . $RDT/corr-t/env; r case show CSC-2027-0001 | sed -n '/^timeline/,/^$/p' | u
timeline
  #1   2027-05-04  USER       complaint received
  #2   2027-05-05  USER       acknowledgement sent
  #3   2027-05-20  USER       Stage 1 response sent
  #4   2027-05-24  USER       Stage 2 requested
|
$ . $RDT/corr-t/env; ru case show CSC-2027-0001 | grep '^  stage1_response ' | cut -c1-70
  stage1_response        2027-05-18  target 2027-05-18  missed by 2   

# --- refused, exit 2, nothing changed -----------------------------------------
# the response moved after the Stage 2 request it allowed
$ . $RDT/corr-t/env; try correct CSC-2027-0001 3 --date 2027-05-25 --reason late
exit 2, unchanged
! redress: impossible history: cannot record Stage 2 requested on 2027-05-24: before the step it follows (2027-05-25)
$ . $RDT/corr-t/env; try correct CSC-2027-0001 3 --date 2027-05-01 --reason x
exit 2, unchanged
! redress: impossible history: Stage 1 response sent (2027-05-01) before the complaint was received (2027-05-04)
$ . $RDT/corr-t/env; try correct CSC-2027-0001 3 --date 2027-07-01 --reason x
exit 2, unchanged
! redress: impossible history: Stage 1 response sent on 2027-07-01 is in the future (today is 2027-06-30)
$ . $RDT/corr-t/env; try correct CSC-2027-0001 9 --date 2027-05-14 --reason x
exit 2, unchanged
! redress: CSC-2027-0001 has no event #9 (its timeline runs #1 to #4)
$ . $RDT/corr-t/env; try correct CSC-2027-0001 1 --void --reason x
exit 2, unchanged
! redress: #1 is the case's receipt: it can be re-dated, not voided (a contact recorded in error is closed)
$ . $RDT/corr-t/env; try correct CSC-2027-0001 3 --date 2027-05-14
exit 2, unchanged
! redress: case correct: --reason TEXT is required
$ . $RDT/corr-t/env; try correct CSC-2027-0001 3 --date 2027-05-14 --void --reason x
exit 2, unchanged
! redress: case correct: give --date DATE (move the event) or --void (void it)
$ . $RDT/corr-t/env; r case correct CSC-2027-0001 3 --date 2027-05-14 --reason x --stage 2 2>/dev/null; echo $?
2
# a caseworker's login cannot correct (tests/book/multiuser.sh); an auditor's
# snapshot cannot be written

# --- the response moved back into time: met --------------------------------
$ . $RDT/corr-t/env; r case correct CSC-2027-0001 3 --date 2027-05-14 --reason 'typed the 20th for the 14th'
CSC-2027-0001 #3: moved, correction #5
$ . $RDT/corr-t/env; ru case show CSC-2027-0001 --names | sed -n '/^timeline/,$p' | cut -c1-150 | u
timeline
  #1   2027-05-04  USER       complaint received
  #2   2027-05-05  USER       acknowledgement sent
  #3   2027-05-20  USER       Stage 1 response sent [moved to 2027-05-14 by USER on TIME, #5: typed the 20th for the 14th]
  #4   2027-05-24  USER       Stage 2 requested
  #5   2027-05-14  USER       Stage 1 response sent (re-dated, correcting #3): typed the 20th for the 14th
|
deadlines (statutory)
  stage1_response        2027-05-18  target 2027-05-18  met            10 working days after received 2027-05-04
  stage1_response_max    2027-06-02  target 2027-06-02  met            20 working days after received 2027-05-04
  stage2_request         2027-06-14  target 2027-06-14  met            20 working days after stage1_response_sent 2027-05-14
  stage2_response        2027-06-29  target 2027-06-29  overdue by 1   25 working days after stage2_requested 2027-05-24
  stage2_response_max    2027-08-24  target 2027-08-24  39 left        65 working days after stage2_requested 2027-05-24
# a correction is not corrected, nor the event it replaced
$ . $RDT/corr-t/env; try correct CSC-2027-0001 5 --date 2027-05-13 --reason x; try correct CSC-2027-0001 3 --date 2027-05-13 --reason x
exit 2, unchanged
exit 2, unchanged
! redress: #5 is itself a correction: correct the event it corrects, #3
! redress: #3 was corrected already, by #5

# --- voided: the acknowledgement never went --------------------------------
$ . $RDT/corr-t/env; r case correct CSC-2027-0001 '#2' --void --reason 'letter never posted' && ru case show CSC-2027-0001 --names | sed -n '/^timeline/,/^$/p' | grep -e '#2 ' -e '#6 ' | u
CSC-2027-0001 #2: voided, correction #6
  #2   2027-05-05  USER       acknowledgement sent [voided by USER on TIME, #6: letter never posted]
  #6   2027-06-30  USER       correction: #2 voided: letter never posted
# the audit names each correction (never the reason: it is sealed)
$ . $RDT/corr-t/env; r audit | grep case.correct | awk '{print $4, $5, $6, $7, $8, $9}'
case.correct CSC-2027-0001 correction #5 of #3,date,reason
case.correct CSC-2027-0001 correction #6 of #2,void,reason

# --- the calendar follows: the overdue Stage 1 response leaves it when
# moved back into time (received 1 June: due 15 June)
$ . $RDT/corr-t/env; ru case add --received 2027-06-01 --child-name Bea && ru case respond CSC-2027-0002 --date 2027-06-25 && ru case add --received 2027-06-01 --child-name Cy
CSC-2027-0002
CSC-2027-0003
$ . $RDT/corr-t/env; r calendar --overdue --from 2027-06-01 | grep -o 'CSC-2027-000[23]  stage1_response ' | sort
CSC-2027-0003  stage1_response 
$ . $RDT/corr-t/env; r case correct CSC-2027-0003 1 --date 2027-06-21 --reason 'date stamp misread' >/dev/null && ru calendar --overdue --from 2027-06-01 | grep -c CSC-2027-0003
0
? 1
$ . $RDT/corr-t/env; r case list --format tsv | cut -f1,2,6,7
CSC-2027-0001	2027-05-04	stage2_response	2027-06-29
CSC-2027-0002	2027-06-01		
CSC-2027-0003	2027-06-21	stage1_response	2027-07-05
