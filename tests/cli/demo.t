# redress demo: a book of made-up cases.  Each batch of up to 500 cases is one
# transaction whose audit entry covers the cases it made (not the whole book,
# which made filling a 100,000-case book take twenty minutes), and verify
# still finds every record matching its entry.

$ printf 'demo passphrase\n' > $RDT/pw && REDRESS_KDF=test redress demo $RDT/d --cases 700 | sed "s|$RDT|RDT|"
demo book RDT/d: 700 made-up cases under gloucestershire; passphrase "demo passphrase"

$ REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/pw redress -d $RDT/d audit | awk '{ print $1, $4, $5, $6 }'
1 init gloucestershire authority,calendar,admin
2 demo.fill cases 1-500
3 demo.fill cases 501-700

$ REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/pw redress -d $RDT/d verify
verified: store readable, 3 audit entries chained and signed
records: 2070 match their last audit entry

$ REDRESS_KDF=test REDRESS_PASSPHRASE_FILE=$RDT/pw redress -d $RDT/d case list | wc -l
700
