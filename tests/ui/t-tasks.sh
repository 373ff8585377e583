#!/bin/sh
# The ВПР task by task on the screens (issue 14): the school's Tasks screen
# and the district's, at 80×24 on the Linux console, in xterm and in
# monochrome; the heat map's colours and its monochrome looks; the risk
# group's card with a pupil's own deficits.
. "$(dirname "$0")/lib.sh"
T="$FIXTURES/tasks"

# tasks DB: a school with the task fixture's pupils, scales, map and form,
# and a class whose Russian shows a peak at the minimum for «3».
tasks() {
	"$ORIENTIR" --db "$1" init --code 0101 --name "Тестовая школа" >/dev/null &&
	for k in roster scales taskmap; do "$ORIENTIR" --db "$1" import $k "$T/$k.csv" >/dev/null || return 1; done &&
	"$ORIENTIR" --db "$1" import tasks "$T/form-sheets.xlsx" >/dev/null &&
	{
		echo class,student_code,risk_group
		echo 5А,А03,да
		i=0
		while [ $i -lt 30 ]; do i=$((i + 1)); echo "6Б,О$i,"; done
	} >"$TMP/roster.csv" &&
	"$ORIENTIR" --db "$1" import roster "$TMP/roster.csv" >/dev/null &&
	printf 'procedure,subject,grade,year,max_score,min_score,score4,score5\nВПР,Русский язык,6,2025,20,6,11,16\n' \
		>"$TMP/scale6.csv" &&
	"$ORIENTIR" --db "$1" import scales "$TMP/scale6.csv" >/dev/null &&
	{
		echo procedure,subject,year,class,student_code,score,journal_mark
		i=0
		for sc in 6 6 6 6 6 6 6 6 3 4 8 9 10 11 11 12 13 14 15 16 17 18 19 20 2 4 7 12 12 13; do
			i=$((i + 1))
			echo "ВПР,Русский язык,2025,6Б,О$i,$sc,4"
		done
	} >"$TMP/results6.csv" &&
	"$ORIENTIR" --db "$1" import results "$TMP/results6.csv" >/dev/null
}

for term in linux xterm-256color vt100; do
	db="$TMP/$term-tasks.db"
	rm -rf "$HOME"/*
	tasks "$db" || not_ok "the school is made ($term)"
	vt $term tasks.vt "$db"
	check "$(head -c 3 "$HOME/deficits-2025.txt" | od -An -tx1 | tr -d ' ')" efbbbf \
		"the deficits are saved for Notepad too, with a BOM ($term)"
	grep -q "задание 4 — 44,4 % (регион 48,0 %)" "$HOME/deficits-2025.txt" && ok "…the list as on the screen ($term)" \
		|| not_ok "…the list as on the screen ($term)"
	[ $term = vt100 ] && vt $term tasks-mono.vt "$db" || vt $term tasks-colour.vt "$db"
	vt $term risk-deficits.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT route_text FROM student WHERE code = 'А03'")" "" \
		"the proposed route is not saved unless the card is ($term)"
done

# The district: the school's package taken in.
mkdir -p "$TMP/stick"
db="$TMP/school.db"
tasks "$db" || not_ok "the school is made"
ORIENTIR_TODAY=2025-06-10 "$ORIENTIR" --db "$db" export --period 2025-H1 --to "$TMP/stick" >/dev/null || not_ok "the package"
for term in linux xterm-256color vt100; do
	ddb="$TMP/$term-district.db"
	"$ORIENTIR" --db "$ddb" init --code 50 --name "ИМЦ" --role district >/dev/null &&
	"$ORIENTIR" --db "$ddb" district schools add 0101 "$("$SQLITE3" "$db" 'SELECT name FROM school')" >/dev/null &&
	"$ORIENTIR" --db "$ddb" district import "$TMP/stick" --received 2025-06-15 >/dev/null || not_ok "the district ($term)"
	vt $term dtasks.vt "$ddb"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
