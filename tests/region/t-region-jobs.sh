#!/bin/sh
# region: a folder of packages taken in several at a time (--jobs). The
# same stick taken one at a time and four at a time leaves the same rows
# and says the same, in the folder's order; a bad --jobs is a usage error;
# a worker killed under a parallel import: its package taken in again, the
# import going on; the server stopped under one: every package whole or
# absent, said so, and the import taken again completes it.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/region/pg.sh"
export ORIENTIR_TODAY=2024-06-01
. "$TESTS_SRCDIR/region/schools.sh"

# Eight schools, two of them large enough to be caught at work.
school 0101 "Школа 1" "Северный район" "ВПР:Математика:5:2024:10:4" "ВПР:Русский язык:5:2024:10:1"
school 0102 "Школа 2" "Северный район" "ВПР:Математика:5:2024:10:1"
school 0103 "Школа 3" "Северный район" "ВПР:Математика:5:2024:900:100" "ВПР:Русский язык:5:2024:900:50" \
	"ВПР:Математика:6:2024:900:10"
school 0201 "Школа 4" "Южный район" "ВПР:Русский язык:6:2024:20:8" "ЕГЭ:Русский язык:11:2024:10:4"
school 0202 "Школа 5" "Южный район" "ВПР:Математика:5:2024:8:0"
school 0203 "Школа 6" "Южный район" "ВПР:Математика:5:2024:900:100" "ВПР:Русский язык:5:2024:900:50" \
	"ВПР:Математика:6:2024:900:10"
school 0204 "Школа 7" "Южный район" "ВПР:Математика:7:2024:15:3"
school 0205 "Школа 8" "Южный район" "ОГЭ:Математика:9:2024:12:2"
# one package damaged on the way: refused, the others taken
printf 'x' >>"$TMP/stick/orientir-0202-2024-H1/results.csv"
rm -f "$TMP"/stick/*/receipt.txt
cp -r "$TMP/stick" "$TMP/stick1"
cp -r "$TMP/stick" "$TMP/stick4"
cp -r "$TMP/stick" "$TMP/stick-kill"
cp -r "$TMP/stick" "$TMP/stick-stop"
psql_region "CREATE DATABASE region1" postgres >/dev/null
URL1="postgresql://orientir:$PG_PASSWORD@/region1?host=$PGDIR"
"$ORIENTIR" --db "$PG_URL" init --role region --code 69 --name "Тверская область" >/dev/null
"$ORIENTIR" --db "$URL1" init --role region --code 69 --name "Тверская область" >/dev/null

# --- a bad --jobs ---
for bad in 0 17 x 2x ""; do
	run --db "$PG_URL" district import "$TMP/stick4" --jobs "$bad"
	expect 2 "--jobs '$bad' is a usage error" --err "--jobs takes a number from 1 to 16, not '$bad'"
done
LC_ALL=ru_RU.UTF-8 LANGUAGE=ru run --db "$PG_URL" district import "$TMP/stick4" --jobs 0
expect 2 "…said in Russian too" --err "--jobs — число от 1 до 16"
[ "$(region "SELECT count(*) FROM d_package")" = 0 ] && ok "…and nothing was taken in" \
	|| not_ok "…and nothing was taken in"

# --- one at a time and four at a time: the same ---
"$ORIENTIR" --db "$URL1" district import "$TMP/stick1" --received 2024-06-05 --jobs 1 >"$TMP/out1" 2>"$TMP/err1"
rc1=$?
run --db "$PG_URL" district import "$TMP/stick4" --received 2024-06-05 --jobs 4
expect 1 "four at a time: a damaged package is refused, the others taken" \
	--out "8 packages: 7 new, 0 replaced, 0 unchanged, 0 older, 0 held, 1 refused." \
	--err "orientir-0202-2024-H1: results.csv"
[ "$rc1" = 1 ] && sed "s|$TMP/stick1|STICK|g" "$TMP/out1" >"$TMP/a" && sed "s|$TMP/stick4|STICK|g" "$TMP/out" >"$TMP/b" \
	&& cmp -s "$TMP/a" "$TMP/b" && ok "…saying, in the folder's order, what one at a time says" \
	|| { not_ok "…saying, in the folder's order, what one at a time says"; diff "$TMP/a" "$TMP/b" | sed 's/^/#   /'; }
sed "s|$TMP/stick1|STICK|g" "$TMP/err1" >"$TMP/a"
sed "s|$TMP/stick4|STICK|g" "$TMP/err" >"$TMP/b"
cmp -s "$TMP/a" "$TMP/b" && ok "…and the same on stderr" || not_ok "…and the same on stderr"
[ "$(grep -o '^0[0-9]* ' "$TMP/out" | tr -d ' ' | tr '\n' ' ')" = "0101 0102 0103 0201 0203 0204 0205 " ] \
	&& ok "…each school named in the folder's order" || not_ok "…each school named in the folder's order"
# every table as both hold it, but the times and numbers of the receiving
dump() {
	psql_region "SELECT string_agg(t, E'\n' ORDER BY t) FROM (
		SELECT concat_ws('|', school_code, year, procedure, subject, grade, student, class, absent, score, mark,
			journal_mark, max_score, min_score, high_score) t FROM d_result
		UNION ALL SELECT concat_ws('|', school_code, year, procedure, subject, participants, below, high, compared,
			lowered, confirmed, raised) FROM d_share
		UNION ALL SELECT concat_ws('|', p.school_code, p.period, p.digest, i.code, i.procedure, i.subject,
			i.grade, i.year, i.num, i.den, i.percent) FROM d_indicator i JOIN d_package p ON p.id = i.package_id
		UNION ALL SELECT concat_ws('|', school_code, period, school_name, district, created_at, digest)
			FROM d_package
		UNION ALL SELECT concat_ws('|', code, name, listed, key) FROM d_school) x" "$1"
}
dump region >"$TMP/d4"
dump region1 >"$TMP/d1"
[ "$(wc -l <"$TMP/d4")" -gt 5000 ] && cmp -s "$TMP/d1" "$TMP/d4" \
	&& ok "…and the region holds, row for row, what one at a time stores" \
	|| { not_ok "…and the region holds, row for row, what one at a time stores"; diff "$TMP/d1" "$TMP/d4" | head | sed 's/^/#   /'; }
n=0
for p in "$TMP"/stick4/orientir-*; do
	[ -s "$p/receipt.txt" ] && n=$((n + 1))
done
[ "$n" = 8 ] && grep -q "^outcome: refused" "$TMP/stick4/orientir-0202-2024-H1/receipt.txt" \
	&& ok "…every package has its receipt, the refused one too" \
	|| not_ok "…every package has its receipt, the refused one too ($n)"
run --db "$PG_URL" district import "$TMP/stick4" --received 2024-06-06
expect 1 "the same stick again, four at a time: all unchanged" \
	--out "8 packages: 0 new, 0 replaced, 7 unchanged, 0 older, 0 held, 1 refused."

# counts DB: each school's packages and results, a line each
counts() {
	psql_region "SELECT s.code || ':' || (SELECT count(*) FROM d_package p WHERE p.school_code = s.code) || ':'
		|| (SELECT count(*) FROM d_result r WHERE r.school_code = s.code) FROM d_school s ORDER BY s.code" "$1"
}
counts region >"$TMP/whole"
# whole_or_none DB: every school of DB as the full import left it, or
# with neither its package nor a result; no result without its school
whole_or_none() {
	counts "$1" | awk -F: 'NR == FNR { want[$1] = $0; next }
		!($1 in want) || ($0 != want[$1] && $0 != $1 ":0:0") { bad = 1 } END { exit bad }' "$TMP/whole" - &&
		[ "$(psql_region "SELECT count(*) FROM d_result r WHERE NOT EXISTS
			(SELECT 1 FROM d_school s WHERE s.code = r.school_code)" "$1")" = 0 ]
}
# full DB: the seven sound packages and all their results
full() {
	[ "$(psql_region "SELECT count(*) || ':' || (SELECT count(*) FROM d_result) FROM d_package" "$1")" = \
		"7:$(psql_region "SELECT count(*) FROM d_result" region)" ]
}

# --- a worker killed at work ---
psql_region "CREATE DATABASE region2" postgres >/dev/null
URL2="postgresql://orientir:$PG_PASSWORD@/region2?host=$PGDIR"
"$ORIENTIR" --db "$URL2" init --role region --code 69 --name "Тверская область" >/dev/null
"$ORIENTIR" --db "$URL2" district import "$TMP/stick-kill" --jobs 2 >"$TMP/out" 2>"$TMP/err" &
pid=$!
# its first worker, as soon as there is one
i=0 worker=
while [ $i -lt 500 ] && [ -z "$worker" ]; do
	i=$((i + 1))
	sleep 0.01
	worker=$(pgrep -P $pid | head -n 1)
done
[ -n "$worker" ] && kill -9 "$worker"
wait $pid
rc=$?
[ -n "$worker" ] && [ $rc = 1 ] && grep -q "the process importing it stopped before it had finished: taken in again" \
	"$TMP/out" && grep -Eq "^8 packages: [67] new, 0 replaced, [01] unchanged, 0 older, 0 held, 1 refused.$" "$TMP/out" \
	&& ok "a worker killed: its package is taken in again, and the import goes on to the end" \
	|| not_ok "a worker killed: its package is taken in again, and the import goes on to the end (status $rc)"
full region2 && ok "…every sound package whole, with all its results" \
	|| not_ok "…every sound package whole, with all its results"
[ -z "$(pgrep -f "stick-kill")" ] && ok "…and no worker is left behind" || not_ok "…and no worker is left behind"
n=0
for p in "$TMP"/stick-kill/orientir-*; do
	[ -s "$p/receipt.txt" ] && n=$((n + 1))
done
[ "$n" = 8 ] && ok "…and every package has its receipt" || not_ok "…and every package has its receipt ($n)"

# --- the server stopped under a parallel import ---
psql_region "CREATE DATABASE region3" postgres >/dev/null
URL3="postgresql://orientir:$PG_PASSWORD@/region3?host=$PGDIR"
"$ORIENTIR" --db "$URL3" init --role region --code 69 --name "Тверская область" >/dev/null
"$ORIENTIR" --db "$URL3" district import "$TMP/stick-stop" --jobs 4 >"$TMP/out" 2>"$TMP/err" &
pid=$!
sleep 0.3
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
wait $pid
rc=$?
pg_start
if [ $rc = 0 ]; then
	ok "the server stopped: the import had finished"
else
	expect 1 "the server stopped: the import fails and says so" --err "nothing of it was kept"
fi
whole_or_none region3 && ok "…every package whole or absent" || not_ok "…every package whole or absent"
run --db "$URL3" district import "$TMP/stick-stop"
expect 1 "…taken again, the import completes" --out "8 packages:" --out "1 refused."
full region3 && ok "…with every sound package and all its results" \
	|| not_ok "…with every sound package and all its results"

echo "# $passed passed, $failed failed"
[ $failed = 0 ]
