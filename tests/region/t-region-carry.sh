#!/bin/sh
# region: the districts' consolidated exports as its input. Two districts
# take in their schools' packages and export; the region takes both
# exports and one school's package straight from its stick, a package an
# export carries too: each school counted once, with its district known
# (the export's, when the school's package names none). An export with a
# byte changed, and one signed by another key than its district's first
# export, are refused whole: nothing stored; --new-district-key takes the
# latter and pins its key.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/region/pg.sh"
export ORIENTIR_TODAY=2024-06-01

# school CODE NAME DISTRICT SPEC...: the school's database, filled, and its
# package of 2024-H1 in $TMP/stick/CODE (DISTRICT "": it names none).
school() {
	code=$1
	gen_school "$@"
	mkdir -p "$TMP/stick/$code"
	"$ORIENTIR" --db "$TMP/$code.db" export --period 2024-H1 --to "$TMP/stick/$code" >/dev/null 2>&1 \
		|| not_ok "school $code: its package is written"
}
# district DB CODE NAME DISTRICT SCHOOL...: a district's file taking in its
# schools' packages, and its export of 2024-H1 in $TMP/export-CODE.
district() {
	db=$1 code=$2 name=$3 where=$4
	shift 4
	"$ORIENTIR" --db "$db" init --role district --code "$code" --name "$name" --district "$where" >/dev/null \
		|| not_ok "district $code is made"
	for s in "$@"; do
		"$ORIENTIR" --db "$db" district schools add "$s" "Школа $s" >/dev/null
		"$ORIENTIR" --db "$db" district import "$TMP/stick/$s" >"$TMP/out" 2>"$TMP/err" \
			|| not_ok "district $code takes school $s"
	done
	mkdir -p "$TMP/export-$code"
	"$ORIENTIR" --db "$db" district export --period 2024-H1 --to "$TMP/export-$code" >"$TMP/out" 2>"$TMP/err" \
		|| not_ok "district $code exports"
	EXPORT="$TMP/export-$code/orientir-district-$code-2024-H1"
}
# stored: what the region holds, counted.
stored() {
	psql_region "SELECT (SELECT count(*) FROM d_package) || ' ' || (SELECT count(*) FROM d_result) || ' '
		|| (SELECT count(*) FROM d_held) || ' ' || (SELECT count(*) FROM d_school)
		|| ' ' || (SELECT count(*) FROM setting WHERE key LIKE 'district-key.%')"
}

run --db "$PG_URL" init --role region --code 69 --name "Тверская область"
expect 0 "the region is made"

school 0301 "Школа 1" "Северный район" "ВПР:Математика:5:2024:10:4" "ВПР:Русский язык:5:2024:10:1"
school 0302 "Школа 2" "Северный район" "ВПР:Математика:5:2024:10:1"
school 0401 "Школа 3" "Южный район" "ВПР:Русский язык:6:2024:20:8"
school 0402 "Школа 4" "" "ВПР:Математика:5:2024:8:0"
district "$TMP/north.db" N1 "ИМЦ Северного района" "Северный район" 0301 0302
cp -r "$EXPORT" "$TMP/north-first"
NORTH=$TMP/north-first
district "$TMP/south.db" S1 "ИМЦ Южного района" "Южный район" 0401 0402
SOUTH=$EXPORT

# --- forged exports: refused whole ---
before=$(stored)
rm -rf "$TMP/forged" && cp -r "$NORTH" "$TMP/forged"
F="$TMP/forged/schools/orientir-0302-2024-H1/results.csv"
sed -i '$s/12/13/' "$F"
run --db "$PG_URL" district import "$TMP/forged"
expect 1 "an export with a byte changed in a carried package is refused" \
	--err "orientir-0302-2024-H1: results.csv does not match its checksum" --err "nothing of it was taken in"
check_eq "$(stored)" "$before" "…and nothing of it is stored, not even its district's key"
rm -rf "$TMP/forged" && cp -r "$NORTH" "$TMP/forged"
sed -i '$s/.$/0/' "$TMP/forged/status.csv"
run --db "$PG_URL" district import "$TMP/forged"
expect 1 "an export with its own table changed is refused" --err "status.csv does not match its checksum"
check_eq "$(stored)" "$before" "…and nothing of it is stored"

# --- two exports and a school's package straight from its stick ---
run --db "$PG_URL" district import "$TMP/stick/0301"
expect 0 "school 0301's package straight from its stick" --out "1 package: 1 new"
run --db "$PG_URL" district import "$NORTH" "$SOUTH"
expect 0 "the two districts' exports are taken in" \
	--out "District export of N1 «ИМЦ Северного района», 1st half-year 2024: 2 school packages." \
	--out "District export of S1 «ИМЦ Южного района», 1st half-year 2024: 2 school packages." \
	--out "the district's key is now pinned" \
	--out "4 packages: 3 new, 0 replaced, 1 unchanged, 0 older, 0 held, 0 refused."
grep -q "^0301 .*unchanged" "$TMP/out" && ok "…school 0301's package, already taken, is unchanged" \
	|| not_ok "…school 0301's package, already taken, is unchanged"
check_eq "$(psql_region "SELECT string_agg(school_code || ':' || district, ' ' ORDER BY school_code) FROM d_package")" \
	"0301:Северный район 0302:Северный район 0401:Южный район 0402:Южный район" \
	"each school counted once, with its district (the export's, for the package naming none)"
check_eq "$(psql_region "SELECT count(*) FROM d_result")" \
	"$(cat "$TMP"/in/030[12]/results.csv "$TMP"/in/040[12]/results.csv | grep -vc '^procedure')" \
	"…and every result of the four schools stored once"
run --db "$PG_URL" district status --period 2024-H1 --district "Южный район" --format csv
expect 0 "the region's district filter finds the schools that came by export" --out "0401," --out "0402,"
run --db "$PG_URL" district import "$TMP/stick/0302"
expect 0 "school 0302's package straight from the stick after its export" --out "1 unchanged"

# --- an export signed by another key than its district's ---
before=$(stored)
mkdir -p "$TMP/stick/0303"
school 0303 "Школа 5" "Северный район" "ВПР:Математика:5:2024:9:1"
district "$TMP/north-new.db" N1 "ИМЦ Северного района" "Северный район" 0303
run --db "$PG_URL" district import "$EXPORT"
expect 1 "an export signed by another key than its district's is refused" \
	--err "but the exports of district N1 «ИМЦ Северного района» come signed by" \
	--err "nothing of it was taken in"
check_eq "$(stored)" "$before" "…and nothing of it is stored"
NEW=$EXPORT
run --db "$PG_URL" district import "$NEW" --new-district-key
expect 0 "…but taken with --new-district-key, once the district confirms its new key" \
	--out "the district's new key is now pinned" --out "1 package: 1 new"
run --db "$PG_URL" district import "$NORTH"
expect 1 "…and then an export signed by the district's old key is refused" --err "come signed by"
finish
