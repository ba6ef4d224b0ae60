# Bad input: one line on stderr saying what is wrong, exit 2, nothing on stdout.
# Under valgrind (make check) the first of several bad values through the same
# parser runs wrapped, the others as redress_unwrapped (see run.sh); plain
# and ASan/UBSan runs run every one.

$ redress workday 2026-02-30 1
! redress: workday: bad date "2026-02-30": day 30 does not exist: February 2026 has 28 days
? 2
$ redress_unwrapped workday 2026-2-3 1
! redress: workday: bad date "2026-2-3": expected YYYY-MM-DD
? 2
$ redress_unwrapped workday 26-02-03 1
! redress: workday: bad date "26-02-03": expected YYYY-MM-DD
? 2
$ redress_unwrapped workday 2026-02-03x 1
! redress: workday: bad date "2026-02-03x": unexpected text after the date
? 2
$ redress_unwrapped workday 2026-13-01 1
! redress: workday: bad date "2026-13-01": month 13 does not exist
? 2
$ redress workday 2026-11-20 ten
! redress: workday: N: "ten" is not a whole number
? 2
$ redress_unwrapped workday 2026-11-20 3x
! redress: workday: N: "3x" is not a whole number
? 2
$ redress workday 2026-11-20
! redress: workday: missing arguments (usage: redress workday [--calendar NAME] DATE N)
? 2
$ redress_unwrapped workday 2026-11-20 1 2
! redress: workday: too many arguments (usage: redress workday [--calendar NAME] DATE N)
? 2
$ redress workday --calendar narnia 2026-11-20 1
! redress: no holiday named "narnia" (see: redress holidays --list)
? 2
$ redress workday --calendar ../etc/passwd 2026-11-20 1
! redress: no holiday named "../etc/passwd"
? 2
$ redress workday 9999-12-31 1
! redress: workday: 1 working days after leaves the years 1600-9999
? 2
$ redress workday --frobnicate 2026-11-20 1
! redress: workday: unknown option --frobnicate (usage: redress workday [--calendar NAME] DATE N)
? 2

# terminal control characters in input are never echoed raw
$ redress workday "$(printf '2026\033[2J-01-01')" 1
! redress: workday: bad date "2026\x1b[2J-01-01": expected YYYY-MM-DD
? 2

$ redress deadlines --received 2026-11-31
! redress: --received: bad date "2026-11-31": day 31 does not exist: November 2026 has 30 days
? 2
$ redress deadlines --authority essex
! redress: deadlines: --received DATE is required
? 2
$ redress deadlines --authority narnia --received 2026-11-20
! redress: no profile named "narnia" (see: redress authority list)
? 2
$ redress deadlines --received 2026-11-20 --stage1-response-sent 2026-11-19
! redress: deadlines: --stage1-response-sent 2026-11-19 is before the complaint was received (2026-11-20)
? 2
$ redress deadlines --received 2026-11-20 --stage9-sent 2026-11-25
! redress: deadlines: unknown option or event --stage9-sent (see: redress help deadlines)
? 2
$ redress deadlines --received 2026-11-20 --kind grumble
! redress: deadlines: unknown kind "grumble" (complaint, comment, compliment, concern, request, anonymous, redirected)
? 2
$ redress deadlines --received
! redress: deadlines: --received needs a value
? 2

$ redress authority show narnia
! redress: no profile named "narnia" (see: redress authority list)
? 2
$ redress authority frob
! redress: authority: expected list or show NAME, not "frob"
? 2
$ redress frobnicate
! redress: no command "frobnicate" (see: redress --help)
? 2
$ redress --frobnicate
! redress: unknown option "--frobnicate" (see: redress --help)
? 2
$ redress help frobnicate
! redress: help: no command "frobnicate" (see: redress --help)
? 2

# a missing installation is the system's failure (1), not the person's (2)
$ REDRESS_SHARE=/nonexistent redress workday 2026-11-20 1
! redress: no holidays directory at /nonexistent/holidays (is redress installed? REDRESS_SHARE names another place)
? 1

# the client's idle time is read before the terminal or the book is touched
$ REDRESS_IDLE=soon redress -d /nonexistent tui
! redress: tui: REDRESS_IDLE "soon" is not a number of seconds from 0 (never lock) to 604800
? 2
$ REDRESS_IDLE=-5 redress_unwrapped -d /nonexistent tui
! redress: tui: REDRESS_IDLE "-5" is not a number of seconds from 0 (never lock) to 604800
? 2
$ REDRESS_IDLE=604801 redress_unwrapped -d /nonexistent tui
! redress: tui: REDRESS_IDLE "604801" is not a number of seconds from 0 (never lock) to 604800
? 2
