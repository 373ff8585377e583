#!/bin/sh
# ORIENTIR_TODAY is «today» for every command, whatever the real date: the
# overdue activities, the half-year an export or a status is of, the days
# written into the database and the files; a value that is not a day is
# refused before anything is done.
. "$TESTS_SRCDIR/cli/lib.sh"

# Refused when it is not a day written YYYY-MM-DD.
for bad in 2026-13-01 2026-02-30 20.06.2026 2026-6-1 tomorrow; do
	on "$bad" init --code 0101 --name "Школа"
	expect 2 "ORIENTIR_TODAY=$bad is refused" --err "orientir: ORIENTIR_TODAY is $bad" --err "YYYY-MM-DD"
done
[ -e "$ORIENTIR_DB" ] && not_ok "…and no database was made" || ok "…and no database was made"
if locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
	LC_ALL=ru_RU.UTF-8 ORIENTIR_TODAY=вчера "$ORIENTIR" check >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect 2 "…told in Russian too" --err "orientir: ORIENTIR_TODAY=вчера: здесь нужен день"
fi
on "" --version
expect 0 "an empty ORIENTIR_TODAY is the real day"

on 2021-08-30 init --code 0101 --name "Тестовая школа" --district "Тестовый район"
expect 0 "init on a fixed day"
check_eq "$(query "SELECT substr(created_at, 1, 11) FROM school")" "2021-08-30T" "…is the day the database was made"

# The risk group's spells, through the roster import.
printf 'Класс;Код;ФИО;Группа риска\n5А;П1;Первый Пётр;да\n5А;П2;Второва Вера;нет\n' >"$TMP/in.csv"
printf 'Класс;Код;ФИО;Группа риска\n5А;П1;Первый Пётр;нет\n5А;П2;Второва Вера;нет\n' >"$TMP/out.csv"
on 2021-09-01 import roster "$TMP/in.csv"
expect 0 "a pupil comes into the risk group by the roster"
check_eq "$(query "SELECT from_on || '|' || coalesce(to_on, '') FROM risk_spell")" "2021-09-01|" \
	"…from ORIENTIR_TODAY's day"
on 2021-11-15 import roster "$TMP/out.csv"
expect 0 "…and leaves it by the roster"
check_eq "$(query "SELECT from_on || '|' || coalesce(to_on, '') FROM risk_spell")" "2021-09-01|2021-11-15" \
	"…on ORIENTIR_TODAY's day"

# roadmap list --overdue: today is ORIENTIR_TODAY unless --today says.
"$ORIENTIR" import roadmap "$FIXTURES/roadmap/belomorsky-2022.csv" --years 2022 >/dev/null
on 2022-03-01 roadmap list --overdue --format csv
check_eq "$(awk -F, 'NR > 1 { print $2 }' "$TMP/out" | tr '\n' ' ')" "2 3 " \
	"on 2022-03-01 the January and February activities are overdue"
on 2022-01-10 roadmap list --overdue --format csv
check_eq "$(grep -c '' "$TMP/out")" 1 "on 2022-01-10 nothing is overdue yet"
on 2022-01-10 roadmap list --overdue --today 2022-03-01 --format csv
check_eq "$(awk -F, 'NR > 1 { print $2 }' "$TMP/out" | tr '\n' ' ')" "2 3 " "--today still wins"
on 2022-03-01 roadmap set 2 --status done
check_eq "$(query "SELECT done_on FROM activity WHERE number = '2'")" 2022-03-01 "done without --date: done today"

# export: the half-year of today when --period is not given, made today.
OUT="$TMP/stick"
mkdir -p "$OUT"
on 2022-05-15 export --to "$OUT"
expect 0 "export without --period on 15 May" --out "orientir-0101-2022-H1"
grep -q '^period: 2022-H1$' "$OUT/orientir-0101-2022-H1/manifest.txt" && ok "…is of the first half-year" \
	|| not_ok "…is of the first half-year"
grep -q '^created_at: 2022-05-15T' "$OUT/orientir-0101-2022-H1/manifest.txt" && ok "…made on 15 May" \
	|| not_ok "…made on 15 May"
grep -q '15\.05\.2022' "$OUT/orientir-0101-2022-H1/report.html" && ok "…and its report is dated so" \
	|| not_ok "…and its report is dated so"
on 2022-07-01 export --to "$OUT"
expect 0 "on 1 July it is the second half-year's" --out "orientir-0101-2022-H2"
on 2023-01-01 export --to "$OUT"
expect 0 "…and on 1 January the next year's first" --out "orientir-0101-2023-H1"

# district status: the half-year of today, awaited until its deadline.
export ORIENTIR_DB="$TMP/district.db"
on 2025-03-01 init --code R --name "ИМЦ" --role district
on 2025-03-01 district schools add 0101 "Тестовая школа"
check_eq "$(query "SELECT added_on FROM d_school")" 2025-03-01 "a school is added on today's day"
on 2025-06-20 district status --format csv
check_eq "$(awk -F, 'NR == 2 { print $3 }' "$TMP/out")" 2025-H1 "district status without --period: today's half-year"
on 2025-06-20 district status
expect 0 "on the deadline's day a missing package is awaited" --out "awaited" --no-out "late"
on 2025-06-21 district status --period 2025-H1
expect 0 "the day after it is late" --out "late" --no-out "awaited"
on 2025-12-31 district status --format csv
check_eq "$(awk -F, 'NR == 2 { print $3 }' "$TMP/out")" 2025-H2 "on 31 December: the second half-year"
finish
