#!/bin/sh
# Enforces the layers of DESIGN.md: which directory may include what.
fail=0
bad() { echo "layers: $1"; fail=1; }
for f in $(grep -rlE '#include[[:space:]]*<lmdb\.h>' src include 2>/dev/null); do
	case $f in src/store/*) ;; *) bad "$f includes <lmdb.h> outside src/store/";; esac
done
for f in $(grep -rlE '#include[[:space:]]*<sodium\.h>' src include 2>/dev/null); do
	case $f in src/vault/*) ;; *) bad "$f includes <sodium.h> outside src/vault/";; esac
done
for f in $(grep -rlE '#include[[:space:]]*<(n?curses(w)?\.h|ncursesw/)' src include 2>/dev/null); do
	case $f in src/tui/*) ;; *) bad "$f includes curses outside src/tui/";; esac
done
for f in $(grep -rlE '#include[[:space:]]*<(fcntl|unistd|dirent|time)\.h>|\b(fopen|open|printf|fprintf|puts|getenv|time)\(' src/core 2>/dev/null); do
	bad "$f does I/O or reads the clock in src/core/ (core is pure)"
done
[ $fail = 0 ] && echo "layers: clean"
exit $fail
