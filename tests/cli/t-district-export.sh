#!/bin/sh
# What the district sees: two schools' packages (a third school on the list
# never reports) taken into a district; 'district indicators' gives numbers
# worked out by hand from the data below; 'district export' writes a report
# folder that verifies, names the flagged school and the missing one, holds
# the expected rows, and is never left torn by a failed write.
. "$TESTS_SRCDIR/cli/lib.sh"
# The schools write their packages in June 2024, before the sticks come.
export ORIENTIR_TODAY=2024-06-10
D="$TMP/district.db"
STICK="$TMP/stick"
OUT="$TMP/dest"
mkdir -p "$STICK" "$OUT"
dist() { run --db "$D" district "$@"; }

# School 0101 «Школа Альфа»: the indicator fixture. In ВПР 2024:
#   Математика, grade 5 (min 5, «4» from 10, «5» and high from 15): P1 4,
#   P2 5, P3 10, P4 15, P6 9.5 (P5 absent); grade 6 (min 6, high 15): Q1 3,
#   Q2 6, Q3 16. 8 participants, below the minimum P1 and Q1 = 2, high P4
#   and Q3 = 2. Journal marks for P1..P4 (3, 3, 5, 4) against the marks
#   2, 3, 4, 5: lowered 2, confirmed 1, raised 1.
#   Русский язык (min 18, high 40): 17, 40, 30, 39, 18: 5, below 1, high 1.
#   2023, Математика: 2, 3, 8, 12: 4 participants, 2 below, 0 high.
A="$TMP/a.db"
"$ORIENTIR" --db "$A" init --code 0101 --name "Школа Альфа" >/dev/null
for k in roster scales results; do "$ORIENTIR" --db "$A" import $k "$FIXTURES/indicators/$k.csv" >/dev/null; done
"$ORIENTIR" --db "$A" export --period 2024-H1 --to "$STICK" >/dev/null

# School 0102 «Школа Бета», made to be flagged for 2024: low (at least 30 %
# below the minimum) in two procedures, ВПР and ОГЭ.
#   ВПР Математика, grade 5 (min 5, «4» 10, «5» 15): 2, 4, 12, 16, 7:
#   5 participants, 2 below (40 %), 1 high (16); marks 2, 2, 4, 5, 3 against
#   the journal 3, 3, 4, 5, 3: lowered 2, confirmed 3, raised 0.
#   ВПР Русский язык (min 18, high 40): 20, 25, 41, 30, 10: 5, 1 below, 1 high.
#   ОГЭ Русский язык, grade 9 (min 15, «5» 29): 10, 20, 30, 14: 4, 2 below
#   (50 %), 1 high.
#   2023, ВПР Математика: 1, 9: 2 participants, 1 below.
B="$TMP/b.db"
"$ORIENTIR" --db "$B" init --code 0102 --name "Школа Бета" >/dev/null
printf '%s\n' 'class,student_code,full_name' '5А,B1,Альфа' '5А,B2,Бета' '5А,B3,Гамма' '5А,B4,Дельта' \
	'5А,B5,Эпсилон' '9А,N1,Один' '9А,N2,Два' '9А,N3,Три' '9А,N4,Четыре' >"$TMP/b-roster.csv"
printf '%s\n' 'procedure,subject,grade,year,max_score,min_score,score4,score5,high_score' \
	'ВПР,Математика,5,2024,20,5,10,15,' 'ВПР,Русский язык,5,2024,45,18,29,38,40' \
	'ОГЭ,Русский язык,9,2024,33,15,23,29,' 'ВПР,Математика,5,2023,20,5,10,15,' >"$TMP/b-scales.csv"
printf '%s\n' 'procedure,subject,year,class,student_code,score,journal_mark' \
	'ВПР,Математика,2024,5А,B1,2,3' 'ВПР,Математика,2024,5А,B2,4,3' 'ВПР,Математика,2024,5А,B3,12,4' \
	'ВПР,Математика,2024,5А,B4,16,5' 'ВПР,Математика,2024,5А,B5,7,3' \
	'ВПР,Русский язык,2024,5А,B1,20,' 'ВПР,Русский язык,2024,5А,B2,25,' 'ВПР,Русский язык,2024,5А,B3,41,' \
	'ВПР,Русский язык,2024,5А,B4,30,' 'ВПР,Русский язык,2024,5А,B5,10,' \
	'ОГЭ,Русский язык,2024,9А,N1,10,' 'ОГЭ,Русский язык,2024,9А,N2,20,' 'ОГЭ,Русский язык,2024,9А,N3,30,' \
	'ОГЭ,Русский язык,2024,9А,N4,14,' 'ВПР,Математика,2023,5А,B1,1,' 'ВПР,Математика,2023,5А,B2,9,' \
	>"$TMP/b-results.csv"
for k in roster scales results; do "$ORIENTIR" --db "$B" import $k "$TMP/b-$k.csv" >/dev/null; done
# Its roadmap: 6 activities, one done.
"$ORIENTIR" --db "$B" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2024 >/dev/null
"$ORIENTIR" --db "$B" roadmap set 1 --section I --status done --date 2024-03-10 >/dev/null
"$ORIENTIR" --db "$B" export --period 2024-H1 --to "$STICK" >/dev/null

# The district: Альфа on time (15 June), Бета late (25 June, the deadline
# is 20 June), Гамма on the list and never heard from.
"$ORIENTIR" --db "$D" init --code R-01 --name "ИМЦ Тестового района" --role district >/dev/null
dist schools add 0101 "Школа Альфа"
dist schools add 0102 "Школа Бета"
dist schools add 0103 "Школа Гамма"
dist import "$STICK/orientir-0101-2024-H1" --received 2024-06-15
expect 0 "Альфа's package is taken in"
dist import "$STICK/orientir-0102-2024-H1" --received 2024-06-25
expect 0 "Бета's package is taken in"

# --- district indicators ---
dist indicators --year 2024 --format csv
expect 0 "indicators as csv"
check_eq "$(head -1 "$TMP/out")" \
	"school_code,school_name,procedure,subject,year,participants,below_min,below_min_percent,high,high_percent,compared,lowered,confirmed,raised,prev_participants,prev_below_min,prev_below_min_percent,prev_high,prev_high_percent,below_min_change" \
	"the csv header names the columns"
# The district pools pupils: 8 + 5 participants, 2 + 2 below = 30.8 %, high
# 2 + 1 = 23.1 %; compared 4 + 5, lowered 2 + 2, confirmed 1 + 3, raised
# 1 + 0; 2023: 4 + 2 participants, 2 + 1 below = 50.0 %; change -19.2.
check_eq "$(grep '^,,ВПР,Математика,' "$TMP/out")" ",,ВПР,Математика,2024,13,4,30.8,3,23.1,9,4,4,1,6,3,50.0,0,0.0,-19.2" \
	"the district's ВПР mathematics: pooled over both schools' pupils"
check_eq "$(grep '^0101,Школа Альфа,ВПР,Математика,' "$TMP/out")" \
	"0101,Школа Альфа,ВПР,Математика,2024,8,2,25.0,2,25.0,4,2,1,1,4,2,50.0,0,0.0,-25.0" "Альфа's ВПР mathematics"
check_eq "$(grep '^0102,Школа Бета,ВПР,Математика,' "$TMP/out")" \
	"0102,Школа Бета,ВПР,Математика,2024,5,2,40.0,1,20.0,5,2,3,0,2,1,50.0,0,0.0,-10.0" "Бета's ВПР mathematics"
# No results last year: the shares of 2023 and the change are empty.
check_eq "$(grep '^0102,Школа Бета,ОГЭ,' "$TMP/out")" \
	"0102,Школа Бета,ОГЭ,Русский язык,2024,4,2,50.0,1,25.0,0,0,0,0,0,0,,0,," "Бета's ОГЭ Russian, without a year before"
check_eq "$(grep '^,,ВПР,Русский язык,' "$TMP/out")" ",,ВПР,Русский язык,2024,10,2,20.0,2,20.0,5,1,3,1,0,0,,0,," \
	"the district's ВПР Russian"
# 3 district rows, 2 of Альфа, 3 of Бета; Гамма has no results.
check_eq "$(($(wc -l <"$TMP/out") - 1))" 8 "one row per school (and the district) and procedure and subject"
grep -q '^0103' "$TMP/out" && not_ok "a school without results has no rows" || ok "a school without results has no rows"
dist indicators --format csv
cp "$TMP/out" "$TMP/latest"
dist indicators --year 2024 --format csv
cmp -s "$TMP/out" "$TMP/latest" && ok "the year defaults to the latest with results" || not_ok "the year defaults to the latest with results"
dist indicators --year 2023 --format csv
expect 0 "2023 against 2022" --out ",,ВПР,Математика,2023,6,3,50.0,0,0.0,0,0,0,0,0,0,,0,,"

dist indicators --year 2024
expect 0 "the table for people" --out "All schools of the district:" --out "0102 Школа Бета:" --out "30.8" \
	--out "−19.2" --out "under 5 participants"
COLUMNS=60 "$ORIENTIR" --db "$D" district indicators --year 2024 >"$TMP/out" 2>"$TMP/err"
check_eq "$(sed -n '4,$p' "$TMP/out" | grep -v 'under 5' | LC_ALL=C.UTF-8 wc -L)" 60 \
	"…fitted to the terminal's width, by cutting the subjects"
grep -q 'Русский…' "$TMP/out" && ok "…marked where cut" || not_ok "…marked where cut"
if locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	LC_ALL=ru_RU.UTF-8 "$ORIENTIR" --db "$D" district indicators --year 2024 >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect 0 "a Russian table has decimal commas" --out "30,8" --out "−19,2" --no-out "30.8"
	LC_ALL=ru_RU.UTF-8 "$ORIENTIR" --db "$D" district indicators --year 2024 --format csv >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect 0 "…and the csv keeps its dots" --out ",,ВПР,Математика,2024,13,4,30.8,"
fi
dist indicators --year 1999
expect 2 "a year that is not one is a usage error" --err "1999"
dist indicators --format xml
expect 2 "an unknown format is a usage error" --err "xml"
run --db "$A" district indicators
expect 1 "a school's database is refused" --err "school's database"

# --- district export ---
dist export --to "$OUT"
expect 2 "export asks for the period" --err "--period"
dist export --period 2024-H3 --to "$OUT"
expect 2 "a period that is not a half-year is a usage error" --err "2024-H3"
dist export --period 2024-H1 --to "$OUT" --dialect word
expect 2 "an unknown dialect is a usage error" --err "word"
dist export --period 2024-H1 --to "$TMP/nowhere"
expect 1 "a folder that is not there is refused" --err "nowhere" --err "still there whole"
[ -e "$TMP/nowhere" ] && not_ok "…and is not made" || ok "…and is not made"
check_eq "$(ls -A "$OUT")" "" "nothing was written by the refused ones"

REP="$OUT/orientir-district-R-01-2024-H1"
dist export --period 2024-H1 --to "$OUT"
expect 0 "the report is written" --out "orientir-district-R-01-2024-H1" --out "can be removed" \
	--out "2 of 3 schools reported for 2024-H1; 1 flagged for 2024"
check_eq "$(ls "$REP" | tr '\n' ' ')" "SHA256SUMS SIGNATURE indicators.csv manifest.txt report.html risk.csv roadmap.csv schools schools.txt status.csv " \
	"the folder holds the report, the four tables, the part for the region and the checksums"
check_eq "$(ls -A "$OUT" | tr '\n' ' ')" "orientir-district-R-01-2024-H1 " "nothing else is left in the folder"
(cd "$REP" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 && ok "sha256sum -c verifies the report" \
	|| not_ok "sha256sum -c verifies the report"
H="$REP/report.html"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$H" 2>"$TMP/xml" && ok "report.html is well-formed" \
		|| { not_ok "report.html is well-formed"; sed 's/^/#   /' "$TMP/xml" | head; }
fi
grep -q '<script\|src=\|href=' "$H" && not_ok "report.html stands alone (no scripts, nothing fetched)" \
	|| ok "report.html stands alone (no scripts, nothing fetched)"
grep -q 'Not reported: Школа Гамма\.' "$H" && ok "report.html names the school that has not reported" \
	|| not_ok "report.html names the school that has not reported"
grep -q 'Flagged for 2024: 1 school of 3: Школа Бета\.' "$H" && ok "report.html names the flagged school" \
	|| not_ok "report.html names the flagged school"
grep -q '<tr class="flag"><td>Школа Бета</td>' "$H" && ok "…and marks its row in the low-results table" \
	|| not_ok "…and marks its row in the low-results table"
grep -q 'Reported: 2 of 3 schools (66,7 %), on time: 1 (33,3 %). Deadline 20.06.2024.' "$H" \
	&& ok "report.html gives the reporting rate" || not_ok "report.html gives the reporting rate"
# The table of ВПР: Бета's 40 % this year stands out against the 30 % line,
# and the district's chart of mathematics draws the line.
grep -q '<td class="num low">40,0&#160;%<br/><span class="n">2 of 5' "$H" \
	&& ok "a share at or above the line stands out" || not_ok "a share at or above the line stands out"
grep -q 'ВПР, Математика: below the minimum by school, 2024 against 2023' "$H" && grep -q 'the line, 30,0 %' "$H" \
	&& ok "the chart of ВПР mathematics has the line" || not_ok "the chart of ВПР mathematics has the line"

# The tables, excel-ru: BOM, semicolons, decimal comma, DD.MM.YYYY.
check_eq "$(head -c 3 "$REP/status.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "excel-ru tables start with a BOM"
s=$(tr -d '\r' <"$REP/status.csv")
check_eq "$(printf '%s\n' "$s" | grep '^0101;' | cut -d';' -f1-5,7)" "0101;Школа Альфа;2024-H1;да;15.06.2024;да" \
	"status.csv: Альфа reported on time"
check_eq "$(printf '%s\n' "$s" | grep '^0102;' | cut -d';' -f1-5,7)" "0102;Школа Бета;2024-H1;да;25.06.2024;нет" \
	"status.csv: Бета reported late"
check_eq "$(printf '%s\n' "$s" | grep '^0103;')" "0103;Школа Гамма;2024-H1;нет;;;" "status.csv: Гамма has not reported"
i=$(tr -d '\r' <"$REP/indicators.csv")
check_eq "$(printf '%s\n' "$i" | grep '^;All schools of the district;ВПР;Математика;')" \
	";All schools of the district;ВПР;Математика;2024;13;4;30,8;3;23,1;9;4;4;1;6;3;50,0;0;0,0;-19,2" \
	"indicators.csv: the district's row, as 'district indicators' has it"
check_eq "$(printf '%s\n' "$i" | wc -l)" 9 "indicators.csv: a header and the same 8 rows"
k=$(tr -d '\r' <"$REP/risk.csv")
check_eq "$(printf '%s\n' "$k" | grep '^0102;' | cut -d';' -f1-4)" "0102;Школа Бета;2024;да" "risk.csv: Бета is flagged"
printf '%s\n' "$k" | grep '^0102;' | grep -q 'low in two procedures in 2024: ВПР, ОГЭ' && ok "…with the reason" || not_ok "…with the reason"
check_eq "$(printf '%s\n' "$k" | grep '^0101;' | cut -d';' -f1-4,7-11)" "0101;Школа Альфа;2024;нет;25,0;ВПР;Математика;-5,0;30,0" \
	"risk.csv: Альфа is not, 5 points below the line"
check_eq "$(printf '%s\n' "$k" | grep '^0103;' | cut -d';' -f1-5)" "0103;Школа Гамма;2024;нет;no results for 2024" \
	"risk.csv: Гамма has no results"
r=$(tr -d '\r' <"$REP/roadmap.csv")
check_eq "$(printf '%s\n' "$r" | grep '^0102;' | cut -d';' -f1-6)" "0102;Школа Бета;да;6;1;16,7" \
	"roadmap.csv: Бета has done 1 of 6 activities"
check_eq "$(printf '%s\n' "$r" | grep '^0101;')" "0101;Школа Альфа;да;;;;;" "roadmap.csv: Альфа sent no roadmap"
check_eq "$(printf '%s\n' "$r" | grep '^0103;')" "0103;Школа Гамма;нет;;;;;" "roadmap.csv: Гамма sent nothing"

# rfc4180: no BOM, commas, decimal points, ISO dates.
mkdir -p "$TMP/rfc"
dist export --period 2024-H1 --to "$TMP/rfc" --dialect rfc4180
expect 0 "the rfc4180 dialect"
R2="$TMP/rfc/orientir-district-R-01-2024-H1"
check_eq "$(head -c 3 "$R2/status.csv" | od -An -tx1 | tr -d ' ')" "d09ad0" "rfc4180 tables have no BOM"
tr -d '\r' <"$R2/indicators.csv" | grep -q '^,All schools of the district,ВПР,Математика,2024,13,4,30.8,' \
	&& ok "rfc4180: commas and decimal points" || not_ok "rfc4180: commas and decimal points"
tr -d '\r' <"$R2/status.csv" | grep -q '^0101,Школа Альфа,2024-H1,да,2024-06-15,' \
	&& ok "rfc4180: ISO dates" || not_ok "rfc4180: ISO dates"

# Written again after the line moved to 25 %: the new report replaces the
# old one, nothing else is left.
dist set threshold 25
dist export --period 2024-H1 --to "$OUT"
expect 0 "written again"
check_eq "$(ls -A "$OUT" | tr '\n' ' ')" "orientir-district-R-01-2024-H1 " "…replacing the one before"
# (at 25 % Альфа is low in ВПР in 2023 and 2024: flagged, right at the line)
check_eq "$(tr -d '\r' <"$REP/risk.csv" | grep '^0101;' | awk -F';' '{ print $1 ";" $4 ";" $(NF - 1) ";" $NF }')" \
	"0101;да;0,0;25,0" "…with the new content"
dist set threshold 30

# A write that fails half-way (the stick full, or pulled out) leaves the
# report written before whole.
torn_writes 3 "$REP" --db "$D" district export --period 2024-H1 --to "$OUT"

# The database is only read.
snapshot_db() { "$SQLITE3" "$D" .dump; }
snapshot_db >"$TMP/before.sql"
dist export --period 2024-H2 --to "$OUT"
expect 0 "a half-year nobody has reported for yet" --out "0 of 3 schools reported for 2024-H2; 1 flagged for 2024"
snapshot_db >"$TMP/after.sql"
cmp -s "$TMP/before.sql" "$TMP/after.sql" && ok "exporting changes nothing in the database" \
	|| not_ok "exporting changes nothing in the database"
grep -q 'Not reported: Школа Альфа, Школа Бета, Школа Гамма\.' "$OUT/orientir-district-R-01-2024-H2/report.html" \
	&& ok "…and its report lists every school as not reported" || not_ok "…and its report lists every school as not reported"

# A district without any package still gets a report that says so.
E="$TMP/empty.db"
"$ORIENTIR" --db "$E" init --code R-02 --name "Пустой ИМЦ" --role district >/dev/null
mkdir -p "$TMP/empty"
run --db "$E" district export --period 2024-H1 --to "$TMP/empty"
expect 0 "an empty district's report is written" --out "No schools are known yet"
EH="$TMP/empty/orientir-district-R-02-2024-H1/report.html"
grep -q 'No schools are known yet' "$EH" && grep -q 'No results in Russian or mathematics' "$EH" \
	&& ok "…and says there is nothing yet" || not_ok "…and says there is nothing yet"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$EH" 2>/dev/null && ok "…well-formed too" || not_ok "…well-formed too"
fi
run --db "$E" district indicators
expect 0 "an empty district has no indicators yet" --out "No results yet"
# Names are text, whatever they hold.
F="$TMP/hostile.db"
"$ORIENTIR" --db "$F" init --code "R:03" --name 'ИМЦ <b>&amp;</b>' --role district >/dev/null
"$ORIENTIR" --db "$F" district schools add 0104 'Школа <script>alert("x")</script> & «Ко»' >/dev/null
mkdir -p "$TMP/hostile"
run --db "$F" district export --period 2024-H1 --to "$TMP/hostile"
expect 0 "names with markup in them" --out "orientir-district-R_03-2024-H1"
FH="$TMP/hostile/orientir-district-R_03-2024-H1/report.html"
grep -q '<script' "$FH" && not_ok "…are escaped in report.html" || ok "…are escaped in report.html"
grep -q 'Not reported: Школа &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Ко»\.' "$FH" \
	&& ok "…and shown as written" || not_ok "…and shown as written"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$FH" 2>/dev/null && ok "…and the page stays well-formed" || not_ok "…and the page stays well-formed"
fi
run --db "$A" district export --period 2024-H1 --to "$OUT"
expect 1 "a school's database cannot write the district's report" --err "school's database"
finish
