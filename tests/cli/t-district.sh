#!/bin/sh
# district: schools' packages, made through the command line, taken into a
# district database: the same package twice, a corrected one, an older one,
# damaged and incomplete ones (refused whole, nothing kept), receipts, the
# schools' list, who reported and on time, the results kept per year, and
# the low-results rule at its edges.
. "$TESTS_SRCDIR/cli/lib.sh"
export ORIENTIR_DB="$TMP/district.db"
# The schools write their packages on 1 June 2024 (at the real time of day:
# a later one is later by seconds), before every stick below comes.
export ORIENTIR_TODAY=2024-06-01

# school CODE NAME DIR: a school database $TMP/CODE.db filled from DIR's
# roster.csv, scales.csv and results.csv.
school() {
	db="$TMP/$1.db"
	"$ORIENTIR" --db "$db" init --code "$1" --name "$2" --district "Тестовый район" >/dev/null || not_ok "school $1 is made"
	for k in roster scales results; do
		"$ORIENTIR" --db "$db" import $k "$3/$k.csv" >"$TMP/out" 2>"$TMP/err" || not_ok "school $1: $k imports"
	done
}

# package CODE PERIOD DIR [OPTION...]: the school's package of PERIOD written into DIR.
package() {
	code=$1 period=$2 dir=$3
	shift 3
	mkdir -p "$dir"
	"$ORIENTIR" --db "$TMP/$code.db" export --period "$period" --to "$dir" "$@" >"$TMP/out" 2>"$TMP/err" \
		|| not_ok "school $code: $period exports"
}

# resum PKG: SHA256SUMS made again over the package's files, as someone
# covering up an edit would; the school's signature, which no longer
# matches, taken away (t-sign.sh tries leaving it).
resum() {
	rm -f "$1/SIGNATURE"
	(cd "$1" && for f in *; do
		case $f in SHA256SUMS | receipt.txt) ;; *) sha256sum "$f" ;; esac
	done >SHA256SUMS)
}

# fresh NAME PKG: a copy of the pristine package PKG at $TMP/bad/NAME, to spoil.
fresh() {
	rm -rf "$TMP/bad/$1"
	mkdir -p "$TMP/bad"
	cp -r "$2" "$TMP/bad/$1"
	rm -f "$TMP/bad/$1/receipt.txt"
	P="$TMP/bad/$1"
}

# receipt PKG KEY: a value of the package's receipt.txt.
receipt() {
	sed -n "s/^$2: //p" "$1/receipt.txt" 2>/dev/null | head -1
}

# csv_row CODE: the school's row of $TMP/out (a CSV), without code and name.
csv_row() {
	grep "^$1," "$TMP/out" | cut -d, -f3-
}

# refused DESCRIPTION ERR: the last import was refused naming ERR, and
# nothing was kept.
refused() {
	expect 1 "$1: refused" --err "$2" --err "nothing of it was kept" --out "1 refused"
	same_as before "$1: nothing kept"
}

# --- the schools ---
F="$FIXTURES/indicators"
"$ORIENTIR" --db "$TMP/0101.db" init --code 0101 --name "Школа 1" >/dev/null
for k in roster scales results; do "$ORIENTIR" --db "$TMP/0101.db" import $k "$F/$k.csv" >/dev/null; done
gen "$TMP/in/0102" "ВПР:Математика:5:2024:10:2" "ВПР:Русский язык:5:2024:10:1"
school 0102 "Школа 2" "$TMP/in/0102"
gen "$TMP/in/0103" "ВПР:Математика:5:2024:8:1"
school 0103 "Школа 3" "$TMP/in/0103"
gen "$TMP/in/0105" "ВПР:Математика:5:2023:6:1" "ВПР:Математика:5:2024:6:2"
school 0105 "Школа 5" "$TMP/in/0105"
school 0106 "Школа 6" "$TMP/in/0103"
school 0107 "Школа 7" "$TMP/in/0103"
school 0108 "Школа 8" "$TMP/in/0103"
STICK="$TMP/stick"
for s in 0101 0102 0103 0105 0106; do package $s 2024-H1 "$STICK"; done
package 0107 2024-H1 "$STICK" --dialect rfc4180
package 0108 2024-H1 "$STICK" --with-names
mkdir -p "$TMP/pristine"
mv "$STICK/orientir-0105-2024-H1" "$STICK/orientir-0106-2024-H1" "$STICK/orientir-0107-2024-H1" \
	"$STICK/orientir-0108-2024-H1" "$TMP/pristine/"
PR="$TMP/pristine"

# --- the district commands need a district database ---
S1="$TMP/0101.db"
"$SQLITE3" "$S1" .dump >"$TMP/snap-school"
for c in "import $STICK" "status --period 2024-H1" "risk --year 2024" "schools" "set threshold 25"; do
	# shellcheck disable=SC2086
	run --db "$S1" district $c
	expect 1 "district ${c%% *} on a school's database is refused" --err "school's database" \
		--err "--role district"
done
"$SQLITE3" "$S1" .dump >"$TMP/snap-now"
cmp -s "$TMP/snap-school" "$TMP/snap-now" && ok "…and the school's database is untouched" \
	|| not_ok "…and the school's database is untouched"
[ -f "$STICK/orientir-0101-2024-H1/receipt.txt" ] && not_ok "…and no receipt is written" || ok "…and no receipt is written"
# shares_agree WHAT: the counts the import made (d_share) are the counts of
# the results held, counted again here.
shares_agree() {
	counted=$(query "SELECT group_concat(line, ' ') FROM (SELECT school_code || year || procedure || subject || ':'
		|| participants || '/' || below || '/' || high_known || '/' || high || '/' || compared || '/' || lowered
		|| '/' || confirmed || '/' || raised AS line FROM d_share ORDER BY line)")
	again=$(query "SELECT group_concat(line, ' ') FROM (SELECT school_code || year || procedure || subject || ':'
		|| count(*) || '/' || CAST(total(score < min_score) AS INTEGER) || '/' || count(high_score) || '/' || CAST(total(score >= high_score) AS INTEGER)
		|| '/' || CAST(total(mark IS NOT NULL AND journal_mark IS NOT NULL) AS INTEGER) || '/' || CAST(total(mark < journal_mark) AS INTEGER) || '/'
		|| CAST(total(mark = journal_mark) AS INTEGER) || '/' || CAST(total(mark > journal_mark) AS INTEGER) AS line FROM d_result WHERE absent = 0
		GROUP BY school_code, year, procedure, subject ORDER BY line)")
	[ -n "$counted" ] && [ "$counted" = "$again" ] && ok "$1" || { not_ok "$1"; echo "#   d_share: $counted"; echo "#   results: $again"; }
}
run --db "$S1" indicators --year 2024 --format csv
expect 0 "the school's own commands still work there" --out "below_min,ВПР,Математика,,2024,2,8,25.0"

run init --code R1 --name "ИМЦ" --role district
expect 0 "a district database is made"

# --- and a school's commands need a school's ---
snapshot before
for c in "export --period 2024-H1 --to $TMP" "import roster $FIXTURES/indicators/roster.csv" \
	"import results $FIXTURES/indicators/results.csv" "indicators --year 2024"; do
	# shellcheck disable=SC2086
	run $c
	expect 1 "${c%% /*}: on a district's database it is refused" --err "district office's database" \
		--err "orientir district"
done
same_as before "…and the district's database is untouched"
[ -e "$TMP/orientir-R1-2024-H1" ] && not_ok "…and no package is written" || ok "…and no package is written"
run import roadmap "$FIXTURES/roadmap/broken.csv" --years 2024 --dry-run
expect 0 "the district checks its own roadmap (import roadmap is both roles')"

snapshot before
run district import
expect 2 "district import without a path is a usage error" --err "package folder"
run district import "$TMP/nowhere"
expect 1 "a path that is not there" --err "nowhere: not a folder"
mkdir -p "$TMP/empty"
run district import "$TMP/empty"
expect 1 "a folder with no package" --err "no report package here"
run district import "$STICK" --received 2024-02-30
expect 2 "a received day that does not exist" --err "2024-02-30"
run district status --period 2024-H3
expect 2 "a period that is not a half-year" --err "2024-H3"
run district risk --year 24
expect 2 "a year that is not one" --err "'24'"
same_as before "…and nothing is changed"

# --- the list of schools ---
L="$TMP/list"
mkdir -p "$L"
printf 'Код;Наименование\n0101;Школа 1\n0102;Школа два\n0103;Школа три\n0104;Школа 4\n' >"$L/good.csv"
printf 'Код;Наименование\n0101;Школа 1\n;Школа без кода\n' >"$L/empty.csv"
printf 'Код;Наименование\n0101;Школа 1\n0102;Школа 2\n0101;Школа один\n' >"$L/dup.csv"
printf 'Код;Адрес\n0101;с. Первое\n' >"$L/nocol.csv"
snapshot before
run district schools import "$L/empty.csv"
expect 1 "a list with an empty code is refused" --err "$L/empty.csv:3:"
same_as before "…and nothing is changed"
run district schools import "$L/dup.csv"
expect 1 "a list with a code twice is refused" --err "$L/dup.csv:4:" --err "line 2"
same_as before "…and nothing is changed"
run district schools import "$L/nocol.csv"
expect 1 "a list without a name column is refused" --err "$L/nocol.csv:1:"
same_as before "…and nothing is changed"
run district schools import "$L/good.csv" --dry-run
expect 0 "--dry-run checks a good list" --out "4"
same_as before "…and changes nothing"
run district schools import "$L/good.csv"
expect 0 "a good list imports" --out "Added 4"
check_eq "$(query "SELECT group_concat(code || '=' || name, ' ') FROM (SELECT * FROM d_school ORDER BY code)")" \
	"0101=Школа 1 0102=Школа два 0103=Школа три 0104=Школа 4" "…with the codes and names"
snapshot before
run district schools import "$L/good.csv"
expect 0 "the same list again" --out "unchanged 4"
same_as before "…changes nothing"
run district status --period 2024-H1 --format csv
check_eq "$(head -1 "$TMP/out")" "school_code,school_name,period,received,received_at,created_at,on_time" \
	"status csv has the contract's columns"
check_eq "$(csv_row 0104)" "2024-H1,0,,,0" "a school that never reported: received 0"

# --- first packages: on time, on the deadline's day, late ---
PKG1="$STICK/orientir-0101-2024-H1"
run district import "$PKG1" --received 2024-06-15
expect 0 "a package is accepted" --out "0101" --out "accepted" --out "1 new"
check_eq "$(receipt "$PKG1" outcome) $(receipt "$PKG1" received_at)" "accepted 2024-06-15T12:00:00" \
	"…and its receipt says accepted, and when"
check_eq "$(query "SELECT count(*) FROM d_result WHERE school_code = '0101'")" 20 "…its 20 results are kept"
run district import "$STICK/orientir-0103-2024-H1" --received 20.06.2024
expect 0 "a package on the deadline's day" --out "accepted" \
	--out "the package names the school «Школа 3», the district knows code 0103 as «Школа три»"
run district import "$STICK/orientir-0102-2024-H1" --received 2024-06-21
expect 0 "a package a day late" --out "accepted"
run district status --period 2024-H1 --format csv
check_eq "$(csv_row 0101)" "2024-H1,1,2024-06-15T12:00:00,$(sed -n 's/^created_at: //p' "$PKG1/manifest.txt"),1" \
	"on time: received, when, the package's created_at, on_time 1"
check_eq "$(csv_row 0103 | cut -d, -f2,3,5)" "1,2024-06-20T12:00:00,1" "on the deadline's day is on time"
check_eq "$(csv_row 0102 | cut -d, -f2,3,5)" "1,2024-06-21T12:00:00,0" "a day after the deadline is late"
check_eq "$(csv_row 0104)" "2024-H1,0,,,0" "the school that never reported is still not received"

# The same stick again: all three unchanged, nothing written.
snapshot before
run district import "$STICK" --received 2024-06-30
expect 0 "the stick again: every package unchanged" --out "3 packages: 0 new, 0 replaced, 3 unchanged"
same_as before "…and nothing changes in the database"
check_eq "$(receipt "$PKG1" outcome)" "unchanged" "…the receipt says unchanged"

# --- names that differ ---
run district schools
expect 0 "schools list" --out "its package says «Школа 2»: confirm" --out "its package says «Школа 3»: confirm"
run district status --period 2024-H1
expect 0 "the status table flags the name" --out "(the package says «Школа 2»: confirm)"
snapshot before
run district schools confirm 0101
expect 1 "nothing to confirm for a school whose names agree" --err "no other name"
run district schools confirm 0999
expect 1 "confirm names an unknown code" --err "no school with code 0999"
same_as before "…and nothing is changed"
run district schools confirm 0102
expect 0 "confirm takes the package's name" --out "Школа 2"
run district schools confirm 0103 --keep
expect 0 "confirm --keep keeps the district's" --out "Школа три"
check_eq "$(query "SELECT group_concat(code || '=' || name || '/' || coalesce(other_name, ''), ' ') FROM (SELECT * FROM d_school WHERE code IN ('0102', '0103') ORDER BY code)")" \
	"0102=Школа 2/ 0103=Школа три/" "…both notes cleared"
run district schools
expect 0 "…and the list shows no more to confirm" --no-out "confirm"

# --- deadlines ---
snapshot before
run district set deadline-h1 31.06
expect 1 "a day that does not exist is not a deadline" --err "31.06"
run district set threshold 0
expect 1 "a threshold of 0 is refused" --err "«0»"
run district set deadline 20.06
expect 1 "an unknown setting is refused" --err "deadline"
same_as before "…and nothing is changed"
run district set deadline-h1 25.06
expect 0 "the H1 deadline moves"
run district status --period 2024-H1 --format csv
check_eq "$(csv_row 0102 | cut -d, -f5)" 1 "…and the school a day past 20 June is on time"
run district status --period 2024-H1
expect 0 "…the table says so" --out "Deadline 25.06.2024" --out "on time: 3 (75.0 %)"
run district set deadline-h1 20.06
expect 0 "the H1 deadline back"

# --- a corrected package ---
OLD_CREATED=$(sed -n 's/^created_at: //p' "$PKG1/manifest.txt")
run district risk --year 2024 --format csv
check_eq "$(csv_row 0101 | cut -d, -f2-)" "0,,,25.0,ВПР,Математика,-5.0" \
	"before: 0101 is low in ВПР in 2023 only (50 %), 25 % in 2024: not flagged"
printf 'procedure,subject,year,class,student_code,score\nВПР,Математика,2024,5А,P2,4\n' >"$TMP/fix.csv"
"$ORIENTIR" --db "$S1" import results "$TMP/fix.csv" >/dev/null
sleep 1	# created_at counts seconds
package 0101 2024-H1 "$TMP/stick2"
package 0103 2024-H1 "$TMP/stick2"
PKG1B="$TMP/stick2/orientir-0101-2024-H1"
run district import "$PKG1B" --received 2024-07-01
expect 0 "a corrected package replaces the one held" --out "replaces" \
	--out "below_min ВПР Математика 2024: 25.0 % → 37.5 %" --out "1 replaced"
check_eq "$(receipt "$PKG1B" outcome)" "replaced" "…its receipt says replaced"
grep -q '^remark: below_min ВПР Математика 2024' "$PKG1B/receipt.txt" && ok "…and names the indicator that moved" \
	|| not_ok "…and names the indicator that moved"
# (a grade's own indicators are its results counted again: not kept)
pooled=$(awk -F';' 'NR > 1 && $5 == ""' "$PKG1B/indicators.csv" | wc -l | tr -d ' ')
kept="SELECT count(*) FROM d_indicator i JOIN d_package p ON p.id = i.package_id WHERE p.school_code = '0101'"
if [ "$(awk -F';' 'NR > 1 && $5 != ""' "$PKG1B/indicators.csv" | wc -l)" -gt 0 ] && [ "$pooled" -gt 0 ]; then
	check_eq "$(query "$kept AND i.grade IS NULL") $(query "$kept AND i.grade IS NOT NULL")" "$pooled 0" \
		"the office keeps the package's indicators pooled over grades, not each grade's"
else
	not_ok "the package has indicators pooled and of a grade"
fi
check_eq "$(query "SELECT score FROM d_result WHERE school_code = '0101' AND year = 2024 AND subject = 'Математика' AND student = 'P2'")" \
	"4.0" "the year's results are the corrected package's"
check_eq "$(query "SELECT count(*) FROM d_package WHERE school_code = '0101'") $(query "SELECT count(*) FROM d_result WHERE school_code = '0101'")" \
	"1 20" "…one package held, its 20 results, nothing doubled"
shares_agree "the counts the rule reads are the corrected results'"
run district risk --year 2024 --format csv
check_eq "$(csv_row 0101 | cut -d, -f2-)" "1,two_years,ВПР,37.5,ВПР,Математика,7.5" \
	"district risk follows: 37.5 % in 2024, low two years running"
run district status --period 2024-H1 --format csv
NEW_CREATED=$(sed -n 's/^created_at: //p' "$PKG1B/manifest.txt")
check_eq "$(csv_row 0101)" "2024-H1,1,2024-06-15T12:00:00,$NEW_CREATED,1" \
	"status: the new created_at, and a correction after the deadline leaves it on time"

run district import "$TMP/stick2/orientir-0103-2024-H1" --received 2024-07-01
expect 0 "a new version with the same numbers replaces too" --out "replaces" --out "no indicator moved"

# --- an older package after a newer one ---
snapshot before
run district import "$PKG1"
NEW_SHOWN=$(echo "$NEW_CREATED" | sed 's/^\(....\)-\(..\)-\(..\)T/\3.\2.\1 /')
expect 0 "the older package" --out "older than the one we have, ignored" --out "$NEW_SHOWN" --out "1 older"
same_as before "…changes nothing"
check_eq "$(receipt "$PKG1" outcome)" "older" "…its receipt says older"
check_eq "$(receipt "$PKG1" created_at)" "$OLD_CREATED" "…naming the version it was about"

# --- damaged and incomplete packages: refused whole ---
# The other schools whose packages come below: on the list too, so that
# none is held as unknown (t-sign.sh holds one).
for s in 0105:5 0106:6 0107:7 0108:8 0110:10; do
	"$ORIENTIR" district schools add "${s%%:*}" "Школа ${s#*:}" >/dev/null
done
snapshot before
fresh flip "$PR/orientir-0105-2024-H1"
sed -i '3s/;12;/;13;/' "$P/results.csv"
cmp -s "$P/results.csv" "$PR/orientir-0105-2024-H1/results.csv" && not_ok "the fixture's byte changed"
run district import "$P"
refused "one byte of results.csv changed" "results.csv does not match its checksum"
check_eq "$(receipt "$P" outcome)" "refused" "…the receipt says refused"
grep -q '^remark: .*results.csv does not match' "$P/receipt.txt" && ok "…with the reason" \
	|| not_ok "…with the reason"
check_eq "$(query "SELECT count(*) FROM d_package WHERE school_code = '0105'")" 0 "…nothing of the school's is held"

fresh score "$PR/orientir-0105-2024-H1"
awk -F';' 'BEGIN { OFS = ";" } NR == 4 { $8 = "много" } { print }' "$P/results.csv" >"$P/r" && mv "$P/r" "$P/results.csv"
resum "$P"
run district import "$P"
refused "a score that is not a number, checksums made again" "$P/results.csv:4: a score is not a number"

# Nine years of results in one package (a package holds two): refused, not
# partly taken in. Field 4 is the year; the pupil code keeps each row apart.
fresh years "$PR/orientir-0105-2024-H1"
awk -F';' 'BEGIN { OFS = ";" } NR == 2 { print; for (y = 2010; y < 2019; y++) { $4 = y; print } next } { print }' \
	"$P/results.csv" >"$P/r" && mv "$P/r" "$P/results.csv"
resum "$P"
run district import "$P"
refused "results of nine years in one package" "$P/results.csv:3: results of 2010 in a package of 2024-H1"

fresh column "$PR/orientir-0105-2024-H1"
awk -F';' 'BEGIN { OFS = ";" } { $8 = ""; sub(/;;/, ";"); print }' "$P/results.csv" >"$P/r" && mv "$P/r" "$P/results.csv"
resum "$P"
run district import "$P"
refused "results.csv without its score column" "$P/results.csv:1: no column «Балл»"

fresh cut "$PR/orientir-0105-2024-H1"
head -c 300 "$PR/orientir-0105-2024-H1/results.csv" >"$P/results.csv"
run district import "$P"
refused "results.csv cut short" "results.csv does not match its checksum"

fresh cutsum "$PR/orientir-0105-2024-H1"
awk -F';' 'NR < 4 { print } NR == 4 { printf "%s;%s;%s", $1, $2, $3 }' "$PR/orientir-0105-2024-H1/results.csv" >"$P/results.csv"
resum "$P"
run district import "$P"
refused "results.csv cut mid-row, checksums made again" "$P/results.csv:4:"

fresh missing "$PR/orientir-0105-2024-H1"
rm "$P/staff.csv"
run district import "$P"
refused "a file missing" "staff.csv is missing"

fresh missingsum "$PR/orientir-0105-2024-H1"
rm "$P/staff.csv"
resum "$P"
run district import "$P"
refused "a file missing, checksums made without it" "staff.csv is missing from the package"

fresh nosums "$PR/orientir-0105-2024-H1"
rm "$P/SHA256SUMS"
run district import "$P"
refused "no SHA256SUMS" "no SHA256SUMS"

fresh format "$PR/orientir-0105-2024-H1"
sed -i 's/^format: .*/format: orientir-report-9/' "$P/manifest.txt"
resum "$P"
run district import "$P"
refused "a format this orientir does not know" "manifest.txt: the format «orientir-report-9»"

fresh nomanifest "$PR/orientir-0105-2024-H1"
sed -i '/^created_at: /d' "$P/manifest.txt"
resum "$P"
run district import "$P"
refused "a manifest without created_at" "manifest.txt:"

fresh indicator "$PR/orientir-0105-2024-H1"
awk -F';' 'BEGIN { OFS = ";" } NR == 3 { $9 = "много" } { print }' "$P/indicators.csv" >"$P/i" && mv "$P/i" "$P/indicators.csv"
resum "$P"
run district import "$P"
refused "a percentage in indicators.csv that is not a number" "$P/indicators.csv:3:"

fresh twice "$PR/orientir-0105-2024-H1"
sed -n 2p "$P/results.csv" >>"$P/results.csv"
resum "$P"
run district import "$P"
refused "a pupil's result twice in results.csv" "$P/results.csv:$(wc -l <"$P/results.csv" | tr -d ' '): a second result of pupil"

# A damaged copy of a package already held is refused, not taken for the same one.
fresh copy "$PKG1B"
awk -F';' 'BEGIN { OFS = ";" } NR == 2 { $8 = "x" } { print }' "$P/results.csv" >"$P/r" && mv "$P/r" "$P/results.csv"
resum "$P"
run district import "$P"
refused "a damaged copy of the package held" "$P/results.csv:2:"
grep -q '^remark: .*results.csv:2:' "$P/receipt.txt" && [ "$(grep -c '^remark:' "$P/receipt.txt")" = 1 ] \
	&& ok "…its receipt gives the reason alone" || not_ok "…its receipt gives the reason alone"

# --- a stick with several packages, one bad ---
S3="$TMP/stick3"
mkdir -p "$S3"
cp -r "$PR/orientir-0105-2024-H1" "$PR/orientir-0106-2024-H1" "$PR/orientir-0107-2024-H1" "$S3/"
# Beside them, a half-written export (hidden) and a folder of photos: not packages.
cp -r "$PR/orientir-0108-2024-H1" "$S3/.orientir-0108-2024-H1.tmp"
mkdir -p "$S3/Фото"
sed -i '2s/^ВПР/ВПР /' "$S3/orientir-0106-2024-H1/results.csv"
run district import "$S3" --received 2024-06-10
expect 1 "a stick with one bad package among good ones" \
	--out "3 packages: 2 new, 0 replaced, 0 unchanged, 0 older, 0 held, 1 refused" \
	--err "orientir-0106-2024-H1: results.csv does not match its checksum"
check_eq "$(query "SELECT group_concat(school_code, ' ') FROM (SELECT school_code FROM d_package WHERE school_code IN ('0105', '0106', '0107') ORDER BY 1)")" \
	"0105 0107" "…the good ones are taken, the bad one is not"
check_eq "$(receipt "$S3/orientir-0105-2024-H1" outcome) $(receipt "$S3/orientir-0106-2024-H1" outcome) $(receipt "$S3/orientir-0107-2024-H1" outcome)" \
	"accepted refused accepted" "…and each has its receipt"
[ -f "$S3/.orientir-0108-2024-H1.tmp/receipt.txt" ] && not_ok "…a hidden folder is not a package" \
	|| ok "…a hidden folder is not a package"
run district risk --year 2024 --format csv
check_eq "$(csv_row 0107 | cut -d, -f5) $(query "SELECT count(*) FROM d_result WHERE school_code = '0107'")" "12.5 8" \
	"a package written in the rfc4180 dialect reads the same"

# Another version of a held package made in the same second (its
# created_at left as it was, one more event, checksums made again): not
# signed where the school's key is known, it is held; taken by the
# methodist, the two still cannot be ordered, so the one held stays, and
# the user is told why.
fresh samesecond "$PR/orientir-0105-2024-H1"
printf '01.03.2024;семинар;Ещё один;3;\r\n' >>"$P/events.csv"
resum "$P"
HELD_BEFORE=$(query "SELECT digest FROM d_package WHERE school_code = '0105'")
run district import "$P"
expect 0 "a different version made in the same second, not signed" --out "held for a decision" \
	--out "not signed, though the school's key is known"
id=$(query "SELECT id FROM d_held WHERE source = '$P'")
run district accept "$id"
expect 0 "…taken by the methodist, it is still not newer" --out "older than the one we have" --out "same second"
check_eq "$(query "SELECT digest FROM d_package WHERE school_code = '0105'")" "$HELD_BEFORE" "…and the one held stays"

# Both versions of one package copied into one folder, the newer one first
# by name: the older one after it is ignored, into a fresh district.
mkdir -p "$TMP/both"
cp -r "$PKG1B" "$TMP/both/orientir-0101-2024-H1"
cp -r "$PKG1" "$TMP/both/orientir-0101-2024-H1 (2)"
"$ORIENTIR" --db "$TMP/district3.db" init --code R3 --name "ИМЦ 3" --role district >/dev/null
"$ORIENTIR" --db "$TMP/district3.db" district schools add 0101 "Школа 1" >/dev/null
run --db "$TMP/district3.db" district import "$TMP/both"
expect 0 "two versions in one folder, the newer first" --out "2 packages: 1 new, 0 replaced, 0 unchanged, 1 older"
check_eq "$(ORIENTIR_DB=$TMP/district3.db query "SELECT created_at FROM d_package")" "$NEW_CREATED" "…the newer one is held"

# --- when no receipt can be left ---
R8="$TMP/ro/orientir-0108-2024-H1"
mkdir -p "$TMP/ro"
cp -r "$PR/orientir-0108-2024-H1" "$TMP/ro/"
if [ "$(id -u)" != 0 ]; then
	chmod a-w "$R8"
	run district import "$R8"
	chmod u+w "$R8"
	expect 0 "a read-only package folder still imports" --out "accepted" --err "no receipt left"
	[ -f "$R8/receipt.txt" ] && not_ok "…and no receipt is there" || ok "…and no receipt is there"
	grep -q 'receipt.txt.tmp' "$TMP/err" && not_ok "…the warning names receipt.txt, not our temporary file" \
		|| ok "…the warning names receipt.txt, not our temporary file"
else
	echo "# running as root: chmod does not stop writes, the read-only folder case is skipped"
fi
# A receipt.txt that cannot be replaced (a folder of that name) stands in
# for a stick that refuses writes, for root too.
mkdir -p "$R8/receipt.txt/x"
run district import "$R8"
expect 0 "a package whose receipt cannot be written still imports" --err "warning: no receipt left"
check_eq "$(query "SELECT count(*) FROM d_package WHERE school_code = '0108'") $(query "SELECT count(*) FROM d_result WHERE school_code = '0108'")" \
	"1 8" "…and is kept (written --with-names: its results all read)"
rm -rf "$R8/receipt.txt"

# --- results per year: the newest package carrying the year ---
gen "$TMP/in/0110" "ВПР:Математика:5:2023:10:3" "ВПР:Математика:5:2024:10:2" "ВПР:Математика:5:2025:10:1"
school 0110 "Школа 10" "$TMP/in/0110"
package 0110 2024-H2 "$TMP/y"
printf 'procedure,subject,year,class,student_code,score\nВПР,Математика,2024,5А,N2-1,12\n' >"$TMP/fix.csv"
"$ORIENTIR" --db "$TMP/0110.db" import results "$TMP/fix.csv" >/dev/null
sleep 1
package 0110 2025-H1 "$TMP/y"
H2="$TMP/y/orientir-0110-2024-H2" H1="$TMP/y/orientir-0110-2025-H1"
below() {	# below CODE YEAR: how many of the school's results of YEAR are below the minimum
	query "SELECT count(*) FROM d_result WHERE school_code = '$1' AND year = $2 AND score < min_score"
}
run district import "$H2" --received 2024-12-10
expect 0 "the 2024-H2 package" --out "accepted"
check_eq "$(below 0110 2023) $(below 0110 2024)" "3 2" "…brings 2023 and 2024"
run district import "$H1" --received 2025-06-01
expect 0 "then the 2025-H1 package" --out "accepted"
check_eq "$(below 0110 2023) $(below 0110 2024) $(below 0110 2025)" "3 1 1" "…2024 is now the newer package's"
check_eq "$(query "SELECT period FROM d_result_source WHERE school_code = '0110' AND year = 2024")" "2025-H1" \
	"…and recorded as coming from it"
run district risk --year 2024 --format csv
check_eq "$(csv_row 0110 | cut -d, -f5)" "10.0" "…district risk counts the newer results"
snapshot before
run district import "$H2"
expect 0 "the 2024-H2 package again" --out "unchanged"
same_as before "…changes nothing for 2024"
run district status --period 2024-H2 --format csv
check_eq "$(csv_row 0110 | cut -d, -f2,3,5)" "1,2024-12-10T12:00:00,1" "H2: received on 10 December is on time"

# The other order, into a second district: the later package still wins 2024.
D2="$TMP/district2.db"
"$ORIENTIR" --db "$D2" init --code R2 --name "ИМЦ 2" --role district >/dev/null
"$ORIENTIR" --db "$D2" district schools add 0110 "Школа 10" >/dev/null
run --db "$D2" district import "$H1" --received 2025-06-01
expect 0 "2025-H1 first" --out "accepted"
run --db "$D2" district import "$H2" --received 2024-12-11
expect 0 "then the older 2024-H2: accepted for its own half-year" --out "accepted" \
	--out "results of 2024: kept from a package made later"
check_eq "$(ORIENTIR_DB=$D2 below 0110 2023) $(ORIENTIR_DB=$D2 below 0110 2024)" "3 1" \
	"…2023 comes from it, 2024 stays the newer package's"
run --db "$D2" district status --period 2024-H2 --format csv
check_eq "$(csv_row 0110 | cut -d, -f2,5)" "1,0" "H2: received on 11 December is late"

# --- the low-results rule at its edges ---
# Each school's results are built so that its shares are exact; specs as gen.
export ORIENTIR_DB="$TMP/risk.db"
"$ORIENTIR" init --code R3 --name "ИМЦ 3" --role district >/dev/null
RS="$TMP/riskstick"
risk_school() {
	code=$1 name=$2
	shift 2
	gen "$TMP/in/$code" "$@"
	school "$code" "$name" "$TMP/in/$code"
	package "$code" 2024-H1 "$RS"
}
risk_school 0201 "Ровно тридцать" "ВПР:Русский язык:5:2024:10:3" "ОГЭ:Математика:9:2024:10:5"
risk_school 0202 "Чуть ниже" "ВПР:Русский язык:5:2024:7:2" "ОГЭ:Математика:9:2024:10:5"
risk_school 0203 "Два года" "ВПР:Математика:5:2023:10:4" "ВПР:Математика:5:2024:10:4"
risk_school 0204 "Один год" "ВПР:Математика:5:2023:10:1" "ВПР:Математика:5:2024:10:4"
risk_school 0205 "Без прошлого года" "ВПР:Математика:5:2024:10:4" "ЕГЭ:Русский язык:11:2024:10:3"
risk_school 0206 "Без прошлого года одна" "ВПР:Математика:5:2024:10:5"
risk_school 0207 "Без математики" "ВПР:Русский язык:5:2024:10:4" "ОГЭ:Русский язык:9:2024:10:3"
risk_school 0208 "Профильная" "ЕГЭ:Математика (профильный уровень):11:2024:10:3" "ВПР:Математика:5:2024:10:3"
risk_school 0209 "КДР" "КДР:Математика:5:2024:10:6" "ВПР:Математика:5:2024:10:4" "ОГЭ:Литература:9:2024:10:8"
risk_school 0210 "Параллели врозь" "ВПР:Математика:5:2024:10:4" "ВПР:Математика:6:2024:10:1" "ОГЭ:Математика:9:2024:10:5"
risk_school 0211 "Параллели вместе" "ВПР:Математика:5:2024:10:4" "ВПР:Математика:6:2024:10:2" "ОГЭ:Математика:9:2024:10:5"
risk_school 0212 "Отсутствовали" "ВПР:Русский язык:5:2024:9:3:3" "ОГЭ:Математика:9:2024:10:5"
risk_school 0213 "Разные процедуры" "ВПР:Математика:5:2023:10:4" "ВПР:Математика:5:2024:10:1" "ОГЭ:Математика:9:2024:10:4"
risk_school 0214 "Хорошая" "ВПР:Математика:5:2024:10:0"
{ echo 'Код;Наименование'; for i in $(seq 201 215); do echo "0$i;Школа $i"; done; } >"$TMP/l215.csv"
"$ORIENTIR" district schools import "$TMP/l215.csv" >/dev/null
# Their packages name them otherwise: the list's names stay, the packages' are noted.
run district import "$RS" --received 2024-06-01
expect 0 "fourteen schools' packages" --out "14 new"
run district risk --year 2024 --format csv
check_eq "$(head -1 "$TMP/out")" \
	"school_code,school_name,year,flagged,reason,low_procedures,worst_percent,worst_procedure,worst_subject,distance" \
	"risk csv has the contract's columns and the distance"
# risk_is CODE "flagged,reason,low_procedures,worst,procedure,subject,distance" DESCRIPTION
risk_is() {
	check_eq "$(csv_row "$1" | cut -d, -f2-)" "$2" "$3"
}
risk_is 0201 "1,two_procedures,ВПР;ОГЭ,50.0,ОГЭ,Математика,20.0" "exactly 30 % is low (with ОГЭ: two procedures)"
risk_is 0202 "0,,ОГЭ,50.0,ОГЭ,Математика,20.0" "2 of 7 (28.6 %) is not low"
risk_is 0203 "1,two_years,ВПР,40.0,ВПР,Математика,10.0" "low in ВПР two years running"
risk_is 0204 "0,,ВПР,40.0,ВПР,Математика,10.0" "low in ВПР this year only: not flagged"
risk_is 0205 "1,two_procedures,ВПР;ЕГЭ,40.0,ВПР,Математика,10.0" "no results last year: two procedures still flag"
risk_is 0206 "0,,ВПР,50.0,ВПР,Математика,20.0" "no results last year, low in one: not flagged"
risk_is 0207 "1,two_procedures,ВПР;ОГЭ,40.0,ВПР,Русский язык,10.0" "no mathematics: Russian alone counts"
risk_is 0208 "1,two_procedures,ВПР;ЕГЭ,30.0,ВПР,Математика,0.0" "«Математика (профильный уровень)» is mathematics"
risk_is 0209 "0,,ВПР,40.0,ВПР,Математика,10.0" "КДР and literature do not count"
risk_is 0210 "0,,ОГЭ,50.0,ОГЭ,Математика,20.0" "grades pooled: 40 % and 10 % make 25 %, not low"
risk_is 0211 "1,two_procedures,ВПР;ОГЭ,50.0,ОГЭ,Математика,20.0" "grades pooled: 40 % and 20 % make 30 %, low"
risk_is 0212 "1,two_procedures,ВПР;ОГЭ,50.0,ОГЭ,Математика,20.0" "absent pupils are not participants (3 of 9, not of 12)"
risk_is 0213 "0,,ОГЭ,40.0,ОГЭ,Математика,10.0" "low in ВПР last year and ОГЭ this year: not the same procedure"
risk_is 0214 "0,,,0.0,ВПР,Математика,-30.0" "a school with none below the minimum"
risk_is 0215 "0,,,,,," "a school with no results: nothing to say"
check_eq "$(sed 1d "$TMP/out" | cut -d, -f1 | tr '\n' ' ')" \
	"0201 0211 0212 0203 0205 0207 0208 0202 0206 0210 0204 0209 0213 0214 0215 " \
	"flagged first, then by distance from the line"
export COLUMNS=200
run district risk --year 2024
unset COLUMNS
expect 0 "the risk table" --out "7 schools of 15 flagged for 2024" --out "ВПР in 2023 and 2024"
run district risk --year 2023 --format csv
risk_is 0203 "0,,ВПР,40.0,ВПР,Математика,10.0" "2023 with no 2022: low in one procedure is not flagged"
run district set threshold 25
expect 0 "the line moves to 25 %"
run district risk --year 2024 --format csv
risk_is 0202 "1,two_procedures,ВПР;ОГЭ,50.0,ОГЭ,Математика,25.0" "…28.6 % is now low"
risk_is 0210 "1,two_procedures,ВПР;ОГЭ,50.0,ОГЭ,Математика,25.0" "…and exactly 25 % pooled too"
risk_is 0204 "0,,ВПР,40.0,ВПР,Математика,15.0" "…one procedure one year is still not flagged"
shares_agree "the counts the rule reads are those of every result held"
# A folder of far more entries than the packages it holds: each is found
# (a bounded listing once kept a silent part of it, in readdir's order).
BIG="$TMP/big"
package 0101 2024-H1 "$BIG"
(cd "$BIG" && seq 1 20000 | sed 's/^/junk-/' | xargs touch)
run district import "$BIG" --received 2024-07-02
expect 0 "a package among 20 000 other entries of its folder is found" --out "1 package: "
finish
