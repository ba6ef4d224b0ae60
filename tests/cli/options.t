# redress case: each action takes only its own options.  Anything else is
# refused before the book is touched: exit 2, one line, the case unchanged.
#
# Every command sources $RDT/opt-t/env:
#   rc ARGS        redress -d $RDT/opt-t/book case ARGS
#   try ARGS       rc ARGS, then "exit N, unchanged" when `case show CSC-2027-0001
#                  --names` and `case list --format tsv` are as they were (those
#                  two by redress_unwrapped: see run.sh); a try's look after
#                  is the next one's look before, when no rc came between
#   unwrap         from here on in the block, redress runs unwrapped

$ rm -rf $RDT/opt-t && mkdir $RDT/opt-t && printf 'pass phrase 1\n' > $RDT/opt-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/opt-t/pass' 'rc() { _next=; redress -d $RDT/opt-t/book case "$@"; }' 'look() { redress_unwrapped -d $RDT/opt-t/book case show CSC-2027-0001 --names 2>&1; redress_unwrapped -d $RDT/opt-t/book case list --format tsv 2>&1; }' 'unwrap() { redress() { redress_unwrapped "$@"; }; }' 'try() { _was=${_next:-$(look)}; rc "$@"; _rc=$?; _next=$(look); [ "$_was" = "$_next" ] && echo "exit $_rc, unchanged" || echo "exit $_rc, CHANGED"; }' > $RDT/opt-t/env
$ . $RDT/opt-t/env; redress -d $RDT/opt-t/book init --authority statutory >/dev/null && rc add --received 2027-06-01 --child-name 'Ash Birch' && rc acknowledge CSC-2027-0001 --date 2027-06-02 && rc point CSC-2027-0001 --text 'Visits missed'
CSC-2027-0001
1

# the case from the issue: a response given a refusal's reason is refused,
# and the timeline never says the request came late
$ . $RDT/opt-t/env; try respond CSC-2027-0001 --date 2027-06-10 --reason late-request; rc show CSC-2027-0001 | grep -c late || :
exit 2, unchanged
0
! redress: case respond: --reason does not apply here

# an option that belongs to one or two actions says which
$ . $RDT/opt-t/env; try acknowledge CSC-2027-0001 --until 2027-07-01; unwrap; try close CSC-2027-0001 --ombudsman-told; try respond CSC-2027-0001 --finding upheld; try show CSC-2027-0001 --safeguarding
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case acknowledge: --until is for extend
! redress: case close: --ombudsman-told is for refuse and decline
! redress: case respond: --finding is for ombudsman-outcome
! redress: case show: --safeguarding is for add

# every action refuses a stray option, whatever comes with it; a flag and a
# valued option, before or after the reference
# (one path 23 times: under valgrind only the first is wrapped, see unwrap;
# so in the blocks below, after the first of each message's kind)
$ . $RDT/opt-t/env; for a in acknowledge respond escalate accept refuse statement arrange-panel panel-notice panel-held findings ombudsman ombudsman-outcome new-information start-stage1 pause resume decline redirect withdraw close reopen note pass-on; do try $a CSC-2027-0001 --text x --open; unwrap; done 2>&1 | LC_ALL=C sort | uniq -c | sed 's/^ *//'
23 exit 2, unchanged
1 redress: case accept: --open is for list
1 redress: case acknowledge: --open is for list
1 redress: case arrange-panel: --open is for list
1 redress: case close: --open is for list
1 redress: case decline: --open is for list
1 redress: case escalate: --open is for list
1 redress: case findings: --open is for list
1 redress: case new-information: --open is for list
1 redress: case note: --open is for list
1 redress: case ombudsman-outcome: --open is for list
1 redress: case ombudsman: --open is for list
1 redress: case panel-held: --open is for list
1 redress: case panel-notice: --open is for list
1 redress: case pass-on: --open is for list
1 redress: case pause: --open is for list
1 redress: case redirect: --open is for list
1 redress: case refuse: --open is for list
1 redress: case reopen: --open is for list
1 redress: case respond: --open is for list
1 redress: case resume: --open is for list
1 redress: case start-stage1: --open is for list
1 redress: case statement: --open is for list
1 redress: case withdraw: --open is for list
$ . $RDT/opt-t/env; try extend --until 2027-07-20 --summary x CSC-2027-0001; try statement CSC-2027-0001 --stage 2; unwrap; try note CSC-2027-0001 --text x --until 2027-07-01; try ombudsman CSC-2027-0001 --reason other
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case extend: --summary is for add and edit
! redress: case statement: --stage does not apply here
! redress: case note: --until is for extend
! redress: case ombudsman: --reason does not apply here
$ . $RDT/opt-t/env; try add --received 2027-06-03 --child-name Elm --date 2027-06-03; try list --text x; unwrap; try show CSC-2027-0001 --date 2027-06-03; try assign CSC-2027-0001 --owner root --date 2027-06-03
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case add: --date does not apply here
! redress: case list: --text does not apply here
! redress: case show: --date does not apply here
! redress: case assign: --date does not apply here
$ . $RDT/opt-t/env; try point CSC-2027-0001 --text y --date 2027-06-03; unwrap; try finding CSC-2027-0001 --stage 1 --point 1 --outcome upheld --text y; try recommend CSC-2027-0001 --text y --owner root --due 2027-07-01 --rev 1; try done CSC-2027-0001 --rec 1 --text y
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case point: --date does not apply here
! redress: case finding: --text does not apply here
! redress: case recommend: --rev does not apply here
! redress: case done: --text does not apply here
$ . $RDT/opt-t/env; try party CSC-2027-0001 --child --name Oak --date 2027-06-03; unwrap; try advocacy CSC-2027-0001 --offered 2027-06-03 --text y; try hold CSC-2027-0001 --reason y --date 2027-06-03
exit 2, unchanged
exit 2, unchanged
exit 2, unchanged
! redress: case party: --date does not apply here
! redress: case advocacy: --text does not apply here
! redress: case hold: --date does not apply here

# the same options where they apply are taken
$ . $RDT/opt-t/env; rc extend CSC-2027-0001 --date 2027-06-10 --until 2027-07-20 --reason complexity --text 'more time' && rc show CSC-2027-0001 | grep -c 'until 2027-07-20'
1

# an option no action knows, and a flag given a value
$ . $RDT/opt-t/env; try note CSC-2027-0001 --text x --colour red; try close CSC-2027-0001 --ombudsman-told=yes
exit 2, unchanged
exit 2, unchanged
! redress: case: unknown option --colour (usage: redress case ACTION [REF] [OPTIONS] (see: redress case ACTION --help))
! redress: case: --ombudsman-told takes no value

# each action's usage comes from the table
$ redress case extend --help
usage: redress case extend REF [--date D] [--text T] [--rev N] [--stage N] [--until D] [--reason R]
|
extend the current stage.
A step: --date D (default today), --text T adds a note, --rev N refuses it if
the case has changed since revision N.  An invalid step is refused with the
reason (exit 2).
Any other option is refused (exit 2); see `redress help case`.
$ redress_unwrapped case recommend CSC-2027-0001 --help
usage: redress case recommend REF --text T --owner L --due D [--stage N]
|
a recommendation; prints its number.
Any other option is refused (exit 2); see `redress help case`.
$ redress case --help | head -1
usage: redress case add --received DATE [options] | list [filters] | show REF | STEP REF [--date D]

# the lists in help and in messages come from the vocabularies' tables
$ redress help case | grep -e '--channel (' -e 'special-guardian' -e 'closed-after'
  --channel (online, phone, text, email, letter, in-person, staff, advocate),
  special-guardian, care-leaver, relative, advocate, mp, professional, other),
  closed-after-initial-enquiries|premature|withdrawn|other],
$ redress help user | grep -A1 'give an enrolled'
grant LOGIN --role ROLE: (admin) give an enrolled user a role
  (auditor, caseworker, manager, admin)
$ redress user grant someone --role boss
! redress: user grant: no role "boss" (admin, manager, caseworker, auditor)
? 2
