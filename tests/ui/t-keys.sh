#!/bin/sh
# The screens of the signatures (issue 12) at 80×24 on the Linux console
# (and in xterm): receipts judged genuine or not, the school's key to read
# out, backups restored only as far as they are ours, Settings' keys and
# forgetting the district's, the notice of the database made private, and
# the district's held packages from the import's summary to the decision.
. "$(dirname "$0")/lib.sh"

# vts TERM SCRIPT DB: vt with @FP@, @DFP@, @FPA@, @FPB@ in the script
# replaced by those fingerprints.
vts() {
	sed -e "s/@FP@/${FP:-}/g" -e "s/@DFP@/${DFP:-}/g" -e "s/@FPA@/${FPA:-}/g" -e "s/@FPB@/${FPB:-}/g" \
		"$here/$2" >"$TMP/$2"
	if "$VTRUN" --term "$1" --timeout 10 "$TMP/$2" -- "$ORIENTIR" --db "$3" >"$TMP/log" 2>&1; then
		ok "$2 ($1)"
	else
		not_ok "$2 ($1)"
		sed 's/^/#   /' "$TMP/log"
	fi
}
# fp DB [district]: the fingerprint `orientir key` gives (the first line of
# digits: the database's own).
fp() { "$ORIENTIR" --db "$1" key | grep -o '[0-9]\{4\} [0-9]\{4\} [0-9]\{4\} [0-9]\{4\} [0-9]\{4\}' | head -1; }
district() { "$ORIENTIR" --db "$1" init --code "$2" --name "ИМЦ" --role district >/dev/null; }

for term in linux xterm-256color; do
	# --- the school: receipts, its key, restore ---
	db="$TMP/$term-school.db" stick="$TMP/$term-stick"
	school "$db"
	mkdir -p "$stick"
	for p in 2025-H1 2025-H2 2026-H1; do
		ORIENTIR_TODAY=2026-06-10 "$ORIENTIR" --db "$db" export --period $p --to "$stick" >/dev/null
	done
	ORIENTIR_TODAY=2026-11-20 "$ORIENTIR" --db "$db" export --period 2026-H2 --to "$stick" >/dev/null
	district "$TMP/$term-d.db" R1
	"$ORIENTIR" --db "$TMP/$term-d.db" district schools add 0101 "Тестовая школа" >/dev/null
	"$ORIENTIR" --db "$TMP/$term-d.db" district import "$stick"/orientir-0101-202[56]-H1 \
		"$stick/orientir-0101-2025-H2" --received 2026-06-18 >/dev/null
	# another office (another key) read 2026-H2
	district "$TMP/$term-d2.db" R2
	"$ORIENTIR" --db "$TMP/$term-d2.db" district schools add 0101 "Тестовая школа" >/dev/null
	"$ORIENTIR" --db "$TMP/$term-d2.db" district import "$stick/orientir-0101-2026-H2" --received 2026-11-21 >/dev/null
	# an earlier orientir's receipt (no signature); one changed after it was signed
	sed -i '/^district_key:/d; /^signature:/d' "$stick/orientir-0101-2025-H1/receipt.txt"
	sed -i 's/^outcome: .*/outcome: replaced/' "$stick/orientir-0101-2026-H1/receipt.txt"
	FP=$(fp "$db")
	home=$HOME
	HOME=$stick
	vts $term keys-receipts.vt "$db"
	check "$("$ORIENTIR" --db "$db" key | grep -c "$(fp "$TMP/$term-d.db")")" 1 \
		"the genuine receipt taught the district's key, not the other office's ($term)"

	# Backups: ours, ours without its .sig, ours changed since, another
	# database's; a link named like one.
	"$ORIENTIR" --db "$db" backup --to "$stick/orientir-0101-2026-11-01.db" >/dev/null
	"$ORIENTIR" --db "$db" backup --to "$stick/orientir-0101-2026-11-02.db" >/dev/null
	rm "$stick/orientir-0101-2026-11-02.db.sig"
	"$ORIENTIR" --db "$db" backup --to "$stick/orientir-0101-2026-11-03.db" >/dev/null
	printf x >>"$stick/orientir-0101-2026-11-03.db"
	school "$TMP/$term-other.db"
	"$ORIENTIR" --db "$TMP/$term-other.db" backup --to "$stick/orientir-0101-2026-11-04.db" >/dev/null
	ln -s "$db" "$stick/orientir-0101-2026-11-05.db"
	# (after the backups: restoring ours brings the pupil back)
	"$SQLITE3" "$db" "DELETE FROM student WHERE code = 'Б2'"
	before=$("$SQLITE3" "$db" "SELECT count(*) FROM student")
	vts $term keys-restore.vt "$db"
	HOME=$home
	check "$(ls "$TMP" | grep -c "^$term-school.db.before-restore")|$("$SQLITE3" "$db" "SELECT count(*) FROM student")" \
		"1|$((before + 1))" "only the backup signed by this school's key was restored, once ($term)"

	# A database of before the signatures: Reports makes the key and says so.
	db="$TMP/$term-old.db"
	school "$db"
	"$SQLITE3" "$db" "DELETE FROM own_key"
	vts $term keys-news.vt "$db"
	FP=$(fp "$db")
	check "$(grep -c "Ключ подписи школы: $FP (продиктуйте" "$TMP/log")" 1 "…the key it made is the database's ($term)"

	# Settings: the district's key learnt, then forgotten.
	db="$TMP/$term-settings.db"
	school "$db"
	pub=$("$ORIENTIR" --db "$TMP/$term-d.db" key | sed -n 's/.*: \([0-9a-f]\{64\}\)$/\1/p')
	"$SQLITE3" "$db" "INSERT OR REPLACE INTO setting (key, value) VALUES ('district.key', '$pub')"
	FP=$(fp "$db") DFP=$(fp "$TMP/$term-d.db")
	vts $term keys-settings.vt "$db"
	check "$("$ORIENTIR" --db "$db" key | grep -c 'not known yet\|пока не известен')" 1 \
		"the district's key is forgotten only after «Да» ($term)"

	# The notice of a database others could read: once.
	db="$TMP/$term-open.db"
	school "$db"
	chmod 644 "$db"
	vts $term keys-notice.vt "$db"
	check "$(stat -c %a "$db")" 600 "…and the database is private now ($term)"
	vt $term menu.vt "$db"
done

# --- the district: packages held for a decision ---
# 0101's first package pins its key (on 15.06.2026); then 0101 comes with
# a database made anew (another key), and 0909, not on the list, comes too.
mkdir -p "$TMP/d-first" "$TMP/d-held"
for s in "0101|Школа № 1|a" "0101|Школа № 1|b" "0909|Школа № 9|c"; do
	code=${s%%|*} rest=${s#*|}
	"$ORIENTIR" --db "$TMP/s-${rest#*|}.db" init --code "$code" --name "${rest%|*}" >/dev/null
done
ORIENTIR_TODAY=2026-06-10 "$ORIENTIR" --db "$TMP/s-a.db" export --period 2026-H1 --to "$TMP/d-first" >/dev/null
ORIENTIR_TODAY=2026-06-11 "$ORIENTIR" --db "$TMP/s-b.db" export --period 2025-H2 --to "$TMP/d-held" >/dev/null
ORIENTIR_TODAY=2026-06-11 "$ORIENTIR" --db "$TMP/s-c.db" export --period 2026-H1 --to "$TMP/d-held" >/dev/null
FPA=$(fp "$TMP/s-a.db") FPB=$(fp "$TMP/s-b.db")
for term in linux xterm-256color; do
	db="$TMP/$term-held.db"
	district "$db" R1
	"$ORIENTIR" --db "$db" district schools add 0101 "Школа № 1" >/dev/null
	ORIENTIR_TODAY=2026-06-15 "$ORIENTIR" --db "$db" district import "$TMP/d-first" >/dev/null
	cp -r "$TMP/d-held" "$TMP/$term-dstick"
	home=$HOME
	HOME=$TMP/$term-dstick
	vts $term keys-dimport.vt "$db"
	HOME=$home
	check "$("$ORIENTIR" --db "$db" district held --format csv | awk -F, 'NR > 1 { printf "%s ", $2 }')" "0101 0909 " \
		"the screen's import held both packages, counted nowhere ($term)"
	vts $term keys-held.vt "$db"
	check "$("$ORIENTIR" --db "$db" district held --all --format csv | awk -F, 'NR > 1 { printf "%s|%s|%.10s ", $2, $10, $11 }')" \
		"0101|accepted|2026-11-28 0909|rejected|2026-11-28 " \
		"the decisions are kept, dated by the day every command sees ($term)"
	check "$("$ORIENTIR" --db "$db" district status --period 2025-H2 --format csv | awk -F, 'NR > 1 { printf "%s|%s ", $1, $4 }')" \
		"0101|1 " "the package taken in counts; the rejected school is not on the list ($term)"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
