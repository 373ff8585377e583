#!/bin/sh
# region-ui: the terminal UI on the region's server (issue 15). A throwaway
# cluster (pg.sh), schools of three districts taken in by 'district
# import', then vtrun scripts (tests/ui/region-*.vt) on 'orientir --db
# postgresql://…' at 80x24 in Russian: the menu, Schools with the district
# column and the district filter, Low results filtered, the region's
# report written (Export, with the filter), Indicators and the tasks
# filtered, a district's export taken in by Import (on a district's file
# too), a user who may only read pressing Import, and the server gone
# under the UI.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/region/pg.sh"
export ORIENTIR_TODAY=2024-06-01
VTRUN=${VTRUN:-$BUILDDIR/tests/ui/vtrun}
UI=$TESTS_SRCDIR/ui
if [ ! -x "$VTRUN" ] || ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	echo "Bail out! the terminal harness or the ru_RU.UTF-8 locale is missing (./bootstrap)"
	exit 99
fi

# vt TERM SCRIPT URL: one script against the UI on the region at URL.
vt() {
	if LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8 HOME="${VTHOME:-$TMP}" "$VTRUN" --term "$1" --timeout 10 "$UI/$2" -- \
		"$ORIENTIR" --db "$3" >"$TMP/vt.log" 2>&1; then
		ok "$2 ($1)"
	else
		not_ok "$2 ($1)"
		sed 's/^/#   /' "$TMP/vt.log"
	fi
}

# school CODE NAME DISTRICT SPEC...: its package of 2024-H1 on $TMP/stick.
school() {
	code=$1 name=$2 district=$3
	shift 3
	gen "$TMP/in/$code" "$@"
	db="$TMP/$code.db"
	"$ORIENTIR" --db "$db" init --code "$code" --name "$name" --district "$district" >/dev/null \
		|| not_ok "school $code is made"
	for k in roster scales results; do
		"$ORIENTIR" --db "$db" import $k "$TMP/in/$code/$k.csv" >/dev/null 2>&1 \
			|| not_ok "school $code: $k imports"
	done
	mkdir -p "$TMP/stick"
	"$ORIENTIR" --db "$db" export --period 2024-H1 --to "$TMP/stick" >/dev/null 2>&1 \
		|| not_ok "school $code: its package is written"
}

"$ORIENTIR" --db "$PG_URL" init --role region --code 69 --name "Тверская область" >/dev/null \
	|| not_ok "the region is made"
school 0101 "Сосновская средняя общеобразовательная школа" "Северный район" \
	"ВПР:Математика:5:2024:10:4" "ВПР:Русский язык:5:2024:10:1" "ОГЭ:Математика:9:2024:10:5"
school 0102 "Озёрная основная школа" "Северный район" "ВПР:Математика:5:2024:10:1"
school 0201 "Южная СОШ № 1" "Южный район" "ВПР:Русский язык:6:2024:20:8" "ЕГЭ:Русский язык:11:2024:10:4"
school 0202 "Берёзовская ООШ" "Южный район" "ВПР:Математика:5:2024:8:0"
school 0301 "Краснохолмская СОШ № 2" "Краснохолмский муниципальный округ" "ВПР:Математика:5:2024:12:2"
run --db "$PG_URL" district import "$TMP/stick" --received 2024-06-05
expect 0 "the region takes the five packages" --out "5 packages: 5 new"
: >"$TMP/out"
: >"$TMP/err"

for term in linux xterm-256color; do
	vt $term region-menu.vt "$PG_URL"
	vt $term region-status.vt "$PG_URL"
done

# a user who may only read
psql_region "CREATE ROLE reader LOGIN PASSWORD 'r3ad'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" \
	|| not_ok "the reading user is made"
before=$(psql_region "SELECT count(*) FROM d_package")
vt linux region-readonly.vt "postgresql://reader:r3ad@/region?host=$PGDIR"
[ "$(psql_region "SELECT count(*) FROM d_package")" = "$before" ] && ok "…and nothing changed" \
	|| not_ok "…and nothing changed"

# Export: the region's report of the southern district into HOME
vt linux region-export.vt "$PG_URL"
E=$TMP/orientir-region-69-2024-H1-Южный_район
[ -s "$E/report.html" ] && grep -q "<title>.* — Тверская область — Южный район — " "$E/report.html" \
	&& ! grep -q "Сосновская" "$E/report.html" \
	&& ok "…the folder holds the southern district's report.html, no other district's school" \
	|| not_ok "…the folder holds the southern district's report.html, no other district's school"

# A school of the Восточный район with the ВПР task by task (2025)
T=$FIXTURES/tasks
"$ORIENTIR" --db "$TMP/0401.db" init --code 0401 --name "Школа заданий" --district "Восточный район" >/dev/null
for k in roster scales taskmap; do
	"$ORIENTIR" --db "$TMP/0401.db" import $k "$T/$k.csv" >/dev/null || not_ok "the tasks school: $k imports"
done
"$ORIENTIR" --db "$TMP/0401.db" import tasks "$T/form-5a.csv" >/dev/null || not_ok "the tasks school: its form imports"
mkdir -p "$TMP/tstick"
ORIENTIR_TODAY=2025-06-01 "$ORIENTIR" --db "$TMP/0401.db" export --period 2025-H1 --to "$TMP/tstick" >/dev/null \
	|| not_ok "the tasks school's package is written"
ORIENTIR_TODAY=2025-06-05 "$ORIENTIR" --db "$PG_URL" district import "$TMP/tstick" >/dev/null \
	|| not_ok "the region takes the tasks school's package"
vt linux region-filters.vt "$PG_URL"

# Import: a district's export (the western district's office, one school)
gen "$TMP/in/0501" "ВПР:Математика:5:2024:10:2"
"$ORIENTIR" --db "$TMP/0501.db" init --code 0501 --name "Западная школа" --district "Западный район" >/dev/null
for k in roster scales results; do
	"$ORIENTIR" --db "$TMP/0501.db" import $k "$TMP/in/0501/$k.csv" >/dev/null 2>&1 || not_ok "school 0501: $k imports"
done
mkdir -p "$TMP/wstick" "$TMP/wexp"
"$ORIENTIR" --db "$TMP/0501.db" export --period 2024-H1 --to "$TMP/wstick" >/dev/null 2>&1 \
	|| not_ok "school 0501: its package is written"
WDB=$TMP/west.db
"$ORIENTIR" --db "$WDB" init --role district --code R3 --name "ИМЦ Западного района" >/dev/null
"$ORIENTIR" --db "$WDB" district schools add 0501 "Западная школа" >/dev/null
"$ORIENTIR" --db "$WDB" district import "$TMP/wstick" --received 2024-06-05 >/dev/null \
	|| not_ok "the western district takes its school's package"
"$ORIENTIR" --db "$WDB" district export --period 2024-H1 --to "$TMP/wexp" >/dev/null \
	|| not_ok "the western district's export is written"
cp -r "$TMP/wexp" "$TMP/wexp2"
cp -r "$TMP/wexp" "$TMP/wbad"
echo "0501;tampered" >>"$TMP/wbad/orientir-district-R3-2024-H1/schools/orientir-0501-2024-H1/results.csv"
VTHOME=$TMP/wexp vt linux dimport-export.vt "$PG_URL"
[ "$(psql_region "SELECT count(*) FROM d_package WHERE school_code = '0501'")" = 1 ] \
	&& [ "$(psql_region "SELECT district FROM d_package WHERE school_code = '0501'")" = "Западный район" ] \
	&& ok "…the region holds the school's package, of the western district" \
	|| not_ok "…the region holds the school's package, of the western district"
# one whose school package was changed after the export was written
before=$(psql_region "SELECT count(*) FROM d_result")
VTHOME=$TMP/wbad vt linux dimport-export-bad.vt "$PG_URL"
[ "$(psql_region "SELECT count(*) FROM d_result")" = "$before" ] && ok "…and nothing of it is stored" \
	|| not_ok "…and nothing of it is stored"
# a district's file takes another district's export the same way
"$ORIENTIR" --db "$TMP/other.db" init --role district --code R4 --name "ИМЦ" >/dev/null
"$ORIENTIR" --db "$TMP/other.db" district schools add 0501 "Западная школа" >/dev/null
VTHOME=$TMP/wexp2 vt linux dimport-export.vt "$TMP/other.db"
[ "$("$SQLITE3" "$TMP/other.db" "SELECT count(*) FROM d_package WHERE school_code = '0501'")" = 1 ] \
	&& ok "…and a district's file holds it too" || not_ok "…and a district's file holds it too"

# The server stopped while the UI waits on its menu (the script pauses
# 3 s there): stopped once the UI's connection is seen.
LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8 HOME="$TMP" "$VTRUN" --term linux --timeout 10 "$UI/region-lost.vt" -- \
	"$ORIENTIR" --db "$PG_URL" >"$TMP/lost.log" 2>&1 &
vtpid=$!
i=0
while [ $i -lt 50 ] && [ "$(psql_region "SELECT count(*) FROM pg_stat_activity
	WHERE datname = 'region' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")" != 1 ]; do
	sleep 0.1
	i=$((i + 1))
done
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
if wait $vtpid; then
	ok "region-lost.vt: the server gone under the UI is told, and the program leaves cleanly"
else
	not_ok "region-lost.vt: the server gone under the UI is told, and the program leaves cleanly"
	sed 's/^/#   /' "$TMP/lost.log"
fi

echo "# $passed passed, $failed failed"
[ $failed = 0 ]
