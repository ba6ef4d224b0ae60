# redress audit --head and redress verify --head: the chain's head kept
# outside the book, so that a book cut back or put back to an older copy
# (a valid chain, just a shorter one) is found.  What verify checks of the
# records and keys themselves is in tests/book/test_verify.c.

$ mkdir $RDT/v && printf 'pass phrase 1\n' > $RDT/v/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/v/pass REDRESS_BOOK=$RDT/v/b' > $RDT/v/env && . $RDT/v/env && redress init --authority essex >/dev/null && echo ok
ok

$ . $RDT/v/env; redress case add --received 2026-11-02 --child-name 'Alder Quince'
CSC-2026-0001

# the head: sequence and hash, nothing else
$ . $RDT/v/env; redress audit --head > $RDT/v/head1 && grep -cE '^2:[0-9a-f]{64}$' $RDT/v/head1
1

$ . $RDT/v/env; redress verify --head "$(cat $RDT/v/head1)"
verified: store readable, 2 audit entries chained and signed
records: 6 match their last audit entry
head: the chain holds entry 2 as kept

# a copy of the book as it is now, then more work and a later head
$ . $RDT/v/env; redress backup $RDT/v/bak >/dev/null && redress case acknowledge CSC-2026-0001 --date 2026-11-03 && redress person add --name 'Birch Quince' && redress audit --head > $RDT/v/head2 && cut -d: -f1 $RDT/v/head2
2
4

# an earlier head still holds after later work
$ . $RDT/v/env; redress verify --head "$(cat $RDT/v/head1)" | tail -1
head: the chain holds entry 2 as kept

# the book put back to the older copy: its chain is whole, so plain verify
# cannot tell; the head kept can
$ . $RDT/v/env; cp $RDT/v/bak/data.mdb $RDT/v/b/data.mdb && redress verify | head -1
verified: store readable, 2 audit entries chained and signed

$ . $RDT/v/env; redress verify --head "$(cat $RDT/v/head2)"
! redress: verify: the chain has no entry 4 (it ends at 2): entries were cut off or the chain rewritten
? 1

# a head whose hash is not the entry's: a rewritten chain
$ . $RDT/v/env; { redress verify --head "2:$(cut -d: -f2 $RDT/v/head2)" 2>&1; echo "exit $?"; } | sed -E 's/[0-9a-f]{12}[.][.][.]/HASH.../g'
redress: verify: audit entry 2 is not the one kept (its hash is HASH..., the head kept says HASH...): the chain was rewritten
exit 1

# bad usage: exit 2, nothing read
$ . $RDT/v/env; redress verify --head 2
! redress: verify: --head takes SEQ:HASH as `redress audit --head` prints it
? 2

$ . $RDT/v/env; redress verify --head "0:$(cut -d: -f2 $RDT/v/head1)"
! redress: verify: --head takes SEQ:HASH as `redress audit --head` prints it
? 2

$ . $RDT/v/env; redress audit --head extra
! redress: audit: too many arguments (usage: redress audit [--head] | --reads [--case REF] [--person ID] [--user LOGIN] [--since DATE])
? 2

# without syslog (no /dev/log) a change says so on stderr, with the head to
# keep; REDRESS_SYSLOG=off (as these tests run) silences it.  On a host with
# syslog there is nothing to warn about.
$ . $RDT/v/env; if [ -S /dev/log ]; then echo 1; else REDRESS_SYSLOG= redress person add --name 'Cedar Quince' 2>&1 >/dev/null | grep -cE '^redress: syslog cannot be reached \(no /dev/log\): the audit head [0-9]+:[0-9a-f]{64} is recorded only in the book'; fi
1

# --recount (admin): the calendar's day counts counted again from the
# deadlines index before verifying; on a book whose counts are right nothing
# is written (no audit entry); a book open read-only refuses it.  A book whose
# counts differ is in tests/book/test_book.c (test_days_counts).
$ . $RDT/v/env; redress verify --recount > $RDT/v/recount; echo "exit $?"; sed -n '1p;2s/[0-9][0-9]* audit/N audit/p' $RDT/v/recount; redress audit | grep -c book.recount
exit 0
recounted: the calendar's counts were right; nothing was written
verified: store readable, N audit entries chained and signed
0
? 1

$ . $RDT/v/env; redress -R verify --recount
! redress: the book is open read-only: nothing was changed
? 2
