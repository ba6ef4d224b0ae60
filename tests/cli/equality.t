# redress person equality: a complainant's equality monitoring (age band,
# sex, ethnicity, disability), recorded only with their consent, sealed like
# the name, kept across a rekey, erased with the identity, in the subject
# access export, and counted by `report annual --equality` in aggregate only,
# under the report's suppression of small numbers.
#
# Every command sources $RDT/eq-t/env: today is 2027-06-30, the passphrase
# comes from a file with the test KDF, B is the book, and
#   pe ARGS     redress -d $B person equality ARGS
#
# Under valgrind (make check) each shape runs wrapped once: a second look at
# the answers (peu), the answers and cases set up for the report, and a
# second refusal through the same check run as redress_unwrapped (see run.sh);
# plain and ASan/UBSan runs run every one.

$ rm -rf $RDT/eq-t && mkdir $RDT/eq-t && printf 'pass phrase 1\n' > $RDT/eq-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/eq-t/pass REDRESS_CONF=$RDT/eq-t/conf' 'B=$RDT/eq-t/b T=$RDT/eq-t' 'pe() { redress -d $B person equality "$@"; }' 'peu() { redress_unwrapped -d $B person equality "$@"; }' > $RDT/eq-t/env
$ . $RDT/eq-t/env; redress -d $B init --authority statutory >/dev/null && redress -d $B case add --received 2027-06-01 --child-name 'Zoë Example' --complainant-name 'Sam Example'
CSC-2027-0001

# --- not asked yet ---------------------------------------------------------------
$ . $RDT/eq-t/env; pe 2
consent:       not asked
age band:      -
sex:           -
ethnicity:     -
disability:    -

# --- answers only with consent -----------------------------------------------------
$ . $RDT/eq-t/env; pe 2 --age-band 25-34
! redress: the answers are recorded only with the person's consent (consent yes)
? 2
$ . $RDT/eq-t/env; pe 2 --consent yes --age-band 25-34 --sex female --ethnicity white-british --disability prefer-not-to-say && peu 2
consent:       yes
age band:      25-34
sex:           female
ethnicity:     white-british
disability:    prefer-not-to-say
# one audit entry naming the questions, never the answers
$ . $RDT/eq-t/env; redress -d $B audit | grep person.equality | awk '{ print $4, $5, $6, $7 }'
person.equality person 2 consent,age-band,sex,ethnicity,disability
$ . $RDT/eq-t/env; redress_unwrapped -d $B audit | grep -c 'white-british\|25-34\|female'
0
? 1
# one answer changed alone leaves the others; "" clears one
$ . $RDT/eq-t/env; pe 2 --sex '' --age-band 35-44 && peu 2 | sed -n 2,3p
age band:      35-44
sex:           -
# changing the name keeps the answers
$ . $RDT/eq-t/env; redress -d $B person edit 2 --rev 3 --name 'Sam Q Example' && peu 2 | sed -n 4p
ethnicity:     white-british

# --- never on disk in plain text ----------------------------------------------------
$ . $RDT/eq-t/env; for w in white-british 35-44 prefer-not-to-say consent=; do grep -c "$w" $B/data.mdb; done; echo checked
0
0
0
0
checked

# --- refusals: one line, exit 2, nothing changed --------------------------------------
$ . $RDT/eq-t/env; pe 2 --sex unknown
! redress: person equality: "unknown" is not an answer to sex (female, male or prefer-not-to-say)
? 2
$ . $RDT/eq-t/env; peu 2 --disability yes
! redress: person equality: "yes" is not an answer to disability (limited-a-lot, limited-a-little, not-disabled or prefer-not-to-say)
? 2
$ . $RDT/eq-t/env; pe 2 --consent maybe
! redress: person equality: consent: yes or no, not "maybe"
? 2
$ . $RDT/eq-t/env; pe two --consent yes
! redress: person equality: ID: "two" is not a whole number
? 2
$ . $RDT/eq-t/env; peu 2 --consent yes --rev 0
! redress: person equality: --rev: 0 is out of range (1 to 2147483647)
? 2
$ . $RDT/eq-t/env; pe 2 --age-band 25-34 --rev 1 2>$T/err; echo $?; sed 's/ on .* (/ on WHEN (/' $T/err
3
redress: person 2 was changed by root on WHEN (revision 4; yours was based on 1): your change was not saved
$ . $RDT/eq-t/env; pe 9 --consent yes
! redress: no person 9 in this book
? 2
$ . $RDT/eq-t/env; peu 2 | sed -n 2p
age band:      35-44

# --- kept across a rekey; verify --sealed opens it ------------------------------------
$ . $RDT/eq-t/env; redress -d $B rekey >/dev/null 2>&1 && peu 2 | sed -n 1,2p
consent:       yes
age band:      35-44
$ . $RDT/eq-t/env; redress -d $B verify --sealed | tail -1
verified: every sealed field of 3 cases and people opens with the book's keys

# --- in the subject access export -----------------------------------------------------
$ . $RDT/eq-t/env; redress -d $B export --person 2 | grep '^equality'
equality     consent given; age band 35-44; sex not answered; ethnicity white-british; disability prefer-not-to-say

# --- the report: in aggregate, small numbers suppressed, never per case ------------------
# without --equality (and without the key) nothing of them is counted
$ . $RDT/eq-t/env; (unset REDRESS_PASSPHRASE_FILE; redress -d $B report annual --year 2027 | grep -ci equality)
0
? 1
$ . $RDT/eq-t/env; for i in 1 2 3 4 5 6; do redress_unwrapped -d $B case add --received 2027-06-0$i --child-name "Child $i" --complainant-name "Parent $i" >/dev/null || exit 1; done; for p in 4 6 8 10 12; do peu $p --consent yes --sex male --age-band 35-44 || exit 1; done; pe 14 --consent no; echo ok
ok
$ . $RDT/eq-t/env; redress -d $B report annual --year 2027 --equality --format csv | tr -d '\r' | grep '^equality-\(consent\|sex\|age-band\),' | grep -v ',0$'
equality-consent,Equality monitoring: complainants asked,Consented,Complainants,*
equality-consent,Equality monitoring: complainants asked,Declined,Complainants,<5
equality-consent,Equality monitoring: complainants asked,Total,Complainants,7
equality-age-band,Equality monitoring: age band (those who consented),35 to 44,Complainants,*
equality-age-band,Equality monitoring: age band (those who consented),Total,Complainants,*
equality-sex,Equality monitoring: sex (those who consented),male,Complainants,*
equality-sex,Equality monitoring: sex (those who consented),not answered,Complainants,<5
equality-sex,Equality monitoring: sex (those who consented),Total,Complainants,*
# 7 complainants, 1 declined: the 6 who consented would give the declined
# away, so they are withheld, in every table that adds up to them
# the count is a read on record, once; no case or person is named in the report
$ . $RDT/eq-t/env; redress -d $B audit --reads | grep -c 'equality monitoring'
1
$ . $RDT/eq-t/env; redress -d $B report annual --year 2027 --equality | grep -c 'CSC-\|Sam\|Parent'
0
? 1
$ . $RDT/eq-t/env; redress -d $B report chc --equality
! redress: report: --equality goes with the annual report
? 2

# --- consent withdrawn: every answer goes ------------------------------------------------
$ . $RDT/eq-t/env; pe 4 --consent no && peu 4 | sed -n 1,3p
consent:       no (declined)
age band:      -
sex:           -

# --- erased with the identity under the retention rule -------------------------------------
$ . $RDT/eq-t/env; redress_unwrapped -d $B case close CSC-2027-0001 --date 2027-06-30 && REDRESS_TODAY=2033-07-01 redress -d $B retention --apply >/dev/null 2>&1; REDRESS_TODAY=2033-07-01 peu 2 | sed -n 1,2p
consent:       not asked
age band:      -
