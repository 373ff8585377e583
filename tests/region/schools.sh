# Sourced by the region tests after tests/region/pg.sh: schools that write
# their packages, and a look into the region's database.

# school CODE NAME DISTRICT SPEC...: the school's database, filled, and its
# package of 2024-H1 on the stick $TMP/stick.
school() {
	code=$1 name=$2 district=$3
	shift 3
	gen "$TMP/in/$code" "$@"
	db="$TMP/$code.db"
	mkdir -p "$TMP/stick"
	"$ORIENTIR" --db "$db" init --code "$code" --name "$name" --district "$district" >/dev/null \
		|| not_ok "school $code is made"
	for k in roster scales results; do
		"$ORIENTIR" --db "$db" import $k "$TMP/in/$code/$k.csv" >"$TMP/out" 2>"$TMP/err" \
			|| not_ok "school $code: $k imports"
	done
	"$ORIENTIR" --db "$db" export --period 2024-H1 --to "$TMP/stick" >"$TMP/out" 2>"$TMP/err" \
		|| not_ok "school $code: its package is written"
}

# region SQL: one value from the region's database.
region() {
	psql_region "$1"
}
