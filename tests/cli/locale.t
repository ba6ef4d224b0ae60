# Non-ASCII arguments are read and written whole under any locale: LANG=C,
# no LANG, and a locale the server never generated (en_GB.UTF-8 on a
# default Debian).  The CLI treats text as UTF-8 bytes, whatever the locale.

$ mkdir $RDT/locale-t && printf 'pass phrase 1\n' > $RDT/locale-t/pass && printf '%s\n' 'export REDRESS_TODAY=2026-11-20 REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/locale-t/pass; unset LC_ALL LC_CTYPE LANGUAGE' 'rc() { redress -d $RDT/locale-t/b case "$@"; }' > $RDT/locale-t/env && echo ok
ok
$ . $RDT/locale-t/env; redress -d $RDT/locale-t/b init --authority gloucestershire >/dev/null && echo ok
ok

# LANG=C: a child, a complainant, a summary and a note
$ . $RDT/locale-t/env; export LANG=C; rc add --received 2026-11-16 --child-name 'Seán Ó Briain' --complainant-name 'Zoë Łukasz 王' --summary 'Met Siân and Zoë today' && rc note CSC-2026-0001 --date 2026-11-20 --text 'Rang Siân: «ça va»'
CSC-2026-0001
$ . $RDT/locale-t/env; export LANG=C; rc show CSC-2026-0001 --names | grep -E '^(summary|child|complainant) |note:'
summary      Met Siân and Zoë today
child        Seán Ó Briain (child)
complainant  Zoë Łukasz 王 (parent)
  2026-11-20  root       note: Rang Siân: «ça va»

# no LANG: the same
$ . $RDT/locale-t/env; unset LANG; rc add --received 2026-11-17 --child-name 'Zoë Ní Bhriain' && rc show CSC-2026-0002 --names | grep '^child '
CSC-2026-0002
child        Zoë Ní Bhriain (child)

# a locale not generated here
$ . $RDT/locale-t/env; export LANG=en_GB.UTF-8; rc add --received 2026-11-18 --child-name 'Siân Ŵyn' && rc show CSC-2026-0003 --names | grep '^child '
CSC-2026-0003
child        Siân Ŵyn (child)
$ . $RDT/locale-t/env; export LANG=C; rc list --names | grep -c 'Seán Ó Briain\|Zoë Ní Bhriain\|Siân Ŵyn'
3
