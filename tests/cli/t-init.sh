#!/bin/sh
# init, global options, help, and what every command does on a database
# that has no school yet.
. "$TESTS_SRCDIR/cli/lib.sh"

run --version
expect 0 "--version prints the version" --out "orientir "
run --help
expect 0 "--help lists the commands" --out "indicators" --out "import"
run help import
expect 0 "help COMMAND explains it" --out "--dry-run"
run import --help
expect 0 "COMMAND --help explains it too" --out "--dry-run"
run frobnicate
expect 2 "an unknown command is a usage error" --err "frobnicate"
run help frobnicate
expect 2 "help on an unknown command is a usage error" --err "frobnicate"
run
expect 2 "no command outside a terminal says the interface needs one" --err "needs a terminal"
run init --name "Школа"
expect 2 "init without --code is a usage error" --err "--code"
run init --code 1
expect 2 "init without --name is a usage error" --err "--name"
run init --code 1 --name X --role teacher
expect 2 "an unknown role is a usage error" --err "teacher"
run init --code 1 --name X --bogus
expect 2 "an unknown option is a usage error" --err "help init"
[ ! -e "$ORIENTIR_DB" ] && ok "usage errors create no database" || not_ok "usage errors create no database"

run indicators
expect 1 "a command on an empty database says to run init" --err "orientir init"

rm -rf "$TMP/data"
run init --code 0101 --name "Тестовая школа" --district "Тестовый район"
expect 0 "init creates the database" --out "0101"
check_eq "$(stat -c %a "$ORIENTIR_DB")" 600 "the database file is private (0600)"
check_eq "$(stat -c %a "$TMP/data")" 700 "its new folder is private (0700)"
check_eq "$(query 'PRAGMA journal_mode')" wal "the database is in WAL mode"
check_eq "$(query 'SELECT code || "|" || name || "|" || district || "|" || role FROM school')" \
	"0101|Тестовая школа|Тестовый район|school" "the school is recorded"
check_eq "$(query "SELECT count(*) FROM procedure WHERE name IN ('ВПР','ОГЭ','ЕГЭ')")" 3 "reference procedures are loaded"
check_eq "$(query "SELECT count(*) FROM subject WHERE name IN ('Русский язык','Математика')")" 2 "reference subjects are loaded"
# Every migration has run: their count, read from the array (each ends in '",').
check_eq "$(query "PRAGMA user_version")" "$(grep -c "$(printf '^\t".*",$')" "$TOP_SRCDIR/src/db-schema.c")" \
	"the schema version is set"

snapshot init
run init --code 9999 --name "Другая"
expect 1 "init on a school's database refuses" --err "Тестовая школа"
same_as init "the refused init changed nothing"

run --db "$TMP/other/district.db" init --code R1 --name "Отдел образования" --role district
expect 0 "--db puts a district database elsewhere" --out "district"
check_eq "$("$SQLITE3" "$TMP/other/district.db" 'SELECT role FROM school')" district "the role is district"

ORIENTIR_DB="$TMP/env.db" "$ORIENTIR" init --code E --name Env >/dev/null 2>&1
[ -f "$TMP/env.db" ] && ok "\$ORIENTIR_DB names the database" || not_ok "\$ORIENTIR_DB names the database"

unset ORIENTIR_DB
run init --code X --name Default
expect 0 "without --db or \$ORIENTIR_DB the database goes under XDG_DATA_HOME"
[ -f "$XDG_DATA_HOME/orientir/orientir.db" ] && ok "…at \$XDG_DATA_HOME/orientir/orientir.db" || not_ok "…at \$XDG_DATA_HOME/orientir/orientir.db"

finish
