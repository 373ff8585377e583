#!/bin/sh
# ui.sh — orientir's terminal UI responsiveness benchmark (a benchmark, not a
# test) on the synthetic district of bench/run.sh: ~100 000 pupils and ~1.4
# million results.
#
# Builds nothing.  Uses the orientir binary $ORIENTIR (default ../src/orientir
# next to this script), the terminal harness $VTRUN (default
# ../tests/ui/vtrun: a pty emulated by libvterm, see tests/ui/README.md), the
# sqlite3 shell ($SQLITE3, default sqlite3) and /usr/bin/time, in Russian
# (LANG=ru_RU.UTF-8) on an 80x24 xterm-256color screen.  Prints a table of:
#
#  1. Start-up: from the fork of orientir to its first complete frame, the
#     main menu with its key bar («10Выход» on the last row), measured by
#     vtrun's time-wait.  Baseline: a trivial sqlite3 process on the same
#     file, `sqlite3 FILE 'SELECT 1'`, the wall time of the whole process
#     (fork to exit, as the shell runs it; a batch of 10 timed together with
#     date +%s.%N, divided by 10, so that the timer's own cost is spread).
#     Goal: start-up <= 3 x the baseline.
#  2. Keys in a grid of 1000 pupils: in the results grid, Down 999 times
#     (first row to last) and then PgUp (back up, a page at a time), each
#     press timed by vtrun's time-keys from the write of the key to the end
#     of the program's answer (its output until it pauses for 5 ms).  Mean,
#     95th percentile and slowest press; the mean is set against the same
#     trivial sqlite3 process as a ratio.  Goal: every key without a visible
#     pause, i.e. the slowest press < 100 ms.  Opening the grid (Enter in the
#     year list until the grid is drawn) is printed too.
#  3. Peak resident memory (max RSS, /usr/bin/time -f %M around orientir
#     inside vtrun) of the UI over the whole session of 2 (start, open the
#     grid, all the keys, F10).  Goal: < 32 MiB (old school PCs).
#
# The database: bench/out/work/orientir.db, which bench/run.sh leaves, is
# copied when it holds the whole of bench/out (the counts of pupils, scales
# and results agree); otherwise one is imported (init, import roster, scales,
# results: a few seconds).  Data is generated with gen-district.sh when
# bench/out lacks it.  The copy lives in bench/out/ui/ and is rebuilt each
# time; bench/run.sh's files are only read.
#
# The grid of 1000 pupils: a grid lists the pupils now in the assessment's
# grade, and whoever has a result in it.  The generator fills every grade
# 1-11 with ~9000 pupils, so no grade has room for exactly 1000.  Grade 1
# has no results at all (the district's procedures start in grade 2), so its
# pupils are moved to a new class 2В with `orientir import roster` (their
# results, none, and every other count stay as they were), 1000 new pupils
# are added in class 1Я the same way, and `import scales` adds ВПР
# Математика for grade 1 in the year after the data's last: the only
# assessment of the newest year, so the UI's lists (year first, newest
# first; a list of one is skipped) open it with `1` and Enter.  The screen
# must then say «Введено: 0 из 1000».
#
# Each measure is the best of $RUNS runs (default 5): the least start-up,
# the least mean / p95 / slowest press (each on its own), the largest RSS;
# the slowest press of any run is printed below the table.  The start-ups
# are separate sessions (start, F10) without /usr/bin/time in between; the
# sqlite3 batches run alternately with them.  The page cache is warm for all
# alike (the database is read once before timing).
#
# Environment: ORIENTIR, VTRUN, SQLITE3, ORIENTIR_DATADIR and
# ORIENTIR_LOCALEDIR (passed on to orientir; default ../data and ../locale
# next to this script), RUNS, BENCH_OUT (default bench/out).  Exit status 0
# even when a goal is missed (the table says MISSED); 1 when a step fails or
# a tool is missing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
me=ui.sh
runs=${RUNS:-5}
. "$here/lib.sh"
vtrun=${VTRUN:-$here/../tests/ui/vtrun}
cols=80
rows=24
term=xterm-256color
grid=1000	# pupils in the grid
batch=10	# sqlite3 processes timed together
# An uninstalled build finds its messages through this.
if [ -z "${ORIENTIR_LOCALEDIR:-}" ] && [ -d "$here/../locale" ]; then
	ORIENTIR_LOCALEDIR=$(cd "$here/../locale" && pwd)
	export ORIENTIR_LOCALEDIR
fi
# orientir runs in Russian; this script's own awk in C (a decimal point).
loc=ru_RU.UTF-8
LC_ALL=C
export LC_ALL
unset LINES COLUMNS ORIENTIR_DB
ru() { LANG=$loc LC_ALL=$loc "$@"; }

[ -x "$vtrun" ] || die "no vtrun at $vtrun (make check builds it; it needs libvterm-dev), or set VTRUN"
locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$' || die "the ru_RU.UTF-8 locale is missing (localedef -i ru_RU -f UTF-8 ru_RU.UTF-8)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
vtrun=$(cd "$(dirname "$vtrun")" && pwd)/$(basename "$vtrun")

if [ ! -s "$out/roster.csv" ] || [ ! -s "$out/scales.csv" ] || [ ! -s "$out/results.csv" ]; then
	echo "Generating the district into $out ..."
	"$here/gen-district.sh" "$out"
fi
ui=$out/ui
mkdir -p "$ui"
db=$ui/orientir.db

# --- helpers ----------------------------------------------------------------

now() { date +%s.%N; }
rows_of() { awk 'END { print NR - 1 }' "$1"; }
mib() { wc -c <"$1" | awk '{ printf "%.1f MiB", $1 / 1048576 }'; }
rmdb() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
# orientir ARGS...: runs orientir on the database, quiet unless it fails.
orientir() {
	ru "$bin" --db "$db" "$@" >"$ui/step.out" 2>&1 || { cat "$ui/step.out" >&2; die "failed: orientir $*"; }
}
# counts FILE: pupils, assessments and results in an orientir database.
counts() {
	"$sqlite" "$1" "SELECT (SELECT count(*) FROM student) || ' ' || (SELECT count(*) FROM assessment)
		|| ' ' || (SELECT count(*) FROM result)" 2>/dev/null || true
}
# vt NAME SCRIPT PROGRAM [ARGS...]: runs vtrun; its output goes to $ui/NAME.log.
# Returns vtrun's status.
vt() {
	name=$1 script=$2
	shift 2
	ru "$vtrun" --cols "$cols" --rows "$rows" --term "$term" --timeout 30 "$script" -- "$@" >"$ui/$name.log" 2>&1
}
# field LOG PREFIX N: field N of the first line of LOG starting with PREFIX.
field() { awk -v p="$2" -v n="$3" 'index($0, p) == 1 { print $n; exit }' "$1"; }

# --- machine and data -------------------------------------------------------

nroster=$(rows_of "$out/roster.csv")
nscales=$(rows_of "$out/scales.csv")
nresults=$(rows_of "$out/results.csv")
last_year=$(awk -F, 'NR > 1 && $4 > y { y = $4 } END { print y }' "$out/scales.csv")
year=$((last_year + 1))

banner "orientir UI benchmark" "$ui"
echo "  sqlite3 : $("$sqlite" --version | cut -d' ' -f1,2) (shell); orientir links $(
	ldd "$bin" 2>/dev/null | awk '/libsqlite3/ { print $3; f = 1 } END { if (!f) print "sqlite3 statically" }')"
echo "  terminal: $vtrun, ${cols}x$rows, TERM=$term, $loc; orientir links $(
	ldd "$bin" 2>/dev/null | awk '/libncurses/ { print $3; f = 1 } END { if (!f) print "curses statically" }')"

# --- the database -------------------------------------------------------------

src=$out/work/orientir.db
rmdb "$db"
how=''
if [ -s "$src" ] && [ ! -s "$src-wal" ] && [ ! -e "$src-journal" ]; then
	cp "$src" "$db"
	if [ "$(counts "$db")" = "$nroster $nscales $nresults" ]; then
		how="a copy of $src"
	else
		rmdb "$db"
	fi
fi
if [ -z "$how" ]; then
	echo "  (importing bench/out into a new database: $src is missing or does not hold it all)" >&2
	t0=$(now)
	orientir init --code BENCH-01 --name "Benchmark district school"
	orientir import roster "$out/roster.csv"
	orientir import scales "$out/scales.csv"
	orientir import results "$out/results.csv"
	how=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "imported in %.1f s", b - a }')
fi

# Grade 1 for the grid: its pupils (no results) to class 2В, then 1000 new
# pupils in 1Я and a scale for grade 1 in $year.
awk -F, 'NR == 1 { print "class,student_code"; next } $1 ~ /^1[^0-9]/ { print "2В," $2 }' \
	"$out/roster.csv" >"$ui/move.csv"
moved=$(rows_of "$ui/move.csv")
awk -v n="$grid" 'BEGIN {
	nl = split("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров", last, " ")
	nm = split("Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Никита Матвей Роман Егор Арсений Иван Денис Евгений Даниил Тимофей", male, " ")
	nf = split("Анастасия Мария Анна Виктория Екатерина Наталья Марина Полина Дарья Алиса Ксения Елизавета Софья Вероника Ульяна Варвара Таисия Милана Ева Алёна", female, " ")
	np = split("Александров Дмитриев Сергеев Андреев Алексеев Иванов Михайлов Николаев Петров Владимиров Викторов Олегов Юрьев Евгеньев Павлов", father, " ")
	print "class,student_code,last_name,first_name,middle_name"
	for (i = 0; i < n; i++) {
		ln = last[1 + (i * 7) % nl]; pn = father[1 + (i * 11) % np]
		if (i % 2) printf "1Я,БЕНЧ-%04d,%s,%s,%sич\n", i + 1, ln, male[1 + (i * 3) % nm], pn
		else printf "1Я,БЕНЧ-%04d,%sа,%s,%sна\n", i + 1, ln, female[1 + (i * 13) % nf], pn
	}
}' >"$ui/pupils.csv"
printf '%s\n%s\n' "procedure,subject,grade,year,max_score,min_score,score4,score5,high_score,avg_score" \
	"ВПР,Математика,1,$year,20,7,11,16,," >"$ui/scale.csv"
orientir import roster "$ui/move.csv"
orientir import roster "$ui/pupils.csv"
orientir import scales "$ui/scale.csv"
header="ВПР · Математика · 1 класс · $year"

echo "  data    : $db ($how; $(mib "$db"))"
echo "            $nroster pupils, $nscales scales, $nresults results ($out)"
echo "            + grade 1's $moved pupils moved to 2В, $grid new pupils in 1Я,"
echo "              ВПР Математика grade 1 $year: its grid, $grid rows"
echo "  timing  : best of $runs run(s) each (RSS: the largest); vtrun times from fork / key write"
echo

# Warm the page cache for everyone alike.
cat "$db" >/dev/null

# --- 1: start-up ----------------------------------------------------------------

cat >"$ui/start.vt" <<EOF
time-wait 10Выход
expect-row 0 Главное меню
key F10
expect-exit 0
EOF
best_start='' best_sqlite=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	t0=$(now)
	k=0
	while [ "$k" -lt "$batch" ]; do
		k=$((k + 1))
		"$sqlite" "$db" 'SELECT 1' >/dev/null
	done
	t_sqlite=$(awk -v a="$t0" -v b="$(now)" -v n="$batch" 'BEGIN { printf "%.2f", (b - a) * 1000 / n }')
	vt start "$ui/start.vt" "$bin" --db "$db" || { cat "$ui/start.log" >&2; die "the start-up session failed"; }
	t_start=$(field "$ui/start.log" "time-wait:" 2)
	echo "  run $i: start-up $t_start ms; sqlite3 'SELECT 1' process $t_sqlite ms (mean of $batch)" >&2
	best_start=$(min "$best_start" "$t_start")
	best_sqlite=$(min "$best_sqlite" "$t_sqlite")
done

# --- 2 and 3: the grid session ------------------------------------------------------

# Every press must change the screen (one that does not gets no answer and
# fails), which also proves the moves happened: Down from the first row to
# the last, then PgUp back, no more presses than pages of the screen's
# height (a page is shorter than the screen).
pgup=$(((grid - 1) / rows))
cat >"$ui/grid.vt" <<EOF
wait 10Выход
type 1
time-wait Год
key Enter
time-wait $header
expect Введено: 0 из $grid
time-keys Down $((grid - 1))
time-keys PgUp $pgup
key F10
expect-exit 0
EOF
best_open='' rss='' worst='' unanswered=''
avg_down='' p95_down='' max_down='' avg_pgup='' p95_pgup='' max_pgup=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$ui/rss"
	if ! vt grid "$ui/grid.vt" "$timer" -o "$ui/rss" -f %M "$bin" --db "$db"; then
		cat "$ui/grid.log" >&2
		grep -q 'presses had no answer' "$ui/grid.log" || die "the grid session failed"
		unanswered="$unanswered run $i: $(sed -n '/presses had no answer/{s/^[^ ]* [^ ]* //;p;q;}' "$ui/grid.log");"
	fi
	t_list=$(field "$ui/grid.log" "time-wait:" 2)
	t_grid=$(awk '/^time-wait:/ { n++; if (n == 2) { print $2; exit } }' "$ui/grid.log")
	t_open=$(awk -v a="$t_list" -v b="$t_grid" 'BEGIN { printf "%.1f", b - a }')
	best_open=$(min "$best_open" "$t_open")
	line="  run $i: open the grid $t_open ms"
	for k in Down PgUp; do
		avg=$(field "$ui/grid.log" "time-keys $k " 5)
		mx=$(field "$ui/grid.log" "time-keys $k " 8)
		p95=$(field "$ui/grid.log" "time-keys $k " 11)
		if [ -z "$avg" ]; then	# the session stopped at an earlier key with no answer
			line="$line; $k not run"
			continue
		fi
		if [ "$k" = Down ]; then
			avg_down=$(min "$avg_down" "$avg") p95_down=$(min "$p95_down" "$p95") max_down=$(min "$max_down" "$mx")
		else
			avg_pgup=$(min "$avg_pgup" "$avg") p95_pgup=$(min "$p95_pgup" "$p95") max_pgup=$(min "$max_pgup" "$mx")
		fi
		worst=$(max "$worst" "$mx")
		line="$line; $k avg $avg, p95 $p95, max $mx ms"
	done
	if [ -s "$ui/rss" ]; then
		kib=$(tail -n 1 "$ui/rss")
		rss=$(max "$rss" "$kib")
		line="$line; max RSS $kib KiB"
	fi
	echo "$line" >&2
done

# --- the table ------------------------------------------------------------------

slowest=$(max "$max_down" "$max_pgup")
# A measure no run got to (after a key with no answer) shows as "?".
q() { echo "${1:-?}"; }
avg_down=$(q "$avg_down") p95_down=$(q "$p95_down") max_down=$(q "$max_down")
avg_pgup=$(q "$avg_pgup") p95_pgup=$(q "$p95_pgup") max_pgup=$(q "$max_pgup") slowest=$(q "$slowest")
keys_verdict=$(verdict "$slowest" 100 1)
[ -z "$unanswered" ] || keys_verdict=MISSED
if [ -n "$rss" ]; then
	rss_mib=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
	rss_verdict=$(verdict "$rss_mib" 32 1)
else
	rss_mib='?' rss_verdict='(none)'
fi

fmt='%-46s %10s %10s %7s  %-9s %s\n'
echo "Results (each the best of $runs runs)"
# shellcheck disable=SC2059 # the format is ours
{
	printf "$fmt" "measure" "orientir" "sqlite3" "ratio" "goal" "verdict"
	printf "$fmt" "----------------------------------------------" "----------" "----------" "-------" "---------" "-------"
	printf "$fmt" "1. start-up to the main menu's first frame" "$best_start ms" "$best_sqlite ms" \
		"$(ratio "$best_start" "$best_sqlite")" "<= 3" "$(verdict "$(ratio "$best_start" "$best_sqlite")" 3)"
	printf "$fmt" "2. open the $grid-pupil grid (Enter)" "$best_open ms" "" "" "< 100 ms" "$(verdict "$best_open" 100 1)"
	printf "$fmt" "   Down x $((grid - 1)), mean per key" "$avg_down ms" "$best_sqlite ms" \
		"$(ratio "$avg_down" "$best_sqlite")" "(info)" ""
	printf "$fmt" "   Down, 95th percentile" "$p95_down ms" "" "" "(info)" ""
	printf "$fmt" "   Down, slowest key" "$max_down ms" "" "" "< 100 ms" "$(verdict "$max_down" 100 1)"
	printf "$fmt" "   PgUp x $pgup, mean per key" "$avg_pgup ms" "$best_sqlite ms" \
		"$(ratio "$avg_pgup" "$best_sqlite")" "(info)" ""
	printf "$fmt" "   PgUp, 95th percentile" "$p95_pgup ms" "" "" "(info)" ""
	printf "$fmt" "   PgUp, slowest key" "$max_pgup ms" "" "" "< 100 ms" "$(verdict "$max_pgup" 100 1)"
	printf "$fmt" "   every key moving through the grid" "$slowest ms" "" "" "< 100 ms" "$keys_verdict"
	printf "$fmt" "3. peak RSS of the UI over the grid session" "$rss_mib MiB" "" "" "< 32 MiB" "$rss_verdict"
}
echo
echo "  sqlite3: \`$sqlite FILE 'SELECT 1'\` on the same database, whole process, mean of a batch of $batch"
echo "  start-up: fork to «10Выход» drawn on the last row; keys: write to the answer's last byte"
echo "  (answer = output until a 5 ms pause); the slowest key of any run: $worst ms"
[ -z "$unanswered" ] || echo "  keys with no answer within 2 s:$unanswered"
echo "  RSS: /usr/bin/time -f %M around orientir for start, grid, all the keys and F10; the largest of the runs"
echo "  the per-run figures went to stderr above; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
