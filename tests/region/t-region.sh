#!/bin/sh
# region: the district office's work on PostgreSQL. A throwaway cluster
# (pg.sh); a region made by init, twice at once; schools of two districts
# write packages, taken into a district's SQLite file and into the region,
# and status and risk must say the same on both; the region's district
# filter; the same package twice, and by two imports at once, stored once;
# a wrong password, an unreachable server; an import killed, and the server
# killed under an import, leave the package whole or absent.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/region/pg.sh"
export ORIENTIR_TODAY=2024-06-01

# Below the minimum with a fraction: both engines must store it as it is.
export GEN_LOW=3.5

. "$TESTS_SRCDIR/region/schools.sh"

# --- the region is made, by two operators at once ---
run --db "$TMP/region.db" init --role region --code 69 --name "Тверская область"
expect 2 "a region's database in a file is refused" --err "PostgreSQL server"
run --db "$PG_URL" init --role district --code R1 --name "ИМЦ"
expect 2 "a district's database on a server is refused" --err "is a file"
"$ORIENTIR" --db "$PG_URL" init --role region --code 69 --name "Тверская область" >"$TMP/init1" 2>&1 &
"$ORIENTIR" --db "$PG_URL" init --role region --code 69 --name "Тверская область" >"$TMP/init2" 2>&1
rc2=$?
wait $!
rc1=$?
[ $((rc1 + rc2)) = 1 ] && ok "two inits at once: one makes the region, the other is told it exists" \
	|| { not_ok "two inits at once: one makes the region ($rc1, $rc2)"; cat "$TMP/init1" "$TMP/init2"; }
grep -q "already belongs" "$TMP/init1" "$TMP/init2" && ok "…the other says it already belongs to the region" \
	|| not_ok "…the other says it already belongs to the region"
[ "$(region "SELECT count(*) || ':' || count(DISTINCT version) FROM orientir_migration")" = \
	"$(region "SELECT max(version) || ':' || max(version) FROM orientir_migration")" ] \
	&& ok "…and every migration is recorded once" || not_ok "…and every migration is recorded once"
[ "$(region "SELECT code || ' ' || role FROM school")" = "69 region" ] && ok "…and the region is its owner" \
	|| not_ok "…and the region is its owner"
run --db "$PG_URL" district status --period 2024-H1
expect 0 "an empty region has no schools yet" --out "No schools yet"

# --- wrong password, no server ---
BAD="postgresql://orientir:wrong@/region?host=$PGDIR"
run --db "$BAD" district status --period 2024-H1
expect 1 "a wrong password is refused" --err "refused the user name or password" --no-err "wrong"
run --db "$BAD" district import "$TMP"
expect 1 "an import with a wrong password says nothing came in" --err "nothing was imported"
LC_ALL=ru_RU.UTF-8 LANGUAGE=ru run --db "$BAD" district status --period 2024-H1
expect 1 "…in Russian too" --err "сервер не принял имя пользователя или пароль"
ORIENTIR_DB=$PG_URL run district status --period 2024-H1
expect 0 "ORIENTIR_DB may name the region's server"
run --db "postgresql://orientir@/region?host=$TMP/nowhere" district status --period 2024-H1
expect 1 "an unreachable server is told" --err "cannot connect to the database server"
run --db "$PG_URL" import roster "$TMP/none.csv"
expect 1 "a school's command on the region's server is refused" --err "region's"

# --- schools of two districts send packages ---
school 0101 "Школа 1" "Северный район" "ВПР:Математика:5:2024:10:4" "ВПР:Русский язык:5:2024:10:1" \
	"ОГЭ:Математика:9:2024:10:5"
school 0102 "Школа 2" "Северный район" "ВПР:Математика:5:2024:10:1"
school 0201 "Школа 3" "Южный район" "ВПР:Русский язык:6:2024:20:8" "ЕГЭ:Русский язык:11:2024:10:4"
school 0202 "Школа 4" "Южный район" "ВПР:Математика:5:2024:8:0"
cp -r "$TMP/stick" "$TMP/stick-district"

# the same packages into a district's file, its schools on its list
DDB="$TMP/district.db"
"$ORIENTIR" --db "$DDB" init --role district --code R1 --name "ИМЦ" >/dev/null
for n in 0101:1 0102:2 0201:3 0202:4; do
	"$ORIENTIR" --db "$DDB" district schools add "${n%:*}" "Школа ${n#*:}" >/dev/null
done
run --db "$DDB" district import "$TMP/stick-district" --received 2024-06-05
expect 0 "the district takes the four packages" --out "4 packages: 4 new"

run --db "$PG_URL" district import "$TMP/stick" --received 2024-06-05
expect 0 "the region takes the four packages, every school new to it" --out "4 packages: 4 new" \
	--out "is now on the region's list"
[ "$(region "SELECT count(*) FROM d_result")" = 78 ] && ok "…with all their 78 results" \
	|| not_ok "…with all their 78 results ($(region "SELECT count(*) FROM d_result"))"
grep -q "^outcome: accepted" "$TMP/stick/orientir-0101-2024-H1/receipt.txt" && ok "…and a receipt for each" \
	|| not_ok "…and a receipt for each"
# (twice the sums: whole numbers that both engines write alike)
sums="SELECT count(*) || ':' || CAST(2 * sum(score) AS INTEGER) || ':' || CAST(2 * sum(max_score) AS INTEGER)
	|| ':' || CAST(2 * sum(min_score) AS INTEGER) FROM d_result"
[ "$(region "$sums")" = "$(sqlite3 "$DDB" "$sums")" ] && [ "$(region "$sums")" = "78:1481:3120:780" ] \
	&& ok "…the same numbers as the district's file, 3.5 and 12 alike" \
	|| not_ok "…the same numbers as the district's file ($(region "$sums"), $(sqlite3 "$DDB" "$sums"))"

for c in "status --period 2024-H1" "risk --year 2024" "indicators --year 2024"; do
	# shellcheck disable=SC2086
	"$ORIENTIR" --db "$DDB" district $c --format csv >"$TMP/d.csv" 2>&1
	# shellcheck disable=SC2086
	"$ORIENTIR" --db "$PG_URL" district $c --format csv >"$TMP/r.csv" 2>&1
	# the region's status and risk have their district last
	[ "${c%% *}" = status ] && cut -d, -f1-7 "$TMP/r.csv" >"$TMP/r7.csv" && mv "$TMP/r7.csv" "$TMP/r.csv"
	[ "${c%% *}" = risk ] && cut -d, -f1-10 "$TMP/r.csv" >"$TMP/r10.csv" && mv "$TMP/r10.csv" "$TMP/r.csv"
	if cmp -s "$TMP/d.csv" "$TMP/r.csv" && [ "$(wc -l <"$TMP/d.csv")" -ge 3 ]; then
		ok "${c%% *}: the region says what the district says"
	else
		not_ok "${c%% *}: the region says what the district says"
		diff "$TMP/d.csv" "$TMP/r.csv" | sed 's/^/#   /'
	fi
done
run --db "$PG_URL" district risk --year 2024 --format csv
expect 0 "the rule flags the school low in two procedures" --out "0101,Школа 1,2024,1,two_procedures"
expect 0 "…and names each school's district last" --out ",distance,district" \
	--out ",Северный район" --out ",Южный район"
run --db "$PG_URL" district risk --year 2024
expect 0 "risk's table names each school's district" --out "District" --out "Северный район" --out "Южный район"

run --db "$PG_URL" district status --period 2024-H1 --district "Южный район" --format csv
expect 0 "status --district keeps that district's schools" --out "0201,Школа 3" --out "0202,Школа 4" \
	--no-out "0101" --out ",Южный район"
run --db "$PG_URL" district status --period 2024-H1
expect 0 "the table names each school's district" --out "Северный район" --out "Reported: 4 of 4 schools"
run --db "$PG_URL" district risk --year 2024 --district "Северный район" --format csv
expect 0 "risk --district keeps that district's schools" --out "0101," --out "0102," --no-out "0201,"
run --db "$DDB" district status --period 2024-H1 --district "Северный район"
expect 0 "a district's file takes the filter too"

# --- the same package again, and by two imports at once ---
before=$(region "SELECT count(*) FROM d_package")
run --db "$PG_URL" district import "$TMP/stick/orientir-0102-2024-H1"
expect 0 "the same package again changes nothing" --out "1 unchanged"
rm -rf "$TMP/stick2" && mkdir -p "$TMP/stick2"
sleep 1	# a package made a second later: another version
"$ORIENTIR" --db "$TMP/0202.db" export --period 2024-H1 --to "$TMP/stick2" >/dev/null 2>&1 \
	&& cp -r "$TMP/stick2" "$TMP/stick3" || not_ok "a corrected package is written"
"$ORIENTIR" --db "$PG_URL" district import "$TMP/stick2" >"$TMP/imp1" 2>&1 &
"$ORIENTIR" --db "$PG_URL" district import "$TMP/stick3" >"$TMP/imp2" 2>&1
rc2=$?
wait $!
rc1=$?
[ "$rc1$rc2" = 00 ] && ok "two imports of one package at once both succeed" \
	|| { not_ok "two imports of one package at once both succeed ($rc1 $rc2)"; cat "$TMP/imp1" "$TMP/imp2"; }
cat "$TMP/imp1" "$TMP/imp2" | grep -c "replaces the earlier version" | grep -qx 1 \
	&& grep -q "1 unchanged" "$TMP/imp1" "$TMP/imp2" && ok "…one takes it, the other finds it there" \
	|| { not_ok "…one takes it, the other finds it there"; cat "$TMP/imp1" "$TMP/imp2"; }
[ "$(region "SELECT count(*) FROM d_package")" = "$before" ] && \
	[ "$(region "SELECT count(*) FROM d_result WHERE school_code = '0202'")" = 8 ] \
	&& ok "…and it is stored once" || not_ok "…and it is stored once"

# --- a pupil's result twice: the line is named, nothing is stored ---
# resum PKG: SHA256SUMS made again after an edit, the signature taken away
# (the region takes an unsigned package of a school it has no key of).
resum() {
	rm -f "$1/SIGNATURE"
	(cd "$1" && for f in *; do
		case $f in SHA256SUMS | receipt.txt) ;; *) sha256sum "$f" ;; esac
	done >SHA256SUMS)
}
P=$TMP/twice/orientir-0109-2024-H1
rm -rf "$TMP/twice" && mkdir -p "$TMP/twice" && cp -r "$TMP/stick/orientir-0101-2024-H1" "$P"
rm -f "$P/receipt.txt"
# a school the region has not seen: its package would be taken
sed -i 's/^school_code: .*/school_code: 0109/' "$P/manifest.txt"
sed -n 2p "$P/results.csv" >>"$P/results.csv"
resum "$P"
run --db "$PG_URL" district import "$P"
expect 1 "a result twice in a package is refused, naming its line" \
	--err "results.csv:$(wc -l <"$P/results.csv" | tr -d ' '): a second result of pupil"
[ "$(region "SELECT (SELECT count(*) FROM d_package WHERE school_code = '0109') +
	(SELECT count(*) FROM d_result WHERE school_code = '0109')")" = 0 ] \
	&& ok "…and nothing of it is stored" || not_ok "…and nothing of it is stored"

# --- the ВПР task by task: the same on both engines ---
# A school's tasks of 2025, and a second subject whose name sorts before
# «Математика» in Russian but after it byte by byte (the server's order).
T=$FIXTURES/tasks
TDB=$TMP/0401.db
"$ORIENTIR" --db "$TDB" init --code 0401 --name "Школа заданий" --district "Восточный район" >/dev/null
for k in roster scales taskmap; do
	"$ORIENTIR" --db "$TDB" import $k "$T/$k.csv" >/dev/null || not_ok "the tasks school: $k imports"
done
"$ORIENTIR" --db "$TDB" import tasks "$T/form-5a.csv" >/dev/null || not_ok "the tasks school: its form imports"
rm -rf "$TMP/tstick" && mkdir -p "$TMP/tstick"
ORIENTIR_TODAY=2025-06-01 "$ORIENTIR" --db "$TDB" export --period 2025-H1 --to "$TMP/tstick" >/dev/null \
	|| not_ok "the tasks school's package is written"
P=$TMP/tstick/orientir-0401-2025-H1
for f in taskmap.csv tasks.csv; do
	awk -F';' 'BEGIN { OFS = ";" } { print } NR > 1 && $2 == "Математика" { $2 = "английский язык"; print }' \
		"$P/$f" >"$P/x" && mv "$P/x" "$P/$f"
done
resum "$P"
cp -r "$TMP/tstick" "$TMP/tstick-district"
"$ORIENTIR" --db "$DDB" district schools add 0401 "Школа заданий" >/dev/null
ORIENTIR_TODAY=2025-06-05 run --db "$DDB" district import "$TMP/tstick-district"
expect 0 "the district takes the tasks package" --out "1 new"
ORIENTIR_TODAY=2025-06-05 run --db "$PG_URL" district import "$TMP/tstick"
expect 0 "the region takes it" --out "1 new"
[ "$(region "SELECT count(*) FROM d_task_score WHERE school_code = '0401'")" = \
	"$(($(wc -l <"$P/tasks.csv") - 1))" ] && ok "…with all its task scores" || not_ok "…with all its task scores"
"$ORIENTIR" --db "$DDB" district tasks --year 2025 --format csv >"$TMP/d.csv" 2>&1
"$ORIENTIR" --db "$PG_URL" district tasks --year 2025 --format csv >"$TMP/r.csv" 2>&1
if cmp -s "$TMP/d.csv" "$TMP/r.csv" && grep -q "английский язык" "$TMP/d.csv"; then
	ok "tasks: the region says what the district says, in the same order"
else
	not_ok "tasks: the region says what the district says, in the same order"
	diff "$TMP/d.csv" "$TMP/r.csv" | head -20 | sed 's/^/#   /'
fi
[ "$(grep -n "английский язык" "$TMP/r.csv" | head -1 | cut -d: -f1)" -lt \
	"$(grep -n "Математика" "$TMP/r.csv" | head -1 | cut -d: -f1)" ] \
	&& ok "…«английский язык» before «Математика», in Russian order" \
	|| not_ok "…«английский язык» before «Математика», in Russian order"
# the district filter: the district's own schools, the lines of all summed again from theirs
"$ORIENTIR" --db "$PG_URL" district tasks --year 2025 --format csv --district "Восточный район" >"$TMP/r.csv" 2>&1
cmp -s "$TMP/d.csv" "$TMP/r.csv" && ok "tasks --district: the district's schools alone, as the district says" \
	|| { not_ok "tasks --district: the district's schools alone"; diff "$TMP/d.csv" "$TMP/r.csv" | head | sed 's/^/#   /'; }
"$ORIENTIR" --db "$PG_URL" district tasks --year 2025 --format csv --district "Северный район" >"$TMP/r.csv" 2>&1
[ "$(wc -l <"$TMP/r.csv")" = 1 ] && ok "…a district without task scores has none" \
	|| not_ok "…a district without task scores has none ($(wc -l <"$TMP/r.csv") lines)"
# the table speaks of the region's schools, not of a district
"$ORIENTIR" --db "$PG_URL" district tasks --year 2025 >"$TMP/r.txt" 2>&1
grep -q "^Tasks of 2025 across the region's schools$" "$TMP/r.txt" && grep -q "All schools" "$TMP/r.txt" \
	&& ! grep -q "across the district\|District" "$TMP/r.txt" \
	&& ok "tasks: the region's table speaks of the region's schools" \
	|| { not_ok "tasks: the region's table speaks of the region's schools"; head -5 "$TMP/r.txt" | sed 's/^/#   /'; }
"$ORIENTIR" --db "$PG_URL" district tasks --year 2025 --district "Восточный район" >"$TMP/r.txt" 2>&1
grep -q "^Tasks of 2025 across the schools of Восточный район$" "$TMP/r.txt" \
	&& ok "…and with --district, of that district's schools" || not_ok "…and with --district, of that district's schools"
# a task score twice: its line named, nothing stored
Q=$TMP/tstick2/orientir-0402-2025-H1
rm -rf "$TMP/tstick2" && mkdir -p "$TMP/tstick2" && cp -r "$P" "$Q" && rm -f "$Q/receipt.txt"
sed -i 's/^school_code: .*/school_code: 0402/' "$Q/manifest.txt"
sed -n 2p "$Q/tasks.csv" >>"$Q/tasks.csv"
resum "$Q"
ORIENTIR_TODAY=2025-06-05 run --db "$PG_URL" district import "$TMP/tstick2"
expect 1 "a task score twice in a package is refused, naming its line" \
	--err "tasks.csv:$(wc -l <"$Q/tasks.csv" | tr -d ' '): a second score of pupil"
[ "$(region "SELECT (SELECT count(*) FROM d_package WHERE school_code = '0402') +
	(SELECT count(*) FROM d_task_score WHERE school_code = '0402')")" = 0 ] \
	&& ok "…and nothing of it is stored" || not_ok "…and nothing of it is stored"

# --- a role that may only read ---
psql_region "CREATE ROLE reader LOGIN PASSWORD 'r3ad'; GRANT USAGE ON SCHEMA public TO reader;
	GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" >/dev/null
READER="postgresql://reader:r3ad@/region?host=$PGDIR"
run --db "$READER" district status --period 2024-H1 --format csv
expect 0 "a role that may only read reads the region" --out "0101,Школа 1"
before=$(region "SELECT count(*) || ':' || sum(length(digest)) FROM d_package")
P=$TMP/ro/orientir-0108-2024-H1
rm -rf "$TMP/ro" && mkdir -p "$TMP/ro" && cp -r "$TMP/stick/orientir-0101-2024-H1" "$P"
rm -f "$P/receipt.txt"
sed -i 's/^school_code: .*/school_code: 0108/' "$P/manifest.txt"
resum "$P"
LC_ALL=ru_RU.UTF-8 LANGUAGE=ru run --db "$READER" district import "$TMP/ro"
expect 1 "…but its import is refused, said plainly in Russian" \
	--err "сервер базы данных не даёт этому пользователю вносить изменения" --err "ничего не сохранено"
[ "$(region "SELECT count(*) || ':' || sum(length(digest)) FROM d_package")" = "$before" ] \
	&& [ "$(region "SELECT count(*) FROM d_school WHERE code = '0108'")" = 0 ] \
	&& ok "…and nothing of it is stored" || not_ok "…and nothing of it is stored"

# --- killed in the middle: the package is whole or absent ---
school 0301 "Большая школа" "Западный район" "ВПР:Математика:5:2024:900:100" "ВПР:Русский язык:5:2024:900:50" \
	"ВПР:Математика:6:2024:900:10"
whole_or_none() {
	n=$(region "SELECT count(*) FROM d_result WHERE school_code = '0301'")
	p=$(region "SELECT count(*) FROM d_package WHERE school_code = '0301'")
	[ "$n:$p" = "0:0" ] || [ "$n:$p" = "2700:1" ]
}
# forget_0301: the school's package and results gone, for the next try (the
# region keeps the rows of a year true itself, without foreign keys).
forget_0301() {
	region "DELETE FROM d_package WHERE school_code = '0301'; DELETE FROM d_result_source WHERE school_code = '0301';
		DELETE FROM d_result WHERE school_code = '0301'; DELETE FROM d_task WHERE school_code = '0301';
		DELETE FROM d_task_score WHERE school_code = '0301'; DELETE FROM d_objectivity WHERE school_code = '0301'"
}
for delay in 0.2 0.5 1; do
	rm -rf "$TMP/big" && mkdir -p "$TMP/big" && cp -r "$TMP/stick/orientir-0301-2024-H1" "$TMP/big/"
	"$ORIENTIR" --db "$PG_URL" district import "$TMP/big" >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	whole_or_none && ok "an import killed after ${delay}s leaves the package whole or absent" \
		|| not_ok "an import killed after ${delay}s leaves the package whole or absent ($n results, $p packages)"
	forget_0301
done
for delay in 0.2 0.5; do
	rm -rf "$TMP/big" && mkdir -p "$TMP/big" && cp -r "$TMP/stick/orientir-0301-2024-H1" "$TMP/big/"
	"$ORIENTIR" --db "$PG_URL" district import "$TMP/big" >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	sleep $delay
	as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
	wait $pid
	rc=$?
	pg_start
	if [ $rc = 0 ]; then
		ok "the server stopped after ${delay}s: the import had finished"
	else
		expect 1 "the server stopped after ${delay}s: the import fails and says so" --err "nothing"
	fi
	whole_or_none && ok "…and the package is whole or absent" \
		|| not_ok "…and the package is whole or absent ($n results, $p packages)"
	forget_0301
done

echo "# $passed passed, $failed failed"
[ $failed = 0 ]
