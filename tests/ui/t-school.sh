#!/bin/sh
# The school's own screens on the console (issue 11): choosing what to
# enter and the results grid, the indicators, the scales, the risk group
# and the teachers — their lists, keys and forms at 80×24 under TERM=linux
# and xterm-256color, their looks on vt100; what they saved checked with
# the command line.
. "$(dirname "$0")/lib.sh"

# A grade's results typed, left unsaved, and kept through a crash.
for term in linux xterm-256color; do
	db="$TMP/$term-results.db"
	school "$db"
	vt $term enter-results.vt "$db"
	# 12, 7 and 2 against a minimum of 5: one of three below it.
	check "$("$ORIENTIR" --db "$db" indicators --year 2025 --format csv | grep '^below_min,ВПР,Математика,5,')" \
		"below_min,ВПР,Математика,5,2025,1,3,33.3" "the indicators command sees the typed results ($term)"

	db="$TMP/$term-unsaved.db"
	school "$db"
	vt $term unsaved.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT (SELECT count(*) FROM result) || '/' || (SELECT count(*) FROM draft)")" \
		"0/0" "\"don't save\" leaves no result and no draft ($term)"

	db="$TMP/$term-crash.db"
	school "$db"
	"$VTRUN" --term $term --timeout 10 "$here/crash.vt" -- "$ORIENTIR" --db "$db" >"$TMP/log" 2>&1
	check "$("$SQLITE3" "$db" "SELECT count(*) FROM draft")" 2 "a killed terminal keeps the finished lines ($term)"
	vt $term crash-restore.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT group_concat(score, ' ') FROM (SELECT r.score FROM result r JOIN student s ON s.id = r.student_id ORDER BY s.code)")" \
		"14.0 3.0" "the restored lines are saved ($term)"
done

# The choice of year, procedure and subject: two years, two procedures,
# two subjects, so that each list shows.
printf 'Процедура;Предмет;Параллель;Год;Макс. балл;Мин. балл\nВПР;Математика;5;2026;20;5\nВПР;Русский язык;5;2026;45;18\nОГЭ;Математика;9;2026;31;8\n' \
	>"$TMP/pick-scales.csv"
for term in linux xterm-256color vt100; do
	db="$TMP/$term-pick.db"
	school "$db"
	"$ORIENTIR" --db "$db" import scales "$TMP/pick-scales.csv" >/dev/null
	if [ $term = vt100 ]; then vt $term results-pick-mono.vt "$db"; else vt $term results-pick.vt "$db"; fi
done

# The grid of a grade of 31, the last with a long name.
{
	echo 'Класс;Код;ФИО'
	k=0
	for n in Алексеев Бобров Волков Голубев Дмитриев Егоров Жуков Зайцев Ильин Калинин Лебедев Морозов Никитин \
		Орлов Павлов Романов Соколов Тихонов Ульянов Фёдоров Харитонов Цветков Чернов Шилов Щукин Юдин Яковлев; do
		k=$((k + 1))
		echo "5А;Г$k;$n Глеб"
	done
	echo '5А;Я99;Яровая-Старосельская Александра Владимировна'
} >"$TMP/grid-roster.csv"
for term in linux xterm-256color; do
	db="$TMP/$term-grid.db"
	school "$db"
	"$ORIENTIR" --db "$db" import roster "$TMP/grid-roster.csv" >/dev/null
	vt $term grid.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT (SELECT count(*) FROM result) || '/' || (SELECT count(*) FROM draft)")" \
		"0/0" "the refused keys typed nothing, and «Не сохранять» left nothing ($term)"
done

# Indicators of the fixture school, 2024 against 2023, and two subjects
# more in 2024 so that the bars fill more than a screen.
printf 'Процедура;Предмет;Параллель;Год;Макс. балл;Мин. балл;Балл на 4;Балл на 5\nВПР;Окружающий мир;5;2024;32;8;18;26\nВПР;История;5;2024;15;4;8;12\n' \
	>"$TMP/more-scales.csv"
{
	echo 'Процедура;Предмет;Год;Класс;Код;Балл;Отметка по журналу'
	for s in 'Окружающий мир' 'История'; do
		printf 'ВПР;%s;2024;5А;%s\n' "$s" 'P1;3;3' "$s" 'P2;9;3' "$s" 'P3;12;4' "$s" 'P4;14;5'
	done
} >"$TMP/more-results.csv"
for term in linux xterm-256color; do
	db="$TMP/$term-indicators.db"
	"$ORIENTIR" --db "$db" init --code 0101 --name "Тестовая школа" >/dev/null
	for k in roster scales results; do
		"$ORIENTIR" --db "$db" import $k "$FIXTURES/indicators/$k.csv" >/dev/null
	done
	"$ORIENTIR" --db "$db" import scales "$TMP/more-scales.csv" >/dev/null
	"$ORIENTIR" --db "$db" import results "$TMP/more-results.csv" >/dev/null
	vt $term indicators.vt "$db"
done

# Scales: a new assessment made in the form.
for term in linux xterm-256color; do
	db="$TMP/$term-scales.db"
	school "$db"
	vt $term scales.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT p.name || '|' || s.name || '|' || a.grade || '|' || a.year || '|' || a.max_score || '|' || a.min_score FROM assessment a JOIN procedure p ON p.id = a.procedure_id JOIN subject s ON s.id = a.subject_id WHERE s.name = 'Русский язык'")" \
		"ВПР|Русский язык|5|2025|45.0|18.0" "the assessment made in the form is saved ($term)"
done

# The risk group: this year's results propose a pupil below the minimum.
printf 'Процедура;Предмет;Параллель;Год;Макс. балл;Мин. балл\nВПР;Математика;5;2026;20;5\n' >"$TMP/risk-scales.csv"
printf 'Процедура;Предмет;Год;Класс;Код;Балл\nВПР;Математика;2026;5А;А1;3\nВПР;Математика;2026;5А;Б2;12\n' >"$TMP/risk-results.csv"
for term in linux xterm-256color; do
	db="$TMP/$term-risk.db"
	school "$db"
	"$ORIENTIR" --db "$db" import scales "$TMP/risk-scales.csv" >/dev/null
	"$ORIENTIR" --db "$db" import results "$TMP/risk-results.csv" >/dev/null
	vt $term risk.vt "$db"
	check "$("$ORIENTIR" --db "$db" indicators --year 2026 --format csv | grep '^weak_with_route,')" \
		"weak_with_route,,,,2026,1,1,100.0" "the route given in the screen counts for the indicators ($term)"
	check "$("$SQLITE3" "$db" "SELECT route_teacher || '|' || route_on || '|' || (risk_reason <> '') FROM student WHERE code = 'А1'")" \
		"Иванова А. П.|2026-11-28|1" "…with its teacher, today as its first day and the reason kept ($term)"
done

# A long reason: below the minimum in four subjects; a pupil put in the
# group by the roster, with no reason.
{
	echo 'Процедура;Предмет;Параллель;Год;Макс. балл;Мин. балл'
	printf 'ВПР;%s;5;2026;%s\n' 'Русский язык' '45;18' 'Математика' '20;5' 'Окружающий мир' '32;8' 'История' '15;4'
} >"$TMP/long-scales.csv"
{
	echo 'Процедура;Предмет;Год;Класс;Код;Балл'
	printf 'ВПР;%s;2026;5А;А1;%s\n' 'Русский язык' 2 'Математика' 3 'Окружающий мир' 1 'История' 1
	printf 'ВПР;Математика;2026;5А;В3;4\n'
} >"$TMP/long-results.csv"
printf 'Класс;Код;ФИО;Группа риска\n5А;Б2;Борисова Белла;да\n' >"$TMP/long-roster.csv"
for term in linux xterm-256color; do
	db="$TMP/$term-risk-long.db"
	school "$db"
	for k in scales results roster; do
		"$ORIENTIR" --db "$db" import $k "$TMP/long-$k.csv" >/dev/null
	done
	vt $term risk-long.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT code FROM student WHERE risk_group = 1 ORDER BY code")" "$(printf 'А1\nБ2')" \
		"the pupil chosen in the box is the one added ($term)"
done

# Teachers imported from the school's Import screen are the command line's.
for term in linux xterm-256color; do
	db="$TMP/$term-import-staff.db" cdb="$TMP/$term-import-staff-cli.db"
	school "$db"
	school "$cdb"
	"$ORIENTIR" --db "$cdb" import staff "$FIXTURES/indicators/staff.csv" >/dev/null
	mkdir -p "$TMP/$term-staff-home"
	cp "$FIXTURES/indicators/staff.csv" "$TMP/$term-staff-home/"
	home=$HOME
	HOME=$TMP/$term-staff-home
	vt $term import-staff.vt "$db"
	HOME=$home
	teachers() { "$SQLITE3" "$1" "SELECT code || '|' || subjects || '|' || coalesce(diagnostics_date, '') FROM teacher ORDER BY code"; }
	check "$(teachers "$db" | md5sum)|$(teachers "$db" | wc -l)" "$(teachers "$cdb" | md5sum)|$(teachers "$cdb" | wc -l)" \
		"the teachers imported from the screen are the command line's ($term)"
done

# Teachers: the search, a teacher added and a course.
for term in linux xterm-256color; do
	db="$TMP/$term-teachers.db"
	school "$db"
	"$ORIENTIR" --db "$db" import staff "$FIXTURES/indicators/staff.csv" >/dev/null
	vt $term teachers.vt "$db"
	vt $term teachers-add.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT t.code || '|' || c.hours || '|' || c.taken_on FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE t.last_name = 'Новикова'")" \
		"Т001|36|2026-11-20" "the teacher added gets Т001, and the course its hours and day ($term)"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
