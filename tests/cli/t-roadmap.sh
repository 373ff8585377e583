#!/bin/sh
# import roadmap, roadmap list and set, import events: the two real
# roadmaps (tests/fixtures/roadmap, EXPECTED.md there says what they hold),
# messy tables, re-importing a corrected version, overdue on fixed days.
. "$TESTS_SRCDIR/cli/lib.sh"
R="$FIXTURES/roadmap"
init_school
numbers() { # the activities' numbers, space-separated, in order
	"$ORIENTIR" roadmap list --format csv | awk -F, 'NR > 1' >/dev/null
	query "SELECT group_concat(number, ' ') FROM (SELECT number FROM activity ORDER BY sort)"
}

run import roadmap "$R/belomorsky-2022.csv"
expect 2 "the roadmap's years are asked for" --err "--years"

snapshot empty
run import roadmap "$R/noheader.csv" --years 2025
expect 1 "a table without title and number columns is refused, naming its headers" \
	--err "noheader.csv:1:" --err "«Что», «Когда», «Кто»"
same_as empty "…and nothing is stored"

run import roadmap "$R/belomorsky-2022.csv" --years 2022 --dry-run
expect 0 "a dry run shows what it found" --out "21 activities" --out "1 repeated header row skipped" \
	--out "1 row broken across a page joined" --out "would add 21"
same_as empty "…and stores nothing"

run import roadmap "$R/belomorsky-2022.csv" --years 2022
expect 0 "Беломорский imports" --out "Added 21"
check_eq "$(numbers)" "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21" "its 21 activities, in order"
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
	--out "changed: 8" --out "dropped: 21"
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
# and numbers from 1 again.
run import roadmap "$R/vengerovo-2020.csv" --years 2020-2022
expect 0 "Венгерово imports" --out "48 activities" --out "Added 48" --out "dropped 21"
check_eq "$(query "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM activity GROUP BY section_id ORDER BY section_id)")" \
	"4 14 12 6 12" "five sections with 4, 14, 12, 6 and 12 activities"
check_eq "$(query "SELECT group_concat(number, ' ') FROM (SELECT a.number FROM activity a JOIN roadmap_section s ON s.id = a.section_id WHERE s.sort = 4 ORDER BY a.sort)")" \
	"1 2 3 4 5 6 7 8 9 10 11 12" "section 5 keeps its own numbering"
run roadmap set 4.3 --status in_progress
expect 0 "a dotted number of a later section"

# Sections from a column, and numbers restarting: «1.» and «1» are one number.
run import roadmap "$R/restart.csv" --years 2025
expect 0 "a table with a section column" --out "6 activities"
check_eq "$(query "SELECT count(*) FROM roadmap_section")" 2 "two sections"
run roadmap set 1 --status done
expect 2 "a number two sections share is refused, listing them" --err "--section 1" --err "--section 2"
run roadmap set 1 --section 2 --status in_progress
expect 0 "--section picks one by the section's number"
check_eq "$(query "SELECT s.number FROM activity a JOIN roadmap_section s ON s.id = a.section_id WHERE a.status = 'in_progress'")" \
	"2" "…the one in section 2"
run roadmap set 1 --section "Организационная" --status done
expect 0 "--section also takes the start of the section's title"
check_eq "$(query "SELECT s.number FROM activity a JOIN roadmap_section s ON s.id = a.section_id WHERE a.status = 'done'")" \
	"1" "…the one in section 1"
# Headings, notes, a repeated header and a broken row together.
run import roadmap "$R/broken.csv" --years 2025
expect 0 "a messy table" --out "1 repeated header row skipped" --out "1 row broken across a page joined"
check_eq "$(query "SELECT notes FROM roadmap_section WHERE number = 'I'")" \
	"Задачи: выявить обучающихся группы риска и организовать их сопровождение" "a one-cell row is a note of its section"
check_eq "$(query "SELECT responsible FROM activity WHERE number = '2' AND sort = 1")" \
	"Классные руководители, учителя-предметники" "the broken row's cells are joined cell by cell"

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
