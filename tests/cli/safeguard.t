# A safeguarding concern records what was done, not only that it was sent:
# the helpdesk (the profile's unless another is named), the time passed on,
# who took it and the referral reference, on the timeline's note.
$ mkdir $RDT/sg-t && printf 'pass phrase 1\n' > $RDT/sg-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/sg-t/pass REDRESS_BOOK=$RDT/sg-t/b' > $RDT/sg-t/env && . $RDT/sg-t/env && redress init --authority gloucestershire >/dev/null && redress case add --received 2026-11-20 --safeguarding --passed-at 10:40 --spoken-to 'Sam Duty' --referral MASH-123
CSC-2026-0001

$ . $RDT/sg-t/env; redress case show CSC-2026-0001 --names | grep '#2' | sed 's/  */ /g'
 #2 2026-11-20 root safeguarding concern sent to the helpdesk: Safeguarding concern, not handled as a complaint: passed to Children & Families Helpdesk, 01452 426565 (out of hours 01452 614194), taken by Sam Duty on 2026-11-20 at 10:40; referral reference MASH-123.

$ . $RDT/sg-t/env; redress case add --received 2026-11-20 --safeguarding --helpdesk 'MASH, 0300 000 0000' && redress case show CSC-2026-0002 --names | grep '#2' | sed 's/  */ /g'
CSC-2026-0002
 #2 2026-11-20 root safeguarding concern sent to the helpdesk: Safeguarding concern, not handled as a complaint: passed to MASH, 0300 000 0000 on 2026-11-20; no referral reference recorded.

$ . $RDT/sg-t/env; redress case add --received 2026-11-20 --safeguarding --passed-at 24:00
! redress: the time passed on: "24:00" is not a time (HH:MM, 24-hour)
? 2

$ . $RDT/sg-t/env; redress case add --received 2026-11-20 --child-name Kit --spoken-to 'Sam Duty'
! redress: what was done with a safeguarding concern is for one flagged as safeguarding
? 2

$ . $RDT/sg-t/env; redress case list | wc -l
2
