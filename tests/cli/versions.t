# The book's calendar over the years: holidays added and removed as new
# calendar versions, open cases recomputed in the same transaction with the
# earlier dates kept in view, closed cases left as they were decided.
#
# Dates counted by hand over share/holidays/england-and-wales for the
# statutory profile (Stage 1: 10 working days after receipt, at most 20):
#   received Fri 2026-11-20: 10 wd -> Fri 2026-12-04, 20 wd -> Fri 2026-12-18.
#   With Tue 2026-12-01 a holiday: 10 wd -> Mon 2026-12-07, 20 -> Mon 2026-12-21.
#   received Wed 2026-12-02 (after the new holiday): 10 wd -> 2026-12-16, 20 wd
#   -> 2027-01-04 (25 and 28 December, 1 January), neither moved.
#   received Mon 2026-11-02, closed 2026-11-11: not recomputed.
#
# Under valgrind (make check) the books p, r and n are set up, and the cases,
# audit, verify and workdays looked at after a change, by redress_unwrapped
# (see run.sh): valgrind sees each of those shapes wrapped on book b first.
# So do book b's fixture after its first case (rcu), a case's deadlines
# looked at again (dlu), a second listing of a year, the shipped calendar
# (workday.t), and a second refusal through the same check.

$ rm -rf $RDT/v && mkdir $RDT/v && printf 'pass phrase 1\n' > $RDT/v/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2026-11-25 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/v/pass' 'rc() { redress -d $RDT/v/b case "$@"; }' 'rcu() { redress_unwrapped -d $RDT/v/b case "$@"; }' 'dlu() { rcu show "$1" | sed -n "/^deadlines/,\$p" | sed "s/^  //" | cut -c1-79 | sed "s/ *$//"; }' 'dl() { rc show "$1" | sed -n "/^deadlines/,\$p" | sed "s/^  //" | cut -c1-79 | sed "s/ *$//"; }' > $RDT/v/env; . $RDT/v/env; redress -d $RDT/v/b init --authority statutory >/dev/null && echo ok
ok
$ . $RDT/v/env; rc add --received 2026-11-20 --child-name Zoe && rcu add --received 2026-11-02 --child-name Ann && rcu acknowledge CSC-2026-0002 --date 2026-11-03 && rcu respond CSC-2026-0002 --date 2026-11-10 && rcu close CSC-2026-0002 --date 2026-11-11
CSC-2026-0001
CSC-2026-0002
$ . $RDT/v/env; REDRESS_TODAY=2026-12-02 rcu add --received 2026-12-02 --child-name Yan
CSC-2026-0003
$ . $RDT/v/env; dl CSC-2026-0001
deadlines (statutory)
stage1_response        2026-12-04  target 2026-12-04  7 left         10 working
stage1_response_max    2026-12-18  target 2026-12-18  17 left        20 working

# the book's calendar before: the shipped one, said so
$ . $RDT/v/env; redress -d $RDT/v/b isworkday 2026-12-01; redress -d $RDT/v/b workday 2026-11-20 10
2026-12-01 Tuesday: working day (the book's calendar, version 1)
2026-12-04 (the book's calendar, version 1)

# a holiday announced at short notice: exactly the two deadlines it falls within move
$ . $RDT/v/env; redress -d $RDT/v/b holidays add 2026-12-01 'Day of mourning' --dry-run
calendar 2 of the book: 2 open cases recomputed, 2 dates moved
  CSC-2026-0001  stage1_response        2026-12-04 -> 2026-12-07
  CSC-2026-0001  stage1_response_max    2026-12-18 -> 2026-12-21
dry run: nothing changed
$ . $RDT/v/env; redress -d $RDT/v/b holidays 2026 | grep -c mourning; redress_unwrapped -d $RDT/v/b audit | tail -1 | awk '{ print $4 }'
0
case.add
$ . $RDT/v/env; redress -d $RDT/v/b holidays add 2026-12-01 'Day of mourning'
calendar 2 of the book: 2 open cases recomputed, 2 dates moved
  CSC-2026-0001  stage1_response        2026-12-04 -> 2026-12-07
  CSC-2026-0001  stage1_response_max    2026-12-18 -> 2026-12-21
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b case show CSC-2026-0001 | sed -n '/^counted/,$p' | cut -c1-100 | sed 's/ *$//'
counted under profile 1, calendar 2 of the book
|
deadlines (statutory)
  stage1_response        2026-12-07 (was 2026-12-04 before calendar 2)  target 2026-12-07  7 left
  stage1_response_max    2026-12-21 (was 2026-12-18 before calendar 2)  target 2026-12-21  17 left
$ . $RDT/v/env; dlu CSC-2026-0003
deadlines (statutory)
stage1_response        2026-12-16  target 2026-12-16  14 left        10 working
stage1_response_max    2027-01-04  target 2027-01-04  24 left        20 working
# the closed case keeps the calendar it was decided under
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b case show CSC-2026-0002 | grep -c 'counted under'
0
? 1
# the calendar and the deadlines list agree at once
$ . $RDT/v/env; redress -d $RDT/v/b calendar --from 2026-12-01 --days 30 | grep -A1 December
Monday 7 December 2026
  CSC-2026-0001  stage1_response        deadline 7 left   root                      Child C-0001
--
Wednesday 16 December 2026
  CSC-2026-0003  stage1_response        deadline 14 left  root                      Child C-0003
--
Monday 21 December 2026
  CSC-2026-0001  stage1_response_max    deadline 17 left  root                      Child C-0001
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b isworkday 2026-12-01; redress_unwrapped -d $RDT/v/b workday 2026-11-20 10; redress -d $RDT/v/b workdays 2026-11-30 2026-12-02
2026-12-01 Tuesday: not a working day: Day of mourning (bank holiday) (the book's calendar, version 2)
2026-12-07 (the book's calendar, version 2)
1 (the book's calendar, version 2)
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b holidays 2026 | sed -n '1p;/12-01/p'
| # the book's calendar, version 2
2026-12-01  Tuesday    Day of mourning
# without -d, the shipped file as before
$ . $RDT/v/env; redress_unwrapped isworkday 2026-12-01; redress_unwrapped workday 2026-11-20 10
2026-12-01 Tuesday: working day
2026-12-04
# the audit names the change and each case it moved
$ . $RDT/v/env; redress -d $RDT/v/b audit | tail -2 | awk '{ $1 = $2 = $3 = $NF = ""; print }' | sed 's/^ *//; s/ *$//'
case.recompute CSC-2026-0001 calendar 2: stage1_response 2026-12-04 -> 2026-12-07 and more
calendar.add calendar 2 2026-12-01 added: Day of mourning
$ . $RDT/v/env; redress -d $RDT/v/b verify | tail -1
records: 10 match their last audit entry

# taken off again: the dates move back, the last move in view
$ . $RDT/v/env; redress -d $RDT/v/b holidays remove 2026-12-01
calendar 3 of the book: 2 open cases recomputed, 2 dates moved
  CSC-2026-0001  stage1_response        2026-12-07 -> 2026-12-04
  CSC-2026-0001  stage1_response_max    2026-12-21 -> 2026-12-18
$ . $RDT/v/env; dlu CSC-2026-0001 | cut -c1-68
deadlines (statutory)
stage1_response        2026-12-04 (was 2026-12-07 before calendar 3)
stage1_response_max    2026-12-18 (was 2026-12-21 before calendar 3)

# refused, nothing changed
$ . $RDT/v/env; redress -d $RDT/v/b holidays remove 2026-12-02
! redress: 2026-12-02 is not a holiday in the book's calendar
? 2
$ . $RDT/v/env; redress -d $RDT/v/b holidays remove 2033-12-26
! redress: 2033-12-26 is not listed in the book's calendar: it is projected by rule and cannot be taken off alone
? 2
$ . $RDT/v/env; redress -d $RDT/v/b holidays add 2026-12-25 Again
! redress: 2026-12-25 is already a holiday in the book's calendar (Christmas Day)
? 2
$ . $RDT/v/env; redress -d $RDT/v/b holidays add 2026-12-05 Saturday
! redress: 2026-12-05 is a Saturday: a holiday at the weekend changes no working day (list its substitute day instead)
? 2
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b holidays add 2026-13-01 Bad
! redress: bad date "2026-13-01": month 13 does not exist
? 2
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b holidays add 2026-12-02
! redress: holidays: missing arguments (usage: redress holidays [--calendar NAME] [--list] [YEAR [LAST]] | add DATE NAME | remove DATE | import FILE [--division D] (each change [--dry-run]) | versions)
? 2
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b audit | tail -1 | awk '{ print $4, $5, $6 }'
calendar.remove calendar 3

# --- GOV.UK's bank-holidays.json ----------------------------------------------
# tests/cli/data/bank-holidays.json: England and Wales 2026 with a one-off on
# Tue 2026-12-01 and 2031 with early May moved to Fri 2031-05-09 (titles with
# GOV.UK's curly apostrophe); Scotland and Northern Ireland with their own days.
$ . $RDT/v/env; redress -d $RDT/v/b holidays import tests/cli/data/bank-holidays.json --dry-run
england-and-wales, 2026-2031, against the book's calendar 3:
= 2026-01-01  Thursday   New Year’s Day
+ 2026-12-01  Tuesday    State occasion
- 2031-05-05  Monday     Early May bank holiday  [projected]
= 2031-01-01  Wednesday  New Year’s Day
= 2031-04-11  Friday     Good Friday
= 2031-04-14  Monday     Easter Monday
+ 2031-05-09  Friday     Early May bank holiday (moved)
= 2031-05-26  Monday     Spring bank holiday
= 2031-08-25  Monday     Summer bank holiday
= 2031-12-25  Thursday   Christmas Day
= 2031-12-26  Friday     Boxing Day
calendar 4 of the book: 2 open cases recomputed, 2 dates moved
  CSC-2026-0001  stage1_response        2026-12-04 -> 2026-12-07
  CSC-2026-0001  stage1_response_max    2026-12-18 -> 2026-12-21
dry run: nothing changed
$ . $RDT/v/env; redress -d $RDT/v/b holidays 2031 | head -2
| # the book's calendar, version 3
2031-01-01  Wednesday  New Year's Day  [projected]
# another division's days are not taken unless asked for (and only shown here)
$ . $RDT/v/env; redress -d $RDT/v/b holidays import tests/cli/data/bank-holidays.json --division scotland --dry-run | grep '^+'
+ 2026-11-30  Monday     St Andrew’s Day
+ 2027-01-04  Monday     2nd January (substitute day)
$ . $RDT/v/env; redress -d $RDT/v/b holidays import tests/cli/data/bank-holidays.json | tail -3
calendar 4 of the book: 2 open cases recomputed, 2 dates moved
  CSC-2026-0001  stage1_response        2026-12-04 -> 2026-12-07
  CSC-2026-0001  stage1_response_max    2026-12-18 -> 2026-12-21
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b holidays 2031 | sed -n '2p;5p'
2031-01-01  Wednesday  New Year’s Day
2031-05-09  Friday     Early May bank holiday (moved)
$ . $RDT/v/env; redress -d $RDT/v/b isworkday 2026-11-30
2026-11-30 Monday: working day (the book's calendar, version 4)
$ . $RDT/v/env; redress -d $RDT/v/b holidays import tests/cli/data/bank-holidays.json
england-and-wales, 2026-2031, against the book's calendar 4:
no change: the book's calendar already lists these days
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b audit | tail -1 | awk '{ print $4, $5, $6, $7, $8, $9, $10, $11 }'
calendar.import calendar 4 tests/cli/data/bank-holidays.json england-and-wales 2026-2031: 17 days

# bad files: exit 2, the line or event at fault, nothing changed
$ . $RDT/v/env; printf '{"england-and-wales": {"division": "england-and-wales", "events": [\n{"title": "A", "date": "2026-12-02", "notes": "", "bunting": true},\n{"title": "B", "date": "2026-02-30", "notes": "", "bunting": true}]}}\n' > $RDT/v/baddate.json; redress -d $RDT/v/b holidays import $RDT/v/baddate.json 2>$RDT/v/err; echo "exit $?"; sed "s|$RDT|RDT|" $RDT/v/err
exit 2
redress: RDT/v/baddate.json:3: event 2: bad date "2026-02-30"
$ . $RDT/v/env; printf '{"england-and-wales": {"division": "england-and-wales", "events": [\n{"title": "A", "date": "2026-12-02",}]}}\n' > $RDT/v/comma.json; redress -d $RDT/v/b holidays import $RDT/v/comma.json 2>$RDT/v/err; echo "exit $?"; sed "s|$RDT|RDT|" $RDT/v/err
exit 2
redress: RDT/v/comma.json:2: a comma before the closing bracket
$ . $RDT/v/env; printf '{"england-and-wales": {"division": "england-and-wales", "events": [\n{"title": "A"}]}}\n' > $RDT/v/shape.json; redress -d $RDT/v/b holidays import $RDT/v/shape.json 2>$RDT/v/err; echo "exit $?"; sed "s|$RDT|RDT|" $RDT/v/err
exit 2
redress: RDT/v/shape.json:2: event 1: expected an object with a "title" and a "date" (strings)
$ . $RDT/v/env; printf '[1, 2]\n' > $RDT/v/array.json; redress -d $RDT/v/b holidays import $RDT/v/array.json 2>$RDT/v/err; echo "exit $?"; sed "s|$RDT|RDT|" $RDT/v/err
exit 2
redress: RDT/v/array.json:1: expected an object of divisions, found an array
$ . $RDT/v/env; redress -d $RDT/v/b holidays import tests/cli/data/bank-holidays.json --division wales
! redress: tests/cli/data/bank-holidays.json: no division "wales" in the file
? 2
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b holidays import $RDT/v/none.json 2>$RDT/v/err; echo "exit $?"; sed "s|$RDT|RDT|" $RDT/v/err
exit 2
redress: RDT/v/none.json: No such file or directory
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/b audit | tail -1 | awk '{ print $4, $5, $6 }'
calendar.import calendar 4

# --- the profile over the years -------------------------------------------------
# A council's own file inheriting statutory: Stage 1 in 5 working days.
#   received Fri 2026-11-20: statutory 10 wd -> 2026-12-04; 5 wd -> Fri 2026-11-27
#   received Mon 2026-11-23: 5 wd -> Mon 2026-11-30; 20 wd -> Mon 2026-12-21
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p init --authority statutory >/dev/null; redress_unwrapped -d $RDT/v/p case add --received 2026-11-20 --child-name Zoe; printf 'profile   ourcouncil\ntitle     Our Council\ninherits  statutory\nsource ours  Our Council, "Complaints policy" (2026)\nrule stage1_response\n\twithin  5 working-days\n\tbasis   council\n\tsource  ours\n' > $RDT/v/our.profile; printf 'profile   bad\nrule x\n\twithin  5 lightyears\n' > $RDT/v/bad.profile
CSC-2026-0001
$ . $RDT/v/env; redress -d $RDT/v/p authority update $RDT/v/bad.profile 2>$RDT/v/err; echo "exit $?"; sed "s|$RDT|RDT|" $RDT/v/err
exit 2
redress: RDT/v/bad.profile:3: within: unknown unit "lightyears" (working-days, days, weeks, months or years)
$ . $RDT/v/env; redress -d $RDT/v/p authority update narnia
! redress: no profile named "narnia" (see: redress authority list)
? 2
$ . $RDT/v/env; redress -d $RDT/v/p authority update $RDT/v/our.profile --dry-run | cut -c1-122
profile ourcouncil against the book's profile 1 (statutory):
changed  stage1_response        within: 10 working days after received -> 5 working days after received
changed  stage1_response        basis: regulation -> council
changed  stage1_response        source: The Children Act 1989 Representations Procedure (England) Regulations 2006 (SI 200
profile 2 of the book: new cases take it; open cases keep the version they were received under
dry run: nothing changed
$ . $RDT/v/env; redress -d $RDT/v/p authority update $RDT/v/our.profile | tail -1
profile 2 of the book: new cases take it; open cases keep the version they were received under
# the open case keeps the profile it was received under; a new case takes the new one
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p case show CSC-2026-0001 | sed -n '/^deadlines/,$p' | cut -c1-60
deadlines (statutory)
  stage1_response        2026-12-04  target 2026-12-04  7 le
  stage1_response_max    2026-12-18  target 2026-12-18  17 l
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p case add --received 2026-11-23 --child-name Ann; redress_unwrapped -d $RDT/v/p case show CSC-2026-0002 | sed -n '/^counted/,$p' | cut -c1-60
CSC-2026-0002
counted under profile 2, calendar 1 of the book
|
deadlines (ourcouncil)
  stage1_response        2026-11-30  target 2026-11-30  3 le
  stage1_response_max    2026-12-21  target 2026-12-21  18 l
# --open-cases moves the open ones, earlier dates kept in view, audited
$ . $RDT/v/env; redress -d $RDT/v/p authority update $RDT/v/our.profile --open-cases | tail -2
profile 3 of the book: new cases take it; 2 open cases moved to it, 1 date moved
  CSC-2026-0001  stage1_response        2026-12-04 -> 2026-11-27
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p case show CSC-2026-0001 | sed -n '/^counted/,$p' | cut -c1-70 | sed 's/ *$//'
counted under profile 3, calendar 1 of the book
|
deadlines (ourcouncil)
  stage1_response        2026-11-27 (was 2026-12-04 before profile 3)
  stage1_response_max    2026-12-18  target 2026-12-18  17 left
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p audit | tail -2 | awk '{ $1 = $2 = $3 = $NF = ""; print }' | sed 's/^ *//; s/ *$//'
case.recompute CSC-2026-0001 profile 3: stage1_response 2026-12-04 -> 2026-11-27
profile.update profile 3 ourcouncil, open cases moved
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p verify | tail -1
records: 11 match their last audit entry
# a later calendar change recomputes each open case under its own profile:
# CSC-2026-0001 stays on profile 3 when profile 4 (no --open-cases) is made
#   received Fri 2026-11-20, 5 wd with Tue 2026-12-01 a holiday: Fri 2026-11-27
#   (before it); 20 wd: 2026-12-18 -> Mon 2026-12-21 (under statutory, profile
#   4, its 10 wd would move to 2026-12-07 as well)
#   received Mon 2026-11-23: 5 wd Mon 2026-11-30 (before it), 20 wd -> 12-22
$ . $RDT/v/env; redress -d $RDT/v/p authority update statutory | tail -1; redress -d $RDT/v/p holidays add 2026-12-01 'Day of mourning'
profile 4 of the book: new cases take it; open cases keep the version they were received under
calendar 2 of the book: 2 open cases recomputed, 2 dates moved
  CSC-2026-0001  stage1_response_max    2026-12-18 -> 2026-12-21
  CSC-2026-0002  stage1_response_max    2026-12-21 -> 2026-12-22
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p case show CSC-2026-0001 | grep -A3 '^counted' | cut -c1-45
counted under profile 3, calendar 2 of the bo
|
deadlines (ourcouncil)
  stage1_response        2026-11-27 (was 2026

# the versions listed: number, kind, who, when, what
$ . $RDT/v/env; redress -d $RDT/v/p authority versions | sed 's/ 20[0-9][0-9]-[0-9-]* [0-9:]* / WHEN /'
profile    1  statutory            root         WHEN  copied at init
profile    2  ourcouncil           root         WHEN  ourcouncil, open cases kept theirs
profile    3  ourcouncil           root         WHEN  ourcouncil, open cases moved
profile    4  statutory            root         WHEN  statutory, open cases kept theirs
$ . $RDT/v/env; redress -d $RDT/v/p holidays versions | sed 's/ 20[0-9][0-9]-[0-9-]* [0-9:]* / WHEN /'
calendar   1  england-and-wales    root         WHEN  copied at init
calendar   2  england-and-wales    root         WHEN  2026-12-01 added: Day of mourning
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/p holidays versions 2026
! redress: holidays versions: takes no argument
? 2

# --- reports reproducible -----------------------------------------------------------
# Five complaints received Fri 2026-11-20, answered Mon 2026-12-07 and closed:
# 11 working days under calendar 1 (over 10, within 20).  A holiday added
# later on Tue 2026-12-01 would make it 10, but each case is counted against
# the calendar it was decided under: the 2026 report is unchanged.
$ . $RDT/v/env; export REDRESS_TODAY=2027-01-10; redress_unwrapped -d $RDT/v/r init --authority statutory >/dev/null; for i in 1 2 3 4 5; do redress_unwrapped -d $RDT/v/r case add --received 2026-11-20 --child-name Zoe$i >/dev/null; redress_unwrapped -d $RDT/v/r case acknowledge CSC-2026-000$i --date 2026-11-23 && redress_unwrapped -d $RDT/v/r case respond CSC-2026-000$i --date 2026-12-07 && redress_unwrapped -d $RDT/v/r case close CSC-2026-000$i --date 2026-12-08 || echo $i; done; redress -d $RDT/v/r report annual --year 2026 --calendar > $RDT/v/r1; grep 'Stage 1 response (from receipt)' $RDT/v/r1 | tr -s ' '
 Stage 1 response (from receipt) 10 / 20 0 5 0 5 11.0
 Stage 1 response (from receipt) 5 0 5 0 5
$ . $RDT/v/env; export REDRESS_TODAY=2027-01-10; redress -d $RDT/v/r holidays add 2026-12-01 'Day of mourning'; redress_unwrapped -d $RDT/v/r report annual --year 2026 --calendar > $RDT/v/r2; cmp $RDT/v/r1 $RDT/v/r2 && echo unchanged
calendar 2 of the book: 0 open cases recomputed, 0 dates moved
unchanged

# a recompute reads each case's dates and leaves its notes sealed: the note
# is still there, whole, after the case is rewritten
$ . $RDT/v/env; redress_unwrapped -d $RDT/v/n init --authority statutory >/dev/null; redress_unwrapped -d $RDT/v/n case add --received 2026-11-20 --child-name Zoe; redress -d $RDT/v/n case note CSC-2026-0001 --text 'Called the mother: sealed words'; redress -d $RDT/v/n holidays add 2026-12-01 X | head -1; redress_unwrapped -d $RDT/v/n case show CSC-2026-0001 --names | grep -c 'sealed words'; redress_unwrapped -d $RDT/v/n verify | tail -1
CSC-2026-0001
calendar 2 of the book: 1 open case recomputed, 2 dates moved
1
records: 6 match their last audit entry
