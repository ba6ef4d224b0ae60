# People on a case: the owner and manager are logins; the investigating
# officer, independent person, adjudicator and panel may be names that are
# not users, each dated the day appointed (default today); the Stage 2
# independent person is refused for the panel however the name is cased;
# a new owner is noted on the timeline.
$ mkdir $RDT/staff-t && printf 'pass phrase 1\n' > $RDT/staff-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/staff-t/pass REDRESS_BOOK=$RDT/staff-t/b' > $RDT/staff-t/env && . $RDT/staff-t/env && redress init --authority essex >/dev/null && redress case add --received 2026-11-02 --child-name 'Alder Quince'
CSC-2026-0001

$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --investigator 'Dr Ann Lee' --independent "Mr Bo O'Hara" --appointed 2026-11-10 && redress case show CSC-2026-0001 | grep -E '^(investigator|independent)'
investigator Dr Ann Lee, appointed 2026-11-10
independent  Mr Bo O'Hara, appointed 2026-11-10

# the independent person typed differently is still the same person
$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --panel "ann, mr bo o'hara, Cy Dee"
! redress: Mr Bo O'Hara was the Stage 2 independent person and may not sit on the review panel
? 2

$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --panel "Di Eve,di eve,Cy Dee"
! redress: the panel needs three different people
? 2

$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --panel "ann, Di Eve, Cy Dee" --chair 2 --owner bob && redress case show CSC-2026-0001 | grep -E '^(owner|panel)'
owner        bob, appointed 2026-11-20
panel        ann, appointed 2026-11-20
panel        Di Eve (chair), appointed 2026-11-20
panel        Cy Dee, appointed 2026-11-20

$ . $RDT/staff-t/env; redress case show CSC-2026-0001 --names | grep 'people on the case'
  #2   2026-11-20  root       people on the case changed: Owner: bob, was root.

# the owner and manager stay logins; a name is text on one line, trimmed
$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --owner 'Ann Lee'
! redress: the owner: "Ann Lee" is not a login
? 2

$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --investigator ' Ann'
! redress: the investigating officer: a name has no space before or after it
? 2

$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --adjudicator "$(printf 'A\tB')"
! redress: the adjudicator contains a control or invisible character (U+0009)
? 2

$ . $RDT/staff-t/env; redress case assign CSC-2026-0001 --investigator x --appointed 2027-01-01
! redress: the date appointed, 2027-01-01, is in the future
? 2

# nothing refused was written: the audit trail has the two assignments only
$ . $RDT/staff-t/env; redress audit | grep -c 'case.change'
2
