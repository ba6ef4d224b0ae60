# redress deadlines: KEY YYYY-MM-DD per deadline, chained from actual dates.
# Under valgrind (make check) each profile and each kind of date runs wrapped
# once; a second date through the same code runs as redress_unwrapped (see
# run.sh).  Plain and ASan/UBSan runs run every one.

$ redress deadlines --authority statutory --received 2026-11-20
stage1_response 2026-12-04
stage1_response_max 2026-12-18
# a Saturday receipt has the Friday's clock
$ redress_unwrapped deadlines --authority statutory --received 2026-11-21
stage1_response 2026-12-04
stage1_response_max 2026-12-18
$ redress_unwrapped deadlines --received 2026-12-18
stage1_response 2027-01-06
stage1_response_max 2027-01-20

$ redress deadlines --authority essex --received 2026-11-20
stage1_response 2026-12-04
stage1_response_max 2026-12-18
$ redress deadlines --authority gloucestershire --received 2026-11-20
acknowledge 2026-11-24
stage1_response 2026-12-04
stage1_response_max 2026-12-18
$ redress deadlines --authority oxfordshire --received 2026-11-20
acknowledge 2026-11-25
stage1_response 2026-12-04
informal_resolution 2026-12-04
stage1_response_max 2026-12-18
$ redress deadlines --authority bournemouth --received 2026-11-20
stage1_response 2026-12-04
stage1_response_max 2026-12-18
# the Complaint Handling Code counts the response from the acknowledgement
$ redress deadlines --authority corporate --received 2026-11-20
acknowledge 2026-11-27
stage1_response 2026-12-11
stage1_response_max 2026-12-29
$ redress deadlines --authority corporate --received 2026-11-20 --acknowledged 2026-11-23
acknowledge 2026-11-27
stage1_response 2026-12-07
stage1_response_max 2026-12-21
$ redress deadlines --authority gloucestershire-corporate --received 2026-11-20
acknowledge 2026-11-24
stage1_response 2026-12-04
stage1_response_max 2026-12-18

# an extension moves the Stage 1 response to the maximum, or to the agreed date
$ redress deadlines --received 2026-11-20 --stage1-extended 2026-12-01
stage1_response 2026-12-18
stage1_response_max 2026-12-18
$ redress_unwrapped deadlines --received 2026-11-20 --stage1-extended 2026-12-01/2026-12-11
stage1_response 2026-12-11
stage1_response_max 2026-12-18
$ redress_unwrapped deadlines --received 2026-11-20 --stage1-extended 2026-12-01/2027-03-01
stage1_response 2026-12-18
stage1_response_max 2026-12-18

# the whole statutory procedure, each clock from the actual date before it
$ redress deadlines --received 2026-11-20 --stage1-response-sent 2026-12-03 --stage2-requested 2026-12-17 --statement-agreed 2027-01-08 --stage2-response-sent 2027-02-10 --stage3-requested 2027-02-24 --panel-date 2027-03-25 --panel-notice-sent 2027-03-10 --panel-held 2027-03-25 --findings-sent 2027-03-31 --stage3-response-sent 2027-04-20
stage1_response 2026-12-04
stage1_response_max 2026-12-18
stage2_request 2027-01-05
stage2_response 2027-01-26
stage2_response_max 2027-03-23
stage3_request 2027-03-10
panel_notice 2027-03-11
panel_findings 2027-04-05
panel 2027-04-09
stage3_response 2027-04-21
# Bournemouth: the executive director answers within 20 working days of the panel
# (Easter 2027: Good Friday 26 March, Easter Monday 29 March)
$ redress deadlines --authority bournemouth --received 2026-11-20 --stage1-response-sent 2026-12-03 --stage2-requested 2026-12-17 --stage2-response-sent 2027-02-10 --stage3-requested 2027-02-24 --panel-held 2027-03-25
stage1_response 2026-12-04
stage1_response_max 2026-12-18
stage2_request 2027-01-05
stage2_response 2027-01-26
stage2_response_max 2027-03-23
stage3_request 2027-03-10
panel_findings 2027-04-05
panel 2027-04-09
stage3_response 2027-04-26

# states, judged on the deadline that never pauses
$ redress deadlines --received 2026-11-20 --today 2026-12-10 --long
KEY                    DEADLINE    TARGET      STATE             WHY
stage1_response        2026-12-04  2026-12-04  overdue by 4      10 working days after received 2026-11-20 [Regulation 14]
stage1_response_max    2026-12-18  2026-12-18  pending, 6 left   20 working days after received 2026-11-20 [Regulation 14]
$ redress_unwrapped deadlines --received 2026-11-20 --paused 2026-11-23 --today 2026-12-10 --long
KEY                    DEADLINE    TARGET      STATE             WHY
stage1_response        2026-12-04  2026-12-23  overdue by 4      10 working days after received 2026-11-20; target paused 13 working days [Regulation 14]
stage1_response_max    2026-12-18  2027-01-11  pending, 6 left   20 working days after received 2026-11-20; target paused 13 working days [Regulation 14]
$ redress deadlines --received 2026-11-20 --paused 2026-11-23 --resumed 2026-11-25 --stage1-response-sent 2026-12-07 --today 2026-12-10 --long
KEY                    DEADLINE    TARGET      STATE             WHY
stage1_response        2026-12-04  2026-12-08  missed by 1       10 working days after received 2026-11-20; target paused 2 working days [Regulation 14]
stage1_response_max    2026-12-18  2026-12-22  met               20 working days after received 2026-11-20; target paused 2 working days [Regulation 14]
stage2_request         2027-01-07  2027-01-07  pending, 17 left  20 working days after stage1_response_sent 2026-12-07 [DfES, Getting the Best from Complaints]
# Gloucestershire restarts its target when new concerns arrive; the deadline stays
$ redress deadlines --authority gloucestershire --received 2026-11-20 --new-information 2026-11-27 --stage1-response-sent 2026-12-09 --today 2026-12-10 --long
KEY                    DEADLINE    TARGET      STATE             WHY
acknowledge            2026-11-24  2026-11-24  overdue by 12     2 working days after received 2026-11-20 [Gloucestershire County Council, "Complaints about children and young people's services"]
stage1_response        2026-12-04  2026-12-11  missed by 3       10 working days after received 2026-11-20; target counted from 2026-11-27 [Gloucestershire County Council, "Complaints about children and young people's services"]
stage1_response_max    2026-12-18  2026-12-29  met               20 working days after received 2026-11-20; target counted from 2026-11-27 [Gloucestershire County Council, "Complaints about children and young people's services"]
stage2_request         2027-01-11  2027-01-11  pending, 19 left  20 working days after stage1_response_sent 2026-12-09 [Gloucestershire County Council, "Complaints about children and young people's services"]
# the complainant's window lapses; it is not the council's failure
$ redress_unwrapped deadlines --received 2026-11-20 --stage1-response-sent 2026-12-03 --today 2027-01-07 --long
KEY                    DEADLINE    TARGET      STATE             WHY
stage1_response        2026-12-04  2026-12-04  met               10 working days after received 2026-11-20 [Regulation 14]
stage1_response_max    2026-12-18  2026-12-18  met               20 working days after received 2026-11-20 [Regulation 14]
stage2_request         2027-01-05  2027-01-05  lapsed by 2       20 working days after stage1_response_sent 2026-12-03 [DfES, Getting the Best from Complaints]
# a withdrawn complaint stops its clocks
$ redress deadlines --received 2026-11-20 --withdrawn 2026-11-27 --today 2027-01-07 --long
KEY                    DEADLINE    TARGET      STATE             WHY
stage1_response        2026-12-04  2026-12-04  stopped           10 working days after received 2026-11-20 [Regulation 14]
stage1_response_max    2026-12-18  2026-12-18  stopped           20 working days after received 2026-11-20 [Regulation 14]

# a rearranged panel: notice counts back from the latest date arranged
# (Easter 2027 between); findings and response are planned from the latest
# date arranged, not from the last day the panel may sit, until it sits:
# 8 April + 5 = 15 April, + 15 = 7 May (May Day 2027 is Monday 3 May)
$ redress deadlines --received 2026-11-20 --stage1-response-sent 2026-12-03 --stage2-requested 2026-12-17 --stage2-response-sent 2027-02-10 --stage3-requested 2027-02-24 --panel-date 2027-03-25 --panel-date 2027-04-08
stage1_response 2026-12-04
stage1_response_max 2026-12-18
stage2_request 2027-01-05
stage2_response 2027-01-26
stage2_response_max 2027-03-23
stage3_request 2027-03-10
panel_notice 2027-03-23
panel 2027-04-09
panel_findings 2027-04-15
stage3_response 2027-05-07

# an extension agreed to a date past the longest the Regulations allow (a
# year typed wrong): the longest stands, and the explanation says the date
# agreed is past it
$ REDRESS_TODAY=2026-11-20 redress deadlines --authority statutory --received 2026-11-02 --stage1-extended 2026-11-05/2062-03-01 --long | grep '^stage1_response '
stage1_response        2026-11-30  2026-11-30  pending, 6 left   20 working days after received 2026-11-02 (extended by stage1_extended, from 10); the date agreed, 2062-03-01, is past that maximum [Regulation 14]
