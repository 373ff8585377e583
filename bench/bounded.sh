#!/bin/sh
# bounded.sh — memory, time and message size of orientir's readers on input
# made to exhaust them, against the same command on a file of a school's
# ordinary size (the reference), and the ratio:
#   1. import roster of 200 MB with no line break (refused at 1 MiB);
#   2. import roster whose header row is 20 MB (refused);
#   3. import results with a 1 MB score cell (refused, quoted briefly);
#   4. district import of a package whose results.csv holds 200 001 rows
#      (refused by plausibility before anything is read into the store);
#   5. district import of a package of 150 000 results (the largest a
#      school's could plausibly be: taken in), against the fixture's 20.
# Each the best of RUNS runs (default 3) for time, the largest RSS, and its
# RSS against the reference of its kind (the roster, the district's import
# of the fixture's package). Exit 1 when a refusal does not happen, or a
# refusal takes more than 10 times its reference's memory.
#
# Environment: ORIENTIR, SQLITE3, RUNS, BENCH_OUT (default bench/out).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
me=bounded.sh
runs=${RUNS:-3}
. "$here/lib.sh"
mkdir -p "$out"
work=$(cd "$out" && pwd)/bounded
rm -rf "$work"
mkdir -p "$work"
export ORIENTIR_DB="$work/school.db" ORIENTIR_TODAY=2024-06-10 LC_ALL=C
fx=$here/../tests/fixtures/indicators

# measure NAME STATUS CMD...: runs CMD RUNS times, expecting STATUS; sets
# secs (best), kib (largest) and errb (stderr bytes).
measure() {
	m_name=$1 m_want=$2
	shift 2
	secs= kib=
	r=0
	while [ $r -lt "$runs" ]; do
		r=$((r + 1))
		t0=$(date +%s.%N)
		set +e
		"$timer" -f '%M' -o "$work/$m_name.rss" "$@" >"$work/$m_name.out" 2>"$work/$m_name.err"
		st=$?
		set -e
		t1=$(date +%s.%N)
		[ "$st" = "$m_want" ] || die "$m_name: exit status $st, expected $m_want: $(head -c 300 "$work/$m_name.err")"
		secs=$(min "$secs" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
		kib=$(max "$kib" "$(tail -n 1 "$work/$m_name.rss")")
	done
	errb=$(grep -v 'Command exited' "$work/$m_name.err" | wc -c)
}

banner "orientir's readers on input made to exhaust them" "$work"
"$bin" init --code 0101 --name "Школа" >/dev/null
for k in roster scales results; do "$bin" import $k "$fx/$k.csv" >/dev/null; done
# The reference: a roster of 1 000 pupils, checked only.
{ echo 'class,student_code,full_name'; awk 'BEGIN { for (i = 1; i <= 1000; i++) printf "%dА,R%d,Ученик Номер%d\n", 1 + i % 11, i, i }'; } \
	>"$work/roster-1000.csv"
head -c 200000000 /dev/zero | tr '\0' a >"$work/noline.csv"
{ head -c 20000000 /dev/zero | tr '\0' x; printf ',class\n5А,x\n'; } >"$work/header.csv"
{ printf 'procedure,subject,year,class,student_code,score\nВПР,Математика,2024,5А,P1,'
  head -c 1000000 /dev/zero | tr '\0' 7; printf '\n'; } >"$work/cell.csv"

printf '\n%-44s %9s %9s %11s %7s\n' "case" "wall s" "RSS MiB" "stderr B" "RSS x"
measure ref 0 "$bin" import roster "$work/roster-1000.csv" --dry-run
ref_kib=$kib
# row TEXT: the last measure's line; its RSS against ref_kib, the reference of its kind
row() { printf '%-44s %9s %9.1f %11s %7s\n' "$1" "$secs" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')" "$errb" \
	"$(ratio "$kib" "$ref_kib")"; }
row "reference: roster of 1 000 pupils (check)"
worst=1
check_ratio() { worst=$(max "$worst" "$(ratio "$kib" "$ref_kib")"); }
measure noline 1 "$bin" import roster "$work/noline.csv"
row "200 MB with no line break"
check_ratio
measure header 1 "$bin" import roster "$work/header.csv"
row "a 20 MB header"
check_ratio
measure cell 1 "$bin" import results "$work/cell.csv"
row "a 1 MB score cell"
check_ratio
rm -f "$work/noline.csv" "$work/header.csv"

# The district: the fixture's package, one of 200 001 rows, one of 150 000.
mkdir -p "$work/stick"
"$bin" export --period 2024-H1 --to "$work/stick" >/dev/null
pkg=$work/stick/orientir-0101-2024-H1
district() {	# district NAME: a fresh district database expecting the school
	rm -f "$work/$1.db"*
	"$bin" --db "$work/$1.db" init --code R1 --name "ИМЦ" --role district >/dev/null
	"$bin" --db "$work/$1.db" district schools add 0101 "Школа" >/dev/null
}
# rows N DIR: a copy of the package with N results, unsigned, checksums made again
rows() {
	rm -rf "$2"
	cp -r "$pkg" "$2"
	rm -f "$2/SIGNATURE" "$2/receipt.txt"
	awk -F';' -v n="$1" 'BEGIN { OFS = ";" } NR == 1 { print; next }
		NR == 2 { for (i = 0; i < n; i++) { $7 = "C" i; print } }' "$pkg/results.csv" >"$2/results.csv"
	(cd "$2" && for f in *; do case $f in SHA256SUMS) ;; *) sha256sum "$f" ;; esac; done >SHA256SUMS)
}
# fresh NAME PKG: NAME's district import of PKG into a fresh district each
# run (as measure does, but the database made again before every run).
fresh() {
	secs= kib=
	r=0
	while [ $r -lt "$runs" ]; do
		r=$((r + 1))
		district "$1"
		t0=$(date +%s.%N)
		"$timer" -f '%M' -o "$work/$1.rss" "$bin" --db "$work/$1.db" district import "$2" \
			--received 2024-06-15 >"$work/$1.out" 2>"$work/$1.err" || die "$1: refused: $(head -c 300 "$work/$1.err")"
		t1=$(date +%s.%N)
		secs=$(min "$secs" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
		kib=$(max "$kib" "$(tail -n 1 "$work/$1.rss")")
	done
	errb=0
}
fresh dref "$pkg"
ref_kib=$kib
row "reference: district import, 20 results"
rows 200001 "$work/big"
district dbig
measure dbig 1 "$bin" --db "$work/dbig.db" district import "$work/big" --received 2024-06-15
row "district import, 200 001 results (refused)"
check_ratio
rows 150000 "$work/large"
fresh dlarge "$work/large"
row "district import, 150 000 results (taken)"
echo
echo "largest RSS of a refusal against its reference: ${worst}x (goal: at most 10x)"
[ "$(verdict "$worst" 10)" = met ] || die "a reader's memory grew with its input"
