#!/bin/sh
# The user reads Russian: under a Russian locale the program speaks it.
. "$TESTS_SRCDIR/cli/lib.sh"
if ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	echo "SKIP: the ru_RU.UTF-8 locale is not generated (./bootstrap does it)"
	exit 77
fi
export LC_ALL=ru_RU.UTF-8 LANG=ru_RU.UTF-8
run --help
expect 0 "--help is in Russian" --out "Использование" --out "Команды"
init_school
printf 'Класс;ФИО\n55;Плохой Класс\n' >"$TMP/bad.csv"
run import roster "$TMP/bad.csv"
expect 1 "an import error is in Russian and names the file and line" --err "bad.csv:2: столбец «Класс»" --err "ничего не изменено"
for k in roster scales results; do "$ORIENTIR" import $k "$FIXTURES/indicators/$k.csv" >/dev/null; done
run indicators --year 2024
expect 0 "the table is in Russian with a decimal comma" --out "Показатели" --out "ниже минимума" --out "20,0"
run indicators --year 2024 --format csv
expect 0 "csv stays in the contract's codes and decimal point" --out "below_min,ВПР,Математика,5,2024,1,5,20.0"
run import roster "$TMP/bad.csv" --dry-run --bogus
expect 2 "usage errors are in Russian" --err "orientir help import"
finish
