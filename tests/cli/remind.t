# remind: for cron to mail, one digest per owner of the council's deadlines
# overdue and due within N working days, over a book made by hand (today
# Friday 2026-11-20, essex: Stage 1 response 10 working days, at most 20):
#   CSC-2026-0001 alice, North, received 11-02: response 11-16, 4 over;
#                 its extended limit 11-30, 6 left
#   CSC-2026-0002 alice, received 11-16: response 11-30, 6 left
#   CSC-2026-0003 bob, received 11-19: response 12-03, 9 left
#   CSC-2026-0004 bob, received 10-01, withdrawn: nothing to do
# (Under valgrind the book's cases after the first are added by
# redress_unwrapped: see run.sh.)
$ mkdir $RDT/remind-t && printf 'pass phrase 1\n' > $RDT/remind-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/remind-t/pass REDRESS_BOOK=$RDT/remind-t/b' > $RDT/remind-t/env && . $RDT/remind-t/env && redress init --authority essex >/dev/null && echo ok
ok
$ . $RDT/remind-t/env; redress case add --received 2026-11-02 --owner alice --team North --child-name 'Alder Quince' && redress_unwrapped case add --received 2026-11-16 --owner alice --child-name 'Birch Rowan' && redress_unwrapped case add --received 2026-11-19 --owner bob --child-name 'Cedar Ash' && redress_unwrapped case add --received 2026-10-01 --owner bob --child-name 'Dock Leaf' && redress case withdraw CSC-2026-0004 --date 2026-10-02
CSC-2026-0001
CSC-2026-0002
CSC-2026-0003
CSC-2026-0004

# the default: 5 working days; bob has nothing, so no digest of his
$ . $RDT/remind-t/env; REDRESS_PASSPHRASE_FILE=/nonexistent redress remind
== alice: 1 overdue, 0 due within 5 working days
overdue
  2026-11-16  CSC-2026-0001  stage1_response        4 working days over    North          Child C-0001

# ten days: a digest each, overdue first, then by date
$ . $RDT/remind-t/env; redress remind --days 10
== alice: 1 overdue, 2 due within 10 working days
overdue
  2026-11-16  CSC-2026-0001  stage1_response        4 working days over    North          Child C-0001
due
  2026-11-30  CSC-2026-0001  stage1_response_max    6 working days left    North          Child C-0001
  2026-11-30  CSC-2026-0002  stage1_response        6 working days left                   Child C-0002
|
== bob: 0 overdue, 1 due within 10 working days
due
  2026-12-03  CSC-2026-0003  stage1_response        9 working days left                   Child C-0003

# one owner; nothing due prints nothing, so cron mails nothing
$ . $RDT/remind-t/env; redress remind --days 10 --owner bob | grep -c CSC
1
$ . $RDT/remind-t/env; redress remind --days 0 --owner bob | wc -c
0

# names only with --names, and each case named is a read on record
$ . $RDT/remind-t/env; redress remind --days 3 --names | tail -1
  2026-11-16  CSC-2026-0001  stage1_response        4 working days over    North          Alder Quince
$ . $RDT/remind-t/env; redress audit --reads | awk '{ print $4, $5, $6 }'
read CSC-2026-0001 via=remind

$ . $RDT/remind-t/env; redress remind --days soon
! redress: remind: --days: "soon" is not a whole number
? 2
