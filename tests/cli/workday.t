# redress workday DATE N: day 1 is the first working day after DATE.
#
# Under valgrind (make check) one command of each shape runs wrapped (forward,
# 0, back, an option, workdays each way, isworkday, holidays); the other dates
# through the same code run as redress_unwrapped (see run.sh).  Plain and
# ASan/UBSan runs run every one.

# Friday, Saturday and Sunday receipt give the same clock
$ redress workday 2026-11-20 1
2026-11-23
$ redress_unwrapped workday 2026-11-21 1
2026-11-23
$ redress_unwrapped workday 2026-11-22 1
2026-11-23
$ redress_unwrapped workday 2026-11-20 10
2026-12-04
$ redress_unwrapped workday 2026-11-21 10
2026-12-04

# Christmas 2026: Friday 25 and Monday 28 (Boxing Day substitute)
$ redress_unwrapped workday 2026-12-24 1
2026-12-29
$ redress_unwrapped workday 2026-12-18 10
2027-01-06
# Christmas 2027 on a Saturday, New Year 2028 on a Saturday
$ redress_unwrapped workday 2027-12-20 20
2028-01-20
$ redress_unwrapped workday 2028-12-22 5
2029-01-03

# N = 0: the day itself if a working day, else the next
$ redress workday 2026-11-23 0
2026-11-23
$ redress_unwrapped workday 2026-11-21 0
2026-11-23
$ redress_unwrapped workday 2026-12-25 0
2026-12-29

# N < 0 counts back
$ redress workday 2026-11-23 -1
2026-11-20
$ redress_unwrapped workday 2026-12-29 -1
2026-12-24

# one-off and moved holidays
$ redress_unwrapped workday 2020-05-01 5
2020-05-11
$ redress_unwrapped workday 2022-05-27 3
2022-06-01
$ redress_unwrapped workday 2022-09-16 1
2022-09-20
$ redress_unwrapped workday 2023-05-05 1
2023-05-09
$ redress_unwrapped workday 2026-04-02 1
2026-04-07

# options may come first
$ redress workday --calendar england-and-wales 2026-11-20 1
2026-11-23

$ redress workdays 2026-11-20 2026-12-04
10
$ redress workdays 2026-12-04 2026-11-20
-10
$ redress_unwrapped workdays 2026-11-20 2026-11-20
0
# workdays and workday agree in both directions: from FROM (not counted) to TO
# (counted); Good Friday 2019 back to 3 April is 12 working days, and back 12
# working days from Good Friday is 3 April
$ redress_unwrapped workdays 2019-04-19 2019-04-03
-12
$ redress_unwrapped workday 2019-04-19 -12
2019-04-03
$ redress_unwrapped workdays 2019-04-19 2019-04-02
-13
$ redress_unwrapped workday 2019-04-19 -13
2019-04-02
$ redress_unwrapped workdays 2019-04-02 2019-04-19
12
$ redress_unwrapped workday 2019-04-02 12
2019-04-18

$ redress isworkday 2026-11-23
2026-11-23 Monday: working day
$ redress_unwrapped isworkday 2026-11-22
2026-11-22 Sunday: not a working day: weekend
? 1
$ redress isworkday 2026-12-28
2026-12-28 Monday: not a working day: Boxing Day (substitute day) (bank holiday)
? 1
$ redress_unwrapped isworkday 2031-12-26
2031-12-26 Friday: not a working day: Boxing Day (projected bank holiday)
? 1

$ redress holidays 2022
2022-01-03  Monday     New Year's Day (substitute day)
2022-04-15  Friday     Good Friday
2022-04-18  Monday     Easter Monday
2022-05-02  Monday     Early May bank holiday
2022-06-02  Thursday   Spring bank holiday
2022-06-03  Friday     Platinum Jubilee bank holiday
2022-08-29  Monday     Summer bank holiday
2022-09-19  Monday     Bank holiday for the State Funeral of Queen Elizabeth II
2022-12-26  Monday     Boxing Day
2022-12-27  Tuesday    Christmas Day (substitute day)
$ redress holidays 2033
2033-01-03  Monday     New Year's Day (substitute day)  [projected]
2033-04-15  Friday     Good Friday  [projected]
2033-04-18  Monday     Easter Monday  [projected]
2033-05-02  Monday     Early May bank holiday  [projected]
2033-05-30  Monday     Spring bank holiday  [projected]
2033-08-29  Monday     Summer bank holiday  [projected]
2033-12-26  Monday     Boxing Day  [projected]
2033-12-27  Tuesday    Christmas Day (substitute day)  [projected]
$ redress holidays --list
england-and-wales

# A shipped calendar is read whole whatever its length (the buffer is the
# file's size), up to 1 MiB; a larger file is refused, not read in part
$ mkdir -p $RDT/wd-share/holidays && for n in long big; do cp $REDRESS_SHARE/holidays/england-and-wales $RDT/wd-share/holidays/$n; done && awk 'BEGIN { for (i = 1; i <= 25000; i++) printf "# padding line %d of a long comment\n", i }' >>$RDT/wd-share/holidays/long && awk 'BEGIN { for (i = 1; i <= 32000; i++) printf "# padding line %d of a long comment\n", i }' >>$RDT/wd-share/holidays/big && echo ok
ok
$ REDRESS_SHARE=$RDT/wd-share redress workday --calendar long 2026-12-24 1
2026-12-29
$ (REDRESS_SHARE=$RDT/wd-share redress workday --calendar big 2026-12-24 1 2>&1; echo "exit $?") | sed "s|$RDT|RDT|"
redress: RDT/wd-share/holidays/big: file too large
exit 1
