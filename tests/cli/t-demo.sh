#!/bin/sh
# demo: builds the invented school and shows its indicators; never
# overwrites a real school's database.
. "$TESTS_SRCDIR/cli/lib.sh"
run demo --db "$TMP/demo.db"
expect 0 "demo builds its database and shows indicators" --out "ВПР" --out "Русский язык" --out "Indicators for 2026"
check_eq "$(query_demo() { "$SQLITE3" "$TMP/demo.db" "$1"; }; query_demo 'SELECT count(DISTINCT a.year) FROM result r JOIN assessment a ON a.id = r.assessment_id')" 3 "three years of results"
# Its ВПР forms of 2026 task by task, with what each task checks: they give
# the results the demo already has, and the analysis finds deficits.
check_eq "$("$SQLITE3" "$TMP/demo.db" "SELECT count(*) FROM task_score t JOIN result r USING (assessment_id, student_id)
 WHERE r.absent = 0 AND (SELECT sum(value) FROM json_each('[' || replace(t.scores, ' ', ',') || ']')) <> r.score")" 0 \
	"…its forms' task scores add up to its results"
"$ORIENTIR" --db "$TMP/demo.db" tasks --year 2026 --format csv >"$TMP/tasks"
check_eq "$(awk -F, 'NR > 1 { n[$2 " " $3]++; d += $NF == 1 } END { printf "%d %d %d %d %d", n["Математика 4"], n["Русский язык 4"], n["Математика 5"], n["Русский язык 5"], (d > 0) }' "$TMP/tasks")" \
	"12 15 14 12 1" "…four forms of 2026, every task of each, and deficits among them"
run demo --db "$TMP/demo.db"
expect 0 "demo again rebuilds it"
init_school
snapshot real
run demo --db "$ORIENTIR_DB"
expect 1 "demo refuses to overwrite a real school's database" --err "not an earlier demo"
same_as real "…which stays as it was"
run demo --district --db "$ORIENTIR_DB"
expect 1 "nor with the district's demo" --err "not an earlier demo"
same_as real "…which stays as it was"

# The district's demo: five schools, four packages taken in on their days.
D="$TMP/district-demo.db"
run demo --district --db "$D"
expect 0 "demo --district builds a district office" --out "district risk" --out "ДЕМО-05" \
	--out "Their packages are in $D-stick"
check_eq "$("$SQLITE3" "$D" "SELECT role FROM school")" district "…in the district role"
"$ORIENTIR" --db "$D" district status --period 2026-H1 --format csv >"$TMP/st"
check_eq "$(awk -F, 'NR > 1 { printf "%s:%s:%s ", $1, $4, $7 }' "$TMP/st")" \
	"ДЕМО-02:1:1 ДЕМО-03:1:0 ДЕМО-04:1:1 ДЕМО-05:0:0 ДЕМО-01:1:1 " "…four reported, one of them late, one not at all"
check_eq "$(awk -F, 'NR > 1 && $4 == 1 && !($6 < $5) { print $1 }' "$TMP/st")" "" \
	"…each package made before its stick came"
check_eq "$(ls "$D-stick" | tr '\n' ' ')" \
	"orientir-ДЕМО-01-2026-H1 orientir-ДЕМО-02-2026-H1 orientir-ДЕМО-03-2026-H1 orientir-ДЕМО-04-2026-H1 " \
	"…their packages are left beside it"
(cd "$D-stick/orientir-ДЕМО-02-2026-H1" && sha256sum -c --quiet SHA256SUMS) >/dev/null 2>&1 &&
	grep -q '^outcome: accepted' "$D-stick/orientir-ДЕМО-02-2026-H1/receipt.txt" &&
	ok "…each verifies and carries the district's receipt" || not_ok "…each verifies and carries the district's receipt"
"$ORIENTIR" --db "$D" district risk --year 2026 --format csv >"$TMP/risk"
# The same school with its scores four points lower is over the line,
# and the school itself is not.
check_eq "$(awk -F, '$1 == "ДЕМО-02" || $1 == "ДЕМО-01" { printf "%s:%s ", $1, $4 }' "$TMP/risk")" \
	"ДЕМО-02:1 ДЕМО-01:0 " "…and the rule finds the school whose scores were moved down"
[ -e "$D.school" ] && not_ok "…no school database is left behind" || ok "…no school database is left behind"
run demo --district --db "$D"
expect 0 "demo --district again rebuilds it"
check_eq "$("$SQLITE3" "$D" "SELECT count(*) FROM d_package")" 4 "…with the same four packages"
check_eq "$("$SQLITE3" "$D" "SELECT group_concat(DISTINCT school_code) FROM d_task_score")" "ДЕМО-01" \
	"…the school that sent its ВПР forms task by task among them"

unset ORIENTIR_DB
run demo
expect 0 "by default the demo lies beside the real database" --out "$XDG_DATA_HOME/orientir/demo.db"
finish
