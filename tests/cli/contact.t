# redress person contact: a party's postal address, e-mail, phone, preferred
# channel and whether it is safe to write to them, sealed like the name;
# letters take the addressee's address from them and are refused when it is
# not safe to write.
#
# Every command sources $RDT/contact-t/env: today is 2027-06-30, the
# passphrase comes from a file with the test KDF, B is the book, and
#   pc ARGS     redress -d $B person contact ARGS
#   pcu ARGS    the same by redress_unwrapped (see run.sh), for the contact
#               looked at after a change, which valgrind sees in pc 2 above,
#               a second bad e-mail and the contact set again for the export
# (a second subject access export also runs unwrapped)

$ rm -rf $RDT/contact-t && mkdir $RDT/contact-t && printf 'pass phrase 1\n' > $RDT/contact-t/pass && echo ok
ok
$ printf '%s\n' 'export REDRESS_TODAY=2027-06-30 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/contact-t/pass REDRESS_CONF=$RDT/contact-t/conf' 'B=$RDT/contact-t/b T=$RDT/contact-t' 'pc() { redress -d $B person contact "$@"; }' 'pcu() { redress_unwrapped -d $B person contact "$@"; }' > $RDT/contact-t/env
$ . $RDT/contact-t/env; redress -d $B init --authority statutory >/dev/null && redress_unwrapped -d $B case add --received 2027-06-01 --child-name 'Zoë Example' --complainant-name 'Sam Example'
CSC-2027-0001

# --- nothing recorded yet ------------------------------------------------------
$ . $RDT/contact-t/env; pc 2
address:       -
email:         -
phone:         -
prefer:        -
safe to write: not said

# --- set, then shown -----------------------------------------------------------
$ . $RDT/contact-t/env; pc 2 --address "$(printf '14 Quayside Walk\nNorthtown NT4 9QX')" --email sam.example@mail.example --phone '01632 960123' --prefer letter --safe yes
$ . $RDT/contact-t/env; pc 2
address:       14 Quayside Walk
               Northtown NT4 9QX
email:         sam.example@mail.example
phone:         01632 960123
prefer:        letter
safe to write: yes
# one revision of the person, one audit entry naming the fields, not the values
$ . $RDT/contact-t/env; redress -d $B person show 2 --names | cut -c1-60
2      Sam Example                      -          rev 2, 20
$ . $RDT/contact-t/env; redress -d $B audit | grep person.contact | awk '{ print $4, $5, $6, $7 }'
person.contact person 2 address,email,phone,prefer,safe
# a field changed alone leaves the others; "" clears one
$ . $RDT/contact-t/env; pc 2 --phone '' --prefer email && pcu 2 | sed -n 4,5p
phone:         -
prefer:        email
# changing the name keeps the contact details
$ . $RDT/contact-t/env; redress -d $B person edit 2 --rev 3 --name 'Sam Q Example' && pcu 2 | sed -n 1,3p
address:       14 Quayside Walk
               Northtown NT4 9QX
email:         sam.example@mail.example

# --- never on disk in plain text -----------------------------------------------
$ . $RDT/contact-t/env; for w in Quayside NT4 sam.example mail.example; do grep -c "$w" $B/data.mdb; done; echo checked
0
0
0
0
checked

# --- refusals: one line, exit 2, nothing changed -------------------------------
$ . $RDT/contact-t/env; pc 2 --email sam.example.mail
! redress: person contact: "sam.example.mail" is not an e-mail address (name@example.org)
? 2
$ . $RDT/contact-t/env; pcu 2 --email 'a@b.example, c@d.example'
! redress: person contact: the e-mail address "a@b.example, c@d.example" has a space or separator in it (one address only)
? 2
$ . $RDT/contact-t/env; pc 2 --phone 'call me'
! redress: person contact: the phone number "call me" may hold only digits, spaces and + - ( )
? 2
$ . $RDT/contact-t/env; pc 2 --prefer pigeon
! redress: person contact: "pigeon" is not a channel (online, phone, text, email, letter, in-person, staff or advocate)
? 2
$ . $RDT/contact-t/env; pc 2 --safe maybe
! redress: person contact: safe to write: yes or no, not "maybe"
? 2
$ . $RDT/contact-t/env; redress -d $B person edit 2 --rev 4 --email a@b.example
! redress: person edit: --address, --email, --phone, --prefer and --safe belong to person contact
? 2
$ . $RDT/contact-t/env; pc 2 --email x@y.example --rev 1 2>$T/err; echo $?; sed 's/ on .* (/ on WHEN (/' $T/err
3
redress: person 2 was changed by root on WHEN (revision 4; yours was based on 1): your change was not saved
$ . $RDT/contact-t/env; pc 9 --email x@y.example
! redress: no person 9 in this book
? 2
$ . $RDT/contact-t/env; pcu 2 | sed -n 3p; redress_unwrapped -d $B person show 2 --names | cut -c1-60
email:         sam.example@mail.example
2      Sam Q Example                    -          rev 4, 20

# --- letters take the address --------------------------------------------------
$ . $RDT/contact-t/env; mkdir $T/own && printf 'To: {{addressee}}\n{{addressee.address}}\nRef: {{case.ref}}\n' > $T/own/address && REDRESS_TEMPLATES=$T/own redress -d $B letter CSC-2027-0001 address --preview
To: Sam Q Example
14 Quayside Walk
Northtown NT4 9QX
Ref: CSC-2027-0001
$ . $RDT/contact-t/env; redress letter --fields --authority statutory | grep '^addressee.address '
addressee.address                the addressee's postal address, from their contact details, as recorded
# no address recorded: the field has no value, and the letter says why
$ . $RDT/contact-t/env; pc 2 --address '' && REDRESS_TEMPLATES=$T/own redress -d $B letter CSC-2027-0001 address --preview 2>&1 | sed "s|$T|T|"
redress: T/own/address:2: {{addressee.address}} has no value for CSC-2027-0001: no postal address is recorded for the addressee (redress person contact ID --address)

# --- not safe to write: the letter is refused, nothing recorded ----------------
$ . $RDT/contact-t/env; pc 2 --safe no && redress -d $B letter CSC-2027-0001 acknowledgement
! redress: Sam Q Example is recorded as not safe to write to: no letter is made (redress person contact 2 --safe yes, once it is)
? 2
$ . $RDT/contact-t/env; redress_unwrapped -d $B audit | grep -c case.letter
0
? 1
# safe again: the letter is made
$ . $RDT/contact-t/env; pcu 2 --safe yes && redress -d $B letter CSC-2027-0001 acknowledgement | sed -n 5p
Dear Sam Q Example,

# --- verify --sealed opens the contact details too -----------------------------
$ . $RDT/contact-t/env; redress -d $B verify --sealed | tail -1
verified: every sealed field of 3 cases and people opens with the book's keys

# --- the subject access export holds them: everything held about the person ------
$ . $RDT/contact-t/env; pcu 2 --address "$(printf '14 Quayside Walk\nNorthtown NT4 9QX')" --phone '01632 960123' && redress -d $B export --subject 'Sam Q Example' | sed -n '/^== person 2/,/^cases/p' | grep -v '^revision'
== person 2
name         Sam Q Example
address      14 Quayside Walk
             Northtown NT4 9QX
e-mail       sam.example@mail.example
phone        01632 960123
prefers      email
safe to write yes
equality     not asked
cases        1
# only the subject's own: the child's export names Sam, never where he lives
$ . $RDT/contact-t/env; redress_unwrapped -d $B export --subject 'Zoë Example' | grep -c -e Quayside -e sam.example -e 01632
0
? 1

# The subject access export prints each of the case's people and flags by
# label, in order, and leaves out what is empty (no service, redirect, thanks
# or summary here): the manager, investigator, three panel members, the
# safeguarding flag.
$ mkdir $RDT/subj && printf 'pass phrase 1\n' >$RDT/subj/pass && export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/subj/pass REDRESS_BOOK=$RDT/subj/book && redress_unwrapped init --authority statutory >/dev/null && r=$(redress_unwrapped case add --received 2026-11-02 --child-name 'Kit Safe' --safeguarding --team 'North CIN') && redress_unwrapped case assign $r --manager boss --investigator 'Ian Vest' --panel 'P One,P Two,P Three' && redress export --subject 'Kit Safe' | sed -n '/^case /,/timeline/p' | sed 's/owner        .*/owner        USER/'
case CSC-2026-0001  complaint, received 2026-11-02 by online; safeguarding, stage 1
  team         North CIN
  owner        USER
  manager      boss
  investigator Ian Vest
  panel        P One
  panel        P Two
  panel        P Three
  safeguarding flagged and sent to the children's helpdesk
  child        Kit Safe (child)  <- the subject
  timeline
