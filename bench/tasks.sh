#!/bin/sh
# tasks.sh — the ВПР task by task (issue 14) on the bench district: its
# 1.4 million results as forms of 15 tasks each (about 20 million task
# scores), imported by orientir against sqlite3 importing the same scores
# as long rows, and the analysis against a GROUP BY over them.
#
# Builds nothing.  Uses the orientir binary $ORIENTIR (default ../src/orientir
# next to this script), the sqlite3 shell ($SQLITE3), /usr/bin/time, and
# python3 (its standard library: zipfile) to write the workbooks.
#
# Preparation (cached in $BENCH_OUT/tasks/: delete it to redo): the district
# of gen-district.sh (bench/out's, made when missing) turned into
#   roster.csv   its roster, every school's classes labelled apart («4А» of
#                the second school is «4АГ»): a workbook is one school's, and
#                a class's form replaces what that class had;
#   taskmap.csv  every assessment's 15 tasks, its maximum shared out among
#                them (1 point more to the first ones);
#   forms.csv    the forms as one long CSV, as a district's export would be:
#                a row per pupil and assessment (procedure, subject, grade,
#                year, class, code, variant, the 15 tasks' scores — the
#                pupil's score shared out in proportion to the maxima — and
#                the journal mark; an absent pupil «отсутствовал», no scores);
#   long.csv     the same scores as long rows for sqlite3: procedure, subject,
#                year, class, student_code, task, score (present pupils only);
#   xlsx/        the forms as Excel workbooks, one per school, a sheet per
#                year (shared strings, as Excel writes them).
#
# Measured, each the best of $RUNS runs (default 3), page cache warm:
#  1. Import.  Ours: into a fresh database with the roster, scales and task
#     map (not timed), `import tasks forms.csv`: every result and every task
#     score stored.  Baseline: sqlite3 creating a bare typed table (no key,
#     no index) and `.import --csv --skip 1 long.csv`, default settings.
#     Goal: ours ≤ 2 × the baseline, max RSS ≤ 64 MiB.  The same for the
#     300 workbooks imported one after the other (wall time summed, the
#     largest RSS), against the same baseline.
#  2. Analysis.  Ours: `tasks --year LAST --by class --format csv`.  Baseline:
#     on the bare table, SELECT … GROUP BY procedure, subject, year, class,
#     task of the last year: the sums the analysis needs, nothing more.
#     Goal: ours ≤ 0.5 × the baseline.  Every class's sum of every task is
#     cross-checked between the two: the bench fails (exit 1) when one
#     differs.
#
# Environment: ORIENTIR, ORIENTIR_DATADIR, SQLITE3, RUNS, BENCH_OUT (default
# bench/out).  Exit status 0 after the table (MISSED says a goal was not met);
# 1 when a step fails, a tool is missing, or the figures disagree.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
me=tasks.sh
runs=${RUNS:-3}
. "$here/lib.sh"
command -v python3 >/dev/null 2>&1 || die "no python3 (apt-get install python3), to write the workbooks"
mkdir -p "$out"
out=$(cd "$out" && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

if [ ! -s "$out/results.csv" ]; then
	echo "Generating the district into $out ..."
	"$here/gen-district.sh" "$out"
fi
T=$out/tasks
if [ ! -s "$T/roster.csv" ] || [ ! -s "$T/long.csv" ] || [ ! -d "$T/xlsx" ]; then
	echo "Making the forms, the long rows and the workbooks in $T ..."
	t0=$(date +%s.%N)
	rm -rf "$T"
	mkdir -p "$T/xlsx"
	LC_ALL=C awk -F, -v T="$T" '
	BEGIN {	# 28 letters, two to a class: 784 labels for 300 schools × А, Б
		n = split("А Б В Г Д Е Ж З И К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Э Ю Я", L, " ")
	}
	# The class of school «ШNNN» as a label of its own («4А» of Ш002 is
	# «4АГ»): every workbook is one school, and a form of a class replaces
	# that class, so two schools must not share «4А».
	function relabel(cls, code,    g, i) {
		g = cls; sub(/[^0-9].*/, "", g)
		i = 2 * (substr(code, 3, 3) - 1) + (substr(cls, length(g) + 1) == "Б")
		return g L[int(i / n) + 1] L[i % n + 1]
	}
	function shares(key, max,    k, base, r) {
		base = int(max / 15); r = max - 15 * base
		for (k = 1; k <= 15; k++) M[key, k] = base + (k <= r ? 1 : 0)
	}
	FNR == 1 { file++; if (file == 1) print > (T "/roster.csv"); next }
	file == 1 {	# roster: class,student_code,…
		$1 = relabel($1, $2)
		print > (T "/roster.csv")
		next
	}
	file == 2 {	# scales: procedure,subject,grade,year,max_score,…
		key = $1 "," $2 "," $3 "," $4
		shares(key, $5)
		for (k = 1; k <= 15; k++)
			printf "%s,%s,%s,%s,%d,%d\n", $1, $2, $3, $4, k, M[key, k] > (T "/taskmap.csv.tmp")
		next
	}
	{	# results: procedure,subject,year,class,student_code,score,journal_mark,absent
		grade = $4 + 0
		$4 = relabel($4, $5)
		key = $1 "," $2 "," grade "," $3
		if ($8 == "1") {
			printf "%s,%s,%d,%s,%s,%s,отсутствовал,,,,,,,,,,,,,,,,%s\n", $1, $2, grade, $3, $4, $5, $7 > (T "/forms.csv.tmp")
			next
		}
		score = $6; total = 0; sum = 0
		for (k = 1; k <= 15; k++) total += M[key, k]
		for (k = 1; k <= 15; k++) { s[k] = int(score * M[key, k] / total); sum += s[k] }
		for (k = 1; k <= 15 && sum < score; k++) if (s[k] < M[key, k]) { s[k]++; sum++ }
		line = $1 "," $2 "," grade "," $3 "," $4 "," $5 ",1"
		for (k = 1; k <= 15; k++) {
			line = line "," s[k]
			printf "%s,%s,%s,%s,%s,%d,%d\n", $1, $2, $3, $4, $5, k, s[k] > (T "/long.csv.tmp")
		}
		print line "," $7 > (T "/forms.csv.tmp")
	}' OFS=, "$out/roster.csv" "$out/scales.csv" "$out/results.csv"
	{
		echo "procedure,subject,grade,year,task,max_score"
		cat "$T/taskmap.csv.tmp"
	} >"$T/taskmap.csv"
	{
		printf 'procedure,subject,grade,year,class,student_code,variant'
		for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do printf ',%s' "$k"; done
		echo ',journal_mark'
		cat "$T/forms.csv.tmp"
	} >"$T/forms.csv"
	{
		echo "procedure,subject,year,class,student_code,task,score"
		cat "$T/long.csv.tmp"
	} >"$T/long.csv"
	rm -f "$T"/*.tmp
	python3 - "$T/forms.csv" "$T/xlsx" <<'EOF'
# The forms as workbooks: one per school (the code's «Ш001»), a sheet per year.
import sys, zipfile
from xml.sax.saxutils import escape
forms, outdir = sys.argv[1], sys.argv[2]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
COLS = [col(i) for i in range(30)]
by_school = {}
with open(forms, encoding="utf-8") as f:
    head = f.readline().rstrip("\n").split(",")
    for line in f:
        cells = line.rstrip("\n").split(",")
        by_school.setdefault(cells[5][:4], {}).setdefault(cells[3], []).append(cells)
def book(path, sheets):
    strings, index = [], {}
    def sid(t):
        if t not in index:
            index[t] = len(strings)
            strings.append(t)
        return index[t]
    xml_sheets = []
    for name, rows in sheets:
        out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>' % NS]
        for r, cells in enumerate([head] + rows, 1):
            out.append('<row r="%d">' % r)
            for c, v in enumerate(cells):
                if v == "":
                    continue
                ref = COLS[c] + str(r)
                if v.isdigit() and r > 1 and c not in (5,):
                    out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
                else:
                    out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sid(v)))
            out.append("</row>")
        out.append("</sheetData></worksheet>")
        xml_sheets.append((name, "".join(out)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        rels = "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i) for i in range(1, len(xml_sheets) + 1))
        rels += '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels)
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook %s %s><sheets>%s</sheets></workbook>' % (NS, RNS, "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(n), i, i) for i, (n, _) in enumerate(xml_sheets, 1))))
        for i, (_, x) in enumerate(xml_sheets, 1):
            z.writestr("xl/worksheets/sheet%d.xml" % i, x)
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst %s>%s</sst>' % (NS, "".join("<si><t>%s</t></si>" % escape(s) for s in strings)))
for school, years in sorted(by_school.items()):
    book("%s/%s.xlsx" % (outdir, school), [(y, years[y]) for y in sorted(years)])
EOF
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "  made in %.1f s\n", b - a }'
fi
work=$T/work
rm -rf "$work"
mkdir -p "$work"

rows() { awk 'END { print NR - 1 }' "$1"; }
mib() { du -k "$1" | awk '{ printf "%.1f MiB", $1 / 1024 }'; }
nforms=$(rows "$T/forms.csv")
nlong=$(rows "$T/long.csv")
nbooks=$(ls "$T/xlsx" | wc -l)
last=$(awk -F, 'NR > 1 && $4 > y { y = $4 } END { print y }' "$out/scales.csv")

banner "orientir benchmark: the ВПР task by task" "$out"
echo "  data    : $T"
echo "            forms.csv $nforms rows of 15 tasks ($(mib "$T/forms.csv")); long.csv $nlong task scores ($(mib "$T/long.csv"))"
echo "            $nbooks workbooks ($(mib "$T/xlsx")); taskmap.csv $(rows "$T/taskmap.csv") tasks"
echo "  timing  : wall clock, best of $runs run(s); max RSS the largest of the runs"
cat "$T/forms.csv" "$T/long.csv" >/dev/null

# A database with the roster, the scales and the task map.
ready=$work/ready.db
"$bin" --db "$ready" init --code BENCH-01 --name "Benchmark" >/dev/null
"$bin" --db "$ready" import roster "$T/roster.csv" >/dev/null || die "import roster failed"
"$bin" --db "$ready" import scales "$out/scales.csv" >/dev/null || die "import scales failed"
"$bin" --db "$ready" import taskmap "$T/taskmap.csv" >/dev/null || die "import taskmap failed"
fresh() {
	rm -f "$1" "$1-wal" "$1-shm"
	cp "$ready" "$1"
}

# --- 1: the forms in ---
db=$work/forms.db
best_csv='' rss_csv=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	fresh "$db"
	run_timed forms "$bin" --db "$db" import tasks "$T/forms.csv"
	echo "  run $i: import tasks forms.csv $secs s (max RSS $kib KiB)" >&2
	best_csv=$(min "$best_csv" "$secs")
	rss_csv=$(max "$rss_csv" "$kib")
done
n_scores=$("$sqlite" "$db" "SELECT count(*) FROM task_score WHERE scores <> ''")
[ "$n_scores" -eq "$((nlong / 15))" ] || die "orientir holds $n_scores pupils' task scores, long.csv has $((nlong / 15))"

xdb=$work/xlsx.db
best_xlsx='' rss_xlsx=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	fresh "$xdb"
	total=0
	for f in "$T"/xlsx/*.xlsx; do
		run_timed xlsx "$bin" --db "$xdb" import tasks "$f"
		total=$(awk -v a="$total" -v b="$secs" 'BEGIN { printf "%.3f", a + b }')
		rss_xlsx=$(max "$rss_xlsx" "$kib")
	done
	echo "  run $i: import tasks of $nbooks workbooks $total s" >&2
	best_xlsx=$(min "$best_xlsx" "$total")
done
[ "$("$sqlite" "$xdb" "SELECT count(*) FROM task_score WHERE scores <> ''")" -eq "$n_scores" ] ||
	die "the workbooks gave another number of pupils than forms.csv"

bare=$work/bare.db
create='CREATE TABLE long (procedure TEXT, subject TEXT, year INTEGER, class TEXT, student_code TEXT, task INTEGER, score REAL);'
best_sqlite=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$bare" "$bare-journal"
	run_timed sqlite-import "$sqlite" "$bare" "$create" ".import --csv --skip 1 '$T/long.csv' long"
	echo "  run $i: sqlite3 .import long.csv $secs s" >&2
	best_sqlite=$(min "$best_sqlite" "$secs")
done
[ "$("$sqlite" "$bare" 'SELECT count(*) FROM long')" -eq "$nlong" ] || die "sqlite3 imported another number of rows"

# --- 2: the analysis ---
query="SELECT procedure, subject, CAST(class AS INTEGER), class, task, count(*), sum(score) FROM long
 WHERE year = $last GROUP BY procedure, subject, class, task;"
best_tasks='' best_query=''
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	run_timed tasks "$bin" --db "$db" tasks --year "$last" --by class --format csv
	best_tasks=$(min "$best_tasks" "$secs")
	t_tasks=$secs
	run_timed query "$sqlite" -batch -noheader -separator , "$bare" "$query"
	best_query=$(min "$best_query" "$secs")
	echo "  run $i: tasks $t_tasks s, sqlite3 GROUP BY $secs s" >&2
done
# Cross-check: every class's participants and sum of every task.
check=$(awk -F, '
	NR == FNR { q[$1 "," $2 "," $4 "," $5] = $6 "/" ($7 + 0); next }
	FNR > 1 {
		n++
		k = $1 "," $2 "," $5 "," $6
		if ((k in q) && q[k] == $8 "/" ($9 + 0)) ok++
		else if (bad < 3) { bad++; why = why " " k " (ours " $8 "/" $9 ", sqlite3 " q[k] ")" }
	}
	END { printf "%d of %d agree%s", ok, n, why; exit ok != n }' "$work/query.out" "$work/tasks.out") ||
	{ echo "$check" >&2; die "the task sums disagree"; }

r_csv=$(ratio "$best_csv" "$best_sqlite")
r_xlsx=$(ratio "$best_xlsx" "$best_sqlite")
r_tasks=$(ratio "$best_tasks" "$best_query")
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo
echo "Results"
printf '%-48s %10s %10s %7s  %-9s %s\n' "measure" "orientir" "sqlite3" "ratio" "goal" "verdict"
printf '%-48s %10s %10s %7s  %-9s %s\n' "------------------------------------------------" "----------" "----------" "-------" "---------" "-------"
printf '%-48s %9ss %9ss %7s  %-9s %s\n' "1. import tasks forms.csv ($nforms rows)" "$best_csv" "$best_sqlite" "$r_csv" "<= 2.0" \
	"$(verdict "$r_csv" 2.0)"
printf '%-48s %6s MiB %10s %7s  %-9s %s\n' "   max RSS" "$(mb "$rss_csv")" "" "" "<= 64 MiB" "$(verdict "$(mb "$rss_csv")" 64)"
printf '%-48s %9ss %9ss %7s  %-9s %s\n' "   import tasks of $nbooks workbooks (.xlsx)" "$best_xlsx" "$best_sqlite" "$r_xlsx" "<= 2.0" \
	"$(verdict "$r_xlsx" 2.0)"
printf '%-48s %6s MiB %10s %7s  %-9s %s\n' "   max RSS" "$(mb "$rss_xlsx")" "" "" "<= 64 MiB" "$(verdict "$(mb "$rss_xlsx")" 64)"
printf '%-48s %9ss %9ss %7s  %-9s %s\n' "2. tasks --year $last --by class vs GROUP BY" "$best_tasks" "$best_query" "$r_tasks" "<= 0.5" \
	"$(verdict "$r_tasks" 0.5)"
echo
echo "  databases: orientir $(mib "$db"), bare sqlite3 $(mib "$bare")"
echo "  the analysis cross-checked with sqlite3: $check"
echo "  baseline: sqlite3 bare.db '$create' '.import --csv --skip 1 long.csv long'"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
