# redress import and export: cases from a spreadsheet, all rows or none;
# every case out as CSV (pseudonyms unless --names); a subject access export.
#
# Every command sources $RDT/import-t/env: today is 2027-06-30, the
# passphrase comes from a file with the test KDF, and
#   r BOOK ARGS    redress -d $RDT/import-t/BOOK ARGS
#   ru BOOK ARGS   the same by redress_unwrapped (see run.sh): for a book's
#                  set-up after the first and for what a check looks at before
#                  and after (audit counts, case show, a round trip's export,
#                  a second export of one shape), which valgrind already
#                  sees wrapped in this file
# The login (root in CI) is shown as USER.  Expected deadlines were counted
# by hand over share/holidays/england-and-wales (no bank holiday in June or
# July 2027; 30 August 2027 is one) from share/profiles/statutory.

$ rm -rf $RDT/import-t && mkdir $RDT/import-t && printf 'pass phrase 1\n' > $RDT/import-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/import-t/pass' 'D=$RDT/import-t' 'r() { _b=$1; shift; redress -d $D/$_b "$@"; }' 'ru() { _b=$1; shift; redress_unwrapped -d $D/$_b "$@"; }' 'u() { sed "s#$RDT#RDT#g; s/$(id -un)/USER/g"; }' > $RDT/import-t/env
$ . $RDT/import-t/env; r a init --authority statutory >/dev/null && ru fresh init --authority statutory >/dev/null && echo made
made

# --- a good file: a BOM, CRLF, headers as a spreadsheet writes them, quoted
# commas, doubled quotes and a line break in a cell, UTF-8, DD/MM/YYYY dates
$ . $RDT/import-t/env; printf '\357\273\277Reference,Kind,Channel,Received,Acknowledged,Stage 1 response,Stage 2 requested,Team,Child name,Child DOB,Complainant name,Relationship,Summary,Thanked,Closed,Stage 1 outcome\r\n' > $D/good.csv
$ . $RDT/import-t/env; printf '%s\r\n' 'CSC-2027-0500,complaint,phone,2027-06-01,02/06/2027,,,"North CIN, East",Zoë Ünal,03/02/2015,"Sam ""Sammy"" Okafor",Foster carer,"Visits cancelled,' 'no notice",,,' ',Complaint,,10/06/2027,,2027-06-24,2027-06-28,Équipe Sud,Ann Bee,,,,,,,Not upheld' ',compliment,In person,15/06/2027,,,,Fostering,,,,,,Foster team,2027-06-21,' >> $D/good.csv
$ . $RDT/import-t/env; r a import $D/good.csv --check
3 rows can be imported
$ . $RDT/import-t/env; r a audit | wc -l
1
$ . $RDT/import-t/env; r a import $D/good.csv
3 cases imported

# the given reference is kept and the next allocated follows it; the
# deadlines run from the imported dates: CSC-2027-0500 received 1 June, no
# response: Stage 1 due 15 June (10 working days), 11 working days over on
# 30 June; CSC-2027-0501 at Stage 2 from 28 June: response due 2 August
# (25 working days), 23 left
$ . $RDT/import-t/env; r a case list --format tsv | u
CSC-2027-0500	2027-06-01	complaint	open	1	stage1_response	2027-06-15	-11	USER	North CIN, East	Child C-0001
CSC-2027-0501	2027-06-10	complaint	open	2	stage2_response	2027-08-02	+23	USER	Équipe Sud	Child C-0003
CSC-2027-0502	2027-06-15	compliment	closed	0				USER	Fostering	
$ . $RDT/import-t/env; r a case show CSC-2027-0501 | sed -n '/^timeline/,$p' | u
timeline
  #1   2027-06-10  USER       complaint received
  #2   2027-06-24  USER       Stage 1 response sent
  #3   2027-06-28  USER       Stage 2 requested
|
deadlines (statutory)
  stage1_response        2027-06-24  target 2027-06-24  met            10 working days after received 2027-06-10
  stage1_response_max    2027-07-08  target 2027-07-08  met            20 working days after received 2027-06-10
  stage2_request         2027-07-22  target 2027-07-22  met            20 working days after stage1_response_sent 2027-06-24
  stage2_response        2027-08-02  target 2027-08-02  23 left        25 working days after stage2_requested 2027-06-28
  stage2_response_max    2027-09-28  target 2027-09-28  63 left        65 working days after stage2_requested 2027-06-28
$ . $RDT/import-t/env; ru a case show CSC-2027-0500 --names | sed '/^deadlines/,$d' | u
CSC-2027-0500  complaint, received 2027-06-01 by phone; open, stage 1
team         North CIN, East
owner        USER
summary      Visits cancelled,\nno notice
child        Zoë Ünal, born 2015-02-03 (child)
complainant  Sam "Sammy" Okafor (foster-carer)
|
timeline
  #1   2027-06-01  USER       complaint received
  #2   2027-06-02  USER       acknowledgement sent
|
$ . $RDT/import-t/env; ru a case show CSC-2027-0501 --names | grep '^point'
point        1. [stage 1: not-upheld] The complaint
# names are sealed: none reaches the file in the clear
$ . $RDT/import-t/env; grep -c -a -e 'Ünal' -e 'Okafor' -e 'Ann Bee' -e 'Visits cancelled' $D/a/data.mdb
0
? 1
# an audit entry for each case and one for the import
$ . $RDT/import-t/env; ru a audit | awk '{ print $1, $4, $5, $6 }'
1 init statutory authority,calendar,admin
2 case.import CSC-2027-0500 kind,received,people,steps
3 case.import CSC-2027-0501 kind,received,people,steps
4 case.import CSC-2027-0502 kind,received,people,steps
5 import 3 cases

# --- a bad file: every bad row reported by its line, nothing imported, the
# book's file byte for byte the same, no audit entry
$ . $RDT/import-t/env; printf '%s\n' 'reference,kind,received,acknowledged,stage1_response,stage2_requested,stage3_requested,child_name,child_dob,team,summary' ',complaint,2027-06-01,2027-06-02,,,,Amy,,T,' ',complaint,2027-05-04,2027-04-30,,,,Bob,,T,' ',complaint,31/02/2027,,,,,Cat,,T,' 'CSC-2027-0500,complaint,2027-06-01,,,,,Dan,,T,' ',complaint,2027-06-01,,2027-06-10,,2027-06-20,Eve,,T,' ',complaint,2027-06-01,,,,,,,T,' ',compliment,2027-07-01,,,,,,,T,' ',grumble,2027-06-01,,,,,Fay,,T,' 'X/1,complaint,2027-06-01,,,,,"Gus ""G""",,T,"two' 'lines"' 'X/1,complaint,2027-06-01,,,,,Hal,,T,' ',complaint,2027-06-01,,,,,Ian,2030-01-01,T,' ',complaint,2027-06-01,,,,,Jo,,T,,extra' ',complaint,2027-06-01,,,,,K"im,,T,' ',complaint,2027-06-01,,2027-06-03,2027-06-04,,Lee,,T,' > $D/bad.csv && cp $D/a/data.mdb $D/before.mdb && echo ready
ready
$ . $RDT/import-t/env; r a import $D/bad.csv
! redress: import: line 3: acknowledged: cannot record acknowledgement sent on 2027-04-30: before the complaint was received (2027-05-04)
! redress: import: line 4: received: day 31 does not exist: February 2027 has 28 days
! redress: import: line 5: reference: CSC-2027-0500 is in the book already
! redress: import: line 6: stage3_requested: cannot record Stage 3 requested: there is no Stage 2 response
! redress: import: line 7: child_name: a complaint needs the child it is about
! redress: import: line 8: received 2027-07-01 is in the future
! redress: import: line 9: kind: "grumble" is not one of complaint, comment, compliment, concern, request, anonymous, redirected
! redress: import: line 12: reference: X/1 is also on line 10
! redress: import: line 13: child_dob: a date in the future
! redress: import: line 14: 12 fields where the header has 11
! redress: import: line 15: a quote inside field 8, which is not quoted (quote the whole field and double the quote)
! redress: import: 11 of 14 rows cannot be imported: nothing was imported
? 2
$ . $RDT/import-t/env; cmp $D/before.mdb $D/a/data.mdb && echo byte-identical; ru a audit | wc -l; ru a case list | wc -l
byte-identical
5
3
# --check reports the same and writes nothing either
$ . $RDT/import-t/env; r a import $D/bad.csv --check 2>&1 >/dev/null | tail -1
redress: import: 11 of 14 rows cannot be imported: nothing was imported
# a header it does not know, and a file with no rows
$ . $RDT/import-t/env; printf 'received,colour\n2027-06-01,red\n' > $D/odd.csv; r a import $D/odd.csv
! redress: import: line 1: unknown column "colour" (see redress(1), IMPORT AND EXPORT)
? 2
$ . $RDT/import-t/env; printf 'Received,Child name\r\n' > $D/empty.csv; r a import $D/empty.csv
! redress: import: no rows to import (only a header)
? 2
$ . $RDT/import-t/env; printf 'received\n"2027-06-01\n' > $D/open.csv; r a import $D/open.csv
! redress: import: line 2: a quoted field is not closed (the rest of the file is inside it)
! redress: import: 1 of 1 row cannot be imported: nothing was imported
? 2

# --- export: every case as CSV.  Without --names: no passphrase asked, no
# names, dates of birth, summaries or points; pseudonyms instead
$ . $RDT/import-t/env; REDRESS_PASSPHRASE_FILE=/nonexistent r a export --format csv | tr -d '\r' | u
reference,kind,channel,received,aware,status,stage,team,service,owner,manager,investigator,independent,adjudicator,child,complainant,complainant_role,safeguarding,redirect_to,thanked,acknowledged,stage1_extended,stage1_extended_until,stage1_response,stage2_requested,stage2_acknowledged,stage2_accepted,stage2_refused,statement_agreed,stage2_extended,stage2_extended_until,stage2_response,stage3_requested,stage3_accepted,stage3_refused,panel_date,panel_notice,panel_held,findings_sent,stage3_response,response,thanks_passed,redirected,declined,withdrawn,ombudsman_referred,ombudsman_outcome,closed,reason,ombudsman_told,stage1_outcome,stage2_outcome,stage3_outcome,stage1_extension_reason,stage2_extension_reason,ombudsman_finding
CSC-2027-0500,complaint,phone,2027-06-01,,open,1,"North CIN, East",,USER,,,,,Child C-0001,Complainant P-0002,foster-carer,,,,2027-06-02,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
CSC-2027-0501,complaint,online,2027-06-10,,open,2,Équipe Sud,,USER,,,,,Child C-0003,,,,,,,,,2027-06-24,2027-06-28,,,,,,,,,,,,,,,,,,,,,,,,,,not-upheld,,,,,
CSC-2027-0502,compliment,in-person,2027-06-15,,closed,0,Fostering,,USER,,,,,,,,,,Foster team,,,,,,,,,,,,,,,,,,,,,,,,,,,,2027-06-21,,,,,,,,
$ . $RDT/import-t/env; r a export --format csv | grep -c -e Zoë -e Sammy -e Bee -e Visits -e 2015-02-03
0
? 1
# every line ends CRLF (RFC 4180); no audit entry without names
$ . $RDT/import-t/env; ru a export --format csv | grep -c "$(printf '\r')\$"; ru a audit | wc -l
4
5
# with --names: identity, quoted where it must be (a comma, doubled quotes, a
# line break kept inside the quotes), and an audit entry first
$ . $RDT/import-t/env; r a export --format csv --names | tr -d '\r' | sed 1d | u
CSC-2027-0500,complaint,phone,2027-06-01,,open,1,"North CIN, East",,USER,,,,,Zoë Ünal,2015-02-03,"Sam ""Sammy"" Okafor",,foster-carer,,,,"Visits cancelled,
no notice",2027-06-02,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
CSC-2027-0501,complaint,online,2027-06-10,,open,2,Équipe Sud,,USER,,,,,Ann Bee,,,,,,,,,,,,2027-06-24,2027-06-28,,,,,,,,,,,,,,,,,,,,,,,,,,The complaint,not-upheld,,,,,
CSC-2027-0502,compliment,in-person,2027-06-15,,closed,0,Fostering,,USER,,,,,,,,,,,,Foster team,,,,,,,,,,,,,,,,,,,,,,,,,,,,,2027-06-21,,,,,,,,,
$ . $RDT/import-t/env; ru a audit | tail -1 | awk '{ print $4, $5, $6, $7 }'
export.csv every case names,dob,summary,points

# --- the round trip: what one book exports with names, a fresh book imports,
# and exports again the same
$ . $RDT/import-t/env; ru a export --format csv --names > $D/all.csv && r fresh import $D/all.csv
3 cases imported
$ . $RDT/import-t/env; ru fresh export --format csv --names | cmp - $D/all.csv && echo same
same
$ . $RDT/import-t/env; r a import $D/all.csv 2>&1 | tail -1
redress: import: 3 of 3 rows cannot be imported: nothing was imported

# --- a subject access export: by exact name (ASCII case and spacing aside) or by a case
# reference (its parties); recorded in the audit chain before it is shown
$ . $RDT/import-t/env; r a export --subject 'ZOë  Ünal' | sed -n '1,/^== person/{/^made/d;p}' | u
redress subject access export
book         RDT/import-t/a
asked for    ZOë  Ünal
people       1
note         Every change, import and export of identity is in the audit
             chain, this export among them (export.subject), and every read
             of names or narrative: both are listed for each person below.
note         Other people on these cases are named: redact them before
             disclosure.
|
== person 1
$ . $RDT/import-t/env; ru a export --subject 'Zoë Ünal' | sed -n '/^name/,$p' | sed -E 's/[0-9-]{10}T[0-9:]{8}Z/TIME/g' | u
name         Zoë Ünal
born         2015-02-03
revision     1, last changed TIME by USER
equality     not asked
cases        1
|
case CSC-2027-0500  complaint, received 2027-06-01 by phone; open, stage 1
  team         North CIN, East
  owner        USER
  summary      Visits cancelled,
               no notice
  child        Zoë Ünal, born 2015-02-03 (child)  <- the subject
  complainant  Sam "Sammy" Okafor (foster-carer)
  timeline
    2027-06-01   complaint received (recorded by USER, TIME)
    2027-06-02   acknowledgement sent (recorded by USER, TIME)
|
  audit entries about person 1 and these cases (changes and imports)
       2 TIME USER       case.import    CSC-2027-0500    kind,received,people,steps
|
  reads of person 1's identity and of these cases (who opened them, when,
  through what)
       6 TIME USER       read           CSC-2027-0500    via=case show
       8 TIME USER       export.csv     every case       names,dob,summary,points
       9 TIME USER       export.csv     every case       names,dob,summary,points
      10 TIME USER       export.subject person 1         subject access
      11 TIME USER       read           person 1         via=subject access export
      12 TIME USER       read           CSC-2027-0500    via=subject access export
      13 TIME USER       export.subject person 1         subject access
      14 TIME USER       read           person 1         via=subject access export
      15 TIME USER       read           CSC-2027-0500    via=subject access export
$ . $RDT/import-t/env; r a export --subject CSC-2027-0500 | grep -e '^== ' -e '^name' -e '^people'
people       2 (every party to the case)
== person 1
name         Zoë Ünal
== person 2
name         Sam "Sammy" Okafor
$ . $RDT/import-t/env; ru a audit | tail -2 | awk '{ print $4, $5, $6, $7, $8 }'
export.subject person 1 subject access
export.subject person 2 subject access
$ . $RDT/import-t/env; r a export --subject 'Nobody Here'
! redress: export: nobody in this book is named "Nobody Here"
? 2
# identity never leaves a book that cannot record it
$ . $RDT/import-t/env; redress -R -d $D/a export --subject 'Zoë Ünal'
! redress: an export of identity is recorded in the audit chain, and the book is open read-only: nothing was exported
? 2
$ . $RDT/import-t/env; redress_unwrapped -d $D/a verify >/dev/null && echo verified
verified

# --- hostile cells: references that would leave a letters directory or look
# like options, dates of birth never echoed, formulas kept as text
$ . $RDT/import-t/env; ru h init --authority statutory >/dev/null && printf '%s\r\n' 'reference,kind,received,child_name,child_dob,team' '../x,complaint,2027-06-01,Ann,,T' '-n,complaint,2027-06-01,Ben,,T' 'OK,complaint,2027-06-01,Cy,31/02/2015,T' > $D/hostile.csv && r h import $D/hostile.csv
! redress: import: line 2: reference: "../x" must start with a letter or a digit
! redress: import: line 3: reference: "-n" must start with a letter or a digit
! redress: import: line 4: child_dob: not a date that exists (YYYY-MM-DD or DD/MM/YYYY)
! redress: import: 3 of 3 rows cannot be imported: nothing was imported
? 2
$ . $RDT/import-t/env; printf '%s\r\n' 'reference,kind,received,child_name,team,summary' 'A/../b,complaint,2027-06-01,Ann,=1+1,"=HYPERLINK(""http://x/"",""y"")"' "B,complaint,2027-06-02,Ben,'=2,-3" > $D/formula.csv && r h import $D/formula.csv
2 cases imported
# a reference brought over with / and . still names a file inside the letters directory
$ . $RDT/import-t/env; mkdir $D/letters && r h letter 'A/../b' acknowledgement --out $D/letters | sed "s|$D|D|" && ls $D/letters && find $D -name '*acknowledgement*' | wc -l
D/letters/A____b-acknowledgement-2027-06-30.txt
A____b-acknowledgement-2027-06-30.txt
1
# formulas go out as text (an apostrophe first), and come back in as they
# were; a spreadsheet's own apostrophe ('=2) is taken as that guard
$ . $RDT/import-t/env; r h export --format csv --names > $D/f.csv && grep -c "'=1+1" $D/f.csv && grep -c "\"'=HYPERLINK" $D/f.csv && grep -c ",'=2," $D/f.csv && ru fresh2 init --authority statutory >/dev/null && r fresh2 import $D/f.csv && ru fresh2 export --format csv --names | cmp - $D/f.csv && echo same
1
1
1
2 cases imported
same

# --- coded reasons: an extension's reason and the Ombudsman's finding, each
# in a column of its own (written as a person would: any case, spaces), each
# with its step's date; exported, and brought back the same
$ . $RDT/import-t/env; ru codes init --authority statutory >/dev/null && printf '%s\n' 'received,child_name,stage1_extended,Stage 1 extension reason,stage1_response,ombudsman_referred,ombudsman_outcome,Ombudsman finding' '2027-06-01,Amy,2027-06-03,Complexity,2027-06-20,2027-06-22,2027-06-29,Upheld no injustice' '2027-06-01,Bob,2027-06-03,,2027-06-20,2027-06-22,2027-06-29,' > $D/codes.csv && r codes import $D/codes.csv
2 cases imported
$ . $RDT/import-t/env; for c in CSC-2027-0001 CSC-2027-0002; do ru codes case show $c | sed -n '/^timeline/,/^$/p' | grep -e extended -e decision | u; done
  #2   2027-06-03  USER       Stage 1 extended, complexity: several services or points
  #5   2027-06-29  USER       Ombudsman's decision received, upheld: fault, no injustice
  #2   2027-06-03  USER       Stage 1 extended
  #5   2027-06-29  USER       Ombudsman's decision received
$ . $RDT/import-t/env; r codes export --format csv | tr -d '\r' | awk -F, '{ print $1 "," $(NF-2) "," $(NF-1) "," $NF }'
reference,stage1_extension_reason,stage2_extension_reason,ombudsman_finding
CSC-2027-0001,complexity,,upheld-no-injustice
CSC-2027-0002,,,
$ . $RDT/import-t/env; ru codes export --format csv --names > $D/codes-all.csv && ru codes2 init --authority statutory >/dev/null && r codes2 import $D/codes-all.csv && ru codes2 export --format csv --names | cmp - $D/codes-all.csv && echo same
2 cases imported
same
# an unknown code, or a code without the step it belongs to: reported by
# line, nothing imported
$ . $RDT/import-t/env; printf '%s\n' 'received,child_name,stage1_extended,stage1_extension_reason,stage2_extension_reason,ombudsman_finding' '2027-06-01,Cy,2027-06-03,busy,,' '2027-06-01,Di,,complexity,,' '2027-06-01,Ed,,,,fault' '2027-06-01,Fi,2027-06-03,,advocacy,' > $D/badcodes.csv; r codes import $D/badcodes.csv
! redress: import: line 2: stage1_extension_reason: "busy" is not one of complexity, availability, complainant, independent, advocacy, other
! redress: import: line 3: stage1_extension_reason without stage1_extended
! redress: import: line 4: ombudsman_finding: "fault" is not one of upheld, upheld-no-injustice, not-upheld, closed-after-initial-enquiries, premature, withdrawn, other
! redress: import: line 5: stage2_extension_reason without stage2_extended
! redress: import: 4 of 4 rows cannot be imported: nothing was imported
? 2
$ . $RDT/import-t/env; ru codes case list | wc -l
2
