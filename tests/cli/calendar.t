# redress calendar: the agenda of deadlines from the index, day by day.

$ rm -rf $RDT/cal-t && mkdir $RDT/cal-t && printf 'pass phrase 1\n' > $RDT/cal-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-12-21 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/cal-t/pass' 'r() { redress -d $RDT/cal-t/book "$@"; }' > $RDT/cal-t/env && echo ok
ok
$ . $RDT/cal-t/env; r init --authority gloucestershire >/dev/null && r case add --received 2026-12-18 --child-name 'Ada Lovelace' --team 'North CIN' --owner alice && r case add --received 2026-12-01 --child-name 'Ben Okri' --team 'South CIN' --owner bob && r case acknowledge CSC-2026-0002 --date 2026-12-02
CSC-2026-0001
CSC-2026-0002
# over Christmas: 25 and 28 December and 1 January are holidays; the
# acknowledgement of CSC-2026-0001 is due Tuesday 22 December, its Stage 1
# response on 6 January (9 working days after today, Monday 21 December);
# CSC-2026-0002's extended maximum on 31 December
$ . $RDT/cal-t/env; r calendar --days 17 | sed 's/ *$//'
Tuesday 22 December 2026
  CSC-2026-0001  acknowledge            deadline 1 left   alice      North CIN      Child C-0001
|
Thursday 31 December 2026
  CSC-2026-0002  stage1_response_max    deadline 6 left   bob        South CIN      Child C-0002
|
Wednesday 6 January 2027
  CSC-2026-0001  stage1_response        deadline 9 left   alice      North CIN      Child C-0001
$ . $RDT/cal-t/env; r calendar --overdue --names | sed 's/ *$//'
Tuesday 15 December 2026
  CSC-2026-0002  stage1_response        deadline 4 over   bob        South CIN      Ben Okri
$ . $RDT/cal-t/env; r calendar --days 30 --owner bob | sed 's/ *$//'
Thursday 31 December 2026
  CSC-2026-0002  stage1_response_max    deadline 6 left   bob        South CIN      Child C-0002
# the index carries each deadline's owner: a reassignment moves every
# deadline of the case to its new owner's agenda at once
$ . $RDT/cal-t/env; r case assign CSC-2026-0002 --owner carol >/dev/null && r calendar --days 30 --owner carol | sed 's/ *$//'
Thursday 31 December 2026
  CSC-2026-0002  stage1_response_max    deadline 6 left   carol      South CIN      Child C-0002
# (bob's listing again: unwrapped under valgrind, which ran it above; see run.sh)
$ . $RDT/cal-t/env; redress_unwrapped -d $RDT/cal-t/book calendar --days 30 --owner bob
nothing due from 2026-12-21 to 2027-01-19
# --format tsv: one line per deadline, tab-separated (date, reference, key,
# label, deadline or target, state, working days from today, owner, team);
# --all adds those already met
$ . $RDT/cal-t/env; r calendar --from 2026-12-01 --days 40 --format tsv
2026-12-15	CSC-2026-0002	stage1_response	Stage 1 response	deadline	overdue	-4	carol	South CIN
2026-12-22	CSC-2026-0001	acknowledge	Acknowledgement	deadline	open	1	alice	North CIN
2026-12-31	CSC-2026-0002	stage1_response_max	Stage 1 response, extended maximum	deadline	open	6	carol	South CIN
2027-01-06	CSC-2026-0001	stage1_response	Stage 1 response	deadline	open	9	alice	North CIN
$ . $RDT/cal-t/env; r calendar --from 2026-12-01 --days 40 --format tsv --all --team 'South CIN'
2026-12-03	CSC-2026-0002	acknowledge	Acknowledgement	deadline	met	-12	carol	South CIN
2026-12-15	CSC-2026-0002	stage1_response	Stage 1 response	deadline	overdue	-4	carol	South CIN
2026-12-31	CSC-2026-0002	stage1_response_max	Stage 1 response, extended maximum	deadline	open	6	carol	South CIN
$ . $RDT/cal-t/env; r calendar --from 2026-12-01 --days 5 --all | sed 's/ *$//'
Thursday 3 December 2026
  CSC-2026-0002  acknowledge            deadline met      carol      South CIN      Child C-0002
$ . $RDT/cal-t/env; r calendar --days 1 --format tsv
$ . $RDT/cal-t/env; r calendar --format csv
! redress: calendar: --format is text or tsv
? 2
$ . $RDT/cal-t/env; r calendar --all --overdue
! redress: calendar: --all and --overdue do not go together
? 2
$ . $RDT/cal-t/env; r calendar --format tsv --names
! redress: calendar: --format tsv has no child column: no --names
? 2
$ . $RDT/cal-t/env; r calendar --days 0
! redress: calendar: --days: 0 is out of range (1 to 3660)
? 2
$ . $RDT/cal-t/env; r calendar --from 2026-13-01
! redress: --from: bad date "2026-13-01": month 13 does not exist
? 2
$ rm -rf $RDT/cal-t && echo ok
ok
