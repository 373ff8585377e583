#!/bin/sh
# Packages that prove who made them: every package and backup is signed by
# its database's key; the district pins a school's key (from its first
# package or from the list) and holds, for the methodist, a package signed
# by another key, an unsigned one where a key is pinned, and an unknown
# school's; a package from the future, results of other years, and files
# SHA256SUMS does not list are told; receipts are signed and judged; an
# older database gets its key on first need, and is told once.
. "$TESTS_SRCDIR/cli/lib.sh"
export ORIENTIR_DB="$TMP/district.db" ORIENTIR_TODAY=2024-06-10
F="$FIXTURES/indicators"
mk_school() {	# mk_school CODE NAME: a school database $TMP/CODE.db with the indicator fixture
	"$ORIENTIR" --db "$TMP/$1.db" init --code "$1" --name "$2" >/dev/null
	for k in roster scales results; do "$ORIENTIR" --db "$TMP/$1.db" import $k "$F/$k.csv" >/dev/null; done
}
pkg() {	# pkg DB DIR: the 2024-H1 package of DB written into DIR; its path in $P
	mkdir -p "$2"
	run --db "$1" export --period 2024-H1 --to "$2"
	P=$(ls -d "$2"/orientir-*-2024-H1 | head -1)
}
resum() {	# SHA256SUMS made again over the package's files
	(cd "$1" && for f in *; do
		case $f in SHA256SUMS | SIGNATURE | receipt.txt) ;; *) sha256sum "$f" ;; esac
	done >SHA256SUMS)
}
dist() { run district "$@"; }
held_id() { query "SELECT max(id) FROM d_held"; }
mk_school 0101 "Школа 1"
mk_school 0102 "Школа 2"
"$ORIENTIR" init --code R1 --name "ИМЦ" --role district >/dev/null
"$ORIENTIR" district schools add 0101 "Школа 1" >/dev/null

# --- the key and its fingerprint ---
run --db "$TMP/0101.db" key
expect 0 "orientir key shows the fingerprint" --out "Signing key of 0101"
FP1=$(sed -n 's/^Signing key of 0101 «Школа 1»: //p' "$TMP/out")
echo "$FP1" | grep -qE '^[0-9]{4}( [0-9]{4}){4}$' && ok "…five groups of four digits" || not_ok "…five groups of four digits ($FP1)"
PUB1=$(sed -n 's/^Public key (for the district.s list of schools): //p' "$TMP/out")
check_eq "${#PUB1}" 64 "…and the public key in hex"
expect 0 "…and says the district's key is not known yet" --out "not known yet"

# --- signed packages; the key pinned on the first ---
pkg "$TMP/0101.db" "$TMP/s1"
expect 0 "a package is written"
grep -q "^public_key: $PUB1\$" "$P/SIGNATURE" && ok "…with SIGNATURE naming the school's key" \
	|| not_ok "…with SIGNATURE naming the school's key"
GOOD1=$P
dist import "$P" --received 2024-06-15
expect 0 "the first signed package of a listed school is accepted" --out "accepted" --out "1 new"
check_eq "$(query "SELECT key FROM d_school WHERE code = '0101'")" "$PUB1" "…and pins the school's key"
run district schools
expect 0 "the list shows the pinned key's fingerprint" --out "$FP1"

# A package claiming 0101 made by another database (another key): held.
"$ORIENTIR" --db "$TMP/fake.db" init --code 0101 --name "Школа 1" >/dev/null
for k in roster scales results; do "$ORIENTIR" --db "$TMP/fake.db" import $k "$F/$k.csv" >/dev/null; done
sleep 1
pkg "$TMP/fake.db" "$TMP/s2"
FAKE=$P
snapshot before
dist import "$P" --received 2024-06-16
expect 0 "a package of a known school signed by another key is held" --out "held for a decision" \
	--out "signed by another key than the school's" --out "1 held" --out "district accept"
check_eq "$(query "SELECT count(*) FROM d_package WHERE school_code = '0101'") $(query "SELECT digest FROM d_package WHERE school_code = '0101'")" \
	"1 $(cd "$GOOD1" && sha256sum SHA256SUMS | cut -c1-64)" "…not counted: the genuine package stays"
check_eq "$(query "SELECT reason || '|' || school_code || '|' || decision FROM d_held")" "other_key|0101|" \
	"…kept apart with its reason"
check_eq "$(query "SELECT count(*) FROM d_held_file WHERE held_id = $(held_id)")" "$(ls "$GOOD1" | grep -vcx receipt.txt)" \
	"…whole (its files, SHA256SUMS, SIGNATURE)"
check_eq "$(sed -n 's/^outcome: //p' "$P/receipt.txt")" held "…and its receipt says held"
dist import "$P" --received 2024-06-17
expect 0 "the same package again is still held, once" --out "held since"
check_eq "$(query "SELECT count(*) FROM d_held")" 1 "…not held twice"
dist held
expect 0 "district held lists it" --out "0101 Школа 1" --out "signed by another key"
dist held --format csv
check_eq "$(head -1 "$TMP/out")" "id,school_code,school_name,period,created_at,received_at,reason,key_fingerprint,school_key_fingerprint,decision,decided_at" \
	"…and as csv"
check_eq "$(sed -n 2p "$TMP/out" | cut -d, -f2,7,9)" "0101,other_key,$FP1" "…with the school's pinned fingerprint"
dist status --period 2024-H1 --format csv
check_eq "$(grep -c '^0101,' "$TMP/out")" 1 "status counts the school once"

# The methodist decides: the school has a new computer; accepted, its key
# is pinned.
dist accept "$(held_id)"
expect 0 "district accept takes the held package" --out "accepted, replaces the earlier version" \
	--out "the school's key is now"
check_eq "$(query "SELECT key FROM d_school WHERE code = '0101'")" "$(sed -n 's/^public_key: //p' "$FAKE/SIGNATURE")" \
	"…and pins its key"
check_eq "$(query "SELECT decision FROM d_held")" accepted "…the decision is kept"
check_eq "$(query "SELECT count(*) FROM d_held_file")" 0 "…and the files let go"
dist accept "$(held_id)"
expect 1 "accepting it again is refused" --err "was accepted already"
# Now the old key's package is the other one: held.
dist import "$GOOD1" --received 2024-06-18
expect 0 "the old key's package, after the new key is pinned, is held" --out "held for a decision"
dist reject "$(held_id)"
expect 0 "district reject" --out "rejected"
dist import "$GOOD1" --received 2024-06-19
expect 1 "the rejected package brought again is refused" --err "rejected this very package"
dist reject 999
expect 1 "no such held package" --err "999"
dist accept
expect 2 "accept without a number is a usage error"

# --- results cut short with SHA256SUMS made again ---
cp -r "$FAKE" "$TMP/cut"
P="$TMP/cut"
rm -f "$P/receipt.txt"
head -5 "$P/results.csv" >"$P/r" && mv "$P/r" "$P/results.csv"
resum "$P"
snapshot before
dist import "$P"
expect 1 "results cut short, checksums made again, the signature left" --err "SIGNATURE does not match SHA256SUMS" \
	--err "nothing of it was kept"
same_as before "…nothing kept"
rm "$P/SIGNATURE"
dist import "$P"
expect 0 "…the signature taken away too: held, not taken" --out "not signed, though the school's key is known"
same_as_pkg=$(query "SELECT count(*) FROM d_result WHERE school_code = '0101'")
check_eq "$same_as_pkg" 20 "…the school's results are still the genuine 20"

# --- an unknown school: held for confirmation, never added in silence ---
pkg "$TMP/0102.db" "$TMP/s3"
dist import "$P" --received 2024-06-15
expect 0 "an unknown school's package is held" --out "not on the district's list" --out "held for a decision"
check_eq "$(query "SELECT count(*) FROM d_school WHERE code = '0102'")" 0 "…and the school is not added"
dist accept --school 0102
expect 0 "accepted by the school's code" --out "accepted" --out "school 0102 «Школа 2» is now on the district's list"
check_eq "$(query "SELECT listed || '|' || name || '|' || length(key) FROM d_school WHERE code = '0102'")" "1|Школа 2|64" \
	"…listed, with its key pinned"
dist accept --school 0102
expect 1 "nothing more of that school waits" --err "0102"

# --- the key from the methodist's list ---
mk_school 0103 "Школа 3"
PUB3=$("$ORIENTIR" --db "$TMP/0103.db" key | sed -n 's/^Public key (for the district.s list of schools): //p')
printf 'Код;Наименование;Ключ\n0103;Школа 3;%s\n0104;Школа 4;\n' "$PUB3" >"$TMP/list.csv"
printf 'Код;Наименование;Ключ\n0105;Школа 5;not-a-key\n' >"$TMP/badlist.csv"
snapshot before
run district schools import "$TMP/badlist.csv"
expect 1 "a list with a key that is not one is refused" --err "$TMP/badlist.csv:2:" --err "not a public key"
same_as before "…nothing changed"
run district schools import "$TMP/list.csv"
expect 0 "a list with a key column imports" --out "Added 2"
check_eq "$(query "SELECT coalesce(key, '-') FROM d_school WHERE code IN ('0103', '0104') ORDER BY code" | tr '\n' ' ')" \
	"$PUB3 - " "…the key pinned where given"
"$ORIENTIR" --db "$TMP/fake3.db" init --code 0103 --name "Школа 3" >/dev/null
pkg "$TMP/fake3.db" "$TMP/s4"
dist import "$P"
expect 0 "a package for 0103 by another key than the list's is held" --out "signed by another key"
pkg "$TMP/0103.db" "$TMP/s5"
dist import "$P"
expect 0 "…the one by the list's key is accepted" --out "accepted"

# --- a package from the future, results of other years, files not listed ---
pkg "$TMP/0101.db" "$TMP/s6"
"$ORIENTIR" district schools add 0106 "Школа 6" >/dev/null
mk_school 0106 "Школа 6"
mkdir -p "$TMP/s7" "$TMP/s8" "$TMP/s9"
ORIENTIR_TODAY=2099-01-01 "$ORIENTIR" --db "$TMP/0106.db" export --period 2024-H1 --to "$TMP/s7" >/dev/null
snapshot before
dist import "$TMP/s7/orientir-0106-2024-H1" --received 2024-06-15
expect 1 "a package dated 2099 is refused" --err "made 01.01.2099" --err "more than a day after it came"
same_as before "…nothing kept"
# The edge, the manifest's time set by hand (so the package is unsigned
# now; the school's key is not pinned yet): a day's clock error is allowed.
"$ORIENTIR" --db "$TMP/0106.db" export --period 2024-H1 --to "$TMP/s8" >/dev/null
P="$TMP/s8/orientir-0106-2024-H1"
sed -i 's/^created_at: .*/created_at: 2024-06-16T12:00:01/' "$P/manifest.txt"
rm "$P/SIGNATURE"
resum "$P"
dist import "$P" --received 2024-06-15
expect 1 "made a day and a second after it came is refused" --err "made 16.06.2024 12:00:01"
sed -i 's/^created_at: .*/created_at: 2024-06-16T11:59:59/' "$P/manifest.txt"
resum "$P"
dist import "$P" --received 2024-06-15
expect 0 "made within a day after it came (a clock a little fast) is taken" --out "accepted" \
	--out "the package is not signed"
# Results of a year the period does not cover (made again, unsigned: the
# school is known, so it would be held; the check comes first).
cp -r "$TMP/s6/orientir-0101-2024-H1" "$TMP/years"
P="$TMP/years"
rm -f "$P/SIGNATURE" "$P/receipt.txt"
awk -F';' 'BEGIN { OFS = ";" } NR == 2 { $4 = 2019 } { print }' "$P/results.csv" >"$P/r" && mv "$P/r" "$P/results.csv"
resum "$P"
snapshot before
dist import "$P"
expect 1 "results of 2019 in a package of 2024-H1 are refused" --err "results.csv:2: results of 2019 in a package of 2024-H1"
same_as before "…nothing kept"
# Files beside the package that SHA256SUMS does not list: named.
P="$TMP/s6/orientir-0101-2024-H1"
echo "поддельный отчёт" >"$P/report2.html"
printf 'x' >"$P/$(printf 'esc\033[31m.txt')"
"$ORIENTIR" --db "$TMP/d4.db" init --code R4 --name "ИМЦ 4" --role district >/dev/null
"$ORIENTIR" --db "$TMP/d4.db" district schools add 0101 "Школа 1" >/dev/null
run --db "$TMP/d4.db" district import "$P"
expect 0 "files not in SHA256SUMS" --out "report2.html is in the folder but not in SHA256SUMS" \
	--out 'esc\x1B[31m.txt is in the folder'
grep -q "^remark: report2.html is in the folder but not in SHA256SUMS" "$P/receipt.txt" \
	&& ok "…named in the receipt too" || not_ok "…named in the receipt too"
grep -q "$(printf '\033')" "$TMP/out" && not_ok "…the escape sequence is not sent to the terminal" \
	|| ok "…the escape sequence is not sent to the terminal"

# --- receipts, as the school sees them on export ---
S="$TMP/school-stick"
pkg "$TMP/0101.db" "$S"
run --db "$TMP/d4.db" district import "$S" --received 2024-06-15
sleep 1
run --db "$TMP/0101.db" export --period 2024-H1 --to "$S"
expect 0 "the school exporting over a package with a receipt" --out "The receipt is signed by the district."
run --db "$TMP/0101.db" key
expect 0 "…and has learnt the district's key" --out "The district's key, learnt from its first signed receipt"
run --db "$TMP/d4.db" district import "$S" --received 2024-06-15
sed -i 's/^outcome: .*/outcome: refused/' "$S/orientir-0101-2024-H1/receipt.txt"
sleep 1
run --db "$TMP/0101.db" export --period 2024-H1 --to "$S"
expect 0 "a receipt changed after the district signed it" --out "damaged: changed after the district signed it"
run district import "$S" --received 2024-06-15
sleep 1
run --db "$TMP/0101.db" export --period 2024-H1 --to "$S"
expect 0 "a receipt signed by another district office's key" --out "not the district's"
run --db "$TMP/d4.db" district import "$S" --received 2024-06-15
sed -i '/^district_key: /d; /^signature: /d' "$S/orientir-0101-2024-H1/receipt.txt"
sleep 1
run --db "$TMP/0101.db" export --period 2024-H1 --to "$S"
expect 0 "a receipt without a signature" --out "not signed: nothing shows the district wrote it"

# --- a database of the version before: its key made on first need, told once ---
cp "$TMP/0102.db" "$TMP/old.db"
"$SQLITE3" "$TMP/old.db" "DELETE FROM own_key"
run --db "$TMP/old.db" export --period 2024-H1 --to "$TMP/s9"
expect 0 "an older database exports" --out "now has its signing key"
[ -f "$TMP/s9/orientir-0102-2024-H1/SIGNATURE" ] && ok "…signed" || not_ok "…signed"
run --db "$TMP/old.db" export --period 2024-H1 --to "$TMP/s9"
expect 0 "…and is told once" --no-out "now has its signing key"
cp "$ORIENTIR_DB" "$TMP/old-district.db"
"$SQLITE3" "$TMP/old-district.db" "DELETE FROM own_key"
run --db "$TMP/old-district.db" district import "$TMP/s9"
expect 0 "an older district database gets its key with its first receipt" --out "now has its signing key"
grep -q '^signature: ' "$TMP/s9/orientir-0102-2024-H1/receipt.txt" && ok "…and signs it" || not_ok "…and signs it"

# --- backups ---
B="$TMP/bk"
mkdir -p "$B"
run --db "$TMP/0101.db" backup --to "$B/copy.db"
expect 0 "a backup is written with its signature" --out "copy.db.sig"
run --db "$TMP/restored.db" restore "$B/copy.db"
expect 0 "restored into a new place" --out "not the key of the database it replaced"
cp "$TMP/0101.db" "$TMP/restore-here.db"
run --db "$TMP/restore-here.db" restore "$B/copy.db"
expect 0 "restored over its own database" --out "signed with this database's key"
cp "$B/copy.db" "$B/changed.db" && cp "$B/copy.db.sig" "$B/changed.db.sig"
"$SQLITE3" "$B/changed.db" "UPDATE result SET score = 0 WHERE rowid IN (SELECT rowid FROM result LIMIT 1)" 2>/dev/null ||
	"$SQLITE3" "$B/changed.db" "UPDATE school SET name = 'Другая'"
cp "$TMP/restore-here.db" "$TMP/keep.db"
run --db "$TMP/restore-here.db" restore "$B/changed.db"
expect 1 "a backup changed after it was written is not restored" --err "changed after it was written" --err "nothing was changed"
cmp -s "$TMP/restore-here.db" "$TMP/keep.db" && ok "…the database is as it was" || not_ok "…the database is as it was"
rm "$B/changed.db.sig"
run --db "$TMP/restore-here.db" restore "$B/changed.db"
expect 0 "without its .sig it is restored, and said to be unsigned" --out "not signed"
finish
