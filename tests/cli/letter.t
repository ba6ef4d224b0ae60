# redress letter: letters from the shipped templates, filled from cases in a
# fresh book for every shipped profile, and recorded on the timeline.
#
# Every command sources $RDT/letter-t/env: today is 2027-06-30, the
# passphrase comes from a file with the test KDF, $ALL names the profiles,
#   rc BOOK ARGS     redress -d $RDT/letter-t/BOOK case ARGS
#   lt BOOK ARGS     redress -d $RDT/letter-t/BOOK letter ARGS
#   dates            the "... by DATE" phrases of a letter on stdin, on one line
# Every date below was worked by hand over share/holidays/england-and-wales
# (2027: 31 May and 30 August are bank holidays) from share/profiles/*:
#   received Tue 1 June 2027; acknowledged Wed 2 June
#   10 working days after 1 June: Tue 15 June; 20: Tue 29 June
#   corporate counts Stage 1 from the acknowledgement (2 June): 10 -> Wed 16
#     June, 20 -> Wed 30 June
#   Stage 1 answered Mon 14 June: 20 working days to ask for Stage 2 -> Mon
#     12 July (corporate has no such window: the letter says so without a date)
#   Stage 2 asked Wed 16 June: 25 working days -> Wed 21 July; 65 (over the
#     30 August holiday) -> Thu 16 September
#   corporate: Stage 2 from its acknowledgement, due 5 working days after the
#     request (Wed 23 June): 20 -> Wed 21 July, 40 -> Wed 18 August
#   gloucestershire-corporate: 25 from the decision (Fri 18 June) -> Fri 23
#     July, and no outer limit (it drops stage2_response_max)

$ rm -rf $RDT/letter-t && mkdir $RDT/letter-t && printf 'pass phrase 1\n' > $RDT/letter-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/letter-t/pass REDRESS_CONF=$RDT/letter-t/conf' 'ALL="statutory essex oxfordshire gloucestershire bournemouth corporate gloucestershire-corporate"' 'T=$RDT/letter-t' >> $RDT/letter-t/env
$ printf '%s\n' 'rc() { _b=$1; shift; redress -d $RDT/letter-t/$_b case "$@"; }' 'lt() { _b=$1; shift; redress -d $RDT/letter-t/$_b letter "$@"; }' >> $RDT/letter-t/env
$ printf '%s\n' 'dates() { tr "\n" " " | grep -oE "(by|on|of) [A-Z][a-z]+day [0-9]+ [A-Z][a-z]+ [0-9]{4}" | paste -sd";" - | sed "s/;/; /g"; }' >> $RDT/letter-t/env
$ . $RDT/letter-t/env; for p in $ALL; do redress -d $T/$p init --authority $p >/dev/null && echo $p; done
statutory
essex
oxfordshire
gloucestershire
bournemouth
corporate
gloucestershire-corporate

# --- the templates -------------------------------------------------------------
$ . $RDT/letter-t/env; lt statutory --list | sed "s| (.*/share/templates/| (SHARE/|"
acknowledgement    Acknowledgement of a complaint, with the Stage 1 response date (SHARE/acknowledgement)
compliment-thanks  Thanks for a compliment, passed on to the staff it names (SHARE/compliment-thanks)
declined           A complaint not accepted at receipt, with the reason and the Ombudsman's details (SHARE/declined)
extension          Extension of the current stage, with the new response date (SHARE/extension)
panel-notice       Notice of the Stage 3 review panel's date (SHARE/panel-notice)
redirection        Redirection: where the person's matter is dealt with instead (SHARE/redirection)
stage1-response    Cover letter for the Stage 1 response, with how to ask for Stage 2 (SHARE/stage1-response)
stage2-accepted    Stage 2 request accepted, with the Stage 2 response date (SHARE/stage2-accepted)
stage2-refused     Stage 2 request refused, with the reason and the Ombudsman's details (SHARE/stage2-refused)
# every shipped template loads against every shipped profile
$ . $RDT/letter-t/env; for p in $ALL; do for t in $(ls $REDRESS_SHARE/templates); do lt $p --check $t >/dev/null || echo "$p $t"; done; done; echo done
done
$ . $RDT/letter-t/env; redress letter --fields --authority essex | grep -E '^(today|addressee|ombudsman.address|event.panel_date|deadline.stage1_response|rule.stage1_response.extended) '
today                            the letter's date (--date, default today), in words
addressee                        the complainant's name, else the child's
ombudsman.address                PO Box 4771, Coventry CV4 0EH
event.panel_date                 the date of the latest "review panel arranged for this date", in words
deadline.stage1_response         Stage 1 response: the deadline, in words
rule.stage1_response.extended    Stage 1 response: its time once extended
# a rule a profile drops is still a field (it has no value there)
$ . $RDT/letter-t/env; redress letter --fields --authority corporate | grep -E '^deadline.stage2_request '
deadline.stage2_request          dropped by profile corporate: never has a value

# --- a complaint through the stages, a letter at each step, in every book -----
$ . $RDT/letter-t/env; for p in $ALL; do rc $p add --received 2027-06-01 --child-name 'Zoë Example' --complainant-name 'Sam Example' && rc $p acknowledge CSC-2027-0001 --date 2027-06-02; done | uniq -c
      7 CSC-2027-0001
# the whole acknowledgement, in one book
$ . $RDT/letter-t/env; lt statutory CSC-2027-0001 acknowledgement --date 2027-06-02
Statutory procedure (England)
Our reference: CSC-2027-0001
Wednesday 2 June 2027
|
Dear Sam Example,
|
Thank you for contacting us.  We received your complaint on
Tuesday 1 June 2027 and are dealing with it under the children's social care
complaints procedure (Stage 1, local resolution).
|
We will send you our response by Tuesday 15 June 2027.
If your complaint is complex and we need longer, we will write to you to
explain why; we will respond by Tuesday 29 June 2027 at the latest.
|
If you are a child or young person, you can have an advocate to help you
make your complaint and say what you think.  Ask us and we will put you in
touch with one; it is free.
|
Please quote CSC-2027-0001 when you contact us about your complaint.
|
Yours sincerely,
|
Complaints Team
Statutory procedure (England)
$ . $RDT/letter-t/env; for p in $ALL; do echo "$p: $(lt $p CSC-2027-0001 acknowledgement --date 2027-06-02 | sed 1d | dates)"; done
statutory: on Tuesday 1 June 2027; by Tuesday 15 June 2027; by Tuesday 29 June 2027
essex: on Tuesday 1 June 2027; by Tuesday 15 June 2027; by Tuesday 29 June 2027
oxfordshire: on Tuesday 1 June 2027; by Tuesday 15 June 2027; by Tuesday 29 June 2027
gloucestershire: on Tuesday 1 June 2027; by Tuesday 15 June 2027; by Tuesday 29 June 2027
bournemouth: on Tuesday 1 June 2027; by Tuesday 15 June 2027; by Tuesday 29 June 2027
corporate: on Tuesday 1 June 2027; by Wednesday 16 June 2027; by Wednesday 30 June 2027
gloucestershire-corporate: on Tuesday 1 June 2027; by Tuesday 15 June 2027; by Tuesday 29 June 2027
# the authority: the profile's title, or "council" in the configuration file
$ . $RDT/letter-t/env; for p in $ALL; do lt $p CSC-2027-0001 acknowledgement --preview | tail -1; done
Statutory procedure (England)
Essex County Council
Oxfordshire County Council
Gloucestershire County Council
Bournemouth, Christchurch and Poole Council
Corporate complaints (Complaint Handling Code)
Gloucestershire County Council (corporate process)
$ . $RDT/letter-t/env; printf 'council = Borsetshire County Council\n' > $T/conf; lt statutory CSC-2027-0001 acknowledgement --preview | sed -n '1p;$p'; rm $T/conf
Borsetshire County Council
Borsetshire County Council
# Stage 1 extended: the extended date (20 working days; corporate from the acknowledgement)
$ . $RDT/letter-t/env; for p in $ALL; do rc $p extend CSC-2027-0001 --date 2027-06-10 && echo "$p: $(lt $p CSC-2027-0001 extension --date 2027-06-10 | sed 1,3d | dates) $(lt $p CSC-2027-0001 extension --preview | grep -o 'Stage [0-9]')"; done
statutory: on Tuesday 1 June 2027; by Tuesday 29 June 2027 Stage 1
essex: on Tuesday 1 June 2027; by Tuesday 29 June 2027 Stage 1
oxfordshire: on Tuesday 1 June 2027; by Tuesday 29 June 2027 Stage 1
gloucestershire: on Tuesday 1 June 2027; by Tuesday 29 June 2027 Stage 1
bournemouth: on Tuesday 1 June 2027; by Tuesday 29 June 2027 Stage 1
corporate: on Tuesday 1 June 2027; by Wednesday 30 June 2027 Stage 1
gloucestershire-corporate: on Tuesday 1 June 2027; by Tuesday 29 June 2027 Stage 1
# the Stage 1 response, and how to ask for Stage 2 (corporate: no window)
$ . $RDT/letter-t/env; for p in $ALL; do rc $p respond CSC-2027-0001 --date 2027-06-14 && echo "$p: $(lt $p CSC-2027-0001 stage1-response --date 2027-06-14 | sed 1,3d | dates)"; done
statutory: on Monday 14 June 2027; on Tuesday 1 June 2027; by Monday 12 July 2027
essex: on Monday 14 June 2027; on Tuesday 1 June 2027; by Monday 12 July 2027
oxfordshire: on Monday 14 June 2027; on Tuesday 1 June 2027; by Monday 12 July 2027
gloucestershire: on Monday 14 June 2027; on Tuesday 1 June 2027; by Monday 12 July 2027
bournemouth: on Monday 14 June 2027; on Tuesday 1 June 2027; by Monday 12 July 2027
corporate: on Monday 14 June 2027; on Tuesday 1 June 2027
gloucestershire-corporate: on Monday 14 June 2027; on Tuesday 1 June 2027; by Monday 12 July 2027
$ . $RDT/letter-t/env; lt corporate CSC-2027-0001 stage1-response --preview | sed -n '/^Please let us know/,/^with/p'
Please let us know, telling us which parts of the response you are unhappy
with and why.
# Stage 2 accepted: its response date, and the outer limit where the profile has one
$ . $RDT/letter-t/env; for p in $ALL; do rc $p escalate CSC-2027-0001 --date 2027-06-16 && rc $p accept CSC-2027-0001 --date 2027-06-18 && echo "$p: $(lt $p CSC-2027-0001 stage2-accepted --date 2027-06-18 | sed 1,3d | dates)"; done
statutory: of Wednesday 16 June 2027; on Friday 18 June 2027; by Wednesday 21 July 2027; by Thursday 16 September 2027
essex: of Wednesday 16 June 2027; on Friday 18 June 2027; by Wednesday 21 July 2027; by Thursday 16 September 2027
oxfordshire: of Wednesday 16 June 2027; on Friday 18 June 2027; by Wednesday 21 July 2027; by Thursday 16 September 2027
gloucestershire: of Wednesday 16 June 2027; on Friday 18 June 2027; by Wednesday 21 July 2027; by Thursday 16 September 2027
bournemouth: of Wednesday 16 June 2027; on Friday 18 June 2027; by Wednesday 21 July 2027; by Thursday 16 September 2027
corporate: of Wednesday 16 June 2027; on Friday 18 June 2027; by Wednesday 21 July 2027; by Wednesday 18 August 2027
gloucestershire-corporate: of Wednesday 16 June 2027; on Friday 18 June 2027; by Friday 23 July 2027
# a refusal letter on an accepted request is refused, and nothing is recorded
$ . $RDT/letter-t/env; _was=$(rc essex show CSC-2027-0001); lt essex CSC-2027-0001 stage2-refused 2>&1 | sed "s|$REDRESS_SHARE|SHARE|"; [ "$_was" = "$(rc essex show CSC-2027-0001)" ] && echo unchanged
redress: SHARE/templates/stage2-refused:11: {{stage2.refused}} has no value for CSC-2027-0001: the Stage 2 request was accepted
unchanged
$ . $RDT/letter-t/env; lt essex CSC-2027-0001 stage2-refused 2>/dev/null
? 2
# Stage 3: the panel's date, and its findings' time where the profile has a panel
$ . $RDT/letter-t/env; for p in $ALL; do rc $p respond CSC-2027-0001 --date 2027-06-21 && rc $p escalate CSC-2027-0001 --date 2027-06-22 && rc $p accept CSC-2027-0001 --date 2027-06-23 && rc $p arrange-panel CSC-2027-0001 --date 2027-07-20 && echo "$p: $(lt $p CSC-2027-0001 panel-notice --date 2027-06-24 | sed 1,3d | dates) $(lt $p CSC-2027-0001 panel-notice --preview | tr '\n' ' ' | grep -o 'within [0-9]* working days')"; done
statutory: of Tuesday 22 June 2027; on Tuesday 20 July 2027 within 5 working days
essex: of Tuesday 22 June 2027; on Tuesday 20 July 2027 within 5 working days
oxfordshire: of Tuesday 22 June 2027; on Tuesday 20 July 2027 within 5 working days
gloucestershire: of Tuesday 22 June 2027; on Tuesday 20 July 2027 within 5 working days
bournemouth: of Tuesday 22 June 2027; on Tuesday 20 July 2027 within 5 working days
corporate: of Tuesday 22 June 2027; on Tuesday 20 July 2027 
gloucestershire-corporate: of Tuesday 22 June 2027; on Tuesday 20 July 2027 

# --- refusals, compliments, redirections, declines -------------------------------
$ . $RDT/letter-t/env; for p in $ALL; do rc $p add --received 2027-03-01 --child-name 'Wes Example' --complainant-name 'Pat Example' && rc $p respond CSC-2027-0002 --date 2027-03-12 && rc $p escalate CSC-2027-0002 --date 2027-05-20 && rc $p refuse CSC-2027-0002 --date 2027-05-21 --reason late-request --ombudsman-told; done | uniq -c
      7 CSC-2027-0002
$ . $RDT/letter-t/env; for p in $ALL; do lt $p CSC-2027-0002 stage2-refused --date 2027-05-21 | sed -n '/^Dear/p;/^We are sorry/,/^$/p;/^  /p'; done | sort | uniq -c
      7 
      7   Local Government and Social Care Ombudsman
      7   PO Box 4771, Coventry CV4 0EH
      7   Telephone: 0300 061 0614
      7   Website: www.lgo.org.uk
      7 Dear Pat Example,
      7 We are sorry, but on Friday 21 May 2027 we decided that we cannot
      7 consider your complaint at Stage 2.  The reason: the request came after its time limit.
$ . $RDT/letter-t/env; lt statutory CSC-2027-0002 stage2-accepted 2>&1 | sed "s|$REDRESS_SHARE|SHARE|"
redress: SHARE/templates/stage2-accepted:11: {{stage2.accepted}} has no value for CSC-2027-0002: the Stage 2 request was refused
$ . $RDT/letter-t/env; for p in $ALL; do rc $p add --kind compliment --thanked 'the Fostering team' --complainant-name 'Kim Example' --received 2027-05-04 && rc $p pass-on CSC-2027-0003 --date 2027-05-05; done | uniq -c
      7 CSC-2027-0003
$ . $RDT/letter-t/env; for p in $ALL; do lt $p CSC-2027-0003 compliment-thanks --date 2027-05-05 | sed -n '/^Dear/p;/received your/p;/passed your/,/^$/p'; done | sort | uniq -c
      7 
      7 Dear Kim Example,
      7 We passed your kind words on to the Fostering team on Wednesday 5 May 2027.
      7 had.  We received your compliment on Tuesday 4 May 2027.
$ . $RDT/letter-t/env; for p in $ALL; do rc $p add --kind redirected --redirect-to Ofsted --complainant-name 'Lee Example' --received 2027-04-01 && rc $p redirect CSC-2027-0004 --date 2027-04-05; done | uniq -c
      7 CSC-2027-0004
$ . $RDT/letter-t/env; for p in $ALL; do lt $p CSC-2027-0004 redirection --date 2027-04-05 | sed -n '3p;/^Dear/p;/on Thursday/p;/handled by/p'; done | sort | uniq -c
      7 Dear Lee Example,
      7 Monday 5 April 2027
      7 Thank you for contacting us on Thursday 1 April 2027.
      7 complaints procedure.  It is handled by: Ofsted.  Please
$ . $RDT/letter-t/env; for p in $ALL; do rc $p add --received 2027-03-01 --aware 2025-12-01 --child-name 'Val Example' && rc $p decline CSC-2027-0005 --date 2027-03-02 --reason over-a-year --ombudsman-told; done | uniq -c
      7 CSC-2027-0005
# with no complainant, the letter goes to the child
$ . $RDT/letter-t/env; for p in $ALL; do lt $p CSC-2027-0005 declined --date 2027-03-02 | sed -n '/^Dear/p;/^We are sorry/,/^$/p;/Telephone/p'; done | sort | uniq -c
      7 
      7   Telephone: 0300 061 0614
      7 Dear Val Example,
      7 We are sorry, but on Tuesday 2 March 2027 we decided that we cannot consider your
      7 complaint under the children's social care complaints procedure.  The
      7 reason: made more than a year after the matter became known.
# a letter's date cannot come before the case, or after today
$ . $RDT/letter-t/env; lt statutory CSC-2027-0005 declined --date 2027-02-27
! redress: a letter dated 2027-02-27 is before CSC-2027-0005 was received (2027-03-01)
? 2
$ . $RDT/letter-t/env; lt statutory CSC-2027-0005 declined --date 2027-07-01
! redress: a letter dated 2027-07-01 is in the future (today is 2027-06-30)
? 2
$ . $RDT/letter-t/env; lt statutory CSC-2027-0005 declined --date 2027-02-30
! redress: --date: bad date "2027-02-30": day 30 does not exist: February 2027 has 28 days
? 2

# --- recorded on the timeline, with an audit entry, changing no state -------------
$ . $RDT/letter-t/env; rc essex show CSC-2027-0001 --names | grep 'letter sent' | sed -E "s/ $(id -un) +/ USER  /"
  #3   2027-06-02  USER  letter sent: acknowledgement, printed
  #5   2027-06-10  USER  letter sent: extension, printed
  #7   2027-06-14  USER  letter sent: stage1-response, printed
  #10  2027-06-18  USER  letter sent: stage2-accepted, printed
  #15  2027-06-24  USER  letter sent: panel-notice, printed
# without --names (no passphrase) the timeline still shows a letter was sent
$ . $RDT/letter-t/env; rc essex show CSC-2027-0001 | grep -c 'letter sent$'
5
$ . $RDT/letter-t/env; rc essex list --format tsv | cut -f1-5 | head -1
CSC-2027-0001	2027-06-01	complaint	open	3
$ . $RDT/letter-t/env; redress -d $T/essex audit | grep case.letter | awk '{print $4, $5, $6}'
case.letter CSC-2027-0001 acknowledgement
case.letter CSC-2027-0001 extension
case.letter CSC-2027-0001 stage1-response
case.letter CSC-2027-0001 stage2-accepted
case.letter CSC-2027-0001 panel-notice
case.letter CSC-2027-0002 stage2-refused
case.letter CSC-2027-0003 compliment-thanks
case.letter CSC-2027-0004 redirection
case.letter CSC-2027-0005 declined
$ . $RDT/letter-t/env; redress -d $T/essex verify >/dev/null && echo verified
verified
# --preview records nothing
$ . $RDT/letter-t/env; _n=$(redress -d $T/essex audit | wc -l); lt essex CSC-2027-0004 redirection --preview >/dev/null; [ "$_n" = "$(redress -d $T/essex audit | wc -l)" ] && echo "nothing recorded"
nothing recorded
# read-only: only a preview
$ . $RDT/letter-t/env; redress -R -d $T/essex letter CSC-2027-0004 redirection
! redress: letter: recording a letter needs a caseworker on a writable book (--preview shows it without recording)
? 2
$ . $RDT/letter-t/env; redress -R -d $T/essex letter CSC-2027-0004 redirection --preview | grep -c Ofsted
1

# --- to a directory: never world-readable, never over another letter --------------
$ . $RDT/letter-t/env; mkdir $T/out && (umask 002; lt essex CSC-2027-0004 redirection --out $T/out --date 2027-06-29) | sed "s|$T|T|"
T/out/CSC-2027-0004-redirection-2027-06-29.txt
$ . $RDT/letter-t/env; (umask 077; lt essex CSC-2027-0004 redirection --out $T/out --date 2027-06-29) | sed "s|$T|T|"
T/out/CSC-2027-0004-redirection-2027-06-29-2.txt
$ . $RDT/letter-t/env; cd $T/out && stat -c '%a %n' *
600 CSC-2027-0004-redirection-2027-06-29-2.txt
640 CSC-2027-0004-redirection-2027-06-29.txt
$ . $RDT/letter-t/env; lt essex CSC-2027-0004 redirection --preview --date 2027-06-29 | cmp - $T/out/CSC-2027-0004-redirection-2027-06-29.txt && echo same
same
$ . $RDT/letter-t/env; rc essex show CSC-2027-0004 --names | grep 'letter sent' | tail -1 | sed -E "s/ $(id -un) +/ USER  /; s|$T|T|"
  #5   2027-06-29  USER  letter sent: redirection, written to T/out/CSC-2027-0004-redirection-2027-06-29-2.txt
# the configuration file names the directory; --out - prints
$ . $RDT/letter-t/env; printf 'letters = %s/out\n' $T > $T/conf; lt essex CSC-2027-0003 compliment-thanks | sed "s|$T|T|"; lt essex CSC-2027-0003 compliment-thanks --out - | grep -c Fostering; rm $T/conf
T/out/CSC-2027-0003-compliment-thanks-2027-06-30.txt
1
$ . $RDT/letter-t/env; lt essex CSC-2027-0003 compliment-thanks --out $T/nowhere 2>&1 | sed "s|$T|T|"
redress: letter: T/nowhere/CSC-2027-0003-compliment-thanks-2027-06-30.txt: No such file or directory
$ . $RDT/letter-t/env; lt essex CSC-2027-0003 compliment-thanks --out $T/nowhere 2>/dev/null
? 2

# --- a council's own templates: search order, and fields checked at load ----------
# (this case's Stage 1 was extended: its deadline is the extended one)
$ . $RDT/letter-t/env; mkdir $T/essex/templates $T/own && printf '{{# Essex acknowledgement}}\nDear {{addressee}}, by {{deadline.stage1_response}}.\n' > $T/essex/templates/acknowledgement && lt essex CSC-2027-0001 acknowledgement --preview
Dear Sam Example, by Tuesday 29 June 2027.
$ . $RDT/letter-t/env; printf 'Own: {{case.ref}}\n' > $T/own/acknowledgement; REDRESS_TEMPLATES=$T/own lt essex CSC-2027-0001 acknowledgement --preview; printf 'templates = %s/own\n' $T > $T/conf; lt essex CSC-2027-0001 acknowledgement --preview; rm $T/conf
Own: CSC-2027-0001
Own: CSC-2027-0001
$ . $RDT/letter-t/env; lt essex --list | head -1 | sed "s|$T|T|"
acknowledgement    Essex acknowledgement (T/essex/templates/acknowledgement)
# a field that does not exist: exit 2 at load, naming file, line and field
$ . $RDT/letter-t/env; printf 'Dear {{addressee}},\n\nWe wrote to {{complainant.nmae}}.\n' > $T/essex/templates/typo; lt essex CSC-2027-0001 typo 2>&1 | sed "s|$T|T|"
redress: T/essex/templates/typo:3: unknown field "complainant.nmae" (see: redress letter --fields)
$ . $RDT/letter-t/env; _n=$(redress -d $T/essex audit | wc -l); lt essex CSC-2027-0001 typo 2>/dev/null; echo "exit $?"; [ "$_n" = "$(redress -d $T/essex audit | wc -l)" ] && echo "nothing recorded"
exit 2
nothing recorded
# a rule the book's profile does not have is unknown too; --check and --list say so
$ . $RDT/letter-t/env; printf '{{deadline.stage2_decision}}\n' > $T/essex/templates/glos; lt essex --check glos 2>&1 | sed "s|$T|T|"; lt gloucestershire --check glos 2>&1 | sed "s|$T|T|; s|$REDRESS_SHARE|SHARE|"; echo "{{deadline.stage2_decision}}" | REDRESS_TEMPLATES=$T/essex/templates lt gloucestershire --check glos | sed "s|$T|T|"
redress: T/essex/templates/glos:1: unknown field "deadline.stage2_decision" (see: redress letter --fields)
redress: no template named "glos" in T/gloucestershire/templates, SHARE/templates (see: redress letter --list)
T/essex/templates/glos: loads against profile gloucestershire

# --- hostile text never reaches a letter raw ----------------------------------
# case data with a control character is refused when it is typed
$ . $RDT/letter-t/env; rc statutory add --received 2027-06-01 --child-name "$(printf 'Eve\033[2J')"
! redress: the child's name contains a control or invisible character (U+001B)
? 2
# text from elsewhere (the configuration file) is shown as an escape
$ . $RDT/letter-t/env; printf 'council = Evil\033[2J\342\200\256Council\n' > $T/conf; lt statutory CSC-2027-0001 acknowledgement --preview | sed -n 1p; rm $T/conf
Evil\x1b[2J<U+202E>Council
$ . $RDT/letter-t/env; printf 'council = Evil\033[2J Council\n' > $T/conf; lt statutory CSC-2027-0001 acknowledgement --preview | grep -c "$(printf '\033')"; rm $T/conf
0
# a template with a control character is refused at load
$ . $RDT/letter-t/env; printf 'Dear {{addressee}},\n\033[2J\n' > $T/essex/templates/esc; lt essex CSC-2027-0001 esc 2>&1 | sed "s|$T|T|"
redress: T/essex/templates/esc:2: a control or invisible character (U+001B)
$ . $RDT/letter-t/env; lt essex CSC-2027-0001 nope 2>&1 | sed "s|$T|T|; s|$REDRESS_SHARE|SHARE|"
redress: no template named "nope" in T/essex/templates, SHARE/templates (see: redress letter --list)
$ . $RDT/letter-t/env; lt essex CSC-2027-0001 ../../etc/passwd
! redress: "../../etc/passwd" is not a template's name (a-z, 0-9, - and _)
? 2
$ . $RDT/letter-t/env; lt essex CSC-2027-0099 acknowledgement
! redress: no case CSC-2027-0099 in this book
? 2
$ . $RDT/letter-t/env; lt essex CSC-2027-0001
! redress: letter: which case and which template? (see: redress help letter)
? 2

# --- names stay sealed: no letter leaves a name in the book's files -------------
# (who is thanked and where a contact was redirected are not identity: plain)
$ . $RDT/letter-t/env; for p in $ALL; do for n in 'Sam Example' 'Zoë Example' 'Pat Example' 'Kim Example' 'Lee Example' 'Val Example'; do grep -l -a -F "$n" $T/$p/*.mdb; done; done; echo checked
checked
