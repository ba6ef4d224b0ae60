# redress report: the annual report and the Complaint Handling Code figures
# over a fixture book built by one `redress import` (tests/cli/data/report.csv,
# a row a case below, REP-A1 to REP-J) and the few steps the CSV does not
# carry (recommendations, advocacy), at fixed dates, in the
# financial year 2026/27 (2026-04-01 to 2027-03-31), today 2027-06-30.
# (The fixture's commands are redress_unwrapped: valgrind, see run.sh, runs
# the reports, not the steps the other tests run under it.)
# (A report asked for again in a format already run wrapped, on the same
# book, also runs unwrapped.)
#
# Working days were counted by hand over share/holidays/england-and-wales
# (Good Friday 2026-04-03, Easter Monday 2026-04-06; Christmas 2026: 25 and
# 28 December; 1 January 2027; Easter 2027: 26 and 29 March):
#   A x6  team N, child complains by email, received Mon 2026-10-05, ack
#         10-06, Stage 1 response Fri 10-16 = 9 working days; point upheld.
#   B x5  team "Équipe Sud", a parent through the advocate channel, received
#         Mon 2026-11-02, ack 11-09 (5), extended (three of
#         them coded availability, two with no code), response Fri
#         11-27 = 19 (14 after the ack); not upheld; Stage 2 asked 12-01,
#         accepted 12-02, extended (no note, coded complexity), response
#         (a reason recorded is a coded one: Stage 1 3 of 5, Stage 2 5 of 5,
#         as "Extensions by coded reason" has them)
#         2027-02-22 = 56 from
#         the request, partly upheld, a recommendation due 03-01 done 03-10;
#         Stage 3 asked 02-23, panel held 03-10 = 11, findings 03-15 = 3,
#         response 03-31 = 10; not upheld.
#   C     team N, an advocate by phone, received 2026-06-01, response 06-12
#         (9, no ack, no finding), a late Stage 2 request refused (late
#         request, Ombudsman named), referred to the Ombudsman 08-03, its
#         decision 10-01 (upheld, fault but no injustice).
#   D     no team, a parent by letter, 2026-07-01, declined (over a year).
#   E     team "Équipe Sud", online, 2026-09-01, ack 09-02, advocacy offered
#         and accepted 09-02, withdrawn 09-10.
#   F x2  compliments to team N, 2026-05-04; one passed on.
#   G     team N, received 2026-03-02 (the year before), response 2026-04-02
#         = 23 (in this year).
#   H     a comment received 2027-04-05 (next year): in nothing.
#   I     a safeguarding concern, 2026-12-01.   J  a concern by email, 2027-01-11.

$ rm -rf $RDT/report-t && mkdir $RDT/report-t && printf 'pass phrase 1\n' > $RDT/report-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/report-t/pass REDRESS_BOOK=$RDT/report-t/book' 'N="North, \"A\" Team"' 'rc() { redress_unwrapped case "$@"; }' 'last() { redress_unwrapped case list --format tsv | tail -1 | cut -f1; }' > $RDT/report-t/env && . $RDT/report-t/env && redress init --authority statutory >/dev/null && echo ok
ok
$ . $RDT/report-t/env; redress_unwrapped import tests/cli/data/report.csv
20 cases imported
$ . $RDT/report-t/env; for r in REP-B1 REP-B2 REP-B3 REP-B4 REP-B5; do rc recommend $r --stage 2 --text 'Share plans' --owner boss --due 2027-03-01 >/dev/null && rc done $r --rec 1 --date 2027-03-10 || echo FAIL; done
$ . $RDT/report-t/env; rc advocacy REP-E --offered 2026-09-02 --accepted && rc withdraw REP-E --date 2026-09-10 && echo ok
ok

# --- the annual report as text: every figure checked against the list above
# (e.g. Stage 1 timeliness: 7 within 10, 5 within 20, 1 over; average
# (6x9 + 5x19 + 9 + 23) / 13 = 13.9; the single 'over' forces two more cells
# to be withheld, since <5 next to 5 would otherwise pin both).
# A number withheld in one table is withheld wherever it appears:
# - months: the complaints column's three <5 (June, July, September: 1
#   each, all at their least) withhold November's 5 and then October's 6;
#   October's and November's contacts are then withheld too, since each is
#   that month's complaints and nothing else (0 compliments, and no other
#   contact that month): shown as 6 and 5 they gave the two complaints back
#   (November's "*", at least 5, could only be 5).  In the contacts column
#   the six <5 (7 in all) and the two "*" (11) make 18, more than their
#   least (6 + 5 + 5 = 16), so none of them is pinned.
# - outcomes: Stage 1's no finding (2, <5) next to upheld 6 and not upheld
#   5 withholds the 5; the findings on the points show the same 5 (one
#   point each), so it is withheld there too, which leaves it alone beside
#   the points' total 11: their upheld 6 is withheld, and with it the
#   outcomes' upheld 6 (the same number).  Neither 13 - 6 - 5 nor 11 - 6
#   now gives anything away.
$ . $RDT/report-t/env; unset REDRESS_PASSPHRASE_FILE; redress report annual --year 2026
Children's social care complaints, comments and compliments: annual report 2026/27
Period 2026-04-01 to 2027-03-31 (financial year); profile statutory; recommendations as at 2027-03-31.
Numbers from 1 to 4 are shown as <5; a number that would let one be worked out is withheld as *, wherever it appears.  No person or case is named.
|
Headline figures
  Figure                        Number
  Contacts received                 18
  Complaints received (Stage 1)     14
  Stage 2 requests                   6
  Stage 3 requests                   5
  Compliments received              <5
  Referred to the Ombudsman         <5
|
Contacts by kind
  Kind         Number
  complaint        14
  comment           0
  compliment       <5
  concern          <5
  request           0
  anonymous         0
  redirected        0
  safeguarding     <5
  Total            18
|
Contacts by channel
  Channel   Number
  online        <5
  phone         <5
  text           0
  email          7
  letter        <5
  in-person      0
  staff          0
  advocate       5
  Total         18
|
Contacts by month received
  Month          Contacts Complaints Compliments
  April 2026            0          0           0
  May 2026             <5          0          <5
  June 2026            <5         <5           0
  July 2026            <5         <5           0
  August 2026           0          0           0
  September 2026       <5         <5           0
  October 2026          *          *           0
  November 2026         *          *           0
  December 2026        <5          0           0
  January 2027         <5          0           0
  February 2027         0          0           0
  March 2027            0          0           0
  Total                18         14          <5
|
Who complained
  Complainant           Complaints
  child or young person          *
  through an advocate            6
  adult                         <5
  not recorded                   0
  Total                         14
|
Service areas (themes)
  Service area Complaints Upheld or partly upheld Compliments
  Not recorded         14                      11          <5
  Total                14                      11          <5
|
Teams (themes)
  Team            Complaints Upheld or partly upheld Compliments
  North, "A" Team          7                       6          <5
  Équipe Sud               *                       5           0
  Not recorded            <5                       0           0
  Total                   14                      11          <5
|
Complaints by stage
  Stage   Received or requested Accepted Declined or refused Extended Responded Withdrawn
  Stage 1                    14        -                  <5        5        13        <5
  Stage 2                     6        5                  <5        5         5         0
  Stage 3                     5        5                   0        -         5         0
|
Outcomes of the complaints responded to
  Outcome             Stage 1 Stage 2 Stage 3
  No finding recorded      <5       0       0
  Upheld                    *       0       0
  Partly upheld             0       5       0
  Not upheld                *       0       5
  Unable to determine       0       0       0
  Total                    13       5       5
|
Findings on the points of those complaints
  Finding             Stage 1 Stage 2 Stage 3
  Upheld                    *       0       0
  Partly upheld             0       5       0
  Not upheld                *       0       5
  Unable to determine       0       0       0
  Total                    11       5       5
|
Timeliness in working days
  Step                                     Limits Within the limit Within the extended limit Over Total Average working days
  Stage 1 response (from receipt)         10 / 20                *                         *   <5    13                 13.9
  Stage 2 response (from the request)     25 / 65                0                         5    0     5                 56.0
  Stage 3 panel (from the request)             30                5                         -    0     5                 11.0
  Stage 3 panel findings (from the panel)       5                5                         -    0     5                  3.0
  Stage 3 response (from the findings)         15                5                         -    0     5                 10.0
|
Against the book's statutory deadlines and internal targets
  Step                                    Measured Deadline met Deadline missed Target met Target missed
  Stage 1 response (from receipt)               13            *              <5          *            <5
  Stage 2 response (from the request)            5            5               0          5             0
  Stage 3 panel (from the request)               5            5               0          5             0
  Stage 3 panel findings (from the panel)        5            5               0          5             0
  Stage 3 response (from the findings)           5            5               0          5             0
|
Extensions
  Stage   Extensions With a reason recorded Without
  Stage 1          5                     <5      <5
  Stage 2          5                      5       0
|
Extensions by coded reason
  Reason                                                  Stage 1 Stage 2
  complexity: several services or points                        0       5
  key people or records unavailable                            <5       0
  the complainant asked for or agreed more time                 0       0
  the investigator's or independent person's availability       0       0
  time for an advocate to take part                             0       0
  another reason                                                0       0
  Not recorded                                                 <5       0
  Total                                                         5       5
|
Declined or refused, by coded reason
  Reason                                              At receipt Stage 2 request Stage 3 request
  No reason coded                                              0               0               0
  made more than a year after the matter became known         <5               0               0
  would prejudice legal proceedings (reg 8)                    0               0               0
  the person is not eligible to complain                       0               0               0
  outside the children's social care procedure                 0               0               0
  the request came after its time limit                        0              <5               0
  Total                                                       <5              <5               0
|
Advocacy offered
  Response      Number
  Accepted          <5
  Declined           0
  No answer yet      0
  Total             <5
|
The Ombudsman's decisions, by finding
  Finding                                       Decisions
  upheld: fault causing injustice                       0
  upheld: fault, no injustice                          <5
  not upheld: no fault                                  0
  closed after initial enquiries                        0
  premature: referred back for local resolution         0
  withdrawn                                             0
  another decision                                      0
  Not recorded                                          0
  Total                                                <5
|
The Ombudsman's decisions: remedies
  Figure                                              Number
  Decisions finding it remedied by the council before      0
  Recommendations complied with on time                    0
  Recommendations complied with late                       0
  Recommendations outstanding on 2027-03-31                0
|
The Ombudsman, compliments and recommendations
  Figure                                Number
  Referred to the Ombudsman                 <5
  The Ombudsman's decisions received        <5
  Refusals that named the Ombudsman         <5
  Compliments received                      <5
  Compliments passed on to staff            <5
  Recommendations made                       5
  Recommendations completed                  5
  ...of which after their due date           5
  Recommendations overdue on 2027-03-31      0

# --- the Code's figures: 12 of 14 acknowledged within 5 (C, D none); 7 of 13
# answered within 10 of the acknowledgement (B took 14, G 23); Stage 2
# decisions the next day; responses 55 working days after them
$ . $RDT/report-t/env; redress report chc --year 2026
Complaint Handling Code self-assessment 2026/27
The Complaint Handling Code does not apply to the complaints in this book: they follow the statutory children's social care procedure (the Children Act 1989 and its 2006 Representations Procedure regulations), which sets its own stages and timescales, and the Code leaves such statutory procedures out.  The Code's figures are shown for comparison only, so that these complaints can be set beside the council's others, which the Code does cover; they measure nothing this procedure requires.
Period 2026-04-01 to 2027-03-31; profile statutory. The book follows the statutory children's procedure: the Code's timescales are applied for comparison.
Numbers from 1 to 4 are shown as <5; a number that would let one be worked out is withheld as *, wherever it appears.  No person or case is named.
|
Complaint Handling Code self-assessment
  Measure                                                     Number Within the Code's timescale Outside it Per cent within
  Stage 1 complaints acknowledged within 5 working days           14                           *         <5               -
  Stage 1 responses within 10 working days of acknowledgement     13                           7          6             54%
  Stage 1 extensions                                               5                           -          -               -
  Escalations to Stage 2 acknowledged within 5 working days        6                           6          0            100%
  Stage 2 responses within 20 working days of acknowledgement      5                           0          5              0%
  Stage 2 extensions                                               5                           -          -               -
  Referred to the Ombudsman                                       <5                           -          -               -

# --- CSV (RFC 4180): CRLF ends, a name with a comma and a quote quoted with
# the quote doubled, UTF-8 passed through; the same cells as the text
$ . $RDT/report-t/env; redress report annual --year 2026 --format csv | awk '/\r$/ { c++ } END { print NR, c }'
265 265
$ . $RDT/report-t/env; redress_unwrapped report annual --year 2026 --format csv | grep -e "^table," -e "^teams," -e "^timeliness,.*Stage 1" | tr -d "\r"
table,title,row,column,value
teams,Teams (themes),"North, ""A"" Team",Complaints,7
teams,Teams (themes),"North, ""A"" Team",Upheld or partly upheld,6
teams,Teams (themes),"North, ""A"" Team",Compliments,<5
teams,Teams (themes),Équipe Sud,Complaints,*
teams,Teams (themes),Équipe Sud,Upheld or partly upheld,5
teams,Teams (themes),Équipe Sud,Compliments,0
teams,Teams (themes),Not recorded,Complaints,<5
teams,Teams (themes),Not recorded,Upheld or partly upheld,0
teams,Teams (themes),Not recorded,Compliments,0
teams,Teams (themes),Total,Complaints,14
teams,Teams (themes),Total,Upheld or partly upheld,11
teams,Teams (themes),Total,Compliments,<5
timeliness,Timeliness in working days,Stage 1 response (from receipt),Limits,10 / 20
timeliness,Timeliness in working days,Stage 1 response (from receipt),Within the limit,*
timeliness,Timeliness in working days,Stage 1 response (from receipt),Within the extended limit,*
timeliness,Timeliness in working days,Stage 1 response (from receipt),Over,<5
timeliness,Timeliness in working days,Stage 1 response (from receipt),Total,13
timeliness,Timeliness in working days,Stage 1 response (from receipt),Average working days,13.9

# --- Markdown: tables to paste, | and markup escaped (<5 and * too)
$ . $RDT/report-t/env; redress report annual --year 2026 --format markdown | sed -n "/^### Teams/,/^| Total/p; /^### Timeliness/,/^| Stage 3 response/p"
| ### Teams (themes)
|
| | Team | Complaints | Upheld or partly upheld | Compliments |
| | --- | ---: | ---: | ---: |
| | North, "A" Team | 7 | 6 | \<5 |
| | Équipe Sud | \* | 5 | 0 |
| | Not recorded | \<5 | 0 | 0 |
| | Total | 14 | 11 | \<5 |
| ### Timeliness in working days
|
| | Step | Limits | Within the limit | Within the extended limit | Over | Total | Average working days |
| | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| | Stage 1 response (from receipt) | 10 / 20 | \* | \* | \<5 | 13 | 13.9 |
| | Stage 2 response (from the request) | 25 / 65 | 0 | 5 | 0 | 5 | 56.0 |
| | Stage 3 panel (from the request) | 30 | 5 | - | 0 | 5 | 11.0 |
| | Stage 3 panel findings (from the panel) | 5 | 5 | - | 0 | 5 | 3.0 |
| | Stage 3 response (from the findings) | 15 | 5 | - | 0 | 5 | 10.0 |

# --- the coded reasons in CSV and Markdown: the same cells as the text
# (Stage 1: 3 availability, 2 not coded, both <5 with the total 5 shown,
# since 3 + 2 could be 1 + 4 or 4 + 1; the Ombudsman's one decision)
$ . $RDT/report-t/env; redress_unwrapped report annual --year 2026 --format csv | grep -e "^extension-reasons," -e "^ombudsman-findings," | tr -d "\r" | grep -v ",0$"
extension-reasons,Extensions by coded reason,complexity: several services or points,Stage 2,5
extension-reasons,Extensions by coded reason,key people or records unavailable,Stage 1,<5
extension-reasons,Extensions by coded reason,Not recorded,Stage 1,<5
extension-reasons,Extensions by coded reason,Total,Stage 1,5
extension-reasons,Extensions by coded reason,Total,Stage 2,5
ombudsman-findings,"The Ombudsman's decisions, by finding","upheld: fault, no injustice",Decisions,<5
ombudsman-findings,"The Ombudsman's decisions, by finding",Total,Decisions,<5
$ . $RDT/report-t/env; redress_unwrapped report annual --year 2026 --format markdown | sed -n "/^### Extensions by/,/^| Total/p" | grep -e Total -e availab -e "Not rec"
| | key people or records unavailable | \<5 | 0 |
| | the investigator's or independent person's availability | 0 | 0 |
| | Not recorded | \<5 | 0 |
| | Total | 5 | 5 |

# --- no identity: no names, no notes, no references, in any format
$ . $RDT/report-t/env; for f in text csv markdown; do redress_unwrapped report annual --year 2026 --format $f; redress report chc --year 2026 --format $f; done | grep -c -w -e Kid -e Mum -e Dad -e Adv -e Visits -e "Plan not" -e illness -e CSC- -e "Share plans" -e boss
0
? 1

# --- a calendar year: 2026 holds everything but J (2027-01-11) and H, and G
# (2026-03-02) comes in
$ . $RDT/report-t/env; redress report annual --year 2026 --calendar | sed -n "/^Headline/,/^$/p"
Headline figures
  Figure                        Number
  Contacts received                 18
  Complaints received (Stage 1)     15
  Stage 2 requests                   6
  Stage 3 requests                   0
  Compliments received              <5
  Referred to the Ombudsman         <5
|

# --- the year after: only H, a comment
$ . $RDT/report-t/env; redress report annual --year 2027 --format csv | grep "^contacts-by-kind" | tr -d "\r" | grep -v ",0$"
contacts-by-kind,Contacts by kind,comment,Number,<5
contacts-by-kind,Contacts by kind,Total,Number,<5

# --- mistakes: exit 2, nothing on stdout
$ . $RDT/report-t/env; redress report yearly
! redress: report: no report "yearly" (annual or chc)
? 2
$ . $RDT/report-t/env; redress report annual --format pdf
! redress: report: --format is text, csv or markdown
? 2
$ . $RDT/report-t/env; redress report annual --year 20x6
! redress: report: --year: "20x6" is not a whole number
? 2
