#!/bin/sh
# import roadmap from the district's document itself: the two real
# roadmaps typed again in Word (.docx) and LibreOffice (.odt) the way their
# districts would type them (tests/make-roadmap-docs.py) give the same
# activities, sections and deadline windows as their CSV versions; merged
# cells, lists, tracked changes, a passport table, a plan in two tables;
# the order, title and years above the plan; bad documents refused with a
# message and nothing changed; .doc, .pdf and .rtf told what to do.
. "$TESTS_SRCDIR/cli/lib.sh"
R="$FIXTURES/roadmap" DOCS="$FIXTURES/roadmap/docs" BAD="$FIXTURES/roadmap/bad"
init_school

# plan_of DB YEARS: the roadmap of those years as the contract's csv, and
# its sections with their notes.
plan_of() {
	"$ORIENTIR" --db "$1" roadmap list --years "$2" --today 2021-06-01 --format csv
	"$SQLITE3" "$1" "SELECT s.number || '|' || s.title FROM roadmap_section s JOIN roadmap r ON r.id = s.roadmap_id
		WHERE r.first_year || '-' || r.last_year = '$2' OR r.first_year || '' = '$2' ORDER BY s.sort"
}

# same_as_csv CSV YEARS DOC: the document, imported with the years it
# names itself, holds what the CSV imported for YEARS holds.
same_as_csv() {
	c="$TMP/csv-$(basename "$1").db" d="$TMP/doc-$(basename "$3").db"
	[ -f "$c" ] || { "$ORIENTIR" --db "$c" init --code 1 --name "Школа" >/dev/null &&
		"$ORIENTIR" --db "$c" import roadmap "$1" --years "$2" >/dev/null; }
	"$ORIENTIR" --db "$d" init --code 1 --name "Школа" >/dev/null
	run --db "$d" import roadmap "$3"
	expect 0 "$(basename "$3"): imported with the years it names" --out "The years $2 are taken"
	plan_of "$c" "$2" >"$TMP/plan-csv"
	plan_of "$d" "$2" >"$TMP/plan-doc"
	if [ "$(wc -l <"$TMP/plan-csv")" -gt 10 ] && cmp -s "$TMP/plan-csv" "$TMP/plan-doc"; then
		ok "$(basename "$3"): the same activities, sections and deadline windows as $(basename "$1")"
	else
		failed=$((failed + 1)); echo "not ok - $(basename "$3"): the same as $(basename "$1")"
		diff "$TMP/plan-csv" "$TMP/plan-doc" | head -20 | sed 's/^/#   /'
	fi
}
same_as_csv "$R/belomorsky-2022.csv" 2022 "$DOCS/belomorsky-2022.docx"
expect 0 "…the order and title above it are named" --out "the order № 17 of 01.02.2022" \
	--out "the title «План-график (\"дорожная карта\") повышения качества образования в школах с низкими образовательными результатами в 2022 году»"
expect 0 "…a pair of activities in one row, each paragraph its own" \
	--out "2 activities side by side in one row (table 1, row 18), numbered 15, 16."
expect 0 "…Word's own numbering of the № column is read" --out "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 (21)"
check_eq "$("$SQLITE3" "$d" "SELECT order_number || '|' || order_date || '|' || title FROM roadmap")" \
	"17|2022-02-01|План-график (\"дорожная карта\") повышения качества образования в школах с низкими образовательными результатами в 2022 году" \
	"…and kept with the roadmap"
"$SQLITE3" "$d" "SELECT preamble FROM roadmap" | grep -q "^Приказываю:$" && ok "…the order's text is the preamble" \
	|| not_ok "…the order's text is the preamble"
same_as_csv "$R/belomorsky-2022.csv" 2022 "$DOCS/belomorsky-2022.odt"
same_as_csv "$R/vengerovo-2020.csv" 2020-2022 "$DOCS/vengerovo-2020.docx"
expect 0 "…the passport table is not the plan; the plan in two tables is one" \
	--out "The plan is in tables 2, 3 of 3 in the document, each with the same header." \
	--out "Table 1 (5 rows) is not the plan: none of its rows names the columns of a plan." --out "1 repeated header row skipped"
expect 0 "…the years from the deadlines, the order from its line" --out "the order № 49-ра of 28.02.2020" \
	--out "the years 2020-2022 (from the years the deadlines name)"
same_as_csv "$R/vengerovo-2020.csv" 2020-2022 "$DOCS/vengerovo-2020.odt"
expect 0 "…a direction column merged down over its activities gives their section" \
	--out "«Направление» is the section" --out "  5 Организационное сопровождение: 1, 2, 3"

# Shapes of their own.
run import roadmap "$DOCS/shapes.docx"
expect 0 "merged number and direction cells, activities side by side" --out "The years 2023-2024 are taken" \
	--out "3 activities under one merged number 1 (table 1, row 3), numbered 1.1, 1.2, 1.3." \
	--out "Columns not used: «Примечание»." --out "1 row of column numbers skipped" --out "1 repeated header row skipped"
check_eq "$(query "SELECT group_concat(x, ' ') FROM (SELECT s.number || ':' || a.number || ',' || a.start || '-' || a.end AS x
	FROM activity a JOIN roadmap_section s ON s.id = a.section_id WHERE a.roadmap_id = (SELECT id FROM roadmap WHERE first_year = 2023) ORDER BY a.sort)")" \
	"1:1.1,20231001-20231031 1:1.2,20231101-20231130 1:1.3,20230901-20240831 2:2.1,20240201-20240229 2:2.2,20240301-20240331 2:2.3,20240401-20240430 2:2.4,20230901-20240831" \
	"…numbered under their merged cells, in their sections, the school year's months in their years"
run import roadmap "$DOCS/tasks.odt" --years 2023-2024
expect 0 "«Задачи:» and its numbered tasks in merged rows" --out "  I Работа с обучающимися: 1, 2 (2)" \
	--out "  2 Работа с педагогами: 2.1, 2.2 (2)"
check_eq "$(query "SELECT notes FROM roadmap_section WHERE number = 'I'")" \
	"$(printf 'Задачи:\n1. Выявить обучающихся группы риска.\n2. Организовать их сопровождение.')" "…are notes of the section"
run import roadmap "$DOCS/word-features.docx" --years 2025-2026
expect 0 "what Word writes: fields, controls, links, tracked changes, a nested table" --out "I Организационная работа: I.1, I.2, I.3 (3)"
check_eq "$(query "SELECT group_concat(x, '|') FROM (SELECT title || '/' || deadline_text || '/' || responsible AS x FROM activity a WHERE $(echo "a.roadmap_id = (SELECT id FROM roadmap WHERE first_year = 2025)") ORDER BY sort)")" \
	"Совещание о результатах ВПР (срочное)/до 15.11.2025/Иванова И.И.|Вебинар ФИПИ
(запись)/март/ИМЦ
школы|Пробный ОГЭ по математике/февраль/Завуч" \
	"…insertions and text moved to kept, deletions and text moved from dropped, a drawing's fallback copy not doubled, a nested table's text in its cell"
snapshot before-nodl
run import roadmap "$DOCS/no-deadline.docx"
expect 1 "a plan without deadlines needs --no-deadlines" --out "Warning: the table has no deadline column" --err "--no-deadlines"
same_as before-nodl "…nothing changed without it"
run import roadmap "$DOCS/no-deadline.docx" --no-deadlines --title "Своё" --order-number "12-о" --order-date 01.02.2025
expect 0 "…and imports with it" --out "Added 2"
check_eq "$(query "SELECT title || '|' || order_number || '|' || order_date FROM roadmap WHERE first_year = 2025 AND last_year = 2025")" \
	"Своё|12-о|2025-02-01" "the title and order given on the command line win"
run import roadmap "$DOCS/no-deadline.docx" --order-date 31.02.2025
expect 2 "an order date that is no date is a usage error" --err "31.02.2025"

# Bad documents: refused, told why, nothing changed.
snapshot bad
for case in "archive.docx|is a zip archive, but not a .docx or .odt document" "damaged.docx|is damaged: it is cut short" \
	"no-table.docx|the document has no table" "bomb.docx|unpacks to more than 32 MB" \
	"liar.docx|unpacks to more than 32 MB" "token.docx|longer than 4 MB" \
	"deep.docx|is nested more than 256 elements deep" "laughs.docx|declares XML entities" \
	"workbook.docx|is an Excel workbook (.xlsx)"; do
	f=${case%%|*} why=${case#*|}
	run import roadmap "$BAD/$f" --years 2025
	expect 1 "$f is refused" --err "$BAD/$f" --err "$why" --err "not imported; nothing was changed"
done
same_as bad "…and nothing was changed"
# (the sanitizers of make check double what it takes)
for f in bomb.docx liar.docx token.docx; do
	[ -x /usr/bin/time ] || break
	/usr/bin/time -f %M -o "$TMP/rss" "$ORIENTIR" import roadmap "$BAD/$f" --years 2025 >/dev/null 2>&1
	rss=$(tail -1 "$TMP/rss")
	[ "$rss" -lt 100000 ] && ok "$f is read in bounded memory ($rss KB)" || not_ok "$f is read in bounded memory ($rss KB)"
done
# Told apart by what they hold, whatever their names.
printf '\320\317\021\340\241\261\032\341\0\0\0\0' >"$TMP/plan.doc"
cp "$TMP/plan.doc" "$TMP/saved-as.docx"
printf '%%PDF-1.4\n%%\342\343\n1 0 obj\n' >"$TMP/plan.pdf"
cp "$TMP/plan.pdf" "$TMP/plan.csv"
printf '{\\rtf1\\ansi\\ansicpg1251 План}' >"$TMP/plan.rtf"
printf '№;Мероприятие;Сроки\n1;Совещание;март\n' >"$TMP/table.odt"
for case in "plan.doc|old Word or Excel file|save it as .docx or .odt" "saved-as.docx|old Word or Excel file|save it as .docx" \
	"plan.pdf|this is a PDF|ask the district for the order as .docx or .odt" "plan.csv|this is a PDF|into a spreadsheet" \
	"plan.rtf|this is an RTF document|save it as .docx or .odt" "table.odt|not a .docx or .odt document inside|save it again"; do
	f=${case%%|*} rest=${case#*|}
	why=${rest%%|*} todo=${rest#*|}
	run import roadmap "$TMP/$f" --years 2025
	expect 1 "$f: $why, and what to do" --err "$TMP/$f" --err "$why" --err "$todo"
done
same_as bad "…and nothing was changed by any"
finish
