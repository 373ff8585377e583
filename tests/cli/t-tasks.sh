#!/bin/sh
# The ВПР task by task (issue 14): the ФИС ОКО collection form in every
# shape tests/make-task-forms.py makes (a sheet per class with a title
# block, maxima in the header or in a row under a header of two rows,
# inline strings, a CSV saved from Excel), the task map, the analysis
# against numbers worked by hand, a corrected form, bad forms refused with
# their place and nothing changed, the signs of biased results, the
# package's round trip to the district, and the settings.
. "$TESTS_SRCDIR/cli/lib.sh"
T="$FIXTURES/tasks"
init_school
for k in roster scales taskmap; do
	run import $k "$T/$k.csv"
	expect 0 "the $k imports"
done
check_eq "$(query "SELECT group_concat(number || ':' || max_score || ':' || level, ' ') FROM task")" \
	"1:1.0:Б 2:2.0:Б 3:2.0:Б 4:2.0:П 5:3.0:В" "the task map gives the tasks, their maxima and levels in order"
run import taskmap "$T/taskmap.csv"
expect 0 "the same map again" --out "Added 0, updated 0, unchanged 5"

# --- the form in, in its shapes ---------------------------------------------

snapshot empty
run import tasks "$T/form-sheets.xlsx" --dry-run
expect 0 "a dry run of a workbook of a sheet per class" --out "ВПР, Математика, grade 5, 2025: 5 tasks; classes 5А, 5Б: 11 pupils, 2 absent" \
	--out "would add 11"
same_as empty "…changes nothing"
run import tasks "$T/form-sheets.xlsx"
expect 0 "the workbook imports: the title block names the procedure, subject and year, the sheets the classes" \
	--out "Added 11, updated 0, unchanged 0"
scores() { query "SELECT group_concat(s.code || '=' || t.scores, ' ') FROM task_score t JOIN student s ON s.id = t.student_id"; }
want="А01=1 2 2 1 3 А02=1 1 0 1 2 А03=0 0 1 0 1 А04= А05=1 2 2 2 3 А06=1 0 1 0 0 Б01=1 2 1 1 2 Б02=0 1 0 0 0 Б03=1 2 2 1 1 Б04= Б05=1 1 1 2 0"
check_eq "$(scores)" "$want" "each pupil's task scores, х as 0, the absent without scores"
check_eq "$(query "SELECT group_concat(s.code || '=' || coalesce(r.score, '-') || '/' || r.absent || '/' || r.journal_mark, ' ')
	FROM result r JOIN student s ON s.id = r.student_id WHERE s.code IN ('А01', 'А03', 'А04', 'Б04')")" \
	"А01=9.0/0/5 А03=2.0/0/3 А04=-/1/4 Б04=-/1/4" \
	"the result is the sum of the tasks with the journal mark; «отсутствовал» and a row without scores are absent"
snapshot sheets
for form in form-maxrow.xlsx form-5a.csv; do
	run import tasks "$T/$form"
	expect 0 "$form: the same pupils again change nothing" --out "updated 0, unchanged"
	same_as sheets "…and the database is as it was ($form)"
done
run import tasks "$T/form-maxrow.xlsx"
expect 0 "a header of two rows with the maxima in a row under it, a total written as a formula" \
	--err "«Средний балл»: a summary row, not a pupil: left out" --no-err "column"
run import tasks "$T/form-inline.xlsx"
expect 1 "a form that does not say what it is of is refused, naming what is missing" \
	--err "does not say its procedure" --err "does not say its subject" --err "does not say its year" \
	--no-err "grade"
run import tasks "$T/form-inline.xlsx" --procedure ВПР --subject Математика --year 2025
expect 0 "…and taken with the options (inline strings, no styles)" --out "unchanged 5"
same_as sheets "every shape of the form gives the same scores"

# --- the analysis, against numbers worked by hand --------------------------------

# Task 1 (max 1): 5А 4 of 5 = 80.0, 5Б 3 of 4 = 75.0, school 7 of 9 = 77.8;
# task 5 (max 3): 5А 9/15 = 60.0, 5Б 3/12 = 25.0, school 12/27 = 44.4.
# Deficits: 3 (55.6, 15.4 below the region's 71), 4 and 5 (below 50).
run tasks --year 2025 --format csv
expect 0 "tasks --format csv"
check_eq "$(head -1 "$TMP/out")" \
	"procedure,subject,grade,year,class,task,max_score,participants,score_sum,percent,reference_percent,skill,deficit" \
	"the columns of the contract"
check_eq "$(awk -F, 'NR > 1 { print $6 ":" $8 ":" $9 ":" $10 ":" $NF }' "$TMP/out" | tr '\n' ' ')" \
	"1:9:7:77.8:0 2:9:11:61.1:0 3:9:10:55.6:1 4:9:8:44.4:1 5:9:12:44.4:1 " \
	"the school's participants, sums, percents and deficits are those worked by hand"
check_eq "$(awk -F, 'NR > 1 && $5 == "" ' "$TMP/out" | wc -l)" 5 "with --by school the class is empty"
run tasks --year 2025 --by class --format csv
check_eq "$(awk -F, '$6 == 1 || $6 == 5 { print $5 ":" $6 ":" $10 ":" $NF }' "$TMP/out" | tr '\n' ' ')" \
	"5А:1:80.0:0 5А:5:60.0:0 5Б:1:75.0:0 5Б:5:25.0:1 " "by class, as worked by hand"
run tasks --year 2025
expect 0 "the table for people" --out "3 !" --out "Умение решать текстовые задачи" --out "9 participants"
run tasks --year 2025 --subject "Русский язык" --format csv
check_eq "$(wc -l <"$TMP/out")" 1 "a filter that matches no assessment with tasks: the header alone"
run tasks --year 2025 --subject Астрономия
expect 1 "a subject not known" --err "unknown subject «Астрономия»"
run tasks --pupil А03 --year 2025
expect 0 "a pupil's own deficits and what to work on" --out "task 2: 0 of 2" \
	--out "To work on: Математика: Числа и вычисления (t. 1, 2), Геометрия (t. 4), Логика (t. 5)"
run indicators --year 2025 --format csv
expect 0 "the indicators work from the form alone" --out "below_min,ВПР,Математика,5,2025,3,9,33.3"

# --- the rules ---------------------------------------------------------------------
run tasks set deficit-below 40
expect 0 "tasks set deficit-below"
run tasks --year 2025 --format csv
check_eq "$(awk -F, 'NR > 1 { printf "%s", $NF }' "$TMP/out")" "00100" \
	"…the deficits follow the rule (4 and 5: 44.4 ≥ 40 and within 15 of the region; 3 still by the gap)"
run tasks set deficit-below 0
expect 1 "a rule out of its bounds is refused" --err "is not a number from 1 to 100"
run tasks set deficit-gap 20
run tasks --year 2025 --format csv
check_eq "$(awk -F, 'NR > 1 { printf "%s", $NF }' "$TMP/out")" "00000" "…and the gap (3: 15.4 < 20)"
run tasks set
expect 0 "tasks set alone shows the rules" --out "deficit-below" --out "40" --out "deficit-gap"
run tasks set deficit-below 50
run tasks set deficit-gap 15

# --- a corrected form ------------------------------------------------------------
snapshot before-corrected
run import tasks "$T/form-5a-corrected.csv" --dry-run
expect 0 "a corrected form of 5А, checked" --out "1 pupil an earlier form of these classes gave would be taken out"
same_as before-corrected "…changes nothing"
run import tasks "$T/form-5a-corrected.csv"
expect 0 "a corrected form replaces the class's task scores" --out "updated 1, unchanged 4" \
	--out "1 pupil an earlier form of these classes gave was taken out"
check_eq "$(query "SELECT count(*) FROM result r JOIN student s ON s.id = r.student_id WHERE s.code = 'А06'")" 0 \
	"the pupil the corrected form leaves out has no result of it any more"
check_eq "$(query "SELECT t.scores FROM task_score t JOIN student s ON s.id = t.student_id WHERE s.code = 'А03'")" \
	"0 1 1 0 1" "…and the corrected scores are kept"
check_eq "$(query "SELECT count(*) FROM task_score t JOIN result r USING (assessment_id, student_id) WHERE r.class = '5Б'")" 5 \
	"…the other class is untouched"
run import tasks "$T/form-sheets.xlsx"
expect 0 "the whole form again puts them back" --out "Added 1, updated 1"

# --- bad forms: the place named, nothing changed ------------------------------------
snapshot good
bad() { # FILE DESCRIPTION EXPECTED-ERR... (extra options after --)
	f=$1 d=$2
	shift 2
	opts=
	run import tasks "$T/bad/$f"
	expect 1 "$d" --err "nothing was changed" "$@"
	same_as good "…and nothing changed ($f)"
}
bad cells.csv "bad cells are each told with the file, line and column" \
	--err "cells.csv:3: column C «2 (2 б.)»: score 3 is outside 0..2" \
	--err "cells.csv:4: column F «5 (3 б.)»: «два» is not a score" \
	--err "cells.csv:5: column A «Код участника»: no pupil with code «Я99»" \
	--err "cells.csv:7: this pupil's row for this assessment appears more than once" \
	--err "refused because of 4 errors"
bad formula.xlsx "a formula where a score should be" \
	--err "formula.xlsx:3: sheet «5А», column D «3 (2 б.)»: the cell holds a formula (=1+1), not a score"
bad date.xlsx "a date where a score should be" \
	--err "date.xlsx:3: sheet «5А», column F «5 (3 б.)»: the cell holds the date 01.02.2025, not a score"
bad cut-short.xlsx "a workbook cut short" --err "is damaged: it is cut short"
bad rows-1048576.xlsx "a sheet of 1 048 576 rows is refused, not read into memory" \
	--err "sheet «5А» has more than 65536 filled rows"
bad word.xlsx "a Word document named .xlsx" --err "is a Word document, not an Excel workbook"
bad six-tasks.csv "a form whose tasks are not the map's" \
	--err "the form's tasks (1, 2, 3, 4, 5, 6) are not those of the task map of ВПР, Математика, grade 5"
bad other-grade.csv "a form of grade 6 for pupils of 5А" --err "the pupil's class is in grade 5, the form is of grade 6"
run import tasks "$T/bad/russian.xlsx" --subject Математика
expect 1 "a form of Russian given as mathematics" \
	--err "russian.xlsx:2: sheet «5А»: the form is of Русский язык, --subject says Математика"
same_as good "…and nothing changed"
run import tasks "$T/missing.xlsx"
expect 1 "a file that is not there" --err "missing.xlsx"
run import tasks "$T/form-sheets.xlsx" --grade 12
expect 2 "a grade that is none is a usage error" --err "is not a grade from 1 to 11"
run import roster "$T/form-sheets.xlsx" --subject Математика
expect 2 "--subject with another kind" --err "go with 'import tasks'"

# the task map against forms already imported
printf 'procedure,subject,grade,year,task,max_score,level\nВПР,Математика,5,2025,7,1,Б\nВПР,Математика,5,2025,2,3,Б\nВПР,Математика,5,2025,3,2,Ж\n' >"$TMP/map.csv"
run import taskmap "$TMP/map.csv"
expect 1 "a map that does not fit the forms imported" \
	--err "map.csv:2: column «task»: the forms imported for this assessment have no task 7" \
	--err "map.csv:3: column «max_score»: the forms imported give task 2 the maximum 2" \
	--err "map.csv:4: column «level»: «Ж» is not a level"
same_as good "…and nothing changed"

# --- the signs of biased results -----------------------------------------------
# 30 pupils of 6А in Russian: 8 at the minimum for «3» (6), none at 5: a
# fair coin puts all 8 of 8 at 6 once in 256 (< 0.01); marks against a
# journal «4» for all: lowered 16 of 30, confirmed 9, raised 5.
{
	echo class,student_code
	i=0
	while [ $i -lt 30 ]; do i=$((i + 1)); echo "6Б,О$i"; done
} >"$TMP/roster6.csv"
printf 'procedure,subject,grade,year,max_score,min_score,score4,score5\nВПР,Русский язык,6,2025,20,6,11,16\n' >"$TMP/scale6.csv"
{
	echo procedure,subject,year,class,student_code,score,journal_mark
	i=0
	for sc in 6 6 6 6 6 6 6 6 3 4 8 9 10 11 11 12 13 14 15 16 17 18 19 20 2 4 7 12 12 13; do
		i=$((i + 1))
		echo "ВПР,Русский язык,2025,6Б,О$i,$sc,4"
	done
} >"$TMP/results6.csv"
for k in roster:roster6 scales:scale6 results:results6; do
	run import ${k%%:*} "$TMP/${k#*:}.csv"
done
run objectivity --year 2025 --format csv
expect 0 "objectivity --format csv"
check_eq "$(head -1 "$TMP/out")" "procedure,subject,grade,year,participants,peak_at,lowered,confirmed,raised,flag" \
	"the columns of the contract"
check_eq "$(grep '^ВПР,Русский язык,6' "$TMP/out")" "ВПР,Русский язык,6,2025,30,6,53.3,30.0,16.7,1" \
	"a peak at the minimum for «3» is a sign (8 of 8 pupils at it)"
check_eq "$(grep '^ВПР,Математика,5' "$TMP/out")" "ВПР,Математика,5,2025,9,,66.7,33.3,0.0,0" \
	"a small class is no sign (9 participants)"
run objectivity --year 2025
expect 0 "the table shows the scores of an assessment with a sign" --out "8 pupils scored 6 and 0 one point below it" \
	--out "<- «3» from here" --out "never a verdict"
sed -i 's/^ВПР,Русский язык,2025,6Б,О26,4,4$/ВПР,Русский язык,2025,6Б,О26,5,4/' "$TMP/results6.csv"
run import results "$TMP/results6.csv"
run objectivity --year 2025 --format csv
check_eq "$(grep '^ВПР,Русский язык,6' "$TMP/out" | cut -d, -f6,10)" ",0" \
	"one pupil a point below: 8 of 9 at it happens 2 times in a hundred, no sign"
run objectivity set peak-p 0.05
expect 0 "objectivity set peak-p"
run objectivity --year 2025 --format csv
check_eq "$(grep '^ВПР,Русский язык,6' "$TMP/out" | cut -d, -f6,10)" "6,1" "…at the 5 % level it is one"
run objectivity set peak-p 0.01
run objectivity set raised 15
run objectivity --year 2025 --format csv
check_eq "$(grep '^ВПР,Русский язык,6' "$TMP/out" | cut -d, -f6,10)" ",1" "marks raised for 16.7 % of the pupils are a sign at 15 %"
run objectivity set raised 25
run objectivity set peak-boundary 0
expect 1 "a rule out of its bounds" --err "is not a whole number from 1 to 1000"
sed -i 's/^ВПР,Русский язык,2025,6Б,О26,5,4$/ВПР,Русский язык,2025,6Б,О26,4,4/' "$TMP/results6.csv"
run import results "$TMP/results6.csv"

# --- report.html, the package and the district -----------------------------------------------
mkdir -p "$TMP/stick" "$TMP/dout"
# (made in the half-year, before the stick comes to the district)
on 2025-06-10 export --period 2025-H1 --to "$TMP/stick"
expect 0 "the half-year's package is written"
P="$TMP/stick/orientir-0101-2025-H1"
for f in tasks.csv taskmap.csv objectivity.csv; do
	grep -q "  $f\$" "$P/SHA256SUMS" && ok "SHA256SUMS vouches for $f" || not_ok "SHA256SUMS vouches for $f"
done
check_eq "$(sed -n 2p "$P/tasks.csv" | tr -d '\r')" "ВПР;Математика;5;2025;5А;А01;1;1" "tasks.csv: a row per pupil and task, codes only"
grep -q "Алексеев\|Белова" "$P/tasks.csv" && not_ok "tasks.csv holds no names" || ok "tasks.csv holds no names"
check_eq "$(wc -l <"$P/tasks.csv")" 46 "…every present pupil's every task (9 pupils × 5 tasks, the header)"
grep -q "Объективность\|Signs of biased results" "$P/report.html" && ok "report.html has the signs of biased results" \
	|| not_ok "report.html has the signs of biased results"
grep -q "Умение решать текстовые задачи на движение и работу" "$P/report.html" && ok "report.html lists the deficits" \
	|| not_ok "report.html lists the deficits"
check_eq "$(grep -o '<svg' "$P/report.html" | wc -l)" 6 "report.html: the heat map and a histogram per assessment among its charts"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$P/report.html" 2>"$TMP/err" && ok "report.html is well-formed" || not_ok "report.html is well-formed"
fi
school_tasks=$("$ORIENTIR" tasks --year 2025 --format csv | awk -F, 'NR > 1 { print $1 "," $2 "," $3 "," $4 "," $6 "," $7 "," $8 "," $9 "," $10 "," $NF }')

export ORIENTIR_DB="$TMP/district.db"
run init --code 50 --name "ИМЦ" --role district
run district schools add 0101 "Тестовая школа"
run district import "$P" --received 2025-06-15
expect 0 "the district takes the package in"
run district tasks --year 2025 --format csv
expect 0 "district tasks --format csv"
check_eq "$(head -1 "$TMP/out")" "school_code,procedure,subject,grade,year,task,max_score,participants,score_sum,percent,deficit" \
	"the columns of the contract"
check_eq "$(awk -F, '$1 == "0101" { print $2 "," $3 "," $4 "," $5 "," $6 "," $7 "," $8 "," $9 "," $10 "," $11 }' "$TMP/out")" \
	"$school_tasks" "the round trip: the district's figures of the school are the school's own"
check_eq "$(awk -F, '$1 == "" ' "$TMP/out" | wc -l)" 5 "a row for the whole district per task"
run district tasks --year 2025
expect 0 "the district's table" --out "1 of 1" --out "3 !"
run district risk --year 2025
expect 0 "the district's risk view names the school's sign" --out "Signs of biased results" \
	--out "0101 Тестовая школа: ВПР · Русский язык · 6: a peak of scores at 6"
run district export --period 2025-H1 --to "$TMP/dout"
expect 0 "the district's report"
grep -q "a peak of scores at 6\|пик" "$TMP/dout"/*/report.html && ok "…names the sign" || not_ok "…names the sign"
run district set deficit-below 40
expect 0 "district set deficit-below"
run district tasks --year 2025 --format csv
check_eq "$(awk -F, '$1 == "" { printf "%s", $NF }' "$TMP/out")" "00100" "…the district's deficits follow its rule"

# A package made before the task files (and before signatures): the
# district reads it all the same.
rm -rf "$TMP/old" && cp -r "$P" "$TMP/old" && rm "$TMP/old"/tasks.csv "$TMP/old"/taskmap.csv "$TMP/old"/objectivity.csv
rm -f "$TMP/old/SIGNATURE" "$TMP/old/receipt.txt"
(cd "$TMP/old" && grep -v ' tasks.csv$\| taskmap.csv$\| objectivity.csv$\| receipt.txt$' SHA256SUMS >S && mv S SHA256SUMS)
run init --code 51 --name "ИМЦ 2" --role district --db "$TMP/d2.db"
run --db "$TMP/d2.db" district schools add 0101 "Тестовая школа"
run --db "$TMP/d2.db" district import "$TMP/old" --received 2025-06-15
expect 0 "a package without the task files is taken in" --out "1 new"
# A forged tasks.csv: a task the map does not have, a score above its maximum.
for case in "7;1:task 7 is not in taskmap.csv" "1;5:score 5 is above the task's maximum"; do
	rm -rf "$TMP/forged" && cp -r "$P" "$TMP/forged" && rm -f "$TMP/forged/receipt.txt" "$TMP/forged/SIGNATURE"
	task=${case%%;*} rest=${case#*;}
	score=${rest%%:*} why=${rest#*:}
	sed -i "2s/;1;1\r\$/;$task;$score\r/" "$TMP/forged/tasks.csv"
	(cd "$TMP/forged" && for f in *; do [ "$f" = SHA256SUMS ] || sha256sum "$f"; done >SHA256SUMS)
	run --db "$TMP/d2.db" district import "$TMP/forged" --received 2025-06-16
	expect 1 "a forged tasks.csv is refused: $why" --out "1 refused" --err "tasks.csv:2: $why"
done
finish
