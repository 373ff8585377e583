#!/bin/sh
# region: the rest of the district's commands on PostgreSQL. The list of
# schools (add, import, list, confirm), the settings, the held packages
# (held, accept, reject; two accepts of one package at once), the district
# filter of indicators, and the region's report (export: the district's
# tables with each school's district, a summary by district, a district
# filter) say what a district's file says of the same data; a role that
# may only read reads and writes the report, and is refused every write to
# the database, nothing changed.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/region/pg.sh"
. "$TESTS_SRCDIR/region/schools.sh"
export ORIENTIR_TODAY=2024-06-01

# same DESCRIPTION A B: the files A and B are the same, and not empty.
same() {
	if cmp -s "$2" "$3" && [ -s "$2" ]; then ok "$1"; else
		not_ok "$1"
		diff "$2" "$3" | head -20 | sed 's/^/#   /'
	fi
}
# both OUT ARGS...: 'orientir district ARGS' on the district's file into
# OUT.d, on the region into OUT.r.
both() {
	out=$1
	shift
	"$ORIENTIR" --db "$DDB" district "$@" >"$out.d" 2>&1
	"$ORIENTIR" --db "$PG_URL" district "$@" >"$out.r" 2>&1
}

"$ORIENTIR" --db "$PG_URL" init --role region --code 69 --name "Тверская область" >/dev/null \
	|| not_ok "the region is made"
DDB=$TMP/district.db
"$ORIENTIR" --db "$DDB" init --role district --code R1 --name "ИМЦ" >/dev/null
# the southern district's own office: its file has its schools alone
SDB=$TMP/south.db
"$ORIENTIR" --db "$SDB" init --role district --code R2 --name "ИМЦ Южного района" >/dev/null

school 0101 "Школа 1" "Северный район" "ВПР:Математика:5:2024:10:4" "ВПР:Русский язык:5:2024:10:1" \
	"ОГЭ:Математика:9:2024:10:5"
school 0102 "Школа 2" "Северный район" "ВПР:Математика:5:2024:10:1"
school 0201 "Школа 3" "Южный район" "ВПР:Русский язык:6:2024:20:8" "ЕГЭ:Русский язык:11:2024:10:4" \
	"ВПР:Математика:5:2024:10:5"
school 0202 "Школа 4" "Южный район" "ВПР:Математика:5:2024:8:0" "ВПР:Русский язык:6:2024:8:3"

# --- the list of schools ---
run --db "$PG_URL" district schools add 0101 "Школа 1"
expect 0 "schools add works on the region" --out "0101 Школа 1: on the district's list"
"$ORIENTIR" --db "$DDB" district schools add 0101 "Школа 1" >/dev/null
printf 'Код;Наименование\n0102;Школа 2\n0201;Школа 3\n0202;Школа 4\n' >"$TMP/schools.csv"
both "$TMP/imp" schools import "$TMP/schools.csv" --dry-run
same "schools import --dry-run: the region says what the district says" "$TMP/imp.d" "$TMP/imp.r"
[ "$(region "SELECT count(*) FROM d_school")" = 1 ] && ok "…and the dry run stores nothing" \
	|| not_ok "…and the dry run stores nothing"
both "$TMP/imp" schools import "$TMP/schools.csv"
same "schools import: the region says what the district says" "$TMP/imp.d" "$TMP/imp.r"
grep -q "Added 3," "$TMP/imp.r" && ok "…three schools added" || { not_ok "…three schools added"; cat "$TMP/imp.r"; }
printf 'Код;Наименование\n0301;Школа 5\n0301;Школа 5\n' >"$TMP/bad.csv"
run --db "$PG_URL" district schools import "$TMP/bad.csv"
expect 1 "a list with a code twice is refused on the region, naming the line" --err "bad.csv:3" \
	--err "nothing was changed"
[ "$(region "SELECT count(*) FROM d_school WHERE code = '0301'")" = 0 ] && ok "…and nothing of it is stored" \
	|| not_ok "…and nothing of it is stored"
both "$TMP/list" schools
same "schools list: the region's is the district's" "$TMP/list.d" "$TMP/list.r"
"$ORIENTIR" --db "$PG_URL" district schools add 0401 "Школа 6" >"$TMP/add1" 2>&1 &
"$ORIENTIR" --db "$PG_URL" district schools add 0401 "Школа 6" >"$TMP/add2" 2>&1
rc2=$?
wait $!
rc1=$?
[ "$rc1$rc2" = 00 ] && [ "$(region "SELECT count(*) FROM d_school WHERE code = '0401'")" = 1 ] \
	&& ok "the same school added by two operators at once is on the list once" \
	|| not_ok "the same school added by two operators at once is on the list once ($rc1 $rc2)"
region "DELETE FROM d_school WHERE code = '0401'" >/dev/null

# --- the packages come; the settings ---
cp -r "$TMP/stick" "$TMP/stick-d"
mkdir -p "$TMP/stick-s" && cp -r "$TMP/stick/orientir-02"* "$TMP/stick-s/"
printf 'Код;Наименование\n0201;Школа 3\n0202;Школа 4\n' >"$TMP/south.csv"
"$ORIENTIR" --db "$SDB" district schools import "$TMP/south.csv" >/dev/null
"$ORIENTIR" --db "$SDB" district import "$TMP/stick-s" --received 2024-06-05 >/dev/null \
	|| not_ok "the southern office takes its packages"
"$ORIENTIR" --db "$DDB" district import "$TMP/stick-d" --received 2024-06-05 >/dev/null \
	|| not_ok "the district takes the packages"
run --db "$PG_URL" district import "$TMP/stick" --received 2024-06-05
expect 0 "the region takes the packages" --out "4 packages: 4 new"

both "$TMP/set" set threshold 25
same "set: the region says what the district says" "$TMP/set.d" "$TMP/set.r"
"$ORIENTIR" --db "$SDB" district set threshold 25 >/dev/null
[ "$(region "SELECT value FROM setting WHERE key = 'district.threshold'")" = 25 ] \
	&& ok "…and the region keeps it" || not_ok "…and the region keeps it ($(region "SELECT * FROM setting"))"
both "$TMP/set" set deficit-below 40
same "set deficit-below: the same on both" "$TMP/set.d" "$TMP/set.r"
both "$TMP/set" set threshold 101
same "a wrong setting is refused alike" "$TMP/set.d" "$TMP/set.r"
both "$TMP/risk" risk --year 2024 --format csv
cut -d, -f1-10 "$TMP/risk.r" >"$TMP/risk.r10"
same "risk under the new threshold: the region says what the district says" "$TMP/risk.d" "$TMP/risk.r10"
grep -q "^0202,.*,1,two_procedures\|^0201,.*,1," "$TMP/risk.r" && ok "…and the threshold moved the line" \
	|| not_ok "…and the threshold moved the line"

for c in "indicators --year 2024" "status --period 2024-H1" "risk --year 2024"; do
	# shellcheck disable=SC2086
	"$ORIENTIR" --db "$SDB" district $c --format csv >"$TMP/s.csv" 2>&1
	# shellcheck disable=SC2086
	"$ORIENTIR" --db "$PG_URL" district $c --format csv --district "Южный район" >"$TMP/r.csv" 2>&1
	[ "${c%% *}" = indicators ] || sed -i 's/,[^,]*$//' "$TMP/r.csv"
	same "${c%% *} --district: the region's is the district office's own" "$TMP/s.csv" "$TMP/r.csv"
done

# --- the region's report ---
run --db "$PG_URL" district export --period 2024-H1
expect 2 "the region's export needs --to" --err "--to"
run --db "$DDB" district export --period 2024-H1 --to "$TMP/dout" --district "Южный район"
expect 2 "--district on a district's export is refused" --err "--district goes with the region"
[ ! -e "$TMP/dout" ] && ok "…and nothing is written" || not_ok "…and nothing is written"
# export_all DB DIR [ARGS]: the export of 2024-H1 in rfc4180 into DIR, the
# folder in $E; its tables with LF line ends in $L, the region's district
# column (last) taken off into NAME.less.
export_all() {
	db=$1 dir=$2
	shift 2
	rm -rf "$dir" && mkdir -p "$dir"
	run --db "$db" district export --period 2024-H1 --to "$dir" --dialect rfc4180 "$@"
	E=$(ls -d "$dir"/orientir-* 2>/dev/null | head -1)
	L=$dir/lf
	mkdir -p "$L"
	for f in "$E"/*.csv; do
		tr -d '\r' <"$f" >"$L/${f##*/}"
		sed 's/,[^,]*$//' "$L/${f##*/}" >"$L/${f##*/}.less"
	done
}
export_all "$DDB" "$TMP/de"
expect 0 "the district's export is written"
D=$L
export_all "$PG_URL" "$TMP/re"
expect 0 "the region's export is written" --out "Written: $TMP/re/orientir-region-69-2024-H1" \
	--out "4 of 4 schools reported for 2024-H1" --no-out "stick"
R=$L
RE=$E
for f in report.html districts.csv status.csv indicators.csv risk.csv roadmap.csv SHA256SUMS SIGNATURE; do
	[ -s "$RE/$f" ] || not_ok "the region's report has $f"
done
(cd "$RE" && sha256sum -c --quiet SHA256SUMS) && ok "…every file of it in SHA256SUMS, sound" \
	|| not_ok "…every file of it in SHA256SUMS, sound"
grep -q "^public_key: $(region "SELECT encode(public, 'hex') FROM own_key")\$" "$RE/SIGNATURE" \
	&& ok "…signed with the region's key" || not_ok "…signed with the region's key"
same "status.csv: the region's is the district's, the district added" "$D/status.csv" "$R/status.csv.less"
grep -q "^Код ОО,.*,В срок,Район" "$R/status.csv" && grep -q "^0201,.*,Южный район\$" "$R/status.csv" \
	&& ok "…each school's district named last" || not_ok "…each school's district named last"
same "risk.csv: the region's is the district's, the district added" "$D/risk.csv" "$R/risk.csv.less"
grep -q ",Северный район\$" "$R/risk.csv" && ok "…each school's district named last" \
	|| not_ok "…each school's district named last"
sed 's/All schools of the region/All schools of the district/' "$R/indicators.csv" >"$TMP/ind"
same "indicators.csv: the region's is the district's" "$D/indicators.csv" "$TMP/ind"
grep -q "^,All schools of the region," "$R/indicators.csv" && ok "…its totals the region's" \
	|| not_ok "…its totals the region's"
same "roadmap.csv: the region's is the district's" "$D/roadmap.csv" "$R/roadmap.csv"
flagged=$(grep -c ',да,' "$R/risk.csv")
printf '%s\n' "Район,Полугодие,Школ,Отчёт получен,В срок,Низкие результаты" \
	"Северный район,2024-H1,2,2,2,$(grep ',да,.*,Северный район$' "$R/risk.csv" | wc -l)" \
	"Южный район,2024-H1,2,2,2,$(grep ',да,.*,Южный район$' "$R/risk.csv" | wc -l)" \
	"Итого,2024-H1,4,4,4,$flagged" >"$TMP/sum.csv"
same "districts.csv: schools expected, reported, on time and flagged by district" "$TMP/sum.csv" \
	"$R/districts.csv"
[ "$flagged" -ge 1 ] && ok "…a school flagged among them" || not_ok "…a school flagged among them"
grep -q "<h1>Region report</h1>" "$RE/report.html" && grep -q "<h2>Districts</h2>" "$RE/report.html" \
	&& [ "$(grep -c "Северный район" "$RE/report.html")" -ge 3 ] \
	&& ok "report.html: the region's title, the summary by district, each school's district" \
	|| not_ok "report.html: the region's title, the summary by district, each school's district"
[ "$(grep -o "<h2>[^<]*</h2>" "$RE/report.html" | tail -n +2)" = "$(grep -o "<h2>[^<]*</h2>" "$(dirname "$D")"/orientir-district-*/report.html)" ] \
	&& ok "…then the district's report, part by part" || not_ok "…then the district's report, part by part"
xmllint --noout "$RE/report.html" 2>"$TMP/err" && ok "…well-formed" || not_ok "…well-formed"

# one district: what its own office's file says of its schools
export_all "$SDB" "$TMP/se"
S=$L
export_all "$PG_URL" "$TMP/rs" --district "Южный район"
expect 0 "export --district writes one district's report" \
	--out "orientir-region-69-2024-H1-Южный_район" --out "2 of 2 schools reported"
R=$L
RE=$E
same "…its status.csv is its own office's" "$S/status.csv" "$R/status.csv.less"
same "…its risk.csv is its own office's" "$S/risk.csv" "$R/risk.csv.less"
same "…its indicators.csv, the district's totals summed again, is its own office's" "$S/indicators.csv" \
	"$R/indicators.csv"
same "…its roadmap.csv is its own office's" "$S/roadmap.csv" "$R/roadmap.csv"
[ "$(cat "$R/districts.csv")" = "$(printf '%s\n' "Район,Полугодие,Школ,Отчёт получен,В срок,Низкие результаты" \
	"Южный район,2024-H1,2,2,2,$(grep -c ',да,' "$R/risk.csv")")" ] \
	&& ok "…its summary the district's line alone" || not_ok "…its summary the district's line alone"
grep -q "<title>Region report — Тверская область — Южный район — " "$RE/report.html" \
	&& ! grep -q "Школа 1" "$RE/report.html" && ok "…its title names the district, no other district's school in it" \
	|| not_ok "…its title names the district, no other district's school in it"
run --db "$PG_URL" district export --period 2024-H1 --to "$TMP/rx" --district "Западный район"
expect 1 "a district the region has no school of is refused, naming those it has" \
	--err "no school of the district «Западный район»" --err "«Северный район», «Южный район»"
[ ! -e "$TMP/rx/orientir-region-69-2024-H1-Западный_район" ] && ok "…and nothing is written" \
	|| not_ok "…and nothing is written"
mkdir -p "$TMP/ru"
LC_ALL=ru_RU.UTF-8 LANGUAGE=ru run --db "$PG_URL" district export --period 2024-H1 --to "$TMP/ru"
expect 0 "in Russian" --out "Записан"
grep -q "<h2>Районы</h2>" "$TMP/ru"/orientir-region-*/report.html && ok "…the summary too" \
	|| not_ok "…the summary too"
# the region's page speaks of the region, not of a district: its charts,
# its deficits and who signs it
H=$(ls "$TMP/ru"/orientir-region-*/report.html)
grep -q "На диаграммах сначала все школы отчёта вместе" "$H" \
	&& grep -q "Руководитель органа управления образованием региона" "$H" \
	&& ! grep -q "сначала район в целом" "$H" && ! grep -q "дефициты района" "$H" \
	&& ok "…in the region's words, not a district's" || not_ok "…in the region's words, not a district's"

# --- held packages: a package of 0101 made by another database ---
"$ORIENTIR" --db "$TMP/fake.db" init --code 0101 --name "Школа 1" --district "Северный район" >/dev/null
for k in roster scales results; do "$ORIENTIR" --db "$TMP/fake.db" import $k "$TMP/in/0101/$k.csv" >/dev/null; done
sleep 1
mkdir -p "$TMP/fake" && "$ORIENTIR" --db "$TMP/fake.db" export --period 2024-H1 --to "$TMP/fake" >/dev/null
cp -r "$TMP/fake" "$TMP/fake-d"
"$ORIENTIR" --db "$DDB" district import "$TMP/fake-d" --received 2024-06-07 >/dev/null
run --db "$PG_URL" district import "$TMP/fake" --received 2024-06-07
expect 0 "the region holds a package signed by another key than its school's" --out "1 held"
both "$TMP/held" held --format csv
same "held --format csv: the region says what the district says" "$TMP/held.d" "$TMP/held.r"
both "$TMP/held" held
same "held: the same table" "$TMP/held.d" "$TMP/held.r"
ID=$(region "SELECT max(id) FROM d_held")

# a role that may only read: every write refused, nothing changed
psql_region "CREATE ROLE reader LOGIN PASSWORD 'r3ad'; GRANT USAGE ON SCHEMA public TO reader;
	GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" >/dev/null
READER="postgresql://reader:r3ad@/region?host=$PGDIR"
whole="SELECT (SELECT string_agg(code || name || listed, ',' ORDER BY code) FROM d_school) ||
	(SELECT string_agg(key || value, ',' ORDER BY key) FROM setting) ||
	(SELECT string_agg(id || decision, ',' ORDER BY id) FROM d_held) || (SELECT count(*) FROM d_held_file) ||
	(SELECT string_agg(digest, ',' ORDER BY digest) FROM d_package)"
before=$(region "$whole")
run --db "$READER" district held
expect 0 "a role that may only read lists the held packages" --out "0101 Школа 1"
run --db "$READER" district schools
expect 0 "…and the list of schools" --out "0202"
printf 'Код;Наименование\n0501;Школа 7\n' >"$TMP/new.csv"
for c in "accept $ID" "reject $ID" "schools add 0501 Школа" "schools import $TMP/new.csv" "set threshold 40"; do
	# shellcheck disable=SC2086
	LC_ALL=ru_RU.UTF-8 LANGUAGE=ru run --db "$READER" district $c
	expect 1 "…its ${c% *} is refused, said plainly" --err "не даёт этому пользователю вносить изменения"
done
[ "$(region "$whole")" = "$before" ] && ok "…and nothing was changed" || not_ok "…and nothing was changed"

# two operators accept the same package at once: one takes it, the other is told
"$ORIENTIR" --db "$PG_URL" district accept "$ID" >"$TMP/acc1" 2>&1 &
"$ORIENTIR" --db "$PG_URL" district accept "$ID" >"$TMP/acc2" 2>&1
rc2=$?
wait $!
rc1=$?
[ $((rc1 + rc2)) = 1 ] && ok "two accepts of one package at once: one succeeds" \
	|| { not_ok "two accepts of one package at once: one succeeds ($rc1 $rc2)"; cat "$TMP/acc1" "$TMP/acc2"; }
cat "$TMP/acc1" "$TMP/acc2" | grep -c "replaces the earlier version" | grep -qx 1 \
	&& grep -q "package number $ID was accepted already" "$TMP/acc1" "$TMP/acc2" \
	&& ok "…the other is told it was accepted already" \
	|| { not_ok "…the other is told it was accepted already"; cat "$TMP/acc1" "$TMP/acc2"; }
[ "$(region "SELECT decision FROM d_held WHERE id = $ID")" = accepted ] \
	&& [ "$(region "SELECT count(*) FROM d_package WHERE school_code = '0101'")" = 1 ] \
	&& [ "$(region "SELECT count(*) FROM d_held_file")" = 0 ] \
	&& ok "…the package stored once, the decision kept" || not_ok "…the package stored once, the decision kept"
"$ORIENTIR" --db "$DDB" district accept 1 >/dev/null 2>&1 || not_ok "the district accepts its held package"
both "$TMP/st" status --period 2024-H1 --format csv
cut -d, -f1-7 "$TMP/st.r" >"$TMP/st.r7"
same "…and status says the same on both after it" "$TMP/st.d" "$TMP/st.r7"
# reject: a second package of another key, refused, then refused again
sleep 1
rm -rf "$TMP/fake2" && mkdir -p "$TMP/fake2"
"$ORIENTIR" --db "$TMP/0102.db" export --period 2024-H1 --to "$TMP/fake2" >/dev/null
P=$(ls -d "$TMP/fake2"/orientir-*)
rm -f "$P/SIGNATURE"
run --db "$PG_URL" district import "$TMP/fake2"
expect 0 "an unsigned package of a school with a pinned key is held" --out "1 held"
run --db "$PG_URL" district reject --school 0102
expect 0 "reject --school works on the region" --out "rejected"
run --db "$PG_URL" district import "$TMP/fake2"
expect 1 "…and the same package again is refused" --err "rejected this very package"

# a school listed under one name whose package gives another: confirmed alike
school 0701 "Школа 10" "Северный район" "ВПР:Математика:5:2024:5:1"
for db in "$DDB" "$PG_URL"; do
	"$ORIENTIR" --db "$db" district schools add 0701 "Школа десять" >/dev/null
	"$ORIENTIR" --db "$db" district import "$TMP/stick/orientir-0701-2024-H1" --received 2024-06-05 >/dev/null \
		|| not_ok "the package of 0701 comes in"
	rm -f "$TMP/stick/orientir-0701-2024-H1/receipt.txt"
done
both "$TMP/list" schools
same "schools list: the other name noted alike" "$TMP/list.d" "$TMP/list.r"
grep -q "its package says «Школа 10»: confirm" "$TMP/list.r" && ok "…on the region too" \
	|| not_ok "…on the region too"
both "$TMP/conf" schools confirm 0701
same "schools confirm: the region says what the district says" "$TMP/conf.d" "$TMP/conf.r"
[ "$(region "SELECT name || ':' || coalesce(other_name, '-') FROM d_school WHERE code = '0701'")" = "Школа 10:-" ] \
	&& ok "…the package's name taken, the note gone" || not_ok "…the package's name taken, the note gone"

# the report read by a role that may only read
rm -rf "$TMP/rr" && mkdir -p "$TMP/rr"
run --db "$READER" district export --period 2024-H1 --to "$TMP/rr"
expect 0 "a role that may only read writes the region's report" --out "orientir-region-69-2024-H1"

# a district's name with a slash and spaces: the folder's name keeps it safe
school 0601 "Школа 9" "Торжок/район" "ВПР:Математика:5:2024:5:1"
run --db "$PG_URL" district import "$TMP/stick/orientir-0601-2024-H1"
expect 0 "a school of a district named with a slash comes in" --out "1 new"
rm -rf "$TMP/slash" && mkdir -p "$TMP/slash"
run --db "$PG_URL" district export --period 2024-H1 --to "$TMP/slash" --district "Торжок/район"
expect 0 "…its district's report is written" --out "orientir-region-69-2024-H1-Торжок_район"
[ "$(ls "$TMP/slash")" = "orientir-region-69-2024-H1-Торжок_район" ] && ok "…into one folder, the slash made safe" \
	|| not_ok "…into one folder, the slash made safe ($(ls "$TMP/slash"))"

echo "# $passed passed, $failed failed"
[ $failed = 0 ]
