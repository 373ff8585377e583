#!/bin/sh
# import roadmap, roadmap list and set, import events: the two real
# roadmaps (tests/fixtures/roadmap, EXPECTED.md there says what they hold),
# messy tables, re-importing a corrected version, a roadmap for other years
# kept beside the first, overdue on fixed days; tables as people write them
# (headers in other words, a row of column numbers, a header repeated in
# part, «Задачи:», activities side by side, no deadlines, a school year).
. "$TESTS_SRCDIR/cli/lib.sh"
R="$FIXTURES/roadmap"
init_school
numbers() { # the activities' numbers of the roadmap of years $1, space-separated, in order
	query "SELECT group_concat(number, ' ') FROM (SELECT a.number FROM activity a JOIN roadmap r ON r.id = a.roadmap_id
		WHERE r.first_year || '-' || r.last_year = '$1' ORDER BY a.sort)"
}
# in_roadmap YEARS: an SQL condition on activity a for the roadmap of those years
in_roadmap() {
	echo "a.roadmap_id = (SELECT id FROM roadmap WHERE first_year || '-' || last_year = '$1')"
}

snapshot empty
printf '№;Мероприятие;Сроки\n1;Совещание;Март\n' >"$TMP/plain.csv"
run import roadmap "$TMP/plain.csv"
expect 2 "a table naming no years: the years are asked for" --err "--years"
same_as empty "…and nothing is stored"
run import roadmap "$R/belomorsky-2022.csv" --dry-run
expect 0 "the years its title names are taken, and said" \
	--out "The years 2022 are taken from the plan's title; give --years to say otherwise."
run import roadmap "$R/belomorsky-2022.csv" --years 2023 --dry-run
expect 0 "years given against those the file names: a warning" --err "names the years 2022" --out "for 2023"

run import roadmap "$R/noheader.csv" --years 2025
expect 1 "a table without title and number columns is refused, naming its headers" \
	--err "noheader.csv:1:" --err "«Что», «Когда», «Кто»"
same_as empty "…and nothing is stored"

run import roadmap "$R/belomorsky-2022.csv" --years 2022 --dry-run
expect 0 "a dry run shows what it found" --out "21 activities" --out "1 repeated header row skipped" \
	--out "1 row broken across a page joined" --out "would add 21"
same_as empty "…and stores nothing"

run import roadmap "$R/belomorsky-2022.csv" --years 2022
expect 0 "Беломорский imports" --out "Added 21" --out "Imported the roadmap for 2022."
check_eq "$(numbers 2022-2022)" "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21" "its 21 activities, in order"
check_eq "$(query "SELECT title FROM activity WHERE number = '4'")" \
	"Волостные интеллектуальные мастерские для обучающихся из предметной области физическая культура" \
	"the row broken across a page is joined back"
check_eq "$(query "SELECT start || '-' || end FROM activity WHERE deadline_text = '18-19 февраля 2022'")" \
	"20220218-20220219" "a deadline becomes a date window"
check_eq "$(query "SELECT count(*) FROM activity WHERE title LIKE '%Наименование мероприятия%'")" 0 \
	"the repeated header is not an activity"

# Progress, then a corrected version: 5 kept with its progress, 21 dropped, one retitled, one added.
run roadmap set 5. --status done --date 2022-03-01 --note "Проведено, 40 участников" --participants 40
expect 0 "roadmap set records progress (number with a dot)" --out "done"
# (rows 8 and 21 are one line each with plain cells, so sed can edit them
# without touching the quoted cells that span lines elsewhere)
sed '/^21;/d; s/^8;\([^;]*\);/8;\1 (уточнено);/' "$R/belomorsky-2022.csv" >"$TMP/corrected.csv"
printf '22;Новое мероприятие;Декабрь 2022;ИМЦ;Отчёт\r\n' >>"$TMP/corrected.csv"
run import roadmap "$TMP/corrected.csv" --years 2022
expect 0 "a corrected version says what changed" --out "Added 1, changed 1, unchanged 19, dropped 1" \
	--out "changed: 8" --out "dropped: 21" --out "a corrected version of the roadmap for 2022"
check_eq "$(query "SELECT status || '|' || done_on || '|' || evidence || '|' || participants FROM activity WHERE number = '5'")" \
	"done|2022-03-01|Проведено, 40 участников|40" "progress on an activity still there is kept"

# Overdue on fixed days.
run roadmap list --overdue --today 2022-03-01 --format csv
expect 0 "overdue list"
check_eq "$(awk -F, 'NR > 1 { print $2 }' "$TMP/out" | tr '\n' ' ')" "2 3 " \
	"on 2022-03-01 the January and February activities not done are overdue"
run roadmap set 2 --status done
run roadmap list --overdue --today 2022-03-01 --format csv
check_eq "$(awk -F, 'NR > 1 { print $2 }' "$TMP/out" | tr '\n' ' ')" "3 " "an activity marked done leaves the overdue list"
run roadmap set 3 --status cancelled
run roadmap list --overdue --today 2022-03-01 --format csv
check_eq "$(grep -c '' "$TMP/out")" 1 "a cancelled one is not overdue either"
check_eq "$(head -1 "$TMP/out")" \
	"section,number,title,deadline_text,start,end,recurrence,responsible,expected_result,status,done_date,note,overdue" \
	"the contract's csv columns"
run roadmap list --status done --format csv
check_eq "$(awk -F, 'NR > 1 { print $2 }' "$TMP/out" | tr '\n' ' ')" "2 5 " "--status filters"
run roadmap list --today 2022-12-31
expect 0 "the table for people" --out "overdue" --out "activities."

run roadmap set 99 --status done
expect 1 "an unknown number is refused" --err "99"
run roadmap set 5 --status finished
expect 2 "an unknown status is a usage error" --err "finished"
run roadmap set 5 --status done --date 31.02.2022
expect 2 "an impossible date is a usage error"

# Венгерово: Windows-1251, five sections, section 5 brings its own header
# and numbers from 1 again. Other years: a roadmap of its own, the one for
# 2022 kept with its progress.
run import roadmap "$R/vengerovo-2020.csv" --years 2020-2022
expect 0 "Венгерово imports" --out "48 activities" --out "Added 48" --out "dropped 0" \
	--out "a new roadmap for 2020-2022; the roadmap for 2022 is kept"
check_eq "$(query "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM activity a WHERE $(in_roadmap 2020-2022) GROUP BY section_id ORDER BY section_id)")" \
	"4 14 12 6 12" "five sections with 4, 14, 12, 6 and 12 activities"
check_eq "$(query "SELECT group_concat(number, ' ') FROM (SELECT a.number FROM activity a JOIN roadmap_section s ON s.id = a.section_id WHERE s.sort = 4 AND $(in_roadmap 2020-2022) ORDER BY a.sort)")" \
	"1 2 3 4 5 6 7 8 9 10 11 12" "section 5 keeps its own numbering"
check_eq "$(numbers 2022-2022 | wc -w)|$(query "SELECT group_concat(a.number || ':' || a.status, ' ') FROM activity a WHERE a.status <> 'planned' AND $(in_roadmap 2022-2022)")" \
	"21|2:done 3:cancelled 5:done" "the roadmap for 2022 is kept whole, its progress with it"
run roadmap set 4.3 --status in_progress
expect 0 "a dotted number of a later section"
run roadmap set 5 --status done
expect 2 "a number both roadmaps have: --years says which" --err "several roadmaps" \
	--err "--years 2022   5 " --err "--years 2020-2022 --section 5"
run roadmap set 5 --years 2020-2022 --status done --date 2021-05-10
expect 0 "…with --years"
check_eq "$(query "SELECT group_concat(p, ' ') FROM (SELECT r.first_year || ':' || a.status || ':' || coalesce(a.done_on, '') AS p FROM activity a JOIN roadmap r ON r.id = a.roadmap_id WHERE a.number = '5' ORDER BY r.first_year)")" \
	"2020:done:2021-05-10 2022:done:2022-03-01" "…each roadmap its own progress"
run roadmap list --years 2022 --status done --format csv
check_eq "$(awk -F, 'NR > 1 { print $2 }' "$TMP/out" | tr '\n' ' ')" "2 5 " "roadmap list --years shows one roadmap"
run roadmap list --today 2021-04-01 --status done --format csv
check_eq "$(awk -F, 'NR > 1 { print $2 }' "$TMP/out" | tr '\n' ' ')" "5 " "…without it, the one covering the day"
run roadmap list --years 2019
expect 1 "a roadmap there is not" --err "no roadmap for 2019"
run roadmap years --today 2021-04-01 --format csv
check_eq "$(cut -d, -f1,5-9 "$TMP/out" | tr '\n' ' ')" \
	"years,activities,done,cancelled,overdue,current 2020-2022,48,1,0,6,1 2022,21,2,1,0,0 " \
	"roadmap years: each roadmap with its progress, the current one marked"
run roadmap years --today 2021-04-01
expect 0 "…and for people" --out "2020-2022 (now)" --out "1 of 48"
# Belomorsky again for 2022: still a corrected version, Vengerovo untouched.
run import roadmap "$R/belomorsky-2022.csv" --years 2022
expect 0 "the same years again" --out "a corrected version of the roadmap for 2022; the roadmap for 2020-2022 is kept"
check_eq "$(query "SELECT count(*) FROM activity WHERE status <> 'planned'")" 5 "…and every progress is still there"
snapshot two

# Sections from a column, and numbers restarting: «1.» and «1» are one number.
run import roadmap "$R/restart.csv" --years 2025
expect 0 "a table with a section column" --out "6 activities"
check_eq "$(query "SELECT count(*) FROM roadmap_section s WHERE s.roadmap_id = (SELECT id FROM roadmap WHERE first_year = 2025)")" 2 "two sections"
run roadmap set 1 --years 2025 --status done
expect 2 "a number two sections share is refused, listing them" --err "--section 1" --err "--section 2"
run roadmap set 1 --years 2025 --section 2 --status in_progress
expect 0 "--section picks one by the section's number"
check_eq "$(query "SELECT s.number FROM activity a JOIN roadmap_section s ON s.id = a.section_id WHERE a.status = 'in_progress' AND $(in_roadmap 2025-2025)")" \
	"2" "…the one in section 2"
run roadmap set 1 --years 2025 --section "Организационная" --status done
expect 0 "--section also takes the start of the section's title"
check_eq "$(query "SELECT s.number FROM activity a JOIN roadmap_section s ON s.id = a.section_id WHERE a.status = 'done' AND $(in_roadmap 2025-2025)")" \
	"1" "…the one in section 1"
# Headings, notes, a repeated header and a broken row together.
run import roadmap "$R/broken.csv" --years 2025
expect 0 "a messy table" --out "1 repeated header row skipped" --out "1 row broken across a page joined"
check_eq "$(query "SELECT notes FROM roadmap_section WHERE number = 'I'")" \
	"Задачи: выявить обучающихся группы риска и организовать их сопровождение" "a one-cell row is a note of its section"
check_eq "$(query "SELECT responsible FROM activity a WHERE number = '2' AND sort = 1 AND $(in_roadmap 2025-2025)")" \
	"Классные руководители, учителя-предметники" "the broken row's cells are joined cell by cell"

# --- Tables as districts write them, in a database of their own ---
export ORIENTIR_DB="$TMP/words/school.db"
init_school
# A header in other words, under a title row; the row of column numbers;
# the header again on the next page, one cell left blank there; a column
# nobody asked for.
printf '%s\n' 'План работы на 2025/2026 учебный год;;;;;' 'N;Содержание работы;Период проведения;Исполнители;Показатели;Примечание' \
	'1;2;3;4;5;6' '1;Семинар по критериям ВПР;октябрь;ИМЦ;Протокол;' \
	'N;Содержание работы;Период проведения;Исполнители;;' '2;Пробный ОГЭ;февраль;Завуч;Справка;перенос возможен' >"$TMP/words.csv"
run import roadmap "$TMP/words.csv" --dry-run
expect 0 "headers in other words" --out "«N» is the number" --out "«Содержание работы» is the activity" \
	--out "«Период проведения» is the deadline" --out "«Исполнители» is the responsible" \
	--out "«Показатели» is the expected result" --out "(the header is line 2)"
expect 0 "…a column not used is named" --out "Columns not used: «Примечание»."
expect 0 "…the row of column numbers and the header repeated in part are skipped" --out "2 activities;" \
	--out "1 repeated header row skipped" --out "1 row of column numbers skipped"
expect 0 "…a school year from the title" --out "The years 2025-2026 are taken from the plan's title"
for head in '№№;Вид работы;Дата;Ответственный;Форма отчетности' 'Номер;Наименование;Когда;Ответственные исполнители;Ожидаемые результаты' \
	'№ п/п;Мероприятия;Срок реализации;Исполнитель;Результат' 'No.;Основные направления деятельности;Сроки;Ответственные;Показатели'; do
	printf '%s\n1;Семинар;март;ИМЦ;Протокол\n' "$head" >"$TMP/head.csv"
	run import roadmap "$TMP/head.csv" --years 2026 --dry-run
	expect 0 "the header «$head» is read" --out "1 activity." --no-out "Columns not used" --no-out "Warning"
done
printf '%s\n' '№;Содержание;Мероприятие;Сроки' '1;Встреча;Педсовет;март' >"$TMP/two.csv"
run import roadmap "$TMP/two.csv" --years 2026 --dry-run
expect 0 "two columns that could be the activity: the better one is taken, the other said" \
	--out "«Мероприятие» is the activity" --out "«Содержание» (it could be the activity, but «Мероприятие» fits better)"
printf '%s\n' 'Утверждаю;;' 'Что;Когда;Кто' 'Семинар;март;ИМЦ' >"$TMP/near.csv"
run import roadmap "$TMP/near.csv" --years 2026
expect 1 "no header: the row that came closest is named, with what it lacks" --err "near.csv:2:" \
	--err "«Что», «Когда», «Кто»" --err "no column of activities"
# «Задачи:» and the numbered tasks under it are notes; a heading numbered
# N is the section of activities N.M.
printf '%s\n' '№;Мероприятие;Сроки;Ответственные' 'Раздел 1. Работа с обучающимися;;;' 'Задачи:;;;' \
	'1. Выявить группу риска.;;;' '2. Организовать сопровождение.;;;' '1.;Входная диагностика;сентябрь;Завуч' \
	'2. Работа с педагогами;;;' '2.1;Диагностика компетенций;март;ШМО' >"$TMP/tasks.csv"
run import roadmap "$TMP/tasks.csv" --years 2025-2026
expect 0 "a «Задачи:» block" --out "  1 Работа с обучающимися: 1 (1)" --out "  2 Работа с педагогами: 2.1 (1)"
check_eq "$(query "SELECT notes FROM roadmap_section WHERE number = '1'")" \
	"$(printf 'Задачи:\n1. Выявить группу риска.\n2. Организовать сопровождение.')" "…its tasks are notes of the section"
# A row listing activities side by side; a row whose counts differ stays one.
printf '%s\n' '№;Мероприятие;Сроки;Ответственные;Ожидаемый результат' \
	'4;"Пробный ОГЭ по математике' 'Пробный ОГЭ по русскому языку";"февраль' 'март";"Завуч' 'Учитель русского языка";Протоколы' \
	'5;"Консультации' 'по средам";октябрь;Учитель;Журнал' >"$TMP/side.csv"
run import roadmap "$TMP/side.csv" --years 2025-2026
expect 0 "activities side by side" --out "2 activities side by side in one row (line 2), numbered 4.1, 4.2." \
	--out "3 activities."
check_eq "$(query "SELECT group_concat(r, ' ') FROM (SELECT number || ',' || start || ',' || end || ',' || responsible || ',' || expected_result AS r FROM activity ORDER BY sort)")" \
	"4.1,20260201,20260228,Завуч,Протоколы 4.2,20260301,20260331,Учитель русского языка,Протоколы 5,20251001,20251031,Учитель,Журнал" \
	"…each with its own line of each cell; a school year's months in their years"
check_eq "$(query "SELECT title FROM activity WHERE number = '5'")" "$(printf 'Консультации\nпо средам')" \
	"…a row whose cells hold different counts of lines is one activity"
# No deadline column: a warning, and the import needs --no-deadlines.
snapshot before-nodl
printf '%s\n' '№;Мероприятие;Ответственные' '1;Семинар;ИМЦ' >"$TMP/nodl.csv"
run import roadmap "$TMP/nodl.csv" --years 2027 --dry-run
expect 0 "no deadline column: the check warns" --out "Warning: the table has no deadline column"
run import roadmap "$TMP/nodl.csv" --years 2027
expect 1 "…and the import needs --no-deadlines" --out "Warning: the table has no deadline column" --err "--no-deadlines"
same_as before-nodl "…nothing stored without it"
run import roadmap "$TMP/nodl.csv" --years 2027 --no-deadlines
expect 0 "…with it, imported" --out "Added 1"
export ORIENTIR_DB="$TMP/data/school.db"

# Methodical events, linked to an activity by its number.
printf 'Дата;Вид;Тема;Участников;№ мероприятия дорожной карты\n01.03.2025;семинар;Критерии ВПР;8;\n15.03.2025;консультация;ОГЭ;3;\n' >"$TMP/events.csv"
run import events "$TMP/events.csv"
expect 0 "events import" --out "Added 2"
run import events "$TMP/events.csv"
expect 0 "…twice changes nothing" --out "Added 0, updated 0, unchanged 2"
snapshot events
printf 'Дата;Вид;Тема;Участников;№ мероприятия дорожной карты\n01.03.2025;семинар;Критерии ВПР;8;1\n32.03.2025;семинар;x;1;\n' >"$TMP/bad-events.csv"
run import events "$TMP/bad-events.csv"
expect 1 "an ambiguous link and a bad date are refused, each with its line" \
	--err "bad-events.csv:2:" --err "several activities" --err "bad-events.csv:3:"
same_as events "…and nothing changes"
finish
