#!/bin/sh
# import roster|scales|results: summaries, idempotence, dry runs, encodings,
# and every class of bad input refused whole with FILE:LINE, nothing changed.
. "$TESTS_SRCDIR/cli/lib.sh"
F="$FIXTURES/indicators"
init_school

run import roster "$F/roster.csv"
expect 0 "a roster imports" --out "Added 9, updated 0, unchanged 0"
check_eq "$(query 'SELECT count(*) FROM student')" 9 "nine pupils stored"
check_eq "$(query "SELECT last_name || '|' || first_name FROM student WHERE code = 'P2'")" "Второва|Вера" "a full name is split"
run import scales "$F/scales.csv"
expect 0 "scales import" --out "Added 4"
check_eq "$(query "SELECT avg_score FROM assessment WHERE avg_score IS NOT NULL")" 9.5 "a decimal comma is read"
run import results "$F/results.csv"
expect 0 "results import" --out "Added 20"
check_eq "$(query 'SELECT count(*) FROM result WHERE absent = 1')" 3 "absent pupils are kept as absent"

snapshot full
for k in roster scales results; do
	run import $k "$F/$k.csv"
	expect 0 "importing the $k again" --out "Added 0, updated 0"
done
same_as full "importing the same files twice changes nothing"

# An update is counted as one, and a dry run shows it without doing it.
sed 's/^ВПР,Математика,2024,5А,P1,4,/ВПР,Математика,2024,5А,P1,6,/' "$F/results.csv" >"$TMP/changed.csv"
run import results "$TMP/changed.csv" --dry-run
expect 0 "a dry run reports what would change" --out "would add 0, update 1, leave 19"
same_as full "a dry run changes nothing"
run import results "$TMP/changed.csv"
expect 0 "a changed score updates one result" --out "Added 0, updated 1, unchanged 19"
check_eq "$(query "SELECT r.score FROM result r JOIN student s ON s.id = r.student_id JOIN assessment a ON a.id = r.assessment_id
	JOIN subject j ON j.id = a.subject_id WHERE s.code = 'P1' AND j.name = 'Математика' AND a.year = 2024")" 6.0 "the new score is stored"
run import results "$F/results.csv"
snapshot full

# A scores-only file leaves the journal marks stored earlier alone.
# (drops the mark and journal_mark cells, the two before the last)
sed 's/,[^,]*,[^,]*,\([^,]*\)$/,\1/' "$F/results.csv" >"$TMP/scores-only.csv"
run import results "$TMP/scores-only.csv"
expect 0 "a file without the journal column" --out "updated 0"
same_as full "…keeps the journal marks"

# refuse FILE DESCRIPTION KIND TEXT...: import is refused, names FILE:LINE, changes nothing.
refuse() {
	file=$1 desc=$2 kind=$3
	shift 3
	run import "$kind" "$file"
	set -- "$@"
	args=""
	for t in "$@"; do args="$args --err \"$t\""; done
	eval expect 1 "\"$desc\"" $args --err "\"nothing was changed\""
	same_as full "… and the database is unchanged"
}

printf 'Класс;Код;ФИО\n5А;N1;Новиков Ной\n55;N2;Плохой Класс\nX;N3;Тоже Плохой\n' >"$TMP/badclass.csv"
refuse "$TMP/badclass.csv" "a bad class is refused, every bad line named" roster \
	"badclass.csv:3: column «Класс»" "badclass.csv:4:" "2 errors"
printf '\n\nКод;ФИО\nN1;Новиков Ной\n' >"$TMP/noclass.csv"
refuse "$TMP/noclass.csv" "a roster without a class column names the headers it saw, on their line" roster "noclass.csv:3:" "«Код», «ФИО»"
printf 'Класс;Код;ФИО\n5А;N1;Новиков Ной\n5Б;N1;Новиков Ной\n' >"$TMP/dup.csv"
refuse "$TMP/dup.csv" "the same pupil twice in a file is refused" roster "dup.csv:3:" "more than once"
printf 'Класс;Код;ФИО;Группа риска\n5А;N1;Новиков Ной;может быть\n' >"$TMP/yesno.csv"
refuse "$TMP/yesno.csv" "a yes/no cell that is neither is refused" roster "yesno.csv:2:" "может быть"
printf 'Класс;ФИО\n5А;\n' >"$TMP/noname.csv"
refuse "$TMP/noname.csv" "a pupil with neither code nor name is refused" roster "noname.csv:2:"
: >"$TMP/empty.csv"
refuse "$TMP/empty.csv" "an empty file is refused" roster "empty.csv" "empty"
refuse "$TMP/missing.csv" "a missing file is refused" roster "missing.csv"
printf 'Класс;Код;ФИО\n5А;N1;"Новиков "Ной"\n' >"$TMP/quote.csv"
refuse "$TMP/quote.csv" "broken quoting is refused with its line" roster "quote.csv:2:"
printf 'Класс;Код;ФИО\n5А;N1;"Новиков Ной\n' >"$TMP/cut.csv"
refuse "$TMP/cut.csv" "a file cut inside a quoted cell is refused" roster "cut.csv:2:"

printf 'procedure,subject,grade,year,max_score,min_score,score4,score5\nВПР,Математика,7,2024,20,12,10,15\n' >"$TMP/order.csv"
refuse "$TMP/order.csv" "thresholds out of order are refused" scales "order.csv:2:" "below the minimum"
printf 'procedure,subject,grade,year,max_score,min_score\nВПР,Математика,7,2024,20,25\nВПР,Математика,8,2024,двадцать,5\nВПР,Математика,13,2024,20,5\n' >"$TMP/range.csv"
refuse "$TMP/range.csv" "a minimum above the maximum, a word for a number, grade 13" scales \
	"range.csv:2:" "range.csv:3:" "range.csv:4:" "3 errors"
printf 'procedure,subject,grade,year,max_score,min_score\nВПР,Математика,7,2024,20,5\nВПР,Математика,7,2024,20,6\n' >"$TMP/dupscale.csv"
refuse "$TMP/dupscale.csv" "the same assessment twice is refused" scales "dupscale.csv:3:"

head -1 "$F/results.csv" >"$TMP/res-head"
bad_results() {
	cat "$TMP/res-head" >"$TMP/$1"
	printf '%s\n' "$2" >>"$TMP/$1"
}
bad_results over.csv "ВПР,Математика,2024,5А,P1,21,,,"
refuse "$TMP/over.csv" "a score above the maximum is refused" results "over.csv:2:" "outside 0..20"
bad_results neg.csv "ВПР,Математика,2024,5А,P1,-1,,,"
refuse "$TMP/neg.csv" "a negative score is refused" results "neg.csv:2:"
bad_results who.csv "ВПР,Математика,2024,5А,NOBODY,10,,,"
refuse "$TMP/who.csv" "a pupil not in the roster is refused" results "who.csv:2:" "NOBODY"
bad_results noscale.csv "ВПР,Русский язык,2024,6А,Q1,10,,,"
refuse "$TMP/noscale.csv" "a result with no scale is refused" results "noscale.csv:2:" "no scale"
bad_results absent.csv "ВПР,Математика,2024,5А,P1,10,,,да"
refuse "$TMP/absent.csv" "an absent pupil with a score is refused" results "absent.csv:2:" "absent"
bad_results noscore.csv "ВПР,Математика,2024,5А,P1,,,,"
refuse "$TMP/noscore.csv" "a present pupil without a score is refused" results "noscore.csv:2:"
bad_results mark.csv "ВПР,Математика,2024,5А,P1,10,6,,"
refuse "$TMP/mark.csv" "a mark of 6 is refused" results "mark.csv:2:" "from 1 to 5"
bad_results proc.csv "ПРОБНИК,Математика,2024,5А,P1,10,,,"
refuse "$TMP/proc.csv" "an unknown procedure is refused" results "proc.csv:2:" "ПРОБНИК"
{ cat "$TMP/res-head"; sed -n 2p "$F/results.csv"; sed -n 2p "$F/results.csv"; } >"$TMP/twice.csv"
refuse "$TMP/twice.csv" "the same result twice in a file is refused" results "twice.csv:3:" "more than once"
{ cat "$TMP/res-head"; sed -n '2,5p' "$F/results.csv"; echo "ВПР,Математика,2024,5А,P1,999,,,"; } >"$TMP/late.csv"
refuse "$TMP/late.csv" "one bad line after good ones refuses them all" results "late.csv:6:"

# Windows-1251 with ';' and CRLF, as Russian Excel saves "CSV".
printf 'Класс;Код;Фамилия;Имя;Отчество;ИОМ\r\n7Б;W1;Ёлкин;Фёдор;Ильич;да\r\n' | iconv -f UTF-8 -t CP1251 >"$TMP/cp1251.csv"
run import roster "$TMP/cp1251.csv"
expect 0 "a Windows-1251 roster imports" --out "Added 1"
check_eq "$(query "SELECT last_name || ' ' || first_name || ' ' || individual_route FROM student WHERE code = 'W1'")" "Ёлкин Фёдор 1" "its Cyrillic arrives intact"
# UTF-8 with BOM and TAB; Latin "B" typed for Cyrillic "В"; name match without a code.
printf '\357\273\277Class\tFull_Name\n7B\tПетров Пётр\n' >"$TMP/tab.csv"
run import roster "$TMP/tab.csv"
expect 0 "a TAB-separated UTF-8 file with BOM imports" --out "Added 1"
check_eq "$(query "SELECT c.grade || c.letter FROM student s JOIN class c ON c.id = s.class_id WHERE s.last_name = 'Петров'")" "7В" "a Latin letter is read as the Cyrillic class letter"
code=$(query "SELECT code FROM student WHERE last_name = 'Петров'")
run import roster "$TMP/tab.csv"
expect 0 "a code-less pupil is matched by name and class the second time" --out "Added 0, updated 0, unchanged 1"
check_eq "$(query "SELECT code FROM student WHERE last_name = 'Петров'")" "$code" "…and keeps the code it was given"
printf 'Класс;ФИО\n7В;Сидоров Сидор\n7В;Смирнова Софья\n' >"$TMP/twonew.csv"
run import roster "$TMP/twonew.csv"
expect 0 "two pupils without codes in one file" --out "Added 2"
check_eq "$(query "SELECT group_concat(code, ' ') FROM (SELECT code FROM student WHERE code GLOB 'У*' ORDER BY code)")" \
	"У00001 У00002 У00003" "…get the next free codes, each its own"
printf 'процедура;предмет;параллель;год;макс. балл;мин. балл\nКДР;Математика;7;2025;10;3\n' >"$TMP/kdr.csv"
run import scales "$TMP/kdr.csv"
expect 0 "scales import" --out "Added 1"
printf 'Процедура;Предмет;Год;ФИО;Класс;Балл\nкдр;математика;2025;ПЕТРОВ  ПЁТР;7в;4\n' >"$TMP/byname.csv"
run import results "$TMP/byname.csv"
expect 0 "a result finds its pupil by name in any case, with ё, without a code" --out "Added 1"

run --db "$TMP/typo/school.db" import roster "$F/roster.csv"
expect 1 "a database that does not exist is not created by import" --err "orientir init"
[ ! -e "$TMP/typo" ] && ok "…no folder or file left behind" || not_ok "…no folder or file left behind"
run import pupils "$F/roster.csv"
expect 2 "an unknown import kind is a usage error" --err "roster, scales, results, tasks, taskmap, staff, roadmap or events"
run import roster
expect 2 "import without a file is a usage error"

# Teachers: one row each, a further row for a further course.
run import staff "$F/staff.csv"
expect 0 "staff imports" --out "Added 3"
check_eq "$(query "SELECT count(*) FROM course")" 2 "…with their courses"
printf 'Код учителя;Курсы ПК;Часов;Дата курсов\nT3;Смысловое чтение;36;01.10.2024\n' >"$TMP/course.csv"
run import staff "$TMP/course.csv"
expect 0 "a row with only a further course adds it" --out "updated 1"
check_eq "$(query "SELECT count(*) FROM course c JOIN teacher t ON t.id = c.teacher_id WHERE t.code = 'T3'")" 1 "…to that teacher"
check_eq "$(query "SELECT diagnostics_result FROM teacher WHERE code = 'T3'")" "Дефициты: работа с историческими источниками" \
	"…and leaves what the file has no column for"
run import staff "$TMP/course.csv"
expect 0 "the same course again changes nothing" --out "unchanged 1"
snapshot full
printf 'Код учителя;ФИО;Дата диагностики;Часов;Дата курсов\nT9;Новый Ной;31.02.2024;;\nT8;Новая Нина;;36;01.02.2024\n' >"$TMP/badstaff.csv"
refuse "$TMP/badstaff.csv" "an impossible date and hours without a course are refused" staff \
	"badstaff.csv:2: column «Дата диагностики»" "badstaff.csv:3:" "2 errors"
printf 'Код учителя;Курсы ПК;Часов;Дата курсов\nT1;Наставничество;0;01.02.2024\nT2;Наставничество;36;01.01.2099\n' >"$TMP/badcourse.csv"
refuse "$TMP/badcourse.csv" "no hours and a course not yet held are refused, as in the Teachers screen's form" staff \
	"badcourse.csv:2: column «Часов»: «0» is not a number of hours" "badcourse.csv:3: column «Дата курсов»: 01.01.2099 is later than today"
# A teacher without a code gets one made up, Т001 and on (never from the
# name: codes go into staff.csv for the district); found by name again.
printf 'ФИО;Предметы\nНовиков Никита;Физика\nОрлова Ольга;Химия\n' >"$TMP/nocode.csv"
run import staff "$TMP/nocode.csv"
expect 0 "teachers without a code are taken in" --out "Added 2"
check_eq "$(query "SELECT group_concat(code, ' ') FROM (SELECT code FROM teacher WHERE last_name IN ('Новиков', 'Орлова') ORDER BY last_name)")" \
	"Т001 Т002" "…with codes made up, Т001 and Т002"
run import staff "$TMP/nocode.csv"
expect 0 "the same file again finds them by name" --out "unchanged 2"

printf 'Класс;Код;ФИО;Любимый цвет\n5А;C1;Цветков Цезарь;синий\n' >"$TMP/unknown.csv"
run import roster "$TMP/unknown.csv"
expect 0 "unknown columns are ignored…" --err "warning: columns not used: «Любимый цвет»"

finish
