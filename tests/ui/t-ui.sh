#!/bin/sh
# The terminal interface end to end: the real orientir on a pseudo-terminal
# read through libvterm (vtrun), in Russian, under TERM=linux and
# TERM=xterm-256color at 80x24; what it saved checked with the command line.
. "$(dirname "$0")/lib.sh"
# The day every screen sees (lib.sh), as the fixtures below need it.
year=${ORIENTIR_TODAY%%-*}
month=${ORIENTIR_TODAY#*-}
month=${month%-*}
month=${month#0}

for term in linux xterm-256color; do
	db="$TMP/$term-first.db"
	vt $term first-run.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT code || '|' || name || '|' || district || '|' || role FROM school")" \
		"0101|Сосновская ООШ|Северный район|school" "the first-run form created the school ($term)"

	db="$TMP/$term-resize.db"
	school "$db"
	vt $term resize-help.vt "$db"
done

# The roadmap screen on a table whose deadlines are all past.
for term in linux xterm-256color; do
	db="$TMP/$term-roadmap.db"
	school "$db"
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2025 --title "План Озёрной СОШ" >/dev/null
	vt $term roadmap.vt "$db"
	check "$("$ORIENTIR" --db "$db" roadmap list --status done --format csv | awk -F, 'NR > 1 { print $2 "|" $10 }')" \
		"1|done" "the activity marked done in the screen is done for the command line ($term)"
	check "$("$SQLITE3" "$db" "SELECT evidence FROM activity WHERE status = 'done'")" \
		"Проведена в 5–9 классах, 45 работ" "…with its evidence ($term)"
done

# Reports: the package written from the screen verifies.
for term in linux xterm-256color; do
	db="$TMP/$term-reports.db"
	school "$db"
	stick="$TMP/$term-stick"
	mkdir -p "$stick"
	# (an assignment before a function call does not reach its children in every sh)
	home=$HOME
	HOME=$stick
	vt $term reports.vt "$db"
	HOME=$home
	pkg=$(ls -d "$stick"/orientir-0101-*-H? 2>/dev/null | head -1)
	if [ -n "$pkg" ] && (cd "$pkg" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1; then
		ok "the package written from the screen verifies ($term)"
	else
		not_ok "the package written from the screen verifies ($term)"
	fi
	check "$(ls "$stick" | grep -c '\.db$')" 1 "…and the backup is beside it ($term)"
done

# The district office: three schools' packages, built and exported through
# the command line, taken in by a district that also expects a fourth.
# dschool CODE NAME: a school whose results come on stdin as «procedure;
# subject;grade;year;code;score;journal mark» lines; its package goes to
# the stick.
dschool() {
	cat >"$TMP/d-rows.csv"
	{ echo 'Класс;Код'; awk -F';' '{ print $3 "А;" $5 }' "$TMP/d-rows.csv" | sort -u; } >"$TMP/d-roster.csv"
	{ echo 'Процедура;Предмет;Параллель;Год;Код;Балл;Отметка по журналу;Класс'
	  awk -F';' '{ print $0 ";" $3 "А" }' "$TMP/d-rows.csv"; } >"$TMP/d-results.csv"
	"$ORIENTIR" --db "$TMP/d-$1.db" init --code "$1" --name "$2" >/dev/null &&
	"$ORIENTIR" --db "$TMP/d-$1.db" import roster "$TMP/d-roster.csv" >/dev/null &&
	"$ORIENTIR" --db "$TMP/d-$1.db" import scales "$TMP/d-scales.csv" >/dev/null &&
	"$ORIENTIR" --db "$TMP/d-$1.db" import results "$TMP/d-results.csv" >/dev/null &&
	ORIENTIR_TODAY=2026-06-10 "$ORIENTIR" --db "$TMP/d-$1.db" export --period 2026-H1 --to "$TMP/d-stick" >/dev/null
}
mkdir -p "$TMP/d-stick"
{
	echo 'Процедура;Предмет;Параллель;Год;Макс. балл;Мин. балл;Балл на 4;Балл на 5'
	for y in 2025 2026; do
		printf 'ВПР;Математика;5;%s;20;5;10;15\nВПР;Русский язык;5;%s;20;5;10;15\n' $y $y
	done
	printf 'ОГЭ;Математика;9;2026;20;5;10;15\nОГЭ;Русский язык;9;2026;20;5;10;15\n'
	printf 'ЕГЭ;Математика (профильный уровень);11;2026;20;5;10;15\n'
} >"$TMP/d-scales.csv"
# Алексеевская: 2 of 4 below the minimum in ВПР mathematics and 3 of 4 in
# ОГЭ in 2026 (two procedures: flagged, worst 75 %); 1 of 4 in 2025.
dschool 0201 "МКОУ «Алексеевская ООШ»" <<'EOF'
ВПР;Математика;5;2026;А1;3;3
ВПР;Математика;5;2026;А2;4;4
ВПР;Математика;5;2026;А3;12;4
ВПР;Математика;5;2026;А4;16;5
ОГЭ;Математика;9;2026;А5;2;3
ОГЭ;Математика;9;2026;А6;3;3
ОГЭ;Математика;9;2026;А7;4;3
ОГЭ;Математика;9;2026;А8;12;4
ВПР;Математика;5;2025;А9;3;3
ВПР;Математика;5;2025;А10;11;4
ВПР;Математика;5;2025;А11;12;4
ВПР;Математика;5;2025;А12;13;4
EOF
# Борковская: ВПР Russian, 3 of 5 below in 2026 and 2 of 5 in 2025: the
# same procedure two years running, flagged in 2026 but not in 2025. One
# pupil of ЕГЭ mathematics, above the minimum: a subject with a long name.
dschool 0202 "МКОУ «Борковская СОШ»" <<'EOF'
ВПР;Русский язык;5;2026;Б1;1;3
ВПР;Русский язык;5;2026;Б2;2;3
ВПР;Русский язык;5;2026;Б3;3;3
ВПР;Русский язык;5;2026;Б4;10;4
ВПР;Русский язык;5;2026;Б5;12;4
ВПР;Математика;5;2026;Б1;10;4
ВПР;Математика;5;2026;Б2;11;4
ВПР;Математика;5;2026;Б3;12;4
ВПР;Математика;5;2026;Б4;13;4
ВПР;Математика;5;2026;Б5;14;4
ВПР;Русский язык;5;2025;Б6;1;3
ВПР;Русский язык;5;2025;Б7;2;3
ВПР;Русский язык;5;2025;Б8;10;4
ВПР;Русский язык;5;2025;Б9;11;4
ВПР;Русский язык;5;2025;Б10;12;4
ЕГЭ;Математика (профильный уровень);11;2026;Б11;15;5
EOF
# Вязовская: ВПР mathematics, 2 of 5 below in 2026 (low in one procedure
# only: not flagged), none in 2025.
dschool 0203 "МКОУ «Вязовская НОШ»" <<'EOF'
ВПР;Математика;5;2026;В1;2;3
ВПР;Математика;5;2026;В2;3;3
ВПР;Математика;5;2026;В3;11;4
ВПР;Математика;5;2026;В4;12;4
ВПР;Математика;5;2026;В5;13;4
ВПР;Математика;5;2025;В6;10;4
ВПР;Математика;5;2025;В7;10;4
ВПР;Математика;5;2025;В8;10;4
ВПР;Математика;5;2025;В9;11;4
ВПР;Математика;5;2025;В10;12;4
EOF
for term in linux xterm-256color; do
	db="$TMP/$term-district.db"
	"$ORIENTIR" --db "$db" init --code R1 --name "ИМЦ Северного района" --role district >/dev/null
	"$ORIENTIR" --db "$db" district schools add 0201 "МКОУ «Алексеевская ООШ»" >/dev/null
	"$ORIENTIR" --db "$db" district schools add 0202 "МКОУ «Борковская СОШ»" >/dev/null
	"$ORIENTIR" --db "$db" district schools add 0203 "МКОУ «Вязовская НОШ»" >/dev/null
	"$ORIENTIR" --db "$db" district import "$TMP/d-stick" --received 2026-06-15 >/dev/null
	"$ORIENTIR" --db "$db" district schools add 0204 \
		"Муниципальное казённое общеобразовательное учреждение «Горная начальная общеобразовательная школа имени Героя Советского Союза П. П. Петрова»" >/dev/null
	check "$("$ORIENTIR" --db "$db" district risk --year 2026 --format csv | awk -F, '$4 == 1 { printf "%s ", $1 }')" \
		"0201 0202 " "the rule flags the two schools the screen must list first ($term)"
	vt $term district-risk.vt "$db"
	vt $term district-indicators.vt "$db"
done

# Export in the district role: the report written from the screen verifies.
period=$year-H$([ "$month" -le 6 ] && echo 1 || echo 2)
for term in linux xterm-256color; do
	sdb="$TMP/$term-dschool.db" db="$TMP/$term-dexport.db" stick="$TMP/$term-dexport-stick"
	mkdir -p "$stick/in"
	"$ORIENTIR" --db "$sdb" init --code 0101 --name "Школа Альфа" >/dev/null &&
	"$ORIENTIR" --db "$sdb" export --period "$period" --to "$stick/in" >/dev/null &&
	"$ORIENTIR" --db "$db" init --code R-01 --name "ИМЦ" --role district >/dev/null &&
	"$ORIENTIR" --db "$db" district schools add 0101 "Школа Альфа" >/dev/null &&
	"$ORIENTIR" --db "$db" district schools add 0103 "Школа Гамма" >/dev/null &&
	"$ORIENTIR" --db "$db" district import "$stick/in" >/dev/null
	home=$HOME
	HOME=$stick
	vt $term dexport.vt "$db"
	HOME=$home
	rep=$(ls -d "$stick"/orientir-district-R-01-* 2>/dev/null | head -1)
	if [ -n "$rep" ] && (cd "$rep" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 &&
		grep -q 'Школа Гамма' "$rep/report.html"; then
		ok "the district's report written from the screen verifies ($term)"
	else
		not_ok "the district's report written from the screen verifies ($term)"
	fi
done

# The district's Export screen writes the roadmap chosen of two for the
# schools.
for term in linux xterm-256color; do
	db="$TMP/$term-dxroadmap.db" stick="$TMP/$term-dxroadmap"
	mkdir -p "$stick"
	"$ORIENTIR" --db "$db" init --code R-01 --name "ИМЦ" --role district >/dev/null
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2025 --title "План на 2025 год" >/dev/null
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/belomorsky-2022.csv" --years 2026-2027 \
		--title "План на 2026/27 учебный год" >/dev/null 2>&1
	home=$HOME
	HOME=$stick
	vt $term dexport-roadmap.vt "$db"
	HOME=$home
	check "$(ls "$stick" | tr '\n' ' ')|$(head -1 "$stick/roadmap-2025.csv" 2>/dev/null | tr -d '\r')" \
		"roadmap-2025.csv |$(printf '\357\273\277')orientir-roadmap-1;2025;План на 2025 год;;" \
		"the roadmap chosen is written, and only it ($term)"
done

# The district writes its roadmap from the Roadmap screen; a school
# importing that file gets the same roadmap.
for term in linux xterm-256color; do
	db="$TMP/$term-droadmap.db"
	"$ORIENTIR" --db "$db" init --code R1 --name "ИМЦ" --role district >/dev/null
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2025 >/dev/null
	stick="$TMP/$term-rmstick"
	mkdir -p "$stick"
	home=$HOME
	HOME=$stick
	vt $term roadmap-write.vt "$db"
	HOME=$home
	sdb="$TMP/$term-rmschool.db"
	school "$sdb"
	"$ORIENTIR" --db "$sdb" import roadmap "$stick/roadmap-2025.csv" >/dev/null 2>&1
	check "$("$ORIENTIR" --db "$sdb" roadmap list --format csv | md5sum)" \
		"$("$ORIENTIR" --db "$db" roadmap list --format csv | md5sum)" "the roadmap written from the screen imports the same ($term)"
done

# The roadmap imported from the Roadmap screen (district) and from the
# Import screen (school): the same as through the command line; a refused
# table, a refused year range and Esc after the check change nothing.
rmrow() { "$SQLITE3" "$1" "SELECT title || '|' || source || '|' || first_year || '-' || last_year || '|' || preamble FROM roadmap"; }
for term in linux xterm-256color; do
	db="$TMP/$term-rmimport.db" cdb="$TMP/$term-rmimport-cli.db" rmhome="$TMP/$term-rmhome"
	mkdir -p "$rmhome"
	cp "$FIXTURES/roadmap/broken.csv" "$FIXTURES/roadmap/noheader.csv" "$rmhome/"
	"$ORIENTIR" --db "$db" init --code R1 --name "ИМЦ" --role district >/dev/null
	"$SQLITE3" "$db" .dump >"$TMP/rm-before.sql"
	home=$HOME
	HOME=$rmhome
	vt $term rmimport-refused.vt "$db"
	"$SQLITE3" "$db" .dump >"$TMP/rm-after.sql"
	same_dump "$TMP/rm-before.sql" "$TMP/rm-after.sql" "a refused table, years or a check left with Esc change nothing ($term)"
	vt $term rmimport.vt "$db"
	HOME=$home
	"$ORIENTIR" --db "$cdb" init --code R1 --name "ИМЦ" --role district >/dev/null
	"$ORIENTIR" --db "$cdb" import roadmap "$rmhome/broken.csv" --years 2025 --title "План Озёрной СОШ на 2025 год" >/dev/null
	check "$("$ORIENTIR" --db "$db" roadmap list --format csv | md5sum)|$(rmrow "$db" | md5sum)" \
		"$("$ORIENTIR" --db "$cdb" roadmap list --format csv | md5sum)|$(rmrow "$cdb" | md5sum)" \
		"the roadmap imported from the screen is the command line's ($term)"
	check "$("$ORIENTIR" --db "$db" roadmap list --format csv | grep -c ',planned,')" 6 "…all six activities ($term)"
	# A corrected version, written by orientir with another title.
	"$ORIENTIR" --db "$db" roadmap set 1 --section I --status done --date 2025-09-20 >/dev/null
	"$ORIENTIR" --db "$cdb" import roadmap "$rmhome/broken.csv" --years 2025 --title "Дорожная карта Озёрной СОШ" >/dev/null
	"$ORIENTIR" --db "$cdb" roadmap write "$rmhome" >/dev/null
	# (one deadline corrected)
	sed -i 's/ежеквартально/ежемесячно/' "$rmhome/roadmap-2025.csv"
	HOME=$rmhome
	vt $term rmimport-again.vt "$db"
	HOME=$home
	check "$("$ORIENTIR" --db "$db" roadmap list --status done --format csv | awk -F, 'NR > 1 { print $2 "|" $11 }')" \
		"1|2025-09-20" "the activity done before the corrected version is still done ($term)"
	check "$("$SQLITE3" "$db" "SELECT title || '|' || first_year || '-' || last_year FROM roadmap")" \
		"Дорожная карта Озёрной СОШ|2025-2025" "…and the roadmap has the file's title, still one roadmap ($term)"

	sdb="$TMP/$term-rmimport-school.db" cdb="$TMP/$term-rmimport-school-cli.db"
	school "$sdb"
	school "$cdb"
	"$ORIENTIR" --db "$cdb" import roadmap "$rmhome/broken.csv" --years 2025 >/dev/null
	HOME=$rmhome
	vt $term rmimport-school.vt "$sdb"
	HOME=$home
	check "$("$ORIENTIR" --db "$sdb" roadmap list --format csv | md5sum)|$(rmrow "$sdb" | md5sum)" \
		"$("$ORIENTIR" --db "$cdb" roadmap list --format csv | md5sum)|$(rmrow "$cdb" | md5sum)" \
		"the roadmap imported from the school's Import screen is the command line's ($term)"
done

# Reports: each roadmap meeting the half-year under its own title.
for term in linux xterm-256color; do
	db="$TMP/$term-rmreports.db"
	school "$db"
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2026 --title "План Озёрной СОШ на 2026 год" \
		--order-number 5 --order-date 2025-12-20 >/dev/null 2>&1
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/belomorsky-2022.csv" --years 2026-2027 \
		--title "Дорожная карта района" >/dev/null 2>&1
	"$ORIENTIR" --db "$db" roadmap set 1 --years 2026 --section I --status done --date 2026-09-20 >/dev/null
	vt $term reports-roadmaps.vt "$db"
done

# Roadmaps as districts send them (issue 13), from the Roadmap screen of a
# school with the roadmap for 2025: a document without deadlines asks
# before importing (Enter and Esc there change nothing); the Word order's
# years, title and order fill the form, and it is kept beside the first,
# F8 switching between them; then «Да» to the document without deadlines.
for term in linux xterm-256color; do
	db="$TMP/$term-rmdocs.db" rmhome="$TMP/$term-rmdocs"
	mkdir -p "$rmhome"
	cp "$FIXTURES/roadmap/docs/belomorsky-2022.docx" "$FIXTURES/roadmap/docs/no-deadline.docx" "$rmhome/"
	school "$db"
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2025 --title "План Озёрной СОШ на 2025 год" >/dev/null
	"$SQLITE3" "$db" .dump >"$TMP/rmdocs-before.sql"
	home=$HOME
	HOME=$rmhome
	vt $term rmimport-nodeadline.vt "$db"
	"$SQLITE3" "$db" .dump >"$TMP/rmdocs-after.sql"
	same_dump "$TMP/rmdocs-before.sql" "$TMP/rmdocs-after.sql" "«Нет» and Esc to a table without deadlines change nothing ($term)"
	vt $term rmimport-order.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT first_year || '-' || last_year || '|' || order_number || '|' || order_date || '|' || (SELECT count(*) FROM activity a WHERE a.roadmap_id = r.id) FROM roadmap r ORDER BY first_year" | tr '\n' ' ')" \
		"2022-2022|17|2022-02-01|21 2025-2025|||6 " \
		"the Word order's roadmap is kept beside the first, with its order ($term)"
	vt $term rmimport-nodeadline-yes.vt "$db"
	HOME=$home
	check "$("$ORIENTIR" --db "$db" roadmap list --years 2025 --format csv | awk -F, 'NR > 1 { n++; if ($5 != "") d++ } END { print n "|" d + 0 }')" \
		"2|0" "«Да» imports the table without deadlines: 2 activities, none with a deadline ($term)"
done

# Reports: the district's receipts beside the packages, read from the stick.
# The district knows the school by another name: its receipts say what the
# school can do about it.
for term in linux xterm-256color; do
	db="$TMP/$term-receipts.db" ddb="$TMP/$term-rdistrict.db"
	school "$db"
	stick="$TMP/$term-rstick"
	mkdir -p "$stick"
	for p in 2023-H2 2024-H1 2024-H2 2025-H1 2025-H2; do
		ORIENTIR_TODAY=2026-06-10 "$ORIENTIR" --db "$db" export --period $p --to "$stick" >/dev/null
	done
	echo "изменено" >>"$stick/orientir-0101-2024-H2/staff.csv"
	"$ORIENTIR" --db "$ddb" init --code R1 --name "ИМЦ" --role district >/dev/null
	"$ORIENTIR" --db "$ddb" district schools add 0101 "МКОУ «Тестовая СОШ»" >/dev/null
	"$ORIENTIR" --db "$ddb" district import "$stick/orientir-0101-2023-H2" "$stick/orientir-0101-2024-H1" \
		"$stick/orientir-0101-2024-H2" "$stick/orientir-0101-2025-H2" --received 2026-06-18 >/dev/null 2>&1
	check "$(grep -c '^remark: в районе код 0101 записан как «МКОУ „Тестовая СОШ“», а в пакете — «Тестовая школа»: если' \
		"$stick/orientir-0101-2024-H1/receipt.txt")" 1 "the district's receipt says what the school can do about its name ($term)"
	# (the remark an orientir before 2026-12 wrote for the methodist, on a
	# receipt it did not sign)
	sed -i -e 's/^remark: .*/remark: в пакете школа названа «Тестовая школа», а в районе код 0101 записан как «МКОУ «Тестовая СОШ»»: подтвердите, какое название верно/' \
		-e '/^district_key:/d' -e '/^signature:/d' "$stick/orientir-0101-2023-H2/receipt.txt"
	# (the receipt of another version of 2025-H2, made the next day, copied
	# along with the folder)
	cp "$stick/orientir-0101-2025-H2/receipt.txt" "$TMP/receipt-2025-H2"
	ORIENTIR_TODAY=2026-06-19 "$ORIENTIR" --db "$db" export --period 2025-H2 --to "$stick" >/dev/null
	cp "$TMP/receipt-2025-H2" "$stick/orientir-0101-2025-H2/receipt.txt"
	home=$HOME
	HOME=$stick
	vt $term receipts.vt "$db"
	HOME=$home
done

# The Import screen's check: the kind chosen, every problem whole; the
# folder remembered. HOME holds a folder with a results file of 25 scores
# over the maximum and two unknown columns.
mkdir -p "$TMP/check-home/ВПР 2025"
{
	echo 'Процедура;Предмет;Параллель;Год;Класс;Код;Балл;Комментарий учителя к работе;Подпись ответственного за проведение'
	for i in $(seq 1 25); do echo "ВПР;Математика;5;2025;5А;А1;$((20 + i));;"; done
} >"$TMP/check-home/ВПР 2025/математика.csv"
home=$HOME
HOME=$TMP/check-home
for term in linux xterm-256color vt100; do
	db="$TMP/$term-import-check.db"
	school "$db"
	"$SQLITE3" "$db" .dump >"$TMP/check-before.sql"
	if [ $term = vt100 ]; then
		vt $term import-check-mono.vt "$db"
	else
		vt $term import-check.vt "$db"
	fi
	"$SQLITE3" "$db" "DELETE FROM setting WHERE key = 'ui.import.dir'"
	"$SQLITE3" "$db" .dump >"$TMP/check-after.sql"
	if cmp -s "$TMP/check-before.sql" "$TMP/check-after.sql"; then
		ok "a file checked with errors changed nothing but the folder remembered ($term)"
	else
		not_ok "a file checked with errors changed nothing but the folder remembered ($term)"
	fi
done
HOME=$home

# The demo district says where its stick is and opens its Import screen on
# it.
for term in linux xterm-256color; do
	dir="$TMP/${term%%-*}-demo"
	mkdir -p "$dir"
	if "$VTRUN" --term $term --timeout 20 "$here/district-demo.vt" -- "$ORIENTIR" --db "$dir/d.db" demo --district \
		>"$TMP/log" 2>&1; then
		ok "district-demo.vt ($term)"
	else
		not_ok "district-demo.vt ($term)"
		sed 's/^/#   /' "$TMP/log"
	fi
done

db="$TMP/vt100.db"
school "$db"
vt vt100 vt100.vt "$db"

# The district office. Schools' databases made through the command line
# give the packages: 0101's for the half-year before this one (its deadline
# is always past), and a stick of 2023-H2 and 2024-H1 packages.
home=$HOME
if [ "$month" -le 6 ]; then
	prev="$((year - 1))-H2" prev_day="$((year - 1))-12-01" half_now=1 half_end=30.06
else
	prev="$year-H1" prev_day="$year-06-01" half_now=2 half_end=31.12
fi
dpk="$TMP/district-packages"
mkdir -p "$dpk/last" "$dpk/stick" "$TMP/district-home"
"$ORIENTIR" --db "$TMP/d-s1.db" init --code 0101 --name "Школа № 1" >/dev/null
for k in roster scales results; do
	"$ORIENTIR" --db "$TMP/d-s1.db" import $k "$FIXTURES/indicators/$k.csv" >/dev/null
done
"$ORIENTIR" --db "$TMP/d-s2.db" init --code 0202 --name "Школа № 2" >/dev/null
"$ORIENTIR" --db "$TMP/d-s3.db" init --code 0303 --name "Школа № 3" >/dev/null
# Each package is made before its stick comes (ORIENTIR_TODAY).
ORIENTIR_TODAY=$prev_day "$ORIENTIR" --db "$TMP/d-s1.db" export --period "$prev" --to "$dpk/last" >/dev/null
# 2024-H1 first: 2023-H2, made after it, keeps the results of 2023.
for p in 2024-H1 2023-H2; do
	ORIENTIR_TODAY=2024-06-10 "$ORIENTIR" --db "$TMP/d-s1.db" export --period $p --to "$dpk/stick" >/dev/null
	ORIENTIR_TODAY=2024-06-10 "$ORIENTIR" --db "$TMP/d-s2.db" export --period $p --to "$dpk/stick" >/dev/null
done
ORIENTIR_TODAY=2024-06-10 "$ORIENTIR" --db "$TMP/d-s3.db" export --period 2024-H1 --to "$dpk/stick" >/dev/null
echo "changed after it was written" >>"$dpk/stick/orientir-0303-2024-H1/staff.csv"
printf 'Код;Наименование\n0505;Школа № 5\n' >"$TMP/district-home/schools.csv"
# district DB: a district office's database.
district() { "$ORIENTIR" --db "$1" init --code R1 --name "Методический центр" --role district >/dev/null; }
# listed DB: a district office's database expecting 0101, 0202 and 0303
# under their packages' names.
listed() {
	district "$1" &&
	for s in "0101|Школа № 1" "0202|Школа № 2" "0303|Школа № 3"; do
		"$ORIENTIR" --db "$1" district schools add "${s%%|*}" "${s#*|}" >/dev/null
	done
}
# schools_db DB: 0101 listed under another name than its package's, received
# by the deadline; 0202 listed, with no package; this half-year awaited.
schools_db() {
	district "$1" &&
	"$ORIENTIR" --db "$1" district schools add 0101 "МКОУ «Первая школа»" >/dev/null &&
	"$ORIENTIR" --db "$1" district schools add 0202 "Школа № 2" >/dev/null &&
	"$ORIENTIR" --db "$1" district import "$dpk/last" --received "$prev_day" >/dev/null &&
	"$ORIENTIR" --db "$1" district set deadline-h$half_now $half_end >/dev/null
}
# status DB PERIOD: code|name|received|on_time of every school.
status() {
	"$ORIENTIR" --db "$1" district status --period "$2" --format csv |
		awk -F, 'NR > 1 { printf "%s|%s|%s|%s ", $1, $2, $4, $7 }'
}
for term in linux xterm-256color; do
	db="$TMP/$term-dschools.db"
	schools_db "$db"
	HOME=$TMP/district-home
	vt $term dschools.vt "$db"
	HOME=$home
	check "$(status "$db" "$prev")" \
		"0101|Школа № 1|1|1 0202|Школа № 2|0|0 0303|Школа № 3|0|0 0505|Школа № 5|0|0 " \
		"the Schools screen took the package's name, added 0303 (not 0404) and imported 0505 ($term)"

	db="$TMP/$term-dimport.db"
	listed "$db"
	stick="$TMP/$term-dstick"
	cp -r "$dpk/stick" "$stick"
	HOME=$stick
	vt $term dimport.vt "$db"
	HOME=$home
	check "$(status "$db" 2024-H1)" "0101|Школа № 1|1|0 0202|Школа № 2|1|0 0303|Школа № 3|0|0 " \
		"the packages taken in from the screen are the district's (late); the damaged one left nothing ($term)"
	check "$(cat "$stick"/*/receipt.txt | grep -c '^outcome: ')" 5 "…and each package has its receipt ($term)"
	check "$(sed -n 's/^outcome: //p' "$stick/orientir-0303-2024-H1/receipt.txt")" refused \
		"…the damaged one's saying it was refused ($term)"

	db="$TMP/$term-dsettings.db"
	listed "$db"
	cp -r "$dpk/stick/orientir-0101-2024-H1" "$TMP/$term-dsettings-pkg"
	"$ORIENTIR" --db "$db" district import "$TMP/$term-dsettings-pkg" --received 2024-06-15 >/dev/null
	vt $term dsettings-bad.vt "$db"
	check "$(status "$db" 2024-H1)|$("$SQLITE3" "$db" "SELECT count(*) FROM setting WHERE key LIKE 'district.%'")" \
		"0101|Школа № 1|1|1 0202|Школа № 2|0|0 0303|Школа № 3|0|0 |0" \
		"a wrong threshold in Settings saves nothing, not even the deadline beside it ($term)"
	vt $term dsettings.vt "$db"
	check "$(status "$db" 2024-H1)" "0101|Школа № 1|1|0 0202|Школа № 2|0|0 0303|Школа № 3|0|0 " \
		"the deadline moved to 10.06 in Settings makes the package of the 15th late ($term)"
done
db="$TMP/vt100-dschools.db"
schools_db "$db"
vt vt100 dschools-mono.vt "$db"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
