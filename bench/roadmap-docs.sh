#!/bin/sh
# roadmap-docs.sh — the roadmap read straight from the district's document:
# a generated 300-activity .docx imported by `orientir import roadmap`,
# against the same plan as CSV imported by orientir, and against
# python-docx (Debian's python3-docx) merely reading the document's tables.
#
# Builds nothing.  Uses the orientir binary $ORIENTIR (default ../src/orientir
# next to this script), /usr/bin/python3 with python3-docx (to make the
# document, and as the reference), and /usr/bin/time.
#
# Preparation (cached in $BENCH_OUT/roadmap-docs-$ACTIVITIES/: delete it to
# redo): a Word document as a district types one — the order's text above,
# the header repeated on every page, ten sections as heading rows merged
# across, ACTIVITIES activities (default 300) with titles of two
# paragraphs, Russian deadlines, a responsible cell merged down over every
# five activities — and the same plan as a CSV file (UTF-8 with BOM, ';').
#
# Measured, each the best of $RUNS runs (default 5), page cache warm:
#  1. Ours: `import roadmap PLAN.docx --years 2025-2026` into a fresh school
#     database (init not timed): the zip opened, the XML streamed, the
#     tables modelled, the plan recognised, every deadline parsed, stored.
#  2. Ours from CSV: the same for PLAN.csv — the document's cost against
#     the table's.
#  3. Reference: /usr/bin/python3 -c 'docx.Document(PLAN.docx)' and the text
#     of every cell of every table read (the reading alone, nothing stored).
# Wall time, CPU time (user + system) and max RSS of each, and the ratios.
# The activities stored are counted: the bench fails when they are not
# ACTIVITIES, or when the document and the CSV do not give the same roadmap.
#
# Environment: ORIENTIR, SQLITE3, ACTIVITIES, RUNS, BENCH_OUT.  Exit status 0
# after the table; 1 when a step fails or a tool is missing.  The goal: the
# .docx imported in well under a second (0.5 s is the line drawn here).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
me=roadmap-docs.sh
runs=${RUNS:-5}
acts=${ACTIVITIES:-300}
. "$here/lib.sh"
case $acts in '' | *[!0-9]* | 0) die "ACTIVITIES must be a positive number" ;; esac
/usr/bin/python3 -c 'import docx' 2>/dev/null || die "no python3-docx (apt-get install python3-docx)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

data="$out/roadmap-docs-$acts"
work=$(mktemp -d "${TMPDIR:-/tmp}/roadmap-docs.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ ! -s "$data/plan.docx" ] || [ ! -s "$data/plan.csv" ]; then
	mkdir -p "$data"
	echo "$me: making a $acts-activity document in $data" >&2
	/usr/bin/python3 - "$data" "$acts" <<'EOF'
import csv, sys
import docx
from docx.oxml import OxmlElement
folder, n = sys.argv[1], int(sys.argv[2])
months = ["сентябрь", "октябрь", "ноябрь", "декабрь", "январь", "февраль", "март", "апрель", "май"]
head = ["№ п/п", "Наименование мероприятия", "Сроки", "Ответственные", "Ожидаемый результат"]
d = docx.Document()
for text in ["ПРИКАЗ", "от 29.08.2025 № 310", "Об утверждении плана мероприятий («дорожной карты»)",
             "План мероприятий («дорожная карта») по повышению качества образования на 2025/2026 учебный год"]:
    d.add_paragraph(text)
t = d.add_table(rows=1, cols=5)
for c, h in enumerate(head):
    t.rows[0].cells[c].text = h
t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
rows = [head]
per = max(1, n // 10)
k = 0
for s in range(1, 11):
    if k >= n:
        break
    cells = t.add_row().cells
    merged = cells[0].merge(cells[4])
    merged.text = "%d. Направление работы номер %d" % (s, s)
    rows.append([merged.text, "", "", "", ""])
    first = None
    for i in range(1, per + 1 if s < 10 else n - k + 1):
        k += 1
        r = t.add_row()
        title = "Мероприятие %d.%d по повышению качества образования\nс участием педагогов школ района" % (s, i)
        deadline = "%s %s" % (months[(k - 1) % 9], "2025" if (k - 1) % 9 < 4 else "2026")
        resp = "Заместитель директора по УВР, руководители ШМО (группа %d)" % ((i - 1) // 5 + 1)
        values = ["%d.%d" % (s, i), title, deadline, resp, "Справка, протокол, доля участников"]
        for c, v in enumerate(values):
            if c == 3 and (i - 1) % 5:
                continue
            lines = v.split("\n")
            r.cells[c].text = lines[0]
            for line in lines[1:]:
                r.cells[c].add_paragraph(line)
        # the responsible merged down over five activities
        if (i - 1) % 5 == 0:
            first = r.cells[3]
        else:
            first = first.merge(r.cells[3])
        rows.append(values)
d.save(folder + "/plan.docx")
with open(folder + "/plan.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(["План мероприятий («дорожная карта») по повышению качества образования на 2025/2026 учебный год",
                "", "", "", ""])
    w.writerows(rows)
EOF
fi

# fresh_db NAME: an empty school database in $work.
fresh_db() {
	rm -f "$work/$1.db" "$work/$1.db-wal" "$work/$1.db-shm"
	"$bin" --db "$work/$1.db" init --code 0101 --name "Школа" >/dev/null
}

# best_of NAME DB CMD...: CMD run $runs times, each into a fresh database DB
# ("" for none); the best wall and CPU times and the largest RSS into
# NAME_secs, NAME_cpu, NAME_kib.
best_of() {
	bo_name=$1 bo_db=$2
	shift 2
	bo_secs= bo_cpu= bo_kib= bo_run=1
	while [ "$bo_run" -le "$runs" ]; do
		[ -z "$bo_db" ] || fresh_db "$bo_db"
		run_timed "$bo_name" "$@"
		bo_secs=$(min "$bo_secs" "$secs") bo_cpu=$(min "$bo_cpu" "$cpu") bo_kib=$(max "$bo_kib" "$kib")
		bo_run=$((bo_run + 1))
	done
	eval "${bo_name}_secs=\$bo_secs ${bo_name}_cpu=\$bo_cpu ${bo_name}_kib=\$bo_kib"
}

best_of d docx "$bin" --db "$work/docx.db" import roadmap "$data/plan.docx" --years 2025-2026
best_of c csv "$bin" --db "$work/csv.db" import roadmap "$data/plan.csv" --years 2025-2026
best_of r "" /usr/bin/python3 -c 'import sys, docx
d = docx.Document(sys.argv[1])
print(sum(len(c.text) for t in d.tables for r in t.rows for c in r.cells))' "$data/plan.docx"

stored=$("$sqlite" "$work/docx.db" "SELECT count(*) FROM activity")
[ "$stored" = "$acts" ] || die "the document gave $stored activities, not $acts"
for db in docx csv; do
	"$bin" --db "$work/$db.db" roadmap list --years 2025-2026 --format csv >"$work/$db.list"
done
cmp -s "$work/docx.list" "$work/csv.list" || die "the document and the CSV do not give the same roadmap"

banner "Roadmap read from a .docx of $acts activities (best of $runs)" "$work"
echo "  document: $(du -k "$data/plan.docx" | cut -f1) KiB .docx, $(du -k "$data/plan.csv" | cut -f1) KiB as CSV"
printf '  %-34s %9s %9s %9s\n' "" "wall, s" "CPU, s" "RSS, KiB"
printf '  %-34s %9s %9s %9s\n' "orientir, .docx" "$d_secs" "$d_cpu" "$d_kib"
printf '  %-34s %9s %9s %9s\n' "orientir, the same plan as CSV" "$c_secs" "$c_cpu" "$c_kib"
printf '  %-34s %9s %9s %9s\n' "python-docx reading the tables" "$r_secs" "$r_cpu" "$r_kib"
echo "  ratio .docx / CSV: wall $(ratio "$d_secs" "$c_secs"), CPU $(ratio "$d_cpu" "$c_cpu")"
echo "  ratio .docx / python-docx: wall $(ratio "$d_secs" "$r_secs"), CPU $(ratio "$d_cpu" "$r_cpu")"
echo "  goal: the .docx in under 0.5 s wall: $(verdict "$d_secs" 0.5 1)"
