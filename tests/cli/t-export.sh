#!/bin/sh
# export: the half-year package verifies with sha256sum, keeps names out
# unless asked, reads back through our own importer to the same numbers in
# both dialects, and a failed or killed write never leaves a torn package.
. "$TESTS_SRCDIR/cli/lib.sh"
F="$FIXTURES/indicators"
init_school
for k in roster scales results; do "$ORIENTIR" import $k "$F/$k.csv" >/dev/null; done
"$ORIENTIR" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2024 >/dev/null
"$ORIENTIR" roadmap set 1 --section I --status done --date 2024-03-10 --note "Проведена, 45 работ" >/dev/null
printf 'Дата;Вид;Тема;Участников;№ мероприятия дорожной карты\n12.03.2024;семинар;Критерии ВПР;8;\n' >"$TMP/ev.csv"
"$ORIENTIR" import events "$TMP/ev.csv" >/dev/null
OUT="$TMP/stick"
mkdir -p "$OUT"
PKG="$OUT/orientir-0101-2024-H1"

run export --period 2024-H3 --to "$OUT"
expect 2 "a period that is not a half-year is a usage error" --err "2024-H3"
run export --period 2024-H1 --to "$OUT" --dialect word
expect 2 "an unknown dialect is a usage error" --err "word"
run export --period 2024-H1 --to "$TMP/nowhere"
expect 1 "a folder that is not there is refused" --err "nowhere"

run export --period 2024-H1 --to "$OUT"
expect 0 "the package is written" --out "orientir-0101-2024-H1" --out "can be removed"
for f in manifest.txt SHA256SUMS report.html indicators.csv roadmap.csv results.csv staff.csv events.csv; do
	[ -f "$PKG/$f" ] || not_ok "$f is in the package"
done
check_eq "$(ls -A "$OUT" | tr '\n' ' ')" "orientir-0101-2024-H1 " "nothing else is left on the stick"
(cd "$PKG" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 && ok "sha256sum -c verifies the package" \
	|| not_ok "sha256sum -c verifies the package"
check_eq "$(sed -n 's/^period: //p; s/^format: //p' "$PKG/manifest.txt" | tr '\n' ' ')" "orientir-report-1 2024-H1 " \
	"the manifest names the format and the period"
check_eq "$(head -c 3 "$PKG/results.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "excel-ru files start with a BOM"
grep -q ';20,0' "$PKG/indicators.csv" && ok "excel-ru writes a decimal comma" || not_ok "excel-ru writes a decimal comma"
grep -q 'P1' "$PKG/results.csv" && ok "results.csv has the pupils' codes" || not_ok "results.csv has the pupils' codes"
grep -q 'Первый' "$PKG/results.csv" && not_ok "results.csv has no names by default" || ok "results.csv has no names by default"
check_eq "$(cut -d';' -f4 "$PKG/results.csv" | sort -u | grep -c '^20')" 2 "results.csv holds the year and the one before"
grep -q 'Проведена, 45 работ' "$PKG/report.html" && ok "the report shows what was done in the period" \
	|| not_ok "the report shows what was done in the period"
grep -q 'Критерии ВПР' "$PKG/events.csv" && ok "events.csv has the period's events" || not_ok "events.csv has the period's events"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$PKG/report.html" 2>"$TMP/xml" && ok "report.html is well-formed" || { not_ok "report.html is well-formed"; sed 's/^/#   /' "$TMP/xml" | head; }
	grep -q '<script' "$PKG/report.html" && not_ok "report.html needs no scripts" || ok "report.html needs no scripts"
fi

run export --period 2024-H1 --to "$OUT" --with-names
expect 0 "again, with names"
grep -q 'Первый Пётр' "$PKG/results.csv" && ok "--with-names puts the names in" || not_ok "--with-names puts the names in"
check_eq "$(ls -A "$OUT" | tr '\n' ' ')" "orientir-0101-2024-H1 " "the new package replaced the old one"

# Both dialects, read back by our own importer into a new school, give the
# same indicators as the original.
"$ORIENTIR" indicators --year 2024 --format csv >"$TMP/ind-original"
for d in excel-ru rfc4180; do
	mkdir -p "$TMP/$d"
	"$ORIENTIR" export --period 2024-H1 --to "$TMP/$d" --dialect $d >/dev/null
	db="$TMP/$d/copy.db"
	"$ORIENTIR" --db "$db" init --code 0101 --name Копия >/dev/null
	"$ORIENTIR" --db "$db" import roster "$F/roster.csv" >/dev/null
	"$ORIENTIR" --db "$db" import scales "$F/scales.csv" >/dev/null
	run --db "$db" import results "$TMP/$d/orientir-0101-2024-H1/results.csv"
	expect 0 "the $d results.csv imports back" --out "Added 20"
	run --db "$db" import events "$TMP/$d/orientir-0101-2024-H1/events.csv"
	expect 0 "the $d events.csv imports back" --out "Added 1"
	"$ORIENTIR" --db "$db" indicators --year 2024 --format csv >"$TMP/ind-$d"
	if cmp -s "$TMP/ind-original" "$TMP/ind-$d"; then ok "…and gives the same indicators ($d)"; else
		not_ok "…and gives the same indicators ($d)"; diff "$TMP/ind-original" "$TMP/ind-$d" | head | sed 's/^/#   /'; fi
done

# A write that fails half-way (the stick full, or pulled out) leaves the old
# package whole.
torn_writes 4 "$PKG" export --period 2024-H1 --to "$OUT"

# The district reads the stick and leaves its receipt in the package's
# folder; exporting again says what the district had said of the package
# being replaced, and the new one starts without a receipt.
"$ORIENTIR" --db "$TMP/district.db" init --code R1 --name "ИМЦ" --role district >/dev/null
"$ORIENTIR" --db "$TMP/district.db" district import "$OUT" --received 2024-06-18 >/dev/null
[ -f "$PKG/receipt.txt" ] && ok "the district leaves a receipt beside the package" \
	|| not_ok "the district leaves a receipt beside the package"
run export --period 2024-H1 --to "$OUT"
expect 0 "exporting over a package the district has read says so" \
	--out "The district had read the package this one replaces, 18.06.2024 12:00: accepted."
[ ! -e "$PKG/receipt.txt" ] && ok "…and the new package has no receipt yet" || not_ok "…and the new package has no receipt yet"
run export --period 2024-H1 --to "$OUT"
expect 0 "…nor does the next export mention one" --no-out "The district had read"

# A stick with too little room: refused before writing anything.
if [ "$(id -u)" = 0 ] && mkdir -p "$TMP/small" && mount -t tmpfs -o size=1m tmpfs "$TMP/small" 2>/dev/null; then
	"$ORIENTIR" export --period 2024-H1 --to "$TMP/small" >/dev/null 2>&1
	before=$(cd "$TMP/small/orientir-0101-2024-H1" 2>/dev/null && sha256sum SHA256SUMS)
	dd if=/dev/zero of="$TMP/small/filler" bs=1k count=850 2>/dev/null
	run export --period 2024-H1 --to "$TMP/small"
	expect 1 "a nearly full stick is refused" --err "not enough room"
	check_eq "$(cd "$TMP/small/orientir-0101-2024-H1" && sha256sum SHA256SUMS)" "$before" "…and the old package stays"
	umount "$TMP/small"
else
	echo "# not root or no tmpfs: the nearly-full stick case is skipped"
fi
# The package carries the roadmaps meeting its half-year, each activity
# with its roadmap's years; the district keeps them, and still reads a
# package made before roadmaps were kept by years (no such column).
S2="$TMP/two.db" D2="$TMP/district-two.db" D3="$TMP/district-old.db"
"$ORIENTIR" --db "$S2" init --code 0202 --name "Школа двух карт" >/dev/null
printf '№;Мероприятие;Сроки\n1;Итоговый педсовет;май\n' >"$TMP/y1.csv"
printf '№;Мероприятие;Сроки\n1;Совещание;октябрь\n2;Семинар;март\n' >"$TMP/y2.csv"
printf '№;Мероприятие;Сроки\n1;Давний план;март\n' >"$TMP/y0.csv"
"$ORIENTIR" --db "$S2" import roadmap "$TMP/y1.csv" --years 2025-2026 >/dev/null
"$ORIENTIR" --db "$S2" import roadmap "$TMP/y2.csv" --years 2026-2027 >/dev/null
"$ORIENTIR" --db "$S2" import roadmap "$TMP/y0.csv" --years 2024 >/dev/null
mkdir -p "$TMP/stick-two"
run --db "$S2" export --period 2026-H2 --to "$TMP/stick-two"
expect 0 "a package for the second half-year of two school years"
P2="$TMP/stick-two/orientir-0202-2026-H2"
check_eq "$(tr -d '\r' <"$P2/roadmap.csv" | awk -F';' 'NR > 1 { print $3 "=" $NF }' | tr '\n' ' ')" \
	"Итоговый педсовет=2025-2026 Совещание=2026-2027 Семинар=2026-2027 " \
	"roadmap.csv: the roadmaps meeting the half-year, each row with its roadmap's years"
grep -q "Давний план" "$P2/report.html" && not_ok "…a roadmap of other years is not in the report" \
	|| ok "…a roadmap of other years is not in the report"
"$ORIENTIR" --db "$D2" init --code R2 --name "ИМЦ" --role district >/dev/null
run --db "$D2" district import "$P2" --received 2026-12-05
expect 0 "the district takes it in"
check_eq "$("$SQLITE3" "$D2" "SELECT group_concat(roadmap_years, ' ') FROM (SELECT roadmap_years FROM d_activity ORDER BY sort)")" \
	"2025-2026 2026-2027 2026-2027" "…and keeps each activity's roadmap years"
# As a package of before: the column taken out, the sums made again.
sed -i 's/;[^;]*\r$/\r/' "$P2/roadmap.csv"
(cd "$P2" && sha256sum manifest.txt report.html indicators.csv roadmap.csv results.csv staff.csv events.csv >SHA256SUMS)
"$ORIENTIR" --db "$D3" init --code R2 --name "ИМЦ" --role district >/dev/null
run --db "$D3" district import "$P2" --received 2026-12-05
expect 0 "a package without the roadmap years is taken in as before"
check_eq "$("$SQLITE3" "$D3" "SELECT count(*) || '|' || group_concat(roadmap_years, '') FROM d_activity")" "3|" \
	"…its activities without years"
finish
