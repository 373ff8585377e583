#!/bin/sh
# region.sh — the region's benchmark (issue 15): SCHOOLS schools (default
# 500) in DISTRICTS districts (default 50) send their packages to the
# region's PostgreSQL database; `orientir district import` against
# PostgreSQL's own COPY of the same rows, the low-results rule against a
# plain GROUP BY, four importers at once against one, and how long a reader
# waits meanwhile.
#
# Builds nothing.  Uses the orientir binary $ORIENTIR (default ../src/orientir
# next to this script), PostgreSQL's server and psql (a throwaway cluster of
# its own, started by tests/region/pg.sh: initdb into /tmp, a Unix socket,
# fsync off for everyone alike, the server's default settings otherwise;
# stopped and removed at the end) and /usr/bin/time.  Not part of make check.
#
# Preparation (cached in $BENCH_OUT/region-$SCHOOLS/: delete it to redo; about
# a minute per 250 schools on two cores): every district is a synthetic
# district of gen-district.sh (its own SEED; ~330 pupils a school, ВПР, ОГЭ,
# ЕГЭ and КДР over 3 years) whose schools write their packages for the first
# half of the last year with gen-packages.sh, as district.sh's do: codes
# DDSSS (the district's two digits, the school's three), the district's name
# «Район DD» in each manifest, signed, into one folder, the "stick".  A
# package carries the results of the last two years (~2 800 rows a school).
# The reference file is every package's results.csv rows, each with its
# school's code (untimed).
#
# Measured (wall clock the best of $RUNS runs, default 1; CPU time of the
# client process, user + system, beside it — the server's own CPU is in
# neither side's figure):
#  a. Import: `district import STICK` into a fresh region (init not timed):
#     every package read, verified (SHA256SUMS and the signature), its
#     school joining the region's list with its district, its tables stored
#     in one transaction (results through COPY), a receipt written; four
#     packages at a time (the default --jobs 4: worker processes, each on a
#     connection of its own, the CPU figure theirs and the parent's), and
#     again one at a time (--jobs 1).
#     Baseline: psql's \copy of the reference file into a bare table (no key,
#     no index) of the same columns, in a fresh database.  Goal ≤ 2×.
#  b. Risk: `district risk --year LAST --format csv` on the region against
#     psql running one GROUP BY over the bare table counting participants and
#     those below the minimum per school, year, procedure and subject (the
#     counts the rule needs; orientir's import keeps them, d_share, so the
#     rule reads them instead of the results).  The issue's goal: ≤ 0.5×.
#  c. Parallel: the stick split in four (packages dealt round, hard links),
#     four `district import`s at once (each with its default --jobs 4) into
#     a fresh region against the one of (a); meanwhile a reader runs `district status --period LAST-H1 --format
#     csv` over and over: how long each took (median and longest) against the
#     same reader on the full region once the importers are done.
#
# Environment: ORIENTIR, ORIENTIR_DATADIR, SCHOOLS, DISTRICTS, RUNS,
# BENCH_OUT (default bench/out); PREPARE_ONLY=1 writes the packages and
# stops (5 000 schools take long: prepare them while the machine is busy,
# measure when it is quiet).  Exit status 0 after the table; 1 when a
# step fails or a count disagrees; 77 when PostgreSQL's server is missing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
me=region.sh
runs=${RUNS:-1}
schools=${SCHOOLS:-500}
districts=${DISTRICTS:-50}
. "$here/lib.sh"
case $schools$districts in *[!0-9]*) die "SCHOOLS and DISTRICTS must be numbers" ;; esac
[ "$districts" -ge 1 ] && [ "$districts" -le 99 ] || die "DISTRICTS must be from 1 to 99"
[ "$schools" -ge "$districts" ] || die "SCHOOLS must be at least DISTRICTS"
[ $((schools / districts)) -lt 999 ] || die "at most 998 schools a district"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
mkdir -p "$out"
out=$(cd "$out" && pwd)
rd=$out/region-$schools
stick=$rd/stick
last=2024
period=$last-H1

# --- preparation (cached) -------------------------------------------------------

prepare() {
	rm -rf "$rd"
	mkdir -p "$rd"
	echo "Writing the packages of $schools schools in $districts districts ..."
	t0=$(date +%s.%N)
	d=0
	while [ "$d" -lt "$districts" ]; do
		d=$((d + 1))
		dd=$(printf %02d "$d")
		n=$((schools / districts + (d <= schools % districts ? 1 : 0)))
		SCHOOLS=$n SEED=$((20240415 + d)) FIRST_YEAR=$((last - 2)) "$here/gen-district.sh" "$rd/d$dd" 2>/dev/null
		BIN=$bin PERIOD=$period MADE=$last-06-10 CODE_PREFIX=$dd DISTRICT="Район $dd" \
			"$here/gen-packages.sh" "$rd/d$dd" "$stick" "$rd/work" || die "district $dd: the packages failed"
		rm -rf "$rd/d$dd"
		printf '  district %s: %d schools\n' "$dd" "$n" >&2
	done
	for p in "$stick"/orientir-*; do
		code=$(sed -n 's/^school_code: //p' "$p/manifest.txt")
		awk -v s="$code" 'FNR > 1 { print s ";" $0 }' "$p/results.csv"
	done >"$rd/all-results.csv"
	echo "$schools $districts" >"$rd/ready"
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "  prepared in %.0f s\n\n", b - a }'
}
[ -s "$rd/ready" ] && [ "$(cat "$rd/ready")" = "$schools $districts" ] || prepare
[ "${PREPARE_ONLY:-0}" = 0 ] || exit 0
npkg=$(ls -d "$stick"/orientir-* | wc -l)
[ "$npkg" -eq "$schools" ] || die "$stick holds $npkg packages, not $schools: delete $rd and run again"
nrows=$(wc -l <"$rd/all-results.csv")
work=$rd/run
rm -rf "$work"
mkdir -p "$work"
# The four importers' sticks: the packages dealt round.
i=0
for p in "$stick"/orientir-*; do
	q=$work/quarter$((i % 4 + 1))
	mkdir -p "$q"
	cp -al "$p" "$q/"
	i=$((i + 1))
done

# --- the server -------------------------------------------------------------------

TMP=$(mktemp -d /tmp/orientir-bench.XXXXXX)
TESTS_SRCDIR=$here/../tests
. "$TESTS_SRCDIR/region/pg.sh"
psql_region "ALTER DATABASE region SET synchronous_commit = on" >/dev/null
# fresh_region: an empty region, made by init.
fresh_region() {
	psql_region "DROP DATABASE region" postgres >/dev/null
	psql_region "CREATE DATABASE region" postgres >/dev/null
	"$bin" --db "$PG_URL" init --role region --code 99 --name "Синтетическая область" >/dev/null ||
		die "init --role region failed"
}
count() { psql_region "SELECT count(*) FROM $1"; }
# median FILE: the median of the numbers in FILE, one a line
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "?" }'; }

banner "orientir region benchmark" "$rd"
echo "  server  : $("$PG_BIN/postgres" --version) (throwaway cluster, fsync off, defaults otherwise)"
echo "  data    : $npkg packages for $period in $districts districts, $nrows results rows, $(du -sh "$stick" | cut -f1)"
echo "  timing  : wall clock the best of $runs run(s); CPU time of the client process"
echo
find "$stick" -type f -exec cat {} + >/dev/null
cat "$rd/all-results.csv" >/dev/null

# --- a: import ------------------------------------------------------------------

best_imp='' cpu_imp=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	fresh_region
	run_timed import "$bin" --db "$PG_URL" district import "$stick" --received "$last-06-15"
	echo "  run $i: district import $secs s, CPU $cpu s" >&2
	best_imp=$(min "$best_imp" "$secs")
	cpu_imp=$(min "$cpu_imp" "$cpu")
done
[ "$(count d_package)" -eq "$schools" ] || die "the region holds $(count d_package) packages, not $schools"
[ "$(count d_result)" -eq "$nrows" ] || die "the region holds $(count d_result) results, the packages $nrows"
size_region=$(psql_region "SELECT pg_size_pretty(pg_database_size('region'))")
# the same, one package at a time on one connection
best_one='' cpu_one=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	fresh_region
	run_timed import1 "$bin" --db "$PG_URL" district import "$stick" --received "$last-06-15" --jobs 1
	echo "  run $i: district import --jobs 1 $secs s, CPU $cpu s" >&2
	best_one=$(min "$best_one" "$secs")
	cpu_one=$(min "$cpu_one" "$cpu")
done
[ "$(count d_result)" -eq "$nrows" ] || die "--jobs 1: the region holds $(count d_result) results, the packages $nrows"

bare_url="postgresql://orientir:$PG_PASSWORD@/bare?host=$PGDIR"
best_copy='' cpu_copy=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	psql_region "DROP DATABASE IF EXISTS bare" postgres >/dev/null 2>&1
	psql_region "CREATE DATABASE bare" postgres >/dev/null
	psql_region "CREATE TABLE results (school TEXT, procedure TEXT, subject TEXT, grade INTEGER, year INTEGER,
		date TEXT, class TEXT, student TEXT, score DOUBLE PRECISION, mark INTEGER, journal_mark INTEGER,
		absent TEXT, max_score DOUBLE PRECISION, min_score DOUBLE PRECISION, high_score DOUBLE PRECISION)" bare
	run_timed copy "$PG_BIN/psql" -XqAt -v ON_ERROR_STOP=1 "$bare_url" \
		-c "\\copy results FROM '$rd/all-results.csv' WITH (FORMAT csv, DELIMITER ';')"
	printf '  run %s: psql \\copy %s s, CPU %s s\n' "$i" "$secs" "$cpu" >&2
	best_copy=$(min "$best_copy" "$secs")
	cpu_copy=$(min "$cpu_copy" "$cpu")
done
[ "$(psql_region "SELECT count(*) FROM results" bare)" -eq "$nrows" ] || die "COPY loaded another count of rows"
size_bare=$(psql_region "SELECT pg_size_pretty(pg_database_size('bare'))")

# --- b: risk --------------------------------------------------------------------

query="SELECT school, year, procedure, subject, count(*), sum(CASE WHEN score < min_score THEN 1 ELSE 0 END)
 FROM results WHERE absent IS NULL AND year BETWEEN $((last - 1)) AND $last GROUP BY school, year, procedure, subject"
best_risk='' cpu_risk='' best_query='' cpu_query=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	run_timed risk "$bin" --db "$PG_URL" district risk --year "$last" --format csv
	t_risk=$secs c_risk=$cpu
	best_risk=$(min "$best_risk" "$secs")
	cpu_risk=$(min "$cpu_risk" "$cpu")
	run_timed query "$PG_BIN/psql" -XqAt -v ON_ERROR_STOP=1 "$bare_url" -c "$query"
	best_query=$(min "$best_query" "$secs")
	cpu_query=$(min "$cpu_query" "$cpu")
	echo "  run $i: district risk $t_risk s, CPU $c_risk s; GROUP BY $secs s, CPU $cpu s" >&2
done
[ "$(($(wc -l <"$work/risk.out") - 1))" -eq "$schools" ] || die "district risk gave another count of schools"
flagged=$(awk -F, 'NR > 1 && $4 == 1' "$work/risk.out" | wc -l)

# --- c: four importers at once, and a reader -----------------------------------------

# reader FILE: district status over and over until $work/stop exists, the
# seconds of each into FILE.
reader() {
	while [ ! -e "$work/stop" ]; do
		t0=$(date +%s.%N)
		"$bin" --db "$PG_URL" district status --period "$period" --format csv >/dev/null ||
			echo "status failed" >>"$work/reader.err"
		awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f\n", b - a }' >>"$1"
	done
}
best_par=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	fresh_region
	rm -f "$work/stop" "$work/busy.txt" "$work/reader.err"
	reader "$work/busy.txt" &
	rpid=$!
	t0=$(date +%s.%N)
	for q in 1 2 3 4; do
		"$bin" --db "$PG_URL" district import "$work/quarter$q" --received "$last-06-15" \
			>"$work/par$q.out" 2>"$work/par$q.err" &
		eval "ipid$q=\$!"
	done
	failed=0
	for q in 1 2 3 4; do
		eval "wait \$ipid$q" || failed=1
	done
	secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
	touch "$work/stop"
	wait "$rpid"
	[ "$failed" = 0 ] || { cat "$work"/par*.err >&2; die "an importer of four failed"; }
	[ ! -s "$work/reader.err" ] || die "district status failed while the importers ran"
	echo "  run $i: four importers $secs s" >&2
	best_par=$(min "$best_par" "$secs")
done
[ "$(count d_result)" -eq "$nrows" ] || die "four importers left $(count d_result) results, the packages $nrows"
rm -f "$work/stop" "$work/idle.txt"
for i in 1 2 3 4 5; do
	t0=$(date +%s.%N)
	"$bin" --db "$PG_URL" district status --period "$period" --format csv >/dev/null
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f\n", b - a }' >>"$work/idle.txt"
done
nread=$(wc -l <"$work/busy.txt")
read_med=$(median "$work/busy.txt")
read_max=$(sort -n "$work/busy.txt" | tail -n 1)
idle_med=$(median "$work/idle.txt")

# --- the table ----------------------------------------------------------------

echo "Results"
printf '%-46s %10s %10s %7s\n' "measure" "orientir" "reference" "ratio"
printf '%-46s %10s %10s %7s\n' "----------------------------------------------" "----------" "----------" "-------"
printf '%-46s %9ss %9ss %7s\n' "a. district import vs psql \\copy, $npkg pkgs" "$best_imp" "$best_copy" \
	"$(ratio "$best_imp" "$best_copy")"
printf '%-46s %9ss %9ss %7s\n' "   client CPU time (user + system)" "$cpu_imp" "$cpu_copy" "$(ratio "$cpu_imp" "$cpu_copy")"
printf '%-46s %9ss %9ss %7s\n' "   the same with --jobs 1" "$best_one" "$best_copy" "$(ratio "$best_one" "$best_copy")"
printf '%-46s %9ss %9ss %7s\n' "   its client CPU time" "$cpu_one" "$cpu_copy" "$(ratio "$cpu_one" "$cpu_copy")"
printf '%-46s %10s %10s %7s\n' "   database size" "$size_region" "$size_bare" ""
printf '%-46s %9ss %9ss %7s\n' "b. district risk --year $last vs GROUP BY" "$best_risk" "$best_query" \
	"$(ratio "$best_risk" "$best_query")"
printf '%-46s %9ss %9ss %7s\n' "   client CPU time (user + system)" "$cpu_risk" "$cpu_query" "$(ratio "$cpu_risk" "$cpu_query")"
printf '%-46s %9ss %9ss %7s\n' "c. four importers at once vs one" "$best_par" "$best_imp" "$(ratio "$best_par" "$best_imp")"
printf '%-46s %9ss %9ss %7s\n' "   district status while they run vs idle" "$read_med" "$idle_med" \
	"$(ratio "$read_med" "$idle_med")"
printf '%-46s %9ss %10s %7s\n' "   the longest status while they run" "$read_max" "" ""
echo
echo "  import: $nrows results rows, $(awk -v n="$nrows" -v s="$best_imp" 'BEGIN { printf "%.0f", n / s }') rows/s;" \
	"every package new, every row held"
echo "  goals: a ≤ 2× ($(verdict "$(ratio "$best_imp" "$best_copy")" 2)), b ≤ 0.5× ($(verdict "$(ratio "$best_risk" "$best_query")" 0.5))"
echo "  rule: $flagged of $schools schools flagged for $last"
echo "  reader: $nread status runs during the four imports (median and longest above), 5 after them"
printf '  baseline import: %s\n' "psql \\copy results FROM all-results.csv (FORMAT csv, DELIMITER ';') into a bare table"
echo "  baseline risk  : $(echo "$query" | tr -s ' \n' ' ')"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
