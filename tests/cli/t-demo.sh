#!/bin/sh
# demo: builds the invented school and shows its indicators; never
# overwrites a real school's database.
. "$TESTS_SRCDIR/cli/lib.sh"
run demo --db "$TMP/demo.db"
expect 0 "demo builds its database and shows indicators" --out "ВПР" --out "Русский язык" --out "Indicators for 2026"
check_eq "$(query_demo() { "$SQLITE3" "$TMP/demo.db" "$1"; }; query_demo 'SELECT count(DISTINCT a.year) FROM result r JOIN assessment a ON a.id = r.assessment_id')" 3 "three years of results"
run demo --db "$TMP/demo.db"
expect 0 "demo again rebuilds it"
init_school
snapshot real
run demo --db "$ORIENTIR_DB"
expect 1 "demo refuses to overwrite a real school's database" --err "not an earlier demo"
same_as real "…which stays as it was"
unset ORIENTIR_DB
run demo
expect 0 "by default the demo lies beside the real database" --out "$XDG_DATA_HOME/orientir/demo.db"
finish
