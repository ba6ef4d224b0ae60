#!/bin/sh
# The manual's lists of the vocabularies are the tables of src/core/vocab.c:
# each list in a manual page between `.\" vocab KEY` and `.\" vocab end`
# holds the names of vocabulary KEY (the words after Cm or Pq), no more, no
# fewer; and each vocabulary that people type has such a list somewhere.
# Usage: sh tests/man/vocab.sh VOCAB-LIST MANPAGE...
list=$1
shift
fail=0
tables=$("$list") || { echo "man-vocab: $list failed"; exit 1; }
# vocabularies the manual names only in prose, or not at all
unlisted="party-kind decision status advocacy-response"
sorted() { tr ' ' '\n' | sed '/^$/d' | sort; }
found=$(awk '
	/^\.\\" vocab end/ { if (key != "") print key words; key = ""; next }
	/^\.\\" vocab / { key = $3; words = ""; where = FILENAME ":" FNR; next }
	key != "" && /^\./ {
		on = 0
		for (i = 1; i <= NF; i++) {
			w = $i
			sub(/^\./, "", w)
			if (w ~ /^(Cm|Pq)$/) { on = 1; continue }
			if (w ~ /^[A-Z][a-z][a-z]?$/) { on = 0; continue }
			if (on && w !~ /^[[:punct:]]+$/) words = words " " w
		}
	}
	END { if (key != "") print key " UNENDED" }' "$@")
[ -n "$found" ] || { echo "man-vocab: no vocab lists in $*"; exit 1; }
echo "$found" | while read -r key words; do
	want=$(echo "$tables" | awk -v k="$key" '$1 == k { $1 = ""; print }')
	if ! echo "$tables" | awk -v k="$key" '$1 == k { f = 1 } END { exit !f }'; then
		echo "man-vocab: the manual lists \"$key\", which is no vocabulary"
	elif [ "$(echo "$words" | sorted)" != "$(echo "$want" | sorted)" ]; then
		echo "man-vocab: the manual's list of $key differs from the table:"
		echo "$words" | sorted > "${TMPDIR:-/tmp}/man-vocab.$$.a"
		echo "$want" | sorted > "${TMPDIR:-/tmp}/man-vocab.$$.b"
		diff "${TMPDIR:-/tmp}/man-vocab.$$.a" "${TMPDIR:-/tmp}/man-vocab.$$.b" |
			sed -n 's/^</  only in the manual:/p; s/^>/  only in the table:/p'
		rm -f "${TMPDIR:-/tmp}/man-vocab.$$.a" "${TMPDIR:-/tmp}/man-vocab.$$.b"
	fi
done | grep . && fail=1
for key in $(echo "$tables" | awk '{ print $1 }'); do
	case " $unlisted " in *" $key "*) continue;; esac
	echo "$found" | awk -v k="$key" '$1 == k { f = 1 } END { exit !f }' ||
		{ echo "man-vocab: the manual has no list of $key"; fail=1; }
done
[ $fail = 0 ] && echo "man-vocab: the manual's lists are the tables'"
exit $fail
