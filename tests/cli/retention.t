# redress retention and redress case hold: the retention rule of the
# profile (statutory: six years after closure), legal holds, and erasing a
# closed case's identity and narrative while its plain figures stay.
#
# Today is 2027-06-30.  The fixture, worked by hand (closing date + 6 years):
#   CSC-2020-0001  closed 2020-03-16, due 2026-03-16: erased
#   CSC-2020-0002  closed 2020-06-01, due 2026-06-01: held, kept
#   CSC-2021-0001  closed 2021-07-01, due 2027-07-01 (tomorrow): kept
#   CSC-2021-0002  withdrawn 2021-06-30, due 2027-06-30 (today): erased
#   CSC-2019-0001  received 2019-01-07 and never closed: kept
# Person 2 (Birch Quince, complainant on the first) is on the third too, so
# Birch stays; Alder (1) and Fern (5) go.  The login is printed as USER.
#
# Under valgrind (make check) only the commands under test are wrapped: the
# fixture's repeats of case add/close, the audit counts, and the case shown
# or listed before and after, a third dry run and a second refusal with the
# same message run as redress_unwrapped (see run.sh); the first of each shape
# stays wrapped.

$ rm -rf $RDT/ret-t && mkdir $RDT/ret-t && printf 'pass phrase 1\n' > $RDT/ret-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/ret-t/pass REDRESS_BOOK=$RDT/ret-t/b' 'u() { sed "s/$(id -un)/USER/g"; }' 'au() { redress_unwrapped audit | tail -$1 | sed -E "s/^ *[0-9]+ [^ ]+ //; s/ +[0-9a-f]{12}\$//" | u; }' > $RDT/ret-t/env
$ . $RDT/ret-t/env; redress init --authority essex >/dev/null && echo ok
ok

# --- the fixture ------------------------------------------------------------
$ . $RDT/ret-t/env; redress case add --received 2020-03-02 --child-name 'Alder Quince' --complainant-name 'Birch Quince' --summary 'Missed visits at Larchfield' && redress case point CSC-2020-0001 --text 'Visits cancelled at Larchfield' && redress case respond CSC-2020-0001 --date 2020-03-13 --text 'Spoke to Birch at home' && redress case finding CSC-2020-0001 --stage 1 --point 1 --outcome upheld && redress case recommend CSC-2020-0001 --text 'Apologise to Alder' --owner bob --due 2020-04-01 && redress case close CSC-2020-0001 --date 2020-03-16
CSC-2020-0001
1
1
$ . $RDT/ret-t/env; redress_unwrapped case add --received 2020-05-04 --child-name 'Cedar Rowan' && redress_unwrapped case close CSC-2020-0002 --date 2020-06-01
CSC-2020-0002
$ . $RDT/ret-t/env; redress_unwrapped case add --received 2021-06-01 --child-name 'Dahlia Sorrel' && redress case party CSC-2021-0001 --complainant --person 2 && redress_unwrapped case close CSC-2021-0001 --date 2021-07-01
CSC-2021-0001
$ . $RDT/ret-t/env; redress_unwrapped case add --received 2021-06-14 --child-name 'Fern Yarrow' && redress case withdraw CSC-2021-0002 --date 2021-06-30
CSC-2021-0002
$ . $RDT/ret-t/env; redress_unwrapped case add --received 2019-01-07 --child-name 'Elm Ashdown'
CSC-2019-0001

# --- legal hold -----------------------------------------------------------------
$ . $RDT/ret-t/env; redress case hold CSC-2020-0002 --reason 'Claim issued in the county court' && redress case show CSC-2020-0002 --names | sed -n 1,3p | u
CSC-2020-0002  complaint, received 2020-05-04 by online; closed, stage 1
legal hold   since 2027-06-30 by USER: Claim issued in the county court
owner        USER
# without the key the reason is not shown, the hold is
$ . $RDT/ret-t/env; redress_unwrapped case show CSC-2020-0002 | sed -n 2p | u
legal hold   since 2027-06-30 by USER
$ . $RDT/ret-t/env; { redress case hold CSC-2020-0002; echo "exit $?"; } 2>&1 | u
redress: CSC-2020-0002 is held already (since 2027-06-30, by USER)
exit 2
$ . $RDT/ret-t/env; redress case hold CSC-2020-0002 --clear --reason 'no'
! redress: case hold: --reason or --clear, not both
? 2
$ . $RDT/ret-t/env; redress case hold CSC-2021-0001 --clear
! redress: CSC-2021-0001 is not held
? 2
$ . $RDT/ret-t/env; redress case hold CSC-2021-0001 --reason "$(printf 'a\033[2Jb')"
! redress: --reason contains a control or invisible character (U+001B)
? 2
$ . $RDT/ret-t/env; redress -R case hold CSC-2021-0001
! redress: the book is open read-only: nothing was changed
? 2
# held and cleared again: audited, a revision each
$ . $RDT/ret-t/env; redress case hold CSC-2019-0001 && redress case hold CSC-2019-0001 --clear && au 3
USER       case.hold      CSC-2020-0002    hold,reason
USER       case.hold      CSC-2019-0001    hold
USER       case.unhold    CSC-2019-0001    hold

# --- what is due ------------------------------------------------------------------
# a dry run needs no passphrase and changes nothing
$ . $RDT/ret-t/env; redress audit | wc -l > $RDT/ret-t/audit0; (unset REDRESS_PASSPHRASE_FILE; redress -R retention --dry-run)
CSC-2020-0001  closed 2020-03-16  due 2026-03-16
CSC-2020-0002  closed 2020-06-01  due 2026-06-01  held
CSC-2021-0002  closed 2021-06-30  due 2027-06-30
3 due: 2 to erase, 1 held
$ . $RDT/ret-t/env; [ "$(redress_unwrapped audit | wc -l)" = "$(cat $RDT/ret-t/audit0)" ] && echo unchanged
unchanged
# a day earlier, the withdrawn case is not yet due
$ . $RDT/ret-t/env; REDRESS_TODAY=2027-06-29 redress retention --dry-run
CSC-2020-0001  closed 2020-03-16  due 2026-03-16
CSC-2020-0002  closed 2020-06-01  due 2026-06-01  held
2 due: 1 to erase, 1 held
$ . $RDT/ret-t/env; REDRESS_TODAY=2026-01-01 redress_unwrapped retention --dry-run
no case is due
$ . $RDT/ret-t/env; redress retention
! redress: retention: --dry-run or --apply
? 2
$ . $RDT/ret-t/env; redress_unwrapped retention --dry-run --apply
! redress: retention: --dry-run or --apply
? 2
$ . $RDT/ret-t/env; redress -R retention --apply
! redress: the book is open read-only: nothing was changed
? 2

# --- erasing -----------------------------------------------------------------------
# the anonymous figures, kept to compare after
$ . $RDT/ret-t/env; redress_unwrapped case list --format tsv | cut -f1-10 > $RDT/ret-t/list0; for c in CSC-2020-0001 CSC-2021-0002 CSC-2021-0001; do redress_unwrapped case show $c | sed -n '1p;/^timeline/,$p'; done > $RDT/ret-t/show0; wc -l < $RDT/ret-t/list0
5
$ . $RDT/ret-t/env; redress retention --apply
CSC-2020-0001  closed 2020-03-16  due 2026-03-16  erased
CSC-2020-0002  closed 2020-06-01  due 2026-06-01  held
CSC-2021-0002  closed 2021-06-30  due 2027-06-30  erased
erased 2 cases and 2 people; 1 held
next: `redress rekey`, so that the old ciphertext left in free pages cannot be read, and a new `redress backup`; letters saved outside the book are not erased
# one entry per case and per person, naming no one
$ . $RDT/ret-t/env; au 4
USER       case.erase     CSC-2020-0001    erased: summary, 1 points, 1 recommendations, 0 views, 1 notes
USER       case.erase     CSC-2021-0002    erased: 0 points, 0 recommendations, 0 views, 0 notes
USER       person.erase   person 1         name,dob
USER       person.erase   person 5         name,dob
$ . $RDT/ret-t/env; redress case show CSC-2020-0001 --names | sed '/^timeline/,$d' | u
CSC-2020-0001  complaint, received 2020-03-02 by online; closed, stage 1
erased       2027-06-30: names and narrative removed under the retention rule
owner        USER
child        (erased) (child)
complainant  (erased) (parent)
point        1. [stage 1: upheld] (erased)
recommend    1. (stage 1, bob, due 2020-04-01, open) (erased)
|
$ . $RDT/ret-t/env; redress_unwrapped case show CSC-2020-0001 --names | grep -c -e Alder -e Birch -e Larchfield -e Spoke
0
? 1
$ . $RDT/ret-t/env; redress case list --format tsv | cut -f1,4,11
CSC-2020-0001	closed	(erased)
CSC-2020-0002	closed	Child C-0003
CSC-2021-0001	closed	Child C-0004
CSC-2021-0002	withdrawn	(erased)
CSC-2019-0001	open	Child C-0006
# the anonymous columns, the timelines and the deadlines are as they were
$ . $RDT/ret-t/env; redress_unwrapped case list --format tsv | cut -f1-10 | cmp - $RDT/ret-t/list0 && echo same
same
$ . $RDT/ret-t/env; for c in CSC-2020-0001 CSC-2021-0002 CSC-2021-0001; do redress_unwrapped case show $c | sed -n '1p;/^timeline/,$p'; done | cmp - $RDT/ret-t/show0 && echo same
same
$ . $RDT/ret-t/env; redress case show CSC-2020-0001 | sed -n '/^timeline/,$p' | u
timeline
  #1   2020-03-02  USER       complaint received
  #2   2020-03-13  USER       Stage 1 response sent
  #3   2020-03-16  USER       case closed
|
deadlines (essex)
  stage1_response        2020-03-16  target 2020-03-16  met            10 working days after received 2020-03-02
  stage1_response_max    2020-03-30  target 2020-03-30  met            20 working days after received 2020-03-02
  stage2_request         2020-04-14  target 2020-04-14  stopped        20 working days after stage1_response_sent 2020-03-13
# Birch is still Birch on the kept case; the held and the open are whole
$ . $RDT/ret-t/env; redress_unwrapped case show CSC-2021-0001 --names | grep -e child -e complainant
child        Dahlia Sorrel (child)
complainant  Birch Quince (parent)
$ . $RDT/ret-t/env; redress person list --names | cut -c1-40 | sed 's/ *$//'
1      Person P-0001 (erased)
2      Birch Quince
3      Cedar Rowan
4      Dahlia Sorrel
5      Person P-0005 (erased)
6      Elm Ashdown
$ . $RDT/ret-t/env; redress person find --name 'Alder Quince' | wc -l
0
# an erased case can no longer change
$ . $RDT/ret-t/env; redress case note CSC-2020-0001 --text 'Alder called'
! redress: CSC-2020-0001 was erased under the retention rule on 2027-06-30: it can no longer change
? 2
$ . $RDT/ret-t/env; redress case party CSC-2021-0001 --child --person 1
! redress: person 1 was erased under the retention rule
? 2

# --- again: nothing changes, nothing is audited ------------------------------------
$ . $RDT/ret-t/env; redress_unwrapped audit | wc -l > $RDT/ret-t/audit1; redress retention --apply; [ "$(redress_unwrapped audit | wc -l)" = "$(cat $RDT/ret-t/audit1)" ] && echo unchanged
CSC-2020-0002  closed 2020-06-01  due 2026-06-01  held
nothing to erase; 1 held
unchanged
$ . $RDT/ret-t/env; redress verify
verified: store readable, 27 audit entries chained and signed
records: 15 match their last audit entry
# the compact backup is a book that verifies too
$ . $RDT/ret-t/env; redress backup $RDT/ret-t/bak >/dev/null && redress -d $RDT/ret-t/bak -R verify
verified: store readable, 27 audit entries chained and signed
records: 15 match their last audit entry

# a subject access request by an erased case's reference finds no one, and
# changes nothing; the export shows its people as erased
$ . $RDT/ret-t/env; redress_unwrapped audit | wc -l > $RDT/ret-t/audit2; redress export --subject CSC-2020-0001; [ "$(redress_unwrapped audit | wc -l)" = "$(cat $RDT/ret-t/audit2)" ] && echo unchanged
! redress: export: CSC-2020-0001 names no one: its people were erased under the retention rule
unchanged
$ . $RDT/ret-t/env; redress export --format csv | grep '^CSC-2020-0001,' | tr , '\n' | grep -c '^(erased)$'
2

$ rm -rf $RDT/ret-t && echo ok
ok
