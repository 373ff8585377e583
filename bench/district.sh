#!/bin/sh
# district.sh — the district office's benchmark: 300 schools' report packages
# taken in by `orientir district import`, and the low-results rule
# (`orientir district risk`) over them, against sqlite3 doing the same.
#
# Builds nothing.  Uses the orientir binary $ORIENTIR (default ../src/orientir
# next to this script), the sqlite3 shell ($SQLITE3) and /usr/bin/time.
#
# Preparation (cached in $BENCH_OUT/district-$SCHOOLS/: delete it to redo,
# e.g. after a change to what a package holds; ~35 s for 300 schools):
# the synthetic district of gen-district.sh (SCHOOLS schools, default 300:
# ~100 000 pupils, ~1.4 million results over 3 years; bench/out's own files
# are reused when SCHOOLS is 300) is split by the pupils' codes («Ш001-…»)
# into one roster.csv and results.csv per school; every school gets its own
# database (init, import roster, scales, results through the command line,
# $(nproc) schools at a time) and writes its package for the first half of
# the last year (`export --period LAST-H1`, which carries the results of LAST
# and LAST-1), signed, on LAST-06-10 (ORIENTIR_TODAY), into one folder, the
# "stick" (gen-packages.sh).  The school databases are then
# deleted.  The reference table is made from the packages themselves: every
# package's results.csv, header dropped, each row prefixed with its school's
# code, concatenated into one file (untimed).
#
# Measured, each the best of $RUNS runs (default 3), page cache warm for all:
#  1. Import.  Ours: `district import STICK --received LAST-06-15` into a
#     fresh district database expecting the schools (init and `district
#     schools import` of the list made from the manifests not timed): every
#     package read once within its limits, verified (SHA256SUMS and the
#     signature, pinning each school's key), stored, a signed receipt
#     written into each.
#     Baseline: sqlite3 creating a bare typed table (no key, no index) and
#     `.import` of the concatenated file (`.mode csv`, `.separator ;` — the
#     packages are in the excel-ru dialect), sqlite3's default settings, one
#     process.  Wall time of each and the ratio; CPU time (user + system,
#     the steadier figure on a busy machine) and its ratio; max RSS
#     (/usr/bin/time -f %M) of each, the largest of the runs.  The counts are checked: every
#     package taken in, as many rows held as the packages carry.
#  2. Risk.  Ours: `district risk --year LAST --format csv`.  Baseline: one
#     query over the bare table counting participants (not absent) and those
#     below the minimum per school, year, procedure and subject for LAST and
#     LAST-1 — the grouping the rule needs; the rule itself (Russian or
#     mathematics in ВПР, ОГЭ or ЕГЭ, at least 30 % below the minimum; low in
#     two procedures in the year, or in one procedure two years running) is
#     then applied to the query's output with awk, and for every school the
#     flag, its reason, the procedures low in the year and the worst share
#     must agree with ours: the bench fails (exit 1) when they do not.  Wall
#     time, CPU time and max RSS of each, as for the import.
#  3. Sizes: the district database (and its WAL, if any), the stick, the
#     bare sqlite3 database.
#
# Environment: ORIENTIR, ORIENTIR_DATADIR (default ../data next to this
# script), SQLITE3, SCHOOLS, RUNS, BENCH_OUT (default bench/out).  Exit status
# 0 after the table; 1 when a step fails, a tool is missing, or the rule's
# answers disagree.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
me=district.sh
runs=${RUNS:-3}
schools=${SCHOOLS:-300}
. "$here/lib.sh"
case $schools in '' | *[!0-9]* | 0) die "SCHOOLS must be a positive number" ;; esac
[ "$schools" -le 999 ] || die "SCHOOLS must be at most 999 (pupils' codes have three digits for the school)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
mkdir -p "$out"
out=$(cd "$out" && pwd)

dd=$out/district-$schools
stick=$dd/stick
data=$dd/data
if [ "$schools" -eq 300 ] && [ -s "$out/results.csv" ] && [ -s "$out/roster.csv" ] && [ -s "$out/scales.csv" ]; then
	data=$out
fi

# --- preparation (cached) -------------------------------------------------------

prepare() {
	rm -rf "$stick" "$dd/schools" "$dd/work" "$dd/ready" "$dd/all-results.csv"
	mkdir -p "$dd"
	if [ ! -s "$data/results.csv" ]; then
		echo "Generating a district of $schools schools into $data ..."
		SCHOOLS=$schools "$here/gen-district.sh" "$data"
	fi
	last=$(awk -F, 'NR > 1 && $4 > y { y = $4 } END { print y }' "$data/scales.csv")
	echo "Splitting it into $schools schools and writing their packages for $last-H1 ..."
	t0=$(date +%s.%N)
	BIN=$bin PERIOD=$last-H1 MADE=$last-06-10 "$here/gen-packages.sh" "$data" "$stick" "$dd/schools" ||
		die "preparing the schools failed"
	# The reference: the packages' results rows, each with its school.
	for p in "$stick"/orientir-*; do
		code=$(sed -n 's/^school_code: //p' "$p/manifest.txt")
		awk -v s="$code" 'FNR > 1 { print s ";" $0 }' "$p/results.csv"
	done >"$dd/all-results.csv"
	t1=$(date +%s.%N)
	echo "$schools $last signed" >"$dd/ready"
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "  prepared in %.0f s\n\n", b - a }'
}

last=$(awk -F, 'NR > 1 && $4 > y { y = $4 } END { print y }' "$data/scales.csv" 2>/dev/null || true)
if [ ! -s "$dd/ready" ] || [ "$(cat "$dd/ready")" != "$schools $last signed" ]; then
	prepare
	last=$(cut -d' ' -f2 "$dd/ready")
fi
prev=$((last - 1))
period=$last-H1
npkg=$(ls -d "$stick"/orientir-* | wc -l)
[ "$npkg" -eq "$schools" ] || die "$stick holds $npkg packages, not $schools: delete $dd and run again"
work=$dd/work
rm -rf "$work"
mkdir -p "$work"
# The district's list of schools (the packages of schools not on it are
# held for the methodist): made from the packages' manifests, untimed.
for p in "$stick"/orientir-*; do
	sed -n 's/^school_code: //p; s/^school_name: //p' "$p/manifest.txt" | paste -sd';'
done | { echo 'Код;Наименование'; cat; } >"$work/schools.csv"

# --- helpers ----------------------------------------------------------------

mib() { du -cb "$@" 2>/dev/null | awk 'END { printf "%.1f MiB", $1 / 1048576 }'; }

# --- machine and data -------------------------------------------------------

nrows=$(wc -l <"$dd/all-results.csv")
banner "orientir district benchmark" "$dd"
echo "  sqlite3 : $("$sqlite" --version | cut -d' ' -f1,2) (shell)"
echo "  data    : $stick"
echo "            $npkg packages for $period, $nrows results rows (years $prev and $last), $(mib "$stick")"
echo "  timing  : wall clock and CPU time, each the best of $runs run(s); max RSS the largest"
echo

# Warm the page cache for everyone alike.
cat "$stick"/*/* "$dd/all-results.csv" >/dev/null

# --- 1: import ----------------------------------------------------------------

db=$work/district.db
best_imp='' rss='' cpu_imp=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
	{ "$bin" --db "$db" init --code R1 --name "Синтетический район" --role district >/dev/null &&
	  "$bin" --db "$db" district schools import "$work/schools.csv" >/dev/null; } 2>"$work/init.err" ||
		{ cat "$work/init.err" >&2; die "init failed"; }
	run_timed import "$bin" --db "$db" district import "$stick" --received "$last-06-15"
	rss=$(max "$rss" "$kib")
	echo "  run $i: district import $secs s, CPU $cpu s (max RSS $kib KiB)" >&2
	best_imp=$(min "$best_imp" "$secs")
	cpu_imp=$(min "$cpu_imp" "$cpu")
done
n_pkg=$("$sqlite" "$db" 'SELECT count(*) FROM d_package')
[ "$n_pkg" -eq "$schools" ] || die "the district holds $n_pkg packages, not $schools (see $work/import.out)"
n_ours=$("$sqlite" "$db" 'SELECT count(*) FROM d_result')
[ "$n_ours" -eq "$nrows" ] || die "the district holds $n_ours results, the packages $nrows"

bare=$work/bare.db
create='CREATE TABLE results (school TEXT, procedure TEXT, subject TEXT, grade INTEGER, year INTEGER, date TEXT,
 class TEXT, student TEXT, score REAL, mark INTEGER, journal_mark INTEGER, absent TEXT,
 max_score REAL, min_score REAL, high_score REAL);'
best_sq='' rss_sq='' cpu_sq=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$bare" "$bare-journal" "$bare-wal" "$bare-shm"
	run_timed sqlite-import "$sqlite" "$bare" "$create" ".mode csv" ".separator ;" \
		".import '$dd/all-results.csv' results"
	rss_sq=$(max "$rss_sq" "$kib")
	echo "  run $i: sqlite3 .import $secs s, CPU $cpu s (max RSS $kib KiB)" >&2
	best_sq=$(min "$best_sq" "$secs")
	cpu_sq=$(min "$cpu_sq" "$cpu")
done
n_bare=$("$sqlite" "$bare" 'SELECT count(*) FROM results')
[ "$n_bare" -eq "$nrows" ] || die "sqlite3 imported $n_bare rows, the file has $nrows"

# --- 2: risk --------------------------------------------------------------------

query="SELECT school, year, procedure, subject, count(*), total(score < min_score) FROM results
 WHERE absent = '' AND year BETWEEN $prev AND $last GROUP BY school, year, procedure, subject;"
best_risk='' best_query='' rss_risk='' rss_query='' cpu_risk='' cpu_query=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	run_timed risk "$bin" --db "$db" district risk --year "$last" --format csv
	t_risk=$secs c_risk=$cpu
	best_risk=$(min "$best_risk" "$secs")
	cpu_risk=$(min "$cpu_risk" "$cpu")
	rss_risk=$(max "$rss_risk" "$kib")
	run_timed query "$sqlite" -batch -noheader -separator '|' "$bare" "$query"
	best_query=$(min "$best_query" "$secs")
	cpu_query=$(min "$cpu_query" "$cpu")
	rss_query=$(max "$rss_query" "$kib")
	echo "  run $i: district risk $t_risk s, CPU $c_risk s; sqlite3 GROUP BY $secs s, CPU $cpu s" >&2
done

# The rule over the query's counts, then school by school against ours: the
# flag, its reason, the procedures low in the year and the worst share in
# Russian or mathematics must be the same.
awk -F'|' -v y="$last" -v t=30 '
	{ seen[$1] = 1 }
	$3 !~ /^(ВПР|ОГЭ|ЕГЭ)$/ || ($4 !~ /^Русский язык/ && $4 !~ /^Математика/) || $5 == 0 { next }
	100 * $6 / $5 >= t - 1e-9 { low[$1, $2 == y, $3] = 1 }
	$2 == y && (!($1 in worst) || 100 * $6 / $5 > worst[$1]) { worst[$1] = 100 * $6 / $5 }
	END {
		n = split("ВПР ОГЭ ЕГЭ", p, " ")
		for (s in seen) {
			now = 0; both = 0; list = ""
			for (i = 1; i <= n; i++) {
				if ((s, 1, p[i]) in low) { now++; list = list (list == "" ? "" : ";") p[i] }
				if (((s, 1, p[i]) in low) && ((s, 0, p[i]) in low)) both = 1
			}
			why = now >= 2 && both ? "two_procedures;two_years" : now >= 2 ? "two_procedures" : both ? "two_years" : ""
			print s, (now >= 2 || both) ? 1 : 0, why, list, (s in worst) ? sprintf("%.1f", worst[s]) : ""
		}
	}' "$work/query.out" | sort >"$work/rule-sqlite3.txt"
awk -F, 'NR > 1 { print $1, $4, $5, $6, $7 }' "$work/risk.out" | sort >"$work/rule-orientir.txt"
flag_ours=$(awk '$2 == 1' "$work/rule-orientir.txt" | wc -l)
flag_sq=$(awk '$2 == 1' "$work/rule-sqlite3.txt" | wc -l)
if ! diff "$work/rule-orientir.txt" "$work/rule-sqlite3.txt" >"$work/rule.diff"; then
	head -n 20 "$work/rule.diff" >&2
	die "district risk and the rule over sqlite3's counts disagree (above: < orientir, > sqlite3)"
fi
n_low=$(awk '$4 != ""' "$work/rule-orientir.txt" | wc -l)

# --- the table ----------------------------------------------------------------

r_imp=$(ratio "$best_imp" "$best_sq")
r_risk=$(ratio "$best_risk" "$best_query")
kmib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
rows_per_s=$(awk -v n="$nrows" -v s="$best_imp" 'BEGIN { printf "%.0f", n / s }')

echo "Results"
printf '%-46s %10s %10s %7s\n' "measure" "orientir" "sqlite3" "ratio"
printf '%-46s %10s %10s %7s\n' "----------------------------------------------" "----------" "----------" "-------"
printf '%-46s %9ss %9ss %7s\n' "1. district import, $npkg packages" "$best_imp" "$best_sq" "$r_imp"
printf '%-46s %9ss %9ss %7s\n' "   CPU time (user + system)" "$cpu_imp" "$cpu_sq" "$(ratio "$cpu_imp" "$cpu_sq")"
printf '%-46s %6s MiB %6s MiB %7s\n' "   max RSS" "$(kmib "$rss")" "$(kmib "$rss_sq")" ""
printf '%-46s %9ss %9ss %7s\n' "2. district risk --year $last vs GROUP BY" "$best_risk" "$best_query" "$r_risk"
printf '%-46s %9ss %9ss %7s\n' "   CPU time (user + system)" "$cpu_risk" "$cpu_query" "$(ratio "$cpu_risk" "$cpu_query")"
printf '%-46s %6s MiB %6s MiB %7s\n' "   max RSS" "$(kmib "$rss_risk")" "$(kmib "$rss_query")" ""
printf '%-46s %10s %10s %7s\n' "3. district database vs bare table" "$(mib "$db" "$db-wal")" "$(mib "$bare")" ""
printf '%-46s %10s %10s %7s\n' "   the packages (the stick)" "$(mib "$stick")" "" ""
echo
echo "  import: $nrows results rows, $rows_per_s rows/s; every package new, every row held"
echo "  rule: $flag_ours of $npkg schools flagged for $last ($n_low low in at least one procedure);"
echo "        sqlite3's counts with the rule in awk flag $flag_sq: flag, reason, low procedures and"
echo "        worst share agree for every school"
echo "  baseline import: sqlite3 bare.db '<bare table>' '.mode csv' '.separator ;' '.import all-results.csv results'"
echo "  baseline risk  : $(echo "$query" | tr -s ' \n' ' ')"
echo "  times are the best of $runs run(s); the per-run figures went to stderr above;"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
