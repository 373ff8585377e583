#!/bin/sh
# run.sh — orientir's performance benchmark on synthetic districts.
#
# Builds nothing.  Uses the orientir binary $ORIENTIR (default ../src/orientir
# next to this script) and the sqlite3 shell ($SQLITE3, default sqlite3);
# generates the data with gen-district.sh when it is not there (delete the
# folder to regenerate), in two shapes (SHAPES, default "schools big"):
#
#   schools  bench/out/: 300 schools of ~330 pupils (99 279), 3 years, ВПР,
#            ОГЭ, ЕГЭ and КДР, marks derived from the scales (1.41 million
#            results);
#   big      bench/out/big/: 4 large schools with grades of several thousand
#            pupils in classes of 5 to 1 000 (143 634 pupils), marks given in
#            the file on half the rows and derived on the rest, 5 % absent
#            (1.33 million results).
#
# For each shape it prints a table of:
#
#  1. Import.  Ours: `init` a fresh database (not timed), then `import roster`,
#     `import scales`, `import results` (each timed; total = the three).
#     Baseline: `sqlite3 bare.db` creating a bare, typed table (no key, no
#     index) and `.import --csv --skip 1 results.csv results` — the same file,
#     sqlite3's default settings (rollback journal, synchronous=FULL), one
#     process, timed as a whole.  Goal: our total ≤ 1.5 × the baseline.
#     The ratio of our results import alone is printed too, for information.
#  2. Peak resident memory (max RSS, /usr/bin/time -f %M) of our results
#     import; the largest of the runs.  Goal: < 64 MiB.
#  3. Indicators.  Ours: `indicators --year LAST --format csv` on the imported
#     database.  Baseline: on the bare table (with scales.csv imported into a
#     bare typed table too), one query counting participants and results below
#     the minimum per procedure × subject × grade × year, for the two years the
#     indicators read (LAST, and LAST-1 for below_min_change), joining the
#     scale on procedure, subject, year and the grade taken from the class:
#     the least the indicators have to compute, while ours computes all of
#     them (high level, region's average, objectivity of marks, "in at least
#     one subject", change).  sqlite3 builds an automatic index on scales for
#     the join and scans the results once.  Goal: ours ≤ 0.5 × the baseline.
#     The below_min figures of both are cross-checked for the last year.
#
# The ВПР task by task (its forms, tasks and district tasks) is measured by
# bench/tasks.sh.
#
# Times are wall-clock (date +%s.%N around the command) — the CPU time
# (user + system) of the imports is printed beside, the steadier figure on
# a machine others use too — the best of $RUNS
# runs (default 3): each run imports into a fresh database, and the
# indicators and the query run $RUNS times on the last databases.  The page
# cache is warm for all runs alike (files are read once before timing).
#
# Environment: ORIENTIR, ORIENTIR_DATADIR (passed on to orientir; default
# ../data next to this script), SQLITE3, RUNS, SHAPES, BENCH_OUT (default
# bench/out).  Exit status 0 even when a goal is missed (the table says
# MISSED); 1 when a step fails or a tool is missing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
me=run.sh
runs=${RUNS:-3}
. "$here/lib.sh"

rows() { awk 'END { print NR - 1 }' "$1"; }
mib() { wc -c <"$1" | awk '{ printf "%.1f MiB", $1 / 1048576 }'; }

banner "orientir benchmark" "$out"
echo "  sqlite3 : $("$sqlite" --version | cut -d' ' -f1,2) (shell); orientir links $(
	ldd "$bin" 2>/dev/null | awk '/libsqlite3/ { print $3; f = 1 } END { if (!f) print "sqlite3 statically" }')"
echo "  timing  : wall clock, best of $runs run(s); max RSS the largest of the runs"

# shape NAME DIR: the benchmark of one shape of district, its data in DIR.
shape() {
	sname=$1 data=$2
	if [ ! -s "$data/roster.csv" ] || [ ! -s "$data/scales.csv" ] || [ ! -s "$data/results.csv" ]; then
		echo
		echo "Generating the district ($sname) into $data ..."
		t0=$(date +%s.%N)
		SHAPE=$sname "$here/gen-district.sh" "$data"
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "  generated in %.1f s\n", b - a }'
	fi
	work=$data/work
	rm -rf "$work"
	mkdir -p "$work"
	nroster=$(rows "$data/roster.csv")
	nscales=$(rows "$data/scales.csv")
	nresults=$(rows "$data/results.csv")
	last_year=$(awk -F, 'NR > 1 && $4 > y { y = $4 } END { print y }' "$data/scales.csv")
	prev_year=$((last_year - 1))
	echo
	echo "District \"$sname\": $data"
	echo "  roster.csv  $nroster pupils ($(mib "$data/roster.csv")),"\
		"$(awk -F, 'NR > 1 { c[$1]++ } END { for (k in c) n++; print n }' "$data/roster.csv") classes"
	echo "  scales.csv  $nscales scales; results.csv $nresults results ($(mib "$data/results.csv")); last year $last_year"
	# Warm the page cache for everyone alike.
	cat "$data/roster.csv" "$data/scales.csv" "$data/results.csv" >/dev/null

	# --- 1 and 2: imports ---
	db=$work/orientir.db
	best_roster='' best_scales='' best_results='' best_total='' rss='' best_cpu='' best_sqlite_cpu=''
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
		"$bin" --db "$db" init --code BENCH-01 --name "Benchmark district school" >/dev/null 2>"$work/init.err" ||
			{ cat "$work/init.err" >&2; die "init failed"; }
		run_timed roster "$bin" --db "$db" import roster "$data/roster.csv"
		t_roster=$secs c_roster=$cpu
		run_timed scales "$bin" --db "$db" import scales "$data/scales.csv"
		t_scales=$secs c_scales=$cpu
		run_timed results "$bin" --db "$db" import results "$data/results.csv"
		t_results=$secs
		best_cpu=$(min "$best_cpu" "$(awk -v a="$c_roster" -v b="$c_scales" -v c="$cpu" 'BEGIN { printf "%.2f", a + b + c }')")
		rss=$(max "$rss" "$kib")
		total=$(awk -v a="$t_roster" -v b="$t_scales" -v c="$t_results" 'BEGIN { printf "%.3f", a + b + c }')
		echo "  run $i ($sname): import roster $t_roster s, scales $t_scales s, results $t_results s (max RSS $kib KiB)" >&2
		best_roster=$(min "$best_roster" "$t_roster")
		best_scales=$(min "$best_scales" "$t_scales")
		best_results=$(min "$best_results" "$t_results")
		best_total=$(min "$best_total" "$total")
	done

	bare=$work/bare.db
	create_results='CREATE TABLE results (procedure TEXT, subject TEXT, year INTEGER, class TEXT,'
	if head -1 "$data/results.csv" | grep -q ',mark,'; then
		create_results="$create_results student_code TEXT, score REAL, mark INTEGER, journal_mark INTEGER, absent INTEGER);"
	else
		create_results="$create_results student_code TEXT, score REAL, journal_mark INTEGER, absent INTEGER);"
	fi
	best_sqlite=''
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		rm -f "$bare" "$bare-journal" "$bare-wal" "$bare-shm"
		run_timed sqlite-import "$sqlite" "$bare" "$create_results" ".import --csv --skip 1 '$data/results.csv' results"
		echo "  run $i ($sname): sqlite3 .import results $secs s" >&2
		best_sqlite=$(min "$best_sqlite" "$secs")
		best_sqlite_cpu=$(min "$best_sqlite_cpu" "$cpu")
	done
	n_bare=$("$sqlite" "$bare" 'SELECT count(*) FROM results')
	[ "$n_bare" -eq "$nresults" ] || die "sqlite3 imported $n_bare rows, the file has $nresults"
	"$sqlite" "$bare" "CREATE TABLE scales (procedure TEXT, subject TEXT, grade INTEGER, year INTEGER,
		max_score REAL, min_score REAL, score4 REAL, score5 REAL, high_score REAL, avg_score REAL);" \
		".import --csv --skip 1 '$data/scales.csv' scales"

	# --- 3: indicators ---
	query="SELECT r.procedure, r.subject, s.grade, r.year, count(*), sum(r.score < s.min_score)
	 FROM results r JOIN scales s ON s.procedure = r.procedure AND s.subject = r.subject
	  AND s.year = r.year AND s.grade = CAST(r.class AS INTEGER)
	 WHERE r.year IN ($prev_year, $last_year) AND r.absent IS NOT 1
	 GROUP BY r.procedure, r.subject, s.grade, r.year;"
	best_ind='' best_query=''
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		run_timed indicators "$bin" --db "$db" indicators --year "$last_year" --format csv
		best_ind=$(min "$best_ind" "$secs")
		t_ind=$secs
		run_timed query "$sqlite" -batch -noheader -separator , "$bare" "$query"
		best_query=$(min "$best_query" "$secs")
		echo "  run $i ($sname): indicators $t_ind s, sqlite3 GROUP BY $secs s" >&2
	done

	# Cross-check: our below_min per procedure × subject × grade of the last
	# year against the query's.
	check=$(awk -F, -v y="$last_year" '
		NR == FNR { if ($4 == y) q[$1 "," $2 "," $3] = $6 "/" $5; next }
		$1 == "below_min" && $4 != "" && $5 == y {
			n++
			k = $2 "," $3 "," $4
			if ((k in q) && q[k] == $6 "/" $7) ok++
			else bad = bad " " k "(ours " $6 "/" $7 ", sqlite3 " q[k] ")"
		}
		END { printf "%d of %d agree%s", ok, n, bad }' "$work/query.out" "$work/indicators.out")
	n_ind=$(awk 'END { print NR - 1 }' "$work/indicators.out")

	r_total=$(ratio "$best_total" "$best_sqlite")
	r_results=$(ratio "$best_results" "$best_sqlite")
	r_ind=$(ratio "$best_ind" "$best_query")
	rss_mib=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')

	echo
	echo "Results ($sname)"
	printf '%-44s %10s %10s %7s  %-9s %s\n' "measure" "orientir" "sqlite3" "ratio" "goal" "verdict"
	printf '%-44s %10s %10s %7s  %-9s %s\n' "--------------------------------------------" "----------" "----------" "-------" "---------" "-------"
	printf '%-44s %9ss %10s %7s  %-9s %s\n' "1. import roster ($nroster pupils)" "$best_roster" "" "" "" ""
	printf '%-44s %9ss %10s %7s  %-9s %s\n' "   import scales ($nscales scales)" "$best_scales" "" "" "" ""
	printf '%-44s %9ss %9ss %7s  %-9s %s\n' "   import results ($nresults rows)" "$best_results" "$best_sqlite" "$r_results" "(info)" ""
	printf '%-44s %9ss %9ss %7s  %-9s %s\n' "   import total vs sqlite3 .import results" "$best_total" "$best_sqlite" "$r_total" "<= 1.5" \
		"$(verdict "$r_total" 1.5)"
	printf '%-44s %9ss %9ss %7s  %-9s %s\n' "   …the same in CPU time (user + system)" "$best_cpu" "$best_sqlite_cpu" \
		"$(ratio "$best_cpu" "$best_sqlite_cpu")" "(info)" ""
	printf '%-44s %6s MiB %10s %7s  %-9s %s\n' "2. max RSS of import results" "$rss_mib" "" "" "< 64 MiB" "$(verdict "$rss_mib" 64 1)"
	printf '%-44s %9ss %9ss %7s  %-9s %s\n' "3. indicators --year $last_year vs GROUP BY" "$best_ind" "$best_query" "$r_ind" "<= 0.5" \
		"$(verdict "$r_ind" 0.5)"
	echo
	echo "  databases: orientir $(mib "$db"), bare sqlite3 $(mib "$bare") (results + scales)"
	echo "  indicators: $n_ind rows; below_min by grade for $last_year cross-checked with sqlite3: $check"
	echo "  baseline import: sqlite3 bare.db '$create_results' '.import --csv --skip 1 results.csv results'"
}

for s in ${SHAPES:-schools big}; do
	case $s in
	schools) shape schools "$out" ;;
	big) shape big "$out/big" ;;
	*) die "SHAPES holds schools and big, not $s" ;;
	esac
done
echo
echo "  times are the best of $runs run(s); the per-run figures went to stderr above;"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
