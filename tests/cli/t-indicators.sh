#!/bin/sh
# indicators: the csv contract, the table for people, option errors.
. "$TESTS_SRCDIR/cli/lib.sh"
F="$FIXTURES/indicators"
init_school
run indicators
expect 1 "no results at all: a clear refusal" --err "no results"
for k in roster scales results; do "$ORIENTIR" import $k "$F/$k.csv" >/dev/null; done

run indicators --year 2024 --format csv
expect 0 "csv format"
check_eq "$(head -1 "$TMP/out")" "indicator,procedure,subject,grade,year,numerator,denominator,percent" "the contract's csv header"
grep -qx 'below_min,ВПР,Математика,5,2024,1,5,20.0' "$TMP/out" && ok "a per-grade row" || not_ok "a per-grade row"
grep -qx 'below_min,ВПР,Математика,,2024,2,8,25.0' "$TMP/out" && ok "a pooled row has an empty grade" || not_ok "a pooled row has an empty grade"
grep -qx 'below_min_any,ВПР,,5,2024,1,6,16.7' "$TMP/out" && ok "an any-subject row has an empty subject" || not_ok "an any-subject row"
grep -qx 'below_min_change,ВПР,Математика,5,2024,,,-30.0' "$TMP/out" && ok "the change in points, negative is better" || not_ok "the change row"
check_eq "$(grep -c '' "$TMP/out")" "$(awk -F, 'NR > 1 && NF == 8' "$TMP/out" | wc -l | awk '{print $1 + 1}')" "every row has the eight columns"
check_eq "$(tr -cd '\r' <"$TMP/out" | wc -c)" 0 "lines end with LF only"

run indicators --year 2024
expect 0 "table format" --out "Indicators for 2024" --out "1 of 5" --out "too few"
COLUMNS=60 "$ORIENTIR" indicators --year 2024 >"$TMP/narrow"
# wc -m counts characters (mawk's length() counts bytes).
over=$(while IFS= read -r l; do printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m; done <"$TMP/narrow" | awk '$1 > 60' | wc -l)
check_eq "$over" 0 "the table fits a 60-column terminal"
run indicators
expect 0 "without --year, the latest year with results" --out "Indicators for 2024"
run indicators --year 2019
expect 0 "a year without results says so" --out "No results for 2019"
run indicators --year soon
expect 2 "a year that is not a number is a usage error" --err "soon"
run indicators --year 2024 --format xml
expect 2 "an unknown format is a usage error" --err "xml"
finish
