#!/bin/sh
# The terminal interface end to end: the real orientir on a pseudo-terminal
# read through libvterm (vtrun), in Russian, under TERM=linux and
# TERM=xterm-256color at 80x24; what it saved checked with the command line.
set -u
: "${ORIENTIR:?run through make check}"
here=$(dirname "$0")
VTRUN=${VTRUN:-$PWD/tests/ui/vtrun}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/orientir-ui.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }

if [ ! -x "$VTRUN" ]; then
	echo "not ok - the terminal harness is not built (apt-get install libvterm-dev, then ./configure)"
	echo "0 passed, 1 failed"
	exit 1
fi
if ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	echo "not ok - the ru_RU.UTF-8 locale is missing (./bootstrap generates it)"
	echo "0 passed, 1 failed"
	exit 1
fi
export LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8 HOME="$TMP/home"
unset LINES COLUMNS ORIENTIR_DB
mkdir -p "$HOME"

# vt TERM SCRIPT DB: one script against orientir on DB.
vt() {
	if "$VTRUN" --term "$1" --timeout 10 "$here/$2" -- "$ORIENTIR" --db "$3" >"$TMP/log" 2>&1; then
		ok "$2 ($1)"
	else
		not_ok "$2 ($1)"
		sed 's/^/#   /' "$TMP/log"
	fi
}
# school DB: a database with the UI fixture's pupils and scale.
school() {
	"$ORIENTIR" --db "$1" init --code 0101 --name "Тестовая школа" >/dev/null &&
	"$ORIENTIR" --db "$1" import roster "$FIXTURES/ui/roster.csv" >/dev/null &&
	"$ORIENTIR" --db "$1" import scales "$FIXTURES/ui/scales.csv" >/dev/null
}
check() { # ACTUAL EXPECTED DESCRIPTION
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3"; echo "#   got '$1', expected '$2'"; fi
}

for term in linux xterm-256color; do
	db="$TMP/$term-first.db"
	vt $term first-run.vt "$db"
	check "$("$SQLITE3" "$db" "SELECT code || '|' || name || '|' || district || '|' || role FROM school")" \
		"0101|Сосновская ООШ|Северный район|school" "the first-run form created the school ($term)"

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

	db="$TMP/$term-resize.db"
	school "$db"
	vt $term resize-help.vt "$db"
done

# The roadmap screen on a table whose deadlines are all past.
for term in linux xterm-256color; do
	db="$TMP/$term-roadmap.db"
	school "$db"
	"$ORIENTIR" --db "$db" import roadmap "$FIXTURES/roadmap/broken.csv" --years 2025 >/dev/null
	vt $term roadmap.vt "$db"
	check "$("$ORIENTIR" --db "$db" roadmap list --status done --format csv | awk -F, 'NR > 1 { print $2 "|" $10 }')" \
		"1|done" "the activity marked done in the screen is done for the command line ($term)"
	check "$("$SQLITE3" "$db" "SELECT evidence FROM activity WHERE status = 'done'")" \
		"Проведена в 5–9 классах, 45 работ" "…with its evidence ($term)"
done

# The risk group: this year's results propose a pupil below the minimum.
year=$(date +%Y)
for term in linux xterm-256color; do
	db="$TMP/$term-risk.db"
	school "$db"
	printf 'Процедура;Предмет;Параллель;Год;Макс. балл;Мин. балл\nВПР;Математика;5;%s;20;5\n' "$year" >"$TMP/risk-scales.csv"
	printf 'Процедура;Предмет;Год;Класс;Код;Балл\nВПР;Математика;%s;5А;А1;3\nВПР;Математика;%s;5А;Б2;12\n' \
		"$year" "$year" >"$TMP/risk-results.csv"
	"$ORIENTIR" --db "$db" import scales "$TMP/risk-scales.csv" >/dev/null
	"$ORIENTIR" --db "$db" import results "$TMP/risk-results.csv" >/dev/null
	vt $term risk.vt "$db"
	check "$("$ORIENTIR" --db "$db" indicators --year "$year" --format csv | grep '^weak_with_route,')" \
		"weak_with_route,,,,$year,1,1,100.0" "the route given in the screen counts for the indicators ($term)"
	check "$("$SQLITE3" "$db" "SELECT route_teacher || '|' || (risk_reason <> '') FROM student WHERE code = 'А1'")" \
		"Иванова А. П.|1" "…with its teacher and the reason kept ($term)"
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

# Export in the district role: the report written from the screen verifies.
period=$(date +%Y)-H$([ "$(date +%m)" -le 6 ] && echo 1 || echo 2)
for term in linux xterm-256color; do
	sdb="$TMP/$term-dschool.db" db="$TMP/$term-dexport.db" stick="$TMP/$term-dstick"
	mkdir -p "$stick/in"
	"$ORIENTIR" --db "$sdb" init --code 0101 --name "Школа Альфа" >/dev/null &&
	"$ORIENTIR" --db "$sdb" export --period "$period" --to "$stick/in" >/dev/null &&
	"$ORIENTIR" --db "$db" init --code R-01 --name "ИМЦ" --role district >/dev/null &&
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

db="$TMP/teachers.db"
school "$db"
"$ORIENTIR" --db "$db" import staff "$FIXTURES/indicators/staff.csv" >/dev/null
vt xterm-256color teachers.vt "$db"

db="$TMP/vt100.db"
school "$db"
vt vt100 vt100.vt "$db"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
