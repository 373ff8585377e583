#!/bin/sh
# Makes the fuzz targets' seed corpora in tests/fuzz/corpus/ (committed):
#   csvin/    the CSV fixtures, and files made here byte by byte: Windows-1251,
#             a BOM, CR-only lines, a quoted cell over lines, a formula guard
#   deadline/ a byte choosing the roadmap's years, then a deadline as
#             roadmaps write them (from tests/unit/test-deadline.c's cases)
#   package/  a real package's SHA256SUMS, SIGNATURE, manifest.txt, tables and
#             a receipt, NUL between them, as fuzz-package.c splits its input
# Usage: ORIENTIR=src/orientir tests/fuzz/make-corpus.sh (from the top folder).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
c=$top/tests/fuzz/corpus
ORIENTIR=${ORIENTIR:-$top/src/orientir}
rm -rf "$c"
mkdir -p "$c/csvin" "$c/deadline" "$c/package"

cp "$top"/tests/fixtures/csv/*.csv "$top"/tests/fixtures/indicators/roster.csv "$top"/tests/fixtures/indicators/scales.csv "$c/csvin/"
printf 'Процедура;Предмет;Год;Класс;Код;Балл\nВПР;Математика;2024;5А;P1;12\n' | iconv -f UTF-8 -t CP1251 >"$c/csvin/cp1251.csv"
printf '\357\273\277procedure,subject,year,class,student_code,score\r\nВПР,"Русский\r\nязык",2024,5А,P1,"1""2"\r\n' >"$c/csvin/bom-crlf.csv"
printf 'procedure\tsubject\tyear\tclass\tstudent_code\tscore\rВПР\tМатематика\t2024\t5А\tP1\t12,5\r' >"$c/csvin/cr-tab.csv"
printf "Процедура;Предмет;Год;Класс;Код;Балл\n'=1+1;'-x;'@a;''b;\"'+7\";-5,0\n" >"$c/csvin/guard.csv"

i=0
sed -n 's/^	{ "\([^"]*\)", \([A-Z]*\),.*/\2 \1/p' "$top/tests/unit/test-deadline.c" | while read -r years text; do
	i=$((i + 1))
	case $years in BEL) b='\004' ;; *) b='\024' ;; esac	# one year 2022; or 2022-2024
	printf "$b%s" "$text" >"$c/deadline/$(printf '%03d' $i)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ORIENTIR_DB="$work/s.db" ORIENTIR_TODAY=2024-06-10 LC_ALL=C ORIENTIR_DATADIR=${ORIENTIR_DATADIR:-$top/data}
f=$top/tests/fixtures/indicators
"$ORIENTIR" init --code 0101 --name "Школа" --district "Район" >/dev/null
for k in roster scales results staff; do "$ORIENTIR" import $k "$f/$k.csv" >/dev/null; done
"$ORIENTIR" import roadmap "$top/tests/fixtures/roadmap/broken.csv" --years 2024 >/dev/null
for d in excel-ru rfc4180; do
	mkdir -p "$work/$d"
	"$ORIENTIR" export --period 2024-H1 --to "$work/$d" --dialect $d >/dev/null
	p=$work/$d/orientir-0101-2024-H1
	"$ORIENTIR" --db "$work/d-$d.db" init --code R1 --name "ИМЦ" --role district >/dev/null
	"$ORIENTIR" --db "$work/d-$d.db" district schools add 0101 "Школа" >/dev/null
	"$ORIENTIR" --db "$work/d-$d.db" district import "$p" --received 2024-06-15 >/dev/null
	for n in SHA256SUMS SIGNATURE manifest.txt indicators.csv roadmap.csv results.csv staff.csv events.csv receipt.txt; do
		cat "$p/$n"
		printf '\0'
	done >"$c/package/$d"
done
echo "corpus: $(ls "$c/csvin" | wc -l) csv, $(ls "$c/deadline" | wc -l) deadlines, $(ls "$c/package" | wc -l) packages"
