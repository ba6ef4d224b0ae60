# redress case: complaint records and every step of the procedure, driven
# through the real binary in fresh books, one for each shipped profile.
#
# Every command sources $RDT/case-t/env, written by the first blocks:
# today is fixed (REDRESS_TODAY=2027-06-30), the passphrase comes from a file
# with the test KDF, $ALL names the profiles, and
#   rc BOOK ARGS          redress -d $RDT/case-t/BOOK case ARGS
#   dl BOOK REF           the case's deadlines: key due [(target T)] state
#   brief BOOK REF...     the same, a line per case
#   try BOOK STEP REF ..  a step to be refused: prints its exit status and
#                         "unchanged" if `case show REF` is the same after
#                         (the show after one try is the next one's before,
#                         on the same book and case with no rc between)
#   tryadd BOOK add ..    the same for an add, comparing `case list`
# The login (root in CI) is printed as USER.  Every expected date was worked
# independently of redress: working days over share/holidays/england-and-wales
# (Christmas 2026: 25 and 28 December; Easter 2027: 26 and 29 March; May 2027:
# the 3rd and 31st), from the rules of share/profiles/* as written.

$ rm -rf $RDT/case-t && mkdir $RDT/case-t && printf 'pass phrase 1\n' > $RDT/case-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/case-t/pass' 'ALL="statutory essex oxfordshire gloucestershire bournemouth corporate gloucestershire-corporate"' >> $RDT/case-t/env
$ printf '%s\n' 'rc() { _tk=; _b=$1; shift; redress -d $RDT/case-t/$_b case "$@"; }' >> $RDT/case-t/env
$ printf '%s\n' 'dl() { rc "$1" show "$2" | sed "1,/^deadlines/d" | cut -c3-70 | tr -s " " | sed -E "s/ target / /; s/^([^ ]+) ([0-9-]+) \2 /\1 \2 /; s/^([^ ]+) ([0-9-]+) ([0-9-]+) /\1 \2 (target \3) /; s/ $//"; }' >> $RDT/case-t/env
$ printf '%s\n' 'brief() { _p=$1; shift; for _c; do _d=$(dl $_p $_c | paste -sd ";" - | sed "s/;/; /g"); echo "$_c: ${_d:-none}"; done; }' >> $RDT/case-t/env
$ printf '%s\n' 'same() { [ "$1" = "$2" ] && echo unchanged || echo CHANGED; }' >> $RDT/case-t/env
$ printf '%s\n' 'try() { [ "$_tk" = "$1 $3" ] && _was=$_tn || _was=$(rc "$1" show "$3" 2>&1); rc "$@"; _rc=$?; _tn=$(rc "$1" show "$3" 2>&1) _tk="$1 $3"; echo "exit $_rc, $(same "$_was" "$_tn")"; }' >> $RDT/case-t/env
$ printf '%s\n' 'tryadd() { _was=$(rc "$1" list --format tsv); rc "$@"; echo "exit $?, $(same "$_was" "$(rc "$1" list --format tsv)")"; }' >> $RDT/case-t/env
$ . $RDT/case-t/env; for p in $ALL; do redress -d $RDT/case-t/$p init --authority $p >/dev/null && echo $p; done
statutory
essex
oxfordshire
gloucestershire
bournemouth
corporate
gloucestershire-corporate

# --- the same nine contacts in every book -------------------------------------
# resolved at Stage 1
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --received 2026-11-20 --child-name Zoe && rc $p acknowledge CSC-2026-0001 --date 2026-11-23 && rc $p respond CSC-2026-0001 --date 2026-12-03 && rc $p close CSC-2026-0001 --date 2026-12-04; done | uniq -c
      7 CSC-2026-0001
# Stage 1 extended over Christmas, answered, no Stage 2 asked for (yet)
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --received 2026-12-18 --child-name Yan && rc $p extend CSC-2026-0002 --date 2026-12-30 && rc $p respond CSC-2026-0002 --date 2027-01-19; done | uniq -c
      7 CSC-2026-0002
# through Stage 2 (an agreed extension) and Stage 3, then closed
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --received 2027-01-11 --child-name Xia --complainant-name 'Wen Xu' --summary 'Contact visits cancelled' && rc $p acknowledge CSC-2027-0001 --date 2027-01-12 && rc $p respond CSC-2027-0001 --date 2027-01-22; done | uniq -c
      7 CSC-2027-0001
$ . $RDT/case-t/env; for p in $ALL; do rc $p escalate CSC-2027-0001 --date 2027-02-03 && rc $p accept CSC-2027-0001 --date 2027-02-04 && rc $p statement CSC-2027-0001 --date 2027-02-10 && rc $p extend CSC-2027-0001 --date 2027-03-01 --until 2027-04-15 && rc $p respond CSC-2027-0001 --date 2027-04-09 || echo $p; done
$ . $RDT/case-t/env; for p in $ALL; do rc $p escalate CSC-2027-0001 --date 2027-04-20 && rc $p accept CSC-2027-0001 --date 2027-04-21 && rc $p arrange-panel CSC-2027-0001 --date 2027-05-26 && rc $p panel-notice CSC-2027-0001 --date 2027-05-10 || echo $p; done
$ . $RDT/case-t/env; for p in $ALL; do rc $p panel-held CSC-2027-0001 --date 2027-05-26 && rc $p findings CSC-2027-0001 --date 2027-06-01 && rc $p respond CSC-2027-0001 --date 2027-06-18 && rc $p close CSC-2027-0001 --date 2027-06-21 || echo $p; done
# a late Stage 2 request refused with its reason; then the Ombudsman
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --received 2027-02-01 --child-name Wes && rc $p respond CSC-2027-0002 --date 2027-02-12 && rc $p escalate CSC-2027-0002 --date 2027-03-22 && rc $p refuse CSC-2027-0002 --date 2027-03-23 --reason late-request --ombudsman-told && rc $p ombudsman CSC-2027-0002 --date 2027-04-01 && rc $p ombudsman-outcome CSC-2027-0002 --date 2027-06-01; done | uniq -c
      7 CSC-2027-0002
# declined at receipt (over a year), withdrawn, redirected, a compliment, a concern
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --received 2027-03-01 --aware 2025-12-01 --child-name Val && rc $p decline CSC-2027-0003 --date 2027-03-02 --reason over-a-year --ombudsman-told; done | uniq -c
      7 CSC-2027-0003
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --received 2027-03-10 --child-name Uma && rc $p acknowledge CSC-2027-0004 --date 2027-03-11 && rc $p withdraw CSC-2027-0004 --date 2027-03-15; done | uniq -c
      7 CSC-2027-0004
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --kind redirected --redirect-to Ofsted --received 2027-04-01 && rc $p redirect CSC-2027-0005 --date 2027-04-05; done | uniq -c
      7 CSC-2027-0005
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --kind compliment --thanked 'Foster team' --received 2027-05-04 && rc $p pass-on CSC-2027-0006 --date 2027-05-05 && rc $p close CSC-2027-0006 --date 2027-05-06; done | uniq -c
      7 CSC-2027-0006
$ . $RDT/case-t/env; for p in $ALL; do rc $p add --kind concern --channel email --received 2027-06-01 && rc $p respond CSC-2027-0007 --date 2027-06-10; done | uniq -c
      7 CSC-2027-0007
# where each stands (the same in every book)
$ . $RDT/case-t/env; for p in $ALL; do [ "$(rc $p list --format tsv | cut -f1-5)" = "$(rc statutory list --format tsv | cut -f1-5)" ] && echo $p; done | wc -l
7
$ . $RDT/case-t/env; rc statutory list --format tsv | cut -f1-5
CSC-2026-0001	2026-11-20	complaint	closed	1
CSC-2026-0002	2026-12-18	complaint	open	1
CSC-2027-0001	2027-01-11	complaint	closed	3
CSC-2027-0002	2027-02-01	complaint	open	1
CSC-2027-0003	2027-03-01	complaint	declined	1
CSC-2027-0004	2027-03-10	complaint	withdrawn	1
CSC-2027-0005	2027-04-01	redirected	redirected	0
CSC-2027-0006	2027-05-04	compliment	closed	0
CSC-2027-0007	2027-06-01	concern	open	0

# the whole record of the Stage 3 case
$ . $RDT/case-t/env; rc statutory show CSC-2027-0001 --names | sed -E "s/ $(id -un)$/ USER/; s/ $(id -un) +/ USER  /; /^deadlines/,\$d"
CSC-2027-0001  complaint, received 2027-01-11 by online; closed, stage 3
owner        USER
summary      Contact visits cancelled
child        Xia (child)
complainant  Wen Xu (parent)
|
timeline
  #1   2027-01-11  USER  complaint received
  #2   2027-01-12  USER  acknowledgement sent
  #3   2027-01-22  USER  Stage 1 response sent
  #4   2027-02-03  USER  Stage 2 requested
  #5   2027-02-04  USER  Stage 2 acceptance decision sent: accepted
  #6   2027-02-10  USER  statement of complaint agreed
  #7   2027-03-01  USER  Stage 2 extended until 2027-04-15
  #8   2027-04-09  USER  Stage 2 response sent
  #9   2027-04-20  USER  Stage 3 requested
  #10  2027-04-21  USER  Stage 3 acceptance decision sent: accepted
  #11  2027-05-26  USER  review panel arranged for this date
  #12  2027-05-10  USER  panel details sent to complainant
  #13  2027-05-26  USER  review panel met
  #14  2027-06-01  USER  panel findings sent
  #15  2027-06-18  USER  director's response sent
  #16  2027-06-21  USER  case closed
|
$ . $RDT/case-t/env; rc statutory show CSC-2027-0002 | sed -E "s/ $(id -un) +/ USER  /" | grep -E 'refused|Ombudsman'
  #4   2027-03-23  USER  Stage 2 acceptance decision sent: refused, the request came after its time limit
  #5   2027-04-01  USER  referred to the Ombudsman
  #6   2027-06-01  USER  Ombudsman's decision received
$ . $RDT/case-t/env; rc statutory show CSC-2027-0005 | sed -n '1p;/^redirected/p'; rc statutory show CSC-2027-0006 | sed -n '1p;/^thanked/p'
CSC-2027-0005  redirected, received 2027-04-01 by online; redirected, stage 0
redirected   Ofsted
CSC-2027-0006  compliment, received 2027-05-04 by online; closed, stage 0
thanked      Foster team

# --- deadlines of the Stage 3 case, profile by profile ------------------------
# statutory: S1 10/20 from receipt; S2 window 20 from the response; S2 25/65
# from the request (targets from the statement), here the agreed 15 April; S3
# window 20; panel 30 from the request, notice 10 before it, findings 5 after
# it met, response 15 after the findings
$ . $RDT/case-t/env; dl statutory CSC-2027-0001
stage1_response 2027-01-25 met
stage1_response_max 2027-02-08 met
stage2_request 2027-02-19 met
stage2_response 2027-04-15 met
stage2_response_max 2027-05-10 (target 2027-05-17) met
stage3_request 2027-05-10 met
panel_notice 2027-05-12 met
panel 2027-06-03 met
panel_findings 2027-06-03 met
stage3_response 2027-06-22 met
# essex restates the statutory clocks
$ . $RDT/case-t/env; [ "$(dl essex CSC-2027-0001)" = "$(dl statutory CSC-2027-0001)" ] && echo same
same
# oxfordshire: acknowledgement in 3, informal discussion in 2 weeks, the
# response 20 after the panel met (its target: the Regulations' 15 after
# the findings stay the deadline), 10 weeks for all of Stage 3
$ . $RDT/case-t/env; dl oxfordshire CSC-2027-0001 | grep -Ev '^(stage1|stage2|stage3_request|panel)'
acknowledge 2027-01-14 met
informal_resolution 2027-01-25 met
stage3_response 2027-06-22 (target 2027-06-24) met
stage3_overall 2027-06-29 met
# gloucestershire: acknowledgement in 2, a decision within 10 of each request
$ . $RDT/case-t/env; dl gloucestershire CSC-2027-0001 | grep -Ev '^(stage1|stage2_re|stage3_re|panel)'
acknowledge 2027-01-13 met
stage2_decision 2027-02-17 met
stage3_decision 2027-05-05 met
$ . $RDT/case-t/env; [ "$(dl gloucestershire CSC-2027-0001 | grep -Ev 'acknowledge|decision')" = "$(dl statutory CSC-2027-0001)" ] && echo same
same
# bournemouth: the executive director 20 after the panel met, its target;
# the deadline stays the Regulations' 15 after the findings (1 June)
$ . $RDT/case-t/env; dl bournemouth CSC-2027-0001 | grep -v '^stage[12]'
stage3_request 2027-05-10 met
panel_notice 2027-05-12 met
panel 2027-06-03 met
panel_findings 2027-06-03 met
stage3_response 2027-06-22 (target 2027-06-24) met
# corporate (Complaint Handling Code): acknowledge in 5, respond 10/20 from the
# acknowledgement; Stage 2 acknowledged in 5 and answered 20/40 from that (never
# recorded here: the CLI has no step for it), no Stage 3; closed, so stopped
$ . $RDT/case-t/env; dl corporate CSC-2027-0001
acknowledge 2027-01-18 met
stage1_response 2027-01-26 met
stage1_response_max 2027-02-09 met
stage2_acknowledge 2027-02-10 stopped
stage2_response 2027-04-09 met
stage2_response_max 2027-04-09 met
# gloucestershire-corporate: acknowledge in 2, respond from receipt, a Stage 2
# window and decision, the response 25 from the decision (no extension: the
# council's page gives none)
$ . $RDT/case-t/env; dl gloucestershire-corporate CSC-2027-0001
acknowledge 2027-01-13 met
stage1_response 2027-01-25 met
stage1_response_max 2027-02-08 met
stage2_acknowledge 2027-02-10 stopped
stage2_decision 2027-02-17 met
stage2_request 2027-02-19 met
stage2_response 2027-03-11 missed by 19

# --- deadlines of the other contacts ------------------------------------------
$ . $RDT/case-t/env; brief statutory CSC-2026-0001 CSC-2026-0002 CSC-2027-0003 CSC-2027-0004 CSC-2027-0005 CSC-2027-0006 CSC-2027-0007
CSC-2026-0001: stage1_response 2026-12-04 met; stage1_response_max 2026-12-18 met; stage2_request 2027-01-05 stopped
CSC-2026-0002: stage1_response 2027-01-20 met; stage1_response_max 2027-01-20 met; stage2_request 2027-02-16 lapsed by 92
CSC-2027-0003: complaint_time_limit 2026-12-01 missed by 61; stage1_response 2027-03-15 stopped; stage1_response_max 2027-03-31 stopped
CSC-2027-0004: stage1_response 2027-03-24 stopped; stage1_response_max 2027-04-09 stopped
CSC-2027-0005: none
CSC-2027-0006: none
CSC-2027-0007: none
# essex and bournemouth count these as the Regulations do
$ . $RDT/case-t/env; for p in essex bournemouth; do for c in CSC-2026-0001 CSC-2026-0002 CSC-2027-0003 CSC-2027-0004 CSC-2027-0005 CSC-2027-0006 CSC-2027-0007; do [ "$(dl $p $c)" = "$(dl statutory $c)" ] || echo "$p $c differs"; done; done; echo done
done
# 2 weeks from 18 December is New Year's Day (a calendar clock)
$ . $RDT/case-t/env; brief oxfordshire CSC-2026-0001 CSC-2026-0002 CSC-2027-0004 CSC-2027-0007
CSC-2026-0001: acknowledge 2026-11-25 met; stage1_response 2026-12-04 met; informal_resolution 2026-12-04 met; stage1_response_max 2026-12-18 met; stage2_request 2027-01-05 stopped
CSC-2026-0002: acknowledge 2026-12-23 overdue by 128; informal_resolution 2027-01-04 missed by 11; stage1_response 2027-01-20 met; stage1_response_max 2027-01-20 met; stage2_request 2027-02-16 lapsed by 92
CSC-2027-0004: acknowledge 2027-03-15 met; stage1_response 2027-03-24 stopped; informal_resolution 2027-03-24 stopped; stage1_response_max 2027-04-09 stopped
CSC-2027-0007: none
$ . $RDT/case-t/env; brief gloucestershire CSC-2026-0002 CSC-2027-0003 CSC-2027-0005 CSC-2027-0006 CSC-2027-0007
CSC-2026-0002: acknowledge 2026-12-22 overdue by 129; stage1_response 2027-01-20 met; stage1_response_max 2027-01-20 met; stage2_request 2027-02-16 lapsed by 92
CSC-2027-0003: complaint_time_limit 2026-12-01 missed by 61; acknowledge 2027-03-03 stopped; stage1_response 2027-03-15 stopped; stage1_response_max 2027-03-31 stopped
CSC-2027-0005: redirect 2027-04-05 met
CSC-2027-0006: none
CSC-2027-0007: concern_acknowledge 2027-06-03 overdue by 19; concern_response 2027-06-29 met
# the Code counts Stage 1 from the acknowledgement, or from when it was due
$ . $RDT/case-t/env; brief corporate CSC-2026-0001 CSC-2026-0002 CSC-2027-0003 CSC-2027-0004
CSC-2026-0001: acknowledge 2026-11-27 met; stage1_response 2026-12-07 met; stage1_response_max 2026-12-21 met
CSC-2026-0002: acknowledge 2026-12-29 overdue by 126; stage1_response 2027-01-27 met; stage1_response_max 2027-01-27 met
CSC-2027-0003: acknowledge 2027-03-08 stopped; stage1_response 2027-03-22 stopped; stage1_response_max 2027-04-07 stopped
CSC-2027-0004: acknowledge 2027-03-17 met; stage1_response 2027-03-25 stopped; stage1_response_max 2027-04-12 stopped
$ . $RDT/case-t/env; brief gloucestershire-corporate CSC-2026-0001 CSC-2026-0002 CSC-2027-0003 CSC-2027-0005
CSC-2026-0001: acknowledge 2026-11-24 met; stage1_response 2026-12-04 met; stage1_response_max 2026-12-18 met; stage2_request 2027-01-05 stopped
CSC-2026-0002: acknowledge 2026-12-22 overdue by 129; stage1_response 2027-01-20 met; stage1_response_max 2027-01-20 met; stage2_request 2027-02-16 lapsed by 92
CSC-2027-0003: complaint_time_limit 2026-12-01 missed by 61; acknowledge 2027-03-03 stopped; stage1_response 2027-03-15 stopped; stage1_response_max 2027-03-31 stopped
CSC-2027-0005: none
# the refused request: the dates of each clock (states below)
$ . $RDT/case-t/env; for p in $ALL; do echo "$p: $(dl $p CSC-2027-0002 | cut -d' ' -f1,2 | paste -sd ' ' -)"; done
statutory: stage1_response 2027-02-15 stage1_response_max 2027-03-01 stage2_request 2027-03-12 stage2_response 2027-04-28 stage2_response_max 2027-06-25
essex: stage1_response 2027-02-15 stage1_response_max 2027-03-01 stage2_request 2027-03-12 stage2_response 2027-04-28 stage2_response_max 2027-06-25
oxfordshire: acknowledge 2027-02-04 stage1_response 2027-02-15 informal_resolution 2027-02-15 stage1_response_max 2027-03-01 stage2_request 2027-03-12 stage2_response 2027-04-28 stage2_response_max 2027-06-25
gloucestershire: acknowledge 2027-02-03 stage1_response 2027-02-15 stage1_response_max 2027-03-01 stage2_request 2027-03-12 stage2_decision 2027-04-07 stage2_response 2027-04-28 stage2_response_max 2027-06-25
bournemouth: stage1_response 2027-02-15 stage1_response_max 2027-03-01 stage2_request 2027-03-12 stage2_response 2027-04-28 stage2_response_max 2027-06-25
corporate: acknowledge 2027-02-08 stage1_response 2027-02-22 stage1_response_max 2027-03-08 stage2_acknowledge 2027-03-31 stage2_response 2027-04-28 stage2_response_max 2027-05-27
gloucestershire-corporate: acknowledge 2027-02-03 stage1_response 2027-02-15 stage1_response_max 2027-03-01 stage2_request 2027-03-12 stage2_acknowledge 2027-03-31 stage2_decision 2027-04-07 stage2_response 2027-04-29
$ . $RDT/case-t/env; dl statutory CSC-2027-0002 | grep '^stage2_request'
stage2_request 2027-03-12 missed by 6
# the request was refused, so no Stage 2 response is owed: its clocks stop
# (they ran on and were reported overdue before this was fixed)
$ . $RDT/case-t/env; dl statutory CSC-2027-0002 | grep -c overdue
0
? 1

# --- steps out of order are refused (exit 2), with the reason, changing nothing
$ . $RDT/case-t/env; rc statutory add --received 2027-06-01 --child-name Tom && rc statutory add --received 2027-05-04 --child-name Sam && rc statutory respond CSC-2027-0009 --date 2027-05-14 && rc statutory escalate CSC-2027-0009 --date 2027-06-01
CSC-2027-0008
CSC-2027-0009
# Stage 2 before a Stage 1 response; a refused request decided again; Stage 3 before a
# Stage 2 response
$ . $RDT/case-t/env; try statutory escalate CSC-2027-0008 --date 2027-06-10; try statutory accept CSC-2027-0002 --date 2027-06-10; try statutory escalate CSC-2027-0008 --stage 2 --date 2027-06-10
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record Stage 2 requested: there is no Stage 1 response yet (record it, or a late one, first)
! redress: cannot record Stage 2 acceptance decision sent: the Stage 2 request was decided already
! redress: cannot record Stage 3 requested: there is no Stage 2 response
$ . $RDT/case-t/env; try statutory statement CSC-2027-0008 --date 2027-06-10; try statutory arrange-panel CSC-2027-0008 --date 2027-07-15; try statutory panel-notice CSC-2027-0008 --date 2027-06-10
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record statement of complaint agreed: the complaint is not at Stage 2
! redress: cannot record review panel arranged for this date: the complaint is not at Stage 3
! redress: cannot record panel details sent to complainant: no panel date has been arranged
$ . $RDT/case-t/env; try statutory findings CSC-2027-0008 --date 2027-06-10; try statutory ombudsman-outcome CSC-2027-0008 --date 2027-06-10; try statutory accept CSC-2027-0008 --date 2027-06-10
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record panel findings sent: the panel has not met
! redress: cannot record Ombudsman's decision received: it was not referred to the Ombudsman
! redress: cannot record Stage 2 acceptance decision sent: Stage 2 has not been requested
$ . $RDT/case-t/env; try statutory reopen CSC-2027-0008 --date 2027-06-10; try statutory pass-on CSC-2027-0008 --date 2027-06-10
exit 2, unchanged
exit 2, unchanged
! redress: cannot record case reopened: the case is open
! redress: cannot record compliment passed to the staff member and their manager on a complaint
# dates: before receipt, in the future, not a date; an agreed date before its extension
$ . $RDT/case-t/env; try statutory acknowledge CSC-2027-0008 --date 2027-05-31; try statutory acknowledge CSC-2027-0008 --date 2027-07-01; try statutory acknowledge CSC-2027-0008 --date 2026-02-30
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record acknowledgement sent on 2027-05-31: before the complaint was received (2027-06-01)
! redress: cannot record acknowledgement sent on 2027-07-01: that is in the future (today is 2027-06-30)
! redress: bad date "2026-02-30": day 30 does not exist: February 2026 has 28 days
$ . $RDT/case-t/env; try statutory extend CSC-2027-0008 --date 2027-06-10 --until 2027-06-09; try statutory extend CSC-2027-0008 --date 2027-06-10 --until 2027-06-31; try statutory respond CSC-2027-0008 --stage 4
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record Stage 1 extended: the agreed date is before the extension
! redress: agreed date: bad date "2027-06-31": day 31 does not exist: June 2027 has 30 days
! redress: --stage: 1, 2 or 3
# an extension's coded reason is one of its own codes (not a refusal's);
# a finding belongs to the Ombudsman's decision only
$ . $RDT/case-t/env; try statutory extend CSC-2027-0008 --date 2027-06-10 --reason busy; try statutory extend CSC-2027-0008 --date 2027-06-10 --reason over-a-year; try statutory acknowledge CSC-2027-0008 --date 2027-06-10 --finding upheld
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case extend: unknown --reason "busy" (complexity, availability, complainant, independent, advocacy, other)
! redress: case extend: unknown --reason "over-a-year" (complexity, availability, complainant, independent, advocacy, other)
! redress: case acknowledge: --finding is for ombudsman-outcome
# Stage 1 is extended once, with a coded reason; its deadline moves to the agreed date
$ . $RDT/case-t/env; rc statutory extend CSC-2027-0008 --date 2027-06-10 --until 2027-06-22 --reason complainant && dl statutory CSC-2027-0008
stage1_response 2027-06-22 overdue by 6
stage1_response_max 2027-06-29 overdue by 1
$ . $RDT/case-t/env; rc statutory show CSC-2027-0008 | grep -E "^  #[0-9]+ +2.*extended" | sed -E "s/ $(id -un) +/ USER  /"
  #2   2027-06-10  USER  Stage 1 extended until 2027-06-22, the complainant asked for or agreed more time
$ . $RDT/case-t/env; try statutory extend CSC-2027-0008 --date 2027-06-11
exit 2, unchanged
! redress: cannot record Stage 1 extended: Stage 1 was extended already (once, to the maximum)
# the pending Stage 2 request: refused only with a coded reason and the Ombudsman named
$ . $RDT/case-t/env; try statutory refuse CSC-2027-0009 --date 2027-06-02; try statutory refuse CSC-2027-0009 --date 2027-06-02 --reason late-request; try statutory refuse CSC-2027-0009 --date 2027-06-02 --ombudsman-told
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record Stage 2 acceptance decision sent: refusing needs a coded reason and the complainant told of the Ombudsman
! redress: cannot record Stage 2 acceptance decision sent: refusing needs a coded reason and the complainant told of the Ombudsman
! redress: cannot record Stage 2 acceptance decision sent: refusing needs a coded reason and the complainant told of the Ombudsman
$ . $RDT/case-t/env; try statutory refuse CSC-2027-0009 --date 2027-06-02 --reason too-late --ombudsman-told; try statutory escalate CSC-2027-0009 --stage 1 --date 2027-06-02; try statutory respond CSC-2027-0009 --stage 1 --date 2027-06-02
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case refuse: unknown --reason "too-late" (over-a-year, legal-proceedings, not-eligible, out-of-scope, late-request)
! redress: cannot record Stage 2 requested: Stage 2 was requested already
! redress: cannot record Stage 1 response sent: the Stage 1 response was sent already
$ . $RDT/case-t/env; try statutory decline CSC-2027-0009 --date 2027-06-02 --reason out-of-scope --ombudsman-told
exit 2, unchanged
! redress: cannot record not accepted, with a coded reason: the complaint was accepted and answered; close it instead
$ . $RDT/case-t/env; rc statutory accept CSC-2027-0009 --date 2027-06-02 && try statutory accept CSC-2027-0009 --date 2027-06-03
exit 2, unchanged
! redress: cannot record Stage 2 acceptance decision sent: the Stage 2 request was decided already
$ . $RDT/case-t/env; rc statutory list --format tsv | grep -E '^CSC-2027-000[89]' | cut -f1-8
CSC-2027-0008	2027-06-01	complaint	open	1	stage1_response	2027-06-22	-6
CSC-2027-0009	2027-05-04	complaint	open	2	stage2_response	2027-07-06	+4
# declining needs both as well
$ . $RDT/case-t/env; try statutory decline CSC-2027-0008 --date 2027-06-10 --reason over-a-year; try statutory decline CSC-2027-0008 --date 2027-06-10 --ombudsman-told
exit 2, unchanged
exit 2, unchanged
! redress: cannot record not accepted, with a coded reason: declining needs a coded reason and the complainant told of the Ombudsman
! redress: cannot record not accepted, with a coded reason: declining needs a coded reason and the complainant told of the Ombudsman
# ended cases take no steps until reopened (notes and the Ombudsman aside)
$ . $RDT/case-t/env; try statutory escalate CSC-2027-0001 --date 2027-06-25; try statutory respond CSC-2027-0003; try statutory acknowledge CSC-2027-0004
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record Stage 3 requested: the case is closed (reopen it first)
! redress: cannot record Stage 1 response sent: the case is declined (reopen it first)
! redress: cannot record acknowledgement sent: the case is withdrawn (reopen it first)
$ . $RDT/case-t/env; rc statutory note CSC-2027-0004 --text 'asked to reopen' && rc statutory reopen CSC-2027-0004 --date 2027-06-28 && rc statutory list --format tsv | grep CSC-2027-0004 | cut -f1-8
CSC-2027-0004	2027-03-10	complaint	open	1	stage1_response	2027-03-24	-66
$ . $RDT/case-t/env; rc statutory withdraw CSC-2027-0004 --date 2027-06-29 && rc statutory list --format tsv | grep CSC-2027-0004 | cut -f1-5
CSC-2027-0004	2027-03-10	complaint	withdrawn	1
$ . $RDT/case-t/env; rc statutory ombudsman CSC-2026-0001 --date 2027-06-01 && rc statutory list --format tsv | grep CSC-2026-0001 | cut -f1-5
CSC-2026-0001	2026-11-20	complaint	closed	1
# the Ombudsman's decision, with its finding in the Ombudsman's own categories
$ . $RDT/case-t/env; try statutory ombudsman-outcome CSC-2026-0001 --date 2027-06-29 --finding fault; try statutory ombudsman-outcome CSC-2026-0001 --date 2027-06-29 --finding none
exit 2, unchanged
exit 2, unchanged
! redress: case ombudsman-outcome: unknown --finding "fault" (upheld, upheld-no-injustice, not-upheld, closed-after-initial-enquiries, premature, withdrawn, other)
! redress: case ombudsman-outcome: unknown --finding "none" (upheld, upheld-no-injustice, not-upheld, closed-after-initial-enquiries, premature, withdrawn, other)
$ . $RDT/case-t/env; rc statutory ombudsman-outcome CSC-2026-0001 --date 2027-06-29 --finding closed-after-initial-enquiries && rc statutory show CSC-2026-0001 | grep Ombudsman | sed -E "s/ $(id -un) +/ USER  /"
  #5   2027-06-01  USER  referred to the Ombudsman
  #6   2027-06-29  USER  Ombudsman's decision received, closed after initial enquiries
$ . $RDT/case-t/env; rc statutory add --received 2027-06-28 --safeguarding --summary 'Bruising seen at contact' && rc statutory list --format tsv | grep CSC-2027-0010 | cut -f1-5
CSC-2027-0010
CSC-2027-0010	2027-06-28	complaint	safeguarding	1
$ . $RDT/case-t/env; try statutory acknowledge CSC-2027-0010
exit 2, unchanged
! redress: cannot record acknowledgement sent: the case is safeguarding (reopen it first)
# contacts that are not complaints have no stages
$ . $RDT/case-t/env; try statutory escalate CSC-2027-0005; try statutory extend CSC-2027-0007; try statutory respond CSC-2027-0005
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: CSC-2027-0005 is a redirected, not a complaint: it has no stages
! redress: CSC-2027-0007 is a concern, not a complaint: it has no stages
! redress: cannot record response sent: this contact is a redirected, not a complaint
$ . $RDT/case-t/env; try statutory respond CSC-2027-0007; try statutory ombudsman CSC-2027-0007; try statutory redirect CSC-2027-0007
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: cannot record response sent: the response was sent already
! redress: cannot record referred to the Ombudsman: this contact is a concern, not a complaint
! redress: cannot record person told where to take the matter: only a redirected contact is redirected
$ . $RDT/case-t/env; try statutory decline CSC-2027-0007 --reason out-of-scope --ombudsman-told
exit 2, unchanged
! redress: cannot record not accepted, with a coded reason: this contact is a concern, not a complaint
$ . $RDT/case-t/env; rc statutory acknowledge CSC-2027-0007 --date 2027-06-02 && rc statutory close CSC-2027-0007 && rc statutory list --format tsv | grep CSC-2027-0007 | cut -f1-5
CSC-2027-0007	2027-06-01	concern	closed	0
# unknown references and subcommands
$ . $RDT/case-t/env; try statutory show CSC-2026-9999; try statutory acknowledge CSC-2026-9999; try statutory close "$(printf 'CSC\033[2J')"
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: no case CSC-2026-9999 in this book
! redress: no case CSC-2026-9999 in this book
! redress: no case CSC\x1b[2J in this book
$ . $RDT/case-t/env; try statutory shred CSC-2026-0001
exit 2, unchanged
! redress: case: no subcommand "shred" (see: redress help case)

# --- bad input to add: refused, no case made, no reference used up ----------
$ . $RDT/case-t/env; tryadd statutory add --received 2026-02-30 --child-name Ann; tryadd statutory add --received 2027-07-01 --child-name Ann; tryadd statutory add --received 2027-06-01 --aware 2027-06-02 --child-name Ann
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: bad date "2026-02-30": day 30 does not exist: February 2026 has 28 days
! redress: received 2027-07-01 is in the future
! redress: the matter cannot become known after it was complained of
$ . $RDT/case-t/env; tryadd statutory add --received 2027-06-01 --aware 2027-13-01 --child-name Ann; tryadd statutory add --child-name Ann; tryadd statutory add --received 2027-06-01
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: --aware: bad date "2027-13-01": month 13 does not exist
! redress: case add: --received DATE is required
! redress: a complaint needs the child it is about (--child-name)
$ . $RDT/case-t/env; tryadd statutory add --received 2027-06-01 --child-name ''; tryadd statutory add --kind redirected --received 2027-06-01; tryadd statutory add --kind grumble --received 2027-06-01 --child-name Ann
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: a name cannot be empty
! redress: a redirected contact needs --redirect-to (where the person was sent)
! redress: case add: unknown --kind "grumble"
$ . $RDT/case-t/env; tryadd statutory add --channel pigeon --received 2027-06-01 --child-name Ann; tryadd statutory add --complainant-role landlord --received 2027-06-01 --child-name Ann; tryadd statutory add --owner 'j smith' --received 2027-06-01 --child-name Ann
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case add: unknown --channel "pigeon"
! redress: case add: unknown --complainant-role "landlord"
! redress: --owner: "j smith" is not a login
# overlong fields
$ . $RDT/case-t/env; tryadd statutory add --received 2027-06-01 --child-name Ann --summary "$(printf '%05000d' 0)"; tryadd statutory add --received 2027-06-01 --child-name "$(printf '%0300d' 0)"; tryadd statutory add --received 2027-06-01 --child-name Ann --complainant-name "$(printf '%0256d' 0)"
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: the summary is longer than 4095 bytes
! redress: the child's name is longer than 255 bytes
! redress: the complainant's name is longer than 255 bytes
$ . $RDT/case-t/env; tryadd statutory add --received 2027-06-01 --child-name Ann --team "$(printf '%064d' 0)"
exit 2, unchanged
! redress: the team is longer than 63 bytes
# control characters, escape sequences, invisible characters, invalid UTF-8
$ . $RDT/case-t/env; tryadd statutory add --received 2027-06-01 --child-name Ann --summary "$(printf 'a\033[2Jb')"; tryadd statutory add --received 2027-06-01 --child-name "$(printf 'Ann\033[2J')"; tryadd statutory add --received 2027-06-01 --child-name "$(printf 'Ann\nSmith')"
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: the summary contains a control or invisible character (U+001B)
! redress: the child's name contains a control or invisible character (U+001B)
! redress: the child's name contains a control or invisible character (U+000A)
$ . $RDT/case-t/env; tryadd statutory add --received 2027-06-01 --child-name "$(printf 'Ann \342\200\256htims')"; tryadd statutory add --received 2027-06-01 --child-name "$(printf 'Zo\377')"; tryadd statutory add --received 2027-06-01 --child-name Ann --summary "$(printf 'caf\303')"
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: the child's name contains a control or invisible character (U+202E)
! redress: the child's name is not valid UTF-8
! redress: the summary is not valid UTF-8
$ . $RDT/case-t/env; tryadd statutory add --kind compliment --received 2027-06-01 --thanked "$(printf 'Bob\033]0;x\007')"; tryadd statutory add --kind redirected --received 2027-06-01 --redirect-to "$(printf '\033[31mOfsted')"; try statutory note CSC-2027-0008 --text "$(printf 'call back\033[2J')"
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: --thanked contains a control or invisible character (U+001B)
! redress: --redirect-to contains a control or invisible character (U+001B)
! redress: the note contains a control or invisible character (U+001B)
# what is allowed: the longest summary and name, accents, lines and tabs in the
# summary (shown escaped); never a raw escape on the screen
$ . $RDT/case-t/env; rc statutory add --received 2027-06-01 --child-name "Zoë $(printf '%0250d' 0)" --summary "$(printf 'Late visits:\n\t%04081d' 0)"
CSC-2027-0011
$ . $RDT/case-t/env; rc statutory show CSC-2027-0011 --names > $RDT/case-t/x; sed -n 's/^summary *//p' $RDT/case-t/x | cut -c1-20; sed -n 's/^summary *//p' $RDT/case-t/x | wc -c; sed -n 's/^child *\(Zoë 0*\) (child)$/\1/p' $RDT/case-t/x | wc -c
Late visits:\n\t0000
4098
256
$ . $RDT/case-t/env; for c in $(rc statutory list --format tsv | cut -f1); do rc statutory show $c --names; done | od -An -c | grep -c '033'
0
? 1

# `list --overdue` lists the council's failures only: not CSC-2026-0002, whose
# only passed clock is the complainant's lapsed Stage 2 window, nor
# CSC-2027-0002, whose Stage 2 request was refused (both were listed before
# this was fixed).
$ . $RDT/case-t/env; rc statutory list --overdue --format tsv | cut -f1-8
CSC-2027-0008	2027-06-01	complaint	open	1	stage1_response	2027-06-22	-6
CSC-2027-0011	2027-06-01	complaint	open	1	stage1_response	2027-06-15	-11

$ rm -rf $RDT/case-t && echo ok
ok
