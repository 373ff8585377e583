#!/bin/sh
# roadmap write: the district's roadmap written as the contract's table and
# imported into a school gives the same roadmap (activities, sections, their
# notes, the text above the table, years and title); written again from the
# school it is the same file byte for byte; the district's own progress
# stays at home; a folder that cannot be written is told and left as it was.
. "$TESTS_SRCDIR/cli/lib.sh"
R="$FIXTURES/roadmap"
D="$TMP/district.db"
"$ORIENTIR" --db "$D" init --code R1 --name "ИМЦ" --role district >/dev/null

# The district's database and a school's hold the same roadmap.
same_db() { # SCHOOL_DB DESCRIPTION
	for q in "SELECT title || '|' || first_year || '|' || last_year || '|' || preamble FROM roadmap" \
		"SELECT number || '|' || title || '|' || notes FROM roadmap_section ORDER BY sort"; do
		"$SQLITE3" "$D" "$q" >"$TMP/q-district"
		"$SQLITE3" "$1" "$q" >"$TMP/q-school"
		cmp -s "$TMP/q-district" "$TMP/q-school" || break
	done
	if cmp -s "$TMP/q-district" "$TMP/q-school"; then ok "$2"; else
		failed=$((failed + 1)); echo "not ok - $2"; diff "$TMP/q-district" "$TMP/q-school" | head | sed 's/^/#   /'
	fi
}
same_list() { # SCHOOL_DB DESCRIPTION
	"$ORIENTIR" --db "$D" roadmap list --format csv >"$TMP/l-district"
	"$ORIENTIR" --db "$1" roadmap list --format csv >"$TMP/l-school"
	if [ -s "$TMP/l-district" ] && cmp -s "$TMP/l-district" "$TMP/l-school"; then ok "$2"; else
		failed=$((failed + 1)); echo "not ok - $2"; diff "$TMP/l-district" "$TMP/l-school" | head | sed 's/^/#   /'
	fi
}
# round_trip NAME FILE YEARS [DIALECT]: into a district of its own, written,
# into a fresh school with the same years, written again from there.
round_trip() {
	dialect=${4:-excel-ru}
	f="$TMP/$1-$dialect.csv"
	D0=$D D="$TMP/district-$1-$dialect.db"
	"$ORIENTIR" --db "$D" init --code R1 --name "ИМЦ" --role district >/dev/null
	"$ORIENTIR" --db "$D" import roadmap "$2" --years "$3" --title "Дорожная карта: $1" >/dev/null
	S="$TMP/school-$1-$dialect.db"
	"$ORIENTIR" --db "$S" init --code 0101 --name "Школа" >/dev/null
	run --db "$D" roadmap write "$f" --dialect "$dialect"
	expect 0 "$1 ($dialect): written" --out "the roadmap written" --no-err "warning"
	run --db "$S" import roadmap "$f" --years "$3"
	expect 0 "$1 ($dialect): imported by a school" --no-err "warning"
	same_list "$S" "$1 ($dialect): roadmap list is the same"
	same_db "$S" "$1 ($dialect): title, years, text above the table, sections and their notes are the same"
	run --db "$S" roadmap write "$TMP/again.csv" --dialect "$dialect"
	if cmp -s "$f" "$TMP/again.csv"; then ok "$1 ($dialect): written again, the same file byte for byte"; else
		not_ok "$1 ($dialect): written again, the same file byte for byte"; diff "$f" "$TMP/again.csv" | head | sed 's/^/#   /'; fi
	D=$D0
}

# No roadmap yet.
run --db "$D" roadmap write "$TMP/none.csv"
expect 1 "with no roadmap, a clear message" --err "no roadmap yet"
[ ! -e "$TMP/none.csv" ] && ok "…and no file" || not_ok "…and no file"
run --db "$D" roadmap write
expect 2 "the file is asked for"
run --db "$D" roadmap write "$TMP/x.csv" --dialect word
expect 2 "an unknown dialect is a usage error" --err "word"

# The two real roadmaps, the messy table, the section column, the demo's.
round_trip belomorsky "$R/belomorsky-2022.csv" 2022
round_trip vengerovo "$R/vengerovo-2020.csv" 2020-2022
round_trip broken "$R/broken.csv" 2025
round_trip restart "$R/restart.csv" 2025
round_trip demo "$TOP_SRCDIR/data/demo/roadmap.csv" 2026
round_trip vengerovo "$R/vengerovo-2020.csv" 2020-2022 rfc4180
round_trip broken "$R/broken.csv" 2025 rfc4180

# What the file looks like: for Russian Excel, in the order the roadmaps are printed.
F="$TMP/vengerovo-excel-ru.csv"
check_eq "$(head -c 3 "$F" | od -An -tx1 | tr -d ' ')" "efbbbf" "excel-ru: a BOM"
check_eq "$(sed -n 1p "$F" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" "orientir-roadmap-1;2020-2022;Дорожная карта: vengerovo;;" \
	"the first row: orientir's mark, the years, the title"
grep -q "^№ п/п;Мероприятие;Сроки;Ответственные;Ожидаемый результат.$" "$F" && ok "the header in the contract's Russian names" \
	|| not_ok "the header in the contract's Russian names"
grep -q "^5. Организационное сопровождение;;;;.$" "$F" && ok "a section is a heading row" || not_ok "a section is a heading row"
check_eq "$(grep -c '^№ п/п;' "$F")" 1 "one header row (the seed's repeated one is not kept)"
grep -q "^Задачи:;;;;.$" "$TMP/broken-excel-ru.csv" && ok "a note is a one-cell row under its heading" \
	|| not_ok "a note is a one-cell row under its heading"
check_eq "$(head -c 3 "$TMP/broken-rfc4180.csv" | od -An -tx1 | tr -d ' ')" "6f7269" "rfc4180: no BOM"
grep -q "^number,title,deadline,responsible,expected_result.$" "$TMP/broken-rfc4180.csv" \
	&& ok "rfc4180: the header in the contract's English names" || not_ok "rfc4180: the header in the contract's English names"

# The district's own progress stays in the district.
"$ORIENTIR" --db "$D" import roadmap "$R/broken.csv" --years 2025 --title "Дорожная карта: broken" >/dev/null
"$ORIENTIR" --db "$D" roadmap set 1 --section I --status done --note "Проведено районом" >/dev/null
run --db "$D" roadmap write "$TMP/progress.csv"
expect 0 "written with progress recorded"
if cmp -s "$TMP/broken-excel-ru.csv" "$TMP/progress.csv"; then ok "…the progress is not in the file"; else
	not_ok "…the progress is not in the file"; fi

# The file carries its years and title: a school need not give them.
S="$TMP/school-noyears.db"
"$ORIENTIR" --db "$S" init --code 0101 --name "Школа" >/dev/null
run --db "$S" import roadmap "$TMP/vengerovo-excel-ru.csv"
expect 0 "imported without --years" --out "for 2020-2022"
check_eq "$("$SQLITE3" "$S" "SELECT first_year || '-' || last_year || '|' || title FROM roadmap")" \
	"2020-2022|Дорожная карта: vengerovo" "…the years and title are the file's"
run --db "$S" import roadmap "$TMP/vengerovo-excel-ru.csv" --years 2021 --title "Своё название"
expect 0 "--years and --title still win" --err "2020-2022" --out "a new roadmap for 2021;"
check_eq "$("$SQLITE3" "$S" "SELECT group_concat(first_year || '-' || last_year || '|' || title, ' ') FROM roadmap")" \
	"2020-2022|Дорожная карта: vengerovo 2021-2021|Своё название" "…and are kept, beside the roadmap of the file's years"

# Cells with quotes, semicolons and line breaks, a title starting with a
# digit, a multi-line note, an unnumbered section, an activity without a
# number right under its heading, text above the table with a blank line.
{
	printf '"Приказ № 5 от 01.09.2025; ""О дорожной карте""";;;;\r\n'
	printf '"Цель:\n\n  повысить результаты";;;;\r\n'
	printf '№;Мероприятие;Сроки;Ответственные;Ожидаемый результат\r\n'
	printf '"1. 2025 год: раздел с ""кавычками""; и точкой с запятой";;;;\r\n'
	printf '"Примечание: строка 1\nстрока 2";;;;\r\n'
	printf '1;2025 год: итоги ВПР;"до 01.03.2025";"Иванов; Петров";"Отчёт ""итоги""\nвторая строка"\r\n'
	printf '2;"Семинар, практикум";март;;\r\n'
	printf 'Раздел: без номера;;;;\r\n'
	printf ';Без номера;в течение года;Директор;\r\n'
	printf '3;"Три\n\nабзаца";ежегодно;"=СУММ(A1)";\r\n'
} >"$TMP/tricky-in.csv"
"$ORIENTIR" --db "$D" import roadmap "$TMP/tricky-in.csv" --years 2025 --title 'Карта "с кавычками"; 2025' >/dev/null
check_eq "$("$SQLITE3" "$D" "SELECT count(*) || '/' || (SELECT count(*) FROM roadmap_section) FROM activity")" "4/2" \
	"the tricky table: four activities in two sections"
S="$TMP/school-tricky.db"
"$ORIENTIR" --db "$S" init --code 0101 --name "Школа" >/dev/null
run --db "$D" roadmap write "$TMP/tricky.csv"
expect 0 "the tricky roadmap is written" --no-err "warning"
run --db "$S" import roadmap "$TMP/tricky.csv"
expect 0 "…and imported"
same_list "$S" "…the same activities, every cell"
same_db "$S" "…the same title, text above the table, sections and notes"
check_eq "$("$SQLITE3" "$S" "SELECT title FROM activity WHERE number = '1'")" "2025 год: итоги ВПР" \
	"…a title starting with a digit stays a title"
check_eq "$("$SQLITE3" "$S" "SELECT count(*) FROM activity WHERE number = '' AND title = 'Без номера'")" 1 \
	"…an activity without a number stays one"
"$ORIENTIR" --db "$S" roadmap write "$TMP/tricky-again.csv" >/dev/null
if cmp -s "$TMP/tricky.csv" "$TMP/tricky-again.csv"; then ok "…and is written again byte for byte"; else
	not_ok "…and is written again byte for byte"; fi

# For programs, with a title full of semicolons in the first line: the
# delimiter is still found to be the comma.
"$ORIENTIR" --db "$D" import roadmap "$TMP/tricky-in.csv" --years 2025 \
	--title "Дорожная карта; цели; задачи; сроки; исполнители; результаты" >/dev/null
S="$TMP/school-tricky-rfc.db"
"$ORIENTIR" --db "$S" init --code 0101 --name "Школа" >/dev/null
"$ORIENTIR" --db "$D" roadmap write "$TMP/tricky-rfc.csv" --dialect rfc4180 >/dev/null
run --db "$S" import roadmap "$TMP/tricky-rfc.csv"
expect 0 "the tricky roadmap for programs is imported"
same_list "$S" "…the same activities, every cell"
same_db "$S" "…the same title, text above the table, sections and notes"

# Sections named without numbers come from a section column: written so.
printf 'number,title,deadline,section\n1,Собрание,Март,Работа с родителями\n2,Лекторий,Апрель,Работа с родителями\n1,Курсы,Май,Работа с педагогами\n' \
	>"$TMP/column-in.csv"
round_trip column "$TMP/column-in.csv" 2025
grep -q ";Раздел.$" "$TMP/column-excel-ru.csv" && ok "…with a section column" || not_ok "…with a section column"

# What the table cannot carry is told: an activity left with nothing but
# its number would be read as a note.
"$ORIENTIR" --db "$D" import roadmap "$R/broken.csv" --years 2025 >/dev/null
"$SQLITE3" "$D" "UPDATE activity SET title = '', deadline_text = '', responsible = '', expected_result = ''
	WHERE id = (SELECT id FROM activity WHERE number = '3' ORDER BY sort LIMIT 1)"
run --db "$D" roadmap write "$TMP/lossy.csv"
expect 0 "a roadmap the table cannot carry whole is still written, and what is lost is told" \
	--err "warning" --err "activity 3" --err "6 here, 5 from the file"

# Into a folder: the file takes the roadmap's years for a name.
"$ORIENTIR" --db "$D" import roadmap "$R/belomorsky-2022.csv" --years 2022 >/dev/null
mkdir -p "$TMP/stick"
mkdir -p "$TMP/stick-now"
run --db "$D" roadmap write "$TMP/stick-now"
expect 0 "without --years, the current roadmap is written" --out "roadmap-2025.csv"
run --db "$D" roadmap write "$TMP/stick" --years 2022
expect 0 "a folder is written into" --out "roadmap-2022.csv"
[ -f "$TMP/stick/roadmap-2022.csv" ] && ok "…as roadmap-2022.csv" || not_ok "…as roadmap-2022.csv"
cp "$TMP/stick/roadmap-2022.csv" "$TMP/before.csv"

# A folder that is not there, one that cannot be written, a write that fails.
"$ORIENTIR" --db "$D" import roadmap "$R/vengerovo-2020.csv" --years 2022 >/dev/null
run --db "$D" roadmap write "$TMP/nowhere/roadmap.csv"
expect 1 "a folder that is not there" --err "nowhere"
[ ! -e "$TMP/nowhere" ] && ok "…is not made" || not_ok "…is not made"
if [ "$(id -u)" = 0 ] && mkdir -p "$TMP/ro" && mount -t tmpfs -o size=1m tmpfs "$TMP/ro" 2>/dev/null; then
	cp "$TMP/before.csv" "$TMP/ro/roadmap-2022.csv"
	mount -o remount,ro "$TMP/ro"
	run --db "$D" roadmap write "$TMP/ro/roadmap-2022.csv" --years 2022
	expect 1 "a read-only stick is told" --err "cannot be written"
	cmp -s "$TMP/before.csv" "$TMP/ro/roadmap-2022.csv" && ok "…the file there is untouched" || not_ok "…the file there is untouched"
	check_eq "$(ls -A "$TMP/ro" | tr '\n' ' ')" "roadmap-2022.csv " "…and nothing half-written is left"
	umount "$TMP/ro"
elif [ "$(id -u)" != 0 ]; then
	mkdir -p "$TMP/ro" && cp "$TMP/before.csv" "$TMP/ro/roadmap-2022.csv" && chmod 555 "$TMP/ro"
	run --db "$D" roadmap write "$TMP/ro/roadmap-2022.csv" --years 2022
	expect 1 "a folder that cannot be written is told" --err "cannot be written"
	cmp -s "$TMP/before.csv" "$TMP/ro/roadmap-2022.csv" && ok "…the file there is untouched" || not_ok "…the file there is untouched"
	check_eq "$(ls -A "$TMP/ro" | tr '\n' ' ')" "roadmap-2022.csv " "…and nothing half-written is left"
	chmod 755 "$TMP/ro"
else
	echo "# root without tmpfs: the read-only folder case is skipped"
fi
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null -e inject=write:error=ENOSPC:when=99 true 2>/dev/null; then
	strace -f -o /dev/null -P "$TMP/stick/.roadmap-2022.csv.tmp" -e trace=write -e inject=write:error=ENOSPC \
		"$ORIENTIR" --db "$D" roadmap write "$TMP/stick" --years 2022 >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect 1 "a stick that fills up is told" --err "full"
	cmp -s "$TMP/before.csv" "$TMP/stick/roadmap-2022.csv" && ok "…the roadmap written before is still there whole" \
		|| not_ok "…the roadmap written before is still there whole"
	check_eq "$(ls -A "$TMP/stick" | tr '\n' ' ')" "roadmap-2022.csv " "…and nothing half-written is left"
else
	echo "# strace with fault injection is missing: the failed-write case is not run"
fi
finish
