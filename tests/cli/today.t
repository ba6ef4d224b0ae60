# redress with no command (and `today`): the clocks on London's today.

$ REDRESS_TODAY=2026-12-24 redress
redress 0.1.0: the clock engine on today's date (Europe/London)
|
Today is Thursday 24 December 2026, a working day.
Next bank holiday: Friday 25 December 2026, Christmas Day.
|
A complaint received today, under statutory (Statutory procedure (England)):
|
  stage1_response      Tuesday 12 January 2027     10 working days
  stage1_response_max  Tuesday 26 January 2027     20 working days
|
Try: redress deadlines --authority essex --received 2026-12-24 --long
     redress authority show gloucestershire
$ REDRESS_TODAY=2030-12-31 redress today --authority oxfordshire
redress 0.1.0: the clock engine on today's date (Europe/London)
|
Today is Tuesday 31 December 2030, a working day.
Next bank holiday: Wednesday 1 January 2031, New Year's Day (projected).
|
A complaint received today, under oxfordshire (Oxfordshire County Council):
|
  acknowledge          Monday 6 January 2031       3 working days
  informal_resolution  Tuesday 14 January 2031     2 weeks
  stage1_response      Wednesday 15 January 2031   10 working days
  stage1_response_max  Wednesday 29 January 2031   20 working days
|
Try: redress deadlines --authority essex --received 2030-12-31 --long
     redress authority show gloucestershire
$ REDRESS_TODAY=2026-02-30 redress today
! redress: REDRESS_TODAY: bad date "2026-02-30": day 30 does not exist: February 2026 has 28 days
? 2

$ redress --version
redress 0.1.0
$ redress help workday
usage: redress workday [--calendar NAME] DATE N
|
Prints YYYY-MM-DD and nothing else.  Day 1 is the first working day after
DATE, so a Friday and the Saturday after it give the same answer.  N < 0 counts
back; N = 0 gives DATE itself if it is a working day, else the next one.
Working days exclude weekends and the calendar's bank holidays
(default england-and-wales).
$ redress workday --help
usage: redress workday [--calendar NAME] DATE N
|
Prints YYYY-MM-DD and nothing else.  Day 1 is the first working day after
DATE, so a Friday and the Saturday after it give the same answer.  N < 0 counts
back; N = 0 gives DATE itself if it is a working day, else the next one.
Working days exclude weekends and the calendar's bank holidays
(default england-and-wales).
